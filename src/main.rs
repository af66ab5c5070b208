use std::process::ExitCode;

fn main() -> ExitCode {
    // First thing, before any thread exists: see `take_passphrase`.
    let passphrase = take_passphrase();
    fieldtrace::app::main(passphrase)
}

/// `FIELDTRACE_PASSPHRASE`, read once and removed from the process environment: no code that
/// runs later reads it, and no child process inherits it. (Linux still shows the environment
/// the process started with in `/proc/PID/environ`, to the same user and root: scripts should
/// prefer `--passphrase-file`.)
#[allow(unsafe_code)]
fn take_passphrase() -> Option<String> {
    let name = fieldtrace::context::PASSPHRASE_ENV;
    let value = std::env::var_os(name)?;
    // SAFETY: `remove_var` is unsound only when another thread reads or writes the environment
    // at the same time. This runs first in `main`, before the program starts any thread (the
    // thread pools, the progress bar and SQLite all start later), so no other thread exists.
    unsafe { std::env::remove_var(name) };
    value.into_string().ok()
}

#[cfg(test)]
mod tests {
    /// Run in a child process of its own (the variable set, one test thread): the passphrase
    /// is taken, and gone from the environment a child would inherit.
    #[test]
    fn the_passphrase_leaves_the_environment() {
        let name = fieldtrace::context::PASSPHRASE_ENV;
        if std::env::var_os("FIELDTRACE_TEST_CHILD").is_some() {
            assert_eq!(super::take_passphrase().as_deref(), Some("s3cret words"));
            assert!(std::env::var_os(name).is_none());
            let child = std::process::Command::new("env").output().unwrap();
            let inherited = String::from_utf8_lossy(&child.stdout);
            assert!(!inherited.contains(name), "{inherited}");
            return;
        }
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "tests::the_passphrase_leaves_the_environment",
                "--test-threads=1",
            ])
            .env("FIELDTRACE_TEST_CHILD", "1")
            .env(name, "s3cret words")
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{report}");
        assert!(report.contains("1 passed"), "{report}");
    }
}
