"""The record of the edition (edition-record.yml): every difference between
the texts and the source, every kept oddity, and the versions.

- On the about pages, a line `<!-- record: repairs -->` (also `kept`,
  `corrections`, `version`) becomes that table or sentence, in the page's
  language, so the counts cannot drift from the record.
- In the texts, each recorded change is checked to stand in its paragraph,
  and each emendation is marked where it stands, with the source's
  reading beside it («ішінде [түпнұсқада: «ғшғнде»]»), drawn by the style
  sheet so that it is neither searched nor copied as the author's text.
- scripts/check_fidelity.py applies the record's changes to the source, token
  by token (`tokens`, `apply_changes`), and fails on any other difference.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from strings import lookup
from template_cache import theme_env

RECORD = "edition-record.yml"
CHANGE_KINDS = ("hyphen-joined", "hyphen-kept", "space", "emendation")
KEPT_KINDS = ("missing-space-kept", "spelling-kept")
_MARKER = re.compile(r"^<!-- record: (\w+) -->$", re.MULTILINE)
_TOKEN = re.compile(r"\w+|[^\w\s]")


_loaded: dict = {}


# --- what edition.py calls --------------------------------------------------

def load(config) -> None:
    """Read the record afresh for each build."""
    _loaded["record"] = load_record(record_path(config))


def render_page(markdown, page, config):
    if "<!-- record:" not in markdown:
        return markdown
    language = config.theme["language"]
    t = lookup(theme_env(config), language)
    return render_markers(markdown, _loaded["record"], t, page.file.src_uri, language)


def mark_page(html, page, config):
    env = theme_env(config)
    template, t = env.get_template("partials/emendation.html"), lookup(env, config.theme["language"])
    return mark_emendations(html, _loaded["record"], page.file.src_uri, lambda change: template.render(
        text=change["text"], note=t("edition.emendation.source").replace("#", change["source"])).strip())


# --- the record -------------------------------------------------------------

def load_record(path: Path) -> dict:
    """The record, checked: every change has a known kind, a page, a paragraph,
    a source and a text; a PluginError names the key otherwise."""
    try:
        record = yaml.load(path.read_text(encoding="utf-8"), getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"{path.name}: cannot read the record ({error}); fix it") from error
    for key in ("version", "released", "corrections", "glyphs", "changes", "kept"):
        if key not in record:
            raise PluginError(f"{path.name}: the key `{key}` is missing; see the comments at its top")
    for number, change in enumerate(record["changes"], start=1):
        missing = [key for key in ("kind", "page", "paragraph", "source", "text") if not change.get(key)]
        if missing or change["kind"] not in CHANGE_KINDS:
            raise PluginError(f"{path.name}: change {number} ({change.get('text', '?')}) needs kind (one of "
                              f"{', '.join(CHANGE_KINDS)}), page, paragraph, source and text; it lacks "
                              f"{', '.join(missing) or 'a known kind'}")
        if change["kind"] == "emendation" and not change.get("reason"):
            raise PluginError(f"{path.name}: the emendation '{change['text']}' needs a `reason` in each language")
    for kept in record["kept"]:
        if kept.get("kind") not in KEPT_KINDS:
            raise PluginError(f"{path.name}: kept '{kept.get('kind')}' is not one of {', '.join(KEPT_KINDS)}")
    return record


def record_path(config) -> Path:
    return Path(config.config_file_path).parent / RECORD


# --- tokens: words, punctuation, and whether a space comes before -----------

def tokens(text: str) -> list[str]:
    """Words and punctuation marks, each glued to the one before it (no space
    between) marked with a leading '+'."""
    return [("+" if match.start() and not text[match.start() - 1].isspace() else "") + match.group(0)
            for match in _TOKEN.finditer(text)]


def apply_changes(source: list[str], changes: list[dict]) -> list[str]:
    """The source's tokens with each recorded change made; a change whose source
    is not in the text exactly once fails, naming it."""
    result = list(source)
    for change in changes:
        old, new = tokens(change["source"]), tokens(change["text"])
        where = [i for i in range(len(result) - len(old) + 1)  # the first token's space before is not compared
                 if result[i].lstrip("+") == old[0].lstrip("+") and result[i + 1:i + len(old)] == old[1:]]
        if len(where) != 1:
            raise ValueError(f"{RECORD}: the source text '{change['source']}' occurs {len(where)} times, not once; "
                             "quote enough of it to be unique")
        i = where[0]
        glue = "+" if result[i].startswith("+") else ""
        result[i:i + len(old)] = [glue + new[0].lstrip("+")] + new[1:]
    return result


# --- the about pages --------------------------------------------------------

def render_markers(markdown: str, record: dict, t, src: str, locale: str) -> str:
    """Each `<!-- record: NAME -->` line of an about page as Markdown."""
    def render(match: re.Match) -> str:
        name = match.group(1)
        if name not in _SECTIONS:
            raise PluginError(f"{src}: unknown record section '{name}'; use one of {', '.join(_SECTIONS)}")
        return _SECTIONS[name](record, t, src, locale)
    return _MARKER.sub(render, markdown)


def _where(change: dict, t, src: str) -> str:
    """'(14-азат жол)' linking to the paragraph, relative to the page src."""
    link = posixpath.relpath(change["page"], posixpath.dirname(src))
    label = t("edition.cite.paragraph").replace("#", change["paragraph"].removeprefix("p-"))
    return f"([{label}]({link}#{change['paragraph']}))"


def _repairs(record: dict, t, src: str, locale: str) -> str:
    letters = record["glyphs"]["letters"]
    rows = [(t("edition.record.kind.glyph"), ", ".join(f"{g['source']} → {g['text']} ({g['count']})" for g in letters),
             sum(g["count"] for g in letters))]
    for kind in CHANGE_KINDS:
        changes = [c for c in record["changes"] if c["kind"] == kind]
        if not changes:
            continue
        what = "; ".join(f"«{c['source']}» → «{c['text']}» {_where(c, t, src)}"
                         + (f": {c['reason'][locale].strip()}" if kind == "emendation" else "") for c in changes)
        count = sum(max(1, len(tokens(c["text"])) - len(tokens(c["source"]))) if kind == "space" else 1 for c in changes)
        rows.append((t(f"edition.record.kind.{kind}"), what, count))
    return _table((t("edition.record.heading.kind"), t("edition.record.heading.what"),
                   t("edition.record.heading.count")), rows)


def _kept(record: dict, t, src: str, locale: str) -> str:
    rows = [(t(f"edition.record.kind.{k['kind']}"), ", ".join(f"«{form}»" for form in k["forms"]), len(k["forms"]))
            for k in record["kept"]]
    return _table((t("edition.record.heading.kind"), t("edition.record.heading.forms"),
                   t("edition.record.heading.count")), rows)


def _corrections(record: dict, t, src: str, locale: str) -> str:
    rows = [(c["version"], str(c["date"]), " ".join(str(c["changes"].get(locale, "")).split()))
            for c in record["corrections"]]
    return _table((t("edition.record.heading.version"), t("edition.record.heading.date"),
                   t("edition.record.heading.changes")), rows)


def _version(record: dict, t, src: str, locale: str) -> str:
    return t("edition.record.current").replace("{version}", str(record["version"])).replace(
        "{date}", str(record["released"]))


_SECTIONS = {"repairs": _repairs, "kept": _kept, "corrections": _corrections, "version": _version}


def _table(header: tuple, rows: list[tuple]) -> str:
    line = lambda cells: "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"  # noqa: E731
    return "\n".join([line(header), "|" + "---|" * len(header)] + [line(row) for row in rows])


# --- the texts --------------------------------------------------------------

def mark_emendations(html: str, record: dict, src: str, render_note) -> str:
    """Each change of this page checked to stand in its paragraph, and each
    emendation wrapped there with render_note(change); a change not found fails."""
    for change in record["changes"]:
        if change["page"] != src:
            continue
        paragraph = re.search(rf'<p id="{re.escape(change["paragraph"])}">(.*?)</p>', html, re.DOTALL)
        word = paragraph and re.search(rf"(?<!\w){re.escape(change['text'])}(?!\w)", paragraph.group(1))
        if not word:
            raise PluginError(f"{RECORD}: '{change['text']}' ({change['kind']}) is not in {src} "
                              f"#{change['paragraph']}; correct the record or the text")
        if change["kind"] == "emendation":
            start = paragraph.start(1) + word.start()
            html = html[:start] + render_note(change) + html[start + len(change["text"]):]
    return html
