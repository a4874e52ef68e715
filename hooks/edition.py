"""The edition's only MkDocs hook: every event it handles, at the priority it
needs, in one table. Each handler only dispatches to the module that owns the
behaviour; those modules are plain Python, imported once under their own names.

Priorities (higher runs first) are set against these of the other plugins:
- mkdocs-static-i18n: on_config -100 (sets this build's language), on_page_context
  50 (sets the switcher's links), on_post_build -100 (builds every further language
  inside the first build, then writes the shared search index and sitemap);
- mkdocs-bibtex: on_config and on_page_markdown at 0;
- Material's offline plugin: on_config at 0.
"""

from mkdocs.plugins import CombinedEvent, event_priority

import accessibility
import alternates
import bibliography
import citations
import edition_record
import front_matter
import language_links
import languages
import not_found
import offline
import page_ids
import paragraphs
import published
import search
import strings
import template_cache

AFTER_I18N_CONFIG = -150  # the build's language is set
BEFORE_PLUGINS = 100  # before mkdocs-bibtex and the offline plugin
AFTER_I18N_PAGE_CONTEXT = -50
AFTER_ALL_LANGUAGES = -200  # after i18n has built every language


@event_priority(BEFORE_PLUGINS)
def _start(config):
    if not languages.i18n_building(config):  # a new build: forget the last one (mkdocs serve)
        citations.reset()
        language_links.reset()
        alternates.reset()
        not_found.reset()
        template_cache.reset()
        citations.load(config)  # refs.bib fails with our message before mkdocs-bibtex reads it
        edition_record.load(config)
    strings.expose_material(config.theme)
    template_cache.share(config.theme, config.config_file_path)
    offline.use_local_shim(config)
    return config


@event_priority(AFTER_I18N_CONFIG)
def _per_language(config):
    strings.check_table(template_cache.theme_env(config), config.theme["language"])
    languages.translate_config(config, strings.lookup(template_cache.theme_env(config), config.theme["language"]))
    return config


on_config = CombinedEvent(_start, _per_language)


def on_env(env, config, files):
    env.filters["drop_hreflang"] = alternates.drop_hreflang
    env.filters["bibtex"] = bibliography.bibtex_escape
    env.filters["bibtex_title"] = bibliography.protect_capitals
    env.filters["bibtex_url"] = bibliography.bibtex_url
    return env


@event_priority(BEFORE_PLUGINS)  # before mkdocs-bibtex, so it never sees, or drops, a citation
def _check_and_protect(markdown, page, config, files):
    front_matter.check_source(page.file.content_string, page.file.src_uri)
    front_matter.check_text_page(page.meta, page.file.content_string, page.file.src_uri)
    markdown = citations.protect_page(markdown, page, config)
    return edition_record.render_page(markdown, page, config)


def _mark_language_links(markdown, page, config, files):
    return language_links.mark_page(markdown, page, config)


on_page_markdown = CombinedEvent(_check_and_protect, _mark_language_links)


def on_page_content(html, page, config, files):
    html = citations.render_page(html, page, config)
    html = edition_record.mark_page(html, page, config)
    html = language_links.resolve_page(html, page, config)
    return paragraphs.link_page(html, page, config)


@event_priority(AFTER_I18N_PAGE_CONTEXT)
def on_page_context(context, page, config, nav):
    context = published.page_context(context, page, config)
    return alternates.page_context(context, page, config)


def on_template_context(context, template_name, config):
    return not_found.template_context(context, template_name, config)


def on_pre_template(template, template_name, config):
    alternates.pre_template(template_name, config)
    return template


def on_post_page(output, page, config):
    page_ids.check_ids(output, page.file.src_uri, page.file.content_string)
    output = accessibility.post_page(output, config)
    return search.post_page(output, page, config)


def on_post_template(output_content, template_name, config):
    page_ids.check_ids(output_content, template_name)
    output_content = accessibility.post_template(output_content, template_name, config)
    return not_found.post_template(output_content, template_name, config)  # after accessibility's fixes


@event_priority(AFTER_ALL_LANGUAGES)
def on_post_build(config):
    if languages.i18n_building(config):
        return
    citations.check_all_cited(config)
    language_links.check_anchors(config)
    alternates.copy_sitemaps(config)
    search.write_indexes(config)
