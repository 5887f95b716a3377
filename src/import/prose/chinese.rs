//! Speakers in Chinese running text, which has no capitals or spaces to find a
//! name by: "甲组织副院长李明、乙大学校长王芳出席论坛并致辞" (each person written as
//! institution, job title, name, joined by "、"), "论坛由丙研究所所长赵强主持" (the
//! moderator between "由" and "主持"). A name is the two or three characters after a
//! job title; a person quoted ("李明表示") is not a speaker.

use super::Found;
use crate::import::clean::is_han;
use crate::import::person::{cjk_ends, is_org};
use crate::import::words::CJK_ROLE_ENDINGS;
use crate::import::{Found as How, ImportedPerson};
use crate::taxonomy::{Country, Language};

/// Verbs that say the people before them spoke at the session.
const SPOKE: &[&str] = &["致辞", "发言", "讲话", "演讲", "作报告", "作主旨报告"];

/// Words between a name and its verb: "等" (and others), "一行" (and party), "在"
/// (at …), "分别" (each), "先后" (in turn), "也" (also), "代表" (on behalf of),
/// "通过视频" (by video).
const TAILS: &[&str] = &[
    "等", "一行", "同志", "在", "分别", "先后", "也", "还", "代表", "通过", "作", "向",
];

/// Whether `text` is mostly written in Chinese characters.
pub(crate) fn is_chinese(text: &str) -> bool {
    super::mostly_in(text, is_han, 4)
}

/// Every person introduced in a Chinese paragraph.
pub(crate) fn introductions(paragraph: &str) -> Vec<Found> {
    let mut found = Vec::new();
    for sentence in paragraph.split(['。', '！', '？', '；', ';']) {
        // "……由甲研究所所长赵强主持": the moderator.
        if let Some(end) = sentence.rfind("主持") {
            if let Some(start) = sentence[..end].rfind('由') {
                let span = &sentence[start + '由'.len_utf8()..end];
                found.extend(people(span).into_iter().map(|p| moderator(p, true)));
                continue;
            }
        }
        // "甲、乙出席论坛并致辞", "甲致辞": the speakers, before the first verb.
        let Some(spoke) = SPOKE.iter().filter_map(|v| sentence.find(v)).min() else {
            continue;
        };
        let end = sentence[..spoke]
            .find("出席")
            .or_else(|| sentence[..spoke].rfind('并'))
            .unwrap_or(spoke);
        let head = &sentence[..end];
        let span = head.rsplit([',', '，', ':', '：']).next().unwrap_or(head);
        found.extend(people(span).into_iter().map(|p| moderator(p, false)));
    }
    found
}

fn moderator(person: ImportedPerson, moderator: bool) -> Found {
    Found {
        person,
        moderator,
        guessed: false,
        on_stage: true,
    }
}

/// The people of a span "甲组织副院长李明、乙大学校长王芳".
/// Job titles joined by "、" ("党委书记、副所长赵强") are one person's: a piece with
/// no name goes on with the next.
fn people(span: &str) -> Vec<ImportedPerson> {
    let mut out = Vec::new();
    let mut carry = String::new();
    for piece in span.split('、') {
        if !carry.is_empty() {
            carry.push('、');
        }
        carry.push_str(piece.trim());
        if let Some(p) = person(&carry) {
            out.push(p);
            carry.clear();
        }
    }
    out
}

/// One "institution + job title + name"; `None` when the piece does not end in a
/// name after a job title.
fn person(piece: &str) -> Option<ImportedPerson> {
    // "李明等", "李明一行": "and others", "and party".
    let piece = piece.trim();
    // "李明在开幕式上", "李明分别": what follows the name before the verb goes (a
    // tail's letters inside an institution, "中外合作", are no tail).
    let piece = TAILS
        .iter()
        .flat_map(|t| piece.match_indices(t).map(|(at, _)| at))
        .filter(|&at| at > 0 && role_and_name(&piece[..at]).is_some())
        .min()
        .map_or(piece, |at| &piece[..at]);
    let (role_end, name) = role_and_name(piece)?;
    let descriptor = &piece[..role_end];
    let (organization, role) = split_descriptor(descriptor);
    let country = organization.as_deref().and_then(country_in);
    Some(ImportedPerson {
        name: name.to_string(),
        role: Some(role.to_string()),
        country_inferred: country.is_some(),
        organization,
        country,
        found: How::Prose,
        ..ImportedPerson::default()
    })
}

