//! The instance methods associations add (`getOwner`, `setOwner`, `addPugs`,
//! `countPugs`, …): the queries Sequelize runs for each, and their results.

use super::find::{self, literal_of};
use super::log;
use super::store::Filter;
use super::{cell_of, engine_error, write, RunResult, Runtime};
use crate::error::{ErrorName, SequelizeError};
use crate::plan::FindPlan;
use crate::plan::{CompareOp, Where, WhereValue};
use crate::schema::{AccessorKind, Association, AssociationType, Schema};
use crate::value::InstanceRef;
use crate::value::Value;

/// The association method `name` of `instance`'s model, with its kind (`get`, `add`, …).
pub fn lookup<'s>(
    schema: &'s Schema,
    instance: &InstanceRef,
    name: &str,
) -> Option<(&'s Association, AccessorKind)> {
    schema.model(instance.borrow().model).accessor(name)
}

fn key_of(instance: &InstanceRef, attribute: &str) -> Value {
    instance
        .borrow()
        .get(attribute)
        .cloned()
        .unwrap_or(Value::Null)
}

fn equals(schema: &Schema, model: crate::schema::ModelId, attribute: &str, value: &Value) -> Where {
    let model = schema.model(model);
    Where::Compare {
        attribute: attribute.to_string(),
        field: model.field_of(attribute),
        op: if matches!(value, Value::Null) {
            CompareOp::Is
        } else {
            CompareOp::Eq
        },
        value: WhereValue::One(literal_of(value)),
    }
}

/// A hasOne/hasMany's rows of `key`: the scope's values (Sequelize's get assigns them
/// to its where first), then the foreign key.
fn key_condition(schema: &Schema, association: &Association, key: &Value) -> Where {
    let by_key = equals(schema, association.target, &association.foreign_key, key);
    let mut items: Vec<Where> = find::scope_values(association)
        .iter()
        .map(|(attribute, value)| equals(schema, association.target, attribute, value))
        .collect();
    if items.is_empty() {
        return by_key;
    }
    items.push(by_key);
    Where::And(items)
}

/// A getter's condition as Sequelize's `get` writes it: the key condition, `AND` the
/// getter's own `where` (the two parenthesised together), after the target scope's
/// `where` (the interpreter resolves it into `options.scope`; Sequelize's `findAll`
/// assigns the getter's where over it), after the paranoid clause.
fn getter_condition(
    schema: &Schema,
    target: crate::schema::ModelId,
    key_condition: Where,
    options: Option<&Value>,
) -> RunResult<Option<Where>> {
    let model = schema.model(target);
    let own = match options.and_then(|o| o.get("where")) {
        Some(where_) => find::parse_where(model, where_)?,
        None => None,
    };
    let condition = match own {
        Some(own) => Where::Group(Box::new(Where::And(vec![key_condition, own]))),
        None => key_condition,
    };
    let scoped = match scope_of(options).and_then(|scope| scope.get("where")) {
        Some(where_) => match find::parse_where(model, where_)? {
            Some(Where::And(mut items)) => {
                items.push(condition);
                Where::And(items)
            }
            Some(one) => Where::And(vec![one, condition]),
            None => condition,
        },
        None => condition,
    };
    Ok(find::with_paranoid_clause(model, Some(scoped), options))
}

/// The target's scope a getter takes, resolved to options (`options.scope`).
fn scope_of(options: Option<&Value>) -> Option<&Value> {
    options
        .and_then(|o| o.get("scope"))
        .filter(|scope| matches!(scope, Value::Object(_)))
}

/// The find a getter runs: its options (attributes, order, limit, include, …) read as
/// `findAll` reads them, its condition that of [`getter_condition`].
fn getter_plan(
    schema: &Schema,
    target: crate::schema::ModelId,
    key_condition: Where,
    options: Option<&Value>,
) -> RunResult<FindPlan> {
    let mut without_where = options.map(|o| match o {
        Value::Object(props) => Value::Object(
            props
                .iter()
                .filter(|(k, _)| k != "where" && k != "scope")
                .cloned()
                .collect(),
        ),
        other => other.clone(),
    });
    if let (Some(Value::Object(scope)), Some(own)) = (scope_of(options), &without_where) {
        let rest = Value::Object(
            scope
                .iter()
                .filter(|(k, _)| k != "where")
                .cloned()
                .collect(),
        );
        without_where = Some(crate::runtime::scopes::inject(&rest, own));
    }
    let mut plan = find::plan(schema, target, without_where.as_ref())?;
    plan.where_ = getter_condition(schema, target, key_condition, options)?;
    Ok(plan)
}

