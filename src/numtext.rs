//! Numbers to text and back, exactly as Rust's `format!("{v:.N}")`, `v.to_string()` and
//! `str::parse::<f64>()` do, without Rust's float formatting and parsing code in the
//! WebAssembly build.
//!
//! A leaf utility: it imports nothing of the crate, and every layer may import it.
//!
//! Why: in the shipped `.wasm`, `str::parse::<f64>` alone brings a 10 kB table of powers of
//! five that does not compress (10.3 kB of the page's gzip budget), and `{:.N}`/`{}` on an
//! `f64` another ~12 kB of code. In the browser, JavaScript's own number conversions (which are
//! correctly rounded too) do the digit work here, and this module gives their results Rust's
//! exact text: round half to even on exact ties, no exponent notation, `inf`, `-0`. Natively
//! (CLI, tests) it is the standard library. `tests/fuzz.rs` and the wasm tests hold both to the
//! same output.
//!
//! **In code built for wasm32, format and parse `f64`s only through this module** (or through
//! [`format_number`]/[`format_fixed`], the machine text of numbers): one stray `"{}"` of an `f64` or
//! `parse::<f64>()` brings the machinery back, and `make bench` reports the size.

/// `text.parse::<f64>().ok()`: the same grammar (optional sign, digits with an optional
/// point, optional exponent; `inf`, `infinity`, `nan` in any case; no spaces) and value.
pub fn parse_f64(text: &str) -> Option<f64> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse::<f64>().ok()
    }
    #[cfg(target_arch = "wasm32")]
    {
        let (negative, body) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let sign = if negative { -1.0 } else { 1.0 };
        if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
            return Some(sign * f64::INFINITY);
        }
        if body.eq_ignore_ascii_case("nan") {
            return Some(f64::NAN);
        }
        if !is_decimal(body) {
            return None;
        }
        // JavaScript's string-to-number conversion is correctly rounded, like Rust's.
        let magnitude = js_sys::Number::parse_float(body);
        Some(if negative { -magnitude } else { magnitude })
    }
}

/// `value.clamp(lo, hi)` for `lo <= hi`, NaN staying NaN, but without `f64::clamp`'s
/// assertion, whose message formats both bounds with `{:?}` and so brings the float
/// formatting code into the wasm build whenever the bounds are not constants.
pub fn clamp(value: f64, lo: f64, hi: f64) -> f64 {
    if value < lo {
        lo
    } else if value > hi {
        hi
    } else {
        value
    }
}

/// Digits with an optional point (at least one digit), then an optional exponent.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn is_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut mantissa = digits(&mut i);
    if i < b.len() && b[i] == b'.' {
        i += 1;
        mantissa += digits(&mut i);
    }
    if mantissa == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// `format!("{value:.decimals$}")`.
pub fn fixed(value: f64, decimals: usize) -> String {
    // The common case, on every target: exact integer arithmetic (and several times faster
    // than the standard library's formatter, which matters for the drawing's ~1000 numbers).
    if value.is_finite() {
        let mut out = String::with_capacity(24);
        if value.is_sign_negative() {
            out.push('-');
        }
        if write_fixed_exact(&mut out, value.abs(), decimals) {
            return out;
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("{value:.decimals$}")
    }
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(text) = non_finite(value) {
            return text;
        }
        let sign = if value.is_sign_negative() { "-" } else { "" };
        let x = value.abs();
        let decimals = decimals.min(99);
        let body = if x >= 1e21 {
            // An integer: its exact digits (toFixed would switch to exponent notation).
            let mut digits = integer_digits(x);
            if decimals > 0 {
                digits.push('.');
                digits.extend(std::iter::repeat_n('0', decimals));
            }
            digits
        } else {
            // toFixed rounds exact ties away from zero, Rust to even: look one digit further.
            let up = js_fixed(x, decimals);
            let longer = js_fixed(x, decimals + 1);
            let exact = js_fixed(x, 100);
            let tie = longer.ends_with('5')
                && exact[..longer.len()] == longer[..]
                && exact[longer.len()..].bytes().all(|b| b == b'0');
            if tie {
                let mut down = longer[..longer.len() - 1].to_string();
                if down.ends_with('.') {
                    down.pop();
                }
                let last = down.bytes().rev().find(u8::is_ascii_digit).unwrap_or(b'0');
                if (last - b'0') % 2 == 0 {
                    down
                } else {
                    up
                }
            } else {
                up
            }
        };
        format!("{sign}{body}")
    }
}

/// `format!("{x:.decimals$}")` for a finite `x >= 0` below 2^64 and `decimals <= 19`, in
/// integer arithmetic: `x` is exactly `m * 2^e`, so `x * 10^decimals` is an exact 128-bit
/// rational, rounded half to even as Rust does. `None` outside that domain. (The page's numbers
/// all take this path: fast, exact, and no float formatting code.)
pub fn fixed_exact(x: f64, decimals: usize) -> Option<String> {
    let mut out = String::with_capacity(24);
    write_fixed_exact(&mut out, x, decimals).then_some(out)
}

