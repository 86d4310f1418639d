//! The screening engine: plain data in (`Answers`, `Options`), plain data out (`Evaluation`).
//!
//! answers -> scores -> profile, safety, care level -> ranked suggestions with reasons.
//! **Invariant:** nothing here imports `web_sys`, `js_sys` or `wasm_bindgen`; it is tested
//! natively with `cargo test`.

use crate::prelude::*;

/// The guidance a rule follows, kept in the table beside the rule for a clinician reviewing it,
/// and in native builds (tests, `check-config`, CLINICAL.md's check) only: a visitor's module
/// has no use for the citations, so it carries an empty string instead (-0.8 KB gzip).
macro_rules! cite {
    ($source:literal) => {
        if cfg!(feature = "std") {
            $source
        } else {
            ""
        }
    };
}

pub mod answers;
pub mod care;
pub mod catalog;
pub mod cond;
pub mod config;
pub mod finder;
pub mod json;
pub mod json_text;
pub mod meeting_guide;
pub mod num;
pub mod options;
pub mod problem;
pub mod profile;
pub mod questionnaire;
pub mod result;
pub mod safety;
pub mod scores;
pub mod sort;

use crate::strings::{fill, text, Lang};
use answers::Answers;
use care::{CareLevel, CARE_NOTES, CARE_RULES, CARE_WORDINGS};
use catalog::{List, CATALOG, MIN_AFTERCARE, MIN_GROUPS, PINS, SHOW_AT};
use cond::{Cond, Ctx};
use options::{Center, Options};
use profile::{Level, DOMAINS};
use questionnaire::{ItemId, Path};
use result::*;
use safety::{ContactKind, NoticeRule, NOTICES};
use scores::Scores;

/// The crate version, reported in every result.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// SAMHSA's National Helpline, in `tel:` form.
const HELPLINE_TEL: &str = "+18006624357";
/// The National Domestic Violence Hotline: 1-800-799-7233, or text START to 88788.
const DV_HOTLINE_TEL: &str = "+18007997233";
const DV_HOTLINE_SMS: &str = "88788";

/// Scores the answers and builds the whole result. Never fails: validation happened when the
/// `Answers` were built, and every table lookup has a fallback.
pub fn evaluate(answers: &Answers, options: &Options) -> Evaluation {
    let scores = Scores::compute(answers);
    let ctx = Ctx { answers, scores: Some(&scores) };
    let writer = Writer { ctx, lang: options.lang, values: placeholders(&scores, &options.center) };
    let groups = suggestions(&writer, List::Groups, &options.hide);
    let aftercare = suggestions(&writer, List::Aftercare, &options.hide);
    let suggested: Vec<&Suggestion> = groups.iter().chain(&aftercare).collect();
    let center_name = options.center.name.as_deref().unwrap_or("");
    let urgent = urgent(&writer, &options.center);
    let priorities = finder::Priorities { kinds: priority_kinds(&writer, &urgent, &groups, &aftercare) };
    let local = finder::rank(
        &writer,
        &options.resources,
        &suggested,
        &priorities,
        center_name,
        options.now,
        &options.zones,
        options.place,
    );

    Evaluation {
        version: VERSION,
        lang: options.lang.as_str(),
        urgent,
        care: care(&writer),
        groups,
        aftercare,
        local,
        scores: scores_out(&scores),
        profile: ProfileOut { domains: DOMAINS.iter().map(|d| domain(&writer, d)).collect() },
        not_diagnosis: text!(options.lang, "ui.not_diagnosis"),
        contacts: center_contacts(options.lang, &options.center),
    }
}

/// Writes reasons in one language, with the visitor's scores filled in.
struct Writer<'a> {
    ctx: Ctx<'a>,
    lang: Lang,
    values: Vec<(&'static str, String)>,
}

