//! The safety rules of screening.md: urgent notices that always lead the result, never ranked
//! away. Each rule is data: its trigger and the contacts it gives.

use super::cond::named::*;
use super::cond::Cond;
use super::questionnaire::ItemId as I;

/// Someone to call or text now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactKind {
    Call988,
    Text988,
    Call911,
    /// SAMHSA National Helpline, 1-800-662-4357, English and Spanish, 24/7.
    Helpline,
    /// The center's crisis line, or its admissions phone when it has none.
    Center,
}

#[derive(Debug)]
pub struct NoticeRule {
    /// The public notice id of screening.md.
    pub id: &'static str,
    pub when: Cond,
    pub contacts: &'static [ContactKind],
}

use ContactKind::*;

/// In the order shown: danger to life first.
pub static NOTICES: [NoticeRule; 5] = [
    NoticeRule {
        id: "crisis_988",
        when: Cond::Any(&[SELF_HARM_THOUGHTS, Cond::Is(I::LoDanger, &["yes"])]),
        contacts: &[Call988, Text988, Call911, Center],
    },
    NoticeRule {
        id: "harm_others",
        when: Cond::Is(I::HarmOthers, &["yes"]),
        contacts: &[Call988, Text988, Call911, Center],
    },
    NoticeRule { id: "withdrawal_medical", when: WITHDRAWAL_MEDICAL, contacts: &[Call911, Helpline, Center] },
    NoticeRule {
        id: "naloxone",
        when: Cond::Any(&[Cond::Is(I::Overdose, &["yes"]), Cond::Has(I::Substances, &["opioids"])]),
        contacts: &[Call911, Helpline, Center],
    },
    NoticeRule {
        id: "pregnancy_care",
        when: Cond::All(&[Cond::Is(I::Pregnant, &["yes"]), Cond::Fact(super::scores::Fact::CurrentUse)]),
        contacts: &[Helpline, Center],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notice_ids_are_the_contract_in_order() {
        let ids: Vec<&str> = NOTICES.iter().map(|n| n.id).collect();
        assert_eq!(ids, ["crisis_988", "harm_others", "withdrawal_medical", "naloxone", "pregnancy_care"]);
    }

    #[test]
    fn crisis_notices_give_988_and_911() {
        for notice in &NOTICES[..2] {
            assert!(notice.contacts.contains(&Call988) && notice.contacts.contains(&Text988) && notice.contacts.contains(&Call911));
        }
        for notice in NOTICES.iter() {
            assert!(notice.contacts.contains(&Center), "{}: the center's line belongs beside every notice", notice.id);
        }
    }
}
