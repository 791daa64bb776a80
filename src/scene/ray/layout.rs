//! The layout of a single-ray drawing: what its layers share, computed once per drawing (the
//! geometry as drawn, the head's outcomes as drawn, the label sizes, the view box and its
//! edges, the element ids). The layers read it and never change it.
//!
//! It may import the model, the state and the scene's toolkit, never `ui`.

use crate::model::{Evaluation, Geometry, Point, Vector, Verdict};
use crate::scene::draw::{deg, label_width_mm, mm, outline_d, wrap};
use crate::scene::SceneOptions;
use crate::state::i18n::{tr, trf, Msg};
use crate::state::view::{Lang, Theme};
use crate::state::State;
use std::cell::RefCell;
use std::rc::Rc;

/// What the layers of one drawing share.
pub(super) struct Layout<'a> {
    pub state: &'a State,
    pub e: &'a Evaluation,
    pub options: &'a SceneOptions,
    /// How far the head is drawn from where it was left (0) to its settled pose (1).
    pub load_fraction: f64,
    /// Whether the head is drawn (part of the way) under body weight.
    pub loaded: bool,
    /// The geometry with the head as the surgeon left it.
    pub as_left: &'a Geometry,
    /// The geometry with the head moved under body weight, when `loaded`.
    settled: Option<Geometry>,
    /// The head's outcomes as drawn: as left, or measured again at the settled pose.
    pub head_rise_mm: f64,
    pub axial_shortening_mm: f64,
    pub declination_after_deg: f64,
    pub lang: Lang,
    /// The projector theme: larger, bold labels.
    pub projector: bool,
    /// How much larger than normal the labels are drawn (from the page's text size).
    pub text: f64,
    /// Text sizes, mm: the layout places each text at its size, and the text is drawn at it.
    pub label_size: f64,
    pub dimension_size: f64,
    pub verdict_size: f64,
    pub verdict_detail_size: f64,
    pub verdict_settled_size: f64,
    pub inset_title_size: f64,
    pub inset_caption_size: f64,
    pub caption_size: f64,
    /// The forces inset's caption, a line each: its key (what F, P, R, the cone, N and T are),
    /// or without the key (`legend=0`) one or two lines.
    pub inset_caption: Vec<String>,
    /// The forces inset's right and bottom edges, from the drawing's left and top edges (mm):
    /// larger with larger text.
    pub inset_right: f64,
    pub inset_bottom: f64,
    /// `[min_x, min_y, width, height]` in SVG coordinates (mm, y down).
    pub vb: [f64; 4],
    /// Where the caption under the drawing starts (SVG y), and its lines, wrapped to the width.
    pub caption_top: f64,
    pub caption: Vec<String>,
    /// The view's edges in G (y up) and its size.
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub width: f64,
    pub height: f64,
    /// The declination δ before the osteotomy (rad).
    pub delta: f64,
    /// The shaft axis before the osteotomy, pointing distally, and the head's radius.
    pub axis_dir: Vector,
    pub head_radius: f64,
    /// The proximal cut face's extent along the cut line (its parameters, lower then higher).
    pub cut_span: (f64, f64),
    /// Outlines drawn by both the definitions (clips) and the bone.
    pub proximal_d: Option<Rc<str>>,
    pub head_before_d: Option<Rc<str>>,
    /// The rectangles the texts and boxes placed so far take: a label placed later goes where
    /// it overlaps none of them ([`Layout::place`]).
    claimed: RefCell<Vec<Rect>>,
    /// The thick lines drawn so far that a text must not cover: their ends and half-width.
    lines: RefCell<Vec<(Point, Point, f64)>>,
}

