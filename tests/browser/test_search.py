"""Search as readers use it, typed into Chromium: one index per language,
Kazakh and Russian words in any inflected form, Kazakh typed on a Russian
keyboard, highlighting in the results (on the opened page: test_search_opened.py).

Each row names a word form of the text a query must find; the section it
must find is the one whose indexed text holds that form, so the tables check
the search, not today's headings. The tables run at the domain root."""

import json
import re
from urllib.parse import urlsplit

import pytest
from search_helper import body, language_of, long_words, stems_in_texts, text_sections, words_of

from conftest import DESKTOP, type_query, words
from strings_helper import string_table

# (language, query, a word form of the text it must find and highlight); a row applies to
# an edition whose text in that language holds the form (this repository's texts hold them).
QUERIES = [
    ("kk", "әлеуметтік", "әлеуметтік"),
    ("kk", "ғаламтор", "ғаламтор"),
    ("kk", "қоғамдық", "қоғамдық"),
    ("kk", "меңгере", "меңгере"),
    ("kk", "өктемшіл", "өктемшіл"),
    ("kk", "ұялы", "ұялы"),
    ("kk", "үшінші", "үшінші"),
    ("kk", "жаһандық", "жаһандық"),
    ("kk", "білім", "білім"),
    ("kk", "«Улисс»", "улисс"),
    ("kk", "жұмсақ күш", "жұмсақ"),
    ("kk", "ТВИПЛОМАТИЯ", "твипломатия"),
    ("kk", "Кемерово", "кемерово"),
    ("kk", "цукерб", "цукерберг"),
    ("kk", "дипломат", "дипломатия"),
    ("kk", "жумсак куш", "жұмсақ"),
    ("kk", "куш", "күш"),
    ("kk", "кулы", "құлы"),
    ("kk", "онтайл", "оңтайландыруда"),
    ("ru", "магистраль", "магистраль"),
    ("ru", "Туркестано", "туркестано"),
    ("ru", "железн", "железная"),
    ("ru/", "инфраструктуры", "инфраструктуры"),
]

# Inflected forms the texts do not use: (page, query, a form of the text it must find)
INFLECTED = [
    ("kk", "Твиттерден", "твиттер"),
    ("kk", "саясатқа", "саясатында"),
    ("kk", "дипломатиямен", "дипломатияның"),
    ("kk", "университетте", "университетінің"),
    ("kk", "фейсбукте", "фейсбук"),
    ("kk", "Цукербергке", "цукерберг"),
    ("kk", "Гарвардта", "гарвард"),
    ("kk", "концепцияға", "концепциясын"),
    ("kk", "желілерден", "желілер"),
    ("kk", "жастарымыз", "жастар"),
    ("kk", "технологиялардан", "технологиялардың"),
    ("kk", "блогтарда", "блогтар"),
    ("kk", "оппозициямен", "оппозицияны"),
    ("kk", "стипендияларға", "стипендиялар"),
    ("kk", "гранттардан", "гранттар"),
    ("kk", "президенттерге", "президенттері"),
    ("kk", "романға", "романның"),
    ("kk", "Кемеровода", "кемерово"),
    ("kk", "пайдаланушылармен", "пайдаланушылардың"),
    ("kk", "журналистерге", "журналисттер"),
    ("kk", "акторларға", "акторлардың"),
    ("kk", "ресурстарымен", "ресурстарға"),
    ("kk", "ұйымдармен", "ұйымдары"),
    ("kk", "жумсак кушке", "жұмсақ"),
    ("ru", "железных", "железными"),
    ("ru", "путях", "путей"),
    ("ru", "магистралей", "магистраль"),
    ("ru", "Петропавловском", "петропавловск"),
    ("ru", "Караганды", "караганду"),
    ("ru", "территорией", "территория"),
    ("ru", "ресурсами", "ресурсов"),
    ("ru", "границе", "границам"),
    ("ru", "Узбекистана", "узбекистаном"),
    ("ru", "особенностью", "особенностей"),
    ("ru", "развитию", "развития"),
    ("ru", "морем", "морю"),
    ("ru", "инфраструктурой", "инфраструктуры"),
    # Kazakh typed on a Russian keyboard, with an ending that holds a Kazakh letter
    ("kk", "технологиялардын", "технологиялардың"),
    ("kk", "концепцияга", "концепциясын"),
    ("kk", "мемлекеттери", "мемлекеттер"),
    ("kk", "тартымдылыктын", "тартымдылықпен"),
    ("kk", "желилерин", "желілердің"),
    # a stem-final consonant that alternates: қ/ғ, к/г, п/б
    ("kk", "бастығы", "бастықтар"),
    ("kk", "мектепке", "мектебінің"),
]

