//! The form builder's picture of a snippet's definitions: its models (attributes and
//! the options a learner sets) and its association calls (type, target, `as`,
//! `foreignKey`, `through`, `onDelete`). [`Form::read`] takes it from the analyzed
//! snippet, [`Form::to_code`] prints it back as Sequelize code; printing then reading
//! gives the same form (the property tests hold it to that on random model graphs).

use serde::Serialize;

use crate::interpret::{self, Limits};
use crate::schema::associate::{AsOption, ThroughRef};
use crate::schema::{AssociationType, Model, Schema, Unique};
use crate::syntax::ast::{ExprKind, Pattern, Program, Stmt};

/// The `DataTypes` the form offers.
pub const TYPES: &[&str] = &[
    "STRING", "TEXT", "INTEGER", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL", "BOOLEAN", "DATE",
    "DATEONLY", "UUID", "JSON",
];

/// The `onDelete` rules the form offers.
pub const ON_DELETE: &[&str] = &["CASCADE", "SET NULL", "RESTRICT", "NO ACTION"];

/// The association calls the form offers, in its order.
pub const KINDS: [AssociationType; 4] = [
    AssociationType::BelongsTo,
    AssociationType::HasOne,
    AssociationType::HasMany,
    AssociationType::BelongsToMany,
];

/// The association called `method` in code (`hasMany`), if it is one of [`KINDS`].
pub fn kind_named(method: &str) -> Option<AssociationType> {
    KINDS.into_iter().find(|kind| kind.method() == method)
}

/// The kind as the code calls it (`hasMany`), which is how the form is serialized.
fn serialize_kind<S: serde::Serializer>(
    kind: &AssociationType,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(kind.method())
}

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
    /// Which of the four calls it is (`Pug.belongsTo(Owner)`).
    #[serde(serialize_with = "serialize_kind")]
    pub kind: AssociationType,
    #[serde(rename = "as")]
    pub as_name: Option<String>,
    pub foreign_key: Option<String>,
    /// belongsToMany: the join table (or the name of a model that serves as one).
    pub through: Option<String>,
    pub on_delete: Option<String>,
}

/// Where a form's parts are written in the code, and whether the form can rewrite them
/// without losing anything (a definition with options the form does not show is left
/// to the code editor).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Places {
    /// The top-level statement of each model and each association, by index.
    pub models: Vec<Place>,
    pub associations: Vec<Place>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub start: usize,
    pub end: usize,
    /// Printing the form's version gives the same definition as the code's.
    pub editable: bool,
}

/// One change made with the form's controls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormEdit {
    SetModel(usize, FormModel),
    AddModel(FormModel),
    /// Removes the model and the associations that name it.
    RemoveModel(usize),
    SetAssociation(usize, FormAssociation),
    AddAssociation(FormAssociation),
    RemoveAssociation(usize),
}

/// `code` with `edit` made: only the statements the edit touches are rewritten; queries
/// and everything else stay as they were typed. `None` when the edit would rewrite a
/// definition the form cannot reproduce (see [`Place::editable`]) or names no part.
pub fn apply(code: &str, edit: &FormEdit) -> Option<String> {
    let (form, places) = Form::read_with_places(code);
    let editable = |place: &Place| place.editable.then_some(*place);
    // (start, end, replacement), applied from the end of the code.
    let mut changes: Vec<(usize, usize, String)> = Vec::new();
    let after_models = places.models.iter().map(|p| p.end).max();
    let after_all = places
        .associations
        .iter()
        .map(|p| p.end)
        .max()
        .or(after_models);
    match edit {
        FormEdit::SetModel(i, model) => {
            let place = editable(places.models.get(*i)?)?;
            changes.push((place.start, place.end, define_code(model).trim_end().into()));
        }
        FormEdit::AddModel(model) => {
            let at = after_models.unwrap_or(0);
            changes.push((at, at, format!("\n{}", define_code(model).trim_end())));
        }
        FormEdit::RemoveModel(i) => {
            let variable = &form.models.get(*i)?.variable;
            let place = editable(places.models.get(*i)?)?;
            changes.push((place.start, line_end(code, place.end), String::new()));
            for (a, association) in form.associations.iter().enumerate() {
                if association.source == *variable || association.target == *variable {
                    let place = places.associations[a];
                    changes.push((place.start, line_end(code, place.end), String::new()));
                }
            }
        }
        FormEdit::SetAssociation(i, association) => {
            let place = editable(places.associations.get(*i)?)?;
            let text = association_code(&association.clone().settled());
            changes.push((place.start, place.end, text.trim_end().into()));
        }
        FormEdit::AddAssociation(association) => {
            let at = after_all.unwrap_or(0);
            let text = association_code(&association.clone().settled());
            changes.push((at, at, format!("\n{}", text.trim_end())));
        }
        FormEdit::RemoveAssociation(i) => {
            let place = editable(places.associations.get(*i)?)?;
            changes.push((place.start, line_end(code, place.end), String::new()));
        }
    }
    changes.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    changes.dedup_by_key(|(start, _, _)| *start);
    let mut edited = code.to_string();
    for (start, end, replacement) in changes {
        edited.replace_range(start..end, &replacement);
    }
    Some(edited)
}

