"""What the plugin adds to the theme, so that an edition's repository holds
only its content and configuration: its templates (templates/, before
Material's and after an edition's own custom_dir), its style sheet and
scripts (assets/, copied to the site's assets/), and the links to them."""

from __future__ import annotations

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File, Files

from . import ASSETS, PACKAGE, TEMPLATES

STYLES = ("assets/edition.css",)
SCRIPTS = ("assets/javascripts/edition.js",)


def add_templates(theme) -> None:
    """The plugin's templates override Material's; an edition's custom_dir overrides both."""
    if str(TEMPLATES) not in theme.dirs:
        theme.dirs.insert(1 if theme.custom_dir else 0, str(TEMPLATES))


def add_styles_and_scripts(config) -> None:
    for path in STYLES:
        if path not in config.extra_css:
            config.extra_css.append(path)
    for path in SCRIPTS:
        if path not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(ExtraScriptValue(path))


def add_assets(files: Files, config) -> None:
    """Every file of assets/, at the same path below the site."""
    for path in sorted(ASSETS.rglob("*")):
        if path.is_file():
            uri = path.relative_to(PACKAGE).as_posix()
            if files.get_file_from_path(uri) is None:
                files.append(File(uri, str(PACKAGE), config.site_dir, config.use_directory_urls))
