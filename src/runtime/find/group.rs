//! Finds whose rows are groups (`group`, `having`, or an aggregate among the
//! attributes): the joined rows are loaded as for any find, every column of every
//! table, then grouped, computed, filtered by `having`, ordered and cut here, as the
//! database does after its joins.

use std::collections::HashMap;

use super::expr::{self, column_term, eval_group, passes, term_of, where_term_of, Joined, Term};
use super::nest::{cell_key, CellKey};
use super::options::all_attributes;
use crate::error::SequelizeError;
use crate::plan::{FindPlan, IncludePlan};
use crate::runtime::instance::from_row;
use crate::runtime::store::{Cell, Row};
use crate::runtime::{RunResult, Runtime};
use crate::schema::{ModelId, Schema};
use crate::sql::Dialect;
use crate::value::{InstanceRef, SqlExpr, Value};
use std::rc::Rc;

struct Group {
    rows: Vec<Joined>,
}

/// Runs a grouped find (its SELECT is already logged).
pub fn grouped(rt: &mut Runtime, schema: &Schema, plan: &FindPlan) -> RunResult<Vec<InstanceRef>> {
    let model = schema.model(plan.model);
    let alias = model.name.as_str();
    let dialect = rt.dialect();
    if dialect == Dialect::Postgres {
        postgres_grouping_rule(schema, plan, alias)?;
    }
    let nested_with_columns = plan.include.iter().filter(|i| !i.separate).any(|i| {
        fn any_columns(include: &IncludePlan) -> bool {
            include
                .children
                .iter()
                .any(|c| !c.separate && (!c.attributes.is_empty() || any_columns(c)))
        }
        any_columns(i)
    });
    if nested_with_columns {
        return Err(SequelizeError::plain(
            "The playground does not nest the rows of a nested include in a grouped find yet",
        )
        .with_hint("give the nested include attributes: [] and count or sum its columns: [sequelize.fn('COUNT', sequelize.col('pugs->toys.id')), 'toyCount']"));
    }
    let wide = every_column(schema, plan);
    let parents = super::load::load(rt, schema, &wide)?;
    let joined: Vec<Joined> = parents
        .iter()
        .flat_map(|parent| flatten(schema, parent, &wide.include, alias))
        .collect();
    let mut groups = group_rows(model, plan, joined, dialect)?;
    let mut computed: Vec<(String, Term)> = Vec::with_capacity(plan.computed.len());
    let inside_subquery = crate::runtime::log::uses_subquery(plan);
    let tables = super::functions::Tables::of_find(schema, plan.model, alias, &plan.include);
    for (name, piece) in &plan.computed {
        let mut term = expr::term_of_expr(piece, dialect)?;
        expr::check_in(&term, dialect, Some(&tables))?;
        if let Some((table, column)) = inside_subquery
            .then(|| expr::column_outside(&term, alias))
            .flatten()
        {
            return Err(outside_subquery(dialect, &table, &column));
        }
        expr::load_subqueries(&mut term, rt)?;
        computed.push((name.clone(), term));
    }
    for group in &mut groups {
        let cells: Row = computed
            .iter()
            .map(|(name, term)| {
                Ok((
                    name.as_str().into(),
                    eval_group(term, &group.rows, dialect)?,
                ))
            })
            .collect::<RunResult<_>>()?;
        if group.rows.is_empty() {
            group.rows.push(Joined::default());
        }
        group.rows[0].tables.push((String::new(), cells));
    }
    if let Some(having) = &plan.having {
        if dialect == Dialect::Postgres {
            alias_in_having(model, having)?;
        }
        // Its attributes are written bare (`HAVING "n" > 1`): a computed key's alias
        // is found in the group's computed row.
        let mut term = where_term_of(having, None, dialect)?;
        expr::load_subqueries(&mut term, rt)?;
        let mut kept = Vec::with_capacity(groups.len());
        for group in groups {
            if passes(&term, &group.rows, true, dialect)? {
                kept.push(group);
            }
        }
        groups = kept;
    }
    if dialect == Dialect::Postgres && plan.order.is_empty() {
        groups = in_postgres_order(rt, model, plan, groups)?;
    }
    let groups = order_groups(rt, plan, groups, alias, &computed)?;
    let key_types = expr::key_types(&plan.computed, model);
    let offset = plan.offset.unwrap_or(0) as usize;
    let limit = plan.limit.map_or(usize::MAX, |l| l as usize);
    Ok(groups
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|group| {
            let first = &group.rows[0];
            // The row a group's bare columns come from: SQLite's last, MySQL's first.
            let picked = match dialect {
                Dialect::Sqlite => group.rows.last().unwrap_or(first),
                _ => first,
            };
            let mut row: Row = first
                .tables
                .iter()
                .rev()
                .filter(|(table, _)| table.is_empty())
                .flat_map(|(_, cells)| cells.iter().cloned())
                .collect();
            if let Some((_, own)) = picked.tables.iter().find(|(table, _)| table == alias) {
                row.extend(own.iter().cloned());
            }
            let instance = super::load::plan_instance(plan, model, &row, &key_types, dialect);
            nest_picked_row(schema, &instance, plan, picked, dialect);
            instance
        })
        .collect())
}

