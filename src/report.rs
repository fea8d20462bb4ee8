//! The report: everything the playground says about one snippet, as the JSON of
//! `shared/report-format.md`. Field names are Sequelize's, so a report can be compared
//! with a recording of real Sequelize.

use std::collections::HashMap;
use std::rc::Rc;

use serde::Serialize;

use crate::ddl;
use crate::diagnostic::Diagnostic;
use crate::error::SequelizeError;
use crate::explain::{ModelMethods, TableView};
use crate::schema::{Association, AssociationType, Attribute, Model, Schema, Unique};
use crate::sql::Dialect;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub error: Option<ErrorReport>,
    pub models: Vec<ModelReport>,
    pub associations: Vec<ModelAssociations>,
    pub ddl: DdlReport,
    pub steps: Vec<crate::runtime::Step>,
    pub diagnostics: Vec<Diagnostic>,
    /// Playground extras (not compared with Sequelize): the tables as tutorials draw
    /// them, and what each association method does.
    /// Shared (`Rc`) so that a view unchanged since the last keystroke is the same
    /// value the page already drew (see [`Report::share_unchanged`]).
    pub tables: Vec<Rc<TableView>>,
    pub methods: Vec<Rc<ModelMethods>>,
    /// The entity diagram, laid out.
    pub diagram: crate::diagram::Diagram,
    /// Each foreign key with the association calls that made it.
    pub links: Vec<KeyLink>,
    /// After a run: the rows in each table.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<crate::runtime::TableRows>,
    /// What the analysis worked with, freed with the report.
    #[serde(skip)]
    pub leftovers: Leftovers,
}

/// What an analysis leaves behind (the syntax trees, the interpreter's values), kept
/// with its report so that it is freed with it: the page frees a replaced report after
/// the next frame (`ui::drop_later`), not while a key waits (~1 ms on 100 models).
#[derive(Clone, Default)]
pub struct Leftovers {
    _held: Option<Rc<dyn std::any::Any>>,
}

impl Leftovers {
    pub fn keep(value: impl std::any::Any) -> Leftovers {
        Leftovers {
            _held: Some(Rc::new(value)),
        }
    }
}

impl std::fmt::Debug for Leftovers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Leftovers")
    }
}

impl Report {
    /// Takes from `previous` every table and methods view that has not changed, so that
    /// an edit to one model leaves the other views the same `Rc`s: the page compares
    /// them by pointer and redraws only what changed.
    pub fn share_unchanged(mut self, previous: &Report) -> Report {
        share(&mut self.tables, &previous.tables, |a, b| {
            a.table_name == b.table_name
        });
        share(&mut self.methods, &previous.methods, |a, b| {
            a.model == b.model
        });
        let (diagram, old) = (&mut self.diagram, &previous.diagram);
        share(&mut diagram.boxes, &old.boxes, |a, b| a.table == b.table);
        share(&mut diagram.edges, &old.edges, |a, b| {
            a.from_table == b.from_table && a.from_column == b.from_column
        });
        self
    }
}

/// Replaces each view in `views` that equals its namesake in `previous` by that one.
/// Views keep their order across most edits, so the same index is tried first.
fn share<T: PartialEq>(
    views: &mut [Rc<T>],
    previous: &[Rc<T>],
    namesakes: impl Fn(&T, &T) -> bool,
) {
    for (index, view) in views.iter_mut().enumerate() {
        let same_place = previous.get(index).filter(|old| namesakes(old, view));
        let old = same_place.or_else(|| previous.iter().find(|old| namesakes(old, view)));
        if let Some(old) = old.filter(|old| **old == *view) {
            *view = Rc::clone(old);
        }
    }
}

/// A foreign key and the association calls behind it: what the page highlights
/// together (the calls in the code, the column, its REFERENCES, the diagram's edge).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyLink {
    /// `pugs.ownerId`, as the diagram's edges and the tables name it.
    pub key: String,
    pub table: String,
    pub column: String,
    /// Byte spans of the calls in the snippet.
    pub calls: Vec<crate::diagnostic::Span>,
}

/// The foreign keys of `schema`, each with the association calls that made it, in the
/// order the calls were written.
pub fn key_links(schema: &Schema) -> Vec<KeyLink> {
    let mut links: Vec<KeyLink> = Vec::new();
    // Where each key's link is: a search of `links` per call grew with their square.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut add = |model: &Model, attribute: &str, call: crate::diagnostic::Span| {
        let (table, column) = (model.table_name.clone(), model.field_of(attribute));
        let key = format!("{table}.{column}");
        match index.get(&key) {
            Some(&at) if !links[at].calls.contains(&call) => links[at].calls.push(call),
            Some(_) => {}
            None => {
                index.insert(key.clone(), links.len());
                links.push(KeyLink {
                    key,
                    table,
                    column,
                    calls: vec![call],
                });
            }
        }
    };
    let mut associations: Vec<&Association> =
        schema.models.iter().flat_map(|m| &m.associations).collect();
    associations.sort_by_key(|a| a.span.start);
    for a in associations {
        match a.kind {
            AssociationType::BelongsTo => add(schema.model(a.source), &a.foreign_key, a.span),
            AssociationType::HasOne | AssociationType::HasMany => {
                add(schema.model(a.target), &a.foreign_key, a.span)
            }
            AssociationType::BelongsToMany => {
                if let Some(join) = a.through.map(|j| schema.model(j)) {
                    add(join, &a.foreign_key, a.span);
                    if let Some(other) = &a.other_key {
                        add(join, other, a.span);
                    }
                }
            }
        }
    }
    links
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorReport {
    pub name: String,
    pub message: String,
}

