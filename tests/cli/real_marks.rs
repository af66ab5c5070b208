//! Decoding and identification pinned on real marks. Each test names the sources the library
//! cites for the entry (`fieldtrace ref show ID` prints them in full); if a correction to the
//! data changes a reading, the test says which published evidence to look at again.

use serde_json::Value;

use crate::common::{TestEnv, candidate_ids, match_ids};

fn readings(env: &TestEnv, mark: &str) -> Value {
    env.json(&["decode", mark], 0)
}

fn first_reading(env: &TestEnv, mark: &str) -> Value {
    readings(env, mark)["matches"][0].clone()
}

/// Museums Victoria item 388898 (Type 56 rifle): factory 66 in a triangle.
#[test]
fn chinese_state_factory_66() {
    let env = TestEnv::new();
    let r = first_reading(&env, "/66\\");
    assert_eq!(r["marking_id"], "cn-66-triangle");
    assert_eq!(r["confidence"], "high");
}

/// Collezionare ex Ordinanza (Bulgarian AK) and makarov.ch: 10 in a double circle, Arsenal.
#[test]
fn bulgarian_arsenal_10_in_a_double_circle() {
    let env = TestEnv::new();
    let decoded = readings(&env, "10 in a double circle");
    assert!(
        decoded["matches"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["country"] == "BG")
    );
    assert!(match_ids(&decoded).contains(&"bg-10-double-circle".to_owned()));
}

/// RBTH (Izhevsk arrow in a triangle) and ranyy.com (Cugir): one symbol, two factories.
#[test]
fn arrow_in_a_triangle_is_izhevsk_or_cugir() {
    let env = TestEnv::new();
    let ids = match_ids(&readings(&env, "arrow in a triangle"));
    assert_eq!(
        ids[..2],
        ["su-izhevsk-arrow-triangle", "ro-cugir-arrow-triangle"]
    );
}

/// The Firing Line 5.56 headstamp guide, IAA forum, The Gun Zone: LC is Lake City.
#[test]
fn lake_city_headstamp_with_its_year() {
    let env = TestEnv::new();
    let r = first_reading(&env, "LC 09");
    assert_eq!(r["marking_id"], "hs-us-lc");
    assert_eq!(r["year"], 2009);
}

/// Silesian Museum (7.62x25 headstamps), Cartridge Collector: 539 is the Tula cartridge plant.
#[test]
fn soviet_cartridge_plant_539() {
    let env = TestEnv::new();
    let r = first_reading(&env, "539");
    assert_eq!(r["marking_id"], "hs-su-539");
    assert_eq!(r["kind"], "headstamp");
}

/// Museums Victoria item 388898 and the Type 56 article: 五六式 / 56式 on the receiver.
#[test]
fn type_56_designation_in_chinese() {
    let env = TestEnv::new();
    let ids = match_ids(&readings(&env, "五六式"));
    assert!(ids.contains(&"cn-wu-liu-shi".to_owned()), "{ids:?}");
}

/// US Army FM 3-22.9: SAFE / SEMI / BURST selector of the M16A2 and M4.
#[test]
fn m16a2_selector_markings() {
    let env = TestEnv::new();
    let r = first_reading(&env, "SAFE SEMI BURST");
    assert_eq!(r["marking_id"], "us-m16-selector-safe-semi-burst");
}

/// UNODA PoA-ISS (Serbia 2007) and Reuters (2015 trace): M70 stamped on Zastava rifles.
#[test]
fn zastava_m70_identified_from_its_stamp() {
    let env = TestEnv::new();
    let result = env.json(
        &[
            "identify",
            "--no-input",
            "--marking",
            "M70",
            "--calibre",
            "7.62x39",
        ],
        0,
    );
    let ids = candidate_ids(&result);
    assert!(ids[..2].contains(&"m70".to_owned()), "{ids:?}");
    assert!(match_ids(&result["markings"][0]).contains(&"rs-m70-designation".to_owned()));
}

/// ATF 1974 letter on FAL markings (gseriesfal.com): FAL. cal. 7.62 on FN rifles.
#[test]
fn fn_fal_calibre_stamp() {
    let env = TestEnv::new();
    let result = env.json(
        &["identify", "--no-input", "--marking", "FAL. cal. 7.62"],
        0,
    );
    assert_eq!(result["candidates"][0]["family"], "fal");
}

/// CIMEC record of an SG-43: Soviet year stamps end in Г (год).
#[test]
fn soviet_year_stamp() {
    let env = TestEnv::new();
    let r = first_reading(&env, "1944Г");
    assert_eq!(r["marking_id"], "su-year-g-suffix");
    assert_eq!(r["year"], 1944);
}

/// Browning blog and Proefbankstempels.nl: ELG in an oval is the Liège proof house.
#[test]
fn liege_proof_mark() {
    let env = TestEnv::new();
    assert_eq!(first_reading(&env, "ELG in an oval")["country"], "BE");
}

/// wiki.condition.de: PTB in a circle marks a blank-firing gun; one that fires bullets was
/// converted.
#[test]
fn ptb_circle_means_a_blank_firing_gun() {
    let env = TestEnv::new();
    let r = first_reading(&env, "PTB in a circle");
    assert_eq!(r["marking_id"], "de-ptb-circle-blank-approval");
    assert_eq!(r["country"], "DE");
}
