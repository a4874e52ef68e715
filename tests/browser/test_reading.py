"""Reading a text in Chromium, at desktop size with a mouse and keyboard and
at phone size by touch: citations, their references, paragraphs, citing a
paragraph, and what a citation manager reads from the live page."""

import json
from datetime import date

import pytest
from playwright.sync_api import expect

from conftest import DESKTOP, PHONE
from strings_helper import string_table

BOX = "el => { const r = el.getBoundingClientRect(); return [r.width, r.height] }"


def cites(text) -> bool:
    """The text cites sources."""
    return bool(text.cited_keys)


def wait_for_material(page):
    page.wait_for_function("() => typeof window.component$ !== 'undefined'")


def test_every_control_in_the_texts_is_at_least_24_px(browser, server, project):
    for size in (DESKTOP, PHONE):
        context = browser.new_context(**size)
        page = context.new_page()
        for text in project.texts:
            page.goto(server + text.url)
            wait_for_material(page)
            small = page.evaluate("""() => [...document.querySelectorAll(
                    "article a.citation, article .paragraph-number, article button, .reference-backlinks a, "
                    + ".text-header a")]
                .map(el => [el.className || el.tagName, el.getBoundingClientRect()])
                .filter(([, r]) => r.width && (r.width < 24 || r.height < 24))
                .map(([name, r]) => `${name} ${Math.round(r.width)}×${Math.round(r.height)}`)""")
            assert small == [], (size, text.url, small)
        context.close()


