"""Every id on a page is unique, whatever made it: a paragraph's `{ #p-3 }`,
a heading, a citation, a reference entry, the theme. A URL with a #fragment
that matches two elements points to whichever the browser finds first."""

from __future__ import annotations

import re
from collections import Counter

from mkdocs.exceptions import PluginError

from . import page_html


def duplicate_ids(tokens: list[page_html.Token]) -> dict[str, list[str]]:
    """id -> a description of each element that has it, for ids used more than once."""
    found = [
        (name, f"<{tokens[i].tag}> «{' '.join(page_html.element_text(tokens, i).split())[:40]}»")
        for name, i in page_html.ids(tokens)
    ]
    twice = {name for name, count in Counter(name for name, _ in found).items() if count > 1}
    return {name: [where for other, where in found if other == name] for name in sorted(twice)}


def check_ids(tokens: list[page_html.Token], src: str, source: str = "") -> None:
    """Fail on a duplicate id, naming the elements and the lines of the file that set it."""
    duplicates = duplicate_ids(tokens)
    if not duplicates:
        return
    name, places = next(iter(duplicates.items()))
    lines = [
        str(source.count("\n", 0, m.start()) + 1)
        for m in re.finditer(rf"(?:\{{[^}}\n]*#|\bid=[\"']){re.escape(name)}(?=[\s}}\"'])", source)
    ]
    written = f" (set on line{'s' if len(lines) > 1 else ''} {', '.join(lines)})" if lines else ""
    at = f"{src}:{lines[0]}" if lines else src
    raise PluginError(
        f"{at}: the id '{name}' is used {len(places)} times{written}: {' and '.join(places)}; "
        "give each element its own id"
    )


_NO_SLUG = re.compile(r"_\d+")  # the toc extension's id for a heading it cannot make a slug of


def check_heading_ids(tokens: list[page_html.Token], src: str, source: str = "") -> None:
    """A heading with no id of its own whose words give no ASCII id (Cyrillic, Kazakh) would get
    `_1`, a URL that says nothing and shifts when a heading is added: it fails at its line."""
    for index, token in enumerate(tokens):
        if (
            token.kind == "start"
            and re.fullmatch(r"h[1-6]", token.tag)
            and _NO_SLUG.fullmatch(token.attrs.get("id") or "")
        ):
            words = " ".join(page_html.element_text(tokens, index).replace("¶", "").split())
            line = next((n for n, text in enumerate(source.splitlines(), 1)
                         if text.lstrip().startswith("#") and words and words in text), None)  # fmt: skip
            raise PluginError(
                f"{src}:{line or 1}: the heading «{words}» has no id of its own, so its address would be "
                f"#{token.attrs['id']}; give it a readable ASCII one at the end of its line: "
                f"{'#' * int(token.tag[1])} {words} {{#a-readable-id}}"
            )
