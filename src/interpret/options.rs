//! Reading Sequelize's option objects — attribute definitions, model options and
//! association options — out of evaluated values, with a located note for each key
//! Sequelize would silently ignore (usually a typo).

use super::{Eval, Interpreter};
use crate::diagnostic::{Diagnostic, Span};
use crate::error::SequelizeError;
use crate::js::format_number;
use crate::schema::associate::{
    AsOption, AssociationOptions, KeyOption, ThroughOption, ThroughRef,
};
use crate::schema::{
    AssociationType, Attribute, DefaultValue, ModelOptions, Names, References, TimestampOption,
    Unique,
};
use crate::sql::DataType;
use crate::syntax::ast::{Expr, ExprKind, PropertyKey};
use crate::value::Value;

const ATTRIBUTE_KEYS: &[&str] = &[
    "type",
    "allowNull",
    "primaryKey",
    "autoIncrement",
    "autoIncrementIdentity",
    "unique",
    "defaultValue",
    "field",
    "references",
    "onDelete",
    "onUpdate",
    "comment",
    "values",
    "validate",
    "get",
    "set",
    "index",
    "unknown",
];

const MODEL_OPTION_KEYS: &[&str] = &[
    "tableName",
    "freezeTableName",
    "timestamps",
    "paranoid",
    "underscored",
    "createdAt",
    "updatedAt",
    "deletedAt",
    "name",
    "modelName",
    "sequelize",
    "engine",
    "indexes",
    "hooks",
    "scopes",
    "defaultScope",
    "validate",
    "getterMethods",
    "setterMethods",
    "schema",
    "charset",
    "collate",
    "comment",
    "initialAutoIncrement",
    "version",
    "omitNull",
    "rowFormat",
];

const ASSOCIATION_OPTION_KEYS: &[&str] = &[
    "as",
    "foreignKey",
    "otherKey",
    "sourceKey",
    "targetKey",
    "through",
    "onDelete",
    "onUpdate",
    "constraints",
    "foreignKeyConstraint",
    "keyType",
    "uniqueKey",
    "timestamps",
    "hooks",
    "scope",
    "useJunctionTable",
];

/// `DataTypes.INTEGER.UNSIGNED` and friends.
pub fn data_type_flag(data_type: &DataType, flag: &str) -> Value {
    let mut data_type = data_type.clone();
    match flag {
        "UNSIGNED" => data_type.unsigned = true,
        "ZEROFILL" => data_type.zerofill = true,
        "BINARY" => data_type.binary = true,
        "key" => return Value::Str(data_type.key),
        _ => return Value::Undefined,
    }
    Value::DataType(data_type)
}

fn as_length(value: &Value) -> Option<String> {
    match value {
        Value::Number(n) => Some(format_number(*n)),
        Value::Str(s) => Some(s.clone()),
        _ => None,
    }
}

/// `DataTypes.STRING(100)`, `DECIMAL(10, 2)`, `ENUM('a', 'b')`, `INTEGER({ length, unsigned })`.
pub fn data_type_call(mut data_type: DataType, args: &[Value]) -> Value {
    let first = args.first();
    if data_type.key == "ARRAY" {
        if let Some(Value::DataType(element)) = first {
            data_type.element = Some(Box::new(element.clone()));
        }
        return Value::DataType(data_type);
    }
    if data_type.key == "ENUM" {
        data_type.values = match first {
            Some(Value::Object(_)) => string_list(first.and_then(|o| o.get("values"))),
            Some(Value::Array(_)) => string_list(first),
            _ => args.iter().filter_map(as_length).collect(),
        };
        return Value::DataType(data_type);
    }
    if let Some(options @ Value::Object(_)) = first {
        data_type.length = options
            .get("length")
            .and_then(as_length)
            .or(data_type.length);
        data_type.decimals = options
            .get("decimals")
            .and_then(as_length)
            .or(data_type.decimals);
        data_type.unsigned |= options.get("unsigned").is_some_and(Value::truthy);
        data_type.zerofill |= options.get("zerofill").is_some_and(Value::truthy);
        data_type.binary |= options.get("binary").is_some_and(Value::truthy);
        return Value::DataType(data_type);
    }
    data_type.length = first.and_then(as_length);
    if let Some(second) = args.get(1) {
        match second {
            Value::Bool(binary) if matches!(data_type.key.as_str(), "STRING" | "CHAR") => {
                data_type.binary = *binary
            }
            other => data_type.decimals = as_length(other),
        }
    }
    Value::DataType(data_type)
}

