//! A survey's own texts in further languages (`consultation_language`,
//! `section_translation`, `item_translation`): written by the templates and the item
//! sheet's `tekst_<sprog>` columns, read by the respondent's pages. Answers are always
//! stored as the Danish option, so a translation changes what is read, never what is
//! counted.

use super::audit::{self, Action};
use super::db::Db;
use super::error::AppError;
use super::import::MAX_NAME_CHARS;
use super::manage::MAX_INTRO_CHARS;
use super::token::hash_token;
use crate::model::admin::{LanguageInfo, Msg, Problem, UserView};
use crate::model::language::best_of;
use crate::model::{
    without_bidi_controls, ConsultationId, ConsultationKind, ItemId, LangTag, SectionId,
};
use sqlx::AnyConnection;
use std::collections::HashMap;

/// The languages consultation `id` can be read in: Danish first, then the others.
pub async fn languages(
    conn: &mut AnyConnection,
    consultation_id: ConsultationId,
) -> Result<Vec<LangTag>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT lang FROM consultation_language WHERE consultation_id = $1 ORDER BY lang",
    )
    .bind(consultation_id)
    .fetch_all(conn)
    .await?;
    Ok(std::iter::once(LangTag::danish())
        .chain(
            rows.iter()
                .filter_map(|(tag,)| LangTag::parse(tag))
                .filter(|t| !t.is_danish()),
        )
        .collect())
}

/// Which of its languages the consultation behind a respondent's path (`/svar/<token>`
/// or `/u/<code>`) is best read in by someone who wants `wanted`; `None` when the
/// path is not a link, or the consultation has no other language than Danish.
pub async fn best_for_path(
    db: &Db,
    path: &str,
    wanted: &[LangTag],
) -> Result<Option<LangTag>, sqlx::Error> {
    let mut segments = path.trim_start_matches('/').split('/');
    let found: Option<(ConsultationId,)> = match (segments.next(), segments.next()) {
        (Some("svar"), Some(token)) => sqlx::query_as(
            "SELECT r.consultation_id FROM invitation i JOIN respondent r ON r.id = i.respondent_id
                 WHERE i.token_hash = $1",
        )
        .bind(hash_token(token))
        .fetch_optional(&db.read)
        .await?,
        (Some("u"), Some(code)) => {
            sqlx::query_as("SELECT consultation_id FROM open_link WHERE code = $1")
                .bind(code)
                .fetch_optional(&db.read)
                .await?
        }
        _ => None,
    };
    let Some((id,)) = found else {
        return Ok(None);
    };
    let mut conn = db.read.acquire().await?;
    let available = languages(&mut conn, id).await?;
    Ok((available.len() > 1).then(|| best_of(&available, wanted)))
}

/// A consultation's texts in one language other than Danish; a text not translated
/// is absent, and the reader sees the Danish one.
#[derive(Debug, Default)]
pub struct Texts {
    pub title: String,
    pub intro: String,
    /// Section id → (title, description).
    pub sections: HashMap<SectionId, (String, String)>,
    /// Item id → (text, options in the item's order).
    pub items: HashMap<ItemId, (String, Vec<String>)>,
}

