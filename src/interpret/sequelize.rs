//! The Sequelize objects a snippet talks to, as JavaScript objects: the `Sequelize`
//! class and its instance (`define`, `sync`, `models`, …), `DataTypes`, `Op`, the `Model`
//! base class whose statics define and associate models and run queries, and what every
//! instance has (`save`, `toJSON`, the association accessors). Definitions go to the
//! [`crate::schema`] rules, queries to the [`crate::runtime`]; this module converts the
//! arguments and results and words the errors as Sequelize and V8 do.
//!
//! It also owns what a module sees (`require`, `module.exports`, `__dirname`) and the npm
//! modules it stands in for.

use super::heap::{
    Call, Callable, Host, JsValue, Key, Kind, ModelClass, Native, NativeFn, Obj, Object, Slot,
};
use super::scope::Env;
use super::{hooks, Eval, Flow, Interpreter};
use crate::assoc::inflect::{lower_first, upper_first};
use crate::diagnostic::{Diagnostic, Span};
use crate::error::{ErrorName, SequelizeError};
use crate::runtime::{calls, StepEnd};
use crate::schema::{AssociationType, ModelId};
use crate::sql::DataType;
use crate::syntax::ast::{Expr, ExprKind, PropertyKey};
use crate::value::Value;

/// `Model`'s statics the playground runs.
const MODEL_STATICS: &[&str] = &[
    "init",
    "hasOne",
    "belongsTo",
    "hasMany",
    "belongsToMany",
    "sync",
    "drop",
    "create",
    "bulkCreate",
    "build",
    "findAll",
    "findOne",
    "findByPk",
    "findAndCountAll",
    "count",
    "max",
    "min",
    "sum",
    "destroy",
    "update",
    "upsert",
    "findOrCreate",
    "findOrBuild",
    "findCreateFind",
    "bulkBuild",
    "aggregate",
    "getTableName",
    "getAttributes",
    "removeAttribute",
    "addHook",
    "addScope",
    "scope",
    "unscoped",
    "increment",
    "decrement",
    "restore",
    "truncate",
    "describe",
    "hasHook",
    "hasHooks",
    "removeHook",
    "aggregate",
];

/// Hooks as `Model.beforeCreate(fn)`: read, not run yet.
const HOOK_STATICS: &[&str] = &[
    "beforeCreate",
    "afterCreate",
    "beforeUpdate",
    "afterUpdate",
    "beforeSave",
    "afterSave",
    "beforeDestroy",
    "afterDestroy",
    "beforeValidate",
    "afterValidate",
    "beforeBulkCreate",
    "afterBulkCreate",
    "beforeFind",
    "afterFind",
];

/// What every instance has (`Model.prototype`).
const INSTANCE_METHODS: &[&str] = &[
    "get",
    "set",
    "setAttributes",
    "where",
    "save",
    "destroy",
    "update",
    "reload",
    "toJSON",
    "changed",
    "previous",
    "increment",
    "decrement",
    "restore",
    "validate",
    "equals",
    "equalsOneOf",
    "isSoftDeleted",
    "getDataValue",
    "setDataValue",
];

const SEQUELIZE_METHODS: &[&str] = &[
    "addHook",
    "define",
    "sync",
    "authenticate",
    "close",
    "model",
    "isDefined",
    "query",
    "transaction",
    "drop",
    "getDialect",
    "getQueryInterface",
    "fn",
    "col",
    "literal",
    "where",
    "cast",
    "and",
    "or",
    "random",
];

/// `QueryTypes`: each is its own name (`QueryTypes.SELECT === 'SELECT'`).
const QUERY_TYPES: &[&str] = &[
    "SELECT",
    "INSERT",
    "UPDATE",
    "BULKUPDATE",
    "BULKDELETE",
    "DELETE",
    "UPSERT",
    "VERSION",
    "SHOWTABLES",
    "SHOWINDEXES",
    "DESCRIBE",
    "RAW",
    "FOREIGNKEYS",
    "SHOWCONSTRAINTS",
];

/// The SQL pieces `Sequelize` offers as statics as well as methods.
const SQL_UTILITIES: &[&str] = &[
    "fn", "col", "literal", "cast", "where", "and", "or", "random",
];

const CONSOLE_METHODS: &[&str] = &[
    "log", "info", "warn", "error", "debug", "table", "dir", "trace", "group", "groupEnd", "time",
    "timeEnd",
];

/// npm modules code around Sequelize loads, stood in for by inert objects.
const KNOWN_MODULES: &[&str] = &[
    "bcrypt",
    "bcryptjs",
    "express",
    "uuid",
    "jsonwebtoken",
    "cors",
    "body-parser",
    "pg",
    "pg-hstore",
    "mysql2",
    "sqlite3",
    "lodash",
    "moment",
    "dayjs",
    "joi",
    "morgan",
    "helmet",
    "crypto",
    "util",
    "os",
    "http",
    "events",
];

pub(super) fn install(interp: &mut Interpreter) {
    let model_base = interp.realm.model_base.clone();
    model_base.borrow_mut().kind = Kind::Function(Callable::Native(Native {
        name: "Model".into(),
        run: model_called,
        data: None,
    }));
    install_named(interp, &model_base, MODEL_STATICS, model_static);
    install_named(interp, &model_base, HOOK_STATICS, hook_static);
    model_base.borrow_mut().set_hidden(
        "prototype".into(),
        JsValue::Object(interp.realm.model_proto.clone()),
    );
    model_base
        .borrow_mut()
        .set_hidden("name".into(), JsValue::str("Model"));
    let model_proto = interp.realm.model_proto.clone();
    install_named(interp, &model_proto, INSTANCE_METHODS, instance_method);
    let sequelize_proto = interp.realm.sequelize_proto.clone();
    install_named(
        interp,
        &sequelize_proto,
        SEQUELIZE_METHODS,
        sequelize_method,
    );

    let data_types = host_object(interp, Host::DataTypes);
    let op = host_object(interp, Host::Op);
    let query_types = interp.object_of(
        QUERY_TYPES
            .iter()
            .map(|name| (*name, JsValue::str(name)))
            .collect(),
    );
    interp.query_types = query_types.clone();
    let transaction_statics = transaction_statics(interp);
    let ctor = interp.native("Sequelize", sequelize_called);
    let ctor_handle = ctor.as_object().expect("a function").clone();
    {
        let mut c = ctor_handle.borrow_mut();
        c.set_hidden("DataTypes".into(), data_types.clone());
        c.set_hidden("Op".into(), op.clone());
        c.set_hidden("QueryTypes".into(), query_types.clone());
        c.set_hidden("Model".into(), JsValue::Object(model_base.clone()));
        c.set_hidden("Sequelize".into(), ctor.clone());
        c.set_hidden("Transaction".into(), transaction_statics.clone());
        for (class, error) in &interp.realm.sequelize_errors {
            c.set_hidden((*class).into(), error.clone());
        }
        if let Some((_, base)) = interp.realm.sequelize_errors.first() {
            c.set_hidden("Error".into(), base.clone());
        }
        c.set_hidden("prototype".into(), JsValue::Object(sequelize_proto.clone()));
        // `Sequelize.fn(…)` and its kin are statics too.
        c.add_natives(super::heap::Natives::Named(SQL_UTILITIES, sequelize_method));
    }
    let instance = host_object(interp, Host::Sequelize);
    if let JsValue::Object(o) = &instance {
        o.borrow_mut().proto = Some(sequelize_proto);
    }
    let models = host_object(interp, Host::Models);
    interp.sequelize_module = ctor.clone();
    interp.sequelize_instance = instance.clone();
    interp.models_object = models;
    let console = interp.plain_object();
    if let JsValue::Object(c) = &console {
        install_named(interp, c, CONSOLE_METHODS, console_method);
    }
    let process = interp.object_of(vec![
        ("env", JsValue::Undefined),
        ("argv", JsValue::Undefined),
    ]);
    let env = interp.plain_object();
    interp
        .set(&process, Key::from("env"), env, Span::default())
        .ok();
    let argv = interp.array(vec![JsValue::str("node"), JsValue::str("/app/index.js")]);
    interp
        .set(&process, Key::from("argv"), argv, Span::default())
        .ok();
    if let JsValue::Object(p) = &process {
        install_named(interp, p, &["exit", "on", "cwd"], process_method);
    }
    for (name, value) in [
        ("sequelize", instance),
        ("DataTypes", data_types),
        ("Op", op),
        ("Model", JsValue::Object(model_base)),
        ("Sequelize", ctor),
        ("console", console),
        ("process", process),
    ] {
        interp.global.declare(name, value, true);
    }
}

/// `Sequelize.Transaction`'s constants: `LOCK`, `ISOLATION_LEVELS`, `TYPES`.
fn transaction_statics(interp: &mut Interpreter) -> JsValue {
    let constants = |interp: &mut Interpreter, pairs: &[(&'static str, &'static str)]| {
        interp.object_of(pairs.iter().map(|(k, v)| (*k, JsValue::str(v))).collect())
    };
    let lock = interp.lock_levels();
    let isolation = constants(
        interp,
        &[
            ("READ_UNCOMMITTED", "READ UNCOMMITTED"),
            ("READ_COMMITTED", "READ COMMITTED"),
            ("REPEATABLE_READ", "REPEATABLE READ"),
            ("SERIALIZABLE", "SERIALIZABLE"),
        ],
    );
    let types = constants(
        interp,
        &[
            ("DEFERRED", "DEFERRED"),
            ("IMMEDIATE", "IMMEDIATE"),
            ("EXCLUSIVE", "EXCLUSIVE"),
        ],
    );
    interp.object_of(vec![
        ("LOCK", lock),
        ("ISOLATION_LEVELS", isolation),
        ("TYPES", types),
    ])
}

fn install_named(_: &Interpreter, target: &Obj, names: &'static [&'static str], run: NativeFn) {
    target
        .borrow_mut()
        .add_natives(super::heap::Natives::Named(names, run));
}

impl Interpreter {
    /// `sequelize.fn(name, ...args)`, `col(name)`, `literal(text)`, `cast(value, type)`,
    /// `where(left, [op,] right)`: a piece of SQL the runtime writes and computes.
    fn sql_utility(&mut self, utility: &str, call: &Call<'_>) -> Eval<JsValue> {
        use crate::value::SqlExpr;
        let data = |interp: &Interpreter, i: usize| interp.to_data(&call.arg(i));
        let text =
            |interp: &mut Interpreter, i: usize| interp.string_of(&call.arg(i), call.arg_span(i));
        let expr = match utility {
            "fn" => SqlExpr::Fn {
                name: text(self, 0)?,
                args: (1..call.args.len()).map(|i| data(self, i)).collect(),
            },
            "col" => SqlExpr::Col(text(self, 0)?),
            // MySQL's RAND(), respelled so when the run is on MySQL.
            "random" => SqlExpr::Fn {
                name: "RANDOM".into(),
                args: Vec::new(),
            },
            "literal" => SqlExpr::Literal(text(self, 0)?),
            "cast" => SqlExpr::Cast {
                value: data(self, 0),
                type_name: text(self, 1)?,
            },
            _ => {
                let (op, right) = match call.args.len() {
                    n if n >= 3 => {
                        let op = match data(self, 1) {
                            Value::OpSymbol(name) => name,
                            Value::Str(written) => written,
                            _ => String::from("eq"),
                        };
                        (Some(op), data(self, 2))
                    }
                    _ => (None, data(self, 1)),
                };
                SqlExpr::Where {
                    left: data(self, 0),
                    op,
                    right,
                }
            }
        };
        Ok(self.sql_value(std::rc::Rc::new(expr)))
    }

    pub(super) fn sql_value(&self, expr: std::rc::Rc<crate::value::SqlExpr>) -> JsValue {
        host_object(self, Host::Sql(expr))
    }
}

fn host_object(interp: &Interpreter, host: Host) -> JsValue {
    JsValue::Object(Obj::new(Object::new(
        Kind::Host(host),
        Some(interp.realm.object_proto.clone()),
    )))
}

impl Interpreter {
    /// The class object of a model, made the first time (join models Sequelize creates).
    pub(super) fn model_value(&mut self, id: ModelId) -> JsValue {
        if self.model_classes.len() <= id {
            self.model_classes.resize(id + 1, None);
        }
        if let Some(class) = &self.model_classes[id] {
            return JsValue::Object(class.clone());
        }
        let class = Obj::new(Object::new(
            Kind::Function(Callable::Model(ModelClass { id, scope: None })),
            Some(self.realm.model_base.clone()),
        ));
        let prototype = Obj::new(Object::new(
            Kind::Plain,
            Some(self.realm.model_proto.clone()),
        ));
        prototype
            .borrow_mut()
            .set_hidden("constructor".into(), JsValue::Object(class.clone()));
        class
            .borrow_mut()
            .set_hidden("prototype".into(), JsValue::Object(prototype));
        self.model_classes[id] = Some(class.clone());
        JsValue::Object(class)
    }

