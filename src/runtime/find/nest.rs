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
        if include.required && children.is_empty() || include.must_be_empty && !children.is_empty()
        {
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

/// A raw find's rows (`raw: true`): one plain object per joined row, each included
/// model's columns under its dotted path (`'owner.name'`), a missing one as nulls; or
/// with `nest: true` the same rows with the paths as nested objects.
/// The instances an include put under a parent's key: a to-many include's list, a
/// to-one include's instance (none for null).
pub(super) fn included(value: Option<&Value>) -> Vec<InstanceRef> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| match item {
                Value::Instance(child) => Some(child.clone()),
                _ => None,
            })
            .collect(),
        Some(Value::Instance(child)) => vec![child.clone()],
        _ => Vec::new(),
    }
}

/// A find's answer: its instances, or for `raw: true` its plain rows.
pub fn answer(
    plan: &crate::plan::FindPlan,
    found: Vec<InstanceRef>,
    dialect: crate::sql::Dialect,
) -> Vec<Value> {
    match plan.raw {
        crate::plan::Raw::Instances => found.into_iter().map(Value::Instance).collect(),
        _ => raw_rows(plan, &found, dialect),
    }
}

pub fn raw_rows(
    plan: &crate::plan::FindPlan,
    found: &[InstanceRef],
    dialect: crate::sql::Dialect,
) -> Vec<Value> {
    let mut rows = Vec::new();
    for instance in found {
        for mut row in flat_rows(&instance.borrow().values, &plan.include, "") {
            for (_, value) in &mut row {
                *value = crate::runtime::instance::raw_value(
                    std::mem::replace(value, Value::Null),
                    dialect,
                );
            }
            rows.push(match plan.raw {
                crate::plan::Raw::Nested => nested(row),
                _ => Value::Object(row),
            });
        }
    }
    rows
}

type RawRow = Vec<(String, Value)>;

/// The joined rows of one instance: its own columns, times each include's rows.
fn flat_rows(values: &[(String, Value)], includes: &[IncludePlan], prefix: &str) -> Vec<RawRow> {
    let is_include = |key: &str| includes.iter().any(|i| i.as_name == key);
    let own: RawRow = values
        .iter()
        .filter(|(k, _)| !is_include(k))
        .map(|(k, v)| (format!("{prefix}{k}"), v.clone()))
        .collect();
    let mut rows = vec![own];
    for include in includes {
        let path = format!("{prefix}{}.", include.as_name);
        let value = values
            .iter()
            .find(|(k, _)| *k == include.as_name)
            .map(|(_, v)| v);
        let children = included(value);
        let mut extensions: Vec<RawRow> = children
            .iter()
            .flat_map(|c| flat_rows(&c.borrow().values, &include.children, &path))
            .collect();
        if extensions.is_empty() {
            extensions.push(null_row(include, &path));
        }
        rows = rows
            .iter()
            .flat_map(|row| {
                extensions.iter().map(move |extension| {
                    let mut joined = row.clone();
                    joined.extend(extension.iter().cloned());
                    joined
                })
            })
            .collect();
    }
    rows
}

/// The columns a LEFT JOIN that matched nothing gives: each selected one as null.
fn null_row(include: &IncludePlan, path: &str) -> RawRow {
    let mut row: RawRow = include
        .attributes
        .iter()
        .map(|a| (format!("{path}{a}"), Value::Null))
        .collect();
    for child in &include.children {
        row.extend(null_row(child, &format!("{path}{}.", child.as_name)));
    }
    row
}

/// `nest: true`: dotted keys as nested objects (`'owner.name'` → `owner: { name }`).
fn nested(row: RawRow) -> Value {
    let mut object: Vec<(String, Value)> = Vec::new();
    for (key, value) in row {
        insert_path(&mut object, &key.split('.').collect::<Vec<_>>(), value);
    }
    Value::Object(object)
}

fn insert_path(object: &mut Vec<(String, Value)>, path: &[&str], value: Value) {
    let [first, rest @ ..] = path else { return };
    if rest.is_empty() {
        object.push((first.to_string(), value));
        return;
    }
    let slot = match object.iter().position(|(k, _)| k == first) {
        Some(i) => i,
        None => {
            object.push((first.to_string(), Value::Object(Vec::new())));
            object.len() - 1
        }
    };
    if let Value::Object(inner) = &mut object[slot].1 {
        insert_path(inner, rest, value);
    }
}
