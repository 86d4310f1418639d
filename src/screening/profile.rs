//! The nine-domain profile: the screening criteria peer recovery programs assess, each judged
//! from the items screening.md names beside it.
//!
//! A domain's level is the weightiest level among its rules that hold (neutral < strength <
//! concern < urgent: a neutral reason only informs, so it never hides a strength), and its
//! reasons are every rule that holds, weightiest first, so a clinician sees strengths beside
//! concerns. A domain with no answers is `neutral` with no reasons. Levels are never a
//! diagnosis; they shape wording and ranking.

use super::cond::named::*;
use super::cond::Cond;
use super::items::ItemId as I;
use super::scores::Fact;

/// Ordered by weight: which level a domain shows when rules of several levels hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Neutral,
    Strength,
    Concern,
    Urgent,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Strength => "strength",
            Level::Neutral => "neutral",
            Level::Concern => "concern",
            Level::Urgent => "urgent",
        }
    }
}

#[derive(Debug)]
pub struct DomainRule {
    pub level: Level,
    pub when: Cond,
    /// String key `r.<reason>`.
    pub reason: &'static str,
}

#[derive(Debug)]
pub struct Domain {
    /// Public domain id of screening.md; its name is the string `d.<id>`.
    pub id: &'static str,
    pub rules: &'static [DomainRule],
}

const fn rule(level: Level, when: Cond, reason: &'static str) -> DomainRule {
    DomainRule { level, when, reason }
}

use Level::*;

/// The visitor answers about their own use and uses something.
const OWN_USES: Cond = Cond::All(&[OWN, USES]);

const MOOD_SCREENS_NEGATIVE: Cond =
    Cond::All(&[Cond::Not(&Cond::Fact(Fact::MoodPositive)), Cond::AtLeast(I::Phq2_1, 0), Cond::AtLeast(I::Phq2_2, 0)]);

