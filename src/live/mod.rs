//! A site kept built in memory, for `serve --watch`: the same stages as `build`,
//! but a change to a few session files re-reads only those files and re-renders
//! only the pages that show them.
//!
//! - A change to the body of a session (front matter untouched) re-renders that
//!   session's page: nothing else shows the body.
//! - A change to one session's front matter that keeps its slug, a new file or a deleted
//!   one resolves that session alone ([`model::resolve_one`]: new people, topics and
//!   events are appended, those it names may be renamed), patches the index
//!   ([`Index::patch`]) and renders the pages that show it: its page, the changed pages
//!   of its lists and of its speakers', countries', goals', action lines', topics' and
//!   events' pages, and the indexes; and, for what it renamed, the pages and lists of
//!   the other sessions that show it.
//! - Any other change to session files (a slug decided by the order of people, another
//!   slug or draft state, several or renamed files) re-resolves and re-indexes the site
//!   from the sources in memory, then renders the pages `diff` finds affected, the
//!   same kinds as above.
//! - Either way, only the feeds and calendars of the lists that changed are remade, and
//!   the sitemap only when pages came or went.
//! - A change to anything else (configuration, data, templates, static files) rebuilds
//!   everything.
//!
//! The search index and the data exports read every session's text; they are remade
//! off the reload path by [`Exports::run`], after open pages have reloaded.
//! A failed update changes nothing, on disk or in memory.

mod diff;
pub(crate) mod mirror;
mod one_file;
mod publish;

use publish::outputs;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::Instant;

use crate::content::{self, SessionSource, SitePaths, Sources};
use crate::diag::{Diagnostic, Diagnostics};
use crate::index::{Index, SortKeys};
use crate::model::{self, SessionId, Site};
use crate::render::views::Views;
use crate::render::{self, Theme};
use crate::write::Memory;
use crate::{BuildError, BuildOptions, BuildReport};
use mirror::{Mirror, Part};

/// What one update did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Only session bodies changed: their pages were re-rendered.
    Bodies,
    /// One session file changed (keeping its slug and draft state), was added or was
    /// deleted: it was resolved on its own, and the pages that show it and what it
    /// renamed re-rendered.
    Session,
    /// Session files changed: the site was resolved again and the affected pages
    /// re-rendered.
    Sessions,
    /// Everything was rebuilt.
    Full,
    /// Only files of `static/` changed (none added or removed): they were copied again.
    Static,
    /// Nothing the site is made from changed.
    Nothing,
}

/// The result of an update.
#[derive(Debug)]
pub struct Updated {
    /// What was redone.
    pub scope: Scope,
    /// Pages rendered.
    pub rendered: usize,
    /// Files written (only changed bytes are written).
    pub written: usize,
    /// The site as it now is.
    pub report: BuildReport,
}

/// Deletes a live site's folder ([`Live::closer`]).
pub struct Closer(Arc<Mutex<Mirror>>);

impl Closer {
    /// Deletes the folder; any update or derived job still running writes nothing more.
    pub fn close(self) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .close();
    }
}

/// What [`Live::publish`] rendered and wrote.
struct Published {
    rendered: usize,
    written: usize,
    page_paths: Vec<String>,
    related: RelatedPrints,
}

/// [`crate::render::views::Views::related_prints`] of the site as last published.
type RelatedPrints = rustc_hash::FxHashMap<crate::url::Slug, u64>;

/// The resolved site and its index, shared with the thread that remakes derived files.
#[derive(Clone)]
struct Built {
    site: Site,
    index: Index,
}

impl Built {
    fn apply(&mut self, bodies: HashMap<SessionId, Arc<str>>) {
        for (id, body) in bodies {
            self.site.sessions[id.index()].body = body;
        }
    }
}

