//! Scopes as Sequelize merges them (`Model._mergeFunction`): a scope into a query's
//! options (`_injectScope`: the options win, `where` objects are joined key by key,
//! lists are united), and scopes into each other (`Model.scope('a', 'b')`: the later
//! wins). On the runtime's plain values; the interpreter resolves which scopes apply.

use crate::value::{to_json, Value};

/// `Model._mergeFunction(base, over, key)`: `over` is the options (or the later scope).
fn merge_value(base: &Value, over: &Value, key: &str) -> Value {
    if let (Value::Array(a), Value::Array(b)) = (base, over) {
        return Value::Array(union(a, b));
    }
    if matches!(key, "where" | "having") {
        let over = match over {
            // A `sequelize.where(…)` joins an object as `{ [Op.and]: … }`.
            piece @ Value::Sql(_) => Value::Object(vec![("Symbol(and)".into(), piece.clone())]),
            other => other.clone(),
        };
        if let (Value::Object(a), Value::Object(b)) = (base, &over) {
            return Value::Object(assign(a.clone(), b));
        }
        return pick(base, &over);
    }
    if key == "attributes" {
        if let (Value::Object(a), Value::Object(b)) = (base, over) {
            let mut merged = a.clone();
            for (k, v) in b {
                let value = match (merged.iter().find(|(mk, _)| mk == k), v) {
                    (Some((_, Value::Array(x))), Value::Array(y)) => Value::Array(union(x, y)),
                    _ => v.clone(),
                };
                set(&mut merged, k, value);
            }
            return Value::Object(merged);
        }
    }
    pick(base, over)
}

/// The options' value when it is truthy or set; the scope's when it is left out.
fn pick(base: &Value, over: &Value) -> Value {
    match over {
        Value::Undefined => base.clone(),
        other => other.clone(),
    }
}

fn set(props: &mut Vec<(String, Value)>, key: &str, value: Value) {
    match props.iter_mut().find(|(k, _)| k == key) {
        Some(slot) => slot.1 = value,
        None => props.push((key.to_string(), value)),
    }
}

/// `Object.assign(a, b)`.
fn assign(mut a: Vec<(String, Value)>, b: &[(String, Value)]) -> Vec<(String, Value)> {
    for (k, v) in b {
        set(&mut a, k, v.clone());
    }
    a
}

/// `_.union(a, b)`: `a`, then what of `b` it lacks.
fn union(a: &[Value], b: &[Value]) -> Vec<Value> {
    let mut items = a.to_vec();
    for item in b {
        if !items.iter().any(|i| same(i, item)) {
            items.push(item.clone());
        }
    }
    items
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Model(x), Value::Model(y)) => x == y,
        (Value::Model(_), _) | (_, Value::Model(_)) => false,
        (Value::Instance(x), Value::Instance(y)) => std::rc::Rc::ptr_eq(x, y),
        _ => to_json(a) == to_json(b) && a.type_name() == b.type_name(),
    }
}

/// `_defaultsOptions(options, scope)`: each of the scope's keys merged into the
/// options, the options winning; the includes made one per model (`_uniqIncludes`).
pub fn inject(scope: &Value, options: &Value) -> Value {
    let Value::Object(scope) = scope else {
        return options.clone();
    };
    let mut merged = match options {
        Value::Object(props) => props.clone(),
        _ => Vec::new(),
    };
    for (key, base) in scope {
        let over = merged
            .iter()
            .find(|(k, _)| k == key)
            .map_or(Value::Undefined, |(_, v)| v.clone());
        set(&mut merged, key, merge_value(base, &over, key));
    }
    unique_includes(&mut merged);
    Value::Object(merged)
}

/// `_assignOptions(acc, scope)`: a later scope over the ones before it.
pub fn combine(acc: &Value, scope: &Value) -> Value {
    let mut merged = match acc {
        Value::Object(props) => props.clone(),
        _ => Vec::new(),
    };
    if let Value::Object(props) = scope {
        for (key, over) in props {
            let base = merged
                .iter()
                .find(|(k, _)| k == key)
                .map_or(Value::Undefined, |(_, v)| v.clone());
            set(&mut merged, key, merge_value(&base, over, key));
        }
    }
    unique_includes(&mut merged);
    Value::Object(merged)
}

/// Includes of one model and alias merged into one (the scope's and the options').
fn unique_includes(options: &mut [(String, Value)]) {
    let Some((_, Value::Array(items))) = options.iter_mut().find(|(k, _)| k == "include") else {
        return;
    };
    let key = |item: &Value| -> Option<(usize, String)> {
        match item {
            Value::Model(id) => Some((*id, String::new())),
            Value::Object(_) => match item.get("model") {
                Some(Value::Model(id)) => Some((
                    *id,
                    item.get("as")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string(),
                )),
                _ => None,
            },
            _ => None,
        }
    };
    let as_object = |item: &Value| match item {
        Value::Model(id) => Value::Object(vec![("model".into(), Value::Model(*id))]),
        other => other.clone(),
    };
    let mut merged: Vec<Value> = Vec::with_capacity(items.len());
    let mut keys: Vec<Option<(usize, String)>> = Vec::with_capacity(items.len());
    for item in items.iter() {
        let k = key(item);
        match keys.iter().position(|seen| seen.is_some() && *seen == k) {
            Some(at) => merged[at] = combine(&as_object(&merged[at]), &as_object(item)),
            None => {
                keys.push(k);
                merged.push(item.clone());
            }
        }
    }
    *items = merged;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(props: &[(&str, Value)]) -> Value {
        Value::Object(
            props
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn the_options_where_joins_the_scopes_and_wins_a_shared_key() {
        let scope = object(&[(
            "where",
            object(&[
                ("active", Value::Bool(true)),
                ("role", Value::Str("admin".into())),
            ]),
        )]);
        let options = object(&[("where", object(&[("active", Value::Bool(false))]))]);
        let merged = to_json(&inject(&scope, &options));
        assert_eq!(
            merged.to_string(),
            r#"{"where":{"active":false,"role":"admin"}}"#
        );
    }

    #[test]
    fn a_later_scope_wins_and_lists_are_united() {
        let first = object(&[
            ("attributes", Value::Array(vec![Value::Str("id".into())])),
            ("limit", Value::Number(2.0)),
        ]);
        let second = object(&[
            (
                "attributes",
                Value::Array(vec![Value::Str("id".into()), Value::Str("name".into())]),
            ),
            ("limit", Value::Number(5.0)),
        ]);
        let merged = to_json(&combine(&first, &second));
        assert_eq!(
            merged.to_string(),
            r#"{"attributes":["id","name"],"limit":5}"#
        );
    }
}
