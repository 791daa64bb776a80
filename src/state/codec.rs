//! The query's text layer, shared by every codec (the single ray's [`super::query`], the
//! plan's [`super::plan`] and the view's [`super::view`]): how a query string splits into
//! decoded pairs, and the [`Notice`]s that say what was not taken as written. A leaf under
//! the catalogue ([`super::i18n`]): it imports only the catalogue and `numtext`, and knows no
//! state.

use super::i18n::{self, trf, Lang, Msg};
use crate::numtext::format_number;
use serde::Serialize;
use std::fmt;

/// Something in the query that was not taken as written.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// A key the app does not know; ignored.
    UnknownKey {
        /// The key as written.
        key: String,
    },
    /// A value that could not be read; the default was kept.
    InvalidValue {
        /// The key as written.
        key: String,
        /// The value as written.
        value: String,
    },
    /// A value outside its range; the nearest allowed value was used.
    Clamped {
        /// The key as written.
        key: String,
        /// The value asked for.
        requested: f64,
        /// The nearest allowed value, used instead.
        applied: f64,
    },
}

impl Notice {
    /// The notice in words. The requested value is quoted as the URL wrote it (with a dot);
    /// the value used follows the language.
    pub fn notice_text(&self, lang: Lang) -> String {
        match self {
            Notice::UnknownKey { key } => trf(lang, Msg::NoticeUnknownKey, &[("key", key)]),
            Notice::InvalidValue { key, value } => trf(
                lang,
                Msg::NoticeInvalidValue,
                &[("key", key), ("value", value)],
            ),
            Notice::Clamped {
                key,
                requested,
                applied,
            } => trf(
                lang,
                Msg::NoticeClamped,
                &[
                    ("key", key),
                    ("requested", &format_number(*requested, 4)),
                    ("applied", &i18n::number(lang, *applied, 4)),
                ],
            ),
        }
    }
}

/// The notices in `lang`, one after the other ("…; …", in French "…\u{a0}; …"): the link
/// notice of the page and of the plan.
pub fn notice_list(notices: &[Notice], lang: Lang) -> String {
    let texts: Vec<String> = notices.iter().map(|n| n.notice_text(lang)).collect();
    texts.join(i18n::tr(lang, Msg::NoticeSeparator))
}

/// In English (the CLI's warnings and errors).
impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.notice_text(Lang::En))
    }
}

/// Decodes `%XX` and `+` of a query component; invalid escapes (anything but two hex digits
/// after `%`: `%+1`, `%G0`, a `%` at the end) are kept as written.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let hex = |b: u8| char::from(b).to_digit(16).map(|d| d as u8);
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits a query (with or without a leading `?` or `#`) into decoded, trimmed pairs.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim()
        .trim_start_matches(['?', '#'])
        .split(['&', ';'])
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (
                decode_component(k).trim().to_ascii_lowercase(),
                decode_component(v).trim().to_string(),
            )
        })
        .collect()
}
