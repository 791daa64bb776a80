//! Lessons cannot lie: each step's claims ([`super::Expectation`]) read against the
//! `osteoviz eval` JSON of its query, a challenge's conditions against the learner's state, and
//! a search over a challenge's allowed controls for a solution.
//!
//! It may import the state's codecs, the plan's, and the readouts' reports (the same JSON the
//! CLI prints); never the scene or the interface.

use super::{Change, Expectation, Expected, Lesson, LessonError, Step, Test};
use crate::state::i18n::Lang;
use crate::state::plan::{is_plan_query, parse_plan_query, plan_report_in};
use crate::state::query::{parse_query, Notice};
use crate::state::readouts::report_in;
use crate::state::{State, KEYS};
use serde_json::Value;

/// Numbers closer than this are equal (`is`, `unchanged`), and a change must exceed it.
pub const TOLERANCE: f64 = 1e-6;

/// The keys a challenge may let the learner move: the numeric keys and `load`.
pub const CHALLENGE_CONTROLS: [&str; 12] = [
    "cut", "at", "kerf", "close", "slide", "tilt", "decl", "len", "mu", "pull", "tissue", "load",
];

/// Whether `key` is one of [`CHALLENGE_CONTROLS`].
pub fn is_challenge_control(key: &str) -> bool {
    CHALLENGE_CONTROLS.contains(&key)
}

/// The `osteoviz eval` JSON of a query (single ray or plan), with the notices its reading gave
/// (a notice that a value could not be read, or a key is unknown, is the caller's to judge).
pub fn evaluate_query(query: &str) -> Result<(Value, Vec<Notice>), String> {
    let to_value = |r: Result<Value, serde_json::Error>| r.map_err(|e| e.to_string());
    if is_plan_query(query) {
        let parsed = parse_plan_query(query);
        let report = plan_report_in(&parsed, Lang::En).map_err(|e| e.to_string())?;
        Ok((to_value(serde_json::to_value(&report))?, parsed.notices))
    } else {
        let parsed = parse_query(query);
        let report = report_in(&parsed, Lang::En).map_err(|e| e.to_string())?;
        Ok((to_value(serde_json::to_value(&report))?, parsed.notices))
    }
}

/// The `osteoviz eval` JSON of a single-ray state.
pub fn evaluate_state(state: &State) -> Result<Value, String> {
    let parsed = crate::state::query::Parsed {
        state: *state,
        notices: Vec::new(),
        other: Vec::new(),
    };
    let report = report_in(&parsed, Lang::En).map_err(|e| e.to_string())?;
    serde_json::to_value(&report).map_err(|e| e.to_string())
}

/// The value at a dotted key (`settled.head_rise_mm`) of an `osteoviz eval` JSON.
pub fn lookup<'a>(json: &'a Value, key: &str) -> Option<&'a Value> {
    key.split('.')
        .try_fold(json, |v, part| v.as_object()?.get(part))
        .filter(|v| !v.is_object() && !v.is_array())
}

/// Whether an absolute test holds of `value`; `None` when it cannot be applied (a number test
/// on a text, a change with nothing before).
pub fn holds(test: &Test, value: &Value, before: Option<&Value>) -> Option<bool> {
    let same = |expected: &Expected| match (expected, value) {
        (Expected::Text(t), Value::String(s)) => Some(t == s),
        (Expected::Number(x), Value::Number(n)) => Some((n.as_f64()? - x).abs() <= TOLERANCE),
        (Expected::Flag(b), Value::Bool(v)) => Some(b == v),
        _ => None,
    };
    match test {
        Test::Is(x) => same(x),
        Test::IsNot(x) => same(x).map(|s| !s),
        Test::AtLeast(x) => Some(value.as_f64()? >= *x - TOLERANCE),
        Test::AtMost(x) => Some(value.as_f64()? <= *x + TOLERANCE),
        Test::Change(change) => {
            let before = before?;
            match (before.as_f64(), value.as_f64()) {
                (Some(b), Some(a)) => Some(match change {
                    Change::Increases => a > b + TOLERANCE,
                    Change::Decreases => a < b - TOLERANCE,
                    Change::Unchanged => (a - b).abs() <= TOLERANCE,
                }),
                // A text (a verdict) has no order: it can only stay the same.
                _ => match change {
                    Change::Unchanged => Some(before == value),
                    Change::Increases | Change::Decreases => None,
                },
            }
        }
    }
}

/// Whether an `osteoviz eval` JSON has no warning (a cut through the joint, say): a challenge
/// is solved only by a state the model does not warn about.
pub fn no_warnings(json: &Value) -> bool {
    json.get("warnings")
        .and_then(|w| w.as_array())
        .is_none_or(|w| w.is_empty())
}

/// The state of each condition of a challenge in `json` (its `osteoviz eval` JSON): `true`
/// where it holds; a key it lacks does not hold.
pub fn conditions_met(conditions: &[Expectation], json: &Value) -> Vec<bool> {
    conditions
        .iter()
        .map(|c| lookup(json, &c.key).and_then(|v| holds(&c.test, v, None)) == Some(true))
        .collect()
}

