//! Find options as a query plan: `where`, `attributes`, `include` in all its forms,
//! `order`, `limit`, `offset`, read from the snippet's values and checked against the
//! models as Sequelize checks them (its errors, word for word).

use crate::error::{ErrorName, SequelizeError};
use crate::plan::{
    CompareOp, FindPlan, IncludePlan, JsonCast, Literal, MissingColumn, Order, Renamed, Where,
    WhereValue,
};
use crate::runtime::RunResult;
use crate::schema::{Association, AssociationType, Model, ModelId, Schema};
use crate::sql::refusal::Clause;
use crate::value::{SqlExpr, Value};
use std::rc::Rc;

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
    parse_computed(value)?;
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
        // `_expandAttributes`: every attribute (virtual ones too) but the excluded,
        // then the included.
        Some(object @ Value::Object(_)) => {
            let excluded = names(object.get("exclude"));
            let virtuals = model
                .attributes
                .iter()
                .filter(|(_, a)| a.is_virtual())
                .map(|(name, _)| name.clone());
            let mut selected: Vec<String> = all
                .into_iter()
                .chain(virtuals)
                .filter(|a| !excluded.contains(a))
                .collect();
            selected.extend(names(object.get("include")));
            selected
        }
        Some(_) => all,
    };
    // `_injectDependentVirtualAttributes` drops repeated names, on a model with virtual
    // attributes only.
    let selected = match model.attributes.iter().any(|(_, a)| a.is_virtual()) {
        true => selected.into_iter().fold(Vec::new(), |mut unique, name| {
            if !unique.contains(&name) {
                unique.push(name);
            }
            unique
        }),
        false => selected,
    };
    Ok((selected, parse_renamed(value)))
}

/// The selected keys computed by SQL pieces: `[sequelize.fn('COUNT', col('id')), 'n']`
/// in `attributes` (the list, or its `include`).
pub fn parse_computed(value: Option<&Value>) -> RunResult<Vec<(String, Rc<SqlExpr>)>> {
    let list = match value {
        Some(list @ Value::Array(_)) => Some(list),
        Some(object @ Value::Object(_)) => object.get("include"),
        _ => None,
    };
    let Some(Value::Array(items)) = list else {
        return Ok(Vec::new());
    };
    let mut computed = Vec::new();
    for item in items {
        match item {
            Value::Str(_) => {}
            Value::Array(pair) => match (pair.first(), pair.get(1)) {
                (Some(Value::Str(_)), Some(Value::Str(_))) => {}
                (Some(Value::Sql(expr)), Some(Value::Str(alias))) => {
                    computed.push((alias.clone(), expr.clone()));
                }
                _ => return Err(unreadable_attribute()),
            },
            _ => return Err(unreadable_attribute()),
        }
    }
    Ok(computed)
}

fn unreadable_attribute() -> SequelizeError {
    SequelizeError::new(
        ErrorName::Error,
        "The playground reads an attribute as a name, ['name', 'alias'] or [sequelize.fn(…), 'alias']; this one it does not run yet",
    )
    .with_hint("give a computed attribute its alias: [sequelize.fn('COUNT', sequelize.col('id')), 'count']")
}

/// `group`: a name, a SQL piece, or a list of them.
fn parse_group(value: Option<&Value>) -> Vec<Value> {
    match value {
        None | Some(Value::Undefined) => Vec::new(),
        Some(Value::Array(items)) => items.clone(),
        Some(one) => vec![one.clone()],
    }
}

