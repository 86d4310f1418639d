//! The safety rules of screening.md (version 2): urgent notices that always lead the result,
//! never ranked away. Each rule is data: its trigger, its wording for each kind of visitor,
//! the steps to take, the contacts it gives, whether it is shown the moment its answer is
//! given, and the guidance behind it (CLINICAL.md lists them for review).
//!
//! Editing rules for `NOTICES`:
//! - ids are a public contract: add freely, never rename or drop;
//! - the order is the order shown: danger to life first;
//! - texts live in the string tables: `u.<id>.title` and `u.<id>.text`, a wording's
//!   `u.<id>.<wording>.title|text`, steps `u.<id>.step.<n>` (a test checks every key);
//! - a rule shown at once (`at_once`) names answers only, never a derived fact, because it is
//!   judged while the questionnaire is on screen, before any score exists (a test checks it).

use super::cond::named::*;
use super::cond::Cond;
use super::items::ItemId as I;

/// Someone to call or text now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactKind {
    Call988,
    /// Text 988; in Spanish with the word AYUDA, which reaches Spanish-speaking counselors.
    Text988,
    Call911,
    /// SAMHSA National Helpline, 1-800-662-4357, English and Spanish, 24/7.
    Helpline,
    /// National Domestic Violence Hotline, 1-800-799-7233, 24/7.
    DvCall,
    /// National Domestic Violence Hotline by text: START to 88788.
    DvText,
    /// The center's crisis line, or its admissions phone when it has none.
    Center,
}

#[derive(Debug)]
pub struct NoticeRule {
    /// The public notice id of screening.md.
    pub id: &'static str,
    pub when: Cond,
    /// Wording for some visitors: the first whose condition holds uses the keys
    /// `u.<id>.<wording>.title|text` instead of `u.<id>.title|text` (the loved-one path, where
    /// the visitor is not the one using; opioids in pregnancy).
    pub wordings: &'static [(Cond, &'static str)],
    /// What to do, in order: `u.<id>.step.1` .. `u.<id>.step.<steps>`.
    pub steps: u8,
    /// In the order given; the first is the one to use first.
    pub contacts: &'static [ContactKind],
    /// Care options (catalog ids) the notice points to: the center's own programs of these
    /// kinds rank above general meetings (a naloxone program beside the naloxone notice).
    pub kinds: &'static [&'static str],
    /// Shown the moment the answer that triggers it is given, before Next, in a panel with
    /// large call and text buttons (screening.md, "In the moment").
    pub at_once: bool,
    /// The published guidance behind the rule, where a clinician can check it (CLINICAL.md
    /// lists them all). Native builds only: the widget has no use for it (`cite!`).
    pub source: &'static str,
}

use ContactKind::*;

const OPIOIDS: Cond = Cond::Has(I::Substances, &["opioids"]);

