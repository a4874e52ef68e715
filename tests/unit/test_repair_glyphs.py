import subprocess
import sys

import pytest

from expected import ROOT
from scripts.repair_glyphs import GLYPH_MAP, count_glyphs, format_report, repair_glyphs


def test_each_legacy_glyph_becomes_its_kazakh_letter():
    assert repair_glyphs("ҽ Ҽ ҿ Ҿ ҥ Ҥ ҧ") == "ә Ә ө Ө ү Ү ұ"


def test_words_from_the_source_are_repaired():
    assert repair_glyphs("дҽстүрлі") == "дәстүрлі"
    assert repair_glyphs("«жҧмсақ кҥш»") == "«жұмсақ күш»"
    assert repair_glyphs("БҤГІНГІ") == "БҮГІНГІ"
    assert repair_glyphs("Ҿздерінің") == "Өздерінің"


def test_correct_kazakh_and_russian_text_is_unchanged():
    text = "Әлеуметтік желілер, ңғқұүһі; Казахстан является крупнейшей"
    assert repair_glyphs(text) == text


def test_ligature_en_ghe_is_not_confused_with_en_with_descender():
    # ң (U+04A3) is a real Kazakh letter; ҥ (U+04A5) is the legacy glyph for ү.
    assert repair_glyphs("ң ҥ") == "ң ү"


def test_counts_and_report():
    counts = count_glyphs("ҽҽҿ x")
    assert counts == {"ҽ": 2, "ҿ": 1}
    report = format_report(counts)
    assert "ҽ (U+04BD) -> ә (U+04D9): 2" in report
    assert report.endswith("total: 3")


def test_map_targets_are_kazakh_letters():
    assert set(GLYPH_MAP.values()) == set("әӘөӨүҮұ")


def test_command_line_reads_stdin_and_reports_on_stderr():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "repair_glyphs.py")],
        input="Ҽлеуметтік желі",
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "Әлеуметтік желі"
    assert "total: 1" in result.stderr


def test_command_line_reads_a_file(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("кҿлеңкелі", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "repair_glyphs.py"), str(source)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "көлеңкелі"


@pytest.mark.editions(where=lambda project: project.record.glyphs)
def test_repairing_the_source_leaves_no_legacy_glyph(project):
    text = "".join(project.record.source_parts().values())
    assert count_glyphs(text) and not count_glyphs(repair_glyphs(text))