/// Just past the line break that ends the statement at `end`, if only blanks follow.
fn line_end(code: &str, end: usize) -> usize {
    let rest = &code[end..];
    match rest.find('\n') {
        Some(i) if rest[..i].trim().is_empty() => end + i + 1,
        _ => end,
    }
}

impl Form {
    /// The definitions of `source`: the models it keeps in variables
    /// (`const Pug = sequelize.define('pug', …)`) and the associations between them.
    pub fn read(source: &str) -> Form {
        Form::read_with_places(source).0
    }

    /// [`Form::read`], with where each model and association is written.
    pub fn read_with_places(source: &str) -> (Form, Places) {
        let (program, _) = crate::syntax::parse(source);
        let schema = interpret::run(&program, Limits::default()).schema;
        let variables = model_variables(&program);
        let variable_of = |model: &Model| {
            variables
                .iter()
                .find(|(_, name)| *name == model.name)
                .map(|(variable, _)| variable.clone())
        };
        let statement_at = |offset: usize| {
            let mut statements = program.body.iter().map(|s| s.span());
            statements.find(|span| span.start <= offset && offset < span.end)
        };
        let mut models = Vec::new();
        let mut model_places = Vec::new();
        for model in &schema.models {
            let (Some(variable), Some(span)) = (variable_of(model), statement_at(model.span.start))
            else {
                continue;
            };
            let form = form_model(model, variable);
            let editable = prints_the_same_model(model, &form);
            models.push(form);
            model_places.push(Place {
                start: span.start,
                end: span.end,
                editable,
            });
        }
        let mut calls: Vec<_> = schema
            .models
            .iter()
            .flat_map(|m| &m.associations)
            .filter_map(|a| {
                let source = variable_of(schema.model(a.source))?;
                let target = variable_of(schema.model(a.target))?;
                let span = statement_at(a.span.start)?;
                let form = form_association(&schema, a, source, target);
                let editable = prints_the_same_association(&schema, a, &form);
                Some((span, form, editable))
            })
            .collect();
        calls.sort_by_key(|(span, _, _)| span.start);
        let places = Places {
            models: model_places,
            associations: calls
                .iter()
                .map(|(span, _, editable)| Place {
                    start: span.start,
                    end: span.end,
                    editable: *editable,
                })
                .collect(),
        };
        let form = Form {
            models,
            associations: calls.into_iter().map(|(_, call, _)| call).collect(),
        };
        (form, places)
    }

    /// The model `+ model` adds: `Model1` (`'model1'`), or the first such name the
    /// snippet does not use yet, with one attribute to start from.
    pub fn new_model(&self) -> FormModel {
        let taken = |n: &usize| {
            let variable = format!("Model{n}");
            self.models.iter().any(|m| m.variable == variable)
        };
        let n = (1..).find(|n| !taken(n)).unwrap_or(1);
        FormModel {
            variable: format!("Model{n}"),
            name: format!("model{n}"),
            attributes: vec![FormAttribute::new("name")],
            timestamps: true,
            paranoid: false,
            underscored: false,
        }
    }

