//! Pretty reports at the edge: diagnostics with source snippets (miette),
//! build failures, and number formatting for the summary line.

use std::collections::HashMap;
use std::fmt;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use proceedings::BuildError;
use proceedings::diag::{Diagnostic, Diagnostics, Severity};

use super::term::{self, tell};

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

/// A duration as a person reads it: "84 ms" under a second, "25.5 s" from one on.
pub(crate) fn duration(d: std::time::Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 1000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.1} s", ms / 1000.0)
    }
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
    match peak_memory_mb() {
        Some(mb) => tell!("stages: {}; peak memory {mb} MB", parts.join(", ")),
        None => tell!("stages: {}", parts.join(", ")),
    }
}

/// The process's peak resident memory so far, where the system says it (Linux's
/// `VmHWM`): what the benchmarks' memory targets are about.
fn peak_memory_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// Prints a failed build and returns exit code 1.
pub(crate) fn failure(e: &BuildError) -> ExitCode {
    match e {
        BuildError::Content(diags) => {
            diagnostics(diags);
            tell!(
                "error: the build failed with {} error(s) and {} warning(s); the previous output was left as it was",
                diags.error_count(),
                diags.warning_count()
            );
        }
        other => {
            tell!("error: {other}");
            if let Some(help) = other.help() {
                tell!("  help: {help}");
            }
        }
    }
    ExitCode::FAILURE
}

/// Diagnostics with the same message in one file shown in full before the rest are
/// counted (a name listed 100 000 times is one problem, not a screenful).
const SAME_SHOWN: usize = 5;

/// Prints every diagnostic: the `file:line:col: error: …` line, then the source excerpt.
/// Each file is read once for its excerpts, however many diagnostics it has.
pub(crate) fn diagnostics(diags: &Diagnostics) {
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme);
    let mut texts: HashMap<&Path, Option<Source>> = HashMap::new();
    let mut seen: HashMap<(&Path, Severity, &str), usize> = HashMap::new();
    for d in diags {
        let n = seen.entry((&d.file, d.severity, &d.message)).or_default();
        *n += 1;
        if *n > SAME_SHOWN {
            continue;
        }
        tell!("{d}");
        let text = texts
            .entry(&d.file)
            .or_insert_with(|| excerpt_source(&d.file));
        if let Some(snippet) = text.as_ref().and_then(|t| Snippet::new(d, t)) {
            let mut out = String::new();
            if handler.render_report(&mut out, &snippet).is_ok() {
                // The message and help are already on the line above: keep only the source excerpt.
                let excerpt: Vec<&str> = out.lines().skip_while(|l| !l.contains('╭')).collect();
                term::tell_rendered(&excerpt.join("\n"));
            }
        }
    }
    let mut repeated: Vec<_> = seen.into_iter().filter(|(_, n)| *n > SAME_SHOWN).collect();
    repeated.sort();
    for ((file, severity, message), n) in repeated {
        let kind = match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        tell!(
            "{}: {kind}: … and {} more like this: {message}",
            file.display(),
            n - SAME_SHOWN
        );
    }
}

/// The text excerpts are cut from: only regular files of a sane size, never a
/// device, a pipe or /proc.
fn excerpt_source(file: &Path) -> Option<Source> {
    let meta = std::fs::metadata(file).ok()?;
    if !meta.is_file() || meta.len() > MAX_EXCERPT_FILE {
        return None;
    }
    std::fs::read_to_string(file).ok().map(Source::new)
}

/// Longest excerpt line, in characters: a line of a minified file or a megabyte of
/// one-line YAML is shown as the part around the error (miette cannot pad past
/// 65 535 columns, and no terminal shows that much).
const WINDOW: usize = 120;

/// Largest file an excerpt is read from.
const MAX_EXCERPT_FILE: u64 = 64 * 1024 * 1024;

/// A diagnostic with the lines around it, for miette's excerpt.
#[derive(Debug)]
struct Snippet<'a> {
    d: &'a Diagnostic,
    source: Window,
    offset: usize,
}