/// An axis-aligned rectangle in G (mm, y up).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// The area shared with `other` (0 when apart).
    fn overlap(&self, other: &Rect) -> f64 {
        let w = self.x1.min(other.x1) - self.x0.max(other.x0);
        let h = self.y1.min(other.y1) - self.y0.max(other.y0);
        if w > 0.0 && h > 0.0 {
            w * h
        } else {
            0.0
        }
    }

    fn area(&self) -> f64 {
        (self.x1 - self.x0) * (self.y1 - self.y0)
    }

    /// The length of the segment `a`–`b` inside the rectangle grown by `margin` (clipped as
    /// Liang and Barsky do).
    fn crossed_length(&self, a: Point, b: Point, margin: f64) -> f64 {
        let d = b - a;
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-d.x, a.x - (self.x0 - margin)),
            (d.x, (self.x1 + margin) - a.x),
            (-d.y, a.y - (self.y0 - margin)),
            (d.y, (self.y1 + margin) - a.y),
        ] {
            if p.abs() < 1e-12 {
                if q < 0.0 {
                    return 0.0;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        if t1 > t0 {
            (t1 - t0) * d.norm()
        } else {
            0.0
        }
    }
}

/// The last resort of [`Layout::place`]: places on `rings` rings `step` mm apart around
/// `centre`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Around {
    pub centre: Point,
    pub step: f64,
    pub rings: u32,
}

/// Where a text stands relative to its point (its SVG `text-anchor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The class that sets it (scene.css).
    pub(super) fn class(self) -> &'static str {
        match self {
            Anchor::Start => "label-start",
            Anchor::Middle => "label-middle",
            Anchor::End => "label-end",
        }
    }
}

/// A text to place: what it says, its size (mm) and weight.
pub(super) struct Text<'t> {
    pub text: &'t str,
    pub size: f64,
    pub bold: bool,
}

impl Text<'_> {
    /// The rectangle the text takes at `at` (centred on its y: `dominant-baseline: middle`),
    /// with a little room around it.
    #[inline(never)]
    pub(super) fn rect(&self, at: Point, anchor: Anchor) -> Rect {
        let width = label_width_mm(self.text, self.size, self.bold);
        let (x0, x1) = match anchor {
            Anchor::Start => (at.x, at.x + width),
            Anchor::Middle => (at.x - width / 2.0, at.x + width / 2.0),
            Anchor::End => (at.x - width, at.x),
        };
        let pad = 0.2;
        Rect {
            x0: x0 - pad,
            y0: at.y - self.size / 2.0 - pad,
            x1: x1 + pad,
            y1: at.y + self.size / 2.0 + pad,
        }
    }
}

