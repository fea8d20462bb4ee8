//! [`Keyed`]: GlueSQL's memory storage with key maps beside its rows, so a lookup by
//! key reads the rows it can match instead of the whole table (issue 13).
//!
//! GlueSQL still runs every statement, whole WHERE included: before a SELECT or DELETE
//! whose filter says `column = v` or `column IN (…)` (alone or in an AND), the store
//! narrows the table's scan to the rows whose `column` holds one of those values, in
//! the table's own order, and GlueSQL evaluates the filter on them as on every row.
//! A column's map is built the first time a lookup uses it and kept current by every
//! write after (GlueSQL writes through [`StoreMut`]). A filter is narrowed only when no
//! part of it can fail on a row (each value of the column's own type, no LIKE): a full
//! scan and a narrowed one then answer alike, error for error. A lookup that can match
//! more than half the table (the full include's `IN` of every owner) scans it whole.
//!
//! Why not GlueSQL's own keys: a PRIMARY KEY makes the memory storage keep rows in key
//! order (PostgreSQL's order after an UPDATE, mimicked by `Store::update`, would be
//! lost), its planner turns only `pk = v` into a fetch (not `IN`, not DELETE), and the
//! memory storage refuses CREATE INDEX.

use std::collections::{BTreeSet, HashMap};
use std::iter;

use gluesql::core::ast::DataType;
use gluesql::core::data::{CustomFunction as Function, Key, Schema, Value};
use gluesql::core::error::Result;
use gluesql::core::store::{
    AlterTable, CustomFunction, CustomFunctionMut, Index, IndexMut, Metadata, Planner, RowIter,
    Store, StoreMut, Transaction,
};
use gluesql::prelude::MemoryStorage;

use super::{Cell, Comparison, Filter};

/// A stored value a key map files rows under: the values an equality can look up.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum KeyValue {
    Int(i64),
    Text(String),
}

impl KeyValue {
    fn stored(value: &Value) -> Option<KeyValue> {
        match value {
            Value::I64(i) => Some(KeyValue::Int(*i)),
            Value::Str(s) => Some(KeyValue::Text(s.clone())),
            _ => None,
        }
    }

    fn looked_up(cell: &Cell) -> Option<KeyValue> {
        match cell {
            Cell::Int(i) => Some(KeyValue::Int(*i)),
            Cell::Text(s) => Some(KeyValue::Text(s.clone())),
            _ => None,
        }
    }
}

/// One column's values, each with the keys of the rows holding it (in table order).
type KeyMap = HashMap<KeyValue, BTreeSet<Key>>;

/// GlueSQL's [`MemoryStorage`], with key maps and the scan of the statement running.
#[derive(Default)]
pub struct Keyed {
    rows: MemoryStorage,
    /// Per table, per column position: the maps built so far.
    maps: HashMap<String, HashMap<usize, KeyMap>>,
    /// While a statement runs: its table, and the only rows of it that can match.
    narrowed: Option<(String, BTreeSet<Key>)>,
}

impl Keyed {
    /// Narrows the scans of the statement about to run on `table` with `filter`, when
    /// the filter is a lookup by key that cannot fail and can match at most half the
    /// table.
    pub fn narrow(&mut self, table: &str, filter: &Filter) {
        let Some((column, values)) = self.lookup(table, filter) else {
            return;
        };
        let rows = self.rows.items.get(table).map_or(0, |t| t.rows.len());
        let map = self.key_map(table, column);
        let sets: Vec<&BTreeSet<Key>> = values.iter().filter_map(|v| map.get(v)).collect();
        let matching: usize = sets.iter().map(|keys| keys.len()).sum();
        // A lookup that can match most of the table reads it faster in one pass.
        if matching * 2 > rows {
            return;
        }
        let keys = sets.into_iter().flatten().cloned().collect();
        self.narrowed = Some((table.to_string(), keys));
    }

