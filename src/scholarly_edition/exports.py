"""Each text in the XML an archive takes in: <bibtex_key>.tei.xml (TEI P5) and
<bibtex_key>.jats.xml (JATS 1.3, Journal Archiving and Interchange), beside
its page, made from the page's content after the content pass (text_page.py),
its front matter, refs.bib and the record.

- The text as the page shows it: what stands before and at the title (a UDC
  line, the title, the byline) as TEI's `front`, and in JATS as the body's first
  paragraphs, each named by its content-type (udc, title, author …);
  each heading a `div`/`sec` with the heading's id, each paragraph a `p` with
  its id, block quotes and lists, citations as links to their reference
  (`ref`/`xref`), footnotes as notes. The edition's apparatus (paragraph
  numbers, cite buttons, the header block) is left out.
- What the editors added is marked so: `resp="#editors"` in TEI,
  `specific-use="editorial"` in JATS (the sections' h2 headings, editors' notes,
  anything of class `editorial`, such as a title the editors gave); each
  recorded emendation is TEI's `<choice><sic/><corr/></choice>`, JATS's
  `named-content` with the source's reading in a footnote. The record's
  other repairs (glyphs, hyphens, spaces) and what it kept are stated in TEI's
  encodingDesc, as the about pages state them.
- The reference list from refs.bib: TEI `listBibl` (`biblStruct`, or `bibl`
  for a work whose details are unknown), JATS `ref-list` of `element-citation`s,
  each with the id the page gives it (`ref-<key>`).

Values enter the trees as text, so lxml escapes them for XML. The same commit
writes the same bytes: every date comes from the record. scripts/check_fidelity.py
reads each export's text back (`text_tokens`) and compares it with the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html

from . import gost, identity
from .bibliography import Name, Reference
from .edition_record import CHANGE_KINDS
from .escaping import plain

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XLINK_NS = "http://www.w3.org/1999/xlink"
ALI_NS = "http://www.niso.org/schemas/ali/1.0/"
JATS_DOCTYPE = (
    '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN" '
    '"JATS-archivearticle1-3.dtd">'
)
EDITORS = "editors"  # the xml:id of the edition's editors in the TEI header
EDITORIAL_CLASSES = {"editorial", "admonition", "fragment-break", "references-note"}
# The page's apparatus, not the text: left out of both exports.
DROPPED = {"headerlink", "paragraph-number", "paragraph-cite", "text-header", "copy-status", "footnote-backref"}
_BLOCK = {"p", "div", "blockquote", "ul", "ol", "li", "table", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dl"}
_HEADING = re.compile(r"h([1-6])")
_PAGES = re.compile(r"\s*[-–—]+\s*")


@dataclass
class Text:
    """What both exports are made from."""

    locale: str
    language: str  # the language's name in itself ('' if not known)
    citation: dict  # front matter `citation`
    content: str  # the page's content HTML, after the content pass
    edition: object  # identity.Edition
    url: str  # the published address ('' if not known)
    record: object  # edition_record.Record
    src: str  # kk/diplomacy.md
    references: dict[str, Reference]
    t: object  # the page language's string table


# --- the page's HTML as a sequence of parts ---------------------------------


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _parts(content: str):
    """(front, body, bibliography) of the page's content: the blocks before and at the
    title (with a byline right after it), the text's blocks, and the section holding the
    reference list as (heading or None, [blocks]). The header block is left out."""
    root = html.fragment_fromstring(content, create_parent="div")
    blocks = [child for child in root if isinstance(child.tag, str) and not (_classes(child) & DROPPED)]
    footnotes = [b for b in blocks if "footnote" in _classes(b)]
    blocks = [b for b in blocks if b not in footnotes]
    title = next((i for i, b in enumerate(blocks) if b.tag == "h1"), None)
    front, body = ([], blocks) if title is None else (blocks[: title + 1], blocks[title + 1 :])
    if body and "byline" in _classes(body[0]):
        front, body = [*front, body[0]], body[1:]
    listing = next((i for i, b in enumerate(body) if b.tag == "ol" and "references" in _classes(b)), None)
    bibliography = None
    if listing is not None:
        start = next((i for i in range(listing, -1, -1) if _HEADING.fullmatch(body[i].tag)), None)
        end = next((i for i in range(listing + 1, len(body)) if _HEADING.fullmatch(body[i].tag)), len(body))
        start = listing if start is None else start
        heading = body[start] if _HEADING.fullmatch(body[start].tag) else None
        bibliography = (heading, [b for b in body[start:end] if b is not heading])
        body = body[:start] + body[end:]
    notes = {}
    for block in footnotes:
        for number, item in enumerate(block.iter("li"), start=1):
            notes[item.get("id")] = (number, item)
    return front, body, bibliography, notes


def _heading_text(element) -> str:
    return "".join(t for t in _texts(element)).strip()


def _texts(element):
    """The element's text, without the apparatus inside it."""
    if _classes(element) & DROPPED:
        return
    yield element.text or ""
    for child in element:
        if isinstance(child.tag, str):
            yield from _texts(child)
        yield child.tail or ""


