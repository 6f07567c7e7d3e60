"""What a blind person hears at the kiosk: the real kiosk window, read by the real Orca.

One kiosk process and one Orca (speech-dispatcher with espeak-ng, no sound card) are
shared by the scenarios of this module, which run in order; each starts by putting the
kiosk where it needs it (the Home button). Assertions are on Orca's speech log; every
wait is on speech or on Orca's log, and a wait that times out says what was heard.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import REPO
from .speech_harness import (
    KEY_RELEASED,
    SPEECH_TESTS,
    OrcaSession,
    SpeechSession,
    joined,
    start_with_orca,
)

pytestmark = SPEECH_TESTS

LIBRARY = REPO / "tests" / "fixtures" / "ui_library"
#: What Orca says of the object the focus lands on: its name and role ("Search push
#: button."), or the news of a link in the article ("citation 1, …", "Article details,
#: collapsed"); never only a container it passed on the way ("layered pane") or a key's
#: echo.
NAMED_STOP = (
    r"\w.*\b(push button|check box|text|heading|list item|label)\b"
    r"|^citation \d|^Article details, (collapsed|expanded)"
)


class Kiosk(SpeechSession):
    """The kiosk read by Orca; ``control`` is where a scenario asks it for the idle
    warning (see ``tests/a11y/kiosk_app.py``)."""

    def __init__(self, orca: OrcaSession, control: Path, started: int) -> None:
        super().__init__(orca, started)
        self.control = control


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kiosk]:
    root = tmp_path_factory.mktemp("kiosk-speech")
    library = root / "library"
    shutil.copytree(LIBRARY, library)
    control = root / "control"
    control.mkdir()
    argv = [sys.executable, "-m", "tests.a11y.kiosk_app", str(library), str(control)]
    env = {"PYTHONPATH": str(REPO), "OFFLINE_READER_HOME": str(root / "home")}
    for started in start_with_orca(tmp_path_factory, argv, env):
        yield Kiosk(started.orca, control, started.mark)


def _stop(kiosk: Kiosk, key: str = "Tab", *, timeout: float = 6) -> tuple[str, str]:
    """Press ``key``; return what Orca said of where the focus landed ("" for a silent
    stop), and everything it said meanwhile (for messages)."""
    mark = kiosk.keys(key)
    kiosk.orca.wait_for_log(KEY_RELEASED, since=mark)
    try:
        kiosk.orca.wait_for(NAMED_STOP, since=mark, timeout=timeout)
    except AssertionError:
        return "", joined(kiosk.said(mark))
    heard = kiosk.said(mark)
    named = next(u for u in heard if re.search(NAMED_STOP, u, re.IGNORECASE))
    return named, joined(heard)


def _tab_until(kiosk: Kiosk, pattern: str, *, most: int = 30) -> list[tuple[str, str]]:
    """Tab until a stop matching ``pattern`` is spoken; every stop on the way."""
    stops: list[tuple[str, str]] = []
    for _ in range(most):
        stops.append(_stop(kiosk))
        if re.search(pattern, stops[-1][0]):
            return stops
    raise AssertionError(f"no Tab stop said /{pattern}/ in {most} presses: {stops}")


def _tab_round(kiosk: Kiosk, *, most: int = 30) -> list[tuple[str, str]]:
    """Tab from the focus all the way round, back to the first two stops; every stop
    (two buttons may have the same name: the round ends when two in a row come again)."""
    stops = [_stop(kiosk), _stop(kiosk)]
    first = [named for named, _ in stops]
    for _ in range(most):
        stops.append(_stop(kiosk))
        if [named for named, _ in stops[-2:]] == first and all(first):
            return stops[:-2]
    raise AssertionError(
        f"Tab never came back to {first} in {most} presses; silent stops: {_silent(stops)}; "
        f"all: {stops}"
    )


def _silent(stops: list[tuple[str, str]]) -> list[str]:
    """The stops that said no name, each with what came just before it."""
    return [
        f"after {stops[i - 1][0]!r}: heard {'|'.join(filter(None, [heard])) or 'nothing'}"
        for i, (named, heard) in enumerate(stops)
        if not named
    ]


# --- the home screen -------------------------------------------------------------------


def test_the_home_title_is_spoken_as_a_heading_at_start(kiosk: Kiosk) -> None:
    """The title with its role and level, and nothing of the containers on the way to it
    (the pages' stack was a "layered pane")."""
    heard = kiosk.orca.wait_for(r"^Health library heading", since=kiosk.started, timeout=30)
    said = joined(heard)
    assert any(re.match(r"^Health library heading level 1\b", u) for u in heard), said
    assert not any(re.search(r"\b(layered|scroll) pane\b", u) for u in heard), said


def test_every_tab_stop_of_the_home_screen_speaks_a_name_with_right_plurals(
    kiosk: Kiosk,
) -> None:
    stops = _tab_round(kiosk)
    assert not _silent(stops), f"silent Tab stops: {_silent(stops)}; all: {stops}"
    names = [named for named, _ in stops]
    said = " | ".join(names)
    for tile in (
        "Nutrition, 1 article",
        "Women's health, 1 article",
        "All topics, A to Z, 2 topics",
    ):
        assert any(n.startswith(tile) for n in names), f"no stop said {tile!r}: {said}"
    assert "Women's and men's health, 1 topic push button." in names, said
    assert not re.search(r"\b1 (article|topic)s\b", said), said
    assert len(stops) >= 15, said  # the bars, the search, the page's buttons and tiles


# --- an article ------------------------------------------------------------------------


def test_every_tab_stop_of_an_article_speaks_a_name(kiosk: Kiosk) -> None:
    _tab_until(kiosk, r"^Nutrition, 1 article")
    mark = kiosk.keys("space")
    # The collection's page says what it holds; the focus is in its list of articles,
    # which says the article the keys are on, and where it is.
    heard = kiosk.orca.wait_for(r"^Iron in Pregnancy, 1 of 1\b", since=mark)
    assert "notification Nutrition: 1 article." in heard, joined(heard)
    assert "not selected" not in joined(heard), joined(heard)
    mark = kiosk.keys("Return")
    kiosk.orca.wait_for(r"Opened Iron in Pregnancy", since=mark)
    stops = _tab_round(kiosk)
    assert not _silent(stops), f"silent Tab stops: {_silent(stops)}; all: {stops}"
    names = [named for named, _ in stops]
    assert "Article: Iron in Pregnancy label." in names, names
    assert any(n.startswith("citation 1, ") for n in names), names
    assert "Article details, collapsed" in names, names  # a research article's details link
    assert "Read the article aloud check box not checked." in names, names


# --- the help page ---------------------------------------------------------------------


def test_every_tab_stop_of_the_help_page_speaks_a_name(kiosk: Kiosk) -> None:
    _tab_until(kiosk, r"^How to use this screen push button")
    mark = kiosk.keys("space")
    kiosk.orca.wait_for(r"^notification How to use this screen", since=mark)
    stops = _tab_round(kiosk)
    assert not _silent(stops), f"silent Tab stops: {_silent(stops)}; all: {stops}"
    names = [named for named, _ in stops]
    assert "How to use this screen label." in names, names  # the help text itself


# --- the idle warning --------------------------------------------------------------------


def test_the_idle_warning_is_spoken_when_it_appears(kiosk: Kiosk) -> None:
    mark = kiosk.orca.log.mark()
    (kiosk.control / "idle-soon").touch()  # the idle time becomes two seconds
    heard = kiosk.orca.wait_for(r"^This screen will clear in \d+ seconds", since=mark, timeout=30)
    said = joined(heard)
    assert any(u.startswith("Are you still reading?") for u in heard), said
    kiosk.orca.wait_for(r"^Keep reading push button", since=mark, timeout=10)
