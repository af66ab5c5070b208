//! `hub init|enroll|revoke|stations|status|quarantine|serve`: the work is in `crate::hub`;
//! this parses and prints.

use std::sync::Arc;
use std::time::Duration;

use crate::app::{Ctx, Status};
use crate::cli::hub::{DbArg, HubCommand, HubPeriod, HubReport, HubTrace};
use crate::error::usage;
use crate::hub::{self, HubError, HubStore, server};
use crate::report::Period;

fn open(ctx: &Ctx, db: &DbArg) -> anyhow::Result<HubStore> {
    let url = hub::db_url(&ctx.home, db.db.as_deref());
    HubStore::open(&url, &ctx.now()).map_err(|e| {
        let shown = url.shown();
        match e {
            HubError::Postgres(_) | HubError::Url(_) => usage(format!("{shown}: {e}"))
                .hint("is PostgreSQL running, and the URL right? (README: running a hub)")
                .into(),
            other => {
                anyhow::Error::new(other).context(format!("cannot open the hub store {shown}"))
            }
        }
    })
}

pub fn run(ctx: &Ctx, cmd: HubCommand) -> anyhow::Result<Status> {
    match cmd {
        HubCommand::Init(db) => init(ctx, &db),
        HubCommand::Enroll { file, name, db } => {
            let store = open(ctx, &db)?;
            let enrolled = hub::enroll::enroll(ctx, &store, &file, name.as_deref())?;
            if ctx.ui.is_json() {
                ctx.ui.json(&enrolled)?;
            } else {
                ctx.ui.line(&format!(
                    "Enrolled '{}': key {}; its requests are accepted from now on",
                    enrolled.name, enrolled.key_id
                ))?;
            }
            Ok(Status::Success)
        }
        HubCommand::Revoke { station, db } => {
            let store = open(ctx, &db)?;
            let revoked = hub::enroll::revoke(ctx, &store, &station)?;
            if ctx.ui.is_json() {
                ctx.ui.json(&revoked)?;
            } else {
                ctx.ui.line(&format!(
                    "Revoked '{}' (key {}): its requests and packets are refused from now on",
                    revoked.name, revoked.key_id
                ))?;
            }
            Ok(Status::Success)
        }
        HubCommand::Stations(db) => {
            let stations = open(ctx, &db)?.stations()?;
            if ctx.ui.is_json() {
                ctx.ui.json(&stations)?;
                return Ok(Status::Success);
            }
            if stations.is_empty() {
                ctx.ui
                    .line("No station enrolled yet: `fieldtrace hub enroll FILE --name NAME`.")?;
            }
            for s in &stations {
                let state = match &s.revoked_at {
                    Some(at) => format!("REVOKED {at}"),
                    None => format!("enrolled {}", s.enrolled_at),
                };
                ctx.ui
                    .line(&format!("{:<24} {}  {state}", s.name, s.key_id))?;
            }
            Ok(Status::Success)
        }
        HubCommand::Status(db) => status(ctx, &db),
        HubCommand::Report(what) => report(ctx, what),
        HubCommand::Trace(what) => trace(ctx, what),
        HubCommand::Quarantine(db) => {
            let refused = open(ctx, &db)?.quarantined()?;
            if ctx.ui.is_json() {
                ctx.ui.json(&refused)?;
                return Ok(Status::Success);
            }
            for q in &refused {
                ctx.ui.line(&format!(
                    "{}  {:<22} {}  from {}: {}",
                    q.at,
                    q.reason,
                    q.packet_id.as_deref().unwrap_or("-"),
                    q.station_key_id,
                    q.detail
                ))?;
            }
            Ok(Status::Success)
        }
        HubCommand::Serve {
            listen,
            max_body,
            timeout,
            db,
        } => {
            let store = Arc::new(open(ctx, &db)?);
            let engine = store.engine();
            let mut limits = server::Limits {
                timeout: Duration::from_secs(timeout.max(1)),
                ..server::Limits::default()
            };
            if let Some(max) = max_body {
                limits.max_body = max;
            }
            let shown = hub::db_url(&ctx.home, db.db.as_deref()).shown();
            server::serve(ctx, store, &listen, limits, &mut |address| {
                if ctx.ui.is_json() {
                    ctx.ui.json(&serde_json::json!({
                        "listening": address.to_string(),
                        "engine": engine,
                    }))
                } else {
                    ctx.ui.line(&format!(
                        "Hub listening on http://{address} (store: {engine} {shown}); stop it with Ctrl-C"
                    ))
                }
            })?;
            Ok(Status::Success)
        }
    }
}

fn init(ctx: &Ctx, db: &DbArg) -> anyhow::Result<Status> {
    ctx.initialised_keys()?;
    ctx.station()?;
    let store = open(ctx, db)?;
    let version = store.migrate(&ctx.now())?;
    let shown = hub::db_url(&ctx.home, db.db.as_deref()).shown();
    if ctx.ui.is_json() {
        ctx.ui.json(&serde_json::json!({
            "engine": store.engine(),
            "db": shown,
            "schema_version": version,
        }))?;
    } else {
        ctx.ui.line(&format!(
            "Hub store ready: {} {shown}, schema version {version}. Next: `fieldtrace hub enroll FILE --name NAME`, then `fieldtrace hub serve`.",
            store.engine()
        ))?;
    }
    Ok(Status::Success)
}

