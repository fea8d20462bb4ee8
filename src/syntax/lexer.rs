//! Turns snippet text into tokens. Never fails: bad characters and unterminated
//! literals become diagnostics, and lexing goes on.

use std::borrow::Cow;

use crate::diagnostic::{Diagnostic, Span};

#[derive(Clone, Debug, PartialEq)]
pub enum TokenKind<'a> {
    /// Identifiers and keywords alike; the parser tells them apart by text. Borrowed
    /// from the source: a token costs no allocation, and the parser's copies none.
    Ident(&'a str),
    Number(f64),
    /// `123n`, as its decimal digits.
    BigInt(String),
    /// A quoted string, with escapes resolved (borrowed from the source when it has none).
    Str(Cow<'a, str>),
    /// A piece of a template literal, escapes resolved: `` `a` `` is one [`TemplatePart::Full`];
    /// `` `a${x}b${y}c` `` is a `Head` (`a`), the tokens of `x`, a `Middle` (`b`), the tokens
    /// of `y` and a `Tail` (`c`).
    Template {
        cooked: String,
        part: TemplatePart,
    },
    Regex {
        pattern: String,
        flags: String,
    },
    Punct(&'static str),
    Eof,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplatePart {
    /// `` `…` ``: no substitutions.
    Full,
    /// `` `…${ ``.
    Head,
    /// `` }…${ ``.
    Middle,
    /// `` }…` ``.
    Tail,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token<'a> {
    pub kind: TokenKind<'a>,
    pub span: Span,
    /// A line break stands between this token and the one before (drives automatic semicolons).
    pub newline_before: bool,
}

impl Token<'_> {
    pub fn is_punct(&self, p: &str) -> bool {
        matches!(&self.kind, TokenKind::Punct(q) if *q == p)
    }

    pub fn is_ident(&self, name: &str) -> bool {
        matches!(&self.kind, TokenKind::Ident(n) if *n == name)
    }

    /// How the token reads in a message: `'foo'`, `end of input`.
    pub fn describe(&self, source: &str) -> String {
        match self.kind {
            TokenKind::Eof => "end of input".to_string(),
            _ => format!("'{}'", &source[self.span.start..self.span.end]),
        }
    }
}

pub fn tokenize<'a>(source: &'a str, diagnostics: &mut Vec<Diagnostic>) -> Vec<Token<'a>> {
    Lexer {
        src: source,
        bytes: source.as_bytes(),
        pos: 0,
        // About one token per four bytes in typical snippets: one allocation, no regrowth.
        tokens: Vec::with_capacity(source.len() / 4 + 1),
        diagnostics,
        newline_before: false,
        braces: Vec::new(),
        parens: Vec::new(),
        control_paren_closed: false,
    }
    .run()
}

struct Lexer<'a, 'd> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    tokens: Vec<Token<'a>>,
    diagnostics: &'d mut Vec<Diagnostic>,
    newline_before: bool,
    /// One entry per open `{`: `true` when it is a template's `${`.
    braces: Vec<bool>,
    /// One entry per open `(`: `true` when it follows `if`, `while`, `for` or `with`.
    parens: Vec<bool>,
    /// The last token is the `)` of such a head, after which a `/` starts a regex.
    control_paren_closed: bool,
}

