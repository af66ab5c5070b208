//! `decode TEXT...`: every reading of each mark, one JSON document per input with `--json`.

use crate::app::{Ctx, Status};
use crate::cli::DecodeArgs;
use crate::refdata::decode::{Decoded, Decoder, Fit};
use crate::refdata::suggest;

pub fn run(ctx: &Ctx, args: &DecodeArgs) -> anyhow::Result<Status> {
    let catalog = ctx.refdata.catalog()?;
    let decoder = Decoder::new(&catalog, ctx.clock.year());
    let mut matched = 0;
    for text in &args.text {
        let decoded = decoder.decode(text);
        if decoded.matches.is_empty() {
            ctx.ui.warn(&format!(
                "no reading for '{text}'{}",
                suggest(&decoded.suggestions)
            ));
        } else {
            matched += 1;
        }
        if ctx.ui.is_json() {
            ctx.ui.json_line(&decoded)?;
        } else {
            print_readings(ctx, &catalog, &decoded)?;
        }
    }
    // The process ends here: freeing thousands of small entries one by one is time the
    // officer waits for nothing.
    std::mem::forget(decoder);
    std::mem::forget(catalog);
    Ok(match matched {
        0 => Status::NothingUsable,
        n if n < args.text.len() => Status::SomeRejected,
        _ => Status::Success,
    })
}

/// The human form of one decoded mark; `identify` prints marks the same way.
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
