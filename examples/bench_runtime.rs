//! Prints how long `Owner.findAll({ include: Pug })` takes — the query plus nesting the
//! rows into owners with their pugs — for N owners with 5 pugs each, natively.
//! Run: `cargo run --release --example bench_runtime [N…]` (default 1000 10000).

use std::time::Instant;

use assoc_playground::workload::OwnersWithPugs;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1000, 10_000]
    } else {
        sizes
    };
    for owners in sizes {
        let mut workload = OwnersWithPugs::new(owners, 5);
        let mut times: Vec<f64> = (0..5)
            .map(|_| {
                let start = Instant::now();
                assert_eq!(workload.run_find(), owners);
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(|a, b| a.total_cmp(b));
        println!("native {owners}x5 {:.2} ms", times[times.len() / 2]);
    }
}
