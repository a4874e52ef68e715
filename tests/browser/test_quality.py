"""Accessibility (axe-core: WCAG 2.2 AA and best practices) on every page in both palettes at
desktop and phone size, with no console error, failed or off-site request on the way;
the keyboard's path through a text; and printing."""

import re
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import DESKTOP, PHONE
from strings_helper import string_table

# WCAG 2.2 AA, and axe's best practices (ARIA roles each element allows, one main, headings in order).
AXE_RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}
}


def every_page(project):
    pages = list(project.pages.values())
    for locale in project.locales:
        pages.append(("" if locale == project.default else f"{locale}/") + "404.html")
    return pages


def one_page_of_each_kind(project):
    """A text, a home, an about page and a 404 page: what the other palettes and sizes style differently."""
    return [project.first_text.url, "", project.url(f"{project.default}/about.md"), "404.html"]


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe_and_logs_no_error(browser, server, project, scheme, size):
    """Every page in light at desktop size; one page of each kind in the other palette and size."""
    context = browser.new_context(color_scheme=scheme, **(DESKTOP if size == "desktop" else PHONE))
    page = context.new_page()
    axe, found = Axe(), []
    page.on("console", lambda m: m.type == "error" and found.append(f"{page.url}: console {m.text}"))
    page.on("requestfailed", lambda r: found.append(f"{page.url}: failed {r.url}"))
    page.on("response", lambda r: r.status >= 400 and found.append(f"{page.url}: {r.status} {r.url}"))
    page.on("request", lambda r: r.url.startswith((server, "data:")) or found.append(f"{page.url}: off-site {r.url}"))
    for path in every_page(project) if (scheme, size) == ("light", "desktop") else one_page_of_each_kind(project):
        page.goto(server + path)  # until the load event: styles, scripts and images in
        page.evaluate("document.fonts.ready.then(() => true)")  # and the fonts its text asked for
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        for violation in axe.run(page, options=AXE_RULES).response["violations"]:
            found.append(
                f"{path}: {violation['id']} ({violation['impact']}) {[node['target'] for node in violation['nodes']]}"
            )
    context.close()
    assert found == []


def test_the_keyboard_reaches_the_text_through_the_skip_link_and_every_stop_is_visible(page, server, project):
    text = project.first_text
    page.goto(server + text.url)
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent.trim()")
    assert skip == string_table(text.locale)("action.skip")
    invisible = []
    for _ in range(40):
        page.keyboard.press("Tab")
        stop = page.evaluate("""() => {  // a control, or the label that shows it (Material's toggles;
            // its palette radio is shown by the label after it)
            const el = document.activeElement, shown = [el, ...(el.labels || [])]
            if (el.matches(".md-option")) shown.push(el.nextElementSibling)
            const seen = shown.some(e => { const r = e.getBoundingClientRect(); return r.width >= 1 && r.height >= 1 })
            return [el.tagName + "." + el.className + "#" + el.id, seen] }""")
        if not stop[1]:
            invisible.append(stop[0])
    assert invisible == []


# The ring of the focused control (or of the label that shows it) and the colour it is drawn on:
# the first opaque background outside the control, semi-transparent ones laid over it; read once
# the transitions focus starts (the search field's background fades) have ended.
RING = """async () => {
  await Promise.all(document.querySelector(".md-header").getAnimations({subtree: true}).map(a => a.finished))
  const el = document.activeElement
  const shown = el.matches(".md-option") ? el.nextElementSibling : el
  const style = getComputedStyle(shown)
  const rgba = c => (c.match(/[\\d.]+/g) || []).map(Number).concat([1]).slice(0, 4)
  const layers = []
  for (let node = shown.parentElement; node; node = node.parentElement) {
    const c = rgba(getComputedStyle(node).backgroundColor)
    if (c[3] > 0) layers.unshift(c)
    if (c[3] === 1) break
  }
  const ground = layers.reduce((under, [r, g, b, a]) => [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a),
    b * a + under[2] * (1 - a)], [255, 255, 255])
  return {control: el.tagName + "." + el.className, style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          ring: rgba(style.outlineColor).slice(0, 3), ground, header: !!el.closest(".md-header")}
}"""


def contrast(a, b) -> float:
    """WCAG 2's contrast ratio of two sRGB colours."""

    def luminance(rgb):
        c = [v / 255 for v in rgb]
        c = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_palette_toggle_switches_by_keyboard_and_keeps_the_keyboard_there(page, server, project):
    page.goto(server + project.first_text.url)
    shown = ".md-option:has(+ label:not([hidden]))"  # the radio whose label shows the toggle
    page.locator(shown).focus()
    for key, scheme in (("Enter", "slate"), ("Space", "default"), ("Space", "slate")):
        page.keyboard.press(key)
        page.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{scheme}'")
        focused = page.evaluate(f"""() => {{ const el = document.activeElement
            return [el.matches("{shown}"), getComputedStyle(el.nextElementSibling).outlineStyle] }}""")
        assert focused == [True, "solid"]


def test_a_printed_text_names_the_edition_on_every_page_with_numbered_paragraphs(page, server, project, tmp_path, text):
    page.goto(server + text.url)
    page.wait_for_function("() => getComputedStyle(document.documentElement).getPropertyValue('--edition-print-url')")
    page.emulate_media(media="print")
    for hidden in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".md-search",
        ".paragraph-cite",
        ".reference-backlinks",
        ".text-header__links",
        ".how-to-cite .cite-bibtex",
    ):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".how-to-cite .cite-gost").is_visible()
    if page.locator("a.citation").count():  # black, once Material's colour transition has run
        page.wait_for_function("() => getComputedStyle(document.querySelector('a.citation')).color === 'rgb(0, 0, 0)'")
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    edition = text.meta["citation"]["title"]
    t = string_table(text.locale)
    identity = t("edition.header.version").split("{")[0].strip()
    for number, printed in enumerate(pages, start=1):
        assert identity in printed and f"{server}{text.url}" in printed, (number, printed[:300])
        assert re.search(rf"\b{number} ?/ ?{len(pages)}\b", printed), printed[-200:]
    lines = "\n".join(pages).splitlines()
    for pid in text.paragraph_ids:
        assert any(line.strip().startswith(pid[2:] + " ") for line in lines), pid
    assert edition.split()[0] in "\n".join(pages)


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_control_of_a_text_shows_a_focus_ring_of_3_to_1_on_what_it_sits_on(
    browser, server, project, scheme, size
):
    """WCAG 2.2, 1.4.11: every keyboard stop of a text page, its paragraphs' links and buttons and the
    header's, until the keyboard comes round again."""
    context = browser.new_context(color_scheme=scheme, **(DESKTOP if size == "desktop" else PHONE))
    page = context.new_page()
    page.goto(server + project.first_text.url)  # every text's controls are the same templates
    faint, seen = [], 0
    for _ in range(400):
        page.keyboard.press("Tab")
        where = page.evaluate("""() => { const el = document.activeElement
          if (el === document.body || el.dataset.editionStop) return ""  // round again
          el.dataset.editionStop = "seen"
          return el.tagName + "#" + el.id + " " + (el.getAttribute("href") || "") }""")
        if not where:
            break
        seen += 1
        ring = page.evaluate(RING)
        ratio = contrast(ring["ring"], ring["ground"])
        if ring["style"] == "none" or ring["width"] < 1 or ratio < 3:
            faint.append((ring["control"], where, ring["style"], round(ratio, 2)))
    context.close()
    assert seen > 10 and faint == [], faint
