//! Meeting Guide feeds (the public JSON format of 12-step meeting lists, code4recovery/spec):
//! each meeting becomes a resource of kind `twelve_step`, or `online_meetings` when it meets
//! online only. Type codes map to format, language, audience, approach and wheelchair access;
//! unknown codes are kept, never errors. Meetings whose location is temporarily closed (`TC`)
//! are skipped unless they also meet online. Feeds carry many other fields (region, group,
//! notes, ...); those are ignored without a warning.

use super::checker::{parse_time, Checker, Ids};
use super::problem::{At, Expected, ProblemKind};
use super::resource::{Format, Resource, Slot};
use crate::support::json::Json;
use crate::support::numtext::{fixed, number};
use crate::support::prelude::*;

/// Type codes that name a meeting's language, with the BCP 47 tag.
const LANGUAGE_CODES: [(&str, &str); 28] = [
    ("AM", "am"),
    ("ASL", "ase"),
    ("DA", "da"),
    ("DE", "de"),
    ("EL", "el"),
    ("EN", "en"),
    ("FA", "fa"),
    ("FR", "fr"),
    ("HE", "he"),
    ("HI", "hi"),
    ("HR", "hr"),
    ("HU", "hu"),
    ("ITA", "it"),
    ("JA", "ja"),
    ("KOR", "ko"),
    ("LT", "lt"),
    ("ML", "ml"),
    ("NO", "no"),
    ("POL", "pl"),
    ("POR", "pt"),
    ("PUN", "pa"),
    ("RUS", "ru"),
    ("S", "es"),
    ("SK", "sk"),
    ("SV", "sv"),
    ("TH", "th"),
    ("TL", "tl"),
    ("UK", "uk"),
];

/// Type codes that name who a meeting is for, with the config's audience value.
const AUDIENCE_CODES: [(&str, &str); 9] = [
    ("W", "women"),
    ("M", "men"),
    ("LGBTQ", "lgbtq"),
    ("G", "lgbtq"),
    ("L", "lgbtq"),
    ("BI", "lgbtq"),
    ("T", "lgbtq"),
    ("NB", "lgbtq"),
    ("Y", "young_adults"),
];

