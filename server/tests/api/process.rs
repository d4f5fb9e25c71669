//! Starting the real `samrad` binary as a process of its own; shared with the
//! benchmarks (`server/benches/support/served.rs`), which include this file.

/// Starts the real binary on `database` with the extra environment `env`, on a port
/// of its own choosing; returns it with its first line of output, which names the
/// address it listens on.
pub fn launch(database: &str, env: &[(&str, &std::ffi::OsStr)]) -> (std::process::Child, String) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_samrad"))
        .args(["--database", database, "serve", "--addr", "127.0.0.1:0"])
        .env("RUST_LOG", "warn")
        .envs(env.iter().copied())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start samrad");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("first line");
    (child, line)
}
