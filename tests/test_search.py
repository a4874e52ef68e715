"""Search for Kazakh and Russian readers: the per-language indexes, the
Kazakh lunr plugin, and a table of real queries typed into Chromium."""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import material
import pytest

from conftest import type_query
from search import SEPARATOR, doc_locale, set_search_base, split_index

ROOT = Path(__file__).resolve().parent.parent
MATERIAL_JS = Path(material.__file__).parent / "templates/assets/javascripts"


# --- helpers on plain data ----------------------------------------------------

SHARED = {
    "config": {"lang": ["ru"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"], "fields": {}},
    "docs": [{"location": "", "title": "Басты бет", "text": ""},
             {"location": "diplomacy/#intro", "title": "Кіріспе", "text": "<p>Бүгінгі¶</p>"},
             {"location": "ru/", "title": "Главная", "text": ""},
             {"location": "ru/transport/", "title": "Транспорт", "text": "<p>Казахстан</p>"}],
}


def test_the_shared_index_splits_into_one_index_per_language():
    indexes = split_index(SHARED, ["kk", "ru"], "kk")
    assert [d["location"] for d in indexes["kk"]["docs"]] == ["", "diplomacy/#intro"]
    assert [d["location"] for d in indexes["ru"]["docs"]] == ["", "transport/"]
    assert indexes["kk"]["docs"][1]["text"] == "<p>Бүгінгі</p>"  # the paragraph's ¶ is not a word
    assert indexes["kk"]["config"]["lang"] == ["kk"] and indexes["ru"]["config"]["lang"] == ["ru"]
    for index in indexes.values():
        assert index["config"]["pipeline"] == ["trimmer"]  # no stop words; stems come from edition-search.js
        assert index["config"]["separator"] == SEPARATOR


def test_doc_locale():
    assert doc_locale("ru/about/#x", ["kk", "ru"], "kk") == "ru"
    assert doc_locale("rules/", ["kk", "ru"], "kk") == "kk"


def test_the_separator_splits_words_from_every_kind_of_punctuation():
    text = "«жұмсақ күш» (ағылш. «soft power») \"Bound\" [1, С. 183] Whats‘up — Twitter-ді, т.б."
    words = [w for w in re.split(SEPARATOR, text) if w]
    assert words == ["жұмсақ", "күш", "ағылш", "soft", "power", "Bound", "1", "С", "183",
                     "Whats", "up", "Twitter", "ді", "т", "б"]


def test_the_search_base_of_a_russian_page_is_the_russian_folder():
    html = '<script id="__config" type="application/json">{"base": "../..", "search": "x"}</script>'
    assert json.loads(re.search(r">(.*)<", set_search_base(html, "ru/")).group(1))["base"] == "../../ru/"
    with pytest.raises(ValueError, match="__config"):
        set_search_base("<html></html>", "ru/")


# --- the built site -----------------------------------------------------------

def _index(site, prefix=""):
    return json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))


def test_each_language_has_its_own_index(site):
    kk, ru = _index(site), _index(site, "ru")
    assert kk["config"]["lang"] == ["kk"] and ru["config"]["lang"] == ["ru"]
    assert any(d["location"].startswith("diplomacy/") for d in kk["docs"])
    assert not any(d["location"].startswith("ru/") for d in kk["docs"])
    assert any(d["location"] == "transport/" for d in ru["docs"])
    assert "магистраль" not in json.dumps(kk, ensure_ascii=False)
    assert "жұмсақ" not in json.dumps(ru, ensure_ascii=False).replace("«Жұмсақ", "")


def test_the_kazakh_lunr_plugin_is_shipped_where_materials_worker_loads_it(site):
    plugin = (site / "assets/javascripts/lunr/min/lunr.kk.min.js").read_text(encoding="utf-8")
    assert "lunr.kk = function" in plugin
    assert all(pair in plugin for pair in ('"ә": "а"', '"ғ": "г"', '"қ": "к"', '"ң": "н"', '"ө": "о"',
                                           '"ұ": "у"', '"ү": "у"', '"һ": "х"', '"і": "и"'))


def test_russian_pages_search_the_russian_index(site):
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                       (site / "ru/transport/index.html").read_text(encoding="utf-8")).group(1)
    assert json.loads(config)["base"] == "../../ru/"


# --- queries in the browser ---------------------------------------------------

