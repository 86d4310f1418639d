//! "Add to calendar": an iCalendar file (RFC 5545) for a meeting or program, made on the device
//! and downloaded only when the visitor asks (quality.md v3, "A saved copy that keeps"). One
//! weekly event per slot of its schedule, in the zone its times are written in, so a calendar
//! shows it at the right hour on either side of a change to or from daylight time. Plain text
//! from the center's data only: nothing the visitor answered is in it.

use crate::center::resource::Resource;
use crate::support::numtext::int;
use crate::support::prelude::*;

/// A date as a calendar writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// One slot's first meeting: the date it next meets (in `zone`) and its schedule's slot.
pub struct Occurrence {
    pub date: Date,
    /// Which slot of `resource.schedule`.
    pub slot: usize,
}

/// The calendar file: `zone` is the IANA zone the schedule is written in, `stamp` the moment
/// it is made (UTC, `20261208T031500Z`).
pub fn ics(resource: &Resource, occurrences: &[Occurrence], zone: &str, stamp: &str) -> String {
    let mut lines: Vec<String> =
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//PeerPath//Meetings//EN", "CALSCALE:GREGORIAN"]
            .iter()
            .map(|line| line.to_string())
            .collect();
    for occurrence in occurrences {
        let Some(slot) = resource.schedule.get(occurrence.slot) else { continue };
        // A meeting with no end is taken to last an hour, as the finder takes it.
        let end = slot.end.unwrap_or((slot.start + 60) % 1440);
        let crosses_midnight = end <= slot.start;
        let end_date = if crosses_midnight { next_day(occurrence.date) } else { occurrence.date };
        const DAYS: [&str; 7] = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
        lines.push("BEGIN:VEVENT".into());
        lines.push(["UID:", &resource.id, "-", &int(occurrence.slot as i64), "@peerpath"].concat());
        lines.push(["DTSTAMP:", stamp].concat());
        lines.push(["DTSTART;TZID=", zone, ":", &at(occurrence.date, slot.start)].concat());
        lines.push(["DTEND;TZID=", zone, ":", &at(end_date, end)].concat());
        lines.push(["RRULE:FREQ=WEEKLY;BYDAY=", DAYS[usize::from(slot.day % 7)]].concat());
        lines.push(["SUMMARY:", &text(&resource.name)].concat());
        let place = resource.address.as_deref().or(resource.url.as_deref());
        if let Some(place) = place {
            lines.push(["LOCATION:", &text(place)].concat());
        }
        let mut about: Vec<&str> = Vec::new();
        about.extend(resource.url.as_deref());
        about.extend(resource.phone.as_deref());
        if !about.is_empty() {
            lines.push(["DESCRIPTION:", &text(&about.join("\n"))].concat());
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

/// `20261208T190000`: a local date and time in the event's zone.
fn at(date: Date, minutes: u16) -> String {
    let two = |n: u16| if n < 10 { ["0", &int(n.into())].concat() } else { int(n.into()) };
    [
        &int(date.year.into()),
        two(date.month.into()).as_str(),
        &two(date.day.into()),
        "T",
        &two(minutes / 60),
        &two(minutes % 60),
        "00",
    ]
    .concat()
}

fn next_day(date: Date) -> Date {
    let leap = date.year % 4 == 0 && (date.year % 100 != 0 || date.year % 400 == 0);
    let length = match date.month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    match (date.day < length, date.month < 12) {
        (true, _) => Date { day: date.day + 1, ..date },
        (false, true) => Date { month: date.month + 1, day: 1, ..date },
        (false, false) => Date { year: date.year + 1, month: 1, day: 1 },
    }
}

/// A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545, 3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets (never inside a character), with CRLF (RFC 5545, 3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::center::resource::Slot;

    fn meeting() -> Resource {
        Resource {
            id: "pier-aa".into(),
            name: "Pier AA; \"Open\", all welcome".into(),
            address: Some("1 Pier St, Oceanside".into()),
            phone: Some("+1 (555) 010-0100".into()),
            schedule: vec![
                Slot { day: 2, start: 19 * 60, end: Some(20 * 60 + 30) },
                Slot { day: 6, start: 23 * 60 + 30, end: None },
            ],
            ..Resource::default()
        }
    }

    #[test]
    fn a_weekly_event_per_slot_in_its_own_zone() {
        let at = [
            Occurrence { date: Date { year: 2026, month: 12, day: 8 }, slot: 0 },
            Occurrence { date: Date { year: 2026, month: 12, day: 31 }, slot: 1 },
        ];
        let file = ics(&meeting(), &at, "America/Los_Angeles", "20261208T031500Z");
        assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{file}");
        assert!(file.ends_with("END:VCALENDAR\r\n"));
        assert!(file.contains("DTSTART;TZID=America/Los_Angeles:20261208T190000\r\n"), "{file}");
        assert!(file.contains("DTEND;TZID=America/Los_Angeles:20261208T203000\r\n"));
        assert!(file.contains("RRULE:FREQ=WEEKLY;BYDAY=TU\r\n"));
        // No end: an hour, here past midnight into the new year.
        assert!(file.contains("DTSTART;TZID=America/Los_Angeles:20261231T233000\r\n"));
        assert!(file.contains("DTEND;TZID=America/Los_Angeles:20270101T003000\r\n"));
        assert!(file.contains("SUMMARY:Pier AA\\; \"Open\"\\, all welcome\r\n"), "{file}");
        assert!(file.contains("LOCATION:1 Pier St\\, Oceanside\r\n"));
        assert_eq!(file.matches("BEGIN:VEVENT").count(), 2);
        assert!(file.lines().all(|line| line.len() <= 75), "{file}");
    }

    #[test]
    fn long_lines_fold_between_characters() {
        let mut out = String::new();
        fold(&["SUMMARY:", &"é".repeat(60)].concat(), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), ["SUMMARY:", &"é".repeat(60)].concat());
    }

    #[test]
    fn dates_roll_over() {
        assert_eq!(next_day(Date { year: 2028, month: 2, day: 28 }), Date { year: 2028, month: 2, day: 29 });
        assert_eq!(next_day(Date { year: 2027, month: 2, day: 28 }), Date { year: 2027, month: 3, day: 1 });
        assert_eq!(next_day(Date { year: 2026, month: 12, day: 31 }), Date { year: 2027, month: 1, day: 1 });
    }
}
