//! The forces inset of a single-ray drawing, top left: the forces on the cut magnified (R, its
//! normal and tangential parts N and T), the friction cone, and where R's line of action meets
//! the bone contact. Laid out first ([`Fit`]: a scale that fits the box, letters placed clear
//! of each other), then drawn.
//!
//! It may import the model, the state and the scene's toolkit, never `ui`.

use super::layout::{Layout, Rect};
use crate::model::{Point, Statics, Vector};
use crate::scene::draw::{arc_points, arrow, path, segment, shown, sized_label};
use crate::scene::Node;
use crate::state::i18n::{tr, Msg};

/// The inset laid out: its box, its vectors and where their letters go.
struct Fit {
    /// The box: left edge, top (G, y up), width and height (mm).
    x: f64,
    top: f64,
    w: f64,
    h: f64,
    /// The heights under the title and above the caption that the cut line and cone keep clear.
    title_band: f64,
    caption_band: f64,
    /// The vectors' origin, N, T and R from it, and the friction cone around N.
    c: Point,
    n_vec: Vector,
    t_vec: Vector,
    r_vec: Vector,
    cone: Vec<Point>,
    /// Where the letters N, T and R go.
    n_at: Point,
    t_at: Point,
    r_at: Point,
    /// The caption's lines and text size (mm).
    caption_lines: Vec<String>,
    caption_size: f64,
}

/// Inset, top left: the forces on the cut, magnified, with the friction cone.
pub(super) fn forces_inset(l: &Layout) -> Node {
    let s = &l.e.statics;
    let f = fit(l);
    l.claim(Rect {
        x0: f.x,
        y0: f.top - f.h,
        x1: f.x + f.w,
        y1: f.top,
    });
    let (c, title_band, caption_band) = (f.c, f.title_band, f.caption_band);
    let inset_clip = Node::new("clipPath").attr("id", l.id("clip-inset")).child(
        Node::new("rect")
            .num("x", f.x)
            .num("y", -(f.top - title_band))
            .num("width", f.w)
            .num("height", f.h - title_band - caption_band),
    );
    Node::new("g")
        .class("inset forces-inset")
        .child(l.tip(Msg::SceneTipInset))
        .child(
            Node::new("rect")
                .class("inset-box")
                .num("x", f.x)
                .num("y", -f.top)
                .num("width", f.w)
                .num("height", f.h)
                .attr("rx", "1.5"),
        )
        .child(sized_label(
            Point::new(f.x + 2.0 * l.text, f.top - 2.6 * l.text),
            tr(l.lang, Msg::SceneForcesTitle),
            "label label-start inset-title",
            l.inset_title_size,
        ))
        .child(
            path(&f.cone, true, "friction-cone")
                .attr("clip-path", format!("url(#{})", l.id("clip-inset"))),
        )
        .child(inset_clip)
        .child(
            segment(
                c - s.tangent_ground * 16.0,
                c + s.tangent_ground * 16.0,
                "cut-line",
            )
            .attr("clip-path", format!("url(#{})", l.id("clip-inset"))),
        )
        .children(inset_mechanics(
            s,
            c,
            (
                Point::new(f.x + 0.5, f.top - f.h + caption_band),
                Point::new(f.x + f.w - 0.5, f.top - title_band),
            ),
            &l.id("clip-inset"),
        ))
        .child(segment(c + f.r_vec, c + f.n_vec, "projection-line"))
        .child(segment(c + f.r_vec, c + f.t_vec, "projection-line"))
        .child(arrow(c, c + f.n_vec, "force force-normal"))
        .child(arrow(c, c + f.t_vec, "force force-tangential"))
        .child(arrow(c, c + f.r_vec, "force force-resultant"))
        .child(sized_label(
            f.n_at,
            "N",
            "label force-label normal-label",
            l.label_size,
        ))
        .child(sized_label(
            f.t_at,
            "T",
            "label force-label tangential-label",
            l.label_size,
        ))
        .child(sized_label(f.r_at, "R", "label force-label", l.label_size))
        .children(
            f.caption_lines
                .into_iter()
                .rev()
                .enumerate()
                .map(|(i, line)| {
                    sized_label(
                        Point::new(
                            f.x + f.w / 2.0,
                            f.top - f.h + 2.4 * l.text + i as f64 * (f.caption_size + 0.6 * l.text),
                        ),
                        line,
                        "label inset-caption",
                        f.caption_size,
                    )
                }),
        )
}

