//! The entity diagram as SVG: table boxes, and a curve per foreign key with its
//! cardinality — a crow's foot at the "many" end, a bar at a "one" end.

use std::rc::Rc;

use yew::prelude::*;

use crate::diagram::{Cardinality, Edge, TableBox, BOX_WIDTH, HEADER_HEIGHT, ROW_HEIGHT};
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
    let highlighted = props.highlighted;
    let on_enter = {
        let (on_focus, key) = (on_focus.clone(), key.clone());
        Callback::from(move |_: MouseEvent| on_focus.emit(Some(key.clone())))
    };
    let on_leave = {
        let on_focus = on_focus.clone();
        Callback::from(move |_: MouseEvent| on_focus.emit(None))
    };
    let (x1, y1) = edge.from;
    let (x2, y2) = edge.to;
    // Both ends leave their box sideways; same-layer links both leave to the right.
    let (out_from, out_to) = if (x1 - x2).abs() < 1.0 {
        (1.0, 1.0)
    } else if x2 < x1 {
        (-1.0, 1.0)
    } else {
        (1.0, -1.0)
    };
    let bend = ((x2 - x1).abs() / 2.0).max(40.0);
    let curve = format!(
        "M{},{} C{},{} {},{} {},{}",
        num(x1),
        num(y1),
        num(x1 + out_from * bend),
        num(y1),
        num(x2 + out_to * bend),
        num(y2),
        num(x2),
        num(y2)
    );
    let many_at_from = edge.cardinality != Cardinality::OneToOne;
    let label = match edge.cardinality {
        Cardinality::OneToOne => "1:1",
        Cardinality::OneToMany => "1:n",
        Cardinality::ManyToMany => "n:m",
    };
    html! {
        <g class={classes!("er-edge", highlighted.then_some("highlight"))} data-from={key}
            data-to={format!("{}.{}", edge.to_table, edge.to_column)} data-cardinality={label}
            onmouseenter={on_enter} onmouseleave={on_leave}>
            <path class="er-line" d={curve} />
            <path class="er-mark" d={end_mark(x1, y1, out_from, many_at_from)} />
            <path class="er-mark" d={end_mark(x2, y2, out_to, false)} />
            <text class="er-label" x={num((x1 + x2) / 2.0)} y={num((y1 + y2) / 2.0 - 4.0)}>{ label }</text>
        </g>
    }
}

#[function_component(DiagramPanel)]
pub fn diagram_panel(props: &DiagramProps) -> Html {
    let diagram = &props.report.diagram;
    html! {
        <section class="panel" id="diagram" aria-labelledby="diagram-title">
            <h2 id="diagram-title">{ "Diagram" }</h2>
            if diagram.boxes.is_empty() {
                <p class="empty">{ "Tables and their links appear here." }</p>
            } else {
                <div class="er-scroll" tabindex="0" role="region" aria-label="Entity diagram, scrollable">
                    <svg class="er" role="img" aria-label="Entity diagram"
                        viewBox={format!("0 0 {} {}", num(diagram.width), num(diagram.height))}
                        width={num(diagram.width)} height={num(diagram.height)}>
                        { for diagram.edges.iter().map(|edge| {
                            let key = edge.key();
                            let highlighted = props.focus.as_deref() == Some(key.as_str());
                            html! { <EdgeView {key} edge={Rc::clone(edge)} {highlighted} on_focus={props.on_focus.clone()} /> }
                        }) }
                        { for diagram.boxes.iter().map(|table| html! {
                            <TableBoxView key={table.table.clone()} table={Rc::clone(table)} />
                        }) }
                    </svg>
                </div>
            }
        </section>
    }
}

/// A coordinate in SVG markup, as JavaScript writes numbers (Rust's `{}` on f64 would
/// link its float formatting into the page: 5 KB gzip).
fn num(n: f64) -> String {
    crate::js::format_number(n)
}
