//! Labelled controls: a range input and a number input per state key, both named by the key's
//! query name, with the value and unit in `aria-valuetext`.
//!
//! Part of the interface: it may import any layer below (here the state's keys and actions and the
//! catalogue).

use crate::model::AngleReference;
use crate::state::i18n::Msg;
use crate::state::i18n::{self, tr, trf};
use crate::state::view::{Lang, View};
use crate::state::{format_number, Action, Key, State};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The control names of the panel (`controls=` in embed mode lists some of them).
pub const ALL_CONTROLS: [&str; 13] = [
    "ref", "cut", "at", "kerf", "close", "slide", "tilt", "decl", "len", "mu", "pull", "tissue",
    "load",
];

/// Which of [`ALL_CONTROLS`] the page shows (a copy of what the view says, cheap to compare).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shown([bool; ALL_CONTROLS.len()]);

impl Shown {
    /// The controls `view` shows.
    pub fn of(view: &View) -> Self {
        Shown(ALL_CONTROLS.map(|k| view.shows_control(k)))
    }

    /// Only those of them named in `names` (a lesson's challenge).
    #[cfg(feature = "lessons")]
    pub fn only(self, names: &[String]) -> Self {
        let mut shown = self;
        for (k, on) in ALL_CONTROLS.iter().zip(shown.0.iter_mut()) {
            *on = *on && names.iter().any(|n| n == k);
        }
        shown
    }

    /// Whether the control with the query name `name` is shown.
    pub fn has(&self, name: &str) -> bool {
        ALL_CONTROLS
            .iter()
            .zip(self.0)
            .any(|(k, shown)| shown && *k == name)
    }

    fn any(&self, names: &[&str]) -> bool {
        names.iter().any(|n| self.has(n))
    }
}

/// The controls beside the drawing, for the present state (the controls edit it, even while an
/// animation frame is drawn). Each [`NumberControl`] takes its own value and range, so a step of
/// one slider re-renders that control (and those whose range follows it), not all of them.
pub fn controls_panel(
    present: State,
    shown: Shown,
    embed: bool,
    lang: Lang,
    dispatch: &Callback<Action>,
) -> Html {
    let control = |key: Key, label: Option<AttrValue>| {
        if shown.has(key.spec().name) {
            let (min, max) = present.range(key);
            html! {
                <NumberControl key_={key} value={present.get(key)} {min} {max}
                    dispatch={dispatch.clone()} {label} {lang} />
            }
        } else {
            html! {}
        }
    };
    // A group of plain controls under its legend, when any of them is shown.
    let group = |legend: Msg, keys: &[Key]| {
        if keys.iter().any(|k| shown.has(k.spec().name)) {
            html! {
                <fieldset>
                    <legend>{ tr(lang, legend) }</legend>
                    { for keys.iter().map(|&key| control(key, None)) }
                </fieldset>
            }
        } else {
            html! {}
        }
    };
    let cut_label = tr(
        lang,
        match present.reference {
            AngleReference::Shaft => Msg::ControlCutShaft,
            AngleReference::Ground => Msg::ControlCutGround,
        },
    );
    let onref = dispatch.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetReference(if input.value() == "ground" {
            AngleReference::Ground
        } else {
            AngleReference::Shaft
        })
    });
    let onload = dispatch.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetLoad(input.checked())
    });
    let onburr = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(d) = crate::numtext::parse_f64(&input.value()) {
                dispatch.emit(Action::Set(
                    Key::Kerf,
                    crate::model::cut::kerf_from_burr_mm(d),
                ));
            }
        })
    };
    html! {
        <aside class="panel" aria-label={tr(lang, Msg::StageControls)}>
            // autocomplete="off": the browser does not keep the controls' values with each history
            // entry (the URL holds the state), which makes each replaceState 2–4× cheaper.
            <form class="controls" autocomplete="off" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                if shown.any(&["ref", "cut", "at", "kerf"]) {
                <fieldset>
                    <legend>{ tr(lang, Msg::GroupCut) }</legend>
                    if shown.has("ref") {
                    <div class="reference" role="radiogroup" aria-label={tr(lang, Msg::ControlReference)}>
                        <label><input type="radio" name="ref" value="shaft" checked={present.reference == AngleReference::Shaft} onchange={onref.clone()} />{ " " }{ tr(lang, Msg::ControlReferenceShaft) }</label>
                        <label><input type="radio" name="ref" value="ground" checked={present.reference == AngleReference::Ground} onchange={onref} />{ " " }{ tr(lang, Msg::ControlReferenceGround) }</label>
                    </div>
                    }
                    { control(Key::Cut, Some(AttrValue::from(cut_label))) }
                    { control(Key::At, None) }
                    { control(Key::Kerf, None) }
                    if !embed {
                    <div class="control control-burr">
                        <label for="number-burr">{ tr(lang, Msg::ControlBurr) }<span class="assumption-tag" title={tr(lang, Msg::ControlBurrTitle)}>{ tr(lang, Msg::TagAssumption) }</span></label>
                        <div class="control-inputs">
                            <input type="number" id="number-burr" name="burr" min="1" max="6" step="0.1" placeholder="3.1" onchange={onburr} />
                            <span class="unit">{ "mm" }</span>
                        </div>
                    </div>
                    }
                </fieldset>
                }
                { group(Msg::GroupHead, &[Key::Close, Key::Slide, Key::Tilt]) }
                { group(Msg::GroupAnatomy, &[Key::Decl, Key::Len]) }
                if shown.any(&["mu", "pull", "tissue", "load"]) {
                <fieldset>
                    <legend>{ tr(lang, Msg::GroupLoads) }</legend>
                    if shown.has("load") {
                    <div class="control control-load">
                        <label title={tr(lang, Msg::ControlLoadTitle)}>
                            <input type="checkbox" name="load" checked={present.load} onchange={onload} />
                            { " " }{ tr(lang, Msg::ControlLoad) }
                            <span class="assumption-tag" title={tr(lang, Msg::TagTeachingModelTitle)}>{ tr(lang, Msg::TagTeachingModel) }</span>
                        </label>
                    </div>
                    }
                    { for [Key::Mu, Key::Pull, Key::Tissue].iter().map(|&key| control(key, None)) }
                </fieldset>
                }
            </form>
        </aside>
    }
}

