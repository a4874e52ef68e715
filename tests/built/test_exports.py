"""Each text's TEI P5 and JATS 1.3 exports (exports.py), beside its page: valid against
the schemas in tests/schemas/, linked from the page and its head, holding what the
front matter, refs.bib and the record give, reading as the page and the source read,
and the same bytes from the same commit."""

import re

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from conftest import build_site, make_offline
from expected import ROOT
from schemas_helper import problems
from scholarly_edition.edition_record import tokens
from scholarly_edition.exports import JATS_DOCTYPE, text_of
from scripts.check_fidelity import check_export, page_tokens
from strings_helper import rights_sentence, string_table

TEI = {"t": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}
XLINK = "{http://www.w3.org/1999/xlink}href"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TYPES = {"tei": "application/tei+xml", "jats": "application/jats+xml"}


def export_of(site, text, kind: str):
    return site / text.url / f"{text.meta['citation']['bibtex_key']}.{kind}.xml"


def tree(site, text, kind: str):
    return etree.fromstring(export_of(site, text, kind).read_bytes())


def page_of(site, text) -> BeautifulSoup:
    return BeautifulSoup((site / text.built).read_text(encoding="utf-8"), "html.parser")


def published(site, text) -> str:
    """The text's address as the page's own "how to cite" gives it."""
    link = page_of(site, text).select_one(".how-to-cite .cite-gost a")
    return link["href"] if link else ""


def site_name(project, locale) -> str:
    """The edition's name in the language (its own site_name under i18n, else the site's)."""
    language = next(language for language in project.languages if language["locale"] == locale)
    return language.get("site_name") or project.config["site_name"]


def flat(value) -> str:
    return " ".join(str(value).split())


@pytest.mark.parametrize("kind", ["tei", "jats"])
def test_each_export_is_valid_against_its_schema(site, text, kind):
    path = export_of(site, text, kind)
    assert problems(path.read_bytes(), kind, path.name) == []


def test_the_jats_declares_the_archiving_dtd(site, text):
    assert export_of(site, text, "jats").read_text(encoding="utf-8").split("\n")[1] == JATS_DOCTYPE


@pytest.mark.parametrize("kind", ["tei", "jats"])
def test_the_page_links_each_export_in_its_downloads_and_its_head(site, text, kind):
    page, name = page_of(site, text), export_of(site, text, kind).name
    assert export_of(site, text, kind).is_file()
    link = page.select_one(f'.text-header__links a[type="{TYPES[kind]}"]')
    assert link["href"] == name and link.get_text() == string_table(text.locale)(f"edition.download.{kind}")
    assert [a["href"] for a in page.select(f'head link[rel="alternate"][type="{TYPES[kind]}"]')] == [name]


