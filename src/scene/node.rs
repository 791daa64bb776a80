//! A tiny element tree: what the scene draws, independent of who renders it. The page turns it
//! into Yew nodes, the CLI and the exports into SVG text: one drawing, two writers.

use std::fmt::Write;

/// An SVG element with attributes, children and optional text.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
    pub text: Option<String>,
}

impl Node {
    pub fn new(tag: &'static str) -> Self {
        Node {
            tag,
            attrs: Vec::new(),
            children: Vec::new(),
            text: None,
        }
    }

    /// Adds an attribute.
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }

    /// Adds a numeric attribute, rounded for compact, stable output.
    pub fn num(self, name: &'static str, value: f64) -> Self {
        self.attr(name, fmt_num(value))
    }

    pub fn class(self, class: &str) -> Self {
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
            .map(|(_, v)| v.as_str())
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
            let _ = write!(out, " {name}=\"{}\"", escape(value));
        }
        if self.children.is_empty() && self.text.is_none() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        if let Some(t) = &self.text {
            out.push_str(&escape(t));
        }
        for c in &self.children {
            c.write_xml(out);
        }
        let _ = write!(out, "</{}>", self.tag);
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
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Two decimals, trailing zeros trimmed: 0.01 mm is far below what a screen shows.
pub fn fmt_num(v: f64) -> String {
    crate::state::format_number(if v.is_finite() { v } else { 0.0 }, 2)
}

/// [`fmt_num`] appended to `out` (path data: no allocation per number).
pub fn push_num(out: &mut String, v: f64) {
    crate::numtext::push_compact(out, if v.is_finite() { v } else { 0.0 }, 2);
}
