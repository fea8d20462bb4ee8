//! Writing rows: `build` + `save`, `create` (with nested `include`), `update`, as
//! Sequelize 6 does them — which keys `dataValues` gets in which order, the `notNull`
//! check, timestamps, the INSERT/UPDATE it logs — checked against the store's rows
//! for foreign keys, as the run's database would (refusing in its words: `sql::refusal`).

use super::find;
use super::store::{cell_in, Cell, Filter};
use super::{cell_of, engine_error, log, RunResult, Runtime};
use crate::error::{ErrorName, SequelizeError};
use crate::plan::IncludePlan;
use crate::schema::{AssociationType, DefaultValue, Model, ModelId, Schema};
use crate::sql::refusal;
use crate::sql::Dialect;
use crate::value::Value;
use crate::value::{Instance, InstanceRef};
use serde_json::Value as Json;

/// `Model.build(values)`: defaults first, the primary key as null, then the given values.
pub fn build(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    values: &Value,
    includes: &[IncludePlan],
) -> Instance {
    let model = schema.model(model_id);
    let mut instance = Instance::new(model_id);
    let given = |key: &str| {
        values
            .get(key)
            .is_some_and(|v| !matches!(v, Value::Undefined))
    };
    let supplied = rt.take_supplied_defaults(model_id);
    for (name, attribute) in &model.attributes {
        let Some(default) = &attribute.default_value else {
            continue;
        };
        if given(name) {
            continue;
        }
        let value = match default {
            DefaultValue::Str(s) => Value::Str(s.clone()),
            DefaultValue::Number(n) => Value::Number(*n),
            DefaultValue::Bool(b) => Value::Bool(*b),
            DefaultValue::Null => Value::Null,
            DefaultValue::List(items) => Value::Array(
                items
                    .iter()
                    .map(|item| match item {
                        DefaultValue::Str(s) => Value::Str(s.clone()),
                        DefaultValue::Number(n) => Value::Number(*n),
                        DefaultValue::Bool(b) => Value::Bool(*b),
                        _ => Value::Null,
                    })
                    .collect(),
            ),
            DefaultValue::Json(text) => serde_json::from_str(text)
                .map(crate::value::from_json)
                .unwrap_or(Value::Null),
            DefaultValue::Date(ms) => Value::Date(*ms),
            DefaultValue::Sql(text) => Value::Sql(std::rc::Rc::new(
                crate::value::SqlExpr::Literal(crate::sql::respell::unmark(text)),
            )),
            DefaultValue::Computed(kind) if kind == "NOW" => Value::Date(rt.now()),
            DefaultValue::Computed(kind) if kind.starts_with("UUID") => Value::Str(next_uuid(rt)),
            DefaultValue::Computed(kind) if kind == "function" => {
                match supplied.iter().flatten().find(|(key, _)| key == name) {
                    Some((_, value)) => value.clone(),
                    None => {
                        rt.unsupplied_default = Some((model_id, name.clone()));
                        continue;
                    }
                }
            }
            DefaultValue::Computed(_) => continue,
        };
        instance.set(name, value);
    }
    for (name, attribute) in &model.attributes {
        if attribute.is_primary_key() && instance.get(name).is_none() && !given(name) {
            instance.set(name, Value::Null);
        }
    }
    if let Value::Object(props) = values {
        for (key, value) in props {
            if model.has_attribute(key) {
                if !matches!(value, Value::Undefined) {
                    instance.set(key, super::sanitize(model.attribute(key), value.clone()));
                    // Given values are set as changes (defaults are set raw, unchanged).
                    if !instance.changed.contains(key) {
                        instance.changed.push(key.clone());
                        instance.previous.push((key.clone(), Value::Undefined));
                    }
                }
            } else if let Some(include) = includes.iter().find(|i| i.as_name == *key) {
                let built = match value {
                    Value::Array(items) => Value::Array(
                        items
                            .iter()
                            .map(|item| {
                                Value::Instance(
                                    build(rt, schema, include.model, item, &include.children)
                                        .into_ref(),
                                )
                            })
                            .collect(),
                    ),
                    Value::Instance(_) => value.clone(),
                    other => Value::Instance(
                        build(rt, schema, include.model, other, &include.children).into_ref(),
                    ),
                };
                instance.set(key, built);
            }
        }
    }
    instance
}

/// A deterministic v4-shaped UUID (the run is replayable; real UUIDs are random anyway).
fn next_uuid(rt: &mut Runtime) -> String {
    let n = rt.next_id("\u{0}uuid") as u64;
    format!(
        "{:08x}-0000-4000-8000-{:012x}",
        n,
        n.wrapping_mul(0x9e37_79b9)
    )
}

/// A nested write still to come after its parent's INSERT: a child row, or the join
/// row that links a belongsToMany child to its parent.
enum Pending<'p> {
    Child {
        child: InstanceRef,
        include: &'p IncludePlan,
        parent_key: Value,
    },
    Link {
        include: &'p IncludePlan,
        parent_key: Value,
        child: InstanceRef,
    },
}

/// `instance.save()` of a new record: INSERT … RETURNING, nested includes around it.
///
/// Sequelize saves an include's children concurrently (`Promise.all`), so its log has
/// the INSERTs of one depth before those of the next: the children are written here
/// in rounds, breadth first, each belongsToMany child's join row in the round after it.
pub fn insert(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
    includes: &[IncludePlan],
) -> RunResult<()> {
    insert_fields(rt, schema, instance, includes, None)
}

/// [`insert`], of only `fields` when given (`create(values, { fields })`, a new
/// record's `save({ fields })`): those columns, then the timestamps, as Sequelize's
/// `save` adds them.
pub fn insert_fields(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
    includes: &[IncludePlan],
    fields: Option<&[String]>,
) -> RunResult<()> {
    insert_row(rt, schema, instance, includes, fields)?;
    let mut round = pending_children(instance, includes);
    while !round.is_empty() {
        // A child with includes of its own awaits them before its INSERT, so within a
        // round the children without reach the database first (stable otherwise).
        round.sort_by_key(|pending| match pending {
            Pending::Child { include, .. } => usize::from(!include.children.is_empty()),
            Pending::Link { .. } => 2,
        });
        let mut next = Vec::new();
        for pending in round {
            match pending {
                Pending::Child {
                    child,
                    include,
                    parent_key,
                } => {
                    let association = &include.association;
                    if association.kind != AssociationType::BelongsToMany {
                        child
                            .borrow_mut()
                            .set(&association.foreign_key, parent_key.clone());
                    }
                    insert_row(rt, schema, &child, &include.children, None)?;
                    next.extend(pending_children(&child, &include.children));
                    if association.kind == AssociationType::BelongsToMany {
                        next.push(Pending::Link {
                            include,
                            parent_key,
                            child,
                        });
                    }
                }
                Pending::Link {
                    include,
                    parent_key,
                    child,
                } => link_nested(rt, schema, include, parent_key, &child)?,
            }
        }
        round = next;
    }
    Ok(())
}

/// The to-one and to-many children a new row was given (`{ pugs: [...] }`), in
/// include order, to be written after it.
fn pending_children<'p>(instance: &InstanceRef, includes: &'p [IncludePlan]) -> Vec<Pending<'p>> {
    let mut pending = Vec::new();
    for include in includes
        .iter()
        .filter(|i| i.association.kind != AssociationType::BelongsTo)
    {
        let children = match instance.borrow().get(&include.as_name).cloned() {
            Some(Value::Array(items)) => items,
            Some(single @ Value::Instance(_)) => vec![single],
            _ => Vec::new(),
        };
        let parent_key = instance
            .borrow()
            .get(&include.association.source_key)
            .cloned()
            .unwrap_or(Value::Null);
        for child in children {
            if let Value::Instance(child) = child {
                pending.push(Pending::Child {
                    child,
                    include,
                    parent_key: parent_key.clone(),
                });
            }
        }
    }
    pending
}

/// The join row of a belongsToMany child created with its parent: `through.create`
/// of both keys and any join values the child carries under the join model's name.
fn link_nested(
    rt: &mut Runtime,
    schema: &Schema,
    include: &IncludePlan,
    parent_key: Value,
    child: &InstanceRef,
) -> RunResult<()> {
    let association = &include.association;
    let Some(join_id) = association.through else {
        return Ok(());
    };
    let join = schema.model(join_id);
    let other_key = association.other_key.clone().unwrap_or_default();
    let target = schema.model(include.model);
    let child_key = target
        .primary_key_attribute()
        .and_then(|pk| child.borrow().get(pk).cloned())
        .unwrap_or(Value::Null);
    let mut values = vec![
        (association.foreign_key.clone(), parent_key),
        (other_key.clone(), child_key),
    ];
    if let Some(Value::Object(extra)) = child.borrow().get(&join.name) {
        values.extend(
            extra
                .iter()
                .filter(|(k, _)| *k != association.foreign_key && *k != other_key)
                .filter(|(k, _)| join.has_attribute(k))
                .cloned(),
        );
    }
    create(rt, schema, join_id, &Value::Object(values), None)?;
    Ok(())
}

