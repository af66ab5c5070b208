//! The chain of custody: append-only events, each chained by hash to the one before it.
//!
//! An event's hash is the SHA-256 of its canonical JSON (RFC 8785), which includes the hash of
//! the event before it. `verify` recomputes every hash and walks every link, and names what
//! was edited, deleted, inserted or moved.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use i18n_embed_fl::fl;

use super::{RegisterError, Station};
use crate::i18n::{Lang, Said, said_in};

pub const ACTIONS: &[&str] = crate::vocab::CustodyAction::NAMES;

/// The `prev_hash` of the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One custody event.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: i64,
    pub item: String,
    pub action: String,
    /// When the event was recorded (the station's clock).
    pub at: String,
    /// When it happened (`custody --at`); the time it was recorded when not given.
    pub occurred_at: String,
    pub station: String,
    pub unit: String,
    pub officer: String,
    pub to: Option<String>,
    pub place: Option<String>,
    pub note: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// What is hashed: everything the event says, and the link to the one before.
#[derive(Serialize)]
struct Hashed<'a> {
    item: &'a str,
    action: &'a str,
    at: &'a str,
    /// Only when it differs from `at`: events recorded before `--at` existed keep their hash.
    #[serde(skip_serializing_if = "Option::is_none")]
    occurred_at: Option<&'a str>,
    station: &'a str,
    unit: &'a str,
    officer: &'a str,
    to: Option<&'a str>,
    place: Option<&'a str>,
    note: Option<&'a str>,
    prev_hash: &'a str,
}

impl Event {
    /// The SHA-256 its contents and link make (what `hash` must be).
    pub fn content_hash(&self) -> String {
        let hashed = Hashed {
            item: &self.item,
            action: &self.action,
            at: &self.at,
            occurred_at: (self.occurred_at != self.at).then_some(self.occurred_at.as_str()),
            station: &self.station,
            unit: &self.unit,
            officer: &self.officer,
            to: self.to.as_deref(),
            place: self.place.as_deref(),
            note: self.note.as_deref(),
            prev_hash: &self.prev_hash,
        };
        let canonical = serde_json_canonicalizer::to_vec(&hashed).unwrap_or_default();
        crate::fs::sha256_hex(&canonical)
    }

    /// `#12 (seized of item 3 at ...)`, in `lang`.
    fn describe(&self, lang: &Lang) -> String {
        let action = crate::i18n::word_in(lang, "custody", &self.action);
        fl!(
            crate::i18n::loader_of(lang),
            "custody-problem-event",
            id = self.id,
            action = action,
            item = self.item.as_str(),
            at = self.occurred_at.as_str()
        )
    }
}

/// A new event for an item.
#[derive(Debug, Clone, Default)]
pub struct NewEvent {
    pub action: String,
    pub to: Option<String>,
    pub place: Option<String>,
    pub note: Option<String>,
    /// When it happened, as typed (`2026-03-14 09:30`); now when not given.
    pub occurred_at: Option<String>,
}

/// When an event happened, from what was typed: `YYYY-MM-DD`, optionally with a time (`T` or
/// a space, minutes or seconds; UTC unless an offset is given), or `DD/MM/YYYY`. A moment after
/// `now` (the project clock, `YYYY-MM-DDTHH:MM:SSZ`) is refused.
pub fn parse_occurred(value: &str, now: &str) -> Result<String, RegisterError> {
    let today = chrono::DateTime::parse_from_rfc3339(now)
        .map(|t| t.date_naive())
        .map_err(|e| {
            RegisterError::invalid(
                "at",
                crate::t!("custody-bad-clock", now = now, error = e.to_string()),
            )
        })?;
    let parsed = super::item::parse_date(value, today).map_err(|e| match e {
        RegisterError::Invalid { reason, .. } => RegisterError::invalid("at", reason),
        other => other,
    })?;
    let moment = if parsed.len() == 10 {
        format!("{parsed}T00:00:00Z")
    } else {
        format!("{parsed}Z")
    };
    if moment.as_str() > now {
        return Err(RegisterError::invalid(
            "at",
            crate::t!("custody-at-future", value = value.trim(), now = now),
        ));
    }
    Ok(moment)
}

