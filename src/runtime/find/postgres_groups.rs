//! The order PostgreSQL 15 hands back the groups of a `GROUP BY` in when no `ORDER BY`
//! asks for one. Its planner estimates a never-analyzed table from its columns' types
//! (ten pages of rows as wide as the types allow) and the `WHERE` from its default
//! selectivities; for a handful of rows it sorts (the groups come in key order, as the
//! other dialects give them), else it aggregates in a hash table and reads its buckets
//! back: `simplehash.h`'s table sized for the estimated groups, keyed by each column
//! type's hash function (`hash_uint32`, `hash_bytes`) combined and finished with
//! `murmurhash32`, read backwards from its first empty bucket.
//!
//! Only the shapes these estimates are known for are placed: one table (no join),
//! grouped by its own columns of integer, boolean or text types, under conditions of
//! `=`, `!=`, ranges, `IN`, `IS NULL`, `AND`, `OR` and `NOT`. Anything else keeps key
//! order.

use crate::plan::{CompareOp, FindPlan, Literal, Where, WhereValue};
use crate::runtime::store::{Cell, Row};
use crate::schema::{Attribute, Model};
use crate::value::Value;

/// The groups' order (indices into `keys`, each group's key values in `plan.group`'s
/// order) when PostgreSQL would hash them; `None` when it would sort them, or when the
/// find is not one of the shapes placed here.
pub(super) fn hashed_order(
    model: &Model,
    plan: &FindPlan,
    stored: &[Row],
    keys: &[Vec<Cell>],
) -> Option<Vec<usize>> {
    // LEFT JOINs keep every row of the model's table: the groups of its own columns
    // are estimated from it alone.
    let joins_keep_rows = plan.include.iter().all(|i| !i.required && !i.separate);
    if !joins_keep_rows || plan.group.is_empty() {
        return None;
    }
    let columns: Vec<&Attribute> = plan
        .group
        .iter()
        .map(|item| grouped_attribute(model, item))
        .collect::<Option<_>>()?;
    // Past ten pages the estimate counts the table's real pages: not placed.
    if stored_pages(stored) >= 9 {
        return None;
    }
    let tuples = estimated_tuples(model)?;
    let selectivity = match &plan.where_ {
        Some(condition) => selectivity(condition, model, tuples)?,
        None => 1.0,
    };
    let rows = clamp_rows(tuples * selectivity);
    // The planner sorts a handful of rows rather than hash them.
    if rows <= 6.0 {
        return None;
    }
    let groups = estimated_groups(&columns, tuples, rows);
    let hashes: Vec<u32> = keys
        .iter()
        .map(|key| {
            let mut hash = 0u32;
            for (cell, attribute) in key.iter().zip(&columns) {
                hash = hash.rotate_left(1);
                if *cell != Cell::Null {
                    hash ^= value_hash(cell, attribute)?;
                }
            }
            Some(murmurhash32(hash))
        })
        .collect::<Option<_>>()?;
    Some(HashTable::built(groups, &hashes).read_back())
}

/// The attribute a `group` entry names (`'ownerId'`, `'Task.ownerId'`), if it is one
/// of the model's columns.
fn grouped_attribute<'m>(model: &'m Model, item: &Value) -> Option<&'m Attribute> {
    let name = item.as_str()?;
    let name = name
        .strip_prefix(&format!("{}.", model.name))
        .unwrap_or(name);
    model
        .table_attributes()
        .find(|(attribute, _)| attribute == name || model.field_of(attribute) == name)
        .map(|(_, a)| a)
}

/// About how many heap pages the stored rows fill (each row's header, line pointer,
/// values and alignment).
fn stored_pages(rows: &[Row]) -> usize {
    let bytes: usize = rows
        .iter()
        .map(|row| {
            let values: usize = row
                .iter()
                .map(|(_, cell)| match cell {
                    Cell::Null => 0,
                    Cell::Bool(_) => 1,
                    Cell::Int(_) | Cell::Float(_) => 8,
                    Cell::Text(text) => text.len() + 4,
                })
                .sum();
            (24 + values).next_multiple_of(8) + 4
        })
        .sum();
    bytes.div_ceil(8168)
}

