//! The lesson's panel beside the drawing: the step's caption and buttons, a challenge's
//! conditions and hints, the presenter's notes, the lessons' menu (another lesson, a file).
//!
//! Part of the interface: it may import what its page imports ([`super`]).

use super::*;

fn text_in(t: &Text, lang: Lang) -> String {
    t.get(lang).to_string()
}

/// The caption beside the drawing: title, text, counter, buttons; a challenge; the notes.
pub(super) fn panel(
    model: &UseReducerHandle<LessonModel>,
    lesson: &Rc<Lesson>,
    lang: Lang,
) -> Html {
    let page = model.dispatcher();
    let step = &lesson.steps[model.step];
    let (n, count) = (model.step + 1, lesson.steps.len());
    let go = |action: fn() -> LessonAction| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.dispatch(action()))
    };
    let notices = (!model.notices.is_empty()).then(|| {
        html! { <p class="notice" role="status">{ model.notices.join(" · ") }</p> }
    });
    let presenter = model.view.present.then(|| {
        let notes = step.notes.as_ref().map_or_else(
            || tr(lang, Msg::LessonNoNotes).to_string(),
            |t| text_in(t, lang),
        );
        let up_next = lesson.steps.get(model.step + 1).map_or_else(
            || tr(lang, Msg::LessonEnd).to_string(),
            |s| trf(lang, Msg::LessonUpNext, &[("title", &s.title.get(lang))]),
        );
        html! {
            <>
                <section class="lesson-notes" aria-label={tr(lang, Msg::LessonNotes)}>
                    <h3>{ tr(lang, Msg::LessonNotes) }</h3>
                    <p>{ notes }</p>
                </section>
                <p class="lesson-up-next">{ up_next }</p>
            </>
        }
    });
    html! {
        <aside class="lesson-panel" aria-label={tr(lang, Msg::LessonLabel)}>
            { for notices }
            <p class="lesson-title">{ tr(lang, Msg::LessonLabel) }{ " · " }{ lesson.title.get(lang) }</p>
            <div class="lesson-caption" aria-live="polite">
                <h2 class="lesson-step-title">{ step.title.get(lang) }</h2>
                <p class="lesson-text">{ step.text.get(lang) }</p>
            </div>
            if step.challenge.is_some() {
                { challenge(model, step, lang) }
            }
            <nav class="lesson-nav" aria-label={tr(lang, Msg::LessonLabel)}>
                <button name="lesson-previous" disabled={n == 1} onclick={go(|| LessonAction::Previous)}
                    aria-keyshortcuts="PageUp">{ tr(lang, Msg::LessonPrevious) }</button>
                <span class="lesson-counter" data-step={n.to_string()} data-steps={count.to_string()}>
                    { trf(lang, Msg::LessonStepOf, &[("n", &n.to_string()), ("count", &count.to_string())]) }
                </span>
                <button name="lesson-next" disabled={n == count} onclick={go(|| LessonAction::Next)}
                    aria-keyshortcuts="PageDown">{ tr(lang, Msg::LessonNext) }</button>
            </nav>
            <p class="lesson-keys">{ tr(lang, Msg::LessonKeys) }</p>
            { for presenter }
            if !model.view.embed {
                { lessons_menu(model, lang) }
                { builder(model, lang) }
            }
        </aside>
    }
}

