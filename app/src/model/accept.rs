//! The lists of the `Accept-*` request headers (`Accept-Language`,
//! `Accept-Encoding`): comma-separated entries, each with an optional `q` weight.

/// The entries of such a header in the order given, each with its weight (1 without
/// `q`, clamped to 0–1). An entry whose weight cannot be read is left out, and so is
/// one weighted 0, which the header's sender refuses (RFC 9110 §12.4.2).
pub fn weighted(header: &str) -> impl Iterator<Item = (&str, f32)> {
    header.split(',').filter_map(|entry| {
        let mut parts = entry.split(';');
        let name = parts.next()?.trim();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
        (!name.is_empty() && q > 0.0).then_some((name, q.clamp(0.0, 1.0)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_keep_their_order_and_weights_and_refused_ones_are_left_out() {
        let entries: Vec<_> =
            weighted("gzip, deflate;q=0.5 , br;q=0, zstd; q=2, x;q=abc, ,").collect();
        assert_eq!(entries, [("gzip", 1.0), ("deflate", 0.5), ("zstd", 1.0)]);
        assert_eq!(weighted("").count(), 0);
    }
}
