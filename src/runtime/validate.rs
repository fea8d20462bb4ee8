//! Sequelize's instance validation before a write: `allowNull: false` ("notNull
//! Violation") and the built-in validators of each attribute's `validate`, checked on
//! the value's string as validator.js checks it, failing as Sequelize words it
//! ("Validation len on name failed", or the validator's `msg`).

use serde_json::{json, Value as Json};

use crate::error::{ErrorName, SequelizeError};
use crate::schema::{Model, Validator};
use crate::value::{to_json, Value};

/// The validators the playground runs (validator.js's and Sequelize's own).
const BUILT_IN: &[&str] = &[
    "notEmpty",
    "len",
    "isEmail",
    "isInt",
    "isNumeric",
    "isFloat",
    "isDecimal",
    "min",
    "max",
    "isIn",
    "notIn",
    "isAlpha",
    "isAlphanumeric",
    "isLowercase",
    "isUppercase",
    "contains",
    "notContains",
    "equals",
    "is",
    "not",
    "isUrl",
    "isURL",
    "isUUID",
    "notNull",
];

pub fn is_built_in(name: &str) -> bool {
    BUILT_IN.contains(&name)
}

/// A validator written as a function that failed: an attribute's custom validator
/// (`attribute` named) or a model-wide one of the model's `validate` option. The
/// interpreter runs them (they are JavaScript) and hands the failures over.
#[derive(Clone, Debug)]
pub struct FunctionFailure {
    pub attribute: Option<String>,
    pub validator: String,
    pub message: String,
    pub value: Value,
    /// What the function threw (the item's `original`).
    pub thrown: Value,
}

/// One failed check, as a `ValidationErrorItem`.
struct Failure {
    message: String,
    kind: &'static str,
    path: String,
    value: Json,
    /// `validatorKey`: the validator's name, `is_null`, `not_a_string`.
    key: String,
    /// A built-in validator's name and arguments (`validatorName`, `validatorArgs`).
    built_in: Option<(String, Vec<Json>)>,
    /// What the validator threw, for a validator's failure (`original`).
    original: Option<Json>,
}

/// Validates `values` (an instance's data values) against `model` (only the attributes
/// `only` names, when given: a save of an existing row checks what changed): every
/// notNull violation, then every failed validator, in attribute order, as one
/// `SequelizeValidationError` whose message lists them (`Type: message`, joined by
/// ",\n"), with its `errors` items.
///
/// Sequelize pushes a notNull violation and a function's failure as it meets them,
/// attribute by attribute, then the model-wide functions', and the built-in
/// validators' last (they settle a tick later): `functions` take those places.
pub fn check(
    model: &Model,
    values: &[(String, Value)],
    validators: bool,
    only: Option<&[String]>,
    functions: &[FunctionFailure],
) -> Result<(), SequelizeError> {
    let get = |name: &str| values.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    let stamps = &model.timestamp_attributes;
    let mut not_null = Vec::new();
    let mut failed = Vec::new();
    for (name, attribute) in model.table_attributes() {
        if attribute.auto_increment == Some(true) || stamps.is_filled_by_sequelize(name) {
            continue;
        }
        if only.is_some_and(|fields| !fields.contains(name)) {
            continue;
        }
        let value = get(name).filter(|v| !matches!(v, Value::Null | Value::Undefined));
        let Some(value) = value else {
            if attribute.allow_null == Some(false) {
                not_null.push(Failure {
                    message: format!("{}.{name} cannot be null", model.name),
                    kind: "notNull Violation",
                    path: name.clone(),
                    value: Json::Null,
                    key: "is_null".into(),
                    built_in: None,
                    original: None,
                });
            }
            continue;
        };
        // `_validateSchema`: a string column takes no array or object (a Date neither).
        let textual = attribute
            .data_type
            .as_ref()
            .is_some_and(|t| matches!(t.key.as_str(), "STRING" | "TEXT" | "CITEXT"));
        if textual && matches!(value, Value::Object(_) | Value::Array(_) | Value::Date(_)) {
            not_null.push(Failure {
                message: format!("{name} cannot be an array or an object"),
                kind: "string violation",
                path: name.clone(),
                value: to_json(value),
                key: "not_a_string".into(),
                built_in: None,
                original: None,
            });
        }
        for failure in functions
            .iter()
            .filter(|f| f.attribute.as_deref() == Some(name.as_str()))
        {
            not_null.push(function_failure(failure, name));
        }
        let text = string_of(value);
        for validator in attribute.validators.iter().filter(|_| validators) {
            if !passes(validator, &text) {
                failed.push(Failure {
                    message: validator.msg.clone().unwrap_or_else(|| {
                        format!("Validation {} on {name} failed", validator.name)
                    }),
                    kind: "Validation error",
                    path: name.clone(),
                    value: to_json(value),
                    key: validator.name.clone(),
                    built_in: Some((validator.name.clone(), reported_args(validator))),
                    original: Some(json!({
                        "validatorName": validator.name,
                        "validatorArgs": reported_args(validator),
                    })),
                });
            }
        }
    }
    for failure in functions.iter().filter(|f| f.attribute.is_none()) {
        not_null.push(function_failure(failure, &failure.validator));
    }
    not_null.extend(failed);
    if not_null.is_empty() {
        return Ok(());
    }
    let message = not_null
        .iter()
        .map(|f| format!("{}: {}", f.kind, f.message))
        .collect::<Vec<_>>()
        .join(",\n");
    // The instance as the item holds it (its data values; JSON shows its toJSON()).
    let instance = to_json(&Value::Object(values.to_vec()));
    let items: Vec<Json> = not_null
        .iter()
        .map(|f| {
            let (name, args) = match &f.built_in {
                Some((name, args)) => (json!(name), json!(args)),
                None => (Json::Null, json!([])),
            };
            let mut item = json!({
                "message": f.message,
                "type": f.kind,
                "path": f.path,
                "value": f.value,
                "origin": if f.kind == "Validation error" { "FUNCTION" } else { "CORE" },
                "instance": instance,
                "validatorKey": f.key,
                "validatorName": name,
                "validatorArgs": args,
            });
            if let (Some(original), Some(map)) = (&f.original, item.as_object_mut()) {
                map.insert("original".into(), original.clone());
            }
            item
        })
        .collect();
    let first = &not_null[0];
    let hint = match first.key.as_str() {
        "is_null" => format!(
            "{} has allowNull: false, so every {} needs one: pass {}: … to create (or drop allowNull: false)",
            first.path, model.name, first.path
        ),
        _ => format!("{} = {} fails its validate rules", first.path, first.value),
    };
    Err(
        SequelizeError::new(ErrorName::SequelizeValidationError, message)
            .with_property("errors", Json::Array(items))
            .with_hint(hint),
    )
}

