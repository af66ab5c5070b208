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
        let template = crate::t!("ui-progress", unit = unit);
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
        writeln!(io::stdout().lock(), "{}", neutralise(text, self.colour))?;
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
        let _ = writeln!(
            io::stderr().lock(),
            "{} {}",
            crate::t!("ui-warning"),
            neutralise(text, false)
        );
    }

    pub fn error(&self, text: &str) {
        let _ = writeln!(
            io::stderr().lock(),
            "{} {}",
            crate::t!("ui-error"),
            neutralise(text, false)
        );
    }

    /// What the person can do about an error, on its own line after it.
    pub fn hint(&self, text: &str) {
        let _ = writeln!(
            io::stderr().lock(),
            "{} {}",
            crate::t!("ui-hint"),
            neutralise(text, false)
        );
    }
}

/// The styles `Ui` itself writes (bold, dim, reset): the only escape sequences let through.
const OWN_STYLES: &[&str] = &["\x1b[1m", "\x1b[2m", "\x1b[0m"];

/// Text as it may reach a terminal: every control character (escape sequences that clear the
/// screen, move the cursor, set the window title or colour a forged "VALID"), and every
/// character that reorders text (bidi overrides), is shown escaped (`\x1b[2J`), except line
/// breaks, tabs and, when `Ui` paints, its own bold, dim and reset. Packets, logs and the
/// register are written by others: everything printed goes through here.
/// The width of a column of labels: the widest label, in characters, and at least `at_least`
/// (a language's labels may be longer than English's).
pub fn column_width<'a>(labels: impl IntoIterator<Item = &'a str>, at_least: usize) -> usize {
    labels
        .into_iter()
        .map(|label| label.chars().count())
        .max()
        .unwrap_or(0)
        .max(at_least)
}

pub fn neutralise(text: &str, keep_own_styles: bool) -> std::borrow::Cow<'_, str> {
    let harmful = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
    };
    if !text.chars().any(harmful) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(style) = OWN_STYLES
            .iter()
            .find(|s| keep_own_styles && rest.starts_with(**s))
        {
            out.push_str(style);
            rest = &rest[style.len()..];
            continue;
        }
        if harmful(c) {
            if (c as u32) < 0x100 {
                out.push_str(&format!("\\x{:02x}", c as u32));
            } else {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn escape_sequences_from_outside_are_shown_not_obeyed() {
        let forged = "\x1b[2J\x1b]0;owned\x07\x1b[32mVALID\u{202e}txt.exe";
        assert_eq!(
            neutralise(forged, true),
            "\\x1b[2J\\x1b]0;owned\\x07\\x1b[32mVALID\\u{202e}txt.exe"
        );
        // What Ui paints itself stays painted; plain text is not copied.
        assert_eq!(
            neutralise("\x1b[1mTitle\x1b[0m", true),
            "\x1b[1mTitle\x1b[0m"
        );
        // Without colour nothing is painted, so no escape at all is let through.
        assert_eq!(neutralise("\x1b[1mTitle", false), "\\x1b[1mTitle");
        assert!(matches!(
            neutralise("Sévaré\tok\n", true),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    proptest! {
        #[test]
        fn nothing_but_own_styles_reaches_the_terminal(s in "\\PC*|[\\x00-\\x1f\\x7f-\\u{9f}a\\[]{0,40}") {
            prop_assert!(!neutralise(&s, false).chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            let mut rest = neutralise(&s, true).into_owned();
            for style in OWN_STYLES {
                rest = rest.replace(style, "");
            }
            prop_assert!(!rest.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        }
    }
}
