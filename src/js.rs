//! JavaScript's own conversions that every layer needs and that need no value:
//! `Number.prototype.toString` for the common cases, and the ISO 8601 form of dates
//! (`Date.prototype.toISOString` and what `new Date(text)` reads).

/// Formats a number the way JavaScript prints it in the common cases (`1`, `1.5`).
pub fn format_number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e21 {
        format!("{}", n as i64)
    } else if n.is_nan() {
        "NaN".into()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        format!("{n}")
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
    fn iso_dates() {
        assert_eq!(iso_date(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_date(1_795_314_482_476), "2026-11-22T02:28:02.476Z");
        assert_eq!(iso_date(951_782_400_000), "2000-02-29T00:00:00.000Z");
    }
}
