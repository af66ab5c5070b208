//! A temporary home, a fixed clock and helpers to run the real binary.

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub struct TestEnv {
    pub home: TempDir,
}

/// The time every test runs at.
pub const NOW: &str = "2026-11-25T12:00:00Z";

/// The passphrase of every station's keys in the tests (`FIELDTRACE_PASSPHRASE`).
pub const PASSPHRASE: &str = "correct horse battery staple";

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv {
            home: tempfile::tempdir().unwrap(),
        }
    }

    /// `fieldtrace --home <tmp> ARGS`, with a fixed clock, no colour and no terminal.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("fieldtrace").unwrap();
        cmd.arg("--home")
            .arg(self.home.path())
            .args(args)
            .env("FIELDTRACE_NOW", NOW)
            .env("NO_COLOR", "1")
            .env("FIELDTRACE_PASSPHRASE", PASSPHRASE)
            .env("FIELDTRACE_AGE_WORK_FACTOR", "10")
            .env_remove("FIELDTRACE_HOME")
            // English unless a test asks for another language: not the machine's locale.
            .env_remove("FIELDTRACE_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        cmd
    }

    /// Runs with `--json`, expects `code`, and parses stdout.
    pub fn json(&self, args: &[&str], code: i32) -> Value {
        let out = self
            .cmd(args)
            .arg("--json")
            .assert()
            .code(code)
            .get_output()
            .clone();
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{args:?}: not JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }

    /// Runs, expects `code`, returns (stdout, stderr).
    pub fn run(&self, args: &[&str], code: i32) -> (String, String) {
        let out = self.cmd(args).assert().code(code).get_output().clone();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Gives the station its identity, as an officer does once.
    pub fn init(&self) -> &TestEnv {
        self.run(
            &[
                "init",
                "--name",
                "Post 3",
                "--unit",
                "Customs Bamako",
                "--officer",
                "A. Traoré",
            ],
            0,
        );
        self
    }

    /// Adds an item and returns its number.
    pub fn add_item(&self, args: &[&str]) -> i64 {
        let mut all = vec!["item", "add"];
        all.extend_from_slice(args);
        self.json(&all, 0)["id"].as_i64().unwrap()
    }

    /// The register database, for looking underneath the tool.
    pub fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.home.path().join("register.sqlite3")).unwrap()
    }

    pub fn write_bytes(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.home.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_string_lossy().into_owned()
    }

    pub fn write(&self, name: &str, text: &str) -> String {
        let path = self.home.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    }
}

/// The marking ids of one decoded input.
pub fn match_ids(decoded: &Value) -> Vec<String> {
    decoded["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["marking_id"].as_str().unwrap().to_owned())
        .collect()
}

pub fn candidate_ids(identified: &Value) -> Vec<String> {
    identified["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["model_id"].as_str().unwrap().to_owned())
        .collect()
}