pub async fn texts(
    conn: &mut AnyConnection,
    consultation_id: ConsultationId,
    lang: &LangTag,
) -> Result<Texts, sqlx::Error> {
    let head: Option<(String, String)> = sqlx::query_as(
        "SELECT title, intro_md FROM consultation_language WHERE consultation_id = $1 AND lang = $2",
    )
    .bind(consultation_id)
    .bind(lang.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    let (title, intro) = head.unwrap_or_default();
    let mut rows = Vec::new();
    for sql in [
        "SELECT t.section_id, t.title, t.description FROM section_translation t
         JOIN section s ON s.id = t.section_id
         WHERE s.consultation_id = $1 AND t.lang = $2",
        "SELECT t.item_id, t.text, t.options_json FROM item_translation t
         JOIN item i ON i.id = t.item_id
         WHERE i.consultation_id = $1 AND t.lang = $2",
    ] {
        let found: Vec<(i64, String, String)> = sqlx::query_as(sql)
            .bind(consultation_id)
            .bind(lang.as_str())
            .fetch_all(&mut *conn)
            .await?;
        rows.push(found);
    }
    let (items, sections) = (
        rows.pop().unwrap_or_default(),
        rows.pop().unwrap_or_default(),
    );
    Ok(Texts {
        title,
        intro,
        sections: sections
            .into_iter()
            .map(|(id, title, description)| (SectionId::new(id), (title, description)))
            .collect(),
        items: items
            .into_iter()
            .map(|(id, text, options)| {
                (
                    ItemId::new(id),
                    (text, serde_json::from_str(&options).unwrap_or_default()),
                )
            })
            .collect(),
    })
}

/// A translated text, or the Danish one where it was not translated.
pub fn or_danish(translated: &str, danish: &str) -> String {
    if translated.trim().is_empty() {
        danish.to_owned()
    } else {
        translated.to_owned()
    }
}

/// Offers `lang` for the consultation, with its title and intro where given (kept
/// where already there).
pub async fn add_language(
    conn: &mut AnyConnection,
    consultation_id: ConsultationId,
    lang: &LangTag,
    title: &str,
    intro: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO consultation_language (consultation_id, lang, title, intro_md) VALUES ($1, $2, $3, $4)
         ON CONFLICT (consultation_id, lang) DO UPDATE
         SET title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE consultation_language.title END,
             intro_md = CASE WHEN excluded.intro_md <> '' THEN excluded.intro_md ELSE consultation_language.intro_md END",
    )
    .bind(consultation_id)
    .bind(lang.as_str())
    .bind(title)
    .bind(intro)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_section(
    conn: &mut AnyConnection,
    section_id: SectionId,
    lang: &LangTag,
    title: &str,
    description: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO section_translation (section_id, lang, title, description) VALUES ($1, $2, $3, $4)
         ON CONFLICT (section_id, lang) DO UPDATE SET title = excluded.title, description = excluded.description",
    )
    .bind(section_id)
    .bind(lang.as_str())
    .bind(title)
    .bind(description)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_item(
    conn: &mut AnyConnection,
    item_id: ItemId,
    lang: &LangTag,
    text: &str,
    options: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO item_translation (item_id, lang, text, options_json) VALUES ($1, $2, $3, $4)
         ON CONFLICT (item_id, lang) DO UPDATE SET text = excluded.text, options_json = excluded.options_json",
    )
    .bind(item_id)
    .bind(lang.as_str())
    .bind(text)
    .bind(serde_json::to_string(options).unwrap_or_else(|_| "[]".to_owned()))
    .execute(conn)
    .await?;
    Ok(())
}

/// A survey's further languages for its page: each with its title, intro and how many
/// items are translated.
pub async fn list(db: &Db, consultation_id: ConsultationId) -> Result<Vec<LanguageInfo>, AppError> {
    let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT l.lang, l.title, l.intro_md,
                (SELECT COUNT(*) FROM item_translation t JOIN item i ON i.id = t.item_id
                 WHERE i.consultation_id = l.consultation_id AND t.lang = l.lang AND t.text <> ''),
                (SELECT COUNT(*) FROM item WHERE consultation_id = l.consultation_id)
         FROM consultation_language l WHERE l.consultation_id = $1 ORDER BY l.lang",
    )
    .bind(consultation_id)
    .fetch_all(&db.read)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(tag, title, intro, items, of)| {
            let lang = LangTag::parse(&tag)?;
            Some(LanguageInfo {
                name: lang.autonym().to_owned(),
                tag: lang.to_string(),
                title,
                intro,
                items,
                of,
            })
        })
        .collect())
}

/// Adds a language to a survey, or changes its title and intro, from the survey's
/// page. A tag that cannot be read, or Danish (the survey's own language), is refused
/// with its message.
pub async fn save_language(
    db: &Db,
    user: &UserView,
    consultation_id: ConsultationId,
    tag: &str,
    title: &str,
    intro: &str,
    now_ms: i64,
) -> Result<Result<(), Problem>, AppError> {
    let Some(lang) = LangTag::parse(tag) else {
        return Ok(Err(Problem::with(
            "lang",
            Msg::LanguageTagInvalid,
            tag.trim(),
        )));
    };
    if lang.is_danish() {
        return Ok(Err(Problem::new("lang", Msg::DanishIsMain)));
    }
    let (title, intro) = (without_bidi_controls(title), intro.trim().to_owned());
    if title.trim().chars().count() > MAX_NAME_CHARS {
        return Ok(Err(Problem::with(
            "title",
            Msg::TooLong,
            MAX_NAME_CHARS.to_string(),
        )));
    }
    if intro.chars().count() > MAX_INTRO_CHARS {
        return Ok(Err(Problem::with(
            "intro",
            Msg::TooLong,
            MAX_INTRO_CHARS.to_string(),
        )));
    }
    let mut tx = db.write.begin().await?;
    let kind = super::manage::kind(&mut tx, consultation_id).await?;
    if kind != Some(ConsultationKind::Survey) {
        return Err(AppError::NotFound);
    }
    sqlx::query(
        "INSERT INTO consultation_language (consultation_id, lang, title, intro_md) VALUES ($1, $2, $3, $4)
         ON CONFLICT (consultation_id, lang) DO UPDATE SET title = excluded.title, intro_md = excluded.intro_md",
    )
    .bind(consultation_id)
    .bind(lang.as_str())
    .bind(title.trim())
    .bind(&intro)
    .execute(&mut *tx)
    .await?;
    audit::commit(
        tx,
        Some(user),
        Action::Changed,
        Some(consultation_id),
        &format!("sprog {lang}"),
        now_ms,
    )
    .await?;
    Ok(Ok(()))
}