    /// The association `+ association` adds: the last model belongs to the first
    /// (`None` without models).
    pub fn new_association(&self) -> Option<FormAssociation> {
        let (first, last) = (self.models.first()?, self.models.last()?);
        Some(FormAssociation {
            source: last.variable.clone(),
            target: first.variable.clone(),
            kind: AssociationType::BelongsTo,
            as_name: None,
            foreign_key: None,
            through: None,
            on_delete: None,
        })
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

impl FormModel {
    /// The model with one more attribute, as `+ attribute` adds it (`attribute3` for
    /// the third).
    pub fn with_new_attribute(&self) -> FormModel {
        let mut model = self.clone();
        let name = format!("attribute{}", model.attributes.len() + 1);
        model.attributes.push(FormAttribute::new(&name));
        model
    }
}

impl FormAttribute {
    /// A new attribute of the form: a `STRING` that may be null.
    pub fn new(name: &str) -> FormAttribute {
        FormAttribute {
            name: name.into(),
            data_type: "STRING".into(),
            allow_null: true,
            unique: false,
        }
    }
}

impl FormAssociation {
    /// The association as the form writes it: a belongsToMany needs a join table
    /// (named after its two models when none is given, `OwnerPug`); the others take
    /// none, so a kind changed away from belongsToMany drops it.
    pub fn settled(mut self) -> FormAssociation {
        if self.kind != AssociationType::BelongsToMany {
            self.through = None;
        } else if self.through.is_none() {
            self.through = Some(format!("{}{}", self.source, self.target));
        }
        self
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
            let ExprKind::Call { callee, args, .. } = &init.kind else {
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

/// The schema a snippet defines.
fn schema_of(code: &str) -> Schema {
    interpret::run(&crate::syntax::parse(code).0, Limits::default()).schema
}

/// What a model's definition decides (spans and Sequelize's own additions aside).
fn definition(
    model: &Model,
) -> (
    Vec<(String, crate::schema::Attribute)>,
    &crate::schema::ModelOptions,
) {
    let attributes = model
        .attributes
        .iter()
        .filter(|(_, a)| a.span.is_some() && !a.auto_generated)
        .map(|(name, a)| {
            let mut attribute = a.clone();
            attribute.span = None;
            (name.clone(), attribute)
        })
        .collect();
    (attributes, &model.options)
}

/// Whether printing `form` defines `model` exactly as the code does.
fn prints_the_same_model(model: &Model, form: &FormModel) -> bool {
    let printed = schema_of(&define_code(form));
    printed
        .models
        .first()
        .is_some_and(|again| definition(again) == definition(model))
}

/// Whether printing `form` (between stand-ins of its two models) gives the
/// association the same options as the code does.
fn prints_the_same_association(
    schema: &Schema,
    association: &crate::schema::Association,
    form: &FormAssociation,
) -> bool {
    let options = &association.options;
    let stand_in = |variable: &str, model: &Model| {
        format!(
            "const {variable} = sequelize.define({}, {{}});\n",
            quoted(&model.name)
        )
    };
    let mut code = stand_in(&form.source, schema.model(association.source));
    if form.target != form.source {
        code.push_str(&stand_in(&form.target, schema.model(association.target)));
    }
    code.push_str(&association_code(form));
    let printed = schema_of(&code);
    let again = printed.models.iter().flat_map(|m| &m.associations).next();
    // A join model given as a model (through: Enrollment) reads back as a name.
    let through_by_name = matches!(
        options.through.as_ref().map(|t| &t.model),
        Some(ThroughRef::Model(_))
    );
    again.is_some_and(|a| a.options == *options && a.kind == association.kind) && !through_by_name
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
        kind: association.kind,
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
        association.source,
        association.kind.method(),
        association.target
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
        assert_eq!(dogs.kind, AssociationType::HasMany);
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

    const WITH_QUERIES: &str =
        "const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);

await sequelize.sync({ force: true });
console.log(await Owner.findAll({ include: Pug })); // keep me
";

    #[test]
    fn an_edit_rewrites_only_the_statement_it_touches() {
        let form = Form::read(WITH_QUERIES);
        let mut has_many = form.associations[1].clone();
        has_many.as_name = Some("dogs".into());
        let edited = apply(WITH_QUERIES, &FormEdit::SetAssociation(1, has_many)).unwrap();
        assert_eq!(
            edited,
            WITH_QUERIES.replace("Owner.hasMany(Pug);", "Owner.hasMany(Pug, { as: 'dogs' });")
        );
        let mut pug = form.models[1].clone();
        pug.attributes.push(FormAttribute {
            name: "age".into(),
            data_type: "INTEGER".into(),
            allow_null: true,
            unique: false,
        });
        let edited = apply(WITH_QUERIES, &FormEdit::SetModel(1, pug)).unwrap();
        assert!(edited.contains("const Pug = sequelize.define('pug', {\n  name: DataTypes.STRING,\n  age: DataTypes.INTEGER,\n});\nPug.belongsTo(Owner);"), "{edited}");
        assert!(edited.ends_with("// keep me\n"));
    }

    #[test]
    fn adding_and_removing_parts() {
        let form = Form::read(WITH_QUERIES);
        let tag = FormModel {
            variable: "Tag".into(),
            name: "tag".into(),
            attributes: Vec::new(),
            timestamps: true,
            paranoid: false,
            underscored: false,
        };
        let added = apply(WITH_QUERIES, &FormEdit::AddModel(tag)).unwrap();
        assert!(
            added.contains(
                "DataTypes.STRING });\nconst Tag = sequelize.define('tag', {});\nPug.belongsTo"
            ),
            "{added}"
        );
        let link = FormAssociation {
            source: "Pug".into(),
            target: "Tag".into(),
            kind: AssociationType::BelongsToMany,
            as_name: None,
            foreign_key: None,
            through: Some("PugTags".into()),
            on_delete: None,
        };
        let linked = apply(&added, &FormEdit::AddAssociation(link)).unwrap();
        assert!(
            linked
                .contains("Owner.hasMany(Pug);\nPug.belongsToMany(Tag, { through: 'PugTags' });\n"),
            "{linked}"
        );
        let removed = apply(WITH_QUERIES, &FormEdit::RemoveModel(0)).unwrap();
        assert_eq!(
            removed,
            "const Pug = sequelize.define('pug', { name: DataTypes.STRING });\n\nawait sequelize.sync({ force: true });\nconsole.log(await Owner.findAll({ include: Pug })); // keep me\n"
        );
        assert_eq!(form.associations.len(), 2);
    }

    #[test]
    fn definitions_the_form_cannot_show_are_left_to_the_code() {
        let code = "const Owner = sequelize.define('owner', { name: DataTypes.STRING }, { tableName: 'people' });
const Pug = sequelize.define('pug', { name: { type: DataTypes.STRING, defaultValue: 'Rex' } });
Pug.belongsTo(Owner, { foreignKey: { name: 'ownerId', allowNull: false } });
Owner.hasMany(Pug, { as: 'pugs' });
";
        let (form, places) = Form::read_with_places(code);
        let editable: Vec<bool> = places
            .models
            .iter()
            .chain(&places.associations)
            .map(|p| p.editable)
            .collect();
        assert_eq!(editable, [false, false, false, true]);
        assert_eq!(
            apply(code, &FormEdit::SetModel(0, form.models[0].clone())),
            None
        );
        assert_eq!(apply(code, &FormEdit::RemoveAssociation(0)), None);
        assert!(apply(code, &FormEdit::RemoveAssociation(1)).is_some());
    }

    #[test]
    fn the_kinds_are_named_as_the_code_calls_them() {
        let names: Vec<&str> = KINDS.iter().map(|k| k.method()).collect();
        assert_eq!(names, ["belongsTo", "hasOne", "hasMany", "belongsToMany"]);
        assert_eq!(kind_named("hasMany"), Some(AssociationType::HasMany));
        assert_eq!(kind_named("HasMany"), None);
        let json = serde_json::to_value(Form::read(SNIPPET)).unwrap();
        assert_eq!(json["associations"][1]["kind"], "hasMany");
    }

    #[test]
    fn new_models_attributes_and_associations_get_free_names() {
        let empty = Form::default();
        assert_eq!(empty.new_association(), None);
        let first = empty.new_model();
        assert_eq!(
            (first.variable.as_str(), first.name.as_str()),
            ("Model1", "model1")
        );
        assert_eq!(first.attributes, [FormAttribute::new("name")]);
        let code = apply("", &FormEdit::AddModel(first)).unwrap();
        let code = apply(&code, &FormEdit::AddModel(Form::read(&code).new_model())).unwrap();
        let form = Form::read(&code);
        let variables: Vec<&str> = form.models.iter().map(|m| m.variable.as_str()).collect();
        assert_eq!(variables, ["Model1", "Model2"]);
        let added = form.models[1].with_new_attribute();
        assert_eq!(added.attributes[1].name, "attribute2");
        assert!(added.attributes[1].allow_null && added.attributes[1].data_type == "STRING");
        let association = form.new_association().unwrap();
        assert_eq!(
            association_code(&association),
            "Model2.belongsTo(Model1);\n"
        );
    }

    #[test]
    fn a_belongs_to_many_gets_a_join_table_and_the_others_none() {
        let form = Form::read(WITH_QUERIES);
        let mut many = form.associations[1].clone();
        many.kind = AssociationType::BelongsToMany;
        let edited = apply(WITH_QUERIES, &FormEdit::SetAssociation(1, many.clone())).unwrap();
        assert!(
            edited.contains("Owner.belongsToMany(Pug, { through: 'OwnerPug' });"),
            "{edited}"
        );
        // A name given is kept; back to hasMany, the join table goes.
        many.through = Some("Adoptions".into());
        assert_eq!(many.clone().settled().through.as_deref(), Some("Adoptions"));
        many.kind = AssociationType::HasMany;
        let edited = apply(WITH_QUERIES, &FormEdit::SetAssociation(1, many)).unwrap();
        assert_eq!(edited, WITH_QUERIES);
    }
}