/// A new row's own INSERT, after the belongsTo parents it was given (whose keys it needs).
fn insert_row(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
    includes: &[IncludePlan],
    fields: Option<&[String]>,
) -> RunResult<()> {
    let model_id = instance.borrow().model;
    let model = schema.model(model_id);
    let written = fields.map(|fields| written_fields(model, fields));
    // belongsTo parents first: the new row needs their keys.
    for include in includes
        .iter()
        .filter(|i| i.association.kind == AssociationType::BelongsTo)
    {
        let parent = instance.borrow().get(&include.as_name).cloned();
        if let Some(Value::Instance(parent)) = parent {
            if parent.borrow().is_new_record {
                insert(rt, schema, &parent, &include.children)?;
            }
            let key = parent
                .borrow()
                .get(&include.association.target_key)
                .cloned()
                .unwrap_or(Value::Null);
            instance
                .borrow_mut()
                .set(&include.association.foreign_key, key);
        }
    }
    // save() stamps the record before it validates it (the failure's items show both).
    let now = rt.now();
    {
        let mut data = instance.borrow_mut();
        if let Some(updated) = &model.timestamp_attributes.updated_at {
            data.set(updated, Value::Date(now));
        }
        if let Some(created) = &model.timestamp_attributes.created_at {
            if data
                .get(created)
                .is_none_or(|v| matches!(v, Value::Null | Value::Undefined))
            {
                data.set(created, Value::Date(now));
            }
        }
    }
    validate_row(rt, schema, instance, true)?;
    // The record as a refusal's items show it: before the INSERT gave it a key.
    let unsaved = crate::value::to_json(&Value::Instance(instance.clone()));
    // The keys the sequence gives this record, and the values the INSERT binds.
    let mut generated = Vec::new();
    let mut bound = Vec::new();
    let mut columns = Vec::new();
    let mut row = Vec::new();
    // PostgreSQL refuses a bad integer when the logged INSERT runs.
    let mut bad_integer = None;
    // With `fields`, the columns are theirs, in their order.
    let attributes: Vec<&(String, crate::schema::Attribute)> = match &written {
        Some(names) => names
            .iter()
            .filter_map(|n| model.table_attributes().find(|(name, _)| name == n))
            .collect(),
        None => model.table_attributes().collect(),
    };
    {
        let mut data = instance.borrow_mut();
        for (name, attribute) in attributes {
            let field = model.field_of(name);
            match data.get(name).cloned() {
                Some(Value::Null) if attribute.auto_increment == Some(true) => {
                    columns.push((field.clone(), log::Slot::Default));
                    let id = rt.next_id(&model.table_name);
                    data.set(name, Value::Number(id as f64));
                    generated.push(name.clone());
                    row.push((field, Cell::Int(id)));
                }
                Some(value) => {
                    match (
                        check_integer(rt.dialect(), &model.table_name, &field, attribute, &value),
                        &value,
                    ) {
                        (Err(error), _) => {
                            bad_integer.get_or_insert(error);
                        }
                        (Ok(()), Value::Number(n)) if attribute.auto_increment == Some(true) => {
                            rt.saw_id(&model.table_name, *n as i64);
                        }
                        _ if attribute.auto_increment == Some(true) => {
                            rt.chose_key(&model.table_name);
                        }
                        _ => {}
                    }
                    if let Value::Sql(piece) = &value {
                        // Written into the INSERT as it is; the database computes it.
                        let cell = inserted_sql_cell(rt, model, attribute, piece)?;
                        columns.push((field.clone(), log::Slot::Sql(log::expr_sql(piece))));
                        row.push((field, cell));
                        continue;
                    }
                    columns.push((field.clone(), log::Slot::Bound));
                    row.push((field, rt.stored_cell(model, name, &value)));
                    bound.push(value);
                }
                None => row.push((field, Cell::Null)),
            }
        }
        // An auto-increment key left out of `fields` still gets the sequence's next value;
        // another column left out gets its DDL default.
        for (name, attribute) in model.table_attributes() {
            let listed = written.as_ref().is_none_or(|w| w.contains(name));
            if !listed && attribute.auto_increment != Some(true) {
                let default = match &attribute.default_value {
                    Some(DefaultValue::Str(s)) => Some(Value::Str(s.clone())),
                    Some(DefaultValue::Number(n)) => Some(Value::Number(*n)),
                    Some(DefaultValue::Bool(b)) => Some(Value::Bool(*b)),
                    _ => None,
                };
                if let Some(value) = default {
                    row.push((model.field_of(name), rt.stored_cell(model, name, &value)));
                }
            }
            let unset = matches!(data.get(name), None | Some(Value::Null));
            if !listed && attribute.auto_increment == Some(true) && unset {
                let id = rt.next_id(&model.table_name);
                data.set(name, Value::Number(id as f64));
                generated.push(name.clone());
                row.push((model.field_of(name), Cell::Int(id)));
            }
        }
    }
    let returning: Vec<String> = model
        .table_attributes()
        .map(|(n, _)| model.field_of(n))
        .collect();
    rt.log_bound(log::insert(&model.table_name, &columns, &returning), &bound)?;
    rt.require_table(&model.table_name)?;
    if let Some(error) = bad_integer {
        return Err(error);
    }
    let checked = check_unique(
        rt,
        schema,
        model_id,
        std::slice::from_ref(&row),
        &columns,
        Some(&unsaved),
    )
    .and_then(|()| {
        let rows = std::slice::from_ref(&row);
        check_foreign_keys(rt, schema, model_id, rows, Some(&unsaved))
    });
    if let Err(error) = checked {
        // The refused INSERT returned nothing: the record keeps no key.
        for name in &generated {
            instance.borrow_mut().set(name, Value::Null);
        }
        rt.refused(Some(instance));
        return Err(error);
    }
    rt.store
        .insert(&model.table_name, &row)
        .map_err(engine_error)?;
    rt.count_rows(1)?;
    {
        let mut data = instance.borrow_mut();
        // RETURNING gives every column back, as the database keeps it (`'5'` for an
        // INTEGER is 5, a DECIMAL(10,2)'s 3 is '3.00'); elsewhere the instance keeps
        // what it had.
        if rt.dialect().has_returning() {
            for (name, attribute) in model.table_attributes() {
                let field = model.field_of(name);
                let stored = row.iter().find(|(f, _)| *f == field).map(|(_, c)| c);
                let cell = stored.unwrap_or(&Cell::Null);
                // A column `fields` left out comes back NULL (its key, with its value).
                if written.as_ref().is_some_and(|w| !w.contains(name)) {
                    let value = match stored {
                        Some(cell) => returned_value(model, name, attribute, cell, rt.dialect()),
                        None => Value::Null,
                    };
                    data.set(name, value);
                    continue;
                }
                match data.get(name) {
                    None => data.set(name, Value::Null),
                    Some(_) if returns_converted(attribute) => {
                        let value = returned_value(model, name, attribute, cell, rt.dialect());
                        data.set(name, value);
                    }
                    Some(_) => {}
                }
            }
        }
        data.is_new_record = false;
        match &written {
            // `save({ fields })` leaves the other attributes changed.
            Some(fields) => {
                data.changed.retain(|c| !fields.contains(c));
                data.previous.retain(|(k, _)| !fields.contains(k));
                // Without RETURNING the driver's insert id is set on the record, which
                // marks the key changed; the fields saved do not name it.
                if !rt.dialect().has_returning() {
                    for key in generated.iter().filter(|k| !fields.contains(k)) {
                        if !data.changed.contains(key) {
                            data.changed.push(key.clone());
                        }
                    }
                }
            }
            None => data.mark_saved(),
        }
    }
    Ok(())
}

/// The cell an INSERT's SQL piece (`CURRENT_TIMESTAMP`) stores in `attribute`'s column.
fn inserted_sql_cell(
    rt: &mut Runtime,
    model: &Model,
    attribute: &crate::schema::Attribute,
    piece: &crate::value::SqlExpr,
) -> RunResult<Cell> {
    let mut cell = find::compute_on_row(piece, &model.name, &Vec::new(), rt)?;
    super::store::convert(&mut cell, super::column_kind(attribute.data_type.as_ref()));
    Ok(cell)
}

/// Whether RETURNING gives back `attribute` other than it was given: a number, a
/// string or a boolean column converts what it was bound to its own type.
fn returns_converted(attribute: &crate::schema::Attribute) -> bool {
    attribute.data_type.as_ref().is_some_and(|t| {
        matches!(
            t.key.as_str(),
            "INTEGER"
                | "SMALLINT"
                | "TINYINT"
                | "MEDIUMINT"
                | "BIGINT"
                | "FLOAT"
                | "REAL"
                | "DOUBLE"
                | "DECIMAL"
                | "NUMERIC"
                | "STRING"
                | "TEXT"
                | "CHAR"
                | "BOOLEAN"
        )
    })
}

/// The value RETURNING gives back for the cell `cell` written to `attribute`'s column.
fn returned_value(
    model: &Model,
    name: &str,
    attribute: &crate::schema::Attribute,
    cell: &Cell,
    dialect: crate::sql::Dialect,
) -> Value {
    let mut cell = cell.clone();
    super::store::convert(&mut cell, super::column_kind(attribute.data_type.as_ref()));
    super::instance::value_of(model, name, cell, dialect)
}

/// The attributes a save of `fields` writes: those, then `updatedAt` and `createdAt`.
fn written_fields(model: &Model, fields: &[String]) -> Vec<String> {
    let mut written: Vec<String> = fields.to_vec();
    let stamps = &model.timestamp_attributes;
    for stamp in [&stamps.updated_at, &stamps.created_at]
        .into_iter()
        .flatten()
    {
        if !written.contains(stamp) {
            written.push(stamp.clone());
        }
    }
    written
}

/// The database's refusal of a number an INTEGER column cannot hold (`5 / 0`, and on
/// PostgreSQL `1.5`).
fn check_integer(
    dialect: crate::sql::Dialect,
    table: &str,
    field: &str,
    attribute: &crate::schema::Attribute,
    value: &Value,
) -> RunResult<()> {
    let key = attribute.data_type.as_ref().map_or("", |t| t.key.as_str());
    let n = match value {
        Value::Number(n) => *n,
        Value::Str(text) => return check_text_input(dialect, table, field, attribute, text),
        _ => return Ok(()),
    };
    if key != "INTEGER" {
        return Ok(());
    }
    let primary_key = attribute.primary_key == Some(true);
    match crate::sql::refusal::not_an_integer(dialect, n, field, primary_key) {
        Some(message) => Err(SequelizeError::new(
            ErrorName::SequelizeDatabaseError,
            message,
        )),
        None => Ok(()),
    }
}

/// The database's refusal of a text its column's type cannot take (`'abc'` for an
/// INTEGER): PostgreSQL's and MySQL's words; SQLite would keep the text, which the
/// playground's typed columns cannot, and says so.
fn check_text_input(
    dialect: crate::sql::Dialect,
    table: &str,
    field: &str,
    attribute: &crate::schema::Attribute,
    text: &str,
) -> RunResult<()> {
    use crate::sql::{refusal, Dialect};
    let key = attribute.data_type.as_ref().map_or("", |t| t.key.as_str());
    // An ENUM's value outside its list: PostgreSQL's enum type and MySQL's ENUM column
    // refuse it; SQLite's TEXT column keeps it.
    if let Some(values) = attribute
        .data_type
        .as_ref()
        .filter(|t| t.key == "ENUM")
        .map(|t| &t.values)
    {
        if values.iter().any(|v| v == text) {
            return Ok(());
        }
        let message = match dialect {
            Dialect::Postgres => {
                format!("invalid input value for enum \"enum_{table}_{field}\": \"{text}\"")
            }
            Dialect::Mysql => format!("Data truncated for column '{field}' at row 1"),
            Dialect::Sqlite => return Ok(()),
        };
        return Err(
            SequelizeError::new(ErrorName::SequelizeDatabaseError, message)
                .with_hint(format!("{field} takes one of: {}", values.join(", "))),
        );
    }
    // A text that is no date: Sequelize binds moment's 'Invalid date'.
    if key == "DATE" && crate::js::parse_iso_date(text).is_none() {
        let message = match dialect {
            Dialect::Postgres => {
                "invalid input syntax for type timestamp with time zone: \"Invalid date\"".to_string()
            }
            Dialect::Mysql => format!(
                "Incorrect datetime value: 'Invalid date' for column `{}`.`{table}`.`{field}` at row 1",
                refusal::MYSQL_DATABASE
            ),
            Dialect::Sqlite => {
                return Err(SequelizeError::plain(format!(
                    "The playground keeps column {field} as DATE and cannot store the text 'Invalid date' (of '{text}')"
                ))
                .with_hint("SQLite itself would keep the text; write a date here (new Date(…) or an ISO text like '2024-03-01')"))
            }
        };
        return Err(
            SequelizeError::new(ErrorName::SequelizeDatabaseError, message).with_hint(format!(
                "'{text}' is not a date: new Date('{text}') is an Invalid Date"
            )),
        );
    }
    if find::postgres_reads(key, text) {
        return Ok(());
    }
    let integer = matches!(
        key,
        "INTEGER" | "MEDIUMINT" | "BIGINT" | "SMALLINT" | "TINYINT"
    );
    let refused = |message| {
        Err(SequelizeError::new(
            ErrorName::SequelizeDatabaseError,
            message,
        ))
    };
    match dialect {
        Dialect::Postgres => match refusal::postgres_type_name(key) {
            Some(name) => refused(refusal::postgres_bad_input(name, text)),
            None => Ok(()),
        },
        Dialect::Mysql if integer => refused(refusal::mysql_bad_integer(table, field, text)),
        _ if super::column_kind(attribute.data_type.as_ref()) != super::store::ColumnKind::Text => {
            Err(SequelizeError::plain(format!(
                "The playground keeps column {field} as {key} and cannot store the text '{text}'"
            ))
            .with_hint(match dialect {
                Dialect::Sqlite => "SQLite itself would keep the text as it is; write a value of the column's type here",
                _ => "MySQL itself would convert the text, with a warning; write a value of the column's type here",
            }))
        }
        _ => Ok(()),
    }
}

