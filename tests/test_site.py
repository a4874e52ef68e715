"""The built site as a whole: languages, switcher, no third-party assets,
the Kazakh interface strings."""

import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jinja2
import material
import pytest
from bs4 import BeautifulSoup

from conftest import broken_build, build_site, copy_project, replace_in, type_query
from template_cache import cache_folder

ROOT = Path(__file__).resolve().parent.parent
ASSET_SELECTORS = {
    "script[src]": "src", "img[src]": "src", "iframe[src]": "src", "source[src]": "src",
    "link[rel~=stylesheet]": "href", "link[rel~=icon]": "href", "link[rel~=preload]": "href",
    "link[rel~=modulepreload]": "href", "link[rel~=manifest]": "href", "link[rel~=preconnect]": "href",
}


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_url(site: Path, path: Path) -> str:
    """The URL path of a built file, as a server at the site root would show it."""
    relative = path.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def resolves(site: Path, base: str, href: str) -> bool:
    """Does a relative link from the page at `base` reach a built file?"""
    target = urlsplit(urljoin(base, href)).path.lstrip("/")
    path = site / target
    return (path / "index.html").is_file() if not target or target.endswith("/") else path.is_file()


def test_the_expected_pages_are_built(site):
    urls = {page_url(site, path) for path in html_pages(site)}
    assert {"/", "/diplomacy/", "/about/", "/ru/", "/ru/transport/", "/ru/about/",
            "/404.html", "/ru/404.html"} <= urls


@pytest.mark.parametrize("lang_prefix", ["", "ru/"])
def test_every_page_has_the_html_lang_of_its_language(site, lang_prefix):
    expected = "ru" if lang_prefix else "kk"
    pages = [p for p in html_pages(site) if p.relative_to(site).as_posix().startswith("ru/") == bool(lang_prefix)]
    assert pages
    for path in pages:
        assert soup(path).html["lang"] == expected, path


def test_the_language_switcher_is_on_every_page_and_its_targets_exist(site):
    for path in html_pages(site):
        if path.name == "404.html":
            continue  # served at any address, so its links are site-absolute
        links = soup(path).select("a.md-select__link")
        assert {a["hreflang"] for a in links} == {"kk", "ru"}, path
        for a in links:
            assert not a["href"].startswith("/"), f"{path}: {a['href']} breaks below a sub-path"
            assert resolves(site, page_url(site, path), a["href"]), f"{path}: {a['href']}"


def test_the_switcher_leads_to_the_counterpart_or_the_other_home(site):
    def target(page, lang):
        a = soup(site / page).select_one(f'a.md-select__link[hreflang="{lang}"]')
        return urlsplit(urljoin(page_url(site, site / page), a["href"])).path

    assert target("about/index.html", "ru") == "/ru/about/"
    assert target("ru/about/index.html", "kk") == "/about/"
    assert target("diplomacy/index.html", "ru") == "/ru/"
    assert target("ru/transport/index.html", "kk") == "/"


# Every page a reader can be on, as (address below the site, status it is served with):
# the pages, each language's 404 page, and missing addresses in each language's folder,
# which GitHub Pages answers with the root 404.html.
READER_PAGES = [("", 200), ("diplomacy/", 200), ("about/", 200), ("ru/", 200), ("ru/transport/", 200),
                ("ru/about/", 200), ("404.html", 200), ("ru/404.html", 200), ("no-such-page/", 404),
                ("ru/no-such-page/", 404)]


