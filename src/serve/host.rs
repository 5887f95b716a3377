//! Which `Host` names the preview answers to.
//!
//! A page on any web site can point a name of its own at 127.0.0.1 (DNS rebinding) and
//! then read the preview as if it were its own site, drafts included. The browser still
//! sends that name in `Host`, so the preview answers only to loopback names unless
//! `--host` asked for more; anything else gets a 403 that says why.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use axum::extract::Request;
use axum::http::{StatusCode, Version, header};
use axum::middleware::Next;
use axum::response::Response;

use super::router::plain_text;

/// The names answered to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Hosts {
    /// `localhost`, `*.localhost`, `127.x.y.z` and `[::1]` (any port), and the address
    /// listened on when it is not loopback (`--host 192.168.1.20`).
    Loopback {
        /// The address listened on, when it is not loopback.
        also: Option<IpAddr>,
    },
    /// Any name: listening on every address (`--host 0.0.0.0` or `::`), the machine may
    /// be reached by names the preview cannot know.
    Any,
}

impl Hosts {
    /// The names to answer to when listening on `ip`.
    pub(super) fn for_address(ip: IpAddr) -> Hosts {
        if ip.is_unspecified() {
            Hosts::Any
        } else {
            Hosts::Loopback {
                also: (!ip.is_loopback()).then_some(ip),
            }
        }
    }

    /// Whether a request whose `Host` is `host` (a name or address, and maybe a port)
    /// is answered.
    pub(super) fn allows(self, host: &str) -> bool {
        let Hosts::Loopback { also } = self else {
            return true;
        };
        let Some(name) = without_port(host) else {
            return false;
        };
        match name {
            Name::V6(ip) => {
                ip.is_loopback()
                    || ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
                    || also == Some(IpAddr::V6(ip))
            }
            Name::Other(name) => {
                let name = name.to_ascii_lowercase();
                // One trailing dot is the same name, fully qualified.
                let name = name.strip_suffix('.').unwrap_or(&name);
                match name.parse::<Ipv4Addr>() {
                    Ok(ip) => ip.is_loopback() || also == Some(IpAddr::V4(ip)),
                    Err(_) => {
                        name == "localhost"
                            || name
                                .strip_suffix(".localhost")
                                .is_some_and(|sub| !sub.is_empty() && !sub.ends_with('.'))
                    }
                }
            }
        }
    }
}

/// A `Host` value without its port.
enum Name<'a> {
    /// `[v6]`.
    V6(Ipv6Addr),
    /// A name or an IPv4 address.
    Other(&'a str),
}

/// Splits off `:port` (digits, maybe none); `None` when `host` is malformed.
fn without_port(host: &str) -> Option<Name<'_>> {
    let is_port = |p: &str| p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit());
    if let Some(rest) = host.strip_prefix('[') {
        let (ip, after) = rest.split_once(']')?;
        let port_ok = after.is_empty() || after.strip_prefix(':').is_some_and(is_port);
        return port_ok.then(|| ip.parse().ok().map(Name::V6)).flatten();
    }
    let name = match host.split_once(':') {
        Some((name, port)) if is_port(port) => name,
        Some(_) => return None,
        None => host,
    };
    (!name.is_empty()).then_some(Name::Other(name))
}

/// Answers the request only if its host is one of `hosts`.
pub(super) async fn guard(hosts: Hosts, request: Request, next: Next) -> Response {
    let mut named = request.headers().get_all(header::HOST).iter();
    let host = named.next();
    if named.next().is_some() {
        return plain_text(
            StatusCode::BAD_REQUEST,
            "A request may name one Host only.\n",
        );
    }
    // An absolute request target (`GET http://name/ HTTP/1.1`) names the host too.
    let names = (host.map(|h| h.to_str().ok()))
        .into_iter()
        .chain(request.uri().authority().map(|a| Some(a.as_str())));
    let mut any = false;
    for name in names {
        any = true;
        if !name.is_some_and(|n| hosts.allows(n)) {
            return plain_text(StatusCode::FORBIDDEN, REFUSED);
        }
    }
    // HTTP/1.1 requires a Host (RFC 9112, 3.2); HTTP/1.0 clients may leave it out, and
    // browsers, the only way in for another site, always send one.
    if !any && request.version() != Version::HTTP_10 {
        return plain_text(
            StatusCode::BAD_REQUEST,
            "An HTTP/1.1 request must have a Host header.\n",
        );
    }
    next.run(request).await
}

const REFUSED: &str = "This preview answers only to localhost, 127.0.0.1 and [::1]: \
    another name could be a web site reading your preview (DNS rebinding).\n\
    Open it at http://localhost:PORT/ or http://127.0.0.1:PORT/, or start \
    `proceedings serve --host ADDR` to answer to that address too \
    (`--host 0.0.0.0` answers to any name).\n";

#[cfg(test)]
mod tests {
    use super::*;

    const LOOPBACK: Hosts = Hosts::Loopback { also: None };

    #[test]
    fn loopback_names_are_answered_with_or_without_a_port() {
        for host in [
            "localhost",
            "localhost:1111",
            "LocalHost:1111",
            "localhost.:1111",
            "127.0.0.1",
            "127.0.0.1:1111",
            "127.1.2.3:80",
            "[::1]",
            "[::1]:1111",
            "[::ffff:127.0.0.1]:1111",
            "preview.localhost:1111",
            "a.b.localhost",
            "localhost:",
        ] {
            assert!(LOOPBACK.allows(host), "{host}");
        }
    }

    #[test]
    fn other_names_and_malformed_hosts_are_refused() {
        for host in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io:1111",
            "notlocalhost",
            "evillocalhost:1111",
            ".localhost",
            "a..localhost",
            "192.168.1.20:1111",
            "0.0.0.0:1111",
            "[::]:1111",
            "[::2]",
            "::1",
            "[::1",
            "[::1]x",
            "localhost:abc",
            "localhost:1111:1",
            "localhost:123456",
            "127.1",
            "",
            ":1111",
        ] {
            assert!(!LOOPBACK.allows(host), "{host}");
        }
    }

    #[test]
    fn host_adds_its_address_and_every_address_means_any_name() {
        let lan = Hosts::for_address("192.168.1.20".parse().expect("ip"));
        assert!(lan.allows("192.168.1.20:1111") && lan.allows("localhost:1111"));
        assert!(!lan.allows("192.168.1.21:1111") && !lan.allows("evil.example"));
        let v6 = Hosts::for_address("fd00::20".parse().expect("ip"));
        assert!(v6.allows("[fd00::20]:1111") && !v6.allows("[fd00::21]:1111"));
        assert_eq!(
            Hosts::for_address("127.0.0.1".parse().expect("ip")),
            LOOPBACK
        );
        assert_eq!(Hosts::for_address("::1".parse().expect("ip")), LOOPBACK);
        for any in ["0.0.0.0", "::"] {
            let hosts = Hosts::for_address(any.parse().expect("ip"));
            assert_eq!(hosts, Hosts::Any);
            assert!(hosts.allows("evil.example:1111") && hosts.allows("my-laptop.lan"));
        }
    }
}
