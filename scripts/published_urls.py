"""The published-URL list: every page URL and fragment id of the built site.

    python scripts/published_urls.py site/            # check the site against the list
    python scripts/published_urls.py --update site/   # also record new URLs
    python scripts/published_urls.py --retext site/   # also accept changed text (make urls-retext)

Scholars cite these URLs, so the list only grows. Each line is a URL and
the start of what it points to; a URL whose target is gone, or now points to
something else, fails the check, and --update refuses to drop or change it.

--retext is the one way the text at a URL may change, as when a reference
entry gains its details or a correction changes a heading: it prints each
change and records it. It still refuses an id that is gone, and an id that
moved: one whose old text now begins another paragraph, heading or item.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
LIST = ROOT / "published-urls.txt"
HEADER = "# Every published URL of the edition and the start of what it points to. Only ever add.\n"


def fingerprint(text: str, words: int = 8) -> str:
    """The first words of an element's text, without permalink signs."""
    return " ".join(text.replace("¶", " ").split()[:words])


def page_url(site: Path, path: Path) -> str:
    relative = path.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html")


def collect(site: Path) -> dict[str, str]:
    """URL -> fingerprint for every page and every id inside its article."""
    urls = {}
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html":
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        url = page_url(site, path)
        heading = soup.select_one("article h1")
        urls[url] = fingerprint(heading.get_text() if heading else soup.title.get_text())
        for node in soup.select("article [id]"):
            urls[f"{url}#{node['id']}"] = fingerprint(node.get_text())
    return urls


def block_fingerprints(site: Path) -> dict[str, list[tuple[str | None, str]]]:
    """Page URL -> (id, fingerprint) of every block of its article (paragraphs,
    headings, list items), with or without an id."""
    blocks = {}
    for path in sorted(site.rglob("*.html")):
        if path.name != "404.html":
            article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
            blocks[page_url(site, path)] = [(node.get("id"), fingerprint(node.get_text()))
                                            for node in (article.select("p, li, h1, h2, h3, h4") if article else [])]
    return blocks


def retext(published: dict[str, str], blocks: dict[str, list], moved: list[str]):
    """(changed, moved away) of the URLs whose text changed: an id moved away
    from its text when that text now begins another block of its page (unless
    several published ids began with that same text, which tells nothing)."""
    def moved_away(url: str) -> bool:
        page, _, fragment = url.partition("#")
        shared = sum(1 for other, text in published.items() if other.partition("#")[0] == page and text == published[url])
        return shared == 1 and any(text == published[url] and node_id != fragment for node_id, text in blocks.get(page, []))
    away = [url for url in moved if moved_away(url)]
    return [url for url in moved if url not in away], away


def read_list(path: Path = LIST) -> dict[str, str]:
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            url, _, text = line.partition("\t")
            entries[url] = text
    return entries


def write_list(entries: dict[str, str], path: Path = LIST) -> None:
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
    args = parser.parse_args(argv)
    published = read_list() if LIST.exists() else {}
    built = collect(args.site)
    gone, moved, new = compare(published, built)
    if args.retext and moved and not gone:
        changed, moved = retext(published, block_fingerprints(args.site), moved)
        for url in changed:
            print(f"CHANGED {url}\n  was: {published[url]}\n  now: {built[url]}")
        published = {**published, **{url: built[url] for url in changed}}
        if not moved:
            write_list(published)
            print(f"recorded {len(changed)} changed texts in {LIST.name}")
    for url in gone:
        print(f"GONE   {url}  (was: {published[url]})")
    for url in moved:
        print(f"MOVED  {url}  (was: {published[url]}; now: {built[url]})")
    if moved and not args.retext:
        print("If only the text there changed (a filled-in reference, a correction): make urls-retext")
    for url in new:
        print(f"NEW    {url}  ({built[url]})")
    if gone or moved:
        print("A published URL must keep pointing to what it did: restore it.")
        return 1
    if new and (args.update or args.retext):
        write_list({**published, **{url: built[url] for url in new}})
        print(f"recorded {len(new)} new URLs in {LIST.name}")
        return 0
    if new:
        print("Record them with: make urls")
        return 1
    print(f"{len(built)} published URLs checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
