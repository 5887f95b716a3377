use super::*;
use crate::taxonomy::Country;

fn listed(s: &str) -> ImportedPerson {
    from_listed(s, &CountryAliases::new()).expect(s)
}

#[test]
fn one_capitalised_part_without_a_role_word_is_the_organization() {
    let mut p = ImportedPerson::default();
    fill_appositive(
        &mut p,
        &["Teach For Rivers - Kenya"],
        &CountryAliases::new(),
    );
    assert_eq!(p.organization.as_deref(), Some("Teach For Rivers"));
    assert_eq!(p.country.map(Country::iso2), Some("KE"));
    assert_eq!(p.role, None);
    let mut p = ImportedPerson::default();
    fill_appositive(&mut p, &["Senior Adviser"], &CountryAliases::new());
    assert_eq!(p.role.as_deref(), Some("Senior Adviser"));
}

#[test]
fn his_excellency_with_spaced_initials_is_an_honorific() {
    let p = split_name("H. E. Amb. Ana Lima");
    assert_eq!(p.name, "Ana Lima");
    assert_eq!(p.honorific.as_deref(), Some("H.E. Amb."));
    // Two initials of a name stay in it.
    assert_eq!(split_name("H. K. Rao").name, "H. K. Rao");
}

#[test]
fn a_listed_panellist_splits_into_its_parts() {
    let p = listed(
        "Ms. Cristina Bueti, Counsellor on Metaverse & Smart Cities, International Telecommunication Union (ITU), Geneva",
    );
    assert_eq!(p.name, "Cristina Bueti");
    assert_eq!(p.honorific.as_deref(), Some("Ms."));
    assert_eq!(
        p.role.as_deref(),
        Some("Counsellor on Metaverse & Smart Cities")
    );
    assert_eq!(
        p.organization.as_deref(),
        Some("International Telecommunication Union (ITU)")
    );
    assert_eq!(p.country, None);
    let p = listed(
        "Engr. Md Selim Reza, System Analyst, Internal Resources Division, Ministry of Finance, Bangladesh",
    );
    assert_eq!(p.country.map(Country::iso2), Some("BD"));
    assert_eq!(p.role.as_deref(), Some("System Analyst"));
    assert_eq!(
        p.organization.as_deref(),
        Some("Internal Resources Division, Ministry of Finance")
    );
}

#[test]
fn long_official_country_names_and_countries_first_are_found() {
    for (s, iso) in [
        (
            "H.E. Mr. Phạm Minh Chính, Prime Minister, Viet Nam (Socialist Republic of)",
            "VN",
        ),
        (
            "His Excellency Reza Ahmadi, Deputy Minister of ICT, Iran (Islamic Republic of)",
            "IR",
        ),
        ("Türkiye – Dr. Ahmet Yılmaz, Head of Department, BTK", "TR"),
        ("Mr. Kofi Mensah (Ghana), Director", "GH"),
        (
            "Mr. Americo Muchanga, Chairman, Communications Regulator Authority of Mozambique (INCM)Mozambique",
            "MZ",
        ),
        (
            "Ramin Guluzade, Minister of Transport, Communications and High Technologies of the Republic of Azerbaijan",
            "AZ",
        ),
    ] {
        let p = listed(s);
        assert_eq!(p.country.map(Country::iso2), Some(iso), "{s}");
    }
    let p =
        listed("His Excellency Reza Ahmadi, Deputy Minister of ICT, Iran (Islamic Republic of)");
    assert_eq!(p.honorific.as_deref(), Some("His Excellency"));
    assert_eq!(p.name, "Reza Ahmadi");
}

