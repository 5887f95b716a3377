//! `proceedings import FILE...`: outcome documents and highlights articles as session files.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use proceedings::import::{ImportError, ImportOptions, import_files};

use super::Verbosity;

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// Files to import: text (.txt/.md), saved web pages (.html), Word (.docx) or PDF with a
    /// text layer; outcome documents or daily highlights (the shape is detected).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Folder for the new session files [default: SITE/sessions/<event>/, or SITE/sessions/].
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
            eprintln!("error: {e}");
            if let ImportError::Input { source, .. } = &e {
                eprintln!("help: {}", source.help());
            }
            return ExitCode::FAILURE;
        }
    };
    let mut notes = 0;
    for i in &imported {
        let s = &i.session;
        if args.dry_run {
            println!("==> {} <==\n{}", i.path.display(), i.text);
        }
        notes += s.notes.len();
        if verbosity == Verbosity::Quiet {
            continue;
        }
        let verb = if args.dry_run { "would write" } else { "wrote" };
        eprintln!(
            "{verb} {} ({} from {}: {} people, {} SDGs, {} action lines)",
            i.path.display(),
            i.shape.name(),
            i.source.display(),
            s.moderators.len() + s.speakers.len(),
            s.sdgs.len(),
            s.action_lines.len()
        );
        for n in &s.notes {
            eprintln!("  check: {n}");
        }
    }
    if verbosity != Verbosity::Quiet {
        eprintln!(
            "imported {} session(s) from {} file(s); {notes} point(s) to check, listed at the top of each file",
            imported.len(),
            args.files.len()
        );
    }
    ExitCode::SUCCESS
}