fn function_failure(failure: &FunctionFailure, path: &str) -> Failure {
    Failure {
        message: failure.message.clone(),
        kind: "Validation error",
        path: path.to_string(),
        value: to_json(&failure.value),
        key: failure.validator.clone(),
        built_in: None,
        original: Some(to_json(&failure.thrown)),
    }
}

/// `validatorArgs` as Sequelize's `_extractValidatorArgs` hands them to validator.js
/// and the item keeps them: a regular expression is JSON's `{}`; a localized
/// validator's (or isIP's) lone argument is dropped; validator.js fills `isEmail`'s
/// and `isURL`'s options object in place.
fn reported_args(validator: &Validator) -> Vec<Json> {
    let lone = validator.args.len() == 1 && !validator.from_array;
    match validator.name.as_str() {
        _ if validator.regex => vec![json!({})],
        "isAlpha" | "isAlphanumeric" | "isMobilePhone"
            if lone && !validator.args[0].is_string() =>
        {
            Vec::new()
        }
        "isIP" if lone => Vec::new(),
        "isEmail" if lone && validator.args[0] == Json::Bool(true) => vec![json!({
            "allow_display_name": false,
            "allow_underscores": false,
            "require_display_name": false,
            "allow_utf8_local_part": true,
            "require_tld": true,
            "blacklisted_chars": "",
            "ignore_max_length": false,
            "host_blacklist": [],
            "host_whitelist": [],
        })],
        "isUrl" | "isURL" if lone && validator.args[0] == Json::Bool(true) => vec![json!({})],
        _ => validator.args.clone(),
    }
}

/// `String(value)`, as validator.js receives it.
fn string_of(value: &Value) -> String {
    match value {
        Value::Str(s) => s.clone(),
        Value::Number(n) => crate::js::format_number(*n),
        Value::Bool(b) => b.to_string(),
        Value::Date(ms) => crate::js::iso_date(*ms),
        other => match to_json(other) {
            Json::String(s) => s,
            json => json.to_string(),
        },
    }
}

