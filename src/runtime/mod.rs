//! Running a snippet's queries on GlueSQL: what Sequelize would log and return.
//!
//! The interpreter hands each model or instance call to a [`Runtime`], which keeps two
//! SQL texts apart on purpose: the statement Sequelize would log for PostgreSQL (built
//! in [`sql`], shown to the learner and compared with recordings) and the simple
//! statements the [`store`] runs on GlueSQL to get the same rows. Results are
//! [`Instance`]s whose `toJSON` follows Sequelize's key order.

pub mod accessors;
pub mod find;
pub mod instance;
pub mod sql;
pub mod store;
pub mod workload;
pub mod write;

use std::collections::HashMap;

use serde::Serialize;

pub use instance::{Instance, InstanceRef};
use store::{Cell, ColumnKind, Store};

use crate::schema::{DataType, Model, ModelId, Schema};

/// Bounds on what one run may do.
#[derive(Clone, Copy, Debug)]
pub struct RunLimits {
    pub max_statements: usize,
    pub max_rows: usize,
}

impl Default for RunLimits {
    fn default() -> RunLimits {
        RunLimits {
            max_statements: 10_000,
            max_rows: 200_000,
        }
    }
}

/// One segment of a run, as in the report's `steps`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Step {
    pub sql: Vec<String>,
    #[serde(flatten)]
    pub end: StepEnd,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum StepEnd {
    Sync {},
    Show {
        value: serde_json::Value,
        #[serde(skip_serializing_if = "Option::is_none")]
        label: Option<Vec<serde_json::Value>>,
    },
    Error {
        name: String,
        message: String,
    },
    #[serde(skip)]
    Trailing,
}

/// A thrown runtime error: Sequelize's name and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuntimeError {
    pub name: String,
    pub message: String,
    /// How to fix it, shown beside Sequelize's own message.
    pub hint: Option<String>,
}

