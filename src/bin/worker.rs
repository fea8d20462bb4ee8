//! The page's web worker: holds the SQL engine (GlueSQL) and runs snippets off the UI
//! thread. It speaks `assoc_playground::protocol`: first `Answer::Ready`, then for each
//! `Request`, in order, the `Answer::Ran` with that snippet's run report
//! (`run_for_page`: the steps, the error and its place, the rows; the page draws the
//! rest from its own analysis).
//! Built by Trunk from index.html (`data-type="worker"`), with the `engine` feature.

#[cfg(target_arch = "wasm32")]
fn main() {
    use assoc_playground::protocol::{Answer, Request};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let responder = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            let answer = match Request::from_json(&text) {
                Ok(Request { code, files, entry }) => {
                    let clock = Box::new(|| js_sys::Date::now() as i64);
                    Answer::Ran(match files.is_empty() {
                        true => assoc_playground::run_for_page(&code, clock),
                        false => {
                            assoc_playground::run_project_for_page(&files, entry.as_deref(), clock)
                        }
                    })
                }
                Err(reason) => Answer::Failed(reason),
            };
            let _ = responder.post_message(&JsValue::from_str(&answer.to_json()));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before this point were dropped: say when snippets can come.
    let _ = scope.post_message(&JsValue::from_str(&Answer::Ready.to_json()));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The worker is built for the browser by Trunk (see index.html).");
    std::process::exit(2);
}
