//! The questionnaire as data: every item of `shared/spec/screening.md`, its answer values, its
//! section and the condition that shows it.
//!
//! Editing rules for `ITEMS`:
//! - ids and answer values are a public contract: add freely, never rename or drop;
//! - the order of `ITEMS` is the order a visitor is asked in, and must match `ItemId`'s order
//!   (a unit test checks this);
//! - every question, help text and option label lives in the string tables under
//!   `q.<id>`, `h.<id>` and `o.<option set>.<value>` (a test checks every key exists);
//! - a show condition only names items asked *before* it, so one pass in order decides what is
//!   shown.

use super::answers::Answers;
use super::cond::named::{LOVED, OWN};
use super::cond::Cond;
use super::cond::Ctx;
use super::items::*;
use super::result::{ItemOut, OptionOut, OptionValue, QuestionnaireOut, SectionOut};
use crate::strings::Lang as Language;
use crate::support::prelude::*;

/// Sections group related items on screen and in the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    About,
    Safety,
    Use,
    Wellbeing,
    Treatment,
    Readiness,
    Life,
    Preferences,
    LovedOne,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::About,
        Section::Safety,
        Section::Use,
        Section::Wellbeing,
        Section::Treatment,
        Section::Readiness,
        Section::Life,
        Section::Preferences,
        Section::LovedOne,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Section::About => "about",
            Section::Safety => "safety",
            Section::Use => "use",
            Section::Wellbeing => "wellbeing",
            Section::Treatment => "treatment",
            Section::Readiness => "readiness",
            Section::Life => "life",
            Section::Preferences => "preferences",
            Section::LovedOne => "loved_one",
        }
    }
}

/// Which paths ask an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paths {
    OwnUseOnly,
    LovedOneOnly,
    Both,
}

impl Paths {
    pub fn includes(self, path: Path) -> bool {
        matches!(
            (self, path),
            (Paths::Both, _) | (Paths::OwnUseOnly, Path::OwnUse) | (Paths::LovedOneOnly, Path::LovedOne)
        )
    }
}

#[derive(Debug)]
pub struct Item {
    pub id: ItemId,
    pub section: Section,
    pub paths: Paths,
    /// Shown only when this holds for the answers given so far.
    pub show_when: Cond,
    /// Sensitive items offer "prefer not to say" on screen (every item accepts it).
    pub sensitive: bool,
    /// Optional items say so on screen; skipping any item is always allowed.
    pub optional: bool,
    /// Items of one named page that are shown one after another share a screen (the three
    /// AUDIT-C questions, or the questions about home and support).
    pub page: &'static str,
    /// Asked before the first result, or in one of the optional sections after it.
    pub part: Part,
}

/// Where an item is asked: before the first result (every safety item, and what the care level
/// needs), or in an optional "sharpen your results" section after it (quality.md, "The
/// visitor's time": a first result within 12 screens).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    First,
    Sharpen(Sharpen),
}

/// The optional sections offered after the first result, each a few short screens that update
/// it: readiness and recovery strengths, the kind of support that fits, when and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sharpen {
    Ready,
    Fit,
    When,
}

impl Sharpen {
    pub const ALL: [Sharpen; 3] = [Sharpen::Ready, Sharpen::Fit, Sharpen::When];

    pub fn as_str(self) -> &'static str {
        match self {
            Sharpen::Ready => "ready",
            Sharpen::Fit => "fit",
            Sharpen::When => "when",
        }
    }
}

impl ItemId {
    pub fn item(self) -> &'static Item {
        &ITEMS[self as usize]
    }
}

use ItemId as I;

const ALCOHOL: Cond = Cond::All(&[OWN, Cond::Has(I::Substances, &["alcohol"])]);
const IN_RECOVERY_STAGE: Cond = Cond::All(&[OWN, Cond::Is(I::Stage, &["changing", "maintaining", "returned"])]);

