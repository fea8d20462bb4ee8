//! `String.prototype` and `String`, as Node 20 has them; regular expressions run on
//! `regex-lite` (the crate the playground already has), which reads the patterns
//! Sequelize code writes (no look-around or back-references).

use super::super::heap::{Call, JsValue, Key, Kind, Native, NativeFn};
use super::super::{Eval, Interpreter};

const METHODS: &[(&str, NativeFn)] = &[
    ("toUpperCase", to_upper_case),
    ("toLowerCase", to_lower_case),
    ("toLocaleUpperCase", to_upper_case),
    ("toLocaleLowerCase", to_lower_case),
    ("trim", trim),
    ("trimStart", trim_start),
    ("trimEnd", trim_end),
    ("includes", includes),
    ("startsWith", starts_with),
    ("endsWith", ends_with),
    ("indexOf", index_of),
    ("lastIndexOf", last_index_of),
    ("slice", slice),
    ("substring", substring),
    ("substr", substr),
    ("charAt", char_at),
    ("charCodeAt", char_code_at),
    ("at", at),
    ("split", split),
    ("replace", replace),
    ("replaceAll", replace_all),
    ("repeat", repeat),
    ("padStart", pad_start),
    ("padEnd", pad_end),
    ("concat", concat),
    ("match", match_regex),
    ("toString", value_of),
    ("valueOf", value_of),
    ("localeCompare", locale_compare),
    ("normalize", value_of),
];

pub(super) fn install(interp: &mut Interpreter) {
    let proto = interp.realm.string_proto.clone();
    interp.install(&proto, METHODS);
    let ctor = interp.constructor(
        "String",
        string_ctor,
        &proto,
        &[("fromCharCode", from_char_code)],
    );
    interp.global.declare("String", ctor, true);
    let regexp_proto = interp.realm.regexp_proto.clone();
    interp.install(
        &regexp_proto,
        &[
            ("test", regex_test),
            ("exec", regex_exec),
            ("toString", regex_to_string),
        ],
    );
    let regexp = interp.constructor("RegExp", regexp_ctor, &regexp_proto, &[]);
    interp.global.declare("RegExp", regexp, true);
}

fn this_text(interp: &mut Interpreter, call: &Call<'_>) -> Eval<String> {
    match &call.this {
        JsValue::Str(s) => Ok(s.to_string()),
        other => interp.string_of(other, call.span),
    }
}

fn arg_text(interp: &mut Interpreter, call: &Call<'_>, i: usize) -> Eval<String> {
    interp.string_of(&call.arg(i), call.span)
}

fn string_ctor(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(match call.args.first() {
        None => JsValue::str(""),
        Some(JsValue::Symbol(symbol)) => JsValue::str(&format!(
            "Symbol({})",
            symbol.description.clone().unwrap_or_default()
        )),
        Some(value) => JsValue::str(&interp.string_of(value, call.span)?),
    })
}

macro_rules! text_method {
    ($name:ident, |$s:ident| $body:expr) => {
        fn $name(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
            let $s = this_text(interp, &call)?;
            Ok(JsValue::str(&$body))
        }
    };
}

text_method!(to_upper_case, |s| s.to_uppercase());
text_method!(to_lower_case, |s| s.to_lowercase());
text_method!(trim, |s| s.trim());
text_method!(trim_start, |s| s.trim_start());
text_method!(trim_end, |s| s.trim_end());
text_method!(value_of, |s| s);

fn includes(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = this_text(interp, &call)?;
    Ok(JsValue::Bool(s.contains(&arg_text(interp, &call, 0)?)))
}

fn starts_with(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = this_text(interp, &call)?;
    Ok(JsValue::Bool(s.starts_with(&arg_text(interp, &call, 0)?)))
}

fn ends_with(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = this_text(interp, &call)?;
    Ok(JsValue::Bool(s.ends_with(&arg_text(interp, &call, 0)?)))
}

/// Indexes in UTF-16 units, as JavaScript counts.
fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

fn from_units(units: &[u16]) -> JsValue {
    JsValue::str(&String::from_utf16_lossy(units))
}

fn find_units(haystack: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from.min(haystack.len()));
    }
    (from..haystack.len().saturating_sub(needle.len()) + 1)
        .find(|&i| haystack[i..].starts_with(needle))
}

