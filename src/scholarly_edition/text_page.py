"""What a page gets beyond its Markdown, wired from the build's state: its
citations rendered and its emendations marked; on a text page
(`citable: true`) its paragraphs checked and numbered and the block under its
byline; and beside a text, its .bib, .ris and .pdf files, and its TEI and JATS.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from . import (
    PDF,
    alternates,
    citations,
    downloads,
    edition_record,
    escaping,
    exports,
    identity,
    language_links,
    page_html,
    paragraphs,
    pdf,
    published,
    strings,
    typography,
)
from .language_links import page_url
from .languages import default_locale
from .offline import is_offline

OFFLINE_ZIP = "edition-offline.zip"  # make build puts the offline copy at the site's root


def is_text(page) -> bool:
    return bool(page.meta.get("citable"))


def content(html: str, page, config, state) -> str:
    """A page's content after Markdown, read once: its citations and emendations;
    links to other languages; on a text page, its paragraphs checked and numbered
    and the block under its byline; no-break spaces in its text."""
    t = state.words(config.theme["language"])
    tokens = page_html.tokenize(html)
    render_citations(tokens, page, config, state, t)
    mark_emendations(tokens, page, state, t)
    language_links.resolve_language_links(tokens, page.url, default_locale(config), config.use_directory_urls)
    if is_text(page):
        decorate(tokens, page, config, state, t)
    typography.apply(tokens)
    return page_html.join(tokens)


def page_context(context: dict, page, config, state) -> dict:
    context = published.page_context(context, page, config, state.options.published_url)
    context["pdf_url"] = pdf_url(page, config, state) if is_text(page) else ""
    context["exports"] = export_links(page, config) if is_text(page) else []
    if is_text(page):
        state.summaries[page.url] = escaping.plain(page.meta["description"])
    return context


def export_links(page, config) -> list[tuple[str, str]]:
    """(media type, URL relative to the page) of the text's TEI and JATS, for <head>."""
    files = downloads.relative(file_paths(page, config), page.url)
    return [("application/tei+xml", files["tei"]), ("application/jats+xml", files["jats"])]


def render_citations(tokens, page, config, state, t) -> None:
    marked = state.marked.pop(page.file.src_uri, [])
    if not marked:
        return
    references = state.bibliography.references
    words = reference_words(state, config)
    rendered = citations.render(
        tokens, marked, references, page.file.src_uri,
        words=lambda key: words.get(references[key].language) or t, page_words=t,
        citation_template=state.env.get_template("partials/citation.html"),
        references_template=state.env.get_template("partials/references.html"),
        locators=lambda key: accepted_locators(words.get(references[key].language), t, words),
    )  # fmt: skip
    state.cited.update(rendered.cited)
    if rendered.section:
        state.reference_sections[page.url] = rendered.section


def reference_words(state, config) -> dict:
    """A cited work's language (as refs.bib names it: kk, kazakh …) -> its string table;
    a language without a table fails at the entry's line."""
    by_name = {}
    for locale in strings.table_locales(config.theme):
        t = state.words(locale)
        by_name[locale] = by_name[t("edition.cite.langid").lower()] = t
    for reference in state.bibliography.references.values():
        if reference.language and reference.language not in by_name:
            strings.fail_reference_language(state.bibliography, reference, sorted(by_name))
    return by_name


def accepted_locators(work, page, tables: dict) -> dict[str, str]:
    """The locator words a citation may use (word -> its language): the cited work's
    language's and the page's, or, where the work's language is not known, any language's."""
    chosen = [work, page] if work else list(tables.values())
    return {t("edition.cite.locator"): t("edition.cite.langid") for t in chosen}


def mark_emendations(tokens, page, state, t) -> None:
    template = state.env.get_template("partials/emendation.html")
    note = lambda change: template.render(  # noqa: E731
        text=change["text"], note=t("edition.emendation.source").replace("#", change["source"])
    ).strip()
    edition_record.mark_emendations(tokens, state.record, page.file.src_uri, page.file.content_string, note)


def decorate(tokens, page, config, state, t) -> None:
    """A text page's paragraphs, checked and numbered, and the block under its byline."""
    paragraphs.check(tokens, page.file.src_uri, page.file.content_string)
    byline = _byline(tokens)
    named = " ".join(page_html.element_text(tokens, byline).split()) if byline is not None else ""
    by_all = all(author["family"] in named for author in page.meta["citation"].get("authors") or [])
    insert_header(tokens, header(page, config, state, t, byline=by_all))
    number = state.env.get_template("partials/paragraph-number.html")
    cite = state.env.get_template("partials/paragraph-cite.html")
    paragraphs.add_links(
        tokens,
        lambda pid: number.render(id=pid, number=paragraphs.paragraph_number(pid), t=t).strip(),
        lambda pid: cite.render(id=pid, number=paragraphs.paragraph_number(pid), t=t).strip(),
    )


