//! The care level: ASAM-informed guidance on what level of care to ask a professional about.
//!
//! The level is the highest level whose rule holds; its reasons are the reasons of every rule
//! at that level. Each rule only holds for worse answers, never for better ones, so worse
//! answers never lower the level and better answers never raise it (a property test shows it).

use super::cond::named::*;
use super::cond::Cond;
use super::items::ItemId as I;
use super::scores::{Fact, Severity};

/// Levels of care, lowest to highest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CareLevel {
    PeerSupport,
    Outpatient,
    IntensiveOutpatient,
    Residential,
    MedicalWithdrawal,
}

impl CareLevel {
    pub const ALL: [CareLevel; 5] = [
        CareLevel::PeerSupport,
        CareLevel::Outpatient,
        CareLevel::IntensiveOutpatient,
        CareLevel::Residential,
        CareLevel::MedicalWithdrawal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CareLevel::PeerSupport => "peer_support",
            CareLevel::Outpatient => "outpatient",
            CareLevel::IntensiveOutpatient => "intensive_outpatient",
            CareLevel::Residential => "residential",
            CareLevel::MedicalWithdrawal => "medical_withdrawal",
        }
    }
}

#[derive(Debug)]
pub struct CareRule {
    pub level: CareLevel,
    pub when: Cond,
    /// String key `r.<reason>`.
    pub reason: &'static str,
}

/// Things that make recovery harder at the same use severity; two or more of them step the
/// guidance up one level.
const COMPLICATIONS: Cond = Cond::AtLeastN(
    2,
    &[
        MOOD_OR_DIAGNOSIS,
        Cond::Is(I::Support, &["none"]),
        UNSAFE_HOME,
        Cond::Is(I::Stage, &["returned"]),
        Cond::Is(I::PhysicalHealth, &["poor"]),
    ],
);

use CareLevel::*;

const LOW_BAND: Cond = Cond::All(&[
    OWN,
    USES,
    Cond::Fact(Fact::SeverityAtLeast(Severity::Low)),
    Cond::Fact(Fact::SeverityAtMost(Severity::Low)),
]);

pub static CARE_RULES: [CareRule; 17] = [
    // The three clauses of `WITHDRAWAL_MEDICAL`, each with its own reason; a withdrawal answer
    // without recent use is history and raises nothing.
    CareRule {
        level: MedicalWithdrawal,
        when: Cond::All(&[RECENT_USE, Cond::Is(I::Withdrawal, &["severe"])]),
        reason: "care_withdrawal_severe",
    },
    CareRule {
        level: MedicalWithdrawal,
        when: Cond::All(&[RECENT_USE, Cond::Is(I::Withdrawal, &["uncomfortable"]), DAILY_ALCOHOL_OR_SEDATIVES]),
        reason: "care_withdrawal_daily",
    },
    CareRule {
        level: MedicalWithdrawal,
        when: Cond::All(&[
            RECENT_USE,
            DAILY_ALCOHOL_OR_SEDATIVES,
            Cond::Not(&Cond::Is(I::Withdrawal, &["none", "uncomfortable", "severe"])),
        ]),
        reason: "care_daily_not_stopped",
    },
    // Residential needs high severity together with an unsafe home or repeated returns to use;
    // frequency alone never leads there.
    CareRule { level: Residential, when: Cond::All(&[HIGH, UNSAFE_HOME]), reason: "care_high_unsafe_home" },
    CareRule { level: Residential, when: Cond::All(&[HIGH, REPEATED_RETURNS]), reason: "care_high_returns" },
    CareRule { level: IntensiveOutpatient, when: HIGH, reason: "care_high" },
    CareRule {
        level: IntensiveOutpatient,
        when: Cond::All(&[MODERATE_OR_HIGH, COMPLICATIONS]),
        reason: "care_moderate_complex",
    },
    CareRule { level: Outpatient, when: MODERATE_OR_HIGH, reason: "care_moderate" },
    CareRule { level: Outpatient, when: Cond::All(&[ANY_SEVERITY, COMPLICATIONS]), reason: "care_low_complex" },
    // An overdose in the past year with current use (an unknown substance counts): at least
    // outpatient care.
    CareRule { level: Outpatient, when: Cond::Fact(Fact::RecentOverdose), reason: "care_overdose" },
    // "Your answers show few signs" only when the answers behind it were given, and never
    // under 18, where no use is called low (NIAAA Youth Guide).
    CareRule {
        level: PeerSupport,
        when: Cond::All(&[LOW_BAND, Cond::Fact(Fact::SeverityKnown), Cond::Not(&UNDER_18)]),
        reason: "care_low",
    },
    CareRule {
        level: PeerSupport,
        when: Cond::All(&[LOW_BAND, Cond::Fact(Fact::SeverityKnown), UNDER_18]),
        reason: "care_youth_use",
    },
    CareRule {
        level: PeerSupport,
        when: Cond::All(&[LOW_BAND, Cond::Not(&Cond::Fact(Fact::SeverityKnown))]),
        reason: "care_low_unknown",
    },
    CareRule { level: PeerSupport, when: Cond::Fact(Fact::Remission), reason: "care_remission" },
    CareRule {
        level: PeerSupport,
        when: Cond::All(&[OWN, Cond::Has(I::Substances, &["none"]), Cond::Not(&USES)]),
        reason: "care_no_use",
    },
    // Nothing said about substances (skipped or declined): a neutral start, no claim.
    CareRule { level: PeerSupport, when: Cond::All(&[OWN, SUBSTANCES_UNKNOWN]), reason: "care_start" },
    CareRule { level: PeerSupport, when: LOVED, reason: "care_loved_one" },
];