#[test]
fn surnames_in_capitals_and_dashes_after_names_are_tidied() {
    let p = listed("Ms. Maria GARCIA, Digital Policy Specialist, UNDP, Spain");
    assert_eq!(p.name, "Maria Garcia");
    let p = listed(
        "Ms. Nnenna Nwakanma – Chief Web Advocate, World Wide Web Foundation, Côte d'Ivoire",
    );
    assert_eq!(p.name, "Nnenna Nwakanma");
    assert_eq!(p.role.as_deref(), Some("Chief Web Advocate"));
    assert_eq!(p.country.map(Country::iso2), Some("CI"));
    let p = listed(
        "Dr. Sarah Al-Hashimi, Director, Office of Digital Transformation, Kingdom of Saudi Arabia",
    );
    assert_eq!(p.country.map(Country::iso2), Some("SA"));
    assert_eq!(tidy_name("Tohfa - E – Ayub"), "Tohfa - E – Ayub");
    assert_eq!(tidy_name("SARAH AL-HASHIMI"), "SARAH AL-HASHIMI");
    assert_eq!(tidy_name("Sarah AL-HASHIMI"), "Sarah Al-Hashimi");
}

#[test]
fn a_parenthesis_after_the_name_is_a_country_or_an_organization() {
    let p = listed("Cristina Bueti (ITU)");
    assert_eq!(p.name, "Cristina Bueti");
    assert_eq!(p.organization.as_deref(), Some("ITU"));
    let p = listed("Ms. Jane Wanjiru (Kenya), Director, Ministry of ICT");
    assert_eq!(p.name, "Jane Wanjiru");
    assert_eq!(p.country.map(Country::iso2), Some("KE"));
}

#[test]
fn dashes_and_parentheses_can_hold_the_whole_introduction() {
    let p = listed("John Smith - CEO - Acme Corp - Kenya");
    assert_eq!(p.name, "John Smith");
    assert_eq!(p.role.as_deref(), Some("CEO"));
    assert_eq!(p.organization.as_deref(), Some("Acme Corp"));
    assert_eq!(p.country.map(Country::iso2), Some("KE"));
    let p = listed("Ms. Cristina Bueti – ITU");
    assert_eq!(p.name, "Cristina Bueti");
    assert_eq!(p.organization.as_deref(), Some("ITU"));
    let p = listed("Dr. Tohfa - E – Ayub, Assistant Professor");
    assert_eq!(p.name, "Tohfa - E – Ayub");
    let p = listed("Ms. Aiko Mori (Director, Digital Agency, Japan)");
    assert_eq!(p.name, "Aiko Mori");
    assert_eq!(p.role.as_deref(), Some("Director"));
    assert_eq!(p.country.map(Country::iso2), Some("JP"));
}

#[test]
fn honorifics_the_site_does_not_list_are_moved_out_too() {
    let p = split_name("Sra. Dra. Ana Lima");
    assert_eq!(
        (p.honorific.as_deref(), p.name.as_str()),
        (Some("Sra. Dra."), "Ana Lima")
    );
    let p = split_name("H.E. Lt. Gen. Amos Kariuki");
    assert_eq!(p.honorific.as_deref(), Some("H.E. Lt. Gen."));
    assert_eq!(p.name, "Amos Kariuki");
    assert_eq!(split_name("Eng Lim").name, "Eng Lim");
}

#[test]
fn acronyms_are_not_read_as_country_codes() {
    let p = listed("Mr. A B, Engineer, IT");
    assert_eq!(p.country, None);
    assert_eq!(
        listed("Ms. C D, Analyst, USA").country.map(Country::iso2),
        Some("US")
    );
    // A country inside an organization's name is the person's, marked as inferred.
    let p = listed("Dr. X Y, Professor, Communications Authority of Kenya");
    assert_eq!(p.country.map(Country::iso2), Some("KE"));
    assert!(p.country_inferred);
    let p = listed("ITU – Ms. Ana Lima, Programme Officer");
    assert_eq!(p.organization.as_deref(), Some("ITU"));
    assert_eq!(p.name, "Ana Lima");
}

#[test]
fn a_country_inside_a_bracketed_or_leading_organization_is_inferred() {
    // Invented: the organization in brackets after the name, and before it.
    let p = listed("Marta Lind (Open Data Society Sweden)");
    assert_eq!(p.country.map(|c| c.iso2()), Some("SE"));
    assert!(p.country_inferred);
    assert_eq!(p.organization.as_deref(), Some("Open Data Society Sweden"));
    // A nationality adjective is no country.
    assert_eq!(listed("Marta Lind (Swedish Data Society)").country, None);
}
