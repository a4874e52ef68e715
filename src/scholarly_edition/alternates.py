"""The language versions of a page, for readers and for search engines.

- The switcher: each entry leads to the page's version in that language, or
  else to that language's home with a note that the text exists only in the
  page's language (`#only-<locale>`, shown by templates/main.html).
  mkdocs-static-i18n writes the homes as paths from the server root
  ("/edition/ru/"), which Material's `url` filter turns into wrong relative
  links on a project site and which break from disk: the links are written
  relative to the site root instead, and the `url` filter makes them relative
  to each page. The 404 page, served at any address, links to each home by
  its path from the server root.
- hreflang: absolute `<link rel="alternate" hreflang>` with x-default, written
  by templates/main.html from `site_url`, only on pages that exist in more
  than one language.
- Material's language integration fetches `sitemap.xml` below every hreflang
  URL; each such folder gets a sitemap that lists only the URLs below it, as
  the sitemaps.org rules allow, so no request fails.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

from .languages import default_locale, home

NOTE_ID = "only-{locale}"  # the id of the note on a home page: the text you came from is only in {locale}


def set_links(page, config) -> list[tuple[str, str]]:
    """After mkdocs-static-i18n has set this page's switcher: its links; returns its hreflang links."""
    default, here = default_locale(config), config.theme["language"]
    versions = page_versions(page)
    for entry in switcher_entries(config):
        entry["link"] = switcher_link(entry["lang"], here, versions, default, config.use_directory_urls)
    return hreflang_links(versions, default, config.site_url or "")


def link_homes(config, homes: dict[str, str]) -> None:
    """The 404 page, served at any address, links to each language's home by its path."""
    for entry in switcher_entries(config):
        entry["link"] = homes[entry["lang"]]


def switcher_entries(config) -> list[dict]:
    """The switcher entries Material renders: Jinja reads config.extra.alternate
    as an attribute, which is what i18n sets for each page, else the item."""
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


def page_versions(page) -> dict[str, str]:
    """locale -> URL of each language version of the page (mkdocs-static-i18n's alternates)."""
    return {locale: file.url for locale, file in (getattr(page.file, "alternates", None) or {}).items() if file}


def switcher_link(
    locale: str, here: str, versions: dict[str, str], default: str, use_directory_urls: bool = True
) -> str:
    """The page's version in locale, else locale's home, with the note that the
    text exists only in `here`; relative to the site root."""
    if locale in versions:
        return versions[locale]
    return home(locale, default, use_directory_urls) + "#" + NOTE_ID.format(locale=here)


def hreflang_links(versions: dict[str, str], default: str, site_url: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each language version, then x-default;
    none for a page that exists in one language only."""
    if len(versions) < 2 or not site_url:
        return []
    links = [(locale, urljoin(site_url, url)) for locale, url in sorted(versions.items())]
    fallback = versions.get(default) or next(iter(versions.values()))
    return [*links, ("x-default", urljoin(site_url, fallback))]


def url_path(url: str, site_url: str) -> str:
    """The folder of an absolute site URL below the site root."""
    return url[len(site_url) :] if url.startswith(site_url) else url


def write_sitemaps(site: Path, site_url: str, folders: set[str]) -> None:
    """A sitemap.xml in each folder that lacks one, listing the site sitemap's URLs below that folder."""
    namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    ElementTree.register_namespace("", namespace)
    for folder in sorted(folders):
        target = site / folder / "sitemap.xml"
        if not folder.strip("/") or target.exists():
            continue
        tree = ElementTree.parse(site / "sitemap.xml")
        for url in list(tree.getroot()):
            if not url.findtext(f"{{{namespace}}}loc", "").startswith(site_url + folder):
                tree.getroot().remove(url)
        tree.write(target, encoding="utf-8", xml_declaration=True)


def write_robots(site: Path, site_url: str) -> None:
    """robots.txt: everything may be crawled; the sitemap is here. (Crawlers read it at a
    domain's root only: a project site's is read once the site moves to its own domain.)"""
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n", encoding="utf-8")
