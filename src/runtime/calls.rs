//! The runtime's entry points for the interpreter: a model's or an instance's method
//! called with the snippet's evaluated arguments, and an instance's properties read and
//! set. What each call does (the SQL it logs, the rows it reads or writes, its value)
//! is decided here and below; the interpreter only evaluates and dispatches.

/// `sequelize.query(…)` of a SELECT.
pub use super::find::{is_run, raw_query};
/// Scopes merged as Sequelize merges them, for the interpreter's scoped models.
pub use super::scopes::{combine as combine_scopes, inject as inject_scope};
use super::{accessors, find, write, RunResult, Runtime};
use crate::error::{ErrorName, SequelizeError};
use crate::plan::FindPlan;
use crate::schema::Schema;
use crate::sql::Dialect;
use crate::value::{InstanceRef, Value};

/// The model methods that run on the store (`Model.findAll`, …).
pub use super::validate::is_built_in as is_built_in_validator;
pub use super::validate::FunctionFailure;

pub const MODEL_METHODS: &[&str] = &[
    "create",
    "findOrCreate",
    "findOrBuild",
    "findCreateFind",
    "upsert",
    "bulkCreate",
    "build",
    "findAll",
    "findOne",
    "findByPk",
    "count",
    "findAndCountAll",
    "sync",
    "destroy",
    "update",
    "increment",
    "decrement",
    "sum",
    "max",
    "min",
    "aggregate",
    "truncate",
    "drop",
];

/// A SQL piece's text as Sequelize writes it into PostgreSQL's SQL (a column's
/// `defaultValue: sequelize.literal(…)`).
pub fn sql_of(piece: &crate::value::SqlExpr) -> String {
    super::log::expr_sql(piece)
}

/// `rejectOnEmpty: true`: a find that finds nothing rejects.
fn rejects_on_empty(options: Option<&Value>) -> bool {
    options
        .and_then(|o| o.get("rejectOnEmpty"))
        .is_some_and(Value::truthy)
}

/// Sequelize's `EmptyResultError`, whose message is empty.
fn empty_result() -> crate::error::SequelizeError {
    crate::error::SequelizeError::new(crate::error::ErrorName::SequelizeEmptyResultError, "")
        .with_hint("rejectOnEmpty: true rejects a find that finds nothing")
}

/// `findOrBuild(options)` and `findCreateFind(options)`: `findOne`, and when it finds
/// nothing the record of `defaults` and `where`'s values built, or created (a unique
/// violation finds again). Resolves to `[instance, made]`.
fn find_then_make(
    rt: &mut Runtime,
    schema: &Schema,
    id: usize,
    method: &str,
    options: Option<&Value>,
) -> RunResult<Value> {
    let Some(options) = options.filter(|o| o.get("where").is_some()) else {
        return Err(crate::error::SequelizeError::plain(format!(
            "Missing where attribute in the options parameter passed to {method}."
        )));
    };
    let find_one =
        |rt: &mut Runtime| model_call(rt, schema, id, "findOne", std::slice::from_ref(options));
    let found = find_one(rt)?;
    if !matches!(found, Value::Null) {
        return Ok(Value::Array(vec![found, Value::Bool(false)]));
    }
    // `Utils.defaults(defaults, where)`: the where's plain values under the defaults.
    let mut values = match options.get("defaults") {
        Some(Value::Object(defaults)) => defaults.clone(),
        _ => Vec::new(),
    };
    if let Some(Value::Object(conditions)) = options.get("where") {
        for (key, value) in conditions {
            let plain = !matches!(value, Value::Object(_) | Value::Array(_) | Value::Undefined);
            if plain && !values.iter().any(|(k, _)| k == key) {
                values.push((key.clone(), value.clone()));
            }
        }
    }
    let values = Value::Object(values);
    if method == "findOrBuild" {
        let built = write::build(rt, schema, id, &values, &[]).into_ref();
        return Ok(Value::Array(vec![
            Value::Instance(built),
            Value::Bool(true),
        ]));
    }
    match write::create(rt, schema, id, &values, None) {
        Ok(created) => Ok(Value::Array(vec![
            Value::Instance(created),
            Value::Bool(true),
        ])),
        Err(error) if error.name == crate::error::ErrorName::SequelizeUniqueConstraintError => {
            Ok(Value::Array(vec![find_one(rt)?, Value::Bool(false)]))
        }
        Err(error) => Err(error),
    }
}

