"""Speed and weight of the edition, printed as tables (make bench).

    python scripts/bench.py site/

- build: median wall time of `mkdocs build` (5 runs), with the template cache
  warm and cold, next to a bare build of the same Markdown by Material with the
  same languages (mkdocs-static-i18n) and search, as ratios;
  and the time the two PDFs add, and their sizes; the time the TEI and JATS
  exports take inside a build;
- first view: bytes (raw and gzip) and requests of a cold load of each text page
  as a reader opens it, requests to other hosts, and what loads later, when
  the reader opens search;
- search: index size per language, and the median time from the last
  keystroke to rendered results over real queries.
Targets: build ratio ≤ 1.3 (warm), PDFs ≤ 5 s and ≤ 400 KB each, exports ≤ 0.5 s, first view
≤ 80 KB gzip, search ≤ 3 ms.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils import get_theme_dir
from mkdocs.utils.yaml import yaml_load

from scholarly_edition import TEMPLATES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import edition_pages  # noqa: E402
import preview  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
TEXT_PAGES = [url for _, url, _ in edition_pages.text_pages(ROOT)]  # the citable pages, from the configuration


# The search worker has built its index: the results header no longer says so, in the page's language.
SEARCH_READY = """() => document.querySelector('.md-search-result__meta').textContent.trim()
    !== JSON.parse(document.getElementById('__config').textContent).translations['search.result.initializer']"""


def queries(source: str, count: int = 24) -> list[str]:
    """Words of a text spread over it, and the first five letters of every fourth: what readers type."""
    body = source.split("---\n", 2)[-1]
    words = list(dict.fromkeys(re.findall(r"[^\W\d_]{5,}", body)))
    chosen = words[:: max(1, len(words) // count)][:count]
    return chosen + [word[:5] for word in chosen[::4]]


QUERIES = {url: queries(source) for _, url, source in edition_pages.text_pages(ROOT)}


def bare_project(folder: Path) -> None:
    """The same Markdown built by Material with the same languages (mkdocs-static-i18n) and search,
    and the language tables Material needs for a language it lacks: the stack without the edition."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        config = yaml_load(file)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    languages = [{"locale": lang["locale"], "name": lang["name"], "default": lang.get("default", False)}
                 for lang in i18n["languages"]]  # fmt: skip
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns("assets"))
    tables = folder / "overrides/partials/languages"
    tables.mkdir(parents=True)
    for lang in languages:
        if not (Path(get_theme_dir("material")) / f"partials/languages/{lang['locale']}.html").is_file():
            shutil.copy(TEMPLATES / f"partials/languages/{lang['locale']}.html", tables)
    bare = {
        "site_name": "bare",
        "docs_dir": "docs",
        "theme": {"name": "material", "custom_dir": "overrides", "language": config["theme"]["language"]},
        "plugins": ["search", {"i18n": {"docs_structure": i18n["docs_structure"], "languages": languages}}],
    }
    (folder / "mkdocs.yml").write_text(json.dumps(bare, ensure_ascii=False), encoding="utf-8")


