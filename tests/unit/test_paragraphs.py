"""Citable paragraphs on plain strings: every paragraph of a text has an ASCII
p-N id, look-alikes and text that cannot carry one fail at their line."""

import markdown as python_markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from scholarly_edition.page_html import rewrite, tokenize
from scholarly_edition.paragraphs import add_links, check, paragraph_ids

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables"]


def _check(source: str):
    check(tokenize(python_markdown.markdown(source, extensions=EXTENSIONS)), "kk/t.md", source)


def test_top_level_quoted_and_loose_list_paragraphs_with_ids_pass():
    _check(
        "Бір.\n{ #p-1 }\n\n> Екі.\n> { #p-2 }\n\n- Үш.\n  { #p-3 }\n\n- Төрт.\n  { #p-4 }\n\n"
        '<p class="udc">УДК</p>\n\n!!! note "Ескерту"\n\n    Редакция жазбасы.\n'
    )


@pytest.mark.parametrize(
    "source, line, message",
    [
        ("Бір.\n{ #p-1 }\n\nЕкі жол.\n", 4, "paragraph without an id: 'Екі жол.…'; end it with a line { #p-N }"),
        ("Бір.\n{ #р-1 }\n", 2, "the id 'р-1' is not a paragraph id: it has «р» (U+0440); type it as ASCII p-N"),
        ("Бір.\n{ #p–1 }\n", 2, "the id 'p–1' is not a paragraph id: it has «–» (U+2013)"),
        ("Бір.\n{ #p-01 }\n", 2, "the id 'p-01' is not a paragraph id: a paragraph id is a lowercase p"),
        ("Бір.\n{ #intro-text }\n", 2, "the paragraph id 'intro-text' is not p-N"),
        ("> Дәйексөз.\n", 1, "paragraph without an id: 'Дәйексөз.…'"),
        ("- бір\n- екі\n", 1, "a list item without a paragraph cannot be cited: 'бір'; make the list loose"),
        ("| а | б |\n|---|---|\n| в | г |\n", 1, "a table cell cannot be cited: 'а'"),
    ],
)
def test_a_paragraph_that_breaks_the_rules_fails_at_its_line(source, line, message):
    with pytest.raises(PluginError) as error:
        _check(source)
    assert str(error.value).startswith(f"kk/t.md:{line}: {message}"), str(error.value)


def test_each_paragraph_with_an_id_gets_its_number_first_and_its_cite_button_last_at_any_depth():
    html = python_markdown.markdown("Бір.\n{ #p-1 }\n\n> Екі.\n> { #p-2 }\n\nҮш.\n", extensions=EXTENSIONS)
    linked = rewrite(html, add_links, lambda pid: f"<a n='{pid}'></a>", lambda pid: f"<b c='{pid}'></b>")
    page = BeautifulSoup(linked, "html.parser")
    for pid in ("p-1", "p-2"):
        paragraph = page.select_one(f"#{pid}")
        assert paragraph.contents[0]["n"] == pid and paragraph.contents[-1]["c"] == pid
    assert paragraph_ids(tokenize(linked)) == ["p-1", "p-2"]
    assert "<p>Үш.</p>" in linked
