//! Speakers in Arabic running text, which has no capitals to find a name by: an
//! honorific opens the name ("د/ طارق كامل", "الأستاذة منال إسماعيل", "معالي السيد
//! …"), a job title may stand before it ("وزير الاتصالات د/ …") or after a dash
//! ("… – ممثل الجهاز القومي –"). Only a sentence that says the person speaks, chairs
//! or sits on the panel counts; one who is only quoted or present is no speaker.

use super::Found;
use crate::import::{Found as How, ImportedPerson};

/// Honorifics, as words before a name.
const HONORIFICS: &[&str] = &[
    "د/",
    "د.",
    "د",
    "الدكتور",
    "الدكتورة",
    "دكتور",
    "دكتورة",
    "السيد",
    "السيدة",
    "الأستاذ",
    "الاستاذ",
    "الأستاذة",
    "الاستاذة",
    "المهندس",
    "المهندسة",
    "م/",
    "معالي",
    "سعادة",
    "فخامة",
    "سمو",
    "الشيخ",
    "الشيخة",
    "السفير",
    "السفيرة",
];

/// Words that say the sentence's people speak (or run the session).
const SPEAKS: &[&str] = &[
    "كلمة",
    "كلمته",
    "كلمتها",
    "يلقي",
    "تلقي",
    "ألقى",
    "ألقت",
    "القى",
    "تحدث",
    "تحدثت",
    "يتحدث",
    "تتحدث",
    "منصة",
    "المتحدثين",
    "متحدثا",
    "متحدثة",
    "افتتح",
    "افتتحت",
    "عرضا",
    "محاضرة",
];

/// Words that say the person runs the session.
const CHAIRS: &[&str] = &[
    "ترأس",
    "ترأست",
    "يترأس",
    "تترأس",
    "أدار",
    "أدارت",
    "يدير",
    "تدير",
    "ميسر",
    "ميسرة",
];

/// Job titles that open a descriptor.
const ROLES: &[&str] = &[
    "وزير",
    "وزيرة",
    "رئيس",
    "رئيسة",
    "مدير",
    "مديرة",
    "ممثل",
    "ممثلة",
    "نائب",
    "نائبة",
    "مستشار",
    "مستشارة",
    "سفير",
    "سفيرة",
    "عضو",
    "الأمين",
    "أمين",
    "المدير",
    "الرئيس",
    "الوزير",
    "خبير",
    "خبيرة",
    "أستاذ",
    "أستاذة",
];

/// Words that end a name: prepositions, conjunctions, pronouns and verbs of the
/// sentence going on.
const AFTER_NAME: &[&str] = &[
    "في",
    "فى",
    "من",
    "عن",
    "على",
    "إلى",
    "الى",
    "مع",
    "خلال",
    "كلمته",
    "كلمتها",
    "كلمة",
    "و",
    "عبر",
    "الذي",
    "التي",
    "حيث",
    "كما",
    "بصفته",
    "بصفتها",
    "كعضو",
    "ضمن",
];

/// Whether `text` is mostly written in Arabic letters.
pub(crate) fn is_arabic(text: &str) -> bool {
    super::mostly_in(text, is_arabic_letter, 10)
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06ff}')
}

/// Every person introduced in an Arabic paragraph.
pub(crate) fn introductions(paragraph: &str) -> Vec<Found> {
    let mut found = Vec::new();
    for sentence in sentences(paragraph) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let has = |list: &[&str]| words.iter().any(|w| list.contains(&bare(w)));
        let chairs = has(CHAIRS);
        if !chairs && !has(SPEAKS) {
            continue;
        }
        for (i, w) in words.iter().enumerate() {
            if !HONORIFICS.contains(w) || words.get(i + 1).is_some_and(|n| HONORIFICS.contains(n)) {
                continue;
            }
            if let Some(person) = person(&words, i) {
                found.push(Found {
                    person,
                    moderator: chairs,
                    guessed: true,
                    on_stage: true,
                });
            }
        }
    }
    found
}

