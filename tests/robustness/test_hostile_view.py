"""A hostile article in the real article view: its markup is text on screen, the view
loads nothing from outside the document, and a huge article is shown cut to bounds."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot
from test_hostile_articles import FM, HOSTILE_MARKUP, hostile_article

from reader.core.article import MAX_TABLE_ROWS, parse_article
from reader.ui.article_view import ArticleView


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_markup_in_an_article_is_shown_as_text_in_the_view(view: ArticleView) -> None:
    view.show_article(hostile_article())
    shown = view.toPlainText()
    for markup in HOSTILE_MARKUP:
        assert markup in shown
    html = view.document().toHtml().lower()
    for tag in ("<script", "<img", "<iframe", "<object", "<meta http-equiv", "<style>body"):
        assert tag not in html
    for name in ("file:///etc/passwd", "http://example.com/", "x.swf"):
        assert not view.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(name))


def test_a_100000_row_table_is_shown_cut_to_bounds(qtbot: QtBot, view: ArticleView) -> None:
    table = "| n | square |\n|---|---|\n" + "".join(f"| {i} | {i * i} |\n" for i in range(100_000))
    article = parse_article(FM + table + "\nAfter the table.\n", Path("table.md"))
    view.show_article(article)
    # a long article's first screen comes first, the rest while the reader reads
    qtbot.waitUntil(lambda: view.text_complete, timeout=30000)
    shown = view.toPlainText()
    assert "After the table." in shown
    last = MAX_TABLE_ROWS - 1
    assert f"{last}\n{last * last}" in shown  # the last row kept
    assert f"{last + 1}\n{(last + 1) ** 2}" not in shown
