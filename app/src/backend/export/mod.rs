//! The decision material as files: CSV "svar" (one row per body × item), CSV
//! "opsummering" (one row per item), CSV "generelle kommentarer" (one row per body
//! that wrote one) and an XLSX workbook with all three.
//!
//! The answers are streamed: a task reads rows from the database one at a time and
//! hands the HTTP body chunks of about 64 kB through a small bounded channel, so memory
//! stays flat however many bodies answered, and a slow client slows the reading down
//! instead of filling memory. Only submitted responses appear, as last submitted.

pub mod dialect;
mod xlsx;

pub use dialect::{CsvDialect, CsvOut};
pub use xlsx::workbook;

use super::db::Db;
use super::error::AppError;
use super::report::{self, Comments};
use crate::i18n::{Key, Lang};
use crate::model::report::{suppressed_text, ItemReport, Report, ReportQuery, Tally};
use crate::model::{BodyId, ConsultationId, ConsultationKind, ItemId};
use futures::{Stream, StreamExt, TryStreamExt};
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Bytes handed to the HTTP body at a time.
const CHUNK: usize = 64 * 1024;

/// The consultation's items in catalogue order, as the "svar" rows repeat them.
pub use super::catalogue::{items as catalogue, CatalogueItem};

/// One body that submitted, with its answer (value, comment) to every item of the
/// catalogue in catalogue order, blank where it left an item blank.
pub struct BodyAnswers {
    pub body: String,
    pub group_name: String,
    pub unit: String,
    pub submitted_at: i64,
    pub answers: Vec<(String, String)>,
    /// The body's general comment, as submitted ("" for none).
    pub general_comment: String,
}

#[derive(sqlx::FromRow)]
struct BodyRow {
    id: BodyId,
    body: String,
    group_name: String,
    unit: String,
    submitted_at: i64,
    /// `[[item_id, value, comment], …]`, as JSON.
    answers: String,
    general_comment: String,
}

/// Bodies read per query of [`submitted_bodies`].
const BODIES_PER_READ: i64 = 250;

/// Every body that submitted, ordered by group and name, with its answers laid out
/// along `items`. The database reads the bodies in index order and hands each body's
/// answers over as one JSON array (SQLite's `json_group_array`, PostgreSQL's
/// `json_agg`), so 10,000 rows cross from the database instead
/// of 420,000 and nothing is sorted; the item texts are not read again for every row.
///
/// The bodies come [`BODIES_PER_READ`] at a time, each read a short query of its own
/// that continues after the last body of the one before (by group, name and id). A
/// download whose client reads slowly, or not at all, so holds no database connection
/// while it waits — eight stalled downloads would otherwise hold all eight.
pub fn submitted_bodies<'a>(
    db: &'a Db,
    id: ConsultationId,
    items: &[CatalogueItem],
) -> impl Stream<Item = Result<BodyAnswers, sqlx::Error>> + Send + 'a {
    let position: HashMap<ItemId, usize> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (item.id, i))
        .collect();
    let first = Some((String::new(), String::new(), BodyId::default()));
    futures::stream::try_unfold(first, move |after| async move {
        let Some((group, name, body_id)) = after else {
            return Ok::<_, sqlx::Error>(None);
        };
        let (array_agg, array) = (db.engine.json_array_agg(), db.engine.json_array());
        let rows: Vec<BodyRow> = sqlx::query_as(&format!(
            "SELECT r.id, r.name AS body, r.group_name, r.unit, rs.submitted_at,
                    rs.submitted_general_comment AS general_comment,
                    (SELECT COALESCE(CAST({array_agg}({array}(sa.item_id, sa.value, sa.comment)) AS TEXT), '[]')
                     FROM submitted_answer sa WHERE sa.response_id = rs.id) AS answers
             FROM respondent r
             JOIN response rs ON rs.consultation_id = r.consultation_id AND rs.respondent_id = r.id
             WHERE r.consultation_id = $1 AND rs.submitted_at IS NOT NULL
               AND (r.group_name, r.name, r.id) > ($2, $3, $4)
             ORDER BY r.group_name, r.name, r.id
             LIMIT $5"
        ))
        .bind(id)
        .bind(group)
        .bind(name)
        .bind(body_id)
        .bind(BODIES_PER_READ)
        .fetch_all(&db.read)
        .await?;
        let next = match rows.last() {
            Some(last) if rows.len() as i64 == BODIES_PER_READ => {
                Some((last.group_name.clone(), last.body.clone(), last.id))
            }
            _ => None,
        };
        Ok(Some((
            futures::stream::iter(rows.into_iter().map(Ok)),
            next,
        )))
    })
    .try_flatten()
    .map(move |row: Result<BodyRow, sqlx::Error>| {
        let row = row?;
        let given: Vec<(ItemId, String, String)> =
            serde_json::from_str(&row.answers).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        let mut answers = vec![(String::new(), String::new()); position.len()];
        for (item, value, comment) in given {
            if let Some(&at) = position.get(&item) {
                answers[at] = (value, comment);
            }
        }
        Ok(BodyAnswers {
            body: row.body,
            group_name: row.group_name,
            unit: row.unit,
            submitted_at: row.submitted_at,
            answers,
            general_comment: row.general_comment,
        })
    })
}

