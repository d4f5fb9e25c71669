//! Fuzzing of what strangers' bytes reach: the sheet importer (CSV and XLSX), the
//! respondent's form, the administrators' markdown, and the token and cookie readers.
//! Whatever comes in, they answer with a value or a refusal and never panic.
//!
//! Property tests rather than `cargo fuzz`: they run on the stable toolchain with the
//! rest of the unit tests (256 cases each), and `scripts/fuzz.sh` runs each for ten
//! minutes with fresh random seeds. The importer is fed mutations of real sheets — the
//! committed samples in `testdata/` (Danish Excel's semicolons, a BOM, Windows-1252)
//! and an XLSX with formulas made here — as well as bytes from nothing.

use super::form::{parse_pairs, validate, ItemRule};
use super::{import, markdown, sheet, token};
use crate::model::{ItemId, ItemKind};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

/// The seed corpus: every sample sheet in `testdata/`, and an XLSX with formulas,
/// numbers, dates and Danish text.
fn seeds() -> Vec<Vec<u8>> {
    let dir = format!("{}/../testdata", env!("CARGO_MANIFEST_DIR"));
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .expect("testdata")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "csv"))
        .map(|path| std::fs::read(path).expect("seed"))
        .collect();
    seeds.push(xlsx_seed());
    seeds
}

fn xlsx_seed() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows = [
        ["Område", "Kode", "Tekst", "Type"],
        ["Trivsel", "T1", "Mit barn trives i skolen", "likert5"],
        [
            "Læring",
            "L1",
            "Lektierne er passende — ikke for mange",
            "agree_disagree",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *text).unwrap();
        }
    }
    sheet.write_formula(3, 0, "=A2&\" og \"&A3").unwrap();
    sheet.write_number(3, 1, 4.5).unwrap();
    sheet.write_formula(3, 2, "=1/0").unwrap();
    book.save_to_buffer().unwrap()
}

/// One change to a seed: a byte replaced, inserted or removed, or the tail cut off.
#[derive(Clone, Debug)]
enum Mutation {
    Replace(usize, u8),
    Insert(usize, u8),
    Remove(usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Replace(at, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Insert(at, b)),
        any::<usize>().prop_map(Mutation::Remove),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Replace(at, b) if !bytes.is_empty() => bytes[at % len] = b,
            Mutation::Insert(at, b) => bytes.insert(at % (bytes.len() + 1), b),
            Mutation::Remove(at) if !bytes.is_empty() => {
                bytes.remove(at % len);
            }
            Mutation::Truncate(at) => bytes.truncate(at % len),
            _ => {}
        }
    }
    bytes
}

/// Reads a sheet as the import does, and both importers over what it read.
fn import(bytes: &[u8]) {
    if let Ok(table) = sheet::read(bytes) {
        let _ = import::bodies(&table, &HashSet::new());
        let _ = import::items(&table);
    }
}

/// Field names as the form uses them, and some that are nearly so.
fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        (prop::sample::select(vec!["v", "c", "f", "m"]), 0i64..8)
            .prop_map(|(s, n)| format!("{s}{n}")),
        prop::sample::select(vec![
            "gc",
            "gf",
            "intent",
            "side",
            "v",
            "v-1",
            "v99999999999999999999"
        ])
        .prop_map(str::to_owned),
        ".{0,12}",
    ]
}

fn rules() -> HashMap<ItemId, ItemRule> {
    let kinds = [
        ItemKind::AgreeDisagree,
        ItemKind::Likert5,
        ItemKind::Nps,
        ItemKind::Text,
        ItemKind::Single {
            options: vec!["Skole".into(), "Dagtilbud".into()],
        },
        ItemKind::Multi {
            options: vec!["A".into(), "B, C".into(), "Æ".into()],
            max: Some(2),
        },
    ];
    kinds
        .into_iter()
        .enumerate()
        .map(|(n, kind)| {
            let id = ItemId::new(n as i64 + 1);
            let rule = ItemRule {
                code: format!("K{n}"),
                kind,
                allow_comment: n % 2 == 0,
            };
            (id, rule)
        })
        .collect()
}

proptest! {
    #[test]
    fn a_mutated_sheet_is_read_or_refused(
        seed in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..24),
    ) {
        let seeds = seeds();
        let bytes = mutate(seeds[seed.index(seeds.len())].clone(), &mutations);
        import(&bytes);
    }

    #[test]
    fn any_bytes_as_a_sheet_are_read_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        import(&bytes);
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&bytes);
        import(&zip);
    }

    #[test]
    fn any_form_is_parsed_and_checked_or_refused(
        pairs in prop::collection::vec((field_name(), ".{0,40}"), 0..40),
    ) {
        if let Ok(form) = parse_pairs(&pairs) {
            let _ = validate(&form.fields, &rules());
        }
    }

    #[test]
    fn any_markdown_renders_without_raw_html(text in ".{0,400}") {
        let html = markdown::render(&text);
        prop_assert!(!html.contains("<script"), "{html}");
        let raw = markdown::render(&format!("{text}\n\n<script>alert(1)</script>\n"));
        prop_assert!(!raw.contains("<script"), "{raw}");
    }

    #[test]
    fn any_token_and_cookie_are_read_or_refused(raw in ".{0,200}", bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        prop_assert_eq!(token::hash_token(&raw).len(), 64);
        let mut headers = http::HeaderMap::new();
        if let Ok(value) = http::HeaderValue::from_bytes(&bytes) {
            headers.append(http::header::COOKIE, value);
        }
        if let Ok(value) = http::HeaderValue::from_str(&raw) {
            headers.append(http::header::COOKIE, value);
        }
        let _ = crate::edge::request::session_id(&headers);
        let _ = crate::edge::request::cookie(&headers, "samrad_lang");
    }
}
