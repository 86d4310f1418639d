//! The widget in the page: draws the flow into the element's shadow root with web-sys and
//! handles the visitor's input.
//!
//! A handful of listeners do all the work (click, change and focusin on the shadow root by
//! delegation, keydown on the window for the Shift quick exit). `Widget` owns them and removes
//! them when dropped, so an element taken off the page leaves nothing behind: no
//! `Closure::forget`. Handlers use `try_borrow_mut`, so an event fired while the state is busy
//! (focus() inside a click) is skipped instead of panicking.

use crate::support::prelude::*;
mod calendar;
mod clock;
mod copy;
mod dom;
pub mod flow;
mod screens;

use alloc::rc::{Rc, Weak};
use core::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget, HtmlInputElement, KeyboardEvent, ShadowRoot, Window};

use crate::center::options::{Options, Place};
use crate::evaluate::Evaluation;
use crate::evaluate::{evaluate, notices_at_once};
use crate::render::flow::{Flow, Screen};
use crate::screening::answers::RawValue;
use crate::screening::items::{ItemId, ItemKind, PREFER_NOT};
use crate::screening::questionnaire::Sharpen;
use crate::screening::result::Notice;
use crate::strings::Lang;
use crate::support::numtext;
use clock::{set_clock, Clock};
use dom::{closest, focus, El, Result};
use screens::View;

/// Shift pressed this many times within `SHIFT_WINDOW_MS` leaves the page.
const SHIFT_PRESSES: usize = 3;
const SHIFT_WINDOW_MS: f64 = 5000.0;
/// A time longer ago than any window.
const NONE_YET: f64 = f64::NEG_INFINITY;
/// Values that, when chosen in a multi-choice question, clear the others (and the reverse).
const EXCLUSIVE: [&str; 2] = ["none", PREFER_NOT];

/// What the widget needs from the center's config.
pub struct Setup {
    pub options: Options,
    /// Where the quick exit goes (already checked to be http or https).
    pub quick_exit_url: String,
    /// Languages the visitor can switch between: each one's tag and its own name.
    pub offered: Vec<(String, String)>,
    /// Fetches a language's strings file (`lang` to a promise of its text), for switching to a
    /// language that is not loaded yet.
    pub load_language: Option<js_sys::Function>,
    /// In isolated mode, the host sites a quick exit may be asked of (the config's
    /// `embed_origins`); the frame's own origin always may.
    pub embed_origins: Vec<String>,
    /// Draws the welcome screen (`(container, lang, center name)`): the page's shell draws it,
    /// before the module has loaded (quality.md: the welcome does not wait for the module), and
    /// again here, so its words live in one place.
    pub welcome: Option<js_sys::Function>,
}

struct App {
    window: Window,
    doc: Document,
    frame: Element,
    screen_el: Element,
    live: Element,
    setup: Setup,
    flow: Flow,
    result: Option<Evaluation>,
    /// Notices a crisis answer raised, shown at once above the question until the visitor
    /// continues or moves on (screening.md, "In the moment").
    moment: Vec<Notice>,
    /// The visitor opened the crisis strip with "More help" after it folded into the bar (it
    /// is open on the welcome, folded after it).
    help_open: bool,
    /// The question whose answer brought the panel, where "continue" puts focus back.
    moment_from: Option<ItemId>,
    /// When Shift was last pressed on its own, oldest first (`NONE_YET` where not).
    shift_times: [f64; SHIFT_PRESSES],
    /// The last key released was released with Shift held (as in Shift+Tab).
    last_key_shifted: bool,
    /// This state, for callbacks that arrive later (geolocation); weak, so nothing cycles.
    me: Weak<RefCell<App>>,
    /// Geolocation callbacks waiting for an answer; dropped with the widget.
    waiting: Vec<Closure<dyn FnMut(JsValue)>>,
    /// The languages whose files were read, the first one included, so switching back to one
    /// fetches nothing.
    languages: Vec<Lang>,
    /// The time formats, made once.
    clock: Clock,
}

struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

/// A mounted widget. Dropping it removes every listener it added.
pub struct Widget {
    app: Rc<RefCell<App>>,
    listeners: Vec<Listener>,
}

impl Drop for Widget {
    fn drop(&mut self) {
        for listener in &self.listeners {
            let _ = listener
                .target
                .remove_event_listener_with_callback(listener.kind, listener.closure.as_ref().unchecked_ref());
        }
    }
}

