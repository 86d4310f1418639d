//! "Ready" means it works (distribution.md v3): warnings for the center's web person about what
//! reads well in the config but would fail on the live page. A feed address on another site
//! (the widget fetches only from its own), a link written without `https://` (a browser takes it
//! for a page of the center's own site), and a site listed in `embed_origins` without its other
//! name (`www.` or not: a visitor who typed the other sees only the fallback), a language offered
//! that the widget has no file for (`english`: the switcher leaves it out), and a time zone by
//! its everyday name (`Pacific`, `EST`: times read in the visitor's zone, or an hour off in
//! summer).
//!
//! It also checks the fields the widget's module does not read (center-config.md v3): the
//! center's place and `feed_radius_miles`, which the feed sync reads, and `theme`, which the
//! page's shell applies.
//!
//! Only the checking builds run these (`checkConfig` in the scoring API module, which the
//! configurator, the WordPress plugin and `peerpath-check` use, and `check-config`): the widget
//! cannot fix them for a visitor, and its module carries none of the checker's sentences.

use super::checker::Checker;
use super::config::origin;
use super::problem::{At, Expected, Problem, ProblemKind};
use crate::screening::items::is_language_tag;
use crate::strings::primary;
use crate::support::json::Json;
use crate::support::prelude::*;

/// The ends of host names that make `www.harbor.example/help` read as a web address rather than
/// a path on the center's site (`meetings.json`, `program.html` end otherwise).
const SITE_ENDINGS: [&str; 12] =
    [".com", ".org", ".net", ".gov", ".edu", ".us", ".info", ".io", ".co", ".care", ".health", ".example"];

/// A theme's schemes: the host page's (`auto`), or one for the widget alone.
const SCHEMES: &[&str] = &["auto", "light", "dark"];
/// The fields of `theme`.
const THEME_FIELDS: [&str; 3] = ["accent", "font", "scheme"];
/// How far the sync keeps meetings, in miles (center-config.md: default 50).
const RADIUS_MILES: (f64, f64) = (1.0, 500.0);
/// WCAG 2.2's least contrast for text (1.4.3): the accent carries white text on buttons.
const TEXT_CONTRAST: f64 = 4.5;

/// Everyday names of the United States' zones, as a hand-edited config may give them, with the
/// IANA name to give instead. A browser does not know `Pacific`, so times would be read in each
/// visitor's own zone; it knows `EST`, `MST` and `HST` as fixed offsets, an hour off in summer
/// (but for Arizona and Hawaii, which keep none: their IANA names say so).
const EVERYDAY_ZONES: [(&[&str], &str); 7] = [
    (&["pacific", "pst", "pdt", "pt"], "America/Los_Angeles"),
    (&["mountain", "mst", "mdt", "mt"], "America/Denver"),
    (&["arizona"], "America/Phoenix"),
    (&["central", "cst", "cdt", "ct"], "America/Chicago"),
    (&["eastern", "est", "edt", "et"], "America/New_York"),
    (&["alaska", "akst", "akdt"], "America/Anchorage"),
    (&["hawaii", "hst"], "Pacific/Honolulu"),
];

/// The problems for `json`, a center config, beside those of `config::check`: the fields only
/// the sync and the shell read, then what would fail on the live page.
pub fn problems(json: &Json) -> Vec<Problem> {
    let mut c = Checker::default();
    let root = At::ROOT;
    let center_at = root.key("center");
    if let Some(center) = json.get("center").filter(|center| matches!(center, Json::Object(_))) {
        c.text(center, "address", center_at);
        c.number(center, "lat", (-90.0, 90.0), center_at);
        c.number(center, "lon", (-180.0, 180.0), center_at);
    }
    c.number(json, "feed_radius_miles", RADIUS_MILES, root);
    let theme_at = root.key("theme");
    match json.get("theme") {
        Some(theme @ Json::Object(_)) => {
            c.unknown_fields(theme, &THEME_FIELDS, theme_at);
            if let Some(accent) = c.text(theme, "accent", theme_at) {
                match hex_color(&accent).map(|rgb| contrast(rgb, [255, 255, 255])) {
                    None => c.error(theme_at.key("accent"), ProblemKind::NotAColor { value: accent }),
                    Some(ratio) if ratio < TEXT_CONTRAST => {
                        c.warn(theme_at.key("accent"), ProblemKind::LowContrast { value: accent, ratio })
                    }
                    Some(_) => {}
                }
            }
            c.text(theme, "font", theme_at);
            c.one_of(theme, "scheme", SCHEMES, theme_at);
        }
        Some(Json::Null) | None => {}
        Some(other) => c.wrong_type(theme_at, Expected::Object, other),
    }
    warnings(json, &mut c);
    c.finish()
}

