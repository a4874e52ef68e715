"""One search index per language, tuned for Kazakh and Russian readers.

Material's search with mkdocs-static-i18n has one shared index, so results mix
languages; its separator keeps «жұмсақ glued to its quote; and lunr has no
Kazakh. After the build this hook:

- splits /search/search_index.json into one index per language: Kazakh stays
  there, Russian goes to /ru/search/search_index.json with locations relative
  to /ru/, and each Russian page's search base (`__config.base`) points to /ru/;
- gives each index a separator that also splits on quotes, brackets, dashes
  and other punctuation, and a pipeline without stop words, and without the
  language's own stemmer, which would replace the word: the stem search below
  keeps both;
- makes the Kazakh index use `lunr.kk` (docs/assets/javascripts/lunr/min/
  lunr.kk.min.js), which also indexes each Kazakh word with its letters folded
  as on a Russian keyboard (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и);
- appends the edition's stem search (docs/assets/javascripts/lunr/
  edition-search.js) to each language's lunr plugin in the site, so that an
  inflected word finds every form of its stem.

tests/test_search.py pins all of this, so a Material upgrade that changes the
index format or the worker fails the suite.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from languages import default_locale, locales, prefix as language_prefix
from offline import is_offline

INDEX = "search/search_index.json"
# Whitespace and the punctuation around words in both texts.
SEPARATOR = r"[\s\-–—«»\"“”„'‘’`()\[\]{}.,;:!?…/]+"


STEM_SEARCH = "assets/javascripts/lunr/edition-search.js"


def write_indexes(config) -> None:
    """Once mkdocs-static-i18n has built every language and written the shared index."""
    site = Path(config.site_dir)
    write_language_indexes(site, locales(config), default_locale(config), is_offline(config))
    code = (Path(config.docs_dir) / STEM_SEARCH).read_text(encoding="utf-8")
    for locale in locales(config):
        add_stem_search(site / f"assets/javascripts/lunr/min/lunr.{locale}.min.js", code, locale)


def add_stem_search(plugin: Path, code: str, locale: str) -> None:
    """Append the stem search to a language's lunr plugin, once; a language
    lunr has no plugin for (English) is searched as lunr's core does."""
    if not plugin.is_file():
        return
    text = plugin.read_text(encoding="utf-8")
    call = f"editionSearch(self.lunr, {json.dumps(locale)})"
    if call not in text:
        plugin.write_text(f"{text}\n{code}\n{call}\n", encoding="utf-8")


def post_page(output, page, config):
    locale = page.file.src_uri.split("/", 1)[0]
    prefix = language_prefix(locale, default_locale(config))
    return set_search_base(output, prefix) if prefix else output


def write_language_indexes(site: Path, all_locales: list[str], default: str, offline: bool) -> None:
    """Replace the shared index by one per language, each in its language's folder."""
    shared = json.loads((site / INDEX).read_text(encoding="utf-8"))
    for locale, index in split_index(shared, all_locales, default).items():
        path = site / language_prefix(locale, default) / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        path.write_text(data, encoding="utf-8")
        if offline:  # read from disk through a <script>, as Material's offline plugin does
            path.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")


def split_index(shared: dict, all_locales: list[str], default: str) -> dict[str, dict]:
    """The shared index as one index per locale, locations relative to its folder."""
    indexes = {}
    for locale in all_locales:
        prefix = language_prefix(locale, default)
        docs = [
            # Material leaves out the ¶ of headings, not that of our paragraphs.
            {**doc, "location": doc["location"][len(prefix):], "text": doc["text"].replace("¶", "")}
            for doc in shared["docs"]
            if doc_locale(doc["location"], all_locales, default) == locale
        ]
        config = {
            **shared["config"],
            "lang": [locale],  # Material's worker loads lunr.<locale>.min.js
            "separator": SEPARATOR,
            "pipeline": ["trimmer"],
        }
        indexes[locale] = {**shared, "config": config, "docs": docs}
    return indexes


def doc_locale(location: str, all_locales: list[str], default: str) -> str:
    """The locale of an index location: its folder, or the default at the root."""
    folder = location.split("/", 1)[0]
    return folder if folder in all_locales and folder != default else default


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def set_search_base(html: str, prefix: str) -> str:
    """Append the language folder to Material's `__config.base`, where its
    search worker finds the index and resolves result links."""

    def rewrite(match: re.Match) -> str:
        app = json.loads(match.group(2))
        app["base"] = app["base"].rstrip("/") + "/" + prefix
        text = json.dumps(app, ensure_ascii=False)
        # As Jinja's tojson: safe inside a <script> element.
        for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
            text = text.replace(char, escape)
        return match.group(1) + text + match.group(3)

    html, count = _CONFIG.subn(rewrite, html, count=1)
    if count != 1:
        raise ValueError("Material's <script id=\"__config\"> not found: has the theme changed?")
    return html
