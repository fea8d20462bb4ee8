//! The SQL Sequelize 6 logs for PostgreSQL, text for text: `INSERT … RETURNING` with
//! bind parameters, `UPDATE … WHERE`, and `SELECT` with its joins for `include`, as
//! `QueryGenerator.selectQuery` writes them, from the query plans. Only shown; never run.
//! A run on MySQL or SQLite logs them respelled as Sequelize writes them there
//! ([`crate::sql::respell`], applied by `Runtime::log`).

use crate::js::format_number;
use crate::plan::{CompareOp, FindPlan, IncludePlan, JsonCast, Literal, Order, Where, WhereValue};
use crate::schema::{AssociationType, Model, Schema};
use crate::sql::Dialect;
use crate::value::{SqlExpr, Value};

/// `"name"`: identifiers as PostgreSQL quotes them.
pub fn quote(identifier: &str) -> String {
    Dialect::Postgres.quote_identifier(identifier)
}

/// A literal as Sequelize escapes it into PostgreSQL text.
pub fn literal_sql(literal: &Literal) -> String {
    match literal {
        Literal::Null => "NULL".into(),
        Literal::Bool(b) => b.to_string(),
        Literal::Number(n) => format_number(*n),
        Literal::Str(s) => format!("'{}'", s.replace('\'', "''")),
        Literal::Date(ms) => {
            let iso = crate::js::iso_date(*ms);
            format!("'{} {} +00:00'", &iso[..10], &iso[11..23])
        }
    }
}

/// A SQL piece (`sequelize.fn(…)`, `col`, …), or a plain value escaped, as
/// Sequelize's `handleSequelizeMethod` writes it.
pub fn sql_piece(value: &Value) -> String {
    match value {
        Value::Sql(expr) => expr_sql(expr),
        Value::Array(items) => items.iter().map(sql_piece).collect::<Vec<_>>().join(", "),
        other => literal_sql(&plain_literal(other)),
    }
}

fn plain_literal(value: &Value) -> Literal {
    match value {
        Value::Bool(b) => Literal::Bool(*b),
        Value::Number(n) => Literal::Number(*n),
        Value::Str(s) => Literal::Str(s.clone()),
        Value::Date(ms) => Literal::Date(*ms),
        _ => Literal::Null,
    }
}

/// `COUNT("id")`, `"pugs"."id"`, `CAST("home" AS TEXT)`, `lower("name") = 'tom'`.
pub fn expr_sql(expr: &SqlExpr) -> String {
    match expr {
        SqlExpr::Fn { name, args } => {
            let args: Vec<String> = args.iter().map(sql_piece).collect();
            format!("{name}({})", args.join(", "))
        }
        SqlExpr::Col(name) if name.starts_with('*') => "*".into(),
        SqlExpr::Col(name) => dotted(name),
        SqlExpr::Literal(text) => crate::sql::respell::verbatim(text),
        SqlExpr::Cast { value, type_name } => {
            format!("CAST({} AS {})", sql_piece(value), type_name.to_uppercase())
        }
        SqlExpr::Where { left, op, right } => where_piece(left, op.as_deref(), right),
    }
}

/// `'owner.id'` as `"owner"."id"`: each dotted part quoted.
pub fn dotted(name: &str) -> String {
    name.split('.').map(quote).collect::<Vec<_>>().join(".")
}

/// `sequelize.where(left, op, right)`: a comparison, or the right side's own operators.
fn where_piece(left: &Value, op: Option<&str>, right: &Value) -> String {
    let key = sql_piece(left);
    if let Value::Object(ops) = right {
        let parts: Vec<String> = ops
            .iter()
            .map(|(name, operand)| {
                let name = name.trim_start_matches("Symbol(").trim_end_matches(')');
                comparison_piece(&key, name, operand)
            })
            .collect();
        return match parts.len() {
            1 => parts.into_iter().next().unwrap_or_default(),
            _ => format!("({})", parts.join(" AND ")),
        };
    }
    comparison_piece(&key, op.unwrap_or("="), right)
}

