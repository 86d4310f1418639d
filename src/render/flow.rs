//! The visitor's way through the widget: welcome, question pages, result, and the optional
//! sections after it. Plain Rust,
//! no web types, so the navigation rules are tested natively; `render` draws whatever screen
//! this says.

use crate::screening::answers::{AnswerError, Answers, RawValue};
use crate::screening::items::ItemId;
use crate::screening::questionnaire::{self, Part, Sharpen};
use crate::screening::safety;
use crate::support::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    /// The center's programs and local meetings, soonest first, with no question asked (the
    /// welcome's "Find a meeting now"; quality.md v3, "A meeting now").
    Meetings,
    /// A page of questions, named by its first item (stable when later pages come and go).
    Page(ItemId),
    Result,
}

#[derive(Clone, Debug)]
pub struct Flow {
    pub answers: Answers,
    pub screen: Screen,
    /// The notices shown at once (screening.md, "In the moment") that hold now. A changed
    /// answer that keeps one holding (several days to nearly every day) does not show it again;
    /// one that stops holding and holds again later does.
    raised: Vec<&'static str>,
}

impl Default for Flow {
    fn default() -> Self {
        Flow::new()
    }
}

impl Flow {
    pub fn new() -> Flow {
        Flow { answers: Answers::new(), screen: Screen::Welcome, raised: Vec::new() }
    }

    /// The pages before the first result for the answers so far: shown items in order,
    /// consecutive items of one named page sharing it.
    pub fn pages(&self) -> Vec<Vec<ItemId>> {
        self.pages_of(Part::First)
    }

    /// The items of one part asked for the answers so far, in order.
    pub fn items_of(&self, part: Part) -> Vec<ItemId> {
        let mut items = questionnaire::shown_items(&self.answers);
        items.retain(|item| item.item().part == part);
        items
    }

    /// The pages of one part (before the first result, or one "sharpen your results" section).
    pub fn pages_of(&self, part: Part) -> Vec<Vec<ItemId>> {
        let mut pages: Vec<Vec<ItemId>> = Vec::new();
        for item in self.items_of(part) {
            let joins =
                pages.last().and_then(|page| page.last()).is_some_and(|last| last.item().page == item.item().page);
            match pages.last_mut() {
                Some(page) if joins => page.push(item),
                _ => pages.push(vec![item]),
            }
        }
        pages
    }

    /// The part the current screen belongs to (a question page's, else the first).
    pub fn part(&self) -> Part {
        match self.screen {
            Screen::Page(first) => first.item().part,
            _ => Part::First,
        }
    }

    /// The items of the current page (empty off the question pages).
    pub fn page_items(&self) -> Vec<ItemId> {
        match self.screen {
            Screen::Page(first) => {
                self.pages_of(self.part()).into_iter().find(|p| p.first() == Some(&first)).unwrap_or_default()
            }
            _ => Vec::new(),
        }
    }

    /// 1-based number of the current page and the number of pages of its part. Before the first
    /// result every page of a path is shown whatever the answers (`questionnaire::ITEMS`), so
    /// the count stays the same once the path is known; on the first page, before the visitor
    /// says whom the questions are about, the total is `None`: the self path's 11 would turn
    /// into the loved one's 6 (issue 25).
    pub fn progress(&self) -> (usize, Option<usize>) {
        let pages = self.pages_of(self.part());
        let current = match self.screen {
            Screen::Page(first) => pages.iter().position(|p| p.first() == Some(&first)).map_or(0, |i| i + 1),
            Screen::Welcome | Screen::Meetings => 0,
            Screen::Result => pages.len(),
        };
        let path_open = self.part() == Part::First && current == 1 && !self.answers.is_answered(ItemId::ForWhom);
        (current, (!path_open).then_some(pages.len()))
    }

    /// Straight to the meetings and programs, from the welcome.
    pub fn meetings(&mut self) {
        self.screen = Screen::Meetings;
    }

    pub fn start(&mut self) {
        self.screen = self.pages().first().and_then(|p| p.first().copied()).map_or(Screen::Result, Screen::Page);
    }

