//! The preview's connections: one accept loop that keeps idle connections from taking
//! every file descriptor, so the preview always answers.
//!
//! An idle connection costs the server a descriptor and nothing else, so a few thousand
//! of them (a stuck client, a port scanner, a page opening sockets) used to exhaust the
//! process's limit, and the preview stopped answering until they went. Now:
//! 1. at start, the soft limit on open files is raised toward the hard one
//!    ([`raise_open_file_limit`]);
//! 2. at most [`Limits::connections`] connections are open at once (half the descriptors
//!    the process may use; the builds keep the rest). When that many are open, the idle
//!    ones (waiting for a request) are closed to make room: a browser opens a new one when
//!    it needs one. Only when every connection is busy does the next one wait;
//!    live-reload streams of open pages are busy, never idle;
//! 3. a connection must send a request head within [`HEAD_TIMEOUT`] of opening or of its
//!    last response (hyper's header read timeout), or it is closed. A response under
//!    way, such as a live-reload stream, has no deadline.

use std::net::SocketAddr;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpSocket};
use tokio::sync::{Semaphore, watch};

/// How long a connection may take to send a request head, counted from when it opened
/// or from its last response: also how long a kept-alive connection may stay idle.
pub(super) const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// The most connections open at once, where descriptors allow: far more than a few
/// browser tabs need (six connections each, and one live-reload stream).
const MAX_CONNECTIONS: usize = 1024;

/// The soft limit on open files asked for at start: room for [`MAX_CONNECTIONS`] and a
/// build writing in parallel. macOS reports an unlimited hard limit but refuses more
/// than 10 240, so the hard limit alone cannot be the target.
const WANTED_OPEN_FILES: u64 = 8192;

/// Connections the kernel queues before they are accepted: a burst beyond it (the
/// default is 128) is dropped and retried only a second later.
const BACKLOG: u32 = 1024;

/// After an accept error that is not the client's (out of descriptors), wait this long
/// before trying again, rather than spin.
const ACCEPT_RETRY: Duration = Duration::from_millis(50);

/// How many connections may be open and how long they may idle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Limits {
    /// Connections open at once.
    pub(super) connections: usize,
    /// See [`HEAD_TIMEOUT`].
    pub(super) head_timeout: Duration,
}

impl Limits {
    /// The limits for a process that may keep `open_files` descriptors open (`None`:
    /// no limit): half of them for connections, the rest for builds and the watcher.
    pub(super) fn for_open_files(open_files: Option<u64>) -> Limits {
        let half = open_files.map_or(usize::MAX, |n| usize::try_from(n / 2).unwrap_or(usize::MAX));
        Limits {
            connections: MAX_CONNECTIONS.min(half).max(1),
            head_timeout: HEAD_TIMEOUT,
        }
    }
}

/// Raises this process's soft limit on open files toward its hard limit (to 8 192 at
/// most; it never lowers it). Returns the soft limit now in force, `None` for none.
#[cfg(unix)]
pub fn raise_open_file_limit() -> Option<u64> {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    let wanted = limit
        .maximum
        .map_or(WANTED_OPEN_FILES, |hard| hard.min(WANTED_OPEN_FILES));
    if limit.current.is_some_and(|soft| soft < wanted) {
        let raised = Rlimit {
            current: Some(wanted),
            maximum: limit.maximum,
        };
        if setrlimit(Resource::Nofile, raised).is_ok() {
            return Some(wanted);
        }
    }
    limit.current
}

/// Raises this process's soft limit on open files toward its hard limit (to 8 192 at
/// most; it never lowers it). Returns the soft limit now in force, `None` for none.
#[cfg(not(unix))]
pub fn raise_open_file_limit() -> Option<u64> {
    None
}

/// Listens on `addr`, with room for a burst of connections (see [`BACKLOG`]).
pub(super) fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = match addr {
        SocketAddr::V4(_) => TcpSocket::new_v4()?,
        SocketAddr::V6(_) => TcpSocket::new_v6()?,
    };
    // As tokio's own `bind`: a port just left by a stopped preview is free at once.
    #[cfg(not(windows))]
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

/// Serves `app` on `listener` within `limits`, until the future is dropped.
pub(super) async fn serve(listener: TcpListener, app: Router, limits: Limits) {
    let slots = Arc::new(Semaphore::new(limits.connections));
    // Changed to ask every connection to close once idle (at once if idle now).
    let (make_room, _) = watch::channel(0u64);
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.head_timeout);
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) if is_the_clients(&e) => continue,
            Err(_) => {
                // Out of descriptors, most likely: idle connections give theirs back.
                make_room.send_modify(|n| *n = n.wrapping_add(1));
                tokio::time::sleep(ACCEPT_RETRY).await;
                continue;
            }
        };
        // Room is made only for a connection that came, and before it listens: asking
        // ahead would close the newest connection before it could send its request.
        let slot = match slots.clone().try_acquire_owned() {
            Ok(slot) => slot,
            Err(_) => {
                make_room.send_modify(|n| *n = n.wrapping_add(1));
                match slots.clone().acquire_owned().await {
                    Ok(slot) => slot,
                    // The semaphore is never closed.
                    Err(_) => return,
                }
            }
        };
        let service = TowerToHyperService::new(app.clone());
        let builder = builder.clone();
        let mut room_asked = make_room.subscribe();
        tokio::spawn(async move {
            let _slot = slot;
            let mut connection = pin!(builder.serve_connection(TokioIo::new(stream), service));
            tokio::select! {
                _ = connection.as_mut() => return,
                _ = room_asked.changed() => connection.as_mut().graceful_shutdown(),
            }
            // An idle connection has closed; a busy one finishes its response first.
            let _ = connection.await;
        });
    }
}