fn comparison_piece(key: &str, op: &str, right: &Value) -> String {
    let written = match op {
        "eq" => "=",
        "ne" => "!=",
        "gt" => ">",
        "gte" => ">=",
        "lt" => "<",
        "lte" => "<=",
        "like" => "LIKE",
        "notLike" => "NOT LIKE",
        "iLike" => "ILIKE",
        "notILike" => "NOT ILIKE",
        "in" => "IN",
        "notIn" => "NOT IN",
        "is" => "IS",
        "not" => "IS NOT",
        other => other,
    };
    match (written, right) {
        ("=" | "IS", Value::Null | Value::Undefined) => format!("{key} IS NULL"),
        ("!=" | "IS NOT", Value::Null | Value::Undefined) => format!("{key} IS NOT NULL"),
        (written, Value::Array(items)) => {
            let items: Vec<String> = items.iter().map(sql_piece).collect();
            format!("{key} {written} ({})", items.join(", "))
        }
        (written, right) => format!("{key} {written} {}", sql_piece(right)),
    }
}

/// ` GROUP BY …` of a find's `group` (strings quoted by their dotted parts).
pub fn group_by(group: &[Value]) -> String {
    let items: Vec<String> = group
        .iter()
        .map(|item| match item {
            Value::Str(name) => dotted(name),
            other => sql_piece(other),
        })
        .collect();
    match items.is_empty() {
        true => String::new(),
        false => format!(" GROUP BY {}", items.join(", ")),
    }
}

/// `IN (a, b)`, or `BETWEEN a AND b` for the range operators.
pub fn with_list(op: CompareOp, items: Vec<String>) -> String {
    match (op, items.as_slice()) {
        (CompareOp::Between | CompareOp::NotBetween, [low, high]) => {
            format!("{} {low} AND {high}", op.sql())
        }
        _ => format!("{} ({})", op.sql(), items.join(", ")),
    }
}

/// Appends ` WHERE …` for `condition` (nothing when there is none, or it writes nothing).
pub fn push_where(sql: &mut String, condition: Option<&Where>, alias: &str) {
    let Some(condition) = condition else { return };
    let text = where_sql(condition, alias);
    if !text.is_empty() {
        sql.push_str(" WHERE ");
        sql.push_str(&text);
    }
}

/// `"alias"."field" = 'value'` and friends, joined as Sequelize joins them.
pub fn where_sql(condition: &Where, alias: &str) -> String {
    match condition {
        Where::And(items) => join_group(items, alias, " AND ", false),
        Where::Or(items) if items.is_empty() => "0 = 1".into(),
        Where::Or(items) => join_group(items, alias, " OR ", true),
        Where::Group(inner) => format!("({})", where_sql(inner, alias)),
        Where::Not(inner) => format!("NOT ({})", where_sql(inner, alias)),
        Where::Nested { path, condition } => where_sql(condition, &path.join("->")),
        Where::Sql(expr) => expr_sql(expr),
        Where::Json {
            field,
            path,
            cast,
            op,
            value,
            ..
        } => json_condition(Some(alias), field, path, *cast, *op, value),
        Where::Compare {
            field, op, value, ..
        } => {
            let column = format!("{}.{}", quote(alias), quote(field));
            match value {
                WhereValue::Sql(expr) => format!("{column} {} {}", op.sql(), expr_sql(expr)),
                WhereValue::One(literal) => {
                    format!("{column} {} {}", op.sql(), literal_sql(literal))
                }
                WhereValue::List(items) if items.is_empty() => match op {
                    CompareOp::In => format!("{column} IN (NULL)"),
                    _ => String::new(),
                },
                WhereValue::List(items) => format!(
                    "{column} {}",
                    with_list(*op, items.iter().map(literal_sql).collect())
                ),
            }
        }
    }
}

/// A condition without table aliases, as UPDATE and DELETE write it: values inline, or,
/// when `bind` is set, each plain equality's value as a bind parameter numbered from
/// `first_bind` (Sequelize binds `{ name: 'D' }` but inlines an operator's value, as in
/// `"age" > 2` and `"id" IN (1)`).
pub fn bare_where_sql(condition: &Where, bind: bool, first_bind: usize) -> String {
    bare_where_bound(condition, bind, first_bind).0
}

/// [`bare_where_sql`] with the values it binds, in their order.
pub fn bare_where_bound(
    condition: &Where,
    bind: bool,
    first_bind: usize,
) -> (String, Vec<Literal>) {
    let mut binds = Binds {
        on: bind,
        next: first_bind,
        values: Vec::new(),
    };
    let text = bare(condition, &mut binds);
    (text, binds.values)
}

