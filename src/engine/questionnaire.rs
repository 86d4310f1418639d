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

use super::cond::named::{LOVED, OWN, OWN_USES};
use super::cond::Cond;

/// Who the visitor is answering for. The loved-one path asks only items marked `loved_one`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Path {
    OwnUse,
    LovedOne,
}

/// The kind of control an item needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// One value from `options`.
    Single,
    /// Any number of values from `options`, given as an array.
    Multi,
    /// A whole number from `options` (the options are the numbers, each with a label).
    Scale,
    /// A BCP 47 language tag; `options` are the suggested tags, any well-formed tag is accepted.
    Language,
}

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

/// A named list of answer values, shared by items that use the same answers (for example every
/// yes/no item). Labels live in the string tables under `o.<set id>.<value>`.
#[derive(Debug)]
pub struct OptionSet {
    pub id: &'static str,
    pub values: &'static [&'static str],
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
    pub kind: ItemKind,
    pub section: Section,
    pub options: &'static OptionSet,
    pub paths: Paths,
    /// Shown only when this holds for the answers given so far.
    pub show_when: Cond,
    /// Sensitive items offer "prefer not to say" on screen (every item accepts it).
    pub sensitive: bool,
    /// Optional items say so on screen; skipping any item is always allowed.
    pub optional: bool,
    /// Items of one named group that are shown one after another share a screen (a small
    /// related group, like the three AUDIT-C questions).
    pub group: Option<&'static str>,
}

macro_rules! item_ids {
    ($($variant:ident = $id:literal,)*) => {
        /// Stable item ids of screening.md, in the order they are asked.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u8)]
        pub enum ItemId { $($variant,)* }

        impl ItemId {
            pub const ALL: &'static [ItemId] = &[$(ItemId::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(ItemId::$variant => $id,)* }
            }

            /// A search of `ALL`, not a `match` on the strings: the match compiles to 1.4 KB
            /// of comparisons in the module, the search to a few bytes.
            pub fn from_str(id: &str) -> Option<ItemId> {
                ItemId::ALL.iter().copied().find(|item| item.as_str() == id)
            }
        }
    };
}

item_ids! {
    ForWhom = "for_whom",
    AgeGroup = "age_group",
    LoRelationship = "lo_relationship",
    LoDanger = "lo_danger",
    LoSafety = "lo_safety",
    Phq2_1 = "phq2_1",
    Phq2_2 = "phq2_2",
    Gad2_1 = "gad2_1",
    Gad2_2 = "gad2_2",
    SelfHarm = "self_harm",
    HarmOthers = "harm_others",
    Substances = "substances",
    AuditC1 = "auditc_1",
    AuditC2 = "auditc_2",
    AuditC3 = "auditc_3",
    Sex = "sex",
    UseFreqOpioids = "use_freq_opioids",
    UseFreqStimulants = "use_freq_stimulants",
    UseFreqCannabis = "use_freq_cannabis",
    UseFreqSedatives = "use_freq_sedatives",
    UseFreqOther = "use_freq_other",
    LastUse = "last_use",
    DepControl = "dep_control",
    DepCraving = "dep_craving",
    DepConsequences = "dep_consequences",
    DepQuitFailed = "dep_quit_failed",
    Withdrawal = "withdrawal",
    Overdose = "overdose",
    Injection = "injection",
    LoStage = "lo_stage",
    LoWants = "lo_wants",
    MhDiagnosis = "mh_diagnosis",
    PhysicalHealth = "physical_health",
    Pregnant = "pregnant",
    TreatmentHistory = "treatment_history",
    Medication = "medication",
    Importance = "importance",
    Confidence = "confidence",
    Stage = "stage",
    Goal = "goal",
    Barc1 = "barc_1",
    Barc2 = "barc_2",
    Barc3 = "barc_3",
    Barc4 = "barc_4",
    Barc5 = "barc_5",
    Barc6 = "barc_6",
    Barc7 = "barc_7",
    Barc8 = "barc_8",
    Barc9 = "barc_9",
    Barc10 = "barc_10",
    Housing = "housing",
    Support = "support",
    FamilyInvolved = "family_involved",
    Justice = "justice",
    Work = "work",
    GroupComfort = "group_comfort",
    OneOnOne = "one_on_one",
    Barriers = "barriers",
    Approach = "approach",
    Format = "format",
    Times = "times",
    Language = "language",
    Audience = "audience",
}

