"""What citation tools, search engines and link previews read, from each text's
front matter: Highwire, Dublin Core, JSON-LD, OpenGraph, hreflang, CITATION.cff."""

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import extruct
import yaml
from bs4 import BeautifulSoup
from pybtex.database import parse_string

from strings_helper import string_table


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def meta(document, name):
    return [m["content"] for m in document.select(f'meta[name="{name}"]')]


def jsonld(html: str, kind: str) -> dict:
    return next(item for item in extruct.extract(html, syntaxes=["json-ld"])["json-ld"] if item["@type"] == kind)


def site_name(project, locale):
    language = next(lang for lang in project.languages if lang["locale"] == locale)
    return language.get("site_name") or project.config["site_name"]


def test_highwire_and_dublin_core_say_what_the_front_matter_says_and_nothing_more(site, server, text):
    document = BeautifulSoup(html_of(site, text.url), "html.parser")
    citation = text.meta["citation"]
    assert meta(document, "citation_title") == meta(document, "DC.title") == [citation["title"]]
    assert meta(document, "citation_language") == meta(document, "DC.language") == [text.locale]
    assert meta(document, "citation_fulltext_html_url") == [server + text.url]
    assert meta(document, "citation_author") == [f"{a['family']}, {a['given']}" for a in text.authors]
    assert meta(document, "DC.creator") == meta(document, "citation_author")
    institutions = [a["affiliation"] for a in text.authors if a.get("affiliation")]
    assert meta(document, "citation_author_institution") == institutions
    # The date of the edition's version, not of a build (edition-record.yml); Zotero's fallback date is absent.
    # (citation_publication_date is the original's where the front matter gives it: the next test.)
    released = text.project.record.released
    assert meta(document, "DC.date") == [released.isoformat()]
    assert not document.select("time[datetime]")
    dates = document.select('meta[name="author" i], meta[name*="date" i], meta[property*="time" i]')
    assert {m["name"] for m in dates} == {"citation_publication_date", "DC.date"}
    subject = document.select('meta[name="DC.subject"]')
    udc = string_table(text.locale)("edition.udc")
    udc_subject = [f"{udc} {citation['udc']}"] if citation.get("udc") else []
    assert [m["content"] for m in subject] == udc_subject + citation.get("keywords", [])
    assert not any(m.has_attr("scheme") for m in subject)


def test_the_downloads_cite_what_the_page_says_and_zotero_saves_the_same_kind(site, server, project, text):
    """The .bib and .ris beside the page, read back, and the item type Zotero reads from the page:
    a web page of the edition, which its .ris says (ELEC, with the edition as T2)."""
    document = BeautifulSoup(html_of(site, text.url), "html.parser")
    citation, key = text.meta["citation"], text.meta["citation"]["bibtex_key"]
    assert {a["href"] for a in document.select("a[download]")} >= {f"{key}.bib", f"{key}.ris"}
    names = [f"{a['family']}, {a['given']}" for a in text.authors]

    entry = parse_string((site / text.url / f"{key}.bib").read_text(encoding="utf-8"), "bibtex").entries[key]
    assert entry.type == "online"
    assert entry.fields["title"].replace("{", "").replace("}", "") == citation["title"]
    assert entry.fields["url"] == server + text.url
    assert [str(person) for person in entry.persons.get("author", [])] == names
    assert (entry.fields["version"], entry.fields["date"]) == (
        project.record.version,
        project.record.released.isoformat(),
    )

    lines = (site / text.url / f"{key}.ris").read_bytes().decode("utf-8").split("\r\n")
    ris = [tuple(line.split("  - ", 1)) for line in lines if line.strip()]
    assert ris[0] == ("TY", "ELEC") and ris[-1] == ("ER", "")
    fields = dict(ris)
    assert (fields["TI"], fields["UR"], fields["LA"]) == (citation["title"], server + text.url, text.locale)
    assert [value for tag, value in ris if tag == "AU"] == names
    released = project.record.released
    assert (fields["ET"], fields["PY"], fields["DA"]) == (
        project.record.version,
        str(released.year),
        f"{released:%Y/%m/%d}",
    )
    assert fields["T2"] == site_name(project, text.locale) == meta_property(document, "og:site_name")
    assert meta(document, "z.itemType") == [{"ELEC": "webpage"}[fields["TY"]]]


