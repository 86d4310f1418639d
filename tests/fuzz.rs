//! Fuzzing the three readers of outside input (tests/fuzz/targets.rs).
//!
//! - `make test` replays the committed seed corpus (tests/fuzz/corpus/<target>/) and a fixed
//!   set of mutations of every seed: deterministic, a few seconds.
//! - `make fuzz` runs `fuzz_for_a_while` for FUZZ_SECONDS per target (default 60): random
//!   mutations of the seeds, both of the bytes and of the JSON structure, with words taken from
//!   the seeds and the questionnaire, so inputs stay close enough to real ones to get deep. It
//!   needs no nightly toolchain; it is not coverage-guided, so it runs long rather than clever.
//!   Any input that panics is saved in target/fuzz/crashes/<target>/ and fails the run; fix the
//!   bug, then add the input to the corpus so the replay keeps it fixed.

#[path = "fuzz/targets.rs"]
mod targets;

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::time::{Duration, Instant};

use serde_json::Value;

/// A small, seedable random source (xorshift64*): the replay must be the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect()
}

/// Every string and key in the seeds, and every item id and option value: the words mutations
/// put in, so mutated input often means something to the readers.
fn dictionary(seeds: &[(PathBuf, Vec<u8>)]) -> Vec<String> {
    fn collect(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
            Value::Object(map) => map.iter().for_each(|(k, v)| {
                out.push(k.clone());
                collect(v, out);
            }),
            _ => {}
        }
    }
    let mut words = Vec::new();
    for (_, bytes) in seeds {
        if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
            collect(&value, &mut words);
        }
    }
    for item in &peerpath::ITEMS {
        words.push(item.id.as_str().to_string());
        words.extend(item.id.options().values.iter().map(|v| v.to_string()));
    }
    words.extend(
        ["", " ", "\u{0}", "é", "😀", "\u{202e}", "<script>", "24:00", "23:59", "-1", "1e999", "NaN"].map(String::from),
    );
    words.push("x".repeat(5000));
    words.sort();
    words.dedup();
    words
}

const NUMBERS: [f64; 16] =
    [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.0, 4.0, 7.0, 10.0, 11.0, 255.0, 65535.0, 1e15, 1e308, -1e308];

fn random_value(rng: &mut Rng, words: &[String], depth: u32) -> Value {
    match rng.below(if depth > 3 { 5 } else { 7 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => serde_json::Number::from_f64(*rng.pick(&NUMBERS)).map_or(Value::Null, Value::Number),
        3 => Value::from(rng.next() as i64 >> rng.below(64)),
        4 => Value::String(rng.pick(words).clone()),
        5 => Value::Array((0..rng.below(4)).map(|_| random_value(rng, words, depth + 1)).collect()),
        _ => Value::Object(
            (0..rng.below(4)).map(|_| (rng.pick(words).clone(), random_value(rng, words, depth + 1))).collect(),
        ),
    }
}

/// Changes one random node of the tree: replaced, emptied, duplicated, or a key renamed or
/// dropped.
fn mutate_tree(value: &mut Value, rng: &mut Rng, words: &[String], depth: u32) {
    let descend = rng.below(3) != 0;
    match value {
        Value::Array(items) if descend && !items.is_empty() => {
            let i = rng.below(items.len());
            match rng.below(8) {
                0 => drop(items.remove(i)),
                1 => {
                    let copy = items[i].clone();
                    items.insert(i, copy);
                }
                _ => mutate_tree(&mut items[i], rng, words, depth + 1),
            }
        }
        Value::Object(map) if descend && !map.is_empty() => {
            let key = map.keys().nth(rng.below(map.len())).unwrap().clone();
            match rng.below(8) {
                0 => drop(map.remove(&key)),
                1 => {
                    let moved = map.remove(&key).unwrap();
                    map.insert(rng.pick(words).clone(), moved);
                }
                _ => mutate_tree(map.get_mut(&key).unwrap(), rng, words, depth + 1),
            }
        }
        _ => *value = random_value(rng, words, depth),
    }
}

const BYTES: &[u8] = b"\"\\{}[],:0-+.eE \n\xff\xc3\xa9tfn";

/// Changes the text itself: bytes flipped, set, inserted or cut, a run repeated, or a piece of
/// another seed spliced in.
fn mutate_bytes(bytes: &mut Vec<u8>, rng: &mut Rng, other: &[u8]) {
    let at = rng.below(bytes.len() + 1);
    match rng.below(6) {
        0 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
        1 if at < bytes.len() => bytes[at] = *rng.pick(BYTES),
        2 => bytes.insert(at, *rng.pick(BYTES)),
        3 if at < bytes.len() => {
            let end = (at + 1 + rng.below(16)).min(bytes.len());
            bytes.drain(at..end);
        }
        4 if at < bytes.len() => {
            let end = (at + 1 + rng.below(32)).min(bytes.len());
            let run = bytes[at..end].to_vec();
            bytes.splice(at..at, run);
        }
        _ if !other.is_empty() => {
            let from = rng.below(other.len());
            let end = (from + 1 + rng.below(64)).min(other.len());
            bytes.splice(at..at, other[from..end].iter().copied());
        }
        _ => bytes.push(*rng.pick(BYTES)),
    }
}

/// One new input from the seeds: one to four structural or byte mutations of a random seed.
fn mutant(seeds: &[(PathBuf, Vec<u8>)], words: &[String], rng: &mut Rng) -> Vec<u8> {
    let (_, seed) = rng.pick(seeds);
    let rounds = 1 + rng.below(4);
    if rng.below(3) != 0 {
        if let Ok(mut value) = serde_json::from_slice::<Value>(seed) {
            for _ in 0..rounds {
                mutate_tree(&mut value, rng, words, 0);
            }
            return serde_json::to_vec(&value).unwrap();
        }
    }
    let mut bytes = seed.clone();
    let (_, other) = rng.pick(seeds);
    for _ in 0..rounds {
        mutate_bytes(&mut bytes, rng, other);
    }
    bytes
}

thread_local! {
    /// The message of the last panic inside `attempt` on this thread.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether this thread is inside `attempt`.
    static ATTEMPTING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `target` on `input`; the panic message if it panicked. Such panics are recorded, not
/// printed (a fuzz run may see many); a panic anywhere else, on any thread, is reported as usual.
fn attempt(target: fn(&[u8]), input: &[u8]) -> Option<String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let usual = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if ATTEMPTING.with(Cell::get) {
                LAST_PANIC.with(|m| *m.borrow_mut() = Some(info.to_string()));
            } else {
                usual(info);
            }
        }));
    });
    ATTEMPTING.with(|a| a.set(true));
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| target(input)));
    ATTEMPTING.with(|a| a.set(false));
    outcome.err().map(|_| LAST_PANIC.with(|m| m.borrow_mut().take().unwrap_or_default()))
}