const POW10: [u64; 20] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
    1_000_000_000_000_000_000,
    10_000_000_000_000_000_000,
];

/// `x * 10^decimals` rounded half to even, exactly, for a finite `0 <= x < 2^64` and
/// `decimals <= 19` (`x` is exactly `m * 2^e`, so this is an exact 128-bit rational).
fn scaled_integer(x: f64, decimals: usize) -> Option<u128> {
    if !(0.0..18_446_744_073_709_551_616.0).contains(&x) || decimals > 19 {
        return None;
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (m, e) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exponent - 1075)
    };
    let scaled = m as u128 * POW10[decimals] as u128;
    Some(if e >= 0 {
        scaled << e
    } else if -e >= 128 {
        0 // far below half a unit of the last decimal
    } else {
        let shift = (-e) as u32;
        let q = scaled >> shift;
        let r = scaled & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        if r > half || (r == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    })
}

/// [`scaled_integer`] by one float multiplication when that is provably the same: below 10^9
/// the product's error is under 2^-53 × 10^9 ≈ 1.2e-7, so a fraction more than 1e-6 from one
/// half rounds the same way as the exact value. `None` (take the exact path) otherwise. Every
/// coordinate of a drawing takes this path.
fn scaled_integer_quick(x: f64, decimals: usize) -> Option<u64> {
    if decimals > 6 {
        return None;
    }
    let scaled = x * POW10[decimals] as f64;
    if !(0.0..1e9).contains(&scaled) {
        return None;
    }
    // Truncation is the floor here (scaled >= 0), and a cast is quicker than `floor`.
    let whole = scaled as u64;
    let fraction = scaled - whole as f64;
    if (fraction - 0.5).abs() <= 1e-6 {
        return None;
    }
    Some(whole + u64::from(fraction > 0.5))
}

/// Appends `n / 10^decimals` without trailing zeros, with a minus sign unless it is zero.
fn push_trimmed(out: &mut String, mut n: u64, mut decimals: usize, negative: bool) {
    while decimals > 0 && n % 10 == 0 {
        n /= 10;
        decimals -= 1;
    }
    if n != 0 && negative {
        out.push('-');
    }
    push_decimal(out, n as u128, decimals);
}

/// Appends `n / 10^decimals` with exactly `decimals` decimals (`n` = 1234, 2 → "12.34").
/// The digits come from `itoa` (two at a time from a table): the drawing writes ~2,500
/// numbers on every slider step, and digit-by-digit division was most of the scene's time.
fn push_decimal(out: &mut String, n: u128, decimals: usize) {
    let mut digits = itoa::Buffer::new();
    // 128-bit division is a slow library call: 64 bits whenever the number fits (always, for
    // the drawing's coordinates). The fraction (n mod 10^decimals < 10^19) always fits.
    let fraction = match u64::try_from(n) {
        Ok(small) => {
            let unit = POW10[decimals];
            out.push_str(digits.format(small / unit));
            small % unit
        }
        Err(_) => {
            let unit = u128::from(POW10[decimals]);
            out.push_str(digits.format(n / unit));
            (n % unit) as u64
        }
    };
    if decimals > 0 {
        out.push('.');
        let fraction = digits.format(fraction);
        for _ in fraction.len()..decimals {
            out.push('0');
        }
        out.push_str(fraction);
    }
}

/// [`fixed_exact`] appended to `out`; false (and `out` unchanged) outside its domain.
fn write_fixed_exact(out: &mut String, x: f64, decimals: usize) -> bool {
    if let Some(n) = scaled_integer_quick(x, decimals) {
        push_decimal(out, n as u128, decimals);
        return true;
    }
    match scaled_integer(x, decimals) {
        Some(n) => {
            push_decimal(out, n, decimals);
            true
        }
        None => false,
    }
}

/// `fixed(value, decimals)` without trailing zeros (nor a trailing point), and `0` for any
/// value that rounds to zero (no `-0`): the text of a number in a URL or an SVG attribute.
pub fn compact(value: f64, decimals: usize) -> String {
    // Room for a drawing's coordinates ("-123.45") without growing.
    let mut out = String::with_capacity(16);
    push_compact(&mut out, value, decimals);
    out
}

/// [`compact`] appended to `out` (no allocation of its own: for path data).
pub fn push_compact(out: &mut String, value: f64, decimals: usize) {
    if value.is_finite() {
        if let Some(n) = scaled_integer_quick(value.abs(), decimals) {
            push_trimmed(out, n, decimals, value.is_sign_negative());
            return;
        }
        if let Some(mut n) = scaled_integer(value.abs(), decimals) {
            let mut decimals = decimals;
            if let Ok(mut small) = u64::try_from(n) {
                while decimals > 0 && small % 10 == 0 {
                    small /= 10;
                    decimals -= 1;
                }
                n = small as u128;
            } else {
                while decimals > 0 && n % 10 == 0 {
                    n /= 10;
                    decimals -= 1;
                }
            }
            if n != 0 && value.is_sign_negative() {
                out.push('-');
            }
            push_decimal(out, n, decimals);
            return;
        }
    }
    let mut s = fixed(value, decimals);
    if s.contains('.') {
        let kept = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(kept);
    }
    out.push_str(if s == "-0" { "0" } else { &s });
}

