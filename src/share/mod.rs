//! The playground's state in a link: `#v2.` + URL-safe base64 (no padding) of the
//! JSON `{"code": …, "dialect": …}` deflated against a preset dictionary of Sequelize
//! vocabulary (`dictionary-v2.js`), which is part of the format: a link refers back into
//! it, so it never changes once released. A project of several files is `#v3.`, the
//! same with `{"code": "", "dialect": …, "files": [{"path", "code"}…], "active": n,
//! "entry": …}` (a copy of the page from before projects says it is too old for the
//! link, rather than opening one file of it). `#v1.` links (plain deflate) still open.
//!
//! Decoding never trusts the link: its length and the inflated size are capped (a
//! decompression bomb stops at the cap), and every failure is a [`LinkError`] the page
//! can show — a bad link never replaces the learner's saved work.

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;
use serde::{Deserialize, Serialize};

use crate::project::ProjectFile;
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
const VERSION_2: &str = "v2.";
const VERSION_3: &str = "v3.";

/// The text version 2 deflates against, as JSON-escaped code between the state's own
/// framing, so that both the code and the JSON around it find matches.
fn dictionary_v2() -> Vec<u8> {
    let code = serde_json::to_string(include_str!("dictionary-v2.js")).expect("a string");
    format!(r#"{{"dialect":"mysql"}}{{"dialect":"sqlite"}}{{"code":{code},"dialect":"postgres"}}{{"code":"const "#)
        .into_bytes()
}

/// Reading is lenient (padding or not, stray trailing bits of a cut link), so that a
/// damaged link gets to the inflate step and says "damaged" rather than "not base64".
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The learner's work as a link and saved work hold it: one snippet (`code`), or a
/// project's `files` (then `code` is empty), and the dialect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared {
    pub code: String,
    pub dialect: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<ProjectFile>,
    /// The file the editor shows.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub active: usize,
    /// The file that runs, when the learner chose one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Shared {
    pub fn new(code: &str, dialect: Dialect) -> Shared {
        Shared {
            code: code.to_string(),
            dialect: dialect.name().to_string(),
            files: Vec::new(),
            active: 0,
            entry: None,
        }
    }

    /// A project of `files` (one file is kept as a snippet, as older links are).
    pub fn project(
        files: &[ProjectFile],
        active: usize,
        entry: Option<&str>,
        dialect: Dialect,
    ) -> Shared {
        match files {
            [one] => Shared::new(&one.code, dialect),
            files => Shared {
                code: String::new(),
                dialect: dialect.name().to_string(),
                files: files.to_vec(),
                active: active.min(files.len().saturating_sub(1)),
                entry: entry.map(str::to_string),
            },
        }
    }

    pub fn dialect(&self) -> Dialect {
        Dialect::from_name(&self.dialect).unwrap_or(Dialect::Postgres)
    }

    /// Whether `other` holds the same code (whatever its dialect).
    pub fn same_work(&self, other: &Shared) -> bool {
        self.code == other.code && self.files == other.files
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    TooLong(usize),
    /// `v4.` and later: written by a newer playground than this copy (an old cached one).
    NewerVersion(String),
    /// Not a playground link at all (no `vN.` prefix); its first characters.
    UnknownFormat(String),
    /// Characters no playground link has: the link was edited.
    BadCharacters,
    /// The link ends before its data does: it was cut when copied or pasted.
    Truncated,
    /// The data is whole but wrong: part of the link was changed.
    Damaged,
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
            LinkError::NewerVersion(v) => write!(
                f,
                "the link was made by a newer version of the playground ({v}); reload the page to get it"
            ),
            LinkError::UnknownFormat(start) => write!(
                f,
                "the part after # is not a playground link (it starts with \"{start}\")"
            ),
            LinkError::BadCharacters => write!(
                f,
                "the link was edited: it holds characters a playground link never has"
            ),
            LinkError::Truncated => write!(
                f,
                "the link is cut short (its end is missing): copy the whole link again"
            ),
            LinkError::Damaged => write!(f, "the link is damaged: part of it was changed"),
            LinkError::TooLarge => write!(
                f,
                "the link unpacks to more than {} KB",
                MAX_INFLATED / 1024
            ),
            LinkError::NotPlaygroundState => write!(f, "the link does not hold a playground"),
        }
    }
}

/// The fragment (without `#`) for `shared`, in the newest format.
pub fn encode(shared: &Shared) -> String {
    let json = serde_json::to_vec(shared).expect("strings and numbers serialize");
    let version = match shared.files.is_empty() {
        true => VERSION_2,
        false => VERSION_3,
    };
    format!(
        "{version}{}",
        URL_SAFE_NO_PAD.encode(deflate_with(&dictionary_v2(), &json))
    )
}

