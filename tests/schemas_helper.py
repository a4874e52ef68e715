"""The schemas the exports are validated against (tests/schemas/README.md), each read
once per test process, and what a validation found, naming the file, line and element."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas"


@cache
def tei_all() -> etree.RelaxNG:
    """TEI-C's compiled tei_all (RELAX NG): reading it takes lxml some seconds."""
    return etree.RelaxNG(etree.parse(str(SCHEMAS / "tei" / "tei_all.rng")))


@cache
def jats_archiving() -> etree.DTD:
    """NLM's JATS 1.3 Journal Archiving and Interchange DTD, with the modules it loads."""
    return etree.DTD(str(SCHEMAS / "jats" / "JATS-archivearticle1-3.dtd"))


def problems(xml: bytes, kind: str, name: str = "") -> list[str]:
    """What the schema of `kind` (tei or jats) finds wrong in xml: 'name:line: message', each
    message naming the element; [] when it is valid."""
    document = etree.fromstring(xml, etree.XMLParser(no_network=True, resolve_entities=False))
    schema = tei_all() if kind == "tei" else jats_archiving()
    if schema.validate(document):
        return []
    return [f"{name}:{error.line}: {error.message}" for error in schema.error_log]
