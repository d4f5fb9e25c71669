//! Reading the sheets administrators already have: CSV as Danish Excel saves it
//! (`;`-separated, Windows-1252 or UTF-8 with a BOM), other CSV dialects (`,` or tab),
//! UTF-16 "Unicode text", and XLSX. The result is plain rows of text with the row
//! numbers Excel shows, so problems can be reported by row.

use crate::model::admin::{Msg, Problem};
use std::io::Cursor;

/// The largest file we read.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The most data rows (after the header) we accept.
pub const MAX_ROWS: usize = 10_000;

/// A sheet's non-empty rows, each with its 1-based row number; the first is the header.
#[derive(Debug, PartialEq)]
pub struct Table {
    pub rows: Vec<(usize, Vec<String>)>,
    /// The CSV separator, so an unquoted separator inside the last column can be put
    /// back; `None` for XLSX.
    pub separator: Option<char>,
}

pub fn read(bytes: &[u8]) -> Result<Table, Problem> {
    let file = || "file".to_owned();
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Problem::with(file(), Msg::FileTooLarge, "5 MB"));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Problem::new(file(), Msg::FileEmpty));
    }
    let mut table = if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)?
    } else {
        read_csv(&decode(bytes).ok_or_else(|| Problem::new(file(), Msg::FileUnreadable))?)?
    };
    // Names and items from a sheet are shown in the report and the memo like comments.
    for cell in table
        .rows
        .iter_mut()
        .flat_map(|(_, cells)| cells.iter_mut())
    {
        cell.retain(|c| !crate::model::is_bidi_control(c));
    }
    if table.rows.len() <= 1 {
        return Err(Problem::new(file(), Msg::FileEmpty));
    }
    if table.rows.len() - 1 > MAX_ROWS {
        return Err(too_many_rows());
    }
    Ok(table)
}

/// [`read`] on a blocking thread: parsing a large sheet takes a while, and the async
/// workers must go on serving meanwhile. A panic in a parser is a file we cannot read.
pub async fn read_off_runtime(bytes: Vec<u8>) -> Result<Table, Problem> {
    tokio::task::spawn_blocking(move || read(&bytes))
        .await
        .unwrap_or_else(|_| Err(unreadable()))
}

fn too_many_rows() -> Problem {
    Problem::with(
        "file",
        Msg::TooManyRows,
        crate::i18n::Lang::Da.number(MAX_ROWS),
    )
}

/// Text from the bytes of a CSV file, or `None` when it is not text at all.
fn decode(bytes: &[u8]) -> Option<String> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8(rest.to_vec()).ok()?
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, _, malformed) = encoding_rs::UTF_16LE.decode(bytes);
        if malformed {
            return None;
        }
        text.into_owned()
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        text.to_owned()
    } else {
        // Danish Excel's "CSV (semikolonsepareret)".
        encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned()
    };
    // Binary garbage decodes "fine" as Windows-1252; real text has next to no control
    // characters besides tabs and line breaks.
    let total = text.chars().count().max(1);
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
        .count();
    if text.contains('\0') || control * 100 / total > 1 {
        None
    } else {
        Some(text)
    }
}

/// The separator that occurs most often in the header line, outside quotes.
fn detect_separator(text: &str) -> char {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(';', 0usize), (',', 0), ('\t', 0)];
    let mut quoted = false;
    for c in header.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(entry) = counts.iter_mut().find(|(s, _)| *s == c) {
                entry.1 += 1;
            }
        }
    }
    // Ties go to `;`, Danish Excel's separator.
    counts
        .iter()
        .max_by_key(|(s, n)| (*n, *s == ';'))
        .map(|(s, _)| *s)
        .unwrap_or(';')
}

fn read_csv(text: &str) -> Result<Table, Problem> {
    let separator = detect_separator(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator as u8)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // Row numbers as Excel shows them: the line the record starts on, counted here
    // because quoted cells may span lines and the reader's own count lags after CRLF.
    let bytes = text.as_bytes();
    let (mut counted_to, mut newlines) = (0usize, 0usize);
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|_| Problem::new("file", Msg::FileUnreadable))?;
        if !more {
            break;
        }
        let mut start = record.position().map(|p| p.byte() as usize).unwrap_or(0);
        while bytes.get(start).is_some_and(|b| *b == b'\n' || *b == b'\r') {
            start += 1;
        }
        newlines += bytes[counted_to..start.min(bytes.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted_to = start.min(bytes.len());
        let line = newlines + 1;
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        if cells.iter().any(|c| !c.is_empty()) {
            rows.push((line, cells));
        }
        if rows.len() > MAX_ROWS + 1 {
            break;
        }
    }
    Ok(Table {
        rows,
        separator: Some(separator),
    })
}

