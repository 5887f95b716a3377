//! The search index under `/search/`: sessions, speakers and the registry's
//! organizations, full text, with filters,
//! split into small files so one query downloads only what it needs.
//!
//! Why our own index and not Pagefind: Pagefind, used as a library and fed records
//! directly, took 46 s and 1.6 GB on the 10 000-session corpus with the session
//! bodies left out (about 100 KB per record), against a whole build of 4 s and
//! 350 MB. No other crate writes a chunked static index. This one is an inverted
//! index built in one pass, a few tens of megabytes at that size.
//!
//! Layout (all JSON; the format is read only by `assets/search.js`):
//! - `search/index.json`: the manifest: the first term of every term chunk, the
//!   filter groups and their values, the number of documents per doc chunk.
//! - `search/terms/<n>.json`: `{term: "…"}`, the string holding doc, weight, doc,
//!   weight, … (doc ids delta-encoded) in the compact number encoding of `push_number`;
//!   chunks hold ~`TERM_CHUNK_BYTES`, a term never spans two chunks.
//! - `search/docs/<n>.json`: `[[url, title, kind, details, excerpt], …]`, `DOC_CHUNK` per file.
//! - `search/filters/<group>/<n>.json`: the documents of the group's `n`th value (in
//!   the manifest's order) as one encoded string, fetched only when that value is chosen.
//!
//! URLs in the index are site paths without the base path ("sessions/x/"): the
//! script adds the base path it is served under.

mod fold;

use std::collections::BTreeMap;

// FxHash rather than the default SipHash: hashing terms was a tenth of the index's time,
// and the keys are our own text, not attacker-chosen keys of a long-lived server map.
use rustc_hash::FxHashMap as HashMap;
use std::fmt::Write as _;

use rayon::prelude::*;
use serde::Serialize;

pub use fold::{term_list, terms};

use super::markdown::plain_text;
use super::views::{Views, human_date};
use crate::error::BuildError;
use crate::model::{PersonId, Session};
use crate::write::Sink;

/// Target size of a term chunk, in bytes of JSON.
const TERM_CHUNK_BYTES: usize = 32 * 1024;
/// Documents per doc chunk: a page of ten results fetches at most ten small files.
const DOC_CHUNK: usize = 16;
/// Characters of text shown under a result.
const EXCERPT_CHARS: usize = 180;

/// Weights of where a term occurs: a name or title outranks a word of the body.
const TITLE: u32 = 12;
const NAME: u32 = 8;
const FACT: u32 = 3;
const BODY: u32 = 1;
/// A term's weight in one document is capped so one long body cannot drown the ranking.
const MAX_WEIGHT: u32 = 255;

/// The filter groups, in the order the search page shows them: (file name, label).
pub const FILTER_GROUPS: [(&str, &str); 6] = [
    ("kind", "Kind"),
    ("event", "Event"),
    ("type", "Session type"),
    ("sdg", "SDG"),
    ("action-line", "Action line"),
    ("country", "Country"),
];

/// One document: what a result shows, its weighted terms and its filter values.
struct Doc {
    url: String,
    title: String,
    kind: &'static str,
    details: String,
    excerpt: String,
    terms: HashMap<String, u32>,
    /// (group index in [`FILTER_GROUPS`], value).
    filters: Vec<(usize, String)>,
}

impl Doc {
    fn new(url: String, title: &str, kind: &'static str) -> Doc {
        let mut doc = Doc {
            url,
            title: title.to_string(),
            kind,
            details: String::new(),
            excerpt: String::new(),
            terms: HashMap::default(),
            filters: vec![(0, kind.to_string())],
        };
        doc.add(title, TITLE);
        doc
    }

    fn add(&mut self, text: &str, weight: u32) {
        terms(text, |t| {
            // Most occurrences repeat a term already seen: look up before allocating.
            if let Some(w) = self.terms.get_mut(t) {
                *w = (*w + weight).min(MAX_WEIGHT);
            } else {
                self.terms.insert(t.to_string(), weight.min(MAX_WEIGHT));
            }
        });
    }

    fn filter(&mut self, group: &str, value: String) {
        let g = FILTER_GROUPS
            .iter()
            .position(|(name, _)| *name == group)
            .unwrap_or(0);
        if !self.filters.contains(&(g, value.clone())) {
            self.filters.push((g, value));
        }
    }
}

/// The manifest, `search/index.json`.
#[derive(Serialize)]
struct Manifest {
    version: u32,
    documents: usize,
    doc_chunk: usize,
    /// First term of each term chunk, in order: chunk `n` holds terms from `term_chunks[n]`.
    term_chunks: Vec<String>,
    filters: Vec<FilterGroup>,
}

