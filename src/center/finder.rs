//! The local finder: ranks the center's programs and local meetings against the visitor's
//! answers and the engine's suggestions, each with the reasons it fits.
//!
//! Only resources of a suggested kind are shown. Points: the suggestion's own fit, then format,
//! times, language, audience, wheelchair access (when mobility is a barrier), cost (when cost
//! is), approach, newcomer and dual-diagnosis meetings, and, only after the visitor pressed
//! "near me", distance computed here on the device. Best fit first, and among matches that fit
//! about equally the one that meets sooner (catalog.md v3); among the matches of one kind, the
//! center's own programs come first. Once the visitor asked to sort by distance, nearest first.

use super::options::{Now, Options, Place};
use super::resource::{Format, Resource};
use crate::screening::items::ItemId;
use crate::screening::result::{Reason, Suggestion};
use crate::screening::writer::Writer;
use crate::strings::fill;
use crate::support::prelude::*;
use crate::support::sort::sort_keys;
use alloc::sync::Arc;

/// A center program or local meeting matched to the visitor: the resource's own fields
/// (`id`, `name`, `kind`, schedule, address, ...) with its score, reasons and next meeting.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct LocalMatch {
    /// The resource's own fields, in the same object as the match's.
    #[serde(flatten)]
    pub resource: Arc<Resource>,
    /// Points of fit, uncapped, comparable within this list only.
    pub score: u16,
    pub reasons: Vec<Reason>,
    /// When it next meets, from the visitor's weekday and time (when given).
    pub next: Option<NextMeeting>,
    /// Kilometres from the visitor, only after they pressed "near me".
    pub distance_km: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct NextMeeting {
    /// 0 = Sunday .. 6 = Saturday.
    pub day: u8,
    /// Minutes since midnight.
    pub start: u16,
    pub in_minutes: u32,
    /// Days from today in the meeting's own time zone: 0 today, 1 tomorrow, 7 the same weekday
    /// next week (it met earlier today), so "today", "tonight" and "tomorrow" are said right.
    pub days: u8,
    /// It has started and not ended (a meeting with no end is taken to last an hour): then
    /// `in_minutes` is 0, and `start` when it began.
    pub ongoing: bool,
    /// When it ends, when the schedule says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<u16>,
}

/// A meeting with no end time is taken to last this long (minutes).
const USUAL_LENGTH: u32 = 60;

/// At most this many matches of one kind, and in all, are returned.
pub const PER_KIND: usize = 8;
pub const LIMIT: usize = 40;

const WEEK_MINUTES: u32 = 7 * 24 * 60;
/// Weekday evenings start at 17:00 (`times` = `weekday_evening`).
const EVENING: u16 = 17 * 60;

/// One resource that fits, before the ranking chose what is shown (only those are copied into
/// the result).
struct Fit {
    /// Its place in `resources`.
    at: usize,
    score: i32,
    reasons: Vec<Reason>,
    next: Option<NextMeeting>,
    distance_km: Option<f64>,
}

/// What the center's own programs are matched against: the kinds a safety notice names and
/// the top suggestions (catalog.md v2, "Ranking rules"). A program of one of these kinds ranks
/// above general meetings.
pub(crate) struct Priorities {
    pub kinds: Vec<&'static str>,
}

/// Suggestions at the top of their list: the first this many.
pub const TOP: usize = 3;
/// Points that put a matching program of the center's above general meetings.
const PRIORITY_POINTS: i32 = 60;
/// Matches within this many points of the best of them fit "about equally" (catalog.md v3):
/// among them, the one that meets sooner comes first, a meeting tonight before one next week.
const ABOUT_EQUAL: i32 = 10;

