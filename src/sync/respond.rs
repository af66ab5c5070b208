//! The NPC's side: answering a received trace request with a signed `trace-response`.

use serde::Serialize;

use super::Exchange;
use super::outbox::sign_into_outbox;
use crate::context::Ctx;
use crate::error::usage;
use crate::packet::{self, KeyId, Kind, Recipient};
use crate::register::sync as store;
use crate::trace::reply::ResponseBody;
use crate::vocab::{AckStatus, Direction, InboxStatus, TraceOutcome};

/// What the officer answers.
#[derive(Debug, Clone)]
pub struct Answer {
    pub outcome: TraceOutcome,
    pub note: String,
    pub holder: Option<String>,
    pub chain: Vec<String>,
}

/// A response signed into the outbox.
#[derive(Debug, Serialize)]
pub struct Responded {
    pub packet_id: String,
    pub request: String,
    /// The request's number in this station's inbox.
    #[serde(skip)]
    pub request_number: i64,
    pub to: String,
    pub outcome: String,
    pub file: String,
}

/// Signs a response to received request `reference` (its inbox number or packet id) into the
/// outbox, records it, and marks the request answered: one transaction.
pub fn respond(ctx: &Ctx, reference: &str, answer: Answer) -> anyhow::Result<Responded> {
    let mut exchange = Exchange::open(ctx)?;
    let request = store::inbox_resolve(exchange.register.conn(), reference)
        .map_err(|e| usage(e).hint(crate::t!("sync-respond-list-hint")))?;
    if request.kind != Kind::TraceRequest.as_str() {
        return Err(usage(crate::t!(
            "sync-respond-not-request",
            packet = request.packet_id.as_str(),
            kind = request.kind.as_str()
        ))
        .into());
    }
    if request.status == AckStatus::Rejected.as_str() {
        return Err(usage(crate::t!("sync-respond-rejected", id = request.id)).into());
    }
    let key_id: KeyId =
        request
            .sender_key_id
            .parse()
            .map_err(|e: <KeyId as std::str::FromStr>::Err| {
                anyhow::anyhow!(
                    "{}",
                    crate::t!(
                        "sync-respond-bad-key",
                        id = request.id,
                        error = e.to_string()
                    )
                )
            })?;
    let trust = exchange.key_store().trust_list()?;
    let peer = trust
        .by_key_id(key_id)
        .filter(|p| !p.revoked)
        .ok_or_else(|| {
            usage(crate::t!(
                "sync-respond-untrusted",
                id = request.id,
                key = key_id.to_string()
            ))
        })?;
    let body = ResponseBody {
        request: request.packet_id.clone(),
        sha256: request.manifest_sha256.clone(),
        outcome: answer.outcome.as_str().to_owned(),
        note: answer.note,
        holder: answer.holder,
        chain: answer.chain,
    };
    let value = serde_json::to_value(&body)?;
    ResponseBody::parse(&value).map_err(usage)?;
    let recipient = Recipient {
        name: peer.name.clone(),
        key_id,
    };
    let now = ctx.now();
    let key = exchange.keys.signing_key()?;
    let from = &exchange.from;
    let packet_id = exchange.register.write(|tx| {
        let id = sign_into_outbox(ctx, from, key, tx, Kind::TraceResponse, recipient, &value)?;
        store::response_store(
            tx,
            &super::stored_response(&body, &id, Direction::Sent, &now),
        )?;
        store::set_inbox_status(tx, &body.request, InboxStatus::Answered.as_str())?;
        Ok(id)
    })?;
    let file = ctx
        .home
        .join("outbox")
        .join(format!("{packet_id}{}", packet::PACKET_SUFFIX))
        .display()
        .to_string();
    Ok(Responded {
        packet_id,
        request: body.request,
        request_number: request.id,
        to: peer.name.clone(),
        outcome: body.outcome,
        file,
    })
}
