//! Invariants of the source tree, checked as tests (in the spirit of rust-analyzer's
//! tidy): GlueSQL only in the store, the browser only in the page, a layer order of the
//! core's modules, a `//!` doc atop every file, ARCHITECTURE.md's table of modules. The
//! checks are plain functions over `(path, text)` pairs; `self_test` shows each can fail.

use std::{fs, path::Path};

/// The core's top-level modules, lowest layer first. A module may use (`crate::x`, or
/// `super::x` in a file directly under `src/`) only modules of EARLIER layers; two
/// modules of one layer may not use each other, so no cycle can form. `crate` is the
/// items of `src/lib.rs` itself; `src/bin/` is above everything and not checked.
/// To place a new module, put it in the lowest layer above every module it uses (add a
/// layer between two others if none fits), never in the layer of a module it uses.
const LAYERS: Layers = &[
    &["diagnostic", "assoc", "examples", "js", "project"],
    &["error", "inspect"],
    &["syntax", "sql"],
    &["schema"],
    &["value"],
    &["ddl"],
    &["plan"],
    &["runtime"],
    &["interpret"],
    &["lint", "explain", "diagram", "workload"],
    &["report"],
    &["protocol"],
    &["crate"],
    &["share"],
    &["form", "explore", "export"],
    &["state"],
    &["embed"],
    &["ui"],
];

/// Orders of a module's children (`super::x`, `crate::m::x`, `self::x` in `mod.rs`), by
/// the rule of [`LAYERS`]; the module's `mod.rs` is above them all, and its own items
/// are not checked. A listed module must place every child it declares. For example
/// `("runtime", &[&["store"], &["instance", "log"], &["find", "write"], &["accessors"]])`.
const INNER_LAYERS: &[(&str, Layers)] = &[(
    "runtime",
    &[
        &["store", "scopes"],
        &["instance", "log", "validate"],
        &["find"],
        &["write"],
        &["accessors"],
        &["calls"],
    ],
)];

/// What a module may reach of a module below it, when only its entry points:
/// (user, module, the items of the module's root it may name).
const ENTRY_POINTS: &[(&str, &str, &[&str])] = &[(
    "interpret",
    "runtime",
    &["Runtime", "RunLimits", "Step", "StepEnd", "Clock", "calls"],
)];

type Layers = &'static [&'static [&'static str]];
type Files = [(String, String)];
type Found = Vec<String>;

/// A violation as `file:line: what is wrong: what to do`.
fn violation(file: &str, line: usize, message: String) -> String {
    format!("{file}:{line}: {message}")
}

// ---- The tests over the real tree ----------------------------------------------------

#[test]
fn gluesql_only_in_the_store() {
    let store = |p: &str| p == "src/runtime/store.rs" || p.starts_with("src/runtime/store/");
    let rule = "only src/runtime/store.rs touches GlueSQL: add what you need to the store";
    assert_none(check_names(&tree(), &["gluesql"], store, rule));
}

#[test]
fn browser_only_in_the_page() {
    let names = "web_sys js_sys yew wasm_bindgen serde_wasm_bindgen wasm_bindgen_futures";
    let names: Vec<&str> = names.split(' ').collect();
    let page = |p: &str| p.starts_with("src/ui/") || p.starts_with("src/bin/");
    let rule = "only src/ui/ and src/bin/ touch the browser: move this into the page";
    assert_none(check_names(&tree(), &names, page, rule));
}

#[test]
fn layers_point_downward() {
    assert_none(check_layers(&tree(), LAYERS, INNER_LAYERS));
}

#[test]
fn only_entry_points_cross_an_api_boundary() {
    assert_none(check_entry_points(&tree(), ENTRY_POINTS));
}

#[test]
fn every_module_has_a_layer() {
    assert_none(check_placed(&tree(), LAYERS, INNER_LAYERS));
}

#[test]
fn every_file_opens_with_a_doc_comment() {
    assert_none(check_docs(&tree()));
}

#[test]
fn architecture_lists_every_module() {
    let markdown = fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    assert_none(check_architecture(&tree(), &markdown));
}

fn root() -> &'static Path {
    Path::new(option_env!("CARGO_MANIFEST_DIR").unwrap_or("/work/main"))
}

