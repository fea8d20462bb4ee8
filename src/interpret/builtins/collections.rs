//! `Map` and `Set`, keyed by SameValueZero in insertion order; `WeakMap` and `WeakSet`,
//! keyed by object identity (held strongly: a snippet's run is short).

use super::super::heap::{Call, JsValue, Kind, Native, NativeFn, Obj, Object};
use super::super::{Eval, Interpreter};

pub(super) fn install(interp: &mut Interpreter) {
    let map_proto = interp.realm.map_proto.clone();
    let map_methods: &[(&str, NativeFn)] = &[
        ("get", map_get),
        ("set", map_set),
        ("has", has),
        ("delete", delete),
        ("clear", clear),
        ("forEach", for_each),
        ("keys", keys),
        ("values", values),
        ("entries", entries),
    ];
    interp.install(&map_proto, map_methods);
    let map = interp.constructor("Map", not_new, &map_proto, &[]);
    interp.global.declare("Map", map, true);
    let set_proto = interp.realm.set_proto.clone();
    let set_methods: &[(&str, NativeFn)] = &[
        ("add", set_add),
        ("has", has),
        ("delete", delete),
        ("clear", clear),
        ("forEach", for_each),
        ("keys", values),
        ("values", values),
        ("entries", entries),
    ];
    interp.install(&set_proto, set_methods);
    let set = interp.constructor("Set", not_new, &set_proto, &[]);
    interp.global.declare("Set", set, true);
    let weak_map_proto = interp.realm.weak_map_proto.clone();
    let weak_map_methods: &[(&str, NativeFn)] = &[
        ("get", weak_get),
        ("set", weak_set),
        ("has", weak_has),
        ("delete", weak_delete),
    ];
    interp.install(&weak_map_proto, weak_map_methods);
    let weak_map = interp.constructor("WeakMap", not_new, &weak_map_proto, &[]);
    interp.global.declare("WeakMap", weak_map, true);
    let weak_set_proto = interp.realm.weak_set_proto.clone();
    let weak_set_methods: &[(&str, NativeFn)] = &[
        ("add", weak_add),
        ("has", weak_has),
        ("delete", weak_delete),
    ];
    interp.install(&weak_set_proto, weak_set_methods);
    let weak_set = interp.constructor("WeakSet", not_new, &weak_set_proto, &[]);
    interp.global.declare("WeakSet", weak_set, true);
}

/// Whether `value` can be a weak key: an object (functions and instances too).
fn holds_weakly(value: &JsValue) -> bool {
    matches!(value, JsValue::Object(_) | JsValue::Instance(_))
}

/// V8's TypeError for a primitive key.
fn invalid_key(interp: &mut Interpreter, set: bool, key: &JsValue, call: &Call<'_>) -> Eval<()> {
    if holds_weakly(key) {
        return Ok(());
    }
    let message = match set {
        true => "Invalid value used in weak set",
        false => "Invalid value used as weak map key",
    };
    interp.type_error(message, call.span).map(|_: JsValue| ())
}

pub(super) fn construct_weak(
    interp: &mut Interpreter,
    native: &Native,
    call: Call<'_>,
) -> Eval<JsValue> {
    let set = &*native.name == "WeakSet";
    let items = match call.arg(0) {
        JsValue::Undefined | JsValue::Null => Vec::new(),
        source => interp.iterate(&source, call.span, None)?,
    };
    let mut entries: Vec<(JsValue, JsValue)> = Vec::new();
    for item in items {
        let (key, value) = match set {
            true => (item, JsValue::Undefined),
            false => {
                let pair = interp.iterate(&item, call.span, None)?;
                let key = pair.first().cloned().unwrap_or(JsValue::Undefined);
                (key, pair.get(1).cloned().unwrap_or(JsValue::Undefined))
            }
        };
        invalid_key(interp, set, &key, &call)?;
        match entries.iter_mut().find(|(k, _)| k.same_value_zero(&key)) {
            Some(entry) => entry.1 = value,
            None => entries.push((key, value)),
        }
    }
    let proto = match set {
        true => interp.realm.weak_set_proto.clone(),
        false => interp.realm.weak_map_proto.clone(),
    };
    let kind = Kind::Weak { set, entries };
    Ok(JsValue::Object(Obj::new(Object::new(kind, Some(proto)))))
}

fn weak_entries<R>(
    call: &Call<'_>,
    f: impl FnOnce(bool, &mut Vec<(JsValue, JsValue)>) -> R,
) -> Option<R> {
    with_kind(call, |kind| match kind {
        Kind::Weak { set, entries } => Some(f(*set, entries)),
        _ => None,
    })
    .flatten()
}

fn weak_get(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let key = call.arg(0);
    let found = weak_entries(&call, |_, entries| {
        entries
            .iter()
            .find(|(k, _)| k.same_value_zero(&key))
            .map(|(_, v)| v.clone())
    });
    Ok(found.flatten().unwrap_or(JsValue::Undefined))
}

fn weak_put(interp: &mut Interpreter, call: Call<'_>, value: JsValue) -> Eval<JsValue> {
    let key = call.arg(0);
    let set = weak_entries(&call, |set, _| set).unwrap_or(false);
    invalid_key(interp, set, &key, &call)?;
    weak_entries(&call, |_, entries| {
        match entries.iter_mut().find(|(k, _)| k.same_value_zero(&key)) {
            Some(entry) => entry.1 = value,
            None => entries.push((key, value)),
        }
    });
    Ok(call.this.clone())
}

