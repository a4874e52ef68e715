"""Positions in the files an editor writes, as the editor sees them: lines
counted from the top of the file, front matter included; and YAML read
strictly, each mapping knowing its line."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from charset_normalizer import from_bytes
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

LINE = "__line__"  # the key under which a mapping read by `load_yaml` keeps its first line


def read_text(path: Path) -> str:
    """An editor's file as UTF-8 text (a byte-order mark dropped); a file in another encoding
    fails at the line of its first byte that is not UTF-8, naming the encoding it looks like."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        guess = from_bytes(data).best()
        looks = f"it looks like {guess.encoding.upper().replace('_', '-')}" if guess else "its encoding is unknown"
        raise PluginError(
            f"{path.name}:{line}: the file is not UTF-8 (byte 0x{data[error.start]:02X}; {looks}); save it as "
            f"UTF-8 (in the editor's Save As, or: iconv -f {guess.encoding if guess else 'CP1251'} -t UTF-8 "
            f"{path.name} -o {path.name}.utf8 && mv {path.name}.utf8 {path.name})"
        ) from None


def front_matter_lines(source: str) -> int:
    """How many lines of the file come before the Markdown MkDocs renders
    (its front matter and the blank lines after it)."""
    markdown, _ = get_data(source)
    return source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0


def line_at(text: str, position: int, offset: int = 0) -> int:
    """The file line of a position in text that starts `offset` lines into the file."""
    return text.count("\n", 0, position) + 1 + offset


def line_of(source: str, fragment: str) -> int | None:
    """The line where fragment first appears in the file, if it does."""
    position = source.find(fragment)
    return line_at(source, position) if position >= 0 else None


def id_line(source: str, name: str) -> int | None:
    """The line of the Markdown that sets the id `name`: `{ #name }`, `{#name .class}` or id="name"."""
    match = re.search(rf"(?:\{{[^}}\n]*#|\bid=[\"']){re.escape(name)}(?=[\s}}\"'])", source)
    return line_at(source, match.start()) if match else None


class StrictLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a key written twice is an error, not a
    silent overwrite, and every mapping keeps its line under LINE."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key '{key}' is written twice", key_node.start_mark
                )
            seen.add(key)
        mapping = super().construct_mapping(node, deep=True)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def load_yaml(text: str):
    """YAML, strictly (see StrictLoader)."""
    return yaml.load(text, StrictLoader)


def strip_lines(value):
    """A value read by load_yaml without its LINE keys."""
    if isinstance(value, dict):
        return {key: strip_lines(item) for key, item in value.items() if key != LINE}
    if isinstance(value, list):
        return [strip_lines(item) for item in value]
    return value
