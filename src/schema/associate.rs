//! `hasOne`, `belongsTo`, `hasMany` and `belongsToMany`, as Sequelize 6's association
//! constructors and their `_injectAttributes` do them: aliases and names, foreign-key
//! names and types, `onDelete`/`onUpdate` defaults, join models, accessor names, and the
//! errors raised while associating.

use super::*;
use crate::assoc::inflect::{camelize, pluralize, singularize, upper_first};
use crate::error::{ErrorName, SequelizeError};

/// `as`: a name, or `{ singular, plural }`.
#[derive(Clone, Debug, PartialEq)]
pub enum AsOption {
    Name(String),
    Names {
        singular: Option<String>,
        plural: Option<String>,
    },
}

/// `foreignKey` / `otherKey`: a name, or an attribute definition with an optional `name`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeyOption {
    pub name: Option<String>,
    /// Set only for the object form; its fields are spread into the new attribute.
    pub attribute: Option<Attribute>,
}

/// The join model of a belongsToMany, as written: by name or as a model.
#[derive(Clone, Debug, PartialEq)]
pub enum ThroughRef {
    Name(String),
    Model(ModelId),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ThroughOption {
    pub model: ThroughRef,
    /// `through: { unique: false }` drops the unique key over the two columns.
    pub unique: bool,
    pub paranoid: bool,
}

/// The options of an association call that shape the schema.
#[derive(Clone, Debug, PartialEq)]
pub struct AssociationOptions {
    pub as_name: Option<AsOption>,
    pub foreign_key: Option<KeyOption>,
    pub other_key: Option<KeyOption>,
    pub source_key: Option<String>,
    pub target_key: Option<String>,
    pub through: Option<ThroughOption>,
    pub on_delete: Option<String>,
    pub on_update: Option<String>,
    /// `constraints: false` leaves out REFERENCES and the ON DELETE/UPDATE rules.
    pub constraints: bool,
    pub foreign_key_constraint: bool,
    pub key_type: Option<DataType>,
    pub unique_key: Option<String>,
    pub timestamps: Option<bool>,
    /// `scope: { commentableType: 'image' }` (hasOne/hasMany): the target's rows of this
    /// association have these values.
    pub scope: Vec<(String, serde_json::Value)>,
    /// `hooks: true` (with `onDelete: 'CASCADE'`): a destroy of the source destroys each
    /// target row itself, running its hooks.
    pub hooks: bool,
}

impl Default for AssociationOptions {
    fn default() -> AssociationOptions {
        AssociationOptions {
            as_name: None,
            foreign_key: None,
            other_key: None,
            source_key: None,
            target_key: None,
            through: None,
            on_delete: None,
            on_update: None,
            constraints: true,
            foreign_key_constraint: false,
            key_type: None,
            unique_key: None,
            scope: Vec::new(),
            hooks: false,
            timestamps: None,
        }
    }
}

impl AssociationOptions {
    fn alias(&self) -> Option<String> {
        match &self.as_name {
            Some(AsOption::Name(name)) => Some(name.clone()),
            Some(AsOption::Names { .. }) => Some("[object Object]".into()),
            None => None,
        }
    }

