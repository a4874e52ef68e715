"""Every workflow EDITING.md documents, done in a copy of the project as an editor
would: filling in references (its examples: a Russian @book, an @article with a DOI,
an English and a Kazakh entry), recording a correction with a new version, adding
editorial text to the about pages, adding a co-author, giving the original
publication, and citing a source once more. Each runs the commands its section gives; then the copy passes
its own suite (the part without a browser), whose expectations follow its data."""

import datetime
import os
import re
import subprocess
import sys

import pytest
import yaml

from conftest import copy_project, replace_in
from expected import ROOT, Project
from scripts.published_urls import read_list
from strings_helper import string_table, work_language_table

GUIDE = (ROOT / "EDITING.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    return re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", GUIDE, re.MULTILINE | re.DOTALL).group(1)


def blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, re.DOTALL)


def commands(title: str) -> list[str]:
    """The make targets a section says to run, but `make test`, which the copy's suite stands for."""
    found = [
        line.split()[1]
        for block in blocks(section(title), "sh")
        for line in block.splitlines()
        if line.startswith("make ")
    ]
    assert found and found[-1] == "test", f"«{title}» should end with make test"
    return found[:-1]


def make(project, target: str) -> str:
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"} | {"PDF": "false"}
    # -o: the copy shares this checkout's environment, installed already
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", target],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"make {target}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    return result.stdout


def fill_in_references(project) -> list[str]:
    """Give entries whose details are unknown the section's example entries, keeping their keys,
    as the section says: each example to an entry whose citations' page words fit the example's
    language (the author's «С.» is never rewritten); the keys filled in."""
    data = Project(project)
    bib = (project / "refs.bib").read_text(encoding="utf-8")
    unknown = [key for key, reference in data.references.items() if not reference.known]
    words = {key: {(loc.split() or [""])[0] for t in data.texts for k, loc in t.citations if k == key and loc}
             for key in unknown}  # fmt: skip
    filled = []
    for entry in blocks(section("Filling in the bibliography"), "bibtex"):
        work = work_language_table(re.search(r"langid\s*=\s*\{(\w+)\}", entry).group(1))
        key = next((key for key in unknown if key not in filled and all(
            word == work("edition.cite.locator") or any(word == string_table(t.locale)("edition.cite.locator")
                                                         for t in data.texts if key in t.cited_keys)
            for word in words[key])), None)  # fmt: skip
        if key is None:
            continue
        old = re.search(rf"@\w+\{{{re.escape(key)},.*?\n\}}", bib, re.DOTALL).group(0)
        bib = bib.replace(old, re.sub(r"^(@\w+\{)[^,]+,", rf"\g<1>{key},", entry.strip()))
        filled.append(key)
    (project / "refs.bib").write_text(bib, encoding="utf-8")
    return filled


def record_a_correction(project):
    """Emend one word of a text and record it, with a new version, as the section's steps say:
    a form kept as the author's spelling where the record lists one, else a word of the text."""
    data = Project(project)
    text = data.first_text
    kept = [f for k in data.record.kept if k["kind"] == "spelling-kept" and k["page"] == text.src for f in k["forms"]]
    paragraphs = re.findall(r"^(.+)\n\{ #(p-\d+) \}$", text.source, re.M)  # (its last line, its id)
    words_ = [w for line, _ in paragraphs for w in re.findall(r"(?<![\w@-])[^\W\d_]{5,}(?![\w-])", line)]
    form = next((f for f in kept if text.source.count(f) == 1 and re.fullmatch(r"\w+", f)), None) or next(
        w for w in words_ if len(re.findall(rf"(?<!\w){w}(?!\w)", text.source)) == 1
    )
    paragraph = next(pid for line, pid in paragraphs if form in line)
    corrected = form[:-1] + ("а" if form[-1] != "а" else "е")
    replace_in(project / "docs" / text.src, form, corrected)
    record = project / "edition-record.yml"
    listed = record.read_text(encoding="utf-8")
    if f"{form}, " in listed:
        replace_in(record, f"{form}, ", "")
    elif f", {form}" in listed:
        replace_in(record, f", {form}", "")
    today = datetime.date.today().isoformat()
    version = data.record.version + ".1"
    replace_in(record, f'version: "{data.record.version}"\n', f'version: "{version}"\n')
    replace_in(record, f"released: {data.record.released}", f"released: {today}")
    said = "".join(f"      {locale}: «{form}» → «{corrected}».\n" for locale in data.locales)  # in each language
    entry = f'  - version: "{version}"\n    date: {today}\n    changes:\n{said}'
    replace_in(record, "corrections:\n", "corrections:\n" + entry)
    change = (f"  - kind: emendation\n    page: {text.src}\n    paragraph: {paragraph}\n    source: {form}\n"
              f"    text: {corrected}\n    reason:\n{said}")  # fmt: skip
    listed = record.read_text(encoding="utf-8")
    if "\nchanges:\n" in listed:
        replace_in(record, "\nchanges:\n", "\nchanges:\n" + change)
    else:
        record.write_text(listed + "\nchanges:\n" + change, encoding="utf-8")
    cff = project / "CITATION.cff"
    citation = yaml.safe_load(cff.read_text(encoding="utf-8"))
    replace_in(cff, f'version: "{citation["version"]}"', f'version: "{version}"')
    replace_in(cff, f"date-released: {citation['date-released']}", f"date-released: {today}")
    return corrected


