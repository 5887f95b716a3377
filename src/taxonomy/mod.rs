//! Closed vocabularies as types: SDGs, WSIS Action Lines and countries, and
//! the six UN languages their names are given in.
//!
//! Each has one `FromStr` that accepts every documented spelling, and the
//! official titles, colours and codes that templates show come from methods
//! here, never from string literals elsewhere.

mod action_line;
mod country;
mod language;
mod sdg;

pub use action_line::{ActionLine, EService, InvalidActionLine};
pub use country::{Country, CountryAliases, UnknownCountry};
pub use language::Language;
pub use sdg::{InvalidSdg, Sdg};
