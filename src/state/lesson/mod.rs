//! Lessons: a storyline of steps over the single-ray or plan state, each with its caption, and
//! what it claims to show, checked against the model ([`check`]). The file format (README
//! "Lessons") is JSON: an object with `title` and `steps`; every text is a string or an object
//! of languages (`{"en": …, "fr": …, "es": …}`). The built-in lessons are such files
//! (`lessons/*.json`) carried in the binary.
//!
//! It may import the state's codecs, the plan, the readouts and the catalogue's languages
//! (through [`check`]); never the scene or the interface. Nothing in `state` imports it.

pub mod check;

use super::i18n::Lang;
use serde_json::{Map, Value};
use std::fmt;

/// The parts of the single-ray drawing a step may highlight by name (beside readouts, named by
/// their `osteoviz eval` keys): the drawing's groups of the same class.
pub const DRAWING_PARTS: [&str; 9] = [
    "angles",
    "cut",
    "declination",
    "dimensions",
    "forces",
    "inset",
    "mechanics",
    "verdict",
    "head-fragment",
];

/// The built-in lessons, `(name, file)`, in teaching order.
pub const BUILT_IN: [(&str, &str); 6] = [
    (
        "cut-orients",
        include_str!("../../../lessons/cut-orients.json"),
    ),
    (
        "orientation",
        include_str!("../../../lessons/orientation.json"),
    ),
    ("position", include_str!("../../../lessons/position.json")),
    ("weight", include_str!("../../../lessons/weight.json")),
    (
        "weil-vs-dmmo",
        include_str!("../../../lessons/weil-vs-dmmo.json"),
    ),
    ("why-m4", include_str!("../../../lessons/why-m4.json")),
];

/// The built-in lesson named `name`, parsed.
pub fn built_in(name: &str) -> Option<Lesson> {
    BUILT_IN
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, text)| Lesson::from_json(text).ok())
}

/// A text in one language, or in several (`{"en": …, "fr": …, "es": …}`).
#[derive(Clone, Debug, PartialEq)]
pub enum Text {
    /// One text, whatever the page's language.
    One(String),
    /// One text per language code; a language it lacks falls back to English, then the first.
    Langs(Vec<(Lang, String)>),
}

impl Text {
    /// The text for `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::One(s) => s,
            Text::Langs(texts) => texts
                .iter()
                .find(|(l, _)| *l == lang)
                .or_else(|| texts.iter().find(|(l, _)| *l == Lang::En))
                .or(texts.first())
                .map_or("", |(_, s)| s),
        }
    }

    /// Whether it has a non-empty text written for `lang` itself.
    pub fn has(&self, lang: Lang) -> bool {
        match self {
            Text::One(s) => !s.trim().is_empty(),
            Text::Langs(texts) => texts
                .iter()
                .any(|(l, s)| *l == lang && !s.trim().is_empty()),
        }
    }

    fn to_json(&self) -> Value {
        match self {
            Text::One(s) => Value::String(s.clone()),
            Text::Langs(texts) => Value::Object(
                texts
                    .iter()
                    .map(|(l, s)| (l.code().to_string(), Value::String(s.clone())))
                    .collect(),
            ),
        }
    }
}

/// What a step does when it opens, after moving to its state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepAction {
    /// `"play"`: animate the head's displacement up to the step's state.
    Play,
    /// `"weight"`: put body weight on the head (it settles, then comes back).
    Weight,
}

impl StepAction {
    /// The file's name for it.
    pub fn name(self) -> &'static str {
        match self {
            StepAction::Play => "play",
            StepAction::Weight => "weight",
        }
    }
}

/// The direction a number takes from the previous step (`"change"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Greater than before.
    Increases,
    /// Smaller than before.
    Decreases,
    /// The same as before (a number within the tolerance, or the same text).
    Unchanged,
}

impl Change {
    const ALL: [Change; 3] = [Change::Increases, Change::Decreases, Change::Unchanged];

    /// The file's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Change::Increases => "increases",
            Change::Decreases => "decreases",
            Change::Unchanged => "unchanged",
        }
    }
}

