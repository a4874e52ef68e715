"""Shared fixtures: the real site, built once per session for each of the
two shapes it is published in, served on 127.0.0.1 as GitHub Pages serves it,
and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from scripts.preview import serve
from strings import lookup, material_partials

ROOT = Path(__file__).resolve().parent.parent
# Where the site is published: at a domain root (a user site or a custom
# domain), and below /<repository>/ (a GitHub Pages project site).
DEPLOYMENTS = {"root": "/", "project": "/edition/"}
# `make test` finds or installs one (scripts/chromium.sh) and passes it here.
CHROMIUM = Path(os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium")
# Chromium's own background traffic is refused on this closed network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def build_site(project: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the project at `project` into site_dir."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def copy_project(destination: Path) -> Path:
    """A copy of what a build reads, for tests that break it on purpose."""
    for name in ("mkdocs.yml", "refs.bib", "edition-record.yml"):
        shutil.copy2(ROOT / name, destination / name)
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    return destination


def make_offline(tmp: Path, site_url: str | None = None) -> Path:
    """`make offline` into tmp, with or without SITE_URL; the unzipped copy's folder."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    archive = tmp / "edition-offline.zip"
    subprocess.run(["make", "-s", "offline", f"OFFLINE_ZIP={archive}", f"OFFLINE_BUILD={tmp / 'build'}"],
                   cwd=ROOT, check=True, capture_output=True, timeout=300, env=env | ({"SITE_URL": site_url} if site_url else {}))
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(tmp / "unzipped")
    return tmp / "unzipped" / "edition"


def string_table(locale: str):
    """key -> string, from the language's table in overrides/ (hooks/strings.py)."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader([ROOT / "overrides", material_partials()]))
    return lookup(env, locale)


def broken_build(tmp_path: Path, edit) -> str:
    """Build a copy of the project after edit(copy); it must fail. Returns the log."""
    project = copy_project(tmp_path)
    edit(project)
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, "the build should have failed"
    return result.stdout + result.stderr


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="session", params=list(DEPLOYMENTS))
def _http(request, tmp_path_factory):
    """A server on 127.0.0.1 for the site folder, started before the build so
    that the build's site_url is the address the browser tests use."""
    site_dir = tmp_path_factory.mktemp(f"site-{request.param}")
    httpd = serve(site_dir, DEPLOYMENTS[request.param])
    yield site_dir, f"http://127.0.0.1:{httpd.server_port}{DEPLOYMENTS[request.param]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def site(_http) -> Path:
    """The real site, built once per deployment with `mkdocs build --strict`."""
    site_dir, url = _http
    result = build_site(ROOT, site_dir, site_url=url)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def server(site, _http) -> str:
    """Base URL of the built site served on 127.0.0.1 (also its site_url):
    http://127.0.0.1:PORT/ or http://127.0.0.1:PORT/edition/."""
    return _http[1]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `make test`, which finds or installs one "
            "(scripts/chromium.sh), or set CHROMIUM=/path/to/chromium.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def type_query(page, query: str) -> None:
    """Type a query into Material's search and wait until its results are
    shown: the count (or "no results") in the page's own language, which the
    placeholder and the "initialising" message never match, and as many
    result pages as it counts.

    Typing waits for the placeholder first: once its index is ready (opened
    from disk, once search opens), Material searches for the empty field, and
    if that empty answer came after our query was typed it would show as
    "no results" for our query."""
    page.wait_for_function("() => typeof window.component$ !== 'undefined'")
    field = page.locator("input.md-search__input")
    field.click()
    page.wait_for_function("""() => document.querySelector(".md-search-result__meta").textContent.trim()
        === JSON.parse(document.getElementById("__config").textContent).translations["search.result.placeholder"]""")
    field.fill(query)  # at once, so no search runs for a part of the query
    field.press("End")  # Material searches on keyup
    page.wait_for_function(r"""() => {
        const words = JSON.parse(document.getElementById("__config").textContent).translations
        const meta = document.querySelector(".md-search-result__meta")
        const text = meta ? meta.textContent.trim() : ""
        if (text === words["search.result.none"]) return true
        const count = [words["search.result.one"], words["search.result.other"]].some(form =>
            new RegExp("^" + form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("#", "\\d+") + "$").test(text))
        return count && document.querySelectorAll(".md-search-result__list > li").length === +text.match(/\d+/)[0]
    }""")
