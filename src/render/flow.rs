//! The visitor's way through the widget: welcome, question pages, review, result. Plain Rust,
//! no web types, so the navigation rules are tested natively; `render` draws whatever screen
//! this says.

use crate::screening::answers::{AnswerError, Answers, RawValue};
use crate::screening::items::ItemId;
use crate::screening::questionnaire;
use crate::screening::safety;
use crate::support::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    /// A page of questions, named by its first item (stable when later pages come and go).
    Page(ItemId),
    Review,
    Result,
}

#[derive(Clone, Debug)]
pub struct Flow {
    pub answers: Answers,
    pub screen: Screen,
    /// The visitor came to this page from the review, so "continue" goes back there.
    pub from_review: bool,
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
        Flow { answers: Answers::new(), screen: Screen::Welcome, from_review: false, raised: Vec::new() }
    }

    /// The pages shown for the answers so far: shown items in order, consecutive items of one
    /// named group sharing a page.
    pub fn pages(&self) -> Vec<Vec<ItemId>> {
        let mut pages: Vec<Vec<ItemId>> = Vec::new();
        for item in questionnaire::shown_items(&self.answers) {
            let spec = item.item();
            let joins = spec.group.is_some()
                && pages.last().and_then(|page| page.last()).is_some_and(|last| last.item().group == spec.group);
            match pages.last_mut() {
                Some(page) if joins => page.push(item),
                _ => pages.push(vec![item]),
            }
        }
        pages
    }

    /// The items of the current page (empty off the question pages).
    pub fn page_items(&self) -> Vec<ItemId> {
        match self.screen {
            Screen::Page(first) => self.pages().iter().find(|p| p.first() == Some(&first)).cloned().unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// 1-based number of the current page and the number of pages shown now (the count can
    /// change as answers open or close later questions).
    pub fn progress(&self) -> (usize, usize) {
        let pages = self.pages();
        let current = match self.screen {
            Screen::Page(first) => pages.iter().position(|p| p.first() == Some(&first)).map_or(0, |i| i + 1),
            Screen::Welcome => 0,
            Screen::Review | Screen::Result => pages.len(),
        };
        (current, pages.len())
    }

    pub fn start(&mut self) {
        self.from_review = false;
        self.screen = self.pages().first().and_then(|p| p.first().copied()).map_or(Screen::Review, Screen::Page);
    }

    /// Records one answer (`null` or `prefer_not` clears it) and drops answers to questions no
    /// longer asked. Returns the ids of the notices this answer raised that must be shown at
    /// once, before Next (a crisis answer): usually none.
    pub fn answer(&mut self, item: ItemId, value: &RawValue) -> Result<Vec<&'static str>, AnswerError> {
        self.answers.set(item, value)?;
        questionnaire::retain_shown(&mut self.answers);
        let holding: Vec<&'static str> = safety::at_once(&self.answers).map(|rule| rule.id).collect();
        let raised = holding.iter().filter(|id| !self.raised.contains(id)).copied().collect();
        self.raised = holding;
        Ok(raised)
    }

    /// Forward: the next page, or the review after the last page (or straight back to the
    /// review when the visitor came from there).
    pub fn next(&mut self) {
        self.screen = match self.screen {
            Screen::Welcome => {
                self.start();
                return;
            }
            Screen::Page(_) if self.from_review => Screen::Review,
            Screen::Page(first) => {
                let pages = self.pages();
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
                after.and_then(|p| p.first().copied()).map_or(Screen::Review, Screen::Page)
            }
            Screen::Review => Screen::Result,
            Screen::Result => Screen::Result,
        };
        if self.screen == Screen::Review {
            self.from_review = false;
        }
    }

    /// Back: the previous page, the welcome before the first, the last page from the review.
    pub fn back(&mut self) {
        let pages = self.pages();
        self.from_review = false;
        self.screen = match self.screen {
            Screen::Welcome => Screen::Welcome,
            Screen::Page(first) => {
                let index = pages.iter().position(|p| p.first() == Some(&first)).unwrap_or(0);
                match index.checked_sub(1).and_then(|i| pages.get(i)) {
                    Some(page) => page.first().copied().map_or(Screen::Welcome, Screen::Page),
                    None => Screen::Welcome,
                }
            }
            Screen::Review => pages.last().and_then(|p| p.first().copied()).map_or(Screen::Welcome, Screen::Page),
            Screen::Result => Screen::Review,
        };
    }

    /// From the review, change the answer to `item`: open its page, coming back after.
    pub fn change(&mut self, item: ItemId) {
        if let Some(&first) = self.pages().iter().find(|p| p.contains(&item)).and_then(|p| p.first()) {
            self.screen = Screen::Page(first);
            self.from_review = true;
        }
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
        let auditc = pages.iter().find(|p| p[0] == ItemId::AuditC1).unwrap();
        assert_eq!(auditc, &[ItemId::AuditC1, ItemId::AuditC2, ItemId::AuditC3]);
        // Opioids were not chosen, so stimulants starts the frequency page.
        let freq = pages.iter().find(|p| p[0] == ItemId::UseFreqStimulants).unwrap();
        assert_eq!(freq, &[ItemId::UseFreqStimulants, ItemId::UseFreqCannabis]);
        let mood = pages.iter().find(|p| p[0] == ItemId::Phq2_1).unwrap();
        assert_eq!(mood.len(), 4);
        let dependence = pages.iter().find(|p| p[0] == ItemId::DepControl).unwrap();
        assert_eq!(dependence.len(), 4);
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
            flow.next();
        }
        assert_eq!(flow.screen, Screen::Review);
        assert!(seen.contains(&ItemId::LoDanger) && seen.contains(&ItemId::LoWants));
        assert!(!seen.contains(&ItemId::SelfHarm) && !seen.contains(&ItemId::Gad2_1));
        let (current, total) = flow.progress();
        assert_eq!(current, total);
        flow.next();
        assert_eq!(flow.screen, Screen::Result);
        flow.back();
        assert_eq!(flow.screen, Screen::Review);
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
    fn changing_an_answer_from_the_review_returns_there() {
        let mut flow = Flow::new();
        flow.answer(ItemId::Substances, &list(&["alcohol"])).unwrap();
        flow.screen = Screen::Review;
        flow.change(ItemId::AuditC2);
        assert_eq!(flow.screen, Screen::Page(ItemId::AuditC1));
        flow.next();
        assert_eq!(flow.screen, Screen::Review);
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

    #[test]
    fn the_loved_one_path_asks_the_visitor_about_self_harm_after_a_positive_phq2() {
        let mut flow = Flow::new();
        flow.answer(ItemId::ForWhom, &text("loved_one")).unwrap();
        let asked = |flow: &Flow| flow.pages().into_iter().flatten().any(|i| i == ItemId::SelfHarm);
        assert!(!asked(&flow));
        flow.answer(ItemId::Phq2_1, &RawValue::Number(1.0)).unwrap();
        flow.answer(ItemId::Phq2_2, &RawValue::Number(1.0)).unwrap();
        assert!(!asked(&flow), "PHQ-2 of 2 is below the cut-off");
        flow.answer(ItemId::Phq2_2, &RawValue::Number(2.0)).unwrap();
        assert!(asked(&flow), "PHQ-2 of 3 is positive");
        // Right after the mood page, before the substances.
        let pages = flow.pages();
        let mood = pages.iter().position(|p| p[0] == ItemId::Phq2_1).unwrap();
        assert_eq!(pages[mood + 1], [ItemId::SelfHarm]);
        assert_eq!(flow.answer(ItemId::SelfHarm, &text("several_days")).unwrap(), ["crisis_988"]);
    }

    #[test]
    fn every_safety_item_comes_before_the_substances() {
        let mut own = Flow::new();
        own.answer(ItemId::ForWhom, &text("self")).unwrap();
        let order: Vec<ItemId> = own.pages().into_iter().flatten().collect();
        let at = |item| order.iter().position(|i| *i == item).unwrap();
        assert!(at(ItemId::SelfHarm) < at(ItemId::Substances) && at(ItemId::HarmOthers) < at(ItemId::Substances));
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
        let on_pages: Vec<ItemId> = own.pages().into_iter().chain(loved.pages()).flatten().collect();
        for item in ItemId::ALL.iter().copied() {
            assert!(on_pages.contains(&item), "{} is never asked", item.as_str());
        }
    }
}
