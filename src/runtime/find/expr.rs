//! Sequelize's SQL pieces (`fn`, `col`, `literal`, `cast`, `where`) computed as the
//! run's database computes them: per row, or over a group for the aggregates (`COUNT`,
//! `SUM`, `AVG`, `MIN`, `MAX`), each answer typed as that database hands it to
//! Sequelize (PostgreSQL's `COUNT` and `SUM` of integers are strings, `'3'`). A
//! `literal` is read with a small reader of SQL expressions; what it cannot read (a
//! subquery, `CASE`) is an error that says so, never a guess.

use std::cmp::Ordering;

use super::load::compare_cells;
use super::nest::cell_key;
use crate::error::SequelizeError;
use crate::plan::{CompareOp, JsonCast, Literal, Where, WhereValue};
use crate::runtime::store::{Cell, Row};
use crate::sql::Dialect;
use crate::value::{SqlExpr, Value};

type Computed<T> = Result<T, SequelizeError>;

/// One row of a find's FROM: each table's row under its alias (the model's name, an
/// include's `pugs`, `pugs->toys`); the first is the model's own. Computed keys can be
/// added under the alias `""` (a `having` or an `order` may name them).
#[derive(Clone, Debug, Default)]
pub struct Joined {
    pub tables: Vec<(String, Row)>,
}

impl Joined {
    pub fn of(alias: &str, row: &Row) -> Joined {
        Joined {
            tables: vec![(alias.to_string(), row.clone())],
        }
    }

    /// The cell of `table.column`, or of `column` in the first table that has it.
    pub(super) fn cell(&self, table: Option<&str>, column: &str) -> Option<Cell> {
        let found = |row: &Row| {
            row.iter()
                .find(|(c, _)| &**c == column)
                .map(|(_, v)| v.clone())
        };
        match table {
            Some(table) => self
                .tables
                .iter()
                .filter(|(alias, _)| alias == table)
                .find_map(|(_, row)| found(row)),
            None => self.tables.iter().find_map(|(_, row)| found(row)),
        }
    }
}

/// A SQL expression, read from the snippet's pieces or a literal's text.
#[derive(Clone, Debug)]
pub enum Term {
    Column {
        table: Option<String>,
        name: String,
    },
    /// `*` (`COUNT(*)`, `col('*')`).
    Star,
    Value(Cell),
    /// A function call, its name as written.
    Call {
        name: String,
        args: Vec<Term>,
    },
    Cast {
        term: Box<Term>,
        type_name: String,
    },
    /// The value at `path` inside a JSON column, as the database extracts it for a
    /// comparison (`#>>` on PostgreSQL, `json_extract` elsewhere) and casts it.
    JsonPath {
        column: Box<Term>,
        path: Vec<String>,
        cast: crate::plan::JsonCast,
    },
    /// `+`, `-`, `*`, `/`, `%`, `||`.
    Arithmetic {
        op: char,
        left: Box<Term>,
        right: Box<Term>,
    },
    Compare {
        op: CompareOp,
        left: Box<Term>,
        right: Box<Term>,
    },
    List(Vec<Term>),
    And(Vec<Term>),
    Or(Vec<Term>),
    Not(Box<Term>),
    /// `(SELECT COUNT(*) FROM "pugs" AS "pug" WHERE "pug"."ownerId" = "owner"."id")`: a
    /// scalar subquery of one table, correlated with the row it is computed for; its
    /// table's rows are read before the find computes it ([`load_subqueries`]).
    Subquery(Box<Subquery>),
}

#[derive(Clone, Debug)]
pub struct Subquery {
    select: Term,
    /// The table as written (`pugs`).
    table: String,
    alias: String,
    filter: Option<Term>,
    rows: Option<std::rc::Rc<Vec<Row>>>,
}

const AGGREGATES: &[&str] = &[
    "COUNT",
    "SUM",
    "AVG",
    "MIN",
    "MAX",
    "GROUP_CONCAT",
    "STRING_AGG",
];

fn is_aggregate_name(name: &str) -> bool {
    AGGREGATES.iter().any(|a| a.eq_ignore_ascii_case(name))
}

/// Whether a piece computes over a group (it calls an aggregate somewhere).
pub fn is_aggregate(expr: &SqlExpr) -> bool {
    term_of_expr(expr, Dialect::Postgres).is_ok_and(|t| t.has_aggregate())
}

impl Term {
    fn has_aggregate(&self) -> bool {
        match self {
            Term::Call { name, args } => {
                is_aggregate_name(name) || args.iter().any(Term::has_aggregate)
            }
            Term::Cast { term, .. } | Term::Not(term) | Term::JsonPath { column: term, .. } => {
                term.has_aggregate()
            }
            Term::Arithmetic { left, right, .. } | Term::Compare { left, right, .. } => {
                left.has_aggregate() || right.has_aggregate()
            }
            Term::List(items) | Term::And(items) | Term::Or(items) => {
                items.iter().any(Term::has_aggregate)
            }
            Term::Column { .. } | Term::Star | Term::Value(_) | Term::Subquery(_) => false,
        }
    }
}

fn cannot(what: impl Into<String>) -> SequelizeError {
    SequelizeError::plain(what.into())
}

/// A snippet's value where SQL is expected: a piece, or a plain value (escaped).
pub fn term_of(value: &Value, dialect: Dialect) -> Computed<Term> {
    match value {
        Value::Sql(expr) => term_of_expr(expr, dialect),
        other => Ok(Term::Value(cell_of_value(other))),
    }
}

fn cell_of_value(value: &Value) -> Cell {
    match value {
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => Cell::Int(*n as i64),
        Value::Number(n) => Cell::Float(*n),
        Value::Str(s) => Cell::Text(s.clone()),
        Value::Bool(b) => Cell::Bool(*b),
        _ => Cell::Null,
    }
}

/// A SQL piece as a term, read as `dialect` reads it (MySQL takes `"word"` in a
/// literal for a string, the others for a name).
pub fn term_of_expr(expr: &SqlExpr, dialect: Dialect) -> Computed<Term> {
    Ok(match expr {
        SqlExpr::Fn { name, args } => Term::Call {
            name: name.clone(),
            args: args
                .iter()
                .map(|a| term_of(a, dialect))
                .collect::<Computed<_>>()?,
        },
        SqlExpr::Col(name) => column_term(name),
        SqlExpr::Literal(text) => parse_literal(text, dialect)?.0,
        SqlExpr::Cast { value, type_name } => Term::Cast {
            term: Box::new(term_of(value, dialect)?),
            type_name: type_name.to_uppercase(),
        },
        SqlExpr::Where { left, op, right } => where_term(left, op.as_deref(), right, dialect)?,
    })
}

/// `col('pugs.id')`: the last dot parts table from column.
pub fn column_term(name: &str) -> Term {
    if name.starts_with('*') {
        return Term::Star;
    }
    match name.rsplit_once('.') {
        Some((table, column)) => Term::Column {
            table: Some(table.to_string()),
            name: column.to_string(),
        },
        None => Term::Column {
            table: None,
            name: name.to_string(),
        },
    }
}

/// `where(left, op, right)`: `op` an operator's name (`gt`) or as written (`'>'`); a
/// plain object on the right holds its own operators (`{ [Op.gt]: 2 }`).
fn where_term(left: &Value, op: Option<&str>, right: &Value, dialect: Dialect) -> Computed<Term> {
    let left = term_of(left, dialect)?;
    if let Value::Object(ops) = right {
        let parts = ops
            .iter()
            .map(|(key, operand)| {
                let name = key.trim_start_matches("Symbol(").trim_end_matches(')');
                comparison(left.clone(), name, operand, dialect)
            })
            .collect::<Computed<Vec<_>>>()?;
        return Ok(match parts.len() {
            1 => parts.into_iter().next().expect("one part"),
            _ => Term::And(parts),
        });
    }
    comparison(left, op.unwrap_or("eq"), right, dialect)
}

fn comparison(left: Term, op: &str, right: &Value, dialect: Dialect) -> Computed<Term> {
    let op = match op {
        "eq" | "=" => CompareOp::Eq,
        "ne" | "!=" | "<>" => CompareOp::Ne,
        "gt" | ">" => CompareOp::Gt,
        "gte" | ">=" => CompareOp::Gte,
        "lt" | "<" => CompareOp::Lt,
        "lte" | "<=" => CompareOp::Lte,
        "like" => CompareOp::Like,
        "notLike" => CompareOp::NotLike,
        "iLike" => CompareOp::ILike,
        "notILike" => CompareOp::NotILike,
        "in" => CompareOp::In,
        "notIn" => CompareOp::NotIn,
        "is" => CompareOp::Is,
        "not" => CompareOp::IsNot,
        other => match other.to_uppercase().as_str() {
            "LIKE" => CompareOp::Like,
            "NOT LIKE" => CompareOp::NotLike,
            "ILIKE" => CompareOp::ILike,
            "IN" => CompareOp::In,
            "IS" => CompareOp::Is,
            "IS NOT" => CompareOp::IsNot,
            _ => {
                return Err(cannot(format!(
                "The playground does not compute the comparison '{other}' in sequelize.where() yet"
            )))
            }
        },
    };
    let op = match (op, right) {
        (CompareOp::Eq, Value::Null) => CompareOp::Is,
        (CompareOp::Ne, Value::Null) => CompareOp::IsNot,
        (op, _) => op,
    };
    let right = match right {
        Value::Array(items) => Term::List(
            items
                .iter()
                .map(|i| term_of(i, dialect))
                .collect::<Computed<_>>()?,
        ),
        other => term_of(other, dialect)?,
    };
    Ok(Term::Compare {
        op,
        left: Box::new(left),
        right: Box::new(right),
    })
}

