"""The string tables the plugin ships: each complete, each fitting what Material writes around it."""

import pytest

from scholarly_edition import TEMPLATES
from scholarly_edition.strings import EDITION_KEYS
from strings_helper import string_table

TABLES = sorted(path.stem for path in (TEMPLATES / "partials/languages").glob("*.html"))


@pytest.mark.parametrize("table", TABLES)
def test_every_string_table_the_plugin_ships_has_every_key(table):
    t = string_table(table)
    assert [key for key in EDITION_KEYS if not t(key).strip()] == []


@pytest.mark.parametrize("table", TABLES)
def test_a_label_material_puts_a_colon_after_has_none_of_its_own(table):
    """Material writes `${label}: ` after search.result.term.missing (no «Табылмады::»)."""
    assert not string_table(table)("search.result.term.missing").rstrip().endswith(":")
