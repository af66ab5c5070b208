//! `--help` in the officer's language. clap's doc comments cannot be translated, so the command
//! line is declared without them (`cli.rs`) and every command's `about` and every argument's
//! `help` is set here, at run time, from the catalogue: one source of truth. The keys follow
//! the command path and the argument's id:
//!
//! - `cmd-fieldtrace` (the program), `cmd-item-add` (`fieldtrace item add`): the one-line
//!   summary; its `.long` attribute, the longer text `--help` shows;
//! - `arg-item-add-record_id` (`--record-id` of `item add`), `arg-home` (a global flag): the
//!   argument's help, and `.long` when it has more to say.
//!
//! The tests walk the same tree and fail when a command or argument has no message, in any
//! language.

use clap::builder::{Resettable, StyledStr};
use clap::{Arg, Command};

// The help texts are parsed apart from the other messages, only when clap has to say something.
use crate::i18n::{help_attr as lookup_attr, help_text as lookup};

/// What the walk found for one command or argument: its key, the text, the longer text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpEntry {
    pub key: String,
    pub text: Option<String>,
    pub long: Option<String>,
}

/// The key of a command, from its path below the program (`["item", "add"]`).
pub fn command_key(path: &[String]) -> String {
    if path.is_empty() {
        "cmd-fieldtrace".to_owned()
    } else {
        format!("cmd-{}", path.join("-"))
    }
}

/// The key of an argument of the command at `path`; a global flag has one key for all.
pub fn arg_key(path: &[String], arg: &Arg) -> String {
    let id = arg.get_id().as_str();
    if path.is_empty() || arg.is_global_set() || matches!(id, "help" | "version") {
        format!("arg-{id}")
    } else {
        format!("arg-{}-{id}", path.join("-"))
    }
}

/// Every command and argument of `cmd`, with its key and its current help, depth first.
pub fn entries(cmd: &Command) -> Vec<HelpEntry> {
    let mut out = Vec::new();
    walk(cmd, &mut Vec::new(), &mut out);
    out
}

fn walk(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<HelpEntry>) {
    out.push(HelpEntry {
        key: command_key(path),
        text: cmd.get_about().map(ToString::to_string),
        long: cmd.get_long_about().map(ToString::to_string),
    });
    for arg in cmd.get_arguments() {
        if !path.is_empty() && arg.is_global_set() {
            continue;
        }
        out.push(HelpEntry {
            key: arg_key(path, arg),
            text: arg.get_help().map(ToString::to_string),
            long: arg.get_long_help().map(ToString::to_string),
        });
    }
    for sub in cmd.get_subcommands() {
        path.push(sub.get_name().to_owned());
        walk(sub, path, out);
        path.pop();
    }
}

/// The command line with every text from the catalogue: about, help, headings, and clap's own
/// `--help`, `--version` and `help` entries.
pub fn localise(cmd: Command) -> Command {
    let mut cmd = localise_at(cmd, &[]);
    // Build now, so that clap's own flags and the `help` subcommand exist to be translated.
    cmd.build();
    builtins(cmd)
}

fn localise_at(cmd: Command, path: &[String]) -> Command {
    let key = command_key(path);
    let mut cmd = cmd
        .about(styled(lookup(&key)))
        .long_about(styled(lookup_attr(&key, "long")))
        .help_template(template())
        .subcommand_help_heading(crate::t!("help-commands"))
        .subcommand_value_name(crate::t!("help-command-value"));
    let here = path.to_vec();
    cmd = cmd.mut_args(|arg| {
        if !here.is_empty() && arg.is_global_set() {
            return arg;
        }
        let key = arg_key(&here, &arg);
        localise_arg(arg, &key)
    });
    cmd.mut_subcommands(|sub| {
        let mut below = here.clone();
        below.push(sub.get_name().to_owned());
        localise_at(sub, &below)
    })
}

fn localise_arg(arg: Arg, key: &str) -> Arg {
    let heading = if arg.is_positional() {
        crate::t!("help-arguments")
    } else {
        crate::t!("help-options")
    };
    let mut help = lookup(key).unwrap_or_default();
    let mut long = lookup_attr(key, "long");
    // clap writes its notes in English; they are written here in the officer's language.
    let mut notes = Vec::new();
    let takes_values = arg.get_action().takes_values();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && takes_values {
        notes.push(crate::t!("help-default", value = defaults.join(", ")));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !possible.is_empty() && takes_values {
        notes.push(crate::t!("help-possible", values = possible.join(", ")));
    }
    if let Some(env) = arg.get_env() {
        notes.push(crate::t!(
            "help-env",
            name = env.to_string_lossy().into_owned()
        ));
    }
    if !notes.is_empty() {
        let notes = notes.join(" ");
        help = format!("{help} {notes}");
        long = long.map(|l| format!("{l}\n\n{notes}"));
    }
    let (has_defaults, has_possible, has_env) = (
        !defaults.is_empty() && takes_values,
        !possible.is_empty() && takes_values,
        arg.get_env().is_some(),
    );
    arg.help(help)
        .long_help(styled(long))
        .help_heading(heading)
        .hide_default_value(has_defaults)
        .hide_possible_values(has_possible)
        .hide_env(has_env)
}

/// clap's own `-h`, `-V` and `help`, once the tree is built.
fn builtins(cmd: Command) -> Command {
    let mut cmd = cmd;
    for id in ["help", "version"] {
        if cmd.get_arguments().any(|a| a.get_id() == id) {
            cmd = cmd.mut_arg(id, |arg| {
                let key = format!("arg-{id}");
                arg.help(styled(lookup(&key)))
                    .long_help(styled(lookup_attr(&key, "long")))
                    .help_heading(crate::t!("help-options"))
            });
        }
    }
    if cmd.find_subcommand("help").is_some() {
        cmd = cmd.mut_subcommand("help", |help| {
            help.about(styled(lookup("cmd-help")))
                .help_template(template())
                .subcommand_help_heading(crate::t!("help-commands"))
                .mut_subcommands(|sub| sub.about(None::<&str>))
        });
    }
    cmd.mut_subcommands(|sub| {
        if sub.get_name() == "help" {
            sub
        } else {
            builtins(sub)
        }
    })
}

fn styled(text: Option<String>) -> Resettable<StyledStr> {
    match text {
        Some(text) => Resettable::Value(text.into()),
        None => Resettable::Reset,
    }
}

/// clap's layout, with the usage heading in the officer's language.
fn template() -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        crate::t!("help-usage")
    )
}
