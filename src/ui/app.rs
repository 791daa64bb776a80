//! The application root, [`App`]: the model, its effects (URL, language, animations, keys: the
//! hooks of [`super::hooks`]), the header's toolbar and the stage (drawing, readouts, controls).
//!
//! Part of the interface: it may import any layer below (scene, state, model) and the other `ui`
//! files; the web binaries and the plan page mount it.

#[cfg(feature = "about-panel")]
use super::about::About;
use super::controls::controls_panel;
use super::hooks::{
    use_animation_clock, use_document_language, use_drawing, use_shortcuts, use_url_sync,
};
use super::lecture::{lecture_bar, ExportOptions};
use super::model::{AppModel, PageAction};
use super::outcomes::outcomes;
use super::scene_view::SceneView;
use super::{browser, controls, plan};
use crate::model::{Evaluation, Ray};
use crate::scene::Node;
use crate::state::i18n::Msg;
use crate::state::i18n::{tr, trf};
use crate::state::query::notice_list;
use crate::state::readouts::model_error_text;
use crate::state::view::Lang;
use crate::state::{Action, History, Preset, State};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The properties of the [`App`]: where its state comes from and whether it writes the URL.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The query to start from; the page's URL when absent.
    #[prop_or_default]
    pub query: Option<AttrValue>,
    /// Keep the URL in step with the state (off for embedded test instances).
    #[prop_or(true)]
    pub sync_url: bool,
    /// A lesson's order: go to a step's state (ui::lesson).
    #[cfg(feature = "lessons")]
    #[prop_or_default]
    pub goto: Option<super::model::GoTo>,
}

