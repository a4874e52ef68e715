"""Speed and weight of the edition, printed as tables (make bench).

    python scripts/bench.py site/

- build: median wall time of `mkdocs build` (5 runs), with the template cache
  warm and cold, next to a bare Material build of the same Markdown, as ratios,
  and where a cold build's time goes (one build under cProfile);
- pages: bytes (raw and gzip) and requests of a cold load of each text page,
  and requests to other hosts;
- search: index size per language, and the median time from the last
  keystroke to rendered results over the queries below.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import preview  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TEXT_PAGES = ["diplomacy/", "ru/transport/"]
QUERIES = {
    "diplomacy/": [
        "жұмсақ",
        "жумсак куш",
        "әлеуметтік",
        "ғаламтор",
        "қоғамдық",
        "меңгере",
        "өктемшіл",
        "ұялы",
        "үшінші",
        "жаһандық",
        "білім",
        "Улисс",
        "Твипломатия",
        "цукерб",
        "дипломат",
        "кулы",
        "Facebook",
        "Гарвард",
        "Твиттерден",
        "саясатқа",
        "дипломатиямен",
        "университетте",
    ],
    "ru/transport/": [
        "магистраль",
        "Казахстан",
        "железн",
        "Туркестано",
        "инфраструктуры",
        "Россию",
        "железных",
        "путях",
    ],
}
BARE_CONFIG = """site_name: bare
docs_dir: docs
theme:
  name: material
plugins:
  - search
"""


def median_build_seconds(project: Path, site_dir: Path, runs: int, strict: bool, cold: bool = False) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)] + (["--strict"] if strict else [])
    times = []
    for _ in range(runs):
        if cold:  # as on a fresh clone: no compiled templates yet (hooks/template_cache.py)
            shutil.rmtree(project / ".cache" / "jinja", ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_build(runs: int) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare"
        shutil.copytree(ROOT / "docs", bare / "docs", ignore=shutil.ignore_patterns("assets"))
        (bare / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
        cold = median_build_seconds(ROOT, Path(tmp) / "ours-site", runs, strict=True, cold=True)
        warm = median_build_seconds(ROOT, Path(tmp) / "ours-site", runs, strict=True)
        plain = median_build_seconds(bare, Path(tmp) / "bare-site", runs, strict=False)
    return [
        ("bare Material build of the same Markdown", f"{plain:.2f}", "1.00"),
        ("edition build, template cache warm (every rebuild)", f"{warm:.2f}", f"{warm / plain:.2f}"),
        ("edition build, template cache cold (fresh clone)", f"{cold:.2f}", f"{cold / plain:.2f}"),
    ]


# One cold build in a fresh process under cProfile: the cumulative time of each phase.
_PROFILE_BUILD = """
import cProfile, json, pstats, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
profile = cProfile.Profile()
profile.enable()
build(load_config("mkdocs.yml", site_dir=sys.argv[1]))
profile.disable()
stats = pstats.Stats(profile).stats
def seconds(file_part, function):
    return sum(row[3] for (file, _, name), row in stats.items() if file_part in file and name == function)
print(json.dumps({
    "total": seconds("mkdocs/commands/build.py", "build"),  # the outer call; i18n's further build is inside
    "theme files walked (every language)": seconds("mkdocs/structure/files.py", "add_files_from_theme"),
    "templates compiled (cold cache)": seconds("jinja2/environment.py", "compile"),
    "further languages (mkdocs-static-i18n)": seconds("mkdocs_static_i18n/plugin.py", "on_post_build"),
    "the edition's hooks": sum(seconds("hooks/edition.py", name) for name in (
        "_start", "_per_language", "on_env", "on_page_markdown", "on_page_content", "on_page_context",
        "on_template_context", "on_pre_template", "on_post_page", "on_post_template", "on_post_build")),
}))
"""


def build_breakdown() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        shutil.rmtree(ROOT / ".cache" / "jinja", ignore_errors=True)
        output = subprocess.run(
            [sys.executable, "-c", _PROFILE_BUILD, str(Path(tmp) / "site")],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        ).stdout
    phases = json.loads(output)
    total = phases.pop("total")
    return [(name, f"{value:.2f}", f"{value / total:.0%}") for name, value in phases.items()] + [
        ("whole build (under the profiler)", f"{total:.2f}", "100%")
    ]


def serve(site: Path):
    """The site at the root of a local server, as in the tests (scripts/preview.py)."""
    httpd = preview.serve(site)
    return httpd, f"http://127.0.0.1:{httpd.server_port}/"


def bench_pages(browser, base: str) -> list[tuple[str, ...]]:
    rows = []
    for path in TEXT_PAGES:
        context = browser.new_context()
        page = context.new_page()
        loads = []
        page.on("requestfinished", loads.append)
        page.goto(base + path, wait_until="networkidle")
        raw = packed = 0
        foreign = 0
        for request in loads:
            if urlsplit(request.url).netloc != urlsplit(base).netloc:
                foreign += 1
                continue
            response = request.response()
            body = response.body() if response else b""
            raw += len(body)
            packed += len(gzip.compress(body, 6))
        rows.append((path, f"{raw / 1024:.1f}", f"{packed / 1024:.1f}", str(len(loads)), str(foreign)))
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
      && (list.children.length > 0 || !query || /0|табылмады|не найдено/.test(meta.textContent))
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
    for index in sorted(site.rglob("search/search_index.json")):  # one per language (hooks/search.py)
        data = index.read_bytes()
        label = json.loads(data)["config"]["lang"][0]
        sizes.append((label, f"{len(data) / 1024:.1f}", f"{len(gzip.compress(data, 6)) / 1024:.1f}"))
    timings = []
    page = browser.new_page()
    for path, queries in QUERIES.items():
        page.goto(base + path)
        page.wait_for_function("() => typeof window.component$ !== 'undefined'")
        page.locator("input.md-search__input").click()
        page.wait_for_function(  # the worker has built its index
            "() => !/дайындалуда|Инициализация/.test(document.querySelector('.md-search-result__meta').textContent)"
        )
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
        print(f"Chromium not found at {CHROMIUM}: sudo apt-get install chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    print(
        table(
            f"Build, median of {args.runs} runs (target: ratio <= 1.3)",
            ("build", "seconds", "ratio"),
            bench_build(args.runs),
        )
    )
    print(
        table(
            "Where a cold build's time goes (phases overlap: the further languages include their own "
            "theme walk and pages)",
            ("phase", "seconds", "share"),
            build_breakdown(),
        )
    )
    httpd, base = serve(args.site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            print(
                table(
                    "Cold load of each text page (target <= 100 KB gzip, 0 third-party)",
                    ("page", "KB raw", "KB gzip", "requests", "third-party requests"),
                    bench_pages(browser, base),
                )
            )
            sizes, timings = bench_search(browser, base, args.site)
            browser.close()
    finally:
        httpd.shutdown()
    print(table("Search index per language", ("language", "KB raw", "KB gzip"), sizes))
    print(
        table(
            "Search: last keystroke to rendered results",
            ("queries", "median ms", "max ms"),
            [(str(len(timings)), f"{statistics.median(timings):.1f}", f"{max(timings):.1f}")],
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