/// An include that selects columns in a grouped find: MySQL and SQLite answer each
/// group with one of its rows, so the parent holds that row's child (none for a row of
/// NULLs). PostgreSQL refuses such a query first ([`postgres_grouping_rule`]).
fn nest_picked_row(
    schema: &Schema,
    instance: &InstanceRef,
    plan: &FindPlan,
    first: &Joined,
    dialect: Dialect,
) {
    for include in plan
        .include
        .iter()
        .filter(|i| !i.separate && !i.attributes.is_empty())
    {
        let target = schema.model(include.model);
        let row = first
            .tables
            .iter()
            .find(|(table, _)| *table == include.as_name)
            .map(|(_, row)| row);
        let pk = target.primary_key_attribute().map(|pk| target.field_of(pk));
        let child = row
            .filter(|row| {
                pk.as_ref()
                    .is_none_or(|pk| crate::runtime::store::cell_in(row, pk) != Cell::Null)
            })
            .map(|row| {
                let child = from_row(
                    include.model,
                    target,
                    row,
                    &include.attributes,
                    &include.renamed,
                    dialect,
                );
                Value::Instance(child.into_ref())
            });
        let value = match (include.association.kind.is_multiple(), child) {
            (true, child) => Value::Array(child.into_iter().collect()),
            (false, child) => child.unwrap_or(Value::Null),
        };
        instance.borrow_mut().set(&include.as_name, value);
    }
}

