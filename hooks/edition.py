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
    dates,
    downloads,
    edition_record,
    escaping,
    front_matter,
    language_links,
    languages,
    not_found,
    offline,
    page_ids,
    paragraphs,
    published,
    search,
    serve,
    strings,
    template_cache,
    text_header,
    typography,
)
from diplomacy_edition.bibtex_text import bibtex_escape, bibtex_url, protect_capitals
from diplomacy_edition.sources import front_matter_lines
from diplomacy_edition.state import BuildState

AFTER_I18N = -150  # the build's language, nav and switcher are set
BEFORE_PLUGINS = 100  # before mkdocs-bibtex and the offline plugin
AFTER_I18N_PAGE_CONTEXT = -50
AFTER_ALL_LANGUAGES = -200  # after i18n has built every language
OFFLINE_ZIP = "edition-offline.zip"  # make build puts the offline copy at the site's root

_build: BuildState | None = None  # the current build's state; a new build replaces it


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


FILTERS = {
    "bibtex": bibtex_escape,
    "bibtex_title": protect_capitals,
    "bibtex_url": bibtex_url,
    "plain": escaping.plain,
    "ris": downloads.ris_value,
}


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters.update(FILTERS)
    return env


@event_priority(BEFORE_PLUGINS)  # before mkdocs-bibtex, so it never sees, or drops, a citation
def _check_and_protect(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source, src = page.file.content_string, page.file.src_uri
    front_matter.check(source, src)
    escaping.escape_meta(page.meta)
    markdown, _build.marked[src] = citations.protect(markdown, front_matter_lines(source))
    locale = config.theme["language"]
    return edition_record.render_markers(markdown, _build.record, _build.words(locale), src, locale)


def _mark_language_links(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    pages = {path.relative_to(config.docs_dir).as_posix() for path in Path(config.docs_dir).rglob("*.md")}
    markdown, anchored = language_links.mark_language_links(
        markdown, page.file.src_uri, languages.locales(config), pages, front_matter_lines(page.file.content_string)
    )
    _build.cross_links.extend(anchored)
    return markdown


on_page_markdown = CombinedEvent(_check_and_protect, _mark_language_links)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src, source, locale = page.file.src_uri, page.file.content_string, config.theme["language"]
    state, t = _build, _build.words(locale)
    marked = state.marked.pop(src, [])
    if marked:
        references = state.bibliography.references
        words = _reference_words(state, config)
        rendered = citations.render(
            html,
            marked,
            references,
            src,
            words=lambda key: words.get(references[key].language) or t,
            page_words=t,
            citation_template=state.env.get_template("partials/citation.html"),
            references_template=state.env.get_template("partials/references.html"),
        )
        html = rendered.html
        state.cited.update(rendered.cited)
        if rendered.section:
            state.reference_sections[page.url] = rendered.section
    if page.meta.get("citable"):
        paragraphs.check(html, src, source)
    emendation = state.env.get_template("partials/emendation.html")
    html = edition_record.mark_emendations(
        html,
        state.record,
        src,
        source,
        lambda change: emendation.render(
            text=change["text"], note=t("edition.emendation.source").replace("#", change["source"])
        ).strip(),
    )
    html = language_links.resolve_language_links(
        html, page.url, languages.default_locale(config), config.use_directory_urls
    )
    if page.meta.get("citable"):
        html = text_header.insert(html, _text_header(page, config, t))
        number, cite = (
            state.env.get_template("partials/paragraph-number.html"),
            state.env.get_template("partials/paragraph-cite.html"),
        )
        html = paragraphs.add_links(
            html,
            lambda pid: number.render(id=pid, number=paragraphs.paragraph_number(pid), t=t).strip(),
            lambda pid: cite.render(id=pid, number=paragraphs.paragraph_number(pid), t=t).strip(),
        )
    return typography.apply(html)


def _text_header(page: Page, config: MkDocsConfig, t) -> str:
    default, locale = languages.default_locale(config), config.theme["language"]
    citation = page.meta["citation"]
    files = downloads.relative(downloads.paths(page.file.src_uri, citation["bibtex_key"], default), page.url)
    files.pop("pdf")  # until the PDF edition exists
    about = f"{locale}/about.md"
    rights = (
        (
            language_links.get_relative_url(
                language_links.page_url(about, default, config.use_directory_urls) or ".", page.url
            )
            + "#rights"
        )
        if (Path(config.docs_dir) / about).exists()
        else ""
    )
    offline_copy = "" if offline.is_offline(config) else language_links.get_relative_url(OFFLINE_ZIP, page.url)
    return (
        _build.env.get_template("partials/text-header.html")
        .render(
            t=t,
            site_name=config.site_name,
            version=_build.record.version,
            date=dates.long_date(_build.record.released, locale, t),
            citation=citation,
            files=files,
            rights=rights,
            offline=offline_copy,
        )
        .strip()
    )


def _reference_words(state: BuildState, config: MkDocsConfig) -> dict:
    """A cited work's language (as refs.bib names it: kk, kazakh …) -> its string table;
    a language without a table fails at the entry's line."""
    by_name = {}
    for locale in strings.table_locales(config.theme):
        t = state.words(locale)
        by_name[locale] = by_name[t("edition.cite.langid").lower()] = t
    for reference in state.bibliography.references.values():
        if reference.language and reference.language not in by_name:
            strings.fail_reference_language(state.bibliography, reference, sorted(by_name))
    return by_name


@event_priority(AFTER_I18N_PAGE_CONTEXT)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    context = _edition_context(published.page_context(context, page, config), config)
    default, here = languages.default_locale(config), config.theme["language"]
    versions = alternates.page_versions(page)
    for entry in alternates.switcher_entries(config):
        entry["link"] = alternates.switcher_link(entry["lang"], here, versions, default, config.use_directory_urls)
    context["hreflang"] = alternates.hreflang_links(versions, default, config.site_url or "")
    _build.hreflang_folders.update(alternates.url_path(url, config.site_url or "") for _, url in context["hreflang"])
    if page.meta.get("citable"):
        _build.summaries[page.url] = escaping.plain(page.meta["description"])
    return context


def _edition_context(context: dict, config: MkDocsConfig) -> dict:
    locale = config.theme["language"]
    context["edition_version"] = _build.record.version
    context["edition_date"] = dates.long_date(_build.record.released, locale, _build.words(locale))
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    context = _edition_context(context, config)
    if template_name == "404.html":
        context["language_homes"] = languages.homes_from_server_root(config)
    return context


def on_pre_template(template, template_name: str, config: MkDocsConfig):
    if template_name == "404.html":  # served at any address: each home by its path from the server root
        homes = languages.homes_from_server_root(config)
        for entry in alternates.switcher_entries(config):
            entry["link"] = homes[entry["lang"]]
    return template


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    page_ids.check_ids(output, page.file.src_uri, page.file.content_string)
    if page.meta.get("citable"):
        citation, default = page.meta["citation"], languages.default_locale(config)
        base = published.published_base(config)
        downloads.write(
            Path(config.site_dir),
            downloads.paths(page.file.src_uri, citation["bibtex_key"], default),
            _build.env,
            citation,
            _build.words(config.theme["language"]),
            config.site_name,
            base and base + language_links.page_url(page.file.src_uri, default),
            config.theme["language"],
        )
    output = accessibility.name_search_dialog(output, _build.words(config.theme["language"])("search"))
    prefix = languages.prefix(page.file.src_uri.split("/", 1)[0], languages.default_locale(config))
    return search.set_search_base(output, prefix) if prefix else output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    page_ids.check_ids(output, template_name)
    output = accessibility.name_search_dialog(output, _build.words(config.theme["language"])("search"))
    return not_found.move(output, config, _build)


@event_priority(AFTER_ALL_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    if languages.i18n_building(config):
        return
    state, site, default = _build, Path(config.site_dir), languages.default_locale(config)
    citations.check_all_cited(state.bibliography, state.cited)
    language_links.check_anchors(state.cross_links, site, default, config.use_directory_urls)
    alternates.write_sitemaps(site, config.site_url or "", state.hreflang_folders)
    search.write_indexes(
        site,
        Path(config.docs_dir),
        languages.locales(config),
        default,
        offline.is_offline(config),
        state.summaries,
        state.reference_sections,
    )


def on_serve(server, config: MkDocsConfig, builder):
    serve.watch(server, [_build.bibliography.path, _build.record.path])
    serve.keep_last_good_site(server)
    return server
