//! The playground's state in a link: `#v1.` + URL-safe base64 (no padding) of the
//! deflated JSON `{"code": …, "dialect": …}`. Versioned: a later format gets `v2.` and
//! this decoder keeps reading `v1.` links.
//!
//! Decoding never trusts the link: its length and the inflated size are capped (a
//! decompression bomb stops at the cap), and every failure is a [`LinkError`] the page
//! can show — a bad link never replaces the learner's saved work.

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::sql::Dialect;

/// The longest fragment read (characters after `#`).
pub const MAX_LINK_LENGTH: usize = 100_000;
/// The most JSON a link may inflate to.
pub const MAX_INFLATED: usize = 512 * 1024;
/// Chat apps tend to cut links longer than this.
pub const LONG_LINK: usize = 2_000;
/// Some browsers and servers refuse links longer than this.
pub const TOO_LONG_LINK: usize = 8_000;

const VERSION_1: &str = "v1.";

/// Reading is lenient (padding or not, stray trailing bits of a cut link), so that a
/// damaged link gets to the inflate step and says "damaged" rather than "not base64".
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared {
    pub code: String,
    pub dialect: String,
}

impl Shared {
    pub fn new(code: &str, dialect: Dialect) -> Shared {
        Shared {
            code: code.to_string(),
            dialect: dialect.name().to_string(),
        }
    }

    pub fn dialect(&self) -> Dialect {
        Dialect::from_name(&self.dialect).unwrap_or(Dialect::Postgres)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    TooLong(usize),
    UnknownVersion(String),
    NotBase64,
    Corrupt,
    TooLarge,
    NotPlaygroundState,
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::TooLong(n) => write!(
                f,
                "the link is {n} characters long; the playground reads at most {MAX_LINK_LENGTH}"
            ),
            LinkError::UnknownVersion(v) => write!(
                f,
                "the link is in a format this playground does not know ({v})"
            ),
            LinkError::NotBase64 => write!(
                f,
                "the link has characters a playground link never has (was it cut or edited?)"
            ),
            LinkError::Corrupt => write!(f, "the link is damaged or cut short"),
            LinkError::TooLarge => write!(
                f,
                "the link unpacks to more than {} KB",
                MAX_INFLATED / 1024
            ),
            LinkError::NotPlaygroundState => write!(f, "the link does not hold a playground"),
        }
    }
}

/// The fragment (without `#`) for `shared`.
pub fn encode(shared: &Shared) -> String {
    let json = serde_json::to_vec(shared).expect("two strings serialize");
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{VERSION_1}{}", URL_SAFE_NO_PAD.encode(deflated))
}

/// Reads a fragment (with or without its `#`); `Ok(None)` when there is nothing to read.
pub fn decode(fragment: &str) -> Result<Option<Shared>, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    if fragment.is_empty() {
        return Ok(None);
    }
    if fragment.len() > MAX_LINK_LENGTH {
        return Err(LinkError::TooLong(fragment.len()));
    }
    let Some(payload) = fragment.strip_prefix(VERSION_1) else {
        let version = fragment
            .split('.')
            .next()
            .unwrap_or("")
            .chars()
            .take(12)
            .collect();
        return Err(LinkError::UnknownVersion(version));
    };
    let deflated = LENIENT.decode(payload).map_err(|_| LinkError::NotBase64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_INFLATED)
        .map_err(|e| {
            if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                LinkError::TooLarge
            } else {
                LinkError::Corrupt
            }
        })?;
    serde_json::from_slice(&json)
        .map(Some)
        .map_err(|_| LinkError::NotPlaygroundState)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let shared = Shared::new(
            "const Pug = sequelize.define('pug', {}); // ünïcode ✓",
            Dialect::Mysql,
        );
        let link = encode(&shared);
        assert!(link.starts_with("v1."));
        assert!(link[3..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(decode(&format!("#{link}")), Ok(Some(shared)));
        assert_eq!(decode(""), Ok(None));
    }

    #[test]
    fn bad_links_are_errors_not_panics() {
        let good = encode(&Shared::new("const A = 1;", Dialect::Postgres));
        assert_eq!(
            decode("v9.abc"),
            Err(LinkError::UnknownVersion("v9".into()))
        );
        assert_eq!(decode("v1.@@@"), Err(LinkError::NotBase64));
        assert_eq!(decode(&good[..good.len() - 8]), Err(LinkError::Corrupt));
        let not_state = format!(
            "v1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"[1,2]", 9))
        );
        assert_eq!(decode(&not_state), Err(LinkError::NotPlaygroundState));
        assert!(matches!(
            decode(&"v1.A".repeat(40_000)),
            Err(LinkError::TooLong(_))
        ));
    }

    #[test]
    fn a_decompression_bomb_stops_at_the_cap() {
        let bomb = vec![b' '; 20 * 1024 * 1024];
        let link = format!(
            "v1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&bomb, 9))
        );
        assert!(
            link.len() < MAX_LINK_LENGTH,
            "the bomb fits in a link: {}",
            link.len()
        );
        assert_eq!(decode(&link), Err(LinkError::TooLarge));
    }
}
