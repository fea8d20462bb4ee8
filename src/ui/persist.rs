//! Keeping the learner's work: every change is saved to localStorage and written into
//! the address bar's fragment (debounced), so a reload or a copied link brings it back.
//! The only module of the page that touches storage, history and the clipboard.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::share::{encode, to_storage, Shared};

const SAVED: &str = "assoc-playground";
/// How long typing must pause before the address bar is rewritten.
const URL_DELAY_MS: i32 = 250;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved work's fragment, if any.
pub fn saved() -> Option<String> {
    storage()?.get_item(SAVED).ok()?
}

/// The page's fragment, `#…`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// A scheduled rewrite of the address bar: the timer's handle and its callback.
type PendingWrite = Option<(i32, Closure<dyn FnMut()>)>;

/// Saves now (unless `keep` is false: the code is a shared link opened over other saved
/// work); rewrites the address bar once typing pauses.
pub struct Saver {
    pending: Rc<RefCell<PendingWrite>>,
}

impl Default for Saver {
    fn default() -> Saver {
        Saver {
            pending: Rc::new(RefCell::new(None)),
        }
    }
}

impl Saver {
    pub fn save(&self, shared: &Shared, keep: bool) {
        let shared = shared.clone();
        if let Some(storage) = storage().filter(|_| keep) {
            let _ = storage.set_item(SAVED, &to_storage(&shared));
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some((handle, _)) = self.pending.borrow_mut().take() {
            window.clear_timeout_with_handle(handle);
        }
        // The link is compressed only once typing pauses.
        let write = Closure::<dyn FnMut()>::new(move || {
            if let Some(window) = web_sys::window() {
                if let Ok(history) = window.history() {
                    let _ = history.replace_state_with_url(
                        &JsValue::NULL,
                        "",
                        Some(&format!("#{}", encode(&shared))),
                    );
                }
            }
        });
        if let Ok(handle) = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            write.as_ref().unchecked_ref(),
            URL_DELAY_MS,
        ) {
            *self.pending.borrow_mut() = Some((handle, write));
        }
    }
}

/// The link to this playground as it is now.
pub fn link(shared: &Shared) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let base = location.href().unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default();
    format!("{base}#{}", encode(shared))
}

/// Copies `text` to the clipboard (the browser may refuse; the link is shown anyway).
pub fn copy(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// Calls `open` with the new fragment whenever the learner pastes a link to this page
/// into the address bar (the page stays; only `hashchange` tells). Our own
/// `replaceState` writes do not fire it.
pub fn on_link_pasted(open: impl Fn(String) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn FnMut()>::new(move || open(fragment()));
    window.set_onhashchange(Some(listener.as_ref().unchecked_ref()));
    listener.forget();
}
