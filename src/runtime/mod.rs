//! Running a snippet's queries on GlueSQL: what Sequelize would log and return.
//!
//! The interpreter hands each model or instance call to a [`Runtime`], which keeps two
//! SQL texts apart on purpose: the statement Sequelize would log for the run's dialect
//! (built in [`log`] as PostgreSQL's and respelled by [`crate::sql::respell`] for MySQL
//! or SQLite; shown to the learner and compared with recordings) and the simple
//! statements the [`store`] runs on GlueSQL to get the same rows. Results are
//! [`Instance`]s whose `toJSON` follows Sequelize's key order.

pub(crate) mod accessors;
pub(crate) mod calls;
pub(crate) mod find;
pub(crate) mod instance;
pub(crate) mod log;
pub(crate) mod scopes;
pub mod store;
pub(crate) mod validate;
pub(crate) mod write;

use std::collections::HashMap;

use serde::Serialize;

use store::{Cell, ColumnKind, Store};

use crate::error::{ErrorName, SequelizeError};
use crate::js::{iso_date, parse_iso_date};

use crate::schema::{Model, ModelId, Schema};
use crate::sql::{DataType, Dialect};
use crate::value::{InstanceRef, Value};

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
    /// Shown by `console.error`, `warn` or `trace`, which Node writes to stderr: the
    /// page shows it, the report (what `console.log` writes) does not.
    #[serde(skip)]
    pub to_stderr: bool,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum StepEnd {
    Sync {},
    Show {
        value: serde_json::Value,
        #[serde(skip_serializing_if = "Option::is_none")]
        label: Option<Vec<serde_json::Value>>,
        /// What Node's `console.log` writes, when no argument holds a Sequelize instance
        /// or model.
        #[serde(skip_serializing_if = "Option::is_none")]
        printed: Option<String>,
    },
    Error {
        name: String,
        message: String,
    },
    /// Statements after the last shown value or error: the step is only its `sql`.
    #[serde(untagged)]
    Trailing {},
}

/// The most rows per table the Data panel gets.
pub const SHOWN_ROWS: usize = 100;

/// One table's rows at the end of a run.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TableRows {
    pub table: String,
    pub columns: Vec<String>,
    /// The first [`SHOWN_ROWS`] rows, in the order the run's database would list them.
    pub rows: Vec<Vec<serde_json::Value>>,
    /// How many rows the table holds.
    pub total: usize,
}

/// Why a run stopped at a bound, and what to do.
const BOUNDED_RUN: &str =
    "runs are bounded so that no snippet can freeze the page: an example needs a few rows, not thousands";

pub type RunResult<T> = Result<T, SequelizeError>;

/// The clock timestamps come from: milliseconds since the Unix epoch.
pub type Clock = Box<dyn FnMut() -> i64>;

pub struct Runtime {
    pub store: Store,
    /// The dialect whose SQL the log holds.
    dialect: Dialect,
    clock: Clock,
    last_time: i64,
    pub steps: Vec<Step>,
    /// The step's statements so far, each with its number (the order they were logged).
    pending_sql: Vec<(usize, String)>,
    /// Statements of calls the snippet has not waited for yet: Sequelize logs a query as
    /// it sends it, after the caller's synchronous code, so they join a step only when
    /// the program next yields ([`Runtime::answered`]).
    answering: Vec<(usize, String)>,
    /// The next value of each table's auto-increment key.
    sequences: HashMap<String, i64>,
    /// Tables where the snippet wrote its own auto-increment keys, so a generated key
    /// may meet one of them (elsewhere generated keys cannot clash: no scan needed).
    chosen_keys: std::collections::HashSet<String>,
    synced_tables: Vec<String>,
    statements: usize,
    rows: usize,
    limits: RunLimits,
    /// Each transaction begun, by its number: the tables as they were when it began
    /// (what a rollback puts back), until it ends.
    transactions: Vec<Option<Snapshot>>,
    /// The values of function `defaultValue`s for the records of the call at hand, each
    /// record's called by the interpreter (JavaScript runs there) and taken in order by
    /// the first `build` of its model.
    supplied_defaults: Vec<SuppliedDefaults>,
    /// A function `defaultValue` a `build` found no supplied value for: the interpreter
    /// says so at the call.
    unsupplied_default: Option<(ModelId, String)>,
    /// The failures of the validators written as functions (run by the interpreter)
    /// for the record the next validation checks.
    function_failures: Vec<validate::FunctionFailure>,
    /// The record a validation or unique check refused last (its error's items name it as
    /// their `instance`); `None` when the refused write had no record (`bulkCreate`).
    refused_instance: Option<InstanceRef>,
    /// The bind parameters of the statement logged last (`None`: its values are inline),
    /// as the driver's error keeps them.
    last_binds: Option<serde_json::Value>,
}

