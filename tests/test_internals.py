"""Every non-public attribute or behaviour of Material, mkdocs-static-i18n and
mkdocs-bibtex that the edition relies on, each with a canary. On an upgrade,
a failure names the internal, where the edition uses it and what to check.
README's "Maintenance" points here."""

import re
from pathlib import Path

import pytest
from mkdocs.utils import get_theme_dir

MATERIAL = Path(get_theme_dir("material"))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _bundle() -> str:
    return _read(next((MATERIAL / "assets/javascripts").glob("bundle.*.min.js")))


def _search_worker() -> str:
    return _read(next((MATERIAL / "assets/javascripts/workers").glob("search.*.min.js")))


def _i18n_plugin():
    from mkdocs_static_i18n.plugin import I18n
    return I18n


# (internal, where the edition relies on it, canary returning True while it holds)
INTERNALS = [
    ("mkdocs-static-i18n: the plugin's `building` attribute is true while it builds a further language",
     "hooks/languages.py i18n_building: per-build state is reset and checked once",
     lambda: "self.building = True" in _read(Path(__import__("mkdocs_static_i18n").__file__).parent / "plugin.py")),
    ("mkdocs-static-i18n: event priorities on_config -100, on_page_context 50, on_post_build -100",
     "hooks/edition.py orders every handler against them",
     lambda: (_i18n_plugin().on_config.mkdocs_priority, _i18n_plugin().on_page_context.mkdocs_priority,
              _i18n_plugin().on_post_build.mkdocs_priority) == (-100, 50, -100)),
    ("mkdocs-static-i18n: page.file.alternates maps each locale to that language's File",
     "hooks/alternates.py page_versions: switcher and hreflang",
     lambda: "i18n_file.alternates[alternate_file.locale] = alternate_file"
     in _read(Path(__import__("mkdocs_static_i18n").__file__).parent / "reconfigure.py")),
    ("mkdocs-static-i18n: sets config.extra.alternate as an attribute for each page",
     "hooks/alternates.py _switcher rewrites those entries",
     lambda: "config.extra.alternate = deepcopy(self.extra_alternate)"
     in _read(Path(__import__("mkdocs_static_i18n").__file__).parent / "reconfigure.py")),
    ("mkdocs-bibtex: plugin.registry.bib_data.entries holds refs.bib after on_config",
     "hooks/citations.py _entries",
     lambda: "self.bib_data = BibliographyData(" in _read(Path(__import__("mkdocs_bibtex").__file__).parent / "registry.py")),
    ("Material: <script id=\"__config\"> JSON with `base` and `translations`, read by the bundle at start",
     "hooks/search.py set_search_base; overrides/404.html; tests/conftest.py type_query",
     lambda: '<script id="__config" type="application/json">' in _read(MATERIAL / "base.html")
     and '"base": base_url' in _read(MATERIAL / "base.html")),
    ("Material: the search index is fetched as search/search_index.json below `base`",
     "hooks/search.py writes one index per language folder",
     lambda: re.search(r'new URL\("search/search_index\.json",\w+\.base\)', _bundle()) is not None),
    ("Material: the search worker loads lunr.<lang>.min.js from assets/javascripts/lunr/min/",
     "docs/assets/javascripts/lunr/min/lunr.kk.min.js",
     lambda: "/min/lunr.${" in _search_worker() and "importScripts" in _search_worker()),
    ("Material's worker: a language's plugin is used as this.use(lunr[lang]), then its trimmer, "
     "stopWordFilter and stemmer are removed unless the index config's pipeline lists them",
     "docs/assets/javascripts/lunr/edition-search.js wraps lunr[lang] and adds its own stems function",
     lambda: "this.use(lunr[e.lang[0]])" in _search_worker()
     and 'Re(["trimmer","stopWordFilter","stemmer"],e.pipeline)' in _search_worker()),
    ("Material's worker: every typed term becomes a prefix query `term*`, parsed by lunr.QueryParser",
     "edition-search.js stems each such term where lunr.QueryParser.prototype.nextClause ends it",
     lambda: "`${r}*`" in _search_worker() and "new lunr.QueryParser(" in _search_worker()),
    ("lunr (in Material's worker): QueryParser.prototype.nextClause commits this.currentClause; "
     "Index.prototype.query gives matchData.metadata[term][field].position",
     "edition-search.js patches both",
     lambda: "prototype.nextClause=function(){var e=this.currentClause;this.query.clause(e)" in _search_worker()
     and "Index.prototype.query=function" in _search_worker()),
    ("Material: once the index is ready, it searches for the field's current (empty) value and shows "
     "the placeholder for an empty answer to an empty query, \"no results\" if the field has changed since",
     "tests/conftest.py type_query waits for the placeholder before typing",
     lambda: re.search(r'case 0:\w+\.textContent=\w+\.length\?\w+\("search\.result\.none"\):'
                       r'\w+\("search\.result\.placeholder"\)', _bundle()) is not None),
    ("Material: a result's ?h= holds the query terms it found, highlighted as prefixes in the opened page",
     "tests/test_search.py test_the_opened_section_highlights_the_forms_that_matched",
     lambda: 'searchParams.set("h",' in _bundle()),
    ("Material: the search dialog is <div class=\"md-search\" data-md-component=\"search\" role=\"dialog\">",
     "hooks/accessibility.py gives it an accessible name",
     lambda: '<div class="md-search" data-md-component="search" role="dialog">' in _read(MATERIAL / "partials/search.html")),
    ("Material: translations are partials/languages/<lang>.html with a macro t(key), English as fallback",
     "overrides/partials/languages/*.html, hooks/strings.py",
     lambda: '{% import "partials/languages/en.html" as fallback %}' in _read(MATERIAL / "partials/language.html")),
    ("Material: its plugins read translations through config.theme.get_env(), a new environment",
     "hooks/strings.py expose_material puts Material's folder on theme.dirs; "
     "hooks/template_cache.py share gives those environments the template cache",
     lambda: "config.theme.get_env()" in _read(MATERIAL.parent / "plugins/search/plugin.py")),
    ("Material: the switcher renders config.extra.alternate through the `url` filter",
     "hooks/alternates.py writes links relative to the site root",
     lambda: '<a href="{{ alt.link | url }}" hreflang="{{ alt.lang }}"' in _read(MATERIAL / "partials/alternate.html")),
    ("Material: its language integration fetches sitemap.xml below every hreflang URL",
     "hooks/alternates.py copy_sitemaps",
     lambda: 'new URL("sitemap.xml",' in _bundle() and 'M("link[rel=alternate]")' in _bundle()),
    ("Material: the offline plugin loads iframe-worker from unpkg.com unless a polyfill names it",
     "hooks/offline.py ships the shim",
     lambda: 'if not any("iframe-worker" in url for url in config.extra["polyfills"])'
     in _read(MATERIAL.parent / "plugins/offline/plugin.py")),
    ("Material: base.html blocks site_meta, config, extrahead and content",
     "overrides/main.html, overrides/404.html",
     lambda: all(f"{{% block {name} %}}" in _read(MATERIAL / "base.html") for name in ("site_meta", "config", "extrahead", "content"))),
    ("Material: content.footnote.tooltips shows a tooltip for a.footnote-ref",
     "overrides/partials/citation.html gives citations the class",
     lambda: "footnote-ref" in _bundle()),
]


@pytest.mark.parametrize("internal, used_by, holds", INTERNALS, ids=[i[0].split(":")[0] + ": " + i[0].split(": ", 1)[1][:50] for i in INTERNALS])
def test_third_party_internal_still_holds(internal, used_by, holds):
    assert holds(), f"Changed upstream: {internal}. Check {used_by} against the new version, then update this canary."
