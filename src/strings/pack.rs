// Packing a language's table the way the module holds its built-in language: run by the build
// script (`build.rs` includes this file, with `hash.rs` beside it) and by the tests. Plain std
// Rust, at build time: nothing here is in the module.
//
// The packed table is the `KEYED` families' lines as they are, then every other text as
// `=text` (its key dropped) in the order of its key's 16-bit hash; the hashes are kept as the
// differences between neighbours, one byte each (255: add 255 and read on). A seed moves the
// hash until no two keys share one.

/// The table text without what only translators read: comment lines, blank lines, and the
/// spaces around the first `=` of a line.
pub fn compact(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines() {
        let line = line.trim_start_matches(' ');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once(" = ") {
            Some((key, text)) => {
                out.push_str(key);
                out.push('=');
                out.push_str(text);
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// A language's table as the module holds it.
pub struct Packed {
    pub seed: u32,
    pub text: String,
    pub deltas: Vec<u8>,
    /// Every unkeyed key with its hash, by hash: what `text!` checks a key against.
    pub keys: Vec<(u16, String)>,
}

/// Packs the compacted table `compact`: finds the first seed under which no two unkeyed keys
/// share a hash, then writes the text and the hash differences.
pub fn pack(compact: &str) -> Packed {
    let lines: Vec<(&str, &str)> = compact.lines().map(|l| l.split_once('=').unwrap_or((l, ""))).collect();
    let unkeyed: Vec<&(&str, &str)> = lines.iter().filter(|(k, _)| !keyed(k.as_bytes())).collect();
    let seed = (0..100_000)
        .find(|&seed| {
            let mut hashes: Vec<u16> = unkeyed.iter().map(|(k, _)| hash(k.as_bytes(), seed)).collect();
            hashes.sort_unstable();
            hashes.windows(2).all(|w| w[0] != w[1])
        })
        .expect("a seed gives every string key its own 16-bit hash");
    let mut order: Vec<(u16, &str, &str)> = unkeyed.iter().map(|(k, t)| (hash(k.as_bytes(), seed), *k, *t)).collect();
    order.sort_unstable();
    let mut text = String::new();
    for (key, value) in lines.iter().filter(|(k, _)| keyed(k.as_bytes())) {
        text.push_str(&format!("{key}={value}\n"));
    }
    let mut deltas = Vec::new();
    let mut previous = 0u16;
    for (h, _, value) in &order {
        text.push_str(&format!("={value}\n"));
        let mut delta = h - previous;
        previous = *h;
        while delta >= 255 {
            deltas.push(255);
            delta -= 255;
        }
        deltas.push(delta as u8);
    }
    let keys = order.iter().map(|(h, k, _)| (*h, k.to_string())).collect();
    Packed { seed, text, deltas, keys }
}
