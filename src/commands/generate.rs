//! `generate`: shell completions and the man page, from the same clap definitions.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::app::Status;
use crate::cli::{Cli, GenerateArgs, Generated};
use crate::ui::Ui;

pub fn run(args: &GenerateArgs, _ui: &Ui) -> anyhow::Result<Status> {
    let mut cmd = Cli::command();
    let mut bytes = Vec::new();
    let (shell, file_name) = match args.what {
        Generated::Bash => (Some(Shell::Bash), "fieldtrace.bash"),
        Generated::Zsh => (Some(Shell::Zsh), "_fieldtrace"),
        Generated::Fish => (Some(Shell::Fish), "fieldtrace.fish"),
        Generated::Powershell => (Some(Shell::PowerShell), "_fieldtrace.ps1"),
        Generated::Elvish => (Some(Shell::Elvish), "fieldtrace.elv"),
        Generated::Man => (None, "fieldtrace.1"),
    };
    match shell {
        Some(shell) => clap_complete::generate(shell, &mut cmd, "fieldtrace", &mut bytes),
        None => clap_mangen::Man::new(cmd).render(&mut bytes)?,
    }
    match &args.out {
        Some(dir) => write_into(dir, file_name, &bytes)?,
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    Ok(Status::Success)
}

fn write_into(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join(name);
    std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))
}
