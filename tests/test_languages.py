"""Languages come from the configuration: adding one is a folder, an entry in
mkdocs.yml and, where none exists yet, a string table. Also: every build in
one process is a fresh one, as under `mkdocs serve`."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_file

from conftest import ROOT, build_site, copy_project, replace_in

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
ENGLISH_ENTRY = """        - locale: en
          name: English
          build: true
          site_name: A web edition
          site_description: A web edition of two texts.
  # make offline:"""
ENGLISH_PAGE = """---
title: A test page
description: A page for the test.
citable: true
citation:
  title: A test page
  bibtex_key: en-test
---

# A test page {#title}

## A heading {#a-heading}

A citable paragraph that cites a source [@source-1].
{ #p-1 }

\\bibliography
"""


def add_english(project: Path) -> Path:
    """English, added exactly as README's "Adding a language" says."""
    (project / "docs/en").mkdir()
    (project / "docs/en/index.md").write_text("# Home\n\nThe English home page.\n", encoding="utf-8")
    (project / "docs/en/page.md").write_text(ENGLISH_PAGE, encoding="utf-8")
    replace_in(project / "mkdocs.yml", "  # make offline:", ENGLISH_ENTRY)
    return project


def visible_words(document: BeautifulSoup) -> list[str]:
    """Text and the attributes a reader meets (titles, labels, placeholders),
    outside what is marked as another language. A switcher's language names
    stand in their own language, as everywhere."""
    for foreign in document.select("[lang]:not(html):not([lang=en]), a.md-select__link, script, style"):
        foreign.decompose()
    texts = list(document.body.stripped_strings)
    for node in document.select("[title], [aria-label], [placeholder], [alt]"):
        texts += [node.get(name, "") for name in ("title", "aria-label", "placeholder", "alt")]
    return texts


def test_a_language_added_as_documented_is_english_everywhere(tmp_path):
    project = add_english(copy_project(tmp_path))
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = sorted((tmp_path / "site/en").rglob("*.html"))
    assert {p.relative_to(tmp_path / "site/en").as_posix() for p in pages} >= {
        "index.html", "page/index.html", "404.html"}
    notes = [entry.fields["note"] for entry in parse_file(project / "refs.bib").entries.values()]
    for path in pages:
        document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert document.html["lang"] == "en", path
        for reference in document.select(".reference-text"):  # the bibliography's own notes
            text = reference.get_text()
            assert text.startswith("The reference list did not survive in the source")
            assert any(text.endswith(note) for note in notes), text
            reference.decompose()
        foreign = [text for text in visible_words(document) if CYRILLIC.search(text)]
        assert foreign == [], f"{path}: {foreign}"
    page = (tmp_path / "site/en/page/index.html").read_text(encoding="utf-8")
    assert "How to cite" in page and "langid  = {english}" in page
    assert 'aria-label="Link to this paragraph: p-1"' in page
    assert BeautifulSoup(page, "html.parser").select_one("#p-1 .citation").get_text() == "[1]"


def test_a_language_whose_table_lacks_a_key_fails_naming_it(tmp_path):
    project = add_english(copy_project(tmp_path))
    replace_in(project / "overrides/partials/languages/en.html", '  "edition.cite.heading": "How to cite",\n', "")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "language 'en': overrides/partials/languages/en.html lacks edition.cite.heading" in result.stderr


TWO_BUILDS = """
import logging
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
project, first, second, edit = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4] == "edit"

def build_into(site):  # as mkdocs serve rebuilds: the configuration read anew, in the same process
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))

build_into(first)
files = {}
for module in list(sys.modules.values()):
    path = getattr(module, "__file__", None)
    if path and path.startswith(str(project / "hooks")):
        files.setdefault(path, []).append(module.__name__)
print("loaded twice:", {path: names for path, names in files.items() if len(names) > 1})
if edit:
    page = project / "docs/kk/diplomacy.md"
    page.write_text(page.read_text(encoding="utf-8").replace("[@source-4]", ""), encoding="utf-8")
import jinja2
compiled, compile_template = [], jinja2.Environment.compile
jinja2.Environment.compile = lambda env, source, name=None, *args, **kwargs: (
    compiled.append(name), compile_template(env, source, name, *args, **kwargs))[1]
build_into(second)
print("compiled in the second build:", compiled)
"""


def _build_twice(project: Path, tmp_path: Path, edit: bool) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", TWO_BUILDS, str(project), str(tmp_path / "first"),
                           str(tmp_path / "second"), "edit" if edit else "same"],
                          cwd=project, capture_output=True, text=True, timeout=300)


def test_two_builds_in_one_process_give_the_same_site_and_load_each_module_once(tmp_path):
    project = copy_project(tmp_path)
    result = _build_twice(project, tmp_path, edit=False)
    assert result.returncode == 0, result.stderr
    assert "loaded twice: {}" in result.stdout
    assert "compiled in the second build: []" in result.stdout  # every environment shares the template cache
    first = {p.relative_to(tmp_path / "first"): p.read_bytes() for p in (tmp_path / "first").rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "second"): p.read_bytes() for p in (tmp_path / "second").rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def test_a_second_build_forgets_a_citation_removed_since_the_first(tmp_path):
    project = copy_project(tmp_path)
    result = _build_twice(project, tmp_path, edit=True)
    assert result.returncode != 0
    assert re.search(r"refs\.bib:\d+: entry 'source-4' is not cited by any page", result.stderr), result.stderr