/// The getter's options object, if it was given one.
fn options_of(args: &[Value]) -> Option<&Value> {
    args.first().filter(|a| matches!(a, Value::Object(_)))
}

/// The instances (or keys) a method was given, as primary-key values.
fn keys_of(schema: &Schema, association: &Association, value: &Value) -> Vec<Value> {
    let target = schema.model(association.target);
    let pk = target.primary_key_attribute().unwrap_or("id");
    let one = |v: &Value| match v {
        Value::Instance(i) => key_of(i, pk),
        other => other.clone(),
    };
    match value {
        Value::Array(items) => items.iter().map(one).collect(),
        other => vec![one(other)],
    }
}

/// Runs `instance.<method>(args…)` for `association`.
pub fn call(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
    association: &Association,
    kind: AccessorKind,
    args: &[Value],
) -> RunResult<Value> {
    let arg = args.first().cloned().unwrap_or(Value::Undefined);
    match (association.kind, kind) {
        (AssociationType::BelongsTo, AccessorKind::Get) => {
            let key = key_of(instance, &association.foreign_key);
            let options = options_of(args);
            let target = schema.model(association.target);
            let by_primary_key = target.primary_key_attribute() == Some(&association.target_key)
                && options.and_then(|o| o.get("where")).is_none();
            // `findByPk(null)` resolves null without a query.
            if by_primary_key && matches!(key, Value::Null | Value::Undefined) {
                return Ok(Value::Null);
            }
            // Elsewhere the key goes into a `where`, which refuses undefined (an instance
            // created on MySQL or SQLite holds only the columns it was given).
            let absent = matches!(
                instance.borrow().get(&association.foreign_key),
                None | Some(Value::Undefined)
            );
            if absent {
                return Err(SequelizeError::plain(format!(
                    "WHERE parameter \"{}\" has invalid \"undefined\" value",
                    association.target_key
                )));
            }
            let condition = equals(schema, association.target, &association.target_key, &key);
            let mut plan = getter_plan(schema, association.target, condition, options)?;
            // A primary-key find has no LIMIT; Sequelize's get sets `limit: null` otherwise.
            plan.limit = None;
            Ok(first(find::find(rt, schema, &plan)?))
        }
        (AssociationType::BelongsTo, AccessorKind::Set) => {
            let key = match &arg {
                Value::Instance(target) => key_of(target, &association.target_key),
                other => other.clone(),
            };
            save_foreign_key(rt, schema, instance, association, key)?;
            Ok(Value::Instance(instance.clone()))
        }
        (AssociationType::BelongsTo, AccessorKind::Create) => {
            let created = write::create(rt, schema, association.target, &arg, None)?;
            let key = key_of(&created, &association.target_key);
            save_foreign_key(rt, schema, instance, association, key)?;
            Ok(Value::Instance(created))
        }
        (AssociationType::HasOne | AssociationType::HasMany, AccessorKind::Get) => {
            let key = key_of(instance, &association.source_key);
            let condition = key_condition(schema, association, &key);
            let mut plan = getter_plan(schema, association.target, condition, options_of(args))?;
            if association.kind == AssociationType::HasOne {
                plan.limit = Some(1);
                return Ok(first(find::find(rt, schema, &plan)?));
            }
            let found = find::find(rt, schema, &plan)?;
            Ok(Value::Array(find::answer(&plan, found, rt.dialect())))
        }
        (AssociationType::HasOne | AssociationType::HasMany, AccessorKind::Create) => {
            let key = key_of(instance, &association.source_key);
            let mut values = match arg {
                Value::Object(props) => props,
                _ => Vec::new(),
            };
            values.retain(|(k, _)| *k != association.foreign_key);
            values.push((association.foreign_key.clone(), key));
            for (attribute, value) in find::scope_values(association) {
                values.retain(|(k, _)| *k != attribute);
                values.push((attribute, value));
            }
            let created =
                write::create(rt, schema, association.target, &Value::Object(values), None)?;
            Ok(Value::Instance(created))
        }
        (AssociationType::HasOne, AccessorKind::Set) => {
            let key = key_of(instance, &association.source_key);
            if let Value::Instance(previous) =
                call(rt, schema, instance, association, AccessorKind::Get, &[])?
            {
                save_foreign_key(rt, schema, &previous, association, Value::Null)?;
            }
            if let Value::Instance(target) = &arg {
                if target.borrow().is_new_record {
                    target.borrow_mut().set(&association.foreign_key, key);
                    write::insert(rt, schema, target, &[])?;
                } else {
                    save_foreign_key(rt, schema, target, association, key)?;
                }
            }
            Ok(arg)
        }
        (AssociationType::HasMany, AccessorKind::Count) => {
            let key = key_of(instance, &association.source_key);
            let target = schema.model(association.target);
            let pk = target.primary_key_attribute().unwrap_or("id");
            let by_key = key_condition(schema, association, &key);
            let condition = getter_condition(schema, association.target, by_key, options_of(args))?
                .expect("a key condition");
            rt.log(format!(
                "SELECT COUNT({}.{}) AS \"count\" FROM {} AS {} WHERE {};",
                log::quote(&target.name),
                log::quote(&target.field_of(pk)),
                log::quote(&target.table_name),
                log::quote(&target.name),
                log::where_sql(&condition, &target.name)
            ))?;
            let rows = rt
                .store
                .select(
                    &target.table_name,
                    &find::store_filter(&condition, rt.dialect()),
                )
                .map_err(engine_error)?;
            Ok(Value::Number(rows.len() as f64))
        }
        (AssociationType::HasMany, AccessorKind::HasSingle | AccessorKind::HasAll) => {
            let key = key_of(instance, &association.source_key);
            let target = schema.model(association.target);
            let pk = target.primary_key_attribute().unwrap_or("id");
            let keys = keys_of(schema, association, &arg);
            let scope = key_condition(schema, association, &key);
            let ors: Vec<String> = keys
                .iter()
                .map(|k| log::where_sql(&equals(schema, association.target, pk, k), &target.name))
                .collect();
            rt.log(format!(
                "SELECT {} FROM {} AS {} WHERE ({} AND ({}));",
                log::quote(&target.field_of(pk)),
                log::quote(&target.table_name),
                log::quote(&target.name),
                log::where_sql(&scope, &target.name),
                or_group(&ors)
            ))?;
            let rows = rt
                .store
                .select(
                    &target.table_name,
                    &find::store_filter(&scope, rt.dialect()),
                )
                .map_err(engine_error)?;
            let pk_field = target.field_of(pk);
            let found = keys
                .iter()
                .filter(|k| {
                    rows.iter()
                        .any(|r| r.iter().any(|(c, v)| **c == *pk_field && *v == cell_of(k)))
                })
                .count();
            Ok(Value::Bool(found == keys.len()))
        }
        (AssociationType::HasMany, AccessorKind::Add | AccessorKind::AddMultiple) => {
            let key = key_of(instance, &association.source_key);
            let keys = keys_of(schema, association, &arg);
            set_foreign_key(rt, schema, association, &keys, &key, None)?;
            Ok(Value::Instance(instance.clone()))
        }
        (AssociationType::HasMany, AccessorKind::Remove | AccessorKind::RemoveMultiple) => {
            let key = key_of(instance, &association.source_key);
            let keys = keys_of(schema, association, &arg);
            set_foreign_key(rt, schema, association, &keys, &Value::Null, Some(&key))?;
            Ok(Value::Instance(instance.clone()))
        }
        (AssociationType::HasMany, AccessorKind::Set) => {
            let key = key_of(instance, &association.source_key);
            let keep = keys_of(schema, association, &arg);
            let Value::Array(current) =
                call(rt, schema, instance, association, AccessorKind::Get, &[])?
            else {
                unreachable!()
            };
            let current_keys = keys_of(schema, association, &Value::Array(current));
            let (obsolete, added) = key_changes(&current_keys, &keep);
            if !obsolete.is_empty() {
                set_foreign_key(rt, schema, association, &obsolete, &Value::Null, None)?;
            }
            if !added.is_empty() {
                set_foreign_key(rt, schema, association, &added, &key, None)?;
            }
            Ok(Value::Instance(instance.clone()))
        }
        (AssociationType::BelongsToMany, _) => {
            let through = through_values(args.get(1));
            let options = options_of(args);
            let call = LinkCall {
                arg: &arg,
                options,
                through: &through,
            };
            belongs_to_many(rt, schema, instance, association, kind, call)
        }
        _ => Err(SequelizeError::new(
            ErrorName::Error,
            format!(
                "The playground does not run {}.{} yet",
                schema.model(association.source).name,
                association
                    .accessors
                    .iter()
                    .find(|(k, _)| *k == kind)
                    .map_or(kind.key(), |(_, n)| n.as_str())
            ),
        )),
    }
}

