"""Every editor's mistake fails the strict build at the right file and line,
with what to do; or, where that is right (code), renders as written.
Each test breaks a copy of the project the way an editor would."""

import re
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, broken_build, build_site, copy_project, replace_in

PAPER = "docs/kk/diplomacy.md"
PAPER_LINES = (ROOT / PAPER).read_text(encoding="utf-8").splitlines()


def line_of(text: str) -> int:
    """The true line (front matter counted) of the first line of the paper holding text."""
    return next(number for number, line in enumerate(PAPER_LINES, start=1) if text in line)


def edit(path: str, old: str, new: str):
    return lambda project: replace_in(project / path, old, new)


@pytest.mark.parametrize("old, new, message", [
    ("[@source-4]", "[@source-44]", "unknown citation key 'source-44'"),
    ("[@source-1, С. 183]", "[@source-1, С. ]", "cannot read the citation '[@source-1, С. ]': the page number is missing"),
    ("[@source-1, С. 183]", "[@source-1, C. 183]", "«C.» is not Cyrillic «С.»"),
    ("[@source-1, С. 183]", "[@source-1, \\bibliography]", "\\bibliography goes in a paragraph of its own"),
    ("[@source-6]", "[@source-6 С. 5]", "put a comma between the key and the page"),
])
def test_a_bad_citation_fails_at_its_true_line(tmp_path, old, new, message):
    log = broken_build(tmp_path, edit(PAPER, old, new))
    assert f"kk/diplomacy.md:{line_of(old)}: " in log and message in log, log


