//! The label vocabulary: what the words before a colon (or a heading line made
//! only of such words) say the lines after them hold, in English, French,
//! Spanish, Russian, Arabic and Chinese. Data only; [`super::labels`] does the matching.
//!
//! Spellings are lower case, without the colon, with "(s)" folded to "s" and
//! look-alike letters folded to Latin ones. A label matches a row exactly, or by
//! the stems of [`STEMS`] when no row has it ("Interactive Moderator", "High-Level
//! Track Facilitator", "Session's link to WSIS Action Lines").

use super::labels::{Field, Part};

/// Whole labels.
#[rustfmt::skip]
pub(crate) const EXACT: &[(&[&str], Field)] = &[
    (&[
        "title", "session title", "titre", "título", "titulo", "title of the session",
        "название", "название сессии", "العنوان", "عنوان الجلسة", "标题", "题目", "会议名称",
    ], Field::Title),
    (&[
        "date", "time", "date and time", "date & time", "date/time", "when", "day", "schedule",
        "fecha", "hora", "fecha y hora", "heure", "date et heure",
        "дата", "время", "дата и время", "التاريخ", "الوقت", "التاريخ والوقت", "日期", "时间",
    ], Field::Date),
    (&[
        "venue", "room", "location", "place", "where", "lieu", "salle", "sala", "lugar",
        "meeting room", "место", "место проведения", "зал", "المكان", "القاعة", "地点", "会场",
    ], Field::Venue),
    (&[
        "session page", "session link", "link", "url", "session url", "website", "web page",
        "more information", "enlace",
    ], Field::Link),
    (&["event", "event name", "evento", "événement"], Field::Event),
    (&[
        "organizer", "organizers", "organiser", "organisers", "organized by", "organised by",
        "co-organizers", "co-organisers", "co-organized by", "organizing entity",
        "organizing entities", "organising entity", "organising entities", "lead organizer",
        "hosted by", "host", "hosts", "convener", "conveners", "convened by",
        "proposer", "co-proposer", "proposer's name", "co-proposer's name",
        "proposer's organization", "co-proposer's organization", "submitted by",
        "contact", "contacts", "contact person", "focal point", "focal points",
        "rapporteur", "rapporteurs", "reporter", "session rapporteur", "note taker",
        "author", "authors", "sender", "organisateur", "organisateurs", "organizador",
        "organizadores", "organizadora", "relator", "relatora", "coordinated by",
        "moderator and organizer", "moderators and organizers", "organizer and moderator",
        "team", "organizing team", "организатор", "организаторы", "المنظم", "المنظمون",
        "الجهة المنظمة", "主办", "主办方", "主办单位", "承办单位", "联系人",
    ], Field::NotPeople),
    (&[
        "organizational affiliation", "affiliation", "organization", "organisation",
        "institution", "organización", "organizacion", "organisme", "company", "employer",
    ], Field::Affiliation),
    (&["country", "país", "pais", "pays", "nationality", "страна", "البلد", "الدولة", "国家"], Field::Country),
    (&["name", "full name", "nom", "nombre", "speaker name"], Field::Name),
    (&[
        "moderator", "moderators", "moderated by", "co-moderator", "co-moderators",
        "co-moderated by", "chair", "chairs", "chaired by", "co-chair", "co-chairs",
        "co-chaired by", "session chair", "chairperson", "chairman", "chairwoman",
        "facilitator", "facilitators", "facilitated by", "co-facilitator", "co-facilitated by",
        "discussion coordination", "moderator/chair", "chair/moderator", "onsite moderator",
        "online moderator", "remote moderator", "on-site moderator", "interactive moderator",
        "master of ceremonies", "mc", "modérateur", "modératrice", "modérateurs", "modéré par",
        "animateur", "animatrice", "président de séance", "moderador", "moderadora",
        "moderadores", "moderado por", "presidente de la sesión",
        "модератор", "модераторы", "модерация", "ведущий", "ведущая", "ведущие",
        "председатель", "сопредседатель", "сопредседатели",
        "مدير الجلسة", "مديرة الجلسة", "مدير الحوار", "رئيس الجلسة", "الميسر", "الميسّر",
        "主持人", "主持", "会议主持",
    ], Field::People(Part::Moderator)),
    (&[
        "panellists", "panelists", "panellist", "panelist", "speakers", "speaker", "panel",
        "discussants", "discussant", "presenters", "presenter", "speakers/panellists",
        "speakers/panelists", "speakers and panellists", "speakers and panelists",
        "speakers / panellists", "list of speakers", "panel members", "invited speakers",
        "invited speakers and panellists", "keynote", "keynotes", "keynote speaker",
        "keynote speakers", "keynote speech", "keynote address", "opening remarks",
        "welcoming remarks", "welcome remarks", "welcome address", "closing remarks",
        "concluding remarks", "introductory remarks", "special remarks", "opening address",
        "opening statement", "opening statements", "opening", "opening ceremony",
        "opening session", "closing", "closing ceremony", "guest of honour", "guests of honour",
        "guest of honor", "guests of honor", "guest speakers", "guest speaker",
        "video message", "video messages", "visionary speech", "special address",
        "high-level speakers", "high level speakers", "lead discussants", "respondents",
        "intervenants", "intervenant", "intervenantes", "orateurs", "conférenciers",
        "panélistes", "paneliste", "ponentes", "ponente", "oradores", "panelistas",
        "palabras de apertura", "palabras de bienvenida", "discurso de apertura",
        "mots de bienvenue", "allocution d'ouverture", "discours d'ouverture",
        "speakers and moderators", "ministers", "participants", "additional speakers",
        "input from", "inputs from", "input by", "inputs by", "interventions by",
        "interventions from", "contributions from", "with", "featuring",
        // A media advisory's "WHO:", whose value is a sentence about the speakers.
        "who", "qui", "quién", "quien",
        "спикеры", "спикер", "докладчики", "докладчик", "выступающие", "участники",
        "участники дискуссии", "эксперты", "приветственное слово", "приветствие",
        "المتحدثون", "المتحدثين", "المتحدث", "المتحدثون الرئيسيون", "المشاركون",
        "المشاركون في النقاش", "كلمة افتتاحية", "الكلمات الافتتاحية",
        "发言人", "发言嘉宾", "演讲嘉宾", "嘉宾", "主讲人", "演讲者", "致辞", "开幕致辞",
    ], Field::People(Part::Speaker)),
    (&[
        "topics", "topic", "keywords", "key words", "tags", "main topics", "temas",
        "thèmes", "mots-clés", "темы", "ключевые слова", "الكلمات الرئيسية", "关键词",
    ], Field::Topics),
    (&[
        "wsis action lines", "action lines", "related wsis action lines",
        "related action lines", "wsis action line", "action line", "relevant wsis action lines",
        "link to wsis action lines", "links to wsis action lines",
        "session's link to wsis action lines", "líneas de acción de la cmsi",
        "líneas de acción", "grandes orientations du smsi", "grandes orientations",
        "lignes d'action du smsi", "wsis al", "als",
        "направления деятельности ввуио", "направления деятельности", "خطوط عمل القمة",
        "خطوط العمل", "行动方面", "wsis行动方面",
    ], Field::ActionLines),
    (&[
        "sustainable development goals", "sdgs", "related sdgs", "sdg", "relevant sdgs",
        "sustainable development goals (sdgs)", "related sustainable development goals",
        "link to the sustainable development goals", "session's link to the sdgs",
        "sdg targets", "targets", "objetivos de desarrollo sostenible", "ods",
        "objectifs de développement durable", "odd", "link to the sustainable development process",
        "цур", "цели устойчивого развития", "أهداف التنمية المستدامة", "可持续发展目标",
    ], Field::Sdgs),
];

