//! A project of several files: what one is (paths and texts), how the core reads it as
//! one text (each file a range of it, so that a span names one place in the project),
//! and how files dropped on the page become one (a folder, loose files or a `.zip`;
//! `node_modules` and what Node would not load left out, and said so).

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// One file of the project: its path from the project's root (`models/user.js`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectFile {
    pub path: String,
    pub code: String,
}

impl ProjectFile {
    pub fn new(path: &str, code: &str) -> ProjectFile {
        ProjectFile {
            path: path.to_string(),
            code: code.to_string(),
        }
    }
}

/// The files as one text, each followed by a line break, and each file's range in it.
pub fn joined(files: &[ProjectFile]) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    for file in files {
        text.push_str(&file.code);
        text.push('\n');
    }
    (text, ranges(files))
}

/// Each file's range in the text of [`joined`], without writing that text.
pub fn ranges(files: &[ProjectFile]) -> Vec<Range<usize>> {
    let mut start = 0;
    files
        .iter()
        .map(|file| {
            let range = start..start + file.code.len();
            start = range.end + 1;
            range
        })
        .collect()
}

/// The file that holds byte `offset` of the joined text, and the offset in that file.
pub fn locate(ranges: &[Range<usize>], offset: usize) -> Option<(usize, usize)> {
    let index = ranges
        .iter()
        .position(|r| offset >= r.start && offset <= r.end)?;
    Some((index, offset - ranges[index].start))
}

/// The file Node would be started with: `entry` if the project has it, else the first of
/// `index.js`, `app.js`, `server.js`, `main.js`, `models/index.js`, else the first file.
pub fn entry_file(paths: &[&str], entry: Option<&str>) -> usize {
    let position = |name: &str| {
        paths
            .iter()
            .position(|path| path.trim_start_matches("./") == name)
    };
    entry
        .into_iter()
        .chain([
            "index.js",
            "app.js",
            "server.js",
            "main.js",
            "models/index.js",
        ])
        .find_map(position)
        .unwrap_or(0)
}

/// A path as the project keeps it: `/` between parts, no `.`, no leading `/`, and no
/// `..` (a path cannot leave the project). Empty when nothing is left.
pub fn clean_path(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.trim().split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// What a file's path may not be, in words for the rename box; `None` when it is fine.
pub fn path_problem(path: &str, others: &[&str]) -> Option<String> {
    let clean = clean_path(path);
    if clean.is_empty() {
        return Some("a file needs a name".into());
    }
    if !is_loaded_by_node(&clean) {
        return Some(format!(
            "{clean}: the playground runs .js, .cjs, .mjs and .json files"
        ));
    }
    others
        .iter()
        .any(|other| clean_path(other) == clean)
        .then(|| format!("the project already has {clean}"))
}

/// A name for a new file that no file has yet: `file.js`, `file2.js`, …
pub fn new_file_name(paths: &[&str]) -> String {
    (1..)
        .map(|n| match n {
            1 => "file.js".to_string(),
            n => format!("file{n}.js"),
        })
        .find(|name| !paths.contains(&name.as_str()))
        .expect("a free name")
}

fn is_loaded_by_node(path: &str) -> bool {
    [".js", ".cjs", ".mjs", ".json"]
        .iter()
        .any(|ext| path.ends_with(ext))
}

/// The most files a project takes, and the most bytes in all (the core reads at most
/// [`crate::MAX_SOURCE`] of text).
pub const MAX_FILES: usize = 200;

/// Files dropped on the page, read into a project.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Upload {
    pub files: Vec<ProjectFile>,
    /// What was left out and why, one line each, for the page's notice.
    pub left_out: Vec<String>,
}

/// The project in `entries` (path and bytes, as the browser read them; a path ending
/// in `/` is a folder it did not read, such as `node_modules/`): a `.zip` is
/// opened, `node_modules` and files Node would not load are left out (and named in
/// `left_out`), and a folder that holds everything is made the project's root.
pub fn from_upload(entries: Vec<(String, Vec<u8>)>) -> Upload {
    let mut upload = Upload::default();
    let mut kept: Vec<(String, Vec<u8>)> = Vec::new();
    for (path, bytes) in entries {
        if path.to_ascii_lowercase().ends_with(".zip") {
            match unzip(&bytes) {
                Ok(inner) => kept.extend(inner),
                Err(why) => upload.left_out.push(format!("{path}: {why}")),
            }
        } else {
            kept.push((path, bytes));
        }
    }
    let mut skipped_modules = false;
    let mut other_kinds = Vec::new();
    for (path, bytes) in kept {
        let path = clean_path(&path);
        if path.is_empty() {
            continue;
        }
        if path.split('/').any(|part| part == "node_modules") {
            skipped_modules = true;
            continue;
        }
        if !is_loaded_by_node(&path) || path.ends_with("package-lock.json") {
            other_kinds.push(path);
            continue;
        }
        match String::from_utf8(bytes) {
            Ok(code) => upload.files.push(ProjectFile { path, code }),
            Err(_) => upload
                .left_out
                .push(format!("{path}: not UTF-8 text, so not JavaScript")),
        }
    }
    if skipped_modules {
        upload
            .left_out
            .push("node_modules (npm packages load as stand-ins)".into());
    }
    if !other_kinds.is_empty() {
        upload.left_out.push(format!(
            "{}: not JavaScript or JSON",
            shortened_list(&other_kinds)
        ));
    }
    if upload.files.len() > MAX_FILES {
        upload.left_out.push(format!(
            "{} files past the first {MAX_FILES}",
            upload.files.len() - MAX_FILES
        ));
        upload.files.truncate(MAX_FILES);
    }
    strip_common_folder(&mut upload.files);
    upload.files.sort_by(|a, b| a.path.cmp(&b.path));
    upload
}