/// Appends numbered statements to `to`, keeping the order they were logged in; the
/// sort runs only when `more` holds statements older than `to`'s last (each await
/// answers, so the common case must cost nothing).
fn append_in_order(to: &mut Vec<(usize, String)>, more: Vec<(usize, String)>) {
    let Some(first) = more.first().map(|(number, _)| *number) else {
        return;
    };
    let in_order = to.last().is_none_or(|(last, _)| *last < first);
    to.extend(more);
    if !in_order {
        to.sort_by_key(|(number, _)| *number);
    }
}

/// One record's function defaults: `(attribute, value)` in attribute order.
struct SuppliedDefaults {
    model: ModelId,
    values: Vec<(String, Value)>,
}

/// The rows of every synced table, and (for SQLite, whose AUTOINCREMENT counter rolls
/// back with the rows) the sequences.
struct Snapshot {
    tables: Vec<(String, Vec<store::Row>)>,
    sequences: HashMap<String, i64>,
    /// The transaction's id (Sequelize's is a random UUID; the playground's counts).
    id: String,
    /// A nested transaction's savepoint name (`<parent id>-sp-<n>`).
    savepoint: Option<String>,
    /// How many savepoints were made in it.
    savepoints: usize,
}

impl Runtime {
    pub fn new(clock: Clock, limits: RunLimits) -> Runtime {
        Runtime {
            store: Store::default(),
            dialect: Dialect::Postgres,
            clock,
            last_time: 0,
            steps: Vec::new(),
            pending_sql: Vec::new(),
            answering: Vec::new(),
            sequences: HashMap::new(),
            chosen_keys: std::collections::HashSet::new(),
            synced_tables: Vec::new(),
            statements: 0,
            rows: 0,
            limits,
            transactions: Vec::new(),
            supplied_defaults: Vec::new(),
            unsupplied_default: None,
            function_failures: Vec::new(),
            refused_instance: None,
            last_binds: None,
        }
    }

    /// The same runtime logging SQL as Sequelize does for `dialect` (PostgreSQL's by default).
    pub fn with_dialect(mut self, dialect: Dialect) -> Runtime {
        self.dialect = dialect;
        self.store.ignore_text_case(dialect == Dialect::Mysql);
        self
    }

    /// Hands over one new `model` record's function defaults (the interpreter called
    /// them), for the next `build` of that model.
    pub fn supply_defaults(&mut self, model: ModelId, values: Vec<(String, Value)>) {
        self.supplied_defaults
            .push(SuppliedDefaults { model, values });
    }

    /// The next supplied defaults of `model`, taken.
    fn take_supplied_defaults(&mut self, model: ModelId) -> Option<Vec<(String, Value)>> {
        let at = self
            .supplied_defaults
            .iter()
            .position(|s| s.model == model)?;
        Some(self.supplied_defaults.remove(at).values)
    }

    /// After a call: supplied defaults no build took are dropped; answers a function
    /// default a build found no value for.
    pub fn settle_defaults(&mut self) -> Option<(ModelId, String)> {
        self.supplied_defaults.clear();
        self.unsupplied_default.take()
    }

    /// Hands over the failures of the validators written as functions, for the record
    /// the next validation checks.
    pub fn supply_function_failures(&mut self, failures: Vec<validate::FunctionFailure>) {
        self.function_failures = failures;
    }

    fn take_function_failures(&mut self) -> Vec<validate::FunctionFailure> {
        std::mem::take(&mut self.function_failures)
    }

    /// Notes the record a refusal is about (`None`: none), for its error's items.
    fn refused(&mut self, instance: Option<&InstanceRef>) {
        self.refused_instance = instance.cloned();
    }

