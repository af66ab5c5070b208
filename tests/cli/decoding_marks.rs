//! An officer reads a mark off a weapon or a cartridge and asks what it says.

use serde_json::Value;

use crate::common::{TestEnv, match_ids};

fn decode(env: &TestEnv, input: &str) -> Value {
    env.json(&["decode", input], 0)
}

#[test]
fn a_chinese_factory_mark_decodes_however_it_is_written() {
    let env = TestEnv::new();
    for written in ["66 in a triangle", "/66\\", "triangle 66"] {
        let decoded = decode(&env, written);
        assert_eq!(decoded["input"], written);
        let first = &decoded["matches"][0];
        assert_eq!(
            first["marking_id"], "cn-66-triangle",
            "{written}: {decoded}"
        );
        assert_eq!(first["country"], "CN");
        assert_eq!(first["kind"], "factory-code");
        for key in ["meaning", "manufacturer", "confidence"] {
            assert!(first.get(key).is_some(), "missing {key}");
        }
    }
}

#[test]
fn the_bulgarian_double_circle_decodes() {
    let env = TestEnv::new();
    for written in ["10 in a double circle", "((10))"] {
        let decoded = decode(&env, written);
        assert_eq!(decoded["matches"][0]["country"], "BG", "{decoded}");
    }
}

#[test]
fn an_arrow_in_a_triangle_gives_both_factories_that_use_it() {
    let env = TestEnv::new();
    let decoded = decode(&env, "arrow in triangle");
    let countries: Vec<&str> = decoded["matches"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["country"].as_str())
        .collect();
    assert!(
        countries.contains(&"SU") || countries.contains(&"RU"),
        "{decoded}"
    );
    assert!(countries.contains(&"RO"), "{decoded}");
}

#[test]
fn chinese_characters_decode_as_printed() {
    let env = TestEnv::new();
    let decoded = decode(&env, "56式");
    assert!(
        match_ids(&decoded)
            .iter()
            .any(|id| id.contains("type-56") || id.starts_with("cn-")),
        "{decoded}"
    );
}

#[test]
fn a_headstamp_gives_plant_and_year() {
    let env = TestEnv::new();
    let decoded = decode(&env, "LC 78");
    let lc = decoded["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "headstamp")
        .unwrap();
    assert_eq!(lc["country"], "US");
    assert_eq!(lc["year"], 1978);
}

#[test]
fn calibres_normalise() {
    let env = TestEnv::new();
    for (written, canonical) in [
        ("7,62 x 39", "calibre:7.62x39mm"),
        ("7.62×39", "calibre:7.62x39mm"),
        ("M43", "calibre:7.62x39mm"),
        ("9mm Parabellum", "calibre:9x19mm"),
        ("9mm Luger", "calibre:9x19mm"),
    ] {
        let decoded = decode(&env, written);
        assert!(
            match_ids(&decoded).contains(&canonical.to_owned()),
            "{written}: {decoded}"
        );
    }
}

#[test]
fn several_marks_give_one_json_document_each() {
    let env = TestEnv::new();
    let out = env
        .cmd(&["--json", "decode", "((10))", "LC 78"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let docs: Vec<Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["input"], "LC 78");
}

#[test]
fn a_mark_that_matches_nothing_says_so_with_near_spellings() {
    let env = TestEnv::new();
    let (_, err) = env.run(&["decode", "Zastavvvaa"], 1);
    assert!(err.contains("no reading for 'Zastavvvaa'"), "{err}");
    assert!(err.contains("did you mean"), "{err}");
    let decoded = env.json(&["decode", "qqzzx"], 1);
    assert_eq!(decoded["matches"], Value::Array(vec![]));
}

#[test]
fn some_marks_unread_exit_3_and_the_rest_are_decoded() {
    let env = TestEnv::new();
    let (out, err) = env.run(&["decode", "((10))", "qqzzx"], 3);
    assert!(out.contains("((10))"), "{out}");
    assert!(err.contains("no reading for 'qqzzx'"), "{err}");
}

#[test]
fn a_misspelt_maker_is_read_as_the_maker_at_reduced_confidence() {
    let env = TestEnv::new();
    let decoded = env.json(&["decode", "Zastawa"], 0);
    let first = &decoded["matches"][0];
    assert_eq!(first["manufacturer"], "rs-zastava");
    assert_eq!(first["match"], "partial");
    assert_eq!(first["note"], "read as 'Zastava' (typed 'Zastawa')");
}

#[test]
fn a_whole_line_is_read_mark_by_mark_with_what_was_not_understood() {
    let env = TestEnv::new();
    let decoded = env.json(&["decode", "GLOCK 17 AUSTRIA 9x19 QQZX"], 0);
    let spans: Vec<(String, String)> = decoded["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["marking_id"].as_str().unwrap().to_owned(),
                r["span"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert!(
        spans.contains(&("model:glock-17".into(), "GLOCK 17".into())),
        "{spans:?}"
    );
    // AUSTRIA as Glock stamps it, or as a country named: either way, the country.
    assert!(
        decoded["matches"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["span"] == "AUSTRIA" && r["country"] == "AT"),
        "{spans:?}"
    );
    assert!(
        spans.contains(&("calibre:9x19mm".into(), "9x19".into())),
        "{spans:?}"
    );
    assert_eq!(decoded["not_understood"], serde_json::json!(["QQZX"]));
}

#[test]
fn misspelt_letters_are_read_but_never_misspelt_numbers() {
    let env = TestEnv::new();
    let decoded = env.json(&["decode", "Glok 19"], 0);
    let first = &decoded["matches"][0];
    assert_eq!(first["marking_id"], "model:glock-19");
    assert_eq!(first["match"], "partial");
    assert_eq!(first["note"], "read as 'Glock 19' (typed 'Glok 19')");
}

#[test]
fn a_chinese_designation_reads_as_its_type_number() {
    let env = TestEnv::new();
    let decoded = env.json(&["decode", "六九式"], 0);
    let first = &decoded["matches"][0];
    assert_eq!(first["marking_id"], "model:type-69-rpg");
    assert_eq!(first["note"], "式 means 'Type': read as 'Type 69'");
}

#[test]
fn a_headstamp_with_an_unrecorded_year_says_so_and_reads_the_whole_line() {
    let env = TestEnv::new();
    let decoded = env.json(&["decode", "WCC 68"], 0);
    let first = &decoded["matches"][0];
    assert_eq!(first["marking_id"], "hs-us-wcc");
    assert_eq!(first["match"], "partial");
    assert!(
        first["note"]
            .as_str()
            .unwrap()
            .contains("'68' may be a year"),
        "{first}"
    );
    assert!(decoded.get("not_understood").is_none(), "{decoded}");
}

#[test]
fn a_calibre_written_for_several_gives_each_as_a_partial_reading() {
    let env = TestEnv::new();
    let decoded = env.json(&["decode", "9mm"], 0);
    let ids: Vec<&str> = decoded["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["marking_id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"calibre:9x19mm") && ids.contains(&"calibre:9x18mm"),
        "{ids:?}"
    );
    assert!(
        decoded["matches"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["match"] == "partial")
    );
    // A calibre in brackets in a model's name is no name of the model.
    assert!(!ids.iter().any(|id| id.starts_with("model:")), "{ids:?}");
}
