"""Numbered citations with page locators, in the source's form "[1, С. 183]".

mkdocs-bibtex reads refs.bib; this hook adds what it lacks: locators kept
verbatim, one numbering in order of first citation, links to the entry and
back, GOST-style entries in the page's language, and failures (not warnings
or silent drops) for unknown keys, malformed citations, a malformed or
duplicated refs.bib and entries no page cites.

In Markdown a citation is `[@key]` or `[@key, С. 183]`; the reference list
goes where the page says `\\bibliography`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from pybtex.database import BibliographyData, BibliographyDataError, parse_string
from pybtex.scanner import PybtexError, PybtexSyntaxError

from strings import lookup
from template_cache import theme_env

log = get_plugin_logger(__name__)

BIB_COMMAND = "\\bibliography"


def reset() -> None:
    """Forget what the last build cited (mkdocs serve rebuilds in one process)."""
    _state.cited.clear()


def load(config) -> None:
    """Read refs.bib before mkdocs-bibtex does, so a bad file fails with our
    message (file, line, what to do) rather than pybtex's traceback."""
    _state.bib_path = Path(config.config_file_path).parent / config.plugins["bibtex"].config.bib_file
    load_bibliography(_state.bib_path)


def render_page(markdown, page, config):
    """A page's citations and reference list, before mkdocs-bibtex sees them."""
    if "@" not in markdown:
        return markdown
    env = theme_env(config)
    markdown, cited = render_citations(
        markdown, _entries(config), lookup(env, config.theme["language"]), page.file.src_uri,
        citation_template=env.get_template("partials/citation.html"),
        references_template=env.get_template("partials/references.html"),
    )
    _state.cited.update(cited)
    return markdown


def check_all_cited(config) -> None:
    """Once every language is built: each refs.bib entry is cited somewhere."""
    for key in uncited_keys(_entries(config), _state.cited):
        log.warning(
            f"{_state.bib_path.name}: entry '{key}' is not cited by any page; "
            f"cite it as [@{key}] or remove it from {_state.bib_path.name}"
        )


@dataclass
class _State:
    bib_path: Path = Path("refs.bib")
    cited: set = field(default_factory=set)


_state = _State()


def _entries(config):
    """refs.bib's entries, as mkdocs-bibtex read them."""
    return config.plugins["bibtex"].registry.bib_data.entries


# --- refs.bib -------------------------------------------------------------

_ENTRY_START = re.compile(r"^\s*@(\w+)\s*[{(]\s*([^,\s]+)\s*,", re.MULTILINE)


def load_bibliography(path: Path) -> BibliographyData:
    """Parse a .bib file; a PluginError names the file, the line and the fix."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PluginError(f"{path}: cannot read the bibliography ({error.strerror}); "
                          "create it or fix bib_file in mkdocs.yml") from error
    return parse_bibliography(text, str(path))


def parse_bibliography(text: str, name: str = "refs.bib") -> BibliographyData:
    """Parse BibTeX text; errors name `name`, the line and what to do."""
    seen: dict[str, int] = {}
    for match in _ENTRY_START.finditer(text):
        if match.group(1).lower() in ("comment", "preamble", "string"):
            continue
        key, line = match.group(2), text.count("\n", 0, match.start(2)) + 1
        if key in seen:
            raise PluginError(f"{name}:{line}: duplicate key '{key}' (first defined on line "
                              f"{seen[key]}); rename or merge one of the two entries")
        seen[key] = line
    try:
        return parse_string(text, "bibtex")
    except PybtexSyntaxError as error:
        detail = str(error).split(": ", 1)[-1]
        # pybtex notices an unclosed brace only where the next entry starts.
        starts = [(line, key) for key, line in seen.items() if line < error.lineno]
        where = f" in or after entry '{starts[-1][1]}' (from line {starts[-1][0]})" if starts else ""
        raise PluginError(f"{name}:{error.lineno}: malformed BibTeX{where}: {detail}; "
                          "check the braces, commas and quotes there") from error
    except (BibliographyDataError, PybtexError) as error:
        raise PluginError(f"{name}: {error}; fix the entry it names") from error


def uncited_keys(entries, cited: set[str]) -> list[str]:
    return [key for key in entries if key not in cited]


# --- citations in Markdown ------------------------------------------------

# A bracket holding an @: a citation, or a mistake that must not pass silently.
# E-mail addresses (letters right before the @) are not citations.
_BRACKET_WITH_AT = re.compile(r"\[(?P<body>[^\[\]]*?(?<![\w.])@[^\[\]]*)\]")
_CITATION = re.compile(r"@(?P<key>[\w:.-]+?)(?:,\s*(?P<locator>[^;]+?))?\s*")


@dataclass
class Citation:
    key: str
    locator: str
    number: int = 0
    id: str = ""


def find_citations(markdown: str, src: str = "page") -> list[tuple[re.Match, Citation]]:
    """Every `[@key, locator]` in markdown; a bracket with an @ that is not one fails."""
    found = []
    for match in _BRACKET_WITH_AT.finditer(markdown):
        if _in_code(markdown, match.start()):
            continue
        citation = _CITATION.fullmatch(match.group("body").strip())
        if citation is None:
            line = markdown.count("\n", 0, match.start()) + 1
            raise PluginError(
                f"{src}:{line}: cannot read the citation '{match.group(0)}'; write one source "
                "per bracket as [@key] or [@key, С. 12]")
        found.append((match, Citation(citation.group("key"), citation.group("locator") or "")))
    return found


def _in_code(markdown: str, pos: int) -> bool:
    """Inside an inline code span or a fenced block (odd number of fences before)."""
    line_start = markdown.rfind("\n", 0, pos) + 1
    before = markdown[:line_start]
    if len(re.findall(r"^\s*(```|~~~)", before, re.MULTILINE)) % 2:
        return True
    return markdown.count("`", line_start, pos) % 2 == 1


def number_citations(citations: list[Citation]) -> list[str]:
    """Number sources in order of first citation; give each citation an id. Returns keys in order."""
    order: list[str] = []
    for index, citation in enumerate(citations, start=1):
        if citation.key not in order:
            order.append(citation.key)
        citation.number = order.index(citation.key) + 1
        citation.id = f"cite-{index}"
    return order


def render_citations(markdown, entries, t, src, citation_template, references_template):
    """Replace citations and the \\bibliography command; returns (markdown, cited keys).
    t(key) gives the page language's strings."""
    found = find_citations(markdown, src)
    for match, citation in found:
        if citation.key not in entries:
            line = markdown.count("\n", 0, match.start()) + 1
            raise PluginError(f"{src}:{line}: unknown citation key '{citation.key}'; "
                              "add an entry with this key to refs.bib or correct the key")
    order = number_citations([citation for _, citation in found])
    if found and BIB_COMMAND not in markdown:
        raise PluginError(f"{src}: the page cites sources but has no {BIB_COMMAND}; "
                          "add it where the reference list belongs")

    references = [
        {
            "key": key,
            "number": number,
            "text": format_reference(entries[key], t),
            "citations": [c for _, c in found if c.key == key],
        }
        for number, key in enumerate(order, start=1)
    ]
    titles = {ref["key"]: ref["text"] for ref in references}

    pieces, last = [], 0
    for match, citation in found:
        pieces.append(markdown[last:match.start()])
        pieces.append(citation_template.render(
            citation=citation, title=titles[citation.key]).strip())
        last = match.end()
    pieces.append(markdown[last:])
    markdown = "".join(pieces)
    listing = references_template.render(references=references, back=t("edition.reference.back")).strip()
    markdown = markdown.replace(BIB_COMMAND, f"\n{listing}\n")
    return markdown, set(order)