# Forms that share letters with a word of the text but not its stem: (language, query, the word it must not find)
FALSE_FRIENDS = [
    ("kk", "ақпанда", "ақпарат"),  # in February / information
    ("kk", "желдің", "желі"),  # of the wind / network
    ("kk", "балдың", "бала"),  # of honey / child
    ("ru", "крупа", "крупнейшей"),  # groats / largest
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
            # every mark, those in a page's folded results too
            "marks": [m.lower() for m in page.locator(".md-search-result mark").all_text_contents()],
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
    """The sections of the page searched from whose words include form."""
    return {location for location, words_ in sections.items() if form in words_ and location.startswith("/" + start)}


# --- what each edition's texts give the tables -------------------------------


def rows_holding_their_form(table):
    """make(project): each row (language, query, form, …) as (URL of a text of that language
    whose Markdown holds the form, query, form, …); a row no text holds is not made."""

    def make(project):
        found = []
        for locale, query, form, *rest in table:
            text = next((t for t in project.texts if t.locale == locale and form in words_of(t)), None)
            if text:
                found.append((text.url, query, form, *rest))
        return found

    return make


# --- the tables, where the edition's texts hold their forms ------------------


@pytest.mark.cases(make=rows_holding_their_form(QUERIES + INFLECTED))
def test_a_query_finds_the_sections_holding_the_form_and_highlights_it(searcher, sections, case):
    start, query, form = case
    expected = holding(sections, form, start)
    assert expected, f"no section holds «{form}»: correct the table"
    result = searcher.search(start, query)
    links = set(result["links"])
    assert links & expected, (query, expected, result)
    assert any(mark.startswith(form[:4]) or form.startswith(mark[:4]) for mark in result["marks"]), result


@pytest.mark.cases(make=rows_holding_their_form(FALSE_FRIENDS))
def test_a_form_of_another_word_does_not_find_a_word_sharing_its_letters(searcher, case):
    start, query, word = case
    result = searcher.search(start, query)
    assert not any(mark.startswith(word[:4]) for mark in result["marks"]), result


@pytest.mark.cases(make=rows_holding_their_form(INFLECTED))
def test_the_inflected_queries_are_not_in_the_texts(project, case):
    start, query, _ = case
    text = next(text for text in project.texts if text.url == start)
    for word in query.lower().split():
        assert not re.search(rf"(?<!\w){word}(?!\w)", body(text)), query


# --- every edition: each section found by its own words, languages apart ----


def own_words(project):
    """(text URL, a word of one section only, that section's heading id) for each text's sections."""
    found = []
    for text in project.texts:
        parts = text_sections(text)
        for part in parts:
            heading = re.search(r"\{#([\w-]+)", part.split("\n", 1)[0])
            others = set().union(*(set(re.findall(r"\w+", p)) for p in parts if p is not part))
            own = [w for w in re.findall(r"[^\W\d_]{6,}", part.split("\n", 1)[-1]) if w not in others]
            if heading and own and heading.group(1) != "references":
                found.append((text.url, own[0], heading.group(1)))
    return found


@pytest.mark.every_edition
@pytest.mark.cases(make=own_words)
def test_a_word_of_one_section_finds_that_section_and_highlights_it(searcher, case):
    start, word, section = case
    result = searcher.search(start, word)
    assert f"/{start}#{section}" in result["links"], result
    assert any(mark.startswith(word[:4]) for mark in result["marks"]), result


def foreign_words(project):
    """(a text's URL, a word of a text in another language that no page of the first's holds)."""
    found = []
    for text in project.texts:
        own = set().union(*(words_of(t) for t in project.texts if t.locale == text.locale))
        own |= set(
            re.findall(
                r"\w+",
                " ".join(
                    p.read_text(encoding="utf-8").lower() for p in (project.root / "docs" / text.locale).glob("*.md")
                ),
            )
        )
        other = next((t for t in project.texts if t.locale != text.locale), None)
        word = other and next((w for w in long_words(other) if w not in own), None)
        if word and text.locale not in [row[2] for row in found]:
            found.append((text.url, word, text.locale))
    return found


@pytest.mark.every_edition
@pytest.mark.cases(make=foreign_words)
def test_a_query_does_not_cross_languages(searcher, project, case):
    start, query, locale = case
    result = searcher.search(start, query)
    assert all(language_of(link, project) == locale for link in result["links"]), result


def test_a_nonsense_query_or_a_bare_ending_finds_nothing_and_says_so(searcher, text):
    for query in ("щшщжжэ", "лар", "дың", "ных"):
        result = searcher.search(text.url, query)
        assert result["links"] == [] and result["meta"] == result["words"]["search.result.none"], (query, result)


def shared_short_words(project):
    """(text URL, a short word some but not all of its sections hold) from SHORT_WORDS."""
    found = []
    for locale, word in SHORT_WORDS:
        for text in (t for t in project.texts if t.locale == locale):
            holding_ = [p for p in text_sections(text) if re.search(rf"(?<!\w){word}(?!\w)", p)]
            if 0 < len(holding_) < len(text_sections(text)):
                found.append((text.url, word))
                break
    return found


SHORT_WORDS = [("kk", "ел"), ("kk", "мен")]


@pytest.mark.cases(make=shared_short_words)
def test_a_short_word_does_not_return_every_section(searcher, sections, case):
    start, query = case
    own = [location for location in sections if location.startswith(f"/{start}#")]
    found = [link for link in searcher.search(start, query)["links"] if link.startswith(f"/{start}#")]
    assert 0 < len(found) < len(own), found


@pytest.mark.cases(make=stems_in_texts)
def test_the_first_result_of_an_inflected_query_holds_a_form_of_the_word(searcher, site, project, case):
    """The first section found holds the word; which of those ranks first is the index's scoring
    of the forms that matched, not a count of everything that begins like the word."""
    start, query, stem = case
    prefix = "" if language_of(start, project) == project.default else f"{language_of(start, project)}/"
    index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
    counts = {
        "/" + prefix + d["location"]: len(re.findall(rf"(?<!\w){stem}", (d["title"] + " " + d["text"]).lower()))
        for d in index["docs"]
        if "#" in d["location"]
    }
    first = next(link for link in searcher.search(start, query)["links"] if "#" in link)
    assert counts[first] > 0, (first, counts)


def reference_words(project):
    """(text URL, a word both a section and the reference list of the text hold)."""
    found = []
    for text in (t for t in project.texts if t.cited_keys):
        listed = " ".join(project.reference_text(key, string_table(text.locale)) for key in text.cited_keys).lower()
        sections_ = [p for p in text_sections(text) if "\\bibliography" not in p]
        word = next((w for w in re.findall(r"[^\W\d_]{5,}", listed) if any(w in p for p in sections_)), None)
        if word:
            found.append((text.url, word))
    return found


@pytest.mark.cases(make=reference_words)
def test_a_texts_sections_rank_above_its_references_and_its_result_shows_its_description(searcher, project, case):
    start, word = case
    text = next(t for t in project.texts if t.url == start)
    result = searcher.search(start, word)
    found = [link for link in result["links"] if "#" in link]
    references = f"/{start}#{text.reference_section}"
    assert found[0] != references and references in found, found
    # Words of the description the text does not hold: where the page's own entry is all that is
    # found on it, Material shows that entry's snippet, which must be the description.
    own = [w for w in re.findall(r"[^\W\d_]{4,}", text.meta["description"].lower()) if w not in words_of(text)]
    snippets = []
    for word in own:
        searcher.search(start, word)
        teaser = searcher.pages[start].locator(f".md-search-result__item a[href*='/{start}']:not([href*='#']) p")
        snippets += teaser.all_inner_texts()[:1]
    assert snippets, f"no word of the description ({own}) finds the page alone"
    assert all(snippet.startswith(text.meta["description"][:40]) for snippet in snippets), snippets


# --- precision: what a query must not find, from the texts' own words ----------

LOOK_ALIKES = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "к": "k", "і": "i", "һ": "h"}