#[derive(Serialize)]
struct FilterGroup {
    id: &'static str,
    label: &'static str,
    /// Values with their number of documents, in display order.
    values: Vec<(String, usize)>,
}

/// Documents whose terms are gathered in parallel before they join the postings:
/// bounds the memory of per-document term maps on large sites.
const BATCH: usize = 128;

/// Builds every file of the search index into `sink`; returns the number of documents.
pub(crate) fn index(views: &Views<'_>, sink: &dyn Sink) -> Result<usize, BuildError> {
    let site = views.site;
    let speakers = &views.index.speakers_az;
    let people_end = site.sessions.len() + speakers.len();
    let total = people_end + site.organizations.len();
    let make = |i: usize| {
        if i < site.sessions.len() {
            session_doc(views, &site.sessions[i])
        } else if i < people_end {
            speaker_doc(views, speakers[i - site.sessions.len()])
        } else {
            organization_doc(views, crate::model::OrgId::from_index(i - people_end))
        }
    };
    // Postings: term -> doc << 8 | weight, docs in increasing order. Packed in a u32
    // because the postings are most of the index's memory (millions on large sites).
    let mut postings: HashMap<Box<str>, Vec<u32>> = HashMap::default();
    let mut docs: Vec<Doc> = Vec::with_capacity(total);
    for start in (0..total).step_by(BATCH) {
        let batch: Vec<Doc> = (start..(start + BATCH).min(total))
            .into_par_iter()
            .map(make)
            .collect();
        for mut doc in batch {
            let id = u32::try_from(docs.len()).unwrap_or(u32::MAX);
            for (term, weight) in std::mem::take(&mut doc.terms) {
                let packed = id << 8 | weight.min(MAX_WEIGHT);
                match postings.get_mut(term.as_str()) {
                    Some(list) => list.push(packed),
                    None => {
                        postings.insert(term.into_boxed_str(), vec![packed]);
                    }
                }
            }
            docs.push(doc);
        }
    }
    let mut postings: Vec<(Box<str>, Vec<u32>)> = postings.into_iter().collect();
    postings.sort_unstable_by(|a, b| a.0.cmp(&b.0));

    // Chunks are written as they fill, and each posting list is freed once encoded.
    let mut chunks = TermChunks::default();
    for (term, list) in postings {
        let mut entry = String::with_capacity(list.len() * 3 + term.len() + 8);
        let _ = write!(entry, "{}:\"", serde_json::Value::from(&*term));
        let mut previous = 0;
        for packed in &list {
            let (doc, weight) = (packed >> 8, packed & 0xff);
            push_number(&mut entry, doc - previous);
            push_number(&mut entry, weight);
            previous = doc;
        }
        entry.push('"');
        chunks.add(&term, &entry, sink)?;
    }
    let term_chunks = chunks.finish(sink)?;

    for (n, group) in docs.chunks(DOC_CHUNK).enumerate() {
        let rows: Vec<[&str; 5]> = group
            .iter()
            .map(|d| [d.url.as_str(), &d.title, d.kind, &d.details, &d.excerpt])
            .collect();
        sink.put(
            &crate::routes::search_docs(n),
            &serde_json::to_vec(&rows).unwrap_or_default(),
        )?;
    }

    let mut groups: Vec<BTreeMap<&str, Vec<u32>>> = vec![BTreeMap::new(); FILTER_GROUPS.len()];
    for (id, doc) in docs.iter().enumerate() {
        let id = u32::try_from(id).unwrap_or(u32::MAX);
        for (g, value) in &doc.filters {
            groups[*g].entry(value.as_str()).or_default().push(id);
        }
    }
    let mut filters = Vec::new();
    for ((id, label), values) in FILTER_GROUPS.iter().zip(&groups) {
        let mut listed: Vec<(&str, &Vec<u32>)> = values.iter().map(|(v, ids)| (*v, ids)).collect();
        // SDGs and action lines read best in their official order, the rest A–Z.
        match *id {
            "sdg" => listed.sort_by_key(|(v, _)| sdg_number(v)),
            "action-line" => listed.sort_by_key(|(v, _)| action_line_order(v)),
            _ => listed.sort_by_cached_key(|(v, _)| crate::index::sort_key(v)),
        }
        // One file per value: choosing "Kenya" fetches Kenya's documents, not every country's.
        for (n, (_, ids)) in listed.iter().enumerate() {
            let mut encoded = String::with_capacity(ids.len() * 2 + 2);
            let mut previous = 0;
            for &doc in *ids {
                push_number(&mut encoded, doc - previous);
                previous = doc;
            }
            sink.put(
                &crate::routes::search_filter(id, n),
                &serde_json::to_vec(&encoded).unwrap_or_default(),
            )?;
        }
        filters.push(FilterGroup {
            id,
            label,
            values: listed
                .iter()
                .map(|(v, ids)| ((*v).to_string(), ids.len()))
                .collect(),
        });
    }

    let manifest = Manifest {
        version: 1,
        documents: docs.len(),
        doc_chunk: DOC_CHUNK,
        term_chunks,
        filters,
    };
    sink.put(
        "search/index.json",
        &serde_json::to_vec(&manifest).unwrap_or_default(),
    )?;
    Ok(docs.len())
}

