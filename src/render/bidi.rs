//! Bidirectional text: which of the editors' texts must be isolated from what stands
//! beside it, and the `bdi` template filter that does it.
//!
//! A name in Arabic or Hebrew, or one carrying a stray direction override (U+202E),
//! reorders the commas, counts and names around it unless it is isolated (`<bdi>`,
//! or U+2068 … U+2069 in plain text). The pages are left-to-right, so text made of
//! left-to-right and neutral characters only needs nothing, and gets nothing: most
//! names on most sites add no bytes to the pages.

use std::borrow::Cow;

use tera::{Kwargs, State, StringInput, TeraResult, Value};

/// Whether `c` is a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko,
/// Samaritan, Mandaic and their presentation forms) or a direction control.
pub(crate) fn is_bidi(c: char) -> bool {
    matches!(c, '\u{590}'..='\u{8ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{fefc}'
        | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{10800}'..='\u{10fff}' | '\u{1e800}'..='\u{1efff}')
}

/// `text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it holds
/// right-to-left text or a direction control (for plain text: citations); else as it is.
pub(crate) fn isolated(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_bidi) {
        Cow::Owned(format!("\u{2068}{text}\u{2069}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The `bdi` filter: `{{ p.name | bdi }}` is the name in a `<bdi>` element (escaped)
/// when it holds right-to-left text or a direction control, and the name as it is
/// (escaped as usual) otherwise.
pub(crate) fn filter(value: StringInput<'_>, _: Kwargs, state: &State) -> TeraResult<Value> {
    if !value.as_str().chars().any(is_bidi) {
        return Ok(value.into_value());
    }
    let inner = if value.is_safe() {
        value.as_str().to_string()
    } else {
        state.escape(value.as_str())?
    };
    Ok(Value::safe_string(&format!("<bdi>{inner}</bdi>")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, name: &str) -> String {
        let mut tera = tera::Tera::new();
        tera.register_filter("bdi", filter);
        tera.add_raw_template("t.html", template).expect("template");
        let mut ctx = tera::Context::new();
        ctx.insert("name", name);
        tera.render("t.html", &ctx).expect("renders")
    }

    #[test]
    fn only_text_that_can_reorder_its_neighbours_is_isolated_and_all_is_escaped() {
        assert_eq!(render("{{ name | bdi }}, x", "Zoë <b>"), "Zoë &lt;b&gt;, x");
        assert_eq!(
            render("{{ name | bdi }}, x", "محمد <b>"),
            "<bdi>محمد &lt;b&gt;</bdi>, x"
        );
        assert_eq!(
            render("{{ name | bdi }}", "Eve \u{202e}x"),
            "<bdi>Eve \u{202e}x</bdi>"
        );
        assert_eq!(render("{{ name | bdi }}", "Карина 東京"), "Карина 東京");
    }

    #[test]
    fn plain_text_is_isolated_with_invisible_marks_only_when_needed() {
        assert_eq!(isolated("Ana Lima"), "Ana Lima");
        assert_eq!(isolated("אבג"), "\u{2068}אבג\u{2069}");
    }
}
