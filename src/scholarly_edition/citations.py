"""Numbered citations with page locators, in the source's form "[1, С. 183]".

The accepted forms (EDITING.md, "Citations"):

    [@key]            a source
    [@key, С. 183]    a source and its page: the locator word, a space, the page
    [@key, p. 12–14]  a page range, with an en dash
    \\bibliography     where the numbered reference list goes: a paragraph of its own

The locator word is the one GOST R 7.0.5 gives for a page in the cited work's
language («С.» Russian, «Б.» Kazakh, "p." English: `edition.cite.locator` in
each string table), or in the citing page's language; where refs.bib does not
say the work's language, any language's. It is shown as the author wrote it.

Anything else in a bracket holding an @ (not an e-mail address) fails the build
with the file, the line, the text found and the form expected, naming any
invisible or look-alike character in it.

Before Markdown, each citation and `\\bibliography` is swapped for a token, so
neither mkdocs-bibtex nor Markdown touches it, and its text and line are kept.
After Markdown (`render`, on the page's HTML tokens), a token inside code
becomes its text again, literally; any other becomes the citation, one link
"[1, С. 183]" to its entry in the GOST reference list (gost.py) and back.
Sources are numbered in order of first citation; keys that refs.bib lacks,
and entries no page cites, fail the build.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

from . import gost, page_html
from .sources import line_at

BIB_COMMAND = "\\bibliography"
UNSUPPORTED_COMMANDS = ("\\full_bibliography",)  # mkdocs-bibtex's, in English plain style: not used here
FORMS = "[@key], [@key, С. 12] or [@key, С. 12–14], with the locator word of the work's language"
# A bracket holding an @ that follows no letter (an e-mail address is not a citation).
_BRACKET_WITH_AT = re.compile(r"\[(?P<body>[^\[\]]*?(?<![\w.])@[^\[\]]*)\]")
_KEY = r"[A-Za-z0-9_:.-]+"
_CITATION = re.compile(rf"@(?P<key>{_KEY})(?:, (?P<locator>(?P<word>[^\W\d_]+\.) (?P<pages>\d+(?:–\d+)?)))?")
_TOKEN = re.compile("\ue000(\\d+)\ue001")
# Characters an editor cannot see, or may take for others, named in a message.
_SUSPECT = re.compile(r"[^\x20-\x7e\u0400-\u04ff–]")


@dataclass
class Citation:
    key: str
    locator: str
    word: str = ""  # the locator word, «С.»
    number: int = 0
    id: str = ""


@dataclass
class Marked:
    """A citation or \\bibliography as written, where it was written."""

    text: str
    line: int


def token(index: int) -> str:
    return f"\ue000{index}\ue001"


def protect(markdown: str, offset: int = 0) -> tuple[str, list[Marked]]:
    """Each citation bracket and \\bibliography in markdown as a token; the
    texts and file lines (offset: lines before the markdown) in token order."""
    spans = [(m.start(), m.end()) for m in _BRACKET_WITH_AT.finditer(markdown)]
    for command in (BIB_COMMAND, *UNSUPPORTED_COMMANDS):
        spans += [
            (m.start(), m.end())
            for m in re.finditer(re.escape(command) + r"(?![A-Za-z_])", markdown)
            if not any(a <= m.start() < b for a, b in spans)
        ]
    marked, pieces, last = [], [], 0
    for start, end in sorted(spans):
        pieces += [markdown[last:start], token(len(marked))]
        marked.append(Marked(markdown[start:end], line_at(markdown, start, offset)))
        last = end
    return "".join([*pieces, markdown[last:]]), marked


# A bracket that reads as a numbered citation, "[1]", "[1–3]" or "[1, С. 183]", but is not a
# link's ("[text][1]", "[1]: …", "[1](…)") nor escaped ("\\[1]").
_PLAIN_CITATION = re.compile(
    r"(?<![\\\]])\[(?P<number>\d+)(?:\s*[–-]\s*\d+)?(?:,\s*(?P<word>[^\W\d_]{1,4}\.)\s*(?P<pages>\d+(?:\s*[–-]\s*\d+)?))?\]"
    r"(?![(\[:])"
)
_CODE = re.compile(r"^(`{3,}|~{3,}).*?^\1|`[^`\n]+`", re.MULTILINE | re.DOTALL)


def check_plain_citations(markdown: str, marked: list[Marked], src: str, offset: int = 0) -> None:
    """Text that reads as a citation but is not one (it would link to no source) fails at its
    line, showing the citation to write: its number's source, by order of first citation here."""
    masked = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), markdown)
    match = _PLAIN_CITATION.search(masked)
    if not match:
        return
    keys = list(dict.fromkeys(m.group("key") for m in (_CITATION.match(c.text[1:-1]) for c in marked) if m))
    number = int(match.group("number"))
    key = keys[number - 1] if 0 < number <= len(keys) else "key"
    form = f"[@{key}" + (f", {match.group('word')} {match.group('pages')}" if match.group("word") else "") + "]"
    raise PluginError(
        f"{src}:{line_at(markdown, match.start(), offset)}: «{match.group(0)}» reads as a citation but is plain "
        f"text, linked to no source; write it as {form} (the key of the source in refs.bib), or escape its "
        f"bracket, \\{match.group(0)}, to show it as written"
    )


