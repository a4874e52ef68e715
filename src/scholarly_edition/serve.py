"""Under `mkdocs serve`: the edition's own inputs are watched too, and a
rebuild that fails keeps the last good site.

MkDocs watches docs/ and mkdocs.yml; refs.bib and edition-record.yml, which
the edition reads, are watched as well, so editing them rebuilds.

MkDocs empties the site folder before it builds, so a rebuild that an
edition check stops would leave readers of the local server a half-written
site, and MkDocs would hold every request until the error is fixed. The
builder is wrapped: the folder is copied before each rebuild (a few
megabytes, milliseconds) and put back if the rebuild fails; the error is
shown (MkDocs logs an edition check's message; anything else gets its
traceback) and the server goes on serving the last good site.
"""

from __future__ import annotations

import shutil
import tempfile
import traceback
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)


def watch(server, paths) -> None:
    for path in paths:
        server.watch(str(path))


def keep_last_good_site(server) -> None:
    build, site = server.builder, Path(server.root)

    def build_or_restore(*args, **kwargs):
        with tempfile.TemporaryDirectory(prefix="edition-last-good-") as backup:
            shutil.copytree(site, backup, dirs_exist_ok=True)
            try:
                return build(*args, **kwargs)
            except Exception as error:
                if not isinstance(error, Abort):  # an edition check's error is logged already
                    traceback.print_exc()
                shutil.rmtree(site, ignore_errors=True)
                shutil.copytree(backup, site, dirs_exist_ok=True)
                log.error("The rebuild failed: still serving the last good site. Fix the error above and save.")

    server.builder = build_or_restore