/// Accept errors that concern one connection only (reset before it was accepted).
fn is_the_clients(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    matches!(
        e.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    )
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::time::Instant;

    use axum::body::Body;
    use axum::routing::get;

    use super::*;

    /// A server with one page (`/`) and one endless response (`/stream`, a chunk every
    /// 50 ms, as a live-reload stream sends keep-alives) in a runtime of its own.
    fn server(limits: Limits) -> (tokio::runtime::Runtime, SocketAddr) {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        let listener = runtime
            .block_on(async { listen(SocketAddr::from(([127, 0, 0, 1], 0))) })
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let app = Router::new().route("/", get(|| async { "ok" })).route(
            "/stream",
            get(|| async {
                let ticks = tokio_stream::StreamExt::map(
                    tokio_stream::wrappers::IntervalStream::new(tokio::time::interval(
                        Duration::from_millis(50),
                    )),
                    |_| Ok::<_, std::convert::Infallible>(": tick\n"),
                );
                Body::from_stream(ticks)
            }),
        );
        runtime.spawn(serve(listener, app, limits));
        (runtime, addr)
    }

    fn connect(addr: SocketAddr) -> TcpStream {
        let s = TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        s
    }

    /// Sends a GET and reads until `want` has come (or the connection closed).
    fn request(s: &mut TcpStream, path: &str, want: &str) -> String {
        write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").expect("send");
        let mut got = Vec::new();
        let mut buf = [0; 4096];
        while !String::from_utf8_lossy(&got).contains(want) {
            match s.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
        String::from_utf8_lossy(&got).into_owned()
    }

    /// Whether the server closed `s` within 5 s (end of file, or reset).
    fn is_closed(s: &mut TcpStream) -> bool {
        let mut buf = [0; 64];
        loop {
            match s.read(&mut buf) {
                Ok(0) => return true,
                Ok(_) => {}
                Err(e) => {
                    return !matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    );
                }
            }
        }
    }

    #[test]
    fn limits_leave_half_the_descriptors_to_builds() {
        assert_eq!(Limits::for_open_files(Some(1024)).connections, 512);
        assert_eq!(Limits::for_open_files(Some(256)).connections, 128);
        assert_eq!(Limits::for_open_files(Some(20_000)).connections, 1024);
        assert_eq!(Limits::for_open_files(None).connections, 1024);
        assert_eq!(Limits::for_open_files(Some(1)).connections, 1);
    }

    #[cfg(unix)]
    #[test]
    fn the_open_file_limit_is_never_lowered() {
        let before = rustix::process::getrlimit(rustix::process::Resource::Nofile);
        let now = raise_open_file_limit();
        let after = rustix::process::getrlimit(rustix::process::Resource::Nofile);
        assert_eq!(now, after.current);
        assert!(now.is_none() || before.current.is_some_and(|b| now >= Some(b)));
        assert_eq!(
            before.maximum, after.maximum,
            "the hard limit is left alone"
        );
    }

    #[test]
    fn at_the_cap_idle_connections_make_room_and_streams_keep_going() {
        let (_runtime, addr) = server(Limits {
            connections: 2,
            head_timeout: Duration::from_secs(30),
        });
        let mut stream = connect(addr);
        assert!(request(&mut stream, "/stream", ": tick").contains("200 OK"));
        let mut idle = connect(addr);
        // Two open, the cap: a third connection is still answered…
        let mut third = connect(addr);
        assert!(request(&mut third, "/", "ok").ends_with("ok"));
        // …because the idle one was closed to make room, and the stream was not.
        assert!(is_closed(&mut idle), "the idle connection was closed");
        let mut buf = [0; 64];
        assert!(stream.read(&mut buf).expect("the stream goes on") > 0);
    }

    #[test]
    fn idle_connections_time_out_but_a_long_response_does_not() {
        let head_timeout = Duration::from_millis(300);
        let (_runtime, addr) = server(Limits {
            connections: 16,
            head_timeout,
        });
        let mut stream = connect(addr);
        assert!(request(&mut stream, "/stream", ": tick").contains("200 OK"));
        let start = Instant::now();
        let mut silent = connect(addr);
        let mut kept_alive = connect(addr);
        assert!(request(&mut kept_alive, "/", "ok").ends_with("ok"));
        assert!(is_closed(&mut silent), "a connection that never asks");
        assert!(is_closed(&mut kept_alive), "an idle kept-alive connection");
        assert!(start.elapsed() >= head_timeout);
        // Well past the deadline, the stream still delivers.
        std::thread::sleep(head_timeout * 2);
        let mut buf = [0; 64];
        assert!(stream.read(&mut buf).expect("the stream goes on") > 0);
    }
}