def add_editorial_text(project):
    for locale in Project(project).locales:
        about = project / "docs" / locale / "about.md"
        about.write_text(
            about.read_text(encoding="utf-8") + "\n## Addendum {#addendum}\n\nEditorial text.\n", encoding="utf-8"
        )


def edit_front_matter(project, change) -> None:
    """change(front matter) on the first text page, its body kept as written."""
    page = project / "docs" / Project(project).first_text.src
    _, front, body = page.read_text(encoding="utf-8").split("---\n", 2)
    data = yaml.safe_load(front)
    change(data)
    page.write_text(f"---\n{yaml.safe_dump(data, allow_unicode=True, sort_keys=False)}---\n{body}", encoding="utf-8")


def edit_preferred_citation(project, change) -> None:
    """change(preferred-citation) in CITATION.cff, where it names the first text (EDITING.md says so)."""
    cff = project / "CITATION.cff"
    citation = yaml.safe_load(cff.read_text(encoding="utf-8"))
    if citation.get("preferred-citation", {}).get("title") == Project(project).first_text.meta["citation"]["title"]:
        change(citation["preferred-citation"])
        cff.write_text(yaml.safe_dump(citation, allow_unicode=True, sort_keys=False), encoding="utf-8")


def add_a_co_author(project):
    new = yaml.safe_load(blocks(section("Adding a co-author"), "yaml")[0])
    edit_front_matter(project, lambda data: data["citation"].setdefault("authors", []).extend(new))
    names = [{"family-names": a["family"], "given-names": a["given"]} for a in new]
    edit_preferred_citation(project, lambda cited: cited.setdefault("authors", []).extend(names))
    return new


def give_the_original_publication(project):
    original = yaml.safe_load(blocks(section("Giving the original publication"), "yaml")[0])["original"]
    edit_front_matter(project, lambda data: data["citation"].update(original=original))
    start, end = re.split(r"\s*[–-]+\s*", str(original["pages"]))
    edit_preferred_citation(project, lambda cited: cited.update(
        journal=original["container"], year=original["date"], volume=original["volume"], issue=original["issue"],
        start=int(start), end=int(end)))  # fmt: skip
    return original


def cite_a_source_again(project):
    data = Project(project)
    text = next(text for text in data.texts if text.cited_keys)
    note = blocks(section("Citing a source again"), "markdown")[0]
    key, locator = text.citations[-1]  # the example's citation, of a source this text cites
    note = re.sub(r"\[@[^\]]+\]", f"[@{key}{', ' + locator if locator else ''}]", note)
    last_paragraph = f"{{ #{text.paragraph_ids[-1]} }}\n"
    replace_in(project / "docs" / text.src, last_paragraph, last_paragraph + "\n" + note)
    return text


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("editor"))
    steps = [
        ("Filling in the bibliography", fill_in_references),
        ("Recording a correction", record_a_correction),
        ("Adding editorial text", add_editorial_text),
        ("Adding a co-author", add_a_co_author),
        ("Giving the original publication", give_the_original_publication),
        ("Citing a source again", cite_a_source_again),
    ]
    outputs, made = {}, {}
    for title, step in steps:
        made[title] = step(project)
        outputs[title] = "".join(make(project, target) for target in commands(title))
    return project, outputs, made


def test_each_workflow_runs_as_documented(edited):
    project, outputs, made = edited
    data = Project(project)
    for key in made["Filling in the bibliography"]:
        text = next(text for text in data.texts if key in text.cited_keys)
        url = f"/{text.url}#ref-{key}"
        # a published reference changes its text; in a new edition, nothing published yet, it is recorded
        assert f"CHANGED {url}" in outputs["Filling in the bibliography"] or (
            re.search(rf"^NEW    {re.escape(url)} ", outputs["Filling in the bibliography"], re.M)
            and not read_list(ROOT / "published-urls.txt")
        ), outputs["Filling in the bibliography"]
    assert re.search(r"published URLs checked|recorded", outputs["Recording a correction"])
    assert f"NEW    /{data.url(data.default + '/about.md')}#addendum" in outputs["Adding editorial text"]
    text = data.first_text
    assert text.authors[-len(made["Adding a co-author"]) :] == made["Adding a co-author"]
    assert text.meta["citation"]["original"] == made["Giving the original publication"]
    cited = made["Citing a source again"]
    assert re.search(rf"NEW    /{re.escape(cited.url)}#cite-\d+", outputs["Citing a source again"])


def test_then_the_copy_passes_its_own_suite(edited):
    project, _, _ = edited
    result = subprocess.run(
        # but for a second build of the PDFs: whether they are reproducible is not the data's
        [sys.executable, "-m", "pytest", "-q", "-x", "tests/unit", "tests/built", "-k", "not same_pdf_bytes"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        env={key: value for key, value in os.environ.items() if key != "SITE_URL"},
    )
    assert result.returncode == 0, result.stdout[-6000:]
