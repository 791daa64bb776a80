//! Browser user interface (Yew function components, compiled for `wasm32` only).
//!
//! This is the first, deliberately small page: a schematic metatarsal in the
//! sagittal plane and the DMMO cut line, driven by one slider. The drawing is
//! a placeholder that the real model/scene replaces; the DOM contracts below
//! are stable and are relied on by `tests/web.rs` and `tests/e2e/`:
//!
//! * root element `<main id="app">`;
//! * an inline `<svg class="scene">` whose `viewBox` is in millimetres;
//! * the cut drawn as `<line class="cut-line" x1 y1 x2 y2>`;
//! * the slider `<input type="range" name="cut" id="control-cut">` with a
//!   `<label for="control-cut">` and an `aria-valuetext` such as `45.0°`;
//! * the readout `<output data-outcome="cut_to_shaft_deg" data-value="45">`.

use std::rc::Rc;

use nalgebra::{Point2, Rotation2, Vector2};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Smallest selectable cut angle to the shaft axis, in degrees.
pub const CUT_MIN_DEG: f64 = 1.0;
/// Largest selectable cut angle to the shaft axis, in degrees.
pub const CUT_MAX_DEG: f64 = 179.0;
/// Slider step, in degrees.
pub const CUT_STEP_DEG: f64 = 0.5;
/// Cut angle shown when the page opens, in degrees.
pub const CUT_DEFAULT_DEG: f64 = 45.0;

/// Declination of the metatarsal below the horizontal (toes to the right), in degrees.
const DECLINATION_DEG: f64 = 15.0;
/// Distance from the head tip (distal end) to the cut point on the shaft axis, in mm.
const CUT_FROM_HEAD_TIP_MM: f64 = 22.0;
/// Overall bone length, base to head tip, in mm.
const BONE_LENGTH_MM: f64 = 70.0;
/// Radius of the (circular) metatarsal head, in mm.
const HEAD_RADIUS_MM: f64 = 7.5;
/// Half height of the shaft at the base and at the neck, in mm.
const BASE_HALF_HEIGHT_MM: f64 = 7.0;
const NECK_HALF_HEIGHT_MM: f64 = 4.0;
/// Margin around the bone in the SVG viewBox, in mm.
const VIEW_MARGIN_MM: f64 = 8.0;

/// Page state, updated through [`Action`]s by `use_reducer`.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Angle between the cut line and the shaft axis, in degrees.
    pub cut_deg: f64,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            cut_deg: CUT_DEFAULT_DEG,
        }
    }
}

/// Everything the user can do on the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Set the cut angle to the shaft (degrees); clamped and snapped to the slider step.
    SetCut(f64),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetCut(deg) if deg.is_finite() => {
                let snapped = (deg / CUT_STEP_DEG).round() * CUT_STEP_DEG;
                let cut_deg = snapped.clamp(CUT_MIN_DEG, CUT_MAX_DEG);
                if cut_deg == self.cut_deg {
                    self
                } else {
                    Rc::new(AppState { cut_deg })
                }
            }
            Action::SetCut(_) => self,
        }
    }
}

/// A schematic metatarsal placed in the world frame (mm, x distal, y dorsal/up).
struct Bone {
    outline: Vec<Point2<f64>>,
    /// Base end of the shaft axis.
    base: Point2<f64>,
    /// Unit vector along the shaft axis, pointing distally.
    axis: Vector2<f64>,
}

impl Bone {
    fn new() -> Self {
        let rotation = Rotation2::new(-DECLINATION_DEG.to_radians());
        let base = Point2::new(0.0, 0.0);
        let place = |p: Point2<f64>| base + rotation * p.coords;

        // Outline in the bone frame: shaft axis along +x, base at x = 0.
        let head_centre = Point2::new(BONE_LENGTH_MM - HEAD_RADIUS_MM, 0.0);
        let neck_x = head_centre.x - (HEAD_RADIUS_MM.powi(2) - NECK_HALF_HEIGHT_MM.powi(2)).sqrt();
        let base_centre = Point2::new(BASE_HALF_HEIGHT_MM, 0.0);
        let mut outline = Vec::new();
        // Dorsal cortex, base to neck (slightly concave).
        let n = 16;
        for i in 0..=n {
            let t = f64::from(i) / f64::from(n);
            let x = base_centre.x + t * (neck_x - base_centre.x);
            let half = BASE_HALF_HEIGHT_MM + t * (NECK_HALF_HEIGHT_MM - BASE_HALF_HEIGHT_MM)
                - 0.8 * (std::f64::consts::PI * t).sin();
            outline.push(Point2::new(x, half));
        }
        // Head: arc from the dorsal neck over the tip to the plantar neck.
        let neck_angle = std::f64::consts::PI - (NECK_HALF_HEIGHT_MM / HEAD_RADIUS_MM).asin();
        let m = 24;
        for i in 1..m {
            let a = neck_angle - 2.0 * neck_angle * f64::from(i) / f64::from(m);
            outline.push(head_centre + HEAD_RADIUS_MM * Vector2::new(a.cos(), a.sin()));
        }
        // Plantar cortex, neck back to base.
        for i in (0..=n).rev() {
            let t = f64::from(i) / f64::from(n);
            let x = base_centre.x + t * (neck_x - base_centre.x);
            let half = BASE_HALF_HEIGHT_MM + t * (NECK_HALF_HEIGHT_MM - BASE_HALF_HEIGHT_MM)
                - 0.8 * (std::f64::consts::PI * t).sin();
            outline.push(Point2::new(x, -half));
        }
        // Base: rounded end.
        for i in 1..m {
            let a =
                -std::f64::consts::FRAC_PI_2 - std::f64::consts::PI * f64::from(i) / f64::from(m);
            outline.push(base_centre + BASE_HALF_HEIGHT_MM * Vector2::new(a.cos(), a.sin()));
        }

        Bone {
            outline: outline.into_iter().map(place).collect(),
            base,
            axis: rotation * Vector2::x(),
        }
    }