    fn register_model_class(&mut self, id: ModelId, class: &Obj) {
        if self.model_classes.len() <= id {
            self.model_classes.resize(id + 1, None);
        }
        self.model_classes[id] = Some(class.clone());
    }

    /// The model a class object is, if it is one.
    pub(super) fn model_of(&self, object: &Obj) -> Option<ModelId> {
        match &object.borrow().kind {
            Kind::Function(Callable::Model(model)) => Some(model.id),
            Kind::Function(Callable::Class(class)) => *class.model.borrow(),
            _ => None,
        }
    }

    /// `DataTypes.STRING` and its kin as a value (callable: `STRING(50)`).
    pub(super) fn data_type_value(&self, data_type: DataType) -> JsValue {
        JsValue::Object(Obj::new(Object::new(
            Kind::Host(Host::DataType(data_type)),
            Some(self.realm.function_proto.clone()),
        )))
    }

    pub(super) fn call_data_type(&mut self, object: &Obj, args: Vec<JsValue>) -> Eval<JsValue> {
        let Kind::Host(Host::DataType(data_type)) = &object.borrow().kind else {
            return Ok(JsValue::Undefined);
        };
        let data_type = data_type.clone();
        let values: Vec<Value> = args.iter().map(|a| self.to_data(a)).collect();
        match super::options::data_type_call(data_type, &values) {
            Value::DataType(t) => Ok(self.data_type_value(t)),
            other => Ok(self.adopt(&other)),
        }
    }

    /// Properties of Sequelize's host objects.
    pub(super) fn host_property(
        &mut self,
        host: &Host,
        _object: &Obj,
        name: &str,
        span: Span,
    ) -> Eval<Option<JsValue>> {
        Ok(match host {
            Host::DataTypes => Some(self.data_type_member(name, span)),
            // `String(DataTypes.STRING(120))`: the type's SQL, as `toSql()` writes it.
            Host::DataType(_) if matches!(name, "toString" | "toSql") => {
                Some(self.native(name, data_type_sql))
            }
            Host::DataType(data_type) => match super::options::data_type_flag(data_type, name) {
                Value::DataType(t) => Some(self.data_type_value(t)),
                Value::Str(key) => Some(JsValue::str(&key)),
                _ => None,
            },
            Host::Op => Some(self.symbol(name, true)),
            Host::Models => self.schema.find_model(name).map(|id| self.model_value(id)),
            Host::Sql(expr) => expr
                .fields()
                .into_iter()
                .find(|(field, _)| *field == name)
                .map(|(_, value)| self.adopt(&value)),
            Host::Sequelize => match name {
                "models" => Some(self.models_object.clone()),
                "QueryTypes" => Some(self.query_types.clone()),
                "Sequelize" => Some(self.sequelize_module.clone()),
                "options" | "config" => {
                    let stored = match _object.borrow().own(&Key::Str("options".into())) {
                        Some(property) => match &property.slot {
                            Slot::Value(value) => Some(value.clone()),
                            _ => None,
                        },
                        None => None,
                    };
                    Some(stored.unwrap_or_else(|| {
                        let dialect = JsValue::str(self.dialect_name());
                        self.object_of(vec![("dialect", dialect)])
                    }))
                }
                _ => None,
            },
        })
    }

