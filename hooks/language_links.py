"""Links from a page in one language to a page in the other.

mkdocs-static-i18n builds each language with only that language's files, so
MkDocs reports `[text](../ru/transport.md)` in a Kazakh page as a broken link.
This hook checks such a link against docs/ itself (a missing target still
fails the build), hides it from MkDocs' check behind a marker, and writes the
final relative URL into the HTML. Once every language is built, it checks that
each such link's #anchor is an id of its target page.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from languages import default_locale, locales, prefix

MARKER = "i18n-page:"

# (page, link target, anchor) of every cross-language link with an #anchor.
_anchored_links: list[tuple[str, str, str]] = []


def reset() -> None:
    _anchored_links.clear()


def mark_page(markdown, page, config):
    markdown = mark_language_links(markdown, page.file.src_uri, locales(config), _docs_pages(config))
    _anchored_links.extend((page.file.src_uri, target, anchor) for target, anchor in anchored_links(markdown))
    return markdown


def resolve_page(html, page, config):
    return resolve_language_links(html, page.url, default_locale(config), config.use_directory_urls)


def check_anchors(config) -> None:
    """Once every language is built, when every target page exists."""
    for src, target, anchor in _anchored_links:
        built = Path(config.site_dir) / page_file(target, default_locale(config), config.use_directory_urls)
        if not has_id(built.read_text(encoding="utf-8"), anchor):
            raise PluginError(f"{src}: link to {target}#{anchor}: there is no id '{anchor}' in that page; "
                              "use one of its ids (published-urls.txt lists them) or correct the link")


def _docs_pages(config) -> set[str]:
    root = Path(config.docs_dir)
    return {path.relative_to(root).as_posix() for path in root.rglob("*.md")}


# A Markdown inline link target: ](target) or ](target "title")
_LINK = re.compile(r"\]\((?P<target>[^)\s]+\.md)(?P<anchor>#[^)\s]*)?(?P<rest>[^)]*)\)")


def mark_language_links(markdown: str, src_uri: str, locales: list[str], pages: set[str]) -> str:
    """Replace links into another language's folder by a marker; fail on a missing target."""
    own = src_uri.split("/", 1)[0]

    def mark(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), match.group("target")))
        locale = target.split("/", 1)[0]
        if locale == own or locale not in locales:
            return match.group(0)
        if target not in pages:
            raise PluginError(f"{src_uri}: link '{match.group('target')}' points to {target}, "
                              "which does not exist in docs/; correct the link or add the page")
        return f"]({MARKER}{target}{match.group('anchor') or ''}{match.group('rest')})"

    return _LINK.sub(mark, markdown)


def anchored_links(marked_markdown: str) -> list[tuple[str, str]]:
    """(target, anchor) of each marked link that has an #anchor."""
    return re.findall(rf"\]\({re.escape(MARKER)}([^)#\s]+)#([^)\s]+)", marked_markdown)


def has_id(html: str, anchor: str) -> bool:
    return re.search(rf'\sid="{re.escape(anchor)}"', html) is not None


def page_url(src: str, default_locale: str, use_directory_urls: bool = True) -> str:
    """The site URL of docs/<locale>/<page>.md: the default language lives at the root."""
    locale, _, page = src.partition("/")
    folder = prefix(locale, default_locale)
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return folder + stem if use_directory_urls else f"{folder}{stem}index.html"
    return f"{folder}{stem}/" if use_directory_urls else f"{folder}{stem}.html"


def page_file(src: str, default_locale: str, use_directory_urls: bool = True) -> str:
    """The built file of docs/<locale>/<page>.md, relative to the site folder."""
    url = page_url(src, default_locale, use_directory_urls)
    return url + "index.html" if url == "" or url.endswith("/") else url


def resolve_language_links(html: str, current_url: str, default_locale: str,
                           use_directory_urls: bool = True) -> str:
    """Turn each marker href into the target's URL relative to the current page."""

    def resolve(match: re.Match) -> str:
        src, _, anchor = match.group(1).partition("#")
        url = get_relative_url(page_url(src, default_locale, use_directory_urls) or ".", current_url or ".")
        if use_directory_urls and not url.endswith("/") and not url.endswith(".html"):
            url += "/"
        return f'href="{url}{"#" + anchor if anchor else ""}"'

    return re.sub(rf'href="{re.escape(MARKER)}([^"]+)"', resolve, html)
