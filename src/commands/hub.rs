//! `hub init|enroll|revoke|stations|status|quarantine|serve`: the work is in `crate::hub`;
//! this parses and prints.

use std::sync::Arc;
use std::time::Duration;

use crate::app::{Ctx, Status};
use crate::cli::hub::{DbArg, HubCommand, HubPeriod, HubReport, HubTrace};
use crate::error::usage;
use crate::hub::{self, HubError, HubStore, server};
use crate::report::Period;
use crate::t;

fn open(ctx: &Ctx, db: &DbArg) -> anyhow::Result<HubStore> {
    let url = hub::db_url(&ctx.home, db.db.as_deref());
    HubStore::open(&url, &ctx.now()).map_err(|e| {
        let shown = url.shown();
        match e {
            HubError::Postgres(_) | HubError::Url(_) => usage(format!("{shown}: {e}"))
                .hint(t!("hub-postgres-hint"))
                .into(),
            other => anyhow::Error::new(other).context(t!("hub-cannot-open", db = shown)),
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
                ctx.ui.line(&t!(
                    "hub-enrolled",
                    name = enrolled.name.as_str(),
                    key = enrolled.key_id.as_str()
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
                ctx.ui.line(&t!(
                    "hub-revoked",
                    name = revoked.name.as_str(),
                    key = revoked.key_id.as_str()
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
                ctx.ui.line(&t!("hub-no-station"))?;
            }
            for s in &stations {
                let state = match &s.revoked_at {
                    Some(at) => t!("hub-station-revoked", at = at.as_str()),
                    None => t!("hub-station-enrolled", at = s.enrolled_at.as_str()),
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
                    "{}  {:<22} {}  {}",
                    q.at,
                    q.reason,
                    q.packet_id.as_deref().unwrap_or("-"),
                    t!(
                        "hub-quarantine-from",
                        key = q.station_key_id.as_str(),
                        detail = crate::sync::receive::refusal_sentence(&q.reason, &q.detail)
                    )
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
                    ctx.ui.line(&t!(
                        "hub-listening",
                        address = address.to_string(),
                        engine = engine.to_string(),
                        db = shown.as_str()
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
        ctx.ui.line(&t!(
            "hub-ready",
            engine = store.engine().to_string(),
            db = shown,
            version = version
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
        ctx.ui.line(&t!(
            "hub-counts",
            stations = counts.stations,
            packets = counts.packets,
            refused = counts.quarantined,
            mailbox = counts.mailbox,
            waiting = counts.mailbox_waiting,
            blobs = counts.blobs
        ))?;
        if problems.is_empty() {
            ctx.ui.line(&t!("hub-integrity-clean"))?;
        }
        for p in &problems {
            ctx.ui.warn(&p.to_string());
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
            ctx.ui.line(&t!(
                "hub-sdg",
                from = from.to_string(),
                to = to.to_string(),
                traced = sdg.traced,
                recovered = sdg.recovered,
                share = share
            ))?;
            for (station, c) in &sdg.by_station {
                ctx.ui.line(&format!(
                    "  {station:<24} {}",
                    t!(
                        "hub-sdg-station",
                        traced = format!("{:>6}", c.traced),
                        recovered = format!("{:>6}", c.recovered)
                    )
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
            ctx.ui.line(&t!(
                "hub-summary",
                items = summary.items,
                from = from.to_string(),
                to = to.to_string()
            ))?;
            for (title, words, counts) in [
                (t!("hub-by-station"), None, &summary.by_station),
                (t!("report-by-type"), Some("type"), &summary.by_type),
                (t!("report-by-country"), None, &summary.by_country),
                (t!("report-by-place"), None, &summary.by_place),
                (t!("hub-by-month"), None, &summary.by_month),
            ] {
                ctx.ui.heading(&title)?;
                for (key, n) in counts {
                    let key = words.map_or_else(|| key.clone(), |w| crate::i18n::shown(w, key));
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
                ctx.ui.line(&if overdue {
                    t!("hub-none-overdue")
                } else {
                    t!("hub-none-received")
                })?;
            }
            for w in &rows {
                let late = w
                    .overdue_days
                    .map(|d| t!("hub-overdue", days = d))
                    .unwrap_or_default();
                ctx.ui.line(&format!("{}{late}", w.request.line()))?;
            }
            Ok(Status::Success)
        }
        HubTrace::Respond(args) => {
            let (id, answer) = args.answer();
            let responded = crate::sync::respond::respond(ctx, &id, answer)?;
            if ctx.ui.is_json() {
                ctx.ui.json(&responded)?;
            } else {
                ctx.ui.line(&t!(
                    "hub-responded",
                    request = responded.request_number,
                    outcome = crate::i18n::shown("outcome", &responded.outcome),
                    packet = responded.packet_id.as_str(),
                    to = responded.to.as_str()
                ))?;
            }
            Ok(Status::Success)
        }
    }
}
