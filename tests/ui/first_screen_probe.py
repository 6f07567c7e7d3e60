"""Print the article text a person sees on the first screen of the real window, on an
offscreen screen of exactly the size asked for; JSON on a line starting "PROBE ".

    python tests/ui/first_screen_probe.py 1024x600 LIBRARY ARTICLE_ID

Run as a child process by ``test_research_articles.py`` (a process has one screen size).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from layout_probe import configure_screen


def visible_text(view: object) -> str:
    """The document text between the top-left and bottom-right of the view's viewport."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QTextBrowser

    assert isinstance(view, QTextBrowser)
    doc = view.document()
    layout = doc.documentLayout()
    margin = doc.documentMargin()
    top = view.verticalScrollBar().value()
    port = view.viewport()
    fuzzy = Qt.HitTestAccuracy.FuzzyHit
    first = layout.hitTest(QPointF(margin + 1, top + margin + 1), fuzzy)
    last = layout.hitTest(QPointF(port.width() - margin - 1, top + port.height() - 1), fuzzy)
    cursor = QTextCursor(doc)
    cursor.setPosition(max(first, 0))
    cursor.setPosition(max(last, 0), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def main(argv: list[str]) -> int:
    size, library, article = argv[1], Path(argv[2]), argv[3]
    configure_screen(size)
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reader.cli.gui import GuiOptions
    from reader.ui.app import build_window

    window = build_window(GuiOptions(library=library, open_target=article), start_search=False)
    window.show()
    QTest.qWaitForWindowExposed(window)
    app = QApplication.instance()
    assert app is not None
    for _ in range(200):
        if window.article_view.article is not None:
            break
        QTest.qWait(50)
    QTest.qWait(200)  # the reflow timer (60 ms) and the tool bars' fit
    app.processEvents()
    screen = window.screen().geometry()
    record = {
        "screen": f"{screen.width()}x{screen.height()}",
        "window": f"{window.width()}x{window.height()}",
        "visible": visible_text(window.article_view),
    }
    print("PROBE " + json.dumps(record), flush=True)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
