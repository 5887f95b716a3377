use super::*;

fn names(text: &str) -> Vec<(String, bool, Option<&'static str>)> {
    introductions(text, &CountryAliases::new())
        .into_iter()
        .map(|f| {
            (
                f.person.name,
                f.moderator,
                f.person.country.map(|c| c.iso2()),
            )
        })
        .collect()
}

#[test]
fn appositives_after_verbs_and_prepositions_are_introductions() {
    assert_eq!(
        names(
            "Access to all is an urgent priority, agreed Rupert Pearce, CEO, Inmarsat. The crisis"
        ),
        [("Rupert Pearce".into(), false, None)]
    );
    assert_eq!(
        names(
            "For Ramin Guluzade, Minister of Transport, Communications and High Technologies of the Republic of Azerbaijan, innovative"
        ),
        [("Ramin Guluzade".into(), false, Some("AZ"))]
    );
    assert_eq!(
        names(
            "noted Americo Muchanga, Chairman, Communications Regulator Authority of Mozambique (INCM)Mozambique, which may"
        ),
        [("Americo Muchanga".into(), false, Some("MZ"))]
    );
    assert_eq!(
        names(
            "Phan Tam, Deputy Minister of information and communications, Viet Nam then formally closed the session"
        ),
        [("Phan Tam".into(), false, Some("VN"))]
    );
}

#[test]
fn moderators_and_titles_before_names_are_recognised() {
    assert_eq!(
        names(
            "during an informative session, ably moderated by Jason Harle, Senior Manager, Cyber Risk, Deloitte."
        ),
        [("Jason Harle".into(), true, None)]
    );
    let f = introductions(
        "ITU Secretary-General Houlin Zhao echoed this appeal",
        &CountryAliases::new(),
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].person.name, "Houlin Zhao");
    assert!(f[0].guessed);
}

#[test]
fn titles_before_names_between_commas_are_introductions() {
    assert_eq!(
        names(
            "Kenya’s Cabinet Secretary for Information, Communications and the Digital Economy, Eliud Owalo, said that"
        ),
        [("Eliud Owalo".into(), false, Some("KE"))]
    );
    assert_eq!(
        names(
            "The Minister of Digital Affairs of Indonesia, Mr. Budi Arie Setiadi, described satellite projects."
        ),
        [("Budi Arie Setiadi".into(), false, Some("ID"))]
    );
    assert_eq!(
        names("said Mr. Tomas LAMANAUSKAS, Deputy Secretary-General, ITU."),
        [("Tomas Lamanauskas".into(), false, None)]
    );
}

#[test]
fn a_country_in_parentheses_after_a_name_introduces_a_speaker() {
    assert_eq!(
        names("“We are ready,” said Ms. Jane Wanjiru (Kenya) at the opening."),
        [("Jane Wanjiru".into(), false, Some("KE"))]
    );
    assert_eq!(
        names("Mr. Omar Haddad (Jordan), Director of Policy, TRC, noted that"),
        [("Omar Haddad".into(), false, Some("JO"))]
    );
    assert_eq!(names("a report by Omar Haddad (Jordan) was shared"), []);
    assert_eq!(
        names("as Ms. Aiko Mori (Director, Digital Agency, Japan) put it"),
        [("Aiko Mori".into(), false, Some("JP"))]
    );
    assert_eq!(names("the Internet Society (ISOC) and others"), []);
}

#[test]
fn ranks_before_names_in_prose_are_honorifics() {
    let f = introductions(
        "said Lt. Gen. Amos Kariuki, Director General, National Cyber Command, Kenya.",
        &CountryAliases::new(),
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].person.name, "Amos Kariuki");
    assert_eq!(f[0].person.honorific.as_deref(), Some("Lt. Gen."));
}

#[test]
fn relative_clauses_articles_and_of_organizations_introduce_speakers() {
    assert_eq!(
        names("Doreen Bogdan-Martin, the ITU Secretary-General, opened the dialogue"),
        [("Doreen Bogdan-Martin".into(), false, None)]
    );
    assert_eq!(
        names("said Mr. Henrik Johansson, who is President of IFLA, Sweden."),
        [("Henrik Johansson".into(), false, Some("SE"))]
    );
    assert_eq!(
        names("Ahmed Hassan of the Arab ICT Organization said that content is scarce."),
        [("Ahmed Hassan".into(), false, None)]
    );
    assert_eq!(
        names("Ms. Ana María de los Ángeles Pérez, Vice-Minister of Education, Chile, said"),
        [("Ana María de los Ángeles Pérez".into(), false, Some("CL"))]
    );
}

