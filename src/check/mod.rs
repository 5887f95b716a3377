//! `proceedings check`: content validation plus a link check of built output.

pub mod links;

pub use links::{BrokenLink, BrokenReason, LinkReport, check_links};
