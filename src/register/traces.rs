//! Trace requests in the register: the checked body, the items it names, and, once exported,
//! the signed manifest and where its packet was written.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::RegisterError;

pub const STATUSES: &[&str] = &["draft", "exported"];

/// A request about to be created. Its packet id is fixed here and never regenerated.
#[derive(Debug, Clone)]
pub struct NewRequest<'a> {
    pub packet_id: &'a str,
    pub recipient: &'a str,
    pub recipient_key_id: &'a str,
    /// The body as JSON text.
    pub body: &'a str,
    /// Register item ids, in the order of the body's `items`.
    pub items: &'a [i64],
    pub created_at: &'a str,
    pub created_by: &'a str,
}

/// A trace request as `trace show` gives it.
#[derive(Debug, Clone, Serialize)]
pub struct TraceRequest {
    pub id: i64,
    pub packet_id: String,
    pub seq: u64,
    pub recipient: String,
    pub recipient_key_id: String,
    pub status: String,
    pub items: Vec<i64>,
    pub body: serde_json::Value,
    pub created_at: String,
    pub created_by: String,
    pub exported_at: Option<String>,
    pub manifest_sha256: Option<String>,
    /// Relative to the home directory.
    pub outbox_file: Option<String>,
    pub encrypted_to: Option<String>,
    pub photos: Option<String>,
    /// The signed `manifest.json` and `manifest.json.minisig`, once exported.
    #[serde(skip)]
    pub manifest: Option<Vec<u8>>,
    #[serde(skip)]
    pub signature: Option<Vec<u8>>,
}

/// What an export records.
#[derive(Debug, Clone)]
pub struct Exported<'a> {
    pub at: &'a str,
    pub manifest_sha256: &'a str,
    pub manifest: &'a [u8],
    pub signature: &'a [u8],
    pub outbox_file: &'a str,
    pub encrypted_to: Option<&'a str>,
    pub photos: &'a str,
}

/// The next value of this station's packet counter (it only goes up, even when a draft is never
/// sent).
pub fn next_seq(tx: &Connection) -> Result<u64, RegisterError> {
    tx.execute(
        "UPDATE packet_sequence SET last = last + 1 WHERE id = 1",
        [],
    )?;
    let last: i64 = tx.query_row("SELECT last FROM packet_sequence WHERE id = 1", [], |r| {
        r.get(0)
    })?;
    u64::try_from(last).map_err(|_| RegisterError::invalid("seq", "the counter is negative"))
}

/// Creates a draft request; returns its number and seq.
pub fn create(tx: &Connection, new: &NewRequest<'_>) -> Result<(i64, u64), RegisterError> {
    let seq = next_seq(tx)?;
    tx.execute(
        "INSERT INTO trace_requests (packet_id, seq, recipient, recipient_key_id, body, status,
                                     created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?7)",
        params![
            new.packet_id,
            i64::try_from(seq).unwrap_or(i64::MAX),
            new.recipient,
            new.recipient_key_id,
            new.body,
            new.created_at,
            new.created_by
        ],
    )?;
    let id = tx.last_insert_rowid();
    for (position, item) in new.items.iter().enumerate() {
        tx.execute(
            "INSERT INTO trace_request_items (request_id, item_id, position) VALUES (?1, ?2, ?3)",
            params![id, item, i64::try_from(position).unwrap_or(i64::MAX)],
        )?;
    }
    Ok((id, seq))
}

/// Finds a request by its number (`3`, `#3`) or its packet id.
pub fn resolve(conn: &Connection, reference: &str) -> Result<i64, RegisterError> {
    let trimmed = reference.trim().trim_start_matches('#');
    let found: Option<i64> = if let Ok(number) = trimmed.parse::<i64>() {
        conn.query_row(
            "SELECT id FROM trace_requests WHERE id = ?1",
            [number],
            |r| r.get(0),
        )
        .optional()?
    } else {
        conn.query_row(
            "SELECT id FROM trace_requests WHERE packet_id = ?1",
            [trimmed.to_lowercase()],
            |r| r.get(0),
        )
        .optional()?
    };
    found.ok_or_else(|| RegisterError::UnknownTraceRequest(reference.to_owned()))
}

const COLUMNS: &str = "id, packet_id, seq, recipient, recipient_key_id, status, body, created_at,
                       created_by, exported_at, manifest_sha256, outbox_file, encrypted_to,
                       photos, manifest, signature";

fn row_to_request(r: &rusqlite::Row<'_>) -> rusqlite::Result<(TraceRequest, String)> {
    let seq: i64 = r.get(2)?;
    let body: String = r.get(6)?;
    Ok((
        TraceRequest {
            id: r.get(0)?,
            packet_id: r.get(1)?,
            seq: u64::try_from(seq).unwrap_or(0),
            recipient: r.get(3)?,
            recipient_key_id: r.get(4)?,
            status: r.get(5)?,
            items: Vec::new(),
            body: serde_json::Value::Null,
            created_at: r.get(7)?,
            created_by: r.get(8)?,
            exported_at: r.get(9)?,
            manifest_sha256: r.get(10)?,
            outbox_file: r.get(11)?,
            encrypted_to: r.get(12)?,
            photos: r.get(13)?,
            manifest: r.get(14)?,
            signature: r.get(15)?,
        },
        body,
    ))
}

