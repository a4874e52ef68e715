"""Check that the built texts are the source's, word for word, but for the
differences edition-record.yml records: each text's web page and its PDF.

    python scripts/check_fidelity.py site/ --default-locale kk

The source (the record's `source.file`) with its glyphs repaired and the record's
changes made must equal the text of the built page of its language, token by
token: words, numbers and punctuation marks, letter case, and whether a space
comes between two of them. Line breaks and runs of spaces count as one space.
Editorial additions (headings, notes, the reference list, "how to cite") are
not part of the text. Any other difference fails, and so does a glyph count
that differs from the record's.

The PDF beside a page is read back with poppler's pdftotext, its text column
only (not the running head, the footer or the margin's paragraph numbers), a
word broken at its own hyphen joined again. Its tokens must be the page's, as the
PDF shows it (pdf/pdf.css), up to its own "how to cite"; the tokens that are
not the edition's additions must then equal the source's, as the page's do.

The TEI and JATS beside a page (exports.py) are read as a reader reads them: the
edition's reading (TEI's corr, not its sic), without the header, the notes, the
reference list and what the editors added (exports.text_of). Their tokens must
equal the source's too.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from repair_glyphs import count_glyphs, repair_glyphs  # noqa: E402

from scholarly_edition import PDF  # noqa: E402
from scholarly_edition.edition_record import RECORD, apply_changes, load, tokens  # noqa: E402
from scholarly_edition.exports import text_of  # noqa: E402
from scholarly_edition.language_links import page_url  # noqa: E402

# What the editors added to a text page, which the source does not have.
EDITORIAL = (
    "h2, .editorial, .admonition, .fragment-break, .text-header, .how-to-cite, .references-note, ol.references, "
    ".headerlink, .paragraph-number, .paragraph-cite, .copy-status, .footnote, sup[id^='fnref']"
)
BLOCKS = ["p", "div", "h1", "li", "br", "blockquote", "table", "tr", "td", "th"]


def page_tokens(html: str) -> list[str]:
    """The tokens of a built text page's article, without editorial additions."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    for node in article.select(EDITORIAL):
        node.decompose()
    for block in article.find_all(BLOCKS):  # inline elements join their text; blocks do not
        block.insert_after(" ")
    return tokens(article.get_text(""))


def differences(expected: list[str], actual: list[str], context: int = 4) -> list[str]:
    """Each place where the two token lists differ, readable."""
    show = lambda words: " ".join(words).replace(" +", "")  # noqa: E731
    found = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=expected, b=actual, autojunk=False).get_opcodes():
        if op != "equal":
            found.append(
                f"source: …{show(expected[max(0, i1 - context) : i2 + context])}…\n"
                f"  page:   …{show(actual[max(0, j1 - context) : j2 + context])}…"
            )
    return found


def check_page(source_part: str, html: str, changes: list[dict]) -> list[str]:
    """The unrecorded differences between a source part and its built page."""
    return differences(apply_changes(tokens(repair_glyphs(source_part)), changes), page_tokens(html))


# What the PDF leaves out of the page (pdf/pdf.css); its own "how to cite" replaces the page's.
PDF_HIDDEN = (
    ".headerlink, .paragraph-cite, .reference-backlinks, .copy-status, .only-note, .text-header__links, "
    ".text-header__details > summary, .text-header__rights a, .how-to-cite"
)
OPEN, CLOSE = "\ue010", "\ue011"  # around the edition's additions, while tokenizing


