"""Accessibility fixes Material lacks: its search dialog has no accessible
name (axe: aria-dialog-name). The styles (link underlines, footer contrast)
are in docs/assets/edition.css.
"""

from __future__ import annotations

import re

from strings import lookup
from template_cache import theme_env

_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(>)')


def post_page(output, config):
    return name_search_dialog(output, _search_label(config))


def post_template(output_content, template_name, config):
    return name_search_dialog(output_content, _search_label(config)) if template_name == "404.html" else output_content


def _search_label(config) -> str:
    """The theme's own word for "search" in this build's language."""
    return lookup(theme_env(config), config.theme["language"])("search")


def name_search_dialog(html: str, label: str) -> str:
    """Give Material's search dialog an aria-label; fail if the theme changed it."""
    html, count = _SEARCH_DIALOG.subn(lambda m: f'{m.group(1)} aria-label="{label}"{m.group(2)}', html, count=1)
    if count != 1 and 'data-md-component="search"' in html:
        raise ValueError("Material's search dialog markup changed: update hooks/accessibility.py")
    return html
