//! Printable pages (A4, print CSS, no network): a trace request as ITI paragraph 17 lays it
//! out, with the QR codes of its signed manifest so the paper can be checked against the file,
//! and a seizure record with its custody chain and the photos of its marks (inlined as
//! `data:` URLs, so the page stays one file).

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::i18n::shown;
use crate::qr;
use crate::register::item::Item;
use crate::register::traces::TraceRequest;
use crate::t;
use crate::trace::body::{ItemEntry, RequestBody};

const STYLE: &str = "
@page { size: A4; margin: 16mm 14mm; }
body { font-family: serif; font-size: 10.5pt; color: #000; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; border-bottom: 0.3mm solid #000; break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.2mm solid #555; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { width: 38%; font-weight: normal; background: #eee; }
code { font-family: monospace; font-size: 9pt; word-break: break-all; }
.item { break-inside: avoid; margin-bottom: 3mm; }
.qr { display: inline-block; width: 52mm; margin: 0 3mm 3mm 0; text-align: center; break-inside: avoid; font-size: 8pt; }
.qr svg { width: 50mm; height: 50mm; }
.sign { display: flex; gap: 6mm; margin-top: 4mm; break-inside: avoid; }
.sign div { flex: 1; border: 0.3mm solid #000; height: 30mm; padding: 1.5mm; font-size: 9pt; }
.draft { border: 0.5mm solid #000; padding: 2mm; font-weight: bold; }
";

/// A stored value as printed: a vocabulary's word in the officer's language.
fn printed(field: &str, value: &str) -> String {
    match field {
        "event" => shown("event", value),
        "kind" => shown("kind", value),
        "type" => shown("type", value),
        "serial_status" => shown("serial-status", value),
        _ => value.to_owned(),
    }
}

fn row(label: &str, value: Option<&str>) -> Markup {
    html! { tr { th { (label) } td { (value.unwrap_or("—")) } } }
}

fn item(i: usize, e: &ItemEntry) -> Markup {
    let serial =
        e.sn.as_deref()
            .map(|sn| match e.sn_at.as_deref() {
                Some(at) => t!(
                    "print-serial-at",
                    serial = sn,
                    status = shown("serial-status", e.serial_status()),
                    at = at
                ),
                None => format!("{sn} ({})", shown("serial-status", e.serial_status())),
            })
            .unwrap_or_else(|| shown("serial-status", e.serial_status()));
    let marks: Vec<String> = e
        .marks
        .iter()
        .map(|m| match (&m.ev, &m.at) {
            (Some(ev), Some(at)) => format!("{} ({}, {at})", m.text, shown("mark-event", ev)),
            (Some(ev), None) => format!("{} ({})", m.text, shown("mark-event", ev)),
            _ => m.text.clone(),
        })
        .collect();
    let year = e.year.map(|y| y.to_string());
    let qty = e.qty.map(|q| q.to_string());
    html! {
        table class="item" {
            tr { th colspan="2" { b { (t!("print-item", number = (i + 1))) } } }
            (row(&t!("print-kind"), Some(&shown("kind", e.kind.as_deref().unwrap_or("weapon")))))
            (row(&t!("print-type"), e.weapon_type.as_deref().map(|t| shown("type", t)).as_deref()))
            (row(&t!("print-manufacturer"), e.make.as_deref()))
            (row(&t!("print-model"), e.model.as_deref()))
            (row(&t!("print-calibre"), e.cal.as_deref()))
            (row(&t!("print-serial-number"), Some(&serial)))
            (row(&t!("print-country-of-manufacture"), e.ctry.as_deref()))
            (row(&t!("print-year-of-manufacture"), year.as_deref()))
            @if e.qty.is_some() { (row(&t!("print-quantity"), qty.as_deref())) }
            @if e.hs.is_some() { (row(&t!("print-headstamp"), e.hs.as_deref())) }
            @if e.lot.is_some() { (row(&t!("print-lot"), e.lot.as_deref())) }
            (row(&t!("print-markings"), (!marks.is_empty()).then(|| marks.join("; ")).as_deref()))
            (row(&t!("print-recovered"), Some(&format!("{}, {}{}", shown("event", &e.ev), e.date,
                e.place.as_deref().map(|p| format!(", {p}")).unwrap_or_default()))))
            @if e.susp.is_some() { (row(&t!("print-suspected"), e.susp.as_deref())) }
            @if !e.photos.is_empty() {
                (row(&t!("print-photos-sha-256"), Some(&e.photos.iter()
                    .map(|p| format!("{}: {}", p.view, p.sha256)).collect::<Vec<_>>().join("; "))))
            }
        }
    }
}

/// The page for one request; `authority` is the station's unit when the body names none.
pub fn trace_request(
    request: &TraceRequest,
    authority: &str,
    generated_at: &str,
) -> anyhow::Result<String> {
    let body: RequestBody = serde_json::from_value(request.body.clone())?;
    let parts = match (&request.manifest, &request.signature) {
        (Some(m), Some(s)) => qr::parts_for_packet(m, s, 0)?,
        _ => Vec::new(),
    };
    let mut codes = Vec::new();
    for part in &parts {
        codes.push(qr::frames::svg_path(part)?);
    }
    let markup = html! {
        (DOCTYPE)
        html lang=(crate::i18n::current().code()) dir=(if crate::i18n::current().is_rtl() { "rtl" } else { "ltr" }) {
            head {
                meta charset="utf-8";
                title { (t!("print-title-request", id = request.id, packet = request.packet_id.as_str())) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { (t!("print-h1-request")) }
                @if request.manifest_sha256.is_none() {
                    p class="draft" { (t!("print-draft")) }
                }
                table {
                    (row(&t!("print-request"), Some(&t!("print-sequence", id = request.id, seq = request.seq))))
                    (row(&t!("print-packet-id"), Some(&request.packet_id)))
                    (row(&t!("print-manifest-sha-256"), request.manifest_sha256.as_deref()))
                    (row(&t!("print-addressed-to"), Some(&request.recipient)))
                    (row(&t!("print-drafted"), Some(&t!("print-by", at = request.created_at.as_str(), by = request.created_by.as_str()))))
                    (row(&t!("print-signed"), request.exported_at.as_deref()))
                    (row(&t!("print-printed"), Some(generated_at)))
                }
                h2 { (t!("print-h2-a")) }
                table {
                    (row(&t!("print-requesting-authority"), Some(body.auth.as_deref().unwrap_or(authority))))
                    (row(&t!("print-point-of-contact"), body.poc.as_deref()))
                    (row(&t!("print-illicit-nature-of-the-weapons"), body.illicit.as_deref()))
                    (row(&t!("print-legal-basis-of-the-request"), body.legal.as_deref()))
                }
                h2 { (t!("print-h2-b")) }
                @for (i, e) in body.items.iter().enumerate() { (item(i, e)) }
                h2 { (t!("print-h2-c")) }
                table {
                    (row(&t!("print-intended-use"), body.intended_use.as_deref()))
                    (row(&t!("print-priority"), Some(&shown("priority", &body.prio))))
                    (row(&t!("print-justification-of-urgency"), body.why.as_deref()))
                    (row(&t!("print-confidentiality"), body.conf.as_deref()))
                }
                @if !codes.is_empty() {
                    h2 { (t!("print-h2-qr")) }
                    p { (t!("print-scan-1", count = codes.len())) code { "fieldtrace packet assemble" } (t!("print-scan-2"))
                        code { "inbox import" } (t!("print-scan-3")) }
                    @for (i, (width, d)) in codes.iter().enumerate() {
                        div class="qr" {
                            // Crisp module edges: a screen (or a screenshot) that scales a
                            // module to a fraction of a pixel otherwise greys the edges, and
                            // QR readers lose the finder patterns at some scales.
                            svg viewBox=(format!("-4 -4 {} {}", width + 8, width + 8)) shape-rendering="crispEdges" role="img" aria-label=(t!("print-qr-part", part = (i + 1))) {
                                rect x="-4" y="-4" width=(width + 8) height=(width + 8) fill="#fff" {}
                                path d=(d) fill="#000" {}
                            }
                            br; (t!("print-part-of", part = (i + 1), count = codes.len()))
                        }
                    }
                }
                h2 { (t!("print-h2-signature")) }
                div class="sign" {
                    div { (t!("print-requesting-officer")) }
                    div { (t!("print-authorising-officer")) }
                }
            }
        }
    };
    Ok(markup.into_string())
}

/// A trace request an item is in, as its seizure record names it.
#[derive(Debug, Clone)]
pub struct ItemRequest {
    pub id: i64,
    pub packet_id: String,
    pub manifest_sha256: Option<String>,
}

pub fn item_requests(
    conn: &rusqlite::Connection,
    item: i64,
) -> Result<Vec<ItemRequest>, crate::register::RegisterError> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.packet_id, r.manifest_sha256 FROM trace_requests r
         JOIN trace_request_items t ON t.request_id = r.id WHERE t.item_id = ?1 ORDER BY r.id",
    )?;
    let rows = stmt
        .query_map([item], |r| {
            Ok(ItemRequest {
                id: r.get(0)?,
                packet_id: r.get(1)?,
                manifest_sha256: r.get(2)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// A photo on the page: its view, SHA-256 and, when it could be read, a `data:` URL.
#[derive(Debug, Clone)]
pub struct PrintedPhoto {
    pub view: String,
    pub sha256: String,
    pub data_url: Option<String>,
}

/// The largest photo file put on the page (the reduced copy is used when there is one).
const PHOTO_LIMIT: u64 = 8 * 1024 * 1024;

/// The photos of the marks (all photos when none is of the marks), at most six, each inlined
/// from its reduced copy or original under `home`.
pub fn item_photos(home: &std::path::Path, item: &Item) -> Vec<PrintedPhoto> {
    use base64::Engine as _;
    let marks: Vec<_> = item
        .photos
        .iter()
        .filter(|p| p.view.contains("mark"))
        .collect();
    let chosen = if marks.is_empty() {
        item.photos.iter().collect()
    } else {
        marks
    };
    chosen
        .into_iter()
        .take(6)
        .map(|p| {
            let reduced = home.join(crate::register::photos::reduced_path(&p.sha256));
            let (path, media) = if reduced.is_file() {
                (reduced, "image/jpeg")
            } else {
                (home.join(&p.path), p.media_type.as_str())
            };
            let data_url = crate::fs::read_capped(&path, PHOTO_LIMIT)
                .ok()
                .flatten()
                .filter(|_| matches!(media, "image/jpeg" | "image/png" | "image/gif"))
                .map(|bytes| {
                    format!(
                        "data:{media};base64,{}",
                        base64::engine::general_purpose::STANDARD.encode(bytes)
                    )
                });
            PrintedPhoto {
                view: p.view.clone(),
                sha256: p.sha256.clone(),
                data_url,
            }
        })
        .collect()
}

fn field(item: &Item, name: &str) -> Option<String> {
    match item.fields.get(name)? {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) if n.is_f64() => n.as_f64().map(|x| {
            let text = format!("{x:.6}");
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        }),
        other => Some(other.to_string()),
    }
}

/// The seizure record of one item: what it is, where and when it was recovered, its marks,
/// photos of the marks, its custody chain, the requests it is in, and signature boxes.
pub fn seizure_record(
    item: &Item,
    photos: &[PrintedPhoto],
    requests: &[ItemRequest],
    generated_at: &str,
) -> String {
    let f = |name: &str| field(item, name);
    let rows = [
        (t!("print-record-id-seizure-log"), "record_id"),
        (t!("print-event"), "event"),
        (t!("print-date"), "date"),
        (t!("print-place"), "location"),
        (t!("print-latitude"), "lat"),
        (t!("print-longitude"), "lon"),
        (t!("print-kind"), "kind"),
        (t!("print-type"), "type"),
        (t!("print-manufacturer"), "make"),
        (t!("print-model"), "model"),
        (t!("print-calibre"), "calibre"),
        (t!("print-serial-number"), "serial"),
        (t!("print-serial-status"), "serial_status"),
        (t!("print-serial-location"), "serial_location"),
        (t!("print-country-of-manufacture"), "country"),
        (t!("print-year-of-manufacture"), "year"),
        (t!("print-quantity"), "quantity"),
        (t!("print-condition"), "condition"),
        (t!("print-unit"), "unit"),
        (t!("print-officer"), "officer"),
        (t!("print-notes"), "notes"),
    ];
    let markup = html! {
        (DOCTYPE)
        html lang=(crate::i18n::current().code()) dir=(if crate::i18n::current().is_rtl() { "rtl" } else { "ltr" }) {
            head {
                meta charset="utf-8";
                title { (t!("print-title-item", id = item.id)) }
                style { (PreEscaped(STYLE)) (PreEscaped(ITEM_STYLE)) }
            }
            body {
                h1 { (t!("print-h1-item", id = item.id)) }
                table {
                    (row(&t!("print-item-uuid"), Some(&item.uuid)))
                    (row(&t!("print-registered"), Some(&t!("print-by", at = item.created_at.as_str(), by = item.created_by.as_str()))))
                    (row(&t!("print-printed"), Some(generated_at)))
                    @for (label, name) in rows {
                        @if let Some(value) = f(name) { (row(&label, Some(&printed(name, &value)))) }
                    }
                }
                h2 { (t!("print-h2-marks")) }
                @if item.marks.is_empty() { p { (t!("print-none-recorded")) } }
                @else {
                    table class="list" {
                        tr { th { (t!("print-th-mark")) } th { (t!("print-th-event")) } th { (t!("print-th-part")) } th { (t!("print-th-legibility")) } }
                        @for m in &item.marks {
                            tr { td { (m.text) } td { (shown("mark-event", &m.event)) } td { (m.part.as_deref().unwrap_or("")) } td { (shown("legibility", &m.legibility)) } }
                        }
                    }
                }
                h2 { (t!("print-h2-photos")) }
                @if photos.is_empty() { p { (t!("print-none")) } }
                div class="photos" {
                    @for p in photos {
                        figure {
                            @if let Some(url) = &p.data_url { img src=(url) alt=(p.view); }
                            @else { div class="missing" { (t!("print-photo-missing")) } }
                            figcaption { (p.view) br; code { (p.sha256) } }
                        }
                    }
                }
                h2 { (t!("print-h2-custody")) }
                @if item.custody.is_empty() { p { (t!("print-no-custody")) } }
                @else {
                    table class="list" {
                        tr { th { "#" } th { (t!("print-th-when")) } th { (t!("print-th-action")) } th { (t!("print-th-to-place")) } th { (t!("print-th-by")) } th { (t!("print-th-hash")) } }
                        @for (i, e) in item.custody.iter().enumerate() {
                            tr {
                                td { (i + 1) }
                                td { (e.occurred_at) }
                                td { (shown("custody", &e.action)) }
                                td { (e.to.as_deref().unwrap_or("")) @if let Some(p) = &e.place { " " (p) } }
                                td { (e.officer) ", " (e.unit) }
                                td { code { (e.hash) } }
                            }
                        }
                    }
                }
                h2 { (t!("print-h2-requests")) }
                @if requests.is_empty() { p { (t!("print-none")) } }
                @else {
                    table class="list" {
                        tr { th { (t!("print-th-request")) } th { (t!("print-th-packet")) } th { (t!("print-th-manifest")) } }
                        @for r in requests {
                            tr { td { (r.id) } td { code { (r.packet_id) } } td { code { (r.manifest_sha256.clone().unwrap_or_else(|| t!("print-not-signed"))) } } }
                        }
                    }
                }
                h2 { (t!("print-h2-signature")) }
                div class="sign" {
                    div { (t!("print-seizing-officer")) }
                    div { (t!("print-received-by")) }
                }
            }
        }
    };
    markup.into_string()
}

const ITEM_STYLE: &str = "
table.list th { width: auto; }
.photos { display: flex; flex-wrap: wrap; gap: 3mm; }
figure { margin: 0; width: 56mm; break-inside: avoid; font-size: 8pt; }
figure img { width: 56mm; height: auto; border: 0.2mm solid #555; }
.missing { width: 56mm; height: 30mm; border: 0.2mm dashed #555; }
";
