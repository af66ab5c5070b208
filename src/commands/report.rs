//! `report sdg` (SDG indicator 16.4.2) and `report summary`: what the register says in numbers.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::app::{Ctx, Status};
use crate::cli::ReportCommand;
use crate::error::usage;
use crate::register::sync::{self as store, SdgCounts};

pub fn run(ctx: &Ctx, cmd: ReportCommand) -> anyhow::Result<Status> {
    match cmd {
        ReportCommand::Sdg { from, to } => sdg(ctx, from, to),
        ReportCommand::Summary => summary(ctx),
    }
}

/// `report sdg --json`, a shape other tools rely on (DESIGN.md).
#[derive(Debug, Serialize)]
struct Sdg {
    from: String,
    to: String,
    recovered: u64,
    traced: u64,
    /// `null` when nothing was recovered in the period.
    proportion: Option<f64>,
    by_event: BTreeMap<String, SdgCounts>,
}

fn sdg(ctx: &Ctx, from: chrono::NaiveDate, to: chrono::NaiveDate) -> anyhow::Result<Status> {
    if from > to {
        return Err(usage(format!("--from {from} is after --to {to}")).into());
    }
    let register = ctx.register()?;
    let (from, to) = (from.to_string(), to.to_string());
    let by_event: BTreeMap<String, SdgCounts> = store::sdg_counts(register.conn(), &from, &to)?
        .into_iter()
        .collect();
    let recovered = by_event.values().map(|c| c.recovered).sum();
    let traced = by_event.values().map(|c| c.traced).sum();
    let report = Sdg {
        from,
        to,
        recovered,
        traced,
        proportion: (recovered > 0).then(|| traced as f64 / recovered as f64),
        by_event,
    };
    if ctx.ui.is_json() {
        ctx.ui.json(&report)?;
        return Ok(Status::Success);
    }
    ctx.ui.heading(&format!(
        "SDG 16.4.2, {} to {}: weapons seized, found or surrendered whose illicit origin was traced",
        report.from, report.to
    ))?;
    ctx.ui.line(&format!(
        "  {:<12} {:>9} {:>7} {:>7}",
        "event", "recovered", "traced", "share"
    ))?;
    for (event, c) in &report.by_event {
        ctx.ui.line(&format!(
            "  {event:<12} {:>9} {:>7} {:>7}",
            c.recovered,
            c.traced,
            share(c.traced, c.recovered)
        ))?;
    }
    ctx.ui.line(&format!(
        "  {:<12} {:>9} {:>7} {:>7}",
        "total",
        report.recovered,
        report.traced,
        share(report.traced, report.recovered)
    ))?;
    Ok(Status::Success)
}

fn share(part: u64, whole: u64) -> String {
    if whole == 0 {
        "-".into()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

#[derive(Debug, Serialize)]
struct Summary {
    items: u64,
    by_type: BTreeMap<String, u64>,
    by_country: BTreeMap<String, u64>,
    by_place: BTreeMap<String, u64>,
    by_month: BTreeMap<String, u64>,
}

fn summary(ctx: &Ctx) -> anyhow::Result<Status> {
    let register = ctx.register()?;
    let conn = register.conn();
    let tables = [
        ("type", store::counts_by(conn, "weapon_type")?),
        ("country of manufacture", store::counts_by(conn, "country")?),
        ("place", store::counts_by(conn, "location")?),
        ("month", store::counts_by(conn, "substr(event_date, 1, 7)")?),
    ];
    let items = tables[0].1.iter().map(|(_, n)| n).sum();
    if ctx.ui.is_json() {
        let map = |i: usize| tables[i].1.iter().cloned().collect::<BTreeMap<_, _>>();
        ctx.ui.json(&Summary {
            items,
            by_type: map(0),
            by_country: map(1),
            by_place: map(2),
            by_month: map(3),
        })?;
        return Ok(Status::Success);
    }
    ctx.ui.line(&format!("{items} item(s) in the register"))?;
    for (title, rows) in &tables {
        ctx.ui.heading(&format!("By {title}"))?;
        for (key, n) in rows {
            ctx.ui.line(&format!("  {key:<30} {n:>6}"))?;
        }
    }
    Ok(Status::Success)
}
