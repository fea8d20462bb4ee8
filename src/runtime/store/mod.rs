//! The one boundary to GlueSQL: tables in memory, rows in and out.
//!
//! Everything above this module speaks in [`Cell`]s, [`Filter`]s and table/column
//! names; the statements GlueSQL runs are built here, as its syntax tree, and never
//! shown to the learner (what is shown is Sequelize's SQL, built in `runtime::sql`).
//! GlueSQL 0.20 is synchronous.
//!
//! GlueSQL is most of a WebAssembly build's size, so it comes with the `engine` feature
//! (on by default). The page's module is built without it; in the page's worker its
//! stores are [`Connection`]s to the engine's own module (`src/bin/sql.rs`), which
//! serves them with [`Store::serve`], in the [`wire`] format. Without either, a store
//! answers every statement with an error.
//!
//! GlueSQL's tables are kept in [`keyed::Keyed`], its memory storage with key maps
//! beside the rows: a lookup by key (`id = 7`, `ownerId IN (…)`) reads only the rows it
//! can match, and GlueSQL still evaluates the statement on them.

#[cfg(feature = "engine")]
use gluesql::core::data::Value as GlueValue;
#[cfg(feature = "engine")]
use gluesql::prelude::Glue;

mod coerce;
pub use coerce::convert;
#[cfg(feature = "engine")]
mod keyed;
pub(crate) mod wire;

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
    /// The value as a database's message writes it (text unquoted).
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            other => other.display(),
        }
    }

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

/// Which rows a statement touches, as GlueSQL will evaluate it.
#[derive(Clone, Debug, PartialEq)]
pub enum Filter {
    All,
    /// No row (`IN` of an empty list, as Sequelize writes `1 = 0`).
    Nothing,
    Compare {
        column: String,
        op: Comparison,
        value: Cell,
    },
    IsNull {
        column: String,
        negated: bool,
    },
    In {
        column: String,
        values: Vec<Cell>,
        negated: bool,
    },
    Between {
        column: String,
        low: Cell,
        high: Cell,
        negated: bool,
    },
    Like {
        column: String,
        pattern: Cell,
        negated: bool,
        case_insensitive: bool,
    },
    And(Vec<Filter>),
    Or(Vec<Filter>),
    /// A condition SQL cannot say (`IN 5`): the statement fails with this message.
    Invalid(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    Eq,
    NotEq,
    Gt,
    GtEq,
    Lt,
    LtEq,
}

impl Filter {
    pub fn eq(column: &str, value: &Cell) -> Filter {
        match value {
            Cell::Null => Filter::IsNull {
                column: column.to_string(),
                negated: false,
            },
            _ => Filter::Compare {
                column: column.to_string(),
                op: Comparison::Eq,
                value: value.clone(),
            },
        }
    }

    pub fn one_of(column: &str, values: &[Cell]) -> Filter {
        let values: Vec<Cell> = values
            .iter()
            .filter(|v| **v != Cell::Null)
            .cloned()
            .collect();
        if values.is_empty() {
            return Filter::Nothing;
        }
        Filter::In {
            column: column.to_string(),
            values,
            negated: false,
        }
    }

