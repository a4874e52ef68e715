"""Text an editor writes outside Markdown becomes HTML once; contexts that are not HTML get it back as text."""

from markupsafe import Markup
from mkdocs.structure.nav import Navigation, Section

from scholarly_edition.bibtex_text import bibtex_escape, bibtex_url, protect_capitals
from scholarly_edition.escaping import escape_meta, escape_nav, plain

HOSTILE = 'A "q" <b>&amp;</b>'


def test_a_nav_label_and_a_title_are_escaped_once_and_given_back_as_text():
    nav = Navigation([Section(HOSTILE, [])], [])
    escape_nav(nav)
    escape_nav(nav)  # idempotent: a Markup value is not escaped again
    assert str(nav.items[0].title) == "A &#34;q&#34; &lt;b&gt;&amp;amp;&lt;/b&gt;"
    meta = {"title": HOSTILE}
    escape_meta(meta)
    assert isinstance(meta["title"], Markup) and plain(meta["title"]) == HOSTILE


def test_bibtex_values_are_escaped_for_bibtex():
    assert bibtex_escape(Markup("a &amp; b")) == r"a \& b"
    assert bibtex_escape("50% {x} #1 _y_") == r"50\% \{x\} \#1 \_y\_"
    assert bibtex_url("https://e.org/a b{c}") == "https://e.org/a%20b%7Bc%7D"
    assert protect_capitals("Фейсбук және Твиттер") == "{Фейсбук} және {Твиттер}"