/// Term chunks being filled: each is a JSON object of whole posting lists.
#[derive(Default)]
struct TermChunks {
    chunk: String,
    /// First term of each written chunk.
    starts: Vec<String>,
    /// First term of the chunk being filled.
    first: Option<String>,
}

impl TermChunks {
    fn add(&mut self, term: &str, entry: &str, sink: &dyn Sink) -> Result<(), BuildError> {
        if self.first.is_some() && self.chunk.len() + entry.len() > TERM_CHUNK_BYTES {
            self.flush(sink)?;
        }
        if self.first.is_none() {
            self.chunk.push('{');
            self.first = Some(term.to_string());
        } else {
            self.chunk.push(',');
        }
        self.chunk.push_str(entry);
        Ok(())
    }

    fn flush(&mut self, sink: &dyn Sink) -> Result<(), BuildError> {
        if let Some(first) = self.first.take() {
            self.chunk.push('}');
            let path = crate::routes::search_terms(self.starts.len());
            sink.put(&path, self.chunk.as_bytes())?;
            self.chunk.clear();
            self.starts.push(first);
        }
        Ok(())
    }

    fn finish(mut self, sink: &dyn Sink) -> Result<Vec<String>, BuildError> {
        self.flush(sink)?;
        Ok(self.starts)
    }
}

/// Digits of the number encoding: 64 characters that need no escaping in JSON.
const DIGITS: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Appends `n` in the index's number encoding: base 32, most significant digit first,
/// every digit but the last taken from the upper half of [`DIGITS`]. Small numbers
/// (most deltas and weights) take one character, where decimal and a comma take two or more.
fn push_number(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 7];
    let mut len = 0;
    loop {
        digits[len] = (n & 31) as u8;
        len += 1;
        n >>= 5;
        if n == 0 {
            break;
        }
    }
    for (i, d) in digits[..len].iter().rev().enumerate() {
        let more = if i + 1 < len { 32 } else { 0 };
        out.push(char::from(DIGITS[usize::from(d + more)]));
    }
}

fn sdg_number(label: &str) -> u32 {
    label
        .trim_start_matches("SDG ")
        .split(':')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(u32::MAX)
}

fn action_line_order(label: &str) -> (u32, String) {
    let mut parts = label.trim_start_matches('C').splitn(2, ' ');
    let number = parts
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(u32::MAX);
    (number, parts.next().unwrap_or("").to_string())
}

