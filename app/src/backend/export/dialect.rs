//! How a CSV file is spelled for its reader: Danish Excel, or standard RFC 4180.
//! And what makes a text cell safe to open in a spreadsheet.

use std::borrow::Cow;

/// The CSV dialect of an export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CsvDialect {
    /// What Danish Excel opens with a double click: UTF-8 with BOM (without it Excel
    /// reads Windows-1252 and garbles æøå), `;` between fields (the comma is the
    /// decimal separator), CRLF, decimal comma.
    #[default]
    DanishExcel,
    /// RFC 4180: UTF-8 without BOM, `,`, CRLF, decimal point.
    Standard,
}

impl CsvDialect {
    /// From the `format` query parameter; Danish Excel unless `standard` is asked for.
    pub fn parse(raw: Option<&str>) -> Self {
        match raw {
            Some("standard" | "rfc4180") => Self::Standard,
            _ => Self::DanishExcel,
        }
    }

    pub fn delimiter(self) -> u8 {
        match self {
            Self::DanishExcel => b';',
            Self::Standard => b',',
        }
    }

    /// What the file starts with.
    pub fn preamble(self) -> &'static [u8] {
        match self {
            Self::DanishExcel => "\u{feff}".as_bytes(),
            Self::Standard => b"",
        }
    }

    /// A share in tenths of a per cent (423) as the dialect writes 42.3.
    pub fn percent(self, permille: u32) -> String {
        let sep = match self {
            Self::DanishExcel => ',',
            Self::Standard => '.',
        };
        format!("{}{sep}{}", permille / 10, permille % 10)
    }

    /// A CSV writer for this dialect over `out`.
    pub fn writer<W: std::io::Write>(self, out: W) -> CsvOut<W> {
        CsvOut(
            csv::WriterBuilder::new()
                .delimiter(self.delimiter())
                .terminator(csv::Terminator::CRLF)
                .quote_style(csv::QuoteStyle::Never)
                .from_writer(out),
        )
    }
}

/// A CSV writer whose every field, header cells included, is safe to open in a
/// spreadsheet whichever separator the spreadsheet assumes: a Danish file may be
/// opened as comma-separated, and a standard one as semicolon-separated.
pub struct CsvOut<W: std::io::Write>(csv::Writer<W>);

impl<W: std::io::Write> CsvOut<W> {
    pub fn write_record<I, T>(&mut self, record: I) -> Result<(), csv::Error>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        self.0.write_record(
            record
                .into_iter()
                .map(|field| cell(field.as_ref()).into_owned()),
        )
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// A field as written: [`neutralise`]d, and quoted when it holds either separator, a
/// quote, a tab or a line break — not only this dialect's separator, so the other
/// one cannot split it either. (The writer itself quotes nothing.)
fn cell(text: &str) -> Cow<'_, str> {
    let safe = neutralise(text);
    if safe.contains([';', ',', '"', '\t', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", safe.replace('"', "\"\"")))
    } else {
        safe
    }
}

/// Makes a text cell inert in a spreadsheet: a cell that starts with `=`, `+`, `-`,
/// `@`, tab, CR or LF could be read as a formula (CSV injection, OWASP), so it gets a
/// leading apostrophe, which Excel and LibreOffice show as text. The same goes for
/// what follows a `;` or `,` inside the cell (past any quotes): opened with that
/// separator, the cell splits there, and the piece would start a field of its own.
fn neutralise(text: &str) -> Cow<'_, str> {
    let risky = |c: char| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | '\n');
    let mut out = String::new();
    let mut field_start = true;
    let mut copied = 0;
    for (i, c) in text.char_indices() {
        if field_start && risky(c) {
            out.push_str(&text[copied..i]);
            out.push('\'');
            copied = i;
        }
        field_start = matches!(c, ';' | ',') || (field_start && c == '"');
    }
    if copied == 0 && !text.starts_with(risky) {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starters_are_neutralised_and_other_text_is_kept() {
        for risky in [
            "=1+1",
            "+45 12 34 56",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "\nx",
        ] {
            assert_eq!(neutralise(risky), format!("'{risky}"));
        }
        for safe in ["Enig", "", "1+1", "Æbler = pærer", "'allerede"] {
            assert_eq!(neutralise(safe), safe);
        }
    }

    #[test]
    fn percent_uses_the_dialects_decimal_separator() {
        assert_eq!(CsvDialect::DanishExcel.percent(423), "42,3");
        assert_eq!(CsvDialect::Standard.percent(1000), "100.0");
        assert_eq!(CsvDialect::Standard.percent(5), "0.5");
    }

    #[test]
    fn danish_excel_is_the_default() {
        assert_eq!(CsvDialect::parse(None), CsvDialect::DanishExcel);
        assert_eq!(CsvDialect::parse(Some("excel")), CsvDialect::DanishExcel);
        assert_eq!(CsvDialect::parse(Some("standard")), CsvDialect::Standard);
    }

    fn written(dialect: CsvDialect, records: &[&[&str]]) -> String {
        let mut bytes = Vec::new();
        let mut w = dialect.writer(&mut bytes);
        for record in records {
            w.write_record(*record).unwrap();
        }
        w.flush().unwrap();
        drop(w);
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn the_excel_dialect_writes_semicolons_and_crlf_and_quotes_when_needed() {
        let text = written(
            CsvDialect::DanishExcel,
            &[
                &["a;b", "c\"d", "e"],
                &["æ", "", "linje 1\nlinje 2"],
                &["1,5", "x", ""],
            ],
        );
        assert_eq!(
            text,
            "\"a;b\";\"c\"\"d\";e\r\næ;;\"linje 1\nlinje 2\"\r\n\"1,5\";x;\r\n"
        );
    }

    #[test]
    fn what_follows_a_separator_inside_a_cell_is_neutralised_too() {
        assert_eq!(neutralise("ok,=2+2"), "ok,'=2+2");
        assert_eq!(neutralise("ok;=1+1"), "ok;'=1+1");
        assert_eq!(neutralise("x;\"@SUM(A1)"), "x;\"'@SUM(A1)");
        assert_eq!(neutralise("=a,-b"), "'=a,'-b");
        assert_eq!(neutralise("fordele, - ulemper"), "fordele, - ulemper");
    }

    /// Every field a spreadsheet could make of `text`, opened with `separator`.
    fn fields(text: &str, separator: u8) -> Vec<String> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(separator)
            .from_reader(text.as_bytes())
            .records()
            .flat_map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
            .collect()
    }

    #[test]
    fn no_field_starts_a_formula_whichever_separator_opens_the_file() {
        let hostile: &[&str] = &[
            "ok,=2+2",
            "ok;=1+1",
            "=HYPERLINK(\"http://x\";\"y\")",
            "a\";=1+1",
            "Gruppe,@SUM(A1)",
            "-5;+3,=1",
        ];
        for dialect in [CsvDialect::DanishExcel, CsvDialect::Standard] {
            let text = written(
                dialect,
                &[hostile, &["Enig", "1,5", "Bemærkning", "", "", ""]],
            );
            for separator in [b';', b','] {
                for field in fields(&text, separator) {
                    assert!(
                        !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{dialect:?} opened with {}: {field:?}",
                        separator as char
                    );
                }
            }
        }
    }
}