/// `Target.update({ fk: value }, { where: { pk: keys } })`, as hasMany add/remove/set do.
fn set_foreign_key(
    rt: &mut Runtime,
    schema: &Schema,
    association: &Association,
    keys: &[Value],
    value: &Value,
    only_when_owned_by: Option<&Value>,
) -> RunResult<()> {
    let target = schema.model(association.target);
    let pk = target.primary_key_attribute().unwrap_or("id");
    let fk_field = target.field_of(&association.foreign_key);
    let mut sets = vec![(fk_field.clone(), cell_of(value))];
    let mut set_names = vec![fk_field.clone()];
    // Linking writes the scope's values too (unlinking only clears the key).
    if !matches!(value, Value::Null) {
        for (attribute, value) in find::scope_values(association) {
            sets.push((target.field_of(&attribute), cell_of(&value)));
            set_names.push(target.field_of(&attribute));
        }
    }
    if let Some(updated) = &target.timestamp_attributes.updated_at {
        let now = rt.now();
        sets.push((target.field_of(updated), super::store::Cell::Int(now)));
        set_names.push(target.field_of(updated));
    }
    let assignments: Vec<String> = set_names
        .iter()
        .enumerate()
        .map(|(i, f)| format!("{}=${}", log::quote(f), i + 1))
        .collect();
    let key_list: Vec<String> = keys
        .iter()
        .map(|k| log::literal_sql(&literal_of(k)))
        .collect();
    let mut condition = String::new();
    // The owner's key is a bind parameter, after the SET values.
    if only_when_owned_by.is_some() {
        condition.push_str(&format!(
            "{} = ${} AND ",
            log::quote(&fk_field),
            set_names.len() + 1
        ));
    }
    condition.push_str(&format!(
        "{} IN ({})",
        log::quote(&target.field_of(pk)),
        key_list.join(", ")
    ));
    rt.log(format!(
        "UPDATE {} SET {} WHERE {condition}",
        log::quote(&target.table_name),
        assignments.join(",")
    ))?;
    let mut filter = Filter::one_of(
        &target.field_of(pk),
        &keys.iter().map(cell_of).collect::<Vec<_>>(),
    );
    if let Some(owner) = only_when_owned_by {
        filter = filter.and(Filter::eq(&fk_field, &cell_of(owner)));
    }
    rt.update_rows(&target.table_name, &sets, &filter)?;
    Ok(())
}

