//! The lessons cannot lie: every built-in lesson reads, holds against the model in every
//! language, and its challenges have solutions; `osteoviz lesson check` names the step and the
//! field of each problem of a broken file; `osteoviz render --lesson` writes a figure per step.

use osteoviz::state::lesson::check::{check, evaluate_query, lookup, solve};
use osteoviz::state::lesson::{built_in, Lesson, Text, BUILT_IN};
use osteoviz::state::query::parse_query;
use osteoviz::state::view::Lang;
use std::process::Command;

fn texts(l: &Lesson) -> Vec<(String, &Text)> {
    let mut out = vec![("title".to_string(), &l.title)];
    for (i, s) in l.steps.iter().enumerate() {
        let n = i + 1;
        out.push((format!("step {n} title"), &s.title));
        out.push((format!("step {n} text"), &s.text));
        if let Some(notes) = &s.notes {
            out.push((format!("step {n} notes"), notes));
        }
        if let Some(c) = &s.challenge {
            for (k, h) in c.hints.iter().enumerate() {
                out.push((format!("step {n} hint {k}"), h));
            }
        }
    }
    out
}

#[test]
fn every_built_in_lesson_holds_against_the_model_in_every_language() {
    let mut challenges = 0;
    for (name, _) in BUILT_IN {
        let lesson = built_in(name).unwrap_or_else(|| panic!("{name} does not read"));
        assert!(
            (4..=8).contains(&lesson.steps.len()),
            "{name}: {} steps",
            lesson.steps.len()
        );
        assert_eq!(check(&lesson), vec![], "{name}");
        for (field, text) in texts(&lesson) {
            for lang in Lang::ALL {
                assert!(text.has(lang), "{name}: {field} has no {lang:?} text");
            }
        }
        for (i, step) in lesson.steps.iter().enumerate() {
            // One to three sentences, in each language.
            for lang in Lang::ALL {
                let text = step.text.get(lang);
                // A sentence ends with . ! or ? before a space or the end (not "2.3 mm").
                let chars: Vec<char> = text.trim_end().chars().collect();
                let sentences = (0..chars.len())
                    .filter(|&k| {
                        matches!(chars[k], '.' | '!' | '?')
                            && chars.get(k + 1).is_none_or(|c| c.is_whitespace())
                    })
                    .count();
                assert!(
                    (1..=3).contains(&sentences),
                    "{name} step {}: {sentences} sentence ends in {lang:?}: {text}",
                    i + 1
                );
            }
            if let Some(c) = &step.challenge {
                challenges += 1;
                let start = parse_query(&step.query).state;
                let solution = solve(&start, c).expect("a solution");
                let (json, _) = evaluate_query(&solution).unwrap();
                for cond in &c.conditions {
                    assert!(lookup(&json, &cond.key).is_some(), "{name}: {}", cond.key);
                }
            }
        }
    }
    assert!(challenges >= 4, "{challenges} challenges");
}

#[test]
fn a_lesson_prints_as_a_file_that_reads_back_the_same() {
    for (name, _) in BUILT_IN {
        let lesson = built_in(name).unwrap();
        let again = Lesson::from_json(&lesson.to_json_text(None)).unwrap();
        assert_eq!(again, lesson, "{name}");
        // One language: every text a plain string, the rest unchanged.
        let french = Lesson::from_json(&lesson.to_json_text(Some(Lang::Fr))).unwrap();
        assert_eq!(french.steps.len(), lesson.steps.len());
        assert_eq!(
            french.steps[0].title,
            Text::One(lesson.steps[0].title.get(Lang::Fr).into())
        );
        assert_eq!(french.steps[0].query, lesson.steps[0].query);
    }
}

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_osteoviz"))
}

