//! The snippet parser on any text: it never fails and never panics, and every
//! diagnostic's span lies inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|source: &str| {
    let (_program, diagnostics) = assoc_playground::syntax::parse(source);
    for diagnostic in diagnostics {
        assert!(diagnostic.start <= diagnostic.end && diagnostic.end <= source.len());
    }
});
