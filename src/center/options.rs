//! Options of `evaluate`: the visitor's language, the center's checked config, and, for the
//! local finder, the visitor's weekday and time and (only after "near me") position. None of
//! these leave the device.

use super::config::{self, CenterConfig, Problem};
use super::resource::Resource;
use crate::screening::contacts::Center;
use crate::strings::Lang;
use crate::support::json::Json;
use crate::support::prelude::*;
use alloc::sync::Arc;

/// The visitor's local weekday (0 = Sunday) and minutes since midnight, for "next meeting".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub day: u8,
    pub minutes: u16,
}

/// The visitor's position, from the browser's geolocation after they press "near me".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub lang: Lang,
    pub center: Center,
    /// Catalog ids the center does not suggest.
    pub hide: Vec<String>,
    /// The center's programs and local meetings.
    pub resources: Vec<Arc<Resource>>,
    pub now: Option<Now>,
    /// The visitor's weekday and time in other time zones that resources name, so a meeting's
    /// schedule is read in its own zone.
    pub zones: Vec<(String, Now)>,
    pub place: Option<Place>,
    /// Distances in miles (a visitor in the United States), else kilometres.
    pub miles: bool,
    /// The widget may offer "sort by distance from me": only in a top-level page. In a frame
    /// the browser asks for the location on behalf of the top page's site, and a grant there
    /// lets that site's own scripts read it too (isolated mode; SECURITY.md).
    pub can_locate: bool,
}

/// Whether distances read in miles: the first of the visitor's language tags that names a
/// region decides (`en-US`, `es-US`: the United States, and Liberia and Myanmar, use miles).
pub fn uses_miles(tags: &[&str]) -> bool {
    for tag in tags {
        let region = tag.split(['-', '_']).nth(1).unwrap_or_default();
        if region.len() == 2 {
            return ["US", "LR", "MM"].iter().any(|r| region.eq_ignore_ascii_case(r));
        }
    }
    false
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::english(),
            center: Center::default(),
            hide: Vec::new(),
            resources: Vec::new(),
            now: None,
            zones: Vec::new(),
            place: None,
            miles: false,
            can_locate: false,
        }
    }
}

/// `{ lang, config, now: {day, minutes}, zones: {"America/New_York": {day, minutes}},
/// near: {lat, lon} }` as given; every field optional.
#[derive(Clone, Debug, Default)]
pub struct RawOptions {
    pub lang: Option<String>,
    pub config: Option<Json>,
    pub now: Option<Json>,
    pub zones: Option<Json>,
    pub near: Option<Json>,
}

impl RawOptions {
    /// The options object as given; anything that is not an object gives the defaults, and a
    /// `lang` that is not text is an error (`invalid_options`).
    pub fn from_json(json: &Json) -> Result<RawOptions, &'static str> {
        let Json::Object(_) = json else {
            return match json {
                Json::Null => Ok(RawOptions::default()),
                _ => Err("The options must be an object such as { lang, config }."),
            };
        };
        let lang = match json.get("lang") {
            None | Some(Json::Null) => None,
            Some(Json::String(lang)) => Some(lang.clone()),
            Some(_) => return Err("The option \"lang\" must be a language tag as text, such as \"es\"."),
        };
        let field = |key: &str| json.get(key).filter(|v| !matches!(v, Json::Null)).cloned();
        Ok(RawOptions { lang, config: field("config"), now: field("now"), zones: field("zones"), near: field("near") })
    }
}

/// `{day, minutes}` as a `Now`.
fn read_now(now: &Json) -> Option<Now> {
    let number = |key: &str| match now.get(key) {
        Some(Json::Number(n)) if crate::support::num::fract(*n) == 0.0 && *n >= 0.0 => Some(*n),
        _ => None,
    };
    Some(Now {
        day: number("day").filter(|d| *d <= 6.0)? as u8,
        minutes: number("minutes").filter(|m| *m < 1440.0)? as u16,
    })
}

impl Options {
    /// The options, dropping config problems (a visitor never sees them).
    pub fn from_raw(raw: RawOptions) -> Options {
        Options::checked(raw).0
    }

