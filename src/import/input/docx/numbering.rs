//! The list formats of a Word document: `word/numbering.xml` (which list uses
//! which level formats) and `word/styles.xml` (the numbering a paragraph style gives).

use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::reader::NsReader;

use super::{attr, number_attr};

/// One list level's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Level {
    Bullet,
    /// Numbered, from this number.
    Numbered(u32),
    /// `numFmt none`: no marker at all.
    Unmarked,
}

/// `word/numbering.xml`: which list (`numId`) uses which levels.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// numId -> abstractNumId.
    lists: HashMap<u32, u32>,
    /// (abstractNumId, level) -> format.
    levels: HashMap<(u32, u32), Level>,
}

impl Numbering {
    /// Reads what it can; a damaged part leaves the rest as bullets.
    pub(super) fn parse(xml: &str) -> Self {
        let mut out = Numbering::default();
        let mut reader = NsReader::from_str(xml);
        let (mut abstract_id, mut num_id, mut level) = (None, None, None);
        let (mut format, mut start) = (None::<String>, 1);
        while let Ok(event) = reader.read_event() {
            match event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"abstractNum" => abstract_id = number_attr(&e, b"abstractNumId"),
                    b"lvl" => {
                        level = number_attr(&e, b"ilvl");
                        (format, start) = (None, 1);
                    }
                    b"numFmt" if level.is_some() => format = attr(&e, b"val"),
                    b"start" if level.is_some() => start = number_attr(&e, b"val").unwrap_or(1),
                    b"num" => num_id = number_attr(&e, b"numId"),
                    b"abstractNumId" => {
                        if let (Some(n), Some(a)) = (num_id, number_attr(&e, b"val")) {
                            out.lists.insert(n, a);
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == b"lvl" => {
                    if let (Some(a), Some(l)) = (abstract_id, level.take()) {
                        let kind = match format.as_deref() {
                            Some("bullet") => Level::Bullet,
                            Some("none") => Level::Unmarked,
                            _ => Level::Numbered(start),
                        };
                        out.levels.insert((a, l), kind);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    /// A level's format; an unknown list reads as bullets (it is a list, of some kind).
    pub(super) fn level(&self, num_id: u32, level: u32) -> Level {
        self.lists
            .get(&num_id)
            .and_then(|a| self.levels.get(&(*a, level)))
            .copied()
            .unwrap_or(Level::Bullet)
    }
}

/// `word/styles.xml`: the list numbering a paragraph style gives ("List Bullet").
#[derive(Debug, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
}

/// What a style says about numbering.
#[derive(Debug, Default)]
struct Style {
    num_id: Option<u32>,
    level: Option<u32>,
    based_on: Option<String>,
}

impl Styles {
    pub(super) fn parse(xml: &str) -> Self {
        let mut out = Styles::default();
        let mut reader = NsReader::from_str(xml);
        let mut current: Option<String> = None;
        while let Ok(event) = reader.read_event() {
            match event {
                Event::Start(e) | Event::Empty(e) => {
                    let local = e.local_name();
                    if local.as_ref() == b"style" {
                        current = attr(&e, b"styleId");
                        continue;
                    }
                    let Some(entry) = current
                        .as_ref()
                        .map(|id| out.styles.entry(id.clone()).or_default())
                    else {
                        continue;
                    };
                    match local.as_ref() {
                        b"numId" => entry.num_id = number_attr(&e, b"val"),
                        b"ilvl" => entry.level = number_attr(&e, b"val"),
                        b"basedOn" => entry.based_on = attr(&e, b"val"),
                        _ => {}
                    }
                }
                Event::End(e) if e.local_name().as_ref() == b"style" => current = None,
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    /// The (numId, ilvl) a style gives, following `basedOn` (a few steps: styles may loop).
    pub(super) fn numbering(&self, style: &str) -> (Option<u32>, Option<u32>) {
        let (mut num, mut lvl) = (None, None);
        let mut id = Some(style.to_string());
        for _ in 0..16 {
            let Some(style) = id.as_ref().and_then(|i| self.styles.get(i)) else {
                break;
            };
            num = num.or(style.num_id);
            lvl = lvl.or(style.level);
            id = style.based_on.clone();
        }
        (num, lvl)
    }
}