/// A site kept built in memory, mirrored into a folder.
pub struct Live {
    options: BuildOptions,
    paths: SitePaths,
    /// Canonical form of the sessions folder, to recognise session files in change events.
    sessions_dir: PathBuf,
    /// Canonical form of `static/`.
    static_dir: PathBuf,
    sources: Sources,
    /// Names already parsed and sort keys already made, so an update redoes only new ones.
    memo: model::Memo,
    /// How the site's names were found, to resolve one edited session on its own.
    lookup: model::Lookup,
    keys: SortKeys,
    theme: Theme,
    built: Arc<Built>,
    /// Bodies edited since `built` was last changed in place (while a derived job held it).
    bodies: HashMap<SessionId, Arc<str>>,
    cards: Vec<String>,
    page_paths: Vec<String>,
    related: RelatedPrints,
    warnings: Diagnostics,
    mirror: Arc<Mutex<Mirror>>,
    /// Bumped by every update, so derived files made from an older state are dropped.
    generation: Arc<AtomicU64>,
    /// Paths of a failed update: they are looked at again next time, since the
    /// sources in memory still hold their last good version.
    pending: Vec<PathBuf>,
}

/// The search index and data exports of one state of the site, to be made off the
/// reload path and written only if no newer update has come meanwhile.
pub struct Exports {
    /// Weak while the job waits, so that updates meanwhile change the site in place
    /// rather than copy it; gone when an update has replaced it (a newer job follows).
    built: Weak<Built>,
    /// Bodies newer than `built`'s.
    bodies: HashMap<SessionId, Arc<str>>,
    mirror: Arc<Mutex<Mirror>>,
    generation: Arc<AtomicU64>,
    made_at: u64,
}

impl Exports {
    /// Makes the files and writes the changed ones; does nothing if the site has
    /// changed since (the newer update brings its own `Exports`).
    pub fn run(&self) -> Result<(), BuildError> {
        let current = || self.generation.load(Ordering::SeqCst) == self.made_at;
        let Some(held) = self.built.upgrade().filter(|_| current()) else {
            return Ok(());
        };
        // A copy of its own, made here off the reload path: while the job runs (seconds
        // on a large site) the next edit then changes the site in place instead of
        // copying it first, which would delay that edit's reload.
        let mut built = (*held).clone();
        drop(held);
        built.apply(self.bodies.clone());
        let memory = Memory::default();
        let views = Views {
            site: &built.site,
            index: &built.index,
            theme_ids: crate::render::ThemeIds::none(),
        };
        render::derived(&views, &memory)?;
        Mirror::replace_unlocked(&self.mirror, Part::Exports, memory.into_files(), current)?;
        Ok(())
    }
}

impl Live {
    /// Builds the whole site into `options.out_dir()`.
    pub fn open(options: &BuildOptions) -> Result<(Live, BuildReport), BuildError> {
        let out = options.out_dir();
        let paths = SitePaths::new(&options.site);
        crate::write::Output::prepare(&paths, &out, options.force)?;
        let mirror = Arc::new(Mutex::new(Mirror::new(&out)));
        let generation = Arc::new(AtomicU64::new(0));
        let start = Instant::now();
        let mut clock = crate::pipeline::Stopwatch::start();
        let (live, _) = Live::load(options, mirror, generation, &mut clock)?;
        let mut report = live.report(start);
        report.timings = clock.laps;
        Ok((live, report))
    }