fn status(ctx: &Ctx, db: &DbArg) -> anyhow::Result<Status> {
    let store = open(ctx, db)?;
    let counts = store.counts()?;
    let problems = store.check_integrity()?;
    if ctx.ui.is_json() {
        ctx.ui.json(&serde_json::json!({
            "engine": store.engine(),
            "counts": counts,
            "custody_events": store.custody_events()?,
            "integrity": if problems.is_empty() { "clean" } else { "damaged" },
            "problems": problems,
        }))?;
    } else {
        ctx.ui.line(&format!(
            "{} station(s), {} packet(s) stored, {} refused, {} in mailboxes ({} waiting), {} blob(s)",
            counts.stations,
            counts.packets,
            counts.quarantined,
            counts.mailbox,
            counts.mailbox_waiting,
            counts.blobs
        ))?;
        if problems.is_empty() {
            ctx.ui.line(
                "Integrity: clean (every blob hashes to its name; nothing names a missing blob)",
            )?;
        }
        for p in &problems {
            ctx.ui.warn(p);
        }
    }
    Ok(if problems.is_empty() {
        Status::Success
    } else {
        Status::VerificationFailed
    })
}

fn period(ctx: &Ctx, p: &HubPeriod) -> anyhow::Result<crate::report::Period> {
    crate::report::Period::new(p.from, p.to, ctx.today())
}

fn report(ctx: &Ctx, what: HubReport) -> anyhow::Result<Status> {
    match what {
        HubReport::Sdg(p) => {
            let Period { from, to } = period(ctx, &p)?;
            let sdg = open(ctx, &p.db)?.national_sdg(&from, &to)?;
            if ctx.ui.is_json() {
                ctx.ui.json(&sdg)?;
                return Ok(Status::Success);
            }
            let share = sdg
                .proportion
                .map_or_else(|| "-".to_owned(), |p| format!("{:.1}%", p * 100.0));
            ctx.ui.line(&format!(
                "SDG 16.4.2, {from} to {to}, every station: {} of {} weapons recovered traced ({share})",
                sdg.traced, sdg.recovered
            ))?;
            for (station, c) in &sdg.by_station {
                ctx.ui.line(&format!(
                    "  {station:<24} {:>6} of {:>6}",
                    c.traced, c.recovered
                ))?;
            }
        }
        HubReport::Summary(p) => {
            let Period { from, to } = period(ctx, &p)?;
            let summary = open(ctx, &p.db)?.national_summary(&from, &to)?;
            if ctx.ui.is_json() {
                ctx.ui.json(&summary)?;
                return Ok(Status::Success);
            }
            ctx.ui.line(&format!(
                "{} item(s) reported, {from} to {to}",
                summary.items
            ))?;
            for (title, counts) in [
                ("By station", &summary.by_station),
                ("By type", &summary.by_type),
                ("By country of manufacture", &summary.by_country),
                ("By place", &summary.by_place),
                ("By month", &summary.by_month),
            ] {
                ctx.ui.heading(title)?;
                for (key, n) in counts {
                    ctx.ui.line(&format!("  {key:<32} {n:>6}"))?;
                }
            }
        }
    }
    Ok(Status::Success)
}

fn trace(ctx: &Ctx, what: HubTrace) -> anyhow::Result<Status> {
    match what {
        HubTrace::List { overdue, .. } => {
            let rows = hub::requests::received(ctx, overdue)?;
            if ctx.ui.is_json() {
                ctx.ui.json(&rows)?;
                return Ok(Status::Success);
            }
            if rows.is_empty() {
                ctx.ui.line(if overdue {
                    "No request waits past its deadline."
                } else {
                    "No trace requests received yet."
                })?;
            }
            for w in &rows {
                let r = &w.request;
                let late = w
                    .overdue_days
                    .map(|d| format!(", OVERDUE: {d} days without an answer"))
                    .unwrap_or_default();
                let answer = r
                    .outcome
                    .as_ref()
                    .map(|o| format!(", answered: {o}"))
                    .unwrap_or_default();
                ctx.ui.line(&format!(
                    "{:>4}  {:<10}  {}  from {:<20} {} item(s), received {}{answer}{late}",
                    r.id, r.status, r.packet_id, r.from, r.items, r.received_at
                ))?;
            }
            Ok(Status::Success)
        }
        HubTrace::Respond {
            id,
            outcome,
            note,
            last_legal_holder,
            transfer_chain,
        } => {
            let responded = crate::sync::respond::respond(
                ctx,
                &id,
                crate::sync::respond::Answer {
                    outcome,
                    note,
                    holder: last_legal_holder,
                    chain: transfer_chain,
                },
            )?;
            if ctx.ui.is_json() {
                ctx.ui.json(&responded)?;
            } else {
                ctx.ui.line(&format!(
                    "Request {} answered '{}': response {} for {}, handed to it at its next sync with the hub",
                    responded.request_number, responded.outcome, responded.packet_id, responded.to
                ))?;
            }
            Ok(Status::Success)
        }
    }
}