    /// The explicit key name and its attribute fields (empty when not an object).
    fn key_parts(key: &Option<KeyOption>) -> (Option<String>, Attribute) {
        match key {
            Some(k) => (k.name.clone(), k.attribute.clone().unwrap_or_default()),
            None => (None, Attribute::default()),
        }
    }
}

fn single_accessors(singular: &str) -> Vec<(AccessorKind, String)> {
    let s = upper_first(singular);
    vec![
        (AccessorKind::Get, format!("get{s}")),
        (AccessorKind::Set, format!("set{s}")),
        (AccessorKind::Create, format!("create{s}")),
    ]
}

fn multiple_accessors(names: &Names) -> Vec<(AccessorKind, String)> {
    let p = upper_first(&names.plural);
    let s = upper_first(&names.singular);
    vec![
        (AccessorKind::Get, format!("get{p}")),
        (AccessorKind::Set, format!("set{p}")),
        (AccessorKind::AddMultiple, format!("add{p}")),
        (AccessorKind::Add, format!("add{s}")),
        (AccessorKind::Create, format!("create{s}")),
        (AccessorKind::Remove, format!("remove{s}")),
        (AccessorKind::RemoveMultiple, format!("remove{p}")),
        (AccessorKind::HasSingle, format!("has{s}")),
        (AccessorKind::HasAll, format!("has{p}")),
        (AccessorKind::Count, format!("count{p}")),
    ]
}

fn type_error(property: &str) -> SequelizeError {
    SequelizeError {
        name: ErrorName::TypeError,
        message: format!("Cannot read properties of undefined (reading '{property}')"),
        at: None,
        hint: None,
        properties: Vec::new(),
    }
}

impl Schema {
    /// The base `Association` constructor's check.
    fn check_alias_unused(
        &self,
        source: ModelId,
        options: &AssociationOptions,
    ) -> Result<(), SequelizeError> {
        match options.alias() {
            Some(alias) if self.models[source].association(&alias).is_some() => Err(SequelizeError::association(format!(
                "You have used the alias {alias} in two separate associations. Aliased associations must have unique aliases."
            )).with_hint(format!("{} already has an association called {alias}: give this one its own `as`", self.models[source].name))),
            _ => Ok(()),
        }
    }

    /// `source.associations[as] = association`: a key that exists keeps its place.
    fn register(&mut self, association: Association) {
        let associations = &mut self.models[association.source].associations;
        match associations
            .iter_mut()
            .find(|a| a.as_name == association.as_name)
        {
            Some(slot) => *slot = association,
            None => associations.push(association),
        }
    }

    fn check_naming_collision(&self, source: ModelId, as_name: &str) -> Result<(), SequelizeError> {
        let model = &self.models[source];
        if model.has_attribute(as_name) {
            return Err(SequelizeError::plain(format!(
                "Naming collision between attribute '{as_name}' and association '{as_name}' on model {}. To remedy this, change either foreignKey or as in your association definition",
                model.name
            ))
            .with_hint(format!("{} already has an attribute {as_name}: call the association something else, e.g. as: '{as_name}Record' (or rename the attribute)", model.name)));
        }
        Ok(())
    }

    fn pk_of(&self, model: ModelId) -> String {
        self.models[model]
            .primary_key_attribute()
            .unwrap_or_default()
            .to_string()
    }

    /// `Helpers.addForeignKeyConstraints`: REFERENCES to `referenced`'s `key` column.
    fn add_foreign_key_constraints(
        &self,
        attribute: &mut Attribute,
        referenced: ModelId,
        options: &AssociationOptions,
        on_delete: &Option<String>,
        on_update: &Option<String>,
        key: &str,
    ) {
        if !(options.foreign_key_constraint || on_delete.is_some() || on_update.is_some()) {
            return;
        }
        let model = &self.models[referenced];
        let primary_keys: Vec<String> = model
            .attributes
            .iter()
            .filter(|(_, a)| a.is_primary_key())
            .map(|(n, a)| a.field.clone().unwrap_or_else(|| n.clone()))
            .collect();
        if primary_keys.len() == 1 || !primary_keys.iter().any(|k| k == key) {
            attribute.references = Some(References {
                model: Some(model.table_name.clone()),
                key: Some(if key.is_empty() {
                    primary_keys.first().cloned().unwrap_or_default()
                } else {
                    key.to_string()
                }),
            });
            attribute.on_delete.clone_from(on_delete);
            attribute.on_update.clone_from(on_update);
        }
    }

    /// `Utils.mergeDefaults(model.rawAttributes, { [name]: attribute })`, then `refreshAttributes`.
    fn merge_attribute(&mut self, model: ModelId, name: &str, attribute: Attribute) {
        let model = &mut self.models[model];
        match model.attribute_mut(name) {
            Some(existing) => existing.merge_defaults(&attribute),
            None => model.attributes.push((name.to_string(), attribute)),
        }
        model.refresh_attributes();
    }

