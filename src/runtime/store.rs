//! The one boundary to GlueSQL: tables in memory, rows in and out.
//!
//! Everything above this module speaks in [`Cell`]s and table/column names; the SQL
//! sent to GlueSQL is built here and never shown to the learner (what is shown is
//! Sequelize's SQL, built in `runtime::sql`). GlueSQL 0.20 is synchronous.
//!
//! GlueSQL is most of a WebAssembly build's size, so it comes with the `engine` feature
//! (on by default). The page's first bundle is built without it: it only analyzes, and
//! a store there answers every statement with an error.

#[cfg(feature = "engine")]
use gluesql::core::data::Value as GlueValue;
#[cfg(feature = "engine")]
use gluesql::prelude::{Glue, MemoryStorage, Payload};

/// One stored value.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    Bool(bool),
}

impl Cell {
    /// The value as a learner would write it in the snippet (`42`, `'Tom'`).
    pub fn display(&self) -> String {
        match self {
            Cell::Null => "null".into(),
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => f.to_string(),
            Cell::Text(t) => format!("'{t}'"),
            Cell::Bool(b) => b.to_string(),
        }
    }
}

/// The kind of column a Sequelize type is stored as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    Int,
    Float,
    Text,
    Bool,
}

impl ColumnKind {
    fn sql(self) -> &'static str {
        match self {
            ColumnKind::Int => "INT",
            ColumnKind::Float => "FLOAT",
            ColumnKind::Text => "TEXT",
            ColumnKind::Bool => "BOOLEAN",
        }
    }
}

/// A condition on one column, as GlueSQL will evaluate it.
#[derive(Clone, Debug, PartialEq)]
pub enum Filter {
    All,
    /// Raw GlueSQL condition text built by [`Filter`] constructors only.
    Sql(String),
}

impl Filter {
    pub fn eq(column: &str, value: &Cell) -> Filter {
        match value {
            Cell::Null => Filter::Sql(format!("{} IS NULL", quote(column))),
            _ => Filter::Sql(format!("{} = {}", quote(column), literal(value))),
        }
    }

    pub fn one_of(column: &str, values: &[Cell]) -> Filter {
        let values: Vec<String> = values
            .iter()
            .filter(|v| **v != Cell::Null)
            .map(literal)
            .collect();
        if values.is_empty() {
            return Filter::Sql("1 = 0".into());
        }
        Filter::Sql(format!("{} IN ({})", quote(column), values.join(", ")))
    }

    pub fn and(self, other: Filter) -> Filter {
        match (self, other) {
            (Filter::All, f) | (f, Filter::All) => f,
            (Filter::Sql(a), Filter::Sql(b)) => Filter::Sql(format!("({a}) AND ({b})")),
        }
    }

    fn clause(&self) -> String {
        match self {
            Filter::All => String::new(),
            Filter::Sql(sql) => format!(" WHERE {sql}"),
        }
    }
}

/// A row: (column, value) pairs. Column names are shared between the rows of a result.
pub type Row = Vec<(std::rc::Rc<str>, Cell)>;

pub struct Store {
    #[cfg(feature = "engine")]
    glue: Glue<MemoryStorage>,
}

#[allow(clippy::derivable_impls)] // derivable only without the engine
impl Default for Store {
    fn default() -> Store {
        Store {
            #[cfg(feature = "engine")]
            glue: Glue::new(MemoryStorage::default()),
        }
    }
}

/// What one statement gave back.
#[cfg_attr(not(feature = "engine"), allow(dead_code))]
enum Answer {
    Rows(Vec<String>, Vec<Vec<Cell>>),
    Affected(usize),
    Done,
}