/// Sequelize's validation of a row before it is written ([`super::validate`]), with
/// the failures of the validators written as functions (the interpreter ran them); also
/// `instance.validate()`. `bulkCreate` runs the validators only when asked
/// (`validate: true`).
pub(super) fn validate_row(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
    validators: bool,
) -> RunResult<()> {
    let functions = rt.take_function_failures();
    let checked = {
        let data = instance.borrow();
        super::validate::check(
            schema.model(data.model),
            &data.values,
            validators,
            None,
            &functions,
        )
    };
    if checked.is_err() {
        rt.refused(Some(instance));
    }
    checked
}

/// The foreign key of `model`'s attribute `name` (column `field`, referring to
/// `table`.`key`), as the database's refusals name it.
fn foreign_key<'a>(
    model: &'a Model,
    name: &str,
    field: &'a str,
    table: &'a str,
    key: &'a str,
) -> refusal::ForeignKey<'a> {
    let attribute = model.attribute(name);
    let number = model
        .table_attributes()
        .filter(|(_, a)| a.references.is_some())
        .position(|(n, _)| n == name)
        .map_or(1, |i| i + 1);
    refusal::ForeignKey {
        table: &model.table_name,
        field,
        number,
        references: table,
        key,
        on_delete: attribute.and_then(|a| a.on_delete.as_deref()),
        on_update: attribute.and_then(|a| a.on_update.as_deref()),
    }
}

fn with_foreign_key_properties(
    mut error: SequelizeError,
    dialect: crate::sql::Dialect,
    key: &refusal::ForeignKey,
    refused: refusal::Refused,
) -> SequelizeError {
    for (name, value) in refusal::foreign_key_error_properties(dialect, key, refused) {
        error = error.with_property(name, value);
    }
    error
}

/// The database's foreign-key check on insert and update, worded as it words it.
/// Takes a batch: each referenced table is read once, however many rows there are.
fn check_foreign_keys<C: AsRef<str>>(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    rows: &[Vec<(C, Cell)>],
    instance: Option<&Json>,
) -> RunResult<()> {
    let model = schema.model(model_id);
    for (name, attribute) in model.table_attributes() {
        let Some(references) = &attribute.references else {
            continue;
        };
        let table = references.model.clone().unwrap_or_default();
        if !rt.is_synced(&table) {
            continue;
        }
        let field = model.field_of(name);
        let values: Vec<Cell> = rows
            .iter()
            .map(|r| cell_in(r, &field))
            .filter(|v| *v != Cell::Null)
            .collect();
        if values.is_empty() {
            continue;
        }
        let key = references.key.clone().unwrap_or_else(|| "id".into());
        let found = find::select_by_keys(rt, &table, &key, &values, Filter::All)?;
        let present: std::collections::HashSet<String> = found
            .iter()
            .map(|r| format!("{:?}", cell_in(r, &key)))
            .collect();
        if let Some(missing) = values.iter().find(|v| !present.contains(&format!("{v:?}"))) {
            let target = schema
                .models
                .iter()
                .find(|m| m.table_name == table)
                .map_or(table.as_str(), |m| m.name.as_str());
            let constraint = foreign_key(model, name, &field, &table, &key);
            let error = SequelizeError::new(
                ErrorName::SequelizeForeignKeyConstraintError,
                refusal::child_without_parent(rt.dialect(), &constraint),
            )
            .with_property(
                "parent",
                refusal::driver_error(
                    rt.dialect(),
                    refusal::DriverError::NoParent {
                        key: &constraint,
                        value: &missing.text(),
                    },
                    rt.refusing(),
                ),
            );
            // MySQL's error names the record's value (an instance's; none for a batch).
            let value = instance.and_then(|i| i.get(field.as_str())).cloned();
            let refused = refusal::Refused::Child { value };
            return Err(with_foreign_key_properties(error, rt.dialect(), &constraint, refused)
            .with_hint(format!(
                "{name} refers to {table}.{key}, and no {target} has {key} {}: create the {target} first and use its {key} (or leave {name} null)",
                missing.display()
            )));
        }
    }
    Ok(())
}

/// `instance.save()` of a stored record: UPDATE of the changed attributes and `updatedAt`.
pub fn update(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
    fields: &[String],
) -> RunResult<()> {
    write_changes(rt, schema, instance, fields, true)
}

/// [`update`], touching `updatedAt` or not (`silent: true`).
fn write_changes(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
    fields: &[String],
    touch_updated_at: bool,
) -> RunResult<()> {
    let model_id = instance.borrow().model;
    let model = schema.model(model_id);
    // A VIRTUAL attribute has no column: it is never written.
    let mut fields: Vec<String> = fields
        .iter()
        .filter(|f| model.attribute(f).is_none_or(|a| !a.is_virtual()))
        .cloned()
        .collect();
    if fields.is_empty() {
        return Ok(());
    }
    if let Some(updated) = model
        .timestamp_attributes
        .updated_at
        .as_ref()
        .filter(|_| touch_updated_at)
    {
        let now = rt.now();
        instance.borrow_mut().set(updated, Value::Date(now));
        if !fields.contains(updated) {
            fields.push(updated.clone());
        }
    }
    let Some(pk) = model.primary_key_attribute() else {
        return Err(SequelizeError::new(
            ErrorName::Error,
            "You attempted to save an instance with no primary key",
        ));
    };
    let key = instance.borrow().get(pk).cloned().unwrap_or(Value::Null);
    let assignments: Vec<(String, Value)> = {
        let data = instance.borrow();
        fields
            .iter()
            .map(|f| (f.clone(), data.get(f).cloned().unwrap_or(Value::Null)))
            .collect()
    };
    let (sets, mut binds) = set_list(model, &assignments);
    let text = format!(
        "UPDATE {} SET {} WHERE {} = ${}",
        log::quote(&model.table_name),
        sets.join(","),
        log::quote(&model.field_of(pk)),
        binds.len() + 1
    );
    binds.push(key.clone());
    rt.log_bound(text, &binds)?;
    let by_key = Filter::eq(&model.field_of(pk), &cell_of(&key));
    if assignments.iter().any(|(_, v)| matches!(v, Value::Sql(_))) {
        update_computing(rt, model, &assignments, &by_key)?;
    } else {
        let set: Vec<(String, Cell)> = assignments
            .iter()
            .map(|(f, v)| (model.field_of(f), rt.stored_cell(model, f, v)))
            .collect();
        let record = crate::value::to_json(&Value::Instance(instance.clone()));
        let rows = std::slice::from_ref(&set);
        check_foreign_keys(rt, schema, model_id, rows, Some(&record))?;
        rt.update_rows(&model.table_name, &set, &by_key)?;
    }
    // Only the saved fields stop being changed (`save({ fields })` leaves the rest).
    let mut data = instance.borrow_mut();
    data.changed.retain(|c| !fields.contains(c));
    data.previous.retain(|(k, _)| !fields.contains(k));
    Ok(())
}

