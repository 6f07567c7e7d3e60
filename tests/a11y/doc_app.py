"""A small stand-in window for probing the AT-SPI harness: search, article, references."""

from __future__ import annotations

import sys

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.ui import accessibility

HTML = """<h1>Vitamin B-12 in Breast Milk</h1>
<p>Breastfeeding has long been touted. It is well known.</p>
<h2>New Research Findings</h2>
<p>Cornell found a correlation.<a href="cite:0">[1]</a> The study followed 68 pairs.</p>
<h3>Deficiency</h3><p>A review by WHO.<a href="cite:1">[2]</a></p>"""
REFS = ["Cornell University, 2021", "World Health Organization"]


def main() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName("doc-app")
    accessibility.install()
    window = QMainWindow()
    window.setWindowTitle("Doc app")
    central = QWidget()
    layout = QVBoxLayout(central)
    search = QLineEdit()
    search.setAccessibleName("Search the library")
    results = QListWidget()
    results.setAccessibleName("Results")
    view = QTextBrowser()
    view.setProperty(accessibility.DOCUMENT_PROPERTY, True)
    view.setOpenLinks(False)
    view.setAccessibleName("Article")
    view.setHtml(HTML)
    refs = QListWidget()
    refs.setAccessibleName("References")
    refs.addItems([f"{i + 1}. {r}" for i, r in enumerate(REFS)])
    for w in (search, results, view, refs):
        layout.addWidget(w)
    window.setCentralWidget(central)

    def on_search(text: str) -> None:
        results.clear()
        if "vitamin" in text.lower():
            results.addItem("Vitamin B-12 in Breast Milk")
        accessibility.announce(search, f"{results.count()} results")

    def on_anchor(url: QUrl) -> None:
        index = int(url.toString().split(":")[1])
        refs.setCurrentRow(index)
        refs.setFocus()
        accessibility.announce(
            refs, f"Reference {index + 1} of {len(REFS)}, {REFS[index]}", assertive=True
        )

    search.textChanged.connect(on_search)
    view.anchorClicked.connect(on_anchor)
    window.show()
    window.activateWindow()
    view.setFocus()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
