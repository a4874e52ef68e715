"""The filters the edition's templates write values with, one per context."""

from __future__ import annotations

from . import downloads, escaping, gost, identity, pdf
from .bibtex_text import bibtex_escape, bibtex_url, protect_capitals

FILTERS = {
    "plain": escaping.plain,
    "bibtex": bibtex_escape,
    "bibtex_title": protect_capitals,
    "bibtex_url": bibtex_url,
    "ris": downloads.ris_value,
    "css": pdf.css_string,
    "gost_original": gost.original,  # segments: text, and a link where one belongs
    "gost_text": gost.text,
    "doi_url": gost.doi_url,
    "rights": identity.rights,  # the author's or the authors'
}
