//! What can be answered: every item id of `shared/spec/screening.md` with the kind of answer
//! it takes and its answer values, as the contract fixes them. How and when each is asked (its
//! section, its path, its skip logic) is `questionnaire`.
//!
//! Editing rules:
//! - ids and answer values are a public contract: add freely, never rename or drop;
//! - the rows of `item_ids!` are in asking order, the same as `questionnaire::ITEMS`;
//! - option labels live in the string tables under `o.<option set>.<value>`.

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

/// A named list of answer values, shared by items that use the same answers (for example every
/// yes/no item). Labels live in the string tables under `o.<set id>.<value>`.
#[derive(Debug)]
pub struct OptionSet {
    pub id: &'static str,
    pub values: &'static [&'static str],
}

macro_rules! item_ids {
    ($($variant:ident = $id:literal, $kind:ident, $options:ident;)*) => {
        /// Stable item ids of screening.md, in the order they are asked.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u8)]
        pub enum ItemId { $($variant,)* }

        impl ItemId {
            pub const ALL: &'static [ItemId] = &[$(ItemId::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(ItemId::$variant => $id,)* }
            }

            /// The kind of answer the item takes.
            pub fn kind(self) -> ItemKind {
                match self { $(ItemId::$variant => ItemKind::$kind,)* }
            }

            /// The item's answer values.
            pub fn options(self) -> &'static OptionSet {
                match self { $(ItemId::$variant => &$options,)* }
            }

            /// The item with this id, as answers, options and the page's buttons name it.
            pub fn named(id: &str) -> Option<ItemId> {
                ItemId::ALL.iter().copied().find(|item| item.as_str() == id)
            }
        }
    };
}

item_ids! {
    ForWhom = "for_whom", Single, FOR_WHOM;
    LoDanger = "lo_danger", Single, YES_NO;
    LoSafety = "lo_safety", Single, YES_NO;
    AgeGroup = "age_group", Single, AGE_GROUP;
    LoRelationship = "lo_relationship", Single, LO_RELATIONSHIP;
    Sex = "sex", Single, SEX;
    Phq2_1 = "phq2_1", Scale, FREQ_2W;
    Phq2_2 = "phq2_2", Scale, FREQ_2W;
    Gad2_1 = "gad2_1", Scale, FREQ_2W;
    Gad2_2 = "gad2_2", Scale, FREQ_2W;
    SelfHarm = "self_harm", Single, SELF_HARM;
    HarmOthers = "harm_others", Single, YES_NO;
    OwnSafety = "own_safety", Single, YES_NO;
    LoWants = "lo_wants", Multi, LO_WANTS;
    Substances = "substances", Multi, SUBSTANCES;
    LoStage = "lo_stage", Single, LO_STAGE;
    AuditC1 = "auditc_1", Scale, AUDITC_1;
    AuditC2 = "auditc_2", Scale, AUDITC_2;
    AuditC3 = "auditc_3", Scale, AUDITC_3;
    UseFreqOpioids = "use_freq_opioids", Single, USE_FREQ;
    UseFreqStimulants = "use_freq_stimulants", Single, USE_FREQ;
    UseFreqCannabis = "use_freq_cannabis", Single, USE_FREQ;
    UseFreqSedatives = "use_freq_sedatives", Single, USE_FREQ;
    UseFreqOther = "use_freq_other", Single, USE_FREQ;
    LastUse = "last_use", Single, LAST_USE;
    DepControl = "dep_control", Single, YES_NO;
    DepCraving = "dep_craving", Single, YES_NO;
    DepConsequences = "dep_consequences", Single, YES_NO;
    DepQuitFailed = "dep_quit_failed", Single, YES_NO;
    Withdrawal = "withdrawal", Single, WITHDRAWAL;
    Overdose = "overdose", Single, YES_NO;
    Injection = "injection", Single, YES_NO;
    Pregnant = "pregnant", Single, YES_NO;
    MhDiagnosis = "mh_diagnosis", Single, YES_NO_UNSURE;
    PhysicalHealth = "physical_health", Single, PHYSICAL_HEALTH;
    TreatmentHistory = "treatment_history", Multi, TREATMENT_HISTORY;
    Medication = "medication", Single, MEDICATION;
    Stage = "stage", Single, STAGE;
    Goal = "goal", Single, GOAL;
    Housing = "housing", Single, HOUSING;
    Support = "support", Single, SUPPORT;
    Justice = "justice", Single, JUSTICE;
    Importance = "importance", Scale, RULER;
    Confidence = "confidence", Scale, RULER;
    Barc1 = "barc_1", Scale, AGREE_6;
    Barc2 = "barc_2", Scale, AGREE_6;
    Barc3 = "barc_3", Scale, AGREE_6;
    Barc4 = "barc_4", Scale, AGREE_6;
    Barc5 = "barc_5", Scale, AGREE_6;
    Barc6 = "barc_6", Scale, AGREE_6;
    Barc7 = "barc_7", Scale, AGREE_6;
    Barc8 = "barc_8", Scale, AGREE_6;
    Barc9 = "barc_9", Scale, AGREE_6;
    Barc10 = "barc_10", Scale, AGREE_6;
    GroupComfort = "group_comfort", Single, GROUP_COMFORT;
    OneOnOne = "one_on_one", Single, YES_MAYBE_NO;
    Barriers = "barriers", Multi, BARRIERS;
    FamilyInvolved = "family_involved", Single, YES_MAYBE_NO;
    Work = "work", Single, WORK;
    Approach = "approach", Single, APPROACH;
    Format = "format", Single, FORMAT;
    Times = "times", Multi, TIMES;
    Language = "language", Language, LANGUAGE;
    Audience = "audience", Multi, AUDIENCE;
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

/// Is `tag` a well-formed BCP 47 language tag (the common `lang[-Script][-REGION]` shapes and
/// private use)? Checked by shape only: 2 to 8 letters first, then subtags of 1 to 8 letters or
/// digits, 35 characters at most.
pub fn is_language_tag(tag: &str) -> bool {
    if tag.is_empty() || tag.len() > 35 {
        return false;
    }
    let mut parts = tag.split('-');
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
    fn item_ids_round_trip() {
        for &id in ItemId::ALL {
            assert_eq!(ItemId::named(id.as_str()), Some(id));
        }
        assert_eq!(ItemId::named("nope"), None);
    }

    #[test]
    fn scale_options_are_consecutive_numbers() {
        for &item in ItemId::ALL.iter().filter(|i| i.kind() == ItemKind::Scale) {
            let numbers: Vec<i64> = item.options().values.iter().map(|v| v.parse().unwrap()).collect();
            assert!(numbers.windows(2).all(|w| w[1] == w[0] + 1), "{}", item.as_str());
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
