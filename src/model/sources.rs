//! Where a site's source files are, to name each page's source relative to the site
//! folder (`page.source`, and the `edit_url` links made from it).

use std::path::{Path, PathBuf};

/// The site folder and its registries, to name a page's source file relative to the
/// folder (`sessions/x.md`, `data/speakers.yaml`): what `page.source` shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceFiles {
    /// The folder every source path begins with ("" for the current folder).
    pub root: PathBuf,
    /// `data/speakers.yaml`.
    pub speakers: PathBuf,
    /// `data/events.yaml`.
    pub events: PathBuf,
    /// `data/organizations.yaml`.
    pub organizations: PathBuf,
}

impl SourceFiles {
    /// Where the files of `sources` are. The registries are `data/NAME.yaml` in the
    /// site folder ([`crate::content::SitePaths::new`]): the folder above theirs is the site's.
    pub fn of(sources: &crate::content::Sources) -> SourceFiles {
        let root = (sources.speakers_file.parent())
            .and_then(Path::parent)
            .unwrap_or(Path::new(""));
        SourceFiles {
            root: root.to_path_buf(),
            speakers: sources.speakers_file.clone(),
            events: sources.events_file.clone(),
            organizations: sources.organizations_file.clone(),
        }
    }

    /// `file` relative to the site folder, with `/` separators; `None` for a file
    /// outside it.
    pub fn relative(&self, file: &Path) -> Option<String> {
        let rel = file.strip_prefix(&self.root).ok()?;
        let parts: Vec<String> = (rel.components())
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .filter(|c| c != ".")
            .collect();
        (!parts.is_empty()).then(|| parts.join("/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(root: &str) -> SourceFiles {
        SourceFiles {
            root: PathBuf::from(root),
            ..SourceFiles::default()
        }
    }

    #[test]
    fn source_paths_are_relative_to_the_site_folder_with_slashes() {
        let here = files("");
        assert_eq!(
            here.relative(Path::new("sessions/day 1/a.md")).as_deref(),
            Some("sessions/day 1/a.md")
        );
        let named = files("my-site");
        assert_eq!(
            named
                .relative(
                    &Path::new("my-site")
                        .join("content")
                        .join("sessions")
                        .join("a.md")
                )
                .as_deref(),
            Some("content/sessions/a.md")
        );
        assert_eq!(named.relative(Path::new("elsewhere/a.md")), None);
        assert_eq!(named.relative(Path::new("my-site")), None);
    }
}