/// Starts the widget in `root`, on the welcome screen, and listens. The shell has usually drawn
/// the frame already (`data-shell`: the bar, the crisis strip and the welcome, before the module
/// loaded); it is taken over as it is, so a visitor who is reading or has focused a control
/// loses nothing, and only the crisis strip is drawn again (with the center's line and the
/// languages). Without it, the frame is drawn here, replacing the fallback `<slot>`.
pub fn mount(root: &ShadowRoot, setup: Setup) -> Result<Widget> {
    let window = window();
    let doc = window.document().ok_or_else(|| JsValue::from_str("no document"))?;
    let slots = root.query_selector_all("slot")?;
    for i in 0..slots.length() {
        if let Some(slot) = slots.item(i) {
            root.remove_child(&slot)?;
        }
    }
    let lang = setup.options.lang;
    let clock = Clock::default();
    let view = View::new(&doc, lang, &setup.options, &clock);
    let shell = root.query_selector(".pp[data-shell]")?;
    let parts = shell.as_ref().and_then(|frame| {
        let screen = frame.query_selector(".screen").ok()??;
        let live = frame.query_selector("[role=status]").ok()??;
        let strip = frame.query_selector(".strip").ok()??;
        Some((frame.clone(), screen, live, strip))
    });
    let (frame, screen_el, live) = match parts {
        Some((frame, screen, live, strip)) => {
            frame.remove_attribute("data-shell")?;
            frame.replace_child(&view.crisis_lines().into_element(), &strip)?;
            frame.append_child(&view.languages(&setup.offered).into_element())?;
            (frame, screen, live)
        }
        None => {
            if let Some(shell) = shell {
                shell.remove();
            }
            let screen_el = El::new(&doc, "div").class("screen").attr("part", "screen").into_element();
            let live =
                El::new(&doc, "p").class("sr-only").attr("role", "status").attr("aria-live", "polite").into_element();
            let frame = El::new(&doc, "section")
                .class("pp")
                .attr("part", "widget")
                .attr("lang", lang.as_str())
                .attr("aria-label", lang.text("ui.widget_label"))
                .child(view.bar())
                .child(view.crisis_lines())
                .child(El(live.clone()))
                .child(El(screen_el.clone()))
                .child(view.languages(&setup.offered))
                .append_to(root);
            (frame, screen_el, live)
        }
    };
    let app = Rc::new(RefCell::new(App {
        window: window.clone(),
        doc,
        frame,
        screen_el,
        live,
        setup,
        flow: Flow::new(),
        result: None,
        moment: Vec::new(),
        help_open: false,
        moment_from: None,
        shift_times: [NONE_YET; SHIFT_PRESSES],
        last_key_shifted: false,
        me: Weak::new(),
        waiting: Vec::new(),
        languages: vec![lang],
        clock,
    }));
    app.borrow_mut().me = Rc::downgrade(&app);
    {
        let app = &mut *app.borrow_mut();
        // "Near me" only where the location would be this page's alone: not in a frame.
        app.setup.options.can_locate = app.window.top().ok().flatten().is_some_and(|top| top == app.window);
    }
    warm_clock_later(&app.borrow())?;
    draw(&app.borrow(), false)?;

    let mut widget = Widget { app: app.clone(), listeners: Vec::new() };
    widget.listen(root.as_ref(), "click", &app, on_click)?;
    widget.listen(root.as_ref(), "change", &app, on_change)?;
    widget.listen(root.as_ref(), "focusin", &app, on_focus)?;
    widget.listen(window.as_ref(), "keyup", &app, on_key)?;
    Ok(widget)
}

impl Widget {
    /// The visitor pressed Start on the shell's welcome before the module had loaded: the
    /// first question now, with focus on it.
    pub fn start(&self) -> Result {
        let Ok(mut app) = self.app.try_borrow_mut() else { return Ok(()) };
        if app.flow.screen == Screen::Welcome {
            app.flow.start();
            draw(&app, true)?;
        }
        Ok(())
    }

    /// The visitor pressed "Find a meeting now" on the shell's welcome before the module had
    /// loaded: the meetings and programs now, with focus on their heading.
    pub fn meetings(&self) -> Result {
        let Ok(mut app) = self.app.try_borrow_mut() else { return Ok(()) };
        if app.flow.screen == Screen::Welcome {
            let app = &mut *app;
            set_clock(&mut app.setup.options, &app.clock);
            app.flow.meetings();
            draw(app, true)?;
        }
        Ok(())
    }

    /// The language the widget was mounted in, whose later part the page hands over.
    pub fn first_language(&self) -> Option<Lang> {
        self.app.try_borrow().ok().map(|app| app.languages[0])
    }

    /// Changes the center's resources (more came: `Mounted::addEntries`); `refresh` shows them.
    pub fn change_resources(&self, change: impl FnOnce(&mut Vec<alloc::sync::Arc<crate::center::resource::Resource>>)) {
        // Between events, never borrowed: the page calls this from its own task.
        if let Ok(mut app) = self.app.try_borrow_mut() {
            change(&mut app.setup.options.resources);
        }
    }

    /// Works the result out again, if one is on screen, with the resources as they are now; or
    /// lists the meetings again, if they are on screen (a feed's meetings join them).
    pub fn refresh(&self) -> Result {
        let Ok(mut app) = self.app.try_borrow_mut() else { return Ok(()) };
        if app.flow.screen == Screen::Meetings {
            redraw_in_place(&app)?;
        } else if app.result.is_some() {
            work_out(&mut app);
            redraw_in_place(&app)?;
        }
        Ok(())
    }

