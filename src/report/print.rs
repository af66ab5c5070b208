//! Printable pages (A4, print CSS, no network): a trace request as ITI paragraph 17 lays it
//! out, with the QR codes of its signed manifest so the paper can be checked against the file.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::qr;
use crate::register::traces::TraceRequest;
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

fn row(label: &str, value: Option<&str>) -> Markup {
    html! { tr { th { (label) } td { (value.unwrap_or("—")) } } }
}

fn item(i: usize, e: &ItemEntry) -> Markup {
    let serial =
        e.sn.as_deref()
            .map(|sn| match e.sn_at.as_deref() {
                Some(at) => format!("{sn} ({}, on the {at})", e.serial_status()),
                None => format!("{sn} ({})", e.serial_status()),
            })
            .unwrap_or_else(|| e.serial_status().to_owned());
    let marks: Vec<String> = e
        .marks
        .iter()
        .map(|m| match (&m.ev, &m.at) {
            (Some(ev), Some(at)) => format!("{} ({ev}, {at})", m.text),
            (Some(ev), None) => format!("{} ({ev})", m.text),
            _ => m.text.clone(),
        })
        .collect();
    let year = e.year.map(|y| y.to_string());
    let qty = e.qty.map(|q| q.to_string());
    html! {
        table class="item" {
            tr { th colspan="2" { b { "Item " (i + 1) } } }
            (row("Kind", Some(e.kind.as_deref().unwrap_or("weapon"))))
            (row("Type", e.weapon_type.as_deref()))
            (row("Manufacturer", e.make.as_deref()))
            (row("Model", e.model.as_deref()))
            (row("Calibre", e.cal.as_deref()))
            (row("Serial number", Some(&serial)))
            (row("Country of manufacture", e.ctry.as_deref()))
            (row("Year of manufacture", year.as_deref()))
            @if e.qty.is_some() { (row("Quantity", qty.as_deref())) }
            @if e.hs.is_some() { (row("Headstamp", e.hs.as_deref())) }
            @if e.lot.is_some() { (row("Lot", e.lot.as_deref())) }
            (row("Markings", (!marks.is_empty()).then(|| marks.join("; ")).as_deref()))
            (row("Recovered", Some(&format!("{}, {}{}", e.ev, e.date,
                e.place.as_deref().map(|p| format!(", {p}")).unwrap_or_default()))))
            @if e.susp.is_some() { (row("Suspected", e.susp.as_deref())) }
            @if !e.photos.is_empty() {
                (row("Photos (SHA-256)", Some(&e.photos.iter()
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
        html lang="en" {
            head {
                meta charset="utf-8";
                title { "Trace request " (request.id) " " (request.packet_id) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { "Tracing request (International Tracing Instrument, para. 17)" }
                @if request.manifest_sha256.is_none() {
                    p class="draft" { "DRAFT: not signed, not sent. The paper of a signed request carries its manifest SHA-256 and QR codes." }
                }
                table {
                    (row("Request", Some(&format!("{} (sequence {})", request.id, request.seq))))
                    (row("Packet id", Some(&request.packet_id)))
                    (row("Manifest SHA-256", request.manifest_sha256.as_deref()))
                    (row("Addressed to", Some(&request.recipient)))
                    (row("Drafted", Some(&format!("{} by {}", request.created_at, request.created_by))))
                    (row("Signed", request.exported_at.as_deref()))
                    (row("Printed", Some(generated_at)))
                }
                h2 { "(a) Requesting authority, illicit nature and legal basis" }
                table {
                    (row("Requesting authority", Some(body.auth.as_deref().unwrap_or(authority))))
                    (row("Point of contact", body.poc.as_deref()))
                    (row("Illicit nature of the weapons", body.illicit.as_deref()))
                    (row("Legal basis of the request", body.legal.as_deref()))
                }
                h2 { "(b) Identification of the weapons" }
                @for (i, e) in body.items.iter().enumerate() { (item(i, e)) }
                h2 { "(c) Intended use of the information, urgency, confidentiality" }
                table {
                    (row("Intended use", body.intended_use.as_deref()))
                    (row("Priority", Some(&body.prio)))
                    (row("Justification of urgency", body.why.as_deref()))
                    (row("Confidentiality", body.conf.as_deref()))
                }
                @if !codes.is_empty() {
                    h2 { "The signed manifest as QR codes" }
                    p { "Scan all " (codes.len()) " code(s) in any order with " code { "fieldtrace packet assemble" } " (or "
                        code { "inbox import" } " of the scanned text) to check this paper against the signed file." }
                    @for (i, (width, d)) in codes.iter().enumerate() {
                        div class="qr" {
                            svg viewBox=(format!("-4 -4 {} {}", width + 8, width + 8)) role="img" aria-label=(format!("QR part {}", i + 1)) {
                                rect x="-4" y="-4" width=(width + 8) height=(width + 8) fill="#fff" {}
                                path d=(d) fill="#000" {}
                            }
                            br; "part " (i + 1) " of " (codes.len())
                        }
                    }
                }
                h2 { "Signature" }
                div class="sign" {
                    div { "Requesting officer (name, rank, signature, date)" }
                    div { "Authorising officer (name, rank, signature, stamp)" }
                }
            }
        }
    };
    Ok(markup.into_string())
}
