//! Seizure reports: at each sync with a hub, the station signs into its outbox, for the NPC,
//! a `seizure-report` packet of its items that are new or changed since the last report (their
//! facts and tracing outcome) and of the custody events appended since. The hub keeps the
//! national register from them (`hub report`).
//!
//! What was reported is kept in `<home>/hub/reported.json`: each item's fingerprint (the
//! SHA-256 of what was said about it) and the last custody event id, per recipient. It is
//! written after the packets are in the outbox, so a crash between the two reports the same
//! items again, which the hub takes as the same facts (it keeps one row per station and item).

use std::collections::BTreeMap;
use std::path::PathBuf;

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::Exchange;
use super::outbox::sign_into_outbox;
use crate::fs::{read_capped, sha256_hex, write_atomically};
use crate::packet::{Kind, Recipient};
use crate::register::RegisterError;

/// Items one packet carries at most: a first report of a large register is split.
pub const ITEMS_PER_REPORT: usize = 500;
/// Custody events one packet carries at most.
pub const EVENTS_PER_REPORT: usize = 2000;

/// One item as the national register keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportedItem {
    pub uuid: String,
    pub kind: String,
    pub event: String,
    pub event_date: String,
    pub location: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub weapon_type: Option<String>,
    pub model: Option<String>,
    pub calibre: Option<String>,
    pub country: Option<String>,
    pub quantity: Option<i64>,
    /// The tracing outcome a response gave it (`traced`, ...), if any.
    pub outcome: Option<String>,
}

/// One custody event, as the chain holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedEvent {
    pub item: String,
    pub id: i64,
    pub action: String,
    pub at: String,
    pub hash: String,
}

/// The body of a `seizure-report` packet.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SeizureReport {
    pub items: Vec<ReportedItem>,
    pub custody: Vec<ReportedEvent>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Reported {
    items: BTreeMap<String, String>,
    custody_through: i64,
}

fn state_file(exchange: &Exchange<'_>) -> PathBuf {
    exchange.ctx.home.join("hub").join("reported.json")
}

fn items(conn: &rusqlite::Connection) -> Result<Vec<ReportedItem>, RegisterError> {
    let mut stmt = conn.prepare(
        "SELECT i.uuid, i.kind, i.event, i.event_date, i.location, i.lat, i.lon, i.weapon_type,
                i.model, i.calibre, i.country, i.quantity,
                (SELECT o.outcome FROM item_trace_outcomes o WHERE o.item_id = i.id
                 ORDER BY o.at DESC, o.request_id DESC LIMIT 1)
         FROM items i ORDER BY i.id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(ReportedItem {
                uuid: r.get(0)?,
                kind: r.get(1)?,
                event: r.get(2)?,
                event_date: r.get(3)?,
                location: r.get(4)?,
                lat: r.get(5)?,
                lon: r.get(6)?,
                weapon_type: r.get(7)?,
                model: r.get(8)?,
                calibre: r.get(9)?,
                country: r.get(10)?,
                quantity: r.get(11)?,
                outcome: r.get(12)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn events_after(
    conn: &rusqlite::Connection,
    after: i64,
) -> Result<Vec<ReportedEvent>, RegisterError> {
    let mut stmt = conn.prepare(
        "SELECT i.uuid, c.id, c.action, c.at, c.hash FROM custody c JOIN items i ON i.id = c.item_id
         WHERE c.id > ?1 ORDER BY c.id",
    )?;
    let rows = stmt
        .query_map(params![after], |r| {
            Ok(ReportedEvent {
                item: r.get(0)?,
                id: r.get(1)?,
                action: r.get(2)?,
                at: r.get(3)?,
                hash: r.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Signs the reports of what changed since the last one into the outbox, for `to`. Returns
/// their packet ids (none when nothing changed).
pub fn report_changes(exchange: &mut Exchange<'_>, to: &Recipient) -> anyhow::Result<Vec<String>> {
    let file = state_file(exchange);
    let mut all: BTreeMap<String, Reported> = match read_capped(&file, 256 * 1024 * 1024) {
        Ok(Some(bytes)) => serde_json::from_slice(&bytes).map_err(|e| {
            anyhow::anyhow!(
                "{}",
                crate::t!(
                    "sync-seizure-state-damaged",
                    file = file.display().to_string(),
                    error = e.to_string()
                )
            )
        })?,
        Ok(None) => anyhow::bail!(
            "{}",
            crate::t!("sync-file-too-large", file = file.display().to_string())
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
        Err(e) => return Err(e.into()),
    };
    let reported = all.entry(to.key_id.to_string()).or_default();
    let conn = exchange.register.conn();
    let mut changed = Vec::new();
    for item in items(conn)? {
        let said = sha256_hex(&serde_json::to_vec(&item)?);
        if reported.items.get(&item.uuid) != Some(&said) {
            changed.push((item, said));
        }
    }
    let events = events_after(conn, reported.custody_through)?;
    if changed.is_empty() && events.is_empty() {
        return Ok(Vec::new());
    }
    let key = exchange.keys.signing_key()?.clone();
    let (ctx, from) = (exchange.ctx, exchange.from.clone());
    let mut ids = Vec::new();
    let mut item_chunks = changed.chunks(ITEMS_PER_REPORT);
    let mut event_chunks = events.chunks(EVENTS_PER_REPORT);
    loop {
        let (items, events) = (item_chunks.next(), event_chunks.next());
        if items.is_none() && events.is_none() {
            break;
        }
        let body = SeizureReport {
            items: items
                .unwrap_or_default()
                .iter()
                .map(|(i, _)| i.clone())
                .collect(),
            custody: events.unwrap_or_default().to_vec(),
        };
        let id = exchange.register.write(|tx| {
            sign_into_outbox(ctx, &from, &key, tx, Kind::SeizureReport, to.clone(), &body)
        })?;
        ids.push(id);
    }
    for (item, said) in changed {
        reported.items.insert(item.uuid, said);
    }
    if let Some(last) = events.last() {
        reported.custody_through = last.id;
    }
    write_atomically(&file, &serde_json::to_vec(&all)?)?;
    Ok(ids)
}