    /// The run's dialect as `sequelize.getDialect()` names it (`postgres` when the
    /// snippet only defines models).
    pub(super) fn dialect_name(&self) -> &'static str {
        self.runtime
            .as_ref()
            .map_or("postgres", |rt| rt.dialect().name())
    }

    /// `DataTypes.STRING` (and `Sequelize.STRING`): one object per type, as in
    /// Sequelize, so that `DataTypes.STRING === Sequelize.STRING`.
    pub(super) fn bare_data_type(&mut self, name: &str) -> JsValue {
        if let Some((_, value)) = self.bare_data_types.iter().find(|(n, _)| n == name) {
            return value.clone();
        }
        let value = self.data_type_value(DataType::new(name));
        self.bare_data_types.push((name.to_string(), value.clone()));
        value
    }

    fn data_type_member(&mut self, name: &str, span: Span) -> JsValue {
        if crate::sql::types::KNOWN_TYPES.contains(&name) {
            return self.bare_data_type(name);
        }
        // Real JavaScript gives undefined (and Sequelize complains later, at the attribute);
        // the learner needs to hear it here.
        let property_span = Span::new(span.end.saturating_sub(name.len()), span.end);
        let mut diagnostic = Diagnostic::error(
            property_span,
            format!("DataTypes has no type called '{name}'"),
        );
        if let Some(close) =
            crate::diagnostic::closest(name, crate::sql::types::KNOWN_TYPES.iter().copied())
        {
            diagnostic = diagnostic.with_hint(format!("did you mean DataTypes.{close}?"));
        }
        if !matches!(
            name,
            "then" | "toJSON" | "constructor" | "prototype" | "default"
        ) {
            self.note_once(property_span, "data type", diagnostic);
        }
        JsValue::Undefined
    }

    /// A model's own data: `User.name`, `tableName`, `rawAttributes`, `associations`, ….
    pub(super) fn model_property(
        &mut self,
        id: ModelId,
        name: &str,
        _receiver: &JsValue,
    ) -> Eval<Option<JsValue>> {
        let model = self.schema.model(id);
        Ok(Some(match name {
            "name" => JsValue::str(&model.name),
            "tableName" => JsValue::str(&model.table_name),
            "primaryKeyAttribute" => JsValue::str(model.primary_key_attribute().unwrap_or("id")),
            "primaryKeyAttributes" => {
                let key = JsValue::str(model.primary_key_attribute().unwrap_or("id"));
                self.array(vec![key])
            }
            "sequelize" => self.sequelize_instance.clone(),
            "options" => {
                let options = vec![
                    ("tableName", JsValue::str(&model.table_name)),
                    ("timestamps", JsValue::Bool(model.options.timestamps)),
                    ("paranoid", JsValue::Bool(model.options.paranoid)),
                    ("underscored", JsValue::Bool(model.options.underscored)),
                ];
                let names = self.object_of(vec![
                    ("plural", JsValue::str(&model.names.plural)),
                    ("singular", JsValue::str(&model.names.singular)),
                ]);
                let object = self.object_of(options);
                if let JsValue::Object(o) = &object {
                    o.borrow_mut().set_own(Key::Str("name".into()), names);
                }
                object
            }
            "rawAttributes" | "tableAttributes" => self.attributes_object(id),
            "associations" => self.associations_object(id),
            _ => return Ok(None),
        }))
    }

    fn attributes_object(&mut self, id: ModelId) -> JsValue {
        let attributes: Vec<(String, crate::schema::Attribute)> =
            self.schema.model(id).attributes.clone();
        let object = self.plain_object();
        for (name, attribute) in attributes {
            let definition = self.attribute_definition(id, &name, &attribute);
            if let JsValue::Object(o) = &object {
                o.borrow_mut()
                    .set_own(Key::Str(name.as_str().into()), definition);
            }
        }
        object
    }

    /// One entry of `rawAttributes`, as Sequelize keeps it: what was set (by the
    /// definition or an association), then `fieldName` and `field`.
    fn attribute_definition(
        &mut self,
        id: ModelId,
        name: &str,
        attribute: &crate::schema::Attribute,
    ) -> JsValue {
        use crate::schema::{DefaultValue, Unique};
        let mut entries: Vec<(&str, JsValue)> = Vec::new();
        if let Some(data_type) = &attribute.data_type {
            entries.push(("type", self.data_type_value(data_type.clone())));
            // An ENUM's attribute lists its values, as Sequelize copies them there.
            if data_type.key == "ENUM" {
                let values = data_type.values.iter().map(|v| JsValue::str(v)).collect();
                entries.push(("values", self.array(values)));
            }
        }
        let flags = [
            ("allowNull", attribute.allow_null),
            ("primaryKey", attribute.primary_key),
            ("autoIncrement", attribute.auto_increment),
        ];
        entries.extend(
            flags
                .iter()
                .filter_map(|(k, v)| Some((*k, JsValue::Bool((*v)?)))),
        );
        match &attribute.unique {
            Some(Unique::Flag(flag)) => entries.push(("unique", JsValue::Bool(*flag))),
            Some(Unique::Named(named)) => entries.push(("unique", JsValue::str(named))),
            None => {}
        }
        let default = match &attribute.default_value {
            Some(DefaultValue::Str(text)) => Some(JsValue::str(text)),
            Some(DefaultValue::Number(n)) => Some(JsValue::Number(*n)),
            Some(DefaultValue::Bool(b)) => Some(JsValue::Bool(*b)),
            Some(DefaultValue::Null) => Some(JsValue::Null),
            Some(DefaultValue::Date(ms)) => Some(self.date(*ms as f64)),
            Some(
                DefaultValue::Computed(_)
                | DefaultValue::List(_)
                | DefaultValue::Json(_)
                | DefaultValue::Sql(_),
            )
            | None => None,
        };
        entries.extend(default.map(|value| ("defaultValue", value)));
        if let Some(references) = &attribute.references {
            let text = |v: &Option<String>| v.as_deref().map_or(JsValue::Undefined, JsValue::str);
            let target = self.object_of(vec![
                ("model", text(&references.model)),
                ("key", text(&references.key)),
            ]);
            entries.push(("references", target));
        }
        let rules = [
            ("onDelete", &attribute.on_delete),
            ("onUpdate", &attribute.on_update),
        ];
        entries.extend(
            rules
                .iter()
                .filter_map(|(k, v)| Some((*k, JsValue::str(v.as_deref()?)))),
        );
        if let Some(comment) = &attribute.comment {
            entries.push(("comment", JsValue::str(comment)));
        }
        if attribute.auto_generated {
            entries.push(("_autoGenerated", JsValue::Bool(true)));
        }
        if let Some(class) = self.model_classes.get(id).cloned().flatten() {
            entries.push(("Model", JsValue::Object(class)));
        }
        let field = attribute.field.clone().unwrap_or_else(|| name.to_string());
        entries.push(("fieldName", JsValue::str(name)));
        entries.push(("_modelAttribute", JsValue::Bool(true)));
        entries.push(("field", JsValue::str(&field)));
        self.object_of(entries)
    }

    fn associations_object(&mut self, id: ModelId) -> JsValue {
        let associations = self.schema.model(id).associations.clone();
        let object = self.plain_object();
        for association in &associations {
            let value = self.association_object(association);
            if let JsValue::Object(o) = &object {
                o.borrow_mut()
                    .set_own(Key::Str(association.as_name.as_str().into()), value);
            }
        }
        object
    }

    /// An association as Sequelize 6's association classes show it: its type, models,
    /// alias and keys (each kind's own: `sourceKey`, `targetKey`/`identifier`, a
    /// belongsToMany's `otherKey` and `through.model`) and its `accessors`.
    fn association_object(&mut self, association: &crate::schema::Association) -> JsValue {
        let source = self.model_value(association.source);
        let target = self.model_value(association.target);
        let accessors: Vec<(&str, JsValue)> = association
            .accessors
            .iter()
            .map(|(kind, name)| (kind.key(), JsValue::str(name)))
            .collect();
        let accessors = self.object_of(accessors);
        let multiple = association.kind.is_multiple();
        let mut entries = vec![
            ("associationType", JsValue::str(association.kind.name())),
            ("source", source),
            ("target", target),
            ("isAliased", JsValue::Bool(association.is_aliased)),
            ("as", JsValue::str(&association.as_name)),
            ("associationAccessor", JsValue::str(&association.as_name)),
            ("foreignKey", JsValue::str(&association.foreign_key)),
        ];
        match multiple {
            true => entries.push(("isMultiAssociation", JsValue::Bool(true))),
            false => entries.push(("isSingleAssociation", JsValue::Bool(true))),
        }
        match association.kind {
            AssociationType::BelongsTo => {
                entries.push(("identifier", JsValue::str(&association.foreign_key)));
                entries.push(("targetKey", JsValue::str(&association.target_key)));
                entries.push(("targetIdentifier", JsValue::str(&association.target_key)));
            }
            AssociationType::HasOne | AssociationType::HasMany => {
                entries.push(("sourceKey", JsValue::str(&association.source_key)));
            }
            AssociationType::BelongsToMany => {
                entries.push(("sourceKey", JsValue::str(&association.source_key)));
                entries.push(("targetKey", JsValue::str(&association.target_key)));
                if let Some(other) = &association.other_key {
                    entries.push(("otherKey", JsValue::str(other)));
                }
                if let Some(through) = association.through {
                    let model = self.model_value(through);
                    let through = self.object_of(vec![("model", model.clone())]);
                    entries.push(("through", through));
                    entries.push(("throughModel", model));
                }
            }
        }
        entries.push(("accessors", accessors));
        self.object_of(entries)
    }

    /// `instance.key`.
    pub(super) fn instance_get(
        &mut self,
        instance: &crate::value::InstanceRef,
        key: &Key,
        span: Span,
    ) -> Eval<JsValue> {
        let Some(name) = key.as_str() else {
            return Ok(JsValue::Undefined);
        };
        if let Some(value) = self.get_through_getter(instance, name, span)? {
            return Ok(value);
        }
        let model = instance.borrow().model;
        let has_value = instance.borrow().get(name).is_some();
        if has_value || matches!(name, "dataValues" | "_previousDataValues" | "isNewRecord") {
            let value = calls::instance_property(instance, name);
            let attribute = self.schema.model(model).attribute(name).is_some();
            // `dataValues` is the instance's own object too: a key added to it is a value.
            if name == "dataValues"
                || attribute && matches!(value, Value::Object(_) | Value::Array(_))
            {
                return Ok(self.attribute_view(instance, name, &value));
            }
            return Ok(self.adopt(&value));
        }
        // The model's prototype: the snippet's own methods, then Model.prototype's.
        let class = self.model_value(model);
        let prototype = self.get(&class, &Key::from("prototype"), span)?;
        if let JsValue::Object(prototype) = &prototype {
            let found =
                self.get_from(prototype, key, &JsValue::Instance(instance.clone()), span)?;
            if !matches!(found, JsValue::Undefined) {
                return Ok(found);
            }
        }
        if self.schema.model(model).accessor(name).is_some() {
            return Ok(self.native(name, instance_method));
        }
        Ok(JsValue::Undefined)
    }

    pub(super) fn instance_set(
        &mut self,
        instance: &crate::value::InstanceRef,
        key: &Key,
        value: JsValue,
        span: Span,
    ) -> Eval<()> {
        if let Some(name) = key.as_str() {
            if self.set_through_setter(instance, name, value.clone(), span)? {
                return Ok(());
            }
            let data = self.to_data(&value);
            calls::assign(&self.schema, instance, name, data);
        }
        Ok(())
    }

    /// `new User({ … })`: `User.build`.
    pub(super) fn build_instance(
        &mut self,
        model: ModelId,
        args: Vec<JsValue>,
        span: Span,
    ) -> Eval<JsValue> {
        let mut args = args;
        if self.has_setters(model) && !args.is_empty() {
            args[0] = self.records_through_setters(model, &args[0], span)?;
        }
        self.supply_defaults(model, 1, span)?;
        self.model_query(model, "build", args, span)
    }

    /// For `Team.hasMny(…)` on a model: did you mean `hasMany`?
    pub(super) fn method_hint(
        &mut self,
        this: &JsValue,
        method: &str,
        object: &Expr,
    ) -> Option<String> {
        let receiver = object
            .path()
            .map(|p| p.join("."))
            .unwrap_or_else(|| "value".into());
        match this {
            JsValue::Object(o) if self.model_of(o).is_some() => {
                let id = self.model_of(o)?;
                let model = &self.schema.model(id).name;
                if self.schema.model(id).accessor(method).is_some() {
                    let one = lower_first(model);
                    return Some(format!(
                        "{method}() belongs to each {model}, not to the model: const {one} = await {receiver}.findByPk(1); await {one}.{method}()"
                    ));
                }
                let candidates = MODEL_STATICS.iter().chain(HOOK_STATICS).copied();
                crate::diagnostic::closest(method, candidates)
                    .map(|close| format!("did you mean {receiver}.{close}()?"))
            }
            JsValue::Instance(instance) => {
                let model = self.schema.model(instance.borrow().model);
                let names: Vec<&str> = model
                    .accessor_names()
                    .chain(INSTANCE_METHODS.iter().copied())
                    .collect();
                crate::diagnostic::closest(method, names.into_iter())
                    .map(|close| format!("did you mean {receiver}.{close}()?"))
            }
            JsValue::Object(o)
                if method == "import" && matches!(o.borrow().kind, Kind::Host(Host::Sequelize)) =>
            {
                Some(format!(
                    "Sequelize 6 removed {receiver}.import (it was Sequelize 5's): call the file's factory yourself, require('./user')({receiver}, DataTypes)"
                ))
            }
            JsValue::Object(o) if matches!(o.borrow().kind, Kind::Host(Host::Sequelize)) => {
                crate::diagnostic::closest(method, SEQUELIZE_METHODS.iter().copied())
                    .map(|close| format!("did you mean {receiver}.{close}()?"))
            }
            _ if self.is_promise(this) => Some(format!(
                "{receiver} is a promise: await the call that made it"
            )),
            JsValue::Object(o) => {
                let names: Vec<String> = o
                    .borrow()
                    .props
                    .iter()
                    .filter_map(|p| p.key.as_str().map(str::to_string))
                    .collect();
                crate::diagnostic::closest(method, names.iter().map(String::as_str))
                    .map(|close| format!("did you mean {receiver}.{close}()?"))
            }
            _ => None,
        }
    }

    /// The receiver of a definition call whose name the snippet never defined: tutorial
    /// excerpts leave their set-up out, so `db.define(…)` gets the Sequelize instance and
    /// `Users.hasOne(…)` a stand-in model, each with a warning (Node would stop with a
    /// ReferenceError; the excerpt is still worth showing).
    pub(super) fn stand_in_receiver(
        &mut self,
        object: &Expr,
        method: &str,
        env: &Env,
    ) -> Eval<Option<JsValue>> {
        let ExprKind::Ident(name) = &object.kind else {
            return Ok(None);
        };
        if env.lookup(name).is_some() {
            return Ok(None);
        }
        if method == "define" {
            if !self.stubbed.iter().any(|s| s == name) {
                self.stubbed.push(name.to_string());
                self.diagnostics.push(
                    Diagnostic::warning(object.span, format!("'{name}' is not defined in this snippet; the playground takes it for the Sequelize instance"))
                        .with_hint(format!("define it first: const {name} = new Sequelize('sqlite::memory:');")),
                );
            }
            let instance = self.sequelize_instance.clone();
            self.global.declare(name, instance.clone(), true);
            return Ok(Some(instance));
        }
        if !is_association(method) {
            return Ok(None);
        }
        self.stand_in_model(name, object.span, env).map(Some)
    }

    /// Whether the arguments of `callee(…)` may name models the snippet never defined
    /// (see [`Self::stand_in_receiver`]): those of `define`, `init` and associations.
    pub(super) fn takes_stand_ins(callee: &Expr) -> bool {
        matches!(&callee.kind, ExprKind::Member { property, .. }
            if is_association(&property.name) || matches!(property.name.as_str(), "define" | "init"))
    }

    /// An undefined name read where a model is expected, in the arguments of a definition
    /// call: a stand-in model when it is written as one (`Users`), else `None`.
    pub(super) fn stand_in_name(
        &mut self,
        name: &str,
        span: Span,
        env: &Env,
    ) -> Eval<Option<JsValue>> {
        if self.stand_ins == 0 || !name.starts_with(|c: char| c.is_ascii_uppercase()) {
            return Ok(None);
        }
        self.stand_in_model(name, span, env).map(Some)
    }

    fn stand_in_model(&mut self, name: &str, span: Span, env: &Env) -> Eval<JsValue> {
        let known = env.names();
        if let Some(close) = crate::diagnostic::closest(name, known.iter().map(String::as_str)) {
            self.diagnostics.push(
                Diagnostic::note(span, format!("did you mean {close}?"))
                    .with_hint(format!("{close} is defined in this snippet; {name} is not")),
            );
            return Err(self.error(
                SequelizeError::reference_error(format!("{name} is not defined")),
                span,
            ));
        }
        let model_name = lower_first(name);
        if let Some(id) = self.schema.find_model(&model_name) {
            return Ok(self.model_value(id));
        }
        if !self.stubbed.iter().any(|s| s == name) {
            self.stubbed.push(name.to_string());
            self.diagnostics.push(
                Diagnostic::warning(
                    span,
                    format!("'{name}' is not defined in this snippet; the playground stands in sequelize.define('{model_name}', {{}}) for it"),
                )
                .with_hint(format!("define it first: const {name} = sequelize.define('{model_name}', {{ name: DataTypes.STRING }});")),
            );
        }
        let id = self
            .schema
            .define(&model_name, Vec::new(), Default::default(), span)
            .map_err(|error| self.error(error, span))?;
        let value = self.model_value(id);
        self.global.declare(name, value.clone(), true);
        Ok(value)
    }

    /// `require(name)`: Sequelize, the Node modules a models folder uses, and stand-ins
    /// for other npm modules (with a note).
    pub(super) fn require_value(
        &mut self,
        source: &JsValue,
        span: Span,
        env: &Env,
    ) -> Eval<JsValue> {
        let dir = self.module_dir(env);
        self.require_in(&dir, source, span)
    }

    /// `require(source)` from a module in `dir`.
    pub(super) fn require_in(&mut self, dir: &str, source: &JsValue, span: Span) -> Eval<JsValue> {
        let Some(name) = source.as_str().map(str::to_string) else {
            return self.type_error("The \"id\" argument must be of type string", span);
        };
        if let Some(exports) = self.require_file(&name, dir)? {
            return Ok(exports);
        }
        Ok(match name.as_str() {
            "fs" | "node:fs" => self.fs_module(),
            "process" | "node:process" => self
                .global
                .lookup("process")
                .map_or(JsValue::Undefined, |b| b.value),
            "sequelize" | "@sequelize/core" => self.sequelize_module.clone(),
            "path" | "node:path" => self.path_module(),
            "util" | "node:util" => self.util_module(),
            "dotenv" => {
                let config = self.native("config", returns_empty_object);
                self.object_of(vec![("config", config)])
            }
            _ => {
                let what = if name.starts_with('.') {
                    format!("the file '{name}'")
                } else {
                    format!("the npm module '{name}'")
                };
                let known = KNOWN_MODULES.contains(&name.as_str()) || !name.starts_with('.');
                let message = if name.starts_with('.') {
                    format!("The playground has no file '{name}'; what it exports is not modeled")
                } else {
                    format!("The playground stands in an inert object for '{name}': what the snippet does with it is not run")
                };
                let diagnostic = if known {
                    Diagnostic::note(span, message)
                } else {
                    Diagnostic::warning(span, message)
                };
                let diagnostic = if name.starts_with('.') {
                    diagnostic.with_hint("paste the models that file defines into this snippet")
                } else {
                    diagnostic
                };
                self.note_once(span, "require", diagnostic);
                JsValue::Opaque(what.into())
            }
        })
    }

    fn fs_module(&mut self) -> JsValue {
        let object = self.plain_object();
        if let JsValue::Object(o) = &object {
            install_named(
                self,
                o,
                &["readdirSync", "existsSync", "readFileSync"],
                fs_method,
            );
        }
        object
    }

    /// Node's `util`: `inspect` and `format`, as console.log prints.
    fn util_module(&mut self) -> JsValue {
        let object = self.plain_object();
        if let JsValue::Object(o) = &object {
            install_named(self, o, &["inspect", "format"], util_method);
        }
        object
    }

    fn path_module(&mut self) -> JsValue {
        let object = self.plain_object();
        if let JsValue::Object(o) = &object {
            install_named(
                self,
                o,
                &["join", "resolve", "basename", "extname", "dirname"],
                path_method,
            );
            o.borrow_mut().set_own("sep".into(), JsValue::str("/"));
        }
        object
    }

    /// `Model.method(args)` on the runtime, or, without one, a promise of a value the
    /// analysis does not know.
    /// `sequelize.query(sql, options)` of a SELECT: a promise of its rows.
    fn raw_query(&mut self, call: &Call<'_>) -> Eval<JsValue> {
        let sql = self.string_of(&call.arg(0), call.arg_span(0))?;
        let options = self.to_data(&call.arg(1));
        let schema = &self.schema;
        let rt = self.runtime.as_mut().expect("checked");
        match calls::raw_query(rt, schema, &sql, &options) {
            Ok(value) => {
                let value = self.adopt(&value);
                Ok(self.resolved(value))
            }
            Err(error) => match self.error(error, call.span) {
                Flow::Throw(exception) => Ok(self.rejected(exception.value, exception.span)),
                flow => Err(flow),
            },
        }
    }

    /// A query on a model (or a scoped model): its scope merged into its options.
    pub(super) fn scoped_query(
        &mut self,
        id: ModelId,
        method: &str,
        call: &Call<'_>,
    ) -> Eval<JsValue> {
        let mut values: Vec<Value> = call.args.iter().map(|a| self.to_data(a)).collect();
        let method = self.with_scopes(&call.this, id, method, &mut values);
        self.model_query_values(id, method, values, call.span)
    }

    fn model_query(
        &mut self,
        id: ModelId,
        method: &str,
        args: Vec<JsValue>,
        span: Span,
    ) -> Eval<JsValue> {
        let values: Vec<Value> = args.iter().map(|a| self.to_data(a)).collect();
        self.model_query_values(id, method, values, span)
    }

    fn model_query_values(
        &mut self,
        id: ModelId,
        method: &str,
        values: Vec<Value>,
        span: Span,
    ) -> Eval<JsValue> {
        let promised = method != "build";
        let result = if self.runtime.is_some() && calls::MODEL_METHODS.contains(&method) {
            let schema = &self.schema;
            let rt = self.runtime.as_mut().expect("checked");
            let outcome = calls::model_call(rt, schema, id, method, &values);
            self.settle_defaults(span);
            match outcome {
                Ok(value) => self.adopt(&value),
                Err(error) => {
                    let flow = self.error(error, span);
                    return match (promised, flow) {
                        (true, Flow::Throw(exception)) => {
                            Ok(self.rejected(exception.value, exception.span))
                        }
                        (_, flow) => Err(flow),
                    };
                }
            }
        } else if self.runtime.is_some() {
            let model = upper_first(&self.schema.model(id).name);
            self.diagnostics.push(
                Diagnostic::warning(span, format!("The playground does not run {model}.{method}() yet; its result is not modeled"))
                    .with_hint("the tables and the other calls still run"),
            );
            JsValue::Opaque(format!("the result of {model}.{method}()").into())
        } else {
            JsValue::Opaque(
                format!("the result of {method}() (queries run when you press Run)").into(),
            )
        };
        Ok(if promised {
            self.resolved(result)
        } else {
            result
        })
    }

    /// `sequelize.define(modelName, attributes, options)`.
    fn define(&mut self, call: &Call<'_>) -> Eval<JsValue> {
        self.check_model_budget(call.span)?;
        let values: Vec<Value> = call.args.iter().map(|a| self.to_data(a)).collect();
        let name = match values.first() {
            Some(Value::Str(name)) => name.clone(),
            _ => {
                return Err(self.error(
                    SequelizeError::plain(
                        "sequelize.define needs the model name as its first argument",
                    ),
                    call.arg_span(0),
                ));
            }
        };
        let attributes = self.attributes(values.get(1), call.arg_exprs.get(1), call.span)?;
        let own = self.with_define_defaults(values.get(2), call.span)?;
        let options = self.model_options(own.as_ref(), call.arg_exprs.get(2))?;
        match self.schema.define(&name, attributes, options, call.span) {
            Ok(id) => {
                self.add_hooks_option(id, &call.arg(2), call.span)?;
                self.add_define_hooks(id, call.span)?;
                self.add_scopes_option(id, &call.arg(2), call.span)?;
                self.add_attribute_accessors(id, &call.arg(1), &call.arg(2), call.span)?;
                self.add_default_functions(id, &call.arg(1), call.span)?;
                self.add_validator_functions(id, &call.arg(1), &call.arg(2), call.span)?;
                Ok(self.model_value(id))
            }
            Err(error) => Err(self.error(error, call.span)),
        }
    }

    /// A model's options over the defaults `new Sequelize(…, { define })` gave, as
    /// Sequelize merges them.
    fn with_define_defaults(&mut self, own: Option<&Value>, span: Span) -> Eval<Option<Value>> {
        let instance = self.sequelize_instance.clone();
        let options = self.get(&instance, &Key::Str("options".into()), span)?;
        let define = self.get(&options, &Key::Str("define".into()), span)?;
        let Value::Object(mut merged) = self.to_data(&define) else {
            return Ok(own.cloned());
        };
        match own {
            None | Some(Value::Undefined) => {}
            Some(Value::Object(entries)) => {
                for (key, value) in entries {
                    match merged.iter_mut().find(|(k, _)| k == key) {
                        Some(slot) => slot.1 = value.clone(),
                        None => merged.push((key.clone(), value.clone())),
                    }
                }
            }
            Some(other) => return Ok(Some(other.clone())),
        }
        Ok(Some(Value::Object(merged)))
    }

    /// `User.init(attributes, { sequelize, modelName, … })` on a class.
    fn init(&mut self, call: &Call<'_>) -> Eval<JsValue> {
        self.check_model_budget(call.span)?;
        let JsValue::Object(class) = &call.this else {
            return self.type_error(
                "Model.init must be called on a class that extends Model",
                call.span,
            );
        };
        let values: Vec<Value> = call.args.iter().map(|a| self.to_data(a)).collect();
        let options_value = values.get(1);
        let has_instance = options_value
            .and_then(|o| o.get("sequelize"))
            .is_some_and(|v| matches!(v, Value::Sequelize));
        if !has_instance {
            return Err(self.error(
                SequelizeError::plain("No Sequelize instance passed"),
                call.span,
            ));
        }
        let class_name = match &class.borrow().kind {
            Kind::Function(callable) => self.function_name(callable),
            _ => String::new(),
        };
        let name = options_value
            .and_then(|o| o.get("modelName"))
            .and_then(Value::as_str)
            .map_or(class_name, str::to_string);
        let attributes = self.attributes(values.first(), call.arg_exprs.first(), call.span)?;
        let own = self.with_define_defaults(options_value, call.span)?;
        let options = self.model_options(own.as_ref(), call.arg_exprs.get(1))?;
        let id = self
            .schema
            .define(&name, attributes, options, call.span)
            .map_err(|e| self.error(e, call.span))?;
        if let Kind::Function(Callable::Class(c)) = &class.borrow().kind {
            *c.model.borrow_mut() = Some(id);
        }
        // `init` names the class after its modelName (`Object.defineProperty(this, 'name')`).
        class
            .borrow_mut()
            .set_hidden("name".into(), JsValue::str(&name));
        self.register_model_class(id, class);
        self.add_hooks_option(id, &call.arg(1), call.span)?;
        self.add_define_hooks(id, call.span)?;
        self.add_scopes_option(id, &call.arg(1), call.span)?;
        self.add_attribute_accessors(id, &call.arg(0), &call.arg(1), call.span)?;
        self.add_default_functions(id, &call.arg(0), call.span)?;
        self.add_validator_functions(id, &call.arg(0), &call.arg(1), call.span)?;
        Ok(call.this.clone())
    }

    fn check_model_budget(&mut self, span: Span) -> Eval<()> {
        if self.schema.models.len() >= self.limits.max_models {
            return Err(self.error(
                SequelizeError::plain(format!(
                    "The playground stops at {} models",
                    self.limits.max_models
                ))
                .with_hint("an example that teaches needs a handful of models"),
                span,
            ));
        }
        Ok(())
    }

    fn associate(
        &mut self,
        source: ModelId,
        kind: AssociationType,
        call: &Call<'_>,
    ) -> Eval<JsValue> {
        let values: Vec<Value> = call.args.iter().map(|a| self.to_data(a)).collect();
        let target = match values.first() {
            Some(Value::Model(id)) => *id,
            other => {
                let source_name = self.schema.model(source).name.clone();
                let method = kind.method();
                let receiver = upper_first(&source_name);
                let hint = match other {
                    Some(Value::Str(name)) => format!("pass the model itself, not its name: {receiver}.{method}({name})"),
                    Some(Value::Undefined) | None => format!(
                        "the model passed is undefined here: is it defined above this line, or spelled differently? {receiver}.{method}(OtherModel)"
                    ),
                    _ => format!("pass a model made with sequelize.define: {receiver}.{method}(OtherModel)"),
                };
                return Err(self.error(
                    SequelizeError::plain(format!("{source_name}.{method} called with something that's not a subclass of Sequelize.Model")).with_hint(hint),
                    call.arg_span(0),
                ));
            }
        };
        let options = self.association_options(kind, values.get(1), call.arg_exprs.get(1))?;
        let span = call.span;
        let result = match kind {
            AssociationType::BelongsTo => self.schema.belongs_to(source, target, options, span),
            AssociationType::HasOne => self.schema.has_one(source, target, options, span),
            AssociationType::HasMany => self.schema.has_many(source, target, options, span),
            AssociationType::BelongsToMany => {
                self.schema.belongs_to_many(source, target, options, span)
            }
        };
        match result {
            Ok(()) => {
                let made = self.schema.model(source).associations.last().cloned();
                Ok(match made {
                    Some(association) => self.association_object(&association),
                    None => self.object_of(vec![("associationType", JsValue::str(kind.name()))]),
                })
            }
            Err(error) => Err(self.error(error, span)),
        }
    }

    /// `Owner.create({ name, pugs: [...] })` with no `{ include }`: Sequelize saves the
    /// owner and drops the pugs without a word.
    fn note_associations_without_include(&mut self, model: ModelId, call: &Call<'_>, method: &str) {
        let Some(ExprKind::Object(properties)) = call.arg_exprs.first().map(|a| &a.kind) else {
            return;
        };
        let has_include = matches!(call.arg_exprs.get(1).map(|a| &a.kind), Some(ExprKind::Object(options))
            if options.iter().any(|o| matches!(&o.key, PropertyKey::Named(k) if k.name == "include")));
        if has_include {
            return;
        }
        let receiver = call
            .callee
            .and_then(|c| match &c.kind {
                ExprKind::Member { object, .. } => object.path().map(|p| p.join(".")),
                _ => None,
            })
            .unwrap_or_else(|| upper_first(&self.schema.model(model).name));
        let model = self.schema.model(model);
        let mut notes = Vec::new();
        for property in properties {
            let PropertyKey::Named(key) = &property.key else {
                continue;
            };
            let Some(association) = model.associations.iter().find(|a| a.as_name == key.name)
            else {
                continue;
            };
            let target = upper_first(&self.schema.model(association.target).name);
            let include = if association.is_aliased {
                format!("{{ model: {target}, as: '{}' }}", association.as_name)
            } else {
                target
            };
            notes.push(
                Diagnostic::warning(
                    property.span,
                    format!(
                        "{} is an association of {}: without {{ include }} Sequelize creates the {} alone and ignores {}",
                        key.name, model.name, model.name, key.name
                    ),
                )
                .with_hint(format!("pass it in the options: {receiver}.{method}({{ …, {}: … }}, {{ include: [{include}] }})", key.name)),
            );
        }
        self.diagnostics.extend(notes);
    }

    /// `console.log(…)`: a shown value in the run's steps.
    fn show(&mut self, method: &str, call: &Call<'_>) {
        for (i, value) in call.args.iter().enumerate() {
            if self.is_promise(value) {
                if let Some(expr) = call.arg_exprs.get(i) {
                    self.note_unawaited(expr);
                }
            }
        }
        if !matches!(
            method,
            "log" | "info" | "warn" | "error" | "debug" | "table" | "dir" | "trace"
        ) {
            return;
        }
        if self.runtime.is_none() {
            return;
        }
        let values: Vec<Value> = call.args.iter().map(|a| self.to_data(a)).collect();
        let value = values
            .first()
            .map_or(serde_json::Value::Null, crate::value::to_json);
        // console.dir's second argument is its options, not printed.
        let label = (values.len() > 1 && method != "dir")
            .then(|| values[1..].iter().map(crate::value::to_json).collect());
        let printed = match method {
            "table" => self.table_printed(&call.args),
            "dir" => call.args.first().and_then(|first| {
                self.printed(std::slice::from_ref(first))?;
                Some(self.inspected(first, &call.args[1..]))
            }),
            _ => self.printed(&call.args),
        };
        if let Some(runtime) = self.runtime.as_mut() {
            let end = StepEnd::Show {
                value,
                label,
                printed,
            };
            match method {
                "error" | "warn" | "trace" => runtime.end_step_on_stderr(end),
                _ => runtime.end_step(end),
            }
        }
    }
}

