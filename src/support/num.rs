//! The few float operations the engine needs that `core` lacks (std has them; the shipped
//! module is built without std). Written once for both builds, so native tests check exactly
//! what runs in the browser.

/// Below this magnitude an f64 may have a fraction; at or above it, it is a whole number.
const WHOLE: f64 = 4_503_599_627_370_496.0; // 2^52

/// `x` without its fraction, toward zero (`f64::trunc`).
pub fn trunc(x: f64) -> f64 {
    if x.abs() < WHOLE {
        // Keep the sign of a result of zero, as std does (trunc(-0.4) is -0.0).
        f64::from_bits(((x as i64) as f64).to_bits() | (x.to_bits() & (1 << 63)))
    } else {
        x
    }
}

/// The fraction of `x` (`f64::fract`): zero exactly when `x` is a whole number.
pub fn fract(x: f64) -> f64 {
    x - trunc(x)
}

/// The nearest whole number, halves away from zero (`f64::round`).
pub fn round(x: f64) -> f64 {
    let whole = trunc(x);
    let rest = x - whole; // exact
    if rest >= 0.5 {
        whole + 1.0
    } else if rest <= -0.5 {
        whole - 1.0
    } else {
        whole
    }
}

/// A number written in plain decimal digits ("19", "07"), as clock times are written; `None` for
/// anything else (a sign, a space, a number too large).
pub fn digits(text: &str) -> Option<u32> {
    // `str::parse` alone would also take a leading "+".
    text.bytes().all(|b| b.is_ascii_digit()).then(|| text.parse().ok()).flatten()
}

/// `digits` with an optional leading `-` ("-3"), as option values are written.
pub fn whole(text: &str) -> Option<i32> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    unsigned.bytes().all(|b| b.is_ascii_digit()).then(|| text.parse().ok()).flatten()
}

/// 10 to the power `n`, for 0 <= n <= 22 exact (every step is an exact product).
pub fn pow10(n: u32) -> f64 {
    (0..n).fold(1.0, |p, _| p * 10.0)
}

/// The square root, for distances (within a unit or two in the last place of `f64::sqrt`):
/// Newton's method from a first guess that halves the exponent. (libm's `sqrt` measured 623 B
/// gzip more; core's is not stable without std.)
pub fn sqrt(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 || x.is_infinite() {
        return x;
    }
    if x < 1e-290 {
        // Tiny (even subnormal): scale up by an even power of two, exactly, and back.
        let up = f64::from_bits((1023 + 600) << 52); // 2^600
        let down = f64::from_bits((1023 - 300) << 52); // 2^-300
        return sqrt(x * up) * down;
    }
    let mut y = f64::from_bits((x.to_bits() >> 1) + (1023u64 << 51));
    for _ in 0..6 {
        y = 0.5 * (y + x / y);
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn edges() {
        for x in [
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            -1.5,
            2.5,
            0.49999999999999994,
            4503599627370495.5,
            1e300,
            -1e300,
            f64::INFINITY,
        ] {
            assert_eq!(round(x).to_bits(), x.round().to_bits(), "round {x}");
            assert_eq!(trunc(x).to_bits(), x.trunc().to_bits(), "trunc {x}");
        }
        assert!(fract(f64::NAN).is_nan() && round(f64::NAN).is_nan());
        for n in 0..=22 {
            assert_eq!(pow10(n), 10f64.powi(n as i32));
        }
        for x in [2.0, 1e-300, 0.25, 6371.0, 1e300, 123456.789] {
            assert!((sqrt(x) - x.sqrt()).abs() <= x.sqrt() * 1e-15, "sqrt {x}");
        }
        assert_eq!(sqrt(0.0), 0.0);
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(digits("19"), Some(19));
        assert_eq!(digits("07"), Some(7));
        assert_eq!(whole("-3"), Some(-3));
        assert_eq!(whole("1234567890"), Some(1_234_567_890));
        for text in ["", "-", "+5", " 5", "5 ", "1.0", "١", "12345678901", "--1", "-+1"] {
            assert_eq!(whole(text), None, "{text:?}");
        }
        assert_eq!(digits("-0"), None, "no sign where a time is read");
    }

    proptest! {
        /// `whole` reads what `str::parse` reads, except a leading "+".
        #[test]
        fn whole_as_std_does(text in "-?[0-9]{0,10}|[-+ 0-9a]{0,4}") {
            let expected = if text.starts_with('+') { None } else { text.parse::<i32>().ok() };
            prop_assert_eq!(whole(&text), expected);
        }

        #[test]
        fn as_std_does(x in proptest::num::f64::ANY) {
            prop_assert!(round(x).to_bits() == x.round().to_bits() || x.is_nan());
            prop_assert!(fract(x).to_bits() == x.fract().to_bits() || x.is_nan() || x.is_infinite());
            let root = sqrt(x.abs());
            prop_assert!((root - x.abs().sqrt()).abs() <= x.abs().sqrt() * 1e-15 || x.is_nan() || x.is_infinite());
        }
    }
}