fn number(arg: Option<&Json>) -> Option<f64> {
    match arg? {
        Json::Number(n) => n.as_f64(),
        Json::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn text(arg: Option<&Json>) -> String {
    match arg {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Number(n)) => n.to_string(),
        Some(Json::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

fn matches(pattern: &str, value: &str) -> bool {
    regex_lite::Regex::new(pattern).is_ok_and(|r| r.is_match(value))
}

/// A regular expression argument (`is: ['^[a-z]+$', 'i']`, or a string) as regex-lite's.
fn regex_of(args: &[Json]) -> Option<regex_lite::Regex> {
    let (pattern, flags) = match args.first() {
        Some(Json::Object(regex)) => (text(regex.get("source")), text(regex.get("flags"))),
        first => (text(first), text(args.get(1))),
    };
    let inline: String = flags
        .chars()
        .filter(|c| matches!(c, 'i' | 'm' | 's'))
        .collect();
    let pattern = if inline.is_empty() {
        pattern
    } else {
        format!("(?{inline}){pattern}")
    };
    regex_lite::Regex::new(&pattern).ok()
}

/// Whether `value` (the attribute's value as a string) passes the validator.
fn passes(validator: &Validator, value: &str) -> bool {
    let args = &validator.args;
    match validator.name.as_str() {
        "notEmpty" => !value.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n')),
        "len" => {
            let (min, max) = match args.first() {
                Some(Json::Array(bounds)) => (number(bounds.first()), number(bounds.get(1))),
                _ => (number(args.first()), number(args.get(1))),
            };
            let length = value.encode_utf16().count() as f64
                - value.chars().filter(|c| c.len_utf16() == 2).count() as f64;
            length >= min.unwrap_or(0.0) && max.is_none_or(|max| length <= max)
        }
        "isEmail" => is_email(value),
        "isInt" => matches(r"^[-+]?[0-9]+$", value),
        "isNumeric" => matches(r"^[+-]?([0-9]*[.])?[0-9]+$", value),
        "isFloat" => {
            !matches!(value, "" | "." | "-" | "+")
                && matches(
                    r"^(?:[-+])?(?:[0-9]+)?(?:\.[0-9]*)?(?:[eE][\+\-]?(?:[0-9]+))?$",
                    value,
                )
        }
        "isDecimal" => {
            !value.is_empty()
                && matches(
                    r"^(?:-?(?:[0-9]+))?(?:\.[0-9]*)?(?:[eE][+-]?(?:[0-9]+))?$",
                    value,
                )
        }
        "min" => value
            .trim()
            .parse::<f64>()
            .map_or(true, |n| number(args.first()).is_none_or(|m| n >= m)),
        "max" => value
            .trim()
            .parse::<f64>()
            .map_or(true, |n| number(args.first()).is_none_or(|m| n <= m)),
        "isIn" | "notIn" => {
            let listed = match args.first() {
                Some(Json::Array(items)) => items.iter().any(|i| text(Some(i)) == value),
                _ => false,
            };
            listed == (validator.name == "isIn")
        }
        "isAlpha" => !value.is_empty() && value.chars().all(|c| c.is_ascii_alphabetic()),
        "isAlphanumeric" => !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric()),
        "isLowercase" => value == value.to_lowercase(),
        "isUppercase" => value == value.to_uppercase(),
        "contains" => {
            let part = text(args.first());
            !part.is_empty() && value.contains(&part)
        }
        "notContains" => {
            let part = text(args.first());
            part.is_empty() || !value.contains(&part)
        }
        "equals" => value == text(args.first()),
        "is" => regex_of(args).is_some_and(|r| r.is_match(value)),
        "not" => regex_of(args).is_none_or(|r| !r.is_match(value)),
        "isUrl" | "isURL" => matches(
            r"^(?i)(?:(?:https?|ftp)://)?(?:[^\s:@/]+(?::[^\s:@/]*)?@)?(?:localhost|(?:[a-z0-9\x{a1}-\x{ffff}](?:[a-z0-9\x{a1}-\x{ffff}-]*[a-z0-9\x{a1}-\x{ffff}])?\.)+[a-z\x{a1}-\x{ffff}]{2,}|\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?(?:[/?#]\S*)?$",
            value,
        ),
        "isUUID" => matches(
            r"^(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
            value,
        ),
        _ => true,
    }
}

/// validator.js's `isEmail` with its default options, in its common shape: a local part
/// of the allowed characters (no leading, trailing or doubled dot) and a domain of
/// labels ending in a top-level domain of two or more letters.
fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.rsplit_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = domain.len() <= 254
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    local_ok && domain_ok
}
