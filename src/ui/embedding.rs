//! The page inside another page: its height reported to the parent whenever it changes
//! (so the iframe fits it), once the page has settled, and the postMessage API a
//! hosting page drives it with — `setCode`, `run`, `getState` — with every message
//! checked for shape and size, and replies sent only to the sender's origin.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::MessageEvent;

/// How long the first height may wait for the page to settle.
const SETTLE_MS: i32 = 4000;

thread_local! {
    /// Until the page has settled, the iframe keeps the height embed.js reserved for it.
    /// A height sent before (the panels drawn but the editor not yet there, a run on
    /// load not yet answered) would be undone a moment later, and move the hosting
    /// page twice.
    static WAITING: Cell<Waiting> = const { Cell::new(Waiting { editor: true, run: false }) };
}

#[derive(Clone, Copy)]
struct Waiting {
    editor: bool,
    run: bool,
}

/// The longest code a hosting page may send.
const MAX_CODE: usize = 100_000;

/// A request from the hosting page, after checking.
pub enum Request {
    SetCode(String),
    Run,
    GetState,
}

fn read_request(data: &JsValue) -> Option<Request> {
    if !data.is_object() {
        return None;
    }
    let field = |name: &str| js_sys::Reflect::get(data, &JsValue::from_str(name)).ok();
    let kind = field("type")?.as_string()?;
    match kind.as_str() {
        "setCode" => {
            let code = field("code")?.as_string()?;
            (code.len() <= MAX_CODE).then_some(Request::SetCode(code))
        }
        "run" => Some(Request::Run),
        "getState" => Some(Request::GetState),
        _ => None,
    }
}

/// Tells the parent page how tall the playground is whenever that changes (an edit, a
/// run's result, a panel or the editor arriving), from the moment it has settled: the
/// editor has arrived and, with `run_on_load`, the run has answered (or
/// [`SETTLE_MS`] have passed). A `ResizeObserver` on `<html>`, whose box is as tall as
/// the content (its `scrollHeight` would never go below the iframe's own height, so an
/// embed could grow but never shrink).
pub fn observe_height(run_on_load: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !matches!(window.parent(), Ok(Some(parent)) if parent != window) {
        return;
    }
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    WAITING.set(Waiting {
        editor: true,
        run: run_on_load,
    });
    super::after(SETTLE_MS, || {
        WAITING.set(Waiting {
            editor: false,
            run: false,
        });
        post_root_height();
    });
    // Built through Reflect: web-sys's ResizeObserver binding is a feature the page
    // does not otherwise need.
    let Ok(constructor) = js_sys::Reflect::get(&window, &"ResizeObserver".into()) else {
        return;
    };
    let Some(constructor) = constructor.dyn_ref::<js_sys::Function>() else {
        return;
    };
    let changed = Closure::<dyn FnMut()>::new(post_root_height);
    let arguments = js_sys::Array::of1(changed.as_ref());
    let Ok(observer) = js_sys::Reflect::construct(constructor, &arguments) else {
        return;
    };
    changed.forget();
    if let Ok(observe) = js_sys::Reflect::get(&observer, &"observe".into()) {
        if let Some(observe) = observe.dyn_ref::<js_sys::Function>() {
            let _ = observe.call1(&observer, &root);
        }
    }
}

/// The run on load has answered: the height may go out once the editor is there too.
pub fn run_settled() {
    let waiting = WAITING.get();
    if waiting.run {
        WAITING.set(Waiting {
            run: false,
            ..waiting
        });
        post_root_height();
    }
}

fn post_root_height() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let mut waiting = WAITING.get();
    // The editor (editor/src/main.js) marks its arrival on <html>.
    if waiting.editor && root.has_attribute("data-editor") {
        waiting.editor = false;
        WAITING.set(waiting);
    }
    if !waiting.editor && !waiting.run {
        post_height(&root);
    }
}

fn post_height(root: &web_sys::Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    // Fractional pixels rounded up, or the frame would scroll by one.
    let rect = js_sys::Reflect::get(root, &"getBoundingClientRect".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(root).ok());
    let Some(height) = rect
        .and_then(|r| js_sys::Reflect::get(&r, &"height".into()).ok())
        .and_then(|h| h.as_f64())
    else {
        return;
    };
    let height = height.ceil();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"assoc-playground:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
    // A height is no secret: any parent may know it.
    let _ = parent.post_message(&message, "*");
}

/// A reply to the window that asked, at its origin only.
pub fn reply(event: &MessageEvent, fields: &[(&str, JsValue)]) {
    let Some(source) = event.source() else { return };
    // The sender is another window (a WindowProxy from another realm, so `instanceof
    // Window` is false here): call it without the check.
    let target: web_sys::Window = source.unchecked_into();
    let message = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), value);
    }
    let _ = target.post_message(&message, &event.origin());
}

/// Calls `handle` for each well-formed request a hosting page sends.
pub fn listen(handle: impl Fn(Request, &MessageEvent) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(request) = read_request(&event.data()) {
            handle(request, &event);
        }
    });
    window.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    listener.forget();
}
