//! The "save a copy" file: the result as plain text in the visitor's language. Plain text can
//! be opened anywhere and cannot run anything.

use crate::center::finder::LocalMatch;
use crate::center::options::Options;
use crate::evaluate::{Evaluation, NextStep};
use crate::screening::result::{Contact, Suggestion};
use crate::strings::{fill, Lang};
use crate::support::prelude::*;

/// What a copy is made for: the visitor's language, the center, the day it is saved, and
/// whether it keeps the safety section (a visitor whom someone may check chooses a copy
/// without it: screening.md v3, "Copies that could be found").
pub struct Copy<'a> {
    pub lang: Lang,
    pub options: &'a Options,
    pub date: &'a str,
    pub with_safety: bool,
}

impl Copy<'_> {
    /// The result as text: the next steps, the safety notices, the care level, the groups and
    /// care options, and the center's programs and the meetings that fit, each with when it
    /// meets (`when` writes its lines: the next time in full, with its zone, and its weekly
    /// times) and who runs or lists it, then the center's contact. Each phone and link is
    /// written once, as people write them; a program or meeting in the next steps is not listed
    /// again (quality.md v3, "A saved copy that keeps").
    pub fn result_text(&self, result: &Evaluation, when: &dyn Fn(&LocalMatch) -> Vec<String>) -> String {
        let lang = self.lang;
        let mut out = String::new();
        let mut written: Vec<String> = Vec::new();
        let mut line = |text: &str| {
            out.push_str(text);
            out.push('\n');
        };
        // A contact or link, when not written already.
        let mut once = |target: &str| {
            let new = !written.iter().any(|w| w == target);
            if new {
                written.push(target.to_string());
            }
            new
        };
        let center = self.options.center.name.as_deref().unwrap_or("");
        // A program or meeting: its name, then when it next meets, where, and how to reach it.
        let local = |m: &LocalMatch, line: &mut dyn FnMut(&str), once: &mut dyn FnMut(&str) -> bool| {
            let r = &m.resource;
            line(&["* ", r.name_in(lang.as_str())].concat());
            // Its own programs say so; what the center only lists says that instead.
            let label = match (r.program, r.center) {
                (true, _) => Some(lang.text("ui.local.run_by")),
                (false, true) => Some(lang.text("ui.local.listed_by")),
                (false, false) => None,
            };
            if let Some(label) = label {
                line(&["  ", &fill(label, &[("center", center)])].concat());
            }
            for fact in when(m).iter().map(String::as_str).chain(r.address.as_deref()) {
                line(&["  ", fact].concat());
            }
            if let Some(url) = r.url.as_deref().filter(|url| once(url)) {
                line(&["  ", url].concat());
            }
            let tel = r.phone.as_deref().and_then(crate::support::phone::tel_number);
            if let Some(phone) = r.phone.as_deref().filter(|_| tel.is_some_and(|tel| once(&["tel:", &tel].concat()))) {
                line(&["  ", phone].concat());
            }
        };
        line(lang.text("ui.file.title"));
        line(&fill(lang.text("ui.file.date"), &[("date", self.date)]));
        line("");
        line(&["== ", lang.text("ui.next.title"), " =="].concat());
        for step in &result.next_steps {
            match *step {
                NextStep::Safety(_) if !self.with_safety => {}
                NextStep::Safety(i) => {
                    let notice = &result.urgent[i];
                    line(&["* ", notice.title].concat());
                    if let Some(contact) = notice.contacts.first().filter(|c| once(&c.href().unwrap_or_default())) {
                        line(&["  ", &self.contact_text(contact)].concat());
                    }
                }
                NextStep::Program(i) | NextStep::Meeting(i) => local(&result.local[i], &mut line, &mut once),
                NextStep::CallCenter => {
                    line(&["* ", &fill(lang.text("ui.next.call"), &[("center", center)])].concat());
                    for contact in result.contacts.iter().filter(|c| once(&c.href().unwrap_or_default())) {
                        line(&["  ", &self.contact_text(contact)].concat());
                    }
                }
                NextStep::Group(i) => {
                    let group = &result.groups[i];
                    line(&["* ", group.name].concat());
                    if let Some(link) = group.find.first().filter(|l| once(l.url)) {
                        line(&["  ", link.label, ": ", link.url].concat());
                    }
                }
            }
        }
        line("");
        for notice in result.urgent.iter().filter(|_| self.with_safety) {
            line(&["!! ", notice.title].concat());
            line(notice.text);
            for (n, step) in notice.steps.iter().enumerate() {
                line(&["   ", &crate::support::numtext::int(n as i64 + 1), ". ", step].concat());
            }
            for contact in notice.contacts.iter().filter(|c| once(&c.href().unwrap_or_default())) {
                line(&["   ", &self.contact_text(contact)].concat());
            }
            line("");
        }
        line(&["== ", result.care.title, " =="].concat());
        line(result.care.text);
        for reason in &result.care.reasons {
            line(&["  - ", &reason.text].concat());
        }
        line("");
        let mut list = |title: &str, entries: &[Suggestion], line: &mut dyn FnMut(&str)| {
            line(&["== ", title, " =="].concat());
            for (n, s) in entries.iter().enumerate() {
                line(&[&crate::support::numtext::int(n as i64 + 1), ". ", s.name].concat());
                line(&["   ", s.text].concat());
                for reason in &s.reasons {
                    line(&["   - ", &reason.text].concat());
                }
                for link in s.find.iter().filter(|l| once(l.url)) {
                    line(&["   ", &link_text(link.label, link.url)].concat());
                }
            }
            line("");
        };
        list(lang.text("ui.result.groups"), &result.groups, &mut line);
        list(lang.text("ui.result.aftercare"), &result.aftercare, &mut line);
        if !result.local.is_empty() {
            let title = if center.is_empty() {
                lang.text("ui.local.title").to_string()
            } else {
                fill(lang.text("ui.local.title_center"), &[("center", center)])
            };
            line(&["== ", &title, " =="].concat());
            let in_steps = |i: usize| {
                result.next_steps.iter().any(|s| matches!(s, NextStep::Program(j) | NextStep::Meeting(j) if *j == i))
            };
            for (_, m) in result.local.iter().enumerate().filter(|(i, _)| !in_steps(*i)) {
                local(m, &mut line, &mut once);
            }
            line("");
        }
        line(result.not_diagnosis);
        if !center.is_empty() {
            line(center);
        }
        for contact in result.contacts.iter().filter(|c| once(&c.href().unwrap_or_default())) {
            line(&self.contact_text(contact));
        }
        out
    }

    /// A contact as people write it: its label, then its number as the center wrote it (its
    /// own lines), or a North American number as 1-800-662-4357 rather than +18006624357;
    /// not at all when the label already gives it ("Call the SAMHSA National Helpline
    /// (1-800-662-4357)").
    fn contact_text(&self, contact: &Contact) -> String {
        let target = contact.tel.as_deref().or(contact.sms.as_deref()).or(contact.url.as_deref()).unwrap_or("");
        let center = &self.options.center;
        let own = [&center.phone, &center.crisis_phone, &center.text]
            .into_iter()
            .flatten()
            .find(|given| contact.url.is_none() && crate::support::phone::tel_number(given).as_deref() == Some(target));
        let written = own.map_or_else(|| written_number(target), |given| given.trim().to_string());
        if contact.url.is_none() && contact.label.contains(written.as_str()) {
            return contact.label.clone();
        }
        match contact.body {
            Some(word) if !contact.label.contains(word) => {
                [contact.label.as_str(), ": ", word, " → ", &written].concat()
            }
            _ => [contact.label.as_str(), ": ", &written].concat(),
        }
    }
}