def _reference_keys(bibliography) -> list[tuple[str, str]]:
    """(key, number) of each entry of the page's reference list, in its order."""
    if bibliography is None:
        return []
    found = []
    for block in bibliography[1]:
        if block.tag == "ol" and "references" in _classes(block):
            start = int(block.get("start") or 1)
            for offset, item in enumerate(block.findall("li")):
                if (item.get("id") or "").startswith("ref-"):
                    found.append((item.get("id").removeprefix("ref-"), item.get("value") or str(start + offset)))
    return found


# --- a converter from the page's HTML, one per format ------------------------


class _Writer:
    """Walks the page's HTML and writes its counterpart under a parent element."""

    def __init__(self, text: Text):
        self.text = text
        self.emendations = [c for c in text.record.changes_of(text.src) if c["kind"] == "emendation"]
        self.footnotes: dict = {}
        self.paragraph = ""  # the id of the paragraph being written

    def el(self, parent, tag: str, text: str = "", **attrs):
        element = etree.SubElement(parent, self.name(tag), {self.attr(k): v for k, v in attrs.items() if v})
        if text:
            element.text = text
        return element

    def name(self, tag: str) -> str:
        return tag

    def attr(self, name: str) -> str:
        if name == "xml_id":
            return f"{{{XML_NS}}}id"
        if name == "xml_lang":
            return f"{{{XML_NS}}}lang"
        if name.startswith("xlink_"):
            return f"{{{XLINK_NS}}}{name.removeprefix('xlink_')}"
        return name.replace("_", "-")

    @staticmethod
    def add_text(parent, value: str) -> None:
        """value after what parent holds so far."""
        if not value:
            return
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + value
        else:
            parent.text = (parent.text or "") + value

    def inline(self, parent, element) -> None:
        """element's content (text and inline children) into parent."""
        self.add_text(parent, element.text)
        for child in element:
            if isinstance(child.tag, str):
                self.inline_element(parent, child)
            self.add_text(parent, child.tail)

    def emendation(self, text: str) -> dict | None:
        return next((c for c in self.emendations if c["paragraph"] == self.paragraph and c["text"] == text), None)

    def sections(self, parent, blocks, make_section) -> None:
        """Blocks under parent, each heading opening a section of its level."""
        stack = [(1, parent)]
        for block in blocks:
            match = _HEADING.fullmatch(block.tag)
            if match:
                level = int(match.group(1))
                while len(stack) > 1 and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, make_section(stack[-1][1], block)))
            else:
                self.block(stack[-1][1], block)


