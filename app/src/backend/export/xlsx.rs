//! The XLSX workbook: "Opsummering" (one row per item) and "Svar" (one row per body ×
//! item). Both sheets are written in rust_xlsxwriter's constant-memory mode, which
//! keeps only the current row in memory and the rest in a temporary file, and the rows
//! arrive from the database through a bounded channel, so a 420,000-row export needs no
//! more memory than a small one.

use super::{
    answer_headers, catalogue, general_comment_headers, submitted_bodies, title, BodyAnswers,
    CatalogueItem, SummaryCell, SummaryLayout,
};
use crate::backend::dates::excel_serial;
use crate::backend::db::Db;
use crate::backend::error::AppError;
use crate::i18n::{Key, Lang};
use crate::model::report::Report;
use crate::model::ConsultationId;
use futures::StreamExt;
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

fn xlsx_error(e: XlsxError) -> AppError {
    AppError::Internal(format!("xlsx: {e}"))
}

/// Builds the workbook of consultation `id` into a temporary file, which is deleted
/// when the returned handle is dropped (after the response has streamed it).
///
/// A survey's workbook holds the summary only, suppressed like the report: each
/// person's answers could name them in a small unit.
pub async fn workbook(
    db: &Db,
    id: ConsultationId,
    lang: Lang,
) -> Result<tempfile::NamedTempFile, AppError> {
    let title = title(db, id).await?;
    let summary = super::summary(db, id, lang).await?;
    if summary.survey {
        return tokio::task::spawn_blocking(move || summary_book(&summary, lang))
            .await
            .map_err(|e| AppError::Internal(format!("xlsx task: {e}")))?;
    }
    let items = catalogue(db, id).await?;
    let mut bodies = Box::pin(submitted_bodies(db, id, &items));
    let (tx, rx) = tokio::sync::mpsc::channel::<BodyAnswers>(64);
    let writer = tokio::task::spawn_blocking(move || write(&title, &summary, &items, rx, lang));
    let mut read = Ok(());
    while let Some(body) = bodies.next().await {
        match body {
            Ok(body) => {
                if tx.send(body).await.is_err() {
                    break;
                }
            }
            Err(e) => {
                read = Err(e);
                break;
            }
        }
    }
    drop(tx);
    let written = writer
        .await
        .map_err(|e| AppError::Internal(format!("xlsx task: {e}")))?;
    read?;
    written
}

struct Formats {
    header: Format,
    wrap: Format,
    percent: Format,
    datetime: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xDDE6F0))
                .set_border_bottom(FormatBorder::Thin),
            wrap: Format::new().set_text_wrap(),
            percent: Format::new().set_num_format("0.0%"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
        }
    }
}

