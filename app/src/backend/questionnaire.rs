//! A consultation's questionnaire as the respondent's page, the save and the receipt
//! read it — its sections, its items with their rules, and its languages — kept in
//! memory per catalogue version.
//!
//! Every page view and every save needs the whole questionnaire, which changes only
//! when the administration edits it; reading it afresh cost four statements per
//! respondent on the one writer connection. `consultation.catalogue_version` is moved
//! by the database's own triggers on every change to a section, an item, a language
//! or a translation, and is read with the link anyway, so each instance serves a
//! cached questionnaire exactly as long as it is the stored one.

use super::catalogue::StoredItem;
use super::error::AppError;
use super::form::ItemRule;
use super::translation;
use crate::model::logic::Asked;
use crate::model::{ConsultationId, ItemId, LangTag, SectionId};
use sqlx::AnyConnection;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// At most this many questionnaires are held; past it the cache starts afresh. A
/// municipality has a few dozen consultations open at once.
const CAPACITY: usize = 256;

#[derive(Debug, sqlx::FromRow)]
pub struct Section {
    pub id: SectionId,
    pub title: String,
    pub description: String,
}

/// One consultation's questionnaire at one catalogue version.
#[derive(Debug)]
pub struct Questionnaire {
    pub sections: Vec<Section>,
    /// In catalogue order.
    pub items: Vec<StoredItem>,
    /// What validation checks each answer against.
    pub rules: HashMap<ItemId, ItemRule>,
    /// The items as the skip logic sees them, in catalogue order.
    pub asked: Vec<Asked>,
    /// Danish first, then the others offered.
    pub languages: Vec<LangTag>,
}

impl Questionnaire {
    async fn load(
        conn: &mut AnyConnection,
        consultation_id: ConsultationId,
    ) -> Result<Self, AppError> {
        let sections: Vec<Section> = sqlx::query_as(
            "SELECT id, title, description FROM section WHERE consultation_id = $1 ORDER BY position",
        )
        .bind(consultation_id)
        .fetch_all(&mut *conn)
        .await?;
        let items: Vec<StoredItem> = sqlx::query_as(
            "SELECT i.id, i.section_id, i.code, i.text, i.kind, i.options_json, i.max_choices,
                    CAST(i.allow_comment AS INTEGER) AS allow_comment,
                    CAST(i.required AS INTEGER) AS required, i.show_if_item, i.show_if_any
             FROM item i JOIN section s ON s.id = i.section_id
             WHERE i.consultation_id = $1 ORDER BY s.position, i.position",
        )
        .bind(consultation_id)
        .fetch_all(&mut *conn)
        .await?;
        let languages = translation::languages(conn, consultation_id).await?;
        let mut rules = HashMap::with_capacity(items.len());
        let mut asked = Vec::with_capacity(items.len());
        for item in &items {
            let kind = item.item_kind()?;
            rules.insert(
                item.id,
                ItemRule {
                    code: item.code.clone(),
                    kind: kind.clone(),
                    allow_comment: item.allow_comment,
                },
            );
            asked.push(Asked {
                id: item.id,
                kind,
                condition: item.condition(),
            });
        }
        Ok(Self {
            sections,
            items,
            rules,
            asked,
            languages,
        })
    }
}

/// Each consultation's questionnaire held, with the catalogue version it is of.
type Held = HashMap<ConsultationId, (i64, Arc<Questionnaire>)>;

/// The questionnaires this instance holds, by consultation; cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct Questionnaires {
    held: Arc<Mutex<Held>>,
}

impl Questionnaires {
    /// Consultation `id`'s questionnaire at `version` (its `catalogue_version`, read on
    /// `conn` before this), read through `conn` when not held. The respondent's
    /// transactions never change the catalogue, so what any of them reads is what is
    /// committed at `version` or later; and a later version is always read afresh.
    pub async fn get(
        &self,
        conn: &mut AnyConnection,
        id: ConsultationId,
        version: i64,
    ) -> Result<Arc<Questionnaire>, AppError> {
        if let Some(held) = self.held(id, version) {
            return Ok(held);
        }
        let loaded = Arc::new(Questionnaire::load(conn, id).await?);
        self.hold(id, version, loaded.clone());
        Ok(loaded)
    }

    fn hold(&self, id: ConsultationId, version: i64, questionnaire: Arc<Questionnaire>) {
        let mut held = self.lock();
        if held.len() >= CAPACITY && !held.contains_key(&id) {
            held.clear();
        }
        held.insert(id, (version, questionnaire));
    }

    fn held(&self, id: ConsultationId, version: i64) -> Option<Arc<Questionnaire>> {
        self.lock()
            .get(&id)
            .filter(|(v, _)| *v == version)
            .map(|(_, q)| q.clone())
    }

    /// The map; a panic elsewhere while it was held leaves nothing half-done in it.
    fn lock(&self) -> std::sync::MutexGuard<'_, Held> {
        self.held.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty() -> Arc<Questionnaire> {
        Arc::new(Questionnaire {
            sections: Vec::new(),
            items: Vec::new(),
            rules: HashMap::new(),
            asked: Vec::new(),
            languages: vec![LangTag::danish()],
        })
    }

    #[test]
    fn a_questionnaire_is_served_only_at_the_version_it_was_read_at() {
        let held = Questionnaires::default();
        let (plan, other) = (ConsultationId::new(7), ConsultationId::new(8));
        held.hold(plan, 3, empty());
        assert!(held.held(plan, 3).is_some());
        assert!(
            held.held(plan, 4).is_none(),
            "a changed catalogue is read afresh"
        );
        assert!(held.held(other, 3).is_none());
        held.hold(plan, 4, empty());
        assert!(held.held(plan, 3).is_none(), "the older one is replaced");
        assert!(held.held(plan, 4).is_some());
    }

    #[test]
    fn past_its_capacity_the_cache_starts_afresh() {
        let held = Questionnaires::default();
        for n in 0..CAPACITY as i64 {
            held.hold(ConsultationId::new(n + 1), 0, empty());
        }
        assert_eq!(held.lock().len(), CAPACITY);
        held.hold(ConsultationId::new(1), 1, empty());
        assert_eq!(held.lock().len(), CAPACITY, "a new version of one held");
        held.hold(ConsultationId::new(CAPACITY as i64 + 1), 0, empty());
        assert_eq!(held.lock().len(), 1);
    }
}