/// A catalog link as a line: its label and address, a phone as people write it, and only the
/// label when it already gives the number.
fn link_text(label: &str, url: &str) -> String {
    let Some(number) = url.strip_prefix("tel:") else { return [label, ": ", url].concat() };
    let written = written_number(number);
    if label.contains(written.as_str()) {
        label.to_string()
    } else {
        [label, ": ", &written].concat()
    }
}

/// `+15550100100` as `1-555-010-0100`; other numbers as they are.
fn written_number(target: &str) -> String {
    let digits = target.strip_prefix("+1").filter(|d| d.len() == 10 && d.bytes().all(|b| b.is_ascii_digit()));
    match digits {
        Some(d) => ["1-", &d[..3], "-", &d[3..6], "-", &d[6..]].concat(),
        None => target.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::evaluate;
    use crate::screening::answers::{Answers, RawValue};
    use crate::screening::items::ItemId;

    fn copy(options: &Options) -> Copy<'_> {
        Copy { lang: Lang::english(), options, date: "1/2/2026", with_safety: true }
    }

    #[test]
    fn the_copy_holds_the_result_in_order() {
        let mut answers = Answers::new();
        answers.set(ItemId::SelfHarm, &RawValue::String("several_days".into())).unwrap();
        answers.set(ItemId::Approach, &RawValue::String("secular".into())).unwrap();
        let options = Options::default();
        let result = evaluate(&answers, &options);
        let text = copy(&options).result_text(&result, &|_| Vec::new());
        // The next steps first (the crisis line among them), then the notice in full, the care
        // level and the groups.
        let steps = text.find("== Your next steps ==").unwrap();
        let crisis = text.rfind(result.urgent[0].title).unwrap();
        let care = text.find(result.care.title).unwrap();
        let smart = care + text[care..].find("SMART Recovery").unwrap();
        assert!(steps < text.find(result.urgent[0].title).unwrap() && crisis < care && care < smart, "{text}");
        assert!(text.contains("not a diagnosis"));
        assert!(text.contains("1/2/2026"));
        assert!(text.contains("988"));
    }

    #[test]
    fn the_copy_keeps_a_notices_steps() {
        let mut answers = Answers::new();
        answers.set(ItemId::ForWhom, &RawValue::String("loved_one".into())).unwrap();
        answers.set(ItemId::LoDanger, &RawValue::String("yes".into())).unwrap();
        let options = Options::default();
        let text = copy(&options).result_text(&evaluate(&answers, &options), &|_| Vec::new());
        assert!(text.contains("   1. Call 911."), "{text}");
        assert!(text.contains("   5. "), "{text}");
    }

    #[test]
    fn the_copy_holds_the_next_steps_and_the_programs_and_meetings_with_times() {
        use crate::center::options::{Now, RawOptions};
        let config = r#"{"config": {"center": {"name": "Harbor", "phone": "555-0100"}, "resources": [
            {"id": "smart", "name": "Harbor SMART night", "kind": "smart_recovery", "address": "1 Pier St",
             "schedule": [{"day": 2, "start": "19:00"}], "center_program": true},
            {"id": "aa", "name": "Pier AA", "kind": "twelve_step", "schedule": [{"day": 3, "start": "07:00"}]}]}}"#;
        let mut options = Options::from_raw(RawOptions::from_json(&serde_json::from_str(config).unwrap()).unwrap());
        options.now = Some(Now { day: 2, minutes: 18 * 60 });
        let mut answers = Answers::new();
        answers.set(ItemId::Substances, &RawValue::Array(vec![RawValue::String("alcohol".into())])).unwrap();
        answers.set(ItemId::Goal, &RawValue::String("stop".into())).unwrap();
        let result = evaluate(&answers, &options);
        let when = |m: &LocalMatch| {
            m.next
                .map(|n| ["in ", &crate::support::numtext::int(n.in_minutes.into()), " minutes"].concat())
                .into_iter()
                .collect()
        };
        let text = copy(&options).result_text(&result, &when);
        let steps = text.find("== Your next steps ==").unwrap();
        let program = text.find("* Harbor SMART night\n  Run by Harbor\n  in 60 minutes\n  1 Pier St").unwrap();
        assert!(steps < program, "{text}");
        assert!(text.contains("* Pier AA\n  Listed by Harbor\n  in 780 minutes"), "{text}");
        assert_eq!(
            text.matches("* Harbor SMART night").count(),
            1,
            "the next step's program is not listed twice: {text}"
        );
        assert!(text.contains("== At Harbor and near you =="), "{text}");
    }

    /// screening.md v3, "Copies that could be found": on the domestic-violence path the visitor
    /// may keep a copy without the safety section; the hotline is then nowhere in it. Each
    /// phone is written once either way.
    #[test]
    fn a_copy_without_the_safety_section_holds_no_hotline() {
        let mut answers = Answers::new();
        answers.set(ItemId::OwnSafety, &RawValue::String("yes".into())).unwrap();
        answers.set(ItemId::Substances, &RawValue::Array(vec![RawValue::String("opioids".into())])).unwrap();
        let mut options = Options::default();
        options.center.name = Some("Harbor".into());
        options.center.phone = Some("555-0100".into());
        let result = evaluate(&answers, &options);
        let whole = copy(&options).result_text(&result, &|_| Vec::new());
        assert!(whole.contains("7233") && whole.contains("88788"), "{whole}");
        assert_eq!(whole.matches("662-4357").count(), 1, "the helpline once, as people write it: {whole}");
        assert_eq!(whole.matches("555-0100").count(), 1, "the center's line once, as it wrote it: {whole}");
        assert!(!whole.contains("+1800"), "{whole}");
        let plain = Copy { with_safety: false, ..copy(&options) }.result_text(&result, &|_| Vec::new());
        for hotline in ["7233", "88788", result.urgent[0].title] {
            assert!(!plain.contains(hotline), "{hotline} in {plain}");
        }
        assert!(plain.contains(result.care.title) && plain.contains("555-0100"), "{plain}");
    }

    /// Issue 25: every phone in a copy reads as people write it, never as `+18006624357`; a
    /// label that already gives its number is not followed by it again.
    #[test]
    fn no_phone_in_a_copy_is_written_as_a_phone_dials_it() {
        let visitors: [&[(ItemId, &str)]; 3] = [
            &[(ItemId::Substances, "opioids"), (ItemId::Medication, "interested")],
            &[(ItemId::Substances, "alcohol"), (ItemId::SelfHarm, "several_days")],
            &[(ItemId::ForWhom, "loved_one"), (ItemId::LoDanger, "yes")],
        ];
        for answers_given in visitors {
            let mut answers = Answers::new();
            for (item, value) in answers_given {
                let value = if *item == ItemId::Substances {
                    RawValue::Array(vec![RawValue::String((*value).into())])
                } else {
                    RawValue::String((*value).into())
                };
                answers.set(*item, &value).unwrap();
            }
            let options = Options::default();
            let text = copy(&options).result_text(&evaluate(&answers, &options), &|_| Vec::new());
            let dialled =
                text.split(|c: char| !(c == '+' || c.is_ascii_digit())).find(|w| w.len() >= 11 && w.starts_with('+'));
            assert_eq!(dialled, None, "{text}");
            for line in text.lines() {
                assert!(line.matches("662-4357").count() <= 1, "{line}");
            }
        }
    }
}