/// Sets the association's foreign key on `row` and saves that column (and `updatedAt`),
/// as Sequelize's `save({ fields: [foreignKey] })` does.
fn save_foreign_key(
    rt: &mut Runtime,
    schema: &Schema,
    row: &InstanceRef,
    association: &Association,
    key: Value,
) -> RunResult<()> {
    let mut fields = vec![association.foreign_key.clone()];
    let linking = !matches!(key, Value::Null);
    row.borrow_mut().set(&association.foreign_key, key);
    if linking && association.kind != AssociationType::BelongsTo {
        for (attribute, value) in find::scope_values(association) {
            row.borrow_mut().set(&attribute, value);
            fields.push(attribute);
        }
    }
    write::update(rt, schema, row, &fields)
}

/// What `set…` changes: the keys linked now but not wanted, and those wanted but not linked.
fn key_changes(current: &[Value], wanted: &[Value]) -> (Vec<Value>, Vec<Value>) {
    let missing_from =
        |list: &[Value], key: &Value| !list.iter().any(|k| cell_of(k) == cell_of(key));
    let obsolete = current
        .iter()
        .filter(|k| missing_from(wanted, k))
        .cloned()
        .collect();
    let added = wanted
        .iter()
        .filter(|k| missing_from(current, k))
        .cloned()
        .collect();
    (obsolete, added)
}