/// The column headers of the "svar" export.
pub fn answer_headers(lang: Lang) -> [&'static str; 10] {
    [
        lang.t(Key::ExportConsultation),
        lang.t(Key::ExportBody),
        lang.t(Key::ExportGroup),
        lang.t(Key::ExportUnit),
        lang.t(Key::ExportSection),
        lang.t(Key::ExportNumber),
        lang.t(Key::ExportItem),
        lang.t(Key::ExportAnswer),
        lang.t(Key::ExportComment),
        lang.t(Key::ExportSubmittedAt),
    ]
}

/// Writes "`user` exported `what`" to the audit log.
pub async fn log_export(
    db: &Db,
    user: &crate::model::admin::UserView,
    id: ConsultationId,
    what: &str,
) -> Result<(), AppError> {
    super::audit::record_alone(
        db,
        Some(user),
        super::audit::Action::Exported,
        Some(id),
        what,
        super::now_ms(),
    )
    .await
}

/// A finished file as a stream of chunks; the file is deleted once streamed (or
/// when the client goes away), as the stream owns it.
pub fn file_chunks(
    file: tempfile::NamedTempFile,
) -> Result<impl Stream<Item = Chunk> + Send + 'static, AppError> {
    use tokio::io::AsyncReadExt;
    let reader = tokio::fs::File::from_std(
        file.reopen()
            .map_err(|e| AppError::Internal(e.to_string()))?,
    );
    Ok(futures::stream::unfold(
        (reader, file, false),
        |(mut reader, file, done)| async move {
            if done {
                return None;
            }
            let mut chunk = vec![0u8; CHUNK];
            match reader.read(&mut chunk).await {
                Ok(0) => None,
                Ok(n) => {
                    chunk.truncate(n);
                    Some((Ok(chunk), (reader, file, false)))
                }
                Err(e) => Some((Err(e), (reader, file, true))),
            }
        },
    ))
}

/// The consultation's title, or not found.
pub async fn title(db: &Db, id: ConsultationId) -> Result<String, AppError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT title FROM consultation WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.read)
        .await?;
    row.map(|(t,)| t).ok_or(AppError::NotFound)
}

