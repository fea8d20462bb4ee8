//! The runtime benchmark in headless Chromium: `Owner.findAll({ include: Pug })` for
//! 1,000 × 5 and 10,000 × 5 rows on GlueSQL compiled to WebAssembly (the full include),
//! and the same with `where: { id }` for ids 1, N/2 and N (the point include, `-point`
//! figures). Prints figures (it checks only that the owners and pugs come back). Run by `scripts/bench.sh`:
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

/// The median of `runs` timings of `run`, in milliseconds.
fn median_ms(runs: usize, mut run: impl FnMut(usize)) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|i| {
            let start = js_sys::Date::now();
            run(i);
            js_sys::Date::now() - start
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

/// The full include's median and the point include's, for `owners` owners.
fn full_and_point_ms(owners: usize) -> (f64, f64) {
    let mut workload = OwnersWithPugs::new(owners, 5);
    let full = median_ms(5, |_| assert_eq!(workload.run_find(), owners));
    // One lookup takes less than the browser clock's 1 ms: time 300 and divide.
    let point = median_ms(5, |_| {
        for i in 0..300 {
            assert_eq!(workload.run_point_find(i % 3), 5);
        }
    }) / 300.0;
    (full, point)
}

fn print(name: &str, owners: usize, (full, point): (f64, f64)) {
    web_sys::console::log_1(&format!("{name} {owners}x5 {full:.2} ms").into());
    web_sys::console::log_1(&format!("{name}-point {owners}x5 {point:.3} ms").into());
}

#[wasm_bindgen_test]
fn find_all_with_include_in_the_browser() {
    for owners in [1000, 10_000] {
        connect_with(Some(|| Box::new(ThroughTheWire(Store::in_process()))));
        print("browser", owners, full_and_point_ms(owners));
        connect_with(None);
        print("in-module", owners, full_and_point_ms(owners));
    }
}