    /// `Source.belongsTo(Target, options)`: the foreign key goes on the source.
    pub fn belongs_to(
        &mut self,
        source: ModelId,
        target: ModelId,
        options: AssociationOptions,
        span: Span,
    ) -> Result<(), SequelizeError> {
        self.check_alias_unused(source, &options)?;
        let (as_name, names, is_aliased) = self.single_names(target, &options);
        let (fk_name, fk_attribute) = AssociationOptions::key_parts(&options.foreign_key);
        let foreign_key =
            fk_name.unwrap_or_else(|| camelize(&format!("{as_name}_{}", self.pk_of(target))));
        if let Some(key) = &options.target_key {
            if !self.models[target].has_attribute(key) {
                return Err(SequelizeError::plain(format!(
                    "Unknown attribute \"{key}\" passed as targetKey, define this attribute on model \"{}\" first",
                    self.models[target].name
                )));
            }
        }
        let target_key = options
            .target_key
            .clone()
            .unwrap_or_else(|| self.pk_of(target));
        let target_key_field = self.models[target].field_of(&target_key);
        let accessors = single_accessors(&names.singular);

        // _injectAttributes
        let mut attribute = Attribute {
            data_type: options.key_type.clone().or_else(|| {
                self.models[target]
                    .attribute(&target_key)
                    .and_then(|a| a.data_type.clone())
            }),
            allow_null: Some(true),
            ..Attribute::default()
        };
        attribute.assign(&fk_attribute);
        let (mut on_delete, mut on_update) = (options.on_delete.clone(), options.on_update.clone());
        if options.constraints {
            let existing = self.models[source]
                .attribute(&foreign_key)
                .unwrap_or(&attribute);
            let nullable = existing.allow_null == Some(true);
            on_delete
                .get_or_insert_with(|| if nullable { "SET NULL" } else { "NO ACTION" }.to_string());
            on_update.get_or_insert_with(|| "CASCADE".to_string());
        }
        self.add_foreign_key_constraints(
            &mut attribute,
            target,
            &options,
            &on_delete,
            &on_update,
            &target_key_field,
        );
        self.register(Association {
            kind: AssociationType::BelongsTo,
            source,
            target,
            as_name: as_name.clone(),
            is_aliased,
            names,
            foreign_key: foreign_key.clone(),
            source_key: foreign_key.clone(),
            target_key,
            other_key: None,
            through: None,
            accessors,
            span,
            options,
            target_key_default: false,
            other_key_default: false,
            primary_key_deleted: false,
        });
        self.merge_attribute(source, &foreign_key, attribute);
        self.check_naming_collision(source, &as_name)
    }

    /// `Source.hasOne(Target, options)`: the foreign key goes on the target.
    pub fn has_one(
        &mut self,
        source: ModelId,
        target: ModelId,
        options: AssociationOptions,
        span: Span,
    ) -> Result<(), SequelizeError> {
        self.check_alias_unused(source, &options)?;
        let (as_name, names, is_aliased) = self.single_names(target, &options);
        let (fk_name, fk_attribute) = AssociationOptions::key_parts(&options.foreign_key);
        let foreign_key = fk_name.unwrap_or_else(|| {
            let base = options
                .alias()
                .unwrap_or_else(|| self.models[source].name.clone());
            camelize(&format!("{}_{}", singularize(&base), self.pk_of(source)))
        });
        let source_key = self.checked_source_key(source, &options)?;
        let source_key_field = self.models[source].field_of(&source_key);
        let accessors = single_accessors(&names.singular);
        let attribute = self.foreign_key_on_target(
            source,
            target,
            &options,
            &foreign_key,
            fk_attribute,
            &source_key,
            &source_key_field,
        );
        self.register(Association {
            kind: AssociationType::HasOne,
            source,
            target,
            as_name: as_name.clone(),
            is_aliased,
            names,
            foreign_key: foreign_key.clone(),
            source_key,
            target_key: foreign_key.clone(),
            other_key: None,
            through: None,
            accessors,
            span,
            options,
            target_key_default: false,
            other_key_default: false,
            primary_key_deleted: false,
        });
        self.merge_attribute(target, &foreign_key, attribute);
        self.check_naming_collision(source, &as_name)
    }

