//! The project's files on the page: the tabs above the editor (choose, add, rename,
//! delete, the file that runs), the file and folder pickers, and files dropped on the
//! page. The browser reads what was dropped (`editor/src/files.js`); what becomes of it
//! is [`crate::project::from_upload`]'s to decide.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use crate::project::{entry_file, from_upload, Upload};
use crate::state::Action;

#[derive(Properties, Clone, PartialEq)]
pub struct FileTabsProps {
    /// The files' paths in tab order; empty for a one-file snippet.
    pub paths: Vec<String>,
    pub active: usize,
    /// The file the learner chose to run, if any.
    pub entry: Option<String>,
    pub problem: Option<String>,
    pub dispatch: Callback<Action>,
}

#[function_component(FileTabs)]
pub fn file_tabs(props: &FileTabsProps) -> Html {
    let dispatch = &props.dispatch;
    let on_add = dispatch.reform(|_: MouseEvent| Action::AddFile);
    let on_open = dispatch.clone();
    // Buttons open the (hidden, untabbable) file inputs: a label is no keyboard control.
    let pickers = html! {
        <span class="file-pickers">
            <button class="quiet" id="open-files-button" onclick={click("open-files")}
                title="JavaScript and JSON files, or a .zip of a project">{ "Open files…" }</button>
            <input type="file" id="open-files" class="visually-hidden" multiple=true tabindex="-1"
                aria-hidden="true" accept=".js,.cjs,.mjs,.json,.zip" onchange={picked(on_open.clone())} />
            <button class="quiet" id="open-folder-button" onclick={click("open-folder")}
                title="A project's folder (node_modules is left out)">{ "Open folder…" }</button>
            <input type="file" id="open-folder" class="visually-hidden" webkitdirectory=true tabindex="-1"
                aria-hidden="true" onchange={picked(on_open)} />
        </span>
    };
    if props.paths.is_empty() {
        return html! {
            <div class="files single" id="files">
                <button id="add-file" class="quiet" onclick={on_add}
                    title="Make this snippet a project of several files">{ "+ File" }</button>
                { pickers }
                <span class="drop-hint">{ "or drop a folder, files or a .zip here" }</span>
            </div>
        };
    }
    let paths: Vec<&str> = props.paths.iter().map(String::as_str).collect();
    let runs = entry_file(&paths, props.entry.as_deref());
    let active_path = props.paths.get(props.active).cloned().unwrap_or_default();
    html! {
        <div class="files" id="files">
            <div class="file-tabs" role="tablist" aria-label="Files">
                { for props.paths.iter().enumerate().map(|(i, path)| {
                    let selected = i == props.active;
                    html! {
                        <button role="tab" id={format!("file-tab-{i}")} class="file-tab"
                            aria-selected={selected.to_string()}
                            onclick={dispatch.reform(move |_: MouseEvent| Action::SelectFile(i))}
                            onkeydown={arrow_keys(i, props.paths.len(), dispatch.clone())}
                            title={(i == runs).then_some("This file runs")}
                            aria-label={(i == runs).then(|| format!("{path} (runs)"))}>
                            { path }
                            if i == runs { <span class="runs-mark" aria-hidden="true">{ " ▶" }</span> }
                        </button>
                    }
                }) }
            </div>
            <div class="file-tools">
                <button id="add-file" class="quiet" onclick={on_add} title="Add a file">{ "+ File" }</button>
                <label>{ "Name " }
                    // Keyed by the file: switching tabs shows that file's name.
                    <input id="file-name" key={format!("{}:{active_path}", props.active)} value={active_path.clone()}
                        spellcheck="false" onchange={renamed(props.active, dispatch.clone())} />
                </label>
                <label>{ "Runs " }
                    <select id="entry" onchange={entry_chosen(dispatch.clone())}>
                        <option value="" selected={props.entry.is_none()}>
                            { format!("as Node would ({})", paths[entry_file(&paths, None)]) }
                        </option>
                        { for props.paths.iter().map(|p| html! {
                            <option value={p.clone()} selected={props.entry.as_deref() == Some(p.as_str())}>{ p }</option>
                        }) }
                    </select>
                </label>
                <button id="delete-file" class="quiet" onclick={dispatch.reform({
                    let index = props.active;
                    move |_: MouseEvent| Action::DeleteFile(index)
                })}>{ format!("Delete {active_path}") }</button>
                { pickers }
            </div>
            if let Some(problem) = &props.problem {
                <p class="file-problem" id="file-problem" role="alert">{ format!("Not renamed: {problem}.") }</p>
            }
        </div>
    }
}

