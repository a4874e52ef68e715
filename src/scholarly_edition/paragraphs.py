"""Citable paragraphs. A text page (`citable: true`) gives every paragraph of
its text an id written in the Markdown, `{ #p-12 }`, so it never shifts; each
gets its number, a link to itself, and a button to cite it.

The rules (EDITING.md, "Paragraph ids"), each failing at its line:
- a paragraph id is ASCII `p-` and a number without leading zeros; a
  look-alike (Cyrillic «р», a dash other than the hyphen) is named;
- every paragraph of the text has one: a paragraph at the top level, in a
  block quote or in a loose list item (a blank line between items);
- text that cannot carry an id (a tight list item, a table cell) is not part
  of a text page's text: write it as paragraphs, or put it in an admonition,
  which is the editors' note, not the text.
Paragraphs with a class (the UDC line, the byline) and admonitions are the
edition's own, and are not numbered.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from . import page_html
from .sources import id_line, line_of

PARAGRAPH_ID = re.compile(r"p-[1-9]\d*")
# What an id typed as p-N with a look-alike letter, digit or dash looks like.
_LOOKALIKE = re.compile(r"[pрπρ][-‐‑‒–—−_]\s*[0-9０-９]+", re.IGNORECASE)
_EDITORIAL = ("admonition", "details", "footnote", "references")  # the editors' notes, and the reference list


def paragraph_number(pid: str) -> str:
    return pid.removeprefix("p-")


def check(tokens: list[page_html.Token], src: str, source: str) -> None:
    """A text page's paragraphs follow the rules above; else a PluginError at the line."""
    for index, token in enumerate(tokens):
        if token.kind != "start" or _editorial(token):
            continue
        pid = token.attrs.get("id") or ""
        text = page_html.element_text(tokens, index).strip()
        if pid and not PARAGRAPH_ID.fullmatch(pid) and _LOOKALIKE.fullmatch(pid):
            odd = ", ".join(f"«{char}» (U+{ord(char):04X})" for char in pid if ord(char) > 127)
            problem = f"it has {odd}" if odd else "a paragraph id is a lowercase p, a hyphen and a number"
            raise PluginError(
                f"{src}:{id_line(source, pid) or 1}: the id '{pid}' is not a paragraph id: {problem}; "
                "type it as ASCII p-N (Latin p, hyphen-minus, digits, no leading zero)"
            )
        if token.tag == "p" and not token.attrs.get("class") and text:
            if not pid:
                raise PluginError(
                    f"{src}:{_line(source, text)}: paragraph without an id: '{text[:60]}…'; "
                    "end it with a line { #p-N } using the next free number"
                )
            if not PARAGRAPH_ID.fullmatch(pid):
                raise PluginError(
                    f"{src}:{id_line(source, pid) or _line(source, text)}: the paragraph id '{pid}' "
                    "is not p-N; paragraph ids are p-1, p-2, … (headings keep their own ids)"
                )
        if (
            token.tag == "li"
            and text
            and not any(
                t.kind == "start" and t.tag == "p" for t in tokens[index : page_html.element_end(tokens, index)]
            )
        ):
            raise PluginError(
                f"{src}:{_line(source, text)}: a list item without a paragraph cannot be cited: "
                f"'{text[:60]}'; make the list loose (a blank line between items) and end each "
                "item with { #p-N }, or put the list in an admonition if it is the editors' note"
            )
        if token.tag in ("td", "th") and text:
            raise PluginError(
                f"{src}:{_line(source, text)}: a table cell cannot be cited: '{text[:60]}'; "
                "write the text as paragraphs, or put the table in an admonition if it is the "
                "editors' note"
            )


def _editorial(token: page_html.Token) -> bool:
    classes = (token.attrs.get("class") or "").split()
    return any(name in classes for name in _EDITORIAL) or any(
        any(element.has_class(name) for name in _EDITORIAL) for element in token.ancestors
    )


def _line(source: str, text: str) -> int:
    return line_of(source, text[:30]) or line_of(source, text[:12]) or 1


def add_links(tokens: list[page_html.Token], render_number, render_cite) -> None:
    """Each paragraph with a p-N id (at any depth) gets render_number(id) at its
    start and render_cite(id) at its end."""
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if token.kind == "start" and token.tag == "p" and PARAGRAPH_ID.fullmatch(token.attrs.get("id") or ""):
            pid, end = token.attrs["id"], page_html.element_end(tokens, index)
            inside = page_html.inside(tokens, index)
            page_html.splice(tokens, end, end, render_cite(pid), inside)
            page_html.splice(tokens, index + 1, index + 1, render_number(pid), inside)


def paragraph_ids(tokens: list[page_html.Token]) -> list[str]:
    return [pid for pid, _ in page_html.ids(tokens) if PARAGRAPH_ID.fullmatch(pid)]