/// `(a OR b)`: the key alternatives of `has…`, as Sequelize groups them.
fn or_group(alternatives: &[String]) -> String {
    format!("({})", alternatives.join(" OR "))
}

fn first(found: Vec<InstanceRef>) -> Value {
    found
        .into_iter()
        .next()
        .map_or(Value::Null, Value::Instance)
}

/// The join of a belongsToMany read from the target's side:
/// `FROM "projects" AS "project" INNER JOIN "UserProjects" AS "UserProjects" ON … AND "UserProjects"."userId" = 1`.
fn through_join(schema: &Schema, association: &Association, key: &Value) -> String {
    let target = schema.model(association.target);
    let join = schema.model(association.through.expect("join model"));
    let other = association.other_key.clone().unwrap_or_default();
    format!(
        "FROM {} AS {} INNER JOIN {} AS {} ON {}.{} = {}.{} AND {}.{} = {}",
        log::quote(&target.table_name),
        log::quote(&target.name),
        log::quote(&join.table_name),
        log::quote(&join.name),
        log::quote(&target.name),
        log::quote(&target.field_of(&association.target_key)),
        log::quote(&join.name),
        log::quote(&join.field_of(&other)),
        log::quote(&join.name),
        log::quote(&join.field_of(&association.foreign_key)),
        log::literal_sql(&literal_of(key))
    )
}

/// A belongsToMany getter's find, as Sequelize's `BelongsToMany.get` makes it: a
/// `findAll` of the target with its options, the join model included (required, under
/// the join model's name) on the source's key and `through.where`, showing the
/// `joinTableAttributes`.
fn belongs_to_many_get_plan(
    schema: &Schema,
    association: &Association,
    key: &Value,
    options: Option<&Value>,
) -> RunResult<FindPlan> {
    let join_id = association.through.expect("join model");
    let join = schema.model(join_id);
    let find_options = options.map(|o| match o {
        Value::Object(props) => Value::Object(
            props
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "joinTableAttributes" | "through"))
                .cloned()
                .collect(),
        ),
        other => other.clone(),
    });
    let no_key = Where::And(Vec::new());
    let mut plan = getter_plan(schema, association.target, no_key, find_options.as_ref())?;
    // `{ [Op.and]: [scope.where, options.where] }`: parenthesized.
    let model = schema.model(association.target);
    let mut parts = Vec::new();
    if let Some(scope_where) = scope_of(options).and_then(|s| s.get("where")) {
        parts.extend(find::parse_where(model, scope_where)?);
    }
    if let Some(where_) = options.and_then(|o| o.get("where")) {
        parts.extend(find::parse_where(model, where_)?);
    }
    let condition = (!parts.is_empty()).then(|| Where::Group(Box::new(Where::And(parts))));
    plan.where_ = find::with_paranoid_clause(model, condition, options);
    let mut link = equals(schema, join_id, &association.foreign_key, key);
    if let Some(through_where) = options
        .and_then(|o| o.get("through"))
        .and_then(|t| t.get("where"))
    {
        // `{ [Op.and]: [link, through.where] }`: parenthesized.
        if let Some(extra) = find::parse_where(join, through_where)? {
            link = Where::Group(Box::new(Where::And(vec![link, extra])));
        }
    }
    let attributes = match options.and_then(|o| o.get("joinTableAttributes")) {
        Some(asked) => find::parse_attributes(join, Some(asked))?.0,
        None => find::all_attributes(join),
    };
    let mut include = find::join_model_include(schema, association, link, attributes);
    include.raw = plan.raw != crate::plan::Raw::Instances;
    plan.include.push(include);
    Ok(plan)
}

