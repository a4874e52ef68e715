"""Each text's citation as files beside its page, to download into a
reference manager: <bibtex_key>.bib and <bibtex_key>.ris, from the same data
as "how to cite" (templates/partials/downloads.html). Their names follow the
text's published folder (/diplomacy/lagutkina-diplomacy.bib), in the
published site and in the offline copy alike."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from .escaping import plain
from .language_links import page_url

KINDS = ("bib", "ris")
EXPORTS = {"tei": "tei.xml", "jats": "jats.xml"}  # the text in TEI and JATS (exports.py)


def paths(src: str, key: str, default_locale: str) -> dict[str, str]:
    """kind -> the file's path below the site root (bib, ris, pdf, tei, jats)."""
    folder = page_url(src, default_locale)
    return {kind: f"{folder}{key}.{EXPORTS.get(kind, kind)}" for kind in (*KINDS, "pdf", *EXPORTS)}


def relative(paths_: dict[str, str], page_url_: str) -> dict[str, str]:
    return {kind: get_relative_url(path, page_url_ or ".") for kind, path in paths_.items()}


def ris_value(value) -> str:
    """A RIS value: one line."""
    return " ".join(plain(value).split())


def write(site: Path, paths_: dict[str, str], env, citation: dict, t, edition, url: str, locale: str) -> None:
    macros = env.get_template("partials/downloads.html").module
    texts = {
        "bib": Markup(macros.bib(citation, t, edition, url)).unescape(),
        "ris": str(macros.ris(citation, t, edition, url, locale)),
    }
    for kind in KINDS:
        target = site / paths_[kind]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(texts[kind].strip("\n") + "\n", encoding="utf-8", newline="\r\n" if kind == "ris" else "\n")
