"""Page HTML as a list of tokens, read by the standard library's HTML parser.

Every hook that reads or changes page HTML goes through `tokenize`: each
token keeps its source text byte for byte, so joining the tokens gives the
page back unchanged, and a change touches only the tokens it replaces. A
text token knows its ancestors (is it in code, a heading, a link?), and the
text inside attributes is never a text token, so nothing is ever changed
inside a tag by accident.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
CODE = frozenset(("code", "pre", "kbd", "samp", "script", "style"))


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: dict[str, str | None] = field(hash=False, compare=False)
    index: int  # of its start token

    @property
    def id(self) -> str | None:
        return self.attrs.get("id")

    def has_class(self, name: str) -> bool:
        return name in (self.attrs.get("class") or "").split()


@dataclass
class Token:
    kind: str  # "start", "end", "empty" (a void or self-closed element), "text", "other"
    raw: str  # the source text, exactly
    tag: str = ""
    attrs: dict[str, str | None] = field(default_factory=dict)
    ancestors: tuple[Element, ...] = ()  # the open elements around the token, outermost first
    text: str = ""  # a text token's text, character references decoded

    def within(self, tags: frozenset[str] | set[str]) -> bool:
        return any(element.tag in tags for element in self.ancestors)

    def closest(self, tag: str) -> Element | None:
        return next((element for element in reversed(self.ancestors) if element.tag == tag), None)


class _Reader(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[int, str, str, dict, str]] = []  # (offset, kind, tag, attrs, text)
        self._line_starts = [0]
        for line in html.splitlines(keepends=True):
            self._line_starts.append(self._line_starts[-1] + len(line))

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        self.events.append((self._offset(), "empty" if tag in VOID else "start", tag, dict(attrs), ""))

    def handle_startendtag(self, tag, attrs):
        self.events.append((self._offset(), "empty", tag, dict(attrs), ""))

    def handle_endtag(self, tag):
        self.events.append((self._offset(), "end", tag, {}, ""))

    def handle_data(self, data):
        self.events.append((self._offset(), "text", "", {}, data))

    def _other(self, *_):
        self.events.append((self._offset(), "other", "", {}, ""))

    handle_comment = handle_decl = handle_pi = unknown_decl = _other
    handle_entityref = handle_charref = _other  # not called: convert_charrefs


def tokenize(html: str) -> list[Token]:
    """The tokens of html, in order; "".join(t.raw for t in tokens) == html."""
    reader = _Reader(html)
    reader.feed(html)
    reader.close()
    tokens: list[Token] = []
    open_elements: list[Element] = []
    events = reader.events
    for number, (offset, kind, tag, attrs, text) in enumerate(events):
        end = events[number + 1][0] if number + 1 < len(events) else len(html)
        raw = html[offset:end]
        if kind == "text" and tokens and tokens[-1].kind == "text":  # one token for adjacent text
            tokens[-1].raw += raw
            tokens[-1].text += text
            continue
        token = Token(kind, raw, tag, attrs, tuple(open_elements), text)
        if kind == "start":
            open_elements.append(Element(tag, attrs, len(tokens)))
        elif kind == "end" and any(element.tag == tag for element in open_elements):
            while open_elements.pop().tag != tag:  # an element left open closes with its parent
                pass
            token.ancestors = tuple(open_elements)
        tokens.append(token)
    if events and events[0][0] > 0:  # anything before the parser's first event, kept as it is
        tokens.insert(0, Token("other", html[: events[0][0]]))
    assert "".join(t.raw for t in tokens) == html, "page_html.tokenize lost part of the page"
    return tokens


def splice(tokens: list[Token], start: int, end: int, html: str, ancestors: tuple[Element, ...] | None = None) -> int:
    """Replace tokens[start:end] (nothing, to insert) with the tokens of an HTML
    fragment, inside the elements the replaced tokens were in (or `ancestors`).
    Only the fragment is read: the rest of the list stays as it is, so a pass
    that splices from the end of the page backwards keeps its indices valid.
    Returns how many tokens the fragment has."""
    if ancestors is None:
        ancestors = tokens[start].ancestors if start < len(tokens) else ()
    fragment = tokenize(html) if html else []
    for token in fragment:
        token.ancestors = ancestors + token.ancestors
    tokens[start:end] = fragment
    return len(fragment)


def inside(tokens: list[Token], start: int) -> tuple[Element, ...]:
    """The ancestors of what stands right after the start token tokens[start]: its element too."""
    token = tokens[start]
    return (*token.ancestors, Element(token.tag, token.attrs, start))


def rewrite(html: str, change, *args) -> str:
    """The HTML after one change to its tokens (the build reads each page once
    and makes every change on the same tokens; this is for a change alone)."""
    tokens = tokenize(html)
    change(tokens, *args)
    return join(tokens)


def join(tokens: list[Token]) -> str:
    return "".join(token.raw for token in tokens)


def element_end(tokens: list[Token], start: int) -> int:
    """The index of the end token of the element whose start token is tokens[start]
    (the start itself for an empty element)."""
    if tokens[start].kind != "start":
        return start
    depth = len(tokens[start].ancestors)
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if token.kind == "end" and len(token.ancestors) == depth and token.tag == tokens[start].tag:
            return index
    return len(tokens) - 1


def element_text(tokens: list[Token], start: int) -> str:
    """The text of an element: its text tokens, decoded, in order."""
    return "".join(t.text for t in tokens[start : element_end(tokens, start) + 1] if t.kind == "text")


def ids(tokens: list[Token]) -> list[tuple[str, int]]:
    """(id, index of the start token) of every element with an id, in order."""
    return [(t.attrs["id"], i) for i, t in enumerate(tokens) if t.kind in ("start", "empty") and t.attrs.get("id")]


def set_attribute(token: Token, name: str, value: str) -> None:
    """Add an attribute to a start tag's source (it must not have it yet)."""
    assert name not in token.attrs, f"<{token.tag}> already has {name}"
    closing = "/>" if token.raw.endswith("/>") else ">"
    token.raw = f'{token.raw[: -len(closing)].rstrip()} {name}="{escape(value)}"{closing}'
    token.attrs = {**token.attrs, name: value}


def escape_text(text: str) -> str:
    """Text as it is written in HTML between tags."""
    return escape(text, quote=False)
