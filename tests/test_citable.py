"""Citable URLs and scholarly metadata: ids, the published-URL list,
Highwire / Dublin Core / JSON-LD, hreflang, and the pages in a browser."""

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from paragraphs import add_paragraph_links, body_paragraphs, paragraphs_without_id
from alternates import drop_hreflang, hreflang_links, switcher_link
from conftest import broken_build, replace_in
from scripts.published_urls import collect, compare, read_list

TEXTS = {"kk": "diplomacy/index.html", "ru": "ru/transport/index.html"}


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


# --- helpers on plain strings -------------------------------------------------

def test_body_paragraphs_are_top_level_classless_paragraphs():
    html = ('<p class="udc">УДК</p><div><p>in a div</p></div><p id="p-1">Бір <a href="#x">[1]</a></p>'
            '<p>Екі</p><ol><li><p>in a list</p></li></ol>')
    assert body_paragraphs(html) == [("p-1", "Бір [1]"), (None, "Екі")]
    assert paragraphs_without_id(html) == ["Екі"]


def test_paragraph_links_go_at_the_end_of_each_paragraph_with_an_id():
    html = '<p id="p-1">Бір.</p>\n<p>Екі.</p>'
    assert add_paragraph_links(html, lambda pid: f"[{pid}]") == '<p id="p-1">Бір.[p-1]</p>\n<p>Екі.</p>'


def test_hreflang_links_are_absolute_with_x_default_and_only_for_translated_pages():
    site_url = "https://example.github.io/edition/"
    assert hreflang_links({"kk": "about/", "ru": "ru/about/"}, "kk", site_url) == [
        ("kk", "https://example.github.io/edition/about/"),
        ("ru", "https://example.github.io/edition/ru/about/"),
        ("x-default", "https://example.github.io/edition/about/"),
    ]
    assert hreflang_links({"kk": "diplomacy/"}, "kk", site_url) == []


def test_materials_relative_hreflang_links_are_dropped():
    head = '<link rel="canonical" href="x">\n  <link rel="alternate" href="../ru/" hreflang="ru">'
    assert drop_hreflang(head) == '<link rel="canonical" href="x">'


def test_switcher_links_lead_to_the_counterpart_or_the_languages_home_from_the_site_root():
    versions = {"kk": "about/", "ru": "ru/about/"}
    assert [switcher_link(lang, versions, "kk") for lang in ("kk", "ru")] == ["about/", "ru/about/"]
    assert [switcher_link(lang, {"kk": "diplomacy/"}, "kk") for lang in ("kk", "ru")] == ["diplomacy/", "ru/"]
    assert [switcher_link(lang, {"ru": "ru/transport/"}, "kk") for lang in ("kk", "ru")] == ["./", "ru/transport/"]
    assert switcher_link("ru", {}, "kk", use_directory_urls=False) == "ru/index.html"
    assert switcher_link("kk", {}, "kk", use_directory_urls=False) == "index.html"


# --- ids and the published-URL list -------------------------------------------

@pytest.mark.parametrize("lang", TEXTS)
def test_every_paragraph_of_the_texts_has_a_unique_id(site, lang):
    article = soup(site, TEXTS[lang]).article
    paragraphs = [p for p in article.find_all("p", recursive=False) if not p.get("class")]
    assert len(paragraphs) == {"kk": 16, "ru": 1}[lang]
    assert [p.get("id") for p in paragraphs] == [f"p-{n}" for n in range(1, len(paragraphs) + 1)]
    ids = [node["id"] for node in soup(site, TEXTS[lang]).select("[id]")]
    assert len(ids) == len(set(ids))
    for p in paragraphs:
        link = p.select_one("a.paragraph-link")
        assert link["href"] == f"#{p['id']}" and link.get_text() == "¶"


def test_every_heading_id_is_ascii_and_published(site):
    published = read_list()
    for path in site.rglob("index.html"):
        page = "/" + path.relative_to(site).as_posix().removesuffix("index.html")
        for heading in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("article :is(h1,h2,h3)[id]"):
            assert re.fullmatch(r"[a-z][a-z0-9-]*", heading["id"]), f"{page}#{heading['id']}"
            assert f"{page}#{heading['id']}" in published


def test_the_published_url_list_matches_the_site(site):
    gone, moved, new = compare(read_list(), collect(site))
    assert gone == [], "published URLs that no longer exist: restore them"
    assert moved == [], "published URLs that now point elsewhere: restore them"
    assert new == [], "unrecorded URLs: run `make urls` to record them"


def test_a_removed_or_moved_id_fails_the_check(site, tmp_path):
    built = collect(site)
    published = read_list()
    html = (site / "diplomacy/index.html").read_text(encoding="utf-8")
    broken = tmp_path / "diplomacy"
    broken.mkdir()
    (broken / "index.html").write_text(html.replace('id="p-12"', 'id="p-120"').replace('id="p-3"', 'id="p-2x"'), encoding="utf-8")
    changed = collect(tmp_path)
    gone, _, _ = compare({u: t for u, t in published.items() if u.startswith("/diplomacy/")}, changed)
    assert "/diplomacy/#p-12" in gone and "/diplomacy/#p-3" in gone
    swapped = {**built, "/diplomacy/#p-4": built["/diplomacy/#p-5"]}
    assert compare(published, swapped)[1] == ["/diplomacy/#p-4"]


