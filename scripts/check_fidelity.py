"""Check that every sentence of the source text appears in the built site.

    python scripts/check_fidelity.py site/

Each sentence of tests/data/source.txt (glyphs repaired) must appear in the
built page of its language. Texts are compared as case-folded streams of
letters and digits, so markup, joined line-break hyphens and spacing do not
matter, while a changed word, number or page locator does. Editorial
headings (h2) and permalink signs are left out of the page's stream.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))
from repair_glyphs import repair_glyphs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "data" / "source.txt"
# The Russian fragment follows the Kazakh paper in the source.
RUSSIAN_START = "Из-за своих географических"
# Built page of each language's text, relative to the site folder.
PAGES = {"kk": "diplomacy/index.html", "ru": "ru/transport/index.html"}


def letters(text: str) -> str:
    """Case-folded letters and digits only."""
    return re.sub(r"[\W_]+", "", text.casefold())


def split_source(text: str) -> dict[str, str]:
    """The source's Kazakh and Russian parts, glyphs repaired."""
    start = text.index(RUSSIAN_START)
    return {"kk": repair_glyphs(text[:start]), "ru": repair_glyphs(text[start:])}


def sentences(text: str) -> list[str]:
    """Sentences: split after . ! ? or … where a space and a capital letter follow
    (so "С. 183" stays whole)."""
    pieces = re.split(r"(?<=[.!?…])\s+(?=[«\"(]?[^\W\d_a-zа-яёәғқңөұүһі])", re.sub(r"\s+", " ", text).strip())
    return [piece for piece in pieces if letters(piece)]


def page_text(html: str) -> str:
    """The article's text without editorial headings and permalink signs."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    for node in article.select("h2, .headerlink"):
        node.decompose()
    return article.get_text(" ")


def missing_sentences(source_part: str, html: str) -> tuple[int, list[str]]:
    """(sentences checked, those whose letters do not occur in the page)."""
    stream = letters(page_text(html))
    checked = sentences(source_part)
    return len(checked), [s for s in checked if letters(s) not in stream]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    args = parser.parse_args(argv)
    parts = split_source(SOURCE.read_text(encoding="utf-8"))
    failed = False
    for lang, page in PAGES.items():
        html = (args.site / page).read_text(encoding="utf-8")
        checked, missing = missing_sentences(parts[lang], html)
        print(f"{lang}: {checked - len(missing)} of {checked} sentences found in {page}")
        for sentence in missing:
            print(f"  missing: {sentence}")
        failed |= bool(missing)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
