//! `report html`: one self-contained page (no network at view time: styles inline, charts and
//! map as inline SVG, no scripts, no fonts) drawn from the same values `report sdg --json` and
//! `report summary --json` print.

use crate::i18n::label;
use crate::t;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::geo::{self, Bounds, Spot};
use super::{Sdg, Summary, chart, share};

/// What the page shows.
#[derive(Debug)]
pub struct Page<'a> {
    pub station: &'a str,
    pub generated_at: &'a str,
    pub sdg: &'a Sdg,
    pub summary: &'a Summary,
    pub spots: &'a [Spot],
    pub coarsen_km: f64,
}

const STYLE: &str = "
body { font-family: sans-serif; margin: 2em auto; max-width: 62em; color: #222; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; border-bottom: 1px solid #bbb; margin-top: 1.8em; }
.meta { color: #555; font-size: 0.9em; }
.kpi { font-size: 2.2em; font-weight: bold; }
.grid { display: flex; flex-wrap: wrap; gap: 1.5em; }
.grid > section { flex: 1 1 24em; min-width: 0; }
svg.chart, svg.map { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 0.92em; }
td, th { padding: 0.2em 0.7em; border-bottom: 1px solid #ddd; text-align: left; }
td.n, th.n { text-align: right; }
svg.chart text { font-size: 12px; fill: #222; }
svg.chart rect { fill: #3a6ea5; }
svg.chart text.value { fill: #555; }
svg.chart .axis { stroke: #888; }
svg.map { background: #dfeef7; border: 1px solid #aaa; }
svg.map path.land { fill: #f2efe6; stroke: #8a8575; }
svg.map circle.spot { fill: #c0392b; fill-opacity: 0.75; stroke: #fff; }
svg.map path.region { fill: none; stroke: #c0392b; }
svg.map path.graticule { fill: none; stroke: #9aa7b0; stroke-dasharray: 0.2 0.2; }
svg.map text.graticule { fill: #56626b; }
.note { font-size: 0.85em; color: #555; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
";

pub fn render(page: &Page) -> String {
    let Page {
        sdg, summary: s, ..
    } = page;
    let tables = |rows: &std::collections::BTreeMap<String, u64>| {
        let mut v: Vec<(String, u64)> = rows.iter().map(|(k, n)| (k.clone(), *n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    };
    let months: Vec<(String, u64)> = s.by_month.iter().map(|(k, n)| (k.clone(), *n)).collect();
    let f = &s.requests;
    let funnel = vec![
        (label("funnel", "drafted"), f.drafted),
        (label("funnel", "sent"), f.sent),
        (label("funnel", "acknowledged"), f.acknowledged),
        (label("funnel", "answered"), f.answered),
    ];
    let outcomes: Vec<(String, u64)> = f.by_outcome.iter().map(|(k, n)| (k.clone(), *n)).collect();
    let lang = crate::i18n::current();
    let markup: Markup = html! {
        (DOCTYPE)
        html lang=(lang.code()) dir=(if lang.is_rtl() { "rtl" } else { "ltr" }) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (t!("report-title", from = sdg.from.to_string(), to = sdg.to.to_string())) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { (t!("report-h1", from = sdg.from.to_string(), to = sdg.to.to_string())) }
                p class="meta" {
                    (t!("report-meta", station = page.station.to_string(), at = page.generated_at.to_string()))
                }
                h2 { (t!("report-sdg")) }
                section id="sdg" {
                    p {
                        span class="kpi" data-value=(sdg.proportion.map(|p| format!("{p}")).unwrap_or_default()) {
                            (share(sdg.traced, sdg.recovered))
                        }
                        (t!("report-sdg-lead"))
                        data id="sdg-traced" value=(sdg.traced) { (sdg.traced) } (t!("report-sdg-traced"))
                        data id="sdg-recovered" value=(sdg.recovered) { (sdg.recovered) } (t!("report-sdg-recovered"))
                    }
                    table {
                        tr { th { (t!("report-th-event")) } th class="n" { (t!("report-th-recovered")) } th class="n" { (t!("report-th-traced")) } th class="n" { (t!("report-th-share")) } }
                        @for (event, c) in &sdg.by_event {
                            tr { td { (crate::i18n::shown("event", &event.to_string())) } td class="n" { (c.recovered) } td class="n" { (c.traced) } td class="n" { (share(c.traced, c.recovered)) } }
                        }
                    }
                    p class="note" {
                        (t!(
                            "report-beside",
                            ammo = sdg.ammunition.recovered,
                            ammo_traced = sdg.ammunition.traced,
                            parts = sdg.components.recovered,
                            parts_traced = sdg.components.traced
                        ))
                    }
                }
                h2 { (t!("report-over-time")) }
                p class="meta" { (t!("report-in-period", items = s.items)) }
                (chart::months("chart-month", &t!("report-chart-month"), &months))
                div class="grid" {
                    section { h2 { (t!("report-by-type")) } (chart::bars("chart-type", &t!("report-chart-type"), &tables(&s.by_type))) }
                    section { h2 { (t!("report-by-country")) } (chart::bars("chart-country", &t!("report-chart-country"), &tables(&s.by_country))) }
                    section { h2 { (t!("report-by-event")) } (chart::bars("chart-event", &t!("report-chart-event"), &tables(&s.by_event))) }
                    section { h2 { (t!("report-by-place")) } (chart::bars("chart-place", &t!("report-chart-place"), &tables(&s.by_place))) }
                }
                h2 { (t!("report-map")) }
                (map(page))
                h2 { (t!("report-requests")) }
                p class="meta" { (t!("report-requests-meta")) }
                div class="grid" {
                    section { (chart::bars("chart-funnel", &t!("report-chart-funnel"), &funnel)) }
                    section { (chart::bars("chart-outcome", &t!("report-chart-outcome"), &outcomes)) }
                }
                h2 { (t!("report-overdue")) }
                @if f.overdue.is_empty() {
                    p id="overdue" { (t!("report-none")) }
                } @else {
                    table id="overdue" {
                        tr { th { (t!("report-th-request")) } th { (t!("report-th-recipient")) } th { (t!("report-th-waiting")) } th class="n" { (t!("report-th-days")) } }
                        @for o in &f.overdue {
                            tr class="overdue" data-key=(o.id) {
                                td { (o.id) " " code { (o.packet_id) } }
                                td { (o.recipient) }
                                td { (label("overdue", o.overdue)) }
                                td class="n" { (o.days_waiting) }
                            }
                        }
                    }
                }
                p class="note" {
                    (t!("report-note"))
                }
            }
        }
    };
    markup.into_string()
}

/// The world, and the region around the places, with one dot per (coarsened) place.
fn map(page: &Page) -> Markup {
    let located: u64 = page.spots.iter().map(|s| s.items).sum();
    let region = Bounds::around(page.spots, 8.0);
    html! {
        p class="meta" {
            (t!("report-located", items = located, places = page.spots.len()))
            @if page.coarsen_km > 0.0 {
                (t!("report-coarsened", km = page.coarsen_km))
            } @else {
                (t!("report-exact"))
            }
            "."
        }
        div class="grid" {
            section { (map_svg("map-world", &t!("report-world"), Bounds::WORLD, 560.0, page.spots, region)) }
            @if let Some(region) = region {
                section { (map_svg("map-region", &t!("report-region"), region, 420.0, page.spots, None)) }
            }
        }
    }
}

/// Lines of latitude and longitude across a region, labelled, so a reader can place it.
fn graticule(b: Bounds, unit: f64) -> Markup {
    let step = match b.width().max(b.height()) {
        w if w > 60.0 => 20.0,
        w if w > 25.0 => 10.0,
        w if w > 10.0 => 5.0,
        _ => 2.0,
    };
    let lons: Vec<f64> = (((b.west / step).ceil() as i64)..=((b.east / step).floor() as i64))
        .map(|i| i as f64 * step)
        .collect();
    let lats: Vec<f64> = (((b.south / step).ceil() as i64)..=((b.north / step).floor() as i64))
        .map(|i| i as f64 * step)
        .collect();
    let mut d = String::new();
    for lon in &lons {
        d.push_str(&format!("M{lon} {}V{}", -b.north, -b.south));
    }
    for lat in &lats {
        d.push_str(&format!("M{} {}H{}", b.west, -lat, b.east));
    }
    let font = format!("{:.3}", unit * 11.0);
    let degrees = |v: f64, pos: char, neg: char| match v {
        0.0 => "0°".to_owned(),
        v if v < 0.0 => format!("{}°{neg}", v.abs()),
        v => format!("{v}°{pos}"),
    };
    html! {
        path class="graticule" stroke-width=(format!("{:.3}", unit)) d=(d) {}
        @for lon in &lons {
            text class="graticule" font-size=(font) x=(lon + unit * 3.0) y=(-b.south - unit * 4.0) { (degrees(*lon, 'E', 'W')) }
        }
        @for lat in &lats {
            text class="graticule" font-size=(font) x=(b.west + unit * 3.0) y=(-lat - unit * 3.0) { (degrees(*lat, 'N', 'S')) }
        }
    }
}

fn map_svg(
    id: &str,
    title: &str,
    b: Bounds,
    width: f64,
    spots: &[Spot],
    frame: Option<Bounds>,
) -> Markup {
    let height = width * b.height() / b.width();
    let unit = b.width() / width;
    let max = spots.iter().map(|s| s.items).max().unwrap_or(1).max(1) as f64;
    html! {
        svg id=(id) class="map" role="img" aria-label=(title)
            width=(format!("{width:.0}")) height=(format!("{height:.0}"))
            viewBox=(format!("{} {} {} {}", b.west, -b.north, b.width(), b.height()))
            preserveAspectRatio="xMidYMid meet" {
            title { (title) }
            path class="land" stroke-width=(format!("{:.3}", unit)) d=(geo::land_path(b)) {}
            @if frame.is_none() {
                (graticule(b, unit))
            }
            @if let Some(f) = frame {
                path class="region" stroke-width=(format!("{:.3}", unit * 1.5))
                    d=(format!("M{} {}H{}V{}H{}Z", f.west, -f.north, f.east, -f.south, f.west)) {}
            }
            @for s in spots {
                circle class="spot" cx=(s.lon) cy=(-s.lat)
                    r=(format!("{:.3}", unit * (3.0 + 5.0 * (s.items as f64 / max).sqrt())))
                    stroke-width=(format!("{:.3}", unit)) data-lat=(s.lat) data-lon=(s.lon) data-value=(s.items) {
                    title { (t!("report-items", items = s.items)) }
                }
            }
        }
    }
}
