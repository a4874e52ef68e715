"""The record of the edition (edition-record.yml): every difference between
the texts and the source, every kept oddity, and the versions.

- On the about pages, a line `<!-- record: repairs -->` (also `kept`, `files`,
  `corrections`, `version`) becomes that table or sentence, in the page's
  language, so the counts cannot drift from the record.
- In the texts, each recorded change is checked to stand in its paragraph,
  and each emendation is marked where it stands, with the source's reading
  beside it («ішінде [түпнұсқада: «ғшғнде»]»), drawn by the style sheet so
  that it is neither searched nor copied as the author's text.
- scripts/check_fidelity.py applies the record's changes to the source, token
  by token (`tokens`, `apply_changes`), and fails on any other difference.

Errors name the record's line and, for a change, the line of its paragraph.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from . import page_html
from .dates import long_date
from .sources import LINE, id_line, load_yaml, read_text

RECORD = "edition-record.yml"
CHANGE_KINDS = ("hyphen-joined", "hyphen-kept", "space", "case", "emendation")
KEPT_KINDS = ("missing-space-kept", "spelling-kept")
_MARKER = re.compile(r"^<!-- record: (\w+) -->$", re.MULTILINE)
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass
class Record:
    path: Path
    version: str
    released: datetime.date
    corrections: list[dict]
    glyphs: dict  # {"page": …, "letters": [{source, text, count}]}, or {} where no glyph was repaired
    changes: list[dict]
    kept: list[dict]
    source: dict  # {"file": Path, "texts": [{"page", "starts"}], "description": {locale: …}}, or {}

    def changes_of(self, page: str) -> list[dict]:
        return [change for change in self.changes if change["page"] == page]

    def source_parts(self) -> dict[str, str]:
        """page -> its part of the source text (glyphs not yet repaired); {} where no source is declared."""
        if not self.source.get("file"):
            return {}
        text = self.source["file"].read_text(encoding="utf-8")
        texts = self.source["texts"]
        starts = [text.index(part["starts"]) if part.get("starts") else 0 for part in texts]
        ends = [*starts[1:], None]
        return {part["page"]: text[start:end] for part, start, end in zip(texts, starts, ends, strict=True)}


REQUIRED = ("version", "released", "corrections")
OPTIONAL = {"glyphs": dict, "changes": list, "kept": list, "source": dict}


def load(path: Path) -> Record:
    """The record, checked; a PluginError names its line and what to do."""
    name = path.name
    try:
        text = read_text(path)
    except OSError as error:
        raise PluginError(f"{name}: cannot read the record ({error.strerror})") from error
    try:
        data = load_yaml(text)
    except Exception as error:  # YAML syntax, or a key written twice
        mark = getattr(error, "problem_mark", None)
        raise PluginError(f"{name}:{mark.line + 1 if mark else 1}: not valid YAML ({error}); fix it there") from error
    if not isinstance(data, dict):
        raise PluginError(f"{name}:1: the record must be a mapping; see the comments at its top")
    for key in REQUIRED:
        if key not in data:
            raise PluginError(f"{name}:1: the key `{key}` is missing; see the comments at its top")
    for key, kind in OPTIONAL.items():
        data[key] = data.get(key) or kind()
        if not isinstance(data[key], kind):
            raise PluginError(
                f"{name}:{_key_line(path, key)}: `{key}` must be a {'mapping' if kind is dict else 'list'}"
            )
    if not isinstance(data["released"], datetime.date):
        raise PluginError(f"{name}:{_key_line(path, 'released')}: `released` must be a date, YYYY-MM-DD")
    for change in data["changes"]:
        at = f"{name}:{change.get(LINE, 1)}"
        missing = [key for key in ("kind", "page", "paragraph", "source", "text") if not change.get(key)]
        if missing or change["kind"] not in CHANGE_KINDS:
            raise PluginError(
                f"{at}: the change '{change.get('text', '?')}' needs kind (one of {', '.join(CHANGE_KINDS)}), "
                f"page, paragraph, source and text; it lacks {', '.join(missing) or 'a known kind'}"
            )
        if change["kind"] == "case" and (
            change["source"].lower() != change["text"].lower() or change["source"] == change["text"]
        ):
            raise PluginError(
                f"{at}: a `case` change only sets typographic capitals in the source's usual case: "
                f"'{change['source']}' and '{change['text']}' must differ in letter case and in nothing else"
            )
        if change["kind"] == "emendation" and not isinstance(change.get("reason"), dict):
            raise PluginError(f"{at}: the emendation '{change['text']}' needs a `reason` in each language")
    for kept in data["kept"]:
        if kept.get("kind") not in KEPT_KINDS:
            raise PluginError(
                f"{name}:{kept.get(LINE, 1)}: kept '{kept.get('kind')}' is not one of {', '.join(KEPT_KINDS)}"
            )
    if not data["corrections"]:
        raise PluginError(f"{name}:{_key_line(path, 'corrections')}: list the first version under corrections")
    for correction in data["corrections"]:
        if not isinstance(correction.get("date"), datetime.date) or not correction.get("version"):
            raise PluginError(f"{name}:{correction.get(LINE, 1)}: a correction needs `version` and `date` (YYYY-MM-DD)")
    if str(data["corrections"][0]["version"]) != str(data["version"]):
        raise PluginError(
            f"{name}:{data['corrections'][0][LINE]}: the newest correction is version "
            f"{data['corrections'][0]['version']}, the record's version is {data['version']}; "
            "list the current version first under corrections"
        )
    return Record(
        path, str(data["version"]), data["released"], data["corrections"], data["glyphs"], data["changes"],
        data["kept"], _source(data["source"], path),
    )  # fmt: skip


def _source(source: dict, path: Path) -> dict:
    """The declared source text, checked: its file exists, each text's start is in it."""
    if not source:
        return {}
    at = f"{path.name}:{source.get(LINE, 1)}"
    if not isinstance(source.get("file"), str) or not isinstance(source.get("texts"), list) or not source["texts"]:
        raise PluginError(f"{at}: `source` needs `file` (the source text's path) and `texts` (each text's page)")
    file = path.parent / source["file"]
    if not file.is_file():
        raise PluginError(f"{at}: the source text {source['file']} does not exist; correct `file`")
    text = read_text(file)
    for part in source["texts"]:
        if part.get("starts") and part["starts"] not in text:
            raise PluginError(f"{path.name}:{part.get(LINE, 1)}: '{part['starts']}' is not in {source['file']}")
    return {**source, "file": file}


