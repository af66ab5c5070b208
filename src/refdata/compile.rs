//! Turns a validated library into the SQLite database embedded in the binary.
//!
//! Shared with `build.rs`. Each entry is stored whole, as JSON, beside the keys that queries
//! need; FTS5 indexes the text an officer searches.

use std::collections::BTreeMap;

use rusqlite::{Connection, params};

use super::schema::Library;

pub const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    confidence TEXT,
    json TEXT NOT NULL
);
CREATE INDEX entries_kind ON entries(kind);
CREATE TABLE entry_sources (entry_id TEXT NOT NULL, source_id TEXT NOT NULL,
    PRIMARY KEY (entry_id, source_id));
CREATE VIRTUAL TABLE entries_fts USING fts5(
    kind UNINDEXED, id UNINDEXED, weapon_type UNINDEXED, calibres UNINDEXED,
    countries UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
";

struct Row<'a> {
    kind: &'a str,
    id: &'a str,
    name: String,
    confidence: Option<&'static str>,
    json: String,
    sources: &'a [String],
    weapon_type: String,
    calibres: Vec<String>,
    countries: Vec<String>,
    body: Vec<String>,
}

/// An entry as `ref show` gives it: the fields it has, without the empty ones.
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .map(|mut v| {
            drop_empty(&mut v);
            v.to_string()
        })
        .unwrap_or_default()
}

fn drop_empty(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            map.retain(|_, v| {
                !matches!(v, Value::Null) && !matches!(v, Value::Array(a) if a.is_empty())
            });
            map.values_mut().for_each(drop_empty);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_empty),
        _ => {}
    }
}

