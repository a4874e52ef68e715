"""The published-URL lock on small pages: what each URL points to, and where a changed one now stands."""

from scripts.published_urls import citation_line, collect, compare, retext, where

PAGE = """<html lang="kk"><head><title>t</title></head><body><article>
<h1 id="title">Мақала</h1>
<p id="p-1"><a class="paragraph-number" href="#p-1"></a>Бір <a class="citation footnote-ref"
 id="cite-1" href="#ref-source-2">[1, С. 183]</a> және <a class="citation footnote-ref" id="cite-2"
 href="#ref-source-1">[2]</a>.</p>
<ol class="references"><li id="ref-source-2">Мақалада анықтама үшін.</li></ol>
</article></body></html>"""


def test_a_citation_is_recorded_as_the_source_it_cites_and_its_locator(tmp_path):
    (tmp_path / "diplomacy").mkdir()
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "diplomacy/index.html").write_text(PAGE, encoding="utf-8")
    urls = collect(tmp_path)
    assert urls["/diplomacy/#cite-1"] == "[source-2, С. 183]" and urls["/diplomacy/#cite-2"] == "[source-1]"
    assert urls["/diplomacy/#p-1"] == "Бір [1, С. 183] және [2]."
    renumbered = {**urls, "/diplomacy/#cite-1": "[source-1, С. 183]"}
    gone, moved, new = compare(urls, renumbered)
    assert (gone, moved, new) == ([], ["/diplomacy/#cite-1"], [])
    changed, away = retext(urls, {}, moved)
    assert changed == [] and away == ["/diplomacy/#cite-1"]  # a citation that cites another source is never retext


def test_a_moved_paragraph_is_refused_and_a_changed_text_accepted():
    published = {"/d/#p-1": "Бір", "/d/#p-2": "Екі"}
    blocks = {"/d/": [("p-1", "Екі"), ("p-2", "Үш")]}
    # p-2's text now begins p-1: p-2 moved away; p-1's text is nowhere else: it changed
    assert retext(published, blocks, ["/d/#p-1", "/d/#p-2"]) == (["/d/#p-1"], ["/d/#p-2"])


def test_a_changed_url_names_the_markdown_line_where_its_id_stands_now(tmp_path):
    docs = tmp_path / "docs/kk"
    docs.mkdir(parents=True)
    source = "---\ntitle: t\n---\n\nБір [@a, С. 1].\n{ #p-1 }\n\n`[@b]`\n\nЕкі [@c].\n{ #p-2 }\n"
    (docs / "diplomacy.md").write_text(source, encoding="utf-8")
    sources = {"/diplomacy/": docs / "diplomacy.md"}
    assert where("/diplomacy/#p-2", sources, tmp_path / "docs") == "kk/diplomacy.md:11"
    assert where("/diplomacy/#cite-2", sources, tmp_path / "docs") == "kk/diplomacy.md:10, its citation 2"
    assert (
        where("/diplomacy/#p-9", sources, tmp_path / "docs") == "kk/diplomacy.md does not set this id in its Markdown"
    )
    assert where("/gone/", sources, tmp_path / "docs") == "no Markdown page has this address now"
    assert citation_line(source, 3) is None