/// `Model.count` with `group` or `having` is not run yet: an error says so.
pub(super) fn unsupported_grouping(options: &Value) -> RunResult<()> {
    match ["group", "having"]
        .into_iter()
        .find(|o| options.get(o).is_some())
    {
        Some(option) => Err(SequelizeError::new(
            ErrorName::Error,
            format!("The playground does not run count() with the {option} option yet"),
        )
        .with_hint("findAll with attributes: ['key', [sequelize.fn('COUNT', sequelize.col('id')), 'count']] and group: ['key'] gives the same counts")),
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
) -> Option<MissingColumn> {
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

/// A selected column of `model` that does not exist, qualified or not, with the
/// attribute the learner probably meant.
fn column_error(model: &Model, qualifier: Option<&str>, name: &str) -> MissingColumn {
    let attributes: Vec<&str> = model.table_attributes().map(|(a, _)| a.as_str()).collect();
    let known = format!("{} has {}", model.name, attributes.join(", "));
    let hint = match crate::diagnostic::closest(name, attributes.iter().copied()) {
        Some(close) => format!("did you mean '{close}'? {known}"),
        None => known,
    };
    MissingColumn {
        qualifier: qualifier.map(str::to_string),
        name: name.to_string(),
        clause: Clause::Select,
        hint: Some(hint),
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
        "regexp" => CompareOp::Regexp,
        "notRegexp" => CompareOp::NotRegexp,
        "iRegexp" => CompareOp::IRegexp,
        "notIRegexp" => CompareOp::NotIRegexp,
        _ => return None,
    })
}

/// `{ name: 'Tom', age: { [Op.gt]: 3 }, [Op.or]: [...] }` resolved against `model`.
pub fn parse_where(model: &Model, value: &Value) -> RunResult<Option<Where>> {
    if let Value::Sql(expr) = value {
        return Ok(Some(Where::Sql(expr.clone())));
    }
    let Value::Object(props) = value else {
        return Ok(None);
    };
    let mut items = Vec::new();
    for (key, value) in props {
        if let Some(op) = key
            .strip_prefix("Symbol(")
            .and_then(|k| k.strip_suffix(')'))
        {
            let group: Vec<Where> = match value {
                Value::Array(parts) => parts
                    .iter()
                    .map(|p| parse_where(model, p))
                    .collect::<RunResult<Vec<_>>>()?
                    .into_iter()
                    .flatten()
                    .collect(),
                // An object's keys are the group's items (`_whereGroupBind` binds them
                // with the group's own OR or AND).
                other => match parse_where(model, other)? {
                    Some(Where::And(items)) => items,
                    Some(item) => vec![item],
                    None => Vec::new(),
                },
            };
            // Sequelize's `_whereGroupBind`: a group is parenthesized, even of one item;
            // an empty Op.or or Op.not keeps no row (`0 = 1`), an empty Op.and is left out.
            match op {
                "or" => items.push(Where::Or(group)),
                "and" if group.is_empty() => {}
                "and" => items.push(Where::Group(Box::new(Where::And(group)))),
                "not" if group.is_empty() => items.push(Where::Or(Vec::new())),
                "not" => items.push(Where::Not(Box::new(Where::And(group)))),
                other => {
                    return Err(SequelizeError::new(
                        ErrorName::Error,
                        format!("Op.{other} is not supported at the top of a where"),
                    ))
                }
            }
            continue;
        }
        // `'$pugs.age$'`: a column of an include (its model is known once the includes
        // are read: `resolve_nested`).
        if let Some(inner) = key.strip_prefix('$').and_then(|k| k.strip_suffix('$')) {
            if let Some((path, attribute)) = inner.rsplit_once('.') {
                items.push(Where::Nested {
                    path: path.split('.').map(str::to_string).collect(),
                    condition: Box::new(compare(model, attribute, value)?),
                });
                continue;
            }
        }
        // `'meta.user.id': 1`: a path inside a JSON column, as `{ meta: { user: { id: 1 } } }`.
        if let Some((column, path)) = key.split_once('.') {
            if is_json(model, column) {
                let nested = path.rsplit('.').fold(value.clone(), |inner, key| {
                    Value::Object(vec![(key.to_string(), inner)])
                });
                items.push(compare(model, column, &nested)?);
                continue;
            }
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

fn is_json(model: &Model, attribute: &str) -> bool {
    model
        .attribute(attribute)
        .and_then(|a| a.data_type.as_ref())
        .is_some_and(|t| matches!(t.key.as_str(), "JSON" | "JSONB"))
}

/// Conditions inside the JSON column `attribute`, as Sequelize's `_whereJSON` reads
/// `{ venue: { city: 'Oslo' }, seats: { [Op.gt]: 20 } }`: operators on the column itself,
/// then each path to a value or to operators; several are ANDed in parentheses.
fn json_where(model: &Model, attribute: &str, props: &[(String, Value)]) -> RunResult<Where> {
    let is_operator = |key: &str| key.starts_with("Symbol(");
    let mut items = Vec::new();
    let operators: Vec<(String, Value)> = props
        .iter()
        .filter(|(k, _)| is_operator(k))
        .cloned()
        .collect();
    if !operators.is_empty() {
        items.push(compare(model, attribute, &Value::Object(operators))?);
    }
    for (key, item) in props.iter().filter(|(k, _)| !is_operator(k)) {
        traverse_json(model, attribute, vec![key.clone()], item, &mut items)?;
    }
    Ok(match items.len() {
        1 => items.pop().expect("one item"),
        _ => Where::Group(Box::new(Where::And(items))),
    })
}

/// `_traverseJSON`: a plain object's operators compare the path, its other keys go
/// deeper; any other value is compared for equality.
fn traverse_json(
    model: &Model,
    attribute: &str,
    path: Vec<String>,
    item: &Value,
    items: &mut Vec<Where>,
) -> RunResult<()> {
    let Value::Object(props) = item else {
        items.push(json_compare(model, attribute, &path, CompareOp::Eq, item));
        return Ok(());
    };
    for (key, operand) in props {
        match key
            .strip_prefix("Symbol(")
            .and_then(|k| k.strip_suffix(')'))
        {
            Some(name) => {
                let op = op_of(name).ok_or_else(|| {
                    SequelizeError::plain(format!(
                        "The playground does not run Op.{name} on a path inside a JSON column yet"
                    ))
                })?;
                items.push(json_compare(model, attribute, &path, op, operand));
            }
            None => {
                let mut deeper = path.clone();
                deeper.push(key.clone());
                traverse_json(model, attribute, deeper, operand, items)?;
            }
        }
    }
    Ok(())
}

/// One comparison of a JSON path, cast by the value's type (`_getJsonCast`).
fn json_compare(
    model: &Model,
    attribute: &str,
    path: &[String],
    op: CompareOp,
    value: &Value,
) -> Where {
    let typed = match value {
        Value::Array(items) => items.first().unwrap_or(&Value::Null),
        other => other,
    };
    let cast = match typed {
        Value::Number(_) => JsonCast::Number,
        Value::Bool(_) => JsonCast::Boolean,
        _ => JsonCast::Text,
    };
    let (op, value) = match (op, value) {
        (CompareOp::Eq, Value::Null) => (CompareOp::Is, WhereValue::One(Literal::Null)),
        (CompareOp::Ne, Value::Null) => (CompareOp::IsNot, WhereValue::One(Literal::Null)),
        (CompareOp::Eq, Value::Array(items)) => (
            CompareOp::In,
            WhereValue::List(items.iter().map(literal_of).collect()),
        ),
        (op, Value::Array(items)) => (op, WhereValue::List(items.iter().map(literal_of).collect())),
        (op, other) => (op, WhereValue::One(literal_of(other))),
    };
    Where::Json {
        attribute: attribute.to_string(),
        field: model.field_of(attribute),
        path: path.to_vec(),
        cast,
        op,
        value,
    }
}

fn compare(model: &Model, attribute: &str, value: &Value) -> RunResult<Where> {
    if matches!(value, Value::Undefined) {
        return Err(SequelizeError::plain(format!(
            "WHERE parameter \"{attribute}\" has invalid \"undefined\" value"
        ))
        .with_hint(format!(
            "{attribute} is undefined here: give it a value, or leave it out of the where"
        )));
    }
    // `{ meta: { user: { plan: 'pro' } } }`: a path inside a JSON column.
    if let Value::Object(props) = value {
        if is_json(model, attribute) && props.iter().any(|(k, _)| !k.starts_with("Symbol(")) {
            return json_where(model, attribute, props);
        }
    }
    let field = model.field_of(attribute);
    let date_only = model
        .attribute(attribute)
        .and_then(|a| a.data_type.as_ref())
        .is_some_and(|t| t.key == "DATEONLY");
    let floating = model
        .attribute(attribute)
        .and_then(|a| a.data_type.as_ref())
        .is_some_and(|t| matches!(t.key.as_str(), "FLOAT" | "DOUBLE" | "REAL"));
    // The attribute type's `stringify`, as Sequelize's `escape` calls it: a DATEONLY's
    // day, a FLOAT's number quoted (`'8.45'`, as in an INSERT).
    let literal_of = |value: &Value| match value {
        Value::Date(_) | Value::Str(_) if date_only => {
            literal_of(&crate::runtime::date_only(value.clone()))
        }
        Value::Number(n) if floating && n.is_finite() => Literal::Str(crate::js::format_number(*n)),
        other => literal_of(other),
    };
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
            (op, Value::Sql(expr)) => (op, WhereValue::Sql(expr.clone())),
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
                // `{ [Op.col]: 'away' }`: equal to another column.
                if let ("col", Value::Str(column)) = (name, operand) {
                    let column = Value::Sql(Rc::new(SqlExpr::Col(column.clone())));
                    parts.push(make(CompareOp::Eq, &column));
                    continue;
                }
                // `{ age: { [Op.or]: [1, 2] } }`, `{ name: { [Op.or]: { [Op.like]: 'A%',
                // [Op.eq]: 'Cy' } } }`: each item or operator on the same attribute.
                if matches!(name, "or" | "and") {
                    let items = match operand {
                        Value::Array(list) => list
                            .iter()
                            .map(|item| compare(model, attribute, item))
                            .collect::<RunResult<Vec<_>>>()?,
                        Value::Object(props) => props
                            .iter()
                            .map(|pair| {
                                compare(model, attribute, &Value::Object(vec![pair.clone()]))
                            })
                            .collect::<RunResult<Vec<_>>>()?,
                        other => vec![compare(model, attribute, other)?],
                    };
                    parts.push(match name {
                        "or" => Where::Or(items),
                        _ => Where::Group(Box::new(Where::And(items))),
                    });
                    continue;
                }
                // `[Op.not]: 5` is `!= 5`, `[Op.not]: [1, 2]` NOT IN; IS NOT is for NULL
                // and booleans.
                let name = match (name, operand) {
                    ("not", Value::Array(_)) => "notIn",
                    ("not", Value::Null | Value::Bool(_)) => "not",
                    ("not", _) => "ne",
                    (name, _) => name,
                };
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
        // A plain object as a value (Sequelize 4's `{ $gt: 5 }`, which v6 no longer reads
        // as an operator), as v6 escapes it: a number type's stringify writes
        // '[object Object]'; any other type's escape refuses it.
        Value::Object(_) => match is_numeric(model, attribute) {
            true => Ok(make(CompareOp::Eq, &Value::Str("[object Object]".into()))),
            false => Err(invalid_value(value)),
        },
        Value::Array(items) if items.iter().any(|i| matches!(i, Value::Object(_))) => {
            match is_numeric(model, attribute) {
                true => {
                    let strings: Vec<Value> = items
                        .iter()
                        .map(|i| match i {
                            Value::Object(_) => Value::Str("[object Object]".into()),
                            other => other.clone(),
                        })
                        .collect();
                    Ok(make(CompareOp::Eq, &Value::Array(strings)))
                }
                false => {
                    let first = items.iter().find(|i| matches!(i, Value::Object(_)));
                    Err(invalid_value(first.unwrap_or(value)))
                }
            }
        }
        other => Ok(make(CompareOp::Eq, other)),
    }
}

/// Whether `attribute`'s type stringifies a value as a number type does.
fn is_numeric(model: &Model, attribute: &str) -> bool {
    let key = model
        .attribute(attribute)
        .and_then(|a| a.data_type.as_ref())
        .map_or("", |t| t.key.as_str());
    super::group::as_attribute_number(key, 0.0).is_some()
}

/// sql-string's refusal of an object it cannot escape: `Invalid value { '$like': 'R%' }`.
fn invalid_value(value: &Value) -> SequelizeError {
    let text = crate::inspect::inspect(&shape_of(value), &crate::inspect::Options::default());
    let operator = match value {
        Value::Object(props) => props.first().map(|(k, _)| k.clone()),
        _ => None,
    };
    let error = SequelizeError::new(ErrorName::Error, format!("Invalid value {text}"));
    match operator.filter(|k| k.starts_with('$')) {
        Some(key) => error.with_hint(format!(
            "Sequelize 6 reads operators as symbols: write [Op.{}] instead of {key} (const {{ Op }} = require('sequelize'))",
            key.trim_start_matches('$')
        )),
        None => error.with_hint("a condition's value is a value or an object of operators ([Op.gt]: 5)"),
    }
}

/// A plain value as `util.inspect` sees it.
fn shape_of(value: &Value) -> crate::inspect::Shape {
    use crate::inspect::{Key, Shape};
    match value {
        Value::Null => Shape::Null,
        Value::Bool(b) => Shape::Bool(*b),
        Value::Number(n) => Shape::Number(*n),
        Value::Str(s) => Shape::String(s.clone()),
        Value::Array(items) => Shape::Array {
            items: items.iter().map(|i| Some(shape_of(i))).collect(),
            props: Vec::new(),
        },
        Value::Object(props) => Shape::Object {
            class: Some("Object".into()),
            props: props
                .iter()
                .map(|(k, v)| {
                    let key = match k.strip_prefix("Symbol(").and_then(|k| k.strip_suffix(')')) {
                        Some(name) => Key::Symbol(name.to_string()),
                        None => Key::Str(k.clone()),
                    };
                    (key, shape_of(v))
                })
                .collect(),
        },
        _ => Shape::Undefined,
    }
}

/// The first attribute a condition names that `model` does not have: the database
/// answers `column owner.nmae does not exist` (with `alias`, in `dialect`'s words) once
/// the SQL is sent.
pub fn unknown_column(
    model: &Model,
    condition: Option<&Where>,
    alias: Option<&str>,
    dialect: crate::sql::Dialect,
) -> RunResult<()> {
    fn first<'w>(model: &Model, condition: &'w Where) -> Option<&'w str> {
        match condition {
            Where::And(items) | Where::Or(items) => items.iter().find_map(|i| first(model, i)),
            Where::Group(inner) | Where::Not(inner) => first(model, inner),
            Where::Nested { .. } | Where::Sql(_) => None,
            Where::Compare { attribute, .. } | Where::Json { attribute, .. } => {
                (!model.has_attribute(attribute)).then_some(attribute.as_str())
            }
        }
    }
    match condition.and_then(|c| first(model, c)) {
        Some(name) => Err(MissingColumn {
            qualifier: alias.map(str::to_string),
            name: name.to_string(),
            clause: Clause::Where,
            hint: None,
        }
        .error(dialect)),
        None if dialect == crate::sql::Dialect::Postgres => match condition {
            Some(condition) => mistyped_comparison(model, condition),
            None => Ok(()),
        },
        None => Ok(()),
    }
}

/// The first attribute of the model's own `order` terms it does not have: the
/// database refuses the ORDER BY (`column pug.nmae does not exist`).
pub fn unknown_order_column(
    model: &Model,
    order: &[crate::plan::Order],
    dialect: crate::sql::Dialect,
) -> RunResult<()> {
    let unknown = order
        .iter()
        .find(|o| o.path.is_empty() && o.expr.is_none() && !model.has_attribute(&o.attribute));
    match unknown {
        Some(order) => Err(MissingColumn {
            qualifier: Some(model.name.clone()),
            name: order.field.clone(),
            clause: Clause::Order,
            hint: None,
        }
        .error(dialect)),
        None => Ok(()),
    }
}

/// PostgreSQL's refusal of a comparison whose value its column's type cannot take
/// (`"id" = 'abc'`, `"name" = 5`). MySQL and SQLite convert, and match no row.
fn mistyped_comparison(model: &Model, condition: &Where) -> RunResult<()> {
    use crate::sql::refusal;
    let refused = |message| {
        Err(SequelizeError::new(
            ErrorName::SequelizeDatabaseError,
            message,
        ))
    };
    match condition {
        Where::And(items) | Where::Or(items) => {
            items.iter().try_for_each(|i| mistyped_comparison(model, i))
        }
        Where::Group(inner) | Where::Not(inner) => mistyped_comparison(model, inner),
        Where::Nested { .. } | Where::Sql(_) | Where::Json { .. } => Ok(()),
        Where::Compare {
            attribute,
            op,
            value,
            ..
        } => {
            let Some(data_type) = model
                .attribute(attribute)
                .and_then(|a| a.data_type.as_ref())
            else {
                return Ok(());
            };
            let key = data_type.key.as_str();
            // PostgreSQL reads the value as the column's enum type.
            if key == "ENUM" {
                let literals = match value {
                    WhereValue::One(literal) => std::slice::from_ref(literal),
                    WhereValue::List(items) => items.as_slice(),
                    WhereValue::Sql(_) => &[],
                };
                let outside = literals.iter().find_map(|l| match l {
                    Literal::Str(text) if !data_type.values.contains(text) => Some(text),
                    _ => None,
                });
                if let (Some(text), false) = (outside, op.is_regexp()) {
                    let field = model.field_of(attribute);
                    return refused(format!(
                        "invalid input value for enum \"enum_{}_{field}\": \"{text}\"",
                        model.table_name
                    ));
                }
                return Ok(());
            }
            let Some(type_name) = refusal::postgres_type_name(key) else {
                return Ok(());
            };
            let literals = match value {
                WhereValue::One(literal) => std::slice::from_ref(literal),
                WhereValue::List(items) => items.as_slice(),
                WhereValue::Sql(_) => &[],
            };
            let textual = matches!(key, "STRING" | "CHAR" | "TEXT");
            for literal in literals {
                match literal {
                    Literal::Str(text) if !textual && !postgres_reads(key, text) => {
                        return refused(refusal::postgres_bad_input(type_name, text));
                    }
                    Literal::Number(n)
                        if textual
                            && !matches!(
                                op,
                                CompareOp::Like
                                    | CompareOp::NotLike
                                    | CompareOp::ILike
                                    | CompareOp::NotILike
                            ) =>
                    {
                        let sql_op = match op {
                            CompareOp::In | CompareOp::Eq => "=",
                            CompareOp::NotIn | CompareOp::Ne => "<>",
                            other => other.sql(),
                        };
                        return refused(refusal::postgres_no_operator(type_name, sql_op, *n));
                    }
                    _ => {}
                }
            }
            Ok(())
        }
    }
}

/// Whether PostgreSQL reads `text` as a value of the Sequelize type `key`.
pub fn postgres_reads(key: &str, text: &str) -> bool {
    let text = text.trim();
    match key {
        "INTEGER" | "MEDIUMINT" | "BIGINT" | "SMALLINT" | "TINYINT" => text.parse::<i64>().is_ok(),
        "FLOAT" | "DOUBLE" | "REAL" | "DECIMAL" | "NUMERIC" => text.parse::<f64>().is_ok(),
        "BOOLEAN" => matches!(
            text.to_ascii_lowercase().as_str(),
            "t" | "true" | "y" | "yes" | "on" | "1" | "f" | "false" | "n" | "no" | "off" | "0"
        ),
        "UUID" => is_uuid_text(text),
        _ => true,
    }
}

/// Whether `text` is a UUID as PostgreSQL reads one (hex digits, in 8-4-4-4-12 or not).
fn is_uuid_text(text: &str) -> bool {
    let digits: Vec<char> = text.chars().filter(|c| *c != '-').collect();
    digits.len() == 32 && digits.iter().all(char::is_ascii_hexdigit)
}

/// `include: { all: true, nested }`: every association of `source`, and with `nested`
/// theirs in turn, skipping a model already on the way (Sequelize's
/// `_expandIncludeAll`, whose `used` list of parents this keeps as it does: a parent is
/// pushed for each association it includes and popped once, when its turn ends).
fn include_all(
    schema: &Schema,
    source: ModelId,
    nested: bool,
    used: &mut Vec<ModelId>,
) -> Vec<IncludePlan> {
    let mut includes: Vec<IncludePlan> = Vec::new();
    for association in &schema.model(source).associations {
        let target = association.target;
        if includes
            .iter()
            .any(|i| i.model == target && i.as_name == association.as_name)
        {
            continue;
        }
        if nested && used.contains(&target) {
            continue;
        }
        used.push(source);
        let mut include = plain_include(schema, association.clone());
        if nested {
            include.children = include_all(schema, target, nested, used);
        }
        includes.push(include);
    }
    used.pop();
    includes
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
                let nested = object.get("nested").is_some_and(Value::truthy);
                return Ok(include_all(schema, source, nested, &mut Vec::new()));
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
        plan.computed = parse_computed(options.get("attributes"))?;
        plan.missing_attribute = missing_attribute(target, options.get("attributes"));
        plan.where_ = match options.get("where") {
            Some(w) => parse_where(target, w)?,
            None => None,
        };
        plan.required = match options.get("required") {
            Some(Value::Bool(b)) => *b,
            _ => plan.where_.is_some(),
        };
        plan.where_ = with_association_scope(schema, &plan.association, plan.where_.take());
        plan.where_ = with_paranoid_clause(target, plan.where_.take(), Some(options));
        let limit = as_count(options.get("limit"));
        // `_validateIncludedElements`: a limit makes the include separate.
        plan.separate = match options.get("separate") {
            None | Some(Value::Undefined) => limit.is_some(),
            Some(separate) => separate.truthy(),
        };
        if plan.separate && plan.association.kind != AssociationType::HasMany {
            return Err(SequelizeError::plain(
                "Only HasMany associations support include.separate",
            )
            .with_hint(match limit {
                Some(_) => "a limit on an include makes it separate: only a hasMany include takes one; take the first rows in your code",
                None => "leave separate out of this include: only a hasMany include is loaded separately",
            }));
        }
        if let Some(duplicating) = options.get("duplicating") {
            plan.duplicating = duplicating.truthy();
        }
        plan.right = !plan.required && options.get("right").is_some_and(Value::truthy);
        if let Some(through) = options.get("through") {
            if let Some(join) = plan.association.through {
                let join = schema.model(join);
                let attributes = parse_attributes(join, through.get("attributes"))?.0;
                // Shown as chosen; `log` selects the join's keys too.
                plan.through_attributes = attributes;
                plan.through_where = match through.get("where") {
                    Some(w) => parse_where(join, w)?,
                    None => None,
                };
            }
        }
        if let Some(children) = options.get("include") {
            plan.children = parse_includes(schema, plan.model, children)?;
        }
        if plan.separate {
            plan.separate_order =
                parse_order(schema, plan.model, options.get("order"), &plan.children)?;
            plan.separate_window = (limit, as_count(options.get("offset")));
        }
    }
    Ok(vec![plan])
}

