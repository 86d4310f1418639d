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
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if !wasm || std::env::var_os("CARGO_FEATURE_API").is_some() {
        println!("cargo::rustc-cfg=all_languages");
    }
    let lang = if std::env::var_os("CARGO_FEATURE_BUILTIN_ES").is_some() { "es" } else { "en" };
    let path = format!("src/strings/{lang}.txt");
    println!("cargo:rerun-if-changed={path}");
    println!("cargo:rerun-if-changed=src/strings/hash.rs");
    println!("cargo:rerun-if-changed=src/strings/pack.rs");
    let source = std::fs::read_to_string(&path).expect("the built-in language's table file");
    let packed = pack(&compact(&source));
    let mut out = String::new();
    writeln!(out, "/// The hash seed under which every key has its own hash.").unwrap();
    writeln!(out, "const SEED: u32 = {};", packed.seed).unwrap();
    writeln!(out, "/// The built-in language, packed.").unwrap();
    writeln!(out, "const PACKED: &str = {:?};", packed.text).unwrap();
    writeln!(out, "/// The packed texts' key hashes, rising, as one-byte differences.").unwrap();
    writeln!(out, "static DELTAS: [u8; {}] = {:?};", packed.deltas.len(), packed.deltas).unwrap();
    writeln!(out, "/// Every unkeyed key by its hash, for `Key::of` (compile time only).").unwrap();
    let keys: Vec<String> = packed.keys.iter().map(|(h, k)| format!("({h}, {k:?})")).collect();
    writeln!(out, "const KEYS: [(u16, &str); {}] = [{}];", keys.len(), keys.join(", ")).unwrap();
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_strings.rs");
    std::fs::write(dest, out).unwrap();
}