    /// Scans whole tables again (after the statement).
    pub fn widen(&mut self) {
        self.narrowed = None;
    }

    /// The column position and values `filter` looks up in `table`, if it is safe to.
    fn lookup(&self, table: &str, filter: &Filter) -> Option<(usize, Vec<KeyValue>)> {
        let columns = self.rows.items.get(table)?.schema.column_defs.as_ref()?;
        let kind_of = |name: &str| {
            columns
                .iter()
                .find(|c| c.name == name)
                .map(|c| c.data_type.clone())
        };
        if !cannot_fail(filter, &kind_of) {
            return None;
        }
        let (column, cells) = key_cells(filter)?;
        let position = columns.iter().position(|c| c.name == column)?;
        let values: Option<Vec<KeyValue>> = cells.into_iter().map(KeyValue::looked_up).collect();
        Some((position, values?))
    }

    /// The map of `table`'s column at `position`, built from its rows the first time.
    fn key_map(&mut self, table: &str, position: usize) -> &KeyMap {
        let rows = &self.rows;
        let maps = self.maps.entry(table.to_string()).or_default();
        maps.entry(position).or_insert_with(|| {
            let mut map = KeyMap::new();
            for (key, row) in rows.items.get(table).into_iter().flat_map(|t| &t.rows) {
                file(&mut map, position, key, row);
            }
            map
        })
    }

    /// Files a row (or unfiles it) in every map of `table`.
    fn refile(&mut self, table: &str, key: &Key, row: &[Value], add: bool) {
        for (&position, map) in self.maps.get_mut(table).into_iter().flatten() {
            if add {
                file(map, position, key, row);
            } else {
                unfile(map, position, key, row);
            }
        }
    }
}

fn file(map: &mut KeyMap, position: usize, key: &Key, row: &[Value]) {
    if let Some(value) = row.get(position).and_then(KeyValue::stored) {
        map.entry(value).or_default().insert(key.clone());
    }
}

fn unfile(map: &mut KeyMap, position: usize, key: &Key, row: &[Value]) {
    if let Some(value) = row.get(position).and_then(KeyValue::stored) {
        if let Some(keys) = map.get_mut(&value) {
            keys.remove(key);
            if keys.is_empty() {
                map.remove(&value);
            }
        }
    }
}

/// The column and values of `filter`'s lookup by key: `column = v`, `column IN (…)`,
/// or the first of them in an AND.
fn key_cells(filter: &Filter) -> Option<(&str, Vec<&Cell>)> {
    match filter {
        Filter::Compare {
            column,
            op: Comparison::Eq,
            value,
        } => Some((column, vec![value])),
        Filter::In {
            column,
            values,
            negated: false,
        } => Some((column, values.iter().collect())),
        Filter::And(items) => items.iter().find_map(key_cells),
        _ => None,
    }
}

/// Whether GlueSQL can evaluate `filter` on any row without an error: every column
/// exists, every value is of its column's type, and there is no LIKE (a pattern).
fn cannot_fail(filter: &Filter, kind_of: &dyn Fn(&str) -> Option<DataType>) -> bool {
    let fits = |column: &str, cell: &Cell| {
        matches!(
            (cell, kind_of(column)),
            (Cell::Int(_), Some(DataType::Int))
                | (Cell::Float(_), Some(DataType::Float))
                | (Cell::Text(_), Some(DataType::Text))
                | (Cell::Bool(_), Some(DataType::Boolean))
        )
    };
    match filter {
        Filter::All | Filter::Nothing => true,
        Filter::Compare { column, value, .. } => fits(column, value),
        Filter::IsNull { column, .. } => kind_of(column).is_some(),
        Filter::In { column, values, .. } => values.iter().all(|v| fits(column, v)),
        Filter::Between {
            column, low, high, ..
        } => fits(column, low) && fits(column, high),
        Filter::And(items) | Filter::Or(items) => items.iter().all(|f| cannot_fail(f, kind_of)),
        Filter::Like { .. } | Filter::Invalid(_) => false,
    }
}