    fn listen(
        &mut self,
        target: &EventTarget,
        kind: &'static str,
        app: &Rc<RefCell<App>>,
        handler: fn(&mut App, Event) -> Result,
    ) -> Result {
        let app = app.clone();
        let closure = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            // After a panic the module takes no more work (crate::guard).
            if crate::guard::stopped() {
                return;
            }
            crate::guard::fault::fire_if_armed();
            // Busy means this event was fired from inside another handler: nothing to do.
            if let Ok(mut app) = app.try_borrow_mut() {
                if handler(&mut app, event).is_err() {
                    show_problem(&app);
                }
            }
        });
        target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
        self.listeners.push(Listener { target: target.clone(), kind, closure });
        Ok(())
    }
}

/// Draws the screen again where the visitor is (a late feed, a list sorted by distance), with
/// what they opened still open.
fn redraw_in_place(app: &App) -> Result {
    let open = open_details(&app.screen_el)?;
    draw(app, false)?;
    for key in open {
        if let Ok(Some(details)) = app.screen_el.query_selector(&key) {
            details.set_attribute("open", "")?;
        }
    }
    Ok(())
}

/// A selector for each open `details` of the screen, by its class and the notice, list or card
/// it is in: the same after a redraw with more meetings, unlike its place among the others.
fn open_details(screen: &Element) -> Result<Vec<String>> {
    let found = screen.query_selector_all("details[open]")?;
    let mut keys = Vec::new();
    for details in (0..found.length()).filter_map(|i| found.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()) {
        let classes = details.class_name();
        let mut key =
            classes.split_ascii_whitespace().fold(String::from("details"), |key, class| [&key, ".", class].concat());
        if let Some(within) =
            details.parent_element().and_then(|p| p.closest("[data-id],[data-list],[data-notice]").ok().flatten())
        {
            for name in ["data-id", "data-list", "data-notice"] {
                if let Some(value) = within.get_attribute(name) {
                    key = ["[", name, "=\"", &css_string(&value), "\"] ", &key].concat();
                }
            }
        }
        keys.push(key);
    }
    Ok(keys)
}

/// A value as the inside of a CSS string: ids come from a center's config.
fn css_string(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| {
            let escape = matches!(c, '"' | '\\');
            escape.then_some('\\').into_iter().chain([c])
        })
        .collect()
}

/// Draws the current screen; `move_focus` sends focus to its heading (not on first load, so
/// the widget never steals focus from the host page), with the screen's first line (the step
/// line, or a crisis panel) clear of the sticky bar.
fn draw(app: &App, move_focus: bool) -> Result {
    let lang = app.setup.options.lang;
    let view = View::new(&app.doc, lang, &app.setup.options, &app.clock);
    fold_strip(app)?;
    // Whatever is drawn now is drawn whole, unless the result's rest is put off again below.
    app.screen_el.remove_attribute("data-more")?;
    if app.flow.screen == Screen::Welcome {
        // The shell's welcome, kept while it is in this language (a visitor may be reading it).
        let drawn = app.screen_el.query_selector(&["[data-welcome][lang=", lang.as_str(), "]"].concat())?.is_some();
        match &app.setup.welcome {
            Some(_) if drawn => {}
            Some(welcome) => {
                dom::clear(&app.screen_el);
                let name = app.setup.options.center.name.as_deref().unwrap_or("");
                // `false` when the shell has no words for this language: a plain welcome then.
                if !welcome.call3(&JsValue::NULL, &app.screen_el, &lang.as_str().into(), &name.into())?.is_truthy() {
                    view.welcome(&app.screen_el);
                }
            }
            None => view.welcome(&app.screen_el),
        }
    } else if let (true, Screen::Result, Some(result)) = (move_focus, app.flow.screen, &app.result) {
        // Arriving at the result: its top now, the rest once that is on screen (quality.md:
        // the next screen within 50 ms on a cheap phone; the whole result takes longer).
        dom::clear(&app.screen_el);
        view.result_top(result, &app.screen_el);
        draw_rest_later(app, view.shown())?;
    } else {
        view.screen(&app.flow, app.result.as_ref(), &app.moment, &app.screen_el);
    }
    if move_focus {
        if let Some(heading) = app.screen_el.query_selector("[data-focus]")? {
            focus(&heading);
            if app.flow.screen == Screen::Result {
                // The next steps fill the first screen of the result (quality.md).
                align_under_bar(app, &heading);
            } else if let Some(first) = app.screen_el.first_element_child() {
                // Each page opens on its question: its first line (the step line, or a crisis
                // panel) just under the bar, the heading in the top third (quality.md v3).
                align_under_bar(app, &first);
            }
        }
    }
    Ok(())
}

