//! The mails, as plain text and HTML. Pure functions over plain data, so their wording
//! and escaping are unit-tested without a server.
//!
//! Bodies hold the placeholder [`LINK`] where the personal link goes; it is filled in
//! only when the mail is sent (see the outbox), so stored mails hold no working links.

use crate::html::escape;
use crate::i18n::{Key, Lang};
use crate::model::Receipt;

pub const LINK: &str = "{{link}}";

/// What every mail of one consultation to one body needs.
pub struct MailContext<'a> {
    pub title: &'a str,
    pub deadline: &'a str,
    pub body_name: &'a str,
    /// Who signs the mail (per consultation; falls back to the configured sender).
    pub sender_name: &'a str,
    /// Who to contact with questions (per consultation; may be empty).
    pub contact_text: &'a str,
    /// The language the mail is written in.
    pub lang: Lang,
}

#[derive(Debug, PartialEq)]
pub struct Composed {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A mail from paragraphs; a paragraph equal to [`LINK`] becomes the link.
fn build(subject: String, paragraphs: &[String]) -> Composed {
    let text = paragraphs.join("\n\n") + "\n";
    let html_paragraphs: Vec<String> = paragraphs
        .iter()
        .map(|p| {
            if p == LINK {
                format!("<p><a href=\"{LINK}\" style=\"font-weight:bold\">{LINK}</a></p>")
            } else {
                format!("<p>{}</p>", escape(p).replace('\n', "<br>"))
            }
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
         <body style=\"font-family:sans-serif;line-height:1.5;max-width:40em\">{}</body></html>",
        escape(&subject),
        html_paragraphs.concat()
    );
    Composed {
        subject,
        text,
        html,
    }
}

fn closing(ctx: &MailContext) -> Vec<String> {
    let mut out = Vec::new();
    if !ctx.contact_text.trim().is_empty() {
        out.push(ctx.contact_text.trim().to_owned());
    }
    out.push(
        ctx.lang
            .fill(Key::MailRegards, &[("sender", ctx.sender_name)]),
    );
    out
}

/// The texts' common placeholders: `{name}`, `{title}`, `{deadline}`.
fn fill(ctx: &MailContext, key: Key) -> String {
    ctx.lang.fill(
        key,
        &[
            ("name", ctx.body_name),
            ("title", ctx.title),
            ("deadline", ctx.deadline),
        ],
    )
}

pub fn invitation(ctx: &MailContext) -> Composed {
    let mut paragraphs = vec![
        fill(ctx, Key::MailGreeting),
        fill(ctx, Key::MailInvitation),
        fill(ctx, Key::MailAnswerHere),
        LINK.to_owned(),
        fill(ctx, Key::MailInvitationHow),
    ];
    paragraphs.extend(closing(ctx));
    build(fill(ctx, Key::MailInvitationSubject), &paragraphs)
}

pub fn reminder(ctx: &MailContext) -> Composed {
    let mut paragraphs = vec![
        fill(ctx, Key::MailGreeting),
        fill(ctx, Key::MailReminder),
        fill(ctx, Key::MailAnswerHere),
        LINK.to_owned(),
        fill(ctx, Key::MailReminderDraft),
    ];
    paragraphs.extend(closing(ctx));
    build(fill(ctx, Key::MailReminderSubject), &paragraphs)
}

pub fn receipt(ctx: &MailContext, receipt: &Receipt) -> Composed {
    let lang = ctx.lang;
    if receipt.anonymous {
        let mut paragraphs = vec![
            fill(ctx, Key::MailGreeting),
            fill(ctx, Key::MailReceiptAnonymous),
        ];
        paragraphs.extend(closing(ctx));
        return build(fill(ctx, Key::MailReceiptAnonymousSubject), &paragraphs);
    }
    let mut paragraphs = vec![
        fill(ctx, Key::MailGreeting),
        lang.fill(
            Key::MailReceipt,
            &[
                ("title", ctx.title),
                ("at", &receipt.submitted_at),
                ("n", &receipt.submission_no.to_string()),
            ],
        ),
        fill(ctx, Key::MailReceiptEdit),
        lang.t(Key::MailReceiptAnswers).to_owned(),
    ];
    for section in &receipt.sections {
        let mut lines = vec![section.title.clone()];
        for item in &section.items {
            let value = item
                .kind
                .answer_label(lang, &item.value)
                .unwrap_or_else(|| lang.t(Key::NotAnswered).to_owned());
            lines.push(format!("{} {}: {}", item.code, item.text, value));
            if !item.comment.is_empty() {
                lines.push(format!(
                    "   {}: {}",
                    lang.t(Key::ExportComment),
                    item.comment
                ));
            }
        }
        paragraphs.push(lines.join("\n"));
    }
    if !receipt.general_comment.is_empty() {
        paragraphs.push(format!(
            "{}:\n{}",
            lang.t(Key::ExportGeneralComment),
            receipt.general_comment
        ));
    }
    paragraphs.extend(closing(ctx));
    build(fill(ctx, Key::MailReceiptSubject), &paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, ReceiptItem, ReceiptSection};

    fn ctx() -> MailContext<'static> {
        MailContext {
            title: "Udviklingsplan <2027>",
            deadline: "fredag 5. marts 2027 kl. 12.00",
            body_name: "Skolebestyrelsen, Nordskolen",
            sender_name: "Børne- og Ungeforvaltningen",
            contact_text: "Spørgsmål: Anne Holm, anho@kommune.dk",
            lang: Lang::Da,
        }
    }

    #[test]
    fn the_invitation_has_title_deadline_link_and_contact() {
        let mail = invitation(&ctx());
        assert_eq!(mail.subject, "Høring: Udviklingsplan <2027>");
        for part in [
            "Kære Skolebestyrelsen, Nordskolen",
            "»Udviklingsplan <2027>«",
            "fredag 5. marts 2027 kl. 12.00",
            LINK,
            "anho@kommune.dk",
            "Børne- og Ungeforvaltningen",
        ] {
            assert!(mail.text.contains(part), "{part}");
        }
        assert!(mail.html.contains("Udviklingsplan &lt;2027&gt;"));
        assert!(!mail.html.contains("<2027>"));
        assert!(mail.html.contains(&format!("href=\"{LINK}\"")));
    }

    #[test]
    fn the_reminder_names_the_deadline_in_its_subject() {
        let mail = reminder(&ctx());
        assert!(mail.subject.starts_with("Påmindelse: "));
        assert!(mail
            .subject
            .ends_with("frist fredag 5. marts 2027 kl. 12.00"));
        assert!(mail.text.contains(LINK));
    }

    #[test]
    fn the_receipt_lists_the_answers() {
        let r = Receipt {
            title: "x".into(),
            respondent_name: "y".into(),
            submitted_at: "mandag 1. marts 2027 kl. 09.00".into(),
            submission_no: 2,
            deadline: "z".into(),
            sections: vec![ReceiptSection {
                title: "Gode overgange".into(),
                items: vec![
                    ReceiptItem {
                        code: "1.1".into(),
                        text: "Fælles beskrivelse".into(),
                        kind: ItemKind::AgreeDisagree,
                        value: "agree".into(),
                        comment: "<b>Godt</b>".into(),
                    },
                    ReceiptItem {
                        code: "1.2".into(),
                        text: "Følgeordning".into(),
                        kind: ItemKind::AgreeDisagree,
                        value: String::new(),
                        comment: String::new(),
                    },
                ],
            }],
            general_comment: "Tak".into(),
            anonymous: false,
        };
        let mail = receipt(&ctx(), &r);
        assert!(mail.text.contains("1.1 Fælles beskrivelse: Enig"));
        assert!(mail.text.contains("1.2 Følgeordning: Ikke besvaret"));
        assert!(mail.text.contains("indsendelse nr. 2"));
        assert!(mail.html.contains("&lt;b&gt;Godt&lt;/b&gt;"));
        assert!(!mail.text.contains(LINK));
    }
}