    fn checked_source_key(
        &self,
        source: ModelId,
        options: &AssociationOptions,
    ) -> Result<String, SequelizeError> {
        if let Some(key) = &options.source_key {
            if !self.models[source].has_attribute(key) {
                return Err(SequelizeError::plain(format!(
                    "Unknown attribute \"{key}\" passed as sourceKey, define this attribute on model \"{}\" first",
                    self.models[source].name
                )));
            }
        }
        Ok(options
            .source_key
            .clone()
            .unwrap_or_else(|| self.pk_of(source)))
    }

    /// The foreign-key attribute hasOne and hasMany put on the target: null allowed, and
    /// ON DELETE SET NULL, or CASCADE when the column is NOT NULL.
    #[allow(clippy::too_many_arguments)]
    fn foreign_key_on_target(
        &self,
        source: ModelId,
        target: ModelId,
        options: &AssociationOptions,
        foreign_key: &str,
        fk_attribute: Attribute,
        source_key: &str,
        source_key_field: &str,
    ) -> Attribute {
        let mut attribute = Attribute {
            data_type: options.key_type.clone().or_else(|| {
                self.models[source]
                    .attribute(source_key)
                    .and_then(|a| a.data_type.clone())
            }),
            allow_null: Some(true),
            ..Attribute::default()
        };
        attribute.assign(&fk_attribute);
        let (mut on_delete, mut on_update) = (options.on_delete.clone(), options.on_update.clone());
        if options.constraints {
            let existing = self.models[target]
                .attribute(foreign_key)
                .unwrap_or(&attribute);
            let nullable = existing.allow_null == Some(true);
            on_delete
                .get_or_insert_with(|| if nullable { "SET NULL" } else { "CASCADE" }.to_string());
            on_update.get_or_insert_with(|| "CASCADE".to_string());
        }
        self.add_foreign_key_constraints(
            &mut attribute,
            source,
            options,
            &on_delete,
            &on_update,
            source_key_field,
        );
        attribute
    }

    /// `Source.hasMany(Target, options)`: the foreign key goes on the target.
    pub fn has_many(
        &mut self,
        source: ModelId,
        target: ModelId,
        options: AssociationOptions,
        span: Span,
    ) -> Result<(), SequelizeError> {
        self.check_alias_unused(source, &options)?;
        if options.through.is_some() {
            return Err(SequelizeError::plain(
                "N:M associations are not supported with hasMany. Use belongsToMany instead",
            ));
        }
        let (as_name, names, is_aliased) = self.multiple_names(target, &options);
        let (fk_name, fk_attribute) = AssociationOptions::key_parts(&options.foreign_key);
        let foreign_key = fk_name.unwrap_or_else(|| {
            camelize(&format!(
                "{}_{}",
                self.models[source].names.singular,
                self.pk_of(source)
            ))
        });
        let requested = options
            .source_key
            .clone()
            .unwrap_or_else(|| self.pk_of(source));
        let source_key_attribute = if self.models[source].has_attribute(&requested) {
            requested.clone()
        } else {
            self.pk_of(source)
        };
        let source_key_field = self.models[source].field_of(&source_key_attribute);
        let accessors = multiple_accessors(&names);
        let attribute = self.foreign_key_on_target(
            source,
            target,
            &options,
            &foreign_key,
            fk_attribute,
            &source_key_attribute,
            &source_key_field,
        );
        self.register(Association {
            kind: AssociationType::HasMany,
            source,
            target,
            as_name: as_name.clone(),
            is_aliased,
            names,
            foreign_key: foreign_key.clone(),
            source_key: requested,
            target_key: foreign_key.clone(),
            other_key: None,
            through: None,
            accessors,
            span,
            options,
            target_key_default: false,
            other_key_default: false,
            primary_key_deleted: false,
        });
        self.merge_attribute(target, &foreign_key, attribute);
        self.models[source].refresh_attributes();
        self.check_naming_collision(source, &as_name)
    }