def search(page, server: str, start: str, query: str) -> dict:
    """Type query into Material's search on the page at server + start; the
    results as a reader sees them, links from the site's root ("/diplomacy/#x")."""
    page.goto(server + start)
    type_query(page, query)
    root = urlsplit(server).path
    return {
        "meta": page.locator(".md-search-result__meta").inner_text(),
        "links": ["/" + link.removeprefix(root) for link in page.locator(".md-search-result__item a").evaluate_all(
            "links => links.map(a => { const u = new URL(a.href); return u.pathname + u.hash })")],
        "marks": [m.lower() for m in page.locator(".md-search-result mark").all_inner_texts()],
    }


# (page searched from, query, a result that must be there, a word that must be highlighted)
QUERIES = [
    ("diplomacy/", "әлеуметтік", "/diplomacy/#social-networks", "әлеуметтік"),
    ("diplomacy/", "ғаламтор", "/diplomacy/#digital-diplomacy", "ғаламтор"),
    ("diplomacy/", "қоғамдық", "/diplomacy/#public-diplomacy", "қоғамдық"),
    ("diplomacy/", "меңгере", "/diplomacy/#twiplomacy", "меңгере"),
    ("diplomacy/", "өктемшіл", "/diplomacy/#digital-diplomacy", "өктемшіл"),
    ("diplomacy/", "ұялы", "/diplomacy/#digital-diplomacy", "ұялы"),
    ("diplomacy/", "үшінші", "/diplomacy/#twitter", "үшінші"),
    ("diplomacy/", "жаһандық", "/diplomacy/#twitter", "жаһандық"),
    ("diplomacy/", "білім", "/diplomacy/#social-networks", "білім"),
    ("diplomacy/", "«Улисс»", "/diplomacy/#twiplomacy", "улисс"),
    ("diplomacy/", "жұмсақ күш", "/diplomacy/#soft-power", "жұмсақ"),
    ("diplomacy/", "ТВИПЛОМАТИЯ", "/diplomacy/#twiplomacy", "твипломатия"),
    ("diplomacy/", "Кемерово", "/diplomacy/#twiplomacy", "кемерово"),
    ("diplomacy/", "цукерб", "/diplomacy/#facebook", "цукерберг"),
    ("diplomacy/", "дипломат", "/diplomacy/#digital-diplomacy", "дипломатия"),
    ("diplomacy/", "жумсак куш", "/diplomacy/#soft-power", "жұмсақ"),
    ("diplomacy/", "куш", "/diplomacy/#soft-power", "күш"),
    ("diplomacy/", "кулы", "/diplomacy/#social-networks", "құлы"),
    ("diplomacy/", "онтайл", "/diplomacy/#facebook", "оңтайландыруда"),
    ("ru/transport/", "магистраль", "/ru/transport/", "магистраль"),
    ("ru/transport/", "Туркестано", "/ru/transport/", "туркестано"),
    ("ru/transport/", "железн", "/ru/transport/", "железная"),
    ("ru/", "инфраструктуры", "/ru/transport/", "инфраструктуры"),
]


@pytest.mark.browser
@pytest.mark.parametrize("start, query, expected, highlighted", QUERIES, ids=[q[1] for q in QUERIES])
def test_query_finds_the_section_and_highlights_the_match(page, server, start, query, expected, highlighted):
    result = search(page, server, start, query)
    assert expected in result["links"], result
    assert any(mark.startswith(highlighted[:4]) for mark in result["marks"]), result


@pytest.mark.browser
@pytest.mark.parametrize("start, query", [("diplomacy/", "магистраль"), ("ru/transport/", "жұмсақ"),
                                          ("ru/transport/", "Твиттер")])
def test_a_query_does_not_cross_languages(page, server, start, query):
    result = search(page, server, start, query)
    foreign = "/ru/" if start == "diplomacy/" else "/diplomacy/"
    assert not any(link.startswith(foreign) for link in result["links"]), result


@pytest.mark.browser
def test_russian_results_stay_russian(page, server):
    result = search(page, server, "ru/transport/", "Казахстан")
    assert result["links"] and all(link.startswith("/ru/") for link in result["links"])


@pytest.mark.browser
@pytest.mark.parametrize("start, message", [("diplomacy/", "Сәйкес құжат табылмады"),
                                            ("ru/transport/", "Совпадений не найдено")])
def test_a_nonsense_query_finds_nothing_and_says_so_in_the_pages_language(page, server, start, message):
    result = search(page, server, start, "щшщжжэ")
    assert result["links"] == [] and result["meta"] == message


def open_result(page, server, start: str, query: str, section: str) -> list[str]:
    """Search, open the result for #section; the words marked in the opened page."""
    search(page, server, start, query)
    page.locator(f'.md-search-result__item a[href*="#{section}"]').first.click()
    page.wait_for_url(re.compile(rf"#{section}$"))
    page.locator("article mark").first.wait_for()
    return [text.lower() for text in page.locator("article mark").all_inner_texts()]


