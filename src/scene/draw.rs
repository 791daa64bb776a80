//! The drawing toolkit: the small shapes every scene is made of (paths, polygons, segments,
//! arrows, ellipses, smooth curves, arcs, labels), the G → SVG flip (y up in the model, down
//! in SVG), the remembered outline path data, and the label width estimates the drawings lay
//! their text out with.
//!
//! It draws points of the model's frame G in millimetres and knows nothing of what they
//! mean: it may import the model's geometry types, the catalogue's number formatting and the
//! element tree ([`super::node`]), never `ui`.

use super::node::{self, Node};
use crate::model::polygon::Polygon;
use crate::model::{Point, Vector};
use crate::state::i18n::quantity;
use crate::state::view::Lang;
use std::borrow::Cow;
use std::rc::Rc;

/// G → SVG coordinates.
fn svg(p: Point) -> (f64, f64) {
    (p.x, -p.y)
}

pub(super) fn n(v: f64) -> String {
    node::fmt_num(v)
}

pub(super) fn path_d(points: &[Point], closed: bool) -> String {
    let mut d = String::with_capacity(points.len() * 14);
    for (i, p) in points.iter().enumerate() {
        let (x, y) = svg(*p);
        d.push(if i == 0 { 'M' } else { 'L' });
        node::push_num(&mut d, x);
        d.push(',');
        node::push_num(&mut d, y);
    }
    if closed {
        d.push('Z');
    }
    d
}

/// An open or closed polyline through `points`.
pub(super) fn path(points: &[Point], closed: bool, class: impl Into<Cow<'static, str>>) -> Node {
    Node::new("path")
        .class(class)
        .attr("d", path_d(points, closed))
}

pub(super) fn polygon(poly: &Polygon, class: impl Into<Cow<'static, str>>) -> Node {
    shape(&outline_d(poly), class)
}

/// An isometry of G as an SVG `matrix(…)` (the y axis flips: x′ = cos·x + sin·y + tx,
/// y′ = −sin·x + cos·y − ty), with six decimals: 0.01 on a cosine would move points 0.5 mm.
pub(super) fn svg_matrix(iso: &nalgebra::Isometry2<f64>) -> String {
    let (cos, sin) = (iso.rotation.re, iso.rotation.im);
    let t = iso.translation.vector;
    let mut m = String::from("matrix(");
    for (i, v) in [cos, -sin, sin, cos, t.x, -t.y].into_iter().enumerate() {
        if i > 0 {
            m.push(' ');
        }
        crate::numtext::push_compact(&mut m, v, 6);
    }
    m.push(')');
    m
}

/// A polygon's path data, `None` when there is nothing to draw (no kerf, say). A fragment is
/// drawn three times (clip, fill, edge): its numbers are written once and the text is copied.
pub(super) fn outline_d(poly: &Polygon) -> Option<Rc<str>> {
    (poly.vertices.len() >= 3).then(|| cached_path_d(&poly.vertices))
}

/// How many outlines [`cached_path_d`] remembers: a drawing has seven, a plan page a few more.
const PATH_CACHE_SIZE: usize = 24;

thread_local! {
    /// The latest outlines and their closed path data, oldest first.
    static PATH_CACHE: std::cell::RefCell<Vec<(Vec<Point>, Rc<str>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// `path_d(points, true)`, remembered for the latest outlines: while a slider moves the head,
/// the proximal fragment, the intact outline, the ghost and the soft tissue keep exactly the
/// same vertices, and writing their ~1,000 numbers again was half of a drawing's time. The key
/// is the vertices themselves (compared exactly, so no collision can change a drawing); the
/// result is the same text either way.
fn cached_path_d(points: &[Point]) -> Rc<str> {
    PATH_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, d)) = cache.iter().find(|(key, _)| key.as_slice() == points) {
            return d.clone();
        }
        let d: Rc<str> = path_d(points, true).into();
        if cache.len() == PATH_CACHE_SIZE {
            cache.remove(0);
        }
        cache.push((points.to_vec(), d.clone()));
        d
    })
}

