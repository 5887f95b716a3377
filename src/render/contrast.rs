//! WCAG colour contrast for the syntax-highlighting themes.
//!
//! Why: syntect's bundled themes were made for editors, not for the WCAG AA
//! rule the default theme keeps (4.5:1 for text). InspiredGitHub's comments
//! (#969896) and YAML keys (#63a35c) read at about 3:1 on white, and axe-core
//! reports them as serious violations on any page with a code block. Rather
//! than hand-edit the generated `syntax.css`, every foreground colour is moved
//! towards black (on a light background) or white (on a dark one) just far
//! enough to pass, so the themes keep their hues and stay regenerable.

use syntect::highlighting::{Color, Theme};

/// WCAG 2 level AA for normal-size text.
pub(crate) const MIN_CONTRAST: f64 = 4.5;

/// The theme with every foreground colour readable on its background.
pub(crate) fn readable_theme(mut theme: Theme) -> Theme {
    let white = Color::WHITE;
    let background = theme.settings.background.unwrap_or(white);
    if let Some(fg) = theme.settings.foreground {
        theme.settings.foreground = Some(readable(fg, background));
    }
    for item in &mut theme.scopes {
        let bg = item.style.background.unwrap_or(background);
        if let Some(fg) = item.style.foreground {
            item.style.foreground = Some(readable(fg, bg));
        }
    }
    theme
}

/// `fg` itself if it reads on `bg`, else the first mix of `fg` with black or
/// white (away from `bg`), in 1 % steps, that does.
pub(crate) fn readable(fg: Color, bg: Color) -> Color {
    let target = if luminance(bg) > 0.18 {
        Color::BLACK
    } else {
        Color::WHITE
    };
    (0..=100)
        .map(|step| mix(fg, target, f64::from(step) / 100.0))
        .find(|c| ratio(*c, bg) >= MIN_CONTRAST)
        .unwrap_or(target)
}

/// The WCAG contrast ratio of two opaque colours, from 1 to 21.
pub(crate) fn ratio(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// WCAG relative luminance (sRGB).
fn luminance(c: Color) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
}

fn mix(from: Color, to: Color, t: f64) -> Color {
    let lerp = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    Color {
        r: lerp(from.r, to.r),
        g: lerp(from.g, to.g),
        b: lerp(from.b, to.b),
        a: from.a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syntect::highlighting::ThemeSet;

    fn rgb(hex: u32) -> Color {
        Color {
            r: (hex >> 16) as u8,
            g: (hex >> 8) as u8,
            b: hex as u8,
            a: 0xFF,
        }
    }

    #[test]
    fn wcag_ratios_match_known_values() {
        assert!((ratio(Color::BLACK, Color::WHITE) - 21.0).abs() < 1e-9);
        // #767676 on white is the classic lightest AA grey: 4.54:1.
        assert!((ratio(rgb(0x767676), Color::WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn readable_colours_pass_aa_and_passing_ones_are_kept() {
        let comment = rgb(0x969896);
        assert!(ratio(comment, Color::WHITE) < MIN_CONTRAST);
        assert!(ratio(readable(comment, Color::WHITE), Color::WHITE) >= MIN_CONTRAST);
        let dark_bg = rgb(0x2b303b);
        let dim = rgb(0x65737e);
        assert!(ratio(readable(dim, dark_bg), dark_bg) >= MIN_CONTRAST);
        assert_eq!(readable(rgb(0x183691), Color::WHITE), rgb(0x183691));
    }

    #[test]
    fn every_colour_of_the_shipped_highlighting_themes_passes_aa() {
        let themes = ThemeSet::load_defaults();
        for name in ["InspiredGitHub", "base16-ocean.dark"] {
            let theme = readable_theme(themes.themes[name].clone());
            let bg = theme.settings.background.expect("themes set a background");
            for item in &theme.scopes {
                if let Some(fg) = item.style.foreground {
                    let on = item.style.background.unwrap_or(bg);
                    assert!(ratio(fg, on) >= MIN_CONTRAST, "{name}: {fg:?} on {on:?}");
                }
            }
        }
    }
}
