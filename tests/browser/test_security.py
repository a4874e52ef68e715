"""The Content-Security-Policy every page carries: a reader's whole visit
raises no violation, at a domain root and below a project path, and a
script or an event handler that gets into a page does not run."""

import pytest

from conftest import DESKTOP, type_query

COLLECT = """window.__violations = []
document.addEventListener("securitypolicyviolation", e =>
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))"""


def visit(browser, base: str, project) -> list[str]:
    """Read, search, open a result, switch the palette, hover a citation, copy, switch
    language, open both 404 pages: every violation on the way."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], **DESKTOP)
    context.add_init_script(COLLECT)
    page = context.new_page()
    found = []

    def collect():
        found.extend(f"{page.url}: {v}" for v in page.evaluate("window.__violations"))

    text = next(t for t in project.texts if t.cited_keys)
    page.goto(base + text.url)
    page.locator("a.citation").first.hover()
    page.locator(".md-tooltip2--active").first.wait_for()
    page.locator(f"#{text.paragraph_ids[0]} a.paragraph-number").click()
    page.locator(".copy-status").wait_for()
    page.locator("label.md-header__button[for^=__palette]:not([hidden])").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    type_query(page, text.meta["citation"]["title"].split()[0])
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url("**?h=*")
    collect()
    page.locator(".md-header .md-select").hover()
    other = next(locale for locale in project.locales if locale != text.locale)
    with page.expect_navigation():
        page.locator(f'a.md-select__link[hreflang="{other}"]').click()
    collect()
    for locale in project.locales:
        page.goto(base + ("" if locale == project.default else f"{locale}/") + "no-such-page/")
        type_query(page, text.meta["citation"]["title"].split()[0])
        collect()
    context.close()
    return found


def test_a_readers_visit_raises_no_violation(browser, server, project):
    assert visit(browser, server, project) == []


def test_a_readers_visit_below_a_project_path_raises_no_violation(browser, project_server, project):
    assert visit(browser, project_server, project) == []


@pytest.mark.parametrize(
    "injected",
    ['<script>window.__ran = "script"</script>', '<img src="x" onerror="window.__ran = \'handler\'">'],
    ids=["inline script", "inline event handler"],
)
def test_a_script_that_gets_into_a_page_does_not_run(page, server, project, injected):
    page.add_init_script(COLLECT)
    text = project.texts[0]

    def inject(route):
        body = route.fetch().text().replace("</article>", injected + "</article>", 1)
        route.fulfill(body=body, headers={"content-type": "text/html; charset=utf-8"})

    page.route(server + text.url, inject)
    page.goto(server + text.url)
    page.wait_for_function("() => window.__violations.length > 0")
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.__violations"))
    assert page.locator("article p").first.is_visible()  # the page's own scripts still run
    page.wait_for_function("() => typeof window.component$ !== 'undefined'")


def test_search_files_load_only_when_search_is_asked_for(page, server, project):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    text = project.texts[0]
    page.goto(server + text.url, wait_until="networkidle")
    assert not [url for url in requested if "search_index" in url or "/workers/" in url or "/lunr/" in url]
    type_query(page, text.meta["citation"]["title"].split()[0])
    assert any("search_index.json" in url for url in requested) and any("/workers/" in url for url in requested)