@pytest.mark.browser
def test_every_switcher_link_on_every_page_lands_on_a_page_in_its_language(page, server):
    failed_requests, landed = [], []
    page.on("response", lambda r: r.status >= 400 and r.request.resource_type != "document"
            and failed_requests.append(f"{r.status} {r.url}"))
    for address, status in READER_PAGES:
        response = page.goto(server + address)
        assert response.status == status, address
        links = page.locator("a.md-select__link")
        languages = links.evaluate_all("links => links.map(a => a.hreflang)")
        assert sorted(languages) == ["kk", "ru"], address
        for language in languages:
            if page.url.split("#")[0] != server + address:
                page.goto(server + address)
            page.locator(".md-header .md-select").hover()  # the switcher opens on hover
            with page.expect_navigation() as navigation:
                page.locator(f'a.md-select__link[hreflang="{language}"]').click()
            where = f"{address} -> {language}: {page.url}"
            assert navigation.value.status == 200, where
            assert page.url.startswith(server), where
            assert page.evaluate("document.documentElement.lang") == language, where
            landed.append(page.url)
    assert len(landed) == 2 * len(READER_PAGES)
    assert failed_requests == []


@pytest.mark.parametrize("address, language", [("no-such-page/", "kk"), ("ru/no-such-page/", "ru")])
def test_a_missing_address_gets_the_404_page_with_status_404(server, address, language):
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(server + address)
    assert error.value.code == 404
    assert 'data-md-component="search"' in error.value.read().decode("utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("address, query, found", [("no-such-page/", "жұмсақ", "diplomacy/"),
                                                   ("ru/no-such-page/", "магистраль", "ru/transport/"),
                                                   ("ru/404.html", "магистраль", "ru/transport/")])
def test_the_404_page_searches_the_language_of_the_missing_address(page, server, address, query, found):
    assert page.goto(server + address).status == (200 if address.endswith(".html") else 404)
    type_query(page, query)
    links = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert links and all(link.startswith(server + found) for link in links), links


@pytest.mark.browser
@pytest.mark.parametrize("address", ["ru/no-such-page/", "ru/404.html"])
def test_the_404_pages_link_to_each_languages_home(page, server, address):
    page.goto(server + address)
    homes = page.locator("article a[href]").evaluate_all("links => links.map(a => a.href)")
    assert sorted(set(homes)) == [server, server + "ru/"]
    switcher = page.locator("a.md-select__link").evaluate_all("links => links.map(a => [a.hreflang, a.href])")
    assert sorted(switcher) == [["kk", server], ["ru", server + "ru/"]]


def test_cross_language_links_in_the_text_resolve(site):
    for page in ("index.html", "about/index.html", "ru/index.html", "ru/about/index.html"):
        hrefs = [a["href"] for a in soup(site / page).select("article a[hreflang]")]
        assert hrefs, page
        for href in hrefs:
            assert resolves(site, page_url(site, site / page), href), f"{page}: {href}"


