//! A tiny element tree: what the scene draws, independent of who renders it. The page turns it
//! into Yew nodes, the CLI and the exports into SVG text: one drawing, two writers.
//!
//! It imports only [`crate::numtext`] and the state's machine number text
//! ([`crate::state::format_number`]); never `ui`.

use std::borrow::Cow;
use std::rc::Rc;

/// An attribute's value, kept in the form the scene has it and written as text by the writers
/// (the SVG text of exports and the CLI, the page's elements). A scene is built on every slider
/// step: a number costs no text and no allocation until it is written, and the page writes only
/// the numbers that changed; path data shared by several elements and remembered across
/// drawings is counted, not copied.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text: most are literals (classes, fixed sizes) and cost no allocation.
    Text(Cow<'static, str>),
    /// Text shared between elements and drawings (an outline's path data).
    Shared(Rc<str>),
    /// A length or coordinate, written with two decimals, trailing zeros trimmed ([`fmt_num`]).
    Num(f64),
}

impl Value {
    /// The value as it is written.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Value::Text(t) => Cow::Borrowed(t),
            Value::Shared(t) => Cow::Borrowed(t),
            Value::Num(v) => Cow::Owned(fmt_num(*v)),
        }
    }

    /// Whether `self` and `other` are written alike: numbers at the two decimals they are written
    /// with (a coordinate that moved by less than 0.005 is not written again), texts as texts.
    pub fn writes_as(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Num(a), Value::Num(b)) => {
                let hundredths = |v: f64| {
                    if v.is_finite() {
                        (v * 100.0).round()
                    } else {
                        0.0
                    }
                };
                hundredths(*a) == hundredths(*b)
            }
            _ => self == other,
        }
    }

    /// The value as it is written, appended to `out` (escaped for XML).
    fn write_escaped(&self, out: &mut String) {
        match self {
            Value::Text(t) => push_escaped(out, t),
            Value::Shared(t) => push_escaped(out, t),
            Value::Num(v) => push_num(out, *v),
        }
    }
}

impl From<&'static str> for Value {
    fn from(text: &'static str) -> Self {
        Value::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::Text(Cow::Owned(text))
    }
}

impl From<Cow<'static, str>> for Value {
    fn from(text: Cow<'static, str>) -> Self {
        Value::Text(text)
    }
}

impl From<Rc<str>> for Value {
    fn from(text: Rc<str>) -> Self {
        Value::Shared(text)
    }
}

/// An SVG element with attributes, children and optional text.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The element name (`"path"`, `"g"`, `"text"`…).
    pub tag: &'static str,
    /// The attributes in the order they are written.
    pub attrs: Vec<(&'static str, Value)>,
    /// The child elements, drawn in order (later ones on top).
    pub children: Vec<Node>,
    /// Text content, written before the children.
    pub text: Option<String>,
}

impl Node {
    /// An empty `tag` element.
    pub fn new(tag: &'static str) -> Self {
        Node {
            tag,
            // Most elements have a class and a few numbers: one allocation, no regrowth.
            attrs: Vec::with_capacity(6),
            children: Vec::new(),
            text: None,
        }
    }

    /// Adds an attribute.
    pub fn attr(mut self, name: &'static str, value: impl Into<Value>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }

    /// Adds a numeric attribute, written rounded for compact, stable output ([`fmt_num`]).
    pub fn num(mut self, name: &'static str, value: f64) -> Self {
        self.attrs.push((name, Value::Num(value)));
        self
    }

    /// Adds a `class` attribute: the element's semantic class, which the stylesheet draws.
    pub fn class(self, class: impl Into<Cow<'static, str>>) -> Self {
        self.attr("class", Value::Text(class.into()))
    }

    /// Adds a child element.
    pub fn child(mut self, child: Node) -> Self {
        self.children.push(child);
        self
    }

    /// Adds child elements, in order.
    pub fn children(mut self, children: impl IntoIterator<Item = Node>) -> Self {
        self.children.extend(children);
        self
    }

    /// Sets the text content.
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// The first attribute named `name`.
    pub fn value(&self, name: &str) -> Option<&Value> {
        self.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The first attribute named `name`, as it is written.
    pub fn get(&self, name: &str) -> Option<Cow<'_, str>> {
        self.value(name).map(Value::text)
    }

    /// Whether the first attribute named `name` is written as `text`.
    pub fn is(&self, name: &str, text: &str) -> bool {
        self.get(name).is_some_and(|v| v == text)
    }

    /// Every node in the tree, depth first.
    pub fn descendants(&self) -> Vec<&Node> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.descendants());
        }
        out
    }

    /// Writes the tree as XML text.
    pub fn write_xml(&self, out: &mut String) {
        out.push('<');
        out.push_str(self.tag);
        for (name, value) in &self.attrs {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            value.write_escaped(out);
            out.push('"');
        }
        if self.children.is_empty() && self.text.is_none() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        if let Some(t) = &self.text {
            push_escaped(out, t);
        }
        for c in &self.children {
            c.write_xml(out);
        }
        out.push_str("</");
        out.push_str(self.tag);
        out.push('>');
    }

    /// The tree as XML text.
    pub fn to_xml(&self) -> String {
        let mut s = String::new();
        self.write_xml(&mut s);
        s
    }
}

/// Escapes text for XML attributes and content.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// [`escape`] appended to `out`; text with nothing to escape (nearly all) is copied at once.
pub fn push_escaped(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(at) = rest.find(['&', '<', '>', '"']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// Two decimals, trailing zeros trimmed: 0.01 mm is far below what a screen shows.
pub fn fmt_num(v: f64) -> String {
    crate::state::format_number(if v.is_finite() { v } else { 0.0 }, 2)
}

/// [`fmt_num`] appended to `out` (path data: no allocation per number).
pub fn push_num(out: &mut String, v: f64) {
    crate::numtext::push_compact(out, if v.is_finite() { v } else { 0.0 }, 2);
}
