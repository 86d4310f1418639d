//! The screening engine: plain data in (`Answers`), plain data out (scores, notices, care,
//! suggestions, profile). The questionnaire's items and values, the answers, one condition
//! language, the published scores, and the tables of rules.
//!
//! **Invariant:** nothing here imports `web_sys`, `js_sys` or `wasm_bindgen`, nor the center's
//! data (`center`) or anything above it; it is tested natively.

/// The guidance a rule follows, kept in the table beside the rule for a clinician reviewing it,
/// and in native builds (tests, `check-config`, CLINICAL.md's check) only: a visitor's module
/// has no use for the citations, so it carries an empty string instead (1.1 KB gzip less).
macro_rules! cite {
    ($source:literal) => {
        if cfg!(feature = "full") {
            $source
        } else {
            ""
        }
    };
}

pub mod answers;
pub mod assess;
pub mod care;
pub mod catalog;
pub mod cond;
pub mod contacts;
/// What only the full result holds (the scores and the profile): `full.rs` in the "full"
/// builds, `lean.rs` (nothing) in the widget's module.
#[cfg(feature = "full")]
#[path = "full.rs"]
pub mod full_result;
#[cfg(not(feature = "full"))]
#[path = "lean.rs"]
pub mod full_result;
pub mod items;
#[cfg(feature = "full")]
pub mod profile;
pub mod questionnaire;
pub mod result;
pub mod safety;
pub mod scores;
pub mod writer;
