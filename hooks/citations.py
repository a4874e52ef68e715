"""Numbered citations with page locators, in the source's form "[1, С. 183]".

The accepted forms (README, "Citations"):

    [@key]            a source
    [@key, С. 183]    a source and its page, with Cyrillic «С.» as the source prints it
    [@key, С. 12–14]  a page range, with an en dash
    \\bibliography     where the numbered reference list goes: a paragraph of its own

Anything else in a bracket holding an @ (not an e-mail address) fails the build
with the file, the line, the text found and the form expected.

Before Markdown, each citation and `\\bibliography` is swapped for a token, so
neither mkdocs-bibtex nor Markdown touches it, and its text and line are kept.
After Markdown, a token inside code (inline, fenced or indented) becomes its
text again, literally; any other becomes the citation, linked to its entry in a
GOST-style reference list (hooks/bibliography.py) and back. Sources are
numbered in order of first citation; keys that refs.bib lacks, and entries no
page cites, fail the build.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from bibliography import entry_lines, format_reference, load_bibliography, work_language
from sources import front_matter_lines, line_at
from strings import lookup
from template_cache import theme_env

log = get_plugin_logger(__name__)

BIB_COMMAND = "\\bibliography"
FORMS = "[@key], [@key, С. 12] or [@key, С. 12–14]"
# A bracket holding an @ that follows no letter (an e-mail address is not a citation).
_BRACKET_WITH_AT = re.compile(r"\[(?P<body>[^\[\]]*?(?<![\w.])@[^\[\]]*)\]")
_CITATION = re.compile(r"@(?P<key>[A-Za-z0-9_:.-]+)(?:, (?P<locator>С\. \d+(?:–\d+)?))?")
_TOKEN = re.compile("\ue000(\\d+)\ue001")
_CODE = re.compile(r"<(pre|code)\b[^>]*>.*?</\1>", re.DOTALL)


@dataclass
class Citation:
    key: str
    locator: str
    number: int = 0
    id: str = ""


@dataclass
class Marked:
    """A citation or \\bibliography as written, where it was written."""
    text: str
    line: int


@dataclass
class _State:
    bib_path: Path = Path("refs.bib")
    cited: set = field(default_factory=set)
    marked: dict = field(default_factory=dict)  # page src -> [Marked]


_state = _State()


# --- what edition.py calls --------------------------------------------------

def reset() -> None:
    """Forget what the last build cited (mkdocs serve rebuilds in one process)."""
    _state.cited.clear()
    _state.marked.clear()


def load(config) -> None:
    """Read refs.bib before mkdocs-bibtex does, so a bad file fails with our
    message (file, line, what to do) rather than pybtex's traceback."""
    _state.bib_path = Path(config.config_file_path).parent / config.plugins["bibtex"].config.bib_file
    load_bibliography(_state.bib_path)


def protect_page(markdown, page, config):
    """Swap citations for tokens before mkdocs-bibtex and Markdown see them."""
    offset = front_matter_lines(page.file.content_string)
    markdown, marked = protect(markdown, offset)
    _state.marked[page.file.src_uri] = marked
    return markdown


def render_page(html_text, page, config):
    """The page's citations and reference list, once Markdown has run."""
    marked = _state.marked.pop(page.file.src_uri, [])
    if not marked:
        return html_text
    env = theme_env(config)
    entries = _entries(config)
    html_text, cited = render(
        html_text, marked, entries, page.file.src_uri,
        words=_words_for(env, config, entries),
        citation_template=env.get_template("partials/citation.html"),
        references_template=env.get_template("partials/references.html"),
        page_words=lookup(env, config.theme["language"]),
    )
    _state.cited.update(cited)
    return html_text