/// `Model.findOrCreate({ where, defaults })`: in a transaction, the findOne of `where`,
/// and when it finds nothing the create of `defaults` with `where`'s values; resolves
/// to `[instance, created]`. On PostgreSQL Sequelize wraps that INSERT in a temporary
/// function that catches a unique violation, and logs the whole of it.
pub fn find_or_create(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    options: Option<&Value>,
) -> RunResult<Value> {
    let Some(where_) = options.and_then(|o| o.get("where")) else {
        return Err(SequelizeError::plain(
            "Missing where attribute in the options parameter passed to findOrCreate. Please note that the API has changed, and is now options only (an object with where, defaults keys, transaction etc.)",
        ));
    };
    let model = schema.model(model_id);
    rt.log(super::transaction_start(rt.dialect()).into())?;
    let find_options = Value::Object(vec![("where".into(), where_.clone())]);
    let mut plan = find::plan(schema, model_id, Some(&find_options))?;
    if !find::is_unique_lookup(model, Some(where_)) {
        plan.limit = Some(1);
    }
    if let Some(found) = find::find(rt, schema, &plan)?.into_iter().next() {
        rt.log("COMMIT;".into())?;
        return Ok(Value::Array(vec![
            Value::Instance(found),
            Value::Bool(false),
        ]));
    }
    // The values of `where`'s plain equalities, then `defaults` over them.
    let mut values: Vec<(String, Value)> = match where_ {
        Value::Object(props) => props
            .iter()
            .filter(|(k, v)| {
                model.has_attribute(k) && !matches!(v, Value::Object(_) | Value::Array(_))
            })
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    if let Some(Value::Object(defaults)) = options.and_then(|o| o.get("defaults")) {
        for (key, value) in defaults {
            values.retain(|(k, _)| k != key);
            values.push((key.clone(), value.clone()));
        }
    }
    let instance = create(rt, schema, model_id, &Value::Object(values), None)?;
    if rt.dialect().has_returning() {
        let wrapped = exception_catching_insert(rt, model, &instance);
        rt.replace_last_log(wrapped);
    }
    rt.log("COMMIT;".into())?;
    Ok(Value::Array(vec![
        Value::Instance(instance),
        Value::Bool(true),
    ]))
}

/// PostgreSQL's findOrCreate INSERT: the INSERT just logged, its bound values inlined,
/// in a temporary plpgsql function that catches `unique_violation`; then the select of
/// the function's answer, and its drop.
fn exception_catching_insert(rt: &mut Runtime, model: &Model, instance: &InstanceRef) -> String {
    let logged = rt.last_log().unwrap_or_default();
    let columns = logged
        .split_once(" (")
        .and_then(|(_, rest)| rest.split_once(") VALUES ("))
        .map_or("", |(columns, _)| columns)
        .to_string();
    let data = instance.borrow();
    let values: Vec<String> = columns
        .split(',')
        .map(|quoted| {
            let field = quoted.trim_matches('"');
            let attribute = model
                .table_attributes()
                .find(|(name, _)| model.field_of(name) == field)
                .map(|(name, attribute)| (name, attribute.auto_increment == Some(true)));
            match attribute {
                Some((_, true)) | None => "DEFAULT".to_string(),
                Some((name, false)) => {
                    log::literal_sql(&find::literal_of(data.get(name).unwrap_or(&Value::Null)))
                }
            }
        })
        .collect();
    let selected: Vec<String> = model
        .table_attributes()
        .map(|(name, _)| format!("(testfunc.response).{}", log::quote(&model.field_of(name))))
        .collect();
    drop(data);
    let tag = format!("$func_{}$", rt.hex_id());
    format!(
        "CREATE OR REPLACE FUNCTION pg_temp.testfunc(OUT response {table}, OUT sequelize_caught_exception text) RETURNS RECORD AS {tag} BEGIN INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING * INTO response; EXCEPTION WHEN unique_violation THEN GET STACKED DIAGNOSTICS sequelize_caught_exception = PG_EXCEPTION_DETAIL; END {tag} LANGUAGE plpgsql; SELECT {selected}, testfunc.sequelize_caught_exception FROM pg_temp.testfunc(); DROP FUNCTION IF EXISTS pg_temp.testfunc();",
        table = log::quote(&model.table_name),
        values = values.join(","),
        selected = selected.join(", "),
    )
}

/// `instance.save()` / `update(values)` of an existing row: the changed `fields`
/// validated, then written. (An association's own saves of a foreign key skip the
/// validators, as Sequelize's pass `allowNull` and `validate: false` for them.)
pub fn save_changes(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
    fields: &[String],
    silent: bool,
) -> RunResult<()> {
    let model = schema.model(instance.borrow().model);
    let functions = rt.take_function_failures();
    let checked = super::validate::check(
        model,
        &instance.borrow().values,
        true,
        Some(fields),
        &functions,
    );
    if checked.is_err() {
        rt.refused(Some(instance));
    }
    checked?;
    write_changes(rt, schema, instance, fields, !silent)
}

/// `Model.upsert(values)`: one INSERT that updates the row whose key it meets (the
/// primary key when given, else a unique key given whole), written as each dialect
/// writes it (`ON CONFLICT … DO UPDATE` on PostgreSQL and SQLite, `ON DUPLICATE KEY
/// UPDATE` on MySQL). Resolves to `[instance, created]`: PostgreSQL's instance is the
/// row RETURNING gives and `created` null; elsewhere the instance holds the values
/// given, and MySQL says whether it inserted.
pub fn upsert(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    values: &Value,
) -> RunResult<Value> {
    let model = schema.model(model_id);
    let given: Vec<(String, Value)> = match values {
        Value::Object(props) => props
            .iter()
            .filter(|(k, v)| model.has_attribute(k) && !matches!(v, Value::Undefined))
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    let instance = build(rt, schema, model_id, &Value::Object(given.clone()), &[]).into_ref();
    validate_row(rt, schema, &instance, true)?;
    let now = rt.now();
    let stamps = &model.timestamp_attributes;
    let mut row: Vec<(String, Value)> = Vec::new();
    for (name, _) in model.table_attributes() {
        let value = if Some(name) == stamps.created_at.as_ref()
            || Some(name) == stamps.updated_at.as_ref()
        {
            Some(Value::Date(now))
        } else {
            // A key the build left null is not sent (Sequelize deletes it for PostgreSQL).
            let generated = model
                .attribute(name)
                .is_some_and(|a| a.auto_increment == Some(true));
            instance.borrow().get(name).cloned().filter(|v| match v {
                Value::Undefined => false,
                Value::Null => !generated,
                _ => true,
            })
        };
        if let Some(value) = value {
            row.push((name.clone(), value));
        }
    }
    let has = |attribute: &str| row.iter().any(|(k, _)| k == attribute);
    let keys = model.unique_keys();
    let conflict = keys
        .iter()
        .find(|k| k.primary && k.attributes.iter().all(|a| has(a)))
        .or_else(|| {
            keys.iter()
                .find(|k| !k.primary && k.attributes.iter().all(|a| has(a)))
        })
        .or_else(|| keys.iter().find(|k| k.primary))
        .map(|k| k.attributes.clone())
        .unwrap_or_default();
    let quoted = |a: &str| log::quote(&model.field_of(a));
    let columns: Vec<String> = row.iter().map(|(k, _)| quoted(k)).collect();
    let binds: Vec<String> = (1..=row.len()).map(|i| format!("${i}")).collect();
    let updated: Vec<&String> = row
        .iter()
        .map(|(k, _)| k)
        .filter(|k| Some(*k) != stamps.created_at.as_ref())
        .collect();
    let mut text = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        log::quote(&model.table_name),
        columns.join(","),
        binds.join(",")
    );
    if rt.dialect() == crate::sql::Dialect::Mysql {
        let sets: Vec<String> = updated
            .iter()
            .map(|k| format!("{0}=VALUES({0})", quoted(k)))
            .collect();
        text.push_str(&format!(" ON DUPLICATE KEY UPDATE {}", sets.join(",")));
    } else {
        let target: Vec<String> = conflict.iter().map(|a| quoted(a)).collect();
        let sets: Vec<String> = updated
            .iter()
            .map(|k| format!("{0}=EXCLUDED.{0}", quoted(k)))
            .collect();
        text.push_str(&format!(
            " ON CONFLICT ({}) DO UPDATE SET {}",
            target.join(","),
            sets.join(",")
        ));
    }
    if rt.dialect().has_returning() {
        let all: Vec<String> = model.table_attributes().map(|(n, _)| quoted(n)).collect();
        text.push_str(&format!(" RETURNING {}", all.join(",")));
    }
    text.push(';');
    rt.log(text)?;
    rt.require_table(&model.table_name)?;
    // The row the key meets, if any, is updated; else the row is inserted.
    let key_filter = conflict.iter().fold(Filter::All, |filter, attribute| {
        let value = row
            .iter()
            .find(|(k, _)| k == attribute)
            .map_or(Value::Null, |(_, v)| v.clone());
        filter.and(Filter::eq(
            &model.field_of(attribute),
            &rt.stored_cell(model, attribute, &value),
        ))
    });
    let existing = if conflict.is_empty() || conflict.iter().any(|a| !has(a)) {
        Vec::new()
    } else {
        rt.store
            .select(&model.table_name, &key_filter)
            .map_err(engine_error)?
    };
    let created = existing.is_empty();
    if created {
        let mut cells: Vec<(String, Cell)> = Vec::new();
        for (name, attribute) in model.table_attributes() {
            let field = model.field_of(name);
            match row.iter().find(|(k, _)| k == name) {
                Some((_, value)) => cells.push((field, rt.stored_cell(model, name, value))),
                None if attribute.auto_increment == Some(true) => {
                    let id = rt.next_id(&model.table_name);
                    instance.borrow_mut().set(name, Value::Number(id as f64));
                    cells.push((field, Cell::Int(id)));
                }
                None => cells.push((field, Cell::Null)),
            }
        }
        if let Some(Cell::Int(id)) = model
            .primary_key_attribute()
            .map(|pk| cell_in(&cells, &model.field_of(pk)))
        {
            rt.saw_id(&model.table_name, id);
        }
        check_unique(
            rt,
            schema,
            model_id,
            std::slice::from_ref(&cells),
            &[],
            None,
        )?;
        check_foreign_keys(rt, schema, model_id, std::slice::from_ref(&cells), None)?;
        rt.store
            .insert(&model.table_name, &cells)
            .map_err(engine_error)?;
        rt.count_rows(1)?;
    } else {
        let set: Vec<(String, Cell)> = updated
            .iter()
            .map(|k| {
                let value = row
                    .iter()
                    .find(|(a, _)| a == *k)
                    .map_or(Value::Null, |(_, v)| v.clone());
                (model.field_of(k), rt.stored_cell(model, k, &value))
            })
            .collect();
        check_foreign_keys(rt, schema, model_id, std::slice::from_ref(&set), None)?;
        rt.update_rows(&model.table_name, &set, &key_filter)?;
    }
    let answer = match rt.dialect() {
        crate::sql::Dialect::Postgres => {
            let stored = rt
                .store
                .select(&model.table_name, &key_filter)
                .map_err(engine_error)?;
            let fresh = match stored.first() {
                Some(r) => super::instance::from_row(
                    model_id,
                    model,
                    r,
                    &find::all_attributes(model),
                    &[],
                    rt.dialect(),
                )
                .into_ref(),
                None => instance,
            };
            vec![Value::Instance(fresh), Value::Null]
        }
        dialect => {
            {
                let mut data = instance.borrow_mut();
                data.values
                    .retain(|(k, _)| given.iter().any(|(g, _)| g == k));
                data.is_new_record = false;
                data.mark_saved();
            }
            let created = if dialect == crate::sql::Dialect::Mysql {
                Value::Bool(created)
            } else {
                Value::Null
            };
            vec![Value::Instance(instance), created]
        }
    };
    Ok(Value::Array(answer))
}

/// `Model.create(values, { include })`.
pub fn create(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    values: &Value,
    options: Option<&Value>,
) -> RunResult<InstanceRef> {
    let includes = match options.and_then(|o| o.get("include")) {
        Some(include) => find::parse_includes(schema, model_id, include)?,
        None => Vec::new(),
    };
    // `fields`: only those values are set (Sequelize builds with `attributes: fields`),
    // and only they are written.
    let fields = fields_option(options);
    let values = match (&fields, values) {
        (Some(fields), Value::Object(props)) => Value::Object(
            props
                .iter()
                .filter(|(k, _)| fields.contains(k))
                .cloned()
                .collect(),
        ),
        _ => values.clone(),
    };
    let instance = build(rt, schema, model_id, &values, &includes).into_ref();
    insert_fields(rt, schema, &instance, &includes, fields.as_deref())?;
    Ok(instance)
}

/// A save's or create's `fields: ['name', …]`, if given.
pub fn fields_option(options: Option<&Value>) -> Option<Vec<String>> {
    match options.and_then(|o| o.get("fields")) {
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_string))
                .collect(),
        ),
        _ => None,
    }
}

/// A value written inline as its attribute's type writes it: FLOAT, DOUBLE and REAL
/// quote their numbers (`'6.5'`), JSON writes its text, as their `_stringify` does.
fn inline_value(attribute: &crate::schema::Attribute, value: &Value) -> String {
    let floating = attribute
        .data_type
        .as_ref()
        .is_some_and(|t| matches!(t.key.as_str(), "FLOAT" | "DOUBLE" | "REAL"));
    let json = attribute
        .data_type
        .as_ref()
        .is_some_and(|t| matches!(t.key.as_str(), "JSON" | "JSONB"));
    match (floating, value) {
        (true, Value::Number(n)) => format!("'{}'", crate::js::format_number(*n)),
        // JSON's `_stringify`: the value's JSON text, as a string.
        _ if json && !matches!(value, Value::Null | Value::Undefined) => {
            let text = serde_json::to_string(&crate::value::to_json(value)).unwrap_or_default();
            log::literal_sql(&crate::plan::Literal::Str(text))
        }
        _ => log::literal_sql(&find::literal_of(value)),
    }
}

