"""Links from a page in one language to a page in the other.

mkdocs-static-i18n builds each language with only that language's files, so
MkDocs reports `[text](../ru/transport.md)` in a Kazakh page as a broken link.
This module checks such a link against docs/ itself (a missing target fails
the build at the link's line), hides it from MkDocs' check behind a marker,
and writes the final relative URL into the HTML. Once every language is
built, each such link's #anchor must be an id of its target page.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from . import page_html
from .languages import prefix
from .sources import line_at
from .state import CrossLink

MARKER = "i18n-page:"
# A Markdown inline link to a page: ](target) or ](target "title"), not one marked already (i18n-page:)
_LINK = re.compile(r"\]\((?P<target>[^)\s:]+\.md)(?P<anchor>#[^)\s]*)?(?P<rest>[^)]*)\)")


def mark_language_links(
    markdown: str, src: str, locales: list[str], pages: set[str], offset: int = 0
) -> tuple[str, list[CrossLink]]:
    """Links into another language's folder as markers, and those with an #anchor;
    a missing target fails at the link's line (offset: lines before the markdown)."""
    own = src.split("/", 1)[0]
    anchored: list[CrossLink] = []

    def mark(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src), match.group("target")))
        locale = target.split("/", 1)[0]
        if locale == own or locale not in locales:
            return match.group(0)
        line = line_at(markdown, match.start(), offset)
        if target not in pages:
            raise PluginError(
                f"{src}:{line}: link '{match.group('target')}' points to {target}, "
                "which does not exist in docs/; correct the link or add the page"
            )
        anchor = (match.group("anchor") or "").lstrip("#")
        if anchor:
            anchored.append(CrossLink(src, line, target, anchor))
        return f"]({MARKER}{target}{match.group('anchor') or ''}{match.group('rest')})"

    return _LINK.sub(mark, markdown), anchored


def docs_pages(docs_dir: str) -> set[str]:
    """docs/'s Markdown pages, as src paths (kk/diplomacy.md)."""
    return {path.relative_to(docs_dir).as_posix() for path in Path(docs_dir).rglob("*.md")}


def check_anchors(links: list[CrossLink], page_ids: dict[str, set[str]]) -> None:
    """Once every language is built: `page_ids` holds each page's ids as written (src -> ids)."""
    for link in links:
        if link.anchor not in page_ids[link.target]:
            raise PluginError(
                f"{link.page}:{link.line}: link to {link.target}#{link.anchor}: there is no id "
                f"'{link.anchor}' in that page; use one of its ids (published-urls.txt lists them) "
                "or correct the link"
            )


def page_url(src: str, default_locale: str, use_directory_urls: bool = True) -> str:
    """The site URL of docs/<locale>/<page>.md: the default language lives at the root."""
    locale, _, page = src.partition("/")
    folder = prefix(locale, default_locale)
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return folder + stem if use_directory_urls else f"{folder}{stem}index.html"
    return f"{folder}{stem}/" if use_directory_urls else f"{folder}{stem}.html"


def resolve_language_links(
    tokens: list[page_html.Token], current_url: str, default_locale: str, use_directory_urls: bool = True
) -> None:
    """Each marker href as the target's URL relative to the current page."""
    for token in tokens:
        href = token.attrs.get("href") or ""
        if token.kind == "start" and token.tag == "a" and href.startswith(MARKER):
            src, _, anchor = href[len(MARKER) :].partition("#")
            url = get_relative_url(page_url(src, default_locale, use_directory_urls) or ".", current_url or ".")
            if use_directory_urls and not url.endswith("/") and not url.endswith(".html"):
                url += "/"
            url += "#" + anchor if anchor else ""
            token.raw = token.raw.replace(f'"{href}"', f'"{url}"', 1)
            token.attrs = {**token.attrs, "href": url}
