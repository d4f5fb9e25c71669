//! E-mail addresses: one newtype, so an address is checked once, wherever it came
//! from (a sheet cell, a form, the command line).

use serde::{Deserialize, Serialize};

/// A syntactically plausible address (`local@domain.tld`), trimmed, with the domain
/// lower-cased. Deliverability is the mail server's business; typos such as a missing
/// `@`, spaces, or a domain without a dot are caught here.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Email(String);

/// The longest address SMTP allows.
const MAX_LEN: usize = 254;

impl Email {
    pub fn parse(raw: &str) -> Option<Self> {
        let trimmed = raw.trim().trim_start_matches("mailto:");
        if trimmed.is_empty() || trimmed.len() > MAX_LEN {
            return None;
        }
        let (local, domain) = trimmed.rsplit_once('@')?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && labels.last().is_some_and(|tld| tld.chars().count() >= 2);
        (local_ok && domain_ok).then(|| Self(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form used to compare addresses and find accounts.
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }
}

/// Splits a cell holding one or more addresses (`a@x.dk, b@x.dk; c@x.dk`), keeping
/// the pieces that are not addresses so they can be reported.
pub fn split_addresses(cell: &str) -> Vec<&str> {
    cell.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses() {
        for ok in [
            "formand@nordskolen.dk",
            " fb.kastanjen@example.dk ",
            "Anne.Holm+hoering@Kommune.DK",
            "æøå@skole.dk",
        ] {
            assert!(Email::parse(ok).is_some(), "{ok}");
        }
        assert_eq!(
            Email::parse("Anne@Kommune.DK").unwrap().as_str(),
            "Anne@kommune.dk"
        );
    }

    #[test]
    fn rejects_typos() {
        for bad in [
            "",
            "formand",
            "formand@",
            "@nordskolen.dk",
            "formand@nordskolen",
            "for mand@skole.dk",
            "a..b@skole.dk",
            "a@skole..dk",
            "a@-skole.dk",
            "a@skole.d",
            "a@b@c.dk",
        ] {
            assert!(Email::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn splits_cells_on_commas_and_semicolons() {
        assert_eq!(
            split_addresses("a@x.dk; b@x.dk,c@x.dk ,"),
            vec!["a@x.dk", "b@x.dk", "c@x.dk"]
        );
    }
}
