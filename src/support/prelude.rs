//! What the standard prelude gives, for the modules that must also build without std, and
//! cutting text at ASCII separators.

pub use alloc::boxed::Box;
pub use alloc::string::{String, ToString};
pub use alloc::vec;
pub use alloc::vec::Vec;

/// `text` up to the first of the ASCII `bytes`, and the rest after that byte (`None` when
/// there is none). The separators here are always ASCII, and a byte search leaves out core's
/// char searchers, which `split` and `split_once` bring (814 B gzip more, BENCHMARKS.md).
pub fn cut<'a>(text: &'a str, bytes: &[u8]) -> (&'a str, Option<&'a str>) {
    match text.bytes().position(|b| bytes.contains(&b)) {
        Some(i) => (text.get(..i).unwrap_or(text), text.get(i + 1..)),
        None => (text, None),
    }
}

/// The pieces of `text` between ASCII `separator` bytes, as `str::split` gives them.
pub fn pieces(text: &str, separator: u8) -> Pieces<'_> {
    Pieces { rest: Some(text), separator }
}

pub struct Pieces<'a> {
    rest: Option<&'a str>,
    separator: u8,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let (piece, rest) = cut(self.rest?, &[self.separator]);
        self.rest = rest;
        Some(piece)
    }
}

#[cfg(test)]
#[test]
fn cut_and_pieces_as_std_does() {
    for text in ["", "a", "a-b", "-a-", "é-ü--", "no separator", "a=b=c"] {
        assert_eq!(pieces(text, b'-').collect::<Vec<_>>(), text.split('-').collect::<Vec<_>>(), "{text:?}");
        let (before, after) = cut(text, b"=-");
        assert_eq!(
            (before, after),
            text.split_once(['=', '-']).map_or((text, None), |(b, a)| (b, Some(a))),
            "{text:?}"
        );
    }
}
