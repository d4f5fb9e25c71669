//! The respondent's side of a hearing: finding the body behind a link, building its
//! page, and saving or submitting its answers.
//!
//! Several members of a body share one link and one working copy. Each field carries
//! a fingerprint of what the member's page showed; a save writes the fields the
//! member changed, keeps fields only others changed, and refuses the whole save —
//! writing nothing — when both changed the same field differently.

use super::batch::Batch;
use super::body_state;
use super::catalogue::StoredItem;
use super::dates::format_datetime;
use super::db::{retrying, Db, Flag};
use super::error::AppError;
use super::form::{validate, Change, Intent, Posting, RawField, Target};
use super::questionnaire::{Questionnaire, Questionnaires};
use super::tally::{self, Background, Sign};
use super::token::{fingerprint, hash_token};
use super::translation::{self, or_danish};
use crate::i18n::Lang;
use crate::model::admin::BodyState;
use crate::model::language::best_of;
use crate::model::logic;
use crate::model::report::min_group_size;
use crate::model::{
    BodyId, Conflict, ConsultationId, ConsultationKind, ConsultationStatus, ErrorCode, Field,
    FieldState, FieldUpdate, FormError, ItemId, ItemRef, ItemView, LangTag, LockReason, Receipt,
    ReceiptItem, ReceiptSection, RespondPage, ResponseId, ResponseStatus, SectionId, SectionView,
};
use sqlx::{Any, AnyConnection};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

#[derive(sqlx::FromRow)]
struct Invitee {
    invitation_id: i64,
    respondent_id: BodyId,
    consultation_id: ConsultationId,
    name: String,
    group_name: String,
    unit: String,
    title: String,
    intro_md: String,
    status: ConsultationStatus,
    opens_at: Option<i64>,
    deadline: i64,
    /// The consultation is an anonymous survey: see [`submit_anonymously`].
    #[sqlx(try_from = "Flag")]
    anonymous: bool,
    kind: ConsultationKind,
    min_group_size: i64,
    /// The respondent's progress (`body_state`): submitted once answered.
    state: BodyState,
    /// A person has opened this link before.
    #[sqlx(try_from = "Flag")]
    opened: bool,
    /// Which questionnaire is stored (see [`Questionnaires`]).
    catalogue_version: i64,
}

impl Invitee {
    /// The questionnaire of the link's consultation, as stored now.
    async fn questionnaire(
        &self,
        questionnaires: &Questionnaires,
        conn: &mut AnyConnection,
    ) -> Result<Arc<Questionnaire>, AppError> {
        questionnaires
            .get(conn, self.consultation_id, self.catalogue_version)
            .await
    }

    fn answered_anonymously(&self) -> bool {
        self.anonymous && self.state == BodyState::Submitted
    }

    fn lock(&self, now_ms: i64) -> Option<LockReason> {
        if self.answered_anonymously() {
            return Some(LockReason::AnsweredAnonymously);
        }
        LockReason::of(self.status, self.opens_at, self.deadline, now_ms)
    }
}

/// Finds the body behind a token. Unknown, malformed, revoked and expired tokens all
/// take this one query and all come back `None`.
async fn find_invitee<'e, E>(
    executor: E,
    token: &str,
    now_ms: i64,
) -> Result<Option<Invitee>, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    sqlx::query_as(
        "SELECT i.id AS invitation_id, r.id AS respondent_id, c.id AS consultation_id,
                r.name, r.group_name, r.unit, c.title, c.intro_md, c.status, c.opens_at, c.deadline,
                CAST(c.anonymous AS INTEGER) AS anonymous, c.kind, c.min_group_size, r.state,
                i.opened_at IS NOT NULL AS opened, c.catalogue_version
         FROM invitation i
         JOIN respondent r ON r.id = i.respondent_id
         JOIN consultation c ON c.id = r.consultation_id
         WHERE i.token_hash = $1 AND i.revoked_at IS NULL
           AND (i.expires_at IS NULL OR i.expires_at > $2)",
    )
    .bind(hash_token(token))
    .bind(now_ms)
    .fetch_optional(executor)
    .await
}

#[derive(sqlx::FromRow)]
struct ResponseRow {
    id: ResponseId,
    status: ResponseStatus,
    general_comment: String,
    general_comment_version: i64,
    version: i64,
    submitted_version: Option<i64>,
    submission_no: i64,
    submitted_general_comment: Option<String>,
    submitted_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct AnswerRow {
    item_id: ItemId,
    value: String,
    comment: String,
}

/// The columns of [`ResponseRow`].
const RESPONSE_COLUMNS: &str = "id, status, general_comment, general_comment_version, version,
    submitted_version, submission_no, submitted_general_comment, submitted_at";

/// The body's response, to read.
async fn load_response(
    conn: &mut AnyConnection,
    consultation_id: ConsultationId,
    respondent_id: BodyId,
) -> Result<Option<ResponseRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {RESPONSE_COLUMNS} FROM response WHERE consultation_id = $1 AND respondent_id = $2"
    ))
    .bind(consultation_id)
    .bind(respondent_id)
    .fetch_optional(conn)
    .await
}