    /// Loads, resolves, renders and writes everything, into `mirror`.
    /// Returns the live site and how many files were written.
    fn load(
        options: &BuildOptions,
        mirror: Arc<Mutex<Mirror>>,
        generation: Arc<AtomicU64>,
        clock: &mut crate::pipeline::Stopwatch,
    ) -> Result<(Live, usize), BuildError> {
        let crate::pipeline::Prepared {
            paths,
            sources,
            site,
            index,
            theme,
            warnings,
            memo,
            lookup,
            keys,
        } = crate::pipeline::prepare(options, clock)?;
        let views = Views {
            site: &site,
            index: &index,
            theme_ids: &theme.ids,
        };
        let all: Vec<SessionId> = (0..site.sessions.len())
            .map(SessionId::from_index)
            .collect();
        let cards = render::session_cards(&views, &theme, &all)?;
        let pages = Memory::default();
        let page_paths = render::pages(&views, &theme, &cards, None, &(), &pages)?;
        let cite = Memory::default();
        render::cite_files(&views, &all, &cite)?;
        let derived = Memory::default();
        render::derived(&views, &derived)?;
        let meta = render::meta(&views, &page_paths)?;
        let redirects = outputs(render::redirect_pages(&site, &page_paths)?);
        let assets = outputs(render::assets(&paths, &theme, &site.photos)?);
        let related = views.related_prints(None);
        clock.lap("render");
        let written = {
            // Nothing above touched the folder: a failed load leaves the last good site.
            generation.fetch_add(1, Ordering::SeqCst);
            // A derived job still writing finishes first: these files must come last.
            let gate = (mirror.lock().unwrap_or_else(PoisonError::into_inner)).derived_gate();
            let _writing = gate.lock().unwrap_or_else(PoisonError::into_inner);
            let mut m = mirror.lock().unwrap_or_else(PoisonError::into_inner);
            // Assets first: the site's static/ files win over generated ones of the same path.
            m.replace(Part::Assets, assets)?
                + m.replace(Part::Pages, pages.into_files())?
                + m.replace(Part::Cite, cite.into_files())?
                + m.replace(Part::Exports, derived.into_files())?
                + m.replace(Part::Meta, outputs(meta))?
                + m.replace(Part::Redirects, redirects)?
        };
        clock.lap("write");
        let live = Live {
            options: options.clone(),
            sessions_dir: canonical(&paths.sessions),
            static_dir: canonical(&paths.static_files),
            paths,
            sources,
            memo,
            lookup,
            keys,
            theme,
            built: Arc::new(Built { site, index }),
            bodies: HashMap::new(),
            cards,
            page_paths,
            related,
            warnings,
            mirror,
            generation,
            pending: Vec::new(),
        };
        Ok((live, written))
    }

    /// A handle that deletes the folder the site is mirrored into, for when serving stops.
    pub fn closer(&self) -> Closer {
        Closer(self.mirror.clone())
    }

    /// The folder the site is mirrored into.
    pub fn out_dir(&self) -> PathBuf {
        self.mirror
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .dir()
            .to_path_buf()
    }

    /// Brings the site up to date with `changed` files (absolute paths, as a file
    /// watcher reports them). On error nothing changes, in memory or on disk.
    pub fn update(&mut self, changed: &[PathBuf]) -> Result<Updated, BuildError> {
        let start = Instant::now();
        let mut changed: Vec<PathBuf> = changed.to_vec();
        changed.append(&mut self.pending.clone());
        changed.sort();
        changed.dedup();
        let result = self.apply(&changed, start);
        match &result {
            Ok(_) => self.pending.clear(),
            Err(_) => self.pending = changed,
        }
        result
    }

    /// Rebuilds everything from the files, trusting nothing in memory but the record
    /// of the folder (made after each write): for after an update that panicked midway.
    /// On error nothing changes, as for [`Live::update`].
    pub fn rebuild_all(&mut self) -> Result<Updated, BuildError> {
        self.full(Instant::now())
    }

    fn apply(&mut self, changed: &[PathBuf], start: Instant) -> Result<Updated, BuildError> {
        if !changed.is_empty() && changed.iter().all(|p| p.starts_with(&self.static_dir)) {
            if let Some(written) = self.statics()? {
                return Ok(self.updated(Scope::Static, 0, written, start));
            }
            return self.full(start);
        }
        let sessions: Option<Vec<PathBuf>> = changed
            .iter()
            .map(|p| self.session_file(p))
            .collect::<Option<Vec<_>>>();
        let Some(files) = sessions else {
            return self.full(start);
        };
        if files.is_empty() {
            return Ok(self.updated(Scope::Nothing, 0, 0, start));
        }
        let mut edits: Vec<(PathBuf, Option<SessionSource>)> = Vec::new();
        let mut diags = Diagnostics::new();
        for file in &files {
            if file.is_file() {
                // The walk of a full build refuses links that leave the site; so does this.
                let loaded = content::files::check_inside(&self.paths, file)
                    .and_then(|()| content::load_session(file));
                match loaded {
                    Ok(s) => edits.push((file.clone(), Some(s))),
                    Err(d) => diags.push(d),
                }
            } else {
                edits.push((file.clone(), None));
            }
        }
        if diags.has_errors() {
            return Err(BuildError::Content(diags));
        }
        if let Some(bodies) = self.body_edits(&edits) {
            return self.bodies(bodies, start);
        }
        if let [(file, source)] = edits.as_slice()
            && let Some(result) = self.one_file(file, source.as_ref(), start)
        {
            return result;
        }
        self.sessions(edits, start)
    }

