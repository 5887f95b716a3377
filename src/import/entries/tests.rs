use super::*;

fn person(s: &str) -> ImportedPerson {
    entry(s, &CountryAliases::new()).expect(s).person
}

#[test]
fn suffixes_are_remarks_not_part_of_the_entry() {
    let e = entry(
        "Kemal Arslan, Digital Rights Network (DRN) (Moderator)",
        &CountryAliases::new(),
    )
    .expect("entry");
    assert_eq!(e.person.name, "Kemal Arslan");
    assert_eq!(
        e.person.organization.as_deref(),
        Some("Digital Rights Network (DRN)")
    );
    assert_eq!(e.part, Some(Part::Moderator));
    let e = entry(
        "Ms. Lena Borg, Adviser, Nordic Institute, Oslo, Norway (remote)",
        &CountryAliases::new(),
    )
    .expect("entry");
    assert_eq!(e.person.country.map(|c| c.iso2()), Some("NO"));
    assert_eq!(e.person.organization.as_deref(), Some("Nordic Institute"));
    let e = entry("Mr. Omar Said, Minister (TBC)", &CountryAliases::new()).expect("entry");
    assert!(e.tentative);
    let e = entry(
        "Ms. Ada Byrne Chief Analyst Orbis Media Moderator",
        &CountryAliases::new(),
    )
    .expect("entry");
    assert_eq!(e.part, Some(Part::Moderator));
}

#[test]
fn things_that_are_not_people_are_refused() {
    for s in [
        "TBD",
        "Speakers: TBD",
        "Popov Room, ITU Tower",
        "Captioning EN/FR available",
        "UNESCO",
        "Conferencia de las Naciones Unidas sobre Comercio y Desarrollo (UNCTAD)",
        "Network of 160 national, regional and youth initiatives,",
        "Keynote speaker",
        "Opening Remarks",
        "Chairman, WSIS+10 High-level Event (tbc)",
        "Mr,Pierre,DUVAL,Academia,University of Lyon",
        "Speech (French)",
        "Print Version",
        "Youth Issue Teams",
        "Organizing Committee",
    ] {
        assert!(
            entry(s, &CountryAliases::new()).is_err(),
            "{s}: {:?}",
            entry(s, &CountryAliases::new())
        );
    }
    assert_eq!(
        entry("TBD", &CountryAliases::new()),
        Err(NotPerson::Placeholder)
    );
}

#[test]
fn people_in_the_arrangements_lists_use() {
    let p = person("Chile – Ms. Rosa Pardo, Vice Minister, Undersecretariat of Telecommunications");
    assert_eq!(
        (p.name.as_str(), p.country.map(|c| c.iso2())),
        ("Rosa Pardo", Some("CL"))
    );
    let p = person("Iran (Islamic Republic of) – H.E. Mr. Ali Karimi, Minister, Ministry of ICT");
    assert_eq!(
        (p.name.as_str(), p.country.map(|c| c.iso2())),
        ("Ali Karimi", Some("IR"))
    );
    let p = person("Minister of Digital Economy, Ghana, H.E. Ms. Efua Mensah");
    assert_eq!(p.name, "Efua Mensah");
    assert_eq!(p.country.map(|c| c.iso2()), Some("GH"));
    let p = person("KOFI ASANTE, Director, Ghana Tech Hub");
    assert_eq!(p.name, "KOFI ASANTE");
    let p = person("Ravi Menon (Gov)");
    assert_eq!(
        (p.name.as_str(), p.organization.as_deref()),
        ("Ravi Menon", None)
    );
}

#[test]
fn several_people_on_one_line_are_split() {
    let a = CountryAliases::new();
    assert_eq!(
        split_people("Ravi Menon (Gov), Lea Kraus (CS), Tomas Ruiz (TC)", &a),
        ["Ravi Menon (Gov)", "Lea Kraus (CS)", "Tomas Ruiz (TC)"]
    );
    assert_eq!(
        split_people("Ana Lima and Bo Chen", &a),
        ["Ana Lima", "Bo Chen"]
    );
    assert_eq!(
        split_people("Ana Lima, Director, Acme", &a),
        ["Ana Lima, Director, Acme"]
    );
}