impl<'a> Snippet<'a> {
    fn new(d: &'a Diagnostic, text: &Source) -> Option<Snippet<'a>> {
        let loc = d.location?;
        if text.text.is_empty() {
            return None;
        }
        let offset = loc
            .offset
            .filter(|&o| text.text.is_char_boundary(o))
            .or_else(|| text.offset_of(loc.line, loc.column))?;
        let (source, offset) = Window::around(
            text,
            offset,
            term::safe(&d.file.display().to_string()).into_owned(),
        )?;
        Some(Snippet { d, source, offset })
    }
}

/// The line of an error with one line either side, each cut to [`WINDOW`]
/// characters and made safe for the terminal, with where it sits in its file.
#[derive(Debug)]
struct Window {
    name: String,
    text: String,
    /// 0-based line of the window's first line in the file.
    first_line: usize,
    /// 0-based line of the error in the window.
    error_line: usize,
    /// Characters cut from the start of the error's line.
    shift: usize,
}

impl Window {
    /// The window around byte `offset` of `text`, and the offset in the window.
    fn around(source: &Source, offset: usize, name: String) -> Option<(Window, usize)> {
        let text = source.text.as_str();
        if offset > text.len() || !text.is_char_boundary(offset) {
            return None;
        }
        // Lines by their starts, found by binary search: a file with thousands of
        // diagnostics is not scanned from the top for each.
        let line_no = source.starts.partition_point(|&s| s <= offset) - 1;
        let line = |n: usize| {
            let start = source.starts[n];
            let end = source
                .starts
                .get(n + 1)
                .map_or(text.len(), |&next| next - 1);
            (start, end.max(start))
        };
        let (line_start, line_end) = line(line_no);
        let before = line_no.checked_sub(1).map(line);
        let after = (line_no + 1 < source.starts.len()).then(|| line(line_no + 1));
        let column = text[line_start..offset].chars().count();
        let shift = column.saturating_sub(WINDOW / 2);
        let mut out = String::new();
        let mut error_line = 0;
        if let Some((a, b)) = before {
            push_safe(&mut out, &text[a..b], 0);
            out.push('\n');
            error_line = 1;
        }
        let cut = push_safe(&mut out, &text[line_start..line_end], shift);
        let in_window = out.len() - cut.len() + byte_of_char(&cut, column - shift);
        if let Some((a, b)) = after {
            out.push('\n');
            push_safe(&mut out, &text[a..b], 0);
        }
        let first_line = line_no - error_line;
        let window = Window {
            name,
            text: out,
            first_line,
            error_line,
            shift,
        };
        Some((window, in_window))
    }
}

/// A file read once for all of its excerpts, with where its lines start.
#[derive(Debug)]
struct Source {
    text: String,
    starts: Vec<usize>,
}

impl Source {
    fn new(text: String) -> Source {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source { text, starts }
    }

    /// Byte offset of a 1-based line and character column.
    fn offset_of(&self, line: usize, column: usize) -> Option<usize> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let line_text = self.text[start..].lines().next().unwrap_or("");
        let col = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        Some(start + col)
    }
}

/// Appends `line` from character `skip` on, at most [`WINDOW`] characters, with
/// anything that could act on a terminal (or end the line for miette) replaced;
/// returns what was appended.
fn push_safe(out: &mut String, line: &str, skip: usize) -> String {
    let cut: String = line
        .trim_end_matches('\r')
        .chars()
        .skip(skip)
        .take(WINDOW)
        .map(|c| if term::is_unsafe(c) { '\u{fffd}' } else { c })
        .collect();
    out.push_str(&cut);
    cut
}

fn byte_of_char(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let c = self.text.read_span(span, before, after)?;
        let column = if c.line() == self.error_line {
            c.column() + self.shift
        } else {
            c.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            c.data(),
            *c.span(),
            c.line() + self.first_line,
            column,
            c.line_count(),
        )))
    }
}

impl fmt::Display for Snippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&term::safe(&self.d.message))
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
    fn durations_read_in_milliseconds_then_seconds() {
        use std::time::Duration;
        assert_eq!(duration(Duration::from_millis(84)), "84 ms");
        assert_eq!(duration(Duration::from_millis(25_503)), "25.5 s");
    }

    #[test]
    fn a_window_cuts_long_lines_around_the_error_and_keeps_file_lines() {
        let long = format!(
            "a: x\nb: {}ERR{}\nc: y\n",
            "x".repeat(70_000),
            "y".repeat(10)
        );
        let offset = long.find("ERR").expect("ERR");
        let (w, at) =
            Window::around(&Source::new(long.clone()), offset, "f".into()).expect("window");
        assert!(
            w.text.lines().all(|l| l.chars().count() <= WINDOW),
            "{}",
            w.text
        );
        assert_eq!(&w.text[at..at + 3], "ERR");
        assert_eq!((w.first_line, w.error_line), (0, 1));
        assert_eq!(w.shift, 70_003 - WINDOW / 2);
    }

    #[test]
    fn an_excerpt_past_column_65535_renders_without_panicking() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.md");
        let line = format!("title: {}\u{1b}]52;c;eA==\u{7}", "x".repeat(70_000));
        std::fs::write(&file, format!("---\n{line}\n---\n")).expect("write");
        let location = proceedings::diag::Location {
            line: 2,
            column: 70_005,
            offset: None,
        };
        let d = Diagnostic::error(&file, Some(location), "bad");
        let text = excerpt_source(&file).expect("text");
        let snippet = Snippet::new(&d, &text).expect("snippet");
        let mut out = String::new();
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .render_report(&mut out, &snippet)
            .expect("render");
        assert!(out.contains(":2:70005]"), "{out}");
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out}");
    }

    #[test]
    fn offsets_follow_lines_and_characters() {
        assert_eq!(Source::new("ab\ncdé f\n".into()).offset_of(2, 4), Some(7));
        assert_eq!(Source::new("ab\n".into()).offset_of(1, 1), Some(0));
    }
}
