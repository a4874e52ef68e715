"""exports.py on a page's content as strings: what the editions' texts do not hold yet
(footnotes, tables, code, nested sections, loose and tight lists, an inline editorial
mark, a known reference with a DOI), valid against the schemas and reading as the page."""

import datetime
from pathlib import Path

import pytest
from lxml import etree

from schemas_helper import problems
from scholarly_edition import exports
from scholarly_edition.bibliography import parse
from scholarly_edition.edition_record import Record, tokens
from scholarly_edition.identity import Edition
from scripts.check_fidelity import page_tokens
from strings_helper import string_table

CONTENT = """<p class="udc">UDC 1</p>
<h1 id="title">A Title &amp; More<a class="headerlink" href="#title">¶</a></h1>
<div class="byline">
<p class="author">Jane Smith</p>
<p class="email"><a href="mailto:j@example.org">j@example.org</a></p>
</div>
<div class="text-header" data-search-exclude=""><p>The edition's header</p></div>
<p id="p-1"><a class="paragraph-number" href="#p-1"></a>First <em>words</em> &lt;b&gt; and <code>x&lt;y</code>, \
cited <a class="citation footnote-ref" id="cite-1" href="#ref-nye">[1, p. 5]</a>.\
<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>\
<button class="paragraph-cite" type="button"></button></p>
<h2 id="one">One<a class="headerlink" href="#one">¶</a></h2>
<div class="admonition note">
<p class="admonition-title">From the editors</p>
<p>An editors' note.</p>
</div>
<p id="p-2">A <span class="emendation" data-note="source: “wrod”" title="source: “wrod”">word</span> mended, \
<span class="editorial">[sic]</span> kept, <strong>bold</strong> H<sub>2</sub>O.</p>
<h3 id="one-a">Part<a class="headerlink" href="#one-a">¶</a></h3>
<blockquote>
<p id="p-3">Quoted.</p>
</blockquote>
<ul>
<li>
<p id="p-4">A loose item.</p>
</li>
</ul>
<ol>
<li>A tight item.</li>
</ol>
<table>
<tr><th>Head</th></tr>
<tr><td>Cell</td></tr>
</table>
<h2 id="references">Sources<a class="headerlink" href="#references">¶</a></h2>
<ol class="references">
<li id="ref-nye" value="1"><span class="reference-text">Nye J. S. Soft Power.</span></li>
</ol>
<div class="footnote">
<hr>
<ol>
<li id="fn:1">
<p>A footnote.&#160;<a class="footnote-backref" href="#fnref:1">↩</a></p>
</li>
</ol>
</div>
"""
BIB = """@article{nye,
  author  = {Nye, Joseph S.},
  title   = {Soft Power},
  journal = {Foreign Policy},
  year    = {1990},
  number  = {80},
  pages   = {153--171},
  doi     = {10.2307/1148580},
  langid  = {english}
}
"""
DAY = datetime.date(2026, 1, 2)


def text(content: str = CONTENT) -> exports.Text:
    change = {"kind": "emendation", "page": "en/text.md", "paragraph": "p-2", "source": "wrod", "text": "word",
              "reason": {"en": "A typo."}}  # fmt: skip
    record = Record(Path("edition-record.yml"), "1.0.0", DAY, [{"version": "1.0.0", "date": DAY,
                    "changes": {"en": "First."}}], {}, [change], [], {})  # fmt: skip
    return exports.Text(
        locale="en", language="English", src="en/text.md", content=content, url="https://example.org/text/",
        citation={"title": "A title & more", "bibtex_key": "a-text", "authors": [
            {"family": "Smith", "given": "Jane", "initials": "J.", "orcid": "0000-0002-1825-0097"}]},
        edition=Edition("An <edition>", "1.0.0", DAY, "2 January 2026"), record=record,
        references=parse(BIB), t=string_table("en"),
    )  # fmt: skip


@pytest.mark.parametrize("kind", ["tei", "jats"])
def test_a_page_with_every_kind_of_block_exports_valid_xml_that_reads_as_the_page(kind):
    xml = getattr(exports, kind)(text())
    assert problems(xml, kind) == []
    assert tokens(exports.text_of(xml, kind)) == page_tokens(f"<article>{CONTENT}</article>")


def test_the_tei_marks_each_part_as_tei_does():
    root = etree.fromstring(exports.tei(text()))
    ns = {"t": exports.TEI_NS}
    assert root.find(".//t:choice/t:sic", ns).text == "wrod" and root.find(".//t:choice/t:corr", ns).text == "word"
    note = root.find(".//t:note[@place='foot']", ns)
    assert "".join(note.itertext()) == "A footnote." and note.get("n") == "1"
    assert root.find(".//t:note[@type='editorial']/t:label", ns).text == "From the editors"
    assert [d.get(f"{{{exports.XML_NS}}}id") for d in root.iter(f"{{{exports.TEI_NS}}}div")][:2] == ["one", "one-a"]
    assert root.find(".//t:ref[@type='citation']", ns).get("target") == "#ref-nye"
    struct = root.find(".//t:listBibl/t:biblStruct", ns)
    assert struct.get(f"{{{exports.XML_NS}}}id") == "ref-nye"
    assert struct.findtext("t:analytic/t:idno[@type='DOI']", namespaces=ns) == "10.2307/1148580"
    assert struct.findtext("t:monogr/t:imprint/t:biblScope[@unit='page']", namespaces=ns) == "153–171"
    assert root.find(".//t:code", ns).text == "x<y"
    assert root.find(".//t:editionStmt/t:edition/t:title", ns).text == "An <edition>"


def test_the_jats_marks_each_part_as_jats_does():
    root = etree.fromstring(exports.jats(text()))
    assert root.findtext(".//xref[@ref-type='bibr']") == "[1, p. 5]"
    assert root.find(".//xref[@ref-type='bibr']").get("rid") == "ref-nye"
    assert root.findtext("back/fn-group/fn[@id='fn-1']/p") == "A footnote."
    assert root.findtext("back/fn-group/fn[@specific-use='emendation']/p") == "source: “wrod”"
    assert root.findtext(".//named-content[@content-type='emendation']") == "word"
    assert root.findtext("back/ref-list/ref/element-citation/pub-id[@pub-id-type='doi']") == "10.2307/1148580"
    assert root.findtext("back/ref-list/ref/element-citation/fpage") == "153"
    assert root.find("front/article-meta/contrib-group/contrib/contrib-id").text.endswith("0000-0002-1825-0097")
    assert [s.get("id") for s in root.iter("sec")] == ["one", "one-a"]
    assert root.findtext(".//boxed-text/caption/title") == "From the editors"


@pytest.mark.parametrize("kind", ["tei", "jats"])
def test_an_invalid_export_fails_naming_the_element(kind):
    xml = getattr(exports, kind)(text())
    broken = xml.replace(b"</body>", b"<body/></body>", 1)  # a body inside the body
    found = problems(broken, kind, f"text.{kind}.xml")
    assert found and all(line.startswith(f"text.{kind}.xml:") for line in found)
    assert any("body" in line for line in found), found


@pytest.mark.parametrize("kind", ["tei", "jats"])
def test_the_same_text_gives_the_same_bytes(kind):
    assert getattr(exports, kind)(text()) == getattr(exports, kind)(text())
