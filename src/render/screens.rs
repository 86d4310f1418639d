//! Draws one screen of the flow into the screen container. Each screen has one heading marked
//! `data-focus`, which receives focus when the screen appears.

use crate::support::prelude::*;
use alloc::collections::BTreeSet;
use core::cell::RefCell;
use web_sys::{Document, Element};

use super::dom::{text_el, El};
use crate::center::checker::is_safe_link;
use crate::center::finder::{distance_text, LocalMatch};
use crate::center::options::Options;
use crate::center::resource::{Format, Resource};
use crate::evaluate::{Evaluation, NextStep};
use crate::render::flow::{Flow, Screen};
use crate::screening::answers::Answer;
use crate::screening::contacts::contact;
use crate::screening::items::{ItemId, ItemKind, Path, PREFER_NOT};
use crate::screening::questionnaire::{option_label, Part, Sharpen};
use crate::screening::result::{Contact, Notice, Suggestion};
use crate::screening::safety::ContactKind;
use crate::strings::{fill, Lang};
use crate::support::numtext::int;
use crate::support::phone::tel_number;

/// Suggestions shown at once in each list, once the lists are open; the rest are behind
/// "show more".
const SHOW_FIRST: usize = 3;
/// Notices whose words the result gives one tap away ("What to know"), their buttons in sight:
/// those that ask the visitor to talk to someone or to keep naloxone. A crisis's help, the
/// withdrawal notice (seizures: 911) and the signs of alcohol poisoning are always in full.
const BRIEF: [&str; 5] = ["pregnancy_care", "taper_safely", "lower_tolerance", "mixing_depressants", "naloxone"];
/// Meetings shown at once on "Find a meeting now"; the rest are behind "show more".
const MEETINGS_FIRST: usize = 8;
/// The optional sections the widget offers after the first result. Not `Sharpen::Ready`: the
/// readiness rulers and BARC-10 feed only the nine-area profile, which the widget's result does
/// not show (build.rs), so asking them here would change nothing the visitor sees; the scoring
/// API asks and scores them for a center's own tools.
const OFFERED: [Sharpen; 2] = [Sharpen::Fit, Sharpen::When];
/// A meeting that starts at or after 17:00 today is "tonight".
const EVENING: u16 = 17 * 60;

/// What the screens need to draw: the document, the language, the center.
/// The longest answer, in characters, that still reads well half a phone's width wide.
const SHORT_ANSWER: usize = 30;

pub struct View<'a> {
    pub doc: &'a Document,
    pub lang: Lang,
    pub options: &'a Options,
    /// The widget's time formats.
    pub clock: &'a super::clock::Clock,
    /// The calls, texts and finder links already given on this screen, so each is given once
    /// (screening.md v3: each phone appears once in the body of a result; the bar and the
    /// crisis strip aside). A list whose lines were all given above says so instead.
    shown: RefCell<Vec<String>>,
}

impl<'a> View<'a> {
    pub fn new(doc: &'a Document, lang: Lang, options: &'a Options, clock: &'a super::clock::Clock) -> View<'a> {
        View { doc, lang, options, clock, shown: RefCell::new(Vec::new()) }
    }

    /// This view, for a screen whose part above gave these links already (the result's top,
    /// drawn before its rest).
    pub fn after(self, shown: Vec<String>) -> View<'a> {
        *self.shown.borrow_mut() = shown;
        self
    }

    /// The links given so far.
    pub fn shown(&self) -> Vec<String> {
        self.shown.borrow().clone()
    }

    /// Whether `href` is given here for the first time on this screen (and now counts as given).
    fn first_time(&self, href: &str) -> bool {
        let mut shown = self.shown.borrow_mut();
        let new = !shown.iter().any(|h| h == href);
        if new {
            shown.push(href.to_string());
        }
        new
    }
}

