"""`make test` and `make build` find what they need from the system (scripts/system-deps.sh)."""

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
