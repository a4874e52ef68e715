"""Front matter that MkDocs would take without a word fails at its line."""

import pytest
from mkdocs.exceptions import PluginError

from scholarly_edition.front_matter import check

# A text page of the tests' own, with every field the front matter takes.
PAPER = """---
title: Фейсбук және Твиттер дипломатиясының бүгінгі жетістіктері мен ғаламдық мәні
citable: true
citation:
  title: Фейсбук және Твиттер дипломатиясының бүгінгі жетістіктері мен ғаламдық мәні
  short_title: Фейсбук және Твиттер дипломатиясы
  authors:
    - family: Лагуткина
      given: Юлия Николаевна
      initials: Ю. Н.
      affiliation: Л.Н. Гумилев атындағы ЕҰУ
      email: lagnas@bk.ru
  udc: "327.82"
  bibtex_key: lagutkina-diplomacy
description: Лагуткина Ю. Н. мақаласының веб-басылымы.
---

# Мәтін {#title}
"""


def line_of(text: str) -> int:
    return next(number for number, line in enumerate(PAPER.splitlines(), start=1) if text in line)


def test_the_papers_front_matter_passes_and_is_read():
    data = check(PAPER, "kk/diplomacy.md")
    assert data["citable"] is True and data["citation"]["bibtex_key"]


# (old, new, the line the error names: the first or last line holding this text, message)
@pytest.mark.parametrize(
    "old, new, at, message",
    [
        (
            "citable: true\n",
            "citable: true\ncitation: [unclosed\n",
            ("last", "citation:"),
            "the front matter is not valid YAML (expected ',' or ']', but got ':', "
            "while parsing a flow sequence on line",
        ),
        ("  udc: ", "  udk: 1\n  udc: ", ("first", "udk: 1"), "unknown field citation.udk; the fields are"),
        (
            "title: ",
            "Title: x\ntitle: ",
            ("first", "Title: x"),
            "unknown field Title; write it `title:` (keys are lower case)",
        ),
        ("description: ", "subtitle: <b>x</b>\ndescription: ", ("first", "subtitle:"), "unknown field subtitle"),
        (
            "      initials: Ю. Н.\n",
            "      initials: Ю. Н.\n      affiliation:\n",
            ("last", "affiliation:"),
            "the front matter is not valid YAML (the key 'affiliation' is written twice)",
        ),
        ("citable: true\n", "citable: yes please\n", ("first", "citable:"), "citable must be true or false"),
        ("  udc: ", "  keywords: [a, 3]\n  udc: ", ("first", "keywords:"), "each of citation.keywords is a word"),
        (
            "  udc: ",
            "  licence:\n    url: https://x.org/\n  udc: ",
            ("first", "licence:"),
            "citation.licence lacks `name:`",
        ),
        (
            "  udc: ",
            "  licence:\n    name: CC BY\n    url: creativecommons\n  udc: ",
            ("first", "url: creativecommons"),
            "citation.licence.url must be a web address",
        ),
        (
            "title: ",
            "citable: false\ntitle: ",
            ("last", "citable:"),
            "the front matter is not valid YAML (the key 'citable' is written twice)",
        ),
    ],
)
def test_bad_front_matter_fails_with_file_line_and_fix(old, new, at, message):
    source = PAPER.replace(old, new, 1)
    lines = [n for n, text in enumerate(source.splitlines(), start=1) if at[1] in text]
    expected = lines[0] if at[0] == "first" else lines[-1]
    with pytest.raises(PluginError) as error:
        check(source, "kk/diplomacy.md")
    assert str(error.value).startswith(f"kk/diplomacy.md:{expected}: {message}"), str(error.value)


def test_a_missing_required_field_fails_at_its_mapping():
    source = PAPER.replace("  bibtex_key: lagutkina-diplomacy\n", "")
    with pytest.raises(PluginError, match=rf"^kk/diplomacy\.md:{line_of('citation:')}: citation lacks `bibtex_key:`"):
        check(source, "kk/diplomacy.md")


def test_an_empty_value_fails():
    source = PAPER.replace("      affiliation: Л.Н. Гумилев атындағы ЕҰУ\n", "      affiliation: ' '\n")
    with pytest.raises(
        PluginError,
        match=rf"kk/diplomacy\.md:{line_of('affiliation')}: citation.authors\[1\].affiliation must be a text",
    ):
        check(source, "kk/diplomacy.md")


def test_an_unclosed_front_matter_fails_at_line_one():
    with pytest.raises(PluginError, match=r"^kk/x\.md:1: the front matter opened here is never closed"):
        check("---\ntitle: x\n\n# Heading\n", "kk/x.md")


def test_a_page_without_front_matter_passes():
    assert check("# Heading\n\nText.\n", "kk/x.md") == {}
