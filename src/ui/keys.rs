//! The page's keyboard: shortcuts that work wherever the focus is (undo, redo, reset), and the
//! keys an embedded page hands to the slide deck around it.
//!
//! Part of the interface: it may import any layer below (here the state's actions).

use crate::state::Action;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// Whether the key is typed into text: a number or text input, or a text area (a lesson's
/// caption), where F, Ctrl+Z and the page keys are the text's.
pub(super) fn in_text_box(e: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = e.target() else {
        return false;
    };
    match target.dyn_into::<HtmlInputElement>() {
        Ok(i) => i.type_() == "number" || i.type_() == "text",
        Err(t) => t
            .dyn_into::<web_sys::Element>()
            .is_ok_and(|el| el.tag_name() == "TEXTAREA"),
    }
}

/// Shortcuts that work wherever the focus is: undo, redo, reset.
pub(super) fn shortcut(e: &web_sys::KeyboardEvent) -> Option<Action> {
    let ctrl = e.ctrl_key() || e.meta_key();
    if ctrl && !in_text_box(e) && e.code() == "KeyZ" {
        return Some(if e.shift_key() {
            Action::Redo
        } else {
            Action::Undo
        });
    }
    if ctrl && !in_text_box(e) && e.code() == "KeyY" {
        return Some(Action::Redo);
    }
    if e.alt_key() && !ctrl && e.code() == "KeyR" {
        return Some(Action::Reset);
    }
    None
}

/// In a slide deck, the keys the app does not use go to the deck: page keys, space, N and P,
/// and the arrows when no control has the focus.
pub(super) fn forwarded_to_deck(e: &web_sys::KeyboardEvent) -> bool {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return false;
    }
    let key = e.key();
    if matches!(
        key.as_str(),
        "PageDown" | "PageUp" | " " | "n" | "N" | "p" | "P"
    ) {
        return !in_text_box(e);
    }
    if key.starts_with("Arrow") {
        return !focus_on(&["input", "select", "button"]);
    }
    false
}

/// Whether the focused element is one of `tags` (lower case) or the drawing's drag handle.
pub(super) fn focus_on(tags: &[&str]) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|a| {
            tags.contains(&a.tag_name().to_ascii_lowercase().as_str())
                || a.has_attribute("data-handle")
        })
}
