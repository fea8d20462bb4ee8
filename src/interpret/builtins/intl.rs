//! `Intl.NumberFormat` and `Intl.DateTimeFormat`: a formatter keeps its locale and
//! options, and its `format` writes as `toLocaleString` / `toLocaleDateString` do.

use super::super::heap::{Call, JsValue, Key, Kind, Native, NativeFn, Obj, Object, Slot};
use super::super::{Eval, Interpreter};

pub(super) fn install(interp: &mut Interpreter) {
    let proto = Obj::new(Object::new(Kind::Plain, None));
    let number = interp.constructor("NumberFormat", number_format, &proto, &[]);
    let proto = Obj::new(Object::new(Kind::Plain, None));
    let date = interp.constructor("DateTimeFormat", date_time_format, &proto, &[]);
    let intl = interp.namespace(&[]);
    intl.borrow_mut().set_hidden("NumberFormat".into(), number);
    intl.borrow_mut().set_hidden("DateTimeFormat".into(), date);
    interp.global.declare("Intl", JsValue::Object(intl), true);
}

/// `new Intl.NumberFormat(locale, options)` (or without `new`).
fn number_format(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(formatter(interp, &call, format_number))
}

fn date_time_format(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(formatter(interp, &call, format_date))
}

/// A formatter object: its `format` method, the locale and options kept hidden.
fn formatter(interp: &Interpreter, call: &Call<'_>, format: NativeFn) -> JsValue {
    let object = Obj::new(Object::new(
        Kind::Plain,
        Some(interp.realm.object_proto.clone()),
    ));
    let method = interp.native("format", format);
    {
        let mut b = object.borrow_mut();
        b.set_hidden(Key::from("format"), method);
        b.set_hidden(Key::from("locale"), call.arg(0));
        b.set_hidden(Key::from("options"), call.arg(1));
    }
    JsValue::Object(object)
}

/// The formatter's locale and options, as a `toLocale…String` call's arguments.
fn kept(call: &Call<'_>) -> Vec<JsValue> {
    let read = |key: &str| match &call.this {
        JsValue::Object(o) => match o.borrow().own_str(key).map(|p| p.slot.clone()) {
            Some(Slot::Value(value)) => value,
            _ => JsValue::Undefined,
        },
        _ => JsValue::Undefined,
    };
    vec![read("locale"), read("options")]
}

fn format_number(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    let value = JsValue::Number(interp.number_of(&call.arg(0))?);
    let args = kept(&call);
    super::number::to_locale_string(interp, native, with_this(&call, value, args))
}

fn format_date(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let date = match call.arg(0) {
        JsValue::Undefined => {
            let now = interp.now_ms();
            interp.date(now)
        }
        other => other,
    };
    let args = kept(&call);
    super::date::formatted(interp, &with_this(&call, date, args))
}

fn with_this<'a>(call: &Call<'a>, this: JsValue, args: Vec<JsValue>) -> Call<'a> {
    Call {
        this,
        args,
        span: call.span,
        callee: None,
        arg_exprs: &[],
    }
}