def _key_line(path: Path, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}:", path.read_text(encoding="utf-8"), re.MULTILINE)
    return path.read_text(encoding="utf-8").count("\n", 0, match.start()) + 1 if match else 1


# --- tokens: words, punctuation, and whether a space comes before -----------


def tokens(text: str) -> list[str]:
    """Words and punctuation marks, each glued to the one before it (no space
    between) marked with a leading '+'."""
    return [
        ("+" if match.start() and not text[match.start() - 1].isspace() else "") + match.group(0)
        for match in _TOKEN.finditer(text)
    ]


def apply_changes(source: list[str], changes: list[dict]) -> list[str]:
    """The source's tokens with each recorded change made; a change whose source
    is not in the text exactly once fails, naming it."""
    result = list(source)
    for change in changes:
        old, new = tokens(change["source"]), tokens(change["text"])
        where = [
            i
            for i in range(len(result) - len(old) + 1)  # the first token's space before is not compared
            if result[i].lstrip("+") == old[0].lstrip("+") and result[i + 1 : i + len(old)] == old[1:]
        ]
        if len(where) != 1:
            raise ValueError(
                f"{RECORD}:{change.get(LINE, 1)}: the source text '{change['source']}' occurs "
                f"{len(where)} times, not once; quote enough of it to be unique"
            )
        i = where[0]
        glue = "+" if result[i].startswith("+") else ""
        result[i : i + len(old)] = [glue + new[0].lstrip("+"), *new[1:]]
    return result


# --- the about pages --------------------------------------------------------


def render_markers(markdown: str, record: Record, t, src: str, locale: str, repository: str = "") -> str:
    """Each `<!-- record: NAME -->` line of an about page as Markdown."""

    def render(match: re.Match) -> str:
        name = match.group(1)
        if name == "files":
            return _files(record, t, src, repository)
        if name not in _SECTIONS:
            names = ", ".join([*_SECTIONS, "files"])
            raise PluginError(f"{src}: unknown record section '{name}'; use one of {names}")
        return _SECTIONS[name](record, t, src, locale)

    return _MARKER.sub(render, markdown)


def published_files(record: Record) -> dict[str, Path]:
    """The files a reader can check the edition against, by kind, published at the site's root
    under their own names: the source text, where there is one, and the record."""
    source = record.source.get("file")
    return {"source": source, "record": record.path} if source else {"record": record.path}


def add_published_files(files, config, record: Record) -> None:
    """The published files as the site's own, so that the about pages' links to them resolve."""
    for path in published_files(record).values():
        if files.get_file_from_path(path.name) is None:
            files.append(File.generated(config, path.name, abs_src_path=str(path)))


def _files(record: Record, t, src: str, repository: str) -> str:
    """The `files` marker: a list linking the published source and record, and the repository."""
    base = posixpath.dirname(src)
    lines = [f"- [{t(f'edition.record.files.{kind}')}]({posixpath.relpath(path.name, base)}) (`{path.name}`)"
             for kind, path in published_files(record).items()]  # fmt: skip
    if repository:
        lines.append(f"- [{t('edition.record.files.repository')}]({repository})")
    return "\n".join(lines)


def counts(record: Record) -> list[tuple[str, int]]:
    """(kind, how many) of each kind of change, glyph repairs first: the about pages' counts."""
    letters = record.glyphs.get("letters", [])
    found = [("glyph", sum(glyph["count"] for glyph in letters))] if letters else []
    for kind in CHANGE_KINDS:
        changes = [change for change in record.changes if change["kind"] == kind]
        if changes:
            found.append((kind, sum(_count(change) for change in changes)))
    return found


