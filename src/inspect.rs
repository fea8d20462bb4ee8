//! What `console.log` prints, as Node 20 prints it: a value tree ([`Shape`]) that the
//! interpreter converts its values into, [`inspect`] (`util.inspect` with console.log's
//! defaults: depth 2, `breakLength` 80, `compact` 3, array grouping, 100 items, 10000
//! characters) and [`format`] (`util.format`: arguments joined by spaces, `%s %d %i %f
//! %j %o %O %c %%`). The algorithm follows Node's lib/internal/util/inspect.js; the
//! recordings in `tests/node/printed.json` decide what is right.

use crate::js::{format_number, iso_date};

/// A property key: a string, or a symbol with its description (`[Symbol(foo)]: 1`).
#[derive(Clone, Debug, PartialEq)]
pub enum Key {
    Str(String),
    Symbol(String),
}

/// A property list, in the object's own key order (integer keys first, as JavaScript).
pub type Props = Vec<(Key, Shape)>;

/// What kind of function a function value is (`[AsyncFunction: f]`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FunctionKind {
    Plain,
    Async,
    Generator,
    AsyncGenerator,
}

/// A promise's state as Node shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum PromiseState {
    Pending,
    Fulfilled(Box<Shape>),
    Rejected(Box<Shape>),
}

/// A JavaScript value as far as printing it needs. A tree: a cycle is a
/// [`Shape::Circular`] leaf naming an ancestor wrapped in [`Shape::Referenced`] (the ids
/// are the caller's; the printed `*1`, `*2` follow Node's order of discovery).
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    /// The digits, without the `n`.
    BigInt(String),
    String(String),
    /// The description (`Symbol()` has none).
    Symbol(Option<String>),
    /// `None` items are holes (`<1 empty item>`); `props` are the non-index properties.
    Array {
        items: Vec<Option<Shape>>,
        props: Props,
    },
    /// `class`: `Some("Object")` for a plain object, `Some("Foo")` for an instance of a
    /// class, `None` for a null prototype.
    Object {
        class: Option<String>,
        props: Props,
    },
    Function {
        kind: FunctionKind,
        name: String,
        props: Props,
    },
    Class {
        name: String,
        extends: Option<String>,
        props: Props,
    },
    /// An accessor property's value: `[Getter]`, `[Setter]`, `[Getter/Setter]`.
    Accessor {
        get: bool,
        set: bool,
    },
    /// Milliseconds since the epoch; `None` is an invalid date.
    Date(Option<i64>),
    /// `stack` is the error's `stack` text as the interpreter makes it: Node prints it
    /// as is (indented inside objects) when it has `\n    at` frame lines, and wrapped
    /// in brackets (`[Error: msg]`) when it has none.
    Error {
        stack: String,
        props: Props,
    },
    Map(Vec<(Shape, Shape)>),
    Set(Vec<Shape>),
    /// `WeakMap` or `WeakSet`: Node never lists their items.
    Weak(&'static str),
    Promise(PromiseState),
    /// `RegExp.prototype.toString`'s text: `/a/g`.
    RegExp(String),
    /// `new Number(3)`, `new String('x')`, `new Boolean(false)`: the primitive inside.
    Boxed(Box<Shape>),
    /// The value with id `.0`, which a [`Shape::Circular`] inside it refers to. Wrap
    /// every occurrence of a cycle's target: once numbered, Node marks each occurrence
    /// `<ref *n>`, even where it is no ancestor.
    Referenced(usize, Box<Shape>),
    /// A reference to the enclosing [`Shape::Referenced`] of the same id.
    Circular(usize),
    /// A value the playground does not model: `[not modeled: …]`.
    Opaque(String),
}

/// `util.inspect`'s options that console.log's output depends on.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Nesting levels shown; deeper objects print as `[Object]`. `None` is unlimited.
    pub depth: Option<usize>,
    pub break_length: usize,
    /// Node's `compact` as a number (console.log: 3).
    pub compact: usize,
    pub max_array_length: usize,
    pub max_string_length: usize,
}

impl Default for Options {
    /// console.log's: what `util.inspect` uses when the console sets nothing.
    fn default() -> Self {
        Options {
            depth: Some(2),
            break_length: 80,
            compact: 3,
            max_array_length: 100,
            max_string_length: 10_000,
        }
    }
}

/// `util.inspect(value, options)`.
pub fn inspect(shape: &Shape, options: &Options) -> String {
    Inspector::new(options).value(shape, 0)
}

// ---- Inspecting ----------------------------------------------------------------------

/// Whether entries are an object's properties or an array's items (Node's extrasType:
/// only arrays group their items into columns).
#[derive(Clone, Copy, PartialEq)]
enum Extras {
    Object,
    Array,
}

/// Node's `ctx`: the options and the state its recursion carries.
struct Inspector<'o> {
    options: &'o Options,
    indentation: usize,
    /// The depth of the object entered last (Node's `ctx.currentDepth`): an object is
    /// put on one line only when what it holds is less than `compact` levels deep.
    current_depth: usize,
    /// Caller ids of the circular targets, in order of discovery (`*1` is the first).
    circular: Vec<usize>,
}

/// An object's parts before they are joined: Node's `base`, `braces`, and its entries.
struct Parts {
    base: String,
    open: String,
    close: &'static str,
    entries: Vec<String>,
    extras: Extras,
}

impl<'o> Inspector<'o> {
    fn new(options: &'o Options) -> Self {
        Inspector {
            options,
            indentation: 0,
            current_depth: 0,
            circular: Vec::new(),
        }
    }

    fn value(&mut self, shape: &Shape, recurse: usize) -> String {
        match shape {
            Shape::Circular(id) => format!("[Circular *{}]", self.circular_index(*id)),
            Shape::Referenced(id, inner) => self.object(inner, recurse, Some(*id)),
            _ => match self.primitive(shape) {
                Some(text) => text,
                None => self.object(shape, recurse, None),
            },
        }
    }

    fn circular_index(&mut self, id: usize) -> usize {
        match self.circular.iter().position(|&known| known == id) {
            Some(index) => index + 1,
            None => {
                self.circular.push(id);
                self.circular.len()
            }
        }
    }

    fn primitive(&self, shape: &Shape) -> Option<String> {
        Some(match shape {
            Shape::Undefined => "undefined".into(),
            Shape::Null => "null".into(),
            Shape::Bool(b) => b.to_string(),
            Shape::Number(n) => number_text(*n),
            Shape::BigInt(digits) => format!("{digits}n"),
            Shape::String(text) => self.string(text),
            Shape::Symbol(description) => symbol_text(description.as_deref()),
            Shape::Accessor { get, set } => accessor_text(*get, *set).into(),
            Shape::Opaque(what) => format!("[not modeled: {what}]"),
            _ => return None,
        })
    }

    /// A quoted string; a long one is cut at `maxStringLength` and, when wider than the
    /// line, split after its newlines into `'…\n' +` pieces.
    fn string(&self, text: &str) -> String {
        let length = utf16_len(text);
        let (text, trailer) = if length > self.options.max_string_length {
            let kept = utf16_prefix(text, self.options.max_string_length);
            let remaining = length - self.options.max_string_length;
            (
                kept,
                format!("... {remaining} more character{}", plural(remaining)),
            )
        } else {
            (text, String::new())
        };
        let width = self.options.break_length as i64 - self.indentation as i64 - 4;
        let length = utf16_len(text);
        if length > 16 && length as i64 > width {
            let joint = format!(" +\n{}", " ".repeat(self.indentation + 2));
            let lines: Vec<String> = text.split_inclusive('\n').map(quote).collect();
            return lines.join(&joint) + &trailer;
        }
        quote(text) + &trailer
    }

    /// Node's formatRaw: an object, or what prints in its place.
    fn object(&mut self, shape: &Shape, recurse: usize, id: Option<usize>) -> String {
        let mut parts = match self.parts(shape) {
            Ok(parts) => parts,
            Err(whole) => return whole,
        };
        if self.options.depth.is_some_and(|depth| recurse > depth) {
            return beyond_depth(shape);
        }
        let recurse = recurse + 1;
        self.current_depth = recurse;
        self.entries(shape, recurse, &mut parts);
        if let Some(index) = id.and_then(|id| self.circular.iter().position(|&c| c == id)) {
            let reference = format!("<ref *{}>", index + 1);
            parts.base = if parts.base.is_empty() {
                reference
            } else {
                format!("{reference} {}", parts.base)
            };
        }
        self.single_string(parts, recurse, shape)
    }

