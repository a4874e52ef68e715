"""The offline copy from `make offline`, opened from disk (file://): both
texts, the switcher and search with no network, and the published addresses
in what citation tools read, or none where none is known."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import make_offline, type_query

PUBLISHED = "https://example.org/edition/"


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory):
    return make_offline(tmp_path_factory.mktemp("offline"), PUBLISHED, pdf=True)


def offline_file(url: str) -> str:
    return url.rstrip("/") + ".html" if url else "index.html"


def test_the_copy_carries_the_published_urls_and_no_absolute_asset(offline_copy, project):
    for text in project.texts:
        document = BeautifulSoup((offline_copy / offline_file(text.url)).read_text(encoding="utf-8"), "html.parser")
        assert {m["content"] for m in document.select("meta[data-edition-url]")} == {PUBLISHED + text.url}
        article = json.loads(document.select_one('script[type="application/ld+json"]').string)
        assert article["url"] == PUBLISHED + text.url
        cite = document.select_one("section.how-to-cite").get_text()
        assert f"URL: {PUBLISHED + text.url}" in cite and f"url     = {{{PUBLISHED + text.url}}}" in cite
        assert not document.select('link[rel="canonical"], link[hreflang]')
        assert not document.select('script[src*="//"], link[href*="//"][rel=stylesheet]')
        assert not document.select(".text-header a[download][href$='.zip']")  # the copy does not offer itself
    for locale in project.locales:  # each language's index, read from disk through a <script>
        assert (offline_copy / ("" if locale == project.default else locale) / "search/search_index.js").is_file()
    for text in project.texts:  # the PDF beside its page, linked from it
        document = BeautifulSoup((offline_copy / offline_file(text.url)).read_text(encoding="utf-8"), "html.parser")
        pdf = document.select_one('.text-header a[type="application/pdf"]')["href"]
        assert (offline_copy / offline_file(text.url)).parent.joinpath(pdf).is_file(), pdf


def test_without_a_published_address_the_copy_carries_none(tmp_path, project):
    copy = make_offline(tmp_path)
    for text in project.texts:
        document = BeautifulSoup((copy / offline_file(text.url)).read_text(encoding="utf-8"), "html.parser")
        ours = (
            [str(m) for m in document.select("head meta")]
            + [s.string for s in document.select('script[type="application/ld+json"]')]
            + [str(document.select_one("section.how-to-cite"))]
        )
        assert not [text_ for text_ in ours if re.search(r"\bNone\b|\bnull\b", text_)]
        article = json.loads(document.select_one('script[type="application/ld+json"]').string)
        assert not document.select("meta[data-edition-url]") and "url" not in article
        assert "URL:" not in document.select_one("section.how-to-cite").get_text()


def test_texts_switcher_and_search_work_from_disk(page, offline_copy, project, text):
    locale = text.locale
    network = []
    page.on("request", lambda request: request.url.startswith("file:") or network.append(request.url))
    page.goto((offline_copy / offline_file(text.url)).as_uri())
    page.wait_for_function("() => typeof window.component$ !== 'undefined'")
    assert page.locator(f"article p#{text.paragraph_ids[0]}").is_visible()
    word = text.meta["citation"]["title"].split()[0]
    type_query(page, word)
    links = [
        re.sub(r"\?h=[^#]*", "", link)
        for link in page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    ]
    base = offline_copy.as_uri() + "/"
    assert any(link.startswith(base + offline_file(text.url)) for link in links), links
    other = next(t for t in project.texts if t.locale != locale)
    assert not any(link.startswith(base + offline_file(other.url)) for link in links)
    page.keyboard.press("Escape")
    target = page.locator(f"a.md-select__link[hreflang='{other.locale}']").get_attribute("href")
    page.goto(page.url.split("?")[0].rsplit("/", 1)[0] + "/" + target)
    assert page.locator("article h1").is_visible()
    assert network == []


def test_the_404_pages_work_from_disk(page, offline_copy, project, locale):
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto((offline_copy / ("" if locale == project.default else f"{locale}/") / "404.html").as_uri())
    page.wait_for_function("() => typeof window.component$ !== 'undefined'")  # Material's scripts ran
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"  # its styles apply
    homes = page.locator("article a[href]").evaluate_all("links => links.map(a => a.href)")
    assert homes and all(link.startswith("file://") for link in homes)
    for home in homes:
        assert offline_copy.joinpath(home.removeprefix(offline_copy.as_uri() + "/")).is_file(), home
    assert failed == []
