//! `JSON.stringify` (replacer functions and lists, indentation, `toJSON` — Sequelize
//! instances give their data values) and `JSON.parse` (with V8's error messages).

use super::super::heap::{Call, JsValue, Key, Kind, Native, Obj};
use super::super::{Eval, Interpreter};
use crate::diagnostic::Span;

struct Stringify {
    replacer: Option<JsValue>,
    allowed: Option<Vec<String>>,
    indent: String,
    stack: Vec<Obj>,
    span: Span,
}

pub(super) fn stringify(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let replacer = call.arg(1);
    let allowed = match &replacer {
        JsValue::Object(object) if matches!(object.borrow().kind, Kind::Array(_)) => {
            let items = interp.this_items(&Call {
                this: replacer.clone(),
                args: Vec::new(),
                span: call.span,
                callee: None,
                arg_exprs: &[],
            });
            let mut names = Vec::new();
            for item in items {
                if matches!(item, JsValue::Str(_) | JsValue::Number(_)) {
                    names.push(interp.string_of(&item, call.span)?);
                }
            }
            Some(names)
        }
        _ => None,
    };
    let indent = match call.arg(2) {
        JsValue::Number(n) => " ".repeat(n.clamp(0.0, 10.0) as usize),
        JsValue::Str(s) => s.chars().take(10).collect(),
        _ => String::new(),
    };
    let mut state = Stringify {
        replacer: replacer.is_callable().then_some(replacer),
        allowed,
        indent,
        stack: Vec::new(),
        span: call.span,
    };
    let wrapper = interp.plain_object();
    let value = call.arg(0);
    if let JsValue::Opaque(what) = &value {
        interp.note_opaque(call.arg_span(0), what);
    }
    Ok(
        match serialize(interp, &mut state, &wrapper, "", value, "")? {
            Some(text) => JsValue::str(&text),
            None => JsValue::Undefined,
        },
    )
}

/// One value's JSON text; `None` where JSON leaves it out (undefined, functions, symbols).
fn serialize(
    interp: &mut Interpreter,
    state: &mut Stringify,
    holder: &JsValue,
    key: &str,
    value: JsValue,
    gap: &str,
) -> Eval<Option<String>> {
    let mut value = value;
    // A `toJSON()` is what JSON sees: an object's, or an instance's own (a class method
    // the snippet wrote; else its values, through its getters).
    let to_json = match &value {
        JsValue::Instance(_) | JsValue::Object(_) => {
            let to_json = interp.get(&value, &Key::from("toJSON"), state.span)?;
            let written = matches!(&to_json, JsValue::Object(f)
                if matches!(&f.borrow().kind, crate::interpret::heap::Kind::Function(
                    crate::interpret::heap::Callable::Closure(_))));
            let applies = matches!(value, JsValue::Object(_)) && to_json.is_callable() || written;
            applies.then_some(to_json)
        }
        _ => None,
    };
    if let Some(to_json) = to_json {
        value = interp.call_function(
            &to_json,
            value.clone(),
            vec![JsValue::str(key)],
            state.span,
            None,
        )?;
    } else if let JsValue::Instance(instance) = &value {
        value = match interp.plain_with_getters(instance, state.span, true)? {
            Some(plain) => plain,
            None => {
                let data = crate::value::Value::Object(instance.borrow().values.clone());
                interp.adopt(&data)
            }
        };
    }
    if let Some(replacer) = state.replacer.clone() {
        value = interp.call_function(
            &replacer,
            holder.clone(),
            vec![JsValue::str(key), value],
            state.span,
            None,
        )?;
    }
    Ok(Some(match &value {
        JsValue::Null => "null".into(),
        JsValue::Bool(b) => b.to_string(),
        JsValue::Number(n) if n.is_finite() => crate::js::format_number(*n),
        JsValue::Number(_) => "null".into(),
        JsValue::Str(s) => quote(s),
        JsValue::Undefined | JsValue::Symbol(_) => return Ok(None),
        JsValue::Opaque(what) => quote(&format!("[not modeled: {what}]")),
        JsValue::Instance(_) => "{}".into(),
        JsValue::Object(object) => {
            if object.is_callable() {
                return Ok(None);
            }
            if state.stack.contains(object) {
                return interp.type_error(
                    "Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- property closes the circle",
                    state.span,
                );
            }
            if state.stack.len() > 100 {
                return Err(interp.error(
                    crate::error::SequelizeError::new(
                        crate::error::ErrorName::RangeError,
                        "Maximum call stack size exceeded",
                    ),
                    state.span,
                ));
            }
            state.stack.push(object.clone());
            let inner_gap = format!("{gap}{}", state.indent);
            let is_array = matches!(object.borrow().kind, Kind::Array(_));
            let text = if is_array {
                let items = interp.this_items(&Call {
                    this: value.clone(),
                    args: Vec::new(),
                    span: state.span,
                    callee: None,
                    arg_exprs: &[],
                });
                let mut parts = Vec::new();
                for (i, item) in items.into_iter().enumerate() {
                    let part = serialize(interp, state, &value, &i.to_string(), item, &inner_gap)?;
                    parts.push(part.unwrap_or_else(|| "null".into()));
                }
                wrap('[', ']', parts, &inner_gap, gap, &state.indent)
            } else {
                let keys: Vec<String> = match &state.allowed {
                    Some(allowed) => allowed.clone(),
                    None => interp
                        .own_keys(&value)
                        .iter()
                        .map(|k| k.to_string())
                        .collect(),
                };
                let mut parts = Vec::new();
                for k in keys {
                    let item = interp.get(&value, &Key::Str(k.as_str().into()), state.span)?;
                    if let Some(part) = serialize(interp, state, &value, &k, item, &inner_gap)? {
                        let colon = if state.indent.is_empty() { ":" } else { ": " };
                        parts.push(format!("{}{colon}{part}", quote(&k)));
                    }
                }
                wrap('{', '}', parts, &inner_gap, gap, &state.indent)
            };
            state.stack.pop();
            text
        }
    }))
}

fn wrap(
    open: char,
    close: char,
    parts: Vec<String>,
    inner_gap: &str,
    gap: &str,
    indent: &str,
) -> String {
    if parts.is_empty() {
        return format!("{open}{close}");
    }
    if indent.is_empty() {
        return format!("{open}{}{close}", parts.join(","));
    }
    format!(
        "{open}\n{inner_gap}{}\n{gap}{close}",
        parts.join(&format!(",\n{inner_gap}"))
    )
}

/// A JSON string literal, escaped as `JSON.stringify` escapes.
pub(in super::super) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub(super) fn parse(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let text = interp.string_of(&call.arg(0), call.span)?;
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(json) => Ok(interp.adopt(&crate::value::from_json(json))),
        Err(error) => {
            let message = if error.is_eof() {
                "Unexpected end of JSON input".to_string()
            } else {
                let offset = offset_of(&text, error.line(), error.column());
                let token = text
                    .get(offset..)
                    .and_then(|t| t.chars().next())
                    .unwrap_or(' ');
                let shown = if text.chars().count() > 30 {
                    format!("{}...", text.chars().take(10).collect::<String>())
                } else {
                    text.clone()
                };
                format!("Unexpected token '{token}', \"{shown}\" is not valid JSON")
            };
            let value = super::errors::make(interp, "SyntaxError", &message);
            Err(super::super::Flow::Throw(super::super::Exception {
                value,
                span: call.span,
                hint: None,
            }))
        }
    }
}

fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column).saturating_sub(1)
}
