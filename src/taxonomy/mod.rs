//! Closed vocabularies as types: SDGs, WSIS Action Lines and countries.
//!
//! Each has one `FromStr` that accepts every documented spelling, and the
//! official titles, colours and codes that templates show come from methods
//! here, never from string literals elsewhere.

mod action_line;
mod country;
mod sdg;

pub use action_line::{ActionLine, EService, InvalidActionLine};
pub use country::{Country, CountryAliases, UnknownCountry};
pub use sdg::{InvalidSdg, Sdg};
