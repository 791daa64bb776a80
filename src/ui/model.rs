//! The page's state as Yew holds it: [`AppModel`] (the osteotomy history, the view options, the
//! animations) and its actions ([`PageAction`], a `Reducible`), read from and written to the
//! URL query. Imports the state layer; no elements.

use super::browser;
use crate::state::animation::Animation;
use crate::state::query::{parse_query_with, Notice};
use crate::state::view::{Lang, Theme, View, VIEW_KEYS};
use crate::state::{Action, History, State};
use std::rc::Rc;
use yew::prelude::*;

/// Keys owned by other parts of the page (the forefoot plan), passed through the URL untouched.
pub const PASS_THROUGH_PREFIXES: [&str; 5] = ["plan", "edit", "m2.", "m3.", "m4."];

/// The page's state: the osteotomy history, the view options, the animation.
#[derive(Clone, Debug, PartialEq)]
pub struct AppModel {
    /// The osteotomy state, with undo and redo.
    pub history: History,
    /// The view options: theme, text scale, embedding, language.
    pub view: View,
    /// What the URL said that was changed on arrival (shown in the page's language).
    pub notices: Vec<Notice>,
    /// Pairs owned by other features, kept when the URL is rewritten.
    pub other: Vec<(String, String)>,
    /// The displacement animation: pre-operative position → current state → back.
    pub animation: Animation,
    /// "Put weight on it": as left → settled under body weight → back, once.
    pub weight: Animation,
    /// The `lang=` the page was loaded with: a bundle without that language does not load the
    /// page again for it (no loop).
    pub loaded_lang: Option<Lang>,
    /// A short status line (link copied, export written).
    pub status: Option<String>,
    /// The browser's language as the page loaded (read once: the page asks on every render).
    pub browser_lang: Option<Lang>,
    /// A lesson's move to its next step's state, while it lasts (whole app only).
    #[cfg(feature = "lessons")]
    pub transition: Option<crate::state::animation::Transition>,
    /// What the lesson's step does once the move ends (play, weigh).
    #[cfg(feature = "lessons")]
    pub then: Option<GoTo>,
}

/// A lesson's order to the [`super::App`]: go to `state` (animated unless the user prefers
/// reduced motion), then play the displacement or put weight on the head. A new `nonce` is a
/// new order, even to the same state.
#[cfg(feature = "lessons")]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GoTo {
    /// The state to go to.
    pub state: State,
    /// Play the displacement once there.
    pub play: bool,
    /// Put weight on the head once there.
    pub weight: bool,
    /// Tells two orders to the same state apart.
    pub nonce: u32,
}

/// What the page can do.
#[derive(Clone, Debug, PartialEq)]
pub enum PageAction {
    /// A change to the osteotomy state (one undo step, or part of a drag's).
    State(Action),
    /// Hide the notices about the URL.
    DismissNotices,
    /// The colour theme (kept in the URL as `theme=`).
    SetTheme(Theme),
    /// The state drawn beside the first (`compare=`), or none.
    SetCompare(Option<String>),
    /// Show the forces inset's key (`legend=`).
    SetLegend(bool),
    /// The text scale, one of [`crate::state::view::SCALES`] (kept in the URL as `scale=`).
    SetScale(f64),
    /// Play the displacement animation (or stop it).
    TogglePlay,
    /// Play the weight animation (or stop it).
    ToggleWeight,
    /// Whether the displacement animation starts again after each round trip.
    SetLooping(bool),
    /// The animation speed, one of [`crate::state::view::SPEEDS`].
    SetSpeed(f64),
    /// Seconds since the last animation frame.
    Tick(f64),
    /// Show a short status line (link copied, export written), or clear it.
    Status(Option<String>),
    /// The interface language (kept in the URL as `lang=`).
    SetLang(Lang),
    /// A lesson's step: move to its state, then play or weigh (whole app only).
    #[cfg(feature = "lessons")]
    GoTo(GoTo),
}

