"""The built site as a whole: its pages, languages, switcher, assets and interface words."""

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import material
import yaml
from bs4 import BeautifulSoup

from scholarly_edition import TEMPLATES, page_html
from strings_helper import string_table

ASSET_SELECTORS = {
    "script[src]": "src",
    "img[src]": "src",
    "iframe[src]": "src",
    "source[src]": "src",
    "link[rel~=stylesheet]": "href",
    "link[rel~=icon]": "href",
    "link[rel~=preload]": "href",
    "link[rel~=modulepreload]": "href",
    "link[rel~=manifest]": "href",
    "link[rel~=preconnect]": "href",
}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def resolves(site: Path, base: str, href: str) -> bool:
    """Does a relative link from the page at `base` reach a built file?"""
    target = urlsplit(urljoin(base, href)).path.lstrip("/")
    path = site / target
    return (path / "index.html").is_file() if not target or target.endswith("/") else path.is_file()


def test_every_markdown_page_is_built_and_each_language_has_its_404(site, project):
    for url in project.pages.values():
        assert (site / url / "index.html").is_file(), url
    for locale in project.locales:
        prefix = "" if locale == project.default else f"{locale}/"
        assert soup(site / prefix / "404.html").html["lang"] == locale


def test_every_page_has_the_html_lang_of_its_language(site, project):
    for src, url in project.pages.items():
        assert soup(site / url / "index.html").html["lang"] == src.split("/")[0], url


def test_every_page_reads_back_byte_for_byte_through_the_edition_html_pass(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert page_html.join(page_html.tokenize(html)) == html, path


def test_the_switcher_leads_to_the_counterpart_or_to_the_other_home_and_its_note(site, project):
    for src, url in project.pages.items():
        here = src.split("/")[0]
        counterparts = {
            other: project.url(f"{other}/{src.split('/', 1)[1]}")
            for other in project.locales
            if f"{other}/{src.split('/', 1)[1]}" in project.pages
        }
        links = {a["hreflang"]: a["href"] for a in soup(site / url / "index.html").select("a.md-select__link")}
        assert set(links) == set(project.locales), url
        for locale, href in links.items():
            assert not href.startswith("/"), f"{url}: {href} breaks below a sub-path"
            target = urlsplit(urljoin("/" + url, href))
            if locale in counterparts:
                assert target.path == "/" + counterparts[locale] and not target.fragment, (url, href)
            else:
                home = "" if locale == project.default else f"{locale}/"
                assert (target.path, target.fragment) == ("/" + home, f"only-{here}"), (url, href)
                note = soup(site / home / "index.html").select_one(f"#only-{here}")
                t, name = (
                    string_table(locale),
                    next(lang["name"] for lang in project.languages if lang["locale"] == here),
                )
                assert note.get_text(strip=True) == (
                    t(f"edition.only.{here}") or t("edition.only").replace("{language}", name)
                )
            assert resolves(site, "/" + url, href), f"{url}: {href}"


def only_note(project, locale: str, here: str) -> str:
    """The note, in locale's words, that a text exists only in `here`: its own sentence, else the
    general one naming the language as the configuration names it."""
    t, name = string_table(locale), next(lang["name"] for lang in project.languages if lang["locale"] == here)
    return t(f"edition.only.{here}") or t("edition.only").replace("{language}", name)


def test_the_current_language_is_marked_in_the_switcher(site, project):
    for src, url in project.pages.items():
        current = soup(site / url / "index.html").select('a.md-select__link[aria-current="true"]')
        assert [a["hreflang"] for a in current] == [src.split("/")[0]], url


def test_cross_language_links_in_the_text_resolve(site, project):
    for url in project.pages.values():
        for a in soup(site / url / "index.html").select("article a[hreflang]"):
            assert resolves(site, "/" + url, a["href"]), f"{url}: {a['href']}"


def test_no_asset_comes_from_another_host(site):
    for path in site.rglob("*.html"):
        document = soup(path)
        for selector, attribute in ASSET_SELECTORS.items():
            for node in document.select(selector):
                assert not urlsplit(node[attribute]).netloc, f"{path}: {node}"
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//|fonts\.googleapis", text), css


def _translation_keys(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^\s*"([\w.-]+)": "(.*)",?$', path.read_text(encoding="utf-8"), re.MULTILINE))


def test_a_language_material_does_not_translate_has_all_of_materials_keys(project):
    english = _translation_keys(Path(material.__file__).parent / "templates/partials/languages/en.html")
    for locale in project.locales:
        ours = TEMPLATES / f"partials/languages/{locale}.html"
        if (Path(material.__file__).parent / f"templates/partials/languages/{locale}.html").exists():
            continue
        table = _translation_keys(ours)
        assert {key for key in table if not key.startswith("edition.")} == english.keys(), locale
        untranslated = {key for key in english if table[key] == english[key]}
        assert untranslated <= {"direction", "search.config.pipeline", "search.config.separator"}, locale


def test_the_interface_speaks_the_pages_language(site, project):
    for src, url in project.pages.items():
        field = soup(site / url / "index.html").select_one("input.md-search__input")
        assert field["placeholder"] == string_table(src.split("/")[0])("search.placeholder"), url


def test_headings_have_readable_ascii_ids(site, project):
    for url in project.pages.values():
        for heading in soup(site / url / "index.html").select("article :is(h1, h2, h3)[id]"):
            assert re.fullmatch(r"[a-z][a-z0-9-]*", heading["id"]), f"{url}#{heading['id']}"


def test_each_about_page_links_the_source_and_the_record_a_reader_can_download(site, project):
    """What the about pages cite, published as it is in the repository (edition-record.yml names the source)."""
    record = yaml.safe_load((project.root / "edition-record.yml").read_text(encoding="utf-8"))
    files = {"edition-record.yml": project.root / "edition-record.yml"}
    if (record.get("source") or {}).get("file"):
        files[Path(record["source"]["file"]).name] = project.root / record["source"]["file"]
    for src, url in project.pages.items():  # each about page with the marker (a new edition's have it)
        if not src.endswith("/about.md") or "<!-- record: files -->" not in (project.root / "docs" / src).read_text(
            encoding="utf-8"
        ):
            continue
        page = BeautifulSoup((site / url.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")
        links = {urlsplit(a["href"]).path.rsplit("/", 1)[-1]: a["href"] for a in page.select("article a[href]")}
        for name, path in files.items():
            assert name in links, f"{src} does not link {name}"
            published = site / urljoin(url.lstrip("/"), links[name])
            assert published.read_bytes() == path.read_bytes(), name
