//! What the standard prelude gives, for the modules that must also build without std.

pub use alloc::boxed::Box;
pub use alloc::string::{String, ToString};
pub use alloc::vec;
pub use alloc::vec::Vec;
