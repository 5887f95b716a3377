//! `proceedings init DIR`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Verbosity;
use super::term::{say, tell};

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// Folder for the new site (created if missing; must be empty).
    dir: PathBuf,
    /// The site's title.
    #[arg(long, default_value = "My Forum Proceedings")]
    title: String,
}

pub(crate) fn run(args: &InitArgs, verbosity: Verbosity) -> ExitCode {
    match proceedings::scaffold::init(&args.dir, &args.title) {
        Ok(files) => {
            if verbosity != Verbosity::Quiet {
                for f in &files {
                    say!("created {}", f.display());
                }
                say!("next: proceedings build {}", args.dir.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            tell!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
