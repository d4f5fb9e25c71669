//! A view written into the page's HTML in one piece.
//!
//! Inside a `<Suspense>` a page is rendered as a stream, and every element of it goes
//! through the streaming path, which builds each element's opening and closing tags in
//! a `String` of its own — sized for the bare tag, then grown attribute by attribute —
//! and copies it into the stream's buffer. For the respondent's form (some 600
//! elements with their ids, names and ARIA references) that growing and copying was a
//! tenth of a page view's instructions (callgrind). A view with nothing left to wait
//! for gains nothing from the streaming path: [`Eager`] writes it straight into the
//! stream's buffer, through the same rendering the non-streamed page uses, so the HTML
//! is the same byte for byte. Everything else (building it in the browser, hydrating
//! it) is the wrapped view's own.

use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{add_attr::AddAnyAttr, Position, PositionState, Render, RenderHtml};
use std::future::Future;

/// Wrap a view that waits for nothing (no `Suspense`, no resource inside it).
pub struct Eager<V>(pub V);

impl<V: Render> Render for Eager<V> {
    type State = V::State;

    fn build(self) -> Self::State {
        self.0.build()
    }

    fn rebuild(self, state: &mut Self::State) {
        self.0.rebuild(state)
    }
}

impl<V: AddAnyAttr> AddAnyAttr for Eager<V> {
    type Output<SomeNewAttr: Attribute> = Eager<V::Output<SomeNewAttr>>;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        Eager(self.0.add_any_attr(attr))
    }
}

/// Everything but `to_html_async_with_buf` is the wrapped view's; that one is the
/// trait's own default, which renders with `to_html_with_buf` into the stream's
/// buffer.
impl<V: RenderHtml> RenderHtml for Eager<V> {
    type AsyncOutput = Eager<V::AsyncOutput>;
    type Owned = Eager<V::Owned>;

    const MIN_LENGTH: usize = V::MIN_LENGTH;
    const EXISTS: bool = V::EXISTS;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve()
    }

    fn resolve(self) -> impl Future<Output = Self::AsyncOutput> + Send {
        let view = self.0;
        async move { Eager(view.resolve().await) }
    }

    fn html_len(&self) -> usize {
        self.0.html_len()
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0
            .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs)
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        self.0.hydrate::<FROM_SERVER>(cursor, position)
    }

    fn hydrate_async(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> impl Future<Output = Self::State> {
        self.0.hydrate_async(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        Eager(self.0.into_owned())
    }
}