/// Draws the rest of the result in a task of its own, so the browser can paint the top first
/// (Chromium paints a frame that is due before the next task; at worst both come in one frame,
/// as before). A timer, not a frame callback: one closure, and a frame callback would run
/// before that paint. Until then the screen keeps the room the rest will take (`data-more`), so
/// the top can be scrolled under the bar. Nothing is drawn if the visitor has left the result,
/// or it was drawn whole again, in the meantime.
/// `shown` are the links the top gave, so the rest gives each once.
fn draw_rest_later(app: &App, shown: Vec<String>) -> Result {
    let top = app.screen_el.first_element_child();
    app.screen_el.set_attribute("data-more", "")?;
    let me = app.me.clone();
    let rest = Closure::once_into_js(move || {
        let (Some(app), Some(top)) = (me.upgrade(), top) else { return };
        let Ok(app) = app.try_borrow() else { return };
        if crate::guard::stopped() || !top.is_connected() {
            return;
        }
        let _ = app.screen_el.remove_attribute("data-more");
        if let Some(result) = &app.result {
            View::new(&app.doc, app.setup.options.lang, &app.setup.options, &app.clock).after(shown).result_rest(
                &app.flow,
                result,
                &app.screen_el,
            );
        }
    });
    app.window.set_timeout_with_callback_and_timeout_and_arguments_0(rest.unchecked_ref(), 0)?;
    Ok(())
}

/// Makes the clock's formats in a task after the first screen, while the visitor reads the
/// welcome or the first question: not when the result or the meetings are asked for (a cheap
/// phone takes tens of milliseconds for the first ones), and not before the first question
/// either (Start pressed at once waits for nothing but the module; quality.md's 1,300 ms).
fn warm_clock_later(app: &App) -> Result {
    let me = app.me.clone();
    let warm = Closure::once_into_js(move || {
        let Some(app) = me.upgrade() else { return };
        let Ok(mut app) = app.try_borrow_mut() else { return };
        if crate::guard::stopped() {
            return;
        }
        let app = &mut *app;
        set_clock(&mut app.setup.options, &app.clock);
        let zone = app.setup.options.center.timezone.clone();
        let fields = [("hour", "numeric"), ("minute", "2-digit")];
        let _ = app.clock.format(app.setup.options.lang, 0, zone.as_deref(), &fields);
    });
    app.window.set_timeout_with_callback_and_timeout_and_arguments_0(warm.unchecked_ref(), 0)?;
    Ok(())
}

/// The crisis strip (911, the center's line, the languages) is open on the welcome and folds
/// into the bar's "More help" after it, so each page opens on its question (quality.md v3);
/// the visitor may open it again, and it stays open.
fn fold_strip(app: &App) -> Result {
    let folded = app.flow.screen != Screen::Welcome && !app.help_open;
    if folded {
        app.frame.set_attribute("data-fold", "")?;
    } else {
        app.frame.remove_attribute("data-fold")?;
    }
    if let Some(more) = app.frame.query_selector("[data-action=help]")? {
        more.set_attribute("aria-expanded", if folded { "false" } else { "true" })?;
        // On the welcome the strip is open and stays so: nothing for the button to do.
        more.toggle_attribute_with_force("hidden", app.flow.screen == Screen::Welcome)?;
    }
    Ok(())
}