/// A belongsToMany getter's include of the join model: the association Sequelize
/// names `oneFromTarget` (the target hasOne the join model, under the join model's
/// name), required, on `link`, showing `attributes`.
pub fn join_model_include(
    schema: &Schema,
    association: &Association,
    link: Where,
    attributes: Vec<String>,
) -> IncludePlan {
    let join = association.through.expect("join model");
    let join_model = schema.model(join);
    let mut one_from_target = association.clone();
    one_from_target.kind = AssociationType::HasOne;
    one_from_target.source = association.target;
    one_from_target.target = join;
    one_from_target.as_name = join_model.name.clone();
    one_from_target.is_aliased = false;
    one_from_target.foreign_key = association.other_key.clone().unwrap_or_default();
    one_from_target.source_key = association.target_key.clone();
    one_from_target.other_key = None;
    one_from_target.through = None;
    one_from_target.accessors.clear();
    let mut include = plain_include(schema, one_from_target);
    include.required = true;
    include.where_ = with_paranoid_clause(join_model, Some(link), None);
    include.attributes = attributes;
    include
}

/// The values of an association's `scope` (`{ commentableType: 'image' }`).
pub fn scope_values(association: &Association) -> Vec<(String, Value)> {
    (association.options.scope.iter())
        .map(|(k, v)| (k.clone(), crate::value::from_json(v.clone())))
        .collect()
}