def one_letter_queries(project):
    """(text URL, a letter that begins words of the text): typed alone it must find that letter
    only as a word of its own."""
    found = []
    for text in project.texts:
        letter = next(w[0] for w in long_words(text) if w[0].isalpha())
        found.append((text.url, letter))
    return found


@pytest.mark.every_edition
@pytest.mark.cases(make=one_letter_queries)
def test_a_one_letter_query_marks_only_that_letter_as_a_word(searcher, case):
    start, letter = case
    result = searcher.search(start, letter)
    assert all(mark == letter for mark in result["marks"]), result["marks"]


def look_alike_queries(project):
    """(text URL, a word of the text with one letter typed as its Latin look-alike, the word)."""
    found = []
    for text in project.texts:
        word = next((w for w in long_words(text) if any(c in LOOK_ALIKES for c in w[1:])), None)
        if word:
            at = next(i for i, c in enumerate(word) if i and c in LOOK_ALIKES)
            found.append((text.url, word[:at] + LOOK_ALIKES[word[at]] + word[at + 1 :], word))
    return found


@pytest.mark.every_edition
@pytest.mark.cases(make=look_alike_queries)
def test_a_latin_look_alike_letter_finds_the_cyrillic_word(searcher, sections, case):
    start, query, word = case
    result = searcher.search(start, query)
    assert set(result["links"]) & holding(sections, word, start), (query, result["links"])
    assert word in result["marks"], result["marks"]


