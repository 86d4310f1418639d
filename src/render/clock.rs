//! The clock the widget reads the time by: `Intl.DateTimeFormat` in the visitor's zone or a
//! resource's own, each format made once (`Clock`), and the moment as the finder needs it
//! (`set_clock`, `Now` per zone). Apart from `mod.rs` and `screens.rs`, which both read it.

use super::calendar;
use crate::center::options::{Now, Options};
use crate::strings::Lang;
use crate::support::prelude::*;
use core::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Sets the clock the finder reads: the visitor's own, and the same moment in every time zone
/// the resources name (so an online meeting in New York is read in New York time).
pub fn set_clock(options: &mut Options, clock: &Clock) {
    options.now = now_in_zone(clock, None);
    let mut zones: Vec<(String, Now)> = Vec::new();
    let center = options.center.timezone.as_deref();
    for zone in options.resources.iter().filter_map(|r| r.timezone.as_deref()).chain(center) {
        if !zones.iter().any(|(z, _)| z == zone) {
            if let Some(now) = now_in_zone(clock, Some(zone)) {
                zones.push((zone.to_string(), now));
            }
        }
    }
    options.zones = zones;
}

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, imported here rather than from js-sys, whose constructor does
    /// not catch: a center's unknown time zone must come back as an error, not a throw.
    #[wasm_bindgen(js_namespace = Intl)]
    type DateTimeFormat;
    /// Throws a `RangeError` for a time zone the browser does not know.
    #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
    fn new(locale: &str, options: &js_sys::Object) -> core::result::Result<DateTimeFormat, JsValue>;
    /// The parts of `date` (given, not left to the default, so a page's clock is the one used).
    #[wasm_bindgen(method, js_name = formatToParts)]
    fn format_to_parts(this: &DateTimeFormat, date: &js_sys::Date) -> js_sys::Array;

    /// The date as this format writes it.
    #[wasm_bindgen(method)]
    fn format(this: &DateTimeFormat, date: &js_sys::Date) -> String;

    /// The options the format settled on (`timeZone`: the visitor's own zone, by default).
    #[wasm_bindgen(method, js_name = resolvedOptions)]
    fn resolved_options(this: &DateTimeFormat) -> js_sys::Object;

    /// One `{ type, value }` of `formatToParts`.
    type DatePart;
    #[wasm_bindgen(method, getter, js_name = type)]
    fn kind(this: &DatePart) -> String;
    #[wasm_bindgen(method, getter)]
    fn value(this: &DatePart) -> String;
}

/// This moment's weekday and time in an IANA time zone (the visitor's own for `None`), by
/// `Intl.DateTimeFormat`; `None` for a zone the browser does not know.
fn now_in_zone(clock: &Clock, zone: Option<&str>) -> Option<Now> {
    let fields = [("weekday", "short"), ("hour", "numeric"), ("minute", "numeric"), ("hourCycle", "h23")];
    let parts = clock.with("en-US", zone, &fields, |format| format.format_to_parts(&js_sys::Date::new_0()))?;
    let (mut day, mut hour, mut minute) = (None, None, None);
    for part in parts.iter() {
        let part: DatePart = part.unchecked_into();
        let value = part.value();
        match part.kind().as_str() {
            "weekday" => day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].iter().position(|d| *d == value),
            "hour" => hour = crate::support::num::digits(&value).map(|h| h as u16),
            "minute" => minute = crate::support::num::digits(&value).map(|m| m as u16),
            _ => {}
        }
    }
    Some(Now { day: day? as u8, minutes: (hour? % 24) * 60 + minute? })
}

/// The widget's `Intl.DateTimeFormat`s, each made once: making one is slow on a cheap phone (a
/// result with tens of meeting times in two or three zones took 70 ms more at 4x CPU when
/// each time made its own), and the same few serve every screen.
#[derive(Default)]
pub struct Clock {
    formats: RefCell<Vec<(String, Option<DateTimeFormat>)>>,
}

impl Clock {
    /// Runs `f` with the format for `locale`, `zone` (the visitor's own for `None`) and the
    /// `Intl.DateTimeFormat` `fields`; `None` when the browser does not know the zone.
    fn with<R>(
        &self,
        locale: &str,
        zone: Option<&str>,
        fields: &[(&str, &str)],
        f: impl FnOnce(&DateTimeFormat) -> R,
    ) -> Option<R> {
        let mut key = [locale, " ", zone.unwrap_or("")].concat();
        for (name, value) in fields {
            key.push_str(&[" ", name, "=", value].concat());
        }
        let mut formats = self.formats.borrow_mut();
        let at = match formats.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                let options = js_sys::Object::new();
                for &(name, value) in fields.iter().chain(zone.map(|zone| ("timeZone", zone)).as_slice()) {
                    let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
                }
                formats.push((key, DateTimeFormat::new(locale, &options).ok()));
                formats.len() - 1
            }
        };
        formats[at].1.as_ref().map(f)
    }

    /// The moment `minutes` from now as the visitor reads it, with `Intl.DateTimeFormat`'s
    /// `fields` (`hour`, `weekday`, `timeZoneName`...): in `zone` (one the browser knows: one of
    /// `Options::zones`), or in the visitor's own zone when `None`.
    pub fn format(&self, lang: Lang, minutes: u32, zone: Option<&str>, fields: &[(&str, &str)]) -> String {
        let at = js_sys::Date::new(&(js_sys::Date::now() + f64::from(minutes) * 60_000.0).into());
        self.with(lang.as_str(), zone, fields, |format| format.format(&at)).unwrap_or_default()
    }

    /// The date in `zone` (the visitor's own for `None`) `minutes` from now.
    pub fn date_in(&self, zone: Option<&str>, minutes: u32) -> Option<calendar::Date> {
        let at = js_sys::Date::new(&(js_sys::Date::now() + f64::from(minutes) * 60_000.0).into());
        let fields = [("year", "numeric"), ("month", "numeric"), ("day", "numeric")];
        let parts = self.with("en-US", zone, &fields, |format| format.format_to_parts(&at))?;
        let (mut year, mut month, mut day) = (None, None, None);
        for part in parts.iter() {
            let part: DatePart = part.unchecked_into();
            let value = crate::support::num::digits(&part.value());
            match part.kind().as_str() {
                "year" => year = value.map(|v| v as u16),
                "month" => month = value.map(|v| v as u8),
                "day" => day = value.map(|v| v as u8),
                _ => {}
            }
        }
        Some(calendar::Date { year: year?, month: month?, day: day? })
    }

    /// The visitor's own IANA time zone, as the browser names it.
    pub fn own_zone(&self) -> Option<String> {
        let options = self.with("en-US", None, &[], |format| format.resolved_options())?;
        js_sys::Reflect::get(&options, &"timeZone".into()).ok()?.as_string()
    }
}