/// `Model.truncate(options)` and `destroy({ truncate: true })`: PostgreSQL's and
/// MySQL's TRUNCATE (MySQL's starts the keys again from 1), SQLite's DELETE FROM.
pub fn truncate(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    options: Option<&Value>,
) -> RunResult<usize> {
    let model = schema.model(model_id);
    let table = log::quote(&model.table_name);
    let flag = |name: &str| options.and_then(|o| o.get(name)).is_some_and(Value::truthy);
    let statement = match rt.dialect() {
        Dialect::Postgres => format!(
            "TRUNCATE {table}{}{}",
            if flag("restartIdentity") {
                " RESTART IDENTITY"
            } else {
                ""
            },
            if flag("cascade") { " CASCADE" } else { "" }
        ),
        Dialect::Mysql => format!("TRUNCATE {table}"),
        Dialect::Sqlite => format!("DELETE FROM {table}"),
    };
    rt.log(statement)?;
    rt.require_table(&model.table_name)?;
    let removed = rt
        .store
        .delete(&model.table_name, &Filter::All)
        .map_err(engine_error)?;
    if rt.dialect() == Dialect::Mysql
        || flag("restartIdentity") && rt.dialect() == Dialect::Postgres
    {
        rt.restart_sequence(&model.table_name);
    }
    Ok(removed)
}

/// A SET list as Sequelize writes it: each value a bind parameter numbered from 1, a SQL
/// piece inlined (`"views"=views + 1`); and how many binds it took.
fn set_list(
    model: &crate::schema::Model,
    assignments: &[(String, Value)],
) -> (Vec<String>, Vec<Value>) {
    let mut binds = Vec::new();
    let sets = assignments
        .iter()
        .map(|(attribute, value)| {
            let column = log::quote(&model.field_of(attribute));
            match value {
                Value::Sql(piece) => format!("{column}={}", log::expr_sql(piece)),
                _ => {
                    binds.push(value.clone());
                    format!("{column}=${}", binds.len())
                }
            }
        })
        .collect();
    (sets, binds)
}

/// The cells an UPDATE writes into `row`: values as stored, SQL pieces computed on it.
fn set_cells(
    rt: &mut Runtime,
    model: &crate::schema::Model,
    assignments: &[(String, Value)],
    row: &crate::runtime::store::Row,
) -> RunResult<Vec<(String, Cell)>> {
    assignments
        .iter()
        .map(|(attribute, value)| {
            let cell = match value {
                Value::Sql(piece) => find::compute_on_row(piece, &model.name, row, rt)?,
                other => rt.stored_cell(model, attribute, other),
            };
            Ok((model.field_of(attribute), cell))
        })
        .collect()
}

/// Writes `assignments` row by row into the rows `filter` selects, each SQL piece
/// computed on its row; how many rows it wrote.
fn update_computing(
    rt: &mut Runtime,
    model: &crate::schema::Model,
    assignments: &[(String, Value)],
    filter: &Filter,
) -> RunResult<usize> {
    let rows = rt
        .store
        .select(&model.table_name, filter)
        .map_err(engine_error)?;
    let pk = model.primary_key_attribute().map(|pk| model.field_of(pk));
    for row in &rows {
        let set = set_cells(rt, model, assignments, row)?;
        let this_row = match &pk {
            Some(pk) => Filter::eq(pk, &cell_in(row, pk)),
            None => filter.clone(),
        };
        rt.update_rows(&model.table_name, &set, &this_row)?;
    }
    Ok(rows.len())
}

/// `instance.validate()`: every attribute's notNull rule and validators, as a save of
/// a new record checks them.
pub fn validate_instance(schema: &Schema, instance: &InstanceRef) -> RunResult<()> {
    let data = instance.borrow();
    super::validate::check(schema.model(data.model), &data.values, true, None, &[])
}

/// `bulkCreate(records, { validate: true })`: every record validated before anything is
/// written; the failures thrown together as an AggregateError of BulkRecordErrors.
fn validate_each(schema: &Schema, instances: &[InstanceRef]) -> RunResult<()> {
    let failures: Vec<serde_json::Value> = instances
        .iter()
        .filter_map(|instance| validate_instance(schema, instance).err())
        .map(|error| {
            let mut inner = serde_json::Map::new();
            inner.insert("name".into(), error.name.as_str().into());
            inner.insert("message".into(), error.message.clone().into());
            for (key, value) in &error.properties {
                inner.insert(key.clone(), value.clone());
            }
            serde_json::json!({
                "name": "SequelizeBulkRecordError",
                "message": error.message,
                "errors": serde_json::Value::Object(inner),
            })
        })
        .collect();
    if failures.is_empty() {
        return Ok(());
    }
    Err(SequelizeError::new(ErrorName::AggregateError, "")
        .with_property("errors", serde_json::Value::Array(failures)))
}

/// `Model.bulkCreate(records)`: one INSERT with the values inline, as Sequelize writes it.
/// What a bulk INSERT writes for a key the database generates: PostgreSQL's `DEFAULT`,
/// MySQL's (and SQLite's) `NULL`.
fn generated_key_value(dialect: crate::sql::Dialect) -> &'static str {
    match dialect {
        crate::sql::Dialect::Postgres => "DEFAULT",
        crate::sql::Dialect::Mysql | crate::sql::Dialect::Sqlite => "NULL",
    }
}