/// The most columns a sheet may use: ours have a handful, and the cap keeps one stray
/// cell far to the right (`XFD1`) from costing memory for every row.
pub const MAX_COLUMNS: usize = 100;
/// The most one part of an XLSX file may hold once unpacked, and all parts together.
/// A file within [`MAX_FILE_BYTES`] can claim (or hold) gigabytes when unpacked.
const MAX_UNPACKED_PART: u64 = 64 * 1024 * 1024;
const MAX_UNPACKED_TOTAL: u64 = 128 * 1024 * 1024;

fn unreadable() -> Problem {
    Problem::new("file", Msg::FileUnreadable)
}

/// Unpacks every part of the file into nothing, counting, before anything is parsed:
/// the sizes a zip declares may lie, the bytes it inflates to do not.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), Problem> {
    use std::io::Read;
    let too_large = || Problem::with("file", Msg::UnpackedTooLarge, "64 MB");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| unreadable())?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let part = archive.by_index(i).map_err(|_| unreadable())?;
        if part.size() > MAX_UNPACKED_PART {
            return Err(too_large());
        }
        let unpacked = std::io::copy(&mut part.take(MAX_UNPACKED_PART + 1), &mut std::io::sink())
            .map_err(|_| unreadable())?;
        total += unpacked;
        if unpacked > MAX_UNPACKED_PART || total > MAX_UNPACKED_TOTAL {
            return Err(too_large());
        }
    }
    Ok(())
}

/// Reads the first worksheet cell by cell, stopping at the caps on rows and columns,
/// so memory follows what the sheet holds, not the range it claims (calamine's
/// `worksheet_range` allocates the whole range: `A1` and `XFD1048576` make 512 GiB).
fn read_xlsx(bytes: &[u8]) -> Result<Table, Problem> {
    use calamine::{Reader, Xlsx};
    check_unpacked_size(bytes)?;
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| unreadable())?;
    let sheet = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| Problem::new("file", Msg::FileEmpty))?;
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    let mut cells = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(|_| unreadable())?;
    while let Some(cell) = cells.next_cell().map_err(|_| unreadable())? {
        let text = cell_text(cell.get_value());
        if text.is_empty() {
            continue;
        }
        let (row, col) = cell.get_position();
        let (row, col) = (row as usize + 1, col as usize);
        if col >= MAX_COLUMNS {
            return Err(Problem::with(
                "file",
                Msg::TooManyColumns,
                MAX_COLUMNS.to_string(),
            ));
        }
        if rows.last().is_none_or(|(r, _)| *r != row) {
            if rows.len() > MAX_ROWS {
                return Err(too_many_rows());
            }
            rows.push((row, Vec::new()));
        }
        if let Some((_, cells)) = rows.last_mut() {
            if cells.len() <= col {
                cells.resize(col + 1, String::new());
            }
            cells[col] = text;
        }
    }
    drop(cells);
    check_formulas(&mut workbook, &sheet, &rows)?;
    // Columns left of the first one used anywhere are not part of the table.
    let first = rows
        .iter()
        .filter_map(|(_, cells)| cells.iter().position(|c| !c.is_empty()))
        .min()
        .unwrap_or(0);
    for (_, cells) in &mut rows {
        cells.drain(..first.min(cells.len()));
    }
    Ok(Table {
        rows,
        separator: None,
    })
}

/// A formula that was never calculated (files written by programs, not Excel) has no
/// value to read: say so rather than read the cell as empty.
fn check_formulas(
    workbook: &mut calamine::Xlsx<Cursor<&[u8]>>,
    sheet: &str,
    rows: &[(usize, Vec<String>)],
) -> Result<(), Problem> {
    let has_value = |row: usize, col: usize| {
        rows.binary_search_by_key(&row, |(r, _)| *r)
            .ok()
            .and_then(|i| rows[i].1.get(col))
            .is_some_and(|c| !c.is_empty())
    };
    let mut cells = workbook
        .worksheet_cells_reader(sheet)
        .map_err(|_| unreadable())?;
    while let Some(cell) = cells.next_formula().map_err(|_| unreadable())? {
        let formula = cell.get_value();
        let (row, col) = cell.get_position();
        let (row, col) = (row as usize + 1, col as usize);
        if !formula.is_empty() && col < MAX_COLUMNS && !has_value(row, col) {
            return Err(Problem::with(
                "file",
                Msg::FormulaWithoutValue,
                format!("{}{row} (={formula})", column_name(col)),
            ));
        }
    }
    Ok(())
}

