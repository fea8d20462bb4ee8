//! `Array.prototype` and `Array`'s statics, as Node 20 has them.

use super::super::heap::{Call, JsValue, Kind, Native, NativeFn};
use super::super::{Eval, Interpreter};
use std::cmp::Ordering;

const METHODS: &[(&str, NativeFn)] = &[
    ("map", map),
    ("filter", filter),
    ("forEach", for_each),
    ("reduce", reduce),
    ("reduceRight", reduce_right),
    ("find", find),
    ("findIndex", find_index),
    ("findLast", find_last),
    ("findLastIndex", find_last_index),
    ("some", some),
    ("every", every),
    ("includes", includes),
    ("indexOf", index_of),
    ("lastIndexOf", last_index_of),
    ("join", join),
    ("toString", to_string),
    ("concat", concat),
    ("slice", slice),
    ("splice", splice),
    ("push", push),
    ("pop", pop),
    ("shift", shift),
    ("unshift", unshift),
    ("sort", sort),
    ("reverse", reverse),
    ("toSorted", to_sorted),
    ("toReversed", to_reversed),
    ("toSpliced", to_spliced),
    ("with", with),
    ("flat", flat),
    ("flatMap", flat_map),
    ("fill", fill),
    ("at", at),
    ("keys", keys),
    ("values", values),
    ("entries", entries),
];

pub(super) fn install(interp: &mut Interpreter) {
    let proto = interp.realm.array_proto.clone();
    interp.install(&proto, METHODS);
    let ctor = interp.constructor(
        "Array",
        array_ctor,
        &proto,
        &[("from", from), ("isArray", is_array), ("of", of)],
    );
    interp.global.declare("Array", ctor, true);
}

fn array_ctor(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    if let [JsValue::Number(n)] = call.args.as_slice() {
        if *n < 0.0 || n.fract() != 0.0 || *n > 4_294_967_295.0 {
            return Err(interp.error(
                crate::error::SequelizeError::new(
                    crate::error::ErrorName::RangeError,
                    "Invalid array length",
                ),
                call.span,
            ));
        }
        return Ok(interp.array(vec![JsValue::Undefined; (*n as usize).min(1 << 20)]));
    }
    Ok(interp.array(call.args))
}

fn array_mut<R>(call: &Call<'_>, f: impl FnOnce(&mut Vec<JsValue>) -> R) -> Option<R> {
    match &call.this {
        JsValue::Object(object) => match &mut object.borrow_mut().kind {
            Kind::Array(items) => Some(f(items)),
            _ => None,
        },
        _ => None,
    }
}

/// Calls `callback(item, index, array)` for each item in order, until `stop` says so.
fn each(
    interp: &mut Interpreter,
    call: &Call<'_>,
    mut visit: impl FnMut(&mut Interpreter, usize, JsValue, JsValue) -> Eval<bool>,
) -> Eval<()> {
    let callback = call.arg(0);
    if !callback.is_callable() {
        let shown = interp.describe_callback(&callback);
        return interp.type_error(format!("{shown} is not a function"), call.arg_span(0));
    }
    let this_arg = call.arg(1);
    let items = interp.this_items(call);
    for (i, item) in items.into_iter().enumerate() {
        let args = vec![item.clone(), JsValue::Number(i as f64), call.this.clone()];
        let result = interp.call_function(&callback, this_arg.clone(), args, call.span, None)?;
        if !visit(interp, i, item, result)? {
            break;
        }
    }
    Ok(())
}

fn map(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let mut out = Vec::new();
    each(interp, &call, |_, _, _, result| {
        out.push(result);
        Ok(true)
    })?;
    Ok(interp.array(out))
}

fn filter(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let mut out = Vec::new();
    each(interp, &call, |_, _, item, result| {
        if result.truthy() {
            out.push(item);
        }
        Ok(true)
    })?;
    Ok(interp.array(out))
}

