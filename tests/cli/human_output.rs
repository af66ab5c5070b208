//! What a person reads, pinned with snapshots (`cargo insta review` after a deliberate change).

use crate::common::TestEnv;

#[test]
fn a_country_entry_with_its_names_and_source() {
    let env = TestEnv::new();
    let (out, _) = env.run(&["ref", "show", "SU"], 0);
    insta::assert_snapshot!("ref_show_su", out);
}

#[test]
fn french_names_on_request() {
    let env = TestEnv::new();
    let (out, _) = env.run(&["--lang", "fr", "decode", "arrow in triangle"], 0);
    assert!(
        out.contains("Union des républiques socialistes soviétiques"),
        "{out}"
    );
    assert!(out.contains("Roumanie"), "{out}");
}

#[test]
fn an_ambiguous_mark_reads_every_way() {
    let env = TestEnv::new();
    let (out, _) = env.run(&["decode", "arrow in triangle"], 0);
    insta::assert_snapshot!("decode_arrow_in_triangle", out);
}

#[test]
fn the_wizard_summary() {
    let env = TestEnv::new();
    let answers = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/type56-answers.toml");
    let (out, _) = env.run(&["identify", "--answers", answers], 0);
    insta::assert_snapshot!("identify_type56_answers", out);
}

/// Output with the temporary folders named by role, so snapshots do not depend on them.
fn redacted(text: &str, dirs: &[(&std::path::Path, &str)]) -> String {
    let mut text = text.to_owned();
    for (dir, name) in dirs {
        let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        for form in [real.display().to_string(), dir.display().to_string()] {
            text = text.replace(&form, name);
        }
    }
    text
}

#[test]
fn the_errors_a_person_meets_say_what_to_do() {
    let env = TestEnv::new();
    let (_, err) = env.run(
        &["item", "add", "--date", "2026-03-14", "--event", "seized"],
        2,
    );
    insta::assert_snapshot!("error_no_station", err);
    let (_, err) = env.run(&["sync", "--to", "/nonexistent/stick"], 2);
    insta::assert_snapshot!("error_sync_not_a_folder", err);
    env.init();
    let (_, err) = env.run(&["item", "show", "42"], 2);
    insta::assert_snapshot!("error_unknown_item", err);
    let (_, err) = env.run(&["inbox", "list"], 0);
    assert!(err.is_empty(), "{err}");
    let (_, err) = env.run(&["inbox", "import", "/nonexistent/packet.ftpkt"], 2);
    insta::assert_snapshot!("error_no_keys", err);
    env.run(&["keys", "init", "--no-input"], 0);
    let (_, err) = env.run(&["inbox", "import", "/nonexistent/packet.ftpkt"], 1);
    assert!(
        err.starts_with("error: cannot read /nonexistent/packet.ftpkt"),
        "an unreadable packet file is a failure, not a usage error: {err}"
    );
}

#[test]
fn the_loop_as_a_person_reads_it() {
    let peers = crate::tracing::Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    let item = peers.rifle(false);
    peers.request(item, &[]);
    let (out, _) = station.run(&["trace", "list"], 0);
    insta::assert_snapshot!("trace_list_draft", out);
    station.run(&["trace", "export", "1"], 0);
    let stick = tempfile::tempdir().unwrap();
    let dir = stick.path().to_str().unwrap();
    let (out, _) = station.run(&["sync", "--to", dir], 0);
    insta::assert_snapshot!("sync_sends", redacted(&out, &[(stick.path(), "[STICK]")]));
    let (out, _) = npc.run(&["inbox", "import", dir], 0);
    insta::assert_snapshot!("inbox_import_request", out);
    let (out, _) = npc.run(&["inbox", "import", dir], 0);
    insta::assert_snapshot!("inbox_import_again", out);
    let (out, _) = npc.run(&["sync", "--to", dir], 0);
    insta::assert_snapshot!(
        "sync_acknowledges",
        redacted(&out, &[(stick.path(), "[STICK]")])
    );
    let (out, _) = station.run(&["sync", "--to", dir], 0);
    insta::assert_snapshot!(
        "sync_receives",
        redacted(&out, &[(stick.path(), "[STICK]")])
    );
    let (out, _) = station.run(&["trace", "list"], 0);
    insta::assert_snapshot!("trace_list_acknowledged", out);
}

#[test]
fn a_bad_clock_or_config_says_how_to_fix_it() {
    let env = TestEnv::new();
    let out = env
        .cmd(&["item", "list"])
        .env("FIELDTRACE_NOW", "yesterday")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("hint: FIELDTRACE_NOW takes an RFC 3339 time"),
        "{err}"
    );
    env.write("config.toml", "station = [");
    let (_, err) = env.run(
        &["item", "add", "--date", "2026-03-14", "--event", "seized"],
        1,
    );
    assert!(err.contains("config.toml"), "{err}");
    assert!(err.contains("hint: fix "), "{err}");
}