/// Raw deflate of `input` whose matches may reach back into `dictionary`: the
/// dictionary is compressed first and flushed to a byte boundary (a sync flush keeps the
/// compressor's history), and only what follows the flush is kept.
fn deflate_with(dictionary: &[u8], input: &[u8]) -> Vec<u8> {
    let flags = create_comp_flags_from_zip_params(9, 0, 0);
    let mut compressor = CompressorOxide::new(flags);
    let mut scratch = vec![0; dictionary.len() + 1024];
    let (status, consumed, _) =
        compress(&mut compressor, dictionary, &mut scratch, TDEFLFlush::Sync);
    debug_assert!(status == TDEFLStatus::Okay && consumed == dictionary.len());
    let mut output = Vec::new();
    let mut buffer = vec![0; input.len() + 1024];
    let mut rest = input;
    loop {
        let (status, consumed, written) =
            compress(&mut compressor, rest, &mut buffer, TDEFLFlush::Finish);
        output.extend_from_slice(&buffer[..written]);
        rest = &rest[consumed..];
        if status != TDEFLStatus::Okay {
            return output;
        }
    }
}

/// Inflates raw deflate `data` written by [`deflate_with`] against the same
/// `dictionary`, stopping at `limit` bytes of output.
fn inflate_with(dictionary: &[u8], data: &[u8], limit: usize) -> Result<Vec<u8>, LinkError> {
    let mut output = vec![0; dictionary.len() + limit];
    output[..dictionary.len()].copy_from_slice(dictionary);
    let mut decompressor = DecompressorOxide::new();
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let (status, _, end) = decompress(
        &mut decompressor,
        data,
        &mut output,
        dictionary.len(),
        flags,
    );
    match status {
        TINFLStatus::Done => Ok(output[dictionary.len()..dictionary.len() + end].to_vec()),
        TINFLStatus::HasMoreOutput => Err(LinkError::TooLarge),
        // The input ended before the stream did: the link was cut.
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
            Err(LinkError::Truncated)
        }
        _ => Err(LinkError::Damaged),
    }
}

/// The state as the browser's storage keeps it: plain JSON (storage is not a link, and
/// compressing on every keystroke would cost the page time for nothing).
pub fn to_storage(shared: &Shared) -> String {
    serde_json::to_string(shared).expect("strings and numbers serialize")
}

/// Reads saved work: plain JSON, or a link fragment as earlier versions saved it.
pub fn from_storage(saved: &str) -> Option<Shared> {
    if saved.len() > MAX_INFLATED {
        return None;
    }
    serde_json::from_str(saved)
        .ok()
        .or_else(|| decode(saved).ok().flatten())
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
    let (dictionary, payload) = if let Some(payload) = fragment
        .strip_prefix(VERSION_2)
        .or_else(|| fragment.strip_prefix(VERSION_3))
    {
        (dictionary_v2(), payload)
    } else if let Some(payload) = fragment.strip_prefix(VERSION_1) {
        (Vec::new(), payload)
    } else {
        return Err(unknown_version(fragment));
    };
    let deflated = LENIENT.decode(payload).map_err(|error| match error {
        // A length no base64 text has: the last characters are missing.
        base64::DecodeError::InvalidLength(_) => LinkError::Truncated,
        _ => LinkError::BadCharacters,
    })?;
    let json = inflate_with(&dictionary, &deflated, MAX_INFLATED)?;
    let shared: Shared = serde_json::from_slice(&json).map_err(|error| {
        // Text that is not JSON came from a changed byte; JSON of another shape is
        // some other program's link.
        if error.is_data() {
            LinkError::NotPlaygroundState
        } else {
            LinkError::Damaged
        }
    })?;
    Ok(Some(Shared {
        active: shared.active.min(shared.files.len().saturating_sub(1)),
        ..shared
    }))
}