/// Every `.rs` file under `src/` and `tests/`, as (path from the root, text), sorted.
fn tree() -> Vec<(String, String)> {
    let mut files = Vec::new();
    read_dir(&root().join("src"), "src", &mut files);
    read_dir(&root().join("tests"), "tests", &mut files);
    files.sort();
    files
}

fn read_dir(dir: &Path, relative: &str, files: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).expect("a readable tree").flatten() {
        let path = format!("{relative}/{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            read_dir(&entry.path(), &path, files);
        } else if path.ends_with(".rs") {
            let text = fs::read_to_string(entry.path()).expect("UTF-8 source");
            files.push((path, text));
        }
    }
}

fn assert_none(found: Found) {
    let list: String = found.iter().map(|v| format!("\n  {v}")).collect();
    assert!(found.is_empty(), "{} violation(s):{list}", found.len());
}

// ---- The checks ----------------------------------------------------------------------

/// Each of `names` used as an identifier in code (tests too) under `src/` but outside
/// the files `allowed`.
fn check_names(files: &Files, names: &[&str], allowed: fn(&str) -> bool, rule: &str) -> Found {
    let mut found = Vec::new();
    for (path, text) in files {
        if !path.starts_with("src/") || allowed(path) {
            continue;
        }
        for Token { text, line } in lex(text) {
            if names.contains(&text.as_str()) {
                found.push(violation(path, line, format!("`{text}` used here: {rule}")));
            }
        }
    }
    found
}

fn check_docs(files: &Files) -> Found {
    let mut found = Vec::new();
    for (path, text) in files {
        let first = text.lines().enumerate().find(|(_, l)| !l.trim().is_empty());
        if !first.is_some_and(|(_, l)| l.starts_with("//!")) {
            let message = "no `//!` doc first: open with what the file is for".into();
            found.push(violation(path, first.map_or(1, |(n, _)| n + 1), message));
        }
    }
    found
}

/// Each module declared in `src/lib.rs` that the `| module | owns |` table lacks.
fn check_architecture(files: &Files, markdown: &str) -> Found {
    let Some(listed) = table_modules(markdown) else {
        let message = "no `| module | owns |` table: add one that lists every module";
        return vec![violation("ARCHITECTURE.md", 1, message.into())];
    };
    let mut found = Vec::new();
    for (module, line) in declared_modules(source(files, "src/lib.rs")) {
        if !listed.contains(&module) {
            let message = format!("`{module}` is not in ARCHITECTURE.md's module table: add it");
            found.push(violation("src/lib.rs", line, message));
        }
    }
    found
}

/// The top-level modules of the table's first column (`` `x` ``, `` `x::y` `` for `x`).
fn table_modules(markdown: &str) -> Option<Vec<String>> {
    let lines: Vec<&str> = markdown.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.replace(' ', "") == "|module|owns|")?;
    let rows = lines[header + 2..]
        .iter()
        .take_while(|l| l.starts_with('|'));
    let cells = rows.filter_map(|row| row.split('|').nth(1)?.split('`').nth(1));
    Some(
        cells
            .filter_map(|name| name.split("::").next())
            .map(String::from)
            .collect(),
    )
}

/// Each module of `src/lib.rs` without a layer, and each child of a module in `inner`
/// without an inner layer.
fn check_placed(files: &Files, layers: Layers, inner: &[(&str, Layers)]) -> Found {
    let mut found = unplaced(files, "src/lib.rs", layers, "LAYERS");
    for (module, order) in inner.iter().filter(|(_, order)| !order.is_empty()) {
        let table = format!("`{module}` of INNER_LAYERS");
        for parent in [format!("src/{module}/mod.rs"), format!("src/{module}.rs")] {
            found.extend(unplaced(files, &parent, order, &table));
        }
    }
    found
}

fn unplaced(files: &Files, parent: &str, layers: Layers, table: &str) -> Found {
    let mut found = Vec::new();
    for (module, line) in declared_modules(source(files, parent)) {
        if layer_of(&module, layers).is_none() {
            let message = format!("`{module}` has no layer: add it to {table} in tests/it/tidy.rs");
            found.push(violation(parent, line, message));
        }
    }
    found
}

