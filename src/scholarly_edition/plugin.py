"""The plugin: every MkDocs event the edition handles, at the priority it
needs, in one class. A build's state is one BuildState, made when the build
starts and kept on the plugin; each handler hands it, with the event's
arguments, to the module that owns the behaviour.

Priorities (higher runs first) are set against these of the other plugins:
- mkdocs-static-i18n: on_config -100 (sets this build's language), on_files
  and on_nav -100, on_page_context 50 (sets the switcher's links),
  on_post_build -100 (builds every further language inside the first build,
  then writes the shared search index and sitemap);
- mkdocs-bibtex: on_config and on_page_markdown at 0;
- Material's offline plugin: on_config at 0.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import (
    accessibility,
    alternates,
    bibliography,
    citations,
    csp,
    edition_record,
    escaping,
    front_matter,
    identity,
    language_links,
    languages,
    loading,
    minify,
    not_found,
    offline,
    page_html,
    page_ids,
    search,
    serve,
    strings,
    template_cache,
    text_page,
    theme_files,
)
from .config import EditionConfig
from .filters import FILTERS
from .sources import front_matter_lines
from .state import BuildState

AFTER_I18N = -150  # the build's language, nav and switcher are set
BEFORE_PLUGINS = 100  # before mkdocs-bibtex and the offline plugin
AFTER_I18N_PAGE_CONTEXT = -50
AFTER_ALL_LANGUAGES = -200  # after i18n has built every language
LAST = -1000  # after every other handler: the page as written


class EditionPlugin(BasePlugin[EditionConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.build: BuildState | None = None  # the current build's; a new build replaces it
        self.command = "build"  # `serve` adds its live-reload script to every page

    def load_config(self, options: dict, config_file_path: str | None = None):
        """MkDocs' check of the options, its messages saying where the option is written."""
        errors, warnings = super().load_config(options, config_file_path)
        where = f"{Path(config_file_path or 'mkdocs.yml').name}, under plugins: - scholarly-edition:"
        return (
            [(key, ValidationError(f"{error} (in {where})")) for key, error in errors],
            [(key, f"{warning} (in {where})") for key, warning in warnings],
        )

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command = command

    @event_priority(BEFORE_PLUGINS)
    def _start(self, config: MkDocsConfig) -> MkDocsConfig:
        escaping.unescape_config(config)
        theme_files.add_templates(config.theme)
        strings.expose_material(config.theme)
        template_cache.share(config.theme, config.config_file_path)
        theme_files.add_styles_and_scripts(config)
        offline.use_local_shim(config)
        if not languages.i18n_building(config):  # a new build (every mkdocs serve rebuild too), not a further language
            self.build = BuildState(
                options=self.config,
                bibliography=bibliography.load(config),  # before mkdocs-bibtex: its errors with file and line
                record=edition_record.load(Path(self.config.record)),
                env=config.theme.get_env(),
            )
            self.build.env.filters.update(FILTERS)
        return config

    @event_priority(AFTER_I18N)
    def _per_language(self, config: MkDocsConfig) -> MkDocsConfig:
        locale = config.theme["language"]
        strings.check_table(self.build.env, locale, languages.locales(config))
        languages.translate_config(config, self.build.words(locale))
        escaping.escape_config(config)
        return config

    on_config = CombinedEvent(_start, _per_language)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        theme_files.add_assets(files, config)
        edition_record.add_published_files(files, config, self.build.record)
        return files

    @event_priority(AFTER_I18N)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        return escaping.escape_nav(nav)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.filters.update(FILTERS)
        return env

    @event_priority(BEFORE_PLUGINS)  # before mkdocs-bibtex, so it never sees, or drops, a citation
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        source, src, locale = page.file.content_string, page.file.src_uri, config.theme["language"]
        front_matter.check(source, src)
        if page.meta.get("citation"):
            identity.check_name(self._edition(config), page.meta["citation"], src, config)
        escaping.escape_meta(page.meta)
        offset = front_matter_lines(source)
        markdown, self.build.marked[src] = citations.protect(markdown, offset)
        citations.check_plain_citations(markdown, self.build.marked[src], src, offset)
        markdown = self._mark_language_links(markdown, page, config, offset)  # at the lines the editor wrote
        markdown = edition_record.render_markers(
            markdown, self.build.record, self.build.words(locale), src, locale, self.config.repository or ""
        )
        return self._mark_language_links(markdown, page, config, offset)  # the record's tables link paragraphs

    def _mark_language_links(self, markdown: str, page: Page, config: MkDocsConfig, offset: int) -> str:
        markdown, anchored = language_links.mark_language_links(
            markdown, page.file.src_uri, languages.locales(config), language_links.docs_pages(config.docs_dir), offset
        )
        self.build.cross_links.extend(anchored)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return text_page.content(html, page, config, self.build)

    @event_priority(AFTER_I18N_PAGE_CONTEXT)
    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        context = text_page.page_context(self._edition_context(context, config), page, config, self.build)
        context["hreflang"] = alternates.set_links(page, config)
        self.build.hreflang_folders.update(
            alternates.url_path(url, config.site_url or "") for _, url in context["hreflang"]
        )
        if context.get("exports"):  # Material reads a sitemap beside every <link rel="alternate">
            self.build.hreflang_folders.add(page.url[: page.url.rfind("/") + 1])  # the page's folder
        return context

    def _edition_context(self, context: dict, config: MkDocsConfig) -> dict:
        context["lazy_search"] = not offline.is_offline(config)
        context["edition"] = self._edition(config)
        return context

    def _edition(self, config: MkDocsConfig) -> identity.Edition:
        return identity.of(config, self.build.record, self.build.words(config.theme["language"]))

    def on_template_context(self, context: dict, template_name: str, config: MkDocsConfig) -> dict:
        context = self._edition_context(context, config)
        if template_name == "404.html":
            not_found.template_context(context, config)
        return context

    def on_pre_template(self, template, template_name: str, config: MkDocsConfig):
        if template_name == "404.html":  # served at any address (or opened from disk): each home as it reaches it
            alternates.link_homes(config, not_found.language_homes(config))
        return template

    def _final_pass(self, output: str, src: str, source: str, config: MkDocsConfig) -> str:
        """Every change to a written page, on one reading of its HTML, last of all
        handlers: the policy hashes the inline scripts as the page is served."""
        tokens = page_html.tokenize(output)
        page_ids.check_ids(tokens, src, source)
        page_ids.check_heading_ids(tokens, src, source)
        self.build.page_ids[src] = {name for name, _ in page_html.ids(tokens)}
        accessibility.name_search_dialog(tokens, self.build.words(config.theme["language"])("search"))
        loading.defer_scripts(tokens)
        prefix = languages.prefix(config.theme["language"], languages.default_locale(config))
        if prefix:
            search.set_search_base(tokens, prefix)
        if not offline.is_offline(config) and self.command != "serve":  # serve's live reload is an inline script
            csp.add_policy(tokens)
        return page_html.join(tokens)

    @event_priority(LAST)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if text_page.is_text(page):
            text_page.write_files(page, config, self.build)
        return self._final_pass(output, page.file.src_uri, page.file.content_string, config)

    @event_priority(LAST)
    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name != "404.html":
            return output
        return not_found.move(self._final_pass(output, template_name, "", config), config, self.build)

    @event_priority(AFTER_ALL_LANGUAGES)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if languages.i18n_building(config):
            return
        state, site, default = self.build, Path(config.site_dir), languages.default_locale(config)
        citations.check_all_cited(state.bibliography, state.cited)
        language_links.check_anchors(state.cross_links, state.page_ids)
        alternates.write_sitemaps(site, config.site_url or "", state.hreflang_folders)
        search.write_indexes(site, languages.locales(config), default, offline.is_offline(config),
                             state.summaries, state.reference_sections)  # fmt: skip
        minify.minify(site, languages.locales(config))
        if config.site_url:
            alternates.write_robots(site, config.site_url)

    def on_serve(self, server, config: MkDocsConfig, builder):
        serve.watch(server, [self.build.bibliography.path, self.build.record.path])
        serve.keep_last_good_site(server)
        return server