def check_all_cited(config) -> None:
    """Once every language is built: each refs.bib entry is cited somewhere."""
    lines = entry_lines(_state.bib_path.read_text(encoding="utf-8-sig"))
    for key in _entries(config):
        if key not in _state.cited:
            log.warning(f"{_state.bib_path.name}:{lines.get(key, 1)}: entry '{key}' is not cited by any page; "
                        f"cite it as [@{key}] or remove it from {_state.bib_path.name}")


def _entries(config):
    """refs.bib's entries, as mkdocs-bibtex read them."""
    return config.plugins["bibtex"].registry.bib_data.entries


def _words_for(env, config, entries):
    """key -> t(key) in the cited work's language, else the page's."""
    tables = Path(config.theme.custom_dir) / "partials" / "languages"
    by_name = {}
    for locale in sorted(path.stem for path in tables.glob("*.html")):
        t = lookup(env, locale)
        by_name[locale] = by_name[t("edition.cite.langid").lower()] = t
    page_words = by_name.get(config.theme["language"]) or lookup(env, config.theme["language"])
    words, lines = {}, None
    for key, entry in entries.items():
        language = work_language(entry)
        if language and language not in by_name:
            lines = lines or entry_lines(_state.bib_path.read_text(encoding="utf-8-sig"))
            raise PluginError(f"{_state.bib_path.name}:{lines.get(key, 1)}: entry '{key}' has the language '{language}', which has "
                              f"no string table; use one of {', '.join(sorted(by_name))} or add "
                              f"overrides/partials/languages/<lang>.html")
        words[key] = by_name[language] if language else page_words
    return words


# --- on plain strings ---------------------------------------------------------

def token(index: int) -> str:
    return f"\ue000{index}\ue001"


def protect(markdown: str, offset: int = 0) -> tuple[str, list[Marked]]:
    """Each citation bracket and \\bibliography in markdown as a token; the
    texts and file lines (offset: lines before the markdown) in token order."""
    spans = [(m.start(), m.end()) for m in _BRACKET_WITH_AT.finditer(markdown)]
    taken = lambda start: any(a <= start < b for a, b in spans)  # noqa: E731
    spans += [(m.start(), m.end()) for m in re.finditer(re.escape(BIB_COMMAND), markdown) if not taken(m.start())]
    marked, pieces, last = [], [], 0
    for start, end in sorted(spans):
        pieces += [markdown[last:start], token(len(marked))]
        marked.append(Marked(markdown[start:end], line_at(markdown, start, offset)))
        last = end
    return "".join(pieces + [markdown[last:]]), marked


def parse_citation(marked: Marked, src: str) -> Citation:
    """A citation bracket in one of the accepted forms, or a PluginError saying what is wrong."""
    body = marked.text[1:-1]
    match = _CITATION.fullmatch(body)
    if match:
        return Citation(match.group("key"), match.group("locator") or "")
    raise PluginError(f"{src}:{marked.line}: cannot read the citation '{marked.text}': {_hint(body)}; "
                      f"write it as {FORMS}")


def _hint(body: str) -> str:
    """What is most likely wrong with a citation that is not in an accepted form."""
    if BIB_COMMAND in body:
        return f"{BIB_COMMAND} goes in a paragraph of its own, not inside a citation"
    if body.count("@") > 1 or ";" in body:
        return "cite one source per bracket"
    key, _, locator = body.partition(",")
    if re.fullmatch(r"@[A-Za-z0-9_:.-]+\s+\S.*", key.strip()):
        return "put a comma between the key and the page"
    if not re.fullmatch(r"@[A-Za-z0-9_:.-]+", key.strip()):
        return "the key must follow the @ directly and hold only letters, digits and _ : . -"
    locator = locator.strip()
    if not locator or re.fullmatch(r"\S{1,2}\.?", locator):
        return "the page number is missing after the comma"
    if re.match(r"(C|c|с|p|P|pp|S|s)\.", locator):
        return f"«{locator.split('.')[0]}.» is not Cyrillic «С.» (U+0421): type the Cyrillic capital letter"
    if re.search(r"\d\s*[-—−]\s*\d", locator):
        return "join a page range with an en dash «–», without spaces"
    if not locator.startswith("С. "):
        return "the locator is «С.» and a space, then the page"
    return "the page must be a number or a range of numbers"