#[test]
fn a_bare_name_after_a_descriptor_starts_the_next_person() {
    let a = CountryAliases::new();
    assert_eq!(
        split_people(
            "Lena Ortiz, Director General, Water Agency (video message), Keynote: Omar Haddad, \
             Chief Engineer, Delta Labs, Jordan and Mia Stone, President, Council of Schools",
            &a
        ),
        [
            "Lena Ortiz, Director General, Water Agency (video message)",
            "Omar Haddad, Chief Engineer, Delta Labs, Jordan",
            "Mia Stone, President, Council of Schools"
        ]
    );
    assert_eq!(
        split_people(
            "Dr Lena Ortiz, Chief of Department, Projects and Knowledge Management, ITU",
            &a
        ),
        ["Dr Lena Ortiz, Chief of Department, Projects and Knowledge Management, ITU"]
    );
    // A descriptor whose capitalised words are an organization is no next person.
    assert_eq!(
        split_people(
            "Lena Ortiz, Director, Water Agency, Geneva Office, Switzerland",
            &a
        ),
        ["Lena Ortiz, Director, Water Agency, Geneva Office, Switzerland"]
    );
}

/// Name, role, organization and part of each block.
type Read = (String, Option<String>, Option<String>, Option<Part>);

fn blocks(text: &str) -> Vec<Read> {
    let lines = crate::import::lines::read(text);
    let a = CountryAliases::new();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match block(&lines, i, &a) {
            Some(b) => {
                let p = b.entry.person;
                out.push((p.name, p.role, p.organization, b.entry.part));
                i = b.end;
            }
            None => i += 1,
        }
    }
    out
}

#[test]
fn one_field_per_line_with_the_part_after_the_organization() {
    let got = blocks(
        "Mr. Piet de Wit\nProgramme Officer\nOrbis Union (OU)\nModerator\n\n\
         Dr. Sana Qureshi\nDirector for Digital Policy\nNational Institute of Computing (NIC)\n",
    );
    assert_eq!(
        got,
        [
            (
                "Piet de Wit".into(),
                Some("Programme Officer".into()),
                Some("Orbis Union (OU)".into()),
                Some(Part::Moderator)
            ),
            (
                "Sana Qureshi".into(),
                Some("Director for Digital Policy".into()),
                Some("National Institute of Computing (NIC)".into()),
                None
            ),
        ]
    );
}

#[test]
fn a_name_printed_twice_carries_the_descriptor() {
    let got = blocks(
        "Ms. Hana Novak,\nMs. Hana Novak Director of Regional Office (RO) Orbis Union\n\n\
         H.E. Ms. Ines Duarte\nHE Ms. Ines Duarte Vice Minister Undersecretariat of Telecommunications, Chile\n\n\
         Mr. Tom Reyes\nMr. Tom Reyes Head, Planning Division Orbis Union Moderator\n",
    );
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].0, "Hana Novak");
    assert_eq!(got[0].1.as_deref(), Some("Director"));
    assert_eq!(
        got[0].2.as_deref(),
        Some("Regional Office (RO) Orbis Union")
    );
    assert_eq!(got[1].0, "Ines Duarte");
    assert_eq!(got[2].3, Some(Part::Moderator));
}

#[test]
fn calendar_entries_with_blank_lines_and_a_missing_role() {
    let got = blocks(
        "Lars Berg\n\n\nOrbis Telecommunication Union\n\n\n\nMaja Lind\n\nDeputy Director, Planning Bureau\n\n\
         Orbis Telecommunication Union\n\n\nPaulo Mendes\n\nMinister of Communications\n\nMinistry of Communications\n\nPortugal\n",
    );
    let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(names, ["Lars Berg", "Maja Lind", "Paulo Mendes"]);
    assert_eq!(got[0].1, None);
    assert_eq!(got[0].2.as_deref(), Some("Orbis Telecommunication Union"));
    assert_eq!(got[1].1.as_deref(), Some("Deputy Director"));
    assert_eq!(
        got[1].2.as_deref(),
        Some("Planning Bureau, Orbis Telecommunication Union")
    );
    assert_eq!(got[2].2.as_deref(), Some("Ministry of Communications"));
}