// ---------------------------------------------------------------------------------
// Reading a literal's text.

/// A snippet's SQL as an error message quotes it: its first 60 characters.
fn shortened(text: &str) -> String {
    match text.chars().count() > 60 {
        true => text.chars().take(60).chain("…".chars()).collect(),
        false => text.to_string(),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    Quoted(String),
    Str(String),
    Number(f64),
    Symbol(&'static str),
}

fn lex(text: &str, dialect: Dialect) -> Computed<Vec<Token>> {
    let unreadable = || {
        cannot(format!(
            "The playground cannot compute sequelize.literal('{}') yet: it reads column names, values, arithmetic, comparisons, function calls and subqueries of one table",
            shortened(text)
        ))
    };
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(Token::Word(chars[start..i].iter().collect()));
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            tokens.push(Token::Number(digits.parse().map_err(|_| unreadable())?));
        } else if c == '"' || c == '`' || c == '\'' {
            let mut value = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    None => return Err(unreadable()),
                    Some(&q) if q == c && chars.get(i + 1) == Some(&c) => {
                        value.push(c);
                        i += 2;
                    }
                    Some(&q) if q == c => {
                        i += 1;
                        break;
                    }
                    Some(&other) => {
                        value.push(other);
                        i += 1;
                    }
                }
            }
            tokens.push(match c {
                '\'' => Token::Str(value),
                // MySQL (without ANSI_QUOTES) reads a double-quoted word as a string.
                '"' if dialect == Dialect::Mysql => Token::Str(value),
                _ => Token::Quoted(value),
            });
        } else {
            let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
            let symbol = match two.as_str() {
                "<=" => Some("<="),
                ">=" => Some(">="),
                "<>" => Some("<>"),
                "!=" => Some("!="),
                "||" => Some("||"),
                _ => None,
            };
            if let Some(symbol) = symbol {
                tokens.push(Token::Symbol(symbol));
                i += 2;
                continue;
            }
            let symbol = match c {
                '(' => "(",
                ')' => ")",
                ',' => ",",
                '.' => ".",
                '+' => "+",
                '-' => "-",
                '*' => "*",
                '/' => "/",
                '%' => "%",
                '=' => "=",
                '<' => "<",
                '>' => ">",
                _ => return Err(unreadable()),
            };
            tokens.push(Token::Symbol(symbol));
            i += 1;
        }
    }
    Ok(tokens)
}

struct Reader<'t> {
    tokens: &'t [Token],
    at: usize,
    /// How deeply the expression being read nests (bounded: the text is a snippet's).
    depth: usize,
}

/// Deeper than this, an expression is not read (rather than exhaust the stack).
const MAX_NESTING: usize = 64;

impl Reader<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn is_word(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Token::Word(w)) if w.eq_ignore_ascii_case(word))
    }

    fn eat_word(&mut self, word: &str) -> bool {
        let found = self.is_word(word);
        self.at += usize::from(found);
        found
    }

    fn eat(&mut self, symbol: &str) -> bool {
        let found = matches!(self.peek(), Some(Token::Symbol(s)) if *s == symbol);
        self.at += usize::from(found);
        found
    }

    fn expression(&mut self) -> Option<Term> {
        if self.depth >= MAX_NESTING {
            return None;
        }
        self.depth += 1;
        let read = self.disjunction();
        self.depth -= 1;
        read
    }

    fn disjunction(&mut self) -> Option<Term> {
        let mut items = vec![self.conjunction()?];
        while self.eat_word("OR") {
            items.push(self.conjunction()?);
        }
        Some(match items.len() {
            1 => items.pop()?,
            _ => Term::Or(items),
        })
    }

    fn conjunction(&mut self) -> Option<Term> {
        let mut items = vec![self.negation()?];
        while self.eat_word("AND") {
            items.push(self.negation()?);
        }
        Some(match items.len() {
            1 => items.pop()?,
            _ => Term::And(items),
        })
    }

    fn negation(&mut self) -> Option<Term> {
        match self.eat_word("NOT") {
            true => Some(Term::Not(Box::new(
                self.expression_at_depth(Self::negation)?,
            ))),
            false => self.comparison(),
        }
    }

    /// `read` one level deeper (a `NOT NOT …` or `- - …` chain nests too).
    fn expression_at_depth(&mut self, read: fn(&mut Self) -> Option<Term>) -> Option<Term> {
        if self.depth >= MAX_NESTING {
            return None;
        }
        self.depth += 1;
        let term = read(self);
        self.depth -= 1;
        term
    }

    fn comparison(&mut self) -> Option<Term> {
        let left = self.sum()?;
        let compare = |op, right| Term::Compare {
            op,
            left: Box::new(left.clone()),
            right: Box::new(right),
        };
        for (symbol, op) in [
            ("=", CompareOp::Eq),
            ("<>", CompareOp::Ne),
            ("!=", CompareOp::Ne),
            ("<=", CompareOp::Lte),
            (">=", CompareOp::Gte),
            ("<", CompareOp::Lt),
            (">", CompareOp::Gt),
        ] {
            if self.eat(symbol) {
                let right = self.sum()?;
                return Some(compare(op, right));
            }
        }
        if self.eat_word("IS") {
            let negated = self.eat_word("NOT");
            self.eat_word("NULL").then_some(())?;
            let op = if negated {
                CompareOp::IsNot
            } else {
                CompareOp::Is
            };
            return Some(compare(op, Term::Value(Cell::Null)));
        }
        let negated = self.eat_word("NOT");
        if self.eat_word("BETWEEN") {
            let low = self.sum()?;
            self.eat_word("AND").then_some(())?;
            let high = self.sum()?;
            let op = if negated {
                CompareOp::NotBetween
            } else {
                CompareOp::Between
            };
            return Some(compare(op, Term::List(vec![low, high])));
        }
        if self.eat_word("ILIKE") {
            let right = self.sum()?;
            let op = if negated {
                CompareOp::NotILike
            } else {
                CompareOp::ILike
            };
            return Some(compare(op, right));
        }
        if self.eat_word("LIKE") {
            let right = self.sum()?;
            let op = if negated {
                CompareOp::NotLike
            } else {
                CompareOp::Like
            };
            return Some(compare(op, right));
        }
        if self.eat_word("IN") {
            self.eat("(").then_some(())?;
            let items = self.arguments()?;
            let op = if negated {
                CompareOp::NotIn
            } else {
                CompareOp::In
            };
            return Some(compare(op, Term::List(items)));
        }
        (!negated).then_some(left)
    }

    fn sum(&mut self) -> Option<Term> {
        let mut left = self.product()?;
        loop {
            let op = if self.eat("+") {
                '+'
            } else if self.eat("-") {
                '-'
            } else if self.eat("||") {
                '|'
            } else {
                return Some(left);
            };
            let right = self.product()?;
            left = Term::Arithmetic {
                op,
                left: Box::new(left),
                right: Box::new(right),
            };
        }
    }

    fn product(&mut self) -> Option<Term> {
        let mut left = self.unary()?;
        loop {
            let op = if self.eat("*") {
                '*'
            } else if self.eat("/") {
                '/'
            } else if self.eat("%") {
                '%'
            } else {
                return Some(left);
            };
            let right = self.unary()?;
            left = Term::Arithmetic {
                op,
                left: Box::new(left),
                right: Box::new(right),
            };
        }
    }

    fn unary(&mut self) -> Option<Term> {
        if self.eat("-") {
            let inner = self.expression_at_depth(Self::unary)?;
            return Some(Term::Arithmetic {
                op: '-',
                left: Box::new(Term::Value(Cell::Int(0))),
                right: Box::new(inner),
            });
        }
        self.primary()
    }

    /// The arguments of a call, after its `(`, through its `)`.
    fn arguments(&mut self) -> Option<Vec<Term>> {
        let mut args = Vec::new();
        if self.eat(")") {
            return Some(args);
        }
        loop {
            if self.eat_word("DISTINCT") {
                let inner = self.expression()?;
                args.push(Term::Call {
                    name: "DISTINCT".into(),
                    args: vec![inner],
                });
            } else if matches!(self.peek(), Some(Token::Symbol("*"))) {
                self.at += 1;
                args.push(Term::Star);
            } else {
                args.push(self.expression()?);
            }
            if self.eat(")") {
                return Some(args);
            }
            self.eat(",").then_some(())?;
        }
    }

    fn primary(&mut self) -> Option<Term> {
        let token = self.peek()?.clone();
        self.at += 1;
        match token {
            Token::Number(n) if n.fract() == 0.0 => Some(Term::Value(Cell::Int(n as i64))),
            Token::Number(n) => Some(Term::Value(Cell::Float(n))),
            Token::Str(s) => Some(Term::Value(Cell::Text(s))),
            Token::Symbol("(") => {
                if self.eat_word("SELECT") {
                    return self.subquery();
                }
                let inner = self.expression()?;
                self.eat(")").then_some(inner)
            }
            Token::Symbol(_) => None,
            Token::Word(word) => {
                let upper = word.to_uppercase();
                match upper.as_str() {
                    "NULL" => return Some(Term::Value(Cell::Null)),
                    "TRUE" => return Some(Term::Value(Cell::Bool(true))),
                    "FALSE" => return Some(Term::Value(Cell::Bool(false))),
                    "SELECT" | "CASE" | "EXISTS" => return None,
                    // SQL's niladic functions, written without parentheses.
                    "CURRENT_TIMESTAMP" | "CURRENT_DATE"
                        if self.peek() != Some(&Token::Symbol("(")) =>
                    {
                        return Some(Term::Call {
                            name: upper,
                            args: Vec::new(),
                        })
                    }
                    _ => {}
                }
                if upper == "EXTRACT" && self.eat("(") {
                    // `EXTRACT(YEAR FROM "madeAt")`: the field as the call's first value.
                    let field = self.name()?;
                    self.eat_word("FROM").then_some(())?;
                    let from = self.expression()?;
                    self.eat(")").then_some(())?;
                    let args = vec![Term::Value(Cell::Text(field)), from];
                    return Some(Term::Call { name: word, args });
                }
                if self.eat("(") {
                    let args = self.arguments()?;
                    return Some(Term::Call { name: word, args });
                }
                self.column_after(word)
            }
            Token::Quoted(name) => self.column_after(name),
        }
    }

    /// After `(SELECT`: `expression FROM table [AS alias] [WHERE condition])`.
    fn subquery(&mut self) -> Option<Term> {
        let select = self.expression()?;
        self.eat_word("FROM").then_some(())?;
        let table = self.name()?;
        self.eat_word("AS");
        let alias = match self.peek() {
            Some(Token::Word(w)) if !w.eq_ignore_ascii_case("WHERE") => self.name()?,
            Some(Token::Quoted(_)) => self.name()?,
            _ => table.clone(),
        };
        let filter = match self.eat_word("WHERE") {
            true => Some(self.expression()?),
            false => None,
        };
        self.eat(")").then_some(())?;
        Some(Term::Subquery(Box::new(Subquery {
            select,
            table,
            alias,
            filter,
            rows: None,
        })))
    }

    fn name(&mut self) -> Option<String> {
        match self.peek()?.clone() {
            Token::Word(name) | Token::Quoted(name) => {
                self.at += 1;
                Some(name)
            }
            _ => None,
        }
    }

    /// `name` or `table.name` (either part quoted or not).
    fn column_after(&mut self, first: String) -> Option<Term> {
        if !self.eat(".") {
            return Some(Term::Column {
                table: None,
                name: first,
            });
        }
        match self.peek()?.clone() {
            Token::Word(name) | Token::Quoted(name) => {
                self.at += 1;
                Some(Term::Column {
                    table: Some(first),
                    name,
                })
            }
            Token::Symbol("*") => {
                self.at += 1;
                Some(Term::Star)
            }
            _ => None,
        }
    }
}

