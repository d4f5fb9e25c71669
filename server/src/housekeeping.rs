//! Housekeeping: what the server deletes by itself, so nothing personal is kept longer
//! than its purpose — expired staff sessions and old failed sign-ins (at once), and
//! the contact data, links and mails of consultations closed longer ago than the
//! retention period (see `app::backend::retention`), with the mail folder's `.eml`
//! files of those mails.

use app::backend::db::Db;
use app::backend::{auth, now_ms, open_link, retention};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::sync::watch;

/// How often it runs. Deleting is cheap and rare; the first run is at start.
const EVERY: Duration = Duration::from_secs(15 * 60);
/// A mail file's headers are in its first few kilobytes.
const HEADER_BYTES: usize = 16 * 1024;

pub struct Housekeeping {
    pub db: Db,
    /// Days after closing that contact data is kept.
    pub retention_days: u32,
    /// The development transport's folder, if it is in use.
    pub mail_folder: Option<PathBuf>,
}

impl Housekeeping {
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        while !*shutdown.borrow() {
            self.run_once().await;
            tokio::select! {
                _ = tokio::time::sleep(EVERY) => {},
                _ = shutdown.changed() => {},
            }
        }
    }

    pub async fn run_once(&self) {
        match auth::purge_expired(&self.db, now_ms()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(rows = n, "expired sessions and old sign-in failures purged"),
            Err(e) => e.log(),
        }
        match open_link::purge_starts(&self.db, now_ms()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(rows = n, "open-link starts past the rate window purged"),
            Err(e) => e.log(),
        }
        let purged = match retention::purge_closed(&self.db, self.retention_days, now_ms()).await {
            Ok(purged) => purged,
            Err(e) => return e.log(),
        };
        if let (Some(folder), false) = (&self.mail_folder, purged.message_ids.is_empty()) {
            let ids: HashSet<String> = purged.message_ids.into_iter().collect();
            let folder = folder.clone();
            let removed = tokio::task::spawn_blocking(move || remove_mail_files(&folder, &ids))
                .await
                .unwrap_or(0);
            tracing::info!(
                files = removed,
                "mail files of purged consultations deleted"
            );
        }
    }
}

/// Deletes the `.eml` files in `folder` whose `Message-ID` is one of `ids`. Returns
/// how many went. A file that cannot be read or deleted is left (and logged): the
/// next purge is of other consultations, so it is reported, not retried.
fn remove_mail_files(folder: &Path, ids: &HashSet<String>) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for path in entries.flatten().map(|e| e.path()) {
        if path.extension().is_none_or(|ext| ext != "eml") {
            continue;
        }
        let matches = message_id(&path).is_some_and(|id| ids.contains(&id));
        if matches {
            match std::fs::remove_file(&path) {
                Ok(()) => removed += 1,
                Err(e) => tracing::warn!(file = %path.display(), error = %e, "mail file kept"),
            }
        }
    }
    removed
}

/// The `Message-ID` header of a mail file.
fn message_id(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut head = Vec::with_capacity(HEADER_BYTES);
    std::fs::File::open(path)
        .ok()?
        .take(HEADER_BYTES as u64)
        .read_to_end(&mut head)
        .ok()?;
    let text = String::from_utf8_lossy(&head);
    text.lines()
        .take_while(|line| !line.is_empty())
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("message-id")
                .then(|| value.trim().to_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_files_of_the_given_mails_are_deleted() {
        let dir = std::env::temp_dir().join(format!("samrad-hk-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mail = |name: &str, id: &str| {
            let text = format!(
                "From: a@b\r\nMessage-ID: {id}\r\nSubject: x\r\n\r\nMessage-ID: <body@x>\r\n"
            );
            std::fs::write(dir.join(name), text).unwrap();
        };
        mail("one.eml", "<one@samrad>");
        mail("two.eml", "<two@samrad>");
        mail("body.eml", "<other@samrad>");
        std::fs::write(dir.join("notes.txt"), "Message-ID: <one@samrad>\r\n").unwrap();
        let ids: HashSet<String> = ["<one@samrad>", "<body@x>"].map(String::from).into();
        assert_eq!(remove_mail_files(&dir, &ids), 1);
        assert!(!dir.join("one.eml").exists());
        assert!(dir.join("two.eml").exists() && dir.join("body.eml").exists());
        assert!(dir.join("notes.txt").exists(), "only mail files");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
