"""Accessibility (axe-core) in both palettes, and printing."""

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = ["", "diplomacy/", "about/", "ru/", "ru/transport/", "ru/about/", "404.html", "ru/404.html"]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(browser, server, axe, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = []
    for path in PAGES:
        page.goto(server + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        for violation in axe.run(page).response["violations"]:
            found.append(f"{path}: {violation['id']} ({violation['impact']}) "
                         f"{[node['target'] for node in violation['nodes']]}")
    context.close()
    assert found == []


@pytest.mark.browser
def test_printing_a_text_gives_the_text_alone(page, server):
    page.goto(server + "diplomacy/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".md-search", ".how-to-cite", "#p-3 .paragraph-link", ".reference-backlinks"):
        assert not page.locator(hidden).first.is_visible(), hidden
    for shown in (".udc", "article h1", ".byline", "h2#soft-power", "#p-12", ".citation", "ol.references"):
        assert page.locator(shown).first.is_visible(), shown
    after = page.evaluate("""() => {
        const link = document.createElement("a")
        link.href = "https://example.org/source"
        document.querySelector("#p-1").append(link)
        return getComputedStyle(link, "::after").content
    }""")
    assert "https://example.org/source" in after
