//! Labelled controls: a range input and a number input per state key, both named by the key's
//! query name, with the value and unit in `aria-valuetext`.

use crate::state::i18n::{self, tr, trf};
use crate::state::view::Lang;
use crate::state::{format_number, Action, Key, State};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NumberControlProps {
    pub key_: Key,
    pub state: State,
    pub dispatch: Callback<Action>,
    /// Overrides the key's label (the cut's label names its reference).
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// Language of the label, the tags and the spoken value.
    #[prop_or_default]
    pub lang: Lang,
}

/// Fine steps for an arrow key: +1 right/up, −1 left/down.
pub fn arrow_steps(key: &str) -> Option<f64> {
    match key {
        "ArrowRight" | "ArrowUp" => Some(1.0),
        "ArrowLeft" | "ArrowDown" => Some(-1.0),
        _ => None,
    }
}

/// The value with its unit, at the displayed precision (decimal comma in French and Spanish).
pub fn value_text(key: Key, value: f64, lang: Lang) -> String {
    let spec = key.spec();
    let n = i18n::fixed(lang, value, spec.display_decimals);
    match spec.unit {
        "" => n,
        "°" => format!("{n}°"),
        unit => format!("{n} {unit}"),
    }
}

#[component(NumberControl)]
pub fn number_control(props: &NumberControlProps) -> Html {
    let key = props.key_;
    let spec = key.spec();
    let (min, max) = props.state.range(key);
    let value = props.state.get(key);
    let id = format!("control-{}", spec.name);
    let number_id = format!("number-{}", spec.name);
    let hint_id = format!("hint-{}", spec.name);

    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(v) = crate::numtext::parse_f64(&input.value()) {
                dispatch.emit(Action::Set(key, v));
            }
        })
    };
    // Shift+arrow: a coarse step (the browser handles plain arrows with `step`).
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if !e.shift_key() {
                return;
            }
            let Some(steps) = arrow_steps(&e.key()) else {
                return;
            };
            e.prevent_default();
            dispatch.emit(Action::Step {
                key,
                steps,
                coarse: true,
            });
        })
    };
    // The number box commits on Enter or blur, so typing "135" does not pass through 1 and 13.
    let onchange = {
        let dispatch = props.dispatch.clone();
        let state = props.state;
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            match crate::numtext::parse_f64(input.value().trim()) {
                Some(v) if v.is_finite() => dispatch.emit(Action::Set(key, v)),
                // Not a number: show the current value again.
                _ => input.set_value(&format_number(
                    state.get(key),
                    spec.stored_decimals as usize,
                )),
            }
        })
    };
    let label = props
        .label
        .clone()
        .unwrap_or_else(|| AttrValue::from(spec.label_in(props.lang)));
    let lang = props.lang;
    let text = value_text(key, value, lang);
    html! {
        <div class={classes!("control", format!("control-{}", spec.name))}>
            <label for={id.clone()}>
                { label.clone() }
                if spec.assumption {
                    <span class="assumption-tag" title={tr(lang, "tag.assumption.control")}>{ tr(lang, "tag.assumption") }</span>
                }
            </label>
            <div class="control-inputs">
                <input type="range" id={id} name={spec.name}
                    min={format_number(min, 4)} max={format_number(max, 4)}
                    step={format_number(spec.step, 4)}
                    value={format_number(value, 4)}
                    aria-valuetext={text.clone()}
                    aria-describedby={hint_id.clone()}
                    {oninput} {onkeydown} />
                <input type="number" id={number_id} name={spec.name}
                    aria-label={trf(lang, "control.number", &[("label", &label)])}
                    min={format_number(min, 4)} max={format_number(max, 4)}
                    step={format_number(spec.step, 4)}
                    value={format_number(value, spec.stored_decimals as usize)}
                    {onchange} />
                <span class="unit" id={hint_id}>{ if spec.unit.is_empty() { "" } else { spec.unit } }</span>
            </div>
        </div>
    }
}
