//! The countries of ISO 3166-1 as a closed type, [`Country`], with the one
//! parser that turns whatever a speaker list says ("Vietnam", "Korea, Republic
//! of", "UK", "vnm") into a country, and the names and codes that pages show.
//!
//! Why a table of our own rather than a crate: the display names must be the
//! UN short names in reading order ("Republic of Korea", "Türkiye",
//! "Netherlands (Kingdom of the)"), which no ISO data crate gives, and a static
//! table of 249 rows compiles in no time. The codes were checked against the
//! `keshvar` 0.7 data when the table was written.
//!
//! The names in the other five UN languages (Arabic, Chinese, French, Russian,
//! Spanish) and the spellings accepted in them come from Unicode CLDR and
//! Debian's iso-codes, generated into `country/names.rs` by
//! `scripts/vocab_countries.py` (which names the versions): "Россия", "مصر",
//! "中国", "Égypte", "Estados Unidos" parse like "Russian Federation". A
//! spelling that two countries would share after folding is accepted for
//! neither (see [`Index`]), and a test holds the table free of them.
//!
//! Matching ignores case, accents, apostrophe style, punctuation, spacing and
//! the word "the", and expands "St", "Rep" and "Dem" (`country/fold.rs`, which
//! also says how Cyrillic, Arabic and Han are folded); so the alias lists below
//! hold only spellings that differ in words, not in punctuation. The lookup
//! tables are built once, on first use, and every lookup after that is one
//! normalisation and one hash probe: the build resolves tens of thousands of
//! speakers.
//!
//! Decisions a reader may look for:
//! - Kosovo is not in ISO 3166-1 (`XK` is a user-assigned code), so it stays
//!   unknown rather than inventing a 250th country; a site cannot alias it
//!   either, because an alias must point at an ISO code.
//! - "Korea" and "Virgin Islands" alone are ambiguous and stay unknown; a site
//!   that means one of them adds an alias in `data/countries.yaml`.
//! - Territories that the UN does not name as states keep their ISO short
//!   name, in reading order ("Hong Kong", "Macao", "Taiwan, Province of
//!   China", "British Virgin Islands").
//! - England, Scotland, Wales and Northern Ireland resolve to the United
//!   Kingdom, which is what ISO 3166-1 codes them as.

mod fold;
mod names;

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use super::Language;
use fold::normalize;

/// One row of [`COUNTRIES`].
struct Entry {
    iso2: &'static str,
    slug: &'static str,
    iso3: &'static str,
    name: &'static str,
    /// Other spellings that parse to this country (the display name and the
    /// codes always do).
    aliases: &'static [&'static str],
}

/// Builds an [`Entry`]; a function so that a row of the table reads as one line.
const fn c(
    iso2: &'static str,
    slug: &'static str,
    iso3: &'static str,
    name: &'static str,
    aliases: &'static [&'static str],
) -> Entry {
    Entry {
        iso2,
        slug,
        iso3,
        name,
        aliases,
    }
}

/// How many countries ISO 3166-1 assigns (249 since South Sudan, 2011).
const COUNT: usize = 249;

// A `Country` is a `u16` index into the table, so the table must fit one.
const _: () = assert!(COUNT <= u16::MAX as usize);

