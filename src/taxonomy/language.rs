//! The six official languages of the United Nations, in which the built-in
//! vocabularies carry names: Arabic, Chinese, English, French, Russian, Spanish.

use std::fmt;

/// One of the six UN languages (the display languages of the built-in vocabularies).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Language {
    /// Arabic (`ar`).
    Arabic,
    /// Chinese (`zh`), in Simplified characters as the UN writes it.
    Chinese,
    /// English (`en`).
    English,
    /// French (`fr`).
    French,
    /// Russian (`ru`).
    Russian,
    /// Spanish (`es`).
    Spanish,
}

impl Language {
    /// All six, in the UN's order (alphabetical by code in English: ar, zh, en, fr, ru, es).
    pub const ALL: [Language; 6] = [
        Language::Arabic,
        Language::Chinese,
        Language::English,
        Language::French,
        Language::Russian,
        Language::Spanish,
    ];

    /// The language of a BCP 47 tag by its primary subtag, in any case: `"fr"`,
    /// `"fr-CH"`, `"zh-Hans-CN"` and `"ES"` all have one; `None` for a language
    /// that is not one of the six (`"de"`) and for `"zh-Hant"`, which the tables
    /// have no display names for.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let mut subtags = tag.split(['-', '_']);
        let primary = subtags.next()?.to_ascii_lowercase();
        let language = match primary.as_str() {
            "ar" => Language::Arabic,
            "zh" => Language::Chinese,
            "en" => Language::English,
            "fr" => Language::French,
            "ru" => Language::Russian,
            "es" => Language::Spanish,
            _ => return None,
        };
        let traditional = subtags.any(|s| s.eq_ignore_ascii_case("hant"));
        (!traditional).then_some(language)
    }

    /// The two-letter code, e.g. `"ar"`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::Chinese => "zh",
            Language::English => "en",
            Language::French => "fr",
            Language::Russian => "ru",
            Language::Spanish => "es",
        }
    }
}

impl fmt::Display for Language {
    /// The two-letter code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_resolve_by_their_primary_subtag() {
        for (tag, language) in [
            ("ar", Some(Language::Arabic)),
            ("ar-EG", Some(Language::Arabic)),
            ("zh", Some(Language::Chinese)),
            ("zh-Hans-CN", Some(Language::Chinese)),
            ("zh-Hant-TW", None),
            ("EN", Some(Language::English)),
            ("fr-CH", Some(Language::French)),
            ("ru", Some(Language::Russian)),
            ("es_419", Some(Language::Spanish)),
            ("de", None),
            ("", None),
            ("french", None),
        ] {
            assert_eq!(Language::from_tag(tag), language, "{tag:?}");
        }
    }

    #[test]
    fn every_language_round_trips_through_its_code() {
        for language in Language::ALL {
            assert_eq!(Language::from_tag(language.code()), Some(language));
            assert_eq!(language.to_string(), language.code());
        }
    }
}