/// A cell's text as Excel shows it: whole numbers without decimals.
fn cell_text(value: &calamine::DataRef<'_>) -> String {
    use calamine::DataRef;
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.trim().to_owned(),
        DataRef::SharedString(s) => s.trim().to_owned(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::Int(n) => n.to_string(),
        DataRef::Bool(b) => b.to_string(),
        other => calamine::Data::from(other.clone()).to_string(),
    }
}

/// A column's letters as Excel shows them: 0 → A, 25 → Z, 26 → AA.
fn column_name(mut col: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/../testdata/{name}", env!("CARGO_MANIFEST_DIR")))
            .expect("sample sheet")
    }

    #[test]
    fn the_three_encodings_of_the_sample_read_the_same() {
        let utf8 = read(&sample("items-sample-utf8.csv")).unwrap();
        let bom = read(&sample("items-sample-bom.csv")).unwrap();
        let cp1252 = read(&sample("items-sample-windows1252.csv")).unwrap();
        assert_eq!(utf8, bom);
        assert_eq!(utf8, cp1252);
        assert_eq!(utf8.separator, Some(';'));
        assert_eq!(utf8.rows[0].1, vec!["Indsatsområde", "Nr.", "Indsats"]);
        assert!(utf8.rows[1].1[2].contains("skift fra dagtilbud til skole; forældrene"));
        assert_eq!(utf8.rows[1].0, 2);
    }

    #[test]
    fn commas_and_tabs_are_detected() {
        let t = read("Navn,Målgruppe\n\"Bestyrelsen, Nord\",Skole\n".as_bytes()).unwrap();
        assert_eq!(t.separator, Some(','));
        assert_eq!(t.rows[1].1, vec!["Bestyrelsen, Nord", "Skole"]);
        let t = read("Navn\tMålgruppe\nA\tB\n".as_bytes()).unwrap();
        assert_eq!(t.separator, Some('\t'));
    }

    #[test]
    fn row_numbers_skip_blank_lines_but_count_them() {
        let rows = |text: &str| {
            read(text.as_bytes())
                .unwrap()
                .rows
                .iter()
                .map(|r| r.0)
                .collect::<Vec<_>>()
        };
        assert_eq!(rows("a;b\n\n;\nx;y\n"), vec![1, 4]);
        assert_eq!(rows("a;b\r\nx;y\r\n\r\nz;w\r\n"), vec![1, 2, 4]);
        assert_eq!(rows("a;b\n\"two\nlines\";y\nz;w\n"), vec![1, 2, 4]);
    }

    #[test]
    fn garbage_empty_and_huge_files_are_refused() {
        let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect();
        assert_eq!(read(&garbage).unwrap_err().msg, Msg::FileUnreadable);
        assert_eq!(read(b"").unwrap_err().msg, Msg::FileEmpty);
        assert_eq!(read(b"Navn;Gruppe\n").unwrap_err().msg, Msg::FileEmpty);
        assert_eq!(
            read(&vec![b'a'; MAX_FILE_BYTES + 1]).unwrap_err().msg,
            Msg::FileTooLarge
        );
        let many = format!("Navn\n{}", "x\n".repeat(MAX_ROWS + 1));
        assert_eq!(read(many.as_bytes()).unwrap_err().msg, Msg::TooManyRows);
        assert_eq!(
            read(b"PK\x03\x04 not really a zip").unwrap_err().msg,
            Msg::FileUnreadable
        );
    }

    #[test]
    fn xlsx_sheets_are_read_with_numbers_as_written() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Indsatsområde").unwrap();
        sheet.write_string(0, 1, "Nr.").unwrap();
        sheet.write_string(0, 2, "Indsats").unwrap();
        sheet.write_string(1, 0, "Gode overgange").unwrap();
        sheet.write_number(1, 1, 7.0).unwrap();
        sheet
            .write_string(1, 2, "Fælles overgangsbeskrivelse")
            .unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let t = read(&bytes).unwrap();
        assert_eq!(t.separator, None);
        assert_eq!(
            t.rows[1],
            (
                2,
                vec![
                    "Gode overgange".to_owned(),
                    "7".to_owned(),
                    "Fælles overgangsbeskrivelse".to_owned()
                ]
            )
        );
    }

    /// `bytes` with every formula's saved value taken out, as some programs write
    /// files that Excel never calculated.
    fn without_cached_values(bytes: &[u8]) -> Vec<u8> {
        use std::io::{Read, Write};
        let mut input = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut output = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..input.len() {
            let mut entry = input.by_index(i).unwrap();
            let mut content = Vec::new();
            entry.read_to_end(&mut content).unwrap();
            if entry.name().ends_with("sheet1.xml") {
                let xml = String::from_utf8(content).unwrap();
                content = xml.replace("</f><v>0</v>", "</f>").into_bytes();
            }
            output
                .start_file(entry.name(), zip::write::SimpleFileOptions::default())
                .unwrap();
            output.write_all(&content).unwrap();
        }
        output.finish().unwrap().into_inner()
    }

    #[test]
    fn a_formula_without_a_saved_value_is_named_not_called_empty() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Navn").unwrap();
        sheet.write_string(0, 1, "Gruppe").unwrap();
        sheet.write_string(1, 0, "Bestyrelsen").unwrap();
        sheet.write_formula(1, 1, "=UPPER(A2)").unwrap();
        let bytes = without_cached_values(&book.save_to_buffer().unwrap());
        let problem = read(&bytes).unwrap_err();
        assert_eq!(problem.msg, Msg::FormulaWithoutValue);
        assert_eq!(problem.arg, "B2 (=UPPER(A2))");
    }

    /// An XLSX file with `sheet_data` as its only worksheet's `<sheetData>`, as a
    /// hostile or broken program might write it.
    pub fn xlsx_with(sheet_data: &str) -> Vec<u8> {
        use std::io::Write;
        let parts = [
            ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned()),
            ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned()),
            ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned()),
            ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned()),
            ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#)),
        ];
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(9))
            .large_file(true);
        for (name, content) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(content.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn inline(cell: &str, text: &str) -> String {
        format!(r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#)
    }

    #[test]
    fn a_cell_far_away_is_refused_without_allocating_the_range() {
        let two_cells = xlsx_with(&format!(
            r#"<row r="1">{}</row><row r="1048576">{}</row>"#,
            inline("A1", "Navn"),
            inline("XFD1048576", "x")
        ));
        assert!(two_cells.len() < 2_000);
        assert_eq!(read(&two_cells).unwrap_err().msg, Msg::TooManyColumns);
        let far_down = xlsx_with(&format!(
            r#"<row r="1">{}</row><row r="1048576">{}</row>"#,
            inline("A1", "Navn"),
            inline("A1048576", "Bestyrelsen")
        ));
        let table = read(&far_down).unwrap();
        assert_eq!(table.rows[1], (1_048_576, vec!["Bestyrelsen".to_owned()]));
    }

    #[test]
    fn too_many_columns_and_rows_are_refused() {
        let wide: String = (0..16_384)
            .map(|c| inline(&format!("{}1", column_name(c)), "x"))
            .collect();
        let wide = xlsx_with(&format!(r#"<row r="1">{wide}</row>"#));
        assert_eq!(read(&wide).unwrap_err().msg, Msg::TooManyColumns);
        let long: String = (1..=MAX_ROWS + 2)
            .map(|r| format!(r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>"#))
            .collect();
        assert_eq!(read(&xlsx_with(&long)).unwrap_err().msg, Msg::TooManyRows);
    }

    #[test]
    fn a_zip_bomb_is_refused_before_parsing() {
        let bomb = xlsx_with(&" ".repeat(200 * 1024 * 1024));
        assert!(bomb.len() < MAX_FILE_BYTES);
        let problem = read(&bomb).unwrap_err();
        assert_eq!(problem.msg, Msg::UnpackedTooLarge);
    }

    #[test]
    fn columns_left_of_the_table_are_dropped() {
        let sheet = xlsx_with(&format!(
            r#"<row r="2">{}{}</row><row r="3">{}</row>"#,
            inline("B2", "Navn"),
            inline("C2", "Gruppe"),
            inline("C3", "Skole")
        ));
        let table = read(&sheet).unwrap();
        assert_eq!(
            table.rows[0],
            (2, vec!["Navn".to_owned(), "Gruppe".to_owned()])
        );
        assert_eq!(table.rows[1], (3, vec![String::new(), "Skole".to_owned()]));
    }

    #[test]
    fn columns_are_named_as_excel_names_them() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(16_383), "XFD");
    }
}
