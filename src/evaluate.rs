//! A whole result: the screening engine's assessment (`screening::assess`) of the answers, and
//! the center's programs and meetings that fit (`center::finder`), in the public shape of
//! screening.md. Plain data in, plain data out; tested natively.

use crate::center::finder::{self, LocalMatch};
use crate::center::options::Options;
use crate::screening::answers::Answers;
use crate::screening::assess::{self, care, suggestions, urgent};
use crate::screening::care::{CareLevel, CARE_NOTES, CARE_RULES, CARE_WORDINGS};
use crate::screening::catalog::{List, CATALOG};
use crate::screening::cond::{Cond, Ctx};
use crate::screening::contacts::{center_contacts, Center};
use crate::screening::full_result::{self, FullResult};
use crate::screening::items::ItemId;
use crate::screening::result::*;
use crate::screening::safety::NOTICES;
use crate::screening::scores::Scores;
use crate::screening::writer::Writer;
use crate::support::numtext::int;
use crate::support::prelude::*;

pub use crate::screening::questionnaire::questionnaire;
pub use crate::screening::result::VERSION;

/// Everything `evaluate` returns.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Evaluation {
    pub version: &'static str,
    pub lang: &'static str,
    pub urgent: Vec<Notice>,
    pub care: Care,
    pub groups: Vec<Suggestion>,
    pub aftercare: Vec<Suggestion>,
    pub local: Vec<LocalMatch>,
    /// `scores` and `profile` (screening.md), in the "full" builds; the widget's result does not
    /// show them, and its module leaves them out (`screening::full_result`).
    #[serde(flatten)]
    pub full: FullResult,
    /// "This is not a diagnosis", in plain words.
    pub not_diagnosis: &'static str,
    /// How to reach the center (and, without a configured center, the national helpline).
    pub contacts: Vec<Contact>,
    /// "Your next steps": at most three actions, the first thing the result shows.
    pub next_steps: Vec<NextStep>,
}

/// One of the next steps at the top of the result (quality.md, "The result starts with what to
/// do"), naming what it points to in the rest of the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", content = "index", rename_all = "snake_case")]
pub enum NextStep {
    /// The first safety notice (`urgent[i]`): its first way to get help.
    Safety(usize),
    /// The center's own program that fits best (`local[i]`, `center_program: true`).
    Program(usize),
    /// The center's phone (and text line), when none of its programs fits.
    CallCenter,
    /// A group or meeting that fits (`local[i]`), with when it next meets.
    Meeting(usize),
    /// A group type that fits (`groups[i]`), with where to find one, when no local one fits.
    Group(usize),
}

impl NextStep {
    /// Its kind, as the result names it (`safety`, `program`, `call_center`, `meeting`, `group`).
    pub fn kind(self) -> &'static str {
        match self {
            NextStep::Safety(_) => "safety",
            NextStep::Program(_) => "program",
            NextStep::CallCenter => "call_center",
            NextStep::Meeting(_) => "meeting",
            NextStep::Group(_) => "group",
        }
    }
}

/// At most three: the safety action if any; the center's best-fitting program, or its phone;
/// one group or meeting that fits. Each points into the ranked lists, so the first fit is the
/// one the ranking rules (catalog.md) put first.
pub fn next_steps(urgent: &[Notice], local: &[LocalMatch], groups: &[Suggestion], center: &Center) -> Vec<NextStep> {
    let mut steps = Vec::new();
    if !urgent.is_empty() {
        steps.push(NextStep::Safety(0));
    }
    match local.iter().position(|m| m.resource.program) {
        Some(i) => steps.push(NextStep::Program(i)),
        None if center.phone.is_some() || center.text.is_some() => steps.push(NextStep::CallCenter),
        None => {}
    }
    let peer = |kind: &str| groups.iter().any(|g| g.id == kind);
    match local.iter().position(|m| !m.resource.program && peer(m.resource.kind)) {
        Some(i) => steps.push(NextStep::Meeting(i)),
        None if !groups.is_empty() => steps.push(NextStep::Group(0)),
        None => {}
    }
    steps
}

