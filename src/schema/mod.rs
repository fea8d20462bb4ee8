//! The models and associations a snippet defines, built by Sequelize 6's own rules.
//!
//! [`Schema`] mirrors what Sequelize keeps at run time — each model's raw attributes
//! in order, its options and its `associations` — and its operations follow
//! `Model.init` ([`define`]) and the association constructors ([`associate`]) step by
//! step, including their quirks (the first association to create a foreign key decides
//! its `onDelete`; a user-defined key without `allowNull` gets `NO ACTION`; …).
//! Errors are Sequelize's, word for word.

pub mod associate;
pub mod define;
pub mod sync_order;

use crate::sql::DataType;

use crate::diagnostic::Span;

/// Index of a model in [`Schema::models`].
pub type ModelId = usize;

/// `unique: true`, or a named unique key shared by several columns.
#[derive(Clone, Debug, PartialEq)]
pub enum Unique {
    Flag(bool),
    Named(String),
}

/// One built-in validator of an attribute's `validate` (validator.js's, or one of
/// Sequelize's own: `notEmpty`, `len`, `min`, …): its arguments as JSON, and the
/// message that replaces "Validation len on name failed" when given as `msg`.
#[derive(Clone, Debug, PartialEq)]
pub struct Validator {
    pub name: String,
    pub args: Vec<serde_json::Value>,
    pub msg: Option<String>,
    /// The arguments were given as an array (`len: [2, 10]`), not one value.
    pub from_array: bool,
    /// The argument was a regular expression (`is: /^a/`, kept as source and flags).
    pub regex: bool,
}

/// A column default Sequelize can write into DDL.
#[derive(Clone, Debug, PartialEq)]
pub enum DefaultValue {
    Str(String),
    Number(f64),
    Bool(bool),
    Null,
    /// `defaultValue: []` (or a list of values) for an ARRAY column.
    List(Vec<DefaultValue>),
    /// An object or array for a JSON column, as its JSON text (`'{}'` in the DDL).
    Json(String),
    /// A `Date`, in milliseconds since the epoch.
    Date(i64),
    /// `sequelize.literal(…)` or `fn(…)`: its SQL, written into the DDL and the INSERT.
    Sql(String),
    /// `DataTypes.NOW`, `UUIDV4`, a function, …: filled in by Sequelize, not by the database.
    Computed(String),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct References {
    /// A table name.
    pub model: Option<String>,
    pub key: Option<String>,
}

/// One attribute as Sequelize keeps it in `rawAttributes`: every field is `None` until
/// someone (the user or an association) sets it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attribute {
    pub data_type: Option<DataType>,
    pub field: Option<String>,
    pub allow_null: Option<bool>,
    pub primary_key: Option<bool>,
    pub auto_increment: Option<bool>,
    pub unique: Option<Unique>,
    pub default_value: Option<DefaultValue>,
    pub references: Option<References>,
    pub on_delete: Option<String>,
    pub on_update: Option<String>,
    pub comment: Option<String>,
    /// The built-in validators of `validate: { len: [2, 10], isEmail: true }`, in order.
    pub validators: Vec<Validator>,
    /// Added by Sequelize itself (`id`, timestamps, join-table keys), not by the user.
    pub auto_generated: bool,
    /// Where the user wrote it, if they did.
    pub span: Option<Span>,
}

impl Attribute {
    pub fn of_type(data_type: DataType) -> Attribute {
        Attribute {
            data_type: Some(data_type),
            ..Attribute::default()
        }
    }

    /// lodash-style `mergeDefaults(existing, new)`: keeps what is set, adds what is not.
    fn merge_defaults(&mut self, new: &Attribute) {
        fn keep<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>) {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
        keep(&mut self.data_type, &new.data_type);
        keep(&mut self.field, &new.field);
        keep(&mut self.allow_null, &new.allow_null);
        keep(&mut self.primary_key, &new.primary_key);
        keep(&mut self.auto_increment, &new.auto_increment);
        keep(&mut self.unique, &new.unique);
        keep(&mut self.default_value, &new.default_value);
        keep(&mut self.on_delete, &new.on_delete);
        keep(&mut self.on_update, &new.on_update);
        keep(&mut self.comment, &new.comment);
        match (&mut self.references, &new.references) {
            (Some(mine), Some(theirs)) => {
                keep(&mut mine.model, &theirs.model);
                keep(&mut mine.key, &theirs.key);
            }
            (None, Some(theirs)) => self.references = Some(theirs.clone()),
            _ => {}
        }
    }

    /// `Object.assign(existing, new)`: what `new` sets wins.
    fn assign(&mut self, new: &Attribute) {
        fn take<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>) {
            if theirs.is_some() {
                mine.clone_from(theirs);
            }
        }
        take(&mut self.data_type, &new.data_type);
        take(&mut self.field, &new.field);
        take(&mut self.allow_null, &new.allow_null);
        take(&mut self.primary_key, &new.primary_key);
        take(&mut self.auto_increment, &new.auto_increment);
        take(&mut self.unique, &new.unique);
        take(&mut self.default_value, &new.default_value);
        take(&mut self.references, &new.references);
        take(&mut self.on_delete, &new.on_delete);
        take(&mut self.on_update, &new.on_update);
        take(&mut self.comment, &new.comment);
    }

    pub fn is_primary_key(&self) -> bool {
        self.primary_key == Some(true)
    }

    pub fn is_virtual(&self) -> bool {
        self.data_type.as_ref().is_some_and(DataType::is_virtual)
    }
}

