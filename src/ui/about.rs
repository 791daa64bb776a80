//! "About the model": conventions, formulas, assumptions and sources, from the model's docs.

use crate::model::anatomy::PROVENANCE;
use crate::state::i18n::{numbered, tr};
use crate::state::view::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    #[prop_or_default]
    pub lang: Lang,
    /// Open on arrival (`about=1`).
    #[prop_or_default]
    pub open: bool,
}

#[component(About)]
pub fn about(props: &AboutProps) -> Html {
    crate::state::i18n::enable_about_messages();
    let lang = props.lang;
    let t = |id: &str| tr(lang, id);
    let colon = t("about.colon");
    let assumption = html! { <span class="assumption-tag">{ t("tag.assumption") }</span> };
    let published = html! { <span class="source-tag">{ t("tag.published") }</span> };
    // The model's provenance table, its names and notes translated in the same order.
    let provenance = PROVENANCE.iter().enumerate().map(|(i, (_, p))| {
        let id = |part: &str| tr(lang, &format!("about.provenance.{}.{part}", i + 1));
        html! {
            <li>
                <strong>{ id("name") }</strong>{ colon }{ id("note") }
                if p.is_assumption() { { assumption.clone() } }
                else { { published.clone() } }
            </li>
        }
    });
    // A default and its source: the ids `{prefix}.name` and `{prefix}.note`.
    let source = |prefix: &str, tag: Html| {
        html! {
            <li>
                <strong>{ t(&format!("{prefix}.name")) }</strong>{ colon }{ t(&format!("{prefix}.note")) }
                { tag }
            </li>
        }
    };
    // Every numbered entry the catalogue holds (`about.conventions.1`, `.2`…).
    let items = |prefix: &str| -> Html {
        numbered(prefix)
            .map(|id| html! { <li>{ t(id) }</li> })
            .collect()
    };
    html! {
        <details class="about" id="about" open={props.open}>
            <summary>{ t("about.summary") }</summary>
            <div class="about-body">
                <section>
                    <h3>{ t("about.conventions") }</h3>
                    <ul>{ items("about.conventions") }</ul>
                </section>
                <section>
                    <h3>{ t("about.formulas") }</h3>
                    <ul class="formulas">{ items("about.formulas") }</ul>
                </section>
                <section>
                    <h3>{ t("about.sources") }</h3>
                    <ul>
                        { for provenance }
                        { source("about.source.kerf", published.clone()) }
                        { source("about.source.dmmo_cut", html! {}) }
                        { source("about.source.position", assumption.clone()) }
                        { source("about.source.loads", assumption.clone()) }
                        { source("about.source.tissue", assumption.clone()) }
                        { source("about.source.weil", assumption.clone()) }
                        { source("about.source.in_bone", assumption.clone()) }
                        { source("about.source.near_axial", html! { <span class="assumption-tag">{ t("tag.simplification") }</span> }) }
                    </ul>
                </section>
                <section>
                    <h3>{ t("about.unknown") }</h3>
                    { for numbered("about.unknown").map(|id| html! { <p>{ t(id) }</p> }) }
                </section>
                <section>
                    <h3>{ t("about.references") }</h3>
                    <ul class="references">{ items("about.references") }</ul>
                </section>
            </div>
        </details>
    }
}
