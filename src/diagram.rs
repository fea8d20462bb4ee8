//! The entity diagram, laid out: one box per table with its columns, one edge per
//! foreign key, leaving from that key's row and labelled with its associations and
//! cardinality. Pure geometry; the page draws it as SVG.
//!
//! Layout (layered, as dbdiagram's): tables in layers by foreign-key depth — a table
//! sits one layer right of every table it references — so the tutorials' owner → pug
//! reads left to right. An edge spanning several layers passes each one through a slot
//! of its own, and barycentre sweeps order each layer to uncross edges. Edges are
//! orthogonal: horizontal inside layers and slots, vertical only in the gaps between
//! layers, each vertical run on a track of its own, so no edge crosses a box. A label
//! sits on its edge beside the foreign key's row, in a band of the gap that only
//! labels use, so labels never meet each other or a box.

use std::rc::Rc;

use serde::Serialize;

use crate::schema::{AssociationType, Schema};

pub const BOX_WIDTH: f64 = 190.0;
pub const HEADER_HEIGHT: f64 = 26.0;
pub const ROW_HEIGHT: f64 = 18.0;
pub const LABEL_HEIGHT: f64 = 14.0;
/// Labels are set in 11 px monospace: every character is this wide (at most).
pub const LABEL_CHAR_WIDTH: f64 = 6.8;
const LABEL_PAD: f64 = 4.0;
/// Room for the end mark (a crow's foot is 12 px long) between a box and a label.
const MARK: f64 = 14.0;
const LABEL_CHARS: usize = 30;
const MIN_GAP: f64 = 60.0;
const TRACK: f64 = 8.0;
const BOX_GAP: f64 = 28.0;
/// A slot is where an edge crosses a layer it does not stop in.
const SLOT: f64 = 12.0;
const MARGIN: f64 = 16.0;
const SWEEPS: usize = 4;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Diagram {
    pub width: f64,
    pub height: f64,
    /// Shared (`Rc`): boxes and edges an edit leaves as they were are the ones the page
    /// already drew (see `Report::share_unchanged`).
    pub boxes: Vec<Rc<TableBox>>,
    pub edges: Vec<Rc<Edge>>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TableBox {
    pub table: String,
    pub x: f64,
    pub y: f64,
    pub height: f64,
    pub columns: Vec<BoxColumn>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct BoxColumn {
    pub name: String,
    pub primary_key: bool,
    pub foreign_key: bool,
}

/// How many rows on each side: `1:1`, `1:n` (one referenced row, many referencing).
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub enum Cardinality {
    #[serde(rename = "1:1")]
    OneToOne,
    #[serde(rename = "1:n")]
    OneToMany,
    /// A join table's key: one side of a many-to-many link.
    #[serde(rename = "n:m")]
    ManyToMany,
}

impl Cardinality {
    pub fn text(self) -> &'static str {
        match self {
            Cardinality::OneToOne => "1:1",
            Cardinality::OneToMany => "1:n",
            Cardinality::ManyToMany => "n:m",
        }
    }
}

/// A rectangle: `x`, `y` its top left corner.
#[derive(Clone, Copy, Debug, Serialize, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// An edge's label: its text and where it is drawn.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Label {
    pub text: String,
    pub rect: Rect,
}

/// A foreign key drawn from the referencing column to the referenced one.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Edge {
    pub from_table: String,
    pub from_column: String,
    pub to_table: String,
    pub to_column: String,
    pub cardinality: Cardinality,
    /// The polyline from the foreign key's row to the referenced key's row: horizontal
    /// and vertical segments only.
    pub points: Vec<(f64, f64)>,
    /// Which way each end leaves its box: -1 to the left, 1 to the right.
    pub sides: (f64, f64),
    pub label: Label,
}

impl Edge {
    /// `pugs.ownerId`: the foreign key, as the tables and the links name it.
    pub fn key(&self) -> String {
        format!("{}.{}", self.from_table, self.from_column)
    }
}

impl Diagram {
    /// The same drawing, told by pointers: true when every box and edge is shared.
    pub fn is_shared_with(&self, other: &Diagram) -> bool {
        fn same<T>(a: &[Rc<T>], b: &[Rc<T>]) -> bool {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| Rc::ptr_eq(a, b))
        }
        self.width == other.width
            && self.height == other.height
            && same(&self.boxes, &other.boxes)
            && same(&self.edges, &other.edges)
    }
}