/// One meeting as a resource, or `None` (with the reasons reported) when it cannot be shown.
pub(super) fn read_meeting(meeting: &Json, path: At, seen: &mut Ids, c: &mut Checker) -> Option<Resource> {
    if !matches!(meeting, Json::Object(_)) {
        c.wrong_type(path, Expected::Meeting, meeting);
        return None;
    }
    let name = c.required_text(meeting, "name", path);
    let slug = match meeting.get("slug") {
        Some(Json::Number(n)) if crate::support::num::fract(*n) == 0.0 => Some(fixed(*n, 0)),
        _ => c.required_text(meeting, "slug", path),
    };
    let types: Vec<String> =
        c.list(meeting, "types", path).iter().filter_map(Json::as_str).map(str::to_string).collect();
    let has = |code: &str| types.iter().any(|t| t == code);

    let mut schedule = Vec::new();
    let mut time = |key: &str| match meeting.get(key) {
        Some(Json::String(t)) => parse_time(t).or_else(|| {
            c.error(path.key(key), ProblemKind::NotATime { value: t.clone() });
            None
        }),
        Some(Json::Null) | None => None,
        Some(other) => {
            c.wrong_type(path.key(key), Expected::Time, other);
            None
        }
    };
    let start = time("time");
    let end = time("end_time");
    let day_at = path.key("day");
    let mut days: Vec<(Option<usize>, &Json)> = Vec::new();
    match meeting.get("day") {
        Some(Json::Array(list)) => {
            for (i, day) in list.iter().enumerate() {
                days.push((Some(i), day));
            }
        }
        Some(Json::Null) | None => {}
        Some(day) => days.push((None, day)),
    }
    for (i, day) in days {
        match day {
            Json::Number(n) if crate::support::num::fract(*n) == 0.0 && (0.0..=6.0).contains(n) => {
                if let Some(start) = start {
                    schedule.push(Slot { day: *n as u8, start, end });
                }
            }
            other => {
                let at = match i {
                    Some(i) => day_at.index(i),
                    None => day_at,
                };
                c.error(at, ProblemKind::NotADay { value: describe(other) });
            }
        }
    }

    let conference_url = match c.text(meeting, "conference_url", path) {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => Some(url),
        Some(url) => {
            c.error(path.key("conference_url"), ProblemKind::NotWebLink { value: url });
            None
        }
        None => None,
    };
    let conference_phone = c.text(meeting, "conference_phone", path);
    let approximate = matches!(meeting.get("approximate"), Some(Json::String(s)) if s == "yes")
        || matches!(meeting.get("approximate"), Some(Json::Bool(true)));
    let address = c.text(meeting, "formatted_address", path).or_else(|| {
        let street = c.text(meeting, "address", path)?;
        Some(match c.text(meeting, "city", path) {
            Some(city) => [street.as_str(), ", ", city.as_str()].concat(),
            None => street,
        })
    });
    let online = has("ONL") || conference_url.is_some() || conference_phone.is_some();
    let in_person = address.is_some() && !approximate && !has("TC");
    if has("TC") && !online {
        return None; // The location is closed for now and there is no online option.
    }
    let format = match (in_person, online) {
        (true, true) => Format::Hybrid,
        (false, true) => Format::Online,
        _ => Format::InPerson,
    };
    // A number, or a string that reads as one (feeds write both), within the limit.
    let coordinate = |c: &mut Checker, key: &str, limit: f64| {
        let given = meeting.get(key)?;
        let value = match given {
            Json::Null => return None,
            Json::Number(n) => Some(*n),
            Json::String(s) => number(s.trim_ascii()),
            _ => None,
        };
        let value = value.filter(|n| n.abs() <= limit);
        if value.is_none() {
            c.error(path.key(key), ProblemKind::OutOfRange { value: describe(given), min: -limit, max: limit });
        }
        value
    };
    let lat = coordinate(c, "latitude", 90.0);
    let lon = coordinate(c, "longitude", 180.0);

    let (name, slug) = (name?, slug?);
    if super::checker::reads_as_crisis_line(&name) {
        c.error(path.key("name"), ProblemKind::ReadsAsCrisisLine { value: name, left_out: true });
        return None;
    }
    let id = ["mg-", slug.as_str()].concat();
    if !seen.insert(id.clone()) {
        c.error(path.key("slug"), ProblemKind::Duplicate { value: slug });
        return None;
    }
    let mut audience: Vec<&'static str> = Vec::new();
    for (code, value) in AUDIENCE_CODES {
        if has(code) && !audience.contains(&value) {
            audience.push(value);
        }
    }
    let languages = LANGUAGE_CODES.iter().filter(|(code, _)| has(code)).map(|(_, tag)| tag.to_string()).collect();
    Some(Resource {
        id,
        name,
        kind: if format == Format::Online { "online_meetings" } else { "twelve_step" },
        description: c.text(meeting, "location", path),
        format: Some(format),
        schedule,
        languages,
        audience,
        approach: has("A").then_some("secular"),
        address: if in_person { address } else { None },
        lat: if in_person { lat } else { None },
        lon: if in_person { lon } else { None },
        url: conference_url,
        phone: conference_phone
            .filter(|p| crate::support::phone::tel_number(p.split([',', ';']).next().unwrap_or_default()).is_some()),
        cost: Some("free"),
        accessible: has("X").then_some(true),
        types,
        timezone: c.time_zone(meeting, "timezone", path),
        center: false,
        program: false,
        i18n: Vec::new(),
    })
}

fn describe(value: &Json) -> String {
    match value {
        Json::Number(n) => fixed(*n, 3),
        Json::String(s) => ["\"", s, "\""].concat(),
        other => other.kind().to_string(),
    }
}
