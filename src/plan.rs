//! Query plans: what a find asks for, once its options are read (`FindPlan`,
//! `IncludePlan`, `Order`) and its `where` resolved to attributes (`Where`, `Literal`,
//! `CompareOp`). Below both the runtime's planner, which builds them from a snippet's
//! options, and the writers that turn them into the SQL Sequelize logs and into the
//! store's filters, as sqlparser keeps its syntax tree below its parser and writers.

use std::rc::Rc;

use crate::error::SequelizeError;
use crate::schema::{Association, ModelId};
use crate::value::{SqlExpr, Value};

#[derive(Clone, Debug)]
pub struct FindPlan {
    pub model: ModelId,
    /// The keys of the selected attributes, in order: an attribute's name, or the alias
    /// it is renamed to (`['name', 'title']`).
    pub attributes: Vec<String>,
    pub renamed: Renamed,
    /// Selected keys computed by SQL (`[sequelize.fn('COUNT', col('id')), 'n']`): the
    /// alias and its expression; the alias is among `attributes`, in place.
    pub computed: Vec<(String, Rc<SqlExpr>)>,
    /// Computed keys written without their alias: `count`'s `group` entries on an
    /// included model's column (`"owner"."name"`, answered as `name`).
    pub unaliased: Vec<String>,
    pub where_: Option<Where>,
    pub include: Vec<IncludePlan>,
    pub order: Vec<Order>,
    /// `group`: attribute names as written (`'ownerId'`, `'owner.id'`) or SQL pieces.
    pub group: Vec<Value>,
    /// `having`, on the groups.
    pub having: Option<Where>,
    pub limit: Option<u64>,
    pub offset: Option<u64>,
    /// `limit: '10'`, `offset: '5'` (a query string's values): Sequelize writes them
    /// quoted, `LIMIT '10'`.
    pub window_quoted: (bool, bool),
    /// `lock: true` or a `Transaction.LOCK` level: `FOR UPDATE`, `FOR SHARE`, ….
    pub lock: Option<&'static str>,
    /// `subQuery: false` turns off the subquery form a LIMIT with a to-many include takes.
    pub sub_query: bool,
    /// `raw: true`: plain rows, one per joined row, included columns under dotted keys
    /// (`'owner.name'`), nested by key instead with `nest: true`.
    pub raw: Raw,
    /// The first selected column the tables lack, in SELECT order: Sequelize logs the
    /// query, then the database refuses it.
    pub missing_column: Option<MissingColumn>,
}

/// How a find hands back its rows: as instances, or as `raw` plain objects.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Raw {
    #[default]
    Instances,
    /// `raw: true`: `{ name: 'D', 'owner.name': 'Tom' }`.
    Flat,
    /// `raw: true, nest: true`: `{ name: 'D', owner: { name: 'Tom' } }`.
    Nested,
}

/// A column a statement names that its table lacks.
#[derive(Clone, Debug)]
pub struct MissingColumn {
    /// The table alias it is named with (`pugs`, `owner`), if any.
    pub qualifier: Option<String>,
    pub name: String,
    pub clause: crate::sql::refusal::Clause,
    /// What the learner probably meant.
    pub hint: Option<String>,
}

impl MissingColumn {
    /// The database's refusal, in `dialect`'s words.
    pub fn error(&self, dialect: crate::sql::Dialect) -> SequelizeError {
        let message = crate::sql::refusal::no_column(
            dialect,
            self.qualifier.as_deref(),
            &self.name,
            self.clause,
        );
        let error = SequelizeError::new(crate::error::ErrorName::SequelizeDatabaseError, message);
        match &self.hint {
            Some(hint) => error.with_hint(hint.clone()),
            None => error,
        }
    }
}

