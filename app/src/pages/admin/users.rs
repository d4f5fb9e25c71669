use super::frame::{AdminFrame, Session};
use super::{echo_for, loaded, Loaded, Problems, TableWrap, TextField};
use crate::api::admin_users;
use crate::components::{Addresses, PageTitle};
use crate::i18n::Key;
use crate::model::admin::{Role, UserView};
use crate::use_lang;
use leptos::prelude::*;

/// Staff accounts (admins only): the list and a form to add one.
#[component]
pub fn UsersPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| admin_users());
    view! { <AdminFrame render=move |s| view! { <Users session=s data=data/> }.into_any()/> }
}

#[component]
fn Users(session: Session, data: Loaded<Vec<UserView>>) -> impl IntoView {
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
                                    </tr></thead>
                                    <tbody>
                                        {users.into_iter().map(|u| view! {
                                            <tr><td>{u.name}</td><td><Addresses text=u.email/></td><td>{lang.t(u.role.label())}</td></tr>
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
                                    <fieldset>
                                        <legend>{lang.t(Key::RoleLabel)}</legend>
                                        {Role::ALL.into_iter().map(|r| view! {
                                            <label class="choice">
                                                <input type="radio" name="role" value=r.as_str() checked=r == Role::Manager/>
                                                {lang.t(r.label())}
                                            </label>
                                        }).collect_view()}
                                    </fieldset>
                                    <button type="submit" class="primary">{lang.t(Key::AddUser)}</button>
                                </form>
                            </section>
        }.into_any())}
    }
}