impl<'a> Layout<'a> {
    /// The layout of `state` drawn with the head `load_fraction` of the way from where it was
    /// left (0) to its settled pose under body weight (1).
    pub(super) fn new(
        state: &'a State,
        e: &'a Evaluation,
        options: &'a SceneOptions,
        load_fraction: f64,
    ) -> Layout<'a> {
        let as_left = &e.geometry;
        let load_fraction = if load_fraction.is_finite() {
            crate::numtext::clamp(load_fraction, 0.0, 1.0)
        } else {
            0.0
        };
        let loaded = load_fraction > 0.0;
        let settled = loaded.then(|| {
            as_left.with_head_moved(
                &e.settled
                    .transform_at(as_left.head_centre_after, load_fraction),
            )
        });
        let g = settled.as_ref().unwrap_or(as_left);
        let delta = e.outcomes.declination_before_deg.to_radians();
        let axis_dir = Vector::new(delta.cos(), -delta.sin());
        let (head_rise_mm, axial_shortening_mm, declination_after_deg) =
            drawn_outcomes(e, g, loaded, axis_dir);
        let lang = options.lang;
        // Text sizes: larger and bold on the projector, times the drawing's share of the page's
        // text size.
        let projector = options.theme == Theme::Projector;
        let text = drawing_text_factor(options.text_scale);
        let sized =
            |light: f64, projector_mm: f64| text * if projector { projector_mm } else { light };
        let label_size = sized(3.0, 3.6);
        let dimension_size = sized(2.8, 3.6);
        let verdict_size = sized(3.6, 3.6);
        let verdict_detail_size = sized(2.2, 2.3);
        let verdict_settled_size = sized(2.5, 2.6);
        let inset_title_size = sized(2.8, 3.0);
        let inset_caption_size = sized(2.1, 2.2);
        let caption_size = sized(2.6, 2.8);
        // Wide enough for its title (a longer language, bold on the projector).
        let inset_right = 3.0
            + (INSET_WIDTH * text).max(
                label_width_mm(tr(lang, Msg::SceneForcesTitle), inset_title_size, true)
                    + 4.0 * text,
            );
        let inset_caption = inset_caption(e, options, inset_right, inset_caption_size);
        // The key's lines add to the box's height (the vectors keep their room).
        let key_extra = if options.legend {
            inset_caption.len() as f64 * (inset_caption_size + 0.6 * text)
        } else {
            0.0
        };
        let inset_bottom = 3.0 + INSET_HEIGHT * text + key_extra;
        let mut vb = view_box(e);
        // Larger text: the inset and the badge grow upward, over room added above the bone.
        let above = (inset_bottom - (3.0 + INSET_HEIGHT)).max(0.0);
        vb[1] -= above;
        vb[3] += above;
        // The inset and the widest verdict badge side by side, whatever the verdict.
        let widest_badge = Verdict::ALL
            .iter()
            .map(|v| {
                label_width_mm(
                    tr(lang, super::overlays::verdict_msg(*v)),
                    verdict_size,
                    true,
                )
            })
            .fold(46.0 * text, f64::max)
            + 3.0;
        vb[2] = vb[2].max(inset_right + 4.0 + widest_badge + 3.0);
        // The shortening label, start-anchored right of its dimension line under the head, moves
        // left when it would pass the right edge (fit_left in the dimensions), but not over the
        // ground force's arrow: a long translation at its longest ("88.8 mm") widens the view
        // instead, once for the whole interaction (the view depends on the intact anatomy,
        // language and theme only).
        let longest_shortening = trf(lang, Msg::SceneShortening, &[("mm", &mm(lang, 88.8))]);
        let shortening_room = g.head_lowest_before.x
            + 2.0
            + label_width_mm(&longest_shortening, dimension_size, projector)
            + 1.0;
        vb[2] = vb[2].max(shortening_room - vb[0]);
        // Room for the caption under the drawing, wrapped to its width: a line each.
        let caption_top = vb[1] + vb[3];
        let caption: Vec<String> = options
            .caption
            .iter()
            .flat_map(|line| wrap(line, vb[2] - 6.0, caption_size, projector))
            .collect();
        vb[3] += caption.len() as f64 * caption_line(caption_size)
            + if caption.is_empty() { 0.0 } else { 2.0 };
        let (left, top, width, height) = (vb[0], -vb[1], vb[2], vb[3]);
        let cut = &g.cut_line;
        let (face_a, face_b) = g.proximal_face;
        let (u_a, u_b) = (cut.parameter(&face_a), cut.parameter(&face_b));
        let proximal_d = outline_d(&g.proximal);
        // The head fragment is drawn as it was before the motion, moved by a transform: while a
        // slider moves the head, its outline's numbers stay the same (remembered, not rewritten)
        // and only the transform changes.
        let head_before_d = outline_d(&g.head_before);
        Layout {
            state,
            e,
            options,
            load_fraction,
            loaded,
            as_left,
            head_rise_mm,
            axial_shortening_mm,
            declination_after_deg,
            lang,
            projector,
            text,
            label_size,
            dimension_size,
            verdict_size,
            verdict_detail_size,
            verdict_settled_size,
            inset_title_size,
            inset_caption_size,
            inset_caption,
            caption_size,
            inset_right,
            inset_bottom,
            vb,
            caption_top,
            caption,
            left,
            top,
            right: left + width,
            width,
            height,
            delta,
            axis_dir,
            head_radius: e.params.anatomy.head_radius_mm(),
            cut_span: (u_a.min(u_b), u_a.max(u_b)),
            proximal_d,
            head_before_d,
            settled,
            claimed: RefCell::new(Vec::new()),
            lines: RefCell::new(Vec::new()),
        }
    }

    /// Marks `rect` as taken (a box, or a text placed where it must be).
    pub(super) fn claim(&self, rect: Rect) {
        self.claimed.borrow_mut().push(rect);
    }

    /// Marks the line `a`–`b`, drawn `width` mm wide, as one no text may cover.
    pub(super) fn claim_line(&self, a: Point, b: Point, width: f64) {
        self.lines.borrow_mut().push((a, b, width / 2.0));
    }

    /// How much of `r` lies outside the figure, over something claimed or across a thick line
    /// (mm², a line's length counted as a millimetre wide; 0: free).
    #[inline(never)]
    fn crowding(&self, r: &Rect) -> f64 {
        let figure = Rect {
            x0: self.left,
            y0: self.top - self.height,
            x1: self.right,
            y1: self.top,
        };
        // Outside the figure counts double: a clipped label is worse than a crowded one.
        2.0 * (r.area() - r.overlap(&figure))
            + self
                .claimed
                .borrow()
                .iter()
                .map(|c| c.overlap(r))
                .sum::<f64>()
            + self
                .lines
                .borrow()
                .iter()
                .map(|(a, b, half)| r.crossed_length(*a, *b, *half))
                .sum::<f64>()
    }

    /// The first of `candidates` (a point and an anchor; each of `texts` stands at its offset
    /// from that point), then of the places `around` a point, where every text is inside the
    /// figure and clear of what is claimed, else the least crowded; the chosen texts are then
    /// claimed. (Plain loops over a slice: one copy of this code serves every label.)
    #[inline(never)] // one copy for every label: the shipped .wasm is built for size
    pub(super) fn place(
        &self,
        candidates: &[(Point, Anchor)],
        around: Option<Around>,
        texts: &[(&Text, Vector)],
    ) -> (Point, Anchor) {
        let crowding = |(at, anchor): (Point, Anchor)| -> f64 {
            texts
                .iter()
                .map(|(t, offset)| self.crowding(&t.rect(at + offset, anchor)))
                .sum()
        };
        let mut chosen = (Point::origin(), Anchor::Middle);
        let mut least = f64::INFINITY;
        let mut consider = |c: (Point, Anchor)| {
            let crowded = crowding(c);
            if crowded < least {
                (chosen, least) = (c, crowded);
            }
            crowded <= 0.0
        };
        let found = candidates.iter().any(|c| consider(*c));
        if let (false, Some(a)) = (found, around) {
            // Eight directions on each ring (an ellipse twice as wide as high: texts are
            // wide), nearest first, each with the three anchors.
            'rings: for k in 1..=a.rings {
                let reach = f64::from(k) * a.step;
                for i in 0..8 {
                    let angle = f64::from(i) * std::f64::consts::FRAC_PI_4;
                    let at = a.centre + Vector::new(angle.cos() * reach * 2.0, angle.sin() * reach);
                    for anchor in [Anchor::Middle, Anchor::Start, Anchor::End] {
                        if consider((at, anchor)) {
                            break 'rings;
                        }
                    }
                }
            }
        }
        let (at, anchor) = chosen;
        for (t, offset) in texts {
            self.claim(t.rect(at + offset, anchor));
        }
        chosen
    }

    /// The geometry as drawn: the head as left, or moved under body weight.
    pub(super) fn g(&self) -> &Geometry {
        self.settled.as_ref().unwrap_or(self.as_left)
    }

    /// A group's tooltip (`<title>`, its first child): what its symbols mean.
    pub(super) fn tip(&self, msg: Msg) -> crate::scene::Node {
        crate::scene::Node::new("title").text(tr(self.lang, msg))
    }

    /// An element id, unique per page.
    pub(super) fn id(&self, name: &str) -> String {
        format!("{}{name}", self.options.id_prefix)
    }

    /// An angle in the drawing's language.
    pub(super) fn deg(&self, v: f64) -> String {
        deg(self.lang, v)
    }

    /// A length in the drawing's language.
    pub(super) fn mm(&self, v: f64) -> String {
        mm(self.lang, v)
    }
}

