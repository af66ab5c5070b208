//! `report sdg` (SDG indicator 16.4.2) and `report summary`: computed by `crate::report`,
//! printed here.

use crate::app::{Ctx, Status};
use crate::cli::ReportCommand;
use crate::report::{self, share};

pub fn run(ctx: &Ctx, cmd: ReportCommand) -> anyhow::Result<Status> {
    match cmd {
        ReportCommand::Sdg { from, to } => sdg(ctx, from, to),
        ReportCommand::Summary => summary(ctx),
    }
}

fn sdg(
    ctx: &Ctx,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> anyhow::Result<Status> {
    let report = report::sdg(ctx.register()?.conn(), from, to, ctx.today())?;
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

fn summary(ctx: &Ctx) -> anyhow::Result<Status> {
    let summary = report::summary(ctx.register()?.conn())?;
    if ctx.ui.is_json() {
        ctx.ui.json(&summary)?;
        return Ok(Status::Success);
    }
    ctx.ui
        .line(&format!("{} item(s) in the register", summary.items))?;
    for (group, rows) in &summary.tables {
        ctx.ui.heading(&format!("By {}", group.title()))?;
        for (key, n) in rows {
            ctx.ui.line(&format!("  {key:<30} {n:>6}"))?;
        }
    }
    Ok(Status::Success)
}