fn on_click(app: &mut App, event: Event) -> Result {
    let Some(button) = closest(event.target(), "[data-action]") else { return Ok(()) };
    let action = button.get_attribute("data-action").unwrap_or_default();
    // Any move closes a crisis panel; its notices lead the result all the same.
    if !matches!(action.as_str(), "exit" | "lang" | "near" | "save" | "print" | "no_copy" | "help" | "ics") {
        app.moment.clear();
    }
    match action.as_str() {
        // Back to the answer that brought the panel, so arrow keys go on from there.
        "continue" => {
            draw(app, false)?;
            let chosen = app.moment_from.and_then(|item| {
                app.screen_el
                    .query_selector(&["fieldset[data-item=", item.as_str(), "] input:checked"].concat())
                    .ok()
                    .flatten()
            });
            return match chosen {
                Some(input) => {
                    focus(&input);
                    keep_clear_of_bar(app, &input);
                    Ok(())
                }
                None => draw(app, true),
            };
        }
        "start" => app.flow.start(),
        "meetings" => {
            // Pressed before the meetings screen's words (the language's later part) are here:
            // the page's shell goes on when they come (`Widget::meetings`), so the screen is
            // never drawn with gaps.
            if app.setup.options.lang.awaits_later_part() {
                return Ok(());
            }
            set_clock(&mut app.setup.options, &app.clock);
            app.flow.meetings();
        }
        "next" => {
            app.flow.next();
            // The first result, or the result sharpened by an optional section's answers.
            if app.flow.screen == Screen::Result {
                work_out(app);
            }
        }
        "sharpen" => {
            if let Some(section) =
                Sharpen::ALL.into_iter().find(|s| button.get_attribute("data-section").as_deref() == Some(s.as_str()))
            {
                app.flow.sharpen(section);
            }
        }
        "near" => return ask_position(app),
        "lang" => {
            let Some(tag) = button.get_attribute("data-lang") else { return Ok(()) };
            if let Some(&lang) = app.languages.iter().find(|lang| lang.as_str() == tag) {
                return switch_language(app, lang);
            }
            return load_then_switch(app, tag);
        }
        "back" => {
            app.flow.back();
            if app.flow.screen == Screen::Result {
                work_out(app);
            }
        }
        "restart" => {
            app.flow.start_over();
            app.result = None;
            app.setup.options.place = None;
        }
        "exit" => return quick_exit(app),
        "save" | "print" => {
            let safety = button.get_attribute("data-safety");
            let found_could_hurt =
                app.result.as_ref().is_some_and(|r| r.urgent.iter().any(|n| n.id == "domestic_violence"));
            // Where someone may check the phone, the visitor is told so first (screening.md v3,
            // "Copies that could be found"), and chooses.
            if safety.is_none() && found_could_hurt {
                return ask_before_copy(app, &action);
            }
            close_copy_question(app)?;
            let with_safety = safety.as_deref() != Some("without");
            return if action == "save" { save_copy(app, with_safety) } else { print(app, with_safety) };
        }
        "help" => {
            app.help_open = button.get_attribute("aria-expanded").as_deref() != Some("true");
            // On the welcome the strip stays open.
            app.help_open |= app.flow.screen == Screen::Welcome;
            fold_strip(app)?;
            if app.help_open {
                if let Some(first) = app.frame.query_selector(".strip a, .strip button")? {
                    focus(&first);
                }
            }
            return Ok(());
        }
        "ics" => {
            if let Some(id) = button.get_attribute("data-resource") {
                add_to_calendar(app, &id)?;
            }
            return Ok(());
        }
        "no_copy" => {
            close_copy_question(app)?;
            if let Some(save) = app.screen_el.query_selector(".actions [data-action=save]")? {
                focus(&save);
            }
            return Ok(());
        }
        _ => return Ok(()),
    }
    draw(app, true)
}

fn on_change(app: &mut App, event: Event) -> Result {
    let Some(input) = event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return Ok(()) };
    let Some(item) = ItemId::named(&input.name()) else { return Ok(()) };
    let value = input.value();
    let raw = if input.type_() == "checkbox" {
        let Some(fieldset) = input.closest("fieldset")? else { return Ok(()) };
        let boxes = fieldset.query_selector_all("input[type=checkbox]")?;
        let exclusive = EXCLUSIVE.contains(&value.as_str());
        let mut chosen = Vec::new();
        for i in 0..boxes.length() {
            let Some(other) = boxes.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) else { continue };
            // Choosing "none" or "prefer not to say" clears the rest, and the reverse.
            if input.checked() && other != input && (exclusive || EXCLUSIVE.contains(&other.value().as_str())) {
                other.set_checked(false);
            }
            if other.checked() {
                chosen.push(RawValue::String(other.value()));
            }
        }
        RawValue::Array(chosen)
    } else if item.kind() == ItemKind::Scale && value != PREFER_NOT {
        RawValue::Number(numtext::number(&value).unwrap_or(f64::NAN))
    } else {
        RawValue::String(value)
    };
    // The inputs only offer valid values; an error here would be a bug, never the visitor's.
    let Ok(raised) = app.flow.answer(item, &raw) else {
        return Err(JsValue::from_str("answer rejected"));
    };
    if raised.is_empty() {
        return update_progress(app);
    }
    // A crisis answer: its help comes now, before Next, and takes focus (the question stays
    // below it, with the answer given).
    app.moment = notices_at_once(&app.flow.answers, &app.setup.options);
    app.moment.retain(|n| raised.contains(&n.id));
    app.moment_from = Some(item);
    draw(app, true)?;
    // As much of the help as fits, right under the bar.
    if let Some(panel) = app.screen_el.query_selector(".moment")? {
        align_under_bar(app, &panel);
    }
    Ok(())
}

/// Answers can add or remove later questions: the step count follows.
fn update_progress(app: &App) -> Result {
    let (n, total) = screens::progress_bar(&app.flow);
    if let Some(progress) = app.screen_el.query_selector("progress")? {
        progress.set_attribute("max", &numtext::int(total as i64))?;
        progress.set_attribute("value", &numtext::int(n as i64))?;
    }
    if let Some(step) = app.screen_el.query_selector(".progress .step")? {
        let view = View::new(&app.doc, app.setup.options.lang, &app.setup.options, &app.clock);
        step.set_text_content(Some(&view.step_text(&app.flow)));
    }
    Ok(())
}

fn on_focus(app: &mut App, event: Event) -> Result {
    // Only focus the keyboard moved: scrolling under a pointer between its press and release
    // would move the target away and lose the tap.
    if let Some(element) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) {
        if element.matches(":focus-visible").unwrap_or(true) {
            keep_clear_of_bar(app, &element);
        }
    }
    Ok(())
}

