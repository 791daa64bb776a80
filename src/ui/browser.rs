//! Small browser services for a lecture: clipboard, fullscreen, downloads, PNG export, slide-deck
//! messages. Each degrades to a no-op (with a status text) where the browser refuses.
//!
//! Part of the interface: it imports no layer of the crate, only the browser's APIs (web-sys,
//! js-sys).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Copies text to the clipboard; false when the API is unavailable (e.g. `file://`).
pub fn copy_text(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let clipboard = w.navigator().clipboard();
    // The browser may refuse (the page has no focus, no permission).
    ignore_rejection(&clipboard.write_text(text));
    true
}

/// A promise the page does not wait on, its refusal handled: not an "Uncaught (in promise)"
/// error (found by tests/e2e/ui-fuzz.spec.ts).
fn ignore_rejection(promise: &js_sys::Promise) {
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
    let _ = promise.catch(&ignore);
    ignore.forget();
}

/// The page's URL query as the address bar has it (`?…`, or empty).
pub fn current_query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's full URL (with a query written by [`replace_query`] that is still pending).
pub fn location_href() -> String {
    flush_query();
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Writes the page's URL query (`history.replaceState`) once per interaction, not once per step.
/// Each write is costly beyond the page: Chromium's browser process spends about 6 ms of CPU on
/// it (a same-document navigation with its page state; traced on this project's 2-core bench
/// machine, where that CPU is taken from the page's next frame), and Chromium throttles pages
/// that write their history faster than a held key repeats. So while a pointer drags a slider
/// or a handle of the drawing, or a key is down on one, the query is kept; once released, it is
/// written when the state has rested for [`QUIET_MS`] (a run of key presses writes once, at its
/// end). Any other change (a button, a select, a number box) is written at once.
/// [`location_href`], the page being hidden or left, and the window losing the focus write a
/// pending query first.
///
/// The outcome summary (`#summary`, a polite live region) is `aria-busy` meanwhile: a screen
/// reader announces the outcome once the interaction has rested, not a sentence per step; and
/// a script (the end-to-end tests) waits for `#summary:not([aria-busy])` to read a settled URL.
struct QueryWriter {
    pending: std::cell::RefCell<Option<String>>,
    /// A pointer is down, or a key repeats, on a slider or a handle of the drawing.
    held: std::cell::Cell<bool>,
    /// The timeout that writes the query once the state has rested, while one is set.
    timer: std::cell::Cell<Option<i32>>,
    /// Keep the window's listeners and the timeout's callback alive.
    _listeners: [Closure<dyn FnMut(web_sys::Event)>; 3],
    rested: Closure<dyn FnMut()>,
}

/// How long the state rests after a drag or a key press before the URL is written.
pub const QUIET_MS: i32 = 300;

thread_local! {
    static QUERY_WRITER: QueryWriter = QueryWriter::new();
    static SUMMARY_BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether `e` (a pointer or a key pressed) changes the state until it is released: on a
/// slider or a handle of the drawing.
fn starts_drag(e: &web_sys::Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("[data-handle], input[type=range]").ok().flatten())
        .is_some()
}

/// Marks the live outcome summary busy (changing step by step) or settled (announce it now),
/// when that changes (a key repeating on a slider presses again and again).
fn set_summary_busy(busy: bool) {
    if SUMMARY_BUSY.with(|b| b.replace(busy)) == busy {
        return;
    }
    let summary = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("summary"));
    if let Some(s) = summary {
        let _ = if busy {
            s.set_attribute("aria-busy", "true")
        } else {
            s.remove_attribute("aria-busy")
        };
    }
}