/// `table_block_relation_estimate_size` for a table never vacuumed: ten pages of
/// tuples as wide as `get_typavgwidth` makes each column (UTF-8's four bytes a
/// character for a bounded text), with a tuple's header and line pointer.
fn estimated_tuples(model: &Model) -> Option<f64> {
    let width: usize = model
        .table_attributes()
        .map(|(_, a)| column_width(a))
        .sum::<Option<usize>>()?;
    let density = 8168 / (width + 28);
    Some(10.0 * density as f64)
}

fn column_width(attribute: &Attribute) -> Option<usize> {
    let data_type = attribute.data_type.as_ref()?;
    let bounded_text = |characters: usize| {
        let most = characters * 4 + 4;
        match most {
            0..=32 => most,
            33..=999 => 32 + (most - 32) / 2,
            _ => 32 + (1000 - 32) / 2,
        }
    };
    let length = || data_type.length.as_deref().and_then(|l| l.parse().ok());
    Some(match data_type.key.as_str() {
        "INTEGER" | "MEDIUMINT" | "DATEONLY" | "REAL" | "ENUM" => 4,
        "BIGINT" | "DATE" | "NOW" | "FLOAT" | "DOUBLE" | "TIME" => 8,
        "SMALLINT" | "TINYINT" => 2,
        "BOOLEAN" => 1,
        "UUID" => 16,
        "STRING" | "CHAR" => bounded_text(length().unwrap_or(255)),
        "TEXT" | "CITEXT" | "JSON" | "JSONB" | "DECIMAL" => 32,
        _ => return None,
    })
}

/// The WHERE's selectivity as `clauselist_selectivity` estimates it without
/// statistics: `1/ndistinct` for an equality, a third for a range, 0.005 for a range
/// closed on both sides and for `IS NULL`, half for a boolean.
fn selectivity(condition: &Where, model: &Model, tuples: f64) -> Option<f64> {
    match condition {
        Where::And(items) => {
            let mut product = 1.0;
            let mut bounded: Vec<(&str, bool)> = Vec::new();
            for item in items {
                if let Where::Compare { field, op, .. } = item {
                    let side = match op {
                        CompareOp::Gt | CompareOp::Gte => Some(true),
                        CompareOp::Lt | CompareOp::Lte => Some(false),
                        _ => None,
                    };
                    if let Some(lower) = side {
                        // A lower and an upper bound of one column: a range.
                        if bounded.contains(&(field.as_str(), !lower)) {
                            product *= RANGE / (INEQUALITY * INEQUALITY);
                        }
                        bounded.push((field.as_str(), lower));
                    }
                }
                product *= selectivity(item, model, tuples)?;
            }
            Some(product)
        }
        Where::Or(items) => items.iter().try_fold(0.0, |s1: f64, item| {
            let s2 = selectivity(item, model, tuples)?;
            Some(s1 + s2 - s1 * s2)
        }),
        Where::Group(inner) => selectivity(inner, model, tuples),
        Where::Not(inner) => Some(1.0 - selectivity(inner, model, tuples)?),
        Where::Compare {
            attribute,
            op,
            value,
            ..
        } => {
            let column = model.attribute(attribute)?;
            let boolean = column
                .data_type
                .as_ref()
                .is_some_and(|t| t.key == "BOOLEAN");
            let equal = 1.0 / distinct_values(column, tuples);
            match (op, value) {
                (CompareOp::Eq, WhereValue::One(Literal::Bool(_))) if boolean => Some(0.5),
                (CompareOp::Eq, WhereValue::One(Literal::Null)) => None,
                (CompareOp::Eq, WhereValue::One(_)) => Some(equal),
                (CompareOp::Ne, WhereValue::One(Literal::Bool(_))) if boolean => Some(0.5),
                (CompareOp::Ne, WhereValue::One(Literal::Null)) => None,
                (CompareOp::Ne, WhereValue::One(_)) => Some(1.0 - equal),
                (CompareOp::Gt | CompareOp::Gte | CompareOp::Lt | CompareOp::Lte, _) => {
                    Some(INEQUALITY)
                }
                (CompareOp::Between, _) => Some(RANGE),
                (CompareOp::In, WhereValue::List(items)) => {
                    Some((items.len() as f64 * equal).min(1.0))
                }
                (CompareOp::NotIn, WhereValue::List(items)) => {
                    Some(1.0 - (items.len() as f64 * equal).min(1.0))
                }
                (CompareOp::Is, WhereValue::One(Literal::Null)) => Some(UNKNOWN),
                (CompareOp::IsNot, WhereValue::One(Literal::Null)) => Some(1.0 - UNKNOWN),
                _ => None,
            }
        }
        Where::Sql(_) | Where::Json { .. } | Where::Nested { .. } => None,
    }
}

