//! Command-line interface: one file per subcommand, each an `Args` struct and
//! a `run` that calls the library and reports. All printing happens here.

mod build;
mod check;
mod completions;
mod import;
mod init;
mod man;
mod new;
mod progress;
mod report;
mod serve;
mod term;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// A static site generator for conference proceedings.
#[derive(Debug, Parser)]
#[command(name = "proceedings", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print only errors (no summary line, no warnings).
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print the time each stage took.
    #[arg(long, short, global = true)]
    verbose: bool,
}

/// How much to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verbosity {
    /// Errors only.
    Quiet,
    /// Warnings, errors and the summary line.
    Normal,
    /// Also stage timings.
    Verbose,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into its output folder (default SITE/public).
    Build(build::BuildArgs),
    /// Validate the content and check every internal link of the built site.
    Check(check::CheckArgs),
    /// Build and preview the site on http://127.0.0.1, rebuilding on change with --watch.
    Serve(serve::ServeArgs),
    /// Create a new site that builds at once (config, an event, two sessions, a Pages workflow).
    Init(init::InitArgs),
    /// Create a new content file from a commented template.
    #[command(subcommand)]
    New(new::NewCommand),
    /// Turn outcome-document and daily-highlights text into session files (never overwrites without --force).
    Import(import::ImportArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(completions::CompletionsArgs),
    /// Print the man page, or write one page per command into a folder.
    Man(man::ManArgs),
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
            force: false,
        }
    }
}

/// Prints a panic as what it is, a bug, made safe for the terminal like everything
/// else printed (its message may quote content); `serve` goes on after one.
pub(crate) fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        term::tell!(
            "error: internal error in proceedings: {info}\n  help: this is a bug; please report it with the input that caused it"
        );
    }));
}

/// Runs the parsed command and returns the process exit code.
pub(crate) fn run(cli: Cli) -> ExitCode {
    let verbosity = match (cli.quiet, cli.verbose) {
        (true, _) => Verbosity::Quiet,
        (_, true) => Verbosity::Verbose,
        _ => Verbosity::Normal,
    };
    match cli.command {
        Command::Build(args) => build::run(&args, verbosity),
        Command::Check(args) => check::run(&args, verbosity),
        Command::Serve(args) => serve::run(&args, verbosity),
        Command::Init(args) => init::run(&args, verbosity),
        Command::New(cmd) => new::run(&cmd, verbosity),
        Command::Import(args) => import::run(&args, verbosity),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
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
