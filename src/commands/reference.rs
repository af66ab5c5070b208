//! `ref search`, `ref show`, `ref stats`.

use crate::app::{Ctx, Status};
use crate::cli::{RefCommand, RefSearchArgs};
use crate::error::usage;
use crate::identify::observations::{parse_country, parse_type};
use crate::refdata::check::check_dir;
use crate::refdata::{RefError, SearchFilter};
use crate::t;

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
        ui.line(&t!("ref-nothing", query = query.as_str()))?;
    } else {
        for hit in &hits {
            let confidence = hit.confidence.as_deref().unwrap_or("");
            let confidence = if confidence.is_empty() {
                String::new()
            } else {
                crate::i18n::shown("confidence", confidence)
            };
            ui.line(&format!(
                "{:<12} {:<28} {} {}",
                crate::i18n::shown("entry-kind", &hit.kind),
                hit.id,
                hit.name,
                ui.dim(&confidence)
            ))?;
        }
        if hits.len() < total {
            ui.line(&t!("ref-shown-of", shown = hits.len(), total = total))?;
        } else {
            ui.line(&ui.dim(&t!("ref-found", total = total)))?;
        }
        ui.line(&ui.dim(&t!("ref-show-hint")))?;
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
    ui.heading(&format!(
        "{} {}",
        crate::i18n::shown("entry-kind", &entry.kind),
        entry.id
    ))?;
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
        ui.heading(&t!("ref-sources"))?;
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
    ui.heading(&t!("ref-library", version = stats.data_version.as_str()))?;
    let rows = [
        (t!("ref-models"), stats.models),
        (t!("ref-markings"), stats.markings),
        (t!("ref-manufacturers"), stats.manufacturers),
        (t!("ref-calibres"), stats.calibres),
        (t!("ref-headstamps"), stats.headstamps),
        (t!("ref-countries"), stats.countries),
        (t!("ref-sources-count"), stats.sources),
    ];
    let width = crate::ui::column_width(rows.iter().map(|(label, _)| label.as_str()), 17);
    for (label, count) in rows {
        ui.line(&format!("  {label:<width$} {count:>5}"))?;
    }
    ui.line(&format!("  {:<width$} {}", "sha256", stats.sha256))?;
    Ok(Status::Success)
}

fn check(ctx: &Ctx, dir: &std::path::Path) -> anyhow::Result<Status> {
    let report = check_dir(dir, ctx.clock.year()).map_err(|err| {
        anyhow::anyhow!(
            "{}: {err}",
            t!("error-cannot-read", file = dir.display().to_string())
        )
    })?;
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
        ui.line(&t!(
            "ref-check-summary",
            files = report.files,
            entries = report.entries,
            examples = report.examples,
            problems = report.problems.len()
        ))?;
    }
    Ok(if report.problems.is_empty() {
        Status::Success
    } else {
        Status::VerificationFailed
    })
}