def test_the_tei_header_holds_the_text_the_edition_and_the_record(site, project, text):
    root, citation, t = tree(site, text, "tei"), text.meta["citation"], string_table(text.locale)
    record, header = project.record, tree(site, text, "tei").find("t:teiHeader", TEI)
    one = lambda path: header.find(path, TEI)  # noqa: E731
    assert root.get(f"{{{TEI['xml']}}}lang") == text.locale
    assert one("t:fileDesc/t:titleStmt/t:title[@type='main']").text == citation["title"]
    authors = header.findall("t:fileDesc/t:titleStmt/t:author", TEI)
    assert [a.findtext("t:persName/t:surname", namespaces=TEI) for a in authors] == [a["family"] for a in text.authors]
    for element, author in zip(authors, text.authors, strict=True):
        assert element.findtext("t:persName/t:forename", namespaces=TEI) == author.get("given")
        assert element.findtext("t:affiliation", namespaces=TEI) == author.get("affiliation")
        assert element.findtext("t:idno[@type='ORCID']", namespaces=TEI) == author.get("orcid")
    edition = one("t:fileDesc/t:editionStmt/t:edition")
    assert edition.get("n") == record.version and edition.find("t:date", TEI).get("when") == record.released.isoformat()
    assert edition.findtext("t:title", namespaces=TEI) == site_name(project, text.locale)
    assert one("t:fileDesc/t:editionStmt/t:respStmt/t:orgName").text == t("edition.export.editors")
    assert one("t:fileDesc/t:publicationStmt/t:date").get("when") == record.released.isoformat()
    assert one("t:fileDesc/t:publicationStmt/t:idno[@type='URI']").text == published(site, text)
    licence = citation.get("licence")
    availability = one("t:fileDesc/t:publicationStmt/t:availability")
    if licence:
        assert availability.find("t:licence", TEI).text == licence["name"]
        assert availability.find("t:licence", TEI).get("target") == licence.get("url")
    else:
        assert availability.findtext("t:p", namespaces=TEI) == rights_sentence(text.meta["citation"], t)
    assert one("t:profileDesc/t:langUsage/t:language").get("ident") == text.locale
    assert [c.get("n") for c in header.findall("t:revisionDesc/t:change", TEI)] == [
        str(c["version"]) for c in record.corrections
    ]
    assert [c.get("when") for c in header.findall("t:revisionDesc/t:change", TEI)] == [
        c["date"].isoformat() for c in record.corrections
    ]
    abstract = one("t:profileDesc/t:abstract/t:p")
    assert (abstract.text if abstract is not None else None) == citation.get("abstract")
    assert [term.text for term in header.findall("t:profileDesc/t:textClass/t:keywords/t:term", TEI)] == (
        citation.get("keywords") or []
    )


def test_the_tei_source_description_says_what_is_known_of_the_original(site, project, text):
    header, citation = tree(site, text, "tei").find("t:teiHeader", TEI), text.meta["citation"]
    original, t = citation.get("original") or {}, string_table(text.locale)
    bibl = header.find("t:fileDesc/t:sourceDesc/t:bibl[@type='original']", TEI)
    assert bibl.findtext("t:title[@level='a']", namespaces=TEI) == citation["title"]
    assert bibl.findtext("t:title[@level='j']", namespaces=TEI) == original.get("container")
    date = bibl.findtext("t:date", namespaces=TEI)
    assert date == (str(original["date"]) if original.get("date") else f"[{t('edition.gost.no-date')}]")
    for key, unit in (("volume", "volume"), ("issue", "issue"), ("pages", "page")):
        assert bibl.findtext(f"t:biblScope[@unit='{unit}']", namespaces=TEI) == (
            str(original[key]) if original.get(key) else None
        )
    assert bibl.findtext("t:idno[@type='DOI']", namespaces=TEI) == original.get("doi")
    described = text.src in project.record.source_parts() and project.record.source.get("description", {})
    extract = header.find("t:fileDesc/t:sourceDesc/t:bibl[@type='extract']/t:note", TEI)
    assert (extract.text if extract is not None else None) == (
        flat(described[text.locale]) if described and described.get(text.locale) else None
    )


def test_the_tei_encoding_states_every_repair_and_every_kept_form_of_the_text(site, project, text):
    header, record = tree(site, text, "tei").find("t:teiHeader", TEI), project.record
    stated = (
        flat("".join(header.find("t:encodingDesc", TEI).itertext()))
        if header.find("t:encodingDesc", TEI) is not None
        else ""
    )
    changes = record.changes_of(text.src)
    for change in changes:
        assert f"«{change['source']}» → «{change['text']}» (#{change['paragraph']})" in stated
    glyphs = record.glyphs.get("letters", []) if record.glyphs.get("page") == text.src else []
    for glyph in glyphs:
        assert f"{glyph['source']} → {glyph['text']} ({glyph['count']})" in stated
    kept = [form for k in record.kept if k["page"] == text.src for form in k["forms"]]
    for form in kept:
        assert f"«{form}»" in stated
    assert bool(stated) == bool(changes or glyphs or kept)