impl<'a> Lexer<'a, '_> {
    fn run(mut self) -> Vec<Token<'a>> {
        if self.src.starts_with("#!") {
            // A hashbang line (`#!/usr/bin/env node`) is a comment.
            self.pos = self.src.find('\n').unwrap_or(self.src.len());
        }
        loop {
            self.skip_trivia();
            let start = self.pos;
            let Some(c) = self.peek_char() else {
                self.push(TokenKind::Eof, start);
                return self.tokens;
            };
            if is_ident_start(c) {
                let name = self.ident();
                self.push(TokenKind::Ident(name), start);
            } else if c.is_ascii_digit()
                || (c == '.'
                    && self
                        .byte_at(self.pos + 1)
                        .is_some_and(|b| b.is_ascii_digit()))
            {
                let kind = self.number();
                self.push(kind, start);
            } else if c == '"' || c == '\'' {
                let value = self.string(c);
                self.push(TokenKind::Str(value), start);
            } else if c == '`' || (c == '}' && self.braces.last() == Some(&true)) {
                if c == '}' {
                    self.braces.pop();
                }
                let kind = self.template(c == '`');
                self.push(kind, start);
            } else if c == '/' && self.regex_allowed() {
                let kind = self.regex();
                self.push(kind, start);
            } else if let Some(p) = punctuator(&self.bytes[self.pos..]) {
                self.pos += p.len();
                let closes_control = p == ")" && self.parens.pop() == Some(true);
                match p {
                    "(" => {
                        let control = matches!(
                            self.tokens.last().map(|t| &t.kind),
                            Some(TokenKind::Ident(w)) if matches!(*w, "if" | "while" | "for" | "with")
                        );
                        self.parens.push(control);
                    }
                    "{" => self.braces.push(false),
                    "}" => {
                        self.braces.pop();
                    }
                    _ => {}
                }
                self.push(TokenKind::Punct(p), start);
                self.control_paren_closed = closes_control;
            } else {
                self.pos += c.len_utf8();
                self.diagnostics.push(Diagnostic::error(
                    Span::new(start, self.pos),
                    format!("Invalid or unexpected token '{c}'"),
                ));
            }
        }
    }

    fn push(&mut self, kind: TokenKind<'a>, start: usize) {
        self.tokens.push(Token {
            kind,
            span: Span::new(start, self.pos),
            newline_before: self.newline_before,
        });
        self.newline_before = false;
    }

    fn peek_char(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn byte_at(&self, i: usize) -> Option<u8> {
        self.bytes.get(i).copied()
    }

    fn skip_trivia(&mut self) {
        while let Some(c) = self.peek_char() {
            if c == '\n' || c == '\u{2028}' || c == '\u{2029}' {
                self.newline_before = true;
                self.pos += c.len_utf8();
            } else if c.is_whitespace() || c == '\u{feff}' {
                self.pos += c.len_utf8();
            } else if self.src[self.pos..].starts_with("//") {
                self.pos = self.src[self.pos..]
                    .find('\n')
                    .map_or(self.src.len(), |i| self.pos + i);
            } else if self.src[self.pos..].starts_with("/*") {
                let start = self.pos;
                match self.src[self.pos + 2..].find("*/") {
                    Some(i) => {
                        if self.src[self.pos..self.pos + 2 + i].contains('\n') {
                            self.newline_before = true;
                        }
                        self.pos += i + 4;
                    }
                    None => {
                        self.pos = self.src.len();
                        self.diagnostics.push(Diagnostic::error(
                            Span::new(start, start + 2),
                            "Unterminated comment: this /* is never closed with */",
                        ));
                    }
                }
            } else {
                break;
            }
        }
    }

    fn ident(&mut self) -> &'a str {
        let start = self.pos;
        // ASCII first, byte by byte; any other character goes the `char` way below.
        while self
            .byte_at(self.pos)
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
        {
            self.pos += 1;
        }
        while let Some(c) = self.peek_char() {
            if is_ident_continue(c) {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        &self.src[start..self.pos]
    }

    fn number(&mut self) -> TokenKind<'a> {
        let start = self.pos;
        let radix = match self.src[self.pos..]
            .get(..2)
            .map(|s| s.to_ascii_lowercase())
        {
            Some(p) if p == "0x" => 16,
            Some(p) if p == "0o" => 8,
            Some(p) if p == "0b" => 2,
            _ => 10,
        };
        if radix != 10 {
            self.pos += 2;
            let digits_start = self.pos;
            while self
                .byte_at(self.pos)
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
            {
                self.pos += 1;
            }
            let text = &self.src[digits_start..self.pos];
            let bigint = text.ends_with('n');
            let digits: String = text.chars().filter(|c| *c != '_' && *c != 'n').collect();
            let mut value = Some(0f64);
            for c in digits.chars() {
                value = match (value, c.to_digit(radix)) {
                    (Some(v), Some(d)) => Some(v * radix as f64 + d as f64),
                    _ => None,
                };
            }
            if digits.is_empty() {
                value = None;
            }
            if bigint {
                return match u128::from_str_radix(&digits, radix) {
                    Ok(v) => TokenKind::BigInt(v.to_string()),
                    Err(_) => {
                        TokenKind::BigInt(crate::js::format_number(self.checked(start, None)))
                    }
                };
            }
            return TokenKind::Number(self.checked(start, value));
        }
        while let Some(b) = self.byte_at(self.pos) {
            let exponent_sign =
                (b == b'+' || b == b'-') && matches!(self.byte_at(self.pos - 1), Some(b'e' | b'E'));
            if b.is_ascii_digit()
                || b == b'.'
                || b == b'_'
                || b == b'e'
                || b == b'E'
                || exponent_sign
            {
                self.pos += 1;
            } else {
                break;
            }
        }
        let text: String = self.src[start..self.pos]
            .chars()
            .filter(|c| *c != '_')
            .collect();
        if self.byte_at(self.pos) == Some(b'n') {
            self.pos += 1;
            if !text.bytes().all(|b| b.is_ascii_digit()) {
                self.checked(start, None);
            }
            let digits = text.trim_start_matches('0');
            return TokenKind::BigInt(if digits.is_empty() { "0" } else { digits }.to_string());
        }
        TokenKind::Number(self.checked(start, text.parse::<f64>().ok()))
    }

    fn checked(&mut self, start: usize, value: Option<f64>) -> f64 {
        value.unwrap_or_else(|| {
            self.diagnostics.push(Diagnostic::error(
                Span::new(start, self.pos),
                "Invalid number",
            ));
            0.0
        })
    }

    fn string(&mut self, quote: char) -> Cow<'a, str> {
        let start = self.pos;
        self.pos += 1;
        // Most strings have no escape: they are a slice of the source.
        let body = &self.bytes[self.pos..];
        if let Some(len) = body
            .iter()
            .position(|&b| matches!(b, b'\\' | b'\n') || b == quote as u8)
        {
            if body[len] == quote as u8 {
                let value = &self.src[self.pos..self.pos + len];
                self.pos += len + 1;
                return Cow::Borrowed(value);
            }
        }
        let mut value = String::new();
        loop {
            match self.peek_char() {
                None | Some('\n') => {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Span::new(start, self.pos),
                            "Invalid or unexpected token: unterminated string",
                        )
                        .with_hint(format!("close the string with {quote}")),
                    );
                    return Cow::Owned(value);
                }
                Some(c) if c == quote => {
                    self.pos += 1;
                    return Cow::Owned(value);
                }
                Some('\\') => self.escape(&mut value),
                Some(c) => {
                    value.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    /// Reads a template piece from its opening `` ` `` (`first`) or the `}` that closes a
    /// substitution, up to the closing `` ` `` or the next `${`.
    fn template(&mut self, first: bool) -> TokenKind<'a> {
        let start = self.pos;
        self.pos += 1;
        let mut cooked = String::new();
        loop {
            match self.peek_char() {
                None => {
                    self.diagnostics.push(Diagnostic::error(
                        Span::new(start, self.pos),
                        "Unterminated template literal",
                    ));
                    let part = if first {
                        TemplatePart::Full
                    } else {
                        TemplatePart::Tail
                    };
                    return TokenKind::Template { cooked, part };
                }
                Some('`') => {
                    self.pos += 1;
                    let part = if first {
                        TemplatePart::Full
                    } else {
                        TemplatePart::Tail
                    };
                    return TokenKind::Template { cooked, part };
                }
                Some('\\') => self.escape(&mut cooked),
                Some('$') if self.byte_at(self.pos + 1) == Some(b'{') => {
                    self.pos += 2;
                    self.braces.push(true);
                    let part = if first {
                        TemplatePart::Head
                    } else {
                        TemplatePart::Middle
                    };
                    return TokenKind::Template { cooked, part };
                }
                Some('\r') => {
                    // A template's line breaks read as `\n`, `\r\n` included.
                    self.pos += 1;
                    if self.byte_at(self.pos) == Some(b'\n') {
                        self.pos += 1;
                    }
                    cooked.push('\n');
                }
                Some(c) => {
                    cooked.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    fn escape(&mut self, value: &mut String) {
        self.pos += 1; // the backslash
        let Some(c) = self.peek_char() else { return };
        self.pos += c.len_utf8();
        match c {
            'n' => value.push('\n'),
            't' => value.push('\t'),
            'r' => value.push('\r'),
            'b' => value.push('\u{8}'),
            'f' => value.push('\u{c}'),
            'v' => value.push('\u{b}'),
            '0' => value.push('\0'),
            '\n' | '\u{2028}' | '\u{2029}' => {}
            '\r' => {
                if self.byte_at(self.pos) == Some(b'\n') {
                    self.pos += 1;
                }
            }
            'x' => self.hex_escape(value, 2),
            'u' if self.byte_at(self.pos) == Some(b'{') => {
                let start = self.pos - 2;
                let close = self.src[self.pos..]
                    .find('}')
                    .map_or(self.src.len(), |i| self.pos + i);
                let code = self
                    .src
                    .get(self.pos + 1..close)
                    .and_then(|h| u32::from_str_radix(h, 16).ok());
                match code.and_then(char::from_u32) {
                    Some(c) => value.push(c),
                    None => self.diagnostics.push(Diagnostic::error(
                        Span::new(start, (close + 1).min(self.src.len())),
                        "Invalid Unicode escape sequence",
                    )),
                }
                self.pos = (close + 1).min(self.src.len());
            }
            'u' => self.hex_escape(value, 4),
            other => value.push(other),
        }
    }

    fn hex_escape(&mut self, value: &mut String, len: usize) {
        let digits = self.src.get(self.pos..self.pos + len).unwrap_or("");
        if let Some(c) = u32::from_str_radix(digits, 16)
            .ok()
            .and_then(char::from_u32)
        {
            value.push(c);
            self.pos += len;
        }
    }

    /// A `/` starts a regular expression where a value is expected, not after one.
    fn regex_allowed(&self) -> bool {
        match self.tokens.last().map(|t| &t.kind) {
            None => true,
            Some(TokenKind::Ident(name)) => matches!(
                *name,
                "return"
                    | "typeof"
                    | "await"
                    | "case"
                    | "in"
                    | "of"
                    | "new"
                    | "delete"
                    | "void"
                    | "throw"
                    | "instanceof"
                    | "yield"
                    | "else"
                    | "do"
            ),
            Some(TokenKind::Template { part, .. }) => {
                matches!(part, TemplatePart::Head | TemplatePart::Middle)
            }
            Some(TokenKind::Punct(")")) => self.control_paren_closed,
            Some(TokenKind::Punct(p)) => !matches!(*p, "]" | "}"),
            Some(_) => false,
        }
    }

    fn regex(&mut self) -> TokenKind<'a> {
        let start = self.pos;
        self.pos += 1;
        let mut in_class = false;
        loop {
            match self.peek_char() {
                None | Some('\n') => {
                    self.diagnostics.push(Diagnostic::error(
                        Span::new(start, self.pos),
                        "Invalid regular expression: missing /",
                    ));
                    return TokenKind::Regex {
                        pattern: self.src[start + 1..self.pos].to_string(),
                        flags: String::new(),
                    };
                }
                Some('\\') => {
                    self.pos += 1 + self.src[self.pos + 1..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8)
                }
                Some('[') => {
                    in_class = true;
                    self.pos += 1;
                }
                Some(']') => {
                    in_class = false;
                    self.pos += 1;
                }
                Some('/') if !in_class => {
                    let pattern = self.src[start + 1..self.pos].to_string();
                    self.pos += 1;
                    let flags_start = self.pos;
                    while let Some(flag) = self.peek_char().filter(|c| is_ident_continue(*c)) {
                        self.pos += flag.len_utf8();
                    }
                    let flags = self.src[flags_start..self.pos].to_string();
                    return TokenKind::Regex { pattern, flags };
                }
                Some(c) => self.pos += c.len_utf8(),
            }
        }
    }
}

/// The longest punctuator `rest` starts with. Candidates are chosen by the first byte and
/// listed longest first, so that `===` wins over `==` and `=`; bytes are compared inline
/// (a `memcmp` call per candidate cost more than the comparison itself).
fn punctuator(rest: &[u8]) -> Option<&'static str> {
    let candidates: &[&'static str] = match rest.first()? {
        b'>' => &[">>>=", ">>>", ">>=", ">=", ">>", ">"],
        b'<' => &["<<=", "<=", "<<", "<"],
        b'=' => &["===", "=>", "==", "="],
        b'!' => &["!==", "!=", "!"],
        b'*' => &["**=", "**", "*=", "*"],
        b'&' => &["&&=", "&&", "&=", "&"],
        b'|' => &["||=", "||", "|=", "|"],
        b'?' => &["??=", "??", "?.", "?"],
        b'.' => &["...", "."],
        b'+' => &["++", "+=", "+"],
        b'-' => &["--", "-=", "-"],
        b'/' => &["/=", "/"],
        b'%' => &["%=", "%"],
        b'^' => &["^=", "^"],
        b'{' => &["{"],
        b'}' => &["}"],
        b'(' => &["("],
        b')' => &[")"],
        b'[' => &["["],
        b']' => &["]"],
        b';' => &[";"],
        b',' => &[","],
        b'~' => &["~"],
        b':' => &[":"],
        b'@' => &["@"],
        b'#' => &["#"],
        _ => return None,
    };
    candidates
        .iter()
        .copied()
        .find(|p| p.len() <= rest.len() && p.bytes().zip(rest).all(|(a, &b)| a == b))
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c == '$' || c.is_alphabetic()
}

fn is_ident_continue(c: char) -> bool {
    c == '_' || c == '$' || c.is_alphanumeric() || c == '\u{200c}' || c == '\u{200d}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<TokenKind<'_>> {
        let mut diagnostics = Vec::new();
        tokenize(src, &mut diagnostics)
            .into_iter()
            .map(|t| t.kind)
            .collect()
    }

    #[test]
    fn strings_numbers_and_punctuation() {
        let got = kinds("x = 'a\\'b' + `t` === 1.5e2; // done");
        assert_eq!(
            got,
            vec![
                TokenKind::Ident("x"),
                TokenKind::Punct("="),
                TokenKind::Str("a'b".into()),
                TokenKind::Punct("+"),
                TokenKind::Template {
                    cooked: "t".into(),
                    part: TemplatePart::Full
                },
                TokenKind::Punct("==="),
                TokenKind::Number(150.0),
                TokenKind::Punct(";"),
                TokenKind::Eof,
            ]
        );
    }

    #[test]
    fn unterminated_string_is_a_located_error() {
        let mut diagnostics = Vec::new();
        tokenize("const a = 'oops\nconst b = 1", &mut diagnostics);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].start, 10);
    }

    #[test]
    fn a_slash_after_a_control_head_starts_a_regex() {
        let got = kinds("if (x) /a/.test(s); (a) / b");
        assert!(matches!(got[4], TokenKind::Regex { .. }), "{got:?}");
        assert_eq!(got[got.len() - 3], TokenKind::Punct("/"));
    }

    #[test]
    fn a_hashbang_line_is_a_comment() {
        assert_eq!(
            kinds("#!/usr/bin/env node\nx"),
            vec![TokenKind::Ident("x"), TokenKind::Eof]
        );
    }

    #[test]
    fn newline_flag_and_comments() {
        let mut diagnostics = Vec::new();
        let tokens = tokenize("a /* x\n */ b\nc", &mut diagnostics);
        let flags: Vec<bool> = tokens.iter().map(|t| t.newline_before).collect();
        assert_eq!(flags, vec![false, true, true, false]);
    }

    fn template(cooked: &str, part: TemplatePart) -> TokenKind<'_> {
        TokenKind::Template {
            cooked: cooked.into(),
            part,
        }
    }

    #[test]
    fn templates_split_into_pieces_and_nested_tokens() {
        let got = kinds("`a${x}b${ {k: `i${y}`}.k }c`");
        assert_eq!(
            got,
            vec![
                template("a", TemplatePart::Head),
                TokenKind::Ident("x"),
                template("b", TemplatePart::Middle),
                TokenKind::Punct("{"),
                TokenKind::Ident("k"),
                TokenKind::Punct(":"),
                template("i", TemplatePart::Head),
                TokenKind::Ident("y"),
                template("", TemplatePart::Tail),
                TokenKind::Punct("}"),
                TokenKind::Punct("."),
                TokenKind::Ident("k"),
                template("c", TemplatePart::Tail),
                TokenKind::Eof,
            ]
        );
    }

    #[test]
    fn numbers_bigints_and_regexes() {
        let got = kinds("0x1F 0b101 0o17 1_000 2e3 123n 0xffn x = /a[/]b/gi");
        assert_eq!(
            got,
            vec![
                TokenKind::Number(31.0),
                TokenKind::Number(5.0),
                TokenKind::Number(15.0),
                TokenKind::Number(1000.0),
                TokenKind::Number(2000.0),
                TokenKind::BigInt("123".into()),
                TokenKind::BigInt("255".into()),
                TokenKind::Ident("x"),
                TokenKind::Punct("="),
                TokenKind::Regex {
                    pattern: "a[/]b".into(),
                    flags: "gi".into()
                },
                TokenKind::Eof,
            ]
        );
    }
}
