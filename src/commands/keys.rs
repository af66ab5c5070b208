//! `keys init/show/export/trust/list/revoke`.

use std::path::Path;

use anyhow::Context as _;
use serde::Serialize;

use crate::app::{Ctx, Status};
use crate::cli::KeysCommand;
use crate::config;
use crate::error::usage;
use crate::keys::{KeyError, KeyStore, Peer, StationKeys, card};
use crate::sync::verify::{MAX_PUBLIC_KEY_FILE, read_named_text};
use crate::t;

pub fn run(ctx: &Ctx, cmd: KeysCommand) -> anyhow::Result<Status> {
    match cmd {
        KeysCommand::Init => init(ctx),
        KeysCommand::Show => show(ctx),
        KeysCommand::Export { age, out: None } => export(ctx, age),
        KeysCommand::Export { out: Some(out), .. } => export_card(ctx, &out),
        KeysCommand::Trust { file, name, age } => {
            trust(ctx, &file, name.as_deref(), age.as_deref())
        }
        KeysCommand::List => list(ctx),
        KeysCommand::Revoke { name } => revoke(ctx, &name),
    }
}

#[derive(Debug, Serialize)]
struct PublicKeys {
    key_id: String,
    /// The base64 line of the minisign public key.
    minisign: String,
    /// The standard two-line minisign `.pub` file.
    minisign_file: String,
    age: String,
    dir: String,
}

fn public_keys(store: &KeyStore, keys: &StationKeys) -> PublicKeys {
    PublicKeys {
        key_id: keys.key_id.to_string(),
        minisign: keys.signing_public.to_base64(),
        minisign_file: keys.signing_public_file(),
        age: keys.age_recipient.to_string(),
        dir: store.dir().display().to_string(),
    }
}

fn init(ctx: &Ctx) -> anyhow::Result<Status> {
    let store = ctx.key_store()?;
    if store.is_initialised() {
        return Err(anyhow::Error::from(KeyError::AlreadyInitialised(
            store.dir().to_path_buf(),
        )));
    }
    let passphrase = ctx.passphrase(&crate::t!("purpose-new-keys"), true)?;
    let keys = store.init(&passphrase)?;
    config::record_keys(&ctx.home, keys.key_id.to_string())?;
    let shown = public_keys(&store, &keys);
    if ctx.ui.is_json() {
        ctx.ui.json(&shown)?;
    } else {
        ctx.ui.line(&t!(
            "keys-created",
            dir = shown.dir.to_string(),
            key = shown.key_id.to_string(),
            age = shown.age.to_string()
        ))?;
        ctx.ui.line(&t!("keys-created-next"))?;
    }
    Ok(Status::Success)
}

fn show(ctx: &Ctx) -> anyhow::Result<Status> {
    let store = ctx.key_store()?;
    let keys = store.public()?;
    let shown = public_keys(&store, &keys);
    if ctx.ui.is_json() {
        ctx.ui.json(&shown)?;
    } else {
        let row = |label: String, value: String| format!("{:<11}{value}", format!("{label}:"));
        ctx.ui
            .line(&row(t!("keys-show-id"), shown.key_id.to_string()))?;
        ctx.ui
            .line(&row("minisign".into(), shown.minisign.to_string()))?;
        ctx.ui.line(&row("age".into(), shown.age.to_string()))?;
        ctx.ui
            .line(&row(t!("keys-show-dir"), shown.dir.to_string()))?;
    }
    Ok(Status::Success)
}

fn export(ctx: &Ctx, age: bool) -> anyhow::Result<Status> {
    let store = ctx.key_store()?;
    let keys = store.public()?;
    if ctx.ui.is_json() {
        ctx.ui.json(&public_keys(&store, &keys))?;
    } else if age {
        ctx.ui.line(&keys.age_recipient.to_string())?;
    } else {
        // The .pub file already ends with a newline.
        ctx.ui.line(keys.signing_public_file().trim_end())?;
    }
    Ok(Status::Success)
}

/// `keys export --out FILE`: the signed key card, and the fingerprint to read out.
fn export_card(ctx: &Ctx, out: &Path) -> anyhow::Result<Status> {
    let station = ctx.station()?;
    let store = ctx.initialised_keys()?;
    let keys = store.public()?;
    let secret = ctx.passphrase(&crate::t!("purpose-key-card"), false)?;
    let key = store.unlock_signing_key(&secret)?;
    let (bytes, written) = card::write(&station.name, &station.unit, &keys, &key)?;
    crate::fs::write_atomically(out, &bytes)
        .with_context(|| t!("error-cannot-write", file = out.display().to_string()))?;
    if ctx.ui.is_json() {
        ctx.ui.json(&serde_json::json!({
            "file": out.display().to_string(),
            "name": written.card.name,
            "unit": written.card.unit,
            "key_id": written.card.key_id,
            "fingerprint": written.fingerprint,
        }))?;
    } else {
        ctx.ui.line(&t!(
            "keys-card-written",
            file = out.display().to_string(),
            name = written.card.name.as_str(),
            unit = written.card.unit.as_str(),
            key = written.card.key_id.to_string(),
            fingerprint = written.fingerprint.to_string()
        ))?;
        ctx.ui.line(&t!("keys-card-next"))?;
    }
    Ok(Status::Success)
}