/// A challenge: what the learner may move, each condition live, hints, "solved".
fn challenge(
    model: &UseReducerHandle<LessonModel>,
    step: &crate::state::lesson::Step,
    lang: Lang,
) -> Html {
    let Some(c) = &step.challenge else {
        return html! {};
    };
    let page = model.dispatcher();
    let learner = model
        .learner
        .unwrap_or_else(|| parse_query(&step.query).state);
    let json = evaluate_state(&learner).ok();
    let met = json.as_ref().map_or_else(
        || vec![false; c.conditions.len()],
        |j| conditions_met(&c.conditions, j),
    );
    // Solved only where the model has no warning (a cut through the joint meets no challenge).
    let warned = json.as_ref().is_some_and(|j| !no_warnings(j));
    let solved = !warned && met.iter().all(|&m| m);
    let conditions = c.conditions.iter().zip(&met).map(|(cond, met)| {
        let value = json
            .as_ref()
            .and_then(|j| crate::state::lesson::check::lookup(j, &cond.key))
            .map(|v| match (v.as_f64(), v.as_str()) {
                (Some(x), _) => number_of(&cond.key, x, lang),
                (None, Some(t)) => text_value(t, lang),
                (None, None) => v.to_string(),
            })
            .unwrap_or_default();
        let state = if *met { Msg::LessonConditionMet } else { Msg::LessonConditionUnmet };
        html! {
            <li data-condition={cond.key.clone()} data-met={met.to_string()}>
                <span class="lesson-condition-mark" aria-hidden="true">{ if *met { "✓" } else { "○" } }</span>
                { condition_text(cond, lang) }{ " (" }<output>{ value }</output>{ ") · " }{ tr(lang, state) }
            </li>
        }
    });
    let hints = c
        .hints
        .iter()
        .take(model.hints)
        .map(|h| html! { <li>{ h.get(lang) }</li> });
    let more_hints = model.hints < c.hints.len();
    let hint = {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.dispatch(LessonAction::Hint))
    };
    let restart = Callback::from(move |_: MouseEvent| page.dispatch(LessonAction::Restart));
    html! {
        <section class={classes!("lesson-challenge", solved.then_some("solved"))} aria-label={tr(lang, Msg::LessonChallenge)}>
            <h3>{ tr(lang, Msg::LessonChallenge) }</h3>
            <p>{ trf(lang, Msg::LessonChallengeControls, &[("list", &c.controls.iter().map(|k| control_label(k, lang)).collect::<Vec<_>>().join(", "))]) }</p>
            <ul class="lesson-conditions">{ for conditions }</ul>
            if warned {
                <p class="lesson-warned" data-warned="true">{ tr(lang, Msg::LessonWarned) }</p>
            }
            if solved {
                <p class="lesson-solved" role="status">{ tr(lang, Msg::LessonSolved) }</p>
            }
            if !c.hints.is_empty() {
                <ul class="lesson-hints">{ for hints }</ul>
            }
            <div class="lesson-challenge-actions">
                if more_hints {
                    <button name="lesson-hint" onclick={hint}>{ tr(lang, Msg::LessonHint) }</button>
                }
                <button name="lesson-restart" onclick={restart}>{ tr(lang, Msg::LessonRestart) }</button>
            </div>
        </section>
    }
}

/// A readout's label by its `osteoviz eval` key (its own key where the page has no readout).
fn readout_label(key: &str, lang: Lang) -> String {
    readout_of(key).map_or_else(|| key.to_string(), |(label, _)| tr(lang, label).to_string())
}

/// A readout's label and unit by its `osteoviz eval` key (the page's readouts' tables).
fn readout_of(key: &str) -> Option<(Msg, &'static str)> {
    use crate::state::readouts::{READOUTS, SETTLED_READOUTS};
    READOUTS
        .iter()
        .find(|r| r.path == key)
        .map(|r| (r.label, r.unit))
        .or_else(|| {
            SETTLED_READOUTS
                .iter()
                .find(|r| r.path == key)
                .map(|r| (r.label, r.unit))
        })
}

/// A number of `key` as the page writes it, with its unit ("2,5 mm").
fn number_of(key: &str, x: f64, lang: Lang) -> String {
    let unit = readout_of(key).map_or("", |(_, unit)| unit);
    crate::state::i18n::with_unit(crate::state::i18n::number(lang, x, 2), unit)
}

/// A control's label by its query key.
fn control_label(key: &str, lang: Lang) -> String {
    match crate::state::Key::from_name(key) {
        Some(k) => k.spec().label_in(lang).to_string(),
        None if key == "load" => tr(lang, Msg::ControlLoad).to_string(),
        None => key.to_string(),
    }
}

/// A text value of the eval JSON as the page writes it: a verdict in words, else as it is.
fn text_value(text: &str, lang: Lang) -> String {
    crate::model::Verdict::ALL
        .into_iter()
        .find(|v| v.key() == text)
        .map_or_else(
            || text.to_string(),
            |v| verdict_text_in(lang, v).to_string(),
        )
}

