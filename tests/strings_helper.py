"""The string tables, read outside a build (src/scholarly_edition/strings.py)."""

from __future__ import annotations

from functools import cache

import jinja2

from scholarly_edition import TEMPLATES
from scholarly_edition.strings import lookup, material_partials


@cache
def string_table(locale: str):
    """key -> string, from the language's table in the plugin's templates."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([TEMPLATES, material_partials()]))
    return lookup(env, locale)
