"""Lighthouse scores of each text page in mobile emulation (make audit).

    python scripts/audit.py site/

Serves the built site on 127.0.0.1 with gzip, as GitHub Pages does, and runs
Lighthouse (scripts/audit, npm ci) with Debian's Chromium. Prints one row per
page: performance, accessibility, best practices, SEO. Target: 100 in all.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "audit/node_modules/.bin/lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PAGES = ["diplomacy/", "ru/transport/"]
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
        import io

        return io.BytesIO(body)


def run_lighthouse(url: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            timeout=300,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    failing = [
        f"{audit['id']} {audit['score']:.2f}"
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric")
    ]
    scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    return {**scores, "failing": failing}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: npm ci --prefix scripts/audit", file=sys.stderr)
        return 2
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(args.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_port}/"
    rows = []
    try:
        for page in PAGES:
            rows.append((page, run_lighthouse(base + page)))
    finally:
        httpd.shutdown()
    print("\nLighthouse, mobile emulation (target: 100 in all four)")
    print("| page | " + " | ".join(CATEGORIES) + " | audits below 1 |")
    print("|---" * (len(CATEGORIES) + 2) + "|")
    for page, result in rows:
        print(
            f"| {page} | "
            + " | ".join(str(result[c]) for c in CATEGORIES)
            + f" | {', '.join(result['failing']) or '-'} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