    /// Singular associations: `as` names the association (only its singular is used);
    /// without it the target's names are used.
    fn single_names(&self, target: ModelId, options: &AssociationOptions) -> (String, Names, bool) {
        match options.alias() {
            Some(alias) => (
                alias.clone(),
                Names {
                    singular: alias,
                    plural: String::new(),
                },
                true,
            ),
            None => {
                let names = self.models[target].names.clone();
                (names.singular.clone(), names, false)
            }
        }
    }

    /// Plural associations: `as` may be a name (singularized for the singular accessors)
    /// or `{ singular, plural }`; without it the target's names are used.
    fn multiple_names(
        &self,
        target: ModelId,
        options: &AssociationOptions,
    ) -> (String, Names, bool) {
        match &options.as_name {
            Some(AsOption::Name(alias)) => (
                alias.clone(),
                Names {
                    singular: singularize(alias),
                    plural: alias.clone(),
                },
                true,
            ),
            Some(AsOption::Names { singular, plural }) => {
                let plural = plural.clone().unwrap_or_default();
                let names = Names {
                    singular: singular.clone().unwrap_or_default(),
                    plural: plural.clone(),
                };
                (plural, names, true)
            }
            None => {
                let names = self.models[target].names.clone();
                (names.plural.clone(), names, false)
            }
        }
    }

    /// `Source.belongsToMany(Target, { through })`: both keys go on the join model.
    pub fn belongs_to_many(
        &mut self,
        source: ModelId,
        target: ModelId,
        options: AssociationOptions,
        span: Span,
    ) -> Result<(), SequelizeError> {
        self.check_alias_unused(source, &options)?;
        let Some(through_option) = options.through.clone() else {
            return Err(SequelizeError::association(format!(
                "{}.belongsToMany({}) requires through option, pass either a string or a model",
                self.models[source].name, self.models[target].name
            ))
            .with_hint(format!(
                "name the join table, the same on both sides: {{ through: '{}{}' }}",
                upper_first(&self.models[source].name),
                upper_first(&pluralize(&self.models[target].name))
            )));
        };
        let is_self = source == target;
        if options.as_name.is_none() && is_self {
            return Err(SequelizeError::association(
                "'as' must be defined for many-to-many self-associations",
            )
            .with_hint(format!(
                "name the other side, e.g. {{ through: …, as: '{}' }}: both ends are {}, so Sequelize cannot name them apart",
                pluralize(&format!("related{}", upper_first(&self.models[source].name))),
                self.models[source].name
            )));
        }
        let (as_name, names, is_aliased) = self.multiple_names(target, &options);

        // Pair with the other side, declared earlier with the same `through`.
        let paired_index = self.models[target].associations.iter().rposition(|a| {
            a.kind == AssociationType::BelongsToMany
                && a.target == source
                && a.options.through.as_ref().map(|t| &t.model) == Some(&through_option.model)
        });

        let source_key = options
            .source_key
            .clone()
            .unwrap_or_else(|| self.pk_of(source));
        if !self.models[source].has_attribute(&source_key) {
            return Err(type_error("field"));
        }
        let (mut target_key, target_key_default) = match &options.target_key {
            Some(key) => (key.clone(), false),
            None => (self.pk_of(target), true),
        };
        if !self.models[target].has_attribute(&target_key) {
            return Err(type_error("field"));
        }
        let mut association = Association {
            kind: AssociationType::BelongsToMany,
            source,
            target,
            as_name: as_name.clone(),
            is_aliased,
            names: names.clone(),
            foreign_key: String::new(),
            source_key: source_key.clone(),
            target_key: target_key.clone(),
            other_key: None,
            through: None,
            accessors: multiple_accessors(&names),
            span,
            options: options.clone(),
            target_key_default,
            other_key_default: false,
            primary_key_deleted: false,
        };
        self.create_foreign_and_other_keys(&mut association);

        let through = match &through_option.model {
            ThroughRef::Model(id) => *id,
            ThroughRef::Name(name) => match self.find_model(name) {
                Some(id) => id,
                None => self.define_join_model(name, source, &association, &through_option)?,
            },
        };
        association.through = Some(through);

        if let Some(paired_index) = paired_index {
            let mut paired = self.models[target].associations[paired_index].clone();
            let mut inject_paired = false;
            if association.target_key_default {
                target_key = paired.source_key.clone();
                association.target_key = target_key.clone();
                self.create_foreign_and_other_keys(&mut association);
            }
            if paired.target_key_default && paired.target_key != association.source_key {
                if let Some(other) = &paired.other_key {
                    self.models[through].remove_attribute(other);
                }
                paired.target_key = association.source_key.clone();
                self.create_foreign_and_other_keys(&mut paired);
                inject_paired = true;
            }
            if association.other_key_default {
                association.other_key = Some(paired.foreign_key.clone());
            }
            if paired.other_key_default
                && paired.other_key.as_deref() != Some(association.foreign_key.as_str())
            {
                if let Some(other) = &paired.other_key {
                    self.models[through].remove_attribute(other);
                }
                paired.other_key = Some(association.foreign_key.clone());
                inject_paired = true;
            }
            if inject_paired {
                self.inject_join_attributes(&mut paired)?;
            }
            self.models[target].associations[paired_index] = paired;
        }

        self.register(association.clone());
        self.inject_join_attributes(&mut association)?;
        // Keep the registered copy in step with what injection decided.
        self.register(association);
        self.check_naming_collision(source, &as_name)
    }

