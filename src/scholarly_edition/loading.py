"""Every script a page loads by URL runs once the page is parsed (`defer`).

Material writes its bundle and the extra_javascript as plain <script src> at
the end of <body>, which Chromium still counts as holding back the first
paint. Deferred, they run in the order written, before DOMContentLoaded, as
Material expects. Inline scripts (Material's state restore in <head> and at
the start of <body>) need nothing the deferred ones define and run where
they stand.
"""

from __future__ import annotations

from . import page_html


def defer_scripts(tokens: list[page_html.Token]) -> None:
    for token in tokens:
        classic = (token.attrs.get("type") or "text/javascript") == "text/javascript"
        waits = "defer" in token.attrs or "async" in token.attrs
        if token.kind == "start" and token.tag == "script" and token.attrs.get("src") and classic and not waits:
            page_html.set_attribute(token, "defer", "")