/// A condition in words: "Head rise ≥ 2".
fn condition_text(c: &crate::state::lesson::Expectation, lang: Lang) -> String {
    use crate::state::lesson::{Expected, Test};
    let n = |x: f64| number_of(&c.key, x, lang);
    let label = readout_label(&c.key, lang);
    let value = |x: &Expected| match x {
        // A verdict reads as the page writes it.
        Expected::Text(t) => text_value(t, lang),
        Expected::Number(x) => n(*x),
        Expected::Flag(b) => b.to_string(),
    };
    match &c.test {
        Test::AtLeast(x) => format!("{label} ≥ {}", n(*x)),
        Test::AtMost(x) => format!("{label} ≤ {}", n(*x)),
        Test::Is(x) => format!("{label} = {}", value(x)),
        Test::IsNot(x) => format!("{label} ≠ {}", value(x)),
        Test::Change(ch) => format!("{label} {}", ch.name()),
    }
}

/// The built-in lessons, a lesson file to open (picker or drop), the presenter view.
pub(super) fn lessons_menu(model: &UseReducerHandle<LessonModel>, lang: Lang) -> Html {
    let page = model.dispatcher();
    let onchange = {
        let page = page.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            page.dispatch(LessonAction::Open(select.value()));
        })
    };
    let onfile = {
        let page = page.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_file(file, page.clone());
            }
        })
    };
    let current = model.source.clone();
    let present_href = {
        let mut m = (**model).clone();
        m.view.present = true;
        format!("?{}", m.query())
    };
    let share = {
        let link = model
            .lesson
            .is_ok()
            .then(|| format!("{}?{}", browser::page_address(), model.share_query()));
        Callback::from(move |_: MouseEvent| {
            if let Some(link) = &link {
                browser::copy_text(link);
            }
        })
    };
    html! {
        <details class="lesson-menu">
            <summary>{ tr(lang, Msg::LessonList) }</summary>
            <label>{ tr(lang, Msg::LessonList) }{ " " }
                <select name="lesson" autocomplete="off" {onchange}>
                    { for BUILT_IN.iter().map(|(name, _)| {
                        let title = built_in(name).map(|l| l.title.get(lang).to_string()).unwrap_or_default();
                        html! { <option value={*name} selected={current == *name}>{ title }</option> }
                    }) }
                    if BUILT_IN.iter().all(|(n, _)| *n != current) {
                        <option value="" selected=true disabled=true>{ "…" }</option>
                    }
                </select>
            </label>
            <label class="lesson-file">{ tr(lang, Msg::LessonOpenFile) }{ " " }
                <input type="file" name="lesson-file" accept=".json,application/json" onchange={onfile} />
            </label>
            <p class="note">{ tr(lang, Msg::LessonDrop) }</p>
            <p><a class="lesson-present" href={present_href} target="_blank" title={tr(lang, Msg::LessonPresentTitle)}>{ tr(lang, Msg::LessonPresent) }{ " ↗" }</a></p>
            if model.lesson.is_ok() {
                <p><button name="lesson-share" onclick={share}>{ tr(lang, Msg::LessonShare) }</button></p>
            }
        </details>
    }
}

/// Reads a lesson file and opens it (its text goes in the URL: a reload keeps it).
pub(super) fn read_file(file: web_sys::File, page: UseReducerDispatcher<LessonModel>) {
    yew::platform::spawn_local(async move {
        let name = file.name();
        // Not read at all when too large: a lesson is text.
        if let Some(e) = crate::state::lesson::size_error(file.size() as usize) {
            page.dispatch(LessonAction::Refuse(format!("{name}: {e}")));
            return;
        }
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default();
        // Compact JSON in the URL; a file that is not a lesson is refused with its reason.
        match Lesson::from_json(&text) {
            Ok(_) => {
                let compact = serde_json::from_str::<serde_json::Value>(&text)
                    .map(|v| v.to_string())
                    .unwrap_or(text);
                page.dispatch(LessonAction::Open(compact));
            }
            Err(e) => page.dispatch(LessonAction::Refuse(format!("{name}: {e}"))),
        }
    });
}
