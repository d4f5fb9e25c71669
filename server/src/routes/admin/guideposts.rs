//! Pejlemærker: periods and guideposts, the administration's themes, quotes,
//! meta-narratives and survey questions per guidepost, and asking a draft for
//! learning stories. Each a plain form post (post/redirect/get).

use super::extract::{Manager, ManagerPost};
use super::reply::{back, settle, settle_back, unprocessable, value, Again, Fields};
use app::backend::now_ms;
use app::backend::stories::{self, Change};
use app::edge::state::AppState;
use app::model::admin::{Msg, Problem, UserView};
use app::model::guidepost::{
    bounded, parse_codes, parse_tags, parse_title, BODY_MAX, NARRATIVE_MAX,
};
use app::model::{ConsultationId, GuidepostId, ItemId, PeriodId, QuoteId, ResponseId};
use axum::extract::{Path, State};
use axum::http::{request::Parts, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/pejlemaerker", post(create_period))
        .route("/admin/pejlemaerker/{period}/nyt", post(add_guidepost))
        .route("/admin/pejlemaerke/{id}", post(edit_guidepost))
        .route("/admin/pejlemaerke/{id}/fortaelling", post(narrative))
        .route("/admin/pejlemaerke/{id}/tal", post(survey))
        .route("/admin/pejlemaerke/{id}/temaer", post(tags))
        .route("/admin/pejlemaerke/{id}/citat", post(quote))
        .route("/admin/pejlemaerke/{id}/citat/fjern", post(unquote))
        .route("/admin/hoering/{id}/historier", post(ask))
}

fn guidepost_page(id: GuidepostId) -> String {
    format!("/admin/pejlemaerke/{id}")
}

async fn create_period(
    State(state): State<AppState>,
    Manager(user): Manager,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let page = "/admin/pejlemaerker";
    let title = match parse_title("title", value(&fields, "title")) {
        Ok(title) => title,
        Err(p) => return unprocessable(&state, parts, page, "period", fields, vec![p]).await,
    };
    let result = stories::create_period(&state.db, &user, &title, now_ms()).await;
    let again = Again {
        state: &state,
        parts,
        page: page.to_owned(),
        form: "period",
        fields,
    };
    settle(result, again, |id| {
        back(
            &format!("/admin/pejlemaerker/{id}"),
            Msg::PeriodCreated,
            None,
        )
    })
    .await
}

/// A guidepost's title and text as typed, each checked.
fn title_and_body(fields: &Fields) -> Result<(String, String), Vec<Problem>> {
    let title = parse_title("title", value(fields, "title"));
    let body = bounded("body", value(fields, "body"), BODY_MAX);
    match (title, body) {
        (Ok(title), Ok(body)) => Ok((title, body)),
        (title, body) => Err(title.err().into_iter().chain(body.err()).collect()),
    }
}

async fn add_guidepost(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(period): Path<PeriodId>,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let page = format!("/admin/pejlemaerker/{period}");
    let (title, body) = match title_and_body(&fields) {
        Ok(typed) => typed,
        Err(problems) => {
            return unprocessable(&state, parts, &page, "guidepost", fields, problems).await
        }
    };
    match stories::add_guidepost(&state.db, &user, period, &title, &body, now_ms()).await {
        Ok(_) => back(&page, Msg::GuidepostAdded, None),
        Err(e) => e.into_response(),
    }
}

/// Applies `change` to guidepost `id`; a refusal shows `form` again on `page`.
async fn apply(
    state: &AppState,
    user: &UserView,
    parts: Parts,
    fields: Fields,
    (id, page, form): (GuidepostId, String, &str),
    change: Result<Change, Vec<Problem>>,
    anchor: &str,
) -> Response {
    let change = match change {
        Ok(change) => change,
        Err(problems) => return unprocessable(state, parts, &page, form, fields, problems).await,
    };
    let result = stories::change(&state.db, user, id, &change, now_ms()).await;
    let again = Again {
        state,
        parts,
        page: page.clone(),
        form,
        fields,
    };
    settle(result, again, |msg| {
        Redirect::to(&format!("{page}?besked={}{anchor}", msg.code())).into_response()
    })
    .await
}

