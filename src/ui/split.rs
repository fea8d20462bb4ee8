//! The separator between the editor and the views: dragged (mouse, pen or touch) or
//! moved with the arrow keys, Home and End, it asks for a new split in percent; the
//! reducer keeps it within bounds.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

use crate::state::SPLIT_RANGE;

/// How far one arrow key moves the separator, in percent.
const STEP: i32 = 5;

#[derive(Properties, Clone, PartialEq)]
pub struct SeparatorProps {
    /// The editor's share of the width, in percent.
    pub split: u8,
    pub on_resize: Callback<i32>,
}

#[function_component(PaneSeparator)]
pub fn pane_separator(props: &SeparatorProps) -> Html {
    let split = i32::from(props.split);
    let onkeydown = {
        let on_resize = props.on_resize.clone();
        Callback::from(move |e: KeyboardEvent| {
            let to = match e.key().as_str() {
                "ArrowLeft" | "ArrowUp" => split - STEP,
                "ArrowRight" | "ArrowDown" => split + STEP,
                "Home" => i32::from(*SPLIT_RANGE.start()),
                "End" => i32::from(*SPLIT_RANGE.end()),
                _ => return,
            };
            e.prevent_default();
            on_resize.emit(to);
        })
    };
    let onpointerdown = {
        let on_resize = props.on_resize.clone();
        Callback::from(move |e: PointerEvent| {
            e.prevent_default();
            if let Some(separator) = e.target_dyn_into::<HtmlElement>() {
                let _ = separator.focus();
                follow_pointer(&separator, on_resize.clone());
            }
        })
    };
    html! {
        <div class="pane-separator" role="separator" tabindex="0" aria-orientation="vertical"
            aria-label="Resize the editor and the views (arrow keys)"
            aria-valuenow={split.to_string()} aria-valuemin={SPLIT_RANGE.start().to_string()}
            aria-valuemax={SPLIT_RANGE.end().to_string()} {onkeydown} {onpointerdown} />
    }
}

/// Until the pointer is released, turns its position over the layout (the separator's
/// parent) into a split. The window's own handlers, so that the pointer may leave the
/// thin separator while dragging; released, they are cleared.
fn follow_pointer(separator: &HtmlElement, on_resize: Callback<i32>) {
    let (Some(window), Some(layout)) = (
        web_sys::window(),
        separator
            .parent_element()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok()),
    ) else {
        return;
    };
    let moved = Closure::<dyn FnMut(PointerEvent)>::new(move |e: PointerEvent| {
        let width = layout.offset_width().max(1);
        on_resize.emit((e.client_x() - layout.offset_left()) * 100 / width);
    });
    window.set_onpointermove(Some(moved.into_js_value().unchecked_ref()));
    let done = window.clone();
    let released = Closure::<dyn FnMut(PointerEvent)>::new(move |_: PointerEvent| {
        done.set_onpointermove(None);
        done.set_onpointerup(None);
    });
    window.set_onpointerup(Some(released.into_js_value().unchecked_ref()));
}
