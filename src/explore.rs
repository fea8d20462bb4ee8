//! The method explorer: the SQL an association method issues. [`method_snippet`] turns
//! the snippet's definitions into a small program that syncs, makes one instance of
//! each side and calls the method; running it (in the page's worker, or natively)
//! gives the statements of that call as the last step, so the SQL shown is the
//! runtime's own, which the conformance corpus checks against Sequelize.

use crate::interpret::{self, Limits};
use crate::project::ProjectFile;
use crate::protocol::RunReport;
use crate::runtime::{Step, StepEnd};
use crate::schema::{AccessorKind, Association, AssociationType, Model, Schema};
use crate::syntax::ast::{Expr, ExprKind, Program, Stmt};

/// What the snippet logs just before the call: the call's SQL is what follows it.
pub const MARK: &str = "method explorer: the call";

/// A program that ends in `instance.method(…)` on a fresh database, or `None` when
/// `model` has no association method called `method`.
pub fn method_snippet(code: &str, model: &str, method: &str) -> Option<String> {
    let (program, _) = crate::syntax::parse(code);
    let schema = interpret::run(&program, Limits::default()).schema;
    let call = call_program(&schema, model, method)?;
    Some(definitions(code, &program) + &call)
}

/// The file a project's explorer runs, [`EXPLORER_FILE`]: the project's own entry first
/// (its models and associations, as Node would load them), then the call on a fresh
/// database through the playground's one `sequelize`. `None` as for [`method_snippet`].
pub fn method_project(
    files: &[ProjectFile],
    entry: Option<&str>,
    model: &str,
    method: &str,
) -> Option<Vec<ProjectFile>> {
    let schema = crate::project_schema(files, entry);
    let call = call_program(&schema, model, method)?;
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let runs = paths.get(crate::project::entry_file(&paths, entry))?;
    let explorer = format!(
        "require('./{runs}');\n\
         const {{ Sequelize }} = require('sequelize');\n\
         const sequelize = new Sequelize('sqlite::memory:');\n{call}"
    );
    let mut project = files.to_vec();
    project.push(ProjectFile::new(EXPLORER_FILE, &explorer));
    Some(project)
}

/// The explorer's own file in a project (the file that runs).
pub const EXPLORER_FILE: &str = "__method_explorer__.js";

/// Sync, one row of each side, the mark, and the call.
fn call_program(schema: &Schema, model: &str, method: &str) -> Option<String> {
    let source = schema.model(schema.find_model(model)?);
    let (association, kind) = source.accessor(method)?;
    let target = schema.model(association.target);
    let mut snippet = String::from("await sequelize.sync({ force: true });\n");
    let make = |variable: &str, model: &Model| {
        format!(
            "const {variable} = await sequelize.model('{}').create({});\n",
            model.name,
            required_values(model)
        )
    };
    // A row whose required key points at the other is made second.
    let (first, second) = (
        make("explorerSource", source),
        make("explorerTarget", target),
    );
    if references(source, target) {
        snippet.push_str(&second);
        snippet.push_str(&first);
    } else {
        snippet.push_str(&first);
        snippet.push_str(&second);
    }
    if association.kind == AssociationType::BelongsTo {
        // A belongsTo getter with no key resolves null without a query, as Sequelize's.
        snippet.push_str(&format!(
            "await explorerSource.update({{ '{}': explorerTarget.get('{}') }});\n",
            association.foreign_key, association.target_key
        ));
    }
    snippet.push_str(&format!("console.log('{MARK}');\n"));
    snippet.push_str(&format!(
        "await explorerSource.{method}({});\n",
        arguments(schema, association, kind)
    ));
    Some(snippet)
}

