//! The entity diagram as SVG: table boxes, and per foreign key an orthogonal line from
//! its row with its label and cardinality — a crow's foot at the "many" end, a bar at a
//! "one" end. The geometry and the viewport's rules are `crate::diagram`'s; this draws
//! them and turns wheel, drag, pinch, keys and buttons into `ViewAction`s.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::diagram::{
    Cardinality, Diagram, Edge, TableBox, ViewAction, Viewport, BOX_WIDTH, HEADER_HEIGHT,
    ROW_HEIGHT,
};
use crate::report::Report;

#[derive(Properties, Clone)]
pub struct DiagramProps {
    pub report: Rc<Report>,
    /// The foreign key pointed at (`pugs.ownerId`), drawn highlighted.
    pub focus: Option<String>,
    pub on_focus: Callback<Option<String>>,
}

impl PartialEq for DiagramProps {
    fn eq(&self, other: &Self) -> bool {
        // A new analysis often draws the same diagram (its parts are shared).
        (Rc::ptr_eq(&self.report, &other.report)
            || self.report.diagram.is_shared_with(&other.report.diagram))
            && self.focus == other.focus
            && self.on_focus == other.on_focus
    }
}

#[derive(Properties)]
struct TableBoxProps {
    table: Rc<TableBox>,
}

impl PartialEq for TableBoxProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.table, &other.table)
    }
}

/// One box; a box an edit left unchanged is the same `Rc` and is not redrawn.
#[function_component(TableBoxView)]
fn table_box(props: &TableBoxProps) -> Html {
    let table = &props.table;
    html! {
        <g class="er-table" data-table={table.table.clone()}>
            <rect x={num(table.x)} y={num(table.y)} width={num(BOX_WIDTH)}
                height={num(table.height)} rx="5" />
            <text class="er-title" x={num(table.x + 8.0)} y={num(table.y + 17.0)}>{ &table.table }</text>
            { for table.columns.iter().enumerate().map(|(i, c)| {
                let y = table.y + HEADER_HEIGHT + ROW_HEIGHT * i as f64 + 13.0;
                let class = classes!("er-column", c.primary_key.then_some("pk"), c.foreign_key.then_some("fk"));
                let marker = if c.primary_key { "PK " } else if c.foreign_key { "FK " } else { "" };
                html! { <text class={class} x={num(table.x + 8.0)} y={num(y)}>{ format!("{marker}{}", c.name) }</text> }
            }) }
        </g>
    }
}

/// The end marks at a box edge (`x`, `y`), `outward` (±1) pointing away from the box:
/// a crow's foot (three prongs spreading onto the box) or a bar.
fn end_mark(x: f64, y: f64, outward: f64, many: bool) -> String {
    if many {
        let tip = x + outward * 12.0;
        let (tip, x, top, y, bottom) = (num(tip), num(x), num(y - 6.0), num(y), num(y + 6.0));
        format!("M{tip},{y} L{x},{top} M{tip},{y} L{x},{y} M{tip},{y} L{x},{bottom}")
    } else {
        let bar = x + outward * 8.0;
        let (bar, top, bottom) = (num(bar), num(y - 6.0), num(y + 6.0));
        format!("M{bar},{top} L{bar},{bottom}")
    }
}

/// `M x,y L x,y …`: the edge's polyline as a path.
fn polyline(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (x, y) in points {
        d.push_str(if d.is_empty() { "M" } else { " L" });
        d.push_str(&num(*x));
        d.push(',');
        d.push_str(&num(*y));
    }
    d
}

#[derive(Properties)]
struct EdgeProps {
    edge: Rc<Edge>,
    highlighted: bool,
    on_focus: Callback<Option<String>>,
}

impl PartialEq for EdgeProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.edge, &other.edge)
            && self.highlighted == other.highlighted
            && self.on_focus == other.on_focus
    }
}

