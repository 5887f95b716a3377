//! `proceedings import FILE...`: session documents as session files.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use proceedings::import::{ImportOptions, import_files, report};

use super::Verbosity;
use super::term::{say, say_json, tell};

/// How the result is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFormat {
    /// A line per session and the points to check, on stderr.
    Text,
    /// Per input file, what was found and how sure the importer is, as JSON on stdout.
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// Files to import: text (.txt/.md), saved web pages (.html), Word (.docx) or PDF with a
    /// text layer (session pages, programmes, outcome documents, reports, articles).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Folder for the new session files, inside the site's sessions folder [default: SITE/sessions/<event>/, or SITE/sessions/].
    #[arg(long, value_name = "DIR")]
    into: Option<PathBuf>,
    /// Event id of every imported session (otherwise guessed from the text and data/events.yaml).
    #[arg(long, value_name = "ID")]
    event: Option<String>,
    /// Print the session files instead of writing them.
    #[arg(long)]
    dry_run: bool,
    /// Overwrite existing session files.
    #[arg(long)]
    force: bool,
    /// The site folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    site: PathBuf,
    /// How to report what was found.
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    report: ReportFormat,
}

pub(crate) fn run(args: &ImportArgs, verbosity: Verbosity) -> ExitCode {
    let opts = ImportOptions {
        site: args.site.clone(),
        into: args.into.clone(),
        event: args.event.clone(),
        dry_run: args.dry_run,
        force: args.force,
    };
    let imported = match import_files(&args.files, &opts) {
        Ok(i) => i,
        Err(e) => {
            tell!("error: {e}");
            if let Some(help) = e.help() {
                tell!("help: {help}");
            }
            return ExitCode::FAILURE;
        }
    };
    if args.report == ReportFormat::Json {
        let r = report::build(&args.files, &imported, !args.dry_run);
        match serde_json::to_string_pretty(&r) {
            Ok(json) => say_json(&json),
            Err(e) => {
                tell!("error: the report could not be written: {e}");
                return ExitCode::FAILURE;
            }
        }
        return ExitCode::SUCCESS;
    }
    let mut notes = 0;
    for i in &imported {
        let s = &i.session;
        if args.dry_run {
            say!("==> {} <==\n{}", i.path.display(), i.text);
        }
        notes += s.notes.len();
        if verbosity == Verbosity::Quiet {
            continue;
        }
        let verb = if args.dry_run { "would write" } else { "wrote" };
        tell!(
            "{verb} {} (from {}: {} people, {} SDGs, {} action lines)",
            i.path.display(),
            i.source.display(),
            s.moderators.len() + s.speakers.len(),
            s.sdgs.len(),
            s.action_lines.len()
        );
        for n in &s.notes {
            tell!("  check: {n}");
        }
    }
    if verbosity != Verbosity::Quiet {
        tell!(
            "imported {} session(s) from {} file(s); {notes} point(s) to check, listed at the top of each file",
            imported.len(),
            args.files.len()
        );
    }
    ExitCode::SUCCESS
}
