"""The string tables, read outside a build (src/scholarly_edition/strings.py)."""

from __future__ import annotations

from functools import cache

import jinja2

from scholarly_edition import TEMPLATES
from scholarly_edition.strings import lookup, material_partials


def work_language_table(language: str):
    """The string table of a cited work's language, as refs.bib names it (ru, russian …), if there is one."""
    for path in sorted((TEMPLATES / "partials/languages").glob("*.html")):
        t = string_table(path.stem)
        if language and language in (path.stem, t("edition.cite.langid")):
            return t
    return None


@cache
def string_table(locale: str):
    """key -> string, from the language's table in the plugin's templates."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([TEMPLATES, material_partials()]))
    return lookup(env, locale)


def rights_sentence(citation: dict, t) -> str:
    """What a text without a licence says of its rights: its author's, or, with several, its authors'."""
    return t("edition.header.rights.authors" if len(citation.get("authors") or []) > 1 else "edition.header.rights")