/// The inset's caption (laid out with the drawing: [`Layout::inset_caption`]) and its size.
fn caption(l: &Layout) -> (Vec<String>, f64) {
    (l.inset_caption.clone(), l.inset_caption_size)
}

/// The inset's layout: the box under the drawing's top left corner, the vectors at the largest
/// scale that fits it, and their letters.
fn fit(l: &Layout) -> Fit {
    let s = &l.e.statics;
    let (caption_lines, caption_size) = caption(l);
    let inset_w = l.inset_right - 3.0;
    let inset_h = l.inset_bottom - 3.0;
    let text = l.text;
    let inset_x = l.left + 3.0;
    let inset_top = l.top - 3.0;
    let cone_half = l.e.params.loads.friction_mu.atan();
    let normal_angle = s.normal_ground.y.atan2(s.normal_ground.x);
    // Fit the vectors and the cone in the box, between its title and its caption: at most
    // 10 mm per F, less when they would not fit.
    // (The region starts 10 mm below the box's top: a label beyond an arrow's tip stays clear
    // of the title.)
    let caption_extra = (caption_lines.len() as f64 - 1.0) * (caption_size + 0.6 * text);
    let (avail_w, avail_h) = (inset_w - 10.0 * text, inset_h - 19.0 * text - caption_extra);
    let (lo1, hi1) = unit_extent(s, 1.0, normal_angle, cone_half);
    let size1 = hi1 - lo1;
    let scale = (10.0 * text)
        .min(avail_w / size1.x.max(1e-6))
        .min(avail_h / size1.y.max(1e-6));
    let r_vec = s.resultant * scale;
    let n_vec = s.normal_ground * (s.normal_ratio * scale);
    let c = {
        let middle = Point::new(
            inset_x + inset_w / 2.0,
            inset_top - 10.0 * text - avail_h / 2.0,
        );
        middle - (lo1 + hi1) * scale / 2.0
    };
    // N and R labels on opposite sides of the normal: R's side is the side R leans to.
    let label_side = {
        let left = Vector::new(-s.normal_ground.y, s.normal_ground.x);
        if left.dot(&s.resultant) >= 0.0 {
            left
        } else {
            -left
        }
    };
    let mut cone = vec![c];
    cone.extend(arc_points(
        c,
        scale * 1.35,
        normal_angle - cone_half,
        normal_angle + cone_half,
    ));
    // The cut line and the cone stay between the title and the caption (a long cut line would
    // otherwise cross the caption's text).
    let (title_band, caption_band) = (4.5 * text, 5.5 * text + caption_extra);
    let t_vec = s.tangent_ground * (s.tangential_ratio * scale);
    // R beyond its tip; N beside its tip on the side away from R; T beside its tip on the side
    // of the cut away from R (R = N + T lies on N's side). Each turns aside where a letter
    // placed before it, the title or the caption would be in its way (a reverse cut puts R
    // almost along the cut, next to T).
    let letter_band = (
        inset_top - inset_h + caption_band + 2.0 * text,
        inset_top - title_band - 2.0 * text,
    );
    let r_at = place_letter(c + r_vec, s.resultant, &[], letter_band, text);
    let n_at = place_letter(
        c + n_vec,
        s.normal_ground * 1.2 - label_side * 2.6,
        &[r_at],
        letter_band,
        text,
    );
    let t_at = place_letter(
        c + t_vec,
        s.tangent_ground * (0.25 * s.tangential_ratio.signum()) - s.normal_ground,
        &[r_at, n_at],
        letter_band,
        text,
    );
    Fit {
        x: inset_x,
        top: inset_top,
        w: inset_w,
        h: inset_h,
        title_band,
        caption_band,
        c,
        n_vec,
        t_vec,
        r_vec,
        cone,
        n_at,
        t_at,
        r_at,
        caption_lines,
        caption_size,
    }
}

