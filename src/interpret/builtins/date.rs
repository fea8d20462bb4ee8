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
        ("toLocaleDateString", to_locale_date_string),
        ("toLocaleString", to_locale_string),
        ("toLocaleTimeString", to_locale_time_string),
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

const LONG_DAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const LONG_MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Which parts a locale method writes when its options name none.
#[derive(Clone, Copy, PartialEq)]
enum Parts {
    Date,
    Time,
    Both,
    /// `Intl.DateTimeFormat`'s `format`: the date, unless only time parts are asked.
    Format,
}

/// `Intl.DateTimeFormat(locale, options).format(date)`: `call.this` is the date.
pub(super) fn formatted(interp: &mut Interpreter, call: &Call<'_>) -> Eval<JsValue> {
    locale_text(interp, call, Parts::Format)
}

fn to_locale_date_string(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    locale_text(interp, &call, Parts::Date)
}

fn to_locale_string(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    locale_text(interp, &call, Parts::Both)
}

fn to_locale_time_string(interp: &mut Interpreter, _: &Native, call: Call<'_>) -> Eval<JsValue> {
    locale_text(interp, &call, Parts::Time)
}

/// `toLocaleDateString`, `toLocaleString` and `toLocaleTimeString` as Node 20's ICU
/// writes them in UTC: English (US, the default, and GB) and German numeric forms, and
/// US English's `year`/`month`/`day`/`weekday` options (`January 5, 2024`,
/// `Fri, Jan 5`). Other locales and options are written as US English, with a note.
fn locale_text(interp: &mut Interpreter, call: &Call<'_>, parts: Parts) -> Eval<JsValue> {
    let ms = this_ms(call);
    if !ms.is_finite() {
        return Ok(JsValue::str("Invalid Date"));
    }
    let locale = match call.arg(0) {
        JsValue::Str(s) => s.to_string(),
        _ => "en-US".into(),
    };
    let options = interp.to_data(&call.arg(1));
    let option = |key: &str| {
        options
            .get(key)
            .and_then(|v| v.as_str().map(str::to_string))
    };
    let date_keys = ["weekday", "year", "month", "day"];
    let time_keys = ["hour", "minute", "second"];
    let known = [
        "weekday", "year", "month", "day", "hour", "minute", "second", "hour12", "timeZone",
    ];
    let unknown_option = match &options {
        crate::value::Value::Object(props) => props.iter().any(|(k, _)| {
            !known.contains(&k.as_str()) || (k == "timeZone" && option(k).as_deref() != Some("UTC"))
        }),
        _ => false,
    };
    let has = |keys: &[&str]| keys.iter().any(|k| options.get(k).is_some());
    let (date_asked, time_asked) = (has(&date_keys), has(&time_keys));
    let place = (!date_asked && !time_asked).then_some(parts);
    let text = match (locale.as_str(), place) {
        ("en-GB" | "de-DE" | "de", Some(parts)) => european(ms, &locale, parts),
        (_, Some(Parts::Date | Parts::Format)) => us_date(ms, &Default::default()),
        (_, Some(Parts::Time)) => us_time(ms, &Default::default()),
        (_, Some(Parts::Both)) => format!(
            "{}, {}",
            us_date(ms, &Default::default()),
            us_time(ms, &Default::default())
        ),
        (_, None) => {
            let asked = DateOptions {
                weekday: option("weekday"),
                year: option("year"),
                month: option("month"),
                day: option("day"),
                hour: option("hour"),
                minute: option("minute"),
                second: option("second"),
                hour12: !matches!(
                    options.get("hour12"),
                    Some(crate::value::Value::Bool(false))
                ),
            };
            // toLocaleDateString always writes the date, toLocaleTimeString the time.
            let date = date_asked || parts == Parts::Date;
            let time = time_asked || parts == Parts::Time;
            let date = date || (parts == Parts::Format && !time_asked);
            let date_text = date.then(|| us_date(ms, &asked.date_or_default(time_asked)));
            let time_text = time.then(|| us_time(ms, &asked.time_or_default(date_asked)));
            match (date_text, time_text) {
                (Some(d), Some(t)) if asked.month_named() => format!("{d} at {t}"),
                (Some(d), Some(t)) if asked.weekday.is_some() && asked.only_weekday() => {
                    format!("{d} {t}")
                }
                (Some(d), Some(t)) => format!("{d}, {t}"),
                (Some(d), None) => d,
                (None, Some(t)) => t,
                (None, None) => String::new(),
            }
        }
    };
    let english = locale.starts_with("en-US") || matches!(call.arg(0), JsValue::Undefined);
    let placed = english || ["en-GB", "de-DE", "de"].contains(&locale.as_str()) && place.is_some();
    if unknown_option || !placed {
        interp.note_once(
            call.span,
            "locale-date",
            crate::diagnostic::Diagnostic::note(
                call.span,
                "The playground writes dates in US English here (and UTC): other locales and options may read differently in Node",
            ),
        );
    }
    Ok(JsValue::str(&text))
}

