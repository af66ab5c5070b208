#![no_main]
//! The seizure-log reader with a column map: `MAP.toml \n%%\n LOG.csv`, or a log alone
//! (read with the template, or the built-in maps by its first byte).
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fieldtrace::fuzzing::log_reader(data);
});