fn shortened_list(paths: &[String]) -> String {
    match paths {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [a, b, rest @ ..] => format!("{a}, {b} and {} more", rest.len()),
        [] => String::new(),
    }
}

/// `my-app/models/user.js` and `my-app/index.js` become `models/user.js` and
/// `index.js`: a dropped folder's name is not part of the project's paths (one level:
/// the folders inside it are).
fn strip_common_folder(files: &mut [ProjectFile]) {
    let Some((folder, _)) = files.first().and_then(|f| f.path.split_once('/')) else {
        return;
    };
    let prefix = format!("{folder}/");
    if files.iter().all(|f| f.path.starts_with(&prefix)) {
        for file in files.iter_mut() {
            file.path.drain(..prefix.len());
        }
    }
}

/// The files of a `.zip` archive (stored or deflated entries; folders skipped), read
/// from its central directory. Bounded: at most [`MAX_UNZIPPED`] bytes in all.
pub fn unzip(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let directory = central_directory(bytes).ok_or("not a zip archive")?;
    let mut files = Vec::new();
    let mut total = 0usize;
    let mut at = directory.offset;
    for _ in 0..directory.entries {
        let entry = read_entry(bytes, at).ok_or("the zip archive is damaged")?;
        at = entry.next;
        if entry.name.ends_with('/') {
            continue;
        }
        total += entry.size;
        if total > MAX_UNZIPPED {
            return Err(format!(
                "it unpacks to more than {} KB",
                MAX_UNZIPPED / 1024
            ));
        }
        let data = entry_data(bytes, &entry).ok_or_else(|| {
            format!(
                "{} is packed in a way the playground cannot open",
                entry.name
            )
        })?;
        files.push((entry.name, data));
    }
    Ok(files)
}

/// The most bytes a dropped `.zip` may unpack to.
pub const MAX_UNZIPPED: usize = 4 * 1024 * 1024;

struct Directory {
    entries: usize,
    offset: usize,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at + 2)?;
    Some(usize::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at + 4)?;
    usize::try_from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok()
}

/// The end-of-central-directory record, searched from the end (a comment may follow it).
fn central_directory(bytes: &[u8]) -> Option<Directory> {
    const SIGNATURE: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    let lowest = bytes.len().saturating_sub(22 + 65_535);
    let end = (lowest..=bytes.len().checked_sub(22)?)
        .rev()
        .find(|&i| bytes[i..i + 4] == SIGNATURE)?;
    Some(Directory {
        entries: u16_at(bytes, end + 10)?,
        offset: u32_at(bytes, end + 16)?,
    })
}

struct Entry {
    name: String,
    method: usize,
    packed: usize,
    size: usize,
    local_header: usize,
    next: usize,
}

fn read_entry(bytes: &[u8], at: usize) -> Option<Entry> {
    if bytes.get(at..at + 4)? != [0x50, 0x4b, 0x01, 0x02] {
        return None;
    }
    let name_length = u16_at(bytes, at + 28)?;
    let extra = u16_at(bytes, at + 30)?;
    let comment = u16_at(bytes, at + 32)?;
    let name = bytes.get(at + 46..at + 46 + name_length)?;
    Some(Entry {
        name: String::from_utf8_lossy(name).into_owned(),
        method: u16_at(bytes, at + 10)?,
        packed: u32_at(bytes, at + 20)?,
        size: u32_at(bytes, at + 24)?,
        local_header: u32_at(bytes, at + 42)?,
        next: at + 46 + name_length + extra + comment,
    })
}

