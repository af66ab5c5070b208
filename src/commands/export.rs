//! `export csv`.

use crate::app::{Ctx, Status};
use crate::cli::ExportCommand;
use crate::register::export;

/// Excel reads UTF-8 only when the file says so.
const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn run(ctx: &Ctx, cmd: ExportCommand) -> anyhow::Result<Status> {
    let ExportCommand::Csv { out } = cmd;
    let register = ctx.register()?;
    let rows = match &out {
        Some(path) => crate::fs::write_atomically_with(path, |file| {
            file.write_all(BOM)?;
            export::csv(register.conn(), file)
        })?,
        None => export::csv(register.conn(), std::io::stdout().lock())?,
    };
    if let Some(path) = out
        && !ctx.ui.is_json()
    {
        ctx.ui
            .line(&format!("{rows} items written to {}", path.display()))?;
    }
    Ok(Status::Success)
}
