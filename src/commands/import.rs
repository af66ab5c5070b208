//! `import LOG.csv [--photos DIR] [--map MAP.toml] [--dry-run] [--strict]`.

use anyhow::Context as _;

use crate::app::{Ctx, Status};
use crate::cli::ImportArgs;
use crate::error::usage;
use crate::import::{self, Options, map};
use crate::register::item::Normalizer;
use crate::t;

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
                .with_context(|| t!("import-cannot-read-map", file = path.display().to_string()))?;
            Some(map::parse(&text).map_err(|e| usage(format!("{}: {e}", path.display())))?)
        }
        None => None,
    };
    if let Some(dir) = &args.photos
        && !dir.is_dir()
    {
        return Err(usage(t!(
            "import-photos-not-folder",
            dir = dir.display().to_string()
        ))
        .into());
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
    let bar = ctx.ui.progress(0, &t!("import-progress-rows"));
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
        let summary = |dry_run: bool| {
            if dry_run {
                t!(
                    "import-summary-dry-run",
                    file = report.file.as_str(),
                    rows = report.rows,
                    imported = report.imported,
                    already = report.already_imported,
                    rejected = report.rejected,
                    photos = report.photos
                )
            } else {
                t!(
                    "import-summary",
                    file = report.file.as_str(),
                    rows = report.rows,
                    imported = report.imported,
                    already = report.already_imported,
                    rejected = report.rejected,
                    photos = report.photos
                )
            }
        };
        ui.line(&summary(report.dry_run))?;
        if report.strict && report.rejected > 0 {
            ui.line(&t!("import-strict-nothing"))?;
        }
        for r in &report.rejects {
            ui.line(&t!(
                "import-reject-line",
                line = r.line,
                record = r
                    .record_id
                    .clone()
                    .unwrap_or_else(|| t!("import-no-record-id")),
                field = r.field.as_str(),
                reason = r.reason.text()
            ))?;
        }
        let unlisted = report.rejected - report.rejects.len() as u64;
        if unlisted > 0 {
            ui.line(&t!("import-more-rejected", count = unlisted))?;
        }
        for n in &report.notes {
            ui.line(&ui.dim(&t!(
                "import-note-line",
                line = n.line,
                record = n.record_id.as_deref().unwrap_or("-"),
                note = n.note.text()
            )))?;
        }
        if report.notes_not_listed > 0 {
            ui.line(&ui.dim(&t!("import-more-notes", count = report.notes_not_listed)))?;
        }
        if !report.ignored_columns.is_empty() {
            ui.line(&ui.dim(&t!(
                "import-columns-ignored",
                columns = map::summarise(&report.ignored_columns)
            )))?;
        }
        if let Some(path) = &report.rejects_file {
            ui.line(&t!("import-rejects-file", file = path.as_str()))?;
        }
    }
    Ok(if report.rejected > 0 {
        Status::SomeRejected
    } else {
        Status::Success
    })
}