fn weak_set(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let value = call.arg(1);
    weak_put(interp, call, value)
}

fn weak_add(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    weak_put(interp, call, JsValue::Undefined)
}

fn weak_has(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let key = call.arg(0);
    let found = weak_entries(&call, |_, entries| {
        entries.iter().any(|(k, _)| k.same_value_zero(&key))
    });
    Ok(JsValue::Bool(found.unwrap_or(false)))
}

fn weak_delete(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let key = call.arg(0);
    let deleted = weak_entries(&call, |_, entries| {
        let before = entries.len();
        entries.retain(|(k, _)| !k.same_value_zero(&key));
        before != entries.len()
    });
    Ok(JsValue::Bool(deleted.unwrap_or(false)))
}

fn not_new(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    let name = native.name.clone();
    interp.type_error(format!("Constructor {name} requires 'new'"), call.span)
}

pub(super) fn construct(
    interp: &mut Interpreter,
    native: &Native,
    call: Call<'_>,
) -> Eval<JsValue> {
    let items = match call.arg(0) {
        JsValue::Undefined | JsValue::Null => Vec::new(),
        source => interp.iterate(&source, call.span, None)?,
    };
    let (kind, proto) = if &*native.name == "Map" {
        let mut entries: Vec<(JsValue, JsValue)> = Vec::new();
        for item in items {
            let pair = interp.iterate(&item, call.span, None)?;
            let key = pair.first().cloned().unwrap_or(JsValue::Undefined);
            let value = pair.get(1).cloned().unwrap_or(JsValue::Undefined);
            match entries.iter_mut().find(|(k, _)| k.same_value_zero(&key)) {
                Some(entry) => entry.1 = value,
                None => entries.push((key, value)),
            }
        }
        (Kind::Map(entries), interp.realm.map_proto.clone())
    } else {
        let mut unique: Vec<JsValue> = Vec::new();
        for item in items {
            if !unique.iter().any(|v| v.same_value_zero(&item)) {
                unique.push(item);
            }
        }
        (Kind::Set(unique), interp.realm.set_proto.clone())
    };
    Ok(JsValue::Object(Obj::new(Object::new(kind, Some(proto)))))
}

fn with_kind<R>(call: &Call<'_>, f: impl FnOnce(&mut Kind) -> R) -> Option<R> {
    match &call.this {
        JsValue::Object(object) => Some(f(&mut object.borrow_mut().kind)),
        _ => None,
    }
}

fn map_get(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let key = call.arg(0);
    Ok(with_kind(&call, |kind| match kind {
        Kind::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.same_value_zero(&key))
            .map(|(_, v)| v.clone()),
        _ => None,
    })
    .flatten()
    .unwrap_or(JsValue::Undefined))
}

fn map_set(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let (key, value) = (call.arg(0), call.arg(1));
    with_kind(&call, |kind| {
        if let Kind::Map(entries) = kind {
            match entries.iter_mut().find(|(k, _)| k.same_value_zero(&key)) {
                Some(entry) => entry.1 = value,
                None => entries.push((key, value)),
            }
        }
    });
    Ok(call.this.clone())
}

fn set_add(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let value = call.arg(0);
    with_kind(&call, |kind| {
        if let Kind::Set(items) = kind {
            if !items.iter().any(|v| v.same_value_zero(&value)) {
                items.push(value);
            }
        }
    });
    Ok(call.this.clone())
}

fn has(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let key = call.arg(0);
    Ok(JsValue::Bool(
        with_kind(&call, |kind| match kind {
            Kind::Map(entries) => entries.iter().any(|(k, _)| k.same_value_zero(&key)),
            Kind::Set(items) => items.iter().any(|v| v.same_value_zero(&key)),
            _ => false,
        })
        .unwrap_or(false),
    ))
}

fn delete(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let key = call.arg(0);
    Ok(JsValue::Bool(
        with_kind(&call, |kind| match kind {
            Kind::Map(entries) => {
                let before = entries.len();
                entries.retain(|(k, _)| !k.same_value_zero(&key));
                before != entries.len()
            }
            Kind::Set(items) => {
                let before = items.len();
                items.retain(|v| !v.same_value_zero(&key));
                before != items.len()
            }
            _ => false,
        })
        .unwrap_or(false),
    ))
}

fn clear(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    with_kind(&call, |kind| match kind {
        Kind::Map(entries) => entries.clear(),
        Kind::Set(items) => items.clear(),
        _ => {}
    });
    Ok(JsValue::Undefined)
}

fn pairs(call: &Call<'_>) -> Vec<(JsValue, JsValue)> {
    with_kind(call, |kind| match kind {
        Kind::Map(entries) => entries.clone(),
        Kind::Set(items) => items.iter().map(|v| (v.clone(), v.clone())).collect(),
        _ => Vec::new(),
    })
    .unwrap_or_default()
}

fn for_each(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let callback = call.arg(0);
    for (key, value) in pairs(&call) {
        interp.call_function(
            &callback,
            JsValue::Undefined,
            vec![value, key, call.this.clone()],
            call.span,
            None,
        )?;
    }
    Ok(JsValue::Undefined)
}

fn keys(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let keys = pairs(&call).into_iter().map(|(k, _)| k).collect();
    Ok(interp.array(keys))
}

fn values(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let values = pairs(&call).into_iter().map(|(_, v)| v).collect();
    Ok(interp.array(values))
}

fn entries(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let entries = pairs(&call)
        .into_iter()
        .map(|(k, v)| interp.array(vec![k, v]))
        .collect();
    Ok(interp.array(entries))
}