/// The first `EXCERPT_CHARS` characters of `text`, cut at a word.
fn excerpt(text: &str) -> String {
    // Only the start matters: a whole body need not be split into words.
    let head = match text.char_indices().nth(EXCERPT_CHARS * 2) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    let text = head.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= EXCERPT_CHARS {
        return text;
    }
    let cut: String = text.chars().take(EXCERPT_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}

fn session_doc(views: &Views<'_>, s: &Session) -> Doc {
    let site = views.site;
    let mut doc = Doc::new(crate::routes::session(&s.slug), &s.title, "Session");
    let mut details: Vec<String> = Vec::new();
    if let Some(k) = &s.kind {
        details.push(k.label());
        doc.filter("type", k.label());
    }
    if let Some(d) = s.date {
        details.push(human_date(d));
    }
    if let Some(e) = s.event.map(|e| &site.events[e.index()]) {
        details.push(e.name.clone());
        doc.add(&e.name, FACT);
        doc.filter("event", e.name.clone());
    }
    doc.details = details.join(" · ");
    for p in &s.participants {
        doc.add(&site.people[p.person.index()].name, NAME);
        for part in [&p.title, &p.organization].into_iter().flatten() {
            doc.add(part, FACT);
        }
        // Found by any name of the organization, not only the one written.
        if let Some(o) = p.organization_id {
            add_organization_names(&mut doc, site.organizations.get(o));
        }
        if let Some(c) = p.country {
            doc.add(c.name(), FACT);
            doc.filter("country", c.name().to_string());
        }
    }
    for o in &s.organizers {
        doc.add(o, FACT);
    }
    for t in &s.topics {
        doc.add(&site.topics[t.index()].name, FACT);
    }
    for g in &s.sdgs {
        let label = format!("SDG {}: {}", g.number(), g.short_name());
        doc.add(&label, FACT);
        doc.filter("sdg", label);
    }
    for a in &s.action_lines {
        doc.add(&format!("{} {}", a.label(), a.title()), FACT);
        doc.filter("action-line", a.label());
        // A C7 sub-line also counts as C7, as its pages do.
        if let Some(parent) = a.parent() {
            doc.filter("action-line", parent.label());
        }
    }
    if let Some(summary) = &s.summary {
        doc.add(summary, FACT);
    }
    let body = plain_text(&s.body);
    doc.add(&body, BODY);
    doc.excerpt = excerpt(s.summary.as_deref().unwrap_or(&body));
    doc
}

fn speaker_doc(views: &Views<'_>, id: PersonId) -> Doc {
    let (site, index) = (views.site, views.index);
    let (p, i) = (&site.people[id.index()], id.index());
    let mut doc = Doc::new(crate::routes::speaker(&p.slug), &p.name, "Speaker");
    doc.add(&p.name, NAME);
    for t in index.person_titles[i]
        .iter()
        .chain(&index.person_organizations[i])
    {
        doc.add(t, FACT);
    }
    for &o in &index.person_organization_ids[i] {
        add_organization_names(&mut doc, site.organizations.get(o));
    }
    for c in &index.person_countries[i] {
        doc.add(c.name(), FACT);
        doc.filter("country", c.name().to_string());
    }
    for (s, _) in &index.by_person[i] {
        if let Some(e) = site.sessions[s.index()].event {
            doc.filter("event", site.events[e.index()].name.clone());
        }
    }
    if let Some(bio) = &p.bio {
        doc.add(&plain_text(bio), BODY);
    }
    // Found by their iD too, as written anywhere (with or without hyphens).
    if let Some(orcid) = &p.orcid {
        doc.add(orcid.as_str(), FACT);
        doc.add(&orcid.as_str().replace('-', ""), FACT);
    }
    let sessions = index.by_person[i].len();
    let mut details = vec![format!(
        "{sessions} session{}",
        if sessions == 1 { "" } else { "s" }
    )];
    details.extend(
        index.person_countries[i]
            .iter()
            .map(|c| c.name().to_string()),
    );
    doc.details = details.join(" · ");
    let facts: Vec<&str> = index.person_titles[i]
        .iter()
        .chain(&index.person_organizations[i])
        .map(String::as_str)
        .collect();
    doc.excerpt = excerpt(&facts.join(", "));
    doc
}

/// The registry's name and acronym of `o`, as facts of a session or speaker.
fn add_organization_names(doc: &mut Doc, o: &crate::model::Organization) {
    doc.add(&o.name, FACT);
    if let Some(a) = &o.acronym {
        doc.add(a, FACT);
    }
}

fn organization_doc(views: &Views<'_>, id: crate::model::OrgId) -> Doc {
    let (site, index) = (views.site, views.index);
    let o = site.organizations.get(id);
    let url = crate::routes::organization(&o.slug);
    let mut doc = Doc::new(url, &o.name, "Organization");
    doc.add(&o.name, NAME);
    for name in o.acronym.iter().chain(&o.aliases) {
        doc.add(name, NAME);
    }
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut details = vec![
        count(
            index.organization_people[id.index()].len(),
            "person",
            "people",
        ),
        count(
            index.by_organization[id.index()].len(),
            "session",
            "sessions",
        ),
    ];
    if let Some(c) = o.country {
        doc.add(c.name(), FACT);
        doc.filter("country", c.name().to_string());
        details.push(c.name().to_string());
    }
    doc.details = details.join(" · ");
    if let Some(p) = o.parent.map(|p| site.organizations.get(p)) {
        doc.add(&p.name, FACT);
        doc.excerpt = format!("Part of {}", p.name);
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_encode_in_base_32_with_continuation_digits() {
        let encode = |n| {
            let mut s = String::new();
            push_number(&mut s, n);
            s
        };
        assert_eq!(encode(0), "0");
        assert_eq!(encode(31), "V");
        // 32 = 1·32 + 0: a continuation digit (32 + 1 -> 'X') then a final '0'.
        assert_eq!(encode(32), "X0");
        assert_eq!(encode(u32::MAX).len(), 7);
        // Decoding as search.js does gives the numbers back.
        for n in [0, 1, 31, 32, 1000, 65_535, 1 << 24, u32::MAX] {
            let mut value: u64 = 0;
            for c in encode(n).bytes() {
                let d = DIGITS.iter().position(|&x| x == c).expect("digit") as u64;
                value = value * 32 + (d & 31);
            }
            assert_eq!(value, u64::from(n));
        }
    }
}