const fn item(id: ItemId, section: Section, paths: Paths, show_when: Cond) -> Item {
    Item { id, section, paths, show_when, sensitive: false, optional: false, page: "", part: Part::First }
}

/// `items` on one page (those of them shown, when shown one after another).
const fn on(page: &'static str, mut item: Item) -> Item {
    item.page = page;
    item
}

/// `item` in an optional section after the first result.
const fn later(section: Sharpen, mut item: Item) -> Item {
    item.part = Part::Sharpen(section);
    item
}

const fn sensitive(mut item: Item) -> Item {
    item.sensitive = true;
    item
}

const fn optional(mut item: Item) -> Item {
    item.optional = true;
    item
}

use Paths::{Both, LovedOneOnly, OwnUseOnly};
use Section as S;
use Sharpen::{Fit, Ready, When};

/// The visitor answers about their own use and has not said "none": a skipped substances
/// question is unknown, not "no use", so the questions about use, withdrawal and overdose (the
/// strongest warning there is) are still asked.
const OWN_MAY_USE: Cond = Cond::All(&[OWN, Cond::Not(&Cond::Has(I::Substances, &["none"]))]);

/// How often, for one chosen substance other than alcohol (which AUDIT-C asks about).
const fn use_freq(id: ItemId, chosen: Cond) -> Item {
    on("amount", item(id, S::Use, OwnUseOnly, chosen))
}