    /// The rows NOT (`self`) keeps, as SQL reads a NOT: pushed down to the leaves (De
    /// Morgan's laws), each negated leaf still NULL, so kept by neither, where its
    /// column is NULL.
    pub fn negated(self) -> Filter {
        match self {
            Filter::All => Filter::Nothing,
            Filter::Nothing => Filter::All,
            Filter::Compare { column, op, value } => Filter::Compare {
                column,
                op: match op {
                    Comparison::Eq => Comparison::NotEq,
                    Comparison::NotEq => Comparison::Eq,
                    Comparison::Gt => Comparison::LtEq,
                    Comparison::GtEq => Comparison::Lt,
                    Comparison::Lt => Comparison::GtEq,
                    Comparison::LtEq => Comparison::Gt,
                },
                value,
            },
            Filter::IsNull { column, negated } => Filter::IsNull {
                column,
                negated: !negated,
            },
            Filter::In {
                column,
                values,
                negated,
            } => Filter::In {
                column,
                values,
                negated: !negated,
            },
            Filter::Between {
                column,
                low,
                high,
                negated,
            } => Filter::Between {
                column,
                low,
                high,
                negated: !negated,
            },
            Filter::Like {
                column,
                pattern,
                negated,
                case_insensitive,
            } => Filter::Like {
                column,
                pattern,
                negated: !negated,
                case_insensitive,
            },
            Filter::And(items) => Filter::Or(items.into_iter().map(Filter::negated).collect()),
            Filter::Or(items) => Filter::And(items.into_iter().map(Filter::negated).collect()),
            invalid @ Filter::Invalid(_) => invalid,
        }
    }

    pub fn and(self, other: Filter) -> Filter {
        match (self, other) {
            (Filter::All, f) | (f, Filter::All) => f,
            (a, b) => Filter::And(vec![a, b]),
        }
    }
}

/// A row: (column, value) pairs. Column names are shared between the rows of a result.
pub type Row = Vec<(std::rc::Rc<str>, Cell)>;

/// The cell of `field` in a row (NULL when the row lacks it).
pub fn cell_in<C: AsRef<str>>(row: &[(C, Cell)], field: &str) -> Cell {
    row.iter()
        .find(|(c, _)| c.as_ref() == field)
        .map(|(_, v)| v.clone())
        .unwrap_or(Cell::Null)
}

/// Where a store's statements run: GlueSQL here (the `engine` feature), or a
/// [`Connection`] to GlueSQL elsewhere (the page's worker, whose engine is a module of
/// its own), or nowhere (the page analyzing as you type, which never runs a query).
pub struct Store {
    backend: Backend,
    kinds: coerce::Kinds,
}

enum Backend {
    #[cfg(feature = "engine")]
    Engine(Box<Glue<keyed::Keyed>>),
    Remote(Box<dyn Connection>),
    #[cfg(not(feature = "engine"))]
    Absent,
}

/// A store that lives elsewhere: each call is a request in the [`wire`] format, each
/// answer a reply in it.
pub trait Connection {
    fn call(&mut self, request: &[u8]) -> Vec<u8>;
}

/// Makes the connection of a new store.
pub type Connect = fn() -> Box<dyn Connection>;

thread_local! {
    /// How new stores reach their engine, when it is not in this build.
    static CONNECT: std::cell::Cell<Option<Connect>> = const { std::cell::Cell::new(None) };
}

/// From now on (on this thread), every new store is a connection made by `connect`
/// (the worker's engine module); `None` goes back to the build's own engine, if any.
pub fn connect_with(connect: Option<Connect>) {
    CONNECT.set(connect);
}

/// A reply in the [`wire`] format that says the engine could not answer.
pub fn failure(message: &str) -> Vec<u8> {
    wire::failure(message)
}

impl Default for Store {
    fn default() -> Store {
        let backend = match CONNECT.get() {
            Some(connect) => Backend::Remote(connect()),
            #[cfg(feature = "engine")]
            None => return Store::in_process(),
            #[cfg(not(feature = "engine"))]
            None => Backend::Absent,
        };
        Store {
            backend,
            kinds: coerce::Kinds::default(),
        }
    }
}

/// One thing a store is asked to do: everything above it is built from these.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Op {
    CreateTable {
        table: String,
        columns: Vec<(String, ColumnKind)>,
    },
    DropTable {
        table: String,
    },
    Insert {
        table: String,
        columns: Vec<String>,
        rows: Vec<Vec<Cell>>,
    },
    Select {
        table: String,
        filter: Filter,
    },
    Delete {
        table: String,
        filter: Filter,
    },
}

/// What one statement gave back.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Answer {
    Rows(Vec<String>, Vec<Vec<Cell>>),
    Affected(usize),
    Done,
}