/// Ranks the options' resources for the visitor, at the options' time and place; `suggested`
/// are the groups and aftercare options shown.
pub(crate) fn rank(
    writer: &Writer,
    options: &Options,
    suggested: &[&Suggestion],
    priorities: &Priorities,
) -> Vec<LocalMatch> {
    let Options { resources, now, zones, place, .. } = options;
    let (now, place) = (*now, *place);
    let center_name = options.center.name.as_deref().unwrap_or("");
    let mut fits: Vec<Fit> = Vec::new();
    let loved_one = writer.ctx.answers.path() == crate::screening::items::Path::LovedOne;
    for (at, resource) in resources.iter().enumerate() {
        let Some(suggestion) = suggested.iter().find(|s| s.id == resource.kind) else { continue };
        // A family member is not a member of a 12-step meeting for people who use: on the
        // loved-one path only meetings open to families (Al-Anon, Nar-Anon) are shown.
        if loved_one
            && matches!(resource.kind, "twelve_step" | "online_meetings")
            && !resource.audience.contains(&"family")
        {
            continue;
        }
        let Some((mut points, mut reasons)) = fit(writer, resource, suggestion, center_name, place, options.miles)
        else {
            continue;
        };
        if resource.program && priorities.kinds.contains(&resource.kind) {
            points += PRIORITY_POINTS;
            reasons.insert(
                1,
                Reason {
                    text: fill(writer.lang.text("r.local_priority"), &[("center", center_name)]),
                    because: Vec::new(),
                },
            );
        }
        fits.push(Fit {
            at,
            score: points,
            reasons,
            next: now.and_then(|now| {
                // Read the schedule in the meeting's own time zone (the center's, for its own
                // resources: center.timezone) when the page gave its time.
                let zone = resource.timezone.as_ref().or(options.center.timezone.as_ref());
                let zone_now = zone.and_then(|tz| zones.iter().find(|(z, _)| z == tz)).map(|(_, n)| *n);
                next_meeting(resource, zone_now.unwrap_or(now))
            }),
            distance_km: distance(resource, place).map(|km| crate::support::num::round(km * 10.0) / 10.0),
        });
    }
    // Best fit first, the sooner meeting first among those that fit about equally; then, within
    // the places each kind holds, the center's own programs first. Sorted by distance (the
    // visitor pressed "near me"), nearest first, and what has no place (online) after, best
    // fit first. One sort of packed keys serves any number of resources: score high first
    // (uncapped: two that fit well are ordered by how well), then the sooner meeting (minutes
    // within the week, under 2^16), then the order given.
    let by_distance = place.is_some();
    let minutes = |f: &Fit| f.next.map_or(u32::from(u16::MAX), |n| n.in_minutes.min(u32::from(u16::MAX) - 1));
    let mut keys: Vec<u64> = Vec::new();
    for (i, f) in fits.iter().enumerate() {
        let rank = (u16::MAX as i32 / 2 - f.score.clamp(-(u16::MAX as i32 / 2), u16::MAX as i32 / 2)) as u64;
        let key = match f.distance_km.filter(|_| by_distance) {
            // Metres, nearest first (a 16-bit field: 65 km and further read as one far place).
            Some(km) => (crate::support::num::round(km * 1000.0).min(f64::from(u16::MAX - 1)) as u64) << 48,
            None if by_distance => (u64::from(u16::MAX) << 48) | (rank << 32),
            None => (rank << 48) | (u64::from(minutes(f)) << 32),
        };
        keys.push(key | i as u64);
    }
    sort_keys(&mut keys);
    // The ranking as places in `fits`, best first.
    let mut order: Vec<usize> = keys.iter().map(|&key| key as u32 as usize).collect();
    // Among those within ABOUT_EQUAL points of the best of them, the sooner meeting first.
    let mut start = 0;
    while start < order.len() && !by_distance {
        let best = fits[order[start]].score;
        let end = start + order[start..].iter().take_while(|&&i| best - fits[i].score < ABOUT_EQUAL).count();
        let group = order[start..end].to_vec();
        let mut sooner: Vec<u64> =
            group.iter().enumerate().map(|(p, &i)| (u64::from(minutes(&fits[i])) << 32) | p as u64).collect();
        sort_keys(&mut sooner);
        for (slot, key) in order[start..end].iter_mut().zip(sooner) {
            *slot = group[key as u32 as usize];
        }
        start = end;
    }
    let kind = |i: usize| resources[fits[i].at].kind;
    let center = |i: usize| resources[fits[i].at].program;
    let mut kinds: Vec<&'static str> = Vec::new();
    for &i in &order {
        if !kinds.contains(&kind(i)) {
            kinds.push(kind(i));
        }
    }
    // Sorted by distance, the list keeps to distance alone.
    for k in kinds.into_iter().filter(|_| !by_distance) {
        let (mut places, mut of_kind) = (Vec::new(), Vec::new());
        for (p, &i) in order.iter().enumerate() {
            if kind(i) == k {
                places.push(p);
                of_kind.push(i);
            }
        }
        crate::support::sort::stable_sort(&mut of_kind, |&a, &b| center(a) && !center(b));
        for (p, i) in places.into_iter().zip(of_kind) {
            order[p] = i;
        }
    }
    // At most PER_KIND of a kind, LIMIT in all; only these are copied into the result.
    let mut per_kind: Vec<(&'static str, usize)> = Vec::new();
    let mut slots: Vec<Option<Fit>> = fits.into_iter().map(Some).collect();
    let mut matches = Vec::new();
    for i in order {
        let Some(f) = slots[i].take() else { continue };
        let resource = &resources[f.at];
        let shown = match per_kind.iter_mut().find(|(k, _)| *k == resource.kind) {
            Some((_, n)) => {
                *n += 1;
                *n <= PER_KIND
            }
            None => {
                per_kind.push((resource.kind, 1));
                true
            }
        };
        if shown && matches.len() < LIMIT {
            matches.push(LocalMatch {
                resource: resource.clone(),
                score: f.score.max(0) as u16,
                reasons: f.reasons,
                next: f.next,
                distance_km: f.distance_km,
            });
        }
    }
    matches
}

/// Points and reasons for one resource, or `None` when it plainly does not fit (a women's
/// meeting for someone who asked for a men's group).
fn fit(
    writer: &Writer,
    r: &Resource,
    suggestion: &Suggestion,
    center_name: &str,
    place: Option<Place>,
    miles: bool,
) -> Option<(i32, Vec<Reason>)> {
    let answers = writer.ctx.answers;
    let lang = writer.lang;
    let mut points: i32 = 40 + i32::from(suggestion.score) / 2;
    let mut reasons = Vec::new();
    // Each reason's key is written as `text!` takes it, so a missing string fails the build.
    let mut reason = |template: &str, values: &[(&str, &str)], because: Vec<&'static str>| {
        reasons.push(Reason { text: fill(template, values), because });
    };
    let mut kind_because: Vec<&'static str> = Vec::new();
    for &item in suggestion.reasons.iter().flat_map(|r| &r.because) {
        if !kind_because.contains(&item) {
            kind_because.push(item);
        }
    }
    crate::support::sort::stable_sort(&mut kind_because, |a, b| a < b);
    reason(lang.text("r.local_kind"), &[("kind", suggestion.name)], kind_because);
    // What the center lists counts for more than a feed's meeting; only what it runs says so
    // (catalog.md v3: no reason says the center runs what it only lists).
    if r.center {
        points += 15;
    }
    if r.program {
        reason(lang.text("r.local_center"), &[("center", center_name)], Vec::new());
    }

    match (answers.choice(ItemId::Format), r.format) {
        (Some("online"), Some(Format::Online | Format::Hybrid)) => {
            points += 15;
            reason(lang.text("r.local_online"), &[], writer.answered(&[ItemId::Format]));
        }
        (Some("online"), Some(Format::InPerson)) => points -= 30,
        (Some("in_person"), Some(Format::InPerson | Format::Hybrid)) => {
            points += 10;
            reason(lang.text("r.local_in_person"), &[], writer.answered(&[ItemId::Format]));
        }
        (Some("in_person"), Some(Format::Online)) => points -= 25,
        _ => {}
    }

    if answers.is_answered(ItemId::Times) && !r.schedule.is_empty() {
        let fits = |time: &str| {
            r.schedule.iter().any(|slot| match time {
                "weekend" => slot.day == 0 || slot.day == 6,
                "weekday_day" => (1..=5).contains(&slot.day) && slot.start < EVENING,
                _ => (1..=5).contains(&slot.day) && slot.start >= EVENING,
            })
        };
        match ["weekday_day", "weekday_evening", "weekend"]
            .into_iter()
            .find(|t| answers.has(ItemId::Times, t) && fits(t))
        {
            Some(time) => {
                points += 15;
                reason(
                    lang.text("r.local_times"),
                    &[("when", lang.text(&["o.times.", time].concat()))],
                    writer.answered(&[ItemId::Times]),
                );
            }
            None => points -= 15,
        }
    }

    let wanted_language = answers.tag(ItemId::Language).unwrap_or(lang.as_str());
    if !r.languages.is_empty() {
        let wanted = crate::strings::primary(wanted_language);
        if r.languages.iter().any(|l| crate::strings::primary(l) == wanted) {
            if answers.is_answered(ItemId::Language) {
                points += 15;
                let name = lang.lookup(&["o.language.", &wanted].concat()).unwrap_or(wanted_language);
                reason(lang.text("r.local_language"), &[("language", name)], writer.answered(&[ItemId::Language]));
            }
        } else {
            points -= 25;
        }
    }

    let audiences = ["women", "men", "lgbtq", "young_adults", "veterans"];
    let wanted: Vec<&str> = audiences.into_iter().filter(|audience| answers.has(ItemId::Audience, audience)).collect();
    if !r.audience.is_empty() {
        if let Some(shared) = r.audience.iter().find(|a| wanted.contains(a)) {
            points += 20;
            reason(
                lang.text("r.local_audience"),
                &[("group", lang.text(&["o.audience.", shared].concat()))],
                writer.answered(&[ItemId::Audience]),
            );
        } else if (r.audience.contains(&"women") && wanted.contains(&"men"))
            || (r.audience.contains(&"men") && wanted.contains(&"women"))
        {
            return None;
        } else if !r.audience.contains(&"family") {
            points -= 10;
        }
    }

    // Getting there is hard: what meets online counts for more, what only meets in person less.
    if writer.holds(&crate::screening::cond::named::ACCESS_BARRIERS) {
        match r.format {
            Some(Format::Online | Format::Hybrid) => {
                points += 20;
                reason(
                    lang.text("r.local_from_home"),
                    &[],
                    writer.because(&crate::screening::cond::named::ACCESS_BARRIERS),
                );
            }
            Some(Format::InPerson) => points -= 10,
            None => {}
        }
    }

    if answers.has(ItemId::Barriers, "mobility") {
        match r.accessible {
            Some(true) => {
                points += 15;
                reason(lang.text("r.local_accessible"), &[], writer.answered(&[ItemId::Barriers]));
            }
            Some(false) => points -= 20,
            None => {}
        }
    }
    if answers.has(ItemId::Barriers, "cost") && r.cost == Some("free") {
        points += 10;
        reason(lang.text("r.local_free"), &[], writer.answered(&[ItemId::Barriers]));
    }
    if let (Some(approach), Some(wanted)) = (r.approach, answers.choice(ItemId::Approach)) {
        if approach == wanted {
            points += 10;
            reason(lang.text("r.local_approach"), &[], writer.answered(&[ItemId::Approach]));
        }
    }
    let has_type = |code: &str| r.types.iter().any(|t| t == code);
    if has_type("BE")
        && (answers.choice(ItemId::Stage).is_some_and(|s| ["not_sure", "thinking", "preparing"].contains(&s))
            || answers.choice(ItemId::GroupComfort) == Some("nervous_willing"))
    {
        points += 5;
        reason(lang.text("r.local_newcomer"), &[], writer.answered(&[ItemId::Stage, ItemId::GroupComfort]));
    }
    if has_type("DD") && writer.holds(&crate::screening::cond::named::MOOD_OR_DIAGNOSIS) {
        points += 10;
        reason(lang.text("r.local_dual"), &[], writer.because(&crate::screening::cond::named::MOOD_OR_DIAGNOSIS));
    }
    if let Some(km) = distance(r, place) {
        if km <= 5.0 {
            points += 20;
        } else if km <= 15.0 {
            points += 10;
        } else if km > 40.0 {
            points -= 15;
        }
        if km <= 40.0 {
            let (near, distance) = distance_text(km, miles);
            let template = if near { lang.text("r.local_distance_near") } else { lang.text("r.local_distance") };
            reason(template, &[("distance", &distance)], Vec::new());
        }
    }
    Some((points, reasons))
}