pub fn quote(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

fn literal(value: &Cell) -> String {
    match value {
        Cell::Null => "NULL".into(),
        Cell::Int(i) => i.to_string(),
        Cell::Float(f) if f.is_finite() => format!("{f:?}"),
        Cell::Float(_) => "NULL".into(),
        Cell::Text(s) => format!("'{}'", s.replace('\'', "''")),
        Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
    }
}

#[cfg(feature = "engine")]
fn cell(value: GlueValue) -> Cell {
    match value {
        GlueValue::Null => Cell::Null,
        GlueValue::Bool(b) => Cell::Bool(b),
        GlueValue::I8(i) => Cell::Int(i.into()),
        GlueValue::I16(i) => Cell::Int(i.into()),
        GlueValue::I32(i) => Cell::Int(i.into()),
        GlueValue::I64(i) => Cell::Int(i),
        GlueValue::U8(i) => Cell::Int(i.into()),
        GlueValue::U16(i) => Cell::Int(i.into()),
        GlueValue::U32(i) => Cell::Int(i.into()),
        GlueValue::F32(f) => Cell::Float(f.into()),
        GlueValue::F64(f) => Cell::Float(f),
        GlueValue::Str(s) => Cell::Text(s),
        other => Cell::Text(String::from(&other)),
    }
}

impl Store {
    #[cfg(feature = "engine")]
    fn execute(&mut self, sql: &str) -> Result<Vec<Answer>, String> {
        let payloads = self.glue.execute(sql).map_err(|e| e.to_string())?;
        Ok(payloads
            .into_iter()
            .map(|payload| match payload {
                Payload::Select { labels, rows } => Answer::Rows(
                    labels,
                    rows.into_iter()
                        .map(|r| r.into_iter().map(cell).collect())
                        .collect(),
                ),
                Payload::Update(n) | Payload::Delete(n) | Payload::Insert(n) => Answer::Affected(n),
                _ => Answer::Done,
            })
            .collect())
    }

    #[cfg(not(feature = "engine"))]
    fn execute(&mut self, _sql: &str) -> Result<Vec<Answer>, String> {
        Err("this build has no SQL engine (built without the `engine` feature)".into())
    }

    pub fn create_table(
        &mut self,
        table: &str,
        columns: &[(String, ColumnKind)],
    ) -> Result<(), String> {
        let columns: Vec<String> = columns
            .iter()
            .map(|(name, kind)| format!("{} {} NULL", quote(name), kind.sql()))
            .collect();
        self.execute(&format!(
            "CREATE TABLE {} ({})",
            quote(table),
            columns.join(", ")
        ))?;
        Ok(())
    }

    pub fn drop_table(&mut self, table: &str) -> Result<(), String> {
        self.execute(&format!("DROP TABLE IF EXISTS {}", quote(table)))?;
        Ok(())
    }

    pub fn insert<C: AsRef<str>>(&mut self, table: &str, row: &[(C, Cell)]) -> Result<(), String> {
        let columns: Vec<String> = row.iter().map(|(c, _)| quote(c.as_ref())).collect();
        let values: Vec<String> = row.iter().map(|(_, v)| literal(v)).collect();
        self.execute(&format!(
            "INSERT INTO {} ({}) VALUES ({})",
            quote(table),
            columns.join(", "),
            values.join(", ")
        ))?;
        Ok(())
    }

    /// Inserts rows that share one column list, a thousand to a statement.
    pub fn insert_many<C: AsRef<str>>(
        &mut self,
        table: &str,
        rows: &[Vec<(C, Cell)>],
    ) -> Result<(), String> {
        let Some(first) = rows.first() else {
            return Ok(());
        };
        let columns: Vec<String> = first.iter().map(|(c, _)| quote(c.as_ref())).collect();
        for chunk in rows.chunks(1000) {
            let tuples: Vec<String> = chunk
                .iter()
                .map(|row| {
                    format!(
                        "({})",
                        row.iter()
                            .map(|(_, v)| literal(v))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })
                .collect();
            self.execute(&format!(
                "INSERT INTO {} ({}) VALUES {}",
                quote(table),
                columns.join(", "),
                tuples.join(", ")
            ))?;
        }
        Ok(())
    }

    pub fn select(&mut self, table: &str, filter: &Filter) -> Result<Vec<Row>, String> {
        let answers = self.execute(&format!(
            "SELECT * FROM {}{}",
            quote(table),
            filter.clause()
        ))?;
        let mut out = Vec::new();
        for answer in answers {
            if let Answer::Rows(labels, rows) = answer {
                let labels: Vec<std::rc::Rc<str>> =
                    labels.into_iter().map(std::rc::Rc::from).collect();
                for row in rows {
                    out.push(labels.iter().cloned().zip(row).collect());
                }
            }
        }
        Ok(out)
    }

    /// Updates the matching rows. Like PostgreSQL, an updated row moves to the end of
    /// the table's natural order (it is a new row version), so an unordered SELECT
    /// afterwards lists rows as PostgreSQL would.
    pub fn update(
        &mut self,
        table: &str,
        set: &[(String, Cell)],
        filter: &Filter,
    ) -> Result<usize, String> {
        if set.is_empty() {
            return Ok(0);
        }
        let rows = self.select(table, filter)?;
        if rows.is_empty() {
            return Ok(0);
        }
        self.delete(table, filter)?;
        for mut row in rows.iter().cloned() {
            for (column, value) in set {
                let column: &str = column.as_ref();
                if let Some(slot) = row.iter_mut().find(|(c, _)| &**c == column) {
                    slot.1 = value.clone();
                }
            }
            self.insert(table, &row)?;
        }
        Ok(rows.len())
    }

    pub fn delete(&mut self, table: &str, filter: &Filter) -> Result<usize, String> {
        let answers = self.execute(&format!("DELETE FROM {}{}", quote(table), filter.clause()))?;
        Ok(affected(answers))
    }
}

fn affected(answers: Vec<Answer>) -> usize {
    answers
        .into_iter()
        .map(|a| if let Answer::Affected(n) = a { n } else { 0 })
        .sum()
}

#[cfg(all(test, feature = "engine"))]
mod tests {
    use super::*;

    /// LIKE runs on `regex-lite` (shims/regex): metacharacters in the pattern are
    /// literals, `_` and `%` are wildcards, and ILIKE folds non-ASCII letters.
    #[test]
    fn like_patterns_match_as_postgresql() {
        let mut store = Store::default();
        store
            .create_table("t", &[("name".into(), ColumnKind::Text)])
            .unwrap();
        for name in ["a.c", "abc", "Ärger", "(x)+", "a\\c"] {
            store
                .insert("t", &[("name", Cell::Text(name.into()))])
                .unwrap();
        }
        let mut names = |condition: &str| -> Vec<String> {
            let rows = store
                .select("t", &Filter::Sql(format!("\"name\" {condition}")))
                .unwrap();
            rows.into_iter()
                .map(|row| match &row[0].1 {
                    Cell::Text(name) => name.clone(),
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        assert_eq!(names("LIKE 'a.c'"), ["a.c"]);
        assert_eq!(names("LIKE 'a_c'"), ["a.c", "abc", "a\\c"]);
        assert_eq!(names("LIKE '(x)%'"), ["(x)+"]);
        assert_eq!(names("ILIKE 'ä%'"), ["Ärger"]);
        assert_eq!(names("NOT LIKE '%c'"), ["Ärger", "(x)+"]);
    }

    #[test]
    fn rows_in_and_out() {
        let mut store = Store::default();
        store
            .create_table(
                "pugs",
                &[
                    ("id".into(), ColumnKind::Int),
                    ("name".into(), ColumnKind::Text),
                ],
            )
            .unwrap();
        store
            .insert(
                "pugs",
                &[("id", Cell::Int(1)), ("name", Cell::Text("Cody's".into()))],
            )
            .unwrap();
        store
            .insert("pugs", &[("id", Cell::Int(2)), ("name", Cell::Null)])
            .unwrap();
        let rows = store
            .select("pugs", &Filter::one_of("id", &[Cell::Int(1), Cell::Int(3)]))
            .unwrap();
        assert_eq!(
            rows,
            vec![vec![
                (std::rc::Rc::<str>::from("id"), Cell::Int(1)),
                (
                    std::rc::Rc::<str>::from("name"),
                    Cell::Text("Cody's".into())
                )
            ]]
        );
        assert_eq!(
            store
                .update(
                    "pugs",
                    &[("name".into(), Cell::Text("Rex".into()))],
                    &Filter::eq("id", &Cell::Int(2))
                )
                .unwrap(),
            1
        );
        assert_eq!(store.delete("pugs", &Filter::All).unwrap(), 2);
    }
}
