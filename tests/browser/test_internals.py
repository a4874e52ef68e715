"""Every non-public attribute or behaviour of MkDocs, Material,
mkdocs-static-i18n and mkdocs-bibtex that the edition relies on, each with the
test that fails if it changes (a canary): the behaviour itself, not a name in
minified code. On an upgrade, a failing canary names the internal, where the
edition uses it and what to check. DEVELOPING.md's "Upgrades" points here."""

import importlib

import pytest

# (the internal, where the edition relies on it, the canary: tests/<module>::<test>)
INTERNALS = [
    (
        "mkdocs-static-i18n: the plugin's `building` is true while it builds a further language inside the first build",
        "src/scholarly_edition/languages.py i18n_building: one BuildState per build",
        "built.test_pages::test_every_page_has_the_html_lang_of_its_language",
    ),
    (
        "mkdocs-static-i18n: event priorities on_config, on_nav, on_post_build -100, on_page_context 50",
        "src/scholarly_edition/plugin.py orders every handler against them",
        "browser.test_internals::test_i18n_event_priorities",
    ),
    (
        "mkdocs-static-i18n: page.file.alternates maps each locale to that language's File, and it sets "
        "config.extra.alternate as an attribute for each page",
        "src/scholarly_edition/alternates.py",
        "built.test_pages::test_the_switcher_leads_to_the_counterpart_or_to_the_other_home_and_its_note",
    ),
    (
        "mkdocs-static-i18n: a language's site_name override applies only to a value of type str",
        "src/scholarly_edition/escaping.py unescape_config",
        "built.test_metadata::test_every_page_has_link_previews_in_its_language",
    ),
    (
        "mkdocs-bibtex: on_config reads bib_file into registry.bib_data, and does not read it again while it "
        "is unchanged",
        "src/scholarly_edition/bibliography.py load",
        "browser.test_internals::test_mkdocs_bibtex_reads_once",
    ),
    (
        'Material: <script id="__config"> JSON with `base` and `translations`, read by the bundle at start; the search '
        "index is fetched as search/search_index.json below `base`; the worker imports lunr.<lang>.min.js",
        "src/scholarly_edition/search.py set_search_base, write_indexes; templates/404.html",
        "browser.test_internals::test_search_loads_the_languages_index_and_lunr_plugin",
    ),
    (
        "Material's worker: this.use(lunr[lang]); a language's trimmer, stopWordFilter and stemmer removed unless the "
        "index config's pipeline lists them; each typed term a prefix clause parsed by lunr.QueryParser "
        "(nextClause); results from lunr.Index.prototype.query with matchData positions",
        "src/scholarly_edition/assets/javascripts/lunr/edition-search.js",
        "browser.test_search::test_a_query_finds_the_sections_holding_the_form_and_highlights_it",
    ),
    (
        "Material: once the index is ready it searches for the field's current (empty) value; it searches on keyup "
        "and ignores a repeated value",
        "tests/conftest.py type_query; edition.js (results on paste)",
        "browser.test_search::test_a_nonsense_query_or_a_bare_ending_finds_nothing_and_says_so",
    ),
    (
        "Material: a result's ?h= holds the keys of its `terms` that are true, in their order, highlighted in the "
        "opened page as <mark data-md-highlight> wherever a term begins or sits inside a word; `false` terms show "
        "as not found unless lunr.stopWordFilter drops them",
        "edition-search.js results() (terms = the words marked, longest first); edition.js (whole words only)",
        "browser.test_search_opened::test_an_opened_result_highlights_the_forms_that_matched",
    ),
    (
        "Material's worker: its RESULT message (postMessage) holds items grouped by page, the page's own entry "
        "among them; the result list shows a page's items scoring as its first one and folds the rest, and "
        "counts the groups",
        "edition-search.js (self.postMessage wrapped: a page's best section never folded)",
        "browser.test_search::test_a_result_lists_no_term_as_not_found_and_the_count_says_the_pages_listed",
    ),
    (
        'Material: the header\'s second topic (.md-header__topic[data-md-component="header-topic"] .md-ellipsis) '
        "shows the page's title once its heading scrolls away; the drawer is the #__drawer checkbox, the page's "
        "table of contents in it the #__toc checkbox",
        "edition.js (the section being read; the drawer opens on the contents)",
        "browser.test_reading::test_on_a_phone_the_header_names_the_section_being_read_and_the_menu_opens_on_the_contents",
    ),
    (
        "Material: the footnote tooltip (.md-tooltip2) opens on a citation's focus, which fragment navigation "
        "and a tap give it",
        "edition.js (focus left on landing), edition.css (hidden while the popover is open)",
        "browser.test_reading::test_a_tap_on_a_citation_shows_its_reference_and_a_way_on_to_the_list",
    ),
    (
        "Material: translations are partials/languages/<lang>.html with a macro t(key), English as fallback; its "
        "plugins read them through config.theme.get_env()",
        "src/scholarly_edition/templates/partials/languages/, strings.py, template_cache.py",
        "builds.test_language_builds::test_two_builds_in_one_process_give_the_same_site_and_load_each_module_once",
    ),
    (
        "Material: base.html blocks site_meta, htmltitle, config, extrahead, content, scripts; "
        "partials/alternate.html as "
        "copied into the plugin's templates (9.8)",
        "src/scholarly_edition/templates/main.html, templates/partials/alternate.html",
        "browser.test_internals::test_the_overridden_blocks_and_partials_are_materials",
    ),
    (
        "Material: its language integration fetches sitemap.xml beside every <link rel=alternate> (hreflang, "
        "and the TEI and JATS exports')",
        "src/scholarly_edition/alternates.py write_sitemaps; plugin.py on_page_context",
        "browser.test_quality::test_every_page_passes_axe_and_logs_no_error",
    ),
    (
        "Material: the offline plugin loads iframe-worker from unpkg.com unless a polyfill names it",
        "src/scholarly_edition/offline.py",
        "browser.test_offline::test_texts_switcher_and_search_work_from_disk",
    ),
    (
        "Material: content.footnote.tooltips shows a tooltip for a.footnote-ref",
        "src/scholarly_edition/templates/partials/citation.html",
        "browser.test_reading::test_a_citation_shows_its_reference_on_hover_and_focus_and_jumps_and_comes_back",
    ),
    (
        "Material: the palette toggle is a hidden radio per scheme followed by the label it shows; Enter switches it",
        "edition.js (palette: Space), edition.css (its ring on the shown label)",
        "browser.test_quality::test_the_palette_toggle_switches_by_keyboard_and_keeps_the_keyboard_there",
    ),
    (
        "Material: the closed search's results sit in .md-search__scrollwrap after the [data-md-toggle=search] "
        "checkbox",
        "edition.css (no keyboard stop while search is closed)",
        "browser.test_quality::test_the_keyboard_reaches_the_text_through_the_skip_link_and_every_stop_is_visible",
    ),
    (
        'Material: the search dialog is <div data-md-component="search" role="dialog">',
        "src/scholarly_edition/accessibility.py (the build fails if it changes)",
        "browser.test_quality::test_every_page_passes_axe_and_logs_no_error",
    ),
    (
        "Material: its bundle starts the search worker (new Worker(config.search)) and requests "
        "search/search_index.json over XMLHttpRequest as the page loads; the scripts block loads the bundle",
        "src/scholarly_edition/assets/javascripts/lazy-search.js, templates/main.html",
        "browser.test_security::test_search_files_load_only_when_search_is_asked_for",
    ),
    (
        "Material: base.html's inline scripts are the same for a page on every load, and its scripts set styles "
        "through the CSSOM, not in style attributes or <style> elements",
        "src/scholarly_edition/csp.py",
        "browser.test_security::test_a_readers_visit_raises_no_violation",
    ),
    (
        "MkDocs: `mkdocs serve`'s server.builder and server.root",
        "src/scholarly_edition/serve.py",
        "builds.test_mistakes::test_mkdocs_serve_shows_the_error_and_keeps_serving_the_last_good_site",
    ),
]


