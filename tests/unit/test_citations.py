"""Numbered citations on plain strings: the accepted forms, the hints for
everything else, numbering, and the rendered HTML."""

import re
from types import SimpleNamespace

import jinja2
import markdown as python_markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from expected import ROOT
from scholarly_edition import TEMPLATES, bibliography, page_html
from scholarly_edition.citations import (
    FORMS,
    Marked,
    check_all_cited,
    check_locator,
    check_plain_citations,
    number_citations,
    parse_citation,
    protect,
    render,
)
from strings_helper import string_table

REFERENCES = bibliography.parse((ROOT / "tests/data/gost.bib").read_text(encoding="utf-8"))
TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES))


def _render(text, lang="ru", offset=0):
    """A page through the hook's steps: protect, Markdown, render."""
    protected, marked = protect(text, offset)
    html = python_markdown.markdown(protected, extensions=["attr_list", "md_in_html", "admonition", "toc"])
    t = string_table(lang)
    return _rendered(html, marked, REFERENCES, t)


def _rendered(html, marked, references, t) -> SimpleNamespace:
    """render() on the page's tokens: the HTML after it, and what it returns."""
    tokens = page_html.tokenize(html)
    rendered = render(
        tokens,
        marked,
        references,
        "kk/page.md",
        words=lambda key: t,
        page_words=t,
        citation_template=TEMPLATES.get_template("partials/citation.html"),
        references_template=TEMPLATES.get_template("partials/references.html"),
    )
    return SimpleNamespace(html=page_html.join(tokens), cited=rendered.cited, section=rendered.section)


def _citation(text: str):
    return parse_citation(Marked(text, 2), "kk/page.md")


@pytest.mark.parametrize(
    "text, key, locator",
    [
        ("[@src]", "src", ""),
        ("[@src, С. 183]", "src", "С. 183"),
        ("[@src, С. 12–14]", "src", "С. 12–14"),
        ("[@nye:2004, С. 1]", "nye:2004", "С. 1"),
    ],
)
def test_the_accepted_forms_keep_their_locator_verbatim(text, key, locator):
    citation = _citation(text)
    assert (citation.key, citation.locator) == (key, locator)


def test_an_email_address_is_not_a_citation():
    text = "lagnas@bk.ru [lagnas@bk.ru] <lagnas@bk.ru>"
    assert protect(text) == (text, [])


@pytest.mark.parametrize(
    "text, hint",
    [
        ("[@src С. 183]", "put a comma between the key and the page"),
        ("[см. @src]", "the key must follow the @"),
        ("[@a; @b]", "one source per bracket"),
        ("[@]", "the key must follow the @"),
        ("[@source-1, С. ]", "the page number is missing"),
        ("[@source-1, ]", "the page number is missing"),
        ("[@source-1,\u00a0С. 183]", "U\\+00A0 NO-BREAK SPACE"),
        ("[@source-1, С.\u00a0183]", "U\\+00A0 NO-BREAK SPACE"),
        ("[@source\u200b-1, С. 183]", "U\\+200B ZERO WIDTH SPACE"),
        ("[@source-1, С. 1\u00ad83]", "U\\+00AD SOFT HYPHEN"),
        ("[@source-1, С. 12-14]", "en dash"),
        ("[@source-1, С.183]", "a space, then the page"),
        ("[@source-1, С. 18x]", "must be a number"),
        ("[@source-1, \\bibliography]", "paragraph of its own"),
    ],
)
def test_anything_else_fails_with_page_line_text_hint_and_the_forms(text, hint):
    with pytest.raises(PluginError) as error:
        _citation(text)
    message = str(error.value)
    assert message.startswith(f"kk/page.md:2: cannot read the citation '{text}': ")
    assert re.search(hint, message), message
    assert message.endswith(f"write it as {FORMS}")


RUSSIAN, KAZAKH = {"С.": "russian"}, {"Б.": "kazakh"}


@pytest.mark.parametrize(
    "text, accepted, hint",
    [
        ("[@src, p. 183]", RUSSIAN | KAZAKH, "«p.» in '\\[@src, p. 183\\]' is not a page in the cited "
         "work's language or the page's; write one of «С.» \\(russian\\), «Б.» \\(kazakh\\)"),
        ("[@src, C. 183]", RUSSIAN, "looks like «С.» but «C» is U\\+0043 LATIN CAPITAL LETTER C, not U\\+0421 "
         "CYRILLIC CAPITAL LETTER ES"),
        ("[@src, c. 183]", RUSSIAN, "not a page in the cited work's language"),
    ],
)  # fmt: skip
def test_a_locator_of_neither_language_fails_naming_the_accepted_forms(text, accepted, hint):
    citation = _citation(text)
    with pytest.raises(PluginError, match=rf"^kk/page\.md:2: the locator .*{hint}"):
        check_locator(citation, Marked(text, 2), "kk/page.md", accepted)


def test_a_locator_of_the_works_or_the_pages_language_is_kept_as_written():
    for text in ("[@src, С. 12]", "[@src, Б. 12–14]"):
        citation = _citation(text)
        check_locator(citation, Marked(text, 2), "kk/page.md", RUSSIAN | KAZAKH)
        assert citation.locator == text[7:-1]


def test_sources_are_numbered_in_order_of_first_citation():
    _, marked = protect("[@b] [@a, С. 1] [@b, С. 2] [@c]")
    citations = [parse_citation(m, "x") for m in marked]
    assert number_citations(citations) == ["b", "a", "c"]
    assert [c.number for c in citations] == [1, 2, 1, 3]
    assert [c.id for c in citations] == ["cite-1", "cite-2", "cite-3", "cite-4"]


