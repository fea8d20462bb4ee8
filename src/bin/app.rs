//! The playground's WebAssembly, built for wasm32 by Trunk (see index.html). The page
//! loads it to draw itself; the page's worker (`www/worker.js`) loads the same file,
//! from the browser's cache, to run snippets: [`serve_runs`], with the SQL engine of
//! `src/bin/sql.rs` beside it.

#[cfg(target_arch = "wasm32")]
mod browser {
    use assoc_playground::protocol::{Answer, Request};
    use assoc_playground::runtime::store::{self, Connection};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    // The SQL engine's module (`src/bin/sql.rs`), which the worker puts at `assocSql`.
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = assocSql, js_name = open)]
        fn sql_open() -> u32;
        #[wasm_bindgen(js_namespace = assocSql, js_name = call)]
        fn sql_call(store: u32, request: &[u8]) -> Vec<u8>;
        #[wasm_bindgen(js_namespace = assocSql, js_name = close)]
        fn sql_close(store: u32);
    }

    /// One store of the SQL engine's module.
    struct EngineModule(u32);

    impl Connection for EngineModule {
        fn call(&mut self, request: &[u8]) -> Vec<u8> {
            sql_call(self.0, request)
        }
    }

    impl Drop for EngineModule {
        fn drop(&mut self) {
            sql_close(self.0);
        }
    }

    /// The worker: answers each `Request` (in order) with the `Answer::Ran` of that
    /// snippet's run report, after saying `Answer::Ready`.
    #[wasm_bindgen]
    pub fn serve_runs() {
        store::connect_with(Some(|| Box::new(EngineModule(sql_open()))));
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let responder = scope.clone();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let text = event.data().as_string().unwrap_or_default();
                let answer = match Request::from_json(&text) {
                    Ok(Request {
                        code,
                        files,
                        entry,
                        dialect,
                    }) => {
                        let clock = Box::new(|| js_sys::Date::now() as i64);
                        Answer::Ran(match files.is_empty() {
                            true => assoc_playground::run_for_page(&code, clock, dialect),
                            false => assoc_playground::run_project_for_page(
                                &files,
                                entry.as_deref(),
                                clock,
                                dialect,
                            ),
                        })
                    }
                    Err(reason) => Answer::Failed(reason),
                };
                let _ = responder.post_message(&JsValue::from_str(&answer.to_json()));
            },
        );
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Messages sent before this point were dropped: say when snippets can come.
        let _ = scope.post_message(&JsValue::from_str(&Answer::Ready.to_json()));
    }
}

/// The page draws itself; in the worker, which loads the same module, nothing happens
/// until the worker's script calls `serve_runs`.
#[cfg(target_arch = "wasm32")]
fn main() {
    if web_sys::window().is_some() {
        yew::Renderer::<assoc_playground::ui::App>::new().render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The page is built for the browser: run scripts/serve.sh (trunk serve).");
    std::process::exit(2);
}