/// Every ISO 3166-1 country, sorted by display name (accents and case folded),
/// so that the index order of [`Country`] is the order a reader expects.
// One row per line reads as a table; rustfmt would split most rows over seven.
#[rustfmt::skip]
static COUNTRIES: [Entry; COUNT] = [
    c("AF", "af", "AFG", "Afghanistan", &["Islamic Republic of Afghanistan"]),
    c("AX", "ax", "ALA", "Åland Islands", &["Åland"]),
    c("AL", "al", "ALB", "Albania", &["Republic of Albania"]),
    c("DZ", "dz", "DZA", "Algeria", &["People's Democratic Republic of Algeria", "Algérie"]),
    c("AS", "as", "ASM", "American Samoa", &["Territory of American Samoa"]),
    c("AD", "ad", "AND", "Andorra", &["Principality of Andorra"]),
    c("AO", "ao", "AGO", "Angola", &["Republic of Angola"]),
    c("AI", "ai", "AIA", "Anguilla", &[]),
    c("AQ", "aq", "ATA", "Antarctica", &[]),
    c("AG", "ag", "ATG", "Antigua and Barbuda", &["Antigua"]),
    c("AR", "ar", "ARG", "Argentina", &["Argentine Republic"]),
    c("AM", "am", "ARM", "Armenia", &["Republic of Armenia"]),
    c("AW", "aw", "ABW", "Aruba", &[]),
    c("AU", "au", "AUS", "Australia", &["Commonwealth of Australia"]),
    c("AT", "at", "AUT", "Austria", &["Republic of Austria", "Österreich"]),
    c("AZ", "az", "AZE", "Azerbaijan", &["Republic of Azerbaijan"]),
    c("BS", "bs", "BHS", "Bahamas", &["Commonwealth of The Bahamas"]),
    c("BH", "bh", "BHR", "Bahrain", &["Kingdom of Bahrain"]),
    c("BD", "bd", "BGD", "Bangladesh", &["People's Republic of Bangladesh"]),
    c("BB", "bb", "BRB", "Barbados", &[]),
    c("BY", "by", "BLR", "Belarus", &["Republic of Belarus", "Belorussia", "Byelorussia"]),
    c("BE", "be", "BEL", "Belgium", &["Kingdom of Belgium", "Belgique", "België"]),
    c("BZ", "bz", "BLZ", "Belize", &[]),
    c("BJ", "bj", "BEN", "Benin", &["Republic of Benin"]),
    c("BM", "bm", "BMU", "Bermuda", &[]),
    c("BT", "bt", "BTN", "Bhutan", &["Kingdom of Bhutan"]),
    c("BO", "bo", "BOL", "Bolivia (Plurinational State of)", &[
        "Bolivia", "Plurinational State of Bolivia", "Estado Plurinacional de Bolivia",
    ]),
    c("BQ", "bq", "BES", "Bonaire, Sint Eustatius and Saba", &[
        "Caribbean Netherlands", "Bonaire", "Bonaire, Saint Eustatius and Saba", "BES Islands",
    ]),
    c("BA", "ba", "BIH", "Bosnia and Herzegovina", &["Bosnia-Herzegovina", "Bosnia"]),
    c("BW", "bw", "BWA", "Botswana", &["Republic of Botswana"]),
    c("BV", "bv", "BVT", "Bouvet Island", &[]),
    c("BR", "br", "BRA", "Brazil", &["Federative Republic of Brazil", "Brasil"]),
    c("IO", "io", "IOT", "British Indian Ocean Territory", &[
        "Chagos Islands", "Chagos Archipelago",
    ]),
    c("VG", "vg", "VGB", "British Virgin Islands", &["Virgin Islands (British)", "BVI"]),
    c("BN", "bn", "BRN", "Brunei Darussalam", &[
        "Brunei", "Nation of Brunei", "Nation of Brunei, the Abode of Peace",
    ]),
    c("BG", "bg", "BGR", "Bulgaria", &["Republic of Bulgaria"]),
    c("BF", "bf", "BFA", "Burkina Faso", &["Burkina"]),
    c("BI", "bi", "BDI", "Burundi", &["Republic of Burundi"]),
    c("CV", "cv", "CPV", "Cabo Verde", &["Cape Verde", "Republic of Cabo Verde", "Cap-Vert"]),
    c("KH", "kh", "KHM", "Cambodia", &["Kingdom of Cambodia"]),
    c("CM", "cm", "CMR", "Cameroon", &["Republic of Cameroon", "Cameroun"]),
    c("CA", "ca", "CAN", "Canada", &[]),
    c("KY", "ky", "CYM", "Cayman Islands", &["Caymans"]),
    c("CF", "cf", "CAF", "Central African Republic", &[]),
    c("TD", "td", "TCD", "Chad", &["Republic of Chad", "Tchad"]),
    c("CL", "cl", "CHL", "Chile", &["Republic of Chile"]),
    c("CN", "cn", "CHN", "China", &[
        "People's Republic of China", "PRC", "PR China", "Mainland China",
        "China, People's Republic of",
    ]),
    c("CX", "cx", "CXR", "Christmas Island", &["Territory of Christmas Island"]),
    c("CC", "cc", "CCK", "Cocos (Keeling) Islands", &[
        "Cocos Islands", "Keeling Islands", "Territory of Cocos (Keeling) Islands",
    ]),
    c("CO", "co", "COL", "Colombia", &["Republic of Colombia"]),
    c("KM", "km", "COM", "Comoros", &["Union of the Comoros", "Comores"]),
    c("CG", "cg", "COG", "Congo", &[
        "Republic of the Congo", "Congo, Republic of", "Congo, Rep.", "Congo-Brazzaville",
    ]),
    c("CK", "ck", "COK", "Cook Islands", &[]),
    c("CR", "cr", "CRI", "Costa Rica", &["Republic of Costa Rica"]),
    c("CI", "ci", "CIV", "Côte d'Ivoire", &[
        "Ivory Coast", "Republic of Côte d'Ivoire", "Cote d'Ivoire (Ivory Coast)",
    ]),
    c("HR", "hr", "HRV", "Croatia", &["Republic of Croatia", "Hrvatska"]),
    c("CU", "cu", "CUB", "Cuba", &["Republic of Cuba"]),
    c("CW", "cw", "CUW", "Curaçao", &["Country of Curaçao"]),
    c("CY", "cy", "CYP", "Cyprus", &["Republic of Cyprus"]),
    c("CZ", "cz", "CZE", "Czechia", &["Czech Republic", "Česko"]),
    c("KP", "kp", "PRK", "Democratic People's Republic of Korea", &[
        "North Korea", "DPRK", "DPR Korea", "Korea, Democratic People's Republic of",
        "Korea, Dem. People's Rep.", "Korea (North)",
    ]),
    c("CD", "cd", "COD", "Democratic Republic of the Congo", &[
        "DR Congo", "Congo DR", "DRC", "DR of the Congo", "Democratic Republic Congo",
        "Congo, Democratic Republic of the", "Congo, Dem. Rep.", "Congo-Kinshasa", "Zaire",
    ]),
    c("DK", "dk", "DNK", "Denmark", &["Kingdom of Denmark", "Danmark"]),
    c("DJ", "dj", "DJI", "Djibouti", &["Republic of Djibouti"]),
    c("DM", "dm", "DMA", "Dominica", &["Commonwealth of Dominica"]),
    c("DO", "do", "DOM", "Dominican Republic", &[]),
    c("EC", "ec", "ECU", "Ecuador", &["Republic of Ecuador"]),
    c("EG", "eg", "EGY", "Egypt", &["Arab Republic of Egypt", "Egypt, Arab Rep."]),
    c("SV", "sv", "SLV", "El Salvador", &["Republic of El Salvador"]),
    c("GQ", "gq", "GNQ", "Equatorial Guinea", &["Republic of Equatorial Guinea"]),
    c("ER", "er", "ERI", "Eritrea", &["State of Eritrea"]),
    c("EE", "ee", "EST", "Estonia", &["Republic of Estonia", "Eesti"]),
    c("SZ", "sz", "SWZ", "Eswatini", &["Swaziland", "Kingdom of Eswatini", "Kingdom of Swaziland"]),
    c("ET", "et", "ETH", "Ethiopia", &["Federal Democratic Republic of Ethiopia"]),
    c("FK", "fk", "FLK", "Falkland Islands (Malvinas)", &[
        "Falkland Islands", "Falklands", "Malvinas", "Islas Malvinas",
    ]),
    c("FO", "fo", "FRO", "Faroe Islands", &["Faroes", "Faeroe Islands"]),
    c("FJ", "fj", "FJI", "Fiji", &["Republic of Fiji"]),
    c("FI", "fi", "FIN", "Finland", &["Republic of Finland", "Suomi"]),
    c("FR", "fr", "FRA", "France", &["French Republic"]),
    c("GF", "gf", "GUF", "French Guiana", &["Guyane", "Guyane française"]),
    c("PF", "pf", "PYF", "French Polynesia", &["Polynésie française"]),
    c("TF", "tf", "ATF", "French Southern Territories", &[
        "French Southern and Antarctic Lands", "TAAF",
    ]),
    c("GA", "ga", "GAB", "Gabon", &["Gabonese Republic"]),
    c("GM", "gm", "GMB", "Gambia", &["Republic of The Gambia"]),
    c("GE", "ge", "GEO", "Georgia", &[]),
    c("DE", "de", "DEU", "Germany", &["Federal Republic of Germany", "Deutschland", "Allemagne"]),
    c("GH", "gh", "GHA", "Ghana", &["Republic of Ghana"]),
    c("GI", "gi", "GIB", "Gibraltar", &[]),
    c("GR", "gr", "GRC", "Greece", &["Hellenic Republic", "Hellas"]),
    c("GL", "gl", "GRL", "Greenland", &["Kalaallit Nunaat"]),
    c("GD", "gd", "GRD", "Grenada", &[]),
    c("GP", "gp", "GLP", "Guadeloupe", &[]),
    c("GU", "gu", "GUM", "Guam", &["Territory of Guam"]),
    c("GT", "gt", "GTM", "Guatemala", &["Republic of Guatemala"]),
    c("GG", "gg", "GGY", "Guernsey", &[
        "Bailiwick of Guernsey", "Guernsey and Alderney", "Alderney", "Sark",
    ]),
    c("GN", "gn", "GIN", "Guinea", &["Republic of Guinea", "Guinea-Conakry", "Guinée"]),
    c("GW", "gw", "GNB", "Guinea-Bissau", &["Republic of Guinea-Bissau"]),
    c("GY", "gy", "GUY", "Guyana", &["Co-operative Republic of Guyana"]),
    c("HT", "ht", "HTI", "Haiti", &["Republic of Haiti"]),
    c("HM", "hm", "HMD", "Heard Island and McDonald Islands", &[
        "Heard and McDonald Islands", "Territory of Heard Island and McDonald Islands",
    ]),
    c("VA", "va", "VAT", "Holy See", &[
        "Vatican", "Vatican City", "Vatican City State", "Holy See (Vatican City State)",
    ]),
    c("HN", "hn", "HND", "Honduras", &["Republic of Honduras"]),
    c("HK", "hk", "HKG", "Hong Kong", &[
        "Hong Kong, China", "Hong Kong SAR", "Hong Kong SAR, China",
        "Hong Kong Special Administrative Region of China",
        "China, Hong Kong Special Administrative Region", "China, Hong Kong SAR", "HKSAR",
    ]),
    c("HU", "hu", "HUN", "Hungary", &["Magyarország"]),
    c("IS", "is", "ISL", "Iceland", &["Ísland"]),
    c("IN", "in", "IND", "India", &["Republic of India", "Bharat"]),
    c("ID", "id", "IDN", "Indonesia", &["Republic of Indonesia"]),
    c("IR", "ir", "IRN", "Iran (Islamic Republic of)", &[
        "Iran", "Islamic Republic of Iran", "Iran, Islamic Rep.", "Persia",
    ]),
    c("IQ", "iq", "IRQ", "Iraq", &["Republic of Iraq"]),
    c("IE", "ie", "IRL", "Ireland", &["Republic of Ireland", "Éire"]),
    c("IM", "im", "IMN", "Isle of Man", &[]),
    c("IL", "il", "ISR", "Israel", &["State of Israel"]),
    c("IT", "it", "ITA", "Italy", &["Italian Republic", "Italia"]),
    c("JM", "jm", "JAM", "Jamaica", &[]),
    c("JP", "jp", "JPN", "Japan", &["Nippon", "Nihon"]),
    c("JE", "je", "JEY", "Jersey", &["Bailiwick of Jersey"]),
    c("JO", "jo", "JOR", "Jordan", &["Hashemite Kingdom of Jordan"]),
    c("KZ", "kz", "KAZ", "Kazakhstan", &["Republic of Kazakhstan", "Kazakstan"]),
    c("KE", "ke", "KEN", "Kenya", &["Republic of Kenya"]),
    c("KI", "ki", "KIR", "Kiribati", &["Republic of Kiribati"]),
    c("KW", "kw", "KWT", "Kuwait", &["State of Kuwait"]),
    c("KG", "kg", "KGZ", "Kyrgyzstan", &["Kyrgyz Republic", "Kirghizia", "Kirgizstan"]),
    c("LA", "la", "LAO", "Lao People's Democratic Republic", &["Laos", "Lao PDR", "Lao"]),
    c("LV", "lv", "LVA", "Latvia", &["Republic of Latvia", "Latvija"]),
    c("LB", "lb", "LBN", "Lebanon", &["Lebanese Republic", "Liban"]),
    c("LS", "ls", "LSO", "Lesotho", &["Kingdom of Lesotho"]),
    c("LR", "lr", "LBR", "Liberia", &["Republic of Liberia"]),
    c("LY", "ly", "LBY", "Libya", &["State of Libya", "Libyan Arab Jamahiriya"]),
    c("LI", "li", "LIE", "Liechtenstein", &["Principality of Liechtenstein"]),
    c("LT", "lt", "LTU", "Lithuania", &["Republic of Lithuania", "Lietuva"]),
    c("LU", "lu", "LUX", "Luxembourg", &["Grand Duchy of Luxembourg", "Luxemburg"]),
    c("MO", "mo", "MAC", "Macao", &[
        "Macau", "Macao, China", "Macau, China", "Macao SAR", "Macau SAR", "Macao SAR, China",
        "Macao Special Administrative Region of China",
        "China, Macao Special Administrative Region", "China, Macao SAR",
    ]),
    c("MG", "mg", "MDG", "Madagascar", &["Republic of Madagascar"]),
    c("MW", "mw", "MWI", "Malawi", &["Republic of Malawi"]),
    c("MY", "my", "MYS", "Malaysia", &[]),
    c("MV", "mv", "MDV", "Maldives", &["Republic of Maldives"]),
    c("ML", "ml", "MLI", "Mali", &["Republic of Mali"]),
    c("MT", "mt", "MLT", "Malta", &["Republic of Malta"]),
    c("MH", "mh", "MHL", "Marshall Islands", &["Republic of the Marshall Islands"]),
    c("MQ", "mq", "MTQ", "Martinique", &[]),
    c("MR", "mr", "MRT", "Mauritania", &["Islamic Republic of Mauritania"]),
    c("MU", "mu", "MUS", "Mauritius", &["Republic of Mauritius"]),
    c("YT", "yt", "MYT", "Mayotte", &["Department of Mayotte"]),
    c("MX", "mx", "MEX", "Mexico", &["United Mexican States"]),
    c("FM", "fm", "FSM", "Micronesia (Federated States of)", &[
        "Micronesia", "Federated States of Micronesia", "Micronesia, Fed. Sts.",
    ]),
    c("MC", "mc", "MCO", "Monaco", &["Principality of Monaco"]),
    c("MN", "mn", "MNG", "Mongolia", &[]),
    c("ME", "me", "MNE", "Montenegro", &["Crna Gora"]),
    c("MS", "ms", "MSR", "Montserrat", &[]),
    c("MA", "ma", "MAR", "Morocco", &["Kingdom of Morocco", "Maroc"]),
    c("MZ", "mz", "MOZ", "Mozambique", &["Republic of Mozambique", "Moçambique"]),
    c("MM", "mm", "MMR", "Myanmar", &[
        "Burma", "Myanmar (Burma)", "Republic of the Union of Myanmar",
    ]),
    c("NA", "na", "NAM", "Namibia", &["Republic of Namibia"]),
    c("NR", "nr", "NRU", "Nauru", &["Republic of Nauru"]),
    c("NP", "np", "NPL", "Nepal", &["Federal Democratic Republic of Nepal"]),
    c("NL", "nl", "NLD", "Netherlands (Kingdom of the)", &[
        "Netherlands", "Kingdom of the Netherlands", "Holland", "Nederland", "Pays-Bas",
    ]),
    c("NC", "nc", "NCL", "New Caledonia", &["Nouvelle-Calédonie"]),
    c("NZ", "nz", "NZL", "New Zealand", &["Aotearoa", "Aotearoa New Zealand"]),
    c("NI", "ni", "NIC", "Nicaragua", &["Republic of Nicaragua"]),
    c("NE", "ne", "NER", "Niger", &["Republic of the Niger"]),
    c("NG", "ng", "NGA", "Nigeria", &["Federal Republic of Nigeria"]),
    c("NU", "nu", "NIU", "Niue", &[]),
    c("NF", "nf", "NFK", "Norfolk Island", &["Territory of Norfolk Island"]),
    c("MK", "mk", "MKD", "North Macedonia", &[
        "Macedonia", "Republic of North Macedonia", "Former Yugoslav Republic of Macedonia",
        "Macedonia, the former Yugoslav Republic of", "Macedonia, FYR", "FYROM",
        "Macedonia (FYROM)",
    ]),
    c("MP", "mp", "MNP", "Northern Mariana Islands", &[
        "Northern Marianas", "Commonwealth of the Northern Mariana Islands",
    ]),
    c("NO", "no", "NOR", "Norway", &["Kingdom of Norway", "Norge"]),
    c("OM", "om", "OMN", "Oman", &["Sultanate of Oman"]),
    c("PK", "pk", "PAK", "Pakistan", &["Islamic Republic of Pakistan"]),
    c("PW", "pw", "PLW", "Palau", &["Republic of Palau"]),
    c("PA", "pa", "PAN", "Panama", &["Republic of Panama"]),
    c("PG", "pg", "PNG", "Papua New Guinea", &["Independent State of Papua New Guinea"]),
    c("PY", "py", "PRY", "Paraguay", &["Republic of Paraguay"]),
    c("PE", "pe", "PER", "Peru", &["Republic of Peru"]),
    c("PH", "ph", "PHL", "Philippines", &["Republic of the Philippines"]),
    c("PN", "pn", "PCN", "Pitcairn", &[
        "Pitcairn Islands", "Pitcairn, Henderson, Ducie and Oeno Islands",
    ]),
    c("PL", "pl", "POL", "Poland", &["Republic of Poland", "Polska"]),
    c("PT", "pt", "PRT", "Portugal", &["Portuguese Republic"]),
    c("PR", "pr", "PRI", "Puerto Rico", &["Commonwealth of Puerto Rico"]),
    c("QA", "qa", "QAT", "Qatar", &["State of Qatar"]),
    c("KR", "kr", "KOR", "Republic of Korea", &[
        "South Korea", "Korea, Republic of", "Korea (Rep.)", "Korea (South)", "ROK",
    ]),
    c("MD", "md", "MDA", "Republic of Moldova", &["Moldova", "Moldova, Republic of", "Moldavia"]),
    c("RE", "re", "REU", "Réunion", &["La Réunion"]),
    c("RO", "ro", "ROU", "Romania", &["Roumania", "Rumania"]),
    c("RU", "ru", "RUS", "Russian Federation", &["Russia"]),
    c("RW", "rw", "RWA", "Rwanda", &["Republic of Rwanda"]),
    c("BL", "bl", "BLM", "Saint Barthélemy", &[
        "Saint Barths", "St Barts", "Collectivity of Saint-Barthélemy",
    ]),
    c("SH", "sh", "SHN", "Saint Helena, Ascension and Tristan da Cunha", &[
        "Saint Helena", "Ascension Island", "Tristan da Cunha",
    ]),
    c("KN", "kn", "KNA", "Saint Kitts and Nevis", &[
        "Saint Christopher and Nevis", "Federation of Saint Kitts and Nevis", "Saint Kitts",
    ]),
    c("LC", "lc", "LCA", "Saint Lucia", &[]),
    c("MF", "mf", "MAF", "Saint Martin (French part)", &[
        "Saint Martin", "Collectivity of Saint Martin",
    ]),
    c("PM", "pm", "SPM", "Saint Pierre and Miquelon", &[
        "Saint-Pierre-et-Miquelon", "Overseas Collectivity of Saint-Pierre and Miquelon",
    ]),
    c("VC", "vc", "VCT", "Saint Vincent and the Grenadines", &[
        "Saint Vincent", "Saint Vincent Grenadines",
    ]),
    c("WS", "ws", "WSM", "Samoa", &["Independent State of Samoa", "Western Samoa"]),
    c("SM", "sm", "SMR", "San Marino", &["Republic of San Marino"]),
    c("ST", "st", "STP", "São Tomé and Príncipe", &[
        "São Tomé e Príncipe", "Democratic Republic of São Tomé and Príncipe",
    ]),
    c("SA", "sa", "SAU", "Saudi Arabia", &["Kingdom of Saudi Arabia", "KSA"]),
    c("SN", "sn", "SEN", "Senegal", &["Republic of Senegal"]),
    c("RS", "rs", "SRB", "Serbia", &["Republic of Serbia", "Srbija"]),
    c("SC", "sc", "SYC", "Seychelles", &["Republic of Seychelles"]),
    c("SL", "sl", "SLE", "Sierra Leone", &["Republic of Sierra Leone"]),
    c("SG", "sg", "SGP", "Singapore", &["Republic of Singapore"]),
    c("SX", "sx", "SXM", "Sint Maarten (Dutch part)", &["Sint Maarten"]),
    c("SK", "sk", "SVK", "Slovakia", &["Slovak Republic"]),
    c("SI", "si", "SVN", "Slovenia", &["Republic of Slovenia", "Slovenija"]),
    c("SB", "sb", "SLB", "Solomon Islands", &[]),
    c("SO", "so", "SOM", "Somalia", &["Federal Republic of Somalia"]),
    c("ZA", "za", "ZAF", "South Africa", &["Republic of South Africa", "RSA"]),
    c("GS", "gs", "SGS", "South Georgia and the South Sandwich Islands", &[
        "South Georgia", "South Sandwich Islands",
    ]),
    c("SS", "ss", "SSD", "South Sudan", &["Republic of South Sudan"]),
    c("ES", "es", "ESP", "Spain", &["Kingdom of Spain", "España", "Espagne"]),
    c("LK", "lk", "LKA", "Sri Lanka", &["Democratic Socialist Republic of Sri Lanka", "Ceylon"]),
    c("PS", "ps", "PSE", "State of Palestine", &[
        "Palestine", "Palestine, State of", "Occupied Palestinian Territory",
        "Occupied Palestinian Territories", "Palestinian Territories", "Palestinian Territory",
        "West Bank and Gaza",
    ]),
    c("SD", "sd", "SDN", "Sudan", &["Republic of the Sudan"]),
    c("SR", "sr", "SUR", "Suriname", &["Republic of Suriname", "Surinam"]),
    c("SJ", "sj", "SJM", "Svalbard and Jan Mayen", &[
        "Svalbard and Jan Mayen Islands", "Svalbard", "Jan Mayen",
    ]),
    c("SE", "se", "SWE", "Sweden", &["Kingdom of Sweden", "Sverige"]),
    c("CH", "ch", "CHE", "Switzerland", &[
        "Swiss Confederation", "Suisse", "Schweiz", "Svizzera", "Confédération suisse", "Helvetia",
    ]),
    c("SY", "sy", "SYR", "Syrian Arab Republic", &["Syria"]),
    c("TW", "tw", "TWN", "Taiwan, Province of China", &["Taiwan", "Chinese Taipei"]),
    c("TJ", "tj", "TJK", "Tajikistan", &["Republic of Tajikistan"]),
    c("TH", "th", "THA", "Thailand", &["Kingdom of Thailand"]),
    c("TL", "tl", "TLS", "Timor-Leste", &["East Timor", "Democratic Republic of Timor-Leste"]),
    c("TG", "tg", "TGO", "Togo", &["Togolese Republic"]),
    c("TK", "tk", "TKL", "Tokelau", &[]),
    c("TO", "to", "TON", "Tonga", &["Kingdom of Tonga"]),
    c("TT", "tt", "TTO", "Trinidad and Tobago", &["Republic of Trinidad and Tobago"]),
    c("TN", "tn", "TUN", "Tunisia", &["Republic of Tunisia", "Tunisie"]),
    c("TR", "tr", "TUR", "Türkiye", &["Turkey", "Republic of Türkiye", "Republic of Turkey"]),
    c("TM", "tm", "TKM", "Turkmenistan", &[]),
    c("TC", "tc", "TCA", "Turks and Caicos Islands", &["Turks and Caicos"]),
    c("TV", "tv", "TUV", "Tuvalu", &[]),
    c("UG", "ug", "UGA", "Uganda", &["Republic of Uganda"]),
    c("UA", "ua", "UKR", "Ukraine", &[]),
    c("AE", "ae", "ARE", "United Arab Emirates", &["UAE", "Emirates"]),
    c("GB", "gb", "GBR", "United Kingdom of Great Britain and Northern Ireland", &[
        "United Kingdom", "UK", "Great Britain", "Britain", "England", "Scotland", "Wales",
        "Northern Ireland", "Royaume-Uni",
    ]),
    c("TZ", "tz", "TZA", "United Republic of Tanzania", &[
        "Tanzania", "Tanzania, United Republic of", "Tanzania, United Republic",
    ]),
    c("UM", "um", "UMI", "United States Minor Outlying Islands", &["US Minor Outlying Islands"]),
    c("US", "us", "USA", "United States of America", &["United States", "USA", "US"]),
    c("VI", "vi", "VIR", "United States Virgin Islands", &[
        "Virgin Islands (U.S.)", "US Virgin Islands", "Virgin Islands of the United States", "USVI",
    ]),
    c("UY", "uy", "URY", "Uruguay", &["Oriental Republic of Uruguay"]),
    c("UZ", "uz", "UZB", "Uzbekistan", &["Republic of Uzbekistan"]),
    c("VU", "vu", "VUT", "Vanuatu", &["Republic of Vanuatu"]),
    c("VE", "ve", "VEN", "Venezuela (Bolivarian Republic of)", &[
        "Venezuela", "Bolivarian Republic of Venezuela", "Venezuela, RB",
    ]),
    c("VN", "vn", "VNM", "Viet Nam", &["Socialist Republic of Viet Nam"]),
    c("WF", "wf", "WLF", "Wallis and Futuna", &[
        "Wallis and Futuna Islands", "Territory of the Wallis and Futuna Islands",
    ]),
    c("EH", "eh", "ESH", "Western Sahara", &[]),
    c("YE", "ye", "YEM", "Yemen", &["Republic of Yemen", "Yemen, Rep."]),
    c("ZM", "zm", "ZMB", "Zambia", &["Republic of Zambia"]),
    c("ZW", "zw", "ZWE", "Zimbabwe", &["Republic of Zimbabwe"]),
];