/// The title of a hearing, whose answers are exported body by body. A survey's are
/// not (each person's answers could name them in a small unit): not found.
pub async fn per_body_title(db: &Db, id: ConsultationId) -> Result<String, AppError> {
    let row: Option<(String, ConsultationKind)> =
        sqlx::query_as("SELECT title, kind FROM consultation WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.read)
            .await?;
    match row {
        Some((title, ConsultationKind::Hearing)) => Ok(title),
        _ => Err(AppError::NotFound),
    }
}

/// The figures behind "opsummering": every item's tallies overall and per group.
pub async fn summary(db: &Db, id: ConsultationId, lang: Lang) -> Result<Report, AppError> {
    report::report(
        db,
        id,
        &ReportQuery::default(),
        Comments::None,
        false,
        lang,
        super::now_ms(),
    )
    .await
}

/// One unit beside the whole, as its leader may have it (see
/// [`super::leaders::for_leader`]): "opsummering" with "I alt" and the unit's column.
pub async fn unit_summary(
    db: &Db,
    id: ConsultationId,
    unit: &str,
    lang: Lang,
) -> Result<Report, AppError> {
    if unit.is_empty() {
        return Err(AppError::NotFound);
    }
    let query = ReportQuery {
        unit: Some(unit.to_owned()),
        ..ReportQuery::default()
    };
    let sheet =
        report::report(db, id, &query, Comments::None, false, lang, super::now_ms()).await?;
    Ok(super::leaders::for_leader(sheet))
}

/// The columns of "opsummering": every answer category any item has, in the order
/// they first appear (for a hearing: enig, uenig, ved ikke), then "ikke besvaret".
/// An item without a category leaves its cells blank.
pub struct SummaryLayout {
    labels: Vec<String>,
    suppressed: String,
}

/// One category of one item in one scope.
pub enum SummaryCell {
    /// The count and its share in tenths of a per cent.
    Count(u32, u32),
    /// The item has no such category.
    Absent,
    /// Fewer responses than the minimum group size: the message, no figure.
    Suppressed,
}

impl SummaryLayout {
    pub fn of(report: &Report, lang: Lang) -> Self {
        let mut labels: Vec<String> = Vec::new();
        for item in &report.items {
            for bucket in item.kind.buckets() {
                let label = bucket.label(lang);
                if !labels.contains(&label) {
                    labels.push(label);
                }
            }
        }
        labels.push(lang.t(Key::NotAnswered).to_owned());
        Self {
            labels,
            suppressed: suppressed_text(lang, report.min_group_size),
        }
    }

    /// Item columns, then count and share of every category for "I alt" and for
    /// each column of the breakdown, then the note.
    pub fn headers(&self, report: &Report, lang: Lang) -> Vec<String> {
        let mut headers: Vec<String> = [
            Key::ExportSection,
            Key::ExportNumber,
            Key::ExportItem,
            Key::ExportAnsweredBy,
        ]
        .into_iter()
        .map(|k| lang.t(k).to_owned())
        .collect();
        let scopes = std::iter::once(lang.t(Key::ExportAll))
            .chain(report.columns.iter().map(|c| c.name.as_str()));
        for scope in scopes {
            for answer in &self.labels {
                let args = [("scope", scope), ("answer", answer.as_str())];
                headers.push(lang.fill(Key::ExportCount, &args));
                headers.push(lang.fill(Key::ExportShare, &args));
            }
        }
        headers.push(lang.t(Key::ExportNote).to_owned());
        headers
    }

    /// An item's cells: overall first, then one scope per column of the breakdown.
    pub fn cells(&self, item: &ItemReport, lang: Lang) -> Vec<SummaryCell> {
        let mut cells = Vec::new();
        let labels: Vec<String> = item
            .kind
            .buckets()
            .iter()
            .map(|b| b.label(lang))
            .chain([lang.t(Key::NotAnswered).to_owned()])
            .collect();
        for tally in std::iter::once(&item.overall).chain(&item.breakdown) {
            let figures: Option<Vec<(u32, u32)>> = tally
                .as_ref()
                .map(|t: &Tally| t.cells().into_iter().zip(t.permille()).collect());
            for label in &self.labels {
                let at = labels.iter().position(|l| l == label);
                cells.push(match (&figures, at) {
                    (None, _) => SummaryCell::Suppressed,
                    (Some(_), None) => SummaryCell::Absent,
                    (Some(f), Some(i)) => SummaryCell::Count(f[i].0, f[i].1),
                });
            }
        }
        cells
    }

    /// What stands in a suppressed cell.
    pub fn suppressed(&self) -> &str {
        &self.suppressed
    }
}

/// "Besvaret af": everyone who submitted, or the message where that is suppressed.
pub fn answered_by(item: &ItemReport, layout: &SummaryLayout) -> String {
    item.overall
        .as_ref()
        .map_or_else(|| layout.suppressed().to_owned(), |t| t.total().to_string())
}

/// A `Write` whose bytes the producing task takes out in chunks. (`csv::Writer` owns
/// its output and has no `get_mut`, so the buffer is shared.)
#[derive(Clone, Default)]
struct SharedBuf(Arc<Mutex<Vec<u8>>>);

impl SharedBuf {
    fn len(&self) -> usize {
        self.0.lock().map(|b| b.len()).unwrap_or(0)
    }

    fn take(&self) -> Vec<u8> {
        self.0
            .lock()
            .map(|mut b| std::mem::replace(&mut *b, Vec::with_capacity(CHUNK + 4096)))
            .unwrap_or_default()
    }
}

impl Write for SharedBuf {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("buffer poisoned"))?
            .extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What the export task sends: a chunk, or the error that ended the file early (the
/// client then sees a broken download, never a silently short file).
pub type Chunk = Result<Vec<u8>, std::io::Error>;

/// Runs `produce` in its own task and returns its chunks as a stream for the body.
/// Runs `produce` on its own task, which hands the file's chunks to the returned
/// stream through a [`Chunks`]. The file is whole only when the producer said so
/// ([`Chunks::finish`]); a producer that failed, or gave up on a client that stopped
/// reading, ends the stream with an error, so the client sees a broken download,
/// never a short one that looks complete.
fn spawn_chunks<F, Fut>(
    send_timeout: Duration,
    produce: F,
) -> impl Stream<Item = Chunk> + Send + 'static
where
    F: FnOnce(Chunks) -> Fut,
    Fut: std::future::Future<Output = Result<(), AppError>> + Send + 'static,
{
    let (tx, rx) = tokio::sync::mpsc::channel::<Chunk>(4);
    let task = produce(Chunks { tx, send_timeout });
    tokio::spawn(async move {
        if let Err(e) = task.await {
            tracing::error!(error = %e, "export failed");
        }
    });
    futures::stream::unfold(Some(rx), |rx| async move {
        let mut rx = rx?;
        match rx.recv().await {
            Some(Ok(chunk)) if chunk.is_empty() => None,
            Some(chunk) => Some((chunk, Some(rx))),
            None => Some((Err(std::io::Error::other("export ended early")), None)),
        }
    })
}

/// The producer's end of a streamed download.
struct Chunks {
    tx: tokio::sync::mpsc::Sender<Chunk>,
    send_timeout: Duration,
}

/// The client went away or stopped reading: the export ends, and the database
/// connection it streams from is free. Not an error worth a log.
struct Gone;

impl Chunks {
    /// Hands over what `buf` holds; an empty chunk is the end marker, never data.
    async fn send(&self, buf: &SharedBuf) -> Result<(), Gone> {
        let chunk = buf.take();
        if chunk.is_empty() {
            return Ok(());
        }
        self.deliver(chunk).await
    }

    /// Sends what is left and marks the file complete.
    async fn finish(self, buf: &SharedBuf) -> Result<(), Gone> {
        self.send(buf).await?;
        self.deliver(Vec::new()).await
    }

    async fn deliver(&self, chunk: Vec<u8>) -> Result<(), Gone> {
        match tokio::time::timeout(self.send_timeout, self.tx.send(Ok(chunk))).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(_)) | Err(_) => Err(Gone),
        }
    }
}