#[test]
fn a_country_just_before_the_name_is_the_persons() {
    for text in [
        "From Brazil, Ms. Ana Lima, Director of Policy, Anatel, said",
        "Brazil: Ms. Ana Lima, Director of Policy, Anatel, said",
        "Representing Brazil, Ms. Ana Lima, Director of Policy, Anatel, said",
    ] {
        assert_eq!(
            names(text),
            [("Ana Lima".into(), false, Some("BR"))],
            "{text}"
        );
    }
    assert_eq!(
        names("In the morning, Ms. Ana Lima, Director of Policy, Anatel, said"),
        [("Ana Lima".into(), false, None)]
    );
}

#[test]
fn looser_introductions_with_an_organization_a_verb_or_a_country() {
    assert_eq!(
        names("Lucía Fernández, from the Youth Coalition on Internet Governance, Uruguay, asked"),
        [("Lucía Fernández".into(), false, Some("UY"))]
    );
    assert_eq!(
        names("Dr. Kofi Mensah-Bonsu, a veteran of the first WSIS phase, recalled the talks."),
        [("Kofi Mensah-Bonsu".into(), false, None)]
    );
    assert_eq!(
        names("Mr. Stefan Novak (Slovakia) and Ms. Leila Haddad (Lebanon) presented it."),
        [
            ("Stefan Novak".into(), false, Some("SK")),
            ("Leila Haddad".into(), false, Some("LB"))
        ]
    );
    assert_eq!(names("a report by Mr. Omar Haddad (Jordan) was shared"), []);
    assert_eq!(
        names(
            "Among those cited were Kofi Annan, who convened the first phase, and Vint Cerf, one of the fathers of the Internet."
        ),
        []
    );
}

#[test]
fn people_merely_mentioned_are_not_speakers() {
    for text in [
        "She quoted Nelson Mandela, former President of South Africa, on education.",
        "She recalled the work of Tim Berners-Lee on an open web.",
        "He noted that Secretary-General António Guterres had called for a dialogue.",
        "In Trinidad and Tobago, for example, a range of measures were adopted.",
        "In Lithuania, one of Europe’s most connected countries, as elsewhere",
        "ITU Virtual Digital World 2020, he explained, in order to build",
    ] {
        assert_eq!(names(text), [], "{text}");
    }
}

#[test]
fn cues_with_by_possessives_and_organizations_introduce_people() {
    assert_eq!(
        names("The round, chaired by Prof. Amara Quist, brought together mayors."),
        [("Amara Quist".to_string(), true, None)]
    );
    assert_eq!(
        names("It was closed by the Chair of the Basin Council, Ambassador Nora Vik of Norway."),
        [("Nora Vik".to_string(), false, Some("NO"))]
    );
    assert_eq!(
        names("UNEP’s Karim Haddad discussed the cost of monitoring."),
        [("Karim Haddad".to_string(), false, None)]
    );
    // A title between the possessive and the name is still read as one.
    assert_eq!(
        names("ITU’s Secretary-General Ana Lima said the work goes on."),
        [("Ana Lima".to_string(), false, None)]
    );
    assert_eq!(
        names("Ms Ida Brandt, Lakeside Water University, reported on the pilot."),
        [("Ida Brandt".to_string(), false, None)]
    );
    // Capitalised words inside a descriptor in parentheses are nobody.
    assert_eq!(
        names(
            "Mr Joao Pinto (Minister of Water, Sanitation and Information Technology of Portugal) presented the plan."
        ),
        [("Joao Pinto".to_string(), false, Some("PT"))]
    );
}

#[test]
fn a_portfolio_in_running_text_is_nobody() {
    assert_eq!(
        names(
            "Mr Ali Kone, Minister of Posts, Telecommunications and Information Technology of Mali, said the plan is ready."
        ),
        [("Ali Kone".to_string(), false, Some("ML"))]
    );
    assert_eq!(
        names(
            "The Ministry of Posts, Telecommunications and Information Technology of Mali presented the plan."
        ),
        []
    );
}

#[test]
fn a_role_then_a_name_without_an_honorific_after_chaired_by() {
    let a = CountryAliases::new();
    let f = introductions(
        "The first meeting was chaired by the Harbour Minister of Water and Energy Lina Sorell, who said the week should start.",
        &a,
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].person.name, "Lina Sorell");
    assert!(f[0].moderator);
    let f = introductions(
        "La réunion, sous la présidence de M. Paul Arnaud, Président de la Suisse, a commencé.",
        &a,
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].person.name, "Paul Arnaud");
    assert_eq!(f[0].person.country.map(|c| c.iso2()), Some("CH"));
}

