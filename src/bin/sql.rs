//! The SQL engine's WebAssembly (GlueSQL, with the `engine` feature), built by Trunk
//! (see index.html) and loaded only by the page's worker, beside the playground's own
//! module: it keeps the worker's stores and answers their calls in the wire format of
//! `runtime::store::wire`. On its own so that the page's first bundle, which the worker
//! reuses, never carries GlueSQL.

#[cfg(target_arch = "wasm32")]
mod browser {
    use assoc_playground::runtime::store::{self, Store};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    thread_local! {
        /// The open stores, by number; a closed one leaves its slot empty.
        static STORES: RefCell<Vec<Option<Store>>> = const { RefCell::new(Vec::new()) };
    }

    /// Opens an empty store and gives its number.
    #[wasm_bindgen]
    pub fn open() -> u32 {
        STORES.with_borrow_mut(|stores| {
            stores.push(Some(Store::default()));
            (stores.len() - 1) as u32
        })
    }

    /// Answers one call of the wire format on store `store`.
    #[wasm_bindgen]
    pub fn call(store: u32, request: &[u8]) -> Vec<u8> {
        STORES.with_borrow_mut(|stores| match stores.get_mut(store as usize) {
            Some(Some(store)) => store.serve(request),
            _ => store::failure("the SQL engine's store was closed"),
        })
    }

    #[wasm_bindgen]
    pub fn close(store: u32) {
        STORES.with_borrow_mut(|stores| {
            if let Some(slot) = stores.get_mut(store as usize) {
                *slot = None;
            }
        });
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The SQL engine's module is built for the browser by Trunk (see index.html).");
    std::process::exit(2);
}