class _TEI(_Writer):
    def name(self, tag: str) -> str:
        return f"{{{TEI_NS}}}{tag}"

    def block(self, parent, element) -> None:
        classes, tag = _classes(element), element.tag
        resp = f"#{EDITORS}" if classes & EDITORIAL_CLASSES else ""
        if "admonition" in classes or (tag == "div" and resp):
            note = self.el(parent, "note", type="editorial", resp=resp)
            for child in element:
                if not isinstance(child.tag, str):
                    continue
                if "admonition-title" in _classes(child):
                    self.inline(self.el(note, "label"), child)
                else:
                    self.block(note, child)
            note.tail = element.tail
            return
        if tag == "p":
            self.paragraph = element.get("id") or ""
            if resp:
                target = self.el(parent, "note", type="editorial", resp=resp)
                self.inline(target, element)
            else:
                self.inline(self.el(parent, "p", xml_id=element.get("id")), element)
            self.paragraph = ""
        elif tag == "blockquote":
            quote = self.el(parent, "quote", xml_id=element.get("id"))
            self.blocks(quote, element)
        elif tag in ("ol", "ul"):
            listing = self.el(parent, "list", rend="numbered" if tag == "ol" else "bulleted", xml_id=element.get("id"))
            for item in element.findall("li"):
                target = self.el(listing, "item", xml_id=item.get("id"))
                if any(isinstance(c.tag, str) and c.tag in _BLOCK for c in item):
                    self.blocks(target, item)
                else:
                    self.inline(target, item)
                target.tail = item.tail
        elif tag == "table":
            table = self.el(parent, "table")
            for row in element.iter("tr"):
                cells = self.el(table, "row")
                for cell in row:
                    if isinstance(cell.tag, str) and cell.tag in ("td", "th"):
                        self.inline(self.el(cells, "cell", role="label" if cell.tag == "th" else ""), cell)
        elif tag == "div" and "byline" in classes:
            byline = self.el(parent, "byline")
            self.add_text(byline, element.text)
            for child in element:
                if isinstance(child.tag, str):
                    kind = next(iter(sorted(_classes(child))), "")
                    self.inline(
                        self.el(
                            byline, "docAuthor" if kind == "author" else "seg", type=kind if kind != "author" else ""
                        ),
                        child,
                    )
                self.add_text(byline, child.tail)
            byline.tail = element.tail
            return
        elif tag == "hr" or tag == "h1":
            return
        else:  # a div or another block: its content
            self.blocks(parent, element)
            return
        parent[-1].tail = element.tail

    def blocks(self, parent, element) -> None:
        self.add_text(parent, element.text if (element.text or "").strip() == "" else "")
        if (element.text or "").strip():
            self.inline(self.el(parent, "p"), element)
            return
        for child in element:
            if isinstance(child.tag, str):
                if child.tag in _BLOCK:
                    self.block(parent, child)
                else:
                    self.inline_element(parent, child)
            self.add_text(parent, child.tail)

    def inline_element(self, parent, element) -> None:
        classes, tag = _classes(element), element.tag
        if classes & DROPPED:
            return
        if tag == "sup" and (element.get("id") or "").startswith("fnref"):
            link = element.find("a")
            target = (link.get("href") or "").lstrip("#") if link is not None else ""
            number, item = self.footnotes.get(target, (None, None))
            if item is not None:
                note = self.el(parent, "note", place="foot", n=str(number), xml_id=f"fn-{number}")
                for child in item:
                    if isinstance(child.tag, str):
                        self.block(note, child)
                _strip_end(note)
            return
        if "citation" in classes and tag == "a":
            self.inline(
                self.el(parent, "ref", type="citation", target=element.get("href"), xml_id=element.get("id")), element
            )
        elif "emendation" in classes:
            change = self.emendation(_heading_text(element))
            choice = self.el(parent, "choice")
            self.el(choice, "sic", change["source"] if change else "")
            self.inline(self.el(choice, "corr", resp=f"#{EDITORS}"), element)
        elif classes & EDITORIAL_CLASSES:
            self.inline(self.el(parent, "note", type="editorial", place="inline", resp=f"#{EDITORS}"), element)
        elif tag in ("em", "i"):
            self.inline(self.el(parent, "hi", rend="italic"), element)
        elif tag in ("strong", "b"):
            self.inline(self.el(parent, "hi", rend="bold"), element)
        elif tag in ("sup", "sub"):
            self.inline(self.el(parent, "hi", rend="superscript" if tag == "sup" else "subscript"), element)
        elif tag == "code":
            self.inline(self.el(parent, "code"), element)
        elif tag == "a" and element.get("href"):
            self.inline(self.el(parent, "ref", target=element.get("href")), element)
        elif tag == "br":
            self.el(parent, "lb")
        else:
            self.inline(parent, element)

    def front(self, parent, blocks) -> None:
        for block in blocks:
            if block.tag == "h1":
                resp = f"#{EDITORS}" if _classes(block) & EDITORIAL_CLASSES else ""
                title = self.el(parent, "docTitle", xml_id=block.get("id"), resp=resp)
                self.inline(self.el(title, "titlePart"), block)
                title.tail = block.tail
            else:
                self.block(parent, block)

    def section(self, parent, heading):
        div = self.el(parent, "div", xml_id=heading.get("id"))
        div.text = div.tail = "\n"
        head = self.el(div, "head", resp=f"#{EDITORS}" if _editorial_heading(heading) else "")
        self.inline(head, heading)
        head.tail = heading.tail
        return div