fn index_of(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = units(&this_text(interp, &call)?);
    let needle = units(&arg_text(interp, &call, 0)?);
    let from = interp.number_of(&call.arg(1))?;
    let from = if from.is_nan() || from < 0.0 {
        0
    } else {
        from as usize
    };
    Ok(JsValue::Number(
        find_units(&s, &needle, from).map_or(-1.0, |i| i as f64),
    ))
}

fn last_index_of(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = units(&this_text(interp, &call)?);
    let needle = units(&arg_text(interp, &call, 0)?);
    let found = (0..=s.len().saturating_sub(needle.len()))
        .rev()
        .find(|&i| s[i..].starts_with(&needle));
    Ok(JsValue::Number(found.map_or(-1.0, |i| i as f64)))
}

fn clamp_index(
    interp: &mut Interpreter,
    value: &JsValue,
    len: usize,
    default: usize,
    negative_from_end: bool,
) -> Eval<usize> {
    if matches!(value, JsValue::Undefined) {
        return Ok(default);
    }
    let n = interp.number_of(value)?;
    let n = if n.is_nan() { 0.0 } else { n.trunc() };
    Ok(if n < 0.0 {
        if negative_from_end {
            (len as f64 + n).max(0.0) as usize
        } else {
            0
        }
    } else {
        (n as usize).min(len)
    })
}

fn slice(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = units(&this_text(interp, &call)?);
    let start = clamp_index(interp, &call.arg(0), s.len(), 0, true)?;
    let end = clamp_index(interp, &call.arg(1), s.len(), s.len(), true)?;
    Ok(from_units(s.get(start..end.max(start)).unwrap_or(&[])))
}

fn substring(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = units(&this_text(interp, &call)?);
    let a = clamp_index(interp, &call.arg(0), s.len(), 0, false)?;
    let b = clamp_index(interp, &call.arg(1), s.len(), s.len(), false)?;
    Ok(from_units(&s[a.min(b)..a.max(b)]))
}

fn substr(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = units(&this_text(interp, &call)?);
    let start = clamp_index(interp, &call.arg(0), s.len(), 0, true)?;
    let length = clamp_index(interp, &call.arg(1), s.len(), s.len(), false)?;
    Ok(from_units(&s[start..(start + length).min(s.len())]))
}

fn char_at(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = units(&this_text(interp, &call)?);
    let i = interp.number_of(&call.arg(0))?;
    let i = if i.is_nan() { 0.0 } else { i };
    Ok(if i < 0.0 {
        JsValue::str("")
    } else {
        s.get(i as usize)
            .map_or(JsValue::str(""), |u| from_units(&[*u]))
    })
}

fn char_code_at(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = units(&this_text(interp, &call)?);
    let i = interp.number_of(&call.arg(0))?;
    let i = if i.is_nan() { 0.0 } else { i };
    Ok(JsValue::Number(if i < 0.0 {
        f64::NAN
    } else {
        s.get(i as usize).map_or(f64::NAN, |u| f64::from(*u))
    }))
}

fn at(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = units(&this_text(interp, &call)?);
    let n = interp.number_of(&call.arg(0))?.trunc();
    let n = if n.is_nan() { 0.0 } else { n };
    let i = if n < 0.0 { s.len() as f64 + n } else { n };
    Ok(if i < 0.0 {
        JsValue::Undefined
    } else {
        s.get(i as usize)
            .map_or(JsValue::Undefined, |u| from_units(&[*u]))
    })
}

/// A `RegExp` argument as a compiled pattern, with its `g` flag.
fn regex_of(value: &JsValue) -> Option<(regex_lite::Regex, bool)> {
    let JsValue::Object(object) = value else {
        return None;
    };
    let Kind::RegExp { source, flags } = &object.borrow().kind else {
        return None;
    };
    let mut pattern = String::new();
    for (flag, inline) in [('i', "(?i)"), ('m', "(?m)"), ('s', "(?s)")] {
        if flags.contains(flag) {
            pattern.push_str(inline);
        }
    }
    pattern.push_str(source);
    regex_lite::Regex::new(&pattern)
        .ok()
        .map(|r| (r, flags.contains('g')))
}

