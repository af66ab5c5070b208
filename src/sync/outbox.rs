//! The outbox: every packet this station signs waits in `<home>/outbox/` until its
//! acknowledgement comes back.

use std::path::PathBuf;

use serde::Serialize;

use super::destination::relative;
use crate::context::Ctx;
use crate::fs::write_atomically;
use crate::packet::{self, Kind, Manifest, Recipient, SigningKey};
use crate::register::sync::{self as store, OutboxEntry};
use crate::register::{RegisterError, traces};
use crate::vocab::OutboxState;

/// Records a packet written to the outbox, inside `tx`.
pub fn record(
    tx: &rusqlite::Connection,
    packet_id: &str,
    kind: Kind,
    recipient_key_id: &str,
    file: &str,
    manifest_sha256: &str,
    now: &str,
) -> Result<(), RegisterError> {
    store::outbox_add(
        tx,
        &OutboxEntry {
            packet_id: packet_id.to_owned(),
            kind: kind.as_str().to_owned(),
            recipient_key_id: recipient_key_id.to_owned(),
            file: file.to_owned(),
            manifest_sha256: manifest_sha256.to_owned(),
            state: OutboxState::Pending.as_str().to_owned(),
            reason: None,
            created_at: now.to_owned(),
            acknowledged_at: None,
        },
    )
}

/// Signs a packet for `recipient`, writes it to the outbox and records it, inside `tx`.
/// Returns its packet id.
pub fn sign_into_outbox<T: Serialize>(
    ctx: &Ctx,
    from: &packet::Station,
    key: &SigningKey,
    tx: &rusqlite::Connection,
    kind: Kind,
    recipient: Recipient,
    body: &T,
) -> Result<String, RegisterError> {
    let body =
        serde_json::to_value(body).map_err(|e| RegisterError::invalid("body", e.to_string()))?;
    let seq = traces::next_seq(tx)?;
    let packet_id = ctx.new_id(tx);
    let manifest = Manifest::new(
        kind,
        packet_id,
        from.clone(),
        seq,
        recipient.clone(),
        ctx.clock.now(),
        body,
    );
    let signed = packet::build(&manifest, &[], key)
        .map_err(|e| RegisterError::Io(std::io::Error::other(format!("packet: {e}"))))?;
    let file = PathBuf::from("outbox").join(signed.file_name());
    write_atomically(&ctx.home.join(&file), &signed.archive)?;
    record(
        tx,
        &packet_id.to_string(),
        kind,
        &recipient.key_id.to_string(),
        &relative(&file),
        &signed.manifest_sha256,
        &ctx.now(),
    )?;
    Ok(packet_id.to_string())
}