/// `v7.…` is a newer playground's link; anything else is not one of ours.
fn unknown_version(fragment: &str) -> LinkError {
    let start: String = fragment.chars().take(12).collect();
    let version = fragment.split('.').next().unwrap_or("");
    match version.strip_prefix('v').map(str::parse::<u32>) {
        Some(Ok(n)) if n > 3 && fragment.len() > version.len() => {
            LinkError::NewerVersion(version.to_string())
        }
        _ => LinkError::UnknownFormat(start),
    }
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
        assert!(link.starts_with("v2."));
        assert!(link[3..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(decode(&format!("#{link}")), Ok(Some(shared)));
        assert_eq!(decode(""), Ok(None));
    }

    #[test]
    fn a_project_travels_as_version_3_and_one_file_as_version_2() {
        let files = [
            ProjectFile::new("index.js", "const db = require('./models');"),
            ProjectFile::new("models/user.js", "module.exports = () => {};"),
        ];
        let shared = Shared::project(&files, 1, Some("index.js"), Dialect::Sqlite);
        let link = encode(&shared);
        assert!(link.starts_with("v3."), "{link}");
        assert_eq!(decode(&link), Ok(Some(shared.clone())));
        assert_eq!(from_storage(&to_storage(&shared)), Some(shared));
        let one = Shared::project(&files[..1], 0, None, Dialect::Mysql);
        assert!(encode(&one).starts_with("v2."));
        assert_eq!(one.code, files[0].code);
    }

    /// A v1 link written by the first release (plain deflate) still opens.
    #[test]
    fn version_1_links_still_open() {
        let link = "v1.q1ZKzk9JVbICUnnFJQqOCrYKhtZKOkopmYk5qcklQImC_OKS9KLUYqVaAA";
        assert_eq!(
            decode(link),
            Ok(Some(Shared::new("const A = 1;", Dialect::Postgres)))
        );
    }

    /// Version 2 links refer into the dictionary: changing one byte of it would break
    /// every v2 link ever shared. A new dictionary needs a new version.
    #[test]
    fn the_version_2_dictionary_never_changes() {
        let fnv = dictionary_v2()
            .iter()
            .fold(0xcbf29ce484222325u64, |hash, &byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x100000001b3)
            });
        assert_eq!((dictionary_v2().len(), fnv), (3217, 12589307164144097315));
    }

    #[test]
    fn the_dictionary_shortens_links() {
        let shared = Shared::new(crate::examples::DEFAULT_EXAMPLE, Dialect::Postgres);
        let json = serde_json::to_vec(&shared).unwrap();
        let plain = miniz_oxide::deflate::compress_to_vec(&json, 9).len();
        let with_dictionary = deflate_with(&dictionary_v2(), &json).len();
        assert!(
            with_dictionary * 10 < plain * 9,
            "{with_dictionary} vs {plain}"
        );
    }

    #[test]
    fn saved_work_reads_back_in_both_forms() {
        let shared = Shared::new("const A = sequelize.define('a', {}); // é", Dialect::Sqlite);
        assert_eq!(from_storage(&to_storage(&shared)), Some(shared.clone()));
        assert_eq!(
            from_storage(&encode(&shared)),
            Some(shared),
            "as saved before"
        );
        assert_eq!(from_storage("not saved work"), None);
    }

    #[test]
    fn bad_links_are_errors_not_panics() {
        assert_eq!(decode("v9.abc"), Err(LinkError::NewerVersion("v9".into())));
        assert_eq!(decode("v4.abc"), Err(LinkError::NewerVersion("v4".into())));
        assert_eq!(
            decode("hello-there-world"),
            Err(LinkError::UnknownFormat("hello-there-".into()))
        );
        assert!(matches!(decode("v0.abc"), Err(LinkError::UnknownFormat(_))));
        assert_eq!(decode("v1.@@@"), Err(LinkError::BadCharacters));
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

    /// Every cut of a link says "cut short", whatever length it is cut at; a changed
    /// character in the middle says "damaged" (or, rarely, still decodes to other text).
    #[test]
    fn a_cut_link_is_told_apart_from_a_damaged_one() {
        let good = encode(&Shared::new(
            crate::examples::DEFAULT_EXAMPLE,
            Dialect::Mysql,
        ));
        for cut in 4..good.len() - 3 {
            assert_eq!(
                decode(&good[..cut]),
                Err(LinkError::Truncated),
                "cut at {cut}"
            );
        }
        let middle = good.len() / 2;
        let changed = |c: char| format!("{}{c}{}", &good[..middle], &good[middle + 1..]);
        let damaged = ['A', 'z', '0', '_']
            .into_iter()
            .map(changed)
            .filter(|link| *link != good)
            .map(|link| decode(&link))
            .filter(|result| *result == Err(LinkError::Damaged))
            .count();
        assert!(damaged >= 2, "{damaged}");
        for error in [
            LinkError::Truncated,
            LinkError::Damaged,
            LinkError::BadCharacters,
        ] {
            assert!(!error.to_string().is_empty());
        }
        assert!(LinkError::Truncated.to_string().contains("cut short"));
        assert!(!LinkError::Truncated.to_string().contains("characters"));
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
