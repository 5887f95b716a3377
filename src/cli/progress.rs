//! A progress bar for long builds: drawn only on a terminal, only after the
//! build has run for a second, never in CI or when piped.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Verbosity;

/// Builds shorter than this finish before a bar would help.
const DELAY: Duration = Duration::from_secs(1);

/// Draws [`proceedings::Progress`] as an indicatif bar on stderr.
pub(crate) struct Bar {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Bar {
    /// A bar when stderr is a terminal, not in CI and not `--quiet`; otherwise nothing is drawn.
    pub(crate) fn new(verbosity: Verbosity) -> Bar {
        let wanted = verbosity != Verbosity::Quiet
            && std::io::stderr().is_terminal()
            && std::env::var_os("CI").is_none();
        let bar = wanted.then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template("{prefix:>7} [{bar:30}] {pos}/{len}") {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Bar {
            bar,
            started: Instant::now(),
        }
    }

    /// Clears the bar before the summary line.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl proceedings::Progress for Bar {
    fn stage(&self, name: &'static str, total: usize) {
        if let Some(bar) = &self.bar {
            bar.set_prefix(name);
            bar.set_length(total as u64);
            bar.set_position(0);
        }
    }

    fn found(&self, n: usize) {
        if let Some(bar) = &self.bar {
            bar.inc_length(n as u64);
        }
    }

    fn advance(&self, n: usize) {
        if let Some(bar) = &self.bar {
            if bar.is_hidden() && self.started.elapsed() > DELAY {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
            bar.inc(n as u64);
        }
    }
}