/// A country of ISO 3166-1, identified by its alpha-2 code.
///
/// Ordered by display name, the same order as [`Country::all`], so a
/// `BTreeMap<Country, _>` lists countries the way a page shows them.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country(u16);

impl Country {
    /// The table row; every `Country` is made from a table index, so this is in bounds.
    fn entry(self) -> &'static Entry {
        &COUNTRIES[usize::from(self.0)]
    }

    /// The alpha-3 code; private because pages show only alpha-2, but
    /// [`Country::from_code`] accepts both.
    fn iso3(self) -> &'static str {
        self.entry().iso3
    }

    /// The ISO 3166-1 alpha-2 code in upper case, e.g. `"VN"`.
    pub fn iso2(self) -> &'static str {
        self.entry().iso2
    }

    /// The alpha-2 code in lower case, e.g. `"vn"`: the URL segment of
    /// `/countries/vn/`, stable whatever the display name becomes.
    pub fn slug(self) -> &'static str {
        self.entry().slug
    }

    /// The display name: the UN short name in reading order, e.g. `"Viet Nam"`,
    /// `"Republic of Korea"`, `"Iran (Islamic Republic of)"`.
    pub fn name(self) -> &'static str {
        self.entry().name
    }

    /// The display name in one of the six UN languages: the UN short name of
    /// [`Country::name`] in English, the CLDR name otherwise ("Россия",
    /// "مصر", "中国", "Côte d’Ivoire", "Estados Unidos").
    pub fn name_in(self, language: Language) -> &'static str {
        let row = &names::DISPLAY[usize::from(self.0)];
        match language {
            Language::English => self.name(),
            Language::Arabic => row[0],
            Language::Chinese => row[1],
            Language::French => row[2],
            Language::Russian => row[3],
            Language::Spanish => row[4],
        }
    }

    /// Where the names in languages other than English come from, with the
    /// versions: `"Unicode CLDR 41, Debian iso-codes 4.15.0"` (for a page that
    /// credits its sources).
    pub fn names_source() -> String {
        format!(
            "Unicode CLDR {}, Debian iso-codes {}",
            names::CLDR_VERSION,
            names::ISO_CODES_VERSION
        )
    }

    /// Every spelling that names this country in the built-in tables, the
    /// display names first: the English table's, then the generated ones.
    fn spellings(self) -> impl Iterator<Item = &'static str> {
        let entry = self.entry();
        let index = usize::from(self.0);
        std::iter::once(entry.name)
            .chain(entry.aliases.iter().copied())
            .chain(names::DISPLAY[index].iter().copied())
            .chain(names::SPELLINGS[index].iter().copied())
    }

    /// The country with this ISO 3166-1 alpha-2 or alpha-3 code, in any case
    /// (`"vn"`, `"VNM"`); `None` for anything else, names included.
    pub fn from_code(code: &str) -> Option<Country> {
        INDEX.codes.get(&pack_code(code)?).copied()
    }

    /// Every country, in order of display name.
    pub fn all() -> impl Iterator<Item = Country> {
        // COUNT fits a u16: asserted at compile time next to the table.
        (0..COUNT as u16).map(Country)
    }
}

