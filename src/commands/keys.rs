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
        ctx.ui.line(&format!(
            "Keys created in {}: signing key {} (minisign), decryption key {} (age)",
            shown.dir, shown.key_id, shown.age
        ))?;
        ctx.ui.line(
            "Give peers your key card (`fieldtrace keys export --out station.ftkey`) and read them its fingerprint by phone; keep the passphrase safe: it cannot be recovered.",
        )?;
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
        ctx.ui.line(&format!("key id:    {}", shown.key_id))?;
        ctx.ui.line(&format!("minisign:  {}", shown.minisign))?;
        ctx.ui.line(&format!("age:       {}", shown.age))?;
        ctx.ui.line(&format!("directory: {}", shown.dir))?;
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
        .with_context(|| format!("cannot write {}", out.display()))?;
    if ctx.ui.is_json() {
        ctx.ui.json(&serde_json::json!({
            "file": out.display().to_string(),
            "name": written.card.name,
            "unit": written.card.unit,
            "key_id": written.card.key_id,
            "fingerprint": written.fingerprint,
        }))?;
    } else {
        ctx.ui.line(&format!(
            "Wrote {}: '{}' ({}), key id {}, fingerprint {}",
            out.display(),
            written.card.name,
            written.card.unit,
            written.card.key_id,
            written.fingerprint
        ))?;
        ctx.ui.line(
            "Give the file to the peer (`keys trust FILE`) and read them the fingerprint by phone.",
        )?;
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
            return Err(usage(format!(
                "--age {age} is not the age key the card {} carries",
                file.display()
            ))
            .into());
        }
        (checked.peer(name).map_err(at_file)?, Some(checked))
    } else {
        let name = name.ok_or_else(|| {
            usage(format!("{}: a .pub file needs --name", file.display()))
                .hint("or trust the peer's key card: `keys export --out station.ftkey` there")
        })?;
        (Peer::new(name, &text, age).map_err(at_file)?, None)
    };
    let key_id = peer.key_id()?;
    if let Ok(own) = store.public()
        && own.key_id == key_id
    {
        return Err(usage(format!(
            "{} is this station's own key ({key_id})",
            file.display()
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
            ctx.ui.line(&format!(
                "Key card of '{}' ({}): key id {key_id}, fingerprint {}",
                checked.card.name, checked.card.unit, checked.fingerprint
            ))?;
            ctx.ui.line(
                "Compare the fingerprint by phone with the one its station read out; `keys revoke` if they differ.",
            )?;
        }
        let encrypt = if peer.age.is_some() {
            "packets can be encrypted to it"
        } else {
            "no age key: packets to it cannot be encrypted (add --age)"
        };
        ctx.ui.line(&format!(
            "Trusted '{}': signing key {key_id}; {encrypt}",
            peer.name
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
    let list = store.trust_list().context("cannot read the trust list")?;
    let peers: Vec<PeerView> = list.peers().iter().map(peer_view).collect();
    if ctx.ui.is_json() {
        ctx.ui.json(&peers)?;
        return Ok(Status::Success);
    }
    if peers.is_empty() {
        ctx.ui
            .line("No trusted peers yet: `fieldtrace keys trust FILE --name NAME`.")?;
    }
    for peer in &peers {
        ctx.ui.line(&format!(
            "{:<24} {}  {}{}",
            peer.name,
            peer.key_id.as_deref().unwrap_or("?"),
            if peer.age.is_some() {
                "age"
            } else {
                "no age key"
            },
            if peer.revoked { "  REVOKED" } else { "" }
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
        ctx.ui.line(&format!(
            "Revoked '{name}': its packets are refused from now on"
        ))?;
    }
    Ok(Status::Success)
}
