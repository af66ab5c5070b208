//! `export csv` and `export geojson`.

use std::path::PathBuf;

use crate::app::{Ctx, Status};
use crate::cli::ExportCommand;
use crate::register::export;

/// Excel reads UTF-8 only when the file says so.
const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn run(ctx: &Ctx, cmd: ExportCommand) -> anyhow::Result<Status> {
    match cmd {
        ExportCommand::Csv {
            out,
            delimiter,
            plain,
        } => csv(
            ctx,
            out,
            export::CsvOptions {
                delimiter,
                text_ids: !plain,
            },
        ),
        ExportCommand::Geojson { out, coarsen_km } => geojson(ctx, out, coarsen_km),
    }
}

fn geojson(ctx: &Ctx, out: Option<PathBuf>, coarsen_km: f64) -> anyhow::Result<Status> {
    let register = ctx.register()?;
    let features = match &out {
        Some(path) => crate::fs::write_atomically_with(path, |file| {
            crate::report::geojson::write(register.conn(), coarsen_km, file)
        })?,
        None => crate::report::geojson::write(
            register.conn(),
            coarsen_km,
            &mut std::io::stdout().lock(),
        )?,
    };
    written(ctx, out, features)
}

/// `N items written to FILE`, when written to a file.
fn written(ctx: &Ctx, out: Option<PathBuf>, rows: usize) -> anyhow::Result<Status> {
    if let Some(path) = out
        && !ctx.ui.is_json()
    {
        ctx.ui.line(&crate::t!(
            "export-written",
            rows = rows,
            file = path.display().to_string()
        ))?;
    }
    Ok(Status::Success)
}

fn csv(ctx: &Ctx, out: Option<PathBuf>, options: export::CsvOptions) -> anyhow::Result<Status> {
    let register = ctx.register()?;
    let rows = match &out {
        Some(path) => crate::fs::write_atomically_with(path, |file| {
            file.write_all(BOM)?;
            export::csv(register.conn(), options, file)
        })?,
        None => export::csv(register.conn(), options, std::io::stdout().lock())?,
    };
    written(ctx, out, rows)
}
