//! `inbox release ID`: a quarantined packet taken in again once a person fixed its cause (the
//! sender's key trusted), or closed as decided (`--dismiss`, a conflict settled for the packet
//! already received). Either way who, when and why are recorded on the quarantine record; a
//! packet still refused stays where it is, with nothing written.

use serde::Serialize;

use super::receive::{self, Decision, Incoming, Mode, Trust};
use super::{Exchange, Received};
use crate::error::usage;
use crate::fs::read_capped;
use crate::register::sync::{self as store, Release};

/// What became of a release.
#[derive(Debug, Serialize)]
pub struct Released {
    pub id: i64,
    pub packet_id: Option<String>,
    /// received, dismissed, or still-refused
    pub outcome: String,
    /// Still refused: the reason code now, and its detail.
    pub reason: Option<String>,
    pub detail: Option<crate::i18n::Said>,
    pub received: Option<Received>,
}

pub fn release(
    ctx: &crate::context::Ctx,
    id: i64,
    why: &str,
    dismiss: bool,
) -> anyhow::Result<Released> {
    if why.trim().is_empty() {
        return Err(usage(crate::t!("sync-release-no-reason")).into());
    }
    let station = ctx.station()?;
    let mut exchange = Exchange::open(ctx)?;
    let row = store::quarantine_find(exchange.register.conn(), id)?;
    if let Some(earlier) = &row.released {
        return Err(usage(crate::t!(
            "sync-release-already",
            id = id,
            outcome = crate::i18n::shown("release", &earlier.outcome),
            by = earlier.by.as_str(),
            at = earlier.at.as_str()
        ))
        .into());
    }
    let record = |outcome: &str| Release {
        outcome: outcome.to_owned(),
        by: format!("{} ({}, {})", station.officer, station.unit, station.name),
        at: ctx.now(),
        reason: why.trim().to_owned(),
    };
    let mut released = Released {
        id,
        packet_id: row.packet_id.clone(),
        outcome: String::new(),
        reason: None,
        detail: None,
        received: None,
    };
    if dismiss {
        let release = record("dismissed");
        exchange
            .register
            .write(|tx| store::quarantine_release(tx, id, &release))?;
        released.outcome = release.outcome;
        return Ok(released);
    }
    let path = ctx.home.join(&row.file);
    let bytes = match read_capped(&path, super::destination::file_cap()) {
        Ok(Some(bytes)) => bytes,
        _ => {
            return Err(usage(crate::t!(
                "sync-release-not-kept",
                id = id,
                reason = row.reason.as_str()
            ))
            .into());
        }
    };
    let trust = Trust {
        signers: &exchange.signers,
        own: exchange.own.key_id,
    };
    let decision = receive::decide(
        &path,
        Incoming::Whole(&bytes),
        Mode::Import,
        trust,
        exchange.register.conn(),
        &mut exchange.keys,
    )?;
    match decision {
        Decision::Refuse(refusal) => {
            released.outcome = "still-refused".into();
            released.reason = Some(refusal.reason.code().to_owned());
            released.detail = Some(refusal.detail);
        }
        Decision::PassOver(_) => {
            released.outcome = "still-refused".into();
            released.reason = Some("not-ours".into());
        }
        accepted @ Decision::Accept(_) => {
            let received = exchange.apply(&path, Some(&bytes), accepted)?;
            let release = record("received");
            exchange
                .register
                .write(|tx| store::quarantine_release(tx, id, &release))?;
            released.outcome = release.outcome;
            released.received = Some(received);
        }
    }
    Ok(released)
}