impl RuntimeError {
    pub fn new(name: &str, message: impl Into<String>) -> RuntimeError {
        RuntimeError {
            name: name.to_string(),
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> RuntimeError {
        self.hint = Some(hint.into());
        self
    }
}

pub type RunResult<T> = Result<T, RuntimeError>;

/// The clock timestamps come from: milliseconds since the Unix epoch.
pub type Clock = Box<dyn FnMut() -> i64>;

pub struct Runtime {
    pub store: Store,
    clock: Clock,
    last_time: i64,
    pub steps: Vec<Step>,
    pending_sql: Vec<String>,
    /// The next value of each table's auto-increment key.
    sequences: HashMap<String, i64>,
    synced_tables: Vec<String>,
    statements: usize,
    rows: usize,
    limits: RunLimits,
}

impl Runtime {
    pub fn new(clock: Clock, limits: RunLimits) -> Runtime {
        Runtime {
            store: Store::default(),
            clock,
            last_time: 0,
            steps: Vec::new(),
            pending_sql: Vec::new(),
            sequences: HashMap::new(),
            synced_tables: Vec::new(),
            statements: 0,
            rows: 0,
            limits,
        }
    }

    /// A timestamp for `createdAt`/`updatedAt`: never earlier than the one before.
    pub fn now(&mut self) -> i64 {
        let now = (self.clock)().max(self.last_time);
        self.last_time = now;
        now
    }

    /// Records a statement Sequelize would log, counting it against the bounds.
    pub fn log(&mut self, sql: String) -> RunResult<()> {
        self.statements += 1;
        if self.statements > self.limits.max_statements {
            return Err(RuntimeError::new(
                "Error",
                format!(
                    "The playground stops a run after {} statements",
                    self.limits.max_statements
                ),
            ));
        }
        self.pending_sql.push(sql);
        Ok(())
    }

    pub fn count_rows(&mut self, rows: usize) -> RunResult<()> {
        self.rows += rows;
        if self.rows > self.limits.max_rows {
            return Err(RuntimeError::new(
                "Error",
                format!(
                    "The playground stops a run after {} rows",
                    self.limits.max_rows
                ),
            ));
        }
        Ok(())
    }

    pub fn end_step(&mut self, end: StepEnd) {
        let sql = std::mem::take(&mut self.pending_sql);
        self.steps.push(Step { sql, end });
    }

    /// The steps, with any trailing statements as a last segment.
    pub fn finish(mut self) -> Vec<Step> {
        if !self.pending_sql.is_empty() {
            self.end_step(StepEnd::Trailing);
        }
        self.steps
    }

    pub fn is_synced(&self, table: &str) -> bool {
        self.synced_tables.iter().any(|t| t == table)
    }

    /// `sequelize.sync({ force })`: (re)creates the tables in sync order.
    pub fn sync(&mut self, schema: &Schema, order: &[ModelId], force: bool) -> RunResult<()> {
        if force {
            for &id in order.iter().rev() {
                let table = &schema.model(id).table_name;
                self.log(format!(
                    "DROP TABLE IF EXISTS {} CASCADE;",
                    sql::quote(table)
                ))?;
            }
        }
        for &id in order {
            let model = schema.model(id);
            if force || !self.is_synced(&model.table_name) {
                self.create_table(model, force)?;
            }
        }
        Ok(())
    }

    fn create_table(&mut self, model: &Model, force: bool) -> RunResult<()> {
        let statement = crate::sql::ddl::create_table(model, crate::sql::Dialect::Postgres);
        self.log(statement)?;
        let columns: Vec<(String, ColumnKind)> = model
            .table_attributes()
            .map(|(name, a)| (model.field_of(name), column_kind(a.data_type.as_ref())))
            .collect();
        if force {
            self.store
                .drop_table(&model.table_name)
                .map_err(engine_error)?;
        }
        self.store
            .create_table(&model.table_name, &columns)
            .map_err(engine_error)?;
        self.sequences.insert(model.table_name.clone(), 1);
        if !self.is_synced(&model.table_name) {
            self.synced_tables.push(model.table_name.clone());
        }
        Ok(())
    }

    /// The next auto-increment value of `table`, as SERIAL would give it.
    pub fn next_id(&mut self, table: &str) -> i64 {
        let next = self.sequences.entry(table.to_string()).or_insert(1);
        let id = *next;
        *next += 1;
        id
    }

    /// Keeps the sequence ahead of an id the user chose.
    pub fn saw_id(&mut self, table: &str, id: i64) {
        let next = self.sequences.entry(table.to_string()).or_insert(1);
        if id >= *next {
            *next = id + 1;
        }
    }
}

/// A GlueSQL failure is a bug of ours, not the learner's: say so plainly.
pub fn engine_error(message: String) -> RuntimeError {
    RuntimeError::new(
        "Error",
        format!("The playground's SQL engine failed: {message}"),
    )
}

/// How a Sequelize type is kept in the store.
pub fn column_kind(data_type: Option<&DataType>) -> ColumnKind {
    let Some(data_type) = data_type else {
        return ColumnKind::Text;
    };
    match data_type.key.as_str() {
        "INTEGER" | "SMALLINT" | "TINYINT" | "MEDIUMINT" | "DATE" => ColumnKind::Int,
        "FLOAT" | "REAL" | "DOUBLE" => ColumnKind::Float,
        "BOOLEAN" => ColumnKind::Bool,
        _ => ColumnKind::Text,
    }
}

/// `2026-11-22T02:28:02.476Z` for milliseconds since the epoch, as `Date.toISOString`.
pub fn iso_date(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000
    )
}

/// Howard Hinnant's days-to-civil conversion (proleptic Gregorian calendar).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Store cells for a row's attribute values.
pub fn cell_of(value: &crate::interpret::value::Value) -> Cell {
    use crate::interpret::value::Value;
    match value {
        Value::Null | Value::Undefined => Cell::Null,
        Value::Bool(b) => Cell::Bool(*b),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Cell::Int(*n as i64),
        Value::Number(n) => Cell::Float(*n),
        Value::Date(ms) => Cell::Int(*ms),
        Value::Str(s) => Cell::Text(s.clone()),
        other => Cell::Text(instance::to_json(other).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_date(1_795_314_482_476), "2026-11-22T02:28:02.476Z");
        assert_eq!(iso_date(951_782_400_000), "2000-02-29T00:00:00.000Z");
    }
}