@pytest.mark.every_edition
@pytest.mark.texts(where=cites)
def test_a_citation_shows_its_reference_on_hover_and_focus_and_jumps_and_comes_back(page, server, project, text):
    page.goto(server + text.url)
    wait_for_material(page)
    citation = page.locator("article a.citation").first
    key = text.cited_keys[0]
    reference = page.locator(f"#ref-{key} .reference-text").inner_text()
    tooltip = page.locator(".md-tooltip2--active", has_text=reference[:40])
    citation.hover()
    tooltip.wait_for(state="visible")
    page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden")
    citation.focus()
    tooltip.wait_for(state="visible")
    citation.click()
    page.wait_for_url(f"{server}{text.url}#ref-{key}")
    entry = page.locator(f"#ref-{key}")
    expect(entry).to_be_in_viewport()
    header = page.locator(".md-header").bounding_box()
    assert entry.bounding_box()["y"] >= header["y"] + header["height"]  # clear of the sticky header
    assert entry.evaluate("li => getComputedStyle(li).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    back = entry.locator(".reference-backlinks a").first
    assert back.get_attribute("aria-label") == string_table(text.locale)("edition.reference.back").replace("#", "1")
    back.click()
    page.wait_for_url(f"{server}{text.url}#cite-1")
    landed = page.locator("#cite-1")
    expect(landed).to_be_in_viewport()
    assert not landed.evaluate("a => a === document.activeElement")  # focus would open its tooltip
    expect(page.locator(".md-tooltip2--active")).to_have_count(0)  # nothing covers the text
    assert landed.evaluate("a => getComputedStyle(a).animationName") == "edition-returned"  # marked a moment
    assert landed.bounding_box()["y"] > header["y"] + header["height"] + 2 * landed.bounding_box()["height"]


@pytest.mark.texts(where=cites)
def test_a_tap_on_a_citation_shows_its_reference_and_a_way_on_to_the_list(phone, server, project, text):
    phone.goto(server + text.url)
    wait_for_material(phone)
    key = text.cited_keys[0]
    citation = phone.locator("article a.citation").first
    citation.scroll_into_view_if_needed()
    citation.tap()
    popover = phone.locator("#citation-popover")
    expect(popover).to_be_visible()
    reference = phone.locator(f"#ref-{key} .reference-text").text_content()
    assert popover.locator(".reference-text").text_content() == reference
    assert phone.url == server + text.url  # no jump yet
    expect(phone.locator(".md-tooltip2").filter(visible=True)).to_have_count(0)  # the popover alone
    onward = popover.locator("a.citation-popover__onward")
    assert onward.inner_text() == string_table(text.locale)("edition.reference.open")
    onward.tap()
    phone.wait_for_url(f"{server}{text.url}#ref-{key}")
    expect(popover).to_be_hidden()
    expect(phone.locator(f"#ref-{key}")).to_be_in_viewport()


@pytest.mark.texts(where=cites)
def test_a_citation_never_breaks_inside(phone, server, project, text):
    phone.goto(server + text.url)
    heights = phone.locator("article a.citation").evaluate_all("links => links.map(a => a.getClientRects().length)")
    assert heights and set(heights) == {1}


def test_a_paragraph_url_opens_below_the_header_and_marked(page, server, project, text):
    pid = text.paragraph_ids[-1]
    page.goto(f"{server}{text.url}#{pid}")
    page.wait_for_function(  # until the scroll to the fragment has come to rest
        """() => new Promise(done => { const y = scrollY;
             requestAnimationFrame(() => requestAnimationFrame(() => done(scrollY === y))) })"""
    )
    header = page.locator(".md-header").bounding_box()
    box = page.locator(f"#{pid}").bounding_box()
    assert header["y"] + header["height"] <= box["y"] < 800
    assert page.locator(f"#{pid}").evaluate("p => getComputedStyle(p).backgroundColor") not in (
        "rgba(0, 0, 0, 0)",
        "transparent",
    )


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_paragraph_numbers_show_at_rest_and_name_the_locator(browser, server, project, size):
    text = project.first_text
    context = browser.new_context(**(DESKTOP if size == "desktop" else PHONE))
    page = context.new_page()
    page.goto(server + text.url)
    t = string_table(text.locale)
    for pid in text.paragraph_ids[:3]:
        number = page.locator(f"#{pid} a.paragraph-number")
        expect(number).to_be_visible()
        shown = number.evaluate("a => getComputedStyle(a, '::before').content")
        assert shown == json.dumps(pid[2:])
        assert number.get_attribute("aria-label") == t("edition.cite.paragraph").replace("#", pid[2:])
        paragraph, mark = page.locator(f"#{pid}").bounding_box(), number.bounding_box()
        if size == "desktop":  # in the margin
            assert mark["x"] + mark["width"] <= paragraph["x"]
        else:  # at the paragraph's start
            assert paragraph["x"] <= mark["x"] < paragraph["x"] + 24 and abs(mark["y"] - paragraph["y"]) < 24
    context.close()


def test_a_paragraph_number_copies_the_paragraphs_url(browser, server, project):
    text = project.first_text
    pid = text.paragraph_ids[len(text.paragraph_ids) // 2]
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], **DESKTOP)
    page = context.new_page()
    page.goto(server + text.url)
    page.locator(f"#{pid} a.paragraph-number").click()
    page.wait_for_url(f"{server}{text.url}#{pid}")
    page.locator(f"#{pid} .copy-status").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}{text.url}#{pid}"
    context.close()


