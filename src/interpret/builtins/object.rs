//! `Object` and its statics (`keys`, `values`, `entries`, `assign`, `fromEntries`,
//! `freeze`, `create`, `defineProperty`, …).

use std::rc::Rc;

use super::super::heap::{Call, Host, JsValue, Key, Kind, Native, NativeFn, Obj, Object, Slot};
use super::super::{Eval, Interpreter};

const STATICS: &[(&str, NativeFn)] = &[
    ("keys", keys),
    ("values", values),
    ("entries", entries),
    ("assign", assign),
    ("fromEntries", from_entries),
    ("freeze", freeze),
    ("isFrozen", is_frozen),
    ("seal", freeze),
    ("create", create),
    ("getPrototypeOf", get_prototype_of),
    ("setPrototypeOf", set_prototype_of),
    ("defineProperty", define_property),
    ("getOwnPropertyNames", get_own_property_names),
    ("hasOwn", has_own),
    ("is", is),
];

pub(super) fn install(interp: &mut Interpreter) {
    let proto = interp.realm.object_proto.clone();
    let ctor = interp.constructor("Object", object_ctor, &proto, STATICS);
    if let JsValue::Object(handle) = &ctor {
        interp.realm.object_ctor = handle.clone();
    }
    interp.global.declare("Object", ctor, true);
}

fn object_ctor(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(match call.arg(0) {
        value @ (JsValue::Object(_) | JsValue::Instance(_)) => value,
        _ => interp.plain_object(),
    })
}

/// V8's TypeError for `Object.keys(undefined)` and the like.
fn require_object(interp: &mut Interpreter, call: &Call<'_>) -> Eval<JsValue> {
    let value = call.arg(0);
    if value.is_nullish() {
        return interp.type_error("Cannot convert undefined or null to object", call.span);
    }
    if let JsValue::Opaque(what) = &value {
        interp.note_opaque(call.arg_span(0), what);
    }
    Ok(value)
}

