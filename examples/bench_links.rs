//! Prints, one JSON object per line, the state a link carries for each preset and each
//! conformance-corpus snippet, with the length of its `#v2.` link (deflate with the
//! preset dictionary) and of a plain-deflate `#v1.` link. `e2e/bench-links.mjs` sets
//! these next to the lz-string encoding of the same state (the TypeScript playground's
//! scheme). Run: `cargo run --release --example bench_links`.

use assoc_playground::examples::PRESETS;
use assoc_playground::share::{encode, Shared};
use assoc_playground::sql::Dialect;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The presets written from the four tutorial documents in `shared/seeds/`.
const SEEDS: [&str; 4] = ["one-to-many", "one-to-one", "user-profile", "users-stories"];

fn main() {
    for preset in PRESETS {
        let group = if SEEDS.contains(&preset.id) {
            "seed"
        } else {
            "preset"
        };
        print_line(group, preset.id, preset.code);
    }
    let mut corpus: Vec<_> = std::fs::read_dir("tests/corpus")
        .expect("run from the project's root")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "js"))
        .collect();
    corpus.sort();
    for path in corpus {
        let code = std::fs::read_to_string(&path).expect("a corpus file");
        let name = path.file_stem().unwrap().to_string_lossy();
        print_line("corpus", &name, &code);
    }
}

fn print_line(group: &str, name: &str, code: &str) {
    let shared = Shared::new(code, Dialect::Postgres);
    let state = serde_json::to_string(&shared).unwrap();
    let v1 = 3 + URL_SAFE_NO_PAD
        .encode(miniz_oxide::deflate::compress_to_vec(state.as_bytes(), 9))
        .len();
    let line = serde_json::json!({
        "group": group, "name": name, "state": state, "v1": v1, "v2": encode(&shared).len(),
    });
    println!("{line}");
}