    /// The record the refusal being thrown is about, taken.
    pub fn take_refused_instance(&mut self) -> Option<InstanceRef> {
        self.refused_instance.take()
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// A timestamp for `createdAt`/`updatedAt`: never earlier than the one before.
    pub fn now(&mut self) -> i64 {
        let now = (self.clock)().max(self.last_time);
        self.last_time = now;
        now
    }

    /// The database's answer to a statement on a table `sync()` has not created.
    pub fn require_table(&self, table: &str) -> RunResult<()> {
        if self.is_synced(table) {
            Ok(())
        } else {
            let parent = crate::sql::refusal::driver_error(
                self.dialect,
                crate::sql::refusal::DriverError::NoTable { table },
                self.refusing(),
            );
            Err(SequelizeError::new(ErrorName::SequelizeDatabaseError,
                crate::sql::refusal::no_table(self.dialect, table),
            )
            .with_property("parent", parent)
            .with_hint("sequelize.sync() creates the tables: await sequelize.sync({ force: true }) before the first query"))
        }
    }

    /// Starts `table`'s generated keys again from 1 (MySQL's TRUNCATE does).
    pub fn restart_sequence(&mut self, table: &str) {
        self.sequences.insert(table.to_string(), 1);
        self.chosen_keys.remove(table);
    }

    /// Records a statement Sequelize would log (written as PostgreSQL's, logged in the
    /// run's dialect), counting it against the bounds. One the dialect cannot read (ILIKE
    /// off PostgreSQL) is logged, then refused.
    pub fn log(&mut self, sql: String) -> RunResult<()> {
        self.last_binds = None;
        let marked = crate::sql::respell::respell_marked(&sql, self.dialect);
        let refusal = crate::sql::refusal::syntax_error(self.dialect, &marked);
        self.log_as_written(crate::sql::respell::unmark(&marked))?;
        match refusal {
            Some(message) => Err(SequelizeError::new(
                ErrorName::SequelizeDatabaseError,
                message,
            )),
            None => Ok(()),
        }
    }

    /// Logs a statement with bind parameters (`$1`, …): `values` as the driver is handed
    /// them (a date as Sequelize formats it for the dialect).
    pub fn log_bound(&mut self, sql: String, values: &[Value]) -> RunResult<()> {
        self.log(sql)?;
        let binds = values.iter().map(|v| self.bind_json(v)).collect();
        self.last_binds = Some(serde_json::Value::Array(binds));
        Ok(())
    }

    fn bind_json(&self, value: &Value) -> serde_json::Value {
        match value {
            Value::Date(ms) => {
                let iso = iso_date(*ms);
                serde_json::Value::String(match self.dialect {
                    Dialect::Mysql => format!("{} {}", &iso[..10], &iso[11..19]),
                    _ => format!("{} {} +00:00", &iso[..10], &iso[11..23]),
                })
            }
            Value::Object(_) | Value::Array(_) => {
                serde_json::Value::String(crate::value::to_json(value).to_string())
            }
            other => crate::value::to_json(other),
        }
    }

    /// The statement a refusal is about, for the driver's error.
    pub fn refusing(&self) -> crate::sql::refusal::Refusing<'_> {
        crate::sql::refusal::Refusing {
            sql: self.last_log().unwrap_or_default(),
            parameters: self.last_binds.clone(),
        }
    }

    /// `sequelize.authenticate()`: the query every dialect's connection test logs.
    pub fn authenticate(&mut self) -> RunResult<()> {
        self.log_as_written("SELECT 1+1 AS result".into())
    }

    /// The statement logged last in this step, as logged.
    pub fn last_log(&self) -> Option<&str> {
        self.pending_sql.last().map(|(_, sql)| sql.as_str())
    }

    /// Logs `sql` in place of the statement logged last (a query Sequelize wraps, as
    /// PostgreSQL's findOrCreate wraps its INSERT in a function).
    pub fn replace_last_log(&mut self, sql: String) {
        if let Some((_, last)) = self.pending_sql.last_mut() {
            *last = sql;
        }
    }