fn is_association(method: &str) -> bool {
    matches!(method, "hasOne" | "belongsTo" | "hasMany" | "belongsToMany")
}

fn model_called(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    interp.type_error(
        "Class constructor Model cannot be invoked without 'new'",
        call.span,
    )
}

fn sequelize_called(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    interp.type_error(
        "Class constructor Sequelize cannot be invoked without 'new'",
        call.span,
    )
}

/// `new Sequelize(…)`, in any of its signatures: it stands for the playground's database.
/// Its options' `define` (`{ define: { underscored: true } }`) is every model's defaults,
/// kept as the instance's `options.define`.
pub(super) fn construct(interp: &mut Interpreter, call: Call<'_>) -> Eval<JsValue> {
    let instance = interp.sequelize_instance.clone();
    let options = call
        .args
        .iter()
        .rev()
        .find(|a| matches!(a, JsValue::Object(o) if matches!(o.borrow().kind, Kind::Plain)));
    if let Some(options) = options.cloned() {
        // `new Sequelize(…, { hooks })`: hooks of every model.
        interp.add_universal_hooks_option(&options, call.span)?;
        let define = interp.get(&options, &Key::Str("define".into()), call.span)?;
        if let (JsValue::Object(_), JsValue::Object(o)) = (&define, &instance) {
            let stored = interp.object_of(vec![
                ("dialect", JsValue::str(interp.dialect_name())),
                ("define", define),
            ]);
            o.borrow_mut().set_hidden("options".into(), stored);
        }
    }
    Ok(instance)
}

