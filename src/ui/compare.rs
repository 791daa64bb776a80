//! Side by side (`compare=`, whole app only: the single-ray page links here): the drawing the
//! controls change beside a second state's, both over one view box so a millimetre is as long
//! in both, then a table of both figures' readouts and their differences.
//!
//! Part of the interface: it may import any layer below (the scene's side-by-side helpers, the
//! state's compared state and readouts, the model's evaluation).

use super::model::{AppModel, PageAction};
use super::scene_view::{SceneFigure, SceneView};
use crate::model::{evaluate, Evaluation};
use crate::scene::compare::{common_view_box, with_view_box};
use crate::scene::{self, Node, Scene, SceneOptions};
use crate::state::compare::{compared_state, figure_title};
use crate::state::i18n::{enable_about_messages, tr, Msg};
use crate::state::readouts::{display_in, Value, READOUTS};
use crate::state::view::{Lang, View};
use crate::state::{Action, Preset, State};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The properties of [`ComparePair`].
#[derive(Properties, PartialEq)]
pub(super) struct ComparePairProps {
    /// The page's view: its `compare=` value, theme and text size.
    pub view: View,
    /// The interface language.
    pub lang: Lang,
    /// The page's query without `compare=` (the link that ends the comparison).
    pub base: AttrValue,
    /// The state drawn first (the one the controls change) and its evaluation and drawing.
    pub state: State,
    /// The model's evaluation of `state`.
    pub evaluation: Rc<Evaluation>,
    /// The first drawing, as `use_drawing` built it.
    pub scene: Rc<Node>,
    /// Where the first drawing's handles send their changes.
    pub dispatch: Callback<Action>,
    /// Where the choice of the compared preset goes.
    pub page: UseReducerDispatcher<AppModel>,
}

/// A drawing's view box, read back from its root.
fn view_box_of(root: &Node) -> Option<[f64; 4]> {
    let text = root.get("viewBox")?;
    let mut numbers = text.split(' ').filter_map(crate::numtext::parse_f64);
    Some([
        numbers.next()?,
        numbers.next()?,
        numbers.next()?,
        numbers.next()?,
    ])
}

/// The two figures, and the table of their readouts.
#[component(ComparePair)]
pub(super) fn compare_pair(props: &ComparePairProps) -> Html {
    enable_about_messages();
    let (view, lang) = (&props.view, props.lang);
    let value = view.compare.clone().unwrap_or_default();
    let ray = props.state.ray;
    let (theme, scale, legend) = (view.theme, view.scale, view.legend);
    let other = use_memo(
        (value, ray, theme, lang, scale.to_bits(), legend),
        |(value, ray, ..)| {
            let (state, _, _) = compared_state(value, *ray)?;
            let evaluation = evaluate(&state.to_params()).ok()?;
            let options = SceneOptions {
                id_prefix: "ov-b-".into(),
                interactive: false,
                ..super::hooks::page_drawing_options(theme, lang, scale, legend)
            };
            let drawing = scene::build(&state, &evaluation, &options);
            Some((state, Rc::new(evaluation), drawing))
        },
    );
    let Some((other_state, other_eval, other_scene)) = (*other).clone() else {
        return html! {};
    };
    // One scale: both drawings over the union of their view boxes.
    let main_box = view_box_of(&props.scene).unwrap_or(other_scene.view_box);
    let common = common_view_box(&main_box, &other_scene.view_box);
    let main = with_view_box(
        Scene {
            view_box: main_box,
            root: (*props.scene).clone(),
        },
        common,
    );
    let other_root = Rc::new(with_view_box(other_scene, common).root);
    let titles = [
        figure_title(&props.state, lang),
        figure_title(&other_state, lang),
    ];

    let onselect = {
        let page = props.page.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            page.dispatch(PageAction::SetCompare(Some(select.value())));
        })
    };
    let base = props.base.clone();
    let rows = READOUTS.iter().filter_map(|r| {
        let (Value::Number(a), Value::Number(b)) = ((r.value)(&props.evaluation.outcomes), (r.value)(&other_eval.outcomes)) else {
            return None;
        };
        let cell = |figure: &'static str, v: f64| html! {
            <td><output data-figure={figure} data-outcome={r.path} data-value={crate::numtext::shortest(v)}>{ display_in(r, Value::Number(v), lang) }</output></td>
        };
        Some(html! {
            <tr>
                <th scope="row">{ r.label_in(lang) }</th>
                { cell("a", a) }{ cell("b", b) }{ cell("difference", b - a) }
            </tr>
        })
    });
    html! {
        <>
            <div class="compare-pair">
                <div class="compare-figure" data-figure="a">
                    <h2 class="compare-title">{ titles[0].clone() }</h2>
                    <SceneView scene={Rc::new(main.root)} state={props.state} evaluation={props.evaluation.clone()} dispatch={props.dispatch.clone()} />
                </div>
                <div class="compare-figure" data-figure="b">
                    <h2 class="compare-title">{ titles[1].clone() }</h2>
                    <SceneFigure scene={other_root} class={classes!("drawing")} />
                </div>
            </div>
            <section class="compare-section" aria-label={tr(lang, Msg::CompareTitle)}>
                <div class="compare-bar">
                    <label>{ tr(lang, Msg::CompareWith) }{ " " }
                        <select name="compare" autocomplete="off" onchange={onselect}>
                            { for Preset::ALL.iter().map(|p| html! {
                                <option value={p.name()} selected={view.compare.as_deref() == Some(p.name())}>{ p.label_in(lang) }</option>
                            }) }
                        </select>
                    </label>
                    <a class="compare-end" href={format!("?{base}")}>{ tr(lang, Msg::CompareEnd) }</a>
                </div>
                <p class="note">{ tr(lang, Msg::CompareNote) }</p>
                <table class="compare-table">
                    <thead><tr><th></th><th scope="col">{ titles[0].clone() }</th><th scope="col">{ titles[1].clone() }</th><th scope="col">{ tr(lang, Msg::CompareDifference) }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </section>
        </>
    }
}
