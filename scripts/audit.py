"""Lighthouse scores of each text page in mobile emulation, and the Nu HTML
Checker's messages on every page (make audit).

    python scripts/audit.py site/

Serves the built site on 127.0.0.1 with gzip, as GitHub Pages does, and runs
Lighthouse (scripts/audit, npm ci) with Chromium, three times a page. Prints
one row per page: the median of each score (performance, accessibility, best
practices, SEO), each run's performance, the median benchmark index of the
machine (Lighthouse's own measure of its speed: a busy machine scores lower),
and the audits below 1 that weigh in a score. Target: 100 in all four.

Then the checker (vnu.jar from npm, needs Java) on every HTML page, each
message once with the pages that have it. Its Content-Security-Policy checks
are left out: it reads files, where 'self' matches nothing, and counts JSON
data blocks as scripts. Target: no message from the edition's templates.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import edition_pages  # noqa: E402

LIGHTHOUSE = HERE / "audit/node_modules/.bin/lighthouse"
VNU = HERE / "audit/node_modules/vnu-jar/build/dist/vnu.jar"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PAGES = [url for _, url, _ in edition_pages.text_pages(HERE.parent)]  # the citable pages, from the configuration
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped for clients that accept it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or path.suffix not in COMPRESSIBLE
            or not path.is_file()
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages
        self.end_headers()
        return io.BytesIO(body)


def run_lighthouse(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
             "--disable-component-update --disable-sync --no-first-run"],
            check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300,
        )  # fmt: skip
        return json.loads(report.read_text(encoding="utf-8"))


def summary(report: dict) -> dict:
    """The four scores, the machine's benchmark index, and the audits below 1 that weigh in a score."""
    weighed = {ref["id"] for category in CATEGORIES for ref in report["categories"][category]["auditRefs"]
               if ref.get("weight")}  # fmt: skip
    audits = report["audits"]
    below = sorted(f"{name} {audits[name]['score']:.2f}" for name in weighed
                   if audits[name].get("score") is not None and audits[name]["score"] < 1)  # fmt: skip
    return {**{c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
            "benchmark": report.get("environment", {}).get("benchmarkIndex", 0), "below": below}  # fmt: skip


def html_check(site: Path) -> dict[str, list[str]]:
    """The checker's messages (CSP checks aside), each with the pages that have it."""
    pages = sorted(str(path) for path in site.rglob("*.html"))
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *pages],
                            capture_output=True, text=True, check=True, timeout=600)  # fmt: skip
    found: dict[str, list[str]] = {}
    for message in json.loads(result.stderr)["messages"]:
        if "Content Security Policy" in message["message"]:
            continue
        where = Path(message["url"].removeprefix("file:")).relative_to(site.resolve()).as_posix()
        found.setdefault(f"{message['type']}: {message['message']}", []).append(f"{where}:{message.get('lastLine')}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists() or not VNU.exists():
        print("Lighthouse or the HTML checker is missing: npm ci --prefix scripts/audit", file=sys.stderr)
        return 2
    if not shutil.which("java"):
        print("The HTML checker needs Java: sudo apt-get install default-jre-headless", file=sys.stderr)
        return 2
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(args.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_port}/"
    rows = []
    try:
        for page in PAGES:
            runs = [summary(run_lighthouse(base + page)) for _ in range(args.runs)]
            median = {c: statistics.median(run[c] for run in runs) for c in (*CATEGORIES, "benchmark")}
            below = sorted({item for run in runs for item in run["below"]})
            rows.append((page, median, [run["performance"] for run in runs], below))
    finally:
        httpd.shutdown()
    print(f"\nLighthouse, mobile emulation, median of {args.runs} runs (target: 100 in all four)")
    print("| page | " + " | ".join(CATEGORIES) + " | performance per run | benchmark index | weighed audits below 1 |")
    print("|---" * (len(CATEGORIES) + 4) + "|")
    for page, median, performance, below in rows:
        print(
            f"| {page} | "
            + " | ".join(f"{median[c]:g}" for c in CATEGORIES)
            + f" | {', '.join(map(str, performance))} | {median['benchmark']:.0f} | {', '.join(below) or '-'} |"
        )
    messages = html_check(args.site)
    print("\nNu HTML Checker, every page (target: none from the edition's templates)")
    print("| message | pages | first at |\n|---|---|---|")
    for message, places in sorted(messages.items()):
        pages = {place.rsplit(":", 1)[0] for place in places}
        print(f"| {message} | {len(pages)} | {places[0]} |")
    if not messages:
        print("| - | 0 | - |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