/// The bind parameters a condition takes: numbered from `next`, kept in `values`.
struct Binds {
    on: bool,
    next: usize,
    values: Vec<Literal>,
}

fn bare(condition: &Where, binds: &mut Binds) -> String {
    match condition {
        Where::And(items) => items
            .iter()
            .map(|i| bare(i, binds))
            .collect::<Vec<_>>()
            .join(" AND "),
        Where::Or(items) if items.is_empty() => "0 = 1".into(),
        Where::Or(items) => format!(
            "({})",
            items
                .iter()
                .map(|i| match i {
                    Where::And(inner) if inner.len() > 1 => format!("({})", bare(i, binds)),
                    _ => bare(i, binds),
                })
                .collect::<Vec<_>>()
                .join(" OR ")
        ),
        Where::Group(inner) => format!("({})", bare(inner, binds)),
        Where::Not(inner) => format!("NOT ({})", bare(inner, binds)),
        Where::Nested { path, condition } => where_sql(condition, &path.join("->")),
        Where::Sql(expr) => expr_sql(expr),
        Where::Json {
            field,
            path,
            cast,
            op,
            value,
            ..
        } => json_condition(None, field, path, *cast, *op, value),
        Where::Compare {
            field, op, value, ..
        } => {
            let mut value_sql = |literal: &Literal| {
                if binds.on && *op == CompareOp::Eq && *literal != Literal::Null {
                    let text = format!("${}", binds.next);
                    binds.next += 1;
                    binds.values.push(literal.clone());
                    text
                } else {
                    literal_sql(literal)
                }
            };
            match value {
                WhereValue::One(literal) => {
                    format!("{} {} {}", quote(field), op.sql(), value_sql(literal))
                }
                WhereValue::List(items) => format!(
                    "{} {}",
                    quote(field),
                    with_list(*op, items.iter().map(&mut value_sql).collect())
                ),
                WhereValue::Sql(expr) => {
                    format!("{} {} {}", quote(field), op.sql(), expr_sql(expr))
                }
            }
        }
    }
}

/// A condition on a path inside a JSON column, as `_traverseJSON` writes it: the path's
/// key, cast by the value's type, and the value (a boolean as each dialect compares it).
fn json_condition(
    alias: Option<&str>,
    field: &str,
    path: &[String],
    cast: JsonCast,
    op: CompareOp,
    value: &WhereValue,
) -> String {
    let code = match cast {
        JsonCast::Text => 't',
        JsonCast::Number => 'n',
        JsonCast::Boolean => 'b',
    };
    let key = crate::sql::respell::json_key(alias, field, path, code);
    let literal = |l: &Literal| match l {
        Literal::Bool(b) => crate::sql::respell::json_boolean(*b),
        other => literal_sql(other),
    };
    match (op, value) {
        (CompareOp::Is | CompareOp::IsNot, WhereValue::One(Literal::Null)) => {
            let negated = op == CompareOp::IsNot;
            format!("{key} {}", crate::sql::respell::json_null(negated))
        }
        (_, WhereValue::One(l)) => format!("{key} {} {}", op.sql(), literal(l)),
        (_, WhereValue::List(items)) => {
            format!(
                "{key} {}",
                with_list(op, items.iter().map(literal).collect())
            )
        }
        (_, WhereValue::Sql(expr)) => format!("{key} {} {}", op.sql(), expr_sql(expr)),
    }
}

fn join_group(items: &[Where], alias: &str, separator: &str, wrap: bool) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|item| match item {
            // An OR of several parts is parenthesized by itself.
            Where::And(inner) if inner.len() > 1 => format!("({})", where_sql(item, alias)),
            _ => where_sql(item, alias),
        })
        .filter(|s| !s.is_empty())
        .collect();
    let joined = parts.join(separator);
    if wrap && !parts.is_empty() {
        format!("({joined})")
    } else {
        joined
    }
}

/// What an INSERT writes for one column: the table's own `DEFAULT` (a generated key), a
/// bound parameter, or a SQL piece written out (`CURRENT_TIMESTAMP`).
#[derive(Clone, Debug, PartialEq)]
pub enum Slot {
    Default,
    Bound,
    Sql(String),
}