impl Writer<'_> {
    fn holds(&self, cond: &Cond) -> bool {
        cond.holds(self.ctx)
    }

    /// The answered items that make a holding condition hold, for a result's `because` lists.
    /// Only the scoring API reports them: the widget shows the reasons' sentences, so its
    /// module (built without `api`) neither works them out nor carries the code.
    fn because(&self, cond: &Cond) -> Vec<&'static str> {
        if !cfg!(feature = "api") {
            return Vec::new();
        }
        let mut because = Vec::new();
        cond.because(self.ctx, &mut because);
        because.into_iter().map(ItemId::as_str).collect()
    }

    /// Those of `items` the visitor answered, as a `because` list (the scoring API only, as
    /// `because`).
    fn answered(&self, items: &[ItemId]) -> Vec<&'static str> {
        if !cfg!(feature = "api") {
            return Vec::new();
        }
        items.iter().filter(|i| self.ctx.answers.is_answered(**i)).map(|i| i.as_str()).collect()
    }

    /// The reason `r.<key>` for a condition that holds, naming the answers behind it.
    fn reason(&self, key: &str, cond: &Cond) -> Reason {
        let template = self.lang.text(&cat(&["r.", key]));
        let values: Vec<(&str, &str)> = self.values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Reason { text: fill(template, &values), because: self.because(cond) }
    }

    fn text(&self, prefix: &str, id: &str, suffix: &str) -> &'static str {
        self.lang.text(&cat(&[prefix, id, suffix]))
    }
}

/// The kinds of the center's programs that rank above general meetings: what a safety notice
/// names (a naloxone program beside the naloxone notice), the top suggestions of each list
/// (a medication clinic when medication leads), and a peer coach for someone who wants one.
fn priority_kinds(
    writer: &Writer,
    urgent: &[Notice],
    groups: &[Suggestion],
    aftercare: &[Suggestion],
) -> Vec<&'static str> {
    let mut kinds: Vec<&'static str> = Vec::new();
    for rule in NOTICES.iter().filter(|rule| urgent.iter().any(|notice| notice.id == rule.id)) {
        kinds.extend_from_slice(rule.kinds);
    }
    for list in [groups, aftercare] {
        for suggestion in &list[..list.len().min(finder::TOP)] {
            kinds.push(suggestion.id);
        }
    }
    if writer.holds(&Cond::Is(questionnaire::ItemId::OneOnOne, &["yes"])) {
        kinds.push("peer_mentor");
    }
    kinds
}

fn placeholders(scores: &Scores, center: &Center) -> Vec<(&'static str, String)> {
    let number = |n: Option<u8>| n.map_or_else(String::new, |n| json_text::int(n.into()));
    let ruler = |n: Option<i8>| n.map_or_else(String::new, |n| json_text::int(n.into()));
    vec![
        ("auditc", number(scores.auditc.map(|s| s.score))),
        ("phq2", number(scores.phq2.map(|s| s.score))),
        ("gad2", number(scores.gad2.map(|s| s.score))),
        ("barc10", number(scores.barc10.map(|s| s.score))),
        ("dependence", json_text::int(scores.dependence.count.into())),
        ("importance", ruler(scores.readiness.importance)),
        ("confidence", ruler(scores.readiness.confidence)),
        ("center", center.name.clone().unwrap_or_default()),
    ]
}

fn urgent(writer: &Writer, center: &Center) -> Vec<Notice> {
    NOTICES.iter().filter(|rule| writer.holds(&rule.when)).map(|rule| notice(writer, rule, center)).collect()
}

/// The notices of screening.md's "In the moment" that hold for the answers given so far, to
/// show before Next. They name answers only, so no scores are needed.
pub fn notices_at_once(answers: &Answers, options: &Options) -> Vec<Notice> {
    let writer = Writer { ctx: Ctx { answers, scores: None }, lang: options.lang, values: Vec::new() };
    safety::at_once(answers).map(|rule| notice(&writer, rule, &options.center)).collect()
}

