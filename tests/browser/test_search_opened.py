"""Search as a reader goes on from it, in Chromium: an opened result marks the forms that
matched, a query typed on a Russian keyboard marks the text's own words, a pasted query
shows its results, search works below a project path, and the Kazakh stemmer joins a
word's forms and only those."""

import re
from urllib.parse import urlsplit

import pytest
from search_helper import body, language_of, long_words, stems_in_texts

from conftest import type_query
from scholarly_edition import ASSETS


def open_first_section(page, server, start: str, query: str) -> list[str]:
    """Search, open the first section found, unfolding the page's further results as a reader
    would where Material folds them; the words marked in the opened page."""
    page.goto(server + start)
    type_query(page, query)
    sections = page.locator(".md-search-result__item a[href*='#']")
    if not sections.filter(visible=True).count():
        page.locator(".md-search-result__more > summary >> visible=true").first.click()
    sections.filter(visible=True).first.click()
    page.wait_for_url(re.compile(r"#[\w-]+$"))
    page.locator("article mark").first.wait_for()
    partial = page.locator("article mark").evaluate_all(
        """marks => marks.filter(m => {
            const before = m.previousSibling ? m.previousSibling.textContent.slice(-1) : ""
            const after = m.nextSibling ? m.nextSibling.textContent.charAt(0) : ""
            return /[\\p{L}\\p{N}]/u.test(before + after)
        }).map(m => m.parentElement.textContent)"""
    )
    assert not partial, f"marks inside words: {partial}"  # only whole words the result found
    return [text.lower() for text in page.locator("article mark").all_inner_texts()]


@pytest.mark.cases(make=stems_in_texts)
def test_an_opened_result_highlights_the_forms_that_matched(page, server, case):
    start, query, stem = case
    marked = set(open_first_section(page, server, start, query))
    assert marked and all(text.startswith(stem) for text in marked), marked


@pytest.mark.cases(make=stems_in_texts)
def test_a_pages_own_result_opens_with_the_words_its_sections_found_marked(page, server, case):
    """The page's entry above its sections (Material adds it where only sections matched) names
    their words in its ?h=, so the page it opens marks them."""
    start, query, stem = case
    page.goto(server + start)
    type_query(page, query)
    page.locator(f".md-search-result__item a[href*='/{start}']:not([href*='#'])").first.click()
    page.wait_for_url(re.compile(r"\?h="))
    page.locator("article mark").first.wait_for()
    marked = {text.lower() for text in page.locator("article mark").all_inner_texts()}
    assert marked and all(text.startswith(stem) for text in marked), marked


# (language, a query typed on a Russian keyboard, the words of the text it stands for)
RUSSIAN_KEYBOARD = [("kk", "жумсак куш", "жұмсақ күш")]


def typed_on_a_russian_keyboard(project):
    found = []
    for locale, query, meant in RUSSIAN_KEYBOARD:
        text = next((t for t in project.texts if t.locale == locale and meant in body(t)), None)
        if text:
            found.append((text.url, query, meant))
    return found


@pytest.mark.cases(make=typed_on_a_russian_keyboard)
def test_a_query_typed_on_a_russian_keyboard_highlights_the_texts_own_words_on_the_opened_page(page, server, case):
    start, query, meant = case
    marked = " ".join(open_first_section(page, server, start, query))
    assert all(word in marked for word in meant.split()), marked


@pytest.mark.every_edition
def test_a_pasted_query_shows_its_results_without_a_key(page, server, project):
    text = project.first_text
    page.goto(server + text.url)
    page.wait_for_function("() => typeof window.component$ !== 'undefined'")
    page.locator("input.md-search__input").click()
    page.evaluate("""word => { const field = document.querySelector("input.md-search__input")
        field.value = word
        field.dispatchEvent(new InputEvent("input", {inputType: "insertFromPaste", bubbles: true})) }""",
        long_words(text)[0])  # fmt: skip
    page.locator(".md-search-result__item a").first.wait_for()


@pytest.mark.every_edition
def test_search_works_below_a_project_path(page, project_server, project):
    for locale in project.locales:
        text = next((t for t in project.texts if t.locale == locale), None)
        if text is None:
            continue  # a language with no text of its own: its home is searched like any page
        page.goto(project_server + text.url)
        type_query(page, long_words(text)[0])
        prefix = "" if locale == project.default else f"{locale}/"
        links = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
        assert links and all(link.startswith(project_server + prefix) for link in links), links
        assert all(language_of(urlsplit(link).path.removeprefix(urlsplit(project_server).path), project) == locale
                   for link in links)  # fmt: skip
        assert page.locator(".md-search-result mark").count() > 0


# Forms that must share a Kazakh stem (the second as written in the text or typed on a Russian
# keyboard), and forms that must not.
SAME_STEM = [
    ("твиттерден", "Твиттер"),
    ("саясатқа", "саясатында"),
    ("саясатқа", "саясаты"),
    ("дипломатиямен", "дипломатияның"),
    ("мемлекеттердің", "мемлекет"),
    ("кітаптарымыздан", "кітап"),
    ("жастарымыз", "жастар"),
    ("Гарвардта", "Гарвард"),
    ("цукербергке", "Цукерберг"),
    ("күшпен", "күш"),
    ("жұмсақ", "жумсак"),
    ("технологиялардың", "технологиялардын"),
    ("концепцияға", "концепцияга"),
    ("бастығы", "бастықтар"),
    ("мектепке", "мектебінің"),
    ("қаласындағы", "қаласында"),
]
OTHER_STEM = [("ақпанда", "ақпарат"), ("желдің", "желі"), ("балдың", "бала"), ("ел", "елдер")]
UNCHANGED = ["ел", "жаңа", "мақала", "лар", "дың", "мен"]


def test_the_kazakh_stemmer_joins_the_forms_of_a_word_and_only_those(page):
    page.set_content("<script>self.lunr = {Pipeline: {registerFunction() {}}}</script>")
    page.add_script_tag(path=str(ASSETS / "javascripts/lunr/min/lunr.kk.min.js"))
    stem = lambda words: page.evaluate("words => words.map(w => lunr.kk.stemWord(w))", words)  # noqa: E731
    assert [a for a, b in SAME_STEM if len(set(stem([a, b]))) != 1] == []
    assert [a for a, b in OTHER_STEM if len(set(stem([a, b]))) == 1] == []
    assert stem(UNCHANGED) == [page.evaluate("w => lunr.kk.fold(w)", w) for w in UNCHANGED]