#[function_component(EdgeView)]
fn edge_path(props: &EdgeProps) -> Html {
    let (edge, on_focus) = (&props.edge, &props.on_focus);
    let key = edge.key();
    let on_enter = {
        let (on_focus, key) = (on_focus.clone(), key.clone());
        Callback::from(move |_: MouseEvent| on_focus.emit(Some(key.clone())))
    };
    let on_leave = {
        let on_focus = on_focus.clone();
        Callback::from(move |_: MouseEvent| on_focus.emit(None))
    };
    let (Some(&(x1, y1)), Some(&(x2, y2))) = (edge.points.first(), edge.points.last()) else {
        return html! {};
    };
    let many_at_from = edge.cardinality != Cardinality::OneToOne;
    let label = &edge.label.rect;
    html! {
        <g class={classes!("er-edge", props.highlighted.then_some("highlight"))} data-from={key}
            data-to={format!("{}.{}", edge.to_table, edge.to_column)} data-cardinality={edge.cardinality.text()}
            onmouseenter={on_enter} onmouseleave={on_leave}>
            <path class="er-line" d={polyline(&edge.points)} />
            <path class="er-mark" d={end_mark(x1, y1, edge.sides.0, many_at_from)} />
            <path class="er-mark" d={end_mark(x2, y2, edge.sides.1, false)} />
            <rect class="er-label-box" x={num(label.x)} y={num(label.y)}
                width={num(label.width)} height={num(label.height)} rx="3" />
            <text class="er-label" x={num(label.x + label.width / 2.0)}
                y={num(label.y + label.height - 3.5)}>{ &edge.label.text }</text>
        </g>
    }
}

/// The viewport, with the whole diagram it was made for: a diagram of another size
/// (an edit added a column) is shown whole again.
#[derive(PartialEq)]
struct View {
    whole: Viewport,
    current: Viewport,
}

impl View {
    fn shown(&self, whole: Viewport) -> Viewport {
        if self.whole == whole {
            self.current
        } else {
            whole
        }
    }
}

impl Reducible for View {
    type Action = (ViewAction, Viewport);

    fn reduce(self: Rc<Self>, (action, whole): Self::Action) -> Rc<Self> {
        let current = self.shown(whole).apply(action, whole);
        Rc::new(View { whole, current })
    }
}

/// The SVG element's size on screen, in pixels.
fn size_of(svg: &NodeRef) -> (f64, f64) {
    svg.cast::<web_sys::Element>()
        .map(|e| (e.client_width() as f64, e.client_height() as f64))
        .unwrap_or((1.0, 1.0))
}

/// An event's place in the SVG element, in pixels from its top left corner.
fn offset_in(svg: &NodeRef, client: (i32, i32)) -> (f64, f64) {
    let Some(element) = svg.cast::<web_sys::Element>() else {
        return (0.0, 0.0);
    };
    let rect = element.get_bounding_client_rect();
    (client.0 as f64 - rect.left(), client.1 as f64 - rect.top())
}

/// The pointers on the diagram (a mouse, or one or two fingers), by id.
type Pointers = Rc<RefCell<Vec<(i32, (f64, f64))>>>;

/// Drag pans; two fingers pinch-zoom around their middle.
fn pointer_move(
    pointers: &Pointers,
    event: &PointerEvent,
    view: Viewport,
    svg: &NodeRef,
) -> Option<ViewAction> {
    let mut pointers = pointers.borrow_mut();
    let at = offset_in(svg, (event.client_x(), event.client_y()));
    let id = event.pointer_id();
    let slot = pointers.iter_mut().find(|(p, _)| *p == id)?;
    let before = std::mem::replace(&mut slot.1, at);
    let other = pointers.iter().find(|(p, _)| *p != id).map(|(_, p)| *p);
    let distance = |a: (f64, f64), b: (f64, f64)| {
        let (dx, dy) = (a.0 - b.0, a.1 - b.1);
        (dx * dx + dy * dy).sqrt()
    };
    match other {
        None => {
            let scale = view.units_per_pixel(size_of(svg));
            Some(ViewAction::Move {
                dx: (before.0 - at.0) * scale,
                dy: (before.1 - at.1) * scale,
            })
        }
        Some(other) if distance(before, other) > 1.0 => {
            let middle = ((at.0 + other.0) / 2.0, (at.1 + other.1) / 2.0);
            Some(ViewAction::Zoom {
                factor: distance(at, other) / distance(before, other),
                at: view.point_at(middle, size_of(svg)),
            })
        }
        _ => None,
    }
}

fn key_action(key: &str, view: Viewport) -> Option<ViewAction> {
    let zoom = |factor| ViewAction::Zoom {
        factor,
        at: view.centre(),
    };
    let pan = |right, down| ViewAction::Pan { right, down };
    Some(match key {
        "+" | "=" => zoom(1.25),
        "-" | "_" => zoom(0.8),
        "0" => ViewAction::Fit,
        "ArrowLeft" => pan(-0.1, 0.0),
        "ArrowRight" => pan(0.1, 0.0),
        "ArrowUp" => pan(0.0, -0.1),
        "ArrowDown" => pan(0.0, 0.1),
        _ => return None,
    })
}

