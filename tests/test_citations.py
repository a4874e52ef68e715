"""Numbered citations: helpers on plain strings, the built page, the browser,
and builds of a broken copy of the site that must fail with a clear message."""

import re
from pathlib import Path

import jinja2
import markdown as python_markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from playwright.sync_api import expect

from bibliography import format_reference, load_bibliography, parse_bibliography
from citations import Marked, number_citations, parse_citation, protect, render
from conftest import ROOT, broken_build, replace_in, string_table

SOURCE_CITATIONS = ["[1, С. 183]", "[2, С. 120]", "[3, С. 101]", "[2, С. 123]", "[3, С. 102]",
                    "[4]", "[5]", "[6]", "[7]", "[7]", "[1, С. 188]"]
FIXTURE = parse_bibliography((ROOT / "tests/data/gost.bib").read_text(encoding="utf-8")).entries
TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
WORDS = {lang: string_table(lang) for lang in ("kk", "ru", "en")}


# --- helpers on plain strings -------------------------------------------------

def _render(text, entries=FIXTURE, lang="ru", offset=0, words=None):
    """A page through the hook's steps: protect, Markdown, render."""
    protected, marked = protect(text, offset)
    html = python_markdown.markdown(protected, extensions=["attr_list", "md_in_html", "admonition"])
    return render(html, marked, entries, "kk/page.md", {key: WORDS[lang] for key in entries} | (words or {}),
                  TEMPLATES.get_template("partials/citation.html"),
                  TEMPLATES.get_template("partials/references.html"), WORDS[lang])


def _citation(text: str):
    return parse_citation(Marked(text, 2), "kk/page.md")


@pytest.mark.parametrize("text, key, locator", [("[@src]", "src", ""), ("[@src, С. 183]", "src", "С. 183"),
                                                ("[@src, С. 12–14]", "src", "С. 12–14")])
def test_the_accepted_forms_keep_their_locator_verbatim(text, key, locator):
    citation = _citation(text)
    assert (citation.key, citation.locator) == (key, locator)


def test_an_email_address_is_not_a_citation():
    text = "lagnas@bk.ru [lagnas@bk.ru] <lagnas@bk.ru>"
    assert protect(text) == (text, [])


@pytest.mark.parametrize("text, hint", [
    ("[@src С. 183]", "put a comma between the key and the page"),
    ("[см. @src]", "the key must follow the @"),
    ("[@a; @b]", "one source per bracket"),
    ("[@]", "the key must follow the @"),
    ("[@source-1, С. ]", "the page number is missing"),
    ("[@source-1, ]", "the page number is missing"),
    ("[@source-1, C. 183]", "«C.» is not Cyrillic «С.»"),
    ("[@source-1, c. 183]", "«c.» is not Cyrillic «С.»"),
    ("[@source-1, p. 183]", "«p.» is not Cyrillic «С.»"),
    ("[@source-1, С. 12-14]", "en dash"),
    ("[@source-1, С.183]", "«С.» and a space"),
    ("[@source-1, С. 18x]", "must be a number"),
    ("[@source-1, \\bibliography]", "paragraph of its own"),
])
def test_anything_else_fails_with_page_line_text_hint_and_the_forms(text, hint):
    with pytest.raises(PluginError) as error:
        _citation(text)
    message = str(error.value)
    assert message.startswith(f"kk/page.md:2: cannot read the citation '{text}': ")
    assert re.search(hint, message), message
    assert message.endswith("write it as [@key], [@key, С. 12] or [@key, С. 12–14]")


def test_sources_are_numbered_in_order_of_first_citation():
    _, marked = protect("[@b] [@a, С. 1] [@b, С. 2] [@c]")
    citations = [parse_citation(m, "x") for m in marked]
    assert number_citations(citations) == ["b", "a", "c"]
    assert [c.number for c in citations] == [1, 2, 1, 3]
    assert [c.id for c in citations] == ["cite-1", "cite-2", "cite-3", "cite-4"]


def test_lines_count_the_front_matter():
    _, marked = protect("Абзац.\n\nМәтін [@book].\n", offset=15)
    assert marked[0].line == 18


def test_rendered_citations_read_as_the_source_prints_them():
    html, cited = _render("А[@book, С. 12]. Б [@article].\n\n\\bibliography\n")
    text = BeautifulSoup(html, "html.parser").get_text()
    assert "А[1, С. 12]. Б [2]." in text
    assert cited == {"book", "article"}
    assert '<li id="ref-book" value="1">' in html and 'href="#cite-1"' in html


@pytest.mark.parametrize("code", ["`[@book]`", "    [@book] in an indented block", "```\n[@book]\n```",
                                  "<pre><code>[@book]</code></pre>"])
