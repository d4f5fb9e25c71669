//! Turning sheet rows into consulted bodies or items, with every problem reported by
//! its row number. Nothing is saved here: the administrator sees a preview first, and
//! a sheet with problems cannot be saved at all (all or nothing).

use super::sheet::Table;
use crate::model::admin::{BodyRow, ItemRow, ItemTranslation, Msg, Problem, ShowIf};
use crate::model::{split_addresses, Email, ItemKind, LangTag};
use std::collections::HashSet;

/// Longest name, group or unit we accept.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest item text we accept.
pub const MAX_ITEM_CHARS: usize = 2_000;

/// A header cell reduced to letters and digits, lower-case, so that "E-mail",
/// "e-mail " and "Email" are the same column.
fn normalise(header: &str) -> String {
    header
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Which column holds what, by the names administrators use in Danish and English.
struct Columns<const N: usize> {
    index: [Option<usize>; N],
}

impl<const N: usize> Columns<N> {
    fn find(header: &[String], names: [&[&str]; N]) -> Self {
        let normalised: Vec<String> = header.iter().map(|h| normalise(h)).collect();
        let index = names.map(|accepted| {
            normalised
                .iter()
                .position(|h| accepted.iter().any(|name| h == name))
        });
        Self { index }
    }

    fn cell<'a>(&self, which: usize, cells: &'a [String]) -> &'a str {
        self.index[which]
            .and_then(|i| cells.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// Cells past the header's width are what an unquoted separator split off the last
/// column; they are put back.
fn rejoin(mut cells: Vec<String>, width: usize, separator: Option<char>) -> Vec<String> {
    if cells.len() > width && width > 0 {
        let extra: Vec<String> = cells.drain(width..).collect();
        let glue = separator.unwrap_or(';').to_string();
        let last = &mut cells[width - 1];
        for piece in extra.into_iter().filter(|p| !p.is_empty()) {
            last.push_str(&glue);
            last.push_str(&piece);
        }
    }
    cells
}

fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

const NAME: &[&str] = &[
    "navn",
    "name",
    "høringspart",
    "hoeringspart",
    "part",
    "body",
];
const GROUP: &[&str] = &[
    "målgruppe",
    "maalgruppe",
    "gruppe",
    "group",
    "kategori",
    "type",
];
const UNIT: &[&str] = &[
    "institution",
    "enhed",
    "unit",
    "skole",
    "dagtilbud",
    "afdeling",
];
const EMAIL: &[&str] = &[
    "email",
    "emails",
    "emailadresse",
    "emailadresser",
    "mail",
    "mails",
    "mailadresse",
];

/// Reads consulted bodies. `existing` holds the lower-cased names already in the
/// consultation, which count as duplicates.
pub fn bodies(table: &Table, existing: &HashSet<String>) -> (Vec<BodyRow>, Vec<Problem>) {
    let mut problems = Vec::new();
    let Some(((_, header), data)) = table.rows.split_first() else {
        return (Vec::new(), vec![Problem::new("file", Msg::FileEmpty)]);
    };
    let columns = Columns::find(header, [NAME, GROUP, UNIT, EMAIL]);
    for (i, label) in [(0, "Navn"), (1, "Målgruppe"), (3, "E-mail")] {
        if columns.index[i].is_none() {
            problems.push(Problem::with("1", Msg::ColumnMissing, label));
        }
    }
    if !problems.is_empty() {
        return (Vec::new(), problems);
    }
    let mut seen: HashSet<String> = existing.clone();
    let mut rows = Vec::new();
    for (row, cells) in data {
        let cells = rejoin(cells.clone(), header.len(), table.separator);
        let at = row.to_string();
        let name = columns.cell(0, &cells).to_owned();
        let group = columns.cell(1, &cells).to_owned();
        let unit = columns.cell(2, &cells).to_owned();
        let mut emails: Vec<String> = Vec::new();
        let before = problems.len();
        if name.is_empty() {
            problems.push(Problem::new(&at, Msg::NameMissing));
        } else if !seen.insert(name.to_lowercase()) {
            problems.push(Problem::with(&at, Msg::DuplicateBody, &name));
        }
        if group.is_empty() {
            problems.push(Problem::new(&at, Msg::GroupMissing));
        }
        for text in [&name, &group, &unit] {
            if too_long(text, MAX_NAME_CHARS) {
                problems.push(Problem::with(&at, Msg::TooLong, MAX_NAME_CHARS.to_string()));
            }
        }
        let pieces = split_addresses(columns.cell(3, &cells));
        if pieces.is_empty() {
            problems.push(Problem::new(&at, Msg::EmailMissing));
        }
        for piece in pieces {
            match Email::parse(piece) {
                Some(email)
                    if !emails
                        .iter()
                        .any(|e| e.eq_ignore_ascii_case(email.as_str())) =>
                {
                    emails.push(email.as_str().to_owned())
                }
                Some(_) => {}
                None => problems.push(Problem::with(&at, Msg::EmailInvalid, piece)),
            }
        }
        if problems.len() == before {
            rows.push(BodyRow {
                row: *row,
                name,
                group,
                unit,
                emails,
            });
        }
    }
    (rows, problems)
}

const SECTION: &[&str] = &[
    "indsatsområde",
    "indsatsomraade",
    "område",
    "omraade",
    "tema",
    "afsnit",
    "section",
    "area",
    "theme",
];
const NUMBER: &[&str] = &["nr", "nummer", "number", "no", "id", "kode", "code"];
const TYPE: &[&str] = &["type", "svartype", "kind"];
const OPTIONS: &[&str] = &["svarmuligheder", "muligheder", "options", "choices"];
const REQUIRED: &[&str] = &["obligatorisk", "påkrævet", "paakraevet", "required"];
const MAX: &[&str] = &["højst", "hoejst", "maks", "max", "maksimum", "maximum"];
const SHOW_IF: &[&str] = &[
    "vishvis",
    "visnår",
    "visnaar",
    "showif",
    "condition",
    "betingelse",
];
const TEXT: &[&str] = &[
    "indsats",
    "tekst",
    "forslag",
    "spørgsmål",
    "text",
    "item",
    "proposal",
    "question",
];

/// An item's kind from its `type`, `svarmuligheder` and `højst` cells: `None` when
/// all are empty (the consultation's own scale); otherwise the kind, with its options
/// for the two choice kinds and the most a multiple choice takes, or the problem and
/// what it is about.
fn kind_of(
    type_cell: &str,
    options_cell: &str,
    max_cell: &str,
) -> Result<Option<ItemKind>, (Msg, String)> {
    kind_from(type_cell, options_cell.split('|'), max_cell)
}

/// [`kind_of`] with the options already apart: the sheet's cell split at `|`, the
/// builder's field at its lines (so there an option may contain a `|`).
pub fn kind_from<'a>(
    type_cell: &str,
    options: impl IntoIterator<Item = &'a str>,
    max_cell: &str,
) -> Result<Option<ItemKind>, (Msg, String)> {
    let options: Vec<String> = options
        .into_iter()
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(str::to_owned)
        .collect();
    let kind = match normalise(type_cell).as_str() {
        "" if options.is_empty() && max_cell.trim().is_empty() => return Ok(None),
        "" => return Err((Msg::OptionsNotAllowed, String::new())),
        "eniguenig" | "enig" | "agreedisagree" => ItemKind::AgreeDisagree,
        "likert5" | "likert" => ItemKind::Likert5,
        "nps" | "enps" | "010" => ItemKind::Nps,
        "enkeltvalg" | "single" | "singlechoice" => ItemKind::Single {
            options: options.clone(),
        },
        "flervalg" | "multi" | "multiplechoice" => ItemKind::Multi {
            options: options.clone(),
            max: at_most(max_cell, options.len())?,
        },
        "tekst" | "fritekst" | "text" => ItemKind::Text,
        _ => return Err((Msg::UnknownType, type_cell.trim().to_owned())),
    };
    if !kind.is_multi() && !max_cell.trim().is_empty() {
        return Err((Msg::MaxNotAllowed, type_cell.trim().to_owned()));
    }
    let is_choice = matches!(kind, ItemKind::Single { .. } | ItemKind::Multi { .. });
    if !is_choice && !options.is_empty() {
        return Err((Msg::OptionsNotAllowed, type_cell.trim().to_owned()));
    }
    if is_choice && options.len() < 2 {
        return Err((Msg::OptionsMissing, String::new()));
    }
    let mut seen = HashSet::new();
    for option in &options {
        if too_long(option, MAX_NAME_CHARS) {
            return Err((Msg::TooLong, MAX_NAME_CHARS.to_string()));
        }
        if !seen.insert(option.to_lowercase()) {
            return Err((Msg::DuplicateOption, option.clone()));
        }
    }
    Ok(Some(kind))
}

/// A multiple choice's `højst` cell: empty (no limit) or a whole number from 1 to
/// the number of options.
fn at_most(cell: &str, options: usize) -> Result<Option<u32>, (Msg, String)> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    match cell.parse::<u32>() {
        Ok(n) if n >= 1 && (n as usize) <= options.max(1) => Ok(Some(n)),
        _ => Err((Msg::MaxInvalid, cell.to_owned())),
    }
}

