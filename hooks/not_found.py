"""A 404 page per language: /404.html in Kazakh, /ru/404.html in Russian.

mkdocs-static-i18n writes every language's 404.html to the same /404.html,
so the last language built (Russian) wins. This hook moves each other
language's copy into its own folder and keeps the default language's at the root.
"""

from pathlib import Path

from languages import default_locale

_default_page: dict[str, str] = {}


def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return None
    language, default = config.theme["language"], default_locale(config)
    if language == default:
        _default_page["html"] = output_content
        return None
    target = Path(config.site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    return _default_page.get("html", output_content)

