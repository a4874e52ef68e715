"""The site's languages, as configured for mkdocs-static-i18n in mkdocs.yml,
and the interface strings that Markdown extensions write in each of them.

The other hooks import the helpers below.
"""

from mkdocs.plugins import event_priority

# The title of a heading's ¶ link; the toc extension has one for all languages.
PERMALINK_TITLE = {"kk": "Тұрақты сілтеме", "ru": "Постоянная ссылка"}


# After mkdocs-static-i18n (priority -100) has set this build's language.
@event_priority(-150)
def on_config(config):
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = PERMALINK_TITLE.get(config.theme["language"], toc.get("permalink_title"))
    return config



def locales(config) -> list[str]:
    return [language.locale for language in config.plugins["i18n"].config.languages]


def default_locale(config) -> str:
    return next(language.locale for language in config.plugins["i18n"].config.languages if language.default)


def i18n_building(config) -> bool:
    """True while mkdocs-static-i18n builds a further language inside the first build."""
    i18n = config.plugins.get("i18n")
    return bool(i18n and i18n.building)