/// A distance as the visitor reads it: "2.5 km" or, in miles, "1.6 mi" (one decimal under 10),
/// and whether it is under the smallest of those (then the words say "less than 0.1 mi", never
/// "0.0": catalog.md v3).
pub fn distance_text(km: f64, miles: bool) -> (bool, String) {
    let (value, unit) = if miles { (km / 1.609_344, " mi") } else { (km, " km") };
    let text = km_text(value);
    let near = text == "0.0";
    (near, [if near { "0.1" } else { text.as_str() }, unit].concat())
}

/// A number of kilometres (or miles) as read: one decimal under 10, whole numbers above.
pub fn km_text(km: f64) -> String {
    let text = crate::support::numtext::fixed(km, if km < 10.0 { 1 } else { 0 });
    if km < 10.0 && !text.bytes().any(|b| b == b'.') {
        [text.as_str(), ".0"].concat()
    } else {
        text
    }
}

/// When the resource next meets, from the visitor's weekday and time: one in progress now
/// first (quality.md v3, "A meeting now"), else the soonest start.
fn next_meeting(r: &Resource, now: Now) -> Option<NextMeeting> {
    let mut soonest: Option<NextMeeting> = None;
    let now_at = u32::from(now.day) * 1440 + u32::from(now.minutes);
    for slot in &r.schedule {
        let slot_at = u32::from(slot.day) * 1440 + u32::from(slot.start);
        let since = (now_at + WEEK_MINUTES - slot_at) % WEEK_MINUTES;
        let length = slot.end.map_or(USUAL_LENGTH, |end| (u32::from(end) + 1440 - u32::from(slot.start)) % 1440);
        if since < length {
            return Some(NextMeeting {
                day: slot.day,
                start: slot.start,
                in_minutes: 0,
                days: 0,
                ongoing: true,
                end: slot.end,
            });
        }
        let wait = (slot_at + WEEK_MINUTES - now_at) % WEEK_MINUTES;
        let days = (slot.day + 7 - now.day) % 7;
        let days = if days == 0 && wait >= 1440 { 7 } else { days };
        if soonest.map_or(true, |n| wait < n.in_minutes) {
            soonest = Some(NextMeeting {
                day: slot.day,
                start: slot.start,
                in_minutes: wait,
                days,
                ongoing: false,
                end: slot.end,
            });
        }
    }
    soonest
}

