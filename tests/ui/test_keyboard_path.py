"""The whole reading path by keyboard alone: not one mouse event from start to end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from reader_windows import open_reader

from reader.core.theme import HIGH_CONTRAST, contrast_ratio
from reader.ui.accessibility import announcer
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"
SEED_ID = "b12-breast-milk"
CORNELL_CLAIM_START = "A study published earlier this year by researchers at Cornell University"

_MOUSE_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
}


#: The window paints the whole application (font, palette, style sheet): undone after each.
pytestmark = pytest.mark.usefixtures("restore_application_look")


class MouseWatch(QObject):
    """Counts every mouse button or wheel event the application delivers."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _MOUSE_EVENTS:
            self.count += 1
        return False


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    w = open_reader(qtbot, LIBRARY, search=True, active=True)
    yield w
    w.close()


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_search_open_sections_citation_reference_back_size_and_contrast(
    qtbot: QtBot, window: MainWindow, qapp: QApplication
) -> None:
    mouse = MouseWatch()
    qapp.installEventFilter(mouse)
    spoken: list[tuple[str, bool]] = []
    announcer().announced.connect(lambda text, assertive: spoken.append((text, assertive)))
    view = window.article_view
    refs = window.references_pane
    try:
        qtbot.waitUntil(
            lambda: window.search.index is not None and not window.search.indexing, timeout=20000
        )
        # Search: Ctrl+K, type, the count is announced.
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        assert focused() is window.search_pane.box
        qtbot.keyClicks(window.search_pane.box, "vitamin b12")
        qtbot.waitUntil(lambda: window.search_pane.hit_count() > 0, timeout=10000)
        qtbot.waitUntil(lambda: any("result" in t for t, _ in spoken))
        # Open the seed article from the results.
        qtbot.keyClick(window.search_pane.box, Qt.Key.Key_Return)
        assert focused() is window.search_pane.results
        row = next(
            r
            for r in range(window.search_pane.hit_count())
            if (hit := window.search_pane.hit(r)) is not None and hit.article_id == SEED_ID
        )
        for _ in range(row):
            qtbot.keyClick(window.search_pane.results, Qt.Key.Key_Down)
        qtbot.keyClick(window.search_pane.results, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.article is not None and view.article.id == SEED_ID)
        assert focused() is view

        # Next section twice from the top, then the next citation, then activate it.
        qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        assert view.current_section == "new-research-findings"
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier |
                       Qt.KeyboardModifier.AltModifier)  # fmt: skip
        spoken.clear()
        qtbot.keyClick(view, Qt.Key.Key_Return)

        # Reference 1 has the focus, which says it; it is not announced a second time.
        assert focused() is refs.list
        assert refs.current_key == "cornell"
        assert refs.list.currentRow() == 0
        assert (view.highlighted_claim() or "").startswith(CORNELL_CLAIM_START)
        current = refs.list.currentItem()
        assert current is not None
        name = str(current.data(Qt.ItemDataRole.AccessibleTextRole))
        assert name.startswith("Reference 1 of 4, Cornell University, 2021")
        assert not [text for text, _ in spoken if text.startswith("Reference 1 of 4")], spoken

        # Escape: back to the claim, in the article.
        qtbot.keyClick(refs.list, Qt.Key.Key_Escape)
        assert focused() is view
        assert (view.highlighted_claim() or "").startswith(CORNELL_CLAIM_START)

        # Text size 200 % (Ctrl+= five times from 100 %), then High contrast (Ctrl+Shift+T).
        for _ in range(5):
            qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        assert window.settings.text_scale == 200
        assert any(t == "Text size 200 %" for t, _ in spoken)
        shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        for _ in range(4):
            if window.theme is HIGH_CONTRAST:
                break
            qtbot.keyClick(view, Qt.Key.Key_T, shift_ctrl)
        assert window.theme is HIGH_CONTRAST
        assert any(t.startswith("Colours: High contrast") for t, _ in spoken)
        # The focus outline stays visible: at least 3:1 against what surrounds it.
        assert contrast_ratio(window.theme.focus, window.theme.background) >= 3.0
        assert contrast_ratio(window.theme.focus, window.theme.pane_bg) >= 3.0
        assert focused() is view
    finally:
        qapp.removeEventFilter(mouse)
    assert mouse.count == 0, f"{mouse.count} mouse events on a keyboard-only path"