/// The exit bar sticks to the top of the screen; a control focused beneath it is scrolled
/// into view (WCAG 2.4.11).
fn keep_clear_of_bar(app: &App, element: &Element) {
    let Ok(Some(bar)) = app.frame.query_selector(".bar") else { return };
    if bar.contains(Some(element)) {
        return;
    }
    let bar_bottom = bar.get_bounding_client_rect().bottom();
    // A choice shows as its whole label (the input is only part of it).
    let shown = element.closest("label").ok().flatten();
    let top = shown.as_ref().unwrap_or(element).get_bounding_client_rect().top();
    if top < bar_bottom + 8.0 {
        app.window.scroll_by_with_x_and_y(0.0, top - bar_bottom - 16.0);
    }
}

/// Scrolls `element` up to just under the sticky bar, so what follows it fills the screen (a
/// crisis panel's help; the result's next steps, on the first screen of a phone).
fn align_under_bar(app: &App, element: &Element) {
    if let Ok(Some(bar)) = app.frame.query_selector(".bar") {
        // Once scrolled, the bar sticks to the top of the window: its height is where it ends.
        let below = element.get_bounding_client_rect().top() - bar.get_bounding_client_rect().height() - 8.0;
        app.window.scroll_by_with_x_and_y(0.0, below);
    }
}

/// Counts Shift presses as GOV.UK's "Exit this page" does: on key-up, only a Shift released on
/// its own (Shift+Tab never counts), and any other key in between starts the count again.
fn on_key(app: &mut App, event: Event) -> Result {
    let Some(key) = event.dyn_ref::<KeyboardEvent>() else { return Ok(()) };
    let lone_shift = key.key() == "Shift" && !app.last_key_shifted;
    app.last_key_shifted = key.shift_key();
    if !lone_shift {
        if key.key() != "Shift" {
            app.shift_times = [NONE_YET; SHIFT_PRESSES];
        }
        return Ok(());
    }
    let now = js_sys::Date::now();
    app.shift_times.rotate_left(1);
    app.shift_times[SHIFT_PRESSES - 1] = now;
    let recent = app.shift_times.iter().filter(|&&t| now - t < SHIFT_WINDOW_MS).count();
    let lang = app.setup.options.lang;
    match SHIFT_PRESSES.saturating_sub(recent) {
        0 => {
            app.live.set_text_content(Some(lang.text("ui.shift.exit")));
            quick_exit(app)
        }
        1 => {
            app.live.set_text_content(Some(lang.text("ui.shift.1")));
            Ok(())
        }
        _ => {
            app.live.set_text_content(Some(lang.text("ui.shift.2")));
            Ok(())
        }
    }
}

/// Leaves at once: forgets every answer, covers the widget, and replaces this page in the
/// history with the center's safe page, so Back does not return here.
fn quick_exit(app: &mut App) -> Result {
    app.flow.start_over();
    app.result = None;
    app.moment.clear();
    app.setup.options.place = None;
    dom::clear(&app.screen_el);
    app.frame.class_list().add_1("left")?;
    leave(&app.window, &app.setup.quick_exit_url, &app.setup.embed_origins)
}

/// Replaces the whole tab, not just this frame: in isolated mode (`embed.html` in an iframe)
/// the top window is another origin, which a click or key press here may still send away.
/// Where the browser refuses, the frame asks its host page (`peer-path-frame.js`) to do it,
/// and leaves itself; only the host sites the center named (`embed_origins`) can hear it. The
/// safe page is not told where the visitor was: the page's referrer policy is set to send
/// nothing first.
fn leave(window: &Window, url: &str, embed_origins: &[String]) -> Result {
    if let Some(document) = window.document() {
        let meta = document.create_element("meta")?;
        meta.set_attribute("name", "referrer")?;
        meta.set_attribute("content", "no-referrer")?;
        document.head().map_or(Ok(()), |head| head.append_child(&meta).map(drop))?;
    }
    let top = window.top().ok().flatten();
    if let Some(top) = top.filter(|top| top != window) {
        if top.location().replace(url).is_ok() {
            return Ok(());
        }
        if let Ok(Some(parent)) = window.parent() {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str("peerpath"), &JsValue::from_str("exit"));
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str("url"), &JsValue::from_str(url));
            let own = window.location().origin().ok();
            for origin in own.iter().chain(embed_origins) {
                let _ = parent.post_message(&message, origin);
            }
        }
    }
    window.location().replace(url)
}