fn model_static(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    interp.answered_later(|interp| model_static_body(interp, native, call))
}

fn model_static_body(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    let method = native.name.clone();
    let mut call = call;
    let model = match &call.this {
        JsValue::Object(o) => interp.model_of(o),
        _ => None,
    };
    if let (Some(id), "create" | "build" | "bulkCreate") = (model, &*method) {
        if interp.has_setters(id) && !call.args.is_empty() {
            call.args[0] = interp.records_through_setters(id, &call.args[0], call.span)?;
        }
    }
    if let Some(id) = model {
        let records = Interpreter::records_built(&method, &call.arg(0));
        interp.supply_defaults(id, records, call.span)?;
        if &*method == "create" && matches!(call.arg(1), JsValue::Object(_)) {
            let include = interp.get(&call.arg(1), &Key::Str("include".into()), call.span)?;
            interp.supply_nested_defaults(id, &call.arg(0), &include, call.span)?;
        }
    }
    if &*method == "init" {
        return interp.init(&call);
    }
    let model = match &call.this {
        JsValue::Object(o) => interp.model_of(o),
        _ => None,
    };
    let Some(id) = model else {
        let name = match &call.this {
            JsValue::Object(o) => match &o.borrow().kind {
                Kind::Function(callable) => interp.function_name(callable),
                _ => "Model".into(),
            },
            _ => "Model".into(),
        };
        return Err(interp.error(
            SequelizeError::plain(format!("Model {name} has not been initialized: call {name}.init(attributes, {{ sequelize }}) before {name}.{method}()")),
            call.span,
        ));
    };
    match &*method {
        "hasOne" => interp.associate(id, AssociationType::HasOne, &call),
        "belongsTo" => interp.associate(id, AssociationType::BelongsTo, &call),
        "hasMany" => interp.associate(id, AssociationType::HasMany, &call),
        "belongsToMany" => interp.associate(id, AssociationType::BelongsToMany, &call),
        "getTableName" => Ok(JsValue::str(&interp.schema.model(id).table_name.clone())),
        "bulkBuild" => {
            // Each record built as `build` builds it, in order.
            let records = interp.array_like(&call.arg(0))?;
            let mut built = Vec::with_capacity(records.len());
            for record in records {
                built.push(interp.build_instance(id, vec![record, call.arg(1)], call.span)?);
            }
            Ok(interp.array(built))
        }
        "getAttributes" => Ok(interp.attributes_object(id)),
        "addHook" => interp.add_hook_call(Some(id), &call),
        "addScope" => interp.add_scope_call(id, &call),
        "scope" => interp.scope_call(id, &call, &call.args),
        "unscoped" => interp.scope_call(id, &call, &[]),
        "hasHook" | "hasHooks" => {
            let name = interp.string_of(&call.arg(0), call.span)?;
            Ok(interp.has_hook(id, &name))
        }
        "removeHook" => {
            let name = interp.string_of(&call.arg(0), call.span)?;
            interp.remove_hooks(id, &name, &call.arg(1));
            Ok(call.this.clone())
        }
        "removeAttribute" | "describe" => {
            interp.diagnostics.push(
                Diagnostic::warning(call.span, format!("The playground does not run {method}() yet; the model is used as if it were not called"))
                    .with_hint("the tables and queries are shown without it"),
            );
            Ok(call.this.clone())
        }
        _ => {
            if matches!(&*method, "create" | "build") {
                interp.note_associations_without_include(id, &call, &method);
            }
            if &*method == "create"
                && interp.runtime.is_some()
                && (interp.has_hooks(id, hooks::CREATE) || interp.has_validator_functions(id))
            {
                return interp.create_with_hooks(id, &call);
            }
            if &*method == "bulkCreate"
                && interp.runtime.is_some()
                && (interp.has_hooks(id, hooks::BULK_CREATE)
                    || interp.individual_hooks(&call, "bulkCreate")
                        && interp.has_hooks(id, hooks::CREATE))
            {
                return interp.bulk_create_with_hooks(id, &call);
            }
            if interp.runtime.is_some() && interp.individual_hooks(&call, &method) {
                let row_hooks = match &*method {
                    "update" => Some(hooks::UPDATE),
                    "destroy" => Some(hooks::DESTROY),
                    _ => None,
                };
                if row_hooks.is_some_and(|hooks| interp.has_hooks(id, hooks)) {
                    return interp.with_row_hooks(id, &call, &method);
                }
            }
            let find_hooks = match &*method {
                "findAll" | "findOne" | "findByPk" => Some(hooks::FIND),
                "count" => Some(hooks::COUNT),
                _ => None,
            };
            let hooked_find_and_count =
                interp.has_hooks(id, hooks::FIND) || interp.has_hooks(id, hooks::COUNT);
            if &*method == "findAndCountAll" && interp.runtime.is_some() && hooked_find_and_count {
                return interp.find_and_count_with_hooks(id, &call);
            }
            if interp.runtime.is_some() && find_hooks.is_some_and(|h| interp.has_hooks(id, h)) {
                return interp.find_with_hooks(id, &method, &call, |interp, method, call| {
                    interp.scoped_query(id, method, &call)
                });
            }
            if &*method == "update" && interp.has_validator_functions(id) {
                interp.validate_update_values(id, &call)?;
            }
            interp.scoped_query(id, &method, &call)
        }
    }
}

/// `Model.beforeCreate(fn)` and the like: the hook kept for the model.
/// A data type's `toString()`/`toSql()`: its SQL for the run's dialect.
fn data_type_sql(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let JsValue::Object(object) = &call.this else {
        return Ok(JsValue::Undefined);
    };
    let Kind::Host(Host::DataType(data_type)) = &object.borrow().kind else {
        return Ok(JsValue::Undefined);
    };
    let dialect = interp
        .runtime
        .as_ref()
        .map_or(crate::sql::Dialect::Postgres, |rt| rt.dialect());
    Ok(JsValue::str(&data_type.sql(dialect)))
}

fn hook_static(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    let model = match &call.this {
        JsValue::Object(o) => interp.model_of(o),
        _ => None,
    };
    let function = call.args.iter().rev().find(|a| a.is_callable()).cloned();
    if let (Some(model), Some(function)) = (model, function) {
        interp.add_hook(model, &native.name, function, call.span);
    }
    Ok(JsValue::Undefined)
}

impl Interpreter {
    /// `Model.create(values, options)` for a model with hooks: the instance built, the
    /// hooks before a create run on it (and may change it), its save, the hooks after.
    /// `owner.createPug(values)` when the target has create hooks: as Sequelize's
    /// association does it, `Pug.create({ ...values, ownerId })` with its hooks (a
    /// belongsTo creates the target, then sets it on the source).
    fn association_create_with_hooks(
        &mut self,
        method: &str,
        call: &Call<'_>,
    ) -> Eval<Option<JsValue>> {
        let Some((instance, association, crate::schema::AccessorKind::Create)) =
            self.run_accessor(method, call)
        else {
            return Ok(None);
        };
        if !self.has_hooks(association.target, hooks::CREATE)
            || association.kind == AssociationType::BelongsToMany
        {
            return Ok(None);
        }
        let given = call.arg(0);
        let values = match &given {
            JsValue::Object(_) => self.to_data(&given),
            _ => Value::Object(Vec::new()),
        };
        let target_class = self.model_value(association.target);
        let created = if association.kind == AssociationType::BelongsTo {
            let create = Call {
                this: target_class,
                args: vec![self.adopt(&values), call.arg(1)],
                span: call.span,
                callee: None,
                arg_exprs: &[],
            };
            let setter = association
                .accessors
                .iter()
                .find(|(kind, _)| *kind == crate::schema::AccessorKind::Set)
                .map(|(_, name)| name.clone())
                .unwrap_or_default();
            let outcome = self
                .create_with_hooks(association.target, &create)
                .and_then(|created| {
                    let new_instance = self.await_value(created, call.span)?;
                    let set = Call {
                        this: call.this.clone(),
                        args: vec![new_instance.clone(), call.arg(1)],
                        span: call.span,
                        callee: None,
                        arg_exprs: &[],
                    };
                    let done = self.instance_call_unhooked(&setter, set)?;
                    self.await_value(done, call.span)?;
                    Ok(new_instance)
                });
            match outcome {
                Ok(new_instance) => self.resolved(new_instance),
                Err(Flow::Throw(exception)) => self.rejected(exception.value, exception.span),
                Err(flow) => return Err(flow),
            }
        } else {
            let key = instance
                .borrow()
                .get(&association.source_key)
                .cloned()
                .unwrap_or(Value::Null);
            let mut props = match values {
                Value::Object(props) => props,
                _ => Vec::new(),
            };
            props.retain(|(k, _)| *k != association.foreign_key);
            props.push((association.foreign_key.clone(), key));
            let create = Call {
                this: target_class,
                args: vec![self.adopt(&Value::Object(props)), call.arg(1)],
                span: call.span,
                callee: None,
                arg_exprs: &[],
            };
            self.create_with_hooks(association.target, &create)?
        };
        Ok(Some(created))
    }

    /// Before an instance's destroy: for each of its hasOne/hasMany associations with
    /// `onDelete: 'CASCADE', hooks: true`, Sequelize reads the rows (the getter's
    /// SELECT) and destroys each one itself, so that their hooks run.
    fn destroy_children_with_hooks(
        &mut self,
        instance: &crate::value::InstanceRef,
        span: Span,
    ) -> Eval<()> {
        let model = instance.borrow().model;
        let getters: Vec<String> = self
            .schema
            .model(model)
            .associations
            .iter()
            .filter(|a| {
                a.options.hooks
                    && matches!(a.kind, AssociationType::HasMany | AssociationType::HasOne)
                    && a.options
                        .on_delete
                        .as_deref()
                        .is_some_and(|d| d.eq_ignore_ascii_case("cascade"))
            })
            .filter_map(|a| {
                a.accessors
                    .iter()
                    .find(|(kind, _)| *kind == crate::schema::AccessorKind::Get)
                    .map(|(_, name)| name.clone())
            })
            .collect();
        let this = JsValue::Instance(instance.clone());
        for getter in getters {
            let get = self.get(&this, &Key::from(getter.as_str()), span)?;
            let found = self.call_function(&get, this.clone(), Vec::new(), span, None)?;
            let found = self.await_value(found, span)?;
            let children = match &found {
                JsValue::Object(o) => match &o.borrow().kind {
                    Kind::Array(items) => items.clone(),
                    _ => Vec::new(),
                },
                JsValue::Instance(_) => vec![found.clone()],
                _ => Vec::new(),
            };
            for child in children {
                let destroy = self.get(&child, &Key::from("destroy"), span)?;
                let done = self.call_function(&destroy, child.clone(), Vec::new(), span, None)?;
                self.await_value(done, span)?;
            }
        }
        Ok(())
    }

    fn create_with_hooks(&mut self, id: ModelId, call: &Call<'_>) -> Eval<JsValue> {
        let built = self.model_query(id, "build", call.args.clone(), call.span)?;
        let options = self.hook_options(call.arg(1));
        let args = [built.clone(), options.clone()];
        self.around_hooks(id, hooks::CREATE, &args, call.span, |interp| {
            let save = Call {
                this: built.clone(),
                args: vec![options.clone()],
                span: call.span,
                callee: None,
                arg_exprs: &[],
            };
            interp.instance_call_unhooked("save", save)
        })
    }
}

