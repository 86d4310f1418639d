//! Lists the language files of `src/strings/` (each named by its language tag: `en.txt`,
//! `es.txt`) for the builds that have every language built in (`strings/builtin.rs`, feature
//! "full"; for the widget's module the list is empty), so adding a language is adding its file: no Rust changes. The widget's module has no
//! language built in; the page hands it the visitor's file (`make build` copies them).

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=src/strings");
    // The widget's module (without "full") has none built in.
    let full = std::env::var_os("CARGO_FEATURE_FULL").is_some();
    let mut tags: Vec<String> = std::fs::read_dir("src/strings")
        .expect("src/strings")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".txt").map(str::to_string))
        .filter(|tag| full && is_language_tag(tag))
        .collect();
    tags.sort();
    let mut out = String::from("/// Every language file of `src/strings/`, by tag, in the order of their tags.\n");
    writeln!(out, "const FILES: [(&str, &str); {}] = [", tags.len()).unwrap();
    for tag in &tags {
        let path = format!("{}/src/strings/{tag}.txt", std::env::var("CARGO_MANIFEST_DIR").unwrap());
        writeln!(out, "    ({tag:?}, include_str!({path:?})),").unwrap();
    }
    out.push_str("];\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("languages.rs");
    std::fs::write(dest, out).unwrap();
}

/// A language file's name is its primary language tag: two or three lowercase letters.
fn is_language_tag(name: &str) -> bool {
    (2..=3).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_lowercase())
}
