//! The "save a copy" file: the result as plain text in the visitor's language. Plain text can
//! be opened anywhere and cannot run anything.

use crate::center::options::Options;
use crate::evaluate::Evaluation;
use crate::screening::result::{Contact, Suggestion};
use crate::strings::{fill, text, Lang};
use crate::support::prelude::*;

pub fn result_text(result: &Evaluation, lang: Lang, options: &Options, date: &str) -> String {
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    line(text!(lang, "ui.file.title"));
    line(&fill(text!(lang, "ui.file.date"), &[("date", date)]));
    line("");
    for notice in &result.urgent {
        line(&["!! ", notice.title].concat());
        line(notice.text);
        for (n, step) in notice.steps.iter().enumerate() {
            line(&["   ", &crate::support::numtext::int(n as i64 + 1), ". ", step].concat());
        }
        for contact in &notice.contacts {
            line(&["   ", &contact_text(contact)].concat());
        }
        line("");
    }
    line(&["== ", result.care.title, " =="].concat());
    line(result.care.text);
    for reason in &result.care.reasons {
        line(&["  - ", &reason.text].concat());
    }
    line("");
    let mut list = |title: &str, entries: &[Suggestion]| {
        line(&["== ", title, " =="].concat());
        for (n, s) in entries.iter().enumerate() {
            line(&[&crate::support::numtext::int(n as i64 + 1), ". ", s.name].concat());
            line(&["   ", s.text].concat());
            for reason in &s.reasons {
                line(&["   - ", &reason.text].concat());
            }
            for link in &s.find {
                line(&["   ", link.label, ": ", link.url.strip_prefix("tel:").unwrap_or(link.url)].concat());
            }
        }
        line("");
    };
    list(text!(lang, "ui.result.groups"), &result.groups);
    list(text!(lang, "ui.result.aftercare"), &result.aftercare);
    line(result.not_diagnosis);
    if let Some(name) = options.center.name.as_deref() {
        line(name);
    }
    for contact in &result.contacts {
        line(&contact_text(contact));
    }
    out
}

fn contact_text(contact: &Contact) -> String {
    let target = contact.tel.as_deref().or(contact.sms.as_deref()).or(contact.url.as_deref()).unwrap_or("");
    [contact.label.as_str(), ": ", target].concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::evaluate;
    use crate::screening::answers::{Answers, RawValue};
    use crate::screening::items::ItemId;

    #[test]
    fn the_copy_holds_the_result_in_order() {
        let mut answers = Answers::new();
        answers.set(ItemId::SelfHarm, &RawValue::String("several_days".into())).unwrap();
        answers.set(ItemId::Approach, &RawValue::String("secular".into())).unwrap();
        let options = Options::default();
        let result = evaluate(&answers, &options);
        let text = result_text(&result, Lang::En, &options, "1/2/2026");
        let crisis = text.find(result.urgent[0].title).unwrap();
        let care = text.find(result.care.title).unwrap();
        let smart = text.find("SMART Recovery").unwrap();
        assert!(crisis < care && care < smart);
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
        let text = result_text(&evaluate(&answers, &options), Lang::En, &options, "1/2/2026");
        assert!(text.contains("   1. Call 911."), "{text}");
        assert!(text.contains("   5. "), "{text}");
    }
}
