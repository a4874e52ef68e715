"""edition-record.yml: read with its lines, rendered on the about pages,
checked in the texts, applied token by token."""

import datetime

import pytest
from mkdocs.exceptions import PluginError

from scholarly_edition import edition_record
from scholarly_edition.dates import long_date
from scholarly_edition.edition_record import apply_changes, counts, load, mark_emendations, tokens
from scholarly_edition.page_html import rewrite
from strings_helper import string_table

# A small record of its own, for the tests that break one.
FIXTURE = """version: "2.0.0"
released: 2026-01-02
corrections:
  - version: "2.0.0"
    date: 2026-01-02
    changes: {kk: Екінші., ru: Вторая.}
  - version: "1.0.0"
    date: 2026-01-01
    changes: {kk: Бірінші., ru: Первая.}
glyphs:
  page: kk/t.md
  letters:
    - {source: ҽ, text: ә, count: 3}
changes:
  - {kind: space, page: kk/t.md, paragraph: p-1, source: "біреки", text: "бір еки"}
  - kind: emendation
    page: kk/t.md
    paragraph: p-2
    source: ғшғнде
    text: ішінде
    reason: {kk: Себебі., ru: Причина.}
kept:
  - {kind: spelling-kept, page: kk/t.md, forms: [интеренет]}
"""


def _record(tmp_path, text):
    path = tmp_path / "edition-record.yml"
    path.write_text(text, encoding="utf-8")
    return load(path)


def line_of(text: str, fragment: str, nth: int = 0) -> int:
    return [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line][nth]


def test_every_entry_knows_its_line(tmp_path):
    record = _record(tmp_path, FIXTURE)
    assert [change["__line__"] for change in record.changes] == [
        line_of(FIXTURE, "біреки"),
        line_of(FIXTURE, "emendation"),
    ]


def test_the_editions_record_reads(project):
    assert load(project.root / "edition-record.yml").version


@pytest.mark.parametrize(
    "old, new, fragment, message",
    [
        ("kind: emendation", "kind: emendatoin", "kind: emendatoin", "the change 'ішінде' needs kind (one of"),
        ("    paragraph: p-2\n", "", "kind: emendation", "lacks paragraph"),
        ("released: ", "released: soon\nreleased_: ", "released: soon", "`released` must be a date"),
    ],
)
def test_a_bad_record_fails_at_its_line(tmp_path, old, new, fragment, message):
    text = FIXTURE.replace(old, new, 1)
    with pytest.raises(PluginError) as error:
        _record(tmp_path, text)
    assert str(error.value).startswith(f"edition-record.yml:{line_of(text, fragment)}: ") and message in str(
        error.value
    )


@pytest.mark.parametrize("text", ["Фейсбук жене Твиттер", "ФЕЙСБУК ЖӘНЕ ТВИТТЕР"])
def test_a_case_change_may_change_letter_case_and_nothing_else(tmp_path, text):
    change = f"  - {{kind: case, page: kk/t.md, paragraph: title, source: ФЕЙСБУК ЖӘНЕ ТВИТТЕР, text: {text}}}\n"
    record = FIXTURE.replace("changes:\n", "changes:\n" + change, 1)
    with pytest.raises(PluginError, match=r"edition-record\.yml:\d+: a `case` change only sets typographic capitals"):
        _record(tmp_path, record)
    fine = FIXTURE.replace(
        "changes:\n", "changes:\n" + change.replace(f"text: {text}", "text: Фейсбук және Твиттер"), 1
    )
    assert _record(tmp_path, fine).changes[0]["kind"] == "case"


def test_the_current_version_must_head_the_corrections(tmp_path):
    text = FIXTURE.replace('version: "', 'version: "9', 1)
    with pytest.raises(PluginError, match=r"edition-record\.yml:\d+: the newest correction is version"):
        _record(tmp_path, text)


HTML = '<p id="p-1" title="ішінде">Бір ішінде <code>ішінде</code>.</p><p id="p-2">Екі.</p>'


def test_an_emendation_is_marked_in_the_text_never_in_an_attribute_or_code(tmp_path):
    record = _record(tmp_path, FIXTURE)
    record.changes = [
        {
            "kind": "emendation",
            "page": "kk/t.md",
            "paragraph": "p-1",
            "source": "ғшғнде",
            "text": "ішінде",
            "__line__": 7,
        }
    ]
    marked = rewrite(HTML, mark_emendations, record, "kk/t.md", "", lambda change: "<em>ішінде</em>")
    assert marked == '<p id="p-1" title="ішінде">Бір <em>ішінде</em> <code>ішінде</code>.</p><p id="p-2">Екі.</p>'


def test_a_change_not_in_its_paragraph_names_the_records_line_and_the_paragraphs(tmp_path):
    record = _record(tmp_path, FIXTURE)
    record.changes = [
        {"kind": "space", "page": "kk/t.md", "paragraph": "p-2", "source": "x", "text": "ішінде", "__line__": 7}
    ]
    with pytest.raises(PluginError, match=r"^edition-record\.yml:7: 'ішінде' \(space\) is not in #p-2, kk/t\.md:5; "):
        rewrite(HTML, mark_emendations, record, "kk/t.md", "---\ntitle: t\n---\nЕкі.\n{ #p-2 }\n", lambda change: "")


def test_counts_come_from_the_record(tmp_path):
    assert counts(_record(tmp_path, FIXTURE)) == [("glyph", 3), ("space", 1), ("emendation", 1)]


def test_tokens_keep_punctuation_case_and_spaces():
    assert tokens("Бір, екі.Үш- төрт") == ["Бір", "+,", "екі", "+.", "+Үш", "+-", "төрт"]
    assert apply_changes(
        tokens("а келісім- шарттың б"), [{"source": "келісім- шарттың", "text": "келісім-шарттың"}]
    ) == tokens("а келісім-шарттың б")
    with pytest.raises(ValueError, match="occurs 0 times"):
        apply_changes(tokens("а б"), [{"source": "в", "text": "г"}])


@pytest.mark.parametrize(
    "locale, expected", [("kk", "26 қараша 2026 ж."), ("ru", "26 ноября 2026 г."), ("en", "26 November 2026")]
)
def test_dates_are_written_as_each_language_writes_them(locale, expected):
    assert long_date(datetime.date(2026, 11, 26), locale, string_table(locale)) == expected


def test_the_about_pages_tables_are_rendered_from_the_record(tmp_path):
    record = _record(tmp_path, FIXTURE)
    t = string_table("ru")
    markdown = edition_record.render_markers(
        "<!-- record: version -->\n\n<!-- record: corrections -->\n", record, t, "ru/about.md", "ru"
    )
    assert record.version in markdown.splitlines()[0]
    assert long_date(record.released, "ru", t) in markdown.splitlines()[0]
    assert [row.split(" | ")[0].strip("| ") for row in markdown.splitlines()[4:]] == [
        str(c["version"]) for c in record.corrections
    ]
