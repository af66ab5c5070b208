//! `custody ITEM --action ...`, `custody log ITEM`, `custody verify`.

use crate::app::{Ctx, Status};
use crate::cli::{CustodyArgs, CustodyCommand};
use crate::error::usage;
use crate::register::custody::{self, NewEvent};
use crate::register::resolve_item;
use crate::t;
use crate::ui::readings::print_event;

pub fn run(ctx: &Ctx, args: CustodyArgs) -> anyhow::Result<Status> {
    match args.command {
        Some(CustodyCommand::Log { item }) => log(ctx, &item),
        Some(CustodyCommand::Verify { against }) => verify(ctx, &against),
        None => {
            let (Some(item), Some(action)) = (args.item, args.action) else {
                return Err(usage(t!("custody-usage")).into());
            };
            append(
                ctx,
                &item,
                NewEvent {
                    action,
                    to: args.to,
                    place: args.place,
                    note: args.note,
                    occurred_at: args.at,
                },
            )
        }
    }
}

fn append(ctx: &Ctx, reference: &str, new: NewEvent) -> anyhow::Result<Status> {
    let station = ctx.station()?;
    let now = ctx.now();
    let mut register = ctx.register()?;
    let item = resolve_item(register.conn(), reference)?;
    let event = register.write(|tx| custody::append(tx, item, &new, &station, &now))?;
    if ctx.ui.is_json() {
        ctx.ui.json(&event)?;
    } else {
        ctx.ui.line(&t!(
            "custody-recorded-as",
            item = item,
            action = crate::i18n::shown("custody", &event.action),
            id = event.id
        ))?;
    }
    Ok(Status::Success)
}

fn log(ctx: &Ctx, reference: &str) -> anyhow::Result<Status> {
    let register = ctx.register_read()?;
    let item = resolve_item(register.conn(), reference)?;
    let events = custody::log(register.conn(), item)?;
    if ctx.ui.is_json() {
        ctx.ui.json(&events)?;
    } else if events.is_empty() {
        ctx.ui.line(&t!("custody-none-yet", item = item))?;
    } else {
        for e in &events {
            print_event(ctx, e)?;
        }
    }
    Ok(Status::Success)
}

fn verify(ctx: &Ctx, against: &[std::path::PathBuf]) -> anyhow::Result<Status> {
    let register = ctx.register_read()?;
    let mut result = custody::verify(register.conn())?;
    // The signed checkpoint of the last export, when this station has keys.
    let keys = ctx.key_store()?;
    if keys.is_initialised() {
        let public = keys.public()?.signing_public;
        let problems = match crate::trace::anchor::read_checkpoint(&ctx.home, &public) {
            Ok(Some(checkpoint)) => custody::compare_with_checkpoint(register.conn(), &checkpoint)?,
            Ok(None) => {
                let exported: i64 = register.conn().query_row(
                    "SELECT count(*) FROM trace_requests WHERE exported_at IS NOT NULL",
                    [],
                    |r| r.get(0),
                )?;
                if exported > 0 {
                    vec![custody::Problem {
                        event: 0,
                        kind: "checkpoint",
                        message: crate::said!(
                            "custody-problem-checkpoint-gone",
                            file = crate::trace::anchor::CHECKPOINT_FILE,
                            count = exported
                        ),
                    }]
                } else {
                    Vec::new()
                }
            }
            Err(reason) => vec![custody::Problem {
                event: 0,
                kind: "checkpoint",
                message: reason,
            }],
        };
        result.valid &= problems.is_empty();
        result.problems.extend(problems);
    }
    if !against.is_empty() {
        // `inbox`: the packets this home sent and received.
        let paths: Vec<std::path::PathBuf> = against
            .iter()
            .flat_map(|p| {
                if p.as_os_str() == "inbox" && !p.exists() {
                    [ctx.home.join("inbox"), ctx.home.join("outbox")]
                        .into_iter()
                        .filter(|dir| dir.is_dir())
                        .collect()
                } else {
                    vec![p.clone()]
                }
            })
            .collect();
        let (heads, unread) = crate::trace::anchor::carried_heads(&paths)?;
        let diverged = custody::compare_with_carried(register.conn(), &heads)?;
        result.valid &= diverged.is_empty();
        result.problems.extend(diverged);
        if !ctx.ui.is_json() {
            ctx.ui.line(&t!(
                "custody-compared",
                heads = heads.len(),
                unread = if unread > 0 {
                    t!("custody-unread", count = unread)
                } else {
                    String::new()
                }
            ))?;
        }
    }
    if ctx.ui.is_json() {
        ctx.ui.json(&result)?;
    } else if result.valid {
        ctx.ui.line(&t!(
            "custody-intact",
            events = result.events,
            head = result.head.as_str()
        ))?;
    } else if result.problems.is_empty() {
        ctx.ui.line(&t!(
            "custody-intact-heads",
            events = result.events,
            problems = result.received_heads.len()
        ))?;
        for p in &result.received_heads {
            ctx.ui.line(&problem_line(p.kind, &p.message))?;
        }
    } else {
        ctx.ui.line(&t!(
            "custody-tampered",
            problems = result.problems.len(),
            events = result.events
        ))?;
        for p in &result.problems {
            ctx.ui.line(&problem_line(p.kind, &p.message))?;
        }
        for p in &result.received_heads {
            ctx.ui.line(&problem_line(p.kind, &p.message))?;
        }
    }
    Ok(if result.valid {
        Status::Success
    } else {
        Status::VerificationFailed
    })
}

/// A problem of the chain, one a line: its kind in words, and what it is.
fn problem_line(kind: &str, message: &crate::i18n::Said) -> String {
    let kind =
        crate::i18n::lookup(&format!("custody-kind-{kind}")).unwrap_or_else(|| kind.to_owned());
    t!(
        "custody-problem-line",
        kind = kind,
        message = message.text()
    )
}