/// Writes `lib` into the empty database `conn`, in one transaction.
pub fn compile(
    lib: &Library,
    data_sha256: &str,
    tool_version: &str,
    conn: &mut Connection,
) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    tx.execute_batch(SCHEMA)?;
    {
        let mut meta = tx.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")?;
        meta.execute(params![
            "data_version",
            lib.version.as_deref().unwrap_or("unversioned")
        ])?;
        meta.execute(params!["sha256", data_sha256])?;
        meta.execute(params!["built_by", tool_version])?;
    }

    let country_names: BTreeMap<&str, String> = lib
        .countries
        .iter()
        .map(|c| (c.code.as_str(), format!("{} {}", c.name_en, c.name_fr)))
        .collect();
    let maker_names: BTreeMap<&str, &str> = lib
        .manufacturers
        .iter()
        .map(|m| (m.id.as_str(), m.name.as_str()))
        .collect();
    let names_of = |codes: &[String]| -> Vec<String> {
        codes
            .iter()
            .filter_map(|c| country_names.get(c.as_str()).cloned())
            .collect()
    };

    let mut rows: Vec<Row> = Vec::new();
    for s in &lib.sources {
        rows.push(Row {
            kind: "source",
            id: &s.id,
            name: s.title.clone(),
            confidence: None,
            json: json(s),
            sources: &[],
            weapon_type: String::new(),
            calibres: vec![],
            countries: vec![],
            body: vec![s.publisher.clone(), s.url.clone().unwrap_or_default()],
        });
    }
    for c in &lib.countries {
        rows.push(Row {
            kind: "country",
            id: &c.code,
            name: c.name_en.clone(),
            confidence: c.confidence.map(|c| c.as_str()),
            json: json(c),
            sources: &c.sources,
            weapon_type: String::new(),
            calibres: vec![],
            countries: vec![c.code.clone()],
            body: vec![c.code.clone(), c.name_fr.clone()],
        });
    }
    for c in &lib.calibres {
        let mut body = c.aliases.clone();
        body.push(c.id.clone());
        body.push(c.category.clone());
        body.extend(c.notes.clone());
        rows.push(Row {
            kind: "calibre",
            id: &c.id,
            name: c.name.clone(),
            confidence: c.confidence.map(|c| c.as_str()),
            json: json(c),
            sources: &c.sources,
            weapon_type: String::new(),
            calibres: vec![c.id.clone()],
            countries: vec![],
            body,
        });
    }
    for m in &lib.manufacturers {
        let mut body = m.aliases.clone();
        body.extend(m.factory_codes.iter().cloned());
        body.extend(names_of(std::slice::from_ref(&m.country)));
        body.extend(m.notes.clone());
        rows.push(Row {
            kind: "manufacturer",
            id: &m.id,
            name: m.name.clone(),
            confidence: m.confidence.map(|c| c.as_str()),
            json: json(m),
            sources: &m.sources,
            weapon_type: String::new(),
            calibres: vec![],
            countries: vec![m.country.clone()],
            body,
        });
    }
    for m in &lib.models {
        let mut body = m.aliases.clone();
        body.push(m.family.clone());
        body.push(m.weapon_type.replace('-', " "));
        body.extend(m.features.iter().cloned());
        body.extend(m.calibres.iter().cloned());
        body.extend(names_of(&m.countries));
        body.extend(m.producers.iter().filter_map(|p| {
            maker_names
                .get(p.manufacturer.as_str())
                .map(|n| n.to_string())
        }));
        body.extend(m.notes.clone());
        rows.push(Row {
            kind: "model",
            id: &m.id,
            name: m.name.clone(),
            confidence: m.confidence.map(|c| c.as_str()),
            json: json(m),
            sources: &m.sources,
            weapon_type: m.weapon_type.clone(),
            calibres: m.calibres.clone(),
            countries: m.countries.clone(),
            body,
        });
    }
    for m in &lib.markings {
        let mut body = vec![m.appearance.clone(), m.kind.clone()];
        body.extend(m.text.clone());
        body.extend(m.aliases.iter().cloned());
        body.extend(m.inner.clone());
        body.extend(m.symbol.clone());
        body.extend(m.caveats.clone());
        body.extend(
            m.country
                .as_ref()
                .and_then(|c| country_names.get(c.as_str()).cloned()),
        );
        rows.push(Row {
            kind: "marking",
            id: &m.id,
            name: m.meaning.clone(),
            confidence: m.confidence.map(|c| c.as_str()),
            json: json(m),
            sources: &m.sources,
            weapon_type: String::new(),
            calibres: vec![],
            countries: m.country.iter().cloned().collect(),
            body,
        });
    }
    for h in &lib.headstamps {
        let mut body = vec![h.code.clone()];
        body.extend(h.layout.clone());
        body.extend(h.caveats.clone());
        body.extend(h.calibres.iter().cloned());
        body.extend(names_of(std::slice::from_ref(&h.country)));
        rows.push(Row {
            kind: "headstamp",
            id: &h.id,
            name: format!("{} — {}", h.code, h.meaning),
            confidence: h.confidence.map(|c| c.as_str()),
            json: json(h),
            sources: &h.sources,
            weapon_type: String::new(),
            calibres: h.calibres.clone(),
            countries: vec![h.country.clone()],
            body,
        });
    }
    for t in &lib.traits {
        rows.push(Row {
            kind: "trait",
            id: &t.key,
            name: t.prompt.clone(),
            confidence: None,
            json: json(t),
            sources: &[],
            weapon_type: String::new(),
            calibres: vec![],
            countries: vec![],
            body: t.values.iter().map(|v| v.label.clone()).collect(),
        });
    }

    {
        let mut entry = tx.prepare(
            "INSERT INTO entries (id, kind, name, confidence, json)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut cites = tx
            .prepare("INSERT OR IGNORE INTO entry_sources (entry_id, source_id) VALUES (?1, ?2)")?;
        let mut fts = tx.prepare(
            "INSERT INTO entries_fts (kind, id, weapon_type, calibres, countries, title, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for row in &rows {
            entry.execute(params![
                row.id,
                row.kind,
                row.name,
                row.confidence,
                row.json,
            ])?;
            for source in row.sources {
                cites.execute(params![row.id, source])?;
            }
            fts.execute(params![
                row.kind,
                row.id,
                row.weapon_type,
                row.calibres.join(" "),
                row.countries.join(" "),
                row.name,
                row.body.join(" · "),
            ])?;
        }
    }
    tx.execute_batch("INSERT INTO entries_fts(entries_fts) VALUES ('optimize');")?;
    tx.commit()
}