fn complete(
    conn: &Connection,
    (mut request, body): (TraceRequest, String),
) -> Result<TraceRequest, RegisterError> {
    request.body = serde_json::from_str(&body).map_err(|e| {
        RegisterError::invalid("body", format!("trace request {}: {e}", request.id))
    })?;
    let mut stmt = conn.prepare(
        "SELECT item_id FROM trace_request_items WHERE request_id = ?1 ORDER BY position",
    )?;
    request.items = stmt
        .query_map([request.id], |r| r.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    Ok(request)
}

pub fn load(conn: &Connection, id: i64) -> Result<TraceRequest, RegisterError> {
    let row = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM trace_requests WHERE id = ?1"),
            [id],
            row_to_request,
        )
        .optional()?
        .ok_or_else(|| RegisterError::UnknownTraceRequest(id.to_string()))?;
    complete(conn, row)
}

/// Every request, oldest first.
pub fn list(conn: &Connection) -> Result<Vec<TraceRequest>, RegisterError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM trace_requests ORDER BY id"))?;
    let rows = stmt
        .query_map([], row_to_request)?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(|row| complete(conn, row)).collect()
}

/// Records the first export (or confirms a repeated one of the same manifest).
pub fn mark_exported(
    tx: &Connection,
    id: i64,
    exported: &Exported<'_>,
) -> Result<(), RegisterError> {
    let changed = tx.execute(
        "UPDATE trace_requests
         SET status = 'exported', exported_at = COALESCE(exported_at, ?2), manifest_sha256 = ?3,
             manifest = ?4, signature = ?5, outbox_file = ?6, encrypted_to = ?7, photos = ?8
         WHERE id = ?1 AND (manifest_sha256 IS NULL OR manifest_sha256 = ?3)",
        params![
            id,
            exported.at,
            exported.manifest_sha256,
            exported.manifest,
            exported.signature,
            exported.outbox_file,
            exported.encrypted_to,
            exported.photos
        ],
    )?;
    if changed == 1 {
        Ok(())
    } else {
        Err(RegisterError::invalid(
            "trace request",
            format!(
                "request {id} was already exported with another manifest; a sent packet is never changed"
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::Register;

    fn draft(register: &mut Register, packet_id: &str) -> (i64, u64) {
        register
            .write(|tx| {
                create(
                    tx,
                    &NewRequest {
                        packet_id,
                        recipient: "ML NPC",
                        recipient_key_id: "0123456789ABCDEF",
                        body: r#"{"prio":"routine","items":[]}"#,
                        items: &[],
                        created_at: "2026-11-25T12:00:00Z",
                        created_by: "A. Traoré (Customs Bamako, Post 3)",
                    },
                )
            })
            .unwrap()
    }

    #[test]
    fn seq_only_goes_up_and_an_export_is_recorded_once() {
        let home = tempfile::tempdir().unwrap();
        let mut register = Register::open(home.path()).unwrap();
        let first = "019abc3e-7f10-7a2b-9c4d-5e6f70819a2b";
        assert_eq!(draft(&mut register, first), (1, 1));
        assert_eq!(
            draft(&mut register, "019abc3e-7f10-7a2b-9c4d-5e6f70819a2c"),
            (2, 2)
        );
        assert_eq!(resolve(register.conn(), first).unwrap(), 1);
        assert_eq!(resolve(register.conn(), "#2").unwrap(), 2);
        assert!(matches!(
            resolve(register.conn(), "7"),
            Err(RegisterError::UnknownTraceRequest(_))
        ));

        let exported = |sha: &'static str| Exported {
            at: "2026-11-25T12:05:00Z",
            manifest_sha256: sha,
            manifest: b"{}",
            signature: b"sig",
            outbox_file: "outbox/x.ftpkt",
            encrypted_to: None,
            photos: "none",
        };
        register
            .write(|tx| mark_exported(tx, 1, &exported("aa")))
            .unwrap();
        register
            .write(|tx| mark_exported(tx, 1, &exported("aa")))
            .unwrap();
        assert!(matches!(
            register.write(|tx| mark_exported(tx, 1, &exported("bb"))),
            Err(RegisterError::Invalid { .. })
        ));
        let request = load(register.conn(), 1).unwrap();
        assert_eq!(request.status, "exported");
        assert_eq!(request.manifest_sha256.as_deref(), Some("aa"));
        assert_eq!(request.body["prio"], "routine");
        let all = list(register.conn()).unwrap();
        assert_eq!(
            all.iter().map(|r| r.status.as_str()).collect::<Vec<_>>(),
            ["exported", "draft"]
        );
    }
}