class _JATS(_Writer):
    def block(self, parent, element) -> None:
        classes, tag = _classes(element), element.tag
        editorial = "editorial" if classes & EDITORIAL_CLASSES else ""
        if "admonition" in classes or (tag == "div" and editorial):
            box = self.el(parent, "boxed-text", content_type="editorial-note", specific_use="editorial")
            title = next((c for c in element if isinstance(c.tag, str) and "admonition-title" in _classes(c)), None)
            if title is not None:
                self.inline(self.el(self.el(box, "caption"), "title"), title)
            for child in element:
                if isinstance(child.tag, str) and child is not title:
                    self.block(box, child)
            box.tail = element.tail
            return
        if tag == "p":
            self.paragraph = element.get("id") or ""
            self.inline(self.el(parent, "p", id=element.get("id"), specific_use=editorial,
                                content_type=" ".join(sorted(classes))), element)  # fmt: skip
            self.paragraph = ""
        elif tag == "blockquote":
            quote = self.el(parent, "disp-quote", id=element.get("id"))
            self.blocks(quote, element)
        elif tag in ("ol", "ul"):
            listing = self.el(parent, "list", list_type="order" if tag == "ol" else "bullet", id=element.get("id"))
            for item in element.findall("li"):
                target = self.el(listing, "list-item", id=item.get("id"))
                if any(isinstance(c.tag, str) and c.tag in _BLOCK for c in item):
                    self.blocks(target, item)
                else:
                    self.inline(self.el(target, "p"), item)
                target.tail = item.tail
        elif tag == "table":
            wrap = self.el(parent, "table-wrap")
            table = self.el(wrap, "table")
            for row in element.iter("tr"):
                cells = self.el(table, "tr")
                for cell in row:
                    if isinstance(cell.tag, str) and cell.tag in ("td", "th"):
                        self.inline(self.el(cells, cell.tag), cell)
            wrap.tail = element.tail
            return
        elif tag == "div" and "byline" in classes:
            for child in element:
                if isinstance(child.tag, str):
                    self.inline(self.el(parent, "p", content_type=" ".join(sorted(_classes(child)))), child)
                    parent[-1].tail = child.tail
            return
        elif tag == "h1":
            self.inline(
                self.el(parent, "p", id=element.get("id"), content_type="title", specific_use=editorial), element
            )
        elif tag == "hr":
            return
        else:
            self.blocks(parent, element)
            return
        parent[-1].tail = element.tail

    def blocks(self, parent, element) -> None:
        if (element.text or "").strip():
            self.inline(self.el(parent, "p"), element)
            return
        self.add_text(parent, element.text)
        for child in element:
            if isinstance(child.tag, str):
                if child.tag in _BLOCK:
                    self.block(parent, child)
                else:
                    self.inline(self.el(parent, "p"), child)
            self.add_text(parent, child.tail)

    def inline_element(self, parent, element) -> None:
        classes, tag = _classes(element), element.tag
        if classes & DROPPED:
            return
        if tag == "sup" and (element.get("id") or "").startswith("fnref"):
            link = element.find("a")
            target = (link.get("href") or "").lstrip("#") if link is not None else ""
            number, item = self.footnotes.get(target, (None, None))
            if item is not None:
                self.el(self.el(parent, "xref", ref_type="fn", rid=f"fn-{number}"), "sup", str(number))
                self.notes.append((f"fn-{number}", str(number), item))
            return
        if "citation" in classes and tag == "a":
            rid = (element.get("href") or "").lstrip("#")
            self.inline(self.el(parent, "xref", ref_type="bibr", rid=rid, id=element.get("id")), element)
        elif "emendation" in classes:
            change = self.emendation(_heading_text(element))
            self.inline(self.el(parent, "named-content", content_type="emendation"), element)
            number = len(self.emendation_notes) + 1
            self.el(parent, "xref", ref_type="fn", rid=f"emendation-{number}")
            self.emendation_notes.append((f"emendation-{number}", element.get("data-note") or "", change))
        elif classes & EDITORIAL_CLASSES:
            self.inline(self.el(parent, "named-content", content_type="editorial", specific_use="editorial"), element)
        elif tag in ("em", "i"):
            self.inline(self.el(parent, "italic"), element)
        elif tag in ("strong", "b"):
            self.inline(self.el(parent, "bold"), element)
        elif tag in ("sup", "sub"):
            self.inline(self.el(parent, tag), element)
        elif tag == "code":
            self.inline(self.el(parent, "monospace"), element)
        elif tag == "a" and element.get("href"):
            href = element.get("href")
            kind = "email" if href.startswith("mailto:") else "uri"
            if kind == "email":
                self.inline(self.el(parent, "email"), element)
            else:
                self.inline(self.el(parent, "ext-link", ext_link_type="uri", xlink_href=href), element)
        elif tag == "br":
            self.add_text(parent, "\n")
        else:
            self.inline(parent, element)

    def section(self, parent, heading):
        sec = self.el(parent, "sec", id=heading.get("id"))
        sec.text = sec.tail = "\n"
        title = self.el(sec, "title", specific_use="editorial" if _editorial_heading(heading) else "")
        self.inline(title, heading)
        title.tail = heading.tail
        return sec


def _editorial_heading(heading) -> bool:
    """A section's heading is the editors' (as scripts/check_fidelity.py counts it): an h2, or marked so."""
    return heading.tag == "h2" or bool(_classes(heading) & EDITORIAL_CLASSES)


def _strip_end(node) -> None:
    """No space at the end of a footnote (where the page had its way back)."""
    while len(node):
        last = node[-1]
        last.tail = (last.tail or "").rstrip() or None
        if last.tail:
            return
        node = last
    node.text = (node.text or "").rstrip() or None


# --- TEI ----------------------------------------------------------------------


