//! PeerPath: an anonymous self-screening and recovery resource finder that runs entirely in the
//! browser. This file holds only the WebAssembly exports and the crate's public surface; the
//! engine (`screening`, `center`, `evaluate`) is plain Rust and knows nothing of the web.
//!
//! **Invariant:** only this file, `boundary`, `render` and `guard` touch JavaScript's types (a
//! tidy test); nothing a visitor answers leaves the device.

#![cfg_attr(not(feature = "full"), no_std)]

extern crate alloc;

mod boundary;
mod center;
mod evaluate;
mod guard;
mod render;
mod screening;
mod strings;
mod support;

use support::prelude::*;

/// Without std, a panic stops the module (`guard`) and traps. (The widget's module is built with
/// `-Cpanic=immediate-abort`, where a panic traps before any handler; the page then calls `halt`.)
#[cfg(all(not(feature = "full"), target_arch = "wasm32"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    guard::stop();
    core::arch::wasm32::unreachable()
}

pub use center::config::{
    check as check_config, Checked, Level as ProblemLevel, Problem, MAX_CONFIG_BYTES, MAX_RESOURCES,
};
pub use center::options::{Options, Place, RawOptions};
pub use center::resource::Resource;
pub use evaluate::Evaluation;
pub use evaluate::{evaluate, meetings_now, notices_at_once, questionnaire, string_keys, VERSION};
pub use screening::answers::{Answer, AnswerError, Answers, ErrorCode, RawAnswers, RawValue};
pub use screening::care::{CareLevel, CARE_NOTES, CARE_RULES, LEVEL_OPTIONS};
pub use screening::catalog::{List, CATALOG, PINS};
pub use screening::contacts::Center;
pub use screening::items::{ItemId, ItemKind, Path};
pub use screening::questionnaire::{Section, ITEMS};
pub use screening::result::QuestionnaireOut;
pub use screening::safety::NOTICES;
pub use screening::scores::Severity;
pub use strings::Lang;
pub use support::json::Json;

use wasm_bindgen::prelude::*;

#[cfg(feature = "full")]
/// The crate version, as every result reports it.
#[wasm_bindgen(js_name = version)]
pub fn version_js() -> String {
    VERSION.to_string()
}

#[cfg(feature = "full")]
/// The questionnaire for any UI: items in order with their kind, section, labels in `lang`
/// (an offered BCP 47 tag; English otherwise), and when each is shown (`show_when`, as data).
#[wasm_bindgen(js_name = questionnaire)]
pub fn questionnaire_js(lang: Option<String>) -> Result<JsValue, JsValue> {
    guard::ready()?;
    let lang = lang.as_deref().and_then(Lang::from_tag).unwrap_or_else(Lang::english);
    to_js(&questionnaire(lang))
}

#[cfg(feature = "full")]
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
    let answers = boundary::from_js(answers).map_err(|e| unreadable(ErrorCode::InvalidAnswers, e))?;
    let answers = Answers::from_raw(&RawAnswers::from_json(answers)).map_err(|errors| js_error(&errors))?;
    let options = boundary::from_js(options)
        .and_then(|json| RawOptions::from_json(&json).map_err(str::to_string))
        .map_err(|message| unreadable(ErrorCode::InvalidOptions, message))?;
    to_js(&evaluate(&answers, &Options::from_raw(options)))
}

#[cfg(feature = "full")]
use boundary::to_js;

#[cfg(feature = "full")]
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

/// Registers the page's `callback`, called (with no argument) if a bug ever panics in the
/// module. From then on every export throws and every widget ignores events, so the page shows
/// its fallback rather than a flow that may be wrong (see `guard`).
#[wasm_bindgen(js_name = onFailure)]
pub fn on_failure_js(callback: js_sys::Function) {
    guard::on_failure(callback);
}

/// Called by the page after it caught a trap of the module (a `RuntimeError` through the glue):
/// from then on every export throws and every widget ignores events, as after a panic.
#[wasm_bindgen(js_name = halt)]
pub fn halt_js() {
    guard::halt();
}

/// Test builds only: the next widget event panics.
#[cfg(feature = "fault-injection")]
#[wasm_bindgen(js_name = armFault)]
pub fn arm_fault_js() {
    guard::fault::arm();
}

/// Test builds only: the next widget event traps without a panic.
#[cfg(feature = "fault-injection")]
#[wasm_bindgen(js_name = armTrap)]
pub fn arm_trap_js() {
    guard::fault::arm_trap();
}