/// The body's response, to write: created as an empty draft if there is none, and
/// locked for the rest of the transaction in one statement. The no-op update on a
/// conflict is what takes the row lock on PostgreSQL (two members saving at once
/// through two instances then take turns, so the second sees the first's version and
/// merges or reports the conflict); SQLite's one writer already serialises them.
async fn take_response(
    conn: &mut AnyConnection,
    invitee: &Invitee,
    now_ms: i64,
) -> Result<ResponseRow, sqlx::Error> {
    sqlx::query_as(&format!(
        "INSERT INTO response (consultation_id, respondent_id, status, updated_at) VALUES ($1, $2, 'draft', $3)
         ON CONFLICT (consultation_id, respondent_id) DO UPDATE SET updated_at = response.updated_at
         RETURNING {RESPONSE_COLUMNS}"
    ))
    .bind(invitee.consultation_id)
    .bind(invitee.respondent_id)
    .bind(now_ms)
    .fetch_one(conn)
    .await
}

/// The stored answers of a response: to every item, or to the `only` ones (what an
/// autosave of one answer compares with).
async fn load_answers(
    conn: &mut AnyConnection,
    response_id: ResponseId,
    only: Option<&[ItemId]>,
) -> Result<HashMap<ItemId, AnswerRow>, sqlx::Error> {
    let mut sql = String::from("SELECT item_id, value, comment FROM answer WHERE response_id = $1");
    if let Some(items) = only {
        if items.is_empty() {
            return Ok(HashMap::new());
        }
        let params: Vec<String> = (2..items.len() + 2).map(|n| format!("${n}")).collect();
        sql.push_str(&format!(" AND item_id IN ({})", params.join(", ")));
    }
    let mut query = sqlx::query_as(&sql).bind(response_id);
    for item in only.unwrap_or_default() {
        query = query.bind(*item);
    }
    let rows: Vec<AnswerRow> = query.fetch_all(conn).await?;
    Ok(rows.into_iter().map(|a| (a.item_id, a)).collect())
}

fn state(value: &str, comment: &str) -> FieldState {
    FieldState {
        value: value.to_owned(),
        comment: comment.to_owned(),
        fingerprint: fingerprint(value, comment),
    }
}

/// Who asked for the respondent page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seen {
    /// A browser navigating to it (`Sec-Fetch-Mode: navigate`, `Sec-Fetch-Dest:
    /// document`): a person opening the link.
    ByBrowser,
    /// Anything else — a mail scanner checking the link, a re-rendered form — which
    /// must not mark the body as having opened it.
    Unverified,
}