impl fmt::Debug for Country {
    /// `Country("VN")`: the code says more in a failing test than the table index would.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Country").field(&self.iso2()).finish()
    }
}

impl fmt::Display for Country {
    /// The display name; padding and width flags work as for a `str`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

impl FromStr for Country {
    type Err = UnknownCountry;

    /// An alpha-2/alpha-3 code, or a display name, ISO short name (inverted
    /// forms too) or common variant matched after `normalize`. A code must
    /// be the whole input, so "N/A" is not Namibia and "St." is not São Tomé.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        if let Some(country) = Country::from_code(input) {
            return Ok(country);
        }
        let key = normalize(input);
        INDEX
            .names
            .get(&key)
            .copied()
            .ok_or_else(|| UnknownCountry::new(input, suggest(&key, std::iter::empty())))
    }
}

/// The error of parsing a country: the input, and the nearest known name
/// when the input looks like a misspelling of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCountry {
    /// The text that was given, unchanged.
    pub input: String,
    /// The display name of the nearest country, e.g. `"Viet Nam"` for
    /// `"Vietnma"`; `None` when nothing is close enough to be a useful hint.
    /// (From [`CountryAliases::insert`], the alpha-2 code the given "code" names.)
    pub suggestion: Option<&'static str>,
}

impl UnknownCountry {
    fn new(input: &str, suggestion: Option<&'static str>) -> Self {
        UnknownCountry {
            input: input.to_owned(),
            suggestion,
        }
    }
}

