"""The PDF edition of each text, beside its page: what it holds, how it is
made, and that it reads back as the source (scripts/check_fidelity.py)."""

import re
import subprocess

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import build_site
from expected import ROOT
from scripts.check_fidelity import check_pdf
from strings_helper import rights_sentence, string_table


def pdf_of(site, text):
    return site / text.url / f"{text.meta['citation']['bibtex_key']}.pdf"


def page_of(site, text):
    return BeautifulSoup((site / text.built).read_text(encoding="utf-8"), "html.parser")


def pdftotext(pdf, *args) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_the_pdf_is_a4_small_and_named_for_the_text_in_its_language(site, text):
    reader = PdfReader(pdf_of(site, text))
    citation = text.meta["citation"]
    assert pdf_of(site, text).stat().st_size <= 400 * 1024
    assert all(round(float(p.mediabox.width)) == 595 and round(float(p.mediabox.height)) == 842 for p in reader.pages)
    info = reader.metadata
    assert info.title == citation["title"] and info.subject == citation.get("abstract", text.meta["description"])
    if citation.get("keywords"):
        assert info["/Keywords"].endswith(", ".join(citation["keywords"]))
    licence, t = citation.get("licence"), string_table(text.locale)
    assert info["/rights"] == ((licence.get("url") or licence["name"]) if licence else rights_sentence(citation, t))
    original = citation.get("original")
    assert ("/source" in info) == bool(original)
    if original:
        assert (
            info["/source"].startswith(t("edition.header.original"))
            and original.get("container", "") in info["/source"]
        )
    names = ", ".join(f"{a['family']} {a['initials']}" for a in text.authors)
    assert info.author == (names or None)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == text.locale and root["/ViewerPreferences"]["/DisplayDocTitle"]


def test_the_pdf_is_tagged_pdf_ua_1(site, text):
    root = PdfReader(pdf_of(site, text)).trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    assert re.search(r'pdfuaid:part="1"', root["/Metadata"].get_object().get_data().decode("utf-8"))


def test_every_id_of_the_page_opens_the_pdf_there_and_the_outline_lists_the_sections(site, text):
    reader = PdfReader(pdf_of(site, text))
    ids = {node["id"] for node in page_of(site, text).select("article [id]")}
    assert ids and ids <= set(reader.named_destinations)
    sections = [h.get_text().replace("¶", "").strip() for h in page_of(site, text).select("article h2")]
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    nested = [item.title for group in reader.outline if isinstance(group, list) for item in group]
    assert sections == [title for title in outline + nested if title in sections]


def test_citations_link_to_their_entries(site, text):
    reader = PdfReader(pdf_of(site, text))
    targets = [
        annot.get_object().get("/Dest")
        for p in reader.pages
        for annot in (p.get("/Annots") or [])
        if annot.get_object().get("/Subtype") == "/Link"
    ]
    cited = [a["href"][1:] for a in page_of(site, text).select("article a.citation")]
    assert {str(t) for t in targets if t is not None} >= set(cited)


def test_only_pt_serif_is_embedded(site, text):
    fonts = pdftotext_fonts(pdf_of(site, text))
    assert fonts and all("PT-Serif" in name and embedded == "yes" for name, embedded in fonts), fonts


def pdftotext_fonts(pdf):
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return [(line.split()[0], line.split()[-5]) for line in lines]


def test_every_page_carries_the_short_title_the_version_the_address_and_its_number(site, server, project, text):
    t, record = string_table(text.locale), project.record
    pages = [p for p in pdftotext(pdf_of(site, text), "-layout").split("\f") if p.strip()]
    head = text.meta["citation"].get("short_title") or text.meta["citation"]["title"]
    url = f"{server}{text.url}{text.meta['citation']['bibtex_key']}.pdf"
    for number, page in enumerate(pages, start=1):
        flat = " ".join(page.split())
        assert head in flat and record.version in flat and url in flat, (number, flat[:200])
        counter = t("edition.pdf.page").replace("{page}", str(number)).replace("{pages}", str(len(pages)))
        assert counter in flat, (number, counter)


def test_paragraph_numbers_stand_in_the_margin(site, text):
    margin = pdftotext(pdf_of(site, text), "-x", "0", "-y", "60", "-W", "78", "-H", "720")
    assert [int(n) for n in margin.split()] == [int(pid[2:]) for pid in text.paragraph_ids]


@pytest.mark.texts(where=lambda text: text.src in text.project.record.source_parts())
def test_the_pdf_reads_back_as_the_source_and_as_its_page(site, project, text):
    html = (site / text.built).read_text(encoding="utf-8")
    changes = project.record.changes_of(text.src)
    assert check_pdf(project.record.source_parts()[text.src], html, pdf_of(site, text), changes) == []
    last = text.paragraph_ids[-1]
    words = BeautifulSoup(html, "html.parser").select_one(f"#{last}").get_text().split()
    changed = html.replace(words[-2], words[-2] + "x", 1)  # one word of the page changed, not of the PDF
    assert check_pdf(project.record.source_parts()[text.src], changed, pdf_of(site, text), changes)


def test_the_emendation_is_marked_as_on_the_web_and_how_to_cite_names_the_pdf(site, server, project):
    for change in (c for c in project.record.changes if c["kind"] == "emendation"):
        text = next(t for t in project.texts if t.src == change["page"])
        flat = " ".join(pdftotext(pdf_of(site, text)).split())
        note = string_table(text.locale)("edition.emendation.source").replace("#", change["source"])
        assert f"{change['text']} [{note}]" in flat
    for text in project.texts:
        flat = " ".join(pdftotext(pdf_of(site, text)).split())
        assert f"URL: {server}{text.url}{text.meta['citation']['bibtex_key']}.pdf" in flat


def test_the_page_links_its_pdf_and_names_it_for_citation_managers(site, server, text):
    page = page_of(site, text)
    name = f"{text.meta['citation']['bibtex_key']}.pdf"
    assert page.select_one(f'.text-header a[href="{name}"]')["type"] == "application/pdf"
    assert page.select_one('meta[name="citation_pdf_url"]')["content"] == f"{server}{text.url}{name}"


# What makes a PDF differ between builds is the generator's, not an edition's: checked on the
# edition the suite is run for, not again on each fixture edition.
@pytest.mark.editions(where=lambda project: project.root == ROOT)
def test_one_commit_builds_the_same_pdf_bytes(site, server, tmp_path, project):
    again = tmp_path / "again"
    result = build_site(project.root, again, server, pdf=True)
    assert result.returncode == 0, result.stderr
    for text in project.texts:
        assert pdf_of(again, text).read_bytes() == pdf_of(site, text).read_bytes(), text.src


def test_the_pdf_leaves_out_what_only_a_screen_uses(site, text):
    """The web header's toggle and download links have nothing to do on paper."""
    t = string_table(text.locale)
    flat = " ".join(pdftotext(pdf_of(site, text)).split())
    assert t("edition.header.summary") not in flat
    assert t("edition.download.bibtex") not in flat.split(t("edition.cite.heading"))[0]
