"""Keep compiled theme templates on disk, shared by every build.

mkdocs-static-i18n builds every language as a whole MkDocs build, and each
build's Jinja environment compiles Material's templates anew; Material's search
plugin makes three more environments per build to translate its labels, each
compiling the language tables again. Every environment the theme makes shares
one bytecode cache in `.cache/jinja` (where Material's own plugins keep their
caches), so later builds and the second language skip compiling. Jinja checks
each template's source checksum, so an edited template recompiles; the folder
is named after the Jinja and Python versions, so an upgrade starts afresh.
"""

from __future__ import annotations

import sys
from functools import cache, partial
from pathlib import Path

import jinja2
from jinja2 import FileSystemBytecodeCache


def share(theme, config_file: str) -> None:
    """Every environment this theme makes from now on uses the shared cache."""
    theme.get_env = partial(_env_with_cache, theme, config_file)


def _env_with_cache(theme, config_file: str):
    env = type(theme).get_env(theme)
    env.bytecode_cache = bytecode_cache(cache_folder(config_file))
    return env


def cache_folder(config_file: str) -> str:
    """The cache folder beside mkdocs.yml, one per Jinja and Python version."""
    version = f"jinja-{jinja2.__version__}-py{sys.version_info.major}.{sys.version_info.minor}"
    return str(Path(config_file).resolve().parent / ".cache" / "jinja" / version)


@cache
def bytecode_cache(folder: str) -> FileSystemBytecodeCache:
    Path(folder).mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(folder)
