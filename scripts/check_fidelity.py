"""Check that the built texts are the source's, word for word, but for the
differences edition-record.yml records.

    python scripts/check_fidelity.py site/

The source (tests/data/source.txt) with its glyphs repaired and the record's
changes made must equal the text of the built page of its language, token by
token: words, numbers and punctuation marks, letter case, and whether a space
comes between two of them. Line breaks and runs of spaces count as one space.
Editorial additions (headings, notes, the reference list, "how to cite") are
not part of the text. Any other difference fails, and so does a glyph count
that differs from the record's.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "hooks")]
from repair_glyphs import count_glyphs, repair_glyphs  # noqa: E402

from diplomacy_edition.edition_record import RECORD, apply_changes, load, tokens  # noqa: E402

SOURCE = ROOT / "tests" / "data" / "source.txt"
# The Russian fragment follows the Kazakh paper in the source.
RUSSIAN_START = "Из-за своих географических"
# The built page of each text, relative to the site folder, by the record's page.
PAGES = {"kk/diplomacy.md": "diplomacy/index.html", "ru/transport.md": "ru/transport/index.html"}
# What the editors added to a text page, which the source does not have.
EDITORIAL = (
    "h2, .editorial, .admonition, .fragment-break, .text-header, .how-to-cite, .references-note, ol.references, "
    ".headerlink, .paragraph-number, .paragraph-cite, .copy-status"
)
BLOCKS = ["p", "div", "h1", "li", "br", "blockquote", "table", "tr", "td", "th"]


def split_source(text: str) -> dict[str, str]:
    """The source's part of each text page, glyphs not yet repaired."""
    start = text.index(RUSSIAN_START)
    return {"kk/diplomacy.md": text[:start], "ru/transport.md": text[start:]}


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


def check_glyphs(source_part: str, record) -> list[str]:
    counted = count_glyphs(source_part)
    recorded = {glyph["source"]: glyph["count"] for glyph in record.glyphs["letters"]}
    return [
        f"glyph {glyph}: {RECORD} says {recorded.get(glyph, 0)}, the source has {counted.get(glyph, 0)}"
        for glyph in sorted(set(counted) | set(recorded))
        if counted.get(glyph, 0) != recorded.get(glyph, 0)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    args = parser.parse_args(argv)
    record = load(ROOT / RECORD)
    parts = split_source(SOURCE.read_text(encoding="utf-8"))
    problems = check_glyphs(parts[record.glyphs["page"]], record)
    for page, built in PAGES.items():
        changes = record.changes_of(page)
        found = check_page(parts[page], (args.site / built).read_text(encoding="utf-8"), changes)
        print(f"{page}: {len(changes)} recorded changes, {len(found)} unrecorded differences in {built}")
        problems += found
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