fn trust(ctx: &Ctx, file: &Path, name: Option<&str>, age: Option<&str>) -> anyhow::Result<Status> {
    let store = ctx.key_store()?;
    let text = read_named_text(file, MAX_PUBLIC_KEY_FILE, "a public key file")?;
    let at_file = |e: KeyError| usage(format!("{}: {e}", file.display()));
    let (peer, checked) = if card::is_card(&text) {
        let checked = card::read(&text).map_err(at_file)?;
        if let Some(age) = age
            && age.trim() != checked.card.age
        {
            return Err(usage(t!(
                "keys-age-mismatch",
                age = age,
                file = file.display().to_string()
            ))
            .into());
        }
        (checked.peer(name).map_err(at_file)?, Some(checked))
    } else {
        let name = name.ok_or_else(|| {
            usage(t!("keys-pub-needs-name", file = file.display().to_string()))
                .hint(t!("hint-keys-card"))
        })?;
        (Peer::new(name, &text, age).map_err(at_file)?, None)
    };
    let key_id = peer.key_id()?;
    if let Ok(own) = store.public()
        && own.key_id == key_id
    {
        return Err(usage(t!(
            "keys-own-key",
            file = file.display().to_string(),
            key = key_id.to_string()
        ))
        .into());
    }
    let mut list = store.trust_list()?;
    list.add(peer.clone())?;
    store.save_trust_list(&list)?;
    if ctx.ui.is_json() {
        let mut view = serde_json::to_value(peer_view(&peer))?;
        if let Some(checked) = &checked {
            view["unit"] = checked.card.unit.clone().into();
            view["fingerprint"] = checked.fingerprint.clone().into();
        }
        ctx.ui.json(&view)?;
    } else {
        if let Some(checked) = &checked {
            ctx.ui.line(&t!(
                "keys-card-of",
                name = checked.card.name.as_str(),
                unit = checked.card.unit.as_str(),
                key = key_id.to_string(),
                fingerprint = checked.fingerprint.to_string()
            ))?;
            ctx.ui.line(&t!("keys-compare-fingerprint"))?;
        }
        let encrypt = if peer.age.is_some() {
            t!("keys-can-encrypt")
        } else {
            t!("keys-cannot-encrypt")
        };
        ctx.ui.line(&t!(
            "keys-trusted",
            name = peer.name.as_str(),
            key = key_id.to_string(),
            encrypt = encrypt
        ))?;
    }
    Ok(Status::Success)
}

#[derive(Debug, Serialize)]
struct PeerView {
    name: String,
    key_id: Option<String>,
    minisign: String,
    age: Option<String>,
    revoked: bool,
}

fn peer_view(peer: &Peer) -> PeerView {
    PeerView {
        name: peer.name.clone(),
        key_id: peer.key_id().ok().map(|id| id.to_string()),
        minisign: peer.minisign.clone(),
        age: peer.age.clone(),
        revoked: peer.revoked,
    }
}

fn list(ctx: &Ctx) -> anyhow::Result<Status> {
    let store = ctx.key_store()?;
    let list = store
        .trust_list()
        .with_context(|| t!("keys-trust-list-unreadable"))?;
    let peers: Vec<PeerView> = list.peers().iter().map(peer_view).collect();
    if ctx.ui.is_json() {
        ctx.ui.json(&peers)?;
        return Ok(Status::Success);
    }
    if peers.is_empty() {
        ctx.ui.line(&t!("keys-no-peers"))?;
    }
    for peer in &peers {
        ctx.ui.line(&format!(
            "{:<24} {}  {}{}",
            peer.name,
            peer.key_id.as_deref().unwrap_or("?"),
            if peer.age.is_some() {
                "age".to_owned()
            } else {
                t!("keys-no-age")
            },
            if peer.revoked {
                format!("  {}", t!("keys-revoked-mark"))
            } else {
                String::new()
            }
        ))?;
    }
    Ok(Status::Success)
}

fn revoke(ctx: &Ctx, name: &str) -> anyhow::Result<Status> {
    let store = ctx.key_store()?;
    let mut list = store.trust_list()?;
    list.revoke(name)?;
    store.save_trust_list(&list)?;
    if ctx.ui.is_json() {
        ctx.ui
            .json(&serde_json::json!({ "name": name, "revoked": true }))?;
    } else {
        ctx.ui.line(&t!("keys-revoked", name = name))?;
    }
    Ok(Status::Success)
}
