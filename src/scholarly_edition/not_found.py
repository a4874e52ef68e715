"""A 404 page per language: /404.html in the default language, /ru/404.html
in Russian, each searching its own language's index.

mkdocs-static-i18n writes every language's 404.html to the same /404.html,
so the last language built wins. Each other language's copy moves into its
own folder; the default language's stays at the root (BuildState.default_404).

GitHub Pages serves the root 404.html for every missing address, /ru/…
included, so that page also gets each language's home (`language_homes`):
its links lead there, and templates/404.html points its search at the
language whose folder the missing address is in.

The offline copy's 404 pages are opened from disk: their links and assets are
relative to their own folder instead.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import normalize_url

from .languages import default_locale, home, homes_from_server_root, locales, prefix
from .offline import is_offline


def template_context(context: dict, config) -> None:
    """Each language's home, for the page's links and its search."""
    context["language_homes"] = language_homes(config)
    if is_offline(config):
        here, default = config.theme["language"], default_locale(config)
        base = "." if here == default else ".."
        context["base_url"] = base
        context["extra_css"] = [normalize_url(str(path), None, base) for path in config.extra_css]
        context["extra_javascript"] = [normalize_url(str(path), None, base) for path in config.extra_javascript]


def language_homes(config) -> dict[str, str]:
    """locale -> its home: from the server root (GitHub Pages serves the root 404 page at any
    address), or, in the offline copy, relative to the 404 page's own folder."""
    if not is_offline(config):
        return homes_from_server_root(config)
    default = default_locale(config)
    up = "" if config.theme["language"] == default else "../"
    return {locale: up + home(locale, default, use_directory_urls=False) for locale in locales(config)}


def move(output: str, config, state) -> str:
    """The 404 page of this build's language: the default's is kept to be
    written last; any other is written to its folder, and the root keeps the default's."""
    language, default = config.theme["language"], default_locale(config)
    if language == default:
        state.default_404 = output
        return output
    target = Path(config.site_dir) / prefix(language, default) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return state.default_404 or output
