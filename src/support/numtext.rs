//! Numbers in text: reading a decimal ("33.19", as some Meeting Guide feeds give coordinates)
//! and writing whole numbers and fixed decimals for what a visitor reads. JSON text itself is
//! read by the page (`JSON.parse`) or by serde natively, never here.

use crate::support::prelude::*;

/// Reads a decimal number ("-12", "33.19", "1e3"), or `None` when it is not one or is out of
/// range. Not `str::parse::<f64>`: std's exact parser measured 14.1 KB gzip more in the module
/// (BENCHMARKS.md), and nothing here needs more than the 15 significant digits this keeps.
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

/// An integer as text, without the formatting machinery of `core::fmt` (`to_string` measured
/// 500 B gzip more, BENCHMARKS.md; a test holds it to std's text).
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

/// `value` rounded to `decimals` places, as text ("2.5", "33.19", "-117", "0"). Numbers too
/// large for that are written with an exponent ("1e308"), infinities as "∞" and "-∞" (what
/// `JSON.parse` makes of "1e400"), so a message never misstates what a center wrote.
pub fn fixed(value: f64, decimals: u32) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value < 0.0 { "-∞".into() } else { "∞".into() };
    }
    if value.abs() >= 1e15 {
        let (mut mantissa, mut exponent) = (value.abs(), 0);
        while mantissa >= 10.0 {
            mantissa /= 10.0;
            exponent += 1;
        }
        let sign = if value < 0.0 { "-" } else { "" };
        return [sign, &fixed(mantissa, 5), "e", &int(exponent)].concat();
    }
    let mut out = String::new();
    let scale = 10i64.pow(decimals.min(3));
    let scaled = super::num::round(value * scale as f64) as i64;
    if scaled < 0 {
        out.push('-');
    }
    let whole = scaled.unsigned_abs() / scale as u64;
    let mut fraction = scaled.unsigned_abs() % scale as u64;
    push_int(&mut out, whole as i64);
    if fraction > 0 {
        let mut width = decimals.min(3);
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
        // Beyond plain decimals: an exponent, and what JSON.parse makes of 1e400.
        assert_eq!(fixed(1e308, 6), "1e308");
        assert_eq!(fixed(-2.5e20, 0), "-2.5e20");
        assert_eq!(fixed(f64::INFINITY, 6), "∞");
        assert_eq!(fixed(f64::NEG_INFINITY, 6), "-∞");
        assert_eq!(fixed(123456789012345.0, 0), "123456789012345");
        for n in [i64::MIN, i64::MAX, 0, -1] {
            assert_eq!(int(n), n.to_string());
        }
    }

    proptest! {
        /// Coordinates and answers: up to 15 significant digits are read exactly.
        #[test]
        fn decimals_of_up_to_15_digits_are_exact(whole in -999_999_999i64..999_999_999, fraction in 0u32..1_000_000) {
            let text = format!("{whole}.{fraction:06}");
            prop_assert_eq!(number(&text), text.parse::<f64>().ok());
        }

        #[test]
        fn int_as_std_does(n in any::<i64>()) {
            prop_assert_eq!(int(n), n.to_string());
        }

        /// Fixed decimals as std writes them (`{:.1}`), without trailing zeros, "-0" as "0".
        #[test]
        fn fixed_as_std_does(x in -1.0e9f64..1.0e9, decimals in 0u32..4) {
            let std = format!("{x:.*}", decimals as usize);
            let std = if std.contains('.') { std.trim_end_matches('0').trim_end_matches('.') } else { &std };
            let std = if std == "-0" { "0" } else { std };
            // Halves are where std (to even, on the exact binary value) and a rounded scale may
            // differ; away from them the text is the same.
            let scaled = x * 10f64.powi(decimals as i32);
            prop_assume!((scaled.fract().abs() - 0.5).abs() > 1e-6);
            prop_assert_eq!(fixed(x, decimals), std);
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
}
