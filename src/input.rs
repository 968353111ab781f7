//! Reading input files: folders walked in order, UTF-8 checked, binary and empty files refused
//! with a clear error naming the file.

use crate::error::{Error, Result};
use crate::pipeline::Input;
use std::path::{Path, PathBuf};

/// Files under `paths` (folders walked recursively, sorted; hidden files skipped).
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        walk(p, &mut out)?;
    }
    Ok(out)
}

fn walk(p: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let meta = std::fs::metadata(p).map_err(|e| Error::File {
        path: p.to_path_buf(),
        source: e,
    })?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .map_err(|e| Error::File {
                path: p.to_path_buf(),
                source: e,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|e| {
                !e.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        entries.sort();
        for e in entries {
            walk(&e, out)?;
        }
    } else {
        out.push(p.to_path_buf());
    }
    Ok(())
}

/// How input files are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Replace undecodable bytes instead of refusing the file.
    pub lossy: bool,
    /// Files larger than this are skipped.
    pub max_file_size: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            lossy: false,
            max_file_size: 64 << 20,
        }
    }
}

/// A decoded file and the encoding it was read as.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text (HTML already reduced to its text).
    pub text: String,
    /// `UTF-8`, `GB18030`, `Big5`, …, with `+html` when tags were stripped.
    pub encoding: String,
}

/// Frequent characters of Chinese news, in both scripts.
const COMMON: &str =
    "的是在了和有不一中国人大为上个发业产区新高企公司科技展区創業產區發展國學會業與為這們來時";

fn cjk_share(s: &str) -> f64 {
    let (mut cjk, mut all) = (0usize, 0usize);
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        all += 1;
        if crate::normalize::is_cjk(c) {
            cjk += 1;
        }
    }
    if all == 0 {
        0.0
    } else {
        cjk as f64 / all as f64
    }
}

/// Decodes bytes: UTF-8 (with or without BOM), else GB18030 (which covers GBK) or Big5 when
/// they decode without error into mostly Chinese text. Invalid bytes are an error naming the
/// byte offset, unless `lossy`.
pub fn decode(path: &Path, bytes: &[u8], lossy: bool) -> Result<Decoded> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(Error::Invalid(format!(
            "{}: binary file (NUL bytes), skipped",
            path.display()
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, encoding) = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8".to_string()),
        Err(e) => {
            // GB18030 decodes almost any bytes, so candidates are judged by how much of the
            // result is common Chinese (simplified or traditional) and how little falls in
            // the private use area, where mis-decoded bytes land.
            let mut found: Option<(String, String, i64)> = None;
            for enc in [encoding_rs::GB18030, encoding_rs::BIG5] {
                let (t, had_errors) = enc.decode_without_bom_handling(bytes);
                if had_errors || cjk_share(&t) < 0.3 {
                    continue;
                }
                let common = t.chars().filter(|c| COMMON.contains(*c)).count() as i64;
                let pua = t
                    .chars()
                    .filter(|c| ('\u{E000}'..='\u{F8FF}').contains(c))
                    .count() as i64;
                let score = common - 10 * pua;
                if score > 0 && found.as_ref().is_none_or(|f| score > f.2) {
                    found = Some((t.into_owned(), enc.name().to_string(), score));
                }
            }
            let found = found.map(|(t, e, _)| (t, e));
            match found {
                Some(f) => f,
                None if lossy => (
                    String::from_utf8_lossy(bytes).into_owned(),
                    "UTF-8 (lossy)".to_string(),
                ),
                None => {
                    return Err(Error::Encoding {
                        path: path.to_path_buf(),
                        offset: e.valid_up_to(),
                    })
                }
            }
        }
    };
    if looks_like_html(&text) {
        return Ok(Decoded {
            text: html_text(&text),
            encoding: format!("{encoding}+html"),
        });
    }
    Ok(Decoded { text, encoding })
}

fn looks_like_html(s: &str) -> bool {
    let head: String = s
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    head.contains("<html")
        || head.contains("<!doctype html")
        || (head.contains("<p>") && head.contains("</p>"))
}