    /// The options and every problem found in the config.
    pub fn checked(raw: RawOptions) -> (Options, Vec<Problem>) {
        let checked = raw.config.as_ref().map(config::check).unwrap_or_default();
        let lang = crate::strings::builtin::negotiate(raw.lang.as_deref(), &checked.config.languages, &[]);
        let mut options = Options::from_config(lang, raw.lang.as_deref(), &[], checked.config);
        options.now = raw.now.as_ref().and_then(read_now);
        if let Some(Json::Object(zones)) = &raw.zones {
            for (zone, now) in zones {
                if let Some(now) = read_now(now) {
                    options.zones.push((zone.clone(), now));
                }
            }
        }
        options.place = raw.near.as_ref().and_then(|near| match (near.get("lat"), near.get("lon")) {
            (Some(Json::Number(lat)), Some(Json::Number(lon))) if lat.abs() <= 90.0 && lon.abs() <= 180.0 => {
                Some(Place { lat: *lat, lon: *lon })
            }
            _ => None,
        });
        (options, checked.problems)
    }

    /// The options for a visitor reading `lang`. Distances read in miles by the region of the
    /// language tag asked for (the element's `lang`) or of the browser's languages.
    pub fn from_config(lang: Lang, asked: Option<&str>, browser: &[String], config: CenterConfig) -> Options {
        let mut tags = Vec::new();
        tags.extend(asked);
        tags.extend(browser.iter().map(String::as_str));
        let miles = uses_miles(&tags);
        Options {
            lang,
            center: config.center,
            hide: config.hide,
            resources: config.resources,
            now: None,
            zones: Vec::new(),
            place: None,
            miles,
            can_locate: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(json: &str) -> Options {
        Options::from_raw(RawOptions::from_json(&serde_json::from_str::<Json>(json).unwrap()).unwrap())
    }

    #[test]
    fn language_negotiation() {
        assert_eq!(options("{}").lang, Lang::english());
        assert_eq!(options(r#"{"lang":"en-GB"}"#).lang, Lang::english());
        assert_eq!(options(r#"{"lang":"xx","config":{"languages":["en","es"]}}"#).lang, Lang::english());
        assert_eq!(options(r#"{"lang":"es-US"}"#).lang, Lang::from_tag("es").unwrap());
        assert_eq!(options(r#"{"config":{"languages":["es","en"]}}"#).lang, Lang::from_tag("es").unwrap());
    }

    #[test]
    fn center_and_hide_are_read_and_unknown_fields_ignored() {
        let o = options(
            r#"{"config":{"center":{"name":"Harbor","phone":"555","extra":1},"hide":["lifering"],"resources":[]}}"#,
        );
        assert_eq!(o.center.name.as_deref(), Some("Harbor"));
        assert_eq!(o.center.phone.as_deref(), Some("555"));
        assert_eq!(o.hide, ["lifering"]);
    }

    #[test]
    fn miles_for_the_united_states_else_kilometres() {
        assert!(uses_miles(&["en-US"]));
        assert!(uses_miles(&["es", "es-US", "en-GB"]), "the first tag with a region decides");
        assert!(uses_miles(&["es_us"]));
        assert!(!uses_miles(&["en-GB", "en-US"]));
        assert!(!uses_miles(&["en", "es-MX"]));
        assert!(!uses_miles(&["en", "fr"]), "no region: kilometres");
        assert!(!uses_miles(&["zh-Hant-TW"]), "a script is not a region");
    }

    #[test]
    fn now_and_near() {
        let o = options(r#"{"now":{"day":2,"minutes":1140},"near":{"lat":33.1,"lon":-117.3}}"#);
        assert_eq!(o.now, Some(Now { day: 2, minutes: 1140 }));
        assert_eq!(o.place, Some(Place { lat: 33.1, lon: -117.3 }));
        let bad = options(r#"{"now":{"day":7,"minutes":10},"near":{"lat":"here"}}"#);
        assert_eq!((bad.now, bad.place), (None, None));
    }
}
