#![no_main]
//! The reference-data loader: one TOML file, parsed and validated like reference-data/.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fieldtrace::fuzzing::refdata(data);
});
