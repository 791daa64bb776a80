//! "Write a lesson": the view on screen added as a step with its caption, into a draft kept in
//! the browser (`localStorage`), downloaded as a lesson file or opened as a lesson.
//!
//! Part of the interface: it may import what its page imports ([`super`]).

use super::*;

/// The draft lesson kept in this browser (`localStorage`), or a new one.
fn draft(lang: Lang) -> serde_json::Value {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .filter(|v: &serde_json::Value| v.get("steps").is_some_and(|s| s.is_array()))
        .unwrap_or_else(
            || serde_json::json!({ "title": tr(lang, Msg::LessonBuilderLessonTitle), "steps": [] }),
        )
}

fn save_draft(draft: &serde_json::Value) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(DRAFT_KEY, &draft.to_string());
    }
}

/// "Add this view as a step": the learner's state with a title and a caption, into a draft
/// kept in the browser, downloaded as a lesson file or opened as a lesson.
pub(super) fn builder(model: &UseReducerHandle<LessonModel>, lang: Lang) -> Html {
    html! { <Builder lang={lang} state={model.learner} page={model.dispatcher()} /> }
}

#[derive(Properties, PartialEq)]
struct BuilderProps {
    lang: Lang,
    state: Option<State>,
    page: UseReducerDispatcher<LessonModel>,
}

#[component(Builder)]
fn builder_component(props: &BuilderProps) -> Html {
    let lang = props.lang;
    let draft = use_state(|| draft(lang));
    let title_ref = use_node_ref();
    let text_ref = use_node_ref();
    let steps = draft
        .get("steps")
        .and_then(|s| s.as_array())
        .map_or(0, |s| s.len());
    let add = {
        let draft = draft.clone();
        let (title_ref, text_ref) = (title_ref.clone(), text_ref.clone());
        let state = props.state;
        Callback::from(move |_: MouseEvent| {
            let Some(state) = state else { return };
            let value = |r: &NodeRef| {
                r.cast::<web_sys::HtmlInputElement>()
                    .map(|i| i.value())
                    .or_else(|| r.cast::<web_sys::HtmlTextAreaElement>().map(|t| t.value()))
                    .unwrap_or_default()
            };
            let (title, text) = (value(&title_ref), value(&text_ref));
            // Read again: another tab may have added steps since this one opened.
            let mut next = self::draft(lang);
            if let Some(steps) = next.get_mut("steps").and_then(|s| s.as_array_mut()) {
                let n = steps.len() + 1;
                steps.push(serde_json::json!({
                    "query": to_query(&state),
                    "title": if title.trim().is_empty() { format!("{n}") } else { title },
                    "text": if text.trim().is_empty() { "…".to_string() } else { text },
                }));
            }
            save_draft(&next);
            draft.set(next);
        })
    };
    let download = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let text = serde_json::to_string_pretty(&*draft).unwrap_or_default();
            browser::download_text(&text, "application/json", "osteoviz-lesson.json");
        })
    };
    let open_it = {
        let draft = draft.clone();
        let page = props.page.clone();
        Callback::from(move |_: MouseEvent| page.dispatch(LessonAction::Open(draft.to_string())))
    };
    let clear = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let empty = serde_json::json!({ "title": tr(lang, Msg::LessonBuilderLessonTitle), "steps": [] });
            save_draft(&empty);
            draft.set(empty);
        })
    };
    html! {
        <details class="lesson-builder">
            <summary>{ tr(lang, Msg::LessonBuilder) }</summary>
            <label>{ tr(lang, Msg::LessonBuilderTitle) }
                <input type="text" name="lesson-step-title" ref={title_ref} autocomplete="off" />
            </label>
            <label>{ tr(lang, Msg::LessonBuilderText) }
                <textarea name="lesson-step-text" rows="3" ref={text_ref} />
            </label>
            <p><button name="lesson-add-step" disabled={props.state.is_none()} onclick={add}>{ tr(lang, Msg::LessonBuilderAdd) }</button></p>
            <p class="lesson-draft" data-steps={steps.to_string()}>{ trf(lang, Msg::LessonBuilderCount, &[("n", &steps.to_string())]) }</p>
            if steps > 0 {
                <p class="lesson-builder-actions">
                    <button name="lesson-download" onclick={download}>{ tr(lang, Msg::LessonBuilderDownload) }</button>{ " " }
                    <button name="lesson-open-draft" onclick={open_it}>{ tr(lang, Msg::LessonBuilderOpen) }</button>{ " " }
                    <button name="lesson-clear" onclick={clear}>{ tr(lang, Msg::LessonBuilderClear) }</button>
                </p>
            }
        </details>
    }
}
