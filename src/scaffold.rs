//! `proceedings init` and `proceedings new session`: the files they write.
//!
//! The skeleton `init` writes is `examples/github-pages/`, compiled in, so the
//! example in the repository (built by a test) and a new site are the same.

use std::fs;
use std::path::{Path, PathBuf};

use crate::model::SessionKind;
use crate::url::Slug;

/// The files of a new site: path and content. `{{TITLE}}` is replaced.
const SKELETON: &[(&str, &str)] = &[
    (
        "proceedings.yaml",
        include_str!("../examples/github-pages/proceedings.yaml"),
    ),
    (
        "data/events.yaml",
        include_str!("../examples/github-pages/data/events.yaml"),
    ),
    (
        "sessions/my-forum-2026/opening-session.md",
        include_str!("../examples/github-pages/sessions/my-forum-2026/opening-session.md"),
    ),
    (
        "sessions/my-forum-2026/digital-health-panel.md",
        include_str!("../examples/github-pages/sessions/my-forum-2026/digital-health-panel.md"),
    ),
    (
        ".github/workflows/pages.yml",
        include_str!("../examples/github-pages/.github/workflows/pages.yml"),
    ),
    (".gitignore", "/public\n"),
];

/// The example's title line, replaced by the user's title.
const EXAMPLE_TITLE: &str = "title: \"My Forum Proceedings\"";

/// Why a scaffold could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// `init` needs an empty or missing folder.
    #[error("{0} is not empty: `init` only writes into a new or empty folder")]
    NotEmpty(PathBuf),
    /// `new` never overwrites.
    #[error("{0} already exists: choose another title, or edit that file")]
    Exists(PathBuf),
    /// A flag's value is not usable.
    #[error("{0}")]
    Invalid(String),
    /// Reading or writing failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ScaffoldError + '_ {
    move |source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes a new site into `dir` (created if missing; must be empty). Returns the files written.
pub fn init(dir: &Path, title: &str) -> Result<Vec<PathBuf>, ScaffoldError> {
    if dir.exists() && fs::read_dir(dir).map_err(io(dir))?.next().is_some() {
        return Err(ScaffoldError::NotEmpty(dir.to_path_buf()));
    }
    let title_line = format!("title: {}", crate::content::yaml::quoted(title.trim()));
    let mut written = Vec::new();
    for (rel, text) in SKELETON {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        fs::write(&path, text.replacen(EXAMPLE_TITLE, &title_line, 1)).map_err(io(&path))?;
        written.push(path);
    }
    Ok(written)
}

/// What `new session` is asked for.
#[derive(Clone, Debug, Default)]
pub struct NewSession {
    /// The session's title.
    pub title: String,
    /// Event id: also the sub-folder of `sessions/`.
    pub event: Option<String>,
    /// Session type.
    pub kind: Option<String>,
    /// Date, YYYY-MM-DD.
    pub date: Option<String>,
}

/// Writes `sessions/[<event>/]<slug>.md` in `site` with a commented template; never overwrites.
/// Control characters in the title (pasted along with it, never meant) are left out.
pub fn new_session(site: &Path, new: &NewSession) -> Result<PathBuf, ScaffoldError> {
    let title: String = new.title.chars().filter(|c| !c.is_control()).collect();
    let new = &NewSession {
        title: title.split_whitespace().collect::<Vec<_>>().join(" "),
        ..new.clone()
    };
    let slug = Slug::from_text(&new.title).ok_or_else(|| {
        ScaffoldError::Invalid(format!(
            "the title {:?} has no letters or digits to make a file name from",
            new.title
        ))
    })?;
    // "sessions/x.md" reads better than "./sessions/x.md" in the printed path.
    let site = if site == Path::new(".") {
        Path::new("")
    } else {
        site
    };
    let mut dir = site.join("sessions");
    if let Some(event) = &new.event {
        let id = Slug::parse_exact(event).ok_or_else(|| {
            ScaffoldError::Invalid(format!(
                "`{event}` is not an event id: ids are lower-case letters, digits and hyphens"
            ))
        })?;
        dir.push(id.as_str());
    }
    let kind = match &new.kind {
        Some(k) => Some(
            k.parse::<SessionKind>()
                .map_err(|()| ScaffoldError::Invalid(format!("`{k}` is not a session type")))?,
        ),
        None => None,
    };
    let date = match &new.date {
        Some(d) => Some(d.parse::<jiff::civil::Date>().map_err(|_| {
            ScaffoldError::Invalid(format!("`{d}` is not a date: write YYYY-MM-DD"))
        })?),
        None => None,
    };
    let path = dir.join(format!("{slug}.md"));
    if path.exists() {
        return Err(ScaffoldError::Exists(path));
    }
    let text = session_template(new, kind.as_ref(), date);
    // What `new` writes must build: checked here, before anything is on disk.
    if let Err(d) = crate::content::parse_session(&text, &path) {
        return Err(ScaffoldError::Invalid(format!(
            "the new file would not build ({}): write the title without unusual characters",
            d.message
        )));
    }
    fs::create_dir_all(&dir).map_err(io(&dir))?;
    // create_new: a file that appeared since the check above is still never overwritten.
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => ScaffoldError::Exists(path.clone()),
            _ => ScaffoldError::Io {
                path: path.clone(),
                source: e,
            },
        })?;
    Ok(path)
}

