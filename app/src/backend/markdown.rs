//! Markdown from administrators (a consultation's intro) rendered to HTML that is safe
//! to put into a page: raw HTML is shown as text, and only http(s), mailto and
//! relative links survive.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag};

pub fn render(markdown: &str) -> String {
    let safe_url = |url: &CowStr| {
        let lower = url.trim().to_ascii_lowercase();
        lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("mailto:")
            || !lower.contains(':')
    };
    let events =
        Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH).map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if !safe_url(&dest_url) => Event::Start(Tag::Link {
                link_type,
                dest_url: CowStr::Borrowed("#"),
                title,
                id,
            }),
            Event::Start(Tag::Image { dest_url, .. }) => Event::Text(dest_url),
            Event::End(pulldown_cmark::TagEnd::Image) => Event::Text(CowStr::Borrowed("")),
            other => other,
        });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn formatting_is_kept() {
        let html = render("# Plan\n\nDet er **vigtigt**.\n\n- a\n- b");
        assert!(html.contains("<h1>Plan</h1>"));
        assert!(html.contains("<strong>vigtigt</strong>"));
        assert!(html.contains("<li>a</li>"));
    }

    #[test]
    fn html_and_script_links_are_neutralised() {
        let html = render("<script>alert(1)</script>\n\nHej <img src=x onerror=alert(1)> [x](javascript:alert(1))");
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("javascript:"));
        assert!(render("[ok](https://kommune.dk)").contains("href=\"https://kommune.dk\""));
    }
}