impl Interpreter {
    /// Whether the call's options (the last argument Sequelize takes: `destroy`'s
    /// first, the others' second) ask for `individualHooks`.
    fn individual_hooks(&self, call: &Call<'_>, method: &str) -> bool {
        let at = usize::from(method != "destroy");
        self.to_data(&call.arg(at))
            .get("individualHooks")
            .is_some_and(Value::truthy)
    }

    /// The options of `call` (its argument `at`) without `individualHooks`, the same
    /// values otherwise (a transaction stays the very object).
    fn without_individual_hooks(&mut self, call: &Call<'_>, at: usize) -> JsValue {
        let copy = self.plain_object();
        if let (JsValue::Object(from), JsValue::Object(to)) = (call.arg(at), &copy) {
            let props: Vec<_> = from
                .borrow()
                .props
                .iter()
                .filter(|p| p.key != Key::Str("individualHooks".into()))
                .filter_map(|p| match &p.slot {
                    Slot::Value(v) => Some((p.key.clone(), v.clone())),
                    _ => None,
                })
                .collect();
            for (key, value) in props {
                to.borrow_mut().set_own(key, value);
            }
        }
        copy
    }

    /// The rows `where` selects, read as Sequelize reads them before running each one's
    /// hooks (a findAll of the options' `keys`: an update's where and paranoid, a
    /// destroy's where).
    fn rows_for_individual_hooks(
        &mut self,
        id: ModelId,
        call: &Call<'_>,
        at: usize,
        keys: &[&str],
    ) -> Eval<Vec<JsValue>> {
        let options = self.to_data(&call.arg(at));
        let read: Vec<(String, Value)> = keys
            .iter()
            .filter_map(|key| options.get(key).map(|v| (key.to_string(), v.clone())))
            .collect();
        let found = self.model_query_values(id, "findAll", vec![Value::Object(read)], call.span)?;
        let found = self.await_value(found, call.span)?;
        Ok(match &found {
            JsValue::Object(o) => match &o.borrow().kind {
                Kind::Array(items) => items.clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        })
    }

    /// `Model.update(values, { where, individualHooks: true })` and `Model.destroy({
    /// where, individualHooks: true })`, as Sequelize runs them: each row read (and, for
    /// an update, given the values), each one's before hooks, the one UPDATE or DELETE,
    /// then each row's after hooks.
    fn with_row_hooks(&mut self, id: ModelId, call: &Call<'_>, method: &str) -> Eval<JsValue> {
        let update = method == "update";
        let at = usize::from(update);
        let (before, after): (&[&str], &[&str]) = match update {
            true => (&["beforeUpdate", "beforeSave"], hooks::UPDATE.1),
            false => hooks::DESTROY,
        };
        let options = self.hook_options(call.arg(at));
        let outcome = (|| {
            let keys: &[&str] = match update {
                true => &["where", "paranoid"],
                false => &["where"],
            };
            let rows = self.rows_for_individual_hooks(id, call, at, keys)?;
            for row in &rows {
                if update {
                    let set = Call {
                        this: row.clone(),
                        args: vec![call.arg(0)],
                        span: call.span,
                        callee: None,
                        arg_exprs: &[],
                    };
                    self.instance_call_unhooked("set", set)?;
                }
                self.run_hooks(id, before, &[row.clone(), options.clone()], call.span)?;
            }
            let mut args: Vec<JsValue> = call.args.iter().take(at).cloned().collect();
            args.push(self.without_individual_hooks(call, at));
            let statement = Call {
                this: call.this.clone(),
                args,
                span: call.span,
                callee: None,
                arg_exprs: &[],
            };
            let done = self.scoped_query(id, method, &statement)?;
            let done = self.await_value(done, call.span)?;
            for row in &rows {
                self.run_hooks(id, after, &[row.clone(), options.clone()], call.span)?;
            }
            Ok(done)
        })();
        self.settled(outcome)
    }

    /// `Model.bulkCreate(records, options)` for a model with bulk hooks (or create hooks
    /// and `individualHooks`): as Sequelize runs it, the records built, the before hooks
    /// given them (and free to change them), the insert of what they then hold, the
    /// after hooks given the created instances.
    fn bulk_create_with_hooks(&mut self, id: ModelId, call: &Call<'_>) -> Eval<JsValue> {
        let records = match self.to_data(&call.arg(0)) {
            Value::Array(records) => records,
            _ => return self.scoped_query(id, "bulkCreate", call),
        };
        let options = self.hook_options(call.arg(1));
        let individual = self.individual_hooks(call, "bulkCreate");
        let mut built = Vec::with_capacity(records.len());
        for record in &records {
            let instance = self.model_query_values(id, "build", vec![record.clone()], call.span)?;
            built.push(instance);
        }
        let outcome = (|| {
            let list = self.array(built.clone());
            self.run_hooks(
                id,
                hooks::BULK_CREATE.0,
                &[list, options.clone()],
                call.span,
            )?;
            if individual {
                for instance in &built {
                    let args = [instance.clone(), options.clone()];
                    self.run_hooks(id, hooks::CREATE.0, &args, call.span)?;
                }
            }
            // What each instance holds now: its record's keys, and whatever a hook set.
            let changed: Vec<Value> = built
                .iter()
                .zip(&records)
                .map(|(instance, record)| match self.to_data(instance) {
                    Value::Instance(data) => Value::Object(
                        data.borrow()
                            .values
                            .iter()
                            .filter(|(key, value)| {
                                !matches!(value, Value::Null | Value::Undefined)
                                    || record.get(key).is_some()
                            })
                            .cloned()
                            .collect(),
                    ),
                    other => other,
                })
                .collect();
            let insert = Call {
                this: call.this.clone(),
                args: vec![self.adopt(&Value::Array(changed)), call.arg(1)],
                span: call.span,
                callee: None,
                arg_exprs: &[],
            };
            let created = self.scoped_query(id, "bulkCreate", &insert)?;
            let created = self.await_value(created, call.span)?;
            if individual {
                let items = match &created {
                    JsValue::Object(o) => match &o.borrow().kind {
                        Kind::Array(items) => items.clone(),
                        _ => Vec::new(),
                    },
                    _ => Vec::new(),
                };
                for instance in items {
                    let args = [instance, options.clone()];
                    self.run_hooks(id, hooks::CREATE.1, &args, call.span)?;
                }
            }
            self.run_hooks(
                id,
                hooks::BULK_CREATE.1,
                &[created.clone(), options.clone()],
                call.span,
            )?;
            Ok(created)
        })();
        self.settled(outcome)
    }
}

fn instance_method(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    interp.answered_later(|interp| instance_method_call(interp, native, call))
}

fn instance_method_call(
    interp: &mut Interpreter,
    native: &Native,
    call: Call<'_>,
) -> Eval<JsValue> {
    // `instance.update(values)` sets them, through the attributes' setters.
    let mut call = call;
    if let ("update", JsValue::Instance(instance)) = (&*native.name, &call.this) {
        let model = instance.borrow().model;
        if interp.has_setters(model) && !call.args.is_empty() {
            call.args[0] = interp.records_through_setters(model, &call.args[0], call.span)?;
        }
    }
    if let ("destroy", JsValue::Instance(instance)) = (&*native.name, &call.this) {
        if interp.runtime.is_some() {
            let instance = instance.clone();
            if let Err(flow) = interp.destroy_children_with_hooks(&instance, call.span) {
                return match flow {
                    Flow::Throw(exception) => Ok(interp.rejected(exception.value, exception.span)),
                    flow => Err(flow),
                };
            }
        }
    }
    let hooked = match (&*native.name, &call.this) {
        ("save" | "update" | "destroy", JsValue::Instance(instance))
            if interp.runtime.is_some() =>
        {
            let data = instance.borrow();
            let hooks = match (&*native.name, data.is_new_record) {
                ("destroy", _) => hooks::DESTROY,
                (_, true) => hooks::CREATE,
                (_, false) => hooks::UPDATE,
            };
            Some((data.model, hooks)).filter(|(model, hooks)| interp.has_hooks(*model, *hooks))
        }
        _ => None,
    };
    if let Some(created) = interp.association_create_with_hooks(&native.name, &call)? {
        return Ok(created);
    }
    if let Some(found) = interp.association_find_with_hooks(&native.name, &call)? {
        return Ok(found);
    }
    let Some((model, hooks)) = hooked else {
        interp.note_unhooked_accessor(&native.name, &call);
        return interp.instance_call_unhooked(&native.name, call);
    };
    let JsValue::Instance(instance) = call.this.clone() else {
        return interp.instance_call_unhooked(&native.name, call);
    };
    let mut method = native.name.clone();
    let options = call.arg(if &*method == "update" { 1 } else { 0 });
    if &*method == "update" {
        // Sequelize's update sets the values, then saves them: the hooks see them set,
        // and what they change is saved too.
        let set = Call {
            this: call.this.clone(),
            args: vec![call.arg(0)],
            span: call.span,
            callee: None,
            arg_exprs: &[],
        };
        interp.instance_call_unhooked("set", set)?;
        method = "save".into();
    }
    let changed_before = instance.borrow().changed.clone();
    let updated_at = interp
        .schema
        .model(model)
        .timestamp_attributes
        .updated_at
        .clone();
    let args = [call.this.clone(), interp.hook_options(options)];
    interp.around_hooks(model, hooks, &args, call.span, move |interp| {
        // Fields a before-hook changed are saved after `updatedAt` (Sequelize adds
        // them to the save's fields once it has its timestamp).
        let mut data = instance.borrow_mut();
        let added: Vec<String> = data
            .changed
            .iter()
            .filter(|c| !changed_before.contains(c))
            .cloned()
            .collect();
        if let (false, false, Some(updated_at)) = (added.is_empty(), data.is_new_record, updated_at)
        {
            let mut fields = changed_before;
            fields.push(updated_at);
            fields.extend(added);
            data.changed = fields;
        }
        drop(data);
        let save = Call {
            this: call.this.clone(),
            args: call.args.clone(),
            span: call.span,
            callee: None,
            arg_exprs: &[],
        };
        interp.instance_call_unhooked(&method, save)
    })
}

impl Interpreter {
    /// An association's create, set or add writes rows whose model's hooks the
    /// playground does not run there: it says so, once at the call.
    fn note_unhooked_accessor(&mut self, method: &str, call: &Call<'_>) {
        let JsValue::Instance(instance) = &call.this else {
            return;
        };
        let source = instance.borrow().model;
        let Some((association, kind)) = self.schema.model(source).accessor(method) else {
            return;
        };
        // (hasOne, hasMany and belongsTo creates run them: `association_create_with_hooks`.)
        let writes = matches!(kind, crate::schema::AccessorKind::Create)
            && association.kind == AssociationType::BelongsToMany;
        let target = association.target;
        if writes && self.has_hooks(target, hooks::CREATE) {
            let name = upper_first(&self.schema.model(target).name);
            self.note_once(
                call.span,
                "unhooked accessor",
                Diagnostic::warning(
                    call.span,
                    format!("The playground does not run {name}'s hooks for {method}() yet: the row is written as if they did nothing"),
                )
                .with_hint(format!("{name}.create({{ … }}) runs them")),
            );
        }
    }
}

impl Interpreter {
    /// An instance method as the runtime runs it, without the model's hooks.
    /// Before `Model.update(values, options)`: the validator functions run on a record
    /// built of the values (an attribute's only for the keys given), as Sequelize
    /// validates them unless `validate: false`.
    fn validate_update_values(&mut self, id: ModelId, call: &Call<'_>) -> Eval<()> {
        let values = self.to_data(&call.arg(0));
        let skip = self
            .to_data(&call.arg(1))
            .get("validate")
            .is_some_and(|v| matches!(v, Value::Bool(false)));
        let Some(rt) = self.runtime.as_mut().filter(|_| !skip) else {
            return Ok(());
        };
        let built = calls::model_call(rt, &self.schema, id, "build", std::slice::from_ref(&values));
        let _ = rt.settle_defaults();
        let Ok(Value::Instance(instance)) = built else {
            return Ok(());
        };
        let keys: Vec<String> = match &values {
            Value::Object(props) => props.iter().map(|(k, _)| k.clone()).collect(),
            _ => Vec::new(),
        };
        self.run_validator_functions(&instance, Some(&keys), call.span)
    }

