"""The search indexes, on plain data: one per language, their separator, ranks and summaries."""

import json
import re

import pytest

from scholarly_edition.page_html import rewrite
from scholarly_edition.search import REFERENCES_BOOST, SEPARATOR, doc_locale, set_search_base, split_index

SHARED = {
    "config": {"lang": ["ru"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"], "fields": {}},
    "docs": [
        {"location": "", "title": "Басты бет", "text": ""},
        {"location": "diplomacy/", "title": "Мақала", "text": "<p>УДК 327.82</p>"},
        {"location": "diplomacy/#intro", "title": "Кіріспе", "text": "<p>Бүгінгі¶</p>"},
        {"location": "diplomacy/#references", "title": "Әдебиеттер", "text": "<ol>…</ol>"},
        {"location": "ru/", "title": "Главная", "text": ""},
        {"location": "ru/transport/", "title": "Транспорт", "text": "<p>Казахстан</p>"},
    ],
}


def test_the_shared_index_splits_into_one_index_per_language():
    indexes = split_index(
        SHARED, ["kk", "ru"], "kk", {"diplomacy/": "Мақаланың сипаттамасы."}, {"diplomacy/": "references"}
    )
    kk, ru = indexes["kk"]["docs"], indexes["ru"]["docs"]
    assert [d["location"] for d in kk] == ["", "diplomacy/", "diplomacy/#intro", "diplomacy/#references"]
    assert [d["location"] for d in ru] == ["", "transport/"]
    assert kk[1]["text"] == "<p>Мақаланың сипаттамасы.</p><p>УДК 327.82</p>"  # the summary first, not the UDC
    assert kk[2]["text"] == "<p>Бүгінгі</p>"  # the paragraph's ¶ is not a word
    assert kk[3]["boost"] == REFERENCES_BOOST < 1 and "boost" not in kk[2]
    assert indexes["kk"]["config"]["lang"] == ["kk"] and indexes["ru"]["config"]["lang"] == ["ru"]
    for index in indexes.values():
        assert index["config"]["pipeline"] == ["trimmer"] and index["config"]["separator"] == SEPARATOR


def test_doc_locale():
    assert doc_locale("ru/about/#x", ["kk", "ru"], "kk") == "ru"
    assert doc_locale("rules/", ["kk", "ru"], "kk") == "kk"


def test_the_separator_splits_words_from_every_kind_of_punctuation():
    text = '«жұмсақ күш» (ағылш. «soft power») "Bound" [1, С. 183] Whats‘up — Twitter-ді, т.б.'
    assert [w for w in re.split(SEPARATOR, text) if w] == [
        "жұмсақ",
        "күш",
        "ағылш",
        "soft",
        "power",
        "Bound",
        "1",
        "С",
        "183",
        "Whats",
        "up",
        "Twitter",
        "ді",
        "т",
        "б",
    ]


def test_the_search_base_of_a_russian_page_is_the_russian_folder():
    html = '<head><script id="__config" type="application/json">{"base": "../..", "x": "<"}</script></head>'
    rewritten = rewrite(html, set_search_base, "ru/")
    assert json.loads(re.search(r">(\{.*\})<", rewritten).group(1))["base"] == "../../ru/"
    assert "\\u003c" in rewritten
    with pytest.raises(ValueError, match="__config"):
        rewrite("<html></html>", set_search_base, "ru/")