fn describe(value: Option<&Value>) -> String {
    match value {
        None => "nothing".into(),
        Some(Value::Number(n)) => n
            .as_f64()
            .map_or_else(|| n.to_string(), |x| crate::numtext::format_number(x, 3)),
        Some(v) => v.to_string(),
    }
}

fn test_text(test: &Test) -> String {
    match test {
        Test::Change(c) => c.name().to_string(),
        Test::Is(x) => format!("is {x}"),
        Test::IsNot(x) => format!("is not {x}"),
        Test::AtLeast(x) => format!("at least {}", crate::numtext::shortest(*x)),
        Test::AtMost(x) => format!("at most {}", crate::numtext::shortest(*x)),
    }
}

fn step_error(step: usize, field: String, message: String) -> LessonError {
    LessonError {
        step: Some(step),
        field,
        message,
    }
}

/// Checks one claim against a step's JSON (and the previous step's, for a change).
fn check_claim(
    step: usize,
    field: &str,
    claim: &Expectation,
    json: &Value,
    before: Option<&Value>,
) -> Result<bool, LessonError> {
    let value = lookup(json, &claim.key).ok_or_else(|| {
        step_error(
            step,
            format!("{field}.key"),
            format!(
                "\"{}\" is not a key of this step's `osteoviz eval` JSON",
                claim.key
            ),
        )
    })?;
    let before_value = before.and_then(|b| lookup(b, &claim.key));
    holds(&claim.test, value, before_value).ok_or_else(|| {
        step_error(
            step,
            field.to_string(),
            format!(
                "\"{}\" {} cannot apply to {} (before: {})",
                claim.key,
                test_text(&claim.test),
                describe(Some(value)),
                describe(before_value)
            ),
        )
    })
}

/// Checks a whole lesson: every query reads without a notice and evaluates; every expectation
/// holds; every challenge is unsolved at its start and has a solution among its controls.
/// Returns every problem found (empty: the lesson holds), each naming its step and field.
pub fn check(lesson: &Lesson) -> Vec<LessonError> {
    let mut problems = Vec::new();
    let mut before: Option<Value> = None;
    for (i, step) in lesson.steps.iter().enumerate() {
        let n = i + 1;
        let json = match evaluate_query(&step.query) {
            Ok((json, notices)) => {
                for notice in notices {
                    problems.push(step_error(n, "query".into(), notice.to_string()));
                }
                json
            }
            Err(e) => {
                problems.push(step_error(n, "query".into(), e));
                before = None;
                continue;
            }
        };
        for (k, claim) in step.expect.iter().enumerate() {
            let field = format!("expect[{k}]");
            match check_claim(n, &field, claim, &json, before.as_ref()) {
                Ok(true) => {}
                Ok(false) => problems.push(step_error(
                    n,
                    field,
                    format!(
                        "\"{}\" {} does not hold: it is {}{}",
                        claim.key,
                        test_text(&claim.test),
                        describe(lookup(&json, &claim.key)),
                        match (&claim.test, &before) {
                            (Test::Change(_), Some(b)) =>
                                format!(", before {}", describe(lookup(b, &claim.key))),
                            _ => String::new(),
                        }
                    ),
                )),
                Err(e) => problems.push(e),
            }
        }
        for (k, key) in step.highlight.iter().enumerate() {
            if lookup(&json, key).is_none() && !super::DRAWING_PARTS.contains(&key.as_str()) {
                problems.push(step_error(
                    n,
                    format!("highlight[{k}]"),
                    format!(
                        "\"{key}\" is neither a key of this step's `osteoviz eval` JSON nor a part of the drawing ({})",
                        super::DRAWING_PARTS.join(", ")
                    ),
                ));
            }
        }
        if step.action.is_some() && is_plan_query(&step.query) {
            problems.push(step_error(
                n,
                "action".into(),
                "a plan step has no action (the single-ray page plays and weighs)".into(),
            ));
        }
        problems.extend(check_challenge(n, step, &json));
        before = Some(json);
    }
    problems
}

fn check_challenge(n: usize, step: &Step, json: &Value) -> Vec<LessonError> {
    let Some(challenge) = &step.challenge else {
        return Vec::new();
    };
    if is_plan_query(&step.query) {
        return vec![step_error(
            n,
            "challenge".into(),
            "a challenge starts from a single-ray query".into(),
        )];
    }
    let mut problems = Vec::new();
    for (k, c) in challenge.conditions.iter().enumerate() {
        if let Err(e) = check_claim(n, &format!("challenge.conditions[{k}]"), c, json, None) {
            problems.push(e);
        }
    }
    if !problems.is_empty() {
        return problems;
    }
    if conditions_met(&challenge.conditions, json)
        .iter()
        .all(|&met| met)
    {
        problems.push(step_error(
            n,
            "challenge.conditions".into(),
            "already hold at the step's own state: the learner would have nothing to do".into(),
        ));
    } else if solve(&parse_query(&step.query).state, challenge).is_none() {
        problems.push(step_error(
            n,
            "challenge".into(),
            format!(
                "no setting of {} found that meets every condition",
                challenge.controls.join(", ")
            ),
        ));
    }
    problems
}

