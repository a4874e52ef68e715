"""A reference written after GOST R 7.0.5-2008, in the words of the cited
work's language (t(key) reads its string table: «С.», «с.», «и др.»; «Б.»,
«б.», «т.б.»; "P.", "p.", "et al.").

The areas, in GOST's order, separated by ". – ":

    heading (one to three authors) and title : subtitle / statement of responsibility
    // container (article: journal; part of a book: book / editors)
    edition. – place : publisher, year. – volume, number. – pages. – (series ; number)
    – ISBN … – DOI: … – URL: … (accessed: dd.mm.yyyy) – note

A reference is a list of segments, text with an optional link (URL, DOI), so
templates write it as HTML and tools as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .bibliography import Name, Reference


@dataclass(frozen=True)
class Segment:
    text: str
    href: str = ""


def text(segments: list[Segment]) -> str:
    return "".join(segment.text for segment in segments)


def reference(ref: Reference, t) -> list[Segment]:
    """The entry as GOST writes it; an entry whose details are unknown says so, then gives its note."""
    get = ref.get
    if not ref.known:
        return [Segment(f"{t('edition.reference.unnamed')} "), Segment(get("note"))]
    title = " : ".join(filter(None, [get("title"), get("subtitle")]))
    head = _title_with_authors(ref, title, t)
    year = get("year") or get("date")
    imprint = ", ".join(
        filter(
            None,
            [
                " : ".join(
                    filter(
                        None,
                        [get("address") or get("location"), get("publisher") or get("school") or get("institution")],
                    )
                ),
                year,
            ],
        )
    )
    pages = get("pages") and f"{t('edition.gost.pages')} {_range(get('pages'))}"
    pagetotal = get("pagetotal") and f"{get('pagetotal')} {t('edition.gost.pages_total')}"
    volume = get("volume") and f"{t('edition.gost.volume')} {get('volume')}"
    series = get("series") and "(" + " ; ".join(filter(None, [get("series"), get("number")])) + ")"
    kind = ref.kind
    if kind == "article":
        issue = ", ".join(filter(None, [volume, get("number") and f"№ {get('number')}"]))
        areas = [
            f"{head} // {get('journal') or get('journaltitle')}",
            year,
            issue,
            pages,
            get("issn") and f"ISSN {get('issn')}",
        ]
    elif kind == "incollection":
        container = get("booktitle")
        if ref.editors:
            container += f" / {t('edition.gost.editors')} {_names(ref.editors, ref.more_editors, t)}"
        areas = [
            f"{head} // {container}",
            volume,
            get("edition"),
            imprint,
            pages,
            series,
            get("isbn") and f"ISBN {get('isbn')}",
        ]
    elif kind == "online":
        areas = [f"{head} [{t('edition.cite.online')}]", ", ".join(filter(None, [get("organization"), year]))]
    elif kind == "thesis":
        areas = [f"{head} : {get('type') or t('edition.gost.thesis')}", imprint, pagetotal]
    elif kind == "report":
        described = " ".join(filter(None, [get("type"), get("number") and not get("series") and f"№ {get('number')}"]))
        areas = [" : ".join(filter(None, [head, described])), imprint, pagetotal, series]
    elif kind == "book":
        if ref.editors:
            head += f" / {t('edition.gost.editors')} {_names(ref.editors, ref.more_editors, t)}"
        areas = [
            head + (f". {volume}" if volume else ""),
            get("edition"),
            imprint,
            pagetotal,
            series,
            get("isbn") and f"ISBN {get('isbn')}",
        ]
    else:  # misc with details
        areas = [head, get("howpublished"), year]
    segments = [Segment(_join_areas(areas))]
    if get("doi"):
        segments += _doi(get("doi"))
    if get("url"):
        accessed = get("urldate") and f" ({t('edition.cite.accessed')}: {_date(get('urldate'))})"
        segments += [Segment(" – URL: "), Segment(get("url"), get("url")), Segment(f"{accessed}.")]
    if get("note"):
        segments.append(Segment(f" – {get('note')}" + ("" if get("note").endswith(".") else ".")))
    return segments


def doi_url(value: str) -> str:
    """https://doi.org/… for a DOI written bare, as doi:…, or as a resolver's address."""
    return "https://doi.org/" + re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", value, flags=re.IGNORECASE)


def _doi(value: str) -> list[Segment]:
    url = doi_url(value)
    return [Segment(" – DOI: "), Segment(url.removeprefix("https://doi.org/"), url), Segment(".")]


def _title_with_authors(ref: Reference, title: str, t) -> str:
    """GOST heading: one to three authors lead; four and more (or «and others») follow the title."""
    authors = ref.authors
    if not authors:
        return title
    if ref.more_authors or len(authors) > 3:
        return f"{title} / {format_name(authors[0], initials_first=True)} [{t('edition.gost.others')}]"
    if len(authors) == 1:
        return f"{format_name(authors[0])} {title}"
    return f"{format_name(authors[0])} {title} / {_names(authors, False, t)}"


def _names(names: list[Name], more: bool, t) -> str:
    listed = ", ".join(format_name(name, initials_first=True) for name in names)
    return f"{listed} [{t('edition.gost.others')}]" if more else listed


def format_name(name: Name, initials_first: bool = False) -> str:
    """'Фамилия И. О.' (heading) or 'И. О. Фамилия' (statement of responsibility)."""
    parts = [name.initials, name.family]
    return " ".join(filter(None, parts if initials_first else parts[::-1]))


def _join_areas(areas: list[str]) -> str:
    """GOST separates areas with '. – '; an area that ends in a period takes only ' – '."""
    joined = ""
    for area in filter(None, areas):
        if joined:
            joined += " – " if joined.endswith(".") else ". – "
        joined += area
    return joined if joined.endswith(".") else joined + "."


def _date(value: str) -> str:
    """ISO 2024-03-01 -> 01.03.2024, as GOST writes access dates."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    return f"{match.group(3)}.{match.group(2)}.{match.group(1)}" if match else value


def _range(pages: str) -> str:
    return re.sub(r"\s*[-–—]+\s*", "–", pages)


def original(publication: dict, t) -> list[Segment]:
    """Where a text was first published (front matter `citation.original`), as GOST writes a
    container: «Вестник ЕНУ. – Астана : ЕНУ, 2018. – Т. 4, № 125. – С. 101–108. – DOI: …».
    Only what is given; a date not given is GOST's «[б. г.]» (`edition.gost.no-date`)."""
    get = lambda key: str(publication.get(key) or "").strip()  # noqa: E731
    date = get("date") or f"[{t('edition.gost.no-date')}]"
    place_publisher = " : ".join(filter(None, [get("place"), get("publisher")]))
    issue = ", ".join(filter(None, [get("volume") and f"{t('edition.gost.volume')} {get('volume')}",
                                    get("issue") and f"№ {get('issue')}"]))  # fmt: skip
    areas = [
        get("container"),
        ", ".join(filter(None, [place_publisher, date])),
        issue,
        get("pages") and f"{t('edition.gost.pages')} {_range(get('pages'))}",
    ]
    segments = [Segment(_join_areas(areas))]
    if get("doi"):
        segments += _doi(get("doi"))
    if get("url"):
        segments += [Segment(" – URL: "), Segment(get("url"), get("url")), Segment(".")]
    return segments