fn string_list(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(as_length).collect(),
        _ => Vec::new(),
    }
}

/// The span of `key` in an object literal, else of the whole expression.
fn key_span(expr: Option<&Expr>, key: &str, fallback: Span) -> Span {
    let Some(Expr {
        kind: ExprKind::Object(properties),
        ..
    }) = expr
    else {
        return expr.map_or(fallback, |e| e.span);
    };
    properties
        .iter()
        .find_map(|p| match &p.key {
            PropertyKey::Named(ident) if ident.name == key => Some(ident.span),
            _ => None,
        })
        .unwrap_or(fallback)
}

/// The value expression of `key` in an object literal.
fn value_expr<'e>(expr: Option<&'e Expr>, key: &str) -> Option<&'e Expr> {
    let Some(Expr {
        kind: ExprKind::Object(properties),
        ..
    }) = expr
    else {
        return None;
    };
    properties.iter().find_map(|p| match &p.key {
        PropertyKey::Named(ident) if ident.name == key => p.init(),
        _ => None,
    })
}

fn str_of(value: Option<&Value>) -> Option<String> {
    value.and_then(Value::as_str).map(str::to_string)
}

fn bool_of(value: Option<&Value>) -> Option<bool> {
    value.map(Value::truthy)
}

/// What replaced a model option of older Sequelize versions, which Sequelize 6 ignores.
fn removed_option(key: &str) -> Option<&'static str> {
    match key {
        "classMethods" => Some(
            "Sequelize 4 removed classMethods: its functions are never added to the model. \
             Write Model.associate = function (models) { … } (or a static method of a class) instead",
        ),
        "instanceMethods" => Some(
            "Sequelize 4 removed instanceMethods: its functions are never added to instances. \
             Write Model.prototype.greet = function () { … } (or a method of a class) instead",
        ),
        _ => None,
    }
}

impl Interpreter {
    /// Notes each key Sequelize does not read, with a suggestion when it is a near miss.
    fn check_keys(&mut self, value: &Value, expr: Option<&Expr>, known: &[&str], what: &str) {
        let Value::Object(props) = value else { return };
        for (key, _) in props {
            if known.contains(&key.as_str()) || key.starts_with("Symbol(") {
                continue;
            }
            let span = key_span(expr, key, expr.map_or(Span::default(), |e| e.span));
            let mut diagnostic =
                Diagnostic::warning(span, format!("Sequelize ignores '{key}' in {what}"));
            if let Some(removed) = removed_option(key) {
                diagnostic = diagnostic.with_hint(removed);
            } else if let Some(close) = crate::diagnostic::closest(key, known.iter().copied()) {
                diagnostic = diagnostic.with_hint(format!("did you mean '{close}'?"));
            }
            self.diagnostics.push(diagnostic);
        }
    }

    pub(super) fn attributes(
        &mut self,
        value: Option<&Value>,
        expr: Option<&Expr>,
        call_span: Span,
    ) -> Eval<Vec<(String, Attribute)>> {
        let props = match value {
            Some(Value::Object(props)) => props.clone(),
            None | Some(Value::Undefined) => Vec::new(),
            Some(_) => return Ok(Vec::new()),
        };
        let mut attributes = Vec::with_capacity(props.len());
        for (name, definition) in props {
            let definition_expr = value_expr(expr, &name);
            self.check_keys(
                &definition,
                definition_expr,
                ATTRIBUTE_KEYS,
                "an attribute definition",
            );
            let mut attribute = self.attribute(&definition)?;
            attribute.span = Some(key_span(expr, &name, call_span));
            let skipped = self.validators(&definition, &mut attribute);
            if !skipped.is_empty() {
                self.diagnostics.push(
                    Diagnostic::warning(
                        attribute.span.unwrap_or(call_span),
                        format!(
                            "The playground does not run these validators of {name} yet: {}; they are skipped",
                            skipped.join(", ")
                        ),
                    )
                    .with_hint("the built-in ones (len, isEmail, notEmpty, min, max, isIn, …) run"),
                );
            }
            attributes.push((name, attribute));
        }
        Ok(attributes)
    }

