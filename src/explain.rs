//! Plain-language views of a schema for learners: each table's columns as tutorials
//! draw them (`id | name | createdAt | updatedAt | ownerId`), and every association
//! method with its signature and a one-line description of what it does.

use serde::Serialize;

use crate::assoc::inflect::upper_first;
use crate::schema::{AccessorKind, Association, AssociationType, Model, Schema};

/// One table as the tutorials draw it. (`Eq`, so that comparing two `Rc`s of the same
/// view is a pointer check.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableView {
    pub model: String,
    pub table_name: String,
    /// `id | name | createdAt | updatedAt | ownerId`.
    pub line: String,
    pub columns: Vec<ColumnView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnView {
    pub name: String,
    pub attribute: String,
    #[serde(rename = "type")]
    pub data_type: String,
    pub primary_key: bool,
    pub nullable: bool,
    /// `table.column` this foreign key points at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub references: Option<String>,
    /// Added by Sequelize (the default `id`, timestamps, join keys), not written by the user.
    pub generated: bool,
}

pub fn table_view(model: &Model) -> TableView {
    let columns: Vec<ColumnView> = model
        .table_attributes()
        .map(|(name, attribute)| ColumnView {
            name: attribute.field.clone().unwrap_or_else(|| name.clone()),
            attribute: name.clone(),
            data_type: attribute
                .data_type
                .as_ref()
                .map(|t| t.report_name())
                .unwrap_or_default(),
            primary_key: attribute.is_primary_key(),
            nullable: attribute.allow_null != Some(false) && !attribute.is_primary_key(),
            references: attribute.references.as_ref().map(|r| {
                format!(
                    "{}.{}",
                    r.model.as_deref().unwrap_or_default(),
                    r.key.as_deref().unwrap_or("id")
                )
            }),
            generated: attribute.auto_generated,
        })
        .collect();
    TableView {
        model: model.name.clone(),
        table_name: model.table_name.clone(),
        line: columns
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(" | "),
        columns,
    }
}

/// One method an association adds to the source model's instances.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MethodView {
    pub name: String,
    /// `pug.setOwner(owner)`.
    pub signature: String,
    pub description: String,
    /// The association (its `as`) that adds it.
    pub association: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ModelMethods {
    pub model: String,
    pub methods: Vec<MethodView>,
}

pub fn methods(schema: &Schema, model: &Model) -> ModelMethods {
    let me = instance_word(model);
    let methods = model
        .associations
        .iter()
        .flat_map(|association| {
            let words = Words::of(schema, association, &me);
            association
                .accessors
                .iter()
                .map(move |(kind, name)| method_view(&words, association, *kind, name))
        })
        .collect();
    ModelMethods {
        model: model.name.clone(),
        methods,
    }
}

/// The word for an instance: `pug` for model `pug`, `user` for `Users`.
fn instance_word(model: &Model) -> String {
    let word = &model.names.singular;
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "instance".into(),
    }
}

/// The words an association's method descriptions are made of, found once for all
/// its methods.
struct Words<'a> {
    /// The source instance: `owner`.
    me: &'a str,
    /// The association's singular and plural: `pug`, `pugs`.
    one: String,
    many: String,
    target: &'a Model,
    /// A many-to-many link's join table.
    through: &'a str,
}

impl<'a> Words<'a> {
    fn of(schema: &'a Schema, association: &Association, me: &'a str) -> Words<'a> {
        Words {
            me,
            one: lower(&association.names.singular),
            many: lower(&association.names.plural),
            target: schema.model(association.target),
            through: association
                .through
                .map_or("", |id| schema.model(id).table_name.as_str()),
        }
    }
}