    /// `_createForeignAndOtherKeys`: the two column names on the join model.
    fn create_foreign_and_other_keys(&self, association: &mut Association) {
        let (fk_name, _) = AssociationOptions::key_parts(&association.options.foreign_key);
        association.foreign_key = fk_name.unwrap_or_else(|| {
            camelize(&format!(
                "{}_{}",
                self.models[association.source].names.singular, association.source_key
            ))
        });
        let (other_name, _) = AssociationOptions::key_parts(&association.options.other_key);
        if association.options.other_key.is_none() {
            association.other_key_default = true;
        }
        association.other_key = Some(other_name.unwrap_or_else(|| {
            let base = if association.source == association.target {
                singularize(&association.as_name)
            } else {
                self.models[association.target].names.singular.clone()
            };
            camelize(&format!("{base}_{}", association.target_key))
        }));
    }

    /// The join model a string `through` names, defined with the source model's options.
    fn define_join_model(
        &mut self,
        name: &str,
        source: ModelId,
        association: &Association,
        through: &ThroughOption,
    ) -> Result<ModelId, SequelizeError> {
        let source_options = &self.models[source].options;
        let options = ModelOptions {
            table_name: Some(name.to_string()),
            freeze_table_name: source_options.freeze_table_name,
            timestamps: association.options.timestamps.unwrap_or(true),
            paranoid: through.paranoid,
            underscored: source_options.underscored,
            created_at: source_options.created_at.clone(),
            updated_at: source_options.updated_at.clone(),
            deleted_at: source_options.deleted_at.clone(),
            name: Some(association.names.clone()),
            engine: None,
        };
        self.define(name, Vec::new(), options, association.span)
    }