/// The properties of a [`NumberControl`]: one state key, its value, its live range.
#[derive(Properties, PartialEq)]
pub struct NumberControlProps {
    /// The state key the controls set (`key` is taken by Yew).
    pub key_: Key,
    /// The key's value in the present state, and its range there.
    pub value: f64,
    /// Lower end of the key's live range.
    pub min: f64,
    /// Upper end of the key's live range.
    pub max: f64,
    /// Where the controls send their changes.
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

/// The value with its unit, at the displayed precision (decimal comma in French and Spanish,
/// the minus sign U+2212, a no-break space before the unit).
pub fn value_text(key: Key, value: f64, lang: Lang) -> String {
    let spec = key.spec();
    i18n::quantity(lang, value, spec.display_decimals, spec.unit)
}

/// One state key's labelled controls: a range input and a number input, both named by the key's
/// query name, with the value and unit in `aria-valuetext`.
#[component(NumberControl)]
pub fn number_control(props: &NumberControlProps) -> Html {
    let key = props.key_;
    let spec = key.spec();
    let (min, max, value) = (props.min, props.max, props.value);
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
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            match crate::numtext::parse_f64(input.value().trim()) {
                Some(v) if v.is_finite() => dispatch.emit(Action::Set(key, v)),
                // Not a number: show the current value again.
                _ => input.set_value(&format_number(value, spec.stored_decimals as usize)),
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
                    <span class="assumption-tag" title={tr(lang, Msg::TagAssumptionControl)}>{ tr(lang, Msg::TagAssumption) }</span>
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
                    aria-label={trf(lang, Msg::ControlNumber, &[("label", &label)])}
                    min={format_number(min, 4)} max={format_number(max, 4)}
                    step={format_number(spec.step, 4)}
                    value={format_number(value, spec.stored_decimals as usize)}
                    {onchange} />
                <span class="unit" id={hint_id}>{ if spec.unit.is_empty() { "" } else { spec.unit } }</span>
            </div>
        </div>
    }
}
