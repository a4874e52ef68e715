"""The string table: every word a reader sees that is not the texts' own.

One Jinja file per language, partials/languages/<lang>.html,
defines Material's translation macro `t(key)`. It holds the edition's keys
(`edition.*`, EDITION_KEYS below) and, for a language Material translates,
falls back to Material's own file for the rest, which it imports as
"languages/<lang>.html": `expose_material` puts Material's partials folder
(templates only, nothing to copy into the site) last on the theme's template
path, so every Jinja environment of the theme finds it, Material's plugins'
own included. Templates read it through Material's `lang.t`, Python through `t()`.

A configured language whose table lacks an edition key fails the build.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_theme_dir

from . import TEMPLATES

EDITION_KEYS = (
    "edition.404.heading",
    "edition.404.text",
    "edition.404.home",
    "edition.cite.heading",
    "edition.cite.online",
    "edition.cite.fragment",
    "edition.cite.edition",
    "edition.cite.accessed",
    "edition.cite.langid",
    "edition.cite.locator",
    "edition.cite.version",
    "edition.footnote.back",
    "edition.cite.paragraph",
    "edition.og.locale",
    "edition.only",
    "edition.gost.editors",
    "edition.gost.no-date",
    "edition.gost.others",
    "edition.gost.pages",
    "edition.gost.pages_total",
    "edition.gost.thesis",
    "edition.gost.volume",
    "edition.palette.dark",
    "edition.palette.light",
    "edition.paragraph.cite",
    "edition.paragraph.copied",
    "edition.paragraph.link",
    "edition.permalink",
    "edition.reference.back",
    "edition.reference.missing",
    "edition.reference.open",
    "edition.reference.unnamed",
    "edition.date",
    "edition.header.version",
    "edition.header.authors",
    "edition.header.abstract",
    "edition.header.keywords",
    "edition.header.licence",
    "edition.header.original",
    "edition.header.no-author",
    "edition.header.rights",
    "edition.header.rights.authors",
    "edition.header.rights.link",
    "edition.header.summary",
    "edition.download.pdf",
    "edition.download.bibtex",
    "edition.download.ris",
    "edition.download.tei",
    "edition.download.jats",
    "edition.export.resp",
    "edition.export.editors",
    "edition.download.offline",
    "edition.pdf.page",
    "edition.udc",
    "edition.panel.gost",
    "edition.panel.bibtex",
    "edition.panel.close",
    "edition.emendation.source",
    "edition.record.current",
    "edition.record.files.record",
    "edition.record.files.repository",
    "edition.record.files.source",
    "edition.record.heading.changes",
    "edition.record.heading.count",
    "edition.record.title",
    "edition.record.heading.date",
    "edition.record.heading.forms",
    "edition.record.heading.kind",
    "edition.record.heading.version",
    "edition.record.heading.what",
    "edition.record.kind.case",
    "edition.record.kind.emendation",
    "edition.record.kind.glyph",
    "edition.record.kind.hyphen-joined",
    "edition.record.kind.hyphen-kept",
    "edition.record.kind.missing-space-kept",
    "edition.record.kind.space",
    "edition.record.kind.spelling-kept",
)


@cache
def material_partials() -> str:
    return str(Path(get_theme_dir("material")) / "partials")


def expose_material(theme) -> None:
    """Let templates import Material's own tables as "languages/<lang>.html",
    where the plugin's templates have partials/languages/<lang>.html of the same language."""
    if material_partials() not in theme.dirs:
        theme.dirs.append(material_partials())


def table(env: Environment, locale: str):
    """The string table of a language, as a module whose `t(key)` gives a string."""
    return env.get_template(f"partials/languages/{locale}.html").module


def lookup(env: Environment, locale: str):
    """key -> the language's string for it ('' where the table lacks it)."""
    module = table(env, locale)
    return lambda key: str(module.t(key)).strip()


def missing_keys(t, keys=EDITION_KEYS) -> list[str]:
    return [key for key in keys if not t(key)]


def table_locales(theme) -> list[str]:
    """The languages that have a string table: the plugin's, and an edition's own custom_dir's."""
    folders = [TEMPLATES, *([Path(theme.custom_dir)] if theme.custom_dir else [])]
    return sorted({path.stem for folder in folders for path in (folder / "partials" / "languages").glob("*.html")})


def required_keys(locale: str, locales: list[str]) -> list[str]:
    """The edition's keys. (`edition.only.<other>`, the note that a text exists only
    in another language, is optional: without it, `edition.only` names the language.)"""
    return list(EDITION_KEYS)


def check_table(env: Environment, locale: str, locales: list[str]) -> None:
    """Fail unless the language has a table with every edition key."""
    keys = required_keys(locale, locales)
    try:
        missing = missing_keys(lookup(env, locale), keys)
    except Exception as error:  # no table at all, or one that does not compile
        raise PluginError(
            f"language '{locale}': cannot read partials/languages/{locale}.html "
            f"({error}); create it with the keys {', '.join(keys)}"
        ) from error
    if missing:
        raise PluginError(
            f"language '{locale}': partials/languages/{locale}.html lacks {', '.join(missing)}; add a string for each"
        )


def fail_reference_language(bibliography, reference, languages: list[str]):
    raise PluginError(
        f"{bibliography.name}:{reference.line}: entry '{reference.key}' has the language "
        f"'{reference.language}', which has no string table; use one of {', '.join(languages)} "
        "or add partials/languages/<lang>.html"
    )
