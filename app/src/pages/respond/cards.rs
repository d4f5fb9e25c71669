//! The proposals' cards kept as HTML once rendered, for the next page view that shows
//! the same card.
//!
//! Writing the 42 cards of a hearing is most of a respondent's page view on the server
//! (building each card's view with its closures, then writing some 600 elements with
//! their ids, names and ARIA references), and most cards are the same on every page:
//! a body that opens its link for the first time sees the same blank card as every
//! other body, and an answered one differs only by which answer is checked. So the
//! server keeps each card's HTML under everything it is made of ([`CardKey`]), and
//! writes a card it has written before as the same bytes, without building it. The
//! HTML is the renderer's own — the first page view that shows a card renders it — so
//! the browser hydrates the same markup either way; nothing here writes HTML itself.
//!
//! Kept only for cards that hold nothing of one respondent but a choice among the
//! item's own options: a card with a comment, a free-text answer, an error or another
//! member's conflicting answer is rendered each time, and not kept. The store is
//! bounded (`store::BUDGET`) and starts over when full.

use crate::i18n::Lang;
use crate::model::{Field as FieldId, FormData, ItemKind, ItemView};
use leptos::prelude::*;

/// Everything a card's HTML is made of: the item as it is shown with its answer, the
/// reader's language (the labels and hints) and the content's (the item's `lang`), and
/// whether the card is hidden (skip logic, another page) or can be edited.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
pub struct CardKey {
    lang: Lang,
    content_lang: String,
    hidden: bool,
    editable: bool,
    item: ItemView,
}

impl CardKey {
    /// The key of `item`'s card on `form`, or `None` where the card is not to be kept
    /// (see the module's documentation).
    pub fn of(
        item: &ItemView,
        form: &FormData,
        lang: Lang,
        hidden: bool,
        editable: bool,
    ) -> Option<Self> {
        let own_words = !item.state.comment.is_empty()
            || (item.kind == ItemKind::Text && !item.state.value.is_empty());
        let flagged =
            form.errors.iter().any(
                |e| matches!(e.field, FieldId::Value(id) | FieldId::Comment(id) if id == item.id),
            ) || form.conflicts.iter().any(|c| c.item_id == Some(item.id));
        (!own_words && !flagged).then(|| Self {
            lang,
            content_lang: form.content_lang.clone(),
            hidden,
            editable,
            item: item.clone(),
        })
    }

    /// What the key holds, counted against the store's budget with the HTML.
    #[cfg(feature = "ssr")]
    fn bytes(&self) -> usize {
        let item = &self.item;
        let texts = [
            &item.code,
            &item.text,
            &item.state.value,
            &item.state.fingerprint,
        ];
        let options = item
            .option_labels
            .iter()
            .chain(item.kind.options())
            .chain(item.show_if.iter().flat_map(|c| &c.any_of));
        std::mem::size_of::<Self>()
            + self.content_lang.len()
            + texts.iter().map(|t| t.len()).sum::<usize>()
            + options.map(String::len).sum::<usize>()
    }
}

/// Where a page's cards are written from: on the server the store in the
/// application's state (none where there is no state, as in a unit test); in the
/// browser, nothing, as every card is built to be hydrated.
pub struct Cards {
    #[cfg(feature = "ssr")]
    cache: Option<CardCache>,
}

impl Cards {
    pub fn from_context() -> Self {
        Self {
            #[cfg(feature = "ssr")]
            cache: use_context::<crate::edge::state::AppState>().map(|state| state.cards.clone()),
        }
    }

    /// A card: on the server, written from the store where `key` has been written
    /// before, else `build` rendered and kept; in the browser, `build`'s view (the key
    /// is not made there). `key` is borrowed, so the view does not hold what it reads.
    pub fn card<V, F>(
        &self,
        key: &dyn Fn() -> Option<CardKey>,
        build: F,
    ) -> impl IntoView + use<V, F>
    where
        V: IntoView + 'static,
        F: FnOnce() -> V + Send + 'static,
    {
        #[cfg(feature = "ssr")]
        {
            store::Remembered {
                kept: self.cache.clone().zip(key()),
                owner: Owner::current().unwrap_or_default(),
                build,
            }
        }
        #[cfg(not(feature = "ssr"))]
        {
            let _ = key;
            build()
        }
    }
}

#[cfg(feature = "ssr")]
pub use store::CardCache;

#[cfg(feature = "ssr")]
mod store {
    use super::CardKey;
    use leptos::prelude::*;
    use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{add_attr::AddAnyAttr, Position, PositionState, Render, RenderHtml};
    use std::collections::HashMap;
    use std::sync::{Arc, RwLock};

    /// What the store may hold, keys and HTML together; past it, it starts over. A
    /// card is some 2 kB: room for a few thousand (a hearing's 42 cards in each of
    /// their answers, in a few languages, for several consultations at once).
    pub(super) const BUDGET: usize = 8 << 20;