impl Store {
    /// A store on this build's GlueSQL, whatever [`connect_with`] said.
    #[cfg(feature = "engine")]
    pub fn in_process() -> Store {
        Store {
            backend: Backend::Engine(Box::new(Glue::new(keyed::Keyed::default()))),
            kinds: coerce::Kinds::default(),
        }
    }

    /// From now on text compares with text whatever its case (MySQL's collations).
    pub fn ignore_text_case(&mut self, ignore: bool) {
        self.kinds.text_ignores_case = ignore;
    }

    #[cfg(not(feature = "engine"))]
    const NO_ENGINE: &'static str =
        "this build has no SQL engine (built without the `engine` feature)";

    fn perform(&mut self, mut op: Op) -> Result<Answer, String> {
        self.convert_values(&mut op);
        match &mut self.backend {
            #[cfg(feature = "engine")]
            Backend::Engine(glue) => engine::perform(glue, op),
            Backend::Remote(connection) => wire::answer(&connection.call(&wire::request(&op))),
            #[cfg(not(feature = "engine"))]
            Backend::Absent => Err(Self::NO_ENGINE.into()),
        }
    }

    /// Keeps the tables' column kinds, and gives each value of `op` its column's kind.
    fn convert_values(&mut self, op: &mut Op) {
        match op {
            Op::CreateTable { table, columns } => self.kinds.created(table, columns),
            Op::DropTable { table } => self.kinds.dropped(table),
            Op::Insert {
                table,
                columns,
                rows,
            } => self.kinds.rows(table, columns, rows),
            Op::Select { table, filter } | Op::Delete { table, filter } => {
                self.kinds.filter(table, filter)
            }
        }
    }

    /// Answers one request of the [`wire`] format (the worker's engine module serves its
    /// stores with this).
    pub fn serve(&mut self, request: &[u8]) -> Vec<u8> {
        let answer = wire::op(request).and_then(|op| self.perform(op));
        wire::reply(&answer)
    }

    pub fn create_table(
        &mut self,
        table: &str,
        columns: &[(String, ColumnKind)],
    ) -> Result<(), String> {
        self.perform(Op::CreateTable {
            table: table.to_string(),
            columns: columns.to_vec(),
        })
        .map(drop)
    }

    pub fn drop_table(&mut self, table: &str) -> Result<(), String> {
        self.perform(Op::DropTable {
            table: table.to_string(),
        })
        .map(drop)
    }

    fn insert_rows(
        &mut self,
        table: &str,
        columns: Vec<String>,
        rows: Vec<Vec<Cell>>,
    ) -> Result<(), String> {
        self.perform(Op::Insert {
            table: table.to_string(),
            columns,
            rows,
        })
        .map(drop)
    }

    fn select_rows(&mut self, table: &str, filter: &Filter) -> Result<Answer, String> {
        self.perform(Op::Select {
            table: table.to_string(),
            filter: filter.clone(),
        })
    }

    pub fn delete(&mut self, table: &str, filter: &Filter) -> Result<usize, String> {
        match self.perform(Op::Delete {
            table: table.to_string(),
            filter: filter.clone(),
        })? {
            Answer::Affected(n) => Ok(n),
            _ => Ok(0),
        }
    }
}

/// The statements the store sends, built as GlueSQL's syntax tree: GlueSQL's SQL
/// parser then never runs, and most of it stays out of the WebAssembly (the tree is
/// what GlueSQL would have made of the SQL text).
#[cfg(feature = "engine")]
mod statement {
    use std::str::FromStr;

    use bigdecimal::BigDecimal;
    use gluesql::core::ast::{
        BinaryOperator, ColumnDef, DataType, Expr, Literal, Projection, Query, Select, SelectItem,
        SetExpr, Statement, TableFactor, TableWithJoins, Values,
    };
    use gluesql::core::data::Value;

    use super::{Cell, ColumnKind, Comparison, Filter};

