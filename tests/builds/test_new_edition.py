"""`make new-edition`, as README's "Start your own edition" gives it: a new
repository for any set of languages, which builds strictly and holds nothing of
this edition's paper. (It runs in the generator's repository, which has copier.yml.)"""

import os
import re
import subprocess

import pytest

from conftest import build_site
from expected import ROOT, Project

LANGUAGES = ["ru", "kk", "fr"]  # the default first; French has no string table in the plugin


@pytest.fixture(scope="module")
def new_edition(tmp_path_factory):
    dest = tmp_path_factory.mktemp("new") / "edition"
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "new-edition", f"DEST={dest}", f"LANGUAGES={' '.join(LANGUAGES)}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return dest


def test_the_new_edition_is_a_repository_of_its_own_with_every_language(new_edition):
    project = Project(new_edition)
    assert project.locales == LANGUAGES and project.default == LANGUAGES[0]
    assert sorted(project.pages) == sorted(f"{lang}/{page}" for lang in LANGUAGES for page in
                                           ("about.md", "index.md", "text.md"))  # fmt: skip
    for text in project.texts:
        assert len(text.paragraph_ids) == 3 and len(text.citations) == 1
        assert len(re.findall(r"^## ", text.source, re.M)) >= 2
    assert list(project.references) == ["source-1"]
    assert project.record.version == "1.0.0" and len(project.record.corrections) == 1
    assert (new_edition / "published-urls.txt").read_text(encoding="utf-8").count("\n") == 1  # nothing published
    for name in (
        "Makefile",
        ".ci/run",
        ".github/workflows/pages.yml",
        "CITATION.cff",
        "LICENSE",
        "README.md",
        "src/scholarly_edition/plugin.py",
        "tests/conftest.py",
        "requirements.lock",
        ".copier-answers.yml",
    ):
        assert (new_edition / name).is_file(), name  # fmt: skip
    assert not (new_edition / "tests/editions").exists() and not (new_edition / "source.txt").exists()
    assert "make serve" in (new_edition / "README.md").read_text(encoding="utf-8")
    log = subprocess.run(["git", "log", "--oneline"], cwd=new_edition, capture_output=True, text=True, check=True)
    assert log.stdout.strip()


def test_nothing_of_this_paper_goes_with_it(new_edition):
    ours = Project(ROOT)
    names = {text.meta["citation"]["bibtex_key"] for text in ours.texts} | set(ours.references)
    own = [*new_edition.glob("docs/**/*.md"), *(new_edition / name for name in
           ("refs.bib", "edition-record.yml", "mkdocs.yml", "CITATION.cff", "README.md"))]  # fmt: skip
    for path in own:  # the edition's own files (EDITING.md quotes this edition as its example)
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not [name for name in names if name in text and name != "source-1"], path


def test_a_language_without_a_table_gets_one_to_translate_and_the_edition_builds_strictly(new_edition, tmp_path):
    assert (new_edition / f"overrides/partials/languages/{LANGUAGES[-1]}.html").is_file()
    assert "custom_dir: overrides" in (new_edition / "mkdocs.yml").read_text(encoding="utf-8")
    result = build_site(new_edition, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    for url in Project(new_edition).pages.values():
        assert (tmp_path / "site" / url / "index.html").is_file(), url