    /// Reads `validate: { … }` into the attribute's built-in validators; answers the
    /// names of those it cannot run (custom functions, names it does not know).
    fn validators(&mut self, definition: &Value, attribute: &mut Attribute) -> Vec<String> {
        let Some(Value::Object(tests)) = definition.get("validate") else {
            return Vec::new();
        };
        let mut skipped = Vec::new();
        for (name, test) in tests {
            // A function is run by the interpreter (`interpret::validators`).
            if matches!(test, Value::Function) {
                continue;
            }
            if !crate::runtime::calls::is_built_in_validator(name) {
                skipped.push(name.clone());
                continue;
            }
            let (args, msg) = match test {
                Value::Object(_) if test.get("source").is_some() => (
                    Value::Array(vec![
                        test.get("source").cloned().unwrap_or(Value::Undefined),
                        test.get("flags").cloned().unwrap_or(Value::Undefined),
                    ]),
                    None,
                ),
                Value::Object(_) if test.get("args").is_some() || test.get("msg").is_some() => (
                    test.get("args").cloned().unwrap_or(Value::Bool(true)),
                    test.get("msg").and_then(Value::as_str).map(str::to_string),
                ),
                other => (other.clone(), None),
            };
            let regex = test.get("source").is_some() && !matches!(test, Value::Array(_));
            let from_array = matches!(args, Value::Array(_)) && !regex;
            // Sequelize spreads an array of arguments, and passes anything else alone.
            let args = match args {
                Value::Array(items) => items.iter().map(crate::value::to_json).collect(),
                one => vec![crate::value::to_json(&one)],
            };
            attribute.validators.push(crate::schema::Validator {
                name: name.clone(),
                args,
                msg,
                from_array,
                regex,
            });
        }
        skipped
    }

    fn attribute(&mut self, definition: &Value) -> Eval<Attribute> {
        let data_type = |value: Option<&Value>| match value {
            Some(Value::DataType(t)) => Some(t.clone()),
            Some(Value::Str(raw)) => Some(DataType::new(raw)),
            _ => None,
        };
        if !matches!(definition, Value::Object(_)) {
            return Ok(Attribute {
                data_type: data_type(Some(definition)),
                ..Attribute::default()
            });
        }
        let get = |key: &str| definition.get(key);
        let mut attribute = Attribute {
            data_type: data_type(get("type")),
            field: str_of(get("field")),
            allow_null: bool_of(get("allowNull")),
            primary_key: bool_of(get("primaryKey")),
            auto_increment: bool_of(get("autoIncrement")),
            on_delete: str_of(get("onDelete")),
            on_update: str_of(get("onUpdate")),
            comment: str_of(get("comment")),
            ..Attribute::default()
        };
        attribute.unique = match get("unique") {
            Some(Value::Str(name)) => Some(Unique::Named(name.clone())),
            Some(object @ Value::Object(_)) => match str_of(object.get("name")) {
                Some(name) => Some(Unique::Named(name)),
                None => Some(Unique::Flag(true)),
            },
            Some(other) => Some(Unique::Flag(other.truthy())),
            None => None,
        };
        attribute.default_value = match get("defaultValue") {
            None | Some(Value::Undefined) => None,
            Some(Value::Str(s)) => Some(DefaultValue::Str(s.clone())),
            Some(Value::Number(n)) => Some(DefaultValue::Number(*n)),
            Some(Value::Bool(b)) => Some(DefaultValue::Bool(*b)),
            Some(Value::Null) => Some(DefaultValue::Null),
            Some(Value::DataType(t)) => Some(DefaultValue::Computed(t.key.clone())),
            Some(Value::Date(ms)) => Some(DefaultValue::Date(*ms)),
            Some(Value::Sql(piece)) => {
                Some(DefaultValue::Sql(crate::runtime::calls::sql_of(piece)))
            }
            Some(json @ (Value::Object(_) | Value::Array(_)))
                if attribute
                    .data_type
                    .as_ref()
                    .is_none_or(|t| t.key != "ARRAY") =>
            {
                let text = serde_json::to_string(&crate::value::to_json(json)).unwrap_or_default();
                Some(DefaultValue::Json(text))
            }
            Some(Value::Array(items)) => Some(DefaultValue::List(
                items
                    .iter()
                    .filter_map(|item| match item {
                        Value::Str(s) => Some(DefaultValue::Str(s.clone())),
                        Value::Number(n) => Some(DefaultValue::Number(*n)),
                        Value::Bool(b) => Some(DefaultValue::Bool(*b)),
                        _ => None,
                    })
                    .collect(),
            )),
            Some(Value::Function) => Some(DefaultValue::Computed("function".into())),
            Some(_) => Some(DefaultValue::Computed("unknown".into())),
        };
        if let Some(values) = get("values") {
            if let Some(data_type) = attribute.data_type.as_mut().filter(|t| t.key == "ENUM") {
                data_type.values = string_list(Some(values));
            }
        }
        attribute.references = match get("references") {
            Some(Value::Str(table)) => Some(References {
                model: Some(table.clone()),
                key: None,
            }),
            Some(references @ Value::Object(_)) => {
                let model = match references.get("model") {
                    Some(Value::Str(table)) => Some(table.clone()),
                    Some(Value::Model(id)) => Some(self.schema.model(*id).table_name.clone()),
                    _ => None,
                };
                Some(References {
                    model,
                    key: str_of(references.get("key")),
                })
            }
            _ => None,
        };
        Ok(attribute)
    }

