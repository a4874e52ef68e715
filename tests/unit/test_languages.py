"""Links across languages, the switcher, hreflang and the per-folder sitemaps, on plain strings."""

import pytest
from mkdocs.exceptions import PluginError

from scholarly_edition.alternates import hreflang_links, switcher_link, write_sitemaps
from scholarly_edition.language_links import check_anchors, mark_language_links, resolve_language_links
from scholarly_edition.page_html import rewrite
from scholarly_edition.state import CrossLink

PAGES = {"kk/index.md", "kk/diplomacy.md", "ru/transport.md"}


def test_a_link_into_the_other_language_is_marked_and_its_anchor_kept_with_its_line():
    marked, anchored = mark_language_links(
        "x\n[a](../ru/transport.md#p-1) [b](diplomacy.md)", "kk/index.md", ["kk", "ru"], PAGES, offset=4
    )
    assert marked == "x\n[a](i18n-page:ru/transport.md#p-1) [b](diplomacy.md)"
    assert anchored == [CrossLink("kk/index.md", 6, "ru/transport.md", "p-1")]


def test_a_link_to_a_missing_page_fails_at_its_line():
    with pytest.raises(PluginError, match=r"^kk/index\.md:3: link '\.\./ru/missing\.md' points to ru/missing\.md"):
        mark_language_links("\n\n[a](../ru/missing.md)", "kk/index.md", ["kk", "ru"], PAGES)


def test_a_link_to_a_missing_anchor_fails_at_its_line():
    ids = {"ru/transport.md": {"p-1"}}
    check_anchors([CrossLink("kk/index.md", 6, "ru/transport.md", "p-1")], ids)
    with pytest.raises(PluginError, match=r"^kk/index\.md:7: link to ru/transport\.md#p-2: there is no id 'p-2'"):
        check_anchors([CrossLink("kk/index.md", 7, "ru/transport.md", "p-2")], ids)


def test_marked_links_resolve_relative_to_each_page():
    html = '<a href="i18n-page:ru/transport.md#p-1">a</a> <a href="i18n-page:kk/index.md">b</a>'
    assert (
        rewrite(html, resolve_language_links, "about/", "kk")
        == '<a href="../ru/transport/#p-1">a</a> <a href="../">b</a>'
    )
    assert rewrite(html, resolve_language_links, "about.html", "kk", False) == (
        '<a href="ru/transport.html#p-1">a</a> <a href="index.html">b</a>'
    )


def test_the_switcher_leads_to_the_counterpart_or_the_other_home_with_a_note():
    versions = {"kk": "about/", "ru": "ru/about/"}
    assert [switcher_link(lang, "kk", versions, "kk") for lang in ("kk", "ru")] == ["about/", "ru/about/"]
    assert switcher_link("ru", "kk", {"kk": "diplomacy/"}, "kk") == "ru/#only-kk"
    assert switcher_link("kk", "ru", {"ru": "ru/transport/"}, "kk") == "./#only-ru"
    assert switcher_link("kk", "ru", {}, "kk", use_directory_urls=False) == "index.html#only-ru"


def test_hreflang_links_are_absolute_with_x_default_and_only_for_translated_pages():
    site_url = "https://example.github.io/edition/"
    assert hreflang_links({"kk": "about/", "ru": "ru/about/"}, "kk", site_url) == [
        ("kk", site_url + "about/"),
        ("ru", site_url + "ru/about/"),
        ("x-default", site_url + "about/"),
    ]
    assert hreflang_links({"kk": "diplomacy/"}, "kk", site_url) == []


def test_each_folders_sitemap_lists_only_the_urls_below_it(tmp_path):
    site_url = "https://example.org/e/"
    urls = ["", "about/", "diplomacy/", "ru/", "ru/about/", "ru/transport/"]
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{site_url}{url}</loc></url>" for url in urls)
        + "</urlset>",
        encoding="utf-8",
    )
    for folder in ("about", "ru", "ru/about"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    write_sitemaps(tmp_path, site_url, {"", "about/", "ru/", "ru/about/"})
    import re

    listed = {
        folder: re.findall(r"<loc>([^<]+)</loc>", (tmp_path / folder / "sitemap.xml").read_text(encoding="utf-8"))
        for folder in ("about", "ru", "ru/about")
    }
    assert listed == {
        "about": [site_url + "about/"],
        "ru": [site_url + u for u in ("ru/", "ru/about/", "ru/transport/")],
        "ru/about": [site_url + "ru/about/"],
    }
