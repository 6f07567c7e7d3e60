"""A blind reader with the Spanish interface hears the reader's controls in Spanish: the
real reader, read by the real Orca (one Orca for this module, a small library)."""

from __future__ import annotations

import contextlib
import shutil
import sys
from collections.abc import Iterator
from dataclasses import replace

import pytest

from reader.core.settings import DEFAULTS, settings_to_json

from .conftest import REPO
from .speech_harness import SPEECH_TESTS, OrcaSession, joined, start_with_orca

pytestmark = SPEECH_TESTS

LIBRARY = REPO / "tests" / "fixtures" / "ui_library"
SEED_ID = "b12-breast-milk"
#: A research article with formulas (imported at set-up), opened when it is there.
BATS = REPO / "library" / "research-plos" / "plos-pcbi.1004089.md"


@pytest.fixture(scope="module")
def spanish_reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[OrcaSession, int]]:
    root = tmp_path_factory.mktemp("spanish-reader")
    shutil.copytree(LIBRARY, root / "library")
    opened = SEED_ID
    if BATS.is_file():
        (root / "library" / "research-plos").mkdir()
        shutil.copy(BATS, root / "library" / "research-plos" / BATS.name)
        opened = BATS.stem
    settings = root / "home" / "config" / "settings.json"  # OFFLINE_READER_HOME's layout
    settings.parent.mkdir(parents=True)
    settings.write_text(settings_to_json(replace(DEFAULTS, language="es")), encoding="utf-8")
    argv = [sys.executable, "-m", "reader", "--library", str(root / "library"), opened]
    env = {"OFFLINE_READER_HOME": str(root / "home"), "PYTHONFAULTHANDLER": "1"}
    for started in start_with_orca(tmp_path_factory, argv, env):
        yield started.orca, started.mark


def test_the_spanish_interface_is_spoken_in_spanish(
    spanish_reader: tuple[OrcaSession, int],
) -> None:
    orca, started = spanish_reader
    start = joined(orca.wait_for(r"Artículo", since=started, timeout=30))
    assert "Article" not in start.replace("Artículo", ""), start
    first = orca.log.mark()
    for _ in range(3):  # now and then Orca 43 keeps Ctrl+K's "k" to itself: press it again
        mark = orca.log.mark()
        orca.press("Control_L+k")  # to the search box
        orca.wait_for_log(r"PROCESS ATSPI_KEY_RELEASED_EVENT: 'Control_L'", since=mark)
        # Orca may say "search ready" over the focus change: "Where am I" (keypad Enter)
        # asks it to say where the keyboard is.
        orca.press("KP_Enter")
        with contextlib.suppress(AssertionError):
            orca.wait_for(r"Buscar en la biblioteca", since=mark, timeout=8)
            break
    heard = orca.wait_for(r"Escriba palabras para buscar", since=first, timeout=10)
    spoken = joined(heard)
    assert "Buscar en la biblioteca" in spoken, spoken
    assert "Search the library" not in spoken and "Type words" not in spoken, spoken


@pytest.mark.skipif(not BATS.is_file(), reason="the PLOS articles are imported at set-up")
def test_a_formula_is_spoken_in_spanish_words(spanish_reader: tuple[OrcaSession, int]) -> None:
    """Down onto the bat flight's correlation formula: Orca says its words in Spanish."""
    orca, _started = spanish_reader
    mark = orca.log.mark()
    orca.press("Control_L+f")  # find the sentence before the formula
    orca.wait_for_log(r"PROCESS ATSPI_KEY_RELEASED_EVENT: 'Control_L'", since=mark)
    orca.type("A good indicator of the alignment")
    orca.press("Escape")  # back in the article, at what was found
    orca.wait_for_log(r"PROCESS ATSPI_KEY_RELEASED_EVENT: 'Escape'", since=mark)
    for _ in range(6):  # line by line onto the formula
        with contextlib.suppress(AssertionError):
            orca.wait_for(r"fórmula:", since=mark, timeout=3)
            break
        orca.press("Down")
    spoken = joined(orca.wait_for(r"fórmula: nu subíndice i j", since=mark, timeout=10))
    assert "igual a la fracción vector v subíndice i de t" in spoken, spoken
    assert "formula:" not in spoken and " sub i" not in spoken, spoken
