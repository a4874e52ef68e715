"""Footnotes as editors write them (Markdown's, EDITING.md "Citations"): on an about page
and in a text, numbered apart from the citations, with the way back in the page's
language, and printed in the text's PDF."""

import re
import subprocess

from bs4 import BeautifulSoup

from conftest import build_site, copy_project
from expected import ROOT, Project
from scripts.check_fidelity import check_page
from strings_helper import string_table

PROJECT = Project(ROOT)
TEXT = PROJECT.first_text
ABOUT = f"{PROJECT.default}/about.md"
NOTE = "An editors' note on this paragraph."


def add_footnotes(copy):
    text = copy / "docs" / TEXT.src
    source = text.read_text(encoding="utf-8")
    first = TEXT.paragraph_ids[0]
    source = re.sub(rf"\n(\{{ ?#{first} ?\}})", r"[^ed]\n\1", source, count=1) + f"\n[^ed]: {NOTE}\n"
    text.write_text(source, encoding="utf-8")
    about = copy / "docs" / ABOUT
    about.write_text(about.read_text(encoding="utf-8") + "\nA remark.[^a]\n\n[^a]: A note on the about page.\n",
                     encoding="utf-8")  # fmt: skip


def test_footnotes_show_on_an_about_page_and_in_a_text_and_its_pdf(tmp_path):
    copy = copy_project(tmp_path / "edition")
    add_footnotes(copy)
    result = build_site(copy, tmp_path / "site", "http://127.0.0.1:8000/", pdf=True)
    assert result.returncode == 0, result.stderr[-3000:]
    for src, name, note in ((ABOUT, "a", "A note on the about page."), (TEXT.src, "ed", NOTE)):
        t = string_table(src.split("/")[0])
        page = BeautifulSoup((tmp_path / "site" / PROJECT.url(src) / "index.html").read_text(encoding="utf-8"),
                             "html.parser")  # fmt: skip
        assert "[^" not in page.select_one("article").get_text()
        # numbered apart from citations ([1]): the number of its entry in the page's list of notes
        notes = page.select("div.footnote li[id^='fn']")
        listed = next(item for item in notes if item["id"] == f"fn:{name}")
        number = str(notes.index(listed) + 1)
        assert page.select_one(f"article sup[id='fnref:{name}'] a.footnote-ref").get_text() == number
        assert note in listed.get_text()
        assert listed.select_one("a.footnote-backref")["title"] == t("edition.footnote.back").replace("{}", number)
    if PROJECT.record.source_parts():  # the note is the editors': the text is still the source's
        html = (tmp_path / "site" / TEXT.built).read_text(encoding="utf-8")
        record = Project(copy).record
        assert check_page(record.source_parts()[TEXT.src], html, record.changes_of(TEXT.src)) == []
    pdf = tmp_path / "site" / TEXT.url / f"{TEXT.meta['citation']['bibtex_key']}.pdf"
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert NOTE in " ".join(printed.split())