/// Inputs that panicked, saved for the record; returns where.
fn save(target: &str, input: &[u8]) -> PathBuf {
    let hash = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz/crashes").join(target);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{hash:016x}.json"));
    std::fs::write(&path, input).unwrap();
    path
}

/// `make test`: every seed, and 150 fixed mutations per seed, run cleanly.
#[test]
fn corpus_replays_cleanly() {
    let mut failures = Vec::new();
    for (name, target) in targets::TARGETS {
        let seeds = corpus(name);
        assert!(!seeds.is_empty(), "no seeds for {name}");
        let words = dictionary(&seeds);
        let mut rng = Rng(0x5EED_0000 + name.len() as u64);
        for (path, bytes) in &seeds {
            if let Some(message) = attempt(target, bytes) {
                failures.push(format!("{name}: {}: {message}", path.display()));
            }
        }
        for _ in 0..seeds.len().max(10) * 150 {
            let input = mutant(&seeds, &words, &mut rng);
            if let Some(message) = attempt(target, &input) {
                failures.push(format!("{name}: mutation saved in {}: {message}", save(name, &input).display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `make fuzz`: FUZZ_SECONDS (default 60) of random mutations per target.
#[test]
#[ignore = "runs for minutes; `make fuzz`"]
fn fuzz_for_a_while() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64) | 1
    });
    let mut crashes = Vec::new();
    for (name, target) in targets::TARGETS {
        let seeds = corpus(name);
        let words = dictionary(&seeds);
        let mut rng = Rng(seed ^ name.len() as u64);
        let (start, mut runs) = (Instant::now(), 0u64);
        while start.elapsed() < Duration::from_secs(seconds) {
            let input = mutant(&seeds, &words, &mut rng);
            runs += 1;
            if let Some(message) = attempt(target, &input) {
                crashes.push(format!("{name}: {} : {message}", save(name, &input).display()));
                if crashes.len() > 20 {
                    break;
                }
            }
        }
        eprintln!(
            "fuzz {name}: {runs} inputs in {:.0} s ({:.0}/s), seed {seed}",
            start.elapsed().as_secs_f64(),
            runs as f64 / start.elapsed().as_secs_f64()
        );
    }
    assert!(crashes.is_empty(), "{} input(s) panicked:\n{}", crashes.len(), crashes.join("\n"));
}
