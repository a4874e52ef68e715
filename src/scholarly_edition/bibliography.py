"""refs.bib, read once and checked, as plain references the GOST formatter
(gost.py) can place.

mkdocs-bibtex reads the file (its `bib_file` option, pybtex underneath). The
edition asks it to do so at the start of the build, inside a guard, so that
malformed BibTeX fails at refs.bib:line with what to do instead of pybtex's
traceback; mkdocs-bibtex's own on_config then finds the file unchanged and
does not read it again. Its other features stay off (mkdocs.yml): the edition
renders the citations and the numbered list itself.

Values are decoded as BibTeX is written, by pybtex's LaTeX reader (latexcodec):
`M{\\"u}ller` is Müller, `---` an em dash; a LaTeX command it cannot turn into
text fails at its line. `and others` in a name list is kept as "others"
(«и др.», «т.б.», "et al." in the cited work's language).

Every field must be one the formatter places for the entry's type (PLACED):
a field it cannot place fails at its line rather than disappearing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from pybtex.database import BibliographyData, Person
from pybtex.plugin import find_plugin
from pybtex.richtext import Text
from pybtex.scanner import PybtexError, PybtexSyntaxError

from .sources import read_text

# The fields each supported type shows, in its GOST R 7.0.5 reference (gost.py).
_ANY = {"author", "title", "subtitle", "year", "date", "url", "urldate", "doi", "note", "langid", "language"}
PLACED = {
    "book": _ANY
    | {"editor", "edition", "volume", "series", "number", "address", "location", "publisher", "pagetotal", "isbn"},
    "article": _ANY | {"journal", "journaltitle", "volume", "number", "pages", "issn"},
    "incollection": _ANY
    | {
        "booktitle",
        "editor",
        "edition",
        "volume",
        "series",
        "number",
        "address",
        "location",
        "publisher",
        "pages",
        "isbn",
    },
    "online": _ANY | {"organization"},
    "thesis": _ANY | {"type", "school", "institution", "address", "location", "pagetotal"},
    "report": _ANY | {"type", "number", "institution", "address", "location", "series", "pagetotal"},
    "misc": _ANY | {"howpublished"},
}
ALIASES = {"inbook": "incollection", "phdthesis": "thesis", "mastersthesis": "thesis", "techreport": "report"}
SUPPORTED_TYPES = tuple(PLACED) + tuple(ALIASES)
VERBATIM = ("url", "doi")  # read as written, as biblatex does
_ENTRY_START = re.compile(r"^\s*@(\w+)\s*[{(]\s*([^,\s]+)\s*,", re.MULTILINE)


@dataclass
class Name:
    family: str
    initials: str  # "Дж. С." from the given names


@dataclass
class Reference:
    """One refs.bib entry, decoded: what the GOST formatter places."""

    key: str
    kind: str  # the supported type it is formatted as (inbook -> incollection …)
    fields: dict[str, str]
    line: int
    authors: list[Name] = field(default_factory=list)
    editors: list[Name] = field(default_factory=list)
    more_authors: bool = False  # `and others`
    more_editors: bool = False

    def get(self, name: str) -> str:
        return self.fields.get(name, "")

    @property
    def language(self) -> str:
        """The cited work's language as written (langid or language), '' if not given."""
        return (self.get("langid") or self.get("language")).lower()

    @property
    def known(self) -> bool:
        """Whether the work's details are known (it has a title)."""
        return bool(self.get("title"))


@dataclass
class Bibliography:
    path: Path
    references: dict[str, Reference]

    @property
    def name(self) -> str:
        return self.path.name


def load(config) -> Bibliography:
    """refs.bib through mkdocs-bibtex, checked; a PluginError says file:line and what to do."""
    plugin = config.plugins["bibtex"]
    path = Path(config.config_file_path).parent / plugin.config.bib_file
    try:
        text = read_text(path)  # UTF-8; a byte-order mark is not part of the first entry
    except OSError as error:
        raise PluginError(
            f"{path}: cannot read the bibliography ({error.strerror}); create it or fix bib_file in mkdocs.yml"
        ) from error
    lines = check_entries(text, path.name)
    try:
        plugin.on_config(config)  # mkdocs-bibtex reads bib_file now; at its own turn it finds it unchanged
    except PybtexSyntaxError as error:
        raise PluginError(_syntax_message(error, lines, path.name)) from error
    except PybtexError as error:
        raise PluginError(f"{path.name}: {error}; fix the entry it names") from error
    return Bibliography(path, references(plugin.registry.bib_data, text, lines, path.name))


