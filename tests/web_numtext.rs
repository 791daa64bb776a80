//! `osteoviz::numtext` in the browser, where it uses JavaScript's number conversions instead of
//! Rust's float formatting and parsing: the text must be exactly what Rust's own code gives
//! (which this test binary, unlike the app, is free to use). `make test-wasm` runs it.
#![cfg(target_arch = "wasm32")]

use osteoviz::numtext::{fixed, parse_f64, shortest};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A deterministic spread of doubles: ties, tiny, huge, negative zero, random bit patterns.
fn values() -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        0.5,
        1.5,
        2.5,
        -2.5,
        0.125,
        0.375,
        2.675,
        1e-7,
        1.25e-7,
        0.045,
        1.005,
        123.456,
        1e15,
        1e20,
        1e21,
        1.5e22,
        1e300,
        -1e300,
        5e-324,
        f64::MAX,
        f64::MIN_POSITIVE,
        9.999999,
        0.95,
        45.0,
        2.6,
        0.1 + 0.2,
        6.661338147750939e-16,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..3000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let x = f64::from_bits(state);
        if x.is_finite() {
            v.push(x);
            // And a human-sized one.
            v.push((state % 2_000_000) as f64 / 1000.0 - 1000.0);
        }
    }
    v
}

#[wasm_bindgen_test]
fn fixed_equals_rusts_formatting() {
    for x in values() {
        for d in [0usize, 1, 2, 3, 4, 6, 20] {
            assert_eq!(fixed(x, d), format!("{x:.d$}"), "{x:e} with {d} decimals");
        }
    }
    assert_eq!(fixed(f64::NAN, 2), format!("{:.2}", f64::NAN));
}

#[wasm_bindgen_test]
fn shortest_equals_rusts_display() {
    for x in values() {
        assert_eq!(shortest(x), x.to_string(), "{x:e}");
    }
    assert_eq!(shortest(f64::NAN), f64::NAN.to_string());
}

#[wasm_bindgen_test]
fn parse_equals_rusts_parse() {
    let mut texts: Vec<String> = [
        "1",
        "1.",
        ".5",
        "-.5",
        "+3",
        "1e5",
        "1E+5",
        "1e-5",
        ".",
        "",
        "e5",
        "1e",
        "1e+",
        " 1",
        "1 ",
        "0x10",
        "1_0",
        "--1",
        "inf",
        "-Infinity",
        "NaN",
        "nan",
        "infinity",
        "1e400",
        "-1e-400",
        "0.1000000000000000055511151231257827",
        "45°",
        "2,5",
        "١",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    texts.extend(values().iter().map(|x| x.to_string()));
    texts.extend(values().iter().map(|x| format!("{x:e}")));
    for t in texts {
        let ours = parse_f64(&t);
        let rusts = t.parse::<f64>().ok();
        match (ours, rusts) {
            (Some(a), Some(b)) if a.is_nan() && b.is_nan() => {}
            (a, b) => assert_eq!(a.map(f64::to_bits), b.map(f64::to_bits), "{t:?}"),
        }
    }
}
