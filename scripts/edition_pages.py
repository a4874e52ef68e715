"""An edition's configuration and text pages, read as the scripts and tests need them:
mkdocs.yml's languages (its !ENV values as their defaults) and the pages whose front
matter says `citable: true`, with their site URLs."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scholarly_edition.language_links import page_url


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data; its !ENV values as their defaults."""


_ConfigLoader.add_constructor(
    "!ENV", lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None
)


def config(root: Path) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), _ConfigLoader)


def languages(root: Path) -> list[dict]:
    """mkdocs-static-i18n's languages, the default among them."""
    plugins = config(root)["plugins"]
    return next(plugin["i18n"] for plugin in plugins if isinstance(plugin, dict) and "i18n" in plugin)["languages"]


def default_locale(root: Path) -> str:
    return next(language["locale"] for language in languages(root) if language.get("default"))


def front_matter(source: str) -> dict:
    match = re.match(r"---\n(.*?\n)---\n", source, re.DOTALL)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def text_pages(root: Path) -> list[tuple[str, str, str]]:
    """(src, site URL, Markdown) of each text page (`citable: true`), in docs/ order."""
    default, docs = default_locale(root), root / "docs"
    found = []
    for path in sorted(docs.rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        if front_matter(source).get("citable"):
            src = path.relative_to(docs).as_posix()
            found.append((src, page_url(src, default), source))
    return found
