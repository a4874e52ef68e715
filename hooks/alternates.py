"""The language switcher's links, relative to the page.

mkdocs-static-i18n links a page without a counterpart to the other language's
home as "/ru/" or "/": absolute paths, which break on a GitHub Pages project
site (served below /<repository>/) and in a copy opened from disk. Written
relative to the site root instead, Material's `url` filter makes them
relative to each page.
"""

from mkdocs.plugins import event_priority


# After mkdocs-static-i18n (priority 50) has set this page's alternates.
@event_priority(-50)
def on_page_context(context, page, config, nav):
    # Jinja reads config.extra.alternate as an attribute, which is what i18n sets.
    for alternate in getattr(config.extra, "alternate", None) or []:
        alternate["link"] = site_relative(alternate["link"])
    return context


def site_relative(link: str) -> str:
    """'/ru/' -> 'ru/', '/' -> './'; links with a scheme, or already relative, unchanged."""
    if not link.startswith("/") or link.startswith("//"):
        return link
    return link.lstrip("/") or "./"