    /// BelongsToMany `_injectAttributes`: the two keys on the join model, with a composite
    /// primary key (when the join model had only its generated `id`) or a unique key.
    fn inject_join_attributes(
        &mut self,
        association: &mut Association,
    ) -> Result<(), SequelizeError> {
        let through = association.through.expect("set before injection");
        let foreign_key = association.foreign_key.clone();
        let other_key = association.other_key.clone().unwrap_or_default();
        let keys = [foreign_key.clone(), other_key.clone()];
        let join = &mut self.models[through];
        let mut index = 0;
        while index < join.attributes.len() {
            let (name, attribute) = &mut join.attributes[index];
            if attribute.is_primary_key() && attribute.auto_generated {
                association.primary_key_deleted = true;
                if keys.contains(name) {
                    attribute.primary_key = Some(false);
                } else {
                    join.attributes.remove(index);
                    continue;
                }
            }
            index += 1;
        }

        let source_key_type = self.models[association.source]
            .attribute(&association.source_key)
            .and_then(|a| a.data_type.clone());
        let target_key_type = self.models[association.target]
            .attribute(&association.target_key)
            .ok_or_else(|| type_error("type"))?
            .data_type
            .clone();
        let (_, fk_attribute) = AssociationOptions::key_parts(&association.options.foreign_key);
        let (_, other_attribute) = AssociationOptions::key_parts(&association.options.other_key);
        let mut source_attribute = Attribute {
            data_type: source_key_type,
            ..Attribute::default()
        };
        source_attribute.assign(&fk_attribute);
        let mut target_attribute = Attribute {
            data_type: target_key_type,
            ..Attribute::default()
        };
        target_attribute.assign(&other_attribute);

        let unique_through = association
            .options
            .through
            .as_ref()
            .is_none_or(|t| t.unique);
        if association.primary_key_deleted {
            source_attribute.primary_key = Some(true);
            target_attribute.primary_key = Some(true);
        } else if unique_through {
            let unique_key = match &association.options.unique_key {
                Some(key) if !key.is_empty() => key.clone(),
                _ => format!(
                    "{}_{}_{}_unique",
                    self.models[through].table_name, foreign_key, other_key
                ),
            };
            source_attribute.unique = Some(Unique::Named(unique_key.clone()));
            target_attribute.unique = Some(Unique::Named(unique_key));
        }
        for key in &keys {
            if !self.models[through].has_attribute(key) {
                let placeholder = Attribute {
                    auto_generated: true,
                    ..Attribute::default()
                };
                self.models[through]
                    .attributes
                    .push((key.clone(), placeholder));
            }
        }
        if association.options.constraints {
            let existing_fk = self.models[through]
                .attribute(&foreign_key)
                .cloned()
                .unwrap_or_default();
            let existing_other = self.models[through]
                .attribute(&other_key)
                .cloned()
                .unwrap_or_default();
            let options = &association.options;
            source_attribute.references = Some(References {
                model: Some(self.models[association.source].table_name.clone()),
                key: Some(self.models[association.source].field_of(&association.source_key)),
            });
            source_attribute.on_delete = options
                .on_delete
                .clone()
                .or(existing_fk.on_delete)
                .or(Some("CASCADE".into()));
            source_attribute.on_update = options
                .on_update
                .clone()
                .or(existing_fk.on_update)
                .or(Some("CASCADE".into()));
            target_attribute.references = Some(References {
                model: Some(self.models[association.target].table_name.clone()),
                key: Some(self.models[association.target].field_of(&association.target_key)),
            });
            target_attribute.on_delete = existing_other
                .on_delete
                .or(options.on_delete.clone())
                .or(Some("CASCADE".into()));
            target_attribute.on_update = existing_other
                .on_update
                .or(options.on_update.clone())
                .or(Some("CASCADE".into()));
        }
        let join = &mut self.models[through];
        if let Some(attribute) = join.attribute_mut(&foreign_key) {
            attribute.assign(&source_attribute);
        }
        if let Some(attribute) = join.attribute_mut(&other_key) {
            attribute.assign(&target_attribute);
        }
        join.refresh_attributes();
        Ok(())
    }
}