/// Each path in non-test code to a module of a later layer or a same-layer neighbour.
fn check_layers(files: &Files, layers: Layers, inner: &[(&str, Layers)]) -> Found {
    let roots = root_modules(files);
    let mut found = Vec::new();
    for (path, here, Reference { path: to, line }) in code_references(files, &roots) {
        let source = here.first().map_or("crate", String::as_str);
        let target = to.first().filter(|m| roots.contains(m));
        let target = target.map_or("crate", String::as_str);
        let problem = upward(source, target, layers, "LAYERS");
        if let Some(problem) = problem.or_else(|| inner_upward(&here, &to, inner)) {
            let message = format!("uses `crate::{}`: {problem}", to.join("::"));
            found.push(violation(path, line, message));
        }
    }
    found
}

/// The modules `src/lib.rs` declares.
fn root_modules(files: &Files) -> Vec<String> {
    let roots = declared_modules(source(files, "src/lib.rs"));
    roots.into_iter().map(|(name, _)| name).collect()
}

/// Every path of non-test code under `src/` (not `bin/`), with its file and module.
fn code_references<'f>(
    files: &'f Files,
    roots: &[String],
) -> Vec<(&'f str, Vec<String>, Reference)> {
    let mut all = Vec::new();
    for (path, text) in files {
        let Some(here) = module_of(path) else {
            continue;
        };
        for reference in references(&here, &without_tests(&lex(text)), roots) {
            all.push((path.as_str(), here.clone(), reference));
        }
    }
    all
}

/// Each path in non-test code from a user in `boundaries` into its module that names
/// something other than the module's entry points.
fn check_entry_points(files: &Files, boundaries: &[(&str, &str, &[&str])]) -> Found {
    let mut found = Vec::new();
    for (path, here, Reference { path: to, line }) in code_references(files, &root_modules(files)) {
        let boundary = boundaries.iter().find(|(user, module, _)| {
            here.first().is_some_and(|h| h == user) && to.first().is_some_and(|t| t == module)
        });
        let Some((user, module, allowed)) = boundary else {
            continue;
        };
        let item = to.get(1).map_or("", String::as_str);
        if !item.is_empty() && !allowed.contains(&item) {
            let message = format!(
                "uses `crate::{}`: `{user}` reaches `{module}` only through {}: add an entry point there",
                to.join("::"),
                allowed.join(", ")
            );
            found.push(violation(path, line, message));
        }
    }
    found
}

/// Why `source` may not use `target`, if it may not.
fn upward(source: &str, target: &str, layers: Layers, table: &str) -> Option<String> {
    let (from, to) = (layer_of(source, layers)?, layer_of(target, layers)?);
    if source == target || to < from {
        None
    } else if to == from {
        let fix = "move the item down, or one of them up";
        Some(format!(
            "`{source}` and `{target}` share a layer of {table}: {fix}"
        ))
    } else {
        let fix = "move the item down, or pass it in from above";
        Some(format!(
            "`{source}` (layer {from} of {table}) is below `{target}` ({to}): {fix}"
        ))
    }
}

fn inner_upward(here: &[String], to: &[String], inner: &[(&str, Layers)]) -> Option<String> {
    let (module, child, sibling) = (here.first()?, here.get(1)?, to.get(1)?);
    let order = inner.iter().find(|(m, _)| m == module && to[0] == *m)?.1;
    let table = format!("`{module}` of INNER_LAYERS");
    upward(child, sibling, order, &table)
}

fn layer_of(module: &str, layers: Layers) -> Option<usize> {
    layers.iter().position(|layer| layer.contains(&module))
}

fn source<'a>(files: &'a Files, path: &str) -> &'a str {
    files.iter().find(|(p, _)| p == path).map_or("", |f| &f.1)
}

/// The modules a file declares at its top level (`mod x;`, `pub(crate) mod x {…}`, with
/// any attributes but `#[cfg(test)]`), with their lines.
fn declared_modules(text: &str) -> Vec<(String, usize)> {
    let (tokens, mut depth, mut found) = (without_tests(&lex(text)), 0, Vec::new());
    for (i, token) in tokens.iter().enumerate() {
        depth += i32::from(is(&tokens, i, "{")) - i32::from(is(&tokens, i, "}"));
        let ends = is(&tokens, i + 2, ";") || is(&tokens, i + 2, "{");
        let name = ident(&tokens, i + 1).filter(|_| depth == 0 && ends && token.text == "mod");
        if let Some(name) = name {
            found.push((name.to_string(), token.line));
        }
    }
    found
}

