//! `item add/list/show/edit/mark/component/photo`.

use std::path::Path;

use anyhow::Context as _;

use crate::app::{Ctx, Status};
use crate::cli::{ItemCommand, ItemFields, ItemListArgs};
use crate::error::usage;
use crate::i18n::Said;
use crate::refdata::Catalog;
use crate::register::item::{self, ItemInput, ListFilter, NewComponent, NewMark, Normalizer};
use crate::register::{intake, photos, resolve_item};
use crate::t;
use crate::ui::readings::print_event;

pub fn run(ctx: &Ctx, cmd: ItemCommand) -> anyhow::Result<Status> {
    match cmd {
        ItemCommand::Add {
            fields,
            markings,
            from_identify,
        } => add(ctx, &fields, &markings, from_identify.as_deref()),
        ItemCommand::List(args) => list(ctx, &args),
        ItemCommand::Show { item } => show(ctx, &item),
        ItemCommand::Print { item, out } => print(ctx, &item, &out),
        ItemCommand::Edit {
            item,
            fields,
            reason,
        } => edit(ctx, &item, &fields, reason.as_deref()),
        ItemCommand::Mark {
            item,
            text,
            event,
            part,
            component,
            legibility,
        } => mark(
            ctx,
            &item,
            NewMark {
                text,
                event,
                part,
                component,
                legibility,
                decoded: None,
            },
        ),
        ItemCommand::Component {
            item,
            part,
            make,
            model,
            country,
            serial,
            serial_status,
            notes,
        } => component(
            ctx,
            &item,
            &NewComponent {
                part,
                make,
                model,
                country,
                serial,
                serial_status,
                notes,
            },
        ),
        ItemCommand::Photo { item, files, view } => photo(ctx, &item, &files, &view),
    }
}

fn input_of(fields: &ItemFields) -> ItemInput {
    let pairs = [
        ("record_id", &fields.record_id),
        ("date", &fields.date),
        ("event", &fields.event),
        ("location", &fields.location),
        ("lat", &fields.lat),
        ("lon", &fields.lon),
        ("kind", &fields.kind),
        ("type", &fields.weapon_type),
        ("make", &fields.make),
        ("model", &fields.model),
        ("calibre", &fields.calibre),
        ("serial", &fields.serial),
        ("serial_status", &fields.serial_status),
        ("serial_location", &fields.serial_location),
        ("country", &fields.country),
        ("year", &fields.year),
        ("quantity", &fields.quantity),
        ("headstamp", &fields.headstamp),
        ("lot", &fields.lot),
        ("condition", &fields.condition),
        ("unit", &fields.unit),
        ("officer", &fields.officer),
        ("notes", &fields.notes),
        ("model_id", &fields.model_id),
        ("id_method", &fields.id_method),
        ("id_confidence", &fields.id_confidence),
        ("suspected", &fields.suspected),
        ("illicit_basis", &fields.illicit_basis),
        ("legal_basis", &fields.legal_basis),
    ];
    pairs
        .into_iter()
        .filter_map(|(name, value)| value.as_ref().map(|v| (name.to_owned(), v.clone())))
        .collect()
}

/// Fields and marks taken from `identify --json` output; flags given on the command line win.
fn from_identify(path: &Path, catalog: &Catalog) -> anyhow::Result<(ItemInput, Vec<String>)> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let result: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        usage(t!(
            "item-not-identify-json",
            file = path.display().to_string(),
            error = e.to_string()
        ))
    })?;
    intake::from_identification(&result, catalog)
        .map_err(|reason| usage(format!("{}: {reason}", path.display())).into())
}

fn print_warnings(ctx: &Ctx, warnings: &[Said]) {
    for w in warnings {
        ctx.ui.warn(w.text());
    }
}

/// A stored value as the officer reads it: a vocabulary's word in the officer's language.
fn shown_value(field: &str, value: &str) -> String {
    let kind = match field {
        "event" => "event",
        "kind" => "kind",
        "serial_status" => "serial-status",
        "type" => "type",
        "id_method" => "id-method",
        "id_confidence" => "confidence",
        "suspected" => "suspected",
        _ => return value.to_owned(),
    };
    crate::i18n::shown(kind, value)
}

