//! `Number`, `Number.prototype`, `Boolean`, `Math` and the global number functions
//! (`parseInt`, `parseFloat`, `isNaN`, `isFinite`).

use super::super::heap::{Call, JsValue, Native, NativeFn};
use super::super::{Eval, Interpreter};
use crate::js::format_number;

pub(super) fn install(interp: &mut Interpreter) {
    let proto = interp.realm.number_proto.clone();
    interp.install(
        &proto,
        &[
            ("toFixed", to_fixed),
            ("toString", to_string),
            ("valueOf", value_of),
            ("toLocaleString", to_locale_string),
            ("toPrecision", to_precision),
        ],
    );
    let statics: &[(&str, NativeFn)] = &[
        ("isInteger", is_integer),
        ("isFinite", number_is_finite),
        ("isNaN", number_is_nan),
        ("isSafeInteger", is_integer),
        ("parseInt", parse_int),
        ("parseFloat", parse_float),
    ];
    let ctor = interp.constructor("Number", number_ctor, &proto, statics);
    if let JsValue::Object(handle) = &ctor {
        for (name, value) in [
            ("MAX_SAFE_INTEGER", 9_007_199_254_740_991.0),
            ("MIN_SAFE_INTEGER", -9_007_199_254_740_991.0),
            ("MAX_VALUE", f64::MAX),
            ("MIN_VALUE", 5e-324),
            ("EPSILON", f64::EPSILON),
            ("POSITIVE_INFINITY", f64::INFINITY),
            ("NEGATIVE_INFINITY", f64::NEG_INFINITY),
            ("NaN", f64::NAN),
        ] {
            handle
                .borrow_mut()
                .set_hidden(name.into(), JsValue::Number(value));
        }
    }
    interp.global.declare("Number", ctor, true);
    let boolean_proto = interp.realm.boolean_proto.clone();
    interp.install(
        &boolean_proto,
        &[("toString", bool_to_string), ("valueOf", value_of)],
    );
    let boolean = interp.constructor("Boolean", boolean_ctor, &boolean_proto, &[]);
    interp.global.declare("Boolean", boolean, true);
}

pub(super) const GLOBAL_FUNCTIONS: &[(&str, NativeFn)] = &[
    ("parseInt", parse_int),
    ("parseFloat", parse_float),
    ("isNaN", global_is_nan),
    ("isFinite", global_is_finite),
];

pub(super) const MATH_CONSTANTS: &[(&str, f64)] = &[
    ("PI", std::f64::consts::PI),
    ("E", std::f64::consts::E),
    ("LN2", std::f64::consts::LN_2),
    ("LN10", std::f64::consts::LN_10),
    ("SQRT2", std::f64::consts::SQRT_2),
];

macro_rules! math1 {
    ($($name:ident => $f:expr),* $(,)?) => {
        $(fn $name(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
            let x = interp.number_of(&call.arg(0))?;
            let f: fn(f64) -> f64 = $f;
            Ok(JsValue::Number(f(x)))
        })*
    };
}

math1! {
    floor => f64::floor,
    ceil => f64::ceil,
    abs => f64::abs,
    sqrt => f64::sqrt,
    cbrt => f64::cbrt,
    trunc => f64::trunc,
    sign => |x| if x.is_nan() || x == 0.0 { x } else { x.signum() },
    log => f64::ln,
    log10 => f64::log10,
    log2 => f64::log2,
    exp => f64::exp,
    round => |x| if x.is_finite() { (x + 0.5).floor() } else { x },
}

pub(super) const MATH: &[(&str, NativeFn)] = &[
    ("floor", floor),
    ("ceil", ceil),
    ("abs", abs),
    ("sqrt", sqrt),
    ("cbrt", cbrt),
    ("trunc", trunc),
    ("sign", sign),
    ("log", log),
    ("log10", log10),
    ("log2", log2),
    ("exp", exp),
    ("round", round),
    ("max", max),
    ("min", min),
    ("pow", pow),
    ("random", random),
];