impl QueryWriter {
    fn new() -> Self {
        let press = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
            if starts_drag(&e) {
                QUERY_WRITER.with(|w| {
                    w.held.set(true);
                    w.cancel_timer();
                });
                set_summary_busy(true);
            }
        });
        let release = Closure::<dyn FnMut(web_sys::Event)>::new(|_: web_sys::Event| {
            QUERY_WRITER.with(|w| {
                if w.held.replace(false) {
                    w.write_when_rested();
                }
            })
        });
        // Leaving the page, or its window: write now, whatever is pending.
        let leave = Closure::<dyn FnMut(web_sys::Event)>::new(|_: web_sys::Event| {
            QUERY_WRITER.with(|w| {
                w.held.set(false);
                w.settle();
            })
        });
        let rested = Closure::<dyn FnMut()>::new(|| {
            QUERY_WRITER.with(|w| {
                w.timer.set(None);
                if !w.held.get() {
                    w.settle();
                }
            })
        });
        if let Some(win) = window() {
            let listen = |name: &str, f: &Closure<dyn FnMut(web_sys::Event)>| {
                let _ = win.add_event_listener_with_callback_and_bool(
                    name,
                    f.as_ref().unchecked_ref(),
                    true,
                );
            };
            for name in ["pointerdown", "keydown"] {
                listen(name, &press);
            }
            for name in ["pointerup", "pointercancel", "keyup"] {
                listen(name, &release);
            }
            for name in ["blur", "pagehide", "visibilitychange"] {
                listen(name, &leave);
            }
        }
        QueryWriter {
            pending: Default::default(),
            held: Default::default(),
            timer: Default::default(),
            _listeners: [press, release, leave],
            rested,
        }
    }

    /// Writes the pending query [`QUIET_MS`] from now, unless a press comes first.
    fn write_when_rested(&self) {
        self.cancel_timer();
        let timer = window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                self.rested.as_ref().unchecked_ref(),
                QUIET_MS,
            )
            .ok()
        });
        match timer {
            Some(id) => self.timer.set(Some(id)),
            None => self.settle(),
        }
    }

    fn cancel_timer(&self) {
        if let (Some(id), Some(w)) = (self.timer.take(), window()) {
            w.clear_timeout_with_handle(id);
        }
    }

    /// The interaction is over: the URL written, the summary announced.
    fn settle(&self) {
        self.cancel_timer();
        self.write();
        set_summary_busy(false);
    }

    fn write(&self) {
        let Some(query) = self.pending.borrow_mut().take() else {
            return;
        };
        if let Some(history) = window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&query));
        }
    }
}

/// Sets the page's URL query (`replaceState`: no history entry), at once or, while a pointer or
/// a key is down on a slider or a handle, once the state has rested after its release (see
/// [`QueryWriter`]).
pub fn replace_query(query: &str) {
    QUERY_WRITER.with(|w| {
        *w.pending.borrow_mut() = Some(format!("?{query}"));
        if !w.held.get() && w.timer.get().is_none() {
            w.write();
        }
    });
}

/// Writes a pending [`replace_query`] now.
pub fn flush_query() {
    QUERY_WRITER.with(QueryWriter::settle);
}

/// Enters fullscreen on `element`, or leaves it.
pub fn toggle_fullscreen(element: Option<web_sys::Element>) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(e) = element.filter(|e| e.is_connected()) {
        // The browser serves the request later and refuses it if the element has left the
        // page by then (a lesson's next step replaced it): "Element is not connected".
        let request = Reflect::get(&e, &"requestFullscreen".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&e).ok())
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
        if let Some(promise) = request {
            ignore_rejection(&promise);
        }
    }
}

/// Whether the user asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// A call `ms` milliseconds from now, cancelled when dropped first.
pub struct Timeout {
    id: Option<i32>,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Calls `f` once, `ms` milliseconds from now (at once when the page has no timers).
    pub fn after(ms: i32, f: impl FnOnce() + 'static) -> Timeout {
        let mut f = Some(f);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = f.take() {
                f();
            }
        });
        let id = window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                ms,
            )
            .ok()
        });
        Timeout {
            id,
            _callback: callback,
        }
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let (Some(id), Some(w)) = (self.id, window()) {
            w.clear_timeout_with_handle(id);
        }
    }
}

/// The page's address without its query or fragment: the base of the links it makes.
pub fn page_address() -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Whether the page is as narrow as a phone's (style.css's phone layout, 520 px).
pub fn narrow_screen() -> bool {
    window()
        .and_then(|w| w.match_media("(max-width: 520px)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Sets the document's language (`<html lang>`, for screen readers, hyphenation and
/// translation tools) and its title.
pub fn set_document_language(code: &str, title: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", code);
    }
    document.set_title(title);
}

/// Marks the document's root with the theme and the text size (`data-theme="projector"`,
/// `data-text="150"`): the page's rem follows them (style.css), so every control and label of
/// the page grows with the text. Attributes on the root, not a `:has()` selector, which would
/// make each of the drawing's class changes check the whole document.
pub fn set_page_text(theme: &str, text_percent: u32) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", theme);
        let _ = root.set_attribute("data-text", &text_percent.to_string());
    }
}

