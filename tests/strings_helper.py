"""The string tables, read outside a build (hooks/diplomacy_edition/strings.py)."""

from __future__ import annotations

from functools import cache

import jinja2

from diplomacy_edition.strings import lookup, material_partials
from expected import ROOT


@cache
def string_table(locale: str):
    """key -> string, from the language's table in overrides/."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([ROOT / "overrides", material_partials()]))
    return lookup(env, locale)
