//! Fuzzing of the text and state layers with proptest: arbitrary query strings and arbitrary
//! states (reached through arbitrary action sequences, with any `f64` including NaN, ±∞ and
//! huge values). For each: no panic; the state within its documented ranges (README "Query
//! keys"); every output finite (the model's outcomes, the readouts, every number of the drawn
//! scene); the canonical text round-trips (text → state → text → state is exact and the
//! canonical text parses without notices).
//!
//! Size: `OSTEOVIZ_FUZZ_CASES` cases per property; by default 50,000 per property (100,000 in
//! all) in an optimised build (`make test` runs `cargo test --profile fuzz --test fuzz`, about
//! a minute on two cores), 500 in a debug build (so the plain `cargo test` stays quick), and
//! 10^6 of each with `make fuzz`. A failure prints the minimal case; proptest keeps it in
//! tests/fuzz.proptest-regressions.
#![cfg(not(target_arch = "wasm32"))]

use osteoviz::model::{evaluate, AngleReference, Ray};
use osteoviz::scene::{self, SceneOptions};
use osteoviz::state::query::{parse_query_with, to_query};
use osteoviz::state::readouts::{display, summary, Value, READOUTS};
use osteoviz::state::view::{View, VIEW_KEYS};
use osteoviz::state::{Action, History, Key, Preset, State, KEYS};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

fn cases() -> u32 {
    std::env::var("OSTEOVIZ_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 500 } else { 50_000 })
}

fn config() -> Config {
    Config {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        // Shrinking a failure of 100,000 cases must not take longer than finding it.
        max_shrink_iters: 2_000,
        ..Config::default()
    }
}

// ------------------------------------------------------------------ generators

/// Query keys the parser knows (state and view), in odd spellings, and some it does not.
fn key() -> impl Strategy<Value = String> {
    let mut known: Vec<String> = KEYS.iter().map(|s| s.name.to_string()).collect();
    known.extend(["ray", "ref", "preset"].map(String::from));
    known.extend(VIEW_KEYS.iter().map(|s| s.to_string()));
    known.extend(["plan", "m2.cut", "edit", "foo", ""].map(String::from));
    let named = proptest::sample::select(known);
    prop_oneof![
        6 => named.clone(),
        1 => named.clone().prop_map(|k| k.to_ascii_uppercase()),
        1 => named.prop_map(|k| format!(" {k}%20")),
        1 => "[a-z0-9.%+]{0,8}",
        1 => any::<String>(),
    ]
}

/// Values: numbers in every notation (with units, percent escapes), names, and garbage.
fn value() -> impl Strategy<Value = String> {
    let names = proptest::sample::select(vec![
        "dmmo",
        "perpendicular",
        "vertical",
        "reverse",
        "weil",
        "ocra",
        "shaft",
        "ground",
        "GROUND",
        "m3",
        "M4",
        "2",
        "light",
        "dark",
        "projector",
        "1",
        "0",
        "true",
        "fr-CH",
        "cut,slide,ref",
        "NaN",
        "inf",
        "-inf",
        "infinity",
        "-0",
        "1e309",
        "-1e309",
        "",
        "%",
        "%ZZ",
        "%e2%82",
        "+",
    ]);
    prop_oneof![
        3 => (-1e3f64..1e3).prop_map(|v| v.to_string()),
        2 => any::<f64>().prop_map(|v| v.to_string()),
        1 => any::<f64>().prop_map(|v| format!("{v:e}")),
        1 => (-200i64..200).prop_map(|v| format!("{v}°")),
        1 => (-50.0f64..50.0).prop_map(|v| format!("{v:.3}mm")),
        1 => (-50.0f64..50.0).prop_map(|v| format!("%20{v:.2}%C2%B0")),
        3 => names.prop_map(String::from),
        1 => "[ -~]{0,12}",
        1 => any::<String>(),
    ]
}

/// A query string: mostly well-formed pairs, sometimes anything at all.
fn query() -> impl Strategy<Value = String> {
    let pair = (
        key(),
        prop_oneof![4 => Just("="), 1 => Just(""), 1 => Just("==")],
        value(),
    )
        .prop_map(|(k, eq, v)| format!("{k}{eq}{v}"));
    let structured = (
        proptest::sample::select(vec!["", "?", "#", " ?", "??"]),
        proptest::collection::vec(pair, 0..14),
        proptest::sample::select(vec!["&", ";", "&&", " & "]),
    )
        .prop_map(|(lead, pairs, sep)| format!("{lead}{}", pairs.join(sep)));
    prop_oneof![
        8 => structured,
        1 => any::<String>(),
        1 => "[?#&=;%+a-z0-9.-]{0,40}",
    ]
}

/// Any `f64`, weighted toward the interesting ones.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -200.0f64..200.0,
        2 => any::<f64>(),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(-0.0),
        1 => Just(f64::MAX),
        1 => Just(f64::MIN_POSITIVE),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let key = proptest::sample::select(KEYS.iter().map(|s| s.key).collect::<Vec<Key>>());
    let ray = proptest::sample::select(Ray::ALL.to_vec());
    let preset = proptest::sample::select(Preset::ALL.to_vec());
    prop_oneof![
        6 => (key.clone(), number()).prop_map(|(k, v)| Action::Set(k, v)),
        3 => (key, number(), any::<bool>())
            .prop_map(|(key, steps, coarse)| Action::Step { key, steps, coarse }),
        1 => ray.prop_map(Action::SetRay),
        1 => any::<bool>().prop_map(|g| Action::SetReference(if g {
            AngleReference::Ground
        } else {
            AngleReference::Shaft
        })),
        1 => preset.prop_map(Action::ApplyPreset),
        1 => Just(Action::Undo),
        1 => Just(Action::Redo),
        1 => Just(Action::Reset),
    ]
}

