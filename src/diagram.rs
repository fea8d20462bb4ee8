//! The entity diagram, laid out: one box per table with its columns, one edge per
//! foreign key, marked with its cardinality. Pure geometry; the page draws it as SVG.
//!
//! Layout: tables in layers by foreign-key depth — a table sits one layer right of
//! every table it references — and in definition order within a layer, so the
//! tutorials' owner → pug reads left to right.

use std::collections::HashSet;
use std::rc::Rc;

use serde::Serialize;

use crate::schema::{AssociationType, Model, Schema};

pub const BOX_WIDTH: f64 = 190.0;
pub const HEADER_HEIGHT: f64 = 26.0;
pub const ROW_HEIGHT: f64 = 18.0;
const LAYER_GAP: f64 = 90.0;
const BOX_GAP: f64 = 28.0;
const MARGIN: f64 = 16.0;

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

/// A foreign key drawn from the referencing column to the referenced one.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Edge {
    pub from_table: String,
    pub from_column: String,
    pub to_table: String,
    pub to_column: String,
    pub cardinality: Cardinality,
    /// Start (at the foreign key) and end (at the referenced key).
    pub from: (f64, f64),
    pub to: (f64, f64),
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

fn layers(schema: &Schema) -> Vec<usize> {
    let count = schema.models.len();
    let references = references(schema);
    let mut layer = vec![0usize; count];
    // Longest path by relaxation; a cycle simply stops growing after `count` rounds.
    for _ in 0..count {
        let mut changed = false;
        for &(id, referenced) in &references {
            if referenced != id && layer[id] < layer[referenced] + 1 {
                layer[id] = layer[referenced] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    layer
}

/// Each foreign key as (model, referenced model), in model and column order: found once,
/// not once per round of [`layers`].
fn references(schema: &Schema) -> Vec<(usize, usize)> {
    let mut references = Vec::new();
    for (id, model) in schema.models.iter().enumerate() {
        for (_, attribute) in model.table_attributes() {
            let table = attribute
                .references
                .as_ref()
                .and_then(|r| r.model.as_deref());
            if let Some(referenced) = table.and_then(|table| schema.find_table(table)) {
                references.push((id, referenced));
            }
        }
    }
    references
}

/// The names of the models that are a many-to-many link's join table.
fn join_model_names(schema: &Schema) -> HashSet<&str> {
    let associations = schema.models.iter().flat_map(|m| &m.associations);
    associations
        .filter(|a| a.kind == AssociationType::BelongsToMany)
        .filter_map(|a| a.through.map(|t| schema.model(t).name.as_str()))
        .collect()
}

fn cardinality(
    schema: &Schema,
    join_models: &HashSet<&str>,
    model: &Model,
    column: &str,
    referenced: &Model,
) -> Cardinality {
    if join_models.contains(model.name.as_str()) {
        return Cardinality::ManyToMany;
    }
    let one_to_one = referenced.associations.iter().any(|a| {
        a.kind == AssociationType::HasOne
            && schema.model(a.target).name == model.name
            && model.field_of(&a.foreign_key) == column
    });
    if one_to_one {
        Cardinality::OneToOne
    } else {
        Cardinality::OneToMany
    }
}

pub fn layout(schema: &Schema) -> Diagram {
    let layer_of = layers(schema);
    let mut boxes: Vec<TableBox> = Vec::new();
    let mut next_y: Vec<f64> = Vec::new();
    for (id, model) in schema.models.iter().enumerate() {
        let layer = layer_of[id];
        if next_y.len() <= layer {
            next_y.resize(layer + 1, MARGIN);
        }
        let columns: Vec<BoxColumn> = model
            .table_attributes()
            .map(|(name, a)| BoxColumn {
                name: model.field_of(name),
                primary_key: a.is_primary_key(),
                foreign_key: a.references.is_some(),
            })
            .collect();
        let height = HEADER_HEIGHT + ROW_HEIGHT * columns.len() as f64 + 6.0;
        boxes.push(TableBox {
            table: model.table_name.clone(),
            x: MARGIN + layer as f64 * (BOX_WIDTH + LAYER_GAP),
            y: next_y[layer],
            height,
            columns,
        });
        next_y[layer] += height + BOX_GAP;
    }
    let row_y = |b: &TableBox, column: &str| {
        let index = b.columns.iter().position(|c| c.name == column).unwrap_or(0);
        b.y + HEADER_HEIGHT + ROW_HEIGHT * index as f64 + ROW_HEIGHT / 2.0
    };
    let mut edges = Vec::new();
    let join_models = join_model_names(schema);
    for (id, model) in schema.models.iter().enumerate() {
        for (name, attribute) in model.table_attributes() {
            let Some(references) = &attribute.references else {
                continue;
            };
            let Some(table) = references.model.as_deref() else {
                continue;
            };
            let Some(target) = schema.find_table(table) else {
                continue;
            };
            let to_column = references.key.clone().unwrap_or_else(|| "id".into());
            let from_column = model.field_of(name);
            let (from_box, to_box) = (&boxes[id], &boxes[target]);
            // Leave from the side facing the referenced table.
            let (from_x, to_x) = if to_box.x < from_box.x {
                (from_box.x, to_box.x + BOX_WIDTH)
            } else if to_box.x > from_box.x {
                (from_box.x + BOX_WIDTH, to_box.x)
            } else {
                (from_box.x + BOX_WIDTH, to_box.x + BOX_WIDTH)
            };
            edges.push(Rc::new(Edge {
                from_table: model.table_name.clone(),
                cardinality: cardinality(
                    schema,
                    &join_models,
                    model,
                    &from_column,
                    schema.model(target),
                ),
                from: (from_x, row_y(from_box, &from_column)),
                to: (to_x, row_y(to_box, &to_column)),
                from_column,
                to_table: table.to_string(),
                to_column,
            }));
        }
    }
    let width = boxes.iter().map(|b| b.x + BOX_WIDTH).fold(0.0, f64::max) + MARGIN + 40.0;
    let height = boxes.iter().map(|b| b.y + b.height).fold(0.0, f64::max) + MARGIN;
    Diagram {
        width,
        height,
        boxes: boxes.into_iter().map(Rc::new).collect(),
        edges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema(code: &str) -> Schema {
        let (program, _) = crate::syntax::parse(code);
        crate::interpret::run(&program, Default::default()).schema
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
        assert_eq!(edge.from.0, pugs.x);
        assert_eq!(edge.to.0, owners.x + BOX_WIDTH);
    }

    #[test]
    fn has_one_is_one_to_one_and_join_tables_are_many_to_many() {
        let one = layout(&schema("const O = sequelize.define('owner', {}); const P = sequelize.define('pug', {}); O.hasOne(P);"));
        assert_eq!(one.edges[0].cardinality, Cardinality::OneToOne);
        let many = layout(&schema(
            "const U = sequelize.define('user', {}); const P = sequelize.define('project', {}); U.belongsToMany(P, { through: 'UP' }); P.belongsToMany(U, { through: 'UP' });",
        ));
        assert_eq!(many.edges.len(), 2);
        assert!(many
            .edges
            .iter()
            .all(|e| e.cardinality == Cardinality::ManyToMany && e.from_table == "UP"));
    }

    #[test]
    fn a_foreign_key_cycle_still_lays_out() {
        let diagram = layout(&schema(
            "const A = sequelize.define('a', {}); const B = sequelize.define('b', {}); A.belongsTo(B); B.belongsTo(A);",
        ));
        assert_eq!(diagram.boxes.len(), 2);
        assert!(diagram.width > 0.0 && diagram.height > 0.0);
    }
}