/// `INSERT INTO "pugs" ("id","name",…) VALUES (DEFAULT,$1,…) RETURNING "id",…;`
/// `columns` are (field, what is written) in attribute order.
pub fn insert(table: &str, columns: &[(String, Slot)], returning: &[String]) -> String {
    let mut bind = 0;
    let values: Vec<String> = columns
        .iter()
        .map(|(_, slot)| match slot {
            Slot::Default => "DEFAULT".to_string(),
            Slot::Sql(sql) => sql.clone(),
            Slot::Bound => {
                bind += 1;
                format!("${bind}")
            }
        })
        .collect();
    format!(
        "INSERT INTO {} ({}) VALUES ({}) RETURNING {};",
        quote(table),
        columns
            .iter()
            .map(|(f, _)| quote(f))
            .collect::<Vec<_>>()
            .join(","),
        values.join(","),
        returning
            .iter()
            .map(|f| quote(f))
            .collect::<Vec<_>>()
            .join(",")
    )
}

/// Does the find take Sequelize's subquery form (a LIMIT with a to-many include at any
/// depth, unless it says `duplicating: false`)?
pub fn uses_subquery(plan: &FindPlan) -> bool {
    fn duplicates(includes: &[IncludePlan]) -> bool {
        includes
            .iter()
            .any(|i| !i.separate && (i.duplicating || duplicates(&i.children)))
    }
    plan.sub_query && plan.limit.is_some() && duplicates(&plan.include)
}

/// The SELECT of a find, as `selectQuery` builds it.
pub fn select(schema: &Schema, plan: &FindPlan) -> String {
    if uses_subquery(plan) {
        return select_with_subquery(schema, plan);
    }
    select_flat(schema, plan)
}

/// The limit applies to the parent rows: they are selected in a subquery and the to-many
/// includes joined outside it. A required include becomes a correlated filter inside.
fn select_with_subquery(schema: &Schema, plan: &FindPlan) -> String {
    let model = schema.model(plan.model);
    let alias = &model.name;
    let selected = selected_keys(model, plan);
    let mut inner_columns: Vec<String> = selected
        .iter()
        .map(|key| {
            computed_as(plan, key)
                .unwrap_or_else(|| format!("{}.{}", quote(alias), column_as(model, plan, key)))
        })
        .collect();
    // The subquery keeps the primary key (Sequelize pushes `[attribute, field]`, which
    // it writes as column and alias) and each outer join's key, named by its attribute.
    if let Some(pk) = model.primary_key_attribute() {
        if !selected.iter().any(|key| key == pk) {
            let field = model.field_of(pk);
            inner_columns.push(format!(
                "{}.{} AS {}",
                quote(alias),
                quote(pk),
                quote(&field)
            ));
        }
    }
    for include in plan.include.iter().filter(|i| !i.separate) {
        let association = &include.association;
        if !matches!(
            association.kind,
            AssociationType::HasMany | AssociationType::HasOne
        ) {
            continue;
        }
        let attribute = &association.source_key;
        let field = model.field_of(attribute);
        let mut column = format!("{}.{}", quote(alias), quote(&field));
        if field != *attribute {
            column = format!("{column} AS {}", quote(attribute));
        }
        if !inner_columns.contains(&column) {
            inner_columns.push(column);
        }
    }
    let mut columns = vec![format!("{}.*", quote(alias))];
    let mut joins = String::new();
    let mut filters: Vec<String> = Vec::new();
    if let Some(condition) = &plan.where_ {
        let text = where_sql(condition, alias);
        if !text.is_empty() {
            filters.push(text);
        }
    }
    for include in plan.include.iter().filter(|i| !i.separate) {
        let top = (alias.as_str(), true);
        include_sql_from(schema, include, top, "", "", &mut columns, &mut joins);
        if include.required && include.association.kind.is_multiple() {
            filters.push(required_filter(schema, include, alias));
        }
    }
    let mut inner = format!(
        "SELECT {} FROM {} AS {}",
        inner_columns.join(", "),
        quote(&model.table_name),
        quote(alias)
    );
    if !filters.is_empty() {
        inner.push_str(" WHERE ");
        inner.push_str(&filters.join(" AND "));
    }
    inner.push_str(&group_by(&plan.group));
    if let Some(having) = &plan.having {
        inner.push_str(" HAVING ");
        inner.push_str(&bare_where_sql(having, false, 1));
    }
    let orders: Vec<String> = plan
        .order
        .iter()
        .filter(|o| o.path.is_empty())
        .map(|o| order_sql(o, alias))
        .collect();
    if !orders.is_empty() {
        inner.push_str(" ORDER BY ");
        inner.push_str(&orders.join(", "));
    }
    push_limit(&mut inner, plan);
    let mut sql = format!(
        "SELECT {} FROM ({inner}) AS {}{joins}",
        columns.join(", "),
        quote(alias)
    );
    if !plan.order.is_empty() {
        let orders: Vec<String> = plan.order.iter().map(|o| order_sql(o, alias)).collect();
        sql.push_str(" ORDER BY ");
        sql.push_str(&orders.join(", "));
    }
    sql.push(';');
    sql
}