/// Exports the drawing, run in the page's JavaScript (a function made on the click, so
/// the glue carries nothing for it): a copy of the SVG with every element's computed
/// style written into it, saved as is or drawn on a canvas and saved as PNG.
const EXPORT_JS: &str = r#"const P=['fill','stroke','stroke-width','font-family','font-size','font-weight','text-anchor'];
const copy=svg.cloneNode(true),from=[svg,...svg.querySelectorAll('*')],to=[copy,...copy.querySelectorAll('*')];
from.forEach((e,i)=>{const s=getComputedStyle(e);to[i].setAttribute('style',P.map(p=>p+':'+s.getPropertyValue(p)).join(';'))});
const w=svg.dataset.width,h=svg.dataset.height,NS='http://www.w3.org/2000/svg';
copy.setAttribute('xmlns',NS);copy.setAttribute('viewBox',`0 0 ${w} ${h}`);copy.setAttribute('width',w);copy.setAttribute('height',h);
const back=document.createElementNS(NS,'rect');back.setAttribute('width',w);back.setAttribute('height',h);
back.setAttribute('fill',getComputedStyle(svg.closest('.panel')||svg).backgroundColor);copy.prepend(back);
const text=new XMLSerializer().serializeToString(copy);
const save=(blob,name)=>{const a=document.createElement('a');a.href=URL.createObjectURL(blob);a.download=name;
document.body.append(a);a.click();a.remove();setTimeout(()=>URL.revokeObjectURL(a.href),5000)};
if(!png){save(new Blob([text],{type:'image/svg+xml'}),'diagram.svg');return}
const image=new Image();
image.onload=()=>{const c=document.createElement('canvas');c.width=w*2;c.height=h*2;const g=c.getContext('2d');
g.scale(2,2);g.drawImage(image,0,0);c.toBlob(b=>b&&save(b,'diagram.png'),'image/png')};
image.src='data:image/svg+xml;charset=utf-8,'+encodeURIComponent(text);"#;

fn export(svg: &NodeRef, png: bool) {
    let Some(element) = svg.cast::<web_sys::Element>() else {
        return;
    };
    let run = js_sys::Function::new_with_args("svg,png", EXPORT_JS);
    // A failed export leaves the page as it was; there is nothing to undo.
    let _ = run.call2(
        &wasm_bindgen::JsValue::NULL,
        &element,
        &wasm_bindgen::JsValue::from_bool(png),
    );
}

/// The callbacks of the diagram's region: wheel, pointers and keys, each a `ViewAction`.
struct Gestures {
    wheel: Callback<WheelEvent>,
    down: Callback<PointerEvent>,
    moved: Callback<PointerEvent>,
    up: Callback<PointerEvent>,
    key: Callback<KeyboardEvent>,
}

#[hook]
fn use_gestures(view: &UseReducerHandle<View>, whole: Viewport, svg: &NodeRef) -> Gestures {
    let pointers: Pointers = use_mut_ref(Vec::new);
    let shown = view.shown(whole);
    let act = {
        let view = view.clone();
        move |action: ViewAction| view.dispatch((action, whole))
    };
    let wheel = {
        let (act, svg) = (act.clone(), svg.clone());
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let at = offset_in(&svg, (e.client_x(), e.client_y()));
            let factor = if e.delta_y() < 0.0 { 1.15 } else { 1.0 / 1.15 };
            act(ViewAction::Zoom {
                factor,
                at: shown.point_at(at, size_of(&svg)),
            });
        })
    };
    let down = {
        let (pointers, svg) = (pointers.clone(), svg.clone());
        Callback::from(move |e: PointerEvent| {
            // Yew delegates events, so the current target is not the SVG: capture on it.
            if let Some(element) = svg.cast::<web_sys::Element>() {
                let _ = element.set_pointer_capture(e.pointer_id());
            }
            let at = offset_in(&svg, (e.client_x(), e.client_y()));
            let mut pointers = pointers.borrow_mut();
            pointers.retain(|(p, _)| *p != e.pointer_id());
            pointers.push((e.pointer_id(), at));
        })
    };
    let moved = {
        let (pointers, svg, act) = (pointers.clone(), svg.clone(), act.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some(action) = pointer_move(&pointers, &e, shown, &svg) {
                act(action);
            }
        })
    };
    let up = Callback::from(move |e: PointerEvent| {
        pointers.borrow_mut().retain(|(p, _)| *p != e.pointer_id());
    });
    let key = Callback::from(move |e: KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        if let Some(action) = key_action(&e.key(), shown) {
            e.prevent_default();
            act(action);
        }
    });
    Gestures {
        wheel,
        down,
        moved,
        up,
        key,
    }
}

