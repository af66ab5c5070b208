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
