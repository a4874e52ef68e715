"""The address where each page is published, for everything a citation
carries: "how to cite", the citation tags, OpenGraph, JSON-LD, the PDF.

It is the page's URL below the plugin's `published_url` (mkdocs.yml: SITE_URL, or
PUBLISHED_URL for the offline copy, whose own addresses are local .html
files), always in the published shape (/diplomacy/). Where no address is
known (an offline copy built without SITE_URL), there is none, and every
field that would carry it is left out.
"""

from __future__ import annotations

from urllib.parse import urljoin

from .language_links import page_url
from .languages import default_locale, prefix


def page_context(context: dict, page, config, base: str | None) -> dict:
    """base: the published site's address, ending in '/', or None where it is not known."""
    base = base or ""
    default = default_locale(config)
    context["published_url"] = base and urljoin(base, page_url(page.file.src_uri, default))
    context["published_home"] = base and urljoin(base, prefix(config.theme["language"], default))
    return context