/// A value an `is` or `is_not` test compares with: a verdict's name, a number, a flag.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// A text (`"held"`).
    Text(String),
    /// A number (compared within [`check::TOLERANCE`]).
    Number(f64),
    /// A flag (`true`).
    Flag(bool),
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Text(s) => write!(f, "\"{s}\""),
            Expected::Number(x) => f.write_str(&crate::numtext::shortest(*x)),
            Expected::Flag(b) => write!(f, "{b}"),
        }
    }
}

/// The test of an expectation or a challenge's condition on one `osteoviz eval` key.
#[derive(Clone, Debug, PartialEq)]
pub enum Test {
    /// `"change"`: relative to the previous step (expectations only).
    Change(Change),
    /// `"is"`: equal to.
    Is(Expected),
    /// `"is_not"`: different from.
    IsNot(Expected),
    /// `"at_least"`: a number ≥.
    AtLeast(f64),
    /// `"at_most"`: a number ≤.
    AtMost(f64),
}

/// The tests a claim may make, by their field in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TestField {
    Change,
    Is,
    IsNot,
    AtLeast,
    AtMost,
}

impl TestField {
    const ALL: [TestField; 5] = [
        TestField::Change,
        TestField::Is,
        TestField::IsNot,
        TestField::AtLeast,
        TestField::AtMost,
    ];

    /// Its field's name.
    fn name(self) -> &'static str {
        match self {
            TestField::Change => "change",
            TestField::Is => "is",
            TestField::IsNot => "is_not",
            TestField::AtLeast => "at_least",
            TestField::AtMost => "at_most",
        }
    }
}

/// One claim on an `osteoviz eval` key (dotted: `settled.head_rise_mm`, `heads.m4.treated`).
#[derive(Clone, Debug, PartialEq)]
pub struct Expectation {
    /// The dotted key into the `osteoviz eval` JSON of the step's query.
    pub key: String,
    /// What must hold of its value.
    pub test: Test,
}

/// An exercise: reach a state where every condition holds, moving only the allowed controls.
#[derive(Clone, Debug, PartialEq)]
pub struct Challenge {
    /// The single-ray query keys the learner may move (`cut`, `at`, `load`, …).
    pub controls: Vec<String>,
    /// What the solution must satisfy (absolute tests only).
    pub conditions: Vec<Expectation>,
    /// Hints, shown one at a time on request.
    pub hints: Vec<Text>,
}

/// One step of a lesson.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The state: a single-ray query or a plan query.
    pub query: String,
    /// Its heading.
    pub title: Text,
    /// One to three sentences: what to look at.
    pub text: Text,
    /// Speaker notes (the presenter view).
    pub notes: Option<Text>,
    /// `osteoviz eval` keys whose readouts are emphasised, and parts of the drawing
    /// ([`DRAWING_PARTS`]).
    pub highlight: Vec<String>,
    /// What the step does when it opens.
    pub action: Option<StepAction>,
    /// What the step shows, checked by [`check::check`].
    pub expect: Vec<Expectation>,
    /// The step as an exercise.
    pub challenge: Option<Challenge>,
}

/// A lesson: a title and its steps.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    /// Its title.
    pub title: Text,
    /// Its steps, at least one.
    pub steps: Vec<Step>,
}

/// Why a lesson file cannot be read: where (a step, 1-based, and a field path) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonError {
    /// The step, 1-based; `None` for the lesson itself.
    pub step: Option<usize>,
    /// The field, as a path (`expect[2].key`).
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.step {
            Some(n) if self.field.is_empty() => write!(f, "step {n}: {}", self.message),
            Some(n) => write!(f, "step {n}, {}: {}", self.field, self.message),
            None if self.field.is_empty() => write!(f, "{}", self.message),
            None => write!(f, "{}: {}", self.field, self.message),
        }
    }
}

impl std::error::Error for LessonError {}

/// Reads fields of one JSON object, naming the step and the field path in its errors.
struct Reader<'a> {
    step: Option<usize>,
    path: String,
    object: &'a Map<String, Value>,
}

