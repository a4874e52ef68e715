"""The plugin's options, as mkdocs.yml gives them under `plugins: - scholarly-edition:`.
MkDocs checks them when it loads the configuration: a wrong type or an unknown
option fails naming mkdocs.yml, the plugin and the option."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class EditionConfig(base.Config):
    # Each text's PDF beside its page; `make serve` turns it off (PDF=false).
    pdf = c.Type(bool, default=True)
    # Where the pages are published, for citations: SITE_URL, or for the offline
    # copy (whose own addresses are local files) PUBLISHED_URL. None: not known.
    published_url = c.Optional(c.URL(is_dir=True))
    # The record of the edition: versions, corrections, what differs from the source.
    record = c.File(exists=True, default="edition-record.yml")
    # The edition's repository, which the about pages link (`<!-- record: files -->`): the
    # Pages workflow passes REPOSITORY_URL. None: not linked.
    repository = c.Optional(c.URL())
