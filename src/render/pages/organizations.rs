//! The organizations' A–Z and their pages (on a site with `data/organizations.yaml`).

use tera::Context;

use super::{ListKey, Pages};
use crate::index::sort_key;
use crate::model::OrgId;
use crate::render::organizations::OrganizationView;
use crate::routes::{self, Section};

impl Pages<'_, '_> {
    /// The organizations' A–Z and their pages, on a site with `data/organizations.yaml`.
    pub(super) fn organizations(&mut self) {
        let views = self.views;
        let orgs = &views.site.organizations;
        if orgs.is_empty() {
            return;
        }
        let mut ids: Vec<OrgId> = (0..orgs.len()).map(OrgId::from_index).collect();
        // Grouped by initial, "#" after "Z", as the speakers' A–Z.
        ids.sort_by_cached_key(|&o| {
            let (key, letter) = (
                sort_key(&orgs.get(o).name),
                crate::index::initial(&orgs.get(o).name),
            );
            (letter == '#', letter, key, orgs.get(o).slug.clone())
        });
        let mut groups: Vec<(char, Vec<OrganizationView>)> = Vec::new();
        for o in ids.iter().copied() {
            let letter = crate::index::initial(&orgs.get(o).name);
            let view = views.organization(o);
            match groups.last_mut() {
                Some((l, list)) if *l == letter => list.push(view),
                _ => groups.push((letter, vec![view])),
            }
        }
        let letters: Vec<serde_json::Value> = (groups.into_iter())
            .map(|(letter, list)| {
                serde_json::json!({
                    "letter": letter.to_string(),
                    "id": format!("letter-{}", routes::letter_name(letter)),
                    "organizations": list,
                })
            })
            .collect();
        let mut ctx = Context::new();
        ctx.insert("letters", &letters);
        ctx.insert("total", &orgs.len());
        let path = routes::page_file(Section::Organizations.dir());
        let section = Some(Section::Organizations);
        self.single("organizations.html", &path, "Organizations", section, ctx);
        for o in ids {
            self.list(ListKey::Organization(o));
        }
    }
}
