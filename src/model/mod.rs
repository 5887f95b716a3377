//! The *resolve* stage: raw sources become a typed [`Site`].
//!
//! Vocabulary strings become [`Country`](crate::taxonomy::Country) values, people are merged across
//! sessions, events and topics get ids, and every cross-reference is an id
//! into a `Vec` (no pointers). Problems go into [`Diagnostics`].

mod event;
mod identifier;
mod materials;
mod names;
mod namesakes;
mod old_urls;
mod one_session;
mod organization;
mod person;
mod resolver;
mod session;
mod sources;
mod speakers;
mod spellings;

use std::path::Path;

use rustc_hash::FxHashMap;
use serde_saphyr::Spanned;

pub(crate) use event::new_event;
pub use event::{Attendance, Event, Topic};
pub use identifier::{Orcid, OrcidError, Wikidata};
pub use materials::{Duration, Material, MaterialKind, provider};
pub use namesakes::{Namesake, Namesakes, Unresolved};
pub use old_urls::{Claim, OldUrl};
pub use organization::{Organization, Organizations};
pub use person::{ParsedName, Person, identity, parse_name};
pub(crate) use session::is_valid_timezone;
pub use session::{Participation, Role, Session, SessionKind, TimeRange, When, parse_timezone};
pub use sources::SourceFiles;

use crate::content::config::SiteConfig;
use crate::content::yaml::Origin;
use crate::content::{PersonEntry, PersonRef, SessionSource, Sources};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::taxonomy::{ActionLine, CountryAliases, Sdg};
use crate::url::{BaseUrl, Slug};
use event::{EventsBuilder, NoEvent, TopicsBuilder};
pub use names::{Admitted, Lookup, same_frame};
use names::{Interner, Names};
pub use one_session::{SessionEdit, resolve_one, resolve_without};
use person::PeopleBuilder;
use resolver::SessionResolver;
use spellings::{SiteSpellings, Spellings};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);
        impl $name {
            /// The index into the matching `Vec` of the [`Site`].
            pub fn index(self) -> usize {
                self.0 as usize
            }
            pub(crate) fn from_index(i: usize) -> Self {
                $name(u32::try_from(i).expect("fewer than 4 billion items"))
            }
        }
    };
}

id_type!(
    /// Index of a session in [`Site::sessions`].
    SessionId
);
id_type!(
    /// Index of a person in [`Site::people`].
    PersonId
);
id_type!(
    /// Index of an event in [`Site::events`].
    EventId
);
id_type!(
    /// Index of a topic in [`Site::topics`].
    TopicId
);
id_type!(
    /// Index of an organization in [`Site::organizations`]. Only `data/organizations.yaml`
    /// makes organizations, so ids stay the same while sessions change.
    OrgId
);

/// The whole site, typed and resolved.
#[derive(Clone, Debug)]
pub struct Site {
    /// Configuration (with the command line's overrides applied).
    pub config: SiteConfig,
    /// The base URL, parsed.
    pub base: BaseUrl,
    /// Sessions in source-path order.
    pub sessions: Vec<Session>,
    /// People.
    pub people: Vec<Person>,
    /// Events: registry events first, then events named only in sessions.
    pub events: Vec<Event>,
    /// Topics.
    pub topics: Vec<Topic>,
    /// The organizations of `data/organizations.yaml`, with the spellings that find them.
    pub organizations: std::sync::Arc<Organizations>,
    /// Where the sources are, to name them as the site folder holds them.
    pub sources: SourceFiles,
    /// The site's own speaker photos, resized ([`crate::photos::prepare`] fills it in
    /// after resolving).
    pub photos: std::sync::Arc<crate::photos::Photos>,
}

impl Site {
    /// Whether any of `sessions` has a date: an event with one gets a calendar.
    pub fn any_dated(&self, sessions: &[SessionId]) -> bool {
        sessions
            .iter()
            .any(|s| self.sessions[s.index()].date.is_some())
    }
}

/// What `resolve` needs besides the sources.
#[derive(Clone, Copy, Debug, Default)]
pub struct ResolveOptions {
    /// Include sessions marked `draft: true`.
    pub drafts: bool,
}

/// Slugs that would collide with generated pages under /sessions/.
const RESERVED_SESSION_SLUGS: [&str; 1] = ["page"];

/// The pure text work of resolving, remembered by input text: `serve` keeps one between
/// rebuilds, so that an edit parses only the names it has not seen before.
#[derive(Debug, Default)]
pub struct Memo {
    /// Each written name, parsed, with its identity (`None` when it has no letters).
    names: FxHashMap<Box<str>, (ParsedName, Option<Slug>)>,
}

