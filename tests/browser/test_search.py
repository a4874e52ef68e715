"""Search as readers use it, typed into Chromium: one index per language,
Kazakh and Russian words in any inflected form, Kazakh typed on a Russian
keyboard, highlighting in the results and on the opened page.

Each row names a word form of the text a query must find; the section it
must find is the one whose indexed text holds that form, so the tables check
the search, not today's headings. The tables run at the domain root; a smoke
set runs below a project path."""

import json
import re
from urllib.parse import urlsplit

import pytest

from conftest import DESKTOP, type_query, words
from scholarly_edition import ASSETS

# (page searched from, query, a word form of the text it must find and highlight)
QUERIES = [
    ("diplomacy/", "әлеуметтік", "әлеуметтік"),
    ("diplomacy/", "ғаламтор", "ғаламтор"),
    ("diplomacy/", "қоғамдық", "қоғамдық"),
    ("diplomacy/", "меңгере", "меңгере"),
    ("diplomacy/", "өктемшіл", "өктемшіл"),
    ("diplomacy/", "ұялы", "ұялы"),
    ("diplomacy/", "үшінші", "үшінші"),
    ("diplomacy/", "жаһандық", "жаһандық"),
    ("diplomacy/", "білім", "білім"),
    ("diplomacy/", "«Улисс»", "улисс"),
    ("diplomacy/", "жұмсақ күш", "жұмсақ"),
    ("diplomacy/", "ТВИПЛОМАТИЯ", "твипломатия"),
    ("diplomacy/", "Кемерово", "кемерово"),
    ("diplomacy/", "цукерб", "цукерберг"),
    ("diplomacy/", "дипломат", "дипломатия"),
    ("diplomacy/", "жумсак куш", "жұмсақ"),
    ("diplomacy/", "куш", "күш"),
    ("diplomacy/", "кулы", "құлы"),
    ("diplomacy/", "онтайл", "оңтайландыруда"),
    ("ru/transport/", "магистраль", "магистраль"),
    ("ru/transport/", "Туркестано", "туркестано"),
    ("ru/transport/", "железн", "железная"),
    ("ru/", "инфраструктуры", "инфраструктуры"),
]

# Inflected forms the texts do not use: (page, query, a form of the text it must find)
INFLECTED = [
    ("diplomacy/", "Твиттерден", "твиттер"),
    ("diplomacy/", "саясатқа", "саясатында"),
    ("diplomacy/", "дипломатиямен", "дипломатияның"),
    ("diplomacy/", "университетте", "университетінің"),
    ("diplomacy/", "фейсбукте", "фейсбук"),
    ("diplomacy/", "Цукербергке", "цукерберг"),
    ("diplomacy/", "Гарвардта", "гарвард"),
    ("diplomacy/", "концепцияға", "концепциясын"),
    ("diplomacy/", "желілерден", "желілер"),
    ("diplomacy/", "жастарымыз", "жастар"),
    ("diplomacy/", "технологиялардан", "технологиялардың"),
    ("diplomacy/", "блогтарда", "блогтар"),
    ("diplomacy/", "оппозициямен", "оппозицияны"),
    ("diplomacy/", "стипендияларға", "стипендиялар"),
    ("diplomacy/", "гранттардан", "гранттар"),
    ("diplomacy/", "президенттерге", "президенттері"),
    ("diplomacy/", "романға", "романның"),
    ("diplomacy/", "Кемеровода", "кемерово"),
    ("diplomacy/", "пайдаланушылармен", "пайдаланушылардың"),
    ("diplomacy/", "журналистерге", "журналисттер"),
    ("diplomacy/", "акторларға", "акторлардың"),
    ("diplomacy/", "ресурстарымен", "ресурстарға"),
    ("diplomacy/", "ұйымдармен", "ұйымдары"),
    ("diplomacy/", "жумсак кушке", "жұмсақ"),
    ("ru/transport/", "железных", "железными"),
    ("ru/transport/", "путях", "путей"),
    ("ru/transport/", "магистралей", "магистраль"),
    ("ru/transport/", "Петропавловском", "петропавловск"),
    ("ru/transport/", "Караганды", "караганду"),
    ("ru/transport/", "территорией", "территория"),
    ("ru/transport/", "ресурсами", "ресурсов"),
    ("ru/transport/", "границе", "границам"),
    ("ru/transport/", "Узбекистана", "узбекистаном"),
    ("ru/transport/", "особенностью", "особенностей"),
    ("ru/transport/", "развитию", "развития"),
    ("ru/transport/", "морем", "морю"),
    ("ru/", "инфраструктурой", "инфраструктуры"),
    # Kazakh typed on a Russian keyboard, with an ending that holds a Kazakh letter
    ("diplomacy/", "технологиялардын", "технологиялардың"),
    ("diplomacy/", "концепцияга", "концепциясын"),
    ("diplomacy/", "мемлекеттери", "мемлекеттер"),
    ("diplomacy/", "тартымдылыктын", "тартымдылықпен"),
    ("diplomacy/", "желилерин", "желілердің"),
    # a stem-final consonant that alternates: қ/ғ, к/г, п/б
    ("diplomacy/", "бастығы", "бастықтар"),
    ("diplomacy/", "мектепке", "мектебінің"),
]

