"""Values written into BibTeX by the edition's templates ("how to cite",
the .bib downloads): escaped for BibTeX's context, as HTML escaping is for
HTML's."""

from __future__ import annotations

from .escaping import plain

_TEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(value) -> str:
    """A value as BibTeX text: TeX's special characters escaped."""
    return "".join(_TEX_SPECIALS.get(char, char) for char in plain(value))


def bibtex_url(url) -> str:
    """A URL for a BibTeX url field, which is read verbatim: only what would
    break the field (braces, backslashes, spaces) is percent-encoded."""
    return "".join(f"%{ord(char):02X}" if char in "{}\\ " else char for char in plain(url))


def protect_capitals(title: str) -> str:
    """Each word holding a capital letter in braces, so BibTeX styles that
    lowercase titles keep proper nouns («{Фейсбук} және {Твиттер} …»)."""
    return " ".join(f"{{{word}}}" if any(char.isupper() for char in word) else word for word in title.split(" "))
