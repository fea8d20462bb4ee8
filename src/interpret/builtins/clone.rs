//! `structuredClone`: a deep copy of data, as the HTML structured clone algorithm makes
//! it. Plain objects, arrays, dates, maps, sets, regular expressions and errors copy (a
//! class's instance becomes a plain object); the same object reached twice is copied
//! once, so cycles survive. Functions, symbols, promises and weak collections throw a
//! `DataCloneError`, as in Node.

use super::super::heap::{Call, JsValue, Kind, Native, Obj, Object};
use super::super::{Eval, Interpreter};

pub(super) fn structured_clone(
    interp: &mut Interpreter,
    _: &Native,
    call: Call<'_>,
) -> Eval<JsValue> {
    let mut copies = Vec::new();
    copy(interp, &call.arg(0), &mut copies, &call)
}

/// The copy of `value`; `copies` pairs each object copied so far with its copy.
fn copy(
    interp: &mut Interpreter,
    value: &JsValue,
    copies: &mut Vec<(Obj, JsValue)>,
    call: &Call<'_>,
) -> Eval<JsValue> {
    let object = match value {
        JsValue::Object(object) => object.clone(),
        JsValue::Symbol(symbol) => {
            let description = symbol.description.clone().unwrap_or_default();
            return not_cloneable(interp, &format!("Symbol({description})"), call);
        }
        JsValue::Instance(_) => {
            return interp.type_error(
                "structuredClone of a model instance is not modeled: clone instance.get({ plain: true }) instead",
                call.span,
            )
        }
        primitive => return Ok(primitive.clone()),
    };
    if let Some((_, copied)) = copies.iter().find(|(o, _)| *o == object) {
        return Ok(copied.clone());
    }
    let kind = match &object.borrow().kind {
        Kind::Plain | Kind::Host(_) => None,
        Kind::Array(items) => Some(Kind::Array(items.clone())),
        Kind::Date(ms) => Some(Kind::Date(*ms)),
        Kind::Map(entries) => Some(Kind::Map(entries.clone())),
        Kind::Set(items) => Some(Kind::Set(items.clone())),
        Kind::RegExp { source, flags } => Some(Kind::RegExp {
            source: source.clone(),
            flags: flags.clone(),
        }),
        Kind::Error => Some(Kind::Error),
        Kind::Function(callable) => {
            let callable = callable.clone();
            let name = interp.function_name(&callable);
            return not_cloneable(
                interp,
                &format!("function {name}() {{ [native code] }}"),
                call,
            );
        }
        Kind::Weak { set, .. } => {
            let name = if *set { "#<WeakSet>" } else { "#<WeakMap>" };
            return not_cloneable(interp, name, call);
        }
        Kind::Promise(_) => return not_cloneable(interp, "#<Promise>", call),
    };
    let proto = match &kind {
        None => interp.realm.object_proto.clone(),
        Some(Kind::Array(_)) => interp.realm.array_proto.clone(),
        Some(Kind::Date(_)) => interp.realm.date_proto.clone(),
        Some(Kind::Map(_)) => interp.realm.map_proto.clone(),
        Some(Kind::Set(_)) => interp.realm.set_proto.clone(),
        Some(Kind::RegExp { .. }) => interp.realm.regexp_proto.clone(),
        Some(_) => object
            .borrow()
            .proto
            .clone()
            .unwrap_or_else(|| interp.realm.error_proto.clone()),
    };
    let target = Obj::new(Object::new(kind.unwrap_or(Kind::Plain), Some(proto)));
    let result = JsValue::Object(target.clone());
    copies.push((object.clone(), result.clone()));
    copy_contents(interp, &object, &target, copies, call)?;
    Ok(result)
}

/// Deep-copies what `target` (a shallow copy of `source`) holds: items, entries, and
/// own enumerable properties (an error's `message` and `stack` as well).
fn copy_contents(
    interp: &mut Interpreter,
    source: &Obj,
    target: &Obj,
    copies: &mut Vec<(Obj, JsValue)>,
    call: &Call<'_>,
) -> Eval<()> {
    let taken = std::mem::replace(&mut target.borrow_mut().kind, Kind::Plain);
    let kind = match taken {
        Kind::Array(items) => Kind::Array(copy_all(interp, items, copies, call)?),
        Kind::Set(items) => Kind::Set(copy_all(interp, items, copies, call)?),
        Kind::Map(entries) => {
            let mut copied = Vec::with_capacity(entries.len());
            for (key, value) in entries {
                let key = copy(interp, &key, copies, call)?;
                copied.push((key, copy(interp, &value, copies, call)?));
            }
            Kind::Map(copied)
        }
        other => other,
    };
    let is_error = matches!(kind, Kind::Error);
    target.borrow_mut().kind = kind;
    if is_error {
        for name in ["message", "stack"] {
            let value = source.borrow().own_str(name).map(|p| p.slot.clone());
            if let Some(super::super::heap::Slot::Value(value)) = value {
                target.borrow_mut().set_hidden(name.into(), value);
            }
        }
    }
    let source_value = JsValue::Object(source.clone());
    let is_array = matches!(source.borrow().kind, Kind::Array(_));
    for (key, value) in interp.own_entries(&source_value)? {
        let index = key
            .as_str()
            .is_some_and(|k| super::super::expressions::array_index(k).is_some());
        if (is_array && index) || matches!(key, super::super::heap::Key::Symbol(_)) {
            continue;
        }
        let value = copy(interp, &value, copies, call)?;
        target.borrow_mut().set_own(key, value);
    }
    Ok(())
}

fn copy_all(
    interp: &mut Interpreter,
    items: Vec<JsValue>,
    copies: &mut Vec<(Obj, JsValue)>,
    call: &Call<'_>,
) -> Eval<Vec<JsValue>> {
    items
        .iter()
        .map(|item| copy(interp, item, copies, call))
        .collect()
}

/// Node's `DOMException [DataCloneError]: … could not be cloned.`
fn not_cloneable(interp: &mut Interpreter, what: &str, call: &Call<'_>) -> Eval<JsValue> {
    let error = super::errors::make(
        interp,
        "DataCloneError",
        &format!("{what} could not be cloned."),
    );
    Err(super::super::Flow::Throw(super::super::Exception {
        value: error,
        span: call.span,
        hint: None,
    }))
}
