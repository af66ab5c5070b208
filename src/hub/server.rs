//! `hub serve`: axum on tokio. Requests are authenticated on the runtime's threads (the store
//! is shared, PostgreSQL through its pool); uploads and mailbox sweeps go, one at a time, to
//! the NPC's exchange on the thread that called `serve` (the NPC's register is one SQLite
//! file, written by one writer).
//!
//! HTTP API (every request signed, see `auth`):
//! - `PUT /v1/packets/{id}`: a packet; answers `stored` (201), `duplicate` (200), `conflict`
//!   (409) or `rejected` (422) with its reason code.
//! - `GET /v1/mailbox`: what waits for the station, `[{packet_id, kind, sha256}]`.
//! - `GET /v1/mailbox/{id}`: one packet's bytes.
//! - `POST /v1/mailbox/{id}/taken`: the station has decided on it; it leaves the mailbox.
//! - `GET /v1/health`: unsigned, `{"ok": true}`.
//! - `GET /v1/hub`: unsigned, who signs for the hub: `{"key_id", "name", "unit"}` of the NPC.
//!
//! Refusals before any decision: 400 `bad-id`, 401 (`unenrolled`, `revoked`,
//! `bad-request-signature`, `stale-request`, `replayed-request`, `unsigned-request`), 408
//! `timeout` (a body too slow), 413 `too-large`. A client that sends its headers too slowly is
//! disconnected after the timeout.

// A handler's refusal is an axum `Response`, as large as its answer: `Result<Response,
// Response>` is axum's own idiom.
#![allow(clippy::result_large_err)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde_json::json;
use tokio::sync::{mpsc, oneshot};

use super::auth::{self, AuthError, Signed};
use super::npc::{Npc, Upload, Verdict};
use super::store::{MailRow, StationRow};
use super::{HubStore, is_packet_id};
use crate::clock::Clock;
use crate::context::Ctx;
use crate::fs::sha256_hex;

/// How the hub serves.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Bytes a request body may have.
    pub max_body: u64,
    /// How long a client may take to send its headers, and its body.
    pub timeout: Duration,
    /// Connections served at once; more wait to be accepted.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_body: crate::sync::destination::file_cap(),
            timeout: Duration::from_secs(30),
            max_connections: 1024,
        }
    }
}

/// Work for the NPC's thread.
enum Job {
    Upload {
        station: StationRow,
        id: String,
        body: Bytes,
        reply: oneshot::Sender<anyhow::Result<Upload>>,
    },
    Mailbox {
        station: StationRow,
        reply: oneshot::Sender<anyhow::Result<Vec<MailRow>>>,
    },
}

struct Shared {
    store: Arc<HubStore>,
    /// `GET /v1/hub`: who signs for this hub.
    identity: String,
    clock: Clock,
    limits: Limits,
    jobs: mpsc::Sender<Job>,
}

/// A refusal as the hub answers it: a status, a reason code, a sentence.
fn refusal(status: StatusCode, reason: &str, detail: impl std::fmt::Display) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        json!({"result": "refused", "reason": reason, "detail": detail.to_string()}).to_string(),
    )
        .into_response()
}

fn internal(e: impl std::fmt::Display) -> Response {
    refusal(StatusCode::INTERNAL_SERVER_ERROR, "hub-error", e)
}

fn json_response(status: StatusCode, value: &impl serde::Serialize) -> Response {
    match serde_json::to_string(value) {
        Ok(text) => (status, [(header::CONTENT_TYPE, "application/json")], text).into_response(),
        Err(e) => internal(e),
    }
}

fn header_text<'h>(headers: &'h HeaderMap, name: &'static str) -> Result<&'h str, AuthError> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .ok_or(AuthError::Unsigned(name))
}

