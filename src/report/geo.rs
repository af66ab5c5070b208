//! Places on a map: coarsening exact places to a grid (an exact place can endanger the people
//! who gave up or found a weapon), and the Natural Earth land outline the report draws under
//! them (public domain; see `naturalearth/README.md`).

use rusqlite::Connection;
use serde::Deserialize;

use super::{IN_PERIOD, Period, period_params};
use crate::register::RegisterError;

/// Kilometres in one degree of latitude.
const KM_PER_DEGREE: f64 = 111.32;

/// The centre of the grid cell `km` wide that holds the place: every place in one cell comes
/// out the same. Cells are `km` of latitude high and about `km` wide at their latitude.
/// `km` of zero (or less) keeps the place as it is.
pub fn coarsen(lat: f64, lon: f64, km: f64) -> (f64, f64) {
    if km.is_nan() || km <= 0.0 {
        return (lat, lon);
    }
    let d_lat = (km / KM_PER_DEGREE).min(180.0);
    let row = ((lat + 90.0) / d_lat).floor();
    let lat = (-90.0 + (row + 0.5) * d_lat).clamp(-90.0, 90.0);
    let width = (KM_PER_DEGREE * lat.to_radians().cos()).max(1e-6);
    let d_lon = (km / width).min(360.0);
    let col = ((lon + 180.0) / d_lon).floor();
    let lon = (-180.0 + (col + 0.5) * d_lon).clamp(-180.0, 180.0);
    (round6(lat), round6(lon))
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Items recovered at places with coordinates, in the period, counted per (coarsened) place.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    pub lat: f64,
    pub lon: f64,
    pub items: u64,
}

pub fn spots(
    conn: &Connection,
    period: Option<&Period>,
    coarsen_km: f64,
) -> Result<Vec<Spot>, RegisterError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT lat, lon FROM items WHERE lat IS NOT NULL AND lon IS NOT NULL AND {IN_PERIOD}
         ORDER BY id"
    ))?;
    let places = stmt
        .query_map(period_params(period), |r| {
            Ok((r.get::<_, f64>(0)?, r.get::<_, f64>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut spots: Vec<Spot> = Vec::new();
    for (lat, lon) in places {
        let (lat, lon) = coarsen(lat, lon, coarsen_km);
        match spots.iter_mut().find(|s| s.lat == lat && s.lon == lon) {
            Some(spot) => spot.items += 1,
            None => spots.push(Spot { lat, lon, items: 1 }),
        }
    }
    Ok(spots)
}

/// The land outline: rings of (longitude, latitude).
pub type Ring = Vec<[f64; 2]>;

#[derive(Deserialize)]
struct Land {
    features: Vec<LandFeature>,
}

#[derive(Deserialize)]
struct LandFeature {
    geometry: LandGeometry,
}

#[derive(Deserialize)]
struct LandGeometry {
    coordinates: Vec<Vec<Ring>>,
}

/// Natural Earth's 1:110m land, rounded to 0.1 degree (built into the binary).
const LAND: &str = include_str!("naturalearth/land.geojson");

/// Every ring of the land outline.
pub fn land() -> Vec<Ring> {
    serde_json::from_str::<Land>(LAND)
        .map(|land| {
            land.features
                .into_iter()
                .flat_map(|f| f.geometry.coordinates.into_iter().flatten())
                .collect()
        })
        .unwrap_or_default()
}

/// A box of longitudes and latitudes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bounds {
    pub const WORLD: Bounds = Bounds {
        west: -180.0,
        south: -60.0,
        east: 180.0,
        north: 85.0,
    };

    /// The region around the spots: their box with a margin, at least `min_span` degrees
    /// across, within the world.
    pub fn around(spots: &[Spot], min_span: f64) -> Option<Bounds> {
        let first = spots.first()?;
        let mut b = Bounds {
            west: first.lon,
            south: first.lat,
            east: first.lon,
            north: first.lat,
        };
        for s in spots {
            b.west = b.west.min(s.lon);
            b.east = b.east.max(s.lon);
            b.south = b.south.min(s.lat);
            b.north = b.north.max(s.lat);
        }
        let span = (b.east - b.west).max(b.north - b.south).max(min_span) * 1.3;
        let (cx, cy) = ((b.west + b.east) / 2.0, (b.south + b.north) / 2.0);
        Some(Bounds {
            west: (cx - span / 2.0).max(-180.0),
            east: (cx + span / 2.0).min(180.0),
            south: (cy - span / 2.0).max(-90.0),
            north: (cy + span / 2.0).min(90.0),
        })
    }

    pub fn width(&self) -> f64 {
        self.east - self.west
    }

    pub fn height(&self) -> f64 {
        self.north - self.south
    }
}

/// The land as one SVG path in plate carrée (x = longitude, y = minus latitude), limited to
/// the rings that reach into `bounds`.
pub fn land_path(bounds: Bounds) -> String {
    let mut d = String::new();
    for ring in land() {
        let touches = ring.iter().any(|[lon, lat]| {
            *lon >= bounds.west - 10.0
                && *lon <= bounds.east + 10.0
                && *lat >= bounds.south - 10.0
                && *lat <= bounds.north + 10.0
        });
        if !touches || ring.is_empty() {
            continue;
        }
        for (i, [lon, lat]) in ring.iter().enumerate() {
            let op = if i == 0 { 'M' } else { 'L' };
            d.push_str(&format!("{op}{lon:.1} {:.1}", -lat));
        }
        d.push('Z');
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_land_outline_is_there() {
        let land = land();
        assert!(land.len() > 100, "{} rings", land.len());
        // Africa's outline passes near Dakar (17.4 W, 14.7 N).
        assert!(
            land.iter()
                .flatten()
                .any(|[lon, lat]| (lon + 17.4).abs() < 1.0 && (lat - 14.7).abs() < 1.0)
        );
        assert!(land_path(Bounds::WORLD).starts_with('M'));
    }

    #[test]
    fn places_in_one_cell_come_out_the_same() {
        assert_eq!(coarsen(16.2689, -0.0391, 0.0), (16.2689, -0.0391));
        let a = coarsen(16.2689, -0.0391, 50.0);
        let b = coarsen(16.30, -0.05, 50.0);
        assert_eq!(a, b);
        assert_ne!(a, (16.2689, -0.0391));
    }

    proptest! {
        #[test]
        fn a_coarsened_place_stays_within_its_cell(
            lat in -80.0f64..80.0, lon in -179.0f64..179.0, km in 1.0f64..200.0
        ) {
            let (clat, clon) = coarsen(lat, lon, km);
            let dy = (clat - lat).abs() * KM_PER_DEGREE;
            let dx = (clon - lon).abs() * KM_PER_DEGREE * clat.to_radians().cos();
            // Half a cell each way, and a little for the latitude the width is taken at.
            prop_assert!(dy <= km / 2.0 + 1e-3, "dy {dy}");
            prop_assert!(dx <= km / 2.0 + 1e-3, "dx {dx}");
            prop_assert_eq!(coarsen(clat, clon, km), (clat, clon));
        }
    }
}