/// PostgreSQL's rule for a grouped SELECT: each plain column must be grouped by, or
/// belong to a table grouped by its primary key; the first that is not is refused.
fn postgres_grouping_rule(schema: &Schema, plan: &FindPlan, alias: &str) -> RunResult<()> {
    let grouped: Vec<(Option<String>, String)> = plan
        .group
        .iter()
        .filter_map(|item| match item {
            Value::Str(name) => Some(name.clone()),
            Value::Sql(piece) => match &**piece {
                SqlExpr::Col(name) => Some(name.clone()),
                _ => None,
            },
            _ => None,
        })
        .map(|name| match name.rsplit_once('.') {
            Some((table, column)) => (Some(table.to_string()), column.to_string()),
            None => (
                None,
                output_alias_column(schema.model(plan.model), plan, name),
            ),
        })
        .collect();
    let is_grouped = |table: &str, field: &str, own: bool| {
        grouped
            .iter()
            .any(|(t, f)| f == field && (t.as_deref() == Some(table) || (t.is_none() && own)))
    };
    let refuse = |table: &str, field: &str| {
        Err(SequelizeError::new(
            crate::error::ErrorName::SequelizeDatabaseError,
            format!("column \"{table}.{field}\" must appear in the GROUP BY clause or be used in an aggregate function"),
        )
        .with_hint(format!(
            "group by it (group: ['{table}.{field}']), by the primary key of its table, or select it through an aggregate"
        )))
    };
    let model = schema.model(plan.model);
    let pk = model.primary_key_attribute().map(|pk| model.field_of(pk));
    let by_key = pk.as_ref().is_some_and(|pk| is_grouped(alias, pk, true));
    let mut own: Vec<String> = plan
        .attributes
        .iter()
        .filter(|key| !plan.computed.iter().any(|(alias, _)| alias == *key))
        .map(|key| model.field_of(crate::plan::source_of(&plan.renamed, key)))
        .collect();
    let joins = plan.include.iter().any(|i| !i.separate);
    if let (Some(pk), true) = (&pk, joins && plan.raw == crate::plan::Raw::Instances) {
        if !own.contains(pk) {
            own.insert(0, pk.clone());
        }
    }
    for field in &own {
        if !by_key && !is_grouped(alias, field, true) {
            return refuse(alias, field);
        }
    }
    for include in plan
        .include
        .iter()
        .filter(|i| !i.separate && !i.attributes.is_empty())
    {
        let target = schema.model(include.model);
        let keys = crate::plan::with_primary_keys(target, include.attributes.clone());
        let pk = target.primary_key_attribute().map(|pk| target.field_of(pk));
        let by_key = pk
            .as_ref()
            .is_some_and(|pk| is_grouped(&include.as_name, pk, false));
        for key in keys {
            let field = target.field_of(crate::plan::source_of(&include.renamed, &key));
            if !by_key && !is_grouped(&include.as_name, &field, false) {
                return refuse(&include.as_name, &field);
            }
        }
    }
    Ok(())
}

/// The column a bare GROUP BY name stands for: a column of the table, else (as
/// PostgreSQL resolves names the table lacks) the output column selected under that
/// name (`"author_id" AS "authorId"`, or a renamed key's).
fn output_alias_column(model: &crate::schema::Model, plan: &FindPlan, name: String) -> String {
    let is_column = model
        .table_attributes()
        .any(|(attribute, _)| model.field_of(attribute) == name);
    if is_column || !plan.attributes.contains(&name) {
        return name;
    }
    model.field_of(crate::plan::source_of(&plan.renamed, &name))
}