/// The module path of a file under `src/` (`[]` for `lib.rs`); `None` for binaries.
fn module_of(path: &str) -> Option<Vec<String>> {
    let inside = path.strip_prefix("src/")?.strip_suffix(".rs")?;
    let inside = inside.strip_suffix("/mod").unwrap_or(inside);
    match inside {
        "lib" => Some(Vec::new()),
        "main" => None,
        _ if inside.starts_with("bin/") => None,
        _ => Some(inside.split('/').map(str::to_string).collect()),
    }
}

// ---- Paths ---------------------------------------------------------------------------

/// A path to an item of this crate, from the root, and the line it is written on.
struct Reference {
    path: Vec<String>,
    line: usize,
}

/// Every `crate::…`, `super::…` and `self::…` path (in `src/lib.rs` also each path that
/// starts with one of the `roots`), `use` groups spread out, resolved from the file's
/// module `file` and the inline modules around the path.
fn references(file: &[String], tokens: &[Token], roots: &[String]) -> Vec<Reference> {
    let (mut here, mut opened, mut depth) = (file.to_vec(), Vec::new(), 0);
    let (mut found, mut i) = (Vec::new(), 0);
    while i < tokens.len() {
        if let Some((base, start)) = path_start(tokens, i, &here, roots) {
            i = use_tree(tokens, start, base, &mut found);
            continue;
        }
        if is(tokens, i, "mod") && is(tokens, i + 2, "{") {
            here.extend(ident(tokens, i + 1).map(str::to_string));
            opened.push(depth + 1);
        }
        depth += i32::from(is(tokens, i, "{"));
        if is(tokens, i, "}") {
            if opened.last() == Some(&depth) {
                opened.pop();
                here.pop();
            }
            depth -= 1;
        }
        i += 1;
    }
    found
}

/// Where a path begins at `i`: the module it starts from, and the index of the rest.
fn path_start(
    tokens: &[Token],
    i: usize,
    here: &[String],
    roots: &[String],
) -> Option<(Vec<String>, usize)> {
    let name = ident(tokens, i)?;
    if !is(tokens, i + 1, "::") || (i > 0 && is(tokens, i - 1, "::")) {
        return None;
    }
    match name {
        "crate" => Some((Vec::new(), i + 2)),
        "self" => Some((here.to_vec(), i + 2)),
        "super" => {
            let (mut base, mut next) = (here[..here.len().saturating_sub(1)].to_vec(), i + 2);
            while is(tokens, next, "super") && is(tokens, next + 1, "::") {
                base.pop();
                next += 2;
            }
            Some((base, next))
        }
        _ if here.is_empty() && roots.iter().any(|r| r == name) => Some((Vec::new(), i)),
        _ => None,
    }
}

/// Reads the path or `{…}` group at `i` below `prefix` into `found`; returns its end.
fn use_tree(tokens: &[Token], i: usize, prefix: Vec<String>, found: &mut Vec<Reference>) -> usize {
    let line = tokens.get(i).map_or(0, |t| t.line);
    if is(tokens, i, "{") {
        let mut next = i + 1;
        while next < tokens.len() && !is(tokens, next, "}") {
            let end = use_tree(tokens, next, prefix.clone(), found);
            next = end + usize::from(end == next || is(tokens, end, ","));
        }
        return next + 1;
    }
    let Some(name) = ident(tokens, i).or(is(tokens, i, "*").then_some("*")) else {
        found.push(Reference { path: prefix, line });
        return i;
    };
    let path = [prefix, vec![name.to_string()]].concat();
    if name != "*" && is(tokens, i + 1, "::") {
        return use_tree(tokens, i + 2, path, found);
    }
    found.push(Reference { path, line });
    i + if is(tokens, i + 1, "as") { 3 } else { 1 }
}

// ---- Tokens --------------------------------------------------------------------------

