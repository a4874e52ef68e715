"""Markup an editor types into any front-matter field, site_name or a nav
label shows as written: it never runs, never cuts an attribute, and reaches
every meta tag, JSON block and citation intact."""

import json
import re

import pytest
import yaml

from conftest import build_site, copy_project, replace_in
from scripts.preview import serve

HOSTILE = """A "q" 'a' <img src=x onerror=alert(1)></script><script>alert(2)</script> &amp; &"""
HOSTILE_NAME = "Edition: " + HOSTILE  # the edition's name, which no text's title may be


def quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a YAML double-quoted string


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, project):
    tmp = tmp_path_factory.mktemp("hostile")
    copy = copy_project(tmp)
    text = project.first_text
    config = copy / "mkdocs.yml"
    hostile_name = f"site_name: {quoted(HOSTILE_NAME)}"
    config.write_text(re.sub(r"^site_name: .*$", lambda _: hostile_name, config.read_text(encoding="utf-8"),
                             count=1, flags=re.M), encoding="utf-8")  # fmt: skip
    home_label = next(iter(project.languages[0]["nav"][0]))
    replace_in(copy / "mkdocs.yml", f"- {home_label}: index.md", f"- {quoted(HOSTILE)}: index.md")
    paper = copy / "docs" / text.src
    source = paper.read_text(encoding="utf-8")
    front, body = source.split("---\n")[1], source.split("---\n", 2)[2]
    data = yaml.safe_load(front)
    data["title"] = data["description"] = data["citation"]["title"] = HOSTILE
    data["citation"]["short_title"] = data["citation"]["udc"] = HOSTILE
    data["citation"]["authors"] = [dict.fromkeys(("family", "given", "initials", "affiliation", "email"), HOSTILE)]
    paper.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    site_dir = tmp / "site"
    httpd = serve(site_dir)
    url = f"http://127.0.0.1:{httpd.server_port}/"
    result = build_site(copy, site_dir, url)
    assert result.returncode == 0, result.stderr
    yield url, text
    httpd.shutdown()


def test_hostile_values_never_run_and_reach_every_field_intact(page, hostile_site, project):
    url, text = hostile_site
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for address in project.pages.values():
        page.goto(url + address)  # until the load event, after every script and image handler
    page.goto(url + text.url)
    assert dialogs == []
    assert page.evaluate(
        "document.querySelectorAll('img[src=x], script:not([src]):not([type])').length"
    ) == page.evaluate("document.querySelectorAll('script:not([src]):not([type])').length")  # no injected <img>
    meta = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('meta[name], meta[property]')]
        .map(m => [m.getAttribute('name') || m.getAttribute('property'), m.content]))""")
    for name in (
        "description",
        "citation_title",
        "DC.title",
        "og:title",
        "og:description",
        "citation_author_institution",
        "citation_author_email",
    ):
        assert meta[name] == HOSTILE, name
    assert meta["og:site_name"] == HOSTILE_NAME
    assert meta["citation_author"] == f"{HOSTILE}, {HOSTILE}"
    assert page.title() == f"{HOSTILE} - {HOSTILE_NAME}"
    assert page.locator(".md-header__topic").first.inner_text().strip() == HOSTILE_NAME
    assert HOSTILE in page.locator(".md-nav__link").all_inner_texts()
    article = next(
        item
        for item in (json.loads(s) for s in page.locator('script[type="application/ld+json"]').all_text_contents())
        if item["@type"] == "ScholarlyArticle"
    )
    assert article["headline"] == article["description"] == HOSTILE and article["isPartOf"]["name"] == HOSTILE_NAME
    gost = page.locator("section.how-to-cite .cite-gost").inner_text()
    assert gost.startswith(f"{HOSTILE} {HOSTILE} {HOSTILE} [") and f" // {HOSTILE_NAME} : " in gost
    bibtex = page.locator("section.how-to-cite pre code").inner_text()
    assert (
        "title   = {{A} \"q\" 'a' <img src=x onerror=alert(1)></script><script>alert(2)</script> \\&amp; \\&}" in bibtex
    )
