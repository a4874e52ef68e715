"""A strict Content-Security-Policy on every page, as a <meta http-equiv>
first in <head> (GitHub Pages sends no headers).

Scripts run only from the site itself and, inline, only those the page holds
when it is written: the last handler of each page hashes every inline script
of the final HTML (Material's three, the 404 page's), so a script added
later, by a template or a Markdown file, does not run, and nor does an inline
event handler. JSON blocks (`#__config`, `#__edition`, JSON-LD) are not
executed and need no hash. Styles come from the site's files only (the
scripts set styles through the CSSOM, which the policy allows), images also
from data: URIs (the edition's icons), and the search worker from the site.

The offline copy, opened from disk, gets no policy: 'self' means nothing for
file:// addresses, and its search runs in the iframe-worker shim's frame. Nor
do the pages `mkdocs serve` serves: it adds its live-reload script, inline and
different on every request, to each.
"""

from __future__ import annotations

import base64
import hashlib

from . import page_html

EXECUTED = ("", "text/javascript", "application/javascript", "module")
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def inline_script_hashes(tokens: list[page_html.Token]) -> list[str]:
    """'sha256-…' of each inline script that a browser would run, in order."""
    found = []
    for index, token in enumerate(tokens):
        inline = token.kind == "start" and token.tag == "script" and "src" not in token.attrs
        if inline and (token.attrs.get("type") or "").strip().lower() in EXECUTED:
            body = tokens[index + 1].raw if tokens[index + 1].kind == "text" else ""
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
            found.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(found))


def add_policy(tokens: list[page_html.Token]) -> None:
    """The policy for this page's final HTML, as the first element of its <head>."""
    head = next(t for t in tokens if t.kind == "start" and t.tag == "head")
    policy = POLICY.format(hashes=" ".join(inline_script_hashes(tokens)))
    head.raw += f'\n    <meta http-equiv="Content-Security-Policy" content="{policy}">'