/// Builds the respondent page from what is stored, and — when `seen` says a person
/// looks at it — notes that the link was opened.
pub async fn load_page(
    db: &Db,
    token: &str,
    lang: Lang,
    wanted: &[LangTag],
    seen: Seen,
    now_ms: i64,
) -> Result<RespondPage, AppError> {
    let mut conn = db.read.acquire().await?;
    let invitee = find_invitee(&mut *conn, token, now_ms)
        .await?
        .ok_or(AppError::InvalidLink)?;
    let questionnaire = invitee.questionnaire(&db.questionnaires, &mut conn).await?;
    let available = &questionnaire.languages;
    let content = best_of(available, wanted);
    let texts = match content.is_danish() {
        true => translation::Texts::default(),
        false => translation::texts(&mut conn, invitee.consultation_id, &content).await?,
    };
    let response = load_response(&mut conn, invitee.consultation_id, invitee.respondent_id).await?;
    let answers = match &response {
        Some(r) => load_answers(&mut conn, r.id, None).await?,
        None => HashMap::new(),
    };
    drop(conn);

    if seen == Seen::ByBrowser && !invitee.opened {
        db.openings.note(invitee.invitation_id, now_ms);
    }

    let mut by_section: HashMap<SectionId, Vec<ItemView>> = HashMap::new();
    for (item, asked) in questionnaire.items.iter().zip(&questionnaire.asked) {
        let (value, comment) = answers
            .get(&item.id)
            .map_or(("", ""), |a| (a.value.as_str(), a.comment.as_str()));
        let kind = asked.kind.clone();
        let (text, option_labels) = match texts.items.get(&item.id) {
            Some((text, options)) => {
                let labels = (options.len() == kind.options().len()).then(|| options.clone());
                (or_danish(text, &item.text), labels.unwrap_or_default())
            }
            None => (item.text.clone(), Vec::new()),
        };
        by_section
            .entry(item.section_id)
            .or_default()
            .push(ItemView {
                kind,
                option_labels,
                required: item.required,
                show_if: asked.condition.clone(),
                id: item.id,
                code: item.code.clone(),
                text,
                allow_comment: item.allow_comment,
                state: state(value, comment),
            });
    }
    let sections = questionnaire
        .sections
        .iter()
        .map(|s| {
            let (title, description) = match texts.sections.get(&s.id) {
                Some((t, d)) => (or_danish(t, &s.title), or_danish(d, &s.description)),
                None => (s.title.clone(), s.description.clone()),
            };
            SectionView {
                id: s.id,
                items: by_section.remove(&s.id).unwrap_or_default(),
                title,
                description,
            }
        })
        .collect();

    let status = response
        .as_ref()
        .map_or(ResponseStatus::Draft, |r| r.status);
    Ok(RespondPage {
        languages: available
            .iter()
            .map(|t| (t.as_str().to_owned(), t.autonym().to_owned()))
            .collect(),
        content_lang: content.as_str().to_owned(),
        title: or_danish(&texts.title, &invitee.title),
        intro: paragraphs(&or_danish(&texts.intro, &invitee.intro_md)),
        deadline: format_datetime(invitee.deadline, lang),
        respondent_name: invitee.name.clone(),
        respondent_group: invitee.group_name.clone(),
        respondent_unit: invitee.unit.clone(),
        survey: invitee.kind == ConsultationKind::Survey,
        anonymous: invitee.anonymous,
        min_group_size: min_group_size(invitee.min_group_size),
        lock: invitee.lock(now_ms),
        version: response.as_ref().map_or(0, |r| r.version),
        status,
        submitted_at: response
            .as_ref()
            .and_then(|r| r.submitted_at)
            .map(|t| format_datetime(t, lang)),
        submission_no: response.as_ref().map_or(0, |r| r.submission_no),
        unsubmitted_changes: response
            .as_ref()
            .is_some_and(|r| r.submitted_version.is_some_and(|v| v != r.version)),
        general: response
            .as_ref()
            .map_or_else(|| state("", ""), |r| state("", &r.general_comment)),
        sections,
        page: None,
        notice: None,
        errors: Vec::new(),
        conflicts: Vec::new(),
    })
}

/// The intro as paragraphs (blank-line separated). Rendered as text, never as HTML.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Puts what the respondent posted back into a freshly loaded page, so a rejected post
/// loses nothing. A conflicted field takes the other member's fingerprint, so posting
/// it again deliberately keeps this respondent's answer.
pub fn overlay_posted(
    page: &mut RespondPage,
    posted: &BTreeMap<Target, RawField>,
    conflicts: &[Conflict],
) {
    let apply = |target: Target, state: &mut FieldState| {
        let Some(raw) = posted.get(&target) else {
            return;
        };
        state.value = raw.value.clone();
        state.comment = raw.comment.clone();
        state.fingerprint = match conflicts.iter().find(|c| c.item_id == target.item_id()) {
            Some(conflict) => conflict.theirs.fingerprint.clone(),
            None => raw.fingerprint.clone(),
        };
    };
    for item in page.sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
        apply(Target::Item(item.id), &mut item.state);
    }
    apply(Target::General, &mut page.general);
}

/// What a save did.
#[derive(Debug, PartialEq)]
pub enum SaveResult {
    /// Written as a draft. `merged` lists fields only other members had changed,
    /// which were kept as they were; `updates` the state of every field changed after
    /// the caller's `since_version`.
    Saved {
        version: i64,
        merged: Vec<ItemRef>,
        updates: Vec<FieldUpdate>,
    },
    /// Submission was asked for with items unanswered: the answers were saved as a
    /// draft; confirm to submit.
    NeedsConfirmation {
        version: i64,
        unanswered: Vec<ItemRef>,
    },
    /// Submission was asked for with required items blank: the answers were saved as
    /// a draft; nothing was submitted.
    Incomplete {
        version: i64,
        errors: Vec<FormError>,
    },
    Submitted {
        version: i64,
        submission_no: i64,
    },
    /// Saved; the survey goes on at this page (from 0), answered without JavaScript.
    Moved {
        version: i64,
        page: usize,
    },
    /// Nothing was written.
    Conflict {
        version: i64,
        conflicts: Vec<Conflict>,
    },
    /// Nothing was written.
    Invalid(Vec<FormError>),
}

