//! Every input a fuzzer found a crash with (`fuzz/regressions/<target>/`), and the minimised
//! corpora (`fuzz/corpus/<target>/`), replayed through the same library functions the fuzz
//! targets call (`fieldtrace::fuzzing`): none may panic.

use std::path::PathBuf;

type Target = fn(&[u8]);

const TARGETS: &[(&str, Target)] = &[
    ("log_reader", fieldtrace::fuzzing::log_reader),
    ("packet_archive", fieldtrace::fuzzing::packet_archive),
    ("manifest", fieldtrace::fuzzing::manifest),
    ("bcur", fieldtrace::fuzzing::bcur),
    ("exif", fieldtrace::fuzzing::exif),
    ("refdata", fieldtrace::fuzzing::refdata),
    ("mark_decoder", fieldtrace::fuzzing::mark_decoder),
];

fn replay(folder: &str) -> usize {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(folder);
    let mut replayed = 0;
    for (target, run) in TARGETS {
        let Ok(files) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for file in files {
            let path = file.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| run(&bytes));
            assert!(outcome.is_ok(), "{target}: {} panics", path.display());
            replayed += 1;
        }
    }
    replayed
}

#[test]
fn inputs_the_fuzzers_crashed_on_are_handled() {
    assert!(replay("regressions") > 0, "no regression inputs found");
}

#[test]
fn the_fuzz_corpora_are_handled() {
    assert!(replay("corpus") > 0, "no corpus found");
}