    /// Before `instance.save(options)` or `instance.update(values, options)`: the
    /// validator functions run on the instance as the save will validate it (a new
    /// record whole; a stored one its changed fields, `fields` if given).
    fn validate_before_write(
        &mut self,
        instance: &crate::value::InstanceRef,
        method: &str,
        values: &[Value],
        span: Span,
    ) -> Eval<()> {
        if method == "update" {
            if let (Some(rt), Some(first)) = (self.runtime.as_mut(), values.first()) {
                if let Err(error) = calls::instance_call(
                    rt,
                    &self.schema,
                    instance,
                    "set",
                    std::slice::from_ref(first),
                ) {
                    return Err(self.error(error, span));
                }
            }
        }
        let options = match method {
            "update" => values.get(1),
            _ => values.first(),
        };
        let fields: Option<Vec<String>> = match options.and_then(|o| o.get("fields")) {
            Some(Value::Array(items)) => Some(
                items
                    .iter()
                    .filter_map(|f| f.as_str().map(str::to_string))
                    .collect(),
            ),
            _ => None,
        };
        let given: Option<Vec<String>> = match (method, values.first()) {
            ("update", Some(Value::Object(props))) => {
                Some(props.iter().map(|(k, _)| k.clone()).collect())
            }
            _ => None,
        };
        let only: Option<Vec<String>> = match instance.borrow().is_new_record {
            true => fields,
            false => Some(
                instance
                    .borrow()
                    .changed
                    .iter()
                    .filter(|c| fields.as_ref().is_none_or(|f| f.contains(c)))
                    .filter(|c| given.as_ref().is_none_or(|g| g.contains(c)))
                    .cloned()
                    .collect(),
            ),
        };
        self.run_validator_functions(instance, only.as_deref(), span)
    }

    pub(super) fn instance_call_unhooked(&mut self, method: &str, call: Call<'_>) -> Eval<JsValue> {
        instance_method_body(self, method, call)
    }
}

/// `get`, `toJSON` and `set` of a model with attribute getters or setters: they go
/// through them (`get(key, { raw: true })` does not).
fn through_accessors(
    interp: &mut Interpreter,
    instance: &crate::value::InstanceRef,
    method: &str,
    call: &Call<'_>,
) -> Eval<Option<JsValue>> {
    let raw = |v: &JsValue| {
        matches!(v, JsValue::Object(_)) && interp.to_data(v).get("raw").is_some_and(Value::truthy)
    };
    match (method, call.arg(0)) {
        ("get", JsValue::Str(key)) if !raw(&call.arg(1)) => {
            interp.get_through_getter(instance, &key, call.span)
        }
        ("toJSON", _) => interp.plain_with_getters(instance, call.span, true),
        ("get", JsValue::Undefined) => interp.plain_with_getters(instance, call.span, false),
        ("get", options @ JsValue::Object(_))
            if interp
                .to_data(&options)
                .get("plain")
                .is_some_and(Value::truthy) =>
        {
            interp.plain_with_getters(instance, call.span, true)
        }
        ("set", _) => Ok(interp
            .set_call_through_setters(instance, call)?
            .then(|| call.this.clone())),
        _ => Ok(None),
    }
}

fn instance_method_body(interp: &mut Interpreter, method: &str, call: Call<'_>) -> Eval<JsValue> {
    let method: std::rc::Rc<str> = method.into();
    let JsValue::Instance(instance) = &call.this else {
        return interp.type_error(
            format!("{method}() needs a model instance as this"),
            call.span,
        );
    };
    if let Some(answer) = through_accessors(interp, instance, &method, &call)? {
        return Ok(answer);
    }
    let mut values: Vec<Value> = call.args.iter().map(|a| interp.to_data(a)).collect();
    if let Some(target) = interp.getter_target(instance, &method) {
        let options = values.first().cloned().unwrap_or(Value::Undefined);
        let scoped = interp.getter_scope(target, options, call.span)?;
        match values.first_mut() {
            Some(first) => *first = scoped,
            None => values.push(scoped),
        }
    }
    let synchronous = matches!(
        &*method,
        "get"
            | "set"
            | "setAttributes"
            | "where"
            | "toJSON"
            | "getDataValue"
            | "setDataValue"
            | "changed"
            | "previous"
            | "equals"
            | "equalsOneOf"
            | "isSoftDeleted"
    );
    if interp.runtime.is_none() {
        return Ok(JsValue::Opaque("an instance method's result".into()));
    }
    if matches!(&*method, "save" | "update" | "validate")
        && interp.has_validator_functions(instance.borrow().model)
    {
        interp.validate_before_write(instance, &method, &values, call.span)?;
    }
    let method_name = match &*method {
        "getDataValue" => "get",
        "setDataValue" | "setAttributes" => "set",
        other => other,
    };
    let created = interp
        .schema
        .model(instance.borrow().model)
        .accessor(method_name)
        .filter(|(_, kind)| *kind == crate::schema::AccessorKind::Create)
        .map(|(association, _)| association.target);
    if let Some(target) = created {
        interp.supply_defaults(target, 1, call.span)?;
    }
    let Some(runtime) = interp.runtime.as_mut() else {
        return Ok(JsValue::Opaque("an instance method's result".into()));
    };
    let outcome = calls::instance_call(runtime, &interp.schema, instance, method_name, &values);
    interp.settle_defaults(call.span);
    match outcome {
        Ok(value) => {
            let value = interp.adopt(&value);
            Ok(if synchronous {
                value
            } else {
                interp.resolved(value)
            })
        }
        Err(error)
            if error.name == ErrorName::TypeError
                && error.message.ends_with("is not a function") =>
        {
            let receiver = call
                .callee
                .and_then(|c| match &c.kind {
                    ExprKind::Member { object, .. } => object.path().map(|p| p.join(".")),
                    _ => None,
                })
                .unwrap_or_else(|| lower_first(&interp.schema.model(instance.borrow().model).name));
            interp.diagnostics.push(
                Diagnostic::warning(
                    call.span,
                    format!("The playground does not run {receiver}.{method}() yet"),
                )
                .with_hint("its result is not modeled; the rest of the run goes on"),
            );
            Ok(interp.resolved(JsValue::Opaque(format!("the result of {method}()").into())))
        }
        Err(error) => {
            let flow = interp.error(error, call.span);
            match (synchronous, flow) {
                (false, Flow::Throw(exception)) => {
                    Ok(interp.rejected(exception.value, exception.span))
                }
                (_, flow) => Err(flow),
            }
        }
    }
}

fn sequelize_method(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    interp.answered_later(|interp| sequelize_method_body(interp, native, call))
}

fn sequelize_method_body(
    interp: &mut Interpreter,
    native: &Native,
    call: Call<'_>,
) -> Eval<JsValue> {
    match &*native.name {
        "define" => interp.define(&call),
        "addHook" => interp.add_hook_call(None, &call),
        "sync" => interp.sync(&call),
        "model" => {
            let name = interp.string_of(&call.arg(0), call.span)?;
            match interp.schema.find_model(&name) {
                Some(id) => Ok(interp.model_value(id)),
                None => Err(interp.error(
                    SequelizeError::plain(format!("{name} has not been defined")),
                    call.span,
                )),
            }
        }
        "isDefined" => {
            let name = interp.string_of(&call.arg(0), call.span)?;
            Ok(JsValue::Bool(interp.schema.find_model(&name).is_some()))
        }
        "transaction" => interp.transaction(&call),
        "query"
            if interp.runtime.is_some()
                && matches!(call.arg(0), JsValue::Str(ref sql) if calls::is_run(sql)) =>
        {
            interp.raw_query(&call)
        }
        "getDialect" => Ok(JsValue::str(interp.dialect_name())),
        "fn" | "col" | "literal" | "cast" | "where" | "random" => {
            interp.sql_utility(&native.name, &call)
        }
        // `sequelize.and(a, b)`: `{ [Op.and]: [a, b] }`.
        "and" | "or" => {
            let items = interp.array(call.args.clone());
            Ok(interp.operator_object(&native.name, items))
        }
        "authenticate" => {
            if let Some(Err(error)) = interp.runtime.as_mut().map(|rt| rt.authenticate()) {
                return Err(interp.error(error, call.span));
            }
            Ok(interp.resolved(JsValue::Undefined))
        }
        "close" => Ok(interp.resolved(JsValue::Undefined)),
        "drop" => {
            let options = interp.to_data(&call.arg(0));
            if let Some(rt) = interp.runtime.as_mut() {
                if let Err(error) = calls::drop_all(rt, &interp.schema, Some(&options)) {
                    let flow = interp.error(error, call.span);
                    return match flow {
                        Flow::Throw(exception) => {
                            Ok(interp.rejected(exception.value, exception.span))
                        }
                        flow => Err(flow),
                    };
                }
            }
            Ok(interp.resolved(JsValue::Undefined))
        }
        other => {
            interp.diagnostics.push(
                Diagnostic::warning(call.span, format!("The playground does not run sequelize.{other}() yet; its result is not modeled"))
                    .with_hint(match other {
                        "query" => "it runs sequelize.query() of a SELECT it can read (one table with its joins, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT) and of an INSERT … VALUES, UPDATE … SET or DELETE of one table",
                        _ => "the tables and the other calls still run",
                    }),
            );
            let opaque = JsValue::Opaque(format!("the result of sequelize.{other}()").into());
            Ok(if matches!(other, "query" | "transaction") {
                interp.resolved(opaque)
            } else {
                opaque
            })
        }
    }
}

impl Interpreter {
    fn sync(&mut self, call: &Call<'_>) -> Eval<JsValue> {
        if self.runtime.is_none() {
            self.synced = true;
            return Ok(self.resolved(self.sequelize_instance.clone()));
        }
        let options = self.to_data(&call.arg(0));
        let force = options.get("force").is_some_and(Value::truthy);
        let rt = self.runtime.as_mut().expect("checked");
        let synced = match crate::schema::sync_order::sync_order(&self.schema) {
            Some(order) => rt.sync(&self.schema, &order, force),
            None => rt.sync_cyclic(&self.schema, force),
        };
        if let Err(error) = synced {
            // The tables' DDL was written (the database refused it): the report shows it.
            self.synced = true;
            return Err(self.error(error, call.span));
        }
        rt.end_step(StepEnd::Sync {});
        self.synced = true;
        Ok(self.resolved(self.sequelize_instance.clone()))
    }
}

fn console_method(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    interp.show(&native.name.clone(), &call);
    Ok(JsValue::Undefined)
}

fn process_method(_: &mut Interpreter, native: &Native, _: Call<'_>) -> Eval<JsValue> {
    Ok(match &*native.name {
        "cwd" => JsValue::str("/app"),
        _ => JsValue::Undefined,
    })
}

fn returns_empty_object(interp: &mut Interpreter, _: &Native, _: Call<'_>) -> Eval<JsValue> {
    Ok(interp.object_of(vec![("parsed", JsValue::Undefined)]))
}

fn util_method(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    let text = match &*native.name {
        "inspect" => {
            let value = call.arg(0);
            interp.inspected(&value, call.args.get(1..).unwrap_or_default())
        }
        _ => {
            let shapes: Vec<_> = call.args.iter().map(|a| interp.shape(a)).collect();
            crate::inspect::format(&shapes)
        }
    };
    Ok(JsValue::str(&text))
}

fn path_method(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    let mut parts = Vec::new();
    for arg in &call.args {
        parts.push(interp.string_of(arg, call.span)?);
    }
    let last = parts.last().cloned().unwrap_or_default();
    Ok(JsValue::str(&match &*native.name {
        "join" | "resolve" => join_paths(&parts, &*native.name == "resolve"),
        "basename" => {
            let base = last.rsplit('/').next().unwrap_or("").to_string();
            match call.args.get(1) {
                Some(JsValue::Str(ext)) => base
                    .strip_suffix(&**ext)
                    .map_or(base.clone(), str::to_string),
                _ => base,
            }
        }
        "extname" => {
            let base = last.rsplit('/').next().unwrap_or("");
            base.rfind('.')
                .filter(|&i| i > 0)
                .map_or(String::new(), |i| base[i..].to_string())
        }
        _ => match last.rfind('/') {
            Some(0) => "/".into(),
            Some(i) => last[..i].to_string(),
            None => ".".into(),
        },
    }))
}

/// `path.join` / `path.resolve` on POSIX paths.
fn join_paths(parts: &[String], absolute: bool) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let mut rooted = false;
    for part in parts {
        if absolute && part.starts_with('/') {
            segments.clear();
            rooted = true;
        } else if segments.is_empty() && part.starts_with('/') {
            rooted = true;
        }
        for segment in part.split('/') {
            match segment {
                "" | "." => {}
                ".." => {
                    segments.pop();
                }
                s => segments.push(s),
            }
        }
    }
    let joined = segments.join("/");
    if absolute && !rooted {
        return format!("/app/{joined}");
    }
    if rooted {
        format!("/{joined}")
    } else if joined.is_empty() {
        ".".into()
    } else {
        joined
    }
}

