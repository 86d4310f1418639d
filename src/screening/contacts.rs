//! Who a visitor can reach: the crisis and help lines the safety rules name, and the center
//! (`Center`, from its config), each as a call, a text or a page.

use super::result::Contact;
use super::safety::ContactKind;
use crate::strings::{fill, Lang};
use crate::support::phone::tel_number;
use crate::support::prelude::*;

/// SAMHSA's National Helpline, in `tel:` form.
const HELPLINE_TEL: &str = "+18006624357";
/// The National Domestic Violence Hotline: 1-800-799-7233, or text START to 88788.
const DV_HOTLINE_TEL: &str = "+18007997233";
const DV_HOTLINE_SMS: &str = "88788";
/// Childhelp National Child Abuse Hotline: 1-800-422-4453.
const CHILDHELP_TEL: &str = "+18004224453";
/// love is respect: text LOVEIS to 22522.
const LOVE_IS_RESPECT_SMS: &str = "22522";

/// The center's contact details, as given in its config.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Center {
    pub name: Option<String>,
    /// Admissions phone.
    pub phone: Option<String>,
    /// SMS line.
    pub text: Option<String>,
    pub crisis_phone: Option<String>,
    pub url: Option<String>,
    pub hours: Option<String>,
    /// The IANA time zone of the schedules in its config (`America/Los_Angeles`).
    pub timezone: Option<String>,
}

/// A contact of a safety notice in one language; `None` for the center's line when it has no
/// usable phone.
pub fn contact(lang: Lang, kind: ContactKind, center: &Center) -> Option<Contact> {
    match kind {
        ContactKind::Call988 => Some(Contact::tel(lang.text("c.call_988"), "988")),
        ContactKind::Text988 => {
            let mut contact = Contact::sms(lang.text("c.text_988"), "988");
            // The text's first word, where a language has one: 988 answers AYUDA in Spanish
            // (988lifeline.org).
            contact.body = lang.lookup("c.text_988_body");
            Some(contact)
        }
        ContactKind::Call911 => Some(Contact::tel(lang.text("c.call_911"), "911")),
        ContactKind::Helpline => Some(Contact::tel(lang.text("c.helpline"), HELPLINE_TEL)),
        ContactKind::DvCall => Some(Contact::tel(lang.text("c.dv_call"), DV_HOTLINE_TEL)),
        ContactKind::DvText => {
            let mut contact = Contact::sms(lang.text("c.dv_text"), DV_HOTLINE_SMS);
            contact.body = Some("START");
            Some(contact)
        }
        ContactKind::Childhelp => Some(Contact::tel(lang.text("c.childhelp"), CHILDHELP_TEL)),
        ContactKind::LoveIsRespect => {
            let mut contact = Contact::sms(lang.text("c.love_is_respect"), LOVE_IS_RESPECT_SMS);
            contact.body = Some("LOVEIS");
            Some(contact)
        }
        ContactKind::Center | ContactKind::CenterLine => {
            let name = center.name.as_deref().unwrap_or("");
            let crisis = center.crisis_phone.as_ref().map(|phone| (lang.text("c.center_crisis"), phone));
            let admissions = center.phone.as_ref().map(|phone| (lang.text("c.center_phone"), phone));
            // Beside a crisis the crisis line comes first; beside a question of care, the
            // admissions line.
            let (label, number) =
                if kind == ContactKind::Center { crisis.or(admissions)? } else { admissions.or(crisis)? };
            Some(Contact::tel(fill(label, &[("center", name)]), tel_number(number)?))
        }
    }
}

/// How to reach the center: its phone, text line and contact page, each when configured and
/// usable; without a configured phone, the national helpline.
pub fn center_contacts(lang: Lang, center: &Center) -> Vec<Contact> {
    let name = center.name.as_deref().unwrap_or("");
    let label = |template: &str| fill(template, &[("center", name)]);
    let mut contacts = Vec::new();
    if let Some(number) = center.phone.as_deref().and_then(tel_number) {
        contacts.push(Contact::tel(label(lang.text("c.center_phone")), number));
    }
    if let Some(number) = center.text.as_deref().and_then(tel_number) {
        contacts.push(Contact::sms(label(lang.text("c.center_text")), number));
    }
    if let Some(url) = center.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
        contacts.push(Contact::url(label(lang.text("c.center_url")), url));
    }
    if contacts.is_empty() {
        contacts.push(Contact::tel(lang.text("c.helpline"), HELPLINE_TEL));
    }
    contacts
}
