//! Keeping the learner's work: every change is saved to localStorage and written into
//! the address bar's fragment (once typing pauses, or when the page is left), so a
//! reload or a copied link brings it back.
//! The only module of the page that touches storage, history and the clipboard.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::share::{encode, to_storage, Shared};

const SAVED: &str = "assoc-playground";
/// How long typing must pause before the work is saved and the address bar rewritten.
const WRITE_DELAY_MS: i32 = 250;

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

/// The write waiting for typing to pause: its timer, and the work itself.
struct PendingWrite {
    timer: i32,
    write: Box<dyn FnOnce()>,
}

type Pending = Rc<RefCell<Option<PendingWrite>>>;

/// Saves the work to localStorage (unless `keep` is false: the code is a shared link
/// opened over other saved work) and into the address bar, once typing pauses, or at
/// once when the page is left or hidden (a reload, a closed tab): a save on every key
/// cost each key ~0.5 ms on a long snippet.
pub struct Saver {
    pending: Pending,
}

impl Default for Saver {
    fn default() -> Saver {
        let pending: Pending = Rc::new(RefCell::new(None));
        if let Some(window) = web_sys::window() {
            let flush = {
                let pending = pending.clone();
                Closure::<dyn FnMut()>::new(move || write_now(&pending))
            };
            let _ =
                window.add_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
            if let Some(document) = window.document() {
                let _ = document.add_event_listener_with_callback(
                    "visibilitychange",
                    flush.as_ref().unchecked_ref(),
                );
            }
            flush.forget();
        }
        Saver { pending }
    }
}

/// Does the pending write, if any, now.
fn write_now(pending: &Pending) {
    let Some(PendingWrite { timer, write }) = pending.borrow_mut().take() else {
        return;
    };
    if let Some(window) = web_sys::window() {
        window.clear_timeout_with_handle(timer);
    }
    write();
}

impl Saver {
    pub fn save(&self, shared: &Shared, keep: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(PendingWrite { timer, .. }) = self.pending.borrow_mut().take() {
            window.clear_timeout_with_handle(timer);
        }
        let shared = shared.clone();
        let write = move || {
            if let Some(storage) = storage().filter(|_| keep) {
                let _ = storage.set_item(SAVED, &to_storage(&shared));
            }
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = history.replace_state_with_url(
                    &JsValue::NULL,
                    "",
                    Some(&format!("#{}", encode(&shared))),
                );
            }
        };
        let pending = self.pending.clone();
        let timer = Closure::once_into_js(move || write_now(&pending));
        if let Ok(timer) = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            timer.unchecked_ref(),
            WRITE_DELAY_MS,
        ) {
            *self.pending.borrow_mut() = Some(PendingWrite {
                timer,
                write: Box::new(write),
            });
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
