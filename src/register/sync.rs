//! The outbox, the inbox, quarantine, acknowledgements and responses (migration 0003): what a
//! station sent, where it went, what came back, and each item's tracing outcome.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::RegisterError;
use crate::t;
use crate::vocab::OutboxState;

#[derive(Debug, Clone, Serialize)]
pub struct OutboxEntry {
    pub packet_id: String,
    pub kind: String,
    pub recipient_key_id: String,
    /// Relative to the home directory.
    pub file: String,
    pub manifest_sha256: String,
    pub state: String,
    pub reason: Option<String>,
    pub created_at: String,
    pub acknowledged_at: Option<String>,
}

/// Adds a packet to the outbox; a packet already there keeps its state.
pub fn outbox_add(tx: &Connection, entry: &OutboxEntry) -> Result<(), RegisterError> {
    tx.execute(
        "INSERT OR IGNORE INTO outbox (packet_id, kind, recipient_key_id, file, file_sha256,
                                       manifest_sha256, state, created_at)
         VALUES (?1, ?2, ?3, ?4, '', ?5, ?7, ?6)",
        params![
            entry.packet_id,
            entry.kind,
            entry.recipient_key_id,
            entry.file,
            entry.manifest_sha256,
            entry.created_at,
            OutboxState::Pending.as_str()
        ],
    )?;
    Ok(())
}

fn row_to_outbox(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxEntry> {
    Ok(OutboxEntry {
        packet_id: r.get(0)?,
        kind: r.get(1)?,
        recipient_key_id: r.get(2)?,
        file: r.get(3)?,
        manifest_sha256: r.get(4)?,
        state: r.get(5)?,
        reason: r.get(6)?,
        created_at: r.get(7)?,
        acknowledged_at: r.get(8)?,
    })
}

const OUTBOX_COLUMNS: &str = "packet_id, kind, recipient_key_id, file, manifest_sha256, state,
                              reason, created_at, acknowledged_at";

/// Packets still to deliver or to be acknowledged, oldest first. An acknowledgement is never
/// acknowledged itself: once delivered it is done, until the packet it answers comes again.
pub fn outbox_waiting(conn: &Connection) -> Result<Vec<OutboxEntry>, RegisterError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox
         WHERE state = '{pending}' OR (state = '{sent}' AND kind <> '{ack}')
         ORDER BY created_at, packet_id",
        pending = OutboxState::Pending.as_str(),
        sent = OutboxState::Sent.as_str(),
        ack = crate::packet::Kind::Acknowledgement.as_str(),
    ))?;
    let rows = stmt
        .query_map([], row_to_outbox)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn outbox_find(
    conn: &Connection,
    packet_id: &str,
) -> Result<Option<OutboxEntry>, RegisterError> {
    Ok(conn
        .query_row(
            &format!("SELECT {OUTBOX_COLUMNS} FROM outbox WHERE packet_id = ?1"),
            [packet_id],
            row_to_outbox,
        )
        .optional()?)
}

/// Whether a packet was already written, read back and hashed at this destination.
pub fn delivered(
    conn: &Connection,
    packet_id: &str,
    destination: &str,
) -> Result<bool, RegisterError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM deliveries WHERE packet_id = ?1 AND destination = ?2",
            params![packet_id, destination],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

#[derive(Debug, Clone)]
pub struct Delivery<'a> {
    pub packet_id: &'a str,
    pub destination: &'a str,
    pub file: &'a str,
    pub sha256: &'a str,
    pub at: &'a str,
}

/// Records a delivery; a pending packet becomes `sent`.
pub fn record_delivery(tx: &Connection, d: &Delivery<'_>) -> Result<(), RegisterError> {
    tx.execute(
        "INSERT OR IGNORE INTO deliveries (packet_id, destination, file, sha256, at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![d.packet_id, d.destination, d.file, d.sha256, d.at],
    )?;
    tx.execute(
        "UPDATE outbox SET state = ?2 WHERE packet_id = ?1 AND state = ?3",
        params![
            d.packet_id,
            OutboxState::Sent.as_str(),
            OutboxState::Pending.as_str()
        ],
    )?;
    Ok(())
}

