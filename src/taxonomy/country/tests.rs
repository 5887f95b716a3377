use super::*;
use std::collections::HashSet;

fn code(iso2: &str) -> Country {
    Country::from_code(iso2).expect("test tables use valid alpha-2 codes")
}

/// Asserts that every `(input, alpha-2)` pair parses to that country.
fn assert_parses(cases: &[(&str, &str)]) {
    for &(input, iso2) in cases {
        assert_eq!(input.parse::<Country>(), Ok(code(iso2)), "input {input:?}");
    }
}

/// The UN short names that `shared/bench/gen_corpus.py` writes (its
/// `COUNTRIES` list, 193 member states and Palestine).
// Copied verbatim, one wrapped list, as it reads in the Python source.
#[rustfmt::skip]
const BENCH_CORPUS_NAMES: [&str; 194] = [
    "Andorra", "Austria", "Belgium", "France", "Germany", "Ireland", "Italy", "Liechtenstein",
    "Luxembourg", "Malta", "Monaco", "Netherlands (Kingdom of the)", "Portugal", "San Marino",
    "Spain", "Switzerland", "United Kingdom of Great Britain and Northern Ireland", "Greece",
    "Cyprus", "Denmark", "Finland", "Iceland", "Norway", "Sweden", "Albania", "Belarus",
    "Bosnia and Herzegovina", "Bulgaria", "Croatia", "Czechia", "Estonia", "Hungary", "Latvia",
    "Lithuania", "Montenegro", "North Macedonia", "Poland", "Republic of Moldova", "Romania",
    "Russian Federation", "Serbia", "Slovakia", "Slovenia", "Ukraine", "Armenia", "Azerbaijan",
    "Georgia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan",
    "Türkiye", "Canada", "United States of America", "Australia", "New Zealand",
    "Antigua and Barbuda", "Argentina", "Bahamas", "Barbados", "Belize",
    "Bolivia (Plurinational State of)", "Brazil", "Chile", "Colombia", "Costa Rica", "Cuba",
    "Dominica", "Dominican Republic", "Ecuador", "El Salvador", "Grenada", "Guatemala",
    "Guyana", "Haiti", "Honduras", "Jamaica", "Mexico", "Nicaragua", "Panama", "Paraguay",
    "Peru", "Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines",
    "Suriname", "Trinidad and Tobago", "Uruguay", "Venezuela (Bolivarian Republic of)",
    "Algeria", "Bahrain", "Egypt", "Iran (Islamic Republic of)", "Iraq", "Israel", "Jordan",
    "Kuwait", "Lebanon", "Libya", "Morocco", "Oman", "Qatar", "Saudi Arabia",
    "State of Palestine", "Syrian Arab Republic", "Tunisia", "United Arab Emirates", "Yemen",
    "Mauritania", "Sudan", "Djibouti", "Comoros", "Benin", "Burkina Faso", "Burundi",
    "Cabo Verde", "Cameroon", "Central African Republic", "Chad", "Congo", "Côte d'Ivoire",
    "Democratic Republic of the Congo", "Equatorial Guinea", "Gabon", "Guinea", "Guinea-Bissau",
    "Mali", "Niger", "Senegal", "São Tomé and Príncipe", "Togo", "Madagascar", "Rwanda",
    "Gambia", "Ghana", "Liberia", "Nigeria", "Sierra Leone", "Eritrea", "Ethiopia", "Kenya",
    "Somalia", "South Sudan", "Uganda", "United Republic of Tanzania", "Seychelles",
    "Mauritius", "Angola", "Botswana", "Eswatini", "Lesotho", "Malawi", "Mozambique", "Namibia",
    "South Africa", "Zambia", "Zimbabwe", "Afghanistan", "Bangladesh", "Bhutan", "India",
    "Maldives", "Nepal", "Pakistan", "Sri Lanka", "China", "Japan", "Mongolia",
    "Democratic People's Republic of Korea", "Republic of Korea", "Brunei Darussalam",
    "Cambodia", "Indonesia", "Lao People's Democratic Republic", "Malaysia", "Myanmar",
    "Philippines", "Singapore", "Thailand", "Timor-Leste", "Viet Nam", "Fiji", "Kiribati",
    "Marshall Islands", "Micronesia (Federated States of)", "Nauru", "Palau",
    "Papua New Guinea", "Samoa", "Solomon Islands", "Tonga", "Tuvalu", "Vanuatu",
];

