//! The Markdown body of an outcome document: its free sections as `##` headings,
//! their bullets, numbers and check boxes as lists (the bullets under a ☐ item as
//! its sub-items), paragraphs as paragraphs.

use super::clean::list_item;
use super::emit::escape_line;

/// The Markdown of the free sections.
#[derive(Default)]
pub(crate) struct Body {
    out: String,
    /// Inside a ☐ group: the bullets that follow are its sub-items.
    in_group: bool,
    /// The previous line was a list item (a paragraph needs a blank line first).
    in_list: bool,
}

impl Body {
    pub(crate) fn heading(&mut self, h: &str) {
        self.block_break();
        self.out.push_str(&format!("## {}\n\n", escape_line(h)));
        self.in_group = false;
        self.in_list = false;
    }

    pub(crate) fn line(&mut self, line: &str) {
        if let Some(item) = list_item(line) {
            let text = escape_line(item.text);
            if item.checkbox {
                self.in_group = true;
                self.out.push_str(&format!("- {text}\n"));
            } else if self.in_group {
                self.out.push_str(&format!("  - {text}\n"));
            } else if item.numbered {
                self.out.push_str(&format!("1. {text}\n"));
            } else {
                self.out.push_str(&format!("- {text}\n"));
            }
            self.in_list = true;
        } else {
            self.block_break();
            self.out.push_str(&escape_line(line.trim()));
            self.out.push_str("\n\n");
            self.in_group = false;
            self.in_list = false;
        }
    }

    fn block_break(&mut self) {
        if self.in_list {
            self.out.push('\n');
            self.in_list = false;
        }
    }

    pub(crate) fn finish(self) -> String {
        let out = self.out.trim_end();
        if out.is_empty() {
            String::new()
        } else {
            format!("{out}\n")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_boxes_group_the_bullets_that_follow() {
        let mut b = Body::default();
        b.heading("Actionable plan");
        for line in [
            "☐ Prioritize security:",
            "- Share threat data.",
            "☐ Bridge the divide:",
            "- Invest.",
            "After the list.",
        ] {
            b.line(line);
        }
        assert_eq!(
            b.finish(),
            "## Actionable plan\n\n- Prioritize security:\n  - Share threat data.\n\
             - Bridge the divide:\n  - Invest.\n\nAfter the list.\n"
        );
    }
}
