//! Logged SQL made readable: a line break before each clause (`FROM`, `WHERE`, `LEFT
//! OUTER JOIN`, `ORDER BY`, `LIMIT`…, indented by parenthesis depth), and the tokens a
//! highlighter colours. Only whitespace is changed; the statement stays the same text
//! otherwise, so what is copied still runs.

/// What a piece of SQL text is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Keyword,
    /// A quoted name: `"owners"`, or `` `owners` `` on MySQL and SQLite.
    Identifier,
    /// A string literal: `'Tom'`.
    Text,
    Number,
    /// A bind parameter: `$1`, or MySQL's `?`.
    Parameter,
    /// Whitespace, punctuation, operators and bare names.
    Plain,
}

/// Upper-case words Sequelize writes as SQL keywords (bare lower-case names such as
/// `count` stay plain).
const KEYWORDS: &[&str] = &[
    "ADD",
    "ALL",
    "ALTER",
    "AND",
    "AS",
    "ASC",
    "BETWEEN",
    "BY",
    "CASCADE",
    "CASE",
    "CONFLICT",
    "CONSTRAINT",
    "CREATE",
    "CROSS",
    "DEFAULT",
    "DELETE",
    "DESC",
    "DISTINCT",
    "DO",
    "DROP",
    "ELSE",
    "END",
    "EXISTS",
    "FALSE",
    "FOREIGN",
    "FROM",
    "FULL",
    "GROUP",
    "HAVING",
    "IF",
    "ILIKE",
    "IN",
    "INNER",
    "INSERT",
    "INTO",
    "IS",
    "JOIN",
    "KEY",
    "LEFT",
    "LIKE",
    "LIMIT",
    "NOT",
    "NULL",
    "OFFSET",
    "ON",
    "OR",
    "ORDER",
    "OUTER",
    "PRIMARY",
    "REFERENCES",
    "RETURNING",
    "RIGHT",
    "SELECT",
    "SET",
    "TABLE",
    "THEN",
    "TRUE",
    "UNION",
    "UNIQUE",
    "UPDATE",
    "USING",
    "VALUES",
    "WHEN",
    "WHERE",
];

/// Keywords that open a clause on a new line.
const CLAUSES: &[&str] = &[
    "FROM",
    "WHERE",
    "LEFT",
    "RIGHT",
    "INNER",
    "CROSS",
    "FULL",
    "JOIN",
    "GROUP",
    "HAVING",
    "ORDER",
    "LIMIT",
    "OFFSET",
    "VALUES",
    "SET",
    "RETURNING",
    "UNION",
];

/// Keywords after which a clause word continues the phrase (`DELETE FROM`, `LEFT OUTER
/// JOIN`, `ON DELETE SET NULL`) instead of opening a line.
const JOINED: &[&str] = &[
    "DELETE", "UPDATE", "OUTER", "INNER", "LEFT", "RIGHT", "CROSS", "FULL", "UNION",
];

/// `sql` cut into tokens that cover it exactly, in order.
pub fn tokens(sql: &str) -> Vec<(TokenKind, &str)> {
    let mut found = Vec::new();
    let mut rest = sql;
    while let Some(first) = rest.chars().next() {
        let (kind, length) = token_at(rest, first);
        let (text, tail) = rest.split_at(length);
        found.push((kind, text));
        rest = tail;
    }
    found
}

/// The kind and byte length of the token at the start of `text`, which starts with `first`.
fn token_at(text: &str, first: char) -> (TokenKind, usize) {
    let run = |keep: fn(char) -> bool| run_from(text, keep);
    match first {
        '"' | '`' => (TokenKind::Identifier, quoted(text, first)),
        '\'' => (TokenKind::Text, quoted(text, first)),
        '$' if text[1..].starts_with(|c: char| c.is_ascii_digit()) => (
            TokenKind::Parameter,
            1 + run_from(&text[1..], |c| c.is_ascii_digit()),
        ),
        // MySQL's bind parameter (in PostgreSQL's log a `?` is only ever inside a string).
        '?' => (TokenKind::Parameter, 1),
        c if c.is_ascii_digit() => (TokenKind::Number, run(|c| c.is_ascii_digit() || c == '.')),
        c if c.is_alphabetic() || c == '_' => {
            let length = run(|c| c.is_alphanumeric() || c == '_');
            let word = &text[..length];
            let kind = if KEYWORDS.contains(&word) {
                TokenKind::Keyword
            } else {
                TokenKind::Plain
            };
            (kind, length)
        }
        c if c.is_whitespace() => (TokenKind::Plain, run(char::is_whitespace)),
        c => (TokenKind::Plain, c.len_utf8()),
    }
}

