//! The word lists the importer's heuristics use: what marks a role, an
//! organization, a sentence start, a speech verb. Kept together so that
//! widening the importer to new wordings is an edit here, with a test.

/// Word stems that make a phrase a role title ("Deputy Minister", "CEO").
/// Stems of five letters or more also match inside a word ("Viceminister").
#[rustfmt::skip]
pub(crate) const ROLE_WORDS: &[&str] = &[
    "minister", "director", "president", "head", "chair", "ceo", "cto", "cio", "cfo", "coo",
    "founder", "secretary", "commissioner", "manager", "officer", "professor", "lecturer",
    "researcher", "student", "adviser", "advisor", "ambassador", "representative", "coordinator",
    "specialist", "supervisor", "envoy", "analyst", "engineer", "deputy", "chief", "executive",
    "counsellor", "counselor", "consultant", "dean", "rector", "governor", "mayor", "senator",
    "member", "partner", "lead", "expert", "fellow", "editor", "regulator", "vice", "principal",
    "scientist", "architect", "economist", "lawyer", "journalist", "activist", "leader", "owner",
    "administrator", "inspector", "delegate", "rapporteur", "strategist", "evangelist", "assistant",
    "associate", "counsel", "diplomat", "judge", "auditor", "trustee", "spokesperson",
    "correspondent", "moderator", "facilitator", "entrepreneur", "teacher", "physician",
    "programme", "program", "emeritus", "attaché", "attache", "vp", "svp", "evp", "mp",
    "chairperson", "chairman", "chairwoman", "general", "convenor", "convener", "curator",
    "producer", "treasurer", "cofounder", "co-founder", "presenter", "host", "anchor",
    // Spanish and French.
    "ministro", "ministra", "viceministro", "viceministra", "coordinador", "coordinadora",
    "secretario", "secretaria", "jefe", "jefa", "asesor", "asesora", "consejero", "consejera",
    "embajador", "embajadora", "fundador", "fundadora", "profesor", "profesora",
    "investigador", "investigadora", "gerente", "ministre", "directeur", "directrice",
    "conseiller", "conseillère", "chef", "responsable", "chargé", "chargée", "fondateur",
    "fondatrice", "professeur", "chercheur", "chercheuse", "coordonnateur", "coordinatrice",
    "ambassadeur", "ambassadrice", "sous-directeur", "délégué", "déléguée", "présidente",
    "président", "directora", "presidenta",
    // Russian ("Заместитель министра связи …", "Генеральный директор").
    "министр", "министра", "заместитель", "директор", "председатель", "президент", "посол",
    "руководитель", "советник", "генеральный", "секретарь", "глава", "профессор",
];

/// How Chinese job titles end ("副秘书长", "主任", "党委书记、副所长").
#[rustfmt::skip]
pub(crate) const CJK_ROLE_ENDINGS: &[&str] = &[
    "长", "主任", "主席", "书记", "总裁", "经理", "总监", "教授", "研究员", "顾问", "代表",
    "专家", "大使", "理事", "干事", "官员", "委员", "董事", "创始人", "负责人", "协调员", "主管",
    "秘书", "参赞", "司长",
];

/// How Chinese names of institutions end ("教科文组织", "北京师范大学", "国际电联").
#[rustfmt::skip]
pub(crate) const CJK_ORG_ENDINGS: &[&str] = &[
    "组织", "联盟", "电联", "联合国", "大学", "学院", "研究院", "研究所", "中心", "委员会",
    "部", "局", "署", "厅", "公司", "集团", "协会", "学会", "基金会", "银行", "政府", "办公室",
    "科学院", "社科院", "网", "院", "所", "处",
];

