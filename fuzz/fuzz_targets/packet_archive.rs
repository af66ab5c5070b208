#![no_main]
//! The packet archive reader (a tar from outside), then the manifest it carries.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fieldtrace::fuzzing::packet_archive(data);
});
