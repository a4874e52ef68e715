"""Citable paragraphs: every body paragraph of a text page has an id, written
in the Markdown (`{ #p-12 }`) so it never shifts, and a ¶ link to itself.

A text page says `citable: true` in its front matter. On such a page a body
paragraph without an id is reported, and `mkdocs build --strict` fails.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from mkdocs.plugins import get_plugin_logger

from sources import line_of
from strings import lookup
from template_cache import theme_env

log = get_plugin_logger(__name__)


def link_page(html, page, config):
    """A text page's paragraphs, each with its ¶ link; one without an id is reported."""
    if not page.meta.get("citable"):
        return html
    for text in paragraphs_without_id(html):
        line = line_of(page.file.content_string, text[:30])
        log.warning(f"{page.file.src_uri}{f':{line}' if line else ''}: paragraph without an id: '{text[:60]}…'; "
                    "end it with a line { #p-N } using the next free number")
    env = theme_env(config)
    t, template = lookup(env, config.theme["language"]), env.get_template("partials/paragraph-link.html")
    label, cite = t("edition.paragraph.link"), t("edition.paragraph.cite")
    return add_paragraph_links(html, lambda pid: template.render(id=pid, label=label, cite=cite).strip())


_PARAGRAPH = re.compile(r'(<p id="(p-\d+)">)(.*?)(</p>)', re.DOTALL)


def add_paragraph_links(html: str, render_link) -> str:
    """Put render_link(id) at the end of every <p id="p-N">."""
    return _PARAGRAPH.sub(lambda m: f"{m.group(1)}{m.group(3)}{render_link(m.group(2))}{m.group(4)}", html)


class _BodyParagraphs(HTMLParser):
    """Top-level <p> elements with no class: the text's own paragraphs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.current: list[str] | None = None
        self.found: list[tuple[str | None, str]] = []
        self.current_id: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "p" and self.depth == 0 and "class" not in attributes:
            self.current, self.current_id = [], attributes.get("id")
        if tag not in ("br", "img", "hr", "input", "wbr"):
            self.depth += 1

    def handle_endtag(self, tag):
        if tag not in ("br", "img", "hr", "input", "wbr"):
            self.depth -= 1
        if tag == "p" and self.depth == 0 and self.current is not None:
            self.found.append((self.current_id, "".join(self.current).strip()))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)


def body_paragraphs(html: str) -> list[tuple[str | None, str]]:
    """(id, text) of each top-level, class-less <p> of a page's content."""
    parser = _BodyParagraphs()
    parser.feed(html)
    return parser.found


def paragraphs_without_id(html: str) -> list[str]:
    return [text for pid, text in body_paragraphs(html) if not pid]