/// Asks the page for a language's strings file (a static file of the widget, the same for
/// every visitor), then switches to it.
fn load_then_switch(app: &mut App, tag: String) -> Result {
    let Some(loader) = app.setup.load_language.clone() else { return Ok(()) };
    let promise: js_sys::Promise = loader.call1(&JsValue::NULL, &JsValue::from_str(&tag))?.dyn_into()?;
    let (loaded, failed) = (app.me.clone(), app.me.clone());
    let on_loaded = Closure::<dyn FnMut(JsValue)>::new(move |text: JsValue| {
        let Some(app) = loaded.upgrade() else { return };
        let Ok(mut app) = app.try_borrow_mut() else { return };
        // A file that arrived whole has every string of the language shown now.
        let lang =
            text.as_string().map(|text| Lang::read(&tag, text)).filter(|lang| lang.covers(app.setup.options.lang));
        let Some(lang) = lang else {
            app.live.set_text_content(Some(app.setup.options.lang.text("ui.language_error")));
            return;
        };
        app.languages.push(lang);
        if switch_language(&mut app, lang).is_err() {
            app.live.set_text_content(Some(app.setup.options.lang.text("ui.language_error")));
        }
    });
    let on_failed = Closure::<dyn FnMut(JsValue)>::new(move |_error: JsValue| {
        let Some(app) = failed.upgrade() else { return };
        let Ok(app) = app.try_borrow() else { return };
        app.live.set_text_content(Some(app.setup.options.lang.text("ui.language_error")));
    });
    let _ = promise.then2(&on_loaded, &on_failed);
    app.waiting.push(on_loaded);
    app.waiting.push(on_failed);
    Ok(())
}

/// Redraws everything in another language, keeping the answers and the place in the flow.
fn switch_language(app: &mut App, lang: Lang) -> Result {
    app.setup.options.lang = lang;
    if app.result.is_some() {
        work_out(app);
    }
    if !app.moment.is_empty() {
        let shown = core::mem::take(&mut app.moment);
        app.moment = notices_at_once(&app.flow.answers, &app.setup.options);
        app.moment.retain(|n| shown.iter().any(|s| s.id == n.id));
    }
    app.frame.set_attribute("lang", lang.as_str())?;
    app.frame.set_attribute("aria-label", lang.text("ui.widget_label"))?;
    let view = View::new(&app.doc, lang, &app.setup.options, &app.clock);
    if let Some(old) = app.frame.query_selector(".bar")? {
        app.frame.replace_child(&view.bar().into_element(), &old)?;
    }
    if let Some(old) = app.frame.query_selector(".strip")? {
        app.frame.replace_child(&view.crisis_lines().into_element(), &old)?;
    }
    if let Some(old) = app.frame.query_selector(".langs")? {
        app.frame.replace_child(&view.languages(&app.setup.offered).into_element(), &old)?;
    }
    draw(app, true)?;
    app.live.set_text_content(Some(lang.text("ui.language_changed")));
    Ok(())
}

/// Works the result out from the answers, with the clock read now (the next meeting times).
fn work_out(app: &mut App) {
    set_clock(&mut app.setup.options, &app.clock);
    app.result = Some(evaluate(&app.flow.answers, &app.setup.options));
}

/// The page's window.
pub fn window() -> Window {
    // The widget only ever runs in a page (the shell loads it there).
    web_sys::window().expect("a page's window")
}

/// Asks the browser for the visitor's position, only after they pressed "near me". The position
/// stays on the device: it only re-sorts the list here.
fn ask_position(app: &mut App) -> Result {
    if !app.setup.options.can_locate {
        return Ok(());
    }
    let geolocation = app.window.navigator().geolocation()?;
    let (found, failed) = (app.me.clone(), app.me.clone());
    let on_found = Closure::<dyn FnMut(JsValue)>::new(move |position: JsValue| {
        let Some(app) = found.upgrade() else { return };
        let Ok(mut app) = app.try_borrow_mut() else { return };
        let coords = position.unchecked_into::<web_sys::Position>().coords();
        app.setup.options.place = Some(Place { lat: coords.latitude(), lon: coords.longitude() });
        if show_local_again(&mut app).is_err() {
            show_problem(&app);
        }
    });
    let on_failed = Closure::<dyn FnMut(JsValue)>::new(move |_error: JsValue| {
        let Some(app) = failed.upgrade() else { return };
        let Ok(app) = app.try_borrow() else { return };
        app.live.set_text_content(Some(app.setup.options.lang.text("ui.local.location_error")));
    });
    geolocation.get_current_position_with_error_callback(
        on_found.as_ref().unchecked_ref(),
        Some(on_failed.as_ref().unchecked_ref()),
    )?;
    app.waiting.push(on_found);
    app.waiting.push(on_failed);
    Ok(())
}

/// Re-ranks the local list (the result's, or the meetings') with the visitor's position, and
/// brings the visitor back to it: its heading focused and just under the bar, where the
/// button they pressed was, never the top of the screen (quality.md v3).
fn show_local_again(app: &mut App) -> Result {
    if app.flow.screen == Screen::Result {
        work_out(app);
    } else {
        set_clock(&mut app.setup.options, &app.clock);
    }
    redraw_in_place(app)?;
    let heading = app.screen_el.query_selector("[data-list=local] h3")?.or(app.screen_el.query_selector("h2")?);
    if let Some(heading) = heading {
        focus(&heading);
        align_under_bar(app, &heading);
    }
    app.live.set_text_content(Some(app.setup.options.lang.text("ui.local.sorted")));
    Ok(())
}

