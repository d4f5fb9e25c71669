#!/usr/bin/env bash
# Probes a local instance the way the security review did (issue 14) and prints what
# happened: 50 parallel wrong passwords for one account, and downloads whose clients
# stop reading while others use the site. Exits non-zero if a protection did not hold.
#
# Starts its own server on a free port with a throwaway database (the demo accounts
# plus a generated hearing of 3,000 bodies, whose answer export is several MB), so it
# never touches data/. Needs the release build (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/samrad
[ -x "$bin" ] || scripts/build.sh
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
db="$work/probe.db"
echo "preparing a throwaway instance (demo accounts, a generated hearing of 3,000 bodies)"
"$bin" --database "$db" demo --reset >/dev/null
hearing=$("$bin" --database "$db" synthetic --bodies 3000 --comments 1)
echo "ready after ${SECONDS} s"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SAMRAD_MAIL_FOLDER="$work/mail" "$bin" --database "$db" serve --addr "127.0.0.1:$port" \
  --site-root target/site --send-timeout-secs 5 >"$work/out.log" 2>"$work/server.log" &
server=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
python3 - "$port" "$hearing" <<'PY'
import concurrent.futures, http.client, socket, sys, time, urllib.parse

port, hearing = int(sys.argv[1]), sys.argv[2]
host = f"127.0.0.1:{port}"
failed = []

def request(method, path, body=None, cookie=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Host": host}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = urllib.parse.urlencode(body)
    if cookie:
        headers["Cookie"] = cookie
    started = time.monotonic()
    conn.request(method, path, body=body, headers=headers)
    res = conn.getresponse()
    res.read()
    return res, time.monotonic() - started

def check(ok, text):
    print(("  ok    " if ok else "  FAIL  ") + text)
    if not ok:
        failed.append(text)

def sign_in(password):
    res, _ = request("POST", "/admin/log-ind",
                     {"email": "admin@samrad.local", "password": password})
    cookie = (res.getheader("Set-Cookie") or "").split(";")[0]
    return res.status, cookie

print("1. 50 wrong passwords for admin@samrad.local at once")
with concurrent.futures.ThreadPoolExecutor(50) as pool:
    statuses = list(pool.map(lambda _: sign_in("forkert-gæt-123")[0], range(50)))
checked, refused = statuses.count(401), statuses.count(429)
print(f"  {checked} checked (401), {refused} refused unchecked (429), other: "
      f"{len(statuses) - checked - refused}")
check(checked <= 5, "at most five passwords were checked")
check(checked + refused == 50, "every attempt got an answer")
status, _ = sign_in("demo-admin-2027")
check(status == 429, f"the right password right after waits too ({status})")
time.sleep(1.5)
status, cookie = sign_in("demo-admin-2027")
check(status == 303, f"the owner gets in a second and a half later ({status})")

print("2. 12 downloads of the answers whose clients stop reading")
stalled = []
for _ in range(12):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall((f"GET /admin/hoering/{hearing}/eksport/svar.csv HTTP/1.1\r\nHost: {host}\r\n"
               f"Cookie: {cookie}\r\nSec-Fetch-Site: same-origin\r\n\r\n").encode())
    stalled.append(s)
time.sleep(1)
for path, label in [("/healthz", "health check"), ("/admin", "administration overview"),
                    (f"/admin/hoering/{hearing}", "the hearing's page")]:
    res, took = request("GET", path, cookie=cookie)
    print(f"  {label}: {res.status} in {took * 1000:.0f} ms while they stall")
    check(res.status == 200 and took < 5, f"{label} answered")
time.sleep(7)
broken, reading = 0, time.monotonic()
for s in stalled:
    # Reading on now gets what the server still sends: a download it gave up on ends
    # without the closing chunk (or with a reset), never as a short file that looks whole.
    s.settimeout(10)
    received = b""
    try:
        while chunk := s.recv(1 << 20):
            received += chunk
    except OSError:
        pass
    s.close()
    if not received.endswith(b"0\r\n\r\n"):
        broken += 1
print(f"  {broken} of 12 stalled downloads were broken off by the server "
      f"(the rest of them read in {time.monotonic() - reading:.1f} s)")
check(broken == 12, "the send timeout let go of every stalled download")
res, took = request("GET", f"/admin/hoering/{hearing}/eksport/svar.csv", cookie=cookie)
check(res.status == 200, f"a reader still downloads it whole ({took:.1f} s)")

print("Outcome: " + ("all protections held" if not failed else f"{len(failed)} failed"))
sys.exit(1 if failed else 0)
PY