/// The tabs' arrow keys (and Home, End): the next file is shown and its tab focused, as
/// a tab list's keys do.
fn arrow_keys(index: usize, count: usize, dispatch: Callback<Action>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        let next = match e.key().as_str() {
            "ArrowRight" => (index + 1) % count,
            "ArrowLeft" => (index + count - 1) % count,
            "Home" => 0,
            "End" => count - 1,
            _ => return,
        };
        e.prevent_default();
        dispatch.emit(Action::SelectFile(next));
        focus_later(format!("file-tab-{next}"));
    })
}

/// Focuses the element `id` once the page has drawn the change that made it current.
fn focus_later(id: String) {
    super::after(0, move || {
        if let Some(element) = element(&id) {
            let _ = element.focus();
        }
    });
}

/// Clicks the element `id` (a hidden file input).
fn click(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        if let Some(input) = element(id) {
            input.click();
        }
    })
}

/// The page's element `id`.
fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

fn renamed(index: usize, dispatch: Callback<Action>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        dispatch.emit(Action::RenameFile {
            index,
            path: input.value(),
        });
    })
}

fn entry_chosen(dispatch: Callback<Action>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        dispatch.emit(Action::ChooseEntry((!value.is_empty()).then_some(value)));
    })
}

/// A file input's change: its files read and opened as the project.
fn picked(dispatch: Callback<Action>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Some(list) = input.files() {
            let dispatch = dispatch.clone();
            read(&list, move |upload| {
                dispatch.emit(Action::OpenFiles(upload))
            });
        }
        // The same files chosen again are a change again.
        input.set_value("");
    })
}

/// Files dropped on the page: read and opened as the project.
pub fn dropped(event: &DragEvent, dispatch: &Callback<Action>) {
    event.prevent_default();
    if let Some(transfer) = event.data_transfer() {
        let dispatch = dispatch.clone();
        read(&transfer, move |upload| {
            dispatch.emit(Action::OpenFiles(upload))
        });
    }
}

/// Reads `source` (a DataTransfer or a FileList) with `window.assocFiles`, then calls
/// `done` with the project it holds.
fn read(source: &JsValue, done: impl FnOnce(Upload) + 'static) {
    let reader = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"assocFiles".into()).ok())
        .filter(|r| !r.is_undefined());
    let promise = reader.and_then(|reader| {
        let read = js_sys::Reflect::get(&reader, &"read".into()).ok()?;
        let read = read.dyn_into::<js_sys::Function>().ok()?;
        read.call1(&reader, source)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    let Some(promise) = promise else {
        done(Upload {
            files: Vec::new(),
            left_out: vec!["the page is still loading: open them again in a moment".into()],
        });
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let (on_read, on_fail) = (done.clone(), done);
    let read = Closure::once(move |list: JsValue| {
        if let Some(done) = on_read.borrow_mut().take() {
            done(from_upload(entries(&list)));
        }
    });
    let failed = Closure::once(move |error: JsValue| {
        if let Some(done) = on_fail.borrow_mut().take() {
            let why = error
                .as_string()
                .unwrap_or_else(|| "the browser refused".into());
            done(Upload {
                files: Vec::new(),
                left_out: vec![format!("the files could not be read: {why}")],
            });
        }
    });
    let _ = promise.then2(&read, &failed);
    read.forget();
    failed.forget();
}

/// `[{ path, bytes }]` from the reader, as paths and bytes (a folder not read: its path
/// ending in `/`, no bytes).
fn entries(list: &JsValue) -> Vec<(String, Vec<u8>)> {
    let Some(list) = list.dyn_ref::<js_sys::Array>() else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|item| {
            let path = js_sys::Reflect::get(&item, &"path".into())
                .ok()?
                .as_string()?;
            let bytes = js_sys::Reflect::get(&item, &"bytes".into()).ok()?;
            let bytes = bytes
                .dyn_ref::<js_sys::Uint8Array>()
                .map(js_sys::Uint8Array::to_vec)
                .unwrap_or_default();
            Some((path, bytes))
        })
        .collect()
}
