"""Each class of editor mistake, made in a copy of the project, fails the build
at its file and true line (front matter counted) with what to do; the unit
tests check every message, these the whole path through a real build."""

import json
import re
import subprocess
import sys
import time
import urllib.request

import pytest
import yaml

from conftest import broken_build, copy_project, replace_in
from expected import ROOT, Project

PROJECT = Project(ROOT)
PAPER = PROJECT.first_text
OTHER = next(locale for locale in PROJECT.locales if locale != PAPER.locale)  # a language of another page
IDS = PAPER.paragraph_ids
# A paragraph no record entry names, so that losing its id collides with nothing recorded.
FREE = next(pid for pid in reversed(IDS) if all(c["paragraph"] != pid for c in PROJECT.record.changes_of(PAPER.src)))


def line_in(path: str, text: str) -> int:
    """The first line of a project file that holds text."""
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def paper_line(text: str) -> int:
    return line_in(f"docs/{PAPER.src}", text)


def edit(path: str, old: str, new: str):
    return lambda project: replace_in(project / path, old, new)


def append(path: str, text: str):
    return lambda project: (project / path).write_text(
        (project / path).read_text(encoding="utf-8") + text, encoding="utf-8"
    )


def lines(path: str) -> int:
    return (ROOT / path).read_text(encoding="utf-8").count("\n")


FIRST_CITATION = re.search(r"\[@[^\]]+\]", PAPER.source).group(0)
ABOUT = f"docs/{OTHER}/about.md"
# The tests' own additions: a record entry and a link, each wrong on purpose.
MISPLACED = f"  - {{kind: space, page: {PAPER.src}, paragraph: {IDS[0]}, source: a b, text: ab-not-in-it}}\n"
BAD_LINK = f"\n[x](../{PAPER.src}#no-such-id)\n"


def add_record_change(project):
    record = project / "edition-record.yml"
    text = record.read_text(encoding="utf-8")
    text = text.replace("\nchanges:\n", "\nchanges:\n" + MISPLACED, 1) if "\nchanges:\n" in text else (
        text + "\nchanges:\n" + MISPLACED)  # fmt: skip
    record.write_text(text, encoding="utf-8")


def record_change_line() -> int:
    text = (ROOT / "edition-record.yml").read_text(encoding="utf-8")
    if "\nchanges:\n" in text:
        return text.splitlines().index("changes:") + 2
    return lines("edition-record.yml") + 3


# The site name a reader of the paper's language sees: the edition's name in its citations.
NAME = (
    next(lang for lang in PROJECT.languages if lang["locale"] == PAPER.locale).get("site_name")
    or PROJECT.config["site_name"]
)
TITLE = PAPER.meta["citation"]["title"]
NAME_LINE = next(line for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
                 if re.match(r"\s*site_name:", line) and yaml.safe_load(line.split(":", 1)[1]) == NAME)  # fmt: skip


# The test's own entry, with Cyrillic letters, so that saving refs.bib in Windows-1251 changes its bytes.
CYRILLIC_ENTRY = "\n@misc{cp1251-test,\n  note = {Примечание}\n}\n"


def save_refs_in_cp1251(project):
    bib = project / "refs.bib"
    bib.write_bytes((bib.read_text(encoding="utf-8") + CYRILLIC_ENTRY).encode("cp1251", errors="replace"))


def first_cp1251_line() -> int:
    """The first line of the saved refs.bib with a letter Windows-1251 writes as a byte above ASCII."""
    lines = ((ROOT / "refs.bib").read_text(encoding="utf-8") + CYRILLIC_ENTRY).splitlines()
    return next(
        n for n, line in enumerate(lines, 1) if any(ord(c) > 127 and c.encode("cp1251", "ignore") for c in line)
    )


