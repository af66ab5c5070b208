//! `hub enroll` and `hub revoke`: a station enrolled at the hub is also a signer the NPC
//! trusts (its packets are verified against the trust list, as with a folder); revoking it
//! revokes both.

use std::path::Path;

use super::HubStore;
use super::store::StationRow;
use crate::context::Ctx;
use crate::error::usage;
use crate::keys::card;
use crate::keys::trust::Peer;
use crate::packet::sign::public_key_file;
use crate::sync::verify::{MAX_PUBLIC_KEY_FILE, read_named_text};

/// Enrolls the station whose public key (`.pub` file or key card) is in `file`.
pub fn enroll(
    ctx: &Ctx,
    store: &HubStore,
    file: &Path,
    name: Option<&str>,
) -> anyhow::Result<StationRow> {
    let keys = ctx.initialised_keys()?;
    let text = read_named_text(file, MAX_PUBLIC_KEY_FILE, &crate::t!("sync-a-public-key"))?;
    let at_file = |e: crate::keys::KeyError| usage(format!("{}: {e}", file.display()));
    let peer = if card::is_card(&text) {
        card::read(&text)
            .and_then(|checked| checked.peer(name))
            .map_err(at_file)?
    } else {
        let name = name.ok_or_else(|| {
            usage(crate::t!(
                "hub-enroll-needs-name",
                file = file.display().to_string()
            ))
            .hint(crate::t!("hub-enroll-needs-name-hint"))
        })?;
        Peer::new(name, &text, None).map_err(at_file)?
    };
    let key_id = peer.key_id()?;
    if keys.public()?.key_id == key_id {
        return Err(usage(crate::t!(
            "hub-enroll-own-key",
            file = file.display().to_string(),
            key = key_id.to_string()
        ))
        .into());
    }
    let mut list = keys.trust_list()?;
    let name = match list.by_key_id(key_id) {
        Some(trusted) if trusted.revoked => {
            return Err(usage(crate::t!(
                "hub-enroll-revoked-in-trust",
                key = key_id.to_string(),
                name = trusted.name.as_str()
            ))
            .into());
        }
        Some(trusted) => trusted.name.clone(),
        None => {
            let name = peer.name.clone();
            list.add(peer.clone())?;
            keys.save_trust_list(&list)?;
            name
        }
    };
    let public_key = public_key_file(&peer.public_key()?)?;
    let row = StationRow {
        key_id: key_id.to_string(),
        name,
        public_key,
        enrolled_at: ctx.now(),
        revoked_at: None,
    };
    Ok(store.enroll(&row).map_err(usage)?)
}

/// Revokes a station by name or key id, at the hub and in the trust list.
pub fn revoke(ctx: &Ctx, store: &HubStore, who: &str) -> anyhow::Result<StationRow> {
    let station = store
        .revoke(who, &ctx.now())
        .map_err(|e| usage(e).hint(crate::t!("hub-stations-hint")))?;
    let keys = ctx.initialised_keys()?;
    let mut list = keys.trust_list()?;
    if list.by_name(&station.name).is_some_and(|p| !p.revoked) {
        list.revoke(&station.name)?;
        keys.save_trust_list(&list)?;
    }
    Ok(station)
}
