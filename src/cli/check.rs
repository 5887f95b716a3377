//! `proceedings check`: validate content, then check every internal link.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::term::{say, tell};
use super::{SiteArgs, Verbosity, report};

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Check the links of this already-built folder (built with the same --base-url)
    /// instead of a fresh build in a temporary folder.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// List probable duplicates among the people (name order, a middle name, an
    /// initial, spelling variants) with the data/speakers.yaml entry that merges them,
    /// instead of checking links.
    #[arg(long, conflicts_with = "out")]
    people: bool,
}

pub(crate) fn run(args: &CheckArgs, verbosity: Verbosity) -> ExitCode {
    if args.people {
        return people(args, verbosity);
    }
    let report = match proceedings::check::check_site(&args.site.options(None), args.out.as_deref())
    {
        Ok(r) => r,
        Err(e) => return report::failure(&e),
    };
    if verbosity != Verbosity::Quiet {
        report::diagnostics(&report.warnings);
        vanished(&report.vanished);
    }
    for b in &report.links.broken {
        let page = match &report.checked {
            Some(dir) => dir.join(&b.page),
            None => b.page.clone(),
        };
        tell!(
            "{}: broken link {:?}: {}",
            page.display(),
            b.target,
            b.reason
        );
    }
    if verbosity == Verbosity::Quiet {
        return if report.links.broken.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    say!(
        "checked {}; {} on {}: {} broken",
        report::counted(report.sessions, "session", "sessions"),
        report::counted(report.links.links, "link", "links"),
        report::counted(report.links.pages, "page", "pages"),
        report.links.broken.len()
    );
    if report.links.broken.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// How many lost URLs are named one by one; the rest are counted.
const VANISHED_SHOWN: usize = 20;

/// Warns of the previous build's URLs that this build would lose.
fn vanished(v: &proceedings::check::Vanished) {
    if let Some(url) = &v.moved_from {
        tell!(
            "warning: the previous build's sitemap lists URLs of another address ({url}): every old URL changes with the base URL"
        );
        return;
    }
    for url in v.urls.iter().take(VANISHED_SHOWN) {
        tell!("warning: {url} of the previous build would disappear");
    }
    if v.urls.len() > VANISHED_SHOWN {
        tell!(
            "warning: … and {} more URLs of the previous build",
            v.urls.len() - VANISHED_SHOWN
        );
    }
    if !v.urls.is_empty() {
        tell!(
            "  help: keep an old URL with `aliases: [old-slug]` (or `/old/path/`) in the front matter of the session that took its place, or in the person's entry in data/speakers.yaml"
        );
    }
}

/// `check --people`: the probable duplicates, each with its files and the entry that
/// merges it. Duplicates are advice, not errors: the exit code is that of the content.
fn people(args: &CheckArgs, verbosity: Verbosity) -> ExitCode {
    let report = match proceedings::check::check_people(&args.site.options(None)) {
        Ok(r) => r,
        Err(e) => return report::failure(&e),
    };
    if verbosity != Verbosity::Quiet {
        report::diagnostics(&report.warnings);
    }
    for d in &report.duplicates {
        let spellings = d.spellings.iter().map(|s| (s.name.as_str(), &s.files[..]));
        group(
            &format!("probably one person ({})", d.likeness.describe()),
            spellings,
            "to merge them, in data/speakers.yaml",
            &d.registry_entry(),
        );
    }
    for d in &report.organizations {
        let spellings = d.spellings.iter().map(|s| (s.name.as_str(), &s.files[..]));
        group(
            &format!("probably one organization ({})", d.likeness.describe()),
            spellings,
            "to join them, in data/organizations.yaml",
            &d.registry_entry(),
        );
    }
    if verbosity != Verbosity::Quiet {
        say!(
            "checked {}: {} probable duplicate(s), and {} among organizations",
            report::counted(report.people, "person", "people"),
            report.duplicates.len(),
            report.organizations.len()
        );
    }
    ExitCode::SUCCESS
}

/// One group of `check --people`: its spellings with their files, and the registry
/// entry that would join them.
fn group<'a>(
    heading: &str,
    spellings: impl Iterator<Item = (&'a str, &'a [std::path::PathBuf])>,
    how: &str,
    entry: &str,
) {
    say!("{heading}:");
    for (name, files) in spellings {
        let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        say!("  {name} — {}", files.join(", "));
    }
    say!("  {how}:");
    for line in entry.lines() {
        say!("    {line}");
    }
}