def tei(text: Text) -> bytes:
    writer = _TEI(text)
    el, t, citation, edition = writer.el, text.t, text.citation, text.edition
    front, body, bibliography, writer.footnotes = _parts(text.content)
    root = etree.Element(writer.name("TEI"), nsmap={None: TEI_NS})
    root.set(f"{{{XML_NS}}}lang", text.locale)
    header = el(root, "teiHeader")
    file_desc = el(header, "fileDesc")
    title_stmt = el(file_desc, "titleStmt")
    el(title_stmt, "title", plain(citation["title"]), type="main")
    if citation.get("short_title"):
        el(title_stmt, "title", plain(citation["short_title"]), type="short")
    for author in citation.get("authors") or []:
        _tei_author(writer, el(title_stmt, "author"), author)
    edition_stmt = el(file_desc, "editionStmt")
    statement = el(edition_stmt, "edition", n=edition.version)
    el(statement, "title", edition.name)
    before, _, after = t("edition.header.version").replace("{version}", edition.version).partition("{date}")
    writer.add_text(statement, f". {before}")
    el(statement, "date", edition.date, when=edition.iso_date)
    writer.add_text(statement, after)
    resp = el(edition_stmt, "respStmt")
    el(resp, "resp", t("edition.export.resp"))
    el(resp, "orgName", t("edition.export.editors"), xml_id=EDITORS)
    publication = el(file_desc, "publicationStmt")
    el(publication, "publisher", edition.name)
    if text.url:
        el(publication, "idno", text.url, type="URI")
    availability = el(publication, "availability")
    licence = citation.get("licence")
    if licence:
        el(availability, "licence", plain(licence["name"]), target=plain(licence.get("url") or ""))
    else:
        el(availability, "p", identity.rights(citation, t))
    el(publication, "date", edition.date, when=edition.iso_date)
    source_desc = el(file_desc, "sourceDesc")
    description = " ".join(str(text.record.source.get("description", {}).get(text.locale, "")).split())
    if description and any(part.get("page") == text.src for part in text.record.source.get("texts", [])):
        el(el(source_desc, "bibl", type="extract"), "note", description)
    _tei_original(writer, el(source_desc, "bibl", type="original"), citation, t)
    _tei_encoding(writer, header, text)
    profile = el(header, "profileDesc")
    if citation.get("abstract"):
        el(el(profile, "abstract"), "p", plain(citation["abstract"]))
    el(el(profile, "langUsage"), "language", text.language, ident=text.locale)
    if citation.get("keywords"):
        keywords = el(el(profile, "textClass"), "keywords")
        for word in citation["keywords"]:
            el(keywords, "term", plain(word))
    revisions = el(header, "revisionDesc")
    for correction in text.record.corrections:
        changes = correction.get("changes") or {}
        said = changes.get(text.locale) or next(iter(changes.values()), "")
        el(revisions, "change", " ".join(str(said).split()), when=correction["date"].isoformat(),
           n=str(correction["version"]))  # fmt: skip
    etree.indent(header, space=" ")
    header.tail = "\n"
    text_el = el(root, "text")
    text_el.text = "\n"
    if front:
        front_el = el(text_el, "front")
        front_el.text = "\n"
        writer.front(front_el, front)
        front_el.tail = "\n"
    body_el = el(text_el, "body")
    body_el.text = "\n"
    writer.sections(body_el, body, writer.section)
    if not len(body_el):
        el(body_el, "p")
    body_el.tail = "\n"
    keys = _reference_keys(bibliography)
    if keys:
        back = el(text_el, "back")
        heading, blocks = bibliography
        div = el(back, "div", type="bibliography", xml_id=heading.get("id") if heading is not None else "")
        if heading is not None:
            writer.inline(el(div, "head", resp=f"#{EDITORS}"), heading)
        for block in blocks:
            if not (block.tag == "ol" and "references" in _classes(block)):
                writer.block(div, block)
        listing = el(div, "listBibl")
        for key, number in keys:
            _tei_reference(writer, listing, text.references.get(key), key, number, t)
        etree.indent(back, space=" ")
        back.tail = "\n"
    root.tail = None
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def _tei_author(writer, parent, author: dict) -> None:
    el = writer.el
    person = el(parent, "persName")
    el(person, "surname", plain(author["family"]))
    if author.get("given"):
        el(person, "forename", plain(author["given"]))
    if author.get("affiliation"):
        el(parent, "affiliation", plain(author["affiliation"]))
    if author.get("email"):
        el(parent, "email", plain(author["email"]))
    if author.get("orcid"):
        el(parent, "idno", plain(author["orcid"]), type="ORCID")


def _tei_original(writer, bibl, citation: dict, t) -> None:
    """The text's first publication: what is known of it; a date not known is GOST's [s. a.]."""
    el, original = writer.el, citation.get("original") or {}
    get = lambda key: str(original.get(key) or "").strip()  # noqa: E731
    el(bibl, "title", plain(citation["title"]), level="a")
    for author in citation.get("authors") or []:
        person = el(el(bibl, "author"), "persName")
        el(person, "surname", plain(author["family"]))
        if author.get("given"):
            el(person, "forename", plain(author["given"]))
    if get("container"):
        el(bibl, "title", get("container"), level="j")
    if get("place"):
        el(bibl, "pubPlace", get("place"))
    if get("publisher"):
        el(bibl, "publisher", get("publisher"))
    if get("date"):
        el(bibl, "date", get("date"), when=get("date") if re.fullmatch(r"\d{4}(-\d\d-\d\d)?", get("date")) else "")
    else:
        el(bibl, "date", f"[{t('edition.gost.no-date')}]")
    for key, unit in (("volume", "volume"), ("issue", "issue"), ("pages", "page")):
        if get(key):
            el(bibl, "biblScope", get(key), unit=unit)
    if get("doi"):
        el(bibl, "idno", get("doi"), type="DOI")
    if get("url"):
        el(bibl, "ptr", target=get("url"))