def test_a_citation_in_an_indented_code_block_stays_literal(tmp_path):
    project = copy_project(tmp_path)
    replace_in(project / PAPER, "\n{ #p-2 }\n", "\n{ #p-2 }\n\n    [@source-1, С. 183] in code\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site/diplomacy/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("pre code").get_text() == "[@source-1, С. 183] in code\n"
    assert len(page.select("article .citation")) == 11
    for backlink in page.select(".reference-backlinks a"):
        assert page.select_one(backlink["href"]) is not None, backlink["href"]


def test_bibliography_inside_a_paragraph_fails_at_its_line(tmp_path):
    command = "\\bibliography"
    log = broken_build(tmp_path, edit(PAPER, "\n" + command, "\nТізім: " + command))
    assert f"kk/diplomacy.md:{line_of(command)}: {command} must be a paragraph of its own" in log, log


@pytest.mark.parametrize("old, new, message", [
    ("{ #p-4 }", "{ #p-3 }", "the id 'p-3' is used 2 times (set on lines {p3}, {p4})"),
    ("{ #p-4 }", "{ #title }", "the id 'title' is used 2 times"),
    ("{ #p-4 }", "{ #cite-1 }", "the id 'cite-1' is used 2 times"),
    ("{ #p-4 }", "{ #how-to-cite }", "the id 'how-to-cite' is used 2 times"),
])
def test_a_duplicate_id_on_a_text_page_fails_naming_both(tmp_path, old, new, message):
    log = broken_build(tmp_path, edit(PAPER, old, new))
    expected = message.format(p3=line_of("{ #p-3 }"), p4=line_of("{ #p-4 }"))
    assert f"kk/diplomacy.md: {expected}" in log, log


def test_a_duplicate_id_on_an_about_page_fails(tmp_path):
    log = broken_build(tmp_path, edit("docs/ru/about.md", "{#editorial}", "{#sources}"))
    assert re.search(r"ru/about\.md: the id 'sources' is used 2 times \(set on lines \d+, \d+\): <h2>", log), log


@pytest.mark.parametrize("old, new, line, message", [
    ("citable: true\n", "citable: true\ncitation: [unclosed\n", 5,
     "the front matter is not valid YAML (expected ',' or ']', but got ':', while parsing a flow sequence on line 4)"),
    ("  udc: \"327.82\"\n", "  udc: \"327.82\"\n  udk: 1\n", 12, "unknown field citation.udk"),
    ("  bibtex_key: lagutkina-diplomacy\n", "", 4, "citation lacks `bibtex_key:`"),
    ("    initials: Ю. Н.\n", "    initials: Ю. Н.\n    affiliation:\n", 11,
     "the front matter is not valid YAML (the key 'affiliation' is written twice)"),
    ("    initials: Ю. Н.\n    affiliation: Л.Н. Гумилев атындағы ЕҰУ\n", "    initials: Ю. Н.\n    affiliation:\n", 10,
     "citation.author.affiliation must be a text"),
    ("citable: true\n", "citable: yes please\n", 4, "a page with `citation:` is a text page; add `citable: true`"),
])
def test_bad_front_matter_fails_with_file_line_and_fix(tmp_path, old, new, line, message):
    log = broken_build(tmp_path, edit(PAPER, old, new))
    assert f"kk/diplomacy.md:{line}: {message}" in log, log


def test_an_unclosed_front_matter_fails(tmp_path):
    def unclose(project):
        text = (project / PAPER).read_text(encoding="utf-8")
        (project / PAPER).write_text(text.replace("\n---\n", "\n", 1).replace("\n---\n", "\n\n", 1), encoding="utf-8")
    log = broken_build(tmp_path, unclose)
    assert "kk/diplomacy.md:1: the front matter opened here is never closed" in log, log


# --- refs.bib -------------------------------------------------------------------

def test_a_duplicate_of_the_first_entry_after_a_byte_order_mark_names_both_lines(tmp_path):
    def bom_and_duplicate(project):
        bib = project / "refs.bib"
        text = bib.read_text(encoding="utf-8")
        bib.write_text("\ufeff" + text + "\n@misc{source-1,\n  note = {again}\n}\n", encoding="utf-8")
    log = broken_build(tmp_path, bom_and_duplicate)
    first = next(n for n, line in enumerate((ROOT / "refs.bib").read_text(encoding="utf-8").splitlines(), 1)
                 if line.startswith("@misc{source-1,"))
    last = (ROOT / "refs.bib").read_text(encoding="utf-8").count("\n") + 2
    assert f"refs.bib:{last}: duplicate key 'source-1' (first defined on line {first})" in log, log


def test_an_unsupported_entry_type_fails_naming_the_key_and_the_types(tmp_path):
    log = broken_build(tmp_path, edit("refs.bib", "@misc{source-7,", "@manual{source-7,"))
    assert re.search(r"refs\.bib:\d+: entry 'source-7' has the type @manual, which the edition cannot format; "
                     r"use one of @book, @article, @incollection", log), log


def test_a_work_language_without_a_table_fails(tmp_path):
    log = broken_build(tmp_path, edit("refs.bib", "@misc{source-7,", "@misc{source-7,\n  langid = {german},"))
    assert re.search(r"refs\.bib:\d+: entry 'source-7' has the language 'german', which has no string table", log), log


# --- filling in a reference, as README says -------------------------------------

FILLED_IN = """@book{source-3,
  author    = {Nye, Joseph S.},
  title     = {A Made-up Book for the Test},
  address   = {New York},
  publisher = {Test Press},
  year      = {1990},
  pagetotal = {336},
  langid    = {english}
}"""


def _project_with_url_list(tmp_path):
    project = copy_project(tmp_path)
    shutil.copytree(ROOT / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__", "audit"))
    shutil.copy2(ROOT / "published-urls.txt", project / "published-urls.txt")
    return project


def _urls(project, *args):
    return subprocess.run([sys.executable, "scripts/published_urls.py", *args, "site"], cwd=project,
                          capture_output=True, text=True, timeout=120)


def test_filling_in_a_reference_as_readme_says_works(tmp_path):
    project = _project_with_url_list(tmp_path)
    bib = (project / "refs.bib").read_text(encoding="utf-8")
    old = re.search(r"@misc\{source-3,.*?\n\}", bib, re.DOTALL).group(0)
    (project / "refs.bib").write_text(bib.replace(old, FILLED_IN), encoding="utf-8")
    # 1. edit refs.bib (above); 2. make urls-retext; 3. make test (here: the build and the URL check)
    assert build_site(project, project / "site").returncode == 0
    retext = _urls(project, "--retext")
    assert retext.returncode == 0, retext.stdout
    assert "CHANGED /diplomacy/#ref-source-3\n" in retext.stdout
    assert "now: Nye J. S. A Made-up Book for the\n" in retext.stdout
    assert _urls(project).returncode == 0
    page = BeautifulSoup((project / "site/diplomacy/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("#ref-source-3 .reference-text").get_text() == (
        "Nye J. S. A Made-up Book for the Test. – New York : Test Press, 1990. – 336 p.")
    assert [a.get_text() for a in page.select('a.footnote-ref[href="#ref-source-3"]')] == ["3", "3"]


@pytest.mark.parametrize("old, new, verdict", [
    ("{ #p-3 }", "{ #p-x }", "GONE   /diplomacy/#p-3"),
    ("\n{ #p-3 }\n", "\n{ #p-3x }\n", "GONE   /diplomacy/#p-3"),
])
def test_the_retext_command_still_refuses_a_gone_id(tmp_path, old, new, verdict):
    project = _project_with_url_list(tmp_path)
    replace_in(project / PAPER, old, new)
    assert build_site(project, project / "site").returncode == 0
    result = _urls(project, "--retext")
    assert result.returncode == 1 and verdict in result.stdout, result.stdout


def test_the_retext_command_still_refuses_an_id_that_moved_to_another_element(tmp_path):
    project = _project_with_url_list(tmp_path)
    replace_in(project / PAPER, "{ #p-3 }", "{ #p-tmp }")
    replace_in(project / PAPER, "{ #p-4 }", "{ #p-3 }")
    replace_in(project / PAPER, "{ #p-tmp }", "{ #p-4 }")
    assert build_site(project, project / "site").returncode == 0
    result = _urls(project, "--retext")
    assert result.returncode == 1
    assert "MOVED  /diplomacy/#p-3" in result.stdout and "MOVED  /diplomacy/#p-4" in result.stdout
    assert "CHANGED" not in result.stdout
