//! `init`: this station's identity.

use crate::app::{Ctx, Status};
use crate::cli::InitArgs;
use crate::config;
use crate::error::usage;
use crate::register::Station;
use crate::t;

pub fn run(ctx: &Ctx, args: &InitArgs) -> anyhow::Result<Status> {
    let station = Station {
        name: args.name.trim().to_owned(),
        unit: args.unit.trim().to_owned(),
        officer: args.officer.trim().to_owned(),
    };
    if station.name.is_empty() || station.unit.is_empty() || station.officer.is_empty() {
        return Err(usage(t!("init-empty")).into());
    }
    let mut config = config::load(&ctx.home)?;
    if let Some(existing) = &config.station
        && *existing != station
        && !args.force
    {
        return Err(usage(t!(
            "init-already",
            name = existing.name.as_str(),
            unit = existing.unit.as_str(),
            officer = existing.officer.as_str()
        ))
        .hint(t!("hint-init-force"))
        .into());
    }
    config.station = Some(station.clone());
    config::save(&ctx.home, &config)?;
    // Create the register now, so a mistake in --home shows at once.
    ctx.register()?;
    if ctx.ui.is_json() {
        ctx.ui
            .json(&serde_json::json!({ "station": station, "home": ctx.home }))?;
    } else {
        ctx.ui.line(&t!(
            "init-done",
            name = station.name.as_str(),
            unit = station.unit.as_str(),
            officer = station.officer.as_str(),
            home = ctx.home.display().to_string()
        ))?;
    }
    Ok(Status::Success)
}