fn numbers(interp: &mut Interpreter, call: &Call<'_>) -> Eval<Vec<f64>> {
    call.args.iter().map(|a| interp.number_of(a)).collect()
}

fn max(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let values = numbers(interp, &call)?;
    Ok(JsValue::Number(values.into_iter().fold(
        f64::NEG_INFINITY,
        |a, b| {
            if a.is_nan() || b.is_nan() {
                f64::NAN
            } else {
                a.max(b)
            }
        },
    )))
}

fn min(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let values = numbers(interp, &call)?;
    Ok(JsValue::Number(values.into_iter().fold(
        f64::INFINITY,
        |a, b| {
            if a.is_nan() || b.is_nan() {
                f64::NAN
            } else {
                a.min(b)
            }
        },
    )))
}

fn pow(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let x = interp.number_of(&call.arg(0))?;
    let y = interp.number_of(&call.arg(1))?;
    Ok(JsValue::Number(x.powf(y)))
}

/// `Math.random()`: a fixed sequence, so that a run gives the same output each time
/// (the page says runs are repeatable).
fn random(interp: &mut Interpreter, _: &Native, _: Call<'_>) -> Eval<JsValue> {
    interp.random_state = interp
        .random_state
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    Ok(JsValue::Number(
        (interp.random_state >> 11) as f64 / (1u64 << 53) as f64,
    ))
}

fn number_ctor(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Number(match call.args.first() {
        None => 0.0,
        Some(value) => interp.number_of(value)?,
    }))
}

fn boolean_ctor(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Bool(call.arg(0).truthy()))
}

fn this_number(interp: &mut Interpreter, call: &Call<'_>) -> Eval<f64> {
    interp.number_of(&call.this)
}

fn to_fixed(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let x = this_number(interp, &call)?;
    let digits = interp.number_of(&call.arg(0))?;
    let digits = if digits.is_nan() { 0 } else { digits as usize };
    if !x.is_finite() || x.abs() >= 1e21 {
        return Ok(JsValue::str(&format_number(x)));
    }
    Ok(JsValue::str(&fixed(x, digits.min(100))))
}

/// `x.toFixed(digits)`: rounds half away from zero on the decimal value, as V8 does.
fn fixed(x: f64, digits: usize) -> String {
    let scale = 10f64.powi(digits as i32);
    let scaled = (x.abs() * scale).round();
    let sign = if x < 0.0 && scaled != 0.0 { "-" } else { "" };
    let whole = (scaled / scale).trunc();
    let fraction = scaled - whole * scale;
    if digits == 0 {
        return format!("{sign}{}", format_number(whole));
    }
    format!(
        "{sign}{}.{:0width$}",
        format_number(whole),
        fraction as u64,
        width = digits
    )
}

fn to_string(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let x = this_number(interp, &call)?;
    let radix = match call.arg(0) {
        JsValue::Undefined => 10,
        other => interp.number_of(&other)? as u32,
    };
    if radix == 10 || !x.is_finite() || x.fract() != 0.0 {
        return Ok(JsValue::str(&format_number(x)));
    }
    let mut n = x.abs() as u64;
    let mut digits = Vec::new();
    loop {
        digits.push(std::char::from_digit((n % u64::from(radix)) as u32, radix).unwrap_or('0'));
        n /= u64::from(radix);
        if n == 0 {
            break;
        }
    }
    if x < 0.0 {
        digits.push('-');
    }
    Ok(JsValue::str(&digits.into_iter().rev().collect::<String>()))
}