/// A SELECT statement of `sequelize.query(…)`, read as far as the playground runs
/// one: columns (or `*`) from one table and its joins, `WHERE`, `GROUP BY`, `HAVING`,
/// `ORDER BY`, `LIMIT`, `OFFSET`.
#[derive(Clone, Debug)]
pub struct Select {
    /// `None` for `*`; else each column's term and the key it is shown under.
    pub columns: Option<Vec<(Term, String)>>,
    pub table: String,
    pub alias: String,
    pub joins: Vec<Join>,
    pub filter: Option<Term>,
    pub group: Vec<Term>,
    pub having: Option<Term>,
    pub order: Vec<(Term, &'static str)>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct Join {
    pub table: String,
    pub alias: String,
    pub left: bool,
    pub on: Term,
}

impl Reader<'_> {
    fn statement(&mut self) -> Option<Select> {
        self.eat_word("SELECT").then_some(())?;
        let columns = match matches!(self.peek(), Some(Token::Symbol("*"))) {
            true => {
                self.at += 1;
                None
            }
            false => {
                let mut columns = Vec::new();
                loop {
                    let term = self.expression()?;
                    let key = match self.eat_word("AS") {
                        true => self.name()?,
                        false => match &term {
                            Term::Column { name, .. } => name.clone(),
                            Term::Call { name, .. } => name.to_lowercase(),
                            _ => "?column?".into(),
                        },
                    };
                    columns.push((term, key));
                    if !self.eat(",") {
                        break;
                    }
                }
                Some(columns)
            }
        };
        self.eat_word("FROM").then_some(())?;
        let (table, alias) = self.table_and_alias()?;
        let mut joins = Vec::new();
        loop {
            let left = self.eat_word("LEFT");
            if left {
                self.eat_word("OUTER");
            } else {
                self.eat_word("INNER");
            }
            if !self.eat_word("JOIN") {
                if left {
                    return None;
                }
                break;
            }
            let (table, alias) = self.table_and_alias()?;
            self.eat_word("ON").then_some(())?;
            let on = self.expression()?;
            joins.push(Join {
                table,
                alias,
                left,
                on,
            });
        }
        let filter = match self.eat_word("WHERE") {
            true => Some(self.expression()?),
            false => None,
        };
        let mut group = Vec::new();
        if self.eat_word("GROUP") {
            self.eat_word("BY").then_some(())?;
            loop {
                group.push(self.expression()?);
                if !self.eat(",") {
                    break;
                }
            }
        }
        let having = match self.eat_word("HAVING") {
            true => Some(self.expression()?),
            false => None,
        };
        let mut order = Vec::new();
        if self.eat_word("ORDER") {
            self.eat_word("BY").then_some(())?;
            loop {
                let term = self.expression()?;
                let direction = if self.eat_word("DESC") {
                    "DESC"
                } else {
                    self.eat_word("ASC");
                    "ASC"
                };
                order.push((term, direction));
                if !self.eat(",") {
                    break;
                }
            }
        }
        let count = |reader: &mut Reader| match reader.peek() {
            Some(Token::Number(n)) if n.fract() == 0.0 && *n >= 0.0 => {
                let n = *n as usize;
                reader.at += 1;
                Some(n)
            }
            _ => None,
        };
        let limit = match self.eat_word("LIMIT") {
            true => Some(count(self)?),
            false => None,
        };
        let offset = match self.eat_word("OFFSET") {
            true => Some(count(self)?),
            false => None,
        };
        self.eat(";");
        Some(Select {
            columns,
            table,
            alias,
            joins,
            filter,
            group,
            having,
            order,
            limit,
            offset,
        })
    }

    fn table_and_alias(&mut self) -> Option<(String, String)> {
        let table = self.name()?;
        let explicit = self.eat_word("AS");
        let alias = match self.peek() {
            Some(Token::Quoted(_)) => self.name()?,
            Some(Token::Word(w)) if explicit || !is_keyword(w) => self.name()?,
            _ => table.clone(),
        };
        Some((table, alias))
    }
}

fn is_keyword(word: &str) -> bool {
    [
        "WHERE", "JOIN", "LEFT", "INNER", "OUTER", "ON", "GROUP", "ORDER", "LIMIT", "OFFSET",
        "HAVING",
    ]
    .iter()
    .any(|k| k.eq_ignore_ascii_case(word))
}

/// A raw SELECT (`sequelize.query`), or why the playground cannot run it.
pub fn parse_select(text: &str) -> Computed<Select> {
    let tokens = lex(text, Dialect::Postgres)?;
    let mut reader = Reader {
        tokens: &tokens,
        at: 0,
        depth: 0,
    };
    match reader.statement() {
        Some(select) if reader.at == tokens.len() => Ok(select),
        _ => Err(cannot(
            "The playground runs a SELECT of one table (with joins, WHERE, GROUP BY, ORDER BY, LIMIT) in sequelize.query(); this statement it cannot read yet",
        )
        .with_hint("write the query with the model's methods (findAll, count, include)")),
    }
}

