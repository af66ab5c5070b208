//! The station's side of a hub: `sync --to https://HOST` (or `http://127.0.0.1:PORT`). A
//! `sync::Destination` over a small blocking client (ureq, TLS by rustls with the webpki
//! roots): each outbox packet is PUT under its id (stored, duplicate, conflict or rejected
//! with its reason; one refused never stops the others), then the mailbox is read, each packet
//! decided as from a folder and only then taken out of the mailbox, so a cut link loses
//! nothing and a rerun goes on where it stopped.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;
use serde::Deserialize;

use super::auth;
use crate::clock::Clock;
use crate::context::Ctx;
use crate::error::usage;
use crate::fs::{sha256_hex, write_atomically};
use crate::packet::{KeyId, Recipient, SigningKey};
use crate::register::sync::OutboxEntry;
use crate::sync::destination::{Copied, Destination, file_cap};
use crate::sync::seizure;
use crate::sync::{Exchange, Observer, SyncReport};
use crate::t;

/// Whether `--to` names a hub rather than a folder.
pub fn is_hub_url(to: &str) -> bool {
    to.starts_with("http://") || to.starts_with("https://")
}

/// A hub as a station syncs with it.
pub struct Hub<'c> {
    base: String,
    agent: ureq::Agent,
    key: SigningKey,
    clock: &'c Clock,
    /// Where mailbox packets wait, in the station's home, until decided.
    incoming: PathBuf,
}

impl std::fmt::Debug for Hub<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hub").field("base", &self.base).finish()
    }
}

/// The hub's answer to an upload.
#[derive(Debug, Deserialize)]
struct Answer {
    result: String,
    reason: Option<String>,
    detail: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Waiting {
    packet_id: String,
    sha256: String,
}

/// Bytes of a JSON answer read at most.
const ANSWER_CAP: u64 = 16 * 1024 * 1024;

impl<'c> Hub<'c> {
    pub fn new(url: &str, key: SigningKey, clock: &'c Clock, home: &Path) -> Hub<'c> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(15)))
            .timeout_global(Some(Duration::from_secs(300)))
            .build()
            .into();
        Hub {
            base: url.trim_end_matches('/').to_owned(),
            agent,
            key,
            clock,
            incoming: home.join("hub-in"),
        }
    }

    fn headers(&self, method: &str, path: &str, body: &[u8]) -> anyhow::Result<auth::Signed> {
        let nonce = uuid::Uuid::new_v4().simple().to_string();
        let time = self
            .clock
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        auth::sign(&self.key, method, path, &sha256_hex(body), &time, &nonce)
            .map_err(anyhow::Error::msg)
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Sends one signed request; returns its status and body (capped).
    fn request(&self, method: &str, path: &str, body: &[u8]) -> anyhow::Result<(u16, Vec<u8>)> {
        let signed = self.headers(method, path, body)?;
        let with = |b: ureq::RequestBuilder<ureq::typestate::WithBody>| {
            b.header(auth::KEY_HEADER, &signed.key_id)
                .header(auth::TIME_HEADER, &signed.time)
                .header(auth::NONCE_HEADER, &signed.nonce)
                .header(auth::SIGNATURE_HEADER, &signed.signature)
        };
        let without = |b: ureq::RequestBuilder<ureq::typestate::WithoutBody>| {
            b.header(auth::KEY_HEADER, &signed.key_id)
                .header(auth::TIME_HEADER, &signed.time)
                .header(auth::NONCE_HEADER, &signed.nonce)
                .header(auth::SIGNATURE_HEADER, &signed.signature)
        };
        let url = self.url(path);
        let response = match method {
            "PUT" => with(self.agent.put(&url)).send(body),
            "POST" => with(self.agent.post(&url)).send(body),
            _ => without(self.agent.get(&url)).call(),
        }
        .with_context(|| t!("hub-client-unreachable", url = self.base.as_str()))?;
        let status = response.status().as_u16();
        let mut bytes = Vec::new();
        response
            .into_body()
            .into_reader()
            .take(file_cap().max(ANSWER_CAP) + 1)
            .read_to_end(&mut bytes)
            .with_context(|| t!("hub-client-stopped", url = self.base.as_str()))?;
        Ok((status, bytes))
    }

    fn refused(&self, status: u16, body: &[u8]) -> anyhow::Error {
        match serde_json::from_slice::<Answer>(body) {
            Ok(a) => {
                let reason = a.reason.unwrap_or_default();
                // The hub answers in English whatever its language (its API is for programs).
                let result = crate::i18n::shown("upload", &a.result);
                let said = match a.detail {
                    Some(detail) => t!(
                        "hub-client-refused-why",
                        status = status,
                        result = result,
                        reason = reason.as_str(),
                        detail = crate::sync::receive::refusal_sentence(&reason, &detail)
                    ),
                    None => t!(
                        "hub-client-refused",
                        status = status,
                        result = result,
                        reason = reason
                    ),
                };
                anyhow::anyhow!("{said}")
            }
            Err(_) => anyhow::anyhow!(
                "{}",
                t!(
                    "hub-client-answered",
                    status = status,
                    body = String::from_utf8_lossy(&body[..body.len().min(300)]).into_owned()
                )
            ),
        }
    }
}

