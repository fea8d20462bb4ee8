//! The pipeline never panics on text a learner might have mid-edit: every prefix of
//! every corpus snippet (as if typed), and some hostile inputs.

use super::support;

#[test]
fn every_prefix_of_every_corpus_snippet_is_analyzed_without_panic() {
    let mut analyzed = 0;
    for entry in std::fs::read_dir("tests/corpus").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "js") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let cuts = (0..text.len())
            .step_by(5)
            .filter(|&i| text.is_char_boundary(i));
        for cut in cuts {
            let report = assoc_playground::analyze(&text[..cut]);
            for d in &report.diagnostics {
                assert!(
                    d.start <= d.end && d.end <= cut,
                    "{}: span {:?} outside 0..{cut}",
                    path.display(),
                    d.span()
                );
            }
            analyzed += 1;
        }
    }
    assert!(analyzed > 1000);
}

#[test]
fn hostile_inputs_are_reported_not_fatal() {
    let deep = "[".repeat(5000);
    let braces = "{".repeat(5000);
    let recursion = "function f() { f(); f(); }\nf();";
    let many_models = (0..800)
        .map(|i| format!("sequelize.define('m{i}', {{}});\n"))
        .collect::<String>();
    for input in [
        deep.as_str(),
        braces.as_str(),
        recursion,
        many_models.as_str(),
        "\u{0}\u{feff}`${",
        "'\\u{110000}'",
        "'\\u{",
    ] {
        let report = assoc_playground::analyze(input);
        assert!(
            report.error.is_some() || !report.diagnostics.is_empty(),
            "{:.40}",
            input
        );
    }
}

/// A deterministic soup of JavaScript and Sequelize tokens: whatever order they come
/// in, the pipeline answers with a report.
#[test]
fn token_soup_never_panics() {
    const PIECES: &[&str] = &[
        "const ",
        "let ",
        "A",
        "B",
        " = ",
        "sequelize",
        ".define(",
        "'a'",
        "\"b\"",
        "`t${x}`",
        ", ",
        "{",
        "}",
        "(",
        ")",
        "[",
        "]",
        ";",
        "\n",
        "DataTypes",
        ".STRING",
        ".INTEGER",
        ".UNSIGNED",
        "(10, 2)",
        "A.hasMany(",
        "B.belongsTo(",
        ".belongsToMany(",
        ".hasOne(",
        "through",
        ":",
        "as",
        "foreignKey",
        "'x'",
        "await ",
        "class ",
        " extends Model ",
        ".init(",
        "sequelize",
        "=>",
        "async ",
        "function ",
        "return ",
        "//c\n",
        "/*",
        "*/",
        "...",
        "?.",
        "1e3",
        "0x",
        "null",
        "true",
        "require('sequelize')",
        "console.log(",
        "references",
        "model",
        "key",
        "try {",
        "} catch (e) {",
        "new ",
        "Sequelize",
        "\\",
        "'",
        "\"",
        "`",
        "/re/g",
        "typeof ",
        "!",
        "+",
        "-",
        "*",
        "?",
        "a.b.c",
        "É",
        "😀",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20_000 {
        let len = (next() % 60) as usize;
        let text: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let report = assoc_playground::analyze(&text);
        for d in &report.diagnostics {
            assert!(
                d.start <= d.end && d.end <= text.len(),
                "bad span in {text:?}"
            );
        }
    }
}

/// Running (not only analyzing) every prefix of the run cases: queries cut off
/// mid-way, before sync, with half an include — always a report, never a panic.
#[test]
fn every_prefix_of_every_run_case_runs_without_panic() {
    let mut ran = 0;
    for entry in std::fs::read_dir("tests/corpus").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.starts_with("run-") || !name.ends_with(".js") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let cuts = (0..text.len())
            .step_by(37)
            .filter(|&i| text.is_char_boundary(i));
        for cut in cuts {
            let report = assoc_playground::run(&text[..cut], support::clock());
            assert!(report.steps.iter().all(|s| !s.sql.is_empty()
                || !matches!(s.end, assoc_playground::runtime::StepEnd::Trailing {})));
            // What the CLI prints and the worker sends to the page.
            serde_json::to_string(&report).expect("every report serializes");
            ran += 1;
        }
    }
    assert!(ran > 200, "ran {ran}");
}

/// Runs `f` on a thread with a 1 MiB stack: what a browser gives WebAssembly. Debug
/// builds (plain `cargo test`) use several times the stack per call of an optimized
/// build, so they get 4 MiB; `cargo test --release` checks the real 1 MiB.
fn with_wasm_sized_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let size = if cfg!(debug_assertions) {
        4 << 20
    } else {
        1 << 20
    };
    std::thread::Builder::new()
        .stack_size(size)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn a_runaway_recursion_is_stopped_with_a_message() {
    // (The report shares its views by `Rc`; only its error crosses back.)
    let error = with_wasm_sized_stack(|| {
        let code = "const A = sequelize.define('a', {});\nawait sequelize.sync();\nfunction again() { A.create({}); again(); }\nagain();";
        assoc_playground::run(code, support::clock()).error
    });
    let error = error.expect("stopped");
    assert_eq!(error.name, "RangeError");
    assert_eq!(error.message, "Maximum call stack size exceeded");
}

