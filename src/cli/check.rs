//! `proceedings check`: validate content, then check every internal link.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{SiteArgs, report};

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Check the links of this already-built folder instead of a fresh build in a temporary folder.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    let options = args.site.options(None);
    let rendered = match proceedings::render(&options) {
        Ok(r) => r,
        Err(e) => return report::failure(&e),
    };
    report::diagnostics(&rendered.warnings);
    let base = rendered.site.base.clone();
    let sessions = rendered.site.sessions.len();
    let (dir, temporary) = match &args.out {
        Some(dir) => (dir.clone(), None),
        None => {
            let tmp =
                std::env::temp_dir().join(format!("proceedings-check-{}", std::process::id()));
            if let Err(e) = proceedings::write::commit(rendered.outputs, &tmp) {
                return report::failure(&e);
            }
            (tmp.clone(), Some(tmp))
        }
    };
    // Links are checked against the full base URL; a path-only base gets a placeholder host.
    let site_url = if base.has_origin() {
        base.full()
    } else {
        format!("http://localhost{}", base.path())
    };
    let result = proceedings::check::check_links(&dir, &site_url);
    if let Some(tmp) = temporary {
        let _ = std::fs::remove_dir_all(tmp);
    }
    match result {
        Ok(links) => {
            for b in &links.broken {
                eprintln!(
                    "{}: broken link {:?}: {}",
                    dir.join(&b.page).display(),
                    b.target,
                    b.reason
                );
            }
            println!(
                "checked {} sessions; {} links on {} pages: {} broken",
                report::count(sessions),
                report::count(links.links),
                report::count(links.pages),
                links.broken.len()
            );
            if links.broken.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("error: cannot check {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
