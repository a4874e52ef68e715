"""The edition's only MkDocs hook: every event it handles, at the priority it
needs, in one table. A build's state is one BuildState, made when the build
starts; each handler hands it, with the event's arguments, to the module
that owns the behaviour (hooks/diplomacy_edition/, plain Python).

Priorities (higher runs first) are set against these of the other plugins:
- mkdocs-static-i18n: on_config -100 (sets this build's language), on_nav
  -100, on_page_context 50 (sets the switcher's links), on_post_build -100
  (builds every further language inside the first build, then writes the
  shared search index and sitemap);
- mkdocs-bibtex: on_config and on_page_markdown at 0;
- Material's offline plugin: on_config at 0.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from diplomacy_edition import (
    accessibility,
    alternates,
    bibliography,
    citations,
    csp,
    dates,
    downloads,
    edition_record,
    escaping,
    front_matter,
    language_links,
    languages,
    loading,
    minify,
    not_found,
    offline,
    page_html,
    page_ids,
    pdf,
    published,
    search,
    serve,
    strings,
    template_cache,
    text_page,
    typography,
)
from diplomacy_edition.bibtex_text import bibtex_escape, bibtex_url, protect_capitals
from diplomacy_edition.sources import front_matter_lines
from diplomacy_edition.state import BuildState

AFTER_I18N = -150  # the build's language, nav and switcher are set
BEFORE_PLUGINS = 100  # before mkdocs-bibtex and the offline plugin
AFTER_I18N_PAGE_CONTEXT = -50
AFTER_ALL_LANGUAGES = -200  # after i18n has built every language
LAST = -1000  # after every other handler: the page as written
FILTERS = {  # the edition's templates write values into these contexts
    "plain": escaping.plain,
    "bibtex": bibtex_escape,
    "bibtex_title": protect_capitals,
    "bibtex_url": bibtex_url,
    "ris": downloads.ris_value,
    "css": pdf.css_string,
}

_build: BuildState | None = None  # the current build's state; a new build replaces it
_command = "build"  # MkDocs' command, for the process: `serve` adds its live-reload script to every page


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


@event_priority(BEFORE_PLUGINS)
def _start(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    escaping.unescape_config(config)
    strings.expose_material(config.theme)
    template_cache.share(config.theme, config.config_file_path)
    offline.use_local_shim(config)
    if not languages.i18n_building(config):  # a new build (every mkdocs serve rebuild too), not a further language
        root = Path(config.config_file_path).parent
        _build = BuildState(
            root=root,
            bibliography=bibliography.load(config),  # before mkdocs-bibtex: its errors with file and line
            record=edition_record.load(root / edition_record.RECORD),
            env=config.theme.get_env(),
        )
        _build.env.filters.update(FILTERS)
    return config


@event_priority(AFTER_I18N)
def _per_language(config: MkDocsConfig) -> MkDocsConfig:
    locale = config.theme["language"]
    strings.check_table(_build.env, locale, languages.locales(config))
    languages.translate_config(config, _build.words(locale))
    escaping.escape_config(config)
    return config


on_config = CombinedEvent(_start, _per_language)


@event_priority(AFTER_I18N)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    return escaping.escape_nav(nav)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters.update(FILTERS)
    return env


@event_priority(BEFORE_PLUGINS)  # before mkdocs-bibtex, so it never sees, or drops, a citation
def _check_and_protect(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source, src, locale = page.file.content_string, page.file.src_uri, config.theme["language"]
    front_matter.check(source, src)
    escaping.escape_meta(page.meta)
    markdown, _build.marked[src] = citations.protect(markdown, front_matter_lines(source))
    return edition_record.render_markers(markdown, _build.record, _build.words(locale), src, locale)


def _mark_language_links(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown, anchored = language_links.mark_language_links(
        markdown, page.file.src_uri, languages.locales(config), language_links.docs_pages(config.docs_dir),
        front_matter_lines(page.file.content_string),
    )  # fmt: skip
    _build.cross_links.extend(anchored)
    return markdown


on_page_markdown = CombinedEvent(_check_and_protect, _mark_language_links)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    t = _build.words(config.theme["language"])
    html = text_page.render_citations(html, page, config, _build, t)
    html = text_page.mark_emendations(html, page, _build, t)
    html = language_links.resolve_language_links(
        html, page.url, languages.default_locale(config), config.use_directory_urls
    )
    if text_page.is_text(page):
        html = text_page.decorate(html, page, config, _build, t)
    return typography.apply(html)


@event_priority(AFTER_I18N_PAGE_CONTEXT)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    context = _edition_context(published.page_context(context, page, config), config)
    context["pdf_url"] = text_page.pdf_url(page, config) if text_page.is_text(page) else ""
    context["hreflang"] = alternates.set_links(page, config)
    _build.hreflang_folders.update(alternates.url_path(url, config.site_url or "") for _, url in context["hreflang"])
    if text_page.is_text(page):
        _build.summaries[page.url] = escaping.plain(page.meta["description"])
    return context


def _edition_context(context: dict, config: MkDocsConfig) -> dict:
    locale = config.theme["language"]
    context["lazy_search"] = not offline.is_offline(config)
    context["edition_version"] = _build.record.version
    context["edition_date"] = dates.long_date(_build.record.released, locale, _build.words(locale))
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    context = _edition_context(context, config)
    if template_name == "404.html":
        not_found.template_context(context, config)
    return context


def on_pre_template(template, template_name: str, config: MkDocsConfig):
    if template_name == "404.html":  # served at any address (or opened from disk): each home as it reaches it
        alternates.link_homes(config, not_found.language_homes(config))
    return template


def _final_pass(output: str, src: str, source: str, config: MkDocsConfig) -> str:
    """Every change to a written page, on one reading of its HTML, last of all
    handlers: the policy hashes the inline scripts as the page is served."""
    tokens = page_html.tokenize(output)
    page_ids.check_ids(tokens, src, source)
    _build.page_ids[src] = {name for name, _ in page_html.ids(tokens)}
    accessibility.name_search_dialog(tokens, _build.words(config.theme["language"])("search"))
    loading.defer_scripts(tokens)
    prefix = languages.prefix(config.theme["language"], languages.default_locale(config))
    if prefix:
        search.set_search_base(tokens, prefix)
    if not offline.is_offline(config) and _command != "serve":  # serve's live reload is an inline script
        csp.add_policy(tokens)
    return page_html.join(tokens)


@event_priority(LAST)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if text_page.is_text(page):
        text_page.write_files(page, config, _build)
    return _final_pass(output, page.file.src_uri, page.file.content_string, config)


@event_priority(LAST)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    return not_found.move(_final_pass(output, template_name, "", config), config, _build)


@event_priority(AFTER_ALL_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    if languages.i18n_building(config):
        return
    state, site, default = _build, Path(config.site_dir), languages.default_locale(config)
    citations.check_all_cited(state.bibliography, state.cited)
    language_links.check_anchors(state.cross_links, state.page_ids)
    alternates.write_sitemaps(site, config.site_url or "", state.hreflang_folders)
    search.write_indexes(site, Path(config.docs_dir), languages.locales(config), default, offline.is_offline(config),
                         state.summaries, state.reference_sections)  # fmt: skip
    minify.minify(site, languages.locales(config))
    if config.site_url:
        alternates.write_robots(site, config.site_url)


def on_serve(server, config: MkDocsConfig, builder):
    serve.watch(server, [_build.bibliography.path, _build.record.path])
    serve.keep_last_good_site(server)
    return server
