"""The offline copy from `make offline`, opened from disk (file://)."""

import re

import pytest

from conftest import make_offline, type_query


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory):
    return make_offline(tmp_path_factory.mktemp("offline"))


def test_the_copy_has_both_texts_as_html_files_and_no_absolute_urls(offline_copy):
    for name in ("index.html", "diplomacy.html", "about.html", "ru/index.html", "ru/transport.html"):
        assert (offline_copy / name).is_file(), name
    assert (offline_copy / "ru/search/search_index.js").is_file()
    html = (offline_copy / "diplomacy.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and "assets/javascripts/iframe-worker/shim.js" in html
    assert 'rel="canonical"' not in html and 'hreflang="x-default"' not in html


@pytest.mark.browser
@pytest.mark.parametrize("start, query, result, other_language", [
    ("diplomacy.html", "жумсак", "diplomacy.html#soft-power", "ru/transport.html"),
    ("ru/transport.html", "магистраль", "ru/transport.html", "diplomacy.html"),
])
def test_texts_switcher_and_search_work_from_disk(page, offline_copy, start, query, result, other_language):
    network = []
    page.on("request", lambda request: request.url.startswith("file:") or network.append(request.url))
    page.goto((offline_copy / start).as_uri())
    page.wait_for_function("() => typeof window.component$ !== 'undefined'")
    assert page.locator("article p#p-1").is_visible()
    assert page.locator("input.md-search__input").is_visible()  # Material hides search when its worker cannot start
    type_query(page, query)
    links = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    links = [re.sub(r"\?h=[^#]*", "", link) for link in links]  # drop the highlight query
    base = offline_copy.as_uri() + "/"
    assert base + result in links, links
    assert not any(link.startswith(base + other_language) for link in links)
    page.keyboard.press("Escape")
    switcher = page.locator("a.md-select__link:not([hreflang='%s'])" % ("kk" if start == "diplomacy.html" else "ru"))
    target = switcher.first.get_attribute("href")
    page.goto(page.url.split("?")[0].rsplit("/", 1)[0] + "/" + target)
    assert page.locator("article h1").is_visible()
    assert network == []
