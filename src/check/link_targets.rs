//! URL resolution for the link checker: which links are internal, and the
//! output file each one names, relative to the base URL's path.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The site's base URL, split for comparisons.
pub(super) struct Site {
    /// Lower-cased host (with a non-default port), if the base URL named one.
    host: Option<String>,
    /// Raw base path, always starting and ending with `/`, e.g. "/repo/".
    base_path: String,
    /// Percent-decoded segments of the base path, e.g. ["repo"].
    base_segs: Vec<String>,
}

/// Where a link leads.
pub(super) enum Outcome<'u> {
    /// Not part of this site: not checked, not counted.
    External,
    /// Internal but outside the base path or above the site root.
    Outside,
    /// Internal, but no such file.
    Missing,
    /// Internal and present: the file's key and the fragment, if any.
    Found {
        key: String,
        fragment: Option<&'u str>,
    },
}

impl Site {
    pub(super) fn parse(site_url: &str) -> Self {
        let url = site_url.trim();
        let (host, path) = if let Some(i) = url.find("://") {
            let (host, path) = split_authority(&url[i + 3..]);
            (Some(host), path)
        } else if let Some(rest) = url.strip_prefix("//") {
            let (host, path) = split_authority(rest);
            (Some(host), path)
        } else if url.starts_with('/') || url.is_empty() {
            (None, url)
        } else {
            let (host, path) = split_authority(url);
            (Some(host), path)
        };
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let raw_segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let base_path = if raw_segs.is_empty() {
            "/".to_owned()
        } else {
            format!("/{}/", raw_segs.join("/"))
        };
        Site {
            host: host.map(normalize_host).filter(|h| !h.is_empty()),
            base_path,
            base_segs: raw_segs
                .iter()
                .map(|s| percent_decode(s).into_owned())
                .collect(),
        }
    }

    /// If `net` (a URL after its `//`) points into this site, its path.
    pub(super) fn site_path<'u>(&self, net: &'u str) -> Option<&'u str> {
        let (host, path) = split_authority(net);
        if self.host.as_deref() != Some(normalize_host(host).as_str()) {
            return None;
        }
        // "https://host/repo" is the site root too: only the trailing slash differs.
        let under_base = path.starts_with(&self.base_path)
            || (path.len() + 1 == self.base_path.len() && self.base_path.starts_with(path));
        under_base.then_some(path)
    }

    /// Resolves `url` (entity-decoded and trimmed) found on the page `page_key`,
    /// whose folder segments are `page_dir`.
    pub(super) fn resolve<'u>(
        &self,
        index: &FileIndex,
        page_dir: &[&str],
        page_key: &str,
        url: &'u str,
    ) -> Outcome<'u> {
        let (before_fragment, fragment) = match url.split_once('#') {
            Some((before, fragment)) => (before, Some(fragment)),
            None => (url, None),
        };
        let path = before_fragment.split('?').next().unwrap_or_default();

        // `stack` holds the folder segments, from the host root, that `rel` starts from.
        let (mut stack, rel): (Vec<Cow<'_, str>>, &str) = if let Some(net) = path.strip_prefix("//")
        {
            match self.site_path(net) {
                Some(p) => (Vec::new(), p.get(1..).unwrap_or_default()),
                None => return Outcome::External,
            }
        } else if let Some(scheme) = url_scheme(path) {
            let is_web =
                scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
            let net = path[scheme.len() + 1..].strip_prefix("//");
            match net.filter(|_| is_web).and_then(|net| self.site_path(net)) {
                Some(p) => (Vec::new(), p.get(1..).unwrap_or_default()),
                None => return Outcome::External,
            }
        } else if path.starts_with(['/', '\\']) {
            (Vec::new(), &path[1..])
        } else if path.is_empty() {
            // "", "?q" and "#frag" all refer to the page itself.
            return Outcome::Found {
                key: page_key.to_owned(),
                fragment,
            };
        } else {
            let start = self
                .base_segs
                .iter()
                .map(|s| Cow::Borrowed(s.as_str()))
                .chain(page_dir.iter().map(|s| Cow::Borrowed(*s)))
                .collect();
            (start, path)
        };

        let base_len = self.base_segs.len();
        // Only the last segment decides: "a/" and "a/." name a folder, "a" may be a file.
        let mut is_dir = false;
        for part in rel.split(['/', '\\']) {
            let seg = percent_decode(part);
            match seg.as_ref() {
                "" | "." => is_dir = true,
                ".." => {
                    // Stepping out of the base path is an error even if a later
                    // segment comes back: the link would break if the base moved.
                    if stack.len() <= base_len {
                        return Outcome::Outside;
                    }
                    stack.pop();
                    is_dir = true;
                }
                // An encoded slash cannot be part of a file name on disk.
                s if s.contains('/') => return Outcome::Missing,
                _ => {
                    stack.push(seg);
                    is_dir = false;
                }
            }
        }

        let in_base = stack.len() >= base_len
            && stack
                .iter()
                .zip(&self.base_segs)
                .all(|(seg, base)| seg.as_ref() == base);
        if !in_base {
            return Outcome::Outside;
        }
        let key = stack[base_len..].join("/");
        let found = if is_dir || key.is_empty() {
            index.dir_index(&key)
        } else if index.files.contains(&key) {
            Some(key)
        } else if index.dirs.contains(&key) {
            // Servers redirect "/a" to "/a/" when "a" is a folder.
            index.dir_index(&key)
        } else {
            None
        };
        match found {
            Some(key) => Outcome::Found { key, fragment },
            None => Outcome::Missing,
        }
    }
}