#[test]
fn a_name_ending_in_a_comma_continues_on_the_next_line() {
    let got = blocks("Sofia Hale,\nDirector of the Centre for Distance Learning, Univ. of Elba\n");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "Sofia Hale");
    assert!(got[0].1.as_deref().unwrap_or("").starts_with("Director"));
}

#[test]
fn a_particle_joined_to_the_surname_is_part_of_the_name() {
    // Invented entries: a hyphenated and an apostrophised lower-case particle.
    let p = person("Ms. Samira el-Amin, Head of Policy, Coastal Networks");
    assert_eq!(p.name, "Samira el-Amin");
    assert_eq!(p.role.as_deref(), Some("Head of Policy"));
    assert_eq!(
        person("Dr. Karim al-Nouri, Adviser, Data Lab").name,
        "Karim al-Nouri"
    );
    assert_eq!(
        person("Mr. Paul d’Orvalle, Director, Alpine Institute").name,
        "Paul d’Orvalle"
    );
    // A lower-case word that is no particle still stops a name.
    assert!(
        entry("Ms. Samira re-Amin, Head, Lab", &CountryAliases::new())
            .map(|e| e.person.name != "Samira re-Amin")
            .unwrap_or(true)
    );
}

#[test]
fn people_joined_by_et_or_y_are_two_entries() {
    let a = CountryAliases::new();
    // Invented French and Spanish joiners.
    assert_eq!(
        split_people(
            "Claire Morin (Agence du Numérique) et Paul Reyes (Réseau Libre)",
            &a
        ),
        [
            "Claire Morin (Agence du Numérique)",
            "Paul Reyes (Réseau Libre)"
        ]
    );
    assert_eq!(
        split_people(
            "Claire Morin, Déléguée générale, Agence du Numérique et Paul Reyes, Directeur, Fondation Réseau Libre",
            &a
        ),
        [
            "Claire Morin, Déléguée générale, Agence du Numérique",
            "Paul Reyes, Directeur, Fondation Réseau Libre"
        ]
    );
    assert_eq!(
        split_people("Lucía Gómez y Marcos Ruiz", &a),
        ["Lucía Gómez", "Marcos Ruiz"]
    );
    // "et" inside an organization's name joins no people.
    assert_eq!(
        split_people(
            "Claire Morin, Directrice, Ministère de l'Économie et des Finances",
            &a
        )
        .len(),
        1
    );
}

#[test]
fn a_label_with_its_colon_and_a_venue_line_end_a_persons_block() {
    // "Onsite Moderator:" heads the next name; "Hall 2" is where, not who.
    let got = blocks("Ilse Brandt\n\nOnsite Moderator:\n\nOmar Haddad\n\nHall 2\n");
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].3, None);
    assert_eq!(got[1].0, "Omar Haddad");
    assert_eq!(got[1].2, None);
    let e = entry("Nadia Petrova tbc", &CountryAliases::new()).expect("entry");
    assert_eq!(e.person.name, "Nadia Petrova");
    assert!(e.tentative);
}

#[test]
fn a_nickname_in_quotes_is_part_of_the_name_without_them() {
    let e = entry("‘Bea’ Santos Lima", &CountryAliases::new()).expect("entry");
    assert_eq!(e.person.name, "Bea Santos Lima");
    // A quoted title is not a name; a lone quote mark is no nickname.
    assert!(entry("“Rivers of data”", &CountryAliases::new()).is_err());
    assert_eq!(crate::import::person::unquote_nicknames("\" ' ‘"), "\" ' ‘");
}

#[test]
fn an_organization_first_then_a_bare_name_and_role_and_an_honorifics_bare_organization() {
    let e = entry(
        "Delta Council – Omar Haddad, Chief Engineer (Jordan)",
        &CountryAliases::new(),
    )
    .expect("entry");
    assert_eq!(e.person.name, "Omar Haddad");
    assert_eq!(e.person.organization.as_deref(), Some("Delta Council"));
    assert_eq!(e.person.country.map(|c| c.iso2()), Some("JO"));
    // "Label: Name, Role" is no organization first.
    let e = entry(
        "Team lead: Omar Haddad, Chief Engineer",
        &CountryAliases::new(),
    );
    assert!(e.map_or(true, |e| e.person.organization.as_deref()
        != Some("Team lead")));
}