/// The acknowledgement already signed for `answers` (a received packet) whose body hashes to
/// `body_sha256`, or the latest one when that is `None`.
pub fn outbox_answer(
    conn: &Connection,
    answers: &str,
    body_sha256: Option<&str>,
) -> Result<Option<String>, RegisterError> {
    Ok(conn
        .query_row(
            "SELECT packet_id FROM outbox
             WHERE answers = ?1 AND (?2 IS NULL OR answer_sha256 = ?2)
             ORDER BY created_at DESC, packet_id DESC LIMIT 1",
            params![answers, body_sha256],
            |r| r.get(0),
        )
        .optional()?)
}

/// Notes what an acknowledgement in the outbox answers.
pub fn set_outbox_answer(
    tx: &Connection,
    packet_id: &str,
    answers: &str,
    body_sha256: &str,
) -> Result<(), RegisterError> {
    tx.execute(
        "UPDATE outbox SET answers = ?2, answer_sha256 = ?3 WHERE packet_id = ?1",
        params![packet_id, answers, body_sha256],
    )?;
    Ok(())
}

/// Sends an outbox packet again: the next `sync` delivers it.
pub fn outbox_requeue(tx: &Connection, packet_id: &str) -> Result<(), RegisterError> {
    tx.execute(
        "UPDATE outbox SET state = ?2 WHERE packet_id = ?1 AND state = ?3",
        params![
            packet_id,
            OutboxState::Pending.as_str(),
            OutboxState::Sent.as_str()
        ],
    )?;
    Ok(())
}

/// A packet leaves the outbox: its acknowledgement came back.
pub fn mark_acknowledged(
    tx: &Connection,
    packet_id: &str,
    at: &str,
    file: &str,
) -> Result<(), RegisterError> {
    tx.execute(
        "UPDATE outbox SET state = ?4, acknowledged_at = COALESCE(acknowledged_at, ?2),
                           file = ?3
         WHERE packet_id = ?1",
        params![packet_id, at, file, OutboxState::Acknowledged.as_str()],
    )?;
    Ok(())
}

/// A received packet as the inbox holds it.
#[derive(Debug, Clone, Serialize)]
pub struct InboxEntry {
    pub id: i64,
    pub packet_id: String,
    pub kind: String,
    pub sender_key_id: String,
    pub sender_name: String,
    pub manifest_sha256: String,
    pub file_sha256: String,
    /// Relative to the home directory, for a packet too large to keep in the register.
    pub file: Option<String>,
    pub received_at: String,
    pub status: String,
    /// The SHA-256 of each listed attachment still to come (a packet that travelled in parts).
    pub pending: Vec<String>,
    #[serde(skip)]
    pub manifest: Vec<u8>,
    /// The packet as received, when small enough to keep in the register.
    #[serde(skip)]
    pub packet: Option<Vec<u8>>,
}

/// Received packets up to this size are kept in the register itself: one write instead of a
/// file, a rename and two fsyncs each.
pub const INLINE_PACKET_BYTES: usize = 1024 * 1024;

const INBOX_COLUMNS: &str = "id, packet_id, kind, sender_key_id, sender_name, manifest_sha256,
                             file_sha256, file, received_at, status, manifest, packet, pending";

fn row_to_inbox(r: &rusqlite::Row<'_>) -> rusqlite::Result<InboxEntry> {
    Ok(InboxEntry {
        id: r.get(0)?,
        packet_id: r.get(1)?,
        kind: r.get(2)?,
        sender_key_id: r.get(3)?,
        sender_name: r.get(4)?,
        manifest_sha256: r.get(5)?,
        file_sha256: r.get(6)?,
        file: r.get(7)?,
        received_at: r.get(8)?,
        status: r.get(9)?,
        manifest: r.get(10)?,
        packet: r.get(11)?,
        pending: pending_of(&r.get::<_, String>(12)?),
    })
}

/// The `pending` column: a JSON array of hashes (a damaged value reads as nothing pending).
fn pending_of(column: &str) -> Vec<String> {
    serde_json::from_str(column).unwrap_or_default()
}

