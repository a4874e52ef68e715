"""Front matter, checked where MkDocs would take it without a word: YAML
that does not parse (MkDocs then shows it as page text), a key written twice,
a key it does not know (`Title:` is not `title:`: keys are case-sensitive),
and a text page without the metadata its citation tags, "how to cite" and ¶
links are made from. Each fails at its line.

Every page may have:

    title: …           # the page's title in the browser tab and the header
    description: …     # one sentence: the meta description and link previews

A text page (`citable: true`) also needs:

    citable: true
    citation:
      title: …              # required
      short_title: …        # optional: the running head of its PDF
      bibtex_key: a-key     # required: letters, digits, - and _
      authors:              # optional; each with family, given and initials
        - family: …
          given: …
          initials: …
          affiliation: …    # optional
          orcid: …          # optional: 0000-0002-1825-0097
          email: …          # optional
      udc: "…"              # optional
      fragment: true        # optional
      title_supplied: true  # optional: the title is the editors' (the source has none): GOST brackets it
      abstract: …           # optional: the text's abstract, as its author gives it
      keywords: [a, b]      # optional: its keywords
      original:             # optional: where the text was first published; each key optional
        container: …        # the journal or book
        date: 2018          # a year or a date; not given: GOST's «[б. г.]»
        volume: "4"
        issue: "125"
        pages: 101–108
        publisher: …
        place: …
        doi: 10.…
        url: https://…
      licence:              # optional: the text's licence; without it, the author keeps the rights
        name: CC BY 4.0
        url: https://creativecommons.org/licenses/by/4.0/   # optional
"""

from __future__ import annotations

import datetime
import re

import yaml
from mkdocs.exceptions import PluginError

from .sources import LINE, load_yaml

# MkDocs' own pattern for a front matter block (mkdocs.utils.meta).
_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
PAGE_FIELDS = {"title": str, "description": str, "citable": bool, "citation": dict}
CITATION_FIELDS = {"title": str, "short_title": str, "bibtex_key": str, "authors": list, "udc": str,
                   "fragment": bool, "title_supplied": bool, "abstract": str, "keywords": list, "licence": dict,
                   "original": dict}  # fmt: skip
LICENCE_FIELDS = {"name": str, "url": str}
_NUMBER = (str, int, datetime.date)  # YAML reads 2018 as a number and 2018-05-01 as a date
ORIGINAL_FIELDS = {"container": str, "date": _NUMBER, "volume": _NUMBER, "issue": _NUMBER, "pages": _NUMBER,
                   "publisher": str, "place": str, "doi": str, "url": str}  # fmt: skip
AUTHOR_FIELDS = {"family": str, "given": str, "initials": str, "affiliation": str, "orcid": str, "email": str}
_KINDS = {str: "a text", bool: "true or false", dict: "a mapping", list: "a list (lines starting with '- ')",
          _NUMBER: "a text or a number"}  # fmt: skip
_ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")


def check(source: str, src: str) -> dict:
    """The page's front matter (empty if it has none), checked; a PluginError at its line otherwise."""
    if not re.match(r"-{3}[ \t]*\n", source):
        return {}
    block = _BLOCK.match(source)
    if block is None:
        raise PluginError(
            f"{src}:1: the front matter opened here is never closed; "
            "end it with a line '---' (or remove the first line if it is a rule)"
        )
    try:
        data = load_yaml(block.group(1))
    except yaml.YAMLError as error:
        mark, context = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
        line = mark.line + 2 if mark else 1  # the block starts on line 2
        problem = getattr(error, "problem", None) or str(error)
        if getattr(error, "context", None) and context:
            problem += f", {error.context} on line {context.line + 2}"
        raise PluginError(
            f"{src}:{line}: the front matter is not valid YAML ({problem}); "
            "fix it there: quote values that hold a colon, indent nested keys"
        ) from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PluginError(f"{src}:2: the front matter must be a mapping of `key: value` lines")
    where = lambda mapping, key=None: f"{src}:{_line(mapping, key, source)}"  # noqa: E731
    _check_fields(data, PAGE_FIELDS, "", where, required=())
    if data.get("citable") or "citation" in data:
        _check_text_page(data, src, where)
    return data


