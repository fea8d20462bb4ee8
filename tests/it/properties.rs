//! Properties of random valid model graphs, printed as code by the form builder's
//! printer: the form reads back the same; every foreign key points at a table and a
//! column that exist; GlueSQL takes the tables and the rows (sync, a row per model, an
//! include of every association); the report is the same every time.

use super::support;
use assoc_playground::assoc::inflect::upper_first;
use assoc_playground::form::{self, Form, FormAssociation, FormAttribute, FormModel};
use assoc_playground::interpret::{self, Limits};
use assoc_playground::schema::AssociationType;
use proptest::prelude::*;

const NAMES: &[&str] = &[
    "owner", "pug", "user", "profile", "project", "task", "ship", "captain", "post", "tag",
];
const ATTRIBUTES: &[&str] = &["name", "title", "age", "born", "active", "score", "bio"];
const TYPES: &[&str] = &["STRING", "TEXT", "INTEGER", "BOOLEAN", "DATE", "FLOAT"];

fn attribute() -> impl Strategy<Value = FormAttribute> {
    (
        0..ATTRIBUTES.len(),
        0..TYPES.len(),
        any::<bool>(),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(name, data_type, allow_null, unique)| FormAttribute {
            name: ATTRIBUTES[name].into(),
            data_type: TYPES[data_type].into(),
            allow_null,
            unique,
        })
}

fn model(index: usize) -> impl Strategy<Value = FormModel> {
    (
        prop::collection::vec(attribute(), 0..4),
        prop::bool::weighted(0.8),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.3),
    )
        .prop_map(move |(mut attributes, timestamps, paranoid, underscored)| {
            attributes.sort_by(|a, b| a.name.cmp(&b.name));
            attributes.dedup_by(|a, b| a.name == b.name);
            let name = NAMES[index].to_string();
            FormModel {
                variable: upper_first(&name),
                name,
                attributes,
                timestamps,
                paranoid,
                underscored,
            }
        })
}

/// One association call between models `a` and `b` (indexes). Keys only point from a
/// later model to an earlier one, so the tables have a creation order (the playground
/// does not sync foreign-key cycles yet).
#[derive(Clone, Debug)]
struct Link {
    a: usize,
    b: usize,
    method: usize,
    aliased: bool,
    foreign_key: bool,
    on_delete: Option<usize>,
}

fn link(models: usize) -> impl Strategy<Value = Link> {
    (
        0..models,
        0..models,
        0..4usize,
        any::<bool>(),
        prop::bool::weighted(0.3),
        prop::option::weighted(0.3, 0..3usize),
    )
        .prop_map(|(a, b, method, aliased, foreign_key, on_delete)| Link {
            a,
            b,
            method,
            aliased,
            foreign_key,
            on_delete,
        })
}

fn form() -> impl Strategy<Value = Form> {
    (1..6usize)
        .prop_flat_map(|n| {
            let models: Vec<_> = (0..n).map(model).collect();
            (models, prop::collection::vec(link(n), 0..8))
        })
        .prop_map(|(models, links)| {
            let mut associations: Vec<FormAssociation> = Vec::new();
            for (i, link) in links.into_iter().enumerate() {
                let Some(association) = association(&models, &link, i) else {
                    continue;
                };
                // A second unaliased association under the same name replaces the first
                // in Sequelize (belongsTo and hasOne both use the singular).
                let key = |a: &FormAssociation| {
                    let plural = a.kind == AssociationType::HasMany;
                    (
                        a.source.clone(),
                        a.as_name
                            .clone()
                            .unwrap_or_else(|| format!("{}{plural}", a.target)),
                    )
                };
                if !associations.iter().any(|a| key(a) == key(&association)) {
                    associations.push(association);
                }
            }
            Form {
                models,
                associations,
            }
        })
}