#[test]
fn names_with_parentheses_in_a_sentence_without_a_speaking_verb_are_mentions() {
    let a = CountryAliases::new();
    let f = introductions(
        "If you go, look for and listen to Ann Lee (chair of the Harbour Board), Bo Chen (President of Delta Labs) and many more visionaries.",
        &a,
    );
    assert!(f.is_empty(), "{f:?}");
    let f = introductions(
        "Ann Lee (chair of the Harbour Board) said the week had started well for all the people there.",
        &a,
    );
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn a_descriptor_ends_where_the_next_honorific_starts_a_person() {
    let a = CountryAliases::new();
    let f = introductions(
        "The Mayor, Mr Tomas Ruiz, President of the Harbour Council, Ms Ana Lima, Head of the Water Office and Mr Bo Chen, Director of Delta Labs, will open the week on Monday.",
        &a,
    );
    let roles: Vec<(String, Option<String>)> = f
        .into_iter()
        .map(|f| (f.person.name, f.person.role))
        .collect();
    assert_eq!(
        roles.first(),
        Some(&("Tomas Ruiz".to_string(), Some("President".to_string())))
    );
    assert!(
        roles
            .iter()
            .any(|(n, r)| n == "Ana Lima" && r.as_deref() == Some("Head")),
        "{roles:?}"
    );
}

#[test]
fn a_speech_verb_before_a_quote_keeps_its_comma() {
    let a = CountryAliases::new();
    let f = introductions(
        "Speaking during the opening, Harbour Council (HC) Secretary-General Ana Lima said, \"We start today.\"",
        &a,
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].person.name, "Ana Lima");
}

#[test]
fn a_country_owning_the_title_before_a_name_is_the_persons_country() {
    // Invented press sentence: a possessive country before the role-first mention.
    let found = introductions(
        "Ghana’s Minister Ama Owusu said that rural access comes first.",
        &CountryAliases::new(),
    );
    let p = &found.first().expect("one person").person;
    assert_eq!(p.name, "Ama Owusu");
    assert_eq!(p.country.map(|c| c.iso2()), Some("GH"));
    assert_eq!(p.role.as_deref(), Some("Minister"));
}

#[test]
fn representing_a_country_in_an_appositive_gives_the_country() {
    // Invented report sentence.
    assert_eq!(
        names("Mr Ivo Brandt, representing Austria, said that the review must be open."),
        [("Ivo Brandt".to_string(), false, Some("AT"))]
    );
}

#[test]
fn a_capitalised_title_right_after_by_then_the_name() {
    let a = CountryAliases::new();
    let f = introductions(
        "The session was opened by ITU Secretary-General Omar Haddad, who welcomed the panel and thanked the hosts.",
        &a,
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].person.name, "Omar Haddad");
    assert!(!f[0].moderator);
    // "We are joined by Ms. X": a panellist.
    let f = introductions("We are joined by Ms. Nadia Petrova today.", &a);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].person.name, "Nadia Petrova");
    // "by" and an organization alone: nobody.
    assert!(
        introductions(
            "The report was presented by Lake Agency Partners, and the forum agreed on it.",
            &a
        )
        .is_empty()
    );
}

#[test]
fn a_lower_case_title_before_a_name_and_a_speech_verb_introduces_the_person() {
    assert_eq!(
        names(
            "Cybersecurity representative Lena Ortiz presented figures on attacks against ports."
        ),
        [("Lena Ortiz".into(), false, None)]
    );
    // A name after a lower-case word that is no role is only mentioned.
    assert!(names("The harbour of Lena Ortiz presented a fine view.").is_empty());
}

#[test]
fn a_sentence_word_before_an_honorific_is_not_part_of_the_name() {
    assert_eq!(
        names("Later Ms. Lena Ortiz, Moderator, closed the session with thanks."),
        [("Lena Ortiz".into(), false, None)]
    );
    // A title before the honorific stays the person's role.
    let found = introductions(
        "ITU Secretary-General Ms. Lena Ortiz presented the awards.",
        &CountryAliases::new(),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].person.name, "Lena Ortiz");
    assert!(
        found[0]
            .person
            .role
            .as_deref()
            .is_some_and(|r| r.contains("Secretary-General"))
    );
}

