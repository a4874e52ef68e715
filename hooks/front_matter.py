"""Front matter that MkDocs would otherwise drop without a word: YAML that
does not parse (MkDocs then shows it as page text), and a text page without
the metadata its citation tags, "how to cite" and ¶ links are made from.

A text page is one with `citable: true` or `citation:`; it needs:

    citable: true
    description: …
    citation:
      title: …              # required
      bibtex_key: a-key     # required: letters, digits, - and _
      author:               # optional; where given: family, given, initials
        family: …
        given: …
        initials: …
        affiliation: …      # optional
      udc: "…"              # optional
      fragment: true        # optional
"""

from __future__ import annotations

import re

import yaml
from mkdocs.exceptions import PluginError

# MkDocs' own pattern for a front matter block (mkdocs.utils.meta).
_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
CITATION_FIELDS = {"title": str, "bibtex_key": str, "author": dict, "udc": str, "fragment": bool}
AUTHOR_FIELDS = {"family": str, "given": str, "initials": str, "affiliation": str}


def check_source(source: str, src: str) -> None:
    """Fail where the file opens a front matter block that MkDocs would not read."""
    if not re.match(r"-{3}[ \t]*\n", source):
        return
    block = _BLOCK.match(source)
    if block is None:
        raise PluginError(f"{src}:1: the front matter opened here is never closed; "
                          "end it with a line '---' (or remove the first line if it is a rule)")
    try:
        data = yaml.load(block.group(1), _StrictLoader)
    except yaml.YAMLError as error:
        mark, context = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
        line = mark.line + 2 if mark else 1  # the block starts on line 2
        problem = getattr(error, "problem", None) or str(error)
        if getattr(error, "context", None) and context:
            problem += f", {error.context} on line {context.line + 2}"
        raise PluginError(f"{src}:{line}: the front matter is not valid YAML ({problem}); "
                          "fix it there: quote values that hold a colon, indent nested keys") from error
    if data is not None and not isinstance(data, dict):
        raise PluginError(f"{src}:2: the front matter must be a mapping of `key: value` lines")


class _StrictLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a key written twice is an error, not
    a silent overwrite."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key '{key}' is written twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def check_text_page(meta: dict, source: str, src: str) -> None:
    """A text page has every field its metadata is made from, each of the right kind."""
    if not (meta.get("citable") or "citation" in meta):
        return
    where = lambda key: f"{src}:{_key_line(source, key)}"  # noqa: E731
    if meta.get("citable") is not True:
        raise PluginError(f"{where('citation')}: a page with `citation:` is a text page; add `citable: true`")
    if not isinstance(meta.get("description"), str) or not meta["description"].strip():
        raise PluginError(f"{src}:1: a text page needs `description:`, one sentence on what the text is")
    citation = meta.get("citation")
    if not isinstance(citation, dict):
        raise PluginError(f"{where('citable')}: a text page needs `citation:` with at least title and bibtex_key")
    _check_fields(citation, CITATION_FIELDS, "citation", where, required=("title", "bibtex_key"))
    if not re.fullmatch(r"[A-Za-z0-9_-]+", citation["bibtex_key"]):
        raise PluginError(f"{where('bibtex_key')}: citation.bibtex_key '{citation['bibtex_key']}' may hold only "
                          "letters, digits, - and _")
    if "author" in citation:
        _check_fields(citation["author"], AUTHOR_FIELDS, "citation.author", where,
                      required=("family", "given", "initials"))


def _check_fields(mapping: dict, fields: dict, name: str, where, required: tuple[str, ...]) -> None:
    for key, value in mapping.items():
        if key not in fields:
            raise PluginError(f"{where(key)}: unknown field {name}.{key}; the fields are "
                              f"{', '.join(fields)} (see hooks/front_matter.py)")
        if not isinstance(value, fields[key]) or (isinstance(value, str) and not value.strip()):
            kind = {str: "a text", bool: "true or false", dict: "a mapping"}[fields[key]]
            raise PluginError(f"{where(key)}: {name}.{key} must be {kind}")
    for key in required:
        if key not in mapping:
            raise PluginError(f"{where(name.split('.')[-1])}: {name} lacks `{key}:`; add it")


def _key_line(source: str, key: str) -> int:
    """The line of `key:` in the front matter (1 where it is not written)."""
    block = _BLOCK.match(source)
    match = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*:", block.group(1) if block else "", re.MULTILINE)
    return block.group(1).count("\n", 0, match.start()) + 2 if match else 1
