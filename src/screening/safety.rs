//! The safety rules of screening.md (version 3): urgent notices that always lead the result,
//! never ranked away. Each rule is data: its trigger, its wording for each kind of visitor,
//! the steps to take, the contacts it gives, whether it is shown the moment its answer is
//! given, and the guidance behind it (CLINICAL.md lists them for review).
//!
//! Editing rules for `NOTICES`:
//! - ids are a public contract: add freely, never rename or drop;
//! - the order is the order shown: danger to life first;
//! - texts live in the string tables: `u.<id>.title` and `u.<id>.text`, a wording's
//!   `u.<id>.<wording>.title|text`, steps `u.<id>.step.<n>` (a test checks every key);
//! - a notice's first contact is the action its text asks for (screening.md v3, "What a notice
//!   leads with"): 911 first only where the danger is happening now (`lo_emergency`); a
//!   notice that asks the visitor to talk to a doctor, get naloxone or use less leads with the
//!   center's line or the SAMHSA helpline and says in its text when to call 911;
//! - a rule shown at once (`at_once`) names answers only, never a derived fact, because it is
//!   judged while the questionnaire is on screen, before any score exists (a test checks it).

use super::cond::named::*;
use super::cond::Cond;
use super::items::ItemId as I;
use super::scores::Fact;

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
    /// Childhelp National Child Abuse Hotline, 1-800-422-4453, for young people, 24/7.
    Childhelp,
    /// love is respect, for teens and young adults in unsafe relationships: text LOVEIS to 22522.
    LoveIsRespect,
    /// The center's crisis line, or its admissions phone when it has none: beside a crisis.
    Center,
    /// The center's admissions phone, or its crisis line when it has none: for notices that
    /// ask the visitor to talk to someone about care (a doctor, a detox or medication program,
    /// naloxone), where a crisis line is not the right first call.
    CenterLine,
}

/// Another wording of a notice, for the visitors for whom `when` holds: its texts are
/// `u.<id>.<name>.title|text`, and it may give other contacts (young people reach other
/// hotlines first).
#[derive(Debug)]
pub struct Wording {
    pub when: Cond,
    pub name: &'static str,
    /// The contacts in order, when not the rule's own.
    pub contacts: Option<&'static [ContactKind]>,
}

const fn say(when: Cond, name: &'static str) -> Wording {
    Wording { when, name, contacts: None }
}

