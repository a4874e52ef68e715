"""Repair the legacy-font glyphs that PDF extraction leaves in Kazakh text.

The source PDF was typeset with a font that maps Kazakh letters onto
unrelated Cyrillic code points (ҽ for ә, ҿ for ө, ҥ for ү, ҧ for ұ).
This tool maps them back and says what it changed.

    python scripts/repair_glyphs.py FILE        # repaired text on stdout
    python scripts/repair_glyphs.py < FILE      # the same from stdin

A report of every change (glyph, replacement, count) goes to stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

# legacy glyph -> the Kazakh letter it stands for
GLYPH_MAP = {
    "ҽ": "ә",  # U+04BD Abkhasian che
    "Ҽ": "Ә",  # U+04BC
    "ҿ": "ө",  # U+04BF Abkhasian che with descender
    "Ҿ": "Ө",  # U+04BE
    "ҥ": "ү",  # U+04A5 ligature en ghe
    "Ҥ": "Ү",  # U+04A4
    "ҧ": "ұ",  # U+04A7 pe with middle hook
}
_TABLE = str.maketrans(GLYPH_MAP)


def count_glyphs(text: str) -> Counter[str]:
    """How often each legacy glyph occurs in text."""
    return Counter(ch for ch in text if ch in GLYPH_MAP)


def repair_glyphs(text: str) -> str:
    """text with every legacy glyph replaced by its Kazakh letter."""
    return text.translate(_TABLE)


def format_report(counts: Counter[str]) -> str:
    """One line per repaired glyph, then the total."""
    lines = [
        f"{glyph} (U+{ord(glyph):04X}) -> {GLYPH_MAP[glyph]} (U+{ord(GLYPH_MAP[glyph]):04X}): {n}"
        for glyph, n in sorted(counts.items(), key=lambda item: -item[1])
    ]
    lines.append(f"total: {sum(counts.values())}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="text file to repair (default: stdin)")
    args = parser.parse_args(argv)
    if args.file:
        with open(args.file, encoding="utf-8") as f:
            text = f.read()
    else:
        text = sys.stdin.read()
    sys.stdout.write(repair_glyphs(text))
    print(format_report(count_glyphs(text)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
