//! Rendering and writing what an edit changed: the pages, cards, citation files, feeds
//! and calendars a [`diff::Change`] names, put into the output mirror at once.

use std::collections::HashSet;
use std::sync::PoisonError;
use std::sync::atomic::Ordering;
use std::time::Instant;

use rustc_hash::FxHashSet;

use super::mirror::{Mirror, Part};
use super::{Built, Live, Published, Scope, Updated, diff};
use crate::BuildError;
use crate::render::views::Views;
use crate::render::{self};
use crate::write::Memory;

impl Live {
    /// Renders the pages, cards, citation files, feeds and calendars `change` names for
    /// `built` (and the sitemap if pages came or went) and writes them; `cards` are those
    /// of the sessions before the change, returned updated (and unchanged with the error).
    pub(super) fn publish(
        &self,
        built: &Built,
        mut cards: Vec<String>,
        change: &diff::Change,
        clock: &mut crate::pipeline::Stopwatch,
    ) -> Result<(Vec<String>, Published), (Vec<String>, BuildError)> {
        let views = Views {
            site: &built.site,
            index: &built.index,
            theme_ids: &self.theme.ids,
        };
        let fresh = match render::session_cards(&views, &self.theme, &change.cards) {
            Ok(fresh) => fresh,
            Err(e) => return Err((cards, e)),
        };
        let old: Vec<String> = change
            .cards
            .iter()
            .zip(fresh)
            .map(|(id, card)| std::mem::replace(&mut cards[id.index()], card))
            .collect();
        match self.publish_pages(&views, &cards, change, clock) {
            Ok(p) => Ok((cards, p)),
            Err(e) => {
                for (id, card) in change.cards.iter().zip(old) {
                    cards[id.index()] = card;
                }
                Err((cards, e))
            }
        }
    }

    pub(super) fn publish_pages(
        &self,
        views: &Views<'_>,
        cards: &[String],
        change: &diff::Change,
        clock: &mut crate::pipeline::Stopwatch,
    ) -> Result<Published, BuildError> {
        // Session pages whose related sessions changed (those of a renamed or retitled
        // session, or of one that now shares more) are made again too.
        let (related, moved) = self.related_after(views, change);
        let mut selection = change.selection.clone();
        selection.sessions.extend(moved);
        clock.lap("related");
        let pages = Memory::default();
        let select = Some(&selection);
        let page_paths = render::pages(views, &self.theme, cards, select, &(), &pages)?;
        let cite = Memory::default();
        render::cite_files(views, &change.cards, &cite)?;
        clock.lap("render");
        // Feeds and calendars follow lists: those of the lists that changed are made
        // again ("" is the site feed's folder), and those of lists that are gone go.
        let mut dirs: HashSet<String> = HashSet::from([String::new()]);
        dirs.extend(change.selection.lists.keys().map(|k| k.dir(views.site)));
        dirs.extend(change.gone.iter().cloned());
        let pages_changed = page_paths != self.page_paths;
        let people: Vec<crate::model::PersonId> = (change.selection.lists.keys())
            .filter_map(|k| match k {
                render::ListKey::Speaker(p) => Some(*p),
                _ => None,
            })
            .collect();
        let only = render::MetaSelection {
            dirs: &dirs,
            sitemap: pages_changed,
            people: &people,
        };
        let meta = outputs(render::meta_of(views, &page_paths, Some(&only))?);
        // Few and cheap: all made again, so an alias that went takes its page along.
        let redirects = outputs(render::redirect_pages(views.site, &page_paths)?);
        clock.lap("meta");
        let pages = pages.into_files();
        let rendered = pages.len();
        let written = self.write(|m| {
            let mut n = m.put(Part::Pages, pages)?;
            // Pages go only when lists got shorter or sessions, people, … went;
            // citation files only when sessions did.
            if pages_changed {
                m.remove(Part::Pages, &gone(&self.page_paths, &page_paths));
            }
            if change.sessions_gone {
                let sessions: FxHashSet<&str> = (views.site.sessions.iter())
                    .map(|s| s.slug.as_str())
                    .collect();
                m.retain(Part::Cite, |p| {
                    let dir = p.strip_prefix("sessions/").and_then(|p| p.rsplit_once('/'));
                    dir.is_some_and(|(slug, _)| sessions.contains(slug))
                });
            }
            // A session that lost its date has no calendar entry any more.
            let undated: Vec<String> = (change.cards.iter())
                .map(|id| &views.site.sessions[id.index()])
                .filter(|s| s.date.is_none())
                .map(|s| crate::routes::session_calendar(&s.slug))
                .collect();
            m.remove(Part::Cite, &undated);
            n += m.put(Part::Cite, cite.into_files())?;
            n += m.replace(Part::Redirects, redirects)?;
            let made: HashSet<&str> = meta.iter().map(|(p, _)| p.as_str()).collect();
            m.retain(Part::Meta, |p| {
                // The file's folder with its slash ("sdgs/4/"), cut from the path rather
                // than copied: every feed and calendar of the site is asked.
                let dir = p.rfind('/').map_or("/", |i| &p[..=i]);
                // A remade sitemap may have fewer parts than before.
                let remade = pages_changed && crate::routes::is_sitemap_part(p);
                made.contains(p) || !(remade || dirs.contains(dir))
            });
            n += m.put(Part::Meta, meta)?;
            Ok(n)
        })?;
        clock.lap("write");
        Ok(Published {
            rendered,
            written,
            page_paths,
            related,
        })
    }

