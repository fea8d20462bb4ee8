//! A statement as Sequelize 6 logs it for PostgreSQL, respelled as it logs the same
//! query for MySQL or SQLite. The runtime's log writes PostgreSQL's text from the query
//! plans; what the other query generators write differently is, statement for
//! statement, a matter of spelling, so it is changed token by token (strings and quoted
//! identifiers are read whole, so nothing inside them is taken for a keyword):
//!
//! - identifiers in backticks, strings escaped as the dialect escapes them;
//! - bind parameters `?` on MySQL (SQLite keeps `$1`);
//! - no `RETURNING` clause: Sequelize reads the new id from the driver instead;
//! - SQLite's `NULL` for an auto-increment key PostgreSQL writes as `DEFAULT`;
//! - SQLite's booleans `1` and `0`;
//! - MySQL's dates without milliseconds or offset (`'2026-01-02 03:04:05'`);
//! - MySQL's `CAST(… AS CHAR)` for `CAST(… AS TEXT)`, `RAND()` for `RANDOM()`;
//! - `LIMIT offset, limit` for PostgreSQL's `LIMIT limit OFFSET offset` (and `LIMIT
//!   offset, 10000000000000` for an offset alone), as the abstract query generator writes it.

use super::Dialect;

/// Opens and closes text a snippet wrote itself (`sequelize.literal('…')`): Sequelize
/// logs it as it is on every dialect, so respelling leaves it alone; the marks are
/// taken out by [`unmark`] once the statement is spelled.
pub const VERBATIM_START: char = '\u{E000}';
pub const VERBATIM_END: char = '\u{E001}';

/// A piece each dialect spells its own way (a JSON path), between these marks;
/// [`respell_marked`] writes it out for the statement's dialect.
const SPELLED_START: char = '\u{E002}';
const SPELLED_END: char = '\u{E003}';
const PART: char = '\u{1}';

/// How a JSON path's value is cast for its comparison: `'t'` not (a string), `'n'` as
/// a number, `'b'` as a boolean.
pub type JsonCastCode = char;

/// The key of a condition on `path` inside the JSON column `field` (of the table
/// `alias`, if given), cast by `cast`: `("Event"."details"#>>'{venue,city}')` on
/// PostgreSQL, `json_extract(…)` on SQLite, `json_unquote(json_extract(…))` on MySQL.
pub fn json_key(alias: Option<&str>, field: &str, path: &[String], cast: JsonCastCode) -> String {
    let mut parts = vec![
        format!("K{cast}"),
        alias.unwrap_or_default().to_string(),
        field.to_string(),
    ];
    parts.extend(path.iter().cloned());
    format!(
        "{SPELLED_START}{}{SPELLED_END}",
        parts.join(&PART.to_string())
    )
}

/// A boolean compared with a JSON path: `true` on PostgreSQL, `1` on SQLite, `'true'` on
/// MySQL (which compares the path's text).
pub fn json_boolean(value: bool) -> String {
    format!("{SPELLED_START}B{}{SPELLED_END}", u8::from(value))
}

/// A JSON path compared with null (`IS NULL`, or `IS NOT NULL` when `negated`):
/// MySQL compares the path's text with `'null'` instead.
pub fn json_null(negated: bool) -> String {
    format!("{SPELLED_START}N{}{SPELLED_END}", u8::from(negated))
}

/// Each spelled piece of `statement` written out for `dialect`, as verbatim text.
fn spell_pieces(statement: &str, dialect: Dialect) -> String {
    if !statement.contains(SPELLED_START) {
        return statement.to_string();
    }
    let mut out = String::with_capacity(statement.len());
    let mut rest = statement;
    while let Some(start) = rest.find(SPELLED_START) {
        out.push_str(&rest[..start]);
        let after = &rest[start + SPELLED_START.len_utf8()..];
        let end = after.find(SPELLED_END).unwrap_or(after.len());
        out.push_str(&verbatim(&spell(&after[..end], dialect)));
        rest = after
            .get(end + SPELLED_END.len_utf8()..)
            .unwrap_or_default();
    }
    out.push_str(rest);
    out
}

