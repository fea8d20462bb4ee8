//! `Date` on the run's clock (the runtime's, so timestamps and `new Date()` agree; a
//! fixed instant when nothing runs), in UTC as the playground's Node runs.

use super::super::heap::{Call, JsValue, Kind, Native, NativeFn, Obj, Object};
use super::super::{Eval, Interpreter};
use crate::js::{iso_date, parse_iso_date};

const DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub(super) fn install(interp: &mut Interpreter) {
    let proto = interp.realm.date_proto.clone();
    let methods: &[(&str, NativeFn)] = &[
        ("toISOString", to_iso_string),
        ("toJSON", to_json),
        ("getTime", get_time),
        ("valueOf", get_time),
        ("toString", to_string_method),
        ("toUTCString", to_utc_string),
        ("toDateString", to_date_string),
        ("toLocaleDateString", to_iso_date_only),
        ("toLocaleString", to_string_method),
        ("getFullYear", get_full_year),
        ("getUTCFullYear", get_full_year),
        ("getMonth", get_month),
        ("getUTCMonth", get_month),
        ("getDate", get_date),
        ("getUTCDate", get_date),
        ("getDay", get_day),
        ("getHours", get_hours),
        ("getUTCHours", get_hours),
        ("getMinutes", get_minutes),
        ("getSeconds", get_seconds),
        ("getMilliseconds", get_milliseconds),
        ("getTimezoneOffset", zero),
    ];
    interp.install(&proto, methods);
    let ctor = interp.constructor(
        "Date",
        date_called,
        &proto,
        &[("now", now), ("parse", parse), ("UTC", utc)],
    );
    interp.global.declare("Date", ctor, true);
}

impl Interpreter {
    /// Now, on the run's clock.
    pub(in super::super) fn now_ms(&mut self) -> f64 {
        match self.runtime.as_mut() {
            Some(runtime) => runtime.now() as f64,
            None => 1_700_000_000_000.0,
        }
    }

    pub(in super::super) fn date(&self, ms: f64) -> JsValue {
        JsValue::Object(Obj::new(Object::new(
            Kind::Date(ms),
            Some(self.realm.date_proto.clone()),
        )))
    }
}

pub(in super::super) fn construct(interp: &mut Interpreter, call: Call<'_>) -> Eval<JsValue> {
    let ms = match call.args.as_slice() {
        [] => interp.now_ms(),
        [JsValue::Str(text)] => parse_date(text),
        [JsValue::Object(object)] if matches!(object.borrow().kind, Kind::Date(_)) => {
            match object.borrow().kind {
                Kind::Date(ms) => ms,
                _ => f64::NAN,
            }
        }
        [single] => {
            let n = interp.number_of(single)?;
            if n.is_finite() {
                n.trunc()
            } else {
                f64::NAN
            }
        }
        parts => from_parts(interp, parts)?,
    };
    // JavaScript's dates span ±100,000,000 days around 1970.
    let ms = if ms.abs() <= 8.64e15 { ms } else { f64::NAN };
    Ok(interp.date(ms))
}

fn from_parts(interp: &mut Interpreter, parts: &[JsValue]) -> Eval<f64> {
    let mut numbers = [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
    for (slot, part) in numbers.iter_mut().zip(parts) {
        *slot = interp.number_of(part)?;
    }
    let [year, month, day, hours, minutes, seconds, ms] = numbers;
    let year = if (0.0..100.0).contains(&year) {
        year + 1900.0
    } else {
        year
    };
    let months = year * 12.0 + month;
    let days = days_from_civil(
        (months / 12.0).floor() as i64,
        (months.rem_euclid(12.0)) as i64 + 1,
        1,
    ) as f64
        + day
        - 1.0;
    Ok(days * 86_400_000.0 + hours * 3_600_000.0 + minutes * 60_000.0 + seconds * 1000.0 + ms)
}

/// `new Date(text)`: ISO forms (as the runtime stores dates), else NaN.
fn parse_date(text: &str) -> f64 {
    parse_iso_date(text).map_or(f64::NAN, |ms| ms as f64)
}

fn date_called(interp: &mut Interpreter, _: &Native, _: Call<'_>) -> Eval<JsValue> {
    let now = interp.now_ms();
    Ok(JsValue::str(&to_string(now)))
}

fn this_ms(call: &Call<'_>) -> f64 {
    match &call.this {
        JsValue::Object(object) => match object.borrow().kind {
            Kind::Date(ms) => ms,
            _ => f64::NAN,
        },
        _ => f64::NAN,
    }
}

fn to_iso_string(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let ms = this_ms(&call);
    if !ms.is_finite() {
        return Err(interp.error(
            crate::error::SequelizeError::new(
                crate::error::ErrorName::RangeError,
                "Invalid time value",
            ),
            call.span,
        ));
    }
    Ok(JsValue::str(&iso_date(ms as i64)))
}

fn to_json(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let ms = this_ms(&call);
    Ok(if ms.is_finite() {
        JsValue::str(&iso_date(ms as i64))
    } else {
        JsValue::Null
    })
}

fn get_time(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Number(this_ms(&call)))
}

