//! What `no_std` lacks, written once for every build and each tested against std: the prelude's
//! text helpers, float operations and numbers in text, small sorts, a one-thread `OnceLock`, the
//! module's allocator, and the loose `Json` value that answers, options and configs arrive as.
//!
//! **Invariant:** nothing here imports another part of the crate; every other layer may use it.

#[cfg(target_arch = "wasm32")]
pub mod heap;
pub mod json;
pub mod num;
pub mod numtext;
pub mod once;
pub mod phone;
pub mod prelude;
pub mod sort;