impl Store for Keyed {
    fn fetch_schema(&self, table_name: &str) -> Result<Option<Schema>> {
        self.rows.fetch_schema(table_name)
    }

    fn fetch_all_schemas(&self) -> Result<Vec<Schema>> {
        self.rows.fetch_all_schemas()
    }

    fn fetch_data(&self, table_name: &str, key: &Key) -> Result<Option<Vec<Value>>> {
        Store::fetch_data(&self.rows, table_name, key)
    }

    /// The table's rows in key order: all of them, or those the statement is narrowed
    /// to. (Rows are copied one by one, not the table at once as the memory storage
    /// does.)
    fn scan_data<'a>(&'a self, table_name: &str) -> Result<RowIter<'a>> {
        let Some(table) = self.rows.items.get(table_name) else {
            return Ok(Box::new(iter::empty()));
        };
        let copy = |(key, row): (&Key, &Vec<Value>)| Ok((key.clone(), row.clone()));
        Ok(match &self.narrowed {
            Some((narrowed, keys)) if narrowed == table_name => Box::new(
                keys.iter()
                    .filter_map(|key| table.rows.get_key_value(key))
                    .map(copy),
            ),
            _ => Box::new(table.rows.iter().map(copy)),
        })
    }
}

impl StoreMut for Keyed {
    fn insert_schema(&mut self, schema: &Schema) -> Result<()> {
        self.maps.remove(&schema.table_name);
        self.rows.insert_schema(schema)
    }

    fn delete_schema(&mut self, table_name: &str) -> Result<()> {
        self.maps.remove(table_name);
        self.rows.delete_schema(table_name)
    }

    /// New rows, keyed as the memory storage keys them (one counter for all tables).
    fn append_data(&mut self, table_name: &str, rows: Vec<Vec<Value>>) -> Result<()> {
        if !self.rows.items.contains_key(table_name) {
            return Ok(());
        }
        let keyed = rows
            .into_iter()
            .map(|row| {
                self.rows.id_counter += 1;
                (Key::I64(self.rows.id_counter), row)
            })
            .collect();
        self.insert_data(table_name, keyed)
    }

    fn insert_data(&mut self, table_name: &str, rows: Vec<(Key, Vec<Value>)>) -> Result<()> {
        let mapped = self.maps.contains_key(table_name);
        for (key, row) in rows.iter().filter(|_| mapped) {
            if let Some(old) = Store::fetch_data(&self.rows, table_name, key)? {
                self.refile(table_name, key, &old, false);
            }
            self.refile(table_name, key, row, true);
        }
        self.rows.insert_data(table_name, rows)
    }

    fn delete_data(&mut self, table_name: &str, keys: Vec<Key>) -> Result<()> {
        let mapped = self.maps.contains_key(table_name);
        for key in keys.iter().filter(|_| mapped) {
            if let Some(old) = Store::fetch_data(&self.rows, table_name, key)? {
                self.refile(table_name, key, &old, false);
            }
        }
        self.rows.delete_data(table_name, keys)
    }
}

impl CustomFunction for Keyed {
    fn fetch_function<'a>(&'a self, func_name: &str) -> Result<Option<&'a Function>> {
        self.rows.fetch_function(func_name)
    }

    fn fetch_all_functions(&self) -> Result<Vec<&Function>> {
        self.rows.fetch_all_functions()
    }
}

// What the store never asks of GlueSQL (indexes, metadata, ALTER TABLE, transactions,
// functions defined in SQL): GlueSQL's defaults, which refuse or do nothing.
impl CustomFunctionMut for Keyed {}
impl Index for Keyed {}
impl IndexMut for Keyed {}
impl Metadata for Keyed {}
impl AlterTable for Keyed {}
impl Transaction for Keyed {}
impl Planner for Keyed {}

#[cfg(test)]
mod tests {
    use super::super::{Cell, ColumnKind, Comparison, Filter, Store};