/// A literal's text as an expression, and the `ASC`/`DESC` that may end it (an
/// `order: sequelize.literal('age DESC')`).
/// An order written as a literal (`literal('pop DESC, id ASC')`): each of its
/// comma-separated keys with its direction (`NULLS FIRST`/`LAST` too).
pub fn parse_order_literal(
    text: &str,
    dialect: Dialect,
) -> Computed<Vec<(Term, Option<&'static str>)>> {
    let tokens = lex(text, dialect)?;
    let mut keys = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Symbol("(") => depth += 1,
            Token::Symbol(")") => depth = depth.saturating_sub(1),
            Token::Symbol(",") if depth == 0 => {
                keys.push(&tokens[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    keys.push(&tokens[start..]);
    keys.into_iter().map(|key| order_key(key, text)).collect()
}

/// One key of an order literal: its term, and the direction words after it.
fn order_key(tokens: &[Token], text: &str) -> Computed<(Term, Option<&'static str>)> {
    let is = |token: Option<&Token>, word: &str| matches!(token, Some(Token::Word(w)) if w.eq_ignore_ascii_case(word));
    let mut end = tokens.len();
    let mut nulls = None;
    if end >= 2 && is(tokens.get(end - 2), "NULLS") {
        nulls = match () {
            _ if is(tokens.get(end - 1), "FIRST") => Some(true),
            _ if is(tokens.get(end - 1), "LAST") => Some(false),
            _ => None,
        };
        if nulls.is_some() {
            end -= 2;
        }
    }
    let ascending = match end.checked_sub(1).map(|i| &tokens[i]) {
        Some(Token::Word(w)) if w.eq_ignore_ascii_case("DESC") => Some(false),
        Some(Token::Word(w)) if w.eq_ignore_ascii_case("ASC") => Some(true),
        _ => None,
    };
    if ascending.is_some() {
        end -= 1;
    }
    let direction = match (ascending, nulls) {
        (None, None) => None,
        (Some(true), None) => Some("ASC"),
        (Some(false), None) => Some("DESC"),
        (None, Some(true)) => Some("NULLS FIRST"),
        (None, Some(false)) => Some("NULLS LAST"),
        (Some(true), Some(true)) => Some("ASC NULLS FIRST"),
        (Some(true), Some(false)) => Some("ASC NULLS LAST"),
        (Some(false), Some(true)) => Some("DESC NULLS FIRST"),
        (Some(false), Some(false)) => Some("DESC NULLS LAST"),
    };
    let tokens = &tokens[..end];
    let mut reader = Reader {
        tokens,
        at: 0,
        depth: 0,
    };
    match reader.expression() {
        Some(term) if reader.at == tokens.len() => Ok((term, direction)),
        _ => Err(cannot(format!(
            "The playground cannot compute sequelize.literal('{}') yet: it reads column names, values, arithmetic, comparisons, function calls and subqueries of one table",
            shortened(text)
        ))
        .with_hint("select the values with attributes and include, or compute them in your code")),
    }
}

pub fn parse_literal(text: &str, dialect: Dialect) -> Computed<(Term, Option<&'static str>)> {
    let unreadable = || {
        cannot(format!(
            "The playground cannot compute sequelize.literal('{}') yet: it reads column names, values, arithmetic, comparisons, function calls and subqueries of one table",
            shortened(text)
        ))
        .with_hint("select the values with attributes and include, or compute them in your code")
    };
    let mut tokens = lex(text, dialect)?;
    let direction = match tokens.last() {
        Some(Token::Word(w)) if w.eq_ignore_ascii_case("DESC") => Some("DESC"),
        Some(Token::Word(w)) if w.eq_ignore_ascii_case("ASC") => Some("ASC"),
        _ => None,
    };
    if direction.is_some() {
        tokens.pop();
    }
    let mut reader = Reader {
        tokens: &tokens,
        at: 0,
        depth: 0,
    };
    match reader.expression() {
        Some(term) if reader.at == tokens.len() => Ok((term, direction)),
        _ => Err(unreadable()),
    }
}

// ---------------------------------------------------------------------------------
// Computing.

/// The value of `term` on one row.
pub fn eval(term: &Term, row: &Joined, dialect: Dialect) -> Computed<Cell> {
    eval_in(term, std::slice::from_ref(row), false, dialect)
}

/// Whether `term` computes a number (which PostgreSQL or MySQL may answer as exact
/// text): a count, sum or mean, arithmetic, a numeric cast or rounding.
pub fn is_numeric(term: &Term) -> bool {
    match term {
        Term::Call { name, args } => match name.to_uppercase().as_str() {
            "COUNT" | "SUM" | "AVG" | "ROUND" | "ABS" | "LENGTH" | "CHAR_LENGTH" => true,
            "MIN" | "MAX" | "COALESCE" => args.first().is_some_and(is_numeric),
            _ => false,
        },
        Term::Arithmetic { op, .. } => *op != '|',
        Term::Cast { type_name, .. } => {
            let base = type_name.split('(').next().unwrap_or_default().trim();
            matches!(
                base.to_uppercase().as_str(),
                "INTEGER"
                    | "INT"
                    | "BIGINT"
                    | "SMALLINT"
                    | "DECIMAL"
                    | "NUMERIC"
                    | "FLOAT"
                    | "REAL"
                    | "DOUBLE"
                    | "SIGNED"
                    | "UNSIGNED"
            )
        }
        Term::Value(Cell::Int(_) | Cell::Float(_)) => true,
        _ => false,
    }
}

/// The value of `term` on a group of rows: aggregates over all of them, the rest on
/// the first (as MySQL and SQLite answer for a column the GROUP BY does not name).
pub fn eval_group(term: &Term, rows: &[Joined], dialect: Dialect) -> Computed<Cell> {
    eval_in(term, rows, true, dialect)
}

fn eval_in(term: &Term, rows: &[Joined], grouped: bool, dialect: Dialect) -> Computed<Cell> {
    let first = rows.first();
    Ok(match term {
        Term::Column { table, name } => match first {
            Some(row) => row.cell(table.as_deref(), name).ok_or_else(|| {
                let shown = match table {
                    Some(table) => format!("{table}.{name}"),
                    None => name.clone(),
                };
                let unjoined = table
                    .as_deref()
                    .filter(|t| !t.is_empty() && !row.tables.iter().any(|(name, _)| name == t));
                let message = match (dialect, unjoined) {
                    (Dialect::Postgres, Some(table)) => {
                        format!("missing FROM-clause entry for table \"{table}\"")
                    }
                    _ => crate::sql::refusal::no_column(
                        dialect,
                        table.as_deref(),
                        name,
                        crate::sql::refusal::Clause::Select,
                    ),
                };
                SequelizeError::new(crate::error::ErrorName::SequelizeDatabaseError, message)
                    .with_hint(format!("no table of this find has the column {shown}"))
            })?,
            None => Cell::Null,
        },
        Term::Star => Cell::Int(1),
        Term::Value(cell) => cell.clone(),
        Term::Call { name, args } if grouped && is_aggregate_name(name) => {
            aggregate(&name.to_uppercase(), args, rows, dialect)?
        }
        Term::Call { name, args } => {
            let values = args
                .iter()
                .map(|a| eval_in(a, rows, grouped, dialect))
                .collect::<Computed<Vec<_>>>()?;
            call(name, values, dialect)?
        }
        Term::Cast { term, type_name } => {
            cast(eval_in(term, rows, grouped, dialect)?, type_name, dialect)
        }
        Term::JsonPath { column, path, cast } => json_path_value(
            eval_in(column, rows, grouped, dialect)?,
            path,
            *cast,
            dialect,
        ),
        Term::Arithmetic { op, left, right } => arithmetic(
            *op,
            eval_in(left, rows, grouped, dialect)?,
            eval_in(right, rows, grouped, dialect)?,
            dialect,
        ),
        Term::Compare { op, left, right } => {
            let left = eval_in(left, rows, grouped, dialect)?;
            let right = match &**right {
                Term::List(items) => items
                    .iter()
                    .map(|i| eval_in(i, rows, grouped, dialect))
                    .collect::<Computed<Vec<_>>>()?,
                // `IN (SELECT …)`: every row's value.
                Term::Subquery(subquery)
                    if matches!(op, CompareOp::In | CompareOp::NotIn)
                        && !subquery.select.has_aggregate() =>
                {
                    subquery_values(subquery, first, dialect)?
                }
                other => vec![eval_in(other, rows, grouped, dialect)?],
            };
            truth(compare(*op, &left, &right, dialect))
        }
        Term::List(_) => return Err(cannot("A list of values cannot stand alone in SQL")),
        Term::And(items) | Term::Or(items) => {
            let is_and = matches!(term, Term::And(_));
            let mut result = Some(is_and);
            for item in items {
                match as_truth(&eval_in(item, rows, grouped, dialect)?) {
                    Some(b) if b != is_and => return Ok(truth(Some(b))),
                    Some(_) => {}
                    None => result = None,
                }
            }
            truth(result)
        }
        Term::Not(inner) => truth(as_truth(&eval_in(inner, rows, grouped, dialect)?).map(|b| !b)),
        Term::Subquery(subquery) => subquery_value(subquery, first, dialect)?,
    })
}

/// A scalar subquery's answer for the row `outer`: its table's rows that pass its
/// condition (their own columns first, then the outer row's), computed as one group.
fn subquery_value(subquery: &Subquery, outer: Option<&Joined>, dialect: Dialect) -> Computed<Cell> {
    let inner = subquery_rows(subquery, outer, dialect)?;
    match subquery.select.has_aggregate() {
        true => eval_group(&subquery.select, &inner, dialect),
        false => match inner.first() {
            Some(row) => eval(&subquery.select, row, dialect),
            None => Ok(Cell::Null),
        },
    }
}

/// The value a subquery selects from each of its rows (`IN (SELECT …)`).
fn subquery_values(
    subquery: &Subquery,
    outer: Option<&Joined>,
    dialect: Dialect,
) -> Computed<Vec<Cell>> {
    subquery_rows(subquery, outer, dialect)?
        .iter()
        .map(|row| eval(&subquery.select, row, dialect))
        .collect()
}

/// A subquery's rows its filter keeps, each beside the outer row it is computed for.
fn subquery_rows(
    subquery: &Subquery,
    outer: Option<&Joined>,
    dialect: Dialect,
) -> Computed<Vec<Joined>> {
    let rows = subquery
        .rows
        .as_ref()
        .ok_or_else(|| cannot("a subquery's rows were not read"))?;
    let mut inner = Vec::new();
    for row in rows.iter() {
        let mut joined = Joined::of(&subquery.alias, row);
        if let Some(outer) = outer {
            joined.tables.extend(outer.tables.iter().cloned());
        }
        let keep = match &subquery.filter {
            Some(filter) => passes(filter, std::slice::from_ref(&joined), false, dialect)?,
            None => true,
        };
        if keep {
            inner.push(joined);
        }
    }
    Ok(inner)
}

/// Readies a term to be computed: each subquery's table read, `NOW()` the run's clock.
pub fn load_subqueries(term: &mut Term, rt: &mut crate::runtime::Runtime) -> Computed<()> {
    match term {
        Term::Call { name, args }
            if args.is_empty()
                && (name.eq_ignore_ascii_case("NOW")
                    || name.eq_ignore_ascii_case("CURRENT_TIMESTAMP")) =>
        {
            if rt.dialect() == Dialect::Sqlite && name.eq_ignore_ascii_case("NOW") {
                return Err(SequelizeError::new(
                    crate::error::ErrorName::SequelizeDatabaseError,
                    format!("SQLITE_ERROR: no such function: {name}"),
                ));
            }
            *term = Term::Value(Cell::Int(rt.now()));
            Ok(())
        }
        Term::Call { name, args } if args.is_empty() && name == "CURRENT_DATE" => {
            let today = crate::js::iso_date(rt.now())[..10].to_string();
            *term = Term::Value(Cell::Text(today));
            Ok(())
        }
        Term::Subquery(subquery) => {
            rt.require_table(&subquery.table)?;
            let rows = rt
                .store
                .select(&subquery.table, &crate::runtime::store::Filter::All)
                .map_err(crate::runtime::engine_error)?;
            rt.count_rows(rows.len())?;
            subquery.rows = Some(std::rc::Rc::new(rows));
            load_subqueries(&mut subquery.select, rt)?;
            match &mut subquery.filter {
                Some(filter) => load_subqueries(filter, rt),
                None => Ok(()),
            }
        }
        Term::Call { args: items, .. } | Term::List(items) | Term::And(items) | Term::Or(items) => {
            items.iter_mut().try_for_each(|i| load_subqueries(i, rt))
        }
        Term::Cast { term, .. } | Term::Not(term) | Term::JsonPath { column: term, .. } => {
            load_subqueries(term, rt)
        }
        Term::Arithmetic { left, right, .. } | Term::Compare { left, right, .. } => {
            load_subqueries(left, rt)?;
            load_subqueries(right, rt)
        }
        Term::Column { .. } | Term::Star | Term::Value(_) => Ok(()),
    }
}

/// The first column a term names in a table other than `alias` (the subquery form of
/// a find selects from its model's table alone).
pub fn column_outside(term: &Term, alias: &str) -> Option<(String, String)> {
    match term {
        Term::Column {
            table: Some(table),
            name,
        } if table != alias => Some((table.clone(), name.clone())),
        Term::Call { args: items, .. } | Term::List(items) | Term::And(items) | Term::Or(items) => {
            items.iter().find_map(|i| column_outside(i, alias))
        }
        Term::Cast { term, .. } | Term::Not(term) | Term::JsonPath { column: term, .. } => {
            column_outside(term, alias)
        }
        Term::Arithmetic { left, right, .. } | Term::Compare { left, right, .. } => {
            column_outside(left, alias).or_else(|| column_outside(right, alias))
        }
        _ => None,
    }
}

/// Refuses a term that calls a function the playground (or the run's database) does
/// not have, before any row is read: the database refuses such a query at once.
pub fn check(term: &Term, dialect: Dialect) -> Computed<()> {
    check_in(term, dialect, None)
}

/// [`check`], naming the columns' types from `tables` in the error for a function the
/// database lacks (as PostgreSQL does).
pub fn check_in(
    term: &Term,
    dialect: Dialect,
    tables: Option<&super::functions::Tables>,
) -> Computed<()> {
    let check = |term: &Term| check_in(term, dialect, tables);
    match term {
        Term::Call { name, args } => {
            if !super::functions::exists(&name.to_uppercase(), dialect) {
                return Err(super::functions::missing_call(name, args, tables, dialect));
            }
            if !is_aggregate_name(name) && !name.eq_ignore_ascii_case("DISTINCT") {
                call(name, Vec::new(), dialect)?;
            }
            args.iter().try_for_each(check)
        }
        Term::Cast { term, .. } | Term::Not(term) | Term::JsonPath { column: term, .. } => {
            check(term)
        }
        // SQLite has no REGEXP function unless one is loaded.
        Term::Compare { op, .. } if op.is_regexp() && dialect == Dialect::Sqlite => {
            Err(SequelizeError::new(
                crate::error::ErrorName::SequelizeDatabaseError,
                "SQLITE_ERROR: no such function: REGEXP",
            ))
        }
        Term::Arithmetic { left, right, .. } | Term::Compare { left, right, .. } => {
            check(left)?;
            check(right)
        }
        Term::List(items) | Term::And(items) | Term::Or(items) => items.iter().try_for_each(check),
        Term::Subquery(subquery) => {
            check(&subquery.select)?;
            subquery.filter.as_ref().map_or(Ok(()), check)
        }
        Term::Column { .. } | Term::Star | Term::Value(_) => Ok(()),
    }
}

fn truth(value: Option<bool>) -> Cell {
    value.map_or(Cell::Null, Cell::Bool)
}

fn as_truth(cell: &Cell) -> Option<bool> {
    match cell {
        Cell::Null => None,
        Cell::Bool(b) => Some(*b),
        Cell::Int(i) => Some(*i != 0),
        Cell::Float(f) => Some(*f != 0.0),
        Cell::Text(t) => Some(t.parse::<f64>().is_ok_and(|n| n != 0.0)),
    }
}

/// Whether a row (or a group) passes the condition: NULL does not.
pub fn passes(term: &Term, rows: &[Joined], grouped: bool, dialect: Dialect) -> Computed<bool> {
    Ok(as_truth(&eval_in(term, rows, grouped, dialect)?) == Some(true))
}

/// A cell as a number, as SQL reads one (a numeric text, a boolean as 0 or 1).
pub(super) fn number(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Int(i) => Some(*i as f64),
        Cell::Float(f) => Some(*f),
        Cell::Text(t) => t.trim().parse().ok(),
        Cell::Bool(b) => Some(f64::from(u8::from(*b))),
        Cell::Null => None,
    }
}

/// A cell as text, as SQL's string functions read one.
pub(super) fn text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Null => None,
        Cell::Text(t) => Some(t.clone()),
        Cell::Int(i) => Some(i.to_string()),
        Cell::Float(f) => Some(crate::js::format_number(*f)),
        Cell::Bool(b) => Some(b.to_string()),
    }
}