    /// The parts of an object with entries, or `Err` with the whole text of one that
    /// prints without braces (`[]`, `{}`, a function or a date without properties).
    fn parts(&mut self, shape: &Shape) -> Result<Parts, String> {
        let parts = |base: String, open: String, extras| Parts {
            base,
            open,
            close: "}",
            entries: Vec::new(),
            extras,
        };
        let with_props = |base: String, props: &Props| {
            if props.is_empty() {
                Err(base.clone())
            } else {
                Ok(parts(base, "{".into(), Extras::Object))
            }
        };
        match shape {
            Shape::Array { items, props } => {
                if items.is_empty() && props.is_empty() {
                    return Err("[]".into());
                }
                let mut array = parts(String::new(), "[".into(), Extras::Array);
                array.close = "]";
                Ok(array)
            }
            Shape::Object { class, props } => {
                let open = format!("{}{{", object_prefix(class.as_deref()));
                if props.is_empty() {
                    return Err(format!("{open}}}"));
                }
                Ok(parts(String::new(), open, Extras::Object))
            }
            Shape::Map(entries) => collection("Map", entries.len()),
            Shape::Set(items) => collection("Set", items.len()),
            Shape::Promise(_) => Ok(parts(String::new(), "Promise {".into(), Extras::Object)),
            Shape::Weak(name) => Err(format!("{name} {{ <items unknown> }}")),
            Shape::Function { kind, name, props } => with_props(function_base(*kind, name), props),
            Shape::Class {
                name,
                extends,
                props,
            } => with_props(class_base(name, extends.as_deref()), props),
            Shape::Error { stack, props } => with_props(error_base(stack, self.indentation), props),
            Shape::Date(ms) => Err(ms.map_or("Invalid Date".into(), iso_date)),
            Shape::RegExp(text) => Err(text.clone()),
            Shape::Boxed(inner) => Err(self.boxed(inner)),
            other => Err(self.value(other, 0)),
        }
    }

    fn boxed(&self, inner: &Shape) -> String {
        let kind = match inner {
            Shape::Number(_) => "Number",
            Shape::String(_) => "String",
            Shape::Bool(_) => "Boolean",
            Shape::BigInt(_) => "BigInt",
            _ => "Symbol",
        };
        let text = self.primitive(inner).unwrap_or_default();
        format!("[{kind}: {text}]")
    }

    /// The entries of an object: items, map entries, then its properties.
    fn entries(&mut self, shape: &Shape, recurse: usize, parts: &mut Parts) {
        let props = match shape {
            Shape::Array { items, props } => {
                parts.entries = self.array_items(items, recurse);
                props
            }
            Shape::Object { props, .. }
            | Shape::Function { props, .. }
            | Shape::Class { props, .. }
            | Shape::Error { props, .. } => props,
            Shape::Map(entries) => {
                parts.entries = self.nested(|me| {
                    let shown = entries.iter().take(me.options.max_array_length);
                    shown
                        .map(|(k, v)| {
                            format!("{} => {}", me.value(k, recurse), me.value(v, recurse))
                        })
                        .collect()
                });
                self.more_items(&mut parts.entries, entries.len());
                return;
            }
            Shape::Set(items) => {
                parts.entries = self.nested(|me| {
                    let shown = items.iter().take(me.options.max_array_length);
                    shown.map(|item| me.value(item, recurse)).collect()
                });
                self.more_items(&mut parts.entries, items.len());
                return;
            }
            Shape::Promise(state) => {
                parts.entries = vec![self.promise(state, recurse)];
                return;
            }
            _ => return,
        };
        for (key, value) in props {
            let text = self.nested(|me| me.value(value, recurse));
            parts.entries.push(format!("{}: {text}", key_text(key)));
        }
    }

    /// Runs `f` two columns further in, as Node does for every entry's value.
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.indentation += 2;
        let result = f(self);
        self.indentation -= 2;
        result
    }

    fn more_items(&self, entries: &mut Vec<String>, total: usize) {
        if total > self.options.max_array_length {
            entries.push(remaining_text(total - self.options.max_array_length));
        }
    }

    fn promise(&mut self, state: &PromiseState, recurse: usize) -> String {
        match state {
            PromiseState::Pending => "<pending>".into(),
            PromiseState::Fulfilled(value) => self.nested(|me| me.value(value, recurse)),
            PromiseState::Rejected(value) => {
                format!("<rejected> {}", self.nested(|me| me.value(value, recurse)))
            }
        }
    }

    /// An array's items up to `maxArrayLength` entries, a run of holes counting as one.
    fn array_items(&mut self, items: &[Option<Shape>], recurse: usize) -> Vec<String> {
        let limit = self.options.max_array_length.min(items.len());
        let mut output = Vec::new();
        let mut index = 0;
        while index < items.len() && output.len() < limit {
            match &items[index] {
                Some(item) => {
                    output.push(self.nested(|me| me.value(item, recurse)));
                    index += 1;
                }
                None => {
                    let holes = items[index..].iter().take_while(|i| i.is_none()).count();
                    output.push(format!("<{holes} empty item{}>", plural(holes)));
                    index += holes;
                }
            }
        }
        if index < items.len() {
            output.push(remaining_text(items.len() - index));
        }
        output
    }

    /// Node's reduceToSingleString with a numeric `compact`.
    fn single_string(&mut self, mut parts: Parts, recurse: usize, shape: &Shape) -> String {
        let entries = parts.entries.len();
        if parts.extras == Extras::Array && entries > 6 {
            parts.entries = self.group_array_elements(parts.entries, shape);
        }
        let base = if parts.base.is_empty() {
            String::new()
        } else {
            format!("{} ", parts.base)
        };
        let shallow = self.current_depth.saturating_sub(recurse) < self.options.compact;
        if shallow && entries == parts.entries.len() {
            let start = parts.entries.len()
                + self.indentation
                + utf16_len(&parts.open)
                + utf16_len(&parts.base)
                + 10;
            if self.below_break_length(&parts.entries, start, &parts.base) {
                let joined = parts.entries.join(", ");
                if !joined.contains('\n') {
                    return format!("{base}{} {joined} {}", parts.open, parts.close);
                }
            }
        }
        let indentation = format!("\n{}", " ".repeat(self.indentation));
        let joined = parts.entries.join(&format!(",{indentation}  "));
        format!(
            "{base}{}{indentation}  {joined}{indentation}{}",
            parts.open, parts.close
        )
    }

    fn below_break_length(&self, entries: &[String], start: usize, base: &str) -> bool {
        let mut total = entries.len() + start;
        if total + entries.len() > self.options.break_length {
            return false;
        }
        for entry in entries {
            total += utf16_len(entry);
            if total > self.options.break_length {
                return false;
            }
        }
        !base.contains('\n')
    }

    /// Node's groupArrayElements: short items in aligned columns, numbers padded left.
    fn group_array_elements(&self, output: Vec<String>, shape: &Shape) -> Vec<String> {
        let mut data_length = output.len();
        if self.options.max_array_length < output.len() {
            data_length -= 1; // the "... more items" entry stays on its own line
        }
        let separator = 2;
        let widths: Vec<usize> = output[..data_length].iter().map(|s| width(s)).collect();
        let total: usize = widths.iter().map(|w| w + separator).sum();
        let max_length = widths.iter().copied().max().unwrap_or(0);
        let actual_max = max_length + separator;
        let fits_three = actual_max * 3 + self.indentation < self.options.break_length;
        if !(fits_three && (total as f64 / actual_max as f64 > 5.0 || max_length <= 6)) {
            return output;
        }
        let columns = self.columns(actual_max, total, output.len(), data_length);
        if columns <= 1 {
            return output;
        }
        let column_widths: Vec<usize> = (0..columns)
            .map(|c| {
                widths
                    .iter()
                    .skip(c)
                    .step_by(columns)
                    .copied()
                    .max()
                    .unwrap_or(0)
                    + separator
            })
            .collect();
        let pad_start = all_numeric(shape, output.len());
        let mut grouped = Vec::new();
        for row in (0..data_length).step_by(columns) {
            let end = (row + columns).min(data_length);
            let mut line = String::new();
            for j in row..end - 1 {
                let target = column_widths[j - row] + utf16_len(&output[j]) - widths[j];
                line += &pad(&format!("{}, ", output[j]), target, pad_start);
            }
            let last = end - 1;
            if pad_start {
                let target =
                    column_widths[last - row] + utf16_len(&output[last]) - widths[last] - separator;
                line += &pad(&output[last], target, true);
            } else {
                line += &output[last];
            }
            grouped.push(line);
        }
        if data_length < output.len() {
            grouped.push(output[data_length].clone());
        }
        grouped
    }

    /// How many columns groupArrayElements uses: about a square of 2.5:1 characters.
    fn columns(&self, actual_max: usize, total: usize, entries: usize, data: usize) -> usize {
        let average_bias = (actual_max as f64 - total as f64 / entries as f64).sqrt();
        let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
        let square = ((2.5 * biased_max * data as f64).sqrt() / biased_max + 0.5).floor();
        let fit = (self.options.break_length - self.indentation) / actual_max;
        (square as usize)
            .min(fit)
            .min(self.options.compact * 4)
            .min(15)
    }
}