@pytest.mark.every_edition
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_paragraph_is_cited_from_a_captioned_closable_panel(browser, server, project, size):
    text = project.first_text
    pid, t = text.paragraph_ids[-1], string_table(text.locale)
    context = browser.new_context(
        permissions=["clipboard-read", "clipboard-write"], **(DESKTOP if size == "desktop" else PHONE)
    )
    page = context.new_page()
    page.goto(server + text.url)
    wait_for_material(page)
    button = page.locator(f"#{pid} button.paragraph-cite")
    if size == "phone":  # visible without hover
        assert float(button.evaluate("b => getComputedStyle(b).opacity")) > 0.3
        button.tap()
    else:
        page.locator(f"#{pid}").hover()
        button.click()
    panel = page.locator(f"#cite-{pid}")
    expect(panel).to_be_visible()
    assert button.get_attribute("aria-expanded") == "true"
    assert [c.strip() for c in panel.locator(".cite-caption").all_inner_texts()] == [
        t("edition.panel.gost"),
        t("edition.panel.bibtex"),
    ]
    gost = panel.locator(".cite-gost").inner_text()
    locator = t("edition.cite.paragraph").replace("#", pid[2:])
    assert f"– {locator}. – URL: {server}{text.url}#{pid} (" in gost
    assert f"{date.today():%d.%m.%Y})." in gost  # the access date, after the URL (then any note)
    bibtex = panel.locator("pre.cite-bibtex")
    assert bibtex.get_attribute("tabindex") == "0"
    assert bibtex.evaluate("pre => pre.scrollWidth <= pre.clientWidth")  # wrapped: no sideways scrolling
    code = bibtex.inner_text()
    assert code.startswith(f"@online{{{text.meta['citation']['bibtex_key']}-{pid},")
    assert f"urldate = {{{date.today():%Y-%m-%d}}}" in code
    box, height = panel.bounding_box(), page.viewport_size["height"]
    assert (box["y"] >= 0 and box["y"] + box["height"] <= height + 1) or box["y"] < height / 3, box  # in view
    panel.locator(".md-clipboard").first.click()
    page.wait_for_function("async text => (await navigator.clipboard.readText()) === text", arg=gost)
    copied = panel.locator(".cite-block").first.locator(".copy-status")  # said beside the button pressed
    expect(copied).to_have_text(string_table(text.locale)("edition.paragraph.copied"))
    page.keyboard.press("Escape")
    expect(panel).to_have_count(0)
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    page.locator(f"#cite-{pid} .paragraph-citation__close").click()
    expect(page.locator(f"#cite-{pid}")).to_have_count(0)
    context.close()


# The order in which Zotero's "Embedded Metadata" translator takes an item's URL.
ZOTERO_URL = """() => {
  const meta = name => (document.querySelector(`meta[name="${name}"], meta[property="${name}"]`) || {}).content
  return meta("citation_public_url") || meta("og:url") || meta("citation_abstract_html_url")
    || meta("citation_fulltext_html_url") || (document.querySelector('head > link[rel="canonical"]') || {}).href
    || location.href
}"""


def test_the_saved_url_follows_the_paragraph_and_the_canonical_link_does_not(page, server, project):
    text = project.first_text
    first, last = text.paragraph_ids[0], text.paragraph_ids[-1]
    page.goto(f"{server}{text.url}#{last}")
    page.wait_for_function(f"() => ({ZOTERO_URL})() === {json.dumps(f'{server}{text.url}#{last}')}")
    page.locator(f"#{first} a.paragraph-number").click()
    page.wait_for_function(f"() => ({ZOTERO_URL})() === {json.dumps(f'{server}{text.url}#{first}')}")
    assert page.locator('link[rel="canonical"]').get_attribute("href") == server + text.url


def test_how_to_cite_has_todays_access_date_and_copy_buttons(page, server, project, text):
    page.goto(server + text.url)
    block = page.locator("section.how-to-cite")
    block.locator(".access-date").first.wait_for()
    gost = block.locator(".cite-gost").inner_text()
    citation = text.meta["citation"]
    title = f"[{citation['title']}]" if citation.get("title_supplied") else citation["title"]  # GOST: the editors'
    assert gost.startswith(title) or gost.startswith(text.authors[0]["family"] if text.authors else "-")
    assert f"{date.today():%d.%m.%Y})." in gost  # the access date, after the URL (then any note)
    assert block.locator(".md-clipboard, .md-code__button").count() == 2


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_texts_title_is_legible_and_its_lines_short(browser, server, project, text, scheme, size):
    """The title at weight 400 or more and 7:1 on the page, in the source's letters (no CSS case);
    on a desktop no line of the text longer than 75 characters."""
    from test_quality import contrast

    context = browser.new_context(color_scheme=scheme, **(DESKTOP if size == "desktop" else PHONE))
    page = context.new_page()
    page.goto(server + text.url)
    title = page.evaluate("""() => {
      const h1 = document.querySelector("article h1"), style = getComputedStyle(h1)
      const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number)
      return {weight: +style.fontWeight, transform: style.textTransform, colour: rgb(style.color),
              ground: rgb(getComputedStyle(document.body).backgroundColor)}
    }""")
    assert title["weight"] >= 400 and title["transform"] == "none", title
    assert contrast(title["colour"], title["ground"]) >= 7, title
    if size == "desktop":  # characters per line: a paragraph's width over its letters' mean width
        longest = page.evaluate("""() => Math.max(...[...document.querySelectorAll("article p[id^='p-']")].map(p => {
          const style = getComputedStyle(p), canvas = document.createElement("canvas").getContext("2d")
          canvas.font = `${style.fontSize} ${style.fontFamily}`
          const text = p.textContent.trim()
          return p.getBoundingClientRect().width / (canvas.measureText(text).width / text.length)
        }))""")
        assert longest <= 75, longest
    context.close()