/// The lowest and highest corners of the vectors R, N and T and the friction cone (half-angle
/// `cone_half` about the normal at `normal_angle`) drawn from the origin at `scale` mm per F.
fn unit_extent(s: &Statics, scale: f64, normal_angle: f64, cone_half: f64) -> (Vector, Vector) {
    let mut points = vec![
        Vector::zeros(),
        s.resultant * scale,
        s.normal_ground * (s.normal_ratio * scale),
        s.tangent_ground * (s.tangential_ratio * scale),
    ];
    points.extend(
        arc_points(
            Point::origin(),
            scale * 1.35,
            normal_angle - cone_half,
            normal_angle + cone_half,
        )
        .iter()
        .map(|p| p.coords),
    );
    points.iter().fold(
        (
            Vector::repeat(f64::INFINITY),
            Vector::repeat(f64::NEG_INFINITY),
        ),
        |(lo, hi), v| (lo.inf(v), hi.sup(v)),
    )
}

/// The inset's view of where the load meets the cut: the origin `c` of the force vectors is X,
/// where R's line of action crosses the cut; R's line dashed through it and the bone contact
/// [A, B] drawn on the inset's cut line at half scale, so R visibly lands on the contact
/// (held) or beside it (tips).
fn inset_mechanics(
    s: &Statics,
    c: Point,
    (box_lo, box_hi): (Point, Point),
    clip: &str,
) -> Vec<Node> {
    let x = s.resultant_crossing;
    let clip = format!("url(#{clip})");
    // Cut to the box itself (the clip hides the rest, but the line would still reach out).
    let r = if s.resultant.norm() > 1e-9 {
        s.resultant.normalize()
    } else {
        Vector::zeros()
    };
    let (lo, hi) = (box_lo.coords, box_hi.coords);
    let reach = |dir: Vector| {
        (0..2)
            .map(|k| {
                if dir[k] > 1e-12 {
                    (hi[k] - c.coords[k]) / dir[k]
                } else if dir[k] < -1e-12 {
                    (lo[k] - c.coords[k]) / dir[k]
                } else {
                    f64::INFINITY
                }
            })
            .fold(14.0f64, f64::min)
            .max(0.0)
    };
    let t = s.tangent_ground;
    let contact = x.zip(s.contact).map(|(x, (a, b))| {
        let (ua, ub) = ((a - x).dot(&t), (b - x).dot(&t));
        // Half scale, less when the contact lies far from X (it must stay in the box).
        let scale = 0.5f64.min(9.0 / ua.abs().max(ub.abs()).max(1e-9));
        (ua * scale, ub * scale)
    });
    let (ua, ub) = contact.unwrap_or((0.0, 0.0));
    vec![
        segment(
            c - r * reach(-r),
            c + r * reach(r),
            shown("line-of-action", x.is_some()),
        ),
        segment(
            c + t * ua,
            c + t * ub,
            shown("contact inset-contact", contact.is_some()),
        )
        .attr("clip-path", clip),
        Node::new("circle")
            .class(shown("resultant-crossing", x.is_some()))
            .num("cx", c.x)
            .num("cy", -c.y)
            .attr("r", "0.7"),
    ]
}

/// Where a one-letter label goes near an arrow's `tip`: 2.8 mm away in the `preferred`
/// direction, else turned by 45° steps either way until the letter clears the letters already
/// `placed` and its centre stays within `band` (lowest, highest y). Letters are taken at the
/// projector theme's size (the largest), times the drawing's `text` factor.
fn place_letter(
    tip: Point,
    preferred: Vector,
    placed: &[Point],
    band: (f64, f64),
    text: f64,
) -> Point {
    let start = preferred.y.atan2(preferred.x);
    let at = |turns: f64| {
        let (sin, cos) = (start + turns * std::f64::consts::FRAC_PI_4).sin_cos();
        tip + Vector::new(cos, sin) * (2.8 * text)
    };
    for turns in [0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 4.0] {
        let p = at(turns);
        let clear = placed
            .iter()
            .all(|q| (p.x - q.x).abs() >= 2.8 * text || (p.y - q.y).abs() >= 3.4 * text);
        if clear && p.y >= band.0 && p.y <= band.1 {
            return p;
        }
    }
    at(0.0)
}
