#![no_main]
//! The mark decoder, against the embedded library.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fieldtrace::fuzzing::mark_decoder(data);
});