def render(text, marked, entries, src, words, citation_template, references_template, page_words):
    """Replace the tokens in a page's HTML; returns (html, cited keys).
    words[key](k) gives the strings of the entry's language, page_words(k) the page's."""
    code = [(m.start(), m.end()) for m in _CODE.finditer(text)]
    in_code = lambda position: any(a <= position < b for a, b in code)  # noqa: E731
    citations: dict[int, Citation] = {}
    bibliography: list[int] = []
    for match in _TOKEN.finditer(text):
        index = int(match.group(1))
        item = marked[index]
        if in_code(match.start()):
            continue
        if text.rfind("<", 0, match.start()) > text.rfind(">", 0, match.start()):
            raise PluginError(f"{src}:{item.line}: '{item.text}' stands inside an HTML tag; "
                              "put it in the text, not in an attribute")
        if item.text == BIB_COMMAND:
            if text[match.start() - 3:match.start()] != "<p>" or text[match.end():match.end() + 4] != "</p>":
                raise PluginError(f"{src}:{item.line}: {BIB_COMMAND} must be a paragraph of its own; "
                                  "put it on a line by itself, with a blank line before and after")
            bibliography.append(index)
            continue
        citation = parse_citation(item, src)
        if citation.key not in entries:
            raise PluginError(f"{src}:{item.line}: unknown citation key '{citation.key}'; "
                              "add an entry with this key to refs.bib or correct the key")
        if _in_heading(text, match.start()):
            raise PluginError(f"{src}:{item.line}: '{item.text}' stands in a heading; cite in the text instead")
        citations[index] = citation
    order = number_citations(list(citations.values()))
    if order and not bibliography:
        raise PluginError(f"{src}: the page cites sources but has no {BIB_COMMAND}; "
                          "add it, as a paragraph of its own, where the reference list belongs")
    if len(bibliography) > 1:
        raise PluginError(f"{src}:{marked[bibliography[1]].line}: a second {BIB_COMMAND} (the first is on line "
                          f"{marked[bibliography[0]].line}); keep one")
    if bibliography and not order:
        raise PluginError(f"{src}:{marked[bibliography[0]].line}: {BIB_COMMAND} but no citation on the page; "
                          "cite a source or remove it")

    references = [
        {"key": key, "number": number,
         "text": format_reference(entries[key], words[key], missing=page_words("edition.reference.missing")),
         "citations": [c for c in citations.values() if c.key == key]}
        for number, key in enumerate(order, start=1)
    ]
    titles = {ref["key"]: ref["text"] for ref in references}
    listing = references_template.render(references=references, back=page_words("edition.reference.back")).strip()

    def replace(match: re.Match) -> str:
        index = int(match.group(1))
        if index in citations:
            return citation_template.render(citation=citations[index], title=titles[citations[index].key]).strip()
        if index in bibliography:
            return listing
        return html.escape(marked[index].text, quote=False)  # in code: as written

    text = re.sub(rf"<p>{_TOKEN.pattern}</p>", lambda m: listing if int(m.group(1)) in bibliography else m.group(0), text)
    return _TOKEN.sub(replace, text), set(order)


def _in_heading(text: str, position: int) -> bool:
    opened = [m.start() for m in re.finditer(r"<h[1-6][\s>]", text[:position])]
    return bool(opened) and opened[-1] > text.rfind("</h", 0, position)


def number_citations(citations: list[Citation]) -> list[str]:
    """Number sources in order of first citation; give each citation an id. Returns keys in order."""
    order: list[str] = []
    for index, citation in enumerate(citations, start=1):
        if citation.key not in order:
            order.append(citation.key)
        citation.number = order.index(citation.key) + 1
        citation.id = f"cite-{index}"
    return order