    pub fn create_table(table: &str, columns: &[(String, ColumnKind)]) -> Statement {
        let column = |(name, kind): &(String, ColumnKind)| ColumnDef {
            name: name.clone(),
            data_type: match kind {
                ColumnKind::Int => DataType::Int,
                ColumnKind::Float => DataType::Float,
                ColumnKind::Text => DataType::Text,
                ColumnKind::Bool => DataType::Boolean,
            },
            nullable: true,
            default: None,
            unique: None,
            comment: None,
        };
        Statement::CreateTable {
            if_not_exists: false,
            name: table.to_string(),
            columns: Some(columns.iter().map(column).collect()),
            source: None,
            engine: None,
            foreign_keys: Vec::new(),
            comment: None,
        }
    }

    pub fn drop_table(table: &str) -> Statement {
        Statement::DropTable {
            if_exists: true,
            names: vec![table.to_string()],
            cascade: false,
        }
    }

    pub fn insert(table: &str, columns: Vec<String>, rows: Vec<Vec<Expr>>) -> Statement {
        Statement::Insert {
            table_name: table.to_string(),
            columns,
            source: query(SetExpr::Values(Values(rows))),
        }
    }

    pub fn select_all(table: &str, filter: &Filter) -> Result<Statement, String> {
        let select = Select {
            distinct: false,
            projection: Projection::SelectItems(vec![SelectItem::Wildcard]),
            from: TableWithJoins {
                relation: TableFactor::Table {
                    name: table.to_string(),
                    alias: None,
                },
                joins: Vec::new(),
            },
            selection: condition(filter)?,
            group_by: Vec::new(),
            having: None,
        };
        Ok(Statement::Query(query(SetExpr::Select(Box::new(select)))))
    }

    pub fn delete(table: &str, filter: &Filter) -> Result<Statement, String> {
        Ok(Statement::Delete {
            table_name: table.to_string(),
            selection: condition(filter)?,
        })
    }

    fn query(body: SetExpr) -> Query {
        Query {
            body,
            order_by: Vec::new(),
            limit: None,
            offset: None,
        }
    }

    /// A value as GlueSQL's translator makes it from SQL text: numbers and strings as
    /// literals (compared with the column's type), booleans and NULL as values.
    pub fn value(cell: &Cell) -> Expr {
        let number = |text: String| match BigDecimal::from_str(&text) {
            Ok(n) => Expr::Literal(Literal::Number(n)),
            Err(_) => Expr::Value(Value::Null),
        };
        match cell {
            Cell::Null => Expr::Value(Value::Null),
            Cell::Int(i) => Expr::Literal(Literal::Number(BigDecimal::from(*i))),
            Cell::Float(f) if f.is_finite() => number(format!("{f:?}")),
            Cell::Float(_) => Expr::Value(Value::Null),
            Cell::Text(s) => Expr::Literal(Literal::QuotedString(s.clone())),
            Cell::Bool(b) => Expr::Value(Value::Bool(*b)),
        }
    }

    /// The WHERE clause; `None` for every row.
    fn condition(filter: &Filter) -> Result<Option<Expr>, String> {
        match filter {
            Filter::All => Ok(None),
            other => expr(other).map(Some),
        }
    }