/// The questionnaire, in the order asked, page by page. The loved-one path's items are shown
/// only after `for_whom` = `loved_one`; the others unless `for_whom` = `loved_one`, so a visitor
/// who has not said yet is treated as answering for themselves.
///
/// A first result comes within 12 screens on every path, review included (quality.md): 11
/// pages on the visitor's own path, 6 on the loved-one path, and every page of a path is shown
/// whatever the answers (each holds an item its path always asks), so the step count never
/// changes on the way; only "none" of the substances takes the 3 pages about use away. Every
/// item a safety notice or a care rule reads (screening.md) comes before the first result:
///
/// - the loved one's danger and the visitor's safety at home first (911 and naloxone, or the
///   hotline, at once), before anything else is asked;
/// - mood (PHQ-2, GAD-2), then the self-harm question right after it, as PHQ-9 asks its item 9
///   after the mood items (on both paths: on the loved-one path it asks about the visitor),
///   the worry about hurting someone, and whether the visitor is safe at home (`own_safety`,
///   screening.md v3; USPSTF 2018 screens for intimate partner violence);
/// - substances, then their amount, the signs of a use disorder (severity follows signs, not
///   frequency alone), withdrawal, overdose and injection;
/// - pregnancy (asked unless the visitor said male), health, treatment, medication, stage and
///   goal, home, support and the justice system (residential care, lower tolerance).
///
/// What only sharpens the fit (readiness rulers, BARC-10, group preferences, times, language)
/// is offered after the first result.
pub static ITEMS: [Item; 64] = [
    on("who", item(I::ForWhom, S::About, Both, Cond::Always)),
    on("danger", sensitive(item(I::LoDanger, S::Safety, LovedOneOnly, LOVED))),
    on("danger", sensitive(item(I::LoSafety, S::Safety, LovedOneOnly, LOVED))),
    on("about", item(I::AgeGroup, S::About, Both, Cond::Always)),
    on("about", item(I::LoRelationship, S::LovedOne, LovedOneOnly, LOVED)),
    on("about", optional(sensitive(item(I::Sex, S::About, OwnUseOnly, OWN)))),
    on("mood", sensitive(item(I::Phq2_1, S::Wellbeing, Both, Cond::Always))),
    on("mood", sensitive(item(I::Phq2_2, S::Wellbeing, Both, Cond::Always))),
    on("mood", sensitive(item(I::Gad2_1, S::Wellbeing, OwnUseOnly, OWN))),
    on("mood", sensitive(item(I::Gad2_2, S::Wellbeing, OwnUseOnly, OWN))),
    on("safety", sensitive(item(I::SelfHarm, S::Safety, Both, Cond::Always))),
    on("safety", sensitive(item(I::HarmOthers, S::Safety, OwnUseOnly, OWN))),
    on("safety", sensitive(item(I::OwnSafety, S::Safety, OwnUseOnly, OWN))),
    on("safety", sensitive(item(I::LoWants, S::LovedOne, LovedOneOnly, LOVED))),
    on("substances", item(I::Substances, S::Use, Both, Cond::Always)),
    on("substances", item(I::LoStage, S::LovedOne, LovedOneOnly, LOVED)),
    on("amount", item(I::AuditC1, S::Use, OwnUseOnly, ALCOHOL)),
    on("amount", item(I::AuditC2, S::Use, OwnUseOnly, ALCOHOL)),
    on("amount", item(I::AuditC3, S::Use, OwnUseOnly, ALCOHOL)),
    use_freq(I::UseFreqOpioids, Cond::All(&[OWN, Cond::Has(I::Substances, &["opioids"])])),
    use_freq(I::UseFreqStimulants, Cond::All(&[OWN, Cond::Has(I::Substances, &["stimulants"])])),
    use_freq(I::UseFreqCannabis, Cond::All(&[OWN, Cond::Has(I::Substances, &["cannabis"])])),
    use_freq(I::UseFreqSedatives, Cond::All(&[OWN, Cond::Has(I::Substances, &["sedatives"])])),
    use_freq(I::UseFreqOther, Cond::All(&[OWN, Cond::Has(I::Substances, &["other"])])),
    on("amount", item(I::LastUse, S::Use, OwnUseOnly, OWN_MAY_USE)),
    on("signs", sensitive(item(I::DepControl, S::Use, OwnUseOnly, OWN_MAY_USE))),
    on("signs", sensitive(item(I::DepCraving, S::Use, OwnUseOnly, OWN_MAY_USE))),
    on("signs", sensitive(item(I::DepConsequences, S::Use, OwnUseOnly, OWN_MAY_USE))),
    on("signs", sensitive(item(I::DepQuitFailed, S::Use, OwnUseOnly, OWN_MAY_USE))),
    on("risks", sensitive(item(I::Withdrawal, S::Use, OwnUseOnly, OWN_MAY_USE))),
    on("risks", sensitive(item(I::Overdose, S::Use, OwnUseOnly, OWN_MAY_USE))),
    on("risks", sensitive(item(I::Injection, S::Use, OwnUseOnly, OWN_MAY_USE))),
    on(
        "health",
        optional(sensitive(item(
            I::Pregnant,
            S::Wellbeing,
            OwnUseOnly,
            Cond::All(&[OWN, Cond::Not(&Cond::Is(I::Sex, &["male"]))]),
        ))),
    ),
    on("health", sensitive(item(I::MhDiagnosis, S::Wellbeing, OwnUseOnly, OWN))),
    on("health", item(I::PhysicalHealth, S::Wellbeing, OwnUseOnly, OWN)),
    on("recovery", item(I::TreatmentHistory, S::Treatment, OwnUseOnly, OWN)),
    on(
        "recovery",
        item(
            I::Medication,
            S::Treatment,
            OwnUseOnly,
            Cond::All(&[OWN, Cond::Has(I::Substances, &["alcohol", "opioids"])]),
        ),
    ),
    on("recovery", item(I::Stage, S::Readiness, OwnUseOnly, OWN)),
    on("recovery", item(I::Goal, S::Readiness, OwnUseOnly, OWN)),
    on("life", item(I::Housing, S::Life, OwnUseOnly, OWN)),
    on("life", item(I::Support, S::Life, OwnUseOnly, OWN)),
    on("life", sensitive(item(I::Justice, S::Life, OwnUseOnly, OWN))),
    later(Ready, on("ruler", item(I::Importance, S::Readiness, OwnUseOnly, OWN))),
    later(Ready, on("ruler", item(I::Confidence, S::Readiness, OwnUseOnly, OWN))),
    later(Ready, on("barc", item(I::Barc1, S::Readiness, OwnUseOnly, IN_RECOVERY_STAGE))),
    later(Ready, on("barc", item(I::Barc2, S::Readiness, OwnUseOnly, IN_RECOVERY_STAGE))),
    later(Ready, on("barc", item(I::Barc3, S::Readiness, OwnUseOnly, IN_RECOVERY_STAGE))),
    later(Ready, on("barc", item(I::Barc4, S::Readiness, OwnUseOnly, IN_RECOVERY_STAGE))),
    later(Ready, on("barc", item(I::Barc5, S::Readiness, OwnUseOnly, IN_RECOVERY_STAGE))),
    later(Ready, on("barc", item(I::Barc6, S::Readiness, OwnUseOnly, IN_RECOVERY_STAGE))),
    later(Ready, on("barc", item(I::Barc7, S::Readiness, OwnUseOnly, IN_RECOVERY_STAGE))),
    later(Ready, on("barc", item(I::Barc8, S::Readiness, OwnUseOnly, IN_RECOVERY_STAGE))),
    later(Ready, on("barc", item(I::Barc9, S::Readiness, OwnUseOnly, IN_RECOVERY_STAGE))),
    later(Ready, on("barc", item(I::Barc10, S::Readiness, OwnUseOnly, IN_RECOVERY_STAGE))),
    later(Fit, on("groups", item(I::GroupComfort, S::Preferences, OwnUseOnly, OWN))),
    later(Fit, on("groups", item(I::OneOnOne, S::Preferences, OwnUseOnly, OWN))),
    later(Fit, on("getting_there", item(I::Barriers, S::Preferences, OwnUseOnly, OWN))),
    later(Fit, on("getting_there", item(I::FamilyInvolved, S::Life, OwnUseOnly, OWN))),
    later(Fit, on("getting_there", item(I::Work, S::Life, OwnUseOnly, OWN))),
    later(When, on("kind", item(I::Approach, S::Preferences, Both, Cond::Always))),
    later(When, on("kind", item(I::Format, S::Preferences, Both, Cond::Always))),
    later(When, on("times", item(I::Times, S::Preferences, Both, Cond::Always))),
    later(When, on("times", item(I::Language, S::Preferences, Both, Cond::Always))),
    later(When, on("times", item(I::Audience, S::Preferences, Both, Cond::Always))),
];