/// One control's values tried by [`solve`]: `n` evenly spaced over its static range, on its
/// fine step; `load` off and on.
fn grid(control: &str, n: usize) -> Vec<f64> {
    if control == "load" {
        return vec![0.0, 1.0];
    }
    let Some(spec) = KEYS.iter().find(|s| s.name == control) else {
        return Vec::new();
    };
    let n = n.max(2);
    (0..n)
        .map(|i| {
            let x = spec.min + (spec.max - spec.min) * i as f64 / (n - 1) as f64;
            (x / spec.step).round() * spec.step
        })
        .collect()
}

/// A query meeting every condition of `challenge` without a warning of the model, reached from
/// `start` by moving only its controls (a grid search of about 20,000 states at most), or
/// `None`.
pub fn solve(start: &State, challenge: &super::Challenge) -> Option<String> {
    let numeric = challenge.controls.iter().filter(|c| *c != "load").count() as i32;
    let per_control = (20_000f64.powf(1.0 / f64::from(numeric.max(1)))).floor() as usize;
    let grids: Vec<(String, Vec<f64>)> = challenge
        .controls
        .iter()
        .map(|c| (c.clone(), grid(c, per_control.min(201))))
        .collect();
    let base = crate::state::to_query(start);
    let mut index = vec![0usize; grids.len()];
    loop {
        let mut query = base.clone();
        for ((name, values), &i) in grids.iter().zip(&index) {
            query.push_str(&format!(
                "&{name}={}",
                crate::numtext::format_number(values[i], 3)
            ));
        }
        let state = parse_query(&query).state;
        if let Ok(json) = evaluate_state(&state) {
            if no_warnings(&json)
                && conditions_met(&challenge.conditions, &json)
                    .iter()
                    .all(|&m| m)
            {
                return Some(crate::state::to_query(&state));
            }
        }
        // The next combination, like an odometer.
        let mut k = 0;
        loop {
            if k == index.len() {
                return None;
            }
            index[k] += 1;
            if index[k] < grids[k].1.len() {
                break;
            }
            index[k] = 0;
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Lesson;
    use super::*;

    fn lesson(steps: &str) -> Lesson {
        Lesson::from_json(&format!(r#"{{"title": "t", "steps": [{steps}]}}"#)).unwrap()
    }

    #[test]
    fn a_true_lesson_checks_clean_and_a_false_claim_names_its_step_and_field() {
        let good = lesson(
            r#"{"query": "preset=dmmo&close=0", "title": "a", "text": "b"},
               {"query": "preset=dmmo", "title": "a", "text": "b",
                "expect": [{"key": "head_rise_mm", "change": "increases"},
                           {"key": "verdict", "is": "tips_dorsal"},
                           {"key": "settled.contacts", "at_least": 1}]}"#,
        );
        assert_eq!(check(&good), vec![]);
        let bad = lesson(
            r#"{"query": "preset=dmmo", "title": "a", "text": "b"},
               {"query": "preset=dmmo&close=0", "title": "a", "text": "b",
                "expect": [{"key": "head_rise_mm", "change": "increases"},
                           {"key": "head_rize_mm", "at_least": 1}]}"#,
        );
        let problems = check(&bad);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(
            (problems[0].step, problems[0].field.as_str()),
            (Some(2), "expect[0]")
        );
        assert!(problems[0].message.contains("does not hold"));
        assert_eq!(
            (problems[1].step, problems[1].field.as_str()),
            (Some(2), "expect[1].key")
        );
    }

    #[test]
    fn a_challenge_must_start_unsolved_and_have_a_solution() {
        let c = lesson(
            r#"{"query": "preset=dmmo&at=45", "title": "a", "text": "b",
                "challenge": {"controls": ["at"],
                              "conditions": [{"key": "tipping_lever_mm", "at_most": 8}]}}"#,
        );
        assert_eq!(check(&c), vec![]);
        let step = &c.steps[0];
        let solution = solve(
            &parse_query(&step.query).state,
            step.challenge.as_ref().unwrap(),
        )
        .unwrap();
        let (json, _) = evaluate_query(&solution).unwrap();
        assert!(lookup(&json, "tipping_lever_mm").unwrap().as_f64().unwrap() <= 8.0);
        let impossible = lesson(
            r#"{"query": "preset=dmmo", "title": "a", "text": "b",
                "challenge": {"controls": ["at"],
                              "conditions": [{"key": "head_rise_mm", "at_least": 9}]}}"#,
        );
        let problems = check(&impossible);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "challenge");
    }
}