    /// Copies `static/` again when only file contents changed; `None` when files were
    /// added or removed (a static file may have hidden a generated one: rebuild all),
    /// or when the site has photos of its own (a changed one must be resized again).
    fn statics(&mut self) -> Result<Option<usize>, BuildError> {
        if !self.built.site.photos.is_empty() {
            return Ok(None);
        }
        let files = outputs(render::assets(
            &self.paths,
            &self.theme,
            &self.built.site.photos,
        )?);
        let mut m = self.mirror.lock().unwrap_or_else(PoisonError::into_inner);
        let names: HashSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        if names != m.paths(Part::Assets) {
            return Ok(None);
        }
        m.put(Part::Assets, files).map(Some)
    }

    /// The session file a changed path names, as the sources name it; `None` when
    /// the path is anything else the site is made from.
    fn session_file(&self, path: &Path) -> Option<PathBuf> {
        let rel = path.strip_prefix(&self.sessions_dir).ok()?;
        let hidden = rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        (content::is_markdown(path) && !hidden).then(|| self.paths.sessions.join(rel))
    }

    /// The new bodies, when every edit changed only the body of a known session.
    fn body_edits(
        &self,
        edits: &[(PathBuf, Option<SessionSource>)],
    ) -> Option<Vec<(usize, SessionSource)>> {
        edits
            .iter()
            .map(|(file, new)| {
                let new = new.as_ref()?;
                let at = self.sources.sessions.iter().position(|s| &s.file == file)?;
                // Positions are part of the front matter: an edit above the body shows.
                (self.sources.sessions[at].front == new.front).then(|| (at, new.clone()))
            })
            .collect()
    }

    /// Body-only edits: render those sessions' pages with the new bodies.
    fn bodies(
        &mut self,
        bodies: Vec<(usize, SessionSource)>,
        start: Instant,
    ) -> Result<Updated, BuildError> {
        let site = &self.built.site;
        let mut edited = Vec::new();
        for (_, source) in &bodies {
            // A draft's file is in the sources but not in the site: nothing to render.
            if let Some(i) = site.sessions.iter().position(|s| s.file == source.file) {
                let mut session = site.sessions[i].clone();
                session.body = source.body.clone();
                edited.push((SessionId::from_index(i), session));
            }
        }
        let memory = Memory::default();
        let views = Views {
            site,
            index: &self.built.index,
            theme_ids: &self.theme.ids,
        };
        let pages: Vec<(SessionId, &crate::model::Session)> =
            edited.iter().map(|(id, s)| (*id, s)).collect();
        render::session_pages(&views, &self.theme, &pages, &memory)?;
        let files = memory.into_files();
        let rendered = files.len();
        let written = self.write(|m| m.put(Part::Pages, files))?;
        // The front matter is the same, so are the resolve warnings; what reading the
        // file mended (control characters, anywhere in it) is the new file's.
        let mut warnings = Diagnostics::new();
        let old: Vec<&Diagnostic> = (bodies.iter())
            .flat_map(|(at, _)| &self.sources.sessions[*at].warnings)
            .collect();
        for d in self.warnings.iter().filter(|d| !old.contains(d)) {
            warnings.push(d.clone());
        }
        for (_, source) in &bodies {
            source
                .warnings
                .iter()
                .for_each(|d| warnings.push(d.clone()));
        }
        warnings.sort();
        self.warnings = warnings;
        for (at, source) in bodies {
            self.sources.sessions[at] = source;
        }
        for (id, session) in edited {
            self.bodies.insert(id, session.body);
        }
        // Applied in place unless a derived job is reading the site; then kept aside,
        // so that the reload never waits for a copy of the whole site.
        if Arc::strong_count(&self.built) == 1 {
            Arc::make_mut(&mut self.built).apply(std::mem::take(&mut self.bodies));
        }
        Ok(self.updated(Scope::Bodies, rendered, written, start))
    }