fn layers(schema: &Schema, links: &[Link]) -> Vec<usize> {
    let count = schema.models.len();
    let mut layer = vec![0usize; count];
    // Longest path by relaxation; a cycle simply stops growing after `count` rounds.
    for _ in 0..count {
        let mut changed = false;
        for link in links.iter().filter(|l| l.from != l.to) {
            if layer[link.from] < layer[link.to] + 1 {
                layer[link.from] = layer[link.to] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    layer
}

/// One foreign key, before it is placed: box `from`'s row `from_row` references box
/// `to`'s row `to_row`.
struct Link {
    from: usize,
    from_row: usize,
    to: usize,
    to_row: usize,
    from_column: String,
    to_column: String,
    cardinality: Cardinality,
    text: String,
}

/// The names of the associations behind each foreign key, by (model, column): the
/// belongsTo's or hasOne/hasMany's name (`sender`), a join table's key the name its
/// belongsToMany gives the other side.
fn association_names(schema: &Schema) -> Vec<KeyNames> {
    let mut names: Vec<KeyNames> = Vec::new();
    let associations: Vec<_> = schema.models.iter().flat_map(|m| &m.associations).collect();
    let mut written: Vec<(f64, usize)> = associations
        .iter()
        .enumerate()
        .map(|(i, a)| (a.span.start as f64, i))
        .collect();
    order(&mut written);
    for a in written.into_iter().map(|(_, i)| associations[i]) {
        let holder = match a.kind {
            AssociationType::BelongsTo => Some(a.source),
            AssociationType::HasOne | AssociationType::HasMany => Some(a.target),
            AssociationType::BelongsToMany => a.through,
        };
        let Some(holder) = holder else { continue };
        let column = schema.model(holder).field_of(&a.foreign_key);
        let index = match names.iter().position(|n| n.0 == holder && n.1 == column) {
            Some(index) => index,
            None => {
                names.push((holder, column, Vec::new()));
                names.len() - 1
            }
        };
        if !names[index].2.contains(&a.as_name) {
            names[index].2.push(a.as_name.clone());
        }
    }
    names
}

/// A foreign key (model, column) and the names of its associations. Plain vectors and
/// one sort (`order`) here, not maps: each map or sort type is code in the page's
/// WebAssembly, and these lists are short.
type KeyNames = (usize, String, Vec<String>);

/// Sorts by key, ties by the index (so it is stable).
fn order(keys: &mut [(f64, usize)]) {
    keys.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
}

/// `sender/sentMessages 1:n`, cut to a readable length.
fn label_text(names: Option<&Vec<String>>, cardinality: Cardinality) -> String {
    let mut text = String::new();
    for name in names.into_iter().flatten() {
        if !text.is_empty() {
            text.push('/');
        }
        text.push_str(name);
    }
    if text.chars().count() > LABEL_CHARS {
        let end = text
            .char_indices()
            .nth(LABEL_CHARS - 1)
            .map_or(0, |(i, _)| i);
        text.truncate(end);
        text.push('…');
    }
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(cardinality.text());
    text
}

/// Each model's columns, read once: the boxes show them and the links find their rows.
fn box_columns(schema: &Schema) -> Vec<Vec<BoxColumn>> {
    let columns = |model: &crate::schema::Model| {
        model
            .table_attributes()
            .map(|(name, a)| BoxColumn {
                name: a.field.clone().unwrap_or_else(|| name.clone()),
                primary_key: a.is_primary_key(),
                foreign_key: a.references.is_some(),
            })
            .collect()
    };
    schema.models.iter().map(columns).collect()
}

fn links(schema: &Schema, columns: &[Vec<BoxColumn>]) -> Vec<Link> {
    let names = association_names(schema);
    let join_models: Vec<usize> = schema
        .models
        .iter()
        .flat_map(|m| &m.associations)
        .filter_map(|a| a.through)
        .collect();
    let mut links = Vec::new();
    for (id, model) in schema.models.iter().enumerate() {
        for (row, (_, attribute)) in model.table_attributes().enumerate() {
            let Some(references) = &attribute.references else {
                continue;
            };
            let Some(target) = references
                .model
                .as_deref()
                .and_then(|t| schema.find_table(t))
            else {
                continue;
            };
            let to_column = references.key.clone().unwrap_or_else(|| "id".into());
            let to_row = columns[target]
                .iter()
                .position(|c| c.name == to_column)
                .unwrap_or(0);
            let from_column = &columns[id][row].name;
            let cardinality = if join_models.contains(&id) {
                Cardinality::ManyToMany
            } else {
                one_or_many(schema, target, id, from_column)
            };
            let named = names.iter().find(|n| n.0 == id && n.1 == *from_column);
            let text = label_text(named.map(|n| &n.2), cardinality);
            links.push(Link {
                from: id,
                from_row: row,
                to: target,
                to_row,
                from_column: from_column.clone(),
                to_column,
                cardinality,
                text,
            });
        }
    }
    links
}

/// `1:1` when the referenced model's hasOne made this key, else `1:n`.
fn one_or_many(schema: &Schema, referenced: usize, holder: usize, column: &str) -> Cardinality {
    let model = schema.model(holder);
    let one_to_one = schema.model(referenced).associations.iter().any(|a| {
        a.kind == AssociationType::HasOne
            && a.target == holder
            && model.field_of(&a.foreign_key) == column
    });
    if one_to_one {
        Cardinality::OneToOne
    } else {
        Cardinality::OneToMany
    }
}

/// The layers an edge passes on its way (its slots): strictly between its ends.
fn passed(from: usize, to: usize) -> Vec<usize> {
    if from > to + 1 {
        (to + 1..from).rev().collect()
    } else if to > from + 1 {
        (from + 1..to).collect()
    } else {
        Vec::new()
    }
}

/// What stands in the layers, top to bottom, as node numbers: the tables first (node
/// `n` is model `n`), then a slot for each layer a link crosses without stopping.
struct Grid {
    tables: usize,
    layer_of: Vec<usize>,
    layers: Vec<Vec<usize>>,
    /// Each link's nodes, end to end (table, slots…, table), with their layers.
    chains: Vec<Vec<(usize, usize)>>,
}

impl Grid {
    fn new(schema: &Schema, links: &[Link]) -> Grid {
        let mut layer_of = layers(schema, links);
        let tables = layer_of.len();
        let count = layer_of.iter().max().map_or(0, |m| m + 1);
        let mut layers = vec![Vec::new(); count];
        for (id, layer) in layer_of.iter().enumerate() {
            layers[*layer].push(id);
        }
        let mut chains = Vec::with_capacity(links.len());
        for link in links {
            let (a, b) = (layer_of[link.from], layer_of[link.to]);
            let mut chain = vec![(a, link.from)];
            for layer in passed(a, b) {
                layers[layer].push(layer_of.len());
                chain.push((layer, layer_of.len()));
                layer_of.push(layer);
            }
            chain.push((b, link.to));
            chains.push(chain);
        }
        Grid {
            tables,
            layer_of,
            layers,
            chains,
        }
    }

    /// Barycentre sweeps: each layer ordered by the mean place of its neighbours in
    /// the layer just swept, left to right, then back.
    fn reduce_crossings(&mut self) {
        let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); self.layer_of.len()];
        for chain in &self.chains {
            for pair in chain.windows(2) {
                let ((la, a), (lb, b)) = (pair[0], pair[1]);
                if la != lb {
                    neighbours[a].push(b);
                    neighbours[b].push(a);
                }
            }
        }
        let count = self.layers.len();
        let mut place = vec![0usize; self.layer_of.len()];
        for sweep in 0..SWEEPS {
            let order: Vec<usize> = if sweep % 2 == 0 {
                (1..count).collect()
            } else {
                (0..count.saturating_sub(1)).rev().collect()
            };
            for layer in order {
                let beside = if sweep % 2 == 0 { layer - 1 } else { layer + 1 };
                for (i, node) in self.layers[beside].iter().enumerate() {
                    place[*node] = i;
                }
                self.order_by_barycentre(layer, beside, &neighbours, &place);
            }
        }
    }

    fn order_by_barycentre(
        &mut self,
        layer: usize,
        beside: usize,
        neighbours: &[Vec<usize>],
        place: &[usize],
    ) {
        let nodes = &self.layers[layer];
        let mut keyed: Vec<(f64, usize)> = nodes
            .iter()
            .enumerate()
            .map(|(i, node)| {
                let (mut sum, mut count) = (0, 0);
                for n in &neighbours[*node] {
                    if self.layer_of[*n] == beside {
                        sum += place[*n];
                        count += 1;
                    }
                }
                let centre = if count == 0 {
                    i as f64
                } else {
                    sum as f64 / count as f64
                };
                (centre, i)
            })
            .collect();
        order(&mut keyed);
        self.layers[layer] = keyed.into_iter().map(|(_, i)| nodes[i]).collect();
    }
}

fn box_height(columns: usize) -> f64 {
    HEADER_HEIGHT + ROW_HEIGHT * columns as f64 + 6.0
}

fn row_y(top: f64, row: usize) -> f64 {
    top + HEADER_HEIGHT + ROW_HEIGHT * row as f64 + ROW_HEIGHT / 2.0
}

/// Each node's top (tables) or line (slots), stacking every layer from the top.
fn stack(grid: &Grid, heights: &[f64]) -> Vec<f64> {
    let mut y = vec![0.0; grid.layer_of.len()];
    for layer in &grid.layers {
        let mut cursor = MARGIN;
        for node in layer {
            if *node < grid.tables {
                y[*node] = cursor;
                cursor += heights[*node] + BOX_GAP;
            } else {
                y[*node] = cursor + SLOT / 3.0;
                cursor += SLOT;
            }
        }
    }
    y
}

/// A link's way: which side it leaves and enters by, the gaps it turns in (gap `g` is
/// right of layer `g`) and the heights it runs at between them.
struct Route {
    sides: (f64, f64),
    gaps: Vec<usize>,
    /// One more than `gaps`: the foreign key's row, each slot, the referenced row.
    ys: Vec<f64>,
}

fn route(link: &Link, grid: &Grid, y: &[f64], index: usize) -> Route {
    let (a, b) = (grid.layer_of[link.from], grid.layer_of[link.to]);
    let chain = &grid.chains[index];
    let mut ys = vec![row_y(y[link.from], link.from_row)];
    ys.extend(chain[1..chain.len() - 1].iter().map(|(_, slot)| y[*slot]));
    ys.push(row_y(y[link.to], link.to_row));
    let (sides, gaps) = if a > b {
        ((-1.0, 1.0), (b..a).rev().collect())
    } else if a < b {
        ((1.0, -1.0), (a..b).collect())
    } else {
        ((1.0, 1.0), vec![a])
    };
    Route { sides, gaps, ys }
}

/// The gaps' furniture: per gap, the label bands' widths and each vertical run's track.
struct Gaps {
    /// Labels of edges leaving layer `g` rightwards (left band of gap `g`).
    right_labels: Vec<f64>,
    /// Labels of edges leaving layer `g` leftwards (right band of gap `g - 1`).
    left_labels: Vec<f64>,
    tracks: Vec<usize>,
    /// Per link, the track of each of its route's gaps.
    track_of: Vec<Vec<usize>>,
}

fn label_width(text: &str) -> f64 {
    text.chars().count() as f64 * LABEL_CHAR_WIDTH + 2.0 * LABEL_PAD
}

/// Tracks by interval partitioning: a vertical run takes the first track free over its
/// heights, so runs never overlap and gaps stay narrow.
fn gaps(links: &[Link], routes: &[Route], grid: &Grid) -> Gaps {
    let count = grid.layers.len() + 1;
    let mut gaps = Gaps {
        right_labels: vec![0.0; count],
        left_labels: vec![0.0; count],
        tracks: vec![0; count],
        track_of: routes.iter().map(|r| vec![0; r.gaps.len()]).collect(),
    };
    let mut runs: Vec<Vec<(f64, f64, usize, usize)>> = vec![Vec::new(); count];
    for (index, (link, route)) in links.iter().zip(routes).enumerate() {
        let layer = grid.layer_of[link.from];
        let bands = if route.sides.0 < 0.0 {
            &mut gaps.left_labels
        } else {
            &mut gaps.right_labels
        };
        bands[layer] = bands[layer].max(MARK + label_width(&link.text));
        for (step, gap) in route.gaps.iter().enumerate() {
            let (a, b) = (route.ys[step], route.ys[step + 1]);
            runs[*gap].push((a.min(b), a.max(b), index, step));
        }
    }
    for (gap, list) in runs.into_iter().enumerate() {
        let mut by_top: Vec<(f64, usize)> =
            list.iter().enumerate().map(|(i, r)| (r.0, i)).collect();
        order(&mut by_top);
        let mut ends: Vec<f64> = Vec::new();
        for (top, run) in by_top {
            let (_, bottom, index, step) = list[run];
            let track = ends
                .iter()
                .position(|end| *end + TRACK < top)
                .unwrap_or(ends.len());
            if track == ends.len() {
                ends.push(bottom);
            } else {
                ends[track] = bottom;
            }
            gaps.track_of[index][step] = track;
        }
        gaps.tracks[gap] = ends.len();
    }
    gaps
}

impl Gaps {
    fn width(&self, gap: usize) -> f64 {
        let labels = self.right_labels[gap] + self.left_labels.get(gap + 1).copied().unwrap_or(0.0);
        (labels + (self.tracks[gap] + 1) as f64 * TRACK + 2.0 * LABEL_PAD).max(MIN_GAP)
    }

    /// Where track `track` of gap `gap` runs, the gap starting at `left`.
    fn track_x(&self, gap: usize, left: f64, track: usize) -> f64 {
        left + self.right_labels[gap] + LABEL_PAD + (track + 1) as f64 * TRACK
    }
}

pub fn layout(schema: &Schema) -> Diagram {
    let columns = box_columns(schema);
    let links = links(schema, &columns);
    let mut grid = Grid::new(schema, &links);
    grid.reduce_crossings();
    let heights: Vec<f64> = columns.iter().map(|c| box_height(c.len())).collect();
    let y = stack(&grid, &heights);
    let routes: Vec<Route> = links
        .iter()
        .enumerate()
        .map(|(i, l)| route(l, &grid, &y, i))
        .collect();
    let gaps = gaps(&links, &routes, &grid);
    // Layer `l` starts at xs[l]; its right gap at xs[l] + BOX_WIDTH.
    let mut xs = vec![MARGIN];
    for gap in 0..grid.layers.len() {
        xs.push(xs[gap] + BOX_WIDTH + gaps.width(gap));
    }
    let boxes: Vec<TableBox> = schema
        .models
        .iter()
        .zip(columns)
        .enumerate()
        .map(|(id, (model, columns))| TableBox {
            table: model.table_name.clone(),
            x: xs[grid.layer_of[id]],
            y: y[id],
            height: heights[id],
            columns,
        })
        .collect();
    let edges: Vec<Edge> = links
        .into_iter()
        .zip(&routes)
        .enumerate()
        .map(|(index, (link, route))| edge(link, route, index, &boxes, &xs, &gaps))
        .collect();
    let right = boxes.iter().map(|b| b.x + BOX_WIDTH).fold(0.0, f64::max);
    let edge_right = edges
        .iter()
        .flat_map(|e| &e.points)
        .map(|p| p.0)
        .fold(0.0, f64::max);
    let label_right = edges
        .iter()
        .map(|e| e.label.rect.x + e.label.rect.width)
        .fold(0.0, f64::max);
    let width = right.max(edge_right).max(label_right) + MARGIN;
    let height = boxes.iter().map(|b| b.y + b.height).fold(0.0, f64::max) + MARGIN;
    Diagram {
        width,
        height,
        boxes: boxes.into_iter().map(Rc::new).collect(),
        edges: edges.into_iter().map(Rc::new).collect(),
    }
}

/// The link's polyline (start on its box's side, a turn on each gap's track, the end on
/// the other box's side) and its label, on the first segment beside the box.
fn edge(
    link: Link,
    route: &Route,
    index: usize,
    boxes: &[TableBox],
    xs: &[f64],
    gaps: &Gaps,
) -> Edge {
    let side_x = |table: &TableBox, side: f64| {
        if side < 0.0 {
            table.x
        } else {
            table.x + BOX_WIDTH
        }
    };
    let (from_box, to_box) = (&boxes[link.from], &boxes[link.to]);
    let start = (side_x(from_box, route.sides.0), route.ys[0]);
    let mut points = vec![start];
    for (step, gap) in route.gaps.iter().enumerate() {
        let track = gaps.track_of[index][step];
        let x = gaps.track_x(*gap, xs[*gap] + BOX_WIDTH, track);
        points.push((x, route.ys[step]));
        points.push((x, route.ys[step + 1]));
    }
    points.push((side_x(to_box, route.sides.1), route.ys[route.ys.len() - 1]));
    points.dedup();
    let width = label_width(&link.text);
    let x = if route.sides.0 < 0.0 {
        start.0 - MARK - width
    } else {
        start.0 + MARK
    };
    Edge {
        from_table: from_box.table.clone(),
        to_table: to_box.table.clone(),
        from_column: link.from_column,
        to_column: link.to_column,
        cardinality: link.cardinality,
        points,
        sides: route.sides,
        label: Label {
            text: link.text,
            rect: Rect {
                x,
                y: start.1 - LABEL_HEIGHT / 2.0,
                width,
                height: LABEL_HEIGHT,
            },
        },
    }
}
/// The part of the diagram on screen (the SVG's viewBox): what pan, zoom and fit change.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// What the diagram's controls ask of the viewport.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ViewAction {
    Fit,
    /// By `factor` (> 1 zooms in) around a point of the diagram.
    Zoom {
        factor: f64,
        at: (f64, f64),
    },
    /// By a share of the visible width and height (arrow keys: ±0.1).
    Pan {
        right: f64,
        down: f64,
    },
    /// By diagram units (a drag).
    Move {
        dx: f64,
        dy: f64,
    },
}

