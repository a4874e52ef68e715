"""The PDF edition of each text, beside its page: /diplomacy/<bibtex_key>.pdf.

It is made from the page's own article, as the web shows it (the same
citations, reference list, paragraph numbers and marked emendation), with
templates/partials/pdf.html and pdf/pdf.css, by WeasyPrint: CSS Paged Media
for the running head (the text's short title) and the footer (the edition's
version and date, the PDF's address, "page n of N"), a named destination for
every id (…/<key>.pdf#p-12 opens at paragraph 12), bookmarks from the
headings, and PDF/UA-1: tagged, with the document's language and its title
shown as the window's title.

The font is PT Serif (pdf/fonts/, OFL), its four Unicode subsets declared as
four families so each keeps its own character map and the PDF's text reads
back as written. Dates come from SOURCE_DATE_EPOCH, else from the record's
release, and the PDF's identifier from its address and version, so one
commit always gives the same bytes.

PDFs are made when the plugin's `pdf` option is on (mkdocs.yml; PDF=false turns
it off, as `make serve` does, where they would slow every rebuild).
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
from pathlib import Path

from markupsafe import Markup

from .escaping import plain

FONTS = {  # subset -> its Unicode ranges (@fontsource/pt-serif's unicode.json)
    "latin": "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, "
    "U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD",
    "cyrillic": "U+0301, U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116",
    "cyrillic-ext": "U+0460-052F, U+1C80-1C8A, U+20B4, U+2DE0-2DFF, U+A640-A69F, U+FE2E-FE2F",
    "latin-ext": "U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, "
    "U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF",
}
STYLES = [("normal", 400), ("normal", 700), ("italic", 400), ("italic", 700)]


def css_string(value) -> Markup:
    """A value as a CSS string, quoted and escaped, safe inside a <style> element too."""
    text = plain(value)
    return Markup('"' + re.sub(r'["\\\n\r<>&]', lambda m: f"\\{ord(m.group(0)):x} ", text) + '"')


def page_counter(pattern: str) -> str:
    """'Стр. {page} из {pages}' as CSS generated content."""
    parts = re.split(r"(\{page\}|\{pages\})", pattern)
    content = {"{page}": "counter(page)", "{pages}": "counter(pages)"}
    return " ".join(content.get(part) or css_string(part) for part in parts if part)


def fonts(folder: Path) -> list[dict]:
    return [
        {
            "family": f"PT Serif {subset.replace('-', ' ').title()}",
            "style": style,
            "weight": weight,
            "url": (folder / f"pt-serif-{subset}-{weight}-{style}.woff2").as_uri(),
            "range": ranges,
        }
        for subset, ranges in FONTS.items()
        for style, weight in STYLES
    ]


def build_date(released: datetime.date) -> datetime.datetime:
    """SOURCE_DATE_EPOCH, else the record's release day, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    return datetime.datetime.combine(released, datetime.time(), datetime.UTC)


def write(target: Path, html: str, identity: str) -> None:
    """The PDF of an HTML document; identity (its address and version) names it in the PDF's /ID."""
    from weasyprint import HTML  # imported only when PDFs are made: it needs Pango from the system

    identifier = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32].encode("ascii")
    document = HTML(string=html, base_url=str(target.parent)).render()
    target.parent.mkdir(parents=True, exist_ok=True)
    # custom_metadata: the head's other <meta> (Rights, Source: templates/partials/pdf.html) in the PDF's Info
    document.write_pdf(target, pdf_variant="pdf/ua-1", pdf_identifier=identifier, custom_metadata=True)
