"""The published-URL lock: every page URL and fragment id of the built site.

    python scripts/published_urls.py site/            # check the site against the lock
    python scripts/published_urls.py --update site/   # also record new URLs (make urls)
    python scripts/published_urls.py --retext site/   # also accept changed text (make urls-retext)

Scholars cite these URLs, so the lock only grows. Each line is a URL and what
it points to: for a page, a heading, a paragraph or a reference entry, the
start of its text; for a citation (#cite-N), the source it cites and its
locator, "[source-3, С. 101]", so a renumbering that moves a number to
another source is caught. A URL whose target is gone, or now points to
something else, fails the check, naming the Markdown line where its id now
stands; --update refuses to drop or change one.

--retext is the one way the text at a URL may change, as when a reference
entry gains its details or a correction changes a heading: it prints each
change and records it. It still refuses an id that is gone, a citation that
now cites another source, and an id that moved: one whose old text now
begins another paragraph, heading or item.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from scholarly_edition.bibliography import check_entries
from scholarly_edition.citations import protect
from scholarly_edition.language_links import page_url as docs_page_url
from scholarly_edition.sources import front_matter_lines, id_line

LIST = "published-urls.txt"  # in the edition's folder, beside mkdocs.yml
HEADER = "# Every published URL of the edition and what it points to. Only ever add.\n"


def fingerprint(text: str, words: int = 8) -> str:
    """The first words of an element's text, without permalink signs or soft hyphens."""
    return " ".join(text.replace("¶", " ").replace("\u00ad", "").split()[:words])


def site_page_url(site: Path, path: Path) -> str:
    return "/" + path.relative_to(site).as_posix().removesuffix("index.html")


def _target(node) -> str:
    """What an element with an id points to."""
    if "citation" in (node.get("class") or []):  # a citation: its source and locator
        key = node.get("href", "").removeprefix("#ref-")
        locator = " ".join(node.get_text().strip("[]").partition(",")[2].split())
        return f"[{key}{', ' + locator if locator else ''}]"
    return fingerprint(node.get_text())


def collect(site: Path) -> dict[str, str]:
    """URL -> what it points to, for every page and every id inside its article."""
    urls = {}
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html":
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        url = site_page_url(site, path)
        heading = soup.select_one("article h1")
        urls[url] = fingerprint(heading.get_text() if heading else soup.title.get_text())
        for node in soup.select("article [id]"):
            urls[f"{url}#{node['id']}"] = _target(node)
    return urls


def block_fingerprints(site: Path) -> dict[str, list[tuple[str | None, str]]]:
    """Page URL -> (id, fingerprint) of every block of its article (paragraphs,
    headings, list items), with or without an id."""
    blocks = {}
    for path in sorted(site.rglob("*.html")):
        if path.name != "404.html":
            article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
            blocks[site_page_url(site, path)] = [
                (node.get("id"), fingerprint(node.get_text()))
                for node in (article.select("p, li, h1, h2, h3, h4") if article else [])
            ]
    return blocks


def retext(published: dict[str, str], blocks: dict[str, list], moved: list[str]):
    """(changed, moved away) of the URLs whose text changed: an id moved away
    from its text when that text now begins another block of its page (unless
    several published ids began with that same text, which tells nothing); a
    citation never changes its text, only its source."""

    def moved_away(url: str) -> bool:
        page, _, fragment = url.partition("#")
        if fragment.startswith("cite-"):
            return True
        shared = sum(
            1 for other, text in published.items() if other.partition("#")[0] == page and text == published[url]
        )
        return shared == 1 and any(
            text == published[url] and node_id != fragment for node_id, text in blocks.get(page, [])
        )

    away = [url for url in moved if moved_away(url)]
    return [url for url in moved if url not in away], away


