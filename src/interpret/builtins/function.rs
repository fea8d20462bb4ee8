//! `Function.prototype` (`call`, `apply`, `bind`, `toString`) and `Object.prototype`.

use super::super::heap::{Call, Callable, JsValue, Kind, Native, Obj, Object};
use super::super::{Eval, Interpreter};

pub(super) fn install(interp: &mut Interpreter) {
    let proto = interp.realm.function_proto.clone();
    interp.install(
        &proto,
        &[
            ("call", call),
            ("apply", apply),
            ("bind", bind),
            ("toString", to_string),
        ],
    );
    let object_proto = interp.realm.object_proto.clone();
    interp.install(
        &object_proto,
        &[
            ("hasOwnProperty", has_own_property),
            ("toString", object_to_string),
            ("valueOf", value_of),
            ("isPrototypeOf", is_prototype_of),
            ("propertyIsEnumerable", has_own_property),
            ("toLocaleString", object_to_string),
        ],
    );
    let symbol_proto = interp.realm.symbol_proto.clone();
    interp.install(&symbol_proto, &[("toString", symbol_to_string)]);
    let symbol = interp.constructor("Symbol", symbol_ctor, &symbol_proto, &[("for", symbol_for)]);
    if let JsValue::Object(handle) = &symbol {
        for name in [
            "iterator",
            "asyncIterator",
            "toPrimitive",
            "toStringTag",
            "hasInstance",
        ] {
            let well_known = interp.symbol(&format!("Symbol.{name}"), false);
            handle.borrow_mut().set_hidden(name.into(), well_known);
        }
    }
    interp.global.declare("Symbol", symbol, true);
}

fn call(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let this = call.arg(0);
    let args = call.args.iter().skip(1).cloned().collect();
    interp.call_function(&call.this, this, args, call.span, None)
}

fn apply(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let this = call.arg(0);
    let args = match call.arg(1) {
        JsValue::Undefined | JsValue::Null => Vec::new(),
        list => interp.iterate(&list, call.span, None)?,
    };
    interp.call_function(&call.this, this, args, call.span, None)
}

fn bind(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let JsValue::Object(target) = &call.this else {
        return interp.type_error("Bind must be called on a function", call.span);
    };
    let bound = Callable::Bound {
        target: target.clone(),
        this: call.arg(0),
        args: call.args.iter().skip(1).cloned().collect(),
    };
    Ok(JsValue::Object(Obj::new(Object::new(
        Kind::Function(bound),
        Some(interp.realm.function_proto.clone()),
    ))))
}

fn to_string(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let name = match &call.this {
        JsValue::Object(object) => match &object.borrow().kind {
            Kind::Function(callable) => interp.function_name(callable),
            _ => String::new(),
        },
        _ => String::new(),
    };
    Ok(JsValue::str(&format!(
        "function {name}() {{ [native code] }}"
    )))
}

fn has_own_property(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let key = interp.key_of(&call.arg(0))?;
    Ok(JsValue::Bool(match &call.this {
        JsValue::Object(object) => {
            let b = object.borrow();
            b.own(&key).is_some()
                || matches!((&b.kind, key.as_str()), (Kind::Array(items), Some(k)) if k == "length" || super::super::expressions::array_index(k).is_some_and(|i| i < items.len()))
        }
        JsValue::Instance(instance) => key
            .as_str()
            .is_some_and(|k| instance.borrow().get(k).is_some()),
        _ => false,
    }))
}

fn object_to_string(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let tag = match &call.this {
        JsValue::Undefined => "Undefined",
        JsValue::Null => "Null",
        JsValue::Object(object) => match &object.borrow().kind {
            Kind::Array(_) => "Array",
            Kind::Function(_) => "Function",
            Kind::Error => "Error",
            Kind::Date(_) => "Date",
            _ => "Object",
        },
        _ => "Object",
    };
    Ok(JsValue::str(&format!("[object {tag}]")))
}

fn value_of(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(call.this.clone())
}

fn is_prototype_of(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let (JsValue::Object(proto), JsValue::Object(object)) = (&call.this, &call.arg(0)) else {
        return Ok(JsValue::Bool(false));
    };
    let mut current = object.proto();
    while let Some(o) = current {
        if o == *proto {
            return Ok(JsValue::Bool(true));
        }
        current = o.proto();
    }
    Ok(JsValue::Bool(false))
}

fn symbol_ctor(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let description = match call.arg(0) {
        JsValue::Undefined => None,
        other => Some(interp.string_of(&other, call.span)?),
    };
    Ok(JsValue::Symbol(std::rc::Rc::new(
        super::super::heap::Symbol {
            description,
            is_operator: false,
        },
    )))
}

fn symbol_for(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let key = interp.string_of(&call.arg(0), call.span)?;
    Ok(interp.symbol(&key, false))
}

fn symbol_to_string(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(match &call.this {
        JsValue::Symbol(s) => JsValue::str(&format!(
            "Symbol({})",
            s.description.clone().unwrap_or_default()
        )),
        _ => JsValue::str("Symbol()"),
    })
}
