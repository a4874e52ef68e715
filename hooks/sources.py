"""Positions in a page's Markdown file, as an editor sees it: lines counted
from the top of the file, front matter included."""

from __future__ import annotations

from mkdocs.utils.meta import get_data


def front_matter_lines(source: str) -> int:
    """How many lines of the file come before the Markdown MkDocs renders
    (its front matter and the blank lines after it)."""
    markdown, _ = get_data(source)
    return source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0


def line_at(text: str, position: int, offset: int = 0) -> int:
    """The file line of a position in text that starts `offset` lines into the file."""
    return text.count("\n", 0, position) + 1 + offset


def line_of(source: str, fragment: str) -> int | None:
    """The line where fragment first appears in the file, if it does."""
    position = source.find(fragment)
    return line_at(source, position) if position >= 0 else None
