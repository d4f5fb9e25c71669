//! Brotli for the pages rendered per request, by Google's C encoder in one call.
//!
//! Why not tower-http's layer for these: it encodes with the Rust port of brotli, fed
//! as a stream, and on the 86 kB hearing form that took 2.8 M instructions at level 0
//! — a quarter of the whole page view (callgrind). The C encoder, given the whole page
//! at once, does the same level on the same page in about 0.9 M. A rendered page is
//! already whole in memory when it leaves its handler (leptos_axum collects it before
//! it answers), so compressing it in one piece loses nothing.
//! What is not whole — the exports, streamed as they are written — what is too small
//! to be worth it, and a page too large to hold twice in memory pass on untouched to
//! tower-http's layers after this one, which stream them and leave alone what this
//! one encoded.

use app::model::accept::weighted;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use brotlic::{CompressionMode, Quality, WindowSize};
use futures::StreamExt;

/// Brotli's level for pages. Level 0 is its one-pass fast path: the hearing form comes
/// out at 10.9 kB instead of 9.8 at level 1, for about 60 % of level 1's work.
const QUALITY: Quality = match Quality::new(0) {
    Ok(quality) => quality,
    Err(_) => panic!("brotli's levels are 0 to 11"),
};
/// Brotli's default window (4 MB).
const WINDOW: WindowSize = match WindowSize::new(22) {
    Ok(window) => window,
    Err(_) => panic!("brotli's windows are 10 to 24 bits"),
};
/// Below this a body is left to tower-http's layer (the server functions' small
/// replies, mostly): there is too little in them for the one-call encoder to gain.
const MIN_BYTES: u64 = 1024;
/// Above this a body is left to tower-http's streaming layer rather than held twice
/// in memory. The lists are paginated, but the printable memo of a hearing with
/// 10,000 bodies is all their comments on one page: over 16 MB.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