/// The forces inset's size at normal text (mm).
pub(super) const INSET_WIDTH: f64 = 40.0;
pub(super) const INSET_HEIGHT: f64 = 31.0;

/// How much larger the drawing's labels are for the page's text size `scale`: half as much
/// more as the page's text, at most 1.6 times (the drawing already grows with its frame, and
/// its labels must keep clear of each other on a bone of fixed size: `tests/layout.rs`).
pub(super) fn drawing_text_factor(scale: f64) -> f64 {
    if scale.is_finite() {
        crate::numtext::clamp(1.0 + 0.5 * (scale - 1.0), 0.85, 1.6)
    } else {
        1.0
    }
}

/// The distance between two lines of a caption of `size` mm.
pub(super) fn caption_line(size: f64) -> f64 {
    size * 1.73
}

/// The head's rise, axial shortening and declination after, as drawn: the outcomes as left, or
/// measured again on the drawn geometry `g` under body weight (`axis` is the shaft's
/// direction before the osteotomy).
fn drawn_outcomes(e: &Evaluation, g: &Geometry, loaded: bool, axis: Vector) -> (f64, f64, f64) {
    let o = &e.outcomes;
    if !loaded {
        return (
            o.head_rise_mm,
            o.axial_shortening_mm,
            o.declination_after_deg,
        );
    }
    let drawn_shift = g.head_centre_after - g.head_centre_before;
    (
        drawn_shift.y,
        -drawn_shift.dot(&axis),
        crate::model::kinematics::declination_after_rad(
            e.params.anatomy.axis_length_mm,
            o.declination_before_deg.to_radians(),
            drawn_shift.y,
            -drawn_shift.x,
        )
        .to_degrees(),
    )
}