/// `Model.method(...values)` for one of [`MODEL_METHODS`]: the value its promise
/// resolves to.
pub fn model_call(
    rt: &mut Runtime,
    schema: &Schema,
    id: usize,
    method: &str,
    values: &[Value],
) -> RunResult<Value> {
    let first = values.first();
    match method {
        "create" => {
            let empty = Value::Object(Vec::new());
            let instance = write::create(rt, schema, id, first.unwrap_or(&empty), values.get(1))?;
            Ok(Value::Instance(instance))
        }
        "bulkCreate" => {
            let records = match first {
                Some(Value::Array(records)) => records.clone(),
                _ => Vec::new(),
            };
            let includes = includes_of(schema, id, values.get(1))?;
            let created = write::bulk_create(rt, schema, id, &records, values.get(1), &includes)?;
            Ok(Value::Array(
                created.into_iter().map(Value::Instance).collect(),
            ))
        }
        "findOrCreate" => write::find_or_create(rt, schema, id, first),
        "findOrBuild" | "findCreateFind" => find_then_make(rt, schema, id, method, first),
        "upsert" => write::upsert(rt, schema, id, first.unwrap_or(&Value::Object(Vec::new()))),
        "build" => {
            let empty = Value::Object(Vec::new());
            let includes = includes_of(schema, id, values.get(1))?;
            Ok(Value::Instance(
                write::build(rt, schema, id, first.unwrap_or(&empty), &includes).into_ref(),
            ))
        }
        "findAll" => {
            let plan = find::plan(schema, id, first)?;
            let found = find::find(rt, schema, &plan)?;
            if found.is_empty() && rejects_on_empty(first) {
                return Err(empty_result());
            }
            let answer = find::answer(&plan, found, rt.dialect());
            // `plain: true` (as an association's count asks): the first row, or null.
            if first.is_some_and(|o| o.get("plain").is_some_and(Value::truthy)) {
                return Ok(answer.into_iter().next().unwrap_or(Value::Null));
            }
            Ok(Value::Array(answer))
        }
        "findOne" | "findByPk" => {
            // `findByPk(null)`, `findByPk(undefined)`: null, with no query.
            if method == "findByPk" && matches!(first, None | Some(Value::Null | Value::Undefined))
            {
                return Ok(Value::Null);
            }
            let mut plan: FindPlan = if method == "findByPk" {
                let mut plan = find::plan(schema, id, values.get(1))?;
                plan.where_ = find::by_key(schema.model(id), first.unwrap_or(&Value::Null));
                plan
            } else {
                find::plan(schema, id, first)?
            };
            let unique = if method == "findByPk" {
                find::is_primary_key_lookup(schema.model(id), &plan.where_)
            } else {
                find::is_unique_lookup(schema.model(id), first.and_then(|o| o.get("where")))
            };
            // Sequelize adds it when `limit` is undefined (a getter's `limit: null` stays).
            let limit_given = method == "findOne"
                && first.is_some_and(|o| !matches!(o.get("limit"), None | Some(Value::Undefined)));
            if plan.limit.is_none() && !unique && !limit_given {
                plan.limit = Some(1);
            }
            let found = find::find(rt, schema, &plan)?;
            let options = if method == "findByPk" {
                values.get(1)
            } else {
                first
            };
            match find::answer(&plan, found, rt.dialect()).into_iter().next() {
                Some(one) => Ok(one),
                None if rejects_on_empty(options) => Err(empty_result()),
                None => Ok(Value::Null),
            }
        }
        "destroy" => Ok(Value::Number(
            write::destroy_where(rt, schema, id, first)? as f64
        )),
        "update" => {
            let empty = Value::Object(Vec::new());
            let updated =
                write::update_where(rt, schema, id, first.unwrap_or(&empty), values.get(1))?;
            let count = Value::Number(updated.count as f64);
            Ok(Value::Array(match updated.rows {
                Some(rows) => vec![
                    count,
                    Value::Array(rows.into_iter().map(Value::Instance).collect()),
                ],
                // MySQL and SQLite have no RETURNING: Sequelize answers
                // `[undefined, count]` when it was asked for.
                None if returning_asked(values.get(1)) && rt.dialect() != Dialect::Postgres => {
                    vec![Value::Undefined, count]
                }
                None => vec![count],
            }))
        }
        "truncate" => {
            write::truncate(rt, schema, id, first)?;
            Ok(Value::Undefined)
        }
        "drop" => {
            write::drop_model(rt, schema, id, cascades(first))?;
            Ok(Value::Undefined)
        }
        "increment" | "decrement" => {
            write::increment_where(rt, schema, id, values, method == "decrement")
        }
        "sum" | "max" | "min" => {
            let field = first
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            find::aggregate(rt, schema, id, &field, method, values.get(1))
        }
        "aggregate" => {
            let field = first
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let function = values
                .get(1)
                .and_then(Value::as_str)
                .unwrap_or("count")
                .to_string();
            find::aggregate(rt, schema, id, &field, &function, values.get(2))
        }
        "count" if first.is_some_and(|o| o.get("group").is_some()) => {
            find::count_grouped(rt, schema, id, first.expect("options"))
        }
        "count" => Ok(Value::Number(find::count(rt, schema, id, first)? as f64)),
        "findAndCountAll" => {
            // Sequelize sends the count and the find together (Promise.all): the find
            // is logged even when the count is refused, whose error wins.
            let total = find::count(rt, schema, id, first);
            let rows = find::plan(schema, id, first).and_then(|plan| find::find(rt, schema, &plan));
            let (total, rows) = (total?, rows?);
            Ok(Value::Object(vec![
                ("count".into(), Value::Number(total as f64)),
                (
                    "rows".into(),
                    Value::Array(rows.into_iter().map(Value::Instance).collect()),
                ),
            ]))
        }
        _ => {
            let order: Vec<usize> = vec![id];
            rt.sync(
                schema,
                &order,
                first
                    .and_then(|o| o.get("force"))
                    .is_some_and(Value::truthy),
            )?;
            // A model's sync ends a segment, as `sequelize.sync()` does: its catalog
            // look-ups are the server's own.
            rt.end_step(crate::runtime::StepEnd::Sync {});
            Ok(Value::Model(id))
        }
    }
}

