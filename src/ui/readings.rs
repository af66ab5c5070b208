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
    let count = crate::t!("readings", count = decoded.matches.len());
    ui.line(&format!(
        "{}  {}",
        ui.strong(&decoded.input),
        ui.dim(&count)
    ))?;
    let kinds: Vec<String> = decoded
        .matches
        .iter()
        .map(|r| crate::i18n::shown("mark-kind", &r.kind))
        .collect();
    let width = crate::ui::column_width(kinds.iter().map(String::as_str), 18);
    for (r, kind) in decoded.matches.iter().zip(&kinds) {
        let mut meaning = r.meaning.clone();
        if let Some(country) = &r.country {
            let name = ctx.country_name(catalog, country);
            if !crate::i18n::names_word(&meaning, &name) {
                meaning.push_str(&format!(" — {name}"));
            }
        }
        if !r.countries.is_empty() {
            let names: Vec<String> = r
                .countries
                .iter()
                .map(|c| ctx.country_name(catalog, c))
                .collect();
            meaning.push_str(&crate::t!("reading-made-in", countries = names.join(", ")));
        }
        if let Some(year) = r.year {
            meaning.push_str(&format!(", {year}"));
        }
        if let Some(span) = &r.span {
            meaning = format!("'{span}': {meaning}");
        }
        let fit = if r.fit == Fit::Partial {
            crate::t!("reading-partial-short")
        } else {
            String::new()
        };
        let confidence = crate::i18n::shown("confidence", &r.confidence.to_string());
        ui.line(&format!(
            "  {kind:<width$} {} {}",
            meaning,
            ui.dim(&format!("[{confidence}{fit}] {}", r.marking_id))
        ))?;
        for extra in r.note.iter().chain(&r.caveats) {
            ui.line(&format!("  {:<width$} {}", "", ui.dim(extra.text())))?;
        }
    }
    if !decoded.not_understood.is_empty() {
        ui.line(&format!(
            "  {:<18} {}",
            crate::t!("reading-not-understood"),
            decoded.not_understood.join(", ")
        ))?;
    }
    Ok(())
}

/// One custody event on one line.
pub fn print_event(ctx: &Ctx, e: &custody::Event) -> anyhow::Result<()> {
    let mut text = crate::t!(
        "custody-event",
        id = e.id,
        when = e.occurred_at.clone(),
        action = crate::i18n::shown("custody", &e.action.to_string()),
        officer = e.officer.clone(),
        unit = e.unit.clone(),
        station = e.station.clone()
    );
    if e.occurred_at != e.at {
        text.push_str(&crate::t!("custody-recorded", at = e.at.clone()));
    }
    if let Some(v) = &e.to {
        text.push_str(&crate::t!("custody-to", to = v.clone()));
    }
    if let Some(v) = &e.place {
        text.push_str(&crate::t!("custody-place", place = v.clone()));
    }
    if let Some(v) = &e.note {
        text.push_str(&crate::t!("custody-note", note = v.clone()));
    }
    ctx.ui.line(&text)
}