/// The forces inset's caption. With the key (the default) it spells out what the inset shows, a
/// line per item, each wrapped to the box; without it (`legend=0`, for slides) one line, or two
/// (split after "R = F + P") when the line would not fit the box.
fn inset_caption(
    e: &Evaluation,
    options: &SceneOptions,
    inset_right: f64,
    size: f64,
) -> Vec<String> {
    let (lang, projector) = (options.lang, options.theme == Theme::Projector);
    let mu = e.params.loads.friction_mu;
    let width = inset_right - 5.0;
    let message = if options.legend {
        Msg::SceneInsetKey
    } else {
        Msg::SceneInsetCaption
    };
    let text = trf(
        lang,
        message,
        &[("mu", &crate::state::i18n::fixed(lang, mu, 2))],
    );
    if !options.legend && label_width_mm(&text, size, projector) <= width {
        return vec![text];
    }
    text.split(" · ")
        .flat_map(|item| wrap(item, width, size, projector))
        .collect()
}

/// The viewBox: the intact anatomy with room for labels, fixed while the head moves.
fn view_box(e: &Evaluation) -> [f64; 4] {
    let g = &e.geometry;
    let mut lo = Point::new(f64::INFINITY, f64::INFINITY);
    let mut hi = Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
    for poly in [&g.outline_before, &g.phalanx_before] {
        if let Some((a, b)) = poly.bounds() {
            lo = Point::new(lo.x.min(a.x), lo.y.min(a.y));
            hi = Point::new(hi.x.max(b.x), hi.y.max(b.y));
        }
    }
    let (min_x, max_x) = (lo.x - 10.0, hi.x + 10.0);
    let (min_y, max_y) = (-12.0, (hi.y + 16.0).max(74.0));
    [min_x, -max_y, max_x - min_x, max_y - min_y]
}
