"""`make test` and `make build` find what they need from the system (scripts/system-deps.sh); the
repository holds only what the project is made of."""

import re
import subprocess
import sys

from expected import ROOT

SCRIPT = ROOT / "scripts/system-deps.sh"


def run(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT), "test", sys.executable], env={"HOME": "/nonexistent", **env},
                          capture_output=True, text=True, timeout=60)  # fmt: skip


def test_a_set_chromium_is_used_as_is(tmp_path):
    browser = tmp_path / "my-chromium"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)
    result = run({"PATH": "/usr/bin:/bin", "CHROMIUM": str(browser)})
    assert result.returncode == 0 and result.stdout.strip() == str(browser)


def test_a_chromium_on_path_is_found(tmp_path):
    (tmp_path / "chromium").write_text("#!/bin/sh\n")
    (tmp_path / "chromium").chmod(0o755)
    result = run({"PATH": f"{tmp_path}:/usr/bin:/bin"})
    assert result.returncode == 0 and result.stdout.strip() == str(tmp_path / "chromium")


def test_a_wrong_chromium_says_how_in_one_line():
    result = run({"PATH": "/usr/bin:/bin", "CHROMIUM": "/nonexistent/chromium"})
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "sudo apt-get install" in result.stderr and "chromium" in result.stderr


def test_the_repository_tracks_only_what_it_is_made_of():
    """No archive, wheel or stray screenshot, and no file over 1 MB (fonts and the lock are far below)."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode == 0:
        names = [name for name in tracked.stdout.split("\0") if name]
    else:  # a copy outside git: its files, but what git would ignore
        ignored = (".venv/", ".cache/", "site/", "build/", "__pycache__/")
        names = [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*") if p.is_file()]
        names = [n for n in names if not n.startswith(ignored) and "/__pycache__/" not in n]
    stray = [n for n in names if re.search(r"\.(whl|zip|tar|tar\.gz|tgz|jar|egg)$|^[^/]+\.(png|jpe?g)$", n)]
    big = [
        n for n in names if (ROOT / n).is_file() and not (ROOT / n).is_symlink() and (ROOT / n).stat().st_size > 2**20
    ]
    assert stray == [] and big == [], (stray, big)