/// The include plans of a build's or save's `{ include }`, if any.
fn includes_of(
    schema: &Schema,
    model: usize,
    options: Option<&Value>,
) -> RunResult<Vec<crate::plan::IncludePlan>> {
    match options.and_then(|o| o.get("include")) {
        Some(include) => find::parse_includes(schema, model, include),
        None => Ok(Vec::new()),
    }
}

/// `silent: true`: the save or update leaves `updatedAt` as it was.
fn silent(options: Option<&Value>) -> bool {
    options
        .and_then(|o| o.get("silent"))
        .is_some_and(Value::truthy)
}

fn cascades(options: Option<&Value>) -> bool {
    options
        .and_then(|o| o.get("cascade"))
        .is_some_and(Value::truthy)
}

/// `sequelize.drop(options)`.
pub fn drop_all(rt: &mut Runtime, schema: &Schema, options: Option<&Value>) -> RunResult<()> {
    let order = crate::schema::sync_order::sync_order(schema);
    write::drop_all(rt, schema, order.as_deref(), cascades(options))
}

fn returning_asked(options: Option<&Value>) -> bool {
    options
        .and_then(|o| o.get("returning"))
        .is_some_and(Value::truthy)
}

/// `instance.method(...values)`: an association accessor or an instance method (a
/// `TypeError` "… is not a function" for any other name).
pub fn instance_call(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
    method: &str,
    values: &[Value],
) -> RunResult<Value> {
    if let Some((association, kind)) = accessors::lookup(schema, instance, method) {
        let association = association.clone();
        return accessors::call(rt, schema, instance, &association, kind, values);
    }
    match method {
        "toJSON" => Ok(plain(instance)),
        // `get({ plain: true })` makes included instances plain too; `get()` keeps them.
        "get"
            if values
                .first()
                .is_some_and(|v| v.get("plain").is_some_and(Value::truthy)) =>
        {
            Ok(plain(instance))
        }
        "get" if !matches!(values.first(), Some(Value::Str(_))) => {
            Ok(Value::Object(instance.borrow().values.clone()))
        }
        "get" => Ok(match values.first() {
            Some(Value::Str(key)) => instance
                .borrow()
                .get(key)
                .cloned()
                .unwrap_or(Value::Undefined),
            _ => Value::Undefined,
        }),
        "set" => {
            if let Some(Value::Str(key)) = values.first() {
                assign(
                    schema,
                    instance,
                    key,
                    values.get(1).cloned().unwrap_or(Value::Undefined),
                );
            } else if let Some(Value::Object(props)) = values.first() {
                for (key, value) in props {
                    assign(schema, instance, key, value.clone());
                }
            }
            Ok(Value::Instance(instance.clone()))
        }
        // `instance.where()`: its primary key, by column (`mapWhereFieldNames`).
        "where" => {
            let data = instance.borrow();
            let model = schema.model(data.model);
            Ok(Value::Object(
                model
                    .table_attributes()
                    .filter(|(_, a)| a.is_primary_key())
                    .map(|(name, _)| {
                        let value = data.get(name).cloned().unwrap_or(Value::Undefined);
                        (model.field_of(name), value)
                    })
                    .collect(),
            ))
        }
        "validate" => {
            write::validate_row(rt, schema, instance, true)?;
            Ok(Value::Instance(instance.clone()))
        }
        "save" => {
            if instance.borrow().is_new_record {
                let model = instance.borrow().model;
                let includes = includes_of(schema, model, values.first())?;
                let fields = write::fields_option(values.first());
                write::insert_fields(rt, schema, instance, &includes, fields.as_deref())?;
            } else {
                // With `fields`, Sequelize writes every one of them once anything changed
                // (changed or not); without, the changed ones.
                let fields = write::fields_option(values.first());
                let data = instance.borrow();
                let model = schema.model(data.model);
                let changed: Vec<String> = match fields {
                    Some(fields) if !data.changed.is_empty() => fields
                        .into_iter()
                        .filter(|f| model.has_attribute(f))
                        .collect(),
                    Some(_) => Vec::new(),
                    None => data.changed.clone(),
                };
                drop(data);
                write::save_changes(rt, schema, instance, &changed, silent(values.first()))?;
            }
            Ok(Value::Instance(instance.clone()))
        }
        "destroy" => {
            let soft = write::destroy_instance(rt, schema, instance, values.first())?;
            // A hard delete resolves to the DELETE's result: node-postgres's empty
            // rows; on MySQL and SQLite, Sequelize hands back the instance.
            Ok(if soft || rt.dialect() != Dialect::Postgres {
                Value::Instance(instance.clone())
            } else {
                Value::Array(Vec::new())
            })
        }
        "restore" => {
            write::restore_instance(rt, schema, instance)?;
            Ok(Value::Undefined)
        }
        "changed" => Ok(changed(instance, values)),
        "previous" => Ok(previous(instance, values)),
        "equals" => Ok(Value::Bool(
            values
                .first()
                .is_some_and(|other| same_row(schema, instance, other)),
        )),
        "equalsOneOf" => Ok(Value::Bool(match values.first() {
            Some(Value::Array(others)) => others.iter().any(|o| same_row(schema, instance, o)),
            _ => false,
        })),
        "isSoftDeleted" => Ok(Value::Bool(is_soft_deleted(schema, instance))),
        "reload" => {
            write::reload(rt, schema, instance, values.first())?;
            Ok(Value::Instance(instance.clone()))
        }
        "increment" | "decrement" => {
            write::increment_instance(rt, schema, instance, values, method == "decrement")?;
            Ok(Value::Instance(instance.clone()))
        }
        "update" => {
            if let Some(Value::Object(props)) = values.first() {
                for (key, value) in props {
                    let unchanged = instance
                        .borrow()
                        .get(key)
                        .is_some_and(|old| same(old, value));
                    if !unchanged {
                        assign(schema, instance, key, value.clone());
                    }
                }
            }
            // Only what this call changed is saved (and validated), as
            // `options.fields = intersection(keys(values), changed())` in Sequelize.
            let given: Vec<&str> = match values.first() {
                Some(Value::Object(props)) => props.iter().map(|(k, _)| k.as_str()).collect(),
                _ => Vec::new(),
            };
            let changed: Vec<String> = instance
                .borrow()
                .changed
                .iter()
                .filter(|c| given.contains(&c.as_str()))
                .cloned()
                .collect();
            write::save_changes(rt, schema, instance, &changed, silent(values.get(1)))?;
            Ok(Value::Instance(instance.clone()))
        }
        _ => Err(SequelizeError::new(
            ErrorName::TypeError,
            format!("{method} is not a function"),
        )),
    }
}