/// Records which attachments are still to come.
pub fn set_pending(
    tx: &Connection,
    packet_id: &str,
    pending: &[String],
) -> Result<(), RegisterError> {
    tx.execute(
        "UPDATE inbox SET pending = ?2 WHERE packet_id = ?1",
        params![
            packet_id,
            serde_json::to_string(pending).unwrap_or_else(|_| "[]".into())
        ],
    )?;
    Ok(())
}

/// A packet completed by its attachments: the whole packet replaces the one received in parts.
pub fn inbox_complete(
    tx: &Connection,
    packet_id: &str,
    packet: Option<&[u8]>,
    file: Option<&str>,
    file_sha256: &str,
) -> Result<(), RegisterError> {
    tx.execute(
        "UPDATE inbox SET packet = ?2, file = ?3, file_sha256 = ?4, pending = '[]'
         WHERE packet_id = ?1",
        params![packet_id, packet, file, file_sha256],
    )?;
    Ok(())
}

pub fn inbox_find(conn: &Connection, packet_id: &str) -> Result<Option<InboxEntry>, RegisterError> {
    Ok(conn
        .query_row(
            &format!("SELECT {INBOX_COLUMNS} FROM inbox WHERE packet_id = ?1"),
            [packet_id],
            row_to_inbox,
        )
        .optional()?)
}

/// A received request by its inbox number or packet id.
pub fn inbox_resolve(conn: &Connection, reference: &str) -> Result<InboxEntry, RegisterError> {
    let trimmed = reference.trim().trim_start_matches('#');
    let found = if let Ok(number) = trimmed.parse::<i64>() {
        conn.query_row(
            &format!("SELECT {INBOX_COLUMNS} FROM inbox WHERE id = ?1"),
            [number],
            row_to_inbox,
        )
        .optional()?
    } else {
        inbox_find(conn, &trimmed.to_lowercase())?
    };
    found.ok_or_else(|| {
        RegisterError::invalid(
            "request",
            t!("inbox-no-such-request", reference = reference),
        )
    })
}

/// Received packets of one kind, oldest first.
pub fn inbox_of_kind(conn: &Connection, kind: &str) -> Result<Vec<InboxEntry>, RegisterError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {INBOX_COLUMNS} FROM inbox WHERE kind = ?1 ORDER BY id"
    ))?;
    let rows = stmt
        .query_map([kind], row_to_inbox)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Whether a file with these exact bytes was already stored or quarantined.
pub fn file_seen(conn: &Connection, file_sha256: &str) -> Result<bool, RegisterError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM inbox WHERE file_sha256 = ?1
             UNION ALL SELECT 1 FROM quarantine WHERE file_sha256 = ?1 LIMIT 1",
            [file_sha256],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// One line of `inbox list`.
#[derive(Debug, Clone, Serialize)]
pub struct InboxRow {
    pub id: i64,
    pub packet_id: String,
    pub kind: String,
    #[serde(rename = "from")]
    pub sender_name: String,
    pub status: String,
    pub received_at: String,
    /// Attachments listed in the signed manifest and still to come (their SHA-256).
    pub attachments_pending: Vec<String>,
}

