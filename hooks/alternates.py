"""The language versions of a page, for readers and for search engines.

- The switcher: mkdocs-static-i18n links a page without a counterpart to the
  other language's home as "/ru/" or "/", absolute paths that break on a
  GitHub Pages project site (served below /<repository>/) and in a copy opened
  from disk. Written relative to the site root instead, Material's `url`
  filter makes them relative to each page.
- hreflang: Material writes relative `<link rel="alternate" hreflang>` and no
  x-default. overrides/main.html drops them (filter `drop_hreflang`) and
  partials/hreflang.html writes absolute ones from `site_url`, only on pages
  that exist in more than one language.
- Material's language integration fetches `sitemap.xml` below every hreflang
  URL; each such folder gets a copy of the site's sitemap, so no request 404s.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.plugins import event_priority

from languages import default_locale

_hreflang_folders: set[str] = set()


def on_env(env, config, files):
    env.filters["drop_hreflang"] = drop_hreflang
    return env


# After mkdocs-static-i18n (priority 50) has set this page's alternates.
@event_priority(-50)
def on_page_context(context, page, config, nav):
    # Jinja reads config.extra.alternate as an attribute, which is what i18n sets.
    for alternate in getattr(config.extra, "alternate", None) or []:
        alternate["link"] = site_relative(alternate["link"])
    context["hreflang"] = hreflang_links(page_versions(page), default_locale(config), config.site_url or "")
    _hreflang_folders.update(url for _, url in context["hreflang"])
    return context


# After mkdocs-static-i18n (priority -100) has built every language and the sitemap.
@event_priority(-200)
def on_post_build(config):
    if not config.plugins["i18n"].building:
        copy_sitemap(Path(config.site_dir), [url_path(url, config.site_url) for url in _hreflang_folders])
        _hreflang_folders.clear()


def page_versions(page) -> dict[str, str]:
    """locale -> URL of each language version of the page (mkdocs-static-i18n's alternates)."""
    return {locale: file.url for locale, file in (getattr(page.file, "alternates", None) or {}).items() if file}


def copy_sitemap(site: Path, folders: list[str]) -> None:
    """The site's sitemap.xml in each folder that lacks one."""
    for folder in sorted(folders):
        target = site / folder / "sitemap.xml"
        if not target.exists():
            shutil.copyfile(site / "sitemap.xml", target)


def site_relative(link: str) -> str:
    """'/ru/' -> 'ru/', '/' -> './'; links with a scheme, or already relative, unchanged."""
    if not link.startswith("/") or link.startswith("//"):
        return link
    return link.lstrip("/") or "./"


def hreflang_links(versions: dict[str, str], default: str, site_url: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each language version, then x-default;
    none for a page that exists in one language only."""
    if len(versions) < 2 or not site_url:
        return []
    links = [(locale, urljoin(site_url, url)) for locale, url in sorted(versions.items())]
    fallback = versions.get(default) or next(iter(versions.values()))
    return links + [("x-default", urljoin(site_url, fallback))]


def url_path(url: str, site_url: str) -> str:
    """The folder of an absolute site URL below the site root."""
    return url[len(site_url):] if url.startswith(site_url) else url


_HREFLANG = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_hreflang(html: str) -> str:
    """Material's head without its relative hreflang links."""
    return _HREFLANG.sub("", html)