# Forms that share letters with a word of the text but not its stem: (page, query, the word it must not find)
FALSE_FRIENDS = [
    ("diplomacy/", "ақпанда", "ақпарат"),  # in February / information
    ("diplomacy/", "желдің", "желі"),  # of the wind / network
    ("diplomacy/", "балдың", "бала"),  # of honey / child
    ("ru/transport/", "крупа", "крупнейшей"),  # groats / largest
]


class Searcher:
    """One open page per place searched from, reused for every query."""

    def __init__(self, browser, server):
        self.context = browser.new_context(**DESKTOP)
        self.server, self.pages = server, {}

    def search(self, start: str, query: str) -> dict:
        page = self.pages.get(start)
        if page is None:
            page = self.pages[start] = self.context.new_page()
            page.goto(self.server + start)
        page.bring_to_front()
        type_query(page, query)
        root = urlsplit(self.server).path
        return {
            "meta": page.locator(".md-search-result__meta").inner_text(),
            "words": words(page),
            "links": [
                "/" + link.removeprefix(root)
                for link in page.locator(".md-search-result__item a").evaluate_all(
                    "links => links.map(a => { const u = new URL(a.href); return u.pathname + u.hash })"
                )
            ],
            "marks": [m.lower() for m in page.locator(".md-search-result mark").all_inner_texts()],
        }


@pytest.fixture(scope="module")
def searcher(browser, server):
    searcher = Searcher(browser, server)
    yield searcher
    searcher.context.close()


@pytest.fixture(scope="module")
def sections(site, project):
    """Each language's indexed sections as "/location" -> lower-case words."""
    found = {}
    for locale in project.locales:
        prefix = "" if locale == project.default else f"{locale}/"
        index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        for doc in index["docs"]:
            text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]).lower()
            found["/" + prefix + doc["location"]] = set(re.findall(r"\w+", text))
    return found


def holding(sections: dict, form: str, start: str) -> set[str]:
    """The sections of the page searched from (or its language) whose words include form."""
    page = "/" + start
    return {
        location
        for location, words_ in sections.items()
        if form in words_
        and (location.startswith(page) or (start.count("/") == 1 and location.startswith("/" + start.split("/")[0])))
    }


@pytest.mark.parametrize("start, query, form", QUERIES + INFLECTED, ids=[row[1] for row in QUERIES + INFLECTED])
def test_a_query_finds_the_sections_holding_the_form_and_highlights_it(searcher, sections, start, query, form):
    expected = holding(sections, form, start)
    assert expected, f"no section holds «{form}»: correct the table"
    result = searcher.search(start, query)
    links = set(result["links"])
    assert links & expected, (query, expected, result)
    assert any(mark.startswith(form[:4]) or form.startswith(mark[:4]) for mark in result["marks"]), result


@pytest.mark.parametrize("start, query, word", FALSE_FRIENDS, ids=[row[1] for row in FALSE_FRIENDS])
def test_a_form_of_another_word_does_not_find_a_word_sharing_its_letters(searcher, start, query, word):
    result = searcher.search(start, query)
    assert not any(mark.startswith(word[:4]) for mark in result["marks"]), result


def test_the_inflected_queries_are_not_in_the_texts(project):
    texts = {text.locale: text.source.lower() for text in project.texts}
    for start, query, _ in INFLECTED:
        text = texts["ru" if start.startswith("ru/") else project.default]
        for word in query.lower().split():
            assert not re.search(rf"(?<!\w){word}(?!\w)", text), query


