//! Real-browser, accessibility and HTML-validity checks (issue #7).
//!
//! Each test builds a site with the real binary under a sub-path base URL,
//! serves the output on 127.0.0.1 under that sub-path (404 → the site's
//! `404.html`, as GitHub Pages does), and hands the address to
//! `tests/browser/run.mjs`, which drives Debian's headless Chromium through
//! Playwright (`playwright-core`, no browser download), injects axe-core into
//! every page type, runs the W3C Nu HTML Checker (`vnu-jar`, on Java) on the
//! same pages and writes screenshots into `target/browser-screenshots/`.
//!
//! Why a Node harness driven from `cargo test` rather than WebDriver from Rust:
//! axe-core and vnu are JavaScript and Java tools anyway, Playwright reports
//! console errors and failed requests as page events, and the Rust dependency
//! tree stays as it is (fantoccini would add a WebDriver client, hyper-tls or
//! rustls, and chromedriver). The versions are pinned in
//! `tests/browser/package-lock.json`.
//!
//! Without Chromium, Node, Java or the npm packages the browser part is
//! skipped with a message; with `CI=true` that is a failure. Building the
//! sites and checking their XML runs either way.

pub(crate) mod corpus;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::Instant;

use quick_xml::Reader;
use quick_xml::events::Event;

/// The sub-path every site is built and served under: links that forget the
/// base path fail to load.
const SUB_PATH: &str = "/sub/path/";

/// One browser at a time: the machines that run this have two cores, and two
/// Chromiums plus two JVMs at once make timings flaky, not faster.
static ONE_BROWSER: Mutex<()> = Mutex::new(());

#[test]
fn bundled_site_passes_browser_flows_axe_and_vnu() {
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("proceedings");
    // Every page through the Nu checker (one JVM, a few seconds); a spread
    // of each type through the browser, where each page costs about a second.
    check_site(
        "bundled",
        &site,
        Sample {
            browser: "4",
            vnu: "all",
            large: false,
            only: None,
        },
    );
}

#[test]
fn generated_thousand_session_site_passes_browser_flows_axe_and_vnu() {
    let dir = tempfile::tempdir().expect("tempdir");
    corpus::write(dir.path(), 1000);
    // A sample per page type: the flows cover the rest, and checking all
    // ~5 000 pages would take many minutes for little news.
    check_site(
        "generated",
        dir.path(),
        Sample {
            browser: "2",
            vnu: "12",
            large: true,
            only: None,
        },
    );
}

/// A site of 600 speakers: its A–Z lists everyone on one page with a name filter, which
/// narrows the list as a name is typed, without layout shift (#20 item 3).
#[test]
fn a_speakers_index_of_600_people_narrows_as_a_name_is_typed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path();
    std::fs::create_dir_all(site.join("sessions")).expect("mkdir");
    std::fs::write(site.join("proceedings.yaml"), "title: Crowd\n").expect("config");
    for k in 0..12 {
        let people: String = (0..50)
            .map(|i| {
                format!(
                    "  - \"Árni{:03} Person{}\"\n",
                    k * 50 + i,
                    (b'a' + (i % 26) as u8) as char
                )
            })
            .collect();
        let text =
            format!("---\ntitle: Crowd {k}\ndate: 2024-01-01\nspeakers:\n{people}---\nBody.\n");
        std::fs::write(site.join(format!("sessions/crowd-{k}.md")), text).expect("session");
    }
    let sample = Sample {
        browser: "1",
        vnu: "1",
        large: false,
        only: Some("speakers A–Z"),
    };
    if let Some((passed, report)) = run_harness("people", site, sample) {
        println!("{report}");
        assert!(passed, "people: browser checks failed (see above)");
        assert!(
            report.contains("no layout shift"),
            "the filter was not tried:\n{report}"
        );
    }
}

#[test]
fn the_browser_checks_fail_on_a_page_with_one_defect_of_each_kind() {
    // The topic template of this fixture has an image without alt text
    // (axe, critical), a <div> inside a <span> (vnu), a script that throws,
    // a missing image and a request outside the sub-path: each must be
    // reported, or the checks above could pass by checking nothing.
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/browser/broken");
    let sample = Sample {
        browser: "1",
        vnu: "1",
        large: false,
        only: Some("topic"),
    };
    let Some((passed, report)) = run_harness("broken", &site, sample) else {
        return;
    };
    println!("{report}");
    assert!(!passed, "the harness passed a broken site:\n{report}");
    for expected in [
        "axe critical (light): image-alt",
        "Element “div” not allowed as child of element “span”",
        "uncaught exception: deliberate failure",
        "HTTP 404 for http://127.0.0.1:",
        "request leaves the site's sub-path",
    ] {
        assert!(
            report.contains(expected),
            "not reported: {expected}\n{report}"
        );
    }
}

