//! Trace requests: the body of a `trace-request` packet (the content ITI paragraph 17 asks for)
//! built from register items, and the completeness check an officer sees before signing.
//!
//! The body travels by QR, so its keys are short and empty fields are left out; the schema is
//! in `docs/trace-requests.md`. No printing, no clock, no I/O: the caller hands in the items.

pub mod body;
pub mod check;
pub mod reply;

pub use body::{ItemEntry, MarkEntry, PartEntry, PhotoEntry, RequestBody, RequestFacts};
pub use check::{Finding, Level, check};

pub const PRIORITIES: &[&str] = crate::vocab::Priority::NAMES;
