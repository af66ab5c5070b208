//! `export csv`.

use anyhow::Context as _;

use crate::app::{Ctx, Status};
use crate::cli::ExportCommand;
use crate::register::export;

/// Excel reads UTF-8 only when the file says so.
const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn run(ctx: &Ctx, cmd: ExportCommand) -> anyhow::Result<Status> {
    let ExportCommand::Csv { out } = cmd;
    let register = ctx.register()?;
    let rows = match &out {
        Some(path) => {
            let mut file = atomic_write_file::AtomicWriteFile::open(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            std::io::Write::write_all(&mut file, BOM)?;
            let rows = export::csv(register.conn(), &mut file)?;
            file.commit()
                .with_context(|| format!("cannot write {}", path.display()))?;
            rows
        }
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
