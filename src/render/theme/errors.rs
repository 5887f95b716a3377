//! Template errors as diagnostics: the template's file (the site's `templates/`,
//! the theme's folder, or the embedded default theme), line and column when Tera
//! knows them, the template being rendered when it does not, and a hint.

use std::path::PathBuf;

use super::{DEFAULT_PREFIX, THEME_PREFIX, Theme};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::error::BuildError;

impl Theme {
    /// A Tera error as an error at its template's position. `rendering` names the
    /// template whose rendering failed, for errors that carry no position.
    pub(crate) fn error(&self, e: &tera::Error, rendering: Option<&str>) -> BuildError {
        let (name, location, message) = match report_of(e) {
            Some(r) => {
                let span = r.span();
                let location = Location {
                    line: span.start_line,
                    column: span.start_col + 1,
                    offset: None,
                };
                (
                    Some(r.filename().to_string()),
                    Some(location),
                    r.message().to_string(),
                )
            }
            None => (rendering.map(str::to_string), None, chain_message(e)),
        };
        let file = name.map_or_else(|| self.site_templates.clone(), |n| self.file_of(&n));
        let message = tidy(&message);
        let help = help_for(&message);
        let d = Diagnostic::error(&file, location, message).with_help(help);
        let mut diags = Diagnostics::new();
        diags.push(d);
        BuildError::Content(diags)
    }

    /// Where the template named `name` (with Tera's fallback prefix) comes from.
    fn file_of(&self, name: &str) -> PathBuf {
        if let Some(rest) = name.strip_prefix(DEFAULT_PREFIX) {
            return PathBuf::from(format!("themes/default/templates/{rest} (built in)"));
        }
        if let Some(rest) = name.strip_prefix(THEME_PREFIX)
            && let Some(dir) = &self.theme_templates
        {
            return dir.join(rest);
        }
        // A name without a prefix is looked up as Tera does: the site, the theme, the default.
        let site = self.site_templates.join(name);
        if site.is_file() {
            return site;
        }
        match &self.theme_templates {
            Some(dir) if dir.join(name).is_file() => dir.join(name),
            _ => PathBuf::from(format!("themes/default/templates/{name} (built in)")),
        }
    }
}

/// The innermost error of the chain that points into a template.
fn report_of(e: &tera::Error) -> Option<&tera::ReportError> {
    let mut found = None;
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = current {
        if let Some(t) = err.downcast_ref::<tera::Error>()
            && let tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) = t.kind()
        {
            found = Some(r.as_ref());
        }
        current = err.source();
    }
    found
}

/// Every message of the chain, outermost first.
fn chain_message(e: &tera::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ")
}

/// Tera's message as one line, without its own `error:` prefix and final full stop.
fn tidy(message: &str) -> String {
    let line = message.lines().next().unwrap_or(message).trim();
    let line = line.strip_prefix("error: ").unwrap_or(line);
    let line = line.strip_suffix('.').unwrap_or(line);
    let mut chars = line.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "the template failed".to_string(),
    }
}

fn help_for(message: &str) -> &'static str {
    let hints = [
        (
            "unknown filter",
            "use a filter that Tera or proceedings provides (docs/theming.md lists them)",
        ),
        (
            "is not defined",
            "use one of the variables listed, or guard it: `{% if name is defined %}`",
        ),
        (
            "recursion depth",
            "a component calls itself without end: give the call a condition that stops it",
        ),
        (
            "not found",
            "check the template's name: templates/ overrides the theme's templates by file name",
        ),
        (
            "unknown tag",
            "Tera 2 has no such tag: see docs/theming.md for the syntax",
        ),
        (
            "found `",
            "fix the syntax at this position: every {{ … }} and {% … %} must be complete",
        ),
    ];
    hints
        .iter()
        .find(|(key, _)| message.to_lowercase().contains(key))
        .map_or(
            "fix the template at this position (docs/theming.md describes each template)",
            |(_, h)| h,
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::SitePaths;
    use std::path::Path;

    fn theme_with(template: &str) -> Result<Theme, BuildError> {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("templates")).expect("mkdir");
        std::fs::write(dir.path().join("templates/session.html"), template).expect("write");
        Theme::load(&SitePaths::new(dir.path()), "default")
    }

    fn first(e: BuildError) -> Diagnostic {
        match e {
            BuildError::Content(d) => d.iter().next().cloned().expect("one"),
            other => panic!("not a diagnostic: {other}"),
        }
    }

    #[test]
    fn a_syntax_error_names_the_templates_file_line_and_column() {
        let Err(e) = theme_with("a\n{% if %}\n") else {
            panic!("should fail")
        };
        let d = first(e);
        assert!(d.file.ends_with("templates/session.html"), "{d}");
        assert_eq!(d.location.map(|l| (l.line, l.column)), Some((2, 7)), "{d}");
        assert!(d.help.is_some());
    }

    #[test]
    fn default_templates_are_named_as_built_in() {
        let theme = theme_with("x").expect("loads");
        assert_eq!(
            theme.file_of("default/base.html"),
            Path::new("themes/default/templates/base.html (built in)")
        );
    }
}