/// `instance.name`: a data value, or one of the few instance properties tutorials read.
pub fn instance_property(instance: &InstanceRef, name: &str) -> Value {
    let data = instance.borrow();
    match name {
        "dataValues" => Value::Object(data.values.clone()),
        // What each value was at the last save (the present one when unchanged since).
        "_previousDataValues" => Value::Object(
            data.values
                .iter()
                .map(|(key, _)| {
                    let value = data
                        .previous_value(key)
                        .cloned()
                        .unwrap_or(Value::Undefined);
                    (key.clone(), value)
                })
                .collect(),
        ),
        "isNewRecord" => Value::Bool(data.is_new_record),
        _ => data.get(name).cloned().unwrap_or(Value::Undefined),
    }
}

/// `instance.name = value`: sets an attribute, and marks it changed when the value
/// differs from the one it had (Sequelize compares them; setting the same value
/// changes nothing, and a later `save()` then writes nothing).
pub fn assign(schema: &Schema, instance: &InstanceRef, name: &str, value: Value) {
    let mut data = instance.borrow_mut();
    let attribute = schema.model(data.model).attribute(name);
    let is_attribute = attribute.is_some();
    let value = crate::runtime::sanitize(attribute, value);
    let old = data.get(name).cloned().unwrap_or(Value::Undefined);
    let differs = !same(&old, &value);
    data.set(name, value);
    if is_attribute && differs && !data.changed.iter().any(|c| c == name) {
        data.changed.push(name.to_string());
        data.previous.push((name.to_string(), old));
    }
}