impl View<'_> {
    fn t(&self, key: &str) -> &'static str {
        self.lang.text(key)
    }

    fn center_name(&self) -> &str {
        self.options.center.name.as_deref().unwrap_or("")
    }

    fn el(&self, tag: &str) -> El {
        El::new(self.doc, tag)
    }

    fn heading(&self, tag: &str, text: &str) -> El {
        self.el(tag).attr("tabindex", "-1").attr("data-focus", "").text(text)
    }

    fn button(&self, action: &str, class: &str, text: &str) -> El {
        self.el("button")
            .attr("type", "button")
            .attr("data-action", action)
            .class(class)
            .attr("part", "button")
            .text(text)
    }

    /// A row of buttons: (action, class, text).
    fn nav(&self, class: &str, buttons: &[(&str, &str, &str)]) -> El {
        let mut row = self.el("div").class(class);
        for &(action, style, text) in buttons {
            row = row.child(self.button(action, style, text));
        }
        row
    }

    /// A list of contact links (calls, texts, pages), each not given above on this screen, and
    /// whether any was left out for that.
    fn contact_list(&self, contacts: &[Contact]) -> (El, bool) {
        let mut list = self.el("ul").class("contacts");
        let mut left_out = false;
        for contact in contacts {
            let Some(href) = contact.href() else { continue };
            if self.first_time(&href) {
                list = list.child(self.el("li").child(self.el("a").attr("href", &href).text(&contact.label)));
            } else {
                left_out = true;
            }
        }
        (list, left_out)
    }

    /// "The lines for this are above": in place of the buttons a notice left out, all given
    /// above already.
    fn lines_above(&self) -> El {
        text_el(self.doc, "p", "hint lines-above", self.lang.text("ui.lines_above"))
    }

    /// A `tel:` link for a phone number as the center wrote it; `None` when it does not read as
    /// a phone number.
    fn phone_link(&self, phone: &str, label: &str) -> Option<El> {
        let tel = tel_number(phone)?;
        Some(self.el("a").attr("href", &["tel:", &tel].concat()).text(label))
    }

    /// The progress line of a question page: "Step 3 of 11 · Substance use", or in an optional
    /// section after the result, "Step 1 of 2 · When and where you can go". The section's name
    /// is left out where the page's heading already says it ("About you"), and on a narrow
    /// screen with large text (the stylesheet), so the heading stays near the top.
    pub fn progress_line(&self, flow: &Flow) -> El {
        let section = match flow.part() {
            Part::Sharpen(section) => Some(["ui.sharpen.", section.as_str()].concat()),
            Part::First if flow.page_items().len() > 1 => None,
            Part::First => Some(["sec.", flow.page_items().first().map_or("", |i| i.item().section.as_str())].concat()),
        };
        let step = text_el(self.doc, "span", "step", &self.step_text(flow));
        let section = section.map(|key| text_el(self.doc, "span", "section", &[" · ", self.t(&key)].concat()));
        self.el("p").class("progress").child(step).children(section)
    }

    /// "Step 3 of 11"; "Step 1" while the path, and so the total, is not known.
    pub fn step_text(&self, flow: &Flow) -> String {
        match flow.progress() {
            (n, Some(total)) => {
                fill(self.lang.text("ui.progress"), &[("n", &int(n as i64)), ("total", &int(total as i64))])
            }
            (n, None) => fill(self.lang.text("ui.progress_open"), &[("n", &int(n as i64))]),
        }
    }

    /// The bar that stays on screen: "Exit this page" and, beside it, call or text 988, on
    /// every screen, each at least 44 px tall. The 988 buttons show their verb above the number,
    /// and the exit's words may take two lines, so the bar keeps to one row on a phone in
    /// either language.
    pub fn bar(&self) -> El {
        let exit = self.button("exit", "exit", self.lang.text("ui.exit")).attr("part", "exit");
        let mut now =
            self.el("div").class("now").attr("role", "group").attr("aria-label", self.lang.text("ui.crisis_988_label"));
        for (kind, verb) in [
            (ContactKind::Call988, self.lang.text("ui.bar.call")),
            (ContactKind::Text988, self.lang.text("ui.bar.text")),
        ] {
            if let Some(href) = contact(self.lang, kind, &self.options.center).and_then(|c| c.href()) {
                // The space keeps the name "Call 988" when the verb is drawn on its own line.
                let link = self
                    .el("a")
                    .attr("href", &href)
                    .attr("part", "now")
                    .child(text_el(self.doc, "span", "verb", verb))
                    .text(" ");
                now = now.child(link.child(text_el(self.doc, "span", "number", "988")));
            }
        }
        // The crisis strip below folds into the bar after the first screen, so each page opens
        // on its question (quality.md v3); this button opens it again, in the same place on
        // every screen.
        let more = self
            .el("button")
            .attr("type", "button")
            .attr("data-action", "help")
            .class("more")
            .attr("part", "now")
            .attr("aria-controls", "pp-strip")
            .attr("aria-expanded", "true")
            .attr("hidden", "")
            .text(self.lang.text("ui.bar.more"));
        self.el("div").class("bar").attr("part", "bar").child(exit).child(now.child(more))
    }

    /// The crisis strip and the language switcher, just below the bar, in the same place on
    /// every screen (WCAG 3.2.6): 911, the center's crisis line, how Shift leaves the page.
    pub fn crisis_lines(&self) -> El {
        let mut lines = self
            .el("div")
            .class("crisis-lines")
            .attr("part", "crisis")
            .attr("role", "region")
            .attr("aria-label", self.lang.text("ui.crisis_label"))
            .child(text_el(self.doc, "strong", "", self.lang.text("ui.crisis_lead")))
            .child(self.el("a").class("pill").attr("href", "tel:911").text(self.lang.text("ui.call_911")));
        let center_phone = self.options.center.crisis_phone.as_deref().or(self.options.center.phone.as_deref());
        if let Some(link) = center_phone.and_then(|p| {
            self.phone_link(p, &fill(self.lang.text("ui.call_center"), &[("center", self.center_name()), ("phone", p)]))
        }) {
            lines = lines.child(link.class("pill"));
        }
        self.el("div").class("strip").attr("id", "pp-strip").child(lines).child(text_el(
            self.doc,
            "p",
            "exit-hint",
            self.lang.text("ui.exit_hint"),
        ))
    }

    /// The other languages the center offers, at the foot of the widget, in the same place on
    /// every screen (not in the crisis strip, which folds into the bar after the welcome).
    /// `offered`: each language's tag and its own name.
    pub fn languages(&self, offered: &[(String, String)]) -> El {
        let mut langs = self.el("div").class("langs").attr("part", "languages");
        for (tag, name) in offered.iter().filter(|(tag, _)| tag != self.lang.as_str()) {
            // Named in its own language, marked as such for screen readers.
            langs = langs.child(self.button("lang", "link lang", name).attr("data-lang", tag).attr("lang", tag));
        }
        langs
    }

    /// A safety notice: its title, text, steps in order and contacts as large buttons. `heading`
    /// is the title's element (a focusable `h2` for a panel shown at once, an `h3` on the result).
    /// `brief`: its words one tap away ("What to know"), its buttons in sight; for the result's
    /// notices that ask the visitor to talk to someone, never for a crisis (quality.md v3: a
    /// result read in a minute).
    fn notice(&self, notice: &Notice, heading: El, brief: bool) -> El {
        let mut section = self
            .el("section")
            .class("urgent")
            .attr("part", "urgent")
            .attr("data-notice", notice.id)
            .child(heading.text(notice.title));
        // The first way to get help comes right under the title, before the words (911 for a
        // loved one who will not wake up), so it is on the first screen of a phone.
        let (first, rest) = notice.contacts.split_at(notice.contacts.len().min(1));
        let given_before = self.shown.borrow().len();
        let (first, first_left_out) = self.contact_list(first);
        section = section.child(first.class("contacts first"));
        let mut words = self.el("div").class("words").child(text_el(self.doc, "p", "", notice.text));
        if !notice.steps.is_empty() {
            words = words.child(
                self.el("ol")
                    .class("steps")
                    .children(notice.steps.iter().map(|step| text_el(self.doc, "li", "", step))),
            );
        }
        let (rest, rest_left_out) = self.contact_list(rest);
        // Said only where the notice gives no button of its own: then its lines are above (with
        // its words, when those are one tap away).
        if (first_left_out || rest_left_out) && self.shown.borrow().len() == given_before {
            words = words.child(self.lines_above());
        }
        if brief {
            section.child(rest).child(
                self.el("details")
                    .class("words")
                    .child(text_el(self.doc, "summary", "", self.lang.text("ui.notice.more")))
                    .child(words),
            )
        } else {
            section.child(words).child(rest)
        }
    }

    /// The help a crisis answer brings at once, above the question: the notices, focus on the
    /// first one's title, and a way back to the questions ("Exit this page" stays in the bar).
    fn moment(&self, notices: &[Notice], into: &Element) {
        let mut panel = self.el("div").class("moment").attr("part", "moment");
        for (index, notice) in notices.iter().enumerate() {
            let id = ["pp-moment-", notice.id].concat();
            let heading = self.el("h2").attr("id", &id);
            // The first title takes focus, as a screen's heading does.
            let heading = if index == 0 { heading.attr("tabindex", "-1").attr("data-focus", "") } else { heading };
            panel = panel.child(self.notice(notice, heading, false).attr("aria-labelledby", &id));
        }
        panel
            .child(text_el(self.doc, "p", "hint", self.lang.text("ui.moment.note")))
            .child(self.nav("nav", &[("continue", "secondary", self.lang.text("ui.moment.continue"))]))
            .append_to(into);
    }

    /// The welcome when no shell draws it (the page's shell always does): a heading, Start and
    /// the way straight to a meeting.
    pub fn welcome(&self, into: &Element) {
        self.heading("h2", self.lang.text("ui.widget_label")).append_to(into);
        self.nav(
            "nav ways",
            &[
                ("start", "primary", self.lang.text("ui.start")),
                ("meetings", "secondary", self.lang.text("ui.meetings_now")),
            ],
        )
        .append_to(into);
    }

    /// The center's programs and local meetings, soonest first, with no question asked
    /// (quality.md v3, "A meeting now"): each with when it meets (in progress on top), where,
    /// and how to join or call, "near me" where the page may ask, and the way to the questions.
    pub fn meetings(&self, list: &[LocalMatch], into: &Element) {
        self.heading("h2", self.lang.text("ui.meetings.title")).append_to(into);
        text_el(self.doc, "p", "intro", self.lang.text("ui.meetings.intro")).append_to(into);
        let sorted = list.iter().any(|m| m.distance_km.is_some());
        if !sorted && self.options.can_locate && list.iter().any(|m| m.resource.lat.is_some()) {
            self.nav("nav near", &[("near", "secondary", self.lang.text("ui.local.near_me"))]).append_to(into);
        }
        let mut section =
            self.el("section").class("suggestions local").attr("part", "local").attr("data-list", "meetings");
        if list.is_empty() {
            // Nothing listed here: where to find a meeting now, and the center.
            section = section.child(text_el(self.doc, "p", "", self.lang.text("ui.meetings.none")));
            let mut links = self.el("ul").class("links");
            for (label, url) in
                [("f.aa_online", "https://aa-intergroup.org/"), ("f.smart", "https://meetings.smartrecovery.org/")]
            {
                links = links.child(self.el("li").child(self.link(url, self.t(label))));
            }
            section = section.child(links);
        } else {
            let refs: Vec<&LocalMatch> = list.iter().collect();
            section = section.children(self.first_then_more(refs.len(), MEETINGS_FIRST, |from, to| {
                self.local_cards(&refs[from..to], from + 1, "h3")
            }));
        }
        section.append_to(into);
        self.nav(
            "nav",
            &[
                ("start", "primary", self.lang.text("ui.meetings.questions")),
                ("back", "secondary", self.lang.text("ui.back")),
            ],
        )
        .append_to(into);
    }

    pub fn page(&self, flow: &Flow, moment: &[Notice], into: &Element) {
        if !moment.is_empty() {
            self.moment(moment, into);
        }
        let items = flow.page_items();
        let (n, total) = progress_bar(flow);
        let section = items.first().map_or("", |i| i.item().section.as_str());
        self.progress_line(flow).append_to(into);
        self.el("progress")
            .attr("max", &int(total as i64))
            .attr("value", &int(n as i64))
            .attr("aria-hidden", "true")
            .append_to(into);
        if items.len() == 1 {
            self.item(flow, items[0], true).append_to(into);
        } else {
            self.heading("h2", self.t(&["sec.", section].concat())).append_to(into);
            for &item in &items {
                self.item(flow, item, false).append_to(into);
            }
        }
        text_el(self.doc, "p", "hint", self.lang.text("ui.skip_hint")).append_to(into);
        // The last page before the first result leads straight to it.
        let next_label = if flow.on_last_page() { self.lang.text("ui.see_results") } else { self.lang.text("ui.next") };
        self.nav(
            "nav",
            &[
                ("next", "primary", next_label),
                ("back", "secondary", self.lang.text("ui.back")),
                ("restart", "tertiary", self.lang.text("ui.start_over")),
            ],
        )
        .append_to(into);
    }

    /// One question as a fieldset; on a one-question page its legend is the page heading.
    fn item(&self, flow: &Flow, item: ItemId, alone: bool) -> El {
        let spec = item.item();
        let id = item.as_str();
        // On the loved-one path a question says whose answer it asks, where that is not plain.
        let loved = flow.answers.path() == Path::LovedOne;
        let own_words = if loved { self.lang.lookup(&["q.", id, ".loved_one"].concat()) } else { None };
        let mut question = own_words.unwrap_or_else(|| self.t(&["q.", id].concat())).to_string();
        if spec.optional {
            question = [question.as_str(), " ", self.lang.text("ui.optional")].concat();
        }
        let legend = if alone {
            self.el("legend").child(self.heading("h2", &question))
        } else {
            self.el("legend").text(&question)
        };
        let mut fieldset = self.el("fieldset").attr("data-item", id).child(legend);
        if let Some(help) = self.lang.lookup(&["h.", id].concat()) {
            fieldset = fieldset.child(text_el(self.doc, "p", "help", help));
        }
        let ruler = item.options().id == "ruler";
        let kind = match item.kind() {
            ItemKind::Multi => "checkbox",
            _ => "radio",
        };
        let answer = flow.answers.get(item);
        // Short answers ("Never", "2 to 4 times a month") sit two to a row where there is room,
        // so a page of scales is not three screens long on a phone (quality.md v3: Next within
        // reach); a list with a long answer stays one to a row.
        let short = item
            .options()
            .values
            .iter()
            .all(|&value| option_label(self.lang, item.options().id, value).chars().count() <= SHORT_ANSWER);
        let class = match (ruler, short) {
            (true, _) => "options ruler",
            (false, true) => "options short",
            (false, false) => "options",
        };
        let mut options = self.el("div").class(class);
        for &value in item.options().values {
            let checked = match answer {
                Some(Answer::Choice(v)) => *v == value,
                Some(Answer::Many(v)) => v.contains(&value),
                Some(Answer::Number(n)) => crate::support::num::whole(value) == Some(i32::from(*n)),
                Some(Answer::Tag(tag)) => tag == value,
                None => false,
            };
            let label = if ruler { value } else { option_label(self.lang, item.options().id, value) };
            options = options.child(self.choice(id, kind, value, label, checked));
        }
        if spec.sensitive {
            options = options.child(
                self.choice(id, kind, PREFER_NOT, self.lang.text("o.prefer_not"), false).class("option prefer-not"),
            );
        }
        fieldset.child(options)
    }

    fn choice(&self, name: &str, kind: &str, value: &str, label: &str, checked: bool) -> El {
        let mut input = self.el("input").attr("type", kind).attr("name", name).attr("value", value);
        if checked {
            input = input.attr("checked", "");
        }
        self.el("label").class("option").child(input).child(text_el(self.doc, "span", "", label))
    }

    /// The result: what to do next first (at most three actions, all in the first screen of a
    /// phone), then the safety notices, the care level, the optional sections that sharpen it,
    /// the groups and care options, the center's programs and local meetings, and the details.
    /// No card is shown twice: a program or meeting in the next steps is not listed again, and
    /// a link (the national helpline, say) is given once.
    pub fn result(&self, flow: &Flow, result: &Evaluation, into: &Element) {
        self.result_top(result, into);
        self.result_rest(flow, result, into);
    }

    /// The top of the result: its heading and the next steps, what the first screen shows.
    pub fn result_top(&self, result: &Evaluation, into: &Element) {
        self.heading("h2", self.lang.text("ui.result.title")).append_to(into);
        self.next_steps(result).append_to(into);
    }

    /// The rest of the result, below the next steps.
    pub fn result_rest(&self, flow: &Flow, result: &Evaluation, into: &Element) {
        for notice in &result.urgent {
            self.notice(notice, self.el("h3"), BRIEF.contains(&notice.id)).append_to(into);
        }
        let mut care = self
            .el("section")
            .class("care")
            .attr("part", "care")
            .attr("data-level", result.care.level.as_str())
            .child(text_el(self.doc, "h3", "", result.care.title))
            .child(text_el(self.doc, "p", "", result.care.text));
        if !result.care.reasons.is_empty() {
            care = care.child(self.why(&result.care.reasons));
        }
        care.append_to(into);
        if let Some(sharpen) = self.sharpen(flow) {
            sharpen.append_to(into);
        }
        // A result read in a minute (quality.md v3: at most 4 screens before "show more"): what
        // to do, the safety notices and the care come first; every group, care option, program
        // and meeting that fits is one tap away, the best of them already in the next steps.
        let mut lists = self
            .el("details")
            .class("all-suggestions")
            .attr("part", "details")
            .child(text_el(self.doc, "summary", "", &self.all_suggestions_label(result)))
            .child(self.suggestions("groups", self.lang.text("ui.result.groups"), &result.groups))
            .child(self.suggestions("aftercare", self.lang.text("ui.result.aftercare"), &result.aftercare));
        if !self.options.resources.is_empty() {
            lists = lists.child(self.local(result));
        }
        lists.append_to(into);
        let note = self.el("section").class("note").attr("part", "note").child(text_el(
            self.doc,
            "p",
            "",
            result.not_diagnosis,
        ));
        let (mut contacts, _) = self.contact_list(&result.contacts);
        if let Some(hours) = self.options.center.hours.as_deref() {
            contacts = contacts.child(text_el(self.doc, "li", "hours", hours).attr("data-from", "center"));
        }
        note.child(contacts).child(text_el(self.doc, "p", "hint", self.lang.text("ui.result.private"))).append_to(into);
        text_el(self.doc, "p", "hint save-what", self.lang.text("ui.save_what")).append_to(into);
        self.nav(
            "nav actions",
            &[
                ("save", "secondary", self.lang.text("ui.save")),
                ("print", "secondary", self.lang.text("ui.print")),
                ("back", "secondary", self.lang.text("ui.back")),
                ("restart", "tertiary", self.lang.text("ui.start_over")),
            ],
        )
        .append_to(into);
    }

    /// The question before a copy that could be found (`kind` is `save` or `print`): a copy
    /// without the safety section, the whole copy, or none.
    pub fn copy_question(&self, kind: &str) -> El {
        let (without, whole) = if kind == "save" {
            (self.lang.text("ui.copy.save_without"), self.lang.text("ui.copy.save_all"))
        } else {
            (self.lang.text("ui.copy.print_without"), self.lang.text("ui.copy.print_all"))
        };
        let nav = self
            .el("div")
            .class("nav")
            .child(self.button(kind, "primary", without).attr("data-safety", "without"))
            .child(self.button(kind, "secondary", whole).attr("data-safety", "with"))
            .child(self.button("no_copy", "tertiary", self.lang.text("ui.copy.cancel")));
        self.el("section")
            .class("copy-question")
            .attr("part", "note")
            .child(self.heading("h3", self.lang.text("ui.copy.title")))
            .child(text_el(self.doc, "p", "", self.lang.text("ui.copy.found")))
            .child(nav)
    }

    /// "More that may fit you: 5 groups, 4 care options, 6 programs and meetings".
    fn all_suggestions_label(&self, result: &Evaluation) -> String {
        let local = result.local.len().saturating_sub(
            result.next_steps.iter().filter(|s| matches!(s, NextStep::Program(_) | NextStep::Meeting(_))).count(),
        );
        fill(
            self.lang.text("ui.result.all"),
            &[
                ("groups", &int(result.groups.len() as i64)),
                ("care", &int(result.aftercare.len() as i64)),
                ("local", &int(local as i64)),
            ],
        )
    }

    /// "Your next steps": each a short line and the buttons that act on it.
    fn next_steps(&self, result: &Evaluation) -> El {
        let mut list = self.el("ol").class("steps next");
        for &step in &result.next_steps {
            let mut li = self.el("li").attr("data-step", step.kind());
            match step {
                NextStep::Safety(i) => {
                    let notice = &result.urgent[i];
                    li = li
                        .child(text_el(self.doc, "strong", "", notice.title))
                        .child(self.contact_list(&notice.contacts[..notice.contacts.len().min(1)]).0);
                }
                NextStep::Program(i) | NextStep::Meeting(i) => {
                    let m = &result.local[i];
                    let r = &m.resource;
                    li = li.attr("data-id", &r.id);
                    let lead = if r.program {
                        fill(self.lang.text("ui.next.program"), &[("center", self.center_name())])
                    } else {
                        self.lang.text("ui.next.meeting").to_string()
                    };
                    li = li.child(text_el(self.doc, "p", "lead", &lead)).child(
                        text_el(self.doc, "strong", "", r.name_in(self.lang.as_str())).attr("data-from", "center"),
                    );
                    if !r.program && r.center {
                        let listed = fill(self.lang.text("ui.local.listed_by"), &[("center", self.center_name())]);
                        li = li.child(text_el(self.doc, "p", "badge", &listed));
                    }
                    if let Some(when) = self.next_when(m) {
                        li = li.child(text_el(self.doc, "p", "when", &when));
                    }
                    if let Some(km) = m.distance_km {
                        li = li.child(text_el(self.doc, "p", "when", &self.distance(km)));
                    }
                    li = li.child(self.resource_links(r));
                    if r.program {
                        // Call or text the center about it.
                        li = li.child(self.el("ul").class("contacts").children(self.center_calls(result)));
                    }
                }
                NextStep::CallCenter => {
                    li = li
                        .child(text_el(
                            self.doc,
                            "p",
                            "lead",
                            &fill(self.lang.text("ui.next.call"), &[("center", self.center_name())]),
                        ))
                        .child(self.el("ul").class("contacts").children(self.center_calls(result)));
                }
                NextStep::Group(i) => {
                    let group = &result.groups[i];
                    li = li
                        .child(text_el(self.doc, "p", "lead", self.lang.text("ui.next.group")))
                        .child(text_el(self.doc, "strong", "", group.name));
                    if let Some(link) = group.find.first() {
                        li = li.child(
                            self.el("ul").class("links").child(self.el("li").child(self.link(link.url, link.label))),
                        );
                    }
                }
            }
            list = list.child(li);
        }
        self.el("section")
            .class("next-steps")
            .attr("part", "next-steps")
            .child(text_el(self.doc, "h3", "", self.lang.text("ui.next.title")))
            .child(list)
    }

    /// The center's call and text buttons, from its contacts, those not given above.
    fn center_calls(&self, result: &Evaluation) -> Vec<El> {
        result
            .contacts
            .iter()
            .filter(|c| c.url.is_none())
            .filter_map(|contact| {
                let href = contact.href().filter(|href| self.first_time(href))?;
                Some(self.el("li").child(self.el("a").attr("href", &href).text(&contact.label)))
            })
            .collect()
    }

    /// A link that opens outside the widget when it leaves the site.
    fn link(&self, url: &str, label: &str) -> El {
        let a = self.el("a").attr("href", url).text(label);
        if url.starts_with("https://") || url.starts_with("http://") {
            a.attr("target", "_blank").attr("rel", "noopener noreferrer")
        } else {
            a
        }
    }

    /// The optional sections after the first result that the visitor has not finished, each a
    /// button with its number of questions; `None` when nothing is left to ask.
    fn sharpen(&self, flow: &Flow) -> Option<El> {
        let mut buttons = self.el("div").class("nav sharpen-sections");
        let mut any = false;
        for section in OFFERED {
            let items = flow.items_of(Part::Sharpen(section));
            if items.is_empty() || items.iter().all(|&item| flow.answers.is_answered(item)) {
                continue;
            }
            any = true;
            let label = fill(
                self.lang.text("ui.sharpen.section"),
                &[("title", self.t(&["ui.sharpen.", section.as_str()].concat())), ("n", &int(items.len() as i64))],
            );
            buttons = buttons.child(self.button("sharpen", "secondary", &label).attr("data-section", section.as_str()));
        }
        any.then(|| {
            self.el("section")
                .class("sharpen")
                .attr("part", "sharpen")
                .child(text_el(self.doc, "h3", "", self.lang.text("ui.sharpen.title")))
                .child(buttons)
        })
    }

    /// "Why this may fit you", with the reasons behind it one tap away: a result a visitor can
    /// read in a minute (quality.md v3: at most 4 screens before "show more").
    fn why(&self, reasons: &[crate::screening::result::Reason]) -> El {
        self.el("details")
            .class("why")
            .child(text_el(self.doc, "summary", "", self.lang.text("ui.result.why")))
            .child(self.reasons(reasons))
    }

    fn reasons(&self, reasons: &[crate::screening::result::Reason]) -> El {
        self.el("ul").class("reasons").children(reasons.iter().map(|r| text_el(self.doc, "li", "", &r.text)))
    }

    fn suggestions(&self, id: &str, title: &str, list: &[Suggestion]) -> El {
        let section = self
            .el("section")
            .class("suggestions")
            .attr("part", "suggestions")
            .attr("data-list", id)
            .child(text_el(self.doc, "h3", "", title));
        if list.is_empty() {
            return section.child(text_el(self.doc, "p", "", self.lang.text("ui.result.none")));
        }
        // The best few first; the rest one tap away, so a long list never buries the top.
        section.children(self.first_then_more(list.len(), SHOW_FIRST, |from, to| self.cards(&list[from..to], from + 1)))
    }

    /// A list's first `shown` entries, and the rest one tap away behind "Show n more": `draw`
    /// makes the cards of entries `from..to`, numbered on from the first.
    fn first_then_more(&self, len: usize, shown: usize, draw: impl Fn(usize, usize) -> El) -> Vec<El> {
        let first = len.min(shown);
        let mut parts = vec![draw(0, first)];
        if first < len {
            let label = fill(self.lang.text("ui.result.more"), &[("n", &int((len - first) as i64))]);
            parts.push(
                self.el("details")
                    .class("more")
                    .child(text_el(self.doc, "summary", "", &label))
                    .child(draw(first, len)),
            );
        }
        parts
    }

    /// Cards for suggestions; a link already given on the page (the helpline) is not repeated.
    fn cards(&self, list: &[Suggestion], start: usize) -> El {
        let mut cards = self.el("ol").class("cards").attr("start", &int(start as i64));
        for s in list {
            let mut card = self
                .el("li")
                .class("card")
                .attr("part", "card")
                .attr("data-id", s.id)
                .child(text_el(self.doc, "h4", "", s.name))
                .child(text_el(self.doc, "p", "", s.text))
                .child(self.why(&s.reasons));
            let links: Vec<El> = s
                .find
                .iter()
                .filter(|link| self.first_time(link.url))
                .map(|link| self.el("li").child(self.link(link.url, link.label)))
                .collect();
            if !links.is_empty() {
                card = card.child(self.el("ul").class("links").children(links));
            }
            cards = cards.child(card);
        }
        cards
    }

    /// The center's programs and local meetings that fit, with "near me"; those already in the
    /// next steps are not listed again.
    fn local(&self, result: &Evaluation) -> El {
        let title = if self.center_name().is_empty() {
            self.lang.text("ui.local.title").to_string()
        } else {
            fill(self.lang.text("ui.local.title_center"), &[("center", self.center_name())])
        };
        let mut section = self
            .el("section")
            .class("suggestions local")
            .attr("part", "local")
            .attr("data-list", "local")
            .child(self.el("h3").attr("tabindex", "-1").text(&title));
        let sorted = result.local.iter().any(|m| m.distance_km.is_some());
        if !sorted && self.options.can_locate && self.options.resources.iter().any(|r| r.lat.is_some()) {
            section = section
                .child(self.nav("nav near", &[("near", "secondary", self.lang.text("ui.local.near_me"))]))
                .child(text_el(self.doc, "p", "hint", self.lang.text("ui.local.near_note")));
        }
        let in_steps = |i: usize| {
            result.next_steps.iter().any(|s| matches!(s, NextStep::Program(j) | NextStep::Meeting(j) if *j == i))
        };
        let list: Vec<&LocalMatch> =
            result.local.iter().enumerate().filter(|(i, _)| !in_steps(*i)).map(|(_, m)| m).collect();
        if result.local.is_empty() {
            return section.child(text_el(self.doc, "p", "", self.lang.text("ui.local.none")));
        }
        section.children(
            self.first_then_more(list.len(), SHOW_FIRST, |from, to| self.local_cards(&list[from..to], from + 1, "h4")),
        )
    }

    /// Cards of programs and meetings: the name, who runs or lists it and when it next meets at
    /// the head, then how it meets, where, why it fits and how to join or call.
    /// `name_tag` is the heading each card's name is: under the screen's `h2` on the meetings
    /// screen (`h3`), under the list's `h3` in the result (`h4`).
    fn local_cards(&self, list: &[&LocalMatch], start: usize, name_tag: &str) -> El {
        let lang = self.lang.as_str();
        let mut cards = self.el("ol").class("cards").attr("start", &int(start as i64));
        for m in list {
            let r = &m.resource;
            // The center's own words are marked, so tools (and tests) can tell them from ours.
            let name = text_el(self.doc, name_tag, "", r.name_in(lang)).attr("data-from", "center");
            // Its own programs say so; what a center only lists says that instead (quality.md).
            let badge = match (r.program, r.center) {
                (true, _) => Some(self.lang.text("ui.local.run_by")),
                (false, true) => Some(self.lang.text("ui.local.listed_by")),
                (false, false) => None,
            }
            .map(|badge| text_el(self.doc, "span", "badge", &fill(badge, &[("center", self.center_name())])));
            // The widget always reads the clock before the result, so a schedule has a next time.
            let when = self.next_when(m).map(|when| text_el(self.doc, "span", "next", &when));
            let head = self.el("div").class("head").child(name).children(badge.into_iter().chain(when));
            let mut card = self.el("div").class("body").child(head);
            let mut facts = self.el("ul").class("facts");
            if let Some(format) = r.format {
                let text = match format {
                    Format::InPerson => self.lang.text("ui.local.in_person"),
                    Format::Online => self.lang.text("ui.local.online"),
                    Format::Hybrid => self.lang.text("ui.local.hybrid"),
                };
                facts = facts.child(text_el(self.doc, "li", "", text));
            }
            if let Some(address) = &r.address {
                facts = facts.child(text_el(self.doc, "li", "", address).attr("data-from", "center"));
            }
            if let Some(km) = m.distance_km {
                facts = facts.child(text_el(self.doc, "li", "", &self.distance(km)));
            }
            card = card.child(facts);
            if let Some(description) = r.description_in(lang) {
                card = card.child(text_el(self.doc, "p", "", description).attr("data-from", "center"));
            }
            if !m.reasons.is_empty() {
                card = card
                    .child(text_el(self.doc, "p", "why", self.lang.text("ui.result.why")))
                    .child(self.reasons(&m.reasons));
            }
            card = card.child(self.resource_links(r));
            cards = cards.child(self.el("li").class("card").attr("part", "card").attr("data-id", &r.id).child(card));
        }
        cards
    }

    /// A resource's website (or "join online") and phone, as links, not a phone given above on
    /// this screen (the center's own number); and "Add to calendar".
    fn resource_links(&self, r: &Resource) -> El {
        let mut links = self.el("ul").class("links");
        if let Some(url) = r.url.as_deref().filter(|u| is_safe_link(u)) {
            let label = if r.format == Some(Format::Online) {
                self.lang.text("ui.local.join")
            } else {
                self.lang.text("ui.local.website")
            };
            links = links.child(self.el("li").child(self.link(url, label)));
        }
        let phone =
            r.phone.as_deref().filter(|p| tel_number(p).is_some_and(|tel| self.first_time(&["tel:", &tel].concat())));
        if let Some(link) =
            phone.and_then(|p| self.phone_link(p, &fill(self.lang.text("ui.local.call"), &[("phone", p)])))
        {
            links = links.child(self.el("li").child(link));
        }
        // "Add to calendar" beside them, for what meets at set times.
        links.children(self.calendar_button(r).map(|button| self.el("li").child(button)))
    }

    /// "About 1.6 mi away", in the visitor's units.
    fn distance(&self, km: f64) -> String {
        let (near, distance) = distance_text(km, self.options.miles);
        let template =
            if near { self.lang.text("ui.local.distance_near") } else { self.lang.text("ui.local.distance") };
        fill(template, &[("distance", &distance)])
    }

    /// The zone a resource's times are read in (its own, or the center's), when the browser
    /// knows it, and whether it is another than the visitor's (then times name it).
    fn zone_of(&self, r: &Resource) -> (Option<&str>, bool) {
        let zone = r.timezone.as_deref().or(self.options.center.timezone.as_deref());
        match zone.and_then(|z| self.options.zones.iter().find(|(name, _)| name == z)) {
            Some((name, now)) => (Some(name.as_str()), Some(*now) != self.options.now),
            None => (None, false),
        }
    }

    /// When a resource next meets, in words: "Next: tonight, 7:00 PM", "Next: tomorrow,
    /// 9:00 AM PST", "Next: Friday, 7:00 PM", "Next: next Monday, 7:00 PM".
    pub fn next_when(&self, m: &LocalMatch) -> Option<String> {
        let next = m.next?;
        let (zone, other) = self.zone_of(&m.resource);
        let mut fields = vec![("hour", "numeric"), ("minute", "2-digit")];
        if other {
            fields.push(("timeZoneName", "short"));
        }
        if next.ongoing {
            // "On now, until 8:30 PM": when it ends, in minutes from now.
            let Some(end) = next.end else { return Some(self.lang.text("ui.local.now").to_string()) };
            let in_zone = zone.and_then(|z| self.options.zones.iter().find(|(name, _)| name == z)).map(|(_, now)| *now);
            let now = in_zone.or(self.options.now).map_or(end, |now| now.minutes);
            let left = (u32::from(end) + 1440 - u32::from(now)) % 1440;
            let time = self.clock.format(self.lang, left, zone, &fields);
            return Some(fill(self.lang.text("ui.local.now_until"), &[("time", &time)]));
        }
        let time = self.clock.format(self.lang, next.in_minutes, zone, &fields);
        let weekday = || self.clock.format(self.lang, next.in_minutes, zone, &[("weekday", "long")]);
        let day = match next.days {
            0 if next.start >= EVENING => self.lang.text("ui.when.tonight").to_string(),
            0 => self.lang.text("ui.when.today").to_string(),
            1 => self.lang.text("ui.when.tomorrow").to_string(),
            7 => fill(self.lang.text("ui.when.next_week"), &[("day", &weekday())]),
            _ => weekday(),
        };
        Some(fill(self.lang.text("ui.local.next"), &[("when", &[day.as_str(), ", ", &time].concat())]))
    }

    /// When a resource meets, for a copy that keeps (quality.md v3): the next time written out in
    /// full with its zone ("Next: Tuesday, December 8 at 8:00 PM PST"), then each weekly time
    /// ("Every Tuesday, 7:00 PM PST to 8:30 PM").
    pub fn when_in_full(&self, m: &LocalMatch) -> Vec<String> {
        let mut lines = Vec::new();
        let (zone, _) = self.zone_of(&m.resource);
        let named = [("hour", "numeric"), ("minute", "2-digit"), ("timeZoneName", "short")];
        if let Some(next) = m.next {
            let full = [
                ("weekday", "long"),
                ("month", "long"),
                ("day", "numeric"),
                ("hour", "numeric"),
                ("minute", "2-digit"),
                ("timeZoneName", "short"),
            ];
            let when = self.clock.format(self.lang, next.in_minutes, zone, &full);
            lines.push(fill(self.lang.text("ui.local.next"), &[("when", &when)]));
        }
        let in_zone = zone.and_then(|z| self.options.zones.iter().find(|(name, _)| name == z)).map(|(_, now)| *now);
        let Some(now) = in_zone.or(self.options.now) else { return lines };
        let now_at = u32::from(now.day) * 1440 + u32::from(now.minutes);
        // Days that meet at the same times share a line: "Every Monday and Wednesday, 8:00 AM
        // to 5:00 PM PST", "Every day, 12:00 PM PST".
        let mut groups: Vec<(u16, Option<u16>, BTreeSet<u8>)> = Vec::new();
        for slot in &m.resource.schedule {
            match groups.iter_mut().find(|(start, end, _)| (*start, *end) == (slot.start, slot.end)) {
                Some((_, _, days)) => {
                    days.insert(slot.day);
                }
                None => groups.push((slot.start, slot.end, BTreeSet::from([slot.day]))),
            }
        }
        let wait_for =
            |day: u8, start: u16| (u32::from(day) * 1440 + u32::from(start) + 7 * 1440 - now_at) % (7 * 1440);
        for (start, end, days) in groups {
            let names: Vec<String> = days
                .iter()
                .map(|&day| self.clock.format(self.lang, wait_for(day, start), zone, &[("weekday", "long")]))
                .collect();
            let day = match names.split_last() {
                _ if days.len() == 7 => self.lang.text("ui.local.daily").to_string(),
                Some((last, [])) => last.clone(),
                Some((last, rest)) => {
                    fill(self.lang.text("ui.local.days"), &[("days", &rest.join(", ")), ("last", last)])
                }
                None => continue,
            };
            let Some(&first) = days.first() else { continue };
            let wait = wait_for(first, start);
            // The zone is named once, after the last time.
            let plain = [("hour", "numeric"), ("minute", "2-digit")];
            lines.push(match end {
                Some(end) => {
                    let length = (u32::from(end) + 1440 - u32::from(start)) % 1440;
                    let start = self.clock.format(self.lang, wait, zone, &plain);
                    let end = self.clock.format(self.lang, wait + length, zone, &named);
                    fill(self.lang.text("ui.local.every"), &[("day", &day), ("start", &start), ("end", &end)])
                }
                None => {
                    let start = self.clock.format(self.lang, wait, zone, &named);
                    fill(self.lang.text("ui.local.every_from"), &[("day", &day), ("start", &start)])
                }
            });
        }
        lines
    }

    /// "Add to calendar" for a resource that meets at set times: an .ics made on the device.
    fn calendar_button(&self, r: &Resource) -> Option<El> {
        (!r.schedule.is_empty()).then(|| {
            self.button("ics", "link calendar", self.lang.text("ui.local.calendar")).attr("data-resource", &r.id)
        })
    }

    /// Draws `flow`'s screen (the result, when on the result screen, from `result`; a question
    /// page with the crisis panel of `moment` above it).
    pub fn screen(&self, flow: &Flow, result: Option<&Evaluation>, moment: &[Notice], into: &Element) {
        super::dom::clear(into);
        match (flow.screen, result) {
            (Screen::Welcome, _) => self.welcome(into),
            (Screen::Meetings, _) => self.meetings(&crate::evaluate::meetings_now(self.options), into),
            (Screen::Page(_), _) => self.page(flow, moment, into),
            (Screen::Result, Some(result)) => self.result(flow, result, into),
            (Screen::Result, None) => {}
        }
    }
}

/// The progress bar's value and maximum: empty (0 of 1) while the total is not known.
pub fn progress_bar(flow: &Flow) -> (usize, usize) {
    match flow.progress() {
        (n, Some(total)) => (n, total.max(1)),
        (_, None) => (0, 1),
    }
}