/// The center's programs and local meetings with no question asked, soonest first: in progress,
/// then by start (within the hour at the top), then what has no times; nearest first once the
/// visitor sorted by distance (quality.md v3, "A meeting now"). Kinds the center hides are left
/// out; on this list nothing claims to fit, so no reasons.
pub(crate) fn soonest(options: &Options) -> Vec<LocalMatch> {
    let mut keys: Vec<u64> = Vec::new();
    let mut found: Vec<Option<LocalMatch>> = Vec::new();
    for resource in options.resources.iter() {
        if options.hide.iter().any(|h| h == resource.kind) {
            continue;
        }
        let zone = resource.timezone.as_ref().or(options.center.timezone.as_ref());
        let zone_now = zone.and_then(|tz| options.zones.iter().find(|(z, _)| z == tz)).map(|(_, n)| *n);
        let next = options.now.and_then(|now| next_meeting(resource, zone_now.unwrap_or(now)));
        let distance_km = distance(resource, options.place).map(|km| crate::support::num::round(km * 10.0) / 10.0);
        let when = next.map_or(u64::from(u32::MAX), |n| u64::from(n.in_minutes));
        let key = match (options.place.is_some(), distance_km) {
            (true, Some(km)) => crate::support::num::round(km * 1000.0) as u64,
            (true, None) => u64::from(u32::MAX) + when,
            (false, _) => when,
        };
        // Ties keep the config's order (the resources are at most 10,000, under 2^16).
        keys.push((key << 16) | found.len() as u64);
        found.push(Some(LocalMatch { resource: resource.clone(), score: 0, reasons: Vec::new(), next, distance_km }));
    }
    sort_keys(&mut keys);
    keys.iter().take(LIMIT).filter_map(|&key| found[(key & 0xffff) as usize].take()).collect()
}