def parse_citation(marked: Marked, src: str) -> Citation:
    """A citation bracket in one of the accepted forms, or a PluginError saying what is wrong."""
    body = marked.text[1:-1]
    match = _CITATION.fullmatch(body)
    if match:
        return Citation(match.group("key"), match.group("locator") or "", match.group("word") or "")
    raise PluginError(
        f"{src}:{marked.line}: cannot read the citation '{marked.text}': {_hint(body)}; write it as {FORMS}"
    )


def check_locator(citation: Citation, marked: Marked, src: str, accepted: dict[str, str]) -> None:
    """The locator word is one of `accepted` (word -> the language it is of); else fail naming them."""
    if not citation.word or citation.word in accepted:
        return
    forms = ", ".join(f"«{word}» ({language})" for word, language in accepted.items())
    alike = next((word for word in accepted if _fold(word) == _fold(citation.word)), None)
    if alike:
        differ = [(a, b) for a, b in zip(citation.word, alike, strict=True) if a != b]
        problem = "; ".join(f"«{a}» is U+{ord(a):04X} {unicodedata.name(a)}, not U+{ord(b):04X} "
                            f"{unicodedata.name(b)}" for a, b in differ)  # fmt: skip
        raise PluginError(f"{src}:{marked.line}: the locator in '{marked.text}' looks like «{alike}» but {problem}; "
                          "retype it")  # fmt: skip
    raise PluginError(
        f"{src}:{marked.line}: the locator «{citation.word}» in '{marked.text}' is not a page in the cited "
        f"work's language or the page's; write one of {forms}{_named(citation.word)}"
    )


# Latin letters that look like Cyrillic ones.
_LOOKALIKES = str.maketrans("ABCEHKMOPTXaceopxy", "АВСЕНКМОРТХасеорху")


def _fold(word: str) -> str:
    return word.translate(_LOOKALIKES)


