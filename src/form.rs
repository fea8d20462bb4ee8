//! The form builder's picture of a snippet's definitions: its models (attributes and
//! the options a learner sets) and its association calls (type, target, `as`,
//! `foreignKey`, `through`, `onDelete`). [`Form::read`] takes it from the analyzed
//! snippet, [`Form::to_code`] prints it back as Sequelize code; printing then reading
//! gives the same form (the property tests hold it to that on random model graphs).

use serde::Serialize;

use crate::interpret::{self, Limits};
use crate::schema::associate::{AsOption, ThroughRef};
use crate::schema::{Model, Schema, Unique};
use crate::syntax::ast::{ExprKind, Pattern, Program, Stmt};

/// The `DataTypes` the form offers.
pub const TYPES: &[&str] = &[
    "STRING", "TEXT", "INTEGER", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL", "BOOLEAN", "DATE",
    "DATEONLY", "UUID", "JSON",
];

/// The `onDelete` rules the form offers.
pub const ON_DELETE: &[&str] = &["CASCADE", "SET NULL", "RESTRICT", "NO ACTION"];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Form {
    pub models: Vec<FormModel>,
    pub associations: Vec<FormAssociation>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormModel {
    /// The variable the snippet keeps the model in (`Pug`).
    pub variable: String,
    /// The model name given to `define` (`'pug'`).
    pub name: String,
    pub attributes: Vec<FormAttribute>,
    pub timestamps: bool,
    pub paranoid: bool,
    pub underscored: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormAttribute {
    pub name: String,
    /// A `DataTypes` member, as in [`TYPES`].
    pub data_type: String,
    pub allow_null: bool,
    pub unique: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormAssociation {
    /// Variables of the two models.
    pub source: String,
    pub target: String,
    /// `belongsTo`, `hasOne`, `hasMany` or `belongsToMany`.
    pub method: String,
    #[serde(rename = "as")]
    pub as_name: Option<String>,
    pub foreign_key: Option<String>,
    /// belongsToMany: the join table (or the name of a model that serves as one).
    pub through: Option<String>,
    pub on_delete: Option<String>,
}

impl Form {
    /// The definitions of `source`: the models it keeps in variables
    /// (`const Pug = sequelize.define('pug', …)`) and the associations between them.
    pub fn read(source: &str) -> Form {
        let (program, _) = crate::syntax::parse(source);
        let schema = interpret::run(&program, Limits::default()).schema;
        let variables = model_variables(&program);
        let variable_of = |model: &Model| {
            variables
                .iter()
                .find(|(_, name)| *name == model.name)
                .map(|(variable, _)| variable.clone())
        };
        let models = schema
            .models
            .iter()
            .filter_map(|model| Some(form_model(model, variable_of(model)?)))
            .collect();
        let mut calls: Vec<_> = schema
            .models
            .iter()
            .flat_map(|m| &m.associations)
            .filter_map(|a| {
                let source = variable_of(schema.model(a.source))?;
                let target = variable_of(schema.model(a.target))?;
                Some((a.span.start, form_association(&schema, a, source, target)))
            })
            .collect();
        calls.sort_by_key(|(start, _)| *start);
        Form {
            models,
            associations: calls.into_iter().map(|(_, call)| call).collect(),
        }
    }

    /// The form as Sequelize code: the `define` calls, then the association calls.
    pub fn to_code(&self) -> String {
        let mut code = String::new();
        for model in &self.models {
            code.push_str(&define_code(model));
        }
        if !self.associations.is_empty() {
            code.push('\n');
        }
        for association in &self.associations {
            code.push_str(&association_code(association));
        }
        code
    }
}

/// `const V = sequelize.define('name', …)` at the top level: (variable, model name).
fn model_variables(program: &Program) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for statement in &program.body {
        let Stmt::Declare { declarations, .. } = statement else {
            continue;
        };
        for declaration in declarations {
            let (Pattern::Ident(variable), Some(init)) = (&declaration.target, &declaration.init)
            else {
                continue;
            };
            let ExprKind::Call { callee, args } = &init.kind else {
                continue;
            };
            let is_define = matches!(&callee.kind, ExprKind::Member { property, .. } if property.name == "define");
            if let (true, Some(ExprKind::Str(name))) = (is_define, args.first().map(|a| &a.kind)) {
                found.push((variable.name.clone(), name.clone()));
            }
        }
    }
    found
}

fn form_model(model: &Model, variable: String) -> FormModel {
    let attributes = model
        .attributes
        .iter()
        .filter(|(_, a)| a.span.is_some() && !a.auto_generated)
        .map(|(name, a)| FormAttribute {
            name: name.clone(),
            data_type: a
                .data_type
                .as_ref()
                .map_or("STRING".into(), |t| t.key.clone()),
            allow_null: a.allow_null != Some(false),
            unique: a.unique == Some(Unique::Flag(true)),
        })
        .collect();
    FormModel {
        variable,
        name: model.name.clone(),
        attributes,
        timestamps: model.options.timestamps,
        paranoid: model.options.paranoid,
        underscored: model.options.underscored,
    }
}

fn form_association(
    schema: &Schema,
    association: &crate::schema::Association,
    source: String,
    target: String,
) -> FormAssociation {
    let options = &association.options;
    FormAssociation {
        source,
        target,
        method: association.kind.method().to_string(),
        as_name: options.as_name.as_ref().and_then(|a| match a {
            AsOption::Name(name) => Some(name.clone()),
            AsOption::Names { plural, singular } => plural.clone().or_else(|| singular.clone()),
        }),
        foreign_key: options.foreign_key.as_ref().and_then(|k| k.name.clone()),
        through: options.through.as_ref().map(|t| match &t.model {
            ThroughRef::Name(name) => name.clone(),
            ThroughRef::Model(id) => schema.model(*id).name.clone(),
        }),
        on_delete: options.on_delete.clone(),
    }
}

/// A JavaScript string literal in single quotes.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

fn define_code(model: &FormModel) -> String {
    let attributes: Vec<String> = model
        .attributes
        .iter()
        .map(|a| {
            let data_type = format!("DataTypes.{}", a.data_type);
            let mut flags = Vec::new();
            if !a.allow_null {
                flags.push("allowNull: false");
            }
            if a.unique {
                flags.push("unique: true");
            }
            if flags.is_empty() {
                format!("  {}: {data_type},\n", a.name)
            } else {
                format!(
                    "  {}: {{ type: {data_type}, {} }},\n",
                    a.name,
                    flags.join(", ")
                )
            }
        })
        .collect();
    let body = if attributes.is_empty() {
        "{}".to_string()
    } else {
        format!("{{\n{}}}", attributes.concat())
    };
    let mut options = Vec::new();
    if !model.timestamps {
        options.push("timestamps: false");
    }
    if model.paranoid {
        options.push("paranoid: true");
    }
    if model.underscored {
        options.push("underscored: true");
    }
    let options = if options.is_empty() {
        String::new()
    } else {
        format!(", {{ {} }}", options.join(", "))
    };
    format!(
        "const {} = sequelize.define({}, {body}{options});\n",
        model.variable,
        quoted(&model.name)
    )
}

fn association_code(association: &FormAssociation) -> String {
    let mut options = Vec::new();
    let mut option = |key: &str, value: &Option<String>| {
        if let Some(value) = value {
            options.push(format!("{key}: {}", quoted(value)));
        }
    };
    option("through", &association.through);
    option("as", &association.as_name);
    option("foreignKey", &association.foreign_key);
    option("onDelete", &association.on_delete);
    let options = if options.is_empty() {
        String::new()
    } else {
        format!(", {{ {} }}", options.join(", "))
    };
    format!(
        "{}.{}({}{options});\n",
        association.source, association.method, association.target
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNIPPET: &str = "const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', {
  name: { type: DataTypes.STRING, allowNull: false },
  tag: { type: DataTypes.UUID, unique: true },
}, { paranoid: true });

Pug.belongsTo(Owner, { as: 'master', onDelete: 'CASCADE' });
Owner.hasMany(Pug, { as: 'dogs', foreignKey: 'masterId' });
Owner.belongsToMany(Owner, { through: 'friendships', as: 'friends' });
";

    #[test]
    fn reads_models_attributes_and_association_options() {
        let form = Form::read(SNIPPET);
        let pug = &form.models[1];
        assert_eq!((pug.variable.as_str(), pug.name.as_str()), ("Pug", "pug"));
        assert_eq!(
            pug.attributes.len(),
            2,
            "masterId and the timestamps are Sequelize's"
        );
        assert!(!pug.attributes[0].allow_null && pug.attributes[1].unique && pug.paranoid);
        let dogs = &form.associations[1];
        assert_eq!(dogs.method, "hasMany");
        assert_eq!(dogs.as_name.as_deref(), Some("dogs"));
        assert_eq!(dogs.foreign_key.as_deref(), Some("masterId"));
        assert_eq!(form.associations[2].through.as_deref(), Some("friendships"));
    }

    #[test]
    fn prints_code_that_reads_back_the_same() {
        let form = Form::read(SNIPPET);
        let code = form.to_code();
        assert!(
            code.starts_with(
                "const Owner = sequelize.define('owner', {\n  name: DataTypes.STRING,\n});\n"
            ),
            "{code}"
        );
        assert!(code.contains("  name: { type: DataTypes.STRING, allowNull: false },\n  tag: { type: DataTypes.UUID, unique: true },\n}, { paranoid: true });\n"), "{code}");
        assert!(code.ends_with("\nPug.belongsTo(Owner, { as: 'master', onDelete: 'CASCADE' });\nOwner.hasMany(Pug, { as: 'dogs', foreignKey: 'masterId' });\nOwner.belongsToMany(Owner, { through: 'friendships', as: 'friends' });\n"), "{code}");
        assert_eq!(Form::read(&code), form);
    }
}