def test_the_tei_text_has_the_pages_sections_paragraphs_citations_and_emendations(site, project, text):
    root, page = tree(site, text, "tei"), page_of(site, text)
    body = root.find("t:text/t:body", TEI)
    headings = [h["id"] for h in page.select("article h2[id], article h3[id]") if h["id"] != "how-to-cite"]
    divs = [d.get(XML_ID) for d in body.iter(f"{{{TEI['t']}}}div")]
    assert divs == [h for h in headings if h != text.reference_section]
    assert [p.get(XML_ID) for p in root.iter(f"{{{TEI['t']}}}p") if (p.get(XML_ID) or "").startswith("p-")] == (
        text.paragraph_ids
    )
    refs = root.findall(".//t:ref[@type='citation']", TEI)
    assert [flat("".join(r.itertext())) for r in refs] == [flat(s) for s in text.shown_citations()]
    assert [r.get("target") for r in refs] == [f"#ref-{key}" for key, _ in text.citations]
    listed = root.findall("t:text/t:back/t:div/t:listBibl/*", TEI)
    assert [entry.get(XML_ID) for entry in listed] == [f"ref-{key}" for key in text.cited_keys]
    for entry, key in zip(listed, text.cited_keys, strict=True):
        reference = project.references[key]
        if reference.known:
            assert reference.get("title") in [title.text for title in entry.iter(f"{{{TEI['t']}}}title")]
            assert entry.findtext(".//t:idno[@type='DOI']", namespaces=TEI) == (reference.get("doi") or None)
        else:
            assert entry.findtext("t:note", namespaces=TEI) == reference.get("note")
    emendations = [c for c in project.record.changes_of(text.src) if c["kind"] == "emendation"]
    choices = root.findall(".//t:choice", TEI)
    paragraph = lambda c: next(p for p in c.iterancestors(f"{{{TEI['t']}}}p")).get(XML_ID)  # noqa: E731
    found = [(paragraph(c), c.findtext("t:sic", namespaces=TEI), c.findtext("t:corr", namespaces=TEI)) for c in choices]
    # The record lists emendations in the order they were made; the text, in its own order.
    assert sorted(found) == sorted((c["paragraph"], c["source"], c["text"]) for c in emendations)


def test_the_jats_front_holds_the_text_and_the_edition(site, project, text):
    root, citation, record = tree(site, text, "jats"), text.meta["citation"], project.record
    meta = root.find("front/article-meta")
    assert root.get(f"{{{TEI['xml']}}}lang") == text.locale and root.get("dtd-version") == "1.3"
    name = site_name(project, text.locale)
    assert root.findtext("front/journal-meta/journal-title-group/journal-title") == name
    assert meta.findtext("title-group/article-title") == citation["title"]
    contribs = meta.findall("contrib-group/contrib[@contrib-type='author']")
    assert [c.findtext("name/surname") for c in contribs] == [a["family"] for a in text.authors]
    assert [c.findtext("name/given-names") for c in contribs] == [a.get("given") for a in text.authors]
    assert meta.find("pub-date").get("iso-8601-date") == record.released.isoformat()
    assert meta.findtext("article-version") == record.version
    assert meta.find("self-uri").get(XLINK) == published(site, text)
    licence = citation.get("licence")
    if licence:
        assert meta.findtext("permissions/license/license-p") == licence["name"]
        assert meta.find("permissions/license").get(XLINK) == licence.get("url")
    else:
        assert meta.findtext("permissions/copyright-statement") == rights_sentence(
            text.meta["citation"], string_table(text.locale)
        )
    assert meta.findtext("abstract/p") == citation.get("abstract")
    assert [k.text for k in meta.findall("kwd-group/kwd")] == (citation.get("keywords") or [])