def meta_property(document, name):
    return document.select_one(f'meta[property="{name}"]')["content"]


def test_json_ld_names_each_work_and_its_language_site(site, server, project, text):
    article = jsonld(html_of(site, text.url), "ScholarlyArticle")
    home = "" if text.locale == project.default else f"{text.locale}/"
    assert article["@id"] == server + text.url + "#work" and article["url"] == server + text.url
    assert article["headline"] == text.meta["citation"]["title"] and article["inLanguage"] == text.locale
    assert article["isPartOf"] == {
        "@type": "WebSite",
        "@id": server + home + "#website",
        "url": server + home,
        "name": site_name(project, text.locale),
    }
    assert article["datePublished"] == project.record.released.isoformat() and "dateCreated" not in article
    assert article["version"] == project.record.version
    assert [person["familyName"] for person in article.get("author", [])] == [a["family"] for a in text.authors]
    assert (article.get("creativeWorkStatus") == "Incomplete") == bool(text.meta["citation"].get("fragment"))
    website = jsonld(html_of(site, home), "WebSite")
    assert website["@id"] == server + home + "#website" and website["inLanguage"] == text.locale


def test_each_citation_names_the_edition_by_a_name_not_a_texts_title_with_its_version_and_date(site, project, text):
    """GOST R 7.0.5: the edition as container (after «//»), then its edition area: the version
    and the date of the record, as GOST writes a date (dd.mm.yyyy)."""
    t, name = string_table(text.locale), site_name(project, text.locale)
    titles = {other.meta["citation"][key] for other in project.texts for key in ("title", "short_title")
              if key in other.meta["citation"]}  # fmt: skip
    assert name not in titles
    released = f"{project.record.released:%d.%m.%Y}"
    version = t("edition.cite.version").replace("{version}", project.record.version).replace("{date}", released)
    edition = f" // {name} : {t('edition.cite.edition')}. – {version}."
    document = BeautifulSoup(html_of(site, text.url), "html.parser")
    assert edition in " ".join(document.select_one("section.how-to-cite .cite-gost").get_text().split())
    header = " ".join(document.select_one(".text-header__edition").get_text().split())  # no-break spaces as spaces
    assert header.startswith(f"{name}. ") and project.record.version in header


def test_every_author_is_named_above_the_text(site, text):
    """In the text's own byline where it names them all, else in the header the edition adds."""
    document = BeautifulSoup(html_of(site, text.url), "html.parser")
    byline = " ".join(document.select_one("article .byline").get_text().split()) if document.select_one(
        "article .byline") else ""  # fmt: skip
    header = " ".join(document.select_one(".text-header").get_text().split())
    if all(a["family"] in byline for a in text.authors):
        assert not document.select_one(".text-header__authors")
    else:
        authors = " ".join(document.select_one(".text-header__authors").get_text().split())
        assert authors.startswith(string_table(text.locale)("edition.header.authors"))
        assert all(f"{a['given']} {a['family']}" in authors for a in text.authors), header


