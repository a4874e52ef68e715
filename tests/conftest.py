"""Shared fixtures: each edition the suite runs on (this repository's, and the
fixture editions under tests/editions/, which break its assumptions), built
once per session with `mkdocs build --strict` and served on 127.0.0.1 as GitHub
Pages serves it, at a domain root (`server`) and below /edition/
(`project_server`, built only if a test asks); Chromium driven by Playwright at
desktop and phone sizes; and copies of the project that tests change the way an
editor would.

A test that takes `project` (or `site`, `server`, …) runs once per edition; one
that takes `text` once per text page of each edition, and `locale` once per
language. Browser tests run on this repository's edition, and those marked
`every_edition` on the fixture editions too; `texts(where=…)` keeps the text
pages a test applies to (a text with citations, with a source, …), and
`editions(where=…)` the editions (one with glyph repairs, …), and
`cases(make=…)` gives a test its `case` values from each edition's data: a test is
made only where its condition holds, never skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from expected import ROOT, Project, TextPage
from scripts.preview import serve

# `make test` finds or installs one (scripts/system-deps.sh) and passes it here.
CHROMIUM = Path(os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium")
# Chromium's own background traffic is refused on this closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}


def build_site(
    project: Path, site_dir: Path, site_url: str | None = None, *args: str, pdf: bool = False
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the project at `project` into site_dir (args replace --strict);
    without PDFs unless a test needs them (they cost a second a build)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PDF": "true" if pdf else "false"}
    environment.pop("SITE_URL", None)
    if site_url:
        environment["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(args or ["--strict"]), "--clean", "-d", str(site_dir)],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_project(destination: Path, edition: Path = ROOT) -> Path:
    """A copy of the edition as a clone of this checkout would have it (its files, not
    what git ignores), sharing this checkout's .venv."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=edition,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        if (edition / name).is_file() and not name.startswith("tests/editions/"):
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(edition / name, destination / name)
    if (ROOT / ".venv").exists():
        (destination / ".venv").symlink_to(ROOT / ".venv")
    return destination


def broken_build(tmp_path: Path, edit, *args: str) -> str:
    """Build a copy of the project after edit(copy); it must fail. Returns the log."""
    project = copy_project(tmp_path)
    edit(project)
    result = build_site(project, tmp_path / "site", None, *args)
    assert result.returncode != 0, "the build should have failed:\n" + result.stderr[-2000:]
    return result.stdout + result.stderr


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make_offline(tmp: Path, site_url: str | None = None, pdf: bool = False) -> Path:
    """`make offline` into tmp, with or without SITE_URL (and PDFs); the unzipped copy's folder."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"} | {"PDF": str(pdf).lower()}
    archive = tmp / "edition-offline.zip"
    subprocess.run(
        ["make", "-s", "offline", f"OFFLINE_ZIP={archive}", f"OFFLINE_BUILD={tmp / 'build'}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
        env=env | ({"SITE_URL": site_url} if site_url else {}),
    )
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(tmp / "unzipped")
    return tmp / "unzipped" / "edition"


FIXTURE_EDITIONS = ROOT / "tests" / "editions"
# `make new-edition` runs only in the generator's repository, not in an edition it made.
collect_ignore = [] if (ROOT / "copier.yml").is_file() else ["builds/test_new_edition.py"]

# name -> folder: this repository's edition, then each fixture edition.
EDITIONS = {"edition": ROOT} | {path.parent.name: path.parent for path in sorted(FIXTURE_EDITIONS.glob("*/mkdocs.yml"))}


def pytest_configure(config):
    config.addinivalue_line("markers", "every_edition: a browser test that runs on the fixture editions too")
    config.addinivalue_line("markers", "texts(where): the text pages a test applies to, where(text) true")
    config.addinivalue_line("markers", "editions(where): the editions a test applies to, where(project) true")
    config.addinivalue_line("markers", "cases(make): the test's `case` values for an edition: make(project) lists them")


def pytest_generate_tests(metafunc):
    """Each test that uses an edition, once per edition (and per text page or language it takes)."""
    if "edition" not in metafunc.fixturenames:
        return
    browser = "tests/browser/" in metafunc.definition.nodeid or metafunc.definition.nodeid.startswith("browser/")
    names = [name for name in EDITIONS if name == "edition" or not browser
             or metafunc.definition.get_closest_marker("every_edition")]  # fmt: skip
    applies = metafunc.definition.get_closest_marker("editions")
    names = [name for name in names if not applies or applies.kwargs["where"](Project(EDITIONS[name]))]
    marker = metafunc.definition.get_closest_marker("texts")
    keep = marker.kwargs["where"] if marker else (lambda text: True)
    cases = metafunc.definition.get_closest_marker("cases")
    if cases:
        pairs = [(name, case) for name in names for case in cases.kwargs["make"](Project(EDITIONS[name]))]
        metafunc.parametrize(("edition", "case"), pairs, indirect=["edition"], scope="session",
                             ids=[f"{name}:{'-'.join(map(str, case[:2]))}" for name, case in pairs])  # fmt: skip
    elif "text" in metafunc.fixturenames:
        pairs = [(name, text.src) for name in names for text in Project(EDITIONS[name]).texts if keep(text)]
        metafunc.parametrize(("edition", "text"), pairs, indirect=True, scope="session",
                             ids=[f"{name}:{src}" for name, src in pairs])  # fmt: skip
    elif "locale" in metafunc.fixturenames and not _parametrized(metafunc, "locale"):
        pairs = [(name, locale) for name in names for locale in Project(EDITIONS[name]).locales]
        metafunc.parametrize(("edition", "locale"), pairs, indirect=["edition"], scope="session",
                             ids=[f"{name}:{locale}" for name, locale in pairs])  # fmt: skip
    else:
        metafunc.parametrize("edition", names, indirect=True, scope="session")


def _parametrized(metafunc, name: str) -> bool:
    return any(name in mark.args[0] for mark in metafunc.definition.iter_markers("parametrize"))


@pytest.fixture(scope="session")
def edition(request) -> Path:
    """The folder of the edition under test."""
    return EDITIONS[request.param]


@pytest.fixture(scope="session")
def project(edition) -> Project:
    return Project(edition)


@pytest.fixture
def text(request, project) -> TextPage:
    """A text page of the edition (`citable: true`)."""
    return project.page(request.param)


@pytest.fixture(scope="session")
def _served_sites(tmp_path_factory):
    """site(edition, base, pdf) -> (folder, URL): the edition's site built for, and served
    below, `base`, once per worker. pytest tears a parametrized session fixture down whenever
    its parameter changes, so the sites are kept here, not in `_root`."""
    served = {}

    def site(edition: Path, base: str, pdf: bool) -> tuple[Path, str]:
        if (edition, base) not in served:
            site_dir = tmp_path_factory.mktemp("site")
            httpd = serve(site_dir, base)  # started first: the build's site_url is its address
            url = f"http://127.0.0.1:{httpd.server_port}{base}"
            result = build_site(edition, site_dir, url, pdf=pdf)
            assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
            served[edition, base] = httpd, site_dir, url
        return served[edition, base][1:]

    yield site
    for httpd, *_ in served.values():
        httpd.shutdown()


@pytest.fixture(scope="session")
def _root(_served_sites, edition):
    return _served_sites(edition, "/", pdf=True)


@pytest.fixture(scope="session")
def site(_root) -> Path:
    """The real site, built once with `mkdocs build --strict` for a domain root."""
    return _root[0]


@pytest.fixture(scope="session")
def server(_root) -> str:
    """http://127.0.0.1:PORT/, serving `site` (also its site_url)."""
    return _root[1]