/// Stems that decide a label no row lists, checked in this order (an organizer
/// team field that also names a moderator is a team field).
#[rustfmt::skip]
pub(crate) const STEMS: &[(&[&str], Field)] = &[
    (&["affiliation"], Field::Affiliation),
    (&[
        "organiz", "organis", "organisat", "proposer", "contact", "rapporteur", "focal point",
        "author", "sender", "reporter",
    ], Field::NotPeople),
    (&["action line", "líneas de acción", "orientations du smsi"], Field::ActionLines),
    (&["sustainable development", "sdg", "desarrollo sostenible", "développement durable"], Field::Sdgs),
    (&["moderat", "chair", "facilitat", "modérat", "moderad", "animat", "модератор"], Field::People(Part::Moderator)),
    (&[
        "speaker", "panellist", "panelist", "keynote", "remarks", "discussant", "presenter",
        "intervenant", "ponente", "orador", "panelista", "panéliste", "guest", "speech",
        "address", "statement", "video message", "спикер", "докладчик",
    ], Field::People(Part::Speaker)),
];

/// Free-section headings of the outcome-document template, which copies write
/// with or without a colon: they open a part of the body, never a people list.
#[rustfmt::skip]
pub(crate) const SECTION_STARTS: &[&str] = &[
    "key issues", "tangible outcomes", "actionable plan", "suggestions for thematic",
    "towards wsis", "key recommendations", "main outcomes", "summary", "key takeaways",
    "call to action", "description", "objectives", "session report", "full session report",
    "content of the session", "background", "agenda", "programme", "program",
];

/// Words a people label may open with that say nothing about the role.
#[rustfmt::skip]
pub(crate) const LABEL_FILLERS: &[&str] = &[
    "the", "session", "confirmed", "invited", "list of", "our", "high-level", "high level",
    "special", "distinguished", "featured", "main", "lead", "other", "additional", "track",
];
