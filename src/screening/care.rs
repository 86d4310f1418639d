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

pub static CARE_RULES: [CareRule; 16] = [
    // The three clauses of `WITHDRAWAL_MEDICAL`, each with its own reason; a withdrawal answer
    // without current use is history and raises nothing.
    CareRule {
        level: MedicalWithdrawal,
        when: Cond::All(&[CURRENT_USE, Cond::Is(I::Withdrawal, &["severe"])]),
        reason: "care_withdrawal_severe",
    },
    CareRule {
        level: MedicalWithdrawal,
        when: Cond::All(&[CURRENT_USE, Cond::Is(I::Withdrawal, &["uncomfortable"]), DAILY_ALCOHOL_OR_SEDATIVES]),
        reason: "care_withdrawal_daily",
    },
    CareRule {
        level: MedicalWithdrawal,
        when: Cond::All(&[
            CURRENT_USE,
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
    // An overdose in the past year with current use: at least outpatient care.
    CareRule { level: Outpatient, when: Cond::Fact(Fact::RecentOverdose), reason: "care_overdose" },
    // "Your answers show a lower level" only when the answers behind it were given.
    CareRule { level: PeerSupport, when: Cond::All(&[LOW_BAND, Cond::Fact(Fact::SeverityKnown)]), reason: "care_low" },
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
    CareRule {
        level: PeerSupport,
        when: Cond::All(&[OWN, Cond::Not(&USES), Cond::Not(&Cond::Has(I::Substances, &["none"]))]),
        reason: "care_start",
    },
    CareRule { level: PeerSupport, when: LOVED, reason: "care_loved_one" },
];

/// Notes added to the care guidance whatever the level.
pub static CARE_NOTES: [(Cond, &str); 4] = [
    (Cond::Is(I::AgeGroup, &["under_18"]), "care_under_18"),
    (Cond::Is(I::Medication, &["taking"]), "care_keep_medication"),
    (Cond::All(&[OWN, Cond::Is(I::Stage, &["returned"])]), "care_returned"),
    (PREGNANT_OPIOIDS, "care_pregnancy_opioids"),
];

/// Pregnant, with current opioid use (ACOG Committee Opinion 711).
const PREGNANT_OPIOIDS: Cond =
    Cond::All(&[Cond::Is(I::Pregnant, &["yes"]), Cond::Has(I::Substances, &["opioids"]), CURRENT_USE]);

/// The care text for some visitors at one level: `care.<level>.<wording>.title|text`. In
/// pregnancy with opioids the guidance never points to stopping, detox included: medication is
/// the recommended care.
pub static CARE_WORDINGS: [(CareLevel, Cond, &str); 1] = [(MedicalWithdrawal, PREGNANT_OPIOIDS, "pregnancy_opioids")];

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