    /// Edits to front matter, new and deleted files: re-resolve, re-index, render what changed.
    fn sessions(
        &mut self,
        edits: Vec<(PathBuf, Option<SessionSource>)>,
        start: Instant,
    ) -> Result<Updated, BuildError> {
        let files: Vec<PathBuf> = edits.iter().map(|(f, _)| f.clone()).collect();
        // The sources are edited in place (a copy of ten thousand would cost more than
        // the rest) and put back as they were if the update fails.
        let undo = splice(&mut self.sources.sessions, edits);
        let result = self.resolve_and_render(&files, start);
        if result.is_err() {
            splice(&mut self.sources.sessions, undo);
        }
        result
    }

    fn resolve_and_render(
        &mut self,
        edited: &[PathBuf],
        start: Instant,
    ) -> Result<Updated, BuildError> {
        let mut clock = crate::pipeline::Stopwatch::start();
        let mut diags = Diagnostics::new();
        let options = self.options.resolve_options();
        let (site, lookup) =
            model::resolve_with(&self.sources, options, &mut diags, &mut self.memo);
        let diags = crate::pipeline::check_resolved(&self.paths, &site, diags)?;
        clock.lap("resolve");
        let index = Index::build_with(&site, &mut self.keys);
        let built = Built { site, index };
        clock.lap("index");
        let files: HashSet<&Path> = edited.iter().map(PathBuf::as_path).collect();
        let change = diff::diff(&self.built, &built, &files);
        clock.lap("diff");
        let cards = diff::carry_cards(&self.built, &built, &self.cards, &change.cards);
        let (cards, published) =
            (self.publish(&built, cards, &change, &mut clock)).map_err(|(_, e)| e)?;
        self.built = Arc::new(built);
        self.lookup = lookup;
        self.bodies.clear();
        self.cards = cards;
        self.warnings = diags;
        Ok(self.published(Scope::Sessions, published, start, clock))
    }

    /// Anything but session files changed: load and render everything again.
    fn full(&mut self, start: Instant) -> Result<Updated, BuildError> {
        let mut clock = crate::pipeline::Stopwatch::start();
        let (mirror, generation) = (self.mirror.clone(), self.generation.clone());
        let (live, written) = Live::load(&self.options, mirror, generation, &mut clock)?;
        *self = live;
        let pages = self.page_paths.len();
        let mut updated = self.updated(Scope::Full, pages, written, start);
        updated.report.timings = clock.laps;
        Ok(updated)
    }

    /// The search index and data exports of the current state, to make off the reload path.
    pub fn exports(&self) -> Exports {
        Exports {
            built: Arc::downgrade(&self.built),
            bodies: self.bodies.clone(),
            mirror: self.mirror.clone(),
            generation: self.generation.clone(),
            made_at: self.generation.load(Ordering::SeqCst),
        }
    }

    fn updated(&self, scope: Scope, rendered: usize, written: usize, start: Instant) -> Updated {
        Updated {
            scope,
            rendered,
            written,
            report: self.report(start),
        }
    }

    fn report(&self, start: Instant) -> BuildReport {
        let stats = self
            .mirror
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .stats();
        crate::pipeline::report(
            &self.built.site,
            &self.built.index,
            self.warnings.clone(),
            stats,
            start.elapsed(),
            &self.out_dir(),
        )
    }
}

/// Puts `edits` (a file's new source, or `None` for a deleted file) into `sessions`,
/// kept in path order; returns what they replaced, which undoes them.
fn splice(
    sessions: &mut Vec<SessionSource>,
    edits: Vec<(PathBuf, Option<SessionSource>)>,
) -> Vec<(PathBuf, Option<SessionSource>)> {
    let mut undo: Vec<(PathBuf, Option<SessionSource>)> = edits
        .into_iter()
        .map(|(file, new)| {
            let old = match (sessions.binary_search_by(|s| s.file.cmp(&file)), new) {
                (Ok(i), Some(s)) => Some(std::mem::replace(&mut sessions[i], s)),
                (Ok(i), None) => Some(sessions.remove(i)),
                (Err(i), Some(s)) => {
                    sessions.insert(i, s);
                    None
                }
                (Err(_), None) => None,
            };
            (file, old)
        })
        .collect();
    undo.reverse();
    undo
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}