/// Every check of a request's signature, against the store: the station it comes from.
fn authenticate(
    store: &HubStore,
    clock: &Clock,
    headers: &HeaderMap,
    method: &str,
    path: &str,
    body_sha256: &str,
) -> Result<Result<StationRow, AuthError>, super::HubError> {
    let signed = match (|| {
        Ok::<_, AuthError>(Signed {
            key_id: header_text(headers, auth::KEY_HEADER)?.to_owned(),
            time: header_text(headers, auth::TIME_HEADER)?.to_owned(),
            nonce: header_text(headers, auth::NONCE_HEADER)?.to_owned(),
            signature: header_text(headers, auth::SIGNATURE_HEADER)?.to_owned(),
        })
    })() {
        Ok(signed) => signed,
        Err(e) => return Ok(Err(e)),
    };
    let Some(station) = store.station(&signed.key_id)? else {
        return Ok(Err(AuthError::Unenrolled(
            signed.key_id.chars().take(16).collect(),
        )));
    };
    if let Some(at) = &station.revoked_at {
        return Ok(Err(AuthError::Revoked(station.key_id, at.clone())));
    }
    let now = clock.now();
    let checks = auth::check_nonce(&signed.nonce)
        .and_then(|()| auth::check_time(&signed.time, now))
        .and_then(|()| {
            auth::check_signature(&station.public_key, &signed, method, path, body_sha256)
        });
    if let Err(e) = checks {
        return Ok(Err(e));
    }
    // Only a request that verifies spends its nonce, so a forger cannot burn a station's.
    let forget = now - chrono::Duration::seconds(2 * auth::WINDOW_SECONDS);
    if !store.use_nonce(
        &station.key_id,
        &signed.nonce,
        &now.to_rfc3339(),
        &forget.to_rfc3339(),
    )? {
        return Ok(Err(AuthError::Replayed(signed.nonce)));
    }
    Ok(Ok(station))
}

/// Reads the body within the cap and the timeout, then authenticates on a blocking thread.
async fn admit(shared: &Arc<Shared>, request: Request) -> Result<(StationRow, Bytes), Response> {
    let limits = &shared.limits;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.max_body) {
        return Err(refusal(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            format!("the body is over {} bytes", limits.max_body),
        ));
    }
    let (parts, body) = request.into_parts();
    let cap = usize::try_from(limits.max_body).unwrap_or(usize::MAX);
    let body = match tokio::time::timeout(limits.timeout, axum::body::to_bytes(body, cap)).await {
        Err(_) => {
            return Err(refusal(
                StatusCode::REQUEST_TIMEOUT,
                "timeout",
                format!("the body did not come within {:?}", limits.timeout),
            ));
        }
        Ok(Err(_)) => {
            return Err(refusal(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too-large",
                format!("the body is over {} bytes", limits.max_body),
            ));
        }
        Ok(Ok(body)) => body,
    };
    let sha256 = sha256_hex(&body);
    let method = parts.method.as_str().to_owned();
    let path = parts.uri.path().to_owned();
    let shared2 = shared.clone();
    let checked = blocking(move || {
        authenticate(
            &shared2.store,
            &shared2.clock,
            &parts.headers,
            &method,
            &path,
            &sha256,
        )
    })
    .await?;
    match checked {
        Ok(station) => Ok((station, body)),
        Err(e) => Err(refusal(StatusCode::UNAUTHORIZED, e.code(), &e)),
    }
}

fn bad_id(id: &str) -> Result<(), Response> {
    if is_packet_id(id) {
        return Ok(());
    }
    Err(refusal(
        StatusCode::BAD_REQUEST,
        "bad-id",
        format!(
            "'{}' is not a packet id (a UUID)",
            id.chars().take(80).collect::<String>()
        ),
    ))
}

/// Hands a job to the NPC's thread and waits for its answer.
async fn ask<T>(
    shared: &Shared,
    job: impl FnOnce(oneshot::Sender<anyhow::Result<T>>) -> Job,
) -> Result<T, Response> {
    let (reply, answer) = oneshot::channel();
    if shared.jobs.send(job(reply)).await.is_err() {
        return Err(internal("the hub is stopping"));
    }
    match answer.await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(internal(format!("{e:#}"))),
        Err(e) => Err(internal(e)),
    }
}

/// Runs a store operation on a blocking thread.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, super::HubError> + Send + 'static,
) -> Result<T, Response> {
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(internal(e)),
        Err(e) => Err(internal(e)),
    }
}

fn not_found() -> Response {
    refusal(
        StatusCode::NOT_FOUND,
        "not-found",
        "no such packet for this station",
    )
}

async fn put_packet(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    request: Request,
) -> Result<Response, Response> {
    bad_id(&id)?;
    let (station, body) = admit(&shared, request).await?;
    let upload = ask(&shared, |reply| Job::Upload {
        station,
        id,
        body,
        reply,
    })
    .await?;
    let status = match upload.result {
        Verdict::Stored => StatusCode::CREATED,
        Verdict::Duplicate => StatusCode::OK,
        Verdict::Conflict => StatusCode::CONFLICT,
        Verdict::Rejected => StatusCode::UNPROCESSABLE_ENTITY,
    };
    Ok(json_response(status, &upload))
}

