//! All output goes through `Ui`: plain text for people, JSON for tools (`--json`), colour only
//! on a terminal and never with `NO_COLOR`.

pub mod prompt;
pub mod readings;

use std::io::{self, IsTerminal, Write};

use serde::Serialize;

/// serde_json wraps write errors: unwrap them, so a closed pipe is seen as one.
fn surface_io(err: serde_json::Error) -> anyhow::Error {
    match err.io_error_kind() {
        Some(kind) => io::Error::from(kind).into(),
        None => err.into(),
    }
}

#[derive(Debug, Clone)]
pub struct Ui {
    json: bool,
    colour: bool,
    interactive: bool,
}

impl Ui {
    pub fn new(json: bool) -> Ui {
        let colour = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let interactive = io::stdin().is_terminal() && io::stderr().is_terminal();
        Ui {
            json,
            colour,
            interactive,
        }
    }

    /// A progress bar on stderr for `total` things of `unit` (rows, packets): done, rate and
    /// time left. Hidden on a pipe or a file and under `--json`: nothing of it reaches a script.
    pub fn progress(&self, total: u64, unit: &str) -> indicatif::ProgressBar {
        if self.json || !io::stderr().is_terminal() {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(total),
            indicatif::ProgressDrawTarget::stderr(),
        );
        let template = format!(
            "{{bar:30}} {{pos}}/{{len}} {unit}  {{per_sec}}  {{elapsed}} elapsed, {{eta}} left"
        );
        bar.set_style(
            indicatif::ProgressStyle::with_template(&template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    }

    /// `--json` was given: print data, not prose.
    pub fn is_json(&self) -> bool {
        self.json
    }

    /// A person is at a terminal to answer questions.
    pub fn is_interactive(&self) -> bool {
        self.interactive
    }

    /// Prints one JSON document, pretty, on stdout.
    pub fn json<T: Serialize>(&self, value: &T) -> anyhow::Result<()> {
        let mut out = io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, value).map_err(surface_io)?;
        writeln!(out)?;
        Ok(())
    }

    /// Prints one JSON document on one line (a stream of documents: JSON Lines).
    pub fn json_line<T: Serialize>(&self, value: &T) -> anyhow::Result<()> {
        let mut out = io::stdout().lock();
        serde_json::to_writer(&mut out, value).map_err(surface_io)?;
        writeln!(out)?;
        Ok(())
    }

    pub fn line(&self, text: &str) -> anyhow::Result<()> {
        writeln!(io::stdout().lock(), "{text}")?;
        Ok(())
    }

    pub fn heading(&self, text: &str) -> anyhow::Result<()> {
        self.line(&self.paint("1", text))
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    pub fn strong(&self, text: &str) -> String {
        self.paint("1", text)
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// A warning for the person, on stderr, whatever the output mode.
    pub fn warn(&self, text: &str) {
        let _ = writeln!(io::stderr().lock(), "warning: {text}");
    }

    pub fn error(&self, text: &str) {
        let _ = writeln!(io::stderr().lock(), "error: {text}");
    }

    /// What the person can do about an error, on its own line after it.
    pub fn hint(&self, text: &str) {
        let _ = writeln!(io::stderr().lock(), "hint: {text}");
    }
}