/// One notice in the writer's language, in the wording for this visitor, with its steps.
fn notice(writer: &Writer, rule: &'static NoticeRule, center: &Center) -> Notice {
    let wording = rule.wordings.iter().find(|(when, _)| writer.holds(when)).map(|&(_, name)| name);
    let key = |part: &str| match wording {
        Some(name) => cat(&["u.", rule.id, ".", name, ".", part]),
        None => cat(&["u.", rule.id, ".", part]),
    };
    Notice {
        id: rule.id,
        title: writer.lang.text(&key("title")),
        text: writer.lang.text(&key("text")),
        steps: (1..=rule.steps)
            .map(|n| writer.lang.text(&cat(&["u.", rule.id, ".step.", &json_text::int(n.into())])))
            .collect(),
        contacts: rule.contacts.iter().filter_map(|&kind| contact(writer.lang, kind, center)).collect(),
        because: writer.because(&rule.when),
    }
}

/// A contact of a safety notice in one language; `None` for the center's line when it has no
/// usable phone.
pub fn contact(lang: Lang, kind: ContactKind, center: &Center) -> Option<Contact> {
    match kind {
        ContactKind::Call988 => Some(Contact::tel(text!(lang, "c.call_988"), "988")),
        ContactKind::Text988 => {
            let mut contact = Contact::sms(text!(lang, "c.text_988"), "988");
            // 988 answers a text of the word AYUDA in Spanish (988lifeline.org).
            if lang == Lang::Es {
                contact.body = Some("AYUDA");
            }
            Some(contact)
        }
        ContactKind::Call911 => Some(Contact::tel(text!(lang, "c.call_911"), "911")),
        ContactKind::Helpline => Some(Contact::tel(text!(lang, "c.helpline"), HELPLINE_TEL)),
        ContactKind::DvCall => Some(Contact::tel(text!(lang, "c.dv_call"), DV_HOTLINE_TEL)),
        ContactKind::DvText => {
            let mut contact = Contact::sms(text!(lang, "c.dv_text"), DV_HOTLINE_SMS);
            contact.body = Some("START");
            Some(contact)
        }
        ContactKind::Center => {
            let name = center.name.as_deref().unwrap_or("");
            let (label, number) = match (&center.crisis_phone, &center.phone) {
                (Some(crisis), _) => (text!(lang, "c.center_crisis"), crisis),
                (None, Some(phone)) => (text!(lang, "c.center_phone"), phone),
                (None, None) => return None,
            };
            Some(Contact::tel(fill(label, &[("center", name)]), tel_number(number)?))
        }
    }
}

/// How to reach the center: its phone, text line and contact page, each when configured and
/// usable; without a configured phone, the national helpline.
fn center_contacts(lang: Lang, center: &Center) -> Vec<Contact> {
    let name = center.name.as_deref().unwrap_or("");
    let label = |template: &str| fill(template, &[("center", name)]);
    let mut contacts = Vec::new();
    if let Some(number) = center.phone.as_deref().and_then(tel_number) {
        contacts.push(Contact::tel(label(text!(lang, "c.center_phone")), number));
    }
    if let Some(number) = center.text.as_deref().and_then(tel_number) {
        contacts.push(Contact::sms(label(text!(lang, "c.center_text")), number));
    }
    if let Some(url) = center.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
        contacts.push(Contact::url(label(text!(lang, "c.center_url")), url));
    }
    if contacts.is_empty() {
        contacts.push(Contact::tel(text!(lang, "c.helpline"), HELPLINE_TEL));
    }
    contacts
}

/// A phone number as a `tel:` link holds it (a leading `+` and digits). `None` for anything that
/// is not written like a phone number (digits with spaces, dots, dashes and parentheses).
pub fn tel_number(given: &str) -> Option<String> {
    let given = given.trim_ascii();
    // Byte-wise: every allowed character is ASCII, and a byte of any other character fails.
    let allowed = |b: u8| b.is_ascii_digit() || matches!(b, b' ' | b'.' | b'-' | b'(' | b')');
    let rest = given.strip_prefix('+').unwrap_or(given);
    if !rest.bytes().all(allowed) || !rest.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut number = String::from(if given.starts_with('+') { "+" } else { "" });
    for b in rest.bytes().filter(u8::is_ascii_digit) {
        number.push(char::from(b));
    }
    Some(number)
}

