//! Actions on the state, with undo and redo. A run of changes to the same key (a slider drag)
//! is one undo step.
//!
//! It may import the state's keys and presets and the model's rays and angle references; never the
//! scene or the interface.

use super::{Key, Preset, State};
use crate::model::{AngleReference, Ray};

/// A change to the single-ray state, as a control, a shortcut or a button asks for it.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Set a numeric key (clamped and quantised).
    Set(Key, f64),
    /// Step a numeric key by `steps` fine steps (coarse with `coarse`).
    Step {
        /// The key to step.
        key: Key,
        /// How many steps, negative downward.
        steps: f64,
        /// Coarse steps (Shift+arrow) rather than fine ones.
        coarse: bool,
    },
    /// Switch to another ray, taking its default declination and axis length.
    SetRay(Ray),
    /// Measure the cut angle against another reference, keeping the physical cut.
    SetReference(AngleReference),
    /// Start from a preset on the current ray (keeping whether the head is shown under load).
    ApplyPreset(Preset),
    /// Show the head as left (false) or settled under body weight (true).
    SetLoad(bool),
    /// Back to the state the session started from.
    Reset,
    /// Step back to the state before the last change.
    Undo,
    /// Step forward again after an undo.
    Redo,
    /// Replace the whole state (a pasted link); one undo step.
    Replace(State),
}

/// The present state with its past and future.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    /// The current state.
    pub present: State,
    initial: State,
    past: Vec<State>,
    future: Vec<State>,
    /// The key of the last `Set`/`Step`, to merge a drag into one undo step.
    merging: Option<Key>,
}

/// Undo depth kept.
const MAX_UNDO: usize = 200;

impl History {
    /// A history starting at `initial`, with nothing to undo or redo.
    pub fn new(initial: State) -> Self {
        History {
            present: initial,
            initial,
            past: Vec::new(),
            future: Vec::new(),
            merging: None,
        }
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is an undone change to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// The state the session started from, which [`Action::Reset`] returns to.
    pub fn initial(&self) -> &State {
        &self.initial
    }

    fn commit(&mut self, next: State, merge_key: Option<Key>) {
        if next == self.present {
            return;
        }
        let merge = merge_key.is_some() && merge_key == self.merging;
        if !merge {
            self.past.push(self.present);
            if self.past.len() > MAX_UNDO {
                self.past.remove(0);
            }
        }
        self.future.clear();
        self.present = next;
        self.merging = merge_key;
    }

    /// Applies an action.
    pub fn apply(&mut self, action: Action) {
        let mut next = self.present;
        match action {
            Action::Set(key, value) => {
                next.set(key, value);
                self.commit(next, Some(key));
            }
            Action::Step { key, steps, coarse } => {
                let spec = key.spec();
                let step = if coarse { spec.coarse_step } else { spec.step };
                next.set(key, next.get(key) + steps * step);
                self.commit(next, Some(key));
            }
            Action::SetRay(ray) => {
                next.set_ray(ray);
                self.commit(next, None);
            }
            Action::SetReference(r) => {
                next.set_reference(r);
                self.commit(next, None);
            }
            // Under weight stays under weight: a lecture compares the presets loaded.
            Action::ApplyPreset(p) => self.commit(
                State {
                    load: next.load,
                    ..p.state(next.ray)
                },
                None,
            ),
            Action::SetLoad(load) => {
                next.load = load;
                self.commit(next, None);
            }
            Action::Reset => self.commit(self.initial, None),
            Action::Replace(s) => self.commit(s, None),
            Action::Undo => {
                if let Some(prev) = self.past.pop() {
                    self.future.push(self.present);
                    self.present = prev;
                }
                self.merging = None;
            }
            Action::Redo => {
                if let Some(next) = self.future.pop() {
                    self.past.push(self.present);
                    self.present = next;
                }
                self.merging = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drag_is_one_undo_step_and_redo_restores_it() {
        let mut h = History::new(State::default());
        for v in [46.0, 47.5, 50.0] {
            h.apply(Action::Set(Key::Cut, v));
        }
        h.apply(Action::Set(Key::Slide, -2.0));
        let end = h.present;
        h.apply(Action::Undo);
        assert_eq!(h.present.cut_deg, 50.0);
        assert_eq!(h.present.slide_mm, 0.0);
        h.apply(Action::Undo);
        assert_eq!(h.present, State::default());
        assert!(!h.can_undo());
        h.apply(Action::Redo);
        h.apply(Action::Redo);
        assert_eq!(h.present, end);
    }

    #[test]
    fn steps_and_reset() {
        let mut h = History::new(State::default());
        h.apply(Action::Step {
            key: Key::Cut,
            steps: 1.0,
            coarse: true,
        });
        assert_eq!(h.present.cut_deg, 50.0);
        h.apply(Action::ApplyPreset(Preset::Weil));
        assert_eq!(h.present.kerf_mm, 0.0);
        h.apply(Action::Reset);
        assert_eq!(h.present, State::default());
        h.apply(Action::Undo);
        assert_eq!(h.present, Preset::Weil.state(Ray::M2));
    }
}