fn to_string_method(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::str(&to_string(this_ms(&call))))
}

fn to_iso_date_only(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let ms = this_ms(&call);
    if !ms.is_finite() {
        return Ok(JsValue::str("Invalid Date"));
    }
    let (y, m, d) = civil(ms);
    Ok(JsValue::str(&format!("{m}/{d}/{y}")))
}

fn to_date_string(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let text = to_string(this_ms(&call));
    Ok(JsValue::str(
        &text.get(..15).map_or(text.clone(), str::to_string),
    ))
}

fn to_utc_string(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let ms = this_ms(&call);
    if !ms.is_finite() {
        return Ok(JsValue::str("Invalid Date"));
    }
    let (y, m, d) = civil(ms);
    let (h, min, s) = clock(ms);
    let weekday = DAY_NAMES[weekday(ms)];
    Ok(JsValue::str(&format!(
        "{weekday}, {d:02} {} {y} {h:02}:{min:02}:{s:02} GMT",
        MONTH_NAMES[m as usize - 1]
    )))
}

/// `String(date)` as Node prints it in UTC.
pub(in super::super) fn to_string(ms: f64) -> String {
    if !ms.is_finite() {
        return "Invalid Date".into();
    }
    let (y, m, d) = civil(ms);
    let (h, min, s) = clock(ms);
    format!(
        "{} {} {d:02} {y} {h:02}:{min:02}:{s:02} GMT+0000 (Coordinated Universal Time)",
        DAY_NAMES[weekday(ms)],
        MONTH_NAMES[m as usize - 1]
    )
}

macro_rules! part {
    ($name:ident, |$ms:ident| $body:expr) => {
        fn $name(_: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
            let $ms = this_ms(&call);
            if !$ms.is_finite() {
                return Ok(JsValue::Number(f64::NAN));
            }
            Ok(JsValue::Number($body as f64))
        }
    };
}

part!(get_full_year, |ms| civil(ms).0);
part!(get_month, |ms| civil(ms).1 - 1);
part!(get_date, |ms| civil(ms).2);
part!(get_day, |ms| weekday(ms));
part!(get_hours, |ms| clock(ms).0);
part!(get_minutes, |ms| clock(ms).1);
part!(get_seconds, |ms| clock(ms).2);
part!(get_milliseconds, |ms| ms.rem_euclid(1000.0));

fn zero(_: &mut Interpreter, _: &Native, _: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Number(0.0))
}

fn now(interp: &mut Interpreter, _: &Native, _: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Number(interp.now_ms()))
}

fn parse(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    let text = interp.string_of(&call.arg(0), call.span)?;
    Ok(JsValue::Number(parse_date(&text)))
}

fn utc(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    Ok(JsValue::Number(from_parts(interp, &call.args)?))
}

fn weekday(ms: f64) -> usize {
    ((ms / 86_400_000.0).floor() as i64 + 4).rem_euclid(7) as usize
}

fn clock(ms: f64) -> (i64, i64, i64) {
    let in_day = ms.rem_euclid(86_400_000.0) as i64 / 1000;
    (in_day / 3600, in_day / 60 % 60, in_day % 60)
}

/// (year, month 1–12, day) of a time.
fn civil(ms: f64) -> (i64, i64, i64) {
    let days = (ms / 86_400_000.0).floor() as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