/// Saves (and, with a submit intent, submits) a body's answers in one transaction.
/// `posting.page` is the page a survey answered without JavaScript was posted from:
/// going on from it (or submitting while later pages are now shown) moves to the next
/// page with something to ask. A transaction the database broke off for colliding
/// with another one is run again ([`retrying`]).
pub async fn save(
    db: &Db,
    token: &str,
    fields: &BTreeMap<Target, RawField>,
    posting: &Posting,
    now_ms: i64,
) -> Result<SaveResult, AppError> {
    retrying(|| {
        let (token, fields, posting) = (token.to_owned(), fields.clone(), posting.clone());
        let questionnaires = db.questionnaires.clone();
        db.transact(Box::new(move |conn: &mut AnyConnection| {
            Box::pin(async move {
                save_in(conn, &questionnaires, &token, &fields, &posting, now_ms).await
            })
        }))
    })
    .await
}

/// The save itself, inside the transaction [`Db::transact`] gives it: everything it
/// writes is kept when it returns `Ok`, and nothing when it returns an error.
async fn save_in(
    conn: &mut AnyConnection,
    questionnaires: &Questionnaires,
    token: &str,
    fields: &BTreeMap<Target, RawField>,
    posting: &Posting,
    now_ms: i64,
) -> Result<SaveResult, AppError> {
    let (intent, page) = (posting.intent, posting.page);
    let invitee = find_invitee(&mut *conn, token, now_ms)
        .await?
        .ok_or(AppError::InvalidLink)?;
    if let Some(reason) = invitee.lock(now_ms) {
        return Err(AppError::Locked(reason));
    }
    let questionnaire = invitee.questionnaire(questionnaires, &mut *conn).await?;
    let rules = &questionnaire.rules;
    let changes = match validate(fields, rules) {
        Ok(changes) => changes,
        Err(errors) => return Ok(SaveResult::Invalid(errors)),
    };

    let response = take_response(&mut *conn, &invitee, now_ms).await?;
    // Only a submission or a page turned without JavaScript needs to know what the
    // skip logic shows, and so every stored answer; a save compares the fields it got.
    let submitting = matches!(intent, Intent::Submit | Intent::ConfirmSubmit);
    // A named submission that goes through writes the response's row and the body's
    // state once, as submitted; until it is known to go through, the draft's writes
    // (`Draft::keep`) wait, so the common case spends no statement on them.
    let folded = submitting && !invitee.anonymous;
    let turning = page.is_some() && matches!(intent, Intent::Next | Intent::Back);
    let changed: Vec<ItemId> = changes.iter().filter_map(|c| c.target.item_id()).collect();
    let only = (!(submitting || turning)).then_some(changed.as_slice());
    let answers = load_answers(&mut *conn, response.id, only).await?;

    let code_of = |target: Target| match target {
        Target::Item(id) => rules.get(&id).map(|r| r.code.clone()).unwrap_or_default(),
        Target::General => String::new(),
    };
    let mut writes: Vec<&Change> = Vec::new();
    let mut merged = Vec::new();
    let mut conflicts = Vec::new();
    for change in &changes {
        let current = match change.target {
            Target::Item(id) => answers
                .get(&id)
                .map_or(("", ""), |a| (a.value.as_str(), a.comment.as_str())),
            Target::General => ("", response.general_comment.as_str()),
        };
        if (change.value.as_str(), change.comment.as_str()) == current {
            continue;
        }
        let current_fp = fingerprint(current.0, current.1);
        if change.fingerprint == current_fp {
            writes.push(change);
        } else if change.fingerprint == fingerprint(&change.value, &change.comment) {
            // Unchanged by this member, changed by another: keep theirs.
            if let Target::Item(id) = change.target {
                merged.push(ItemRef {
                    id,
                    code: code_of(change.target),
                });
            }
        } else {
            conflicts.push(Conflict {
                item_id: change.target.item_id(),
                code: code_of(change.target),
                theirs: state(current.0, current.1),
            });
        }
    }
    if !conflicts.is_empty() {
        draft_state(&mut *conn, &invitee).await?;
        return Ok(SaveResult::Conflict {
            version: response.version,
            conflicts,
        });
    }

    let version = if writes.is_empty() && !submitting {
        response.version
    } else {
        response.version + 1
    };
    let mut general_comment = response.general_comment.clone();
    let mut general_version = response.general_comment_version;
    let mut answers_written = Vec::with_capacity(writes.len());
    for change in &writes {
        match change.target {
            Target::Item(id) => answers_written.push((id, *change)),
            Target::General => {
                general_comment = change.comment.clone();
                general_version = version;
            }
        }
    }
    write_answers(&mut *conn, response.id, version, &answers_written).await?;
    let draft = Draft {
        response_id: response.id,
        version,
        general_comment: &general_comment,
        general_version,
        now_ms,
    };
    if !folded {
        draft.keep(&mut *conn, &invitee).await?;
    }

    if submitting || turning {
        let asked = &questionnaire.asked;
        let stored = after_writes(answers, &answers_written);
        let shown = logic::shown(asked, |id| {
            stored.get(&id).map(|a| a.value.clone()).unwrap_or_default()
        });
        if let Some(stop) =
            stop_before_storing(intent, page, &questionnaire, &shown, &stored, version)
        {
            if folded {
                draft.keep(&mut *conn, &invitee).await?;
            }
            return Ok(stop);
        }
        if submitting {
            // What follows goes to the database as one batch (one round trip on
            // SQLite's writer): the statements need nothing back from each other.
            let written_in = best_of(&questionnaire.languages, &posting.wanted);
            let background = Background::of(asked);
            let mut batch = Batch::new(conn);
            // Answers to items the logic hides are discarded, whatever the browser sent.
            for hidden in asked.iter().filter(|a| !shown.contains(&a.id)) {
                if stored.contains_key(&hidden.id) {
                    batch
                        .push("DELETE FROM answer WHERE response_id = $1 AND item_id = $2")
                        .bind(response.id)
                        .bind(hidden.id);
                }
            }
            if invitee.anonymous {
                submit_anonymously(
                    &mut *conn,
                    batch,
                    &invitee,
                    response.id,
                    &written_in,
                    background,
                    now_ms,
                )
                .await?;
                return Ok(SaveResult::Submitted {
                    version,
                    submission_no: 1,
                });
            }
            // A response submitted before takes its earlier answers out of the count.
            if response.submission_no > 0 {
                tally::count_in(&mut batch, response.id, Sign::Remove, background);
                batch
                    .push("DELETE FROM submitted_answer WHERE response_id = $1")
                    .bind(response.id);
            }
            batch
                .push(
                    "INSERT INTO submitted_answer (response_id, item_id, value, comment)
                     SELECT response_id, item_id, value, comment FROM answer
                     WHERE response_id = $1 AND (value <> '' OR comment <> '')",
                )
                .bind(response.id);
            // The draft's own columns and the submission's, stamped with the body's
            // group and unit as they are now (see [`tally::stamp`]), in one statement.
            batch
                .push(
                    "UPDATE response SET status = 'submitted', version = $4, submitted_version = $4,
                        general_comment = $5, submitted_general_comment = $5, general_comment_version = $6,
                        submission_no = submission_no + 1, submitted_at = $1, updated_at = $1, lang = $2,
                        group_name = COALESCE((SELECT r.group_name FROM respondent r WHERE r.id = response.respondent_id), group_name),
                        unit = COALESCE((SELECT r.unit FROM respondent r WHERE r.id = response.respondent_id), unit)
                     WHERE id = $3",
                )
                .bind(now_ms)
                .bind(written_in.as_str())
                .bind(response.id)
                .bind(version)
                .bind(general_comment.as_str())
                .bind(general_version);
            tally::count_in(&mut batch, response.id, Sign::Add, background);
            if invitee.state < BodyState::Submitted {
                body_state::advance_in(&mut batch, invitee.respondent_id, BodyState::Submitted);
            }
            // The receipt mail is queued in the submission's own transaction: no
            // submission without its receipt, no receipt for a submission that failed.
            let submitted: HashMap<ItemId, (String, String)> = stored
                .into_iter()
                .filter(|(id, a)| {
                    shown.contains(id) && !(a.value.is_empty() && a.comment.is_empty())
                })
                .map(|(id, a)| (id, (a.value, a.comment)))
                .collect();
            let receipt = Submission {
                at: now_ms,
                number: response.submission_no + 1,
                general_comment: &general_comment,
                answers: &submitted,
            }
            .receipt(&invitee, &questionnaire, Lang::Da);
            super::mail::outbox::enqueue_receipt(
                &mut *conn,
                &mut batch,
                invitee.consultation_id,
                invitee.respondent_id,
                &receipt,
                now_ms,
            )
            .await?;
            batch.execute(conn).await?;
            return Ok(SaveResult::Submitted {
                version,
                submission_no: response.submission_no + 1,
            });
        }
    }

    let updates = match posting.since_version {
        Some(since) => {
            changed_since(
                &mut *conn,
                response.id,
                since,
                general_version,
                &general_comment,
            )
            .await?
        }
        None => Vec::new(),
    };
    Ok(SaveResult::Saved {
        version,
        merged,
        updates,
    })
}