def _tei_encoding(writer, header, text: Text) -> None:
    """The record's editorial principles for this text: what was repaired, what kept."""
    el, t, record = writer.el, text.t, text.record
    lines = []  # (TEI element of editorialDecl, its sentence)
    glyphs = record.glyphs if record.glyphs.get("page") == text.src else {}
    if glyphs.get("letters"):
        letters = ", ".join(f"{g['source']} → {g['text']} ({g['count']})" for g in glyphs["letters"])
        lines.append(("normalization", f"{t('edition.record.kind.glyph')}: {letters}."))
    changes = record.changes_of(text.src)
    elements = {"hyphen-joined": "hyphenation", "hyphen-kept": "hyphenation", "emendation": "correction"}
    for kind in CHANGE_KINDS:
        element = elements.get(kind, "normalization")  # a space restored, a title's case
        found = [c for c in changes if c["kind"] == kind]
        if found:
            said = "; ".join(
                f"«{c['source']}» → «{c['text']}» (#{c['paragraph']}){_reason(c, text.locale)}" for c in found
            )
            lines.append((element, f"{t('edition.record.kind.' + kind)}: {said}".rstrip(".") + "."))
    for kept in record.kept:
        if kept.get("page") == text.src:
            forms = ", ".join(f"«{form}»" for form in kept["forms"])
            lines.append(("normalization", f"{t('edition.record.kind.' + kept['kind'])}: {forms}."))
    if not lines:
        return
    declaration = el(el(header, "encodingDesc"), "editorialDecl")
    for element, sentence in lines:
        el(el(declaration, element), "p", sentence)


def _reason(change: dict, locale: str) -> str:
    """': <why>' of an emendation, in the language (or the record's first); '' for another change."""
    reasons = change.get("reason") or {}
    said = reasons.get(locale) or next(iter(reasons.values()), "")
    return f": {' '.join(str(said).split())}" if change["kind"] == "emendation" and said else ""


def _tei_reference(writer, listing, ref: Reference | None, key: str, number: str, t) -> None:
    el = writer.el
    if ref is None or not ref.known:
        bibl = el(listing, "bibl", xml_id=f"ref-{key}", n=number)
        el(bibl, "note", ref.get("note") if ref else key)
        return
    get = ref.get
    struct = el(listing, "biblStruct", xml_id=f"ref-{key}", n=number, type=ref.kind)
    if ref.kind in ("article", "incollection"):
        analytic = el(struct, "analytic")
        _tei_names(writer, analytic, "author", ref.authors)
        _tei_title(writer, analytic, get("title"), get("subtitle"), "a")
        if get("doi"):
            el(analytic, "idno", get("doi"), type="DOI")
        monogr = el(struct, "monogr")
        if ref.kind == "article":
            el(monogr, "title", get("journal") or get("journaltitle"), level="j")
        else:
            el(monogr, "title", get("booktitle"), level="m")
            _tei_names(writer, monogr, "editor", ref.editors)
    else:
        monogr = el(struct, "monogr")
        _tei_names(writer, monogr, "author", ref.authors)
        _tei_title(writer, monogr, get("title"), get("subtitle"), "m")
        _tei_names(writer, monogr, "editor", ref.editors)
        if get("doi"):
            el(monogr, "idno", get("doi"), type="DOI")
    for name in ("isbn", "issn"):
        if get(name):
            el(monogr, "idno", get(name), type=name.upper())
    if get("edition"):
        el(monogr, "edition", get("edition"))
    imprint = el(monogr, "imprint")
    place = get("address") or get("location")
    if place:
        el(imprint, "pubPlace", place)
    publisher = get("publisher") or get("school") or get("institution") or get("organization") or get("howpublished")
    if publisher:
        el(imprint, "publisher", publisher)
    date = get("year") or get("date")
    el(
        imprint,
        "date",
        date or f"[{t('edition.gost.no-date')}]",
        when=date if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", date) else "",
    )
    if get("volume"):
        el(imprint, "biblScope", get("volume"), unit="volume")
    if get("number") and ref.kind == "article":
        el(imprint, "biblScope", get("number"), unit="issue")
    if get("pages"):
        el(imprint, "biblScope", _PAGES.sub("–", get("pages")), unit="page")
    if get("pagetotal"):
        el(monogr, "extent", f"{get('pagetotal')} {t('edition.gost.pages_total')}")
    if get("series"):
        series = el(struct, "series")
        el(series, "title", get("series"), level="s")
        if get("number"):
            el(series, "biblScope", get("number"), unit="issue")
    if get("url"):
        el(struct, "ptr", target=get("url"))
    note = " ".join(filter(None, [get("type"), get("note")]))
    if note:
        el(struct, "note", note)


def _tei_names(writer, parent, role: str, names: list[Name]) -> None:
    for name in names:
        person = writer.el(writer.el(parent, role), "persName")
        writer.el(person, "surname", name.family)
        if name.initials:
            writer.el(person, "forename", name.initials)