def test_the_jats_body_and_back_have_the_pages_sections_paragraphs_and_references(site, project, text):
    root, page = tree(site, text, "jats"), page_of(site, text)
    headings = [h["id"] for h in page.select("article h2[id], article h3[id]") if h["id"] != "how-to-cite"]
    assert [s.get("id") for s in root.find("body").iter("sec")] == [h for h in headings if h != text.reference_section]
    assert [p.get("id") for p in root.find("body").iter("p") if (p.get("id") or "").startswith("p-")] == (
        text.paragraph_ids
    )
    xrefs = root.findall("body//xref[@ref-type='bibr']")
    assert [x.get("rid") for x in xrefs] == [f"ref-{key}" for key, _ in text.citations]
    assert [flat("".join(x.itertext())) for x in xrefs] == [flat(s) for s in text.shown_citations()]
    refs = root.findall("back/ref-list/ref")
    assert [r.get("id") for r in refs] == [f"ref-{key}" for key in text.cited_keys]
    for ref, key in zip(refs, text.cited_keys, strict=True):
        reference = project.references[key]
        assert ref.findtext("element-citation/pub-id[@pub-id-type='doi']") == (reference.get("doi") or None)
        if not reference.known:
            assert ref.findtext("element-citation/comment") == reference.get("note")
    notes = [fn.findtext("p") for fn in root.findall("back/fn-group/fn[@specific-use='emendation']")]
    t = string_table(text.locale)
    assert sorted(notes) == sorted(  # in the text's order, not the record's
        t("edition.emendation.source").replace("#", c["source"])
        for c in project.record.changes_of(text.src)
        if c["kind"] == "emendation"
    )


@pytest.mark.parametrize("kind", ["tei", "jats"])
def test_each_export_reads_as_its_page(site, text, kind):
    """The export's text (the edition's reading, without what the editors added) is the page's."""
    html = (site / text.built).read_text(encoding="utf-8")
    assert tokens(text_of(export_of(site, text, kind).read_bytes(), kind)) == page_tokens(html)


@pytest.mark.texts(where=lambda text: text.src in text.project.record.source_parts())
@pytest.mark.parametrize("kind", ["tei", "jats"])
def test_each_export_reads_as_the_source_but_for_the_recorded_changes(site, project, text, kind):
    xml, part = export_of(site, text, kind).read_bytes(), project.record.source_parts()[text.src]
    changes = project.record.changes_of(text.src)
    assert check_export(part, xml, kind, changes) == []
    last = text.paragraph_ids[-1]
    words = BeautifulSoup((site / text.built).read_text(encoding="utf-8"), "html.parser").select_one(f"#{last}")
    word = words.get_text().split()[-2]
    at = xml.index(f'id="{last}"'.encode())
    changed = xml[:at] + xml[at:].replace(word.encode(), (word + "x").encode(), 1)  # a word of its last paragraph
    assert len(check_export(part, changed, kind, changes)) == 1


@pytest.fixture(scope="module")
def built_again(tmp_path_factory):
    """edition -> its site built a second time, for the same address."""
    sites = {}

    def build(project, server):
        if project.root not in sites:
            again = tmp_path_factory.mktemp("again")
            result = build_site(project.root, again, server)
            assert result.returncode == 0, result.stderr
            sites[project.root] = again
        return sites[project.root]

    return build


@pytest.mark.parametrize("kind", ["tei", "jats"])
def test_one_commit_builds_the_same_export_bytes(site, server, project, text, kind, built_again):
    again = built_again(project, server)
    assert export_of(again, text, kind).read_bytes() == export_of(site, text, kind).read_bytes()
    assert not re.search(rb"T\d\d:\d\d", export_of(site, text, kind).read_bytes())  # no time of day, no build time


@pytest.mark.editions(where=lambda project: project.root == ROOT)
def test_the_offline_copy_holds_each_export_and_links_it(tmp_path, project):
    edition = make_offline(tmp_path)
    for text in project.texts:
        page_file = edition / (text.url.rstrip("/") + ".html")  # the offline copy's pages are files
        page = BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser")
        for kind, media in TYPES.items():
            name = f"{text.meta['citation']['bibtex_key']}.{kind}.xml"
            assert (edition / text.url / name).read_bytes().startswith(b"<?xml")
            for link in (
                page.select_one(f'.text-header__links a[type="{media}"]'),
                page.select_one(f'head link[rel="alternate"][type="{media}"]'),
            ):
                assert (page_file.parent / link["href"]).resolve() == (edition / text.url / name).resolve()