# --- metadata -----------------------------------------------------------------

def _meta(document, name):
    return [m["content"] for m in document.select(f'meta[name="{name}"]')]


def test_highwire_and_dublin_core_tags_on_the_texts(site, server):
    paper = soup(site, TEXTS["kk"])
    assert _meta(paper, "citation_title") == ["Фейсбук және Твиттер дипломатиясының бүгінгі жетістіктері мен ғаламдық мәні"]
    assert _meta(paper, "citation_author") == ["Лагуткина, Юлия Николаевна"]
    assert _meta(paper, "citation_author_institution") == ["Л.Н. Гумилев атындағы ЕҰУ"]
    assert _meta(paper, "citation_language") == ["kk"]
    assert _meta(paper, "citation_fulltext_html_url") == [server + "diplomacy/"]
    assert not _meta(paper, "citation_publication_date")  # the source states no date
    assert _meta(paper, "DC.language") == ["kk"] and _meta(paper, "DC.creator")
    fragment = soup(site, TEXTS["ru"])
    assert _meta(fragment, "citation_title") == ["Транспортная инфраструктура Казахстана"]
    assert _meta(fragment, "citation_language") == ["ru"]
    assert not _meta(fragment, "citation_author")  # unknown: nothing is invented


@pytest.mark.parametrize("page", ["index.html", "about/index.html", "diplomacy/index.html",
                                  "ru/index.html", "ru/about/index.html", "ru/transport/index.html"])
def test_description_canonical_and_absolute_hreflang(site, server, page):
    document = soup(site, page)
    lang = document.html["lang"]
    assert document.select_one('meta[name="description"]')["content"]
    canonical = document.select_one('link[rel="canonical"]')["href"]
    assert canonical == server + page.removesuffix("index.html")
    hreflang = {link["hreflang"]: link["href"] for link in document.select('link[rel="alternate"][hreflang]')}
    for href in hreflang.values():
        assert href.startswith(server), href
    if page in ("diplomacy/index.html", "ru/transport/index.html"):
        assert hreflang == {}  # no other language version: no hreflang
    else:
        assert set(hreflang) == {"kk", "ru", "x-default"} and hreflang[lang] == canonical


def test_each_language_has_its_own_404(site):
    assert soup(site, "404.html").html["lang"] == "kk"
    assert "бет табылмады" in soup(site, "404.html").h1.get_text()
    assert soup(site, "ru/404.html").html["lang"] == "ru"
    assert "страница не найдена" in soup(site, "ru/404.html").h1.get_text()


# --- in the browser -----------------------------------------------------------

@pytest.mark.browser
def test_a_paragraph_url_opens_below_the_header_and_marked(page, server):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server + "diplomacy/#p-12")
    page.wait_for_function(  # until the scroll to the fragment has come to rest
        """() => new Promise(done => { const y = scrollY;
             requestAnimationFrame(() => requestAnimationFrame(() => done(y > 0 && scrollY === y))) })""")
    header = page.locator(".md-header").bounding_box()
    box = page.locator("#p-12").bounding_box()
    assert header["y"] + header["height"] <= box["y"] < 800 / 2
    background = page.locator("#p-12").evaluate("p => getComputedStyle(p).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("#p-11").evaluate("p => getComputedStyle(p).backgroundColor") == "rgba(0, 0, 0, 0)"


@pytest.mark.browser
def test_the_paragraph_link_shows_on_focus_and_copies_the_url(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "diplomacy/")
    link = page.locator('#p-3 a.paragraph-link')
    assert link.evaluate("a => getComputedStyle(a).opacity") == "0"
    link.focus()
    expect(link).to_have_css("opacity", "1")
    link.click()
    page.wait_for_url(server + "diplomacy/#p-3")
    page.locator("#p-3 .copy-status").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == server + "diplomacy/#p-3"
    context.close()


@pytest.mark.browser
def test_no_page_logs_a_console_error_or_a_failed_request(page, server, site):
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"{page.url}: {m.text}"))
    page.on("requestfailed", lambda r: problems.append(f"{page.url}: failed {r.url}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{page.url}: {r.status} {r.url}"))
    for path in sorted(site.rglob("index.html")):
        page.goto(server + path.relative_to(site).as_posix().removesuffix("index.html"))
        page.wait_for_load_state("networkidle")
    assert problems == []


def test_a_text_paragraph_without_an_id_fails_the_build(tmp_path):
    log = broken_build(tmp_path, lambda p: replace_in(p / "docs/kk/diplomacy.md", "\n{ #p-7 }", ""))
    assert "kk/diplomacy.md:62: paragraph without an id: 'Дж. Най пікірінше" in log, log