def test_abstract_keywords_and_licence_reach_the_header_and_every_form_that_holds_them(site, project, text):
    """Where the front matter gives them (and nowhere else): the header, Highwire, Dublin Core,
    JSON-LD, the .bib and the .ris, each as written."""
    citation, t = text.meta["citation"], string_table(text.locale)
    abstract, keywords, licence = citation.get("abstract"), citation.get("keywords", []), citation.get("licence")
    html = html_of(site, text.url)
    document = BeautifulSoup(html, "html.parser")
    header = document.select_one(".text-header")

    def shown(selector):
        found = header.select_one(selector)
        return found and " ".join(found.get_text().split())

    assert shown(".text-header__abstract") == (f"{t('edition.header.abstract')} {abstract}" if abstract else None)
    assert shown(".text-header__keywords") == (
        f"{t('edition.header.keywords')} {'; '.join(keywords)}" if keywords else None
    )
    link = header.select_one('a[rel="license"]')
    assert (link and (link.get_text(), link["href"])) == (
        (licence["name"], licence["url"]) if licence and licence.get("url") else None
    )
    assert meta(document, "citation_keywords") == keywords
    assert meta(document, "citation_abstract") == meta(document, "DC.description") == ([abstract] if abstract else [])
    assert meta(document, "DC.rights") == ([licence.get("url") or licence["name"]] if licence else [])
    article = jsonld(html, "ScholarlyArticle")
    assert (article.get("abstract"), article.get("keywords", []), article.get("license")) == (
        abstract, keywords, licence and (licence.get("url") or licence["name"]))  # fmt: skip
    key = citation["bibtex_key"]
    entry = parse_string((site / text.url / f"{key}.bib").read_text(encoding="utf-8"), "bibtex").entries[key]
    assert entry.fields.get("abstract", "").replace("\\&", "&") == (abstract or "")
    assert entry.fields.get("keywords") == (", ".join(keywords) if keywords else None)
    lines = (site / text.url / f"{key}.ris").read_bytes().decode("utf-8").split("\r\n")
    ris = [tuple(line.split("  - ", 1)) for line in lines if line.strip()]
    assert [value for tag, value in ris if tag == "KW"] == keywords
    assert [value for tag, value in ris if tag == "AB"] == ([abstract] if abstract else [])


def test_the_original_publication_is_given_in_the_header_and_every_citation_form(site, project, text):
    """What the front matter gives of the first publication, as GOST R 7.0.5 writes a container
    (the date, or «[б. г.]» where it is not given; the volume, issue and pages with the words
    of the text's language), in the header, the GOST citation, the .bib, the .ris and DC.source;
    Google Scholar's date is the original's where given."""
    original, t = text.meta["citation"].get("original"), string_table(text.locale)
    html = html_of(site, text.url)
    document = BeautifulSoup(html, "html.parser")
    shown = document.select_one(".text-header__original")
    date = meta(document, "citation_publication_date")
    if not original:
        assert shown is None and date == [f"{project.record.released:%Y/%m/%d}"]
        return
    parts = [
        original.get("container"),
        str(original["date"]) if "date" in original else f"[{t('edition.gost.no-date')}]",
        "volume" in original and f"{t('edition.gost.volume')} {original['volume']}",
        "issue" in original and f"№ {original['issue']}",
        "pages" in original and f"{t('edition.gost.pages')} {original['pages']}",
        original.get("doi") and f"DOI: {original['doi']}",
    ]
    parts = [part for part in parts if part]

    def in_order(text_: str) -> bool:
        flat = " ".join(text_.split())
        positions = [flat.find(part) for part in parts]
        return -1 not in positions and positions == sorted(positions)

    assert shown.get_text().startswith(t("edition.header.original")) and in_order(shown.get_text())
    gost = document.select_one("section.how-to-cite .cite-gost").get_text()
    assert in_order(gost.split(t("edition.header.original"), 1)[1])
    assert in_order(meta(document, "DC.source")[0])
    key = text.meta["citation"]["bibtex_key"]
    entry = parse_string((site / text.url / f"{key}.bib").read_text(encoding="utf-8"), "bibtex").entries[key]
    assert in_order(entry.fields["addendum"]) and entry.fields.get("origdate") == (
        str(original["date"]) if "date" in original else None
    )
    ris = (site / text.url / f"{key}.ris").read_bytes().decode("utf-8")
    assert in_order(re.search(r"^OP  - (.*)$", ris, re.M).group(1))
    given = original.get("date", project.record.released)
    assert date == [f"{given:%Y/%m/%d}" if isinstance(given, datetime.date) else str(given)]


def test_every_page_has_link_previews_in_its_language(site, server, project):
    for src, url in project.pages.items():
        locale = src.split("/")[0]
        og = extruct.extract(html_of(site, url), base_url=server + url, uniform=True, syntaxes=["opengraph"])[
            "opengraph"
        ][0]
        citable = any(t.src == src for t in project.texts)
        assert og["@type"] == ("article" if citable else "website"), url
        assert og["og:url"] == server + url and og["og:title"] and og["og:description"]
        assert og["og:locale"] == string_table(locale)("edition.og.locale")
        assert og["og:site_name"] == site_name(project, locale)
        document = BeautifulSoup(html_of(site, url), "html.parser")
        title = document.title.get_text()
        assert title in (f"{og['og:title']} - {og['og:site_name']}", og["og:site_name"]), title


