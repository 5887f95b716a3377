//! Watching the site folder: debounced file events become rebuilds, and each
//! rebuild becomes a message to open pages (reload, new styles, or an error).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, PoisonError, mpsc};
use std::time::Duration;

use notify_debouncer_full::notify::event::ModifyKind;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::{Reload, ServeEvent, Shared};
use crate::BuildOptions;
use crate::live::{Derived, Live, Scope};

/// Editors write a file in a few steps within a millisecond or two (truncate, write,
/// rename); this gathers them into one change. Longer would show in every reload.
const DEBOUNCE: Duration = Duration::from_millis(8);

/// The watcher; dropping it stops watching.
pub(super) type Watcher =
    Debouncer<notify_debouncer_full::notify::RecommendedWatcher, RecommendedCache>;

/// What a batch of changed files asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Change {
    /// Only stylesheets: rebuild and swap styles in place.
    Styles,
    /// Anything else: rebuild and reload.
    Site,
}

/// Classifies changed paths; `None` when none of them is input (output, hidden, editor temp files).
pub(super) fn classify(site: &Path, out: &Path, paths: &[PathBuf]) -> Option<Change> {
    let relevant: Vec<&PathBuf> = paths.iter().filter(|p| is_input(site, out, p)).collect();
    if relevant.is_empty() {
        return None;
    }
    let styles = relevant
        .iter()
        .all(|p| p.extension().is_some_and(|e| e == "css"));
    Some(if styles { Change::Styles } else { Change::Site })
}

fn is_input(site: &Path, out: &Path, path: &Path) -> bool {
    if path.starts_with(out) || path.starts_with(site.join("public")) {
        return false;
    }
    let rel = path.strip_prefix(site).unwrap_or(path);
    let hidden = rel
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || name.starts_with("#");
    !hidden && !temp
}

/// Starts watching `build.site`; each batch of changes rebuilds on one worker thread, in order.
pub(super) fn start(
    build: &BuildOptions,
    mut live: Live,
    shared: Arc<Shared>,
    report: Arc<dyn Fn(ServeEvent) + Send + Sync>,
) -> std::io::Result<Watcher> {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, None, tx).map_err(std::io::Error::other)?;
    let site = std::fs::canonicalize(&build.site)?;
    debouncer
        .watch(&site, RecursiveMode::Recursive)
        .map_err(std::io::Error::other)?;
    let out = build.out_dir();
    let derived = DerivedWorker::start();
    std::thread::spawn(move || {
        while let Ok(result) = rx.recv() {
            let Ok(events) = result else { continue };
            let mut paths = changed_paths(&events);
            // A flood of events becomes one rebuild: take everything already waiting.
            while let Ok(Ok(more)) = rx.try_recv() {
                paths.extend(changed_paths(&more));
            }
            let Some(change) = classify(&site, &out, &paths) else {
                continue;
            };
            paths.retain(|p| is_input(&site, &out, p));
            paths.sort();
            paths.dedup();
            report(ServeEvent::Changed(paths.clone()));
            rebuild(
                &mut live,
                &paths,
                change,
                &shared,
                report.as_ref(),
                &derived,
            );
        }
    });
    Ok(debouncer)
}

/// Paths whose content or name changed. Reads are events too, and so are the access
/// times they update (the build itself reads every file), so neither may count, or each
/// build would trigger the next.
fn changed_paths(events: &[notify_debouncer_full::DebouncedEvent]) -> Vec<PathBuf> {
    events
        .iter()
        .filter(|e| {
            !matches!(
                e.kind,
                EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
            )
        })
        .flat_map(|e| e.paths.iter().cloned())
        .collect()
}

/// Makes the search index and data exports of the newest state on its own thread
/// (and a one-thread pool for its parallel work), once edits have paused for
/// [`DERIVED_PAUSE`]: while someone saves again and again, the reloads keep the other
/// cores. A state superseded meanwhile is skipped.
struct DerivedWorker {
    next: Arc<(Mutex<Option<Derived>>, Condvar)>,
}

/// How long edits must pause before the search index and data exports are remade.
const DERIVED_PAUSE: Duration = Duration::from_millis(400);

impl DerivedWorker {
    fn start() -> DerivedWorker {
        let next: Arc<(Mutex<Option<Derived>>, Condvar)> = Arc::default();
        let queue = next.clone();
        std::thread::spawn(move || {
            // One thread of its own: the reloads keep the other cores while it runs.
            let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().ok();
            let (slot, ready) = &*queue;
            let mut waiting = slot.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                let Some(job) = waiting.take() else {
                    waiting = ready.wait(waiting).unwrap_or_else(PoisonError::into_inner);
                    continue;
                };
                // A newer job arriving within the pause replaces this one.
                let (guard, pause) = ready
                    .wait_timeout(waiting, DERIVED_PAUSE)
                    .unwrap_or_else(PoisonError::into_inner);
                waiting = guard;
                if !pause.timed_out() || waiting.is_some() {
                    if waiting.is_none() {
                        *waiting = Some(job);
                    }
                    continue;
                }
                drop(waiting);
                // An error here is a write error in the served folder; the next update retries.
                let _ = match &pool {
                    Some(pool) => pool.install(|| job.run()),
                    None => job.run(),
                };
                waiting = slot.lock().unwrap_or_else(PoisonError::into_inner);
            }
        });
        DerivedWorker { next }
    }

    fn schedule(&self, job: Derived) {
        let (slot, ready) = &*self.next;
        *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(job);
        ready.notify_one();
    }
}

fn rebuild(
    live: &mut Live,
    paths: &[PathBuf],
    change: Change,
    shared: &Shared,
    report: &(dyn Fn(ServeEvent) + Send + Sync),
    derived: &DerivedWorker,
) {
    match live.update(paths) {
        Ok(updated) if updated.scope == Scope::Nothing => {}
        Ok(updated) => {
            let scope = updated.scope;
            let r = updated.report;
            let had_error = shared
                .error
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take()
                .is_some();
            // After an error the page shows the overlay: reload it whatever changed.
            let message = if change == Change::Styles && !had_error {
                Reload::Styles
            } else {
                Reload::Page
            };
            let _ = shared.reload.send(message);
            report(ServeEvent::Built(r));
            if matches!(scope, Scope::Bodies | Scope::Session | Scope::Sessions) {
                derived.schedule(live.derived());
            }
        }
        Err(e) => {
            let text = match &e {
                crate::BuildError::Content(diags) => diags
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
                other => other.to_string(),
            };
            *shared.error.lock().unwrap_or_else(PoisonError::into_inner) = Some(text.clone());
            let _ = shared.reload.send(Reload::Error(text));
            report(ServeEvent::Failed(e));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_classified_and_output_or_hidden_files_ignored() {
        let site = Path::new("/s");
        let out = Path::new("/tmp/out");
        let c = |paths: &[&str]| {
            classify(
                site,
                out,
                &paths.iter().map(PathBuf::from).collect::<Vec<_>>(),
            )
        };
        assert_eq!(c(&["/s/static/assets/custom.css"]), Some(Change::Styles));
        assert_eq!(
            c(&["/s/static/a.css", "/s/sessions/a.md"]),
            Some(Change::Site)
        );
        assert_eq!(
            c(&[
                "/s/public/index.html",
                "/tmp/out/x.html",
                "/s/.git/index",
                "/s/sessions/.a.md.swp",
                "/s/sessions/a.md~"
            ]),
            None
        );
    }
}
