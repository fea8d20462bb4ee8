//! Running a plan: the SELECT Sequelize logs, then the rows from the store, one query
//! per include (through the join table for a belongsToMany, or `separate`), sorted
//! by the plan's order, nested, limited.

use std::collections::HashMap;

use super::expr;
use super::filter::store_filter;
use super::nest::{self, cell_key, CellKey, ChildrenByKey, Loaded};
use super::options::{
    literal_of, parse_where, plan, unknown_column, unknown_order_column, unsupported_grouping,
    with_paranoid_clause,
};
use crate::error::{ErrorName, SequelizeError};
use crate::plan::{CompareOp, FindPlan, IncludePlan, Order, Where, WhereValue};
use crate::runtime::instance::from_row;
use crate::runtime::store::{cell_in, Cell, Filter, Row};
use crate::runtime::{engine_error, log, RunResult, Runtime};
use crate::schema::{AssociationType, ModelId, Schema};
use crate::sql::Dialect;
use crate::value::{Instance, InstanceRef, Value};

/// Runs a find: logs Sequelize's SELECT, answers from the store.
pub fn find(rt: &mut Runtime, schema: &Schema, plan: &FindPlan) -> RunResult<Vec<InstanceRef>> {
    fn joins_right(includes: &[IncludePlan]) -> bool {
        includes
            .iter()
            .any(|i| i.right && !i.separate || joins_right(&i.children))
    }
    if rt.dialect() != Dialect::Sqlite && joins_right(&plan.include) {
        return Err(SequelizeError::plain(
            "The playground does not run an include's right: true (a RIGHT OUTER JOIN) yet",
        )
        .with_hint("turn the find around: the other model's findAll with this one included lists its rows that nothing joins too"));
    }
    rt.log(log::select(schema, plan))?;
    match plan.is_grouped(expr::is_aggregate) {
        true => super::group::grouped(rt, schema, plan),
        false => load(rt, schema, plan),
    }
}

/// The instances `plan` finds, with their includes, without logging anything.
pub(super) fn load(
    rt: &mut Runtime,
    schema: &Schema,
    plan: &FindPlan,
) -> RunResult<Vec<InstanceRef>> {
    let hoisted;
    let mut on_joined_rows = Vec::new();
    let plan = match plan.where_.as_ref().is_some_and(has_nested) {
        true => {
            (hoisted, on_joined_rows) = hoist_nested(schema, plan, rt.dialect())?;
            &hoisted
        }
        false => plan,
    };
    let model = schema.model(plan.model);
    rt.require_table(&model.table_name)?;
    if let Some(missing) = &plan.missing_column {
        return Err(missing.error(rt.dialect()));
    }
    unknown_column(model, plan.where_.as_ref(), Some(&model.name), rt.dialect())?;
    unknown_order_column(model, &plan.order, rt.dialect())?;
    let filter = (plan.where_.as_ref()).map_or(Filter::All, |w| store_filter(w, rt.dialect()));
    let mut rows = rt
        .store
        .select(&model.table_name, &filter)
        .map_err(engine_error)?;
    rt.count_rows(rows.len())?;
    if plan.where_.as_ref().is_some_and(expr::has_sql) {
        keep_passing(
            rt,
            (schema, plan.model),
            &mut rows,
            plan.where_.as_ref(),
            &model.name,
        )?;
    }
    // A computed key that names an include's column (`[col('author.name'), 'by']`) is
    // computed once the includes are loaded; the others on the model's own rows.
    let (on_joins, own_computed): (Vec<_>, Vec<_>) =
        plan.computed.iter().cloned().partition(|(_, piece)| {
            expr::term_of_expr(piece, rt.dialect())
                .is_ok_and(|term| expr::column_outside(&term, &model.name).is_some())
        });
    if !own_computed.is_empty() {
        add_computed(
            rt,
            (schema, plan.model),
            &mut rows,
            &own_computed,
            &model.name,
        )?;
        if plan.computed.iter().any(|(_, piece)| is_distinct(piece)) {
            keep_distinct(&mut rows, &plan.attributes);
        }
    }
    match plan
        .order
        .iter()
        .any(|o| o.path.is_empty() && o.expr.is_some())
    {
        true => sort_rows_by_terms(rt, &mut rows, &plan.order, &model.name)?,
        false => sort_rows(&mut rows, orders_at(&plan.order, &[]), rt.dialect()),
    }
    let key_types = expr::key_types(&plan.computed, model);
    let mut loaded: Vec<Loaded> = rows
        .into_iter()
        .map(|row| {
            let instance = plan_instance(plan, model, &row, &key_types, rt.dialect());
            Loaded { row, instance }
        })
        .collect();
    for include in plan.include.iter().filter(|i| !i.separate) {
        load_include(rt, schema, &mut loaded, include, &plan.order, &[])?;
    }
    if !on_joins.is_empty() {
        compute_on_joins(rt, schema, &loaded, &plan.include, &on_joins, &model.name)?;
    }
    if !on_joined_rows.is_empty() {
        let condition = Where::And(on_joined_rows);
        loaded = keep_joined(
            schema,
            loaded,
            &plan.include,
            &model.name,
            &condition,
            rt.dialect(),
        )?;
    }
    for include in plan.include.iter().filter(|i| i.separate) {
        load_separately(rt, schema, &loaded, include)?;
    }
    let offset = plan.offset.unwrap_or(0) as usize;
    let limit = plan.limit.map_or(usize::MAX, |l| l as usize);
    // The limit's subquery picks the parents by their own columns; the order on the
    // includes' columns then sorts what it picked.
    let subquery_window = plan.limit.is_some() && log::uses_subquery(plan);
    if subquery_window {
        loaded = loaded.into_iter().skip(offset).take(limit).collect();
    }
    if plan.order.iter().any(|o| !o.path.is_empty()) && plan.order.iter().all(|o| o.expr.is_none())
    {
        sort_by_joined_rows(&mut loaded, &plan.order, rt.dialect());
    }
    if subquery_window {
        return Ok(loaded.into_iter().map(|l| l.instance).collect());
    }
    let flat_to_many = plan
        .include
        .iter()
        .find(|i| !i.separate && i.association.kind.is_multiple());
    if let (Some(include), true) = (
        flat_to_many,
        plan.limit.is_some() && !log::uses_subquery(plan),
    ) {
        return Ok(window_of_joined_rows(
            loaded,
            &include.as_name,
            offset,
            limit,
        ));
    }
    Ok(loaded
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|l| l.instance)
        .collect())
}

