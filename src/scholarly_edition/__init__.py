"""A MkDocs plugin that publishes scholarly texts as a multilingual web edition:
numbered GOST citations from BibTeX, citable paragraphs, a language switcher,
per-language search, a tagged PDF, an offline copy and citation metadata.

`plugin.EditionPlugin` is the entry point (`scholarly-edition` in mkdocs.yml);
each other module has one concern (DEVELOPING.md lists them)."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"  # the theme's templates: before Material's, after an edition's custom_dir
ASSETS = PACKAGE / "assets"  # copied to the site's assets/
PDF = PACKAGE / "pdf"  # the PDF's style sheet and fonts
