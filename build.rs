//! Packs the language built into the module (English, or Spanish with the `builtin-es`
//! feature) from its table file, as `src/strings/pack.rs` describes, and writes the result for
//! `src/strings/mod.rs` to include: the hash seed, the packed text, the hash differences, and
//! the keys by hash that `text!` checks a key written in the code against at compile time.

use std::fmt::Write;

include!("src/strings/hash.rs");
include!("src/strings/pack.rs");

fn main() {
    // `all_languages`: every language's table in the build (native builds, the tests, and the
    // scoring API module, whose callers ask for any language); the widget's module holds one.
    println!("cargo::rustc-check-cfg=cfg(all_languages)");
    // `full_result`: the scores and the nine-domain profile of screening.md, in results for a
    // center's own tools (the scoring API, native builds). The widget's result does not show
    // them (it starts with what to do, and leaves the numbers to a professional; quality.md),
    // so its module leaves them and their strings out (about 3.5 KB gzip).
    println!("cargo::rustc-check-cfg=cfg(full_result)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let full = !wasm || std::env::var_os("CARGO_FEATURE_API").is_some();
    if full {
        println!("cargo::rustc-cfg=all_languages");
        println!("cargo::rustc-cfg=full_result");
    }
    let lang = if std::env::var_os("CARGO_FEATURE_BUILTIN_ES").is_some() { "es" } else { "en" };
    let path = format!("src/strings/{lang}.txt");
    println!("cargo:rerun-if-changed={path}");
    println!("cargo:rerun-if-changed=src/strings/hash.rs");
    println!("cargo:rerun-if-changed=src/strings/pack.rs");
    let source = std::fs::read_to_string(&path).expect("the built-in language's table file");
    // The widget's module also leaves out the welcome's words: the page's shell draws the
    // welcome (before the module has loaded), from its own copy (a test keeps them the same).
    let source: String = if full {
        source
    } else {
        source
            .lines()
            .filter(|line| !is_profile_key(line) && !is_shell_key(line))
            .flat_map(|line| [line, "\n"])
            .collect()
    };
    let packed = pack(&compact(&source));
    let mut out = String::new();
    writeln!(out, "/// The hash seed under which every key has its own hash.").unwrap();
    writeln!(out, "const SEED: u32 = {};", packed.seed).unwrap();
    writeln!(out, "/// The built-in language, packed.").unwrap();
    writeln!(out, "const PACKED: &str = {:?};", packed.text).unwrap();
    writeln!(out, "/// The packed texts' key hashes, rising, as one-byte differences.").unwrap();
    writeln!(out, "static DELTAS: [u8; {}] = {:?};", packed.deltas.len(), packed.deltas).unwrap();
    writeln!(out, "/// Every unkeyed key by its hash, for `Key::of` (compile time only).").unwrap();
    // A `const`, not a `static`: `Key::of` reads it in const evaluation, and nothing of it is
    // left in the module, however large it grows.
    writeln!(out, "#[allow(clippy::large_const_arrays)]").unwrap();
    let keys: Vec<String> = packed.keys.iter().map(|(h, k)| format!("({h}, {k:?})")).collect();
    writeln!(out, "const KEYS: [(u16, &str); {}] = [{}];", keys.len(), keys.join(", ")).unwrap();
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_strings.rs");
    std::fs::write(dest, out).unwrap();
}

/// A line of the scores' and the profile's strings (the domains' names and reasons), which only
/// builds with `full_result` hold.
fn is_profile_key(line: &str) -> bool {
    const PROFILE: [&str; 5] = ["d.", "r.d_", "ui.score.", "ui.result.details", "ui.result.scores"];
    // The readiness rulers and BARC-10 feed only the profile, so the widget does not ask them
    // (render::screens::OFFERED).
    const READY: [&str; 7] =
        ["q.importance", "q.confidence", "h.importance", "h.confidence", "q.barc_", "o.agree_6.", "o.ruler."];
    PROFILE.iter().chain(&READY).chain(&["ui.sharpen.ready"]).any(|key| line.starts_with(key))
}

/// A line only the page's shell reads (the welcome, the loading note): it has them from the
/// language's glue (tools/shell-words.py).
fn is_shell_key(line: &str) -> bool {
    ["ui.welcome.", "ui.loading "].iter().any(|key| line.starts_with(key))
}