def named_characters(text: str) -> str:
    """'U+00A0 NO-BREAK SPACE, …' for each invisible or look-alike character in text, or ''."""
    found = dict.fromkeys(_SUSPECT.findall(text))
    return ", ".join(f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')}" for char in found)


def _named(text: str) -> str:
    named = named_characters(text)
    return f" (it holds {named})" if named else ""


def _hint(body: str) -> str:
    """What is most likely wrong with a citation that is not in an accepted form."""
    named = named_characters(body)
    if named:
        return f"it holds {named}, which the form does not allow: retype it with plain spaces and letters"
    if BIB_COMMAND in body:
        return f"{BIB_COMMAND} goes in a paragraph of its own, not inside a citation"
    if body.count("@") > 1 or ";" in body:
        return "cite one source per bracket"
    key, _, locator = body.partition(",")
    if re.fullmatch(rf"@{_KEY}\s+\S.*", key.strip()):
        return "put a comma between the key and the page"
    if not re.fullmatch(rf"@{_KEY}", key.strip()):
        return "the key must follow the @ directly and hold only letters, digits and _ : . -"
    locator = locator.strip()
    if not locator or re.fullmatch(r"[^\W\d_]{1,3}\.?", locator):
        return "the page number is missing after the comma"
    if re.search(r"\d\s*[-—−]\s*\d", locator):
        return "join a page range with an en dash «–», without spaces"
    if not re.match(r"[^\W\d_]+\. ", locator):
        return "the locator is a word and a full stop («С.», «p.»), a space, then the page"
    return "the page must be a number or a range of numbers"


@dataclass
class Rendered:
    cited: list[str]  # keys in order of first citation
    section: str | None  # id of the heading of the section holding the reference list


def render(
    tokens: list[page_html.Token],
    marked: list[Marked],
    references: dict,
    src: str,
    words,
    page_words,
    citation_template,
    references_template,
    locators=None,
) -> Rendered:
    """Replace the tokens in a page's HTML tokens. words(key)(k) gives the strings of
    the cited work's language, page_words(k) the page's; locators(key), the locator
    words a citation of the work may use (word -> its language; any, if not given)."""
    found: dict[int, tuple[int, re.Match, str | None]] = {}  # marked index -> (token index, match, heading id)
    heading_id = None
    for index, tok in enumerate(tokens):
        if tok.kind == "start" and tok.tag in page_html.HEADINGS and tok.attrs.get("id"):
            heading_id = tok.attrs["id"]
        if tok.kind == "text":
            for match in _TOKEN.finditer(tok.raw):
                found[int(match.group(1))] = (index, match, heading_id)
    literal, citations, bibliography = set(), {}, []
    for number, item in enumerate(marked):
        if number not in found:
            raise PluginError(
                f"{src}:{item.line}: '{item.text}' stands inside an HTML tag; put it in the text, not in an attribute"
            )
        index, match, heading = found[number]
        tok = tokens[index]
        if tok.within(page_html.CODE):
            literal.add(number)
        elif item.text in UNSUPPORTED_COMMANDS:
            raise PluginError(
                f"{src}:{item.line}: {item.text} is mkdocs-bibtex's English list, which the edition "
                f"does not use; put {BIB_COMMAND} where the page's reference list goes"
            )
        elif item.text == BIB_COMMAND:
            paragraph = tok.closest("p")
            alone = (
                paragraph is not None
                and tok.raw.strip() == match.group(0)
                and tokens[index - 1].kind == "start"
                and tokens[index + 1].kind == "end"
            )
            if not alone:
                raise PluginError(
                    f"{src}:{item.line}: {BIB_COMMAND} must be a paragraph of its own; "
                    "put it on a line by itself, with a blank line before and after"
                )
            bibliography.append((number, index - 1, heading))
        else:
            citation = parse_citation(item, src)
            if citation.key not in references:
                raise PluginError(
                    f"{src}:{item.line}: unknown citation key '{citation.key}'; "
                    "add an entry with this key to refs.bib or correct the key"
                )
            if tok.within(page_html.HEADINGS):
                raise PluginError(f"{src}:{item.line}: '{item.text}' stands in a heading; cite in the text instead")
            if locators:
                check_locator(citation, item, src, locators(citation.key))
            citations[number] = citation
    order = number_citations(list(citations.values()))
    if order and not bibliography:
        raise PluginError(
            f"{src}: the page cites sources but has no {BIB_COMMAND}; "
            "add it, as a paragraph of its own, where the reference list belongs"
        )
    if len(bibliography) > 1:
        raise PluginError(
            f"{src}:{marked[bibliography[1][0]].line}: a second {BIB_COMMAND} (the first is on "
            f"line {marked[bibliography[0][0]].line}); keep one"
        )
    if bibliography and not order:
        raise PluginError(
            f"{src}:{marked[bibliography[0][0]].line}: {BIB_COMMAND} but no citation on the page; "
            "cite a source or remove it"
        )

    entries = [
        {
            "key": key,
            "number": number,
            "known": references[key].known,
            "segments": gost.reference(references[key], words(key)),
            "citations": [c for c in citations.values() if c.key == key],
        }
        for number, key in enumerate(order, start=1)
    ]
    titles = {entry["key"]: gost.text(entry["segments"]) for entry in entries}
    edits: dict[int, tuple[int, str]] = {}  # start token index -> (end index, the HTML that replaces them)
    for index in sorted({index for index, _, _ in found.values()}):

        def replace(match: re.Match) -> str:
            number = int(match.group(1))
            if number in citations:
                citation = citations[number]
                return citation_template.render(citation=citation, title=titles[citation.key]).strip()
            if number in literal:
                return page_html.escape_text(marked[number].text)
            return match.group(0)

        html = _TOKEN.sub(replace, tokens[index].raw)
        if html != tokens[index].raw:
            edits[index] = (index + 1, html)
    section = None
    if bibliography:
        _, paragraph_start, section = bibliography[0]
        listing = references_template.render(references=entries, t=page_words).strip()
        edits[paragraph_start] = (page_html.element_end(tokens, paragraph_start) + 1, listing)
    for start in sorted(edits, reverse=True):  # from the end, so earlier indices stay valid
        end, html = edits[start]
        page_html.splice(tokens, start, end, html)
    return Rendered(order, section)


def number_citations(citations: list[Citation]) -> list[str]:
    """Number sources in order of first citation; give each citation an id. Returns keys in order."""
    order: list[str] = []
    for index, citation in enumerate(citations, start=1):
        if citation.key not in order:
            order.append(citation.key)
        citation.number = order.index(citation.key) + 1
        citation.id = f"cite-{index}"
    return order


def check_all_cited(bibliography, cited: set[str]) -> None:
    """Once every language is built: each refs.bib entry is cited somewhere."""
    for key, reference in bibliography.references.items():
        if key not in cited:
            raise PluginError(
                f"{bibliography.name}:{reference.line}: entry '{key}' is not cited by any page; "
                f"cite it as [@{key}] or remove it from {bibliography.name}"
            )