/// PostgreSQL's defaults: `DEFAULT_INEQ_SEL`, `DEFAULT_RANGE_INEQ_SEL`, `DEFAULT_UNK_SEL`.
const INEQUALITY: f64 = 1.0 / 3.0;
const RANGE: f64 = 0.005;
const UNKNOWN: f64 = 0.005;

/// `get_variable_numdistinct` without statistics: two for a boolean, every row for a
/// unique column or a small table, else 200.
fn distinct_values(column: &Attribute, tuples: f64) -> f64 {
    let boolean = column
        .data_type
        .as_ref()
        .is_some_and(|t| t.key == "BOOLEAN");
    let unique =
        column.is_primary_key() || matches!(column.unique, Some(crate::schema::Unique::Flag(true)));
    match () {
        _ if boolean => 2.0,
        _ if unique || tuples < 200.0 => tuples,
        _ => 200.0,
    }
}

/// `clamp_row_est`: whole rows, at least one.
fn clamp_rows(rows: f64) -> f64 {
    rows.round().max(1.0)
}

/// `estimate_num_groups` for one table: the columns' distinct values multiplied,
/// clamped to the table, thinned by the share of rows the WHERE keeps.
fn estimated_groups(columns: &[&Attribute], tuples: f64, rows: f64) -> f64 {
    let each: Vec<f64> = columns.iter().map(|c| distinct_values(c, tuples)).collect();
    let most = each.iter().cloned().fold(0.0, f64::max);
    let mut clamp = tuples;
    if each.len() > 1 {
        clamp = (tuples * 0.1).max(most).min(tuples);
    }
    let mut distinct = each.iter().product::<f64>().min(clamp);
    if rows < tuples {
        distinct *= 1.0 - ((tuples - rows) / tuples).powf(tuples / distinct);
    }
    clamp_rows(distinct).ceil().min(rows).max(1.0)
}

/// The hash function of the column's type (`hashint4`, `hashint8`, `hashchar` for a
/// boolean, `hashtext` under a deterministic collation); `None` for types not placed.
fn value_hash(cell: &Cell, attribute: &Attribute) -> Option<u32> {
    let key = attribute.data_type.as_ref()?.key.as_str();
    match (key, cell) {
        ("INTEGER" | "SMALLINT" | "TINYINT" | "MEDIUMINT", Cell::Int(n)) => {
            Some(hash_uint32(*n as i32 as u32))
        }
        ("BIGINT", Cell::Int(n)) => {
            let (low, high) = (*n as u32, (*n >> 32) as u32);
            Some(hash_uint32(if *n >= 0 { low ^ high } else { low ^ !high }))
        }
        ("BOOLEAN", Cell::Bool(b)) => Some(hash_uint32(u32::from(*b))),
        ("STRING" | "TEXT", Cell::Text(text)) => Some(hash_bytes(text.as_bytes())),
        _ => None,
    }
}