/// Loads the page again at `?query` (the boot loader then picks the bundle it needs).
pub fn load_query(query: &str) {
    if let Some(location) = window().map(|w| w.location()) {
        let _ = location.set_search(query);
    }
}

/// The drawing's stylesheet as the page loaded it (the sheet whose first rule is `.scene`),
/// its rules as the browser writes them back; `None` when the page has none.
pub fn scene_stylesheet() -> Option<std::rc::Rc<str>> {
    let sheets = window()?.document()?.style_sheets();
    (0..sheets.length()).find_map(|i| {
        let sheet: web_sys::CssStyleSheet = sheets.item(i)?.dyn_into().ok()?;
        let rules = sheet.css_rules().ok()?;
        let first: web_sys::CssStyleRule = rules.item(0)?.dyn_into().ok()?;
        if first.selector_text() != ".scene" {
            return None;
        }
        let text: Vec<String> = (0..rules.length())
            .filter_map(|j| rules.item(j).map(|r| r.css_text()))
            .collect();
        Some(text.join("\n").into())
    })
}

/// The browser's preferred language tag.
pub fn browser_language() -> Option<String> {
    window().and_then(|w| w.navigator().language())
}

fn blob(content: &str, mime: &str) -> Option<Blob> {
    let parts = Array::of1(&JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// Offers a blob as a file download.
fn download_blob(blob: &Blob, file_name: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(file_name);
            a.click();
        }
    }
    let _ = Url::revoke_object_url(&url);
}

/// Downloads text as a file.
pub fn download_text(content: &str, mime: &str, file_name: &str) {
    if let Some(b) = blob(content, mime) {
        download_blob(&b, file_name);
    }
}

/// Rasterises a standalone SVG (whose width and height are the pixel size) to a PNG download.
pub fn download_png(svg: &str, width: u32, height: u32, transparent: bool, file_name: String) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(svg_blob) = blob(svg, "image/svg+xml") else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&svg_blob) else {
        return;
    };
    let Ok(image) = HtmlImageElement::new() else {
        return;
    };
    let canvas: Option<HtmlCanvasElement> = document
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into().ok());
    let Some(canvas) = canvas else { return };
    canvas.set_width(width);
    canvas.set_height(height);
    let img = image.clone();
    let onload = Closure::once(move || {
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        if let Some(ctx) = context {
            if !transparent {
                ctx.set_fill_style_str("#ffffff");
                ctx.fill_rect(0.0, 0.0, width as f64, height as f64);
            }
            let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &img,
                0.0,
                0.0,
                width as f64,
                height as f64,
            );
            let on_blob = Closure::once(move |b: JsValue| {
                if let Ok(b) = b.dyn_into::<Blob>() {
                    download_blob(&b, &file_name);
                }
            });
            let _ = canvas.to_blob(on_blob.as_ref().unchecked_ref());
            on_blob.forget();
        }
        let _ = Url::revoke_object_url(&url);
    });
    image.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    image.set_src(&Url::create_object_url_with_blob(&svg_blob).unwrap_or_default());
}

/// Sends a key to the window holding this page (a slide deck), as
/// `{ type: "osteoviz:key", key, code, shiftKey, altKey, ctrlKey, metaKey }`.
pub fn forward_key_to_parent(e: &web_sys::KeyboardEvent) -> bool {
    let Some(w) = window() else { return false };
    let Ok(Some(parent)) = w.parent() else {
        return false;
    };
    if parent == w {
        return false;
    }
    let message = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&message, &JsValue::from_str(k), &v);
    };
    set("type", "osteoviz:key".into());
    set("key", e.key().into());
    set("code", e.code().into());
    set("shiftKey", e.shift_key().into());
    set("altKey", e.alt_key().into());
    set("ctrlKey", e.ctrl_key().into());
    set("metaKey", e.meta_key().into());
    parent.post_message(&message, "*").is_ok()
}

/// Hands the keyboard back to the slide deck after a gesture inside the embedded drawing.
pub fn release_focus() {
    let Some(w) = window() else { return };
    if let Some(active) = w
        .document()
        .and_then(|d| d.active_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = active.blur();
    }
    if let Ok(Some(parent)) = w.parent() {
        if parent != w {
            let _ = parent.focus();
        }
    }
}
