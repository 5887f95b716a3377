//! The `proceedings` command: parse arguments, run, report, exit.

// Printing goes through cli::term, which escapes what could act on a terminal.
#![deny(clippy::print_stdout, clippy::print_stderr)]

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// glibc's allocator spends 15 % of a 10 000-session build in `_int_malloc` (perf);
/// mimalloc keeps allocation flat as the site grows.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::report_panics();
    let args = cli::Cli::parse();
    cli::run(args)
}