/// A word, `::` or one punctuation character; a string or char literal is `"`.
/// Comments are dropped, and so is the `'` of a lifetime.
#[derive(Clone)]
struct Token {
    text: String,
    line: usize,
}

fn is(tokens: &[Token], i: usize, text: &str) -> bool {
    tokens.get(i).is_some_and(|t| t.text == text)
}

fn ident(tokens: &[Token], i: usize) -> Option<&str> {
    let text = &tokens.get(i)?.text;
    let word = text.starts_with(|c: char| c.is_alphanumeric() || c == '_');
    word.then_some(text)
}

/// The tokens outside `#[cfg(test)]` items (`#![cfg(test)]` drops the rest of the file).
fn without_tests(tokens: &[Token]) -> Vec<Token> {
    let mut kept = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let at = i + 1 + usize::from(is(tokens, i + 1, "!"));
        let attribute = ["[", "cfg", "(", "test", ")", "]"];
        let test = is(tokens, i, "#") && (0..6).all(|k| is(tokens, at + k, attribute[k]));
        match (test, at > i + 1) {
            (true, true) => break,
            (true, false) => i = item_end(tokens, at + 6),
            _ => {
                kept.push(tokens[i].clone());
                i += 1;
            }
        }
    }
    kept
}

/// The index after the item that starts at `i`: after its `;`, or its `{…}` body.
fn item_end(tokens: &[Token], i: usize) -> usize {
    let (mut nesting, mut braces) = (0, 0);
    for (at, token) in tokens.iter().enumerate().skip(i) {
        match token.text.as_str() {
            "(" | "[" => nesting += 1,
            ")" | "]" => nesting -= 1,
            "{" => braces += 1,
            "}" if braces == 1 => return at + 1,
            "}" => braces -= 1,
            ";" if nesting == 0 && braces == 0 => return at + 1,
            _ => {}
        }
    }
    tokens.len()
}

fn lex(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let literal = || Some("\"".to_string());
    let (mut tokens, mut i, mut line) = (Vec::new(), 0, 1);
    while i < chars.len() {
        let (text, end) = match (at(i), at(i + 1)) {
            ('/', '/' | '*') => (None, comment_end(&chars, i)),
            ('"', _) => (literal(), quoted_end(&chars, i + 1, '"')),
            ('\'', c) if c == '\\' || at(i + 2) == '\'' => {
                (literal(), quoted_end(&chars, i + 1, '\''))
            }
            (':', ':') => (Some("::".into()), i + 2),
            (c, _) if c.is_alphanumeric() || c == '_' => word(&chars, i),
            (c, _) => (
                (!c.is_whitespace() && c != '\'').then(|| c.to_string()),
                i + 1,
            ),
        };
        tokens.extend(text.map(|text| Token { text, line }));
        line += chars[i..end].iter().filter(|&&c| c == '\n').count();
        i = end;
    }
    tokens
}

/// A word at `i`, or the raw string, byte string or byte char it opens, and its end.
fn word(chars: &[char], i: usize) -> (Option<String>, usize) {
    let end = (i..chars.len()).find(|&k| !(chars[k].is_alphanumeric() || chars[k] == '_'));
    let end = end.unwrap_or(chars.len());
    let text: String = chars[i..end].iter().collect();
    let hashes = chars[end..].iter().take_while(|&&c| c == '#').count();
    let next = |k: usize| chars.get(end + k).copied().unwrap_or('\0');
    let literal = Some("\"".to_string());
    match (text.as_str(), next(0)) {
        ("r" | "br" | "cr", _) if next(hashes) == '"' => (literal, raw_end(chars, end, hashes)),
        ("b" | "c", '"') => (literal, quoted_end(chars, end + 1, '"')),
        ("b", '\'') => (literal, quoted_end(chars, end + 1, '\'')),
        ("r", '#') => word(chars, end + 1), // a raw identifier such as r#type
        _ => (Some(text), end),
    }
}

/// The end of a literal whose text starts at `i`: after the closing `quote`.
fn quoted_end(chars: &[char], mut i: usize, quote: char) -> usize {
    while let Some(&c) = chars.get(i) {
        i += if c == '\\' { 2 } else { 1 };
        if c == quote {
            break;
        }
    }
    i.min(chars.len())
}

