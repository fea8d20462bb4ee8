//! `sequelize.define(name, attributes, options)` and `Model.init(attributes, options)`:
//! table name, default primary key, timestamp columns and column names, as `Model.init`
//! sets them up.

use super::*;
use crate::assoc::inflect::{pluralize, singularize, underscore};
use crate::error::SequelizeError;

impl Schema {
    /// Defines a model the way `Model.init` does; returns its id.
    /// A model defined again under the same name replaces the old one, as in Sequelize.
    pub fn define(
        &mut self,
        name: &str,
        attributes: Vec<(String, Attribute)>,
        options: ModelOptions,
        span: Span,
    ) -> Result<ModelId, SequelizeError> {
        let model = build_model(name, attributes, options, span)?;
        match self.find_model(name) {
            Some(existing) => {
                self.models[existing] = model;
                Ok(existing)
            }
            None => {
                self.models.push(model);
                Ok(self.models.len() - 1)
            }
        }
    }
}

fn build_model(
    name: &str,
    attributes: Vec<(String, Attribute)>,
    options: ModelOptions,
    span: Span,
) -> Result<Model, SequelizeError> {
    // `options.name` overrides the derived names one by one.
    let given = options.name.clone().unwrap_or_default();
    let names = Names {
        singular: Some(given.singular)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| singularize(name)),
        plural: Some(given.plural)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| pluralize(name)),
    };
    let table_name = match &options.table_name {
        Some(table) => table.clone(),
        None if options.freeze_table_name => name.to_string(),
        None if options.underscored => underscore(&pluralize(name)),
        None => pluralize(name),
    };
    for (attribute_name, attribute) in &attributes {
        if attribute.data_type.is_none() {
            return Err(SequelizeError::plain(format!(
                "Unrecognized datatype for attribute \"{name}.{attribute_name}\""
            ))
            .at(attribute.span));
        }
        if attribute
            .data_type
            .as_ref()
            .is_some_and(|t| t.key == "ENUM" && t.values.is_empty())
        {
            return Err(SequelizeError::plain(
                "Values for ENUM have not been defined.",
            ));
        }
    }
    let timestamp_attributes = timestamp_attributes(&options)?;
    let mut model = Model {
        name: name.to_string(),
        table_name,
        options,
        names,
        attributes,
        associations: Vec::new(),
        timestamp_attributes,
        span,
    };
    add_default_attributes(&mut model)?;
    model.refresh_attributes();
    Ok(model)
}

fn timestamp_attributes(options: &ModelOptions) -> Result<TimestampAttributes, SequelizeError> {
    if !options.timestamps {
        return Ok(TimestampAttributes::default());
    }
    let resolve = |option: &TimestampOption, default: &str, key: &str| match option {
        TimestampOption::Disabled => Ok(None),
        TimestampOption::Default => Ok(Some(default.to_string())),
        TimestampOption::Named(n) if n.is_empty() => Err(SequelizeError::plain(format!(
            "Value for \"{key}\" option cannot be an empty string"
        ))),
        TimestampOption::Named(n) => Ok(Some(n.clone())),
    };
    Ok(TimestampAttributes {
        created_at: resolve(&options.created_at, "createdAt", "createdAt")?,
        updated_at: resolve(&options.updated_at, "updatedAt", "updatedAt")?,
        deleted_at: if options.paranoid {
            resolve(&options.deleted_at, "deletedAt", "deletedAt")?
        } else {
            None
        },
    })
}

/// `Model._addDefaultAttributes`: an `id` primary key at the head when there is none,
/// and the timestamp columns at the tail unless the user defined them.
fn add_default_attributes(model: &mut Model) -> Result<(), SequelizeError> {
    let has_primary_key = model.attributes.iter().any(|(_, a)| a.is_primary_key());
    if !has_primary_key {
        if model.has_attribute("id") {
            return Err(SequelizeError::plain(format!(
                "A column called 'id' was added to the attributes of '{}' but not marked with 'primaryKey: true'",
                model.table_name
            )));
        }
        let id = Attribute {
            data_type: Some(DataType::new("INTEGER")),
            allow_null: Some(false),
            primary_key: Some(true),
            auto_increment: Some(true),
            auto_generated: true,
            ..Attribute::default()
        };
        model.attributes.insert(0, ("id".to_string(), id));
    }
    let stamps = model.timestamp_attributes.clone();
    for (name, not_null) in [
        (stamps.created_at, true),
        (stamps.updated_at, true),
        (stamps.deleted_at, false),
    ] {
        let Some(name) = name else { continue };
        if !model.has_attribute(&name) {
            let attribute = Attribute {
                data_type: Some(DataType::new("DATE")),
                allow_null: not_null.then_some(false),
                auto_generated: true,
                ..Attribute::default()
            };
            model.attributes.push((name, attribute));
        }
    }
    Ok(())
}
