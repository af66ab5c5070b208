//! A packager generates shell completions and the man page.

use crate::common::TestEnv;

#[test]
fn completions_and_man_page_come_from_the_command_definitions() {
    let env = TestEnv::new();
    let (bash, _) = env.run(&["generate", "bash"], 0);
    assert!(
        bash.contains("fieldtrace") && bash.contains("identify"),
        "{bash}"
    );
    let (man, _) = env.run(&["generate", "man"], 0);
    assert!(man.contains(".TH fieldtrace"), "{man}");
    let out = env.home.path().join("completions");
    env.run(&["generate", "zsh", "--out", out.to_str().unwrap()], 0);
    assert!(out.join("_fieldtrace").exists());
}

#[test]
fn generate_is_hidden_from_help() {
    let env = TestEnv::new();
    let (help, _) = env.run(&["--help"], 0);
    assert!(
        help.contains("identify") && !help.contains("generate"),
        "{help}"
    );
}

#[test]
fn the_committed_coverage_table_is_current() {
    let env = TestEnv::new();
    let (page, _) = env.run(&["generate", "coverage"], 0);
    let committed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/reference-coverage.md"),
    )
    .unwrap_or_default();
    assert!(
        committed.replace("\r\n", "\n") == page,
        "docs/reference-coverage.md is stale: run `cargo run -- generate coverage --out docs`"
    );
    assert!(page.contains("## Models by ITI category"));
}