/// Zoom, fit and the two exports. (Drawn with the panel, not a component of its own.)
fn tools(on_view: &Callback<ViewAction>, svg: &NodeRef, centre: (f64, f64)) -> Html {
    let view = |action: ViewAction| on_view.reform(move |_: MouseEvent| action);
    let zoom = |factor| view(ViewAction::Zoom { factor, at: centre });
    let save = |png: bool| {
        let svg = svg.clone();
        Callback::from(move |_: MouseEvent| export(&svg, png))
    };
    html! {
        <div class="er-tools" role="toolbar" aria-label="Diagram view">
            <button class="quiet" onclick={zoom(1.25)} aria-label="Zoom in" title="Zoom in (+)">{ "+" }</button>
            <button class="quiet" onclick={zoom(0.8)} aria-label="Zoom out" title="Zoom out (−)">{ "−" }</button>
            <button class="quiet" onclick={view(ViewAction::Fit)} title="Show the whole diagram (0)">{ "Fit" }</button>
            <button class="quiet" onclick={save(false)} title="Save the diagram as SVG">{ "SVG" }</button>
            <button class="quiet" onclick={save(true)} title="Save the diagram as PNG">{ "PNG" }</button>
        </div>
    }
}

#[function_component(DiagramPanel)]
pub fn diagram_panel(props: &DiagramProps) -> Html {
    let diagram = &props.report.diagram;
    let whole = Viewport::fit(diagram);
    let view = use_reducer(|| View {
        whole,
        current: whole,
    });
    let svg = use_node_ref();
    let gestures = use_gestures(&view, whole, &svg);
    let shown = view.shown(whole);
    let on_view = Callback::from(move |action| view.dispatch((action, whole)));
    html! {
        <section class="panel" id="diagram" aria-labelledby="diagram-title">
            <div class="er-head">
                <h2 id="diagram-title">{ "Diagram" }</h2>
                if !diagram.boxes.is_empty() {
                    { tools(&on_view, &svg, shown.centre()) }
                }
            </div>
            if diagram.boxes.is_empty() {
                <p class="empty">{ "Tables and their links appear here." }</p>
            } else {
                <div class="er-scroll" tabindex="0" role="group" aria-describedby="diagram-hint"
                    aria-label="Entity diagram: + and − zoom, 0 shows it whole, arrow keys pan"
                    onkeydown={gestures.key}>
                    { drawing(diagram, props, shown, &svg, &gestures.wheel, [gestures.down, gestures.moved, gestures.up]) }
                </div>
                <p class="er-hint" id="diagram-hint">{ "Drag to pan; wheel, pinch or + and − to zoom; 0 or Fit shows it whole." }</p>
            }
        </section>
    }
}

fn drawing(
    diagram: &Diagram,
    props: &DiagramProps,
    shown: Viewport,
    svg: &NodeRef,
    wheel: &Callback<WheelEvent>,
    [down, moved, up]: [Callback<PointerEvent>; 3],
) -> Html {
    let (w, h) = (num(diagram.width), num(diagram.height));
    let style = ["aspect-ratio:", &w, "/", &h, ";max-width:", &w, "px"].concat();
    html! {
        <svg class="er" role="img" aria-label="Entity diagram" ref={svg.clone()}
            viewBox={shown.view_box()} data-width={w} data-height={h} {style}
            onwheel={wheel.clone()} onpointerdown={down} onpointermove={moved}
            onpointerup={up.clone()} onpointercancel={up}>
            { for diagram.edges.iter().map(|edge| {
                let key = edge.key();
                let highlighted = props.focus.as_deref() == Some(key.as_str());
                html! { <EdgeView {key} edge={Rc::clone(edge)} {highlighted} on_focus={props.on_focus.clone()} /> }
            }) }
            { for diagram.boxes.iter().map(|table| html! {
                <TableBoxView key={table.table.clone()} table={Rc::clone(table)} />
            }) }
        </svg>
    }
}

/// A coordinate in SVG markup, as JavaScript writes numbers (Rust's `{}` on f64 would
/// link its float formatting into the page: 5 KB gzip).
fn num(n: f64) -> String {
    crate::js::format_number(n)
}
