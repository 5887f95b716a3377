//! `proceedings check`: content validation plus a link check of built output.

mod html;
pub mod links;
mod resolve;

pub use links::{BrokenLink, BrokenReason, LinkReport, check_links};
