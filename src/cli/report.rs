//! Pretty reports at the edge: diagnostics with source snippets (miette),
//! build failures, and number formatting for the summary line.

use std::fmt;
use std::io::IsTerminal;
use std::process::ExitCode;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};
use proceedings::BuildError;
use proceedings::diag::{Diagnostic, Diagnostics, Severity};

/// "1 304": thousands separated by a space, as in the summary line.
pub(crate) fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// "1 session", "2 071 sessions".
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", count(n), if n == 1 { one } else { many })
}

/// Prints how long each stage took (`--verbose`).
pub(crate) fn timings(timings: &[(&str, std::time::Duration)]) {
    let parts: Vec<String> = timings
        .iter()
        .map(|(stage, d)| format!("{stage} {:.0} ms", d.as_secs_f64() * 1000.0))
        .collect();
    eprintln!("stages: {}", parts.join(", "));
}

/// Prints a failed build and returns exit code 1.
pub(crate) fn failure(e: &BuildError) -> ExitCode {
    match e {
        BuildError::Content(diags) => {
            diagnostics(diags);
            eprintln!(
                "error: the build failed with {} error(s) and {} warning(s); the previous output was left as it was",
                diags.error_count(),
                diags.warning_count()
            );
        }
        other => {
            eprintln!("error: {other}");
            if let Some(help) = other.help() {
                eprintln!("  help: {help}");
            }
        }
    }
    ExitCode::FAILURE
}

/// Prints every diagnostic: the `file:line:col: error: …` line, then the source snippet.
pub(crate) fn diagnostics(diags: &Diagnostics) {
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme);
    for d in diags {
        eprintln!("{d}");
        if let Some(snippet) = Snippet::new(d) {
            let mut out = String::new();
            if handler.render_report(&mut out, &snippet).is_ok() {
                // The message and help are already on the line above: keep only the source excerpt.
                let excerpt: Vec<&str> = out.lines().skip_while(|l| !l.contains('╭')).collect();
                eprintln!("{}", excerpt.join("\n"));
            }
        }
    }
}

/// A diagnostic with its source text, for miette's excerpt.
#[derive(Debug)]
struct Snippet<'a> {
    d: &'a Diagnostic,
    source: NamedSource<String>,
    offset: usize,
}

impl<'a> Snippet<'a> {
    fn new(d: &'a Diagnostic) -> Option<Snippet<'a>> {
        let loc = d.location?;
        let text = std::fs::read_to_string(&d.file).ok()?;
        let offset = loc
            .offset
            .or_else(|| offset_of(&text, loc.line, loc.column))?;
        (offset <= text.len()).then(|| Snippet {
            d,
            source: NamedSource::new(d.file.display().to_string(), text),
            offset,
        })
    }
}

/// Byte offset of a 1-based line and character column.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let line_text = text[start..].lines().next().unwrap_or("");
    let col = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    Some(start + col)
}

impl fmt::Display for Snippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Snippet<'_> {}

impl miette::Diagnostic for Snippet<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new(
            Some("here".into()),
            self.offset,
            1,
        ))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_use_spaces_between_thousands() {
        assert_eq!(count(7), "7");
        assert_eq!(count(1304), "1 304");
        assert_eq!(count(2_071_000), "2 071 000");
        assert_eq!(counted(1, "session", "sessions"), "1 session");
        assert_eq!(counted(1304, "session", "sessions"), "1 304 sessions");
    }

    #[test]
    fn offsets_follow_lines_and_characters() {
        assert_eq!(offset_of("ab\ncdé f\n", 2, 4), Some(7));
        assert_eq!(offset_of("ab\n", 1, 1), Some(0));
    }
}
