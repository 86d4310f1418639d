//! Draws one screen of the flow into the screen container. Each screen has one heading marked
//! `data-focus`, which receives focus when the screen appears.

use crate::support::prelude::*;
use web_sys::{Document, Element};

use super::dom::{text_el, El};
use crate::center::checker::is_safe_link;
use crate::center::finder::km_text;
use crate::center::finder::LocalMatch;
use crate::center::options::Options;
use crate::center::resource::Format;
use crate::evaluate::Evaluation;
use crate::render::flow::{Flow, Screen};
use crate::screening::answers::Answer;
use crate::screening::contacts::contact;
use crate::screening::items::{ItemId, ItemKind, PREFER_NOT};
use crate::screening::questionnaire::option_label;
use crate::screening::result::{Contact, Notice, Suggestion};
use crate::screening::safety::ContactKind;
use crate::strings::{fill, text, Lang};
use crate::support::numtext::int;
use crate::support::phone::tel_number;

/// Suggestions shown at once in each list; the rest are behind "show more".
const SHOW_FIRST: usize = 4;

/// What the screens need to draw: the document, the language, the center.
pub struct View<'a> {
    pub doc: &'a Document,
    pub lang: Lang,
    pub options: &'a Options,
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

    /// A list of contact links (calls, texts, pages).
    fn contact_list(&self, contacts: &[Contact]) -> El {
        let mut list = self.el("ul").class("contacts");
        for contact in contacts {
            if let Some(link) = self.contact_link(contact) {
                list = list.child(self.el("li").child(link));
            }
        }
        list
    }

    /// A `tel:` link for a phone number as the center wrote it; `None` when it does not read as
    /// a phone number.
    fn phone_link(&self, phone: &str, label: &str) -> Option<El> {
        let tel = tel_number(phone)?;
        Some(self.el("a").attr("href", &["tel:", &tel].concat()).text(label))
    }

    /// The progress line of a question page: "Step 3 of 27 · Substance use".
    pub fn progress_text(&self, flow: &Flow) -> String {
        let (n, total) = flow.progress();
        let section = flow.page_items().first().map_or("", |i| i.item().section.as_str());
        let step = fill(text!(self.lang, "ui.progress"), &[("n", &int(n as i64)), ("total", &int(total as i64))]);
        [step.as_str(), " · ", self.t(&["sec.", section].concat())].concat()
    }

    /// A link for a contact; `None` for a URL that is not http(s).
    fn contact_link(&self, contact: &Contact) -> Option<El> {
        Some(self.el("a").attr("href", &contact.href()?).text(&contact.label))
    }

    /// The bar that stays on screen: "Exit this page" and, beside it, call or text 988, on
    /// every screen, each at least 44 px tall. The 988 buttons show their verb above the number,
    /// and the exit's words may take two lines, so the bar keeps to one row on a phone in
    /// either language.
    pub fn bar(&self) -> El {
        let exit = self.button("exit", "exit", text!(self.lang, "ui.exit")).attr("part", "exit");
        let mut now = self
            .el("div")
            .class("now")
            .attr("role", "group")
            .attr("aria-label", text!(self.lang, "ui.crisis_988_label"));
        for (kind, verb) in [
            (ContactKind::Call988, text!(self.lang, "ui.bar.call")),
            (ContactKind::Text988, text!(self.lang, "ui.bar.text")),
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
        self.el("div").class("bar").attr("part", "bar").child(exit).child(now)
    }

    /// The crisis strip and the language switcher, just below the bar, in the same place on
    /// every screen (WCAG 3.2.6): 911, the center's crisis line, how Shift leaves the page.
    pub fn crisis_lines(&self, offered: &[Lang]) -> El {
        let mut lines = self
            .el("div")
            .class("crisis-lines")
            .attr("part", "crisis")
            .attr("role", "region")
            .attr("aria-label", text!(self.lang, "ui.crisis_label"))
            .child(text_el(self.doc, "strong", "", text!(self.lang, "ui.crisis_lead")))
            .child(self.el("a").class("pill").attr("href", "tel:911").text(text!(self.lang, "ui.call_911")));
        let center_phone = self.options.center.crisis_phone.as_deref().or(self.options.center.phone.as_deref());
        if let Some(link) = center_phone.and_then(|p| {
            self.phone_link(
                p,
                &fill(text!(self.lang, "ui.call_center"), &[("center", self.center_name()), ("phone", p)]),
            )
        }) {
            lines = lines.child(link.class("pill"));
        }
        let mut strip = self.el("div").class("strip").child(lines).child(text_el(
            self.doc,
            "p",
            "exit-hint",
            text!(self.lang, "ui.exit_hint"),
        ));
        for &lang in offered.iter().filter(|l| **l != self.lang) {
            // Named in its own language, marked as such for screen readers.
            strip = strip.child(
                self.button("lang", "link lang", lang.name())
                    .attr("data-lang", lang.as_str())
                    .attr("lang", lang.as_str()),
            );
        }
        strip
    }

    /// A safety notice: its title, text, steps in order and contacts as large buttons. `heading`
    /// is the title's element (a focusable `h2` for a panel shown at once, an `h3` on the result).
    fn notice(&self, notice: &Notice, heading: El) -> El {
        let mut section = self
            .el("section")
            .class("urgent")
            .attr("part", "urgent")
            .attr("data-notice", notice.id)
            .child(heading.text(notice.title));
        // The first way to get help comes right under the title, before the words (911 for a
        // loved one who will not wake up), so it is on the first screen of a phone.
        let (first, rest) = notice.contacts.split_at(notice.contacts.len().min(1));
        section = section.child(self.contact_list(first).class("contacts first")).child(text_el(
            self.doc,
            "p",
            "",
            notice.text,
        ));
        if !notice.steps.is_empty() {
            section = section.child(
                self.el("ol")
                    .class("steps")
                    .children(notice.steps.iter().map(|step| text_el(self.doc, "li", "", step))),
            );
        }
        section.child(self.contact_list(rest))
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
            panel = panel.child(self.notice(notice, heading).attr("aria-labelledby", &id));
        }
        panel
            .child(text_el(self.doc, "p", "hint", text!(self.lang, "ui.moment.note")))
            .child(self.nav("nav", &[("continue", "secondary", text!(self.lang, "ui.moment.continue"))]))
            .append_to(into);
    }

    pub fn welcome(&self, into: &Element) {
        let list = self.el("ul").class("promises").children([
            text_el(self.doc, "li", "", text!(self.lang, "ui.welcome.anonymous")),
            text_el(self.doc, "li", "", text!(self.lang, "ui.welcome.private")),
            text_el(self.doc, "li", "", text!(self.lang, "ui.welcome.time")),
            text_el(self.doc, "li", "", text!(self.lang, "ui.welcome.not_diagnosis")),
        ]);
        let intro = if self.center_name().is_empty() {
            text!(self.lang, "ui.welcome.intro").to_string()
        } else {
            fill(text!(self.lang, "ui.welcome.intro_center"), &[("center", self.center_name())])
        };
        for el in [
            self.heading("h2", text!(self.lang, "ui.welcome.title")),
            text_el(self.doc, "p", "", &intro),
            list,
            self.nav("nav", &[("start", "primary", text!(self.lang, "ui.start"))]),
        ] {
            el.append_to(into);
        }
    }

    pub fn page(&self, flow: &Flow, moment: &[Notice], into: &Element) {
        if !moment.is_empty() {
            self.moment(moment, into);
        }
        let items = flow.page_items();
        let (n, total) = flow.progress();
        let section = items.first().map_or("", |i| i.item().section.as_str());
        self.el("p").class("progress").text(&self.progress_text(flow)).append_to(into);
        self.el("progress")
            .attr("max", &int(total.max(1) as i64))
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
        text_el(self.doc, "p", "hint", text!(self.lang, "ui.skip_hint")).append_to(into);
        let next_label =
            if flow.from_review { text!(self.lang, "ui.back_to_review") } else { text!(self.lang, "ui.next") };
        self.nav(
            "nav",
            &[
                ("next", "primary", next_label),
                ("back", "secondary", text!(self.lang, "ui.back")),
                ("restart", "tertiary", text!(self.lang, "ui.start_over")),
            ],
        )
        .append_to(into);
    }

    /// One question as a fieldset; on a one-question page its legend is the page heading.
    fn item(&self, flow: &Flow, item: ItemId, alone: bool) -> El {
        let spec = item.item();
        let id = item.as_str();
        let mut question = self.t(&["q.", id].concat()).to_string();
        if spec.optional {
            question = [question.as_str(), " ", text!(self.lang, "ui.optional")].concat();
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
        let mut options = self.el("div").class(if ruler { "options ruler" } else { "options" });
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
                self.choice(id, kind, PREFER_NOT, text!(self.lang, "o.prefer_not"), false).class("option prefer-not"),
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

    pub fn review(&self, flow: &Flow, into: &Element) {
        self.heading("h2", text!(self.lang, "ui.review.title")).append_to(into);
        text_el(self.doc, "p", "", text!(self.lang, "ui.review.intro")).append_to(into);
        let mut list = self.el("dl").class("review");
        for item in flow.pages().into_iter().flatten() {
            let question = self.t(&["q.", item.as_str()].concat());
            let answer = self.answer_text(flow, item);
            let change = self
                .button("change", "link", text!(self.lang, "ui.review.change"))
                .attr("data-item", item.as_str())
                .child(text_el(
                    self.doc,
                    "span",
                    "sr-only",
                    &fill(text!(self.lang, "ui.review.change_hidden"), &[("question", question)]),
                ));
            list = list.child(
                self.el("div")
                    .class("row")
                    .child(text_el(self.doc, "dt", "", question))
                    .child(text_el(self.doc, "dd", "", &answer))
                    .child(self.el("dd").child(change)),
            );
        }
        list.append_to(into);
        self.nav(
            "nav",
            &[
                ("next", "primary", text!(self.lang, "ui.see_results")),
                ("back", "secondary", text!(self.lang, "ui.back")),
                ("restart", "tertiary", text!(self.lang, "ui.start_over")),
            ],
        )
        .append_to(into);
    }

    /// The answer to `item` in words, for the review and the saved copy.
    pub fn answer_text(&self, flow: &Flow, item: ItemId) -> String {
        let set = item.options().id;
        match flow.answers.get(item) {
            None => text!(self.lang, "ui.review.not_answered").to_string(),
            Some(Answer::Choice(v)) => option_label(self.lang, set, v).to_string(),
            Some(Answer::Many(values)) => {
                values.iter().map(|v| option_label(self.lang, set, v)).collect::<Vec<_>>().join(", ")
            }
            Some(Answer::Number(n)) => {
                let value = int((*n).into());
                match item.options().values.iter().find(|v| **v == value) {
                    Some(v) => option_label(self.lang, set, v).to_string(),
                    None => value,
                }
            }
            Some(Answer::Tag(tag)) => tag.clone(),
        }
    }

    pub fn result(&self, result: &Evaluation, into: &Element) {
        self.heading("h2", text!(self.lang, "ui.result.title")).append_to(into);
        for notice in &result.urgent {
            self.notice(notice, self.el("h3")).append_to(into);
        }
        let mut care = self
            .el("section")
            .class("care")
            .attr("part", "care")
            .attr("data-level", result.care.level.as_str())
            .child(text_el(self.doc, "h3", "", result.care.title))
            .child(text_el(self.doc, "p", "", result.care.text));
        if !result.care.reasons.is_empty() {
            care = care
                .child(text_el(self.doc, "p", "why", text!(self.lang, "ui.result.why")))
                .child(self.reasons(&result.care.reasons));
        }
        care.append_to(into);
        self.suggestions("groups", text!(self.lang, "ui.result.groups"), &result.groups).append_to(into);
        self.suggestions("aftercare", text!(self.lang, "ui.result.aftercare"), &result.aftercare).append_to(into);
        if !self.options.resources.is_empty() {
            self.local(result).append_to(into);
        }
        self.details(result).append_to(into);
        let mut note = self.el("section").class("note").attr("part", "note").child(text_el(
            self.doc,
            "p",
            "",
            result.not_diagnosis,
        ));
        let mut contacts = self.contact_list(&result.contacts);
        if let Some(hours) = self.options.center.hours.as_deref() {
            contacts = contacts.child(text_el(self.doc, "li", "hours", hours).attr("data-from", "center"));
        }
        note = note.child(contacts);
        note.append_to(into);
        self.nav(
            "nav actions",
            &[
                ("save", "secondary", text!(self.lang, "ui.save")),
                ("print", "secondary", text!(self.lang, "ui.print")),
                ("back", "secondary", text!(self.lang, "ui.back")),
                ("restart", "tertiary", text!(self.lang, "ui.start_over")),
            ],
        )
        .append_to(into);
    }

    fn reasons(&self, reasons: &[crate::screening::result::Reason]) -> El {
        self.el("ul")
            .class("reasons")
            .children(reasons.iter().map(|r| text_el(self.doc, "li", "", &r.text)).collect::<Vec<_>>())
    }

    fn suggestions(&self, id: &str, title: &str, list: &[Suggestion]) -> El {
        let mut section = self
            .el("section")
            .class("suggestions")
            .attr("part", "suggestions")
            .attr("data-list", id)
            .child(text_el(self.doc, "h3", "", title));
        if list.is_empty() {
            return section.child(text_el(self.doc, "p", "", text!(self.lang, "ui.result.none")));
        }
        // The best few first; the rest one tap away, so a long list never buries the top.
        let (first, rest) = list.split_at(list.len().min(SHOW_FIRST));
        section = section.child(self.cards(first, 1));
        if !rest.is_empty() {
            let label = fill(text!(self.lang, "ui.result.more"), &[("n", &int(rest.len() as i64))]);
            section = section.child(
                self.el("details")
                    .class("more")
                    .child(text_el(self.doc, "summary", "", &label))
                    .child(self.cards(rest, first.len() + 1)),
            );
        }
        section
    }

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
                .child(text_el(self.doc, "p", "why", text!(self.lang, "ui.result.why")))
                .child(self.reasons(&s.reasons));
            if !s.find.is_empty() {
                let mut links = self.el("ul").class("links");
                for link in &s.find {
                    let mut a = self.el("a").attr("href", link.url).text(link.label);
                    if link.url.starts_with("https://") {
                        a = a.attr("target", "_blank").attr("rel", "noopener noreferrer");
                    }
                    links = links.child(self.el("li").child(a));
                }
                card = card.child(links);
            }
            cards = cards.child(card);
        }
        cards
    }

    /// The center's programs and local meetings that fit, with "near me".
    fn local(&self, result: &Evaluation) -> El {
        let title = if self.center_name().is_empty() {
            text!(self.lang, "ui.local.title").to_string()
        } else {
            fill(text!(self.lang, "ui.local.title_center"), &[("center", self.center_name())])
        };
        let mut section = self
            .el("section")
            .class("suggestions local")
            .attr("part", "local")
            .attr("data-list", "local")
            .child(self.el("h3").attr("tabindex", "-1").text(&title));
        let sorted = result.local.iter().any(|m| m.distance_km.is_some());
        if !sorted && self.options.resources.iter().any(|r| r.lat.is_some()) {
            section = section
                .child(self.nav("nav near", &[("near", "secondary", text!(self.lang, "ui.local.near_me"))]))
                .child(text_el(self.doc, "p", "hint", text!(self.lang, "ui.local.near_note")));
        }
        if result.local.is_empty() {
            return section.child(text_el(self.doc, "p", "", text!(self.lang, "ui.local.none")));
        }
        let (first, rest) = result.local.split_at(result.local.len().min(SHOW_FIRST));
        section = section.child(self.local_cards(first, 1));
        if !rest.is_empty() {
            let label = fill(text!(self.lang, "ui.result.more"), &[("n", &int(rest.len() as i64))]);
            section = section.child(
                self.el("details")
                    .class("more")
                    .child(text_el(self.doc, "summary", "", &label))
                    .child(self.local_cards(rest, first.len() + 1)),
            );
        }
        section
    }

    fn local_cards(&self, list: &[LocalMatch], start: usize) -> El {
        let mut cards = self.el("ol").class("cards").attr("start", &int(start as i64));
        for m in list {
            let r = &m.resource;
            // The center's own words are marked, so tools (and tests) can tell them from ours.
            let mut card = self
                .el("li")
                .class("card")
                .attr("part", "card")
                .attr("data-id", &r.id)
                .child(text_el(self.doc, "h4", "", &r.name).attr("data-from", "center"));
            if r.center {
                card = card.child(text_el(
                    self.doc,
                    "p",
                    "badge",
                    &fill(text!(self.lang, "ui.local.at_center"), &[("center", self.center_name())]),
                ));
            }
            let mut facts = self.el("ul").class("facts");
            if let Some(next) = m.next {
                facts = facts.child(text_el(
                    self.doc,
                    "li",
                    "next",
                    &fill(text!(self.lang, "ui.local.next"), &[("when", &self.in_minutes(next.in_minutes))]),
                ));
            } else if let Some(slot) = r.schedule.first() {
                facts = facts.child(text_el(self.doc, "li", "", &self.when(slot.day, slot.start)));
            }
            if let Some(format) = r.format {
                let text = match format {
                    Format::InPerson => text!(self.lang, "ui.local.in_person"),
                    Format::Online => text!(self.lang, "ui.local.online"),
                    Format::Hybrid => text!(self.lang, "ui.local.hybrid"),
                };
                facts = facts.child(text_el(self.doc, "li", "", text));
            }
            if let Some(address) = &r.address {
                facts = facts.child(text_el(self.doc, "li", "", address).attr("data-from", "center"));
            }
            if let Some(km) = m.distance_km {
                facts = facts.child(text_el(
                    self.doc,
                    "li",
                    "",
                    &fill(text!(self.lang, "ui.local.distance"), &[("km", &km_text(km))]),
                ));
            }
            card = card.child(facts);
            if let Some(description) = &r.description {
                card = card.child(text_el(self.doc, "p", "", description).attr("data-from", "center"));
            }
            card = card
                .child(text_el(self.doc, "p", "why", text!(self.lang, "ui.result.why")))
                .child(self.reasons(&m.reasons));
            let mut links = self.el("ul").class("links");
            if let Some(url) = r.url.as_deref().filter(|u| is_safe_link(u)) {
                let label = if r.format == Some(Format::Online) {
                    text!(self.lang, "ui.local.join")
                } else {
                    text!(self.lang, "ui.local.website")
                };
                let mut a = self.el("a").attr("href", url).text(label);
                if url.starts_with("https://") || url.starts_with("http://") {
                    a = a.attr("target", "_blank").attr("rel", "noopener noreferrer");
                }
                links = links.child(self.el("li").child(a));
            }
            if let Some(link) = r
                .phone
                .as_deref()
                .and_then(|p| self.phone_link(p, &fill(text!(self.lang, "ui.local.call"), &[("phone", p)])))
            {
                links = links.child(self.el("li").child(link));
            }
            cards = cards.child(card.child(links));
        }
        cards
    }

    /// A weekday and time in the visitor's language and time format ("Tuesday 7:00 PM").
    fn when(&self, day: u8, minutes: u16) -> String {
        // 1 January 2023 was a Sunday; any week serves, only the weekday and time are shown.
        self.weekday_time(&js_sys::Date::new_with_year_month_day_hr_min(
            2023,
            0,
            1 + i32::from(day),
            i32::from(minutes / 60),
            i32::from(minutes % 60),
        ))
    }

    /// The moment `minutes` from now, in the visitor's own time zone, language and format.
    fn in_minutes(&self, minutes: u32) -> String {
        let at = js_sys::Date::now() + f64::from(minutes) * 60_000.0;
        self.weekday_time(&js_sys::Date::new(&at.into()))
    }

    fn weekday_time(&self, date: &js_sys::Date) -> String {
        let options = js_sys::Object::new();
        for (key, value) in [("weekday", "long"), ("hour", "numeric"), ("minute", "2-digit")] {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        }
        date.to_locale_string(self.lang.as_str(), &options).into()
    }

    fn details(&self, result: &Evaluation) -> El {
        let s = &result.scores;
        let mut rows: Vec<(String, String)> = Vec::new();
        let cutoff = |positive: bool| {
            if positive {
                text!(self.lang, "ui.score.above")
            } else {
                text!(self.lang, "ui.score.below")
            }
        };
        let of = |score: u8, max: u8| {
            fill(text!(self.lang, "ui.score.of"), &[("score", &int(score.into())), ("max", &int(max.into()))])
        };
        if let Some(a) = s.auditc {
            rows.push((
                text!(self.lang, "ui.score.auditc").into(),
                [of(a.score, a.max).as_str(), ", ", cutoff(a.positive)].concat(),
            ));
        }
        if let Some(p) = s.phq2 {
            rows.push((
                text!(self.lang, "ui.score.phq2").into(),
                [of(p.score, p.max).as_str(), ", ", cutoff(p.positive)].concat(),
            ));
        }
        if let Some(g) = s.gad2 {
            rows.push((
                text!(self.lang, "ui.score.gad2").into(),
                [of(g.score, g.max).as_str(), ", ", cutoff(g.positive)].concat(),
            ));
        }
        rows.push((
            text!(self.lang, "ui.score.dependence").into(),
            fill(text!(self.lang, "ui.score.dependence_count"), &[("count", &int(s.dependence.count.into()))]),
        ));
        rows.push((
            text!(self.lang, "ui.score.use_severity").into(),
            self.t(&["ui.severity.", s.use_severity.as_str()].concat()).into(),
        ));
        if let Some(b) = s.barc10 {
            rows.push((text!(self.lang, "ui.score.barc10").into(), of(b.score, b.max)));
        }
        if let Some(n) = s.readiness.importance {
            rows.push((
                text!(self.lang, "ui.score.importance").into(),
                fill(text!(self.lang, "ui.score.of"), &[("score", &int(n as i64)), ("max", "10")]),
            ));
        }
        if let Some(n) = s.readiness.confidence {
            rows.push((
                text!(self.lang, "ui.score.confidence").into(),
                fill(text!(self.lang, "ui.score.of"), &[("score", &int(n as i64)), ("max", "10")]),
            ));
        }
        let mut scores = self.el("dl").class("scores");
        for (name, value) in rows {
            scores = scores.child(
                self.el("div")
                    .class("row")
                    .child(text_el(self.doc, "dt", "", &name))
                    .child(text_el(self.doc, "dd", "", &value)),
            );
        }
        let mut domains = self.el("ul").class("domains");
        for d in &result.profile.domains {
            let level = self.t(&["ui.level.", d.level.as_str()].concat());
            domains = domains.child(
                self.el("li")
                    .attr("data-level", d.level.as_str())
                    .child(text_el(self.doc, "strong", "", d.name))
                    .text(": ")
                    .text(level)
                    .child(self.reasons(&d.reasons)),
            );
        }
        self.el("details")
            .class("details")
            .attr("part", "details")
            .child(text_el(self.doc, "summary", "", text!(self.lang, "ui.result.details")))
            .child(text_el(self.doc, "h4", "", text!(self.lang, "ui.result.scores")))
            .child(scores)
            .child(text_el(self.doc, "p", "hint", text!(self.lang, "ui.result.scores_note")))
            .child(text_el(self.doc, "h4", "", text!(self.lang, "ui.result.profile")))
            .child(domains)
    }

    /// Draws `flow`'s screen (the result, when on the result screen, from `result`; a question
    /// page with the crisis panel of `moment` above it).
    pub fn screen(&self, flow: &Flow, result: Option<&Evaluation>, moment: &[Notice], into: &Element) {
        super::dom::clear(into);
        match (flow.screen, result) {
            (Screen::Welcome, _) => self.welcome(into),
            (Screen::Page(_), _) => self.page(flow, moment, into),
            (Screen::Review, _) => self.review(flow, into),
            (Screen::Result, Some(result)) => self.result(result, into),
            (Screen::Result, None) => self.review(flow, into),
        }
    }
}