/// Zoom stops at 8× the whole diagram's scale, and out at half of it.
const MAX_ZOOM: f64 = 8.0;
const MIN_ZOOM: f64 = 0.5;

impl Viewport {
    /// The whole diagram.
    pub fn fit(diagram: &Diagram) -> Viewport {
        Viewport {
            x: 0.0,
            y: 0.0,
            width: diagram.width.max(1.0),
            height: diagram.height.max(1.0),
        }
    }

    /// Where a point of the element showing this viewport (`at`, in pixels from its top
    /// left corner, the element `size` pixels large) lies in the diagram: the drawing is
    /// scaled to fit and centred, as SVG's default `xMidYMid meet` does.
    pub fn point_at(&self, at: (f64, f64), size: (f64, f64)) -> (f64, f64) {
        let scale = self.units_per_pixel(size);
        let (cx, cy) = self.centre();
        (
            cx + (at.0 - size.0 / 2.0) * scale,
            cy + (at.1 - size.1 / 2.0) * scale,
        )
    }

    /// Diagram units per pixel of an element `size` pixels large.
    pub fn units_per_pixel(&self, size: (f64, f64)) -> f64 {
        let scale = (self.width / size.0).max(self.height / size.1);
        if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        }
    }

    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// The viewport after `action`; zoom is bounded and the view never leaves the
    /// diagram entirely, so no input loses it.
    pub fn apply(self, action: ViewAction, whole: Viewport) -> Viewport {
        let moved = match action {
            ViewAction::Fit => return whole,
            ViewAction::Zoom { factor, at } => {
                let scale = (whole.width / self.width * factor).clamp(MIN_ZOOM, MAX_ZOOM);
                let ratio = whole.width / scale / self.width;
                if !ratio.is_finite() {
                    return self;
                }
                Viewport {
                    x: at.0 - (at.0 - self.x) * ratio,
                    y: at.1 - (at.1 - self.y) * ratio,
                    width: self.width * ratio,
                    height: self.height * ratio,
                }
            }
            ViewAction::Pan { right, down } => Viewport {
                x: self.x + right * self.width,
                y: self.y + down * self.height,
                ..self
            },
            ViewAction::Move { dx, dy } => Viewport {
                x: self.x + dx,
                y: self.y + dy,
                ..self
            },
        };
        moved.kept_near(&whole)
    }

    /// At least a tenth of the view stays over the diagram.
    fn kept_near(self, whole: &Viewport) -> Viewport {
        let clamp = |at: f64, size: f64, whole_size: f64| {
            let keep = size / 10.0;
            if at.is_finite() {
                at.clamp(keep - size, whole_size - keep)
            } else {
                0.0
            }
        };
        Viewport {
            x: clamp(self.x, self.width, whole.width),
            y: clamp(self.y, self.height, whole.height),
            ..self
        }
    }

    /// `x y width height`, as the SVG's viewBox attribute.
    /// Numbers as JavaScript writes them: `{}` on f64 would link Rust's float formatting
    /// into the page.
    pub fn view_box(&self) -> String {
        let mut text = String::new();
        for n in [self.x, self.y, self.width, self.height] {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&crate::js::format_number(n));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema(code: &str) -> Schema {
        let (program, _) = crate::syntax::parse(code);
        crate::interpret::run(&program, Default::default()).schema
    }

    /// Every rule a drawing must keep: labels apart from each other and from boxes,
    /// edges orthogonal, touching no box but their ends, ending on their keys' rows.
    fn assert_readable(diagram: &Diagram) {
        let rects: Vec<Rect> = diagram
            .boxes
            .iter()
            .map(|b| Rect {
                x: b.x,
                y: b.y,
                width: BOX_WIDTH,
                height: b.height,
            })
            .collect();
        let labels: Vec<&Label> = diagram.edges.iter().map(|e| &e.label).collect();
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                assert!(
                    !overlaps(&a.rect, &b.rect),
                    "labels {:?} and {:?} overlap",
                    a,
                    b
                );
            }
            for (table, rect) in diagram.boxes.iter().zip(&rects) {
                assert!(
                    !overlaps(&a.rect, rect),
                    "label {:?} covers {}",
                    a,
                    table.table
                );
            }
            assert!(a.rect.x >= 0.0 && a.rect.x + a.rect.width <= diagram.width);
        }
        for edge in &diagram.edges {
            let ends = |name: &str| edge.from_table == name || edge.to_table == name;
            for pair in edge.points.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                assert!(a.0 == b.0 || a.1 == b.1, "{} bends diagonally", edge.key());
                for (table, rect) in diagram.boxes.iter().zip(&rects) {
                    if !ends(&table.table) {
                        assert!(
                            !crosses(a, b, rect),
                            "{} crosses {}",
                            edge.key(),
                            table.table
                        );
                    }
                }
            }
            let from = diagram
                .boxes
                .iter()
                .find(|b| b.table == edge.from_table)
                .unwrap();
            let row = from
                .columns
                .iter()
                .position(|c| c.name == edge.from_column)
                .unwrap();
            let (start, rect) = (edge.points[0], &edge.label.rect);
            let clear = (rect.x - start.0).max(start.0 - rect.x - rect.width);
            assert!(clear >= 12.0, "{}'s label covers its end mark", edge.key());
            assert_eq!(
                edge.points[0].1,
                row_y(from.y, row),
                "{} leaves its row",
                edge.key()
            );
        }
        for (i, a) in rects.iter().enumerate() {
            assert!(
                rects[i + 1..].iter().all(|b| !overlaps(a, b)),
                "boxes overlap"
            );
        }
    }

    /// True when the two share more than an edge.
    fn overlaps(a: &Rect, b: &Rect) -> bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    /// Whether the axis-parallel segment a–b passes through the inside of `rect`.
    fn crosses(a: (f64, f64), b: (f64, f64), rect: &Rect) -> bool {
        let (left, right) = (a.0.min(b.0), a.0.max(b.0));
        let (top, bottom) = (a.1.min(b.1), a.1.max(b.1));
        left < rect.x + rect.width
            && right > rect.x
            && top < rect.y + rect.height
            && bottom > rect.y
    }

    fn label_of<'a>(diagram: &'a Diagram, key: &str) -> &'a str {
        &diagram
            .edges
            .iter()
            .find(|e| e.key() == key)
            .unwrap()
            .label
            .text
    }

    #[test]
    fn owners_left_of_pugs_with_a_one_to_many_edge() {
        let diagram = layout(&schema(
            "const O = sequelize.define('owner', {}); const P = sequelize.define('pug', {}); P.belongsTo(O); O.hasMany(P);",
        ));
        let owners = &diagram.boxes[0];
        let pugs = &diagram.boxes[1];
        assert!(owners.x < pugs.x);
        assert_eq!(diagram.edges.len(), 1);
        let edge = &diagram.edges[0];
        assert_eq!(
            (edge.from_table.as_str(), edge.to_table.as_str()),
            ("pugs", "owners")
        );
        assert_eq!(edge.cardinality, Cardinality::OneToMany);
        assert_eq!(edge.points[0].0, pugs.x);
        assert_eq!(edge.points.last().unwrap().0, owners.x + BOX_WIDTH);
        assert_eq!(edge.label.text, "owner/pugs 1:n");
        assert_readable(&diagram);
    }

    #[test]
    fn has_one_is_one_to_one_and_join_tables_are_many_to_many() {
        let one = layout(&schema("const O = sequelize.define('owner', {}); const P = sequelize.define('pug', {}); O.hasOne(P);"));
        assert_eq!(one.edges[0].cardinality, Cardinality::OneToOne);
        assert_eq!(one.edges[0].label.text, "pug 1:1");
        let many = layout(&schema(
            "const U = sequelize.define('user', {}); const P = sequelize.define('project', {}); U.belongsToMany(P, { through: 'UP' }); P.belongsToMany(U, { through: 'UP' });",
        ));
        assert_eq!(many.edges.len(), 2);
        assert!(many
            .edges
            .iter()
            .all(|e| e.cardinality == Cardinality::ManyToMany && e.from_table == "UP"));
        assert_eq!(label_of(&many, "UP.userId"), "projects n:m");
        assert_eq!(label_of(&many, "UP.projectId"), "users n:m");
        assert_readable(&many);
    }

    #[test]
    fn two_aliases_between_one_pair_are_two_edges_apart_with_their_names() {
        let diagram = layout(&schema(
            "const User = sequelize.define('user', { name: DataTypes.STRING });
             const Message = sequelize.define('message', { text: DataTypes.STRING });
             Message.belongsTo(User, { as: 'sender' });
             Message.belongsTo(User, { as: 'recipient' });",
        ));
        assert_eq!(label_of(&diagram, "messages.senderId"), "sender 1:n");
        assert_eq!(label_of(&diagram, "messages.recipientId"), "recipient 1:n");
        let (a, b) = (&diagram.edges[0], &diagram.edges[1]);
        assert_ne!(a.points[0], b.points[0], "each leaves its own row");
        assert_readable(&diagram);
    }

    #[test]
    fn a_self_association_is_a_loop_with_its_label_outside_the_box() {
        let diagram = layout(&schema(
            "const Person = sequelize.define('person', { name: DataTypes.STRING });
             Person.belongsTo(Person, { as: 'parent' });",
        ));
        let edge = &diagram.edges[0];
        let person = &diagram.boxes[0];
        assert_eq!(edge.sides, (1.0, 1.0), "out of the right side and back in");
        assert!(edge.points.iter().any(|p| p.0 > person.x + BOX_WIDTH));
        assert_eq!(edge.label.text, "parent 1:n");
        assert!(edge.label.rect.x >= person.x + BOX_WIDTH);
        assert_readable(&diagram);
    }

    #[test]
    fn a_long_label_is_cut_to_a_readable_length() {
        let long = vec!["é".repeat(20), "x".repeat(20)];
        let text = label_text(Some(&long), Cardinality::OneToMany);
        assert_eq!(text, format!("{}/{}… 1:n", "é".repeat(20), "x".repeat(8)));
        let short = vec!["sender".to_string(), "sent".to_string()];
        assert_eq!(
            label_text(Some(&short), Cardinality::OneToOne),
            "sender/sent 1:1"
        );
        assert_eq!(label_text(None, Cardinality::ManyToMany), "n:m");
    }

    #[test]
    fn a_foreign_key_cycle_still_lays_out() {
        let diagram = layout(&schema(
            "const A = sequelize.define('a', {}); const B = sequelize.define('b', {}); A.belongsTo(B); B.belongsTo(A);",
        ));
        assert_eq!(diagram.boxes.len(), 2);
        assert!(diagram.width > 0.0 && diagram.height > 0.0);
        assert_readable(&diagram);
    }

    #[test]
    fn the_seeds_read_clearly() {
        for entry in std::fs::read_dir("tests/seeds").unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            // Each ```js or ```javascript block, without its info string.
            let code: Vec<&str> = text
                .split("```")
                .skip(1)
                .step_by(2)
                .filter_map(|block| block.split_once('\n'))
                .filter(|(info, _)| matches!(info.trim(), "js" | "javascript"))
                .map(|(_, code)| code)
                .collect();
            let diagram = layout(&schema(&code.join("\n")));
            assert!(!diagram.edges.is_empty());
            assert_readable(&diagram);
        }
    }

    /// A schema as learners' grow: chains, a fan-out, many-to-many links, a
    /// self-association and two aliased associations between one pair.
    pub(crate) fn generated(models: usize) -> String {
        let mut code = String::new();
        for i in 0..models {
            code.push_str(&format!(
                "const M{i} = sequelize.define('m{i}', {{ name: DataTypes.STRING }});\n"
            ));
        }
        for i in 1..models {
            let parent = match i % 4 {
                0 => i - 1, // a chain
                1 => 0,     // a fan-out from the first
                2 => i / 2, // a tree
                _ => i.saturating_sub(3),
            };
            code.push_str(&format!(
                "M{parent}.hasMany(M{i});\nM{i}.belongsTo(M{parent});\n"
            ));
        }
        code.push_str("M5.belongsTo(M5, { as: 'parent' });\n");
        code.push_str(
            "M9.belongsTo(M2, { as: 'sender' });\nM9.belongsTo(M2, { as: 'recipient' });\n",
        );
        for i in (3..models).step_by(7) {
            code.push_str(&format!("M{i}.belongsToMany(M1, {{ through: 'j{i}' }});\nM1.belongsToMany(M{i}, {{ through: 'j{i}' }});\n"));
        }
        code.push_str(&format!(
            "M{}.belongsTo(M0, {{ as: 'root' }});\n",
            models - 1
        ));
        code
    }

    #[test]
    fn thirty_and_a_hundred_models_read_clearly() {
        for models in [30, 100] {
            let diagram = layout(&schema(&generated(models)));
            assert!(diagram.boxes.len() >= models);
            assert!(diagram.edges.len() >= models);
            assert_readable(&diagram);
        }
    }

    #[test]
    fn barycentres_uncross_a_crossed_pair() {
        // Defined as a0, a1 then b1 (→ a1) before b0 (→ a0): the sweeps put b0 first.
        let diagram = layout(&schema(
            "const A0 = sequelize.define('a0', {}); const A1 = sequelize.define('a1', {});
             const B1 = sequelize.define('b1', {}); const B0 = sequelize.define('b0', {});
             B1.belongsTo(A1); B0.belongsTo(A0);",
        ));
        let y = |t: &str| {
            diagram
                .boxes
                .iter()
                .find(|b| b.table.starts_with(t))
                .unwrap()
                .y
        };
        assert!(y("a0") < y("a1"));
        assert!(y("b0") < y("b1"));
    }

    #[test]
    fn zoom_pan_and_fit_move_the_viewport_within_bounds() {
        let diagram = layout(&schema(&generated(30)));
        let whole = Viewport::fit(&diagram);
        assert_eq!(
            whole.view_box(),
            format!("0 0 {} {}", diagram.width, diagram.height)
        );
        let at = whole.centre();
        let zoomed = whole.apply(ViewAction::Zoom { factor: 2.0, at }, whole);
        assert!((zoomed.width - whole.width / 2.0).abs() < 1e-9);
        assert_eq!(zoomed.centre(), at, "zoom keeps the point it zooms around");
        let mut far = zoomed;
        for _ in 0..100 {
            far = far.apply(ViewAction::Zoom { factor: 2.0, at }, whole);
            far = far.apply(
                ViewAction::Pan {
                    right: 0.5,
                    down: 0.5,
                },
                whole,
            );
        }
        assert!(
            (far.width - whole.width / MAX_ZOOM).abs() < 1e-9,
            "zoom stops"
        );
        assert!(
            far.x < diagram.width && far.y < diagram.height,
            "the diagram stays in view"
        );
        let moved = whole.apply(
            ViewAction::Move {
                dx: f64::NAN,
                dy: 1e300,
            },
            whole,
        );
        assert!(moved.x.is_finite() && moved.y.is_finite());
        assert_eq!(far.apply(ViewAction::Fit, whole), whole);
        // A pixel at an element's centre is the view's centre; at its corner, the corner.
        assert_eq!(
            zoomed.point_at((200.0, 100.0), (400.0, 200.0)),
            zoomed.centre()
        );
        let corner = whole.point_at((0.0, 0.0), (whole.width, whole.height));
        assert!(corner.0.abs() < 1e-9 && corner.1.abs() < 1e-9);
        assert_eq!(whole.units_per_pixel((0.0, 0.0)), 1.0);
    }
}
