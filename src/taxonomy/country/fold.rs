//! The matching key of a country spelling, in any of the six UN languages.
//!
//! Latin letters (and any script other than the three below) are
//! transliterated to ASCII, so "Türkiye", "Việt Nam" and "Côte d’Ivoire" meet
//! their plain spellings. Cyrillic, Arabic and Han are kept in their own
//! script: a transliteration of Arabic drops the vowels and of Chinese the
//! tones, and two countries would then share a key ("النيجر" and "نيجيريا" are
//! Niger and Nigeria). They are folded instead the way their writers vary:
//! Cyrillic in lower case with "ё" read as "е"; Arabic without its vowel
//! marks and tatweel, with the alef forms as bare alef, "ى" as "ي" and "ة" as
//! "ه" (and Persian yeh and keheh as the Arabic letters); Han as written, so
//! Simplified and Traditional spellings are listed apart in the tables.

use unicode_normalization::char::is_combining_mark;

/// The matching key of a spelling: folded as the module says, lower case,
/// split into words at anything that is not a letter or digit, "the" dropped,
/// "&" read as "and", the abbreviations "St", "Rep" and "Dem" expanded, and
/// the words joined with nothing between them, so spacing, hyphens, commas,
/// full stops and parentheses make no difference ("Korea, Republic of" is
/// "Korea (Republic of)"; "Timor Leste" is "Timor-Leste").
pub(super) fn normalize(input: &str) -> String {
    let mut key = String::with_capacity(input.len());
    let mut word = String::new();
    // Runs of characters to transliterate go through `deunicode::deunicode`
    // whole (the function the rest of the crate calls: `deunicode_char` would
    // link a second copy of its 500 KB of tables), which borrows ASCII input.
    let mut run_start = 0;
    for (i, ch) in input.char_indices() {
        let Some(kept) = kept_script(ch) else {
            continue;
        };
        transliterate(&input[run_start..i], &mut key, &mut word);
        run_start = i + ch.len_utf8();
        if let Some(folded) = kept {
            word.push(folded);
        }
    }
    transliterate(&input[run_start..], &mut key, &mut word);
    end_word(&mut key, &mut word);
    key
}

/// A run of text in a script that is not kept: to ASCII, then word by word.
fn transliterate(run: &str, key: &mut String, word: &mut String) {
    if run.is_empty() {
        return;
    }
    for ch in deunicode::deunicode(run).chars() {
        ascii(ch, key, word);
    }
}

/// One ASCII character: part of a word, or a separator that ends one.
fn ascii(ch: char, key: &mut String, word: &mut String) {
    if ch.is_ascii_alphanumeric() {
        word.push(ch.to_ascii_lowercase());
        return;
    }
    end_word(key, word);
    if ch == '&' {
        key.push_str("and");
    }
}

fn end_word(key: &mut String, word: &mut String) {
    key.push_str(match word.as_str() {
        "the" => "",
        "st" => "saint",
        "rep" => "republic",
        "dem" => "democratic",
        other => other,
    });
    word.clear();
}

/// For a character of a script that is kept (Cyrillic, Arabic, Han):
/// `Some(Some(folded))` for a letter, `Some(None)` for a mark to drop.
/// `None` for every other character, which is transliterated.
fn kept_script(ch: char) -> Option<Option<char>> {
    let folded = match ch {
        // Cyrillic.
        'ё' | 'Ё' => 'е',
        '\u{0400}'..='\u{04FF}' if is_combining_mark(ch) => return Some(None),
        '\u{0400}'..='\u{04FF}' => ch.to_lowercase().next().unwrap_or(ch),
        // Arabic: tatweel, then the alef forms, alef maqsura, teh marbuta, Persian letters.
        '\u{0640}' => return Some(None),
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        // Vowel marks and shadda; Arabic punctuation ("،") is transliterated, a separator.
        '\u{0600}'..='\u{06FF}' if is_combining_mark(ch) => return Some(None),
        '\u{0600}'..='\u{06FF}' if ch.is_alphanumeric() => ch,
        // CJK Unified Ideographs and Extension A.
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => ch,
        // A combining mark after a kept letter (e.g. a Russian stress accent).
        _ if is_combining_mark(ch) && !ch.is_ascii() => return Some(None),
        _ => return None,
    };
    Some(Some(folded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_scripts_fold_to_ascii_words() {
        for (a, b) in [
            ("Việt Nam", "Viet Nam"),
            ("Côte d’Ivoire", "cote d'ivoire"),
            ("TÜRKIYE", "turkiye"),
            ("Co\u{302}te d\u{2019}Ivoire", "Cote dIvoire"),
            ("Trinidad & Tobago", "Trinidad and Tobago"),
            ("St. Lucia", "Saint Lucia"),
        ] {
            assert_eq!(normalize(a), normalize(b), "{a:?} and {b:?}");
        }
        assert_eq!(normalize("the Gambia"), "gambia");
    }

    #[test]
    fn cyrillic_is_kept_in_lower_case_with_yo_as_ye() {
        assert_eq!(normalize("Россия"), "россия");
        assert_eq!(
            normalize("СОЕДИНЁННЫЕ Штаты"),
            normalize("Соединенные штаты")
        );
        // The stress accent some sources write.
        assert_eq!(normalize("Респу\u{301}блика"), "республика");
        assert_ne!(normalize("Россия"), normalize("Rossiya"));
    }

    #[test]
    fn arabic_is_kept_without_vowel_marks_and_with_one_alef() {
        assert_eq!(normalize("الصّين"), normalize("الصين"));
        assert_eq!(normalize("إيران"), normalize("ايران"));
        assert_eq!(normalize("مصـــر"), "مصر");
        assert_eq!(normalize("كوريا، جمهورية"), normalize("كوريا جمهورية"));
        assert_eq!(
            normalize("الجمهورية العربية السورية"),
            normalize("الجمهوريه العربيه السوريه")
        );
        assert_ne!(normalize("النيجر"), normalize("نيجيريا"));
    }

    #[test]
    fn han_is_kept_as_written() {
        assert_eq!(normalize("中国"), "中国");
        assert_eq!(normalize(" 中国 "), "中国");
        assert_ne!(normalize("中国"), normalize("中國"));
        assert_ne!(normalize("中国"), normalize("Zhong Guo"));
    }
}
