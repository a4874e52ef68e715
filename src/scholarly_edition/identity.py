"""The edition a text is read in, as every citation of it names it: the
edition's name in the page's language (the site name: `site_name` in
mkdocs.yml, or a language's own under the i18n plugin), and the version and
release date of the record (edition-record.yml), never the day of a build.

The name is the container of each text's citation, so it must not be a text's
own title: a reader would see the text cited as part of itself."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import dates
from .escaping import plain


@dataclass(frozen=True)
class Edition:
    name: str  # text, not HTML
    version: str
    released: datetime.date
    date: str  # as the page's language writes a date: «26 қараша 2026 ж.»

    @property
    def iso_date(self) -> str:
        return self.released.isoformat()

    @property
    def numeric_date(self) -> str:
        """dd.mm.yyyy, as GOST R 7.0.5 writes a date."""
        return f"{self.released:%d.%m.%Y}"

    def publication_date(self, citation: dict) -> str:
        """citation_publication_date, as Google Scholar reads it (2018, 2018/05/01): the original
        publication's where the front matter gives it, else this version's release."""
        date = (citation.get("original") or {}).get("date") or self.released
        return f"{date:%Y/%m/%d}" if isinstance(date, datetime.date) else str(date)

    def statement(self, t) -> str:
        """The edition's name, version and date, as the text's header and its printed pages say."""
        return f"{self.name}. " + t("edition.header.version").replace("{version}", self.version).replace(
            "{date}", self.date
        )


def of(config, record, t) -> Edition:
    locale = config.theme["language"]
    return Edition(plain(config.site_name), record.version, record.released,
                   dates.long_date(record.released, locale, t))  # fmt: skip


def check_name(edition: Edition, citation: dict, src: str, config) -> None:
    """A text's title (or short title) as the edition's name fails at the name's line in mkdocs.yml."""
    same = [key for key in ("title", "short_title") if _same(citation.get(key), edition.name)]
    if same:
        raise PluginError(
            f"{_name_line(config, edition.name)}: the edition's name in this language, «{edition.name}», is the "
            f"{same[0].replace('_', ' ')} of {src}, so its citations would name the text as its own container; "
            "give the edition a name of its own (site_name, under the language in mkdocs.yml; EDITING.md)"
        )


def _same(a, b) -> bool:
    fold = lambda value: " ".join(re.sub(r"[^\w\s]", " ", str(value)).split()).casefold()  # noqa: E731
    return a is not None and fold(a) == fold(b)


def _name_line(config, name: str) -> str:
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return path.name
    for number, line in enumerate(lines, start=1):
        if re.match(r"\s*site_name\s*:", line) and name in line:
            return f"{path.name}:{number}"
    return path.name


def rights(citation: dict, t) -> str:
    """Whose the text is where no licence says more: its author's, or its authors'."""
    several = len(citation.get("authors") or []) > 1
    return t("edition.header.rights.authors" if several else "edition.header.rights")