/// `createdAt: 'created_at'`, `createdAt: false`, or left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum TimestampOption {
    #[default]
    Default,
    Named(String),
    Disabled,
}

/// `{ singular, plural }`, as in `options.name`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names {
    pub singular: String,
    pub plural: String,
}

/// The model options the playground understands (`sequelize.define(name, attrs, options)`).
#[derive(Clone, Debug, PartialEq)]
pub struct ModelOptions {
    pub table_name: Option<String>,
    pub freeze_table_name: bool,
    pub timestamps: bool,
    pub paranoid: bool,
    pub underscored: bool,
    pub created_at: TimestampOption,
    pub updated_at: TimestampOption,
    pub deleted_at: TimestampOption,
    /// `options.name`: overrides the singular/plural derived from the model name.
    pub name: Option<Names>,
    /// Options given to `define` that the playground ignores, with where they were written.
    pub engine: Option<String>,
}

impl Default for ModelOptions {
    fn default() -> ModelOptions {
        ModelOptions {
            table_name: None,
            freeze_table_name: false,
            timestamps: true,
            paranoid: false,
            underscored: false,
            created_at: TimestampOption::Default,
            updated_at: TimestampOption::Default,
            deleted_at: TimestampOption::Default,
            name: None,
            engine: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssociationType {
    BelongsTo,
    HasOne,
    HasMany,
    BelongsToMany,
}

impl AssociationType {
    pub fn name(self) -> &'static str {
        match self {
            AssociationType::BelongsTo => "BelongsTo",
            AssociationType::HasOne => "HasOne",
            AssociationType::HasMany => "HasMany",
            AssociationType::BelongsToMany => "BelongsToMany",
        }
    }

    /// The method name as written in code: `belongsTo`, `hasMany`, ….
    pub fn method(self) -> &'static str {
        match self {
            AssociationType::BelongsTo => "belongsTo",
            AssociationType::HasOne => "hasOne",
            AssociationType::HasMany => "hasMany",
            AssociationType::BelongsToMany => "belongsToMany",
        }
    }

    pub fn is_multiple(self) -> bool {
        matches!(
            self,
            AssociationType::HasMany | AssociationType::BelongsToMany
        )
    }
}

/// An association method's kind, by the key Sequelize gives it in `association.accessors`
/// (`getPugs` is `get`, `addPugs` is `addMultiple`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccessorKind {
    Get,
    Set,
    Create,
    Add,
    AddMultiple,
    Remove,
    RemoveMultiple,
    HasSingle,
    HasAll,
    Count,
}

impl AccessorKind {
    /// Sequelize's key for it.
    pub fn key(self) -> &'static str {
        match self {
            AccessorKind::Get => "get",
            AccessorKind::Set => "set",
            AccessorKind::Create => "create",
            AccessorKind::Add => "add",
            AccessorKind::AddMultiple => "addMultiple",
            AccessorKind::Remove => "remove",
            AccessorKind::RemoveMultiple => "removeMultiple",
            AccessorKind::HasSingle => "hasSingle",
            AccessorKind::HasAll => "hasAll",
            AccessorKind::Count => "count",
        }
    }
}