/// Splits "host:port/path" into the host part and the path ("/" if none).
pub(super) fn split_authority(net: &str) -> (&str, &str) {
    match net.find(['/', '\\', '?', '#']) {
        Some(i) => (&net[..i], &net[i..]),
        None => (net, "/"),
    }
}

/// Lower-cases a host and drops user info and default ports, so that equal
/// hosts compare equal.
pub(super) fn normalize_host(host: &str) -> String {
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host
        .strip_suffix(":443")
        .or_else(|| host.strip_suffix(":80"))
        .unwrap_or(host);
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// The scheme of an absolute URL ("mailto" in "mailto:x"), per the URL spec's grammar.
pub(super) fn url_scheme(url: &str) -> Option<&str> {
    let bytes = url.as_bytes();
    if !bytes.first()?.is_ascii_alphabetic() {
        return None;
    }
    for (i, &c) in bytes.iter().enumerate().skip(1) {
        if c == b':' {
            return Some(&url[..i]);
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')) {
            return None;
        }
    }
    None
}

/// Decodes `%XX` escapes; invalid UTF-8 in the result becomes U+FFFD.
pub(super) fn percent_decode(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    let hex = |c: Option<&u8>| c.and_then(|c| (*c as char).to_digit(16));
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let (Some(high), Some(low)) = (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                // Two hex digits always fit a byte.
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

/// Every file and folder of the output, keyed by `/`-separated relative path.
///
/// Looking links up here instead of on disk avoids a syscall per link and is
/// case-sensitive like the web servers the site is deployed to.
pub(super) struct FileIndex {
    pub(super) files: HashSet<String>,
    pub(super) dirs: HashSet<String>,
    pub(super) pages: Vec<Page>,
}

impl FileIndex {
    pub(super) fn build(root: &Path) -> io::Result<Self> {
        let mut index = FileIndex {
            files: HashSet::new(),
            dirs: HashSet::new(),
            pages: Vec::new(),
        };
        let mut todo = vec![(PathBuf::new(), String::new())];
        while let Some((rel, key)) = todo.pop() {
            for entry in fs::read_dir(root.join(&rel))? {
                let entry = entry?;
                let name = entry.file_name();
                let child_rel = rel.join(&name);
                let name = name.to_string_lossy();
                let child_key = if key.is_empty() {
                    name.into_owned()
                } else {
                    format!("{key}/{name}")
                };
                let file_type = entry.file_type()?;
                let (is_dir, is_file, descend) = if file_type.is_symlink() {
                    // Follow a symlink to see what it names, but never walk into a
                    // linked folder: it could loop. A dangling link is ignored.
                    match fs::metadata(entry.path()) {
                        Ok(meta) => (meta.is_dir(), meta.is_file(), false),
                        Err(_) => (false, false, false),
                    }
                } else {
                    (file_type.is_dir(), file_type.is_file(), file_type.is_dir())
                };
                if is_dir {
                    index.dirs.insert(child_key.clone());
                    if descend {
                        todo.push((child_rel, child_key));
                    }
                } else if is_file {
                    if is_html(&child_key) {
                        index.pages.push(Page {
                            rel: child_rel,
                            key: child_key.clone(),
                        });
                    }
                    index.files.insert(child_key);
                }
            }
        }
        Ok(index)
    }

    /// The `index.html` of folder `dir` ("" is the site root), if it exists.
    pub(super) fn dir_index(&self, dir: &str) -> Option<String> {
        let candidate = if dir.is_empty() {
            "index.html".to_owned()
        } else {
            format!("{dir}/index.html")
        };
        self.files.contains(&candidate).then_some(candidate)
    }
}

pub(super) fn is_html(key: &str) -> bool {
    let name = key.rsplit('/').next().unwrap_or(key);
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm"))
}

/// One HTML page of the output.
pub(super) struct Page {
    /// Path relative to the output dir, as reported.
    pub(super) rel: PathBuf,
    /// Same path with `/` separators, the form links resolve to.
    pub(super) key: String,
}