/// An include's `where` with its association's scope after it, as Sequelize's
/// `_validateIncludedElement` adds it (`{ [Op.and]: [include.where, scope] }`).
fn with_association_scope(
    schema: &Schema,
    association: &Association,
    condition: Option<Where>,
) -> Option<Where> {
    let target = schema.model(association.target);
    let mut scope: Vec<Where> = scope_values(association)
        .iter()
        .map(|(attribute, value)| Where::Compare {
            attribute: attribute.clone(),
            field: target.field_of(attribute),
            op: CompareOp::Eq,
            value: WhereValue::One(literal_of(value)),
        })
        .collect();
    let scope = match scope.len() {
        0 => return condition,
        1 => scope.remove(0),
        _ => Where::And(scope),
    };
    Some(match condition {
        None => scope,
        Some(own) => Where::Group(Box::new(Where::And(vec![own, scope]))),
    })
}

fn plain_include(schema: &Schema, association: Association) -> IncludePlan {
    let model = association.target;
    let scoped = with_association_scope(schema, &association, None);
    let duplicating = association.kind.is_multiple();
    IncludePlan {
        through_attributes: association
            .through
            .map(|j| all_attributes(schema.model(j)))
            .unwrap_or_default(),
        attributes: all_attributes(schema.model(model)),
        through_where: None,
        renamed: Vec::new(),
        computed: Vec::new(),
        as_name: association.as_name.clone(),
        association,
        model,
        required: false,
        where_: with_paranoid_clause(schema.model(model), scoped, None),
        children: Vec::new(),
        separate: false,
        separate_order: Vec::new(),
        separate_window: (None, None),
        duplicating,
        must_be_empty: false,
        raw: false,
        missing_attribute: None,
        right: false,
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

pub fn parse_order(
    schema: &Schema,
    model: ModelId,
    value: Option<&Value>,
    includes: &[IncludePlan],
) -> RunResult<Vec<Order>> {
    let items = match value {
        Some(Value::Array(items)) => items.clone(),
        // `order: sequelize.literal('age DESC')`.
        Some(one @ Value::Sql(_)) => vec![one.clone()],
        _ => return Ok(Vec::new()),
    };
    let mut orders = Vec::new();
    for item in &items {
        let parts: Vec<Value> = match item {
            Value::Array(parts) => parts.clone(),
            Value::Str(_) | Value::Sql(_) => vec![item.clone()],
            _ => continue,
        };
        if let Some(Value::Sql(expr)) = parts.first() {
            orders.push(Order {
                selected_as: None,
                path: Vec::new(),
                field: String::new(),
                direction: direction_of(parts.get(1)),
                attribute: String::new(),
                expr: Some(expr.clone()),
            });
            continue;
        }
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
        let direction = direction_of(rest.get(1));
        let field = schema.model(current).field_of(&attribute);
        orders.push(Order {
            selected_as: None,
            path,
            field,
            direction,
            attribute,
            expr: None,
        });
    }
    Ok(orders)
}

/// An order's direction after its attribute (`'DESC'`, `'desc'`, `'ASC NULLS LAST'`), in
/// capitals as Sequelize writes it (its `validOrderOptions`).
fn direction_of(value: Option<&Value>) -> Option<&'static str> {
    const DIRECTIONS: &[&str] = &[
        "ASC",
        "DESC",
        "ASC NULLS LAST",
        "DESC NULLS LAST",
        "ASC NULLS FIRST",
        "DESC NULLS FIRST",
        "NULLS FIRST",
        "NULLS LAST",
    ];
    let written = value.and_then(Value::as_str)?.trim().to_uppercase();
    let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(
        DIRECTIONS
            .iter()
            .find(|d| **d == written)
            .copied()
            .unwrap_or("ASC"),
    )
}

/// A find's `lock`: `true`, a level (`t.LOCK.UPDATE`, `'SHARE'`) or `{ level }`, as the
/// lock clause Sequelize writes for PostgreSQL.
fn lock_of(value: Option<&Value>) -> Option<&'static str> {
    let level = match value? {
        Value::Object(_) => value?.get("level")?.as_str()?.to_string(),
        Value::Str(level) => level.clone(),
        other if other.truthy() => "UPDATE".into(),
        _ => return None,
    };
    Some(match level.as_str() {
        "SHARE" => "FOR SHARE",
        "KEY SHARE" => "FOR KEY SHARE",
        "NO KEY UPDATE" => "FOR NO KEY UPDATE",
        _ => "FOR UPDATE",
    })
}

