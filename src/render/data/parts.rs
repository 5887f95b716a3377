//! How an export is cut into files (schema 3): `data/<name>.json` is an index that
//! lists the export's parts, `data/<name>/<n>.json.gz`, each an envelope of at most
//! [`PART_BYTES`] holding a run of the records in order. No file of `/data/` then
//! grows with the site: at 100 000 sessions `sessions.json` alone would be 210 MB,
//! and GitHub refuses files over 100 MB (the target is 25 MB).
//!
//! The parts are gzipped (schema 5): at 10 000 sessions `/data/` held 112 MB of JSON,
//! 84 MB of it the Markdown bodies the session pages also hold, a sixth of the site;
//! gzipped it is about a fifth of that (23 MB). The index stays plain JSON, the one file a
//! reader opens first.

use std::io::Write;

use flate2::{Compression, GzBuilder};
use serde::Serialize;

use super::super::Output;
use crate::error::BuildError;

/// The most bytes of records one part holds (a single record larger than this gets a
/// part of its own). Well under the 25 MB a file may weigh, so that a part is also a
/// reasonable download.
pub(crate) const PART_BYTES: usize = 8 * 1024 * 1024;

/// The most bytes of a part of `bodies.json`: a reader after one body fetches the one
/// part its session names, and the build holds one part at a time (8 MB more peak
/// memory at 1 000 sessions with [`PART_BYTES`]).
pub(crate) const BODY_PART_BYTES: usize = 1024 * 1024;

/// How hard the parts are compressed. Measured on the 112 MB of JSON of 10 000
/// sessions (flate2's Rust backend, one core): level 1 gives 32.8 MB in 0.5 s, level 2
/// 22.6 MB in 0.6 s, level 3 17.9 MB in 1.1 s, level 6 16.9 MB in 2.4 s; the build
/// waits for it, so the knee of the curve.
const GZIP_LEVEL: u32 = 2;

/// `json` gzipped with nothing that changes between builds: no file name and a zero
/// modification time in the header, so that two builds stay byte-identical.
pub(crate) fn gzip(json: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut gz = GzBuilder::new().mtime(0).write(
        Vec::with_capacity(json.len() / 4),
        Compression::new(GZIP_LEVEL),
    );
    gz.write_all(json)?;
    gz.finish()
}

/// What every file of an export says about itself.
pub(crate) struct Header<'a> {
    /// The export's name: `sessions` is `data/sessions.json` and `data/sessions/<n>.json`.
    pub name: &'a str,
    /// The site's base URL, so `url` fields (root-relative) can be made absolute.
    pub base_url: &'a str,
    /// Turns a site path into the root-relative URL the index lists.
    pub link: &'a dyn Fn(&str) -> String,
}

/// The index file: the envelope's fields, then how many records there are and the URLs
/// of the parts that hold them, in order.
#[derive(Serialize)]
struct Index<'a> {
    schema_version: u32,
    generator: &'static str,
    base_url: &'a str,
    count: usize,
    parts: Vec<String>,
}

/// The generator named in every file.
const GENERATOR: &str = concat!("proceedings ", env!("CARGO_PKG_VERSION"));

/// The index and parts of one export of `items`, at most `limit` bytes of records a part.
pub(crate) fn split<T: Serialize>(
    header: &Header<'_>,
    items: &[T],
    limit: usize,
) -> Result<Vec<Output>, BuildError> {
    let mut files = Vec::new();
    split_into(header, items, limit, &mut |o| {
        files.push(o);
        Ok(())
    })?;
    // The index first, as it always came.
    files.rotate_right(1);
    Ok(files)
}

/// [`split`], handing each part to `emit` as soon as it is full and the index last
/// (so that no more than one part is held at a time: the bodies weigh 83 MB at 10 000
/// sessions); returns the number of the part (from 1) that holds each of `items`, so
/// that another export can point at it.
pub(crate) fn split_into<T: Serialize>(
    header: &Header<'_>,
    items: &[T],
    limit: usize,
    emit: &mut dyn FnMut(Output) -> Result<(), BuildError>,
) -> Result<Vec<usize>, BuildError> {
    let fail = |e: serde_json::Error| BuildError::Export(format!("data/{}: {e}", header.name));
    // Each part starts as the envelope with its `items` opened; records are appended
    // one by one, so a part is cut by the size of what is really written.
    let opening = format!(
        "{{\"schema_version\":{},\"generator\":{},\"base_url\":{},\"items\":[",
        super::SCHEMA_VERSION,
        serde_json::to_string(GENERATOR).map_err(fail)?,
        serde_json::to_string(header.base_url).map_err(fail)?,
    );
    let mut paths: Vec<String> = Vec::new();
    let mut close = |mut part: Vec<u8>, paths: &mut Vec<String>| {
        part.extend_from_slice(b"]}");
        let path = crate::routes::data_part(header.name, paths.len() + 1);
        let bytes =
            gzip(&part).map_err(|e| BuildError::Export(format!("{path}: compressing: {e}")))?;
        paths.push(path.clone());
        emit(Output { path, bytes })
    };
    let mut part: Vec<u8> = opening.clone().into_bytes();
    let mut record = Vec::new();
    let mut placed = Vec::with_capacity(items.len());
    for item in items {
        record.clear();
        serde_json::to_writer(&mut record, item).map_err(fail)?;
        let empty = part.len() == opening.len();
        if !empty && part.len() - opening.len() + record.len() + 1 > limit {
            let full = std::mem::replace(&mut part, opening.clone().into_bytes());
            close(full, &mut paths)?;
        } else if !empty {
            part.push(b',');
        }
        part.extend_from_slice(&record);
        placed.push(paths.len() + 1);
    }
    close(part, &mut paths)?;
    let index = Index {
        schema_version: super::SCHEMA_VERSION,
        generator: GENERATOR,
        base_url: header.base_url,
        count: items.len(),
        parts: paths.iter().map(|p| (header.link)(p)).collect(),
    };
    emit(Output {
        path: crate::routes::data(header.name),
        bytes: serde_json::to_vec(&index).map_err(fail)?,
    })?;
    Ok(placed)
}

