use super::frame::{AdminFrame, Session};
use super::{echo_for, loaded, path_id, ActionButton, Loaded, Problems, TableWrap, TextField};
use crate::api::{admin_user, admin_users};
use crate::components::{Addresses, PageTitle};
use crate::i18n::{Key, Lang};
use crate::model::admin::{Role, StaffAccount};
use crate::use_lang;
use leptos::prelude::*;

/// Staff accounts (admins only): the list, each linking to its own page, and a form
/// to add one.
#[component]
pub fn UsersPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| admin_users());
    view! { <AdminFrame render=move |s| view! { <Users session=s data=data/> }.into_any()/> }
}

fn status_text(lang: Lang, account: &StaffAccount) -> &'static str {
    lang.t(if account.disabled {
        Key::StatusDisabled
    } else {
        Key::StatusActive
    })
}

#[component]
fn Users(session: Session, data: Loaded<Vec<StaffAccount>>) -> impl IntoView {
    let lang = use_lang();
    let echo = echo_for(&session.echo, "user");
    view! {
        <PageTitle text=lang.t(Key::NavUsers) error=echo.is_some()/>
        {loaded(data, move |users| view! {
                            <h1>{lang.t(Key::NavUsers)}</h1>
                            <TableWrap label=lang.t(Key::NavUsers)>
                                <table>
                                    <thead><tr>
                                        <th scope="col">{lang.t(Key::NameLabel)}</th>
                                        <th scope="col">{lang.t(Key::EmailLabel)}</th>
                                        <th scope="col">{lang.t(Key::RoleLabel)}</th>
                                        <th scope="col">{lang.t(Key::StatusLabel)}</th>
                                        <th scope="col">{lang.t(Key::LastSignInLabel)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {users.into_iter().map(|a| view! {
                                            <tr class:muted=a.disabled>
                                                <td><a class="cell-link" href=format!("/admin/brugere/{}", a.user.id)>{a.user.name.clone()}</a></td>
                                                <td><Addresses text=a.user.email.clone()/></td>
                                                <td>
                                                    {lang.t(a.user.role.label())}
                                                    {(!a.units.is_empty()).then(|| view! { <span class="hint">" (" {a.units.join(", ")} ")"</span> })}
                                                </td>
                                                <td>{status_text(lang, &a)}</td>
                                                <td class="nowrap">{a.last_sign_in.clone().unwrap_or_else(|| lang.t(Key::NeverSignedIn).to_owned())}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </TableWrap>
                            <section class="card" aria-labelledby="ny-bruger">
                                <h2 id="ny-bruger">{lang.t(Key::AddUser)}</h2>
                                <form method="post" action="/admin/brugere" class="stack">
                                    <Problems echo=echo.clone()/>
                                    <TextField name="name" label=Key::NameLabel required=true echo=echo.clone()/>
                                    <TextField name="email" label=Key::EmailLabel kind="email" required=true echo=echo.clone()/>
                                    <TextField name="password" label=Key::PasswordLabel kind="password" hint=Key::PasswordHint required=true autocomplete="new-password"/>
                                    <RoleChoice checked=Role::Manager/>
                                    <button type="submit" class="primary">{lang.t(Key::AddUser)}</button>
                                </form>
                            </section>
        }.into_any())}
    }
}

/// The roles as radio buttons.
#[component]
fn RoleChoice(checked: Role) -> impl IntoView {
    let lang = use_lang();
    view! {
        <fieldset>
            <legend>{lang.t(Key::RoleLabel)}</legend>
            {Role::ALL.into_iter().map(|r| view! {
                <label class="choice">
                    <input type="radio" name="role" value=r.as_str() checked=r == checked/>
                    {lang.t(r.label())}
                </label>
            }).collect_view()}
            <p class="hint">{lang.t(Key::RoleLeaderHint)}</p>
        </fieldset>
    }
}

/// A leader's institutions: each with a button that takes it away, and a field
/// (offering the names the consultations know) that gives one more.
#[component]
fn LeaderUnits(
    base: String,
    units: Vec<String>,
    known: Vec<String>,
    echo: Option<crate::model::admin::FormEcho>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="card" aria-labelledby="institutioner">
            <h2 id="institutioner">{lang.t(Key::LeaderUnitsTitle)}</h2>
            <p class="hint">{lang.t(Key::LeaderUnitsHint)}</p>
            {if units.is_empty() {
                view! { <p>{lang.t(Key::LeaderUnitsNone)}</p> }.into_any()
            } else {
                view! {
                    <ul class="unit-list">
                        {units.into_iter().map(|unit| {
                            let label = lang.fill(Key::RemoveUnit, &[("unit", &unit)]);
                            view! {
                                <li>
                                    <span>{unit.clone()}</span>
                                    <form method="post" action=format!("{base}/institutioner/fjern") class="inline-form">
                                        <input type="hidden" name="unit" value=unit/>
                                        <button type="submit" class="link-button" aria-label=label>{lang.t(Key::Remove)}</button>
                                    </form>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form method="post" action=format!("{base}/institutioner") class="stack">
                <Problems echo=echo.clone()/>
                <TextField name="unit" label=Key::UnitLabel required=true echo=echo list="kendte-institutioner"/>
                <datalist id="kendte-institutioner">
                    {known.into_iter().map(|u| view! { <option value=u></option> }).collect_view()}
                </datalist>
                <button type="submit">{lang.t(Key::AddUnit)}</button>
            </form>
        </section>
    }
}

/// One staff account (admins only): its facts, and changing its role, ending its
/// sessions, giving it a new password, disabling or enabling it.
#[component]
pub fn UserPage() -> impl IntoView {
    let id = path_id("user");
    let data = Resource::new(id, admin_user);
    view! { <AdminFrame render=move |s| view! { <User session=s data=data/> }.into_any()/> }
}

#[component]
fn User(session: Session, data: Loaded<(StaffAccount, Vec<String>)>) -> impl IntoView {
    let lang = use_lang();
    let echo = echo_for(&session.echo, "reset");
    let unit_echo = echo_for(&session.echo, "unit");
    let me = session.user.id;
    view! {
        {loaded(data, move |(a, known)| {
            let base = format!("/admin/brugere/{}", a.user.id);
            let title = lang.fill(Key::ManageUser, &[("name", &a.user.name)]);
            view! {
                <PageTitle text=title.clone() error=echo.is_some() || unit_echo.is_some()/>
                <p><a href="/admin/brugere">{lang.t(Key::BackToUsers)}</a></p>
                <h1>{title}</h1>
                <dl class="facts">
                    <dt>{lang.t(Key::EmailLabel)}</dt><dd><Addresses text=a.user.email.clone()/></dd>
                    <dt>{lang.t(Key::RoleLabel)}</dt><dd>{lang.t(a.user.role.label())}</dd>
                    <dt>{lang.t(Key::StatusLabel)}</dt><dd>{status_text(lang, &a)}</dd>
                    <dt>{lang.t(Key::SessionsLabel)}</dt><dd>{a.sessions}</dd>
                    <dt>{lang.t(Key::LastSignInLabel)}</dt>
                    <dd>{a.last_sign_in.clone().unwrap_or_else(|| lang.t(Key::NeverSignedIn).to_owned())}</dd>
                    <dt>{lang.t(Key::CreatedLabel)}</dt><dd>{a.created.clone()}</dd>
                </dl>
                <section class="card" aria-labelledby="rolle">
                    <h2 id="rolle">{lang.t(Key::ChangeRole)}</h2>
                    <form method="post" action=format!("{base}/rolle") class="stack">
                        <RoleChoice checked=a.user.role/>
                        <button type="submit">{lang.t(Key::SaveRole)}</button>
                    </form>
                </section>
                // Also shown to say why a post for a user who is no longer a leader was refused.
                {(a.user.role == Role::Leader || unit_echo.is_some()).then(|| view! {
                    <LeaderUnits base=base.clone() units=a.units.clone() known=known echo=unit_echo.clone()/>
                })}
                <section class="card" aria-labelledby="ny-adgangskode">
                    <h2 id="ny-adgangskode">{lang.t(Key::ResetPasswordTitle)}</h2>
                    <form method="post" action=format!("{base}/adgangskode") class="stack">
                        <Problems echo=echo.clone()/>
                        <TextField name="password" label=Key::NewPasswordLabel kind="password" hint=Key::ResetPasswordHint required=true autocomplete="new-password" invalid=echo.is_some()/>
                        <button type="submit">{lang.t(Key::ResetPasswordTitle)}</button>
                    </form>
                </section>
                <section class="card" aria-labelledby="log-ud">
                    <h2 id="log-ud">{lang.t(Key::EndSessionsTitle)}</h2>
                    <p class="hint">{lang.t(Key::EndSessionsHint)}</p>
                    <ActionButton action=format!("{base}/log-ud") label=lang.t(Key::EndSessionsTitle).to_owned()/>
                </section>
                {(a.user.id != me).then(|| {
                    let (title, hint, value) = if a.disabled {
                        (Key::EnableTitle, None, "nej")
                    } else {
                        (Key::DisableTitle, Some(Key::DisableHint), "ja")
                    };
                    view! {
                        <section class="card" aria-labelledby="spaerring">
                            <h2 id="spaerring">{lang.t(title)}</h2>
                            {hint.map(|h| view! { <p class="hint">{lang.t(h)}</p> })}
                            <form method="post" action=format!("{base}/spaerring") class="inline-form">
                                <input type="hidden" name="disabled" value=value/>
                                <button type="submit" class:danger=!a.disabled>{lang.t(title)}</button>
                            </form>
                        </section>
                    }
                })}
            }.into_any()
        })}
    }
}

/// The signed-in user's own account (every role): who they are here, and changing
/// their password. The name in the menu leads here.
#[component]
pub fn PasswordPage() -> impl IntoView {
    view! { <AdminFrame render=move |s| view! { <Password session=s/> }.into_any()/> }
}

#[component]
fn Password(session: Session) -> impl IntoView {
    let lang = use_lang();
    let echo = echo_for(&session.echo, "password");
    let user = session.user;
    view! {
        <PageTitle text=lang.t(Key::AccountPageTitle) error=echo.is_some()/>
        <h1>{lang.t(Key::AccountPageTitle)}</h1>
        <dl class="facts">
            <dt>{lang.t(Key::NameLabel)}</dt><dd>{user.name.clone()}</dd>
            <dt>{lang.t(Key::EmailLabel)}</dt><dd><Addresses text=user.email.clone()/></dd>
            <dt>{lang.t(Key::RoleLabel)}</dt><dd>{lang.t(user.role.label())}</dd>
        </dl>
        <form method="post" action="/admin/adgangskode" class="stack card" aria-labelledby="skift">
            <h2 id="skift">{lang.t(Key::PasswordPageTitle)}</h2>
            <p class="hint">{lang.t(Key::PasswordPageLead)}</p>
            <Problems echo=echo.clone()/>
            <input type="hidden" name="username" autocomplete="username" value=user.email.clone()/>
            <TextField name="current_password" label=Key::CurrentPasswordLabel kind="password" required=true autocomplete="current-password" echo=echo.clone()/>
            <TextField name="new_password" label=Key::NewPasswordLabel kind="password" hint=Key::PasswordHint required=true autocomplete="new-password" echo=echo.clone()/>
            <TextField name="repeat_password" label=Key::RepeatPasswordLabel kind="password" required=true autocomplete="new-password" echo=echo.clone()/>
            <button type="submit" class="primary">{lang.t(Key::PasswordPageTitle)}</button>
        </form>
    }
}
