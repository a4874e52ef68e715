"""Every sentence of the source appears in the built page of its language."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.check_fidelity import PAGES, SOURCE, letters, missing_sentences, sentences, split_source

PARTS = split_source(SOURCE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_source_sentence_is_in_the_built_page(site, lang):
    html = (site / PAGES[lang]).read_text(encoding="utf-8")
    checked, missing = missing_sentences(PARTS[lang], html)
    assert checked >= {"kk": 85, "ru": 4}[lang]
    assert missing == []


def _kk_page(site: Path) -> str:
    return (site / PAGES["kk"]).read_text(encoding="utf-8")


def test_a_one_word_change_in_the_built_page_fails_the_check(site):
    html = _kk_page(site)
    assert "Гарвард" in html
    _, missing = missing_sentences(PARTS["kk"], html.replace("Гарвард", "Оксфорд", 1))
    assert len(missing) == 1 and "Гарвард" in missing[0]


def test_a_changed_page_locator_fails_the_check(site):
    html = _kk_page(site)
    assert html.count(", С. 183") == 1
    _, missing = missing_sentences(PARTS["kk"], html.replace(", С. 183", ", С. 184"))
    assert len(missing) == 1 and "183" in missing[0]


def test_the_russian_fragment_still_breaks_off_mid_sentence(site):
    article = BeautifulSoup((site / PAGES["ru"]).read_text(encoding="utf-8"), "html.parser").article
    assert article.select_one("#p-1").get_text().rstrip("¶ ").endswith("и железная дорога,")
    assert "обрывается" in article.select_one(".fragment-break").get_text()


def test_sentences_and_letters():
    assert letters("«Жұмсақ күш» – [1, С. 183].") == "жұмсаққүш1с183".replace("ққ", "қк")
    assert sentences("Бір. Екі!\nҮш") == ["Бір.", "Екі!", "Үш"]
