//! The batch pipeline: the stages of [`crate`]'s module doc strung together, with
//! their timings. `check` and `serve` call the same stage functions.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::content::{self, SitePaths};
use crate::diag::{self, Diagnostics};
use crate::error::BuildError;
use crate::index::{self, Index};
use crate::model::{self, ResolveOptions, Site};
use crate::render::{self, Theme};
use crate::{url, write};

/// What to build and how.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// The site folder.
    pub site: PathBuf,
    /// The output folder; defaults to `SITE/public`.
    pub out: Option<PathBuf>,
    /// Overrides `base_url` of `proceedings.yaml`.
    pub base_url: Option<String>,
    /// Include draft sessions.
    pub drafts: bool,
    /// Replace a non-empty output folder even when no build wrote it.
    pub force: bool,
}

impl BuildOptions {
    /// What `resolve` needs of these options.
    pub(crate) fn resolve_options(&self) -> ResolveOptions {
        ResolveOptions {
            drafts: self.drafts,
        }
    }

    /// The output folder these options write to.
    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.site.join("public"))
    }
}

/// What a successful build made.
#[derive(Clone, Debug)]
pub struct BuildReport {
    /// Sessions built.
    pub sessions: usize,
    /// Speaker pages.
    pub speakers: usize,
    /// Countries with at least one participant.
    pub countries: usize,
    /// SDGs with at least one session.
    pub sdgs: usize,
    /// Action lines (C7 sub-lines counted, C7 itself not) with at least one session.
    pub action_lines: usize,
    /// HTML pages written.
    pub pages: usize,
    /// All files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Warnings (the build succeeded despite them).
    pub warnings: Diagnostics,
    /// Time from start to the swapped-in output.
    pub elapsed: Duration,
    /// Where the site was written.
    pub out_dir: PathBuf,
    /// Time spent in each stage.
    pub timings: Vec<(&'static str, Duration)>,
    /// What the user should know about how the output was replaced.
    pub notices: Vec<String>,
}

/// Times the stages of a build.
pub(crate) struct Stopwatch {
    last: Instant,
    pub(crate) laps: Vec<(&'static str, Duration)>,
}

impl Stopwatch {
    pub(crate) fn start() -> Stopwatch {
        Stopwatch {
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    pub(crate) fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.laps.push((stage, now - self.last));
        self.last = now;
    }
}

/// A site loaded, resolved, indexed and rendered into a [`write::Sink`].
pub struct Rendered {
    /// The typed site.
    pub site: Site,
    /// Its cross-links.
    pub index: Index,
    /// Warnings.
    pub warnings: Diagnostics,
    /// Time spent in each stage.
    pub timings: Vec<(&'static str, Duration)>,
}

/// Hears how a build advances, for a progress bar; the library itself never prints.
pub trait Progress: Sync {
    /// A stage (`"render"`, `"write"`) begins with `total` steps.
    fn stage(&self, _name: &'static str, _total: usize) {}
    /// `n` more steps of the current stage are known (a stage that finds its steps as it goes).
    fn found(&self, _n: usize) {}
    /// `n` more steps of the current stage are done.
    fn advance(&self, _n: usize) {}
}

/// No progress reporting.
impl Progress for () {}

/// A site loaded, resolved and indexed, with its theme: what rendering needs.
pub(crate) struct Prepared {
    pub(crate) paths: SitePaths,
    pub(crate) sources: content::Sources,
    pub(crate) site: Site,
    pub(crate) index: Index,
    pub(crate) theme: Theme,
    pub(crate) warnings: Diagnostics,
    /// Parsed names, the tables that found them and sort keys, for `serve` to reuse.
    pub(crate) memo: model::Memo,
    pub(crate) lookup: model::Lookup,
    pub(crate) keys: index::SortKeys,
}

/// Runs load, resolve and index. Content errors fail here, with all diagnostics at once.
pub(crate) fn prepare(
    options: &BuildOptions,
    clock: &mut Stopwatch,
) -> Result<Prepared, BuildError> {
    let paths = SitePaths::new(&options.site);
    check_site_folder(&options.site, &paths)?;
    let mut diags = Diagnostics::new();
    let mut sources = content::load(&paths, &mut diags);
    clock.lap("load");
    if let Some(url) = &options.base_url {
        match url::BaseUrl::parse(url) {
            Ok(base) => sources.config.base_url = base,
            Err(e) => diags.push(
                diag::Diagnostic::error(Path::new("--base-url"), None, e.message).with_help(e.help),
            ),
        }
    }
    let mut memo = model::Memo::default();
    let (mut site, lookup) =
        model::resolve_with(&sources, options.resolve_options(), &mut diags, &mut memo);
    clock.lap("resolve");
    let photos = crate::photos::prepare(&paths, &sources, &options.out_dir(), &mut diags);
    site.photos = std::sync::Arc::new(photos);
    clock.lap("photos");
    let diags = check_resolved(&paths, &site, diags)?;
    let theme = Theme::load(&paths, &sources.config.theme)?;
    let mut keys = index::SortKeys::default();
    let index = Index::build_with(&site, &mut keys);
    clock.lap("index");
    Ok(Prepared {
        paths,
        sources,
        site,
        index,
        theme,
        warnings: diags,
        memo,
        lookup,
        keys,
    })
}

/// Refuses a folder that is not a site: without `proceedings.yaml` and without a
/// sessions folder, a build would write an empty site into it (`proceedings build
/// sessions` by mistake, or a home folder).
pub(crate) fn check_site_folder(site: &Path, paths: &SitePaths) -> Result<(), BuildError> {
    if !site.is_dir() {
        return Err(BuildError::MissingSite(site.to_path_buf()));
    }
    if !paths.config.exists() && !paths.sessions.exists() {
        return Err(BuildError::NotASite(site.to_path_buf()));
    }
    Ok(())
}

/// The diagnostics of resolving `site`, sorted, with the warnings about the site as a
/// whole added; an error when any is an error.
pub(crate) fn check_resolved(
    paths: &SitePaths,
    site: &Site,
    mut diags: Diagnostics,
) -> Result<Diagnostics, BuildError> {
    diags.sort();
    if diags.has_errors() {
        return Err(BuildError::Content(diags));
    }
    // Only worth saying once the content is valid: it is about the output.
    if !site.base.has_origin() {
        let message = format!(
            "base_url `{}` has no host: sitemap.xml is left out and feed links are relative",
            site.base.full()
        );
        let help = "set `base_url: https://…` in proceedings.yaml, or pass --base-url";
        diags.push(diag::Diagnostic::warning(&paths.config, None, message).with_help(help));
    }
    Ok(diags)
}

/// Runs load, resolve, index and render, handing every file to `sink` (pages,
/// feeds, theme assets, then `static/`, which wins over generated files).
/// Content errors fail before anything is rendered, with all diagnostics at once.
pub fn render(
    options: &BuildOptions,
    progress: &dyn Progress,
    sink: &dyn write::Sink,
) -> Result<Rendered, BuildError> {
    let mut clock = Stopwatch::start();
    // What only `serve` reuses (the sources, parsed names, sort keys) goes before rendering.
    let Prepared {
        paths,
        site,
        index,
        theme,
        warnings,
        ..
    } = prepare(options, &mut clock)?;
    render::site(&site, &index, &theme, progress, sink)?;
    // The site's static/ comes last so it wins over generated files (a custom robots.txt, CNAME).
    for o in render::assets(&paths, &theme, &site.photos)? {
        sink.put(&o.path, &o.bytes)?;
    }
    clock.lap("render");
    Ok(Rendered {
        site,
        index,
        warnings,
        timings: clock.laps,
    })
}

/// Builds the site and swaps it into the output folder; on any error the old output stays.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_with(options, &())
}

/// [`build`], reporting progress.
pub fn build_with(
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    check_site_folder(&options.site, &SitePaths::new(&options.site))?;
    let out = options.out_dir();
    let output = write::Output::prepare(&SitePaths::new(&options.site), &out, options.force)?;
    let staging = write::Staging::new(&output)?;
    // On any error `staging` is dropped, which removes it: the old output stays as it was.
    let mut rendered = render(options, progress, &staging)?;
    let swap_start = Instant::now();
    let stats = staging.commit()?;
    rendered.timings.push(("swap", swap_start.elapsed()));
    let mut report = report(
        &rendered.site,
        &rendered.index,
        rendered.warnings,
        stats,
        start.elapsed(),
        &out,
    );
    report.timings = rendered.timings;
    Ok(report)
}

pub(crate) fn report(
    site: &Site,
    index: &Index,
    warnings: Diagnostics,
    stats: write::WriteStats,
    elapsed: Duration,
    out: &Path,
) -> BuildReport {
    BuildReport {
        sessions: site.sessions.len(),
        speakers: index.speakers_az.len(),
        countries: index.by_country.len(),
        sdgs: index.sdgs_in_use(),
        action_lines: index.action_lines_in_use(),
        pages: stats.pages,
        files: stats.files,
        bytes: stats.bytes,
        warnings,
        elapsed,
        out_dir: out.to_path_buf(),
        timings: Vec::new(),
        notices: stats.notices,
    }
}