/// The end of `r##"…"##`, whose hashes start at `i`.
fn raw_end(chars: &[char], i: usize, hashes: usize) -> usize {
    let closing: Vec<char> = format!("\"{}", "#".repeat(hashes)).chars().collect();
    let body = i + hashes + 1;
    let found = (body..chars.len()).find(|&k| chars[k..].starts_with(&closing));
    found.map_or(chars.len(), |k| k + closing.len())
}

/// The end of the `//` comment (before its newline) or nested `/* */` comment at `i`.
fn comment_end(chars: &[char], mut i: usize) -> usize {
    let line_end = (i..chars.len()).find(|&k| chars[k] == '\n');
    if chars.get(i + 1) == Some(&'/') {
        return line_end.unwrap_or(chars.len());
    }
    let mut depth = 0;
    while i < chars.len() {
        match (chars[i], chars.get(i + 1).copied().unwrap_or('\0')) {
            ('/', '*') => (depth, i) = (depth + 1, i + 2),
            ('*', '/') if depth == 1 => return i + 2,
            ('*', '/') => (depth, i) = (depth - 1, i + 2),
            _ => i += 1,
        }
    }
    chars.len()
}

// ---- The checks can fail -------------------------------------------------------------

mod self_test {
    use super::*;

    const LIB: &str = "//! Lib.\npub mod schema;\npub mod sql;\npub mod syntax;\nmod interpret;\n\
                       pub mod runtime;\n#[cfg(feature = \"x\")]\npub(crate) mod ui;\nfn run() {}\n";

    /// `sources` with [`LIB`] as `src/lib.rs`.
    fn tree(sources: &[(&str, &str)]) -> Vec<(String, String)> {
        let files = [&[("src/lib.rs", LIB)], sources].concat();
        files.iter().map(|&(p, t)| (p.into(), t.into())).collect()
    }

    /// Where the violations are, as `file:line file:line …`.
    fn places(found: Found) -> String {
        let places: Vec<&str> = found.iter().filter_map(|v| v.split(": ").next()).collect();
        places.join(" ")
    }

    fn layers(path: &str, text: &str) -> Found {
        check_layers(&tree(&[(path, text)]), LAYERS, &[])
    }

    #[test]
    fn reports_a_path_past_the_entry_points() {
        let interpret = "//! I.\nuse crate::runtime::{calls, find::plan};\nfn f() { crate::runtime::Runtime::new(); }\n";
        let found = check_entry_points(&tree(&[("src/interpret/mod.rs", interpret)]), ENTRY_POINTS);
        assert_eq!(places(found), "src/interpret/mod.rs:2");
    }

    #[test]
    fn reports_an_upward_use() {
        let schema = "//! S.\nuse crate::syntax::Span;\nuse crate::ui::x;\n";
        assert_eq!(
            places(layers("src/schema/mod.rs", schema)),
            "src/schema/mod.rs:3"
        );
    }

    #[test]
    fn reports_each_path_of_a_use_group() {
        let group = "use crate::{a, syntax::{ast, Span as S},\n  interpret::run};\n";
        let found = places(layers("src/schema/a.rs", group));
        assert_eq!(found, "src/schema/a.rs:1 src/schema/a.rs:2");
        let found = layers("src/sql.rs", "use crate::{a::b, runtime::{c, d}};");
        let paths: Vec<&str> = found.iter().filter_map(|v| v.split('`').nth(1)).collect();
        assert_eq!(
            paths,
            ["crate::a::b", "crate::runtime::c", "crate::runtime::d"]
        );
    }

    #[test]
    fn reports_paths_in_code_and_super_of_a_root_file() {
        let sql = "fn f() { crate::runtime::Runtime::new(); super::run(); }\n";
        assert_eq!(
            places(layers("src/sql.rs", sql)),
            "src/sql.rs:1 src/sql.rs:1"
        );
        let lib = "//! Lib.\nmod sql;\nmod ui;\nfn f() -> sql::D {\n    ui::g()\n}\n";
        let files = [("src/lib.rs".into(), lib.into())];
        assert_eq!(places(check_layers(&files, LAYERS, &[])), "src/lib.rs:5");
    }

