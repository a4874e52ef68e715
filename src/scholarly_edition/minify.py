"""The edition's own scripts and style sheet, minified in the built site
(rjsmin, rcssmin); the readable sources stay in assets/. Material's
files come minified already."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

from .search import search_language

OWN = (
    "assets/edition.css",
    "assets/javascripts/edition.js",
    "assets/javascripts/lazy-search.js",
)


def minify(site: Path, locales: list[str]) -> None:
    """The edition's files, and each language's lunr plugin with the stem search appended to it."""
    plugins = [f"assets/javascripts/lunr/min/lunr.{search_language(locale)}.min.js" for locale in locales]
    plugins = [name for name in plugins if (site / name).is_file()]
    for name in (*OWN, *plugins):
        path = site / name
        text = path.read_text(encoding="utf-8")
        small = rcssmin.cssmin(text) if path.suffix == ".css" else rjsmin.jsmin(text)
        path.write_text(small, encoding="utf-8")