/// The join rows linking `instance` to the given target keys (all of them when `None`).
fn join_rows(
    rt: &mut Runtime,
    schema: &Schema,
    association: &Association,
    key: &Value,
    targets: Option<&[Value]>,
) -> RunResult<Vec<super::store::Row>> {
    let join = schema.model(association.through.expect("join model"));
    let other = join.field_of(&association.other_key.clone().unwrap_or_default());
    let mut filter = Filter::eq(&join.field_of(&association.foreign_key), &cell_of(key));
    if let Some(targets) = targets {
        filter = filter.and(Filter::one_of(
            &other,
            &targets.iter().map(cell_of).collect::<Vec<_>>(),
        ));
    }
    rt.store
        .select(&join.table_name, &filter)
        .map_err(engine_error)
}

/// Logs and runs Sequelize's read of the join rows of `key` (limited to `targets` when
/// given), as `set` and `add` do before changing links.
fn read_links(
    rt: &mut Runtime,
    schema: &Schema,
    association: &Association,
    key: &Value,
    targets: Option<&[Value]>,
) -> RunResult<Vec<super::store::Row>> {
    let join = schema.model(association.through.expect("join model"));
    let column = |attribute: &str| {
        format!(
            "{}.{}",
            log::quote(&join.name),
            log::quote(&join.field_of(attribute))
        )
    };
    let mut condition = format!(
        "{} = {}",
        column(&association.foreign_key),
        log::literal_sql(&literal_of(key))
    );
    if let Some(targets) = targets {
        let other_key = association.other_key.clone().unwrap_or_default();
        let keys: Vec<String> = targets
            .iter()
            .map(|t| log::literal_sql(&literal_of(t)))
            .collect();
        condition.push_str(&format!(
            " AND {} IN ({})",
            column(&other_key),
            keys.join(", ")
        ));
    }
    // An underscored join table's columns are renamed to its attributes.
    let fields: Vec<String> = find::all_attributes(join)
        .iter()
        .map(|a| match join.field_of(a) {
            field if field == *a => log::quote(&field),
            field => format!("{} AS {}", log::quote(&field), log::quote(a)),
        })
        .collect();
    rt.log(format!(
        "SELECT {} FROM {} AS {} WHERE {condition};",
        fields.join(", "),
        log::quote(&join.table_name),
        log::quote(&join.name)
    ))?;
    join_rows(rt, schema, association, key, targets)
}

/// The join-table values a call gives (`addActor(a, { through: { role } })`).
fn through_values(options: Option<&Value>) -> Vec<(String, Value)> {
    match options.and_then(|o| o.get("through")) {
        Some(Value::Object(values)) => values.clone(),
        _ => Vec::new(),
    }
}

/// What a belongsToMany method was given: its argument, its options object (a getter's
/// first argument) and the join-table values of `{ through }`.
struct LinkCall<'a> {
    arg: &'a Value,
    options: Option<&'a Value>,
    through: &'a [(String, Value)],
}

