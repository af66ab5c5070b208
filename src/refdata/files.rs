//! Reading the reference-data folder and fingerprinting it. Shared with `build.rs`.

use std::io;
use std::path::Path;

use sha2::{Digest, Sha256};

/// Every `*.toml` file in `dir`, as `(file name, contents)`, sorted by name.
pub fn read_dir(dir: &Path) -> io::Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            files.push((name, std::fs::read_to_string(&path)?));
        }
    }
    files.sort();
    Ok(files)
}

/// SHA-256 over the names and contents of the files: the data's identity.
pub fn sha256_hex(files: &[(String, String)]) -> String {
    let mut hasher = Sha256::new();
    for (name, text) in files {
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(text.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
