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

/// A command's own options come first; the ones every command takes (`--home`, `--json`, ...)
/// follow them, instead of being shuffled in among them.
#[test]
fn a_commands_help_lists_its_own_options_before_the_global_ones() {
    let env = TestEnv::new();
    let (help, _) = env.run(&["item", "add", "--help"], 0);
    let at = |flag: &str| {
        help.find(&format!("\n      {flag}"))
            .unwrap_or_else(|| panic!("{flag}: {help}"))
    };
    for own in ["--record-id", "--event", "--from-identify"] {
        for global in ["--home", "--json", "--no-input", "--lang"] {
            assert!(at(own) < at(global), "{own} after {global}:\n{help}");
        }
    }
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
