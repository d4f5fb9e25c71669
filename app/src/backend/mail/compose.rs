//! The mails, as plain text and HTML. Pure functions over plain data, so their wording
//! and escaping are unit-tested without a server.
//!
//! Bodies hold the placeholder [`LINK`] where the personal link goes; it is filled in
//! only when the mail is sent (see the outbox), so stored mails hold no working links.

use crate::i18n::Lang;
use crate::model::{answer_label, Receipt};

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
}

#[derive(Debug, PartialEq)]
pub struct Composed {
    pub subject: String,
    pub text: String,
    pub html: String,
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
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
    out.push(format!("Med venlig hilsen\n{}", ctx.sender_name));
    out
}

pub fn invitation(ctx: &MailContext) -> Composed {
    let mut paragraphs = vec![
        format!("Kære {}", ctx.body_name),
        format!(
            "I inviteres hermed til at afgive høringssvar i høringen »{}«.",
            ctx.title
        ),
        "Svar via jeres personlige link:".to_owned(),
        LINK.to_owned(),
        format!(
            "Linket er personligt for {name}, og alle i {name} kan bruge det samme link. \
             I kan gemme en kladde og vende tilbage. Høringsfristen er {deadline}; indtil da \
             kan svaret rettes og indsendes igen. Send ikke linket videre til andre.",
            name = ctx.body_name,
            deadline = ctx.deadline
        ),
    ];
    paragraphs.extend(closing(ctx));
    build(format!("Høring: {}", ctx.title), &paragraphs)
}

pub fn reminder(ctx: &MailContext) -> Composed {
    let mut paragraphs = vec![
        format!("Kære {}", ctx.body_name),
        format!(
            "Vi har endnu ikke modtaget jeres høringssvar i høringen »{}«. Høringsfristen er {}.",
            ctx.title, ctx.deadline
        ),
        "Svar via jeres personlige link:".to_owned(),
        LINK.to_owned(),
        "Har I gemt en kladde, ligger den klar, når I åbner linket. Husk at trykke »Indsend«."
            .to_owned(),
    ];
    paragraphs.extend(closing(ctx));
    build(
        format!("Påmindelse: {} – frist {}", ctx.title, ctx.deadline),
        &paragraphs,
    )
}

pub fn receipt(ctx: &MailContext, receipt: &Receipt) -> Composed {
    let mut paragraphs = vec![
        format!("Kære {}", ctx.body_name),
        format!(
            "Tak for jeres høringssvar til »{}«. Det blev indsendt {} (indsendelse nr. {}).",
            ctx.title, receipt.submitted_at, receipt.submission_no
        ),
        format!(
            "I kan rette svaret og indsende igen frem til høringsfristen {} via jeres personlige link.",
            ctx.deadline
        ),
        "Jeres indsendte svar:".to_owned(),
    ];
    for section in &receipt.sections {
        let mut lines = vec![section.title.clone()];
        for item in &section.items {
            let value = answer_label(Lang::Da, &item.value);
            lines.push(format!("{} {}: {}", item.code, item.text, value));
            if !item.comment.is_empty() {
                lines.push(format!("   Kommentar: {}", item.comment));
            }
        }
        paragraphs.push(lines.join("\n"));
    }
    if !receipt.general_comment.is_empty() {
        paragraphs.push(format!("Generel kommentar:\n{}", receipt.general_comment));
    }
    paragraphs.extend(closing(ctx));
    build(
        format!("Kvittering: jeres høringssvar til {}", ctx.title),
        &paragraphs,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ReceiptItem, ReceiptSection};

    fn ctx() -> MailContext<'static> {
        MailContext {
            title: "Udviklingsplan <2027>",
            deadline: "fredag 5. marts 2027 kl. 12.00",
            body_name: "Skolebestyrelsen, Nordskolen",
            sender_name: "Børne- og Ungeforvaltningen",
            contact_text: "Spørgsmål: Anne Holm, anho@kommune.dk",
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
                        value: "agree".into(),
                        comment: "<b>Godt</b>".into(),
                    },
                    ReceiptItem {
                        code: "1.2".into(),
                        text: "Følgeordning".into(),
                        value: String::new(),
                        comment: String::new(),
                    },
                ],
            }],
            general_comment: "Tak".into(),
        };
        let mail = receipt(&ctx(), &r);
        assert!(mail.text.contains("1.1 Fælles beskrivelse: Enig"));
        assert!(mail.text.contains("1.2 Følgeordning: Ikke besvaret"));
        assert!(mail.text.contains("indsendelse nr. 2"));
        assert!(mail.html.contains("&lt;b&gt;Godt&lt;/b&gt;"));
        assert!(!mail.text.contains(LINK));
    }
}