/// Whether `item` is asked, given the answers so far (skip logic).
pub fn is_shown(answers: &Answers, item: ItemId) -> bool {
    item.item().show_when.holds(Ctx { answers, scores: None })
}

/// The items asked, given the answers so far, in order.
pub fn shown_items(answers: &Answers) -> Vec<ItemId> {
    ItemId::ALL.iter().copied().filter(|&item| is_shown(answers, item)).collect()
}

/// Drops answers to items no longer shown (after the visitor went back and changed an earlier
/// answer), so stale answers never reach the result.
pub fn retain_shown(answers: &mut Answers) {
    // One pass in order is enough: show conditions only name earlier items.
    for &item in ItemId::ALL {
        if !is_shown(answers, item) {
            answers.clear(item);
        }
    }
}

/// The questionnaire in one language, for any UI.
pub fn questionnaire(lang: Language) -> QuestionnaireOut {
    let items = ITEMS
        .iter()
        .map(|item| {
            let id = item.id.as_str();
            let options = item
                .id
                .options()
                .values
                .iter()
                .map(|&value| match item.id.kind() {
                    ItemKind::Scale => OptionOut {
                        value: OptionValue::Number(crate::support::num::whole(value).unwrap_or(0) as i8),
                        label: option_label(lang, item.id.options().id, value),
                    },
                    _ => OptionOut {
                        value: OptionValue::Text(value),
                        label: option_label(lang, item.id.options().id, value),
                    },
                })
                .collect();
            ItemOut {
                id,
                kind: match item.id.kind() {
                    ItemKind::Single => "single",
                    ItemKind::Multi => "multi",
                    ItemKind::Scale => "scale",
                    ItemKind::Language => "language",
                },
                section: item.section.as_str(),
                text: lang.text(&["q.", id].concat()),
                help: lang.lookup(&["h.", id].concat()),
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
        version: super::result::VERSION,
        lang: lang.as_str(),
        sections: Section::ALL
            .iter()
            .map(|s| SectionOut { id: s.as_str(), title: lang.text(&["sec.", s.as_str()].concat()) })
            .collect(),
        items,
        prefer_not: lang.text("o.prefer_not"),
    }
}

/// The label of one answer value. The 0..10 rulers label only their ends in the tables; the
/// numbers between are their own labels.
pub fn option_label(lang: Language, set: &str, value: &'static str) -> &'static str {
    let key = ["o.", set, ".", value].concat();
    if set == "ruler" {
        lang.lookup(&key).unwrap_or(value)
    } else {
        lang.text(&key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screening::answers::RawValue;

    fn text(s: &str) -> RawValue {
        RawValue::String(s.to_string())
    }

    #[test]
    fn skip_logic_follows_earlier_answers() {
        let mut answers = Answers::new();
        assert!(is_shown(&answers, ItemId::SelfHarm));
        assert!(!is_shown(&answers, ItemId::AuditC1));
        assert!(!is_shown(&answers, ItemId::LoDanger));
        answers.set(ItemId::Substances, &RawValue::Array(vec![text("alcohol"), text("cannabis")])).unwrap();
        assert!(is_shown(&answers, ItemId::AuditC1));
        assert!(is_shown(&answers, ItemId::UseFreqCannabis));
        assert!(!is_shown(&answers, ItemId::UseFreqOpioids));
        answers.set(ItemId::ForWhom, &text("loved_one")).unwrap();
        assert!(is_shown(&answers, ItemId::LoDanger));
        assert!(is_shown(&answers, ItemId::SelfHarm), "the visitor's own self-harm question, on both paths");
        assert!(!is_shown(&answers, ItemId::OwnSafety), "the loved-one path asks lo_safety instead");
        assert!(!is_shown(&answers, ItemId::AuditC1));
        assert!(is_shown(&answers, ItemId::Phq2_1));
        assert!(!is_shown(&answers, ItemId::Gad2_1));
    }

    #[test]
    fn retain_shown_drops_stale_answers() {
        let mut answers = Answers::new();
        answers.set(ItemId::Substances, &RawValue::Array(vec![text("alcohol")])).unwrap();
        answers.set(ItemId::AuditC1, &RawValue::Number(4.0)).unwrap();
        answers.set(ItemId::Substances, &RawValue::Array(vec![text("cannabis")])).unwrap();
        retain_shown(&mut answers);
        assert!(!answers.is_answered(ItemId::AuditC1));
        assert!(answers.is_answered(ItemId::Substances));
    }

    #[test]
    fn items_are_in_item_id_order() {
        assert_eq!(ITEMS.len(), ItemId::ALL.len());
        for (index, item) in ITEMS.iter().enumerate() {
            assert_eq!(item.id as usize, index, "{} is out of place", item.id.as_str());
        }
    }

    #[test]
    fn show_conditions_name_only_earlier_items_and_real_values() {
        for item in ITEMS.iter() {
            for (named, values) in item.show_when.references() {
                assert!(named < item.id, "{} depends on later item {}", item.id.as_str(), named.as_str());
                for value in values {
                    assert!(named.options().values.contains(value), "{} is not a value of {}", value, named.as_str());
                }
            }
        }
    }
}
