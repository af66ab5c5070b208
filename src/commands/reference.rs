//! `ref search`, `ref show`, `ref stats`.

use crate::app::{Ctx, Status};
use crate::cli::{RefCommand, RefSearchArgs};
use crate::error::usage;
use crate::identify::observations::{parse_country, parse_type};
use crate::refdata::check::check_dir;
use crate::refdata::{RefError, SearchFilter};

pub fn run(ctx: &Ctx, cmd: RefCommand) -> anyhow::Result<Status> {
    match cmd {
        RefCommand::Search(args) => search(ctx, &args),
        RefCommand::Show { id } => show(ctx, &id),
        RefCommand::Stats => stats(ctx),
        RefCommand::Check { dir } => check(ctx, &dir),
    }
}

fn search(ctx: &Ctx, args: &RefSearchArgs) -> anyhow::Result<Status> {
    let query = args.query.join(" ");
    let catalog = ctx.refdata.names()?;
    let filter = SearchFilter {
        kind: args.kind.clone(),
        weapon_type: args
            .weapon_type
            .as_deref()
            .map(parse_type)
            .transpose()
            .map_err(usage)?,
        calibre: args
            .calibre
            .as_deref()
            .map(|c| catalog.resolve_calibre(c))
            .transpose()
            .map_err(usage)?,
        country: args
            .country
            .as_deref()
            .map(|c| parse_country(&catalog, c))
            .transpose()
            .map_err(usage)?,
    };
    let limit = if args.all { usize::MAX } else { args.limit };
    let (hits, total) = match ctx.refdata.search(&query, &filter, limit) {
        Err(err @ RefError::EmptyQuery) => return Err(usage(err).into()),
        other => other?,
    };
    let ui = &ctx.ui;
    if ui.is_json() {
        ui.json(&serde_json::json!({ "query": query, "total": total, "results": hits }))?;
    } else if hits.is_empty() {
        ui.line(&format!("Nothing in the library matches '{query}'."))?;
    } else {
        for hit in &hits {
            let confidence = hit.confidence.as_deref().unwrap_or("");
            ui.line(&format!(
                "{:<12} {:<28} {} {}",
                hit.kind,
                hit.id,
                hit.name,
                ui.dim(confidence)
            ))?;
        }
        if hits.len() < total {
            ui.line(&format!(
                "{} of {total} shown: --limit N or --all for more, or narrow with --type, \
                 --calibre, --country, --kind",
                hits.len()
            ))?;
        } else {
            ui.line(&ui.dim(&format!("{total} found")))?;
        }
        ui.line(&ui.dim("`fieldtrace ref show ID` gives an entry with its sources."))?;
    }
    Ok(if hits.is_empty() {
        Status::NothingUsable
    } else {
        Status::Success
    })
}

fn show(ctx: &Ctx, id: &str) -> anyhow::Result<Status> {
    let entry = ctx.refdata.show(id)?;
    let ui = &ctx.ui;
    if ui.is_json() {
        ui.json(&entry)?;
        return Ok(Status::Success);
    }
    ui.heading(&format!("{} {}", entry.kind, entry.id))?;
    if let serde_json::Value::Object(fields) = &entry.entry {
        for (key, value) in fields {
            if key == "id" || key == "sources" {
                continue;
            }
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Array(items) if items.is_empty() => continue,
                serde_json::Value::Array(items) => {
                    items.iter().map(plain).collect::<Vec<_>>().join("; ")
                }
                serde_json::Value::Object(map) if map.is_empty() => continue,
                serde_json::Value::Object(_) => plain(value),
                serde_json::Value::Bool(false) => continue,
                other => other.to_string(),
            };
            ui.line(&format!("  {:<17} {}", format!("{key}:"), text))?;
        }
    }
    if !entry.sources.is_empty() {
        ui.heading("Sources")?;
        for s in &entry.sources {
            let year = s.year.map(|y| format!(" ({y})")).unwrap_or_default();
            ui.line(&format!(
                "  [{}] {}{}, {}",
                s.id, s.title, year, s.publisher
            ))?;
            for place in s.reference.iter().chain(&s.url) {
                ui.line(&format!("      {place}"))?;
            }
        }
    }
    Ok(Status::Success)
}

/// A JSON value as a person reads it: `ru-izhmash, from 1959`, `stock: fixed, underfolding`.
fn plain(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        serde_json::Value::Object(map) => {
            // The thing named first, then what is said of it.
            let named = map
                .iter()
                .filter(|(k, _)| *k == "manufacturer" || *k == "id");
            let said = map
                .iter()
                .filter(|(k, _)| *k != "manufacturer" && *k != "id");
            named
                .map(|(_, v)| plain(v))
                .chain(said.map(|(k, v)| format!("{k} {}", plain(v))))
                .collect::<Vec<_>>()
                .join(", ")
        }
        other => other.to_string(),
    }
}

fn stats(ctx: &Ctx) -> anyhow::Result<Status> {
    let stats = ctx.refdata.stats()?;
    let ui = &ctx.ui;
    if ui.is_json() {
        ui.json(&stats)?;
        return Ok(Status::Success);
    }
    ui.heading(&format!("Reference library {}", stats.data_version))?;
    for (label, count) in [
        ("models", stats.models),
        ("marking profiles", stats.markings),
        ("manufacturers", stats.manufacturers),
        ("calibres", stats.calibres),
        ("headstamps", stats.headstamps),
        ("countries", stats.countries),
        ("sources", stats.sources),
    ] {
        ui.line(&format!("  {label:<17} {count:>5}"))?;
    }
    ui.line(&format!("  {:<17} {}", "sha256", stats.sha256))?;
    Ok(Status::Success)
}

fn check(ctx: &Ctx, dir: &std::path::Path) -> anyhow::Result<Status> {
    let report = check_dir(dir, ctx.clock.year())
        .map_err(|err| anyhow::anyhow!("cannot read {}: {err}", dir.display()))?;
    let ui = &ctx.ui;
    if ui.is_json() {
        let problems: Vec<_> = report
            .problems
            .iter()
            .map(|p| {
                serde_json::json!({
                    "file": p.file, "line": p.line, "entry": p.entry, "reason": p.reason,
                })
            })
            .collect();
        ui.json(&serde_json::json!({
            "files": report.files,
            "entries": report.entries,
            "examples": report.examples,
            "problems": problems,
        }))?;
    } else {
        for problem in &report.problems {
            ui.line(&format!("{}", problem))?;
        }
        ui.line(&format!(
            "{} files, {} entries, {} examples: {}",
            report.files,
            report.entries,
            report.examples,
            match report.problems.len() {
                0 => "no problems".to_owned(),
                1 => "1 problem".to_owned(),
                n => format!("{n} problems"),
            }
        ))?;
    }
    Ok(if report.problems.is_empty() {
        Status::Success
    } else {
        Status::VerificationFailed
    })
}
