//! `proceedings serve --watch` against a real server on a free loopback port:
//! pages, live-reload events, the error overlay, deletions and path escapes.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::SiteTest;

/// A running `proceedings serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    /// Asks the server to stop as `kill` does (SIGTERM) and waits up to 10 s for it.
    /// Returns whether it stopped by itself.
    fn terminate(&mut self) -> bool {
        if let Ok(Some(_)) = self.child.try_wait() {
            return true;
        }
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while sent.as_ref().is_ok_and(|s| s.success()) && Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SIGTERM first, so the server removes its temporary folder.
        if !self.terminate() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

fn start(t: &SiteTest) -> Server {
    start_limited(t, None)
}

/// Starts the server, under a shell's `ulimit` command when `limit` is given.
fn start_limited(t: &SiteTest, limit: Option<&str>) -> Server {
    let bin = assert_cmd::cargo::cargo_bin("proceedings");
    let mut command = match limit {
        Some(ulimit) => {
            let mut c = Command::new("sh");
            c.arg("-c")
                .arg(format!("{ulimit} && exec \"$0\" \"$@\""))
                .arg(bin);
            c
        }
        None => Command::new(bin),
    };
    let mut child = command
        .args(["serve", ".", "--watch", "--port", "0"])
        .current_dir(t.root())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let port = loop {
        let line = lines
            .next()
            .expect("serve printed its address")
            .expect("utf-8");
        if let Some(rest) = line.strip_prefix("serving http://127.0.0.1:") {
            break rest
                .split('/')
                .next()
                .and_then(|p| p.parse().ok())
                .expect("port");
        }
    };
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    Server { child, port }
}

/// A raw GET, so that paths reach the server exactly as written. Returns (status, body).
fn get(port: u16, path: &str) -> (u16, String) {
    let answer = exchange(port, &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1"));
    (
        answer.status,
        String::from_utf8_lossy(&answer.body).into_owned(),
    )
}

/// A response, read whole.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    /// The value of header `name` (the first, if several).
    fn header(&self, name: &str) -> Option<&str> {
        (self.headers.iter())
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `head` (request line and headers, without the blank line) with
/// `Connection: close`, and reads the whole answer.
fn exchange(port: u16, head: &str) -> Answer {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(s, "{head}\r\nConnection: close\r\n\r\n").expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    let split = (raw.windows(4))
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    let text = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = text.split("\r\n");
    let status = (lines.next().and_then(|l| l.split_whitespace().nth(1)))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let body = raw.get(split + 4..).unwrap_or_default().to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

/// The live-reload event stream, read line by line.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(port: u16) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(20)))
            .expect("timeout");
        write!(
            s,
            "GET /__proceedings/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        )
        .expect("send");
        // Until the response head has come, the server may not have read the request:
        // the connection would still count as idle (and be closed to make room).
        let mut reader = BufReader::new(s);
        let mut line = String::new();
        while reader.read_line(&mut line).unwrap_or(0) > 0 && line.trim_end() != "" {
            line.clear();
        }
        Events(reader)
    }

    /// Waits for `event: NAME` and returns the data lines that follow it.
    fn next(&mut self, name: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut line = String::new();
        while Instant::now() < deadline {
            line.clear();
            if self.0.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
            if line.trim_end() == format!("event: {name}") {
                let mut data = String::new();
                loop {
                    line.clear();
                    self.0.read_line(&mut line).expect("data");
                    match line.trim_end().strip_prefix("data: ") {
                        Some(d) => data.push_str(d),
                        None => return data,
                    }
                }
            }
        }
        panic!("no `{name}` event within 20 s");
    }

    /// Waits for an `event: NAME` whose data satisfies `wanted` (an editor's save, or a
    /// test's write, may come as two changes: an empty file, then its text).
    fn next_where(&mut self, name: &str, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let data = self.next(name);
            if wanted(&data) || Instant::now() > deadline {
                return data;
            }
        }
    }
}

/// Waits up to 20 s for `check` to hold: a change may take two rebuilds, so the first
/// event does not say the last one is done.
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !check() {
        assert!(Instant::now() < deadline, "not within 20 s: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_reloads_on_edit_shows_errors_and_forgets_deleted_pages() {
    let t = SiteTest::new("cross/basic");
    let server = start(&t);
    let port = server.port;
    let (status, page) = get(port, "/sessions/opening/");
    assert_eq!(status, 200);
    assert!(page.contains("Opening plenary") && page.contains("/__proceedings/livereload.js"));
    assert!(
        get(port, "/__proceedings/livereload.js")
            .1
            .contains("EventSource")
    );

    let mut events = Events::open(port);
    t.write(
        "sessions/forum-2024/opening.md",
        &std::fs::read_to_string(t.root().join("sessions/forum-2024/opening.md"))
            .expect("read")
            .replace("Opening plenary", "Grand opening"),
    );
    events.next("reload");
    eventually("the edit is served", || {
        get(port, "/sessions/opening/").1.contains("Grand opening")
    });

    t.write("static/extra.css", "body { color: teal }");
    events.next("css");
    eventually("the stylesheet is served", || {
        get(port, "/extra.css").1.contains("teal")
    });

    t.write(
        "sessions/broken.md",
        "---\ntitle: Broken\nsdgs: [99]\n---\n",
    );
    let wanted = "sessions/broken.md:3:8: error: \"99\" is not a Sustainable Development Goal";
    let error = events.next_where("build-error", |e| e.contains(wanted));
    assert!(error.contains(wanted), "{error}");
    assert_eq!(
        get(port, "/sessions/opening/").0,
        200,
        "the last good site is still served"
    );
    std::fs::remove_file(t.root().join("sessions/broken.md")).expect("rm");
    events.next("reload");

    assert_eq!(get(port, "/speakers/bo-chen/").0, 200);
    std::fs::remove_file(t.root().join("sessions/forum-2024/health-panel.md")).expect("rm");
    std::fs::remove_file(t.root().join("sessions/forum-2024/opening.md")).expect("rm");
    events.next("reload");
    eventually("a deleted session has no page", || {
        get(port, "/sessions/health-panel/").0 == 404
    });
    eventually("a speaker no session mentions any more has no page", || {
        get(port, "/speakers/bo-chen/").0 == 404
    });
    let (_, body) = get(port, "/speakers/bo-chen/");
    assert!(body.contains("Page not found"), "the site's own 404 page");
}

#[test]
fn no_path_escapes_the_output_folder() {
    let t = SiteTest::new("cross/basic");
    t.write("secret.txt", "TOP SECRET");
    let server = start(&t);
    for path in [
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2Fsecret.txt",
        "/sessions/..%2f..%2f..%2fetc/passwd",
        "/sessions%2f..%2f..%2fsecret.txt",
        "//etc/passwd",
        "/assets/../../secret.txt",
        "/..\\secret.txt",
    ] {
        let (status, body) = get(server.port, path);
        assert_ne!(status, 200, "{path}");
        assert!(
            !body.contains("TOP SECRET") && !body.contains("root:"),
            "{path}"
        );
    }
    let (status, body) = get(server.port, "/sessions/");
    assert_eq!(status, 200);
    assert!(
        !body.contains("Index of"),
        "folders show their index.html, never a listing"
    );
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    let t = SiteTest::new("cross/basic");
    let out = t.run(&["serve", ".", "--port", &port]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("port {port} on 127.0.0.1 is in use")),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn stopping_the_server_removes_its_temporary_folder() {
    let t = SiteTest::new("cross/basic");
    let mut server = start(&t);
    // An open page keeps its live-reload stream open: it must not hold the server up.
    let _events = Events::open(server.port);
    assert_eq!(get(server.port, "/").0, 200);
    let folder = std::env::temp_dir().join(format!("proceedings-serve-{}", server.child.id()));
    assert!(folder.is_dir(), "serves from {}", folder.display());
    assert!(server.terminate(), "stops on SIGTERM within 10 s");
    assert!(!folder.exists(), "{} is removed", folder.display());
}

/// The paths of the fixture site: pages, the 404 page, a stylesheet, a plain file.
const PATHS: [&str; 5] = [
    "/",
    "/sessions/opening/",
    "/no-such-page/",
    "/assets/style.css",
    "/CNAME",
];

#[test]
fn head_answers_the_length_that_get_sends() {
    let t = SiteTest::new("cross/basic");
    let server = start(&t);
    for path in PATHS {
        let get = exchange(
            server.port,
            &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1"),
        );
        let head = exchange(
            server.port,
            &format!("HEAD {path} HTTP/1.1\r\nHost: 127.0.0.1"),
        );
        let length = get.header("content-length").expect("a length");
        assert_eq!(length.parse::<usize>(), Ok(get.body.len()), "{path}");
        assert_eq!(head.header("content-length"), Some(length), "{path}");
        assert_eq!(head.status, get.status, "{path}");
        assert_eq!(head.header("content-type"), get.header("content-type"));
        assert!(head.body.is_empty(), "{path}");
    }
}

#[test]
fn pages_are_sent_whole_and_other_files_by_the_range_asked() {
    let t = SiteTest::new("cross/basic");
    let server = start(&t);
    let ask = |head: &str| exchange(server.port, &format!("{head}\r\nHost: 127.0.0.1"));
    for page in ["/sessions/opening/", "/", "/no-such-page/"] {
        let whole = ask(&format!("GET {page} HTTP/1.1"));
        assert!(String::from_utf8_lossy(&whole.body).contains("/__proceedings/livereload.js"));
        assert_eq!(whole.header("accept-ranges"), Some("none"), "{page}");
        for range in ["bytes=0-99", "bytes=-10", "bytes=100000000-"] {
            let ranged = ask(&format!("GET {page} HTTP/1.1\r\nRange: {range}"));
            assert_eq!(ranged.status, whole.status, "{page} {range}");
            assert_eq!(ranged.body, whole.body, "{page} {range}: the page, whole");
            assert_eq!(ranged.header("content-range"), None, "{page} {range}");
            let length = ranged.header("content-length").map(str::parse::<usize>);
            assert_eq!(length, Some(Ok(whole.body.len())), "{page} {range}");
        }
    }
    for file in ["/assets/style.css", "/assets/search.js"] {
        let whole = ask(&format!("GET {file} HTTP/1.1")).body;
        let n = whole.len();
        assert!(n > 40, "{file}");
        for (range, from, to) in [("10-29", 10, 30), ("-16", n - 16, n), ("30-", 30, n)] {
            let part = ask(&format!("GET {file} HTTP/1.1\r\nRange: bytes={range}"));
            assert_eq!(part.status, 206, "{file} {range}");
            assert_eq!(part.body, whole[from..to], "{file} {range}");
            let expected = format!("bytes {from}-{}/{n}", to - 1);
            assert_eq!(part.header("content-range"), Some(expected.as_str()));
            assert_eq!(
                part.header("content-length"),
                Some((to - from).to_string().as_str())
            );
        }
        let beyond = ask(&format!("GET {file} HTTP/1.1\r\nRange: bytes={n}-"));
        assert_eq!(beyond.status, 416, "{file}: a range past the end");
    }
}

#[test]
fn a_page_gets_the_script_and_keeps_its_bytes() {
    let t = SiteTest::new("cross/basic");
    // A hand-written page of static/ in Latin-1 ("é" is one byte, 0xE9).
    let latin1 = b"<html><body><p>R\xe9sum\xe9</p></body></html>";
    std::fs::write(t.root().join("static/legacy.html"), latin1).expect("write");
    let server = start(&t);
    let page = exchange(server.port, "GET /legacy.html HTTP/1.1\r\nHost: 127.0.0.1");
    let tag = b"<script src=\"/__proceedings/livereload.js\" defer></script>";
    let (before, after) = latin1.split_at(latin1.len() - "</body></html>".len());
    let expected = [before, &tag[..], after].concat();
    assert_eq!(page.body, expected);
}

#[test]
fn only_loopback_host_names_are_answered() {
    let t = SiteTest::new("cross/basic");
    let server = start(&t);
    let port = server.port;
    for host in [
        "127.0.0.1".to_string(),
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        format!("preview.localhost:{port}"),
        "127.0.0.2".to_string(),
    ] {
        let answer = exchange(port, &format!("GET / HTTP/1.1\r\nHost: {host}"));
        assert_eq!(answer.status, 200, "{host}");
    }
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("192.168.1.20:{port}"),
    ] {
        for path in ["/", "/sessions/opening/", "/__proceedings/events", "/CNAME"] {
            let answer = exchange(port, &format!("GET {path} HTTP/1.1\r\nHost: {host}"));
            assert_eq!(answer.status, 403, "{host}{path}");
            let body = String::from_utf8_lossy(&answer.body);
            assert!(body.contains("answers only to localhost"), "{body}");
            assert!(!body.contains("Opening"), "{host}{path}");
            assert_eq!(
                answer.header("content-type"),
                Some("text/plain; charset=utf-8")
            );
        }
    }
    let absolute = exchange(port, "GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1");
    assert_eq!(absolute.status, 403, "the request target names a host too");
    let two = exchange(
        port,
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example",
    );
    assert_eq!(two.status, 400);
    assert_eq!(exchange(port, "GET / HTTP/1.1").status, 400, "no Host");
    assert_eq!(exchange(port, "GET / HTTP/1.0").status, 200, "HTTP/1.0");
}

/// Connects to `port` within 2 s.
fn connect_quickly(port: u16) -> std::io::Result<TcpStream> {
    TcpStream::connect_timeout(
        &std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        Duration::from_secs(2),
    )
}

#[cfg(unix)]
#[test]
fn thousands_of_idle_connections_do_not_stop_the_preview() {
    let t = SiteTest::new("cross/basic");
    // As on a machine whose limit is low and cannot be raised (the hard limit too):
    // 256 descriptors, so at most 128 connections at once.
    let server = start_limited(&t, Some("ulimit -n 256"));
    let port = server.port;
    let mut events = Events::open(port);
    let own = proceedings::serve::raise_open_file_limit().unwrap_or(u64::MAX);
    let wanted = usize::try_from(own.saturating_sub(64)).unwrap_or(usize::MAX);
    let n = wanted.min(3000);
    assert!(n > 256, "this test needs 320 open files or more, not {own}");
    let flood = Instant::now();
    let mut idle = Vec::new();
    while idle.len() < n {
        match connect_quickly(port) {
            Ok(s) => idle.push(s),
            // The server no longer takes connections: the GET below tells.
            Err(_) => break,
        }
    }
    let connected = idle.len();
    let asked = Instant::now();
    let answer = connect_quickly(port).and_then(|mut s| {
        s.set_read_timeout(Some(Duration::from_secs(5)))?;
        write!(
            s,
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )?;
        let mut raw = Vec::new();
        s.read_to_end(&mut raw)?;
        Ok(String::from_utf8_lossy(&raw).into_owned())
    });
    let waited = asked.elapsed();
    eprintln!(
        "{connected} of {n} idle connections open in {:?}; GET answered in {waited:?}: {}",
        asked - flood,
        answer.as_ref().map_or_else(ToString::to_string, |a| a
            .lines()
            .next()
            .unwrap_or("")
            .to_string())
    );
    let answer = answer.expect("the preview answers");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert_eq!(connected, n, "every connection was taken");
    // Answered before any idle connection could have timed out (10 s): room was made.
    assert!(
        flood.elapsed() < Duration::from_secs(10),
        "{:?}",
        flood.elapsed()
    );
    let mut first = idle.swap_remove(0);
    first
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    let mut buf = [0; 16];
    assert_eq!(first.read(&mut buf).ok(), Some(0), "idle ones were closed");
    // The open page's live-reload stream was busy, not idle: it still works.
    t.write("static/extra.css", "body { color: teal }");
    events.next("css");
}

#[cfg(target_os = "linux")]
#[test]
fn the_server_raises_its_own_open_file_limit() {
    let t = SiteTest::new("cross/basic");
    let server = start_limited(&t, Some("ulimit -Sn 200"));
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", server.child.id()))
        .expect("/proc/PID/limits");
    let line = (limits.lines())
        .find(|l| l.starts_with("Max open files"))
        .expect("a line for open files");
    let fields: Vec<&str> = line.split_whitespace().collect();
    let soft: u64 = fields[3].parse().expect("a soft limit");
    let hard = fields[4].parse::<u64>().unwrap_or(u64::MAX);
    assert_eq!(soft, hard.min(8192), "{line}");
}