#[test]
fn the_programme_and_phone_checks_fail_on_a_split_day_and_a_buried_body() {
    // This fixture's event template shows its first day on every page, as a day
    // split over two pages would be, and its session template puts a screen of
    // content and twenty links before the body.
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/browser/crowded");
    for (only, expected) in [
        ("event", vec!["is split across pages"]),
        (
            "session",
            vec![
                "below the first screen (844 px) at 390 px",
                "tab stops before the body (at most 15)",
            ],
        ),
    ] {
        let sample = Sample {
            browser: "1",
            vnu: "1",
            large: false,
            only: Some(only),
        };
        let Some((passed, report)) = run_harness("crowded", &site, sample) else {
            return;
        };
        println!("{report}");
        assert!(!passed, "the {only} check passed a broken site:\n{report}");
        for e in expected {
            assert!(report.contains(e), "not reported: {e}\n{report}");
        }
    }
}

#[test]
#[should_panic(expected = "feed.xml: not well-formed")]
fn a_malformed_feed_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("feed.xml"),
        "<feed><title>A & B</title></feed>",
    )
    .expect("write");
    xml_files_are_well_formed(dir.path());
}

/// How many pages of each type the harness checks ("all" or a number),
/// whether the page types of large sites (pagination, letter pages) must
/// exist, and optionally the one page type to check (without the flows).
struct Sample {
    browser: &'static str,
    vnu: &'static str,
    large: bool,
    only: Option<&'static str>,
}

/// Builds `site` and runs the harness on it, which must pass.
fn check_site(label: &str, site: &Path, sample: Sample) {
    if let Some((passed, report)) = run_harness(label, site, sample) {
        // Shown with `--nocapture`, and by the test runner when the test fails.
        println!("{report}");
        assert!(passed, "{label}: browser checks failed (see above)");
        assert!(
            report.contains("pages checked"),
            "{label}: the harness reported nothing"
        );
    }
}

/// Builds `site` under the sub-path, checks its XML, then (if the tools are
/// there) runs the browser harness on a sample of its pages and returns
/// whether it passed, with its report.
fn run_harness(label: &str, site: &Path, sample: Sample) -> Option<(bool, String)> {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    let port = listener.local_addr().expect("address").port();
    let url = format!("http://127.0.0.1:{port}{SUB_PATH}");
    let out = tempfile::tempdir().expect("tempdir");
    let build = assert_cmd::Command::cargo_bin("proceedings")
        .expect("binary")
        .arg("build")
        .arg(site)
        .arg("--out")
        .arg(out.path())
        .args(["--base-url", &url])
        .output()
        .expect("build runs");
    assert!(
        build.status.success(),
        "{label}: build failed:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let xml = xml_files_are_well_formed(out.path());
    assert!(
        xml.iter().any(|p| p.ends_with("sitemap.xml"))
            && xml.iter().any(|p| p.ends_with("feed.xml")),
        "{label}: sitemap.xml and feed.xml are written: {xml:?}"
    );

    let tools = Tools::find()?;
    let _one = ONE_BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let _server = serve(listener, out.path());
    let shots = target_dir().join("browser-screenshots").join(label);
    let started = Instant::now();
    let run = Command::new(&tools.node)
        .arg(tools.harness.join("run.mjs"))
        .args(["--url", &url, "--label", label])
        .args(["--sample", sample.browser, "--vnu-sample", sample.vnu])
        .args(["--large", if sample.large { "yes" } else { "no" }])
        .args(sample.only.map(|t| ["--only", t]).into_iter().flatten())
        .arg("--root")
        .arg(out.path())
        .arg("--screenshots")
        .arg(&shots)
        .env("CHROMIUM", &tools.chromium)
        .env("JAVA", &tools.java)
        .output()
        .expect("node runs");
    let report = format!(
        "{label}: {}{}{}{label}: browser harness took {:.1} s",
        String::from_utf8_lossy(&build.stdout),
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr),
        started.elapsed().as_secs_f64()
    );
    Some((run.status.success(), report))
}