async fn list_mailbox(
    State(shared): State<Arc<Shared>>,
    request: Request,
) -> Result<Response, Response> {
    let (station, _) = admit(&shared, request).await?;
    let rows = ask(&shared, |reply| Job::Mailbox { station, reply }).await?;
    let listed: Vec<_> = rows
        .iter()
        .map(|m| json!({"packet_id": m.packet_id, "kind": m.kind, "sha256": m.sha256}))
        .collect();
    Ok(json_response(StatusCode::OK, &listed))
}

/// A mailbox request about packet `id`: the id checked, the request admitted.
async fn admit_mail(
    shared: &Arc<Shared>,
    id: &str,
    request: Request,
) -> Result<(StationRow, Arc<HubStore>), Response> {
    bad_id(id)?;
    let (station, _) = admit(shared, request).await?;
    Ok((station, shared.store.clone()))
}

async fn get_mail(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    request: Request,
) -> Result<Response, Response> {
    let (station, store) = admit_mail(&shared, &id, request).await?;
    let (mail, bytes) = blocking(move || store.mail_item(&station.key_id, &id))
        .await?
        .ok_or_else(not_found)?;
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
            (header::ETAG, format!("\"{}\"", mail.sha256)),
        ],
        Body::from(bytes),
    )
        .into_response())
}

async fn taken(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    request: Request,
) -> Result<Response, Response> {
    let (station, store) = admit_mail(&shared, &id, request).await?;
    let now = shared.clock.now().to_rfc3339();
    if blocking(move || store.delivered(&station.key_id, &id, &now)).await? {
        Ok(json_response(StatusCode::OK, &json!({"result": "taken"})))
    } else {
        Err(not_found())
    }
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/v1/health", get(|| async { r#"{"ok":true}"# }))
        .route(
            "/v1/hub",
            get(|State(shared): State<Arc<Shared>>| async move {
                (
                    [(header::CONTENT_TYPE, "application/json")],
                    shared.identity.clone(),
                )
            }),
        )
        .route("/v1/packets/{id}", put(put_packet))
        .route("/v1/mailbox", get(list_mailbox))
        .route("/v1/mailbox/{id}", get(get_mail))
        .route("/v1/mailbox/{id}/taken", post(taken))
        .with_state(shared)
}

/// Accepts connections, each served by hyper with a header timeout (axum::serve has none).
async fn accept(listener: tokio::net::TcpListener, app: Router, limits: Limits) {
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    loop {
        let Ok(permit) = slots.clone().acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors, say: wait rather than spin.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let timeout = limits.timeout;
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(timeout)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            let _ = connection.await;
            drop(permit);
        });
    }
}

/// Serves until the process is stopped. `ready` is told the address once listening.
pub fn serve(
    ctx: &Ctx,
    store: Arc<HubStore>,
    listen: &str,
    limits: Limits,
    ready: &mut dyn FnMut(SocketAddr) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    ctx.clock.count_ids_from_the_register_each_time();
    let mut npc = Npc::open(ctx, store.clone())?;
    // What the NPC signed while the hub was down waits in the mailboxes from the start.
    npc.sweep(None)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .enable_time()
        .build()?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(listen))
        .map_err(|e| {
            crate::error::usage(crate::t!(
                "hub-cannot-listen",
                listen = listen.to_string(),
                error = e.to_string()
            ))
            .hint(crate::t!("hub-cannot-listen-hint"))
        })?;
    let address = listener.local_addr()?;
    let (jobs, mut queue) = mpsc::channel(256);
    let shared = Arc::new(Shared {
        store,
        identity: npc.identity().to_string(),
        clock: ctx.clock.detached(),
        limits: limits.clone(),
        jobs,
    });
    runtime.spawn(accept(listener, router(shared), limits));
    ready(address)?;
    while let Some(job) = queue.blocking_recv() {
        match job {
            Job::Upload {
                station,
                id,
                body,
                reply,
            } => {
                let _ = reply.send(npc.upload(&station, &id, &body));
            }
            Job::Mailbox { station, reply } => {
                let _ = reply.send(npc.mailbox(&station));
            }
        }
    }
    Ok(())
}
