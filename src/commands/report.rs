//! `report sdg` (SDG indicator 16.4.2), `report summary` and `report html`: computed by
//! `crate::report`, printed or written here.

use crate::app::{Ctx, Status};
use crate::cli::ReportCommand;
use crate::report::{self, share};
use crate::t;

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
        .unwrap_or_else(|| t!("report-not-set-up"));
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
        ctx.ui.line(&t!(
            "report-written",
            from = period.from.to_string(),
            to = period.to.to_string(),
            items = summary.items,
            file = out.display().to_string()
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
    ctx.ui.heading(&t!(
        "report-sdg-heading",
        from = report.from.to_string(),
        to = report.to.to_string()
    ))?;
    ctx.ui.line(&format!(
        "  {:<12} {:>9} {:>7} {:>7}",
        t!("report-th-event"),
        t!("report-th-recovered"),
        t!("report-th-traced"),
        t!("report-th-share")
    ))?;
    for (event, c) in &report.by_event {
        let event = crate::i18n::shown("event", &event.to_string());
        ctx.ui.line(&format!(
            "  {event:<12} {:>9} {:>7} {:>7}",
            c.recovered,
            c.traced,
            share(c.traced, c.recovered)
        ))?;
    }
    ctx.ui.line(&format!(
        "  {:<12} {:>9} {:>7} {:>7}",
        t!("report-total"),
        report.recovered,
        report.traced,
        share(report.traced, report.recovered)
    ))?;
    ctx.ui.line(&t!("report-beside-heading"))?;
    for (what, c) in [
        (t!("report-ammunition-lots"), &report.ammunition),
        (t!("report-loose-components"), &report.components),
    ] {
        ctx.ui.line(&format!(
            "  {what:<17} {}",
            t!(
                "report-recovered-traced",
                recovered = format!("{:>4}", c.recovered),
                traced = c.traced
            )
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
        Some(p) => ctx.ui.line(&t!(
            "report-summary-period",
            items = summary.items,
            from = p.from.to_string(),
            to = p.to.to_string()
        ))?,
        None => ctx
            .ui
            .line(&t!("report-summary-all", items = summary.items))?,
    }
    for (group, rows) in &summary.tables {
        ctx.ui.heading(&t!(
            "report-by",
            group = crate::i18n::label("group", &group.title().replace(' ', "-"))
        ))?;
        for (key, n) in rows {
            ctx.ui.line(&format!("  {key:<30} {n:>6}"))?;
        }
    }
    let f = &summary.requests;
    ctx.ui.heading(&t!("report-requests"))?;
    ctx.ui.line(&format!(
        "  {}",
        t!(
            "report-funnel",
            drafted = f.drafted,
            sent = f.sent,
            acknowledged = f.acknowledged,
            answered = f.answered
        )
    ))?;
    for (outcome, n) in &f.by_outcome {
        ctx.ui.line(&format!("  {outcome:<30} {n:>6}"))?;
    }
    for o in &f.overdue {
        ctx.ui.line(&format!(
            "  {}",
            t!(
                "report-overdue-line",
                id = o.id,
                to = o.recipient.as_str(),
                why = crate::i18n::shown("overdue", o.overdue),
                days = o.days_waiting
            )
        ))?;
    }
    Ok(Status::Success)
}
