//! `proceedings serve`: the same build as `build`, into a private folder, served
//! over HTTP on loopback, rebuilt when files change, with live reload.
//!
//! 1. raise the open-file limit, bind the address (so the base URL knows its port),
//!    build into a temporary folder;
//! 2. serve it (`router`): the files with tower-http's `ServeDir`, the site's own 404
//!    page, and a live-reload script added to HTML pages (never to `build` output), to
//!    requests that name a loopback host (`host`), over connections that are capped in
//!    number and closed when idle (`http`);
//! 3. with `--watch`, update the site on changes (`watch`, [`crate::live`]) and tell
//!    open pages over SSE: reload, swap stylesheets, or show the build error until it
//!    is fixed.

mod host;
mod http;
mod router;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use tokio::sync::broadcast;

use crate::{BuildError, BuildOptions, BuildReport};
pub use http::raise_open_file_limit;

/// What to serve and how.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The build (site folder, drafts, …). Its output folder and base URL are the server's own.
    pub build: BuildOptions,
    /// Address to bind; loopback unless the user asks otherwise.
    pub host: IpAddr,
    /// Port; `None` tries 1111 and the next ones until one is free.
    pub port: Option<u16>,
    /// Rebuild when files change.
    pub watch: bool,
}

/// What the server reports to its caller (the binary prints it).
#[derive(Debug)]
pub enum ServeEvent {
    /// The server is listening at this URL.
    Listening(String),
    /// A build (first or re-) succeeded.
    Built(BuildReport),
    /// A build failed; the last good site is still served.
    Failed(BuildError),
    /// An update panicked (a bug, with its message); the last good site is still
    /// served, and the next change rebuilds everything.
    Panicked(String),
    /// Files changed and a rebuild starts.
    Changed(Vec<PathBuf>),
}

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The asked-for port is taken.
    #[error("port {port} on {host} is in use: pass another --port, or stop the program using it")]
    PortInUse {
        /// The address.
        host: IpAddr,
        /// The port.
        port: u16,
    },
    /// No free port in the automatic range.
    #[error("no free port between {0} and {1} on loopback: pass --port")]
    NoFreePort(u16, u16),
    /// The first build failed: there is nothing to serve yet.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// Binding, serving or watching failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Messages to open pages.
#[derive(Clone, Debug)]
enum Reload {
    Page,
    Styles,
    Error(String),
}

/// State shared by the HTTP handlers and the rebuild thread.
struct Shared {
    reload: broadcast::Sender<Reload>,
    /// The current build error, shown to pages that connect while it lasts.
    error: Mutex<Option<String>>,
}

const FIRST_PORT: u16 = 1111;
const LAST_PORT: u16 = 1211;

/// Builds, serves and (with `watch`) rebuilds until the process is interrupted.
pub fn serve(
    options: ServeOptions,
    report: impl Fn(ServeEvent) + Send + Sync + 'static,
) -> Result<(), ServeError> {
    let limits = http::Limits::for_open_files(raise_open_file_limit());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(options, limits, Arc::new(report)))
}

async fn run(
    options: ServeOptions,
    limits: http::Limits,
    report: Arc<dyn Fn(ServeEvent) + Send + Sync>,
) -> Result<(), ServeError> {
    let listener = bind(options.host, options.port)?;
    let addr = listener.local_addr()?;
    let url = format!("http://{}/", display_addr(addr));
    let work = std::env::temp_dir().join(format!("proceedings-serve-{}", std::process::id()));
    let out = work.join("site");
    let build = BuildOptions {
        out: Some(out.clone()),
        base_url: Some(url.clone()),
        ..options.build.clone()
    };
    let (live, first) = crate::live::Live::open(&build)?;
    let closer = live.closer();
    report(ServeEvent::Built(first));

    let (reload, _) = broadcast::channel(16);
    let shared = Arc::new(Shared {
        reload,
        error: Mutex::new(None),
    });
    let _watcher = if options.watch {
        Some(watch::start(&build, live, shared.clone(), report.clone())?)
    } else {
        None
    };
    let app = router::router(&out, shared, host::Hosts::for_address(options.host));
    report(ServeEvent::Listening(url));
    // Open pages keep their live-reload streams open: stop without waiting for them.
    tokio::select! {
        () = http::serve(listener, app, limits) => {}
        () = stop_requested() => {}
    }
    // The site first, so that a rebuild still under way cannot write it back; then the
    // rest of the folder, which is ours and temporary (best effort).
    closer.close();
    let _ = std::fs::remove_dir_all(&work);
    Ok(())
}

/// Ctrl-C, or (on Unix) the SIGTERM that `kill`, editors' stop buttons and process
/// managers send: either way the temporary folder (a gigabyte for a large site) is removed.
async fn stop_requested() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

fn display_addr(addr: SocketAddr) -> String {
    match addr.ip() {
        IpAddr::V6(ip) => format!("[{ip}]:{}", addr.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", addr.port()),
    }
}

fn bind(host: IpAddr, port: Option<u16>) -> Result<tokio::net::TcpListener, ServeError> {
    match port {
        Some(port) => http::listen(SocketAddr::new(host, port)).map_err(|e| match e.kind() {
            std::io::ErrorKind::AddrInUse => ServeError::PortInUse { host, port },
            _ => ServeError::Io(e),
        }),
        None => {
            for port in FIRST_PORT..=LAST_PORT {
                match http::listen(SocketAddr::new(host, port)) {
                    Ok(l) => return Ok(l),
                    Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {}
                    Err(e) => return Err(ServeError::Io(e)),
                }
            }
            Err(ServeError::NoFreePort(FIRST_PORT, LAST_PORT))
        }
    }
}
