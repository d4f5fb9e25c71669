#!/usr/bin/env bash
# Sets up what is missing, builds the release, loads the demo hearing into a fresh
# SQLite database and serves it on http://127.0.0.1:3000.
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

Open one of the links above on a phone or in a narrow browser window to answer the
hearing as that body. Administrator sign-in is not part of this build yet: the
administration module (sign-in, invitations by e-mail) is the next issue.
Serving on $base — stop with Ctrl+C.
MSG
exec target/release/samrad --database "$db" serve --addr 127.0.0.1:3000 --site-root target/site --base-url "$base"