@pytest.mark.parametrize(
    "start, query", [("diplomacy/", "магистраль"), ("ru/transport/", "жұмсақ"), ("ru/transport/", "Твиттер")]
)
def test_a_query_does_not_cross_languages(searcher, start, query):
    result = searcher.search(start, query)
    foreign = "/ru/" if start == "diplomacy/" else "/diplomacy/"
    assert not any(link.startswith(foreign) for link in result["links"]), result


@pytest.mark.parametrize("start", ["diplomacy/", "ru/transport/"])
def test_a_nonsense_query_or_a_bare_ending_finds_nothing_and_says_so(searcher, start):
    for query in ("щшщжжэ", "лар", "дың", "ных"):
        result = searcher.search(start, query)
        assert result["links"] == [] and result["meta"] == result["words"]["search.result.none"], (query, result)


@pytest.mark.parametrize("query", ["ел", "мен"])
def test_a_short_word_does_not_return_every_section(searcher, sections, query):
    own = [location for location in sections if location.startswith("/diplomacy/#")]
    found = [link for link in searcher.search("diplomacy/", query)["links"] if link.startswith("/diplomacy/#")]
    assert 0 < len(found) < len(own), found


@pytest.mark.parametrize("query, stem", [("мемлекеттерде", "мемлекет"), ("желілерден", "желі"), ("саясатқа", "саясат")])
def test_the_first_result_of_an_inflected_query_uses_the_word_most(searcher, site, query, stem):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    counts = {
        "/" + d["location"]: len(re.findall(rf"(?<!\w){stem}", (d["title"] + " " + d["text"]).lower()))
        for d in index["docs"]
        if "#" in d["location"]
    }
    first = next(link for link in searcher.search("diplomacy/", query)["links"] if "#" in link)
    assert counts[first] == max(counts.values()), (first, counts)


def open_result(page, server, start: str, query: str, section: str) -> list[str]:
    """Search, open the result for #section; the words marked in the opened page."""
    page.goto(server + start)
    type_query(page, query)
    page.locator(f'.md-search-result__item a[href*="#{section}"]').first.click()
    page.wait_for_url(re.compile(rf"#{section}$"))
    page.locator("article mark").first.wait_for()
    return [text.lower() for text in page.locator("article mark").all_inner_texts()]


def test_an_opened_result_highlights_the_forms_that_matched(page, server):
    marked = set(open_result(page, server, "diplomacy/", "желілерден", "social-networks"))
    assert marked and all(text.startswith("желі") for text in marked), marked


def test_a_query_typed_on_a_russian_keyboard_highlights_the_texts_own_words_on_the_opened_page(page, server):
    marked = " ".join(open_result(page, server, "diplomacy/", "жумсак куш", "soft-power"))
    assert "жұмсақ" in marked and "күш" in marked, marked


def test_a_pasted_query_shows_its_results_without_a_key(page, server):
    page.goto(server + "diplomacy/")
    page.wait_for_function("() => typeof window.component$ !== 'undefined'")
    page.locator("input.md-search__input").click()
    page.evaluate("""() => { const field = document.querySelector("input.md-search__input")
        field.value = "жұмсақ"
        field.dispatchEvent(new InputEvent("input", {inputType: "insertFromPaste", bubbles: true})) }""")
    page.locator(".md-search-result__item a").first.wait_for()


def test_a_texts_result_shows_its_description_and_its_sections_rank_above_its_references(searcher, project):
    text = project.text(project.default)
    result = searcher.search(text.url, "Цукербергке")
    sections = [link for link in result["links"] if "#" in link]
    assert sections[0] != f"/{text.url}#references" and f"/{text.url}#references" in sections, sections
    searcher.search(text.url, text.meta["citation"]["author"]["family"])
    snippet = searcher.pages[text.url].locator(".md-search-result__article p").first.inner_text()
    assert snippet.startswith(text.meta["description"][:40]), snippet


def test_search_works_below_a_project_path(page, project_server):
    page.goto(project_server + "ru/transport/")
    type_query(page, "железных")
    links = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert links and all(link.startswith(project_server + "ru/") for link in links), links
    page.goto(project_server + "diplomacy/")
    type_query(page, "жумсак")
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
