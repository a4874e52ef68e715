"""Serve a built site as GitHub Pages serves a project site (make preview).

    python scripts/preview.py site --base /edition/ --port 8001

- the site lives below `--base` (`/<repository>/`); nothing else exists;
- a missing address below it gets the site's own 404.html, with status 404;
- a folder address without its trailing slash redirects (301) to it.

The tests serve every deployment they check through `serve()`.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    base = "/"

    def send_head(self):
        path = urlsplit(self.path).path
        if path + "/" == self.base:
            self.send_response(301)
            self.send_header("Location", self.base)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if not path.startswith(self.base):
            self.send_error(404)
            return None
        return super().send_head()  # redirects a folder without its slash, or 404s

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + urlsplit(path).path[len(self.base) :])

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        if not self.server.quiet:
            super().log_message(*args)


def serve(site: Path, base: str = "/", port: int = 0, quiet: bool = True) -> http.server.ThreadingHTTPServer:
    """Serve `site` below `base` on 127.0.0.1 in a background thread; `.server_port` tells the port."""
    handler = functools.partial(type("Handler", (PagesHandler,), {"base": base}), directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    httpd.quiet = quiet
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--base", default="/", help="the path the site is served below, e.g. /edition/")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    base = "/" + args.base.strip("/") + "/" if args.base.strip("/") else "/"
    httpd = serve(args.site, base, args.port, quiet=False)
    print(f"Serving {args.site} as GitHub Pages would at http://127.0.0.1:{httpd.server_port}{base} (Ctrl+C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        httpd.shutdown()


if __name__ == "__main__":
    main()
