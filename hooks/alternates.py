"""The language versions of a page, for readers and for search engines.

- The switcher: each entry leads to the page's version in that language, or
  else to that language's home. mkdocs-static-i18n writes the homes as paths
  from the server root ("/edition/ru/"), which Material's `url` filter turns
  into wrong relative links on a project site and which break from disk. The
  links are written relative to the site root instead, and the `url` filter
  makes them relative to each page. The 404 page, served at any address,
  links to each home by its path from the server root.
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

from languages import default_locale, home, homes_from_server_root

_hreflang_folders: set[str] = set()


def reset() -> None:
    _hreflang_folders.clear()


def page_context(context, page, config):
    """After mkdocs-static-i18n has set this page's switcher: its links, and hreflang."""
    versions = page_versions(page)
    for alternate in _switcher(config):
        alternate["link"] = switcher_link(alternate["lang"], versions, default_locale(config), config.use_directory_urls)
    context["hreflang"] = hreflang_links(page_versions(page), default_locale(config), config.site_url or "")
    _hreflang_folders.update(url for _, url in context["hreflang"])
    return context


def pre_template(template_name, config) -> None:
    """The 404 page, served at any address, links to each language's home by its path."""
    if template_name == "404.html":
        homes = homes_from_server_root(config)
        for alternate in _switcher(config):
            alternate["link"] = homes[alternate["lang"]]


def _switcher(config) -> list[dict]:
    """The switcher entries Material renders: Jinja reads config.extra.alternate
    as an attribute, which is what i18n sets for each page, else the item."""
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


def copy_sitemaps(config) -> None:
    """Once every language and the sitemap are built."""
    copy_sitemap(Path(config.site_dir), [url_path(url, config.site_url) for url in _hreflang_folders])


def page_versions(page) -> dict[str, str]:
    """locale -> URL of each language version of the page (mkdocs-static-i18n's alternates)."""
    return {locale: file.url for locale, file in (getattr(page.file, "alternates", None) or {}).items() if file}


def copy_sitemap(site: Path, folders: list[str]) -> None:
    """The site's sitemap.xml in each folder that lacks one."""
    for folder in sorted(folders):
        target = site / folder / "sitemap.xml"
        if not target.exists():
            shutil.copyfile(site / "sitemap.xml", target)


def switcher_link(locale: str, versions: dict[str, str], default: str, use_directory_urls: bool = True) -> str:
    """The page's version in locale, else locale's home; relative to the site root."""
    return versions.get(locale) or home(locale, default, use_directory_urls)


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
