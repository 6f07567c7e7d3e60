"""Qt widget tests run offscreen, with every per-user folder under a temporary home."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings, index and caches of a test go to its own folder, never the real home."""
    home = tmp_path / "reader-home"
    monkeypatch.setenv("OFFLINE_READER_HOME", str(home))
    yield home


@pytest.fixture(autouse=True)
def english_interface(qapp: object) -> Iterator[None]:
    """Each test starts and ends in English, left to right, whatever the one before chose."""
    from reader.ui.i18n import translations

    translations().set_language("en")
    yield
    translations().set_language("en")


@pytest.fixture
def restore_application_look(qapp: object) -> Iterator[None]:
    """The application's font, palette and style sheet as they were before the test (a
    window paints the whole application)."""
    from PySide6.QtGui import QFont, QPalette
    from PySide6.QtWidgets import QApplication

    assert isinstance(qapp, QApplication)
    font, palette, sheet = QFont(qapp.font()), QPalette(qapp.palette()), qapp.styleSheet()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    QApplication.setFont(font)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """The windows a test closed are really gone before the next test starts.

    pytest-qt closes every widget it was given and asks Qt to delete it later, but outside
    an event loop Qt's "later" waits for the next test, whose first change of the
    application's style sheet would then repolish a half torn-down window of the one before.
    """
    result = yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return result
