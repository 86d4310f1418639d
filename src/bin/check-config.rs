//! `check-config`: checks a center's PeerPath config before it is published.
//!
//!     cargo run --bin check-config -- center.json [meetings.json]
//!
//! Prints every problem with its field path, and exits with 1 when there are errors (warnings
//! alone exit with 0), or 2 when a file cannot be read or is not JSON.

use std::process::ExitCode;

use peerpath::{check_config, readiness_problems, Json, ProblemLevel, MAX_CONFIG_BYTES};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.len() > 2 || args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("usage: check-config CENTER.json [MEETING_GUIDE_FEED.json]");
        return ExitCode::from(2);
    }
    let config = match read_json(&args[0]) {
        Ok(json) => json,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut checked = check_config(&config);
    checked.problems.extend(readiness_problems(&config));
    if let Some(feed_path) = args.get(1) {
        match read_json(feed_path) {
            Ok(feed) => checked.add_feed(&feed),
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        }
    }
    for problem in &checked.problems {
        let level = match problem.level {
            ProblemLevel::Error => "error",
            ProblemLevel::Warning => "warning",
        };
        let path = problem.path.to_string();
        let path = if path.is_empty() { "(the whole file)".to_string() } else { visible(&path) };
        println!("{level}: {path}: {}", visible(&problem.to_string()));
    }
    let errors = checked.errors();
    let warnings = checked.problems.len() - errors;
    let resources = checked.config.resources.len();
    println!(
        "{}: {errors} error(s), {warnings} warning(s); {resources} resource(s) and meeting(s) will be shown.",
        args.join(" + ")
    );
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Text as a terminal should print it: control characters (which could clear the screen, set
/// the window title or write to the clipboard) and bidirectional controls (which could make a
/// value read as something else) written as `\u{..}` escapes.
fn visible(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let bidi = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn read_json(path: &str) -> Result<Json, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot be read: {e}"))?;
    if bytes.len() > MAX_CONFIG_BYTES {
        return Err(format!(
            "{path}: is {} bytes; the widget reads at most {MAX_CONFIG_BYTES} bytes (2 MiB).",
            bytes.len()
        ));
    }
    let text = String::from_utf8(bytes).map_err(|_| format!("{path}: is not UTF-8 text"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: is not valid JSON: {e}"))
}
