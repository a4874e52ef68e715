"""Accessibility Material lacks in its markup: its search dialog has no
accessible name (axe: aria-dialog-name). The styles (focus rings, target
sizes, link underlines, footer contrast, the closed search's results out of
the keyboard's path) are in assets/edition.css; the palette toggle's
keys, in edition.js."""

from __future__ import annotations

from . import page_html


def name_search_dialog(tokens: list[page_html.Token], label: str) -> None:
    """Give Material's search dialog an aria-label; fail if the theme changed it."""
    dialog = next((t for t in tokens if t.kind == "start" and t.attrs.get("data-md-component") == "search"), None)
    if dialog is None:
        return
    if dialog.attrs.get("role") != "dialog":
        raise ValueError("Material's search dialog markup changed: update scholarly_edition/accessibility.py")
    if "aria-label" not in dialog.attrs:
        page_html.set_attribute(dialog, "aria-label", label)
