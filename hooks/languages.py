"""The site's languages, as configured for mkdocs-static-i18n in mkdocs.yml.

A helper for the hooks beside it, not a hook itself.
"""


def locales(config) -> list[str]:
    return [language.locale for language in config.plugins["i18n"].config.languages]


def default_locale(config) -> str:
    return next(language.locale for language in config.plugins["i18n"].config.languages if language.default)