@pytest.fixture(scope="session")
def project_server(_served_sites, edition) -> str:
    """http://127.0.0.1:PORT/edition/: the site built and served as a GitHub Pages project site."""
    return _served_sites(edition, "/edition/", pdf=False)[1]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `make test`, which finds or installs one "
            "(scripts/system-deps.sh), or set CHROMIUM=/path/to/chromium.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(**DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def words(page) -> dict:
    """Material's interface strings of the page's language, as its configuration holds them."""
    return page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations")


def type_query(page, query: str) -> None:
    """Type a query into Material's search and wait until its results are
    shown: the count (or "no results") in the page's own language, which the
    placeholder and the "initialising" message never match, and as many
    result pages as it counts.

    Typing waits for the placeholder first: once its index is ready, Material
    searches for the empty field, and if that empty answer came after our
    query was typed it would show as "no results" for our query."""
    page.wait_for_function("() => typeof window.component$ !== 'undefined'")
    field = page.locator("input.md-search__input")
    if not field.is_visible():
        page.locator("label.md-header__button[for='__search']").click()
    field.click()
    field.fill("")
    page.wait_for_function(
        """() => document.querySelector(".md-search-result__meta").textContent.trim()
        === JSON.parse(document.getElementById("__config").textContent).translations["search.result.placeholder"]""",
        polling=50,
    )  # a timer, not animation frames, which a page in the background does not get
    field.fill(query)  # at once, so no search runs for a part of the query
    page.wait_for_function(
        r"""query => {
        const words = JSON.parse(document.getElementById("__config").textContent).translations
        const meta = document.querySelector(".md-search-result__meta")
        const text = meta ? meta.textContent.trim() : ""
        if (document.querySelector("input.md-search__input").value !== query) return false
        if (text === words["search.result.none"]) return true
        const count = [words["search.result.one"], words["search.result.other"]].some(form =>
            new RegExp("^" + form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("#", "\\d+") + "$").test(text))
        return count && document.querySelectorAll(".md-search-result__list > li").length === +text.match(/\d+/)[0]
    }""",
        arg=query,
        polling=50,
    )


def pytest_collection_modifyitems(config, items):
    # A test whose cases an edition's data does not make (no text with a source, …) does not apply to it.
    empty = [item for item in items if any(m.name == "skip" and "empty parameter set" in str(m.kwargs.get("reason"))
                                           for m in item.iter_markers())]  # fmt: skip
    if empty:
        config.hook.pytest_deselected(items=empty)
        items[:] = [item for item in items if item not in empty]
    for item in items:
        if "tests/browser/" in item.nodeid or item.nodeid.startswith("browser/"):
            item.add_marker(pytest.mark.browser)