pub fn bulk_create(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    records: &[Value],
    options: Option<&Value>,
    includes: &[crate::plan::IncludePlan],
) -> RunResult<Vec<InstanceRef>> {
    let model = schema.model(model_id);
    if let Some(include) = includes.iter().find(|i| {
        !matches!(
            i.association.kind,
            AssociationType::HasMany | AssociationType::HasOne
        )
    }) {
        let kind = match include.association.kind {
            AssociationType::BelongsTo => "belongsTo",
            _ => "belongsToMany",
        };
        return Err(SequelizeError::plain(format!(
            "The playground does not run bulkCreate with a {kind} include yet ({})",
            include.as_name
        ))
        .with_hint("create the records one by one: Model.create(values, { include })"));
    }
    let ignore = options
        .and_then(|o| o.get("ignoreDuplicates"))
        .is_some_and(Value::truthy);
    let update_fields: Vec<String> = match options.and_then(|o| o.get("updateOnDuplicate")) {
        Some(Value::Array(fields)) => fields
            .iter()
            .filter_map(|f| f.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let instances: Vec<InstanceRef> = records
        .iter()
        .map(|r| build(rt, schema, model_id, r, &[]).into_ref())
        .collect();
    if options
        .and_then(|o| o.get("validate"))
        .is_some_and(Value::truthy)
    {
        validate_each(schema, &instances)?;
    }
    let now = rt.now();
    for instance in &instances {
        validate_row(rt, schema, instance, false)?;
        let mut data = instance.borrow_mut();
        for stamp in [
            &model.timestamp_attributes.created_at,
            &model.timestamp_attributes.updated_at,
        ]
        .into_iter()
        .flatten()
        {
            if data.get(stamp).is_none_or(|v| matches!(v, Value::Null)) {
                data.set(stamp, Value::Date(now));
            }
        }
    }
    // The columns, as `bulkInsertQuery` gathers them: each record's attributes (those
    // it has, in attribute order) in turn, each column where it first appears.
    let mut columns: Vec<&String> = Vec::new();
    for instance in &instances {
        let data = instance.borrow();
        for (name, _) in model.table_attributes() {
            if data.get(name).is_some() && !columns.contains(&name) {
                columns.push(name);
            }
        }
    }
    let mut tuples = Vec::new();
    let mut rows = Vec::new();
    for instance in &instances {
        let mut data = instance.borrow_mut();
        let mut tuple: Vec<(&String, String)> = Vec::new();
        let mut row = Vec::new();
        for (name, attribute) in model.table_attributes() {
            let field = model.field_of(name);
            let value = data.get(name).cloned();
            let listed = columns.contains(&name);
            match value {
                Some(Value::Null) | None if attribute.auto_increment == Some(true) => {
                    let id = rt.next_id(&model.table_name);
                    data.set(name, Value::Number(id as f64));
                    row.push((field, Cell::Int(id)));
                    if listed {
                        tuple.push((name, generated_key_value(rt.dialect()).to_string()));
                    }
                }
                Some(Value::Sql(piece)) => {
                    let cell = inserted_sql_cell(rt, model, attribute, &piece)?;
                    row.push((field, cell));
                    if listed {
                        tuple.push((name, log::expr_sql(&piece)));
                    }
                }
                Some(value) => {
                    if attribute.auto_increment == Some(true) {
                        rt.chose_key(&model.table_name);
                    }
                    row.push((field, rt.stored_cell(model, name, &value)));
                    if listed {
                        tuple.push((name, inline_value(attribute, &value)));
                    }
                }
                None => {
                    row.push((field, Cell::Null));
                    if listed {
                        tuple.push((name, "NULL".to_string()));
                    }
                }
            }
        }
        let in_order: Vec<&str> = columns
            .iter()
            .filter_map(|c| tuple.iter().find(|(n, _)| n == c).map(|(_, v)| v.as_str()))
            .collect();
        tuples.push(format!("({})", in_order.join(",")));
        rows.push(row);
    }
    let returning: Vec<String> = model
        .table_attributes()
        .map(|(n, _)| log::quote(&model.field_of(n)))
        .collect();
    // `ignoreDuplicates` and `updateOnDuplicate`, as each query generator words them.
    let dialect = rt.dialect();
    let insert = match (ignore, dialect) {
        (true, Dialect::Mysql) => "INSERT IGNORE INTO",
        (true, Dialect::Sqlite) => "INSERT OR IGNORE INTO",
        _ => "INSERT INTO",
    };
    let upsert_keys = upsert_key_fields(model);
    let conflict = match (ignore, update_fields.is_empty(), dialect) {
        (true, _, Dialect::Postgres) => " ON CONFLICT DO NOTHING".to_string(),
        (false, false, Dialect::Mysql) => {
            let sets: Vec<String> = update_fields
                .iter()
                .map(|f| {
                    let column = log::quote(&model.field_of(f));
                    format!("{column}=VALUES({column})")
                })
                .collect();
            format!(" ON DUPLICATE KEY UPDATE {}", sets.join(","))
        }
        (false, false, _) => {
            let sets: Vec<String> = update_fields
                .iter()
                .map(|f| {
                    let column = log::quote(&model.field_of(f));
                    format!("{column}=EXCLUDED.{column}")
                })
                .collect();
            let target: Vec<String> = upsert_keys.iter().map(|k| log::quote(k)).collect();
            format!(
                " ON CONFLICT ({}) DO UPDATE SET {}",
                target.join(","),
                sets.join(",")
            )
        }
        _ => String::new(),
    };
    rt.log(format!(
        "{insert} {} ({}) VALUES {}{conflict} RETURNING {};",
        log::quote(&model.table_name),
        columns
            .iter()
            .map(|c| log::quote(&model.field_of(c)))
            .collect::<Vec<_>>()
            .join(","),
        tuples.join(","),
        returning.join(",")
    ))?;
    rt.require_table(&model.table_name)?;
    if ignore || !update_fields.is_empty() {
        // Row by row: a row that meets a unique key is skipped, or updates the row it met.
        for row in &rows {
            if check_unique(rt, schema, model_id, std::slice::from_ref(row), &[], None).is_ok() {
                check_foreign_keys(rt, schema, model_id, std::slice::from_ref(row), None)?;
                rt.store
                    .insert(&model.table_name, row)
                    .map_err(engine_error)?;
            } else if !update_fields.is_empty() {
                let filter = upsert_keys
                    .iter()
                    .map(|k| Filter::eq(k, &cell_in(row, k)))
                    .reduce(Filter::and)
                    .unwrap_or(Filter::Nothing);
                let set: Vec<(String, Cell)> = update_fields
                    .iter()
                    .map(|f| {
                        let field = model.field_of(f);
                        let cell = cell_in(row, &field);
                        (field, cell)
                    })
                    .collect();
                rt.update_rows(&model.table_name, &set, &filter)?;
            }
        }
    } else {
        rt.refused(None);
        check_unique(rt, schema, model_id, &rows, &[], None)?;
        check_foreign_keys(rt, schema, model_id, &rows, None)?;
        rt.store
            .insert_many(&model.table_name, &rows)
            .map_err(engine_error)?;
    }
    rt.count_rows(rows.len())?;
    for instance in &instances {
        let mut data = instance.borrow_mut();
        for (name, _) in model.table_attributes() {
            if data.get(name).is_none() {
                data.set(name, Value::Null);
            }
        }
        data.is_new_record = false;
    }
    for include in includes {
        bulk_create_children(rt, schema, &instances, records, include)?;
    }
    Ok(instances)
}

/// The columns `updateOnDuplicate` conflicts on, as Sequelize picks them: the first
/// unique key's, else the primary key's.
fn upsert_key_fields(model: &crate::schema::Model) -> Vec<String> {
    let keys = model.unique_keys();
    let chosen = keys
        .iter()
        .find(|k| !k.primary)
        .or_else(|| keys.iter().find(|k| k.primary));
    chosen.map_or_else(Vec::new, |key| {
        key.attributes.iter().map(|a| model.field_of(a)).collect()
    })
}

/// `bulkCreate(records, { include })` of a hasOne or hasMany: after the parents, one
/// INSERT of every parent's children, each with its parent's key, nested in turn.
fn bulk_create_children(
    rt: &mut Runtime,
    schema: &Schema,
    parents: &[InstanceRef],
    records: &[Value],
    include: &crate::plan::IncludePlan,
) -> RunResult<()> {
    let association = &include.association;
    let mut children: Vec<Value> = Vec::new();
    let mut owners: Vec<usize> = Vec::new();
    for (at, (parent, record)) in parents.iter().zip(records).enumerate() {
        let key = parent
            .borrow()
            .get(&association.source_key)
            .cloned()
            .unwrap_or(Value::Null);
        let given = match record.get(&include.as_name) {
            Some(Value::Array(items)) => items.clone(),
            Some(one @ Value::Object(_)) => vec![one.clone()],
            _ => Vec::new(),
        };
        for child in given {
            let mut props = match child {
                Value::Object(props) => props,
                _ => Vec::new(),
            };
            props.retain(|(k, _)| *k != association.foreign_key);
            props.push((association.foreign_key.clone(), key.clone()));
            children.push(Value::Object(props));
            owners.push(at);
        }
    }
    if children.is_empty() {
        return Ok(());
    }
    let created = bulk_create(
        rt,
        schema,
        include.model,
        &children,
        None,
        &include.children,
    )?;
    for (at, parent) in parents.iter().enumerate() {
        let mine: Vec<Value> = created
            .iter()
            .zip(&owners)
            .filter(|(_, owner)| **owner == at)
            .map(|(child, _)| Value::Instance(child.clone()))
            .collect();
        let value = match association.kind.is_multiple() {
            true => Value::Array(mine),
            false => mine.into_iter().next().unwrap_or(Value::Null),
        };
        parent.borrow_mut().set(&include.as_name, value);
    }
    Ok(())
}

/// Deletes the rows `filter` selects, applying each referencing foreign key's ON DELETE
/// rule the way PostgreSQL does: CASCADE deletes, SET NULL clears, anything else refuses.
fn remove_rows(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    filter: &Filter,
) -> RunResult<usize> {
    let model = schema.model(model_id);
    let rows = rt
        .store
        .select(&model.table_name, filter)
        .map_err(engine_error)?;
    if rows.is_empty() {
        return Ok(0);
    }
    for (child_id, child) in schema.models.iter().enumerate() {
        if !rt.is_synced(&child.table_name) {
            continue;
        }
        for (name, attribute) in child.table_attributes() {
            let Some(references) = &attribute.references else {
                continue;
            };
            if references.model.as_deref() != Some(model.table_name.as_str()) {
                continue;
            }
            let key = references.key.clone().unwrap_or_else(|| "id".into());
            let values: Vec<Cell> = rows.iter().map(|r| cell_in(r, &key)).collect();
            let field = child.field_of(name);
            let child_filter = Filter::one_of(&field, &values);
            let children = rt
                .store
                .select(&child.table_name, &child_filter)
                .map_err(engine_error)?;
            let Some(first_child) = children.first() else {
                continue;
            };
            match attribute
                .on_delete
                .as_deref()
                .map(str::to_uppercase)
                .as_deref()
            {
                Some("CASCADE") => {
                    remove_rows(rt, schema, child_id, &child_filter)?;
                }
                Some("SET NULL") | Some("SET DEFAULT") => {
                    rt.update_rows(&child.table_name, &[(field, Cell::Null)], &child_filter)?;
                }
                _ => {
                    let constraint = foreign_key(child, name, &field, &model.table_name, &key);
                    let referenced = cell_in(first_child, &field).text();
                    let parent = refusal::driver_error(
                        rt.dialect(),
                        refusal::DriverError::StillReferenced {
                            key: &constraint,
                            value: &referenced,
                        },
                        rt.refusing(),
                    );
                    let error = SequelizeError::new(
                        ErrorName::SequelizeForeignKeyConstraintError,
                        refusal::parent_with_children(rt.dialect(), &model.table_name, &constraint),
                    )
                    .with_property("parent", parent);
                    let refused = refusal::Refused::Parent {
                        table: &model.table_name,
                    };
                    return Err(with_foreign_key_properties(
                        error,
                        rt.dialect(),
                        &constraint,
                        refused,
                    ));
                }
            }
        }
    }
    rt.store
        .delete(&model.table_name, filter)
        .map_err(engine_error)
}

/// `Model.drop({ cascade })`. A table another table's foreign key references is
/// refused on PostgreSQL (without `cascade`) and MySQL; SQLite deletes its rows first,
/// as each child's ON DELETE says.
pub fn drop_model(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    cascade: bool,
) -> RunResult<()> {
    let table = schema.model(model_id).table_name.clone();
    rt.log_drop(&table, cascade)?;
    if !rt.is_synced(&table) {
        return Ok(());
    }
    let referenced = schema.models.iter().any(|child| {
        child.table_name != table
            && rt.is_synced(&child.table_name)
            && child.table_attributes().any(|(_, a)| {
                a.references.as_ref().and_then(|r| r.model.as_deref()) == Some(table.as_str())
            })
    });
    let refusal = refusal::referenced_table_drop(rt.dialect(), &table)
        .filter(|_| referenced && !(cascade && rt.dialect() == Dialect::Postgres));
    if let Some(message) = refusal {
        let name = match rt.dialect() {
            Dialect::Mysql => ErrorName::SequelizeForeignKeyConstraintError,
            _ => ErrorName::SequelizeDatabaseError,
        };
        return Err(SequelizeError::new(name, message));
    }
    if rt.dialect() == Dialect::Sqlite {
        remove_rows(rt, schema, model_id, &Filter::All)?;
    }
    rt.forget_table(&table)
}

/// `sequelize.drop({ cascade })`, as Sequelize 6 logs it: with `cascade`, each model
/// dropped in definition order; each model dropped in reverse sync order (unless their
/// keys form a cycle); then each model's foreign keys looked up (none are left) and each
/// dropped again in definition order (SQLite, its foreign keys turned off, without the
/// look-up).
pub fn drop_all(
    rt: &mut Runtime,
    schema: &Schema,
    order: Option<&[ModelId]>,
    cascade: bool,
) -> RunResult<()> {
    let definition_order: Vec<ModelId> = (0..schema.models.len()).collect();
    if cascade {
        for &id in &definition_order {
            drop_model(rt, schema, id, cascade)?;
        }
    }
    for &id in order.unwrap_or_default().iter().rev() {
        drop_model(rt, schema, id, cascade)?;
    }
    let sqlite = rt.dialect() == Dialect::Sqlite;
    if sqlite {
        rt.log_as_written("PRAGMA foreign_keys = OFF".into())?;
    } else {
        for model in &schema.models {
            let lookup = crate::sql::foreign_key_references_query(rt.dialect(), &model.table_name);
            rt.log_as_written(lookup)?;
        }
    }
    for &id in &definition_order {
        match sqlite {
            // Its foreign keys off, SQLite drops a table with children as any other.
            true => {
                let table = &schema.model(id).table_name;
                rt.log_drop(table, cascade)?;
                rt.forget_table(table)?;
            }
            false => drop_model(rt, schema, id, cascade)?,
        }
    }
    if sqlite {
        rt.log_as_written("PRAGMA foreign_keys = ON".into())?;
    }
    Ok(())
}

/// Whether a destroy's options say `force: true` (a paranoid model's rows then go).
fn forced(options: Option<&Value>) -> bool {
    options
        .and_then(|o| o.get("force"))
        .is_some_and(Value::truthy)
}

/// `instance.destroy(options)`: DELETE by primary key, or for a paranoid model (unless
/// `force`), set `deletedAt`; true when it was that soft delete.
pub fn destroy_instance(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
    options: Option<&Value>,
) -> RunResult<bool> {
    let model_id = instance.borrow().model;
    let model = schema.model(model_id);
    if let Some(deleted_at) = model
        .timestamp_attributes
        .deleted_at
        .as_ref()
        .filter(|_| !forced(options))
    {
        let now = rt.now();
        instance.borrow_mut().set(deleted_at, Value::Date(now));
        return update(rt, schema, instance, std::slice::from_ref(deleted_at)).map(|()| true);
    }
    let Some(pk) = model.primary_key_attribute() else {
        return Err(SequelizeError::new(
            ErrorName::Error,
            "The instance has no primary key to delete by",
        ));
    };
    let key = cell_of(instance.borrow().get(pk).unwrap_or(&Value::Null));
    let field = model.field_of(pk);
    rt.log(format!(
        "DELETE FROM {} WHERE {} = {}",
        log::quote(&model.table_name),
        log::quote(&field),
        log::literal_sql(&find::literal_of(
            instance.borrow().get(pk).unwrap_or(&Value::Null)
        ))
    ))?;
    rt.require_table(&model.table_name)?;
    remove_rows(rt, schema, model_id, &Filter::eq(&field, &key))?;
    Ok(false)
}

/// `instance.restore()`: a paranoid row's `deletedAt` cleared again.
pub fn restore_instance(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
) -> RunResult<()> {
    let model = schema.model(instance.borrow().model);
    let Some(deleted_at) = &model.timestamp_attributes.deleted_at else {
        return Err(SequelizeError::plain(format!(
            "Model is not paranoid: {} has no deletedAt to clear",
            model.name
        )));
    };
    instance.borrow_mut().set(deleted_at, Value::Null);
    update(rt, schema, instance, std::slice::from_ref(deleted_at))
}

/// `instance.reload(options)`: the row read again by its primary key; its values
/// replace the instance's (included associations with them), and nothing is changed.
pub fn reload(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
    options: Option<&Value>,
) -> RunResult<()> {
    let model_id = instance.borrow().model;
    let model = schema.model(model_id);
    let key = model
        .primary_key_attribute()
        .and_then(|pk| instance.borrow().get(pk).cloned())
        .unwrap_or(Value::Null);
    let mut plan = find::plan(schema, model_id, options)?;
    plan.where_ = find::by_key(model, &key);
    // reload's where names the key by its column (mapWhereFieldNames): findOne sees no
    // primary-key attribute there and adds LIMIT 1 when the two names differ.
    let renamed_key = model
        .primary_key_attribute()
        .is_some_and(|pk| model.field_of(pk) != pk);
    if renamed_key && plan.limit.is_none() {
        plan.limit = Some(1);
    }
    let Some(fresh) = find::find(rt, schema, &plan)?.into_iter().next() else {
        return Err(SequelizeError::new(
            ErrorName::SequelizeInstanceError,
            "Instance could not be reloaded because it does not exist anymore (find call returned null)",
        ));
    };
    let values = std::mem::take(&mut fresh.borrow_mut().values);
    let mut data = instance.borrow_mut();
    data.values = values;
    data.mark_saved();
    Ok(())
}

/// `instance.increment(fields, { by })` and `decrement`: one UPDATE that adds to the
/// columns in SQL (`"age"="age"+ 1`), by the instance's primary key.
pub fn increment_instance(
    rt: &mut Runtime,
    schema: &Schema,
    instance: &InstanceRef,
    values: &[Value],
    decrement: bool,
) -> RunResult<()> {
    let model_id = instance.borrow().model;
    let model = schema.model(model_id);
    let Some(pk) = model.primary_key_attribute() else {
        return Err(SequelizeError::plain(
            "You attempted to increment an instance with no primary key",
        ));
    };
    let key = instance.borrow().get(pk).cloned().unwrap_or(Value::Null);
    let by_key = find::by_key(model, &key);
    let rows = increment_matching(rt, schema, model_id, values, by_key, decrement)?;
    // PostgreSQL's `RETURNING *`: its query sets each returned column on the instance.
    if let (true, Some(row)) = (rt.dialect().has_returning(), rows.first()) {
        let mut data = instance.borrow_mut();
        for (name, _) in model.table_attributes() {
            let field = model.field_of(name);
            if let Some((_, cell)) = row.iter().find(|(f, _)| **f == *field) {
                let value = super::instance::value_of(model, name, cell.clone(), rt.dialect());
                data.set(name, value);
            }
        }
    }
    Ok(())
}

/// `Model.increment(fields, { where, by })` and `decrement`: Sequelize answers
/// `[[rows, count]]` on PostgreSQL (`RETURNING *`), `[[undefined, count]]` elsewhere.
pub fn increment_where(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    values: &[Value],
    decrement: bool,
) -> RunResult<Value> {
    let model = schema.model(model_id);
    let condition = match values.get(1).and_then(|o| o.get("where")) {
        Some(w) => find::parse_where(model, w)?,
        None => None,
    };
    let rows = increment_matching(rt, schema, model_id, values, condition, decrement)?;
    let count = Value::Number(rows.len() as f64);
    let answer = match rt.dialect().has_returning() {
        true => {
            let keys = find::all_attributes(model);
            let plain = rows
                .iter()
                .map(|row| {
                    Value::Object(
                        super::instance::from_row(model_id, model, row, &keys, &[], rt.dialect())
                            .values,
                    )
                })
                .collect();
            vec![Value::Array(plain), count]
        }
        false => vec![Value::Undefined, count],
    };
    Ok(Value::Array(vec![Value::Array(answer)]))
}

/// The UPDATE of an increment on the rows `condition` matches (all without one); the
/// rows as they are after it, in the order they were updated.
fn increment_matching(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    values: &[Value],
    condition: Option<crate::plan::Where>,
    decrement: bool,
) -> RunResult<Vec<crate::runtime::store::Row>> {
    let model = schema.model(model_id);
    let by = match values.get(1).and_then(|o| o.get("by")) {
        Some(Value::Number(n)) => *n,
        _ => 1.0,
    };
    let amounts: Vec<(String, f64)> = match values.first() {
        Some(Value::Str(field)) => vec![(field.clone(), by)],
        Some(Value::Array(fields)) => fields
            .iter()
            .filter_map(|f| f.as_str().map(|f| (f.to_string(), by)))
            .collect(),
        Some(Value::Object(props)) => props
            .iter()
            .map(|(k, v)| (k.clone(), if let Value::Number(n) = v { *n } else { by }))
            .collect(),
        _ => Vec::new(),
    };
    for (attribute, _) in &amounts {
        if !model.has_attribute(attribute) {
            return Err(crate::plan::MissingColumn {
                qualifier: None,
                name: model.field_of(attribute),
                clause: crate::sql::refusal::Clause::Where,
                hint: None,
            }
            .error(rt.dialect()));
        }
    }
    let sign = if decrement { "-" } else { "+" };
    let mut sets: Vec<String> = amounts
        .iter()
        .map(|(attribute, amount)| {
            let column = log::quote(&model.field_of(attribute));
            format!(
                "{column}={column}{sign} {}",
                crate::js::format_number(*amount)
            )
        })
        .collect();
    let now = rt.now();
    let updated_at = model
        .timestamp_attributes
        .updated_at
        .as_ref()
        .filter(|u| !amounts.iter().any(|(a, _)| a == *u));
    if let Some(updated_at) = updated_at {
        sets.push(format!(
            "{}={}",
            log::quote(&model.field_of(updated_at)),
            log::literal_sql(&crate::plan::Literal::Date(now))
        ));
    }
    let returning = if rt.dialect().has_returning() {
        " RETURNING *"
    } else {
        ""
    };
    let where_text = condition
        .as_ref()
        .map(|c| log::bare_where_sql(c, false, 1))
        .filter(|text| !text.is_empty())
        .map_or(String::new(), |text| format!(" WHERE {text}"));
    rt.log(format!(
        "UPDATE {} SET {}{where_text}{returning}",
        log::quote(&model.table_name),
        sets.join(","),
    ))?;
    rt.require_table(&model.table_name)?;
    let filter = condition
        .as_ref()
        .map_or(Filter::All, |c| find::store_filter(c, rt.dialect()));
    let rows = rt
        .store
        .select(&model.table_name, &filter)
        .map_err(engine_error)?;
    let pk_field = model.primary_key_attribute().map(|pk| model.field_of(pk));
    let mut updated = Vec::with_capacity(rows.len());
    for row in rows {
        let mut set: Vec<(String, Cell)> = amounts
            .iter()
            .map(|(attribute, amount)| {
                let field = model.field_of(attribute);
                let signed = if decrement { -amount } else { *amount };
                let sum = match cell_in(&row, &field) {
                    Cell::Int(i) => super::number_cell(i as f64 + signed),
                    Cell::Float(f) => Cell::Float(f + signed),
                    other => other,
                };
                (field, sum)
            })
            .collect();
        if let Some(updated_at) = updated_at {
            set.push((
                model.field_of(updated_at),
                rt.stored_cell(model, updated_at, &Value::Date(now)),
            ));
        }
        let this_row = match &pk_field {
            Some(pk) => Filter::eq(pk, &cell_in(&row, pk)),
            None => filter.clone(),
        };
        rt.update_rows(&model.table_name, &set, &this_row)?;
        let mut after = row;
        for (field, cell) in set {
            match after.iter_mut().find(|(c, _)| **c == *field) {
                Some(slot) => slot.1 = cell,
                None => after.push((field.as_str().into(), cell)),
            }
        }
        updated.push(after);
    }
    Ok(updated)
}

/// `Model.destroy({ where })`: the number of rows deleted (or soft-deleted).
pub fn destroy_where(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    options: Option<&Value>,
) -> RunResult<usize> {
    let model = schema.model(model_id);
    let truncates = options
        .and_then(|o| o.get("truncate"))
        .is_some_and(Value::truthy);
    if truncates && (model.timestamp_attributes.deleted_at.is_none() || forced(options)) {
        return truncate(rt, schema, model_id, options);
    }
    read_for_individual_hooks(rt, schema, model_id, options, &["where"])?;
    let condition = match options.and_then(|o| o.get("where")) {
        Some(w) => find::parse_where(model, w)?,
        None => None,
    };
    if let Some(deleted_at) = model
        .timestamp_attributes
        .deleted_at
        .as_ref()
        .filter(|_| !forced(options))
    {
        let values = Value::Object(vec![(deleted_at.clone(), Value::Date(rt.now()))]);
        let alive = find::with_paranoid_clause(model, condition, None);
        return update_matching(rt, schema, model_id, &values, alive, false, false)
            .map(|updated| updated.count);
    }
    let mut text = format!("DELETE FROM {}", log::quote(&model.table_name));
    if let Some(condition) = &condition {
        text.push_str(" WHERE ");
        text.push_str(&log::bare_where_sql(condition, false, 1));
    }
    rt.log(text)?;
    rt.require_table(&model.table_name)?;
    find::unknown_column(model, condition.as_ref(), None, rt.dialect())?;
    let filter = rows_filter(rt, schema, model_id, condition.as_ref())?;
    remove_rows(rt, schema, model_id, &filter)
}

/// The store's filter for the rows an UPDATE's or DELETE's `condition` keeps. The store
/// cannot read SQL pieces or JSON paths: then the rows are read and checked one by one,
/// and the filter names those kept by their primary key.
fn rows_filter(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    condition: Option<&crate::plan::Where>,
) -> RunResult<Filter> {
    let model = schema.model(model_id);
    let filter = condition.map_or(Filter::All, |c| find::store_filter(c, rt.dialect()));
    let Some(condition) = condition.filter(|c| find::has_sql(c)) else {
        return Ok(filter);
    };
    let Some(pk) = model.primary_key_attribute() else {
        return Err(SequelizeError::plain(format!(
            "The playground does not update or delete rows of {} by a SQL condition yet: the model has no primary key",
            model.name
        )));
    };
    let mut rows = rt
        .store
        .select(&model.table_name, &filter)
        .map_err(engine_error)?;
    rt.count_rows(rows.len())?;
    find::keep_passing(
        rt,
        (schema, model_id),
        &mut rows,
        Some(condition),
        &model.name,
    )?;
    let field = model.field_of(pk);
    let keys: Vec<Cell> = rows.iter().map(|r| cell_in(r, &field)).collect();
    Ok(Filter::one_of(&field, &keys))
}

/// With `individualHooks`, Sequelize reads the rows first (a findAll of the options'
/// `keys`), to run each one's hooks; here with no hooks to run, only the read is logged.
fn read_for_individual_hooks(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    options: Option<&Value>,
    keys: &[&str],
) -> RunResult<()> {
    let Some(options) = options.filter(|o| o.get("individualHooks").is_some_and(Value::truthy))
    else {
        return Ok(());
    };
    let read: Vec<(String, Value)> = keys
        .iter()
        .filter_map(|key| options.get(key).map(|v| (key.to_string(), v.clone())))
        .collect();
    let plan = find::plan(schema, model_id, Some(&Value::Object(read)))?;
    find::find(rt, schema, &plan)?;
    Ok(())
}

/// What `Model.update` resolves to: the count of rows it changed, and with `returning`
/// on PostgreSQL the rows themselves (`[count, rows]`).
pub struct Updated {
    pub count: usize,
    pub rows: Option<Vec<InstanceRef>>,
}

/// `Model.update(values, { where, returning })`.
pub fn update_where(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    values: &Value,
    options: Option<&Value>,
) -> RunResult<Updated> {
    let model = schema.model(model_id);
    read_for_individual_hooks(rt, schema, model_id, options, &["where", "paranoid"])?;
    let condition = match options.and_then(|o| o.get("where")) {
        Some(w) => find::parse_where(model, w)?,
        None => None,
    };
    let condition = find::with_paranoid_clause(model, condition, options);
    // The values are validated as a record built of them (only the keys given), unless
    // `validate: false`; the validator functions' failures come from the interpreter.
    let functions = rt.take_function_failures();
    let validates = !options
        .and_then(|o| o.get("validate"))
        .is_some_and(|v| matches!(v, Value::Bool(false)));
    if validates && !functions.is_empty() {
        let given: Vec<(String, Value)> = match values {
            Value::Object(props) => props.clone(),
            _ => Vec::new(),
        };
        let keys: Vec<String> = given.iter().map(|(k, _)| k.clone()).collect();
        rt.refused(None);
        super::validate::check(model, &given, true, Some(&keys), &functions)?;
    }
    let returning = rt.dialect().has_returning()
        && options
            .and_then(|o| o.get("returning"))
            .is_some_and(Value::truthy);
    let touch_updated_at = !options
        .and_then(|o| o.get("silent"))
        .is_some_and(Value::truthy);
    update_matching(
        rt,
        schema,
        model_id,
        values,
        condition,
        touch_updated_at,
        returning,
    )
}

fn update_matching(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    values: &Value,
    condition: Option<crate::plan::Where>,
    touch_updated_at: bool,
    returning: bool,
) -> RunResult<Updated> {
    let model = schema.model(model_id);
    let mut assignments: Vec<(String, Value)> = match values {
        Value::Object(props) => props
            .iter()
            .filter(|(k, _)| model.attribute(k).is_some_and(|a| !a.is_virtual()))
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    if let Some(updated) = model
        .timestamp_attributes
        .updated_at
        .clone()
        .filter(|_| touch_updated_at)
    {
        if !assignments.iter().any(|(k, _)| *k == updated) {
            assignments.push((updated, Value::Date(rt.now())));
        }
    }
    let (sets, mut binds) = set_list(model, &assignments);
    let mut text = format!(
        "UPDATE {} SET {}",
        log::quote(&model.table_name),
        sets.join(",")
    );
    if let Some(condition) = &condition {
        text.push_str(" WHERE ");
        let (sql, bound) = log::bare_where_bound(condition, true, binds.len() + 1);
        text.push_str(&sql);
        binds.extend(bound.iter().map(crate::plan::Literal::to_value));
    }
    let returned: Vec<String> = find::all_attributes(model);
    if returning {
        let fields: Vec<String> = returned
            .iter()
            .map(|a| log::quote(&model.field_of(a)))
            .collect();
        text.push_str(" RETURNING ");
        text.push_str(&fields.join(","));
    }
    rt.log_bound(text, &binds)?;
    rt.require_table(&model.table_name)?;
    find::unknown_column(model, condition.as_ref(), None, rt.dialect())?;
    let computing = assignments.iter().any(|(_, v)| matches!(v, Value::Sql(_)));
    let row: Vec<(String, Cell)> = assignments
        .iter()
        .filter(|(_, v)| !matches!(v, Value::Sql(_)))
        .map(|(k, v)| (model.field_of(k), rt.stored_cell(model, k, v)))
        .collect();
    check_foreign_keys(rt, schema, model_id, std::slice::from_ref(&row), None)?;
    let filter = rows_filter(rt, schema, model_id, condition.as_ref())?;
    // RETURNING hands back the rows as updated, in the order the update met them: the
    // rows are chosen before the update (which may change what the filter matches).
    let chosen = match (returning, model.primary_key_attribute()) {
        (true, Some(pk)) => {
            let field = model.field_of(pk);
            let rows = rt
                .store
                .select(&model.table_name, &filter)
                .map_err(engine_error)?;
            Some((
                field.clone(),
                rows.iter().map(|r| cell_in(r, &field)).collect::<Vec<_>>(),
            ))
        }
        _ => None,
    };
    let count = match computing {
        true => update_computing(rt, model, &assignments, &filter)?,
        false => rt.update_rows(&model.table_name, &row, &filter)?,
    };
    let rows = match chosen {
        None => None,
        Some((field, keys)) => {
            let mut fresh =
                find::select_by_keys(rt, &model.table_name, &field, &keys, Filter::All)?;
            fresh.sort_by_key(|r| {
                let key = cell_in(r, &field);
                keys.iter().position(|k| *k == key)
            });
            Some(
                fresh
                    .iter()
                    .map(|r| {
                        super::instance::from_row(model_id, model, r, &returned, &[], rt.dialect())
                            .into_ref()
                    })
                    .collect(),
            )
        }
    };
    Ok(Updated { count, rows })
}

/// Sequelize's `UniqueConstraintError` for a row whose `fields` clash: "Validation
/// error", with an `errors` item per field and the `fields` as each dialect's driver
/// reports them (PostgreSQL and MySQL read the values back from the database's message,
/// as text; SQLite names the columns only).
fn unique_violation<C: AsRef<str>>(
    dialect: crate::sql::Dialect,
    primary: bool,
    fields: &[String],
    row: &[(C, Cell)],
    instance: Option<&Json>,
) -> SequelizeError {
    use serde_json::json;
    let text = |cell: &Cell| match cell {
        Cell::Text(s) => s.clone(),
        Cell::Int(i) => i.to_string(),
        Cell::Float(f) => crate::js::format_number(*f),
        Cell::Bool(b) => b.to_string(),
        Cell::Null => "null".into(),
    };
    let keys: Vec<String> = match dialect {
        crate::sql::Dialect::Mysql if primary => vec!["PRIMARY".into()],
        _ => fields.to_vec(),
    };
    let values: Vec<Json> = fields
        .iter()
        .map(|f| {
            match dialect {
                // SQLite's message has no values: Sequelize reads the instance's.
                crate::sql::Dialect::Sqlite => instance
                    .and_then(|i| i.get(f.as_str()))
                    .cloned()
                    .unwrap_or(Json::Null),
                _ => Json::String(text(&cell_in(row, f))),
            }
        })
        .collect();
    let items: Vec<Json> = keys
        .iter()
        .zip(values.iter().cycle())
        .map(|(key, value)| {
            json!({
                "message": format!("{key} must be unique"),
                "type": "unique violation",
                "path": key,
                "value": value,
                "origin": "DB",
                "instance": instance.cloned().unwrap_or(Json::Null),
                "validatorKey": "not_unique",
                "validatorName": null,
                "validatorArgs": [],
            })
        })
        .collect();
    let reported = match dialect {
        crate::sql::Dialect::Sqlite => Json::Array(keys.iter().map(|k| json!(k)).collect()),
        _ => Json::Object(keys.iter().cloned().zip(values.iter().cloned()).collect()),
    };
    SequelizeError::new(
        ErrorName::SequelizeUniqueConstraintError,
        "Validation error",
    )
    .with_property("errors", Json::Array(items))
    .with_property("fields", reported)
}

/// PostgreSQL's unique indexes: a row with the same value(s) as another — stored, or
/// earlier in the same batch — is refused, and Sequelize reports it as a
/// `SequelizeUniqueConstraintError` saying "Validation error".
///
/// `columns` flags the fields whose value came from the table's sequence: a primary
/// key from the sequence cannot clash unless the snippet chose keys itself, so that
/// check (a scan of the table per insert) is left out.
fn check_unique<C: AsRef<str>>(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    rows: &[Vec<(C, Cell)>],
    columns: &[(String, log::Slot)],
    instance: Option<&Json>,
) -> RunResult<()> {
    let model = schema.model(model_id);
    let sequence_key = columns.iter().any(|(_, slot)| *slot == log::Slot::Default)
        && !rt.generated_keys_may_clash(&model.table_name);
    for key in model.unique_keys() {
        if key.primary && sequence_key {
            continue;
        }
        let fields: Vec<String> = key.attributes.iter().map(|a| model.field_of(a)).collect();
        fn tuple<C: AsRef<str>>(fields: &[String], row: &[(C, Cell)]) -> Option<String> {
            let values: Vec<Cell> = fields.iter().map(|f| cell_in(row, f)).collect();
            (!values.contains(&Cell::Null)).then(|| format!("{values:?}"))
        }
        // Only stored rows that share a value with the new ones can clash.
        let stored = match fields.as_slice() {
            [field] => {
                let values: Vec<Cell> = rows.iter().map(|r| cell_in(r, field)).collect();
                find::select_by_keys(rt, &model.table_name, field, &values, Filter::All)?
            }
            _ => rt
                .store
                .select(&model.table_name, &Filter::All)
                .map_err(engine_error)?,
        };
        let mut seen: std::collections::HashSet<String> =
            stored.iter().filter_map(|r| tuple(&fields, r)).collect();
        for row in rows {
            if let Some(t) = tuple(&fields, row) {
                if !seen.insert(t) {
                    let what = if key.primary {
                        "the primary key".to_string()
                    } else {
                        format!("{} (unique)", fields.join(", "))
                    };
                    let values: Vec<String> =
                        fields.iter().map(|f| cell_in(row, f).text()).collect();
                    let parent = refusal::driver_error(
                        rt.dialect(),
                        refusal::DriverError::Duplicate {
                            table: &model.table_name,
                            fields: &fields,
                            values: &values,
                            primary: key.primary,
                            name: &key.name,
                        },
                        rt.refusing(),
                    );
                    return Err(unique_violation(rt.dialect(), key.primary, &fields, row, instance)
                    .with_property("parent", parent)
                    .with_hint(format!(
                        "another {} already has this {what}: use a new value, or find the existing row (findOne, findOrCreate)",
                        model.name
                    )));
                }
            }
        }
    }
    Ok(())
}
