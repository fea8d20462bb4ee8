//! Prints how long `Owner.findAll({ include: Pug })` takes — the query plus nesting the
//! rows into owners with their pugs — for N owners with 5 pugs each, natively (the
//! full include), and `Owner.findAll({ where: { id }, include: Pug })` (the point
//! include: the median over ids 1, N/2 and N).
//! Run: `cargo run --release --example bench_runtime [N…]` (default 1000 10000).

use std::time::Instant;

use assoc_playground::workload::OwnersWithPugs;

/// The median of `runs` timings of `run`, in milliseconds.
fn median_ms(runs: usize, mut run: impl FnMut(usize)) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|i| {
            let start = Instant::now();
            run(i);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

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
        let full = median_ms(5, |_| assert_eq!(workload.run_find(), owners));
        println!("native {owners}x5 {full:.2} ms");
        let point = median_ms(15, |i| assert_eq!(workload.run_point_find(i % 3), 5));
        println!("native-point {owners}x5 {point:.3} ms");
    }
}
