//! What the preview answers: the output folder (tower-http's `ServeDir`: MIME types,
//! `index.html` for folders, no listings, no path escapes), the site's own 404 page,
//! the live-reload script and its event stream, each behind the `Host` check.
//!
//! HTML pages get the live-reload script, so they are not the files on disk: they are
//! answered whole (no byte ranges, `Accept-Ranges: none`), with the length of what is
//! sent, and `HEAD` gives the same length as `GET`. Other files keep `ServeDir`'s
//! ranges and lengths.

use std::convert::Infallible;
use std::path::Path;
use std::sync::{Arc, PoisonError};

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_status::SetStatus;

use super::host::{self, Hosts};
use super::{Reload, Shared};

const SCRIPT_PATH: &str = "/__proceedings/livereload.js";
const EVENTS_PATH: &str = "/__proceedings/events";
const SCRIPT: &str = include_str!("livereload.js");

/// The output folder, with the site's 404 page for what it lacks.
type Files = ServeDir<SetStatus<ServeFile>>;

/// Everything the preview answers, for requests naming one of `hosts`.
pub(super) fn router(out: &Path, shared: Arc<Shared>, hosts: Hosts) -> Router {
    // ServeDir resolves paths safely ("..", encoded dots and slashes, absolute paths)
    // and never lists folders; the site's 404 page answers everything else.
    let files: Files = ServeDir::new(out)
        .append_index_html_on_directories(true)
        .not_found_service(ServeFile::new(out.join("404.html")));
    Router::new()
        .route(
            SCRIPT_PATH,
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    SCRIPT,
                )
            }),
        )
        .route(EVENTS_PATH, get(move || events(shared.clone())))
        .fallback(move |request: Request| serve_file(files.clone(), request))
        .layer(axum::middleware::from_fn(move |request, next| {
            host::guard(hosts, request, next)
        }))
}

/// Server-sent events to open pages: the current error first, then every rebuild.
async fn events(
    shared: Arc<Shared>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let current = shared
        .error
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    let first = tokio_stream::iter(current.map(Reload::Error));
    let updates = BroadcastStream::new(shared.reload.subscribe()).filter_map(Result::ok);
    let stream = first.chain(updates).map(|r| {
        Ok(match r {
            Reload::Page => Event::default().event("reload").data("reload"),
            Reload::Styles => Event::default().event("css").data("css"),
            Reload::Error(text) => Event::default().event("build-error").data(text),
        })
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// A file of the output folder; an HTML page whole, with the live-reload script.
async fn serve_file(mut files: Files, request: Request) -> Response {
    let head = request.method() == Method::HEAD;
    // Only the head matters to files (and a body is not `Sync`: keep none across awaits).
    let (parts, _) = request.into_parts();
    // HEAD is answered as GET without the body, so that the length is the same: for a
    // page, only the body with the script says what it is.
    let ask = |range: bool| {
        let mut ask = Request::new(Body::empty());
        if !head {
            *ask.method_mut() = parts.method.clone();
        }
        *ask.uri_mut() = parts.uri.clone();
        *ask.headers_mut() = parts.headers.clone();
        if !range {
            ask.headers_mut().remove(header::RANGE);
            ask.headers_mut().remove(header::IF_RANGE);
        }
        ask
    };
    // A page is sent whole: its ranges on disk are not ranges of what is sent.
    let Ok(whole) = files.try_call(ask(false)).await else {
        return unreadable();
    };
    let response = if !is_html(&whole) && parts.headers.contains_key(header::RANGE) {
        drop(whole);
        match files.try_call(ask(true)).await {
            Ok(part) => part,
            Err(_) => return unreadable(),
        }
    } else {
        whole
    };
    let response = response.map(Body::new);
    let response = if is_html(&response) {
        with_script(response).await
    } else {
        response
    };
    if head {
        let (parts, _) = response.into_parts();
        return Response::from_parts(parts, Body::empty());
    }
    response
}

fn is_html<B>(response: &Response<B>) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// Adds the live-reload script to a whole HTML page.
async fn with_script(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return unreadable();
    };
    // Bytes, not text: a page of `static/` in another encoding is sent as it is.
    let tag = format!("<script src=\"{SCRIPT_PATH}\" defer></script>");
    let at = (bytes.windows(7))
        .rposition(|w| w == b"</body>")
        .unwrap_or(bytes.len());
    let mut injected = Vec::with_capacity(bytes.len() + tag.len());
    injected.extend_from_slice(&bytes[..at]);
    injected.extend_from_slice(tag.as_bytes());
    injected.extend_from_slice(&bytes[at..]);
    let headers = &mut parts.headers;
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(injected.len()));
    headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("none"));
    // A page with the script must not come from a cache that predates it.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Response::from_parts(parts, Body::from(injected))
}

/// The file could not be read (it went while a rebuild replaced it, say).
fn unreadable() -> Response {
    plain_text(
        StatusCode::INTERNAL_SERVER_ERROR,
        "The file could not be read; reload the page.\n",
    )
}

/// A short answer for people, not pages.
pub(super) fn plain_text(status: StatusCode, text: &'static str) -> Response {
    let mut response = Response::new(Body::from(text));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}