/// Distance in kilometres, when both places are known, by the equirectangular approximation:
/// within the tens of kilometres that matter here it is within a fraction of a percent of the
/// great-circle distance, and it needs only one cosine, below (libm's `cos` measured 2.6 KB gzip
/// more).
fn distance(r: &Resource, place: Option<Place>) -> Option<f64> {
    let (place, lat, lon) = (place?, r.lat?, r.lon?);
    let mean_lat = ((lat + place.lat) / 2.0).to_radians();
    let mut dl = lon - place.lon;
    if dl > 180.0 {
        dl -= 360.0;
    } else if dl < -180.0 {
        dl += 360.0;
    }
    let x = dl.to_radians() * cos(mean_lat);
    let y = (lat - place.lat).to_radians();
    Some(6371.0 * crate::support::num::sqrt(x * x + y * y))
}

/// Cosine for |x| <= π/2 (a latitude), by its Taylor series to x¹²: error below 1e-9.
fn cos(x: f64) -> f64 {
    let x2 = x * x;
    let mut term = 1.0;
    let mut sum = 1.0;
    for n in 1..=6 {
        term *= -x2 / f64::from((2 * n - 1) * (2 * n));
        sum += term;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::center::resource::Slot;

    #[test]
    fn next_meeting_wraps_the_week() {
        let r = Resource {
            schedule: vec![Slot { day: 1, start: 19 * 60, end: None }, Slot { day: 5, start: 12 * 60, end: None }],
            ..Resource::default()
        };
        // Saturday 10:00: Monday 19:00 is next.
        let next = next_meeting(&r, Now { day: 6, minutes: 600 }).unwrap();
        assert_eq!((next.day, next.in_minutes), (1, (24 + 24 + 9) * 60));
        // Monday 18:30: in half an hour.
        assert_eq!(next_meeting(&r, Now { day: 1, minutes: 18 * 60 + 30 }).unwrap().in_minutes, 30);
    }

    #[test]
    fn distances_match_the_great_circle_nearby() {
        let great_circle = |a: (f64, f64), b: (f64, f64)| {
            let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
            let (dp, dl) = ((b.0 - a.0).to_radians(), (b.1 - a.1).to_radians());
            let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
            6371.0 * 2.0 * h.sqrt().atan2((1.0 - h).sqrt())
        };
        for (from, to) in [
            ((33.0, -117.0), (34.0, -117.0)),
            ((33.19, -117.38), (33.25, -117.30)),
            ((47.6, -122.3), (47.9, -122.0)),
            ((-33.9, 151.2), (-33.8, 151.3)),
        ] {
            let r = Resource { lat: Some(to.0), lon: Some(to.1), ..Resource::default() };
            let km = distance(&r, Some(Place { lat: from.0, lon: from.1 })).unwrap();
            let exact = great_circle(from, to);
            assert!((km - exact).abs() < exact * 0.005 + 0.01, "{km} vs {exact}");
        }
        assert!((cos(1.0) - 1.0f64.cos()).abs() < 1e-9);
        assert_eq!(distance(&Resource::default(), None), None);
    }

    #[test]
    fn a_distance_is_never_read_as_nothing() {
        assert_eq!(distance_text(0.04, false), (true, "0.1 km".to_string()));
        assert_eq!(distance_text(0.05, true), (true, "0.1 mi".to_string()));
        assert_eq!(distance_text(0.2, true), (false, "0.1 mi".to_string()));
        assert_eq!(distance_text(3.86, true), (false, "2.4 mi".to_string()));
    }

    #[test]
    fn kilometres_read_plainly() {
        assert_eq!(km_text(0.04), "0.0");
        assert_eq!(km_text(2.0), "2.0");
        assert_eq!(km_text(3.26), "3.3");
        assert_eq!(km_text(12.6), "13");
    }
}
