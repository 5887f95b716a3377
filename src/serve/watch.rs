//! Watching the site folder: debounced file events become rebuilds, and each
//! rebuild becomes a message to open pages (reload, new styles, or an error).

use std::any::Any;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, PoisonError, mpsc};
use std::time::Duration;

use notify_debouncer_full::notify::event::ModifyKind;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::{Reload, ServeEvent, Shared};
use crate::live::{Exports, Live, Scope, Updated};
use crate::{BuildError, BuildOptions};

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
    live: Live,
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
    let mut rebuilder = Rebuilder {
        live,
        shared,
        report,
        derived: DerivedWorker::start(),
        distrusted: false,
        failed: None,
    };
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
            rebuilder.on_change(&paths, change);
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
    next: Arc<(Mutex<Option<Exports>>, Condvar)>,
}

/// How long edits must pause before the search index and data exports are remade.
const DERIVED_PAUSE: Duration = Duration::from_millis(400);

impl DerivedWorker {
    fn start() -> DerivedWorker {
        let next: Arc<(Mutex<Option<Exports>>, Condvar)> = Arc::default();
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
                // An error here is a write error in the served folder, and a panic a bug
                // met on a copy of the site: either way the next update retries.
                let _ = unwound(|| match &pool {
                    Some(pool) => pool.install(|| job.run()),
                    None => job.run(),
                });
                waiting = slot.lock().unwrap_or_else(PoisonError::into_inner);
            }
        });
        DerivedWorker { next }
    }

    fn schedule(&self, job: Exports) {
        let (slot, ready) = &*self.next;
        *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(job);
        ready.notify_one();
    }
}

/// Runs `step`, turning a panic inside it into its message: a bug met in one update
/// must not take the watcher down with it.
pub(super) fn unwound<T>(step: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(AssertUnwindSafe(step)).map_err(|p| panic_message(p.as_ref()))
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    (payload.downcast_ref::<&str>().map(|s| (*s).to_string()))
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_string())
}

/// The updates of a watched site, one after the other on the watcher's thread.
struct Rebuilder {
    live: Live,
    shared: Arc<Shared>,
    report: Arc<dyn Fn(ServeEvent) + Send + Sync>,
    derived: DerivedWorker,
    /// An update panicked: what it left in memory is not trusted, so the next one
    /// rebuilds everything from the files.
    distrusted: bool,
    /// The error of the update under way, once shown: a report that panics on it
    /// (miette on a huge column) must not hide it.
    failed: Option<String>,
}

impl Rebuilder {
    /// Brings the site up to date with `paths`; returns what the update did (`None`
    /// when it failed).
    fn on_change(&mut self, paths: &[PathBuf], change: Change) -> Option<Scope> {
        self.run(change, |live, full, report| {
            report(ServeEvent::Changed(paths.to_vec()));
            if full {
                live.rebuild_all()
            } else {
                live.update(paths)
            }
        })
    }

    /// Runs one update (`full` after a panic) and tells open pages and the caller how it
    /// went, all within [`unwound`]: a panic is shown as a failed build.
    fn run(
        &mut self,
        change: Change,
        update: impl FnOnce(
            &mut Live,
            bool,
            &(dyn Fn(ServeEvent) + Send + Sync),
        ) -> Result<Updated, BuildError>,
    ) -> Option<Scope> {
        let full = self.distrusted;
        self.failed = None;
        let outcome = unwound(|| {
            let result = update(&mut self.live, full, self.report.as_ref());
            self.settle(result, change)
        });
        match outcome {
            Ok(scope) => {
                self.distrusted &= scope.is_none();
                scope
            }
            Err(message) => {
                self.distrusted = true;
                let bug = format!(
                    "proceedings met a bug while updating the site: {message}\n\
                     help: the last good site is still served, and the next change you \
                     save rebuilds the whole site; please report this bug"
                );
                let text = match self.failed.take() {
                    Some(error) => format!("{error}\n{bug}"),
                    None => bug,
                };
                self.show_error(text);
                // The report may be what panicked: it must not stop the watcher either.
                let report = &self.report;
                let _ = unwound(|| report(ServeEvent::Panicked(message)));
                None
            }
        }
    }

    /// Tells pages and the caller how an update went; returns its scope if it worked.
    fn settle(&mut self, result: Result<Updated, BuildError>, change: Change) -> Option<Scope> {
        let updated = match result {
            Ok(updated) => updated,
            Err(e) => {
                let text = match &e {
                    BuildError::Content(diags) => diags
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n"),
                    other => other.to_string(),
                };
                self.show_error(text.clone());
                self.failed = Some(text);
                (self.report)(ServeEvent::Failed(e));
                return None;
            }
        };
        let scope = updated.scope;
        if scope == Scope::Nothing {
            return Some(scope);
        }
        let shared = &self.shared;
        let had_error = (shared.error.lock())
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
        (self.report)(ServeEvent::Built(updated.report));
        if matches!(scope, Scope::Bodies | Scope::Session | Scope::Sessions) {
            self.derived.schedule(self.live.exports());
        }
        Some(scope)
    }

