//! The `Error` family: constructors (subclassable: `class NotFound extends Error`), the
//! error objects the interpreter throws for V8's and Sequelize's errors, and reading a
//! thrown value back as a name and a message.

use super::super::heap::{Call, JsValue, Key, Kind, Native, Obj, Object};
use super::super::{Eval, Interpreter};

const NAMES: [&str; 8] = [
    "Error",
    "TypeError",
    "RangeError",
    "ReferenceError",
    "SyntaxError",
    "EvalError",
    "URIError",
    "AggregateError",
];

pub(super) fn install(interp: &mut Interpreter) {
    let base = interp.realm.error_proto.clone();
    interp.install(&base, &[("toString", to_string)]);
    for name in NAMES {
        let proto = if name == "Error" {
            base.clone()
        } else {
            Obj::new(Object::new(Kind::Plain, Some(base.clone())))
        };
        proto
            .borrow_mut()
            .set_hidden("name".into(), JsValue::str(name));
        proto
            .borrow_mut()
            .set_hidden("message".into(), JsValue::str(""));
        let ctor = interp.constructor(name, called, &proto, &[("captureStackTrace", ignore)]);
        interp.realm.error_protos.push((name, proto));
        interp.global.declare(name, ctor, true);
    }
    install_sequelize_errors(interp);
}

/// Sequelize's error classes, each as (class, the `name` its errors have, parent class):
/// `err instanceof Sequelize.ValidationError` holds for a unique violation too.
const SEQUELIZE_ERRORS: [(&str, &str, &str); 17] = [
    ("BaseError", "SequelizeBaseError", "Error"),
    ("ValidationError", "SequelizeValidationError", "BaseError"),
    (
        "UniqueConstraintError",
        "SequelizeUniqueConstraintError",
        "ValidationError",
    ),
    ("DatabaseError", "SequelizeDatabaseError", "BaseError"),
    (
        "ForeignKeyConstraintError",
        "SequelizeForeignKeyConstraintError",
        "DatabaseError",
    ),
    (
        "ExclusionConstraintError",
        "SequelizeExclusionConstraintError",
        "DatabaseError",
    ),
    (
        "UnknownConstraintError",
        "SequelizeUnknownConstraintError",
        "DatabaseError",
    ),
    ("TimeoutError", "SequelizeTimeoutError", "DatabaseError"),
    ("EmptyResultError", "SequelizeEmptyResultError", "BaseError"),
    (
        "EagerLoadingError",
        "SequelizeEagerLoadingError",
        "BaseError",
    ),
    ("AssociationError", "SequelizeAssociationError", "BaseError"),
    ("InstanceError", "SequelizeInstanceError", "BaseError"),
    ("QueryError", "SequelizeQueryError", "BaseError"),
    (
        "OptimisticLockError",
        "SequelizeOptimisticLockError",
        "BaseError",
    ),
    ("SequelizeScopeError", "SequelizeScopeError", "BaseError"),
    ("ConnectionError", "SequelizeConnectionError", "BaseError"),
    ("BulkRecordError", "SequelizeBulkRecordError", "BaseError"),
];

/// The own properties a Sequelize error class declares after `name`, in their order
/// (`Object.keys(err)`, `JSON.stringify(err)`): each class's fields, its parents' first.
pub(in super::super) fn own_fields(name: &str) -> &'static [&'static str] {
    const DATABASE: &[&str] = &["parent", "original", "sql", "parameters"];
    match name {
        "SequelizeValidationError" | "AggregateError" => &["errors"],
        "SequelizeUniqueConstraintError" => &["errors", "parent", "original", "fields", "sql"],
        "SequelizeDatabaseError" | "SequelizeTimeoutError" => DATABASE,
        "SequelizeForeignKeyConstraintError" => &[
            "parent",
            "original",
            "sql",
            "parameters",
            "table",
            "fields",
            "value",
            "index",
            "reltype",
        ],
        "SequelizeUnknownConstraintError" | "SequelizeExclusionConstraintError" => &[
            "parent",
            "original",
            "sql",
            "parameters",
            "constraint",
            "fields",
            "table",
        ],
        "SequelizeBulkRecordError" => &["errors", "record"],
        _ => &[],
    }
}

/// Whether a thrown error of this `name` is one of Sequelize's (whose `name` is an own,
/// enumerable property: `this.name = 'SequelizeValidationError'`).
pub(in super::super) fn is_sequelize_name(name: &str) -> bool {
    name == "AggregateError" || SEQUELIZE_ERRORS.iter().any(|(_, n, _)| *n == name)
}

/// Whether `name` is one of Sequelize's error classes (constructible with `new`).
pub(in super::super) fn is_sequelize_class(name: &str) -> bool {
    SEQUELIZE_ERRORS.iter().any(|(class, _, _)| *class == name)
}

fn install_sequelize_errors(interp: &mut Interpreter) {
    for (class, name, parent) in SEQUELIZE_ERRORS {
        let parent_name = SEQUELIZE_ERRORS
            .iter()
            .find(|(c, _, _)| *c == parent)
            .map_or(parent, |(_, n, _)| *n);
        let proto = Obj::new(Object::new(
            Kind::Plain,
            Some(proto_for(interp, parent_name)),
        ));
        proto
            .borrow_mut()
            .set_hidden("name".into(), JsValue::str(name));
        let ctor = interp.constructor(class, sequelize_error_called, &proto, &[]);
        interp.realm.error_protos.push((name, proto));
        interp.realm.sequelize_errors.push((class, ctor));
    }
}