/// Every received packet, in the order received.
pub fn inbox_list(conn: &Connection) -> Result<Vec<InboxRow>, RegisterError> {
    let mut stmt = conn.prepare(
        "SELECT id, packet_id, kind, sender_name, status, received_at, pending
         FROM inbox ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(InboxRow {
                id: r.get(0)?,
                packet_id: r.get(1)?,
                kind: r.get(2)?,
                sender_name: r.get(3)?,
                status: r.get(4)?,
                received_at: r.get(5)?,
                attachments_pending: pending_of(&r.get::<_, String>(6)?),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// One refused file, as `inbox list` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct QuarantineRow {
    /// What `inbox release` takes.
    pub id: i64,
    pub packet_id: Option<String>,
    pub reason: String,
    pub detail: String,
    pub file: String,
    pub source: String,
    pub at: String,
    /// Once a person released it: received or dismissed, by whom, when and why.
    pub released: Option<Release>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Release {
    pub outcome: String,
    pub by: String,
    pub at: String,
    pub reason: String,
}

const QUARANTINE_COLUMNS: &str = "id, packet_id, reason, detail, file, source, at, release_outcome,
                                  released_by, released_at, release_note";

fn row_to_quarantine(r: &rusqlite::Row<'_>) -> rusqlite::Result<QuarantineRow> {
    let outcome: Option<String> = r.get(7)?;
    Ok(QuarantineRow {
        id: r.get(0)?,
        packet_id: r.get(1)?,
        reason: r.get(2)?,
        detail: r.get(3)?,
        file: r.get(4)?,
        source: r.get(5)?,
        at: r.get(6)?,
        released: match outcome {
            Some(outcome) => Some(Release {
                outcome,
                by: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
                at: r.get::<_, Option<String>>(9)?.unwrap_or_default(),
                reason: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
            }),
            None => None,
        },
    })
}

pub fn quarantine_list(conn: &Connection) -> Result<Vec<QuarantineRow>, RegisterError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {QUARANTINE_COLUMNS} FROM quarantine ORDER BY id"
    ))?;
    let rows = stmt
        .query_map([], row_to_quarantine)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn quarantine_find(conn: &Connection, id: i64) -> Result<QuarantineRow, RegisterError> {
    conn.query_row(
        &format!("SELECT {QUARANTINE_COLUMNS} FROM quarantine WHERE id = ?1"),
        [id],
        row_to_quarantine,
    )
    .optional()?
    .ok_or_else(|| RegisterError::invalid("quarantine", t!("inbox-no-such-quarantined", id = id)))
}

/// Records that a person released a quarantined packet.
pub fn quarantine_release(
    tx: &Connection,
    id: i64,
    release: &Release,
) -> Result<(), RegisterError> {
    tx.execute(
        "UPDATE quarantine SET release_outcome = ?2, released_by = ?3, released_at = ?4,
                               release_note = ?5
         WHERE id = ?1 AND release_outcome IS NULL",
        params![id, release.outcome, release.by, release.at, release.reason],
    )?;
    Ok(())
}

/// The latest answer this station sent to a received request: its outcome and when.
pub fn last_answer_sent(
    conn: &Connection,
    request_packet_id: &str,
) -> Result<Option<(String, String)>, RegisterError> {
    Ok(conn
        .query_row(
            "SELECT outcome, at FROM trace_responses
             WHERE request_packet_id = ?1 AND direction = ?2
             ORDER BY at DESC, rowid DESC LIMIT 1",
            params![request_packet_id, crate::vocab::Direction::Sent.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Stores a verified packet once; returns its inbox number.
pub fn inbox_store(tx: &Connection, entry: &InboxEntry) -> Result<i64, RegisterError> {
    tx.execute(
        "INSERT INTO inbox (packet_id, kind, sender_key_id, sender_name, manifest_sha256,
                            file_sha256, file, manifest, received_at, status, packet, pending)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            entry.packet_id,
            entry.kind,
            entry.sender_key_id,
            entry.sender_name,
            entry.manifest_sha256,
            entry.file_sha256,
            entry.file,
            entry.manifest,
            entry.received_at,
            entry.status,
            entry.packet,
            serde_json::to_string(&entry.pending).unwrap_or_else(|_| "[]".into())
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn set_inbox_status(
    tx: &Connection,
    packet_id: &str,
    status: &str,
) -> Result<(), RegisterError> {
    tx.execute(
        "UPDATE inbox SET status = ?2 WHERE packet_id = ?1",
        params![packet_id, status],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Serialize)]
pub struct Quarantined {
    pub packet_id: Option<String>,
    pub file_sha256: String,
    pub file: String,
    pub source: String,
    pub reason: String,
    pub detail: String,
    pub at: String,
}

pub fn quarantine_add(tx: &Connection, q: &Quarantined) -> Result<(), RegisterError> {
    tx.execute(
        "INSERT INTO quarantine (packet_id, file_sha256, file, source, reason, detail, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            q.packet_id,
            q.file_sha256,
            q.file,
            q.source,
            q.reason,
            q.detail,
            q.at
        ],
    )?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct ReceivedAck<'a> {
    pub packet_id: &'a str,
    pub acknowledged_id: &'a str,
    pub manifest_sha256: &'a str,
    pub status: &'a str,
    /// JSON array of what is missing.
    pub missing: &'a str,
    pub reason: Option<&'a str>,
    pub at: &'a str,
    /// The attachments the receiver still waits for (their SHA-256).
    pub pending: &'a [String],
}

pub fn ack_store(tx: &Connection, ack: &ReceivedAck<'_>) -> Result<(), RegisterError> {
    tx.execute(
        "INSERT INTO acknowledgements (packet_id, acknowledged_id, manifest_sha256, status,
                                       missing, reason, received_at, pending)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            ack.packet_id,
            ack.acknowledged_id,
            ack.manifest_sha256,
            ack.status,
            ack.missing,
            ack.reason,
            ack.at,
            serde_json::to_string(ack.pending).unwrap_or_else(|_| "[]".into())
        ],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Serialize)]
pub struct Response {
    pub packet_id: String,
    pub request_packet_id: String,
    pub direction: String,
    pub outcome: String,
    pub note: String,
    pub last_legal_holder: Option<String>,
    pub transfer_chain: Vec<String>,
    pub at: String,
}

pub fn response_store(tx: &Connection, r: &Response) -> Result<(), RegisterError> {
    let chain = serde_json::to_string(&r.transfer_chain)
        .map_err(|e| RegisterError::invalid("transfer chain", e.to_string()))?;
    tx.execute(
        "INSERT INTO trace_responses (packet_id, request_packet_id, direction, outcome, note,
                                      last_legal_holder, transfer_chain, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            r.packet_id,
            r.request_packet_id,
            r.direction,
            r.outcome,
            r.note,
            r.last_legal_holder,
            chain,
            r.at
        ],
    )?;
    Ok(())
}

/// Every item of a request takes the response's outcome.
pub fn set_item_outcomes(
    tx: &Connection,
    request_id: i64,
    outcome: &str,
    response_packet_id: &str,
    at: &str,
) -> Result<usize, RegisterError> {
    Ok(tx.execute(
        "INSERT INTO item_trace_outcomes (item_id, request_id, outcome, response_packet_id, at)
         SELECT item_id, request_id, ?2, ?3, ?4 FROM trace_request_items WHERE request_id = ?1
         ON CONFLICT (item_id, request_id) DO UPDATE
         SET outcome = excluded.outcome, response_packet_id = excluded.response_packet_id,
             at = excluded.at",
        params![request_id, outcome, response_packet_id, at],
    )?)
}

/// Where a request stands, from the field station's side.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Progress {
    /// pending, sent, acknowledged (absent for a draft)
    pub outbox: Option<String>,
    pub sent_at: Option<String>,
    pub ack_status: Option<String>,
    pub acknowledged_at: Option<String>,
    pub missing: Vec<String>,
    /// Photos the receiver's latest acknowledgement says it still waits for (their SHA-256).
    pub attachments_pending: Vec<String>,
    pub ack_reason: Option<String>,
    pub outcome: Option<String>,
    pub answered_at: Option<String>,
    pub note: Option<String>,
}

impl Progress {
    /// One word for `trace list`: draft, exported, sent, acknowledged, incomplete, rejected,
    /// answered.
    pub fn status(&self, stored_status: &str) -> String {
        if self.outcome.is_some() {
            return "answered".into();
        }
        match self.ack_status.as_deref() {
            Some("incomplete") => return "incomplete".into(),
            Some("rejected") => return "rejected".into(),
            Some(_) => return "acknowledged".into(),
            None => {}
        }
        match self.outbox.as_deref() {
            Some("sent") => "sent".into(),
            _ => stored_status.into(),
        }
    }
}

pub fn progress(conn: &Connection, packet_id: &str) -> Result<Progress, RegisterError> {
    let mut p = Progress::default();
    if let Some(entry) = outbox_find(conn, packet_id)? {
        p.outbox = Some(entry.state);
    }
    p.sent_at = conn.query_row(
        "SELECT MIN(at) FROM deliveries WHERE packet_id = ?1",
        [packet_id],
        |r| r.get(0),
    )?;
    type Ack = (String, String, String, Option<String>, String);
    let ack: Option<Ack> = conn
        .query_row(
            "SELECT status, received_at, missing, reason, pending FROM acknowledgements
             WHERE acknowledged_id = ?1 ORDER BY received_at DESC, rowid DESC LIMIT 1",
            [packet_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    if let Some((status, at, missing, reason, pending)) = ack {
        p.attachments_pending = pending_of(&pending);
        p.ack_status = Some(status);
        p.acknowledged_at = Some(at);
        p.missing = serde_json::from_str(&missing).unwrap_or_default();
        p.ack_reason = reason;
    }
    let response: Option<(String, String, String)> = conn
        .query_row(
            "SELECT outcome, at, note FROM trace_responses
             WHERE request_packet_id = ?1 ORDER BY at DESC, rowid DESC LIMIT 1",
            [packet_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    if let Some((outcome, at, note)) = response {
        p.outcome = Some(outcome);
        p.answered_at = Some(at);
        p.note = Some(note);
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::Register;

    #[test]
    fn a_delivery_marks_a_packet_sent_and_an_acknowledgement_takes_it_out() {
        let home = tempfile::tempdir().unwrap();
        let mut register = Register::open(home.path()).unwrap();
        let id = "019abc3e-7f10-7a2b-9c4d-5e6f70819a2b";
        let entry = OutboxEntry {
            packet_id: id.into(),
            kind: "trace-request".into(),
            recipient_key_id: "0123456789ABCDEF".into(),
            file: format!("outbox/{id}.ftpkt"),
            manifest_sha256: "a".repeat(64),
            state: "pending".into(),
            reason: None,
            created_at: "2026-11-25T12:00:00Z".into(),
            acknowledged_at: None,
        };
        register.write(|tx| outbox_add(tx, &entry)).unwrap();
        register.write(|tx| outbox_add(tx, &entry)).unwrap();
        assert_eq!(outbox_waiting(register.conn()).unwrap().len(), 1);
        let delivery = Delivery {
            packet_id: id,
            destination: "/media/usb",
            file: "/media/usb/x.ftpkt",
            sha256: "b",
            at: "2026-11-25T12:01:00Z",
        };
        for _ in 0..2 {
            register.write(|tx| record_delivery(tx, &delivery)).unwrap();
        }
        let p = progress(register.conn(), id).unwrap();
        assert_eq!(p.status("exported"), "sent");
        assert_eq!(p.sent_at.as_deref(), Some("2026-11-25T12:01:00Z"));
        register
            .write(|tx| mark_acknowledged(tx, id, "2026-11-26T09:00:00Z", &entry.file))
            .unwrap();
        assert!(outbox_waiting(register.conn()).unwrap().is_empty());
        assert_eq!(
            outbox_find(register.conn(), id).unwrap().unwrap().state,
            "acknowledged"
        );
    }

    #[test]
    fn requests_exported_before_the_migration_wait_in_the_outbox() {
        let home = tempfile::tempdir().unwrap();
        {
            let conn = Connection::open(home.path().join("register.sqlite3")).unwrap();
            conn.execute_batch(include_str!("../../migrations/0001_register.sql"))
                .unwrap();
            conn.execute_batch(include_str!("../../migrations/0002_traces.sql"))
                .unwrap();
            conn.execute_batch(
                "PRAGMA user_version = 2;
                 INSERT INTO trace_requests (packet_id, seq, recipient, recipient_key_id, body,
                     status, created_at, created_by, exported_at, manifest_sha256, outbox_file)
                 VALUES ('019abc3e-7f10-7a2b-9c4d-5e6f70819a2b', 1, 'ML NPC', '0123456789ABCDEF',
                     '{}', 'exported', '2026-11-01T00:00:00Z', 'x', '2026-11-02T00:00:00Z',
                     'aa', 'outbox/019abc3e-7f10-7a2b-9c4d-5e6f70819a2b.ftpkt');",
            )
            .unwrap();
        }
        let register = Register::open(home.path()).unwrap();
        let waiting = outbox_waiting(register.conn()).unwrap();
        assert_eq!(waiting.len(), 1);
        assert_eq!(waiting[0].state, "pending");
        assert_eq!(waiting[0].manifest_sha256, "aa");
        assert_eq!(waiting[0].created_at, "2026-11-02T00:00:00Z");
    }
}
