//! The center's data: its config (checked, every problem a type), Meeting Guide feeds, the
//! evaluation options, and the finder that ranks its programs and local meetings.
//!
//! **Invariant:** nothing here imports `web_sys`, `js_sys` or `wasm_bindgen`; it may use the
//! screening engine, never the rendering.

pub mod checker;
pub mod config;
pub mod finder;
pub mod meeting_guide;
pub mod options;
pub mod problem;
#[cfg(feature = "full")]
pub mod readiness;
pub mod resource;