/// `new Sequelize.ValidationError(message)`: an error of that class's name.
fn sequelize_error_called(
    interp: &mut Interpreter,
    native: &Native,
    call: Call<'_>,
) -> Eval<JsValue> {
    let name = SEQUELIZE_ERRORS
        .iter()
        .find(|(class, _, _)| *class == &*native.name)
        .map_or("SequelizeBaseError", |(_, name, _)| *name);
    let message = message_argument(interp, &call)?;
    let error = make(interp, name, &message);
    // `new ValidationError(message, errors)` keeps its items (none: an empty list).
    let errors = match call.arg(1) {
        JsValue::Undefined => interp.array(Vec::new()),
        given => given,
    };
    if let JsValue::Object(object) = &error {
        let mut b = object.borrow_mut();
        b.remove(&"name".into());
        b.set_own("name".into(), JsValue::str(name));
        for field in own_fields(name) {
            let value = match *field {
                "errors" => errors.clone(),
                _ => JsValue::Undefined,
            };
            b.set_own((*field).into(), value);
        }
    }
    Ok(error)
}

fn proto_for(interp: &Interpreter, name: &str) -> Obj {
    interp
        .realm
        .error_protos
        .iter()
        .find(|(n, _)| *n == name)
        .map_or_else(|| interp.realm.error_proto.clone(), |(_, p)| p.clone())
}

/// An error object as V8 (or Sequelize) throws it.
pub(in super::super) fn make(interp: &mut Interpreter, name: &str, message: &str) -> JsValue {
    let proto = proto_for(interp, name);
    let object = Obj::new(Object::new(Kind::Error, Some(proto)));
    {
        let mut b = object.borrow_mut();
        if !NAMES.contains(&name) {
            b.set_hidden("name".into(), JsValue::str(name));
        }
        b.set_hidden("stack".into(), JsValue::str(&stack(name, message)));
        b.set_hidden("message".into(), JsValue::str(message));
    }
    JsValue::Object(object)
}

/// The stack text: the playground has no frames to show, so it gives one that says so.
fn stack(name: &str, message: &str) -> String {
    let head = if message.is_empty() {
        name.to_string()
    } else {
        format!("{name}: {message}")
    };
    format!("{head}\n    at <anonymous>")
}

/// An error constructor's first argument as its message (none: empty).
fn message_argument(interp: &mut Interpreter, call: &Call<'_>) -> Eval<String> {
    match call.arg(0) {
        JsValue::Undefined => Ok(String::new()),
        other => interp.string_of(&other, call.span),
    }
}

fn called(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    let name = native.name.clone();
    let message = message_argument(interp, &call)?;
    Ok(make(interp, &name, &message))
}

/// `new Error(message, { cause })`, also as `super(message)` of a subclass (`this` is
/// the class being made; its prototype is set by the caller).
pub(in super::super) fn construct(
    interp: &mut Interpreter,
    native: &Native,
    call: Call<'_>,
) -> Eval<JsValue> {
    let value = (native.run)(
        interp,
        native,
        Call {
            this: JsValue::Undefined,
            args: call.args.clone(),
            span: call.span,
            callee: None,
            arg_exprs: &[],
        },
    )?;
    if let (JsValue::Object(error), JsValue::Object(options)) = (&value, call.arg(1)) {
        let cause = options.borrow().own_str("cause").map(|p| p.slot.clone());
        if let Some(super::super::heap::Slot::Value(cause)) = cause {
            error.borrow_mut().set_hidden("cause".into(), cause);
        }
    }
    if let (JsValue::Object(error), JsValue::Object(new_target)) = (&value, &call.this) {
        if let Some(super::super::heap::Slot::Value(JsValue::Object(proto))) = new_target
            .borrow()
            .own_str("prototype")
            .map(|p| p.slot.clone())
        {
            error.borrow_mut().proto = Some(proto);
        }
    }
    Ok(value)
}

fn to_string(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let (name, message) = name_and_message(interp, &call.this);
    Ok(JsValue::str(&if message.is_empty() {
        name
    } else {
        format!("{name}: {message}")
    }))
}

fn ignore(_: &mut Interpreter, _: &Native, _: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Undefined)
}

/// A thrown value as the report names it: an error's `name` and `message`; anything
/// else (`throw 'oops'`) as Node shows it.
pub(in super::super) fn name_and_message(
    interp: &mut Interpreter,
    value: &JsValue,
) -> (String, String) {
    if let JsValue::Object(object) = value {
        let is_error = matches!(object.borrow().kind, Kind::Error)
            || object.borrow().own_str("message").is_some();
        if is_error {
            let mut read = |key: &str| match interp.get(value, &Key::from(key), Default::default())
            {
                Ok(JsValue::Str(s)) => s.to_string(),
                _ => String::new(),
            };
            let name = read("name");
            let message = read("message");
            return (
                if name.is_empty() {
                    "Error".into()
                } else {
                    name
                },
                message,
            );
        }
    }
    let text = match value {
        JsValue::Str(s) => s.to_string(),
        other => interp
            .string_of(other, Default::default())
            .unwrap_or_default(),
    };
    ("Error".into(), text)
}
