//! Phone numbers as `tel:` and `sms:` links hold them.

use crate::support::prelude::*;

/// A phone number as a `tel:` link holds it (a leading `+` and digits). `None` for anything that
/// is not written like a phone number (digits with spaces, dots, dashes and parentheses).
pub fn tel_number(given: &str) -> Option<String> {
    let given = given.trim_ascii();
    // Byte-wise: every allowed character is ASCII, and a byte of any other character fails.
    let allowed = |b: u8| b.is_ascii_digit() || matches!(b, b' ' | b'.' | b'-' | b'(' | b')');
    let rest = given.strip_prefix('+').unwrap_or(given);
    if !rest.bytes().all(allowed) || !rest.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut number = String::from(if given.starts_with('+') { "+" } else { "" });
    for b in rest.bytes().filter(u8::is_ascii_digit) {
        number.push(char::from(b));
    }
    Some(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tel_numbers_keep_only_digits_and_a_leading_plus() {
        assert_eq!(tel_number("+1 (555) 010-0100").as_deref(), Some("+15550100100"));
        assert_eq!(tel_number("call us"), None);
        assert_eq!(tel_number("javascript:alert(1)"), None);
        assert_eq!(tel_number("988").as_deref(), Some("988"));
    }
}
