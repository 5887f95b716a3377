//! `proceedings build`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{SiteArgs, report};

#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Output folder (default: SITE/public). Replaced only when the whole build succeeds.
    #[arg(long, short, value_name = "DIR")]
    out: Option<PathBuf>,
}

pub(crate) fn run(args: &BuildArgs) -> ExitCode {
    match proceedings::build(&args.site.options(args.out.clone())) {
        Ok(r) => {
            report::diagnostics(&r.warnings);
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
