//! Located findings about a snippet: what went wrong (or is worth knowing), where, and how to fix it.
//!
//! Every stage reports through [`Diagnostic`] values instead of failing, so the page can
//! underline the exact bytes and keep showing everything else.

use serde::Serialize;

/// A byte range into the snippet text, `start..end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub start: usize,
    pub end: usize,
    /// In a project of several files, the file `start` and `end` point into.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            message: message.into(),
            hint: None,
            start: span.start,
            end: span.end,
            file: None,
        }
    }

    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, span, message)
    }

    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, span, message)
    }

    pub fn note(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Note, span, message)
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Byte offsets to UTF-16 offsets (what JavaScript strings count) for one text, built
/// once so that converting many spans stays linear.
pub struct Utf16Offsets {
    /// For non-ASCII text: the UTF-16 offset at each byte (a byte inside a character
    /// maps to the character's start). ASCII text needs no table.
    table: Option<Vec<u32>>,
    len: usize,
}

impl Utf16Offsets {
    pub fn new(source: &str) -> Utf16Offsets {
        if source.is_ascii() {
            return Utf16Offsets {
                table: None,
                len: source.len(),
            };
        }
        let mut table = Vec::with_capacity(source.len() + 1);
        let mut units = 0u32;
        for c in source.chars() {
            table.extend(std::iter::repeat_n(units, c.len_utf8()));
            units += c.len_utf16() as u32;
        }
        table.push(units);
        Utf16Offsets {
            table: Some(table),
            len: source.len(),
        }
    }

    pub fn at(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        match &self.table {
            None => byte,
            Some(table) => table[byte] as usize,
        }
    }
}

/// The offset in UTF-16 code units of a byte offset (one conversion; for many, build
/// [`Utf16Offsets`] once).
pub fn utf16_offset(source: &str, byte: usize) -> usize {
    Utf16Offsets::new(source).at(byte)
}

/// 1-based line and column (in characters) of a byte offset, for messages.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let offset = (0..=offset)
        .rev()
        .find(|&i| source.is_char_boundary(i))
        .unwrap_or(0);
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The candidate closest to `name` by edit distance (at most 2, and less than half the
/// name), ignoring exact matches. Case differences count as near.
pub fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let lower = name.to_lowercase();
    candidates
        .filter(|c| *c != name)
        .map(|c| {
            let distance = if c.to_lowercase() == lower {
                0
            } else {
                edit_distance(&lower, &c.to_lowercase())
            };
            (distance, c)
        })
        .filter(|(d, _)| *d <= 2 && *d * 2 < name.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_as_javascript_does() {
        let text = "é😀a";
        assert_eq!(utf16_offset(text, 0), 0);
        assert_eq!(utf16_offset(text, 2), 1);
        assert_eq!(utf16_offset(text, 6), 3);
        assert_eq!(utf16_offset(text, 7), 4);
        assert_eq!(utf16_offset(text, 4), 1, "inside a character: its start");
        assert_eq!(utf16_offset(text, 99), 4);
    }

    #[test]
    fn line_and_column() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab", 99), (1, 3));
        assert_eq!(line_col("é\nx", 1), (1, 1));
    }
}