#[derive(Debug)]
pub struct NoticeRule {
    /// The public notice id of screening.md.
    pub id: &'static str,
    pub when: Cond,
    /// Wordings for some visitors; the first whose condition holds is used instead of
    /// `u.<id>.title|text` (the loved-one path, where the visitor is not the one using; the
    /// substance behind a withdrawal; opioids in pregnancy; young people).
    pub wordings: &'static [Wording],
    /// What to do, in order: `u.<id>.step.1` .. `u.<id>.step.<steps>`.
    pub steps: u8,
    /// In the order given; the first is the action the notice asks for.
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

/// The lines for a notice that asks the visitor to talk to someone about care, not to call for
/// an emergency: the center, then the SAMHSA helpline (screening.md v3).
const CARE_LINES: &[ContactKind] = &[CenterLine, Helpline];
const ALCOHOL_OR_SEDATIVES: Cond = Cond::Has(I::Substances, &["alcohol", "sedatives"]);
const ALCOHOL: Cond = Cond::Has(I::Substances, &["alcohol"]);
const SEDATIVES: Cond = Cond::Has(I::Substances, &["sedatives"]);
/// Any substance chosen other than alcohol (and "none").
const NOT_ONLY_ALCOHOL: Cond = Cond::Has(I::Substances, &["opioids", "stimulants", "cannabis", "sedatives", "other"]);

/// In the order shown: danger to life first.
pub static NOTICES: [NoticeRule; 11] = [
    NoticeRule {
        id: "lo_emergency",
        when: Cond::Is(I::LoDanger, &["yes"]),
        wordings: &[],
        // Call 911, give naloxone, CPR if not breathing normally, stay, put them on their side.
        steps: 5,
        contacts: &[Call911, Call988, Text988, Center],
        kinds: &["naloxone"],
        at_once: true,
        source: cite!(
            "SAMHSA Opioid Overdose Prevention Toolkit (2018), \"Five essential steps for first \
            responders\" (call 911, give naloxone, support breathing, stay and watch), kept in \
            its Overdose Prevention and Response Toolkit (2023); American Heart Association \
            Guidelines for CPR and Emergency Cardiovascular Care (2020), opioid-associated \
            emergencies: a bystander who finds someone not breathing normally starts CPR (hands \
            only is fine) and gives naloxone, and follows the dispatcher; 988 Suicide & Crisis \
            Lifeline (988lifeline.org) for a loved one who talks of ending their life."
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
            AYUDA; Veterans Crisis Line (U.S. Department of Veterans Affairs, \
            veteranscrisisline.net): dial 988 then press 1, or text 838255."
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
        when: Cond::Any(&[Cond::Is(I::LoSafety, &["yes"]), Cond::Is(I::OwnSafety, &["yes"])]),
        wordings: &[Wording {
            when: UNDER_18,
            name: "youth",
            contacts: Some(&[Childhelp, LoveIsRespect, Call911, Center]),
        }],
        steps: 0,
        contacts: &[DvCall, DvText, Call911, Center],
        kinds: &[],
        at_once: true,
        source: cite!(
            "U.S. Preventive Services Task Force (2018), Intimate Partner Violence, Elder Abuse, \
            and Abuse of Vulnerable Adults: Screening (screen women of reproductive age and \
            refer those who screen positive); National Domestic Violence Hotline \
            (thehotline.org): 1-800-799-7233, text START to 88788, 24/7, in English and \
            Spanish; for people under 18, Childhelp National Child Abuse Hotline \
            (childhelp.org): 1-800-422-4453, and love is respect (loveisrespect.org): text \
            LOVEIS to 22522; 911 in immediate danger."
        ),
    },
    // Before the withdrawal notice: in pregnancy with opioids the withdrawal notice defers to
    // this one, so it must be read first (screening.md v3).
    NoticeRule {
        id: "pregnancy_care",
        when: Cond::All(&[Cond::Is(I::Pregnant, &["yes"]), CURRENT_USE]),
        wordings: &[say(OPIOIDS, "opioids")],
        steps: 0,
        contacts: CARE_LINES,
        kinds: &["medication"],
        at_once: false,
        source: cite!(
            "ACOG Committee Opinion 711, Opioid Use and Opioid Use Disorder in Pregnancy \
            (2017); SAMHSA Clinical Guidance for Treating Pregnant and Parenting Women With \
            Opioid Use Disorder (2018): medication, not withdrawal, is recommended."
        ),
    },
    NoticeRule {
        id: "withdrawal_medical",
        when: WITHDRAWAL_MEDICAL,
        // By substance (screening.md v3); the rule's own texts are for an unknown or other
        // substance, and say nothing about any one substance.
        wordings: &[
            say(PREGNANT_OPIOIDS, "pregnancy_opioids"),
            say(DAILY_ALCOHOL_OR_SEDATIVES, "alcohol"),
            say(OPIOIDS, "opioids"),
            say(ALCOHOL_OR_SEDATIVES, "alcohol"),
        ],
        steps: 0,
        contacts: CARE_LINES,
        kinds: &["medical_withdrawal", "medication"],
        at_once: false,
        source: cite!(
            "ASAM Clinical Practice Guideline on Alcohol Withdrawal Management (2020); FDA Drug \
            Safety Communication on benzodiazepines (2020): stopping suddenly can cause \
            seizures and life-threatening withdrawal; ASAM National Practice Guideline for the \
            Treatment of Opioid Use Disorder (2020 focused update): medication (buprenorphine, \
            methadone) treats opioid withdrawal, and withdrawal management alone is not \
            treatment; ACOG Committee Opinion 711 (2017) in pregnancy; acute withdrawal ends \
            within days to two weeks (CIWA-Ar, COWS), so only recent use counts."
        ),
    },
    NoticeRule {
        id: "taper_safely",
        when: Cond::All(&[
            OWN,
            Cond::Fact(Fact::DailySedatives),
            CURRENT_USE,
            Cond::Any(&[
                Cond::Is(I::Withdrawal, &["none"]),
                Cond::All(&[Cond::Is(I::Withdrawal, &["uncomfortable"]), Cond::Not(&RECENT_USE)]),
            ]),
        ]),
        wordings: &[],
        steps: 0,
        contacts: CARE_LINES,
        kinds: &[],
        at_once: false,
        source: cite!(
            "FDA Drug Safety Communication (2020): boxed warning for benzodiazepines on abuse, \
            dependence and withdrawal reactions; stopping or cutting down quickly after daily \
            use can cause seizures and life-threatening withdrawal, so the dose is tapered \
            gradually with the prescriber."
        ),
    },
    NoticeRule {
        id: "alcohol_overdose",
        when: Cond::All(&[OWN, Cond::Is(I::Overdose, &["yes"]), ALCOHOL, Cond::Not(&NOT_ONLY_ALCOHOL)]),
        wordings: &[],
        steps: 0,
        contacts: CARE_LINES,
        kinds: &[],
        at_once: false,
        source: cite!(
            "NIAAA, Understanding the Dangers of Alcohol Overdose (niaaa.nih.gov): the signs of \
            alcohol poisoning (cannot be woken, slow or irregular breathing, cold or blue skin, \
            vomiting while passed out) need 911, and a person must never be left to sleep it \
            off; naloxone reverses opioids, not alcohol."
        ),
    },
    NoticeRule {
        id: "lower_tolerance",
        when: LOWER_TOLERANCE,
        wordings: &[],
        steps: 0,
        contacts: CARE_LINES,
        kinds: &["naloxone", "medication"],
        at_once: false,
        source: cite!(
            "SAMHSA Overdose Prevention and Response Toolkit (2023): lower tolerance after \
            time without opioids (release from prison, detox, treatment) raises overdose risk; \
            Binswanger et al., N Engl J Med 2007 (overdose deaths in the weeks after release); \
            Green et al., JAMA Psychiatry 2018 (medication for opioid use disorder in jail and \
            prison cut deaths after release)."
        ),
    },
    NoticeRule {
        id: "mixing_depressants",
        when: Cond::All(&[
            OWN,
            CURRENT_USE,
            Cond::Any(&[Cond::All(&[OPIOIDS, ALCOHOL_OR_SEDATIVES]), Cond::All(&[ALCOHOL, SEDATIVES])]),
        ]),
        wordings: &[
            say(Cond::All(&[Cond::Is(I::AgeGroup, &["65_plus"]), ALCOHOL, SEDATIVES]), "older"),
            say(Cond::Not(&OPIOIDS), "alcohol_sedatives"),
        ],
        steps: 0,
        contacts: CARE_LINES,
        kinds: &["naloxone"],
        at_once: false,
        source: cite!(
            "FDA boxed warning on opioids with benzodiazepines (2016); CDC, \"Stop Overdose\": \
            mixing opioids with alcohol or sedatives slows breathing more than either alone; \
            FDA Drug Safety Communication (2020) on benzodiazepines with alcohol; American \
            Geriatrics Society Beers Criteria (2023): sedatives with alcohol in people over 65 \
            cause falls and confusion."
        ),
    },
    NoticeRule {
        id: "naloxone",
        when: Cond::Any(&[
            Cond::All(&[Cond::Is(I::Overdose, &["yes"]), Cond::Any(&[NOT_ONLY_ALCOHOL, SUBSTANCES_UNKNOWN])]),
            Cond::Has(I::Substances, &["opioids", "stimulants", "sedatives"]),
            Cond::Is(I::Injection, &["yes"]),
        ]),
        wordings: &[say(LOVED, "loved_one")],
        steps: 0,
        contacts: CARE_LINES,
        kinds: &["naloxone", "harm_reduction"],
        at_once: false,
        source: cite!(
            "SAMHSA Overdose Prevention and Response Toolkit (2023); CDC on fentanyl in \
            counterfeit pills and stimulants, and fentanyl test strips; FDA approval of \
            naloxone nasal spray without a prescription (2023); a non-fatal overdose sharply \
            raises the risk of a fatal one (Olfson et al., JAMA Psychiatry 2018)."
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
                "pregnancy_care",
                "withdrawal_medical",
                "taper_safely",
                "alcohol_overdose",
                "lower_tolerance",
                "mixing_depressants",
                "naloxone",
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
            let center = notice.contacts.contains(&Center) || notice.contacts.contains(&CenterLine);
            assert!(center, "{}: the center's line belongs beside every notice", notice.id);
            assert!(notice.source.len() > 40, "{}: name the guidance behind the rule", notice.id);
        }
    }

    /// screening.md v3, "What a notice leads with": 911 first only where the danger is
    /// happening now. Every other notice leads with the action its text asks for, in every
    /// wording.
    #[test]
    fn only_an_emergency_now_leads_with_911() {
        for notice in NOTICES.iter() {
            let mut lists = vec![notice.contacts];
            lists.extend(notice.wordings.iter().filter_map(|w| w.contacts));
            for contacts in lists {
                assert_eq!(contacts[0] == Call911, notice.id == "lo_emergency", "{}: {contacts:?}", notice.id);
            }
        }
        let rule = |id: &str| NOTICES.iter().find(|n| n.id == id).unwrap();
        for id in ["withdrawal_medical", "taper_safely", "mixing_depressants", "lower_tolerance", "alcohol_overdose"] {
            assert_eq!(rule(id).contacts, &[CenterLine, Helpline], "{id}");
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
        // The widget's strings come in two parts (tools/languages.py): these notices' words
        // must come with the questions, so the tool lists the same ids.
        let tool = include_str!("../../tools/languages.py");
        let listed = tool.lines().find(|l| l.starts_with("AT_ONCE_NOTICES = ")).expect("the tool's list");
        let quoted: Vec<String> = at_once.iter().map(|id| format!("\"{id}\"")).collect();
        assert_eq!(listed, format!("AT_ONCE_NOTICES = ({})", quoted.join(", ")));
        for notice in NOTICES.iter().filter(|n| n.at_once) {
            for wording in notice.wordings {
                assert!(!has_fact(&wording.when), "{}: wording {}", notice.id, wording.name);
            }
        }
        for notice in NOTICES.iter().filter(|n| n.at_once) {
            assert!(!has_fact(&notice.when), "{}", notice.id);
        }
    }
}
