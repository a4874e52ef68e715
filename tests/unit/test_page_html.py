"""The one pass that reads page HTML: byte-stable, ancestors known, attributes never text."""

from scholarly_edition import page_html

PAGE = (
    "<!doctype html><html><head><script>if (a < b) {}</script></head><body>"
    '<p id="p-1" title="x &amp; [@a]">Бір &amp; <code>екі</code><br>үш<img src="i.png"></p>'
    '<h2 id="h">Head<a class="headerlink" href="#h">¶</a></h2><p>unclosed <li>item</body></html>'
)


def test_joining_the_tokens_gives_the_page_back_byte_for_byte():
    assert page_html.join(page_html.tokenize(PAGE)) == PAGE
    assert page_html.join(page_html.tokenize("plain text")) == "plain text"


def test_text_tokens_know_their_ancestors_and_attributes_are_never_text():
    tokens = page_html.tokenize(PAGE)
    texts = {t.text: t for t in tokens if t.kind == "text"}
    assert "[@a]" not in "".join(texts)  # the title attribute is not text
    assert texts["екі"].within(page_html.CODE) and not texts["үш"].within(page_html.CODE)
    assert texts["Head"].within(page_html.HEADINGS)
    assert texts["Бір & "].closest("p").id == "p-1" and texts["Бір & "].raw == "Бір &amp; "


def test_elements_their_text_and_ids():
    tokens = page_html.tokenize(PAGE)
    found = dict(page_html.ids(tokens))
    assert list(found) == ["p-1", "h"]
    assert page_html.element_text(tokens, found["p-1"]) == "Бір & екіүш"
    assert tokens[page_html.element_end(tokens, found["h"])].raw == "</h2>"


def test_an_attribute_is_added_to_the_source_of_a_start_tag():
    tokens = page_html.tokenize('<div role="dialog">x</div>')
    page_html.set_attribute(tokens[0], "aria-label", 'Іздеу "q"')
    assert page_html.join(tokens) == '<div role="dialog" aria-label="Іздеу &quot;q&quot;">x</div>'
