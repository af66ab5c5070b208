//! The README's tour, run as a newcomer runs it: every shell command of every `sh` block
//! between "## A tour" and "## Exit codes", in order, against the built binary on the PATH, in
//! a fresh folder holding the repository's `examples/` and `reference-data/`, with a temporary
//! home. Each must succeed, so the tour stays true.
//!
//! Left out, and said so: the lines that need a terminal (commented `# on a terminal`), and the
//! section on checking a packet by hand with the standard tools (the packets journey runs
//! those against real packets), and the one on running a hub (the hub journeys run those).

use std::path::Path;
use std::process::Command;

use crate::common::{NOW, PASSPHRASE};

const README: &str = include_str!("../../README.md");

/// Sections of the tour whose commands are not run here: the hub's serves until stopped and
/// installs PostgreSQL (the hub journeys, `hub_loop`, run the same commands).
const NOT_RUN: &[&str] = &["How an NPC checks a packet by hand", "Run a national hub"];

/// `(section, command)` for every command of the tour, continuation lines joined.
fn tour() -> Vec<(String, String)> {
    let start = README.find("\n## A tour").expect("the README has a tour");
    let end = README[start..]
        .find("\n## Exit codes")
        .map_or(README.len(), |e| start + e);
    let mut commands = Vec::new();
    let mut section = String::new();
    let mut in_sh = false;
    let mut pending = String::new();
    for line in README[start..end].lines() {
        if let Some(title) = line.strip_prefix("### ") {
            section = title.trim().to_owned();
            continue;
        }
        if line.trim_start().starts_with("```") {
            in_sh = !in_sh && line.trim() == "```sh";
            continue;
        }
        if !in_sh || NOT_RUN.iter().any(|s| section.starts_with(s)) {
            continue;
        }
        if let Some(head) = line.strip_suffix('\\') {
            pending.push_str(head);
            pending.push(' ');
            continue;
        }
        let command = format!("{pending}{line}");
        pending.clear();
        let trimmed = command.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.contains("# on a terminal") {
            continue;
        }
        commands.push((section.clone(), trimmed.to_owned()));
    }
    commands
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn the_quick_start_keeps_its_two_commands() {
    let block = README
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .unwrap();
    assert_eq!(
        block.lines().collect::<Vec<_>>(),
        [
            "cargo run -- identify --no-input --answers examples/type56-answers.toml",
            "cargo test --locked"
        ]
    );
}

#[test]
fn the_readme_says_how_to_get_the_binary_and_links_inside_the_repository() {
    assert!(
        README.contains("cargo install --path ."),
        "how to put fieldtrace on the PATH"
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for link in README.split("](").skip(1) {
        let target = link.split(')').next().unwrap();
        if target.starts_with("http") || target.starts_with('#') {
            continue;
        }
        assert!(
            root.join(target).exists(),
            "README links to {target}, which is not in the repository"
        );
    }
}

#[test]
fn every_command_of_the_tour_runs_as_written() {
    let commands = tour();
    assert!(commands.len() > 40, "the tour was not found: {commands:?}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root.join("examples"), &dir.path().join("examples"));
    copy_dir(
        &root.join("reference-data"),
        &dir.path().join("reference-data"),
    );
    let binary = assert_cmd::cargo::cargo_bin("fieldtrace");
    let bin_dir = binary.parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let home = dir.path().join("home");
    for (section, command) in &commands {
        let out = Command::new("sh")
            .arg("-c")
            .arg(command)
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("FIELDTRACE_HOME", &home)
            .env("FIELDTRACE_NOW", NOW)
            .env("FIELDTRACE_PASSPHRASE", PASSPHRASE)
            .env("FIELDTRACE_AGE_WORK_FACTOR", "10")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "README, {section}: `{command}` exited {:?}\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The story the tour tells came true: the request by QR was completed by its photo,
    // answered, and the answer is back at the station.
    let json = |args: &[&str]| -> serde_json::Value {
        let out = Command::new(&binary)
            .args(args)
            .arg("--json")
            .current_dir(dir.path())
            .env("FIELDTRACE_HOME", &home)
            .env("FIELDTRACE_NOW", NOW)
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let npc = json(&["--home", "npc", "inbox", "list"]);
    let request = &npc["received"][0];
    assert_eq!(request["kind"], "trace-request", "{npc}");
    assert_eq!(
        request["attachments_pending"],
        serde_json::json!([]),
        "{npc}"
    );
    let sent = json(&["trace", "list"]);
    assert_eq!(sent[0]["status"], "answered", "{sent}");
}