/// The include that `path`'s aliases lead to; each on the way becomes required (a
/// WHERE on its columns drops the rows it is missing from).
fn include_at<'p>(includes: &'p mut [IncludePlan], path: &[String]) -> Option<&'p mut IncludePlan> {
    let (first, rest) = path.split_first()?;
    let include = includes.iter_mut().find(|i| i.as_name == *first)?;
    include.required = true;
    if rest.is_empty() {
        return Some(include);
    }
    include_at(&mut include.children, rest)
}

fn has_nested(condition: &Where) -> bool {
    match condition {
        Where::And(items) | Where::Or(items) => items.iter().any(has_nested),
        Where::Group(inner) | Where::Not(inner) => has_nested(inner),
        Where::Nested { .. } => true,
        Where::Compare { .. } | Where::Sql(_) | Where::Json { .. } => false,
    }
}

/// The top-level `where` with its `'$include.column$'` conditions moved onto their
/// includes: the SQL filters the joined rows, which for conditions joined by AND is a
/// required include with that `where` (`'$pugs.id$': null` instead keeps the parents
/// with no such child). A condition that mixes them under `Op.or` cannot move: it is
/// answered, with the conditions left over, to be checked on the joined rows
/// ([`keep_joined`]).
fn hoist_nested(
    schema: &Schema,
    plan: &FindPlan,
    dialect: Dialect,
) -> RunResult<(FindPlan, Vec<Where>)> {
    fn split(
        condition: Where,
        plain: &mut Vec<Where>,
        nested: &mut Vec<(Vec<String>, Where)>,
        joined: &mut Vec<Where>,
    ) {
        match condition {
            Where::And(items) => items
                .into_iter()
                .for_each(|i| split(i, plain, nested, joined)),
            Where::Group(inner) if matches!(*inner, Where::And(_)) => {
                split(*inner, plain, nested, joined)
            }
            Where::Nested { path, condition } => nested.push((path, *condition)),
            other if has_nested(&other) => joined.push(other),
            other => plain.push(other),
        }
    }
    let mut hoisted = plan.clone();
    let (mut plain, mut nested, mut joined) = (Vec::new(), Vec::new(), Vec::new());
    if let Some(condition) = hoisted.where_.take() {
        split(condition, &mut plain, &mut nested, &mut joined);
    }
    hoisted.where_ = match plain.len() {
        0 => None,
        1 => plain.pop(),
        _ => Some(Where::And(plain)),
    };
    for (path, condition) in nested {
        let Some(include) = include_at(&mut hoisted.include, &path) else {
            let alias = path.join("->");
            let column = match &condition {
                Where::Compare { field, .. } => field.clone(),
                _ => String::new(),
            };
            return Err(SequelizeError::new(
                ErrorName::SequelizeDatabaseError,
                match dialect {
                    Dialect::Postgres => format!("missing FROM-clause entry for table \"{alias}\""),
                    Dialect::Sqlite => format!("SQLITE_ERROR: no such column: {alias}.{column}"),
                    Dialect::Mysql => format!("Unknown column '{alias}.{column}' in 'where clause'"),
                },
            )
            .with_hint(format!("'${}.{column}$' names an include by its alias: include it (include: [...]) under that name", path.join("."))));
        };
        let pk_field = schema
            .model(include.model)
            .primary_key_attribute()
            .map(|pk| schema.model(include.model).field_of(pk));
        let absent = matches!(&condition, Where::Compare { field, op: CompareOp::Is, value: WhereValue::One(crate::plan::Literal::Null), .. } if Some(field) == pk_field.as_ref());
        if absent {
            include.required = false;
            include.must_be_empty = true;
        } else {
            include.where_ = Some(match include.where_.take() {
                Some(own) => Where::And(vec![own, condition]),
                None => condition,
            });
        }
    }
    Ok((hoisted, joined))
}

