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
}

pub(crate) fn run(args: &CheckArgs, verbosity: Verbosity) -> ExitCode {
    let report = match proceedings::check::check_site(&args.site.options(None), args.out.as_deref())
    {
        Ok(r) => r,
        Err(e) => return report::failure(&e),
    };
    if verbosity != Verbosity::Quiet {
        report::diagnostics(&report.warnings);
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
