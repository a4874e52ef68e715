"""Text an editor writes outside Markdown (site_name, nav labels, a page's
`title`) becomes HTML once, where it enters the build.

Material's templates write these values as they are, with no escaping (its
Jinja environment does not autoescape); MkDocs' own page titles from a
heading are already HTML. So each value is escaped here, as a Markup string
that any later escaping leaves alone: it shows as written and can neither
run a script nor cut an attribute. The edition's templates write it into
JSON, BibTeX and URLs through the `plain` filter, which gives the text back.
"""

from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def escape_config(config) -> None:
    config.site_name = escape(config.site_name)


def unescape_config(config) -> None:
    """site_name as text again, before mkdocs-static-i18n sets the next language's
    (it overrides only values of exactly the type `str`)."""
    config.site_name = plain(config.site_name)


def escape_nav(nav: Navigation) -> Navigation:
    """Labels given in the nav configuration (a page's own title is escaped with its front matter)."""

    def visit(items):
        for item in items:
            if isinstance(item, Page) and "title" not in vars(item):
                continue
            item.title = escape(item.title)
            if isinstance(item, Section):
                visit(item.children)

    visit(nav.items)
    return nav


def escape_meta(meta: dict) -> None:
    if isinstance(meta.get("title"), str):
        meta["title"] = escape(meta["title"])


def plain(value) -> str:
    """Text, from a value that may have been escaped here."""
    return value.unescape() if isinstance(value, Markup) else str(value)