fn care(writer: &Writer) -> Care {
    let level = CARE_RULES
        .iter()
        .filter(|rule| writer.holds(&rule.when))
        .map(|rule| rule.level)
        .max()
        .unwrap_or(CareLevel::PeerSupport);
    let mut reasons: Vec<Reason> = CARE_RULES
        .iter()
        .filter(|rule| rule.level == level && writer.holds(&rule.when))
        .map(|rule| writer.reason(rule.reason, &rule.when))
        .collect();
    reasons
        .extend(CARE_NOTES.iter().filter(|(when, _)| writer.holds(when)).map(|(when, key)| writer.reason(key, when)));
    let key = if writer.ctx.answers.path() == Path::LovedOne { "loved_one" } else { level.as_str() };
    let key = match CARE_WORDINGS.iter().find(|(at, when, _)| *at == level && writer.holds(when)) {
        Some((_, _, wording)) => cat(&[key, ".", wording]),
        None => key.to_string(),
    };
    Care { level, title: writer.text("care.", &key, ".title"), text: writer.text("care.", &key, ".text"), reasons }
}

/// One list of suggestions, best fit first: the eligible entries whose fit rules reach
/// `SHOW_AT` points, with the reasons that hold; then, while the list is short of its minimum
/// (`MIN_GROUPS`, `MIN_AFTERCARE`), the best entries open to anyone on this path, each with a
/// neutral reason that claims nothing about the answers; then the `PINS`.
fn suggestions(writer: &Writer, list: List, hide: &[String]) -> Vec<Suggestion> {
    let mut fitting: Vec<(i16, Suggestion)> = Vec::new();
    let mut open: Vec<(i16, Suggestion)> = Vec::new();
    for entry in CATALOG.iter().filter(|e| e.list == list && !hide.iter().any(|h| h == e.id)) {
        if !writer.holds(&entry.eligible) {
            continue;
        }
        let holding = entry.rules.iter().filter(|rule| writer.holds(&rule.when));
        let points: i16 = holding.clone().map(|rule| rule.points).sum();
        let mut reasons: Vec<Reason> =
            holding.filter_map(|rule| rule.reason.map(|key| writer.reason(key, &rule.when))).collect();
        let fits = points >= SHOW_AT && !reasons.is_empty();
        if !fits {
            match entry.open_to {
                Some((when, reason)) if writer.holds(&when) => reasons = vec![writer.reason(reason, &Cond::Always)],
                _ => continue,
            }
        }
        let suggestion = Suggestion {
            id: entry.id,
            name: writer.text("g.", entry.id, ".name"),
            // Uncapped: two entries that both fit well are ordered by how well.
            score: points.max(0) as u16,
            text: writer.text("g.", entry.id, ".text"),
            reasons,
            find: entry
                .finders
                .iter()
                .filter(|f| writer.holds(&f.when))
                .map(|f| Link { label: writer.text("f.", f.label, ""), url: f.url })
                .collect(),
        };
        if fits { &mut fitting } else { &mut open }.push((points, suggestion));
    }
    // Stable: equal scores keep the catalog's order.
    sort::stable_sort(&mut fitting, |a, b| a.0 > b.0);
    sort::stable_sort(&mut open, |a, b| a.0 > b.0);
    let minimum = if list == List::Groups { MIN_GROUPS } else { MIN_AFTERCARE };
    let mut out: Vec<Suggestion> = Vec::new();
    for (_, suggestion) in fitting {
        out.push(suggestion);
    }
    for (_, suggestion) in open {
        if out.len() >= minimum {
            break;
        }
        out.push(suggestion);
    }
    for pin in PINS.iter().filter(|pin| writer.holds(&pin.when)) {
        pin_within(&mut out, pin.ids, pin.within);
    }
    out
}

/// Moves the entries of `ids` that are in `list` among its first `within` places, together and
/// in the order named, no later than the first of them stood; every other entry keeps its order.
fn pin_within(list: &mut Vec<Suggestion>, ids: &[&str], within: usize) {
    let Some(first) = list.iter().position(|s| ids.contains(&s.id)) else { return };
    let mut pinned: Vec<Suggestion> = Vec::new();
    for id in ids {
        if let Some(at) = list.iter().position(|s| s.id == *id) {
            pinned.push(list.remove(at));
        }
    }
    let at = first.min(within.saturating_sub(pinned.len()));
    for (n, suggestion) in pinned.into_iter().enumerate() {
        list.insert(at + n, suggestion);
    }
}