/// Asks before a copy that someone checking the phone or printer could find: what they could
/// find, and a copy without the safety section, the whole copy, or none. Drawn under the
/// buttons, with focus on it; nothing is written until the visitor chooses.
fn ask_before_copy(app: &App, kind: &str) -> Result {
    close_copy_question(app)?;
    let Some(actions) = app.screen_el.query_selector(".actions")? else { return Ok(()) };
    let view = View::new(&app.doc, app.setup.options.lang, &app.setup.options, &app.clock);
    let question = view.copy_question(kind).into_element();
    actions.after_with_node_1(&question)?;
    if let Some(heading) = question.query_selector("[data-focus]")? {
        focus(&heading);
        keep_clear_of_bar(app, &heading);
    }
    Ok(())
}

fn close_copy_question(app: &App) -> Result {
    if let Some(question) = app.screen_el.query_selector(".copy-question")? {
        question.remove();
    }
    Ok(())
}

/// Prints the result, every "show more" opened; without the safety section when the visitor
/// asked for that (the frame's `data-print`, which the print styles read).
fn print(app: &App, with_safety: bool) -> Result {
    // Closed <details> do not print: open them first.
    let details = app.screen_el.query_selector_all("details")?;
    for i in 0..details.length() {
        if let Some(element) = details.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            element.set_attribute("open", "")?;
        }
    }
    if !with_safety {
        app.frame.set_attribute("data-print", "no-safety")?;
    }
    let printed = app.window.print();
    app.frame.remove_attribute("data-print")?;
    printed
}

/// Saves the result as a text file made on the device, nothing sent anywhere; without the
/// safety section when the visitor asked for that. Times are written out in full, with their
/// zone, and each meeting's weekly times (quality.md v3, "A saved copy that keeps").
fn save_copy(app: &mut App, with_safety: bool) -> Result {
    let Some(result) = app.result.as_ref() else { return Ok(()) };
    let lang = app.setup.options.lang;
    let view = View::new(&app.doc, lang, &app.setup.options, &app.clock);
    let full_date = [("weekday", "long"), ("year", "numeric"), ("month", "long"), ("day", "numeric")];
    let date = app.clock.format(lang, 0, None, &full_date);
    let copy = copy::Copy { lang, options: &app.setup.options, date: &date, with_safety };
    let text = copy.result_text(result, &|m| view.when_in_full(m));
    download(app, &text, "text/plain;charset=utf-8", lang.text("ui.file.name"))?;
    app.live.set_text_content(Some(lang.text("ui.saved")));
    Ok(())
}

/// "Add to calendar": the meeting or program `id` as an iCalendar file made on the device, one
/// weekly event per time it meets, in the zone its times are written in.
fn add_to_calendar(app: &App, id: &str) -> Result {
    let options = &app.setup.options;
    let Some(resource) = options.resources.iter().find(|r| r.id == id) else { return Ok(()) };
    let zone = resource.timezone.as_deref().or(options.center.timezone.as_deref());
    let known = zone.and_then(|z| options.zones.iter().find(|(name, _)| name == z));
    let now = known.map(|(_, now)| *now).or(options.now);
    let zone = known.map(|(name, _)| name.clone()).or_else(|| app.clock.own_zone());
    let (Some(now), Some(zone)) = (now, zone) else { return Ok(()) };
    let now_at = u32::from(now.day) * 1440 + u32::from(now.minutes);
    let occurrences: Vec<calendar::Occurrence> = (resource.schedule.iter().enumerate())
        .filter_map(|(slot, at)| {
            let wait = (u32::from(at.day) * 1440 + u32::from(at.start) + 7 * 1440 - now_at) % (7 * 1440);
            Some(calendar::Occurrence { date: app.clock.date_in(Some(&zone), wait)?, slot })
        })
        .collect();
    // `2026-12-08T03:15:00.000Z` as `20261208T031500Z`.
    let iso = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    let stamp: String = iso.chars().filter(|c| c.is_ascii_digit() || *c == 'T').take(15).chain(['Z']).collect();
    let file = calendar::ics(resource, &occurrences, &zone, &stamp);
    download(app, &file, "text/calendar;charset=utf-8", options.lang.text("ui.file.calendar"))?;
    app.live.set_text_content(Some(options.lang.text("ui.saved")));
    Ok(())
}

/// Hands `text` to the browser as a file to keep: a Blob and a download link, never sent.
fn download(app: &App, text: &str, kind: &str, name: &str) -> Result {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(kind);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    // A link that is never added to the page, so its click does not reach our own listener.
    let link: web_sys::HtmlAnchorElement = app.doc.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    app.window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000)?;
    Ok(())
}

/// A calm message with the center's contact in place of a broken screen.
fn show_problem(app: &App) {
    let lang = app.setup.options.lang;
    dom::clear(&app.screen_el);
    dom::text_el(&app.doc, "p", "problem", lang.text("ui.error")).append_to(&app.screen_el);
}