#[cfg(test)]
mod tests {
    use super::{Header, split};
    use serde_json::Value;
    use std::io::Read;

    /// A part as the JSON it holds.
    fn unzip(bytes: &[u8]) -> Value {
        let mut json = String::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_string(&mut json)
            .expect("a gzipped part");
        serde_json::from_str(&json).expect("part json")
    }

    fn header<'a>(link: &'a dyn Fn(&str) -> String) -> Header<'a> {
        Header {
            name: "things",
            base_url: "https://example.org/repo/",
            link,
        }
    }

    fn records(n: usize) -> Vec<Value> {
        (0..n)
            .map(|i| serde_json::json!({"id": format!("thing-{i}"), "note": "ü\"<"}))
            .collect()
    }

    #[test]
    fn an_export_past_the_limit_is_cut_into_parts_the_index_lists_in_order() {
        let link = |p: &str| format!("/repo/{p}");
        let items = records(10);
        let one = serde_json::to_string(&items[0]).expect("json").len();
        // Room for three records (and their commas) a part, not four.
        let files = split(&header(&link), &items, 3 * one + 2).expect("split");
        let index: Value = serde_json::from_slice(&files[0].bytes).expect("index json");
        assert_eq!(files[0].path, "data/things.json");
        assert_eq!(index["schema_version"], super::super::SCHEMA_VERSION);
        assert_eq!(index["count"], 10);
        assert_eq!(
            index["parts"],
            serde_json::json!([
                "/repo/data/things/1.json.gz",
                "/repo/data/things/2.json.gz",
                "/repo/data/things/3.json.gz",
                "/repo/data/things/4.json.gz"
            ])
        );
        let mut read = Vec::new();
        for (file, url) in files[1..]
            .iter()
            .zip(index["parts"].as_array().expect("parts"))
        {
            assert_eq!(format!("/repo/{}", file.path), url.as_str().expect("url"));
            assert!(file.bytes.len() < 3 * one + 200, "{}", file.path);
            let part = unzip(&file.bytes);
            assert_eq!(part["base_url"], "https://example.org/repo/");
            assert_eq!(part["schema_version"], super::super::SCHEMA_VERSION);
            read.extend(part["items"].as_array().expect("items").iter().cloned());
        }
        assert_eq!(read, items, "every record once, in order");
        let placed =
            super::split_into(&header(&link), &items, 3 * one + 2, &mut |_| Ok(())).expect("split");
        assert_eq!(placed, [1, 1, 1, 2, 2, 2, 3, 3, 3, 4]);
    }

    #[test]
    fn two_builds_gzip_a_part_to_the_same_bytes() {
        let link = |p: &str| p.to_string();
        let once = split(&header(&link), &records(50), 1 << 20).expect("split");
        let again = split(&header(&link), &records(50), 1 << 20).expect("split");
        assert_eq!(once, again);
        // Gzip magic, then the zero modification time (bytes 4..8).
        assert_eq!(&once[1].bytes[..2], &[0x1f, 0x8b]);
        assert_eq!(&once[1].bytes[4..8], &[0, 0, 0, 0]);
    }

    #[test]
    fn a_small_or_empty_export_is_one_part_and_an_oversized_record_gets_its_own() {
        let link = |p: &str| p.to_string();
        let files = split(&header(&link), &records(3), 1 << 20).expect("split");
        assert_eq!(files.len(), 2);
        let files = split(&header(&link), &Vec::<Value>::new(), 1 << 20).expect("split");
        let part = unzip(&files[1].bytes);
        assert_eq!(part["items"], serde_json::json!([]));
        let files = split(&header(&link), &records(2), 1).expect("split");
        assert_eq!(
            files.len(),
            3,
            "one record a part when each exceeds the limit"
        );
    }
}