#[test]
fn table_holds_the_249_iso_countries_with_well_formed_unique_codes() {
    assert_eq!(Country::all().count(), 249);
    let mut iso2 = HashSet::new();
    let mut iso3 = HashSet::new();
    for country in Country::all() {
        let (two, three) = (country.iso2(), country.iso3());
        assert!(
            two.len() == 2 && two.bytes().all(|b| b.is_ascii_uppercase()),
            "{two}"
        );
        assert!(
            three.len() == 3 && three.bytes().all(|b| b.is_ascii_uppercase()),
            "{three}"
        );
        assert_eq!(country.slug(), two.to_ascii_lowercase());
        assert!(iso2.insert(two), "duplicate alpha-2 {two}");
        assert!(iso3.insert(three), "duplicate alpha-3 {three}");
    }
}

#[test]
fn all_lists_countries_in_name_order_and_ord_agrees() {
    let fold = |c: Country| deunicode::deunicode(c.name()).to_lowercase();
    let all: Vec<Country> = Country::all().collect();
    for pair in all.windows(2) {
        assert!(
            fold(pair[0]) < fold(pair[1]),
            "{} before {}",
            pair[0],
            pair[1]
        );
        assert!(pair[0] < pair[1]);
    }
    assert_eq!(all.first().map(|c| c.iso2()), Some("AF"));
    assert_eq!(all.last().map(|c| c.iso2()), Some("ZW"));
}

#[test]
fn every_display_name_parses_back_to_its_country() {
    for country in Country::all() {
        assert_eq!(country.name().parse::<Country>(), Ok(country));
        assert_eq!(country.to_string().parse::<Country>(), Ok(country));
    }
}

#[test]
fn every_code_round_trips_through_from_code_in_any_case() {
    for country in Country::all() {
        for code in [country.iso2(), country.iso3()] {
            assert_eq!(Country::from_code(code), Some(country), "{code}");
            assert_eq!(
                Country::from_code(&code.to_ascii_lowercase()),
                Some(country)
            );
            assert_eq!(code.parse::<Country>(), Ok(country), "{code}");
        }
        assert_eq!(country.slug().parse::<Country>(), Ok(country));
    }
}

#[test]
fn from_code_accepts_only_codes() {
    assert_eq!(Country::from_code("vn"), Some(code("VN")));
    assert_eq!(Country::from_code("VNM"), Some(code("VN")));
    assert_eq!(Country::from_code(" gB "), Some(code("GB")));
    for not_a_code in [
        "", "V", "UK", "XK", "ZZZ", "Viet Nam", "V1", "ÀB", "vn\u{0}", "VNMM",
    ] {
        assert_eq!(Country::from_code(not_a_code), None, "{not_a_code:?}");
    }
}

