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
    pub fn writer<W: std::io::Write>(self, out: W) -> csv::Writer<W> {
        csv::WriterBuilder::new()
            .delimiter(self.delimiter())
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(out)
    }
}

/// Makes a text cell inert in a spreadsheet: a cell that starts with `=`, `+`, `-`,
/// `@`, tab, CR or LF could be read as a formula (CSV injection, OWASP), so it gets a
/// leading apostrophe, which Excel and LibreOffice show as text. Only text cells go
/// through here; numbers are written as numbers.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
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

    #[test]
    fn the_excel_dialect_writes_semicolons_and_crlf_and_quotes_when_needed() {
        let mut w = CsvDialect::DanishExcel.writer(Vec::new());
        w.write_record(["a;b", "c\"d", "e"]).unwrap();
        w.write_record(["æ", "", "linje 1\nlinje 2"]).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(text, "\"a;b\";\"c\"\"d\";e\r\næ;;\"linje 1\nlinje 2\"\r\n");
    }
}
