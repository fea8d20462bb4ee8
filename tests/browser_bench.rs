//! The runtime benchmark in headless Chromium: `Owner.findAll({ include: Pug })` for
//! 1,000 × 5 and 10,000 × 5 rows on GlueSQL compiled to WebAssembly. Prints figures
//! (it checks only that every owner comes back). Run by `scripts/bench.sh`:
//! `cargo test --release --target wasm32-unknown-unknown --test browser_bench -- --nocapture`.
//!
//! The page's worker reaches GlueSQL in a module of its own, every statement and its
//! rows sent as bytes of `runtime::store::wire`: the `browser` figures go through that
//! format (a store that answers in bytes); `in-module` ones call GlueSQL directly.
#![cfg(target_arch = "wasm32")]

use assoc_playground::runtime::store::{connect_with, Connection, Store};
use assoc_playground::workload::OwnersWithPugs;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

struct ThroughTheWire(Store);

impl Connection for ThroughTheWire {
    fn call(&mut self, request: &[u8]) -> Vec<u8> {
        // The copy the worker makes between the two modules' memories.
        let copied: Vec<u8> = request.into();
        self.0.serve(&copied)
    }
}

fn median_ms(owners: usize) -> f64 {
    let mut workload = OwnersWithPugs::new(owners, 5);
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let start = js_sys::Date::now();
            assert_eq!(workload.run_find(), owners);
            js_sys::Date::now() - start
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

#[wasm_bindgen_test]
fn find_all_with_include_in_the_browser() {
    for owners in [1000, 10_000] {
        connect_with(Some(|| Box::new(ThroughTheWire(Store::in_process()))));
        let ms = median_ms(owners);
        web_sys::console::log_1(&format!("browser {owners}x5 {ms:.2} ms").into());
        connect_with(None);
        let ms = median_ms(owners);
        web_sys::console::log_1(&format!("in-module {owners}x5 {ms:.2} ms").into());
    }
}