def test_no_asset_comes_from_another_host(site):
    for path in html_pages(site):
        document = soup(path)
        for selector, attribute in ASSET_SELECTORS.items():
            for node in document.select(selector):
                assert not urlsplit(node[attribute]).netloc, f"{path}: {node}"
        for style in document.select("style"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", style.text), path
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//|fonts\.googleapis", text), css


def _translation_keys(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^\s*"([\w.]+)": "(.*)",?$', path.read_text(encoding="utf-8"), re.MULTILINE))


def test_the_kazakh_interface_translates_every_key_of_materials_english():
    english = _translation_keys(Path(material.__file__).parent / "templates/partials/languages/en.html")
    kazakh = _translation_keys(ROOT / "overrides/partials/languages/kk.html")
    assert len(english) > 40
    assert {key for key in kazakh if not key.startswith("edition.")} == english.keys()
    assert kazakh["language"] == "kk"
    assert kazakh["search.config.lang"] == "ru"
    untranslated = {key for key in english if kazakh[key] == english[key]}
    assert untranslated <= {"direction", "search.config.pipeline", "search.config.separator"}


def test_the_interface_is_kazakh_on_kazakh_pages_and_russian_on_russian_ones(site):
    assert soup(site / "diplomacy/index.html").select_one("input.md-search__input")["placeholder"] == "Іздеу"
    assert soup(site / "ru/transport/index.html").select_one("input.md-search__input")["placeholder"] == "Поиск"


def test_the_fragment_is_marked_as_one(site):
    article = soup(site / "ru/transport/index.html").select_one("article")
    assert "Фрагмент" in article.select_one(".admonition-title").text
    assert article.select_one(".fragment-break")


def test_headings_have_readable_ascii_ids(site):
    ids = [h["id"] for h in soup(site / "diplomacy/index.html").select("article h2")]
    assert ids[:3] == ["intro", "digital-diplomacy", "public-diplomacy"]
    assert ids[-2:] == ["references", "how-to-cite"]
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", i) for i in ids)


def test_cross_language_links_are_checked_and_resolved():
    from language_links import anchored_links, has_id, mark_language_links, page_file, resolve_language_links
    from mkdocs.exceptions import PluginError

    pages = {"kk/index.md", "kk/diplomacy.md", "ru/transport.md"}
    marked = mark_language_links("[a](../ru/transport.md#p-1) [b](diplomacy.md)", "kk/index.md", ["kk", "ru"], pages)
    assert marked == "[a](i18n-page:ru/transport.md#p-1) [b](diplomacy.md)"
    assert anchored_links(marked + " [c](i18n-page:kk/index.md)") == [("ru/transport.md", "p-1")]
    assert page_file("ru/transport.md", "kk") == "ru/transport/index.html"
    assert page_file("kk/index.md", "kk") == "index.html"
    assert page_file("kk/diplomacy.md", "kk", use_directory_urls=False) == "diplomacy.html"
    assert has_id('<p id="p-1">', "p-1") and not has_id('<p id="p-10">', "p-1")
    html = '<a href="i18n-page:ru/transport.md#p-1">a</a> <a href="i18n-page:kk/index.md">b</a>'
    assert resolve_language_links(html, "about/", "kk") == '<a href="../ru/transport/#p-1">a</a> <a href="../">b</a>'
    assert resolve_language_links(html, "about.html", "kk", use_directory_urls=False) == (
        '<a href="ru/transport.html#p-1">a</a> <a href="index.html">b</a>')
    with pytest.raises(PluginError, match=r"kk/index\.md: link '\.\./ru/missing\.md' points to ru/missing\.md"):
        mark_language_links("[a](../ru/missing.md)", "kk/index.md", ["kk", "ru"], pages)


def test_a_cross_language_link_to_a_missing_anchor_fails_the_build(tmp_path):
    log = broken_build(tmp_path, lambda project: replace_in(
        project / "docs/ru/about.md", "(../kk/diplomacy.md)", "(../kk/diplomacy.md#soft-powe)"))
    assert "ru/about.md: link to kk/diplomacy.md#soft-powe: there is no id 'soft-powe'" in log


def test_a_cross_language_link_to_an_existing_anchor_builds(tmp_path):
    project = copy_project(tmp_path)
    replace_in(project / "docs/ru/about.md", "(../kk/diplomacy.md)", "(../kk/diplomacy.md#soft-power)")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert 'href="../../diplomacy/#soft-power"' in (tmp_path / "site/ru/about/index.html").read_text(encoding="utf-8")


def test_the_template_cache_is_per_version_and_an_edited_template_recompiles(tmp_path):
    folder = Path(cache_folder(str(tmp_path / "mkdocs.yml")))
    assert folder.parent == tmp_path / ".cache" / "jinja"
    assert jinja2.__version__ in folder.name and f"py{sys.version_info.major}.{sys.version_info.minor}" in folder.name

    project = copy_project(tmp_path)
    assert build_site(project, tmp_path / "first").returncode == 0
    assert any(folder.iterdir()), "the first build fills the cache"
    replace_in(project / "overrides/partials/how-to-cite.html", "</section>", "<p>edited-template</p></section>")
    assert build_site(project, tmp_path / "second").returncode == 0
    assert "edited-template" in (tmp_path / "second/diplomacy/index.html").read_text(encoding="utf-8")