impl<'a> Reader<'a> {
    fn new(
        step: Option<usize>,
        path: &str,
        value: &'a Value,
        known: &[&str],
    ) -> Result<Self, LessonError> {
        let Value::Object(object) = value else {
            return Err(error(step, path, "must be an object ({…})"));
        };
        let reader = Reader {
            step,
            path: path.to_string(),
            object,
        };
        if let Some(unknown) = object.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(reader.err(unknown, &format!("unknown field: use {}", known.join(", "))));
        }
        Ok(reader)
    }

    fn field(&self, name: &str) -> String {
        match (self.path.is_empty(), name.is_empty()) {
            (true, _) => name.to_string(),
            (false, true) => self.path.clone(),
            (false, false) => format!("{}.{name}", self.path),
        }
    }

    fn err(&self, name: &str, message: &str) -> LessonError {
        error(self.step, &self.field(name), message)
    }

    fn get(&self, name: &str) -> Option<&'a Value> {
        self.object.get(name).filter(|v| !v.is_null())
    }

    fn required(&self, name: &str) -> Result<&'a Value, LessonError> {
        self.get(name).ok_or_else(|| self.err(name, "is missing"))
    }

    fn string(&self, name: &str) -> Result<String, LessonError> {
        match self.required(name)? {
            Value::String(s) if !s.trim().is_empty() => Ok(s.clone()),
            Value::String(_) => Err(self.err(name, "is empty")),
            _ => Err(self.err(name, "must be a string")),
        }
    }

    fn text(&self, name: &str) -> Result<Text, LessonError> {
        text_of(self.step, &self.field(name), self.required(name)?)
    }

    fn array(&self, name: &str) -> Result<&'a [Value], LessonError> {
        match self.get(name) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(self.err(name, "must be an array ([…])")),
        }
    }

    fn strings(&self, name: &str) -> Result<Vec<String>, LessonError> {
        self.array(name)?
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Value::String(s) => Ok(s.clone()),
                _ => Err(self.err(&format!("{name}[{i}]"), "must be a string")),
            })
            .collect()
    }
}

fn error(step: Option<usize>, field: &str, message: &str) -> LessonError {
    LessonError {
        step,
        field: field.to_string(),
        message: message.to_string(),
    }
}

fn text_of(step: Option<usize>, field: &str, value: &Value) -> Result<Text, LessonError> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Ok(Text::One(s.clone())),
        Value::Object(map) if !map.is_empty() => {
            let mut texts = Vec::new();
            for (code, text) in map {
                let Some(lang) = Lang::ALL.into_iter().find(|l| l.code() == code) else {
                    let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
                    return Err(error(
                        step,
                        &format!("{field}.{code}"),
                        &format!("unknown language: use {}", codes.join(", ")),
                    ));
                };
                match text {
                    Value::String(s) if !s.trim().is_empty() => texts.push((lang, s.clone())),
                    _ => {
                        return Err(error(
                            step,
                            &format!("{field}.{code}"),
                            "must be a non-empty string",
                        ))
                    }
                }
            }
            Ok(Text::Langs(texts))
        }
        _ => Err(error(
            step,
            field,
            "must be a non-empty string or an object of languages ({\"en\": …, \"fr\": …})",
        )),
    }
}

fn expectation(
    step: Option<usize>,
    path: &str,
    value: &Value,
    relative_allowed: bool,
) -> Result<Expectation, LessonError> {
    let names = TestField::ALL.map(TestField::name);
    let mut known = vec!["key"];
    known.extend(names);
    let r = Reader::new(step, path, value, &known)?;
    let key = r.string("key")?;
    let tests: Vec<TestField> = TestField::ALL
        .into_iter()
        .filter(|f| r.get(f.name()).is_some())
        .collect();
    let [field] = tests[..] else {
        return Err(r.err(
            "",
            &format!(
                "needs exactly one test of {} (it has {})",
                names.join(", "),
                tests.len()
            ),
        ));
    };
    let name = field.name();
    let value = r.required(name)?;
    let number = || {
        value
            .as_f64()
            .ok_or_else(|| r.err(name, "must be a number"))
    };
    let expected = || match value {
        Value::String(s) => Ok(Expected::Text(s.clone())),
        Value::Number(n) => n
            .as_f64()
            .map(Expected::Number)
            .ok_or_else(|| r.err(name, "must be a finite number")),
        Value::Bool(b) => Ok(Expected::Flag(*b)),
        _ => Err(r.err(name, "must be a string, a number or true/false")),
    };
    let test = match field {
        TestField::Change => {
            if !relative_allowed {
                return Err(r.err(
                    name,
                    "compares with the previous step: not allowed here (use is, is_not, at_least or at_most)",
                ));
            }
            let text = value.as_str().unwrap_or_default();
            let change = Change::ALL
                .into_iter()
                .find(|c| c.name() == text)
                .ok_or_else(|| {
                    r.err(
                        name,
                        "must be \"increases\", \"decreases\" or \"unchanged\"",
                    )
                })?;
            Test::Change(change)
        }
        TestField::Is => Test::Is(expected()?),
        TestField::IsNot => Test::IsNot(expected()?),
        TestField::AtLeast => Test::AtLeast(number()?),
        TestField::AtMost => Test::AtMost(number()?),
    };
    Ok(Expectation { key, test })
}

