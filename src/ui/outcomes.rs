//! Under the drawing: the outcome summary (a polite live region), the motion limits and the
//! readouts `<output data-outcome="JSON_KEY" data-value="FULL_PRECISION">`.
//!
//! Part of the interface: it may import any layer below (here the readouts, the catalogue and the
//! model's evaluation).

use crate::model::Evaluation;
use crate::state::i18n::Msg;
use crate::state::i18n::{self, fixed, tr, trf};
use crate::state::readouts::{
    cautions_in, display_in, published_shortenings, summary_in, Value, READOUTS, SETTLED_READOUTS,
};
use crate::state::view::Lang;
use crate::state::State;
use yew::prelude::*;

/// The summary, limits and readouts of `state` (drawn) and its evaluation. A plain function,
/// not a component: it changes with every step, so a component would only add code.
pub fn outcomes(state: &State, e: &Evaluation, lang: Lang) -> Html {
    let text = summary_in(state, e, lang);
    let readouts = READOUTS.iter().map(|r| {
        readout(
            r.path,
            r.label_in(lang),
            r.tip,
            r.assumption,
            (r.value)(&e.outcomes),
            display_in(r, (r.value)(&e.outcomes), lang),
            lang,
        )
    });
    // The balance residual is for the JSON and the tests, not for a lecture.
    let settled = SETTLED_READOUTS
        .iter()
        .filter(|r| r.key != "residual")
        .map(|r| {
            let v = (r.value)(&e.settled_outcomes);
            readout(
                r.path,
                r.label_in(lang),
                r.tip,
                r.assumption,
                v,
                display_in(r, v, lang),
                lang,
            )
        });
    let published = published_shortenings(e.params.anatomy.ray)
        .into_iter()
        .map(|p| {
            let mean = i18n::number(lang, p.mean_mm, 2);
            let value = match p.sd_mm {
                Some(sd) => format!("{mean} ± {}", i18n::number(lang, sd, 1)),
                None => mean,
            };
            let value = i18n::with_unit(value, "mm");
            let name = trf(lang, p.label_id, &[("ray", &e.params.anatomy.ray.number())]);
            html! {
                <li title={p.source} data-published-mm={crate::numtext::shortest(p.mean_mm)}>
                    { name }{ " " }<strong>{ value }</strong>
                </li>
            }
        });
    let loads = &e.params.loads;
    let cautions = cautions_in(e, lang);
    let limits = cautions.iter().map(|text| html! { <li>{ text }</li> });
    html! {
        <>
            <p class="summary" aria-live="polite" id="summary">{ text }</p>
            if !cautions.is_empty() {
                <ul class="limits" role="status">{ for limits }</ul>
            }
            <section class="readouts-section" aria-label={tr(lang, Msg::StageOutcomes)}>
                <h2>{ tr(lang, Msg::StageOutcomes) }</h2>
                <dl class="readouts">{ for readouts }</dl>
                <div class="published-shortening">
                    <h3 title={tr(lang, Msg::PublishedNote)}>{ tr(lang, Msg::PublishedTitle) }</h3>
                    <ul>{ for published }</ul>
                    <p class="note">{ tr(lang, Msg::PublishedNote) }</p>
                </div>
            </section>
            <section class="readouts-section settled-section" aria-label={tr(lang, Msg::StageSettled)}>
                <h2>{ tr(lang, Msg::StageSettled) }{ " " }
                    <span class="assumption-tag" title={tr(lang, Msg::TagTeachingModelTitle)}>{ tr(lang, Msg::TagTeachingModel) }</span>
                </h2>
                <p class="note">{ trf(lang, Msg::StageSettledNote, &[
                    ("k", &fixed(lang, loads.tissue_stiffness_per_mm, 2)),
                    ("mu", &fixed(lang, loads.friction_mu, 2)),
                ]) }</p>
                <dl class="readouts">{ for settled }</dl>
            </section>
            <p class="hint">{ tr(lang, Msg::StageHint) }</p>
        </>
    }
}

/// One readout: `<output data-outcome="PATH" data-value="FULL_PRECISION">` (one function for
/// both tables: not generic, so its markup is in the bundle once).
fn readout(
    path: &'static str,
    label: &'static str,
    tip: Msg,
    assumption: bool,
    value: Value,
    text: String,
    lang: Lang,
) -> Html {
    html! {
        <div class={classes!("readout", format!("readout-{}", path.replace('.', "-")))}>
            <dt title={tr(lang, tip)}>{ label }</dt>
            <dd>
                <output data-outcome={path} data-value={value.data_value()}>{ text }</output>
                if assumption { <span class="derived-tag" title={tr(lang, Msg::TagAssumptionReadout)}>{ tr(lang, Msg::TagDerived) }</span> }
            </dd>
        </div>
    }
}
