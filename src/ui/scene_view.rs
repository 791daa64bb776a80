//! The drawing: the scene's element tree as Yew nodes, with pointer and keyboard handling for
//! its handles (drag the head along the cut, turn the cut about its axis crossing).

use crate::model::cut::angle_against_deg;
use crate::model::Evaluation;
use crate::scene::Node;
use crate::state::{Action, Key, State};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, SvgGraphicsElement};
use yew::prelude::*;
use yew::virtual_dom::{VNode, VTag, VText};

/// The scene tree as a virtual DOM node (the same tree the CLI writes as text).
pub fn to_html(node: &Node) -> Html {
    let mut tag = VTag::new(node.tag);
    for (name, value) in &node.attrs {
        tag.add_attribute(name, value.clone());
    }
    if let Some(text) = &node.text {
        tag.add_child(VNode::VText(VText::new(text.clone())));
    }
    for child in &node.children {
        tag.add_child(to_html(child));
    }
    VNode::VTag(std::rc::Rc::new(tag))
}

/// What a pointer drag is moving.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Drag {
    /// The head fragment along the cut: slide at the start and the pointer's start (G, mm).
    Slide { start_slide: f64, start: (f64, f64) },
    /// The cut handle about the axis crossing.
    Cut,
}

#[derive(Properties, PartialEq)]
pub struct SceneViewProps {
    pub scene: Rc<Node>,
    pub state: State,
    pub evaluation: Rc<Evaluation>,
    pub dispatch: Callback<Action>,
}

/// Client (CSS px) coordinates to the ground frame G (mm, y up) through the SVG's screen CTM.
fn to_ground(svg: &SvgGraphicsElement, client_x: f64, client_y: f64) -> Option<(f64, f64)> {
    let inverse = svg.get_screen_ctm()?.inverse().ok()?;
    let x = inverse.a() as f64 * client_x + inverse.c() as f64 * client_y + inverse.e() as f64;
    let y = inverse.b() as f64 * client_x + inverse.d() as f64 * client_y + inverse.f() as f64;
    Some((x, -y))
}

/// The `data-handle` of the element under an event, if any.
fn handle_of(target: Option<web_sys::EventTarget>) -> Option<String> {
    let element: Element = target?.dyn_into().ok()?;
    element
        .closest("[data-handle]")
        .ok()??
        .get_attribute("data-handle")
}

/// φ (degrees, 0..=180) of a cut through `crossing` toward `pointer`, both in G.
pub fn cut_angle_toward(crossing: (f64, f64), pointer: (f64, f64), declination_deg: f64) -> f64 {
    let theta = (pointer.1 - crossing.1)
        .atan2(pointer.0 - crossing.0)
        .to_degrees();
    let mut phi = theta + declination_deg;
    if phi > 180.0 {
        phi -= 360.0;
    }
    if phi < 0.0 {
        // Below the shaft: snap to the nearer end of the half-turn.
        phi = if phi < -90.0 { 180.0 } else { 0.0 };
    }
    phi.clamp(0.0, 180.0)
}

#[component(SceneView)]
pub fn scene_view(props: &SceneViewProps) -> Html {
    let drag: Rc<RefCell<Option<Drag>>> = use_mut_ref(|| None);
    let container = use_node_ref();

    let svg_element = {
        let container = container.clone();
        move || -> Option<SvgGraphicsElement> {
            container
                .cast::<Element>()?
                .query_selector("svg")
                .ok()??
                .dyn_into()
                .ok()
        }
    };

    let onpointerdown = {
        let drag = drag.clone();
        let svg_element = svg_element.clone();
        let state = props.state;
        Callback::from(move |e: PointerEvent| {
            let Some(handle) = handle_of(e.target()) else {
                return;
            };
            let Some(svg) = svg_element() else { return };
            let Some(p) = to_ground(&svg, e.client_x() as f64, e.client_y() as f64) else {
                return;
            };
            let next = match handle.as_str() {
                "head" | "slide" => Drag::Slide {
                    start_slide: state.slide_mm,
                    start: p,
                },
                "cut" => Drag::Cut,
                _ => return,
            };
            e.prevent_default();
            let _ = svg.set_pointer_capture(e.pointer_id());
            *drag.borrow_mut() = Some(next);
        })
    };

    let onpointermove = {
        let drag = drag.clone();
        let svg_element = svg_element.clone();
        let dispatch = props.dispatch.clone();
        let evaluation = props.evaluation.clone();
        let state = props.state;
        Callback::from(move |e: PointerEvent| {
            let Some(current) = *drag.borrow() else {
                return;
            };
            let Some(svg) = svg_element() else { return };
            let Some(p) = to_ground(&svg, e.client_x() as f64, e.client_y() as f64) else {
                return;
            };
            e.prevent_default();
            let g = &evaluation.geometry;
            match current {
                Drag::Slide { start_slide, start } => {
                    let t = g.cut_line.direction;
                    let along = (p.0 - start.0) * t.x + (p.1 - start.1) * t.y;
                    dispatch.emit(Action::Set(Key::Slide, start_slide + along));
                }
                Drag::Cut => {
                    let a = g.axis_crossing;
                    let phi = cut_angle_toward((a.x, a.y), p, state.decl_deg);
                    dispatch.emit(Action::Set(
                        Key::Cut,
                        angle_against_deg(phi, state.reference, state.decl_deg),
                    ));
                }
            }
        })
    };

    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| {
            *drag.borrow_mut() = None;
        })
    };

    let onkeydown = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(handle) = handle_of(e.target()) else {
                return;
            };
            let key = match handle.as_str() {
                "cut" => Key::Cut,
                "slide" | "head" => Key::Slide,
                _ => return,
            };
            let Some(steps) = super::controls::arrow_steps(&e.key()) else {
                return;
            };
            e.prevent_default();
            dispatch.emit(Action::Step {
                key,
                steps,
                coarse: e.shift_key(),
            });
        })
    };

    html! {
        <div class="drawing" ref={container}
             {onpointerdown} {onpointermove}
             onpointerup={onpointerup.clone()} onpointercancel={onpointerup}
             {onkeydown}>
            { to_html(&props.scene) }
        </div>
    }
}