/// The text of an HTML page: scripts and styles dropped, block ends as newlines, tags removed,
/// the common entities decoded. Headings become `## ` lines so articles still split.
pub fn html_text(html: &str) -> String {
    static DROP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?is)<(script|style|head)[^>]*>.*?</(script|style|head)>")
            .expect("static regex")
    });
    static HEAD: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"(?i)<h[12][^>]*>").expect("static regex"));
    static BLOCK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)</?(p|div|br|li|h\d|tr|section|article)[^>]*>")
            .expect("static regex")
    });
    static TAG: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"<[^>]*>").expect("static regex"));
    let s = DROP.replace_all(html, "");
    let s = HEAD.replace_all(&s, "\n## ");
    let s = BLOCK.replace_all(&s, "\n");
    let s = TAG.replace_all(&s, "");
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Reads one file as text (see [`decode`]); files over the size limit are refused.
pub fn read_with(path: &Path, opts: ReadOptions) -> Result<Decoded> {
    let meta = std::fs::metadata(path).map_err(|e| Error::File {
        path: path.to_path_buf(),
        source: e,
    })?;
    if meta.len() > opts.max_file_size {
        return Err(Error::Invalid(format!(
            "{}: {} bytes, over --max-file-size {} bytes, skipped",
            path.display(),
            meta.len(),
            opts.max_file_size
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::File {
        path: path.to_path_buf(),
        source: e,
    })?;
    decode(path, &bytes, opts.lossy)
}

/// Reads one file as text: UTF-8 with or without BOM, GB18030 or Big5; binary and invalid
/// files are errors.
pub fn read_text(path: &Path) -> Result<String> {
    Ok(read_with(path, ReadOptions::default())?.text)
}

/// Files that could not be read, each with its error.
pub type Failed = Vec<(PathBuf, Error)>;

/// Reads every file under `paths`. Files that cannot be read are returned with their error;
/// the others are read.
pub fn read_inputs(paths: &[PathBuf]) -> Result<(Vec<Input>, Failed)> {
    let mut inputs = Vec::new();
    let mut failed = Vec::new();
    for f in collect_files(paths)? {
        match read_text(&f) {
            Ok(text) if text.trim().is_empty() => {
                failed.push((
                    f.clone(),
                    Error::Invalid(format!("{}: empty file, skipped", f.display())),
                ));
            }
            Ok(text) => inputs.push(Input {
                source: f.display().to_string(),
                text,
            }),
            Err(e) => failed.push((f, e)),
        }
    }
    Ok((inputs, failed))
}

/// The current time as an xsd:dateTime in UTC.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0) as i64;
    let (days, rem) = (secs.div_euclid(86400), secs.rem_euclid(86400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_binary_and_invalid_utf8_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("a.bin");
        std::fs::write(&bin, b"\x00\x01\x02").unwrap();
        let bad = dir.path().join("b.txt");
        std::fs::write(&bad, b"ok \xff\xfe").unwrap();
        let good = dir.path().join("c.txt");
        std::fs::write(&good, "\u{FEFF}甲高新区。").unwrap();
        let (inputs, failed) = read_inputs(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].text, "甲高新区。");
        assert_eq!(failed.len(), 2);
        assert!(failed[0].1.to_string().contains("a.bin"));
        assert!(
            failed[1].1.to_string().contains("b.txt")
                && failed[1].1.to_string().contains("offset 3")
        );
    }

    #[test]
    fn gb18030_big5_and_html_are_read() {
        let p = Path::new("x.txt");
        let (gbk, _, _) = encoding_rs::GB18030.encode("青岚高新区引进星河科技集团。");
        let d = decode(p, &gbk, false).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("青岚高新区引进星河科技集团。", "gb18030")
        );
        let (big5, _, _) = encoding_rs::BIG5.encode("青嵐高新區引進星河科技集團。");
        assert_eq!(
            decode(p, &big5, false).unwrap().text,
            "青嵐高新區引進星河科技集團。"
        );
        let html = "<html><head><title>t</title></head><body><h2>甲高新区</h2><p>甲高新区引进乙公司&amp;丙公司。</p><script>x()</script></body></html>";
        let d = decode(p, html.as_bytes(), false).unwrap();
        assert!(
            d.text.contains("## 甲高新区")
                && d.text.contains("乙公司&丙公司")
                && !d.text.contains("<p>")
                && !d.text.contains("x()")
        );
        let err = decode(p, b"\x80\x81abc\xff", false)
            .unwrap_err()
            .to_string();
        assert!(err.contains("x.txt") && err.contains("offset"), "{err}");
        assert!(decode(p, b"\x80\x81abc\xff", true).is_ok());
    }

    #[test]
    fn timestamps_are_xsd_datetimes() {
        let t = now_utc();
        assert_eq!(t.len(), 20);
        assert!(t.starts_with("20") && t.ends_with('Z'));
    }
}