def test_lines_count_the_front_matter():
    _, marked = protect("Абзац.\n\nМәтін [@book].\n", offset=15)
    assert marked[0].line == 18


def test_a_citation_is_one_link_that_reads_as_the_source_prints_it():
    rendered = _render("А[@book, С. 12]. Б [@article].\n\n## Әдебиеттер {#refs}\n\n\\bibliography\n")
    page = BeautifulSoup(rendered.html, "html.parser")
    assert [a.get_text() for a in page.select("a.citation")] == ["[1, С. 12]", "[2]"]
    assert "А[1, С. 12]. Б [2]." in page.get_text()
    assert rendered.cited == ["book", "article"] and rendered.section == "refs"
    assert page.select_one("a#cite-1")["href"] == "#ref-book"
    assert [li["id"] for li in page.select("ol.references > li")] == ["ref-book", "ref-article"]
    assert page.select_one('#ref-book .reference-backlinks a[href="#cite-1"]')["aria-label"] == (
        string_table("ru")("edition.reference.back").replace("#", "1")
    )


def test_the_lost_list_is_said_once_above_the_list_and_each_entry_leads_with_what_is_known():
    references = bibliography.parse(
        "@misc{a, note = {Мақалада анықтама үшін келтірілген.}}\n@misc{b, note = {Мақалада тізім үшін.}}"
    )
    protected, marked = protect("Мәтін [@a] [@b].\n\n\\bibliography\n")
    t = string_table("kk")
    html = _rendered(python_markdown.markdown(protected), marked, references, t).html
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one(".references-note").get_text() == t("edition.reference.missing")
    assert [li.select_one(".reference-text").get_text() for li in page.select("li")] == [
        f"{t('edition.reference.unnamed')} Мақалада анықтама үшін келтірілген.",
        f"{t('edition.reference.unnamed')} Мақалада тізім үшін.",
    ]
    known = _render("Мәтін [@book].\n\n\\bibliography\n").html
    assert "references-note" not in known  # every detail known: nothing to say


@pytest.mark.parametrize(
    "code", ["`[@book]`", "    [@book] in an indented block", "```\n[@book]\n```", "<pre><code>[@book]</code></pre>"]
)
def test_citation_syntax_in_code_stays_literal_and_creates_nothing(code):
    rendered = _render(f"Мәтін [@article].\n\n{code}\n\n\\bibliography\n")
    assert "[@book]" in BeautifulSoup(rendered.html, "html.parser").get_text()
    assert rendered.cited == ["article"]
    assert 'id="cite-2"' not in rendered.html and 'id="ref-book"' not in rendered.html


def test_bibliography_in_code_stays_literal():
    html = _render("Мәтін [@article].\n\n`\\bibliography`\n\n\\bibliography\n").html
    assert html.count('<ol class="references">') == 1 and "<code>\\bibliography</code>" in html


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("\n\nтекст [@nobody].\n\n\\bibliography", 3, "unknown citation key 'nobody'.*refs\\.bib"),
        ("текст [@book].\n\nБіз \\bibliography мұнда.\n", 3, "must be a paragraph of its own"),
        ("текст [@book].\n\n\\bibliography\n\n\\bibliography\n", 5, "a second \\\\bibliography"),
        ("текст.\n\n\\bibliography\n", 3, "no citation on the page"),
        ("## Тақырып [@book]\n\n\\bibliography\n", 1, "stands in a heading"),
        ('<p title="[@book]">x</p>\n\nтекст [@book].\n\n\\bibliography\n', 1, "stands inside an HTML tag"),
        ("текст [@book].\n\n\\full_bibliography\n", 3, "mkdocs-bibtex's English list"),
    ],
)
def test_a_misplaced_bibliography_or_citation_fails_with_its_line(text, line, message):
    with pytest.raises(PluginError, match=rf"kk/page\.md:{line}: .*{message}"):
        _render(text)


def test_a_page_that_cites_needs_a_place_for_its_reference_list():
    with pytest.raises(PluginError, match=r"\\bibliography"):
        _render("текст [@book].")


def test_an_entry_no_page_cites_fails_at_its_line():
    bib = bibliography.Bibliography(ROOT / "refs.bib", bibliography.parse("@misc{a, note={x}}\n\n@misc{b,\n note={y}}"))
    with pytest.raises(PluginError, match=r"^refs\.bib:3: entry 'b' is not cited by any page"):
        check_all_cited(bib, {"a"})


@pytest.mark.parametrize(
    "markdown",
    ["See [a][1].\n\n[1]: https://example.org/", "`[1, С. 183]`", "```\n[2]\n```", "As written: \\[1, С. 183].",
     "[1](https://example.org/)", "[@source-1, С. 183]"],
)  # fmt: skip
def test_links_code_escapes_and_citations_are_not_taken_for_plain_citations(markdown):
    protected, marked = protect(markdown)
    check_plain_citations(protected, marked, "kk/text.md")


@pytest.mark.parametrize(
    "markdown, message",
    [
        (
            "Text.\n\nAs [1, С. 183] says.",
            r"kk/text\.md:3: «\[1, С\. 183\]» reads as a citation .* write it as \[@key, С\. 183\]",
        ),
        ("[@a, С. 5] and [@b] and [2]", r"kk/text\.md:1: «\[2\]» .* write it as \[@b\]"),
    ],
)
def test_a_citation_typed_as_text_fails_showing_the_citation_to_write(markdown, message):
    protected, marked = protect(markdown)
    with pytest.raises(PluginError, match=message):
        check_plain_citations(protected, marked, "kk/text.md")
