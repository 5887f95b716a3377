//! What the templates are shown of the organizations of `data/organizations.yaml`:
//! an organization's heading, and the link a written organization gets when the
//! registry knows it.

use serde::Serialize;

use crate::model::{OrgId, Organization};
use crate::render::views::{LinkView, Views};
use crate::routes;

/// An organization, as its page and the A–Z show it.
#[derive(Clone, Debug, Hash, Serialize)]
pub struct OrganizationView {
    /// Full name.
    pub name: String,
    /// Short form ("ITU").
    pub acronym: Option<String>,
    /// Other names it goes by.
    pub aliases: Vec<String>,
    /// Its page.
    pub url: String,
    /// Its own web site.
    pub website: Option<String>,
    /// Where it is based.
    pub country: Option<String>,
    /// That country's page, when the site has one (someone from it spoke).
    pub country_url: Option<String>,
    /// The organization it is part of.
    pub parent: Option<LinkView>,
    /// The organizations that are part of it, in registry order.
    pub children: Vec<LinkView>,
    /// People with sessions who spoke for it.
    pub people: usize,
    /// Sessions where someone spoke for it.
    pub sessions: usize,
}

/// A name as written, linked to its organization's page when the registry knows it.
#[derive(Clone, Debug, Hash, Serialize)]
pub struct NamedOrganization {
    /// The name as the session (or registry) writes it.
    pub name: String,
    /// The organization's page; `None` for one the registry does not know.
    pub url: Option<String>,
}

impl Views<'_> {
    /// An organization's page URL.
    pub fn organization_url(&self, o: &Organization) -> String {
        self.url(&routes::organization(&o.slug))
    }

    /// Organization `id` as a link, labelled with its name.
    pub fn organization_link(&self, id: OrgId) -> LinkView {
        let o = self.site.organizations.get(id);
        LinkView {
            label: o.name.clone(),
            url: self.organization_url(o),
        }
    }

    /// A written organization, linked when the registry knows it.
    pub fn named_organization(&self, written: &str) -> NamedOrganization {
        let orgs = &self.site.organizations;
        NamedOrganization {
            name: written.to_string(),
            url: orgs
                .find(written)
                .map(|o| self.organization_url(orgs.get(o))),
        }
    }

    /// Organization `id`, with its counts and the organizations around it.
    pub fn organization(&self, id: OrgId) -> OrganizationView {
        let o = self.site.organizations.get(id);
        OrganizationView {
            name: o.name.clone(),
            acronym: o.acronym.clone(),
            aliases: o.aliases.clone(),
            url: self.organization_url(o),
            website: o.url.as_ref().map(|u| self.site.base.site_link(u)),
            country: o.country.map(|c| c.name().to_string()),
            country_url: (o.country)
                .filter(|c| self.index.by_country.contains_key(c))
                .map(|c| self.country_url(c)),
            parent: o.parent.map(|p| self.organization_link(p)),
            children: (self.site.organizations.children(id))
                .map(|c| self.organization_link(c))
                .collect(),
            people: self.index.organization_people[id.index()].len(),
            sessions: self.index.by_organization[id.index()].len(),
        }
    }
}