/// `( SELECT "ownerId" FROM "pugs" AS "pugs" WHERE ("pugs"."ownerId" = "owner"."id") LIMIT 1 ) IS NOT NULL`
fn required_filter(schema: &Schema, include: &IncludePlan, alias: &str) -> String {
    let association = &include.association;
    let target = schema.model(include.model);
    let source = schema.model(association.source);
    let fk = target.field_of(&association.foreign_key);
    let mut condition = format!(
        "{}.{} = {}.{}",
        quote(&include.as_name),
        quote(&fk),
        quote(alias),
        quote(&source.field_of(&association.source_key))
    );
    if let Some(where_) = &include.where_ {
        condition = format!("{} AND {condition}", where_sql(where_, &include.as_name));
    }
    format!(
        "( SELECT {} FROM {} AS {} WHERE ({condition}) LIMIT 1 ) IS NOT NULL",
        quote(&fk),
        quote(&target.table_name),
        quote(&include.as_name)
    )
}

/// The SELECT of a find without a subquery.
/// `count({ include })`: the joined SELECT counting the model's key (`DISTINCT` with
/// `distinct: true`), the includes' columns left out.
pub fn count_joined(schema: &Schema, plan: &FindPlan, distinct: bool) -> String {
    let model = schema.model(plan.model);
    let alias = &model.name;
    let key = model
        .primary_key_attribute()
        .map_or_else(|| "id".to_string(), |pk| model.field_of(pk));
    let key = format!("{}.{}", quote(alias), quote(&key));
    let counted = match distinct {
        true => format!("count(DISTINCT({key}))"),
        false => format!("count({key})"),
    };
    let (mut unused_columns, mut joins) = (Vec::new(), String::new());
    for include in &plan.include {
        include_sql(
            schema,
            include,
            alias,
            "",
            "",
            &mut unused_columns,
            &mut joins,
        );
    }
    let mut sql = format!(
        "SELECT {counted} AS \"count\" FROM {} AS {}{joins}",
        quote(&model.table_name),
        quote(alias)
    );
    push_where(&mut sql, plan.where_.as_ref(), alias);
    sql.push(';');
    sql
}

/// The keys a find's SELECT lists. With an include, Sequelize puts the primary key
/// first when the attributes leave it out (to tell the rows apart; it is not shown),
/// unless the find is raw.
fn selected_keys(model: &Model, plan: &FindPlan) -> Vec<String> {
    let mut keys = plan.attributes.clone();
    // A VIRTUAL attribute has no column: its getter makes it from the others.
    keys.retain(|key| model.attribute(key).is_none_or(|a| !a.is_virtual()));
    let listed = |pk: &str| {
        keys.iter()
            .any(|key| key == pk && !plan.renamed.iter().any(|(alias, _)| alias == key))
    };
    if let Some(pk) = model.primary_key_attribute() {
        if !plan.include.is_empty() && plan.raw == crate::plan::Raw::Instances && !listed(pk) {
            keys.insert(0, pk.to_string());
        }
    }
    keys
}

/// A computed key's `COUNT("id") AS "n"`, if `key` is one.
fn computed_as(plan: &FindPlan, key: &str) -> Option<String> {
    let (alias, expr) = plan.computed.iter().find(|(alias, _)| alias == key)?;
    if plan.unaliased.contains(alias) {
        return Some(expr_sql(expr));
    }
    Some(format!("{} AS {}", expr_sql(expr), quote(alias)))
}

/// `"name"`, `"first_name" AS "firstName"`, or `"name" AS "title"` for a renamed key.
fn column_as(model: &Model, plan: &FindPlan, key: &str) -> String {
    let field = model.field_of(crate::plan::source_of(&plan.renamed, key));
    match field == key {
        true => quote(&field),
        false => format!("{} AS {}", quote(&field), quote(key)),
    }
}

