//! Learners' mistakes Sequelize accepts silently, found after the snippet ran: two sides
//! of one link that disagree (so two foreign-key columns or two join tables appear),
//! and a `where` inside an `include` that quietly turns it into an inner join.

use crate::diagnostic::Diagnostic;
use crate::schema::{AssociationType, Schema};
use crate::syntax::ast::{Expr, ExprKind, Program, PropertyKey};

pub fn lint(schema: &Schema, program: &Program) -> Vec<Diagnostic> {
    let mut found = disagreeing_keys(schema);
    found.extend(disagreeing_join_tables(schema));
    crate::syntax::visit::calls_in(&program.body, &mut |callee, args| {
        if let ExprKind::Member { property, .. } = &callee.kind {
            if matches!(
                property.name.as_str(),
                "findAll" | "findOne" | "findByPk" | "findAndCountAll" | "count"
            ) {
                for arg in args {
                    where_without_required(arg, &mut found);
                }
            }
        }
    });
    found
}

/// `Pug.belongsTo(Owner, { foreignKey: 'a' })` with `Owner.hasMany(Pug, { foreignKey: 'b' })`.
fn disagreeing_keys(schema: &Schema) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for model in &schema.models {
        for belongs in model
            .associations
            .iter()
            .filter(|a| a.kind == AssociationType::BelongsTo)
        {
            let owner = schema.model(belongs.target);
            for has in owner.associations.iter().filter(|a| {
                matches!(a.kind, AssociationType::HasOne | AssociationType::HasMany)
                    && a.target == belongs.source
            }) {
                // Aliased links may be different relations on purpose (manager/reports).
                if belongs.is_aliased || has.is_aliased || has.foreign_key == belongs.foreign_key {
                    continue;
                }
                let later = if has.span.start > belongs.span.start {
                    has
                } else {
                    belongs
                };
                found.push(
                    Diagnostic::warning(
                        later.span,
                        format!(
                            "{}.belongsTo({}) keeps the link in {} but {}.{}({}) in {}: {} gets both columns",
                            model.name,
                            owner.name,
                            belongs.foreign_key,
                            owner.name,
                            has.kind.method(),
                            model.name,
                            has.foreign_key,
                            model.table_name
                        ),
                    )
                    .with_hint("give both sides the same foreignKey"),
                );
            }
        }
    }
    found
}

/// `A.belongsToMany(B, { through: 'x' })` with `B.belongsToMany(A, { through: 'y' })`.
fn disagreeing_join_tables(schema: &Schema) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for model in &schema.models {
        for one in model
            .associations
            .iter()
            .filter(|a| a.kind == AssociationType::BelongsToMany)
        {
            let other_side = schema.model(one.target);
            for other in other_side.associations.iter().filter(|a| {
                a.kind == AssociationType::BelongsToMany
                    && a.target == one.source
                    && a.span.start > one.span.start
            }) {
                if one.source == one.target || one.through == other.through {
                    continue;
                }
                let (first, second) = (
                    one.through
                        .map(|t| schema.model(t).table_name.clone())
                        .unwrap_or_default(),
                    other
                        .through
                        .map(|t| schema.model(t).table_name.clone())
                        .unwrap_or_default(),
                );
                found.push(
                    Diagnostic::warning(
                        other.span,
                        format!("The two sides use different join tables ({first} and {second}): links made from one side are invisible from the other"),
                    )
                    .with_hint(format!("use through: '{first}' on both sides")),
                );
            }
        }
    }
    found
}

/// Notes each `include` element with a `where` and no `required`.
fn where_without_required(expr: &Expr, found: &mut Vec<Diagnostic>) {
    let ExprKind::Object(properties) = &expr.kind else {
        return;
    };
    for property in properties {
        let PropertyKey::Named(key) = &property.key else {
            continue;
        };
        if key.name != "include" {
            continue;
        }
        let Some(value) = property.init() else {
            continue;
        };
        let elements: Vec<&Expr> = match &value.kind {
            ExprKind::Array(items) => items.iter().flatten().collect(),
            _ => vec![value],
        };
        for element in elements {
            let ExprKind::Object(options) = &element.kind else {
                continue;
            };
            let named = |name: &str| {
                options.iter().find_map(|p| match &p.key {
                    PropertyKey::Named(k) if k.name == name => Some(k.span),
                    _ => None,
                })
            };
            if let (Some(where_span), None) = (named("where"), named("required")) {
                found.push(
                    Diagnostic::note(
                        where_span,
                        "A where inside an include makes it required: rows without a match are left out (INNER JOIN)",
                    )
                    .with_hint("add required: false to keep them (LEFT OUTER JOIN)"),
                );
            }
            where_without_required(element, found);
        }
    }
}
