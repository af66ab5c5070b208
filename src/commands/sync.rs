//! `sync --to DIR` and `inbox import/list`: the work is in `crate::sync`; this prints it.

use std::path::{Path, PathBuf};

use crate::app::{Ctx, Status};
use crate::cli::InboxCommand;
use crate::sync::{self, Received};
use crate::t;

/// Prints each packet as it is decided, and moves the progress bar (none on a pipe or --json).
struct Shown<'a> {
    ctx: &'a Ctx,
    bar: indicatif::ProgressBar,
}

impl<'a> Shown<'a> {
    fn new(ctx: &'a Ctx) -> Shown<'a> {
        Shown {
            ctx,
            bar: ctx.ui.progress(0, &t!("sync-packets-unit")),
        }
    }
}

impl sync::Observer for Shown<'_> {
    fn total(&mut self, packets: u64) {
        self.bar.set_length(packets);
    }

    fn received(&mut self, received: &Received) -> anyhow::Result<()> {
        self.bar.inc(1);
        self.bar.suspend(|| print_received(self.ctx, received))
    }

    fn sent(&mut self) {
        self.bar.inc(1);
    }
}

impl Drop for Shown<'_> {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

pub fn run_inbox(ctx: &Ctx, cmd: InboxCommand) -> anyhow::Result<Status> {
    match cmd {
        InboxCommand::Import { paths } => import(ctx, &paths),
        InboxCommand::List { quarantined } => list_inbox(ctx, quarantined),
        InboxCommand::Attach { id, paths } => attach(ctx, &id, &paths),
        InboxCommand::Release {
            id,
            reason,
            dismiss,
        } => release(ctx, id, &reason, dismiss),
    }
}

fn print_received(ctx: &Ctx, r: &Received) -> anyhow::Result<()> {
    if ctx.ui.is_json() || r.result.is_passed_over() {
        return Ok(());
    }
    let what = match (&r.kind, &r.packet_id) {
        (Some(kind), Some(id)) => format!("{} {id}", crate::i18n::shown("packet-kind", kind)),
        (None, Some(id)) => format!("{} {id}", t!("packet-packet")),
        _ => r.file.clone(),
    };
    let why = match (&r.reason, &r.detail) {
        (Some(reason), Some(detail)) => t!(
            "sync-received-why",
            reason = reason.as_str(),
            detail = detail.to_string()
        ),
        (Some(reason), None) => format!(" ({reason})"),
        _ => String::new(),
    };
    let ack = r
        .acknowledgement
        .as_ref()
        .map(|a| t!("inbox-ack-in-outbox", ack = a.to_string()))
        .unwrap_or_default();
    let pending = match r.attachments_pending.len() {
        0 => String::new(),
        n => t!("inbox-pending-follow", count = n),
    };
    ctx.ui.line(&format!(
        "  {:<11} {what}{why}{pending}{ack}",
        crate::i18n::shown("received", r.result.as_str())
    ))
}

fn import(ctx: &Ctx, paths: &[PathBuf]) -> anyhow::Result<Status> {
    let report = sync::import(ctx, paths, &mut Shown::new(ctx))?;
    let s = &report.summary;
    let refused = s.refused();
    if ctx.ui.is_json() {
        ctx.ui.json(&report)?;
    } else {
        ctx.ui.line(&t!(
            "inbox-imported",
            packets = report.packets.len(),
            stored = s.stored,
            duplicate = s.duplicate,
            rejected = s.rejected,
            quarantined = s.quarantined
        ))?;
    }
    Ok(if refused > 0 {
        Status::SomeRejected
    } else {
        Status::Success
    })
}