/// The application root.
#[component(App)]
pub fn app(props: &AppProps) -> Html {
    // The page's URL is read once, when the model is made (not on every render).
    let given_query = props.query.clone();
    let model = use_reducer(move || {
        let query = given_query.map_or_else(browser::current_query, |q| q.to_string());
        AppModel::from_query(&query)
    });
    // Inside a forefoot plan (ui::plan): report the query, show the plan panel.
    let plan_hook = plan::use_plan_hook();
    let shown = model.displayed();
    let page = model.dispatcher();
    // One callback for the page's lifetime: the components that take it (the drawing, each
    // control) are not re-rendered for a new callback (never equal to the last one).
    #[cfg(not(feature = "lessons"))]
    let dispatch = {
        let page = page.clone();
        use_callback((), move |a: Action, _| page.dispatch(PageAction::State(a)))
    };
    // In a lesson's challenge, only the allowed controls change the state (the sliders shown,
    // and the drawing's handles and presets held to the same list).
    #[cfg(feature = "lessons")]
    let dispatch = {
        let page = page.clone();
        let allowed = plan_hook.as_ref().and_then(|h| h.only_controls.clone());
        use_callback(allowed, move |a: Action, allowed| {
            if allowed
                .as_ref()
                .is_none_or(|names| super::lesson::allows(names, &a))
            {
                page.dispatch(PageAction::State(a));
            }
        })
    };
    let main_ref = use_node_ref();
    let export = use_state(|| ExportOptions {
        width: 1920,
        height: 1080,
        transparent: false,
        caption: false,
    });

    // The effects (ui::hooks): shortcuts, animation clock, URL, document language and title.
    use_shortcuts(page.clone(), model.view.embed, main_ref.clone());
    use_animation_clock(page.clone(), PageAction::Tick, model.moving());
    #[cfg(feature = "lessons")]
    {
        let page = page.clone();
        use_effect_with(props.goto, move |go| {
            if let Some(go) = go {
                page.dispatch(PageAction::GoTo(*go));
            }
        });
    }
    // The state and view as a query, once a render: the URL, and the links that keep them.
    let query = model.query();
    use_url_sync(&model, &query, props.sync_url, &plan_hook);
    use_document_language(&model, &query, props.sync_url);
    let text_percent = (model.view.scale * 100.0).round() as u32;
    let lang = model.lang();

    let theme = model.view.theme;
    // The evaluation of the drawn state and the drawing: one evaluation per change.
    let drawn = use_drawing(
        shown,
        theme,
        lang,
        model.view.scale,
        model.load_fraction(),
        model.view.legend,
    );
    let (evaluation, drawing) = &*drawn;

    let body = match (evaluation, drawing) {
        (Ok(e), Some(root)) => {
            // A lesson's challenge shows only the controls the learner may use.
            #[cfg(feature = "lessons")]
            let controls = match plan_hook.as_ref().and_then(|h| h.only_controls.as_ref()) {
                Some(names) => controls::Shown::of(&model.view).only(names),
                None => controls::Shown::of(&model.view),
            };
            #[cfg(not(feature = "lessons"))]
            let controls = controls::Shown::of(&model.view);
            stage(
                &model,
                &page,
                &shown,
                e.clone(),
                root.clone(),
                &dispatch,
                controls,
            )
        }
        (Err(err), _) => html! {
            <div class="error" role="alert">
                { trf(lang, Msg::AppCannotDraw, &[("error", &model_error_text(err, lang))]) }{ " " }
                <button onclick={dispatch.reform(|_| Action::Reset)}>{ tr(lang, Msg::ActionReset) }</button>
            </div>
        },
        _ => html! {},
    };

    let scale_class = format!("scale-{text_percent}");
    let classes = classes!(
        "app",
        format!("theme-{}", theme.name()),
        scale_class,
        model.view.embed.then_some("embed"),
        model.animation.playing.then_some("playing"),
    );
    let dismiss = page.clone();
    let notices = (!model.notices.is_empty()).then(|| html! {
        <div class="notice" role="status">
            <span>{ trf(lang, Msg::NoticeAdjusted, &[("list", &notice_list(&model.notices, lang))]) }</span>
            <button class="dismiss" aria-label={tr(lang, Msg::NoticeDismiss)}
                onclick={Callback::from(move |_| dismiss.dispatch(PageAction::DismissNotices))}>{ "×" }</button>
        </div>
    });
    if model.view.embed {
        return html! {
            <main id="app" class={classes} ref={main_ref} lang={lang.code()}>
                { for notices }
                { body }
            </main>
        };
    }
    let lecture = lecture_bar(
        &model,
        &page,
        &export,
        &shown,
        evaluation.as_ref().ok(),
        main_ref.clone(),
        &query,
    );
    html! {
        <main id="app" class={classes} ref={main_ref} lang={lang.code()}>
            <header class="app-header">
                <h1>{ "osteoviz" }<span class="subtitle">{ " · " }{ tr(lang, Msg::AppSubtitle) }</span></h1>
                { toolbar(&model.history, &dispatch, lang) }
                { plan::entry_link(&plan_hook, &model.history.present, &model.view, lang) }
            </header>
            { for notices }
            { lecture }
            { plan::panel_slot(&plan_hook) }
            { body }
            { about_panel(&model, &query, lang) }
        </main>
    }
}

/// "About the model": the panel, or in a bundle without it (the single-ray page's) a link to the
/// same page with `about=1`, which boots the whole app (scripts/split.mjs).
#[cfg(feature = "about-panel")]
pub(super) fn about_panel(model: &AppModel, _query: &str, lang: Lang) -> Html {
    html! { <About {lang} open={model.view.about} /> }
}

#[cfg(not(feature = "about-panel"))]
pub(super) fn about_panel(_model: &AppModel, query: &str, lang: Lang) -> Html {
    html! {
        <p class="about about-link" id="about">
            <a href={format!("?{query}&about=1")}>{ tr(lang, Msg::AboutSummary) }</a>
        </p>
    }
}

