"""Posts the demo hearing's form as a phone without JavaScript does (for
scripts/callgrind-submit.sh).

    submit-form.py DEMO_OUTPUT BASE read        > forms.json
    submit-form.py DEMO_OUTPUT BASE N < forms.json > forms-after.json

`read` opens every hearing body's link from the demo's output and prints each page's
items and fingerprints. `N` submits N times, the bodies in turn, every answer given and
every fifth commented, the answers changing from one submission to the next; it prints
the forms with the fingerprints of what was sent, for the next run. A submission that
is not answered with the 303 to its receipt stops the run.
"""

import hashlib
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

VALUES = ["agree", "disagree", "dont_know"]


def fingerprint(value, comment):
    """As the server's `token::fingerprint`: what the page says was stored."""
    digest = hashlib.sha256(value.encode() + b"\x1f" + comment.encode())
    return digest.hexdigest()[:16]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def read(links):
    forms = []
    for url in links:
        html = urllib.request.urlopen(url).read().decode()
        items = sorted(set(re.findall(r'name="v(\d+)"', html)), key=int)
        prints = dict(re.findall(r'name="f(\d+)" value="([0-9a-f]*)"', html))
        general = re.search(r'name="gf" value="([0-9a-f]*)"', html)
        forms.append([url, items, prints, general.group(1) if general else ""])
    return forms


def submit(forms, count, base):
    opener = urllib.request.build_opener(NoRedirect)
    for n in range(count):
        url, items, prints, general = forms[n % len(forms)]
        fields = []
        for k, item in enumerate(items):
            value = VALUES[(n + k) % 3]
            comment = f"Kommentar {k}, æøå" if k % 5 == 0 else ""
            fields += [(f"v{item}", value), (f"c{item}", comment), (f"f{item}", prints.get(item, ""))]
            prints[item] = fingerprint(value, comment)
        fields += [("gc", ""), ("gf", general), ("intent", "submit")]
        request = urllib.request.Request(
            url,
            data=urllib.parse.urlencode(fields).encode(),
            headers={"origin": base, "sec-fetch-site": "same-origin"},
        )
        try:
            reply = opener.open(request)
            status, location = reply.status, reply.headers.get("location", "")
        except urllib.error.HTTPError as error:
            status, location = error.code, error.headers.get("location", "")
        if status != 303 or not location.endswith("/kvittering"):
            sys.exit(f"submission {n}: {status} to {location!r}")
    return forms


def main():
    demo, base, what = sys.argv[1:4]
    links = re.findall(r"(http://\S+/svar/[A-Za-z0-9_-]+)\s+\[", open(demo).read())
    if what == "read":
        print(json.dumps(read(links)))
    else:
        print(json.dumps(submit(json.load(sys.stdin), int(what), base)))


if __name__ == "__main__":
    main()