/// Appends an event, linked to the last event of the whole log.
pub fn append(
    tx: &Connection,
    item: i64,
    new: &NewEvent,
    station: &Station,
    now: &str,
) -> Result<Event, RegisterError> {
    let action = crate::vocab::read_word("custody", &new.action, ACTIONS)
        .map_err(|e| RegisterError::invalid("action", e.to_string()))?;
    if action == "transferred" && new.to.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err(RegisterError::invalid(
            "to",
            crate::t!("custody-transfer-needs-to"),
        ));
    }
    let occurred_at = match &new.occurred_at {
        Some(typed) => parse_occurred(typed, now)?,
        None => now.to_owned(),
    };
    let uuid: String =
        tx.query_row("SELECT uuid FROM items WHERE id = ?1", [item], |r| r.get(0))?;
    let prev_hash: String = tx
        .query_row(
            "SELECT hash FROM custody ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| GENESIS.to_owned());
    let mut event = Event {
        id: 0,
        item: uuid,
        action: action.to_owned(),
        at: now.to_owned(),
        occurred_at,
        station: station.name.clone(),
        unit: station.unit.clone(),
        officer: station.officer.clone(),
        to: new.to.clone().filter(|s| !s.trim().is_empty()),
        place: new.place.clone().filter(|s| !s.trim().is_empty()),
        note: new.note.clone().filter(|s| !s.trim().is_empty()),
        prev_hash,
        hash: String::new(),
    };
    event.hash = event.content_hash();
    tx.execute(
        "INSERT INTO custody (item_id, action, at, station, unit, officer, to_party, place, note,
                              prev_hash, hash, occurred_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            item,
            event.action,
            event.at,
            event.station,
            event.unit,
            event.officer,
            event.to,
            event.place,
            event.note,
            event.prev_hash,
            event.hash,
            event.occurred_at
        ],
    )?;
    event.id = tx.last_insert_rowid();
    Ok(event)
}

fn read_events(conn: &Connection, item: Option<i64>) -> Result<Vec<Event>, RegisterError> {
    let mut stmt = conn.prepare(
        "SELECT c.id, i.uuid, c.action, c.at, c.station, c.unit, c.officer, c.to_party, c.place,
                c.note, c.prev_hash, c.hash, coalesce(c.occurred_at, c.at)
         FROM custody c JOIN items i ON i.id = c.item_id
         WHERE ?1 IS NULL OR c.item_id = ?1 ORDER BY c.id",
    )?;
    let events = stmt
        .query_map([item], |r| {
            Ok(Event {
                id: r.get(0)?,
                item: r.get(1)?,
                action: r.get(2)?,
                at: r.get(3)?,
                station: r.get(4)?,
                unit: r.get(5)?,
                officer: r.get(6)?,
                to: r.get(7)?,
                place: r.get(8)?,
                note: r.get(9)?,
                prev_hash: r.get(10)?,
                hash: r.get(11)?,
                occurred_at: r.get(12)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(events)
}

/// An item's events, oldest first.
pub fn log(conn: &Connection, item: i64) -> Result<Vec<Event>, RegisterError> {
    read_events(conn, Some(item))
}

/// Something wrong in the chain.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    /// The event where it shows.
    pub event: i64,
    /// edited, deleted, inserted, reordered
    pub kind: &'static str,
    /// In the officer's language on the terminal, in English in `--json`.
    pub message: Said,
}

#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    pub events: usize,
    pub valid: bool,
    pub head: String,
    pub problems: Vec<Problem>,
    /// Chain heads received from other stations that went back or diverged.
    pub received_heads: Vec<HeadProblem>,
}

/// A custody chain head received with a packet about an item (`trace::ChainHead`).
#[derive(Debug, Clone)]
pub struct ReceivedHead<'a> {
    pub sender_key_id: &'a str,
    pub sender_name: &'a str,
    pub item_uuid: &'a str,
    pub events: u64,
    pub hash: &'a str,
    pub packet_id: &'a str,
    pub received_at: &'a str,
}

/// Keeps a received head, for `custody verify` to compare with the next.
pub fn record_received_head(tx: &Connection, head: &ReceivedHead<'_>) -> Result<(), RegisterError> {
    tx.execute(
        "INSERT INTO custody_heads_received (sender_key_id, sender_name, item_uuid, events, hash,
                                             packet_id, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            head.sender_key_id,
            head.sender_name,
            head.item_uuid,
            i64::try_from(head.events).unwrap_or(i64::MAX),
            head.hash,
            head.packet_id,
            head.received_at
        ],
    )?;
    Ok(())
}

