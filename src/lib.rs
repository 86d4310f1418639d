//! PeerPath: an anonymous self-screening and recovery resource finder that runs entirely in the
//! browser. This file holds only the WebAssembly exports and the crate's public surface; the
//! engine (`engine`) is plain Rust and knows nothing of the web.
//!
//! **Invariant:** only this file and `render` touch `JsValue`; nothing a visitor answers leaves
//! the device.

mod engine;
mod flow;
mod render;
mod strings;

pub use engine::answers::{Answer, AnswerError, Answers, ErrorCode, RawAnswers, RawValue};
pub use engine::care::CareLevel;
pub use engine::catalog::{List, CATALOG};
pub use engine::options::{Center, Options, RawOptions};
pub use engine::questionnaire::{ItemId, ItemKind, Path, Section, ITEMS};
pub use engine::result::{Evaluation, QuestionnaireOut};
pub use engine::scores::Severity;
pub use engine::{evaluate, questionnaire, string_keys, VERSION};
pub use strings::Lang;

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The crate version, as every result reports it.
#[wasm_bindgen(js_name = version)]
pub fn version_js() -> String {
    VERSION.to_string()
}

/// The questionnaire for any UI: items in order with their kind, section, labels in `lang`
/// (an offered BCP 47 tag; English otherwise), and when each is shown (`show_when`, as data).
#[wasm_bindgen(js_name = questionnaire)]
pub fn questionnaire_js(lang: Option<String>) -> Result<JsValue, JsValue> {
    let lang = lang.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::En);
    to_js(&questionnaire(lang))
}

/// Scores `answers` (an object of item id to value) and returns the result of screening.md.
/// `options` is optional: `{ lang, config }` with `config` the center's config object.
///
/// Throws an `Error` with `code` (`invalid_answers`, `unknown_item`, `invalid_value`,
/// `wrong_type`, `invalid_options`), `item` and `message` for the first problem, and `errors`
/// listing every problem found. The module keeps working after an error.
#[wasm_bindgen(js_name = evaluate)]
pub fn evaluate_js(answers: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let raw: RawAnswers = serde_wasm_bindgen::from_value(answers).map_err(|e| {
        js_error(&[AnswerError::new(ErrorCode::InvalidAnswers, "", format!("The answers could not be read: {e}."))])
    })?;
    let answers = Answers::from_raw(&raw).map_err(|errors| js_error(&errors))?;
    let options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        let raw: RawOptions = serde_wasm_bindgen::from_value(options).map_err(|e| {
            js_error(&[AnswerError::new(ErrorCode::InvalidOptions, "", format!("The options could not be read: {e}."))])
        })?;
        Options::from_raw(raw)
    };
    to_js(&evaluate(&answers, &options))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

/// A JS `Error` for the first problem, carrying `code`, `item` and `message`, with every problem
/// in `errors`.
fn js_error(errors: &[AnswerError]) -> JsValue {
    let fields = |error: &AnswerError, target: &JsValue| {
        for (key, value) in [("code", error.code.as_str()), ("item", error.item.as_str()), ("message", error.message.as_str())] {
            // Setting a property on a fresh object cannot fail.
            let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), &JsValue::from_str(value));
        }
    };
    let first = errors.first().cloned().unwrap_or_else(|| AnswerError::new(ErrorCode::InvalidAnswers, "", "The answers are not valid.".into()));
    let error: JsValue = js_sys::Error::new(&first.message).into();
    fields(&first, &error);
    let all = js_sys::Array::new();
    for problem in errors {
        let entry: JsValue = js_sys::Object::new().into();
        fields(problem, &entry);
        all.push(&entry);
    }
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("errors"), &all);
    error
}

/// A widget mounted in a shadow root. `free()` it when the element leaves the page: that
/// removes every listener it added.
#[wasm_bindgen]
pub struct Mounted {
    _widget: render::Widget,
}

/// Draws the widget into `root` (a shadow root whose `<slot>` shows the fallback until now) for
/// the center's `config` object (center-config.md; unusable fields are left out, never fatal).
/// `lang` is the element's language, or empty.
#[wasm_bindgen]
pub fn mount(root: web_sys::ShadowRoot, config: JsValue, lang: Option<String>) -> Result<Mounted, JsValue> {
    let config: engine::options::RawConfig = if config.is_undefined() || config.is_null() {
        Default::default()
    } else {
        serde_wasm_bindgen::from_value(config).unwrap_or_else(|e| {
            web_sys::console::warn_1(&JsValue::from_str(&format!("PeerPath: the center config could not be read ({e}); using defaults.")));
            Default::default()
        })
    };
    let quick_exit_url = config.quick_exit_url();
    let options = Options::from_raw(RawOptions { lang, config: Some(config) });
    let widget = render::mount(&root, render::Setup { options, quick_exit_url })?;
    Ok(Mounted { _widget: widget })
}
