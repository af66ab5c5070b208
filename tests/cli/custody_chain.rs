//! The chain of custody: appended, read, and verified against tampering underneath the tool.

use std::time::Duration;

use serde_json::Value;

use crate::common::TestEnv;

/// A register with three items and six custody events.
fn chain() -> TestEnv {
    let env = TestEnv::new();
    env.init();
    for _ in 0..3 {
        env.add_item(&["--date", "2026-03-14", "--event", "seized"]);
    }
    for (item, action, extra) in [
        ("1", "seized", vec!["--place", "Gao"]),
        ("2", "seized", vec![]),
        ("1", "transferred", vec!["--to", "Evidence store, Bamako"]),
        ("1", "stored", vec!["--place", "Shelf 4"]),
        ("3", "examined", vec!["--note", "test-fired"]),
        ("2", "destroyed", vec![]),
    ] {
        let mut args = vec!["custody", item, "--action", action];
        args.extend(extra);
        env.run(&args, 0);
    }
    env
}

fn problems(env: &TestEnv) -> Vec<(String, String)> {
    let result = env.json(&["custody", "verify"], 4);
    assert_eq!(result["valid"], false);
    result["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["kind"].as_str().unwrap().to_owned(),
                p["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn events_are_appended_logged_and_verified() {
    let env = chain();
    let log = env.json(&["custody", "log", "1"], 0);
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["seized", "transferred", "stored"]);
    assert_eq!(log[1]["to"], "Evidence store, Bamako");
    assert_eq!(log[0]["officer"], "A. Traoré");
    assert_eq!(log[0]["prev_hash"], "0".repeat(64));
    let result = env.json(&["custody", "verify"], 0);
    assert_eq!(result["valid"], true);
    assert_eq!(result["events"], 6);
    let (out, _) = env.run(&["custody", "verify"], 0);
    assert!(out.contains("Custody log intact: 6 events"), "{out}");
}

#[test]
fn bad_custody_input_is_refused_and_nothing_is_written() {
    let env = chain();
    let (_, err) = env.run(&["custody", "1", "--action", "lost-it"], 2);
    assert!(err.contains("action: 'lost-it' is not one of"), "{err}");
    let (_, err) = env.run(&["custody", "1", "--action", "transferred"], 2);
    assert!(err.contains("a transfer needs --to"), "{err}");
    let (_, err) = env.run(&["custody", "77", "--action", "stored"], 2);
    assert!(err.contains("no item '77'"), "{err}");
    env.run(&["custody", "1"], 2);
    assert_eq!(env.json(&["custody", "verify"], 0)["events"], 6);
}

#[test]
fn an_edited_event_is_named() {
    let env = chain();
    env.db()
        .execute("UPDATE custody SET place = 'Shelf 9' WHERE id = 4", [])
        .unwrap();
    let found = problems(&env);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "edited");
    assert!(found[0].1.contains("#4 (stored of item"), "{found:?}");
}

#[test]
fn a_deleted_event_is_named() {
    let env = chain();
    env.db()
        .execute("DELETE FROM custody WHERE id = 3", [])
        .unwrap();
    let found = problems(&env);
    assert_eq!(found[0].0, "deleted");
    assert!(found[0].1.contains("the event before #4"), "{found:?}");
}

#[test]
fn a_deleted_last_event_is_named() {
    let env = chain();
    env.db()
        .execute("DELETE FROM custody WHERE id = 6", [])
        .unwrap();
    let found = problems(&env);
    assert_eq!(found[0].0, "deleted");
    assert!(
        found[0]
            .1
            .contains("up to #6 were issued, #5 is the last left"),
        "{found:?}"
    );
}