def parse(text: str, name: str = "refs.bib") -> dict[str, Reference]:
    """The references of BibTeX text (for tests and tools: the build reads through mkdocs-bibtex)."""
    from pybtex.database import parse_string

    lines = check_entries(text, name)
    try:
        data = parse_string(text.removeprefix("\ufeff"), "bibtex")
    except PybtexSyntaxError as error:
        raise PluginError(_syntax_message(error, lines, name)) from error
    return references(data, text, lines, name)


def check_entries(text: str, name: str) -> dict[str, int]:
    """key -> the line its entry starts on; a duplicate key or an unsupported type fails."""
    text = text.removeprefix("\ufeff")
    seen: dict[str, tuple[str, int]] = {}
    for match in _ENTRY_START.finditer(text):
        kind = match.group(1).lower()
        if kind in ("comment", "preamble", "string"):
            continue
        key, line = match.group(2), text.count("\n", 0, match.start(2)) + 1
        if key.lower() in seen:  # pybtex's keys are case-insensitive
            raise PluginError(
                f"{name}:{line}: duplicate key '{key}' (first defined on line {seen[key.lower()][1]}); "
                "rename or merge one of the two entries"
            )
        if kind not in SUPPORTED_TYPES:
            raise PluginError(
                f"{name}:{line}: entry '{key}' has the type @{match.group(1)}, which the edition cannot "
                f"format; use one of @{', @'.join(SUPPORTED_TYPES)}"
            )
        seen[key.lower()] = (key, line)
    return {key: line for key, line in seen.values()}


def _syntax_message(error: PybtexSyntaxError, lines: dict[str, int], name: str) -> str:
    detail = str(error).split(": ", 1)[-1]
    # pybtex notices an unclosed brace only where the next entry starts.
    before = [(line, key) for key, line in lines.items() if line < error.lineno]
    where = f" in or after entry '{before[-1][1]}' (from line {before[-1][0]})" if before else ""
    return f"{name}:{error.lineno}: malformed BibTeX{where}: {detail}; check the braces, commas and quotes there"


def references(data: BibliographyData, text: str, lines: dict[str, int], name: str) -> dict[str, Reference]:
    found = {}
    for key, entry in data.entries.items():
        line = lines.get(key, 1)
        where = partial(_where, name, _field_lines(text, line), line)
        kind = ALIASES.get(entry.type.lower(), entry.type.lower())
        fields = {}
        for field_name, value in entry.fields.items():
            field_name = field_name.lower()
            if field_name not in PLACED[kind]:
                raise PluginError(
                    f"{where(field_name)}: entry '{key}' (@{entry.type}) has the field `{field_name}`, which a "
                    f"GOST reference of this type cannot place; remove it, or use one of "
                    f"{', '.join(sorted(PLACED[kind] - {'langid', 'language'}))}"
                )
            fields[field_name] = decode(value, where(field_name), field_name)
            _check_numbers_only(field_name, fields[field_name], where(field_name))
        reference = Reference(key, kind, fields, line)
        for role in entry.persons:
            if role.lower() not in ("author", "editor") or role.lower() not in PLACED[kind]:
                raise PluginError(
                    f"{where(role)}: entry '{key}' (@{entry.type}) has the field `{role.lower()}`, which a GOST "
                    "reference of this type cannot place; remove it"
                )
            names, more = _names(entry.persons[role], where(role), role.lower())
            if role.lower() == "author":
                reference.authors, reference.more_authors = names, more
            else:
                reference.editors, reference.more_editors = names, more
        if kind != "misc" and not reference.known:
            raise PluginError(
                f"{name}:{line}: entry '{key}' (@{entry.type}) has no title; add `title`, or keep it as @misc "
                "with only a note while the details are unknown"
            )
        if not reference.known and not reference.get("note"):
            raise PluginError(f"{name}:{line}: entry '{key}' has neither a title nor a note; add what is known")
        found[key] = reference
    return found


def _where(name: str, field_lines: dict[str, int], entry_line: int, field_name: str) -> str:
    """'refs.bib:12': the line of a field, or of its entry."""
    return f"{name}:{field_lines.get(field_name.lower(), entry_line)}"


@cache
def text_backend():
    """pybtex's plain-text backend, looked up once (render_as looks it up on every call)."""
    return find_plugin("pybtex.backends", "text")()


