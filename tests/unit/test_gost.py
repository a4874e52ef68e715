"""refs.bib read as BibTeX is written, and each entry written after GOST R
7.0.5 in the words of the cited work's language (tests/data/gost.bib)."""

import re

import pytest
from mkdocs.exceptions import PluginError

from expected import ROOT
from scholarly_edition import bibliography, gost
from scholarly_edition.sources import read_text
from strings_helper import string_table, work_language_table

FIXTURE = bibliography.parse((ROOT / "tests/data/gost.bib").read_text(encoding="utf-8"))
WORDS = {lang: string_table(lang) for lang in ("kk", "ru", "en")}


def text(key: str, lang: str) -> str:
    return gost.text(gost.reference(FIXTURE[key], WORDS[lang]))


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
    assert text(key, "ru") == EXPECTED_RU[key]


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
        lang: "Ким В. П. Цифровая публичная дипломатия // Дипломатия XXI века. – Алматы : Дайк-Пресс, 2016. – "
        f"{p} 12–30."
        for lang, p in (("ru", "С."), ("kk", "Б."), ("en", "P."))
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
    "four-authors": {
        "ru": EXPECTED_RU["four-authors"],
        "kk": EXPECTED_RU["four-authors"].replace("[и др.]", "[т.б.]").replace("150 с.", "150 б."),
        "en": EXPECTED_RU["four-authors"].replace("[и др.]", "[et al.]").replace("150 с.", "150 p."),
    },
}


@pytest.mark.parametrize("key, lang", [(key, lang) for key in BY_TYPE for lang in ("kk", "ru", "en")])
def test_each_supported_type_in_each_language(key, lang):
    assert text(key, lang) == BY_TYPE[key][lang]


def test_latex_is_decoded_and_every_field_placed_where_gost_puts_it():
    assert text("full-book", "ru") == (
        "Études sur la diplomatie — témoignages / H. Müller [и др.]. Т. 2. – 2-е изд., испр. – Paris : Presses, "
        "2010. – 300 с. – (Bibliothèque diplomatique ; 5). – ISBN 978-2-7246-1234-5. – DOI: 10.1000/xyz_123. – "
        "Перевод с французского."
    )


def test_a_doi_is_linked_at_doi_org_and_written_without_its_resolver():
    segments = gost.reference(FIXTURE["doi-article"], WORDS["kk"])
    links = [(s.text, s.href) for s in segments if s.href]
    assert links == [("10.26577/JAPJ.2019.v87.i3.02", "https://doi.org/10.26577/JAPJ.2019.v87.i3.02")]
    assert gost.text(segments) == (
        "Ахметова Г. Цифрлық дипломатия // ҚазҰУ Хабаршысы. – 2019. – Т. 3, № 87. – "
        "Б. 15–24. – DOI: 10.26577/JAPJ.2019.v87.i3.02."
    )


