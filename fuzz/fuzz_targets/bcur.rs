#![no_main]
//! The BC-UR assembler: one scanned part per line, then the payload decoder.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fieldtrace::fuzzing::bcur(data);
});
