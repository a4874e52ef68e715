"""What search tests take from an edition's texts: their words, sections and stems."""

import re


def body(text) -> str:
    """A text page's Markdown, lower case, without its front matter, citation keys and paragraph ids
    (no reader sees them; heading ids stay: the tests name sections by them)."""
    markdown = text.source.split("---\n", 2)[-1]
    return re.sub(r"\[@[^\]]*\]|\{ ?#p-\d+ ?\}", " ", markdown).lower()


def words_of(text) -> set[str]:
    return set(re.findall(r"\w+", body(text)))


def text_sections(text) -> list[str]:
    """The Markdown of each section of a text (split at its second-level headings)."""
    return re.split(r"^## ", body(text), flags=re.M)[1:]


def long_words(text, length: int = 7) -> list[str]:
    """The text's words of at least `length` letters, in order, each once."""
    return list(dict.fromkeys(w for w in re.findall(r"[^\W\d_]+", body(text)) if len(w) >= length))


def language_of(link: str, project) -> str:
    folder = link.strip("/").split("/")[0]
    return folder if folder in project.locales and folder != project.default else project.default


# (language, an inflected query, the stem its forms in the text begin with)
MOST_USED = [("kk", "мемлекеттерде", "мемлекет"), ("kk", "желілерден", "желі"), ("kk", "саясатқа", "саясат")]


def stems_in_texts(project):
    found = []
    for locale, query, stem in MOST_USED:
        text = next((t for t in project.texts if t.locale == locale and re.search(rf"(?<!\w){stem}", body(t))), None)
        if text:
            found.append((text.url, query, stem))
    return found
