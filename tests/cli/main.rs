//! The one integration-test binary: each module is a user journey through the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// The tests play other stations and tools, with clocks and ids of their own.
#![allow(clippy::disallowed_methods)]

mod common;

mod custody_chain;
mod decoding_marks;
mod evidence_register;
mod french;
mod french_exchange;
mod french_io;
mod fuzz_regressions;
mod generating_docs;
mod guided_wizard;
mod hardening;
mod hub_loop;
mod human_output;
mod identification_accuracy;
mod identifying;
mod importing;
mod packets;
mod photos;
// The tour runs its commands with `sh`.
#[cfg(unix)]
mod readme_tour;
mod real_marks;
mod reference_lookup;
mod reporting;
mod sync_loop;
mod tracing;