fn challenge(step: usize, value: &Value) -> Result<Challenge, LessonError> {
    let r = Reader::new(
        Some(step),
        "challenge",
        value,
        &["controls", "conditions", "hints"],
    )?;
    let controls = r.strings("controls")?;
    if controls.is_empty() {
        return Err(r.err(
            "controls",
            "names no control: list the keys the learner may move",
        ));
    }
    for (i, c) in controls.iter().enumerate() {
        if !check::is_challenge_control(c) {
            return Err(r.err(
                &format!("controls[{i}]"),
                &format!(
                    "\"{c}\" is not a control: use {}",
                    check::CHALLENGE_CONTROLS.join(", ")
                ),
            ));
        }
    }
    let conditions = r
        .array("conditions")?
        .iter()
        .enumerate()
        .map(|(i, v)| expectation(Some(step), &format!("challenge.conditions[{i}]"), v, false))
        .collect::<Result<Vec<_>, _>>()?;
    if conditions.is_empty() {
        return Err(r.err(
            "conditions",
            "is empty: a challenge needs at least one condition",
        ));
    }
    let hints = r
        .array("hints")?
        .iter()
        .enumerate()
        .map(|(i, v)| text_of(Some(step), &format!("challenge.hints[{i}]"), v))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Challenge {
        controls,
        conditions,
        hints,
    })
}

fn step(n: usize, value: &Value) -> Result<Step, LessonError> {
    let r = Reader::new(
        Some(n),
        "",
        value,
        &[
            "query",
            "title",
            "text",
            "notes",
            "highlight",
            "action",
            "expect",
            "challenge",
        ],
    )?;
    let query = match r.required("query")? {
        Value::String(s) => s.trim().trim_start_matches('?').to_string(),
        _ => {
            return Err(r.err(
                "query",
                "must be a string (a query such as \"preset=dmmo\")",
            ))
        }
    };
    let action = match r.get("action") {
        None => None,
        Some(Value::String(s)) if s == "play" => Some(StepAction::Play),
        Some(Value::String(s)) if s == "weight" => Some(StepAction::Weight),
        Some(_) => return Err(r.err("action", "must be \"play\" or \"weight\"")),
    };
    let expect = r
        .array("expect")?
        .iter()
        .enumerate()
        .map(|(i, v)| expectation(Some(n), &format!("expect[{i}]"), v, n > 1))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Step {
        query,
        title: r.text("title")?,
        text: r.text("text")?,
        notes: r.get("notes").map(|_| r.text("notes")).transpose()?,
        highlight: r.strings("highlight")?,
        action,
        expect,
        challenge: r.get("challenge").map(|v| challenge(n, v)).transpose()?,
    })
}

/// The largest lesson file read (bytes): a lesson is text, not data.
pub const MAX_LESSON_BYTES: usize = 512 * 1024;
/// The most steps a lesson may have.
pub const MAX_STEPS: usize = 200;

/// The error of a lesson file of `bytes` bytes, when it is over [`MAX_LESSON_BYTES`].
pub fn size_error(bytes: usize) -> Option<LessonError> {
    (bytes > MAX_LESSON_BYTES).then(|| {
        error(
            None,
            "",
            &format!(
                "the file is over {} kB: a lesson is text",
                MAX_LESSON_BYTES / 1024
            ),
        )
    })
}

