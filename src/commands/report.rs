//! `report sdg` (SDG indicator 16.4.2), `report summary` and `report html`: computed by
//! `crate::report`, printed or written here.

use crate::app::{Ctx, Status};
use crate::cli::ReportCommand;
use crate::report::{self, share};

pub fn run(ctx: &Ctx, cmd: ReportCommand) -> anyhow::Result<Status> {
    match cmd {
        ReportCommand::Sdg { from, to } => sdg(ctx, from, to),
        ReportCommand::Summary { from, to } => summary(ctx, from, to),
        ReportCommand::Html {
            from,
            to,
            out,
            coarsen_km,
        } => html(ctx, from, to, &out, coarsen_km),
    }
}

fn html(
    ctx: &Ctx,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    out: &std::path::Path,
    coarsen_km: f64,
) -> anyhow::Result<Status> {
    let period = report::Period::new(from, to, ctx.today())?;
    let sdg = report::sdg(ctx.register_read()?.conn(), from, to, ctx.today())?;
    let summary = report::summary(ctx, Some(period.clone()))?;
    let spots = report::geo::spots(ctx.register_read()?.conn(), Some(&period), coarsen_km)?;
    let station = ctx
        .config()?
        .station
        .as_ref()
        .map(|s| format!("{} ({})", s.name, s.unit))
        .unwrap_or_else(|| "(not set up)".into());
    let generated_at = ctx.clock.now().format("%Y-%m-%d %H:%M UTC").to_string();
    let page = report::html::render(&report::html::Page {
        station: &station,
        generated_at: &generated_at,
        sdg: &sdg,
        summary: &summary,
        spots: &spots,
        coarsen_km,
    });
    crate::fs::write_atomically(out, page.as_bytes())?;
    if ctx.ui.is_json() {
        ctx.ui.json(&serde_json::json!({
            "out": out,
            "from": period.from,
            "to": period.to,
            "items": summary.items,
            "places": spots.len(),
            "coarsen_km": coarsen_km,
        }))?;
    } else {
        ctx.ui.line(&format!(
            "Report for {} to {} ({} items) written to {}",
            period.from,
            period.to,
            summary.items,
            out.display()
        ))?;
    }
    Ok(Status::Success)
}

fn sdg(
    ctx: &Ctx,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> anyhow::Result<Status> {
    let report = report::sdg(ctx.register_read()?.conn(), from, to, ctx.today())?;
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
    ctx.ui.line("Beside the indicator, not counted in it:")?;
    for (what, c) in [
        ("ammunition lots", &report.ammunition),
        ("loose components", &report.components),
    ] {
        ctx.ui.line(&format!(
            "  {what:<17} {:>4} recovered, {} traced",
            c.recovered, c.traced
        ))?;
    }
    Ok(Status::Success)
}

fn summary(
    ctx: &Ctx,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> anyhow::Result<Status> {
    let period = report::Period::given(from, to, ctx.today())?;
    let summary = report::summary(ctx, period)?;
    if ctx.ui.is_json() {
        ctx.ui.json(&summary)?;
        return Ok(Status::Success);
    }
    match &summary.period {
        Some(p) => ctx.ui.line(&format!(
            "{} item(s) recovered or reported from {} to {}",
            summary.items, p.from, p.to
        ))?,
        None => ctx
            .ui
            .line(&format!("{} item(s) in the register", summary.items))?,
    }
    for (group, rows) in &summary.tables {
        ctx.ui.heading(&format!("By {}", group.title()))?;
        for (key, n) in rows {
            ctx.ui.line(&format!("  {key:<30} {n:>6}"))?;
        }
    }
    let f = &summary.requests;
    ctx.ui.heading("Trace requests")?;
    ctx.ui.line(&format!(
        "  drafted {}, sent {}, acknowledged {}, answered {}",
        f.drafted, f.sent, f.acknowledged, f.answered
    ))?;
    for (outcome, n) in &f.by_outcome {
        ctx.ui.line(&format!("  {outcome:<30} {n:>6}"))?;
    }
    for o in &f.overdue {
        ctx.ui.line(&format!(
            "  overdue: request {} to {} ({}, {} days)",
            o.id, o.recipient, o.overdue, o.days_waiting
        ))?;
    }
    Ok(Status::Success)
}