/// The response's draft columns after a save.
struct Draft<'a> {
    response_id: ResponseId,
    version: i64,
    general_comment: &'a str,
    general_version: i64,
    now_ms: i64,
}

impl Draft<'_> {
    /// Writes the draft's columns, and moves the body to at least a draft.
    async fn keep(&self, conn: &mut AnyConnection, invitee: &Invitee) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE response SET version = $1, general_comment = $2, general_comment_version = $3, updated_at = $4
             WHERE id = $5",
        )
        .bind(self.version)
        .bind(self.general_comment)
        .bind(self.general_version)
        .bind(self.now_ms)
        .bind(self.response_id)
        .execute(&mut *conn)
        .await?;
        draft_state(conn, invitee).await
    }
}

/// A body whose link has been answered into is at least a draft.
async fn draft_state(conn: &mut AnyConnection, invitee: &Invitee) -> Result<(), sqlx::Error> {
    if invitee.state < BodyState::Draft {
        body_state::advance(conn, invitee.respondent_id, BodyState::Draft).await?;
    }
    Ok(())
}

/// Rows per statement when answers are written: a whole hearing page in one
/// statement, far below both engines' limits on bound values.
const ANSWERS_PER_STATEMENT: usize = 100;

/// Writes changed answers with a few multi-row upserts instead of one statement per
/// answer: a submission of 42 answers is then one statement, not 42.
async fn write_answers(
    conn: &mut AnyConnection,
    response_id: ResponseId,
    version: i64,
    answers: &[(ItemId, &Change)],
) -> Result<(), sqlx::Error> {
    for chunk in answers.chunks(ANSWERS_PER_STATEMENT) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|n| format!("($1, ${}, ${}, ${}, $2)", 3 * n + 3, 3 * n + 4, 3 * n + 5))
            .collect();
        let sql = format!(
            "INSERT INTO answer (response_id, item_id, value, comment, changed_version)
             VALUES {}
             ON CONFLICT (response_id, item_id) DO UPDATE
             SET value = excluded.value, comment = excluded.comment, changed_version = excluded.changed_version",
            rows.join(", ")
        );
        let mut query = sqlx::query(&sql).bind(response_id).bind(version);
        for (id, change) in chunk {
            query = query.bind(*id).bind(&change.value).bind(&change.comment);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Where a submission or a page turned without JavaScript stops short of storing a
/// submission, after the save's own writes: a page with questions left to turn to, a
/// required item left blank, or (without the respondent's confirmation) blanks to ask
/// about. `None`: a submission goes through (or nothing stops a save).
fn stop_before_storing(
    intent: Intent,
    page: Option<usize>,
    questionnaire: &Questionnaire,
    shown: &HashSet<ItemId>,
    stored: &HashMap<ItemId, AnswerRow>,
    version: i64,
) -> Option<SaveResult> {
    let asked = &questionnaire.asked;
    if let Some(from) = page {
        let pages = item_pages(questionnaire);
        let has_shown = |p: usize| {
            asked
                .iter()
                .any(|a| pages.get(&a.id) == Some(&p) && shown.contains(&a.id))
        };
        let last = pages.values().copied().max().unwrap_or(0);
        let target = match intent {
            Intent::Back => Some((0..from).rev().find(|p| has_shown(*p)).unwrap_or(0)),
            Intent::Next => Some(((from + 1)..=last).find(|p| has_shown(*p)).unwrap_or(from)),
            // Later pages with questions come before submitting.
            _ => ((from + 1)..=last).find(|p| has_shown(*p)),
        };
        if let Some(page) = target {
            return Some(SaveResult::Moved { version, page });
        }
    }
    if !matches!(intent, Intent::Submit | Intent::ConfirmSubmit) {
        return None;
    }
    let items: Vec<&StoredItem> = questionnaire
        .items
        .iter()
        .filter(|i| shown.contains(&i.id))
        .collect();
    let unanswered = unanswered(&items, stored);
    // A required item left blank stops the submission, with or without the
    // respondent's confirmation; the draft is kept.
    let missing: Vec<FormError> = items
        .iter()
        .filter(|i| i.required && unanswered.iter().any(|u| u.id == i.id))
        .map(|i| FormError {
            field: Field::Value(i.id),
            code: ErrorCode::Required,
        })
        .collect();
    if !missing.is_empty() {
        return Some(SaveResult::Incomplete {
            version,
            errors: missing,
        });
    }
    (intent == Intent::Submit && !unanswered.is_empty()).then_some(SaveResult::NeedsConfirmation {
        version,
        unanswered,
    })
}

/// The stored answers once `written` is written over `answers`, as the database now
/// holds them in this transaction.
fn after_writes(
    mut answers: HashMap<ItemId, AnswerRow>,
    written: &[(ItemId, &Change)],
) -> HashMap<ItemId, AnswerRow> {
    for (id, change) in written {
        answers.insert(
            *id,
            AnswerRow {
                item_id: *id,
                value: change.value.clone(),
                comment: change.comment.clone(),
            },
        );
    }
    answers
}

/// Each item's page when answered without JavaScript, as the page draws them.
fn item_pages(questionnaire: &Questionnaire) -> HashMap<ItemId, usize> {
    let mut sections: Vec<(SectionId, Vec<&logic::Asked>)> = Vec::new();
    for (row, a) in questionnaire.items.iter().zip(&questionnaire.asked) {
        match sections.last_mut() {
            Some((id, list)) if *id == row.section_id => list.push(a),
            _ => sections.push((row.section_id, vec![a])),
        }
    }
    let lists: Vec<Vec<&logic::Asked>> = sections.into_iter().map(|(_, l)| l).collect();
    let numbers = logic::pages(&lists);
    lists
        .iter()
        .zip(numbers)
        .flat_map(|(list, page)| list.iter().map(move |a| (a.id, page)))
        .collect()
}

fn unanswered(items: &[&StoredItem], stored: &HashMap<ItemId, AnswerRow>) -> Vec<ItemRef> {
    items
        .iter()
        .filter(|i| stored.get(&i.id).is_none_or(|a| a.value.is_empty()))
        .map(|i| ItemRef {
            id: i.id,
            code: i.code.clone(),
        })
        .collect()
}

/// Every field written after `since`, so the autosave can show other members' answers.
async fn changed_since(
    conn: &mut AnyConnection,
    response_id: ResponseId,
    since: i64,
    general_version: i64,
    general_comment: &str,
) -> Result<Vec<FieldUpdate>, sqlx::Error> {
    let rows: Vec<AnswerRow> = sqlx::query_as(
        "SELECT item_id, value, comment FROM answer WHERE response_id = $1 AND changed_version > $2",
    )
    .bind(response_id)
    .bind(since)
    .fetch_all(conn)
    .await?;
    let mut updates: Vec<FieldUpdate> = rows
        .iter()
        .map(|a| FieldUpdate {
            item_id: Some(a.item_id),
            state: state(&a.value, &a.comment),
        })
        .collect();
    if general_version > since {
        updates.push(FieldUpdate {
            item_id: None,
            state: state("", general_comment),
        });
    }
    Ok(updates)
}

/// Submits an anonymous survey's draft: in the caller's transaction, the answers move
/// to a new response that has no reference to the invitation or the person — no
/// respondent, no token, a random id (not a sequence that follows the order of the
/// invitations), no time finer than the day — stamped with the group and unit it
/// counts under. The draft is deleted, and the respondent keeps only "has answered",
/// so reminders skip it. Nothing about the answers is logged or mailed. The writes
/// go in the caller's `batch`, after what it holds.
async fn submit_anonymously(
    tx: &mut AnyConnection,
    mut batch: Batch<'_>,
    invitee: &Invitee,
    draft_id: ResponseId,
    written_in: &LangTag,
    background: Background,
    now_ms: i64,
) -> Result<(), AppError> {
    const DAY_MS: i64 = 24 * 60 * 60 * 1000;
    let day = now_ms - now_ms.rem_euclid(DAY_MS);
    let id = loop {
        // Positive and within the 53 bits every client can hold exactly.
        let candidate = ResponseId::new((rand::random::<u64>() >> 11) as i64 + 1);
        let taken: Option<(ResponseId,)> = sqlx::query_as("SELECT id FROM response WHERE id = $1")
            .bind(candidate)
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_none() {
            break candidate;
        }
    };
    batch
        .push(
            "INSERT INTO response (id, consultation_id, respondent_id, status, submission_no,
                                   submitted_general_comment, submitted_at, updated_at, group_name, unit, lang)
             SELECT $1, consultation_id, NULL, 'submitted', 1, general_comment, $2, $2, $3, $4, $5
             FROM response WHERE id = $6",
        )
        .bind(id)
        .bind(day)
        .bind(invitee.group_name.as_str())
        .bind(invitee.unit.as_str())
        .bind(written_in.as_str())
        .bind(draft_id);
    batch
        .push(
            "INSERT INTO submitted_answer (response_id, item_id, value, comment)
             SELECT $1, item_id, value, comment FROM answer
             WHERE response_id = $2 AND (value <> '' OR comment <> '')",
        )
        .bind(id)
        .bind(draft_id);
    tally::count_in(&mut batch, id, Sign::Add, background);
    batch
        .push("DELETE FROM response WHERE id = $1")
        .bind(draft_id);
    body_state::advance_in(&mut batch, invitee.respondent_id, BodyState::Submitted);
    let receipt = anonymous_receipt(invitee, Lang::Da);
    super::mail::outbox::enqueue_receipt(
        &mut *tx,
        &mut batch,
        invitee.consultation_id,
        invitee.respondent_id,
        &receipt,
        now_ms,
    )
    .await?;
    batch.execute(tx).await?;
    Ok(())
}

