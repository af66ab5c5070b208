//! Column maps: how another layout's columns become the import template's fields.
//!
//! ```toml
//! name = "ODK Central / KoboToolbox CSV export"
//! [columns]
//! record_id = ["_uuid", "instanceID"]      # the first one present in the file wins
//! lat = ["Latitude", "_location_latitude"]
//! photos = ["photo_marks", "photo_serial"]  # several columns: their values are joined
//! ```
//! A map's column names match a column whole or as its last groups (`serial-no` matches
//! `weapon-serial-no` and `weapon/serial-no`, never `weapon-no`), without case: exports nest
//! fields in the form's groups, Kobo joining them with `/`, ODK Central with `-`. Two entries
//! are not template fields: `geopoint` (one column, `lat lon altitude precision`, filling lat
//! and lon when no column gives them) and `submission` (the submission's id, under which Kobo
//! stores its attachments: `<user>/attachments/<form>/<submission>/<file>`).
//! Built-in maps: `kobo` and `odk` (`import --map kobo`), the files in examples/maps/.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::ImportError;

/// The template's columns, in order.
pub const TEMPLATE: &[&str] = &[
    "record_id",
    "date",
    "event",
    "location",
    "lat",
    "lon",
    "kind",
    "type",
    "make",
    "model",
    "calibre",
    "serial",
    "markings",
    "country",
    "year",
    "quantity",
    "headstamp",
    "lot",
    "condition",
    "photos",
    "unit",
    "officer",
    "notes",
];

/// Columns a log must have.
pub const REQUIRED: &[&str] = &["record_id", "date", "event"];

/// Fields that may come from several columns, joined with ` | `.
const MULTI: &[&str] = &["markings", "photos", "notes"];

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnMap {
    pub name: Option<String>,
    #[serde(default)]
    pub columns: BTreeMap<String, OneOrMany>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn names(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(one) => vec![one.as_str()],
            OneOrMany::Many(many) => many.iter().map(String::as_str).collect(),
        }
    }
}

/// Map entries that feed no template field directly.
pub const EXTRA: &[&str] = &["geopoint", "submission"];

/// The built-in maps, by name: what `--map kobo` and `--map odk` mean.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("kobo", include_str!("../../examples/maps/kobo.toml")),
    ("odk", include_str!("../../examples/maps/odk.toml")),
];

/// `Weapon Serial` → `weapon_serial`: case and spaces do not count.
fn normal(column: &str) -> String {
    column.trim().to_lowercase().replace(' ', "_")
}

/// `weapon/serial`, `weapon-serial`, `Weapon Serial` → `serial`: the last group's name.
pub fn bare(column: &str) -> String {
    let last = column.rsplit(['/', '-', ':']).next().unwrap_or(column);
    normal(last)
}

/// Whether `column` is `source`, whole or as its last groups: `weapon-serial-no` is
/// `serial-no`, `weapon/serial-no` too, `weapon-no` is not.
pub fn names_match(column: &str, source: &str) -> bool {
    let (column, source) = (normal(column), normal(source));
    column == source
        || column
            .strip_suffix(source.as_str())
            .is_some_and(|head| head.ends_with(['/', '-', ':']))
}

/// Which source columns feed each template field.
#[derive(Debug, Clone)]
pub struct Plan {
    /// field -> source column indexes (several only for MULTI fields); also the EXTRA entries
    pub fields: BTreeMap<&'static str, Vec<usize>>,
    /// Source columns no field uses.
    pub ignored: Vec<String>,
}

impl Plan {
    /// The template itself: the header must name template columns, each once.
    pub fn template(header: &[String]) -> Result<Plan, ImportError> {
        let mut fields: BTreeMap<&'static str, Vec<usize>> = BTreeMap::new();
        let mut unknown = Vec::new();
        let mut ignored = Vec::new();
        for (index, column) in header.iter().enumerate() {
            let name = column.trim().to_lowercase();
            // The rejects file adds its reason columns: a fixed rejects file imports as it is.
            if (name == "reason" && index + 1 == header.len())
                || (name == "reason_code" && index + 2 == header.len())
            {
                ignored.push(column.clone());
                continue;
            }
            match TEMPLATE.iter().find(|t| **t == name) {
                Some(field) => {
                    if fields.insert(field, vec![index]).is_some() {
                        return Err(ImportError::Header(crate::t!(
                            "import-column-twice",
                            column = name.as_str()
                        )));
                    }
                }
                None => unknown.push(column.clone()),
            }
        }
        if !unknown.is_empty() {
            return Err(ImportError::Header(crate::t!(
                "import-unknown-columns",
                count = unknown.len(),
                columns = summarise(&unknown),
                template = TEMPLATE.join(",")
            )));
        }
        let plan = Plan { fields, ignored };
        plan.check_required()?;
        Ok(plan)
    }