fn collection(name: &str, size: usize) -> Result<Parts, String> {
    let prefix = format!("{name}({size}) ");
    if size == 0 {
        return Err(format!("{prefix}{{}}"));
    }
    Ok(Parts {
        base: String::new(),
        open: format!("{prefix}{{"),
        close: "}",
        entries: Vec::new(),
        extras: Extras::Object,
    })
}

/// `Foo ` before the brace of a class's instance, nothing for a plain object.
fn object_prefix(class: Option<&str>) -> String {
    match class {
        Some("Object") => String::new(),
        Some(name) => format!("{name} "),
        None => "[Object: null prototype] ".into(),
    }
}

/// What an object deeper than `depth` prints as: `[Object]`, `[Array]`, `[Foo]`.
fn beyond_depth(shape: &Shape) -> String {
    let name = match shape {
        Shape::Array { .. } => "Array",
        Shape::Object { class: None, .. } => return "[Object: null prototype]".into(),
        Shape::Object {
            class: Some(name), ..
        } => name,
        Shape::Map(_) => "Map",
        Shape::Set(_) => "Set",
        Shape::Promise(_) => "Promise",
        Shape::Weak(name) => name,
        Shape::Function { .. } | Shape::Class { .. } => "Function",
        Shape::Error { .. } => "Error",
        _ => "Object",
    };
    format!("[{name}]")
}

fn function_base(kind: FunctionKind, name: &str) -> String {
    let kind = match kind {
        FunctionKind::Plain => "Function",
        FunctionKind::Async => "AsyncFunction",
        FunctionKind::Generator => "GeneratorFunction",
        FunctionKind::AsyncGenerator => "AsyncGeneratorFunction",
    };
    if name.is_empty() {
        format!("[{kind} (anonymous)]")
    } else {
        format!("[{kind}: {name}]")
    }
}

fn class_base(name: &str, extends: Option<&str>) -> String {
    let name = if name.is_empty() { "(anonymous)" } else { name };
    match extends {
        Some(parent) if !parent.is_empty() => format!("[class {name} extends {parent}]"),
        _ => format!("[class {name}]"),
    }
}

/// An error's stack as Node prints it: bracketed when it has no frames, its lines
/// indented with the object it is in.
fn error_base(stack: &str, indentation: usize) -> String {
    let stack = if stack.contains("\n    at") {
        stack.to_string()
    } else {
        format!("[{stack}]")
    };
    stack.replace('\n', &format!("\n{}", " ".repeat(indentation)))
}

fn accessor_text(get: bool, set: bool) -> &'static str {
    match (get, set) {
        (true, true) => "[Getter/Setter]",
        (true, false) => "[Getter]",
        (false, true) => "[Setter]",
        (false, false) => "undefined",
    }
}

fn key_text(key: &Key) -> String {
    match key {
        Key::Symbol(description) => format!("[Symbol({})]", escape(description, None)),
        Key::Str(key) if key == "__proto__" => "['__proto__']".into(),
        Key::Str(key) if is_identifier(key) => key.clone(),
        Key::Str(key) => quote(key),
    }
}

/// Node's keyStrRegExp: `/^[a-zA-Z_][a-zA-Z_0-9]*$/` (so `$a` and `é` are quoted).
fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn all_numeric(shape: &Shape, count: usize) -> bool {
    let Shape::Array { items, .. } = shape else {
        return false;
    };
    (0..count).all(|i| {
        matches!(
            items.get(i),
            Some(Some(Shape::Number(_) | Shape::BigInt(_)))
        )
    })
}

fn pad(text: &str, target: usize, at_start: bool) -> String {
    let fill = " ".repeat(target.saturating_sub(utf16_len(text)));
    if at_start {
        fill + text
    } else {
        format!("{text}{fill}")
    }
}

fn remaining_text(remaining: usize) -> String {
    format!("... {remaining} more item{}", plural(remaining))
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

fn number_text(n: f64) -> String {
    if n == 0.0 && n.is_sign_negative() {
        "-0".into()
    } else {
        format_number(n)
    }
}

fn symbol_text(description: Option<&str>) -> String {
    format!("Symbol({})", description.unwrap_or(""))
}

// ---- Strings -------------------------------------------------------------------------

/// Node's strEscape: single quotes, or double quotes when the text has a single quote,
/// or backticks when it has both; control characters and the backslash escaped.
fn quote(text: &str) -> String {
    let quote = if !text.contains('\'') {
        '\''
    } else if !text.contains('"') {
        '"'
    } else if !text.contains('`') && !text.contains("${") {
        '`'
    } else {
        '\''
    };
    format!("{quote}{}{quote}", escape(text, Some(quote)))
}

fn escape(text: &str, quote: Option<char>) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\'' if quote == Some('\'') => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

fn utf16_prefix(text: &str, units: usize) -> &str {
    let mut count = 0;
    for (at, c) in text.char_indices() {
        if count + c.len_utf16() > units {
            return &text[..at];
        }
        count += c.len_utf16();
    }
    text
}

/// Columns a text takes in a terminal (Node's getStringWidth without ICU): East Asian
/// wide characters and emoji count two, combining marks none.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            code if is_full_width(code) => 2,
            code if is_zero_width(code) => 0,
            _ => 1,
        })
        .sum()
}

fn is_full_width(code: u32) -> bool {
    code >= 0x1100
        && (code <= 0x115f
            || code == 0x2329
            || code == 0x232a
            || (0x2e80..=0x3247).contains(&code) && code != 0x303f
            || (0x3250..=0x4dbf).contains(&code)
            || (0x4e00..=0xa4c6).contains(&code)
            || (0xa960..=0xa97c).contains(&code)
            || (0xac00..=0xd7a3).contains(&code)
            || (0xf900..=0xfaff).contains(&code)
            || (0xfe10..=0xfe19).contains(&code)
            || (0xfe30..=0xfe6b).contains(&code)
            || (0xff01..=0xff60).contains(&code)
            || (0xffe0..=0xffe6).contains(&code)
            || (0x1b000..=0x1b001).contains(&code)
            || (0x1f200..=0x1f251).contains(&code)
            || (0x1f300..=0x1f64f).contains(&code)
            || (0x20000..=0x3fffd).contains(&code))
}

fn is_zero_width(code: u32) -> bool {
    code <= 0x1f
        || (0x7f..=0x9f).contains(&code)
        || (0x300..=0x36f).contains(&code)
        || (0x200b..=0x200f).contains(&code)
        || (0x20d0..=0x20ff).contains(&code)
        || (0xfe00..=0xfe0f).contains(&code)
        || (0xfe20..=0xfe2f).contains(&code)
        || (0xe0100..=0xe01ef).contains(&code)
}

// ---- console.log's format ------------------------------------------------------------