// ------------------------------------------------------------------ checks

/// The documented ranges: README "Query keys" (and [`State::range`] for the live ones).
fn check_ranges(s: &State) -> Result<(), TestCaseError> {
    prop_assert!(Ray::ALL.contains(&s.ray));
    for spec in KEYS {
        let v = s.get(spec.key);
        prop_assert!(v.is_finite(), "{} = {v}", spec.name);
        let (lo, hi) = s.range(spec.key);
        prop_assert!(lo <= v && v <= hi, "{} = {v} outside {lo}..{hi}", spec.name);
        if spec.key != Key::Cut {
            prop_assert!(spec.min <= v && v <= spec.max, "{} = {v}", spec.name);
        }
        // Kept at the stored precision: the text is exact.
        let scale = 10f64.powi(spec.stored_decimals);
        prop_assert!(
            approx::abs_diff_eq!((v * scale).round() / scale, v, epsilon = 1e-9),
            "{} = {v}",
            spec.name
        );
    }
    let phi = s.cut_to_shaft_deg();
    prop_assert!((-1e-6..=180.0 + 1e-6).contains(&phi), "φ = {phi}");
    prop_assert!(s.close_mm <= s.kerf_mm);
    Ok(())
}

/// text → state → text → state: exact, and the canonical text is clean and stable.
fn check_round_trip(s: &State) -> Result<(), TestCaseError> {
    let text = to_query(s);
    let again = parse_query_with(&text, &[]);
    prop_assert!(again.notices.is_empty(), "{text}: {:?}", again.notices);
    prop_assert_eq!(&again.state, s, "{}", text);
    prop_assert_eq!(to_query(&again.state), text);
    Ok(())
}

/// Every number drawn: outcomes, readouts (and their text), summary, the scene's SVG.
fn check_outputs(s: &State) -> Result<(), TestCaseError> {
    let e = evaluate(&s.to_params());
    prop_assert!(e.is_ok(), "{}: {:?}", to_query(s), e.err());
    let e = e.unwrap();
    for r in READOUTS {
        let value = (r.value)(&e.outcomes);
        if let Value::Number(v) = value {
            prop_assert!(v.is_finite(), "{} = {v} for {}", r.key, to_query(s));
        }
        let text = display(&r, value);
        prop_assert!(
            !text.contains("NaN") && !text.contains("inf"),
            "{}: {text}",
            r.key
        );
    }
    let sentence = summary(s, &e);
    prop_assert!(
        !sentence.contains("NaN") && !sentence.contains("inf"),
        "{sentence}"
    );
    let svg = scene::build(s, &e, &SceneOptions::default()).to_svg();
    prop_assert!(
        !svg.contains("NaN") && !svg.contains("inf"),
        "non-finite number in the scene of {}",
        to_query(s)
    );
    Ok(())
}