# mistake class -> (the editor's change, the message: file, true line, what)
CLASSES = {
    "citation": (
        edit(f"docs/{PAPER.src}", FIRST_CITATION, "[@no-such-source]"),
        lambda: f"{PAPER.src}:{paper_line(FIRST_CITATION)}: unknown citation key 'no-such-source'",
    ),
    "front matter": (
        edit(f"docs/{PAPER.src}", "\ntitle: ", "\nTitle: x\ntitle: "),
        lambda: f"{PAPER.src}:2: unknown field Title; write it `title:`",
    ),
    "refs.bib": (
        append("refs.bib", "\n@misc{x,\n  note = {x},\n  abstract = {y}\n}\n"),
        lambda: f"refs.bib:{lines('refs.bib') + 4}: entry 'x' (@misc) has the field `abstract`",
    ),
    "refs.bib not UTF-8": (
        save_refs_in_cp1251,
        lambda: f"refs.bib:{first_cp1251_line()}: the file is not UTF-8",
    ),
    "paragraph id look-alike": (
        edit(f"docs/{PAPER.src}", f"{{ #{IDS[0]} }}", f"{{ #р{IDS[0][1:]} }}"),
        lambda: (
            f"{PAPER.src}:{paper_line(f'{{ #{IDS[0]} }}')}: the id 'р{IDS[0][1:]}' is not a paragraph id: "
            "it has «р» (U+0440)"
        ),
    ),
    "paragraph without id": (
        edit(f"docs/{PAPER.src}", f"\n{{ #{FREE} }}", ""),
        lambda: f"{PAPER.src}:{paper_line(f'{{ #{FREE} }}') - 1}: paragraph without an id",
    ),
    "duplicate id": (
        edit(f"docs/{PAPER.src}", f"{{ #{IDS[1]} }}", f"{{ #{IDS[0]} }}"),
        lambda: (
            f"{PAPER.src}:{paper_line(f'{{ #{IDS[0]} }}')}: the id '{IDS[0]}' is used 2 times (set on lines "
            f"{paper_line(f'{{ #{IDS[0]} }}')}, {paper_line(f'{{ #{IDS[1]} }}')})"
        ),
    ),
    "record": (
        add_record_change,
        lambda: (
            f"edition-record.yml:{record_change_line()}: 'ab-not-in-it' (space) is not in #{IDS[0]}, "
            f"{PAPER.src}:{paper_line(f'{{ #{IDS[0]} }}')}"
        ),
    ),
    "plugin option": (
        edit("mkdocs.yml", "      pdf: !ENV [PDF, true]", "      pdf: maybe"),
        lambda: (
            "option 'pdf': Expected type: <class 'bool'> but received: <class 'str'> (in mkdocs.yml, under "
            "plugins: - scholarly-edition:)"
        ),
    ),
    "edition named as a text": (
        edit("mkdocs.yml", NAME_LINE, NAME_LINE.split(":", 1)[0] + f": {json.dumps(TITLE, ensure_ascii=False)}"),
        lambda: (
            f"mkdocs.yml:{line_in('mkdocs.yml', NAME_LINE)}: the edition's name in this language, "
            f"«{TITLE}», is the title of {PAPER.src}"
        ),
    ),
    "citation typed as text": (
        append(ABOUT, "\nAs the source has it [1, С. 5].\n"),
        lambda: f"{OTHER}/about.md:{lines(ABOUT) + 2}: «[1, С. 5]» reads as a citation but is plain text",
    ),
    "heading without an id": (
        append(ABOUT, "\n## Қосымша\n\nМәтін.\n"),
        lambda: f"{OTHER}/about.md:{lines(ABOUT) + 2}: the heading «Қосымша» has no id of its own",
    ),
    "cross-language anchor": (
        append(ABOUT, BAD_LINK),
        lambda: f"{OTHER}/about.md:{lines(ABOUT) + 2}: link to {PAPER.src}#no-such-id: there is no id 'no-such-id'",
    ),
}


@pytest.mark.parametrize("mistake", CLASSES)
def test_a_mistake_fails_the_build_at_its_file_and_line(tmp_path, mistake):
    change, message = CLASSES[mistake]
    log = broken_build(tmp_path, change)
    assert message() in log, log[-3000:]


def _uncited(project):
    with (project / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.write("\n@misc{never-cited,\n  note = {x}\n}\n")


@pytest.mark.parametrize("args", [("--strict", "-q"), ("-q",), ()], ids=["strict quiet", "not strict", "plain"])
def test_the_editions_checks_fail_the_build_however_it_is_called(tmp_path, args):
    log = broken_build(tmp_path, _uncited, *args)
    line = (ROOT / "refs.bib").read_text(encoding="utf-8").count("\n") + 2
    assert f"refs.bib:{line}: entry 'never-cited' is not cited by any page" in log


def test_mkdocs_serve_shows_the_error_and_keeps_serving_the_last_good_site(tmp_path):
    project = copy_project(tmp_path)
    port = 8790 + (hash(str(tmp_path)) % 100)
    log = (tmp_path / "serve.log").open("w")  # the server writes to it until the end
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={"NO_MKDOCS_2_WARNING": "1", **{k: v for k, v in __import__("os").environ.items() if k != "SITE_URL"}},
    )
    try:

        def page():
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{PAPER.url}", timeout=5) as response:
                return response.read().decode("utf-8")

        def wait_for(condition, what):
            for _ in range(300):
                if condition():
                    return
                time.sleep(0.1)
            raise AssertionError(f"{what}: {(tmp_path / 'serve.log').read_text(encoding='utf-8')[-2000:]}")

        def served():
            try:
                return IDS[-1] in page()
            except OSError:
                return False

        wait_for(served, "the first build is served")
        assert "livereload(" in page() and "Content-Security-Policy" not in page()  # no policy blocks live reload
        _uncited(project)
        wait_for(
            lambda: "is not cited by any page" in (tmp_path / "serve.log").read_text(encoding="utf-8"),
            "the rebuild reports the error",
        )
        wait_for(
            lambda: "still serving the last good site" in (tmp_path / "serve.log").read_text(encoding="utf-8"),
            "the last good site is restored",
        )
        assert IDS[-1] in page()  # the last good site, whole
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