#[test]
fn hosted_by_and_led_by_name_who_ran_the_session() {
    let found = introductions(
        "The gala was hosted by Dr. Ana Lima, Director, Harbour Union.",
        &CountryAliases::new(),
    );
    assert_eq!(found.len(), 1);
    assert!(found[0].moderator);
    assert_eq!(found[0].person.name, "Ana Lima");
}

#[test]
fn a_name_from_an_organization_before_any_verb_is_a_speaker() {
    let a = CountryAliases::new();
    let f = introductions(
        "Tomas Berg from the Harbour Institute demonstrated a tool. Ana Lima from Brazil’s regulator Anatel shared her view.",
        &a,
    );
    let got: Vec<_> = f
        .iter()
        .map(|f| {
            (
                f.person.name.as_str(),
                f.person.organization.as_deref(),
                f.person.country.map(|c| c.iso2()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Tomas Berg", Some("Harbour Institute"), None),
            ("Ana Lima", Some("Brazil’s regulator Anatel"), Some("BR"))
        ]
    );
    // "from" inside a sentence about something else introduces nobody.
    assert!(introductions("Visitors came to Tomas Berg from many towns.", &a).is_empty());
    // A lower-case title before the name is kept as the role.
    let f = introductions(
        "Industry representative Jo Park from Ericsson addressed costs.",
        &a,
    );
    assert_eq!(f[0].person.role.as_deref(), Some("Industry representative"));
}

#[test]
fn titled_subjects_of_any_verb_and_bare_names_before_speech_are_speakers() {
    assert_eq!(
        names("ITU Deputy Secretary-General Ana Lima handed over the certificates."),
        [("Ana Lima".to_string(), false, None)]
    );
    assert_eq!(
        names("UNDP Chief Digital Officer Bo Chen reflected on funding."),
        [("Bo Chen".to_string(), false, None)]
    );
    assert_eq!(
        names("From an academic perspective, Eve Stone warned against haste. She asked for time."),
        [("Eve Stone".to_string(), false, None)]
    );
    // A name never spoken of as a person after its verb is an organization's.
    assert!(names("Later, Open Street Map said its volunteers would help.").is_empty());
    // "from" and a verb of history: a mention.
    assert!(names("Tim Lee from CERN invented the web in 1989.").is_empty());
    // A name in the middle of a clause before a speech verb is not its subject.
    assert!(names("The prize honoured the work of Eve Stone said the jury.").is_empty());
    // Without a capitalised title, any verb is not enough.
    assert!(names("The team around Eve Stone handed over the report.").is_empty());
    let f = introductions(
        "Ambassador Lindqvist thanked the hosts.",
        &CountryAliases::new(),
    );
    assert_eq!(f[0].person.name, "Lindqvist");
    assert_eq!(f[0].person.honorific.as_deref(), Some("Ambassador"));
    let f = introductions("Minister Okafor welcomed the idea.", &CountryAliases::new());
    assert_eq!(f[0].person.name, "Okafor");
    assert_eq!(f[0].person.role.as_deref(), Some("Minister"));
    let f = introductions(
        "ITU Deputy Secretary-General Ana Lima handed it over.",
        &CountryAliases::new(),
    );
    assert_eq!(f[0].person.organization.as_deref(), Some("ITU"));
    assert_eq!(
        f[0].person.role.as_deref(),
        Some("Deputy Secretary-General")
    );
}

#[test]
fn a_lower_case_role_phrase_before_a_name_in_other_languages_is_a_title() {
    let f = introductions(
        "Заместитель министра связи Иван Петров выступил на заседании.",
        &CountryAliases::new(),
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].person.name, "Иван Петров");
    assert_eq!(
        f[0].person.role.as_deref(),
        Some("Заместитель министра связи")
    );
    assert_eq!(
        names("Deputy minister of posts Ana Lima said the plan is ready."),
        [("Ana Lima".to_string(), false, None)]
    );
    // A lower-case phrase without a role word at its head is no title.
    assert!(names("Many people of the town Ana Lima said were there.").is_empty());
}

#[test]
fn the_author_of_a_document_is_mentioned_not_introduced() {
    assert!(
        names("The talk drew on the reports by Ana Lima, Vice-President of the Harbour Institute, on rivers.")
            .is_empty()
    );
    assert_eq!(
        names(
            "The talk was opened by Ana Lima, Vice-President of the Harbour Institute, on rivers."
        ),
        [("Ana Lima".to_string(), false, None)]
    );
}
#[test]
fn an_appositive_describing_a_thing_makes_no_person() {
    assert!(
        names("Stories go on River Voice, a mobile reporting platform cofounded by journalist Ana Lima and scientist Bo Chen. Many")
            .is_empty()
    );
}

#[test]
fn an_organizations_possessive_after_by_is_the_persons_organization() {
    let f = introductions(
        "The debate, moderated by CNN’s Ana Lima, closed the week.",
        &CountryAliases::new(),
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].person.name, "Ana Lima");
    assert_eq!(f[0].person.organization.as_deref(), Some("CNN"));
    assert!(f[0].moderator);
}