// ------------------------------------------------------------------ properties

#[test]
fn arbitrary_query_strings() {
    let mut runner = proptest::test_runner::TestRunner::new(config());
    runner
        .run(&query(), |q| {
            let parsed = parse_query_with(&q, &VIEW_KEYS);
            check_ranges(&parsed.state)?;
            check_round_trip(&parsed.state)?;
            check_outputs(&parsed.state)?;
            // The view options round-trip too.
            let (view, _) = View::from_pairs(&parsed.other);
            let (again, notices) = View::from_pairs(&view.to_pairs());
            prop_assert!(notices.is_empty(), "{:?}", notices);
            prop_assert_eq!(again, view);
            Ok(())
        })
        .unwrap();
}

#[test]
fn arbitrary_states() {
    let mut runner = proptest::test_runner::TestRunner::new(config());
    let strategy = (
        proptest::sample::select(Ray::ALL.to_vec()),
        proptest::sample::select(Preset::ALL.to_vec()),
        proptest::collection::vec(action(), 0..24),
    );
    runner
        .run(&strategy, |(ray, preset, actions)| {
            let mut history = History::new(preset.state(ray));
            for a in actions {
                history.apply(a);
                check_ranges(&history.present)?;
            }
            let s = history.present;
            check_round_trip(&s)?;
            // An animation frame is drawn too (for the runs that start from DMMO on M3).
            check_outputs(&if ray.number() == 3 && preset == Preset::Dmmo {
                s.displaced(0.37)
            } else {
                s
            })?;
            Ok(())
        })
        .unwrap();
}

/// The page formats every number through `numtext::fixed_exact` (integer arithmetic, so that
/// the WebAssembly build carries no float formatting code): it must equal Rust's `{:.N}`.
#[test]
fn fixed_decimals_equal_rusts_formatting() {
    let mut runner = proptest::test_runner::TestRunner::new(config());
    let value = prop_oneof![
        4 => 0.0f64..1000.0,
        2 => any::<f64>().prop_map(f64::abs),
        // Exact ties: k/2^n.
        2 => (0u64..1_000_000, 1u32..12).prop_map(|(k, n)| k as f64 / 2f64.powi(n as i32)),
    ];
    runner
        .run(&(value, 0usize..=19, any::<bool>()), |(v, d, negative)| {
            match osteoviz::numtext::fixed_exact(v, d) {
                Some(text) => prop_assert_eq!(text, format!("{v:.d$}")),
                None => prop_assert!(v >= 18_446_744_073_709_551_616.0 || v.is_nan()),
            }
            let v = if negative { -v } else { v };
            let rust = format!("{v:.d$}");
            prop_assert_eq!(osteoviz::numtext::fixed(v, d), rust.clone());
            // compact: the same without trailing zeros, and no "-0".
            let trimmed = if rust.contains('.') {
                rust.trim_end_matches('0').trim_end_matches('.').to_string()
            } else {
                rust
            };
            let expected = if trimmed == "-0" {
                "0".to_string()
            } else {
                trimmed
            };
            prop_assert_eq!(osteoviz::numtext::compact(v, d), expected);
            Ok(())
        })
        .unwrap();
}

/// Numbers a few ulps either side of a decimal tie (k + ½ units of the last decimal): the
/// quick float path of `numtext` must hand these to the exact path and still equal Rust.
#[test]
fn near_decimal_ties_equal_rusts_formatting() {
    let mut runner = proptest::test_runner::TestRunner::new(config());
    runner
        .run(
            &(0u64..100_000_000, 0usize..=6, -3i64..=3, any::<bool>()),
            |(k, d, ulps, negative)| {
                let tie = (k as f64 + 0.5) / 10f64.powi(d as i32);
                let v = f64::from_bits((tie.to_bits() as i64 + ulps) as u64);
                let v = if negative { -v } else { v };
                let rust = format!("{v:.d$}");
                prop_assert_eq!(osteoviz::numtext::fixed(v, d), rust.clone());
                let trimmed = if rust.contains('.') {
                    rust.trim_end_matches('0').trim_end_matches('.')
                } else {
                    &rust
                };
                let expected = if trimmed == "-0" { "0" } else { trimmed };
                prop_assert_eq!(osteoviz::numtext::compact(v, d), expected);
                Ok(())
            },
        )
        .unwrap();
}
