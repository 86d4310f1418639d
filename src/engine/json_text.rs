//! JSON text in and out, by hand: a small reader into `Json` and a writer for results.
//!
//! Why not serde: at the WebAssembly boundary, one `JSON.stringify`/`JSON.parse` and these few
//! hundred lines cost far fewer bytes than serde's generic code instantiated per type, and one
//! string crossing the boundary is much faster than reading a 5,000-meeting feed field by field.

use super::json::Json;
use crate::prelude::*;

/// Why the text is not JSON, with the byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub offset: usize,
    pub message: &'static str,
}

/// Nesting deeper than this is refused (a center config is a few levels deep), so hostile text
/// cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

impl Json {
    /// Reads JSON text (RFC 8259).
    pub fn parse(text: &str) -> Result<Json, ParseError> {
        let mut reader = Reader { text, bytes: text.as_bytes(), at: 0 };
        reader.skip_space();
        let value = reader.value(0)?;
        reader.skip_space();
        if reader.at != reader.bytes.len() {
            return Err(reader.error("unexpected text after the value"));
        }
        Ok(value)
    }
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, message: &'static str) -> ParseError {
        ParseError { offset: self.at, message }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, word: &[u8], value: Json) -> Result<Json, ParseError> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("unknown word"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.expect(b"true", Json::Bool(true)),
            Some(b'f') => self.expect(b"false", Json::Bool(false)),
            Some(b'n') => self.expect(b"null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("unexpected character")),
            None => Err(self.error("unexpected end")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, ParseError> {
        self.at += 1;
        let mut entries = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(entries));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a quoted key"));
            }
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':'"));
            }
            self.at += 1;
            self.skip_space();
            let value = self.value(depth + 1)?;
            entries.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(entries));
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, ParseError> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or_else(|| self.error("short \\u escape"))?;
        let mut value = 0;
        for &d in digits {
            let n = (d as char).to_digit(16).ok_or_else(|| self.error("bad \\u escape"))?;
            value = value * 16 + n;
        }
        self.at += 4;
        Ok(value)
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // Both ends are next to ASCII bytes of a &str, so `get` always succeeds (and,
            // unlike `from_utf8`, does not check the text between them again).
            out.push_str(self.text.get(start..self.at).ok_or_else(|| self.error("bad text"))?);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escape = self.peek().ok_or_else(|| self.error("unexpected end"))?;
                    self.at += 1;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) && self.bytes[self.at..].starts_with(b"\\u")
                            {
                                self.at += 2;
                                let second = self.hex4()?;
                                0x10000 + ((first - 0xD800) << 10) + (second.wrapping_sub(0xDC00) & 0x3FF)
                            } else {
                                first
                            };
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(self.error("unknown escape")),
                    }
                }
                Some(_) => return Err(self.error("control character in text")),
                None => return Err(self.error("unterminated text")),
            }
        }
    }

    fn number(&mut self) -> Result<Json, ParseError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.at += 1;
            }
            r.at > from
        };
        if self.peek() == Some(b'0') {
            self.at += 1;
            if matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("a number cannot start with 0"));
            }
        } else if !digits(self) {
            return Err(self.error("expected digits"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error("expected digits after '.'"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("expected an exponent"));
            }
        }
        let text = self.text.get(start..self.at).ok_or_else(|| self.error("bad number"))?;
        number(text).map(Json::Number).ok_or_else(|| self.error("number out of range"))
    }
}