/// A widget mounted in a shadow root. `free()` it when the element leaves the page: that
/// removes every listener it added.
#[wasm_bindgen]
pub struct Mounted {
    widget: render::Widget,
    problems: u32,
    /// The list being read a piece at a time (`addEntries`), and the bounds of its reading.
    reading: Option<(center::config::ListReader, support::json::Bounds)>,
    embed_origins: Vec<String>,
}

/// Entries of a list read by one `addEntries` call: a few milliseconds of work even on a slow
/// phone, so a quick exit is never held up by a long list.
const PIECE: u32 = 200;

/// The center config and feed (values the page read with `JSON.parse`), checked.
fn checked_config(config: &JsValue, feed: &JsValue) -> center::config::Checked {
    let mut checked = if config.is_undefined() || config.is_null() {
        center::config::Checked::default()
    } else {
        center::config::check(&read_value(config))
    };
    if !(feed.is_undefined() || feed.is_null()) {
        checked.add_feed(&read_value(feed));
    }
    checked
}

/// A config or feed value as `Json`: through serde in the scoring API module, through the
/// widget's small reader otherwise (`boundary`).
fn read_value(value: &JsValue) -> Json {
    #[cfg(feature = "full")]
    return boundary::from_js(value.clone()).unwrap_or(Json::Null);
    #[cfg(not(feature = "full"))]
    boundary::json_from_js(value)
}

/// Draws the widget into `root` (a shadow root whose `<slot>` shows the fallback until now) for
/// the center's `config` (the object `JSON.parse` gave, center-config.md), in the language
/// `lang` whose table file's text is `strings` (the page chose it and fetched the file).
/// `languages` names every language there is a file for, by tag, in its own name
/// (`{ en: "English", es: "Español" }`): the switcher offers those the config lists.
/// `asked` is the element's `lang` attribute, if any. Config problems never stop the widget:
/// unusable parts are left out, and `problems` counts them (the page then has the scoring API
/// module's `checkConfig` write each one to the console). `load_language` fetches another
/// language's file when the visitor switches (a tag to a promise of its text), and `welcome`
/// draws the welcome as the shell does.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn mount(
    root: web_sys::ShadowRoot,
    config: JsValue,
    lang: &str,
    strings: String,
    languages: JsValue,
    asked: Option<String>,
    load_language: Option<js_sys::Function>,
    welcome: Option<js_sys::Function>,
) -> Result<Mounted, JsValue> {
    guard::ready()?;
    let checked = checked_config(&config, &JsValue::UNDEFINED);
    let problems = checked.problems.len() as u32;
    let quick_exit_url = checked.quick_exit_url();
    let names = boundary::language_names(&languages);
    let spoken: Vec<&str> = names.iter().map(|(tag, _)| tag.as_str()).collect();
    let offered = strings::offered(&checked.config.languages, &spoken)
        .into_iter()
        .filter_map(|tag| names.iter().find(|(spoken, _)| *spoken == tag).cloned())
        .collect();
    let browser = browser_languages();
    let embed_origins = checked.config.embed_origins.clone();
    let options = Options::from_config(Lang::read(lang, strings), asked.as_deref(), &browser, checked.config);
    let setup = render::Setup {
        options,
        quick_exit_url,
        offered,
        load_language,
        embed_origins: embed_origins.clone(),
        welcome,
    };
    let widget = render::mount(&root, setup)?;
    Ok(Mounted { widget, problems, reading: None, embed_origins })
}

#[wasm_bindgen]
impl Mounted {
    /// Goes to the first question: the visitor pressed Start on the shell's welcome before the
    /// module had loaded.
    pub fn start(&self) -> Result<(), JsValue> {
        guard::ready()?;
        self.widget.start()
    }

    /// Goes to the meetings and programs, soonest first: the visitor pressed "Find a meeting
    /// now" on the shell's welcome before the module had loaded.
    pub fn meetings(&self) -> Result<(), JsValue> {
        guard::ready()?;
        self.widget.meetings()
    }

    /// Adds the rest of the visitor's language (`pkg/strings/<tag>.more.txt`, the result's and
    /// the meetings screen's strings), which the page fetches once the first screen is drawn,
    /// and draws the meetings or the result again if one is on screen.
    #[wasm_bindgen(js_name = addStrings)]
    pub fn add_strings(&self, text: String) -> Result<(), JsValue> {
        guard::ready()?;
        if self.widget.first_language().is_some_and(|lang| lang.extend(text)) {
            self.widget.refresh()?;
        }
        Ok(())
    }

    /// How many problems the center's config and lists had so far (0 for a clean one), for the
    /// page to have them written out.
    #[wasm_bindgen(getter)]
    pub fn problems(&self) -> u32 {
        self.problems
    }

