//! Nesting: fetched rows with the instances made of them, and each include's
//! instances set on their parents, as the rows of Sequelize's join come back nested.

use std::collections::HashMap;

use crate::runtime::store::{Cell, Row};

use crate::plan::IncludePlan;
use crate::runtime::store::cell_in;
use crate::value::{InstanceRef, Value};

/// A fetched row with the instance made of it.
pub(super) struct Loaded {
    pub row: Row,
    pub instance: InstanceRef,
}

/// An include's instances by the key of the parent they belong to.
pub(super) type ChildrenByKey = HashMap<CellKey, Vec<InstanceRef>>;

/// A cell as a hash-map key (floats by their bits: keys are integers or text in practice).
#[derive(Clone, PartialEq, Eq, Hash)]
pub(super) enum CellKey {
    Null,
    Int(i64),
    Bits(u64),
    Text(String),
    Bool(bool),
}

pub(super) fn cell_key(cell: &Cell) -> CellKey {
    match cell {
        Cell::Null => CellKey::Null,
        Cell::Int(i) => CellKey::Int(*i),
        Cell::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => CellKey::Int(*f as i64),
        Cell::Float(f) => CellKey::Bits(f.to_bits()),
        Cell::Text(t) => CellKey::Text(t.clone()),
        Cell::Bool(b) => CellKey::Bool(*b),
    }
}

/// Whether an include selects no column of its own and has no include under it.
fn shows_nothing(include: &IncludePlan) -> bool {
    include.attributes.is_empty()
        && include.through_attributes.is_empty()
        && include.children.is_empty()
}

/// Sets each parent's include to its children (by the parent's `parent_field`), and
/// drops the parents a required include leaves empty.
pub(super) fn attach(
    parents: &mut Vec<Loaded>,
    children_by_key: &ChildrenByKey,
    include: &IncludePlan,
    parent_field: &str,
) {
    let association = &include.association;
    let multiple = association.kind.is_multiple();
    let no_children: Vec<InstanceRef> = Vec::new();
    let mut attached = Vec::with_capacity(parents.len());
    for parent in parents.drain(..) {
        let key = cell_key(&cell_in(&parent.row, parent_field));
        let children = children_by_key.get(&key).unwrap_or(&no_children);
        if include.required && children.is_empty() {
            continue;
        }
        if shows_nothing(include) {
            // `attributes: []`: the join still filters and counts, but no column of it
            // comes back, so the result has no key for it.
            attached.push(parent);
        } else if multiple {
            let value = Value::Array(
                children
                    .iter()
                    .map(|i| Value::Instance(i.clone()))
                    .collect(),
            );
            parent.instance.borrow_mut().set(&include.as_name, value);
            attached.push(parent);
        } else if children.len() <= 1 {
            let value = children
                .first()
                .map_or(Value::Null, |i| Value::Instance(i.clone()));
            parent.instance.borrow_mut().set(&include.as_name, value);
            attached.push(parent);
        } else {
            // A hasOne that matches several rows: the join returns the parent once per
            // match, and Sequelize (which only de-duplicates to-many includes) keeps
            // every copy.
            for child in children {
                let mut copy = parent.instance.borrow().duplicate();
                copy.set(&include.as_name, Value::Instance(child.clone()));
                attached.push(Loaded {
                    row: parent.row.clone(),
                    instance: copy.into_ref(),
                });
            }
        }
    }
    *parents = attached;
}
