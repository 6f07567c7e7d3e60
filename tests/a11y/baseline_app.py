"""The baseline a screen reader is measured against: a plain QTextBrowser.

It shows the same HTML the reader renders for an article, with nothing of the
reader's accessibility layer: Qt's own text accessibility and a keyboard caret
(``TextSelectableByKeyboard``), as the notes on Orca describe it.
Usage: python -m tests.a11y.baseline_app ARTICLE.md
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

from reader.core.article import read_article
from reader.ui.article_html import render_article


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("baseline")
    article = read_article(Path(sys.argv[1]))
    window = QMainWindow()
    window.setWindowTitle(article.title)
    view = QTextBrowser()
    view.setOpenLinks(False)
    # Named as the reader names its article (unnamed, Orca reads out the whole text).
    view.setAccessibleName("Article")
    view.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextBrowserInteraction
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    view.setHtml(render_article(article).html)
    window.setCentralWidget(view)
    window.resize(1000, 800)
    window.show()
    window.activateWindow()
    view.setFocus()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
