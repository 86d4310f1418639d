//! The scoring API's exports, for a center's own tools and pages (`www/api/`): `version`,
//! `questionnaire`, `evaluate`, `negotiateLanguage`, `checkConfig`, `checkFeed`. Only the "full"
//! builds have this module (`lib.rs`); the widget's module scores through the engine directly.
//! Values cross with serde-wasm-bindgen both ways: `Deserialize` into the loose `Json` value,
//! derived `Serialize` for results, questionnaires and problems.

use crate::center;
use crate::guard;
use crate::strings::{self, Lang};
use crate::support::prelude::*;
use crate::{evaluate, questionnaire, AnswerError, Answers, ErrorCode, Json, Options, RawAnswers, RawOptions, VERSION};
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
    guard::ready()?;
    to_js(&questionnaire(lang_of(lang)))
}

/// Scores `answers` (an object of item id to value) and returns the result of screening.md.
/// `options` is optional: `{ lang, config, now, zones, near }` with `config` the center's
/// config object.
///
/// Throws an `Error` with `code` (`invalid_answers`, `unknown_item`, `invalid_value`,
/// `wrong_type`, `invalid_options`), `item` and `message` for the first problem, and `errors`
/// listing every problem found. The module keeps working after an error.
#[wasm_bindgen(js_name = evaluate)]
pub fn evaluate_js(answers: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    guard::ready()?;
    guard::fault::fire_if_armed();
    let unreadable = |code, message: String| js_error(&[AnswerError::new(code, "", message)]);
    let answers = from_js(answers).map_err(|e| unreadable(ErrorCode::InvalidAnswers, e))?;
    let answers = Answers::from_raw(&RawAnswers::from_json(answers)).map_err(|errors| js_error(&errors))?;
    let options = from_js(options)
        .and_then(|json| RawOptions::from_json(&json).map_err(str::to_string))
        .map_err(|message| unreadable(ErrorCode::InvalidOptions, message))?;
    to_js(&evaluate(&answers, &Options::from_raw(options)))
}

/// A JS `Error` for the first problem, carrying `code`, `item` and `message`, with every problem
/// in `errors`.
fn js_error(errors: &[AnswerError]) -> JsValue {
    let first = errors
        .first()
        .cloned()
        .unwrap_or_else(|| AnswerError::new(ErrorCode::InvalidAnswers, "", "The answers are not valid.".into()));
    let error: JsValue = js_sys::Error::new(&first.message).into();
    for (key, value) in [("code", first.code.as_str()), ("item", first.item.as_str())] {
        // Setting a property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("errors"), &to_js(&errors).unwrap_or(JsValue::NULL));
    error
}

/// The language a visitor gets (`en`, `es`): the element's `lang`, else the config's first
/// language, else the browser's. (The widget's shell works this out itself, to choose the
/// module before it loads; this is for a center's own tools.)
#[wasm_bindgen(js_name = negotiateLanguage)]
pub fn negotiate_language_js(config: JsValue, lang: Option<String>) -> Result<String, JsValue> {
    guard::ready()?;
    let checked = crate::checked_config(&config, &JsValue::UNDEFINED);
    let browser = crate::browser_languages();
    Ok(strings::builtin::negotiate(lang.as_deref(), &checked.config.languages, &browser).as_str().to_string())
}

/// Checks a center config (and optionally a Meeting Guide feed), each the value `JSON.parse`
/// gives, and returns every problem as `{ level, path, kind, message }`, for tools and a
/// center's own page: the widget's own and what would fail on the live page
/// (`center::readiness`). `lang` (a BCP 47 tag; English otherwise) is the language of the
/// messages: the administrator's, not a visitor's.
#[wasm_bindgen(js_name = checkConfig)]
pub fn check_config_js(config: JsValue, feed: JsValue, lang: Option<String>) -> Result<JsValue, JsValue> {
    guard::ready()?;
    let mut checked = crate::checked_config(&config, &feed);
    if !(config.is_undefined() || config.is_null()) {
        checked.problems.extend(crate::center::readiness::problems(&crate::read_value(&config)));
    }
    to_js(&reports(&checked.problems, lang))
}

/// Checks a Meeting Guide feed alone (the value `JSON.parse` gives) as the widget reads one:
/// `{ problems, meetings }`, `meetings` the number it would show, the problems' messages in
/// `lang` as `checkConfig` gives them. For `peerpath-sync-feed`, which keeps a copy only when it
/// holds a meeting.
#[wasm_bindgen(js_name = checkFeed)]
pub fn check_feed_js(feed: JsValue, lang: Option<String>) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct FeedCheck {
        problems: Vec<center::config::Report>,
        meetings: usize,
    }
    guard::ready()?;
    let checked = crate::checked_config(&JsValue::NULL, &feed);
    to_js(&FeedCheck { meetings: checked.config.resources.len(), problems: reports(&checked.problems, lang) })
}

/// Each problem as a tool reads it, in the language of `lang` (English when none is built in).
fn reports(problems: &[center::config::Problem], lang: Option<String>) -> Vec<center::config::Report> {
    let lang = lang_of(lang);
    problems.iter().map(|problem| problem.report(lang)).collect()
}

/// The built-in language of a caller's tag (`es-MX` is Spanish); English when there is none.
fn lang_of(tag: Option<String>) -> Lang {
    tag.as_deref().and_then(Lang::from_tag).unwrap_or_else(Lang::english)
}

/// A JS value as `Json`, through serde; `undefined` is `null`. `Err` says why it cannot be read
/// (a BigInt, a cycle), for the caller's message.
fn from_js(value: JsValue) -> Result<Json, String> {
    if value.is_undefined() {
        return Ok(Json::Null);
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// A result as a plain JS value: objects, arrays, `null` for what is missing (JSON's shapes, as
/// the contract gives them).
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
}