/// `x.toPrecision(p)`: `p` significant digits, in exponent form when the exponent is
/// below -6 or at least `p`, as V8 writes it.
fn to_precision(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let x = this_number(interp, &call)?;
    if matches!(call.arg(0), JsValue::Undefined) || !x.is_finite() {
        return Ok(JsValue::str(&format_number(x)));
    }
    let p = interp.number_of(&call.arg(0))?.clamp(1.0, 100.0) as usize;
    if x == 0.0 {
        let zeros = "0".repeat(p - 1);
        return Ok(JsValue::str(&match p {
            1 => "0".to_string(),
            _ => format!("0.{zeros}"),
        }));
    }
    let (digits, exponent) = significant_digits(x.abs(), p);
    let sign = if x < 0.0 { "-" } else { "" };
    if exponent < -6 || exponent >= p as i32 {
        let sign_e = if exponent < 0 { '-' } else { '+' };
        let (head, tail) = digits.split_at(1);
        let dotted = if tail.is_empty() {
            head.to_string()
        } else {
            format!("{head}.{tail}")
        };
        return Ok(JsValue::str(&format!(
            "{sign}{dotted}e{sign_e}{}",
            exponent.abs()
        )));
    }
    let text = if exponent < 0 {
        format!("0.{}{digits}", "0".repeat((-exponent - 1) as usize))
    } else {
        let point = exponent as usize + 1;
        match point < digits.len() {
            true => format!("{}.{}", &digits[..point], &digits[point..]),
            false => digits,
        }
    };
    Ok(JsValue::str(&format!("{sign}{text}")))
}

/// The first `p` significant digits of `x` (positive) and its decimal exponent, rounded
/// half up on its exact binary value, as V8's `toPrecision` does.
fn significant_digits(x: f64, p: usize) -> (String, i32) {
    let exact = format!("{:.*e}", 100, x);
    let (mantissa, exponent) = exact.split_once('e').unwrap_or((&exact, "0"));
    let mut exponent: i32 = exponent.parse().unwrap_or(0);
    let all: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let mut kept: Vec<u8> = all[..p.min(all.len())].to_vec();
    if all.get(p).is_some_and(|d| *d >= b'5') {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, b'1');
                kept.pop();
                exponent += 1;
                break;
            }
            i -= 1;
            if kept[i] == b'9' {
                kept[i] = b'0';
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    (String::from_utf8(kept).unwrap_or_default(), exponent)
}

/// `x.toLocaleString(locale, options)` as Node 20's ICU writes it for English (the
/// default) and German: grouped thousands, at most 3 decimals unless the options say
/// (`minimumFractionDigits`, `maximumFractionDigits`), `style: 'currency'` (a few
/// symbols) and `'percent'`.
pub(super) fn to_locale_string(
    interp: &mut Interpreter,
    _: &Native,
    call: Call<'_>,
) -> Eval<JsValue> {
    let x = this_number(interp, &call)?;
    let locale = match call.arg(0) {
        JsValue::Str(s) => s.to_string(),
        _ => "en-US".to_string(),
    };
    let options = interp.to_data(&call.arg(1));
    let number = |key: &str| match options.get(key) {
        Some(crate::value::Value::Number(n)) => Some(*n),
        _ => None,
    };
    let style = options
        .get("style")
        .and_then(|v| v.as_str().map(str::to_string));
    let currency = options
        .get("currency")
        .and_then(|v| v.as_str().map(str::to_uppercase));
    let (default_min, default_max) = match style.as_deref() {
        Some("currency") if currency.as_deref() == Some("JPY") => (0, 0),
        Some("currency") => (2, 2),
        Some("percent") => (0, 0),
        _ => (0, 3),
    };
    let min = number("minimumFractionDigits").map_or(default_min, |n| n as usize);
    let max = number("maximumFractionDigits").map_or(default_max.max(min), |n| n as usize);
    let value = if style.as_deref() == Some("percent") {
        x * 100.0
    } else {
        x
    };
    let german = locale.starts_with("de");
    let (group, point) = if german { ('.', ',') } else { (',', '.') };
    let body = grouped(value.abs(), min, max.max(min), group, point);
    let negative = value < 0.0 && body.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if negative { "-" } else { "" };
    let text = match (style.as_deref(), currency.as_deref()) {
        _ if !value.is_finite() => format_number(value).replace("Infinity", "∞"),
        (Some("currency"), Some(code)) => {
            let symbol = match code {
                "USD" => "$",
                "EUR" => "€",
                "GBP" => "£",
                "JPY" => "¥",
                "INR" => "₹",
                other => other,
            };
            match german {
                true => format!("{sign}{body}\u{a0}{symbol}"),
                false => format!("{sign}{symbol}{body}"),
            }
        }
        (Some("percent"), _) if german => format!("{sign}{body}\u{a0}%"),
        (Some("percent"), _) => format!("{sign}{body}%"),
        _ => format!("{sign}{body}"),
    };
    Ok(JsValue::str(&text))
}

