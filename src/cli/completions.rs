//! `proceedings completions SHELL`: a completion script generated from the clap definition.

use std::process::ExitCode;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish.
    shell: Shell,
}

pub(crate) fn run(args: &CompletionsArgs) -> ExitCode {
    let mut cmd = super::Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "proceedings", &mut std::io::stdout());
    ExitCode::SUCCESS
}
