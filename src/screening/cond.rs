//! One small condition language for the questionnaire's skip logic, the safety rules and the
//! catalog's fit rules, so all three stay data and explain themselves the same way.
//!
//! A condition that holds can say which answered items made it hold (`because`); reasons are
//! built from that, so a reason can only ever name items the visitor answered.

use super::answers::Answers;
use super::items::ItemId;
use super::scores::{Fact, Scores};
use crate::support::prelude::*;

#[derive(Clone, Copy, Debug)]
pub enum Cond {
    Always,
    /// A single-choice item answered with one of these values.
    Is(ItemId, &'static [&'static str]),
    /// A multi-choice item whose answer includes any of these values.
    Has(ItemId, &'static [&'static str]),
    /// A number item answered with at least this number.
    AtLeast(ItemId, i8),
    /// The answered number items add up to at least this number (skipped items count 0, so a
    /// partly answered screen holds only when what was answered already reaches it).
    SumAtLeast(&'static [ItemId], i8),
    /// A fact derived from several answers (a positive screen, a use-severity band, ...).
    Fact(Fact),
    All(&'static [Cond]),
    Any(&'static [Cond]),
    /// At least this many of the conditions hold.
    AtLeastN(u8, &'static [Cond]),
    /// Holds when the inner condition does not; an unanswered item makes `Is` false, so
    /// `Not(Is(..))` holds for a skipped item.
    Not(&'static Cond),
}

/// What a condition is judged against: the answers and, once computed, the scores. Before the
/// scores exist (while the questionnaire is being shown) every `Fact` is false.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub answers: &'a Answers,
    pub scores: Option<&'a Scores>,
}

impl Cond {
    pub fn holds(&self, ctx: Ctx) -> bool {
        match *self {
            Cond::Always => true,
            Cond::Is(item, values) => ctx.answers.choice(item).is_some_and(|v| values.contains(&v)),
            Cond::Has(item, values) => values.iter().any(|v| ctx.answers.has(item, v)),
            Cond::AtLeast(item, n) => ctx.answers.number(item).is_some_and(|v| v >= n),
            Cond::SumAtLeast(items, n) => {
                let mut sum: i16 = 0;
                for &item in items {
                    sum += ctx.answers.number(item).map_or(0, i16::from);
                }
                sum >= i16::from(n)
            }
            Cond::Fact(fact) => ctx.scores.is_some_and(|s| s.fact(fact)),
            Cond::All(conds) => conds.iter().all(|c| c.holds(ctx)),
            Cond::Any(conds) => conds.iter().any(|c| c.holds(ctx)),
            Cond::AtLeastN(n, conds) => conds.iter().filter(|c| c.holds(ctx)).count() >= usize::from(n),
            Cond::Not(cond) => !cond.holds(ctx),
        }
    }

    /// Adds to `out` the answered items that make this (holding) condition hold, without
    /// duplicates and in questionnaire order.
    pub fn because(&self, ctx: Ctx, out: &mut Vec<ItemId>) {
        match *self {
            Cond::Always => {}
            Cond::Is(item, _) | Cond::Has(item, _) | Cond::AtLeast(item, _) => push_answered(ctx, item, out),
            Cond::SumAtLeast(items, _) => items.iter().for_each(|&item| push_answered(ctx, item, out)),
            Cond::Fact(fact @ (Fact::SeverityAtLeast(_) | Fact::SeverityAtMost(_))) => match ctx.scores {
                // The band names only the answers that set it, not every use item.
                Some(scores) => scores.severity_because.iter().for_each(|&item| push_answered(ctx, item, out)),
                None => fact.items().iter().for_each(|&item| push_answered(ctx, item, out)),
            },
            Cond::Fact(fact) => fact.items().iter().for_each(|&item| push_answered(ctx, item, out)),
            Cond::All(conds) => conds.iter().for_each(|c| c.because(ctx, out)),
            Cond::Any(conds) | Cond::AtLeastN(_, conds) => {
                conds.iter().filter(|c| c.holds(ctx)).for_each(|c| c.because(ctx, out))
            }
            Cond::Not(cond) => cond.references().into_iter().for_each(|(item, _)| push_answered(ctx, item, out)),
        }
        crate::support::sort::stable_sort(out, |a, b| a < b);
    }

    /// Every item this condition names with the values it names (facts name their items with no
    /// values). Used by tests that check the tables, and by `Not` to explain itself.
    pub fn references(&self) -> Vec<(ItemId, &'static [&'static str])> {
        let mut out = Vec::new();
        self.collect_references(&mut out);
        out
    }

    fn collect_references(&self, out: &mut Vec<(ItemId, &'static [&'static str])>) {
        match *self {
            Cond::Always => {}
            Cond::Is(item, values) | Cond::Has(item, values) => out.push((item, values)),
            Cond::AtLeast(item, _) => out.push((item, &[])),
            Cond::SumAtLeast(items, _) => out.extend(items.iter().map(|&item| (item, &[] as &[&str]))),
            Cond::Fact(fact) => out.extend(fact.items().iter().map(|&item| (item, &[] as &[&str]))),
            Cond::All(conds) | Cond::Any(conds) | Cond::AtLeastN(_, conds) => {
                conds.iter().for_each(|c| c.collect_references(out))
            }
            Cond::Not(cond) => cond.collect_references(out),
        }
    }
}

fn push_answered(ctx: Ctx, item: ItemId, out: &mut Vec<ItemId>) {
    if ctx.answers.is_answered(item) && !out.contains(&item) {
        out.push(item);
    }
}

/// Conditions used by several tables, named once so the tables read as the spec does.
pub mod named {
    use super::Cond;
    use crate::screening::items::ItemId as I;
    use crate::screening::scores::{Fact, Severity};

    /// The visitor answers about their own use (or has not said).
    pub const OWN: Cond = Cond::Not(&Cond::Is(I::ForWhom, &["loved_one"]));
    /// The visitor answers about a loved one.
    pub const LOVED: Cond = Cond::Is(I::ForWhom, &["loved_one"]);
    /// Any substance other than `none` chosen.
    pub const USES: Cond =
        Cond::Has(I::Substances, &["alcohol", "opioids", "stimulants", "cannabis", "sedatives", "other"]);
    /// A positive PHQ-2 or GAD-2, or a mental health diagnosis.
    pub const MOOD_OR_DIAGNOSIS: Cond =
        Cond::Any(&[Cond::Fact(Fact::MoodPositive), Cond::Is(I::MhDiagnosis, &["yes"])]);
    /// A home that does not support recovery: substances used there, unstable, or none.
    pub const UNSAFE_HOME: Cond = Cond::Is(I::Housing, &["stable_use_around", "unstable", "none"]);
    /// Any treatment, past or current.
    pub const TREATED: Cond =
        Cond::Has(I::TreatmentHistory, &["detox", "residential", "outpatient", "current", "left_early"]);
    /// A return to use after treatment: "repeated returns to use" in catalog.md.
    pub const REPEATED_RETURNS: Cond = Cond::All(&[
        Cond::Is(I::Stage, &["returned"]),
        Cond::Has(I::TreatmentHistory, &["detox", "residential", "outpatient", "left_early"]),
    ]);
    /// Getting to a place is hard.
    pub const ACCESS_BARRIERS: Cond = Cond::Has(I::Barriers, &["transport", "childcare", "mobility"]);
    pub const LOW_SUPPORT: Cond = Cond::Is(I::Support, &["none", "one_or_two"]);
    pub const DAILY_ALCOHOL_OR_SEDATIVES: Cond =
        Cond::Any(&[Cond::Fact(Fact::DailyAlcohol), Cond::Fact(Fact::DailySedatives)]);
    /// The substances question skipped, declined or left empty: an unknown substance, which
    /// is never "none" (screening.md v3).
    pub const SUBSTANCES_UNKNOWN: Cond = Cond::Not(&Cond::Has(
        I::Substances,
        &["alcohol", "opioids", "stimulants", "cannabis", "sedatives", "other", "none"],
    ));
    /// Current use (screening.md v3): a substance chosen or the substances unknown, and a last
    /// use within the past 3 months, or not said.
    pub const CURRENT_USE: Cond = Cond::Fact(Fact::CurrentUse);
    /// Recent use (screening.md v3, for the withdrawal rules): as current use, with a last use
    /// within the past month or not said. A withdrawal answer without it is history.
    pub const RECENT_USE: Cond = Cond::Fact(Fact::RecentUse);
    pub const OPIOIDS: Cond = Cond::Has(I::Substances, &["opioids"]);
    /// The `withdrawal_medical` trigger of screening.md v3, with recent use in every clause
    /// (a withdrawal answer without it is history):
    /// - severe withdrawal (shaking, seeing or hearing things, seizures, confusion);
    /// - withdrawal that makes one sick, with daily heavy drinking or daily sedatives;
    /// - daily heavy drinking or daily sedatives with no stop tried yet, or not said: stopping
    ///   them suddenly can bring on dangerous withdrawal (ASAM Clinical Practice Guideline on
    ///   Alcohol Withdrawal Management, 2020; FDA boxed warning on benzodiazepines, 2020).
    pub const WITHDRAWAL_MEDICAL: Cond = Cond::All(&[
        RECENT_USE,
        Cond::Any(&[
            Cond::Is(I::Withdrawal, &["severe"]),
            Cond::All(&[Cond::Is(I::Withdrawal, &["uncomfortable"]), DAILY_ALCOHOL_OR_SEDATIVES]),
            Cond::All(&[
                DAILY_ALCOHOL_OR_SEDATIVES,
                Cond::Not(&Cond::Is(I::Withdrawal, &["none", "uncomfortable", "severe"])),
            ]),
        ]),
    ]);
    /// Opioid withdrawal (screening.md v3, "Care rules"): opioids chosen, withdrawal symptoms
    /// with recent use, and no daily heavy drinking or daily sedatives (whose withdrawal needs
    /// medical care first). Medication treats it (ASAM National Practice Guideline, 2020).
    pub const OPIOID_WITHDRAWAL: Cond = Cond::All(&[
        OWN,
        OPIOIDS,
        RECENT_USE,
        Cond::Is(I::Withdrawal, &["uncomfortable", "severe"]),
        Cond::Not(&DAILY_ALCOHOL_OR_SEDATIVES),
    ]);
    /// Pregnant, with current opioid use (ACOG Committee Opinion 711).
    pub const PREGNANT_OPIOIDS: Cond = Cond::All(&[Cond::Is(I::Pregnant, &["yes"]), OPIOIDS, CURRENT_USE]);
    /// Lower tolerance after time without opioids (screening.md v3): released from jail or
    /// prison, a return to use, detox or residential care with the last use a month or more
    /// ago, or any break of 1 to 12 months while making changes.
    pub const LOWER_TOLERANCE: Cond = Cond::All(&[
        OWN,
        OPIOIDS,
        Cond::Any(&[
            Cond::Is(I::Justice, &["recently_released"]),
            Cond::Is(I::Stage, &["returned"]),
            Cond::All(&[
                Cond::Has(I::TreatmentHistory, &["detox", "residential"]),
                Cond::Is(I::LastUse, &["1_3_months", "3_12_months", "over_year"]),
            ]),
            Cond::All(&[
                Cond::Is(I::LastUse, &["1_3_months", "3_12_months"]),
                Cond::Is(I::Stage, &["changing", "maintaining"]),
            ]),
        ]),
    ]);
    pub const UNDER_18: Cond = Cond::Is(I::AgeGroup, &["under_18"]);
    pub const SELF_HARM_THOUGHTS: Cond = Cond::Is(I::SelfHarm, &["several_days", "more_than_half", "nearly_every_day"]);
    pub const HIGH: Cond = Cond::Fact(Fact::SeverityAtLeast(Severity::High));
    pub const MODERATE_OR_HIGH: Cond = Cond::Fact(Fact::SeverityAtLeast(Severity::Moderate));
    pub const MODERATE: Cond = Cond::All(&[MODERATE_OR_HIGH, Cond::Fact(Fact::SeverityAtMost(Severity::Moderate))]);
    pub const LOW: Cond =
        Cond::All(&[Cond::Fact(Fact::SeverityAtLeast(Severity::Low)), Cond::Fact(Fact::SeverityAtMost(Severity::Low))]);
    pub const ANY_SEVERITY: Cond = Cond::Fact(Fact::SeverityAtLeast(Severity::Low));
}

/// Conditions travel to JavaScript as plain data, so any UI can apply the skip logic:
/// `true`, `{"item","is":[..]}`, `{"item","has":[..]}`, `{"item","at_least":n}`,
/// `{"items":[..],"sum_at_least":n}`, `{"fact"}`, `{"all":[..]}`, `{"any":[..]}`,
/// `{"at_least_n":n,"of":[..]}`, `{"not":..}`.
impl serde::Serialize for Cond {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let ids = |items: &[ItemId]| items.iter().map(|i| i.as_str()).collect::<Vec<_>>();
        if let Cond::Always = self {
            return serializer.serialize_bool(true);
        }
        let mut map = serializer.serialize_map(None)?;
        match *self {
            Cond::Always => {}
            Cond::Is(item, values) => {
                map.serialize_entry("item", item.as_str())?;
                map.serialize_entry("is", values)?;
            }
            Cond::Has(item, values) => {
                map.serialize_entry("item", item.as_str())?;
                map.serialize_entry("has", values)?;
            }
            Cond::AtLeast(item, n) => {
                map.serialize_entry("item", item.as_str())?;
                map.serialize_entry("at_least", &n)?;
            }
            Cond::SumAtLeast(items, n) => {
                map.serialize_entry("items", &ids(items))?;
                map.serialize_entry("sum_at_least", &n)?;
            }
            Cond::Fact(fact) => map.serialize_entry("fact", fact.name())?,
            Cond::All(conds) => map.serialize_entry("all", conds)?,
            Cond::Any(conds) => map.serialize_entry("any", conds)?,
            Cond::AtLeastN(n, conds) => {
                map.serialize_entry("at_least_n", &n)?;
                map.serialize_entry("of", conds)?;
            }
            Cond::Not(cond) => map.serialize_entry("not", cond)?,
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::named::*;
    use super::*;
    use crate::screening::answers::RawValue;

    fn answers(entries: &[(ItemId, &str)]) -> Answers {
        let mut answers = Answers::new();
        for (item, value) in entries {
            let raw = if item.kind() == crate::screening::items::ItemKind::Multi {
                RawValue::Array(vec![RawValue::String(value.to_string())])
            } else {
                RawValue::String(value.to_string())
            };
            answers.set(*item, &raw).unwrap();
        }
        answers
    }

    fn because(cond: &Cond, answers: &Answers) -> Vec<&'static str> {
        let mut out = Vec::new();
        cond.because(Ctx { answers, scores: None }, &mut out);
        out.into_iter().map(ItemId::as_str).collect()
    }

    #[test]
    fn any_explains_only_the_branches_that_hold() {
        let a = answers(&[(ItemId::Housing, "unstable"), (ItemId::Support, "several")]);
        let cond = Cond::Any(&[UNSAFE_HOME, LOW_SUPPORT]);
        assert!(cond.holds(Ctx { answers: &a, scores: None }));
        assert_eq!(because(&cond, &a), ["housing"]);
    }

    #[test]
    fn not_holds_for_skipped_items_and_names_them_when_answered() {
        let none = Answers::new();
        assert!(OWN.holds(Ctx { answers: &none, scores: None }));
        assert!(because(&OWN, &none).is_empty());
        let own = answers(&[(ItemId::ForWhom, "self")]);
        assert_eq!(because(&OWN, &own), ["for_whom"]);
        let loved = answers(&[(ItemId::ForWhom, "loved_one")]);
        assert!(!OWN.holds(Ctx { answers: &loved, scores: None }));
    }

    #[test]
    fn at_least_n_counts_holding_conditions() {
        let two = Cond::AtLeastN(2, &[UNSAFE_HOME, LOW_SUPPORT, Cond::Is(ItemId::Stage, &["returned"])]);
        let one = answers(&[(ItemId::Housing, "none")]);
        assert!(!two.holds(Ctx { answers: &one, scores: None }));
        let both = answers(&[(ItemId::Housing, "none"), (ItemId::Stage, "returned")]);
        assert!(two.holds(Ctx { answers: &both, scores: None }));
        assert_eq!(because(&two, &both), ["stage", "housing"]);
    }

    #[test]
    fn facts_are_false_before_scores_exist() {
        let a = answers(&[(ItemId::Substances, "alcohol")]);
        assert!(!Cond::Fact(crate::screening::scores::Fact::CurrentUse).holds(Ctx { answers: &a, scores: None }));
    }

    #[test]
    fn conditions_serialize_as_data() {
        let json = serde_json::to_string(&Cond::All(&[OWN, Cond::AtLeast(ItemId::Importance, 7)])).unwrap();
        assert_eq!(
            json,
            r#"{"all":[{"not":{"item":"for_whom","is":["loved_one"]}},{"item":"importance","at_least":7}]}"#
        );
        assert_eq!(serde_json::to_string(&Cond::Always).unwrap(), "true");
        let sum = serde_json::to_string(&Cond::SumAtLeast(&[ItemId::Phq2_1, ItemId::Phq2_2], 3)).unwrap();
        assert_eq!(sum, r#"{"items":["phq2_1","phq2_2"],"sum_at_least":3}"#);
    }
}