def test_citation_syntax_in_code_stays_literal_and_creates_nothing(code):
    html, cited = _render(f"Мәтін [@article].\n\n{code}\n\n\\bibliography\n")
    assert "[@book]" in BeautifulSoup(html, "html.parser").get_text()
    assert cited == {"article"}
    assert 'id="cite-2"' not in html and 'id="ref-book"' not in html


def test_bibliography_in_code_stays_literal():
    html, _ = _render("Мәтін [@article].\n\n`\\bibliography`\n\n\\bibliography\n")
    assert html.count('<ol class="references">') == 1 and "<code>\\bibliography</code>" in html


def test_an_unknown_key_fails_with_key_page_and_line():
    with pytest.raises(PluginError, match=r"kk/page\.md:3: unknown citation key 'nobody'.*refs\.bib"):
        _render("\n\nтекст [@nobody].\n\n\\bibliography")


def test_a_page_that_cites_needs_a_place_for_its_reference_list():
    with pytest.raises(PluginError, match=r"\\bibliography"):
        _render("текст [@book].")


@pytest.mark.parametrize("text, line, message", [
    ("текст [@book].\n\nБіз \\bibliography мұнда.\n", 3, "must be a paragraph of its own"),
    ("текст [@book].\n\n\\bibliography\n\n\\bibliography\n", 5, "a second \\\\bibliography"),
    ("текст.\n\n\\bibliography\n", 3, "no citation on the page"),
    ("## Тақырып [@book]\n\n\\bibliography\n", 1, "stands in a heading"),
])
def test_a_misplaced_bibliography_or_citation_fails_with_its_line(text, line, message):
    with pytest.raises(PluginError, match=rf"kk/page\.md:{line}: .*{message}"):
        _render(text)


def test_duplicate_keys_fail_with_both_lines():
    text = "@misc{a,\n  note = {x}\n}\n\n@misc{a,\n  note = {y}\n}\n"
    with pytest.raises(PluginError, match=r"refs\.bib:5: duplicate key 'a' \(first defined on line 1\)"):
        parse_bibliography(text)


def test_malformed_bibtex_fails_with_the_line():
    with pytest.raises(PluginError, match=r"refs\.bib:7: malformed BibTeX in or after entry 'b' \(from line 4\): "
                                          r"premature end of file"):
        parse_bibliography("@misc{a,\n  note = {x}\n}\n@misc{b,\n  note = {y,\n}\n")


# --- GOST R 7.0.5-2008 formatting ---------------------------------------------

EXPECTED_RU = {
    "book": "Смагулов Е. М. Цифровая дипломатия: теория и практика. – Астана : Фолиант, 2019. – 224 с.",
    "article": "Нурланова А. С. Социальные сети во внешней политике Казахстана // "
               "Вестник ЕНУ им. Л. Н. Гумилева. – 2018. – Т. 4, № 125. – С. 101–108.",
    "webpage": "Твиттер-дипломатия: обзор 2018 года [Электронный ресурс]. – 2018. – "
               "URL: https://example.org/twiplomacy-2018 (дата обращения: 01.03.2019).",
    "two-authors": "Иванов И. И. Публичная дипломатия в эпоху интернета / И. И. Иванов, А. С. Петрова. – "
                   "М. : Аспект Пресс, 2020. – 312 с.",
    "four-authors": "Мягкая сила / А. А. Ахметов [и др.]. – Алматы : Қазақ университеті, 2017. – 150 с.",
}


@pytest.mark.parametrize("key", EXPECTED_RU)
def test_gost_reference_in_russian(key):
    assert format_reference(FIXTURE[key], WORDS["ru"]) == EXPECTED_RU[key]


def test_gost_reference_in_kazakh_uses_kazakh_words():
    assert format_reference(FIXTURE["webpage"], WORDS["kk"]) == (
        "Твиттер-дипломатия: обзор 2018 года [Электрондық ресурс]. – 2018. – "
        "URL: https://example.org/twiplomacy-2018 (қаралған күні: 01.03.2019).")
    assert format_reference(FIXTURE["book"], WORDS["kk"]).endswith("2019. – 224 б.")
    assert "[т.б.]" in format_reference(FIXTURE["four-authors"], WORDS["kk"])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_english_words_and_titles_keep_their_case(lang):
    for key, entry in FIXTURE.items():
        text = format_reference(entry, WORDS[lang])
        assert not re.search(r"\b(and|pages|pp|In|Retrieved|accessed|edition)\b", text), text
        assert entry.fields["title"] in text


