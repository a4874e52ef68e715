"""The block under each text's byline (or its title, where it has none):
the edition and its version with its date, the source's status, the rights,
and the ways to take the text away (how to cite, PDF, BibTeX, RIS, the
offline copy). overrides/partials/text-header.html writes it; it is the
edition's, not the text's, so search leaves it out (data-search-exclude) and
the fidelity check skips it (.text-header).
"""

from __future__ import annotations

from . import page_html


def insert(html: str, block: str) -> str:
    """block after the page's byline (div.byline), else after its h1, else first."""
    tokens = page_html.tokenize(html)
    anchor = next(
        (
            i
            for i, t in enumerate(tokens)
            if t.kind == "start" and t.tag == "div" and "byline" in (t.attrs.get("class") or "").split()
        ),
        None,
    )
    if anchor is None:
        anchor = next((i for i, t in enumerate(tokens) if t.kind == "start" and t.tag == "h1"), None)
    if anchor is None:
        return block + html
    end = tokens[page_html.element_end(tokens, anchor)]
    end.raw += "\n" + block
    return page_html.join(tokens)