def header(page, config, state, t, byline: bool = False) -> str:
    """templates/partials/text-header.html for this page, links relative to it; `byline`: the
    text's own byline names every author, so the header does not."""
    default, locale = default_locale(config), config.theme["language"]
    files = downloads.relative(file_paths(page, config), page.url)
    if not state.options.pdf:
        files.pop("pdf")
    about = f"{locale}/about.md"
    rights = ""
    if (Path(config.docs_dir) / about).exists():
        rights = get_relative_url(page_url(about, default, config.use_directory_urls) or ".", page.url) + "#rights"
    return state.env.get_template("partials/text-header.html").render(
        t=t, edition=identity.of(config, state.record, t), citation=page.meta["citation"], byline=byline,
        source=" ".join(str(state.record.source.get("description", {}).get(locale, "")).split()),
        files=files, rights=rights,
        offline="" if is_offline(config) else get_relative_url(OFFLINE_ZIP, page.url),
    ).strip()  # fmt: skip


def insert_header(tokens, block: str) -> None:
    """block after the page's byline (div.byline), else after its h1, else first. It is the
    edition's, not the text's: search leaves it out (data-search-exclude), and so does the
    fidelity check (.text-header)."""
    anchor = _byline(tokens)
    if anchor is None:
        anchor = next((i for i, t in enumerate(tokens) if t.kind == "start" and t.tag == "h1"), None)
    at = 0 if anchor is None else page_html.element_end(tokens, anchor) + 1
    page_html.splice(tokens, at, at, ("\n" if at else "") + block, tokens[at - 1].ancestors if at else ())


def _byline(tokens) -> int | None:
    """The index of the page's byline (div.byline), where its Markdown names the authors."""
    return next((i for i, t in enumerate(tokens) if t.kind == "start" and t.tag == "div"
                 and "byline" in (t.attrs.get("class") or "").split()), None)  # fmt: skip


def file_paths(page, config) -> dict[str, str]:
    return downloads.paths(page.file.src_uri, page.meta["citation"]["bibtex_key"], default_locale(config))


def published_page(page, config, state) -> str:
    base = state.options.published_url
    return base + page_url(page.file.src_uri, default_locale(config)) if base else ""


def pdf_url(page, config, state) -> str:
    """The published address of a text's PDF ('' where none is known, or no PDF is made)."""
    base = state.options.published_url
    return base + file_paths(page, config)["pdf"] if base and state.options.pdf else ""


def _language_name(config, locale: str) -> str:
    """The language's name in itself, as the switcher gives it ('' without one)."""
    names = {entry.get("lang"): entry.get("name") for entry in alternates.switcher_entries(config)}
    return escaping.plain(names.get(locale) or "")


def write_files(page, config, state) -> None:
    """The text's .bib and .ris, its TEI and JATS, and its PDF where PDFs are made."""
    locale, t = config.theme["language"], state.words(config.theme["language"])
    site, paths = Path(config.site_dir), file_paths(page, config)
    citation = page.meta["citation"]
    url = published_page(page, config, state)
    edition = identity.of(config, state.record, t)
    downloads.write(site, paths, state.env, citation, t, edition, url, locale)
    exports.write(site, paths, exports.Text(
        locale=locale, language=_language_name(config, locale), citation=citation,
        content=page.content, edition=edition, url=url, record=state.record, src=page.file.src_uri,
        references=state.bibliography.references, t=t,
    ))  # fmt: skip
    if not state.options.pdf:
        return
    record, url = state.record, pdf_url(page, config, state)
    headings = [item.title for item in page.toc.items[0].children] if page.toc.items else []
    udc = citation.get("udc") and f"{t('edition.udc')} {citation['udc']}"
    html = state.env.get_template("partials/pdf.html").render(
        locale=locale, citation=citation,
        description=citation.get("abstract") or escaping.plain(page.meta["description"]),
        keywords=", ".join(filter(None, [udc, *(citation.get("keywords") or headings)])),
        date=pdf.build_date(record.released).isoformat(), stylesheet=(PDF / "pdf.css").as_uri(),
        fonts=pdf.fonts(PDF / "fonts"), running_head=citation.get("short_title") or citation["title"],
        footer="\n".join(filter(None, [edition.statement(t), url])),
        page_number=pdf.page_counter(t("edition.pdf.page")),
        content=page.content, t=t, edition=edition, url=url,
    )  # fmt: skip
    pdf.write(site / paths["pdf"], html, f"{url or citation['bibtex_key']} {record.version}")