def _tei_title(writer, parent, title: str, subtitle: str, level: str) -> None:
    writer.el(parent, "title", title, level=level, type="main" if subtitle else "")
    if subtitle:
        writer.el(parent, "title", subtitle, level=level, type="sub")


# --- JATS ---------------------------------------------------------------------


def jats(text: Text) -> bytes:
    writer = _JATS(text)
    writer.notes, writer.emendation_notes = [], []
    el, t, citation, edition = writer.el, text.t, text.citation, text.edition
    front, body, bibliography, writer.footnotes = _parts(text.content)
    root = etree.Element("article", nsmap={"xlink": XLINK_NS, "ali": ALI_NS})
    root.set("article-type", "research-article")
    root.set("dtd-version", "1.3")
    root.set(f"{{{XML_NS}}}lang", text.locale)
    front_el = el(root, "front")
    journal = el(front_el, "journal-meta")
    el(journal, "journal-id", edition.name, journal_id_type="publisher-id")
    el(el(journal, "journal-title-group"), "journal-title", edition.name)
    el(el(journal, "publisher"), "publisher-name", edition.name)
    meta = el(front_el, "article-meta")
    if text.url:
        el(meta, "article-id", text.url, pub_id_type="uri")
    el(meta, "article-version", edition.version, article_version_type="version")
    titles = el(meta, "title-group")
    el(titles, "article-title", plain(citation["title"]))
    if citation.get("short_title"):
        el(titles, "alt-title", plain(citation["short_title"]), alt_title_type="running-head")
    authors = citation.get("authors") or []
    if authors:
        group = el(meta, "contrib-group")
        for author in authors:
            contrib = el(group, "contrib", contrib_type="author")
            if author.get("orcid"):
                el(contrib, "contrib-id", f"https://orcid.org/{plain(author['orcid'])}", contrib_id_type="orcid")
            name = el(contrib, "name")
            el(name, "surname", plain(author["family"]))
            if author.get("given"):
                el(name, "given-names", plain(author["given"]))
            if author.get("affiliation"):
                el(contrib, "aff", plain(author["affiliation"]))
            if author.get("email"):
                el(contrib, "email", plain(author["email"]))
    date = el(meta, "pub-date", date_type="pub", publication_format="electronic", iso_8601_date=edition.iso_date)
    el(date, "day", f"{edition.released.day:02d}")
    el(date, "month", f"{edition.released.month:02d}")
    el(date, "year", str(edition.released.year))
    history = el(meta, "pub-history")
    for correction in text.record.corrections:
        changes = correction.get("changes") or {}
        said = " ".join(str(changes.get(text.locale) or next(iter(changes.values()), "")).split())
        event = el(history, "event", event_type="version")
        el(event, "event-desc", f"{correction['version']}: {said}")
        day = correction["date"]
        when = el(event, "date", date_type="rev-recd", iso_8601_date=day.isoformat())
        el(when, "day", f"{day.day:02d}")
        el(when, "month", f"{day.month:02d}")
        el(when, "year", str(day.year))
    permissions = el(meta, "permissions")
    licence = citation.get("licence")
    if licence:
        lic = el(permissions, "license", xlink_href=plain(licence.get("url") or ""))
        if licence.get("url"):
            ref = etree.SubElement(lic, f"{{{ALI_NS}}}license_ref")
            ref.text = plain(licence["url"])
        el(lic, "license-p", plain(licence["name"]))
    else:
        el(permissions, "copyright-statement", identity.rights(citation, t))
    if text.url:
        el(meta, "self-uri", text.url, xlink_href=text.url)
    if citation.get("abstract"):
        el(el(meta, "abstract"), "p", plain(citation["abstract"]))
    if citation.get("keywords"):
        group = el(meta, "kwd-group", kwd_group_type="author")
        for word in citation["keywords"]:
            el(group, "kwd", plain(word))
    etree.indent(front_el, space=" ")
    front_el.tail = "\n"
    body_el = el(root, "body")
    body_el.text = "\n"
    for block in front:  # the title page: paragraphs named by their content-type (title, author …)
        writer.block(body_el, block)
    writer.sections(body_el, body, writer.section)
    if not len(body_el):
        el(body_el, "p")
    body_el.tail = "\n"
    keys = _reference_keys(bibliography)
    if keys or writer.notes or writer.emendation_notes:
        back = el(root, "back")
        if keys:
            heading = bibliography[0]
            listing = el(back, "ref-list", id=heading.get("id") if heading is not None else "")
            if heading is not None:
                writer.inline(el(listing, "title", specific_use="editorial"), heading)
            for key, number in keys:
                _jats_reference(writer, listing, text.references.get(key), key, number)
        if writer.notes or writer.emendation_notes:
            group = el(back, "fn-group")
            for rid, number, item in writer.notes:
                fn = el(group, "fn", id=rid)
                el(fn, "label", number)
                for child in item:
                    if isinstance(child.tag, str):
                        writer.block(fn, child)
                _strip_end(fn)
            for rid, note, _change in writer.emendation_notes:
                el(el(group, "fn", id=rid, fn_type="other", specific_use="emendation"), "p", note)
        etree.indent(back, space=" ")
        back.tail = "\n"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", doctype=JATS_DOCTYPE) + b"\n"