    pub(super) fn model_options(
        &mut self,
        value: Option<&Value>,
        expr: Option<&Expr>,
    ) -> Eval<ModelOptions> {
        let mut options = ModelOptions::default();
        let Some(value @ Value::Object(_)) = value else {
            return Ok(options);
        };
        self.check_keys(value, expr, MODEL_OPTION_KEYS, "model options");
        let get = |key: &str| value.get(key);
        options.table_name = str_of(get("tableName"));
        options.freeze_table_name = bool_of(get("freezeTableName")).unwrap_or(false);
        options.timestamps = bool_of(get("timestamps")).unwrap_or(true);
        options.paranoid = bool_of(get("paranoid")).unwrap_or(false);
        options.underscored = bool_of(get("underscored")).unwrap_or(false);
        options.engine = str_of(get("engine"));
        for (key, slot) in [
            ("createdAt", &mut options.created_at),
            ("updatedAt", &mut options.updated_at),
            ("deletedAt", &mut options.deleted_at),
        ] {
            *slot = match get(key) {
                None | Some(Value::Undefined) => TimestampOption::Default,
                Some(Value::Str(name)) => TimestampOption::Named(name.clone()),
                Some(Value::Bool(false)) => TimestampOption::Disabled,
                Some(Value::Bool(true)) => TimestampOption::Default,
                Some(other) => {
                    let span = key_span(expr, key, Span::default());
                    return Err(self.error(
                        SequelizeError::plain(format!(
                            "Value for \"{key}\" option must be a string or a boolean, got {}",
                            other.type_name()
                        )),
                        span,
                    ));
                }
            };
        }
        if let Some(name @ Value::Object(_)) = get("name") {
            options.name = Some(Names {
                singular: str_of(name.get("singular")).unwrap_or_default(),
                plural: str_of(name.get("plural")).unwrap_or_default(),
            });
        }
        Ok(options)
    }