/// Where the job title ends and the name after it: the last two or three
/// characters of `piece`, after a job title.
fn role_and_name(piece: &str) -> Option<(usize, &str)> {
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    (2..=3).find_map(|len| {
        let at = chars.len().checked_sub(len)?;
        let (cut, _) = chars[at];
        let name = &piece[cut..];
        let before = &piece[..cut];
        (name.chars().all(is_han) && CJK_ROLE_ENDINGS.iter().any(|e| before.ends_with(e)))
            .then_some((cut, name))
    })
}

/// "中国社会科学院新闻与传播研究所党委书记、副所长" -> the institution and the job
/// title: the last cut after which every "、" piece is a short job title. Job titles
/// joined by "、" were split from the names already, so they are rejoined here.
fn split_descriptor(descriptor: &str) -> (Option<String>, &str) {
    let cuts = descriptor.char_indices().map(|(i, _)| i).skip(1);
    let best = cuts
        .filter(|&i| {
            let (org, role) = descriptor.split_at(i);
            is_org(org)
                && role
                    .split('、')
                    .all(|r| (2..=5).contains(&r.chars().count()) && cjk_ends(r, CJK_ROLE_ENDINGS))
        })
        .last();
    match best {
        Some(i) => (Some(descriptor[..i].to_string()), &descriptor[i..]),
        None => (None, descriptor),
    }
}

/// A country named inside an institution's name ("中国社会科学院"): inferred.
fn country_in(organization: &str) -> Option<Country> {
    Country::all().find(|c| {
        let name = c.name_in(Language::Chinese);
        name.chars().count() >= 2 && organization.starts_with(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<super::super::Summary> {
        super::super::summary(introductions(text))
    }

    #[test]
    fn institution_title_and_name_before_a_verb_of_speaking() {
        let got = names(
            "10月5日，甲国科学院副院长李明、乙师范大学校长王芳出席论坛并致辞。\
             论坛由丙研究所党委书记、副所长赵强主持。",
        );
        assert_eq!(
            got,
            [
                (
                    "李明".into(),
                    Some("副院长".into()),
                    Some("甲国科学院".into()),
                    false
                ),
                (
                    "王芳".into(),
                    Some("校长".into()),
                    Some("乙师范大学".into()),
                    false
                ),
                (
                    "赵强".into(),
                    Some("党委书记、副所长".into()),
                    Some("丙研究所".into()),
                    true
                ),
            ]
        );
    }

    #[test]
    fn people_only_quoted_or_present_are_not_speakers() {
        assert!(names("甲大学校长李明表示，合作很重要。").is_empty());
        assert!(names("会议现场").is_empty());
        assert_eq!(names("甲大学校长李明等出席并致辞。")[0].0, "李明");
        assert_eq!(names("甲大学校长李明在开幕式上致辞。")[0].0, "李明");
        assert_eq!(names("甲大学校长李明通过视频致辞。")[0].0, "李明");
        assert_eq!(
            names("中外合作研究院院长李明致辞。")[0].2.as_deref(),
            Some("中外合作研究院")
        );
        assert!(!is_chinese("Ana Lima (ITU) spoke"));
    }

    #[test]
    fn a_country_at_the_start_of_an_institution_is_inferred() {
        let f = introductions("中国网络研究院副院长侯明致辞。");
        assert_eq!(f[0].person.country.map(|c| c.iso2()), Some("CN"));
        assert!(f[0].person.country_inferred);
    }
}