/// Reads a decimal number ("-12", "33.19", "1e3"), or `None` when it is not one or is out of
/// range. Not `str::parse::<f64>`: std's exact parser carries about 11 KB (gzip) of tables and
/// code into the module, and nothing here needs more than the 15 significant digits this keeps.
/// Integers up to 2^53 and decimals of up to 15 digits with small exponents are exact (both
/// factors are exact and one IEEE operation rounds correctly); beyond that it is within a few
/// units in the last place.
pub fn number(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let negative = bytes.first() == Some(&b'-');
    if negative || bytes.first() == Some(&b'+') {
        at += 1;
    }
    let (mut mantissa, mut exponent, mut digits, mut kept) = (0u64, 0i32, 0, 0);
    let mut fraction = false;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa == 0 && b == b'0' {
                    exponent -= i32::from(fraction); // a leading zero, as in 0.05
                } else if kept < 15 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    kept += 1;
                    exponent -= i32::from(fraction);
                } else {
                    exponent += i32::from(!fraction); // an integer digit past the 15 kept
                }
            }
            b'.' if !fraction => fraction = true,
            _ => break,
        }
        at += 1;
    }
    if digits == 0 {
        return None;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        let rest = text.get(at + 1..)?;
        let (sign, rest) = match rest.as_bytes().first() {
            Some(b'-') => (-1, &rest[1..]),
            Some(b'+') => (1, &rest[1..]),
            _ => (1, rest),
        };
        if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // A huge exponent is out of range either way; clamp before adding so nothing overflows.
        let e: i32 = rest.bytes().take(6).fold(0, |e, b| e * 10 + i32::from(b - b'0'));
        exponent = exponent.saturating_add(sign * e);
    } else if at != bytes.len() {
        return None;
    }
    let mut value = mantissa as f64;
    // Steps of at most 10^22, the largest power of ten an f64 holds exactly.
    let mut exponent = if mantissa == 0 { 0 } else { exponent.clamp(-400, 400) };
    while exponent != 0 && value.is_finite() && value != 0.0 {
        let step = exponent.clamp(-22, 22);
        let scale = super::num::pow10(step.unsigned_abs());
        value = if step < 0 { value / scale } else { value * scale };
        exponent -= step;
    }
    if !value.is_finite() {
        return None;
    }
    Some(if negative { -value } else { value })
}

/// Writes JSON text. Results implement `WriteJson` by calling these in order; commas are
/// placed here, so an implementation only says what comes next.
#[derive(Default)]
pub struct Writer {
    out: String,
    /// One entry per open object or array: whether it has an entry already.
    open: Vec<bool>,
    /// A key was just written: the next value is its value, with no comma before it.
    after_key: bool,
}

/// A value that can write itself as JSON.
pub trait WriteJson {
    fn write_json(&self, w: &mut Writer);

    fn to_json(&self) -> String {
        let mut w = Writer::default();
        self.write_json(&mut w);
        w.out
    }
}

impl Writer {
    fn separate(&mut self) {
        if let Some(has_entries) = self.open.last_mut() {
            if *has_entries {
                self.out.push(',');
            }
            *has_entries = true;
        }
    }

    fn before_value(&mut self) {
        if self.after_key {
            self.after_key = false;
        } else {
            self.separate();
        }
    }

    pub fn begin_object(&mut self) {
        self.before_value();
        self.out.push('{');
        self.open.push(false);
    }

    pub fn end_object(&mut self) {
        self.open.pop();
        self.out.push('}');
    }

    pub fn begin_array(&mut self) {
        self.before_value();
        self.out.push('[');
        self.open.push(false);
    }

    pub fn end_array(&mut self) {
        self.open.pop();
        self.out.push(']');
    }

    /// The text written so far.
    pub fn finish(self) -> String {
        self.out
    }

    /// An object key; the value written next belongs to it.
    pub fn key(&mut self, key: &str) -> &mut Self {
        self.separate();
        self.quoted(key);
        self.out.push(':');
        self.after_key = true;
        self
    }

    pub fn str(&mut self, text: &str) {
        self.before_value();
        self.quoted(text);
    }

    pub fn bool(&mut self, value: bool) {
        self.before_value();
        self.out.push_str(if value { "true" } else { "false" });
    }

    pub fn null(&mut self) {
        self.before_value();
        self.out.push_str("null");
    }

    pub fn int(&mut self, value: i64) {
        self.before_value();
        push_int(&mut self.out, value);
    }

    /// A number with at most `decimals` decimals, written without float formatting (which
    /// would bring kilobytes of code into the module); trailing zeros are dropped.
    pub fn fixed(&mut self, value: f64, decimals: u32) {
        self.before_value();
        self.out.push_str(&fixed(value, decimals));
    }

