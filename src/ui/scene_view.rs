//! The drawing: the scene's element tree written into the page (patched in place), with pointer
//! and keyboard handling for its handles (drag the head along the cut, turn the cut about its
//! axis crossing); the same writer puts the forefoot plan's views into the page.
//!
//! Part of the interface: it may import any layer below (the scene's element tree, the state's
//! actions, the model's geometry).

use crate::model::cut::angle_against_deg;
use crate::model::Evaluation;
use crate::scene::Node;
use crate::state::{Action, Key, State};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, SvgGraphicsElement};
use yew::prelude::*;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// A scene node as it is in the page: its element, its text node and its children's.
struct Drawn {
    element: Element,
    text: Option<web_sys::Node>,
    children: Vec<Drawn>,
}

/// Writes `node` as DOM elements (SVG namespace), for the first drawing or a changed element.
fn create(document: &Document, node: &Node) -> Option<Drawn> {
    let element = document.create_element_ns(Some(SVG_NS), node.tag).ok()?;
    for (name, value) in &node.attrs {
        let _ = element.set_attribute(name, &value.text());
    }
    let text = node.text.as_ref().map(|t| {
        let text: web_sys::Node = document.create_text_node(t).into();
        let _ = element.insert_before(&text, None);
        text
    });
    let children = node
        .children
        .iter()
        .filter_map(|c| {
            let child = create(document, c)?;
            let _ = element.insert_before(&child.element, None);
            Some(child)
        })
        .collect();
    Some(Drawn {
        element,
        text,
        children,
    })
}

/// Brings `drawn`, written from `old`, to `new`: only the attributes and texts that differ are
/// written, children are matched in order (as Yew's unkeyed lists are), an element whose tag
/// changed is replaced. A slider step changes about a hundred numbers of a tree of ~160
/// elements: this writes those and compares the rest as Rust strings, without building and
/// diffing a virtual DOM of the whole drawing on every step.
fn patch(document: &Document, drawn: &mut Drawn, old: &Node, new: &Node) {
    if old.tag != new.tag || old.text.is_some() != new.text.is_some() {
        if let Some(fresh) = create(document, new) {
            if let Some(parent) = drawn.element.parent_node() {
                let _ = parent.insert_before(&fresh.element, Some(&drawn.element));
                let _ = parent.remove_child(&drawn.element);
            }
            *drawn = fresh;
        }
        return;
    }
    for (name, value) in &new.attrs {
        // Numbers compare as they are written: one is written only when its text changes.
        if !old.value(name).is_some_and(|o| o.writes_as(value)) {
            let _ = drawn.element.set_attribute(name, &value.text());
        }
    }
    for (name, _) in &old.attrs {
        if new.value(name).is_none() {
            let _ = drawn.element.remove_attribute(name);
        }
    }
    if let (Some(text), Some(node)) = (&new.text, &drawn.text) {
        if old.text.as_ref() != Some(text) {
            // The text node itself: the browser reshapes the text in place.
            node.set_node_value(Some(text));
        }
    }
    for (i, child) in new.children.iter().enumerate() {
        match (drawn.children.get_mut(i), old.children.get(i)) {
            (Some(d), Some(o)) => patch(document, d, o, child),
            _ => {
                if let Some(c) = create(document, child) {
                    let _ = drawn.element.insert_before(&c.element, None);
                    drawn.children.push(c);
                }
            }
        }
    }
    for gone in drawn
        .children
        .drain(new.children.len().min(drawn.children.len())..)
    {
        let _ = drawn.element.remove_child(&gone.element);
    }
}

/// The scene last written into the page, and its elements.
type Written = Option<(Rc<Node>, Drawn)>;

/// Writes `scene` into `container`'s element: created the first time, then patched in place
/// (see [`patch`]). The one way a scene tree enters the page: the visualiser's drawing and the
/// forefoot plan's views.
/// A drawing compared by identity: a new tree is a new drawing (the memo that builds it makes a
/// new one exactly when its inputs change); comparing two trees element by element would cost
/// code and, on every render, time.
struct SameDrawing(Rc<Node>);

impl PartialEq for SameDrawing {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[hook]
pub fn use_scene_in(container: NodeRef, scene: Rc<Node>) {
    let written: Rc<RefCell<Written>> = use_mut_ref(|| None);
    use_effect_with(SameDrawing(scene), move |SameDrawing(scene)| {
        let Some(parent) = container.cast::<Element>() else {
            return;
        };
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let mut written = written.borrow_mut();
        let next = match written.take() {
            Some((old, mut drawn)) => {
                patch(&document, &mut drawn, &old, scene);
                drawn
            }
            None => {
                let Some(drawn) = create(&document, scene) else {
                    return;
                };
                let _ = parent.insert_before(&drawn.element, None);
                drawn
            }
        };
        *written = Some((scene.clone(), next));
    });
}

/// The properties of a [`SceneFigure`].
#[derive(Properties, PartialEq)]
pub struct SceneFigureProps {
    /// The drawing's element tree.
    pub scene: Rc<Node>,
    /// Classes of the `<figure>`.
    pub class: Classes,
}

/// A `<figure>` holding a scene tree (the forefoot plan's views).
#[component(SceneFigure)]
pub fn scene_figure(props: &SceneFigureProps) -> Html {
    let container = use_node_ref();
    use_scene_in(container.clone(), props.scene.clone());
    html! { <figure class={props.class.clone()} ref={container}></figure> }
}

/// What a pointer drag is moving.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Drag {
    /// The head fragment along the cut: slide at the start and the pointer's start (G, mm).
    Slide { start_slide: f64, start: (f64, f64) },
    /// The cut handle about the axis crossing.
    Cut,
}

/// The properties of the [`SceneView`]: a single-ray drawing and what its handles change.
#[derive(Properties)]
pub struct SceneViewProps {
    /// The drawing's element tree, built by the scene layer from `state` and `evaluation`.
    pub scene: Rc<Node>,
    /// The state drawn: a drag starts from its slide and measures the cut against its reference.
    pub state: State,
    /// The model's evaluation of `state`: where the handles are (the cut line and its axis
    /// crossing).
    pub evaluation: Rc<Evaluation>,
    /// Where drags and handle keys send their changes.
    pub dispatch: Callback<Action>,
}

/// The drawing and the evaluation are compared as the same memo's output (`Rc::ptr_eq`), not
/// element by element: `use_drawing` makes a new one exactly when its inputs change, and a
/// deep comparison of a few thousand attributes on every render cost code and time.
impl PartialEq for SceneViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.scene, &other.scene)
            && Rc::ptr_eq(&self.evaluation, &other.evaluation)
            && self.state == other.state
            && self.dispatch == other.dispatch
    }
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
    crate::numtext::clamp(phi, 0.0, 180.0)
}

/// The single-ray drawing in the page, with its handles: drag the head along the cut, turn the cut
/// about its axis crossing.
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

    // The drawing is written into the container by `patch`, not by Yew (see there).
    use_scene_in(container.clone(), props.scene.clone());

    html! {
        <div class="drawing" ref={container}
             {onpointerdown} {onpointermove}
             onpointerup={onpointerup.clone()} onpointercancel={onpointerup}
             {onkeydown}>
        </div>
    }
}