impl Interpreter {
    /// `import … from 'm'`: the module as `require` gives it, bound by its specifiers.
    pub(super) fn import(
        &mut self,
        specifiers: &[crate::syntax::ast::ImportSpecifier],
        source: &crate::syntax::ast::StrLit,
        span: Span,
        env: &Env,
    ) -> Eval<()> {
        use crate::syntax::ast::ImportSpecifier;
        let module = self.require_value(&JsValue::str(&source.value), source.span, env)?;
        let _ = span;
        for specifier in specifiers {
            let (local, value) = match specifier {
                ImportSpecifier::Namespace(local) => (local, module.clone()),
                ImportSpecifier::Default(local) => {
                    let default = self.get(&module, &Key::from("default"), local.span)?;
                    let value = if matches!(default, JsValue::Undefined) {
                        module.clone()
                    } else {
                        default
                    };
                    (local, value)
                }
                ImportSpecifier::Named { imported, local } => (
                    local,
                    self.get(
                        &module,
                        &Key::Str(imported.name.as_str().into()),
                        imported.span,
                    )?,
                ),
            };
            env.declare(&local.name, value, false);
        }
        Ok(())
    }

    /// `export …`: runs the declaration and puts the names on `module.exports`.
    pub(super) fn export(
        &mut self,
        export: &crate::syntax::ast::Export,
        span: Span,
        env: &Env,
    ) -> Eval<()> {
        use crate::syntax::ast::{Export, Stmt};
        let exports = match env.lookup("module") {
            Some(module) => self.get(&module.value, &Key::from("exports"), span)?,
            None => return Ok(()),
        };
        match export {
            Export::Declaration(stmt) => {
                self.statement(stmt, env)?;
                let names: Vec<String> = match &**stmt {
                    Stmt::Declare { declarations, .. } => declarations
                        .iter()
                        .flat_map(|d| d.target.names())
                        .map(|n| n.name.clone())
                        .collect(),
                    Stmt::Function { function, .. } => {
                        function.name.iter().map(|n| n.name.clone()).collect()
                    }
                    Stmt::Class { class, .. } => {
                        class.name.iter().map(|n| n.name.clone()).collect()
                    }
                    _ => Vec::new(),
                };
                for name in names {
                    let value = self.identifier(&name, span, env)?;
                    self.set(&exports, Key::Str(name.as_str().into()), value, span)?;
                }
            }
            Export::Default(expr) => {
                let value = self.expr(expr, env)?;
                if let ExprKind::Function(def) = &expr.kind {
                    if let Some(name) = &def.name {
                        env.declare(&name.name, value.clone(), true);
                    }
                }
                if let ExprKind::Class(def) = &expr.kind {
                    if let Some(name) = &def.name {
                        env.declare(&name.name, value.clone(), true);
                    }
                }
                self.set(&exports, Key::from("default"), value, span)?;
            }
            Export::Named { specifiers, source } => {
                let from = match source {
                    Some(source) => {
                        Some(self.require_value(&JsValue::str(&source.value), source.span, env)?)
                    }
                    None => None,
                };
                for specifier in specifiers {
                    let value = match &from {
                        Some(module) => self.get(
                            module,
                            &Key::Str(specifier.local.name.as_str().into()),
                            specifier.local.span,
                        )?,
                        None => {
                            self.identifier(&specifier.local.name, specifier.local.span, env)?
                        }
                    };
                    self.set(
                        &exports,
                        Key::Str(specifier.exported.name.as_str().into()),
                        value,
                        span,
                    )?;
                }
            }
            Export::All { alias, source } => {
                let module = self.require_value(&JsValue::str(&source.value), source.span, env)?;
                match alias {
                    Some(alias) => {
                        self.set(&exports, Key::Str(alias.name.as_str().into()), module, span)?
                    }
                    None => {
                        for (key, value) in self.own_entries(&module)? {
                            self.set(&exports, key, value, span)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// `fs` over the project's files (read only).
fn fs_method(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    let path = interp.string_of(&call.arg(0), call.span)?;
    Ok(match &*native.name {
        "readdirSync" => {
            let names = interp
                .directory_entries(&path)
                .into_iter()
                .map(|n| JsValue::str(&n))
                .collect();
            interp.array(names)
        }
        "existsSync" => JsValue::Bool(interp.path_exists(&path)),
        _ => {
            interp.diagnostics.push(
                Diagnostic::warning(
                    call.span,
                    "The playground does not read files' text; readFileSync gives an empty string",
                )
                .with_hint("require a .json file instead: require('./config.json')"),
            );
            JsValue::str("")
        }
    })
}

impl Interpreter {
    /// `sequelize.transaction()`, resolving to a transaction to `commit()` or
    /// `rollback()`; or `sequelize.transaction(async (t) => …)`, which commits when the
    /// callback's promise fulfils (resolving to its value) and rolls back when it
    /// rejects (rejecting with its reason), as Sequelize's managed transactions do.
    fn transaction(&mut self, call: &Call<'_>) -> Eval<JsValue> {
        let callback = call.args.iter().find(|a| a.is_callable()).cloned();
        let options = call
            .args
            .iter()
            .find(|a| !a.is_callable())
            .map(|o| self.to_data(o));
        let isolation = options
            .as_ref()
            .and_then(|o| o.get("isolationLevel"))
            .and_then(|l| l.as_str().map(str::to_string));
        // `{ transaction: t }`: a savepoint inside t.
        let parent = call
            .args
            .iter()
            .find(|a| !a.is_callable())
            .map(|o| self.get(o, &Key::from("transaction"), call.span))
            .transpose()?
            .and_then(|t| transaction_number(&t));
        let begin = |rt: &mut crate::runtime::Runtime| match parent {
            Some(parent) => rt.begin_savepoint(parent),
            None => rt.begin_transaction(isolation.as_deref()),
        };
        let number = match self.runtime.as_mut().map(begin) {
            Some(Ok(number)) => Some(number),
            Some(Err(error)) => return Err(self.error(error, call.span)),
            None => None,
        };
        let transaction = self.transaction_object(number);
        let Some(callback) = callback else {
            return Ok(self.resolved(transaction));
        };
        let result = match self.call_function(
            &callback,
            JsValue::Undefined,
            vec![transaction.clone()],
            call.span,
            None,
        ) {
            Ok(value) => value,
            Err(Flow::Throw(exception)) => self.rejected(exception.value, exception.span),
            Err(flow) => return Err(flow),
        };
        let promise = match self.as_promise(&result) {
            Some(promise) => promise,
            None => match self.resolved(result) {
                JsValue::Object(promise) => promise,
                _ => unreachable!("resolved() makes a promise"),
            },
        };
        let outer = self.pending_promise();
        let data = self.array(vec![
            JsValue::Object(outer.clone()),
            JsValue::Number(number.map_or(-1.0, |n| n as f64)),
            transaction.clone(),
        ]);
        let on_fulfilled = self.native_with("commit", end_managed, Some(data.clone()));
        let on_rejected = self.native_with("rollback", end_managed, Some(data));
        self.then(&promise, on_fulfilled, on_rejected);
        Ok(JsValue::Object(outer))
    }

    /// The transaction object a snippet holds: `commit()`, `rollback()`,
    /// `afterCommit(fn)` and the `LOCK` levels.
    fn transaction_object(&mut self, number: Option<usize>) -> JsValue {
        let object = self.plain_object();
        let data = JsValue::Number(number.map_or(-1.0, |n| n as f64));
        let locks = self.lock_levels();
        if let JsValue::Object(o) = &object {
            for name in ["commit", "rollback"] {
                let method = self.native_with(name, end_unmanaged, Some(data.clone()));
                o.borrow_mut().set_hidden(name.into(), method);
            }
            let after_commit = self.native_with("afterCommit", after_commit, Some(data.clone()));
            o.borrow_mut()
                .set_hidden("afterCommit".into(), after_commit);
            o.borrow_mut().set_hidden("LOCK".into(), locks);
            o.borrow_mut()
                .set_hidden(TRANSACTION_NUMBER.into(), data.clone());
        }
        object
    }

    /// `Transaction.LOCK`: the levels a find's `lock` takes.
    pub(super) fn lock_levels(&mut self) -> JsValue {
        self.object_of(vec![
            ("UPDATE", JsValue::str("UPDATE")),
            ("SHARE", JsValue::str("SHARE")),
            ("KEY_SHARE", JsValue::str("KEY SHARE")),
            ("NO_KEY_UPDATE", JsValue::str("NO KEY UPDATE")),
        ])
    }

    /// Ends transaction `number` (none when nothing runs, in the analysis); after a
    /// commit, runs its `afterCommit` callbacks.
    fn end_transaction(&mut self, number: f64, commit: bool, span: Span) -> Result<(), Flow> {
        let Some(rt) = self.runtime.as_mut().filter(|_| number >= 0.0) else {
            return Ok(());
        };
        rt.end_transaction(number as usize, commit)
            .map_err(|error| self.error(error, span))?;
        let number = number as usize;
        let (mine, others): (Vec<_>, Vec<_>) = std::mem::take(&mut self.after_commit)
            .into_iter()
            .partition(|(n, _)| *n == number);
        self.after_commit = others;
        if commit {
            for (_, callback) in mine {
                self.call_function(&callback, JsValue::Undefined, Vec::new(), span, None)?;
            }
        }
        Ok(())
    }
}

/// `t.finished`: how the transaction ended.
fn mark_finished(transaction: &JsValue, commit: bool) {
    if let JsValue::Object(object) = transaction {
        let state = if commit { "commit" } else { "rollback" };
        object
            .borrow_mut()
            .set_own("finished".into(), JsValue::str(state));
    }
}

/// The hidden key of a transaction object that holds its number.
const TRANSACTION_NUMBER: &str = "\u{0}number";

/// The number of the transaction `value` is, if it is one.
fn transaction_number(value: &JsValue) -> Option<usize> {
    let JsValue::Object(object) = value else {
        return None;
    };
    let b = object.borrow();
    match b.own_str(TRANSACTION_NUMBER).map(|p| &p.slot) {
        Some(super::heap::Slot::Value(JsValue::Number(n))) if *n >= 0.0 => Some(*n as usize),
        _ => None,
    }
}

/// `t.afterCommit(fn)`: `fn` runs once the transaction commits.
fn after_commit(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    if let (Some(JsValue::Number(n)), callback) = (native.data.as_deref(), call.arg(0)) {
        if *n >= 0.0 && callback.is_callable() {
            interp.after_commit.push((*n as usize, callback));
        }
    }
    Ok(JsValue::Undefined)
}

/// `t.commit()` / `t.rollback()`.
fn end_unmanaged(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    let number = match native.data.as_deref() {
        Some(JsValue::Number(n)) => *n,
        _ => -1.0,
    };
    let commit = &*native.name == "commit";
    match interp.end_transaction(number, commit, call.span) {
        Ok(()) => {
            mark_finished(&call.this, commit);
            Ok(interp.resolved(JsValue::Undefined))
        }
        Err(Flow::Throw(exception)) => Ok(interp.rejected(exception.value, exception.span)),
        Err(flow) => Err(flow),
    }
}

/// The end of a managed transaction: its callback's promise settled.
fn end_managed(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    let (outer, number) = match native.data.as_deref() {
        Some(JsValue::Object(data)) => match &data.borrow().kind {
            Kind::Array(items) => match (items.first(), items.get(1)) {
                (Some(JsValue::Object(outer)), Some(JsValue::Number(n))) => (outer.clone(), *n),
                _ => return Ok(JsValue::Undefined),
            },
            _ => return Ok(JsValue::Undefined),
        },
        _ => return Ok(JsValue::Undefined),
    };
    let commit = &*native.name == "commit";
    let settled = call.arg(0);
    if let Some(JsValue::Object(data)) = native.data.as_deref() {
        if let Kind::Array(items) = &data.borrow().kind {
            if let Some(transaction) = items.get(2) {
                mark_finished(transaction, commit);
            }
        }
    }
    let outcome = match interp.end_transaction(number, commit, call.span) {
        Err(Flow::Throw(exception)) => Err(exception.value),
        Err(flow) => return Err(flow),
        Ok(()) if commit => Ok(settled),
        Ok(()) => Err(settled),
    };
    interp.settle(&outer, outcome, call.span);
    Ok(JsValue::Undefined)
}
