//! The bridge to the code editor (CodeMirror 6, `editor/src/main.js`): loads its script
//! after the first render, and tells it the code and the findings. Until the script
//! arrives (or if it never does) the page's textarea is the editor.
//!
//! Lists go over as one JSON text each (one call, one `JSON.parse`), not as objects
//! built field by field across the boundary: it runs on every keystroke.

use serde::Serialize;
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

fn call(method: &str, arguments: &[JsValue]) {
    let Some(editor) = editor() else { return };
    if let Ok(function) = js_sys::Reflect::get(&editor, &method.into()) {
        if let Some(function) = function.dyn_ref::<js_sys::Function>() {
            let arguments: js_sys::Array = arguments.iter().collect();
            let _ = function.apply(&editor, &arguments);
        }
    }
}

/// Keeps `value` on `window` for an editor that arrives after it was sent.
fn keep(name: &str, value: &JsValue) {
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &name.into(), value);
    }
}

/// The code changed outside the editor (an example, the form builder, a link).
pub fn sync(code: &str) {
    call("sync", &[JsValue::from_str(code)]);
}

#[derive(Serialize)]
struct Finding<'a> {
    from: usize,
    to: usize,
    severity: &'static str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<&'a str>,
}

/// Underlines the findings, with their messages on hover.
pub fn show(code: &str, diagnostics: &[Diagnostic]) {
    let offsets = Utf16Offsets::new(code);
    let findings: Vec<Finding> = diagnostics
        .iter()
        .map(|d| Finding {
            from: offsets.at(d.start),
            to: offsets.at(d.end),
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "note",
            },
            message: &d.message,
            hint: d.hint.as_deref(),
        })
        .collect();
    let json = JsValue::from_str(&serde_json::to_string(&findings).unwrap_or_default());
    keep("assocDiagnostics", &json);
    call("diagnostics", &[json]);
}

#[derive(Serialize)]
struct Call<'a> {
    key: &'a str,
    from: usize,
    to: usize,
}

/// Tells the editor where each foreign key's association calls are, and which key is
/// pointed at (its calls are marked).
pub fn show_links(
    code: &str,
    links: &[KeyLink],
    focus: Option<&str>,
    within: Option<std::ops::Range<usize>>,
) {
    let offsets = Utf16Offsets::new(code);
    // A project's calls are offsets into its one text: those of the shown file, moved.
    let within = within.unwrap_or(0..usize::MAX);
    let calls: Vec<Call> = links
        .iter()
        .flat_map(|link| {
            link.calls
                .iter()
                .filter(|call| within.contains(&call.start))
                .map(|call| Call {
                    key: &link.key,
                    from: offsets.at(call.start - within.start),
                    to: offsets.at(call.end - within.start),
                })
        })
        .collect();
    let json = JsValue::from_str(&serde_json::to_string(&calls).unwrap_or_default());
    let focus = focus.map_or(JsValue::NULL, JsValue::from_str);
    keep("assocLinks", &json);
    keep("assocFocus", &focus);
    call("links", &[json, focus]);
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

/// Selects bytes `start..end` of `code` in the editor, scrolled into view, and focuses
/// it: where an error of the Run panel or a problem is. Before the editor arrives, the
/// textarea does the same.
pub fn reveal(code: &str, start: usize, end: usize) {
    let offsets = Utf16Offsets::new(code);
    let (from, to) = (offsets.at(start), offsets.at(end));
    if editor().is_some() {
        call(
            "select",
            &[JsValue::from(from as u32), JsValue::from(to as u32)],
        );
        return;
    }
    let area = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("code"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    if let Some(area) = area {
        let _ = area.focus();
        let _ = area.set_selection_range(from as u32, to as u32);
    }
}