    /// A new identifier of 32 hex digits, as Sequelize's `uuidv4().replace(/-/g, '')`
    /// names its temporary functions (random there; here a run gives the same ones).
    pub fn hex_id(&self) -> String {
        let mut state =
            (self.statements as u64).wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x9e37_79b9_7f4a_7c15;
        (0..2)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                format!("{state:016x}")
            })
            .collect()
    }

    /// [`Runtime::log`] of a statement already in the run's dialect.
    fn log_as_written(&mut self, sql: String) -> RunResult<()> {
        self.statements += 1;
        if self.statements > self.limits.max_statements {
            return Err(SequelizeError::new(
                ErrorName::Error,
                format!(
                    "The playground stops a run after {} statements",
                    self.limits.max_statements
                ),
            )
            .with_hint(BOUNDED_RUN));
        }
        self.pending_sql.push((self.statements, sql));
        Ok(())
    }

    pub fn count_rows(&mut self, rows: usize) -> RunResult<()> {
        self.rows += rows;
        if self.rows > self.limits.max_rows {
            return Err(SequelizeError::new(
                ErrorName::Error,
                format!(
                    "The playground stops a run after {} rows",
                    self.limits.max_rows
                ),
            )
            .with_hint(BOUNDED_RUN));
        }
        Ok(())
    }

    /// How many statements have been logged.
    pub fn statement_count(&self) -> usize {
        self.statements
    }

    /// The statements logged since the count was `mark` wait for [`Runtime::answered`]:
    /// the call that logged them returned a promise its caller has not awaited yet.
    pub fn defer_since(&mut self, mark: usize) {
        let at = self
            .pending_sql
            .iter()
            .position(|(number, _)| *number > mark)
            .unwrap_or(self.pending_sql.len());
        let tail = self.pending_sql.split_off(at);
        // In the order they were logged: a call's statements may wait already (a
        // transaction's callback deferred its own before the transaction returned).
        append_in_order(&mut self.answering, tail);
    }

    /// The program yields (an await, a callback's turn): the statements waiting join
    /// the step.
    pub fn answered(&mut self) {
        let answering = std::mem::take(&mut self.answering);
        append_in_order(&mut self.pending_sql, answering);
    }

    pub fn end_step(&mut self, end: StepEnd) {
        // A sync and an error end their step with what was sent before them; a shown
        // value may come before the statements of a call not yet awaited.
        if !matches!(end, StepEnd::Show { .. }) {
            self.answered();
        }
        let sql = std::mem::take(&mut self.pending_sql)
            .into_iter()
            .map(|(_, sql)| sql)
            .collect();
        self.steps.push(Step {
            sql,
            end,
            to_stderr: false,
        });
    }

    /// [`Runtime::end_step`] for what Node writes to stderr.
    pub fn end_step_on_stderr(&mut self, end: StepEnd) {
        self.end_step(end);
        if let Some(step) = self.steps.last_mut() {
            step.to_stderr = true;
        }
    }

    /// The rows now in each table `sync()` made (at most [`SHOWN_ROWS`] per table), for
    /// the page's Data panel. DATE columns read as ISO dates, as Sequelize returns them.
    pub fn table_rows(&mut self, schema: &Schema) -> Vec<TableRows> {
        let mut tables = Vec::new();
        for table in self.synced_tables.clone() {
            let Ok(rows) = self.store.select(&table, &store::Filter::All) else {
                continue;
            };
            let model = schema.models.iter().find(|m| m.table_name == table);
            let date_columns: Vec<String> = model.map_or_else(Vec::new, |m| {
                m.table_attributes()
                    .filter(|(_, a)| a.data_type.as_ref().is_some_and(|t| t.key == "DATE"))
                    .map(|(name, _)| m.field_of(name))
                    .collect()
            });
            let is_date = |field: &str| date_columns.iter().any(|c| c == field);
            let columns: Vec<String> = match (rows.first(), model) {
                (Some(row), _) => row.iter().map(|(c, _)| c.to_string()).collect(),
                (None, Some(m)) => m.table_attributes().map(|(n, _)| m.field_of(n)).collect(),
                (None, None) => Vec::new(),
            };
            let shown = rows
                .iter()
                .take(SHOWN_ROWS)
                .map(|row| {
                    row.iter()
                        .map(|(column, cell)| match cell {
                            Cell::Int(ms) if is_date(column) => iso_date(*ms).into(),
                            Cell::Int(i) => (*i).into(),
                            Cell::Float(f) => (*f).into(),
                            Cell::Text(t) => t.as_str().into(),
                            Cell::Bool(b) => (*b).into(),
                            Cell::Null => serde_json::Value::Null,
                        })
                        .collect()
                })
                .collect();
            tables.push(TableRows {
                table,
                columns,
                total: rows.len(),
                rows: shown,
            });
        }
        tables
    }

    /// The steps, with any trailing statements as a last segment.
    pub fn finish(mut self) -> Vec<Step> {
        self.answered();
        if !self.pending_sql.is_empty() {
            self.end_step(StepEnd::Trailing {});
        }
        self.steps
    }

    pub fn is_synced(&self, table: &str) -> bool {
        self.synced_tables.iter().any(|t| t == table)
    }

    /// `sequelize.sync({ force })`: (re)creates the tables in sync order.
    pub fn sync(&mut self, schema: &Schema, order: &[ModelId], force: bool) -> RunResult<()> {
        let cascade = match self.dialect {
            Dialect::Postgres => " CASCADE",
            Dialect::Mysql | Dialect::Sqlite => "",
        };
        if force {
            for &id in order.iter().rev() {
                let table = &schema.model(id).table_name;
                self.log(format!(
                    "DROP TABLE IF EXISTS {}{cascade};",
                    log::quote(table)
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

    /// Logs `DROP TABLE IF EXISTS` (PostgreSQL's `CASCADE` if asked).
    fn log_drop(&mut self, table: &str, cascade: bool) -> RunResult<()> {
        let cascade = match cascade && self.dialect == Dialect::Postgres {
            true => " CASCADE",
            false => "",
        };
        self.log(format!(
            "DROP TABLE IF EXISTS {}{cascade};",
            log::quote(table)
        ))
    }

    /// The table gone: queries on it meet the database's no-such-table error until a
    /// sync makes it again.
    fn forget_table(&mut self, table: &str) -> RunResult<()> {
        if self.is_synced(table) {
            self.store.drop_table(table).map_err(engine_error)?;
            self.synced_tables.retain(|t| t != table);
        }
        Ok(())
    }

    /// `sync()` of models whose foreign keys form a cycle, as Sequelize's
    /// `_syncModelsWithCyclicReferences` does: in definition order, each table first
    /// without its foreign keys, then altered to add them (SQLite, its foreign keys
    /// turned off, creates them whole).
    pub fn sync_cyclic(&mut self, schema: &Schema, force: bool) -> RunResult<()> {
        let sqlite = self.dialect == Dialect::Sqlite;
        let cascade = match self.dialect {
            Dialect::Postgres => " CASCADE",
            Dialect::Mysql | Dialect::Sqlite => "",
        };
        if sqlite {
            self.log_as_written("PRAGMA foreign_keys = OFF".into())?;
        }
        if force {
            for model in &schema.models {
                let drop = format!(
                    "DROP TABLE IF EXISTS {}{cascade};",
                    log::quote(&model.table_name)
                );
                self.log(drop)?;
            }
        }
        for model in &schema.models {
            if force || !self.is_synced(&model.table_name) {
                let statement = match sqlite {
                    true => crate::ddl::create_table(model, self.dialect),
                    false => crate::ddl::create_table_without_references(model, self.dialect),
                };
                self.create_table_as(model, force, statement)?;
            }
        }
        match sqlite {
            true => self.log_as_written("PRAGMA foreign_keys = ON".into())?,
            false => {
                for model in &schema.models {
                    for alter in crate::ddl::foreign_key_alters(model, self.dialect) {
                        self.log_as_written(alter)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn create_table(&mut self, model: &Model, force: bool) -> RunResult<()> {
        let statement = crate::ddl::create_table(model, self.dialect);
        self.create_table_as(model, force, statement)
    }

    fn create_table_as(&mut self, model: &Model, force: bool, statement: String) -> RunResult<()> {
        let array = model
            .table_attributes()
            .find(|(_, a)| a.data_type.as_ref().is_some_and(|t| t.key == "ARRAY"))
            .map(|(name, _)| name.clone());
        if let Some(attribute) = array {
            let (database, message) =
                crate::sql::refusal::array_column(self.dialect, &statement, &attribute);
            self.log_as_written(statement)?;
            return Err(match database {
                true => SequelizeError::new(ErrorName::SequelizeDatabaseError, message),
                false => SequelizeError::plain(message).with_hint(
                    "PostgreSQL keeps arrays; the playground's engine does not yet: a JSON column holds a list on every database",
                ),
            });
        }
        self.log_as_written(statement)?;
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
        self.chosen_keys.remove(&model.table_name);
        if !self.is_synced(&model.table_name) {
            self.synced_tables.push(model.table_name.clone());
        }
        Ok(())
    }

    /// Updates the rows of `table` that `filter` selects: on PostgreSQL each moves to the
    /// end of the table's order (a new row version), elsewhere it stays where it was.
    pub fn update_rows(
        &mut self,
        table: &str,
        set: &[(String, Cell)],
        filter: &store::Filter,
    ) -> RunResult<usize> {
        let updated = match self.dialect {
            Dialect::Postgres => self.store.update(table, set, filter),
            Dialect::Mysql | Dialect::Sqlite => self.store.update_in_place(table, set, filter),
        };
        updated.map_err(engine_error)
    }

    /// Whether `model`'s attribute `name` is kept in a text column.
    fn is_text(&self, model: &Model, name: &str) -> bool {
        let data_type = model.attribute(name).and_then(|a| a.data_type.as_ref());
        data_type.is_some() && column_kind(data_type) == ColumnKind::Text
    }

    /// The cell a written `value` of `model`'s attribute `name` is kept as: [`cell_of`]'s,
    /// as the dialect's database stores it: MySQL's DATETIME drops the milliseconds
    /// (Sequelize writes it to the second), a text column keeps MySQL's and SQLite's
    /// boolean as '1'/'0', and PostgreSQL and MySQL round a DECIMAL to its scale.
    pub fn stored_cell(&self, model: &Model, name: &str, value: &Value) -> Cell {
        match value {
            Value::Date(ms) if self.dialect == Dialect::Mysql => {
                Cell::Int(ms - ms.rem_euclid(1000))
            }
            // mysql2 and sqlite3 send a boolean as 1 or 0: a text column keeps '1'.
            Value::Bool(b) if self.dialect != Dialect::Postgres && self.is_text(model, name) => {
                Cell::Text(if *b { "1" } else { "0" }.into())
            }
            other => {
                let cell = cell_of(other);
                let data_type = model.attribute(name).and_then(|a| a.data_type.as_ref());
                match data_type.filter(|t| matches!(t.key.as_str(), "DECIMAL" | "NUMERIC")) {
                    Some(data_type) if self.dialect != Dialect::Sqlite => {
                        rounded_decimal(cell, data_type, self.dialect)
                    }
                    _ => cell,
                }
            }
        }
    }

    /// `sequelize.transaction({ isolationLevel })`: logs its start as the dialect's
    /// driver does (with the isolation level's statement, before it on MySQL, after it
    /// elsewhere) and keeps what a rollback restores; answers the transaction's number.
    pub fn begin_transaction(&mut self, isolation: Option<&str>) -> RunResult<usize> {
        let level = isolation.map(|level| isolation_statement(self.dialect, level));
        if let (Dialect::Mysql, Some(level)) = (self.dialect, &level) {
            self.log_as_written(level.clone())?;
        }
        self.log_as_written(transaction_start(self.dialect).to_string())?;
        if let (Dialect::Postgres | Dialect::Sqlite, Some(level)) = (self.dialect, level) {
            self.log_as_written(level)?;
        }
        self.snapshot(None)
    }

    /// `sequelize.transaction({ transaction: t })`: a savepoint in transaction `parent`,
    /// logged as Sequelize names it; answers its number, which ends as a transaction
    /// does (a commit logs nothing, a rollback returns to the savepoint).
    pub fn begin_savepoint(&mut self, parent: usize) -> RunResult<usize> {
        let Some(Some(outer)) = self.transactions.get_mut(parent) else {
            return Err(SequelizeError::plain(
                "The transaction given to sequelize.transaction() has already finished",
            ));
        };
        outer.savepoints += 1;
        let name = format!("{}-sp-{}", outer.id, outer.savepoints);
        let quoted = self.dialect.quote_identifier(&name);
        self.log_as_written(format!("SAVEPOINT {quoted};"))?;
        self.snapshot(Some(name))
    }

    /// Keeps what a rollback restores.
    fn snapshot(&mut self, savepoint: Option<String>) -> RunResult<usize> {
        let mut tables = Vec::with_capacity(self.synced_tables.len());
        for table in &self.synced_tables {
            let rows = self
                .store
                .select(table, &store::Filter::All)
                .map_err(engine_error)?;
            tables.push((table.clone(), rows));
        }
        let n = self.next_id("\u{0}transaction") as u64;
        self.transactions.push(Some(Snapshot {
            tables,
            sequences: self.sequences.clone(),
            id: format!(
                "{n:08x}-0000-4000-8000-{:012x}",
                n.wrapping_mul(0x2545_f491)
            ),
            savepoint,
            savepoints: 0,
        }));
        Ok(self.transactions.len() - 1)
    }

    /// `t.commit()` (`commit`) or `t.rollback()`: logs the end and, for a rollback, puts
    /// every table back as it was when the transaction began. Every write of the run
    /// counts as the transaction's, whether or not it was given `{ transaction: t }`.
    pub fn end_transaction(&mut self, number: usize, commit: bool) -> RunResult<()> {
        let Some(snapshot) = self.transactions.get_mut(number).and_then(Option::take) else {
            let verb = if commit { "committed" } else { "rolled back" };
            return Err(SequelizeError::plain(format!(
                "Transaction cannot be {verb} because it has been finished with state: {}",
                if commit { "commit" } else { "rollback" }
            )));
        };
        let end = match (&snapshot.savepoint, commit) {
            // A savepoint is not committed; its transaction's COMMIT keeps its writes.
            (Some(_), true) => return Ok(()),
            (Some(name), false) => {
                format!(
                    "ROLLBACK TO SAVEPOINT {};",
                    self.dialect.quote_identifier(name)
                )
            }
            (None, true) => "COMMIT;".to_string(),
            (None, false) => "ROLLBACK;".to_string(),
        };
        self.log_as_written(end)?;
        if commit {
            return Ok(());
        }
        for (table, rows) in snapshot.tables {
            self.store
                .delete(&table, &store::Filter::All)
                .map_err(engine_error)?;
            if !rows.is_empty() {
                self.store
                    .insert_many(&table, &rows)
                    .map_err(engine_error)?;
            }
        }
        if self.dialect == Dialect::Sqlite {
            self.sequences = snapshot.sequences;
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

    /// Notes that the snippet chose an auto-increment key itself in `table`.
    pub fn chose_key(&mut self, table: &str) {
        if !self.chosen_keys.contains(table) {
            self.chosen_keys.insert(table.to_string());
        }
    }

    /// Whether a key from the sequence of `table` may equal a stored one.
    pub fn generated_keys_may_clash(&self, table: &str) -> bool {
        self.chosen_keys.contains(table)
    }

    /// Keeps the sequence ahead of an id the user chose.
    pub fn saw_id(&mut self, table: &str, id: i64) {
        self.chose_key(table);
        let next = self.sequences.entry(table.to_string()).or_insert(1);
        if id >= *next {
            *next = id.saturating_add(1);
        }
    }
}

/// A GlueSQL failure is a bug of ours, not the learner's: say so plainly.
/// The statement that opens a transaction, as each dialect's driver logs it.
pub fn transaction_start(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Sqlite => "BEGIN DEFERRED TRANSACTION;",
        Dialect::Postgres | Dialect::Mysql => "START TRANSACTION;",
    }
}

/// The statement that sets a transaction's isolation level, as each dialect's query
/// generator writes it (SQLite has no such statement for most levels, and says so).
fn isolation_statement(dialect: Dialect, level: &str) -> String {
    match (dialect, level) {
        (Dialect::Sqlite, "SERIALIZABLE") => {
            "-- SQLite's default isolation level is SERIALIZABLE. Nothing to do.".into()
        }
        (Dialect::Sqlite, "READ UNCOMMITTED") => "PRAGMA read_uncommitted = ON;".into(),
        (Dialect::Sqlite, "READ COMMITTED") => "PRAGMA read_uncommitted = OFF;".into(),
        (Dialect::Sqlite, level) => {
            format!("-- SQLite is not able to choose the isolation level {level}.")
        }
        (_, level) => format!("SET TRANSACTION ISOLATION LEVEL {level};"),
    }
}

pub fn engine_error(message: String) -> SequelizeError {
    SequelizeError::new(
        ErrorName::Error,
        format!("The playground's SQL engine failed: {message}"),
    )
}

/// How a Sequelize type is kept in the store.
pub fn column_kind(data_type: Option<&DataType>) -> ColumnKind {
    let Some(data_type) = data_type else {
        return ColumnKind::Text;
    };
    match data_type.key.as_str() {
        "INTEGER" | "SMALLINT" | "TINYINT" | "MEDIUMINT" | "BIGINT" | "DATE" => ColumnKind::Int,
        "FLOAT" | "REAL" | "DOUBLE" | "DECIMAL" | "NUMERIC" => ColumnKind::Float,
        "BOOLEAN" => ColumnKind::Bool,
        _ => ColumnKind::Text,
    }
}

/// What Sequelize's `set` makes of a value for `attribute`, as the attribute type's
/// sanitizer does: a DATE turns a string or a number into a Date, a DATEONLY a Date, a
/// number or a date's text into `'YYYY-MM-DD'`, a BOOLEAN `'true'` or `1` into `true`.
pub fn sanitize(attribute: Option<&crate::schema::Attribute>, value: Value) -> Value {
    let key = attribute
        .and_then(|a| a.data_type.as_ref())
        .map_or("", |t| t.key.as_str());
    match (key, value) {
        ("DATE", Value::Str(text)) => parse_iso_date(&text).map_or(Value::Str(text), Value::Date),
        ("DATE", Value::Number(ms)) if ms.fract() == 0.0 => Value::Date(ms as i64),
        ("DATEONLY", value) => date_only(value),
        // DataTypes.BOOLEAN's sanitizer: 'true'/'false' and 1/0 are booleans.
        ("BOOLEAN", Value::Str(text)) if text == "true" || text == "false" => {
            Value::Bool(text == "true")
        }
        ("BOOLEAN", Value::Number(n)) if n == 1.0 || n == 0.0 => Value::Bool(n == 1.0),
        (_, other) => other,
    }
}

/// DATEONLY's sanitizer (`moment(value).format('YYYY-MM-DD')`, the clock's zone being
/// UTC): a value that is not a date is left as it is, for the database to refuse.
pub fn date_only(value: Value) -> Value {
    let ms = match &value {
        Value::Date(ms) => Some(*ms),
        Value::Number(n) if n.fract() == 0.0 => Some(*n as i64),
        Value::Str(text) => parse_iso_date(text),
        _ => None,
    };
    match ms {
        Some(ms) => Value::Str(crate::js::iso_date(ms)[..10].to_string()),
        None => value,
    }
}

/// A DECIMAL's cell rounded to its scale (MySQL's DECIMAL without one is DECIMAL(10,0)).
fn rounded_decimal(cell: Cell, data_type: &DataType, dialect: Dialect) -> Cell {
    let Some(scale) = instance::kept_decimals(instance::decimal_scale(data_type), dialect) else {
        return cell;
    };
    let number = match &cell {
        Cell::Int(i) => *i as f64,
        Cell::Float(f) => *f,
        Cell::Text(t) => match t.trim().parse::<f64>() {
            Ok(f) => f,
            Err(_) => return cell,
        },
        _ => return cell,
    };
    Cell::Float(crate::js::round_decimal(number, scale))
}

/// Store cells for a row's attribute values.
pub fn cell_of(value: &Value) -> Cell {
    use crate::value::Value;
    match value {
        Value::Null | Value::Undefined => Cell::Null,
        Value::Bool(b) => Cell::Bool(*b),
        Value::Number(n) => number_cell(*n),
        Value::Date(ms) => Cell::Int(*ms),
        Value::Str(s) => Cell::Text(s.clone()),
        other => Cell::Text(crate::value::to_json(other).to_string()),
    }
}

/// A JavaScript number as the store keeps it: whole numbers as integers.
pub fn number_cell(n: f64) -> Cell {
    match n.fract() == 0.0 && n.abs() < 9.0e15 {
        true => Cell::Int(n as i64),
        false => Cell::Float(n),
    }
}