fn for_each(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    each(interp, &call, |_, _, _, _| Ok(true))?;
    Ok(JsValue::Undefined)
}

fn find_with(
    interp: &mut Interpreter,
    call: &Call<'_>,
    last: bool,
) -> Eval<Option<(usize, JsValue)>> {
    let mut found = None;
    if last {
        let callback = call.arg(0);
        let items = interp.this_items(call);
        for (i, item) in items.into_iter().enumerate().rev() {
            let args = vec![item.clone(), JsValue::Number(i as f64), call.this.clone()];
            if interp
                .call_function(&callback, call.arg(1), args, call.span, None)?
                .truthy()
            {
                return Ok(Some((i, item)));
            }
        }
        return Ok(None);
    }
    each(interp, call, |_, i, item, result| {
        if result.truthy() {
            found = Some((i, item));
            return Ok(false);
        }
        Ok(true)
    })?;
    Ok(found)
}

fn find(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(find_with(interp, &call, false)?.map_or(JsValue::Undefined, |(_, v)| v))
}

fn find_index(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Number(
        find_with(interp, &call, false)?.map_or(-1.0, |(i, _)| i as f64),
    ))
}

fn find_last(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(find_with(interp, &call, true)?.map_or(JsValue::Undefined, |(_, v)| v))
}

fn find_last_index(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Number(
        find_with(interp, &call, true)?.map_or(-1.0, |(i, _)| i as f64),
    ))
}

fn some(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Bool(find_with(interp, &call, false)?.is_some()))
}

fn every(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let mut all = true;
    each(interp, &call, |_, _, _, result| {
        all = result.truthy();
        Ok(all)
    })?;
    Ok(JsValue::Bool(all))
}

fn reduce_items(
    interp: &mut Interpreter,
    call: &Call<'_>,
    items: Vec<(usize, JsValue)>,
) -> Eval<JsValue> {
    let callback = call.arg(0);
    if !callback.is_callable() {
        let shown = interp.describe_callback(&callback);
        return interp.type_error(format!("{shown} is not a function"), call.arg_span(0));
    }
    let mut items = items.into_iter();
    let mut accumulator = match call.args.get(1) {
        Some(initial) => initial.clone(),
        None => match items.next() {
            Some((_, first)) => first,
            None => {
                return interp.type_error("Reduce of empty array with no initial value", call.span)
            }
        },
    };
    for (i, item) in items {
        let args = vec![
            accumulator,
            item,
            JsValue::Number(i as f64),
            call.this.clone(),
        ];
        accumulator = interp.call_function(&callback, JsValue::Undefined, args, call.span, None)?;
    }
    Ok(accumulator)
}

fn reduce(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let items = interp.this_items(&call).into_iter().enumerate().collect();
    reduce_items(interp, &call, items)
}

fn reduce_right(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let items = interp
        .this_items(&call)
        .into_iter()
        .enumerate()
        .rev()
        .collect();
    reduce_items(interp, &call, items)
}

fn includes(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let needle = call.arg(0);
    Ok(JsValue::Bool(
        interp
            .this_items(&call)
            .iter()
            .any(|v| v.same_value_zero(&needle)),
    ))
}

fn index_of(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let needle = call.arg(0);
    let position = interp
        .this_items(&call)
        .iter()
        .position(|v| v.strict_equals(&needle));
    Ok(JsValue::Number(position.map_or(-1.0, |i| i as f64)))
}

fn last_index_of(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let needle = call.arg(0);
    let position = interp
        .this_items(&call)
        .iter()
        .rposition(|v| v.strict_equals(&needle));
    Ok(JsValue::Number(position.map_or(-1.0, |i| i as f64)))
}

pub(super) fn join_items(
    interp: &mut Interpreter,
    items: &[JsValue],
    separator: &str,
    span: crate::diagnostic::Span,
) -> Eval<String> {
    let mut text = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            text.push_str(separator);
        }
        if !item.is_nullish() {
            text.push_str(&interp.string_of(item, span)?);
        }
    }
    Ok(text)
}