impl Destination for Hub<'_> {
    fn label(&self) -> &str {
        &self.base
    }

    fn answers_at_once(&self) -> bool {
        true
    }

    fn waiting(&self) -> anyhow::Result<Vec<(String, PathBuf)>> {
        let (status, body) = self.request("GET", "/v1/mailbox", &[])?;
        if status != 200 {
            return Err(self.refused(status, &body));
        }
        let listed: Vec<Waiting> =
            serde_json::from_slice(&body).with_context(|| t!("hub-client-mailbox-not-json"))?;
        let mut files = Vec::new();
        for waiting in listed {
            if !super::is_packet_id(&waiting.packet_id) {
                anyhow::bail!(
                    "{}",
                    t!(
                        "hub-client-not-a-packet-id",
                        id = waiting.packet_id.chars().take(80).collect::<String>()
                    )
                );
            }
            let file = self.incoming.join(format!(
                "{}{}",
                waiting.packet_id,
                crate::packet::PACKET_SUFFIX
            ));
            let path = format!("/v1/mailbox/{}", waiting.packet_id);
            let (status, bytes) = self.request("GET", &path, &[])?;
            if status != 200 {
                return Err(self.refused(status, &bytes));
            }
            if sha256_hex(&bytes) != waiting.sha256 {
                anyhow::bail!(
                    "{}",
                    t!("hub-client-not-whole", packet = waiting.packet_id.as_str())
                );
            }
            write_atomically(&file, &bytes)?;
            files.push((waiting.packet_id, file));
        }
        Ok(files)
    }

    fn deliver(&self, home: &Path, entry: &OutboxEntry) -> anyhow::Result<Copied> {
        let source = home.join(&entry.file);
        let bytes = std::fs::read(&source)
            .with_context(|| t!("error-cannot-read", file = source.display().to_string()))?;
        let path = format!("/v1/packets/{}", entry.packet_id);
        let (status, body) = self.request("PUT", &path, &bytes)?;
        let answer: Option<Answer> = serde_json::from_slice(&body).ok();
        match (status, answer) {
            (200 | 201, Some(a)) if a.result == "stored" || a.result == "duplicate" => Ok(Copied {
                packet_id: entry.packet_id.clone(),
                file: self.url(&path),
                sha256: sha256_hex(&bytes),
                copied: a.result == "stored",
            }),
            _ => Err(self.refused(status, &body)),
        }
    }

    fn taken(&self, packet_id: &str, file: &Path) -> anyhow::Result<()> {
        let path = format!("/v1/mailbox/{packet_id}/taken");
        let (status, body) = self.request("POST", &path, &[])?;
        if status != 200 {
            return Err(self.refused(status, &body));
        }
        // Decided and recorded: the copy is not needed any more.
        let _ = std::fs::remove_file(file);
        Ok(())
    }
}

impl Hub<'_> {
    /// The key the hub signs with (the NPC's), as `GET /v1/hub` gives it.
    pub fn npc_key(&self) -> anyhow::Result<KeyId> {
        let (status, body) = self.request("GET", "/v1/hub", &[])?;
        if status != 200 {
            return Err(self.refused(status, &body));
        }
        let said: serde_json::Value =
            serde_json::from_slice(&body).with_context(|| t!("hub-client-identity-not-json"))?;
        said["key_id"].as_str().unwrap_or_default().parse().map_err(
            |e: <KeyId as std::str::FromStr>::Err| {
                anyhow::anyhow!("{}", t!("hub-client-identity", error = e.to_string()))
            },
        )
    }
}

/// `sync --to URL`: the station's keys unlocked once, for the requests and the packets; the
/// seizure report of what changed signed first, for the NPC the hub signs as.
pub fn sync(ctx: &Ctx, url: &str, each: &mut dyn Observer) -> anyhow::Result<SyncReport> {
    let mut exchange = Exchange::open(ctx)?;
    let key = exchange.signing_key()?.clone();
    let hub = Hub::new(url, key, &ctx.clock, &ctx.home);
    let npc = hub.npc_key()?;
    let trust = exchange.key_store().trust_list()?;
    let peer = trust.by_key_id(npc).filter(|p| !p.revoked).ok_or_else(|| {
        usage(t!("hub-client-untrusted", url = url, key = npc.to_string()))
            .hint(t!("hub-client-untrusted-hint"))
    })?;
    let to = Recipient {
        name: peer.name.clone(),
        key_id: npc,
    };
    let reports = seizure::report_changes(&mut exchange, &to)?;
    let mut report = crate::sync::sync_with(&mut exchange, &hub, each)?;
    report.seizure_reports = reports;
    Ok(report)
}