/// The parents a condition on the joined rows keeps (`{ [Op.or]: [{ title }, {
/// '$author.name$': … }] }`): each parent's row joined with each child of the includes
/// it names (a row of NULLs for none, as a LEFT JOIN gives); a parent stays when one of
/// its joined rows passes, with the to-many children of the rows that passed.
fn keep_joined(
    schema: &Schema,
    parents: Vec<Loaded>,
    includes: &[IncludePlan],
    alias: &str,
    condition: &Where,
    dialect: Dialect,
) -> RunResult<Vec<Loaded>> {
    let mut paths = Vec::new();
    nested_paths(condition, &mut paths);
    if paths.iter().any(|p| p.len() != 1) {
        return Err(SequelizeError::plain(
            "The playground does not run a '$include.nested.column$' condition of a nested include inside Op.or yet",
        )
        .with_hint("filter the included model with its own where: include: { model, where }"));
    }
    let names: Vec<String> = paths.into_iter().map(|mut p| p.remove(0)).collect();
    let term = expr::where_term_of(condition, Some(alias), dialect)?;
    let mut kept = Vec::with_capacity(parents.len());
    for parent in parents {
        let children: Vec<(String, Vec<Option<InstanceRef>>, bool)> = names
            .iter()
            .map(|name| {
                let value = parent.instance.borrow().get(name).cloned();
                let many = matches!(value, Some(Value::Array(_)));
                let list = nest::included(value.as_ref());
                let options = match list.is_empty() {
                    true => vec![None],
                    false => list.into_iter().map(Some).collect(),
                };
                (name.clone(), options, many)
            })
            .collect();
        let mut passed: Vec<Vec<bool>> = children
            .iter()
            .map(|(_, o, _)| vec![false; o.len()])
            .collect();
        let mut any = false;
        let mut choice = vec![0usize; children.len()];
        loop {
            let mut joined = expr::Joined::of(alias, &parent.row);
            for ((name, options, _), &at) in children.iter().zip(&choice) {
                let row = match &options[at] {
                    Some(child) => instance_row(schema, child),
                    None => null_row(schema, includes, name),
                };
                joined.tables.push((name.clone(), row));
            }
            if expr::passes(&term, std::slice::from_ref(&joined), false, dialect)? {
                any = true;
                for (flags, &at) in passed.iter_mut().zip(&choice) {
                    flags[at] = true;
                }
            }
            // The next combination, as an odometer.
            let mut wheel = 0;
            while wheel < choice.len() {
                choice[wheel] += 1;
                if choice[wheel] < children[wheel].1.len() {
                    break;
                }
                choice[wheel] = 0;
                wheel += 1;
            }
            if wheel == choice.len() {
                break;
            }
        }
        if !any {
            continue;
        }
        for ((name, options, many), flags) in children.iter().zip(&passed) {
            if *many {
                let keep: Vec<Value> = options
                    .iter()
                    .zip(flags)
                    .filter(|(_, passed)| **passed)
                    .filter_map(|(child, _)| child.clone().map(Value::Instance))
                    .collect();
                parent.instance.borrow_mut().set(name, Value::Array(keep));
            }
        }
        kept.push(parent);
    }
    Ok(kept)
}

/// The include aliases a condition's `'$path.column$'` keys name.
fn nested_paths(condition: &Where, paths: &mut Vec<Vec<String>>) {
    match condition {
        Where::And(items) | Where::Or(items) => items.iter().for_each(|i| nested_paths(i, paths)),
        Where::Group(inner) | Where::Not(inner) => nested_paths(inner, paths),
        Where::Nested { path, .. } => {
            if !paths.contains(path) {
                paths.push(path.clone());
            }
        }
        Where::Compare { .. } | Where::Sql(_) | Where::Json { .. } => {}
    }
}

/// The row a LEFT JOIN gives an include that matched nothing: each column NULL.
fn null_row(schema: &Schema, includes: &[IncludePlan], name: &str) -> Row {
    includes
        .iter()
        .find(|i| i.as_name == name)
        .map(|include| expr::nulls_of(schema.model(include.model)))
        .unwrap_or_default()
}

/// The instance of a find's own `row`: its selected attributes, its typed computed
/// keys as the driver gives them.
pub(super) fn plan_instance(
    plan: &FindPlan,
    model: &crate::schema::Model,
    row: &Row,
    key_types: &expr::KeyTypes,
    dialect: Dialect,
) -> InstanceRef {
    let instance = from_row(
        plan.model,
        model,
        row,
        &plan.attributes,
        &plan.renamed,
        dialect,
    )
    .into_ref();
    expr::type_keys(&instance, key_types, dialect);
    instance
}

/// An instance's values as the row of its table (columns by field).
pub(super) fn instance_row(schema: &Schema, instance: &InstanceRef) -> Row {
    let instance = instance.borrow();
    let model = schema.model(instance.model);
    instance
        .values
        .iter()
        .filter(|(key, _)| model.has_attribute(key))
        .map(|(key, value)| {
            // As stored: a DECIMAL read back as '12.50' is the number 12.5 again.
            let mut cell = crate::runtime::cell_of(value);
            let data_type = model.attribute(key).and_then(|a| a.data_type.as_ref());
            crate::runtime::store::convert(&mut cell, crate::runtime::column_kind(data_type));
            (model.field_of(key).as_str().into(), cell)
        })
        .collect()
}