/// `console.table(data, properties)`: Node 20's box of `data`'s rows (an array's
/// items or an object's values), a column per property seen and `Values` for primitive
/// rows, each cell inspected shallowly and left-aligned. `None` when `data` is no
/// object (console.table then logs it).
pub fn table(data: &Shape, properties: Option<&[String]>) -> Option<String> {
    if !matches!(data, Shape::Array { .. } | Shape::Object { .. }) {
        return None;
    }
    // `Object.keys(data)`: an array's holes are no rows.
    let rows = own_entries(data);
    let mut head: Vec<String> = Vec::new();
    let mut columns: Vec<Vec<String>> = Vec::new();
    let mut values: Vec<String> = vec![String::new(); rows.len()];
    let mut has_primitives = false;
    for (i, (_, item)) in rows.iter().enumerate() {
        let own = match item {
            Shape::Object { .. } | Shape::Array { .. } => own_entries(item),
            primitive if properties.is_none() => {
                has_primitives = true;
                values[i] = table_cell(primitive);
                continue;
            }
            _ => Vec::new(),
        };
        let keys: Vec<String> = match properties {
            Some(keys) => keys.to_vec(),
            None => own.iter().map(|(k, _)| k.clone()).collect(),
        };
        for key in keys {
            let column = match head.iter().position(|h| *h == key) {
                Some(at) => at,
                None => {
                    head.push(key.clone());
                    columns.push(vec![String::new(); rows.len()]);
                    head.len() - 1
                }
            };
            if let Some((_, value)) = own.iter().find(|(k, _)| *k == key) {
                columns[column][i] = table_cell(value);
            }
        }
    }
    let mut head_row = vec!["(index)".to_string()];
    head_row.extend(head);
    let mut all_columns = vec![rows.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>()];
    all_columns.extend(columns);
    if has_primitives {
        head_row.push("Values".into());
        all_columns.push(values);
    }
    Some(render_table(&head_row, &all_columns))
}

/// An object's or array's own string-keyed entries, in key order (an array's items by
/// index first, holes left out).
fn own_entries(shape: &Shape) -> Vec<(String, &Shape)> {
    let (items, props): (&[Option<Shape>], &Props) = match shape {
        Shape::Object { props, .. } => (&[], props),
        Shape::Array { items, props } => (items, props),
        _ => return Vec::new(),
    };
    let indexed = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| item.as_ref().map(|item| (i.to_string(), item)));
    let named = props.iter().filter_map(|(k, v)| match k {
        Key::Str(k) => Some((k.clone(), v)),
        Key::Symbol(_) => None,
    });
    indexed.chain(named).collect()
}

/// A cell as console.table inspects it: depth 0 (an object of more than two keys is
/// `[Object]`), three array items, on one line.
fn table_cell(value: &Shape) -> String {
    let many_keys = matches!(value, Shape::Object { props, .. } if props.len() > 2);
    if many_keys {
        let class = match value {
            Shape::Object { class: Some(c), .. } => c.clone(),
            _ => "Object".into(),
        };
        return format!("[{class}]");
    }
    let options = Options {
        depth: Some(0),
        break_length: usize::MAX,
        max_array_length: 3,
        ..Options::default()
    };
    inspect(value, &options)
}

fn render_table(head: &[String], columns: &[Vec<String>]) -> String {
    let width = |s: &str| s.chars().count();
    let widths: Vec<usize> = head
        .iter()
        .zip(columns)
        .map(|(h, column)| {
            column
                .iter()
                .map(|c| width(c))
                .chain([width(h)])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let row = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - width(cell))))
            .collect();
        format!("│ {} │", padded.join(" │ "))
    };
    let divider = |left: &str, middle: &str, right: &str| {
        let lines: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
        format!("{left}{}{right}", lines.join(middle))
    };
    let mut out = vec![
        divider("┌", "┬", "┐"),
        row(head.iter().map(String::as_str).collect()),
        divider("├", "┼", "┤"),
    ];
    let count = columns.first().map_or(0, Vec::len);
    for i in 0..count {
        out.push(row(columns.iter().map(|c| c[i].as_str()).collect()));
    }
    out.push(divider("└", "┴", "┘"));
    out.join("\n")
}

/// `util.format(...args)`, which console.log prints: a first string argument's `%`
/// specifiers take the next arguments; the rest follow, joined by spaces, strings as
/// they are and other values inspected. `%j` writes [`json`]. Approximate, for want of
/// what the tree does not hold: `%s` of a function writes its inspected form (Node: its
/// source), of an object with its own `toString` the inspected object (Node: the
/// call's result); `%o` is `%O` to depth 4 (Node adds hidden properties, `[length]`).
pub fn format(args: &[Shape]) -> String {
    let options = Options::default();
    let (mut text, next) = match args {
        [Shape::String(first)] => return first.clone(),
        [Shape::String(first), rest @ ..] => substitute(first, rest),
        _ => (String::new(), 0),
    };
    let mut join = if next > 0 { " " } else { "" };
    for value in &args[next..] {
        text += join;
        match value {
            Shape::String(s) => text += s,
            other => text += &inspect(other, &options),
        }
        join = " ";
    }
    text
}

/// Fills the specifiers of `first` from `args`; returns the text and the index (in the
/// whole argument list) of the first argument left, 0 when `first` had no specifier.
fn substitute(first: &str, args: &[Shape]) -> (String, usize) {
    let bytes = first.as_bytes();
    let mut used = 0;
    let mut out = String::new();
    let mut last = 0;
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'%' {
            i += 1;
            let spec = bytes[i];
            if spec == b'%' {
                out += &first[last..i];
                last = i + 1;
            } else if used < args.len() {
                if let Some(text) = specifier(spec, &args[used]) {
                    used += 1;
                    out += &first[last..i - 1];
                    out += &text;
                    last = i + 1;
                }
            }
        }
        i += 1;
    }
    if last == 0 {
        return (String::new(), 0);
    }
    out += &first[last..];
    (out, used + 1)
}

/// What one specifier writes for `arg`, `None` for a character that is no specifier.
fn specifier(spec: u8, arg: &Shape) -> Option<String> {
    let options = Options::default();
    Some(match spec {
        b's' => string_specifier(arg),
        b'd' => match arg {
            Shape::BigInt(digits) => format!("{digits}n"),
            other => number_text(to_number(other)),
        },
        b'i' => match arg {
            Shape::BigInt(digits) => format!("{digits}n"),
            Shape::Symbol(_) => "NaN".into(),
            other => number_text(parse_int(&to_text(other))),
        },
        b'f' => match arg {
            Shape::Symbol(_) => "NaN".into(),
            other => number_text(parse_float(&to_text(other))),
        },
        b'j' => json(arg).unwrap_or_else(|| "undefined".into()),
        b'O' => inspect(arg, &options),
        b'o' => inspect(
            arg,
            &Options {
                depth: Some(4),
                ..options
            },
        ),
        b'c' => String::new(),
        _ => return None,
    })
}

/// `%s`: numbers and bigints as inspect writes them, other primitives as `String()`,
/// objects inspected to depth 0.
fn string_specifier(arg: &Shape) -> String {
    match arg {
        Shape::Number(_) | Shape::BigInt(_) | Shape::Symbol(_) | Shape::Accessor { .. } => {
            inspect(arg, &Options::default())
        }
        Shape::String(_) | Shape::Undefined | Shape::Null | Shape::Bool(_) => to_text(arg),
        other => inspect(
            other,
            &Options {
                depth: Some(0),
                ..Options::default()
            },
        ),
    }
}

/// JavaScript's `String(value)` for primitives (objects as `[object Object]`, arrays
/// joined by commas).
fn to_text(value: &Shape) -> String {
    match value {
        Shape::String(s) => s.clone(),
        Shape::Number(n) => format_number(*n),
        Shape::BigInt(digits) => digits.clone(),
        Shape::Undefined => "undefined".into(),
        Shape::Null => "null".into(),
        Shape::Bool(b) => b.to_string(),
        Shape::Symbol(d) => symbol_text(d.as_deref()),
        Shape::Array { items, .. } => items
            .iter()
            .map(|item| match item {
                None | Some(Shape::Undefined | Shape::Null) => String::new(),
                Some(item) => to_text(item),
            })
            .collect::<Vec<_>>()
            .join(","),
        Shape::Date(None) => "Invalid Date".into(),
        _ => "[object Object]".into(),
    }
}

