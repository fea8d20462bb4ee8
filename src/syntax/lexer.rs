//! Turns snippet text into tokens. Never fails: bad characters and unterminated
//! literals become diagnostics, and lexing goes on.

use crate::diagnostic::{Diagnostic, Span};

#[derive(Clone, Debug, PartialEq)]
pub enum TokenKind {
    /// Identifiers and keywords alike; the parser tells them apart by text.
    Ident(String),
    Number(f64),
    /// A quoted string or a template literal, with escapes resolved.
    /// `substitutions` is true for templates that contain `${…}`.
    Str {
        value: String,
        template: bool,
        substitutions: bool,
    },
    Regex,
    Punct(&'static str),
    Eof,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
    /// A line break stands between this token and the one before (drives automatic semicolons).
    pub newline_before: bool,
}

impl Token {
    pub fn is_punct(&self, p: &str) -> bool {
        matches!(&self.kind, TokenKind::Punct(q) if *q == p)
    }

    pub fn is_ident(&self, name: &str) -> bool {
        matches!(&self.kind, TokenKind::Ident(n) if n == name)
    }

    /// How the token reads in a message: `'foo'`, `end of input`.
    pub fn describe(&self, source: &str) -> String {
        match self.kind {
            TokenKind::Eof => "end of input".to_string(),
            _ => format!("'{}'", &source[self.span.start..self.span.end]),
        }
    }
}

/// Longest first, so that `===` wins over `==` and `=`.
const PUNCTUATORS: &[&str] = &[
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=",
    "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
    "**", "<<", ">>", "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%",
    "&", "|", "^", "!", "~", "?", ":", "=", ".", "@", "#",
];

pub fn tokenize(source: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<Token> {
    Lexer {
        src: source,
        bytes: source.as_bytes(),
        pos: 0,
        tokens: Vec::new(),
        diagnostics,
        newline_before: false,
    }
    .run()
}

struct Lexer<'a, 'd> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    tokens: Vec<Token>,
    diagnostics: &'d mut Vec<Diagnostic>,
    newline_before: bool,
}

impl Lexer<'_, '_> {
    fn run(mut self) -> Vec<Token> {
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
                let value = self.number();
                self.push(TokenKind::Number(value), start);
            } else if c == '"' || c == '\'' {
                let value = self.string(c);
                let kind = TokenKind::Str {
                    value,
                    template: false,
                    substitutions: false,
                };
                self.push(kind, start);
            } else if c == '`' {
                let (value, substitutions) = self.template();
                let kind = TokenKind::Str {
                    value,
                    template: true,
                    substitutions,
                };
                self.push(kind, start);
            } else if c == '/' && self.regex_allowed() {
                self.regex();
                self.push(TokenKind::Regex, start);
            } else if let Some(p) = PUNCTUATORS
                .iter()
                .filter(|p| p.as_bytes()[0] == self.bytes[self.pos])
                .find(|p| self.bytes[self.pos..].starts_with(p.as_bytes()))
            {
                self.pos += p.len();
                self.push(TokenKind::Punct(p), start);
            } else {
                self.pos += c.len_utf8();
                self.diagnostics.push(Diagnostic::error(
                    Span::new(start, self.pos),
                    format!("Invalid or unexpected token '{c}'"),
                ));
            }
        }
    }

    fn push(&mut self, kind: TokenKind, start: usize) {
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

    fn ident(&mut self) -> String {
        let start = self.pos;
        while let Some(c) = self.peek_char() {
            if is_ident_continue(c) {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        self.src[start..self.pos].to_string()
    }

    fn number(&mut self) -> f64 {
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
            let digits: String = self.src[digits_start..self.pos]
                .chars()
                .filter(|c| *c != '_' && *c != 'n')
                .collect();
            return self.checked(
                start,
                i64::from_str_radix(&digits, radix).ok().map(|v| v as f64),
            );
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
            self.pos += 1; // BigInt suffix: the value is what matters here
        }
        self.checked(start, text.parse::<f64>().ok())
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

    fn string(&mut self, quote: char) -> String {
        let start = self.pos;
        self.pos += 1;
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
                    return value;
                }
                Some(c) if c == quote => {
                    self.pos += 1;
                    return value;
                }
                Some('\\') => self.escape(&mut value),
                Some(c) => {
                    value.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    /// Reads a template literal. Substitutions are skipped (balanced braces) and flagged.
    fn template(&mut self) -> (String, bool) {
        let start = self.pos;
        self.pos += 1;
        let mut value = String::new();
        let mut substitutions = false;
        loop {
            match self.peek_char() {
                None => {
                    self.diagnostics.push(Diagnostic::error(
                        Span::new(start, self.pos),
                        "Unterminated template literal",
                    ));
                    return (value, substitutions);
                }
                Some('`') => {
                    self.pos += 1;
                    return (value, substitutions);
                }
                Some('\\') => self.escape(&mut value),
                Some('$') if self.byte_at(self.pos + 1) == Some(b'{') => {
                    substitutions = true;
                    self.pos += 2;
                    let mut depth = 1;
                    while let Some(c) = self.peek_char() {
                        self.pos += c.len_utf8();
                        match c {
                            '{' => depth += 1,
                            '}' => {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                    }
                }
                Some(c) => {
                    value.push(c);
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
            '\n' => {}
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
                name.as_str(),
                "return" | "typeof" | "await" | "case" | "in" | "of" | "new" | "delete" | "void"
            ),
            Some(TokenKind::Punct(p)) => !matches!(*p, ")" | "]" | "}"),
            Some(_) => false,
        }
    }

    fn regex(&mut self) {
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
                    return;
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
                    self.pos += 1;
                    while let Some(flag) = self.peek_char().filter(|c| is_ident_continue(*c)) {
                        self.pos += flag.len_utf8();
                    }
                    return;
                }
                Some(c) => self.pos += c.len_utf8(),
            }
        }
    }
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

    fn kinds(src: &str) -> Vec<TokenKind> {
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
                TokenKind::Ident("x".into()),
                TokenKind::Punct("="),
                TokenKind::Str {
                    value: "a'b".into(),
                    template: false,
                    substitutions: false
                },
                TokenKind::Punct("+"),
                TokenKind::Str {
                    value: "t".into(),
                    template: true,
                    substitutions: false
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
    fn newline_flag_and_comments() {
        let mut diagnostics = Vec::new();
        let tokens = tokenize("a /* x\n */ b\nc", &mut diagnostics);
        let flags: Vec<bool> = tokens.iter().map(|t| t.newline_before).collect();
        assert_eq!(flags, vec![false, true, true, false]);
    }
}