    fn owners_and_pugs() -> Store {
        let mut store = Store::default();
        let columns = [
            ("id".into(), ColumnKind::Int),
            ("name".into(), ColumnKind::Text),
            ("ownerId".into(), ColumnKind::Int),
        ];
        store.create_table("pugs", &columns).unwrap();
        for (id, name, owner) in [(1, "a", 1), (2, "b", 2), (3, "c", 1), (4, "d", 2)] {
            let row = [
                ("id", Cell::Int(id)),
                ("name", Cell::Text(name.into())),
                ("ownerId", Cell::Int(owner)),
            ];
            store.insert("pugs", &row).unwrap();
        }
        store
    }

    fn ids(store: &mut Store, filter: &Filter) -> Result<Vec<i64>, String> {
        let rows = store.select("pugs", filter)?;
        Ok(rows
            .iter()
            .map(|row| match row[0].1 {
                Cell::Int(id) => id,
                _ => panic!("{row:?}"),
            })
            .collect())
    }

    /// What a full scan answers: an OR of one item is never narrowed.
    fn scanned(store: &mut Store, filter: &Filter) -> Result<Vec<i64>, String> {
        ids(store, &Filter::Or(vec![filter.clone()]))
    }

    fn int(column: &str, op: Comparison, value: i64) -> Filter {
        Filter::Compare {
            column: column.into(),
            op,
            value: Cell::Int(value),
        }
    }

    /// Lookups by key answer what full scans answer: the same rows in the same order,
    /// the same errors, after updates (a row moves to the end) and deletes too.
    #[test]
    fn lookups_answer_as_full_scans() {
        let mut store = owners_and_pugs();
        let owners = |values: &[i64]| Filter::In {
            column: "ownerId".into(),
            values: values.iter().map(|v| Cell::Int(*v)).collect(),
            negated: false,
        };
        let set = [("name".into(), Cell::Text("z".into()))];
        store
            .update("pugs", &set, &int("id", Comparison::Eq, 1))
            .unwrap();
        store.delete("pugs", &int("id", Comparison::Eq, 4)).unwrap();
        store.insert("pugs", &[("id", Cell::Int(5))]).unwrap();
        let filters = [
            int("id", Comparison::Eq, 1),
            int("id", Comparison::Eq, 4),
            owners(&[2, 1]),
            owners(&[]),
            Filter::And(vec![owners(&[1, 2]), int("id", Comparison::Gt, 1)]),
            Filter::eq("name", &Cell::Text("z".into())),
            Filter::eq("name", &Cell::Int(1)),
            Filter::eq("missing", &Cell::Int(1)),
            Filter::And(vec![
                int("id", Comparison::Eq, 1),
                Filter::Like {
                    column: "id".into(),
                    pattern: Cell::Int(1),
                    negated: false,
                    case_insensitive: false,
                },
            ]),
        ];
        for filter in &filters {
            assert_eq!(
                ids(&mut store, filter),
                scanned(&mut store, filter),
                "{filter:?}"
            );
        }
        assert_eq!(ids(&mut store, &owners(&[1])), Ok(vec![3, 1]));
    }

    /// A table dropped and made anew has no rows left under its old keys.
    #[test]
    fn a_new_table_has_new_keys() {
        let mut store = owners_and_pugs();
        assert_eq!(ids(&mut store, &int("id", Comparison::Eq, 2)), Ok(vec![2]));
        store.drop_table("pugs").unwrap();
        store
            .create_table("pugs", &[("id".into(), ColumnKind::Int)])
            .unwrap();
        store.insert("pugs", &[("id", Cell::Int(7))]).unwrap();
        assert_eq!(ids(&mut store, &int("id", Comparison::Eq, 2)), Ok(vec![]));
        assert_eq!(ids(&mut store, &int("id", Comparison::Eq, 7)), Ok(vec![7]));
    }
}
