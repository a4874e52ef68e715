"""Languages come from the configuration: adding one is a folder, an entry in
mkdocs.yml and, where none exists yet, a string table. Every build in one
process is a fresh one, as under `mkdocs serve`; compiled templates are kept."""

import json
import re
import subprocess
import sys
from pathlib import Path

import jinja2
from bs4 import BeautifulSoup

from conftest import build_site, copy_project, replace_in
from expected import Project
from scholarly_edition import TEMPLATES
from scholarly_edition.template_cache import cache_folder
from strings_helper import string_table, work_language_table

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

# A test page {{#title}}

## A heading {{#a-heading}}

A citable paragraph that cites a source [@{key}].
{{ #p-1 }}

\\bibliography
"""


def add_english(project: Path) -> Path:
    """English, added exactly as EDITING.md's "Adding a language" says."""
    key = next(iter(Project(project).references))
    (project / "docs/en").mkdir()
    (project / "docs/en/index.md").write_text("# Home\n\nThe English home page.\n", encoding="utf-8")
    (project / "docs/en/page.md").write_text(ENGLISH_PAGE.format(key=key), encoding="utf-8")
    replace_in(project / "mkdocs.yml", "  # make offline:", ENGLISH_ENTRY)
    return project


def visible_words(document: BeautifulSoup) -> list[str]:
    """Text and the attributes a reader meets, outside what is marked as another language."""
    for foreign in document.select("[lang]:not(html):not([lang=en]), script, style"):
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
        "index.html",
        "page/index.html",
        "404.html",
    }
    data, t = Project(project), string_table("en")
    for path in pages:
        document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert document.html["lang"] == "en", path
        for reference in document.select("li[id^=ref-]"):  # the bibliography's own words, from refs.bib
            key = reference["id"][4:]
            words = work_language_table(data.references[key].language) or t  # the cited work's language's
            assert " ".join(reference.select_one(".reference-text").get_text().split()) == data.reference_text(
                key, words
            )
            reference.decompose()
        foreign = [text for text in visible_words(document) if CYRILLIC.search(text)]
        assert foreign == [], f"{path}: {foreign}"
    page = (tmp_path / "site/en/page/index.html").read_text(encoding="utf-8")
    assert "How to cite" in page and "langid  = {english}" in page
    assert BeautifulSoup(page, "html.parser").select_one("#p-1 .citation").get_text() == "[1]"


def test_a_language_whose_table_lacks_a_key_fails_naming_it(tmp_path):
    project = add_english(copy_project(tmp_path))
    table = project / "overrides/partials/languages/en.html"  # the edition's own table, in its custom_dir
    table.parent.mkdir(parents=True)
    table.write_text((TEMPLATES / "partials/languages/en.html").read_text(encoding="utf-8"), encoding="utf-8")
    replace_in(table, '  "edition.cite.heading": "How to cite",\n', "")
    replace_in(project / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "language 'en': partials/languages/en.html lacks edition.cite.heading" in result.stderr


TWO_BUILDS = """
import json
import logging
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
project, first, second, edit = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]

def build_into(site):  # as mkdocs serve rebuilds: the configuration read anew, in the same process
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))

build_into(first)
files = {}
for module in list(sys.modules.values()):
    path = getattr(module, "__file__", None)
    if path and "scholarly_edition" in path:
        files.setdefault(path, []).append(module.__name__)
print("loaded twice:", {path: names for path, names in files.items() if len(names) > 1})
for src, removed in json.loads(edit or "[]"):  # text removed from pages between the builds
    page = project / "docs" / src
    page.write_text(page.read_text(encoding="utf-8").replace(removed, ""), encoding="utf-8")
import jinja2
compiled, compile_template = [], jinja2.Environment.compile
jinja2.Environment.compile = lambda env, source, name=None, *args, **kwargs: (
    compiled.append(name), compile_template(env, source, name, *args, **kwargs))[1]
build_into(second)
print("compiled in the second build:", compiled)
"""


def _build_twice(project: Path, tmp_path: Path, edit: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", TWO_BUILDS, str(project), str(tmp_path / "first"), str(tmp_path / "second"), edit],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_two_builds_in_one_process_give_the_same_site_and_load_each_module_once(tmp_path):
    project = copy_project(tmp_path)
    result = _build_twice(project, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "loaded twice: {}" in result.stdout
    assert "compiled in the second build: []" in result.stdout  # every environment shares the template cache
    first = {p.relative_to(tmp_path / "first"): p.read_bytes() for p in (tmp_path / "first").rglob("*") if p.is_file()}
    second = {
        p.relative_to(tmp_path / "second"): p.read_bytes() for p in (tmp_path / "second").rglob("*") if p.is_file()
    }
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def test_a_second_build_forgets_a_citation_removed_since_the_first(tmp_path):
    project = copy_project(tmp_path)
    text = next(text for text in Project(project).texts if text.cited_keys)
    # the test's own source, cited once beside the text's first citation, then removed
    with (project / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.write("\n@misc{cited-once,\n  note = {Cited once by the test.}\n}\n")
    first = re.search(r"\[@[^\]]+\]", text.source).group(0)
    replace_in(project / "docs" / text.src, first, first + " [@cited-once]")
    result = _build_twice(project, tmp_path, edit=json.dumps([(text.src, " [@cited-once]")]))
    assert result.returncode != 0
    assert re.search(r"refs\.bib:\d+: entry 'cited-once' is not cited by any page", result.stderr), result.stderr


def test_the_template_cache_is_per_version_and_an_edited_template_recompiles(tmp_path):
    folder = Path(cache_folder(str(tmp_path / "mkdocs.yml")))
    assert folder.parent == tmp_path / ".cache" / "jinja"
    assert jinja2.__version__ in folder.name and f"py{sys.version_info.major}.{sys.version_info.minor}" in folder.name
    project = copy_project(tmp_path)
    assert build_site(project, tmp_path / "first").returncode == 0
    assert any(folder.iterdir()), "the first build fills the cache"
    override = project / "overrides/partials/how-to-cite.html"  # an edition's own template, in its custom_dir
    override.parent.mkdir(parents=True)
    override.write_text((TEMPLATES / "partials/how-to-cite.html").read_text(encoding="utf-8"), encoding="utf-8")
    replace_in(project / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    assert build_site(project, tmp_path / "second").returncode == 0, "an edition's template takes the plugin's place"
    replace_in(override, "</section>", "<p>edited-template</p></section>")
    assert build_site(project, tmp_path / "third").returncode == 0
    assert "edited-template" in (tmp_path / "third" / Project(project).texts[0].built).read_text(encoding="utf-8")
