//! An officer looks things up in the reference library.

use crate::common::TestEnv;

#[test]
fn stats_report_every_table_with_version_and_hash() {
    let env = TestEnv::new();
    let stats = env.json(&["ref", "stats"], 0);
    for key in [
        "models",
        "markings",
        "manufacturers",
        "calibres",
        "headstamps",
        "countries",
        "sources",
    ] {
        assert!(stats[key].as_u64().unwrap() > 0, "{key} is empty: {stats}");
    }
    assert!(stats["countries"].as_u64().unwrap() >= 40);
    let sha = stats["sha256"].as_str().unwrap();
    assert_eq!(sha.len(), 64);
    assert!(sha.chars().all(|c| c.is_ascii_hexdigit()));
    assert!(!stats["data_version"].as_str().unwrap().is_empty());
}

#[test]
fn search_finds_a_model_by_name_and_narrows_by_type_calibre_and_country() {
    let env = TestEnv::new();
    let found = env.json(&["ref", "search", "Type 56"], 0);
    let ids: Vec<&str> = found["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"type-56"), "{ids:?}");

    let narrowed = env.json(
        &[
            "ref",
            "search",
            "Type 56",
            "--type",
            "carbine",
            "--calibre",
            "7,62 x 39",
            "--country",
            "China",
        ],
        0,
    );
    for hit in narrowed["results"].as_array().unwrap() {
        assert_eq!(hit["kind"], "model", "{hit}");
    }
    assert!(
        narrowed["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "type-56-carbine")
    );
}

#[test]
fn search_reads_cyrillic_and_chinese_as_printed() {
    let env = TestEnv::new();
    let found = env.json(&["ref", "search", "56式"], 0);
    assert!(!found["results"].as_array().unwrap().is_empty(), "{found}");
}

#[test]
fn show_gives_an_entry_with_its_sources() {
    let env = TestEnv::new();
    let entry = env.json(&["ref", "show", "cn-66-triangle"], 0);
    assert_eq!(entry["kind"], "marking");
    assert_eq!(entry["entry"]["country"], "CN");
    let sources = entry["sources"].as_array().unwrap();
    assert!(!sources.is_empty());
    assert!(
        sources
            .iter()
            .all(|s| s["url"].is_string() || s["reference"].is_string())
    );

    let (text, _) = env.run(&["ref", "show", "CN"], 0);
    assert!(text.contains("China") && text.contains("Chine"), "{text}");
    assert!(text.contains("Sources"), "{text}");
}

#[test]
fn an_unknown_id_is_an_error_with_suggestions() {
    let env = TestEnv::new();
    let (_, err) = env.run(&["ref", "show", "type-65"], 1);
    assert!(
        err.contains("no reference entry with id 'type-65'"),
        "{err}"
    );
    assert!(err.contains("did you mean"), "{err}");
}

#[test]
fn bad_search_input_is_a_usage_error_naming_it() {
    let env = TestEnv::new();
    let (_, err) = env.run(&["ref", "search", "  "], 2);
    assert!(err.contains("search query is empty"), "{err}");
    let (_, err) = env.run(&["ref", "search", "rifle", "--type", "asault-rifle"], 2);
    assert!(
        err.contains("unknown type 'asault-rifle'") && err.contains("'assault-rifle'"),
        "{err}"
    );
    let (_, err) = env.run(&["ref", "search", "rifle", "--calibre", "7.62x40"], 2);
    assert!(err.contains("unknown calibre '7.62x40'"), "{err}");
    let (_, err) = env.run(&["ref", "search", "rifle", "--country", "Atlantis"], 2);
    assert!(err.contains("unknown country 'Atlantis'"), "{err}");
}

#[test]
fn a_search_with_no_hit_says_so_and_exits_1() {
    let env = TestEnv::new();
    let (out, _) = env.run(&["ref", "search", "qqqqzzzz"], 1);
    assert!(
        out.contains("Nothing in the library matches 'qqqqzzzz'"),
        "{out}"
    );
}