fn belongs_to_many(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
    association: &Association,
    kind: AccessorKind,
    call: LinkCall<'_>,
) -> RunResult<Value> {
    let LinkCall {
        arg,
        options,
        through,
    } = call;
    let key = key_of(instance, &association.source_key);
    let target = schema.model(association.target);
    let join_id = association.through.expect("join model");
    let join = schema.model(join_id);
    let other_key = association.other_key.clone().unwrap_or_default();
    let target_pk = target.primary_key_attribute().unwrap_or("id").to_string();
    let other_field = join.field_of(&other_key);
    match kind {
        AccessorKind::Get => {
            let plan = belongs_to_many_get_plan(schema, association, &key, options)?;
            let found = find::find(rt, schema, &plan)?;
            Ok(Value::Array(find::answer(&plan, found, rt.dialect())))
        }
        AccessorKind::Count => {
            // `countX({ where })`: the getter's find, counted.
            let condition = match options.and_then(|o| o.get("where")) {
                Some(where_) => find::parse_where(target, where_)?,
                None => None,
            };
            let mut text = format!(
                "SELECT COUNT({}.{}) AS \"count\" {}",
                log::quote(&target.name),
                log::quote(&target.field_of(&target_pk)),
                through_join(schema, association, &key)
            );
            if let Some(condition) = &condition {
                text.push_str(&format!(
                    " WHERE ({})",
                    log::where_sql(condition, &target.name)
                ));
            }
            text.push(';');
            rt.log(text)?;
            let links = join_rows(rt, schema, association, &key, None)?;
            let Some(condition) = condition else {
                return Ok(Value::Number(links.len() as f64));
            };
            let others: Vec<_> = links
                .iter()
                .map(|l| super::store::cell_in(l, &other_field))
                .collect();
            let target_key_field = target.field_of(&association.target_key);
            let filter = Filter::one_of(&target_key_field, &others)
                .and(find::store_filter(&condition, rt.dialect()));
            let kept = rt
                .store
                .select(&target.table_name, &filter)
                .map_err(engine_error)?;
            let counted = others
                .iter()
                .filter(|o| {
                    kept.iter()
                        .any(|r| super::store::cell_in(r, &target_key_field) == **o)
                })
                .count();
            Ok(Value::Number(counted as f64))
        }
        AccessorKind::HasSingle | AccessorKind::HasAll => {
            let keys = keys_of(schema, association, arg);
            let ors: Vec<String> = keys
                .iter()
                .map(|k| {
                    log::where_sql(
                        &equals(schema, association.target, &target_pk, k),
                        &target.name,
                    )
                })
                .collect();
            rt.log(format!(
                "SELECT {}.{} {} WHERE (({}));",
                log::quote(&target.name),
                log::quote(&target.field_of(&target_pk)),
                through_join(schema, association, &key),
                or_group(&ors)
            ))?;
            let links = join_rows(rt, schema, association, &key, Some(&keys))?;
            Ok(Value::Bool(links.len() == keys.len()))
        }
        AccessorKind::Add | AccessorKind::AddMultiple => {
            let keys = keys_of(schema, association, arg);
            link(rt, schema, association, &key, &keys, through)?;
            Ok(Value::Undefined)
        }
        AccessorKind::Create => {
            let created = super::write::create(rt, schema, association.target, arg, None)?;
            let created_key = key_of(&created, &association.target_key);
            link(rt, schema, association, &key, &[created_key], through)?;
            Ok(Value::Instance(created))
        }
        AccessorKind::Remove | AccessorKind::RemoveMultiple => {
            let keys = keys_of(schema, association, arg);
            unlink(rt, schema, association, &key, &keys)?;
            Ok(Value::Undefined)
        }
        _ => {
            // set: keep exactly these links — read them all, delete the extra, insert the
            // missing, then update the kept ones whose join-table values differ (the order
            // Sequelize logs them in: its update waits for hooks before its query).
            let keys = keys_of(schema, association, arg);
            let rows = read_links(rt, schema, association, &key, None)?;
            let existing: Vec<Value> = rows
                .iter()
                .filter_map(|r| {
                    r.iter()
                        .find(|(c, _)| **c == *other_field)
                        .map(|(_, v)| cell_value(v))
                })
                .collect();
            let (obsolete, added) = key_changes(&existing, &keys);
            let is_added = |k: &Value| added.iter().any(|a| cell_of(a) == cell_of(k));
            let kept: Vec<Value> = keys.iter().filter(|k| !is_added(k)).cloned().collect();
            if !obsolete.is_empty() {
                unlink(rt, schema, association, &key, &obsolete)?;
            }
            if !added.is_empty() {
                insert_links(rt, schema, association, &key, &added, through)?;
            }
            changed_links(rt, schema, association, &key, &kept, &rows, through)?;
            Ok(Value::Undefined)
        }
    }
}

fn cell_value(cell: &super::store::Cell) -> Value {
    use super::store::Cell;
    match cell {
        Cell::Int(i) => Value::Number(*i as f64),
        Cell::Float(f) => Value::Number(*f),
        Cell::Text(s) => Value::Str(s.clone()),
        Cell::Bool(b) => Value::Bool(*b),
        Cell::Null => Value::Null,
    }
}