/// An association as Sequelize keeps it in `Model.associations`.
#[derive(Clone, Debug, PartialEq)]
pub struct Association {
    pub kind: AssociationType,
    pub source: ModelId,
    pub target: ModelId,
    /// The key in `Model.associations` and the name includes nest under.
    pub as_name: String,
    pub is_aliased: bool,
    pub names: Names,
    pub foreign_key: String,
    /// The key on this (the source) side that the association matches: `sourceKey` for
    /// HasOne/HasMany/BelongsToMany (the primary key by default); for BelongsTo, which
    /// has no `sourceKey`, the foreign key itself.
    pub source_key: String,
    pub target_key: String,
    /// BelongsToMany only.
    pub other_key: Option<String>,
    pub through: Option<ModelId>,
    /// `(method key, method name)` in Sequelize's order: `get`, `set`, `create`, ….
    pub accessors: Vec<(AccessorKind, String)>,
    /// The association call in the snippet.
    pub span: Span,
    /// What the call was given; belongsToMany pairing re-derives keys from it.
    pub options: associate::AssociationOptions,
    pub target_key_default: bool,
    pub other_key_default: bool,
    /// BelongsToMany: the join model's own `id` was dropped for a composite key.
    pub primary_key_deleted: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub name: String,
    pub table_name: String,
    pub options: ModelOptions,
    /// `options.name` after defaults: `{ singular: 'pug', plural: 'pugs' }`.
    pub names: Names,
    /// `rawAttributes`, in order.
    pub attributes: Vec<(String, Attribute)>,
    pub associations: Vec<Association>,
    /// The attribute names `createdAt`, `updatedAt`, `deletedAt` stand for, if any.
    pub timestamp_attributes: TimestampAttributes,
    /// The `define`/`init` call, or the `belongsToMany` that created this join model.
    pub span: Span,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimestampAttributes {
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub deleted_at: Option<String>,
}

impl TimestampAttributes {
    /// Whether `attribute` is `createdAt` or `updatedAt`, which Sequelize fills itself.
    pub fn is_filled_by_sequelize(&self, attribute: &str) -> bool {
        [&self.created_at, &self.updated_at]
            .iter()
            .any(|stamp| stamp.as_deref() == Some(attribute))
    }
}

/// One set of columns whose values must be unique together.
#[derive(Clone, Debug, PartialEq)]
pub struct UniqueKey {
    /// The primary key (not a `unique` option).
    pub primary: bool,
    /// Attribute names, in definition order.
    pub attributes: Vec<String>,
    /// The index's name as MySQL reports it: the `unique` option's name, the column's
    /// for `unique: true`, `PRIMARY`.
    pub name: String,
}

impl Model {
    /// The unique keys of the table: each `unique: true` column, each named `unique`
    /// shared by its columns, and the primary key where no `unique` option covers it.
    pub fn unique_keys(&self) -> Vec<UniqueKey> {
        let mut keys: Vec<(String, UniqueKey)> = Vec::new();
        for (name, attribute) in self.table_attributes() {
            let (id, primary, index) = match &attribute.unique {
                Some(Unique::Flag(true)) => (name.clone(), false, self.field_of(name)),
                Some(Unique::Named(key)) => (key.clone(), false, key.clone()),
                _ if attribute.is_primary_key() => {
                    ("\u{0}primary".to_string(), true, "PRIMARY".to_string())
                }
                _ => continue,
            };
            match keys.iter_mut().find(|(k, _)| *k == id) {
                Some((_, key)) => key.attributes.push(name.clone()),
                None => keys.push((
                    id,
                    UniqueKey {
                        primary,
                        attributes: vec![name.clone()],
                        name: index,
                    },
                )),
            }
        }
        keys.into_iter().map(|(_, key)| key).collect()
    }

    /// The association method `name` (`getPugs`, …) the model's instances have, with
    /// the association that adds it and its kind (`get`, `add`, …).
    pub fn accessor(&self, name: &str) -> Option<(&Association, AccessorKind)> {
        self.associations.iter().find_map(|a| {
            a.accessors
                .iter()
                .find(|(_, n)| n == name)
                .map(|(kind, _)| (a, *kind))
        })
    }

    /// The names of every association method the model's instances have.
    pub fn accessor_names(&self) -> impl Iterator<Item = &str> {
        let accessors = self.associations.iter().flat_map(|a| &a.accessors);
        accessors.map(|(_, name)| name.as_str())
    }

    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, a)| a)
    }

    pub fn attribute_mut(&mut self, name: &str) -> Option<&mut Attribute> {
        self.attributes
            .iter_mut()
            .find(|(n, _)| n == name)
            .map(|(_, a)| a)
    }

    pub fn has_attribute(&self, name: &str) -> bool {
        self.attribute(name).is_some()
    }

    pub fn remove_attribute(&mut self, name: &str) {
        self.attributes.retain(|(n, _)| n != name);
    }

    /// The first primary-key attribute, as `Model.primaryKeyAttribute`.
    pub fn primary_key_attribute(&self) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(_, a)| a.is_primary_key())
            .map(|(n, _)| n.as_str())
    }

    /// The column an attribute is stored in.
    pub fn field_of(&self, attribute: &str) -> String {
        self.attribute(attribute)
            .and_then(|a| a.field.clone())
            .unwrap_or_else(|| attribute.to_string())
    }

    /// The attributes that are columns (not `VIRTUAL`), as `Model.tableAttributes`.
    pub fn table_attributes(&self) -> impl Iterator<Item = &(String, Attribute)> {
        self.attributes.iter().filter(|(_, a)| !a.is_virtual())
    }

    pub fn association(&self, as_name: &str) -> Option<&Association> {
        self.associations.iter().find(|a| a.as_name == as_name)
    }

    /// Sequelize's `refreshAttributes`: fills in each attribute's column name.
    fn refresh_attributes(&mut self) {
        let underscored = self.options.underscored;
        for (name, attribute) in &mut self.attributes {
            if attribute.field.is_none() {
                attribute.field = Some(if underscored {
                    crate::assoc::inflect::underscore(name)
                } else {
                    name.clone()
                });
            }
        }
    }
}

/// Everything the snippet defined, in definition order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schema {
    pub models: Vec<Model>,
}

impl Schema {
    pub fn model(&self, id: ModelId) -> &Model {
        &self.models[id]
    }

    pub fn find_model(&self, name: &str) -> Option<ModelId> {
        self.models.iter().position(|m| m.name == name)
    }

    pub fn find_table(&self, table_name: &str) -> Option<ModelId> {
        self.models.iter().position(|m| m.table_name == table_name)
    }
}
