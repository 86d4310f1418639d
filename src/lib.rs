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
pub use engine::config::{check as check_config, Checked, Level as ProblemLevel, Problem, Resource, MAX_CONFIG_BYTES, MAX_RESOURCES};
pub use engine::json::Json;
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
/// the center's `config` object (center-config.md) and, when the config names a
/// `meeting_guide_url`, the `feed` the page fetched from it. Config problems never stop the
/// widget: unusable parts are left out and every problem is listed once in the console.
/// `lang` is the element's language, or empty.
#[wasm_bindgen]
pub fn mount(root: web_sys::ShadowRoot, config: JsValue, lang: Option<String>, feed: JsValue) -> Result<Mounted, JsValue> {
    let mut checked = if config.is_undefined() || config.is_null() {
        engine::config::Checked::default()
    } else {
        let json: engine::json::Json = serde_wasm_bindgen::from_value(config).unwrap_or(engine::json::Json::Null);
        engine::config::check(&json)
    };
    if !(feed.is_undefined() || feed.is_null()) {
        let json: engine::json::Json = serde_wasm_bindgen::from_value(feed).unwrap_or(engine::json::Json::Null);
        checked.add_feed(&json);
    }
    if !checked.problems.is_empty() {
        let lines: Vec<String> = checked.problems.iter().map(|p| [if p.level == engine::config::Level::Error { "error" } else { "warning" }, ": ", &p.path, ": ", &p.message].concat()).collect();
        let message = ["PeerPath: the center config has ", &checked.problems.len().to_string(), " problem(s); the widget uses the rest.\n", &lines.join("\n")].concat();
        web_sys::console::warn_1(&JsValue::from_str(&message));
    }
    let quick_exit_url = checked.quick_exit_url();
    let offered = strings::offered(&checked.config.languages);
    let browser: Vec<String> = web_sys::window().map(|w| w.navigator().languages().iter().filter_map(|l| l.as_string()).collect()).unwrap_or_default();
    let options = Options::from_config(lang.as_deref(), &browser, checked.config);
    let widget = render::mount(&root, render::Setup { options, quick_exit_url, offered })?;
    Ok(Mounted { _widget: widget })
}

/// Checks a center config (and optionally a Meeting Guide feed) and returns every problem as
/// `{ level, path, message }`, for tools and for a center's own page.
#[wasm_bindgen(js_name = checkConfig)]
pub fn check_config_js(config: JsValue, feed: JsValue) -> Result<JsValue, JsValue> {
    let json: engine::json::Json = serde_wasm_bindgen::from_value(config).unwrap_or(engine::json::Json::Null);
    let mut checked = engine::config::check(&json);
    if !(feed.is_undefined() || feed.is_null()) {
        let json: engine::json::Json = serde_wasm_bindgen::from_value(feed).unwrap_or(engine::json::Json::Null);
        checked.add_feed(&json);
    }
    to_js(&checked.problems)
}