def markdown_sources(site: Path, docs: Path) -> dict[str, Path]:
    """Page URL -> its Markdown file. The default language is the one whose home is the site's root."""
    root_lang = re.search(r'<html lang="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    default = root_lang.group(1) if root_lang else ""
    return {
        "/" + docs_page_url(path.relative_to(docs).as_posix(), default): path for path in sorted(docs.rglob("*.md"))
    }


def where(url: str, sources: dict[str, Path], docs: Path) -> str:
    """'kk/diplomacy.md:27' where the URL's id is set in the Markdown now, or what is known."""
    page, _, fragment = url.partition("#")
    path = sources.get(page)
    if path is None:
        return "no Markdown page has this address now"
    name = path.relative_to(docs).as_posix()
    if not fragment:
        return name
    source = path.read_text(encoding="utf-8")
    if fragment.startswith("cite-") and fragment[5:].isdigit():
        line = citation_line(source, int(fragment[5:]))
        return f"{name}:{line}, its citation {fragment[5:]}" if line else f"{name} has fewer citations now"
    if fragment.startswith("ref-"):
        lines = check_entries((docs.parent / "refs.bib").read_text(encoding="utf-8-sig"), "refs.bib")
        key = fragment[4:]
        return f"refs.bib:{lines[key]}, entry {key}" if key in lines else f"refs.bib has no entry {key} now"
    line = id_line(source, fragment)
    return f"{name}:{line}" if line else f"{name} does not set this id in its Markdown"


def citation_line(source: str, number: int) -> int | None:
    """The line of the page's number-th citation (code blanked out, as it creates none)."""
    offset = front_matter_lines(source)
    markdown = source.split("\n", offset)[-1] if offset else source
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731
    markdown = re.sub(
        r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`|^(?: {4}|\t).*$", blank, markdown, flags=re.MULTILINE | re.DOTALL
    )
    cited = [m for m in protect(markdown, offset)[1] if m.text.startswith("[")]
    return cited[number - 1].line if 0 < number <= len(cited) else None


def read_list(path: Path) -> dict[str, str]:
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            url, _, text = line.partition("\t")
            entries[url] = text
    return entries


def write_list(entries: dict[str, str], path: Path) -> None:
    lines = [f"{url}\t{text}\n" for url, text in sorted(entries.items(), key=lambda e: _order(e[0]))]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")


def _order(url: str) -> tuple:
    page, _, fragment = url.partition("#")
    number = re.search(r"(\d+)$", fragment)
    return (page, bool(fragment), re.sub(r"\d+$", "", fragment), int(number.group(1)) if number else 0)


def compare(published: dict[str, str], built: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    """(gone, moved, new) URLs of the built site against the published list."""
    gone = [url for url in published if url not in built]
    moved = [url for url in published if url in built and built[url] != published[url]]
    new = [url for url in built if url not in published]
    return gone, moved, new


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--update", action="store_true", help="record new URLs in published-urls.txt")
    parser.add_argument("--retext", action="store_true", help="also accept and record changed text at ids that stayed")
    parser.add_argument("--edition", type=Path, default=Path(), help="the edition's folder (of mkdocs.yml)")
    args = parser.parse_args(argv)
    lock, docs = args.edition / LIST, args.edition / "docs"
    published = read_list(lock) if lock.exists() else {}
    built = collect(args.site)
    sources = markdown_sources(args.site, docs)
    gone, moved, new = compare(published, built)
    if args.retext and moved and not gone:
        changed, moved = retext(published, block_fingerprints(args.site), moved)
        for url in changed:
            print(f"CHANGED {url}  ({where(url, sources, docs)})\n  was: {published[url]}\n  now: {built[url]}")
        published = {**published, **{url: built[url] for url in changed}}
        if not moved:
            write_list(published, lock)
            print(f"recorded {len(changed)} changed texts in {LIST}")
    for url in gone:
        print(f"GONE   {url}  ({where(url, sources, docs)}; it pointed to: {published[url]})")
    for url in moved:
        print(f"MOVED  {url}  ({where(url, sources, docs)}; was: {published[url]}; now: {built[url]})")
    if moved and not args.retext:
        print("If only the text there changed (a filled-in reference, a correction): make urls-retext")
    for url in new:
        print(f"NEW    {url}  ({built[url]})")
    if gone or moved:
        print("A published URL must keep pointing to what it did: restore the id or the citation there.")
        return 1
    if new and (args.update or args.retext):
        write_list({**published, **{url: built[url] for url in new}}, lock)
        print(f"recorded {len(new)} new URLs in {LIST}")
        return 0
    if new:
        print("Record them with: make urls")
        return 1
    print(f"{len(built)} published URLs checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
