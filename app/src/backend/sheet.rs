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
    let table = if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)?
    } else {
        read_csv(&decode(bytes).ok_or_else(|| Problem::new(file(), Msg::FileUnreadable))?)?
    };
    if table.rows.len() <= 1 {
        return Err(Problem::new(file(), Msg::FileEmpty));
    }
    if table.rows.len() - 1 > MAX_ROWS {
        return Err(Problem::with(
            file(),
            Msg::TooManyRows,
            crate::i18n::Lang::Da.number(MAX_ROWS),
        ));
    }
    Ok(table)
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

fn read_xlsx(bytes: &[u8]) -> Result<Table, Problem> {
    use calamine::{Data, Reader, Xlsx};
    let unreadable = || Problem::new("file", Msg::FileUnreadable);
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| unreadable())?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| Problem::new("file", Msg::FileEmpty))?
        .map_err(|_| unreadable())?;
    // A formula that was never calculated (files written by programs, not Excel) has
    // no value to read: say so rather than report the cell as empty.
    if let Some(sheet) = workbook.sheet_names().first().cloned() {
        let formulas = workbook
            .worksheet_formula(&sheet)
            .map_err(|_| unreadable())?;
        for (row, col, formula) in formulas.used_cells() {
            let (r, c) = (
                formulas.start().map_or(0, |s| s.0) as usize + row,
                formulas.start().map_or(0, |s| s.1) as usize + col,
            );
            let empty = matches!(
                range.get_value((r as u32, c as u32)),
                None | Some(Data::Empty)
            );
            if !formula.is_empty() && empty {
                return Err(Problem::with(
                    "file",
                    Msg::FormulaWithoutValue,
                    format!("{}{} (={formula})", column_name(c), r + 1),
                ));
            }
        }
    }
    let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Data::Empty => String::new(),
                Data::String(s) => s.trim().to_owned(),
                Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
                Data::Float(f) => f.to_string(),
                Data::Int(n) => n.to_string(),
                Data::Bool(b) => b.to_string(),
                other => other.to_string(),
            })
            .collect();
        if cells.iter().any(|c| !c.is_empty()) {
            rows.push((first_row + i + 1, cells));
        }
        if rows.len() > MAX_ROWS + 1 {
            break;
        }
    }
    Ok(Table {
        rows,
        separator: None,
    })
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

    #[test]
    fn columns_are_named_as_excel_names_them() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(16_383), "XFD");
    }
}