/// "ja", "x", "1", "yes", "true" or "nej", "0", "no", "false", or empty (no).
fn yes_no(cell: &str) -> Result<bool, String> {
    match normalise(cell).as_str() {
        "ja" | "j" | "x" | "1" | "yes" | "y" | "true" | "sand" => Ok(true),
        "" | "nej" | "n" | "0" | "no" | "false" | "falsk" => Ok(false),
        _ => Err(cell.trim().to_owned()),
    }
}

/// An item's condition from its `vis_hvis` cell (`3=Skole|Dagtilbud`), checked against
/// the rows before it: the number must be an earlier choice item's, and every option
/// one of its options (matched without regard to case, kept as that item spells it).
fn condition(cell: &str, earlier: &[ItemRow]) -> Result<Option<ShowIf>, (Msg, String)> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    let unreadable = || (Msg::ConditionUnreadable, cell.to_owned());
    let (code, options) = cell.split_once('=').ok_or_else(unreadable)?;
    let code = code.trim();
    let wanted: Vec<&str> = options
        .split('|')
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .collect();
    if code.is_empty() || wanted.is_empty() {
        return Err(unreadable());
    }
    let decider = earlier
        .iter()
        .find(|r| r.code == code)
        .ok_or_else(|| (Msg::ConditionUnknownItem, code.to_owned()))?;
    let offered = match &decider.kind {
        Some(ItemKind::Single { options } | ItemKind::Multi { options, .. }) => options,
        _ => return Err((Msg::ConditionNotChoice, code.to_owned())),
    };
    let any_of = wanted
        .iter()
        .map(|w| {
            offered
                .iter()
                .find(|o| o.to_lowercase() == w.to_lowercase())
                .cloned()
                .ok_or_else(|| (Msg::ConditionUnknownOption, (*w).to_owned()))
        })
        .collect::<Result<_, _>>()?;
    Ok(Some(ShowIf {
        code: code.to_owned(),
        any_of,
    }))
}