/// The keys `Object.keys` lists: an object's own enumerable ones, and for
/// `sequelize.models` first the name of every model, in the order they were defined.
fn enumerable_keys(interp: &Interpreter, value: &JsValue) -> Vec<Rc<str>> {
    let mut keys: Vec<Rc<str>> = Vec::new();
    if let JsValue::Object(o) = value {
        if matches!(o.borrow().kind, Kind::Host(Host::Models)) {
            keys.extend(
                interp
                    .schema
                    .models
                    .iter()
                    .map(|m| Rc::from(m.name.as_str())),
            );
        }
    }
    for key in interp.own_keys(value) {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

fn keys(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let value = require_object(interp, &call)?;
    let keys = enumerable_keys(interp, &value)
        .into_iter()
        .map(JsValue::Str)
        .collect();
    Ok(interp.array(keys))
}

fn values(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let value = require_object(interp, &call)?;
    let mut out = Vec::new();
    for key in enumerable_keys(interp, &value) {
        out.push(interp.get(&value, &Key::Str(key), call.span)?);
    }
    Ok(interp.array(out))
}

fn entries(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let value = require_object(interp, &call)?;
    let mut out = Vec::new();
    for key in enumerable_keys(interp, &value) {
        let item = interp.get(&value, &Key::Str(key.clone()), call.span)?;
        out.push(interp.array(vec![JsValue::Str(key), item]));
    }
    Ok(interp.array(out))
}

fn assign(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let target = require_object(interp, &call)?;
    for source in call.args.iter().skip(1) {
        if source.is_nullish() {
            continue;
        }
        for (key, value) in interp.own_entries(source)? {
            interp.set(&target, key, value, call.span)?;
        }
    }
    Ok(target)
}

fn from_entries(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let pairs = interp.iterate(&call.arg(0), call.span, None)?;
    let object = interp.plain_object();
    for pair in pairs {
        let items = interp.iterate(&pair, call.span, None)?;
        let key = interp.key_of(&items.first().cloned().unwrap_or(JsValue::Undefined))?;
        let value = items.get(1).cloned().unwrap_or(JsValue::Undefined);
        interp.set(&object, key, value, call.span)?;
    }
    Ok(object)
}

fn freeze(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    if let JsValue::Object(object) = call.arg(0) {
        object.borrow_mut().frozen = true;
    }
    Ok(call.arg(0))
}

fn is_frozen(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Bool(match call.arg(0) {
        JsValue::Object(object) => object.borrow().frozen,
        _ => true,
    }))
}

fn create(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let proto = match call.arg(0) {
        JsValue::Object(proto) => Some(proto),
        JsValue::Null => None,
        _ => {
            return interp.type_error(
                "Object prototype may only be an Object or null: undefined",
                call.span,
            )
        }
    };
    Ok(JsValue::Object(Obj::new(Object::new(Kind::Plain, proto))))
}

fn get_prototype_of(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(match call.arg(0) {
        JsValue::Object(object) => object.proto().map_or(JsValue::Null, JsValue::Object),
        JsValue::Str(_) => JsValue::Object(interp.realm.string_proto.clone()),
        JsValue::Number(_) => JsValue::Object(interp.realm.number_proto.clone()),
        _ => JsValue::Null,
    })
}

fn set_prototype_of(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    if let JsValue::Object(object) = call.arg(0) {
        let proto = call.arg(1).as_object().cloned();
        let mut current = proto.clone();
        while let Some(p) = current {
            if p == object {
                return interp.type_error("Cyclic __proto__ value", call.span);
            }
            current = p.proto();
        }
        object.borrow_mut().proto = proto;
    }
    Ok(call.arg(0))
}

fn define_property(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let target = call.arg(0);
    let JsValue::Object(object) = &target else {
        return interp.type_error("Object.defineProperty called on non-object", call.span);
    };
    let key = interp.key_of(&call.arg(1))?;
    let descriptor = call.arg(2);
    let read =
        |interp: &mut Interpreter, name: &str| interp.get(&descriptor, &Key::from(name), call.span);
    let get = read(interp, "get")?;
    let set = read(interp, "set")?;
    let enumerable = read(interp, "enumerable")?.truthy();
    let slot = if get.is_callable() || set.is_callable() {
        Slot::Accessor {
            get: get.is_callable().then_some(get),
            set: set.is_callable().then_some(set),
        }
    } else {
        Slot::Value(read(interp, "value")?)
    };
    let mut b = object.borrow_mut();
    b.props.retain(|p| p.key != key);
    b.props.push(super::super::heap::Property {
        key,
        slot,
        enumerable,
        writable: true,
    });
    drop(b);
    Ok(target)
}

fn get_own_property_names(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let value = require_object(interp, &call)?;
    let mut names: Vec<JsValue> = interp
        .own_keys(&value)
        .into_iter()
        .map(JsValue::Str)
        .collect();
    if let JsValue::Object(object) = &value {
        for property in object.borrow().props.iter().filter(|p| !p.enumerable) {
            if let Key::Str(k) = &property.key {
                names.push(JsValue::Str(k.clone()));
            }
        }
        if matches!(object.borrow().kind, Kind::Array(_)) {
            names.push(JsValue::str("length"));
        }
    }
    Ok(interp.array(names))
}

fn has_own(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let key = interp.key_of(&call.arg(1))?;
    Ok(JsValue::Bool(match call.arg(0) {
        JsValue::Object(object) => object.borrow().own(&key).is_some(),
        JsValue::Instance(instance) => key
            .as_str()
            .is_some_and(|k| instance.borrow().get(k).is_some()),
        _ => false,
    }))
}

fn is(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let (a, b) = (call.arg(0), call.arg(1));
    Ok(JsValue::Bool(match (&a, &b) {
        (JsValue::Number(x), JsValue::Number(y)) => {
            (x.is_nan() && y.is_nan()) || (x == y && x.is_sign_negative() == y.is_sign_negative())
        }
        _ => a.strict_equals(&b),
    }))
}