impl Lesson {
    /// Reads a lesson file. Its queries are read, not checked: [`check::check`] does that.
    pub fn from_json(text: &str) -> Result<Lesson, LessonError> {
        if let Some(e) = size_error(text.len()) {
            return Err(e);
        }
        let value: Value = serde_json::from_str(text).map_err(|e| {
            error(
                None,
                "",
                &format!("not JSON (line {}, column {}): {e}", e.line(), e.column()),
            )
        })?;
        Lesson::from_value(&value)
    }

    /// Reads a lesson from parsed JSON.
    pub fn from_value(value: &Value) -> Result<Lesson, LessonError> {
        let r = Reader::new(None, "", value, &["title", "steps"])?;
        let title = r.text("title")?;
        let items = match r.get("steps") {
            Some(Value::Array(items)) => items,
            Some(_) => return Err(r.err("steps", "must be an array of steps")),
            None => return Err(r.err("steps", "is missing")),
        };
        if items.is_empty() {
            return Err(r.err("steps", "is empty: a lesson needs at least one step"));
        }
        if items.len() > MAX_STEPS {
            return Err(r.err("steps", &format!("has over {MAX_STEPS} steps")));
        }
        let steps = items
            .iter()
            .enumerate()
            .map(|(i, v)| step(i + 1, v))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Lesson { title, steps })
    }

    /// The lesson as a file, every text as written (all its languages), or only in `lang`.
    pub fn to_json(&self, lang: Option<Lang>) -> Value {
        let text = |t: &Text| match lang {
            Some(l) => Value::String(t.get(l).to_string()),
            None => t.to_json(),
        };
        let test_json = |e: &Expectation| {
            let mut o = Map::new();
            o.insert("key".into(), Value::String(e.key.clone()));
            let expected = |x: &Expected| match x {
                Expected::Text(s) => Value::String(s.clone()),
                Expected::Number(n) => serde_json::json!(n),
                Expected::Flag(b) => Value::Bool(*b),
            };
            let (name, v) = match &e.test {
                Test::Change(c) => ("change", Value::String(c.name().into())),
                Test::Is(x) => ("is", expected(x)),
                Test::IsNot(x) => ("is_not", expected(x)),
                Test::AtLeast(n) => ("at_least", serde_json::json!(n)),
                Test::AtMost(n) => ("at_most", serde_json::json!(n)),
            };
            o.insert(name.into(), v);
            Value::Object(o)
        };
        let steps = self
            .steps
            .iter()
            .map(|s| {
                let mut o = Map::new();
                o.insert("query".into(), Value::String(s.query.clone()));
                o.insert("title".into(), text(&s.title));
                o.insert("text".into(), text(&s.text));
                if let Some(n) = &s.notes {
                    o.insert("notes".into(), text(n));
                }
                if !s.highlight.is_empty() {
                    o.insert("highlight".into(), serde_json::json!(s.highlight));
                }
                if let Some(a) = s.action {
                    o.insert("action".into(), Value::String(a.name().into()));
                }
                if !s.expect.is_empty() {
                    o.insert(
                        "expect".into(),
                        Value::Array(s.expect.iter().map(test_json).collect()),
                    );
                }
                if let Some(c) = &s.challenge {
                    let mut co = Map::new();
                    co.insert("controls".into(), serde_json::json!(c.controls));
                    co.insert(
                        "conditions".into(),
                        Value::Array(c.conditions.iter().map(test_json).collect()),
                    );
                    if !c.hints.is_empty() {
                        co.insert(
                            "hints".into(),
                            Value::Array(c.hints.iter().map(text).collect()),
                        );
                    }
                    o.insert("challenge".into(), Value::Object(co));
                }
                Value::Object(o)
            })
            .collect();
        let mut o = Map::new();
        o.insert("title".into(), text(&self.title));
        o.insert("steps".into(), Value::Array(steps));
        Value::Object(o)
    }

    /// The lesson as pretty-printed JSON text (as [`Lesson::to_json`]).
    pub fn to_json_text(&self, lang: Option<Lang>) -> String {
        serde_json::to_string_pretty(&self.to_json(lang)).unwrap_or_default() + "\n"
    }
}