/// The byte length of the longest start of `text` whose characters `keep` accepts.
fn run_from(text: &str, keep: fn(char) -> bool) -> usize {
    text.char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(text.len(), |(i, _)| i)
}

/// The length of a quoted token (a doubled quote inside is the quote itself); an
/// unclosed one runs to the end.
fn quoted(text: &str, quote: char) -> usize {
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if c == quote {
            if chars.peek().is_some_and(|&(_, next)| next == quote) {
                chars.next();
                continue;
            }
            return i + 1;
        }
    }
    text.len()
}

/// `sql` with each clause on its own line, indented two spaces per open parenthesis.
pub fn format(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 32);
    let mut depth = 0usize;
    let mut previous: Option<&str> = None;
    let mut space = "";
    for (kind, text) in tokens(sql.trim()) {
        if kind == TokenKind::Plain && text.trim().is_empty() {
            space = text;
            continue;
        }
        let opens_clause = kind == TokenKind::Keyword
            && CLAUSES.contains(&text)
            && !previous.is_some_and(|p| JOINED.contains(&p) || p == "(");
        if opens_clause && previous.is_some() {
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
        } else {
            out.push_str(space);
        }
        match text {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ => {}
        }
        out.push_str(text);
        previous = Some(text);
        space = "";
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_start_lines_and_subqueries_are_indented() {
        let sql = r#"SELECT "owner".*, "pugs"."id" AS "pugs.id" FROM (SELECT "owner"."id" FROM "owners" AS "owner" WHERE "owner"."name" = 'Tom' ORDER BY "owner"."id" LIMIT 1) AS "owner" LEFT OUTER JOIN "pugs" AS "pugs" ON "owner"."id" = "pugs"."ownerId";"#;
        assert_eq!(
            format(sql),
            r#"SELECT "owner".*, "pugs"."id" AS "pugs.id"
FROM (SELECT "owner"."id"
  FROM "owners" AS "owner"
  WHERE "owner"."name" = 'Tom'
  ORDER BY "owner"."id"
  LIMIT 1) AS "owner"
LEFT OUTER JOIN "pugs" AS "pugs" ON "owner"."id" = "pugs"."ownerId";"#
        );
    }

    #[test]
    fn phrases_stay_together_and_quoted_text_is_left_alone() {
        assert_eq!(
            format(r#"DELETE FROM "pugs" WHERE "id" = 1"#),
            "DELETE FROM \"pugs\"\nWHERE \"id\" = 1"
        );
        assert_eq!(
            format(r#"UPDATE "pugs" SET "ownerId"=$1 WHERE "id" = $2"#),
            "UPDATE \"pugs\"\nSET \"ownerId\"=$1\nWHERE \"id\" = $2"
        );
        let ddl = r#"CREATE TABLE IF NOT EXISTS "pugs" ("ownerId" INTEGER REFERENCES "owners" ("id") ON DELETE SET NULL);"#;
        assert_eq!(format(ddl), ddl);
        // Keywords inside names and strings, and lower-case words, are not clauses.
        let quoted = r#"SELECT "from", 'a WHERE b' AS "x" FROM "t" where"#;
        assert_eq!(
            format(quoted),
            "SELECT \"from\", 'a WHERE b' AS \"x\"\nFROM \"t\" where"
        );
    }

    #[test]
    fn tokens_cover_the_text_and_name_its_parts() {
        let sql = "SELECT \"a\"\"b\", 'it''s', 12, $3, count(*) FROM \"é\" WHERE x = 'open";
        let found = tokens(sql);
        assert_eq!(found.iter().map(|(_, t)| *t).collect::<String>(), sql);
        let kinds = |kind| {
            found
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, t)| *t)
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds(TokenKind::Keyword), ["SELECT", "FROM", "WHERE"]);
        assert_eq!(kinds(TokenKind::Identifier), ["\"a\"\"b\"", "\"é\""]);
        assert_eq!(kinds(TokenKind::Text), ["'it''s'", "'open"]);
        assert_eq!(kinds(TokenKind::Number), ["12"]);
        assert_eq!(kinds(TokenKind::Parameter), ["$3"]);
        let mysql = tokens("UPDATE `pugs` SET `ownerId`=? WHERE `id` = ?");
        let parameters = mysql.iter().filter(|(k, _)| *k == TokenKind::Parameter);
        assert_eq!(parameters.count(), 2);
        // Any text at all: the tokens still cover it, and formatting keeps every
        // character but whitespace.
        for odd in ["$", "\"", "'", "( ) ) FROM", "\u{1F600} FROM é", ""] {
            assert_eq!(tokens(odd).iter().map(|(_, t)| *t).collect::<String>(), odd);
            let squeeze = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(squeeze(&format(odd)), squeeze(odd));
        }
    }
}
