// The hashing of string keys, shared by the crate and its build script (`build.rs` includes this
// file): what the build script packs, the crate looks up. No imports, `const fn` only, so it
// builds anywhere.

/// Key families whose strings may be absent: help texts (`h.`), the labels of a 0..10 ruler
/// (`o.ruler.`, only its ends have one) and the names of languages a center may list
/// (`o.language.`). Their keys are kept, so `lookup` can say `None`. Every other string is found
/// by a 16-bit hash of its key, which the tables guarantee to be unique (`SEED`), so the
/// language built into the module carries no key text (the key text would add 3.1 KB gzip,
/// BENCHMARKS.md).
pub const KEYED: [&[u8]; 3] = [b"h.", b"o.ruler.", b"o.language."];

pub const fn keyed(key: &[u8]) -> bool {
    let mut f = 0;
    while f < KEYED.len() {
        let prefix = KEYED[f];
        let mut i = 0;
        while i < prefix.len() && i < key.len() && key[i] == prefix[i] {
            i += 1;
        }
        if i == prefix.len() {
            return true;
        }
        f += 1;
    }
    false
}

/// FNV-1a over the key, from a basis moved by `seed`, folded to 16 bits.
pub const fn hash(key: &[u8], seed: u32) -> u16 {
    let mut h: u32 = 0x811c_9dc5 ^ seed.wrapping_mul(0x9e37_79b9);
    let mut i = 0;
    while i < key.len() {
        h ^= key[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    (h ^ (h >> 16)) as u16
}
