//! The screening part of a result: the safety notices, the care guidance, the suggested groups
//! and care options with their reasons, the scores and the nine-domain profile, all from the
//! rule tables; the center's contacts. (The local list, which needs the center's data, is added
//! by `evaluate`.)

use super::answers::Answers;
use super::care::{CareLevel, CARE_NOTES, CARE_RULES, CARE_WORDINGS, LEVEL_OPTIONS};
use super::catalog::{List, Place, CATALOG, MIN_AFTERCARE, MIN_GROUPS, PINS, SHOW_AT};
use super::cond::{Cond, Ctx};
use super::contacts::{contact, Center};
use super::items::Path;
use super::result::*;
use super::safety::{self, NoticeRule, NOTICES};
use super::writer::Writer;
use crate::strings::Lang;
use crate::support::numtext::int;
use crate::support::prelude::*;
use crate::support::sort;

pub fn urgent(writer: &Writer, center: &Center) -> Vec<Notice> {
    NOTICES.iter().filter(|rule| writer.holds(&rule.when)).map(|rule| notice(writer, rule, center)).collect()
}

/// The notices of screening.md's "In the moment" that hold for the answers given so far, to
/// show before Next. They name answers only, so no scores are needed.
pub fn notices_at_once(answers: &Answers, lang: Lang, center: &Center) -> Vec<Notice> {
    let writer = Writer::new(Ctx { answers, scores: None }, lang, "");
    safety::at_once(answers).map(|rule| notice(&writer, rule, center)).collect()
}

/// One notice in the writer's language, in the wording for this visitor, with its steps.
fn notice(writer: &Writer, rule: &'static NoticeRule, center: &Center) -> Notice {
    let wording = rule.wordings.iter().find(|wording| writer.holds(&wording.when));
    let key = |part: &str| match wording {
        Some(wording) => ["u.", rule.id, ".", wording.name, ".", part].concat(),
        None => ["u.", rule.id, ".", part].concat(),
    };
    let steps =
        (1..=rule.steps).map(|n| writer.lang.text(&["u.", rule.id, ".step.", &int(n.into())].concat())).collect();
    let contacts = wording
        .and_then(|wording| wording.contacts)
        .unwrap_or(rule.contacts)
        .iter()
        .filter_map(|&kind| contact(writer.lang, kind, center))
        .collect();
    Notice {
        id: rule.id,
        title: writer.lang.text(&key("title")),
        text: writer.lang.text(&key("text")),
        steps,
        contacts,
        because: writer.because(&rule.when),
    }
}

pub fn care(writer: &Writer) -> Care {
    // The highest level whose rule holds; peer support when none does.
    let mut level = CareLevel::PeerSupport;
    for rule in CARE_RULES.iter() {
        if rule.level > level && writer.holds(&rule.when) {
            level = rule.level;
        }
    }
    let mut reasons = Vec::new();
    for rule in CARE_RULES.iter() {
        if rule.level == level && writer.holds(&rule.when) {
            reasons.push(writer.reason(rule.reason, &rule.when));
        }
    }
    for (when, key) in CARE_NOTES.iter() {
        if writer.holds(when) {
            reasons.push(writer.reason(key, when));
        }
    }
    // The loved-one path has its own text: the loved one's care is for a professional to plan.
    let key = if writer.ctx.answers.path() == Path::LovedOne {
        "loved_one".to_string()
    } else {
        match CARE_WORDINGS.iter().find(|(at, when, _)| *at == level && writer.holds(when)) {
            Some((_, _, wording)) => [level.as_str(), ".", wording].concat(),
            None => level.as_str().to_string(),
        }
    };
    Care { level, title: writer.text("care.", &key, ".title"), text: writer.text("care.", &key, ".text"), reasons }
}