/// `SUM` and `AVG` of integers are exact numbers on PostgreSQL (strings to
/// Sequelize), and `SUM`'s DECIMAL on MySQL too.
fn aggregate(name: &str, args: &[Term], rows: &[Joined], dialect: Dialect) -> Computed<Cell> {
    let (distinct, arg) = match args.first() {
        Some(Term::Call { name, args })
            if name.eq_ignore_ascii_case("DISTINCT") && args.len() == 1 =>
        {
            (true, &args[0])
        }
        Some(arg) => (false, arg),
        None => (false, &Term::Star),
    };
    let mut cells = Vec::with_capacity(rows.len());
    for row in rows {
        let cell = match arg {
            Term::Star => Cell::Int(1),
            // `COUNT('*')` (a string, as `fn('COUNT', '*')` writes it) counts rows too.
            other => eval(other, row, dialect)?,
        };
        if cell != Cell::Null {
            cells.push(cell);
        }
    }
    if distinct {
        let mut seen = std::collections::HashSet::new();
        cells.retain(|c| seen.insert(cell_key(c)));
    }
    let all_integers = cells.iter().all(|c| matches!(c, Cell::Int(_)));
    let exact_as_text = |n: String| match dialect {
        Dialect::Sqlite => None,
        _ => Some(Cell::Text(n)),
    };
    Ok(match name {
        "COUNT" => match dialect {
            Dialect::Postgres => Cell::Text(cells.len().to_string()),
            _ => Cell::Int(cells.len() as i64),
        },
        _ if cells.is_empty() => Cell::Null,
        "GROUP_CONCAT" | "STRING_AGG" => {
            let separator = match args.get(1) {
                Some(Term::Value(cell)) => text(cell).unwrap_or_default(),
                _ => ",".to_string(),
            };
            let parts: Vec<String> = cells.iter().filter_map(text).collect();
            Cell::Text(parts.join(&separator))
        }
        "SUM" if all_integers => {
            let sum: i64 = cells
                .iter()
                .filter_map(|c| number(c).map(|n| n as i64))
                .sum();
            exact_as_text(sum.to_string()).unwrap_or(Cell::Int(sum))
        }
        // A DECIMAL column's values (exact text): PostgreSQL and MySQL add them exactly.
        "SUM" if dialect != Dialect::Sqlite && cells.iter().all(|c| matches!(c, Cell::Text(_))) => {
            let texts: Vec<&str> = cells
                .iter()
                .filter_map(|c| match c {
                    Cell::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect();
            match exact_decimal_sum(&texts) {
                Some(sum) => Cell::Text(sum),
                None => Cell::Float(cells.iter().filter_map(number).sum()),
            }
        }
        "SUM" => Cell::Float(float_sum(cells.iter().filter_map(number), dialect)),
        "AVG" => {
            let sum = float_sum(cells.iter().filter_map(number), dialect);
            let mean = sum / cells.len() as f64;
            let exact_sum: i128 = cells
                .iter()
                .filter_map(|c| number(c).map(|n| n as i128))
                .sum();
            let count = cells.len() as i128;
            let exact = |decimals| Cell::Text(exact_quotient(exact_sum, count, decimals));
            match (all_integers, dialect) {
                (true, Dialect::Postgres) => exact(postgres_division_scale(exact_sum, count)),
                (true, Dialect::Mysql) => exact(4),
                _ => Cell::Float(mean),
            }
        }
        "MIN" | "MAX" => {
            let ordering = if name == "MIN" {
                Ordering::Less
            } else {
                Ordering::Greater
            };
            let mut best = cells[0].clone();
            for cell in &cells[1..] {
                if compare_cells(cell, &best, dialect) == ordering {
                    best = cell.clone();
                }
            }
            best
        }
        _ => Cell::Null,
    })
}

/// The sum of floating-point values as the database adds them: SQLite (3.43 and later)
/// compensates each step (Kahan-Babuska-Neumaier), so `9.99 + 12.5` is `22.49` there
/// and `22.490000000000002` in plain addition.
fn float_sum(values: impl Iterator<Item = f64>, dialect: Dialect) -> f64 {
    if dialect != Dialect::Sqlite {
        return values.sum();
    }
    let (mut sum, mut error) = (0.0_f64, 0.0_f64);
    for value in values {
        let next = sum + value;
        error += if sum.abs() > value.abs() {
            (sum - next) + value
        } else {
            (value - next) + sum
        };
        sum = next;
    }
    if error.is_nan() {
        sum
    } else {
        sum + error
    }
}

/// The exact sum of decimal texts (`'9.99'`, `'-12.5'`), at the largest scale among
/// them, as numeric addition gives it; `None` for a text that is no plain decimal.
pub(super) fn exact_decimal_sum(texts: &[&str]) -> Option<String> {
    let parts: Vec<(bool, &str, &str)> = texts
        .iter()
        .map(|t| {
            let (negative, digits) = match t.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, *t),
            };
            let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
            let plain = !whole.is_empty()
                && whole.bytes().all(|b| b.is_ascii_digit())
                && fraction.bytes().all(|b| b.is_ascii_digit());
            plain.then_some((negative, whole, fraction))
        })
        .collect::<Option<_>>()?;
    let scale = parts.iter().map(|(_, _, f)| f.len()).max().unwrap_or(0);
    if scale > 18 || parts.iter().any(|(_, w, _)| w.len() > 18) {
        return None;
    }
    let mut sum: i128 = 0;
    for (negative, whole, fraction) in parts {
        let padded = format!("{whole}{fraction:0<scale$}");
        let value: i128 = padded.parse().ok()?;
        sum += if negative { -value } else { value };
    }
    let sign = if sum < 0 { "-" } else { "" };
    let digits = format!("{:0>width$}", sum.unsigned_abs(), width = scale + 1);
    let (whole, fraction) = digits.split_at(digits.len() - scale);
    Some(match scale {
        0 => format!("{sign}{whole}"),
        _ => format!("{sign}{whole}.{fraction}"),
    })
}