fn spell(piece: &str, dialect: Dialect) -> String {
    let parts: Vec<&str> = piece.split(PART).collect();
    let kind = parts.first().copied().unwrap_or_default();
    if let Some(bit) = kind.strip_prefix('N') {
        return match (dialect, bit == "1") {
            (Dialect::Mysql, false) => "= 'null'".into(),
            (Dialect::Mysql, true) => "!= 'null'".into(),
            (_, false) => "IS NULL".into(),
            (_, true) => "IS NOT NULL".into(),
        };
    }
    if let Some(bit) = kind.strip_prefix('B') {
        let value = bit == "1";
        return match dialect {
            Dialect::Postgres => value.to_string(),
            Dialect::Sqlite => u8::from(value).to_string(),
            Dialect::Mysql => format!("'{value}'"),
        };
    }
    let cast = kind.chars().nth(1).unwrap_or('t');
    let (alias, field, path) = match parts.as_slice() {
        [_, alias, field, path @ ..] => (*alias, *field, path),
        _ => return String::new(),
    };
    let column = match alias {
        "" => dialect.quote_identifier(field),
        alias => format!(
            "{}.{}",
            dialect.quote_identifier(alias),
            dialect.quote_identifier(field)
        ),
    };
    let key = match dialect {
        Dialect::Postgres => format!("({column}#>>'{{{}}}')", path.join(",")),
        Dialect::Sqlite => format!("json_extract({column},'$.{}')", path.join(".")),
        Dialect::Mysql => {
            let quoted: Vec<String> = path.iter().map(|p| format!("\\\"{p}\\\"")).collect();
            format!(
                "json_unquote(json_extract({column},'$.{}'))",
                quoted.join(".")
            )
        }
    };
    match (cast, dialect) {
        ('n', Dialect::Mysql) => format!("CAST({key} AS DECIMAL)"),
        ('n', _) => format!("CAST({key} AS DOUBLE PRECISION)"),
        ('b', Dialect::Mysql) => key,
        ('b', _) => format!("CAST({key} AS BOOLEAN)"),
        _ => key,
    }
}

/// `text` marked as the snippet's own.
pub fn verbatim(text: &str) -> String {
    format!("{VERBATIM_START}{text}{VERBATIM_END}")
}

/// The statement without its verbatim marks.
pub fn unmark(statement: &str) -> String {
    statement.replace([VERBATIM_START, VERBATIM_END], "")
}

/// `statement` (PostgreSQL's text) as Sequelize logs it for `dialect`, its verbatim
/// marks kept.
pub fn respell_marked(statement: &str, dialect: Dialect) -> String {
    let spelled = spell_pieces(statement, dialect);
    let statement = spelled.as_str();
    if dialect == Dialect::Postgres {
        return statement.to_string();
    }
    if let Some(respelled) = lock_clause(statement, dialect) {
        return respelled;
    }
    let tokens: Vec<Token> = tokens(statement).into_iter().map(|(_, t)| t).collect();
    let mut out = String::with_capacity(statement.len());
    let mut i = 0;
    while i < tokens.len() {
        i = respell_at(&tokens, i, dialect, &mut out);
    }
    out
}

/// A SELECT ending in PostgreSQL's lock clause: MySQL's (`LOCK IN SHARE MODE` for a
/// shared lock, `FOR UPDATE` otherwise); none on SQLite, which does not lock rows.
fn lock_clause(statement: &str, dialect: Dialect) -> Option<String> {
    const CLAUSES: &[&str] = &[
        " FOR UPDATE;",
        " FOR SHARE;",
        " FOR KEY SHARE;",
        " FOR NO KEY UPDATE;",
    ];
    let clause = CLAUSES.iter().find(|c| statement.ends_with(**c))?;
    let select = respell_marked(
        &format!("{};", &statement[..statement.len() - clause.len()]),
        dialect,
    );
    let select = select.strip_suffix(';').unwrap_or(&select).to_string();
    Some(match (dialect, *clause) {
        (Dialect::Sqlite, _) => format!("{select};"),
        (_, " FOR SHARE;" | " FOR KEY SHARE;") => format!("{select} LOCK IN SHARE MODE;"),
        _ => format!("{select} FOR UPDATE;"),
    })
}

/// `statement` (PostgreSQL's text) as Sequelize logs it for `dialect`.
pub fn respell(statement: &str, dialect: Dialect) -> String {
    unmark(&respell_marked(statement, dialect))
}