/// `instance.changed()`: the changed attributes in the order they changed (Sequelize
/// keeps them in a `Set`), or `false`;
/// `changed(key)`: whether that one changed; `changed(key, flag)` sets it.
fn changed(instance: &InstanceRef, values: &[Value]) -> Value {
    match values {
        [] => {
            let keys: Vec<Value> = instance
                .borrow()
                .changed
                .iter()
                .map(|k| Value::Str(k.clone()))
                .collect();
            if keys.is_empty() {
                Value::Bool(false)
            } else {
                Value::Array(keys)
            }
        }
        [Value::Str(key)] => Value::Bool(instance.borrow().changed.contains(key)),
        [Value::Str(key), flag, ..] => {
            let mut data = instance.borrow_mut();
            if !flag.truthy() {
                data.changed.retain(|k| k != key);
            } else if !data.changed.contains(key) {
                data.changed.push(key.clone());
            }
            Value::Instance(instance.clone())
        }
        _ => Value::Bool(false),
    }
}

/// `instance.equals(other)`: an instance of the same model with the same primary key
/// values (Sequelize compares them with `===`).
fn same_row(schema: &Schema, instance: &InstanceRef, other: &Value) -> bool {
    let Value::Instance(other) = other else {
        return false;
    };
    let (mine, theirs) = (instance.borrow(), other.borrow());
    if mine.model != theirs.model {
        return false;
    }
    schema
        .model(mine.model)
        .attributes
        .iter()
        .filter(|(_, a)| a.is_primary_key())
        .all(|(name, _)| match (mine.get(name), theirs.get(name)) {
            (Some(Value::Number(a)), Some(Value::Number(b))) => a == b,
            (Some(Value::Str(a)), Some(Value::Str(b))) => a == b,
            (Some(Value::Bool(a)), Some(Value::Bool(b))) => a == b,
            (Some(Value::Null), Some(Value::Null)) => true,
            (None | Some(Value::Undefined), None | Some(Value::Undefined)) => true,
            _ => false,
        })
}

/// `instance.isSoftDeleted()`: a paranoid instance whose `deletedAt` is set (and not in
/// the future).
fn is_soft_deleted(schema: &Schema, instance: &InstanceRef) -> bool {
    let data = instance.borrow();
    let model = schema.model(data.model);
    let Some(deleted_at) = &model.timestamp_attributes.deleted_at else {
        return false;
    };
    matches!(data.get(deleted_at), Some(Value::Date(_)))
}

/// `instance.previous(key)`, or `previous()`: the changed attributes' earlier values.
fn previous(instance: &InstanceRef, values: &[Value]) -> Value {
    let data = instance.borrow();
    match values.first() {
        Some(Value::Str(key)) => data
            .previous_value(key)
            .cloned()
            .unwrap_or(Value::Undefined),
        _ => Value::Object(
            data.previous
                .iter()
                .filter(|(k, _)| data.changed.contains(k))
                .cloned()
                .collect(),
        ),
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Date(x), Value::Date(y)) => x == y,
        (Value::Null, Value::Null) | (Value::Undefined, Value::Undefined) => true,
        _ => false,
    }
}

/// `get({ plain: true })` and `toJSON()`: the instance's values, its included instances
/// plain in turn (Sequelize's `get` passes `plain` down to its includes).
fn plain(instance: &InstanceRef) -> Value {
    fn plain_value(value: &Value) -> Value {
        match value {
            Value::Instance(nested) => plain(nested),
            Value::Array(items) if items.iter().any(|i| matches!(i, Value::Instance(_))) => {
                Value::Array(items.iter().map(plain_value).collect())
            }
            other => other.clone(),
        }
    }
    let values = &instance.borrow().values;
    Value::Object(
        values
            .iter()
            .map(|(k, v)| (k.clone(), plain_value(v)))
            .collect(),
    )
}