    /// The cards rendered so far, shared by every request of the server.
    #[derive(Clone, Default)]
    pub struct CardCache(Arc<RwLock<Store>>);

    #[derive(Default)]
    struct Store {
        cards: HashMap<CardKey, Card>,
        bytes: usize,
    }

    /// A card's HTML as the renderer wrote it, with the settings it was written with
    /// and where it left the position of what follows.
    struct Card {
        html: Box<str>,
        escape: bool,
        mark_branches: bool,
        position: Position,
    }

    impl std::fmt::Debug for CardCache {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            let store = self.0.read().unwrap_or_else(|e| e.into_inner());
            f.debug_struct("CardCache")
                .field("cards", &store.cards.len())
                .field("bytes", &store.bytes)
                .finish()
        }
    }

    impl CardCache {
        /// How many cards are kept.
        #[cfg(test)]
        pub fn count(&self) -> usize {
            self.0.read().unwrap_or_else(|e| e.into_inner()).cards.len()
        }

        /// Writes the card kept under `key`, if it was written with the same settings;
        /// false if there is none.
        fn write(
            &self,
            key: &CardKey,
            buf: &mut String,
            position: &mut Position,
            escape: bool,
            mark_branches: bool,
        ) -> bool {
            let store = self.0.read().unwrap_or_else(|e| e.into_inner());
            match store.cards.get(key) {
                Some(card) if card.escape == escape && card.mark_branches == mark_branches => {
                    buf.push_str(&card.html);
                    *position = card.position;
                    true
                }
                _ => false,
            }
        }

        /// Keeps `card` under `key`, unless another page view kept it meanwhile;
        /// starts over when the budget would be passed.
        fn keep(&self, key: CardKey, card: Card) {
            let bytes = key.bytes() + card.html.len();
            let mut store = self.0.write().unwrap_or_else(|e| e.into_inner());
            if store.cards.contains_key(&key) {
                return;
            }
            if store.bytes + bytes > BUDGET {
                store.cards.clear();
                store.bytes = 0;
            }
            store.bytes += bytes;
            store.cards.insert(key, card);
        }
    }

    /// A card to be written from the store, or built, rendered and kept. It waits for
    /// nothing (a card holds no resource), so it resolves to itself.
    pub struct Remembered<F> {
        pub(super) kept: Option<(CardCache, CardKey)>,
        /// The owner the card is built under when it is built: the island's, whose
        /// context (the languages) the card reads.
        pub(super) owner: Owner,
        pub(super) build: F,
    }

    impl<V, F> Remembered<F>
    where
        F: FnOnce() -> V,
    {
        fn view(self) -> V {
            self.owner.with(self.build)
        }
    }

    impl<V, F> Render for Remembered<F>
    where
        V: Render,
        F: FnOnce() -> V,
    {
        type State = V::State;

        fn build(self) -> Self::State {
            self.view().build()
        }

        fn rebuild(self, state: &mut Self::State) {
            self.view().rebuild(state)
        }
    }

    impl<V, F> AddAnyAttr for Remembered<F>
    where
        V: RenderHtml,
        F: FnOnce() -> V + Send,
    {
        type Output<SomeNewAttr: Attribute> = V::Output<SomeNewAttr>;

        fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
        where
            Self::Output<NewAttr>: RenderHtml,
        {
            self.view().add_any_attr(attr)
        }
    }

    impl<V, F> RenderHtml for Remembered<F>
    where
        V: RenderHtml,
        F: FnOnce() -> V + Send + 'static,
    {
        type AsyncOutput = Self;
        type Owned = Self;

        const MIN_LENGTH: usize = V::MIN_LENGTH;

        fn dry_resolve(&mut self) {}

        async fn resolve(self) -> Self::AsyncOutput {
            self
        }

        fn to_html_with_buf(
            self,
            buf: &mut String,
            position: &mut Position,
            escape: bool,
            mark_branches: bool,
            extra_attrs: Vec<AnyAttribute>,
        ) {
            let kept = self.kept.filter(|_| extra_attrs.is_empty());
            if let Some((cache, key)) = &kept {
                if cache.write(key, buf, position, escape, mark_branches) {
                    return;
                }
            }
            let start = buf.len();
            self.owner.with(self.build).to_html_with_buf(
                buf,
                position,
                escape,
                mark_branches,
                extra_attrs,
            );
            if let Some((cache, key)) = kept {
                let card = Card {
                    html: buf[start..].into(),
                    escape,
                    mark_branches,
                    position: *position,
                };
                cache.keep(key, card);
            }
        }

        fn hydrate<const FROM_SERVER: bool>(
            self,
            cursor: &Cursor,
            position: &PositionState,
        ) -> Self::State {
            self.view().hydrate::<FROM_SERVER>(cursor, position)
        }

        fn into_owned(self) -> Self::Owned {
            self
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::store::BUDGET;
    use super::*;
    use crate::model::{Conflict, ErrorCode, FieldState, FormError, ItemId};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    fn item(id: i64, kind: ItemKind, value: &str, comment: &str) -> ItemView {
        ItemView {
            id: ItemId::new(id),
            code: format!("1.{id}"),
            text: "Flere voksne i frikvartererne".into(),
            allow_comment: true,
            kind,
            option_labels: Vec::new(),
            required: false,
            show_if: None,
            state: FieldState {
                value: value.into(),
                comment: comment.into(),
                fingerprint: "f".into(),
            },
        }
    }

    fn form() -> FormData {
        FormData {
            content_lang: "da".into(),
            survey: false,
            anonymous: false,
            lock: None,
            version: 1,
            sections: Vec::new(),
            general: FieldState::default(),
            errors: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    fn key(item: &ItemView, form: &FormData) -> Option<CardKey> {
        CardKey::of(item, form, Lang::Da, false, true)
    }

    #[test]
    fn blank_and_chosen_answers_are_kept_and_a_respondents_own_words_are_not() {
        let form = form();
        assert!(key(&item(1, ItemKind::AgreeDisagree, "", ""), &form).is_some());
        assert!(key(&item(1, ItemKind::AgreeDisagree, "agree", ""), &form).is_some());
        assert!(key(&item(1, ItemKind::Text, "", ""), &form).is_some());
        assert!(key(
            &item(1, ItemKind::AgreeDisagree, "agree", "Vi savner"),
            &form
        )
        .is_none());
        assert!(key(&item(1, ItemKind::Text, "Vi savner", ""), &form).is_none());
        assert_ne!(
            key(&item(1, ItemKind::AgreeDisagree, "", ""), &form),
            key(&item(1, ItemKind::AgreeDisagree, "agree", ""), &form)
        );
        assert_ne!(
            CardKey::of(
                &item(1, ItemKind::Likert5, "", ""),
                &form,
                Lang::Da,
                false,
                true
            ),
            CardKey::of(
                &item(1, ItemKind::Likert5, "", ""),
                &form,
                Lang::En,
                false,
                true
            )
        );
    }

    #[test]
    fn a_card_with_an_error_or_a_conflict_is_not_kept() {
        let blank = item(7, ItemKind::AgreeDisagree, "", "");
        let mut with_error = form();
        with_error.errors.push(FormError {
            field: FieldId::Comment(ItemId::new(7)),
            code: ErrorCode::CommentTooLong { chars: 2001 },
        });
        assert!(key(&blank, &with_error).is_none());
        assert!(key(&item(8, ItemKind::AgreeDisagree, "", ""), &with_error).is_some());
        let mut with_conflict = form();
        with_conflict.conflicts.push(Conflict {
            item_id: Some(ItemId::new(7)),
            code: "1.7".into(),
            theirs: FieldState::default(),
        });
        assert!(key(&blank, &with_conflict).is_none());
    }

    /// Renders a card the way the form does, counting how often it is built.
    fn render(
        cache: &CardCache,
        key: Option<CardKey>,
        builds: &Arc<AtomicUsize>,
        text: &'static str,
    ) -> String {
        let builds = builds.clone();
        let owner = Owner::new();
        owner.with(|| {
            Cards {
                cache: Some(cache.clone()),
            }
            .card(&|| key.clone(), move || {
                builds.fetch_add(1, Ordering::SeqCst);
                view! { <div class="item" id="item-1"><p>{text}</p></div> }
            })
            .to_html()
        })
    }

    #[test]
    fn a_kept_card_is_written_as_it_was_rendered_without_being_built_again() {
        let cache = CardCache::default();
        let builds = Arc::new(AtomicUsize::new(0));
        let blank = key(&item(1, ItemKind::AgreeDisagree, "", ""), &form());
        let first = render(&cache, blank.clone(), &builds, "første");
        assert_eq!(
            first,
            r#"<div id="item-1" class="item"><p>første</p></div>"#
        );
        assert_eq!(render(&cache, blank.clone(), &builds, "anden"), first);
        assert_eq!(builds.load(Ordering::SeqCst), 1);
        let chosen = key(&item(1, ItemKind::AgreeDisagree, "agree", ""), &form());
        assert!(render(&cache, chosen, &builds, "valgt").contains("valgt"));
        assert!(render(&cache, None, &builds, "ikke gemt").contains("ikke gemt"));
        assert_eq!(builds.load(Ordering::SeqCst), 3);
        assert_eq!(cache.count(), 2);
    }

    #[test]
    fn the_store_starts_over_when_its_budget_is_spent() {
        let cache = CardCache::default();
        let builds = Arc::new(AtomicUsize::new(0));
        let long: &'static str = "x".repeat(BUDGET / 2).leak();
        for id in 1..=4 {
            render(
                &cache,
                key(&item(id, ItemKind::Nps, "", ""), &form()),
                &builds,
                long,
            );
        }
        assert_eq!(cache.count(), 1);
        assert_eq!(builds.load(Ordering::SeqCst), 4);
    }
}