/// The sentences of a paragraph; the full stop of an initial ("ع.") ends none.
fn sentences(paragraph: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in paragraph.char_indices() {
        let word_before = paragraph[start..i].rsplit(' ').next().unwrap_or("");
        let ends = matches!(c, '؟' | '!' | '\n') || (c == '.' && word_before.chars().count() > 1);
        if ends {
            out.push(&paragraph[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&paragraph[start..]);
    out
}

/// A word without the punctuation around it.
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '/')
}

/// The person whose honorific is `words[at]`: a name of two or three words, the job
/// title before it or after a dash.
fn person(words: &[&str], at: usize) -> Option<ImportedPerson> {
    let mut name: Vec<&str> = Vec::new();
    let mut initials = 0;
    for w in words.iter().skip(at + 1).take(4) {
        let b = bare(w);
        // "حمدون إ. توريه": an initial inside the name.
        if !name.is_empty() && b.chars().count() == 1 && w.ends_with('.') {
            name.push(w);
            initials += 1;
            continue;
        }
        // ("السيد الرئيس": "Mr. President" is a form of address, no name; a given
        // name takes no article.)
        let not_name = ROLES.contains(&b) || (name.is_empty() && b.starts_with("ال"));
        if b.is_empty() || not_name || AFTER_NAME.contains(&b) || !b.chars().all(is_arabic_letter) {
            break;
        }
        name.push(b);
        // "كامل،": punctuation closes the name.
        if b != *w {
            break;
        }
        // A third word only where punctuation closes it ("كريم فؤاد عادل،").
        if name.len() - initials == 2 {
            let closes = words
                .get(at + 3 + initials)
                .is_some_and(|n| bare(n) != *n && !is_dash(n) && !AFTER_NAME.contains(&bare(n)));
            if !closes {
                break;
            }
        }
    }
    if name.len() - initials < 2 {
        return None;
    }
    let end = at + 1 + name.len();
    // "… – ممثل الجهاز القومي لتنظيم الاتصالات –": a dash, a job title, an organization.
    let (role, organization) = match words.get(end) {
        Some(d) if is_dash(d) => {
            let descr: Vec<&str> = words[end + 1..]
                .iter()
                .take_while(|w| !is_dash(w))
                .take(12)
                .copied()
                .collect();
            match descr.split_first() {
                Some((r, org)) if ROLES.contains(&bare(r)) => (
                    Some(bare(r).to_string()),
                    (!org.is_empty())
                        .then(|| org.join(" ").trim_end_matches(['،', ',']).to_string()),
                ),
                _ => (None, None),
            }
        }
        _ => (role_before(words, at), None),
    };
    Some(ImportedPerson {
        name: name.join(" "),
        honorific: Some(words[at].to_string()),
        role,
        organization,
        found: How::Prose,
        ..ImportedPerson::default()
    })
}

fn is_dash(w: &str) -> bool {
    matches!(w, "–" | "-" | "—")
}

/// "يلقي وزير الاتصالات والمعلومات د/ …": the job title just before the honorific,
/// from its role word on.
fn role_before(words: &[&str], at: usize) -> Option<String> {
    let from = (at.saturating_sub(8)..at).find(|&k| ROLES.contains(&bare(words[k])))?;
    let role: Vec<&str> = words[from..at].iter().map(|w| bare(w)).collect();
    Some(role.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<super::super::Summary> {
        super::super::summary(introductions(text))
    }

    #[test]
    fn an_honorific_opens_the_name_of_a_speaker() {
        assert_eq!(
            people("يلقي وزير الثقافة د/ سامي ناصر كلمته في اليوم الأول."),
            [("سامي ناصر".into(), Some("وزير الثقافة".into()), None, false)]
        );
        assert_eq!(
            people(
                "ويشهد اليوم الثاني مشاركة الأستاذة هالة يوسف – ممثل هيئة البريد الوطنية – كعضو على منصة الحوار."
            ),
            [(
                "هالة يوسف".into(),
                Some("ممثل".into()),
                Some("هيئة البريد الوطنية".into()),
                false
            )]
        );
        assert_eq!(
            people("ترأس الجلسة السيد كريم فؤاد عادل، ثم بدأ النقاش."),
            [("كريم فؤاد عادل".into(), None, None, true)]
        );
    }

    #[test]
    fn people_only_present_or_quoted_are_not_speakers() {
        assert!(people("حضر الاجتماع السيد كريم فؤاد.").is_empty());
        assert!(people("السيد الرئيس، أتشرف بإلقاء هذه الكلمة.").is_empty());
        assert_eq!(
            people("كلمة الدكتور سامي ع. ناصر في الافتتاح")[0].0,
            "سامي ع. ناصر"
        );
        assert!(!is_arabic("Ana Lima spoke"));
    }
}