    /// Shows `text` over open pages, and to pages that open until the next good update.
    fn show_error(&self, text: String) {
        *(self.shared.error.lock()).unwrap_or_else(PoisonError::into_inner) = Some(text.clone());
        let _ = self.shared.reload.send(Reload::Error(text));
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

    #[test]
    fn unwound_turns_a_panic_into_its_message() {
        assert_eq!(unwound(|| 7), Ok(7));
        assert_eq!(
            unwound(|| panic!("plain")),
            Err::<(), _>("plain".to_string())
        );
        let n = 3;
        assert_eq!(
            unwound(|| panic!("formatted {n}")),
            Err::<(), _>("formatted 3".to_string())
        );
        let payload = unwound(|| std::panic::panic_any(42_u8));
        assert_eq!(payload, Err::<(), _>("(no message)".to_string()));
    }

    /// A rebuilder of a copy of the `cross/basic` fixture, whose `report` records every
    /// event and panics on `Built` and `Failed` while `explode` is set; with the copy's
    /// opening session.
    struct Fixture {
        rebuilder: Rebuilder,
        shared: Arc<Shared>,
        pages: tokio::sync::broadcast::Receiver<Reload>,
        events: Arc<Mutex<Vec<String>>>,
        explode: Arc<std::sync::atomic::AtomicBool>,
        session: PathBuf,
        _dir: tempfile::TempDir,
    }

    fn fixture() -> Fixture {
        let dir = tempfile::tempdir().expect("tempdir");
        let site = dir.path().join("site");
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cross/basic");
        for entry in walkdir::WalkDir::new(&fixtures) {
            let entry = entry.expect("walk");
            let to = site.join(entry.path().strip_prefix(&fixtures).expect("inside"));
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).expect("mkdir");
            } else {
                std::fs::copy(entry.path(), &to).expect("copy");
            }
        }
        let site = std::fs::canonicalize(site).expect("canonical");
        let build = BuildOptions {
            site: site.clone(),
            out: Some(dir.path().join("out")),
            ..BuildOptions::default()
        };
        let (live, _) = Live::open(&build).expect("the fixture builds");
        let (reload, pages) = tokio::sync::broadcast::channel(16);
        let shared = Arc::new(Shared {
            reload,
            error: Mutex::new(None),
        });
        let events: Arc<Mutex<Vec<String>>> = Arc::default();
        let explode: Arc<std::sync::atomic::AtomicBool> = Arc::default();
        let (seen, armed) = (events.clone(), explode.clone());
        let report = move |e: ServeEvent| {
            let built = matches!(e, ServeEvent::Built(_) | ServeEvent::Failed(_));
            seen.lock().expect("events").push(format!("{e:?}"));
            if built && armed.load(std::sync::atomic::Ordering::SeqCst) {
                panic!("the report broke");
            }
        };
        Fixture {
            rebuilder: Rebuilder {
                live,
                shared: shared.clone(),
                report: Arc::new(report),
                derived: DerivedWorker::start(),
                distrusted: false,
                failed: None,
            },
            shared,
            pages,
            events,
            explode,
            session: site.join("sessions/forum-2024/opening.md"),
            _dir: dir,
        }
    }

    impl Fixture {
        /// Appends `text` to the session's body and updates the site.
        fn edit(&mut self, text: &str) -> Option<Scope> {
            let mut body = std::fs::read_to_string(&self.session).expect("read");
            body.push_str(text);
            std::fs::write(&self.session, body).expect("write");
            let paths = [self.session.clone()];
            self.rebuilder.on_change(&paths, Change::Site)
        }

        fn error_shown(&self) -> Option<String> {
            self.shared.error.lock().expect("error").clone()
        }
    }

    #[test]
    fn a_panicking_update_is_shown_as_an_error_and_the_next_rebuilds_everything() {
        let mut f = fixture();
        assert_eq!(f.edit("\nMore words.\n"), Some(Scope::Bodies));
        while f.pages.try_recv().is_ok() {}
        let scope = f.rebuilder.run(Change::Site, |_, _, _| {
            panic!("index out of bounds: the len is 3 but the index is 7")
        });
        assert_eq!(scope, None);
        let shown = f.error_shown().expect("pages are told");
        assert!(
            shown.contains("index out of bounds: the len is 3"),
            "{shown}"
        );
        assert!(
            matches!(f.pages.try_recv(), Ok(Reload::Error(text)) if text == shown),
            "open pages get the error"
        );
        let events = f.events.lock().expect("events").clone();
        assert!(
            events
                .iter()
                .any(|e| e.starts_with("Panicked(\"index out of bounds")),
            "{events:?}"
        );
        // The watcher goes on: the next change rebuilds everything, then trust is back.
        assert_eq!(f.edit("\nStill more.\n"), Some(Scope::Full));
        assert_eq!(f.error_shown(), None, "the error is gone from pages");
        assert!(matches!(f.pages.try_recv(), Ok(Reload::Page)));
        assert_eq!(f.edit("\nAnd more.\n"), Some(Scope::Bodies));
    }

    #[test]
    fn a_panicking_report_does_not_stop_the_watcher() {
        let mut f = fixture();
        f.explode.store(true, std::sync::atomic::Ordering::SeqCst);
        assert_eq!(f.edit("\nMore words.\n"), None);
        let shown = f.error_shown().expect("pages are told");
        assert!(shown.contains("the report broke"), "{shown}");
        // A report that panics on a build error leaves that error in view.
        let broken = f.session.with_file_name("broken.md");
        std::fs::write(&broken, "---\ntitle: Broken\nsdgs: [99]\n---\n").expect("write");
        assert_eq!(f.rebuilder.on_change(&[broken], Change::Site), None);
        let shown = f.error_shown().expect("pages are told");
        assert!(
            shown.contains("\"99\" is not a Sustainable Development Goal"),
            "{shown}"
        );
        assert!(shown.contains("the report broke"), "{shown}");
        f.explode.store(false, std::sync::atomic::Ordering::SeqCst);
        assert_eq!(
            f.edit("\nStill more.\n"),
            None,
            "the broken file is still there"
        );
        let broken = f.session.with_file_name("broken.md");
        std::fs::remove_file(&broken).expect("rm");
        assert_eq!(
            f.rebuilder.on_change(&[broken], Change::Site),
            Some(Scope::Full)
        );
        assert_eq!(f.error_shown(), None);
    }
}