/// `n` (not negative) with `min`..=`max` decimals, rounded half away from zero on its
/// decimal digits, the whole part grouped by thousands.
fn grouped(n: f64, min: usize, max: usize, group: char, point: char) -> String {
    let rounded = crate::js::round_decimal(n, max);
    let text = format!("{rounded:.max$}");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut fraction = fraction.to_string();
    while fraction.len() > min && fraction.ends_with('0') {
        fraction.pop();
    }
    let mut out = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(&fraction);
    }
    out
}

fn value_of(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(call.this.clone())
}

fn bool_to_string(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::str(if call.this.truthy() {
        "true"
    } else {
        "false"
    }))
}

fn is_integer(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Bool(
        matches!(call.arg(0), JsValue::Number(n) if n.is_finite() && n.fract() == 0.0),
    ))
}

fn number_is_finite(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Bool(
        matches!(call.arg(0), JsValue::Number(n) if n.is_finite()),
    ))
}

fn number_is_nan(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Bool(
        matches!(call.arg(0), JsValue::Number(n) if n.is_nan()),
    ))
}

fn global_is_nan(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Bool(interp.number_of(&call.arg(0))?.is_nan()))
}

fn global_is_finite(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Bool(interp.number_of(&call.arg(0))?.is_finite()))
}

fn parse_int(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let text = interp.string_of(&call.arg(0), call.span)?;
    let mut radix = match call.arg(1) {
        JsValue::Undefined => 0,
        other => interp.number_of(&other)? as u32,
    };
    let mut s = text.trim_start();
    let negative = s.starts_with('-');
    s = s.trim_start_matches(['-', '+']);
    if (radix == 0 || radix == 16) && (s.starts_with("0x") || s.starts_with("0X")) {
        s = &s[2..];
        radix = 16;
    }
    if radix == 0 {
        radix = 10;
    }
    if !(2..=36).contains(&radix) {
        return Ok(JsValue::Number(f64::NAN));
    }
    let digits: String = s.chars().take_while(|c| c.is_digit(radix)).collect();
    if digits.is_empty() {
        return Ok(JsValue::Number(f64::NAN));
    }
    let value = digits.chars().fold(0.0, |acc, c| {
        acc * f64::from(radix) + f64::from(c.to_digit(radix).unwrap_or(0))
    });
    Ok(JsValue::Number(if negative { -value } else { value }))
}

fn parse_float(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let text = interp.string_of(&call.arg(0), call.span)?;
    let s = text.trim_start();
    if let Some(rest) = s
        .strip_prefix("Infinity")
        .or_else(|| s.strip_prefix("+Infinity"))
    {
        let _ = rest;
        return Ok(JsValue::Number(f64::INFINITY));
    }
    if s.starts_with("-Infinity") {
        return Ok(JsValue::Number(f64::NEG_INFINITY));
    }
    let mut end = 0;
    let mut seen_dot = false;
    let mut seen_e = false;
    let bytes = s.as_bytes();
    while end < bytes.len() {
        let c = bytes[end];
        let ok = c.is_ascii_digit()
            || (c == b'.' && !seen_dot && !seen_e)
            || ((c == b'e' || c == b'E') && !seen_e && end > 0)
            || ((c == b'-' || c == b'+') && (end == 0 || matches!(bytes[end - 1], b'e' | b'E')));
        if !ok {
            break;
        }
        seen_dot |= c == b'.';
        seen_e |= c == b'e' || c == b'E';
        end += 1;
    }
    let mut candidate = &s[..end];
    while !candidate.is_empty() && candidate.parse::<f64>().is_err() {
        candidate = &candidate[..candidate.len() - 1];
    }
    Ok(JsValue::Number(candidate.parse().unwrap_or(f64::NAN)))
}
