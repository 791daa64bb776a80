//! Animation of the displacement: from the pre-operative position (no closure, slide or tilt)
//! to the current state and back, for a lecture. Pure: the page feeds it frame times.
//!
//! It may import the state and [`crate::numtext`]; never the scene or the interface.

use super::{State, KEYS};

/// Seconds to move one way at speed 1.
pub const TRAVEL_S: f64 = 1.6;
/// Seconds to pause at each end.
pub const HOLD_S: f64 = 0.8;

/// Where the animation is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Animation {
    /// Whether the animation runs; when it does not, the drawing shows the state as it is.
    pub playing: bool,
    /// Whether it starts again after a round trip; otherwise it stops at the pre-operative
    /// position.
    pub looping: bool,
    /// Multiple of the normal speed.
    pub speed: f64,
    /// 0..1 forward, 1..2 hold at the current state, 2..3 back, 3..4 hold before the motion.
    pub phase: f64,
    /// Show only the two end positions (the user prefers reduced motion).
    pub reduced_motion: bool,
}

impl Default for Animation {
    fn default() -> Self {
        Animation {
            playing: false,
            looping: true,
            speed: 1.0,
            phase: 0.0,
            reduced_motion: false,
        }
    }
}

/// Smooth start and stop.
fn ease(t: f64) -> f64 {
    let t = crate::numtext::clamp(t, 0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

impl Animation {
    /// The same settings, not playing.
    pub fn stopped(self) -> Self {
        Animation {
            playing: false,
            phase: 0.0,
            ..self
        }
    }

    /// Starts from the pre-operative position, or pauses.
    pub fn toggle(&mut self) {
        if self.playing {
            self.playing = false;
            self.phase = 0.0;
        } else {
            self.playing = true;
            self.phase = 0.0;
        }
    }

    /// Advances by `dt_s` seconds of wall time.
    pub fn tick(&mut self, dt_s: f64) {
        if !self.playing || !dt_s.is_finite() || dt_s <= 0.0 {
            return;
        }
        // A frame never jumps more than a quarter second (a tab in the background).
        let dt = dt_s.min(0.25) * self.speed.max(0.05);
        let length = if self.phase < 1.0 || (2.0..3.0).contains(&self.phase) {
            TRAVEL_S
        } else {
            HOLD_S
        };
        self.phase += dt / length;
        if self.phase >= 4.0 {
            if self.looping {
                self.phase -= 4.0;
            } else {
                self.playing = false;
                self.phase = 0.0;
            }
        }
    }

    /// How far the head is along its displacement (0 before, 1 at the current state), or
    /// `None` when the animation is not playing (show the state as it is).
    pub fn progress(&self) -> Option<f64> {
        if !self.playing {
            return None;
        }
        let p = match self.phase {
            x if x < 1.0 => ease(x),
            x if x < 2.0 => 1.0,
            x if x < 3.0 => 1.0 - ease(x - 2.0),
            _ => 0.0,
        };
        Some(if self.reduced_motion { p.round() } else { p })
    }
}

/// Seconds a lesson takes to move from one step's state to the next.
pub const TRANSITION_S: f64 = 0.7;

/// A move from one state to another (a lesson's next step): where it started, where it goes
/// and how long ago it began.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transition {
    /// The state drawn when the move began.
    pub from: State,
    /// The state it ends on.
    pub to: State,
    /// Seconds since it began.
    pub elapsed_s: f64,
}

impl Transition {
    /// A move from `from` to `to`.
    pub fn between(from: State, to: State) -> Self {
        Transition {
            from,
            to,
            elapsed_s: 0.0,
        }
    }

    /// Advances by `dt_s` seconds; `false` once the move is over.
    pub fn tick(&mut self, dt_s: f64) -> bool {
        if dt_s.is_finite() && dt_s > 0.0 {
            self.elapsed_s += dt_s.min(0.25);
        }
        self.elapsed_s < TRANSITION_S
    }

    /// The state drawn now.
    pub fn frame(&self) -> State {
        self.from
            .between(&self.to, ease(self.elapsed_s / TRANSITION_S))
    }
}

impl State {
    /// The state a fraction `t` (0 to 1) of the way from `self` to `to`: every number in
    /// between, the cut measured against `to`'s reference, `to`'s ray, load and reference. Another
    /// ray is not a motion: the result is `to`.
    pub fn between(&self, to: &State, t: f64) -> State {
        if self.ray != to.ray || t >= 1.0 {
            return *to;
        }
        let mut from = *self;
        if from.reference != to.reference {
            from.set_reference(to.reference);
        }
        let t = crate::numtext::clamp(t, 0.0, 1.0);
        let mut s = *to;
        for spec in &KEYS {
            let (a, b) = (from.get(spec.key), to.get(spec.key));
            // Not quantised: a frame, not a state to keep.
            *s.slot(spec.key) = a + (b - a) * t;
        }
        s
    }

    /// The state with the head fragment's motion scaled by `progress` (0: before the motion).
    pub fn displaced(&self, progress: f64) -> State {
        let p = crate::numtext::clamp(progress, 0.0, 1.0);
        State {
            close_mm: self.close_mm * p,
            slide_mm: self.slide_mm * p,
            tilt_deg: self.tilt_deg * p,
            ..*self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plays_there_and_back_then_stops() {
        let mut a = Animation {
            looping: false,
            ..Default::default()
        };
        assert_eq!(a.progress(), None);
        a.toggle();
        assert_eq!(a.progress(), Some(0.0));
        for _ in 0..40 {
            a.tick(0.02);
        }
        approx::assert_abs_diff_eq!(a.progress().unwrap(), 0.5, epsilon = 0.02);
        // The rest of the cycle (2·travel + 2·hold = 4.8 s).
        for _ in 0..250 {
            a.tick(0.02);
        }
        assert!(!a.playing);
        assert_eq!(a.progress(), None);
    }

    #[test]
    fn reduced_motion_jumps_between_the_ends() {
        let mut a = Animation {
            reduced_motion: true,
            ..Default::default()
        };
        a.toggle();
        a.tick(0.2);
        assert_eq!(a.progress(), Some(0.0));
        for _ in 0..5 {
            a.tick(0.25);
        }
        assert_eq!(a.progress(), Some(1.0));
    }

    #[test]
    fn a_transition_moves_every_number_and_ends_on_the_target() {
        let from = State::default();
        let to = State {
            at_mm: from.at_mm + 10.0,
            slide_mm: -2.0,
            ..from
        };
        let mut t = Transition::between(from, to);
        assert_eq!(t.frame(), from);
        assert!(t.tick(TRANSITION_S / 4.0) && t.tick(TRANSITION_S / 4.0));
        let mid = t.frame();
        approx::assert_abs_diff_eq!(mid.at_mm, from.at_mm + 5.0, epsilon = 1e-9);
        approx::assert_abs_diff_eq!(mid.slide_mm, -1.0, epsilon = 1e-9);
        assert!(t.tick(TRANSITION_S / 4.0) && !t.tick(TRANSITION_S / 4.0));
        assert_eq!(t.frame(), to);
        // Another ray is a jump.
        let other = State {
            ray: crate::model::Ray::M3,
            ..to
        };
        assert_eq!(from.between(&other, 0.3), other);
    }

    #[test]
    fn displaced_state_scales_the_motion_only() {
        let s = State {
            slide_mm: -2.0,
            ..State::default()
        };
        let half = s.displaced(0.5);
        assert_eq!(half.close_mm, 1.3);
        assert_eq!(half.slide_mm, -1.0);
        assert_eq!(half.cut_deg, s.cut_deg);
        assert_eq!(s.displaced(1.0), s);
    }
}
