//! HTML written as text, where a view would cost too much or there is no view: mails,
//! the bare error page, and the large tables of numbers in the report.

/// `text` safe to put in HTML, as element content or a quoted attribute value.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            escape(r#"<b class="x">Ærø & 'co'</b>"#),
            "&lt;b class=&quot;x&quot;&gt;Ærø &amp; &#39;co&#39;&lt;/b&gt;"
        );
    }
}