def _check_text_page(data: dict, src: str, where) -> None:
    if data.get("citable") is not True:
        raise PluginError(f"{where(data, 'citation')}: a page with `citation:` is a text page; add `citable: true`")
    if not isinstance(data.get("description"), str):
        raise PluginError(f"{src}:1: a text page needs `description:`, one sentence on what the text is")
    citation = data.get("citation")
    if not isinstance(citation, dict):
        raise PluginError(f"{where(data, 'citable')}: a text page needs `citation:` with at least title and bibtex_key")
    _check_fields(citation, CITATION_FIELDS, "citation.", where, required=("title", "bibtex_key"))
    if not re.fullmatch(r"[A-Za-z0-9_-]+", citation["bibtex_key"]):
        raise PluginError(
            f"{where(citation, 'bibtex_key')}: citation.bibtex_key '{citation['bibtex_key']}' may hold "
            "only letters, digits, - and _"
        )
    for keyword in citation.get("keywords", []):
        if not isinstance(keyword, str) or not keyword.strip():
            raise PluginError(f"{where(citation, 'keywords')}: each of citation.keywords is a word or phrase (text)")
    if "licence" in citation:
        _check_fields(citation["licence"], LICENCE_FIELDS, "citation.licence.", where, required=("name",))
        if not re.match(r"https?://", citation["licence"].get("url", "https://")):
            raise PluginError(f"{where(citation['licence'], 'url')}: citation.licence.url must be a web address")
    if "original" in citation:
        _check_fields(citation["original"], ORIGINAL_FIELDS, "citation.original.", where, required=())
    for number, author in enumerate(citation.get("authors", []), start=1):
        prefix = f"citation.authors[{number}]."
        if not isinstance(author, dict):
            raise PluginError(f"{where(citation, 'authors')}: each of citation.authors is a mapping: family, given, …")
        _check_fields(author, AUTHOR_FIELDS, prefix, where, required=("family", "given", "initials"))
        if "orcid" in author and not _ORCID.fullmatch(author["orcid"].removeprefix("https://orcid.org/")):
            raise PluginError(
                f"{where(author, 'orcid')}: {prefix}orcid '{author['orcid']}' is not an ORCID iD; "
                "write its 16 digits in groups of four, 0000-0002-1825-0097"
            )


def _check_fields(mapping: dict, fields: dict, prefix: str, where, required: tuple[str, ...]) -> None:
    for key, value in mapping.items():
        if key == LINE:
            continue
        if key not in fields:
            near = [name for name in fields if name.lower() == str(key).lower()]
            hint = f"write it `{near[0]}:` (keys are lower case)" if near else f"the fields are {', '.join(fields)}"
            raise PluginError(f"{where(mapping, key)}: unknown field {prefix}{key}; {hint} (EDITING.md)")
        if not isinstance(value, fields[key]) or (isinstance(value, str) and not value.strip()):
            raise PluginError(f"{where(mapping, key)}: {prefix}{key} must be {_KINDS[fields[key]]}")
    for key in required:
        if key not in mapping:
            raise PluginError(f"{where(mapping)}: {prefix.rstrip('.') or 'the front matter'} lacks `{key}:`; add it")


def _line(mapping: dict, key, source: str) -> int:
    """The file line of `key:` in mapping (the mapping's own line without a key)."""
    start = mapping.get(LINE, 1) + 1  # the block starts on line 2
    if key is None:
        return start - 1 if start > 2 else start
    lines = source.splitlines()
    for number in range(start - 1, len(lines) + 1):
        if re.match(rf"\s*(?:-\s+)?{re.escape(str(key))}\s*:", lines[number - 1]):
            return number
    return start