fn csv_error(e: csv::Error) -> AppError {
    AppError::Internal(format!("csv: {e}"))
}

/// The column headers of the "generelle kommentarer" export.
pub fn general_comment_headers(lang: Lang) -> [&'static str; 6] {
    [
        lang.t(Key::ExportConsultation),
        lang.t(Key::ExportBody),
        lang.t(Key::ExportGroup),
        lang.t(Key::ExportUnit),
        lang.t(Key::ExportGeneralComment),
        lang.t(Key::ExportSubmittedAt),
    ]
}

/// A CSV with a record or more per submitted body ("svar", "generelle kommentarer"),
/// streamed in chunks: its header, and how one body's records are written (every
/// field made safe by [`CsvOut`]).
pub struct BodiesCsv {
    headers: fn(Lang) -> Vec<&'static str>,
    records: fn(&Row<'_>, &mut CsvOut<SharedBuf>) -> Result<(), csv::Error>,
}

/// What a body's records are written from: the consultation's title, the catalogue,
/// the body, the language.
struct Row<'a> {
    title: &'a str,
    items: &'a [CatalogueItem],
    body: &'a BodyAnswers,
    lang: Lang,
}

/// CSV "svar": one record per body × item.
pub const ANSWERS_CSV: BodiesCsv = BodiesCsv {
    headers: |lang| answer_headers(lang).to_vec(),
    records: |row, out| {
        let body = row.body;
        let submitted = super::dates::format_input(body.submitted_at);
        for (item, (value, comment)) in row.items.iter().zip(&body.answers) {
            out.write_record([
                row.title,
                &body.body,
                &body.group_name,
                &body.unit,
                &item.section,
                &item.code,
                &item.text,
                &item.kind.answer_label(row.lang, value).unwrap_or_default(),
                comment.as_str(),
                &submitted,
            ])?;
        }
        Ok(())
    },
};