/// Notes added to the care guidance whatever the level.
pub static CARE_NOTES: [(Cond, &str); 4] = [
    (UNDER_18, "care_under_18"),
    (Cond::Is(I::Medication, &["taking"]), "care_keep_medication"),
    (Cond::All(&[OWN, Cond::Is(I::Stage, &["returned"])]), "care_returned"),
    (PREGNANT_OPIOIDS, "care_pregnancy_opioids"),
];

/// Peer support "may be enough for now" only when every answer behind a low band was given (or
/// the visitor has been in recovery for over a year), never beside thoughts of self-harm and
/// never under 18 (screening.md v3).
const LOWER_KNOWN: Cond = Cond::All(&[
    Cond::Any(&[Cond::All(&[LOW_BAND, Cond::Fact(Fact::SeverityKnown)]), Cond::Fact(Fact::Remission)]),
    Cond::Not(&SELF_HARM_THOUGHTS),
    Cond::Not(&UNDER_18),
]);

/// The care text for some visitors at one level, `care.<level>.<wording>.title|text`; the
/// first that holds is used. The level's own text is neutral where the answers behind it are
/// unknown: peer support says it "may be enough" only in the `lower` wording.
/// - In pregnancy with opioids the guidance never points to stopping, detox included:
///   medication is the recommended care (ACOG Committee Opinion 711).
/// - For opioid withdrawal it speaks of medication that treats withdrawal and cravings, never
///   of withdrawal management alone (ASAM National Practice Guideline, 2020).
/// - Beside thoughts of self-harm it points to a counselor and the crisis lines.
pub static CARE_WORDINGS: [(CareLevel, Cond, &str); 4] = [
    (MedicalWithdrawal, PREGNANT_OPIOIDS, "pregnancy_opioids"),
    (MedicalWithdrawal, OPIOID_WITHDRAWAL, "opioids"),
    (PeerSupport, SELF_HARM_THOUGHTS, "self_harm"),
    (PeerSupport, LOWER_KNOWN, "lower"),
];

/// The care options that agree with each care level (screening.md v3: the first care option
/// agrees with the care level): the one of them that fits best leads the care options, after
/// only what a ranking rule places first (medication for opioid withdrawal and in pregnancy
/// with opioids, `catalog::PINS`). Peer support names none: any care option may lead it.
pub static LEVEL_OPTIONS: [(CareLevel, &[&str]); 4] = [
    (MedicalWithdrawal, &["medical_withdrawal"]),
    (Residential, &["residential"]),
    (IntensiveOutpatient, &["intensive_outpatient", "virtual_iop"]),
    (Outpatient, &["outpatient"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_ordered_lowest_to_highest() {
        assert!(CareLevel::ALL.windows(2).all(|w| w[0] < w[1]));
        let names: Vec<&str> = CareLevel::ALL.iter().map(|l| l.as_str()).collect();
        assert_eq!(names, ["peer_support", "outpatient", "intensive_outpatient", "residential", "medical_withdrawal"]);
    }

    #[test]
    fn every_level_has_a_rule() {
        for level in CareLevel::ALL {
            assert!(CARE_RULES.iter().any(|r| r.level == level), "{level:?}");
        }
    }
}