#[test]
fn a_role_after_a_dash_describes_the_person_named_after_by() {
    let f = introductions(
        "The session was moderated by Jane Doe – Director, Rural Connect Foundation. Then",
        &CountryAliases::new(),
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].person.name, "Jane Doe");
    assert_eq!(f[0].person.role.as_deref(), Some("Director"));
    assert_eq!(
        f[0].person.organization.as_deref(),
        Some("Rural Connect Foundation")
    );
}

#[test]
fn a_title_before_an_honorific_is_the_role_of_the_person_after_it() {
    let f = introductions(
        "The Forum's Chairman H.E. Eng. Omar Al Rahim, Deputy Director General, Harbour Authority, will provide his perspective.",
        &CountryAliases::new(),
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].person.name, "Omar Al Rahim");
    assert_eq!(
        f[0].person.role.as_deref(),
        Some("Forum's Chairman, Deputy Director General")
    );
}

#[test]
fn a_list_after_by_with_semicolons_names_each_person_with_their_role() {
    let f = introductions(
        "The opening was headed by the Minister of Rivers, Ana Lima; Bo Chen, President of the Delta Union; and the Mayor of Porto Nuevo, Eve Stone, on behalf of the Governor, Dan Roe. Then the forum began.",
        &CountryAliases::new(),
    );
    let got: Vec<(&str, Option<&str>)> = f
        .iter()
        .map(|f| (f.person.name.as_str(), f.person.role.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Ana Lima", Some("Minister of Rivers")),
            ("Bo Chen", Some("President")),
            ("Eve Stone", Some("Mayor of Porto Nuevo"))
        ]
    );
    assert!(f.iter().all(|f| !f.moderator));
    let es = introductions(
        "La inauguración estuvo encabezada por el Comisionado Presidente del Instituto, Ana Lima; Bo Chen Ruiz, miembro del Consejo de la Red; así como Eve Stone, Subsecretaria de Ríos. Después habló el público.",
        &CountryAliases::new(),
    );
    let names: Vec<&str> = es.iter().map(|f| f.person.name.as_str()).collect();
    assert_eq!(names, ["Ana Lima", "Bo Chen Ruiz", "Eve Stone"]);
}

#[test]
fn a_role_between_honorifics_after_by_is_the_persons_role() {
    let f = introductions(
        "The forum is now in session for a grand Opening Ceremony by His Excellency Prime Minister Dr. Ana Lima . Mr. Prime Minister, thank you.",
        &CountryAliases::new(),
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].person.name, "Ana Lima");
    assert_eq!(f[0].person.role.as_deref(), Some("Prime Minister"));
}

#[test]
fn people_greeted_as_present_and_places_after_in_are_not_speakers() {
    assert!(
        names("Mr. Bo Chen, Under-Secretary of the River Union, RU. Excellencies, Ministers, honorable ladies and gentlemen, all protocols observed.")
            .is_empty()
    );
    assert!(
        names("The forum is under way here in Porto Nuevo, the old seat of the river council from the 2nd of May.")
            .is_empty()
    );
}

#[test]
fn people_quoted_from_their_opening_remarks_were_on_stage() {
    let text = "“We want action,” said Harbour Union Secretary-General Ana Lima in opening remarks. “And results,” said Bo Chen, a visitor.";
    let on_stage: Vec<String> = introductions(text, &CountryAliases::new())
        .into_iter()
        .filter(|f| f.on_stage)
        .map(|f| f.person.name)
        .collect();
    assert_eq!(on_stage, ["Ana Lima"]);
}

