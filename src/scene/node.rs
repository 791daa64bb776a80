//! A tiny element tree: what the scene draws, independent of who renders it. The page turns it
//! into Yew nodes, the CLI and the exports into SVG text: one drawing, two writers.

use std::borrow::Cow;

/// An SVG element with attributes, children and optional text. Attribute values are
/// `Cow`s: most are literals (classes, fixed sizes) and cost no allocation, in the scene build
/// (done on every slider step) nor in the page's virtual DOM.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, Cow<'static, str>)>,
    pub children: Vec<Node>,
    pub text: Option<String>,
}

impl Node {
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
    pub fn attr(mut self, name: &'static str, value: impl Into<Cow<'static, str>>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }

    /// Adds a numeric attribute, rounded for compact, stable output.
    pub fn num(self, name: &'static str, value: f64) -> Self {
        self.attr(name, fmt_num(value))
    }

    pub fn class(self, class: impl Into<Cow<'static, str>>) -> Self {
        self.attr("class", class)
    }

    pub fn child(mut self, child: Node) -> Self {
        self.children.push(child);
        self
    }

    pub fn children(mut self, children: impl IntoIterator<Item = Node>) -> Self {
        self.children.extend(children);
        self
    }

    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// The first attribute named `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_ref())
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
            push_escaped(out, value);
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