fn association(models: &[FormModel], link: &Link, i: usize) -> Option<FormAssociation> {
    let (later, earlier) = (link.a.max(link.b), link.a.min(link.b));
    let method = ["belongsTo", "hasOne", "hasMany", "belongsToMany"][link.method];
    let (source, target) = match method {
        "belongsTo" => (later, earlier),
        "belongsToMany" => (link.a, link.b),
        _ => (earlier, later),
    };
    if source == target && method != "belongsToMany" {
        return None;
    }
    // Unique aliases (Sequelize refuses an alias twice, or one equal to an attribute).
    let aliased = link.aliased || source == target || method == "belongsToMany";
    let as_name = aliased.then(|| format!("link{i}"));
    Some(FormAssociation {
        source: models[source].variable.clone(),
        target: models[target].variable.clone(),
        kind: form::kind_named(method)?,
        as_name,
        foreign_key: (link.foreign_key && method != "belongsToMany").then(|| format!("link{i}Key")),
        through: (method == "belongsToMany").then(|| format!("join{i}")),
        on_delete: link
            .on_delete
            .filter(|_| method != "belongsToMany")
            .map(|r| ["CASCADE", "SET NULL", "RESTRICT"][r].to_string()),
    })
}

/// Code that syncs, makes one row per model and includes every association.
fn workload(form: &Form) -> String {
    let mut code = form.to_code();
    code.push_str("await sequelize.sync({ force: true });\n");
    for model in &form.models {
        let values: Vec<String> = model
            .attributes
            .iter()
            .map(|a| {
                let value = match a.data_type.as_str() {
                    "INTEGER" => "7",
                    "FLOAT" => "1.5",
                    "BOOLEAN" => "true",
                    "DATE" => "'2024-01-02T03:04:05.000Z'",
                    _ => "'text'",
                };
                format!("{}: {value}", a.name)
            })
            .collect();
        code.push_str(&format!(
            "await {}.create({{ {} }});\n",
            model.variable,
            values.join(", ")
        ));
        code.push_str(&format!(
            "console.log(await {}.findAll({{ include: {{ all: true }} }}));\n",
            model.variable
        ));
    }
    code
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_form_reads_back_what_it_printed(form in form()) {
        let code = form.to_code();
        let (read, places) = Form::read_with_places(&code);
        prop_assert_eq!(read, form, "{}", code);
        // The form can edit all of what it printed.
        let all = places.models.iter().chain(&places.associations);
        prop_assert!(all.clone().all(|p| p.editable), "{:?}\n{}", places, code);
    }

    #[test]
    fn every_foreign_key_points_at_a_table_and_column_that_exist(form in form()) {
        let code = form.to_code();
        let (program, _) = assoc_playground::syntax::parse(&code);
        let outcome = interpret::run(&program, Limits::default());
        prop_assert!(outcome.error.is_none(), "{:?}\n{}", outcome.error, code);
        let schema = &outcome.schema;
        for model in &schema.models {
            for (name, attribute) in &model.attributes {
                let Some(references) = &attribute.references else { continue };
                let table = references.model.as_deref().unwrap_or_default();
                let target = schema.models.iter().find(|m| m.table_name == table);
                prop_assert!(target.is_some(), "{}.{} -> missing table {}\n{}", model.name, name, table, code);
                let key = references.key.as_deref().unwrap_or("id");
                let target = target.unwrap();
                prop_assert!(
                    target.attributes.iter().any(|(n, _)| target.field_of(n) == key),
                    "{}.{} -> {}.{} has no such column\n{}", model.name, name, table, key, code
                );
            }
        }
    }

    #[test]
    fn gluesql_takes_the_tables_and_a_row_of_each(form in form()) {
        let code = workload(&form);
        let report = assoc_playground::run(&code, support::clock());
        prop_assert!(report.error.is_none(), "{:?}\n{}", report.error, code);
        let shown = report.steps.iter().filter(|s| matches!(s.end, assoc_playground::runtime::StepEnd::Show { .. })).count();
        prop_assert_eq!(shown, form.models.len());
    }

    #[test]
    fn the_report_is_the_same_every_time(form in form()) {
        let code = workload(&form);
        let first = serde_json::to_string(&assoc_playground::run(&code, support::clock())).unwrap();
        let again = serde_json::to_string(&assoc_playground::run(&code, support::clock())).unwrap();
        prop_assert_eq!(first, again);
        let analyzed = serde_json::to_string(&assoc_playground::analyze(&code)).unwrap();
        prop_assert_eq!(analyzed, serde_json::to_string(&assoc_playground::analyze(&code)).unwrap());
    }
}
