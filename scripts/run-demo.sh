#!/usr/bin/env bash
# Sets up what is missing, builds the release, loads the demo hearing and surveys into
# a fresh SQLite database and serves it on http://127.0.0.1:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
export PATH="$HOME/.cargo/bin:$PATH"
db=data/demo.db
base=http://127.0.0.1:3000
echo
target/release/samrad --database "$db" demo --reset --base-url "$base"
cat <<MSG

Sign in to the administration with one of the accounts above. Open one of the
respondent links on a phone or in a narrow browser window to answer the hearing as
that body, a staff link to answer the survey, or an open link as a parent. Mails are not sent: they are written to data/mail/ and listed on
$base/admin/udbakke.
Serving on $base — stop with Ctrl+C.
MSG
exec target/release/samrad --database "$db" serve --addr 127.0.0.1:3000 --site-root target/site --base-url "$base"