fn session_template(
    new: &NewSession,
    kind: Option<&SessionKind>,
    date: Option<jiff::civil::Date>,
) -> String {
    let line = |key: &str, value: Option<String>, example: &str, comment: &str| match value {
        Some(v) => format!("{key}: {v:<30} # {comment}\n"),
        None => format!("# {key}: {example:<28} # {comment}\n"),
    };
    let mut t = String::from("---\n");
    t.push_str(&format!(
        "title: {}\n",
        crate::content::yaml::quoted(new.title.trim())
    ));
    t.push_str(&line(
        "event",
        new.event.clone(),
        "my-forum-2026",
        "an id from data/events.yaml, or the event's name",
    ));
    t.push_str(&line(
        "type",
        kind.map(|k| k.slug().to_string()),
        "panel",
        "roundtable | panel | workshop | outcome-document | keynote | …",
    ));
    t.push_str(&line(
        "date",
        date.map(|d| d.to_string()),
        "2026-03-02",
        "YYYY-MM-DD",
    ));
    t.push_str(
        "# time: \"10:00-10:45\"            # 24-hour clock, start-end\n\
         # timezone: \"UTC+01:00\"          # an offset, or a name such as Europe/Zurich\n\
         # organizers: [\"Organization\"]\n\
         # links:\n\
         #   - {label: Session page, url: \"https://…\"}\n\
         moderators: []\n\
         #   - {name: Full Name, honorific: Dr., role: Role title, organization: Organization, country: Country}\n\
         speakers: []\n\
         #   - Full Name                     # a bare name, or a map like the moderator's\n\
         topics: []                          # e.g. [Digital Inclusion, Cybersecurity]\n\
         sdgs: []                            # goals 1-17, e.g. [4, 9]\n\
         action_lines: []                    # C1-C11, C7 with its sub-line, e.g. [C2, \"C7 E-health\"]\n\
         # summary: \"One or two sentences for cards, feeds and search results.\"\n\
         # draft: true                       # built only with --drafts\n\
         ---\n\
         Write the session's outcome here, in Markdown.\n",
    );
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_with_unprintable_characters_make_files_that_build() {
        let dir = tempfile::tempdir().expect("tempdir");
        for (i, raw) in [
            "Bad\u{1}title\u{1b}[2J",
            "A\u{7f}B",
            "A\u{85}B\u{9b}C",
            "Line\u{2028}sep",
            "Byte\u{feff}order",
            "Quote \" and \\ back",
        ]
        .iter()
        .enumerate()
        {
            let new = NewSession {
                title: format!("{raw} {i}"),
                ..NewSession::default()
            };
            let path = new_session(dir.path(), &new).expect(raw);
            let text = fs::read_to_string(&path).expect("read");
            let (front, _) = crate::content::parse_session(&text, &path).expect(raw);
            assert!(!front.title.value.chars().any(char::is_control), "{raw}");
        }
        assert_eq!(crate::content::yaml::quoted("a\u{2028}b"), "\"a\\u2028b\"");
    }

    #[test]
    fn init_refuses_a_non_empty_folder_and_writes_the_title() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = init(&dir.path().join("site"), "Forum \"2026\": proceedings").expect("init");
        assert_eq!(files.len(), SKELETON.len());
        let config = fs::read_to_string(dir.path().join("site/proceedings.yaml")).expect("config");
        assert!(
            config.contains(r#"title: "Forum \"2026\": proceedings""#),
            "{config}"
        );
        assert!(matches!(
            init(&dir.path().join("site"), "x"),
            Err(ScaffoldError::NotEmpty(_))
        ));
    }

    #[test]
    fn new_session_writes_under_the_event_and_never_overwrites() {
        let dir = tempfile::tempdir().expect("tempdir");
        let new = NewSession {
            title: "Digital Public Infrastructure: what's next?".into(),
            event: Some("wsis-forum-2026".into()),
            kind: Some("Panel".into()),
            date: Some("2026-07-07".into()),
        };
        let path = new_session(dir.path(), &new).expect("written");
        assert!(
            path.ends_with("sessions/wsis-forum-2026/digital-public-infrastructure-whats-next.md"),
            "{}",
            path.display()
        );
        let text = fs::read_to_string(&path).expect("read");
        assert!(
            text.contains("type: panel") && text.contains("date: 2026-07-07"),
            "{text}"
        );
        assert!(matches!(
            new_session(dir.path(), &new),
            Err(ScaffoldError::Exists(_))
        ));
        for bad in [
            NewSession {
                event: Some("Not An Id".into()),
                ..new.clone()
            },
            NewSession {
                date: Some("7 July".into()),
                ..new.clone()
            },
            NewSession {
                title: "—".into(),
                ..new.clone()
            },
        ] {
            assert!(matches!(
                new_session(dir.path(), &bad),
                Err(ScaffoldError::Invalid(_))
            ));
        }
    }
}