    #[test]
    fn reports_a_same_layer_cycle() {
        let found = layers("src/sql/a.rs", "use crate::syntax::S;");
        assert!(found[0].contains("share a layer"), "{}", found[0]);
        assert_eq!(places(found), "src/sql/a.rs:1");
    }

    #[test]
    fn reports_an_undeclared_module() {
        let lib = "//! Lib.\npub mod schema;\n#[cfg(x)]\nmod shiny;\n#[cfg(test)]\nmod tests;\n";
        let files = [("src/lib.rs".into(), lib.into())];
        assert_eq!(places(check_placed(&files, LAYERS, &[])), "src/lib.rs:4");
    }

    #[test]
    fn reports_inner_order_violations() {
        let order: &[(&str, Layers)] = &[("runtime", &[&["store"], &["log"], &["find", "write"]])];
        let files = tree(&[
            (
                "src/runtime/mod.rs",
                "mod store;\nmod log;\nmod new;\nuse self::find::f;",
            ),
            ("src/runtime/store.rs", "use super::Rt;\nuse super::log::L;"),
            (
                "src/runtime/find.rs",
                "use super::log::L;\ncrate::runtime::write::w();",
            ),
            (
                "src/runtime/log.rs",
                "mod inline {\n use super::super::find::f;\n}",
            ),
        ]);
        let wrong = "src/runtime/store.rs:2 src/runtime/find.rs:2 src/runtime/log.rs:2";
        assert_eq!(places(check_layers(&files, LAYERS, order)), wrong);
        let unplaced = places(check_placed(&files, LAYERS, order));
        assert_eq!(unplaced, "src/runtime/mod.rs:3");
    }

    #[test]
    fn ignores_comments_strings_and_tests() {
        let schema = r###"//! use crate::ui::a;
/* use crate::ui::b; /* nested */ use crate::ui::c; */
/// use crate::ui::d;
const S: &str = "use crate::ui::e; \" crate::ui::f";
const R: &str = r#"crate::ui::g "# ;
const B: &[u8] = br##"crate::ui::"#h"##;
const C: [char; 3] = ['"', '\'', '{'];
fn f<'a>(x: &'a str) -> &'a str { x }
#[cfg(test)]
mod tests {
    use crate::ui::i;
    fn g() { let _ = "}"; { crate::ui::j(); } }
}
#[cfg(test)]
use crate::ui::k;
use crate::ui::after;
"###;
        assert_eq!(
            places(layers("src/schema/mod.rs", schema)),
            "src/schema/mod.rs:16"
        );
        let files = [("src/schema/mod.rs".into(), schema.into())];
        let found = check_names(&files, &["ui"], |_| false, "test code counts");
        let lines = ["11", "12", "15", "16"].map(|n| format!("src/schema/mod.rs:{n}"));
        assert_eq!(places(found), lines.join(" "));
    }

    #[test]
    fn reports_crate_names_outside_their_place() {
        let files = tree(&[
            ("src/runtime/store.rs", "use gluesql::prelude::*;"),
            ("src/runtime/find.rs", "// gluesql\nuse gluesql::x;"),
            ("src/runtime/log.rs", "const G: &str = \"gluesql\";"),
        ]);
        let found = check_names(&files, &["gluesql"], |p| p == "src/runtime/store.rs", "");
        assert_eq!(places(found), "src/runtime/find.rs:2");
    }

    #[test]
    fn reports_a_file_without_doc() {
        let files = tree(&[("src/a.rs", "\n//! Fine.\n"), ("tests/b.rs", "\n// No.\n")]);
        assert_eq!(places(check_docs(&files)), "tests/b.rs:2");
    }

    #[test]
    fn reports_a_module_missing_from_architecture() {
        let markdown = "| module | owns |\n|---|---|\n| `schema` | x |\n| `sql::ddl` | y |\n\
                        | `syntax` | z |\n| `interpret` | w |\n| `ui` (wasm32) | v |\n\n| `runtime` |\n";
        let missing = places(check_architecture(&tree(&[]), markdown));
        assert_eq!(missing, "src/lib.rs:6");
        let no_table = places(check_architecture(&tree(&[]), "# A\n"));
        assert_eq!(no_table, "ARCHITECTURE.md:1");
    }
}
