//! Options of `evaluate`: the visitor's language and what the center said about itself.
//!
//! Only the parts of the center config the engine needs are read here (name, phones, `hide`);
//! a config problem is never the visitor's: unusable fields are left out, not errors.

use serde::Deserialize;

use crate::strings::Lang;

/// The center's contact details, as given in its config.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Center {
    pub name: Option<String>,
    /// Admissions phone.
    pub phone: Option<String>,
    /// SMS line.
    pub text: Option<String>,
    pub crisis_phone: Option<String>,
    pub url: Option<String>,
    pub hours: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub lang: Lang,
    pub center: Center,
    /// Catalog ids the center does not suggest.
    pub hide: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options { lang: Lang::En, center: Center::default(), hide: Vec::new() }
    }
}

/// `{ lang, config: { center, languages, hide } }` as given by the caller; every field optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawOptions {
    pub lang: Option<String>,
    pub config: Option<RawConfig>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawConfig {
    pub center: Option<Center>,
    pub languages: Option<Vec<String>>,
    pub hide: Option<Vec<String>>,
    pub quick_exit_url: Option<String>,
}

/// Where the quick exit goes when the center names no usable page: a plain weather page.
pub const DEFAULT_QUICK_EXIT: &str = "https://www.weather.gov/";

impl RawConfig {
    /// The center's quick-exit page when it is an http(s) URL, else the default.
    pub fn quick_exit_url(&self) -> String {
        match self.quick_exit_url.as_deref() {
            Some(url) if url.starts_with("https://") || url.starts_with("http://") => url.to_string(),
            _ => DEFAULT_QUICK_EXIT.to_string(),
        }
    }
}

impl Options {
    /// The language is the one asked for, else the config's first offered language, else
    /// English; a language the widget does not speak falls back the same way.
    pub fn from_raw(raw: RawOptions) -> Options {
        let config = raw.config.unwrap_or_default();
        let lang = raw
            .lang
            .as_deref()
            .and_then(Lang::from_tag)
            .or_else(|| config.languages.iter().flatten().find_map(|tag| Lang::from_tag(tag)))
            .unwrap_or(Lang::En);
        Options { lang, center: config.center.unwrap_or_default(), hide: config.hide.unwrap_or_default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(json: &str) -> Options {
        Options::from_raw(serde_json::from_str(json).unwrap())
    }

    #[test]
    fn language_negotiation() {
        assert_eq!(options("{}").lang, Lang::En);
        assert_eq!(options(r#"{"lang":"en-GB"}"#).lang, Lang::En);
        assert_eq!(options(r#"{"lang":"xx","config":{"languages":["yy","en"]}}"#).lang, Lang::En);
    }

    #[test]
    fn center_and_hide_are_read_and_unknown_fields_ignored() {
        let o = options(r#"{"config":{"center":{"name":"Harbor","phone":"555","extra":1},"hide":["lifering"],"resources":[]}}"#);
        assert_eq!(o.center.name.as_deref(), Some("Harbor"));
        assert_eq!(o.center.phone.as_deref(), Some("555"));
        assert_eq!(o.hide, ["lifering"]);
    }
}