fn split(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = this_text(interp, &call)?;
    let parts: Vec<JsValue> = match call.arg(0) {
        JsValue::Undefined => vec![JsValue::str(&s)],
        separator => match regex_of(&separator) {
            Some((regex, _)) => regex.split(&s).map(JsValue::str).collect(),
            None => {
                let separator = interp.string_of(&separator, call.span)?;
                if separator.is_empty() {
                    s.encode_utf16().map(|u| from_units(&[u])).collect()
                } else {
                    s.split(separator.as_str()).map(JsValue::str).collect()
                }
            }
        },
    };
    let limit = match call.arg(1) {
        JsValue::Undefined => usize::MAX,
        other => interp.number_of(&other)? as usize,
    };
    Ok(interp.array(parts.into_iter().take(limit).collect()))
}

fn replace_with(interp: &mut Interpreter, call: &Call<'_>, all: bool) -> Eval<JsValue> {
    let s = this_text(interp, call)?;
    let replacement = call.arg(1);
    let mut out = String::new();
    let mut last = 0;
    let matches: Vec<(usize, usize)> = match regex_of(&call.arg(0)) {
        Some((regex, global)) => {
            let found = regex.find_iter(&s).map(|m| (m.start(), m.end()));
            if global || all {
                found.collect()
            } else {
                found.take(1).collect()
            }
        }
        None => {
            let pattern = arg_text(interp, call, 0)?;
            let found = s
                .match_indices(pattern.as_str())
                .map(|(i, m)| (i, i + m.len()));
            if all {
                found.collect()
            } else {
                found.take(1).collect()
            }
        }
    };
    for (start, end) in matches {
        out.push_str(&s[last..start]);
        let matched = &s[start..end];
        if replacement.is_callable() {
            let args = vec![
                JsValue::str(matched),
                JsValue::Number(start as f64),
                JsValue::str(&s),
            ];
            let result =
                interp.call_function(&replacement, JsValue::Undefined, args, call.span, None)?;
            out.push_str(&interp.string_of(&result, call.span)?);
        } else {
            let text = interp.string_of(&replacement, call.span)?;
            out.push_str(&text.replace("$&", matched));
        }
        last = end;
    }
    out.push_str(&s[last..]);
    Ok(JsValue::str(&out))
}

fn replace(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    replace_with(interp, &call, false)
}

fn replace_all(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    replace_with(interp, &call, true)
}

fn match_regex(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = this_text(interp, &call)?;
    let Some((regex, global)) = regex_of(&call.arg(0)) else {
        return Ok(JsValue::Null);
    };
    if !global {
        return Ok(match regex.captures(&s) {
            Some(captures) => match_array(interp, &captures, &s),
            None => JsValue::Null,
        });
    }
    let found: Vec<JsValue> = regex
        .find_iter(&s)
        .map(|m| JsValue::str(m.as_str()))
        .collect();
    Ok(if found.is_empty() {
        JsValue::Null
    } else {
        interp.array(found)
    })
}

/// A match as `exec` and `match` answer it: the match and its groups, with `index`
/// (in UTF-16 units), `input` and `groups` (the named groups, or undefined).
fn match_array(interp: &mut Interpreter, captures: &regex_lite::Captures<'_>, s: &str) -> JsValue {
    let items: Vec<JsValue> = captures
        .iter()
        .map(|c| c.map_or(JsValue::Undefined, |m| JsValue::str(m.as_str())))
        .collect();
    let start = captures.get(0).map_or(0, |m| m.start());
    let index = s[..start].encode_utf16().count();
    let array = interp.array(items);
    if let JsValue::Object(handle) = &array {
        let mut object = handle.borrow_mut();
        object.set_own(Key::Str("index".into()), JsValue::Number(index as f64));
        object.set_own(Key::Str("input".into()), JsValue::str(s));
        object.set_own(Key::Str("groups".into()), JsValue::Undefined);
    }
    array
}