    /// The distal tip of the head on the shaft axis.
    fn tip(&self) -> Point2<f64> {
        self.base + BONE_LENGTH_MM * self.axis
    }

    /// End points of the cut line through the point `CUT_FROM_HEAD_TIP_MM`
    /// proximal to the head tip, at `cut_deg` to the shaft axis (measured from
    /// the distal axis direction, counter-clockwise, i.e. dorsal-distal).
    fn cut_line(&self, cut_deg: f64) -> (Point2<f64>, Point2<f64>) {
        let centre = self.tip() - CUT_FROM_HEAD_TIP_MM * self.axis;
        let dir = Rotation2::new(cut_deg.to_radians()) * self.axis;
        let sin = cut_deg.to_radians().sin().abs().max(1e-3);
        let half = (NECK_HALF_HEIGHT_MM * 1.6 / sin + 3.0).min(30.0);
        (centre - half * dir, centre + half * dir)
    }
}

/// World (y up) to SVG user units (y down); both in millimetres.
fn svg(p: &Point2<f64>) -> (f64, f64) {
    (p.x, -p.y)
}

fn fmt_mm(v: f64) -> String {
    format!("{v:.2}")
}

/// The value written into `data-value`: the shortest decimal form (45, 45.5).
fn data_value(deg: f64) -> String {
    format!("{deg}")
}

#[derive(Properties, PartialEq)]
struct SceneProps {
    cut_deg: f64,
}

#[component(Scene)]
fn scene(props: &SceneProps) -> Html {
    let bone = Bone::new();
    let (min, max) = bone.outline.iter().map(svg).fold(
        ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN)),
        |((x0, y0), (x1, y1)), (x, y)| ((x0.min(x), y0.min(y)), (x1.max(x), y1.max(y))),
    );
    let view_box = format!(
        "{} {} {} {}",
        fmt_mm(min.0 - VIEW_MARGIN_MM),
        fmt_mm(min.1 - VIEW_MARGIN_MM),
        fmt_mm(max.0 - min.0 + 2.0 * VIEW_MARGIN_MM),
        fmt_mm(max.1 - min.1 + 2.0 * VIEW_MARGIN_MM),
    );
    let outline = bone
        .outline
        .iter()
        .map(|p| {
            let (x, y) = svg(p);
            format!("{},{}", fmt_mm(x), fmt_mm(y))
        })
        .collect::<Vec<_>>()
        .join(" ");
    let (axis_a, axis_b) = (svg(&bone.base), svg(&bone.tip()));
    let (a, b) = bone.cut_line(props.cut_deg);
    let ((x1, y1), (x2, y2)) = (svg(&a), svg(&b));

    html! {
        <svg class="scene" viewBox={view_box} role="img"
             aria-label="Sagittal view of the metatarsal and the osteotomy cut (millimetres)">
            <polygon class="bone" points={outline} />
            <line class="shaft-axis"
                  x1={fmt_mm(axis_a.0)} y1={fmt_mm(axis_a.1)}
                  x2={fmt_mm(axis_b.0)} y2={fmt_mm(axis_b.1)} />
            <line class="cut-line"
                  x1={fmt_mm(x1)} y1={fmt_mm(y1)} x2={fmt_mm(x2)} y2={fmt_mm(y2)} />
        </svg>
    }
}

/// The application root: `<main id="app">`.
#[component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let cut_deg = state.cut_deg;

    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(deg) = input.value().parse::<f64>() {
                state.dispatch(Action::SetCut(deg));
            }
        })
    };

    html! {
        <main id="app">
            <h1>{ "osteoviz — DMMO cut geometry" }</h1>
            <Scene {cut_deg} />
            <form class="controls" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label for="control-cut">{ "Cut angle to the shaft (°)" }</label>
                <input type="range" name="cut" id="control-cut"
                       min={CUT_MIN_DEG.to_string()} max={CUT_MAX_DEG.to_string()}
                       step={CUT_STEP_DEG.to_string()}
                       value={data_value(cut_deg)}
                       aria-valuetext={format!("{cut_deg:.1}°")}
                       {oninput} />
                <output for="control-cut" data-outcome="cut_to_shaft_deg"
                        data-value={data_value(cut_deg)}>
                    { format!("{cut_deg:.1}°") }
                </output>
            </form>
        </main>
    }
}

/// Mount [`App`] into the document body (called by the `osteoviz-web` binary).
pub fn start() {
    yew::Renderer::<App>::new().render();
}