@pytest.mark.parametrize("internal, used_by, canary", INTERNALS, ids=[row[0][:60] for row in INTERNALS])
def test_each_internal_has_a_canary(internal, used_by, canary):
    module, _, name = canary.partition("::")
    assert callable(getattr(importlib.import_module(module), name, None)), f"{internal}: no canary {canary}"


def test_i18n_event_priorities():
    from mkdocs_static_i18n.plugin import I18n

    priorities = {
        event: getattr(I18n, event).mkdocs_priority
        for event in ("on_config", "on_nav", "on_page_context", "on_post_build")
    }
    assert priorities == {"on_config": -100, "on_nav": -100, "on_page_context": 50, "on_post_build": -100}


def test_mkdocs_bibtex_reads_once(monkeypatch):
    import mkdocs_bibtex.registry as registry
    from mkdocs.config import load_config

    from expected import ROOT

    reads, parse_file = [], registry.parse_file
    monkeypatch.setattr(
        registry, "parse_file", lambda *args, **kwargs: reads.append(args) or parse_file(*args, **kwargs)
    )
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["bibtex"]
    plugin.on_config(config)
    plugin.on_config(config)
    assert len(reads) == 1 and plugin.registry.bib_data.entries


def test_search_loads_the_languages_index_and_lunr_plugin(page, server, project):
    from conftest import type_query

    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for text in project.texts:
        requested.clear()
        page.goto(server + text.url)
        type_query(page, text.meta["citation"]["title"].split()[0])
        prefix = "" if text.locale == project.default else f"{text.locale}/"
        assert server + prefix + "search/search_index.json" in requested
        assert any(url.endswith(f"lunr/min/lunr.{text.locale}.min.js") for url in requested), requested


def test_the_overridden_blocks_and_partials_are_materials():
    """The blocks templates/main.html replaces exist; the partials copied into the plugin's templates
    differ from Material's only where the edition changed them (the text a maintainer compares on an upgrade)."""
    import hashlib
    from pathlib import Path

    import jinja2
    from mkdocs.utils import get_theme_dir

    material = Path(get_theme_dir("material"))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(material)))
    source = (material / "base.html").read_text(encoding="utf-8")
    blocks = {node.name for node in env.parse(source).find_all(jinja2.nodes.Block)}
    assert {"site_meta", "htmltitle", "config", "extrahead", "content", "scripts"} <= blocks
    copied = {"partials/alternate.html": "572b1d4dae611aa5fd65107edec95e44331b6141abf86834ea4dc6c1ddd7241b"}
    for name, digest in copied.items():
        found = hashlib.sha256((material / name).read_bytes()).hexdigest()
        assert found == digest, f"Material's {name} changed ({found}): compare it with templates/{name} of the plugin"