/// `simplehash.h`'s table of the aggregate's groups: linear probing with Robin Hood
/// displacement, doubled when a member more would pass nine tenths of its size.
struct HashTable {
    buckets: Vec<Option<(u32, usize)>>,
    members: usize,
}

impl HashTable {
    /// A table sized for `groups` (as `SH_CREATE` sizes it), filled with each group's
    /// hash in turn.
    fn built(groups: f64, hashes: &[u32]) -> HashTable {
        let size = ((groups / 0.9) as usize).max(2).next_power_of_two();
        let mut table = HashTable {
            buckets: vec![None; size],
            members: 0,
        };
        for (group, hash) in hashes.iter().enumerate() {
            table.insert(*hash, group);
        }
        table
    }

    fn mask(&self) -> usize {
        self.buckets.len() - 1
    }

    fn insert(&mut self, hash: u32, group: usize) {
        if self.members >= (self.buckets.len() as f64 * 0.9) as usize {
            self.grow();
        }
        let mask = self.mask();
        let mut at = hash as usize & mask;
        let mut distance = 0;
        loop {
            let Some((held, _)) = self.buckets[at] else {
                self.buckets[at] = Some((hash, group));
                self.members += 1;
                return;
            };
            let held_distance = at.wrapping_sub(held as usize & mask) & mask;
            if distance > held_distance {
                // Robin Hood: the entries from here to the next empty bucket move on one.
                let mut empty = at;
                while self.buckets[empty].is_some() {
                    empty = (empty + 1) & mask;
                }
                while empty != at {
                    let previous = empty.wrapping_sub(1) & mask;
                    self.buckets[empty] = self.buckets[previous];
                    empty = previous;
                }
                self.buckets[at] = Some((hash, group));
                self.members += 1;
                return;
            }
            at = (at + 1) & mask;
            distance += 1;
        }
    }

    /// Twice the size, the members moved over from the first one at its own bucket.
    fn grow(&mut self) {
        let doubled = vec![None; self.buckets.len() * 2];
        let old = std::mem::replace(&mut self.buckets, doubled);
        self.members = 0;
        let mask = old.len() - 1;
        let start = (0..old.len())
            .find(|&i| old[i].is_none_or(|(hash, _)| hash as usize & mask == i))
            .unwrap_or(0);
        for i in 0..old.len() {
            if let Some((hash, group)) = old[(start + i) & mask] {
                self.insert(hash, group);
            }
        }
    }

    /// `SH_START_ITERATE` and `SH_ITERATE`: backwards from the first empty bucket.
    fn read_back(&self) -> Vec<usize> {
        let mask = self.mask();
        let start = self.buckets.iter().position(Option::is_none).unwrap_or(0);
        let mut order = Vec::with_capacity(self.members);
        let mut at = start;
        loop {
            if let Some((_, group)) = self.buckets[at] {
                order.push(group);
            }
            at = at.wrapping_sub(1) & mask;
            if at == start {
                return order;
            }
        }
    }
}

/// Bob Jenkins's lookup3 `final` mix, as PostgreSQL's `hashfn.c` has it.
fn final_mix(mut a: u32, mut b: u32, mut c: u32) -> u32 {
    c ^= b;
    c = c.wrapping_sub(b.rotate_left(14));
    a ^= c;
    a = a.wrapping_sub(c.rotate_left(11));
    b ^= a;
    b = b.wrapping_sub(a.rotate_left(25));
    c ^= b;
    c = c.wrapping_sub(b.rotate_left(16));
    a ^= c;
    a = a.wrapping_sub(c.rotate_left(4));
    b ^= a;
    b = b.wrapping_sub(a.rotate_left(14));
    c ^= b;
    c.wrapping_sub(b.rotate_left(24))
}

