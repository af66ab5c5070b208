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
        Some(CustodyCommand::Verify) => verify(ctx),
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

fn verify(ctx: &Ctx) -> anyhow::Result<Status> {
    let register = ctx.register_read()?;
    let result = custody::verify(register.conn())?;
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
            ctx.ui.line(&format!("  {}: {}", p.kind, p.message))?;
        }
    } else {
        ctx.ui.line(&t!(
            "custody-tampered",
            problems = result.problems.len(),
            events = result.events
        ))?;
        for p in &result.problems {
            ctx.ui.line(&format!("  {}: {}", p.kind, p.message))?;
        }
        for p in &result.received_heads {
            ctx.ui.line(&format!("  {}: {}", p.kind, p.message))?;
        }
    }
    Ok(if result.valid {
        Status::Success
    } else {
        Status::VerificationFailed
    })
}