#[test]
fn an_inserted_event_is_named() {
    let env = chain();
    let db = env.db();
    // Make room after event 2 and forge an event that links correctly to it.
    db.execute("UPDATE custody SET id = id + 10 WHERE id >= 3", [])
        .unwrap();
    let (item, prev): (i64, String) = db
        .query_row("SELECT item_id, hash FROM custody WHERE id = 2", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    db.execute(
        "INSERT INTO custody (id, item_id, action, at, station, unit, officer, prev_hash, hash)
         VALUES (3, ?1, 'returned', '2026-11-25T12:00:00Z', 'Post 3', 'Customs Bamako', 'X', ?2, 'forged')",
        rusqlite::params![item, prev],
    )
    .unwrap();
    let found = problems(&env);
    let kinds: Vec<&str> = found.iter().map(|(k, _)| k.as_str()).collect();
    assert!(kinds.contains(&"inserted"), "{found:?}");
    assert!(
        found
            .iter()
            .any(|(k, m)| k == "inserted" && m.contains("event #3 was inserted")),
        "{found:?}"
    );
}

#[test]
fn reordered_events_are_named() {
    let env = chain();
    let db = env.db();
    // Swap events 4 and 5 whole, hashes and all, keeping their ids.
    db.execute_batch(
        "UPDATE custody SET id = 100 WHERE id = 4;
         UPDATE custody SET id = 4 WHERE id = 5;
         UPDATE custody SET id = 5 WHERE id = 100;",
    )
    .unwrap();
    let found = problems(&env);
    assert_eq!(found[0].0, "reordered", "{found:?}");
    assert!(found[0].1.contains("#4 (examined of item"), "{found:?}");
}

#[test]
fn killing_writers_at_any_moment_leaves_a_sound_register() {
    let env = TestEnv::new();
    env.init();
    env.add_item(&["--date", "2026-03-14", "--event", "seized"]);
    let bin = assert_cmd::cargo::cargo_bin("fieldtrace");
    let mut completed = 0;
    for round in 0u64..40 {
        let mut child = std::process::Command::new(&bin)
            .args(["--home", env.home.path().to_str().unwrap()])
            .args(["custody", "1", "--action", "examined", "--note"])
            .arg(format!("round {round}"))
            .env("FIELDTRACE_NOW", crate::common::NOW)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over start-up, the transaction and the exit.
        std::thread::sleep(Duration::from_millis((round * 7) % 45));
        let _ = child.kill();
        if child.wait().unwrap().success() {
            completed += 1;
        }
    }
    let result: Value = env.json(&["custody", "verify"], 0);
    assert_eq!(result["valid"], true);
    let events = result["events"].as_i64().unwrap();
    assert!(
        events >= completed,
        "{events} events, {completed} runs completed"
    );
    let integrity: String = env
        .db()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    // The register still takes writes.
    env.run(&["custody", "1", "--action", "stored"], 0);
}

#[test]
fn an_event_typed_days_later_keeps_when_it_happened_beside_when_it_was_recorded() {
    let env = TestEnv::new();
    env.init();
    env.add_item(&["--date", "2026-03-14", "--event", "seized"]);
    let event = env.json(
        &[
            "custody",
            "1",
            "--action",
            "seized",
            "--at",
            "2026-03-14 09:30",
        ],
        0,
    );
    assert_eq!(event["occurred_at"], "2026-03-14T09:30:00Z");
    assert_eq!(event["at"], crate::common::NOW, "recorded by the clock");
    env.run(
        &["custody", "1", "--action", "stored", "--place", "Shelf 4"],
        0,
    );
    let log = env.json(&["custody", "log", "1"], 0);
    assert_eq!(log[0]["occurred_at"], "2026-03-14T09:30:00Z");
    assert_eq!(
        log[1]["occurred_at"], log[1]["at"],
        "no --at: it happened now"
    );
    let (text, _) = env.run(&["custody", "log", "1"], 0);
    assert!(
        text.contains("#1 2026-03-14T09:30:00Z seized by A. Traoré")
            && text.contains(&format!("recorded {}", crate::common::NOW)),
        "{text}"
    );
    let (shown, _) = env.run(&["item", "show", "1"], 0);
    assert!(shown.contains("2026-03-14T09:30:00Z seized"), "{shown}");
    let item = env.json(&["item", "show", "1"], 0);
    assert_eq!(item["custody"][0]["occurred_at"], "2026-03-14T09:30:00Z");
    // The time it happened is covered by the chain.
    env.json(&["custody", "verify"], 0);
    env.db()
        .execute(
            "UPDATE custody SET occurred_at = '2026-03-13T09:30:00Z' WHERE id = 1",
            [],
        )
        .unwrap();
    assert_eq!(problems(&env)[0].0, "edited");
}

#[test]
fn a_custody_time_in_the_future_is_refused_and_nothing_is_written() {
    let env = TestEnv::new();
    env.init();
    env.add_item(&["--date", "2026-03-14", "--event", "seized"]);
    // The project clock is 2026-11-25T12:00:00Z.
    for future in ["2026-11-25 12:30", "2026-12-01", "2027-01-01T00:00:00Z"] {
        let (_, err) = env.run(&["custody", "1", "--action", "stored", "--at", future], 2);
        assert!(
            err.contains("at:") && err.contains("in the future"),
            "{future}: {err}"
        );
    }
    let (_, err) = env.run(
        &["custody", "1", "--action", "stored", "--at", "last tuesday"],
        2,
    );
    assert!(err.contains("is not a date"), "{err}");
    assert_eq!(env.json(&["custody", "log", "1"], 0), serde_json::json!([]));
    env.run(
        &[
            "custody",
            "1",
            "--action",
            "stored",
            "--at",
            "2026-11-25 11:59",
        ],
        0,
    );
}

#[test]
fn a_chain_cut_at_the_station_shows_at_the_npc_against_the_head_it_received() {
    let peers = crate::tracing::Peers::new();
    let (station, npc) = (&peers.station, &peers.npc);
    let item = peers.rifle(false).to_string();
    for action in ["seized", "stored"] {
        station.run(&["custody", &item, "--action", action], 0);
    }
    peers.request(item.parse().unwrap(), &[]);
    let first = station.json(&["trace", "export", "1"], 0);
    let sent = npc.json(&["packet", "show", &peers.carry(&first)], 0);
    let head = &sent["manifest"]["body"]["items"][0]["chain"];
    assert_eq!(head["n"], 2, "{head}");
    let log = station.json(&["custody", "log", &item], 0);
    assert_eq!(head["h"], log[1]["hash"]);
    assert_eq!(
        head["item"],
        station.json(&["item", "show", &item], 0)["uuid"]
    );
    npc.json(&["inbox", "import", &peers.carry(&first)], 0);
    assert_eq!(npc.json(&["custody", "verify"], 0)["valid"], true);

    // The whole database rewritten: the last event gone, the sequence reset. The station's
    // own check sees it against the checkpoint its export signed (issue 18).
    let db = station.db();
    db.execute(
        "DELETE FROM custody WHERE id = (SELECT MAX(id) FROM custody)",
        [],
    )
    .unwrap();
    db.execute(
        "UPDATE sqlite_sequence SET seq = (SELECT MAX(id) FROM custody) WHERE name = 'custody'",
        [],
    )
    .unwrap();
    drop(db);
    let own = station.json(&["custody", "verify"], 4);
    assert_eq!(own["problems"][0]["kind"], "truncated", "{own}");

    // The next packet about the item carries the shorter chain: the NPC reports it.
    peers.request(item.parse().unwrap(), &[]);
    let second = station.json(&["trace", "export", "2"], 0);
    npc.json(&["inbox", "import", &peers.carry(&second)], 0);
    let verified = npc.json(&["custody", "verify"], 4);
    let problem = &verified["received_heads"][0];
    assert_eq!(problem["kind"], "truncated", "{verified}");
    assert_eq!(
        (
            problem["events"].as_u64(),
            problem["earlier_events"].as_u64()
        ),
        (Some(1), Some(2))
    );
    assert_eq!(problem["sender"], "Post 3");
    let (text, _) = npc.run(&["custody", "verify"], 4);
    assert!(text.contains("the chain was cut at the station"), "{text}");
}

/// A rifle with three custody events, the last of the whole chain, in a signed request in the
/// outbox (which carries its chain head).
pub(crate) fn anchored() -> crate::tracing::Peers {
    let peers = crate::tracing::Peers::new();
    let item = peers.rifle(false);
    let item_ref = item.to_string();
    for args in [
        vec!["--action", "seized", "--place", "Gao"],
        vec![
            "--action",
            "transferred",
            "--to",
            "Evidence store",
            "--place",
            "Bamako",
        ],
        vec!["--action", "stored", "--place", "Shelf 4"],
    ] {
        let mut all = vec!["custody", item_ref.as_str()];
        all.extend(args);
        peers.station.run(&all, 0);
    }
    peers.request(item, &[]);
    peers.station.json(&["trace", "export", "1"], 0);
    peers
}

/// Caught by the signed checkpoint the export wrote (plain `custody verify`), and, with the
/// checkpoint deleted as well, by the packets in the outbox.
fn verify_against(env: &TestEnv) -> Value {
    let result = env.json(&["custody", "verify"], 4);
    let mut by_checkpoint = kinds(&result);
    by_checkpoint.dedup();
    std::fs::remove_file(env.home.path().join("custody-checkpoint.json")).unwrap();
    let result = env.json(&["custody", "verify", "--against", "inbox"], 4);
    let mut by_packets = kinds(&result);
    assert_eq!(by_packets.remove(0), "checkpoint", "{result}");
    assert_eq!(by_checkpoint, by_packets, "{result}");
    result
}

fn kinds(result: &Value) -> Vec<String> {
    result["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap().to_owned())
        .collect()
}

/// The chain cut at its end, as someone hiding the last event would: the row and its number.
pub(crate) fn cut_the_last_event(db: &rusqlite::Connection) {
    db.execute(
        "DELETE FROM custody WHERE id = (SELECT max(id) FROM custody)",
        [],
    )
    .unwrap();
    db.execute(
        "UPDATE sqlite_sequence SET seq = seq - 1 WHERE name = 'custody'",
        [],
    )
    .unwrap();
}

#[test]
fn a_chain_cut_at_its_end_passes_alone_but_not_against_the_packets_it_was_sent_in() {
    let peers = anchored();
    let env = &peers.station;
    assert_eq!(
        env.json(&["custody", "verify", "--against", "inbox"], 0)["valid"],
        true
    );
    let db = env.db();
    cut_the_last_event(&db);
    let result = verify_against(env);
    assert_eq!(kinds(&result), ["checkpoint", "truncated"], "{result}");
    let (out, _) = env.run(&["custody", "verify", "--against", "inbox"], 4);
    assert!(
        out.contains("carried 3 custody events, the register holds 2"),
        "{out}"
    );
}

#[test]
fn an_edited_and_rehashed_chain_passes_alone_but_not_against_the_packets() {
    let peers = anchored();
    let env = &peers.station;
    let db = env.db();
    let events = fieldtrace::register::custody::log(&db, 1).unwrap();
    // The place of the transfer changed, and every hash from there on made again.
    let mut prev = events[0].hash.clone();
    for (i, event) in events.iter().enumerate().skip(1) {
        let mut event = event.clone();
        if i == 1 {
            event.place = Some("Kidal".into());
        }
        event.prev_hash = prev.clone();
        let hash = event.content_hash();
        db.execute(
            "UPDATE custody SET place = ?1, prev_hash = ?2, hash = ?3 WHERE id = ?4",
            rusqlite::params![event.place, event.prev_hash, hash, event.id],
        )
        .unwrap();
        prev = hash;
    }
    let result = verify_against(env);
    assert_eq!(kinds(&result), ["checkpoint", "rewritten"], "{result}");
}

#[test]
fn an_edited_serial_whose_change_rows_went_passes_alone_but_not_against_the_packets() {
    let peers = anchored();
    let env = &peers.station;
    let db = env.db();
    db.execute("UPDATE items SET serial = '5609999' WHERE id = 1", [])
        .unwrap();
    db.execute("DELETE FROM item_changes WHERE item_id = 1", [])
        .unwrap();
    let result = verify_against(env);
    assert_eq!(kinds(&result), ["checkpoint", "serial"], "{result}");
    let (out, _) = env.run(&["custody", "verify", "--against", "inbox"], 4);
    assert!(out.contains("serial '5609999' where"), "{out}");
}

#[test]
fn the_signed_checkpoint_of_an_export_cannot_be_edited_to_match() {
    let peers = anchored();
    let env = &peers.station;
    assert_eq!(env.json(&["custody", "verify"], 0)["valid"], true);
    let path = env.home.path().join("custody-checkpoint.json");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"events\": 3"), "{text}");
    std::fs::write(&path, text.replace("\"events\": 3", "\"events\": 2")).unwrap();
    let result = env.json(&["custody", "verify"], 4);
    assert_eq!(kinds(&result), ["checkpoint"], "{result}");
    assert!(
        result["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("is not signed by this station's key"),
        "{result}"
    );
}