impl Memo {
    fn name(&mut self, raw: &str) -> &(ParsedName, Option<Slug>) {
        if !self.names.contains_key(raw) {
            let parsed = parse_name(raw);
            let key = Slug::from_text(&parsed.name);
            self.names.insert(raw.into(), (parsed, key));
        }
        &self.names[raw]
    }
}

/// Turns sources into a site. Every problem becomes a diagnostic; what is valid is kept.
pub fn resolve(sources: &Sources, options: ResolveOptions, diags: &mut Diagnostics) -> Site {
    resolve_with(sources, options, diags, &mut Memo::default()).0
}

/// [`resolve`], reusing (and adding to) the parsed names of `memo`; also returns the
/// tables that found each name and what each session writes, for [`resolve_one`].
pub fn resolve_with(
    sources: &Sources,
    options: ResolveOptions,
    diags: &mut Diagnostics,
    memo: &mut Memo,
) -> (Site, Lookup) {
    let countries = country_aliases(sources, diags);
    let organizations = organization::register(
        &sources.organizations,
        &sources.organizations_file,
        &countries,
        diags,
    );
    let mut people = PeopleBuilder::default();
    speakers::register_speakers(sources, &countries, &organizations, &mut people, diags);
    let mut names = Interner {
        people,
        events: EventsBuilder::from_registry(&sources.events, &sources.events_file, diags),
        topics: TopicsBuilder::default(),
    };
    let mut sessions: Vec<Session> = Vec::with_capacity(sources.sessions.len());
    let mut slugs: FxHashMap<Slug, usize> = FxHashMap::default();
    let mut spellings = SiteSpellings::default();
    let mut found_orgs = FxHashMap::default();

    for src in &sources.sessions {
        if src.front.draft && !options.drafts {
            continue;
        }
        let file = src.file.clone();
        let mut r = SessionResolver {
            file: &file,
            diags,
            countries: &countries,
            organizations: &organizations,
            found_orgs: &mut found_orgs,
            memo,
        };
        let Some(slug) = r.slug(src) else { continue };
        if let Some(&first) = slugs.get(&slug) {
            r.diags.push(
                Diagnostic::error(
                    &src.file,
                    Some(Location::START),
                    format!("two sessions have the slug `{slug}`"),
                )
                .with_help(format!(
                    "the other is {}: rename one file, or give one a `slug:` of its own",
                    sessions[first].file.display()
                )),
            );
            continue;
        }
        let (session, written) = r.session(src, slug.clone(), &mut names);
        spellings.replace(&session.file, Some(written));
        slugs.insert(slug, sessions.len());
        sessions.push(session);
    }
    let (people, events, topics, lookup) = names.finish(countries, spellings);
    let site = Site {
        base: sources.config.base_url.clone(),
        config: sources.config.clone(),
        sessions,
        people,
        events,
        topics,
        organizations: std::sync::Arc::new(organizations),
        sources: SourceFiles::of(sources),
        photos: Default::default(),
    };
    (site, lookup)
}

/// Built-in country names plus the site's `data/countries.yaml`.
fn country_aliases(sources: &Sources, diags: &mut Diagnostics) -> CountryAliases {
    let mut aliases = CountryAliases::new();
    for (alias, code) in &sources.country_aliases {
        let earlier = aliases.site_alias(alias);
        match aliases.insert(alias, &code.value) {
            // Spellings that fold alike ("Congo", "congo") but name two countries:
            // the entry inserted last is used, which a reader cannot tell from the file.
            Ok(country) => {
                if let Some(earlier) = earlier.filter(|&e| e != country) {
                    let message = format!(
                        "`{alias}` names {} here, but another entry that matches it names {}: \
                         `{alias}` is read as {}",
                        country.iso2(),
                        earlier.iso2(),
                        country.iso2()
                    );
                    let help = "spellings match ignoring case, accents and punctuation: \
                                keep one entry for them";
                    diags.push(
                        Diagnostic::warning(&sources.countries_file, locate(code), message)
                            .with_help(help),
                    );
                }
            }
            Err(e) => diags.push(
                Diagnostic::error(
                    &sources.countries_file,
                    locate(code),
                    format!("{e}: `{}` is not an ISO 3166 code", code.value),
                )
                .with_help(match e.suggestion {
                    Some(code) => {
                        format!("did you mean `{code}`? Map each spelling to a two-letter ISO code")
                    }
                    None => {
                        "map each spelling to a two-letter ISO code, e.g. `Holland: NL`".to_string()
                    }
                }),
            ),
        }
    }
    aliases
}

/// The file position of a spanned registry value. Line and column are file positions
/// (front matter adds its line offset in [`SessionResolver::at`]); the byte offset is
/// dropped because a stripped byte-order mark would shift it.
pub(crate) fn locate<T>(s: &Spanned<T>) -> Option<Location> {
    Origin::default()
        .locate(s.referenced)
        .map(|l| Location { offset: None, ..l })
}
