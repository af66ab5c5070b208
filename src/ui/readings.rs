//! How a decoded mark and a custody event read on the terminal; `decode`, `identify`, `item`
//! and `custody` print them the same way.

use crate::context::Ctx;
use crate::refdata::decode::{Decoded, Fit};
use crate::register::custody;

/// The human form of one decoded mark.
pub fn print_readings(
    ctx: &Ctx,
    catalog: &crate::refdata::Catalog,
    decoded: &Decoded,
) -> anyhow::Result<()> {
    let ui = &ctx.ui;
    let count = match decoded.matches.len() {
        0 => "no reading".to_owned(),
        1 => "1 reading".to_owned(),
        n => format!("{n} readings"),
    };
    ui.line(&format!(
        "{}  {}",
        ui.strong(&decoded.input),
        ui.dim(&count)
    ))?;
    for r in &decoded.matches {
        let mut meaning = r.meaning.clone();
        if let Some(country) = &r.country {
            let name = ctx.country_name(catalog, country);
            if !meaning.contains(&name) {
                meaning.push_str(&format!(" — {name}"));
            }
        }
        if !r.countries.is_empty() {
            let names: Vec<String> = r
                .countries
                .iter()
                .map(|c| ctx.country_name(catalog, c))
                .collect();
            meaning.push_str(&format!(" — made in {}", names.join(", ")));
        }
        if let Some(year) = r.year {
            meaning.push_str(&format!(", {year}"));
        }
        if let Some(span) = &r.span {
            meaning = format!("'{span}': {meaning}");
        }
        let fit = if r.fit == Fit::Partial {
            " (partial)"
        } else {
            ""
        };
        ui.line(&format!(
            "  {:<18} {} {}",
            r.kind,
            meaning,
            ui.dim(&format!("[{}{fit}] {}", r.confidence, r.marking_id))
        ))?;
        for extra in r.note.iter().chain(&r.caveats) {
            ui.line(&format!("  {:<18} {}", "", ui.dim(extra)))?;
        }
    }
    if !decoded.not_understood.is_empty() {
        ui.line(&format!(
            "  {:<18} {}",
            "not understood",
            decoded.not_understood.join(", ")
        ))?;
    }
    Ok(())
}

/// One custody event on one line.
pub fn print_event(ctx: &Ctx, e: &custody::Event) -> anyhow::Result<()> {
    let mut text = format!(
        "  #{} {} {} by {} ({}, {})",
        e.id, e.occurred_at, e.action, e.officer, e.unit, e.station
    );
    if e.occurred_at != e.at {
        text.push_str(&format!("; recorded {}", e.at));
    }
    for (label, value) in [("to", &e.to), ("at", &e.place), ("note", &e.note)] {
        if let Some(v) = value {
            text.push_str(&format!("; {label} {v}"));
        }
    }
    ctx.ui.line(&text)
}