@pytest.mark.browser
def test_a_result_opens_the_section_with_the_match_highlighted(page, server):
    assert open_result(page, server, "diplomacy/", "Гарвард", "soft-power")[0].startswith("гарвард")


# --- stemming: inflected forms the texts do not use ----------------------------------

# (page searched from, an inflected query that is not in the texts, a section it must find)
INFLECTED = [
    ("diplomacy/", "Твиттерден", "/diplomacy/#twitter"),
    ("diplomacy/", "саясатқа", "/diplomacy/#digital-diplomacy"),
    ("diplomacy/", "дипломатиямен", "/diplomacy/#public-diplomacy"),
    ("diplomacy/", "университетте", "/diplomacy/#public-diplomacy"),
    ("diplomacy/", "фейсбукте", "/diplomacy/#facebook"),
    ("diplomacy/", "Цукербергке", "/diplomacy/#facebook"),
    ("diplomacy/", "Гарвардта", "/diplomacy/#soft-power"),
    ("diplomacy/", "концепцияға", "/diplomacy/#soft-power"),
    ("diplomacy/", "желілерден", "/diplomacy/#social-networks"),
    ("diplomacy/", "жастарымыз", "/diplomacy/#social-networks"),
    ("diplomacy/", "технологиялардан", "/diplomacy/#digital-diplomacy"),
    ("diplomacy/", "блогтарда", "/diplomacy/#digital-diplomacy"),
    ("diplomacy/", "оппозициямен", "/diplomacy/#digital-diplomacy"),
    ("diplomacy/", "стипендияларға", "/diplomacy/#soft-power"),
    ("diplomacy/", "гранттардан", "/diplomacy/#soft-power"),
    ("diplomacy/", "президенттерге", "/diplomacy/#twiplomacy"),
    ("diplomacy/", "романға", "/diplomacy/#twiplomacy"),
    ("diplomacy/", "Кемеровода", "/diplomacy/#twiplomacy"),
    ("diplomacy/", "пайдаланушылармен", "/diplomacy/#facebook-diplomacy"),
    ("diplomacy/", "журналистерге", "/diplomacy/#twitter"),
    ("diplomacy/", "акторларға", "/diplomacy/#soft-power"),
    ("diplomacy/", "ресурстарымен", "/diplomacy/#soft-power"),
    ("diplomacy/", "ұйымдармен", "/diplomacy/#twitter"),
    ("diplomacy/", "жумсак кушке", "/diplomacy/#soft-power"),
    ("ru/transport/", "железных", "/ru/transport/"),
    ("ru/transport/", "путях", "/ru/transport/"),
    ("ru/transport/", "магистралей", "/ru/transport/"),
    ("ru/transport/", "Петропавловском", "/ru/transport/"),
    ("ru/transport/", "Караганды", "/ru/transport/"),
    ("ru/transport/", "территорией", "/ru/transport/"),
    ("ru/transport/", "ресурсами", "/ru/transport/"),
    ("ru/transport/", "границе", "/ru/transport/"),
    ("ru/transport/", "Узбекистана", "/ru/transport/"),
    ("ru/transport/", "особенностью", "/ru/transport/"),
    ("ru/transport/", "развитию", "/ru/transport/"),
    ("ru/transport/", "морем", "/ru/transport/"),
    ("ru/", "инфраструктурой", "/ru/transport/"),
]
TEXTS = {"diplomacy/": ROOT / "docs/kk/diplomacy.md", "ru/transport/": ROOT / "docs/ru/transport.md",
         "ru/": ROOT / "docs/ru/transport.md"}


def test_the_inflected_queries_are_not_in_the_texts():
    assert len(INFLECTED) >= 30
    for start, query, _ in INFLECTED:
        text = TEXTS[start].read_text(encoding="utf-8").lower()
        for word in query.lower().split():
            assert not re.search(rf"(?<!\w){word}(?!\w)", text), query


@pytest.mark.browser
@pytest.mark.parametrize("start, query, expected", INFLECTED, ids=[q[1] for q in INFLECTED])
def test_an_inflected_query_finds_the_section_and_highlights_the_forms_it_uses(page, server, start, query, expected):
    result = search(page, server, start, query)
    assert expected in result["links"], result
    words = query.lower().split()
    assert any(mark not in words and fold(mark)[:3] in {fold(w)[:3] for w in words}  # a stem has 3 letters or more
               for mark in result["marks"]), result