/// Scores the answers and builds the whole result. Never fails: validation happened when the
/// `Answers` were built, and every table lookup has a fallback.
pub fn evaluate(answers: &Answers, options: &Options) -> Evaluation {
    let scores = Scores::compute(answers);
    let center_name = options.center.name.as_deref().unwrap_or("");
    let writer = Writer::new(Ctx { answers, scores: Some(&scores) }, options.lang, center_name);
    let care = care(&writer);
    let groups = suggestions(&writer, List::Groups, &options.hide, care.level);
    let aftercare = suggestions(&writer, List::Aftercare, &options.hide, care.level);
    let suggested: Vec<&Suggestion> = groups.iter().chain(&aftercare).collect();
    let mut urgent = urgent(&writer, &options.center);
    let priorities = finder::Priorities { kinds: priority_kinds(&writer, &urgent, &groups, &aftercare) };
    let local = finder::rank(&writer, options, &suggested, &priorities);
    where_to_get_naloxone(&mut urgent, &local, options.lang);
    let next_steps = next_steps(&urgent, &local, &groups, &options.center);

    Evaluation {
        version: VERSION,
        lang: options.lang.as_str(),
        urgent,
        care,
        groups,
        aftercare,
        local,
        full: FullResult::of(&writer, &scores),
        not_diagnosis: options.lang.text("ui.not_diagnosis"),
        contacts: center_contacts(options.lang, &options.center),
        next_steps,
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
    if writer.holds(&Cond::Is(ItemId::OneOnOne, &["yes"])) {
        kinds.push("peer_mentor");
    }
    kinds
}

/// The naloxone notice leads with where to get it (screening.md v3): the center's naloxone
/// program when it lists one that fits (its phone, else its page), before the center's line
/// and the helpline.
fn where_to_get_naloxone(urgent: &mut [Notice], local: &[LocalMatch], lang: crate::strings::Lang) {
    let Some(notice) = urgent.iter_mut().find(|n| n.id == "naloxone") else { return };
    for m in local.iter().filter(|m| m.resource.kind == "naloxone") {
        let r = &m.resource;
        let label = crate::strings::fill(lang.text("c.naloxone_program"), &[("name", r.name_in(lang.as_str()))]);
        let tel = r.phone.as_deref().and_then(crate::support::phone::tel_number);
        let url = r.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://"));
        let contact = match (tel, url) {
            (Some(tel), _) => Contact::tel(label, tel),
            (None, Some(url)) => Contact::url(label, url),
            (None, None) => continue,
        };
        notice.contacts.insert(0, contact);
        return;
    }
}

/// The center's programs and local meetings with no question asked, soonest first (quality.md
/// v3, "A meeting now"): for the welcome's "Find a meeting now".
pub fn meetings_now(options: &Options) -> Vec<LocalMatch> {
    finder::soonest(options)
}

/// The notices to show at once for the answers given so far (see `assess::notices_at_once`).
pub fn notices_at_once(answers: &Answers, options: &Options) -> Vec<Notice> {
    assess::notices_at_once(answers, options.lang, &options.center)
}

/// Every string key the engine can look up, for the string-table tests.
pub fn string_keys() -> Vec<String> {
    use crate::screening::items::ItemKind;
    use crate::screening::questionnaire::{Section, ITEMS};
    let mut keys = Vec::new();
    for item in ITEMS.iter() {
        keys.push(["q.", item.id.as_str()].concat());
        if item.id.kind() != ItemKind::Scale || item.id.options().id != "ruler" {
            for value in item.id.options().values {
                keys.push(["o.", item.id.options().id, ".", value].concat());
            }
        }
    }
    // On the loved-one path, the questions whose wording says whose answer they ask.
    keys.extend(["q.age_group.loved_one", "q.substances.loved_one", "q.phq2_1.loved_one"].map(String::from));
    keys.push("o.ruler.0".into());
    keys.push("o.ruler.10".into());
    keys.push("o.prefer_not".into());
    keys.extend(Section::ALL.iter().map(|s| ["sec.", s.as_str()].concat()));
    for entry in CATALOG.iter() {
        keys.push(["g.", entry.id, ".name"].concat());
        keys.push(["g.", entry.id, ".text"].concat());
        keys.extend(entry.rules.iter().filter_map(|r| r.reason).map(|r| ["r.", r].concat()));
        keys.extend(entry.open_to.iter().map(|(_, r)| ["r.", r].concat()));
        keys.extend(entry.finders.iter().map(|f| ["f.", f.label].concat()));
    }
    for notice in NOTICES.iter() {
        for wording in core::iter::once(None).chain(notice.wordings.iter().map(|wording| Some(wording.name))) {
            let base = match wording {
                Some(name) => ["u.", notice.id, ".", name, "."].concat(),
                None => ["u.", notice.id, "."].concat(),
            };
            keys.push([&base, "title"].concat());
            keys.push([&base, "text"].concat());
        }
        keys.extend((1..=notice.steps).map(|n| ["u.", notice.id, ".step.", &int(n.into())].concat()));
    }
    for level in CareLevel::ALL.iter().map(|l| l.as_str()).chain(["loved_one"]) {
        keys.push(["care.", level, ".title"].concat());
        keys.push(["care.", level, ".text"].concat());
    }
    for (level, _, wording) in CARE_WORDINGS.iter() {
        keys.push(["care.", level.as_str(), ".", wording, ".title"].concat());
        keys.push(["care.", level.as_str(), ".", wording, ".text"].concat());
    }
    keys.extend(CARE_RULES.iter().map(|r| ["r.", r.reason].concat()));
    keys.extend(CARE_NOTES.iter().map(|(_, r)| ["r.", r].concat()));
    keys.extend(full_result::string_keys());
    for band in ["none", "low", "moderate", "high"] {
        keys.push(["ui.severity.", band].concat());
    }
    for key in [
        "c.call_988",
        "c.text_988",
        "c.call_911",
        "c.helpline",
        "c.dv_call",
        "c.dv_text",
        "c.childhelp",
        "c.love_is_respect",
        "c.naloxone_program",
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
        for lang in crate::strings::Lang::all().iter().copied() {
            let file: Vec<&str> = lang.entries().map(|(k, _)| k).collect();
            let missing: Vec<String> = string_keys().into_iter().filter(|k| !file.contains(&k.as_str())).collect();
            assert!(missing.is_empty(), "{} is missing {missing:#?}", lang.as_str());
        }
    }
}