_PUBLICATION_TYPES = {"article": "journal", "incollection": "book", "book": "book", "online": "webpage",
                      "thesis": "thesis", "report": "report", "misc": "other"}  # fmt: skip


def _jats_reference(writer, listing, ref: Reference | None, key: str, number: str) -> None:
    el = writer.el
    entry = el(listing, "ref", id=f"ref-{key}")
    el(entry, "label", number)
    kind = ref.kind if ref else "misc"
    cited = el(entry, "element-citation", publication_type=_PUBLICATION_TYPES.get(kind, "other"))
    if ref is None or not ref.known:
        el(cited, "comment", ref.get("note") if ref else key)
        return
    get = ref.get
    for role, names in (("author", ref.authors), ("editor", ref.editors)):
        if names:
            group = el(cited, "person-group", person_group_type=role)
            for name in names:
                person = el(group, "name")
                el(person, "surname", name.family)
                if name.initials:
                    el(person, "given-names", name.initials)
            if ref.more_authors if role == "author" else ref.more_editors:
                el(group, "etal")
    title = " : ".join(filter(None, [get("title"), get("subtitle")]))
    if kind in ("article", "incollection"):
        el(cited, "article-title" if kind == "article" else "chapter-title", title)
        el(cited, "source", get("journal") or get("journaltitle") or get("booktitle"))
    else:
        el(cited, "source", title)
    if get("edition"):
        el(cited, "edition", get("edition"))
    place = get("address") or get("location")
    if place:
        el(cited, "publisher-loc", place)
    publisher = get("publisher") or get("school") or get("institution") or get("organization") or get("howpublished")
    if publisher:
        el(cited, "publisher-name", publisher)
    if get("year") or get("date"):
        el(cited, "year", (get("year") or get("date"))[:4])
    if get("volume"):
        el(cited, "volume", get("volume"))
    if get("number") and kind == "article":
        el(cited, "issue", get("number"))
    if get("series"):
        el(cited, "series", "; ".join(filter(None, [get("series"), get("number")])))
    if get("pages"):
        pages = _PAGES.split(get("pages"))
        el(cited, "fpage", pages[0])
        if len(pages) > 1:
            el(cited, "lpage", pages[-1])
    if get("pagetotal"):
        el(cited, "size", get("pagetotal"), units="pages")
    if get("isbn"):
        el(cited, "isbn", get("isbn"))
    if get("issn"):
        el(cited, "issn", get("issn"))
    if get("doi"):
        el(cited, "pub-id", gost.doi_url(get("doi")).removeprefix("https://doi.org/"), pub_id_type="doi")
    if get("url"):
        el(cited, "ext-link", get("url"), ext_link_type="uri", xlink_href=get("url"))
    if get("urldate"):
        el(cited, "date-in-citation", get("urldate"), content_type="access-date")
    note = " ".join(filter(None, [get("type"), get("note")]))
    if note:
        el(cited, "comment", note)


# --- reading an export back ---------------------------------------------------

# What is not the text: the header, the apparatus and what the editors added.
_LEFT_OUT = {
    "tei": "//t:teiHeader | //t:back | //t:note | //t:sic | //t:orig"
    f" | //*[@resp='#{EDITORS}' and local-name() != 'corr']",
    "jats": "//front | //back | //fn | //xref[@ref-type='fn'] | //boxed-text | //*[@specific-use='editorial']",
}
_BLOCKS = {
    "tei": {"p", "head", "docTitle", "titlePart", "byline", "docAuthor", "seg", "item", "quote", "list", "cell",
            "row", "div", "front", "body", "lb"},
    "jats": {"p", "title", "sec", "list-item", "list", "disp-quote", "td", "th", "tr", "body"},
}  # fmt: skip


def text_of(xml: bytes, kind: str) -> str:
    """The text of an export as a reader reads it: the edition's reading (corr, not sic),
    without the header, notes and what the editors added; a space after each block."""
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True))
    for node in root.xpath(_LEFT_OUT[kind], namespaces={"t": TEI_NS}):
        parent = node.getparent()
        if parent is None:
            continue
        tail = node.tail or ""
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(node)
    blocks = _BLOCKS[kind]
    for node in root.iter():
        if isinstance(node.tag, str) and etree.QName(node).localname in blocks:
            node.tail = " " + (node.tail or "")
    return "".join(root.itertext())


def write(site, paths: dict[str, str], text: Text) -> None:
    """The text's .tei.xml and .jats.xml at their paths below the site (downloads.paths)."""
    for kind, make in (("tei", tei), ("jats", jats)):
        target = site / paths[kind]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(make(text))