#[test]
fn the_deepest_input_the_parser_accepts_fits_a_wasm_stack() {
    let errors = with_wasm_sized_stack(|| {
        let nested = format!("const x = {}1{};", "[".repeat(60), "]".repeat(60));
        let calls = "function f(n) { return f({ a: [n] }); }\nf(1);";
        (
            assoc_playground::analyze(&nested).error,
            assoc_playground::run(calls, support::clock()).error,
        )
    });
    assert!(errors.0.is_none());
    assert_eq!(errors.1.expect("stopped").name, "RangeError");
}

#[test]
fn a_snippet_over_the_size_limit_is_refused_with_its_size() {
    let line = "const A = sequelize.define('a', { name: DataTypes.STRING }); // ✓\n";
    let huge = line.repeat(assoc_playground::MAX_SOURCE / line.len() + 2);
    let report = assoc_playground::analyze(&huge);
    assert!(report.models.is_empty());
    let [diagnostic] = report.diagnostics.as_slice() else {
        panic!("{:?}", report.diagnostics)
    };
    assert_eq!(
        diagnostic.message,
        format!(
            "The snippet is {} KB; the playground reads snippets up to 512 KB",
            huge.len().div_ceil(1024)
        )
    );
    assert!(huge.is_char_boundary(diagnostic.start) && diagnostic.end == huge.len());
}

/// Inputs the fuzzers (scripts/fuzz.sh) found crashing, kept as they were found: each
/// goes through the parser, the whole run pipeline and the link decoder.
#[test]
fn fuzz_regressions_are_answered() {
    let mut checked = 0;
    for entry in std::fs::read_dir("tests/fuzz-regressions").unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let _ = assoc_playground::syntax::parse(&text);
        let report = assoc_playground::run(&text, Box::new(|| 0));
        assert!(report.error.is_some() || !report.diagnostics.is_empty());
        let _ = assoc_playground::share::decode(&text);
        checked += 1;
    }
    assert!(checked >= 1);
}

/// What the engine does not run yet is an error that says so, at the call, never a
/// result Sequelize would not give.
#[test]
fn options_the_engine_does_not_run_are_refused_at_the_call() {
    let setup = "const Pug = sequelize.define('pug', { name: DataTypes.STRING, ownerId: DataTypes.INTEGER });
await sequelize.sync({ force: true });
";
    let cases = [
        (
            "await Pug.findAll({ attributes: ['id', [sequelize.literal('(SELECT 1)'), 'one']] });",
            "The playground cannot compute sequelize.literal('(SELECT 1)') yet",
        ),
        (
            "await Pug.findAll({ attributes: [[sequelize.fn('LPAD', sequelize.col('name'), 8, '*'), 'padded']] });",
            "The playground does not compute the SQL function LPAD() yet",
        ),
        (
            "await Pug.count({ having: sequelize.where(sequelize.fn('COUNT', sequelize.col('id')), '>', 1) });",
            "The playground does not run count() with the having option yet",
        ),
    ];
    for (call, message) in cases {
        let code = format!("{setup}{call}");
        let report = assoc_playground::run(&code, support::clock());
        let error = report.error.unwrap_or_else(|| panic!("{call}: no error"));
        assert!(
            error.message.starts_with(message),
            "{call}: {}",
            error.message
        );
        let place = report
            .diagnostics
            .iter()
            .find(|d| d.message.ends_with(&error.message))
            .unwrap_or_else(|| panic!("{call}: no diagnostic"));
        assert_eq!(place.start, setup.len() + "await ".len(), "{call}");
        assert!(place.hint.is_some(), "{call}");
    }
}

#[test]
fn values_that_contain_themselves_or_ask_for_the_moon_stay_bounded() {
    let code = r#"
const a = []; a.push(a);
console.log(String(a));
const o = {}; try { Object.setPrototypeOf(o, o); } catch (e) { console.log(e.message); }
let deep = {}; for (let i = 0; i < 500; i++) deep = { deep };
try { JSON.stringify(deep); } catch (e) { console.log(e.name); }
console.log(String(new Date(8.64e20)));
"#;
    let json =
        with_wasm_sized_stack(move || serde_json::to_value(crate::support::run(code)).unwrap());
    assert!(json["error"].is_null(), "{}", json["error"]);
    assert_eq!(
        crate::support::printed(&json),
        ["", "Cyclic __proto__ value", "RangeError", "Invalid Date"]
    );
}