/// The SQL of the explored call in the run report of [`method_snippet`]'s program
/// (what the worker sends): the statements after the mark, or the error that stopped it.
pub fn call_sql(report: &RunReport) -> Result<Vec<String>, String> {
    if let Some(error) = &report.error {
        return Err(format!("{}: {}", error.name, error.message));
    }
    let is_mark = |step: &Step| matches!(&step.end, StepEnd::Show { value, .. } if value == MARK);
    match report.steps.iter().position(is_mark) {
        Some(i) => Ok(report.steps[i + 1..]
            .iter()
            .flat_map(|step| step.sql.iter().cloned())
            .collect()),
        None => Err("the method did not run".into()),
    }
}

/// The snippet's top-level statements that only define: models, associations, imports.
fn definitions(code: &str, program: &Program) -> String {
    let mut kept = String::new();
    for statement in &program.body {
        if defines_only(statement) {
            let span = statement.span();
            kept.push_str(&code[span.start..span.end]);
            kept.push('\n');
        }
    }
    kept
}

/// Calls a definition is made of; anything else (a query, a log) is left out.
fn is_definition_call(callee: &Expr) -> bool {
    match &callee.kind {
        ExprKind::Ident(name) => name == "require",
        ExprKind::Member { property, .. } => {
            let name = property.name.as_str();
            matches!(
                name,
                "define" | "init" | "hasOne" | "belongsTo" | "hasMany" | "belongsToMany"
            ) || name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        }
        _ => false,
    }
}

fn defines_only(statement: &Stmt) -> bool {
    match statement {
        Stmt::Class { .. } => true,
        Stmt::Declare { declarations, .. } => declarations
            .iter()
            .all(|d| d.init.as_ref().is_none_or(calls_define_only)),
        Stmt::Expr { expr, .. } => calls_define_only(expr),
        _ => false,
    }
}

fn calls_define_only(expr: &Expr) -> bool {
    let mut only = true;
    crate::syntax::visit::calls_in_expr(expr, &mut |callee, _| only &= is_definition_call(callee));
    only && !matches!(expr.kind, ExprKind::Await(_))
}

/// Whether a column of `model` refers to `other`'s table.
fn references(model: &Model, other: &Model) -> bool {
    model.table_attributes().any(|(_, a)| {
        a.references
            .as_ref()
            .is_some_and(|r| r.model.as_deref() == Some(other.table_name.as_str()))
    })
}

/// `{ name: 'x' }` for the attributes a row must have (allowNull: false).
fn required_values(model: &Model) -> String {
    let stamps = &model.timestamp_attributes;
    let values: Vec<String> = model
        .table_attributes()
        .filter(|(name, a)| {
            a.allow_null == Some(false)
                && a.auto_increment != Some(true)
                && a.default_value.is_none()
                && !stamps.is_filled_by_sequelize(name)
        })
        .map(|(name, a)| {
            let key = a.data_type.as_ref().map_or("STRING", |t| t.key.as_str());
            let value = match key {
                "INTEGER" | "BIGINT" | "SMALLINT" | "TINYINT" | "MEDIUMINT" | "FLOAT"
                | "DOUBLE" | "REAL" | "DECIMAL" => "1",
                "BOOLEAN" => "true",
                "DATE" | "DATEONLY" => "'2024-01-01'",
                _ => "'example'",
            };
            format!("{name}: {value}")
        })
        .collect();
    if values.is_empty() {
        "{}".into()
    } else {
        format!("{{ {} }}", values.join(", "))
    }
}

/// What the method is called with: the other instance, a list of it, or new values.
fn arguments(schema: &Schema, association: &Association, kind: AccessorKind) -> String {
    let single = matches!(
        association.kind,
        AssociationType::BelongsTo | AssociationType::HasOne
    );
    match kind {
        AccessorKind::Get | AccessorKind::Count => String::new(),
        AccessorKind::Set if single => "explorerTarget".into(),
        AccessorKind::Set
        | AccessorKind::AddMultiple
        | AccessorKind::RemoveMultiple
        | AccessorKind::HasAll => "[explorerTarget]".into(),
        AccessorKind::Create => required_values(schema.model(association.target)),
        _ => "explorerTarget".into(),
    }
}

#[cfg(all(test, feature = "engine"))]
mod tests {
    use super::*;