impl fmt::Display for UnknownCountry {
    /// `unknown country "Vietnma"`; the input is quoted with escapes so that
    /// control characters cannot garble a terminal. The suggestion is left to
    /// the caller, who words it as a hint.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown country {:?}", self.input)
    }
}

impl std::error::Error for UnknownCountry {}

/// Extra aliases a site adds in `data/countries.yaml` (a local spelling -> alpha-2 code).
///
/// They are matched with the same normalisation as [`Country::from_str`] and
/// win over the built-in names, so a site where "Congo" always means the
/// Democratic Republic of the Congo can say so.
#[derive(Debug, Default, Clone)]
pub struct CountryAliases {
    /// Normalised alias -> country.
    by_key: HashMap<String, Country>,
}

impl CountryAliases {
    /// No aliases: resolves exactly like [`Country::from_str`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an alias; Err(UnknownCountry) when the code is not an ISO alpha-2/alpha-3 code.
    ///
    /// A later alias with the same normalised spelling replaces an earlier one
    /// (the build warns when the two name different countries, see
    /// [`CountryAliases::site_alias`]).
    /// An alias that normalises to nothing (blank, punctuation, "the") could
    /// never match an input, so it is accepted and not stored. When `code` is
    /// a country name rather than a code, the error suggests that country's
    /// alpha-2 code.
    pub fn insert(&mut self, alias: &str, code: &str) -> Result<Country, UnknownCountry> {
        let country = Country::from_code(code).ok_or_else(|| {
            let named = code.parse::<Country>().ok().map(Country::iso2);
            UnknownCountry::new(code, named)
        })?;
        let key = normalize(alias);
        if !key.is_empty() {
            self.by_key.insert(key, country);
        }
        Ok(country)
    }

