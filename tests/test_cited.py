"""What citation tools and link previews read from the edition: metadata
parsed as clients parse it (extruct, cffconvert), Zotero's URL and date rules
applied to the live page in Chromium, a paragraph's citation, the offline
copy, and template output escaped for its context."""

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import extruct
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, copy_project, make_offline, replace_in

TEXTS = {"kk": "diplomacy/", "ru": "ru/transport/"}
PAGES = ["", "diplomacy/", "about/", "ru/", "ru/transport/", "ru/about/"]
LOCALES = {"kk": "kk_KZ", "ru": "ru_RU"}


def html_of(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def metadata(site: Path, page: str, server: str) -> dict:
    return extruct.extract(html_of(site, page), base_url=server + page, uniform=True,
                           syntaxes=["json-ld", "opengraph", "dublincore"])


def jsonld(site: Path, page: str, kind: str) -> dict:
    return next(item for item in extruct.extract(html_of(site, page), syntaxes=["json-ld"])["json-ld"]
                if item["@type"] == kind)


# --- CITATION.cff -----------------------------------------------------------------

def test_citation_cff_validates_with_cffconvert_and_credits_honestly():
    cffconvert = Path(sys.executable).parent / "cffconvert"
    result = subprocess.run([cffconvert, "--validate", "-i", ROOT / "CITATION.cff"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-500:] + result.stderr[-2000:]
    assert "valid according to schema version 1.2.0" in result.stdout
    import yaml
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["preferred-citation"]["authors"][0]["family-names"] == "Лагуткина"
    assert all("Лагуткина" not in json.dumps(author, ensure_ascii=False) for author in cff["authors"])
    assert "<site>" not in (ROOT / "CITATION.cff").read_text(encoding="utf-8")


# --- OpenGraph, Twitter, <title> ----------------------------------------------------

@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_link_preview_tags(site, server, page):
    og = metadata(site, page, server)["opengraph"][0]
    language = "ru" if page.startswith("ru/") else "kk"
    assert og["og:title"] and og["og:description"] and og["@type"] == "website"  # uniform: og:type as @type
    assert og["og:url"] == server + page
    assert og["og:locale"] == LOCALES[language]
    assert og["og:site_name"] == {"kk": "Фейсбук және Твиттер дипломатиясы", "ru": "Фейсбук- и твиттер-дипломатия"}[language]
    document = BeautifulSoup(html_of(site, page), "html.parser")
    assert document.select_one('meta[name="twitter:card"]')["content"] == "summary"
    assert not document.select('meta[property="og:locale:alternate"]')
    title = document.title.get_text()
    assert title in (f"{og['og:title']} - {og['og:site_name']}", og["og:site_name"]), title


def test_the_papers_title_is_its_own_then_the_sites(site):
    title = BeautifulSoup(html_of(site, "diplomacy/"), "html.parser").title.get_text()
    assert title == ("Фейсбук және Твиттер дипломатиясының бүгінгі жетістіктері мен ғаламдық мәні - "
                     "Фейсбук және Твиттер дипломатиясы")


# --- JSON-LD, Dublin Core, Highwire ---------------------------------------------------

def test_json_ld_names_each_work_and_its_language_site(site, server):
    paper, fragment = jsonld(site, "diplomacy/", "ScholarlyArticle"), jsonld(site, "ru/transport/", "ScholarlyArticle")
    assert paper["@id"] == server + "diplomacy/#work" and paper["url"] == server + "diplomacy/"
    assert paper["inLanguage"] == "kk" and paper["author"]["name"] == "Юлия Николаевна Лагуткина"
    assert paper["isPartOf"] == {"@type": "WebSite", "@id": server + "#website", "url": server,
                                 "name": "Фейсбук және Твиттер дипломатиясы"}
    assert paper["isBasedOn"]["encodingFormat"] == "application/pdf" and paper["isBasedOn"]["author"]
    assert "datePublished" not in paper and "dateCreated" not in paper
    assert fragment["creativeWorkStatus"] == "Incomplete" and "author" not in fragment
    assert fragment["isPartOf"]["@id"] == server + "ru/#website"
    for home, language in (("", "kk"), ("ru/", "ru")):
        website = jsonld(site, home, "WebSite")
        assert website["@id"] == server + home + "#website" and website["url"] == server + home
        assert website["inLanguage"] == language


@pytest.mark.parametrize("language", TEXTS)
def test_no_date_an_author_where_the_text_has_none_and_no_dc_type(site, server, language):
    page = TEXTS[language]
    document = BeautifulSoup(html_of(site, page), "html.parser")
    assert not document.select("time[datetime]")  # Zotero's fallback date
    assert not document.select('meta[name="author" i], meta[name*="date" i], meta[property*="time" i]')
    dublin_core = metadata(site, page, server)["dublincore"][0]["elements"]
    assert "type" not in {element["name"] for element in dublin_core}
    assert bool(document.select('meta[name="citation_author"]')) == (language == "kk")


# --- Zotero's rules on the live page ------------------------------------------------------

# The order in which Zotero's "Embedded Metadata" translator takes an item's URL.
ZOTERO_URL = """() => {
  const meta = name => (document.querySelector(`meta[name="${name}"], meta[property="${name}"]`) || {}).content
  return meta("citation_public_url") || meta("og:url") || meta("citation_abstract_html_url")
    || meta("citation_fulltext_html_url") || (document.querySelector('head > link[rel="canonical"]') || {}).href
    || location.href
}"""


@pytest.mark.browser
def test_the_saved_url_follows_the_paragraph_and_the_canonical_link_does_not(page, server):
    page.goto(server + "diplomacy/#p-12")
    page.wait_for_function(f"() => ({ZOTERO_URL})() === {json.dumps(server + 'diplomacy/#p-12')}")
    page.locator("#p-3").hover()
    page.locator("#p-3 a.paragraph-link").click()
    page.wait_for_function(f"() => ({ZOTERO_URL})() === {json.dumps(server + 'diplomacy/#p-3')}")
    assert page.locator('link[rel="canonical"]').get_attribute("href") == server + "diplomacy/"
    assert page.locator("time[datetime]").count() == 0


@pytest.mark.browser
def test_a_paragraph_can_be_cited_in_gost_and_bibtex(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "diplomacy/")
    page.locator("#p-12").hover()
    page.locator("#p-12 button.paragraph-cite").click()
    panel = page.locator("#cite-p-12")
    panel.wait_for()
    today = date.today()
    gost = panel.locator(".cite-gost").inner_text()
    assert "– 12-азат жол. – URL: " + server + "diplomacy/#p-12 (қаралған күні: " in gost
    assert gost.endswith(f"{today:%d.%m.%Y}).")
    bibtex = panel.locator("code").inner_text()
    assert bibtex.startswith("@online{lagutkina-diplomacy-p-12,")
    assert f"url     = {{{server}diplomacy/#p-12}}" in bibtex and f"urldate = {{{today:%Y-%m-%d}}}" in bibtex
    assert "title   = {{Фейсбук} және {Твиттер} дипломатиясының" in bibtex
    panel.locator(".md-clipboard").first.click()
    page.wait_for_function("async text => (await navigator.clipboard.readText()) === text", arg=gost)
    context.close()


@pytest.mark.browser
def test_how_to_cite_has_todays_access_date_and_copy_buttons(page, server):
    page.goto(server + "ru/transport/")
    block = page.locator("section.how-to-cite")
    block.locator(".access-date").first.wait_for()
    gost = block.locator(".cite-gost").inner_text()
    assert gost.startswith("Транспортная инфраструктура Казахстана [Электронный ресурс] : фрагмент // ")
    assert gost.endswith(f"(дата обращения: {date.today():%d.%m.%Y}).")
    assert block.locator(".md-clipboard, .md-code__button").count() == 2


def test_without_scripts_there_is_no_access_date(site):
    block = BeautifulSoup(html_of(site, "diplomacy/"), "html.parser").select_one("section.how-to-cite")
    for hidden in block.select(".access-date"):
        assert hidden.has_attr("hidden") and not hidden.select_one("[data-date]").get_text()
    assert not re.search(r"\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2}", block.get_text())


# --- the offline copy -----------------------------------------------------------------------

@pytest.mark.parametrize("site_url", ["https://example.org/edition/", None])
def test_the_offline_copy_carries_the_published_url_or_none(tmp_path, site_url):
    copy = make_offline(tmp_path, site_url)
    for page, published in (("diplomacy.html", "diplomacy/"), ("ru/transport.html", "ru/transport/")):
        document = BeautifulSoup((copy / page).read_text(encoding="utf-8"), "html.parser")
        ours = [str(m) for m in document.select("head meta")] + [
            s.string for s in document.select('script[type="application/ld+json"]')] + [
            str(document.select_one("section.how-to-cite"))]
        assert not [text for text in ours if re.search(r"\bNone\b|\bnull\b", text)], page
        urls = [m["content"] for m in document.select("meta[data-edition-url]")]
        article = json.loads(document.select_one('script[type="application/ld+json"]').string)
        cite = document.select_one("section.how-to-cite").get_text()
        if site_url:
            assert urls and set(urls) == {site_url + published}
            assert article["url"] == site_url + published and article["@id"] == site_url + published + "#work"
            assert f"URL: {site_url + published}" in cite and f"url     = {{{site_url + published}}}" in cite
        else:
            assert urls == [] and "url" not in article and "@id" not in article
            assert "URL:" not in cite and "url     =" not in cite


# --- escaping ---------------------------------------------------------------------------

HOSTILE = 'A "q" <b>&amp; </script><script>alert(1)</script>'


def test_every_value_our_templates_write_is_escaped_for_its_context(tmp_path):
    project = copy_project(tmp_path)
    yaml_value = json.dumps(HOSTILE)  # a YAML double-quoted string
    replace_in(project / "mkdocs.yml", "site_name: Фейсбук және Твиттер дипломатиясы", f"site_name: {yaml_value}")
    paper = project / "docs/kk/diplomacy.md"
    replace_in(paper, "  title: Фейсбук және Твиттер дипломатиясының бүгінгі жетістіктері мен ғаламдық мәні",
               f"  title: {yaml_value}")
    replace_in(paper, "    family: Лагуткина", f"    family: {yaml_value}")
    text = paper.read_text(encoding="utf-8")
    paper.write_text(re.sub(r"\ndescription: .*\n", f"\ndescription: {yaml_value}\n", text, count=1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    document = BeautifulSoup((tmp_path / "site/diplomacy/index.html").read_text(encoding="utf-8"), "html.parser")
    for name in ("citation_title", "DC.title"):
        assert document.select_one(f'meta[name="{name}"]')["content"] == HOSTILE
    assert document.select_one('meta[name="citation_author"]')["content"].startswith(HOSTILE + ", ")
    assert document.select_one('meta[property="og:site_name"]')["content"] == HOSTILE
    assert document.select_one('meta[property="og:description"]')["content"] == HOSTILE
    article = next(json.loads(s.string) for s in document.select('script[type="application/ld+json"]')
                   if '"ScholarlyArticle"' in s.string)
    assert article["headline"] == HOSTILE and article["description"] == HOSTILE
    assert article["isPartOf"]["name"] == HOSTILE
    block = document.select_one("section.how-to-cite")
    assert [child.name for child in block.find_all(recursive=False)] == ["h2", "div", "pre", "template"]
    assert not block.select("b, script") and HOSTILE in block.select_one(".cite-gost").get_text()
    bibtex = block.select_one("pre code").get_text()
    assert 'title   = {{A} "q" <b>\\&amp; </script><script>alert(1)</script>}' in bibtex
    assert document.title.get_text().endswith(HOSTILE)
