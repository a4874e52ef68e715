"""No-break spaces where a line must not break, in the text of every page
(never in code, never inside a tag): after an initial («Ю. Н. Лагуткина»,
«Дж. Най»), after a page or volume mark («С. 102», «б. 5», «№ 7»), between a
number and the word after it («2009 жылдың», «2 млрд», «2026 ж.»), and before
a dash between words. The characters of the text stay the same: a no-break
space is a space to the fidelity check, search and the URL lock.

Hyphenation is the style sheet's (`hyphens: auto` with each page's lang):
browsers have Russian patterns; there is no maintained pattern set for
Kazakh (none in pyphen's or TeX's collections), so Kazakh is not hyphenated.
"""

from __future__ import annotations

import re

from . import page_html

NBSP = "\u00a0"
_CAPITAL = "А-ЯЁӘҒҚҢӨҰҮҺІA-Z"
_RULES = [
    re.compile(rf"(?<![\w.])([{_CAPITAL}][а-яёәғқңөұүһіa-z]?\.) (?=[{_CAPITAL}])"),  # an initial
    re.compile(r"(?<!\w)([СсБбТтPp]\.|№) (?=\d)"),  # a page, volume or number mark
    re.compile(r"(\d) (?=[^\W\d_])"),  # a number and its word
    re.compile(r"(\S) (?=[–—] )"),  # a dash between words
]


def no_break(text: str) -> str:
    for rule in _RULES:
        text = rule.sub(rf"\1{NBSP}", text)
    return text


def apply(tokens: list[page_html.Token]) -> None:
    for token in tokens:
        if token.kind == "text" and " " in token.raw and not token.within(page_html.CODE):
            token.raw = no_break(token.raw)
            token.text = no_break(token.text)
