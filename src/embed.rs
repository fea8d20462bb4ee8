//! Embed mode: the playground inside a tutorial page's iframe (`?embed`), showing only
//! the chosen panels. Read from the query string by a pure function; the page applies it
//! with [`shows`], to the one layout the full page has too.

use crate::state::Theme;

/// A panel of the page. An embed can show the first six; the form builder and the Data
/// panel are the full page's only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Code,
    Tables,
    Sql,
    Methods,
    Diagram,
    Run,
    Form,
    Data,
}

impl Panel {
    /// The panels beside the code, in the page's order.
    pub const VIEWS: [Panel; 6] = [
        Panel::Run,
        Panel::Data,
        Panel::Tables,
        Panel::Diagram,
        Panel::Sql,
        Panel::Methods,
    ];

    /// An embed's panel named in its `panels` list.
    fn from_name(name: &str) -> Option<Panel> {
        Some(match name.trim() {
            "code" => Panel::Code,
            "tables" => Panel::Tables,
            "sql" => Panel::Sql,
            "methods" => Panel::Methods,
            "diagram" => Panel::Diagram,
            "run" => Panel::Run,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    pub panels: Vec<Panel>,
    pub readonly: bool,
    pub theme: Theme,
    pub run_on_load: bool,
}

impl Embed {
    pub fn shows(&self, panel: Panel) -> bool {
        self.panels.contains(&panel)
    }
}

/// Whether the page shows `panel`: every one on the full page (`None`), an embed its own.
pub fn shows(embed: Option<&Embed>, panel: Panel) -> bool {
    embed.is_none_or(|embed| embed.shows(panel))
}

/// Fewest and most lines an embed's editor shows: as tall as its code in between
/// (`www/embed.js` reserves the iframe's first height with the same numbers).
pub const EDITOR_LINES: (usize, usize) = (3, 24);

/// The rows of an embed's editor for `code`.
pub fn editor_rows(code: &str) -> usize {
    let (fewest, most) = EDITOR_LINES;
    code.lines().count().clamp(fewest, most)
}

/// `?embed&panels=code,tables&readonly&theme=dark&run=auto` → the embed, or `None` for
/// the full page. Unknown panels are ignored; no valid panel means the default set.
pub fn from_query(query: &str) -> Option<Embed> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (key, value) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect();
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    get("embed")?;
    let mut panels: Vec<Panel> = get("panels")
        .map(|list| {
            list.split([',', '+'])
                .filter_map(Panel::from_name)
                .collect()
        })
        .unwrap_or_default();
    if panels.is_empty() {
        panels = vec![Panel::Code, Panel::Tables, Panel::Methods, Panel::Run];
    }
    Some(Embed {
        panels,
        readonly: get("readonly").is_some_and(|v| v != "false" && v != "0"),
        theme: Theme::from_name(get("theme").unwrap_or("system")),
        run_on_load: get("run") == Some("auto"),
    })
}

/// `%2C` → `,` and `+` → ` `, as in a query string; malformed escapes stay as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match text
                    .get(i + 1..i + 3)
                    .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                    .ok_or(())
                {
                    Ok(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_embeds_editor_is_as_tall_as_its_code_within_bounds() {
        assert_eq!(editor_rows(""), 3);
        assert_eq!(editor_rows("const A = 1;"), 3);
        assert_eq!(editor_rows(&"x\n".repeat(10)), 10);
        assert_eq!(editor_rows(&"x\n".repeat(500)), 24);
    }

    #[test]
    fn reads_the_options() {
        assert_eq!(from_query(""), None);
        assert_eq!(from_query("?panels=code"), None);
        let embed =
            from_query("?embed&panels=code,diagram,bogus&readonly&theme=dark&run=auto").unwrap();
        assert_eq!(embed.panels, vec![Panel::Code, Panel::Diagram]);
        assert!(embed.readonly && embed.run_on_load);
        assert_eq!(embed.theme, Theme::Dark);
        let encoded = from_query("?embed=&panels=code%2Crun&theme=light").unwrap();
        assert_eq!(encoded.panels, vec![Panel::Code, Panel::Run]);
        assert_eq!(encoded.theme, Theme::Light);
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%zz%41+b"), "%zzA b");
        let plain = from_query("?embed").unwrap();
        assert_eq!(
            plain.panels,
            vec![Panel::Code, Panel::Tables, Panel::Methods, Panel::Run]
        );
        assert!(!plain.readonly && !plain.run_on_load);
        // The full page's own panels cannot be asked for.
        assert_eq!(from_query("?embed&panels=form,data"), Some(plain.clone()));
        assert!(Panel::VIEWS.iter().all(|&panel| shows(None, panel)));
        assert!(shows(Some(&plain), Panel::Run) && !shows(Some(&plain), Panel::Data));
        assert!(!shows(Some(&plain), Panel::Form) && !shows(Some(&plain), Panel::Diagram));
    }
}
