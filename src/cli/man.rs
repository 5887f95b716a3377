//! `proceedings man`: the man page, generated from the clap definition (clap_mangen).

use std::path::PathBuf;
use std::process::ExitCode;

use super::term::tell;
use clap::{Args, CommandFactory};

#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// Write proceedings.1 and one page per command (proceedings-build.1, …) into DIR
    /// instead of printing the main page.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

pub(crate) fn run(args: &ManArgs) -> ExitCode {
    let cmd = super::Cli::command();
    let result = match &args.out {
        Some(dir) => std::fs::create_dir_all(dir).and_then(|()| clap_mangen::generate_to(cmd, dir)),
        None => clap_mangen::Man::new(cmd).render(&mut std::io::stdout()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `proceedings man | head` closes the pipe early: not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            tell!("error: cannot write the man page: {e}");
            ExitCode::FAILURE
        }
    }
}
