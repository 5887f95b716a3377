//! `proceedings`: a static site generator for conference proceedings.
//!
//! A build is one pass through five stages, each a function from data to data:
//! [`content::load`] reads the site folder (front matter with positions),
//! [`model::resolve`] types it (people merged, countries, SDGs and action
//! lines as types), [`index::Index::build`] computes every cross-link,
//! [`render::site`] turns it into pages, streamed into a [`write::Staging`]
//! folder that [`write::Staging::commit`] swaps into place atomically. [`build`] strings them
//! together; `check` and `serve` call the same functions.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod content;
pub mod diag;
pub mod error;
pub mod import;
pub mod index;
pub mod live;
pub mod model;
pub mod photos;
pub mod pipeline;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod serve;
pub mod taxonomy;
pub mod url;
pub mod write;

pub use crate::error::BuildError;
pub use crate::pipeline::{
    BuildOptions, BuildReport, Progress, Rendered, build, build_with, render,
};
