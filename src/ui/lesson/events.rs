//! The lesson page's events: the step's keys, the slide deck's messages (`osteoviz:lesson`,
//! `osteoviz:lesson-go`) and the other windows of the lesson (a `BroadcastChannel`).
//!
//! Part of the interface: it may import what its page imports ([`super`]).

use super::*;

/// Posts a message to the page around an embedded lesson (a slide deck).
fn tell_parent(fields: &[(&str, JsValue)]) {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    let message = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&message, &JsValue::from_str(k), v);
    }
    let _ = parent.post_message(&message, "*");
}

/// Whether a key goes to the lesson (`Some(forward)`): the slide deck's keys (the same as
/// osteoviz-embed.js's), unless the focus is in a control that takes them (a slider, a number,
/// a select, a text, the drag handle; for Space, also a button, a link or a summary, which it
/// presses). A button keeps the focus after a click: the clicker's page keys still step.
fn lesson_key(e: &web_sys::KeyboardEvent) -> Option<bool> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return None;
    }
    let key = e.key();
    let forward = match key.as_str() {
        "PageDown" | "ArrowRight" | "ArrowDown" | " " | "n" | "N" => true,
        "PageUp" | "ArrowLeft" | "ArrowUp" | "p" | "P" => false,
        _ => return None,
    };
    let taken = if key == " " {
        crate::ui::keys::focus_on(&["input", "select", "textarea", "button", "a", "summary"])
    } else {
        crate::ui::keys::focus_on(&["input", "select", "textarea"])
    };
    (!taken).then_some(forward)
}

/// The step's keys, the slide deck's messages and the other windows of the lesson.
#[hook]
pub(super) fn use_lesson_events(model: &UseReducerHandle<LessonModel>) {
    let page = model.dispatcher();
    let position = (model.step, model.steps());
    // Keys: before the App's own listener (which hands deck keys to the slide deck).
    {
        let page = page.clone();
        use_effect_with(position, move |&(step, steps)| {
            let listener =
                Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                    let Some(forward) = lesson_key(&e) else {
                        return;
                    };
                    let can = if forward { step + 1 < steps } else { step > 0 };
                    if can {
                        e.prevent_default();
                        e.stop_immediate_propagation();
                        page.dispatch(if forward {
                            LessonAction::Next
                        } else {
                            LessonAction::Previous
                        });
                    }
                });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback_and_bool(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                    true,
                );
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback_and_bool(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                        true,
                    );
                }
            }
        });
    }
    // The deck's clicker (osteoviz-embed.js): `{type: "osteoviz:lesson-go", by: ±1}`.
    {
        let page = page.clone();
        use_effect_with((), move |_| {
            let listener =
                Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                    let data = e.data();
                    let kind = Reflect::get(&data, &"type".into()).ok();
                    if kind.and_then(|k| k.as_string()).as_deref() != Some("osteoviz:lesson-go") {
                        return;
                    }
                    let by = Reflect::get(&data, &"by".into())
                        .ok()
                        .and_then(|b| b.as_f64())
                        .unwrap_or(0.0);
                    if by > 0.0 {
                        page.dispatch(LessonAction::Next);
                    } else if by < 0.0 {
                        page.dispatch(LessonAction::Previous);
                    }
                });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w
                    .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "message",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    // The other windows of this lesson (the presenter's and the projector's).
    let channel = use_memo((), |_| web_sys::BroadcastChannel::new(CHANNEL).ok());
    {
        let page = page.clone();
        let source = model.source.clone();
        let channel = channel.clone();
        use_effect_with(source, move |source| {
            let source = source.clone();
            let listener =
                Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                    let data = e.data();
                    let same = Reflect::get(&data, &"lesson".into())
                        .ok()
                        .and_then(|l| l.as_string())
                        .is_some_and(|l| l == source);
                    let step = Reflect::get(&data, &"step".into())
                        .ok()
                        .and_then(|s| s.as_f64());
                    if let (true, Some(step)) = (same, step) {
                        page.dispatch(LessonAction::Follow(step.max(0.0) as usize));
                    }
                });
            if let Some(c) = channel.as_ref() {
                c.set_onmessage(Some(listener.as_ref().unchecked_ref()));
            }
            move || {
                if let Some(c) = channel.as_ref() {
                    c.set_onmessage(None);
                }
                drop(listener);
            }
        });
    }
    // Say where the lesson is: to the URL, the deck around it and the other windows.
    {
        let query = model.query();
        let source = model.source.clone();
        use_effect_with(query, move |query| browser::replace_query(query));
        use_effect_with(position, move |(step, steps)| {
            tell_parent(&[
                ("type", "osteoviz:lesson".into()),
                ("step", (*step as f64 + 1.0).into()),
                ("steps", (*steps as f64).into()),
            ]);
        });
        // Only the user's moves, once each (not a window opening, nor a move it followed).
        let announce = model.announce.then_some(model.step);
        use_effect_with((model.nonce, announce), move |(_, announce)| {
            if let (Some(step), Some(c)) = (announce, channel.as_ref()) {
                let message = Object::new();
                let _ = Reflect::set(&message, &"lesson".into(), &source.into());
                let _ = Reflect::set(&message, &"step".into(), &(*step as f64).into());
                let _ = c.post_message(&message);
            }
        });
    }
}