/// A LIMIT without the subquery form (`duplicating: false`) counts the joined rows: a
/// parent is one row per child of its to-many include `as_name` (one with none), so
/// the window can cut a parent's children short.
fn window_of_joined_rows(
    loaded: Vec<Loaded>,
    as_name: &str,
    offset: usize,
    limit: usize,
) -> Vec<InstanceRef> {
    let end = offset.saturating_add(limit);
    let mut row = 0;
    let mut kept = Vec::new();
    for parent in loaded {
        let children = match parent.instance.borrow().get(as_name) {
            Some(Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        let rows = children.len().max(1);
        let (first, last) = (row, row + rows);
        row = last;
        if last <= offset || first >= end {
            continue;
        }
        if !children.is_empty() {
            let from = offset.saturating_sub(first);
            let to = (end - first).min(rows);
            let window = Value::Array(children[from..to].to_vec());
            parent.instance.borrow_mut().set(as_name, window);
        }
        kept.push(parent.instance);
    }
    kept
}

/// Keeps the rows a `where` with SQL pieces in it holds for (the store kept more).
pub fn keep_passing(
    rt: &mut Runtime,
    (schema, model): (&Schema, crate::schema::ModelId),
    rows: &mut Vec<Row>,
    condition: Option<&Where>,
    alias: &str,
) -> RunResult<()> {
    let Some(condition) = condition else {
        return Ok(());
    };
    let dialect = rt.dialect();
    let mut term = expr::where_term_of(condition, Some(alias), dialect)?;
    let tables = super::functions::Tables {
        schema,
        tables: vec![(alias.to_string(), model)],
    };
    expr::check_in(&term, dialect, Some(&tables))?;
    expr::load_subqueries(&mut term, rt)?;
    let mut kept = Vec::with_capacity(rows.len());
    for row in rows.drain(..) {
        if expr::passes(&term, &[expr::Joined::of(alias, &row)], false, dialect)? {
            kept.push(row);
        }
    }
    *rows = kept;
    Ok(())
}

/// An include's rows that its `where` holds for, when SQL pieces are in it (the store
/// kept more); its columns are named by the include's alias path (`user`, `pugs->toys`).
fn keep_passing_include(
    rt: &mut Runtime,
    schema: &Schema,
    rows: &mut Vec<Row>,
    include: &IncludePlan,
    path: &[String],
) -> RunResult<()> {
    match include.where_.as_ref().is_some_and(expr::has_sql) {
        true => keep_passing(
            rt,
            (schema, include.model),
            rows,
            include.where_.as_ref(),
            &path.join("->"),
        ),
        false => Ok(()),
    }
}

/// `[sequelize.fn('DISTINCT', col('breed')), 'breed']`: Sequelize writes `SELECT
/// DISTINCT("breed")`, which makes the whole row distinct.
fn is_distinct(piece: &crate::value::SqlExpr) -> bool {
    matches!(piece, crate::value::SqlExpr::Fn { name, .. } if name.eq_ignore_ascii_case("DISTINCT"))
}

/// The rows whose selected keys' values were not seen in an earlier row.
fn keep_distinct(rows: &mut Vec<Row>, keys: &[String]) {
    let mut seen = std::collections::HashSet::new();
    rows.retain(|row| {
        let key: Vec<CellKey> = keys.iter().map(|k| cell_key(&cell_in(row, k))).collect();
        seen.insert(key)
    });
}

/// Puts each computed key's value in front of its row, under its alias (so the
/// instance reads it, and an order may name it).
fn add_computed(
    rt: &mut Runtime,
    (schema, model): (&Schema, crate::schema::ModelId),
    rows: &mut [Row],
    computed: &[(String, std::rc::Rc<crate::value::SqlExpr>)],
    alias: &str,
) -> RunResult<()> {
    let dialect = rt.dialect();
    let tables = super::functions::Tables {
        schema,
        tables: vec![(alias.to_string(), model)],
    };
    let mut terms: Vec<(std::rc::Rc<str>, expr::Term)> = Vec::with_capacity(computed.len());
    for (name, piece) in computed {
        let mut term = expr::term_of_expr(piece, dialect)?;
        expr::check_in(&term, dialect, Some(&tables))?;
        expr::load_subqueries(&mut term, rt)?;
        terms.push((name.as_str().into(), term));
    }
    for row in rows {
        let joined = expr::Joined::of(alias, row);
        let mut cells: Row = Vec::with_capacity(terms.len() + row.len());
        for (name, term) in &terms {
            cells.push((name.clone(), expr::eval(term, &joined, dialect)?));
        }
        cells.append(row);
        *row = cells;
    }
    Ok(())
}

/// Computed keys that name included columns, on each parent's row joined with its
/// to-one includes' rows (a row of NULLs for none). A to-many include would multiply
/// the parent: not run yet, and said.
fn compute_on_joins(
    rt: &mut Runtime,
    schema: &Schema,
    loaded: &[Loaded],
    includes: &[IncludePlan],
    computed: &[(String, std::rc::Rc<crate::value::SqlExpr>)],
    alias: &str,
) -> RunResult<()> {
    let dialect = rt.dialect();
    let model = loaded.first().map(|l| l.instance.borrow().model);
    let tables = model.map(|m| super::functions::Tables::of_find(schema, m, alias, includes));
    let mut terms = Vec::with_capacity(computed.len());
    for (name, piece) in computed {
        let mut term = expr::term_of_expr(piece, dialect)?;
        expr::check_in(&term, dialect, tables.as_ref())?;
        expr::load_subqueries(&mut term, rt)?;
        if let Some((table, _)) = expr::column_outside(&term, alias) {
            let include = includes.iter().find(|i| i.as_name == table);
            if include.is_some_and(|i| i.association.kind.is_multiple()) {
                return Err(SequelizeError::plain(format!(
                    "The playground does not compute {name} from the to-many include {table} yet"
                ))
                .with_hint("group the rows (group: ['…id']) and aggregate the include's column"));
            }
        }
        terms.push((name.clone(), term));
    }
    // Each to-one include's rows, every column, by the key the parent's row joins on.
    let mut joined_rows: Vec<(&IncludePlan, String, HashMap<CellKey, Row>)> = Vec::new();
    for include in includes
        .iter()
        .filter(|i| !i.separate && !i.association.kind.is_multiple())
    {
        let target = schema.model(include.model);
        let (parent_field, child_field) = join_fields(schema, include);
        let keys: Vec<Cell> = loaded
            .iter()
            .map(|p| cell_in(&p.row, &parent_field))
            .filter(|c| *c != Cell::Null)
            .collect();
        let extra =
            (include.where_.as_ref()).map_or(Filter::All, |w| store_filter(w, rt.dialect()));
        let mut rows = select_by_keys(rt, &target.table_name, &child_field, &keys, extra)?;
        rt.count_rows(rows.len())?;
        keep_passing_include(
            rt,
            schema,
            &mut rows,
            include,
            std::slice::from_ref(&include.as_name),
        )?;
        let by_key = rows
            .into_iter()
            .map(|row| (cell_key(&cell_in(&row, &child_field)), row))
            .collect();
        joined_rows.push((include, parent_field, by_key));
    }
    for parent in loaded {
        let mut joined = expr::Joined::of(alias, &parent.row);
        for (include, parent_field, by_key) in &joined_rows {
            let key = cell_key(&cell_in(&parent.row, parent_field));
            let row = (by_key.get(&key).cloned())
                .unwrap_or_else(|| null_row(schema, includes, &include.as_name));
            joined.tables.push((include.as_name.clone(), row));
        }
        for (name, term) in &terms {
            let cell = expr::eval(term, &joined, dialect)?;
            parent.instance.borrow_mut().set(name, expr::shown(cell));
        }
    }
    Ok(())
}

/// An order's SQL piece as a term, and its direction (a literal may end with its own:
/// `sequelize.literal('age DESC')`).
pub(super) fn order_term(
    piece: &crate::value::SqlExpr,
    direction: Option<&'static str>,
    dialect: Dialect,
) -> RunResult<Vec<(expr::Term, &'static str)>> {
    Ok(match piece {
        // A literal may hold several keys (`'pop DESC, id ASC'`), each its direction.
        crate::value::SqlExpr::Literal(text) => expr::parse_order_literal(text, dialect)?
            .into_iter()
            .map(|(term, own)| (term, direction.or(own).unwrap_or("ASC")))
            .collect(),
        other => vec![(
            expr::term_of_expr(other, dialect)?,
            direction.unwrap_or("ASC"),
        )],
    })
}

/// Two rows' sort keys compared term by term, each in its direction.
pub(super) fn compare_keys(
    a: &[Cell],
    b: &[Cell],
    directions: &[&str],
    dialect: Dialect,
) -> std::cmp::Ordering {
    for ((x, y), direction) in a.iter().zip(b).zip(directions) {
        let ordering = compare_directed(x, y, direction, dialect);
        if ordering.is_ne() {
            return ordering;
        }
    }
    std::cmp::Ordering::Equal
}

/// Sorts the model's own rows by orders that include SQL pieces.
fn sort_rows_by_terms(
    rt: &mut Runtime,
    rows: &mut Vec<Row>,
    orders: &[Order],
    alias: &str,
) -> RunResult<()> {
    let dialect = rt.dialect();
    let mut terms = Vec::new();
    for order in orders.iter().filter(|o| o.path.is_empty()) {
        match &order.expr {
            Some(piece) => terms.extend(order_term(piece, order.direction, dialect)?),
            None => terms.push((
                expr::Term::Column {
                    table: None,
                    name: order.field.clone(),
                },
                order.direction.unwrap_or("ASC"),
            )),
        }
    }
    for (term, _) in terms.iter_mut() {
        expr::load_subqueries(term, rt)?;
    }
    let mut keyed: Vec<(Vec<Cell>, Row)> = Vec::with_capacity(rows.len());
    for row in rows.drain(..) {
        let joined = expr::Joined::of(alias, &row);
        let key = terms
            .iter()
            .map(|(term, _)| expr::eval(term, &joined, dialect))
            .collect::<RunResult<Vec<Cell>>>()?;
        keyed.push((key, row));
    }
    let directions: Vec<&str> = terms.iter().map(|(_, d)| *d).collect();
    keyed.sort_by(|(a, _), (b, _)| compare_keys(a, b, &directions, dialect));
    rows.extend(keyed.into_iter().map(|(_, row)| row));
    Ok(())
}

/// The orders on the model reached by the include `path`, as (field, direction).
fn orders_at<'a>(orders: &'a [Order], path: &[String]) -> Vec<(&'a str, &'static str)> {
    orders
        .iter()
        .filter(|o| o.path == path)
        .map(|o| (o.field.as_str(), o.direction.unwrap_or("ASC")))
        .collect()
}

fn sort_rows(rows: &mut [Row], keys: Vec<(&str, &'static str)>, dialect: Dialect) {
    if keys.is_empty() {
        return;
    }
    rows.sort_by(|a, b| compare_rows(a, b, &keys, dialect));
}

/// The parents in the order of their first joined row, as the database's ORDER BY
/// over the joined rows gives them: each parent sorts by the least of its joined rows'
/// keys (a row without the include's match has NULLs there).
fn sort_by_joined_rows(loaded: &mut Vec<Loaded>, orders: &[Order], dialect: Dialect) {
    use std::cmp::Ordering;
    let mut paths: Vec<&[String]> = orders.iter().map(|o| o.path.as_slice()).collect();
    paths.sort_by_key(|p| p.len());
    paths.dedup();
    let compare = |a: &[Cell], b: &[Cell]| {
        a.iter()
            .zip(b)
            .zip(orders)
            .map(|((x, y), o)| compare_directed(x, y, o.direction.unwrap_or("ASC"), dialect))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    };
    let least: Vec<Vec<Cell>> = loaded
        .iter()
        .map(|parent| {
            rows_along(&parent.instance, &paths)
                .iter()
                .map(|row| {
                    orders
                        .iter()
                        .map(|o| match o.path.is_empty() {
                            true => cell_in(&parent.row, &o.field),
                            false => row
                                .iter()
                                .find(|(path, _)| *path == o.path.as_slice())
                                .and_then(|(_, child)| child.as_ref())
                                .and_then(|c| {
                                    c.borrow().get(&o.attribute).map(crate::runtime::cell_of)
                                })
                                .unwrap_or(Cell::Null),
                        })
                        .collect::<Vec<Cell>>()
                })
                .min_by(|a, b| compare(a, b))
                .unwrap_or_default()
        })
        .collect();
    let mut keyed: Vec<(Vec<Cell>, Loaded)> = least.into_iter().zip(loaded.drain(..)).collect();
    keyed.sort_by(|a, b| compare(&a.0, &b.0));
    loaded.extend(keyed.into_iter().map(|(_, parent)| parent));
}

/// A parent's joined rows along `paths` (shortest first): for each, the instance each
/// path reaches, or none where the include found nothing.
type JoinedRow<'p> = Vec<(&'p [String], Option<InstanceRef>)>;

fn rows_along<'p>(parent: &InstanceRef, paths: &[&'p [String]]) -> Vec<JoinedRow<'p>> {
    let mut rows: Vec<JoinedRow<'p>> = vec![Vec::new()];
    for path in paths.iter().filter(|p| !p.is_empty()) {
        let (last, before) = path.split_last().expect("not empty");
        let mut expanded = Vec::new();
        for row in rows {
            let holder = match before.is_empty() {
                true => Some(parent.clone()),
                false => row
                    .iter()
                    .find(|(p, _)| *p == before)
                    .and_then(|(_, i)| i.clone()),
            };
            let children: Vec<InstanceRef> =
                match holder.as_ref().and_then(|h| h.borrow().get(last).cloned()) {
                    Some(Value::Array(items)) => items
                        .into_iter()
                        .filter_map(|v| match v {
                            Value::Instance(i) => Some(i),
                            _ => None,
                        })
                        .collect(),
                    Some(Value::Instance(one)) => vec![one],
                    _ => Vec::new(),
                };
            if children.is_empty() {
                let mut row = row.clone();
                row.push((path, None));
                expanded.push(row);
            }
            for child in children {
                let mut row = row.clone();
                row.push((path, Some(child)));
                expanded.push(row);
            }
        }
        rows = expanded;
    }
    rows
}

