#!/usr/bin/env python3
"""Regenerates src/taxonomy/country/names.rs: country names in the six UN languages.

Sources, both Debian packages (`apt-get install -y unicode-cldr-core iso-codes`):
- Unicode CLDR (`unicode-cldr-core`, /usr/share/unicode/cldr/common/main/*.xml):
  the display name of each country in Arabic, Chinese (Simplified), French,
  Russian and Spanish, and as further spellings its `short` and `variant`
  forms, the English names and the Traditional Chinese names (zh_Hant).
- Debian iso-codes (/usr/share/iso-codes/json/iso_3166-1.json and the
  translations in /usr/share/locale/*/LC_MESSAGES/iso_3166-1.mo): the ISO
  3166-1 name, official name and common name, in English and translated into
  ar, zh_CN, zh_TW, zh_HK, fr, ru and es, as further spellings.

English display names are not taken from here: they are the UN short names of
the hand-written table in src/taxonomy/country.rs, whose row order this script
reads so that the generated rows line up with it.

Spellings that are abbreviations of at most three Latin letters ("R.-U.",
"É.-U.", Spanish "RU" for the United Kingdom) are left out: they would read as
another country's ISO code. EXCLUDED lists the few other spellings left out,
with the reason; the Rust test `no_spelling_names_two_countries` fails if any
two countries share a spelling after folding, which is how those were found.

Usage: python3 scripts/vocab_countries.py [--cldr DIR] [--iso-codes DIR] [--locale DIR]
(writes src/taxonomy/country/names.rs relative to the repository root).
"""

import argparse
import gettext
import json
import pathlib
import re
import unicodedata
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent
TABLE = ROOT / "src/taxonomy/country.rs"
OUT = ROOT / "src/taxonomy/country/names.rs"

# The display languages, in the order of the generated rows (English comes from the table).
DISPLAY = ["ar", "zh", "fr", "ru", "es"]
# CLDR locales whose names are also accepted as input.
CLDR_INPUT = ["en", "ar", "zh", "zh_Hant", "fr", "ru", "es"]
# iso-codes translation domains accepted as input.
ISO_INPUT = ["ar", "zh_CN", "zh_TW", "zh_HK", "fr", "ru", "es"]

# (alpha-2, spelling) -> why it is not accepted as input.
EXCLUDED = {
}