/// One list of suggestions, best fit first: the eligible entries whose fit rules reach
/// `SHOW_AT` points, with the reasons that hold; then, while the list is short of its minimum
/// (`MIN_GROUPS`, `MIN_AFTERCARE`), the best entries open to anyone on this path, each with a
/// neutral reason that claims nothing about the answers; then placed as the ranking rules say
/// (`place`), with the care options led by one that agrees with the care `level`.
pub fn suggestions(writer: &Writer, list: List, hide: &[String], level: CareLevel) -> Vec<Suggestion> {
    let mut fitting: Vec<(i16, Suggestion)> = Vec::new();
    let mut open: Vec<(i16, Suggestion)> = Vec::new();
    for entry in CATALOG.iter().filter(|e| e.list == list && !hide.iter().any(|h| h == e.id)) {
        if !writer.holds(&entry.eligible) {
            continue;
        }
        let mut points: i16 = 0;
        let mut reasons = Vec::new();
        for rule in entry.rules.iter().filter(|rule| writer.holds(&rule.when)) {
            points += rule.points;
            reasons.extend(rule.reason.map(|key| writer.reason(key, &rule.when)));
        }
        let fits = points >= SHOW_AT && !reasons.is_empty();
        if !fits {
            match entry.open_to {
                Some((when, reason)) if writer.holds(&when) => reasons = vec![writer.reason(reason, &Cond::Always)],
                _ => continue,
            }
        }
        let find = entry
            .finders
            .iter()
            .filter(|f| writer.holds(&f.when))
            .map(|finder| Link { label: writer.text("f.", finder.label, ""), url: finder.url })
            .collect();
        let suggestion = Suggestion {
            id: entry.id,
            name: writer.text("g.", entry.id, ".name"),
            // Uncapped: two entries that both fit well are ordered by how well.
            score: points.max(0) as u16,
            text: writer.text("g.", entry.id, ".text"),
            reasons,
            find,
        };
        if fits { &mut fitting } else { &mut open }.push((points, suggestion));
    }
    // Stable: equal scores keep the catalog's order.
    sort::stable_sort(&mut fitting, |a, b| a.0 > b.0);
    sort::stable_sort(&mut open, |a, b| a.0 > b.0);
    let minimum = if list == List::Groups { MIN_GROUPS } else { MIN_AFTERCARE };
    // Every fitting entry, then open ones until the list has its minimum.
    let open_needed = minimum.saturating_sub(fitting.len());
    let out: Vec<Suggestion> =
        fitting.into_iter().chain(open.into_iter().take(open_needed)).map(|(_, suggestion)| suggestion).collect();
    let level_options = match list {
        List::Aftercare => LEVEL_OPTIONS.iter().find(|(at, _)| *at == level).map_or(&[][..], |(_, ids)| *ids),
        List::Groups => &[],
    };
    place(writer, out, level_options)
}

/// Puts first what the ranking rules place: the `PINS` that place first, then the best-fitting
/// entry of `level_options`, then the pins that place among the first three, each moving the
/// first `count` of its entries in the list to the front, in the order named. The rest keep
/// their order by fit.
fn place(writer: &Writer, mut list: Vec<Suggestion>, level_options: &[&str]) -> Vec<Suggestion> {
    let mut front: Vec<Suggestion> = Vec::new();
    pin_all(writer, Place::First, &mut list, &mut front);
    let agrees = |s: &Suggestion| level_options.contains(&s.id);
    if !front.iter().any(agrees) {
        if let Some(at) = list.iter().position(agrees) {
            front.push(list.remove(at));
        }
    }
    pin_all(writer, Place::TopThree, &mut list, &mut front);
    front.append(&mut list);
    front
}

/// Moves to `front` the entries that the holding pins of `place` name, as `place` describes.
fn pin_all(writer: &Writer, place: Place, list: &mut Vec<Suggestion>, front: &mut Vec<Suggestion>) {
    for pin in PINS.iter().filter(|pin| pin.place == place && writer.holds(&pin.when)) {
        let mut placed = 0;
        for id in pin.ids {
            if placed == pin.count {
                break;
            }
            if let Some(at) = list.iter().position(|s| s.id == *id) {
                front.push(list.remove(at));
                placed += 1;
            }
        }
    }
}
