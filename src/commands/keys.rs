//! `keys init/show/export/trust/list/revoke`.

use std::path::Path;

use anyhow::Context as _;
use serde::Serialize;

use crate::app::{Ctx, Status};
use crate::cli::KeysCommand;
use crate::error::usage;
use crate::keys::{KeyError, KeyStore, Peer, StationKeys};
use crate::sync::verify::{MAX_PUBLIC_KEY_FILE, read_named_text};

pub fn run(ctx: &Ctx, cmd: KeysCommand) -> anyhow::Result<Status> {
    match cmd {
        KeysCommand::Init => init(ctx),
        KeysCommand::Show => show(ctx),
        KeysCommand::Export { age } => export(ctx, age),
        KeysCommand::Trust { file, name, age } => trust(ctx, &file, &name, age.as_deref()),
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
    let passphrase = ctx.passphrase("protect this station's new keys", true)?;
    let keys = store.init(&passphrase)?;
    let shown = public_keys(&store, &keys);
    if ctx.ui.is_json() {
        ctx.ui.json(&shown)?;
    } else {
        ctx.ui.line(&format!(
            "Keys created in {}: signing key {} (minisign), decryption key {} (age)",
            shown.dir, shown.key_id, shown.age
        ))?;
        ctx.ui.line(
            "Give peers `fieldtrace keys export` (and `keys export --age`); keep the passphrase safe: it cannot be recovered.",
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

fn trust(ctx: &Ctx, file: &Path, name: &str, age: Option<&str>) -> anyhow::Result<Status> {
    let store = ctx.key_store()?;
    let text = read_named_text(file, MAX_PUBLIC_KEY_FILE, "a public key file")?;
    let peer =
        Peer::new(name, &text, age).map_err(|e| usage(format!("{}: {e}", file.display())))?;
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
        ctx.ui.json(&peer_view(&peer))?;
    } else {
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