/// What a translation column holds.
#[derive(Clone, Copy, PartialEq)]
enum Translated {
    Section,
    Text,
    Options,
}

/// The translation columns (`tekst_en`, `svarmuligheder_ar`, `område_so` …): each
/// with its position, what it holds and its language.
fn translation_columns(header: &[String]) -> Result<Vec<(usize, Translated, LangTag)>, Problem> {
    let mut found = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let Some((name, tag)) = cell.trim().split_once('_') else {
            continue;
        };
        let name = normalise(name);
        let part = if SECTION.contains(&name.as_str()) {
            Translated::Section
        } else if TEXT.contains(&name.as_str()) {
            Translated::Text
        } else if OPTIONS.contains(&name.as_str()) {
            Translated::Options
        } else {
            continue;
        };
        let lang = LangTag::parse(tag)
            .filter(|t| !t.is_danish())
            .ok_or_else(|| Problem::with("1", Msg::LanguageTagUnknown, cell.trim()))?;
        found.push((i, part, lang));
    }
    Ok(found)
}

/// A row's translations, checked against its kind: options for all or none.
fn translations(
    columns: &[(usize, Translated, LangTag)],
    cells: &[String],
    kind: Option<&ItemKind>,
) -> Result<Vec<ItemTranslation>, (Msg, String)> {
    let mut out: Vec<ItemTranslation> = Vec::new();
    for (i, part, lang) in columns {
        let cell = cells.get(*i).map(|c| c.trim()).unwrap_or("");
        if cell.is_empty() {
            continue;
        }
        let at = match out.iter().position(|t| t.lang == lang.as_str()) {
            Some(at) => at,
            None => {
                out.push(ItemTranslation {
                    lang: lang.to_string(),
                    section: String::new(),
                    text: String::new(),
                    options: Vec::new(),
                });
                out.len() - 1
            }
        };
        let entry = &mut out[at];
        match part {
            Translated::Section => entry.section = cell.to_owned(),
            Translated::Text => entry.text = cell.to_owned(),
            Translated::Options => {
                entry.options = cell.split('|').map(|o| o.trim().to_owned()).collect();
                if entry.options.len() != kind.map_or(0, |k| k.options().len()) {
                    return Err((Msg::TranslatedOptions, lang.to_string()));
                }
            }
        }
    }
    for t in &out {
        if too_long(&t.text, MAX_ITEM_CHARS) {
            return Err((Msg::TooLong, MAX_ITEM_CHARS.to_string()));
        }
        if too_long(&t.section, MAX_NAME_CHARS)
            || t.options.iter().any(|o| too_long(o, MAX_NAME_CHARS))
        {
            return Err((Msg::TooLong, MAX_NAME_CHARS.to_string()));
        }
    }
    Ok(out)
}

