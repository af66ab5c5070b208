//! The guided identification, driven from an answers file: the same engine and question loop
//! an officer meets at the terminal.

use crate::common::{TestEnv, candidate_ids};

#[test]
fn the_wizard_asks_the_most_telling_questions_and_lands_on_one_variant() {
    let env = TestEnv::new();
    let answers = env.write(
        "answers.toml",
        "type = \"assault-rifle\"\ncalibre = \"7.62x39\"\nmarkings = [\"66 in a triangle\"]\nstock = \"underfolding\"\n",
    );
    let result = env.json(&["identify", "--answers", &answers], 0);
    let asked: Vec<&str> = result["asked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["field"].as_str().unwrap())
        .collect();
    assert!(asked.contains(&"stock"), "{asked:?}");
    assert_eq!(candidate_ids(&result)[0], "type-56-1");
    assert!(result["question"].is_null(), "{}", result["question"]);
}

#[test]
fn dont_know_and_obliterated_marks_are_accepted() {
    let env = TestEnv::new();
    let answers = env.write(
        "answers.toml",
        "type = \"assault-rifle\"\ncalibre = \"dont-know\"\nmarkings = \"obliterated\"\n",
    );
    let result = env.json(&["identify", "--answers", &answers], 0);
    let asked = result["asked"].as_array().unwrap();
    assert!(
        asked
            .iter()
            .any(|a| a["field"] == "markings" && a["answer"] == "obliterated"),
        "{asked:?}"
    );
    let uncertain: Vec<&str> = result["uncertain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap())
        .collect();
    assert!(
        uncertain.iter().any(|u| u.contains("marks obliterated")),
        "{uncertain:?}"
    );
    assert!(!result["photos"].as_array().unwrap().is_empty());
}

#[test]
fn the_wizard_summary_prints_the_answers_for_a_person() {
    let env = TestEnv::new();
    let answers = env.write(
        "answers.toml",
        "type = \"assault-rifle\"\ncalibre = \"7.62x39\"\n",
    );
    let (out, _) = env.run(&["identify", "--answers", &answers], 0);
    assert!(out.starts_with("Answers"), "{out}");
    assert!(out.contains("Candidates, best first"), "{out}");
}

#[test]
fn a_malformed_answers_file_is_refused_naming_what_is_wrong() {
    let env = TestEnv::new();
    let cases = [
        (
            "stok = \"fixed\"",
            "'stok': no such question; did you mean stock?",
        ),
        ("stock = \"wooden\"", "unknown stock 'wooden'"),
        ("stock = [", "TOML parse error"),
        ("calibre = \"7.62x40\"", "unknown calibre '7.62x40'"),
    ];
    for (text, expected) in cases {
        let answers = env.write("bad.toml", text);
        let (out, err) = env.run(&["identify", "--answers", &answers], 2);
        assert!(
            err.contains("bad.toml") && err.contains(expected),
            "{text}: {err}"
        );
        assert!(out.is_empty(), "nothing is printed on stdout: {out}");
    }
    let (_, err) = env.run(&["identify", "--answers", "/no/such/answers.toml"], 1);
    assert!(
        err.contains("cannot read the answers file /no/such/answers.toml"),
        "{err}"
    );
}

#[test]
fn a_script_drives_the_wizard_one_question_at_a_time_with_dont_know() {
    let env = TestEnv::new();
    let mut args: Vec<String> = [
        "identify",
        "--no-input",
        "--marking",
        "66 in a triangle",
        "--marking",
        "56式",
    ]
    .map(String::from)
    .to_vec();
    let mut asked = Vec::new();
    for _ in 0..16 {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let assessment = env.json(&refs, 0);
        let Some(field) = assessment["question"]["field"].as_str() else {
            break;
        };
        assert!(!asked.contains(&field.to_owned()), "asked twice: {field}");
        asked.push(field.to_owned());
        args.extend(["--dont-know".to_owned(), field.to_owned()]);
    }
    // The stock alone separates the Type 56 from the Type 56-1: it must be asked.
    assert!(asked.contains(&"stock".to_owned()), "{asked:?}");
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(env.json(&refs, 0)["question"], serde_json::Value::Null);
}

#[test]
fn an_unknown_dont_know_field_is_refused_with_the_nearest_one() {
    let env = TestEnv::new();
    let (_, err) = env.run(
        &[
            "identify",
            "--no-input",
            "--marking",
            "AKM",
            "--dont-know",
            "stok",
        ],
        2,
    );
    assert!(err.contains("stok") && err.contains("stock"), "{err}");
}

#[test]
fn some_marks_obliterated_and_others_legible_are_both_taken() {
    let env = TestEnv::new();
    let out = env.json(
        &[
            "identify",
            "--no-input",
            "--marking",
            "star",
            "--marks-obliterated",
        ],
        0,
    );
    let uncertain = out["uncertain"].to_string();
    assert!(uncertain.contains("some marks obliterated"), "{uncertain}");
    assert_eq!(out["markings"][0]["input"], "star");
}
