"""What one build knows, from its start to its end: made fresh by
the plugin (plugin.py) when a build starts (every `mkdocs serve` rebuild too), kept
while mkdocs-static-i18n builds the further languages inside it, and handed
to every handler. Nothing else in the edition outlives a build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import Environment

from . import strings
from .bibliography import Bibliography
from .citations import Marked
from .config import EditionConfig
from .edition_record import Record


@dataclass
class CrossLink:
    """A link from a page to another language's page, with an #anchor."""

    page: str  # src_uri of the page it is in
    line: int
    target: str  # src_uri of the page it points to
    anchor: str


@dataclass
class BuildState:
    options: EditionConfig  # the plugin's options, from mkdocs.yml
    bibliography: Bibliography
    record: Record
    env: Environment | None = None  # the theme's templates, for the edition's partials
    marked: dict[str, list[Marked]] = field(default_factory=dict)  # page -> its citations, as written
    cited: set[str] = field(default_factory=set)  # refs.bib keys cited on any page
    cross_links: list[CrossLink] = field(default_factory=list)
    page_ids: dict[str, set[str]] = field(default_factory=dict)  # page src -> the ids of its final HTML
    hreflang_folders: set[str] = field(default_factory=set)
    default_404: str | None = None  # the default language's 404 page, written last at the root
    reference_sections: dict[str, str] = field(default_factory=dict)  # page url -> id of its reference list's section
    summaries: dict[str, str] = field(default_factory=dict)  # text page url -> its search entry's text
    _words: dict[str, object] = field(default_factory=dict)

    def words(self, locale: str):
        """t(key) of a language's string table."""
        if locale not in self._words:
            self._words[locale] = strings.lookup(self.env, locale)
        return self._words[locale]
