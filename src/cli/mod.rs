//! Command-line interface: one file per subcommand, each an `Args` struct and
//! a `run` that calls the library and reports. All printing happens here.

mod build;
mod check;
mod report;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// A static site generator for conference proceedings.
#[derive(Debug, Parser)]
#[command(name = "proceedings", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into its output folder (default SITE/public).
    Build(build::BuildArgs),
    /// Validate the content and check every internal link of the built site.
    Check(check::CheckArgs),
}

/// Flags shared by the commands that build.
#[derive(Debug, Args)]
pub(crate) struct SiteArgs {
    /// The site folder (holds proceedings.yaml and sessions/).
    #[arg(default_value = ".")]
    site: PathBuf,
    /// Base URL to build for, e.g. https://org.github.io/repo/ (overrides proceedings.yaml).
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Include sessions marked `draft: true`.
    #[arg(long)]
    drafts: bool,
}

impl SiteArgs {
    fn options(&self, out: Option<PathBuf>) -> proceedings::BuildOptions {
        proceedings::BuildOptions {
            site: self.site.clone(),
            out,
            base_url: self.base_url.clone(),
            drafts: self.drafts,
        }
    }
}

/// Runs the parsed command and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Check(args) => check::run(&args),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        super::Cli::command().debug_assert();
    }
}
