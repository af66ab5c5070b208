//! Where requests stand: each sent request's progress and whether it waited past its
//! deadline, and the requests received from other stations.

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Finding, RequestBody, check};
use crate::config::Deadlines;
use crate::context::Ctx;
use crate::packet::{self, Kind};
use crate::register::sync::{self as store, Progress};
use crate::register::traces::{self, TraceRequest};
use crate::vocab::AckStatus;

/// A request by its number or packet id.
pub fn load_request(ctx: &Ctx, reference: &str) -> anyhow::Result<TraceRequest> {
    let register = ctx.register()?;
    let id = traces::resolve(register.conn(), reference)?;
    Ok(traces::load(register.conn(), id)?)
}

/// Why a request is overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Overdue {
    NotAcknowledged,
    NotAnswered,
}

impl Overdue {
    pub fn as_str(self) -> &'static str {
        match self {
            Overdue::NotAcknowledged => "not-acknowledged",
            Overdue::NotAnswered => "not-answered",
        }
    }
}

/// Whether a sent request waited past a deadline, and how many days it has waited. A request
/// answered, or rejected on receipt, waits for nothing.
pub fn overdue(
    now: DateTime<Utc>,
    request: &TraceRequest,
    progress: &Progress,
    deadlines: Deadlines,
) -> Option<(Overdue, i64)> {
    let exported = request.exported_at.as_deref()?;
    if progress.outcome.is_some()
        || progress.ack_status.as_deref() == Some(AckStatus::Rejected.as_str())
    {
        return None;
    }
    let since = DateTime::parse_from_rfc3339(exported).ok()?;
    let days = (now - since.with_timezone(&Utc)).num_days();
    if progress.ack_status.is_none() && days > i64::from(deadlines.acknowledge_days) {
        return Some((Overdue::NotAcknowledged, days));
    }
    (days > i64::from(deadlines.answer_days)).then_some((Overdue::NotAnswered, days))
}

/// One line of `trace list`.
#[derive(Debug, Serialize)]
pub struct Listed {
    #[serde(flatten)]
    pub request: TraceRequest,
    pub progress: Progress,
    /// Why `--overdue` lists it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue: Option<Overdue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_waiting: Option<i64>,
}

/// Every request this station made, oldest first, or only the overdue ones.
pub fn list(ctx: &Ctx, only_overdue: bool) -> anyhow::Result<Vec<Listed>> {
    let register = ctx.register_read()?;
    let deadlines = ctx.deadlines()?;
    let mut listed = Vec::new();
    for mut request in traces::list(register.conn())? {
        let progress = store::progress(register.conn(), &request.packet_id)?;
        request.status = progress.status(&request.status);
        let late = overdue(ctx.clock.now(), &request, &progress, deadlines);
        if only_overdue && late.is_none() {
            continue;
        }
        listed.push(Listed {
            request,
            progress,
            overdue: late.map(|(why, _)| why),
            days_waiting: late.map(|(_, days)| days),
        });
    }
    Ok(listed)
}

/// A request received from another station.
#[derive(Debug, Serialize)]
pub struct ReceivedRequest {
    pub id: i64,
    pub packet_id: String,
    pub from: String,
    pub received_at: String,
    /// stored, incomplete, rejected or answered
    pub status: String,
    pub items: usize,
    /// Photos the signed request lists that have not come yet (it came by QR).
    pub attachments_pending: usize,
    pub outcome: Option<String>,
    pub answered_at: Option<String>,
}

impl ReceivedRequest {
    /// Its line in `trace list --received` and `hub trace list`, in the officer's language.
    pub fn line(&self) -> String {
        format!(
            "{:>4}  {:<10}  {}  {}{}{}",
            self.id,
            crate::i18n::shown("inbox", &self.status),
            self.packet_id,
            crate::t!(
                "trace-received-line",
                from = format!("{:<20}", self.from),
                items = self.items,
                at = self.received_at.as_str()
            ),
            match self.attachments_pending {
                0 => String::new(),
                n => crate::t!("trace-photos-pending", count = n),
            },
            self.outcome
                .as_ref()
                .map(|o| crate::t!("trace-answered", outcome = crate::i18n::shown("outcome", o)))
                .unwrap_or_default()
        )
    }
}