    /// The related-sessions fingerprints after `change`, and the sessions whose
    /// fingerprint it changed. A one-session edit looks only at the sessions within
    /// reach of the changed ones, before and after; others at every session.
    fn related_after(
        &self,
        views: &Views<'_>,
        change: &diff::Change,
    ) -> (super::RelatedPrints, Vec<crate::model::SessionId>) {
        use crate::model::SessionId;
        let site = views.site;
        let Some(before) = &change.related_before else {
            let all = views.related_prints(None);
            let moved = (site.sessions.iter().enumerate())
                .filter(|(_, s)| self.related.get(&s.slug) != all.get(&s.slug))
                .map(|(i, _)| SessionId::from_index(i))
                .collect();
            return (all, moved);
        };
        let mut reach: FxHashSet<SessionId> = FxHashSet::default();
        for &d in &change.selection.sessions {
            reach.extend(views.index.related_reach(site, d));
        }
        if !before.is_empty() {
            let wanted: FxHashSet<&crate::url::Slug> = before.iter().collect();
            reach.extend(
                (site.sessions.iter().enumerate())
                    .filter(|(_, s)| wanted.contains(&s.slug))
                    .map(|(i, _)| SessionId::from_index(i)),
            );
        }
        let ids: Vec<SessionId> = reach.into_iter().collect();
        let fresh = views.related_prints(Some(&ids));
        let mut prints = self.related.clone();
        // Sessions that went take their fingerprints along.
        for slug in before {
            prints.remove(slug);
        }
        let moved = ids
            .into_iter()
            .filter(|id| {
                let slug = &site.sessions[id.index()].slug;
                self.related.get(slug) != fresh.get(slug)
            })
            .collect();
        prints.extend(fresh);
        (prints, moved)
    }

    pub(super) fn published(
        &mut self,
        scope: Scope,
        p: Published,
        start: Instant,
        clock: crate::pipeline::Stopwatch,
    ) -> Updated {
        self.page_paths = p.page_paths;
        self.related = p.related;
        let mut updated = self.updated(scope, p.rendered, p.written, start);
        updated.report.timings = clock.laps;
        updated
    }

    /// Runs `f` on the mirror, after making any pending derived files stale.
    pub(super) fn write(
        &self,
        f: impl FnOnce(&mut Mirror) -> Result<usize, BuildError>,
    ) -> Result<usize, BuildError> {
        self.generation.fetch_add(1, Ordering::SeqCst);
        let mut m = self.mirror.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut m)
    }
}

/// The paths of `old` that `new` lacks. Both list a site's pages in the order they are
/// made, so an edit changes a stretch of them: only that stretch is compared as sets.
fn gone<'a>(old: &'a [String], new: &[String]) -> Vec<&'a str> {
    let same = |(a, b): (&String, &String)| a == b;
    let head = old.iter().zip(new).take_while(|&p| same(p)).count();
    let tail = (old[head..].iter().rev())
        .zip(new[head..].iter().rev())
        .take_while(|&p| same(p))
        .count();
    let now: FxHashSet<&str> = (new[head..new.len() - tail].iter())
        .map(String::as_str)
        .collect();
    (old[head..old.len() - tail].iter())
        .map(String::as_str)
        .filter(|p| !now.contains(p))
        .collect()
}

pub(super) fn outputs(list: Vec<render::Output>) -> Vec<(String, Vec<u8>)> {
    list.into_iter().map(|o| (o.path, o.bytes)).collect()
}

#[cfg(test)]
mod tests {
    use super::gone;

    #[test]
    fn gone_pages_are_those_of_the_old_list_the_new_one_lacks() {
        let list = |s: &str| -> Vec<String> { s.split(' ').map(str::to_string).collect() };
        let old = list("home a b c d e f");
        assert_eq!(gone(&old, &list("home a c d x e f")), ["b"]);
        assert_eq!(gone(&old, &list("home a b c d e f")), Vec::<&str>::new());
        assert_eq!(gone(&old, &list("home")), ["a", "b", "c", "d", "e", "f"]);
        // A page may move within the changed stretch without going.
        assert_eq!(gone(&old, &list("home a d c e f")), ["b"]);
        assert_eq!(gone(&list("a"), &list("b")), ["a"]);
    }
}
