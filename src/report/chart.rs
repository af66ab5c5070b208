//! Charts as inline SVG, drawn with `maud` so every label is escaped. Each bar carries its
//! figure as `data-key` and `data-value`, which is what the tests compare with the JSON.

use maud::{Markup, html};

/// Horizontal bars, one per row, in the order given.
pub fn bars(id: &str, title: &str, rows: &[(String, u64)]) -> Markup {
    const ROW: f64 = 22.0;
    const LABEL: f64 = 190.0;
    const WIDTH: f64 = 560.0;
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
    let height = ROW * rows.len().max(1) as f64 + 8.0;
    let span = WIDTH - LABEL - 50.0;
    html! {
        svg id=(id) class="chart bars" role="img" aria-label=(title)
            viewBox={ "0 0 " (WIDTH) " " (height) } width=(WIDTH) height=(height) {
            title { (title) }
            @if rows.is_empty() {
                text x="4" y="16" class="none" { "none" }
            }
            @for (i, (key, n)) in rows.iter().enumerate() {
                @let y = 4.0 + ROW * i as f64;
                @let w = (*n as f64 / max * span).max(1.0);
                g class="bar" data-key=(key) data-value=(n) {
                    text x=(LABEL - 6.0) y=(y + 15.0) text-anchor="end" { (clip(key, 28)) }
                    rect x=(LABEL) y=(y + 2.0) width=(format!("{w:.1}")) height=(ROW - 6.0) {}
                    text x=(LABEL + w + 4.0) y=(y + 15.0) class="value" { (n) }
                }
            }
        }
    }
}

/// Columns over time: one per month from the first to the last, months without items drawn
/// as zero.
pub fn months(id: &str, title: &str, rows: &[(String, u64)]) -> Markup {
    let filled = fill_months(rows);
    const HEIGHT: f64 = 180.0;
    const BASE: f64 = 150.0;
    let col = 36.0;
    let width = (col * filled.len().max(1) as f64 + 20.0).max(200.0);
    let max = filled.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
    html! {
        svg id=(id) class="chart months" role="img" aria-label=(title)
            viewBox={ "0 0 " (width) " " (HEIGHT) } width=(width) height=(HEIGHT) {
            title { (title) }
            line x1="10" y1=(BASE) x2=(width - 10.0) y2=(BASE) class="axis" {}
            @if filled.is_empty() {
                text x="14" y="80" class="none" { "none" }
            }
            @for (i, (month, n)) in filled.iter().enumerate() {
                @let x = 14.0 + col * i as f64;
                @let h = *n as f64 / max * (BASE - 30.0);
                g class="bar" data-key=(month) data-value=(n) {
                    rect x=(x) y=(format!("{:.1}", BASE - h)) width=(col - 8.0) height=(format!("{h:.1}")) {}
                    text x=(x + (col - 8.0) / 2.0) y=(BASE - h - 4.0) text-anchor="middle" class="value" { (n) }
                    text x=(x + (col - 8.0) / 2.0) y=(BASE + 14.0) text-anchor="middle" { (short_month(month)) }
                }
            }
        }
    }
}

/// `YYYY-MM` keys with the months between them filled in as zero; keys that are not months
/// (an unknown date) come after, as they are.
fn fill_months(rows: &[(String, u64)]) -> Vec<(String, u64)> {
    let parse = |k: &str| -> Option<(i32, u32)> {
        let (y, m) = k.split_once('-')?;
        let (y, m) = (y.parse().ok()?, m.parse().ok()?);
        (k.len() == 7 && (1..=12).contains(&m)).then_some((y, m))
    };
    let mut dated: Vec<((i32, u32), u64)> = rows
        .iter()
        .filter_map(|(k, n)| parse(k).map(|ym| (ym, *n)))
        .collect();
    dated.sort();
    let mut out = Vec::new();
    if let (Some(first), Some(last)) = (dated.first(), dated.last()) {
        let (mut y, mut m) = first.0;
        while (y, m) <= last.0 && out.len() < 1200 {
            let n = dated
                .iter()
                .filter(|(ym, _)| *ym == (y, m))
                .map(|(_, n)| n)
                .sum();
            out.push((format!("{y:04}-{m:02}"), n));
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
    }
    out.extend(rows.iter().filter(|(k, _)| parse(k).is_none()).cloned());
    out
}

/// `26-03` under a column; anything else as it is.
fn short_month(key: &str) -> &str {
    key.get(2..).filter(|_| key.len() == 7).unwrap_or(key)
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        text.chars().take(max - 1).chain(['…']).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_without_items_are_drawn_as_zero() {
        let rows = vec![("2026-03".to_owned(), 4), ("2025-12".to_owned(), 1)];
        let filled = fill_months(&rows);
        let keys: Vec<&str> = filled.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["2025-12", "2026-01", "2026-02", "2026-03"]);
        assert_eq!(filled[3].1, 4);
    }

    #[test]
    fn labels_are_escaped() {
        let svg = bars("t", "t", &[("<script>".to_owned(), 1)]).into_string();
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
    }
}
