//! Drafting a request: the items, the facts and who it is for, checked before anything is
//! created or signed.

use std::collections::BTreeMap;

use anyhow::Context as _;
use serde::Serialize;

use super::{Finding, Level, RequestBody, RequestFacts, check};
use crate::context::Ctx;
use crate::error::usage;
use crate::keys::Peer;
use crate::register::item::{self, Item};
use crate::register::traces::{self, NewRequest};
use crate::register::{photos, resolve_item};
use crate::t;

/// A trusted, unrevoked peer by name.
pub fn trusted_peer(ctx: &Ctx, name: &str) -> anyhow::Result<Peer> {
    let list = ctx.key_store()?.trust_list()?;
    let peer = list.by_name(name).cloned().ok_or_else(|| {
        usage(t!("trace-no-such-peer", name = name)).hint(t!("hint-trace-no-such-peer"))
    })?;
    if peer.revoked {
        return Err(usage(t!("trace-peer-revoked", name = name)).into());
    }
    Ok(peer)
}

/// A request built and checked, not yet created.
#[derive(Debug)]
pub struct Draft {
    pub peer: Peer,
    pub items: Vec<i64>,
    pub body: RequestBody,
    pub findings: Vec<Finding>,
    /// Photos whose reduced copy could not be made: their originals will travel.
    pub warnings: Vec<String>,
}

impl Draft {
    /// How many required facts are missing.
    pub fn missing(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.level == Level::Missing)
            .count()
    }
}

/// A request created in the register.
#[derive(Debug, Serialize)]
pub struct Created {
    pub id: i64,
    pub packet_id: String,
    pub seq: u64,
    pub to: String,
    pub items: Vec<i64>,
    pub body_bytes: usize,
    pub complete: bool,
    pub findings: Vec<Finding>,
}

/// SHA-256 of each photo's reduced copy, derived now if an import left it for later. A photo
/// without one travels as its original.
fn reduced_copies(
    ctx: &Ctx,
    items: &[Item],
    warnings: &mut Vec<String>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for photo in items.iter().flat_map(|i| &i.photos) {
        if out.contains_key(&photo.sha256) {
            continue;
        }
        let reduced = photos::ensure_reduced(&ctx.home, &photo.sha256, ctx.today())
            .map_err(anyhow::Error::new)
            .and_then(|path| {
                std::fs::read(ctx.home.join(&path)).with_context(|| {
                    crate::t!("error-cannot-read", file = path.display().to_string())
                })
            });
        match reduced {
            Ok(bytes) => {
                out.insert(photo.sha256.clone(), crate::fs::sha256_hex(&bytes));
            }
            Err(e) => warnings.push(crate::t!(
                "trace-no-reduced-copy",
                sha = photo.sha256.as_str(),
                error = format!("{e:#}")
            )),
        }
    }
    out
}

/// Builds the request ITI paragraph 17 asks for from the items, and checks it.
pub fn draft(
    ctx: &Ctx,
    references: &[String],
    to: &str,
    mut facts: RequestFacts,
) -> anyhow::Result<Draft> {
    let station = ctx.station()?;
    let peer = trusted_peer(ctx, to)?;
    let register = ctx.register()?;
    let mut ids: Vec<i64> = Vec::new();
    for reference in references {
        let id = resolve_item(register.conn(), reference)?;
        if ids.contains(&id) {
            return Err(usage(format!("item {id} is named twice in the request")).into());
        }
        ids.push(id);
    }
    let items = ids
        .iter()
        .map(|id| item::load(register.conn(), &id.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    if facts.point_of_contact.is_none() {
        facts.point_of_contact = Some(station.officer.clone());
    }
    let mut warnings = Vec::new();
    let body = RequestBody::build(&facts, &items, &reduced_copies(ctx, &items, &mut warnings));
    let findings = check(&body);
    Ok(Draft {
        peer,
        items: ids,
        body,
        findings,
        warnings,
    })
}

/// Creates the drafted request: its packet id and sequence number are fixed from now on.
pub fn create(ctx: &Ctx, draft: Draft) -> anyhow::Result<Created> {
    let station = ctx.station()?;
    let recipient_key_id = draft.peer.key_id()?.to_string();
    let body_text = serde_json::to_string(&draft.body)?;
    let now = ctx.now();
    let created_by = station.signature();
    let mut register = ctx.register()?;
    let (id, packet_id, seq) = register.write(|tx| {
        let packet_id = ctx.new_id(tx).to_string();
        let (id, seq) = traces::create(
            tx,
            &NewRequest {
                packet_id: &packet_id,
                recipient: &draft.peer.name,
                recipient_key_id: &recipient_key_id,
                body: &body_text,
                items: &draft.items,
                created_at: &now,
                created_by: &created_by,
            },
        )?;
        Ok((id, packet_id, seq))
    })?;
    // What is signed is the canonical form; its size is what travels.
    let body_bytes = serde_json_canonicalizer::to_vec(&draft.body)
        .map(|b| b.len())
        .unwrap_or(body_text.len());
    let complete = draft.missing() == 0;
    Ok(Created {
        id,
        packet_id,
        seq,
        to: draft.peer.name,
        items: draft.items,
        body_bytes,
        complete,
        findings: draft.findings,
    })
}