/// The parts `toLocale…String` was asked for, as its options name them.
#[derive(Default, Clone)]
struct DateOptions {
    weekday: Option<String>,
    year: Option<String>,
    month: Option<String>,
    day: Option<String>,
    hour: Option<String>,
    minute: Option<String>,
    second: Option<String>,
    hour12: bool,
}

impl DateOptions {
    /// A long month name joins the time with " at " (a short one with a comma).
    fn month_named(&self) -> bool {
        self.month.as_deref() == Some("long")
    }

    fn only_weekday(&self) -> bool {
        self.year.is_none() && self.month.is_none() && self.day.is_none()
    }

    /// The date parts to write: those asked, or the numeric date when only the time was.
    fn date_or_default(&self, _time_asked: bool) -> DateOptions {
        let none = self.weekday.is_none()
            && self.year.is_none()
            && self.month.is_none()
            && self.day.is_none();
        if none {
            let numeric = Some("numeric".to_string());
            return DateOptions {
                year: numeric.clone(),
                month: numeric.clone(),
                day: numeric,
                ..self.clone()
            };
        }
        self.clone()
    }

    /// The time parts to write: those asked, or hours, minutes and seconds.
    fn time_or_default(&self, _date_asked: bool) -> DateOptions {
        if self.hour.is_none() && self.minute.is_none() && self.second.is_none() {
            let numeric = Some("numeric".to_string());
            return DateOptions {
                hour: numeric.clone(),
                minute: Some("2-digit".into()),
                second: Some("2-digit".into()),
                hour12: true,
                ..self.clone()
            };
        }
        let mut asked = self.clone();
        if self.hour12 {
            asked.hour12 = true;
        }
        asked
    }
}

/// US English's date: `1/5/2024`, `01/05/24`, `January 5, 2024`, `Fri, Jan 5`.
fn us_date(ms: f64, asked: &DateOptions) -> String {
    let asked = asked.date_or_default(false);
    let (y, m, d) = civil(ms);
    let two = |n: i64| format!("{:02}", n % 100);
    let year = asked.year.as_deref().map(|style| match style {
        "2-digit" => two(y),
        _ => y.to_string(),
    });
    let day = asked.day.as_deref().map(|style| match style {
        "2-digit" => format!("{d:02}"),
        _ => d.to_string(),
    });
    let weekday = asked.weekday.as_deref().map(|style| match style {
        "long" => LONG_DAY_NAMES[weekday(ms)].to_string(),
        _ => DAY_NAMES[weekday(ms)].to_string(),
    });
    let named = match asked.month.as_deref() {
        Some("long") => Some(LONG_MONTH_NAMES[m as usize - 1].to_string()),
        Some("short") => Some(MONTH_NAMES[m as usize - 1].to_string()),
        _ => None,
    };
    let body = match named {
        Some(month) => {
            let month_day = match &day {
                Some(day) => format!("{month} {day}"),
                None => month,
            };
            match (&year, &day) {
                (Some(year), Some(_)) => format!("{month_day}, {year}"),
                (Some(year), None) => format!("{month_day} {year}"),
                (None, _) => month_day,
            }
        }
        None => {
            let month = asked.month.as_deref().map(|style| match style {
                "2-digit" => format!("{m:02}"),
                _ => m.to_string(),
            });
            [month, day, year]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("/")
        }
    };
    match weekday {
        Some(weekday) if body.is_empty() => weekday,
        Some(weekday) => format!("{weekday}, {body}"),
        None => body,
    }
}

/// US English's time: `2:03:09 PM`, `02:03 PM`, `14:03` (hour12: false).
fn us_time(ms: f64, asked: &DateOptions) -> String {
    let asked = asked.time_or_default(false);
    let (h, min, s) = clock(ms);
    let twelve = asked.hour12;
    let shown_hour = if twelve {
        match h % 12 {
            0 => 12,
            other => other,
        }
    } else {
        h
    };
    let hour = asked.hour.as_deref().map(|style| match style {
        "2-digit" => format!("{shown_hour:02}"),
        _ => shown_hour.to_string(),
    });
    let minute = asked.minute.as_ref().map(|_| format!("{min:02}"));
    let second = asked.second.as_ref().map(|_| format!("{s:02}"));
    let text = [hour, minute, second]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(":");
    if twelve && asked.hour.is_some() {
        format!("{text} {}", if h < 12 { "AM" } else { "PM" })
    } else {
        text
    }
}

/// British and German numeric forms: `05/01/2024, 14:03:09`, `5.1.2024, 14:03:09`.
fn european(ms: f64, locale: &str, parts: Parts) -> String {
    let (y, m, d) = civil(ms);
    let (h, min, s) = clock(ms);
    let date = match locale {
        "en-GB" => format!("{d:02}/{m:02}/{y}"),
        _ => format!("{d}.{m}.{y}"),
    };
    let time = format!("{h:02}:{min:02}:{s:02}");
    match parts {
        Parts::Date | Parts::Format => date,
        Parts::Time => time,
        Parts::Both => format!("{date}, {time}"),
    }
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