fn entry_data(bytes: &[u8], entry: &Entry) -> Option<Vec<u8>> {
    let header = entry.local_header;
    if bytes.get(header..header + 4)? != [0x50, 0x4b, 0x03, 0x04] {
        return None;
    }
    let start = header + 30 + u16_at(bytes, header + 26)? + u16_at(bytes, header + 28)?;
    let packed = bytes.get(start..start.checked_add(entry.packed)?)?;
    match entry.method {
        0 => Some(packed.to_vec()),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(packed, entry.size.max(1))
            .ok()
            .filter(|data| data.len() == entry.size),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zip archive of `files`, deflated (method 8) or stored (0), as zip tools write it.
    pub(crate) fn zip(files: &[(&str, &str)], deflate: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut directory = Vec::new();
        for (name, text) in files {
            let data = match deflate {
                true => miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6),
                false => text.as_bytes().to_vec(),
            };
            let offset = out.len() as u32;
            let method: u16 = if deflate { 8 } else { 0 };
            let fields = |out: &mut Vec<u8>| {
                out.extend_from_slice(&method.to_le_bytes());
                out.extend_from_slice(&[0; 8]); // time, date, crc (not checked)
                out.extend_from_slice(&(data.len() as u32).to_le_bytes());
                out.extend_from_slice(&(text.len() as u32).to_le_bytes());
                out.extend_from_slice(&(name.len() as u16).to_le_bytes());
                out.extend_from_slice(&0u16.to_le_bytes());
            };
            out.extend_from_slice(&[0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
            fields(&mut out);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&data);
            directory.extend_from_slice(&[0x50, 0x4b, 0x01, 0x02, 20, 0, 20, 0, 0, 0]);
            fields(&mut directory);
            directory.extend_from_slice(&[0; 10]); // comment, disk, attributes
            directory.extend_from_slice(&offset.to_le_bytes());
            directory.extend_from_slice(name.as_bytes());
        }
        let directory_offset = out.len() as u32;
        out.extend_from_slice(&directory);
        out.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
        let count = (files.len() as u16).to_le_bytes();
        out.extend_from_slice(&count);
        out.extend_from_slice(&count);
        out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
        out.extend_from_slice(&directory_offset.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    fn upload(entries: &[(&str, &str)]) -> Upload {
        from_upload(
            entries
                .iter()
                .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
                .collect(),
        )
    }

    fn paths(upload: &Upload) -> Vec<&str> {
        upload.files.iter().map(|f| f.path.as_str()).collect()
    }

    #[test]
    fn a_dropped_folder_becomes_the_project_root() {
        let dropped = upload(&[
            ("shop/models/user.js", "module.exports = 1;"),
            ("shop/index.js", "require('./models/user');"),
            ("shop/node_modules/sequelize/index.js", "x"),
            ("shop/node_modules/pg/index.js", "x"),
            ("shop/README.md", "# shop"),
            ("shop/config/config.json", "{}"),
        ]);
        assert_eq!(
            paths(&dropped),
            ["config/config.json", "index.js", "models/user.js"]
        );
        assert_eq!(
            dropped.left_out,
            [
                "node_modules (npm packages load as stand-ins)",
                "shop/README.md: not JavaScript or JSON"
            ]
        );
    }

    #[test]
    fn a_zip_opens_whether_stored_or_deflated() {
        for deflate in [false, true] {
            let archive = zip(
                &[
                    ("app/models/", ""),
                    ("app/models/pet.js", "module.exports = 'pet';"),
                    ("app/index.js", "console.log(require('./models/pet'));"),
                ],
                deflate,
            );
            let opened = from_upload(vec![("app.zip".into(), archive)]);
            assert_eq!(paths(&opened), ["index.js", "models/pet.js"], "{deflate}");
            assert_eq!(opened.files[1].code, "module.exports = 'pet';");
            assert!(opened.left_out.is_empty());
        }
    }

    #[test]
    fn a_bad_zip_is_named_not_dropped_in_silence() {
        let mut archive = zip(&[("a.js", "const a = 1;")], true);
        let opened = from_upload(vec![("broken.zip".into(), b"PK nonsense".to_vec())]);
        assert_eq!(opened.left_out, ["broken.zip: not a zip archive"]);
        let cut = archive.len() / 2;
        archive[cut - 4..cut].copy_from_slice(b"XXXX");
        let damaged = from_upload(vec![("cut.zip".into(), archive)]);
        assert!(damaged.files.is_empty() && damaged.left_out.len() == 1);
    }

    #[test]
    fn paths_stay_inside_the_project() {
        assert_eq!(clean_path("./models/../../etc/x.js"), "etc/x.js");
        assert_eq!(clean_path("\\models\\user.js"), "models/user.js");
        assert_eq!(
            path_problem("README.md", &[]).as_deref(),
            Some("README.md: the playground runs .js, .cjs, .mjs and .json files")
        );
        assert_eq!(
            path_problem("./index.js", &["index.js"]).as_deref(),
            Some("the project already has index.js")
        );
        assert_eq!(path_problem("models/a.js", &["index.js"]), None);
        assert_eq!(new_file_name(&["file.js", "index.js"]), "file2.js");
    }

    #[test]
    fn spans_of_the_joined_text_name_one_file() {
        let files = [
            ProjectFile::new("a.js", "abc"),
            ProjectFile::new("b.js", "de"),
        ];
        let (text, ranges) = joined(&files);
        assert_eq!(text, "abc\nde\n");
        assert_eq!(locate(&ranges, 1), Some((0, 1)));
        assert_eq!(locate(&ranges, 5), Some((1, 1)));
        assert_eq!(entry_file(&["models/index.js", "app.js"], None), 1);
        assert_eq!(entry_file(&["a.js", "b.js"], Some("b.js")), 1);
        assert_eq!(entry_file(&["a.js", "b.js"], None), 0);
    }
}
