"""A 404 page per language: /404.html in the default language, /ru/404.html
in Russian, each searching its own language's index.

mkdocs-static-i18n writes every language's 404.html to the same /404.html,
so the last language built wins. This hook moves each other language's copy
into its own folder and keeps the default language's at the root.

GitHub Pages serves the root 404.html for every missing address, /ru/…
included, so that page also gets each language's home (`language_homes`):
its links lead there, and overrides/404.html points its search at the
language whose folder the missing address is in.
"""

from pathlib import Path

from languages import default_locale, homes_from_server_root, prefix
from search import set_search_base

_default_page: dict[str, str] = {}


def reset() -> None:
    _default_page.clear()


def template_context(context, template_name, config):
    if template_name == "404.html":
        context["language_homes"] = homes_from_server_root(config)
    return context


def post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    language, default = config.theme["language"], default_locale(config)
    if language == default:
        _default_page["html"] = output_content
        return output_content
    target = Path(config.site_dir) / prefix(language, default) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(set_search_base(output_content, prefix(language, default)), encoding="utf-8")
    return _default_page.get("html", output_content)