def clean(text):
    """NFC, no zero-width or bidi marks, single spaces."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", text)
    return " ".join(text.split())


def is_latin_abbreviation(spelling):
    letters = [c for c in unicodedata.normalize("NFD", spelling) if c.isalnum()]
    return len(letters) <= 3 and all(c.isascii() for c in letters)


def table_codes():
    codes = re.findall(r'^\s*c\("([A-Z]{2})", ', TABLE.read_text(encoding="utf-8"), re.M)
    if len(codes) != 249:
        raise SystemExit(f"expected 249 rows in {TABLE}, found {len(codes)}")
    return codes


def cldr_version(cldr):
    dtd = (cldr / "common/dtd/ldml.dtd").read_text(encoding="utf-8")
    return re.search(r'cldrVersion CDATA #FIXED "([0-9.]+)"', dtd).group(1)


def cldr_names(cldr, locale):
    """alpha-2 -> {None | 'short' | 'variant': name} for one locale."""
    tree = ET.parse(cldr / "common/main" / f"{locale}.xml")
    names = {}
    for node in tree.findall(".//localeDisplayNames/territories/territory"):
        code = node.get("type")
        if re.fullmatch(r"[A-Z]{2}", code) and node.text:
            names.setdefault(code, {})[node.get("alt")] = clean(node.text)
    return names


def iso_codes_version():
    pc = pathlib.Path("/usr/share/pkgconfig/iso-codes.pc")
    if pc.exists():
        found = re.search(r"^Version:\s*(\S+)", pc.read_text(), re.M)
        if found:
            return found.group(1)
    raise SystemExit("cannot tell the iso-codes version (no iso-codes.pc)")


def rust_str(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cldr", default="/usr/share/unicode/cldr", type=pathlib.Path)
    parser.add_argument("--iso-codes", default="/usr/share/iso-codes/json", type=pathlib.Path)
    parser.add_argument("--locale", default="/usr/share/locale", type=pathlib.Path)
    args = parser.parse_args()

    codes = table_codes()
    cldr = {loc: cldr_names(args.cldr, loc) for loc in CLDR_INPUT}
    iso = {e["alpha_2"]: e for e in json.loads(
        (args.iso_codes / "iso_3166-1.json").read_text(encoding="utf-8"))["3166-1"]}
    translations = {
        dom: gettext.GNUTranslations(
            open(args.locale / dom / "LC_MESSAGES/iso_3166-1.mo", "rb"))
        for dom in ISO_INPUT
    }

    display_rows, spelling_rows, used_exclusions = [], [], set()
    for code in codes:
        missing = [loc for loc in DISPLAY if None not in cldr[loc].get(code, {})]
        if missing:
            raise SystemExit(f"CLDR has no name for {code} in {missing}")
        display = [cldr[loc][code][None] for loc in DISPLAY]
        spellings = []
        for loc in CLDR_INPUT:
            spellings.extend(cldr[loc].get(code, {}).values())
        entry = iso.get(code)
        if entry is None:
            raise SystemExit(f"iso-codes has no {code}")
        english = [clean(entry[k]) for k in ("name", "official_name", "common_name") if k in entry]
        spellings.extend(english)
        for dom in ISO_INPUT:
            for msgid in ("name", "official_name", "common_name"):
                if msgid in entry:
                    spellings.append(clean(translations[dom].gettext(entry[msgid])))
        kept = []
        for s in spellings:
            if (code, s) in EXCLUDED:
                used_exclusions.add((code, s))
                continue
            if s and s not in display and s not in kept and not is_latin_abbreviation(s):
                kept.append(s)
        display_rows.append(display)
        spelling_rows.append(kept)
    unused = set(EXCLUDED) - used_exclusions
    if unused:
        raise SystemExit(f"EXCLUDED entries that no source has any more: {sorted(unused)}")

    version = cldr_version(args.cldr)
    iso_version = iso_codes_version()
    out = [
        "//! Country names in the UN languages other than English: GENERATED by",
        "//! `scripts/vocab_countries.py`; edit the script, not this file.",
        "//!",
        f"//! Sources: Unicode CLDR {version} (Debian `unicode-cldr-core`) for the",
        f"//! display names, and CLDR plus Debian `iso-codes` {iso_version} (ISO 3166-1 and",
        "//! its translations) for the other accepted spellings. Rows are in the",
        "//! order of the table in `country.rs`.",
        "",
        "/// The CLDR release the display names come from.",
        f'pub(super) const CLDR_VERSION: &str = "{version}";',
        "",
        "/// The iso-codes release the further spellings come from.",
        f'pub(super) const ISO_CODES_VERSION: &str = "{iso_version}";',
        "",
        "/// Display names, per row of the country table: Arabic, Chinese (Simplified),",
        "/// French, Russian, Spanish.",
        "#[rustfmt::skip]",
        f"pub(super) static DISPLAY: [[&str; 5]; {len(codes)}] = [",
    ]
    for code, row in zip(codes, display_rows):
        out.append(f"    [{', '.join(map(rust_str, row))}], // {code}")
    out += [
        "];",
        "",
        "/// Other spellings that parse to the country of the same row, in any of the",
        "/// six languages (display names are accepted without being listed here).",
        "#[rustfmt::skip]",
        f"pub(super) static SPELLINGS: [&[&str]; {len(codes)}] = [",
    ]
    for code, row in zip(codes, spelling_rows):
        out.append(f"    &[{', '.join(map(rust_str, row))}], // {code}")
    out += ["];", ""]
    OUT.write_text("\n".join(out), encoding="utf-8")
    total = sum(map(len, spelling_rows))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(codes)} countries, {total} spellings "
          f"(CLDR {version}, iso-codes {iso_version})")


if __name__ == "__main__":
    main()