/// `add`: looks up the links that exist, then inserts the missing ones in one statement.
fn link(
    rt: &mut Runtime,
    schema: &Schema,
    association: &Association,
    key: &Value,
    targets: &[Value],
    through: &[(String, Value)],
) -> RunResult<()> {
    let existing = read_links(rt, schema, association, key, Some(targets))?;
    let linked = |target: &Value| link_row(schema, association, &existing, target).is_some();
    let (kept, missing): (Vec<Value>, Vec<Value>) =
        targets.iter().cloned().partition(|t| linked(t));
    if !missing.is_empty() {
        insert_links(rt, schema, association, key, &missing, through)?;
    }
    changed_links(rt, schema, association, key, &kept, &existing, through)
}

/// The join row of `rows` that links to `target`.
fn link_row<'r>(
    schema: &Schema,
    association: &Association,
    rows: &'r [super::store::Row],
    target: &Value,
) -> Option<&'r super::store::Row> {
    let join = schema.model(association.through.expect("join model"));
    let other_field = join.field_of(association.other_key.as_deref().unwrap_or_default());
    rows.iter().find(|r| {
        r.iter()
            .any(|(c, v)| **c == *other_field && *v == cell_of(target))
    })
}

/// An UPDATE of each existing link whose join-table values differ from `through`, as
/// Sequelize's `add` writes it (`Through.update(values, { where: both keys })`).
fn changed_links(
    rt: &mut Runtime,
    schema: &Schema,
    association: &Association,
    key: &Value,
    linked: &[Value],
    existing: &[super::store::Row],
    through: &[(String, Value)],
) -> RunResult<()> {
    let join_id = association.through.expect("join model");
    let join = schema.model(join_id);
    let other_key = association.other_key.clone().unwrap_or_default();
    for target in linked {
        let Some(row) = link_row(schema, association, existing, target) else {
            continue;
        };
        let differs = through.iter().any(|(attribute, value)| {
            let field = join.field_of(attribute);
            !row.iter()
                .any(|(c, v)| **c == *field && *v == cell_of(value))
        });
        if differs {
            let values = Value::Object(through.to_vec());
            let where_ = Value::Object(vec![
                (association.foreign_key.clone(), key.clone()),
                (other_key.clone(), target.clone()),
            ]);
            let options = Value::Object(vec![("where".into(), where_)]);
            super::write::update_where(rt, schema, join_id, &values, Some(&options))?;
        }
    }
    Ok(())
}

/// One INSERT of join rows linking `key` to each of `targets`, with the call's
/// join-table values.
fn insert_links(
    rt: &mut Runtime,
    schema: &Schema,
    association: &Association,
    key: &Value,
    targets: &[Value],
    through: &[(String, Value)],
) -> RunResult<()> {
    let join_id = association.through.expect("join model");
    let other_key = association.other_key.clone().unwrap_or_default();
    let records: Vec<Value> = targets
        .iter()
        .map(|t| {
            let mut record = through.to_vec();
            record.retain(|(k, _)| *k != association.foreign_key && *k != other_key);
            record.push((association.foreign_key.clone(), key.clone()));
            record.push((other_key.clone(), (*t).clone()));
            Value::Object(record)
        })
        .collect();
    super::write::bulk_create(rt, schema, join_id, &records, None, &[])?;
    Ok(())
}

/// `remove`: deletes the join rows.
fn unlink(
    rt: &mut Runtime,
    schema: &Schema,
    association: &Association,
    key: &Value,
    targets: &[Value],
) -> RunResult<()> {
    let join = schema.model(association.through.expect("join model"));
    let other_key = association.other_key.clone().unwrap_or_default();
    rt.log(format!(
        "DELETE FROM {} WHERE {} = {} AND {} IN ({})",
        log::quote(&join.table_name),
        log::quote(&join.field_of(&association.foreign_key)),
        log::literal_sql(&literal_of(key)),
        log::quote(&join.field_of(&other_key)),
        targets
            .iter()
            .map(|t| log::literal_sql(&literal_of(t)))
            .collect::<Vec<_>>()
            .join(", ")
    ))?;
    let filter =
        Filter::eq(&join.field_of(&association.foreign_key), &cell_of(key)).and(Filter::one_of(
            &join.field_of(&other_key),
            &targets.iter().map(cell_of).collect::<Vec<_>>(),
        ));
    rt.store
        .delete(&join.table_name, &filter)
        .map_err(engine_error)?;
    Ok(())
}
