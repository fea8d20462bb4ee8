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

/// The methods the associations of one model add to its instances, kept as the words
/// their views are made of: each [`MethodView`] is written out only where it is shown
/// or serialized. (A keystroke rebuilds every model's; most are then found unchanged, and
/// comparing these words costs a tenth of writing and comparing the views.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelMethods {
    pub model: String,
    /// The word for an instance: `owner`.
    me: String,
    associations: Vec<AssociationWords>,
}

/// What one association's method views say.
#[derive(Clone, Debug, PartialEq, Eq)]
struct AssociationWords {
    kind: AssociationType,
    as_name: String,
    /// The association's singular and plural: `pug`, `pugs`.
    one: String,
    many: String,
    target: String,
    foreign_key: String,
    source_key: String,
    target_key: String,
    /// A many-to-many link's join table.
    through: String,
    accessors: Vec<(AccessorKind, String)>,
}

impl ModelMethods {
    /// Each method, in the order of the associations and of their accessors.
    pub fn methods(&self) -> impl Iterator<Item = MethodView> + '_ {
        self.associations.iter().flat_map(move |words| {
            words
                .accessors
                .iter()
                .map(move |(kind, name)| method_view(&self.me, words, *kind, name))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.associations.iter().all(|a| a.accessors.is_empty())
    }
}

impl Serialize for ModelMethods {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut view = serializer.serialize_struct("ModelMethods", 2)?;
        view.serialize_field("model", &self.model)?;
        view.serialize_field("methods", &self.methods().collect::<Vec<_>>())?;
        view.end()
    }
}

pub fn methods(schema: &Schema, model: &Model) -> ModelMethods {
    ModelMethods {
        model: model.name.clone(),
        me: instance_word(model),
        associations: model
            .associations
            .iter()
            .map(|association| AssociationWords::of(schema, association))
            .collect(),
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

impl AssociationWords {
    fn of(schema: &Schema, association: &Association) -> AssociationWords {
        AssociationWords {
            kind: association.kind,
            as_name: association.as_name.clone(),
            one: lower(&association.names.singular),
            many: lower(&association.names.plural),
            target: schema.model(association.target).name.clone(),
            foreign_key: association.foreign_key.clone(),
            source_key: association.source_key.clone(),
            target_key: association.target_key.clone(),
            through: association
                .through
                .map_or(String::new(), |id| schema.model(id).table_name.clone()),
            accessors: association.accessors.clone(),
        }
    }
}

fn method_view(me: &str, words: &AssociationWords, kind: AccessorKind, name: &str) -> MethodView {
    let AssociationWords {
        one,
        many,
        target,
        through,
        foreign_key: fk,
        ..
    } = words;
    let (signature_args, description) = match words.kind {
        AssociationType::BelongsTo => match kind {
            AccessorKind::Get => (
                String::new(),
                format!(
                    "Fetches the {one} this {me} belongs to: the {} whose {} equals {me}.{fk}.",
                    target, words.target_key
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
                format!("Creates a new {target} and points {me}.{fk} at it."),
            ),
        },
        AssociationType::HasOne => match kind {
            AccessorKind::Get => (
                String::new(),
                format!(
                    "Fetches the {} whose {fk} equals this {me}'s {}.",
                    target, words.source_key
                ),
            ),
            AccessorKind::Set => (
                one.clone(),
                format!(
                    "Sets {fk} on the given {} to this {me}'s {}, clearing it on the previous one.",
                    target, words.source_key
                ),
            ),
            _ => (
                "values".into(),
                format!(
                    "Creates a {} with {fk} set to this {me}'s {}.",
                    target, words.source_key
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
        association: words.as_name.clone(),
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
    t: &str,
) -> (String, String) {
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
