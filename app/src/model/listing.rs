//! Long lists in the administration, a page at a time. What the reader searched,
//! filtered and which page they are on lives in the URL's query, so the lists work
//! without JavaScript, can be bookmarked, and the server never renders more than a
//! page however many bodies a consultation has.

use super::admin::BodyState;
use serde::{Deserialize, Serialize};

/// Rows on one page of a list.
pub const PAGE_SIZE: u32 = 50;

/// The query word of the page number (1-based).
pub const PAGE_PARAM: &str = "side";

/// Which rows of a list a page holds, and how many there are in all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageInfo {
    /// 1-based, within `1..=pages()` (a page past the end shows the last).
    pub number: u32,
    /// Rows that match the reader's search and filters.
    pub total: u32,
}

impl PageInfo {
    /// The page asked for, with the total as the database counts it.
    pub fn counted(asked: u32, total: i64) -> Self {
        Self::new(asked, u32::try_from(total).unwrap_or(u32::MAX))
    }

    /// The page asked for, moved into range once the total is known.
    pub fn new(asked: u32, total: u32) -> Self {
        let last = total.div_ceil(PAGE_SIZE).max(1);
        Self {
            number: asked.clamp(1, last),
            total,
        }
    }

    pub fn pages(self) -> u32 {
        self.total.div_ceil(PAGE_SIZE).max(1)
    }

    /// Rows to skip in the database.
    pub fn offset(self) -> u32 {
        (self.number - 1) * PAGE_SIZE
    }

    /// The first and last row shown, 1-based (0, 0 when there is none).
    pub fn shown(self) -> (u32, u32) {
        if self.total == 0 {
            return (0, 0);
        }
        (
            self.offset() + 1,
            (self.offset() + PAGE_SIZE).min(self.total),
        )
    }
}

/// A page number from the query; anything unreadable is the first page.
pub fn parse_page(raw: Option<String>) -> u32 {
    raw.and_then(|p| p.trim().parse().ok()).unwrap_or(1).max(1)
}

/// Which bodies the consultation page lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BodyFilter {
    Is(BodyState),
    /// Everyone who has not submitted: whom a reminder goes to.
    NotSubmitted,
}

impl BodyFilter {
    pub const ALL: [BodyFilter; 5] = [
        BodyFilter::NotSubmitted,
        BodyFilter::Is(BodyState::NotOpened),
        BodyFilter::Is(BodyState::Opened),
        BodyFilter::Is(BodyState::Draft),
        BodyFilter::Is(BodyState::Submitted),
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotSubmitted => "mangler",
            Self::Is(BodyState::NotOpened) => "ikke-aabnet",
            Self::Is(BodyState::Opened) => "aabnet",
            Self::Is(BodyState::Draft) => "kladde",
            Self::Is(BodyState::Submitted) => "indsendt",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == raw)
    }
}

/// The search, filters and page of the bodies list (`?q=&gruppe=&enhed=&status=&side=`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyQuery {
    /// Part of a name or an e-mail address.
    pub search: String,
    pub group: Option<String>,
    pub unit: Option<String>,
    pub state: Option<BodyFilter>,
    pub page: u32,
}

impl BodyQuery {
    pub const SEARCH: &'static str = "q";
    pub const GROUP: &'static str = "gruppe";
    pub const UNIT: &'static str = "enhed";
    pub const STATE: &'static str = "status";

    /// Reads the query, `get` giving a parameter's value; blank means no filter.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let given = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        Self {
            search: given(Self::SEARCH).unwrap_or_default(),
            group: given(Self::GROUP),
            unit: given(Self::UNIT),
            state: given(Self::STATE).and_then(|s| BodyFilter::parse(&s)),
            page: parse_page(get(PAGE_PARAM)),
        }
    }

    /// The query string (with `?`) for page `page` of the same search.
    pub fn query_string(&self, page: u32) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.search.is_empty() {
            pairs.push((Self::SEARCH, self.search.clone()));
        }
        if let Some(group) = &self.group {
            pairs.push((Self::GROUP, group.clone()));
        }
        if let Some(unit) = &self.unit {
            pairs.push((Self::UNIT, unit.clone()));
        }
        if let Some(state) = self.state {
            pairs.push((Self::STATE, state.as_str().to_owned()));
        }
        if page > 1 {
            pairs.push((PAGE_PARAM, page.to_string()));
        }
        encode_query(&pairs)
    }

    /// Whether anything narrows the list.
    pub fn is_filtered(&self) -> bool {
        !self.search.is_empty()
            || self.group.is_some()
            || self.unit.is_some()
            || self.state.is_some()
    }
}

/// `?a=1&b=x%20y`, or "" without pairs.
pub fn encode_query(pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let encoded: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect();
    format!("?{}", encoded.join("&"))
}

fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn pages_stay_in_range_and_say_what_they_show() {
        let page = PageInfo::new(3, 120);
        assert_eq!(page.pages(), 3);
        assert_eq!(page.offset(), 100);
        assert_eq!(page.shown(), (101, 120));
        assert_eq!(PageInfo::new(99, 120).number, 3);
        assert_eq!(PageInfo::new(0, 0).shown(), (0, 0));
        assert_eq!(PageInfo::new(5, 0).number, 1);
        assert_eq!(parse_page(Some("x".into())), 1);
        assert_eq!(parse_page(Some("-4".into())), 1);
    }

    #[test]
    fn the_query_survives_a_round_trip_through_the_url() {
        let query = BodyQuery {
            search: "skole & co".into(),
            group: Some("MED-udvalg".into()),
            unit: None,
            state: Some(BodyFilter::NotSubmitted),
            page: 1,
        };
        let url = query.query_string(4);
        assert_eq!(
            url,
            "?q=skole%20%26%20co&gruppe=MED-udvalg&status=mangler&side=4"
        );
        let params: HashMap<String, String> = url[1..]
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| {
                let bytes = v.as_bytes();
                let mut out = Vec::new();
                let mut i = 0;
                while i < bytes.len() {
                    if bytes[i] == b'%' {
                        out.push(u8::from_str_radix(&v[i + 1..i + 3], 16).unwrap());
                        i += 3;
                    } else {
                        out.push(bytes[i]);
                        i += 1;
                    }
                }
                (k.to_owned(), String::from_utf8(out).unwrap())
            })
            .collect();
        let back = BodyQuery::from_params(|k| params.get(k).cloned());
        assert_eq!(back, BodyQuery { page: 4, ..query });
    }

    #[test]
    fn unknown_filters_are_ignored() {
        let back = BodyQuery::from_params(|k| (k == "status").then(|| "alle".to_owned()));
        assert_eq!(back.state, None);
        assert!(!back.is_filtered());
    }
}
