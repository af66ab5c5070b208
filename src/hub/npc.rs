//! The hub's decisions, made by the NPC's own exchange: every upload goes through
//! `Exchange::decide` and `Exchange::apply`, the code of `inbox import`, so the hub stores,
//! quarantines and acknowledges exactly as the NPC's laptop does with a folder. The hub store
//! then keeps the bytes once, the refusals with their reason, and, in each station's mailbox,
//! what the NPC signed for it (acknowledgements, responses) from the NPC's outbox.

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use super::HubStore;
use super::store::{MailRow, PacketRow, Put, QuarantineRow, StationRow};
use crate::context::Ctx;
use crate::fs::sha256_hex;
use crate::packet::{self, KeyId, Kind};
use crate::register::sync as register;
use crate::sync::seizure::SeizureReport;
use crate::sync::{Decision, Exchange, Incoming, Mode, ReceivedAs};
use crate::vocab::OutboxState;

/// How the hub answers one upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Stored,
    Duplicate,
    Conflict,
    Rejected,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Stored => "stored",
            Verdict::Duplicate => "duplicate",
            Verdict::Conflict => "conflict",
            Verdict::Rejected => "rejected",
        }
    }
}

/// The answer to an upload.
#[derive(Debug, Clone, Serialize)]
pub struct Upload {
    pub result: Verdict,
    pub packet_id: String,
    /// The reason code of a conflict or rejection (`bad-signature`, `wrong-recipient`, ...).
    pub reason: Option<String>,
    pub detail: Option<String>,
    /// The acknowledgement the NPC signed, waiting in the station's mailbox.
    pub acknowledgement: Option<String>,
}

/// Where the NPC's outbox packets go when the hub takes them: its deliveries name this.
pub const DESTINATION: &str = "hub";

/// The NPC as the hub runs it.
#[derive(Debug)]
pub struct Npc<'a> {
    ctx: &'a Ctx,
    exchange: Exchange<'a>,
    store: Arc<HubStore>,
}