/// A path with the data from [`outline_d`]: an empty group when there is none, never an
/// invalid `d="Z"`.
pub(super) fn shape(d: &Option<Rc<str>>, class: impl Into<Cow<'static, str>>) -> Node {
    match d {
        Some(d) => Node::new("path").class(class).attr("d", d.clone()),
        None => Node::new("g").class(class),
    }
}

pub(super) fn segment(a: Point, b: Point, class: impl Into<Cow<'static, str>>) -> Node {
    let (x1, y1) = svg(a);
    let (x2, y2) = svg(b);
    Node::new("line")
        .class(class)
        .num("x1", x1)
        .num("y1", y1)
        .num("x2", x2)
        .num("y2", y2)
}

/// A line with a triangular head at `to` (no markers: the head takes the line's class colour).
pub(super) fn arrow(from: Point, to: Point, class: impl Into<Cow<'static, str>>) -> Node {
    arrow_in(Node::new("g").class(class), from, to)
}

/// [`arrow`]'s shaft and head in the group `g` (not generic: one copy in the WebAssembly).
fn arrow_in(g: Node, from: Point, to: Point) -> Node {
    let v = to - from;
    let len = v.norm();
    if len < 1e-6 {
        return g;
    }
    let u = v / len;
    let head = (len * 0.4).min(2.6);
    let side = Vector::new(-u.y, u.x) * head * 0.45;
    let base = to - u * head;
    g.child(segment(from, base, "shaft"))
        .child(path(&[to, base + side, base - side], true, "head"))
}

/// An ellipse centred at `centre`, its radii `rx` across and `ry` up.
pub(super) fn ellipse(
    centre: Point,
    rx: f64,
    ry: f64,
    class: impl Into<Cow<'static, str>>,
) -> Node {
    let (cx, cy) = svg(centre);
    Node::new("ellipse")
        .class(class)
        .num("cx", cx)
        .num("cy", cy)
        .num("rx", rx)
        .num("ry", ry)
}

/// A smooth curve through `points` (Catmull-Rom as cubic Béziers).
pub(super) fn smooth(points: &[Point], class: impl Into<Cow<'static, str>>) -> Node {
    let mut d = String::new();
    let p = |i: usize| points[i.min(points.len() - 1)];
    for (i, &b) in points.iter().enumerate() {
        let (x, y) = svg(b);
        if i == 0 {
            d.push_str(&format!("M{},{}", n(x), n(y)));
            continue;
        }
        let (before, from, after) = (p(i.saturating_sub(2)), p(i - 1), p(i + 1));
        let c1 = svg(from + (b - before) / 6.0);
        let c2 = svg(b - (after - from) / 6.0);
        d.push_str(&format!(
            "C{},{} {},{} {},{}",
            n(c1.0),
            n(c1.1),
            n(c2.0),
            n(c2.1),
            n(x),
            n(y)
        ));
    }
    Node::new("path").class(class).attr("d", d)
}

pub(super) fn arc_points(centre: Point, radius: f64, from_rad: f64, to_rad: f64) -> Vec<Point> {
    let steps = (((to_rad - from_rad).abs() / 0.05).ceil() as usize).clamp(2, 90);
    (0..=steps)
        .map(|i| {
            let a = from_rad + (to_rad - from_rad) * i as f64 / steps as f64;
            centre + Vector::new(a.cos(), a.sin()) * radius
        })
        .collect()
}

/// An arc of a circle from `from_rad` to `to_rad` (counter-clockwise in G when `to_rad` is
/// larger), drawn with SVG's own arc command: two points and a radius, not a polyline.
pub(super) fn arc(
    centre: Point,
    radius: f64,
    from_rad: f64,
    to_rad: f64,
    class: impl Into<Cow<'static, str>>,
) -> Node {
    Node::new("path")
        .class(class)
        .attr("d", arc_d(centre, radius, from_rad, to_rad))
}

