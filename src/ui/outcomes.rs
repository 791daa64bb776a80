//! Under the drawing: the outcome summary (a polite live region), the motion limits and the
//! readouts `<output data-outcome="JSON_KEY" data-value="FULL_PRECISION">`.

use crate::model::Evaluation;
use crate::state::i18n::tr;
use crate::state::readouts::{display_in, limit_text_in, summary_in, Value, READOUTS};
use crate::state::view::Lang;
use crate::state::State;
use yew::prelude::*;

/// The summary, limits and readouts of `state` (drawn) and its evaluation. A plain function,
/// not a component: it changes with every step, so a component would only add code.
pub fn outcomes(state: &State, e: &Evaluation, lang: Lang) -> Html {
    let text = summary_in(state, e, lang);
    let readouts = READOUTS.iter().map(|r| {
        let value = (r.value)(&e.outcomes);
        let data_value = match value {
            Value::Number(v) => crate::numtext::shortest(v),
            Value::Text(t) => t.to_string(),
        };
        html! {
            <div class={classes!("readout", format!("readout-{}", r.key))}>
                <dt>{ r.label_in(lang) }</dt>
                <dd>
                    <output data-outcome={r.key} data-value={data_value}>{ display_in(r, value, lang) }</output>
                    if r.assumption { <span class="assumption-tag" title={tr(lang, "tag.assumption.readout")}>{ tr(lang, "tag.assumption") }</span> }
                </dd>
            </div>
        }
    });
    let limits = e
        .limits
        .iter()
        .map(|l| html! { <li>{ limit_text_in(l, lang) }</li> });
    html! {
        <>
            <p class="summary" aria-live="polite" id="summary">{ text }</p>
            if !e.limits.is_empty() {
                <ul class="limits" role="status">{ for limits }</ul>
            }
            <section class="readouts-section" aria-label={tr(lang, "stage.outcomes")}>
                <h2>{ tr(lang, "stage.outcomes") }</h2>
                <dl class="readouts">{ for readouts }</dl>
            </section>
            <p class="hint">{ tr(lang, "stage.hint") }</p>
        </>
    }
}
