//! The fuzz targets: what the module reads from outside (a visitor's answers through
//! `evaluate`, a center's config, a Meeting Guide feed), each from raw bytes. A target must
//! never panic, whatever the bytes, and what it returns must hold: errors name a problem, and
//! every result is valid JSON. Shared by the corpus replay in `make test` and `make fuzz`
//! (tests/fuzz.rs).

use std::sync::OnceLock;

use peerpath::{check_config, evaluate, Answers, Json, Options, RawAnswers, RawOptions};

/// A target: raw bytes in, no panic out.
pub type Target = fn(&[u8]);

/// The fuzz targets by name, as the corpus directories are named.
pub const TARGETS: [(&str, Target); 3] = [("answers", answers), ("config", config), ("meeting_guide", meeting_guide)];

/// A visitor's answers as a page would send them, scored with the demo center's config.
pub fn answers(bytes: &[u8]) {
    let Some(json) = read(bytes) else { return };
    match Answers::from_raw(&RawAnswers::from_json(json)) {
        Ok(answers) => valid(&serde_json::to_string(&evaluate(&answers, demo())).expect("results serialize")),
        Err(errors) => {
            assert!(!errors.is_empty(), "rejected answers name at least one problem");
            assert!(errors.iter().all(|e| !e.message.is_empty()), "every problem says what is wrong");
        }
    }
}

/// A center's config: checked, then used for a full result with local matches.
pub fn config(bytes: &[u8]) {
    let Some(json) = read(bytes) else { return };
    let checked = check_config(&json);
    assert!(checked.problems.iter().all(|p| !p.to_string().is_empty()), "every problem says what is wrong");
    // Schemes are case-insensitive ("HTTPS://" is a web page too): libFuzzer's first find was
    // this check being stricter than the URL rules (corpus/config/mixed-case-scheme.json).
    let exit = checked.quick_exit_url().to_ascii_lowercase();
    assert!(exit.starts_with("https://") || exit.starts_with("http://"), "quick exit goes to a web page: {exit}");
    assert!(checked.config.resources.len() <= peerpath::MAX_RESOURCES);
    let mut options = base();
    options.center = checked.config.center;
    options.hide = checked.config.hide;
    options.resources = checked.config.resources;
    valid(&serde_json::to_string(&evaluate(full(), &options)).expect("results serialize"));
}

/// A Meeting Guide feed added to a small config, then used for a full result.
pub fn meeting_guide(bytes: &[u8]) {
    let Some(json) = read(bytes) else { return };
    let mut checked = check_config(&serde_json::from_str::<Json>(r#"{"center":{"name":"Fuzz Center"}}"#).unwrap());
    checked.add_feed(&json);
    assert!(checked.problems.iter().all(|p| !p.to_string().is_empty()));
    let mut options = base();
    options.resources = checked.config.resources;
    valid(&serde_json::to_string(&evaluate(full(), &options)).expect("results serialize"));
}

/// JSON from bytes as the page gives it: the page's `JSON.parse` refuses text that is not
/// JSON, so only values reach the engine (read here by serde_json, as the tests do).
fn read(bytes: &[u8]) -> Option<Json> {
    serde_json::from_slice(bytes).ok()
}

/// Output must serialize to JSON another reader accepts.
fn valid(text: &str) {
    if let Err(error) = serde_json::from_str::<serde_json::Value>(text) {
        panic!("evaluate gave a result that is not JSON ({error}): {}", &text[..text.len().min(400)]);
    }
}

/// Options with a clock and a place, so the finder's schedule and distance code runs.
fn base() -> Options {
    let raw = serde_json::from_str::<Json>(r#"{"now":{"day":2,"minutes":1140},"zones":{"America/Chicago":{"day":2,"minutes":1080}},"near":{"lat":33.2,"lon":-117.3}}"#).unwrap();
    Options::from_raw(RawOptions::from_json(&raw).unwrap())
}

/// The demo center's config (www/index.html), with its 18 programs.
fn demo() -> &'static Options {
    static DEMO: OnceLock<Options> = OnceLock::new();
    DEMO.get_or_init(|| {
        let config = include_str!("corpus/config/demo-center.json");
        let mut options = base();
        let checked = check_config(&serde_json::from_str::<Json>(config).unwrap());
        options.center = checked.config.center;
        options.resources = checked.config.resources;
        options
    })
}

/// One full set of answers that asks for every kind of local match.
fn full() -> &'static Answers {
    static FULL: OnceLock<Answers> = OnceLock::new();
    FULL.get_or_init(|| {
        let text = r#"{"for_whom":"self","substances":["alcohol","opioids"],"auditc_1":3,"auditc_2":2,"auditc_3":1,
            "use_freq_opioids":"weekly","last_use":"past_week","approach":"no_preference","format":"either",
            "times":["weekday_evening","weekend"],"language":"en","housing":"unstable","justice":"recently_released"}"#;
        Answers::from_raw(&RawAnswers::from_json(serde_json::from_str::<Json>(text).unwrap())).unwrap()
    })
}
