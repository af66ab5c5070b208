//! The library as the decoder and the identification engine load it: one postcard image,
//! written by `build.rs` beside the SQLite database and embedded with it.
//!
//! Loading every entry from JSON, and keying every name, cost more than the decoding an
//! officer waits for; the image holds the entries without what only `ref show` and
//! `ref check` read (notes but a calibre's, sources, examples) and the keys already made.

use serde::{Deserialize, Serialize};

use super::keys::MatchKeys;
use super::schema::{Calibre, Country, Headstamp, Library, Manufacturer, Marking, Model, Trait};

/// Calibres and countries come first: resolving a search filter reads only those
/// ([`Names`]), and postcard reads fields in order.
#[derive(Debug, Serialize, Deserialize)]
pub struct EngineImage {
    pub calibres: Vec<Calibre>,
    pub countries: Vec<Country>,
    pub models: Vec<Model>,
    pub markings: Vec<Marking>,
    pub headstamps: Vec<Headstamp>,
    pub manufacturers: Vec<Manufacturer>,
    pub traits: Vec<Trait>,
    pub keys: MatchKeys,
}

/// The start of an [`EngineImage`].
#[derive(Debug, Deserialize)]
pub struct Names {
    pub calibres: Vec<Calibre>,
    pub countries: Vec<Country>,
}

impl EngineImage {
    /// The whole library with its keys: what a catalog built from parsed files holds.
    pub fn whole(lib: &Library) -> EngineImage {
        EngineImage {
            calibres: lib.calibres.clone(),
            countries: lib.countries.clone(),
            models: lib.models.clone(),
            markings: lib.markings.clone(),
            headstamps: lib.headstamps.clone(),
            manufacturers: lib.manufacturers.clone(),
            traits: lib.traits.clone(),
            keys: MatchKeys::build(
                &lib.markings,
                &lib.manufacturers,
                &lib.models,
                &lib.headstamps,
                &lib.countries,
            ),
        }
    }

    /// What is embedded: the whole library without what only `ref show` and `ref check` read.
    pub fn of(lib: &Library) -> EngineImage {
        let mut image = EngineImage::whole(lib);
        for c in &mut image.calibres {
            c.sources.clear();
        }
        for c in &mut image.countries {
            (c.notes, c.sources) = (None, Vec::new());
        }
        for m in &mut image.models {
            (m.notes, m.sources, m.examples) = (None, Vec::new(), Vec::new());
        }
        for m in &mut image.markings {
            (m.notes, m.sources, m.examples) = (None, Vec::new(), Vec::new());
        }
        for h in &mut image.headstamps {
            (h.notes, h.sources, h.examples) = (None, Vec::new(), Vec::new());
        }
        for m in &mut image.manufacturers {
            (m.notes, m.sources, m.examples) = (None, Vec::new(), Vec::new());
        }
        image
    }

    pub fn to_bytes(&self) -> Result<Vec<u8>, postcard::Error> {
        postcard::to_allocvec(self)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<EngineImage, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

impl Names {
    pub fn from_bytes(bytes: &[u8]) -> Result<Names, postcard::Error> {
        postcard::take_from_bytes(bytes).map(|(names, _rest)| names)
    }
}
