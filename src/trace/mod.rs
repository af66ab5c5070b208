//! Trace requests: the body of a `trace-request` packet (the content ITI paragraph 17 asks for)
//! built from register items, and the completeness check an officer sees before signing.
//!
//! The body travels by QR, so its keys are short and empty fields are left out; the schema is
//! in `docs/trace-requests.md`. `body`, `check` and `reply` are pure: no printing, no clock, no
//! I/O. `draft`, `export`, `status` and `sheet` are the services built on them: drafting a
//! request from register items, signing it into the outbox, its progress and overdue rules,
//! and its QR codes.

pub mod anchor;
pub mod body;
pub mod check;
pub mod draft;
pub mod export;
pub mod gaps;
pub mod reply;
pub mod sheet;
pub mod status;

pub use body::{ItemEntry, MarkEntry, PartEntry, PhotoEntry, RequestBody, RequestFacts};
pub use check::{Finding, Level, check};

pub const PRIORITIES: &[&str] = crate::vocab::Priority::NAMES;
