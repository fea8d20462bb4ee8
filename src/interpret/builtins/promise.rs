//! `Promise`: the constructor (its executor runs at once), `then`/`catch`/`finally`, and
//! the statics `resolve`, `reject`, `all`, `allSettled`, `race`, `any`.

use super::super::heap::{Call, JsValue, Native, Obj};
use super::super::{Eval, Flow, Interpreter};

pub(super) fn install(interp: &mut Interpreter) {
    let proto = interp.realm.promise_proto.clone();
    interp.install(
        &proto,
        &[("then", then), ("catch", catch), ("finally", finally)],
    );
    let statics: &[(&str, super::super::heap::NativeFn)] = &[
        ("resolve", resolve),
        ("reject", reject),
        ("all", all),
        ("allSettled", all_settled),
        ("race", race),
        ("any", any),
    ];
    let ctor = interp.constructor("Promise", not_new, &proto, statics);
    interp.global.declare("Promise", ctor, true);
}

fn not_new(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    interp.type_error(
        "Promise constructor cannot be invoked without 'new'",
        call.span,
    )
}

/// `new Promise((resolve, reject) => …)`.
pub(super) fn construct(interp: &mut Interpreter, call: Call<'_>) -> Eval<JsValue> {
    let executor = call.arg(0);
    if !executor.is_callable() {
        let shown = interp.describe_callback(&executor);
        return interp.type_error(
            format!("Promise resolver {shown} is not a function"),
            call.span,
        );
    }
    let promise = interp.pending_promise();
    let resolve = interp.native_with(
        "resolve",
        settle_fulfilled,
        Some(JsValue::Object(promise.clone())),
    );
    let reject = interp.native_with(
        "reject",
        settle_rejected,
        Some(JsValue::Object(promise.clone())),
    );
    match interp.call_function(
        &executor,
        JsValue::Undefined,
        vec![resolve, reject],
        call.span,
        None,
    ) {
        Ok(_) => {}
        Err(Flow::Throw(exception)) => {
            interp.settle(&promise, Err(exception.value), exception.span)
        }
        Err(other) => return Err(other),
    }
    Ok(JsValue::Object(promise))
}

fn carried_promise(native: &Native) -> Option<Obj> {
    match native.data.as_deref() {
        Some(JsValue::Object(promise)) => Some(promise.clone()),
        _ => None,
    }
}

fn settle_fulfilled(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    if let Some(promise) = carried_promise(native) {
        interp.settle(&promise, Ok(call.arg(0)), call.span);
    }
    Ok(JsValue::Undefined)
}

fn settle_rejected(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    if let Some(promise) = carried_promise(native) {
        interp.settle(&promise, Err(call.arg(0)), call.span);
    }
    Ok(JsValue::Undefined)
}

fn this_promise(interp: &mut Interpreter, call: &Call<'_>) -> Eval<Obj> {
    match interp.as_promise(&call.this) {
        Some(promise) => Ok(promise),
        None => interp.type_error(
            "Method Promise.prototype.then called on incompatible receiver",
            call.span,
        ),
    }
}

fn then(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let promise = this_promise(interp, &call)?;
    Ok(interp.then(&promise, call.arg(0), call.arg(1)))
}

fn catch(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let promise = this_promise(interp, &call)?;
    Ok(interp.then(&promise, JsValue::Undefined, call.arg(0)))
}

/// `finally(f)`: `f` runs either way and the outcome passes through.
fn finally(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let promise = this_promise(interp, &call)?;
    let callback = call.arg(0);
    let on_fulfilled = interp.native_with("finally", finally_fulfilled, Some(callback.clone()));
    let on_rejected = interp.native_with("finally", finally_rejected, Some(callback));
    Ok(interp.then(&promise, on_fulfilled, on_rejected))
}

fn finally_fulfilled(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    if let Some(callback) = native.data.as_deref().filter(|c| c.is_callable()) {
        interp.call_function(callback, JsValue::Undefined, Vec::new(), call.span, None)?;
    }
    Ok(call.arg(0))
}

fn finally_rejected(interp: &mut Interpreter, native: &Native, call: Call<'_>) -> Eval<JsValue> {
    if let Some(callback) = native.data.as_deref().filter(|c| c.is_callable()) {
        interp.call_function(callback, JsValue::Undefined, Vec::new(), call.span, None)?;
    }
    Err(Flow::Throw(super::super::Exception {
        value: call.arg(0),
        span: call.span,
        hint: None,
    }))
}

fn resolve(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(interp.resolved(call.arg(0)))
}

fn reject(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(interp.rejected(call.arg(0), call.span))
}

/// The outcome of each item, promises waited for (they settle at once here; a pending
/// one lets the event loop run).
fn outcomes(interp: &mut Interpreter, call: &Call<'_>) -> Eval<Vec<Result<JsValue, JsValue>>> {
    let items = interp.iterate(&call.arg(0), call.span, None)?;
    let mut outcomes = Vec::with_capacity(items.len());
    for item in items {
        match interp.as_promise(&item) {
            Some(promise) => match interp.settle_now(&promise, call.span) {
                Ok(value) => outcomes.push(Ok(value)),
                Err(Flow::Throw(exception)) => outcomes.push(Err(exception.value)),
                Err(other) => return Err(other),
            },
            None => outcomes.push(Ok(item)),
        }
    }
    Ok(outcomes)
}

fn all(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let mut values = Vec::new();
    for outcome in outcomes(interp, &call)? {
        match outcome {
            Ok(value) => values.push(value),
            Err(reason) => return Ok(interp.rejected(reason, call.span)),
        }
    }
    let array = interp.array(values);
    Ok(interp.resolved(array))
}

fn all_settled(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let results = outcomes(interp, &call)?
        .into_iter()
        .map(|outcome| match outcome {
            Ok(value) => interp.object_of(vec![
                ("status", JsValue::str("fulfilled")),
                ("value", value),
            ]),
            Err(reason) => interp.object_of(vec![
                ("status", JsValue::str("rejected")),
                ("reason", reason),
            ]),
        })
        .collect();
    let array = interp.array(results);
    Ok(interp.resolved(array))
}

fn race(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(match outcomes(interp, &call)?.into_iter().next() {
        Some(Ok(value)) => interp.resolved(value),
        Some(Err(reason)) => interp.rejected(reason, call.span),
        None => JsValue::Object(interp.pending_promise()),
    })
}

fn any(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let outcomes = outcomes(interp, &call)?;
    if let Some(value) = outcomes.iter().find_map(|o| o.as_ref().ok()) {
        return Ok(interp.resolved(value.clone()));
    }
    let error = super::errors::make(interp, "AggregateError", "All promises were rejected");
    Ok(interp.rejected(error, call.span))
}