    const ONE_TO_MANY: &str = "const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: { type: DataTypes.STRING, allowNull: false } });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
console.log(await Owner.findAll({ include: Pug }));
";

    fn sql_of(model: &str, method: &str) -> Result<Vec<String>, String> {
        let snippet = method_snippet(ONE_TO_MANY, model, method).expect("a method");
        call_sql(&crate::run_for_page(
            &snippet,
            Box::new(|| 0),
            crate::sql::Dialect::Postgres,
        ))
    }

    #[test]
    fn shows_the_statements_of_the_call_only() {
        assert_eq!(
            sql_of("owner", "getPugs"),
            Ok(vec![r#"SELECT "id", "name", "createdAt", "updatedAt", "ownerId" FROM "pugs" AS "pug" WHERE "pug"."ownerId" = 1;"#.to_string()])
        );
        assert_eq!(
            sql_of("owner", "countPugs"),
            Ok(vec![r#"SELECT COUNT("pug"."id") AS "count" FROM "pugs" AS "pug" WHERE "pug"."ownerId" = 1;"#.to_string()])
        );
        let set = sql_of("pug", "setOwner").unwrap();
        assert_eq!(set.len(), 1, "{set:?}");
        assert!(
            set[0].starts_with(r#"UPDATE "pugs" SET "ownerId"=$1"#),
            "{set:?}"
        );
        let create = sql_of("owner", "createPug").unwrap();
        assert!(create[0].starts_with(r#"INSERT INTO "pugs""#), "{create:?}");
    }

    #[cfg(feature = "engine")]
    #[test]
    fn a_projects_methods_run_after_its_own_entry() {
        let files = [
            ProjectFile::new(
                "index.js",
                "const { Sequelize, DataTypes } = require('sequelize');\n\
                 const sequelize = new Sequelize('sqlite::memory:');\n\
                 const Owner = require('./owner')(sequelize, DataTypes);\n\
                 const Pug = sequelize.define('pug', { name: DataTypes.STRING });\n\
                 Owner.hasMany(Pug);",
            ),
            ProjectFile::new(
                "owner.js",
                "module.exports = (sequelize, DataTypes) => sequelize.define('owner', { name: DataTypes.STRING });",
            ),
        ];
        let project = method_project(&files, None, "owner", "getPugs").expect("a method");
        assert_eq!(project.last().map(|f| f.path.as_str()), Some(EXPLORER_FILE));
        let report = crate::run_project_for_page(
            &project,
            Some(EXPLORER_FILE),
            Box::new(|| 0),
            crate::sql::Dialect::Postgres,
        );
        let sql = call_sql(&report).expect("it ran");
        assert_eq!(sql.len(), 1, "{sql:?}");
        assert!(sql[0].starts_with(r#"SELECT "id", "name""#), "{sql:?}");
        assert!(method_project(&files, None, "owner", "getCats").is_none());
    }

    #[test]
    fn every_method_of_every_preset_runs() {
        for preset in crate::examples::PRESETS.iter().filter(|p| !p.mistake) {
            let report = crate::analyze(preset.code);
            for model in &report.methods {
                for method in model.methods() {
                    let snippet = method_snippet(preset.code, &model.model, &method.name)
                        .expect("the method exists");
                    let report = crate::run_for_page(
                        &snippet,
                        Box::new(|| 0),
                        crate::sql::Dialect::Postgres,
                    );
                    let sql = call_sql(&report);
                    assert!(
                        sql.as_ref().is_ok_and(|s| !s.is_empty()),
                        "{} {}.{}: {sql:?}\n{snippet}",
                        preset.id,
                        model.model,
                        method.name
                    );
                }
            }
        }
    }

    #[test]
    fn an_unknown_method_is_none() {
        assert_eq!(method_snippet(ONE_TO_MANY, "owner", "getCats"), None);
        assert_eq!(method_snippet(ONE_TO_MANY, "cat", "getPugs"), None);
    }
}