def test_the_citation_popover_has_an_edge_in_the_dark_palette(browser, server, project):
    context = browser.new_context(color_scheme="dark", **PHONE)
    page = context.new_page()
    page.goto(server + project.first_text.url)
    edge = page.evaluate("""() => { const p = document.getElementById("citation-popover"), s = getComputedStyle(p)
      const ground = getComputedStyle(document.body).backgroundColor
      return {width: parseFloat(s.borderTopWidth), colour: s.borderTopColor, ground} }""")
    assert edge["width"] >= 1 and edge["colour"] != edge["ground"], edge
    context.close()


@pytest.mark.every_edition
def test_on_a_phone_the_first_screen_reaches_the_text_and_the_details_are_a_tap_away(browser, server, text):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + text.url)
    first = page.locator(f"#{text.paragraph_ids[0]}")
    expect(page.locator(".text-header__edition")).to_be_hidden()
    assert first.bounding_box()["y"] < page.viewport_size["height"], "the text starts below the first screen"
    page.locator(".text-header__details > summary").tap()
    expect(page.locator(".text-header__edition")).to_be_visible()
    context.close()
    context = browser.new_context(**DESKTOP)  # a wider screen shows every detail at once
    page = context.new_page()
    page.goto(server + text.url)
    expect(page.locator(".text-header__edition")).to_be_visible()
    expect(page.locator(".text-header__details > summary")).to_be_hidden()
    context.close()


@pytest.mark.every_edition
def test_on_a_phone_the_header_names_the_section_being_read_and_the_menu_opens_on_the_contents(browser, server, text):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + text.url)
    topic = page.locator(".md-header__topic[data-md-component=header-topic] .md-ellipsis")
    own = [
        h
        for h in page.locator("article h2[id]").all()
        if h.get_attribute("id") not in (text.reference_section, "how-to-cite")
    ]
    # A section the page can scroll to the top of the screen: one with a screenful below it.
    room = "h => document.scrollingElement.scrollHeight - (h.getBoundingClientRect().top + scrollY) > innerHeight"
    own = [h for h in own if h.evaluate(room)] or own[:1]
    if own:
        heading = own[len(own) // 2]
        heading.evaluate("""h => scrollTo({behavior: "instant", top: h.getBoundingClientRect().top + scrollY
          - document.querySelector(".md-header").getBoundingClientRect().bottom + 4})""")  # just under the header
        expect(topic).to_have_text(heading.evaluate("h => h.textContent.replace(/¶$/, '').trim()"))
    else:  # a text without sections of its own: its title, once its heading has scrolled away
        page.locator(f"#{text.paragraph_ids[-1]}").evaluate(
            """p => scrollTo({behavior: "instant", top: p.getBoundingClientRect().top + scrollY
              - document.querySelector(".md-header").getBoundingClientRect().bottom})"""
        )  # its last paragraph at the top: above the edition's headings (references, how to cite)
        expect(topic).to_have_text(text.meta["title"])
        context.close()
        return  # and no table of contents
    page.locator("label.md-header__button[for=__drawer]").tap()  # one tap
    entry = page.locator(f".md-nav--secondary a[href='#{heading.get_attribute('id')}']").first
    expect(entry).to_be_visible()
    expect(entry).to_be_in_viewport()
    context.close()
