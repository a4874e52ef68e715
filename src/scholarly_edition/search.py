"""One search index per language, tuned for Kazakh and Russian readers.

Material's search with mkdocs-static-i18n has one shared index, so results mix
languages; its separator keeps «жұмсақ glued to its quote; and lunr has no
Kazakh. After the build this module:

- splits /search/search_index.json into one index per language: Kazakh stays
  there, Russian goes to /ru/search/search_index.json with locations relative
  to /ru/, and each Russian page's search base (`__config.base`) points to /ru/;
- gives each index a separator that also splits on quotes, brackets, dashes
  and other punctuation, and a pipeline without stop words, and without the
  language's own stemmer, which would replace the word: the stem search of
  assets/javascripts/lunr/edition-search.js keeps both;
- ranks a text's sections above its reference list (`boost`), and starts a
  text's page-level entry with its description, the snippet a result shows
  (not the UDC line);
- makes the Kazakh index use `lunr.kk` (assets/javascripts/lunr/min/
  lunr.kk.min.js), the English one `lunr.en_core` (lunr's core as a plugin), and
  appends the edition's stem search to each language's lunr plugin in the site.

tests pin all of this, so a Material upgrade that changes the index format or
the worker fails the suite.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import PACKAGE, page_html
from .languages import prefix as language_prefix

INDEX = "search/search_index.json"
STEM_SEARCH = "assets/javascripts/lunr/edition-search.js"
# Whitespace and the punctuation around words in both texts.
SEPARATOR = r"[\s\-–—«»\"“”„'‘’`()\[\]{}.,;:!?…/]+"
REFERENCES_BOOST = 0.3  # a reference note ranks below the sections of the text
# The lunr language an index names where it is not the locale: Material's worker loads no plugin
# for "en", so English names lunr's core as a plugin (assets/javascripts/lunr/min/lunr.en_core.min.js).
SEARCH_LANGUAGES = {"en": "en_core"}


def search_language(locale: str) -> str:
    return SEARCH_LANGUAGES.get(locale, locale)


def write_indexes(
    site: Path,
    locales: list[str],
    default: str,
    offline: bool,
    summaries: dict[str, str],
    reference_sections: dict[str, str],
) -> None:
    """Once mkdocs-static-i18n has built every language and written the shared index."""
    shared = json.loads((site / INDEX).read_text(encoding="utf-8"))
    for locale, index in split_index(shared, locales, default, summaries, reference_sections).items():
        path = site / language_prefix(locale, default) / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        path.write_text(data, encoding="utf-8")
        if offline:  # read from disk through a <script>, as Material's offline plugin does
            path.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
    code = (PACKAGE / STEM_SEARCH).read_text(encoding="utf-8")
    for locale in locales:
        language = search_language(locale)
        add_stem_search(site / f"assets/javascripts/lunr/min/lunr.{language}.min.js", code, language)


def add_stem_search(plugin: Path, code: str, locale: str) -> None:
    """Append the stem search to a language's lunr plugin, once; a language lunr has no
    plugin for, and the edition none either, is searched as lunr's core does."""
    if not plugin.is_file():
        return
    text = plugin.read_text(encoding="utf-8")
    call = f"editionSearch(self.lunr, {json.dumps(locale)})"
    if call not in text:
        plugin.write_text(f"{text}\n{code}\n{call}\n", encoding="utf-8")


def split_index(
    shared: dict,
    locales: list[str],
    default: str,
    summaries: dict[str, str] | None = None,
    reference_sections: dict[str, str] | None = None,
) -> dict[str, dict]:
    """The shared index as one index per locale, locations relative to its folder.
    summaries: page URL -> the text of its page-level entry; reference_sections:
    page URL -> the id of the section that holds its reference list."""
    summaries, reference_sections = summaries or {}, reference_sections or {}
    indexes = {}
    for locale in locales:
        prefix = language_prefix(locale, default)
        docs = []
        for doc in shared["docs"]:
            if doc_locale(doc["location"], locales, default) != locale:
                continue
            page, _, section = doc["location"].partition("#")
            doc = {**doc, "location": doc["location"][len(prefix) :], "text": doc["text"].replace("¶", "")}
            if not section and page in summaries:  # the snippet a result shows: the summary first
                doc["text"] = f"<p>{page_html.escape_text(summaries[page])}</p>{doc['text']}"
            if section and reference_sections.get(page) == section:
                doc["boost"] = REFERENCES_BOOST
            docs.append(doc)
        config = {
            **shared["config"],
            "lang": [search_language(locale)],  # Material's worker loads lunr.<lang>.min.js
            "separator": SEPARATOR,
            "pipeline": ["trimmer"],
        }
        indexes[locale] = {**shared, "config": config, "docs": docs}
    return indexes


def doc_locale(location: str, locales: list[str], default: str) -> str:
    """The locale of an index location: its folder, or the default at the root."""
    folder = location.split("/", 1)[0]
    return folder if folder in locales and folder != default else default


def set_search_base(tokens: list[page_html.Token], prefix: str) -> None:
    """Append the language folder to Material's `__config.base`, where its
    search worker finds the index and resolves result links."""
    for index, token in enumerate(tokens):
        if token.kind == "start" and token.tag == "script" and token.attrs.get("id") == "__config":
            body = tokens[index + 1]
            app = json.loads(body.raw)
            app["base"] = app["base"].rstrip("/") + "/" + prefix
            text = json.dumps(app, ensure_ascii=False)
            # As Jinja's tojson: safe inside a <script> element.
            for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
                text = text.replace(char, escape)
            body.raw = text
            return
    raise ValueError('Material\'s <script id="__config"> not found: has the theme changed?')