fn method_view(
    words: &Words,
    association: &Association,
    kind: AccessorKind,
    name: &str,
) -> MethodView {
    let Words {
        me,
        one,
        many,
        target,
        through,
    } = words;
    let fk = &association.foreign_key;
    let (signature_args, description) = match association.kind {
        AssociationType::BelongsTo => match kind {
            AccessorKind::Get => (
                String::new(),
                format!(
                    "Fetches the {one} this {me} belongs to: the {} whose {} equals {me}.{fk}.",
                    target.name, association.target_key
                ),
            ),
            AccessorKind::Set => (
                one.clone(),
                format!(
                    "Points {me}.{fk} at the given {one} (an instance or its key) and saves {me}."
                ),
            ),
            _ => (
                "values".into(),
                format!("Creates a new {} and points {me}.{fk} at it.", target.name),
            ),
        },
        AssociationType::HasOne => match kind {
            AccessorKind::Get => (
                String::new(),
                format!(
                    "Fetches the {} whose {fk} equals this {me}'s {}.",
                    target.name, association.source_key
                ),
            ),
            AccessorKind::Set => (
                one.clone(),
                format!(
                    "Sets {fk} on the given {} to this {me}'s {}, clearing it on the previous one.",
                    target.name, association.source_key
                ),
            ),
            _ => (
                "values".into(),
                format!(
                    "Creates a {} with {fk} set to this {me}'s {}.",
                    target.name, association.source_key
                ),
            ),
        },
        AssociationType::HasMany => has_many_description(kind, me, one, many, fk, target),
        AssociationType::BelongsToMany => belongs_to_many_description(kind, me, one, many, through),
    };
    MethodView {
        name: name.to_string(),
        signature: format!("{me}.{name}({signature_args})"),
        description,
        association: association.as_name.clone(),
    }
}

fn lower(word: &str) -> String {
    let upper = upper_first(word);
    let mut chars = upper.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn has_many_description(
    kind: AccessorKind,
    me: &str,
    one: &str,
    many: &str,
    fk: &str,
    target: &Model,
) -> (String, String) {
    let t = &target.name;
    match kind {
        AccessorKind::Get => ("options".into(), format!("Fetches every {t} whose {fk} is this {me}'s key, as an array.")),
        AccessorKind::Set => (many.into(), format!("Makes exactly these the {me}'s {many}: sets {fk} on them and clears it on the others.")),
        AccessorKind::AddMultiple => (many.into(), format!("Sets {fk} on each given {t} to this {me}'s key.")),
        AccessorKind::Add => (one.into(), format!("Sets {fk} on the given {t} to this {me}'s key.")),
        AccessorKind::Create => ("values".into(), format!("Creates a {t} with {fk} set to this {me}'s key.")),
        AccessorKind::Remove => (one.into(), format!("Sets {fk} on the given {t} to NULL.")),
        AccessorKind::RemoveMultiple => (many.into(), format!("Sets {fk} to NULL on each given {t}.")),
        AccessorKind::HasSingle => (one.into(), format!("Resolves true if the given {t} belongs to this {me}.")),
        AccessorKind::HasAll => (many.into(), format!("Resolves true if all the given {many} belong to this {me}.")),
        _ => ("options".into(), format!("Counts the {many} whose {fk} is this {me}'s key.")),
    }
}

fn belongs_to_many_description(
    kind: AccessorKind,
    me: &str,
    one: &str,
    many: &str,
    through: &str,
) -> (String, String) {
    match kind {
        AccessorKind::Get => (
            "options".into(),
            format!("Fetches the {many} linked to this {me} through {through}."),
        ),
        AccessorKind::Set => (
            many.into(),
            format!("Makes exactly these the {me}'s {many}: adds and deletes rows in {through}."),
        ),
        AccessorKind::AddMultiple => (
            many.into(),
            format!("Links each given {one} to this {me} with a row in {through}."),
        ),
        AccessorKind::Add => (
            one.into(),
            format!("Links the given {one} to this {me} with a row in {through}."),
        ),
        AccessorKind::Create => (
            "values".into(),
            format!("Creates a {one} and links it to this {me} in {through}."),
        ),
        AccessorKind::Remove => (
            one.into(),
            format!("Deletes the row in {through} that links the given {one}."),
        ),
        AccessorKind::RemoveMultiple => (
            many.into(),
            format!("Deletes the rows in {through} that link the given {many}."),
        ),
        AccessorKind::HasSingle => (
            one.into(),
            format!("Resolves true if the given {one} is linked to this {me}."),
        ),
        AccessorKind::HasAll => (
            many.into(),
            format!("Resolves true if all the given {many} are linked to this {me}."),
        ),
        _ => (
            "options".into(),
            format!("Counts the {many} linked to this {me} through {through}."),
        ),
    }
}
