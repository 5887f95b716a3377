//! How an export is cut into files (schema 3): `data/<name>.json` is an index that
//! lists the export's parts, `data/<name>/<n>.json`, each an envelope of at most
//! [`PART_BYTES`] holding a run of the records in order. No file of `/data/` then
//! grows with the site: at 100 000 sessions `sessions.json` alone would be 210 MB,
//! and GitHub refuses files over 100 MB (the target is 25 MB).

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
        paths.push(path.clone());
        emit(Output { path, bytes: part })
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
                "/repo/data/things/1.json",
                "/repo/data/things/2.json",
                "/repo/data/things/3.json",
                "/repo/data/things/4.json"
            ])
        );
        let mut read = Vec::new();
        for (file, url) in files[1..]
            .iter()
            .zip(index["parts"].as_array().expect("parts"))
        {
            assert_eq!(format!("/repo/{}", file.path), url.as_str().expect("url"));
            assert!(file.bytes.len() < 3 * one + 200, "{}", file.path);
            let part: Value = serde_json::from_slice(&file.bytes).expect("part json");
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
    fn a_small_or_empty_export_is_one_part_and_an_oversized_record_gets_its_own() {
        let link = |p: &str| p.to_string();
        let files = split(&header(&link), &records(3), 1 << 20).expect("split");
        assert_eq!(files.len(), 2);
        let files = split(&header(&link), &Vec::<Value>::new(), 1 << 20).expect("split");
        let part: Value = serde_json::from_slice(&files[1].bytes).expect("json");
        assert_eq!(part["items"], serde_json::json!([]));
        let files = split(&header(&link), &records(2), 1).expect("split");
        assert_eq!(
            files.len(),
            3,
            "one record a part when each exceeds the limit"
        );
    }
}