/// The scale PostgreSQL gives `sum / count` (numeric's `select_div_scale`): 16
/// significant digits from the quotient's estimated weight in base-10000 digits,
/// counting one group fewer when the dividend's first such digit is not the larger.
fn postgres_division_scale(dividend: i128, divisor: i128) -> usize {
    fn weight_and_first_digit(n: i128) -> (i64, i128) {
        let (mut weight, mut first) = (0, n.abs());
        while first >= 10_000 {
            first /= 10_000;
            weight += 1;
        }
        (weight, first)
    }
    let (weight1, first1) = weight_and_first_digit(dividend);
    let (weight2, first2) = weight_and_first_digit(divisor);
    let mut quotient_weight = weight1 - weight2;
    if first1 <= first2 {
        quotient_weight -= 1;
    }
    (16 - quotient_weight * 4).clamp(0, 1000) as usize
}

/// `dividend / divisor` to `decimals` places, rounded half away from zero, as exact
/// numbers divide (a float would print `3.3333333333333335`).
fn exact_quotient(dividend: i128, divisor: i128, decimals: usize) -> String {
    let scale = 10i128.pow(decimals as u32);
    let doubled = dividend.abs() * scale * 2 / divisor.abs();
    let quotient = (doubled + 1) / 2;
    let sign = if (dividend < 0) != (divisor < 0) && quotient != 0 {
        "-"
    } else {
        ""
    };
    match decimals {
        0 => format!("{sign}{quotient}"),
        _ => format!("{sign}{}.{:0decimals$}", quotient / scale, quotient % scale),
    }
}

/// SQLite's functions lack MySQL's and PostgreSQL's spellings of some.
fn call(written: &str, values: Vec<Cell>, dialect: Dialect) -> Computed<Cell> {
    let name = written.to_uppercase();
    let name = name.as_str();
    if !super::functions::exists(name, dialect) {
        return Err(super::functions::missing(written, &[], dialect));
    }
    let one = || values.first().cloned().unwrap_or(Cell::Null);
    let on_text = |f: fn(&str) -> String| text(&one()).map_or(Cell::Null, |t| Cell::Text(f(&t)));
    Ok(match name {
        "LOWER" | "LCASE" => on_text(|t| t.to_lowercase()),
        "UPPER" | "UCASE" => on_text(|t| t.to_uppercase()),
        "TRIM" => on_text(|t| t.trim().to_string()),
        "LTRIM" => on_text(|t| t.trim_start().to_string()),
        "RTRIM" => on_text(|t| t.trim_end().to_string()),
        "LENGTH" | "CHAR_LENGTH" | "CHARACTER_LENGTH" => {
            text(&one()).map_or(Cell::Null, |t| Cell::Int(t.chars().count() as i64))
        }
        "CONCAT" => Cell::Text(values.iter().filter_map(text).collect()),
        "COALESCE" | "IFNULL" => values.into_iter().find(|v| *v != Cell::Null).unwrap_or(Cell::Null),
        "ABS" => match one() {
            Cell::Int(i) => Cell::Int(i.abs()),
            other => number(&other).map_or(Cell::Null, |n| Cell::Float(n.abs())),
        },
        "ROUND" => {
            let places = values.get(1).and_then(number).unwrap_or(0.0) as i32;
            match one() {
                Cell::Int(i) => Cell::Int(i),
                Cell::Null => Cell::Null,
                // An exact number (a numeric's text, as AVG of integers gives) rounds to
                // exactly that many decimals, half away from zero.
                Cell::Text(t) if dialect != Dialect::Sqlite && places >= 0 && t.trim().parse::<f64>().is_ok() => {
                    let n: f64 = t.trim().parse().unwrap_or(0.0);
                    let places = places as usize;
                    Cell::Text(format!(
                        "{:.places$}",
                        crate::js::round_decimal(n, places)
                    ))
                }
                other => {
                    let n = number(&other).unwrap_or(0.0);
                    let scale = 10f64.powi(places);
                    // A double rounds half to even on PostgreSQL and MySQL (6.5 → 6).
                    let rounded = match dialect {
                        Dialect::Sqlite => (n * scale).round() / scale,
                        _ => round_half_even(n * scale) / scale,
                    };
                    Cell::Float(rounded)
                }
            }
        }
        "DISTINCT" => one(),
        // A date is kept as milliseconds since the epoch; `DATE()` answers its day as
        // each driver hands it to Sequelize, `'2024-03-01'`.
        "DATE" => match one() {
            Cell::Int(ms) => Cell::Text(crate::js::iso_date(ms)[..10].to_string()),
            Cell::Text(t) if t.len() >= 10 => Cell::Text(t[..10].to_string()),
            _ => Cell::Null,
        },
        // Replaced by the run's clock before a term is computed (`prepare`).
        "NOW" | "CURRENT_TIMESTAMP" => Cell::Null,
        // `sequelize.random()`: 0.5 for every row, so an order by it keeps the table's
        // order (one of the orders the database may give; its own differs run to run).
        "RANDOM" | "RAND" => Cell::Float(0.5),
        other => match super::functions::compute(other, &values, dialect) {
            Some(cell) => cell,
            None => {
                return Err(cannot(format!(
                    "The playground does not compute the SQL function {other}() yet"
                ))
                .with_hint("it computes COUNT, SUM, AVG, MIN, MAX, GROUP_CONCAT, STRING_AGG, LOWER, UPPER, LENGTH, CHAR_LENGTH, CONCAT, COALESCE, IFNULL, NULLIF, TRIM, SUBSTR, REPLACE, ABS, ROUND, FLOOR, CEIL, MOD, POWER, GREATEST, LEAST, DATE, NOW, RANDOM and the date functions YEAR, MONTH, DAY, DATE_FORMAT, strftime, date_trunc, date_part and to_char"))
            }
        },
    })
}

/// The number at the start of `text` (`'12abc'` is 12), or 0, as MySQL and SQLite
/// convert a string in arithmetic.
fn leading_number(text: &str) -> f64 {
    let text = text.trim_start();
    let end = text
        .char_indices()
        .take_while(|(i, c)| c.is_ascii_digit() || *c == '.' || (*i == 0 && matches!(c, '-' | '+')))
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    text[..end].parse().unwrap_or(0.0)
}

fn round_half_even(n: f64) -> f64 {
    let rounded = n.round();
    match (n - n.trunc()).abs() == 0.5 && rounded % 2.0 != 0.0 {
        true => rounded - n.signum(),
        false => rounded,
    }
}

fn cast(cell: Cell, type_name: &str, dialect: Dialect) -> Cell {
    let base = type_name.split('(').next().unwrap_or_default().trim();
    match (base, cell) {
        (_, Cell::Null) => Cell::Null,
        ("TEXT" | "CHAR" | "VARCHAR" | "STRING", cell) => {
            text(&cell).map_or(Cell::Null, Cell::Text)
        }
        ("INTEGER" | "INT" | "SIGNED" | "UNSIGNED" | "SMALLINT", cell) => {
            number(&cell).map_or(Cell::Null, |n| Cell::Int(n.trunc() as i64))
        }
        ("BIGINT", cell) => match (dialect, number(&cell)) {
            (_, None) => Cell::Null,
            (Dialect::Postgres, Some(n)) => Cell::Text((n.trunc() as i64).to_string()),
            (_, Some(n)) => Cell::Int(n.trunc() as i64),
        },
        ("FLOAT" | "REAL" | "DOUBLE", cell) => number(&cell).map_or(Cell::Null, Cell::Float),
        ("DECIMAL" | "NUMERIC", cell) => match (dialect, number(&cell)) {
            (_, None) => Cell::Null,
            (Dialect::Sqlite, Some(n)) => Cell::Float(n),
            (_, Some(n)) => Cell::Text(crate::js::format_number(n)),
        },
        (_, cell) => cell,
    }
}