/// A later head that contradicts an earlier one for the same item from the same station.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct HeadProblem {
    /// truncated (fewer events than before) or diverged (another hash at the same count)
    pub kind: &'static str,
    pub sender: String,
    pub item: String,
    pub packet_id: String,
    pub events: u64,
    pub hash: String,
    pub earlier_packet_id: String,
    pub earlier_events: u64,
    pub earlier_hash: String,
    pub message: Said,
}

/// Every received head compared with those received before it for the same item and sender.
pub fn received_head_problems(conn: &Connection) -> Result<Vec<HeadProblem>, RegisterError> {
    let mut stmt = conn.prepare(
        "SELECT sender_key_id, sender_name, item_uuid, events, hash, packet_id
         FROM custody_heads_received ORDER BY id",
    )?;
    type Row = (String, String, String, i64, String, String);
    let rows: Vec<Row> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    // Per (sender, item): the heads seen so far, by event count.
    let mut seen: BTreeMap<(String, String), BTreeMap<u64, (String, String)>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (key_id, sender, item, events, hash, packet_id) in rows {
        let events = u64::try_from(events).unwrap_or(0);
        let heads = seen.entry((key_id, item.clone())).or_default();
        let problem = |kind,
                       earlier_events: u64,
                       (earlier_hash, earlier_packet): &(String, String),
                       message: Said| HeadProblem {
            kind,
            sender: sender.clone(),
            item: item.clone(),
            packet_id: packet_id.clone(),
            events,
            hash: hash.clone(),
            earlier_packet_id: earlier_packet.clone(),
            earlier_events,
            earlier_hash: earlier_hash.clone(),
            message,
        };
        if let Some((&most, earlier)) = heads.iter().next_back()
            && most > events
        {
            problems.push(problem(
                "truncated",
                most,
                earlier,
                crate::said!(
                    "custody-problem-head-cut",
                    item = item.as_str(),
                    sender = sender.as_str(),
                    packet = packet_id.as_str(),
                    events = events,
                    earlier = earlier.1.as_str(),
                    most = most
                ),
            ));
        } else if let Some(earlier) = heads.get(&events)
            && earlier.0 != hash
        {
            problems.push(problem(
                "diverged",
                events,
                earlier,
                crate::said!(
                    "custody-problem-head-diverged",
                    item = item.as_str(),
                    sender = sender.as_str(),
                    packet = packet_id.as_str(),
                    events = events,
                    hash = hash.as_str(),
                    earlier = earlier.1.as_str(),
                    earlier_hash = earlier.0.as_str()
                ),
            ));
        }
        heads.entry(events).or_insert((hash, packet_id));
    }
    Ok(problems)
}