    /// The host sites the config lets show the widget in isolated mode (`embed_origins`,
    /// checked): the frame tells only them that it is ready.
    #[wasm_bindgen(getter, js_name = embedOrigins)]
    pub fn embed_origins(&self) -> Vec<String> {
        self.embed_origins.clone()
    }

    /// Adds the entries of a list of resources (`field`: the config's `resources` or
    /// `meeting_guide`, or `meeting_guide_url` for the feed fetched from it) from place `start`
    /// on, a piece at a time: the page calls again with the place returned, letting the visitor
    /// (and a quick exit) in between, until the place is the list's length. Lists come after
    /// `mount`, which draws the first screen at once, in the order resources, meeting_guide,
    /// feed. The result on screen is worked out again when a list is done.
    #[wasm_bindgen(js_name = addEntries)]
    pub fn add_entries(&mut self, field: &str, list: JsValue, start: u32) -> Result<u32, JsValue> {
        use center::config::{List, ListReader};
        use support::json::{Bounds, Cut};
        guard::ready()?;
        let Some(kind) = List::named(field) else { return Err(JsValue::from_str("not a list of resources")) };
        let mut checker = center::checker::Checker::default();
        let at = center::config::At::ROOT.key(field);
        let Some(array) = list.dyn_ref::<js_sys::Array>() else {
            checker.wrong_type(at, center::config::Expected::List, &boundary::json_from_js(&list));
            self.problems += checker.finish().len() as u32;
            return Ok(0);
        };
        let length = array.length();
        let end = length.min(start.saturating_add(PIECE)).min(Bounds::ENTRIES as u32);
        let mut done = end == length;
        self.widget.change_resources(|resources| {
            let (reader, bounds) = match &mut self.reading {
                Some(reading) if start > 0 => reading,
                reading => reading.insert((ListReader::new(kind, resources), Bounds::new())),
            };
            let mut entries = Vec::new();
            for i in start..end {
                entries.push(boundary::json_from_js_within(&array.get(i), bounds));
            }
            if !reader.read(&entries, start as usize, resources, &mut checker) {
                done = true;
            } else if end == Bounds::ENTRIES as u32 && length > end {
                checker.error(at, center::config::ProblemKind::NotRead { cut: Cut::Entries });
                done = true;
            }
        });
        self.problems += checker.finish().len() as u32;
        if done {
            self.widget.refresh()?;
        }
        Ok(if done { length } else { end })
    }
}

/// The browser's preferred languages, best first.
fn browser_languages() -> Vec<String> {
    // Without a window (node, or a worker, running the scoring API) there are none.
    let Some(window) = web_sys::window() else { return Vec::new() };
    let languages = window.navigator().languages();
    languages.iter().filter_map(|tag| tag.as_string()).collect()
}

#[cfg(feature = "full")]
/// The language a visitor gets (`en`, `es`): the element's `lang`, else the config's first
/// language, else the browser's. (The widget's shell works this out itself, to choose the
/// module before it loads; this is for a center's own tools.)
#[wasm_bindgen(js_name = negotiateLanguage)]
pub fn negotiate_language_js(config: JsValue, lang: Option<String>) -> Result<String, JsValue> {
    guard::ready()?;
    let checked = checked_config(&config, &JsValue::UNDEFINED);
    let browser = browser_languages();
    Ok(strings::builtin::negotiate(lang.as_deref(), &checked.config.languages, &browser).as_str().to_string())
}

#[cfg(feature = "full")]
/// Checks a center config (and optionally a Meeting Guide feed), each the value `JSON.parse`
/// gives, and returns every problem as `{ level, path, message }`, for tools and a center's own
/// page.
#[wasm_bindgen(js_name = checkConfig)]
pub fn check_config_js(config: JsValue, feed: JsValue) -> Result<JsValue, JsValue> {
    guard::ready()?;
    to_js(&checked_config(&config, &feed).problems)
}

#[cfg(feature = "full")]
/// Checks a Meeting Guide feed alone (the value `JSON.parse` gives) as the widget reads one:
/// `{ problems, meetings }`, `meetings` the number it would show. For `peerpath-sync-feed`,
/// which keeps a copy only when it holds a meeting.
#[wasm_bindgen(js_name = checkFeed)]
pub fn check_feed_js(feed: JsValue) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct FeedCheck {
        problems: Vec<center::config::Problem>,
        meetings: usize,
    }
    guard::ready()?;
    let checked = checked_config(&JsValue::NULL, &feed);
    to_js(&FeedCheck { meetings: checked.config.resources.len(), problems: checked.problems })
}