impl ItemId {
    pub fn item(self) -> &'static Item {
        &ITEMS[self as usize]
    }
}

/// The value every item accepts for "prefer not to say"; it counts as not answered.
pub const PREFER_NOT: &str = "prefer_not";

/// Substances with their own `use_freq_<substance>` item (alcohol uses AUDIT-C instead).
pub const FREQ_ITEMS: [(&str, ItemId); 5] = [
    ("opioids", ItemId::UseFreqOpioids),
    ("stimulants", ItemId::UseFreqStimulants),
    ("cannabis", ItemId::UseFreqCannabis),
    ("sedatives", ItemId::UseFreqSedatives),
    ("other", ItemId::UseFreqOther),
];

pub const DEPENDENCE_ITEMS: [ItemId; 4] =
    [ItemId::DepControl, ItemId::DepCraving, ItemId::DepConsequences, ItemId::DepQuitFailed];

pub const BARC_ITEMS: [ItemId; 10] = [
    ItemId::Barc1,
    ItemId::Barc2,
    ItemId::Barc3,
    ItemId::Barc4,
    ItemId::Barc5,
    ItemId::Barc6,
    ItemId::Barc7,
    ItemId::Barc8,
    ItemId::Barc9,
    ItemId::Barc10,
];

pub const AUDITC_ITEMS: [ItemId; 3] = [ItemId::AuditC1, ItemId::AuditC2, ItemId::AuditC3];
pub const PHQ2_ITEMS: [ItemId; 2] = [ItemId::Phq2_1, ItemId::Phq2_2];
pub const GAD2_ITEMS: [ItemId; 2] = [ItemId::Gad2_1, ItemId::Gad2_2];

// Option sets. Values are the public contract; their order is "best" to "worst" only where a
// comment says so (the engine never relies on the order otherwise).

pub static FOR_WHOM: OptionSet = OptionSet { id: "for_whom", values: &["self", "loved_one"] };
pub static AGE_GROUP: OptionSet = OptionSet { id: "age_group", values: &["under_18", "18_25", "26_64", "65_plus"] };
pub static SELF_HARM: OptionSet =
    OptionSet { id: "self_harm", values: &["not_at_all", "several_days", "more_than_half", "nearly_every_day"] };
pub static YES_NO: OptionSet = OptionSet { id: "yes_no", values: &["no", "yes"] };
pub static WITHDRAWAL: OptionSet =
    OptionSet { id: "withdrawal", values: &["none", "uncomfortable", "severe", "not_stopped"] };
pub static SUBSTANCES: OptionSet = OptionSet {
    id: "substances",
    values: &["alcohol", "opioids", "stimulants", "cannabis", "sedatives", "other", "none"],
};
pub static AUDITC_1: OptionSet = OptionSet { id: "auditc_1", values: &["0", "1", "2", "3", "4"] };
pub static AUDITC_2: OptionSet = OptionSet { id: "auditc_2", values: &["0", "1", "2", "3", "4"] };
pub static AUDITC_3: OptionSet = OptionSet { id: "auditc_3", values: &["0", "1", "2", "3", "4"] };
pub static SEX: OptionSet = OptionSet { id: "sex", values: &["female", "male", "other"] };
pub static USE_FREQ: OptionSet =
    OptionSet { id: "use_freq", values: &["never", "once_or_twice", "monthly", "weekly", "daily"] };