    /// The current page is the last before the first result (its button says so).
    pub fn on_last_page(&self) -> bool {
        let pages = self.pages();
        matches!(self.screen, Screen::Page(first) if pages.last().and_then(|p| p.first()) == Some(&first))
    }

    /// Opens an optional section after the first result; its last page leads back there.
    pub fn sharpen(&mut self, section: Sharpen) {
        if let Some(&first) = self.pages_of(Part::Sharpen(section)).first().and_then(|p| p.first()) {
            self.screen = Screen::Page(first);
        }
    }

    /// Records one answer (`null` or `prefer_not` clears it) and drops answers to questions no
    /// longer asked. Returns the ids of the notices this answer raised that must be shown at
    /// once, before Next (a crisis answer): usually none.
    pub fn answer(&mut self, item: ItemId, value: &RawValue) -> Result<Vec<&'static str>, AnswerError> {
        self.answers.set(item, value)?;
        questionnaire::retain_shown(&mut self.answers);
        let (mut holding, mut raised) = (Vec::new(), Vec::new());
        for rule in safety::at_once(&self.answers) {
            if !self.raised.contains(&rule.id) {
                raised.push(rule.id);
            }
            holding.push(rule.id);
        }
        self.raised = holding;
        Ok(raised)
    }

    /// Forward: the next page, or the result after the last page of a part.
    pub fn next(&mut self) {
        self.screen = match self.screen {
            Screen::Welcome | Screen::Meetings => {
                self.start();
                return;
            }
            Screen::Page(first) => {
                let part = first.item().part;
                let pages = self.pages_of(part);
                let after = pages.iter().position(|p| p.first() == Some(&first)).and_then(|i| pages.get(i + 1));
                // When the current page is gone (its first item is no longer asked), continue
                // from the first page after it in questionnaire order.
                let after = after.or_else(|| {
                    if pages.iter().any(|p| p.first() == Some(&first)) {
                        None
                    } else {
                        pages.iter().find(|p| p.first().is_some_and(|f| *f > first))
                    }
                });
                after.and_then(|p| p.first().copied()).map_or(Screen::Result, Screen::Page)
            }
            Screen::Result => Screen::Result,
        };
    }

    /// Back: the previous page, the welcome before the first, the last page from the result.
    pub fn back(&mut self) {
        self.screen = match self.screen {
            Screen::Welcome | Screen::Meetings => Screen::Welcome,
            Screen::Page(first) => {
                let part = first.item().part;
                let pages = self.pages_of(part);
                let index = pages.iter().position(|p| p.first() == Some(&first)).unwrap_or(0);
                let before = if part == Part::First { Screen::Welcome } else { Screen::Result };
                match index.checked_sub(1).and_then(|i| pages.get(i)) {
                    Some(page) => page.first().copied().map_or(before, Screen::Page),
                    None => before,
                }
            }
            Screen::Result => {
                self.pages().last().and_then(|p| p.first().copied()).map_or(Screen::Welcome, Screen::Page)
            }
        };
    }

    /// Forget every answer and go back to the welcome.
    pub fn start_over(&mut self) {
        *self = Flow::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> RawValue {
        RawValue::String(s.to_string())
    }
    fn list(v: &[&str]) -> RawValue {
        RawValue::Array(v.iter().map(|s| text(s)).collect())
    }

    #[test]
    fn related_questions_share_a_page() {
        let mut flow = Flow::new();
        flow.answer(ItemId::Substances, &list(&["alcohol", "stimulants", "cannabis"])).unwrap();
        let pages = flow.pages();
        // How much: AUDIT-C, how often for each other substance chosen, and the last use.
        let amount = pages.iter().find(|p| p[0] == ItemId::AuditC1).unwrap();
        assert_eq!(
            amount,
            &[
                ItemId::AuditC1,
                ItemId::AuditC2,
                ItemId::AuditC3,
                ItemId::UseFreqStimulants,
                ItemId::UseFreqCannabis,
                ItemId::LastUse
            ]
        );
        let mood = pages.iter().find(|p| p[0] == ItemId::Phq2_1).unwrap();
        assert_eq!(mood.len(), 4);
        let dependence = pages.iter().find(|p| p[0] == ItemId::DepControl).unwrap();
        assert_eq!(dependence.len(), 4);
    }

    /// Walks a path as a visitor would, answering what `answers` holds and skipping the rest,
    /// and gives each screen's step line as (n, total) up to the result.
    fn walk(answers: &[(ItemId, RawValue)]) -> Vec<(usize, Option<usize>)> {
        let mut flow = Flow::new();
        flow.next();
        let mut steps = Vec::new();
        while let Screen::Page(_) = flow.screen {
            for item in flow.page_items() {
                if let Some((_, value)) = answers.iter().find(|(i, _)| *i == item) {
                    flow.answer(item, value).unwrap();
                }
            }
            steps.push(flow.progress());
            flow.next();
        }
        assert_eq!(flow.screen, Screen::Result);
        steps
    }

    /// quality.md: a first result within 12 screens on every path, and a step
    /// count that never jumps: each screen one more, the total the same from the second on.
    #[test]
    fn a_first_result_within_12_screens_with_a_steady_step_count() {
        use ItemId as I;
        let visitors: [(&str, Vec<(ItemId, RawValue)>); 6] = [
            (
                "a man who drinks daily",
                vec![
                    (I::ForWhom, text("self")),
                    (I::Substances, list(&["alcohol"])),
                    (I::AuditC1, RawValue::Number(4.0)),
                    (I::LastUse, text("today")),
                    (I::Withdrawal, text("uncomfortable")),
                    (I::Medication, text("interested")),
                ],
            ),
            (
                "a woman after an overdose, who uses every substance",
                vec![
                    (I::ForWhom, text("self")),
                    (I::Sex, text("female")),
                    (I::Substances, list(&["alcohol", "opioids", "stimulants", "cannabis", "sedatives", "other"])),
                    (I::Overdose, text("yes")),
                    (I::Pregnant, text("no")),
                    (I::Stage, text("changing")),
                ],
            ),
            (
                "a mother worried about her son",
                vec![
                    (I::ForWhom, text("loved_one")),
                    (I::Phq2_1, RawValue::Number(3.0)),
                    (I::Phq2_2, RawValue::Number(3.0)),
                    (I::Substances, list(&["opioids"])),
                ],
            ),
            ("a parent with a calm mood", vec![(I::ForWhom, text("loved_one")), (I::Phq2_1, RawValue::Number(0.0))]),
            (
                "a person with thoughts of self-harm",
                vec![(I::ForWhom, text("self")), (I::SelfHarm, text("nearly_every_day"))],
            ),
            ("one who skips everything", vec![]),
        ];
        for (who, answers) in &visitors {
            let steps = walk(answers);
            assert!(steps.len() <= 12, "{who}: {} question screens to the first result", steps.len());
            for (i, &(n, total)) in steps.iter().enumerate() {
                assert_eq!(n, i + 1, "{who}: {steps:?}");
                // Unknown only on the first page, and only until the path is chosen.
                let known = i > 0 || answers.iter().any(|(item, _)| *item == I::ForWhom);
                assert_eq!(total, known.then_some(steps.len()), "{who}: the total changed: {steps:?}");
            }
        }
    }

    #[test]
    fn every_safety_and_care_item_comes_before_the_first_result() {
        use crate::screening::{care::CARE_RULES, safety::NOTICES};
        let mut read = Vec::new();
        for rule in NOTICES.iter() {
            read.extend(rule.when.references().into_iter().map(|(item, _)| item));
        }
        for rule in CARE_RULES.iter() {
            read.extend(rule.when.references().into_iter().map(|(item, _)| item));
        }
        for item in read {
            assert_eq!(item.item().part, Part::First, "{} is read by a safety or care rule", item.as_str());
        }
    }

    #[test]
    fn no_question_depends_on_an_answer_on_its_own_page() {
        for spec in questionnaire::ITEMS.iter() {
            for (named, _) in spec.show_when.references() {
                assert!(
                    named.item().page != spec.page || named.item().part != spec.part,
                    "{} is on the page of {}, which decides whether it is shown",
                    spec.id.as_str(),
                    named.as_str()
                );
            }
        }
    }

    #[test]
    fn a_sharpen_section_opens_from_the_result_and_returns_there() {
        let mut flow = Flow::new();
        flow.answer(ItemId::ForWhom, &text("self")).unwrap();
        flow.screen = Screen::Result;
        flow.sharpen(Sharpen::When);
        assert_eq!(flow.screen, Screen::Page(ItemId::Approach));
        assert_eq!(flow.progress(), (1, Some(2)));
        flow.next();
        assert_eq!(flow.screen, Screen::Page(ItemId::Times));
        assert_eq!(flow.page_items(), [ItemId::Times, ItemId::Language, ItemId::Audience]);
        flow.back();
        flow.back();
        assert_eq!(flow.screen, Screen::Result, "back from its first page is the result");
        flow.sharpen(Sharpen::When);
        flow.next();
        flow.next();
        assert_eq!(flow.screen, Screen::Result, "its last page leads back to the result");
        // Only the items its path asks: BARC-10 after a stage of change that calls for it.
        flow.sharpen(Sharpen::Ready);
        assert_eq!(flow.pages_of(Part::Sharpen(Sharpen::Ready)).len(), 1);
        flow.answer(ItemId::Stage, &text("maintaining")).unwrap();
        assert_eq!(flow.pages_of(Part::Sharpen(Sharpen::Ready)).len(), 2);
    }

    #[test]
    fn a_walk_through_the_loved_one_path() {
        let mut flow = Flow::new();
        flow.next();
        assert_eq!(flow.screen, Screen::Page(ItemId::ForWhom));
        flow.answer(ItemId::ForWhom, &text("loved_one")).unwrap();
        let mut seen = Vec::new();
        while let Screen::Page(first) = flow.screen {
            seen.push(first);
            assert_eq!(flow.on_last_page(), seen.len() == flow.pages().len(), "only the last page leads to the result");
            flow.next();
        }
        assert_eq!(flow.screen, Screen::Result);
        // The visitor's own thoughts of self-harm are asked on this path too (screening.md v3),
        // on the page with what would help them.
        assert!(seen.contains(&ItemId::LoDanger) && seen.contains(&ItemId::SelfHarm));
        assert!(!seen.contains(&ItemId::Gad2_1) && !seen.contains(&ItemId::HarmOthers));
        let (current, total) = flow.progress();
        assert_eq!(Some(current), total);
        flow.back();
        assert_eq!(flow.screen, Screen::Page(*seen.last().unwrap()));
    }

    #[test]
    fn back_from_the_first_page_is_the_welcome() {
        let mut flow = Flow::new();
        flow.start();
        flow.back();
        assert_eq!(flow.screen, Screen::Welcome);
    }

    #[test]
    fn changing_an_earlier_answer_drops_stale_ones() {
        let mut flow = Flow::new();
        flow.answer(ItemId::Substances, &list(&["alcohol"])).unwrap();
        flow.answer(ItemId::AuditC1, &RawValue::Number(4.0)).unwrap();
        flow.answer(ItemId::Substances, &list(&["cannabis"])).unwrap();
        assert!(!flow.answers.is_answered(ItemId::AuditC1));
    }

    #[test]
    fn a_crisis_answer_raises_its_notice_at_once_and_only_once() {
        let mut flow = Flow::new();
        flow.answer(ItemId::ForWhom, &text("self")).unwrap();
        assert_eq!(flow.answer(ItemId::SelfHarm, &text("not_at_all")).unwrap(), Vec::<&str>::new());
        assert_eq!(flow.answer(ItemId::SelfHarm, &text("several_days")).unwrap(), ["crisis_988"]);
        // Still holding: not shown again.
        assert!(flow.answer(ItemId::SelfHarm, &text("nearly_every_day")).unwrap().is_empty());
        assert_eq!(flow.answer(ItemId::HarmOthers, &text("yes")).unwrap(), ["harm_others"]);
        // Stops holding, then holds again: shown again.
        assert!(flow.answer(ItemId::SelfHarm, &text("prefer_not")).unwrap().is_empty());
        assert_eq!(flow.answer(ItemId::SelfHarm, &text("several_days")).unwrap(), ["crisis_988"]);
    }

    #[test]
    fn the_loved_one_path_raises_the_emergency_and_the_hotline_at_once() {
        let mut flow = Flow::new();
        flow.answer(ItemId::ForWhom, &text("loved_one")).unwrap();
        assert_eq!(flow.answer(ItemId::LoDanger, &text("yes")).unwrap(), ["lo_emergency"]);
        assert_eq!(flow.answer(ItemId::LoSafety, &text("yes")).unwrap(), ["domestic_violence"]);
        // Answers that raise nothing at once: the substances, even opioids (naloxone waits for the result).
        assert!(flow.answer(ItemId::Substances, &list(&["opioids"])).unwrap().is_empty());
    }

    /// screening.md v3: the loved-one path always offers the visitor the self-harm question
    /// (v2 asked it only after a positive PHQ-2, so a visitor with low mood answers below the
    /// cut-off was never asked).
    #[test]
    fn the_loved_one_path_always_asks_the_visitor_about_self_harm() {
        let mut flow = Flow::new();
        flow.answer(ItemId::ForWhom, &text("loved_one")).unwrap();
        let asked = |flow: &Flow| flow.pages().into_iter().flatten().any(|i| i == ItemId::SelfHarm);
        assert!(asked(&flow), "asked before any mood answer");
        flow.answer(ItemId::Phq2_1, &RawValue::Number(0.0)).unwrap();
        flow.answer(ItemId::Phq2_2, &RawValue::Number(0.0)).unwrap();
        assert!(asked(&flow), "asked whatever the mood answers");
        // Right after the mood page, before the substances, with what would help the visitor.
        let pages = flow.pages();
        let mood = pages.iter().position(|p| p[0] == ItemId::Phq2_1).unwrap();
        assert_eq!(pages[mood + 1], [ItemId::SelfHarm, ItemId::LoWants]);
        assert_eq!(flow.answer(ItemId::SelfHarm, &text("several_days")).unwrap(), ["crisis_988"]);
    }

    #[test]
    fn every_safety_item_comes_before_the_substances() {
        let mut own = Flow::new();
        own.answer(ItemId::ForWhom, &text("self")).unwrap();
        let order: Vec<ItemId> = own.pages().into_iter().flatten().collect();
        let at = |item| order.iter().position(|i| *i == item).unwrap();
        assert!(at(ItemId::SelfHarm) < at(ItemId::Substances) && at(ItemId::HarmOthers) < at(ItemId::Substances));
        assert!(at(ItemId::OwnSafety) < at(ItemId::Substances), "safety at home is asked early on the own path too");
        let mut loved = Flow::new();
        loved.answer(ItemId::ForWhom, &text("loved_one")).unwrap();
        let order: Vec<ItemId> = loved.pages().into_iter().flatten().collect();
        let at = |item| order.iter().position(|i| *i == item).unwrap();
        assert!(at(ItemId::LoDanger) < at(ItemId::Substances) && at(ItemId::LoSafety) < at(ItemId::Substances));
    }

    #[test]
    fn start_over_forgets_everything() {
        let mut flow = Flow::new();
        flow.answer(ItemId::SelfHarm, &text("several_days")).unwrap();
        flow.screen = Screen::Result;
        flow.start_over();
        assert_eq!(flow.answers.n_answered(), 0);
        assert_eq!(flow.screen, Screen::Welcome);
    }

    #[test]
    fn every_item_is_on_some_page_of_its_path() {
        let mut own = Flow::new();
        own.answer(ItemId::Substances, &list(&["alcohol", "opioids", "stimulants", "cannabis", "sedatives", "other"]))
            .unwrap();
        own.answer(ItemId::Stage, &text("changing")).unwrap();
        let mut loved = Flow::new();
        loved.answer(ItemId::ForWhom, &text("loved_one")).unwrap();
        loved.answer(ItemId::Phq2_1, &RawValue::Number(3.0)).unwrap();
        let mut on_pages: Vec<ItemId> = own.pages().into_iter().chain(loved.pages()).flatten().collect();
        for section in Sharpen::ALL {
            on_pages.extend(own.pages_of(Part::Sharpen(section)).into_iter().flatten());
        }
        for item in ItemId::ALL.iter().copied() {
            assert!(on_pages.contains(&item), "{} is never asked", item.as_str());
        }
    }
}