    /// A column map applied to a header.
    pub fn mapped(map: &ColumnMap, header: &[String]) -> Result<Plan, ImportError> {
        let plan = Plan::mapped_loose(map, header)?;
        plan.check_required()?;
        Ok(plan)
    }

    /// `mapped`, without the required columns: a repeat group's parent file, whose fields
    /// its rows take.
    pub fn mapped_loose(map: &ColumnMap, header: &[String]) -> Result<Plan, ImportError> {
        let bare_header: Vec<String> = header.iter().map(|c| bare(c)).collect();
        let mut fields: BTreeMap<&'static str, Vec<usize>> = BTreeMap::new();
        for (field, sources) in &map.columns {
            let Some(field) = TEMPLATE.iter().chain(EXTRA).find(|t| **t == field.as_str()) else {
                return Err(ImportError::Map(crate::t!(
                    "import-map-not-a-field",
                    field = field.as_str(),
                    template = TEMPLATE.join(", "),
                    extra = EXTRA.join(", ")
                )));
            };
            let mut found = Vec::new();
            for source in sources.names() {
                found.extend(
                    header
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| names_match(c, source))
                        .map(|(i, _)| i),
                );
            }
            found.dedup();
            if !MULTI.contains(field) {
                found.truncate(1);
            }
            if !found.is_empty() {
                fields.insert(field, found);
            }
        }
        // Template columns the map does not mention still count, by their bare names.
        for (index, name) in bare_header.iter().enumerate() {
            if let Some(field) = TEMPLATE.iter().find(|t| **t == name.as_str()) {
                let taken = fields.values().any(|v| v.contains(&index));
                if !taken && !fields.contains_key(field) {
                    fields.insert(field, vec![index]);
                }
            }
        }
        let used: Vec<usize> = fields.values().flatten().copied().collect();
        let ignored = header
            .iter()
            .enumerate()
            .filter(|(i, _)| !used.contains(i))
            .map(|(_, c)| c.clone())
            .collect();
        Ok(Plan { fields, ignored })
    }

    fn check_required(&self) -> Result<(), ImportError> {
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|r| !self.fields.contains_key(r))
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(ImportError::Header(crate::t!(
                "import-missing-columns",
                count = missing.len(),
                columns = missing.join(", ")
            )))
        }
    }

    /// The value of a field in a record: several columns joined with ` | `, blanks dropped.
    pub fn value(&self, field: &str, record: &csv::StringRecord) -> Option<String> {
        let columns = self.fields.get(field)?;
        let values: Vec<&str> = columns
            .iter()
            .filter_map(|i| record.get(*i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect();
        (!values.is_empty()).then(|| values.join(" | "))
    }
}

/// Names listed in a message: the first ten, each cut to 60 characters, then how many more (a
/// header of a thousand columns makes a message of a line, not of megabytes).
pub fn summarise(names: &[String]) -> String {
    const SHOWN: usize = 10;
    const CHARS: usize = 60;
    let mut listed: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| {
            if n.chars().count() > CHARS {
                format!("'{}…'", n.chars().take(CHARS).collect::<String>())
            } else {
                format!("'{n}'")
            }
        })
        .collect();
    if names.len() > SHOWN {
        let more = names.len() - SHOWN;
        listed.push(crate::t!("import-and-more", count = more));
    }
    listed.join(", ")
}

pub fn parse(text: &str) -> Result<ColumnMap, ImportError> {
    toml::from_str(text).map_err(|e| ImportError::Map(e.to_string().trim().replace('\n', " ")))
}
