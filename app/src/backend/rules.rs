//! Which action a consultation's status allows: the one table every action of the
//! administration consults, and the message a refusal gets.

use crate::model::admin::{Msg, Problem};
use crate::model::ConsultationStatus;

/// What the administration does to a consultation, where its status decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    /// Open a draft, or reopen a closed consultation.
    Open,
    /// Add, move or remove items (correcting an item's text is always allowed).
    ChangeItems,
    /// Remove a body (one with an invitation or an answer is part of the record).
    RemoveBody,
    /// Send a body's invitation again, or replace its link.
    Reinvite,
    /// Remind those who have not submitted.
    Remind,
}

impl Act {
    pub fn allowed_in(self, status: ConsultationStatus) -> bool {
        use ConsultationStatus::{Draft, Open};
        match self {
            Act::Open => status != Open,
            Act::ChangeItems | Act::RemoveBody => status == Draft,
            Act::Reinvite => status != Draft,
            Act::Remind => status == Open,
        }
    }

    /// Why not, in the words the page shows.
    pub fn refusal(self) -> Msg {
        match self {
            Act::Open => Msg::AlreadyOpen,
            Act::ChangeItems | Act::RemoveBody => Msg::NotDraft,
            Act::Reinvite => Msg::NotOpenedYet,
            Act::Remind => Msg::NotOpen,
        }
    }

    /// The refusal as a problem on `field`, or `None` when the status allows it.
    pub fn check(self, status: ConsultationStatus, field: &str) -> Option<Problem> {
        (!self.allowed_in(status)).then(|| Problem::new(field, self.refusal()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ConsultationStatus::{Archived, Closed, Draft, Open};

    #[test]
    fn the_table() {
        let table = [
            (Act::Open, [true, false, true, true]),
            (Act::ChangeItems, [true, false, false, false]),
            (Act::RemoveBody, [true, false, false, false]),
            (Act::Reinvite, [false, true, true, true]),
            (Act::Remind, [false, true, false, false]),
        ];
        for (act, allowed) in table {
            for (status, expected) in [Draft, Open, Closed, Archived].into_iter().zip(allowed) {
                assert_eq!(act.allowed_in(status), expected, "{act:?} in {status:?}");
            }
        }
    }

    #[test]
    fn each_refusal_says_why() {
        assert_eq!(
            Act::Reinvite.check(Draft, "body").unwrap().msg,
            Msg::NotOpenedYet
        );
        assert_eq!(
            Act::Remind.check(Closed, "status").unwrap().msg,
            Msg::NotOpen
        );
        assert_eq!(
            Act::Open.check(Open, "status").unwrap().msg,
            Msg::AlreadyOpen
        );
        assert_eq!(Act::RemoveBody.check(Draft, "body"), None);
    }
}