fn arithmetic(op: char, left: Cell, right: Cell, dialect: Dialect) -> Cell {
    // MySQL reads `||` as OR.
    if op == '|' && dialect == Dialect::Mysql {
        return match (as_truth(&left), as_truth(&right)) {
            (Some(true), _) | (_, Some(true)) => Cell::Int(1),
            (Some(false), Some(false)) => Cell::Int(0),
            _ => Cell::Null,
        };
    }
    if op == '|' {
        return match (text(&left), text(&right)) {
            (Some(l), Some(r)) => Cell::Text(l + &r),
            _ => Cell::Null,
        };
    }
    if let (Cell::Int(l), Cell::Int(r)) = (&left, &right) {
        let (l, r) = (*l, *r);
        return match op {
            '+' => Cell::Int(l.wrapping_add(r)),
            '-' => Cell::Int(l.wrapping_sub(r)),
            '*' => Cell::Int(l.wrapping_mul(r)),
            _ if r == 0 => Cell::Null,
            '/' if dialect == Dialect::Mysql => Cell::Text(exact_quotient(l as i128, r as i128, 4)),
            '/' => Cell::Int(l.wrapping_div(r)),
            _ => Cell::Int(l.wrapping_rem(r)),
        };
    }
    // MySQL and SQLite read a text operand's leading number (`'likes'` is 0).
    let operand = |cell: &Cell| match (cell, dialect) {
        (Cell::Text(t), Dialect::Mysql | Dialect::Sqlite) => {
            number(cell).or_else(|| Some(leading_number(t)))
        }
        _ => number(cell),
    };
    let result = match (operand(&left), operand(&right)) {
        (Some(l), Some(r)) => match op {
            '+' => l + r,
            '-' => l - r,
            '*' => l * r,
            '/' => l / r,
            _ => l % r,
        },
        _ => return Cell::Null,
    };
    // An exact number (a DECIMAL or NUMERIC the driver hands over as text, such as
    // MySQL's quotient `'199.5000'`) stays one: `+`/`-` keep the larger scale, `*` adds
    // them.
    let scale = |cell: &Cell| match cell {
        Cell::Text(t) => t.split_once('.').map(|(_, decimals)| decimals.len()),
        Cell::Int(_) => Some(0),
        _ => None,
    };
    let exact = matches!(left, Cell::Text(_)) || matches!(right, Cell::Text(_));
    match (exact, scale(&left), scale(&right), op) {
        (true, Some(a), Some(b), '+' | '-') => Cell::Text(format!("{result:.0$}", a.max(b))),
        (true, Some(a), Some(b), '*') => Cell::Text(format!("{result:.0$}", a + b)),
        _ => Cell::Float(result),
    }
}

/// A comparison as SQL makes it: unknown (`None`) when a side is NULL, except `IS`.
pub fn compare(op: CompareOp, left: &Cell, right: &[Cell], dialect: Dialect) -> Option<bool> {
    let one = right.first().cloned().unwrap_or(Cell::Null);
    match op {
        CompareOp::Is => {
            return Some((*left == Cell::Null) == (one == Cell::Null) && same(left, &one, dialect))
        }
        CompareOp::IsNot => {
            return Some(
                !((*left == Cell::Null) == (one == Cell::Null) && same(left, &one, dialect)),
            )
        }
        _ => {}
    }
    if *left == Cell::Null {
        return None;
    }
    let order = |other: &Cell| -> Option<Ordering> {
        match other {
            Cell::Null => None,
            other => Some(ordered(left, other, dialect)),
        }
    };
    Some(match op {
        CompareOp::Eq => order(&one)? == Ordering::Equal,
        CompareOp::Ne => order(&one)? != Ordering::Equal,
        CompareOp::Gt => order(&one)? == Ordering::Greater,
        CompareOp::Gte => order(&one)? != Ordering::Less,
        CompareOp::Lt => order(&one)? == Ordering::Less,
        CompareOp::Lte => order(&one)? != Ordering::Greater,
        CompareOp::In => right.iter().any(|r| order(r) == Some(Ordering::Equal)),
        CompareOp::NotIn => !right.iter().any(|r| order(r) == Some(Ordering::Equal)),
        CompareOp::Between | CompareOp::NotBetween => {
            let low = order(right.first()?)?;
            let high = order(right.get(1)?)?;
            let inside = low != Ordering::Less && high != Ordering::Greater;
            inside == (op == CompareOp::Between)
        }
        CompareOp::Like | CompareOp::NotLike | CompareOp::ILike | CompareOp::NotILike => {
            let insensitive = matches!(op, CompareOp::ILike | CompareOp::NotILike)
                || !dialect.has_case_sensitive_like();
            let matched = like(&text(left)?, &text(&one)?, insensitive);
            matched == matches!(op, CompareOp::Like | CompareOp::ILike)
        }
        CompareOp::Regexp | CompareOp::NotRegexp | CompareOp::IRegexp | CompareOp::NotIRegexp => {
            // MySQL's case-blind collation makes its REGEXP case-blind too.
            let insensitive = matches!(op, CompareOp::IRegexp | CompareOp::NotIRegexp)
                || dialect == Dialect::Mysql;
            let pattern = regex_lite::RegexBuilder::new(&text(&one)?)
                .case_insensitive(insensitive)
                .build()
                .ok()?;
            pattern.is_match(&text(left)?) == matches!(op, CompareOp::Regexp | CompareOp::IRegexp)
        }
        CompareOp::Is | CompareOp::IsNot => unreachable!("answered above"),
    })
}

fn same(left: &Cell, right: &Cell, dialect: Dialect) -> bool {
    matches!((left, right), (Cell::Null, Cell::Null))
        || ordered(left, right, dialect) == Ordering::Equal
}

/// Text compares with numbers as numbers; MySQL's collation ignores case.
fn ordered(left: &Cell, right: &Cell, dialect: Dialect) -> Ordering {
    match (left, right) {
        (Cell::Text(l), Cell::Text(r)) if dialect == Dialect::Mysql => {
            l.to_lowercase().cmp(&r.to_lowercase())
        }
        (Cell::Text(_), Cell::Int(_) | Cell::Float(_))
        | (Cell::Int(_) | Cell::Float(_), Cell::Text(_)) => match (number(left), number(right)) {
            (Some(l), Some(r)) => l.partial_cmp(&r).unwrap_or(Ordering::Equal),
            _ => compare_cells(left, right, dialect),
        },
        (Cell::Bool(l), other) | (other, Cell::Bool(l)) if !matches!(other, Cell::Bool(_)) => {
            let n = number(other).unwrap_or(0.0);
            let ordering = f64::from(u8::from(*l))
                .partial_cmp(&n)
                .unwrap_or(Ordering::Equal);
            if matches!(left, Cell::Bool(_)) {
                ordering
            } else {
                ordering.reverse()
            }
        }
        _ => compare_cells(left, right, dialect),
    }
}

/// SQL's LIKE: `%` any run, `_` any one character.
fn like(text: &str, pattern: &str, insensitive: bool) -> bool {
    let fold = |s: &str| {
        if insensitive {
            s.to_lowercase()
        } else {
            s.to_string()
        }
    };
    let text: Vec<char> = fold(text).chars().collect();
    let pattern: Vec<char> = fold(pattern).chars().collect();
    fn matches(t: &[char], p: &[char]) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some(('%', rest)) => (0..=t.len()).any(|i| matches(&t[i..], rest)),
            Some(('_', rest)) => !t.is_empty() && matches(&t[1..], rest),
            Some((c, rest)) => t.first() == Some(c) && matches(&t[1..], rest),
        }
    }
    matches(&text, &pattern)
}

// ---------------------------------------------------------------------------------
// A find's `where` with SQL pieces in it: the store keeps a superset (it cannot read
// the pieces), and the rows are then checked here.

/// Whether a condition holds a SQL piece the store cannot evaluate.
pub fn has_sql(condition: &Where) -> bool {
    match condition {
        Where::And(items) | Where::Or(items) => items.iter().any(has_sql),
        Where::Group(inner) | Where::Not(inner) => has_sql(inner),
        Where::Nested { condition, .. } => has_sql(condition),
        Where::Sql(_) | Where::Json { .. } => true,
        // A regular expression is matched row by row (the store has no REGEXP).
        Where::Compare { value, op, .. } => matches!(value, WhereValue::Sql(_)) || op.is_regexp(),
    }
}

/// A `where` as a term, on the table `alias` (its plain comparisons name that table's
/// columns; `None`: any table's, or a computed key's, as a HAVING names them).
pub fn where_term_of(condition: &Where, alias: Option<&str>, dialect: Dialect) -> Computed<Term> {
    Ok(match condition {
        Where::And(items) => Term::And(
            items
                .iter()
                .map(|i| where_term_of(i, alias, dialect))
                .collect::<Computed<_>>()?,
        ),
        Where::Or(items) => Term::Or(
            items
                .iter()
                .map(|i| where_term_of(i, alias, dialect))
                .collect::<Computed<_>>()?,
        ),
        Where::Group(inner) => where_term_of(inner, alias, dialect)?,
        Where::Not(inner) => Term::Not(Box::new(where_term_of(inner, alias, dialect)?)),
        Where::Nested { path, condition } => {
            where_term_of(condition, Some(&path.join("->")), dialect)?
        }
        Where::Sql(expr) => term_of_expr(expr, dialect)?,
        Where::Json {
            field,
            path,
            cast,
            op,
            value,
            ..
        } => {
            let literal = |l: &Literal| Term::Value(json_operand(l, *cast, dialect));
            let right = match value {
                WhereValue::One(l) => literal(l),
                WhereValue::List(items) => Term::List(items.iter().map(literal).collect()),
                WhereValue::Sql(expr) => term_of_expr(expr, dialect)?,
            };
            let left = Term::JsonPath {
                column: Box::new(Term::Column {
                    table: alias.map(str::to_string),
                    name: field.clone(),
                }),
                path: path.clone(),
                cast: *cast,
            };
            // MySQL compares the path's text with 'null' (`_toJSONValue`).
            let (op, right) = match (op, value, dialect) {
                (CompareOp::Is, WhereValue::One(Literal::Null), Dialect::Mysql) => {
                    (CompareOp::Eq, Term::Value(Cell::Text("null".into())))
                }
                (CompareOp::IsNot, WhereValue::One(Literal::Null), Dialect::Mysql) => {
                    (CompareOp::Ne, Term::Value(Cell::Text("null".into())))
                }
                (op, _, _) => (*op, right),
            };
            Term::Compare {
                op,
                left: Box::new(left),
                right: Box::new(right),
            }
        }
        Where::Compare {
            field, op, value, ..
        } => {
            // A literal as the store keeps it (the store's own filters read it so).
            let literal = |l: &Literal| Term::Value(super::filter::store_cell(l));
            let right = match value {
                WhereValue::One(l) => literal(l),
                WhereValue::List(items) => Term::List(items.iter().map(literal).collect()),
                WhereValue::Sql(expr) => term_of_expr(expr, dialect)?,
            };
            Term::Compare {
                op: *op,
                left: Box::new(Term::Column {
                    table: alias.map(str::to_string),
                    name: field.clone(),
                }),
                right: Box::new(right),
            }
        }
    })
}

