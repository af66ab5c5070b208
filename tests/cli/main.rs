//! The one integration-test binary: each module is a user journey through the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod decoding_marks;
mod generating_docs;
mod guided_wizard;
mod human_output;
mod identifying;
mod real_marks;
mod reference_lookup;