#[derive(Clone, Debug)]
pub struct IncludePlan {
    pub association: Association,
    pub model: ModelId,
    pub as_name: String,
    pub required: bool,
    pub where_: Option<Where>,
    pub attributes: Vec<String>,
    pub renamed: Renamed,
    /// Keys computed by SQL pieces (`[sequelize.fn('upper', col('user.name')), 'shout']`).
    pub computed: Vec<(String, Rc<SqlExpr>)>,
    /// BelongsToMany: the join model's attributes shown under its name.
    pub through_attributes: Vec<String>,
    /// BelongsToMany: `through: { where }`, on the join rows (in the join's `ON`).
    pub through_where: Option<Where>,
    pub children: Vec<IncludePlan>,
    pub separate: bool,
    /// A `separate` include's own `order`, for its own SELECT.
    pub separate_order: Vec<Order>,
    /// A `separate` include's own `limit` and `offset`: for each parent, when there are
    /// several (Sequelize's `groupedLimit`).
    pub separate_window: (Option<u64>, Option<u64>),
    /// Whether its rows multiply the parent's (a to-many include, unless it says
    /// `duplicating: false`): a LIMIT then takes Sequelize's subquery form.
    pub duplicating: bool,
    /// `'$pugs.id$': null` at the top: only parents this include finds nothing for.
    pub must_be_empty: bool,
    /// Part of a `raw` find: its primary key is not selected unless asked for.
    pub raw: bool,
    /// An attribute named in the include's `attributes` that its model lacks.
    pub missing_attribute: Option<String>,
    /// `right: true` on an include that is not required: a RIGHT OUTER JOIN where the
    /// dialect has one (SQLite's Sequelize joins LEFT).
    pub right: bool,
}

#[derive(Clone, Debug)]
pub struct Order {
    /// Include aliases leading to the column (`['pugs', 'name', 'DESC']` → `pugs`).
    pub path: Vec<String>,
    pub field: String,
    /// `ASC`/`DESC` as written; `None` when left out (`order: ['age']`).
    pub direction: Option<&'static str>,
    pub attribute: String,
    /// Ordered by a SQL piece instead (`[sequelize.fn('upper', col('name')), 'DESC']`,
    /// `sequelize.literal('home DESC')`); `field` and `attribute` are then empty.
    pub expr: Option<Rc<SqlExpr>>,
    /// The alias the attribute is selected under (`attributes: [['year', 'released']]`),
    /// which the ORDER BY names instead (`ORDER BY "released"`); rows sort by the column.
    pub selected_as: Option<String>,
}

/// (alias, attribute): the selected keys that rename an attribute
/// (`attributes: [['name', 'title']]` gives ("title", "name")).
pub type Renamed = Vec<(String, String)>;

/// The attribute a selected key reads: itself, or the attribute an alias renames.
pub fn source_of<'a>(renamed: &'a [(String, String)], key: &'a str) -> &'a str {
    renamed
        .iter()
        .find(|(alias, _)| alias == key)
        .map_or(key, |(_, attribute)| attribute.as_str())
}

/// A literal as Sequelize escapes it into PostgreSQL text.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Null,
    Bool(bool),
    Number(f64),
    Str(String),
    /// A date, in milliseconds since the epoch.
    Date(i64),
}

impl Literal {
    /// The value a literal stands for (a bind parameter's).
    pub fn to_value(&self) -> Value {
        match self {
            Literal::Null => Value::Null,
            Literal::Bool(b) => Value::Bool(*b),
            Literal::Number(n) => Value::Number(*n),
            Literal::Str(s) => Value::Str(s.clone()),
            Literal::Date(ms) => Value::Date(*ms),
        }
    }
}

