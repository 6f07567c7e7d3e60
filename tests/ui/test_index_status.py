"""While the search index is built the status bar shows real progress, then says so once."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.ui.accessibility import announcer
from reader.ui.app import build_window
from reader.ui.main_window import StatusMessage

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"


def test_indexing_progress_is_shown_then_search_ready_is_announced_once(qtbot: QtBot) -> None:
    window = build_window(GuiOptions(library=LIBRARY, open_target=None), start_search=False)
    qtbot.addWidget(window)
    shown: list[StatusMessage] = []
    spoken: list[tuple[str, bool]] = []
    window.status_shown.connect(shown.append)
    announcer().announced.connect(lambda text, assertive: spoken.append((text, assertive)))
    window.show()
    qtbot.waitExposed(window)
    try:
        with qtbot.waitSignal(window.search.index_finished, timeout=30000):
            window.search.start()
        texts = [m.text for m in shown]
        progress = [t for t in texts if re.fullmatch(r"Indexing: \d+ of 2 articles", t)]
        assert progress, texts
        assert window.status_label.text().startswith("Search ready"), texts
        assert not window.progress.isVisible()
        # progress is shown, not spoken; "ready" is spoken once, politely
        assert not any(t.startswith(("Indexing", "Checking")) for t, _ in spoken), spoken
        ready = [(t, a) for t, a in spoken if t.startswith("Search ready")]
        assert len(ready) == 1 and ready[0][1] is False, spoken
    finally:
        window.close()


def test_an_indexing_failure_is_shown_as_an_error_and_announced_assertively(
    qtbot: QtBot,
) -> None:
    window = build_window(GuiOptions(library=LIBRARY, open_target=None), start_search=False)
    qtbot.addWidget(window)
    spoken: list[tuple[str, bool]] = []
    announcer().announced.connect(lambda text, assertive: spoken.append((text, assertive)))
    message = "The disk holding the search index is full: the index was not updated"
    window.search.index_failed.emit(message)
    assert window.status_label.text() == message
    assert window.status_label.property("error") is True
    assert (message, True) in spoken
    assert window.search_pane.status.text() == message
    window.close()