    fn quoted(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.push_str("\\u00");
                    self.out.push(HEX[(c as usize) >> 4] as char);
                    self.out.push(HEX[(c as usize) & 15] as char);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

/// An integer as text, without the formatting machinery of `core::fmt` (kept out of the module).
pub fn int(value: i64) -> String {
    let mut out = String::new();
    push_int(&mut out, value);
    out
}

fn push_int(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut n = value.unsigned_abs();
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits[..len].iter().rev() {
        out.push(d as char);
    }
}

/// `value` rounded to `decimals` places, as text ("2.5", "33.19", "-117", "0"); non-finite
/// numbers are written as 0, which JSON has no other way to say.
pub fn fixed(value: f64, decimals: u32) -> String {
    let mut out = String::new();
    if !value.is_finite() {
        out.push('0');
        return out;
    }
    let scale = 10i64.pow(decimals.min(9));
    let scaled = super::num::round(value * scale as f64);
    // Beyond what an i64 holds there are no decimals left to show.
    let scaled = if scaled.abs() < 9.0e18 {
        scaled as i64
    } else {
        return if value < 0.0 { "-9e18".into() } else { "9e18".into() };
    };
    if scaled < 0 {
        out.push('-');
    }
    let whole = scaled.unsigned_abs() / scale as u64;
    let mut fraction = scaled.unsigned_abs() % scale as u64;
    push_int(&mut out, whole as i64);
    if fraction > 0 {
        let mut width = decimals.min(9);
        while fraction % 10 == 0 {
            fraction /= 10;
            width -= 1;
        }
        let mut text = String::new();
        push_int(&mut text, fraction as i64);
        out.push('.');
        for _ in text.len()..width as usize {
            out.push('0');
        }
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_numbers_as_std_does_where_it_matters() {
        for text in [
            "0",
            "-0",
            "7",
            "-12",
            "33.19",
            "-117.38",
            "0.05",
            "1e3",
            "2.5E-3",
            "1140",
            "90",
            "-180.000000",
            "123456789012345",
            "0.000001",
        ] {
            assert_eq!(number(text), text.parse::<f64>().ok(), "{text}");
        }
        for text in ["", "-", ".", "1.2.3", "1e", "1e+", "abc", "1x", "1e400", "--1"] {
            assert_eq!(number(text), None, "{text}");
        }
        assert_eq!(number("1e-400"), Some(0.0));
    }

    proptest! {
        /// Coordinates and answers: up to 15 significant digits are read exactly.
        #[test]
        fn decimals_of_up_to_15_digits_are_exact(whole in -999_999_999i64..999_999_999, fraction in 0u32..1_000_000) {
            let text = format!("{whole}.{fraction:06}");
            prop_assert_eq!(number(&text), text.parse::<f64>().ok());
        }

        /// Anything else JSON can hold is read to within a few units in the last place.
        #[test]
        fn any_finite_number_is_close(x in proptest::num::f64::NORMAL | proptest::num::f64::ZERO) {
            for text in [format!("{x}"), format!("{x:e}")] {
                let read = number(&text).unwrap();
                prop_assert!((read - x).abs() <= x.abs() * 1e-14, "{} read as {}", text, read);
            }
        }
    }

    #[test]
    fn reads_json() {
        let value =
            Json::parse(r#" {"a": [1, -2.5, 3e2, true, false, null], "b": "x\"y\u00e9\ud83d\ude00\n", "c": {}} "#)
                .unwrap();
        assert_eq!(
            value,
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![
                        Json::Number(1.0),
                        Json::Number(-2.5),
                        Json::Number(300.0),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null
                    ])
                ),
                ("b".into(), Json::String("x\"yé😀\n".into())),
                ("c".into(), Json::Object(vec![])),
            ])
        );
        assert_eq!(Json::parse("\"ünïcödé\"").unwrap(), Json::String("ünïcödé".into()));
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "{'a': 1}", "01", "1.", "tru", "\"\\x\"", "\"\n\"", "[1] 2", "NaN"] {
            assert!(Json::parse(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert_eq!(Json::parse(&deep).unwrap_err().message, "nested too deeply");
    }

    #[test]
    fn writes_json_that_reads_back() {
        struct Sample;
        impl WriteJson for Sample {
            fn write_json(&self, w: &mut Writer) {
                w.begin_object();
                w.key("text").str("a \"quote\", a \\ and a\nline\u{1}");
                w.key("list");
                w.begin_array();
                w.int(-12);
                w.fixed(2.25, 1);
                w.null();
                w.begin_object();
                w.end_object();
                w.end_array();
                w.key("yes").bool(true);
                w.end_object();
            }
        }
        let text = Sample.to_json();
        let back = Json::parse(&text).unwrap();
        assert_eq!(back.get("text").and_then(Json::as_str), Some("a \"quote\", a \\ and a\nline\u{1}"));
        assert_eq!(text, r#"{"text":"a \"quote\", a \\ and a\nline\u0001","list":[-12,2.3,null,{}],"yes":true}"#);
    }

    #[test]
    fn fixed_point_numbers() {
        for (value, decimals, text) in [
            (0.0, 1, "0"),
            (2.25, 1, "2.3"),
            (33.19, 5, "33.19"),
            (-117.38, 5, "-117.38"),
            (0.05, 2, "0.05"),
            (1140.0, 0, "1140"),
            (-0.04, 1, "0"),
            (f64::NAN, 2, "0"),
        ] {
            assert_eq!(fixed(value, decimals), text, "{value}");
        }
    }
}