@pytest.mark.every_edition
def test_latin_words_are_found_on_every_languages_pages(searcher, sections, project, text):
    """Names and abbreviations in Latin letters, which the pages of the text's language hold."""
    own = {loc: words_ for loc, words_ in sections.items() if language_of(loc, project) == text.locale}
    latin = sorted({w for words_ in own.values() for w in words_ if re.fullmatch(r"[a-z]{3,}", w)})[:3]
    for word in latin:
        expected = {loc for loc, words_ in own.items() if word in words_}
        assert set(searcher.search(text.url, word)["links"]) & expected, word


# A name's consonants in one alphabet for both scripts, as edition-search.js documents its table.
CYRILLIC_SOUNDS = dict(zip("бвгғджзкқлмнңпрстфхһцчшщ", "bvggdjzkklmnnprstfhhzcww", strict=True))
LATIN_SOUNDS = [
    ("sh", "w"), ("ch", "c"), ("ck", "k"), ("ph", "f"), ("th", "t"), ("kh", "h"), ("zh", "j"),
    (r"t[sz]", "z"), (r"c(?=[eiy])", "s"), ("[cq]", "k"), ("w", "v"), ("x", "ks"), ("[aeiouy]", ""),
]  # fmt: skip


def sounds(word: str) -> str:
    if re.fullmatch(r"[a-z]+", word):
        for pattern, sound in LATIN_SOUNDS:
            word = re.sub(pattern, sound, word)
    else:
        word = "".join(CYRILLIC_SOUNDS.get(c, "") for c in word)
    return re.sub(r"(.)\1+", r"\1", word)


def names_in_both_scripts(project):
    """(text URL, a name the text spells in one script, a form it spells in the other)."""
    found = []
    for text in project.texts:
        words_ = words_of(text)
        prose = re.sub(r"<[^>]+>|\{[^}]*\}|\[@[^\]]*\]", " ", text.source.split("---\n", 2)[-1])
        latin = {w.lower() for w in re.findall(r"\b[A-Z][a-z]{3,}\b", prose) if len(sounds(w.lower())) >= 3}
        for name in sorted(latin):
            other = sorted(w for w in words_ if not re.fullmatch(r"[a-z]+", w) and sounds(w) == sounds(name))
            if other:
                found += [(text.url, name, other[0]), (text.url, other[0], name)]
                break
    return found


@pytest.mark.every_edition
@pytest.mark.cases(make=names_in_both_scripts)
def test_a_name_is_found_in_either_script(searcher, sections, case):
    start, query, spelled = case
    result = searcher.search(start, query)
    assert set(result["links"]) & holding(sections, spelled, start), (query, spelled, result["links"])


def one_word_rows(project):
    return [row for row in rows_holding_their_form(INFLECTED)(project) if " " not in row[1]]


@pytest.mark.cases(make=one_word_rows)
def test_a_result_lists_no_term_as_not_found_and_the_count_says_the_pages_listed(searcher, case):
    start, query, _form = case
    result = searcher.search(start, query)
    page = searcher.pages[start]
    assert page.locator(".md-search-result__terms").count() == 0, query
    listed = page.locator(".md-search-result__item").count()
    assert result["meta"] in (
        result["words"]["search.result.one"],
        result["words"]["search.result.other"].replace("#", str(listed)),
    ), (result["meta"], listed)
    for item in page.locator(".md-search-result__item").all():  # a page's best section is never folded
        if item.locator("a[href*='#']").count():
            assert item.locator("a[href*='#']").filter(visible=True).count(), query