fn select_flat(schema: &Schema, plan: &FindPlan) -> String {
    let model = schema.model(plan.model);
    let alias = &model.name;
    // Any include, even a separate one, makes Sequelize prefix the columns.
    let with_include = !plan.include.is_empty();
    let mut columns: Vec<String> = selected_keys(model, plan)
        .iter()
        .map(|key| {
            if let Some(computed) = computed_as(plan, key) {
                return computed;
            }
            let column = column_as(model, plan, key);
            if with_include {
                format!("{}.{column}", quote(alias))
            } else {
                column
            }
        })
        .collect();
    let mut joins = String::new();
    for include in plan.include.iter().filter(|i| !i.separate) {
        include_sql(schema, include, alias, "", "", &mut columns, &mut joins);
    }
    let mut sql = format!(
        "SELECT {} FROM {} AS {}{joins}",
        columns.join(", "),
        quote(&model.table_name),
        quote(alias)
    );
    push_where(&mut sql, plan.where_.as_ref(), alias);
    sql.push_str(&group_by(&plan.group));
    if let Some(having) = &plan.having {
        // Sequelize writes a having's attributes without the table's alias.
        sql.push_str(" HAVING ");
        sql.push_str(&bare_where_sql(having, false, 1));
    }
    if !plan.order.is_empty() {
        let orders: Vec<String> = plan.order.iter().map(|o| order_sql(o, alias)).collect();
        sql.push_str(" ORDER BY ");
        sql.push_str(&orders.join(", "));
    }
    push_limit(&mut sql, plan);
    if let Some(lock) = plan.lock {
        sql.push(' ');
        sql.push_str(lock);
    }
    sql.push(';');
    sql
}

fn push_limit(sql: &mut String, plan: &FindPlan) {
    let written = |n: u64, quoted: bool| match quoted {
        true => format!("'{n}'"),
        false => n.to_string(),
    };
    if let Some(limit) = plan.limit {
        sql.push_str(&format!(" LIMIT {}", written(limit, plan.window_quoted.0)));
    }
    if let Some(offset) = plan.offset {
        sql.push_str(&format!(
            " OFFSET {}",
            written(offset, plan.window_quoted.1)
        ));
    }
}

fn order_sql(order: &Order, alias: &str) -> String {
    if let Some(expr) = &order.expr {
        return match order.direction {
            Some(direction) => format!("{} {direction}", expr_sql(expr)),
            None => expr_sql(expr),
        };
    }
    if let Some(selected) = &order.selected_as {
        return match order.direction {
            Some(direction) => format!("{} {direction}", quote(selected)),
            None => quote(selected),
        };
    }
    let table = if order.path.is_empty() {
        alias.to_string()
    } else {
        order.path.join("->")
    };
    match order.direction {
        Some(direction) => format!("{}.{} {direction}", quote(&table), quote(&order.field)),
        None => format!("{}.{}", quote(&table), quote(&order.field)),
    }
}

/// One include's columns and join; `parent_internal` is the parent's `a->b` alias and
/// `parent_external` its `a.b` name (both empty at the top level).
fn include_sql(
    schema: &Schema,
    include: &IncludePlan,
    top_alias: &str,
    parent_internal: &str,
    parent_external: &str,
    columns: &mut Vec<String>,
    joins: &mut String,
) {
    include_sql_from(
        schema,
        include,
        (top_alias, false),
        parent_internal,
        parent_external,
        columns,
        joins,
    );
}