pub static DOMAINS: [Domain; 9] = [
    Domain {
        id: "diagnosis",
        rules: &[
            rule(Concern, Cond::Fact(Fact::Phq2Positive), "d_phq2_positive"),
            rule(Concern, Cond::Fact(Fact::Gad2Positive), "d_gad2_positive"),
            rule(Concern, Cond::Is(I::MhDiagnosis, &["yes"]), "d_mh_diagnosis"),
            rule(Neutral, Cond::Is(I::MhDiagnosis, &["unsure"]), "d_mh_unsure"),
            rule(Neutral, TREATED, "d_treated"),
            rule(Strength, MOOD_SCREENS_NEGATIVE, "d_mood_ok"),
        ],
    },
    Domain {
        id: "motivation",
        rules: &[
            rule(Strength, Cond::AtLeast(I::Importance, 7), "d_importance_high"),
            rule(Strength, Cond::AtLeast(I::Confidence, 7), "d_confidence_high"),
            rule(
                Neutral,
                Cond::All(&[Cond::AtLeast(I::Importance, 0), Cond::Not(&Cond::AtLeast(I::Importance, 7))]),
                "d_importance_mid",
            ),
            rule(
                Neutral,
                Cond::All(&[Cond::AtLeast(I::Confidence, 0), Cond::Not(&Cond::AtLeast(I::Confidence, 7))]),
                "d_confidence_mid",
            ),
        ],
    },
    Domain {
        id: "participation",
        rules: &[
            rule(Strength, Cond::Is(I::GroupComfort, &["comfortable"]), "d_group_comfortable"),
            rule(Neutral, Cond::Is(I::GroupComfort, &["nervous_willing"]), "d_group_nervous"),
            rule(Concern, Cond::Is(I::GroupComfort, &["one_on_one", "not_now"]), "d_group_not_now"),
            rule(
                Concern,
                Cond::Has(
                    I::Barriers,
                    &["transport", "childcare", "work_hours", "cost", "mobility", "hearing", "language"],
                ),
                "d_barriers",
            ),
        ],
    },
    Domain {
        id: "risk_to_others",
        rules: &[
            rule(Urgent, Cond::Is(I::HarmOthers, &["yes"]), "d_harm_others"),
            rule(Concern, Cond::Is(I::Justice, &["recently_released", "supervision"]), "d_justice_recent"),
            rule(Neutral, Cond::Is(I::Justice, &["past"]), "d_justice_past"),
            rule(
                Strength,
                Cond::All(&[
                    Cond::Is(I::HarmOthers, &["no"]),
                    Cond::Not(&Cond::Is(I::Justice, &["recently_released", "supervision", "past"])),
                ]),
                "d_no_risk",
            ),
        ],
    },
    Domain {
        id: "use_severity",
        rules: &[
            rule(Concern, HIGH, "d_severity_high"),
            rule(Concern, MODERATE, "d_severity_moderate"),
            // "Few signs" only when the answers behind it were given, and never under 18, where
            // no use is called low (NIAAA Youth Guide).
            rule(Neutral, Cond::All(&[LOW, Cond::Fact(Fact::SeverityKnown), Cond::Not(&UNDER_18)]), "d_severity_low"),
            rule(Neutral, Cond::All(&[LOW, Cond::Fact(Fact::SeverityKnown), UNDER_18]), "d_youth_use"),
            rule(Neutral, Cond::All(&[LOW, Cond::Not(&Cond::Fact(Fact::SeverityKnown))]), "d_severity_unknown"),
            rule(Neutral, Cond::All(&[OWN, Cond::Fact(Fact::AuditcPositive)]), "d_auditc_positive"),
            rule(Neutral, Cond::All(&[OWN, Cond::Fact(Fact::DependenceMany)]), "d_dependence_many"),
            rule(Strength, Cond::All(&[OWN, Cond::Has(I::Substances, &["none"]), Cond::Not(&USES)]), "d_no_use"),
            rule(Strength, Cond::All(&[OWN, Cond::Is(I::LastUse, &["over_year"])]), "d_last_use_year"),
        ],
    },
    Domain {
        id: "sobriety",
        rules: &[
            rule(Concern, UNSAFE_HOME, "d_home_unsafe"),
            rule(Concern, Cond::Is(I::Support, &["none"]), "d_support_none"),
            rule(Concern, Cond::Is(I::Stage, &["returned"]), "d_stage_returned"),
            rule(Concern, Cond::All(&[OWN_USES, Cond::Is(I::LastUse, &["today", "past_week"])]), "d_last_use_recent"),
            rule(Neutral, Cond::Is(I::Support, &["one_or_two"]), "d_support_some"),
            rule(
                Neutral,
                Cond::All(&[Cond::Fact(Fact::BarcScored), Cond::Not(&Cond::Fact(Fact::BarcPositive))]),
                "d_barc_building",
            ),
            rule(Strength, Cond::Fact(Fact::BarcPositive), "d_barc_positive"),
            rule(Strength, Cond::Is(I::Housing, &["stable_sober"]), "d_home_stable"),
            rule(Strength, Cond::Is(I::Support, &["several"]), "d_support_several"),
            rule(
                Strength,
                Cond::All(&[OWN_USES, Cond::Is(I::LastUse, &["3_12_months", "over_year"])]),
                "d_last_use_long_ago",
            ),
        ],
    },
    Domain {
        id: "insight",
        rules: &[
            rule(Concern, Cond::All(&[Cond::Is(I::Goal, &["cut_down"]), HIGH]), "d_goal_mismatch"),
            rule(Neutral, Cond::Is(I::Goal, &["not_sure"]), "d_goal_unsure"),
            rule(Neutral, Cond::Is(I::Stage, &["not_sure"]), "d_stage_unsure"),
            rule(Strength, Cond::Is(I::Goal, &["stop", "cut_down"]), "d_goal_set"),
            rule(Strength, Cond::Is(I::Stage, &["preparing", "changing", "maintaining"]), "d_stage_active"),
        ],
    },
    Domain {
        id: "stage_of_change",
        rules: &[
            rule(Concern, Cond::Is(I::Stage, &["returned"]), "d_stage_returned"),
            rule(Neutral, Cond::Is(I::Stage, &["not_sure"]), "d_stage_not_sure"),
            rule(Neutral, Cond::Is(I::Stage, &["thinking"]), "d_stage_thinking"),
            rule(Strength, Cond::Is(I::Stage, &["preparing"]), "d_stage_preparing"),
            rule(Strength, Cond::Is(I::Stage, &["changing"]), "d_stage_changing"),
            rule(Strength, Cond::Is(I::Stage, &["maintaining"]), "d_stage_maintaining"),
        ],
    },
    Domain {
        id: "health",
        rules: &[
            rule(Urgent, SELF_HARM_THOUGHTS, "d_self_harm"),
            rule(Urgent, WITHDRAWAL_MEDICAL, "d_withdrawal_medical"),
            rule(
                Concern,
                Cond::All(&[Cond::Is(I::Withdrawal, &["uncomfortable"]), RECENT_USE]),
                "d_withdrawal_uncomfortable",
            ),
            // Withdrawal without recent use is history (screening.md v3): named, not a concern.
            rule(
                Neutral,
                Cond::All(&[
                    OWN,
                    Cond::Not(&Cond::Has(I::Substances, &["none"])),
                    Cond::Is(I::Withdrawal, &["uncomfortable", "severe"]),
                    Cond::Not(&RECENT_USE),
                ]),
                "d_withdrawal_history",
            ),
            rule(Concern, Cond::All(&[Cond::Is(I::Pregnant, &["yes"]), CURRENT_USE]), "d_pregnant_use"),
            rule(Concern, Cond::Is(I::PhysicalHealth, &["poor"]), "d_health_poor"),
            rule(Concern, Cond::Fact(Fact::MoodPositive), "d_mood_positive"),
            rule(Neutral, Cond::Is(I::PhysicalHealth, &["fair"]), "d_health_fair"),
            rule(Strength, Cond::Is(I::PhysicalHealth, &["good"]), "d_health_good"),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nine_domains_of_screening_md() {
        let ids: Vec<&str> = DOMAINS.iter().map(|d| d.id).collect();
        assert_eq!(
            ids,
            [
                "diagnosis",
                "motivation",
                "participation",
                "risk_to_others",
                "use_severity",
                "sobriety",
                "insight",
                "stage_of_change",
                "health"
            ]
        );
    }

    #[test]
    fn a_neutral_note_never_outweighs_a_strength() {
        assert!(Level::Neutral < Level::Strength && Level::Strength < Level::Concern && Level::Concern < Level::Urgent);
    }

    #[test]
    fn rules_name_real_values() {
        for domain in DOMAINS.iter() {
            for rule in domain.rules {
                for (item, values) in rule.when.references() {
                    for value in values {
                        assert!(item.options().values.contains(value), "{}: {value} of {}", domain.id, item.as_str());
                    }
                }
            }
        }
    }
}
