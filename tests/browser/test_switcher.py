"""The site in Chromium: every switcher link on every page, the 404 pages as
GitHub Pages serves them, and no page that logs an error or fails a request."""

import re
import urllib.error
import urllib.request

import pytest


def reader_pages(project):
    """Every page a reader can be on, as (address below the site, status): the pages, each
    language's 404 page, and a missing address in each language's folder (the root 404.html)."""
    pages = [(url, 200) for url in project.pages.values()]
    for locale in project.locales:
        prefix = "" if locale == project.default else f"{locale}/"
        pages += [(prefix + "404.html", 200), (prefix + "no-such-page/", 404)]
    return pages


def _switch_everywhere(page, base, project, pages):
    failed, landed = [], []
    page.on(
        "response",
        lambda r: r.status >= 400 and r.request.resource_type != "document" and failed.append(f"{r.status} {r.url}"),
    )
    for address, status in pages:
        for language in project.locales:
            response = page.goto(base + address)
            assert response.status == status, address
            page.locator(".md-header .md-select").hover()  # the switcher opens on hover
            with page.expect_navigation() as navigation:
                page.locator(f'a.md-select__link[hreflang="{language}"]').click()
            where = f"{address} -> {language}: {page.url}"
            assert navigation.value.status == 200 and page.url.startswith(base), where
            assert page.evaluate("document.documentElement.lang") == language, where
            landed.append(page.url)
    assert failed == []
    return landed


def test_every_switcher_link_lands_on_a_page_in_its_language(page, server, project):
    """Each kind of page: the texts, a page that exists in every language, each 404 page and a
    missing address (tests/site checks every page's links without a browser)."""
    pages = [(text.url, 200) for text in project.texts] + [(project.url(f"{project.default}/about.md"), 200)]
    pages += [(address, status) for address, status in reader_pages(project) if status == 404 or "404" in address]
    assert len(_switch_everywhere(page, server, project, pages)) == len(pages) * len(project.locales)


def test_the_switcher_works_below_a_project_path(page, project_server, project):
    text = project.texts[0]
    _switch_everywhere(page, project_server, project, [(text.url, 200), ("no-such-page/", 404)])


def test_a_switch_from_a_text_without_counterpart_lands_on_the_other_home_saying_why(page, server, project):
    for text in project.texts:
        others = [
            locale
            for locale in project.locales
            if locale != text.locale and f"{locale}/{text.src.split('/', 1)[1]}" not in project.pages
        ]
        for other in others:
            page.goto(server + text.url)
            page.locator(".md-header .md-select").hover()
            page.locator(f'a.md-select__link[hreflang="{other}"]').click()
            page.wait_for_url(f"**#only-{text.locale}")
            note = page.locator(f"#only-{text.locale}")
            assert note.is_visible() and note.get_attribute("role") == "note"
            assert page.locator(".only-note:not(:target)").evaluate_all("n => n.every(e => !e.offsetHeight)")


def test_a_missing_address_gets_the_404_page_that_searches_its_language(page, server, project, locale):
    from conftest import type_query

    prefix = "" if locale == project.default else f"{locale}/"
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(server + prefix + "no-such-page/")
    assert error.value.code == 404
    assert page.goto(server + prefix + "no-such-page/").status == 404
    home = (project.root / "docs" / locale / "index.md").read_text(encoding="utf-8").split("---\n", 2)[-1]
    type_query(page, re.search(r"[^\W\d_]{6,}", home).group(0))  # a word of the language's home
    links = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert links and all(link.startswith(server + prefix) for link in links), links
    homes = page.locator("article a[href]").evaluate_all("links => links.map(a => a.href)")
    assert sorted(set(homes)) == sorted(
        server + ("" if other == project.default else f"{other}/") for other in project.locales
    )