/// Words that make a phrase an organization's name.
#[rustfmt::skip]
pub(crate) const ORG_WORDS: &[&str] = &[
    "ministry",
    "university",
    "authority",
    "commission",
    "union",
    "bureau",
    "office",
    "agency",
    "institute",
    "institution",
    "council",
    "organization",
    "organisation",
    "association",
    "foundation",
    "corporation",
    "company",
    "ltd",
    "inc",
    "plc",
    "llc",
    "gmbh",
    "bank",
    "department",
    "division",
    "centre",
    "center",
    "network",
    "forum",
    "group",
    "committee",
    "secretariat",
    "government",
    "mission",
    "academy",
    "school",
    "college",
    "lab",
    "laboratory",
    "society",
    "federation",
    "alliance",
    "board",
    "unit",
    "telecom",
    "partnership",
    "initiative",
    "platform",
    "consortium",
    "hospital",
    "court",
    "parliament",
    "assembly",
    "observatory",
    "chamber",
    "labs",
    "nations",
    "itu",
    "unesco",
    "undp",
    "unicef",
    "wipo",
    "oecd",
    "gsma",
    "icann",
    "technologies",
    "solutions",
    "systems",
    "limited",
    "ventures",
    "coalition",
    "conference",
    "corp",
    "uit",
    "pnud",
    "unctad",
    "undesa",
    "ieee",
    "isoc",
    "apc",
    "ifla",
    "fao",
    "wto",
    "ilo",
    "upu",
    "wmo",
    "unep",
    "unhcr",
    "ohchr",
    "unodc",
    "cern",
    "ministerio",
    "ministère",
    "universidad",
    "université",
    "fundación",
    "fondation",
    "asociación",
    "organización",
    "instituto",
    "institut",
    "agencia",
    "agence",
    "oficina",
    "comisión",
    "consejo",
    "conseil",
    "secretaría",
    "secrétariat",
    "gobierno",
    "gouvernement",
    "naciones",
    "unidas",
    "unies",
    "conferencia",
    "conférence",
    "centro",
    "cámara",
    "sociedad",
    "société",
    "red",
];

/// Lower-case words allowed inside a name ("Eva de Vries", "Ahmed bin Ali").
#[rustfmt::skip]
pub(crate) const PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den", "ter",
    "los", "las", "e", "ben", "bint", "abu", "st.",
    "bin", "binti", "ibn", "al", "el", "la", "le", "y",
];

/// Capitalised words that start sentences, not names.
#[rustfmt::skip]
pub(crate) const STARTERS: &[&str] = &[
    "representing", "welcoming", "introducing", "summarizing", "summarising",
    "for", "according", "from", "in", "as", "the", "and", "but", "while", "with", "by", "speaking",
    "closing", "opening", "wrapping", "concluding", "moderator", "echoing", "also", "then", "when",
    "said", "says", "after", "at", "on", "to", "of", "this", "that", "these", "his", "her", "its",
    "their", "our", "a", "an", "however", "meanwhile", "finally", "first", "firstly", "secondly",
    "lastly", "afterwards", "later", "today", "yesterday", "here", "there", "like", "unlike", "both", "panellist",
    "panelist", "speaker", "minister", "mr", "ms",
];

/// Verbs that say a person spoke.
#[rustfmt::skip]
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said", "says", "echoed", "explained", "noted", "stressed", "added", "warned", "underlined",
    "emphasized", "emphasised", "highlighted", "argued", "recalled", "told", "concluded",
    "welcomed", "urged", "outlined", "agreed", "observed", "pointed", "remarked", "commented",
    "affirmed", "announced", "declared", "shared", "called", "reminded", "cautioned", "insisted",
    "opened", "closed", "thanked", "congratulated", "presented", "described", "stated", "asked",
    "underscored", "spoke", "claimed", "suggested", "proposed", "invited",
    // French after "a" ("Ana Lima a souligné"), Spanish, Russian.
    "souligné", "déclaré", "rappelé", "expliqué", "indiqué", "affirmé", "insisté", "ajouté",
    "afirmó", "pronunció", "señaló", "destacó", "declaró", "subrayó", "explicó", "indicó", "añadió",
    "выступил", "выступила", "заявил", "заявила", "отметил", "отметила", "подчеркнул",
    "подчеркнула", "сообщил", "сообщила", "рассказал", "рассказала", "сказал", "сказала",
    "добавил", "добавила", "напомнил", "напомнила",
];

/// Verbs of a report that also follow things ("The index report discussed …"): they
/// introduce a person only in the stronger patterns (an honorific, an organization's
/// possessive, "Name, Org, reported").
#[rustfmt::skip]
pub(crate) const REPORT_VERBS: &[&str] = &[
    "discussed", "addressed", "reported", "elaborated", "showcased", "detailed", "expressed",
    "reaffirmed", "acknowledged", "advocated", "recommended", "reflected", "facilitated",
    "moderated", "chaired", "introduced", "delivered", "demonstrated", "illustrated", "explored",
    "questioned",
];

/// Months and days: capitalised, never names.
#[rustfmt::skip]
pub(crate) const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
];

