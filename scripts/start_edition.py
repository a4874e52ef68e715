"""The pages a new edition starts with, one folder per language (make new-edition):

    python scripts/start_edition.py DEST LANG [LANG …]

Each language gets docs/<lang>/index.md, about.md and text.md: a starter text
with a title, two headings, three paragraphs with ids and one citation, in that
language's words where this script has them (Kazakh, Russian, English), else in
English for the author to translate, and its navigation in mkdocs.yml. A language the plugin has no string table
for gets one in the edition's overrides/ (a copy of the English one, to
translate), and mkdocs.yml points custom_dir there. Nothing is overwritten.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

STARTER = {
    "en": {
        "home": "Home",
        "home_description": "A web edition of the text.",
        "home_text": "This site publishes [a text](text.md). How it was prepared is told on the "
        "[About](about.md) page.",
        "about": "About this edition",
        "about_description": "The edition's versions and the rights to its texts.",
        "versions": "Versions",
        "rights": "Rights",
        "rights_text": "The texts belong to their authors: you may read them, link to them and quote them.",
        "title": "The title of the text",
        "description": "One sentence on what the text is.",
        "first": "The first heading",
        "second": "The second heading",
        "p1": "Replace this paragraph with the first paragraph of the text, word for word [@source-1, p. 1].",
        "p2": "Every paragraph ends with its id on a line of its own; a new paragraph takes the next free number.",
        "p3": "The third paragraph.",
        "references": "References",
    },
    "kk": {
        "home": "Басты бет",
        "home_description": "Мәтіннің веб-басылымы.",
        "home_text": "Бұл сайтта [мәтін](text.md) жарияланған. Ол қалай дайындалғаны "
        "[Басылым туралы](about.md) бетінде жазылған.",
        "about": "Басылым туралы",
        "about_description": "Басылымның нұсқалары және мәтіндерге құқықтар.",
        "versions": "Нұсқалар",
        "rights": "Құқықтар",
        "rights_text": "Мәтіндер авторларына тиесілі: оларды оқуға, сілтеме беруге және дәйексөз келтіруге болады.",
        "title": "Мәтіннің тақырыбы",
        "description": "Мәтін туралы бір сөйлем.",
        "first": "Бірінші тақырыпша",
        "second": "Екінші тақырыпша",
        "p1": "Бұл азат жолдың орнына мәтіннің бірінші азат жолын сөзбе-сөз қойыңыз [@source-1, Б. 1].",
        "p2": "Әр азат жол өз белгісімен жеке жолда аяқталады; жаңа азат жол келесі бос нөмірді алады.",
        "p3": "Үшінші азат жол.",
        "references": "Әдебиеттер",
    },
    "ru": {
        "home": "Главная",
        "home_description": "Веб-издание текста.",
        "home_text": "На этом сайте опубликован [текст](text.md). Как он подготовлен, сказано на странице "
        "[Об издании](about.md).",
        "about": "Об издании",
        "about_description": "Версии издания и права на тексты.",
        "versions": "Версии",
        "rights": "Права",
        "rights_text": "Тексты принадлежат их авторам: их можно читать, ссылаться на них и цитировать.",
        "title": "Заглавие текста",
        "description": "Одно предложение о том, что это за текст.",
        "first": "Первый заголовок",
        "second": "Второй заголовок",
        "p1": "Замените этот абзац первым абзацем текста, слово в слово [@source-1, С. 1].",
        "p2": "Каждый абзац заканчивается своим идентификатором на отдельной строке; новый абзац получает "
        "следующий свободный номер.",
        "p3": "Третий абзац.",
        "references": "Литература",
    },
}

INDEX = """---
title: {home}
description: {home_description}
---

# {home} {{#home}}

{home_text}
"""

ABOUT = """---
title: {about}
description: {about_description}
---

# {about} {{#about}}

<!-- record: version -->

<!-- record: files -->

## {versions} {{#versions}}

<!-- record: corrections -->

## {rights} {{#rights}}

{rights_text}
"""

TEXT = """---
title: {title}
description: {description}
citable: true
citation:
  title: {title}
  bibtex_key: text-{lang}
  # authors:            # as the source names them (EDITING.md, "The texts")
  #   - family: …
  #     given: …
  #     initials: …
---

# {title} {{#title}}

## {first} {{#first}}

{p1}
{{ #p-1 }}

{p2}
{{ #p-2 }}

## {second} {{#second}}

{p3}
{{ #p-3 }}

## {references} {{#references}}

\\bibliography
"""


def start(dest: Path, languages: list[str], tables: Path) -> None:
    for lang in languages:
        words = {**STARTER.get(lang, STARTER["en"]), "lang": lang}
        folder = dest / "docs" / lang
        folder.mkdir(parents=True, exist_ok=True)
        pages = {"index.md": INDEX.format(**words), "about.md": ABOUT.format(**words), "text.md": TEXT.format(**words)}
        for name, text in pages.items():
            if not (folder / name).exists():
                (folder / name).write_text(text, encoding="utf-8")
        add_nav(dest / "mkdocs.yml", lang, words)
        if not (tables / f"{lang}.html").exists():
            own = dest / "overrides/partials/languages" / f"{lang}.html"
            own.parent.mkdir(parents=True, exist_ok=True)
            if not own.exists():
                shutil.copy(tables / "en.html", own)
            config = dest / "mkdocs.yml"
            text = config.read_text(encoding="utf-8")
            if "custom_dir:" not in text:
                config.write_text(text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
            print(f"{lang}: translate overrides/partials/languages/{lang}.html (EDITING.md, 'Adding a language')")


def add_nav(config: Path, lang: str, words: dict) -> None:
    """The language's navigation in its own words: the home, the text, the about page."""
    text = config.read_text(encoding="utf-8")
    entry = re.search(rf"^        - locale: {lang}\n(?:          .*\n)*", text, re.M)
    if entry and "nav:" not in entry.group(0):
        nav = "".join(
            f"            - {label}: {page}\n"
            for label, page in ((words["home"], "index.md"), (words["title"], "text.md"), (words["about"], "about.md"))
        )
        text = text[: entry.end()] + "          nav:\n" + nav + text[entry.end() :]
        config.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("languages", nargs="+")
    args = parser.parse_args(argv)
    tables = Path(__file__).resolve().parent.parent / "src/scholarly_edition/templates/partials/languages"
    start(args.dest, args.languages, tables)
    return 0


if __name__ == "__main__":
    sys.exit(main())
