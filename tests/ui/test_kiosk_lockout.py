"""A locked staff PIN pad stays locked when the kiosk is restarted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk_people import FIXTURES, close_window, open_window, tap
from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from reader.core.kiosk import AdminPolicy, KioskConfig, hash_pin
from reader.ui.kiosk.window import KioskWindow

PIN = "2468"
KIOSK = (sys.executable, "-m", "reader")

# PySide6 6.12 drops one reference to None per processEvents()/qWait() (see test_kiosk.py).
_NONE_REFERENCES = [None] * 1_000_000


def config(lockout: Path) -> KioskConfig:
    return KioskConfig(
        admin=AdminPolicy(
            pin_hash=hash_pin(PIN), failures_before_delay=3, failure_delay=60, lockout_file=lockout
        )
    )


def open_pin_pad(qtbot: QtBot, window: KioskWindow) -> None:
    for _ in range(window.config.admin.taps):
        tap(qtbot, window.admin_corner)
    qtbot.waitUntil(lambda: window.pin_dialog is not None and window.pin_dialog.isVisible())


def enter_pin(qtbot: QtBot, window: KioskWindow, pin: str) -> None:
    dialog = window.pin_dialog
    assert dialog is not None
    buttons = {b.accessibleName(): b for b in dialog.findChildren(QPushButton)}
    for digit in pin:
        tap(qtbot, buttons[digit])
    tap(qtbot, dialog.ok)


def test_a_restart_keeps_the_pad_locked(qtbot: QtBot, tmp_path: Path) -> None:
    lockout = tmp_path / "staff" / "pin-lockout.json"
    window = open_window(qtbot, FIXTURES, config(lockout))
    try:
        open_pin_pad(qtbot, window)
        enter_pin(qtbot, window, "1111")
        enter_pin(qtbot, window, "2222")
    finally:
        close_window(window)
    window = open_window(qtbot, FIXTURES, config(lockout))  # restarted: no fresh tries
    try:
        open_pin_pad(qtbot, window)
        dialog = window.pin_dialog
        assert dialog is not None and dialog.ok.isEnabled()
        enter_pin(qtbot, window, "3333")  # the third wrong PIN in a row
        assert window.gate.locked and not dialog.ok.isEnabled()
    finally:
        close_window(window)
    window = open_window(qtbot, FIXTURES, config(lockout))  # restarted during the lock
    try:
        open_pin_pad(qtbot, window)
        dialog = window.pin_dialog
        assert dialog is not None
        assert not dialog.ok.isEnabled() and not dialog.pin.isEnabled()
        ends = QTime.currentTime().addSecs(60)  # staff see until when
        assert "wait until" in dialog.message.text()
        shown = dialog.message.text().split("until ")[1].split(",")[0]
        until = QTime.fromString(shown, QLocale().timeFormat(QLocale.FormatType.ShortFormat))
        apart = (until.secsTo(ends) + 43200) % 86400 - 43200  # also across midnight
        assert until.isValid() and abs(apart) <= 120, shown
        assert window.gate.check(PIN) is False  # even the right PIN
        assert window.isVisible() and not window.guard.exit_granted
    finally:
        close_window(window)
    assert "1111" not in lockout.read_text() and PIN not in lockout.read_text()


def test_a_lockout_file_the_kiosk_cannot_write_stops_the_start(tmp_path: Path) -> None:
    blocked = tmp_path / "pin-lockout.json"
    blocked.mkdir()  # a folder where the file should be: it can never be written
    kiosk_toml = tmp_path / "kiosk.toml"
    kiosk_toml.write_text(
        f'[admin]\npin_hash = "{hash_pin(PIN)}"\nlockout_file = "{blocked}"\n', encoding="utf-8"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OFFLINE_READER_HOME": str(tmp_path / "home"),
    }
    result = subprocess.run(
        [*KIOSK, "--kiosk-config", str(kiosk_toml), "--library", str(FIXTURES)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert f"{blocked}: the PIN lockout file cannot be written" in result.stderr
    assert "Traceback" not in result.stderr
