//! How often `decode`, `identify` and the wizard get real marks and weapons right.
//!
//! The cases live in `tests/accuracy/cases.toml`, each with the public document it comes from.
//! The figures are printed with `cargo test --test cli accuracy -- --nocapture`; the test
//! fails below 95% right, or when the wizard needs a median of more than five questions.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use crate::common::TestEnv;

#[derive(Debug, Deserialize)]
struct Cases {
    decode: Vec<DecodeCase>,
    identify: Vec<IdentifyCase>,
    wizard: Vec<WizardCase>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DecodeCase {
    input: String,
    #[serde(default)]
    first: Option<String>,
    #[serde(default)]
    expect: Vec<String>,
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentifyCase {
    args: Vec<String>,
    expect: Vec<String>,
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WizardCase {
    answers: toml::Table,
    expect: Vec<String>,
    source: String,
}

fn cases() -> Cases {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/accuracy/cases.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    toml::from_str(&text).unwrap()
}

/// Model id -> family, from the embedded library.
fn families() -> BTreeMap<String, String> {
    let refdata = fieldtrace::refdata::RefData::open_embedded().unwrap();
    refdata
        .catalog()
        .unwrap()
        .models
        .into_iter()
        .map(|m| (m.id, m.family))
        .collect()
}

/// Whether one decoded reading satisfies `want` (`country=CN`, `model=akm`, ...).
fn reading_fits(reading: &Value, want: &str, families: &BTreeMap<String, String>) -> bool {
    let Some((key, value)) = want.split_once('=') else {
        panic!("malformed expectation '{want}'");
    };
    let text = |field: &str| reading[field].as_str().unwrap_or_default().to_owned();
    let models: Vec<String> = reading["models"]
        .as_array()
        .map(|m| {
            m.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    match key {
        "model" => models.iter().any(|m| m == value),
        "family" => models
            .iter()
            .any(|m| families.get(m).is_some_and(|f| f == value)),
        "manufacturer" => text("manufacturer") == value,
        "country" => {
            text("country") == value
                || reading["countries"]
                    .as_array()
                    .is_some_and(|c| c.iter().any(|v| v == value))
        }
        "calibre" => text("marking_id") == format!("calibre:{value}"),
        "year" => reading["year"].as_i64().map(|y| y.to_string()).as_deref() == Some(value),
        "id" => text("marking_id") == value,
        other => panic!("unknown expectation key '{other}'"),
    }
}

fn decode_verdict(
    case: &DecodeCase,
    decoded: &Value,
    families: &BTreeMap<String, String>,
) -> Result<(), String> {
    let readings = decoded["matches"].as_array().cloned().unwrap_or_default();
    if let Some(first) = &case.first
        && !readings
            .first()
            .is_some_and(|r| reading_fits(r, first, families))
    {
        return Err(format!(
            "first reading is not {first}: {}",
            summary(&readings)
        ));
    }
    for want in &case.expect {
        if !readings.iter().any(|r| reading_fits(r, want, families)) {
            return Err(format!("no reading with {want}: {}", summary(&readings)));
        }
    }
    Ok(())
}

fn summary(readings: &[Value]) -> String {
    let ids: Vec<&str> = readings
        .iter()
        .take(5)
        .filter_map(|r| r["marking_id"].as_str())
        .collect();
    if ids.is_empty() {
        "no reading".into()
    } else {
        ids.join(", ")
    }
}

/// Whether the leading candidate of an assessment satisfies `want`.
fn leader_fits(assessment: &Value, want: &str) -> Result<(), String> {
    let leader = &assessment["candidates"][0];
    let id = leader["model_id"].as_str().unwrap_or("none");
    let ok = match want.split_once('=') {
        Some(("model", value)) => id == value,
        Some(("family", value)) => leader["family"] == value,
        Some(("country", value)) => leader["countries"]
            .as_array()
            .is_some_and(|c| c.iter().any(|v| v == value)),
        None if want == "no-country" => {
            leader["countries"].as_array().is_some_and(|c| c.is_empty())
        }
        None if want == "no_match" => assessment["no_match"] == true,
        _ => panic!("unknown expectation '{want}'"),
    };
    if ok {
        Ok(())
    } else {
        let names: Vec<&str> = assessment["candidates"]
            .as_array()
            .map(|c| {
                c.iter()
                    .take(3)
                    .filter_map(|c| c["model_id"].as_str())
                    .collect()
            })
            .unwrap_or_default();
        Err(format!("leader is not {want}: {}", names.join(", ")))
    }
}

fn identify_json(env: &TestEnv, args: &[&str]) -> Value {
    let out = env
        .cmd(&[&["identify", "--no-input", "--json"], args].concat())
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn accuracy_on_real_marks_and_weapons_is_at_least_95_percent() {
    let cases = cases();
    let families = families();
    let env = TestEnv::new();
    let mut failures: Vec<String> = Vec::new();

    // Every decode case in one run of the binary: one JSON document per input, in order.
    let inputs: Vec<&str> = cases.decode.iter().map(|c| c.input.as_str()).collect();
    let out = env
        .cmd(&[&["decode", "--json"], inputs.as_slice()].concat())
        .output()
        .unwrap();
    let documents: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(documents.len(), cases.decode.len());
    for (case, decoded) in cases.decode.iter().zip(&documents) {
        assert!(!case.source.trim().is_empty(), "{}: no source", case.input);
        if let Err(why) = decode_verdict(case, decoded, &families) {
            failures.push(format!("decode '{}': {why}", case.input));
        }
    }

    for case in &cases.identify {
        assert!(!case.source.trim().is_empty());
        let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
        let assessment = identify_json(&env, &args);
        for want in &case.expect {
            if let Err(why) = leader_fits(&assessment, want) {
                failures.push(format!("identify {args:?}: {why}"));
            }
        }
    }

    let mut questions: Vec<usize> = Vec::new();
    for (n, case) in cases.wizard.iter().enumerate() {
        assert!(!case.source.trim().is_empty());
        let file = env.write(&format!("wizard-{n}.toml"), &case.answers.to_string());
        let outcome = identify_json(&env, &["--answers", &file]);
        let asked = outcome["asked"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|e| {
                        e["field"] != "serial" && e["prompt"] != "(given without being asked)"
                    })
                    .count()
            })
            .unwrap_or(0);
        questions.push(asked);
        for want in &case.expect {
            if let Err(why) = leader_fits(&outcome, want) {
                failures.push(format!("wizard {}: {why}", case.answers));
            }
        }
    }
    questions.sort_unstable();
    let median = questions.get(questions.len() / 2).copied().unwrap_or(0);

    let total = cases.decode.len() + cases.identify.len() + cases.wizard.len();
    let right = total - failures.len();
    let share = 100.0 * right as f64 / total as f64;
    let report = format!(
        "identification accuracy: {right}/{total} right ({share:.1}%): decode {} cases, \
         identify {}, wizard {} (median {median} questions)\n{}",
        cases.decode.len(),
        cases.identify.len(),
        cases.wizard.len(),
        failures.join("\n")
    );
    println!("{report}");
    assert!(share >= 95.0, "{report}");
    assert!(median <= 5, "{report}");
}