def median_build_seconds(project: Path, site_dir: Path, runs: int, strict: bool, cold: bool = False,
                         pdf: bool = False) -> float:  # fmt: skip
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PDF": str(pdf).lower()}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)] + (["--strict"] if strict else [])
    times = []
    for _ in range(runs):
        if cold:  # as on a fresh clone: no compiled templates yet (template_cache.py)
            shutil.rmtree(project / ".cache" / "jinja", ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def exports_seconds() -> float:
    """The time the TEI and JATS exports (exports.write) take in one build, in this process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from scholarly_edition import exports

    spent, write = [], exports.write

    def timed(*args):
        start = time.perf_counter()
        write(*args)
        spent.append(time.perf_counter() - start)

    exports.write = timed
    saved = {key: os.environ.get(key) for key in ("PDF", "NO_MKDOCS_2_WARNING")}
    os.environ.update(PDF="false", NO_MKDOCS_2_WARNING="1")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            build(load_config(str(ROOT / "mkdocs.yml"), site_dir=tmp, strict=True))
    finally:
        exports.write = write
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return sum(spent)


def bench_build(runs: int) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare"
        bare_project(bare)
        ours = Path(tmp) / "ours-site"
        cold = median_build_seconds(ROOT, ours, runs, strict=True, cold=True)
        warm = median_build_seconds(ROOT, ours, runs, strict=True)
        with_pdfs = median_build_seconds(ROOT, ours, runs, strict=True, pdf=True)
        pdfs = [(str(p.relative_to(ours)), f"{p.stat().st_size / 1024:.1f}") for p in sorted(ours.rglob("*.pdf"))]
        plain = median_build_seconds(bare, Path(tmp) / "bare-site", runs, strict=False)
    build = [("bare Material + i18n build of the same Markdown", f"{plain:.2f}", "1.00"),
             ("edition build, template cache warm (every rebuild)", f"{warm:.2f}", f"{warm / plain:.2f}"),
             ("edition build, template cache cold (fresh clone)", f"{cold:.2f}", f"{cold / plain:.2f}"),
             ("the two PDFs (build with PDFs, less one without)", f"{with_pdfs - warm:.2f}", ""),
             ("the TEI and JATS exports of every text (inside a build)", f"{exports_seconds():.3f}", "")]  # fmt: skip
    return build, pdfs


def serve(site: Path):
    """The site at the root of a local server, as in the tests (scripts/preview.py)."""
    httpd = preview.serve(site)
    return httpd, f"http://127.0.0.1:{httpd.server_port}/"


def weigh(requests_, host: str) -> tuple[float, float, int, int]:
    raw = packed = foreign = 0
    for request in requests_:
        if urlsplit(request.url).netloc != host:
            foreign += 1
            continue
        response = request.response()
        body = response.body() if response else b""
        raw, packed = raw + len(body), packed + len(gzip.compress(body, 6))
    return raw / 1024, packed / 1024, len(requests_), foreign


def bench_pages(browser, base: str) -> list[tuple[str, ...]]:
    rows, host = [], urlsplit(base).netloc
    for path in TEXT_PAGES:
        context = browser.new_context()
        page = context.new_page()
        loads = []
        page.on("requestfinished", lambda request, loads=loads: loads.append(request))
        page.goto(base + path, wait_until="networkidle")
        first = list(loads)
        page.locator("input.md-search__input").click()
        page.wait_for_function(SEARCH_READY)
        page.wait_for_load_state("networkidle")
        raw, packed, count, foreign = weigh(first, host)
        later = [request for request in loads if request not in first]
        _, later_packed, later_count, _ = weigh(later, host)
        rows.append((path, f"{raw:.1f}", f"{packed:.1f}", str(count), str(foreign),
                     f"{later_packed:.1f} KB in {later_count}"))  # fmt: skip
        context.close()
    return rows


# Time from the keyup Material listens for to the moment the results (or the
# "nothing found" line) for this query are in the page.
_TIME_QUERY = """async query => {
  const field = document.querySelector("input.md-search__input")
  const list = document.querySelector(".md-search-result__list")
  const meta = document.querySelector(".md-search-result__meta")
  const before = meta.textContent
  field.value = query
  const rendered = new Promise(resolve => {
    const done = () => meta.textContent !== before
      && (list.children.length > 0 || !query || /табылмады|не найдено/i.test(meta.textContent))
    const observer = new MutationObserver(() => {
      if (done()) { observer.disconnect(); resolve(performance.now()) }
    })
    observer.observe(meta.parentNode, { childList: true, characterData: true, subtree: true })
  })
  const start = performance.now()
  field.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }))
  return (await rendered) - start
}"""


def bench_search(browser, base: str, site: Path) -> tuple[list[tuple[str, ...]], list[float]]:
    sizes = []
    for index in sorted(site.rglob("search/search_index.json")):  # one per language (search.py)
        data = index.read_bytes()
        label = json.loads(data)["config"]["lang"][0]
        sizes.append((label, f"{len(data) / 1024:.1f}", f"{len(gzip.compress(data, 6)) / 1024:.1f}"))
    timings = []
    page = browser.new_page()
    for path, queries in QUERIES.items():
        page.goto(base + path)
        page.wait_for_function("() => typeof window.component$ !== 'undefined'")
        page.locator("input.md-search__input").click()
        page.wait_for_function(SEARCH_READY)
        for query in queries:
            timings.append(page.evaluate(_TIME_QUERY, query))
            page.evaluate(_TIME_QUERY, "")  # clear, so the next query renders anew
    page.close()
    return sizes, timings


def table(title: str, header: tuple[str, ...], rows) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"  # noqa: E731
    return "\n".join(
        [f"\n{title}", line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(row) for row in rows]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--runs", type=int, default=5, help="builds to time for each side")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"Chromium not found at {CHROMIUM}: make test finds or installs one (scripts/system-deps.sh)",
              file=sys.stderr)  # fmt: skip
        return 2
    from playwright.sync_api import sync_playwright

    build, pdfs = bench_build(args.runs)
    print(table(f"Build, median of {args.runs} runs (target: warm ratio <= 1.3; the PDFs <= 5 s)",
                ("build", "seconds", "ratio"), build))  # fmt: skip
    print(table("PDF edition (target <= 400 KB each)", ("file", "KB"), pdfs))
    httpd, base = serve(args.site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            print(table("First view of each text page, cold (target <= 80 KB gzip, 0 third-party)",
                        ("page", "KB raw", "KB gzip", "requests", "third-party", "on opening search (gzip)"),
                        bench_pages(browser, base)))  # fmt: skip
            sizes, timings = bench_search(browser, base, args.site)
            browser.close()
    finally:
        httpd.shutdown()
    print(table("Search index per language", ("language", "KB raw", "KB gzip"), sizes))
    print(table("Search: last keystroke to rendered results (target: median <= 3 ms)",
                ("queries", "median ms", "max ms"),
                [(str(len(timings)), f"{statistics.median(timings):.1f}", f"{max(timings):.1f}")]))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
