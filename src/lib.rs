//! PeerPath: an anonymous self-screening and recovery resource finder that runs entirely in the
//! browser. This file holds only the WebAssembly exports and the crate's public surface; the
//! engine (`screening`, `center`, `evaluate`) is plain Rust and knows nothing of the web.
//!
//! **Invariant:** only this file, `boundary`, `render` and `guard` touch JavaScript's types (a
//! tidy test); nothing a visitor answers leaves the device.

#![cfg_attr(not(feature = "full"), no_std)]

extern crate alloc;

/// The scoring API's exports (`evaluate`, `questionnaire`, `checkConfig`, ...), in the "full"
/// builds only: the scoring API module for a center's own tools.
#[cfg(feature = "full")]
pub mod api;
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
/// The fields only the sync and the shell read, and what would fail on the live page (the checking builds only).
#[cfg(feature = "full")]
pub use center::readiness::problems as readiness_problems;
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
pub(crate) fn checked_config(config: &JsValue, feed: &JsValue) -> center::config::Checked {
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

/// A config or feed value as `Json`, read within the bounds of `boundary::json_from_js`.
fn read_value(value: &JsValue) -> Json {
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
            let entries: Vec<Json> =
                (start..end).map(|i| boundary::json_from_js_within(&array.get(i), bounds)).collect();
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
pub(crate) fn browser_languages() -> Vec<String> {
    // Without a window (node, or a worker, running the scoring API) there are none.
    let Some(window) = web_sys::window() else { return Vec::new() };
    let languages = window.navigator().languages();
    languages.iter().filter_map(|tag| tag.as_string()).collect()
}
