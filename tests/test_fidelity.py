"""The built texts are the source's, token by token, but for what
edition-record.yml records; the about pages show that record."""

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from edition_record import apply_changes, load_record, tokens
from scripts.check_fidelity import PAGES, SOURCE, check_glyphs, check_page, split_source
from scripts.repair_glyphs import count_glyphs

ROOT = Path(__file__).resolve().parent.parent
PARTS = split_source(SOURCE.read_text(encoding="utf-8"))
RECORD = load_record(ROOT / "edition-record.yml")


def changes_of(page):
    return [change for change in RECORD["changes"] if change["page"] == page]


def built(site, page):
    return (site / PAGES[page]).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_each_text_is_the_source_but_for_the_recorded_changes(site, page):
    assert check_page(PARTS[page], built(site, page), changes_of(page)) == []


def test_the_recorded_glyph_counts_are_the_sources():
    assert check_glyphs(PARTS[RECORD["glyphs"]["page"]], RECORD) == []


@pytest.mark.parametrize("old, new", [
    ("бүкіл әлемге белгілі болған екен.", "бүкіл әлемге белгілі болған екен;"),  # a punctuation mark
    ("Кемерово қаласындағы", "кемерово қаласындағы"),  # the case of one letter
    ("Кемерово қаласындағы", "Кемерово  қаласындағы"[:8] + "қаласындағы"),  # a space lost
    ("қысқа уақыттың", "қысқа уақыт"),  # a word
])
def test_one_changed_mark_letter_case_space_or_word_fails(site, old, new):
    html = built(site, "kk/diplomacy.md")
    assert old in html
    found = check_page(PARTS["kk/diplomacy.md"], html.replace(old, new, 1), changes_of("kk/diplomacy.md"))
    assert len(found) == 1, found


def test_a_change_not_recorded_fails():
    unrecorded = [change for change in changes_of("kk/diplomacy.md") if change["kind"] != "emendation"]
    page = (ROOT / "docs/kk/diplomacy.md").read_text(encoding="utf-8")
    html = f"<article>{page}</article>"
    assert any("ғшғнде" in difference for difference in check_page(PARTS["kk/diplomacy.md"], html, unrecorded))


def test_tokens_keep_punctuation_case_and_spaces():
    assert tokens("Бір, екі.Үш- төрт") == ["Бір", "+,", "екі", "+.", "+Үш", "+-", "төрт"]
    assert apply_changes(tokens("а келісім- шарттың б"), [{"source": "келісім- шарттың", "text": "келісім-шарттың"}]) == \
        tokens("а келісім-шарттың б")
    with pytest.raises(ValueError, match="occurs 0 times"):
        apply_changes(tokens("а б"), [{"source": "в", "text": "г"}])


def test_the_emendation_shows_the_sources_reading_where_it_stands_and_is_not_searched(site):
    paragraph = BeautifulSoup(built(site, "kk/diplomacy.md"), "html.parser").select_one("#p-14")
    emendation = paragraph.select_one(".emendation")
    assert emendation.get_text() == "ішінде" and emendation["data-note"] == "түпнұсқада: «ғшғнде»"
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    paper = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("diplomacy/"))
    assert "ішінде" in paper and "ғшғнде" not in paper


@pytest.mark.parametrize("about, locale", [("about/index.html", "kk"), ("ru/about/index.html", "ru")])
def test_the_about_pages_show_the_record_and_its_counts_match_the_text(site, about, locale):
    document = BeautifulSoup((site / about).read_text(encoding="utf-8"), "html.parser")
    repairs, kept, versions = document.select("article table")
    counts = [int(row.select("td")[-1].get_text()) for row in repairs.select("tbody tr")]
    glyphs = sum(count_glyphs(PARTS["kk/diplomacy.md"]).values())
    assert counts == [glyphs, 2, 2, 4, 1] and glyphs == 161
    assert "«ғшғнде» → «ішінде»" in repairs.get_text()
    kept_forms = [form for row in kept.select("tbody tr") for form in re.findall(r"«([^»]+)»", row.get_text())]
    text = BeautifulSoup(built(site, "kk/diplomacy.md"), "html.parser").select_one("article").get_text()
    assert len(kept_forms) == 17 and all(form in text for form in kept_forms)
    assert [row.select_one("td").get_text() for row in versions.select("tbody tr")] == ["1.1.0", "1.0.0"]
    assert RECORD["version"] in document.select_one("article p").get_text()


def test_citation_cff_carries_the_records_version_and_date():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["version"] == RECORD["version"] and cff["date-released"] == RECORD["released"]


def test_the_russian_fragment_still_breaks_off_mid_sentence(site):
    article = BeautifulSoup(built(site, "ru/transport.md"), "html.parser").article
    assert article.select_one("#p-1").get_text().rstrip("¶ ").endswith("и железная дорога,")
    assert "обрывается" in article.select_one(".fragment-break").get_text()