def test_description_canonical_and_absolute_hreflang_only_on_translated_pages(site, server, project):
    for src, url in project.pages.items():
        document = BeautifulSoup(html_of(site, url), "html.parser")
        assert document.select_one('meta[name="description"]')["content"]
        assert document.select_one('link[rel="canonical"]')["href"] == server + url
        hreflang = {link["hreflang"]: link["href"] for link in document.select('link[rel="alternate"][hreflang]')}
        versions = [f"{locale}/{src.split('/', 1)[1]}" for locale in project.locales]
        translated = [v for v in versions if v in project.pages]
        if len(translated) < 2:
            assert hreflang == {}, url
        else:
            assert hreflang == {
                **{v.split("/")[0]: server + project.url(v) for v in translated},
                "x-default": server + project.url(f"{project.default}/{src.split('/', 1)[1]}"),
            }


def test_citation_cff_validates_carries_the_records_version_and_credits_honestly(project):
    result = subprocess.run(
        [Path(sys.executable).parent / "cffconvert", "--validate", "-i", project.root / "CITATION.cff"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and "valid according to schema version 1.2.0" in result.stdout, result.stderr[-2000:]
    cff = yaml.safe_load((project.root / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["version"] == project.record.version and cff["date-released"] == project.record.released
    cited = cff.get("preferred-citation")
    if cited:  # the text it names, as its front matter names its authors; the editors are not its authors
        text = next(text for text in project.texts if text.meta["citation"]["title"] == cited["title"])
        assert [a["family-names"] for a in cited.get("authors", [])] == [a["family"] for a in text.authors]
        assert not any(a["family"] in json.dumps(cff["authors"], ensure_ascii=False) for a in text.authors)
        # what the front matter gives of the text, as CFF names it
        citation, original = text.meta["citation"], text.meta["citation"].get("original", {})
        pages = re.split(r"\s*[–-]+\s*", str(original.get("pages", ""))) if original.get("pages") else []
        given = {
            "journal": original.get("container"),
            "year": original["date"] if isinstance(original.get("date"), int) else None,
            "volume": original.get("volume"),
            "issue": original.get("issue"),
            "start": pages and int(pages[0]),
            "end": pages[1:] and int(pages[-1]),
            "doi": original.get("doi"),
            "abstract": citation.get("abstract"),
            "keywords": citation.get("keywords"),
        }
        assert {key: cited.get(key) for key, value in given.items() if value} == {k: v for k, v in given.items() if v}


def test_without_scripts_how_to_cite_has_no_access_date(site, text):
    """The only date is the cited version's release (a build's day would pass for an access date)."""
    block = BeautifulSoup(html_of(site, text.url), "html.parser").select_one("section.how-to-cite")
    for hidden in block.select(".access-date"):
        assert hidden.has_attr("hidden") and not hidden.select_one("[data-date]").get_text()
    released = text.project.record.released
    dates = set(re.findall(r"\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2}", block.get_text()))
    assert dates == {f"{released:%d.%m.%Y}", released.isoformat()}


def test_robots_txt_names_the_sitemap_and_each_sitemap_lists_its_own_pages(site, server, project):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert re.findall(r"^Sitemap: (\S+)$", robots, re.M) == [server + "sitemap.xml"]
    assert "Disallow" not in robots
    for sitemap in site.rglob("sitemap.xml"):
        below = sitemap.parent.relative_to(site).as_posix()
        folder = server + ("" if below == "." else below + "/")
        listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")))
        expected = {server + url for url in project.pages.values() if (server + url).startswith(folder)}
        assert listed == expected, sitemap


def test_the_gost_citation_brackets_a_title_the_editors_supplied(site, text):
    """GOST R 7.0.5: a title the source does not give, supplied by the editors, stands in square brackets."""
    citation = text.meta["citation"]
    gost = " ".join(BeautifulSoup(html_of(site, text.url), "html.parser").select_one(
        "section.how-to-cite .cite-gost").get_text().split())  # fmt: skip
    bracketed = f"[{citation['title']}]"
    assert (bracketed in gost) == bool(citation.get("title_supplied")), gost
    assert citation["title"] in gost