/// CSV "generelle kommentarer": one record per body that wrote one.
pub const GENERAL_COMMENTS_CSV: BodiesCsv = BodiesCsv {
    headers: |lang| general_comment_headers(lang).to_vec(),
    records: |row, out| {
        let body = row.body;
        if body.general_comment.is_empty() {
            return Ok(());
        }
        out.write_record([
            row.title,
            &body.body,
            &body.group_name,
            &body.unit,
            &body.general_comment,
            super::dates::format_input(body.submitted_at).as_str(),
        ])
    },
};

impl BodiesCsv {
    /// The file of consultation `id`, streamed.
    pub fn stream(
        &'static self,
        db: Db,
        id: ConsultationId,
        title: String,
        dialect: CsvDialect,
        lang: Lang,
        send_timeout: Duration,
    ) -> impl Stream<Item = Chunk> + Send + 'static {
        spawn_chunks(send_timeout, move |chunks| async move {
            let buf = SharedBuf::default();
            buf.clone()
                .write_all(dialect.preamble())
                .map_err(|e| AppError::Internal(e.to_string()))?;
            let mut out = dialect.writer(buf.clone());
            out.write_record((self.headers)(lang)).map_err(csv_error)?;
            let catalogue = catalogue(&db, id).await?;
            let mut bodies = Box::pin(submitted_bodies(&db, id, &catalogue));
            while let Some(body) = bodies.next().await {
                let body = body?;
                let row = Row {
                    title: &title,
                    items: &catalogue,
                    body: &body,
                    lang,
                };
                (self.records)(&row, &mut out).map_err(csv_error)?;
                if buf.len() >= CHUNK {
                    out.flush().map_err(|e| AppError::Internal(e.to_string()))?;
                    if chunks.send(&buf).await.is_err() {
                        return Ok(());
                    }
                }
            }
            out.flush().map_err(|e| AppError::Internal(e.to_string()))?;
            let _ = chunks.finish(&buf).await;
            Ok(())
        })
    }
}

