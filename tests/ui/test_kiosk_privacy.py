"""The next person at the kiosk reaches nothing of the last one's session, by any input.

One person uses every control (see ``kiosk_people.py``); the idle reset clears the
screen; the next person tries every way back (undo and redo in every field, paste,
middle-click, Back/Forward keys, the source panel, scroll positions, text size and
colours, dialogs, the clipboard and the X11 PRIMARY selection, every text and name
a screen reader could read); then uses it all again and presses Finish, and the
third person tries again. Offscreen Qt has no PRIMARY selection, so the same test
also runs on a real X server (a private Xvfb) in a child process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from kiosk_people import (
    FIRST,
    PROBES,
    SECOND,
    close_window,
    make_library,
    open_window,
    reach_for_the_last_people,
    selection_supported,
    tap,
    use_everything,
)
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from reader.core.kiosk import AdminPolicy, DisplayDefaults, KioskConfig, SessionPolicy, hash_pin
from reader.ui.kiosk.window import KioskWindow

PIN = "2468"
ON_X11 = "OFFLINE_READER_TEST_ON_X11"
REPO = Path(__file__).resolve().parents[2]
PYTEST = (sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider")

# PySide6 6.12 drops one reference to None per processEvents()/qWait() (see test_kiosk.py).
_NONE_REFERENCES = [None] * 1_000_000


@pytest.fixture(scope="module")
def config() -> KioskConfig:
    return KioskConfig(
        session=SessionPolicy(idle_timeout=180, warning_countdown=30),
        display=DisplayDefaults(text_size=100, theme="light", font="atkinson"),
        admin=AdminPolicy(pin_hash=hash_pin(PIN), failure_delay=60),
    )


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, config: KioskConfig) -> Iterator[KioskWindow]:
    window = open_window(qtbot, make_library(tmp_path), config)
    yield window
    close_window(window)


def idle_reset(qtbot: QtBot, window: KioskWindow) -> None:
    """Nobody touches the screen: the warning counts down and the session is cleared."""
    window.idle.set_timing(idle_ms=100, countdown_s=1)
    with qtbot.waitSignal(window.session_reset, timeout=10000):
        pass
    window.idle.set_timing(idle_ms=180_000, countdown_s=30)


def test_the_next_person_reaches_nothing(qtbot: QtBot, window: KioskWindow) -> None:
    if os.environ.get(ON_X11):
        assert QGuiApplication.platformName() == "xcb"
        assert selection_supported(), "this X server offers no PRIMARY selection"
    use_everything(qtbot, window, FIRST, leave_pin_pad=True)
    first_session = window.session
    idle_reset(qtbot, window)
    assert window.session == first_session + 1  # late work of the first person is dropped
    reach_for_the_last_people(qtbot, window, (FIRST,))
    use_everything(qtbot, window, SECOND, leave_pin_pad=False)
    with qtbot.waitSignal(window.session_reset, timeout=5000):
        tap(qtbot, window.finish_button)
    reach_for_the_last_people(qtbot, window, (FIRST, SECOND))


def test_every_part_of_a_session_is_probed() -> None:
    """Each part the reset wipes has a probe that tries to reach it, and no probe is idle."""
    from reader.ui.kiosk.session import SESSION_PARTS

    assert set(SESSION_PARTS) == set(PROBES) - {"every text"}


def _start_xvfb(logs: Path) -> tuple[subprocess.Popen[bytes], str]:
    read_fd, write_fd = os.pipe()
    with (logs / "xvfb.log").open("wb") as log:
        argv = ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24"]
        xvfb = subprocess.Popen(
            [*argv, "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,),
            stderr=log,
            start_new_session=True,
        )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = pipe.readline().strip()
    if not display:
        xvfb.kill()
        xvfb.wait()
        pytest.fail(f"Xvfb did not start: {(logs / 'xvfb.log').read_text()}", pytrace=False)
    return xvfb, f":{display}"


def test_the_next_person_reaches_nothing_on_a_real_x_display(tmp_path: Path) -> None:
    if os.environ.get(ON_X11):
        pytest.skip("this is the run on the X display")
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing (scripts/bootstrap.sh installs it)", pytrace=False)
    xvfb, display = _start_xvfb(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("QT_", "DISPLAY", "WAYLAND", "DBUS", "XDG_", "PYTEST_"))
    }
    env.update(
        QT_QPA_PLATFORM="xcb",
        DISPLAY=display,
        HOME=str(home),
        XDG_RUNTIME_DIR=str(home),
        # No session bus, and none started on the side.
        DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'no-bus'}",
        **{ON_X11: "1"},
    )
    try:
        result = subprocess.run(
            [*PYTEST, f"{Path(__file__)}::test_the_next_person_reaches_nothing"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    assert "1 passed" in result.stdout


def test_a_part_that_cannot_be_cleared_is_reported_and_the_rest_is_cleared(
    qtbot: QtBot, window: KioskWindow
) -> None:
    def broken() -> None:
        raise RuntimeError("a wipe that fails")

    window._wipes["article"] = broken
    use_everything(qtbot, window, FIRST, leave_pin_pad=False)
    with qtbot.waitSignal(window.reset_failed, timeout=5000) as failed:
        tap(qtbot, window.finish_button)
    assert failed.args == [("article",)]
    assert window.search_box.text() == "" and not window.search_box.isUndoAvailable()
    assert window.current_page == "home" and window.history_length == (0, 0)