/// A `where` condition, already resolved to attributes.
#[derive(Clone, Debug, PartialEq)]
pub enum Where {
    And(Vec<Where>),
    Or(Vec<Where>),
    /// Written in parentheses (several operators on one attribute).
    Group(Box<Where>),
    /// `[Op.not]: { … }`: `NOT (…)`.
    Not(Box<Where>),
    /// A condition on an included model's column, written `'$pugs.age$'` at the top of
    /// a find's `where`: `path` is the include aliases leading to it.
    Nested {
        path: Vec<String>,
        condition: Box<Where>,
    },
    Compare {
        attribute: String,
        field: String,
        op: CompareOp,
        value: WhereValue,
    },
    /// `sequelize.where(…)` or `sequelize.literal(…)` as a condition.
    Sql(Rc<SqlExpr>),
    /// A value inside a JSON column (`{ meta: { venue: { city: 'Oslo' } } }`, or
    /// `'meta.venue.city'`): the JSON path's value, cast as the compared value's type.
    Json {
        attribute: String,
        field: String,
        path: Vec<String>,
        cast: JsonCast,
        op: CompareOp,
        value: WhereValue,
    },
}

/// How Sequelize casts a JSON path's value for a comparison: by the compared value's
/// type (`_getJsonCast`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonCast {
    /// A string (or null): compared as the path's text.
    Text,
    /// A number: `CAST(… AS DOUBLE PRECISION)` (MySQL: `DECIMAL`).
    Number,
    /// A boolean: `CAST(… AS BOOLEAN)`; MySQL compares the text with `'true'`.
    Boolean,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Eq,
    Ne,
    Gt,
    Gte,
    Lt,
    Lte,
    In,
    NotIn,
    Like,
    NotLike,
    ILike,
    NotILike,
    Between,
    NotBetween,
    Is,
    IsNot,
    /// `Op.regexp` and its kin: PostgreSQL's `~`, `!~`, `~*`, `!~*` (MySQL and SQLite
    /// write `REGEXP`, `NOT REGEXP`).
    Regexp,
    NotRegexp,
    IRegexp,
    NotIRegexp,
}

impl CompareOp {
    pub fn is_regexp(self) -> bool {
        matches!(
            self,
            CompareOp::Regexp | CompareOp::NotRegexp | CompareOp::IRegexp | CompareOp::NotIRegexp
        )
    }

    pub fn sql(self) -> &'static str {
        match self {
            CompareOp::Eq => "=",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Gte => ">=",
            CompareOp::Lt => "<",
            CompareOp::Lte => "<=",
            CompareOp::In => "IN",
            CompareOp::NotIn => "NOT IN",
            CompareOp::Like => "LIKE",
            CompareOp::NotLike => "NOT LIKE",
            CompareOp::ILike => "ILIKE",
            CompareOp::NotILike => "NOT ILIKE",
            CompareOp::Between => "BETWEEN",
            CompareOp::NotBetween => "NOT BETWEEN",
            CompareOp::Is => "IS",
            CompareOp::IsNot => "IS NOT",
            CompareOp::Regexp => "~",
            CompareOp::NotRegexp => "!~",
            CompareOp::IRegexp => "~*",
            CompareOp::NotIRegexp => "!~*",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum WhereValue {
    One(Literal),
    List(Vec<Literal>),
    /// A column or other SQL piece: `{ home: { [Op.gt]: sequelize.col('away') } }`,
    /// `{ [Op.col]: 'away' }`.
    Sql(Rc<SqlExpr>),
}

impl FindPlan {
    /// Whether the find's rows are groups: it says `group`, or selects an aggregate.
    pub fn is_grouped(&self, is_aggregate: impl Fn(&SqlExpr) -> bool) -> bool {
        !self.group.is_empty()
            || self.having.is_some()
            || self.computed.iter().any(|(_, expr)| is_aggregate(expr))
    }
}

/// Attributes chosen for an included model get its primary keys in front, as
/// Sequelize's `_validateIncludedElement` adds them (each put first in turn, so the last
/// key comes first); none chosen stays none.
pub fn with_primary_keys(model: &crate::schema::Model, mut attributes: Vec<String>) -> Vec<String> {
    if attributes.is_empty() {
        return attributes;
    }
    for (name, _) in model.attributes.iter().filter(|(_, a)| a.is_primary_key()) {
        if !attributes.contains(name) {
            attributes.insert(0, name.clone());
        }
    }
    attributes
}