/// [`include_sql`]; `outside_subquery` when the top model's rows come from the LIMIT's
/// subquery, whose columns are named by their attributes (`"Customer"."customerId"`).
fn include_sql_from(
    schema: &Schema,
    include: &IncludePlan,
    (top_alias, outside_subquery): (&str, bool),
    parent_internal: &str,
    parent_external: &str,
    columns: &mut Vec<String>,
    joins: &mut String,
) {
    let internal = if parent_internal.is_empty() {
        include.as_name.clone()
    } else {
        format!("{parent_internal}->{}", include.as_name)
    };
    let external = if parent_external.is_empty() {
        include.as_name.clone()
    } else {
        format!("{parent_external}.{}", include.as_name)
    };
    let target = schema.model(include.model);
    // Sequelize selects an included model's primary key even when not asked for it,
    // to tell rows apart; it is left out of the result. `attributes: []` selects none,
    // and neither does a raw find (it does not tell rows apart).
    let selected = match include.raw {
        true => include.attributes.clone(),
        false => crate::plan::with_primary_keys(target, include.attributes.clone()),
    };
    for key in &selected {
        if let Some((_, piece)) = include.computed.iter().find(|(alias, _)| alias == key) {
            columns.push(format!(
                "{} AS {}",
                expr_sql(piece),
                quote(&format!("{external}.{key}"))
            ));
            continue;
        }
        let attribute = crate::plan::source_of(&include.renamed, key);
        columns.push(format!(
            "{}.{} AS {}",
            quote(&internal),
            quote(&target.field_of(attribute)),
            quote(&format!("{external}.{key}"))
        ));
    }
    let association = &include.association;
    let source = schema.model(association.source);
    let left_alias = if parent_internal.is_empty() {
        top_alias
    } else {
        parent_internal
    };
    let join = if include.required {
        "INNER JOIN"
    } else {
        "LEFT OUTER JOIN"
    };
    let (body, condition) = match association.kind {
        AssociationType::BelongsToMany => {
            let through = schema.model(association.through.expect("join model"));
            let through_as = format!("{internal}->{}", through.name);
            let external_through = format!("{external}.{}", through.name);
            // Chosen join columns come with the join's keys, as the target's do.
            let selected =
                crate::plan::with_primary_keys(through, include.through_attributes.clone());
            for attribute in &selected {
                columns.push(format!(
                    "{}.{} AS {}",
                    quote(&through_as),
                    quote(&through.field_of(attribute)),
                    quote(&format!("{external_through}.{attribute}"))
                ));
            }
            let other_key = association.other_key.clone().unwrap_or_default();
            let through_condition = include
                .through_where
                .as_ref()
                .map(|w| where_sql(w, &through_as))
                .filter(|text| !text.is_empty())
                .map_or(String::new(), |text| format!(" AND {text}"));
            let body = format!(
                "( {} AS {} INNER JOIN {} AS {} ON {}.{} = {}.{}{through_condition})",
                quote(&through.table_name),
                quote(&through_as),
                quote(&target.table_name),
                quote(&internal),
                quote(&internal),
                quote(&target.field_of(&association.target_key)),
                quote(&through_as),
                quote(&through.field_of(&other_key)),
            );
            let condition = format!(
                "{}.{} = {}.{}",
                quote(left_alias),
                quote(&source.field_of(&association.source_key)),
                quote(&through_as),
                quote(&through.field_of(&association.foreign_key)),
            );
            (body, condition)
        }
        kind => {
            let (left_field, right_field) = if kind == AssociationType::BelongsTo {
                (
                    source.field_of(&association.foreign_key),
                    target.field_of(&association.target_key),
                )
            } else if outside_subquery && parent_internal.is_empty() {
                (
                    association.source_key.clone(),
                    target.field_of(&association.foreign_key),
                )
            } else {
                (
                    source.field_of(&association.source_key),
                    target.field_of(&association.foreign_key),
                )
            };
            let body = format!("{} AS {}", quote(&target.table_name), quote(&internal));
            let condition = format!(
                "{}.{} = {}.{}",
                quote(left_alias),
                quote(&left_field),
                quote(&internal),
                quote(&right_field)
            );
            (body, condition)
        }
    };
    let mut condition = condition;
    if let Some(where_) = &include.where_ {
        let text = where_sql(where_, &internal);
        if !text.is_empty() {
            condition.push_str(" AND ");
            condition.push_str(&text);
        }
    }
    let mut children_columns = Vec::new();
    let mut children_joins = String::new();
    for child in include.children.iter().filter(|c| !c.separate) {
        include_sql(
            schema,
            child,
            top_alias,
            &internal,
            &external,
            &mut children_columns,
            &mut children_joins,
        );
    }
    columns.extend(children_columns);
    let required_mismatch =
        !include.required && include.children.iter().any(|c| c.required && !c.separate);
    if required_mismatch && !children_joins.is_empty() {
        joins.push_str(&format!(
            " {join} ( {body}{children_joins} ) ON {condition}"
        ));
    } else {
        joins.push_str(&format!(" {join} {body} ON {condition}"));
        joins.push_str(&children_joins);
    }
}
