//! `proceedings build`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::term::{say, tell};
use super::{SiteArgs, Verbosity, progress::Bar, report};

#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Output folder (default: SITE/public). Replaced only when the whole build succeeds.
    #[arg(long, short, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Replace the output folder even when it is not empty and no build wrote it
    /// (it has no `.proceedings-output` file). Everything in it is lost.
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &BuildArgs, verbosity: Verbosity) -> ExitCode {
    let bar = Bar::new(verbosity);
    let options = proceedings::BuildOptions {
        force: args.force,
        ..args.site.options(args.out.clone())
    };
    let result = proceedings::build_with(&options, &bar);
    bar.finish();
    match result {
        Ok(r) => {
            if verbosity == Verbosity::Quiet {
                return ExitCode::SUCCESS;
            }
            report::diagnostics(&r.warnings);
            for notice in &r.notices {
                tell!("note: {notice}");
            }
            if verbosity == Verbosity::Verbose {
                report::timings(&r.timings);
            }
            say!(
                "built {}, {}, {}, {}, {} -> {} in {:.2} s",
                report::counted(r.sessions, "session", "sessions"),
                report::counted(r.speakers, "speaker", "speakers"),
                report::counted(r.countries, "country", "countries"),
                report::counted(r.sdgs, "SDG", "SDGs"),
                report::counted(r.action_lines, "action line", "action lines"),
                report::counted(r.pages, "page", "pages"),
                r.elapsed.as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => report::failure(&e),
    }
}
