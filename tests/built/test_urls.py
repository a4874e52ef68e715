"""Published URLs keep pointing where they did (published-urls.txt), and search
has one index per language with the edition's tuning."""

import json
import re

import pytest

from scholarly_edition.search import search_language
from scripts.published_urls import collect, compare, read_list


def test_the_published_url_lock_matches_the_site(site, project):
    """Once the lock holds a URL (the edition is published: README, "Publish it"), every URL is recorded;
    before, a new edition's URLs may still change."""
    published = read_list(project.root / "published-urls.txt")
    gone, moved, new = compare(published, collect(site))
    assert gone == [], "published URLs that no longer exist: restore them"
    assert moved == [], "published URLs that now point elsewhere: restore them, or `make urls-retext` for new text"
    assert new == [] or not published, "unrecorded URLs: run `make urls` to record them"


@pytest.mark.editions(where=lambda project: read_list(project.root / "published-urls.txt"))
def test_every_heading_and_paragraph_id_is_in_the_lock(site, project):
    published = read_list(project.root / "published-urls.txt")
    for text in project.texts:
        for pid in text.paragraph_ids:
            assert f"/{text.url}#{pid}" in published


def _index(site, locale, project):
    prefix = "" if locale == project.default else f"{locale}/"
    return json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))


def test_each_language_has_its_own_index_tuned_for_it(site, project):
    for locale in project.locales:
        index = _index(site, locale, project)
        assert index["config"]["lang"] == [search_language(locale)] and index["config"]["pipeline"] == ["trimmer"]
        locations = {doc["location"] for doc in index["docs"]}
        own = {
            url.removeprefix("" if locale == project.default else f"{locale}/")
            for src, url in project.pages.items()
            if src.startswith(locale + "/")
        }
        assert own <= locations and all(doc["location"].split("#")[0] in own for doc in index["docs"])


def test_a_texts_page_entry_is_its_description_and_its_reference_notes_rank_last(site, project):
    for text in project.texts:
        docs = _index(site, text.locale, project)["docs"]
        url = text.url.removeprefix("" if text.locale == project.default else f"{text.locale}/")
        page = next(doc for doc in docs if doc["location"] == url)
        assert page["text"].startswith(f"<p>{text.meta['description']}</p>")
        boosted = [doc["location"] for doc in docs if doc.get("boost", 1) < 1 and doc["location"].startswith(url + "#")]
        assert boosted == ([f"{url}#{text.reference_section}"] if text.cited_keys else [])


def test_each_languages_lunr_plugin_carries_the_stem_search_once(site, project):
    for locale in project.locales:
        language = search_language(locale)  # English: lunr's core as a plugin, lunr.en_core
        text = (site / f"assets/javascripts/lunr/min/lunr.{language}.min.js").read_text(encoding="utf-8")
        assert len(re.findall(rf'editionSearch\(self\.lunr, ?"{language}"\)', text)) == 1  # minified or not
        assert text.count("function editionSearch(") == 1
