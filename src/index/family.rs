//! The order of people in every A–Z list: by family name.
//!
//! A name as written ("Jan van der Berg") is turned into the text it sorts by, family
//! name first ("Berg Jan van der"); `sort_name:` in `data/speakers.yaml` replaces that
//! text for names the rule gets wrong (family name first: "Zhao Houlin"; two family
//! names: "García Márquez Gabriel"). The rule, as docs/content.md states it:
//!
//! 1. a name with one word sorts by that word;
//! 2. a name with a comma ("Berg, Jan van der") is taken as written family name first;
//! 3. a word in capitals among words that are not ("ZHAO Houlin", "Houlin ZHAO") is
//!    the family name;
//! 4. otherwise the family name is the last word, leaving out initials ("R.") and
//!    suffixes ("Jr.", "III") after it; lower-case particles before it ("van der",
//!    "de la", "von") sort after the given names, and particles that start with a
//!    capital ("Van der Berg") are part of the family name.

use std::borrow::Cow;

/// Particles that may stand before a family name. Written in lower case they do not
/// decide the letter a name is under ("Ludwig van Beethoven" is under B).
const PARTICLES: &[&str] = &[
    "al", "da", "das", "de", "degli", "dei", "del", "della", "den", "der", "di", "do", "dos", "du",
    "el", "la", "le", "les", "lo", "ten", "ter", "van", "von", "zu", "zum", "zur",
];

/// Words after a family name that are not part of it.
const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

/// The text a name sorts by, family name first ("Berg Jan van der"); see the module
/// doc for the rule. The result is only compared (through [`super::sort_key`]), never shown.
pub fn family_first(name: &str) -> Cow<'_, str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 || name.contains(',') {
        return Cow::Borrowed(name);
    }
    if let Some(family) = capitalised_family(&words) {
        let mut order = vec![words[family]];
        order.extend((words.iter().enumerate()).filter_map(|(i, w)| (i != family).then_some(*w)));
        return Cow::Owned(order.join(" "));
    }
    // The last word that is neither an initial nor a suffix; a name of initials only
    // sorts as written.
    let Some(last) = words.iter().rposition(|w| !is_initial(w) && !is_suffix(w)) else {
        return Cow::Borrowed(name);
    };
    let mut start = last;
    while start > 0 && is_particle(words[start - 1]) {
        start -= 1;
    }
    // Particles written with a capital lead the family name ("Van der Berg").
    let capital_particles = start < last && words[start].starts_with(char::is_uppercase);
    let (family, particles) = if capital_particles {
        (&words[start..=last], &[][..])
    } else {
        (&words[last..=last], &words[start..last])
    };
    let order: Vec<&str> = (family.iter())
        .chain(&words[..start])
        .chain(particles)
        .chain(&words[last + 1..])
        .copied()
        .collect();
    Cow::Owned(order.join(" "))
}

/// The one word written in capitals ("ZHAO") among words with lower-case letters, if
/// there is exactly one: a common way to mark the family name.
fn capitalised_family(words: &[&str]) -> Option<usize> {
    let is_capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let mut capitals = (words.iter()).enumerate().filter(|(_, w)| is_capitals(w));
    let (family, _) = capitals.next()?;
    let others_lower = (words.iter().enumerate())
        .filter(|&(i, _)| i != family)
        .any(|(_, w)| w.chars().any(char::is_lowercase));
    (capitals.next().is_none() && others_lower).then_some(family)
}

/// "R." or "R": one letter, with or without its dot.
fn is_initial(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    letters.chars().count() == 1 && letters.chars().all(char::is_alphabetic)
}

fn is_suffix(word: &str) -> bool {
    SUFFIXES.contains(&word.to_lowercase().as_str())
}

fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::family_first;
    use crate::index::{initial, sort_key};

    #[test]
    fn the_family_name_is_the_last_word_and_sorts_first() {
        assert_eq!(family_first("Megan R. Hughes"), "Hughes Megan R.");
        assert_eq!(
            family_first("Kamau Njoroge-Mugisha"),
            "Njoroge-Mugisha Kamau"
        );
        assert_eq!(
            family_first("Martin Luther King Jr."),
            "King Martin Luther Jr."
        );
        // A trailing initial is not the family name.
        assert_eq!(family_first("Lü Xiaoming P."), "Xiaoming Lü P.");
    }

    #[test]
    fn lower_case_particles_sort_after_the_given_names() {
        assert_eq!(family_first("Jan van der Berg"), "Berg Jan van der");
        assert_eq!(family_first("María de la Cruz"), "Cruz María de la");
        assert_eq!(family_first("Ursula von der Leyen"), "Leyen Ursula von der");
        assert_eq!(initial(&family_first("Ludwig van Beethoven")), 'B');
        // Only particles and a family name: the particles still trail.
        assert_eq!(family_first("de Souza"), "Souza de");
    }

    #[test]
    fn capitalised_particles_are_part_of_the_family_name() {
        assert_eq!(family_first("Eddie Van Halen"), "Van Halen Eddie");
        assert_eq!(family_first("Pieter Van der Berg"), "Van der Berg Pieter");
        assert_eq!(initial(&family_first("Ana De la Cruz")), 'D');
    }

    #[test]
    fn a_word_in_capitals_is_the_family_name_wherever_it_stands() {
        assert_eq!(family_first("ZHAO Houlin"), "ZHAO Houlin");
        assert_eq!(family_first("Houlin ZHAO"), "ZHAO Houlin");
        // All in capitals says nothing: the last word is the family name.
        assert_eq!(family_first("HOULIN ZHAO"), "ZHAO HOULIN");
        // An initial in capitals is not a family name.
        assert_eq!(family_first("Megan R Hughes"), "Hughes Megan R");
    }

    #[test]
    fn single_names_commas_and_initials_only_sort_as_written() {
        assert_eq!(family_first("Ronaldinho"), "Ronaldinho");
        assert_eq!(family_first("Berg, Jan van der"), "Berg, Jan van der");
        assert_eq!(family_first("A. B."), "A. B.");
        assert_eq!(family_first(""), "");
    }

    #[test]
    fn family_first_keys_order_names_by_family_name() {
        let mut names = ["Jan van der Berg", "Anna Bergman", "Zoe Adams", "Bo Berg"];
        names.sort_by_cached_key(|n| sort_key(&family_first(n)));
        assert_eq!(
            names,
            ["Zoe Adams", "Bo Berg", "Jan van der Berg", "Anna Bergman"]
        );
    }

    #[test]
    fn a_registry_sort_name_replaces_the_rule_for_family_name_first_names() {
        use crate::index::SortKeys;
        use crate::model::Person;
        use crate::url::Slug;
        let mut keys = SortKeys::default();
        let mut zhao = Person::named(
            Slug::from_text("zhao houlin").expect("slug"),
            "Zhao Houlin".into(),
            None,
        );
        // By the rule, "Houlin" would be the family name.
        assert_eq!(initial(&keys.person(&zhao)), 'H');
        zhao.sort_name = Some("Zhao Houlin".into());
        assert_eq!(&*keys.person(&zhao), "zhao houlin");
        assert_eq!(initial(&keys.person(&zhao)), 'Z');
    }
}