    pub(super) fn association_options(
        &mut self,
        kind: AssociationType,
        value: Option<&Value>,
        expr: Option<&Expr>,
    ) -> Eval<AssociationOptions> {
        let mut options = AssociationOptions::default();
        let Some(value @ Value::Object(_)) = value else {
            return Ok(options);
        };
        self.check_keys(
            value,
            expr,
            ASSOCIATION_OPTION_KEYS,
            &format!("{} options", kind.method()),
        );
        let get = |key: &str| value.get(key);
        options.as_name = match get("as") {
            Some(Value::Str(name)) => Some(AsOption::Name(name.clone())),
            Some(names @ Value::Object(_)) => Some(AsOption::Names {
                singular: str_of(names.get("singular")),
                plural: str_of(names.get("plural")),
            }),
            _ => None,
        };
        options.foreign_key = self.key_option(get("foreignKey"), value_expr(expr, "foreignKey"))?;
        options.other_key = self.key_option(get("otherKey"), value_expr(expr, "otherKey"))?;
        options.source_key = str_of(get("sourceKey"));
        options.target_key = str_of(get("targetKey"));
        options.on_delete = str_of(get("onDelete"));
        options.on_update = str_of(get("onUpdate"));
        options.constraints = get("constraints").is_none_or(|v| !matches!(v, Value::Bool(false)));
        options.foreign_key_constraint = bool_of(get("foreignKeyConstraint")).unwrap_or(false);
        options.key_type = match get("keyType") {
            Some(Value::DataType(t)) => Some(t.clone()),
            _ => None,
        };
        options.unique_key = str_of(get("uniqueKey"));
        options.scope = self.association_scope(kind, get("scope"), expr);
        options.hooks = bool_of(get("hooks")).unwrap_or(false);
        options.timestamps = match get("timestamps") {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        };
        options.through = match get("through") {
            None | Some(Value::Undefined | Value::Null | Value::Bool(true)) => None,
            Some(through @ Value::Object(_)) => {
                self.through_ref(through.get("model"))?
                    .map(|model| ThroughOption {
                        model,
                        unique: !matches!(through.get("unique"), Some(Value::Bool(false))),
                        paranoid: bool_of(through.get("paranoid")).unwrap_or(false),
                    })
            }
            Some(other) => self.through_ref(Some(other))?.map(|model| ThroughOption {
                model,
                unique: true,
                paranoid: false,
            }),
        };
        Ok(options)
    }

    /// An association's `scope`, as plain values; a scope with operators (or on a
    /// belongsToMany) is not run yet, and said at its place.
    fn association_scope(
        &mut self,
        kind: AssociationType,
        value: Option<&Value>,
        expr: Option<&Expr>,
    ) -> Vec<(String, serde_json::Value)> {
        let Some(Value::Object(props)) = value else {
            return Vec::new();
        };
        let plain = props.iter().all(|(k, v)| {
            !k.starts_with("Symbol(")
                && matches!(
                    v,
                    Value::Str(_) | Value::Number(_) | Value::Bool(_) | Value::Null
                )
        });
        if !plain || kind == AssociationType::BelongsToMany {
            let span = key_span(expr, "scope", expr.map_or(Span::default(), |e| e.span));
            self.diagnostics.push(
                Diagnostic::warning(span, "The playground does not run this association scope yet: the association is used as if it had none")
                    .with_hint("a scope of plain values on hasOne or hasMany runs (scope: { commentableType: 'image' })"),
            );
            return Vec::new();
        }
        props
            .iter()
            .map(|(k, v)| (k.clone(), crate::value::to_json(v)))
            .collect()
    }

    fn through_ref(&mut self, value: Option<&Value>) -> Eval<Option<ThroughRef>> {
        Ok(match value {
            Some(Value::Str(name)) => Some(ThroughRef::Name(name.clone())),
            Some(Value::Model(id)) => Some(ThroughRef::Model(*id)),
            _ => None,
        })
    }

    fn key_option(
        &mut self,
        value: Option<&Value>,
        expr: Option<&Expr>,
    ) -> Eval<Option<KeyOption>> {
        Ok(match value {
            Some(Value::Str(name)) => Some(KeyOption {
                name: Some(name.clone()),
                attribute: None,
            }),
            Some(object @ Value::Object(_)) => {
                let name = str_of(object.get("name")).or_else(|| str_of(object.get("fieldName")));
                let known: Vec<&str> = ATTRIBUTE_KEYS
                    .iter()
                    .copied()
                    .chain(["name", "fieldName"])
                    .collect();
                self.check_keys(object, expr, &known, "a foreign key definition");
                let attribute = self.attribute(object)?;
                Some(KeyOption {
                    name,
                    attribute: Some(attribute),
                })
            }
            _ => None,
        })
    }
}
