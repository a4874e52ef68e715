"""The site's languages, as configured for mkdocs-static-i18n in mkdocs.yml:
which exist, which is the default, and where each one's pages live.

Every other module asks these helpers; none names a language itself.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError


def translate_config(config, t) -> None:
    """Words the configuration puts on every page, in this build's language
    (t(key) gives them): the title of a heading's ¶ link, which the toc
    extension has one of for all languages, and the palette toggles, whose
    mkdocs.yml names are string-table keys (kept as `key`). Footnotes are
    Markdown's, which every edition has, with their way back in its words."""
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = t("edition.permalink")
    if "footnotes" not in config.markdown_extensions:
        config.markdown_extensions.append("footnotes")
    config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = t("edition.footnote.back")
    for option in config.theme.get("palette") or []:
        toggle = option.get("toggle")
        if toggle:
            toggle["key"] = toggle.get("key") or toggle["name"]
            toggle["name"] = t(toggle["key"])
            if not toggle["name"]:
                raise PluginError(
                    f"mkdocs.yml: theme.palette toggle name '{toggle['key']}' is not a key of "
                    f"the string table of '{config.theme['language']}'; use edition.palette.dark "
                    "or edition.palette.light"
                )


def locales(config) -> list[str]:
    return [language.locale for language in config.plugins["i18n"].config.languages]


def default_locale(config) -> str:
    return next(language.locale for language in config.plugins["i18n"].config.languages if language.default)


def prefix(locale: str, default: str) -> str:
    """The URL folder of a language below the site root: '' for the default, 'ru/' for Russian."""
    return "" if locale == default else f"{locale}/"


def home(locale: str, default: str, use_directory_urls: bool = True) -> str:
    """A language's home page, relative to the site root, as Material's `url` filter takes it."""
    return prefix(locale, default) + ("" if use_directory_urls else "index.html") or "./"


def site_path(site_url: str | None) -> str:
    """The path the site is served below: '/' at a domain root, '/edition/' on a project site."""
    path = urlsplit(site_url or "/").path
    return path if path.endswith("/") else path + "/"


def homes_from_server_root(config) -> dict[str, str]:
    """locale -> path of its home from the server root, e.g. {'kk': '/edition/',
    'ru': '/edition/ru/'}: links that work at any address, as on a 404 page."""
    default = default_locale(config)
    return {locale: site_path(config.site_url) + prefix(locale, default) for locale in locales(config)}


def i18n_building(config) -> bool:
    """True while mkdocs-static-i18n builds a further language inside the first build."""
    i18n = config.plugins.get("i18n")
    return bool(i18n and i18n.building)
