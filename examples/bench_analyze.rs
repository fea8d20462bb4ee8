//! Prints how long `analyze` takes on generated snippets (parse → rules → DDL → report),
//! the work the page does on every edit. Run: `cargo run --release --example bench_analyze`.

use std::time::Instant;

/// `models` models linked by `associations` association calls: belongsTo and hasMany
/// always point from a later model to an earlier one (no foreign-key cycles, so `sync()`
/// has an order), plus many-to-many links through join tables.
fn generated_snippet(models: usize, associations: usize) -> String {
    let mut code = String::new();
    for i in 0..models {
        code.push_str(&format!(
            "const M{i} = sequelize.define('m{i}', {{ name: DataTypes.STRING, size: DataTypes.INTEGER }});\n"
        ));
    }
    let mut made = 0;
    let mut i = 1;
    while made < associations {
        let (x, y) = (i % models, (i * 7 + 3) % models);
        let (later, earlier) = (x.max(y), x.min(y));
        if later != earlier {
            let call = match made % 3 {
                0 => format!("M{later}.belongsTo(M{earlier}, {{ as: 'link{made}' }});\n"),
                1 => format!("M{earlier}.hasMany(M{later}, {{ as: 'items{made}' }});\n"),
                _ if made % 2 == 0 => format!(
                    "M{x}.belongsToMany(M{y}, {{ through: 'j{made}', as: 'peers{made}' }});\n"
                ),
                _ => format!(
                    "M{y}.belongsToMany(M{x}, {{ through: 'j{made}', as: 'peers{made}' }});\n"
                ),
            };
            code.push_str(&call);
            made += 1;
        }
        i += 1;
    }
    code
}

fn time_analyze(label: &str, code: &str, runs: u32) {
    let report = assoc_playground::analyze(code);
    assert!(report.error.is_none(), "{:?}", report.error);
    let ddl = serde_json::to_value(&report.ddl).unwrap();
    assert!(
        ddl["postgres"]["createTable"].is_array(),
        "{label}: {}",
        ddl["postgres"]
    );
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(assoc_playground::analyze(std::hint::black_box(code)));
    }
    let per_run = start.elapsed() / runs;
    println!(
        "{label:<38} {:>6} bytes  {:>3} models  {:>9.3} ms per analyze",
        code.len(),
        report.models.len(),
        per_run.as_secs_f64() * 1000.0
    );
}

fn main() {
    if std::env::var_os("PROFILE_LOOPS").is_some() {
        // Under a profiler: the page's analysis only.
        return time_page_analysis(&generated_snippet(100, 150), 50);
    }
    let seed = std::fs::read_to_string("tests/corpus/one-to-many-seed.js")
        .expect("run from the repository root");
    time_analyze("one-to-many seed", &seed, 2000);
    time_analyze(
        "generated 20 models / 30 associations",
        &generated_snippet(20, 30),
        200,
    );
    time_analyze(
        "generated 100 models / 150 associations",
        &generated_snippet(100, 150),
        50,
    );
    time_page_analysis(&generated_snippet(100, 150), 50);
    if std::env::var_os("PHASES").is_some() {
        phases(&generated_snippet(100, 150));
    }
}

/// The page's own analysis per keystroke (one dialect, no `models`/`associations` lists).
fn time_page_analysis(code: &str, runs: u32) {
    let dialect = assoc_playground::sql::Dialect::Postgres;
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(assoc_playground::analyze_for(
            std::hint::black_box(code),
            dialect,
        ));
    }
    let per_run = start.elapsed() / runs;
    println!(
        "{:<38} {:>6} bytes  {:>9.3} ms per analyze_for (the page's, one dialect)",
        "generated 100 models / 150 associations",
        code.len(),
        per_run.as_secs_f64() * 1000.0
    );
    if let Some(loops) = std::env::var("PROFILE_LOOPS")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        for _ in 0..loops {
            std::hint::black_box(assoc_playground::analyze_for(code, dialect));
        }
    }
}

/// Each step of the page's analysis, the fastest of 50 runs.
fn phases(code: &str) {
    let dialect = assoc_playground::sql::Dialect::Postgres;
    let mut steps: Vec<(&'static str, f64)> = Vec::new();
    for run in 0..50 {
        let (mut clock, mut step) = (Instant::now(), 0);
        assoc_playground::analyze_in_steps(code, dialect, |name| {
            let ms = clock.elapsed().as_secs_f64() * 1000.0;
            match run {
                0 => steps.push((name, ms)),
                _ => steps[step].1 = steps[step].1.min(ms),
            }
            step += 1;
            clock = Instant::now();
        });
    }
    let line: Vec<String> = steps
        .iter()
        .map(|(name, ms)| format!("{name} {ms:.3}"))
        .collect();
    println!(
        "the page's analysis, ms, fastest of 50: {}",
        line.join("  ")
    );
}