/// JavaScript's `Number(value)`.
fn to_number(value: &Shape) -> f64 {
    match value {
        Shape::Number(n) => *n,
        Shape::Bool(b) => f64::from(u8::from(*b)),
        Shape::Null => 0.0,
        Shape::Date(Some(ms)) => *ms as f64,
        Shape::String(_) | Shape::Array { .. } => string_to_number(&to_text(value)),
        _ => f64::NAN,
    }
}

fn string_to_number(text: &str) -> f64 {
    let text = text.trim();
    if text.is_empty() {
        return 0.0;
    }
    let radix = |prefix: [&str; 2], radix| {
        let digits = text
            .strip_prefix(prefix[0])
            .or(text.strip_prefix(prefix[1]))?;
        Some(i64::from_str_radix(digits, radix).map_or(f64::NAN, |n| n as f64))
    };
    if let Some(n) = radix(["0x", "0X"], 16)
        .or_else(|| radix(["0o", "0O"], 8))
        .or_else(|| radix(["0b", "0B"], 2))
    {
        return n;
    }
    match text.trim_start_matches(['+', '-']) {
        "Infinity" if text.starts_with('-') => f64::NEG_INFINITY,
        "Infinity" => f64::INFINITY,
        rest if rest.starts_with(|c: char| c.is_ascii_digit() || c == '.') => {
            text.parse().unwrap_or(f64::NAN)
        }
        _ => f64::NAN,
    }
}

/// `parseInt(text)`: the leading decimal integer (or `0x` hexadecimal).
fn parse_int(text: &str) -> f64 {
    let text = text.trim_start();
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, text.strip_prefix('+').unwrap_or(text)),
    };
    let (radix, rest) = match rest.strip_prefix("0x").or(rest.strip_prefix("0X")) {
        Some(hex) => (16, hex),
        None => (10, rest),
    };
    let digits: String = rest.chars().take_while(|c| c.is_digit(radix)).collect();
    if digits.is_empty() {
        return f64::NAN;
    }
    let value = digits.chars().fold(0.0, |n, c| {
        n * f64::from(radix) + f64::from(c.to_digit(radix).unwrap_or(0))
    });
    sign * value
}