fn write(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("osteoviz-lessons-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn lesson_check_passes_a_good_file_and_names_step_and_field_of_each_problem() {
    let good = write(
        "good.json",
        r#"{"title": "Close the kerf", "steps": [
            {"query": "preset=dmmo&close=0", "title": "Open", "text": "The kerf is open."},
            {"query": "preset=dmmo", "title": "Closed", "text": "Closing it raises the head.",
             "expect": [{"key": "head_rise_mm", "change": "increases"}]}]}"#,
    );
    let out = cli().args(["lesson", "check"]).arg(&good).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 steps, 1 expectations hold"));

    let cases = [
        // (file text, what stderr must say)
        (
            r#"{"title": "x", "steps": [{"query": "preset=dmmo", "title": "a"}]}"#,
            "step 1, text: is missing",
        ),
        (
            r#"{"title": "x", "steps": [{"query": "preset=dmmo", "title": "a", "text": "b", "colour": 1}]}"#,
            "step 1, colour: unknown field",
        ),
        (
            r#"{"title": "x", "steps": [{"query": "preset=dmmo", "title": "a", "text": "b"},
             {"query": "preset=dmmo&close=0", "title": "a", "text": "b",
              "expect": [{"key": "head_rise_mm", "change": "increases"}]}]}"#,
            "step 2, expect[0]: \"head_rise_mm\" increases does not hold",
        ),
        (
            r#"{"title": "x", "steps": [{"query": "preset=dmmo&cut=abc", "title": "a", "text": "b"}]}"#,
            "step 1, query:",
        ),
        (
            r#"{"title": "x", "steps": [{"query": "preset=dmmo", "title": "a", "text": "b",
              "expect": [{"key": "head_rize_mm", "at_least": 1}]}]}"#,
            "step 1, expect[0].key: \"head_rize_mm\" is not a key",
        ),
        (
            r#"{"title": "x", "steps": [{"query": "preset=dmmo", "title": "a", "text": "b",
              "challenge": {"controls": ["colour"], "conditions": [{"key": "head_rise_mm", "at_least": 1}]}}]}"#,
            "step 1, challenge.controls[0]: \"colour\" is not a control",
        ),
        (
            r#"{"title": "x", "steps": [{"query": "preset=dmmo", "title": "a", "text": "b",
              "challenge": {"controls": ["at"], "conditions": [{"key": "head_rise_mm", "at_least": 9}]}}]}"#,
            "step 1, challenge: no setting of at found",
        ),
        (
            r#"{"title": "x", "steps": [{"query": "preset=dmmo", "title": {"en": "a", "de": "b"}, "text": "b"}]}"#,
            "step 1, title.de: unknown language",
        ),
        (r#"{"title": "x", "steps": []}"#, "steps: is empty"),
        ("{\"title\": \"x\",", "not JSON (line 1"),
    ];
    for (i, (text, message)) in cases.iter().enumerate() {
        let path = write(&format!("broken-{i}.json"), text);
        let out = cli().args(["lesson", "check"]).arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "case {i}: {stderr}");
        assert!(stderr.contains(message), "case {i}: {stderr}");
    }
}

#[test]
fn lessons_lists_the_built_in_lessons_and_show_prints_one_as_a_file() {
    let out = cli().args(["lessons", "--lang", "fr"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), BUILT_IN.len());
    assert!(
        text.contains("position       5  steps  Stabilité selon la position"),
        "{text}"
    );
    let out = cli()
        .args(["lesson", "show", "position", "--lang", "es"])
        .output()
        .unwrap();
    let lesson = Lesson::from_json(&String::from_utf8_lossy(&out.stdout)).unwrap();
    assert_eq!(lesson.steps.len(), 5);
    assert!(matches!(lesson.title, Text::One(ref t) if t.starts_with("Estabilidad")));
    let out = cli().args(["lesson", "show", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn render_lesson_writes_one_figure_per_step_with_its_caption() {
    let dir = std::env::temp_dir().join(format!("osteoviz-render-lesson-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = cli()
        .args([
            "render", "--lesson", "why-m4", "--format", "svg", "--lang", "fr", "-o",
        ])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lesson = built_in("why-m4").unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    files.sort();
    assert_eq!(files.len(), lesson.steps.len());
    assert_eq!(files[0], "step-01.svg");
    let first = std::fs::read_to_string(dir.join("step-01.svg")).unwrap();
    let title = lesson.steps[0].title.get(Lang::Fr);
    // The caption is written as text (XML-escaped apostrophes aside).
    let plain = title.replace('’', "");
    assert!(
        first.replace('’', "").contains(&format!("1. {plain}")),
        "no caption \"{title}\" in step-01.svg"
    );
    let out = cli()
        .args(["render", "--lesson", "position", "-o"])
        .arg(dir.join("png"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let png = std::fs::read(dir.join("png/step-05.png")).unwrap();
    assert_eq!(&png[1..4], b"PNG");
}