fn join(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let separator = match call.arg(0) {
        JsValue::Undefined => ",".to_string(),
        other => interp.string_of(&other, call.span)?,
    };
    join_this(interp, &call, &separator)
}

fn to_string(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    join_this(interp, &call, ",")
}

/// `this.join(separator)`; an array met again inside itself joins as `''`, as in V8.
fn join_this(interp: &mut Interpreter, call: &Call<'_>, separator: &str) -> Eval<JsValue> {
    let Some(this) = call.this.as_object().cloned() else {
        return Ok(JsValue::str(""));
    };
    if interp.joining.contains(&this) {
        return Ok(JsValue::str(""));
    }
    let items = interp.this_items(call);
    interp.joining.push(this);
    let text = join_items(interp, &items, separator, call.span);
    interp.joining.pop();
    Ok(JsValue::str(&text?))
}

fn concat(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let mut items = interp.this_items(&call);
    for arg in &call.args {
        match arg {
            JsValue::Object(object) if matches!(object.borrow().kind, Kind::Array(_)) => {
                if let Kind::Array(more) = &object.borrow().kind {
                    items.extend(more.iter().cloned());
                }
            }
            other => items.push(other.clone()),
        }
    }
    Ok(interp.array(items))
}

/// A relative index (negative from the end) clamped to `0..=len`.
fn relative(interp: &mut Interpreter, value: &JsValue, len: usize, default: usize) -> Eval<usize> {
    if matches!(value, JsValue::Undefined) {
        return Ok(default);
    }
    let n = interp.number_of(value)?;
    let n = if n.is_nan() { 0.0 } else { n.trunc() };
    Ok(if n < 0.0 {
        (len as f64 + n).max(0.0) as usize
    } else {
        (n as usize).min(len)
    })
}

fn slice(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let items = interp.this_items(&call);
    let start = relative(interp, &call.arg(0), items.len(), 0)?;
    let end = relative(interp, &call.arg(1), items.len(), items.len())?;
    Ok(interp.array(
        items
            .get(start..end.max(start))
            .map(<[JsValue]>::to_vec)
            .unwrap_or_default(),
    ))
}

fn splice(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let len = interp.this_items(&call).len();
    let start = relative(interp, &call.arg(0), len, 0)?;
    let count = match call.args.len() {
        0 => 0,
        1 => len - start,
        _ => {
            let n = interp.number_of(&call.arg(1))?;
            (if n.is_nan() || n < 0.0 { 0.0 } else { n } as usize).min(len - start)
        }
    };
    let inserted: Vec<JsValue> = call.args.iter().skip(2).cloned().collect();
    let removed = array_mut(&call, |items| {
        items.splice(start..start + count, inserted).collect()
    })
    .unwrap_or_default();
    Ok(interp.array(removed))
}

fn push(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let args = call.args.clone();
    let len = array_mut(&call, |items| {
        items.extend(args);
        items.len()
    });
    Ok(JsValue::Number(len.unwrap_or(0) as f64))
}

fn pop(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(array_mut(&call, Vec::pop)
        .flatten()
        .unwrap_or(JsValue::Undefined))
}

fn shift(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(
        array_mut(&call, |items| (!items.is_empty()).then(|| items.remove(0)))
            .flatten()
            .unwrap_or(JsValue::Undefined),
    )
}

fn unshift(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let args = call.args.clone();
    let len = array_mut(&call, |items| {
        items.splice(0..0, args);
        items.len()
    });
    Ok(JsValue::Number(len.unwrap_or(0) as f64))
}