/// Rust's text for a NaN or an infinity (`NaN`, `inf`, `-inf`), `None` for a finite value.
#[cfg(target_arch = "wasm32")]
fn non_finite(value: f64) -> Option<String> {
    if value.is_nan() {
        Some("NaN".into())
    } else if value.is_infinite() {
        Some(if value < 0.0 { "-inf" } else { "inf" }.into())
    } else {
        None
    }
}

/// `value.to_string()`: the shortest digits that read back as `value`, never in exponent
/// notation (`1e-7` is `0.0000001`), `-0` for negative zero, `inf`, `NaN`.
pub fn shortest(value: f64) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        value.to_string()
    }
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(text) = non_finite(value) {
            return text;
        }
        let sign = if value.is_sign_negative() { "-" } else { "" };
        let x = value.abs();
        // JavaScript's Number::toString gives the same shortest digits, sometimes with an
        // exponent: "1.5e-7", "1e+21".
        let js: String = js_sys::Number::from(x)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
        format!("{sign}{}", expand_exponent(&js))
    }
}

/// "1.25e-7" → "0.000000125", "1.5e+21" → "1500000000000000000000"; other text unchanged.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn expand_exponent(text: &str) -> String {
    let Some((mantissa, exponent)) = text.split_once('e') else {
        return text.to_string();
    };
    let exponent: i64 = match exponent.strip_prefix('+').unwrap_or(exponent).parse() {
        Ok(e) => e,
        Err(_) => return text.to_string(),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    // The decimal point sits after `point` digits.
    let point = int.len() as i64 + exponent;
    if point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{a}.{b}")
    }
}

#[cfg(target_arch = "wasm32")]
fn js_fixed(x: f64, decimals: usize) -> String {
    js_sys::Number::from(x)
        .to_fixed(decimals as u8)
        .map(String::from)
        .unwrap_or_default()
}

/// The exact decimal digits of an integral `f64`.
#[cfg(target_arch = "wasm32")]
fn integer_digits(x: f64) -> String {
    js_sys::BigInt::new(&wasm_bindgen::JsValue::from_f64(x))
        .ok()
        .and_then(|b| b.to_string(10).ok())
        .map(String::from)
        .unwrap_or_default()
}

/// Formats a number with at most `decimals` decimals, trailing zeros trimmed, no "-0".
pub fn format_number(value: f64, decimals: usize) -> String {
    // (numtext::compact: exact and quick; the drawing formats ~2,500 numbers per frame.)
    compact(value, decimals)
}

/// Formats a number with exactly `decimals` decimals (for readouts), no "-0.0".
pub fn format_fixed(value: f64, decimals: usize) -> String {
    let s = fixed(value, decimals);
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar_is_rusts() {
        for (text, ok) in [
            ("1", true),
            ("1.", true),
            (".5", true),
            ("1e5", true),
            ("1E+5", true),
            ("1e-5", true),
            (".", false),
            ("", false),
            ("e5", false),
            ("1e", false),
            ("1e+", false),
            (" 1", false),
            ("1 ", false),
            ("0x10", false),
            ("1_0", false),
            ("--1", false),
        ] {
            let body = text.strip_prefix(['+', '-']).unwrap_or(text);
            assert_eq!(is_decimal(body), ok, "{text}");
            assert_eq!(text.parse::<f64>().is_ok(), ok, "{text}");
        }
    }

    #[test]
    fn fixed_exact_is_rusts_rounding() {
        let values = [
            0.0,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            0.25,
            2.675,
            1e-7,
            0.045,
            1.005,
            123.456,
            1e15,
            9.999999,
            0.95,
            5e-324,
            1.7e19,
            45.0,
            2.6,
            0.1 + 0.2,
        ];
        for v in values {
            for d in 0..=8 {
                assert_eq!(fixed_exact(v, d).unwrap(), format!("{v:.d$}"), "{v} {d}");
            }
        }
        assert_eq!(fixed_exact(-1.0, 2), None);
        assert_eq!(fixed_exact(1e20, 2), None);
        assert_eq!(fixed_exact(f64::NAN, 2), None);
    }

    #[test]
    fn exponents_expand_like_rust_prints() {
        for (js, v) in [
            ("1e-7", 1e-7),
            ("1.25e-7", 1.25e-7),
            ("1e+21", 1e21),
            ("1.5e+22", 1.5e22),
            ("123.5", 123.5),
            ("5e-324", 5e-324),
            ("1.7976931348623157e+308", f64::MAX),
        ] {
            assert_eq!(expand_exponent(js), v.to_string(), "{js}");
        }
    }
}