def _count(change: dict) -> int:
    """A restored space counts once per space; every other change once."""
    if change["kind"] == "space":
        return max(1, len(tokens(change["text"])) - len(tokens(change["source"])))
    return 1


def _where(change: dict, t, src: str) -> str:
    """'(14-азат жол)' linking to the paragraph, relative to the page src."""
    link = posixpath.relpath(change["page"], posixpath.dirname(src))
    paragraph = change["paragraph"]
    label = (
        t("edition.cite.paragraph").replace("#", paragraph[2:])
        if paragraph.startswith("p-")
        else t("edition.record.title")
    )
    return f"([{label}]({link}#{change['paragraph']}))"


def _repairs(record: Record, t, src: str, locale: str) -> str:
    letters = record.glyphs.get("letters", [])
    totals = dict(counts(record))
    rows = []
    if letters:
        what = ", ".join(f"{g['source']} → {g['text']} ({g['count']})" for g in letters)
        rows.append((t("edition.record.kind.glyph"), what, totals["glyph"]))
    for kind in CHANGE_KINDS:
        changes = [c for c in record.changes if c["kind"] == kind]
        if changes:
            what = "; ".join(
                f"«{c['source']}» → «{c['text']}» {_where(c, t, src)}"
                + (f": {' '.join(str(c['reason'][locale]).split())}" if kind == "emendation" else "")
                for c in changes
            )
            rows.append((t(f"edition.record.kind.{kind}"), what, totals[kind]))
    return _table(
        (t("edition.record.heading.kind"), t("edition.record.heading.what"), t("edition.record.heading.count")), rows
    )


def _kept(record: Record, t, src: str, locale: str) -> str:
    rows = [
        (t(f"edition.record.kind.{k['kind']}"), ", ".join(f"«{form}»" for form in k["forms"]), len(k["forms"]))
        for k in record.kept
    ]
    return _table(
        (t("edition.record.heading.kind"), t("edition.record.heading.forms"), t("edition.record.heading.count")), rows
    )


def _corrections(record: Record, t, src: str, locale: str) -> str:
    rows = [
        (c["version"], long_date(c["date"], locale, t), " ".join(str(c["changes"].get(locale, "")).split()))
        for c in record.corrections
    ]
    return _table(
        (t("edition.record.heading.version"), t("edition.record.heading.date"), t("edition.record.heading.changes")),
        rows,
    )


def _version(record: Record, t, src: str, locale: str) -> str:
    return (
        t("edition.record.current")
        .replace("{version}", record.version)
        .replace("{date}", long_date(record.released, locale, t))
    )


_SECTIONS = {"repairs": _repairs, "kept": _kept, "corrections": _corrections, "version": _version}


def _table(header: tuple, rows: list[tuple]) -> str:
    line = lambda cells: "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"  # noqa: E731
    return "\n".join([line(header), "|" + "---|" * len(header)] + [line(row) for row in rows])


# --- the texts --------------------------------------------------------------


def mark_emendations(tokens: list[page_html.Token], record: Record, src: str, source: str, render_note) -> None:
    """Each change of this page checked to stand in its paragraph, and each
    emendation wrapped there with render_note(change); a change not found fails,
    naming the record's line and the paragraph's."""
    changes = record.changes_of(src)
    if not changes:
        return
    paragraphs = {pid: index for pid, index in page_html.ids(tokens)}
    marks = []
    for change in changes:
        start = paragraphs.get(change["paragraph"])
        found = start is not None and _find_word(tokens, start, change["text"])
        if not found:
            line = id_line(source, change["paragraph"])
            where = f"{src}:{line}" if line else f"{src} (no paragraph {change['paragraph']})"
            raise PluginError(
                f"{record.path.name}:{change.get(LINE, 1)}: '{change['text']}' ({change['kind']}) is not in "
                f"#{change['paragraph']}, {where}; correct the record or the text"
            )
        if change["kind"] == "emendation":
            marks.append((*found, change))
    for index, position, change in sorted(marks, key=lambda mark: mark[:2], reverse=True):
        raw, word = tokens[index].raw, page_html.escape_text(change["text"])
        page_html.splice(tokens, index, index + 1, raw[:position] + render_note(change) + raw[position + len(word) :])


def _find_word(tokens_: list, start: int, word: str) -> tuple[int, int] | None:
    """(token index, offset in its source) of the first whole-word `word` in the
    element at tokens_[start], outside code."""
    pattern = re.compile(rf"(?<!\w){re.escape(page_html.escape_text(word))}(?!\w)")
    for index in range(start, page_html.element_end(tokens_, start) + 1):
        token = tokens_[index]
        if token.kind == "text" and not token.within(page_html.CODE):
            match = pattern.search(token.raw)
            if match:
                return index, match.start()
    return None