pub fn received(conn: &rusqlite::Connection) -> anyhow::Result<Vec<ReceivedRequest>> {
    let mut rows = Vec::new();
    for entry in store::inbox_of_kind(conn, Kind::TraceRequest.as_str())? {
        let items = packet::manifest::parse_strict(&entry.manifest)
            .ok()
            .and_then(|m| m.body.get("items").and_then(|i| i.as_array()).map(Vec::len))
            .unwrap_or(0);
        let answer = store::last_answer_sent(conn, &entry.packet_id)?;
        rows.push(ReceivedRequest {
            id: entry.id,
            packet_id: entry.packet_id,
            from: entry.sender_name,
            received_at: entry.received_at,
            status: entry.status,
            items,
            attachments_pending: entry.pending.len(),
            outcome: answer.as_ref().map(|(o, _)| o.clone()),
            answered_at: answer.map(|(_, at)| at),
        });
    }
    Ok(rows)
}

/// One request with its progress and completeness.
#[derive(Debug, Serialize)]
pub struct Shown {
    #[serde(flatten)]
    pub request: TraceRequest,
    pub findings: Vec<Finding>,
    /// Whether the exported file is still in the outbox.
    pub outbox_file_present: Option<bool>,
    pub progress: Progress,
}

pub fn show(ctx: &Ctx, reference: &str) -> anyhow::Result<Shown> {
    let mut request = load_request(ctx, reference)?;
    let progress = store::progress(ctx.register()?.conn(), &request.packet_id)?;
    request.status = progress.status(&request.status);
    let body: RequestBody = serde_json::from_value(request.body.clone())
        .with_context(|| format!("trace request {}: the stored body is damaged", request.id))?;
    let findings = check(&body);
    let outbox_file_present = request
        .outbox_file
        .as_deref()
        .map(|f| ctx.home.join(f).exists());
    Ok(Shown {
        request,
        findings,
        outbox_file_present,
        progress,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(exported_at: Option<&str>) -> TraceRequest {
        TraceRequest {
            id: 1,
            packet_id: "019abc3e-7f10-7a2b-9c4d-5e6f70819a2b".into(),
            seq: 1,
            recipient: "ML NPC".into(),
            recipient_key_id: "0123456789ABCDEF".into(),
            status: "exported".into(),
            items: vec![1],
            body: serde_json::json!({}),
            created_at: "2026-11-01T00:00:00Z".into(),
            created_by: "x".into(),
            exported_at: exported_at.map(str::to_owned),
            manifest_sha256: None,
            outbox_file: None,
            encrypted_to: None,
            photos: None,
            manifest: None,
            signature: None,
        }
    }

    #[test]
    fn the_overdue_rules() {
        let now = DateTime::parse_from_rfc3339("2026-11-25T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let deadlines = Deadlines::default();
        let waiting = Progress::default();
        assert_eq!(
            overdue(now, &sent(None), &waiting, deadlines),
            None,
            "a draft waits for nothing"
        );
        let old = sent(Some("2026-11-01T12:00:00Z"));
        assert_eq!(
            overdue(now, &old, &waiting, deadlines),
            Some((Overdue::NotAcknowledged, 24))
        );
        let recent = sent(Some("2026-11-20T12:00:00Z"));
        assert_eq!(overdue(now, &recent, &waiting, deadlines), None);
        let acknowledged = Progress {
            ack_status: Some("stored".into()),
            ..Progress::default()
        };
        assert_eq!(overdue(now, &old, &acknowledged, deadlines), None);
        let ancient = sent(Some("2026-08-01T12:00:00Z"));
        assert_eq!(
            overdue(now, &ancient, &acknowledged, deadlines),
            Some((Overdue::NotAnswered, 116))
        );
        let rejected = Progress {
            ack_status: Some("rejected".into()),
            ..Progress::default()
        };
        assert_eq!(overdue(now, &ancient, &rejected, deadlines), None);
        let answered = Progress {
            outcome: Some("traced".into()),
            ..acknowledged
        };
        assert_eq!(overdue(now, &ancient, &answered, deadlines), None);
    }
}