impl Reducible for AppModel {
    type Action = PageAction;

    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PageAction::State(a) => {
                next.history.apply(a);
                next.status = None;
            }
            PageAction::DismissNotices => next.notices.clear(),
            PageAction::SetTheme(t) => next.view.theme = t,
            PageAction::SetCompare(c) => next.view.compare = c,
            PageAction::SetLegend(on) => next.view.legend = on,
            PageAction::SetScale(s) => next.view.scale = s,
            PageAction::TogglePlay => next.animation.toggle(),
            PageAction::ToggleWeight => next.weight.toggle(),
            PageAction::SetLooping(l) => next.animation.looping = l,
            PageAction::SetSpeed(v) => next.animation.speed = v,
            PageAction::Tick(dt) => {
                next.animation.tick(dt);
                next.weight.tick(dt);
                #[cfg(feature = "lessons")]
                if let Some(t) = next.transition.as_mut() {
                    if !t.tick(dt) {
                        next.transition = None;
                        if let Some(go) = next.then.take() {
                            next.start_step_action(go);
                        }
                    }
                }
            }
            PageAction::Status(s) => next.status = s,
            PageAction::SetLang(l) => {
                next.view.lang = Some(l);
                next.status = None;
            }
            #[cfg(feature = "lessons")]
            PageAction::GoTo(go) => {
                let drawn = self.displayed();
                next.animation = next.animation.stopped();
                next.weight = next.weight.stopped();
                // Each step starts a history of its own: undo and reset stay on the step.
                next.history = History::new(go.state);
                // The move goes where the step's action starts: playing the displacement
                // starts before it (the head as the cut left it), weighing from the state.
                let start = if go.play {
                    go.state.displaced(0.0)
                } else {
                    go.state
                };
                next.transition = (!next.animation.reduced_motion && drawn != start)
                    .then(|| crate::state::animation::Transition::between(drawn, start));
                next.then = None;
                if next.transition.is_some() {
                    next.then = Some(go);
                } else {
                    next.start_step_action(go);
                }
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

pub(super) fn is_pass_through(key: &str) -> bool {
    PASS_THROUGH_PREFIXES
        .iter()
        .any(|p| key == p.trim_end_matches('.') || (p.ends_with('.') && key.starts_with(p)))
}

impl AppModel {
    /// The page as a URL query describes it (unknown and bad keys become notices).
    pub fn from_query(query: &str) -> Self {
        let pass_through: Vec<String> = crate::state::query::pairs(query)
            .into_iter()
            .map(|(k, _)| k)
            .filter(|k| is_pass_through(k))
            .collect();
        let mut known: Vec<&str> = VIEW_KEYS.to_vec();
        known.extend(pass_through.iter().map(|s| s.as_str()));
        let parsed = parse_query_with(query, &known);
        let (view_pairs, other): (Vec<_>, Vec<_>) = parsed
            .other
            .into_iter()
            .partition(|(k, _)| VIEW_KEYS.contains(&k.as_str()));
        #[allow(unused_mut)]
        let (mut view, view_notices) = View::from_pairs(&view_pairs);
        let mut notices = parsed.notices;
        notices.extend(view_notices);
        // A comparison that names no state: said, and not drawn.
        #[cfg(feature = "compare")]
        if let Some(value) = view.compare.take() {
            match crate::state::compare::compared_state(&value, parsed.state.ray) {
                Some(_) => view.compare = Some(value),
                None => notices.push(crate::state::Notice::InvalidValue {
                    key: "compare".into(),
                    value,
                }),
            }
        }
        let animation = Animation {
            playing: view.play,
            reduced_motion: browser::prefers_reduced_motion(),
            ..Default::default()
        };
        let loaded_lang = view.lang;
        AppModel {
            browser_lang: browser::browser_language().and_then(|t| Lang::from_tag(&t)),
            history: History::new(parsed.state),
            view,
            notices,
            other,
            weight: Animation {
                looping: false,
                ..animation
            }
            .stopped(),
            loaded_lang,
            animation,
            status: None,
            #[cfg(feature = "lessons")]
            transition: None,
            #[cfg(feature = "lessons")]
            then: None,
        }
    }

    /// A lesson step's action, once its move has ended.
    #[cfg(feature = "lessons")]
    fn start_step_action(&mut self, go: GoTo) {
        if go.play {
            self.animation.looping = false;
            self.animation.toggle();
        }
        if go.weight {
            self.weight.toggle();
        }
    }

    /// The URL query for the present state, view options and pass-through keys kept.
    pub fn query(&self) -> String {
        let mut q = crate::state::link::link_query(&self.history.present, &self.view);
        for (k, v) in self.other.iter() {
            q.push('&');
            q.push_str(k);
            q.push('=');
            q.push_str(v);
        }
        q
    }

    /// What is drawn: the present state, or a frame of the animation.
    pub fn displayed(&self) -> State {
        let present = self.history.present;
        #[cfg(feature = "lessons")]
        if let Some(t) = &self.transition {
            return t.frame();
        }
        self.animation
            .progress()
            .map_or(present, |p| present.displaced(p))
    }

    /// How far the drawn head is from where it was left (0) to settled under body weight (1):
    /// the weight animation's frame, else `load=`.
    pub fn load_fraction(&self) -> f64 {
        self.weight
            .progress()
            .unwrap_or(if self.history.present.load { 1.0 } else { 0.0 })
    }

    /// Whether something moves on its own (the clock must run).
    pub fn moving(&self) -> bool {
        #[cfg(feature = "lessons")]
        if self.transition.is_some() {
            return true;
        }
        self.animation.playing || self.weight.playing
    }

    /// The interface language: the URL's, else the browser's, else English.
    pub fn lang(&self) -> Lang {
        self.view.lang.or(self.browser_lang).unwrap_or_default()
    }
}