fn sort(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let comparator = call.arg(0);
    let items = interp.this_items(&call);
    // undefined sorts last; the rest by the comparator or by their strings (a stable
    // merge sort, as V8's TimSort is stable).
    let (mut defined, undefined): (Vec<JsValue>, Vec<JsValue>) = items
        .into_iter()
        .partition(|v| !matches!(v, JsValue::Undefined));
    let mut error = None;
    let mut keys = Vec::new();
    if !comparator.is_callable() {
        for item in &defined {
            keys.push(interp.string_of(item, call.span)?);
        }
        let mut indexed: Vec<(String, JsValue)> = keys.into_iter().zip(defined).collect();
        indexed.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
        defined = indexed.into_iter().map(|(_, v)| v).collect();
    } else {
        merge_sort(&mut defined, &mut |a, b| {
            if error.is_some() {
                return Ordering::Equal;
            }
            match interp.call_function(
                &comparator,
                JsValue::Undefined,
                vec![a.clone(), b.clone()],
                call.span,
                None,
            ) {
                Ok(result) => {
                    let n = interp.number_of(&result).unwrap_or(0.0);
                    if n < 0.0 {
                        Ordering::Less
                    } else if n > 0.0 {
                        Ordering::Greater
                    } else {
                        Ordering::Equal
                    }
                }
                Err(flow) => {
                    error = Some(flow);
                    Ordering::Equal
                }
            }
        });
    }
    if let Some(flow) = error {
        return Err(flow);
    }
    defined.extend(undefined);
    array_mut(&call, |items| *items = defined);
    Ok(call.this.clone())
}

/// A stable sort that tolerates comparators which are not consistent.
fn merge_sort(items: &mut Vec<JsValue>, compare: &mut dyn FnMut(&JsValue, &JsValue) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut right = items.split_off(items.len() / 2);
    merge_sort(items, compare);
    merge_sort(&mut right, compare);
    let left = std::mem::take(items);
    let mut left = left.into_iter().peekable();
    let mut right = right.into_iter().peekable();
    while let (Some(a), Some(b)) = (left.peek(), right.peek()) {
        if compare(a, b) == Ordering::Greater {
            items.push(right.next().expect("peeked"));
        } else {
            items.push(left.next().expect("peeked"));
        }
    }
    items.extend(left);
    items.extend(right);
}