/// `#1d5c4d` or `#1d5` as red, green and blue; `None` for anything else (a name, `rgb()`).
fn hex_color(value: &str) -> Option<[u8; 3]> {
    let hex = value.strip_prefix('#').filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))?;
    let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
    match hex.len() {
        3 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17]),
        6 => Some([digit(0)? * 16 + digit(1)?, digit(2)? * 16 + digit(3)?, digit(4)? * 16 + digit(5)?]),
        _ => None,
    }
}

/// WCAG 2.2's contrast ratio of two colors (1 to 21).
fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let luminance = |rgb: [u8; 3]| {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The warnings about the live page for `json`, a center config.
fn warnings(json: &Json, c: &mut Checker) {
    let root = At::ROOT;
    let spoken = crate::strings::Lang::spoken();
    if let Some(Json::Array(languages)) = json.get("languages") {
        for (i, tag) in languages.iter().enumerate() {
            let Some(tag) = tag.as_str().filter(|tag| is_language_tag(tag)) else { continue };
            if !spoken.contains(&primary(tag).as_str()) {
                let value = tag.to_string();
                c.warn(root.key("languages").index(i), ProblemKind::NotSpoken { value, spoken: spoken.join(", ") });
            }
        }
    }
    let mut zone_at = |zone: Option<&Json>, at: At| {
        let Some(value) = zone.and_then(Json::as_str) else { return };
        let lower = value.trim_ascii().to_ascii_lowercase();
        if let Some((_, zone)) = EVERYDAY_ZONES.iter().find(|(names, _)| names.contains(&lower.as_str())) {
            c.warn(at, ProblemKind::EverydayZoneName { value: value.to_string(), zone });
        }
    };
    zone_at(json.get("center").and_then(|center| center.get("timezone")), root.key("center").key("timezone"));
    if let Some(Json::Array(resources)) = json.get("resources") {
        let resources_at = root.key("resources");
        for (i, resource) in resources.iter().enumerate() {
            zone_at(resource.get("timezone"), resources_at.index(i).key("timezone"));
        }
    }
    if let Some(url) = json.get("meeting_guide_url").and_then(Json::as_str).filter(|url| on_a_site(url)) {
        c.warn(root.key("meeting_guide_url"), ProblemKind::FeedOnAnotherSite { value: url.to_string() });
    }
    let center_at = root.key("center");
    if let Some(url) = json.get("center").and_then(|center| center.get("url")).and_then(Json::as_str) {
        if reads_as_web_address(url) {
            c.warn(center_at.key("url"), ProblemKind::WithoutHttps { value: url.to_string() });
        }
    }
    let resources_at = root.key("resources");
    if let Some(Json::Array(resources)) = json.get("resources") {
        for (i, resource) in resources.iter().enumerate() {
            let at = resources_at.index(i);
            if let Some(url) = resource.get("url").and_then(Json::as_str).filter(|url| reads_as_web_address(url)) {
                c.warn(at.key("url"), ProblemKind::WithoutHttps { value: url.to_string() });
            }
        }
    }
    let origins_at = root.key("embed_origins");
    if let Some(Json::Array(origins)) = json.get("embed_origins") {
        // Each entry at its own place in the list; those that are not origins `config::check` names.
        let listed: Vec<Option<String>> = origins.iter().map(|o| o.as_str().and_then(origin)).collect();
        for (i, entry) in listed.iter().enumerate() {
            let Some(entry) = entry else { continue };
            if let Some(twin) = other_name(entry).filter(|twin| !listed.iter().flatten().any(|o| o == twin)) {
                c.warn(origins_at.index(i), ProblemKind::OriginWithoutTwin { listed: entry.clone(), missing: twin });
            }
        }
    }
}

/// An address with a site of its own (`https://aa-intergroup.example/feed.json`), not a path.
fn on_a_site(url: &str) -> bool {
    let lower = url.trim_ascii().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("//")
}

/// A link with no scheme whose first part is a host name (`www.harbor.example/iop`,
/// `harbor.org`): as written, a browser opens it as a page of the center's own site.
fn reads_as_web_address(url: &str) -> bool {
    let url = url.trim_ascii().to_ascii_lowercase();
    if url.contains(':') || url.starts_with('/') || url.starts_with('.') {
        return false;
    }
    let host = url.split(['/', '?', '#']).next().unwrap_or_default();
    host.contains('.') && (host.starts_with("www.") || SITE_ENDINGS.iter().any(|end| host.ends_with(end)))
}

/// The same site's other name: `https://harbor.example` for `https://www.harbor.example` and
/// the reverse; none for a bare host of one label (`localhost`) or an IP address.
fn other_name(origin: &str) -> Option<String> {
    let (scheme, host) = origin.split_once("://")?;
    let name = host.split(':').next().unwrap_or_default();
    if name.bytes().all(|b| b.is_ascii_digit() || b == b'.') || !name.contains('.') {
        return None;
    }
    Some(match host.strip_prefix("www.") {
        Some(bare) => [scheme, "://", bare].concat(),
        None => [scheme, "://www.", host].concat(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::center::problem::Level;

    fn read(text: &str) -> Vec<(String, &'static str)> {
        let json: Json = serde_json::from_str(text).unwrap();
        problems(&json).into_iter().map(|p| (p.path.to_string(), p.kind.id())).collect()
    }

    #[test]
    fn a_feed_on_another_site_is_a_warning_and_a_path_is_not() {
        assert_eq!(
            read(r#"{"meeting_guide_url": "https://aa-intergroup.example/meetings.json"}"#),
            [("meeting_guide_url".to_string(), "feed_on_another_site")]
        );
        assert_eq!(read(r#"{"meeting_guide_url": "//aa.example/m.json"}"#).len(), 1);
        assert_eq!(read(r#"{"meeting_guide_url": "/peerpath/meetings.json"}"#), []);
        assert_eq!(read(r#"{"meeting_guide_url": "meetings.json"}"#), []);
    }

    #[test]
    fn a_link_without_https_is_named_and_a_path_is_not() {
        let found = read(
            r#"{"center": {"url": "www.harbor.example/contact"},
                "resources": [{"url": "harbor.org/iop"}, {"url": "/programs/iop.html"}, {"url": "iop.html"},
                              {"url": "https://harbor.org"}, {"url": "zoom.us/j/1"}, {"url": "tel:5550100"}]}"#,
        );
        assert_eq!(
            found,
            [
                ("center.url".to_string(), "without_https"),
                ("resources[0].url".to_string(), "without_https"),
                ("resources[4].url".to_string(), "without_https"),
            ]
        );
    }

    #[test]
    fn a_site_listed_without_its_other_name() {
        assert_eq!(
            read(r#"{"embed_origins": ["https://www.harbor.example/"]}"#),
            [("embed_origins[0]".to_string(), "origin_without_twin")]
        );
        assert_eq!(read(r#"{"embed_origins": ["https://harbor.example"]}"#).len(), 1);
        assert_eq!(read(r#"{"embed_origins": ["https://harbor.example", "https://WWW.harbor.example"]}"#), []);
        assert_eq!(read(r#"{"embed_origins": ["http://localhost:8000", "http://127.0.0.1:8000"]}"#), []);
        // Named at its own place, after entries that are not origins.
        assert_eq!(
            read(r#"{"embed_origins": [5, "*", "https://www.harbor.example"]}"#),
            [("embed_origins[2]".to_string(), "origin_without_twin")]
        );
        let problem =
            &problems(&serde_json::from_str(r#"{"embed_origins": ["https://www.harbor.example"]}"#).unwrap())[0];
        assert_eq!(problem.level, Level::Warning);
        assert!(problem.to_string().contains("but not https://harbor.example"), "{problem}");
    }

    #[test]
    fn the_fields_only_the_sync_and_the_shell_read() {
        let good = r##"{"center": {"name": "H", "address": "1 Pier Way", "lat": 33.19, "lon": -117.38},
            "feed_radius_miles": 40, "theme": {"accent": "#1d5c4d", "font": "inherit", "scheme": "auto"}}"##;
        assert_eq!(read(good), []);
        let bad = r##"{"center": {"lat": 91, "lon": "west"}, "feed_radius_miles": 0,
            "theme": {"accent": "green", "scheme": "midnight", "size": 3}}"##;
        assert_eq!(
            read(bad),
            [
                ("center.lat".to_string(), "out_of_range"),
                ("center.lon".to_string(), "wrong_type"),
                ("feed_radius_miles".to_string(), "out_of_range"),
                ("theme.size".to_string(), "unknown_field"),
                ("theme.accent".to_string(), "not_a_color"),
                ("theme.scheme".to_string(), "not_one_of"),
            ]
        );
        assert_eq!(read(r#"{"theme": "dark"}"#), [("theme".to_string(), "wrong_type")]);
    }

    /// White text on the accent must be readable: WCAG's 4.5:1, at the boundary and either side.
    #[test]
    fn an_accent_too_light_for_white_text_is_a_warning() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        // #767676 is the lightest grey at 4.5:1 on white; #777777 is just under.
        assert_eq!(read(r##"{"theme": {"accent": "#767676"}}"##), []);
        assert_eq!(read(r##"{"theme": {"accent": "#777"}}"##), [("theme.accent".to_string(), "low_contrast")]);
        assert_eq!(read(r##"{"theme": {"accent": "#ffd700"}}"##), [("theme.accent".to_string(), "low_contrast")]);
        let problem = &problems(&serde_json::from_str(r##"{"theme": {"accent": "#ffd700"}}"##).unwrap())[0];
        assert_eq!(problem.level, Level::Warning);
        assert!(problem.to_string().contains("1.4:1"), "{problem}");
    }

    #[test]
    fn a_language_the_widget_does_not_speak_is_named() {
        let found = read(r#"{"languages": ["en", "english", "es-MX", "fr", "Spanish please", 3]}"#);
        // "Spanish please" and 3 are not tags at all: config::check names those.
        assert_eq!(found, [("languages[1]".to_string(), "not_spoken"), ("languages[3]".to_string(), "not_spoken")]);
        let json: Json = serde_json::from_str(r#"{"languages": ["English"]}"#).unwrap();
        let said = problems(&json)[0].to_string();
        assert!(said.starts_with("\"English\" is not a language the widget speaks (en, es)"), "{said}");
        assert_eq!(read(r#"{"languages": ["en", "es"]}"#), []);
    }

    #[test]
    fn a_zone_by_its_everyday_name_is_named_with_its_iana_name() {
        let found = read(
            r#"{"center": {"timezone": "Pacific"},
                "resources": [{"timezone": "EST"}, {"timezone": "America/Denver"}, {"timezone": "US/Central"}, {"timezone": " cdt "}]}"#,
        );
        assert_eq!(
            found,
            [
                ("center.timezone".to_string(), "everyday_zone_name"),
                ("resources[0].timezone".to_string(), "everyday_zone_name"),
                ("resources[3].timezone".to_string(), "everyday_zone_name"),
            ]
        );
        let json: Json = serde_json::from_str(r#"{"center": {"timezone": "Eastern"}}"#).unwrap();
        let said = problems(&json)[0].to_string();
        assert!(said.contains("give its IANA name, America/New_York,"), "{said}");
        assert_eq!(read(r#"{"center": {"timezone": "America/Phoenix"}}"#), []);
    }

    #[test]
    fn a_config_that_works_has_none() {
        let text = include_str!("../../www/center.json");
        assert_eq!(read(text), []);
    }
}