/// `parseFloat(text)`: the longest leading decimal literal, or `Infinity`.
fn parse_float(text: &str) -> f64 {
    let text = text.trim_start();
    let unsigned = text.trim_start_matches(['+', '-']);
    if unsigned.starts_with("Infinity") {
        return if text.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    (1..=text.len())
        .rev()
        .filter(|&end| text.is_char_boundary(end))
        .find_map(|end| {
            let candidate = &text[..end];
            let plain = candidate
                .chars()
                .all(|c| c.is_ascii_digit() || "+-.eE".contains(c));
            plain.then(|| candidate.parse::<f64>().ok()).flatten()
        })
        .unwrap_or(f64::NAN)
}

/// `JSON.stringify(value)` of plain data, `None` where it gives `undefined`; a cycle
/// writes `[Circular]`, as `%j` does.
pub fn json(value: &Shape) -> Option<String> {
    if contains_circular(value) {
        return Some("[Circular]".into());
    }
    json_value(value)
}

fn contains_circular(value: &Shape) -> bool {
    match value {
        Shape::Circular(_) => true,
        Shape::Referenced(_, inner) => contains_circular(inner),
        Shape::Array { items, props } => {
            items.iter().flatten().any(contains_circular)
                || props.iter().any(|(_, v)| contains_circular(v))
        }
        Shape::Object { props, .. } => props.iter().any(|(_, v)| contains_circular(v)),
        _ => false,
    }
}

fn json_value(value: &Shape) -> Option<String> {
    Some(match value {
        Shape::Null => "null".into(),
        Shape::Bool(b) => b.to_string(),
        Shape::Number(n) if n.is_finite() => format_number(*n),
        Shape::Number(_) => "null".into(),
        Shape::String(s) => serde_json::to_string(s).unwrap_or_default(),
        Shape::Date(Some(ms)) => format!("\"{}\"", iso_date(*ms)),
        Shape::Date(None) => "null".into(),
        Shape::Referenced(_, inner) => return json_value(inner),
        Shape::Array { items, .. } => {
            let items: Vec<String> = items
                .iter()
                .map(|item| item.as_ref().and_then(json_value).unwrap_or("null".into()))
                .collect();
            format!("[{}]", items.join(","))
        }
        Shape::Object { props, .. } | Shape::Error { props, .. } => {
            let members: Vec<String> = props
                .iter()
                .filter_map(|(key, v)| match key {
                    Key::Str(key) => json_value(v).map(|v| {
                        format!(
                            "{}:{v}",
                            json_value(&Shape::String(key.clone())).unwrap_or_default()
                        )
                    }),
                    Key::Symbol(_) => None,
                })
                .collect();
            format!("{{{}}}", members.join(","))
        }
        Shape::Map(_) | Shape::Set(_) | Shape::Weak(_) | Shape::RegExp(_) | Shape::Promise(_) => {
            "{}".into()
        }
        Shape::Boxed(inner) => return json_value(inner),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    //! Shapes built by hand for recorded cases, compared with what Node printed.
    use super::*;

    fn recorded(code: &str) -> String {
        let all: serde_json::Value =
            serde_json::from_str(include_str!("../tests/node/printed.json")).unwrap();
        let case = all.as_array().unwrap().iter().find(|c| c["code"] == code);
        let case = case.unwrap_or_else(|| panic!("no recorded case {code}"));
        case["printed"].as_str().unwrap().to_string()
    }

    fn check(code: &str, args: &[Shape]) {
        assert_eq!(format(args), recorded(code), "{code}");
    }

    fn n(x: f64) -> Shape {
        Shape::Number(x)
    }
    fn s(text: &str) -> Shape {
        Shape::String(text.into())
    }
    fn props(entries: Vec<(&str, Shape)>) -> Props {
        entries
            .into_iter()
            .map(|(k, v)| (Key::Str(k.into()), v))
            .collect()
    }
    fn obj(entries: Vec<(&str, Shape)>) -> Shape {
        instance("Object", entries)
    }
    fn instance(class: &str, entries: Vec<(&str, Shape)>) -> Shape {
        Shape::Object {
            class: Some(class.into()),
            props: props(entries),
        }
    }
    fn arr(items: Vec<Shape>) -> Shape {
        Shape::Array {
            items: items.into_iter().map(Some).collect(),
            props: Vec::new(),
        }
    }
    fn numbers(range: impl Iterator<Item = usize>) -> Shape {
        arr(range.map(|i| n(i as f64)).collect())
    }
    fn func(name: &str) -> Shape {
        Shape::Function {
            kind: FunctionKind::Plain,
            name: name.into(),
            props: Vec::new(),
        }
    }
    fn date(ms: i64) -> Shape {
        Shape::Date(Some(ms))
    }
    const JAN2: i64 = 1_704_164_645_678; // 2024-01-02T03:04:05.678Z

    #[test]
    fn primitives() {
        check("console.log(1)", &[n(1.0)]);
        check("console.log(-0)", &[n(-0.0)]);
        check("console.log(NaN)", &[n(f64::NAN)]);
        check(
            "console.log(Infinity, -Infinity)",
            &[n(f64::INFINITY), n(f64::NEG_INFINITY)],
        );
        check(
            "console.log(true, false)",
            &[Shape::Bool(true), Shape::Bool(false)],
        );
        check("console.log(null)", &[Shape::Null]);
        check("console.log(undefined)", &[Shape::Undefined]);
        check("console.log(10n)", &[Shape::BigInt("10".into())]);
        check("console.log([-0, 0])", &[arr(vec![n(-0.0), n(0.0)])]);
        check("console.log(1e21)", &[n(1e21)]);
        check("console.log(0.1 + 0.2)", &[n(0.1 + 0.2)]);
        check("console.log(1 / 3)", &[n(1.0 / 3.0)]);
        check("console.log(5e-324)", &[n(5e-324)]);
        check(
            "console.log(Symbol(\"foo\"))",
            &[Shape::Symbol(Some("foo".into()))],
        );
        check("console.log(Symbol())", &[Shape::Symbol(None)]);
    }

    #[test]
    fn strings() {
        check("console.log('hello')", &[s("hello")]);
        check("console.log(['hello'])", &[arr(vec![s("hello")])]);
        check("console.log([\"it's\"])", &[arr(vec![s("it's")])]);
        check("console.log([`it's \"x\"`])", &[arr(vec![s("it's \"x\"")])]);
        check(
            "console.log(['it\\'s \"x\" `y`'])",
            &[arr(vec![s("it's \"x\" `y`")])],
        );
        check("console.log(['a\\nb'])", &[arr(vec![s("a\nb")])]);
        check(
            "console.log(['back\\\\slash'])",
            &[arr(vec![s("back\\slash")])],
        );
        check("console.log(['emoji 🎉'])", &[arr(vec![s("emoji 🎉")])]);
        check(
            "console.log(['\\u0001\\u007f'])",
            &[arr(vec![s("\u{1}\u{7f}")])],
        );
        check(
            "console.log({ s: 'x'.repeat(100) })",
            &[obj(vec![("s", s(&"x".repeat(100)))])],
        );
        let text = "line one\nline two\nline three and a bit more text here to be long";
        check(
            "console.log({ text: 'line one\\nline two\\nline three and a bit more text here to be long' })",
            &[obj(vec![("text", s(text))])],
        );
    }

    #[test]
    fn objects_and_depth() {
        check("console.log({})", &[obj(vec![])]);
        check(
            "console.log({ a: 1, b: 'two', c: null, d: undefined })",
            &[obj(vec![
                ("a", n(1.0)),
                ("b", s("two")),
                ("c", Shape::Null),
                ("d", Shape::Undefined),
            ])],
        );
        check(
            "console.log({ 'a-b': 1, 'c d': 2, e_f: 3, $g: 4, '1x': 5, 10: 6 })",
            &[obj(vec![
                ("10", n(6.0)),
                ("a-b", n(1.0)),
                ("c d", n(2.0)),
                ("e_f", n(3.0)),
                ("$g", n(4.0)),
                ("1x", n(5.0)),
            ])],
        );
        let symbol_keyed = Shape::Object {
            class: Some("Object".into()),
            props: vec![
                (Key::Str("a".into()), n(2.0)),
                (Key::Symbol("foo".into()), n(1.0)),
            ],
        };
        check(
            "console.log({ [Symbol(\"foo\")]: 1, a: 2 })",
            &[symbol_keyed],
        );
        let nest = |inner| obj(vec![("a", obj(vec![("b", obj(vec![("c", inner)]))]))]);
        check("console.log({ a: { b: { c: 1 } } })", &[nest(n(1.0))]);
        check(
            "console.log({ a: { b: { c: { d: 1 } } } })",
            &[nest(obj(vec![("d", n(1.0))]))],
        );
        check("console.log({ a: { b: { c: {} } } })", &[nest(obj(vec![]))]);
        check("console.log({ a: { b: { c: [] } } })", &[nest(arr(vec![]))]);
        check(
            "console.log({ a: { b: { c: [1] } } })",
            &[nest(arr(vec![n(1.0)]))],
        );
        check(
            "console.log([[[[1]]]])",
            &[arr(vec![arr(vec![arr(vec![arr(vec![n(1.0)])])])])],
        );
        check(
            "console.log({ a: 1, b: { c: 2, d: { e: 3, f: { g: 4 } } } })",
            &[obj(vec![
                ("a", n(1.0)),
                (
                    "b",
                    obj(vec![
                        ("c", n(2.0)),
                        (
                            "d",
                            obj(vec![("e", n(3.0)), ("f", obj(vec![("g", n(4.0))]))]),
                        ),
                    ]),
                ),
            ])],
        );
        check(
            "console.log({ user: { id: 1, name: 'Tom', profile: { bio: 'hi', links: { site: 'x' } } } })",
            &[obj(vec![(
                "user",
                obj(vec![
                    ("id", n(1.0)),
                    ("name", s("Tom")),
                    (
                        "profile",
                        obj(vec![("bio", s("hi")), ("links", obj(vec![("site", s("x"))]))]),
                    ),
                ]),
            )])],
        );
        check(
            "console.log(Object.create(null))",
            &[Shape::Object {
                class: None,
                props: vec![],
            }],
        );
        check(
            "console.log({ __proto__: null, a: 1 })",
            &[Shape::Object {
                class: None,
                props: props(vec![("a", n(1.0))]),
            }],
        );
    }

    #[test]
    fn line_breaking() {
        let long = |e: f64| {
            obj(vec![
                ("aaaaaaaaaa", s("bbbbbbbbbbbbbbbbbbbb")),
                ("cccccccccc", s("dddddddddddddddddddd")),
                ("e", n(e)),
            ])
        };
        check(
            "console.log({ aaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbb', cccccccccc: 'dddddddddddddddddddd', e: 12345 })",
            &[long(12345.0)],
        );
        check(
            "console.log({ aaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbb', cccccccccc: 'dddddddddddddddddddd', e: 123456 })",
            &[long(123456.0)],
        );
        check(
            "console.log({ firstName: 'Alexander', lastName: 'Hamilton', email: 'alexander.hamilton@example.com' })",
            &[obj(vec![
                ("firstName", s("Alexander")),
                ("lastName", s("Hamilton")),
                ("email", s("alexander.hamilton@example.com")),
            ])],
        );
        check(
            "console.log({ a: 'x'.repeat(60), b: 1 })",
            &[obj(vec![("a", s(&"x".repeat(60))), ("b", n(1.0))])],
        );
        check(
            "console.log({ a: 'x'.repeat(80) })",
            &[obj(vec![("a", s(&"x".repeat(80)))])],
        );
        let xyz = |k: usize| arr(["x", "y", "z"].iter().map(|c| s(&c.repeat(k))).collect());
        check(
            "console.log(['x'.repeat(30), 'y'.repeat(30), 'z'.repeat(30)])",
            &[xyz(30)],
        );
        check(
            "console.log(['x'.repeat(20), 'y'.repeat(20), 'z'.repeat(20)])",
            &[xyz(20)],
        );
    }

    #[test]
    fn arrays_group_and_cut() {
        check("console.log([])", &[arr(vec![])]);
        check("console.log([1, 2, 3, 4, 5, 6])", &[numbers(1..7)]);
        check("console.log([1, 2, 3, 4, 5, 6, 7])", &[numbers(1..8)]);
        check(
            "console.log(Array.from({ length: 10 }, (_, i) => i))",
            &[numbers(0..10)],
        );
        check(
            "console.log(Array.from({ length: 26 }, (_, i) => i * 3))",
            &[numbers((0..26).map(|i| i * 3))],
        );
        check(
            "console.log(Array.from({ length: 100 }, (_, i) => i))",
            &[numbers(0..100)],
        );
        check(
            "console.log(Array.from({ length: 101 }, (_, i) => i))",
            &[numbers(0..101)],
        );
        check(
            "console.log(Array.from({ length: 150 }, (_, i) => i))",
            &[numbers(0..150)],
        );
        let fruit = [
            "apple",
            "banana",
            "cherry",
            "date",
            "elderberry",
            "fig",
            "grape",
        ];
        check(
            "console.log(['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape'])",
            &[arr(fruit.iter().map(|f| s(f)).collect())],
        );
        let letters: Vec<Shape> = ('a'..='z').map(|c| s(&c.to_string())).collect();
        check(
            "console.log(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z'])",
            &[arr(letters)],
        );
        check(
            "console.log([1, 22, 333, 4444, 55555, 666666, 7777777])",
            &[arr([1., 22., 333., 4444., 55555., 666666., 7777777.]
                .map(n)
                .to_vec())],
        );
        check(
            "console.log([1, 'two', 3, 'four', 5, 'six', 7, 'eight'])",
            &[arr(vec![
                n(1.),
                s("two"),
                n(3.),
                s("four"),
                n(5.),
                s("six"),
                n(7.),
                s("eight"),
            ])],
        );
        check(
            "console.log(Array.from({ length: 8 }, (_, i) => 'item' + i))",
            &[arr((0..8).map(|i| s(&format!("item{i}"))).collect())],
        );
        check(
            "console.log(Array.from({ length: 30 }, (_, i) => 'x'.repeat(i % 7)))",
            &[arr((0..30).map(|i| s(&"x".repeat(i % 7))).collect())],
        );
        check(
            "console.log([{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }, { a: 5 }, { a: 6 }, { a: 7 }])",
            &[arr((1..8).map(|i| obj(vec![("a", n(i as f64))])).collect())],
        );
        check(
            "console.log([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14]])",
            &[arr((0..7).map(|i| numbers(2 * i + 1..2 * i + 3)).collect())],
        );
    }

    #[test]
    fn holes_and_extra_properties() {
        let holes = |items: Vec<Option<Shape>>| Shape::Array {
            items,
            props: vec![],
        };
        check(
            "console.log([1, , 3])",
            &[holes(vec![Some(n(1.)), None, Some(n(3.))])],
        );
        check("console.log(new Array(5))", &[holes(vec![None; 5])]);
        let sparse = [
            Some(1.),
            Some(2.),
            None,
            None,
            Some(5.),
            None,
            Some(7.),
            Some(8.),
            Some(9.),
        ];
        check(
            "console.log([1, 2, , , 5, , 7, 8, 9])",
            &[holes(sparse.iter().map(|x| x.map(n)).collect())],
        );
        let extra = Shape::Array {
            items: vec![Some(n(1.)), Some(n(2.))],
            props: props(vec![("extra", s("x"))]),
        };
        check("const a = [1, 2]; a.extra = 'x'; console.log(a)", &[extra]);
    }

    fn row(id: f64, name: &str) -> Shape {
        obj(vec![
            ("id", n(id)),
            ("name", s(name)),
            ("createdAt", date(0)),
        ])
    }

    #[test]
    fn database_rows() {
        check(
            "console.log([{ id: 1, name: 'Tom', createdAt: new Date(0) }, { id: 2, name: 'Ann', createdAt: new Date(0) }])",
            &[arr(vec![row(1., "Tom"), row(2., "Ann")])],
        );
        check(
            "console.log({ id: 1, name: 'Tom', createdAt: new Date(0) })",
            &[row(1., "Tom")],
        );
        check(
            "console.log({ id: 1, name: 'Tom', createdAt: new Date('2024-01-02T03:04:05.678Z'), updatedAt: new Date('2024-01-02T03:04:05.678Z') })",
            &[obj(vec![
                ("id", n(1.)),
                ("name", s("Tom")),
                ("createdAt", date(JAN2)),
                ("updatedAt", date(JAN2)),
            ])],
        );
        let player =
            |id: f64, name: &str| obj(vec![("id", n(id)), ("name", s(name)), ("teamId", n(1.))]);
        check(
            "console.log({ id: 1, name: 'Team A', players: [{ id: 1, name: 'Ann', teamId: 1 }, { id: 2, name: 'Bob', teamId: 1 }] })",
            &[obj(vec![
                ("id", n(1.)),
                ("name", s("Team A")),
                ("players", arr(vec![player(1., "Ann"), player(2., "Bob")])),
            ])],
        );
        check(
            "console.log([{ id: 1, name: 'Team A', players: [{ id: 1, name: 'Ann', teamId: 1 }] }])",
            &[arr(vec![obj(vec![
                ("id", n(1.)),
                ("name", s("Team A")),
                ("players", arr(vec![player(1., "Ann")])),
            ])])],
        );
        let todo = |id: f64, title: &str, done: bool| {
            obj(vec![
                ("id", n(id)),
                ("title", s(title)),
                ("done", Shape::Bool(done)),
                ("userId", n(1.)),
            ])
        };
        check(
            "console.log([{ id: 1, title: 'Learn Sequelize', done: false, userId: 1 }, { id: 2, title: 'Write tests', done: true, userId: 1 }])",
            &[arr(vec![todo(1., "Learn Sequelize", false), todo(2., "Write tests", true)])],
        );
        check(
            "console.log(Array.from({ length: 8 }, (_, i) => ({ id: i + 1, name: 'user' + i })))",
            &[arr((0..8)
                .map(|i| {
                    obj(vec![
                        ("id", n(i as f64 + 1.)),
                        ("name", s(&format!("user{i}"))),
                    ])
                })
                .collect())],
        );
        check(
            "console.log({ count: 2, rows: [{ id: 1, name: 'a' }, { id: 2, name: 'b' }] })",
            &[obj(vec![
                ("count", n(2.)),
                (
                    "rows",
                    arr(vec![
                        obj(vec![("id", n(1.)), ("name", s("a"))]),
                        obj(vec![("id", n(2.)), ("name", s("b"))]),
                    ]),
                ),
            ])],
        );
        check(
            "console.log([{ id: 1, user: { id: 1, profile: { id: 1, bio: 'x' } } }])",
            &[arr(vec![obj(vec![
                ("id", n(1.)),
                (
                    "user",
                    obj(vec![
                        ("id", n(1.)),
                        ("profile", obj(vec![("id", n(1.)), ("bio", s("x"))])),
                    ]),
                ),
            ])])],
        );
    }

    #[test]
    fn collections_classes_functions() {
        let map = Shape::Map(vec![(s("a"), n(1.)), (s("b"), n(2.))]);
        check("console.log(new Map([['a', 1], ['b', 2]]))", &[map]);
        check("console.log(new Map())", &[Shape::Map(vec![])]);
        check("console.log(new Set([1]))", &[Shape::Set(vec![n(1.)])]);
        check("console.log(new Set())", &[Shape::Set(vec![])]);
        check(
            "console.log({ m: new Map([['x', { y: { z: 1 } }]]) })",
            &[obj(vec![(
                "m",
                Shape::Map(vec![(s("x"), obj(vec![("y", obj(vec![("z", n(1.))]))]))]),
            )])],
        );
        check(
            "console.log(new Set(Array.from({ length: 10 }, (_, i) => i)))",
            &[Shape::Set((0..10).map(|i| n(i as f64)).collect())],
        );
        check(
            "class Foo { constructor() { this.a = 1 } }; console.log(new Foo())",
            &[instance("Foo", vec![("a", n(1.))])],
        );
        check(
            "class Foo {}; console.log(new Foo())",
            &[instance("Foo", vec![])],
        );
        check(
            "class Foo { constructor() { this.x = 1 } }; console.log({ a: { b: { c: new Foo() } } })",
            &[obj(vec![("a", obj(vec![("b", obj(vec![("c", instance("Foo", vec![("x", n(1.))]))]))]))])],
        );
        let class = |name: &str, extends: Option<&str>| Shape::Class {
            name: name.into(),
            extends: extends.map(Into::into),
            props: vec![],
        };
        check(
            "class A {}; class B extends A {}; console.log(A, B)",
            &[class("A", None), class("B", Some("A"))],
        );
        check("console.log(class {})", &[class("", None)]);
        check("console.log(function foo() {})", &[func("foo")]);
        check("console.log(() => 1)", &[func("")]);
        check(
            "console.log(async function af() {})",
            &[Shape::Function {
                kind: FunctionKind::Async,
                name: "af".into(),
                props: vec![],
            }],
        );
        check(
            "function f() {}; f.x = 1; console.log(f)",
            &[Shape::Function {
                kind: FunctionKind::Plain,
                name: "f".into(),
                props: props(vec![("x", n(1.))]),
            }],
        );
        check(
            "console.log({ a: 1, get b() { return 2 }, set c(v) {}, get d() { return 1 }, set d(v) {} })",
            &[obj(vec![
                ("a", n(1.)),
                ("b", Shape::Accessor { get: true, set: false }),
                ("c", Shape::Accessor { get: false, set: true }),
                ("d", Shape::Accessor { get: true, set: true }),
            ])],
        );
    }

    #[test]
    fn circular_dates_and_the_rest() {
        let own = Shape::Referenced(7, Box::new(obj(vec![("self", Shape::Circular(7))])));
        check("const o = {}; o.self = o; console.log(o)", &[own]);
        let back = Shape::Referenced(
            1,
            Box::new(obj(vec![
                ("a", n(1.)),
                ("b", obj(vec![("c", Shape::Circular(1))])),
            ])),
        );
        check(
            "const o = { a: 1 }; o.b = { c: o }; console.log(o)",
            &[back],
        );
        check("console.log(new Date(0))", &[date(0)]);
        check("console.log(new Date(NaN))", &[Shape::Date(None)]);
        check(
            "console.log({ d: new Date(NaN) })",
            &[obj(vec![("d", Shape::Date(None))])],
        );
        check("console.log(/a/g)", &[Shape::RegExp("/a/g".into())]);
        let fulfilled = |v| Shape::Promise(PromiseState::Fulfilled(Box::new(v)));
        check("console.log(Promise.resolve(1))", &[fulfilled(n(1.))]);
        check(
            "console.log(new Promise(() => {}))",
            &[Shape::Promise(PromiseState::Pending)],
        );
        check(
            "const p = Promise.reject(3); p.catch(() => {}); console.log(p)",
            &[Shape::Promise(PromiseState::Rejected(Box::new(n(3.))))],
        );
        check(
            "console.log(new Number(3), new String(\"x\"), new Boolean(false))",
            &[
                Shape::Boxed(Box::new(n(3.))),
                Shape::Boxed(Box::new(s("x"))),
                Shape::Boxed(Box::new(Shape::Bool(false))),
            ],
        );
    }

    #[test]
    fn several_arguments_and_specifiers() {
        check("console.log('teams:', 3)", &[s("teams:"), n(3.)]);
        check(
            "console.log('a', { b: 1 }, [1])",
            &[s("a"), obj(vec![("b", n(1.))]), arr(vec![n(1.)])],
        );
        check(
            "console.log(1, '2', [3])",
            &[n(1.), s("2"), arr(vec![n(3.)])],
        );
        check(
            "console.log('%s is %d years', 'Tom', 42)",
            &[s("%s is %d years"), s("Tom"), n(42.)],
        );
        let deep = obj(vec![("a", obj(vec![("b", obj(vec![("c", n(1.))]))]))]);
        check(
            "console.log('%s', { a: { b: { c: 1 } } })",
            &[s("%s"), deep.clone()],
        );
        check(
            "console.log('%s', -0, 12n, null, undefined)",
            &[
                s("%s"),
                n(-0.0),
                Shape::BigInt("12".into()),
                Shape::Null,
                Shape::Undefined,
            ],
        );
        check("console.log('%d', '42')", &[s("%d"), s("42")]);
        check(
            "console.log('%d', 'abc', '%d')",
            &[s("%d"), s("abc"), s("%d")],
        );
        check(
            "console.log('%d %d', 1.5, 12n)",
            &[s("%d %d"), n(1.5), Shape::BigInt("12".into())],
        );
        check(
            "console.log('%i', 42.9, '%i', '7.5px')",
            &[s("%i"), n(42.9), s("%i"), s("7.5px")],
        );
        check("console.log('%f', '3.5e2')", &[s("%f"), s("3.5e2")]);
        check(
            "console.log('%j', { a: [1, 'x'] })",
            &[s("%j"), obj(vec![("a", arr(vec![n(1.), s("x")]))])],
        );
        let cycle = Shape::Referenced(1, Box::new(obj(vec![("o", Shape::Circular(1))])));
        check(
            "const o = {}; o.o = o; console.log('%j', o)",
            &[s("%j"), cycle],
        );
        check(
            "console.log('%O', { a: { b: { c: { d: 1 } } } })",
            &[s("%O"), obj(vec![("a", deep_d())])],
        );
        check(
            "console.log('%c styled', 'color: red')",
            &[s("%c styled"), s("color: red")],
        );
        check("console.log('100%%', 1)", &[s("100%%"), n(1.)]);
        check("console.log('100%%')", &[s("100%%")]);
        check("console.log('%s %s', 'only')", &[s("%s %s"), s("only")]);
        check("console.log('%x', 1)", &[s("%x"), n(1.)]);
        check("console.log('%s', new Date(0))", &[s("%s"), date(0)]);
        check(
            "console.log('%d', -0, '%s', -0)",
            &[s("%d"), n(-0.0), s("%s"), n(-0.0)],
        );
        check("console.log(5, '%s', 'x')", &[n(5.), s("%s"), s("x")]);
    }

    fn deep_d() -> Shape {
        obj(vec![("b", obj(vec![("c", obj(vec![("d", n(1.))]))]))])
    }

    #[test]
    fn circular_targets_keep_their_number() {
        let referenced = |id, shape| Shape::Referenced(id, Box::new(shape));
        let a = referenced(1, arr(vec![n(1.), Shape::Circular(1)]));
        check("const a = [1]; a.push(a); console.log(a)", &[a]);
        // Every occurrence of a cycle's target is wrapped: Node marks it `<ref *n>` once
        // it has a number, even where it is no ancestor.
        let p = |child| referenced(1, obj(vec![("name", s("p")), ("child", child)]));
        let c = |parent| referenced(2, obj(vec![("parent", parent)]));
        check(
            "const p = { name: \"p\" }; const c = { parent: p }; p.child = c; console.log([p, c])",
            &[arr(vec![
                p(c(Shape::Circular(1))),
                c(p(Shape::Circular(2))),
            ])],
        );
        let x = |y| referenced(1, obj(vec![("y", y)]));
        let y = |x| referenced(2, obj(vec![("x", x)]));
        let z = referenced(
            3,
            obj(vec![
                ("x", x(y(Shape::Circular(1)))),
                ("y", y(x(Shape::Circular(2)))),
                ("z", Shape::Circular(3)),
            ]),
        );
        check(
            "const x = {}; const y = { x }; x.y = y; const z = { x, y }; z.z = z; console.log(z)",
            &[z],
        );
    }

    #[test]
    fn bigints_pad_left_like_numbers() {
        let powers = (0..12).map(|i| Shape::BigInt(format!("1{}", "0".repeat(i))));
        check(
            "console.log(Array.from({ length: 12 }, (_, i) => 10n ** BigInt(i)))",
            &[arr(powers.collect())],
        );
        check(
            "console.log([1.5, -2.25, 1e100])",
            &[arr(vec![n(1.5), n(-2.25), n(1e100)])],
        );
        check(
            "console.log([[[[]]]])",
            &[arr(vec![arr(vec![arr(vec![arr(vec![])])])])],
        );
        check(
            "class Foo {}; console.log({ f: new Foo(), g: [new Foo()] })",
            &[obj(vec![
                ("f", instance("Foo", vec![])),
                ("g", arr(vec![instance("Foo", vec![])])),
            ])],
        );
    }

    #[test]
    fn errors_in_objects() {
        let error = Shape::Error {
            stack: "Error: x\n    at <anonymous>".into(),
            props: vec![],
        };
        assert_eq!(
            format(&[obj(vec![("e", error)])]),
            "{\n  e: Error: x\n      at <anonymous>\n}"
        );
        let bare = Shape::Error {
            stack: "TypeError: bad".into(),
            props: vec![],
        };
        assert_eq!(format(&[arr(vec![bare])]), "[ [TypeError: bad] ]");
    }

    /// A tree of `tests/node/inspected.json` (see scripts/record-node.mjs) as a Shape.
    fn decode(tree: &serde_json::Value) -> Shape {
        let text = || tree["v"].as_str().unwrap().to_string();
        let list = || tree["v"].as_array().unwrap().iter();
        match tree["t"].as_str().unwrap() {
            "null" => Shape::Null,
            "undefined" => Shape::Undefined,
            "number" if tree["v"] == "-0" => n(-0.0),
            "number" => n(text().parse().unwrap()),
            "string" => Shape::String(text()),
            "boolean" => Shape::Bool(tree["v"].as_bool().unwrap()),
            "bigint" => Shape::BigInt(text()),
            "date" => date(tree["v"].as_i64().unwrap()),
            "array" => arr(list().map(decode).collect()),
            "map" => Shape::Map(list().map(|e| (decode(&e[0]), decode(&e[1]))).collect()),
            "set" => Shape::Set(list().map(decode).collect()),
            _ => Shape::Object {
                class: tree["class"].as_str().map(Into::into),
                props: list()
                    .map(|e| (Key::Str(e[0].as_str().unwrap().into()), decode(&e[1])))
                    .collect(),
            },
        }
    }

    #[test]
    fn random_plain_data_as_node_inspects_it() {
        let all: serde_json::Value =
            serde_json::from_str(include_str!("../tests/node/inspected.json")).unwrap();
        for case in all.as_array().unwrap() {
            let printed = inspect(&decode(&case["shape"]), &Options::default());
            assert_eq!(printed, case["inspected"].as_str().unwrap());
        }
    }
}