fn domain(writer: &Writer, domain: &profile::Domain) -> DomainOut {
    let mut holding: Vec<&profile::DomainRule> = domain.rules.iter().filter(|r| writer.holds(&r.when)).collect();
    sort::stable_sort(&mut holding, |a, b| a.level > b.level);
    DomainOut {
        id: domain.id,
        name: writer.text("d.", domain.id, ""),
        level: holding.first().map_or(Level::Neutral, |r| r.level),
        reasons: holding.iter().map(|r| writer.reason(r.reason, &r.when)).collect(),
    }
}

fn scores_out(scores: &Scores) -> ScoresOut {
    ScoresOut {
        auditc: scores.auditc.map(|s| AuditC {
            score: s.score,
            max: s.max,
            positive: s.positive,
            complete: s.complete,
            high_risk: scores.auditc_high_risk,
        }),
        phq2: scores.phq2,
        gad2: scores.gad2,
        dependence: DependenceOut { count: scores.dependence.count, band: scores.dependence.band },
        use_severity: scores.use_severity,
        barc10: scores.barc10,
        readiness: ReadinessOut { importance: scores.readiness.importance, confidence: scores.readiness.confidence },
    }
}

/// The questionnaire in one language, for any UI.
pub fn questionnaire(lang: Lang) -> QuestionnaireOut {
    use questionnaire::{ItemKind, Paths, Section, ITEMS};
    let items = ITEMS
        .iter()
        .map(|item| {
            let id = item.id.as_str();
            let options = item
                .options
                .values
                .iter()
                .map(|&value| match item.kind {
                    ItemKind::Scale => OptionOut {
                        value: OptionValue::Number(num::whole(value).unwrap_or(0) as i8),
                        label: option_label(lang, item.options.id, value),
                    },
                    _ => {
                        OptionOut { value: OptionValue::Text(value), label: option_label(lang, item.options.id, value) }
                    }
                })
                .collect();
            ItemOut {
                id,
                kind: match item.kind {
                    ItemKind::Single => "single",
                    ItemKind::Multi => "multi",
                    ItemKind::Scale => "scale",
                    ItemKind::Language => "language",
                },
                section: item.section.as_str(),
                text: lang.text(&cat(&["q.", id])),
                help: lang.lookup(&cat(&["h.", id])),
                options,
                sensitive: item.sensitive,
                optional: item.optional,
                paths: match item.paths {
                    Paths::Both => vec!["self", "loved_one"],
                    Paths::OwnUseOnly => vec!["self"],
                    Paths::LovedOneOnly => vec!["loved_one"],
                },
                show_when: &item.show_when,
            }
        })
        .collect();
    QuestionnaireOut {
        version: VERSION,
        lang: lang.as_str(),
        sections: Section::ALL
            .iter()
            .map(|s| SectionOut { id: s.as_str(), title: lang.text(&cat(&["sec.", s.as_str()])) })
            .collect(),
        items,
        prefer_not: text!(lang, "o.prefer_not"),
    }
}