def fold(word: str) -> str:
    """As typed on a Russian keyboard, like the query «жумсак» for «жұмсақ»."""
    return word.translate(str.maketrans("әғқңөұүһі", "агкноуухи"))


@pytest.mark.browser
def test_the_opened_section_highlights_the_forms_that_matched(page, server):
    marked = set(open_result(page, server, "diplomacy/", "желілерден", "social-networks"))
    assert marked and all(text.startswith("желі") for text in marked), marked
    words = {w.lower() for w in page.locator("#p-8").inner_text().split()}
    assert "желілерден" not in words


@pytest.mark.browser
@pytest.mark.parametrize("start, query, most", [("diplomacy/", "мемлекеттерде", "мемлекет"),
                                                ("diplomacy/", "желілерден", "желі"),
                                                ("diplomacy/", "саясатқа", "саясат")])
def test_the_first_result_of_an_inflected_query_uses_the_word_most(page, server, site, start, query, most):
    docs = _index(site)["docs"]
    counts = {"/" + d["location"]: len(re.findall(rf"(?<!\w){most}", (d["title"] + " " + d["text"]).lower()))
              for d in docs if "#" in d["location"]}
    result = search(page, server, start, query)
    first = next((link for link in result["links"] if "#" in link), None)
    assert first, result
    assert counts[first] == max(counts.values()), (first, counts)


@pytest.mark.browser
@pytest.mark.parametrize("query", ["ел", "мен"])
def test_a_short_word_does_not_return_every_section(page, server, site, query):
    sections = [d for d in _index(site)["docs"] if d["location"].startswith("diplomacy/#")]
    result = search(page, server, "diplomacy/", query)
    found = [link for link in result["links"] if link.startswith("/diplomacy/#")]
    assert 0 < len(found) < len(sections), found


@pytest.mark.browser
@pytest.mark.parametrize("start, query, message", [("diplomacy/", "лар", "Сәйкес құжат табылмады"),
                                                   ("diplomacy/", "дың", "Сәйкес құжат табылмады"),
                                                   ("ru/transport/", "ных", "Совпадений не найдено")])
def test_a_bare_ending_finds_nothing(page, server, start, query, message):
    assert search(page, server, start, query)["meta"] == message


# (word, its stem): plural, case, possessive and personal endings with their
# vowel and voicing variants; never below three letters; only after the sounds
# an ending follows.
KAZAKH_STEMS = [
    ("твиттерден", "твит"), ("саясатқа", "саясат"), ("саясаты", "саясат"), ("саясатында", "саясат"),
    ("дипломатиямен", "дипломатия"), ("дипломатияның", "дипломатия"), ("университетте", "университет"),
    ("фейсбукте", "фейсбук"), ("мемлекеттердің", "мемлекет"), ("кітаптарымыздан", "кітап"),
    ("студенттерге", "студент"), ("желілерде", "желі"), ("білімі", "білім"), ("күшінің", "күш"),
    ("ақпараттың", "ақпарат"), ("тұрғындары", "тұрғын"), ("балалар", "бала"), ("қалада", "қала"),
    ("мектептен", "мектеп"), ("күшпен", "күш"), ("бізбен", "біз"), ("жастарға", "жас"),
    ("гарвардта", "гарвард"), ("цукербергке", "цукерберг"), ("адамның", "адам"), ("кезде", "кез"),
    ("ел", "ел"), ("елдерде", "елдер"), ("жаңа", "жаңа"), ("мақала", "мақала"), ("мақалаға", "мақала"),
    ("мен", "мен"), ("лар", "лар"), ("жұмсақ", "жұмсақ"), ("халықаралық", "халықаралық"),
]


@pytest.mark.browser
def test_the_kazakh_stemmer_on_a_word_list(page):
    page.set_content("<script>self.lunr = {Pipeline: {registerFunction() {}}}</script>")
    page.add_script_tag(path=str(ROOT / "docs/assets/javascripts/lunr/min/lunr.kk.min.js"))
    stems = page.evaluate("words => words.map(w => lunr.kk.stemWord(w))", [w for w, _ in KAZAKH_STEMS])
    assert dict(zip([w for w, _ in KAZAKH_STEMS], stems)) == dict(KAZAKH_STEMS)


def test_each_languages_lunr_plugin_carries_the_stem_search_once(site):
    for language in ("kk", "ru"):
        plugin = (site / f"assets/javascripts/lunr/min/lunr.{language}.min.js").read_text(encoding="utf-8")
        assert plugin.count(f'editionSearch(self.lunr, "{language}")') == 1
        assert plugin.count("function editionSearch(") == 1
