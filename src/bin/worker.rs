//! The page's web worker: holds the SQL engine (GlueSQL) and runs snippets off the UI
//! thread. It first says `ready`; then each message in is `[id, snippet text]` and each
//! message out `[id, that snippet's run report as JSON]` (`run_for_page`: the steps,
//! the error and the rows; the page draws the rest from its own analysis).
//! Built by Trunk from index.html (`data-type="worker"`), with the `engine` feature.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let responder = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let request = js_sys::Array::from(&event.data());
            let id = request.get(0);
            let code = request.get(1).as_string().unwrap_or_default();
            let clock = Box::new(|| js_sys::Date::now() as i64);
            let report = assoc_playground::run_for_page(&code, clock);
            let json = serde_json::to_string(&report).unwrap_or_else(|e| {
                format!(r#"{{"error":{{"name":"Error","message":"{e}"}},"steps":[]}}"#)
            });
            let answer = js_sys::Array::of2(&id, &JsValue::from_str(&json));
            let _ = responder.post_message(&answer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before this point were dropped: say when snippets can come.
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// The worker's first message: it is listening.
#[cfg(target_arch = "wasm32")]
const READY: &str = "ready";

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The worker is built for the browser by Trunk (see index.html).");
    std::process::exit(2);
}