def test_a_url_is_linked():
    segments = gost.reference(FIXTURE["webpage"], WORDS["ru"])
    assert [s.href for s in segments if s.href] == ["https://example.org/twiplomacy-2018"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_english_words_and_titles_keep_their_case(lang):
    for key, reference in FIXTURE.items():
        if reference.language == "english":
            continue
        written = text(key, lang)
        assert not re.search(r"\b(and|others|pages|pp|In|Retrieved|accessed|edition)\b", written), written
        assert reference.get("title") in written


def test_the_work_language_is_read_from_langid_or_language():
    assert FIXTURE["english-book"].language == "english" and FIXTURE["doi-article"].language == "kazakh"
    assert text("english-book", "en").endswith("2004. – 191 p.")


def test_an_entry_without_details_says_the_source_names_no_work_then_gives_its_note():
    entries = bibliography.parse("@misc{s, note = {Мақалада анықтама үшін келтірілген.}}")
    unnamed = WORDS["kk"]("edition.reference.unnamed")
    assert text_of(entries["s"]) == f"{unnamed} Мақалада анықтама үшін келтірілген."
    assert not entries["s"].known


def text_of(reference):
    return gost.text(gost.reference(reference, WORDS["kk"]))


# --- what fails, and where -----------------------------------------------------


@pytest.mark.parametrize(
    "bib, message",
    [
        (
            "@misc{a,\n  note = {x}\n}\n\n@misc{a,\n  note = {y}\n}\n",
            r"refs\.bib:5: duplicate key 'a' \(first defined on line 1\)",
        ),
        ("@misc{Source,\n  note = {x}\n}\n@misc{source,\n  note = {y}\n}\n", r"refs\.bib:4: duplicate key 'source'"),
        (
            "@misc{a,\n  note = {x}\n}\n@misc{b,\n  note = {y,\n}\n",
            r"refs\.bib:7: malformed BibTeX in or after entry 'b' \(from line 4\): premature end of file",
        ),
        (
            "@manual{m,\n  title = {x}\n}\n",
            r"refs\.bib:1: entry 'm' has the type @manual, which the edition cannot format",
        ),
        (
            "@book{b,\n  title = {x},\n  abstract = {y}\n}\n",
            r"refs\.bib:3: entry 'b' \(@book\) has the field `abstract`, which a "
            r"GOST reference of this type cannot place; remove it, or use one of",
        ),
        ("@article{a,\n  title = {x},\n  journal = {J},\n  pagetotal = {5}\n}\n", r"refs\.bib:4: .*`pagetotal`"),
        (
            "@book{b,\n  title = {\\textit{x}}\n}\n",
            r"refs\.bib:2: the LaTeX command \\textit in `title` cannot be shown",
        ),
        ("@book{b,\n  author = {X, Y}\n}\n", r"refs\.bib:1: entry 'b' \(@book\) has no title"),
        ("@misc{b,\n  year = {2000}\n}\n", r"refs\.bib:1: entry 'b' has neither a title nor a note"),
        # names as a reference list writes them, which BibTeX would read with an initial as the family name
        (
            "@book{b,\n  title = {x},\n  author = {Най Дж. С.}\n}\n",
            r"refs\.bib:3: the author «Най Дж\. С\.» is written as a reference list writes it.*"
            r"write `author = \{Най, Дж\. С\.\}`",
        ),
        (
            "@book{b,\n  title = {x},\n  author = {Иванов И. И., Петров П. П.}\n}\n",
            r"refs\.bib:3: .*write `author = \{Иванов, И\. И\. and Петров, П\. П\.\}`",
        ),
        # a page word the reference writes itself, in the cited work's language
        (
            "@article{a,\n  title = {x},\n  journal = {J},\n  pages = {С. 101--108}\n}\n",
            r"refs\.bib:4: `pages` holds the word «С\.».*write only the numbers: `pages = \{101--108\}`",
        ),
        ("@book{b,\n  title = {x},\n  pagetotal = {336 с.}\n}\n", r"refs\.bib:3: `pagetotal` holds the word «с\.»"),
    ],
)
def test_bad_bibtex_fails_at_its_line_saying_what_to_do(bib, message):
    with pytest.raises(PluginError, match=message):
        bibliography.parse(bib)


@pytest.mark.parametrize(
    "names, read",
    [
        ("Най, Дж. С.", ["Най Дж. С."]),
        ("Дж. С. Най", ["Най Дж. С."]),
        ("Nye, Joseph S. and Keohane, R. O.", ["Nye J. S.", "Keohane R. O."]),
        ("de la Fontaine, J.", ["de la Fontaine J."]),
        ("Slaughter, Anne-Marie", ["Slaughter A.-M."]),  # GOST R 7.0.5 keeps a given name's hyphen
    ],
)
def test_names_in_bibtex_order_are_read(names, read):
    authors = bibliography.parse(f"@book{{b,\n  title = {{x}},\n  author = {{{names}}}\n}}\n")["b"].authors
    assert [f"{a.family} {a.initials}" for a in authors] == read


def test_a_file_not_in_utf_8_fails_at_its_first_such_line_naming_its_encoding(tmp_path):
    bib = tmp_path / "refs.bib"
    entry = "@book{b,\n  title = {Мягкая сила. Средства успеха в мировой политике},\n  author = {Най, Дж. С.},\n"
    bib.write_bytes((entry + "  publisher = {Тренд},\n  address = {Москва}\n}\n").encode("cp1251"))
    with pytest.raises(PluginError, match=r"refs\.bib:2: the file is not UTF-8 \(byte 0x..; it looks like CP1251\)"):
        read_text(bib)


def test_a_byte_order_mark_is_not_part_of_the_first_entry():
    assert list(bibliography.parse("\ufeff@misc{a,\n  note = {x}\n}\n")) == ["a"]


def test_a_german_work_is_cited_with_its_own_page_word():
    """GOST R 7.0.5 for a German work: «S.» for a page, «u. a.» for others, «o. J.» where no year."""
    t = work_language_table("german")
    ref = bibliography.parse(
        "@book{b,\n  author = {Weber, Max and others},\n  title = {Wirtschaft},\n  pagetotal = {836},\n"
        "  langid = {german}\n}\n"
    )["b"]
    assert (
        t("edition.cite.locator") == "S."
        and gost.text(gost.reference(ref, t)) == "Wirtschaft / M. Weber [u. a.]. – 836 S."
    )
