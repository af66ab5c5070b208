//! `import LOG.csv [--photos DIR] [--map MAP.toml] [--dry-run] [--strict]`.

use anyhow::Context as _;

use crate::app::{Ctx, Status};
use crate::cli::ImportArgs;
use crate::error::usage;
use crate::import::{self, Options, map};
use crate::register::item::Normalizer;

/// A column map is a few lines of TOML; anything bigger is not one.
const MAX_MAP_BYTES: u64 = 256 * 1024;

pub fn run(ctx: &Ctx, args: &ImportArgs) -> anyhow::Result<Status> {
    // The report carries reasons the register writes in the officer's language: with --json
    // they are written in English, so that a script reads the same report in every language.
    if ctx.ui.is_json() {
        crate::i18n::select(&crate::i18n::Lang::english());
    }
    let station = ctx.station()?;
    let column_map = match &args.map {
        // `--map kobo`, `--map odk`: the built-in maps, unless a file has that name.
        Some(path)
            if !path.is_file()
                && let Some((_, text)) = map::BUILT_IN
                    .iter()
                    .find(|(name, _)| path.as_os_str() == *name) =>
        {
            Some(map::parse(text).map_err(|e| usage(format!("--map {}: {e}", path.display())))?)
        }
        Some(path) => {
            let text = import::read_small(path, MAX_MAP_BYTES)
                .with_context(|| format!("cannot read the column map {}", path.display()))?;
            Some(map::parse(&text).map_err(|e| usage(format!("{}: {e}", path.display())))?)
        }
        None => None,
    };
    if let Some(dir) = &args.photos
        && !dir.is_dir()
    {
        return Err(usage(format!("--photos {}: not a folder", dir.display())).into());
    }
    // ODK Central's export has its attachments in media/ beside the CSV.
    let photos_dir = args
        .photos
        .clone()
        .or_else(|| import::default_photos_dir(&args.log));
    let catalog = ctx.refdata.catalog()?;
    let norm = Normalizer {
        catalog: &catalog,
        today: ctx.today(),
    };
    let now = ctx.now();
    let options = Options {
        photos_dir: photos_dir.as_deref(),
        map: column_map.as_ref(),
        dry_run: args.dry_run,
        strict: args.strict,
        home: &ctx.home,
        station: &station,
        now: &now,
        clock: &ctx.clock,
    };
    let bar = ctx.ui.progress(0, "rows");
    let mut register = ctx.register()?;
    let result = import::import(&args.log, &mut register, norm, options, &|done| {
        bar.set_length(done.estimated_rows());
        bar.set_position(done.rows);
    });
    bar.finish_and_clear();
    // Which failures are the officer's to fix is decided at the edge (`error.rs`).
    let report = result.with_context(|| args.log.display().to_string())?;
    let ui = &ctx.ui;
    if ui.is_json() {
        ui.json(&report)?;
    } else {
        let verb = if report.dry_run {
            "would import"
        } else {
            "imported"
        };
        ui.line(&format!(
            "{}: {} rows; {verb} {}, {} already imported, {} rejected; {} photos",
            report.file,
            report.rows,
            report.imported,
            report.already_imported,
            report.rejected,
            report.photos
        ))?;
        if report.strict && report.rejected > 0 {
            ui.line("--strict: nothing was imported, because some rows were rejected")?;
        }
        for r in &report.rejects {
            ui.line(&format!(
                "  line {} ({}): {}: {}",
                r.line,
                r.record_id.as_deref().unwrap_or("no record id"),
                r.field,
                r.reason
            ))?;
        }
        let unlisted = report.rejected - report.rejects.len() as u64;
        if unlisted > 0 {
            ui.line(&format!(
                "  ... and {unlisted} more rejected rows, each with its reason in the rejects file"
            ))?;
        }
        for n in &report.notes {
            ui.line(&ui.dim(&format!(
                "  line {} ({}): {}",
                n.line,
                n.record_id.as_deref().unwrap_or("-"),
                n.note
            )))?;
        }
        if report.notes_not_listed > 0 {
            ui.line(&ui.dim(&format!(
                "  ... and {} more notes, each in its item's notes",
                report.notes_not_listed
            )))?;
        }
        if !report.ignored_columns.is_empty() {
            ui.line(&ui.dim(&format!(
                "  columns not imported: {}",
                map::summarise(&report.ignored_columns)
            )))?;
        }
        if let Some(path) = &report.rejects_file {
            ui.line(&format!(
                "Rejected rows, unchanged, with a reason column: {path}"
            ))?;
        }
    }
    Ok(if report.rejected > 0 {
        Status::SomeRejected
    } else {
        Status::Success
    })
}