/// Capitalised words of places, programmes and brands ("Smart Africa", "Digital
/// Economy", "Latin America"), which pass for two-word names but never are.
#[rustfmt::skip]
pub(crate) const THING_WORDS: &[&str] = &[
    "africa", "asia", "europe", "america", "americas", "pacific", "caribbean", "arab", "latin",
    "global", "international", "national", "digital", "smart", "world", "regional", "online",
    "virtual", "data", "cyber", "economy", "internet", "web", "network", "networks", "day", "week",
    "summit", "session", "sessions", "consultation", "consultations", "meeting", "agenda",
    "goals", "action", "strategy", "programme", "sector",
];

/// Words of a portfolio ("Posts, Telecommunications and Information Technology"):
/// capitalised in running text, never in a person's name found there.
#[rustfmt::skip]
pub(crate) const PORTFOLIO_WORDS: &[&str] = &[
    "technology", "technologies", "media", "information", "communications",
    "telecommunications", "development", "policy", "affairs", "services",
];

/// Words after which a name is talked about, not introduced as a speaker.
#[rustfmt::skip]
pub(crate) const MENTION_CUES: &[&str] = &[
    "quoted", "quoting", "cited", "citing", "late", "honoured", "honored",
    "commemorated", "mourned", "invoked", "paraphrasing", "paraphrased", "memory",
];

/// Honorifics and ranks the site's own list (`model::parse_name`) does not know, seen in
/// speaker lists from Spanish, French, Dutch, Indonesian and South Asian secretariats,
/// and military ranks. Lower case, with their dots.
#[rustfmt::skip]
pub(crate) const EXTRA_HONORIFICS: &[&str] = &[
    "mme", "mme.", "mlle", "sr.", "sra.", "srta.", "dra.", "drs.", "ir.", "hon'ble", "lt.",
    "col.", "gen.", "capt.", "maj.", "brig.", "adm.", "pr.", "mag.", "dipl.-ing.", "arch.",
    "lic.", "excellency", "shri", "smt.", "shri.",
];

/// Words that never stand in a person's name: places of a meeting, parts of a
/// programme, page furniture ("Popov Room, ITU Tower", "Captioning EN/FR").
#[rustfmt::skip]
pub(crate) const NOT_PERSON_WORDS: &[&str] = &[
    "room", "hall", "salle", "sala", "tower", "building", "floor", "palexpo", "cicg",
    "auditorium", "captioning", "interpretation", "webcast", "livestream", "speech", "session",
    "break", "lunch", "coffee", "registration", "logo", "image", "photo", "map", "download",
    "pdf", "slides", "presentation", "biography", "website", "initiatives", "welcome", "top", "events", "calculator",
    "newsletter", "subscribe", "login", "version", "teams", "team", "group", "groups",
    "committee", "secretariat",
    "remarks", "opening", "closing", "keynote", "panel", "moderator", "speakers", "tbd", "tbc",
    "track", "workshop", "forum", "summit", "event", "day", "agenda", "programme", "report",
    "transcript", "video", "message", "ceremony", "plenary", "dialogue", "roundtable",
    "segment", "part", "q&a", "questions", "discussion", "conclusion", "conclusions", "wrap-up",
    // Events and an infobox's keys ("Process IGF").
    "igf", "wsis", "wtis", "wtim", "wtdc", "wtpf", "process",
];

/// Stakeholder-group codes and UN regional groups, lower case: neither a role nor an
/// organization ("Janis Karklins (IGO)", "…, Civil Society, WEOG").
#[rustfmt::skip]
pub(crate) const STAKEHOLDER_CODES: &[&str] = &[
    "gov", "cs", "ps", "tc", "igo", "ac", "io", "ngo", "tc-rirs", "cctlds", "government",
    "civil society", "private sector", "technical community", "academia",
    "intergovernmental organization", "intergovernmental organisation",
    "international organization", "international organisation", "weog", "grulac", "eeg",
    "apg", "afg", "western european and others group", "eastern european group",
    "asia-pacific group", "asia pacific group", "african group",
    "latin american and caribbean group", "business", "youth",
];

#[rustfmt::skip]
/// Regions of the IGF's speaker lists ("Civil Society, Asia-Pacific", "ISOC, NA"),
/// which say where a group sits, not where a person is from ("EU" is left out: it is
/// also an organization).
pub(crate) const REGIONS: &[&str] = &[
    "africa", "asia-pacific", "asia pacific", "apac", "europe", "lac", "na",
    "north america", "latin america", "latin america and caribbean", "caribbean", "weog",
    "eeg", "grulac", "arab states", "middle east", "mena", "oceania",
];