fn list_inbox(ctx: &Ctx, only_quarantined: bool) -> anyhow::Result<Status> {
    let mut listing = sync::inbox::list(ctx.register()?.conn())?;
    if only_quarantined {
        listing.received.clear();
    }
    if ctx.ui.is_json() {
        if only_quarantined {
            ctx.ui.json(&listing.quarantined)?;
        } else {
            ctx.ui.json(&listing)?;
        }
        return Ok(Status::Success);
    }
    if !only_quarantined {
        ctx.ui.heading(&t!("inbox-received"))?;
        for r in &listing.received {
            let pending = match r.attachments_pending.len() {
                0 => String::new(),
                n => format!("  {}", t!("inbox-pending", count = n)),
            };
            ctx.ui.line(&format!(
                "{:>4}  {:<15} {}  {} {:<10} {}{pending}",
                r.id,
                crate::i18n::shown("packet-kind", &r.kind),
                r.packet_id,
                t!("inbox-from", from = format!("{:<20}", r.sender_name)),
                crate::i18n::shown("inbox", &r.status.to_string()),
                r.received_at
            ))?;
        }
    }
    ctx.ui.heading(&t!("inbox-quarantined"))?;
    for q in &listing.quarantined {
        let state = match &q.released {
            Some(r) => format!(
                "  [{}]",
                t!(
                    "inbox-released",
                    outcome = crate::i18n::shown("release", &r.outcome.to_string()),
                    by = r.by.to_string(),
                    at = r.at.to_string(),
                    reason = r.reason.to_string()
                )
            ),
            None => String::new(),
        };
        ctx.ui.line(&format!(
            "{:>4}  {:<16} {}  {}  {}{state}",
            q.id,
            q.reason,
            q.packet_id.as_deref().unwrap_or("-"),
            sync::receive::refusal_sentence(&q.reason, &q.detail),
            ctx.ui.dim(&q.file)
        ))?;
    }
    Ok(Status::Success)
}

fn attach(ctx: &Ctx, id: &str, paths: &[PathBuf]) -> anyhow::Result<Status> {
    let attached = sync::attach::attach(ctx, id, paths)?;
    if ctx.ui.is_json() {
        ctx.ui.json(&attached)?;
    } else {
        for file in &attached.unmatched {
            ctx.ui.warn(&t!(
                "inbox-unmatched",
                file = file.to_string(),
                packet = attached.packet_id.to_string()
            ));
        }
        if attached.complete {
            ctx.ui.line(&t!(
                "inbox-complete",
                inbox = attached.inbox_id.to_string(),
                packet = attached.packet_id.to_string(),
                ack = attached
                    .acknowledgement
                    .as_ref()
                    .map(|a| t!("inbox-ack-in-outbox", ack = a.to_string()))
                    .unwrap_or_default()
            ))?;
        } else {
            ctx.ui.line(&t!(
                "inbox-partly",
                inbox = attached.inbox_id.to_string(),
                taken = attached.matched.len(),
                pending = attached.pending.len()
            ))?;
        }
    }
    Ok(if attached.unmatched.is_empty() {
        Status::Success
    } else {
        Status::SomeRejected
    })
}

fn release(ctx: &Ctx, id: i64, reason: &str, dismiss: bool) -> anyhow::Result<Status> {
    let released = sync::release::release(ctx, id, reason, dismiss)?;
    if ctx.ui.is_json() {
        ctx.ui.json(&released)?;
    } else {
        match (&released.received, &released.reason) {
            (Some(r), _) => print_received(ctx, r)?,
            (None, Some(code)) => ctx.ui.line(&t!(
                "inbox-still-refused",
                id = id,
                code = code.to_string(),
                detail = released
                    .detail
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            ))?,
            (None, None) => ctx.ui.line(&t!(
                "inbox-release-outcome",
                id = id,
                outcome = crate::i18n::shown("release", &released.outcome.to_string())
            ))?,
        }
    }
    Ok(if released.outcome == "still-refused" {
        Status::SomeRejected
    } else {
        Status::Success
    })
}

pub fn sync(ctx: &Ctx, to: &Path) -> anyhow::Result<Status> {
    let report = match to.to_str().filter(|t| crate::hub::client::is_hub_url(t)) {
        Some(url) => crate::hub::client::sync(ctx, url, &mut Shown::new(ctx)).map_err(|e| {
            let unreachable = e.chain().any(|c| c.downcast_ref::<ureq::Error>().is_some());
            let e = crate::error::CommandError::from_anyhow(e);
            if unreachable {
                e.hint(t!("sync-hub-unreachable-hint"))
            } else {
                e
            }
        })?,
        None => {
            let folder = sync::Folder::open(to)?;
            sync::sync(ctx, &folder, &mut Shown::new(ctx))?
        }
    };
    for problem in &report.problems {
        ctx.ui.warn(problem);
    }
    if ctx.ui.is_json() {
        ctx.ui.json(&report)?;
    } else {
        let (sent, received) = (&report.sent, &report.received);
        ctx.ui.line(&t!(
            "sync-summary",
            destination = report.destination.as_str(),
            copied = sent.copied,
            there = sent.already_there,
            failed = sent.failed.len(),
            stored = received.stored,
            duplicate = received.duplicate,
            rejected = received.rejected,
            quarantined = received.quarantined
        ))?;
    }
    Ok(if report.problems() > 0 {
        Status::SomeRejected
    } else {
        Status::Success
    })
}
