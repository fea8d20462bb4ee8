//! The bridge to the code editor (CodeMirror 6, `editor/src/main.js`): loads its script
//! after the first render, and tells it the code and the findings. Until the script
//! arrives (or if it never does) the page's textarea is the editor.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::diagnostic::{Diagnostic, Severity, Utf16Offsets};
use crate::report::KeyLink;

/// Adds the editor's script to the page (once).
pub fn load() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("editor-script").is_some() {
        return;
    }
    let Ok(script) = document.create_element("script") else {
        return;
    };
    script.set_id("editor-script");
    let _ = script.set_attribute("src", "./editor.js");
    let _ = script.set_attribute("async", "");
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}

/// `window.assocEditor`, once the editor has loaded.
fn editor() -> Option<JsValue> {
    let window = web_sys::window()?;
    let editor = js_sys::Reflect::get(&window, &"assocEditor".into()).ok()?;
    (!editor.is_undefined()).then_some(editor)
}

fn call(method: &str, argument: &JsValue) {
    let Some(editor) = editor() else { return };
    if let Ok(function) = js_sys::Reflect::get(&editor, &method.into()) {
        if let Some(function) = function.dyn_ref::<js_sys::Function>() {
            let _ = function.call1(&editor, argument);
        }
    }
}

/// The code changed outside the editor (an example, the form builder, a link).
pub fn sync(code: &str) {
    call("sync", &JsValue::from_str(code));
}

/// Underlines the findings, with their messages on hover.
pub fn show(code: &str, diagnostics: &[Diagnostic]) {
    let offsets = Utf16Offsets::new(code);
    let list = js_sys::Array::new();
    for d in diagnostics {
        let item = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(&item, &key.into(), &value);
        };
        set("from", (offsets.at(d.start) as u32).into());
        set("to", (offsets.at(d.end) as u32).into());
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        set("severity", severity.into());
        set("message", d.message.as_str().into());
        if let Some(hint) = &d.hint {
            set("hint", hint.as_str().into());
        }
        list.push(&item);
    }
    // Kept for an editor that arrives after this analysis.
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &"assocDiagnostics".into(), &list);
    }
    call("diagnostics", &list);
}

/// Tells the editor where each foreign key's association calls are, and which key is
/// pointed at (its calls are marked).
pub fn show_links(code: &str, links: &[KeyLink], focus: Option<&str>) {
    let offsets = Utf16Offsets::new(code);
    let list = js_sys::Array::new();
    for link in links {
        for call in &link.calls {
            let item = js_sys::Object::new();
            let set = |key: &str, value: JsValue| {
                let _ = js_sys::Reflect::set(&item, &key.into(), &value);
            };
            set("key", link.key.as_str().into());
            set("from", (offsets.at(call.start) as u32).into());
            set("to", (offsets.at(call.end) as u32).into());
            list.push(&item);
        }
    }
    let focus = focus.map_or(JsValue::NULL, JsValue::from_str);
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &"assocLinks".into(), &list);
        let _ = js_sys::Reflect::set(&window, &"assocFocus".into(), &focus);
    }
    call("links", &list);
}

/// Calls `point` with the key (or `None`) whenever the caret or the mouse in the editor
/// moves onto or off an association call; the editor says so with an `assoc-point`
/// event on the textarea.
pub fn on_point(point: impl Fn(Option<String>) + 'static) {
    let Some(area) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("code"))
    else {
        return;
    };
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            point(event.detail().as_string())
        });
    let _ = area.add_event_listener_with_callback("assoc-point", listener.as_ref().unchecked_ref());
    listener.forget();
}
