//! The autosave engine behind the hydrated respondent page: a queue of changed
//! fields, one request in flight at a time, debounced. Its status is honest: it says
//! "Gemt" only when everything typed has been acknowledged by the server, "Gemmer…"
//! while any change waits or travels, and the page warns before it is left with
//! anything unsaved.

use crate::api::{autosave, ApiError};
use crate::model::{
    Conflict, Field as FieldId, FieldChange, FieldState, FormError, ItemId, SaveReply,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;
use std::time::Duration;

/// One answer field's live state in the browser (`item_id` `None` is the general
/// comment).
#[derive(Clone, Copy)]
pub struct FieldSignals {
    pub item_id: Option<ItemId>,
    pub value: RwSignal<String>,
    pub comment: RwSignal<String>,
    pub fingerprint: RwSignal<String>,
    pub conflict: RwSignal<Option<Conflict>>,
    /// Another member's newer answer was just shown here.
    pub updated_by_other: RwSignal<bool>,
}

impl FieldSignals {
    pub fn new(item_id: Option<ItemId>, state: &FieldState, conflict: Option<Conflict>) -> Self {
        Self {
            item_id,
            value: RwSignal::new(state.value.clone()),
            comment: RwSignal::new(state.comment.clone()),
            fingerprint: RwSignal::new(state.fingerprint.clone()),
            conflict: RwSignal::new(conflict),
            updated_by_other: RwSignal::new(false),
        }
    }

    pub fn show(&self, state: FieldState) {
        self.value.set(state.value);
        self.comment.set(state.comment);
        self.fingerprint.set(state.fingerprint);
    }
}

/// How the last save ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing saved yet on this page view.
    None,
    Saved,
    Failed,
    Conflict,
    Invalid,
    Locked,
}

/// What the status line says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Idle,
    Saving,
    Saved,
    Failed,
    Conflict,
    Invalid,
    Locked,
}

/// The status line as a function of the last outcome and of what is still unsaved:
/// `waiting` — changes typed but not yet sent; `in_flight` — a request travelling.
/// A refusal or a failure stays visible until something new is sent; otherwise any
/// unsaved change means "Gemmer…", and "Gemt" needs nothing unsaved at all.
pub fn status(outcome: Outcome, waiting: bool, in_flight: bool) -> SaveStatus {
    match outcome {
        Outcome::Locked => SaveStatus::Locked,
        Outcome::Failed if !in_flight => SaveStatus::Failed,
        _ if waiting || in_flight => SaveStatus::Saving,
        Outcome::None => SaveStatus::Idle,
        Outcome::Saved => SaveStatus::Saved,
        Outcome::Failed => SaveStatus::Failed,
        Outcome::Conflict => SaveStatus::Conflict,
        Outcome::Invalid => SaveStatus::Invalid,
    }
}

#[derive(Clone, Copy)]
pub struct Autosave {
    token: StoredValue<String>,
    version: RwSignal<i64>,
    fields: StoredValue<Vec<FieldSignals>>,
    pub errors: RwSignal<Vec<FormError>>,
    outcome: RwSignal<Outcome>,
    /// Fields changed and not yet sent.
    pending: RwSignal<BTreeSet<Option<ItemId>>>,
    in_flight: RwSignal<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Autosave {
    pub fn new(
        token: String,
        version: i64,
        fields: Vec<FieldSignals>,
        errors: Vec<FormError>,
    ) -> Self {
        Self {
            token: StoredValue::new(token),
            version: RwSignal::new(version),
            fields: StoredValue::new(fields),
            errors: RwSignal::new(errors),
            outcome: RwSignal::new(Outcome::None),
            pending: RwSignal::new(BTreeSet::new()),
            in_flight: RwSignal::new(false),
            timer: StoredValue::new(None),
        }
    }

    pub fn field(&self, item_id: Option<ItemId>) -> Option<FieldSignals> {
        self.fields
            .with_value(|fields| fields.iter().find(|f| f.item_id == item_id).copied())
    }

    /// What the status line says now (reactive).
    pub fn status(&self) -> SaveStatus {
        status(
            self.outcome.get(),
            !self.pending.read().is_empty(),
            self.in_flight.get(),
        )
    }

    /// Whether anything typed is not yet acknowledged (not reactive: for the
    /// `beforeunload` warning, which only the browser has).
    #[cfg(feature = "hydrate")]
    pub fn unsaved(&self) -> bool {
        self.in_flight.get_untracked() || self.pending.with_untracked(|p| !p.is_empty())
    }

    pub fn is_pending(&self, item_id: Option<ItemId>) -> bool {
        self.pending.with_untracked(|p| p.contains(&item_id))
    }

    /// Notes a change and saves it after `delay` of quiet.
    pub fn schedule(self, item_id: Option<ItemId>, delay: Duration) {
        self.errors
            .update(|errors| errors.retain(|e| !field_of(e.field, item_id)));
        self.pending.update(|p| {
            p.insert(item_id);
        });
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || self.flush(), delay).ok();
        self.timer.set_value(handle);
    }