# --- GOST R 7.0.5-2008 reference text --------------------------------------

def _field(entry, name: str) -> str:
    value = re.sub(r"\\([&%$#_])", r"\1", entry.fields.get(name, ""))
    return re.sub(r"\s+", " ", value.replace("{", "").replace("}", "")).strip()


def _initials(person) -> str:
    initials = []
    for name in person.first_names + person.middle_names:
        for part in name.replace(".", ". ").split():
            initials.append(part if part.endswith(".") else part[0] + ".")
    return " ".join(initials)


def _surname(person) -> str:
    return " ".join(person.prelast_names + person.last_names)


def format_name(person, initials_first: bool = False) -> str:
    """'Фамилия И. О.' (heading) or 'И. О. Фамилия' (statement of responsibility)."""
    parts = [_initials(person), _surname(person)]
    return " ".join(filter(None, parts if initials_first else parts[::-1])).replace("{", "").replace("}", "")


def _title_with_authors(persons, title: str, t) -> str:
    """GOST heading: one to three authors lead; four and more follow the title."""
    if not persons:
        return title
    if len(persons) == 1:
        return f"{format_name(persons[0])} {title}"
    if len(persons) <= 3:
        names = ", ".join(format_name(p, initials_first=True) for p in persons)
        return f"{format_name(persons[0])} {title} / {names}"
    return f"{title} / {format_name(persons[0], initials_first=True)} [{t('edition.gost.others')}]"


def _join_areas(areas: list[str]) -> str:
    """GOST separates areas with '. – '; an area that ends in a period takes only ' – '."""
    text = ""
    for area in filter(None, areas):
        if text:
            text += " – " if text.endswith(".") else ". – "
        text += area
    return text if text.endswith(".") else text + "."


def _date(value: str) -> str:
    """ISO 2024-03-01 -> 01.03.2024, as GOST writes access dates."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    return f"{match.group(3)}.{match.group(2)}.{match.group(1)}" if match else value


def format_reference(entry, t) -> str:
    """One reference-list entry in GOST R 7.0.5-2008 style; t(key) gives the words."""
    get = lambda name: _field(entry, name)  # noqa: E731
    if not get("title"):
        return " ".join(filter(None, [t("edition.reference.missing"), get("note")]))

    head = _title_with_authors(entry.persons.get("author", []), get("title"), t)
    url = get("url")
    if entry.type.lower() == "article":
        issue = ", ".join(filter(None, [get("volume") and f"{t('edition.gost.volume')} {get('volume')}",
                                        get("number") and f"№ {get('number')}"]))
        pages = get("pages") and f"{t('edition.gost.pages')} " + re.sub(r"\s*-+\s*", "–", get("pages"))
        areas = [f"{head} // {get('journal')}", get("year"), issue, pages]
    elif url and entry.type.lower() in ("online", "misc", "electronic"):
        areas = [f"{head} [{t('edition.cite.online')}]", get("year")]
    else:
        imprint = " : ".join(filter(None, [get("address"), get("publisher")]))
        pagetotal = get("pagetotal") and f"{get('pagetotal')} {t('edition.gost.pages_total')}"
        areas = [head, ", ".join(filter(None, [imprint, get("year")])), pagetotal]
    if url:
        accessed = get("urldate") and f" ({t('edition.cite.accessed')}: {_date(get('urldate'))})"
        areas.append(f"URL: {url}{accessed}")
    return _join_areas(areas)
