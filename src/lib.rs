//! PeerPath: an anonymous self-screening and recovery resource finder that runs entirely in the
//! browser. This file holds only the WebAssembly exports; the engine (`engine`) is plain Rust.
//!
//! **Invariant:** only this file touches `JsValue`; nothing a visitor answers leaves the device.

mod engine;
mod strings;

pub use engine::answers::{Answer, AnswerError, Answers, ErrorCode, RawAnswers, RawValue};
pub use engine::care::CareLevel;
pub use engine::catalog::{List, CATALOG};
pub use engine::options::{Center, Options, RawOptions};
pub use engine::questionnaire::{ItemId, ItemKind, Path, Section, ITEMS};
pub use engine::result::Evaluation;
pub use engine::scores::Severity;
pub use engine::{evaluate, string_keys, VERSION};
pub use strings::Lang;