/// `toSorted`, `toReversed`, `toSpliced` (ES2023, in Node 20): the in-place method run
/// on a copy, which is the answer (`toSpliced` answers the copy, not the removed items).
fn on_copy(
    interp: &mut Interpreter,
    native: &Native,
    call: Call<'_>,
    in_place: fn(&mut Interpreter, &Native, Call<'_>) -> Eval<JsValue>,
) -> Eval<JsValue> {
    let items = interp.this_items(&call);
    let copy = interp.array(items);
    let on_copy = Call {
        this: copy.clone(),
        ..call
    };
    in_place(interp, native, on_copy)?;
    Ok(copy)
}

fn to_sorted(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    on_copy(interp, native, call, sort)
}

fn to_reversed(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    on_copy(interp, native, call, reverse)
}

fn to_spliced(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    on_copy(interp, native, call, splice)
}

/// `array.with(index, value)`: a copy with one item replaced; V8's RangeError for an
/// index outside the array.
fn with(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let mut items = interp.this_items(&call);
    let n = interp.number_of(&call.arg(0))?.trunc();
    let n = if n.is_nan() { 0.0 } else { n };
    let index = if n < 0.0 { items.len() as f64 + n } else { n };
    if index < 0.0 || index >= items.len() as f64 {
        return Err(interp.error(
            crate::error::SequelizeError::new(
                crate::error::ErrorName::RangeError,
                "Invalid index : ".to_string() + &crate::js::format_number(n),
            ),
            call.span,
        ));
    }
    items[index as usize] = call.arg(1);
    Ok(interp.array(items))
}

fn reverse(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    array_mut(&call, |items| items.reverse());
    Ok(call.this.clone())
}

fn flatten(items: Vec<JsValue>, depth: f64, out: &mut Vec<JsValue>) {
    for item in items {
        let inner = match &item {
            JsValue::Object(object) if depth >= 1.0 => match &object.borrow().kind {
                Kind::Array(inner) => Some(inner.clone()),
                _ => None,
            },
            _ => None,
        };
        match inner {
            Some(inner) => flatten(inner, depth - 1.0, out),
            None => out.push(item),
        }
    }
}

fn flat(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let depth = match call.arg(0) {
        JsValue::Undefined => 1.0,
        other => interp.number_of(&other)?,
    };
    let mut out = Vec::new();
    // An array inside itself would flatten forever; V8 runs out of stack there.
    flatten(interp.this_items(&call), depth.min(64.0), &mut out);
    Ok(interp.array(out))
}

fn flat_map(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let mut mapped = Vec::new();
    each(interp, &call, |_, _, _, result| {
        mapped.push(result);
        Ok(true)
    })?;
    let mut out = Vec::new();
    flatten(mapped, 1.0, &mut out);
    Ok(interp.array(out))
}

fn fill(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let len = interp.this_items(&call).len();
    let start = relative(interp, &call.arg(1), len, 0)?;
    let end = relative(interp, &call.arg(2), len, len)?;
    let value = call.arg(0);
    array_mut(&call, |items| {
        for item in items.iter_mut().take(end).skip(start) {
            *item = value.clone();
        }
    });
    Ok(call.this.clone())
}

fn at(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let items = interp.this_items(&call);
    let n = interp.number_of(&call.arg(0))?.trunc();
    let n = if n.is_nan() { 0.0 } else { n };
    let index = if n < 0.0 { items.len() as f64 + n } else { n };
    Ok(if index < 0.0 {
        JsValue::Undefined
    } else {
        items
            .get(index as usize)
            .cloned()
            .unwrap_or(JsValue::Undefined)
    })
}

fn keys(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let len = interp.this_items(&call).len();
    Ok(interp.array((0..len).map(|i| JsValue::Number(i as f64)).collect()))
}

fn values(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let items = interp.this_items(&call);
    Ok(interp.array(items))
}

fn entries(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let items = interp.this_items(&call);
    let pairs = items
        .into_iter()
        .enumerate()
        .map(|(i, v)| interp.array(vec![JsValue::Number(i as f64), v]))
        .collect();
    Ok(interp.array(pairs))
}

fn from(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let source = call.arg(0);
    let items = match &source {
        JsValue::Object(object) if matches!(object.borrow().kind, Kind::Plain) => {
            interp.array_like(&source)?
        }
        JsValue::Undefined | JsValue::Null => {
            return interp.type_error(
                format!(
                    "{} is not iterable (cannot read property Symbol(Symbol.iterator))",
                    interp.describe_for_message(&source)
                ),
                call.span,
            )
        }
        _ => interp.iterate(&source, call.span, None)?,
    };
    let mapper = call.arg(1);
    if !mapper.is_callable() {
        return Ok(interp.array(items));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        out.push(interp.call_function(
            &mapper,
            JsValue::Undefined,
            vec![item, JsValue::Number(i as f64)],
            call.span,
            None,
        )?);
    }
    Ok(interp.array(out))
}

fn is_array(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Bool(
        matches!(call.arg(0), JsValue::Object(o) if matches!(o.borrow().kind, Kind::Array(_))),
    ))
}

fn of(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(interp.array(call.args))
}

impl Interpreter {
    /// How V8 shows a non-function passed where a callback goes (`undefined is not a function`).
    pub(super) fn describe_callback(&self, value: &JsValue) -> String {
        match value {
            JsValue::Object(object) if matches!(object.borrow().kind, Kind::Array(_)) => {
                "object is not a function".replace(" is not a function", "")
            }
            JsValue::Object(_) => "#<Object>".into(),
            JsValue::Str(s) => format!("\"{s}\""),
            other => self.describe_for_message(other),
        }
    }
}