/// The path data of [`arc`] (not generic: one copy in the page's WebAssembly).
fn arc_d(centre: Point, radius: f64, from_rad: f64, to_rad: f64) -> String {
    let at = |a: f64| svg(centre + Vector::new(a.cos(), a.sin()) * radius);
    let span = crate::numtext::clamp(
        to_rad - from_rad,
        -std::f64::consts::TAU,
        std::f64::consts::TAU,
    );
    // One arc command turns less than a full circle: a larger span is drawn in two halves.
    let pieces = if span.abs() > 1.9 * std::f64::consts::PI {
        2
    } else {
        1
    };
    // G's counter-clockwise is clockwise on screen (y flips): SVG's sweep flag 0.
    let flags = match (
        span.abs() / pieces as f64 > std::f64::consts::PI,
        span > 0.0,
    ) {
        (false, true) => " 0 0 0 ",
        (false, false) => " 0 0 1 ",
        (true, true) => " 0 1 0 ",
        (true, false) => " 0 1 1 ",
    };
    let mut d = String::with_capacity(64);
    let (x, y) = at(from_rad);
    d.push('M');
    node::push_num(&mut d, x);
    d.push(',');
    node::push_num(&mut d, y);
    for piece in 1..=pieces {
        let (x, y) = at(from_rad + span * piece as f64 / pieces as f64);
        d.push('A');
        node::push_num(&mut d, radius);
        d.push(',');
        node::push_num(&mut d, radius);
        d.push_str(flags);
        node::push_num(&mut d, x);
        d.push(',');
        node::push_num(&mut d, y);
    }
    d
}

pub(super) fn label(
    at: Point,
    text: impl Into<String>,
    class: impl Into<Cow<'static, str>>,
) -> Node {
    let (x, y) = svg(at);
    Node::new("text")
        .class(class)
        .num("x", x)
        .num("y", y)
        .text(text)
}

/// A label of `size` mm: the single-ray drawing sets each text's size here, from its layout
/// (theme and text size), so that what is laid out is what is drawn.
#[inline(never)]
pub(super) fn sized_label(
    at: Point,
    text: impl Into<String>,
    class: impl Into<Cow<'static, str>>,
    size_mm: f64,
) -> Node {
    label(at, text, class).num("font-size", size_mm)
}

/// A class, marked `absent` when the element does not apply: a group keeps the same elements
/// from step to step (patched in place), hiding those that do not apply.
pub(super) fn shown(class: &str, present: bool) -> String {
    if present {
        class.to_string()
    } else {
        format!("{class} absent")
    }
}

/// A view box `[min_x, min_y, width, height]` as the `viewBox` attribute's text.
pub(super) fn view_box_text(vb: &[f64; 4]) -> String {
    format!("{} {} {} {}", n(vb[0]), n(vb[1]), n(vb[2]), n(vb[3]))
}

pub(super) fn deg(lang: Lang, v: f64) -> String {
    quantity(lang, v, 1, "°")
}

pub(super) fn mm(lang: Lang, v: f64) -> String {
    quantity(lang, v, 1, "mm")
}

/// A generous width estimate of a label (mm per character, bold projector text included).
pub(super) fn text_width_mm(text: &str) -> f64 {
    text.chars().count() as f64 * 2.0
}

/// The width of a bold label in ems, from the advance widths of DejaVu Sans Bold (the sans-serif
/// the page and the CLI fall back to): within a few per cent for Latin text.
fn bold_width_em(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            ' ' | '\u{a0}' => 0.35,
            'i' | 'j' | 'l' | 'í' | 'ï' | 'î' | '.' | ',' | ':' | ';' | '\'' | '’' | '!' | '|'
            | 'I' => 0.35,
            'f' => 0.44,
            't' => 0.48,
            'r' => 0.5,
            'c' | 'ç' | 's' | 'z' => 0.6,
            'm' => 1.05,
            'w' => 0.9,
            'M' | 'W' => 1.0,
            'T' | 'F' | 'L' => 0.69,
            c if c.is_uppercase() => 0.8,
            _ => 0.7,
        })
        .sum()
}

/// `text` broken at spaces into lines no wider than `max_mm` at `size` mm (a word longer than
/// that stands on its own line). Non-breaking spaces keep a number with its unit.
pub(super) fn wrap(text: &str, max_mm: f64, size: f64, bold: bool) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || label_width_mm(&candidate, size, bold) <= max_mm {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The width of a label at `size` mm, bold or regular (about 12 % narrower): the estimate the
/// drawings lay their labels out with.
pub fn label_width_mm(text: &str, size: f64, bold: bool) -> f64 {
    bold_width_em(text) * size * if bold { 1.0 } else { 0.88 }
}
