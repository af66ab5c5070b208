//! `export geojson`: one feature per item, RFC 7946 (WGS 84, longitude first), for QGIS and
//! other GIS tools. An item without coordinates is a feature without geometry, as RFC 7946
//! allows, so every item is there.

use std::io::Write;

use rusqlite::Connection;
use serde_json::{Map, Value, json};

use super::geo::coarsen;
use crate::register::RegisterError;

/// The properties each feature carries, in this order.
const COLUMNS: &str =
    "i.id, i.uuid, i.record_id, i.kind, i.weapon_type, i.make, i.model, i.calibre,
     i.serial, i.country, i.event, substr(i.event_date, 1, 10), i.location, i.lat, i.lon,
     (SELECT o.outcome FROM item_trace_outcomes o WHERE o.item_id = i.id
      ORDER BY o.at DESC LIMIT 1),
     EXISTS (SELECT 1 FROM trace_request_items t WHERE t.item_id = i.id)";

const NAMES: [&str; 13] = [
    "item",
    "uuid",
    "record_id",
    "kind",
    "type",
    "make",
    "model",
    "calibre",
    "serial",
    "country",
    "event",
    "date",
    "place",
];

/// Writes the FeatureCollection; returns how many features. With `coarsen_km` above zero,
/// each point is moved to the centre of its grid cell first.
pub fn write(
    conn: &Connection,
    coarsen_km: f64,
    out: &mut dyn Write,
) -> Result<usize, RegisterError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM items i ORDER BY i.id"))?;
    let mut rows = stmt.query([])?;
    let mut features = Vec::new();
    while let Some(r) = rows.next()? {
        let mut properties = Map::new();
        properties.insert("item".into(), json!(r.get::<_, i64>(0)?));
        for (i, name) in NAMES.iter().enumerate().skip(1) {
            properties.insert((*name).into(), json!(r.get::<_, Option<String>>(i)?));
        }
        let (lat, lon): (Option<f64>, Option<f64>) = (r.get(13)?, r.get(14)?);
        let outcome: Option<String> = r.get(15)?;
        let requested: bool = r.get(16)?;
        let state = match (outcome, requested) {
            (Some(outcome), _) => outcome,
            (None, true) => "requested".into(),
            (None, false) => "not-requested".into(),
        };
        properties.insert("trace_state".into(), Value::String(state));
        let geometry = match (lat, lon) {
            (Some(lat), Some(lon)) => {
                let (lat, lon) = coarsen(lat, lon, coarsen_km);
                json!({ "type": "Point", "coordinates": [lon, lat] })
            }
            _ => Value::Null,
        };
        features.push(json!({
            "type": "Feature",
            "id": properties["item"].clone(),
            "geometry": geometry,
            "properties": properties,
        }));
    }
    let n = features.len();
    let collection = json!({ "type": "FeatureCollection", "features": features });
    serde_json::to_writer_pretty(&mut *out, &collection).map_err(std::io::Error::other)?;
    out.write_all(b"\n")?;
    Ok(n)
}