/// CSV "opsummering": one row per item; counts are numbers, shares have one decimal.
pub fn summary_csv(report: &Report, dialect: CsvDialect, lang: Lang) -> Result<Vec<u8>, AppError> {
    let mut bytes = dialect.preamble().to_vec();
    let mut out = dialect.writer(&mut bytes);
    let layout = SummaryLayout::of(report, lang);
    out.write_record(layout.headers(report, lang))
        .map_err(csv_error)?;
    for item in &report.items {
        let mut record: Vec<String> = vec![
            item.section.clone(),
            item.code.clone(),
            item.text.clone(),
            answered_by(item, &layout),
        ];
        for cell in layout.cells(item, lang) {
            let (count, share) = match cell {
                SummaryCell::Count(n, share) => (n.to_string(), dialect.percent(share)),
                SummaryCell::Absent => (String::new(), String::new()),
                SummaryCell::Suppressed => (layout.suppressed().to_owned(), String::new()),
            };
            record.push(count);
            record.push(share);
        }
        record.push(item.note.clone());
        out.write_record(&record).map_err(csv_error)?;
    }
    out.flush().map_err(|e| AppError::Internal(e.to_string()))?;
    drop(out);
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::admin::Rate;
    use crate::model::ItemKind;

    fn report() -> Report {
        let kind = ItemKind::AgreeDisagree;
        let buckets = kind.buckets();
        let mut tally = Tally::of(buckets.len(), 3);
        for i in 0..3 {
            tally.record(&buckets, &[i], 1);
        }
        Report {
            consultation_id: ConsultationId::new(1),
            title: "Høring".into(),
            status: crate::model::ConsultationStatus::Closed,
            deadline: String::new(),
            opened: None,
            query: ReportQuery::default(),
            groups: vec!["Skolebestyrelse".into()],
            units: Vec::new(),
            background_items: Vec::new(),
            overall: Rate {
                name: String::new(),
                invited: 3,
                submitted: 3,
            },
            columns: vec![Rate {
                name: "Skolebestyrelse".into(),
                invited: 3,
                submitted: 3,
            }],
            min_group_size: 1,
            survey: false,
            items: vec![ItemReport {
                id: ItemId::new(7),
                code: "1.1".into(),
                section: "Digitalisering".into(),
                text: "=HYPERLINK(\"http://x\")".into(),
                kind,
                overall: Some(tally.clone()),
                breakdown: vec![Some(tally)],
                comment_count: 0,
                comments: vec![],
                note: "-ingen".into(),
                target: None,
                trend: None,
            }],
            general_comments: vec![],
            general_comment_count: 0,
            missing: vec![],
            missing_count: 0,
            can_edit_notes: false,
            generated: String::new(),
            areas: vec![],
            series: None,
        }
    }

    #[test]
    fn the_summary_in_danish_excel_reads_back_with_semicolons() {
        let bytes = summary_csv(&report(), CsvDialect::DanishExcel, Lang::Da).unwrap();
        assert!(bytes.starts_with("\u{feff}".as_bytes()));
        assert!(String::from_utf8_lossy(&bytes).contains("\r\n"));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&bytes[3..]);
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[0], "Indsatsområde");
        assert_eq!(&headers[4], "I alt: Enig, antal");
        assert_eq!(&headers[5], "I alt: Enig, %");
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[2], "'=HYPERLINK(\"http://x\")");
        assert_eq!(&row[3], "3");
        // Thirds: 33,4 + 33,3 + 33,3 + 0,0 = 100.
        assert_eq!(&row[5], "33,4");
        assert_eq!(&row[7], "33,3");
        assert_eq!(&row[12], "1", "the group's own columns follow");
        assert_eq!(row.iter().next_back().unwrap(), "'-ingen");
        assert_eq!(row.len(), headers.len());
    }

    #[test]
    fn the_standard_dialect_has_commas_no_bom_and_decimal_points() {
        let bytes = summary_csv(&report(), CsvDialect::Standard, Lang::En).unwrap();
        assert!(!bytes.starts_with("\u{feff}".as_bytes()));
        let mut reader = csv::Reader::from_reader(&bytes[..]);
        assert_eq!(&reader.headers().unwrap()[4], "Total: Agree, count");
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[5], "33.4");
    }
}
