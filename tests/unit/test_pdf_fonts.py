"""The PDF's fonts are the files pdf/fonts/README.md records, unchanged."""

import hashlib
import re
from pathlib import Path

from scholarly_edition import PDF
from scholarly_edition.pdf import fonts

FOLDER = PDF / "fonts"


def test_every_font_the_pdf_names_is_recorded_with_its_hash():
    recorded = dict(
        (name, digest)
        for digest, name in re.findall(r"^([0-9a-f]{64})  (\S+)$", (FOLDER / "README.md").read_text(), re.M)
    )
    named = {Path(font["url"].removeprefix("file://")).name for font in fonts(FOLDER)}
    assert named == set(recorded) == {path.name for path in FOLDER.glob("*.woff2")}
    for name, digest in recorded.items():
        assert hashlib.sha256((FOLDER / name).read_bytes()).hexdigest() == digest, name