/// In the order shown: danger to life first.
pub static NOTICES: [NoticeRule; 9] = [
    NoticeRule {
        id: "lo_emergency",
        when: Cond::Is(I::LoDanger, &["yes"]),
        wordings: &[],
        // Call 911, give naloxone, support breathing, stay, put them on their side.
        steps: 5,
        contacts: &[Call911, Call988, Text988, Center],
        kinds: &["naloxone"],
        at_once: true,
        source: cite!(
            "SAMHSA Opioid Overdose Prevention Toolkit (2018), \"Five essential steps for first \
            responders\" (call 911, give naloxone, support breathing, stay and watch), kept in \
            its Overdose Prevention and Response Toolkit (2023); 988 Suicide & Crisis Lifeline \
            (988lifeline.org) for a loved one who talks of ending their life."
        ),
    },
    NoticeRule {
        id: "crisis_988",
        when: SELF_HARM_THOUGHTS,
        wordings: &[],
        steps: 0,
        contacts: &[Call988, Text988, Call911, Center],
        kinds: &["counseling"],
        at_once: true,
        source: cite!(
            "PHQ-9 item 9 (Kroenke, Spitzer & Williams, J Gen Intern Med 2001), treated as \
            urgent at any answer above \"not at all\" (screening.md); 988 Suicide & Crisis \
            Lifeline (SAMHSA, 988lifeline.org): call or text 988, Spanish press 2 or text \
            AYUDA, Veterans Crisis Line press 1."
        ),
    },
    NoticeRule {
        id: "harm_others",
        when: Cond::Is(I::HarmOthers, &["yes"]),
        wordings: &[],
        steps: 0,
        contacts: &[Call988, Text988, Call911, Center],
        kinds: &["counseling"],
        at_once: true,
        source: cite!(
            "988 Suicide & Crisis Lifeline (988lifeline.org): support for anyone in emotional \
            distress, including thoughts of harming others; 911 for immediate danger."
        ),
    },
    NoticeRule {
        id: "domestic_violence",
        when: Cond::Is(I::LoSafety, &["yes"]),
        wordings: &[],
        steps: 0,
        contacts: &[DvCall, DvText, Call911, Center],
        kinds: &[],
        at_once: true,
        source: cite!(
            "National Domestic Violence Hotline (thehotline.org): 1-800-799-7233, text START to \
            88788, 24/7, in English and Spanish; 911 in immediate danger."
        ),
    },
    NoticeRule {
        id: "withdrawal_medical",
        when: WITHDRAWAL_MEDICAL,
        wordings: &[],
        steps: 0,
        contacts: &[Call911, Helpline, Center],
        kinds: &["medical_withdrawal"],
        at_once: false,
        source: cite!(
            "ASAM Clinical Practice Guideline on Alcohol Withdrawal Management (2020); FDA Drug \
            Safety Communication on benzodiazepines (2020): stopping suddenly can cause \
            seizures and life-threatening withdrawal."
        ),
    },
    NoticeRule {
        id: "lower_tolerance",
        when: Cond::All(&[
            OWN,
            OPIOIDS,
            Cond::Any(&[
                Cond::Is(I::Justice, &["recently_released"]),
                Cond::Is(I::Stage, &["returned"]),
                Cond::All(&[
                    Cond::Has(I::TreatmentHistory, &["detox", "residential"]),
                    Cond::Is(I::LastUse, &["1_3_months", "3_12_months", "over_year"]),
                ]),
            ]),
        ]),
        wordings: &[],
        steps: 0,
        contacts: &[Call911, Helpline, Center],
        kinds: &["naloxone", "medication"],
        at_once: false,
        source: cite!(
            "SAMHSA Overdose Prevention and Response Toolkit (2023): lower tolerance after \
            time without opioids (release from prison, detox, treatment) raises overdose risk; \
            Binswanger et al., N Engl J Med 2007 (overdose deaths in the weeks after release)."
        ),
    },
    NoticeRule {
        id: "mixing_depressants",
        when: Cond::All(&[OWN, OPIOIDS, Cond::Has(I::Substances, &["alcohol", "sedatives"]), CURRENT_USE]),
        wordings: &[],
        steps: 0,
        contacts: &[Call911, Helpline, Center],
        kinds: &["naloxone"],
        at_once: false,
        source: cite!(
            "FDA boxed warning on opioids with benzodiazepines (2016); CDC, \"Stop Overdose\": \
            mixing opioids with alcohol or sedatives slows breathing more than either alone."
        ),
    },
    NoticeRule {
        id: "naloxone",
        when: Cond::Any(&[
            Cond::Is(I::Overdose, &["yes"]),
            Cond::Has(I::Substances, &["opioids", "stimulants", "sedatives"]),
            Cond::Is(I::Injection, &["yes"]),
        ]),
        wordings: &[(LOVED, "loved_one")],
        steps: 0,
        contacts: &[Call911, Helpline, Center],
        kinds: &["naloxone", "harm_reduction"],
        at_once: false,
        source: cite!(
            "SAMHSA Overdose Prevention and Response Toolkit (2023); CDC on fentanyl in \
            counterfeit pills and stimulants, and fentanyl test strips; a non-fatal overdose \
            sharply raises the risk of a fatal one (Olfson et al., JAMA Psychiatry 2018)."
        ),
    },
    NoticeRule {
        id: "pregnancy_care",
        when: Cond::All(&[Cond::Is(I::Pregnant, &["yes"]), CURRENT_USE]),
        wordings: &[(OPIOIDS, "opioids")],
        steps: 0,
        contacts: &[Helpline, Center],
        kinds: &["medication"],
        at_once: false,
        source: cite!(
            "ACOG Committee Opinion 711, Opioid Use and Opioid Use Disorder in Pregnancy \
            (2017); SAMHSA Clinical Guidance for Treating Pregnant and Parenting Women With \
            Opioid Use Disorder (2018): medication, not withdrawal, is recommended."
        ),
    },
];

/// The notices shown at once, before Next, that hold for these answers. No scores are needed:
/// each names answers only.
pub fn at_once(answers: &super::answers::Answers) -> impl Iterator<Item = &'static NoticeRule> + '_ {
    let ctx = super::cond::Ctx { answers, scores: None };
    NOTICES.iter().filter(move |rule| rule.at_once && rule.when.holds(ctx))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screening::cond::Cond;

    #[test]
    fn notice_ids_are_the_contract_in_order() {
        let ids: Vec<&str> = NOTICES.iter().map(|n| n.id).collect();
        assert_eq!(
            ids,
            [
                "lo_emergency",
                "crisis_988",
                "harm_others",
                "domestic_violence",
                "withdrawal_medical",
                "lower_tolerance",
                "mixing_depressants",
                "naloxone",
                "pregnancy_care"
            ]
        );
    }

    #[test]
    fn crisis_notices_give_the_right_lines_first() {
        let rule = |id: &str| NOTICES.iter().find(|n| n.id == id).unwrap();
        // A loved one who will not wake up: 911 first, never 988 first.
        assert_eq!(rule("lo_emergency").contacts[0], Call911);
        for id in ["crisis_988", "harm_others"] {
            assert_eq!(&rule(id).contacts[..3], &[Call988, Text988, Call911], "{id}");
        }
        assert_eq!(&rule("domestic_violence").contacts[..3], &[DvCall, DvText, Call911]);
        for notice in NOTICES.iter() {
            assert!(notice.contacts.contains(&Center), "{}: the center's line belongs beside every notice", notice.id);
            assert!(notice.source.len() > 40, "{}: name the guidance behind the rule", notice.id);
        }
    }

    /// A rule judged while the questionnaire is on screen cannot wait for scores.
    #[test]
    fn notices_shown_at_once_name_answers_only() {
        fn has_fact(cond: &Cond) -> bool {
            match cond {
                Cond::Fact(_) => true,
                Cond::All(c) | Cond::Any(c) | Cond::AtLeastN(_, c) => c.iter().any(has_fact),
                Cond::Not(c) => has_fact(c),
                _ => false,
            }
        }
        let at_once: Vec<&str> = NOTICES.iter().filter(|n| n.at_once).map(|n| n.id).collect();
        assert_eq!(at_once, ["lo_emergency", "crisis_988", "harm_others", "domestic_violence"]);
        for notice in NOTICES.iter().filter(|n| n.at_once) {
            assert!(!has_fact(&notice.when), "{}", notice.id);
        }
    }
}