/// Two rows compared on the fields `keys`, each in its direction.
fn compare_rows(
    a: &Row,
    b: &Row,
    keys: &[(&str, &'static str)],
    dialect: Dialect,
) -> std::cmp::Ordering {
    for (field, direction) in keys {
        let ordering = compare_directed(&cell_in(a, field), &cell_in(b, field), direction, dialect);
        if ordering != std::cmp::Ordering::Equal {
            return ordering;
        }
    }
    std::cmp::Ordering::Equal
}

/// Two cells in an order's direction (`DESC`, `ASC NULLS FIRST`, …): NULLs where the
/// direction puts them, or where the dialect does.
pub(super) fn compare_directed(
    a: &Cell,
    b: &Cell,
    direction: &str,
    dialect: Dialect,
) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let nulls_first = match direction {
        d if d.ends_with("NULLS FIRST") => Some(true),
        d if d.ends_with("NULLS LAST") => Some(false),
        _ => None,
    };
    match (a, b, nulls_first) {
        (Cell::Null, Cell::Null, Some(_)) => Ordering::Equal,
        (Cell::Null, _, Some(first)) => {
            if first {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (_, Cell::Null, Some(first)) => {
            if first {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        _ if direction.starts_with("DESC") => compare_cells(a, b, dialect).reverse(),
        _ => compare_cells(a, b, dialect),
    }
}

/// The ascending order of `dialect`: NULLs last on PostgreSQL, first elsewhere.
pub fn compare_cells(a: &Cell, b: &Cell, dialect: Dialect) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let null = match dialect.nulls_first_ascending() {
        true => Ordering::Less,
        false => Ordering::Greater,
    };
    match (a, b) {
        (Cell::Null, Cell::Null) => Ordering::Equal,
        (Cell::Null, _) => null,
        (_, Cell::Null) => null.reverse(),
        (Cell::Int(x), Cell::Int(y)) => x.cmp(y),
        (Cell::Float(x), Cell::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Cell::Int(x), Cell::Float(y)) => (*x as f64).partial_cmp(y).unwrap_or(Ordering::Equal),
        (Cell::Float(x), Cell::Int(y)) => x.partial_cmp(&(*y as f64)).unwrap_or(Ordering::Equal),
        // MySQL's default collations order text whatever its case.
        (Cell::Text(x), Cell::Text(y)) if dialect == Dialect::Mysql => x
            .chars()
            .flat_map(char::to_lowercase)
            .cmp(y.chars().flat_map(char::to_lowercase)),
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
    // `_validateIncludedElements` selects the primary key first and the foreign key
    // last; the instances show only the attributes asked for.
    let mut attributes = crate::plan::with_primary_keys(target, include.attributes.clone());
    if !attributes.contains(&association.foreign_key) {
        attributes.push(association.foreign_key.clone());
    }
    let (limit, offset) = include.separate_window;
    let base = FindPlan {
        model: include.model,
        attributes,
        renamed: include.renamed.clone(),
        computed: Vec::new(),
        unaliased: Vec::new(),
        where_: None,
        include: include.children.clone(),
        order: include.separate_order.clone(),
        group: Vec::new(),
        having: None,
        limit,
        offset,
        sub_query: true,
        window_quoted: (false, false),
        lock: None,
        raw: crate::plan::Raw::Instances,
        missing_column: None,
    };
    let by_key = |op, value| Where::Compare {
        attribute: association.foreign_key.clone(),
        field: target.field_of(&association.foreign_key),
        op,
        value,
    };
    let children = match limit {
        Some(_) if keys_deduplicated.len() > 1 => {
            let keys: Vec<WhereValue> = keys_deduplicated
                .iter()
                .map(|k| WhereValue::One(literal_of(k)))
                .collect();
            let per_parent = |where_: &Option<Where>, key: WhereValue| {
                let key = by_key(CompareOp::Eq, key);
                Some(match where_ {
                    Some(w) => Where::And(vec![w.clone(), key]),
                    None => key,
                })
            };
            // HasMany.get's `{ [Op.and]: [{}, include.where] }`, then findAll's paranoid
            // clause; each parent's key is ANDed after it.
            let where_ = include
                .where_
                .clone()
                .map(|w| Where::Group(Box::new(Where::And(vec![w]))));
            let where_ = super::with_paranoid_clause(target, where_, None);
            grouped_limit(rt, schema, &base, keys, |key| per_parent(&where_, key))?
        }
        _ => {
            let by_parent = by_key(
                CompareOp::In,
                WhereValue::List(keys_deduplicated.iter().map(literal_of).collect()),
            );
            // HasMany.get's `{ [Op.and]: [by_parent, include.where] }`, then findAll's
            // paranoid clause.
            let where_ = match include.where_.clone() {
                Some(extra) => Where::Group(Box::new(Where::And(vec![by_parent, extra]))),
                None => by_parent,
            };
            let where_ = super::with_paranoid_clause(target, Some(where_), None);
            find(rt, schema, &FindPlan { where_, ..base })?
        }
    };
    for parent in parents {
        let key = cell_in(&parent.row, &source_key_field);
        let mine: Vec<Value> = children
            .iter()
            .filter(|c| {
                c.borrow()
                    .get(&association.foreign_key)
                    .map(crate::runtime::cell_of)
                    == Some(key.clone())
            })
            .map(|c| Value::Instance(c.clone()))
            .collect();
        if !include.attributes.is_empty() {
            for child in &mine {
                if let Value::Instance(child) = child {
                    child.borrow_mut().values.retain(|(key, _)| {
                        include.attributes.contains(key)
                            || include.children.iter().any(|c| &c.as_name == key)
                    });
                }
            }
        }
        let value = if association.kind.is_multiple() {
            Value::Array(mine)
        } else {
            mine.into_iter().next().unwrap_or(Value::Null)
        };
        parent.instance.borrow_mut().set(&include.as_name, value);
    }
    Ok(())
}

/// A separate include's limit with several parents, as Sequelize's `groupedLimit`
/// writes it: one subquery per parent key (`where_of` gives each one's condition),
/// joined by UNION ALL (by UNION on SQLite, which then gives the distinct rows in the
/// order of their columns).
fn grouped_limit(
    rt: &mut Runtime,
    schema: &Schema,
    base: &FindPlan,
    keys: Vec<WhereValue>,
    where_of: impl Fn(WhereValue) -> Option<Where>,
) -> RunResult<Vec<InstanceRef>> {
    let plans: Vec<FindPlan> = keys
        .into_iter()
        .map(|key| FindPlan {
            where_: where_of(key),
            ..base.clone()
        })
        .collect();
    let union = match rt.dialect() {
        Dialect::Sqlite => " UNION ",
        _ => " UNION ALL ",
    };
    let subqueries: Vec<String> = plans
        .iter()
        .map(|plan| {
            let select = log::select(schema, plan);
            format!("SELECT * FROM ({}) AS sub", select.trim_end_matches(';'))
        })
        .collect();
    let alias = log::quote(&schema.model(base.model).name);
    rt.log(format!(
        "SELECT {alias}.* FROM ({}) AS {alias};",
        subqueries.join(union)
    ))?;
    let mut found = Vec::new();
    for plan in &plans {
        found.extend(load(rt, schema, plan)?);
    }
    if rt.dialect() == Dialect::Sqlite {
        let dialect = rt.dialect();
        let columns = |i: &InstanceRef| -> Vec<Cell> {
            let instance = i.borrow();
            instance
                .values
                .iter()
                .map(|(_, v)| crate::runtime::cell_of(v))
                .collect()
        };
        found.sort_by(|a, b| {
            columns(a)
                .iter()
                .zip(columns(b).iter())
                .map(|(x, y)| compare_cells(x, y, dialect))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    Ok(found)
}

/// Rows of `table` whose `field` is one of `keys` (and that pass `extra`). A long key
/// list is matched here with a hash set rather than sent as an `IN (…)`, which the
/// engine would check row by row against every key.
pub fn select_by_keys(
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

/// The columns an include joins on: the parent's and the child's (a belongsToMany
/// joins through its join table: no child column).
fn join_fields(schema: &Schema, include: &IncludePlan) -> (String, String) {
    let association = &include.association;
    let source = schema.model(association.source);
    let target = schema.model(include.model);
    match association.kind {
        AssociationType::BelongsTo => (
            source.field_of(&association.foreign_key),
            target.field_of(&association.target_key),
        ),
        AssociationType::HasOne | AssociationType::HasMany => (
            source.field_of(&association.source_key),
            target.field_of(&association.foreign_key),
        ),
        AssociationType::BelongsToMany => (source.field_of(&association.source_key), String::new()),
    }
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
    let (parent_field, child_field) = join_fields(schema, include);
    let (mut child_rows, mut children_by_key) = fetch_children(
        rt,
        schema,
        parents,
        include,
        orders,
        &path,
        (&parent_field, &child_field),
    )?;
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
    nest::attach(parents, &children_by_key, include, &parent_field);
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
    // `col` counts that column's values (not NULLs); `distinct` each value once, the
    // primary key's when no column is named (Sequelize's `count` → `aggregate`).
    let distinct = options.get("distinct").is_some_and(Value::truthy);
    let column = match (options.get("col").and_then(Value::as_str), distinct) {
        (Some(col), _) => Some(model.field_of(col)),
        (None, true) => model.primary_key_attribute().map(|pk| model.field_of(pk)),
        (None, false) => None,
    };
    let counted = match &column {
        Some(field) => log::quote(field),
        None => "*".into(),
    };
    let counted = match distinct && column.is_some() {
        true => format!("DISTINCT({counted})"),
        false => counted,
    };
    let mut text = format!(
        "SELECT count({counted}) AS \"count\" FROM {} AS {}",
        log::quote(&model.table_name),
        log::quote(&model.name)
    );
    log::push_where(&mut text, where_.as_ref(), &model.name);
    text.push(';');
    rt.log(text)?;
    rt.require_table(&model.table_name)?;
    unknown_column(model, where_.as_ref(), Some(&model.name), rt.dialect())?;
    let filter = where_
        .as_ref()
        .map_or(Filter::All, |w| store_filter(w, rt.dialect()));
    let mut rows = rt
        .store
        .select(&model.table_name, &filter)
        .map_err(engine_error)?;
    rt.count_rows(rows.len())?;
    if where_.as_ref().is_some_and(expr::has_sql) {
        keep_passing(
            rt,
            (schema, model_id),
            &mut rows,
            where_.as_ref(),
            &model.name,
        )?;
    }
    let Some(field) = column else {
        return Ok(rows.len());
    };
    let values = rows
        .iter()
        .map(|row| cell_in(row, &field))
        .filter(|c| *c != Cell::Null);
    Ok(match distinct {
        true => values
            .map(|c| cell_key(&c))
            .collect::<std::collections::HashSet<_>>()
            .len(),
        false => values.count(),
    })
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
    rt.log(log::count_joined(schema, &plan, distinct))?;
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
            let children = nest::included(instance.borrow().get(&include.as_name));
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
/// The rows an include finds for all `parents` (through the join table for a
/// belongsToMany), as instances, and the same instances by the parent key they belong to.
fn fetch_children(
    rt: &mut Runtime,
    schema: &Schema,
    parents: &[Loaded],
    include: &IncludePlan,
    orders: &[Order],
    path: &[String],
    (parent_field, child_field): (&str, &str),
) -> RunResult<(Vec<Loaded>, ChildrenByKey)> {
    let association = &include.association;
    let target = schema.model(include.model);
    let keys: Vec<Cell> = parents
        .iter()
        .map(|p| cell_in(&p.row, parent_field))
        .filter(|c| *c != Cell::Null)
        .collect();
    let mut children_by_key = ChildrenByKey::new();
    let mut child_rows: Vec<Loaded>;
    if association.kind == AssociationType::BelongsToMany {
        let join = schema.model(association.through.expect("join model"));
        let join_fk = join.field_of(&association.foreign_key);
        let other_key = association.other_key.clone().unwrap_or_default();
        let join_other = join.field_of(&other_key);
        let mut join_filter = Filter::one_of(&join_fk, &keys);
        if let Some(through_where) = &include.through_where {
            join_filter = join_filter.and(store_filter(through_where, rt.dialect()));
        }
        let mut join_rows = rt
            .store
            .select(&join.table_name, &join_filter)
            .map_err(engine_error)?;
        rt.count_rows(join_rows.len())?;
        let target_key_field = target.field_of(&association.target_key);
        let other_values: Vec<Cell> = join_rows.iter().map(|r| cell_in(r, &join_other)).collect();
        let mut filter = Filter::one_of(&target_key_field, &other_values);
        if let Some(where_) = &include.where_ {
            filter = filter.and(store_filter(where_, rt.dialect()));
        }
        let mut target_rows = rt
            .store
            .select(&target.table_name, &filter)
            .map_err(engine_error)?;
        rt.count_rows(target_rows.len())?;
        keep_passing_include(rt, schema, &mut target_rows, include, path)?;
        if !include.computed.is_empty() {
            add_computed(
                rt,
                (schema, include.model),
                &mut target_rows,
                &include.computed,
                &path.join("->"),
            )?;
        }
        // An order on the target's columns orders its links.
        let order = orders_at(orders, path);
        if !order.is_empty() {
            let empty = Row::new();
            let target_of = |join_row: &Row| {
                let other = cell_in(join_row, &join_other);
                target_rows
                    .iter()
                    .find(|r| cell_in(r, &target_key_field) == other)
            };
            join_rows.sort_by(|a, b| {
                let (a, b) = (
                    target_of(a).unwrap_or(&empty),
                    target_of(b).unwrap_or(&empty),
                );
                compare_rows(a, b, &order, rt.dialect())
            });
        }
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
                rt.dialect(),
            );
            let through = from_row(
                association.through.unwrap(),
                join,
                join_row,
                &include.through_attributes,
                &[],
                rt.dialect(),
            );
            // `through: { attributes: [] }` selects no join column, and shows none.
            if !include.through_attributes.is_empty() {
                instance.set(&join.name, Value::Instance(through.into_ref()));
            }
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
        let extra =
            (include.where_.as_ref()).map_or(Filter::All, |w| store_filter(w, rt.dialect()));
        let mut rows = select_by_keys(rt, &target.table_name, child_field, &keys, extra)?;
        rt.count_rows(rows.len())?;
        keep_passing_include(rt, schema, &mut rows, include, path)?;
        if !include.computed.is_empty() {
            add_computed(
                rt,
                (schema, include.model),
                &mut rows,
                &include.computed,
                &path.join("->"),
            )?;
        }
        sort_rows(&mut rows, orders_at(orders, path), rt.dialect());
        child_rows = rows
            .into_iter()
            .map(|row| Loaded {
                instance: from_row(
                    include.model,
                    target,
                    &row,
                    &include.attributes,
                    &include.renamed,
                    rt.dialect(),
                )
                .into_ref(),
                row,
            })
            .collect();
        for child in &child_rows {
            children_by_key
                .entry(cell_key(&cell_in(&child.row, child_field)))
                .or_default()
                .push(child.instance.clone());
        }
    }
    Ok((child_rows, children_by_key))
}