/// Checks the whole log: every hash against its content, every link against the event before.
pub fn verify(conn: &Connection) -> Result<Verification, RegisterError> {
    let events = read_events(conn, None)?;
    let mut problems = Vec::new();
    let position: BTreeMap<&str, usize> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.hash.as_str(), i))
        .collect();
    for (i, event) in events.iter().enumerate() {
        if event.content_hash() != event.hash {
            problems.push(Problem {
                event: event.id,
                kind: "edited",
                message: crate::said!(|l| "custody-problem-edited", event = event.describe(l)),
            });
        }
        let expected = if i == 0 {
            GENESIS
        } else {
            events[i - 1].hash.as_str()
        };
        if event.prev_hash == expected {
            continue;
        }
        let problem = match position.get(event.prev_hash.as_str()) {
            Some(&j) if j > i => Problem {
                event: event.id,
                kind: "reordered",
                message: crate::said!(
                    |l| "custody-problem-out-of-order",
                    event = event.describe(l),
                    after = events[j].id
                ),
            },
            Some(&j) => {
                let between: Vec<String> = events[j + 1..i]
                    .iter()
                    .map(|e| format!("#{}", e.id))
                    .collect();
                Problem {
                    event: events[i - 1].id,
                    kind: "inserted",
                    message: crate::said!(
                        "custody-problem-inserted",
                        count = between.len(),
                        events = between.join(", "),
                        id = event.id,
                        follows = events[j].id
                    ),
                }
            }
            None if event.prev_hash == GENESIS => Problem {
                event: event.id,
                kind: "reordered",
                message: crate::said!(|l| "custody-problem-not-first", event = event.describe(l)),
            },
            None => Problem {
                event: event.id,
                kind: "deleted",
                message: crate::said!(
                    |l| "custody-problem-missing-before",
                    event = event.describe(l)
                ),
            },
        };
        problems.push(problem);
    }
    // AUTOINCREMENT remembers the highest id handed out: a deleted last event leaves a gap.
    let issued: Option<i64> = conn
        .query_row(
            "SELECT seq FROM sqlite_sequence WHERE name = 'custody'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let last = events.last().map_or(0, |e| e.id);
    if let Some(issued) = issued.filter(|n| *n > last) {
        problems.push(Problem {
            event: issued,
            kind: "deleted",
            message: crate::said!("custody-problem-last-deleted", issued = issued, last = last),
        });
    }
    let received_heads = received_head_problems(conn)?;
    Ok(Verification {
        events: events.len(),
        valid: problems.is_empty() && received_heads.is_empty(),
        received_heads,
        head: events
            .last()
            .map_or_else(|| GENESIS.to_owned(), |e| e.hash.clone()),
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::Register;

    #[test]
    fn a_received_head_that_goes_back_or_diverges_is_reported() {
        let home = tempfile::tempdir().unwrap();
        let mut register = Register::open(home.path()).unwrap();
        let (a, b, c) = ("a".repeat(64), "b".repeat(64), "c".repeat(64));
        let heads = [
            ("item-1", 2, a.as_str(), "p1"),
            ("item-1", 3, b.as_str(), "p2"),
            ("item-2", 1, a.as_str(), "p3"),
            ("item-1", 3, c.as_str(), "p4"),
            ("item-1", 2, a.as_str(), "p5"),
            ("item-2", 1, a.as_str(), "p6"),
        ];
        register
            .write(|tx| {
                for (item, events, hash, packet) in heads {
                    record_received_head(
                        tx,
                        &ReceivedHead {
                            sender_key_id: "K",
                            sender_name: "Post 3",
                            item_uuid: item,
                            events,
                            hash,
                            packet_id: packet,
                            received_at: "2026-11-25T12:00:00Z",
                        },
                    )?;
                }
                Ok(())
            })
            .unwrap();
        let problems = received_head_problems(register.conn()).unwrap();
        let found: Vec<(&str, &str, u64, u64)> = problems
            .iter()
            .map(|p| (p.kind, p.packet_id.as_str(), p.events, p.earlier_events))
            .collect();
        assert_eq!(found, [("diverged", "p4", 3, 3), ("truncated", "p5", 2, 3)]);
        assert!(problems[1].message.contains("the chain was cut"));
        assert!(!verify(register.conn()).unwrap().valid);
    }
}

/// A custody chain head a packet carried about one of our items (`trace::anchor`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarriedHead {
    /// The packet file it came in (or the checkpoint), as a problem names it.
    pub packet: Said,
    /// The item's UUID.
    pub item: String,
    pub events: u64,
    pub hash: String,
    /// The item's serial as the packet gave it.
    pub serial: Option<String>,
}

/// Where the register departs from the chain heads packets carried: `truncated` (fewer events
/// for the item than the packet said), `rewritten` (another event at that count), `serial`
/// (another serial than the packet's, and no change of it recorded), `missing` (the item is
/// gone). Heads about items this register never held are another station's and are skipped.
pub fn compare_with_carried(
    conn: &Connection,
    carried: &[CarriedHead],
) -> Result<Vec<Problem>, RegisterError> {
    let mut problems = Vec::new();
    for head in carried {
        let item: Option<(i64, Option<String>)> = conn
            .query_row(
                "SELECT id, serial FROM items WHERE uuid = ?1",
                [&head.item],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((id, serial)) = item else {
            // Ours if our own events ever named it (a deleted item leaves its uuid nowhere
            // else): only a head whose hash is in our chain is known to be ours.
            let ours: bool = conn
                .query_row(
                    "SELECT 1 FROM custody WHERE hash = ?1",
                    [&head.hash],
                    |_| Ok(true),
                )
                .optional()?
                .unwrap_or(false);
            if ours {
                problems.push(Problem {
                    event: 0,
                    kind: "missing",
                    message: crate::said!(
                        |l| "custody-problem-item-gone",
                        item = head.item.as_str(),
                        packet = said_in(&head.packet, l)
                    ),
                });
            }
            continue;
        };
        let events = read_events(conn, Some(id))?;
        let held = u64::try_from(events.len()).unwrap_or(u64::MAX);
        let short_hash = &head.hash[..head.hash.len().min(12)];
        let at_count = usize::try_from(head.events)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| events.get(i));
        match at_count {
            _ if head.events == 0 => {}
            None => problems.push(Problem {
                event: events.last().map_or(0, |e| e.id),
                kind: "truncated",
                message: crate::said!(
                    |l| "custody-problem-item-cut",
                    id = id,
                    packet = said_in(&head.packet, l),
                    events = head.events,
                    held = held
                ),
            }),
            Some(event) if event.hash != head.hash => problems.push(Problem {
                event: event.id,
                kind: "rewritten",
                message: crate::said!(
                    |l| "custody-problem-item-rewritten",
                    id = id,
                    events = head.events,
                    packet = said_in(&head.packet, l),
                    hash = short_hash
                ),
            }),
            Some(_) => {}
        }
        let (then, now) = (head.serial.as_deref(), serial.as_deref());
        if then.is_some() && then != now {
            let recorded: bool = conn
                .query_row(
                    "SELECT 1 FROM item_changes WHERE item_id = ?1 AND field = 'serial'
                         AND new_value IS ?2 LIMIT 1",
                    rusqlite::params![id, now],
                    |_| Ok(true),
                )
                .optional()?
                .unwrap_or(false);
            if !recorded {
                problems.push(Problem {
                    event: 0,
                    kind: "serial",
                    message: crate::said!(
                        |l| "custody-problem-serial",
                        id = id,
                        now = now.unwrap_or(""),
                        packet = said_in(&head.packet, l),
                        then = then.unwrap_or("")
                    ),
                });
            }
        }
    }
    Ok(problems)
}

/// Every item's custody chain head and serial, and the whole chain's: what the signed local
/// checkpoint (`trace::anchor`) keeps.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    pub at: String,
    /// Events in the whole chain, and the hash of the last.
    pub events: u64,
    pub head: String,
    pub items: Vec<CheckpointItem>,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CheckpointItem {
    pub item: String,
    pub n: u64,
    pub h: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sn: Option<String>,
}

/// The register's chain heads now.
pub fn checkpoint(conn: &Connection, at: &str) -> Result<Checkpoint, RegisterError> {
    let (events, head): (i64, Option<String>) = conn.query_row(
        "SELECT count(*), (SELECT hash FROM custody ORDER BY id DESC LIMIT 1) FROM custody",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut stmt = conn.prepare(
        "SELECT i.uuid, i.serial, count(c.id),
                (SELECT hash FROM custody WHERE item_id = i.id ORDER BY id DESC LIMIT 1)
         FROM items i LEFT JOIN custody c ON c.item_id = i.id GROUP BY i.id ORDER BY i.id",
    )?;
    let items = stmt
        .query_map([], |r| {
            Ok(CheckpointItem {
                item: r.get(0)?,
                sn: r.get(1)?,
                n: u64::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                h: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Checkpoint {
        at: at.to_owned(),
        events: u64::try_from(events).unwrap_or(0),
        head: head.unwrap_or_default(),
        items,
    })
}

/// Where the register departs from a checkpoint: the whole chain cut or rewritten, and each
/// item as `compare_with_carried` finds it.
pub fn compare_with_checkpoint(
    conn: &Connection,
    checkpoint: &Checkpoint,
) -> Result<Vec<Problem>, RegisterError> {
    let name = crate::said!("custody-the-checkpoint", at = checkpoint.at.as_str());
    let mut problems = Vec::new();
    let events = read_events(conn, None)?;
    let at_count = usize::try_from(checkpoint.events)
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| events.get(i));
    match at_count {
        _ if checkpoint.events == 0 => {}
        None => problems.push(Problem {
            event: events.last().map_or(0, |e| e.id),
            kind: "truncated",
            message: crate::said!(
                |l| "custody-problem-checkpoint-cut",
                checkpoint = said_in(&name, l),
                events = checkpoint.events,
                held = events.len()
            ),
        }),
        Some(event) if event.hash != checkpoint.head => problems.push(Problem {
            event: event.id,
            kind: "rewritten",
            message: crate::said!(
                |l| "custody-problem-checkpoint-rewritten",
                events = checkpoint.events,
                checkpoint = said_in(&name, l)
            ),
        }),
        Some(_) => {}
    }
    let carried: Vec<CarriedHead> = checkpoint
        .items
        .iter()
        .map(|i| CarriedHead {
            packet: name.clone(),
            item: i.item.clone(),
            events: i.n,
            hash: i.h.clone(),
            serial: i.sn.clone(),
        })
        .collect();
    problems.extend(compare_with_carried(conn, &carried)?);
    Ok(problems)
}