/// lookup3's `mix` of three words.
fn mix(a: &mut u32, b: &mut u32, c: &mut u32) {
    *a = a.wrapping_sub(*c);
    *a ^= c.rotate_left(4);
    *c = c.wrapping_add(*b);
    *b = b.wrapping_sub(*a);
    *b ^= a.rotate_left(6);
    *a = a.wrapping_add(*c);
    *c = c.wrapping_sub(*b);
    *c ^= b.rotate_left(8);
    *b = b.wrapping_add(*a);
    *a = a.wrapping_sub(*c);
    *a ^= c.rotate_left(16);
    *c = c.wrapping_add(*b);
    *b = b.wrapping_sub(*a);
    *b ^= a.rotate_left(19);
    *a = a.wrapping_add(*c);
    *c = c.wrapping_sub(*b);
    *c ^= b.rotate_left(4);
    *b = b.wrapping_add(*a);
}

/// `hash_bytes_uint32`: one word through lookup3's final mix.
fn hash_uint32(k: u32) -> u32 {
    let seed = 0x9e37_79b9u32.wrapping_add(4).wrapping_add(3_923_095);
    final_mix(seed.wrapping_add(k), seed, seed)
}

/// `hash_bytes`: lookup3 over the bytes, little-endian words; the last word's lowest
/// byte of `c` is left for the length.
fn hash_bytes(bytes: &[u8]) -> u32 {
    let seed = 0x9e37_79b9u32
        .wrapping_add(bytes.len() as u32)
        .wrapping_add(3_923_095);
    let (mut a, mut b, mut c) = (seed, seed, seed);
    let word = |chunk: &[u8]| {
        chunk
            .iter()
            .enumerate()
            .fold(0u32, |w, (i, byte)| w | (u32::from(*byte) << (8 * i)))
    };
    let mut rest = bytes;
    while rest.len() >= 12 {
        a = a.wrapping_add(word(&rest[0..4]));
        b = b.wrapping_add(word(&rest[4..8]));
        c = c.wrapping_add(word(&rest[8..12]));
        mix(&mut a, &mut b, &mut c);
        rest = &rest[12..];
    }
    a = a.wrapping_add(word(&rest[..rest.len().min(4)]));
    if rest.len() > 4 {
        b = b.wrapping_add(word(&rest[4..rest.len().min(8)]));
    }
    if rest.len() > 8 {
        c = c.wrapping_add(word(&rest[8..]) << 8);
    }
    final_mix(a, b, c)
}

/// `murmurhash32`'s finalizer, which `TupleHashTableHash` ends with.
fn murmurhash32(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Orders PostgreSQL 15 answered `SELECT "ownerId", count(*) … GROUP BY "ownerId"`
    /// in, for tables estimated at 140 and 70 rows.
    #[test]
    fn reads_buckets_back_as_postgresql_does() {
        let ints = |keys: &[u32]| -> Vec<u32> {
            keys.iter().map(|k| murmurhash32(hash_uint32(*k))).collect()
        };
        let order = |groups: f64, keys: &[u32]| -> Vec<u32> {
            let table = HashTable::built(groups, &ints(keys));
            table.read_back().into_iter().map(|i| keys[i]).collect()
        };
        assert_eq!(order(140.0, &[1, 2, 3]), [3, 2, 1]);
        assert_eq!(order(70.0, &[1, 2, 3]), [2, 3, 1]);
        assert_eq!(
            order(140.0, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
            [9, 3, 5, 4, 10, 6, 2, 7, 1, 8]
        );
        assert_eq!(order(140.0, &[5, 9, 12, 40, 100]), [40, 9, 5, 100, 12]);
        // Two groups of a boolean: the table grows before the second goes in.
        assert_eq!(order(2.0, &[0, 1]), [0, 1]);
        let words = ["open", "done", "archived", "late"];
        let hashes: Vec<u32> = words
            .iter()
            .map(|w| murmurhash32(hash_bytes(w.as_bytes())))
            .collect();
        let read: Vec<&str> = HashTable::built(70.0, &hashes)
            .read_back()
            .into_iter()
            .map(|i| words[i])
            .collect();
        assert_eq!(read, ["open", "done", "late", "archived"]);
    }
}