    /// Drops a field's unsent change (the member took the other member's answer).
    pub fn discard(self, item_id: Option<ItemId>) {
        self.pending.update(|p| {
            p.remove(&item_id);
        });
        self.outcome.set(Outcome::Saved);
    }

    pub fn flush(self) {
        if self.in_flight.get_untracked() {
            return;
        }
        let targets = self.pending.with_untracked(BTreeSet::clone);
        let changes: Vec<FieldChange> = targets
            .iter()
            .filter_map(|id| self.field(*id))
            .map(|f| FieldChange {
                item_id: f.item_id,
                value: f.value.get_untracked(),
                comment: f.comment.get_untracked(),
                fingerprint: f.fingerprint.get_untracked(),
            })
            .collect();
        if changes.is_empty() {
            return;
        }
        // In flight before the fields leave `pending`, so the status never passes
        // through "nothing unsaved" on the way.
        self.in_flight.set(true);
        self.pending.set(BTreeSet::new());
        let token = self.token.get_value();
        let since = self.version.get_untracked();
        spawn_local(async move {
            let reply = autosave(token, since, changes.clone()).await;
            self.apply(&changes, reply);
            self.in_flight.set(false);
            if !self.pending.with_untracked(BTreeSet::is_empty)
                && self.outcome.get_untracked() != Outcome::Locked
            {
                self.flush();
            }
        });
    }

    fn requeue(self, changes: &[FieldChange], except: &[Option<ItemId>]) {
        self.pending.update(|p| {
            p.extend(
                changes
                    .iter()
                    .map(|c| c.item_id)
                    .filter(|id| !except.contains(id)),
            );
        });
    }

    fn apply(self, sent: &[FieldChange], reply: Result<SaveReply, ApiError>) {
        match reply {
            Ok(SaveReply::Saved {
                version, updates, ..
            }) => {
                self.version.set(version);
                for update in updates {
                    let Some(field) = self.field(update.item_id) else {
                        continue;
                    };
                    let was_sent = sent.iter().any(|c| c.item_id == update.item_id);
                    if was_sent {
                        // Our own write: keep what is typed, advance the fingerprint.
                        field.fingerprint.set(update.state.fingerprint);
                    } else if !self.is_pending(update.item_id) {
                        field.show(update.state);
                        field.updated_by_other.set(true);
                    }
                }
                self.outcome.set(Outcome::Saved);
            }
            Ok(SaveReply::Conflict { conflicts, .. }) => {
                let ids: Vec<Option<ItemId>> = conflicts.iter().map(|c| c.item_id).collect();
                for conflict in conflicts {
                    if let Some(field) = self.field(conflict.item_id) {
                        field.conflict.set(Some(conflict));
                    }
                }
                self.requeue(sent, &ids);
                self.outcome.set(Outcome::Conflict);
            }
            Ok(SaveReply::Invalid { errors }) => {
                let ids: Vec<Option<ItemId>> = sent
                    .iter()
                    .map(|c| c.item_id)
                    .filter(|id| errors.iter().any(|e| field_of(e.field, *id)))
                    .collect();
                self.errors.update(|all| all.extend(errors));
                self.requeue(sent, &ids);
                self.outcome.set(Outcome::Invalid);
            }
            Ok(SaveReply::Locked) | Err(ApiError::Locked(_)) => self.outcome.set(Outcome::Locked),
            Err(_) => {
                self.requeue(sent, &[]);
                self.outcome.set(Outcome::Failed);
            }
        }
    }
}

/// Whether an error belongs to the field of `item_id` (`None` = general comment).
pub fn field_of(field: FieldId, item_id: Option<ItemId>) -> bool {
    match (field, item_id) {
        (FieldId::Value(a) | FieldId::Comment(a), Some(b)) => a == b,
        (FieldId::GeneralComment, None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_only_when_nothing_is_unsaved() {
        assert_eq!(status(Outcome::Saved, false, false), SaveStatus::Saved);
        // The flake's case: an earlier save succeeded, a later change waits.
        assert_eq!(status(Outcome::Saved, true, false), SaveStatus::Saving);
        assert_eq!(status(Outcome::Saved, false, true), SaveStatus::Saving);
        assert_eq!(status(Outcome::None, true, false), SaveStatus::Saving);
        assert_eq!(status(Outcome::None, false, false), SaveStatus::Idle);
    }

    #[test]
    fn failures_and_refusals_stay_visible() {
        assert_eq!(status(Outcome::Failed, true, false), SaveStatus::Failed);
        assert_eq!(status(Outcome::Failed, true, true), SaveStatus::Saving);
        assert_eq!(status(Outcome::Locked, true, true), SaveStatus::Locked);
        assert_eq!(
            status(Outcome::Conflict, false, false),
            SaveStatus::Conflict
        );
        assert_eq!(status(Outcome::Invalid, true, false), SaveStatus::Saving);
    }
}
