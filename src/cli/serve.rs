//! `proceedings serve`: preview with live reload.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use proceedings::serve::{ServeEvent, ServeOptions, serve};

use super::term::{say, tell};
use super::{Verbosity, report};

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The site folder.
    #[arg(default_value = ".")]
    site: PathBuf,
    /// Rebuild when files change, and reload open pages.
    #[arg(long, short)]
    watch: bool,
    /// Port (default: 1111, or the next free one).
    #[arg(long, short)]
    port: Option<u16>,
    /// Address to listen on. Anything but loopback exposes the preview to the network.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    open: bool,
    /// Include sessions marked `draft: true`.
    #[arg(long)]
    drafts: bool,
}

pub(crate) fn run(args: &ServeArgs, verbosity: Verbosity) -> ExitCode {
    if !args.host.is_loopback() {
        tell!(
            "warning: serving on {}: other machines on the network can reach this preview",
            args.host
        );
    }
    let options = ServeOptions {
        build: proceedings::BuildOptions {
            site: args.site.clone(),
            drafts: args.drafts,
            ..Default::default()
        },
        host: args.host,
        port: args.port,
        watch: args.watch,
    };
    let open = args.open;
    let result = serve(options, move |event| match event {
        ServeEvent::Listening(url) => {
            say!("serving {url} (Ctrl-C to stop)");
            if open {
                open_browser(&url);
            }
        }
        ServeEvent::Built(r) => {
            if verbosity != Verbosity::Quiet {
                report::diagnostics(&r.warnings);
                say!(
                    "built {} -> {} in {}",
                    report::counted(r.sessions, "session", "sessions"),
                    report::counted(r.pages, "page", "pages"),
                    report::duration(r.elapsed)
                );
                if verbosity == Verbosity::Verbose {
                    report::timings(&r.timings);
                }
            }
        }
        ServeEvent::Failed(e) => {
            report::failure(&e);
        }
        ServeEvent::Panicked(message) => {
            tell!(
                "error: an update failed on a bug in proceedings: {message}\n  \
                 help: the last good site is still served and the next change rebuilds \
                 the whole site; please report this bug with the steps that led to it"
            );
        }
        ServeEvent::Changed(paths) => {
            if verbosity == Verbosity::Verbose {
                for p in paths {
                    tell!("changed: {}", p.display());
                }
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(proceedings::serve::ServeError::Build(e)) => report::failure(&e),
        Err(e) => {
            tell!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Opens `url` with the platform's opener; failing to is not an error.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        tell!("note: could not start a browser; open {url} yourself");
    }
}