    /// The country the site's own aliases give this spelling, if any (built-in
    /// names aside): so that a caller can tell that an alias it is about to
    /// insert would replace one that names another country.
    pub fn site_alias(&self, alias: &str) -> Option<Country> {
        self.by_key.get(&normalize(alias)).copied()
    }

    /// Site aliases first, then the built-in table (same normalisation as FromStr).
    pub fn resolve(&self, input: &str) -> Result<Country, UnknownCountry> {
        let key = normalize(input);
        self.find(input, &key).ok_or_else(|| {
            let site = self.by_key.iter().map(|(k, &c)| (k.as_str(), c));
            UnknownCountry::new(input, suggest(&key, site))
        })
    }

    /// [`Self::resolve`] without the "did you mean" of a miss: for code that tries
    /// many phrases (the importer reading descriptors), where a miss is the rule.
    pub fn lookup(&self, input: &str) -> Option<Country> {
        self.find(input, &normalize(input))
    }

    fn find(&self, input: &str, key: &str) -> Option<Country> {
        self.by_key
            .get(key)
            .copied()
            .or_else(|| Country::from_code(input))
            .or_else(|| INDEX.names.get(key).copied())
    }
}

/// The lookup tables, built once from [`COUNTRIES`] and the generated names.
struct Index {
    /// Packed upper-case alpha-2 and alpha-3 codes (see [`pack_code`]).
    codes: HashMap<u32, Country>,
    /// Normalised display names and aliases (codes are matched only by
    /// [`Country::from_code`], on the raw input). Fx rather than SipHash: the
    /// keys are our own table's, and a lookup is mostly hashing.
    names: FxHashMap<String, Country>,
    /// Normalised spellings that two countries share: in no map, so they
    /// resolve to no country rather than to whichever came first. The tests
    /// keep this empty; it is the guard for a regenerated table.
    ambiguous: HashSet<String>,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut codes = HashMap::with_capacity(2 * COUNT);
    let mut names = FxHashMap::with_capacity_and_hasher(16 * COUNT, Default::default());
    let mut ambiguous = HashSet::new();
    for country in Country::all() {
        for code in [country.iso2(), country.iso3()] {
            if let Some(packed) = pack_code(code) {
                codes.insert(packed, country);
            }
        }
        for spelling in country.spellings() {
            let key = normalize(spelling);
            match names.get(&key) {
                Some(&other) if other != country => {
                    ambiguous.insert(key);
                }
                Some(_) => {}
                None => {
                    names.insert(key, country);
                }
            }
        }
    }
    names.retain(|key, _| !ambiguous.contains(key));
    Index {
        codes,
        names,
        ambiguous,
    }
});