# Each supported type, in the words of each language (the work's language, or the page's).
BY_TYPE = {
    "chapter": {
        "ru": "Сейтқали А. Б. Твиттер және сыртқы саясат // Жаңа медиа және халықаралық қатынастар / "
              "под ред. Е. С. Омаров. – Астана : ЕҰУ, 2020. – С. 45–61.",
        "kk": "Сейтқали А. Б. Твиттер және сыртқы саясат // Жаңа медиа және халықаралық қатынастар / "
              "ред. Е. С. Омаров. – Астана : ЕҰУ, 2020. – Б. 45–61.",
        "en": "Сейтқали А. Б. Твиттер және сыртқы саясат // Жаңа медиа және халықаралық қатынастар / "
              "ed. by Е. С. Омаров. – Астана : ЕҰУ, 2020. – P. 45–61.",
    },
    "part": {
        "ru": "Ким В. П. Цифровая публичная дипломатия // Дипломатия XXI века. – Алматы : Дайк-Пресс, 2016. – С. 12–30.",
        "kk": "Ким В. П. Цифровая публичная дипломатия // Дипломатия XXI века. – Алматы : Дайк-Пресс, 2016. – Б. 12–30.",
        "en": "Ким В. П. Цифровая публичная дипломатия // Дипломатия XXI века. – Алматы : Дайк-Пресс, 2016. – P. 12–30.",
    },
    "dissertation": {
        "ru": "Абенова С. М. Социальные сети в публичной дипломатии Казахстана : дис. … канд. полит. наук. – "
              "Астана, 2021. – 180 с.",
        "kk": "Абенова С. М. Социальные сети в публичной дипломатии Казахстана : дис. … канд. полит. наук. – "
              "Астана, 2021. – 180 б.",
        "en": "Абенова С. М. Социальные сети в публичной дипломатии Казахстана : дис. … канд. полит. наук. – "
              "Астана, 2021. – 180 p.",
    },
    "survey": {
        "ru": "Twiplomacy Study 2018 : Report № 7. – Geneva : Burson-Marsteller, 2018. – 42 с.",
        "kk": "Twiplomacy Study 2018 : Report № 7. – Geneva : Burson-Marsteller, 2018. – 42 б.",
        "en": "Twiplomacy Study 2018 : Report № 7. – Geneva : Burson-Marsteller, 2018. – 42 p.",
    },
    "article": {
        "ru": EXPECTED_RU["article"],
        "kk": EXPECTED_RU["article"].replace("С. 101", "Б. 101"),
        "en": EXPECTED_RU["article"].replace("Т. 4", "Vol. 4").replace("С. 101", "P. 101"),
    },
    "webpage": {
        "ru": EXPECTED_RU["webpage"],
        "kk": EXPECTED_RU["webpage"].replace("Электронный ресурс", "Электрондық ресурс")
                                    .replace("дата обращения", "қаралған күні"),
        "en": EXPECTED_RU["webpage"].replace("Электронный ресурс", "Online").replace("дата обращения", "accessed"),
    },
    "four-authors": {
        "ru": EXPECTED_RU["four-authors"],
        "kk": EXPECTED_RU["four-authors"].replace("[и др.]", "[т.б.]").replace("150 с.", "150 б."),
        "en": EXPECTED_RU["four-authors"].replace("[и др.]", "[et al.]").replace("150 с.", "150 p."),
    },
}


@pytest.mark.parametrize("key, lang", [(key, lang) for key in BY_TYPE for lang in ("kk", "ru", "en")])
def test_each_supported_type_in_each_language(key, lang):
    assert format_reference(FIXTURE[key], WORDS[lang]) == BY_TYPE[key][lang]


def test_the_cited_works_language_chooses_the_words_not_the_pages(tmp_path):
    """An English book cited on the Kazakh page ends "– 191 p.", not "– 191 б."."""
    html, _ = _render("Мәтін [@english-book].\n\n\\bibliography\n", lang="kk",
                      words={"english-book": WORDS["en"]})
    text = BeautifulSoup(html, "html.parser").select_one(".reference-text").get_text()
    assert text == "Nye J. S. Soft Power: The Means to Success in World Politics. – New York : Public Affairs, 2004. – 191 p."


def test_an_entry_without_details_says_so_and_keeps_its_note():
    entries = parse_bibliography("@misc{s, note = {Мақалада анықтама үшін келтірілген.}}").entries
    missing = WORDS["kk"]("edition.reference.missing")
    assert format_reference(entries["s"], WORDS["ru"], missing=missing) == (
        "Әдебиеттер тізімі дереккөзде сақталмаған, сондықтан еңбектің библиографиялық сипаттамасы белгісіз. "
        "Мақалада анықтама үшін келтірілген.")


# --- the built paper ----------------------------------------------------------