pub async fn compress(request: Request, next: Next) -> Response {
    let accepted = accepts_brotli(request.headers());
    let response = next.run(request).await;
    if !accepted || !ours(&response) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // A page is read to its end here, as leptos_axum has it whole already; any other
    // body this layer takes is in memory.
    let page: Bytes = match read(body, MAX_BYTES as usize).await {
        Ok(Read::Whole(page)) => page,
        Ok(Read::Long(body)) => return Response::from_parts(parts, body),
        Err(error) => {
            tracing::error!(%error, "a rendered page could not be read to compress it");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let Some(encoded) = (page.len() as u64 >= MIN_BYTES)
        .then(|| encode(&page))
        .flatten()
    else {
        return Response::from_parts(parts, Body::from(page));
    };
    let headers = &mut parts.headers;
    headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
    headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    headers.remove(header::CONTENT_LENGTH);
    headers.remove(header::ACCEPT_RANGES);
    Response::from_parts(parts, Body::from(encoded))
}

/// A body read to its end, or one longer than the limit.
enum Read {
    Whole(Bytes),
    /// What was read and the rest after it, to be sent on as a stream.
    Long(Body),
}

/// Reads `body` to its end unless it is longer than `limit`; a body of one piece (a
/// rendered page) is not copied.
async fn read(body: Body, limit: usize) -> Result<Read, axum::Error> {
    let mut stream = body.into_data_stream();
    let mut pieces: Vec<Bytes> = Vec::new();
    let mut length = 0;
    while let Some(piece) = stream.next().await {
        let piece = piece?;
        length += piece.len();
        pieces.push(piece);
        if length > limit {
            let read = futures::stream::iter(pieces.into_iter().map(Ok::<_, axum::Error>));
            return Ok(Read::Long(Body::from_stream(read.chain(stream))));
        }
    }
    Ok(Read::Whole(match pieces.len() {
        1 => pieces.swap_remove(0),
        _ => pieces.concat().into(),
    }))
}

/// Whether the browser takes brotli (`br` listed with a weight above 0).
fn accepts_brotli(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|value| weighted(value).any(|(coding, _)| coding.eq_ignore_ascii_case("br")))
}

/// A response this layer encodes, when not encoded yet: a rendered page (HTML, whole
/// once rendered, though leptos_axum hands it on as a stream), or any other body of a
/// type that compresses (text, JSON, scripts, SVG) that is whole in memory and big
/// enough.
fn ours(response: &Response) -> bool {
    let headers = response.headers();
    let Some(content_type) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
    else {
        return false;
    };
    let size = response.body().size_hint();
    !headers.contains_key(header::CONTENT_ENCODING)
        && if essence(content_type) == "text/html" {
            size.upper().is_none_or(|n| n <= MAX_BYTES)
        } else {
            compressible(content_type)
                && size
                    .exact()
                    .is_some_and(|n| (MIN_BYTES..=MAX_BYTES).contains(&n))
        }
}

/// A media type without its parameters, in lower case.
fn essence(content_type: &str) -> String {
    let essence = content_type.split(';').next().unwrap_or_default();
    essence.trim().to_ascii_lowercase()
}

fn compressible(content_type: &str) -> bool {
    let essence = essence(content_type);
    (essence.starts_with("text/") && essence != "text/event-stream")
        || matches!(
            essence.as_str(),
            "application/json" | "application/javascript" | "application/xml" | "image/svg+xml"
        )
}

/// The page encoded, or `None` where it would not shrink (it is then sent as it is).
fn encode(page: &[u8]) -> Option<Vec<u8>> {
    // Room for the page itself: what does not fit would not have shrunk.
    let mut encoded = vec![0; page.len()];
    let size =
        brotlic::compress(page, &mut encoded, QUALITY, WINDOW, CompressionMode::Text).ok()?;
    (size < page.len()).then(|| {
        encoded.truncate(size);
        encoded
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        headers
    }

    #[test]
    fn brotli_is_used_only_where_the_browser_takes_it() {
        assert!(accepts_brotli(&accept("gzip, deflate, br, zstd")));
        assert!(accepts_brotli(&accept("BR;q=0.5")));
        assert!(!accepts_brotli(&accept("gzip, br;q=0")));
        assert!(!accepts_brotli(&accept("gzip, brotli")));
        assert!(!accepts_brotli(&HeaderMap::new()));
    }

    #[test]
    fn text_json_scripts_and_svg_compress_and_the_rest_does_not() {
        for yes in [
            "text/html; charset=utf-8",
            "Text/CSV",
            "application/json",
            "image/svg+xml",
        ] {
            assert!(compressible(yes), "{yes}");
        }
        for no in [
            "image/png",
            "text/event-stream",
            "application/octet-stream",
            "",
        ] {
            assert!(!compressible(no), "{no}");
        }
    }

    /// Bodies of three pieces: read whole up to the limit, and past it sent on with
    /// every byte, in order.
    #[tokio::test]
    async fn a_body_past_the_limit_is_sent_on_whole_as_a_stream() {
        let pieces = || {
            let stream = futures::stream::iter(
                ["<p>en</p>", "<p>to</p>", "<p>tre</p>"].map(Ok::<_, axum::Error>),
            );
            Body::from_stream(stream)
        };
        let whole = "<p>en</p><p>to</p><p>tre</p>";
        match read(pieces(), whole.len()).await.unwrap() {
            Read::Whole(bytes) => assert_eq!(bytes, whole),
            Read::Long(_) => panic!("within the limit"),
        }
        match read(pieces(), 12).await.unwrap() {
            Read::Long(body) => {
                let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
                assert_eq!(bytes, whole);
            }
            Read::Whole(_) => panic!("past the limit"),
        }
    }

    #[test]
    fn a_page_comes_back_whole_and_what_would_not_shrink_is_left_as_it_is() {
        let page = "<li>Enig · Uenig · Ved ikke — æøå</li>".repeat(200);
        let encoded = encode(page.as_bytes()).expect("a repetitive page shrinks");
        assert!(encoded.len() < page.len() / 10);
        let mut decoded = vec![0; page.len()];
        let size = brotlic::decompress(&encoded, &mut decoded).unwrap();
        assert_eq!(&decoded[..size], page.as_bytes());
        // Bytes with no pattern (xorshift) do not shrink.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 32) as u8
            })
            .collect();
        assert_eq!(encode(&noise), None);
    }
}