    fn expr(filter: &Filter) -> Result<Expr, String> {
        let column = |name: &str| Box::new(Expr::Identifier(name.to_string()));
        let operand = |cell: &Cell| Box::new(value(cell));
        Ok(match filter {
            Filter::All => Expr::Value(Value::Bool(true)),
            Filter::Nothing => Expr::Value(Value::Bool(false)),
            Filter::Compare {
                column: c,
                op,
                value,
            } => Expr::BinaryOp {
                left: column(c),
                op: match op {
                    Comparison::Eq => BinaryOperator::Eq,
                    Comparison::NotEq => BinaryOperator::NotEq,
                    Comparison::Gt => BinaryOperator::Gt,
                    Comparison::GtEq => BinaryOperator::GtEq,
                    Comparison::Lt => BinaryOperator::Lt,
                    Comparison::LtEq => BinaryOperator::LtEq,
                },
                right: operand(value),
            },
            Filter::IsNull {
                column: c,
                negated: false,
            } => Expr::IsNull(column(c)),
            Filter::IsNull {
                column: c,
                negated: true,
            } => Expr::IsNotNull(column(c)),
            Filter::In {
                column: c,
                values,
                negated,
            } => Expr::InList {
                expr: column(c),
                list: values.iter().map(value).collect(),
                negated: *negated,
            },
            Filter::Between {
                column: c,
                low,
                high,
                negated,
            } => Expr::Between {
                expr: column(c),
                negated: *negated,
                low: operand(low),
                high: operand(high),
            },
            Filter::Like {
                column: c,
                pattern,
                negated,
                case_insensitive,
            } => {
                let like = match case_insensitive {
                    false => Expr::Like {
                        expr: column(c),
                        negated: *negated,
                        pattern: operand(pattern),
                    },
                    true => Expr::ILike {
                        expr: column(c),
                        negated: *negated,
                        pattern: operand(pattern),
                    },
                };
                // GlueSQL's LIKE fails on a NULL, where SQL's answers NULL.
                Expr::Case {
                    operand: None,
                    when_then: vec![(Expr::IsNull(column(c)), Expr::Value(Value::Null))],
                    else_result: Some(Box::new(like)),
                }
            }
            Filter::And(items) => joined(items, BinaryOperator::And)?,
            Filter::Or(items) => joined(items, BinaryOperator::Or)?,
            Filter::Invalid(message) => return Err(message.clone()),
        })
    }

    /// `leaf`, with NULL read as FALSE. GlueSQL's AND and OR answer NULL when either
    /// side is NULL, where SQL has `TRUE OR NULL` TRUE and `FALSE AND NULL` FALSE. A
    /// filter has no NOT above its leaves, so reading their NULLs as FALSE selects the
    /// rows PostgreSQL selects.
    fn never_null(leaf: Expr) -> Expr {
        Expr::Case {
            operand: None,
            when_then: vec![(leaf, Expr::Value(Value::Bool(true)))],
            else_result: Some(Box::new(Expr::Value(Value::Bool(false)))),
        }
    }