def decode(value: str, where: str, field_name: str) -> str:
    """A BibTeX value as text: braces, escapes, accents and dashes decoded."""
    if field_name in VERBATIM:
        return value.strip()
    text = Text.from_latex(value).render(text_backend())
    if "\\" in text:
        command = re.search(r"\\[A-Za-z]+|\\.", text).group(0)
        raise PluginError(
            f"{where}: the LaTeX command {command} in `{field_name}` cannot be shown as text; write the "
            'characters themselves (UTF-8) or a plain accent command such as {\\"u}'
        )
    return " ".join(text.split())


def _names(persons: list[Person], where: str, role: str) -> tuple[list[Name], bool]:
    names, more = [], False
    for person in persons:
        if person.last_names == ["others"] and not person.first_names:
            more = True
            continue
        _check_name_order(person, where, role)
        family = decode(" ".join(person.prelast_names + person.last_names), where, "author")
        given = [decode(part, where, "author") for part in person.first_names + person.middle_names]
        names.append(Name(family, _initials(given)))
    return names, more


# A word with a period before page numbers (С. 101, pp. 5) or after a page count (336 с.).
_PAGE_WORD = {
    "pages": re.compile(r"^\s*([^\W\d_]{1,4}\.?)\s+(?=\S)"),
    "pagetotal": re.compile(r"\d\s*([^\W\d_]{1,4}\.?)$"),
}


def _check_numbers_only(field_name: str, value: str, where: str) -> None:
    """GOST's words for pages («С.», «Б.», "p.") are written by the edition, in the cited work's
    language; a word typed into `pages` or `pagetotal` would show twice («С. С. 101–108»)."""
    match = field_name in _PAGE_WORD and _PAGE_WORD[field_name].search(value)
    if match:
        numbers = value.replace(match.group(1), "").strip().replace("–", "--")
        raise PluginError(
            f"{where}: `{field_name}` holds the word «{match.group(1)}», which the reference adds itself in "
            f"the cited work's language; write only the numbers: `{field_name} = {{{numbers}}}`"
        )


_INITIAL = re.compile(r"[^\W\d_]{1,3}\.")


def _check_name_order(person: Person, where: str, role: str) -> None:
    """A name as a reference list writes it ("Най Дж. С.", "Иванов И. И., Петров П. П.") would be
    read by BibTeX with an initial as (part of) the family name: it fails, showing the BibTeX form."""
    family = person.prelast_names + person.last_names
    given = person.first_names + person.middle_names
    if not any(_INITIAL.fullmatch(part) for part in family):
        return
    if all(_INITIAL.fullmatch(part) for part in family):  # "Най Дж. С.": the last initial taken as the family
        written = " ".join(given + family)
    else:  # "Иванов И. И., Петров П. П.": one person to BibTeX, split at the comma
        written = f"{' '.join(family)}, {' '.join(given)}" if given else " ".join(family)
    initial = _INITIAL.fullmatch
    bibtex = " and ".join(
        f"{' '.join(w for w in words if not initial(w))}, {' '.join(w for w in words if initial(w))}"
        for words in (part.split() for part in written.split(",") if part.strip())
    )
    raise PluginError(
        f"{where}: the {role} «{written}» is written as a reference list writes it, which BibTeX reads with "
        f"an initial as the family name; write `{role} = {{{bibtex}}}` (family name, comma, initials; "
        "several people joined by `and`)"
    )


def _initials(given: list[str]) -> str:
    """«Джозеф Самуэль» -> «Д. С.»; «Дж.» and «Ю. Н.» stay as written; a hyphenated name keeps its
    hyphen, "Anne-Marie" -> "A.-M." (GOST R 7.0.5)."""
    initials = []
    for name in given:
        for part in name.replace(".", ". ").split():
            if part.endswith("."):
                initials.append(part)
            else:
                initials.append("-".join(piece[0] + "." for piece in part.split("-") if piece))
    return " ".join(initials)


def _field_lines(text: str, entry_line: int) -> dict[str, int]:
    """field name (lower case) -> its line, within the entry that starts on entry_line."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    found: dict[str, int] = {}
    for number in range(entry_line, len(lines) + 1):
        line = lines[number - 1]
        if number > entry_line and _ENTRY_START.match(line):
            break
        for match in re.finditer(r"(?:^|[,{(])\s*([A-Za-z][\w-]*)\s*=", line):
            found.setdefault(match.group(1).lower(), number)
    return found
