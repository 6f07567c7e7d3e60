"""What a screen reader reading on (Say All, a line at a time) gets for a formula.

Orca 43 reads the article's text object's own text over AT-SPI and hands it to the speech
synthesiser as it is: no alternative text of a stretch of it exists for a Qt program (see
docs/accessibility.md). So the formula's characters are what is heard. This reads that
text from the real reader over a real AT-SPI bus and asks espeak-ng, the synthesiser Orca
speaks with here, how it pronounces the formula's line, against how it pronounces the
words for it: the indices must be heard apart ("nu i j"), not run together ("nuidge"),
and nothing but the formula's characters may be in the text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from reader.core.formula_words import SEPARATOR, without_separators

from .conftest import REPO, RunningApp, launch
from .stack import A11yStack

BATS = "plos-pcbi.1004089"  # bat flight: formulas with subscripts, vectors and fractions
SHOWN = "νij(t, τ) = (v⃗i(t))/(∣v⃗i(t)∣) · (v⃗j(t + τ))/(∣v⃗j(t + τ)∣), (1)"

pytestmark = [
    pytest.mark.a11y,
    pytest.mark.skipif(
        not (REPO / "library" / "research-plos" / f"{BATS}.md").is_file(),
        reason="the PLOS articles are imported by scripts/bootstrap.sh",
    ),
    pytest.mark.skipif(
        shutil.which("espeak-ng") is None,
        reason="espeak-ng is missing: scripts/bootstrap.sh installs it",
    ),
]


@pytest.fixture(scope="module")
def reader(a11y_stack: A11yStack) -> RunningApp:
    library = a11y_stack.root / "library"
    shutil.copytree(REPO / "library" / "research-plos", library / "research-plos")
    return launch(
        a11y_stack,
        [sys.executable, "-m", "reader", "--library", str(library), BATS],
        {"OFFLINE_READER_HOME": str(a11y_stack.root / "formula-home")},
    )


def heard(text: str) -> list[str]:
    """espeak-ng's words for ``text``, as phonemes, its pauses left out."""
    out = subprocess.run(
        ["espeak-ng", "-q", "-v", "en", "-x", text],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    return [w for w in (re.sub(r"_:?|;", "", w) for w in out.split()) if w]


def test_a_formula_read_on_is_heard_with_its_indices_apart(reader: RunningApp) -> None:
    whole = reader.client("read-text", "--find-timeout", "60", "--wait", "20", timeout=90)
    text = whole["text"]
    found = re.search(f"ν{SEPARATOR}?i{SEPARATOR}?j\\(t, τ\\) = ", text)
    assert found, "the bat flight correlation is not in the article's text"
    at = found.start()
    line = reader.client("read-text", "--offsets", str(at), timeout=60)["samples"][0]["line"][0]
    # What Orca reads for the line: the formula's characters, nothing added, as it is seen.
    assert without_separators(line).strip() == SHOWN, line
    # ... and what the listener hears: the letters apart, as if written "ν i j t τ =",
    # where the text as it is seen ("νij(t, τ)") is heard as "nuidge t tau".
    apart = heard("ν i j t τ =")
    assert heard(line)[: len(apart)] == apart, heard(line)
    assert heard(SHOWN)[: len(apart)] != apart  # what it was
