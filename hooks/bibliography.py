"""refs.bib: read with errors an editor can act on, and each entry written as
a GOST R 7.0.5-2008 reference in the words of the cited work's language.

Supported entry types (anything else fails, naming the key):
- book; article; incollection and inbook (a part of a book: `booktitle`,
  `editor`, `pages`); online (`url`, `urldate`); thesis, phdthesis and
  mastersthesis (`type`, `school`); report and techreport (`type`, `number`,
  `institution`); misc (a source whose details are not known: `note` only).

The work's language, `langid` (biblatex's names: kazakh, russian, english) or
`language` (also codes: kk, ru, en), picks the string table whose words the
entry uses: «Б.», «б.», «т.б.»; «С.», «с.», «и др.»; "P.", "p.", "et al.".
Without either field, the entry uses the words of the page's language.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from pybtex.database import BibliographyData, BibliographyDataError, parse_string
from pybtex.scanner import PybtexError, PybtexSyntaxError

SUPPORTED_TYPES = ("book", "article", "incollection", "inbook", "online", "thesis", "phdthesis",
                   "mastersthesis", "report", "techreport", "misc")
_ENTRY_START = re.compile(r"^\s*@(\w+)\s*[{(]\s*([^,\s]+)\s*,", re.MULTILINE)


def load_bibliography(path: Path) -> BibliographyData:
    """Parse a .bib file; a PluginError names the file, the line and the fix."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark is not part of the first entry
    except OSError as error:
        raise PluginError(f"{path}: cannot read the bibliography ({error.strerror}); "
                          "create it or fix bib_file in mkdocs.yml") from error
    return parse_bibliography(text, path.name)


def parse_bibliography(text: str, name: str = "refs.bib") -> BibliographyData:
    """Parse BibTeX text; errors name `name`, the line and what to do."""
    text = text.removeprefix("\ufeff")
    seen: dict[str, int] = {}
    for match in _ENTRY_START.finditer(text):
        kind = match.group(1).lower()
        if kind in ("comment", "preamble", "string"):
            continue
        key, line = match.group(2), text.count("\n", 0, match.start(2)) + 1
        if key in seen:
            raise PluginError(f"{name}:{line}: duplicate key '{key}' (first defined on line "
                              f"{seen[key]}); rename or merge one of the two entries")
        if kind not in SUPPORTED_TYPES:
            raise PluginError(f"{name}:{line}: entry '{key}' has the type @{match.group(1)}, which the edition "
                              f"cannot format; use one of @{', @'.join(SUPPORTED_TYPES)}")
        seen[key] = line
    try:
        data = parse_string(text, "bibtex")
    except PybtexSyntaxError as error:
        detail = str(error).split(": ", 1)[-1]
        # pybtex notices an unclosed brace only where the next entry starts.
        starts = [(line, key) for key, line in seen.items() if line < error.lineno]
        where = f" in or after entry '{starts[-1][1]}' (from line {starts[-1][0]})" if starts else ""
        raise PluginError(f"{name}:{error.lineno}: malformed BibTeX{where}: {detail}; "
                          "check the braces, commas and quotes there") from error
    except (BibliographyDataError, PybtexError) as error:
        raise PluginError(f"{name}: {error}; fix the entry it names") from error
    for key, entry in data.entries.items():
        if entry.type.lower() != "misc" and not field(entry, "title"):
            raise PluginError(f"{name}:{seen.get(key, 1)}: entry '{key}' (@{entry.type}) has no title; add "
                              "`title`, or keep it as @misc with only a note while the details are unknown")
    return data


def entry_lines(text: str) -> dict[str, int]:
    """key -> the line its entry starts on."""
    text = text.removeprefix("\ufeff")
    return {m.group(2): text.count("\n", 0, m.start(2)) + 1 for m in _ENTRY_START.finditer(text)}


_TEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
                  "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def bibtex_escape(value) -> str:
    """A value as BibTeX text: TeX's special characters escaped."""
    return "".join(_TEX_SPECIALS.get(char, char) for char in str(value))


def bibtex_url(url) -> str:
    """A URL for a BibTeX url field, which is read verbatim: only what would
    break the field (braces, backslashes, spaces) is percent-encoded."""
    return "".join(f"%{ord(char):02X}" if char in "{}\\ " else char for char in str(url))


def protect_capitals(title: str) -> str:
    """Each word holding a capital letter in braces, so BibTeX styles that
    lowercase titles keep proper nouns («{Фейсбук} және {Твиттер} …»)."""
    return " ".join(f"{{{word}}}" if any(char.isupper() for char in word) else word for word in title.split(" "))


def work_language(entry) -> str:
    """The cited work's language as written in the entry ('' if not given)."""
    return (field(entry, "langid") or field(entry, "language")).lower()


# --- GOST R 7.0.5-2008 reference text --------------------------------------

def field(entry, name: str) -> str:
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


def _range(pages: str) -> str:
    return re.sub(r"\s*-+\s*", "–", pages)


def format_reference(entry, t, missing: str = "") -> str:
    """One reference-list entry; t(key) gives the words of the work's language.
    An entry without details is `missing` (the page's sentence) and its note."""
    get = lambda name: field(entry, name)  # noqa: E731
    kind = entry.type.lower()
    if not get("title"):
        return " ".join(filter(None, [missing, get("note")]))

    title = " : ".join(filter(None, [get("title"), get("subtitle")]))
    head = _title_with_authors(entry.persons.get("author", []), title, t)
    imprint = lambda publisher: ", ".join(filter(None, [  # noqa: E731
        " : ".join(filter(None, [get("address") or get("location"), publisher])), get("year") or get("date")]))
    pages = get("pages") and f"{t('edition.gost.pages')} {_range(get('pages'))}"
    pagetotal = get("pagetotal") and f"{get('pagetotal')} {t('edition.gost.pages_total')}"
    if kind == "article":
        issue = ", ".join(filter(None, [get("volume") and f"{t('edition.gost.volume')} {get('volume')}",
                                        get("number") and f"№ {get('number')}"]))
        areas = [f"{head} // {get('journal') or get('journaltitle')}", get("year") or get("date"), issue, pages]
    elif kind in ("incollection", "inbook"):
        editors = ", ".join(format_name(p, initials_first=True) for p in entry.persons.get("editor", []))
        container = get("booktitle") + (f" / {t('edition.gost.editors')} {editors}" if editors else "")
        areas = [f"{head} // {container}", imprint(get("publisher")), pages]
    elif kind in ("online", "misc"):
        areas = [f"{head} [{t('edition.cite.online')}]" if get("url") else head, get("year") or get("date")]
    elif kind in ("thesis", "phdthesis", "mastersthesis"):
        areas = [f"{head} : {get('type') or t('edition.gost.thesis')}", imprint(""), pagetotal]
    elif kind in ("report", "techreport"):
        described = " ".join(filter(None, [get("type"), get("number") and f"№ {get('number')}"]))
        areas = [" : ".join(filter(None, [head, described])), imprint(get("institution")), pagetotal]
    else:  # book
        areas = [head, imprint(get("publisher")), pagetotal]
    if get("url"):
        accessed = get("urldate") and f" ({t('edition.cite.accessed')}: {_date(get('urldate'))})"
        areas.append(f"URL: {get('url')}{accessed}")
    return _join_areas(areas)
