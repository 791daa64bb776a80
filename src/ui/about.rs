//! "About the model": conventions, formulas, assumptions and sources, from the model's docs.
//!
//! Part of the interface: it may import any layer below (here the catalogue and the model's
//! provenance table); only the interface uses it.

use crate::model::anatomy::PROVENANCE;
use crate::state::i18n::{tr, Msg};
use crate::state::view::Lang;
use yew::prelude::*;

/// The properties of the [`About`] panel.
#[derive(Properties, PartialEq)]
pub struct AboutProps {
    /// The panel's language.
    #[prop_or_default]
    pub lang: Lang,
    /// Open on arrival (`about=1`).
    #[prop_or_default]
    pub open: bool,
}

/// The "About the model" panel, a `<details id="about">`: conventions, formulas, the provenance of
/// every default (assumption or published) and the sources.
#[component(About)]
pub fn about(props: &AboutProps) -> Html {
    crate::state::i18n::enable_about_messages();
    let lang = props.lang;
    let t = |msg: Msg| tr(lang, msg);
    let colon = t(Msg::AboutColon);
    let assumption = html! { <span class="assumption-tag">{ t(Msg::TagAssumption) }</span> };
    let published = html! { <span class="source-tag">{ t(Msg::TagPublished) }</span> };
    // The model's provenance table, its names and notes translated in the same order.
    let provenance = PROVENANCE.iter().enumerate().map(|(i, (_, p))| {
        let text = |group: &[Msg]| group.get(i).map_or("", |&msg| t(msg));
        html! {
            <li>
                <strong>{ text(Msg::ABOUT_PROVENANCE_NAME) }</strong>{ colon }{ text(Msg::ABOUT_PROVENANCE_NOTE) }
                if p.is_assumption() { { assumption.clone() } }
                else { { published.clone() } }
            </li>
        }
    });
    // A default and its source: its name and its note.
    let source = |(name, note): (Msg, Msg), tag: Html| {
        html! {
            <li>
                <strong>{ t(name) }</strong>{ colon }{ t(note) }
                { tag }
            </li>
        }
    };
    // Every numbered entry the catalogue holds (`about.conventions.1`, `.2`…).
    let items = |group: &[Msg]| -> Html {
        group
            .iter()
            .map(|&msg| html! { <li>{ t(msg) }</li> })
            .collect()
    };
    html! {
        <details class="about" id="about" open={props.open}>
            <summary>{ t(Msg::AboutSummary) }</summary>
            <div class="about-body">
                <section>
                    <h3>{ t(Msg::AboutConventions) }</h3>
                    <ul>{ items(Msg::ABOUT_CONVENTIONS) }</ul>
                </section>
                <section>
                    <h3>{ t(Msg::AboutFormulas) }</h3>
                    <ul class="formulas">{ items(Msg::ABOUT_FORMULAS) }</ul>
                </section>
                <section>
                    <h3>{ t(Msg::AboutSources) }</h3>
                    <ul>
                        { for provenance }
                        { source((Msg::AboutSourceKerfName, Msg::AboutSourceKerfNote), published.clone()) }
                        { source((Msg::AboutSourceDmmoCutName, Msg::AboutSourceDmmoCutNote), html! {}) }
                        { source((Msg::AboutSourcePositionName, Msg::AboutSourcePositionNote), assumption.clone()) }
                        { source((Msg::AboutSourceLoadsName, Msg::AboutSourceLoadsNote), assumption.clone()) }
                        { source((Msg::AboutSourceTissueName, Msg::AboutSourceTissueNote), assumption.clone()) }
                        { source((Msg::AboutSourceWeilName, Msg::AboutSourceWeilNote), assumption.clone()) }
                        { source((Msg::AboutSourceInBoneName, Msg::AboutSourceInBoneNote), assumption.clone()) }
                        { source((Msg::AboutSourceNearAxialName, Msg::AboutSourceNearAxialNote), html! { <span class="assumption-tag">{ t(Msg::TagSimplification) }</span> }) }
                    </ul>
                </section>
                <section>
                    <h3>{ t(Msg::AboutUnknown) }</h3>
                    { for Msg::ABOUT_UNKNOWN.iter().map(|&msg| html! { <p>{ t(msg) }</p> }) }
                </section>
                <section>
                    <h3>{ t(Msg::AboutReferences) }</h3>
                    <ul class="references">{ items(Msg::ABOUT_REFERENCES) }</ul>
                </section>
            </div>
        </details>
    }
}