impl<'a> Npc<'a> {
    /// Opens the NPC's exchange and unlocks its signing key (before the hub listens).
    pub fn open(ctx: &'a Ctx, store: Arc<HubStore>) -> anyhow::Result<Npc<'a>> {
        let mut exchange = Exchange::open(ctx)?;
        exchange.signing_key()?;
        Ok(Npc {
            ctx,
            exchange,
            store,
        })
    }

    /// Who signs for the hub: the NPC's key id and name, for `GET /v1/hub`.
    pub fn identity(&self) -> serde_json::Value {
        let from = self.exchange.station();
        serde_json::json!({"key_id": from.key_id.to_string(), "name": from.name, "unit": from.unit})
    }

    /// Decides one upload from an authenticated station.
    pub fn upload(
        &mut self,
        station: &StationRow,
        id: &str,
        bytes: &[u8],
    ) -> anyhow::Result<Upload> {
        let key_id: KeyId = station.key_id.parse()?;
        if !self.exchange.trusts(key_id) {
            self.exchange.reload_trust()?;
        }
        let source = PathBuf::from(DESTINATION)
            .join(&station.key_id)
            .join(format!("{id}{}", packet::PACKET_SUFFIX));
        let decision = self
            .exchange
            .decide(&source, Incoming::Whole(bytes), Mode::Import)?;
        // What the hub checks beyond a folder: the path names the packet, and a station
        // uploads its own packets only.
        let hub_refusal = match &decision {
            Decision::Accept(r) if r.packet_id() != id => Some((
                "id-mismatch",
                format!("the upload is for {id} but the packet is {}", r.packet_id()),
            )),
            Decision::Accept(r) if r.manifest.station.key_id != key_id => Some((
                "not-the-sender",
                format!(
                    "the packet is signed by key {}, the request by {}",
                    r.manifest.station.key_id, station.key_id
                ),
            )),
            _ => None,
        };
        if let Some((reason, detail)) = hub_refusal {
            return self.refuse(station, id, bytes, reason, &detail);
        }
        // A seizure report feeds the national register, again if it comes again (the same
        // facts: a hub stopped between storing it and recording it records it then).
        let seizures = match &decision {
            Decision::Accept(r) if r.manifest.kind == Kind::SeizureReport => Some(
                serde_json::from_value::<SeizureReport>(r.manifest.body.clone())
                    .map_err(|e| format!("the seizure report cannot be read: {e}")),
            ),
            _ => None,
        };
        let received = self.exchange.apply(&source, Some(bytes), decision)?;
        let now = self.ctx.now();
        let kind = received.kind.clone().unwrap_or_default();
        let mut upload = Upload {
            result: Verdict::Stored,
            packet_id: id.to_owned(),
            reason: received.reason.clone(),
            detail: received.detail.as_ref().map(|d| d.english().to_owned()),
            acknowledgement: received.acknowledgement.clone(),
        };
        match received.result {
            ReceivedAs::Stored | ReceivedAs::Rejected | ReceivedAs::Duplicate => {
                let row = PacketRow {
                    packet_id: id.to_owned(),
                    station_key_id: station.key_id.clone(),
                    kind,
                    sha256: sha256_hex(bytes),
                    result: received.reason.clone().unwrap_or_else(|| "stored".into()),
                    received_at: now,
                };
                let put = self.store.put_packet(&row, bytes)?;
                if received.result == ReceivedAs::Duplicate || put != Put::Stored {
                    upload.result = Verdict::Duplicate;
                }
                match seizures {
                    Some(Ok(report)) => self.store.record_seizures(&station.key_id, id, &report)?,
                    Some(Err(why)) => {
                        upload.reason = Some("bad-body".into());
                        upload.detail = Some(why);
                    }
                    None => {}
                }
            }
            ReceivedAs::Quarantined => {
                let reason = received.reason.clone().unwrap_or_else(|| "invalid".into());
                upload.result = if reason == "conflict" {
                    Verdict::Conflict
                } else {
                    Verdict::Rejected
                };
                self.store.quarantine(
                    &QuarantineRow {
                        station_key_id: station.key_id.clone(),
                        packet_id: received.packet_id.clone(),
                        sha256: sha256_hex(bytes),
                        reason,
                        detail: received
                            .detail
                            .as_ref()
                            .map(|d| d.english().to_owned())
                            .unwrap_or_default(),
                        at: now,
                    },
                    bytes,
                )?;
            }
            ReceivedAs::NotOurs | ReceivedAs::Seen => {
                return self.refuse(station, id, bytes, "not-ours", "not for this hub");
            }
        }
        if let Some(ack) = &received.acknowledgement {
            self.mail(ack)?;
        }
        Ok(upload)
    }

    fn refuse(
        &mut self,
        station: &StationRow,
        id: &str,
        bytes: &[u8],
        reason: &str,
        detail: &str,
    ) -> anyhow::Result<Upload> {
        self.store.quarantine(
            &QuarantineRow {
                station_key_id: station.key_id.clone(),
                packet_id: Some(id.to_owned()),
                sha256: sha256_hex(bytes),
                reason: reason.to_owned(),
                detail: detail.to_owned(),
                at: self.ctx.now(),
            },
            bytes,
        )?;
        Ok(Upload {
            result: Verdict::Rejected,
            packet_id: id.to_owned(),
            reason: Some(reason.to_owned()),
            detail: Some(detail.to_owned()),
            acknowledgement: None,
        })
    }

    /// Copies one packet of the NPC's outbox into its recipient's mailbox, and records the
    /// delivery in the NPC's register.
    fn mail(&mut self, packet_id: &str) -> anyhow::Result<()> {
        let Some(entry) = register::outbox_find(self.exchange.register_conn(), packet_id)? else {
            return Ok(());
        };
        let file = self.ctx.home.join(&entry.file);
        let bytes = std::fs::read(&file).map_err(|e| {
            anyhow::anyhow!(
                "{}: {e}",
                crate::t!("error-cannot-read", file = file.display().to_string())
            )
        })?;
        let now = self.ctx.now();
        self.store.mail(
            &entry.packet_id,
            &entry.recipient_key_id,
            &entry.kind,
            &bytes,
            &now,
        )?;
        let sha256 = sha256_hex(&bytes);
        self.exchange.register_write(|tx| {
            register::record_delivery(
                tx,
                &register::Delivery {
                    packet_id: &entry.packet_id,
                    destination: DESTINATION,
                    file: &entry.file,
                    sha256: &sha256,
                    at: &now,
                },
            )
        })?;
        Ok(())
    }

    /// Mails every packet of the NPC's outbox not handed to the hub yet (responses signed by
    /// `hub trace respond` or `trace respond`, acknowledgements re-queued), for one station or
    /// all. Returns how many.
    pub fn sweep(&mut self, station_key_id: Option<&str>) -> anyhow::Result<usize> {
        let waiting = register::outbox_waiting(self.exchange.register_conn())?;
        let mut mailed = 0;
        for entry in waiting {
            if entry.state != OutboxState::Pending.as_str()
                || station_key_id.is_some_and(|k| k != entry.recipient_key_id)
            {
                continue;
            }
            self.mail(&entry.packet_id)?;
            mailed += 1;
        }
        Ok(mailed)
    }

    /// What waits for a station, after a sweep.
    pub fn mailbox(&mut self, station: &StationRow) -> anyhow::Result<Vec<MailRow>> {
        self.sweep(Some(&station.key_id))?;
        Ok(self.store.mailbox(&station.key_id)?)
    }
}