/// `Model.count({ group })`: one `{ key…, count }` object a group, its count a number
/// (Sequelize parses the database's answer).
pub fn count_grouped(
    rt: &mut Runtime,
    schema: &Schema,
    model: ModelId,
    options: &Value,
) -> RunResult<Value> {
    let mut plan = super::options::plan(schema, model, Some(options))?;
    let target = schema.model(model);
    // `aggregate`'s `_.unionBy(attributes, group, …)` takes a list of groups; a group
    // given as one string is grouped by, not selected.
    let selected_groups: Vec<String> = match options.get("group") {
        Some(Value::Array(_)) => plan
            .group
            .iter()
            .filter_map(|g| g.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    plan.computed.clear();
    plan.attributes.clear();
    for group in selected_groups {
        match group.rsplit_once('.') {
            // An included model's column: `"owner"."name"`, answered as `name`.
            Some((path, column)) if path != target.name => {
                let selected = Rc::new(SqlExpr::Col(group.clone()));
                plan.computed.push((column.to_string(), selected));
                plan.unaliased.push(column.to_string());
                plan.attributes.push(column.to_string());
            }
            Some((_, column)) => plan.attributes.push(column.to_string()),
            None => plan.attributes.push(group),
        }
    }
    plan.attributes.push("count".into());
    plan.renamed.clear();
    // `count` counts `*`, or with an include the model's primary key (each value once
    // with `distinct`).
    let distinct = options.get("distinct").is_some_and(Value::truthy);
    let key = target.primary_key_attribute().map(|pk| target.field_of(pk));
    let col = options.get("col").and_then(Value::as_str);
    let counted = match (col, &key, plan.include.is_empty(), distinct) {
        // `${Model.name}.${col}`: a path through an include is quoted as one alias
        // (`"User->Posts"."likes"`), which the joins do not name.
        (Some(col), _, false, _) => SqlExpr::Col(match col.rsplit_once('.') {
            Some((path, column)) => {
                format!("{}->{}.{column}", target.name, path.replace('.', "->"))
            }
            None => format!("{}.{}", target.name, target.field_of(col)),
        }),
        (Some(col), _, true, _) => SqlExpr::Col(target.field_of(col)),
        (None, Some(pk), false, _) => SqlExpr::Col(format!("{}.{pk}", target.name)),
        (None, Some(pk), true, true) => SqlExpr::Col(pk.clone()),
        _ => SqlExpr::Col("*".into()),
    };
    let counted = match distinct && key.is_some() {
        true => SqlExpr::Fn {
            name: "DISTINCT".into(),
            args: vec![Value::Sql(Rc::new(counted))],
        },
        false => counted,
    };
    let count_all = SqlExpr::Fn {
        name: "count".into(),
        args: vec![Value::Sql(Rc::new(counted))],
    };
    plan.computed.push(("count".into(), Rc::new(count_all)));
    plan.raw = crate::plan::Raw::Flat;
    plan.include.retain(|i| !i.separate);
    for include in &mut plan.include {
        include.attributes.clear();
    }
    plan.order.clear();
    (plan.limit, plan.offset) = (None, None);
    rt.log(crate::runtime::log::select(schema, &plan))?;
    let groups = grouped(rt, schema, &plan)?;
    Ok(Value::Array(
        groups
            .iter()
            .map(|group| {
                let values = group.borrow().values.clone();
                Value::Object(
                    values
                        .into_iter()
                        .map(|(key, value)| match (key.as_str(), value) {
                            ("count", Value::Str(n)) => {
                                (key, Value::Number(n.parse().unwrap_or(f64::NAN)))
                            }
                            (_, value) => (
                                key,
                                crate::runtime::instance::raw_value(value, rt.dialect()),
                            ),
                        })
                        .collect(),
                )
            })
            .collect(),
    ))
}

/// A column of an include named inside the subquery form, where only the model's own
/// table is: the database refuses it.
fn outside_subquery(dialect: Dialect, table: &str, column: &str) -> SequelizeError {
    let message = match dialect {
        Dialect::Postgres => format!("missing FROM-clause entry for table \"{table}\""),
        _ => crate::sql::refusal::no_column(
            dialect,
            Some(table),
            column,
            crate::sql::refusal::Clause::Select,
        ),
    };
    SequelizeError::new(crate::error::ErrorName::SequelizeDatabaseError, message).with_hint(
        "with a limit, Sequelize selects the model's rows in a subquery, without the include: add subQuery: false",
    )
}

/// PostgreSQL's HAVING cannot name a selected key's alias: it refuses `"n" > 1`.
fn alias_in_having(model: &crate::schema::Model, having: &crate::plan::Where) -> RunResult<()> {
    use crate::plan::Where;
    match having {
        Where::And(items) | Where::Or(items) => items.iter().try_for_each(|i| alias_in_having(model, i)),
        Where::Group(inner) | Where::Not(inner) => alias_in_having(model, inner),
        Where::Compare { attribute, .. } if !model.has_attribute(attribute) => Err(SequelizeError::new(
            crate::error::ErrorName::SequelizeDatabaseError,
            format!("column \"{attribute}\" does not exist"),
        )
        .with_hint("PostgreSQL's HAVING cannot name an alias: repeat the expression, having: sequelize.where(sequelize.fn('COUNT', sequelize.col('id')), '>', 1)")),
        _ => Ok(()),
    }
}

/// `Model.sum(field, options)`, `max`, `min` and `aggregate(field, fn, options)`: one
/// aggregate over the rows `where` keeps, parsed as the attribute's type as Sequelize
/// parses it (an INTEGER's average is cut to an integer; a DATE's maximum a `Date`).
pub fn aggregate(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    field: &str,
    function: &str,
    options: Option<&Value>,
) -> RunResult<Value> {
    let model = schema.model(model_id);
    let dialect = rt.dialect();
    if options.is_some_and(|o| o.get("group").is_some() || o.get("include").is_some()) {
        return aggregate_as_find(rt, schema, model_id, field, function, options);
    }
    let where_ = match options.and_then(|o| o.get("where")) {
        Some(w) => super::options::parse_where(model, w)?,
        None => None,
    };
    let where_ = super::options::with_paranoid_clause(model, where_, options);
    let column = model.field_of(field);
    // `distinct: true` wraps the column in `DISTINCT(…)`.
    let distinct = options
        .and_then(|o| o.get("distinct"))
        .is_some_and(Value::truthy);
    let argument = match distinct {
        true => format!("DISTINCT({})", crate::runtime::log::quote(&column)),
        false => crate::runtime::log::quote(&column),
    };
    let mut text = format!(
        "SELECT {function}({argument}) AS {} FROM {} AS {}",
        crate::runtime::log::quote(function),
        crate::runtime::log::quote(&model.table_name),
        crate::runtime::log::quote(&model.name)
    );
    crate::runtime::log::push_where(&mut text, where_.as_ref(), &model.name);
    text.push(';');
    rt.log(text)?;
    rt.require_table(&model.table_name)?;
    if !model.has_attribute(field) {
        return Err(crate::plan::MissingColumn {
            qualifier: None,
            name: column,
            clause: crate::sql::refusal::Clause::Select,
            hint: None,
        }
        .error(dialect));
    }
    let plan = FindPlan {
        model: model_id,
        attributes: all_attributes(model),
        renamed: Vec::new(),
        computed: Vec::new(),
        unaliased: Vec::new(),
        where_,
        include: Vec::new(),
        order: Vec::new(),
        group: Vec::new(),
        having: None,
        limit: None,
        offset: None,
        sub_query: true,
        window_quoted: (false, false),
        lock: None,
        raw: crate::plan::Raw::Instances,
        missing_column: None,
    };
    let found = super::load::load(rt, schema, &plan)?;
    let rows: Vec<Joined> = found
        .iter()
        .flat_map(|i| flatten(schema, i, &[], &model.name))
        .collect();
    let column = Term::Column {
        table: None,
        name: column,
    };
    let argument = match distinct {
        true => Term::Call {
            name: "DISTINCT".into(),
            args: vec![column],
        },
        false => column,
    };
    let term = Term::Call {
        name: function.to_string(),
        args: vec![argument],
    };
    expr::check(&term, dialect)?;
    let key = type_key(model, field);
    let mut cell = eval_group(&term, &rows, dialect)?;
    // A DECIMAL column is numeric: PostgreSQL and MySQL add its values exactly.
    if function.eq_ignore_ascii_case("sum") && key == "DECIMAL" && dialect != Dialect::Sqlite {
        let field = model.field_of(field);
        let texts: Vec<String> = rows
            .iter()
            .filter_map(|row| row.cell(Some(&model.name), &field))
            .filter_map(|cell| match cell {
                Cell::Int(i) => Some(i.to_string()),
                Cell::Float(f) => Some(crate::js::format_number(f)),
                Cell::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        if let (false, Some(sum)) = (
            distinct || texts.is_empty(),
            expr::exact_decimal_sum(&texts),
        ) {
            cell = Cell::Text(sum);
        }
    }
    let number = |cell: &Cell| match cell {
        Cell::Int(i) => Some(*i as f64),
        Cell::Float(f) => Some(*f),
        Cell::Text(t) => t.parse().ok(),
        _ => None,
    };
    Ok(match (key, &cell) {
        (_, Cell::Null) => Value::Null,
        (key, _) if as_attribute_number(key, 0.0).is_some() => number(&cell)
            .and_then(|n| as_attribute_number(key, n))
            .unwrap_or(Value::Null),
        ("DATE", Cell::Int(ms)) => Value::Date(*ms),
        _ => expr::shown(cell),
    })
}

/// The type key (`INTEGER`, `DECIMAL`, …) of `model`'s attribute `field`, or `""`.
fn type_key<'m>(model: &'m crate::schema::Model, field: &str) -> &'m str {
    model
        .attribute(field)
        .and_then(|a| a.data_type.as_ref())
        .map_or("", |t| t.key.as_str())
}

/// An aggregate's number as Sequelize parses it for a numeric attribute type (an
/// integer type cuts it); `None` for other types.
pub(super) fn as_attribute_number(key: &str, n: f64) -> Option<Value> {
    match key {
        "INTEGER" | "BIGINT" | "SMALLINT" | "TINYINT" | "MEDIUMINT" => {
            Some(Value::Number(n.trunc()))
        }
        "FLOAT" | "DOUBLE" | "REAL" | "DECIMAL" => Some(Value::Number(n)),
        _ => None,
    }
}

/// `Model.sum(field, { include, group })`: Sequelize selects the aggregate after the
/// options' attributes and group columns (`_.unionBy`), the includes' columns with it,
/// and answers the first row's value (`rawSelect` is `plain`).
fn aggregate_as_find(
    rt: &mut Runtime,
    schema: &Schema,
    model_id: ModelId,
    field: &str,
    function: &str,
    options: Option<&Value>,
) -> RunResult<Value> {
    use crate::value::SqlExpr;
    let model = schema.model(model_id);
    let mut column = Value::Sql(std::rc::Rc::new(SqlExpr::Col(model.field_of(field))));
    if options
        .and_then(|o| o.get("distinct"))
        .is_some_and(Value::truthy)
    {
        column = Value::Sql(std::rc::Rc::new(SqlExpr::Fn {
            name: "DISTINCT".into(),
            args: vec![column],
        }));
    }
    let computed = Value::Array(vec![
        Value::Sql(std::rc::Rc::new(SqlExpr::Fn {
            name: function.to_string(),
            args: vec![column],
        })),
        Value::Str(function.to_string()),
    ]);
    let listed = |key: &str| match options.and_then(|o| o.get(key)) {
        Some(Value::Array(items)) => items.clone(),
        Some(Value::Str(one)) => vec![Value::Str(one.clone())],
        _ => Vec::new(),
    };
    let name_of = |attribute: &Value| match attribute {
        Value::Array(pair) => pair.get(1).and_then(Value::as_str).map(str::to_string),
        other => other.as_str().map(str::to_string),
    };
    let mut attributes: Vec<Value> = Vec::new();
    for attribute in listed("attributes")
        .into_iter()
        // A group written as one string is not selected: lodash's unionBy skips it.
        .chain(match options.and_then(|o| o.get("group")) {
            Some(Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        })
        .chain([computed])
    {
        let name = name_of(&attribute);
        if name.is_none() || !attributes.iter().any(|a| name_of(a) == name) {
            attributes.push(attribute);
        }
    }
    let mut props = match options {
        Some(Value::Object(props)) => props.clone(),
        _ => Vec::new(),
    };
    props.retain(|(k, _)| k != "attributes" && k != "raw");
    props.push(("attributes".into(), Value::Array(attributes)));
    props.push(("raw".into(), Value::Bool(true)));
    let find_options = Value::Object(props);
    let plan = super::options::plan(schema, model_id, Some(&find_options))?;
    let found = super::load::find(rt, schema, &plan)?;
    let rows = super::nest::answer(&plan, found, rt.dialect());
    let value = rows
        .first()
        .and_then(|row| row.get(function))
        .cloned()
        .unwrap_or(Value::Null);
    let number = match &value {
        Value::Number(n) => Some(*n),
        Value::Str(text) => text.parse().ok(),
        _ => None,
    };
    Ok(number
        .and_then(|n| as_attribute_number(type_key(model, field), n))
        .unwrap_or(value))
}

/// The plan that loads the rows to group: every column of the model and of each
/// include, nothing cut or ordered yet.
fn every_column(schema: &Schema, plan: &FindPlan) -> FindPlan {
    fn widen(schema: &Schema, includes: &mut [IncludePlan]) {
        for include in includes {
            include.attributes = all_attributes(schema.model(include.model));
            include.renamed.clear();
            widen(schema, &mut include.children);
        }
    }
    let mut wide = plan.clone();
    wide.attributes = all_attributes(schema.model(plan.model));
    wide.renamed.clear();
    wide.computed.clear();
    wide.group.clear();
    wide.having = None;
    wide.order.clear();
    (wide.limit, wide.offset) = (None, None);
    wide.raw = crate::plan::Raw::Instances;
    widen(schema, &mut wide.include);
    wide
}

/// The rows the JOINs make of one loaded instance, each table's columns under its
/// alias (`owner`, `pugs`, `pugs->toys`); a LEFT JOIN that found nothing adds none.
fn flatten(
    schema: &Schema,
    instance: &InstanceRef,
    includes: &[IncludePlan],
    alias: &str,
) -> Vec<Joined> {
    let own = super::load::instance_row(schema, instance);
    let model = schema.model(instance.borrow().model);
    let mut rows = vec![Joined::of(alias, &own)];
    for include in includes {
        let children = super::nest::included(instance.borrow().get(&include.as_name));
        let path = match alias == model.name {
            true => include.as_name.clone(),
            false => format!("{alias}->{}", include.as_name),
        };
        let mut extensions: Vec<Joined> = children
            .iter()
            .flat_map(|child| flatten(schema, child, &include.children, &path))
            .collect();
        if extensions.is_empty() {
            let mut nulls = Joined::default();
            null_tables(schema, include, &path, &mut nulls);
            extensions.push(nulls);
        }
        rows = rows
            .iter()
            .flat_map(|row| {
                extensions.iter().map(move |extension| {
                    let mut joined = row.clone();
                    joined.tables.extend(extension.tables.iter().cloned());
                    joined
                })
            })
            .collect();
    }
    rows
}

/// The tables of a LEFT JOIN that matched nothing: each column NULL.
fn null_tables(schema: &Schema, include: &IncludePlan, path: &str, joined: &mut Joined) {
    let row = expr::nulls_of(schema.model(include.model));
    joined.tables.push((path.to_string(), row));
    for child in &include.children {
        null_tables(schema, child, &format!("{path}->{}", child.as_name), joined);
    }
}

/// The rows by their `group` key, groups in key order (as MySQL and SQLite hand them
/// back without an ORDER BY); one group of every row when there is no `group`.
fn group_rows(
    model: &crate::schema::Model,
    plan: &FindPlan,
    rows: Vec<Joined>,
    dialect: Dialect,
) -> RunResult<Vec<Group>> {
    let terms = group_terms(model, plan, dialect)?;
    let groups = group_by_terms(&terms, rows, dialect)?;
    Ok(groups.into_iter().map(|rows| Group { rows }).collect())
}

/// The terms a find's `group` names: columns as written (a bare name the table lacks
/// is the output column selected under it), or SQL pieces.
fn group_terms(
    model: &crate::schema::Model,
    plan: &FindPlan,
    dialect: Dialect,
) -> RunResult<Vec<Term>> {
    plan.group
        .iter()
        .map(|item| match item {
            Value::Str(name) if !name.contains('.') => {
                Ok(column_term(&output_alias_column(model, plan, name.clone())))
            }
            Value::Str(name) => Ok(column_term(name)),
            other => term_of(other, dialect),
        })
        .collect()
}

/// Joined rows grouped by the values of `terms`, the groups in ascending key order; one
/// group of them all when there are no terms. Grouped finds and raw queries share it.
pub(super) fn group_by_terms(
    terms: &[Term],
    rows: Vec<Joined>,
    dialect: Dialect,
) -> RunResult<Vec<Vec<Joined>>> {
    if terms.is_empty() {
        return Ok(vec![rows]);
    }
    let mut groups: Vec<(Vec<Cell>, Vec<Joined>)> = Vec::new();
    let mut index: HashMap<Vec<CellKey>, usize> = HashMap::new();
    for row in rows {
        let key = terms
            .iter()
            .map(|term| expr::eval(term, &row, dialect))
            .collect::<RunResult<Vec<Cell>>>()?;
        let hashed: Vec<CellKey> = key.iter().map(cell_key).collect();
        match index.get(&hashed) {
            Some(&at) => groups[at].1.push(row),
            None => {
                index.insert(hashed, groups.len());
                groups.push((key, vec![row]));
            }
        }
    }
    groups.sort_by(|(a, _), (b, _)| {
        let ascending = vec!["ASC"; a.len()];
        super::load::compare_keys(a, b, &ascending, dialect)
    });
    Ok(groups.into_iter().map(|(_, rows)| rows).collect())
}

/// The groups in the order PostgreSQL hands them back without an ORDER BY
/// ([`super::postgres_groups`]): its hash table's, where it would hash them.
fn in_postgres_order(
    rt: &mut Runtime,
    model: &crate::schema::Model,
    plan: &FindPlan,
    groups: Vec<Group>,
) -> RunResult<Vec<Group>> {
    let dialect = rt.dialect();
    let terms = group_terms(model, plan, dialect)?;
    let keys = groups
        .iter()
        .map(|group| {
            let first = group.rows.first().cloned().unwrap_or_default();
            terms
                .iter()
                .map(|term| expr::eval(term, &first, dialect))
                .collect::<RunResult<Vec<Cell>>>()
        })
        .collect::<RunResult<Vec<_>>>()?;
    let stored = rt
        .store
        .select(&model.table_name, &crate::runtime::store::Filter::All)
        .map_err(crate::runtime::engine_error)?;
    let Some(order) = super::postgres_groups::hashed_order(model, plan, &stored, &keys) else {
        return Ok(groups);
    };
    let mut slots: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    Ok(order.into_iter().filter_map(|i| slots[i].take()).collect())
}

/// Sorts the groups by the plan's `order`: a column (of the group's first row), a
/// computed alias, or a piece computed over the group. A number the database answers
/// as exact text (PostgreSQL's `SUM` of integers, MySQL's `AVG`) sorts as a number.
fn order_groups(
    rt: &mut Runtime,
    plan: &FindPlan,
    groups: Vec<Group>,
    alias: &str,
    computed: &[(String, Term)],
) -> RunResult<Vec<Group>> {
    let dialect = rt.dialect();
    if plan.order.is_empty() {
        return Ok(groups);
    }
    let mut terms = Vec::with_capacity(plan.order.len());
    for order in &plan.order {
        match &order.expr {
            Some(expr) => terms.extend(super::load::order_term(expr, order.direction, dialect)?),
            None => {
                let table = match order.path.is_empty() {
                    true => alias.to_string(),
                    false => order.path.join("->"),
                };
                terms.push((
                    Term::Column {
                        table: Some(table),
                        name: order.field.clone(),
                    },
                    order.direction.unwrap_or("ASC"),
                ));
            }
        }
    }
    for (term, _) in terms.iter_mut() {
        expr::load_subqueries(term, rt)?;
    }
    let numeric: Vec<bool> = terms
        .iter()
        .map(|(term, _)| match term {
            Term::Column { table: None, name } => computed
                .iter()
                .any(|(alias, computed)| alias == name && expr::is_numeric(computed)),
            term => expr::is_numeric(term),
        })
        .collect();
    let mut keyed: Vec<(Vec<Cell>, Group)> = Vec::with_capacity(groups.len());
    for group in groups {
        let key = terms
            .iter()
            .zip(&numeric)
            .map(|((term, _), numeric)| {
                let cell = eval_group(term, &group.rows, dialect)?;
                Ok(match (numeric, &cell) {
                    (true, Cell::Text(text)) => text.parse().map_or(cell, Cell::Float),
                    _ => cell,
                })
            })
            .collect::<RunResult<Vec<Cell>>>()?;
        keyed.push((key, group));
    }
    let directions: Vec<&str> = terms.iter().map(|(_, d)| *d).collect();
    keyed.sort_by(|(a, _), (b, _)| super::load::compare_keys(a, b, &directions, dialect));
    Ok(keyed.into_iter().map(|(_, group)| group).collect())
}