pub(super) fn toolbar(history: &History, dispatch: &Callback<Action>, lang: Lang) -> Html {
    let state = history.present;
    let current = crate::state::query::matching_preset(&state);
    let presets = Preset::ALL.iter().map(|p| {
        let p = *p;
        html! {
            <button class={classes!("preset", (current == Some(p)).then_some("active"))}
                data-preset={p.name()} title={p.description_in(lang)}
                aria-pressed={(current == Some(p)).to_string()}
                onclick={dispatch.reform(move |_| Action::ApplyPreset(p))}>{ p.label_in(lang) }</button>
        }
    });
    let onray = dispatch.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let ray = select
            .value()
            .parse::<u8>()
            .ok()
            .and_then(Ray::from_number)
            .unwrap_or(Ray::M2);
        Action::SetRay(ray)
    });
    html! {
        <nav class="toolbar" aria-label={tr(lang, Msg::ToolbarLabel)}>
            <div class="presets" role="group" aria-label={tr(lang, Msg::ToolbarPresets)}>{ for presets }</div>
            <label class="ray-select">{ tr(lang, Msg::ToolbarRay) }{ " " }
                <select name="ray" autocomplete="off" onchange={onray}>
                    { for Ray::ALL.iter().map(|r| html! {
                        <option value={r.number().to_string()} selected={*r == state.ray}>{ format!("M{}", r.number()) }</option>
                    }) }
                </select>
            </label>
            <div class="history" role="group" aria-label={tr(lang, Msg::ToolbarHistory)}>
                <button name="undo" disabled={!history.can_undo()} aria-keyshortcuts="Control+Z"
                    onclick={dispatch.reform(|_| Action::Undo)}>{ tr(lang, Msg::ActionUndo) }</button>
                <button name="redo" disabled={!history.can_redo()} aria-keyshortcuts="Control+Shift+Z"
                    onclick={dispatch.reform(|_| Action::Redo)}>{ tr(lang, Msg::ActionRedo) }</button>
                <button name="reset" aria-keyshortcuts="Alt+R"
                    onclick={dispatch.reform(|_| Action::Reset)}>{ tr(lang, Msg::ActionReset) }</button>
            </div>
        </nav>
    }
}

/// The drawing, or with `compare=` (whole app) the drawing beside a second state's.
fn figures(
    model: &AppModel,
    page: &UseReducerDispatcher<AppModel>,
    present: State,
    evaluation: &Rc<Evaluation>,
    root: Rc<Node>,
    dispatch: &Callback<Action>,
) -> Html {
    #[cfg(feature = "compare")]
    if model.view.compare.is_some() && !model.view.embed {
        let base = {
            let mut alone = model.clone();
            alone.view.compare = None;
            alone.query()
        };
        return html! {
            <super::compare::ComparePair view={model.view.clone()} lang={model.lang()}
                base={AttrValue::from(base)} state={present} evaluation={evaluation.clone()}
                scene={root} dispatch={dispatch.clone()} page={page.clone()} />
        };
    }
    let _ = (model, page);
    html! { <SceneView scene={root} state={present} evaluation={evaluation.clone()} dispatch={dispatch.clone()} /> }
}

pub(super) fn stage(
    model: &AppModel,
    page: &UseReducerDispatcher<AppModel>,
    state: &State,
    evaluation: Rc<Evaluation>,
    root: Rc<Node>,
    dispatch: &Callback<Action>,
    shown: controls::Shown,
) -> Html {
    let view = &model.view;
    let lang = model.lang();
    // Controls edit the present state, even while an animation frame is drawn.
    let present = model.history.present;
    let embed = view.embed;
    let on_release = if embed {
        Callback::from(|_: PointerEvent| browser::release_focus())
    } else {
        Callback::noop()
    };
    html! {
        <div class="workspace">
            <section class="stage" aria-label={tr(lang, Msg::StageDrawing)} onpointerup={on_release}>
                { figures(model, page, present, &evaluation, root, dispatch) }
                if !embed {
                    { outcomes(state, &evaluation, lang) }
                }
            </section>
            if controls::ALL_CONTROLS.iter().any(|k| shown.has(k)) {
                { controls_panel(present, shown, embed, lang, dispatch) }
            }
        </div>
    }
}
