//! The real `samrad` binary, started on a database for a benchmark or a fault run,
//! and what the kernel says it costs: CPU time and resident memory from `/proc`.
//! A separate process, so that the load generator's own work is not counted as the
//! server's, and so that it can be killed.

#[path = "../../tests/api/process.rs"]
mod process;

use process::launch;
use std::path::Path;
use std::process::{Child, Command};
use std::time::Duration;

pub struct Served {
    pub child: Child,
    pub base: String,
}

impl Served {
    /// Starts `samrad serve` on `database` on a port of its own choosing, sending
    /// mail to the SMTP server on `smtp_port` (plain, on loopback), and waits until
    /// it answers.
    pub async fn start(database: &Path, smtp_port: u16) -> Self {
        let port_text = smtp_port.to_string();
        let (mut child, line) = launch(
            &database.to_string_lossy(),
            &[
                ("SAMRAD_SMTP_HOST", "127.0.0.1".as_ref()),
                ("SAMRAD_SMTP_PORT", port_text.as_ref()),
                ("SAMRAD_SMTP_TLS", "none".as_ref()),
                // Every client of a benchmark comes from 127.0.0.1, where real phones
                // come from many addresses.
                ("SAMRAD_MAX_CONNECTIONS_PER_ADDRESS", "4096".as_ref()),
            ],
        );
        let port = line
            .trim()
            .rsplit(':')
            .next()
            .unwrap_or_default()
            .to_owned();
        let base = format!("http://127.0.0.1:{port}");
        let health = reqwest::Client::new();
        for _ in 0..600 {
            if let Ok(res) = health.get(format!("{base}/healthz")).send().await {
                if res.status().is_success() {
                    return Self { child, base };
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("the server did not come up: {line}");
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// CPU seconds (user + system) the server has used so far.
    pub fn cpu_seconds(&self) -> f64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap_or_default();
        // The fields after the command name, which is in parentheses and may hold spaces.
        let fields: Vec<&str> = stat
            .rsplit_once(") ")
            .map(|(_, rest)| rest.split_whitespace().collect())
            .unwrap_or_default();
        let ticks = |n: usize| {
            fields
                .get(n)
                .and_then(|f| f.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        (ticks(11) + ticks(12)) / clock_ticks()
    }

    /// Resident memory now and at its peak, in MB.
    pub fn rss_mb(&self) -> (f64, f64) {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap_or_default();
        let kb = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|n| n.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        (kb("VmRSS:") / 1024.0, kb("VmHWM:") / 1024.0)
    }

    /// `kill -9`: nothing the server has not yet written survives.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        self.kill();
    }
}

fn clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}
