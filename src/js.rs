//! JavaScript's own conversions that every layer needs and that need no value:
//! `Number.prototype.toString`, and the ISO 8601 form of dates
//! (`Date.prototype.toISOString` and what `new Date(text)` reads).

/// A number as JavaScript writes it (`Number.prototype.toString`, ECMA-262's
/// Number::toString): the shortest digits that read back as the same number, in fixed
/// notation from 1e-7 up to 1e21 and in exponential notation (`1e+21`, `1.5e-7`) beyond.
pub fn format_number(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        // Exact as an integer (and -0 is "0", as in JavaScript).
        return (n as i64).to_string();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let (digits, point) = shortest_digits(n.abs());
    format!("{sign}{}", layout(&digits, point))
}

/// The shortest decimal digits of a positive finite `x` (no leading or trailing zeros)
/// and where the decimal point goes: `x = 0.digits × 10^point`. (zmij finds the digits;
/// it is in the build already, for serde_json, and much smaller than `{}` on f64.)
fn shortest_digits(x: f64) -> (String, i32) {
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format_finite(x);
    let (mantissa, exponent) = match text.split_once('e') {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{whole}{fraction}");
    let significant = all.trim_start_matches('0');
    let leading_zeros = (all.len() - significant.len()) as i32;
    let point = whole.len() as i32 - leading_zeros + exponent;
    (significant.trim_end_matches('0').to_string(), point)
}

/// ECMA-262 Number::toString's cases for digits `d` (k of them) and point `n`.
fn layout(digits: &str, point: i32) -> String {
    let k = digits.len() as i32;
    match point {
        n if k <= n && n <= 21 => format!("{digits}{}", "0".repeat((n - k) as usize)),
        n if 0 < n && n <= 21 => format!("{}.{}", &digits[..n as usize], &digits[n as usize..]),
        n if -6 < n && n <= 0 => format!("0.{}{digits}", "0".repeat(-n as usize)),
        n => {
            let exponent = n - 1;
            let sign = if exponent < 0 { '-' } else { '+' };
            let (first, rest) = digits.split_at(1);
            let rest = if rest.is_empty() {
                String::new()
            } else {
                format!(".{rest}")
            };
            format!("{first}{rest}e{sign}{}", exponent.abs())
        }
    }
}

/// `2026-11-22T02:28:02.476Z` for milliseconds since the epoch, as `Date.toISOString`.
pub fn iso_date(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000
    )
}

/// Milliseconds since the epoch for an ISO 8601 date as `new Date(text)` reads it:
/// `2024-01-02`, `2024-01-02T03:04`, `…:05`, `…:05.678`, with `Z`, `±hh:mm` or no zone
/// (taken as UTC: the playground's clock has no time zone).
pub fn parse_iso_date(text: &str) -> Option<i64> {
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let dashes = text.get(4..5) == Some("-") && text.get(7..8) == Some("-");
    if !dashes || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut ms = days_from_civil(year, month, day) * 86_400_000;
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(ms);
    }
    let time = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
    let field = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = time.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (hours, minutes) = (field(0..2)?, field(3..5)?);
    let mut at = 5;
    let seconds = if time.get(5..6) == Some(":") {
        at = 8;
        field(6..8)?
    } else {
        0
    };
    let mut millis = 0;
    if time.get(at..at + 1) == Some(".") {
        let digits = time[at + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let fraction = format!("{:0<3}", &time[at + 1..at + 1 + digits.min(3)]);
        millis = fraction.parse().ok()?;
        at += 1 + digits;
    }
    if hours > 24 || minutes > 59 || seconds > 59 {
        return None;
    }
    ms += ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    match &time[at..] {
        "" | "Z" => Some(ms),
        zone => {
            let sign = match zone.get(0..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let offset: i64 = zone.get(1..3)?.parse().ok()?;
            let offset_minutes: i64 = zone.get(4..6).map_or(Some(0), |m| m.parse().ok())?;
            Some(ms - sign * (offset * 60 + offset_minutes) * 60_000)
        }
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Howard Hinnant's days-to-civil conversion (proleptic Gregorian calendar).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `n` rounded to `scale` decimals half away from zero, on its decimal digits as
/// JavaScript writes them (so `1.005` is `1.01`, as PostgreSQL rounds the text it is
/// bound as).
pub fn round_decimal(n: f64, scale: usize) -> f64 {
    let text = format!("{n:e}");
    let Some((mantissa, exponent)) = text.split_once('e') else {
        return n;
    };
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    // The digits' value is digits × 10^(exponent - (len - 1)); keep `scale` decimals.
    let kept = (exponent + 1 + scale as i32).max(0) as usize;
    if kept >= digits.len() {
        return n;
    }
    let mut whole: u128 = digits[..kept].parse().unwrap_or(0);
    if digits.as_bytes()[kept] >= b'5' {
        whole += 1;
    }
    let rounded = whole as f64 / 10f64.powi(scale as i32);
    if negative {
        -rounded
    } else {
        rounded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_new_date_reads() {
        for ms in [0, 951_782_400_000, 1_795_314_482_476, -86_400_000] {
            assert_eq!(parse_iso_date(&iso_date(ms)), Some(ms));
        }
        assert_eq!(parse_iso_date("2000-02-29"), Some(951_782_400_000));
        assert_eq!(parse_iso_date("1970-01-01T01:00+01:00"), Some(0));
        assert_eq!(parse_iso_date("1970-01-01 00:00:01.5"), Some(1500));
        for bad in [
            "",
            "2024",
            "2024-13-01",
            "2024-01-01T",
            "2024-01-01Tnoon",
            "2024-01-01X",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn numbers_as_javascript_writes_them() {
        // What Node 20 prints for String(x).
        let cases = [
            (0.1 + 0.2, "0.30000000000000004"),
            (1.5, "1.5"),
            (-1.5, "-1.5"),
            (-0.0, "0"),
            (123.456, "123.456"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (123456789012345680000.0, "123456789012345680000"),
            (1.2345678901234568e21, "1.2345678901234568e+21"),
            (2f64.powi(53), "9007199254740992"),
            (1e-7, "1e-7"),
            (1.5e-7, "1.5e-7"),
            (0.000001, "0.000001"),
            (0.0000015, "0.0000015"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (-2.5e-10, "-2.5e-10"),
            (100.0, "100"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Infinity"),
        ];
        for (number, written) in cases {
            assert_eq!(format_number(number), written, "{number:e}");
        }
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_date(1_795_314_482_476), "2026-11-22T02:28:02.476Z");
        assert_eq!(iso_date(951_782_400_000), "2000-02-29T00:00:00.000Z");
    }
}