/// Normalised names and aliases long enough to be worth suggesting, with their
/// length in characters, sorted so that ties go the same way on every run.
/// Built on the first miss, apart from [`INDEX`]: most builds have none.
static NEAR: LazyLock<Vec<(String, usize, Country)>> = LazyLock::new(|| {
    let mut near: Vec<(String, usize, Country)> = INDEX
        .names
        .iter()
        .filter_map(|(key, &country)| {
            let len = key.chars().count();
            (len >= MIN_SUGGEST_LEN).then(|| (key.clone(), len, country))
        })
        .collect();
    near.sort_unstable_by(|a, b| (a.2, &a.0).cmp(&(b.2, &b.0)));
    near
});

/// A 2- or 3-letter code as one `u32` of upper-case bytes, so that
/// [`Country::from_code`] needs no allocation; `None` if it is not letters.
/// A 3-letter code has a non-zero third byte, so it never equals a 2-letter one.
fn pack_code(code: &str) -> Option<u32> {
    let code = code.trim().as_bytes();
    if !(2..=3).contains(&code.len()) || !code.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    Some(
        code.iter()
            .fold(0, |acc, b| (acc << 8) | u32::from(b.to_ascii_uppercase())),
    )
}

/// Keys shorter than this get no suggestion: one edit away from a 3-letter
/// code is another code, which would be a guess, not a hint.
const MIN_SUGGEST_LEN: usize = 4;

