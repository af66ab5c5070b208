#![no_main]
//! The strict manifest parser (JSON without duplicate keys, then the schema).
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fieldtrace::fuzzing::manifest(data);
});