/// Parses every `.xml` file of the output to the end and returns their paths;
/// panics, naming the file and position, on the first malformed one.
fn xml_files_are_well_formed(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "xml") {
                let text = std::fs::read_to_string(&path).expect("xml is utf-8");
                let mut reader = Reader::from_str(&text);
                let mut roots = 0;
                let mut depth = 0usize;
                loop {
                    match reader.read_event() {
                        Ok(Event::Start(_)) => {
                            roots += usize::from(depth == 0);
                            depth += 1;
                        }
                        Ok(Event::Empty(_)) => roots += usize::from(depth == 0),
                        Ok(Event::End(_)) => depth -= 1,
                        Ok(Event::Eof) => break,
                        Ok(_) => {}
                        Err(e) => panic!(
                            "{}: not well-formed at byte {}: {e}",
                            path.display(),
                            reader.error_position()
                        ),
                    }
                }
                assert!(
                    roots == 1 && depth == 0,
                    "{}: one root element, all closed",
                    path.display()
                );
                found.push(path);
            }
        }
    }
    found
}

/// What the harness needs, found on this machine.
struct Tools {
    node: PathBuf,
    java: PathBuf,
    chromium: PathBuf,
    harness: PathBuf,
}

impl Tools {
    /// The tools, or `None` after saying why the browser checks are skipped.
    /// With `CI=true` a missing tool fails the test instead: CI installs them
    /// (`.ci/run`), so their absence there is a broken pipeline, not a skip.
    fn find() -> Option<Tools> {
        match Tools::locate() {
            Ok(tools) => Some(tools),
            Err(why) if std::env::var("CI").is_ok_and(|v| v == "true") => {
                panic!("CI=true but the browser tests cannot run: {why}")
            }
            Err(why) => {
                eprintln!("skipping the browser checks: {why}");
                None
            }
        }
    }

    fn locate() -> Result<Tools, String> {
        let chromium =
            PathBuf::from(std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()));
        if !chromium.is_file() {
            return Err(format!(
                "no Chromium at {} (apt-get install chromium, or set CHROMIUM)",
                chromium.display()
            ));
        }
        let node = which("node").ok_or("no `node` on PATH")?;
        // playwright-core 1.65 needs Node 20 or newer.
        let version = Command::new(&node)
            .arg("--version")
            .output()
            .map_err(|e| format!("node --version: {e}"))?;
        let version = String::from_utf8_lossy(&version.stdout).trim().to_string();
        let major: u32 = version
            .trim_start_matches('v')
            .split('.')
            .next()
            .and_then(|m| m.parse().ok())
            .unwrap_or(0);
        if major < 20 {
            return Err(format!("Node {version} is too old for Playwright (20+)"));
        }
        let java = which("java").ok_or("no `java` on PATH (the Nu HTML Checker needs it)")?;
        let harness = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
        if !harness.join("node_modules/playwright-core").is_dir() {
            // `cargo test` alone must run everything, so install the pinned
            // packages on first use; offline, this fails and we skip.
            let npm = which("npm").ok_or("no `npm` on PATH to install tests/browser")?;
            let status = Command::new(npm)
                .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"])
                .current_dir(&harness)
                .status()
                .map_err(|e| format!("npm ci: {e}"))?;
            if !status.success() {
                return Err("`npm ci` in tests/browser failed".into());
            }
        }
        Ok(Tools {
            node,
            java,
            chromium,
            harness,
        })
    }
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    })
}

/// `target/`, found from the test binary (`target/debug/deps/it-…`), so that
/// screenshots land there whatever `CARGO_TARGET_DIR` says.
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    exe.ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// A static server for `root` under [`SUB_PATH`], stopped when dropped.
struct Server {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Serves `root` on `listener` the way a static host serves a project site:
/// files under the sub-path, folders by their `index.html`, and `404.html`
/// with status 404 for anything else. tower-http's `ServeDir` does the path
/// handling (the same one `proceedings serve` uses), not hand-written code.
fn serve(listener: TcpListener, root: &Path) -> Server {
    use tower_http::services::{ServeDir, ServeFile};
    listener.set_nonblocking(true).expect("nonblocking");
    let files = ServeDir::new(root)
        .redirect_path_prefix(SUB_PATH.trim_end_matches('/'))
        .not_found_service(ServeFile::new(root.join("404.html")));
    let app = axum::Router::new().nest_service(SUB_PATH.trim_end_matches('/'), files);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
                .expect("server runs");
        });
    });
    Server {
        stop: Some(stop),
        thread: Some(thread),
    }
}