/// A piece of PostgreSQL's text: what respelling reads as one.
#[derive(Clone, Debug, PartialEq)]
enum Token<'a> {
    /// `"name"`, unquoted.
    Identifier(String),
    /// `'text'`, unquoted.
    Str(String),
    /// A run of letters, digits and `_`.
    Word(&'a str),
    /// `$1`.
    Bind(&'a str),
    /// Anything else, one character at a time (spaces included).
    Other(&'a str),
    /// The snippet's own text, marks included: written as it is.
    Verbatim(&'a str),
}

/// Where `keyword` stands in `statement` as a word of its own (not inside a string or
/// a quoted identifier), if it does.
pub fn find_keyword(statement: &str, keyword: &str) -> Option<usize> {
    tokens(statement)
        .into_iter()
        .find(|(_, token)| *token == Token::Word(keyword))
        .map(|(at, _)| at)
}

/// The tokens of `text`, each with where it starts.
fn tokens(text: &str) -> Vec<(usize, Token<'_>)> {
    let mut tokens = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = bytes[i];
        let (token, next) = match c {
            _ if text[i..].starts_with(VERBATIM_START) => {
                let end = text[i..]
                    .find(VERBATIM_END)
                    .map_or(text.len(), |at| i + at + VERBATIM_END.len_utf8());
                (Token::Verbatim(&text[i..end]), end)
            }
            b'"' | b'\'' => {
                let (content, next) = quoted(text, i, c);
                match c {
                    b'"' => (Token::Identifier(content), next),
                    _ => (Token::Str(content), next),
                }
            }
            b'$' if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                let end = run_end(bytes, i + 1, |b| b.is_ascii_digit());
                (Token::Bind(&text[i..end]), end)
            }
            _ if is_word_byte(c) => {
                let end = run_end(bytes, i, is_word_byte);
                (Token::Word(&text[i..end]), end)
            }
            _ => {
                let end = i + text[i..].chars().next().map_or(1, char::len_utf8);
                (Token::Other(&text[i..end]), end)
            }
        };
        tokens.push((i, token));
        i = next;
    }
    tokens
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn run_end(bytes: &[u8], start: usize, keep: impl Fn(u8) -> bool) -> usize {
    (start..bytes.len())
        .find(|&j| !keep(bytes[j]))
        .unwrap_or(bytes.len())
}

/// The content of the quoted text opening at `start` (a doubled quote is one), and
/// where it ends. An unclosed quote runs to the end.
fn quoted(text: &str, start: usize, quote: u8) -> (String, usize) {
    let bytes = text.as_bytes();
    let mut content = String::new();
    let mut piece = start + 1;
    let mut j = start + 1;
    while j < bytes.len() {
        if bytes[j] == quote {
            content.push_str(&text[piece..j]);
            if bytes.get(j + 1) == Some(&quote) {
                content.push(quote as char);
                j += 2;
                piece = j;
                continue;
            }
            return (content, j + 1);
        }
        j += 1;
    }
    content.push_str(&text[piece..]);
    (content, bytes.len())
}

/// Writes the token at `i` (or the clause starting there) onto `out`; the next index.
fn respell_at(tokens: &[Token], i: usize, dialect: Dialect, out: &mut String) -> usize {
    match &tokens[i] {
        Token::Identifier(name) => dialect.push_identifier(out, name),
        Token::Str(text) => out.push_str(&string_literal(text, dialect)),
        Token::Bind(bind) => match dialect {
            Dialect::Mysql => out.push('?'),
            _ => out.push_str(bind),
        },
        // PostgreSQL's regular-expression match is MySQL's (and SQLite's) REGEXP.
        Token::Other("~")
            if dialect != Dialect::Postgres && tokens.get(i + 1) != Some(&Token::Other("*")) =>
        {
            match out.ends_with('!') {
                true => {
                    out.pop();
                    out.push_str("NOT REGEXP");
                }
                false => out.push_str("REGEXP"),
            }
        }
        Token::Other(text) | Token::Verbatim(text) => out.push_str(text),
        Token::Word("RETURNING") => return returning_end(tokens, i, out),
        Token::Word(word @ ("LIMIT" | "OFFSET")) => match limit_clause(tokens, i) {
            Some((clause, next)) => {
                out.push_str(&clause);
                return next;
            }
            None => out.push_str(word),
        },
        // MySQL's CAST has no TEXT type: Sequelize's MySQL generator writes CHAR.
        Token::Word("TEXT")
            if dialect == Dialect::Mysql
                && i >= 2
                && tokens[i - 2] == Token::Word("AS")
                && tokens.get(i + 1) == Some(&Token::Other(")")) =>
        {
            out.push_str("CHAR")
        }
        Token::Word("RANDOM")
            if dialect == Dialect::Mysql && tokens.get(i + 1) == Some(&Token::Other("(")) =>
        {
            out.push_str("RAND")
        }
        Token::Word(word) => out.push_str(respelled_word(word, dialect)),
    }
    i + 1
}

/// SQLite's spellings of PostgreSQL's keywords (MySQL's are PostgreSQL's).
fn respelled_word(word: &str, dialect: Dialect) -> &str {
    match (dialect, word) {
        (Dialect::Sqlite, "DEFAULT") => "NULL",
        (Dialect::Sqlite, "true") => "1",
        (Dialect::Sqlite, "false") => "0",
        _ => word,
    }
}

/// Skips ` RETURNING …` (the space before it was written: it is taken back) up to the
/// statement's `;` or its end; the index of that `;`.
fn returning_end(tokens: &[Token], i: usize, out: &mut String) -> usize {
    if out.ends_with(' ') {
        out.pop();
    }
    (i..tokens.len())
        .find(|&j| tokens[j] == Token::Other(";"))
        .unwrap_or(tokens.len())
}

/// `LIMIT 2 OFFSET 1` as `LIMIT 1, 2`, `OFFSET 1` as `LIMIT 1, 10000000000000`; `None`
/// for a plain `LIMIT 2` (the same in every dialect) or anything else.
fn limit_clause(tokens: &[Token], i: usize) -> Option<(String, usize)> {
    // A count, or a quoted one (`limit: '10'`).
    let digits = |n: &str| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    let number_at = |j: usize| match (tokens.get(j), tokens.get(j + 1)) {
        (Some(Token::Other(" ")), Some(Token::Word(n))) if digits(n) => Some(n.to_string()),
        (Some(Token::Other(" ")), Some(Token::Str(n))) if digits(n) => Some(format!("'{n}'")),
        _ => None,
    };
    match tokens[i] {
        Token::Word("LIMIT") => {
            let limit = number_at(i + 1)?;
            let offset = match (tokens.get(i + 4), tokens.get(i + 3)) {
                (Some(Token::Word("OFFSET")), Some(Token::Other(" "))) => number_at(i + 5)?,
                _ => return None,
            };
            Some((format!("LIMIT {offset}, {limit}"), i + 7))
        }
        _ => {
            let offset = number_at(i + 1)?;
            Some((format!("LIMIT {offset}, 10000000000000"), i + 3))
        }
    }
}

/// A string literal in `dialect`'s escaping; on MySQL a date literal of PostgreSQL's form
/// (`'2026-01-02 03:04:05.678 +00:00'`) loses its milliseconds and offset.
fn string_literal(text: &str, dialect: Dialect) -> String {
    match dialect {
        Dialect::Mysql => dialect.quote_string(mysql_date(text).unwrap_or(text)),
        _ => dialect.quote_string(text),
    }
}

/// `2026-01-02 03:04:05` of `2026-01-02 03:04:05.678 +00:00`.
fn mysql_date(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| range.into_iter().all(|k| b[k].is_ascii_digit());
    let shaped = b.len() == 30
        && digits(0..4)
        && b[4] == b'-'
        && b[10] == b' '
        && b[13] == b':'
        && b[19] == b'.'
        && digits(20..23)
        && &text[23..] == " +00:00";
    shaped.then(|| &text[..19])
}

#[cfg(test)]
mod tests {
    use super::{respell, Dialect};

    #[test]
    fn inserts_lose_returning_and_take_each_dialects_placeholders() {
        let pg = r#"INSERT INTO "owners" ("id","name") VALUES (DEFAULT,$1) RETURNING "id","name";"#;
        assert_eq!(
            respell(pg, Dialect::Mysql),
            "INSERT INTO `owners` (`id`,`name`) VALUES (DEFAULT,?);"
        );
        assert_eq!(
            respell(pg, Dialect::Sqlite),
            "INSERT INTO `owners` (`id`,`name`) VALUES (NULL,$1);"
        );
        assert_eq!(respell(pg, Dialect::Postgres), pg);
    }

    #[test]
    fn literals_and_limits_are_respelled_but_not_inside_strings() {
        let pg = r#"SELECT "a""b" FROM "t" WHERE "x" = 'it''s true' AND "y" = true AND "d" = '2026-01-02 03:04:05.678 +00:00' LIMIT 2 OFFSET 1;"#;
        assert_eq!(
            respell(pg, Dialect::Mysql),
            "SELECT `a\"b` FROM `t` WHERE `x` = 'it\\'s true' AND `y` = true AND `d` = '2026-01-02 03:04:05' LIMIT 1, 2;"
        );
        assert_eq!(
            respell(pg, Dialect::Sqlite),
            "SELECT `a\"b` FROM `t` WHERE `x` = 'it''s true' AND `y` = 1 AND `d` = '2026-01-02 03:04:05.678 +00:00' LIMIT 1, 2;"
        );
        assert_eq!(
            respell(r#"SELECT "a" FROM "t" OFFSET 3;"#, Dialect::Sqlite),
            "SELECT `a` FROM `t` LIMIT 3, 10000000000000;"
        );
    }

    #[test]
    fn any_text_is_respelled_without_panicking() {
        let odd = [
            "",
            "$",
            "\"",
            "'",
            "'é",
            "\"é",
            "LIMIT",
            "LIMIT 2 OFFSET",
            "OFFSET x",
            "RETURNING",
            "é LIMIT 1 OFFSET 2 é",
            "'2026-01-02 03:04:05.678 +00:0é'",
        ];
        for text in odd {
            for dialect in Dialect::ALL {
                let _ = respell(text, dialect);
                let _ = super::find_keyword(text, "ILIKE");
            }
        }
        assert_eq!(respell("'open", Dialect::Sqlite), "'open'");
    }
}
