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
    let meta = std::fs::metadata(p).map_err(|e| Error::File { path: p.to_path_buf(), source: e })?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .map_err(|e| Error::File { path: p.to_path_buf(), source: e })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|e| !e.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
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

/// Reads one file as text: UTF-8 with or without BOM; binary and invalid files are errors.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::File { path: path.to_path_buf(), source: e })?;
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(Error::Invalid(format!("{}: binary file (NUL bytes), skipped", path.display())));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(Error::Encoding { path: path.to_path_buf(), offset: e.valid_up_to() }),
    }
}

/// Reads every file under `paths`. Files that cannot be read are returned with their error;
/// the others are read.
pub fn read_inputs(paths: &[PathBuf]) -> Result<(Vec<Input>, Vec<(PathBuf, Error)>)> {
    let mut inputs = Vec::new();
    let mut failed = Vec::new();
    for f in collect_files(paths)? {
        match read_text(&f) {
            Ok(text) if text.trim().is_empty() => {
                failed.push((f.clone(), Error::Invalid(format!("{}: empty file, skipped", f.display()))));
            }
            Ok(text) => inputs.push(Input { source: f.display().to_string(), text }),
            Err(e) => failed.push((f, e)),
        }
    }
    Ok((inputs, failed))
}

/// The current time as an xsd:dateTime in UTC.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0) as i64;
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
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
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
        assert!(failed[1].1.to_string().contains("b.txt") && failed[1].1.to_string().contains("offset 3"));
    }

    #[test]
    fn timestamps_are_xsd_datetimes() {
        let t = now_utc();
        assert_eq!(t.len(), 20);
        assert!(t.starts_with("20") && t.ends_with('Z'));
    }
}