#[test]
fn display_names_are_un_short_names_in_reading_order() {
    let cases = [
        ("VN", "Viet Nam"),
        ("TR", "Türkiye"),
        ("KR", "Republic of Korea"),
        ("KP", "Democratic People's Republic of Korea"),
        ("IR", "Iran (Islamic Republic of)"),
        ("TZ", "United Republic of Tanzania"),
        ("CI", "Côte d'Ivoire"),
        ("BO", "Bolivia (Plurinational State of)"),
        ("VE", "Venezuela (Bolivarian Republic of)"),
        ("RU", "Russian Federation"),
        ("GB", "United Kingdom of Great Britain and Northern Ireland"),
        ("NL", "Netherlands (Kingdom of the)"),
        ("LA", "Lao People's Democratic Republic"),
        ("SY", "Syrian Arab Republic"),
        ("MD", "Republic of Moldova"),
        ("CZ", "Czechia"),
        ("PS", "State of Palestine"),
        ("US", "United States of America"),
        ("CD", "Democratic Republic of the Congo"),
        ("CG", "Congo"),
        ("FM", "Micronesia (Federated States of)"),
        ("MK", "North Macedonia"),
        ("SZ", "Eswatini"),
        ("CV", "Cabo Verde"),
        ("VA", "Holy See"),
        ("HK", "Hong Kong"),
        ("TW", "Taiwan, Province of China"),
        ("ST", "São Tomé and Príncipe"),
    ];
    for (iso2, name) in cases {
        assert_eq!(code(iso2).name(), name);
        assert_eq!(code(iso2).to_string(), name);
    }
}

#[test]
fn display_names_are_never_inverted_iso_forms() {
    // A comma in a name is only right where it separates a list of places
    // or is the territory's own ISO name.
    let listed = ["BQ", "SH", "TW"];
    for country in Country::all() {
        if !listed.contains(&country.iso2()) {
            assert!(!country.name().contains(','), "{}", country.name());
        }
        assert!(!country.name().ends_with(" of"), "{}", country.name());
    }
}

#[test]
fn every_un_short_name_in_the_bench_corpus_parses_and_displays_unchanged() {
    let mut seen = HashSet::new();
    for name in BENCH_CORPUS_NAMES {
        let country = name.parse::<Country>().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(country.name(), name);
        assert!(
            seen.insert(country),
            "{name} parsed to a country seen before"
        );
    }
}

