"""No-break spaces where a line must not break, in text only."""

import pytest

from scholarly_edition.page_html import rewrite
from scholarly_edition.typography import NBSP, apply, no_break


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Лагуткина Ю. Н. мақаласы", f"Лагуткина Ю.{NBSP}Н. мақаласы"),
        ("Дж. Най бойынша", f"Дж.{NBSP}Най бойынша"),
        ("[3, С. 101]", f"[3, С.{NBSP}101]"),
        ("№ 125", f"№{NBSP}125"),
        ("2009 жылдың 16 маусымында", f"2009{NBSP}жылдың 16{NBSP}маусымында"),
        ("26 қараша 2026 ж.", f"26{NBSP}қараша 2026{NBSP}ж."),
        ("дегеніміз – сыртқы", f"дегеніміз{NBSP}– сыртқы"),
        ("мемлекеттер. Біріншісі", "мемлекеттер. Біріншісі"),
        ("Л.Н. Гумилев", "Л.Н. Гумилев"),
    ],
)
def test_no_break_spaces_where_a_line_must_not_break(text, expected):
    assert no_break(text) == expected


def test_only_text_changes_never_code_or_attributes():
    html = '<p title="Ю. Н. Лагуткина">Ю. Н. Лагуткина <code>С. 102</code></p>'
    assert rewrite(html, apply) == f'<p title="Ю. Н. Лагуткина">Ю.{NBSP}Н.{NBSP}Лагуткина <code>С. 102</code></p>'