/// The label of one answer value. The 0..10 rulers label only their ends in the tables; the
/// numbers between are their own labels.
pub fn option_label(lang: Lang, set: &str, value: &'static str) -> &'static str {
    let key = cat(&["o.", set, ".", value]);
    if set == "ruler" {
        lang.lookup(&key).unwrap_or(value)
    } else {
        lang.text(&key)
    }
}

/// Every string key the engine can look up, for the string-table tests.
pub fn string_keys() -> Vec<String> {
    use questionnaire::{ItemKind, Section, ITEMS};
    let mut keys = Vec::new();
    for item in ITEMS.iter() {
        keys.push(cat(&["q.", item.id.as_str()]));
        if item.kind != ItemKind::Scale || item.options.id != "ruler" {
            for value in item.options.values {
                keys.push(cat(&["o.", item.options.id, ".", value]));
            }
        }
    }
    keys.push("o.ruler.0".into());
    keys.push("o.ruler.10".into());
    keys.push("o.prefer_not".into());
    keys.extend(Section::ALL.iter().map(|s| cat(&["sec.", s.as_str()])));
    for entry in CATALOG.iter() {
        keys.push(cat(&["g.", entry.id, ".name"]));
        keys.push(cat(&["g.", entry.id, ".text"]));
        keys.extend(entry.rules.iter().filter_map(|r| r.reason).map(|r| cat(&["r.", r])));
        keys.extend(entry.open_to.iter().map(|(_, r)| cat(&["r.", r])));
        keys.extend(entry.finders.iter().map(|f| cat(&["f.", f.label])));
    }
    for notice in NOTICES.iter() {
        for wording in core::iter::once(None).chain(notice.wordings.iter().map(|&(_, name)| Some(name))) {
            let base = match wording {
                Some(name) => cat(&["u.", notice.id, ".", name, "."]),
                None => cat(&["u.", notice.id, "."]),
            };
            keys.push(cat(&[&base, "title"]));
            keys.push(cat(&[&base, "text"]));
        }
        keys.extend((1..=notice.steps).map(|n| cat(&["u.", notice.id, ".step.", &json_text::int(n.into())])));
    }
    for level in CareLevel::ALL.iter().map(|l| l.as_str()).chain(["loved_one"]) {
        keys.push(cat(&["care.", level, ".title"]));
        keys.push(cat(&["care.", level, ".text"]));
    }
    for (level, _, wording) in CARE_WORDINGS.iter() {
        keys.push(cat(&["care.", level.as_str(), ".", wording, ".title"]));
        keys.push(cat(&["care.", level.as_str(), ".", wording, ".text"]));
    }
    keys.extend(CARE_RULES.iter().map(|r| cat(&["r.", r.reason])));
    keys.extend(CARE_NOTES.iter().map(|(_, r)| cat(&["r.", r])));
    for domain in DOMAINS.iter() {
        keys.push(cat(&["d.", domain.id]));
        keys.extend(domain.rules.iter().map(|r| cat(&["r.", r.reason])));
    }
    for level in ["strength", "neutral", "concern", "urgent"] {
        keys.push(cat(&["ui.level.", level]));
    }
    for band in ["none", "low", "moderate", "high"] {
        keys.push(cat(&["ui.severity.", band]));
    }
    for key in [
        "local_kind",
        "local_center",
        "local_priority",
        "local_from_home",
        "local_online",
        "local_in_person",
        "local_times",
        "local_language",
        "local_audience",
        "local_accessible",
        "local_free",
        "local_approach",
        "local_newcomer",
        "local_dual",
        "local_distance",
    ] {
        keys.push(cat(&["r.", key]));
    }
    for key in [
        "c.call_988",
        "c.text_988",
        "c.call_911",
        "c.helpline",
        "c.dv_call",
        "c.dv_text",
        "c.center_crisis",
        "c.center_phone",
        "c.center_text",
        "c.center_url",
        "ui.not_diagnosis",
    ] {
        keys.push(key.to_string());
    }
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_engine_string_exists_in_every_language() {
        for lang in Lang::ALL {
            let file: Vec<&str> = lang.file_entries().into_iter().map(|(k, _)| k).collect();
            let missing: Vec<String> = string_keys().into_iter().filter(|k| !file.contains(&k.as_str())).collect();
            assert!(missing.is_empty(), "{} is missing {missing:#?}", lang.as_str());
        }
    }

    #[test]
    fn tel_numbers_keep_only_digits_and_a_leading_plus() {
        assert_eq!(tel_number("+1 (555) 010-0100").as_deref(), Some("+15550100100"));
        assert_eq!(tel_number("call us"), None);
        assert_eq!(tel_number("javascript:alert(1)"), None);
        assert_eq!(tel_number("988").as_deref(), Some("988"));
    }
}