impl From<&SequelizeError> for ErrorReport {
    fn from(error: &SequelizeError) -> ErrorReport {
        ErrorReport {
            name: error.name.to_string(),
            message: error.message.clone(),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelReport {
    pub model_name: String,
    pub table_name: String,
    pub attributes: Vec<AttributeReport>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttributeReport {
    pub name: String,
    pub field: String,
    #[serde(rename = "type")]
    pub data_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_null: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_key: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_increment: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unique: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub references: Option<ReferencesReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_delete: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_update: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReferencesReport {
    pub model: Option<String>,
    pub key: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelAssociations {
    pub model: String,
    pub associations: Vec<AssociationReport>,
    pub instance_methods: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AssociationReport {
    pub key: String,
    pub association_type: &'static str,
    pub source: String,
    pub target: String,
    #[serde(rename = "as")]
    pub as_name: String,
    pub foreign_key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub through: Option<ThroughReport>,
    pub accessors: serde_json::Map<String, serde_json::Value>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThroughReport {
    pub model: String,
    pub table_name: String,
}

/// Per dialect: the CREATE TABLE statements, or why there are none.
#[derive(Clone, Debug, Serialize)]
pub struct DdlReport {
    pub postgres: DdlResult,
    pub mysql: DdlResult,
    pub sqlite: DdlResult,
}

#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum DdlResult {
    Tables {
        #[serde(rename = "createTable")]
        create_table: Vec<String>,
    },
    Error {
        error: String,
    },
    /// Not written: the caller asked for other dialects only (the page writes the one it
    /// shows, on every keystroke).
    Skipped {
        skipped: bool,
    },
}

impl DdlReport {
    pub fn get(&self, dialect: Dialect) -> &DdlResult {
        match dialect {
            Dialect::Postgres => &self.postgres,
            Dialect::Mysql => &self.mysql,
            Dialect::Sqlite => &self.sqlite,
        }
    }

    /// `sync()` would issue these; `blocked` is the error that stops the snippet before
    /// any table exists.
    /// `dialects` are written; the others are [`DdlResult::Skipped`].
    pub fn build(
        schema: &Schema,
        blocked: Option<&SequelizeError>,
        dialects: &[Dialect],
    ) -> DdlReport {
        let mut written = match blocked {
            Some(_) => Vec::new(),
            None => ddl::create_tables_in(schema, dialects),
        }
        .into_iter();
        let mut results: Vec<DdlResult> = Dialect::ALL
            .iter()
            .map(|dialect| {
                if !dialects.contains(dialect) {
                    return DdlResult::Skipped { skipped: true };
                }
                match (blocked, written.next()) {
                    (Some(error), _) => DdlResult::Error {
                        error: error.message.clone(),
                    },
                    (None, Some(Ok(create_table))) => DdlResult::Tables { create_table },
                    (None, Some(Err(error))) => DdlResult::Error { error },
                    (None, None) => DdlResult::Skipped { skipped: true },
                }
            })
            .collect();
        let sqlite = results.pop().expect("three dialects");
        let mysql = results.pop().expect("three dialects");
        let postgres = results.pop().expect("three dialects");
        DdlReport {
            postgres,
            mysql,
            sqlite,
        }
    }
}

pub fn model_report(model: &Model) -> ModelReport {
    ModelReport {
        model_name: model.name.clone(),
        table_name: model.table_name.clone(),
        attributes: model
            .attributes
            .iter()
            .map(|(name, a)| attribute_report(name, a))
            .collect(),
    }
}

fn attribute_report(name: &str, attribute: &Attribute) -> AttributeReport {
    AttributeReport {
        name: name.to_string(),
        field: attribute.field.clone().unwrap_or_else(|| name.to_string()),
        data_type: attribute.data_type.as_ref().map(|t| t.report_name()),
        allow_null: attribute.allow_null,
        primary_key: attribute.primary_key,
        auto_increment: attribute.auto_increment,
        unique: attribute.unique.as_ref().map(|u| match u {
            Unique::Flag(flag) => serde_json::Value::Bool(*flag),
            Unique::Named(name) => serde_json::Value::String(name.clone()),
        }),
        references: attribute.references.as_ref().map(|r| ReferencesReport {
            model: r.model.clone(),
            key: r.key.clone(),
        }),
        on_delete: attribute.on_delete.clone(),
        on_update: attribute.on_update.clone(),
    }
}

pub fn associations_report(schema: &Schema, model: &Model) -> ModelAssociations {
    let associations: Vec<AssociationReport> = model
        .associations
        .iter()
        .map(|a| association_report(schema, a))
        .collect();
    let mut instance_methods: Vec<String> = model
        .associations
        .iter()
        .flat_map(|a| a.accessors.iter().map(|(_, name)| name.clone()))
        .collect();
    instance_methods.sort();
    instance_methods.dedup();
    ModelAssociations {
        model: model.name.clone(),
        associations,
        instance_methods,
    }
}

fn association_report(schema: &Schema, association: &Association) -> AssociationReport {
    let through = association.through.map(|id| {
        let model = schema.model(id);
        ThroughReport {
            model: model.name.clone(),
            table_name: model.table_name.clone(),
        }
    });
    AssociationReport {
        key: association.as_name.clone(),
        association_type: association.kind.name(),
        source: schema.model(association.source).name.clone(),
        target: schema.model(association.target).name.clone(),
        as_name: association.as_name.clone(),
        foreign_key: association.foreign_key.clone(),
        other_key: if association.kind == AssociationType::BelongsToMany {
            association.other_key.clone()
        } else {
            None
        },
        through,
        accessors: association
            .accessors
            .iter()
            .map(|(key, name)| {
                (
                    key.key().to_string(),
                    serde_json::Value::String(name.clone()),
                )
            })
            .collect(),
    }
}