    fn joined(items: &[Filter], op: BinaryOperator) -> Result<Expr, String> {
        let mut items = items.iter().map(|item| match item {
            Filter::And(_) | Filter::Or(_) | Filter::IsNull { .. } => expr(item),
            leaf => expr(leaf).map(never_null),
        });
        let first = items.next().unwrap_or(Ok(Expr::Value(Value::Bool(true))))?;
        items.try_fold(first, |left, right| {
            Ok(Expr::BinaryOp {
                left: Box::new(left),
                op: op.clone(),
                right: Box::new(Expr::Nested(Box::new(right?))),
            })
        })
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

/// What went wrong in GlueSQL, by kind. Its own messages are left out on purpose: their
/// Display and Debug code covers its whole syntax tree, 15 KB gzip of the worker, and
/// the runtime checks what a learner can get wrong before a statement reaches GlueSQL.
#[cfg(feature = "engine")]
fn engine_failure(error: gluesql::core::error::Error) -> String {
    use gluesql::core::error::Error;
    match error {
        Error::StorageMsg(message) | Error::Parser(message) => message,
        Error::Evaluate(_) | Error::StringExt(_) => "a condition could not be evaluated".into(),
        Error::Value(_) | Error::Interval(_) | Error::Key(_) | Error::RowConversion(_) => {
            "a value does not fit its column or its comparison".into()
        }
        Error::Insert(_) | Error::Update(_) | Error::Delete(_) | Error::Table(_) => {
            "the table refused the statement".into()
        }
        _ => "the statement could not be planned".into(),
    }
}

/// The statements run on GlueSQL, in this build.
#[cfg(feature = "engine")]
mod engine {
    use super::keyed::Keyed;
    use super::{cell, engine_failure, statement, Answer, Op};
    use gluesql::core::ast::Statement;
    use gluesql::prelude::{Glue, Payload};

    /// Runs `op`; a SELECT or DELETE that looks rows up by key scans only the rows it
    /// can match (see [`Keyed::narrow`]).
    pub fn perform(glue: &mut Glue<Keyed>, op: Op) -> Result<Answer, String> {
        if let Op::Select { table, filter } | Op::Delete { table, filter } = &op {
            glue.storage.narrow(table, filter);
        }
        let answer = statement_of(op).and_then(|statement| execute(glue, statement));
        glue.storage.widen();
        answer
    }

    fn statement_of(op: Op) -> Result<Statement, String> {
        Ok(match op {
            Op::CreateTable { table, columns } => statement::create_table(&table, &columns),
            Op::DropTable { table } => statement::drop_table(&table),
            Op::Insert {
                table,
                columns,
                rows,
            } => {
                let rows = rows
                    .iter()
                    .map(|row| row.iter().map(statement::value).collect())
                    .collect();
                statement::insert(&table, columns, rows)
            }
            Op::Select { table, filter } => statement::select_all(&table, &filter)?,
            Op::Delete { table, filter } => statement::delete(&table, &filter)?,
        })
    }

    fn execute(glue: &mut Glue<Keyed>, statement: Statement) -> Result<Answer, String> {
        use gluesql::core::store::Planner;
        let plan = glue
            .storage
            .plan(statement.into())
            .map_err(engine_failure)?;
        let payload = glue.execute_stmt(&plan).map_err(engine_failure)?;
        Ok(match payload {
            Payload::Select { labels, rows } => Answer::Rows(
                labels,
                rows.into_iter()
                    .map(|r| r.into_iter().map(cell).collect())
                    .collect(),
            ),
            Payload::Update(n) | Payload::Delete(n) | Payload::Insert(n) => Answer::Affected(n),
            _ => Answer::Done,
        })
    }
}

impl Store {
    pub fn insert<C: AsRef<str>>(&mut self, table: &str, row: &[(C, Cell)]) -> Result<(), String> {
        let columns = row.iter().map(|(c, _)| c.as_ref().to_string()).collect();
        let values = row.iter().map(|(_, v)| v.clone()).collect();
        self.insert_rows(table, columns, vec![values])
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
        let columns: Vec<String> = first.iter().map(|(c, _)| c.as_ref().to_string()).collect();
        for chunk in rows.chunks(1000) {
            let values = chunk
                .iter()
                .map(|row| row.iter().map(|(_, v)| v.clone()).collect())
                .collect();
            self.insert_rows(table, columns.clone(), values)?;
        }
        Ok(())
    }

    pub fn select(&mut self, table: &str, filter: &Filter) -> Result<Vec<Row>, String> {
        let Answer::Rows(labels, rows) = self.select_rows(table, filter)? else {
            return Ok(Vec::new());
        };
        let labels: Vec<std::rc::Rc<str>> = labels.into_iter().map(std::rc::Rc::from).collect();
        Ok(rows
            .into_iter()
            .map(|row| labels.iter().cloned().zip(row).collect())
            .collect())
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
            assign(&mut row, set);
            self.insert(table, &row)?;
        }
        Ok(rows.len())
    }

    /// Updates the matching rows where they stand, as MySQL and SQLite do: an unordered
    /// SELECT afterwards lists them where they were. (The table is written anew.)
    pub fn update_in_place(
        &mut self,
        table: &str,
        set: &[(String, Cell)],
        filter: &Filter,
    ) -> Result<usize, String> {
        let mut matching = self.select(table, filter)?;
        let count = matching.len();
        if set.is_empty() || matching.is_empty() {
            return Ok(0);
        }
        let mut rows = self.select(table, &Filter::All)?;
        for row in &mut rows {
            // Rows alike are updated alike: which of them is which does not matter.
            if let Some(i) = matching.iter().position(|m| m == row) {
                matching.swap_remove(i);
                assign(row, set);
            }
        }
        self.delete(table, &Filter::All)?;
        self.insert_many(table, &rows)?;
        Ok(count)
    }
}

/// Writes `set`'s values into `row`'s columns.
fn assign(row: &mut Row, set: &[(String, Cell)]) {
    for (column, value) in set {
        let column: &str = column.as_ref();
        if let Some(slot) = row.iter_mut().find(|(c, _)| &**c == column) {
            slot.1 = value.clone();
        }
    }
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
        let mut names = |filter: Filter| -> Vec<String> {
            let rows = store.select("t", &filter).unwrap();
            rows.into_iter()
                .map(|row| match &row[0].1 {
                    Cell::Text(name) => name.clone(),
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        let like = |pattern: &str, negated, case_insensitive| Filter::Like {
            column: "name".into(),
            pattern: Cell::Text(pattern.into()),
            negated,
            case_insensitive,
        };
        assert_eq!(names(like("a.c", false, false)), ["a.c"]);
        assert_eq!(names(like("a_c", false, false)), ["a.c", "abc", "a\\c"]);
        assert_eq!(names(like("(x)%", false, false)), ["(x)+"]);
        assert_eq!(names(like("ä%", false, true)), ["Ärger"]);
        assert_eq!(names(like("%c", true, false)), ["Ärger", "(x)+"]);
        let some = Filter::Or(vec![like("a%", false, false), Filter::Nothing]);
        assert_eq!(
            names(some.and(like("%c", false, false))),
            ["a.c", "abc", "a\\c"]
        );
        assert!(store.select("t", &Filter::Invalid("no".into())).is_err());
    }

    /// GlueSQL's failures come back by kind (its own messages are left out for size).
    #[test]
    fn engine_failures_say_their_kind() {
        let mut store = Store::default();
        store
            .create_table("t", &[("x".into(), ColumnKind::Int)])
            .unwrap();
        store.insert("t", &[("x", Cell::Int(1))]).unwrap();
        let like_on_a_number = Filter::Like {
            column: "x".into(),
            pattern: Cell::Int(1),
            negated: false,
            case_insensitive: false,
        };
        assert_eq!(
            store.select("t", &like_on_a_number).unwrap_err(),
            "a value does not fit its column or its comparison"
        );
        assert!(store.select("missing", &Filter::All).is_err());
    }

    /// `x IS NULL OR x > 1` keeps the NULL rows, `x = 1 AND y = 2` drops rows with a NULL
    /// in either, as in PostgreSQL (GlueSQL's own OR would answer NULL for them).
    #[test]
    fn and_or_follow_sql_three_valued_logic() {
        let mut store = Store::default();
        let columns = [("x".into(), ColumnKind::Int), ("y".into(), ColumnKind::Int)];
        store.create_table("t", &columns).unwrap();
        for (x, y) in [
            (Cell::Null, Cell::Int(2)),
            (Cell::Int(1), Cell::Null),
            (Cell::Int(2), Cell::Int(2)),
        ] {
            store.insert("t", &[("x", x), ("y", y)]).unwrap();
        }
        let compare = |column: &str, op, value| Filter::Compare {
            column: column.into(),
            op,
            value: Cell::Int(value),
        };
        let null_x = Filter::IsNull {
            column: "x".into(),
            negated: false,
        };
        let either = Filter::Or(vec![null_x, compare("x", Comparison::Gt, 1)]);
        assert_eq!(store.select("t", &either).unwrap().len(), 2);
        let y_or_x = Filter::Or(vec![
            compare("y", Comparison::Eq, 2),
            compare("x", Comparison::Eq, 1),
        ]);
        assert_eq!(store.select("t", &y_or_x).unwrap().len(), 3);
        let both = Filter::And(vec![
            compare("x", Comparison::GtEq, 1),
            compare("y", Comparison::Eq, 2),
        ]);
        assert_eq!(store.select("t", &both).unwrap().len(), 1);
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
