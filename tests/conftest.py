"""Shared fixtures: the real site, built once per session with `mkdocs build
--strict` and served on 127.0.0.1 as GitHub Pages serves it, at a domain root
(`server`) and below /edition/ (`project_server`, built only if a test asks);
Chromium driven by Playwright at desktop and phone sizes; and copies of the
project that tests change the way an editor would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from expected import ROOT, Project
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


def copy_project(destination: Path) -> Path:
    """A copy of the project as a clone of this checkout would have it (its files, not
    what git ignores), sharing this checkout's .venv."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, destination / name)
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


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


def _served_site(tmp_path_factory, base: str, pdf: bool):
    """The site built for, and served below, `base`: (folder, URL)."""
    site_dir = tmp_path_factory.mktemp("site")
    httpd = serve(site_dir, base)  # started first: the build's site_url is its address
    url = f"http://127.0.0.1:{httpd.server_port}{base}"
    result = build_site(ROOT, site_dir, url, pdf=pdf)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return httpd, site_dir, url


@pytest.fixture(scope="session")
def _root(tmp_path_factory):
    httpd, site_dir, url = _served_site(tmp_path_factory, "/", pdf=True)
    yield site_dir, url
    httpd.shutdown()


@pytest.fixture(scope="session")
def site(_root) -> Path:
    """The real site, built once with `mkdocs build --strict` for a domain root."""
    return _root[0]


@pytest.fixture(scope="session")
def server(_root) -> str:
    """http://127.0.0.1:PORT/, serving `site` (also its site_url)."""
    return _root[1]


@pytest.fixture(scope="session")
def project_server(tmp_path_factory) -> str:
    """http://127.0.0.1:PORT/edition/: the site built and served as a GitHub Pages project site."""
    httpd, _, url = _served_site(tmp_path_factory, "/edition/", pdf=False)
    yield url
    httpd.shutdown()


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


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid or item.nodeid.startswith("browser/"):
            item.add_marker(pytest.mark.browser)