/// What an anonymous respondent gets back: that they answered, never what.
fn anonymous_receipt(invitee: &Invitee, lang: Lang) -> Receipt {
    Receipt {
        title: invitee.title.clone(),
        respondent_name: invitee.name.clone(),
        submitted_at: String::new(),
        submission_no: 1,
        deadline: format_datetime(invitee.deadline, lang),
        sections: Vec::new(),
        general_comment: String::new(),
        anonymous: true,
    }
}

/// The receipt of the latest submission, or `None` when nothing has been submitted.
pub async fn load_receipt(
    db: &Db,
    token: &str,
    lang: Lang,
    now_ms: i64,
) -> Result<Option<Receipt>, AppError> {
    let mut conn = db.read.acquire().await?;
    let invitee = find_invitee(&mut *conn, token, now_ms)
        .await?
        .ok_or(AppError::InvalidLink)?;
    if invitee.answered_anonymously() {
        return Ok(Some(anonymous_receipt(&invitee, lang)));
    }
    let Some(response) =
        load_response(&mut conn, invitee.consultation_id, invitee.respondent_id).await?
    else {
        return Ok(None);
    };
    let Some(submitted_at) = response.submitted_at else {
        return Ok(None);
    };
    let questionnaire = invitee.questionnaire(&db.questionnaires, &mut conn).await?;
    let answers: Vec<(ItemId, String, String)> = sqlx::query_as(
        "SELECT item_id, value, comment FROM submitted_answer WHERE response_id = $1",
    )
    .bind(response.id)
    .fetch_all(&mut *conn)
    .await?;
    let answers: HashMap<ItemId, (String, String)> =
        answers.into_iter().map(|(id, v, c)| (id, (v, c))).collect();
    let receipt = Submission {
        at: submitted_at,
        number: response.submission_no,
        general_comment: response
            .submitted_general_comment
            .as_deref()
            .unwrap_or_default(),
        answers: &answers,
    }
    .receipt(&invitee, &questionnaire, lang);
    Ok(Some(receipt))
}

