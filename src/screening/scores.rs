//! Published screening scores (AUDIT-C, PHQ-2, GAD-2, BARC-10), the dependence count and the
//! combined use-severity band, exactly as `shared/spec/screening.md` fixes them.
//!
//! A partly answered screen is still scored (the sum of what was answered): the sum can only
//! grow with more answers, so a positive partial screen is a true positive; `complete` says
//! whether every item was answered. BARC-10 is reported only when complete, as the spec asks.

use super::answers::Answers;
use super::items::{ItemId, Path, AUDITC_ITEMS, BARC_ITEMS, DEPENDENCE_ITEMS, FREQ_ITEMS, GAD2_ITEMS, PHQ2_ITEMS};
use crate::support::prelude::*;

/// AUDIT-C positive cut-offs: men >= 4; women, other and unknown >= 3; everyone 65 or older
/// >= 3 (screening.md v3: NIAAA's limits for people over 65 are those for women).
const AUDITC_CUTOFF_MEN: u8 = 4;
const AUDITC_CUTOFF_OTHERS: u8 = 3;
/// 8..12 is the highest-risk band of AUDIT-C.
const AUDITC_HIGH_RISK: u8 = 8;
/// PHQ-2 and GAD-2 are positive at 3 or more.
const TWO_ITEM_CUTOFF: u8 = 3;
/// BARC-10 >= 47 is associated with sustained remission (Vilsaint et al., 2017).
const BARC_CUTOFF: u8 = 47;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ScaleScore {
    pub score: u8,
    pub max: u8,
    pub positive: bool,
    /// Every item of the screen was answered.
    pub complete: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DependenceBand {
    None,
    Some,
    Many,
}

impl DependenceBand {
    pub fn as_str(self) -> &'static str {
        match self {
            DependenceBand::None => "none",
            DependenceBand::Some => "some",
            DependenceBand::Many => "many",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dependence {
    /// Number of `yes` answers, 0..4.
    pub count: u8,
    pub band: DependenceBand,
}

/// One band for the substance use pattern and level of dependence, lowest to highest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    None,
    Low,
    Moderate,
    High,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::None => "none",
            Severity::Low => "low",
            Severity::Moderate => "moderate",
            Severity::High => "high",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Readiness {
    pub importance: Option<i8>,
    pub confidence: Option<i8>,
}

/// Facts derived from several answers, for conditions in the rule tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    AuditcPositive,
    AuditcHighRisk,
    Phq2Positive,
    Gad2Positive,
    /// PHQ-2 or GAD-2 positive.
    MoodPositive,
    SeverityAtLeast(Severity),
    SeverityAtMost(Severity),
    DependenceMany,
    /// Daily heavy drinking (screening.md v2): alcohol chosen, AUDIT-C item 1 "4 or more times a
    /// week", with 3 or more drinks a day (item 2 at least 1) or 6 or more at once weekly or
    /// daily (item 3 at least 3). A glass of wine most evenings is not it.
    DailyAlcohol,
    /// Sedatives chosen and used daily.
    DailySedatives,
    /// A substance chosen, or the substances question skipped or declined (an unknown substance
    /// is not "none"), and a last use within the past 3 months or not said: "current use" of
    /// screening.md v3.
    CurrentUse,
    /// The same, with a last use within the past month or not said: "recent use" of
    /// screening.md v3, which the withdrawal rules read (acute withdrawal is over within days
    /// to two weeks, so a withdrawal answer with a last use longer ago is history).
    RecentUse,
    /// Opioids used weekly or daily.
    FrequentOpioids,
    /// In recovery for over a year: a substance chosen, the last use over a year ago, and no
    /// sign of a use disorder (use severity `none` by remission, screening.md v2).
    Remission,
    /// Every answer that sets the use-severity band was given (each chosen substance's
    /// frequency, AUDIT-C whole for alcohol, the four control questions, withdrawal), so a
    /// sentence may say the level is lower. Missing answers are unknown, never low risk.
    SeverityKnown,
    /// An overdose or emergency care after use in the past year, with current use.
    RecentOverdose,
    /// All ten BARC-10 items answered.
    BarcScored,
    BarcPositive,
}

impl Fact {
    /// The fact's name in JSON (facts never appear in skip logic, so this is for completeness).
    pub fn name(self) -> &'static str {
        match self {
            Fact::AuditcPositive => "auditc_positive",
            Fact::AuditcHighRisk => "auditc_high_risk",
            Fact::Phq2Positive => "phq2_positive",
            Fact::Gad2Positive => "gad2_positive",
            Fact::MoodPositive => "mood_positive",
            Fact::SeverityAtLeast(_) => "severity_at_least",
            Fact::SeverityAtMost(_) => "severity_at_most",
            Fact::DependenceMany => "dependence_many",
            Fact::DailyAlcohol => "daily_alcohol",
            Fact::DailySedatives => "daily_sedatives",
            Fact::CurrentUse => "current_use",
            Fact::RecentUse => "recent_use",
            Fact::FrequentOpioids => "frequent_opioids",
            Fact::Remission => "remission",
            Fact::SeverityKnown => "severity_known",
            Fact::RecentOverdose => "recent_overdose",
            Fact::BarcScored => "barc_scored",
            Fact::BarcPositive => "barc_positive",
        }
    }

    /// Every item the fact may depend on; reasons name only those answered (and, for the
    /// use-severity band, only those that set it: see `Scores::severity_because`).
    pub fn items(self) -> &'static [ItemId] {
        use ItemId as I;
        match self {
            Fact::AuditcPositive | Fact::AuditcHighRisk => &[I::AuditC1, I::AuditC2, I::AuditC3, I::Sex],
            Fact::Phq2Positive => &PHQ2_ITEMS,
            Fact::Gad2Positive => &GAD2_ITEMS,
            Fact::MoodPositive => &[I::Phq2_1, I::Phq2_2, I::Gad2_1, I::Gad2_2],
            Fact::SeverityAtLeast(_) | Fact::SeverityAtMost(_) | Fact::Remission | Fact::SeverityKnown => &[
                I::Substances,
                I::AuditC1,
                I::AuditC2,
                I::AuditC3,
                I::Sex,
                I::UseFreqOpioids,
                I::UseFreqStimulants,
                I::UseFreqCannabis,
                I::UseFreqSedatives,
                I::UseFreqOther,
                I::LastUse,
                I::DepControl,
                I::DepCraving,
                I::DepConsequences,
                I::DepQuitFailed,
                I::Withdrawal,
            ],
            Fact::DependenceMany => &DEPENDENCE_ITEMS,
            Fact::DailyAlcohol => &[I::Substances, I::AuditC1, I::AuditC2, I::AuditC3],
            Fact::DailySedatives => &[I::Substances, I::UseFreqSedatives],
            Fact::CurrentUse | Fact::RecentUse => &[I::Substances, I::LastUse],
            Fact::FrequentOpioids => &[I::Substances, I::UseFreqOpioids],
            Fact::RecentOverdose => &[I::Overdose, I::Substances, I::LastUse],
            Fact::BarcScored | Fact::BarcPositive => &BARC_ITEMS,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    pub auditc: Option<ScaleScore>,
    pub auditc_high_risk: bool,
    pub phq2: Option<ScaleScore>,
    pub gad2: Option<ScaleScore>,
    pub dependence: Dependence,
    /// Signs of a use disorder, 0..5: each `yes` of the four control questions, and withdrawal
    /// (`uncomfortable` or `severe`) with current use.
    pub signs: u8,
    pub use_severity: Severity,
    /// The answered items that set the use-severity band.
    pub severity_because: Vec<ItemId>,
    pub barc10: Option<ScaleScore>,
    pub readiness: Readiness,
    pub daily_alcohol: bool,
    pub daily_sedatives: bool,
    pub current_use: bool,
    pub recent_use: bool,
    pub frequent_opioids: bool,
    pub remission: bool,
    pub severity_known: bool,
    /// An overdose or emergency care after use in the past year (own path).
    pub overdose: bool,
}

impl Scores {
    pub fn compute(answers: &Answers) -> Scores {
        let auditc = sum_score(answers, &AUDITC_ITEMS, 12).map(|mut s| {
            let older = answers.choice(ItemId::AgeGroup) == Some("65_plus");
            let cutoff = if answers.choice(ItemId::Sex) == Some("male") && !older {
                AUDITC_CUTOFF_MEN
            } else {
                AUDITC_CUTOFF_OTHERS
            };
            // Published guidance: when all points come from item 1, assume drinking within limits.
            let only_item_1 =
                answers.number(ItemId::AuditC2).unwrap_or(0) == 0 && answers.number(ItemId::AuditC3).unwrap_or(0) == 0;
            s.positive = s.score >= cutoff && !only_item_1;
            s
        });
        let auditc_high_risk = auditc.is_some_and(|s| s.score >= AUDITC_HIGH_RISK);
        let two_item = |items: &[ItemId]| {
            sum_score(answers, items, 6).map(|mut s| {
                s.positive = s.score >= TWO_ITEM_CUTOFF;
                s
            })
        };
        let phq2 = two_item(&PHQ2_ITEMS);
        let gad2 = two_item(&GAD2_ITEMS);
        let count = DEPENDENCE_ITEMS.iter().filter(|&&i| answers.choice(i) == Some("yes")).count() as u8;
        let dependence = Dependence {
            count,
            band: match count {
                0 => DependenceBand::None,
                1 => DependenceBand::Some,
                _ => DependenceBand::Many,
            },
        };
        let barc10 = sum_score(answers, &BARC_ITEMS, 60).filter(|s| s.complete).map(|mut s| {
            s.positive = s.score >= BARC_CUTOFF;
            s
        });
        let own = answers.path() == Path::OwnUse;
        let daily_alcohol = own
            && answers.has(ItemId::Substances, "alcohol")
            && answers.number(ItemId::AuditC1) == Some(4)
            && (answers.number(ItemId::AuditC2).unwrap_or(0) >= 1 || answers.number(ItemId::AuditC3).unwrap_or(0) >= 3);
        let daily_sedatives = own
            && answers.has(ItemId::Substances, "sedatives")
            && answers.choice(ItemId::UseFreqSedatives) == Some("daily");
        let frequent_opioids = own
            && answers.has(ItemId::Substances, "opioids")
            && matches!(answers.choice(ItemId::UseFreqOpioids), Some("weekly" | "daily"));
        let may_use = own && (uses_any(answers) || substances_unknown(answers));
        let last_use = answers.choice(ItemId::LastUse);
        let current_use = may_use && !matches!(last_use, Some("3_12_months" | "over_year"));
        let recent_use = may_use && matches!(last_use, None | Some("today" | "past_week" | "past_month"));

        let withdrawal_sign =
            current_use && matches!(answers.choice(ItemId::Withdrawal), Some("uncomfortable" | "severe"));
        let mut scores = Scores {
            auditc,
            auditc_high_risk,
            phq2,
            gad2,
            dependence,
            signs: count + u8::from(withdrawal_sign),
            use_severity: Severity::None,
            severity_because: Vec::new(),
            barc10,
            readiness: Readiness {
                importance: answers.number(ItemId::Importance),
                confidence: answers.number(ItemId::Confidence),
            },
            daily_alcohol,
            daily_sedatives,
            current_use,
            recent_use,
            frequent_opioids,
            remission: false,
            severity_known: false,
            overdose: own && answers.choice(ItemId::Overdose) == Some("yes"),
        };
        if may_use {
            let (severity, because) = use_severity(answers, &scores);
            scores.use_severity = severity;
            scores.severity_because = because;
            // In recovery for over a year needs a substance named: with none named, a band of
            // `none` only says that nothing was answered.
            scores.remission = severity == Severity::None && uses_any(answers);
            scores.severity_known = severity_known(answers);
        }
        scores
    }

    pub fn fact(&self, fact: Fact) -> bool {
        let positive = |s: Option<ScaleScore>| s.is_some_and(|s| s.positive);
        match fact {
            Fact::AuditcPositive => positive(self.auditc),
            Fact::AuditcHighRisk => self.auditc_high_risk,
            Fact::Phq2Positive => positive(self.phq2),
            Fact::Gad2Positive => positive(self.gad2),
            Fact::MoodPositive => positive(self.phq2) || positive(self.gad2),
            Fact::SeverityAtLeast(band) => self.use_severity >= band,
            Fact::SeverityAtMost(band) => self.use_severity <= band,
            Fact::DependenceMany => self.dependence.band == DependenceBand::Many,
            Fact::DailyAlcohol => self.daily_alcohol,
            Fact::DailySedatives => self.daily_sedatives,
            Fact::CurrentUse => self.current_use,
            Fact::RecentUse => self.recent_use,
            Fact::FrequentOpioids => self.frequent_opioids,
            Fact::Remission => self.remission,
            Fact::SeverityKnown => self.severity_known,
            Fact::RecentOverdose => self.current_use && self.overdose,
            Fact::BarcScored => self.barc10.is_some(),
            Fact::BarcPositive => positive(self.barc10),
        }
    }
}

/// Any substance other than `none` chosen.
pub fn uses_any(answers: &Answers) -> bool {
    matches!(answers.get(ItemId::Substances), Some(super::answers::Answer::Many(v)) if v.iter().any(|s| *s != "none"))
}

/// The substances question skipped, declined or answered with nothing ticked: an unknown
/// substance, never "none" (screening.md v3). Only an explicit `none` says there is no use.
pub fn substances_unknown(answers: &Answers) -> bool {
    !matches!(answers.get(ItemId::Substances), Some(super::answers::Answer::Many(v)) if !v.is_empty())
}

fn sum_score(answers: &Answers, items: &[ItemId], max: u8) -> Option<ScaleScore> {
    let answered: Vec<i8> = items.iter().filter_map(|&item| answers.number(item)).collect();
    if answered.is_empty() {
        return None;
    }
    let mut score: u8 = 0;
    for &n in &answered {
        score += n.max(0) as u8;
    }
    Some(ScaleScore { score, max, positive: false, complete: answered.len() == items.len() })
}

/// Substances whose daily use is a warning whatever else is answered (screening.md v2).
const DAILY_WARNING: [ItemId; 3] = [ItemId::UseFreqOpioids, ItemId::UseFreqStimulants, ItemId::UseFreqSedatives];

/// The use-severity band of screening.md v2 and the answered items that set it.
///
/// Severity follows signs of a use disorder, not frequency alone, as DSM-5 counts criteria:
/// signs are the `yes` answers of the four control questions, plus withdrawal with current use
/// (0..5). Frequency and amount shape risk, not the diagnosis:
/// - `low`: current use with at most 1 sign, AUDIT-C below 8 and no daily use of opioids,
///   stimulants or sedatives (a positive AUDIT-C alone is at-risk drinking: low);
/// - `moderate`: 2 signs; or AUDIT-C 8 or more, such daily use, or weekly opioid use, with
///   fewer signs;
/// - `high`: 3 or more signs; or 2 signs with such daily use, AUDIT-C 8 or more, or withdrawal.
///
/// A last use long ago then caps the band: 3 to 12 months ago at `moderate`; over a year ago at
/// `low`, or `none` with no sign at all (in recovery for over a year). Each finding only raises
/// the band, and only the findings at the final level explain it, so worse answers never lower
/// the band (a property test shows it).
fn use_severity(answers: &Answers, scores: &Scores) -> (Severity, Vec<ItemId>) {
    use ItemId as I;
    let mut band = Severity::None;
    let mut because: Vec<ItemId> = Vec::new();
    let mut raise = |level: Severity, items: &[ItemId]| {
        if level > band {
            band = level;
            because.clear();
        }
        if level == band {
            for &item in items {
                if answers.is_answered(item) && !because.contains(&item) {
                    because.push(item);
                }
            }
        }
    };

    // The answers that make up the signs.
    let mut sign_items = answered_with(answers, &DEPENDENCE_ITEMS, "yes");
    let withdrawal_sign = scores.signs > scores.dependence.count;
    if withdrawal_sign {
        sign_items.push(I::Withdrawal);
    }
    let auditc_items = [I::AuditC1, I::AuditC2, I::AuditC3, I::Sex];
    let daily = answered_with(answers, &DAILY_WARNING, "daily");
    let heavy_drinking = scores.auditc_high_risk;

    // An unknown substance sets no band by itself; the signs and amounts given still do.
    if uses_any(answers) {
        raise(Severity::Low, &[I::Substances]);
    }
    if scores.auditc.is_some_and(|a| a.score > 0) {
        raise(Severity::Low, &auditc_items);
    }
    for (_, item) in FREQ_ITEMS {
        if answers.choice(item).is_some_and(|f| f != "never") {
            raise(Severity::Low, &[item]);
        }
    }
    if scores.signs == 1 {
        raise(Severity::Low, &sign_items);
    }
    if heavy_drinking {
        raise(Severity::Moderate, &auditc_items);
    }
    if !daily.is_empty() {
        raise(Severity::Moderate, &daily);
    }
    if scores.frequent_opioids {
        raise(Severity::Moderate, &[I::UseFreqOpioids]);
    }
    if scores.signs >= 2 {
        raise(Severity::Moderate, &sign_items);
    }
    if scores.signs >= 3 {
        raise(Severity::High, &sign_items);
    }
    if scores.signs == 2 && (heavy_drinking || !daily.is_empty() || withdrawal_sign) {
        raise(Severity::High, &sign_items);
        if heavy_drinking {
            raise(Severity::High, &auditc_items);
        }
        raise(Severity::High, &daily);
    }

    let cap = match answers.choice(I::LastUse) {
        Some("over_year") if scores.signs == 0 => Severity::None,
        Some("over_year") => Severity::Low,
        Some("3_12_months") => Severity::Moderate,
        _ => Severity::High,
    };
    if band > cap {
        band = cap;
        // Remission is named by the last use alone; a lower cap by the last use and the rest.
        if cap == Severity::None {
            because.clear();
        }
        because.push(I::LastUse);
    }
    crate::support::sort::stable_sort(&mut because, |a, b| a < b);
    (band, because)
}

/// Those of `items` answered with `value`.
fn answered_with(answers: &Answers, items: &[ItemId], value: &str) -> Vec<ItemId> {
    items.iter().copied().filter(|&item| answers.choice(item) == Some(value)).collect()
}

/// Whether every answer behind the use-severity band was given: a sentence may then call the
/// level lower. Skipped and declined answers are unknown, never low risk.
fn severity_known(answers: &Answers) -> bool {
    let chosen_known = FREQ_ITEMS
        .iter()
        .all(|&(substance, item)| !answers.has(ItemId::Substances, substance) || answers.is_answered(item));
    let alcohol_known =
        !answers.has(ItemId::Substances, "alcohol") || AUDITC_ITEMS.iter().all(|&i| answers.is_answered(i));
    let signs_known =
        DEPENDENCE_ITEMS.iter().all(|&i| answers.is_answered(i)) && answers.is_answered(ItemId::Withdrawal);
    uses_any(answers) && chosen_known && alcohol_known && signs_known
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screening::answers::RawValue;

    fn answers(entries: &[(ItemId, RawValue)]) -> Answers {
        let mut answers = Answers::new();
        for (item, value) in entries {
            answers.set(*item, value).unwrap();
        }
        answers
    }
    fn n(v: i8) -> RawValue {
        RawValue::Number(f64::from(v))
    }
    fn t(v: &str) -> RawValue {
        RawValue::String(v.to_string())
    }
    fn list(v: &[&str]) -> RawValue {
        RawValue::Array(v.iter().map(|s| t(s)).collect())
    }
    fn auditc(a: i8, b: i8, c: i8, sex: Option<&str>) -> ScaleScore {
        let mut entries = vec![
            (ItemId::Substances, list(&["alcohol"])),
            (ItemId::AuditC1, n(a)),
            (ItemId::AuditC2, n(b)),
            (ItemId::AuditC3, n(c)),
        ];
        if let Some(sex) = sex {
            entries.push((ItemId::Sex, t(sex)));
        }
        Scores::compute(&answers(&entries)).auditc.unwrap()
    }

    #[test]
    fn auditc_cutoffs_by_sex() {
        assert!(!auditc(1, 1, 1, Some("male")).positive); // 3, men need 4
        assert!(auditc(2, 1, 1, Some("male")).positive); // 4
        assert!(auditc(1, 1, 1, Some("female")).positive); // 3
        assert!(!auditc(1, 1, 0, Some("female")).positive); // 2
        assert!(auditc(1, 1, 1, Some("other")).positive);
        assert!(auditc(1, 1, 1, None).positive);
        assert_eq!(auditc(4, 4, 4, None).score, 12);
    }

    #[test]
    fn auditc_points_only_from_item_1_are_not_positive() {
        let s = auditc(4, 0, 0, Some("male"));
        assert_eq!(s.score, 4);
        assert!(!s.positive);
        assert!(auditc(3, 1, 0, Some("male")).positive);
    }

    #[test]
    fn two_item_screens_positive_at_three() {
        let s = Scores::compute(&answers(&[
            (ItemId::Phq2_1, n(1)),
            (ItemId::Phq2_2, n(1)),
            (ItemId::Gad2_1, n(2)),
            (ItemId::Gad2_2, n(1)),
        ]));
        assert_eq!(s.phq2.unwrap().score, 2);
        assert!(!s.phq2.unwrap().positive);
        assert_eq!(s.gad2.unwrap().score, 3);
        assert!(s.gad2.unwrap().positive);
        assert!(s.gad2.unwrap().complete);
    }

    #[test]
    fn barc10_only_when_complete() {
        let mut entries: Vec<(ItemId, RawValue)> = BARC_ITEMS.iter().map(|&i| (i, n(5))).collect();
        let s = Scores::compute(&answers(&entries));
        assert_eq!(s.barc10.unwrap().score, 50);
        assert!(s.barc10.unwrap().positive);
        entries.pop();
        assert_eq!(Scores::compute(&answers(&entries)).barc10, None);
        let low: Vec<(ItemId, RawValue)> =
            BARC_ITEMS.iter().enumerate().map(|(k, &i)| (i, n(if k < 7 { 5 } else { 4 }))).collect();
        assert_eq!(Scores::compute(&answers(&low)).barc10.unwrap().score, 47);
        assert!(Scores::compute(&answers(&low)).barc10.unwrap().positive);
    }

    #[test]
    fn dependence_bands() {
        for (yes, band) in [(0, "none"), (1, "some"), (2, "many"), (4, "many")] {
            let entries: Vec<(ItemId, RawValue)> =
                DEPENDENCE_ITEMS.iter().enumerate().map(|(k, &i)| (i, t(if k < yes { "yes" } else { "no" }))).collect();
            let s = Scores::compute(&answers(&entries));
            assert_eq!(s.dependence.count as usize, yes);
            assert_eq!(s.dependence.band.as_str(), band);
        }
    }

    #[test]
    fn use_severity_bands_and_caps() {
        let sev = |entries: &[(ItemId, RawValue)]| Scores::compute(&answers(entries)).use_severity;
        let cannabis = (ItemId::Substances, list(&["cannabis"]));
        assert_eq!(sev(&[]), Severity::None);
        assert_eq!(sev(&[(ItemId::Substances, list(&["none"]))]), Severity::None);
        assert_eq!(sev(std::slice::from_ref(&cannabis)), Severity::Low);
        // Frequency alone: daily cannabis with no sign is low; daily stimulants are moderate.
        assert_eq!(sev(&[cannabis.clone(), (ItemId::UseFreqCannabis, t("daily"))]), Severity::Low);
        assert_eq!(
            sev(&[(ItemId::Substances, list(&["stimulants"])), (ItemId::UseFreqStimulants, t("daily"))]),
            Severity::Moderate
        );
        assert_eq!(
            sev(&[(ItemId::Substances, list(&["opioids"])), (ItemId::UseFreqOpioids, t("weekly"))]),
            Severity::Moderate
        );
        // Signs of a use disorder set the band.
        let yes = |item| (item, t("yes"));
        assert_eq!(sev(&[cannabis.clone(), yes(ItemId::DepControl)]), Severity::Low);
        assert_eq!(sev(&[cannabis.clone(), yes(ItemId::DepControl), yes(ItemId::DepCraving)]), Severity::Moderate);
        assert_eq!(
            sev(&[cannabis.clone(), yes(ItemId::DepControl), yes(ItemId::DepCraving), yes(ItemId::DepQuitFailed)]),
            Severity::High
        );
        // Two signs with withdrawal (a sign itself, with current use) or daily use: high.
        assert_eq!(
            sev(&[cannabis.clone(), yes(ItemId::DepControl), (ItemId::Withdrawal, t("uncomfortable"))]),
            Severity::High
        );
        assert_eq!(
            sev(&[cannabis.clone(), yes(ItemId::DepControl), (ItemId::Withdrawal, t("not_stopped"))]),
            Severity::Low
        );
        assert_eq!(
            sev(&[
                cannabis.clone(),
                yes(ItemId::DepControl),
                yes(ItemId::DepCraving),
                (ItemId::Withdrawal, t("severe"))
            ]),
            Severity::High
        );
        assert_eq!(
            sev(&[
                (ItemId::Substances, list(&["sedatives"])),
                (ItemId::UseFreqSedatives, t("daily")),
                yes(ItemId::DepControl),
                yes(ItemId::DepCraving)
            ]),
            Severity::High
        );
        // AUDIT-C: a positive screen alone is at-risk drinking (low); 8 or more is moderate.
        let drinks = |a: i8, b: i8, c: i8| {
            vec![
                (ItemId::Substances, list(&["alcohol"])),
                (ItemId::AuditC1, n(a)),
                (ItemId::AuditC2, n(b)),
                (ItemId::AuditC3, n(c)),
            ]
        };
        assert_eq!(sev(&drinks(2, 1, 1)), Severity::Low);
        assert_eq!(sev(&drinks(4, 2, 1)), Severity::Low);
        assert_eq!(sev(&drinks(4, 2, 2)), Severity::Moderate);
        assert_eq!(sev(&drinks(4, 4, 4)), Severity::Moderate);
        // Caps from an old last use, and remission.
        let old = |when: &str| (ItemId::LastUse, t(when));
        assert_eq!(
            sev(&[
                cannabis.clone(),
                yes(ItemId::DepControl),
                yes(ItemId::DepCraving),
                yes(ItemId::DepQuitFailed),
                old("3_12_months")
            ]),
            Severity::Moderate
        );
        assert_eq!(
            sev(&[
                cannabis.clone(),
                yes(ItemId::DepControl),
                yes(ItemId::DepCraving),
                yes(ItemId::DepQuitFailed),
                old("over_year")
            ]),
            Severity::Low
        );
        assert_eq!(
            sev(&[
                (ItemId::Substances, list(&["stimulants"])),
                (ItemId::UseFreqStimulants, t("daily")),
                old("over_year")
            ]),
            Severity::None
        );
        let remission = Scores::compute(&answers(&[cannabis.clone(), old("over_year")]));
        assert!(remission.remission && remission.severity_because == [ItemId::LastUse]);
        // Withdrawal without current use is history: not a sign.
        assert_eq!(
            Scores::compute(&answers(&[cannabis, (ItemId::Withdrawal, t("severe")), old("3_12_months")])).signs,
            0
        );
        // Loved-one path: the substances are the loved one's, not the visitor's.
        assert_eq!(sev(&[(ItemId::ForWhom, t("loved_one")), (ItemId::Substances, list(&["opioids"]))]), Severity::None);
    }

    #[test]
    fn severity_explains_itself_with_the_items_that_set_it() {
        let s = Scores::compute(&answers(&[
            (ItemId::Substances, list(&["cannabis", "stimulants"])),
            (ItemId::UseFreqCannabis, t("monthly")),
            (ItemId::UseFreqStimulants, t("daily")),
        ]));
        assert_eq!(s.use_severity, Severity::Moderate);
        assert_eq!(s.severity_because, vec![ItemId::UseFreqStimulants]);
    }
}
