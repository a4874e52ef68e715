"""A 404 page per language: /404.html in the default language, /ru/404.html
in Russian, each searching its own language's index.

mkdocs-static-i18n writes every language's 404.html to the same /404.html,
so the last language built wins. Each other language's copy moves into its
own folder; the default language's stays at the root (BuildState.default_404).

GitHub Pages serves the root 404.html for every missing address, /ru/…
included, so that page also gets each language's home (`language_homes`):
its links lead there, and overrides/404.html points its search at the
language whose folder the missing address is in.
"""

from __future__ import annotations

from pathlib import Path

from .languages import default_locale, prefix
from .search import set_search_base


def move(output: str, config, state) -> str:
    """The 404 page of this build's language: the default's is kept to be
    written last; any other is written to its folder, and the root keeps the default's."""
    language, default = config.theme["language"], default_locale(config)
    if language == default:
        state.default_404 = output
        return output
    target = Path(config.site_dir) / prefix(language, default) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(set_search_base(output, prefix(language, default)), encoding="utf-8")
    return state.default_404 or output