#[test]
fn a_paragraph_opening_with_an_honorific_a_name_and_a_role_introduces_them() {
    let f = introductions(
        "His Excellency Dr. Omar Haile Prime Minister of the Republic of Kenya, the forum's guest of honour.",
        &CountryAliases::new(),
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].person.name, "Omar Haile");
    assert_eq!(f[0].person.country.map(|c| c.iso2()), Some("KE"));
    assert!(names("Mr. Chen went home early that day, as he said.").is_empty());
}

#[test]
fn a_semicolon_list_of_people_set_for_the_event_names_each_of_them() {
    let text = "The Minister of Rivers and Ports, Dr. Ana Maria Lima; the Executive Chairman of the Delta Union (DU), Prof. Bo Chen, and other leaders of the sector are set for the 2031 Harbour Forum.";
    let f = introductions(text, &CountryAliases::new());
    let got: Vec<&str> = f.iter().map(|f| f.person.name.as_str()).collect();
    assert_eq!(got, ["Ana Maria Lima", "Bo Chen"]);
    assert_eq!(
        f[0].person.role.as_deref(),
        Some("Minister of Rivers and Ports")
    );
    assert!(f.iter().all(|f| f.on_stage), "{f:?}");
    assert!(
        introductions(
            "Ana Lima; Bo Chen. They are set for a long trip.",
            &CountryAliases::new()
        )
        .is_empty()
    );
}

#[test]
fn russian_speakers_after_the_verb_or_after_a_capitalised_place_in_their_title() {
    let people = |text: &str| -> Vec<(String, Option<String>)> {
        introductions(text, &CountryAliases::new())
            .into_iter()
            .map(|f| (f.person.name, f.person.role))
            .collect()
    };
    assert_eq!(
        people(
            "Как отметил директор Центра цифровых прав Олег Смирнов, сеть должна быть открытой."
        ),
        [(
            "Олег Смирнов".into(),
            Some("директор Центра цифровых прав".into())
        )]
    );
    assert_eq!(
        people(
            "Министр связи Республики Беларусь Иван Сергеевич Ковалёв подчеркнул, что работа идёт."
        ),
        [(
            "Иван Сергеевич Ковалёв".into(),
            Some("Министр связи Республики Беларусь".into())
        )]
    );
    // A verb followed by a role and no name is no one.
    assert!(people("Как отметил директор центра, сеть должна быть открытой.").is_empty());
    // A capitalised title after the verb, a particle inside the name, a comma inside
    // the role, and a name written surname first.
    assert_eq!(
        people("С заявлением выступил Министр связи Республики Ориан Тимур Али оглу Касымов."),
        [(
            "Тимур Али оглу Касымов".into(),
            Some("Министр связи Республики Ориан".into())
        )]
    );
    assert_eq!(
        people("Затем выступила заместитель министра связи, науки и печати Орлова Анна Петровна."),
        [(
            "Орлова Анна Петровна".into(),
            Some("заместитель министра связи, науки и печати".into())
        )]
    );
}

#[test]
fn an_honorific_and_a_name_before_moderated_is_the_moderator() {
    assert_eq!(
        names(
            "It met on 8 May. Ms. Ada St. Clair moderated the meeting and Mr. Bo Lin represented the office."
        ),
        [("Ada St. Clair".into(), true, None)]
    );
    // Without an honorific, "moderated" after a name is no sure sign.
    assert!(names("It met on 8 May. Ada Clair moderated the meeting.").is_empty());
}

#[test]
fn a_biography_opening_with_the_name_and_a_post_is_a_speaker() {
    assert_eq!(
        names(
            "Malik Diop est un cadre chevronné des télécommunications qui a occupé des postes de direction à l'Agence du numérique depuis 2007."
        ),
        [("Malik Diop".into(), false, None)]
    );
    assert_eq!(
        names(
            "Ana Lima is a senior official of the Harbour Authority, where she has led the work on open networks since 2019."
        ),
        [("Ana Lima".into(), false, None)]
    );
    // A sentence about a name that holds no post is no biography.
    assert!(
        names(
            "Open Street Map is a shared map that anyone can edit and that many cities use today."
        )
        .is_empty()
    );
}

#[test]
fn a_russian_full_name_before_a_verb_of_speech_and_a_post_with_its_body_after_it() {
    assert_eq!(
        names(
            "Обращаясь к участникам, Олег Смирнов отметил, что сеть изменила мир, и он добавил, что работа продолжится в следующем году."
        ),
        [("Олег Смирнов".into(), false, None)]
    );
    // A post and the body it heads, in the genitive, are no person.
    assert!(names("Председатель Госкомсвязи подчеркнул, что работа продолжится.").is_empty());
}