/// A body's latest submission, as its receipt tells it.
struct Submission<'a> {
    at: i64,
    number: i64,
    general_comment: &'a str,
    /// Value and comment by item: what was submitted, nothing blank.
    answers: &'a HashMap<ItemId, (String, String)>,
}

impl Submission<'_> {
    fn receipt(&self, invitee: &Invitee, questionnaire: &Questionnaire, lang: Lang) -> Receipt {
        // What the logic hid was not asked, so the receipt leaves it out.
        let shown = logic::shown(&questionnaire.asked, |id| {
            self.answers
                .get(&id)
                .map(|(v, _)| v.clone())
                .unwrap_or_default()
        });
        let sections = questionnaire
            .sections
            .iter()
            .map(|s| ReceiptSection {
                items: questionnaire
                    .items
                    .iter()
                    .zip(&questionnaire.asked)
                    .filter(|(i, _)| i.section_id == s.id && shown.contains(&i.id))
                    .map(|(i, asked)| {
                        let (value, comment) = self.answers.get(&i.id).cloned().unwrap_or_default();
                        ReceiptItem {
                            kind: asked.kind.clone(),
                            code: i.code.clone(),
                            text: i.text.clone(),
                            value,
                            comment,
                        }
                    })
                    .collect(),
                title: s.title.clone(),
            })
            .collect();
        Receipt {
            title: invitee.title.clone(),
            respondent_name: invitee.name.clone(),
            submitted_at: format_datetime(self.at, lang),
            submission_no: self.number,
            deadline: format_datetime(invitee.deadline, lang),
            sections,
            general_comment: self.general_comment.to_owned(),
            anonymous: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(item: i64, value: &str, comment: &str) -> (ItemId, AnswerRow) {
        let item_id = ItemId::new(item);
        let (value, comment) = (value.to_owned(), comment.to_owned());
        (
            item_id,
            AnswerRow {
                item_id,
                value,
                comment,
            },
        )
    }

    fn change(item: i64, value: &str, comment: &str) -> Change {
        Change {
            target: Target::Item(ItemId::new(item)),
            value: value.to_owned(),
            comment: comment.to_owned(),
            fingerprint: String::new(),
        }
    }

    #[test]
    fn what_a_save_wrote_is_read_over_what_was_stored() {
        let before = HashMap::from([stored(1, "agree", "Godt"), stored(2, "agree", "")]);
        let (over, new) = (change(2, "", "Uklart"), change(3, "dont_know", ""));
        let after = after_writes(before, &[(ItemId::new(2), &over), (ItemId::new(3), &new)]);
        let read = |item: i64| {
            let a = &after[&ItemId::new(item)];
            (a.value.as_str(), a.comment.as_str())
        };
        assert_eq!(after.len(), 3);
        assert_eq!(read(1), ("agree", "Godt"), "untouched");
        assert_eq!(read(2), ("", "Uklart"), "written over, blank value and all");
        assert_eq!(read(3), ("dont_know", ""), "written for the first time");
    }
}