/// `regex.exec(text)`: the next match; a global regex starts at its `lastIndex` and
/// moves it past the match (back to 0 when none is left), so `while` loops end.
fn regex_exec(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let text = arg_text(interp, &call, 0)?;
    let Some((regex, global)) = regex_of(&call.this) else {
        return Ok(JsValue::Null);
    };
    let JsValue::Object(handle) = &call.this else {
        return Ok(JsValue::Null);
    };
    let last_key = Key::Str("lastIndex".into());
    let from_units = match global {
        true => match handle.borrow().own(&last_key).map(|p| &p.slot) {
            Some(super::super::heap::Slot::Value(JsValue::Number(n))) if *n >= 0.0 => *n as usize,
            _ => 0,
        },
        false => 0,
    };
    // `lastIndex` counts UTF-16 units; the regex reads bytes.
    let from = text
        .char_indices()
        .scan(0, |units, (byte, c)| {
            let at = *units;
            *units += c.len_utf16();
            Some((byte, at))
        })
        .find(|(_, at)| *at >= from_units)
        .map_or(text.len(), |(byte, _)| byte);
    let found = (from_units <= text.encode_utf16().count())
        .then(|| regex.captures_at(&text, from))
        .flatten();
    let Some(captures) = found else {
        if global {
            handle
                .borrow_mut()
                .set_hidden(last_key, JsValue::Number(0.0));
        }
        return Ok(JsValue::Null);
    };
    if global {
        let whole = captures.get(0).expect("a match has group 0");
        let mut end = text[..whole.end()].encode_utf16().count();
        if whole.start() == whole.end() {
            end += 1;
        }
        handle
            .borrow_mut()
            .set_hidden(last_key, JsValue::Number(end as f64));
    }
    Ok(match_array(interp, &captures, &text))
}

/// `String.fromCharCode(...codes)`: UTF-16 units.
fn from_char_code(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let mut units = Vec::with_capacity(call.args.len());
    for arg in &call.args {
        let n = interp.number_of(arg)?;
        units.push(if n.is_finite() {
            (n as i64).rem_euclid(65_536) as u16
        } else {
            0
        });
    }
    Ok(from_units(&units))
}

fn repeat(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let s = this_text(interp, &call)?;
    let n = interp.number_of(&call.arg(0))?;
    if n < 0.0 || n.is_infinite() {
        return Err(interp.error(
            crate::error::SequelizeError::new(
                crate::error::ErrorName::RangeError,
                format!("Invalid count value: {}", crate::js::format_number(n)),
            ),
            call.span,
        ));
    }
    let n = if n.is_nan() { 0 } else { n as usize };
    Ok(JsValue::str(&s.repeat(n.min(1_000_000 / s.len().max(1)))))
}

fn pad(interp: &mut Interpreter, call: &Call<'_>, at_start: bool) -> Eval<JsValue> {
    let s = this_text(interp, call)?;
    let target = interp.number_of(&call.arg(0))?;
    let filler = match call.arg(1) {
        JsValue::Undefined => " ".to_string(),
        other => interp.string_of(&other, call.span)?,
    };
    let len = s.encode_utf16().count();
    let target = if target.is_nan() {
        0
    } else {
        (target as usize).min(100_000)
    };
    if target <= len || filler.is_empty() {
        return Ok(JsValue::str(&s));
    }
    let padding: String = filler.chars().cycle().take(target - len).collect();
    Ok(JsValue::str(&if at_start {
        padding + &s
    } else {
        s + &padding
    }))
}

fn pad_start(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    pad(interp, &call, true)
}

fn pad_end(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    pad(interp, &call, false)
}

fn concat(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let mut s = this_text(interp, &call)?;
    for arg in &call.args {
        s.push_str(&interp.string_of(arg, call.span)?);
    }
    Ok(JsValue::str(&s))
}

fn locale_compare(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let a = this_text(interp, &call)?;
    let b = arg_text(interp, &call, 0)?;
    let key = |s: &str| s.to_lowercase();
    let ordering = key(&a).cmp(&key(&b)).then(b.cmp(&a));
    Ok(JsValue::Number(match ordering {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    }))
}

fn regex_test(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let text = arg_text(interp, &call, 0)?;
    Ok(JsValue::Bool(
        regex_of(&call.this).is_some_and(|(r, _)| r.is_match(&text)),
    ))
}

fn regex_to_string(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(match &call.this {
        JsValue::Object(object) => match &object.borrow().kind {
            Kind::RegExp { source, flags } => JsValue::str(&format!("/{source}/{flags}")),
            _ => JsValue::str("/(?:)/"),
        },
        _ => JsValue::str("/(?:)/"),
    })
}

fn regexp_ctor(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let source = arg_text(interp, &call, 0)?;
    let flags = match call.arg(1) {
        JsValue::Undefined => String::new(),
        other => interp.string_of(&other, call.span)?,
    };
    let object = super::super::heap::Object::new(
        Kind::RegExp { source, flags },
        Some(interp.realm.regexp_proto.clone()),
    );
    Ok(JsValue::Object(super::super::heap::Obj::new(object)))
}
