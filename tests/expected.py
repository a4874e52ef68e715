"""What the built site must show, derived from the edition's data: the
Markdown, refs.bib, edition-record.yml and mkdocs.yml. An editor's legitimate
change to any of them changes these expectations with it, so the tests check
behaviour, not today's data.

`Project(root)` reads a project folder: the repository itself, or a copy a
test changes the way an editor would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from scholarly_edition import bibliography, citations, edition_record, gost
from scholarly_edition.language_links import page_url
from scholarly_edition.sources import front_matter_lines
from scripts import edition_pages

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class TextPage:
    src: str  # kk/diplomacy.md
    url: str  # diplomacy/
    source: str  # the Markdown file
    meta: dict
    project: Project

    @property
    def locale(self) -> str:
        return self.src.split("/", 1)[0]

    @property
    def built(self) -> str:
        return self.url + "index.html"

    @property
    def authors(self) -> list[dict]:
        """The authors the front matter names, in order."""
        return self.meta["citation"].get("authors", [])

    @property
    def reference_section(self) -> str | None:
        """The id of the heading of the section that holds the reference list (\\bibliography)."""
        before = self.source.split("\n\\bibliography", 1)[0]
        ids = re.findall(r"^#+ .*\{#([\w-]+)[^}]*\}\s*$", before, re.M)
        return ids[-1] if ids and "\n\\bibliography" in self.source else None

    @property
    def paragraph_ids(self) -> list[str]:
        """The p-N ids the Markdown sets, in order."""
        return re.findall(r"\{\s*#(p-\d+)\s*\}", self.source)

    @property
    def citations(self) -> list[tuple[str, str]]:
        """(key, locator) of each citation in the Markdown, in order (none are in code here)."""
        _, marked = citations.protect(self.source, 0)
        return [
            (c.key, c.locator)
            for c in (citations.parse_citation(m, self.src) for m in marked if m.text.startswith("["))
        ]

    @property
    def cited_keys(self) -> list[str]:
        """refs.bib keys in order of first citation: their numbers are 1, 2, …"""
        return list(dict.fromkeys(key for key, _ in self.citations))

    def shown_citations(self) -> list[str]:
        """Each citation as the page must show it, "[1, С. 183]"."""
        order = self.cited_keys
        return [f"[{order.index(key) + 1}{', ' + locator if locator else ''}]" for key, locator in self.citations]


class Project:
    def __init__(self, root: Path = ROOT):
        self.root = root

    @cached_property
    def config(self) -> dict:
        return edition_pages.config(self.root)

    @cached_property
    def languages(self) -> list[dict]:
        return edition_pages.languages(self.root)

    @property
    def locales(self) -> list[str]:
        return [language["locale"] for language in self.languages]

    @property
    def default(self) -> str:
        return next(language["locale"] for language in self.languages if language.get("default"))

    def url(self, src: str) -> str:
        return page_url(src, self.default)

    @cached_property
    def pages(self) -> dict[str, str]:
        """src -> URL of every Markdown page."""
        docs = self.root / "docs"
        return {
            p.relative_to(docs).as_posix(): self.url(p.relative_to(docs).as_posix()) for p in sorted(docs.rglob("*.md"))
        }

    @cached_property
    def texts(self) -> list[TextPage]:
        """The text pages (`citable: true`)."""
        return [
            TextPage(src, url, source, edition_pages.front_matter(source), self)
            for src, url, source in edition_pages.text_pages(self.root)
        ]

    def text(self, locale: str) -> TextPage:
        """The first text page in a language."""
        return next(text for text in self.texts if text.locale == locale)

    def page(self, src: str) -> TextPage:
        """The text page at src (kk/diplomacy.md)."""
        return next(text for text in self.texts if text.src == src)

    @property
    def first_text(self) -> TextPage:
        """The first text page in the default language, else the first of any."""
        return next((text for text in self.texts if text.locale == self.default), self.texts[0])

    @cached_property
    def references(self) -> dict[str, bibliography.Reference]:
        return bibliography.parse((self.root / "refs.bib").read_text(encoding="utf-8"))

    @cached_property
    def record(self) -> edition_record.Record:
        return edition_record.load(self.root / "edition-record.yml")

    def reference_text(self, key: str, t) -> str:
        return gost.text(gost.reference(self.references[key], t))

    def body_lines(self, text: TextPage) -> int:
        return front_matter_lines(text.source)