fn as_count(value: Option<&Value>) -> Option<u64> {
    match value {
        Some(Value::Number(n)) if *n >= 0.0 => Some(*n as u64),
        Some(Value::Str(text)) => text.trim().parse().ok(),
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

/// Gives each `'$path.attribute$'` condition its include's column (its field), found
/// by following the path's aliases through `includes`.
fn resolve_nested(schema: &Schema, includes: &[IncludePlan], condition: &mut Where) {
    fn rename(model: &Model, condition: &mut Where) {
        match condition {
            Where::And(items) | Where::Or(items) => items.iter_mut().for_each(|i| rename(model, i)),
            Where::Group(inner) | Where::Not(inner) => rename(model, inner),
            Where::Nested { .. } | Where::Sql(_) => {}
            Where::Compare {
                attribute, field, ..
            }
            | Where::Json {
                attribute, field, ..
            } => *field = model.field_of(attribute),
        }
    }
    match condition {
        Where::And(items) | Where::Or(items) => items
            .iter_mut()
            .for_each(|i| resolve_nested(schema, includes, i)),
        Where::Group(inner) | Where::Not(inner) => resolve_nested(schema, includes, inner),
        Where::Compare { .. } | Where::Sql(_) | Where::Json { .. } => {}
        Where::Nested { path, condition } => {
            let mut scope = includes;
            let mut model = None;
            for alias in path.iter() {
                match scope.iter().find(|i| i.as_name == *alias) {
                    Some(include) => {
                        model = Some(include.model);
                        scope = &include.children;
                    }
                    None => return,
                }
            }
            if let Some(model) = model {
                rename(schema.model(model), condition);
            }
        }
    }
}

/// Reads find options into a plan.
pub fn plan(schema: &Schema, model: ModelId, options: Option<&Value>) -> RunResult<FindPlan> {
    let empty = Value::Object(Vec::new());
    let options = options.unwrap_or(&empty);
    let target = schema.model(model);
    let include = match options.get("include") {
        Some(value) => parse_includes(schema, model, value)?,
        None => Vec::new(),
    };
    let where_ = match options.get("where") {
        Some(value) => parse_where(target, value)?,
        None => None,
    };
    let mut where_ = with_paranoid_clause(target, where_, Some(options));
    if let Some(condition) = &mut where_ {
        resolve_nested(schema, &include, condition);
    }
    let joins = include.iter().any(|i| !i.separate);
    let missing_column = missing_attribute(target, options.get("attributes"))
        .map(|name| column_error(target, joins.then_some(target.name.as_str()), &name))
        .or_else(|| missing_in_includes(schema, &include, ""));
    let (attributes, renamed) = parse_attributes(target, options.get("attributes"))?;
    let mut include = include;
    if options.get("raw").is_some_and(Value::truthy) {
        fn mark_raw(includes: &mut [IncludePlan]) {
            for include in includes {
                include.raw = true;
                mark_raw(&mut include.children);
            }
        }
        mark_raw(&mut include);
    }
    let computed = parse_computed(options.get("attributes"))?;
    let mut order = parse_order(schema, model, options.get("order"), &include)?;
    for order in order.iter_mut().filter(|o| o.path.is_empty()) {
        // An order by the very fn object an attribute selects names its alias
        // (getQueryOrders compares them with ===).
        let same_piece =
            |piece: &Rc<SqlExpr>| order.expr.as_ref().is_some_and(|e| Rc::ptr_eq(e, piece));
        if let Some((alias, _)) = computed.iter().find(|(_, piece)| same_piece(piece)) {
            order.expr = Some(Rc::new(SqlExpr::Col(alias.clone())));
        }
    }
    for order in order
        .iter_mut()
        .filter(|o| o.path.is_empty() && o.expr.is_none())
    {
        // An order by a selected key's alias is written bare (`ORDER BY "n" DESC`).
        let computed_alias = computed.iter().any(|(alias, _)| *alias == order.attribute);
        let renamed_source = renamed
            .iter()
            .find(|(alias, _)| *alias == order.attribute)
            .filter(|_| !target.has_attribute(&order.attribute))
            .map(|(_, source)| source.clone());
        if computed_alias {
            order.expr = Some(Rc::new(SqlExpr::Col(order.attribute.clone())));
        } else if let Some(source) = renamed_source {
            // Written as the alias, sorted by the column it renames.
            order.selected_as = Some(order.attribute.clone());
            order.field = target.field_of(&source);
            order.attribute = source;
        } else if let Some((alias, _)) = renamed
            .iter()
            .find(|(_, source)| *source == order.attribute)
        {
            // An order by an attribute selected under an alias names the alias, as
            // Sequelize's getQueryOrders does (`['year', 'released']` → `"released"`).
            order.selected_as = Some(alias.clone());
        } else if attributes.contains(&order.attribute)
            && target.field_of(&order.attribute) != order.attribute
        {
            // A column selected under its attribute's name (`"published_at" AS
            // "publishedAt"`, underscored) is ordered by that name too.
            order.selected_as = Some(order.attribute.clone());
        }
    }
    let having = match options.get("having") {
        Some(value) => parse_where(target, value)?,
        None => None,
    };
    Ok(FindPlan {
        model,
        missing_column,
        attributes,
        renamed,
        computed,
        unaliased: Vec::new(),
        group: parse_group(options.get("group")),
        having,
        order,
        where_,
        include,
        limit: as_count(options.get("limit")),
        offset: as_count(options.get("offset")),
        sub_query: !matches!(options.get("subQuery"), Some(Value::Bool(false))),
        window_quoted: (
            matches!(options.get("limit"), Some(Value::Str(_))),
            matches!(options.get("offset"), Some(Value::Str(_))),
        ),
        lock: lock_of(options.get("lock")),
        raw: match (
            options.get("raw").is_some_and(Value::truthy),
            options.get("nest").is_some_and(Value::truthy),
        ) {
            (false, _) => crate::plan::Raw::Instances,
            (true, false) => crate::plan::Raw::Flat,
            (true, true) => crate::plan::Raw::Nested,
        },
    })
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