/// The value at `path` in a JSON column's text, as `dialect` extracts it: PostgreSQL's
/// `#>>` and MySQL's `json_unquote(json_extract(…))` give text (MySQL's `'null'` for a
/// JSON null), SQLite's `json_extract` the SQL value (a boolean as 1 or 0); then cast as
/// the comparison's value asks.
fn json_path_value(cell: Cell, path: &[String], cast: JsonCast, dialect: Dialect) -> Cell {
    use serde_json::Value as Json;
    let Cell::Text(text) = cell else {
        return Cell::Null;
    };
    let Ok(document) = serde_json::from_str::<Json>(&text) else {
        return Cell::Null;
    };
    let mut at = &document;
    for key in path {
        let next = match at {
            Json::Object(map) => map.get(key),
            Json::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        };
        match next {
            Some(value) => at = value,
            None => return Cell::Null,
        }
    }
    let sqlite = dialect == Dialect::Sqlite;
    match (cast, at) {
        (_, Json::Null) if dialect == Dialect::Mysql => Cell::Text("null".into()),
        (_, Json::Null) => Cell::Null,
        (JsonCast::Number, value) => match value {
            Json::Number(n) => n.as_f64().map_or(Cell::Null, Cell::Float),
            Json::String(s) => s.trim().parse().map_or(Cell::Null, Cell::Float),
            _ => Cell::Null,
        },
        (JsonCast::Boolean, Json::Bool(b)) if sqlite => Cell::Int(i64::from(*b)),
        (JsonCast::Boolean, Json::Bool(b)) if dialect == Dialect::Postgres => Cell::Bool(*b),
        (_, Json::String(s)) => Cell::Text(s.clone()),
        (_, Json::Bool(b)) if sqlite => Cell::Int(i64::from(*b)),
        (_, Json::Number(n)) if sqlite => match n.as_i64() {
            Some(i) => Cell::Int(i),
            None => n.as_f64().map_or(Cell::Null, Cell::Float),
        },
        (_, other) => Cell::Text(other.to_string()),
    }
}

/// A value compared with a JSON path, as each database reads it: MySQL compares a
/// boolean as the text `'true'`, SQLite as 1 or 0.
fn json_operand(literal: &Literal, cast: JsonCast, dialect: Dialect) -> Cell {
    match (literal, cast, dialect) {
        (Literal::Bool(b), JsonCast::Boolean, Dialect::Mysql) => Cell::Text(b.to_string()),
        (Literal::Bool(b), JsonCast::Boolean, Dialect::Sqlite) => Cell::Int(i64::from(*b)),
        _ => super::filter::store_cell(literal),
    }
}

/// A computed cell as the value Sequelize shows for it.
pub fn shown(cell: Cell) -> Value {
    match cell {
        Cell::Null => Value::Null,
        Cell::Int(i) => Value::Number(i as f64),
        Cell::Float(f) => Value::Number(f),
        Cell::Text(t) => Value::Str(t),
        Cell::Bool(b) => Value::Bool(b),
    }
}

/// The computed keys whose value is a date (a DATE attribute's column, or its MIN or
/// MAX): PostgreSQL's and MySQL's drivers hand Sequelize a `Date`, SQLite its text.
fn date_keys(
    computed: &[(String, std::rc::Rc<SqlExpr>)],
    model: &crate::schema::Model,
) -> Vec<String> {
    let is_date_column = |term: &Term| match term {
        Term::Column { name, .. } => model.table_attributes().any(|(attribute, a)| {
            model.field_of(attribute) == *name
                && a.data_type.as_ref().is_some_and(|t| t.key == "DATE")
        }),
        _ => false,
    };
    computed
        .iter()
        .filter(|(_, piece)| {
            term_of_expr(piece, Dialect::Postgres).is_ok_and(|term| match &term {
                Term::Call { name, args }
                    if ["MIN", "MAX"].iter().any(|a| a.eq_ignore_ascii_case(name)) =>
                {
                    args.len() == 1 && is_date_column(&args[0])
                }
                // PostgreSQL's date_trunc answers a timestamp.
                Term::Call { name, .. } => name.eq_ignore_ascii_case("date_trunc"),
                other => is_date_column(other),
            })
        })
        .map(|(alias, _)| alias.clone())
        .collect()
}

/// The computed keys of a find whose values its driver types: dates and DECIMALs.
pub struct KeyTypes {
    dates: Vec<String>,
    decimals: Vec<(String, Option<usize>)>,
}

/// The typed computed keys of `computed` on `model` ([`date_keys`], [`decimal_keys`]).
pub fn key_types(
    computed: &[(String, std::rc::Rc<SqlExpr>)],
    model: &crate::schema::Model,
) -> KeyTypes {
    KeyTypes {
        dates: date_keys(computed, model),
        decimals: decimal_keys(computed, model),
    }
}

/// Gives an instance's typed computed keys their driver's values.
pub fn type_keys(instance: &crate::value::InstanceRef, keys: &KeyTypes, dialect: Dialect) {
    type_dates(instance, &keys.dates, dialect);
    type_decimals(instance, &keys.decimals, dialect);
}

/// The computed keys whose value is a DECIMAL column's (the column, its SUM, MIN or
/// MAX), with the column's scale: PostgreSQL's and MySQL's drivers hand such a number
/// over as text with that many decimals.
fn decimal_keys(
    computed: &[(String, std::rc::Rc<SqlExpr>)],
    model: &crate::schema::Model,
) -> Vec<(String, Option<usize>)> {
    let decimal_column = |term: &Term| match term {
        Term::Column { name, .. } => model
            .table_attributes()
            .find(|(attribute, a)| {
                model.field_of(attribute) == *name
                    && a.data_type.as_ref().is_some_and(|t| t.key == "DECIMAL")
            })
            .map(|(_, a)| {
                a.data_type
                    .as_ref()
                    .and_then(crate::runtime::instance::decimal_scale)
            }),
        _ => None,
    };
    computed
        .iter()
        .filter_map(|(alias, piece)| {
            let term = term_of_expr(piece, Dialect::Postgres).ok()?;
            let scale = match &term {
                Term::Call { name, args }
                    if ["SUM", "MIN", "MAX"]
                        .iter()
                        .any(|a| a.eq_ignore_ascii_case(name))
                        && args.len() == 1 =>
                {
                    decimal_column(&args[0])?
                }
                other => decimal_column(other)?,
            };
            Some((alias.clone(), scale))
        })
        .collect()
}

/// Gives the DECIMAL keys of an instance their driver's value (text on PostgreSQL and
/// MySQL, with the column's scale; MySQL's DECIMAL without one has none).
fn type_decimals(
    instance: &crate::value::InstanceRef,
    keys: &[(String, Option<usize>)],
    dialect: Dialect,
) {
    if dialect == Dialect::Sqlite {
        return;
    }
    for (key, scale) in keys {
        let value = instance.borrow().get(key).cloned();
        let number = match value {
            Some(Value::Number(n)) => n,
            Some(Value::Str(text)) => match text.parse::<f64>() {
                Ok(n) => n,
                Err(_) => continue,
            },
            _ => continue,
        };
        let text = crate::runtime::instance::decimal_text(number, *scale, dialect);
        instance.borrow_mut().set(key, Value::Str(text));
    }
}

/// Gives the date keys of an instance their driver's value.
fn type_dates(instance: &crate::value::InstanceRef, keys: &[String], dialect: Dialect) {
    for key in keys {
        let value = instance.borrow().get(key).cloned();
        if let Some(Value::Number(ms)) = value {
            let typed = match dialect {
                Dialect::Sqlite => {
                    let text = crate::runtime::log::literal_sql(&Literal::Date(ms as i64));
                    Value::Str(text.trim_matches('\'').to_string())
                }
                _ => Value::Date(ms as i64),
            };
            instance.borrow_mut().set(key, typed);
        }
    }
}

/// A SQL piece given as a value to write (`{ views: sequelize.literal('views + 1') }`),
/// computed on the row it is written into.
pub fn compute_on_row(
    piece: &SqlExpr,
    alias: &str,
    row: &Row,
    rt: &mut crate::runtime::Runtime,
) -> Computed<Cell> {
    let dialect = rt.dialect();
    let mut term = term_of_expr(piece, dialect)?;
    check(&term, dialect)?;
    load_subqueries(&mut term, rt)?;
    eval(&term, &Joined::of(alias, row), dialect)
}

/// The row a LEFT JOIN gives a table that matched nothing: each of its columns NULL.
pub fn nulls_of(model: &crate::schema::Model) -> Row {
    model
        .table_attributes()
        .map(|(name, _)| (model.field_of(name).as_str().into(), Cell::Null))
        .collect()
}
