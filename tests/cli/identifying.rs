//! An officer identifies a weapon from the facts at hand, with flags, for a script or a form.

use serde_json::Value;

use crate::common::{TestEnv, candidate_ids};

#[test]
fn calibre_and_a_factory_mark_put_the_chinese_kalashnikovs_first_with_reasons() {
    let env = TestEnv::new();
    let result = env.json(
        &[
            "identify",
            "--no-input",
            "--calibre",
            "7,62 x 39",
            "--marking",
            "66 in a triangle",
        ],
        0,
    );
    let first = &result["candidates"][0];
    for key in [
        "model_id",
        "name",
        "family",
        "type",
        "calibres",
        "countries",
        "manufacturers",
        "score",
        "reasons",
    ] {
        assert!(first.get(key).is_some(), "missing {key}: {first}");
    }
    assert_eq!(first["family"], "kalashnikov");
    assert_eq!(first["countries"], serde_json::json!(["CN"]));
    let reasons: Vec<&str> = first["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(
        reasons.contains(&"+ calibre 7.62x39mm matches"),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("mark '66 in a triangle' = State Factory 66")),
        "{reasons:?}"
    );
    // The marks and the candidates' order are there for a tool to read.
    assert_eq!(result["markings"][0]["input"], "66 in a triangle");
    assert_eq!(
        result["markings"][0]["matches"][0]["marking_id"],
        "cn-66-triangle"
    );
    let question = &result["question"];
    assert!(
        question.is_null() || question["field"].is_string(),
        "{question}"
    );
}

#[test]
fn the_family_is_a_valid_answer_when_the_variant_cannot_be_told() {
    let env = TestEnv::new();
    let result = env.json(
        &[
            "identify",
            "--no-input",
            "--type",
            "assault rifle",
            "--calibre",
            "M43",
        ],
        0,
    );
    let ids = candidate_ids(&result);
    assert_eq!(ids[0], "kalashnikov-pattern", "{ids:?}");
    assert!(
        result["candidates"][0]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r
                .as_str()
                .unwrap()
                .contains("the variant is not established"))
    );
    // AK-47, AKM and the country copies stay distinct candidates.
    assert!(ids.len() > 3, "{ids:?}");
}

#[test]
fn a_model_name_read_off_the_weapon_counts() {
    let env = TestEnv::new();
    let result = env.json(&["identify", "--no-input", "--marking", "M70"], 0);
    let ids = candidate_ids(&result);
    assert!(ids.iter().take(2).any(|id| id == "m70"), "{ids:?}");
}

#[test]
fn a_partial_serial_is_kept_as_read_and_an_obliterated_one_is_flagged() {
    let env = TestEnv::new();
    let result = env.json(
        &[
            "identify",
            "--no-input",
            "--calibre",
            "7.62x39",
            "--serial",
            "12??56",
        ],
        0,
    );
    assert_eq!(result["serial"]["input"], "12??56");
    assert_eq!(result["serial"]["status"], "partial");
    assert_eq!(result["serial"]["legible"], "1256");

    let result = env.json(
        &[
            "identify",
            "--no-input",
            "--calibre",
            "7.62x39",
            "--serial",
            "obliterated",
        ],
        0,
    );
    assert_eq!(result["serial"]["status"], "obliterated");
    let uncertain: Vec<&str> = result["uncertain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap())
        .collect();
    assert!(
        uncertain.iter().any(|u| u.contains("serial obliterated")),
        "{uncertain:?}"
    );
}

#[test]
fn a_craft_pistol_is_identified_by_features_with_low_confidence_and_a_flag() {
    let env = TestEnv::new();
    let result = env.json(
        &[
            "identify",
            "--no-input",
            "--type",
            "pistol",
            "--marks-obliterated",
            "--feature",
            "finish=crude",
        ],
        0,
    );
    let first = &result["candidates"][0];
    assert!(
        first["flags"]
            .as_array()
            .unwrap()
            .contains(&Value::from("craft")),
        "{first}"
    );
    assert_eq!(first["confidence"], "low");
}

#[test]
fn features_can_be_given_as_words() {
    let env = TestEnv::new();
    let by_key = env.json(
        &[
            "identify",
            "--no-input",
            "--calibre",
            "7.62x39",
            "--feature",
            "receiver=milled",
        ],
        0,
    );
    let by_words = env.json(
        &[
            "identify",
            "--no-input",
            "--calibre",
            "7.62x39",
            "--feature",
            "milled receiver",
        ],
        0,
    );
    assert_eq!(candidate_ids(&by_key), candidate_ids(&by_words));
}

#[test]
fn human_output_lists_candidates_marks_uncertainty_and_photos() {
    let env = TestEnv::new();
    let (out, _) = env.run(
        &[
            "identify",
            "--no-input",
            "--marking",
            "((10))",
            "--calibre",
            "7.62x39",
        ],
        0,
    );
    for heading in [
        "Candidates, best first",
        "Marks",
        "Still uncertain",
        "Photos to take",
    ] {
        assert!(out.contains(heading), "missing {heading}:\n{out}");
    }
    assert!(out.contains("Bulgaria"), "{out}");
}

#[test]
fn bad_facts_are_usage_errors_that_name_them() {
    let env = TestEnv::new();
    let cases: &[(&[&str], &str)] = &[
        (
            &["--type", "rilfe"],
            "unknown type 'rilfe' (did you mean 'rifle'",
        ),
        (
            &["--calibre", "7.62x40"],
            "unknown calibre '7.62x40' (did you mean",
        ),
        (
            &["--feature", "stok=fixed"],
            "unknown feature 'stok' (did you mean 'stock'",
        ),
        (&["--feature", "stock=wooden"], "unknown stock 'wooden'"),
        (&["--country", "Atlantis"], "unknown country 'Atlantis'"),
    ];
    for (args, expected) in cases {
        let mut all = vec!["identify", "--no-input"];
        all.extend_from_slice(args);
        let (_, err) = env.run(&all, 2);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
}

#[test]
fn no_facts_and_no_terminal_is_a_usage_error() {
    let env = TestEnv::new();
    let (_, err) = env.run(&["identify", "--no-input"], 2);
    assert!(err.contains("no facts given"), "{err}");
}

#[test]
fn a_calibre_written_for_several_narrows_the_field_instead_of_failing() {
    let env = TestEnv::new();
    let out = env.json(
        &[
            "identify",
            "--no-input",
            "--type",
            "pistol",
            "--calibre",
            "9mm",
            "--marking",
            "Makarov",
        ],
        0,
    );
    assert_eq!(out["candidates"][0]["family"], "makarov");
    let reasons = out["candidates"][0]["reasons"].to_string();
    assert!(reasons.contains("calibre one of"), "{reasons}");
    // Where one calibre is wanted, the question comes back with the choices.
    let (_, err) = env.run(&["ref", "search", "rifle", "--calibre", "7.62"], 2);
    assert!(
        err.contains("7.62x39mm") && err.contains("7.62x51mm"),
        "{err}"
    );
}
