#![no_main]
//! The EXIF reader and the photo check (format, dimensions, decoding under the limits).
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fieldtrace::fuzzing::exif(data);
});
