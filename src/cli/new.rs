//! `proceedings new session TITLE`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use proceedings::scaffold::{NewSession, new_session};

use super::Verbosity;
use super::term::{say, tell};

#[derive(Debug, Subcommand)]
pub(crate) enum NewCommand {
    /// Write sessions/[EVENT/]SLUG.md with a commented front-matter template; never overwrites.
    Session(SessionArgs),
}

#[derive(Debug, Args)]
pub(crate) struct SessionArgs {
    /// The session's title (the file name is made from it).
    title: String,
    /// Event id; the file goes into sessions/<ID>/.
    #[arg(long, value_name = "ID")]
    event: Option<String>,
    /// Session type: roundtable, panel, workshop, outcome-document, keynote, …
    #[arg(long = "type", value_name = "TYPE")]
    kind: Option<String>,
    /// Date of the session, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// The site folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    site: PathBuf,
}

pub(crate) fn run(cmd: &NewCommand, verbosity: Verbosity) -> ExitCode {
    let NewCommand::Session(args) = cmd;
    let new = NewSession {
        title: args.title.clone(),
        event: args.event.clone(),
        kind: args.kind.clone(),
        date: args.date.clone(),
    };
    match new_session(&args.site, &new) {
        Ok(path) => {
            if verbosity != Verbosity::Quiet {
                say!("{}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            tell!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