/// Ordered from longest ago to most recent.
pub static LAST_USE: OptionSet = OptionSet {
    id: "last_use",
    values: &["over_year", "3_12_months", "1_3_months", "past_month", "past_week", "today"],
};
pub static FREQ_2W: OptionSet = OptionSet { id: "freq_2w", values: &["0", "1", "2", "3"] };
pub static YES_NO_UNSURE: OptionSet = OptionSet { id: "yes_no_unsure", values: &["yes", "no", "unsure"] };
pub static TREATMENT_HISTORY: OptionSet = OptionSet {
    id: "treatment_history",
    values: &["none", "detox", "residential", "outpatient", "current", "left_early"],
};
pub static MEDICATION: OptionSet = OptionSet { id: "medication", values: &["taking", "interested", "no"] };
pub static PHYSICAL_HEALTH: OptionSet = OptionSet { id: "physical_health", values: &["good", "fair", "poor"] };
pub static RULER: OptionSet =
    OptionSet { id: "ruler", values: &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"] };
pub static STAGE: OptionSet =
    OptionSet { id: "stage", values: &["not_sure", "thinking", "preparing", "changing", "maintaining", "returned"] };
pub static GOAL: OptionSet = OptionSet { id: "goal", values: &["stop", "cut_down", "not_sure"] };
pub static AGREE_6: OptionSet = OptionSet { id: "agree_6", values: &["1", "2", "3", "4", "5", "6"] };
/// Ordered from most to least stable.
pub static HOUSING: OptionSet =
    OptionSet { id: "housing", values: &["stable_sober", "stable_use_around", "unstable", "none"] };
/// Ordered from most to least support.
pub static SUPPORT: OptionSet = OptionSet { id: "support", values: &["several", "one_or_two", "none"] };
pub static YES_MAYBE_NO: OptionSet = OptionSet { id: "yes_maybe_no", values: &["yes", "maybe", "no"] };
pub static JUSTICE: OptionSet =
    OptionSet { id: "justice", values: &["none", "past", "recently_released", "supervision"] };
pub static WORK: OptionSet =
    OptionSet { id: "work", values: &["working", "looking", "not_working", "student", "retired"] };
pub static GROUP_COMFORT: OptionSet =
    OptionSet { id: "group_comfort", values: &["comfortable", "nervous_willing", "one_on_one", "not_now"] };
pub static BARRIERS: OptionSet = OptionSet {
    id: "barriers",
    values: &["transport", "childcare", "work_hours", "cost", "mobility", "hearing", "language", "none"],
};
pub static APPROACH: OptionSet =
    OptionSet { id: "approach", values: &["spiritual", "secular", "faith", "mindfulness", "no_preference"] };
pub static FORMAT: OptionSet = OptionSet { id: "format", values: &["in_person", "online", "either"] };
pub static TIMES: OptionSet = OptionSet { id: "times", values: &["weekday_day", "weekday_evening", "weekend"] };
pub static LANGUAGE: OptionSet = OptionSet { id: "language", values: &["en", "es"] };
pub static AUDIENCE: OptionSet =
    OptionSet { id: "audience", values: &["women", "men", "lgbtq", "young_adults", "veterans", "none"] };
pub static LO_RELATIONSHIP: OptionSet =
    OptionSet { id: "lo_relationship", values: &["partner", "parent", "child", "sibling", "friend", "other"] };
pub static LO_STAGE: OptionSet =
    OptionSet { id: "lo_stage", values: &["not_ready", "thinking", "in_treatment", "in_recovery", "unknown"] };
pub static LO_WANTS: OptionSet =
    OptionSet { id: "lo_wants", values: &["learn_to_help", "support_for_me", "lost_someone"] };

use ItemId as I;

const ALCOHOL: Cond = Cond::All(&[OWN, Cond::Has(I::Substances, &["alcohol"])]);
const IN_RECOVERY_STAGE: Cond = Cond::All(&[OWN, Cond::Is(I::Stage, &["changing", "maintaining", "returned"])]);

const fn item(
    id: ItemId,
    kind: ItemKind,
    section: Section,
    options: &'static OptionSet,
    paths: Paths,
    show_when: Cond,
) -> Item {
    Item { id, kind, section, options, paths, show_when, sensitive: false, optional: false, group: None }
}

const fn grouped(group: &'static str, mut item: Item) -> Item {
    item.group = Some(group);
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

use ItemKind::{Language as Lang, Multi, Scale, Single};
use Paths::{Both, LovedOneOnly, OwnUseOnly};
use Section as S;

/// The visitor's own PHQ-2 is positive (3 or more of 6), judged from the answers alone so the
/// skip logic can use it while the questionnaire is shown. On the loved-one path it opens the
/// self-harm question to the visitor (screening.md v2).
const OWN_PHQ2_POSITIVE: Cond = Cond::SumAtLeast(&PHQ2_ITEMS, 3);

/// The questionnaire, in the order asked. The loved-one path's items are shown only after
/// `for_whom` = `loved_one`; all other items are shown unless `for_whom` = `loved_one`, so a
/// visitor who has not said yet is treated as answering for themselves.
///
/// Safety comes first on both paths: the loved one's danger and the visitor's own safety at
/// home, then mood (PHQ-2, GAD-2) and the self-harm question right after it, as PHQ-9 asks its
/// item 9 after the mood items, then the worry about hurting someone; the substances after.
pub static ITEMS: [Item; 63] = [
    item(I::ForWhom, Single, S::About, &FOR_WHOM, Both, Cond::Always),
    item(I::AgeGroup, Single, S::About, &AGE_GROUP, Both, Cond::Always),
    item(I::LoRelationship, Single, S::LovedOne, &LO_RELATIONSHIP, LovedOneOnly, LOVED),
    sensitive(item(I::LoDanger, Single, S::Safety, &YES_NO, LovedOneOnly, LOVED)),
    sensitive(item(I::LoSafety, Single, S::Safety, &YES_NO, LovedOneOnly, LOVED)),
    grouped("mood", sensitive(item(I::Phq2_1, Scale, S::Wellbeing, &FREQ_2W, Both, Cond::Always))),
    grouped("mood", sensitive(item(I::Phq2_2, Scale, S::Wellbeing, &FREQ_2W, Both, Cond::Always))),
    grouped("mood", sensitive(item(I::Gad2_1, Scale, S::Wellbeing, &FREQ_2W, OwnUseOnly, OWN))),
    grouped("mood", sensitive(item(I::Gad2_2, Scale, S::Wellbeing, &FREQ_2W, OwnUseOnly, OWN))),
    sensitive(item(
        I::SelfHarm,
        Single,
        S::Safety,
        &SELF_HARM,
        Both,
        Cond::Any(&[OWN, Cond::All(&[LOVED, OWN_PHQ2_POSITIVE])]),
    )),
    sensitive(item(I::HarmOthers, Single, S::Safety, &YES_NO, OwnUseOnly, OWN)),
    item(I::Substances, Multi, S::Use, &SUBSTANCES, Both, Cond::Always),
    grouped("auditc", item(I::AuditC1, Scale, S::Use, &AUDITC_1, OwnUseOnly, ALCOHOL)),
    grouped("auditc", item(I::AuditC2, Scale, S::Use, &AUDITC_2, OwnUseOnly, ALCOHOL)),
    grouped("auditc", item(I::AuditC3, Scale, S::Use, &AUDITC_3, OwnUseOnly, ALCOHOL)),
    optional(sensitive(item(I::Sex, Single, S::Use, &SEX, OwnUseOnly, ALCOHOL))),
    grouped(
        "use_freq",
        item(
            I::UseFreqOpioids,
            Single,
            S::Use,
            &USE_FREQ,
            OwnUseOnly,
            Cond::All(&[OWN, Cond::Has(I::Substances, &["opioids"])]),
        ),
    ),
    grouped(
        "use_freq",
        item(
            I::UseFreqStimulants,
            Single,
            S::Use,
            &USE_FREQ,
            OwnUseOnly,
            Cond::All(&[OWN, Cond::Has(I::Substances, &["stimulants"])]),
        ),
    ),
    grouped(
        "use_freq",
        item(
            I::UseFreqCannabis,
            Single,
            S::Use,
            &USE_FREQ,
            OwnUseOnly,
            Cond::All(&[OWN, Cond::Has(I::Substances, &["cannabis"])]),
        ),
    ),
    grouped(
        "use_freq",
        item(
            I::UseFreqSedatives,
            Single,
            S::Use,
            &USE_FREQ,
            OwnUseOnly,
            Cond::All(&[OWN, Cond::Has(I::Substances, &["sedatives"])]),
        ),
    ),
    grouped(
        "use_freq",
        item(
            I::UseFreqOther,
            Single,
            S::Use,
            &USE_FREQ,
            OwnUseOnly,
            Cond::All(&[OWN, Cond::Has(I::Substances, &["other"])]),
        ),
    ),
    item(I::LastUse, Single, S::Use, &LAST_USE, OwnUseOnly, OWN_USES),
    grouped("dependence", sensitive(item(I::DepControl, Single, S::Use, &YES_NO, OwnUseOnly, OWN_USES))),
    grouped("dependence", sensitive(item(I::DepCraving, Single, S::Use, &YES_NO, OwnUseOnly, OWN_USES))),
    grouped("dependence", sensitive(item(I::DepConsequences, Single, S::Use, &YES_NO, OwnUseOnly, OWN_USES))),
    grouped("dependence", sensitive(item(I::DepQuitFailed, Single, S::Use, &YES_NO, OwnUseOnly, OWN_USES))),
    sensitive(item(I::Withdrawal, Single, S::Use, &WITHDRAWAL, OwnUseOnly, OWN_USES)),
    sensitive(item(I::Overdose, Single, S::Use, &YES_NO, OwnUseOnly, OWN_USES)),
    sensitive(item(I::Injection, Single, S::Use, &YES_NO, OwnUseOnly, OWN_USES)),
    item(I::LoStage, Single, S::LovedOne, &LO_STAGE, LovedOneOnly, LOVED),
    sensitive(item(I::LoWants, Multi, S::LovedOne, &LO_WANTS, LovedOneOnly, LOVED)),
    sensitive(item(I::MhDiagnosis, Single, S::Wellbeing, &YES_NO_UNSURE, OwnUseOnly, OWN)),
    item(I::PhysicalHealth, Single, S::Wellbeing, &PHYSICAL_HEALTH, OwnUseOnly, OWN),
    optional(sensitive(item(
        I::Pregnant,
        Single,
        S::Wellbeing,
        &YES_NO,
        OwnUseOnly,
        Cond::All(&[OWN, Cond::Not(&Cond::Is(I::Sex, &["male"]))]),
    ))),
    item(I::TreatmentHistory, Multi, S::Treatment, &TREATMENT_HISTORY, OwnUseOnly, OWN),
    item(
        I::Medication,
        Single,
        S::Treatment,
        &MEDICATION,
        OwnUseOnly,
        Cond::All(&[OWN, Cond::Has(I::Substances, &["alcohol", "opioids"])]),
    ),
    item(I::Importance, Scale, S::Readiness, &RULER, OwnUseOnly, OWN),
    item(I::Confidence, Scale, S::Readiness, &RULER, OwnUseOnly, OWN),
    item(I::Stage, Single, S::Readiness, &STAGE, OwnUseOnly, OWN),
    item(I::Goal, Single, S::Readiness, &GOAL, OwnUseOnly, OWN),
    grouped("barc", item(I::Barc1, Scale, S::Readiness, &AGREE_6, OwnUseOnly, IN_RECOVERY_STAGE)),
    grouped("barc", item(I::Barc2, Scale, S::Readiness, &AGREE_6, OwnUseOnly, IN_RECOVERY_STAGE)),
    grouped("barc", item(I::Barc3, Scale, S::Readiness, &AGREE_6, OwnUseOnly, IN_RECOVERY_STAGE)),
    grouped("barc", item(I::Barc4, Scale, S::Readiness, &AGREE_6, OwnUseOnly, IN_RECOVERY_STAGE)),
    grouped("barc", item(I::Barc5, Scale, S::Readiness, &AGREE_6, OwnUseOnly, IN_RECOVERY_STAGE)),
    grouped("barc", item(I::Barc6, Scale, S::Readiness, &AGREE_6, OwnUseOnly, IN_RECOVERY_STAGE)),
    grouped("barc", item(I::Barc7, Scale, S::Readiness, &AGREE_6, OwnUseOnly, IN_RECOVERY_STAGE)),
    grouped("barc", item(I::Barc8, Scale, S::Readiness, &AGREE_6, OwnUseOnly, IN_RECOVERY_STAGE)),
    grouped("barc", item(I::Barc9, Scale, S::Readiness, &AGREE_6, OwnUseOnly, IN_RECOVERY_STAGE)),
    grouped("barc", item(I::Barc10, Scale, S::Readiness, &AGREE_6, OwnUseOnly, IN_RECOVERY_STAGE)),
    item(I::Housing, Single, S::Life, &HOUSING, OwnUseOnly, OWN),
    item(I::Support, Single, S::Life, &SUPPORT, OwnUseOnly, OWN),
    item(I::FamilyInvolved, Single, S::Life, &YES_MAYBE_NO, OwnUseOnly, OWN),
    sensitive(item(I::Justice, Single, S::Life, &JUSTICE, OwnUseOnly, OWN)),
    item(I::Work, Single, S::Life, &WORK, OwnUseOnly, OWN),
    item(I::GroupComfort, Single, S::Preferences, &GROUP_COMFORT, OwnUseOnly, OWN),
    item(I::OneOnOne, Single, S::Preferences, &YES_MAYBE_NO, OwnUseOnly, OWN),
    item(I::Barriers, Multi, S::Preferences, &BARRIERS, OwnUseOnly, OWN),
    item(I::Approach, Single, S::Preferences, &APPROACH, Both, Cond::Always),
    item(I::Format, Single, S::Preferences, &FORMAT, Both, Cond::Always),
    item(I::Times, Multi, S::Preferences, &TIMES, Both, Cond::Always),
    item(I::Language, Lang, S::Preferences, &LANGUAGE, Both, Cond::Always),
    item(I::Audience, Multi, S::Preferences, &AUDIENCE, Both, Cond::Always),
];

/// Is `tag` a well-formed BCP 47 language tag (the common `lang[-Script][-REGION]` shapes and
/// private use)? Checked by shape only: 2 to 8 letters first, then subtags of 1 to 8 letters or
/// digits, 35 characters at most.
pub fn is_language_tag(tag: &str) -> bool {
    if tag.is_empty() || tag.len() > 35 {
        return false;
    }
    let mut parts = crate::prelude::pieces(tag, b'-');
    let first = parts.next().unwrap_or("");
    let first_ok = (2..=8).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_alphabetic())
        || first.eq_ignore_ascii_case("x")
        || first.eq_ignore_ascii_case("i");
    first_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_in_item_id_order() {
        assert_eq!(ITEMS.len(), ItemId::ALL.len());
        for (index, item) in ITEMS.iter().enumerate() {
            assert_eq!(item.id as usize, index, "{} is out of place", item.id.as_str());
        }
    }

    #[test]
    fn item_ids_round_trip() {
        for &id in ItemId::ALL {
            assert_eq!(ItemId::from_str(id.as_str()), Some(id));
        }
        assert_eq!(ItemId::from_str("nope"), None);
    }

    #[test]
    fn show_conditions_name_only_earlier_items_and_real_values() {
        for item in ITEMS.iter() {
            for (named, values) in item.show_when.references() {
                assert!(named < item.id, "{} depends on later item {}", item.id.as_str(), named.as_str());
                for value in values {
                    assert!(
                        named.item().options.values.contains(value),
                        "{} is not a value of {}",
                        value,
                        named.as_str()
                    );
                }
            }
        }
    }

    #[test]
    fn scale_options_are_consecutive_numbers() {
        for item in ITEMS.iter().filter(|i| i.kind == ItemKind::Scale) {
            let numbers: Vec<i64> = item.options.values.iter().map(|v| v.parse().unwrap()).collect();
            assert!(numbers.windows(2).all(|w| w[1] == w[0] + 1), "{}", item.id.as_str());
        }
    }

    #[test]
    fn language_tags() {
        for good in ["en", "es", "es-419", "zh-Hant-TW", "fil", "x-klingon"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "e", "english language", "en_US", "123", "en--us", "abcdefghi"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
