//! The link decoder on any fragment: an error or a state, never a panic, and what it
//! decodes encodes back to a link that decodes to the same state.
#![no_main]

use assoc_playground::share::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|fragment: &str| {
    if let Ok(Some(shared)) = decode(fragment) {
        assert_eq!(decode(&encode(&shared)), Ok(Some(shared)));
    }
});