async fn edit_guidepost(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(id): Path<GuidepostId>,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let period = match stories::period_of(&state.db, id).await {
        Ok(period) => period,
        Err(e) => return e.into_response(),
    };
    let change = title_and_body(&fields).map(|(title, body)| Change::Text { title, body });
    let page = format!("/admin/pejlemaerker/{period}");
    apply(
        &state,
        &user,
        parts,
        fields,
        (id, page, "guidepost-text"),
        change,
        "",
    )
    .await
}

async fn narrative(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(id): Path<GuidepostId>,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let change = bounded("narrative", value(&fields, "narrative"), NARRATIVE_MAX)
        .map(Change::Narrative)
        .map_err(|p| vec![p]);
    let page = guidepost_page(id);
    apply(
        &state,
        &user,
        parts,
        fields,
        (id, page, "narrative"),
        change,
        "#metafortaelling",
    )
    .await
}

async fn survey(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(id): Path<GuidepostId>,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let change = match value(&fields, "survey") {
        "" => Ok(Change::Survey(None)),
        raw => match (
            raw.parse::<ConsultationId>(),
            parse_codes(value(&fields, "codes")),
        ) {
            (Err(_), _) => Err(vec![Problem::new("survey", Msg::NotASurvey)]),
            (Ok(_), Ok(codes)) if codes.is_empty() => {
                Err(vec![Problem::new("codes", Msg::CodesMissing)])
            }
            (Ok(survey), Ok(codes)) => Ok(Change::Survey(Some((survey, codes)))),
            (Ok(_), Err(problem)) => Err(vec![problem]),
        },
    };
    let page = guidepost_page(id);
    apply(
        &state,
        &user,
        parts,
        fields,
        (id, page, "survey"),
        change,
        "#tal",
    )
    .await
}

async fn tags(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(id): Path<GuidepostId>,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let Ok(response) = value(&fields, "response").parse::<ResponseId>() else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let page = guidepost_page(id);
    let tags = match parse_tags(value(&fields, "tags")) {
        Ok(tags) => tags,
        Err(p) => return unprocessable(&state, parts, &page, "tags", fields, vec![p]).await,
    };
    match stories::tag(&state.db, &user, id, response, &tags, now_ms()).await {
        Ok(()) => Redirect::to(&format!(
            "{page}?besked={}#historie-{response}",
            Msg::ThemesSaved.code()
        ))
        .into_response(),
        Err(e) => e.into_response(),
    }
}

async fn quote(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(id): Path<GuidepostId>,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let (Ok(response), Ok(item)) = (
        value(&fields, "response").parse::<ResponseId>(),
        value(&fields, "item").parse::<ItemId>(),
    ) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let page = guidepost_page(id);
    let excerpt = value(&fields, "excerpt").to_owned();
    let result = stories::quote(&state.db, &user, id, response, item, &excerpt, now_ms()).await;
    let again = Again {
        state: &state,
        parts,
        page: page.clone(),
        form: "quote",
        fields,
    };
    settle(result, again, |()| {
        Redirect::to(&format!("{page}?besked={}#citater", Msg::QuoteSaved.code())).into_response()
    })
    .await
}

async fn unquote(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(id): Path<GuidepostId>,
    Form(fields): Form<Fields>,
) -> Response {
    let Ok(quote) = value(&fields, "quote").parse::<QuoteId>() else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    match stories::unquote(&state.db, &user, id, quote, now_ms()).await {
        Ok(()) => Redirect::to(&format!(
            "{}?besked={}#citater",
            guidepost_page(id),
            Msg::QuoteRemoved.code()
        ))
        .into_response(),
        Err(e) => e.into_response(),
    }
}

/// Asks a draft for a learning story per guidepost of the chosen period.
async fn ask(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let page = app::wire::path::consultation(id);
    let Ok(period) = value(&fields, "period").parse::<PeriodId>() else {
        let problem = Problem::new("period", Msg::PeriodEmpty);
        return unprocessable(&state, parts, &page, "stories", fields, vec![problem]).await;
    };
    let attributed = !value(&fields, "attributed").is_empty();
    let result = stories::ask(&state.db, &user, id, period, attributed, now_ms()).await;
    settle_back(result, &page, |msg| back(&page, msg, None))
}