def pdf_view_tokens(html: str) -> list[tuple[str, bool]]:
    """The page's article as its PDF shows it: (token, is the edition's addition) in order."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    for node in article.select(PDF_HIDDEN):
        node.decompose()
    for emendation in article.select(".emendation"):  # the source's reading, drawn after the word
        emendation.insert_after(f"{OPEN} [{emendation['data-note']}]{CLOSE}")
    for listing in article.select("ol.references"):  # the list's numbers
        for number, item in enumerate(listing.select(":scope > li"), start=int(listing.get("start", 1))):
            item.insert(0, f"{number}. ")
    editorial = article.select(EDITORIAL)
    for node in editorial:
        if not any(parent in editorial for parent in node.parents):
            node.insert_before(f" {OPEN} ")
            node.insert_after(f" {CLOSE} ")
    for block in article.find_all([*BLOCKS, "h2", "h3", "h4", "ol", "ul"]):
        block.insert_after(" ")
    marked, depth = [], 0
    for token in tokens(article.get_text("")):
        bare = token.lstrip("+")
        if bare in (OPEN, CLOSE):
            depth += 1 if bare == OPEN else -1
        else:
            marked.append((token, depth > 0))
    return marked


def pdf_text(pdf: Path, stylesheet: Path = PDF / "pdf.css") -> str:
    """The text column of every page of a PDF, as pdftotext reads it, line by line
    (-layout: the default order would also drop every hyphen that ends a line)."""
    margins = re.search(
        r"@page\s*\{[^}]*?margin:\s*([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm",
        stylesheet.read_text(encoding="utf-8"),
    )
    top, right, bottom, left = (float(value) * 72 / 25.4 for value in margins.groups())
    width, height = 595.276, 841.89  # A4, in points
    text = subprocess.run(
        # the right edge a little wider: a line-end hyphen may overhang the column
        ["pdftotext", "-layout", "-x", str(int(left)), "-y", str(int(top)), "-W", str(int(width - left - right + 8)),
         "-H", str(int(height - top - bottom)), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    # A hyphen at a line's end is the text's own (the PDF does not hyphenate): the word goes on.
    # (The font draws - and ‐ with one glyph, which pdftotext may read as either.)
    return re.sub(r"(?<=\w)[-\u2010]\n+\s*(?=\w)", "-", text)


def check_pdf(source_part: str, html: str, pdf: Path, changes: list[dict]) -> list[str]:
    """The differences between a PDF and its page, and its text's from the source."""
    view = pdf_view_tokens(html)
    heading = BeautifulSoup(html, "html.parser").select_one("#how-to-cite")
    found = tokens(pdf_text(pdf))
    cut = tokens(heading.get_text().replace("¶", "")) if heading else []
    for start in range(len(found) - len(cut), -1, -1):  # the PDF's own "how to cite" closes it
        if cut and [t.lstrip("+") for t in found[start : start + len(cut)]] == [t.lstrip("+") for t in cut]:
            found = found[:start]
            break
    shown = [token for token, _ in view]
    problems = [f"PDF {pdf.name} differs from its page:\n  {d}" for d in differences(shown, found)]
    text = [token for token, editorial in view if not editorial]
    expected = apply_changes(tokens(repair_glyphs(source_part)), changes)
    return problems + [f"PDF {pdf.name}: {d}" for d in differences(expected, text)]


def check_export(source_part: str, xml: bytes, kind: str, changes: list[dict]) -> list[str]:
    """The differences between the text of an export (kind: tei or jats) and the source."""
    expected = apply_changes(tokens(repair_glyphs(source_part)), changes)
    return differences(expected, tokens(text_of(xml, kind)))


def check_glyphs(source_part: str, record) -> list[str]:
    counted = count_glyphs(source_part)
    recorded = {glyph["source"]: glyph["count"] for glyph in record.glyphs.get("letters", [])}
    return [
        f"glyph {glyph}: {RECORD} says {recorded.get(glyph, 0)}, the source has {counted.get(glyph, 0)}"
        for glyph in sorted(set(counted) | set(recorded))
        if counted.get(glyph, 0) != recorded.get(glyph, 0)
    ]


def built_page(src: str, default_locale: str) -> str:
    """The built page of a Markdown page, relative to the site folder."""
    return page_url(src, default_locale) + "index.html"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--default-locale", required=True, help="the language built at the site's root")
    parser.add_argument("--record", type=Path, default=ROOT / RECORD, help="the edition's record")
    args = parser.parse_args(argv)
    record = load(args.record)
    parts = record.source_parts()
    if not parts:
        print(f"{args.record.name} declares no source text: nothing to compare")
        return 0
    problems = check_glyphs(parts[record.glyphs["page"]], record) if record.glyphs else []
    for page, part in parts.items():
        changes, built = record.changes_of(page), built_page(page, args.default_locale)
        html = (args.site / built).read_text(encoding="utf-8")
        found = check_page(part, html, changes)
        print(f"{page}: {len(changes)} recorded changes, {len(found)} unrecorded differences in {built}")
        problems += found
        for pdf in sorted((args.site / built).parent.glob("*.pdf")):
            found = check_pdf(part, html, pdf, changes)
            print(f"{page}: {len(found)} differences in {pdf.relative_to(args.site)}")
            problems += found
        for kind in ("tei", "jats"):
            for export in sorted((args.site / built).parent.glob(f"*.{kind}.xml")):
                found = [f"{export.name}: {d}" for d in check_export(part, export.read_bytes(), kind, changes)]
                print(f"{page}: {len(found)} differences in {export.relative_to(args.site)}")
                problems += found
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
