//! `proceedings build`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{SiteArgs, Verbosity, progress::Bar, report};

#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Output folder (default: SITE/public). Replaced only when the whole build succeeds.
    #[arg(long, short, value_name = "DIR")]
    out: Option<PathBuf>,
}

pub(crate) fn run(args: &BuildArgs, verbosity: Verbosity) -> ExitCode {
    let bar = Bar::new(verbosity);
    let result = proceedings::build_with(&args.site.options(args.out.clone()), &bar);
    bar.finish();
    match result {
        Ok(r) => {
            if verbosity == Verbosity::Quiet {
                return ExitCode::SUCCESS;
            }
            report::diagnostics(&r.warnings);
            if verbosity == Verbosity::Verbose {
                report::timings(&r.timings);
            }
            println!(
                "built {} sessions, {} speakers, {} countries, {} SDGs, {} action lines -> {} pages in {:.2} s",
                report::count(r.sessions),
                report::count(r.speakers),
                report::count(r.countries),
                r.sdgs,
                r.action_lines,
                report::count(r.pages),
                r.elapsed.as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => report::failure(&e),
    }
}