/// Reads items. Rows without a number are numbered after the highest number so far.
pub fn items(table: &Table) -> (Vec<ItemRow>, Vec<Problem>) {
    let mut problems = Vec::new();
    let Some(((_, header), data)) = table.rows.split_first() else {
        return (Vec::new(), vec![Problem::new("file", Msg::FileEmpty)]);
    };
    let columns = Columns::find(
        header,
        [SECTION, NUMBER, TEXT, TYPE, OPTIONS, REQUIRED, SHOW_IF, MAX],
    );
    for (i, label) in [(0, "Indsatsområde"), (2, "Indsats")] {
        if columns.index[i].is_none() {
            problems.push(Problem::with("1", Msg::ColumnMissing, label));
        }
    }
    let languages = translation_columns(header).unwrap_or_else(|problem| {
        problems.push(problem);
        Vec::new()
    });
    if !problems.is_empty() {
        return (Vec::new(), problems);
    }
    let mut codes: HashSet<String> = HashSet::new();
    let mut rows = Vec::new();
    for (row, cells) in data {
        let cells = rejoin(cells.clone(), header.len(), table.separator);
        let at = row.to_string();
        let before = problems.len();
        let section = columns.cell(0, &cells).to_owned();
        let text = columns.cell(2, &cells).to_owned();
        let code = columns.cell(1, &cells).to_owned();
        if section.is_empty() {
            problems.push(Problem::new(&at, Msg::SectionMissing));
        } else if too_long(&section, MAX_NAME_CHARS) {
            problems.push(Problem::with(&at, Msg::TooLong, MAX_NAME_CHARS.to_string()));
        }
        if text.is_empty() {
            problems.push(Problem::new(&at, Msg::TextMissing));
        } else if too_long(&text, MAX_ITEM_CHARS) {
            problems.push(Problem::with(&at, Msg::TooLong, MAX_ITEM_CHARS.to_string()));
        }
        if !code.is_empty() && !codes.insert(code.clone()) {
            problems.push(Problem::with(&at, Msg::DuplicateCode, &code));
        }
        let kind = kind_of(
            columns.cell(3, &cells),
            columns.cell(4, &cells),
            columns.cell(7, &cells),
        )
        .map_err(|(msg, arg)| problems.push(Problem::with(&at, msg, &arg)))
        .unwrap_or(None);
        let required = yes_no(columns.cell(5, &cells))
            .map_err(|arg| problems.push(Problem::with(&at, Msg::NotYesNo, &arg)))
            .unwrap_or(false);
        let show_if = condition(columns.cell(6, &cells), &rows)
            .map_err(|(msg, arg)| problems.push(Problem::with(&at, msg, &arg)))
            .unwrap_or(None);
        let translations = translations(&languages, &cells, kind.as_ref())
            .map_err(|(msg, arg)| problems.push(Problem::with(&at, msg, &arg)))
            .unwrap_or_default();
        if problems.len() == before {
            rows.push(ItemRow {
                row: *row,
                section,
                code,
                text,
                kind,
                required,
                show_if,
                translations,
            });
        }
    }
    let mut next = rows
        .iter()
        .filter_map(|r| r.code.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    for row in rows.iter_mut().filter(|r| r.code.is_empty()) {
        loop {
            next += 1;
            if codes.insert(next.to_string()) {
                break;
            }
        }
        row.code = next.to_string();
    }
    (rows, problems)
}

#[cfg(test)]
mod tests {
    use super::super::sheet::read;
    use super::*;

    fn sample(name: &str) -> Table {
        let bytes = std::fs::read(format!("{}/../testdata/{name}", env!("CARGO_MANIFEST_DIR")))
            .expect("sample sheet");
        read(&bytes).unwrap()
    }

    #[test]
    fn the_sample_bodies_import_with_two_addresses_in_one_cell() {
        let (rows, problems) = bodies(&sample("respondents-sample.csv"), &HashSet::new());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows.len(), 4);
        assert_eq!(
            rows[1].emails,
            vec!["fb.kastanjen@example.dk", "sekretaer.kastanjen@example.dk"]
        );
        assert_eq!(rows[3].unit, "");
        assert_eq!(rows[3].row, 5);
    }

    #[test]
    fn body_problems_are_reported_per_row() {
        let table = read(
            "E-mail;Navn;Målgruppe\n\
             a@x.dk;Bestyrelsen A;Skolebestyrelse\n\
             ;Bestyrelsen B;Skolebestyrelse\n\
             c@x;Bestyrelsen C;Skolebestyrelse\n\
             d@x.dk;;Skolebestyrelse\n\
             e@x.dk;bestyrelsen a;Skolebestyrelse\n\
             f@x.dk;Bestyrelsen F;\n\
             g@x.dk;Nordskolen;MED-udvalg\n"
                .as_bytes(),
        )
        .unwrap();
        let existing = HashSet::from(["nordskolen".to_owned()]);
        let (rows, problems) = bodies(&table, &existing);
        assert_eq!(rows.len(), 1);
        let found: Vec<(&str, Msg)> = problems.iter().map(|p| (p.field.as_str(), p.msg)).collect();
        assert_eq!(
            found,
            vec![
                ("3", Msg::EmailMissing),
                ("4", Msg::EmailInvalid),
                ("5", Msg::NameMissing),
                ("6", Msg::DuplicateBody),
                ("7", Msg::GroupMissing),
                ("8", Msg::DuplicateBody),
            ]
        );
        assert_eq!(problems[1].arg, "c@x");
    }

    #[test]
    fn a_missing_column_is_named() {
        let table = read("Navn;Institution\nA;B\n".as_bytes()).unwrap();
        let (_, problems) = bodies(&table, &HashSet::new());
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].arg, "Målgruppe");
        assert_eq!(problems[1].arg, "E-mail");
    }

    #[test]
    fn the_sample_items_import_in_any_encoding() {
        for name in [
            "items-sample-utf8.csv",
            "items-sample-bom.csv",
            "items-sample-windows1252.csv",
        ] {
            let (rows, problems) = items(&sample(name));
            assert!(problems.is_empty(), "{name}: {problems:?}");
            assert_eq!(rows.len(), 5, "{name}");
            assert_eq!(rows[0].section, "Gode overgange");
            assert_eq!(rows[0].code, "1");
            assert!(rows[2].text.starts_with("Sprogvurdering af alle 3-årige"));
        }
    }

    #[test]
    fn translations_come_from_columns_named_by_language() {
        let table = read(
            "område;nr;tekst;type;svarmuligheder;tekst_en;svarmuligheder_en;område_ar;tekst_ar\n\
             Om dig;1;Hvilket tilbud?;enkeltvalg;Dagtilbud|Skole;Which service?;Daycare|School;عن طفلك;أين؟\n\
             Trivsel;2;Mit barn trives.;likert5;;My child thrives.;;;\n\
             Fejl;3;Hvad bruger I?;flervalg;SFO|Klub;What do you use?;Club;;\n"
                .as_bytes(),
        )
        .unwrap();
        let (rows, problems) = items(&table);
        let first = &rows[0].translations;
        assert_eq!(first.len(), 2);
        assert_eq!(
            (
                first[0].lang.as_str(),
                first[0].text.as_str(),
                first[0].options.len()
            ),
            ("en", "Which service?", 2)
        );
        assert_eq!(
            (first[1].lang.as_str(), first[1].section.as_str()),
            ("ar", "عن طفلك")
        );
        assert_eq!(rows[1].translations.len(), 1, "only English for row 3");
        let found: Vec<(&str, Msg, &str)> = problems
            .iter()
            .map(|p| (p.field.as_str(), p.msg, p.arg.as_str()))
            .collect();
        assert_eq!(found, vec![("4", Msg::TranslatedOptions, "en")]);

        let bad = read("område;tekst;tekst_arabisk\nA;B;C\n".as_bytes()).unwrap();
        let (_, problems) = items(&bad);
        assert_eq!(problems[0].msg, Msg::LanguageTagUnknown);
        assert_eq!(problems[0].arg, "tekst_arabisk");
    }

    #[test]
    fn conditions_name_an_earlier_choice_and_its_options() {
        let table = read(
            "område;nr;tekst;type;svarmuligheder;vis_hvis\n\
             Om dig;1;Hvilket tilbud?;enkeltvalg;Dagtilbud|Skole;\n\
             Skole;2;Mit barn trives i klassen.;likert5;;1=skole\n\
             Begge;3;Trives?;likert5;;1 = Dagtilbud | Skole\n\
             Fejl;4;A;likert5;;1\n\
             Fejl;5;B;likert5;;9=Skole\n\
             Fejl;6;C;likert5;;2=Skole\n\
             Fejl;7;D;likert5;;1=Klub\n\
             Fejl;8;E;likert5;;8=Skole\n"
                .as_bytes(),
        )
        .unwrap();
        let (rows, problems) = items(&table);
        assert_eq!(
            rows[1].show_if,
            Some(ShowIf {
                code: "1".into(),
                any_of: vec!["Skole".into()]
            }),
            "the option as the deciding item spells it"
        );
        assert_eq!(rows[2].show_if.as_ref().map(|c| c.any_of.len()), Some(2));
        let found: Vec<(&str, Msg, &str)> = problems
            .iter()
            .map(|p| (p.field.as_str(), p.msg, p.arg.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("5", Msg::ConditionUnreadable, "1"),
                ("6", Msg::ConditionUnknownItem, "9"),
                ("7", Msg::ConditionNotChoice, "2"),
                ("8", Msg::ConditionUnknownOption, "Klub"),
                ("9", Msg::ConditionUnknownItem, "8"),
            ]
        );
    }

    #[test]
    fn survey_items_take_their_kind_options_and_requirement_from_the_sheet() {
        let table = read(
            "område;nr;tekst;type;svarmuligheder;obligatorisk\n\
             Om dig;1;Hvilket tilbud går dit barn i?;enkeltvalg;Dagtilbud | Skole;ja\n\
             Om dig;2;Hvad bruger I?;flervalg;SFO|Klub, fritidscenter|Ingen;\n\
             Trivsel;3;Mit barn trives.;likert5;;nej\n\
             Trivsel;4;Anbefaling;NPS;;\n\
             Trivsel;5;Andet?;tekst;;x\n\
             Trivsel;6;Proposal;;;\n"
                .as_bytes(),
        )
        .unwrap();
        let (rows, problems) = items(&table);
        assert_eq!(problems, vec![]);
        assert_eq!(
            rows[0].kind,
            Some(ItemKind::Single {
                options: vec!["Dagtilbud".into(), "Skole".into()]
            })
        );
        assert!(rows[0].required);
        assert_eq!(
            rows[1].kind.as_ref().map(|k| k.options().len()),
            Some(3),
            "an option may hold a comma"
        );
        assert_eq!(rows[2].kind, Some(ItemKind::Likert5));
        assert_eq!(rows[3].kind, Some(ItemKind::Nps));
        assert!(rows[4].required);
        assert_eq!(rows[5].kind, None, "the consultation's own scale");
    }

    #[test]
    fn bad_kinds_options_and_requirements_are_named_by_row() {
        let table = read(
            "område;tekst;type;svarmuligheder;obligatorisk\n\
             A;x;stjerner;;\n\
             A;x;enkeltvalg;Kun én;\n\
             A;x;likert5;Ja|Nej;\n\
             A;x;flervalg;Ja|ja;\n\
             A;x;tekst;;måske\n"
                .as_bytes(),
        )
        .unwrap();
        let (rows, problems) = items(&table);
        assert!(rows.is_empty());
        assert_eq!(
            problems,
            vec![
                Problem::with("2", Msg::UnknownType, "stjerner"),
                Problem::with("3", Msg::OptionsMissing, ""),
                Problem::with("4", Msg::OptionsNotAllowed, "likert5"),
                Problem::with("5", Msg::DuplicateOption, "ja"),
                Problem::with("6", Msg::NotYesNo, "måske"),
            ]
        );
    }

    #[test]
    fn items_in_english_any_order_numbered_when_unnumbered() {
        let table = read(
            "Text,Area\nFirst proposal,Transitions\nSecond,Transitions\n,Transitions\n".as_bytes(),
        )
        .unwrap();
        let (rows, problems) = items(&table);
        assert_eq!(
            rows.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(),
            ["1", "2"]
        );
        assert_eq!(problems, vec![Problem::new("4", Msg::TextMissing)]);
    }

    #[test]
    fn duplicate_numbers_are_refused() {
        let table = read("Område;Nr;Indsats\nA;1;x\nA;1;y\n".as_bytes()).unwrap();
        let (_, problems) = items(&table);
        assert_eq!(problems, vec![Problem::with("3", Msg::DuplicateCode, "1")]);
    }
}
