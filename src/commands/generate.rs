//! `generate`: shell completions and the man page from the same clap definitions, and the
//! reference library's coverage table.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::app::Status;
use crate::cli::{Cli, GenerateArgs, Generated};
use crate::refdata::{RefData, coverage};

pub fn run(args: &GenerateArgs) -> anyhow::Result<Status> {
    let (file_name, bytes) = match args.what {
        Generated::Coverage => {
            let refdata = RefData::open_embedded()?;
            let page = coverage::markdown(&refdata.catalog()?, &refdata.stats()?);
            ("reference-coverage.md", page.into_bytes())
        }
        Generated::Vocabulary => (
            "vocabulary.md",
            coverage::vocabulary_markdown().into_bytes(),
        ),
        Generated::Man => {
            let mut bytes = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut bytes)?;
            ("fieldtrace.1", bytes)
        }
        Generated::Bash => completion(Shell::Bash, "fieldtrace.bash"),
        Generated::Zsh => completion(Shell::Zsh, "_fieldtrace"),
        Generated::Fish => completion(Shell::Fish, "fieldtrace.fish"),
        Generated::Powershell => completion(Shell::PowerShell, "_fieldtrace.ps1"),
        Generated::Elvish => completion(Shell::Elvish, "fieldtrace.elv"),
    };
    match &args.out {
        Some(dir) => write_into(dir, file_name, &bytes)?,
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    Ok(Status::Success)
}

fn completion(shell: Shell, file_name: &'static str) -> (&'static str, Vec<u8>) {
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "fieldtrace", &mut bytes);
    (file_name, bytes)
}

fn write_into(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join(name);
    std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))
}
