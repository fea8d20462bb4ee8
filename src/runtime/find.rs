//! `findAll`, `findOne`, `findByPk` and `count`: reading Sequelize's find options
//! (`where`, `attributes`, `include` in all its forms, `order`, `limit`, `offset`),
//! logging the SELECT Sequelize would send, and answering from the store level by
//! level (one query per include, nested in Rust), the way the rows would come back
//! from the join.

use std::collections::HashMap;

use super::instance::from_row;
pub use super::sql::Where;
use super::sql::{self, CompareOp, Literal, WhereValue};
use super::store::{Cell, Filter, Row};
use super::{engine_error, RunResult, Runtime};
use crate::error::{ErrorName, SequelizeError};
use crate::schema::{Association, AssociationType, Model, ModelId, Schema};
use crate::value::Value;
use crate::value::{Instance, InstanceRef};

#[derive(Clone, Debug)]
pub struct FindPlan {
    pub model: ModelId,
    /// The keys of the selected attributes, in order: an attribute's name, or the alias
    /// it is renamed to (`['name', 'title']`).
    pub attributes: Vec<String>,
    pub renamed: Renamed,
    pub where_: Option<Where>,
    pub include: Vec<IncludePlan>,
    pub order: Vec<Order>,
    pub limit: Option<u64>,
    pub offset: Option<u64>,
    /// PostgreSQL's message for the first selected column the tables lack, in SELECT
    /// order: Sequelize logs the query, then the database refuses it.
    pub missing_column: Option<SequelizeError>,
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
    /// BelongsToMany: the join model's attributes shown under its name.
    pub through_attributes: Vec<String>,
    pub children: Vec<IncludePlan>,
    pub separate: bool,
    /// An attribute named in the include's `attributes` that its model lacks.
    pub missing_attribute: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Order {
    /// Include aliases leading to the column (`['pugs', 'name', 'DESC']` → `pugs`).
    pub path: Vec<String>,
    pub field: String,
    /// `ASC`/`DESC` as written; `None` when left out (`order: ['age']`).
    pub direction: Option<&'static str>,
    pub attribute: String,
}

fn eager_error(message: String) -> SequelizeError {
    SequelizeError::new(ErrorName::SequelizeEagerLoadingError, message)
}

/// The attribute names a find selects by default: every column of the model.
pub fn all_attributes(model: &Model) -> Vec<String> {
    model
        .table_attributes()
        .map(|(name, _)| name.clone())
        .collect()
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

/// The renames in `attributes` (`['name', 'title']` as ("title", "name")).
fn parse_renamed(value: Option<&Value>) -> Renamed {
    let list = match value {
        Some(list @ Value::Array(_)) => Some(list),
        Some(object @ Value::Object(_)) => object.get("include"),
        _ => None,
    };
    let Some(Value::Array(items)) = list else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match item {
            Value::Array(pair) => match (pair.first(), pair.get(1)) {
                (Some(Value::Str(attribute)), Some(Value::Str(alias))) => {
                    Some((alias.clone(), attribute.clone()))
                }
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// `attributes: [...]`, `{ include: [...] }` or `{ exclude: [...] }`: the selected keys
/// in order, and the renames among them.
pub fn parse_attributes(model: &Model, value: Option<&Value>) -> RunResult<(Vec<String>, Renamed)> {
    unsupported_attributes(value)?;
    let names = |v: Option<&Value>| -> Vec<String> {
        match v {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|i| match i {
                    Value::Str(s) => Some(s.clone()),
                    // `[attribute, alias]` is shown under its alias.
                    Value::Array(pair) => pair.get(1).and_then(Value::as_str).map(str::to_string),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    let all = all_attributes(model);
    let selected = match value {
        None | Some(Value::Undefined) => all,
        Some(list @ Value::Array(_)) => names(Some(list)),
        Some(object @ Value::Object(_)) => {
            let excluded = names(object.get("exclude"));
            let mut selected: Vec<String> =
                all.into_iter().filter(|a| !excluded.contains(a)).collect();
            selected.extend(names(object.get("include")));
            selected
        }
        Some(_) => all,
    };
    Ok((selected, parse_renamed(value)))
}

/// `sequelize.fn`/`col`/`literal` in `attributes` are not run yet: an error says so,
/// rather than a result Sequelize would not give.
fn unsupported_attributes(value: Option<&Value>) -> RunResult<()> {
    let lists = match value {
        Some(list @ Value::Array(_)) => vec![list],
        Some(object @ Value::Object(_)) => object.get("include").into_iter().collect(),
        _ => Vec::new(),
    };
    let items = lists.into_iter().filter_map(|list| match list {
        Value::Array(items) => Some(items),
        _ => None,
    });
    let computed = items.flatten().any(|item| match item {
        Value::Str(_) => false,
        Value::Array(pair) => !matches!(
            (pair.first(), pair.get(1)),
            (Some(Value::Str(_)), Some(Value::Str(_)))
        ),
        _ => true,
    });
    match computed {
        true => Err(SequelizeError::new(ErrorName::Error,
            "sequelize.fn, sequelize.col and sequelize.literal in attributes are not supported by the playground yet",
        )
        .with_hint("select plain attributes (attributes: ['id', ['name', 'title']]) and compute in your code")),
        false => Ok(()),
    }
}

/// `group` and `having` are not run yet: an error says so.
fn unsupported_grouping(options: &Value) -> RunResult<()> {
    match ["group", "having"]
        .into_iter()
        .find(|o| options.get(o).is_some())
    {
        Some(option) => Err(SequelizeError::new(
            ErrorName::Error,
            format!("The {option} option is not supported by the playground yet"),
        )
        .with_hint("find the rows and group them in your code")),
        None => Ok(()),
    }
}

/// The first attribute named as a plain string in `attributes` (the list, or its
/// `include`) that `model` does not have.
fn missing_attribute(model: &Model, value: Option<&Value>) -> Option<String> {
    let named = |list: Option<&Value>| -> Option<String> {
        let Some(Value::Array(items)) = list else {
            return None;
        };
        items.iter().find_map(|item| {
            let name = match item {
                Value::Array(pair) => pair.first()?.as_str()?,
                other => other.as_str()?,
            };
            (!model.has_attribute(name)).then(|| name.to_string())
        })
    };
    match value {
        Some(list @ Value::Array(_)) => named(Some(list)),
        Some(object @ Value::Object(_)) => named(object.get("include")),
        _ => None,
    }
}

/// The first missing attribute among joined includes, named by its alias path
/// (`pugs`, `pugs->toys`) as Sequelize's SELECT names the joined tables.
fn missing_in_includes(
    schema: &Schema,
    includes: &[IncludePlan],
    prefix: &str,
) -> Option<SequelizeError> {
    includes.iter().filter(|i| !i.separate).find_map(|include| {
        let path = if prefix.is_empty() {
            include.as_name.clone()
        } else {
            format!("{prefix}->{}", include.as_name)
        };
        include
            .missing_attribute
            .as_ref()
            .map(|name| column_error(schema.model(include.model), Some(&path), name))
            .or_else(|| missing_in_includes(schema, &include.children, &path))
    })
}

/// PostgreSQL's words for a column of `model` that does not exist, qualified or not,
/// with the attribute the learner probably meant.
/// Selects `attributes` (a method's options) in `plan`, a find of one model without
/// joins: the keys, the renames, and PostgreSQL's error for a column the table lacks.
pub fn select_attributes(plan: &mut FindPlan, model: &Model, attributes: &Value) -> RunResult<()> {
    (plan.attributes, plan.renamed) = parse_attributes(model, Some(attributes))?;
    plan.missing_column =
        missing_attribute(model, Some(attributes)).map(|name| column_error(model, None, &name));
    Ok(())
}

fn column_error(model: &Model, qualifier: Option<&str>, name: &str) -> SequelizeError {
    let message = missing_column_message(qualifier, name);
    let attributes: Vec<&str> = model.table_attributes().map(|(a, _)| a.as_str()).collect();
    let known = format!("{} has {}", model.name, attributes.join(", "));
    let hint = match crate::diagnostic::closest(name, attributes.iter().copied()) {
        Some(close) => format!("did you mean '{close}'? {known}"),
        None => known,
    };
    SequelizeError::new(ErrorName::SequelizeDatabaseError, message).with_hint(hint)
}

/// PostgreSQL's words for a column that does not exist, qualified by a table alias or not.
fn missing_column_message(qualifier: Option<&str>, name: &str) -> String {
    match qualifier {
        Some(table) => format!("column {table}.{name} does not exist"),
        None => format!("column \"{name}\" does not exist"),
    }
}

/// A JavaScript value as a literal in a condition.
pub fn literal_of(value: &Value) -> Literal {
    match value {
        Value::Null | Value::Undefined => Literal::Null,
        Value::Bool(b) => Literal::Bool(*b),
        Value::Number(n) => Literal::Number(*n),
        Value::Str(s) => Literal::Str(s.clone()),
        Value::Date(ms) => Literal::Date(*ms),
        Value::Instance(instance) => {
            let instance = instance.borrow();
            instance
                .values
                .first()
                .map_or(Literal::Null, |(_, v)| literal_of(v))
        }
        _ => Literal::Null,
    }
}

fn op_of(name: &str) -> Option<CompareOp> {
    Some(match name {
        "eq" => CompareOp::Eq,
        "ne" => CompareOp::Ne,
        "gt" => CompareOp::Gt,
        "gte" => CompareOp::Gte,
        "lt" => CompareOp::Lt,
        "lte" => CompareOp::Lte,
        "in" => CompareOp::In,
        "notIn" => CompareOp::NotIn,
        "like" | "startsWith" | "endsWith" | "substring" => CompareOp::Like,
        "notLike" => CompareOp::NotLike,
        "iLike" => CompareOp::ILike,
        "notILike" => CompareOp::NotILike,
        "between" => CompareOp::Between,
        "notBetween" => CompareOp::NotBetween,
        "is" => CompareOp::Is,
        "not" => CompareOp::IsNot,
        _ => return None,
    })
}

/// `{ name: 'Tom', age: { [Op.gt]: 3 }, [Op.or]: [...] }` resolved against `model`.
pub fn parse_where(model: &Model, value: &Value) -> RunResult<Option<Where>> {
    let Value::Object(props) = value else {
        return Ok(None);
    };
    let mut items = Vec::new();
    for (key, value) in props {
        if let Some(op) = key
            .strip_prefix("Symbol(")
            .and_then(|k| k.strip_suffix(')'))
        {
            let group = match value {
                Value::Array(parts) => parts
                    .iter()
                    .map(|p| parse_where(model, p))
                    .collect::<RunResult<Vec<_>>>()?,
                other => vec![parse_where(model, other)?],
            };
            let group: Vec<Where> = group.into_iter().flatten().collect();
            match op {
                "or" => items.push(Where::Or(group)),
                // An explicit Op.and is parenthesized, as Sequelize writes it.
                "and" if group.len() > 1 => items.push(Where::Group(Box::new(Where::And(group)))),
                "and" => items.push(Where::And(group)),
                other => {
                    return Err(SequelizeError::new(
                        ErrorName::Error,
                        format!("Op.{other} is not supported at the top of a where"),
                    ))
                }
            }
            continue;
        }
        // An unknown key is still written into the SQL as a column, as Sequelize does;
        // PostgreSQL rejects it when the statement runs (see `unknown_column`).
        items.push(compare(model, key, value)?);
    }
    Ok(match items.len() {
        0 => None,
        1 => items.pop(),
        _ => Some(Where::And(items)),
    })
}

fn compare(model: &Model, attribute: &str, value: &Value) -> RunResult<Where> {
    let field = model.field_of(attribute);
    let make = |op: CompareOp, value: &Value| -> Where {
        let (op, value) = match (op, value) {
            (_, Value::Array(items)) => (
                if op == CompareOp::Eq {
                    CompareOp::In
                } else {
                    op
                },
                WhereValue::List(items.iter().map(literal_of).collect()),
            ),
            (CompareOp::Eq, Value::Null) => (CompareOp::Is, WhereValue::One(Literal::Null)),
            (CompareOp::Ne, Value::Null) => (CompareOp::IsNot, WhereValue::One(Literal::Null)),
            (op, value) => (op, WhereValue::One(literal_of(value))),
        };
        Where::Compare {
            attribute: attribute.to_string(),
            field: field.clone(),
            op,
            value,
        }
    };
    match value {
        Value::Object(ops) if ops.iter().all(|(k, _)| k.starts_with("Symbol(")) => {
            let mut parts = Vec::new();
            for (key, operand) in ops {
                let name = key.trim_start_matches("Symbol(").trim_end_matches(')');
                let op = op_of(name).ok_or_else(|| {
                    SequelizeError::new(
                        ErrorName::Error,
                        format!("Op.{name} is not supported by the playground yet"),
                    )
                })?;
                // startsWith and friends are LIKE patterns, as Sequelize writes them.
                let operand = match (name, operand) {
                    ("startsWith", Value::Str(s)) => Value::Str(format!("{s}%")),
                    ("endsWith", Value::Str(s)) => Value::Str(format!("%{s}")),
                    ("substring", Value::Str(s)) => Value::Str(format!("%{s}%")),
                    (_, other) => other.clone(),
                };
                parts.push(make(op, &operand));
            }
            Ok(if parts.len() == 1 {
                parts.remove(0)
            } else {
                Where::Group(Box::new(Where::And(parts)))
            })
        }
        other => Ok(make(CompareOp::Eq, other)),
    }
}

/// The first attribute a condition names that `model` does not have: PostgreSQL would
/// answer `column owner.nmae does not exist` (with `alias`) once the SQL is sent.
pub fn unknown_column(
    model: &Model,
    condition: Option<&Where>,
    alias: Option<&str>,
) -> RunResult<()> {
    fn first<'w>(model: &Model, condition: &'w Where) -> Option<&'w str> {
        match condition {
            Where::And(items) | Where::Or(items) => items.iter().find_map(|i| first(model, i)),
            Where::Group(inner) => first(model, inner),
            Where::Compare { attribute, .. } => {
                (!model.has_attribute(attribute)).then_some(attribute.as_str())
            }
        }
    }
    match condition.and_then(|c| first(model, c)) {
        Some(name) => Err(SequelizeError::new(
            ErrorName::SequelizeDatabaseError,
            missing_column_message(alias, name),
        )),
        None => Ok(()),
    }
}

/// The same condition for the store (column names without a table alias).
pub fn store_filter(condition: &Where) -> Filter {
    match condition {
        Where::And(items) | Where::Or(items) if items.is_empty() => Filter::All,
        Where::And(items) => Filter::And(items.iter().map(store_filter).collect()),
        Where::Or(items) => Filter::Or(items.iter().map(store_filter).collect()),
        Where::Group(inner) => store_filter(inner),
        Where::Compare {
            field, op, value, ..
        } => compare_filter(field, *op, value),
    }
}

fn compare_filter(field: &str, op: CompareOp, value: &WhereValue) -> Filter {
    use super::store::Comparison;
    let column = field.to_string();
    let compare = |comparison| match value {
        WhereValue::One(literal) => Filter::Compare {
            column: column.clone(),
            op: comparison,
            value: store_cell(literal),
        },
        WhereValue::List(_) => cannot_say(op.sql(), value),
    };
    let like = |negated, case_insensitive| match value {
        WhereValue::One(literal) => Filter::Like {
            column: column.clone(),
            pattern: store_cell(literal),
            negated,
            case_insensitive,
        },
        WhereValue::List(_) => cannot_say(op.sql(), value),
    };
    match op {
        CompareOp::Eq => compare(Comparison::Eq),
        CompareOp::Ne => compare(Comparison::NotEq),
        CompareOp::Gt => compare(Comparison::Gt),
        CompareOp::Gte => compare(Comparison::GtEq),
        CompareOp::Lt => compare(Comparison::Lt),
        CompareOp::Lte => compare(Comparison::LtEq),
        CompareOp::Like => like(false, false),
        CompareOp::NotLike => like(true, false),
        CompareOp::ILike => like(false, true),
        CompareOp::NotILike => like(true, true),
        CompareOp::In | CompareOp::NotIn => match value {
            WhereValue::List(items) if items.is_empty() => match op {
                CompareOp::NotIn => Filter::All,
                _ => Filter::Nothing,
            },
            WhereValue::List(items) => Filter::In {
                column,
                values: items.iter().map(store_cell).collect(),
                negated: op == CompareOp::NotIn,
            },
            WhereValue::One(_) => cannot_say(op.sql(), value),
        },
        CompareOp::Between | CompareOp::NotBetween => match value {
            WhereValue::List(items) if items.len() == 2 => Filter::Between {
                column,
                low: store_cell(&items[0]),
                high: store_cell(&items[1]),
                negated: op == CompareOp::NotBetween,
            },
            _ => cannot_say(op.sql(), value),
        },
        CompareOp::Is | CompareOp::IsNot => {
            let negated = op == CompareOp::IsNot;
            match value {
                WhereValue::One(Literal::Null) => Filter::IsNull { column, negated },
                // IS TRUE / IS NOT TRUE: a NULL is not TRUE.
                WhereValue::One(Literal::Bool(b)) => {
                    let compare = |op| Filter::Compare {
                        column: column.clone(),
                        op,
                        value: Cell::Bool(*b),
                    };
                    match negated {
                        false => compare(Comparison::Eq),
                        true => Filter::Or(vec![
                            Filter::IsNull {
                                column: column.clone(),
                                negated: false,
                            },
                            compare(Comparison::NotEq),
                        ]),
                    }
                }
                _ => cannot_say(op.sql(), value),
            }
        }
    }
}

/// A condition PostgreSQL would refuse as written (`IN 5`, `LIKE ('a', 'b')`).
fn cannot_say(op: &str, value: &WhereValue) -> Filter {
    let written = match value {
        WhereValue::One(literal) => store_literal_text(literal),
        WhereValue::List(items) => format!(
            "({})",
            items
                .iter()
                .map(store_literal_text)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Filter::Invalid(format!("cannot compare with {op} {written}"))
}

fn store_literal_text(literal: &Literal) -> String {
    match literal {
        Literal::Date(ms) => ms.to_string(),
        other => other.sql(),
    }
}

/// A where value as the store keeps it: dates as milliseconds, whole numbers as
/// integers.
fn store_cell(literal: &Literal) -> Cell {
    match literal {
        Literal::Null => Cell::Null,
        Literal::Bool(b) => Cell::Bool(*b),
        Literal::Number(n) => super::number_cell(*n),
        Literal::Str(s) => Cell::Text(s.clone()),
        Literal::Date(ms) => Cell::Int(*ms),
    }
}

/// Resolves one element of `include` against `source`.
fn include_plan(schema: &Schema, source: ModelId, element: &Value) -> RunResult<Vec<IncludePlan>> {
    let source_model = schema.model(source);
    let (association, options) = match element {
        Value::Str(alias) => (
            source_model.association(alias).cloned().ok_or_else(|| {
                SequelizeError::new(
                    ErrorName::Error,
                    format!(
                        "Association with alias \"{alias}\" does not exist on {}",
                        source_model.name
                    ),
                )
            })?,
            None,
        ),
        Value::Model(target) => (resolve_association(schema, source, *target, None)?, None),
        object @ Value::Object(_) => {
            if object.get("all").is_some_and(Value::truthy) {
                return Ok(source_model
                    .associations
                    .iter()
                    .map(|a| plain_include(schema, a.clone()))
                    .collect());
            }
            let alias = object.get("as").and_then(Value::as_str);
            let association = match (object.get("association"), object.get("model")) {
                (Some(Value::Str(name)), _) => source_model.association(name).cloned().ok_or_else(|| {
                    SequelizeError::new(ErrorName::Error, format!("Association with alias \"{name}\" does not exist on {}", source_model.name))
                })?,
                (_, Some(Value::Model(target))) => resolve_association(schema, source, *target, alias)?,
                (_, Some(Value::Str(name))) => {
                    return Err(SequelizeError::new(ErrorName::TypeError, "include.model.getTableName is not a function")
                        .with_hint(format!("model: '{name}' is a string; include the model itself: {{ model: {name} }}")));
                }
                _ => {
                    return Err(SequelizeError::new(ErrorName::Error,
                        "Include unexpected. Element has to be either a Model, an Association or an object.",
                    ))
                }
            };
            (association, Some(object))
        }
        _ => return Err(SequelizeError::new(
            ErrorName::Error,
            "Include unexpected. Element has to be either a Model, an Association or an object.",
        )),
    };
    let mut plan = plain_include(schema, association);
    if let Some(options) = options {
        let target = schema.model(plan.model);
        (plan.attributes, plan.renamed) = parse_attributes(target, options.get("attributes"))?;
        plan.missing_attribute = missing_attribute(target, options.get("attributes"));
        plan.where_ = match options.get("where") {
            Some(w) => parse_where(target, w)?,
            None => None,
        };
        plan.required = match options.get("required") {
            Some(Value::Bool(b)) => *b,
            _ => plan.where_.is_some(),
        };
        plan.where_ = with_paranoid_clause(target, plan.where_.take(), Some(options));
        plan.separate = options.get("separate").is_some_and(Value::truthy);
        if let Some(through) = options.get("through") {
            if let Some(join) = plan.association.through {
                plan.through_attributes =
                    parse_attributes(schema.model(join), through.get("attributes"))?.0;
            }
        }
        if let Some(children) = options.get("include") {
            plan.children = parse_includes(schema, plan.model, children)?;
        }
    }
    Ok(vec![plan])
}

fn plain_include(schema: &Schema, association: Association) -> IncludePlan {
    let model = association.target;
    IncludePlan {
        through_attributes: association
            .through
            .map(|j| all_attributes(schema.model(j)))
            .unwrap_or_default(),
        attributes: all_attributes(schema.model(model)),
        renamed: Vec::new(),
        as_name: association.as_name.clone(),
        association,
        model,
        required: false,
        where_: with_paranoid_clause(schema.model(model), None, None),
        children: Vec::new(),
        separate: false,
        missing_attribute: None,
    }
}

/// The include that names the association by the alias it was given.
fn include_by_alias(target_name: &str, candidates: &[&Association]) -> String {
    let model = crate::assoc::inflect::upper_first(target_name);
    let alias = candidates.first().map_or("", |a| a.as_name.as_str());
    format!("the association was made with as: '{alias}', so include it the same way: {{ model: {model}, as: '{alias}' }}")
}

/// How to associate `source` with `target` so that it can include it, naming the
/// association that exists the other way if there is one (the usual cause).
fn one_sided_hint(schema: &Schema, source: ModelId, target: ModelId) -> String {
    let from = crate::assoc::inflect::upper_first(&schema.model(source).name);
    let to = crate::assoc::inflect::upper_first(&schema.model(target).name);
    let reverse = schema
        .model(target)
        .associations
        .iter()
        .find(|a| a.target == source);
    match reverse {
        Some(reverse) => format!(
            "{to}.{}({from}) goes one way only: for {from}'s queries to include {to}, {from} needs its own association too, e.g. {from}.{}({to})",
            reverse.kind.method(),
            match reverse.kind {
                AssociationType::BelongsTo => "hasMany",
                AssociationType::BelongsToMany => "belongsToMany",
                _ => "belongsTo",
            }
        ),
        None => format!("associate them first, e.g. {from}.hasMany({to}) and {to}.belongsTo({from})"),
    }
}

/// `Model._getIncludedAssociation`: the association to `target`, by alias if given.
fn resolve_association(
    schema: &Schema,
    source: ModelId,
    target: ModelId,
    alias: Option<&str>,
) -> RunResult<Association> {
    let source_model = schema.model(source);
    let target_name = &schema.model(target).name;
    let candidates: Vec<&Association> = source_model
        .associations
        .iter()
        .filter(|a| schema.model(a.target).name == *target_name)
        .collect();
    let matching = |a: &&&Association| match alias {
        Some(alias) => a.as_name == alias,
        None => !a.is_aliased,
    };
    match candidates.len() {
        0 => Err(eager_error(format!("{target_name} is not associated to {}!", source_model.name))
            .with_hint(one_sided_hint(schema, source, target))),
        1 => match candidates.iter().find(matching) {
            Some(a) => Ok((*a).clone()),
            None => match alias {
                Some(alias) => Err(eager_error(format!(
                    "{target_name} is associated to {} using an alias. You've included an alias ({alias}), but it does not match the alias(es) defined in your association ({}).",
                    source_model.name,
                    candidates.iter().map(|a| a.as_name.as_str()).collect::<Vec<_>>().join(", ")
                ))
                .with_hint(include_by_alias(target_name, &candidates))),
                None => Err(eager_error(format!(
                    "{target_name} is associated to {} using an alias. You must use the 'as' keyword to specify the alias within your include statement.",
                    source_model.name
                ))
                .with_hint(include_by_alias(target_name, &candidates))),
            },
        },
        _ => candidates.iter().find(matching).map(|a| (*a).clone()).ok_or_else(|| {
            eager_error(format!(
                "{target_name} is associated to {} multiple times. To identify the correct association, you must use the 'as' keyword to specify the alias of the association you want to include.",
                source_model.name
            ))
        }),
    }
}

pub fn parse_includes(
    schema: &Schema,
    source: ModelId,
    value: &Value,
) -> RunResult<Vec<IncludePlan>> {
    let elements = match value {
        Value::Array(items) => items.clone(),
        other => vec![other.clone()],
    };
    let mut plans = Vec::new();
    for element in &elements {
        plans.extend(include_plan(schema, source, element)?);
    }
    Ok(plans)
}

fn parse_order(
    schema: &Schema,
    model: ModelId,
    value: Option<&Value>,
    includes: &[IncludePlan],
) -> RunResult<Vec<Order>> {
    let Some(Value::Array(items)) = value else {
        return Ok(Vec::new());
    };
    let mut orders = Vec::new();
    for item in items {
        let parts: Vec<Value> = match item {
            Value::Array(parts) => parts.clone(),
            Value::Str(_) => vec![item.clone()],
            _ => continue,
        };
        let mut path = Vec::new();
        let mut current = model;
        let mut scope = includes.to_vec();
        let mut rest = parts.as_slice();
        while let Some(step) = rest.first() {
            let next = match step {
                Value::Model(target) => scope.iter().find(|i| i.model == *target).cloned(),
                Value::Object(o) => match o.iter().find(|(k, _)| k == "model").map(|(_, v)| v) {
                    Some(Value::Model(target)) => {
                        scope.iter().find(|i| i.model == *target).cloned()
                    }
                    _ => None,
                },
                Value::Str(name)
                    if rest.len() > 1
                        && scope.iter().any(|i| i.as_name == *name)
                        && !schema.model(current).has_attribute(name) =>
                {
                    scope.iter().find(|i| i.as_name == *name).cloned()
                }
                _ => break,
            };
            let Some(include) = next else { break };
            path.push(include.as_name.clone());
            current = include.model;
            scope = include.children.clone();
            rest = &rest[1..];
        }
        let attribute = rest
            .first()
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let direction = match rest
            .get(1)
            .and_then(Value::as_str)
            .map(str::to_uppercase)
            .as_deref()
        {
            Some("DESC") => Some("DESC"),
            Some(_) => Some("ASC"),
            None => None,
        };
        let field = schema.model(current).field_of(&attribute);
        orders.push(Order {
            path,
            field,
            direction,
            attribute,
        });
    }
    Ok(orders)
}

fn as_count(value: Option<&Value>) -> Option<u64> {
    match value {
        Some(Value::Number(n)) if *n >= 0.0 => Some(*n as u64),
        _ => None,
    }
}

/// Adds `deletedAt IS NULL` in front of `condition` for a paranoid model, as
/// Sequelize's `_paranoidClause` does (unless the find says `paranoid: false`).
pub fn with_paranoid_clause(
    model: &Model,
    condition: Option<Where>,
    options: Option<&Value>,
) -> Option<Where> {
    let Some(deleted_at) = &model.timestamp_attributes.deleted_at else {
        return condition;
    };
    if options
        .and_then(|o| o.get("paranoid"))
        .is_some_and(|p| matches!(p, Value::Bool(false)))
    {
        return condition;
    }
    let alive = Where::Compare {
        attribute: deleted_at.clone(),
        field: model.field_of(deleted_at),
        op: CompareOp::Is,
        value: WhereValue::One(Literal::Null),
    };
    Some(Where::Group(Box::new(match condition {
        None => alive,
        Some(condition) => Where::And(vec![alive, condition]),
    })))
}

/// Reads find options into a plan.
pub fn plan(schema: &Schema, model: ModelId, options: Option<&Value>) -> RunResult<FindPlan> {
    let empty = Value::Object(Vec::new());
    let options = options.unwrap_or(&empty);
    unsupported_grouping(options)?;
    let target = schema.model(model);
    let include = match options.get("include") {
        Some(value) => parse_includes(schema, model, value)?,
        None => Vec::new(),
    };
    let where_ = match options.get("where") {
        Some(value) => parse_where(target, value)?,
        None => None,
    };
    let where_ = with_paranoid_clause(target, where_, Some(options));
    let joins = include.iter().any(|i| !i.separate);
    let missing_column = missing_attribute(target, options.get("attributes"))
        .map(|name| column_error(target, joins.then_some(target.name.as_str()), &name))
        .or_else(|| missing_in_includes(schema, &include, ""));
    let (attributes, renamed) = parse_attributes(target, options.get("attributes"))?;
    Ok(FindPlan {
        model,
        missing_column,
        attributes,
        renamed,
        order: parse_order(schema, model, options.get("order"), &include)?,
        where_,
        include,
        limit: as_count(options.get("limit")),
        offset: as_count(options.get("offset")),
    })
}

/// A fetched row with the instance made of it.
struct Loaded {
    row: Row,
    instance: InstanceRef,
}

fn cell_in(row: &Row, field: &str) -> Cell {
    row.iter()
        .find(|(c, _)| **c == *field)
        .map(|(_, v)| v.clone())
        .unwrap_or(Cell::Null)
}

/// A cell as a hash-map key (floats by their bits: keys are integers or text in practice).
#[derive(Clone, PartialEq, Eq, Hash)]
enum CellKey {
    Null,
    Int(i64),
    Bits(u64),
    Text(String),
    Bool(bool),
}

fn cell_key(cell: &Cell) -> CellKey {
    match cell {
        Cell::Null => CellKey::Null,
        Cell::Int(i) => CellKey::Int(*i),
        Cell::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => CellKey::Int(*f as i64),
        Cell::Float(f) => CellKey::Bits(f.to_bits()),
        Cell::Text(t) => CellKey::Text(t.clone()),
        Cell::Bool(b) => CellKey::Bool(*b),
    }
}

/// Runs a find: logs Sequelize's SELECT, answers from the store.
pub fn find(rt: &mut Runtime, schema: &Schema, plan: &FindPlan) -> RunResult<Vec<InstanceRef>> {
    rt.log(sql::select(schema, plan))?;
    load(rt, schema, plan)
}

/// The instances `plan` finds, with their includes, without logging anything.
fn load(rt: &mut Runtime, schema: &Schema, plan: &FindPlan) -> RunResult<Vec<InstanceRef>> {
    let model = schema.model(plan.model);
    super::write::require_table(rt, &model.table_name)?;
    if let Some(error) = &plan.missing_column {
        return Err(error.clone());
    }
    unknown_column(model, plan.where_.as_ref(), Some(&model.name))?;
    let filter = plan.where_.as_ref().map_or(Filter::All, store_filter);
    let mut rows = rt
        .store
        .select(&model.table_name, &filter)
        .map_err(engine_error)?;
    rt.count_rows(rows.len())?;
    sort_rows(&mut rows, orders_at(&plan.order, &[]));
    let mut loaded: Vec<Loaded> = rows
        .into_iter()
        .map(|row| {
            let instance =
                from_row(plan.model, model, &row, &plan.attributes, &plan.renamed).into_ref();
            Loaded { row, instance }
        })
        .collect();
    for include in plan.include.iter().filter(|i| !i.separate) {
        load_include(rt, schema, &mut loaded, include, &plan.order, &[])?;
    }
    for include in plan.include.iter().filter(|i| i.separate) {
        load_separately(rt, schema, &loaded, include)?;
    }
    let offset = plan.offset.unwrap_or(0) as usize;
    let limit = plan.limit.map_or(usize::MAX, |l| l as usize);
    Ok(loaded
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|l| l.instance)
        .collect())
}

/// The orders on the model reached by the include `path`, as (field, direction).
fn orders_at<'a>(orders: &'a [Order], path: &[String]) -> Vec<(&'a str, &'static str)> {
    orders
        .iter()
        .filter(|o| o.path == path)
        .map(|o| (o.field.as_str(), o.direction.unwrap_or("ASC")))
        .collect()
}

fn sort_rows(rows: &mut [Row], keys: Vec<(&str, &'static str)>) {
    if keys.is_empty() {
        return;
    }
    rows.sort_by(|a, b| {
        for (field, direction) in &keys {
            let ordering = compare_cells(&cell_in(a, field), &cell_in(b, field));
            let ordering = if *direction == "DESC" {
                ordering.reverse()
            } else {
                ordering
            };
            if ordering != std::cmp::Ordering::Equal {
                return ordering;
            }
        }
        std::cmp::Ordering::Equal
    });
}

/// PostgreSQL's order: NULLs last when ascending.
fn compare_cells(a: &Cell, b: &Cell) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (a, b) {
        (Cell::Null, Cell::Null) => Ordering::Equal,
        (Cell::Null, _) => Ordering::Greater,
        (_, Cell::Null) => Ordering::Less,
        (Cell::Int(x), Cell::Int(y)) => x.cmp(y),
        (Cell::Float(x), Cell::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Cell::Int(x), Cell::Float(y)) => (*x as f64).partial_cmp(y).unwrap_or(Ordering::Equal),
        (Cell::Float(x), Cell::Int(y)) => x.partial_cmp(&(*y as f64)).unwrap_or(Ordering::Equal),
        (Cell::Text(x), Cell::Text(y)) => x.cmp(y),
        (Cell::Bool(x), Cell::Bool(y)) => x.cmp(y),
        _ => Ordering::Equal,
    }
}

/// `separate: true`: one more SELECT for the included rows, keyed by the parents' keys.
fn load_separately(
    rt: &mut Runtime,
    schema: &Schema,
    parents: &[Loaded],
    include: &IncludePlan,
) -> RunResult<()> {
    let association = &include.association;
    let source = schema.model(association.source);
    let target = schema.model(include.model);
    let source_key_field = source.field_of(&association.source_key);
    let keys: Vec<Value> = parents
        .iter()
        .map(|p| cell_in(&p.row, &source_key_field))
        .filter(|c| *c != Cell::Null)
        .map(|c| match c {
            Cell::Int(i) => Value::Number(i as f64),
            Cell::Float(f) => Value::Number(f),
            Cell::Text(t) => Value::Str(t),
            Cell::Bool(b) => Value::Bool(b),
            Cell::Null => Value::Null,
        })
        .collect();
    let mut keys_deduplicated: Vec<Value> = Vec::new();
    for key in keys {
        if !keys_deduplicated
            .iter()
            .any(|k| literal_of(k) == literal_of(&key))
        {
            keys_deduplicated.push(key);
        }
    }
    let by_parent = Where::Compare {
        attribute: association.foreign_key.clone(),
        field: target.field_of(&association.foreign_key),
        op: CompareOp::In,
        value: WhereValue::List(keys_deduplicated.iter().map(literal_of).collect()),
    };
    let where_ = match include.where_.clone() {
        Some(extra) => Where::And(vec![by_parent, extra]),
        None => by_parent,
    };
    let mut attributes = include.attributes.clone();
    if !attributes.contains(&association.foreign_key) {
        attributes.push(association.foreign_key.clone());
    }
    let child_plan = FindPlan {
        model: include.model,
        attributes,
        renamed: include.renamed.clone(),
        where_: Some(where_),
        include: include.children.clone(),
        order: Vec::new(),
        limit: None,
        offset: None,
        missing_column: None,
    };
    let children = find(rt, schema, &child_plan)?;
    for parent in parents {
        let key = cell_in(&parent.row, &source_key_field);
        let mine: Vec<Value> = children
            .iter()
            .filter(|c| {
                c.borrow().get(&association.foreign_key).map(super::cell_of) == Some(key.clone())
            })
            .map(|c| Value::Instance(c.clone()))
            .collect();
        let value = if association.kind.is_multiple() {
            Value::Array(mine)
        } else {
            mine.into_iter().next().unwrap_or(Value::Null)
        };
        parent.instance.borrow_mut().set(&include.as_name, value);
    }
    Ok(())
}

/// Rows of `table` whose `field` is one of `keys` (and that pass `extra`). A long key
/// list is matched here with a hash set rather than sent as an `IN (…)`, which the
/// engine would check row by row against every key.
pub(crate) fn select_by_keys(
    rt: &mut Runtime,
    table: &str,
    field: &str,
    keys: &[Cell],
    extra: Filter,
) -> RunResult<Vec<Row>> {
    const LONGEST_IN_LIST: usize = 64;
    if keys.len() <= LONGEST_IN_LIST {
        let filter = Filter::one_of(field, keys).and(extra);
        return rt.store.select(table, &filter).map_err(engine_error);
    }
    let wanted: std::collections::HashSet<CellKey> = keys.iter().map(cell_key).collect();
    let rows = rt.store.select(table, &extra).map_err(engine_error)?;
    Ok(rows
        .into_iter()
        .filter(|r| wanted.contains(&cell_key(&cell_in(r, field))))
        .collect())
}

/// Loads one include for all parents, attaches it, and drops parents a required
/// include leaves empty.
fn load_include(
    rt: &mut Runtime,
    schema: &Schema,
    parents: &mut Vec<Loaded>,
    include: &IncludePlan,
    orders: &[Order],
    parent_path: &[String],
) -> RunResult<()> {
    let mut path = parent_path.to_vec();
    path.push(include.as_name.clone());
    let association = &include.association;
    let source = schema.model(association.source);
    let target = schema.model(include.model);
    let (parent_field, child_field) = match association.kind {
        AssociationType::BelongsTo => (
            source.field_of(&association.foreign_key),
            target.field_of(&association.target_key),
        ),
        AssociationType::HasOne | AssociationType::HasMany => (
            source.field_of(&association.source_key),
            target.field_of(&association.foreign_key),
        ),
        AssociationType::BelongsToMany => (source.field_of(&association.source_key), String::new()),
    };
    let keys: Vec<Cell> = parents
        .iter()
        .map(|p| cell_in(&p.row, &parent_field))
        .filter(|c| *c != Cell::Null)
        .collect();
    let mut children_by_key: HashMap<CellKey, Vec<InstanceRef>> = HashMap::new();
    let mut child_rows: Vec<Loaded>;
    if association.kind == AssociationType::BelongsToMany {
        let join = schema.model(association.through.expect("join model"));
        let join_fk = join.field_of(&association.foreign_key);
        let other_key = association.other_key.clone().unwrap_or_default();
        let join_other = join.field_of(&other_key);
        let join_rows = rt
            .store
            .select(&join.table_name, &Filter::one_of(&join_fk, &keys))
            .map_err(engine_error)?;
        rt.count_rows(join_rows.len())?;
        let target_key_field = target.field_of(&association.target_key);
        let other_values: Vec<Cell> = join_rows.iter().map(|r| cell_in(r, &join_other)).collect();
        let mut filter = Filter::one_of(&target_key_field, &other_values);
        if let Some(where_) = &include.where_ {
            filter = filter.and(store_filter(where_));
        }
        let target_rows = rt
            .store
            .select(&target.table_name, &filter)
            .map_err(engine_error)?;
        rt.count_rows(target_rows.len())?;
        child_rows = Vec::new();
        for join_row in &join_rows {
            let other = cell_in(join_row, &join_other);
            let Some(target_row) = target_rows
                .iter()
                .find(|r| cell_in(r, &target_key_field) == other)
            else {
                continue;
            };
            let mut instance = from_row(
                include.model,
                target,
                target_row,
                &include.attributes,
                &include.renamed,
            );
            let through = from_row(
                association.through.unwrap(),
                join,
                join_row,
                &include.through_attributes,
                &[],
            );
            instance.set(&join.name, Value::Instance(through.into_ref()));
            let instance = instance.into_ref();
            children_by_key
                .entry(cell_key(&cell_in(join_row, &join_fk)))
                .or_default()
                .push(instance.clone());
            child_rows.push(Loaded {
                row: target_row.clone(),
                instance,
            });
        }
    } else {
        let extra = include.where_.as_ref().map_or(Filter::All, store_filter);
        let mut rows = select_by_keys(rt, &target.table_name, &child_field, &keys, extra)?;
        rt.count_rows(rows.len())?;
        sort_rows(&mut rows, orders_at(orders, &path));
        child_rows = rows
            .into_iter()
            .map(|row| Loaded {
                instance: from_row(
                    include.model,
                    target,
                    &row,
                    &include.attributes,
                    &include.renamed,
                )
                .into_ref(),
                row,
            })
            .collect();
        for child in &child_rows {
            children_by_key
                .entry(cell_key(&cell_in(&child.row, &child_field)))
                .or_default()
                .push(child.instance.clone());
        }
    }
    for child in include.children.iter() {
        load_include(rt, schema, &mut child_rows, child, orders, &path)?;
        // Children dropped by a required nested include leave their parents too.
        let kept: std::collections::HashSet<*const std::cell::RefCell<Instance>> = child_rows
            .iter()
            .map(|c| std::rc::Rc::as_ptr(&c.instance))
            .collect();
        for list in children_by_key.values_mut() {
            list.retain(|i| kept.contains(&std::rc::Rc::as_ptr(i)));
        }
    }
    let multiple = association.kind.is_multiple();
    let no_children: Vec<InstanceRef> = Vec::new();
    let mut attached = Vec::with_capacity(parents.len());
    for parent in parents.drain(..) {
        let key = cell_key(&cell_in(&parent.row, &parent_field));
        let children = children_by_key.get(&key).unwrap_or(&no_children);
        if include.required && children.is_empty() {
            continue;
        }
        if multiple {
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
    Ok(())
}

/// `Model.count(options)`.
pub fn count(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    options: Option<&Value>,
) -> RunResult<usize> {
    let model = schema.model(model_id);
    let empty = Value::Object(Vec::new());
    let options = options.unwrap_or(&empty);
    if options.get("include").is_some() {
        // (`plan` refuses group/having for it.)
        return count_joined(rt, schema, model_id, options);
    }
    unsupported_grouping(options)?;
    let where_ = match options.get("where") {
        Some(w) => parse_where(model, w)?,
        None => None,
    };
    let where_ = with_paranoid_clause(model, where_, Some(options));
    let mut text = format!(
        "SELECT count(*) AS \"count\" FROM {} AS {}",
        sql::quote(&model.table_name),
        sql::quote(&model.name)
    );
    sql::push_where(&mut text, where_.as_ref(), &model.name);
    text.push(';');
    rt.log(text)?;
    super::write::require_table(rt, &model.table_name)?;
    unknown_column(model, where_.as_ref(), Some(&model.name))?;
    let filter = where_.as_ref().map_or(Filter::All, store_filter);
    let rows = rt
        .store
        .select(&model.table_name, &filter)
        .map_err(engine_error)?;
    rt.count_rows(rows.len())?;
    Ok(rows.len())
}

/// `Model.count({ include })`: Sequelize counts the rows of the joined SELECT, so a
/// parent with three pugs counts three (and one with none counts one, on a LEFT JOIN)
/// unless `distinct: true` counts parents.
fn count_joined(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    options: &Value,
) -> RunResult<usize> {
    let mut plan = plan(schema, model_id, Some(options))?;
    // Count ignores limit, offset, order and the selected attributes.
    plan.include.retain(|include| !include.separate);
    plan.order.clear();
    (plan.limit, plan.offset, plan.missing_column) = (None, None, None);
    let distinct = options.get("distinct").is_some_and(Value::truthy);
    rt.log(sql::count_joined(schema, &plan, distinct))?;
    let parents = load(rt, schema, &plan)?;
    let count = match distinct {
        true => parents.len(),
        false => parents
            .iter()
            .map(|parent| joined_rows(parent, &plan.include))
            .sum(),
    };
    // (The rows were counted against the run's bound as they were loaded.)
    Ok(count)
}

/// How many rows the JOINs make of one loaded instance: each include multiplies them by
/// its children's rows, or keeps one row of NULLs when there are none (LEFT JOIN).
fn joined_rows(instance: &InstanceRef, includes: &[IncludePlan]) -> usize {
    includes
        .iter()
        .map(|include| {
            let children = match instance.borrow().get(&include.as_name) {
                Some(Value::Array(items)) => items
                    .iter()
                    .filter_map(|item| match item {
                        Value::Instance(child) => Some(child.clone()),
                        _ => None,
                    })
                    .collect(),
                Some(Value::Instance(child)) => vec![child.clone()],
                _ => Vec::new(),
            };
            match children.is_empty() {
                true => usize::from(!include.required),
                false => children
                    .iter()
                    .map(|child| joined_rows(child, &include.children))
                    .sum(),
            }
        })
        .product()
}

/// The primary-key condition of `findByPk(key)`.
pub fn by_key(model: &Model, key: &Value) -> Option<Where> {
    let pk = model.primary_key_attribute()?;
    Some(Where::Compare {
        attribute: pk.to_string(),
        field: model.field_of(pk),
        op: CompareOp::Eq,
        value: WhereValue::One(literal_of(key)),
    })
}

/// Whether `findOne` leaves out its `LIMIT 1`: Sequelize does when a top-level key of
/// the `where` object is the primary key or a single-column unique attribute, compared
/// with a string, number or boolean.
pub fn is_unique_lookup(model: &Model, where_: Option<&Value>) -> bool {
    let Some(Value::Object(properties)) = where_ else {
        return false;
    };
    properties.iter().any(|(key, value)| {
        matches!(value, Value::Str(_) | Value::Number(_) | Value::Bool(_))
            && is_unique_single_column(model, key)
    })
}

fn is_unique_single_column(model: &Model, name: &str) -> bool {
    model.primary_key_attribute() == Some(name)
        || model
            .unique_keys()
            .iter()
            .any(|key| key.attributes == [name])
}

/// Whether a where is exactly "primary key = value" (findOne then adds no LIMIT).
pub fn is_primary_key_lookup(model: &Model, condition: &Option<Where>) -> bool {
    match (condition, model.primary_key_attribute()) {
        (
            Some(Where::Compare {
                attribute,
                op: CompareOp::Eq,
                value: WhereValue::One(_),
                ..
            }),
            Some(pk),
        ) => attribute == pk,
        _ => false,
    }
}