fn header_row(sheet: &mut Worksheet, headers: &[&str], format: &Format) -> Result<(), XlsxError> {
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *header, format)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write(
    title: &str,
    summary: &Report,
    items: &[CatalogueItem],
    mut bodies: tokio::sync::mpsc::Receiver<BodyAnswers>,
    lang: Lang,
) -> Result<tempfile::NamedTempFile, AppError> {
    let formats = Formats::new();
    let mut book = Workbook::new();
    for _ in 0..3 {
        book.add_worksheet_with_constant_memory();
    }
    write_summary(
        book.worksheet_from_index(0).map_err(xlsx_error)?,
        summary,
        &formats,
        lang,
    )
    .map_err(xlsx_error)?;
    let (answer_sheets, general_sheets) = book.worksheets_mut().split_at_mut(2);
    let sheet = &mut answer_sheets[1];
    let general = &mut general_sheets[0];
    sheet
        .set_name(lang.t(Key::ExportSheetAnswers))
        .map_err(xlsx_error)?;
    general
        .set_name(lang.t(Key::ExportSheetGeneral))
        .map_err(xlsx_error)?;
    header_row(general, &general_comment_headers(lang), &formats.header).map_err(xlsx_error)?;
    for (col, width) in [28, 30, 22, 20, 80, 17].into_iter().enumerate() {
        general
            .set_column_width(col as u16, width)
            .map_err(xlsx_error)?;
    }
    let mut general_row: u32 = 1;
    let headers = answer_headers(lang);
    header_row(sheet, &headers, &formats.header).map_err(xlsx_error)?;
    for (col, width) in [28, 30, 22, 20, 24, 7, 60, 10, 60, 17]
        .into_iter()
        .enumerate()
    {
        sheet
            .set_column_width(col as u16, width)
            .map_err(xlsx_error)?;
    }
    let mut r: u32 = 1;
    while let Some(body) = bodies.blocking_recv() {
        if !body.general_comment.is_empty() {
            let cells = [title, &body.body, &body.group_name, &body.unit];
            for (col, text) in cells.into_iter().enumerate() {
                general
                    .write_string(general_row, col as u16, text)
                    .map_err(xlsx_error)?;
            }
            general
                .write_string_with_format(general_row, 4, &body.general_comment, &formats.wrap)
                .map_err(xlsx_error)?;
            general
                .write_number_with_format(
                    general_row,
                    5,
                    excel_serial(body.submitted_at),
                    &formats.datetime,
                )
                .map_err(xlsx_error)?;
            general_row += 1;
        }
        for (item, (value, comment)) in items.iter().zip(&body.answers) {
            let cells = [
                title,
                &body.body,
                &body.group_name,
                &body.unit,
                &item.section,
                &item.code,
            ];
            for (col, text) in cells.into_iter().enumerate() {
                sheet
                    .write_string(r, col as u16, text)
                    .map_err(xlsx_error)?;
            }
            sheet
                .write_string_with_format(r, 6, &item.text, &formats.wrap)
                .map_err(xlsx_error)?;
            sheet
                .write_string(
                    r,
                    7,
                    item.kind.answer_label(lang, value).unwrap_or_default(),
                )
                .map_err(xlsx_error)?;
            sheet
                .write_string_with_format(r, 8, comment, &formats.wrap)
                .map_err(xlsx_error)?;
            sheet
                .write_number_with_format(r, 9, excel_serial(body.submitted_at), &formats.datetime)
                .map_err(xlsx_error)?;
            r += 1;
        }
    }
    saved(&mut book)
}

/// A workbook of the summary sheet alone.
fn summary_book(summary: &Report, lang: Lang) -> Result<tempfile::NamedTempFile, AppError> {
    let mut book = Workbook::new();
    write_summary(book.add_worksheet(), summary, &Formats::new(), lang).map_err(xlsx_error)?;
    saved(&mut book)
}

/// The workbook written to a temporary file, which is deleted when the handle is
/// dropped.
fn saved(book: &mut Workbook) -> Result<tempfile::NamedTempFile, AppError> {
    let file = tempfile::NamedTempFile::new().map_err(|e| AppError::Internal(e.to_string()))?;
    book.save(file.path()).map_err(xlsx_error)?;
    Ok(file)
}

fn write_summary(
    sheet: &mut Worksheet,
    report: &Report,
    formats: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(lang.t(Key::ExportSheetSummary))?;
    let layout = SummaryLayout::of(report, lang);
    let headers = layout.headers(report, lang);
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    header_row(sheet, &headers, &formats.header)?;
    sheet.set_freeze_panes(1, 3)?;
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 7)?;
    sheet.set_column_width(2, 60)?;
    for col in 3..headers.len() {
        sheet.set_column_width(col as u16, 12)?;
    }
    sheet.set_column_width(headers.len() as u16 - 1, 60)?;
    for (i, item) in report.items.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, &item.section)?;
        sheet.write_string(r, 1, &item.code)?;
        sheet.write_string_with_format(r, 2, &item.text, &formats.wrap)?;
        match &item.overall {
            Some(tally) => sheet.write_number(r, 3, tally.total())?,
            None => sheet.write_string(r, 3, layout.suppressed())?,
        };
        let mut col: u16 = 4;
        for cell in layout.cells(item, lang) {
            match cell {
                SummaryCell::Count(count, share) => {
                    sheet.write_number(r, col, count)?;
                    sheet.write_number_with_format(
                        r,
                        col + 1,
                        f64::from(share) / 1000.0,
                        &formats.percent,
                    )?;
                }
                SummaryCell::Absent => {}
                SummaryCell::Suppressed => {
                    sheet.write_string(r, col, layout.suppressed())?;
                }
            }
            col += 2;
        }
        sheet.write_string_with_format(r, col, &item.note, &formats.wrap)?;
    }
    Ok(())
}