#[test]
fn common_variants_parse_to_the_country_a_reader_means() {
    assert_parses(&[
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
        ("Türkiye", "TR"),
        ("Turkiye", "TR"),
        ("Turkey", "TR"),
        ("Iran", "IR"),
        ("Iran (Islamic Republic of)", "IR"),
        ("Islamic Republic of Iran", "IR"),
        ("Iran, Islamic Republic of", "IR"),
        ("Republic of Korea", "KR"),
        ("South Korea", "KR"),
        ("Korea (Rep.)", "KR"),
        ("Korea, Rep.", "KR"),
        ("Korea (Rep. of)", "KR"),
        ("Korea, Republic of", "KR"),
        ("Korea (the Republic of)", "KR"),
        ("North Korea", "KP"),
        ("DPRK", "KP"),
        ("D.P.R. Korea", "KP"),
        ("Korea, Democratic People's Republic of", "KP"),
        ("Tanzania", "TZ"),
        ("United Republic of Tanzania", "TZ"),
        ("Tanzania, United Republic of", "TZ"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Bolivia", "BO"),
        ("Bolivia, Plurinational State of", "BO"),
        ("Venezuela", "VE"),
        ("Venezuela, Bolivarian Republic of", "VE"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("United Kingdom", "GB"),
        ("Great Britain", "GB"),
        ("Britain", "GB"),
        ("England", "GB"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("US", "US"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("United States of America", "US"),
        ("UAE", "AE"),
        ("Netherlands", "NL"),
        ("The Netherlands", "NL"),
        ("Holland", "NL"),
        ("Netherlands (Kingdom of the)", "NL"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Swaziland", "SZ"),
        ("Eswatini", "SZ"),
        ("Macedonia", "MK"),
        ("North Macedonia", "MK"),
        ("The former Yugoslav Republic of Macedonia", "MK"),
        ("Moldova", "MD"),
        ("Republic of Moldova", "MD"),
        ("Moldova, Republic of", "MD"),
        ("Laos", "LA"),
        ("Lao PDR", "LA"),
        ("Syria", "SY"),
        ("Palestine", "PS"),
        ("State of Palestine", "PS"),
        ("Palestine, State of", "PS"),
        ("Cabo Verde", "CV"),
        ("Cape Verde", "CV"),
        ("Brunei", "BN"),
        ("Micronesia", "FM"),
        ("Federated States of Micronesia", "FM"),
        ("Congo", "CG"),
        ("Republic of the Congo", "CG"),
        ("Congo, Rep.", "CG"),
        ("Democratic Republic of the Congo", "CD"),
        ("Democratic Republic of Congo", "CD"),
        ("DR Congo", "CD"),
        ("DRC", "CD"),
        ("Congo, the Democratic Republic of the", "CD"),
        ("Congo (Democratic Republic of the)", "CD"),
        ("Kyrgyzstan", "KG"),
        ("Kyrgyz Republic", "KG"),
        ("Gambia", "GM"),
        ("The Gambia", "GM"),
        ("Gambia, The", "GM"),
        ("Bahamas", "BS"),
        ("The Bahamas", "BS"),
        ("São Tomé and Príncipe", "ST"),
        ("Sao Tome and Principe", "ST"),
        ("Timor-Leste", "TL"),
        ("East Timor", "TL"),
        ("Myanmar", "MM"),
        ("Burma", "MM"),
        ("Vatican", "VA"),
        ("Vatican City", "VA"),
        ("Holy See", "VA"),
        ("Hong Kong", "HK"),
        ("Hong Kong, China", "HK"),
        ("Hong Kong SAR", "HK"),
        ("Macau", "MO"),
        ("Taiwan", "TW"),
        ("Taiwan, Province of China", "TW"),
        ("Saint Kitts and Nevis", "KN"),
        ("St. Kitts & Nevis", "KN"),
        ("St Vincent and the Grenadines", "VC"),
        ("Saint Vincent and Grenadines", "VC"),
        ("Virgin Islands (British)", "VG"),
        ("Virgin Islands, U.S.", "VI"),
        ("Guinea-Bissau", "GW"),
        ("Guinea Bissau", "GW"),
        ("VN", "VN"),
        ("vnm", "VN"),
    ]);
}

#[test]
fn matching_ignores_case_accents_apostrophes_spacing_punctuation_and_the() {
    assert_parses(&[
        ("VIET NAM", "VN"),
        ("viet-nam", "VN"),
        ("  Viet \t  Nam \n", "VN"),
        ("TÜRKIYE", "TR"),
        ("Co\u{302}te d\u{2019}Ivoire", "CI"),
        ("cote divoire", "CI"),
        ("Lao People’s Democratic Republic", "LA"),
        ("Lao Peoples Democratic Republic", "LA"),
        ("Democratic People`s Republic of Korea", "KP"),
        ("the United Kingdom", "GB"),
        ("THE  GAMBIA", "GM"),
        ("Micronesia, Federated States of", "FM"),
        ("Trinidad & Tobago", "TT"),
        ("Åland", "AX"),
        ("Curacao", "CW"),
        ("Reunion", "RE"),
        ("Bosnia & Herzegovina", "BA"),
        ("republic of korea.", "KR"),
        ("\u{a0}Czechia\u{a0}", "CZ"),
    ]);
}

#[test]
fn no_spelling_names_two_countries() {
    // Every spelling of the whole table, the generated names of the six
    // languages included, after folding. Codes compete too, as plain lower
    // case: an alias "NA" for anything but Namibia would be a trap for
    // whoever reads the table.
    let mut owner: HashMap<String, (Country, String)> = HashMap::new();
    let mut clashes = Vec::new();
    for country in Country::all() {
        let entry = country.entry();
        let codes = [entry.iso2, entry.iso3].map(str::to_ascii_lowercase);
        let codes = codes.iter().map(|c| (c.as_str(), c.clone()));
        for (spelling, key) in codes.chain(country.spellings().map(|n| (n, normalize(n)))) {
            assert!(!key.is_empty(), "{spelling:?} normalises to nothing");
            assert!(
                key.chars().count() <= MAX_SUGGEST_LEN,
                "{spelling:?} is too long to suggest"
            );
            let (first, first_spelling) = owner
                .entry(key)
                .or_insert_with(|| (country, spelling.to_owned()));
            if *first != country {
                clashes.push(format!(
                    "{spelling:?} ({}) folds like {first_spelling:?} ({})",
                    country.iso2(),
                    first.iso2()
                ));
            }
        }
    }
    assert!(
        clashes.is_empty(),
        "shared spellings:\n{}",
        clashes.join("\n")
    );
    assert!(INDEX.ambiguous.is_empty());
    for country in Country::all() {
        for spelling in country.spellings() {
            assert_eq!(spelling.parse::<Country>(), Ok(country), "{spelling:?}");
        }
    }
}

#[test]
fn names_in_the_six_un_languages_parse() {
    assert_parses(&[
        ("Viet Nam", "VN"),
        ("Việt Nam", "VN"),
        ("Viêt Nam", "VN"),
        ("Вьетнам", "VN"),
        ("越南", "VN"),
        ("Côte d’Ivoire", "CI"),
        ("Costa de Marfil", "CI"),
        ("Кот-д’Ивуар", "CI"),
        ("ساحل العاج", "CI"),
        ("مصر", "EG"),
        ("Égypte", "EG"),
        ("Egipto", "EG"),
        ("埃及", "EG"),
        ("Россия", "RU"),
        ("Российская Федерация", "RU"),
        ("Russie", "RU"),
        ("Rusia", "RU"),
        ("روسيا", "RU"),
        ("俄罗斯", "RU"),
        ("中国", "CN"),
        ("中國", "CN"),
        ("中华人民共和国", "CN"),
        ("Chine", "CN"),
        ("الصين", "CN"),
        ("Китай", "CN"),
        ("Estados Unidos", "US"),
        ("EE. UU.", "US"),
        ("États-Unis", "US"),
        ("США", "US"),
        ("Соединённые Штаты", "US"),
        ("الولايات المتحدة", "US"),
        ("美国", "US"),
        ("Royaume-Uni", "GB"),
        ("Reino Unido", "GB"),
        ("Великобритания", "GB"),
        ("英国", "GB"),
        ("Corée du Sud", "KR"),
        ("Республика Корея", "KR"),
        ("韩国", "KR"),
        ("Allemagne", "DE"),
        ("Alemania", "DE"),
        ("Германия", "DE"),
        ("ألمانيا", "DE"),
        ("德国", "DE"),
    ]);
}

#[test]
fn abbreviations_of_three_latin_letters_are_not_names() {
    // CLDR's short forms "R.-U." and "É.-U." and Spanish "RU" for the United
    // Kingdom would read as codes ("RU" is Russia's); the generator leaves them out.
    assert_eq!("RU".parse::<Country>(), Ok(code("RU")));
    assert_eq!("R.U.".parse::<Country>().ok(), None);
    for country in Country::all() {
        for spelling in country.spellings().skip(1 + country.entry().aliases.len()) {
            let letters: Vec<char> = spelling.chars().filter(|c| c.is_alphanumeric()).collect();
            assert!(
                letters.len() > 3 || !letters.iter().all(char::is_ascii),
                "{spelling:?} ({country:?})"
            );
        }
    }
}

#[test]
fn name_in_gives_each_language_its_own_name() {
    let cases = [
        ("EG", ["مصر", "埃及", "Egypt", "Égypte", "Египет", "Egipto"]),
        (
            "RU",
            [
                "روسيا",
                "俄罗斯",
                "Russian Federation",
                "Russie",
                "Россия",
                "Rusia",
            ],
        ),
        (
            "VN",
            [
                "فيتنام",
                "越南",
                "Viet Nam",
                "Viêt Nam",
                "Вьетнам",
                "Vietnam",
            ],
        ),
    ];
    for (iso2, expected) in cases {
        for (language, name) in Language::ALL.into_iter().zip(expected) {
            assert_eq!(code(iso2).name_in(language), name, "{iso2} in {language}");
        }
    }
    for country in Country::all() {
        assert_eq!(country.name_in(Language::English), country.name());
        for language in Language::ALL {
            let name = country.name_in(language);
            assert!(
                !name.is_empty() && name.trim() == name,
                "{country:?} in {language}"
            );
            assert_eq!(name.parse::<Country>(), Ok(country), "{name:?}");
        }
    }
}

#[test]
fn generated_tables_name_their_sources() {
    assert_eq!(
        Country::names_source(),
        "Unicode CLDR 41, Debian iso-codes 4.15.0"
    );
    assert_eq!(names::DISPLAY.len(), COUNT);
    assert_eq!(names::SPELLINGS.len(), COUNT);
}

#[test]
fn misspellings_in_other_scripts_get_a_suggestion_and_short_han_does_not() {
    assert_eq!(
        "Росия".parse::<Country>().map_err(|e| e.suggestion),
        Err(Some("Russian Federation"))
    );
    // Two characters are too short to guess from: "中美" is not a typo of "中国".
    assert_eq!(
        "中美".parse::<Country>().map_err(|e| e.suggestion),
        Err(None)
    );
}

#[test]
fn kosovo_is_not_in_iso_3166_and_stays_unknown() {
    let err = "Kosovo"
        .parse::<Country>()
        .expect_err("Kosovo has no ISO code");
    assert_eq!(err.suggestion, None);
    assert_eq!(Country::from_code("XK"), None);
    assert!("XK".parse::<Country>().is_err());
}

#[test]
fn ambiguous_names_stay_unknown_without_a_guess() {
    for input in ["Korea", "Virgin Islands", "America"] {
        let err = input.parse::<Country>().expect_err(input);
        assert_eq!(err.suggestion, None, "{input}");
    }
}

#[test]
fn near_misses_get_the_display_name_as_suggestion() {
    let cases = [
        ("Vietnma", "Viet Nam"),
        ("Phillipines", "Philippines"),
        ("Columbia", "Colombia"),
        ("Swizerland", "Switzerland"),
        ("Argentinia", "Argentina"),
        (
            "Untied Kingdom",
            "United Kingdom of Great Britain and Northern Ireland",
        ),
        ("Tanzanai", "United Republic of Tanzania"),
        ("Turky", "Türkiye"),
        ("Kazahkstan", "Kazakhstan"),
        ("Marocco", "Morocco"),
    ];
    for (input, suggestion) in cases {
        let err = input.parse::<Country>().expect_err(input);
        assert_eq!(err.input, input);
        assert_eq!(err.suggestion, Some(suggestion), "{input}");
    }
}

#[test]
fn nonsense_is_rejected_without_a_suggestion() {
    let long = "x".repeat(1 << 20);
    let spaced = format!("Viet{}Nam!", " ".repeat(10_000));
    let inputs = [
        "",
        "   ",
        "the",
        "\u{0}\u{7}\u{1b}[31m",
        "Atlantis",
        "asdfghjkl",
        "🙂",
        "東京",
        "ZZ",
        "XYZ",
        "N/A",
        "n.a.",
        "St.",
        "-",
        long.as_str(),
    ];
    for input in inputs {
        let err = input.parse::<Country>().expect_err("not a country");
        assert_eq!(err.input, input);
        assert_eq!(err.suggestion, None, "{input:?}");
    }
    // Extra whitespace never matters, however much of it there is.
    assert_eq!(spaced.parse::<Country>(), Ok(code("VN")));
}

#[test]
fn error_message_quotes_the_input_and_leaves_the_suggestion_to_the_caller() {
    let err = "Vietnma".parse::<Country>().expect_err("misspelt");
    assert_eq!(err.to_string(), r#"unknown country "Vietnma""#);
    let err = "bad\nname".parse::<Country>().expect_err("not a country");
    assert_eq!(err.to_string(), r#"unknown country "bad\nname""#);
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert!(boxed.source().is_none());
}

#[test]
fn site_aliases_win_over_built_in_names() {
    let mut aliases = CountryAliases::new();
    assert_eq!(aliases.resolve("Congo"), Ok(code("CG")));
    assert_eq!(aliases.insert("Congo", "COD"), Ok(code("CD")));
    assert_eq!(aliases.resolve("Congo"), Ok(code("CD")));
    assert_eq!(aliases.resolve("  the CONGO "), Ok(code("CD")));
    // FromStr itself is untouched by a site's choices.
    assert_eq!("Congo".parse::<Country>(), Ok(code("CG")));
}

#[test]
fn site_aliases_use_the_same_normalisation_and_fall_back_to_built_ins() {
    let mut aliases = CountryAliases::new();
    aliases.insert("Korea", "kr").expect("KR is a code");
    aliases
        .insert("Türkiye Cumhuriyeti", "TUR")
        .expect("TUR is a code");
    assert_eq!(aliases.resolve("KOREA"), Ok(code("KR")));
    assert_eq!(aliases.resolve("turkiye   cumhuriyeti"), Ok(code("TR")));
    assert_eq!(aliases.resolve("Viet Nam"), Ok(code("VN")));
    assert_eq!(aliases.resolve("vnm"), Ok(code("VN")));
    assert!(aliases.resolve("Atlantis").is_err());
}

#[test]
fn a_later_site_alias_replaces_an_earlier_one() {
    let mut aliases = CountryAliases::new();
    aliases.insert("Home", "CH").expect("CH is a code");
    aliases.insert("home", "FR").expect("FR is a code");
    assert_eq!(aliases.resolve("Home"), Ok(code("FR")));
}

#[test]
fn site_alias_with_a_non_iso_code_is_rejected() {
    let mut aliases = CountryAliases::new();
    let err = aliases.insert("Kosovo", "XK").expect_err("XK is not ISO");
    assert_eq!((err.input.as_str(), err.suggestion), ("XK", None));
    let err = aliases
        .insert("Blighty", "UK")
        .expect_err("UK is not an ISO code");
    assert_eq!(err.suggestion, Some("GB"));
    let err = aliases
        .insert("Hanoi", "Vietnam")
        .expect_err("a name is not a code");
    assert_eq!(err.suggestion, Some("VN"));
    assert!(aliases.resolve("Kosovo").is_err());
    assert!(aliases.resolve("Blighty").is_err());
}

#[test]
fn blank_site_alias_is_accepted_but_matches_nothing() {
    let mut aliases = CountryAliases::new();
    assert_eq!(aliases.insert("  ", "VN"), Ok(code("VN")));
    assert_eq!(aliases.insert("the", "VN"), Ok(code("VN")));
    assert!(aliases.resolve("").is_err());
    assert!(aliases.resolve("the").is_err());
}

#[test]
fn near_miss_of_a_site_alias_suggests_its_country() {
    let mut aliases = CountryAliases::new();
    aliases
        .insert("Confederaziun svizra", "CH")
        .expect("CH is a code");
    let err = aliases
        .resolve("Confederaziun svizzra")
        .expect_err("misspelt");
    assert_eq!(err.suggestion, Some("Switzerland"));
}

#[test]
fn country_is_two_bytes_and_debug_shows_the_code() {
    assert_eq!(std::mem::size_of::<Country>(), 2);
    assert_eq!(format!("{:?}", code("VN")), r#"Country("VN")"#);
    assert_eq!(format!("[{:<10}]", code("PE")), "[Peru      ]");
}
