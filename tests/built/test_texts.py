"""The texts as built, against their Markdown, refs.bib and edition-record.yml:
citations, the reference list, paragraphs, the emendations, and fidelity to the
source where the record declares one."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from scholarly_edition.edition_record import counts
from scripts.check_fidelity import check_glyphs, check_page
from strings_helper import string_table, work_language_table


def soup(site, url) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_citations_are_shown_as_the_markdown_gives_them_in_its_order(site, text):
    page = soup(site, text.url)
    shown = [" ".join(a.get_text().split()) for a in page.select("article a.citation")]  # no-break spaces as spaces
    assert shown == text.shown_citations()
    assert "@" not in "".join(p.get_text() for p in page.select("article p[id]"))


def test_the_reference_list_holds_each_cited_source_in_order_formatted_from_refs_bib(site, project, text):
    page = soup(site, text.url)
    entries = page.select("ol.references > li")
    t = string_table(text.locale)
    assert [li["id"] for li in entries] == [f"ref-{key}" for key in text.cited_keys]
    assert [li["value"] for li in entries] == [str(n) for n in range(1, len(text.cited_keys) + 1)]
    for li, key in zip(entries, text.cited_keys, strict=True):
        words = work_language_table(project.references[key].language) or t
        shown = " ".join(li.select_one(".reference-text").get_text().split())  # no-break spaces as spaces
        assert shown == project.reference_text(key, words)
    note = page.select_one(".references-note")
    unknown = [key for key in text.cited_keys if not project.references[key].known]
    assert bool(note) == bool(unknown)
    if note:
        assert note.get_text() == t("edition.reference.missing")


def test_each_citation_links_to_its_entry_and_each_entry_links_back(site, text):
    page = soup(site, text.url)
    citations = page.select("article a.citation")
    for link in citations:
        entry = page.select_one(link["href"])
        assert entry is not None and entry.name == "li" and link.get_text().startswith(f"[{entry['value']}")
        assert entry.select_one(f'.reference-backlinks a[href="#{link["id"]}"]'), link
    backlinks = page.select(".reference-backlinks a")
    assert sorted(a["href"] for a in backlinks) == sorted(f"#{a['id']}" for a in citations)


def test_every_paragraph_has_its_markdown_id_its_number_and_its_cite_button(site, text):
    page = soup(site, text.url)
    t = string_table(text.locale)
    paragraphs = page.select("article p[id^='p-']")
    assert [p["id"] for p in paragraphs] == text.paragraph_ids
    for p in paragraphs:
        number = p.select_one("a.paragraph-number")
        assert p.contents[0] is number and number["href"] == f"#{p['id']}"
        assert number["data-number"] == p["id"][2:] and not number.get_text()
        assert number["aria-label"] == t("edition.cite.paragraph").replace("#", p["id"][2:])
        assert p.select_one("button.paragraph-cite")["data-paragraph"] == p["id"]
    ids = [node["id"] for node in page.select("[id]")]
    assert len(ids) == len(set(ids))


def has_source(text) -> bool:
    """The record declares the source text this text comes from."""
    return text.src in text.project.record.source_parts()


@pytest.mark.texts(where=has_source)
def test_each_text_is_the_source_but_for_the_recorded_changes(site, project, text):
    html = (site / text.built).read_text(encoding="utf-8")
    assert check_page(project.record.source_parts()[text.src], html, project.record.changes_of(text.src)) == []


@pytest.mark.editions(where=lambda project: project.record.glyphs)
def test_the_recorded_glyph_counts_are_the_sources(project):
    assert check_glyphs(project.record.source_parts()[project.record.glyphs["page"]], project.record) == []


@pytest.mark.parametrize(
    "mutate",
    [
        lambda words: [*words[:-2], words[-2] + ";"],  # a punctuation mark
        lambda words: [words[0].lower(), *words[1:]],  # the case of one letter
        lambda words: [*words[:-2], words[-2] + words[-1]],  # a space lost
        lambda words: words[:-1],  # a word
    ],
    ids=["mark", "case", "space", "word"],
)
@pytest.mark.texts(where=has_source)
def test_one_changed_mark_letter_case_space_or_word_fails(site, project, text, mutate):
    html = (site / text.built).read_text(encoding="utf-8")
    paragraph = BeautifulSoup(html, "html.parser").select_one(f"#{text.paragraph_ids[-1]}")
    sentence = paragraph.get_text().split(". ")[-1].strip()
    words = sentence.split(" ")
    changed = html.replace(sentence, " ".join(mutate(words)), 1)
    assert changed != html
    assert len(check_page(project.record.source_parts()[text.src], changed, project.record.changes_of(text.src))) == 1


@pytest.mark.texts(where=lambda text: has_source(text) and text.project.record.changes_of(text.src))
def test_an_unrecorded_change_fails(site, project, text):
    html = (site / text.built).read_text(encoding="utf-8")
    changes = project.record.changes_of(text.src)
    assert check_page(
        project.record.source_parts()[text.src], html, changes[1:]
    )  # the first change, no longer recorded


def test_each_emendation_shows_the_sources_reading_where_it_stands_and_is_not_searched(site, project):
    for change in project.record.changes:
        if change["kind"] != "emendation":
            continue
        url = project.url(change["page"])
        emendation = soup(site, url).select_one(f"#{change['paragraph']} .emendation")
        t = string_table(change["page"].split("/")[0])
        assert emendation.get_text() == change["text"]
        assert emendation["data-note"] == t("edition.emendation.source").replace("#", change["source"])
        index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
        searched = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(url))
        assert change["text"] in searched and change["source"] not in searched


def test_the_about_pages_show_the_records_counts_forms_and_versions(site, project, locale):
    """Each `<!-- record: … -->` line of the about page becomes its table, from the record."""
    record, about = project.record, f"{locale}/about.md"
    markers = re.findall(r"^<!-- record: (\w+) -->$", (project.root / "docs" / about).read_text(encoding="utf-8"), re.M)
    document = soup(site, project.url(about))
    tables = dict(
        zip([m for m in markers if m not in ("version", "files")], document.select("article table"), strict=True)
    )
    if "repairs" in tables:
        shown = [int(row.select("td")[-1].get_text()) for row in tables["repairs"].select("tbody tr")]
        assert shown == [count for _, count in counts(record)]
    if "kept" in tables:
        kept_forms = [cell.get_text() for row in tables["kept"].select("tbody tr") for cell in row.select("td")[1:2]]
        for kept_kind, cell in zip(record.kept, kept_forms, strict=True):
            assert cell == ", ".join(f"«{form}»" for form in kept_kind["forms"])
            page_text = soup(site, project.url(kept_kind["page"])).select_one("article").get_text()
            assert all(form in page_text for form in kept_kind["forms"])
    assert [row.select_one("td").get_text() for row in tables["corrections"].select("tbody tr")] == [
        str(c["version"]) for c in record.corrections
    ]
    assert any(record.version in p.get_text() for p in document.select("article p"))  # wherever the editor put it
    assert str(record.released) not in document.select_one("article").get_text()  # dates as readers write them


@pytest.mark.texts(where=lambda text: text.meta["citation"].get("fragment"))
def test_the_fragment_is_marked_and_still_breaks_off(site, text):
    article = soup(site, text.url).article
    assert article.select_one(".admonition") and article.select_one(".fragment-break")
    last = text.source.split("{ #" + text.paragraph_ids[-1] + " }")[0].strip().split("\n")[-1]
    assert article.select_one(f"#{text.paragraph_ids[-1]}").get_text().strip().endswith(last[-30:])