#[test]
fn a_gap_of_spaces_parts_the_fields_of_an_entry_without_commas() {
    let p = person("Secretary-General  Ana Lima-Ortiz");
    assert_eq!(p.name, "Ana Lima-Ortiz");
    assert_eq!(p.role.as_deref(), Some("Secretary-General"));
    let p = person("Bo Chen   Director   Harbour Institute");
    assert_eq!(p.name, "Bo Chen");
    assert!(entry("Main Hall  Room 3", &CountryAliases::new()).is_err());
}

#[test]
fn stakeholder_groups_and_regions_are_dropped_but_an_organization_named_eu_stays() {
    let e = entry(
        "Ann Lee - Delta Forum, Technical Community Europe",
        &CountryAliases::new(),
    )
    .expect("person");
    assert_eq!(e.person.organization.as_deref(), Some("Delta Forum"));
    let e = entry("Ana Lima, Ambassador, EU", &CountryAliases::new()).expect("person");
    assert_eq!(e.person.organization.as_deref(), Some("EU"));
}

#[test]
fn a_part_in_brackets_right_after_the_name() {
    let e = entry(
        "Prof. Ana Ruiz (Moderator), Dean, Coastal University",
        &CountryAliases::new(),
    )
    .unwrap();
    assert_eq!(e.part, Some(Part::Moderator));
    assert_eq!(e.person.role.as_deref(), Some("Dean"));
    let e = entry(
        "Dr. Li Wen (Rapporteur), Analyst, Blue Lab",
        &CountryAliases::new(),
    )
    .unwrap();
    assert!(e.excluded);
    // Other brackets stay: "(ITU)" is an organization.
    let e = entry("Ms. Kim Park (ITU), Adviser", &CountryAliases::new()).unwrap();
    assert_eq!(e.part, None);
}

#[test]
fn chinese_honorifics_after_the_name() {
    let e = entry("Ana Lima 女士, 副主任, 电联", &CountryAliases::new()).unwrap();
    assert_eq!(e.person.name, "Ana Lima");
    assert_eq!(e.person.honorific.as_deref(), Some("女士"));
    assert_eq!(
        postfix_honorific("王小明先生"),
        Some(("王小明".into(), "先生".into()))
    );
    // A name that merely ends in the same letters keeps them.
    assert_eq!(postfix_honorific("Li氏"), None);
}

#[test]
fn a_name_printed_twice_on_one_line_is_one_name() {
    let p = person("Ms. Ana Ruiz Ms. Ana Ruiz Director General, Delta Union");
    assert_eq!(p.name, "Ana Ruiz");
    assert_eq!(p.role.as_deref(), Some("Director General"));
    assert_eq!(p.organization.as_deref(), Some("Delta Union"));
    assert_eq!(undoubled("Ana Ruiz Ana Ruiz"), "Ana Ruiz");
    let kept = "Ana Ruiz, Director, Ana Ruiz Foundation";
    assert_eq!(undoubled(kept), kept);
}

#[test]
fn a_remark_beside_a_descriptor_in_brackets() {
    let e = entry("Eve Ross (River News; moderator)", &CountryAliases::new()).unwrap();
    assert_eq!(e.part, Some(Part::Moderator));
    assert_eq!(e.person.organization.as_deref(), Some("River News"));
    let e = entry("Bo Chen (Acme, remote)", &CountryAliases::new()).unwrap();
    assert_eq!(e.person.organization.as_deref(), Some("Acme"));
}

#[test]
fn a_list_of_people_with_descriptors_in_brackets_and_a_last_and() {
    let got = split_people(
        "Ana Ruiz (Delta Union, Kenya), Bo Chen (Acme) and Eve Ross (River News; moderator)",
        &CountryAliases::new(),
    );
    assert_eq!(
        got,
        [
            "Ana Ruiz (Delta Union, Kenya)",
            "Bo Chen (Acme)",
            "Eve Ross (River News; moderator)"
        ]
    );
}

#[test]
fn a_rapporteur_in_a_speaker_list_is_named_but_no_speaker() {
    assert!(
        entry("Bo Chen, Rapporteur", &CountryAliases::new())
            .unwrap()
            .excluded
    );
    assert!(
        !entry("Irene Holm, UN Special Rapporteur", &CountryAliases::new())
            .unwrap()
            .excluded
    );
}