/// Normalised spellings that name more than one country: they get no
/// suggestion, since any one country would be a guess ("Virgin Islands" is
/// two edits from the US ones and seven from the British ones).
const AMBIGUOUS: [&str; 2] = ["korea", "virginislands"];

/// No known key is longer than this; longer input is not a misspelling, and
/// skipping it keeps the edit-distance scan cheap on hostile input.
const MAX_SUGGEST_LEN: usize = 80;

/// The display name of the known spelling nearest to `key` (a normalised
/// input), when it is within a small number of edits: one for up to 7
/// letters, two for up to 11, three beyond. Looser than that, and "Kosovo"
/// would be "corrected" to some island.
fn suggest<'a>(key: &str, site: impl Iterator<Item = (&'a str, Country)>) -> Option<&'static str> {
    let len = key.chars().count();
    if !(MIN_SUGGEST_LEN..=MAX_SUGGEST_LEN).contains(&len)
        || AMBIGUOUS.contains(&key)
        || INDEX.ambiguous.contains(key)
    {
        return None;
    }
    // Ranked by (edits, site before built-in, country), so that a tie goes
    // the same way whatever order the site's hash map iterates in.
    let site = site.map(|(k, c)| (k, k.chars().count(), 0u8, c));
    let builtin = NEAR.iter().map(|(k, n, c)| (k.as_str(), *n, 1u8, *c));
    let mut best: Option<(usize, u8, Country)> = None;
    for (candidate, candidate_len, source, country) in site.chain(builtin) {
        let budget = (candidate_len / 4).clamp(1, 3);
        // Cheap length filter first: the edit distance is at least the length difference.
        if candidate_len.abs_diff(len) > budget {
            continue;
        }
        let distance = strsim::osa_distance(key, candidate);
        let rank = (distance, source, country);
        if distance <= budget && best.is_none_or(|b| rank < b) {
            best = Some(rank);
        }
    }
    best.map(|(_, _, country)| country.name())
}

#[cfg(test)]
mod tests;