fn add(
    ctx: &Ctx,
    fields: &ItemFields,
    markings: &[String],
    identify_file: Option<&Path>,
) -> anyhow::Result<Status> {
    let catalog = ctx.refdata.catalog()?;
    let (mut input, mut marks) = match identify_file {
        Some(path) => from_identify(path, &catalog)?,
        None => (ItemInput::new(), Vec::new()),
    };
    input.extend(input_of(fields));
    marks.extend(markings.iter().cloned());
    let mut register = ctx.register()?;
    let added = intake::add(
        &mut register,
        &catalog,
        &ctx.clock,
        &ctx.station()?,
        input,
        &marks,
    )?;
    print_warnings(ctx, &added.notes);
    if ctx.ui.is_json() {
        ctx.ui.json(
            &serde_json::json!({ "id": added.id, "uuid": added.uuid, "warnings": added.warnings }),
        )?;
    } else {
        ctx.ui.line(&t!(
            "item-added",
            id = added.id,
            uuid = added.uuid.to_string()
        ))?;
        print_warnings(ctx, &added.warnings);
    }
    Ok(Status::Success)
}

fn list(ctx: &Ctx, args: &ItemListArgs) -> anyhow::Result<Status> {
    let day = |d: &Option<String>| -> anyhow::Result<Option<String>> {
        d.as_deref()
            .map(|d| item::parse_date(d, ctx.today()).map(|s| s[..10].to_owned()))
            .transpose()
            .map_err(anyhow::Error::from)
    };
    let filter = ListFilter {
        event: args.event.clone(),
        kind: args.kind.clone(),
        weapon_type: args.weapon_type.clone(),
        from: day(&args.from)?,
        to: day(&args.to)?,
        place: args.place.clone(),
        text: args.query.clone(),
    };
    let register = ctx.register_read()?;
    let items = item::list(register.conn(), &filter)?;
    if ctx.ui.is_json() {
        ctx.ui.json(&items)?;
        return Ok(Status::Success);
    }
    if items.is_empty() {
        ctx.ui.line(&t!("item-none-match"))?;
    }
    for i in &items {
        let what = [i.make.as_deref(), i.model.as_deref(), i.calibre.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let custody = i.custody.as_deref().map_or_else(
            || t!("item-no-custody"),
            |c| crate::i18n::shown("custody", c),
        );
        ctx.ui.line(&format!(
            "{:>5}  {}  {:<11} {:<10} {:<32} {}  {}",
            i.id,
            &i.date[..10.min(i.date.len())],
            shown_value("event", &i.event),
            shown_value("kind", &i.kind),
            if what.is_empty() {
                "-".to_owned()
            } else {
                what
            },
            t!(
                "item-serial",
                serial = i.serial.as_deref().unwrap_or("-"),
                status = shown_value("serial_status", &i.serial_status)
            ),
            ctx.ui.dim(&custody)
        ))?;
    }
    Ok(Status::Success)
}

fn show(ctx: &Ctx, reference: &str) -> anyhow::Result<Status> {
    let register = ctx.register_read()?;
    let item = item::load(register.conn(), reference)?;
    let ui = &ctx.ui;
    if ui.is_json() {
        ui.json(&item)?;
        return Ok(Status::Success);
    }
    ui.heading(&t!(
        "item-heading",
        id = item.id,
        uuid = item.uuid.to_string()
    ))?;
    for (name, value) in &item.fields {
        let text = match value {
            serde_json::Value::Null => continue,
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let text = shown_value(name, &text);
        let name = format!("{}:", crate::i18n::shown("field", name));
        ui.line(&format!("  {name:<16} {text}"))?;
    }
    let recorded = format!("{}:", t!("item-recorded"));
    ui.line(&format!(
        "  {recorded:<16} {}",
        t!(
            "item-recorded-by",
            at = item.created_at.as_str(),
            by = item.created_by.as_str()
        )
    ))?;
    if !item.marks.is_empty() {
        ui.heading(&t!("item-marks"))?;
        for m in &item.marks {
            let place = m
                .part
                .as_deref()
                .map(|p| t!("item-mark-on", part = p))
                .unwrap_or_default();
            let decoded = m
                .decoded
                .as_deref()
                .map(|d| format!(" → {d}"))
                .unwrap_or_default();
            ui.line(&format!(
                "  {} [{}{place}, {}]{}",
                m.text,
                crate::i18n::shown("mark-event", &m.event),
                crate::i18n::shown("legibility", &m.legibility),
                ui.dim(&decoded)
            ))?;
        }
    }
    if !item.components.is_empty() {
        ui.heading(&t!("item-components"))?;
        for c in &item.components {
            let origin = [c.make.as_deref(), c.model.as_deref(), c.country.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            ui.line(&format!(
                "  {}. {} {} {}",
                c.id,
                c.part,
                origin,
                t!(
                    "item-serial",
                    serial = c.serial.as_deref().unwrap_or("-"),
                    status = shown_value("serial_status", &c.serial_status)
                )
            ))?;
        }
    }
    if !item.photos.is_empty() {
        ui.heading(&t!("item-photos"))?;
        for p in &item.photos {
            let taken = p
                .taken_at
                .clone()
                .unwrap_or_else(|| t!("item-photo-time-unknown"));
            ui.line(&format!(
                "  {:<9} {} {}×{} {}",
                crate::i18n::shown("view", &p.view),
                p.path,
                p.width,
                p.height,
                ui.dim(&taken)
            ))?;
        }
    }
    ui.heading(&t!("item-custody"))?;
    if item.custody.is_empty() {
        ui.line(&format!("  {}", t!("item-no-events")))?;
    }
    for e in &item.custody {
        print_event(ctx, e)?;
    }
    if !item.changes.is_empty() {
        ui.heading(&t!("item-changes"))?;
        for c in &item.changes {
            ui.line(&format!(
                "  {} {}{}",
                c.at,
                t!(
                    "item-change",
                    field = crate::i18n::shown("field", &c.field),
                    old = c.old_value.as_deref().unwrap_or(""),
                    new = c.new_value.as_deref().unwrap_or(""),
                    by = c.by.as_str()
                ),
                c.reason
                    .as_deref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default()
            ))?;
        }
    }
    if !item.warnings.is_empty() {
        ui.heading(&t!("item-for-a-trace"))?;
        for w in &item.warnings {
            ui.line(&format!("  ! {w}"))?;
        }
    }
    Ok(Status::Success)
}

fn edit(
    ctx: &Ctx,
    reference: &str,
    fields: &ItemFields,
    reason: Option<&str>,
) -> anyhow::Result<Status> {
    let input = input_of(fields);
    if input.is_empty() {
        return Err(usage(t!("item-nothing-to-change")).into());
    }
    let station = ctx.station()?;
    let catalog = ctx.refdata.catalog()?;
    let norm = Normalizer {
        catalog: &catalog,
        today: ctx.today(),
    };
    let now = ctx.now();
    let mut register = ctx.register()?;
    let id = resolve_item(register.conn(), reference)?;
    let (changed, warnings) =
        register.write(|tx| item::edit(tx, id, &input, &norm, reason, &station, &now))?;
    print_warnings(ctx, &warnings);
    if ctx.ui.is_json() {
        ctx.ui
            .json(&serde_json::json!({ "id": id, "changed": changed }))?;
    } else if changed.is_empty() {
        ctx.ui.line(&t!("item-unchanged", id = id))?;
    } else {
        let fields: Vec<String> = changed
            .iter()
            .map(|f| crate::i18n::shown("field", f))
            .collect();
        ctx.ui
            .line(&t!("item-changed", id = id, fields = fields.join(", ")))?;
    }
    Ok(Status::Success)
}

fn mark(ctx: &Ctx, reference: &str, mut new: NewMark) -> anyhow::Result<Status> {
    let station = ctx.station()?;
    let catalog = ctx.refdata.catalog()?;
    new.decoded = intake::decoded(&intake::decoder(&catalog, &ctx.clock), &new.text);
    let now = ctx.now();
    let mut register = ctx.register()?;
    let id = resolve_item(register.conn(), reference)?;
    let mark = register.write(|tx| item::add_mark(tx, id, &new, &station, &now))?;
    if ctx.ui.is_json() {
        ctx.ui
            .json(&serde_json::json!({ "item": id, "mark": mark, "decoded": new.decoded }))?;
    } else {
        let reading = new
            .decoded
            .map(|d| t!("item-mark-reads-as", reading = d))
            .unwrap_or_default();
        ctx.ui.line(&t!(
            "item-mark-recorded",
            id = id,
            mark = mark,
            reading = reading
        ))?;
    }
    Ok(Status::Success)
}

fn component(ctx: &Ctx, reference: &str, new: &NewComponent) -> anyhow::Result<Status> {
    let station = ctx.station()?;
    let catalog = ctx.refdata.catalog()?;
    let norm = Normalizer {
        catalog: &catalog,
        today: ctx.today(),
    };
    let now = ctx.now();
    let mut register = ctx.register()?;
    let id = resolve_item(register.conn(), reference)?;
    let component = register.write(|tx| item::add_component(tx, id, new, &norm, &station, &now))?;
    if ctx.ui.is_json() {
        ctx.ui
            .json(&serde_json::json!({ "item": id, "component": component }))?;
    } else {
        ctx.ui.line(&t!(
            "item-component-recorded",
            id = id,
            component = component,
            part = new.part.as_str()
        ))?;
    }
    Ok(Status::Success)
}

fn photo(
    ctx: &Ctx,
    reference: &str,
    files: &[std::path::PathBuf],
    view: &str,
) -> anyhow::Result<Status> {
    let station = ctx.station()?;
    let mut register = ctx.register()?;
    let id = resolve_item(register.conn(), reference)?;
    let view = crate::vocab::read_word("view", view, photos::VIEWS)
        .map_err(|e| usage(t!("item-bad-view", error = e.to_string())))?;
    let attached = photos::attach(
        &mut register,
        &ctx.home,
        id,
        files,
        view,
        &station,
        &ctx.clock,
    )?;
    if ctx.ui.is_json() {
        ctx.ui
            .json(&serde_json::json!({ "item": id, "view": view, "photos": attached }))?;
        return Ok(Status::Success);
    }
    for a in &attached {
        let sha = &a.sha256[..12];
        let line = if a.added {
            t!(
                "item-photo-added",
                file = a.file.as_str(),
                sha = sha,
                width = a.width,
                height = a.height
            )
        } else {
            t!(
                "item-photo-there",
                file = a.file.as_str(),
                sha = sha,
                width = a.width,
                height = a.height
            )
        };
        ctx.ui.line(&line)?;
        for note in &a.exif.notes {
            ctx.ui.warn(&format!("{}: {note}", a.file));
        }
    }
    Ok(Status::Success)
}

fn print(ctx: &Ctx, reference: &str, out: &std::path::Path) -> anyhow::Result<Status> {
    use crate::report::print;
    let (item, requests) = {
        let register = ctx.register()?;
        let item = crate::register::item::load(register.conn(), reference)?;
        let requests = print::item_requests(register.conn(), item.id)?;
        (item, requests)
    };
    let photos = print::item_photos(&ctx.home, &item);
    let now = ctx.clock.now().format("%Y-%m-%d %H:%M UTC").to_string();
    let page = print::seizure_record(&item, &photos, &requests, &now);
    crate::fs::write_atomically(out, page.as_bytes())?;
    if ctx.ui.is_json() {
        ctx.ui
            .json(&serde_json::json!({ "id": item.id, "out": out }))?;
    } else {
        ctx.ui.line(&t!(
            "item-printed",
            id = item.id,
            file = out.display().to_string()
        ))?;
    }
    Ok(Status::Success)
}
