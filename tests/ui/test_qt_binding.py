"""The Qt binding must not leak references to None, True or False.

PySide6 6.12's ``processEvents()`` and QTest bindings dropped one reference to
``None`` per call; on Python 3.11 (where None is not immortal) a long session or a
test run then aborts with "none_dealloc". pyproject.toml keeps that version out.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot


def test_event_processing_keeps_none_true_and_false_alive(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # Windows closed by earlier tests are deleted on the next turns of the event loop and
    # rightly drop their references: let that happen before counting.
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        gc.collect()
    before = {name: sys.getrefcount(obj) for name, obj in (("None", None), ("True", True))}
    for _ in range(500):
        app.processEvents()
        QTest.qWait(0)
    after = {name: sys.getrefcount(obj) for name, obj in (("None", None), ("True", True))}
    for name, count in before.items():
        assert after[name] >= count - 50, f"{name} lost {count - after[name]} references"