@pytest.fixture(scope="module")
def paper(site):
    return BeautifulSoup((site / "diplomacy/index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_paper_shows_all_eleven_citations_in_the_source_order(paper):
    shown = [" ".join(span.get_text().split()) for span in paper.select("article .citation")]
    assert shown == SOURCE_CITATIONS


def test_no_citation_is_dropped_or_left_raw(site, paper):
    markdown = (ROOT / "docs/kk/diplomacy.md").read_text(encoding="utf-8")
    assert len(re.findall(r"\[@", markdown)) == len(paper.select("article .citation")) == 11
    assert "@source" not in paper.get_text()
    assert "\\bibliography" not in paper.get_text()


def test_the_reference_list_has_seven_entries_numbered_one_to_seven(paper):
    heading = paper.select_one("h2#references")
    assert heading and heading.get_text().strip().startswith("Әдебиеттер")
    entries = paper.select("ol.references > li")
    assert [li["value"] for li in entries] == [str(n) for n in range(1, 8)]
    for li in entries:
        assert "Әдебиеттер тізімі дереккөзде сақталмаған" in li.get_text()


def test_each_citation_links_to_its_entry_and_each_entry_links_back(paper):
    citations = paper.select("article .citation a.footnote-ref")
    for link in citations:
        entry = paper.select_one(link["href"])
        assert entry is not None and entry.name == "li"
        assert entry["value"] == link.get_text()
        assert entry.select_one(f'.reference-backlinks a[href="#{link["id"]}"]'), link
    backlinks = paper.select(".reference-backlinks a")
    assert sorted(a["href"] for a in backlinks) == sorted(f"#{a['id']}" for a in citations)


@pytest.mark.browser
def test_hover_and_keyboard_focus_show_the_reference(page, server):
    page.goto(server + "diplomacy/")
    page.wait_for_function("() => typeof window.component$ !== 'undefined'")  # Material has mounted
    citation = page.locator("a.footnote-ref").first
    # Other tooltips (the ¶ link's "Тұрақты сілтеме") may still be fading out, so
    # wait for the one that holds the reference.
    reference_tooltip = page.locator(".md-tooltip2--active", has_text="Әдебиеттер тізімі дереккөзде сақталмаған")
    citation.hover()
    reference_tooltip.wait_for(state="visible")
    assert "Мәтіндегі" not in reference_tooltip.inner_text()  # the entry's links back are hidden
    page.mouse.move(0, 0)
    reference_tooltip.wait_for(state="hidden")
    citation.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    reference_tooltip.wait_for(state="visible")


@pytest.mark.browser
def test_a_citation_jumps_to_its_entry_and_back(page, server):
    page.goto(server + "diplomacy/")
    expect(page.locator("#ref-source-2")).not_to_be_in_viewport()
    page.locator("a.footnote-ref").nth(3).click()  # [2, С. 123]
    page.wait_for_url(server + "diplomacy/#ref-source-2")
    expect(page.locator("#ref-source-2")).to_be_in_viewport()
    expect(page.locator("#cite-4")).not_to_be_in_viewport()
    page.locator('#ref-source-2 .reference-backlinks a[href="#cite-4"]').click()
    page.wait_for_url(server + "diplomacy/#cite-4")
    expect(page.locator("#cite-4")).to_be_in_viewport()


# --- bad input fails the build ------------------------------------------------

def test_build_fails_on_an_unknown_key(tmp_path):
    log = broken_build(tmp_path, lambda p: replace_in(p / "docs/kk/diplomacy.md", "[@source-4]", "[@source-44]"))
    assert re.search(r"kk/diplomacy\.md:\d+: unknown citation key 'source-44'", log), log


def test_build_fails_on_an_unreadable_citation(tmp_path):
    log = broken_build(tmp_path, lambda p: replace_in(p / "docs/kk/diplomacy.md", "[@source-6]", "[@source-6 С. 5]"))
    assert re.search(r"kk/diplomacy\.md:\d+: cannot read the citation '\[@source-6 С\. 5\]'", log), log


def test_build_fails_on_malformed_refs_bib(tmp_path):
    log = broken_build(tmp_path, lambda p: replace_in(p / "refs.bib", "(102-б.) үшін сілтеме жасалған.}", "(102-б."))
    assert re.search(r"refs\.bib:\d+: malformed BibTeX in or after entry 'source-3' \(from line \d+\)", log), log


def _add_entry(key: str):
    def edit(project: Path):
        with (project / "refs.bib").open("a", encoding="utf-8") as bib:
            bib.write(f"\n@misc{{{key},\n  note = {{added by a test}}\n}}\n")
    return edit


def test_build_fails_on_a_duplicate_key(tmp_path):
    log = broken_build(tmp_path, _add_entry("source-2"))
    assert re.search(r"refs\.bib:\d+: duplicate key 'source-2' \(first defined on line \d+\)", log), log


def test_build_reports_an_entry_no_page_cites_with_its_line(tmp_path):
    log = broken_build(tmp_path, _add_entry("source-8"))
    line = (ROOT / "refs.bib").read_text(encoding="utf-8").count("\n") + 2
    assert f"refs.bib:{line}: entry 'source-8' is not cited by any page" in log, log
