"""The article document as assistive technology sees it, checked in process (offscreen)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from reader.core.article import read_article
from reader.ui import accessibility
from reader.ui.accessibility import (
    DocumentAccessible,
    announce,
    announcer,
    citation_link_name,
    document_accessible,
    unnamed_focusable_widgets,
)

HTML = """
<h1>Vitamin B-12</h1>
<p>Breastfeeding has long been touted. It is well known.</p>
<h2>New Research Findings</h2>
<p>Cornell found a correlation.<a href="cite:0" title="Reference 1: Cornell University, 2021">[1]</a>
The study followed 68 pairs.</p>
<h3>Deficiency</h3>
<p>A review by WHO.<a href="cite:1">[2]</a></p>
"""


@pytest.fixture
def browser(qtbot: QtBot) -> QTextBrowser:
    accessibility.install()
    view = QTextBrowser()
    view.setProperty(accessibility.DOCUMENT_PROPERTY, True)
    view.setOpenLinks(False)
    view.setHtml(HTML)
    qtbot.addWidget(view)
    view.show()
    return view


def _doc(browser: QTextBrowser) -> DocumentAccessible:
    doc = document_accessible(browser)
    assert doc is not None, "the factory did not give the browser a document interface"
    return doc


def _walk(iface: QAccessibleInterface) -> list[QAccessibleInterface]:
    out = [iface]
    for i in range(iface.childCount()):
        child = iface.child(i)
        assert child is not None
        assert child.parent() is iface or child.parent() is not None
        out.extend(_walk(child))
    return out


def test_browser_is_a_document_with_headings_and_levels(browser: QTextBrowser) -> None:
    doc = _doc(browser)
    assert doc.role() == QAccessible.Role.Document
    headings = [
        (
            n.text(QAccessible.Text.Name),
            n.attributesInterface().attributeValue(QAccessible.Attribute.Level),
        )
        for n in _walk(doc)
        if n.role() == QAccessible.Role.Heading
    ]
    assert headings == [("Vitamin B-12", 1), ("New Research Findings", 2), ("Deficiency", 3)]


def test_citation_markers_are_named_links(browser: QTextBrowser) -> None:
    links = [n for n in _walk(_doc(browser)) if n.role() == QAccessible.Role.Link]
    names = [n.text(QAccessible.Text.Name) for n in links]
    assert names == ["Reference 1: Cornell University, 2021", "[2]"]
    assert links[0].parent().role() == QAccessible.Role.Paragraph
    assert "Press" in links[0].actionInterface().actionNames()


def test_link_press_action_activates_the_link(browser: QTextBrowser, qtbot: QtBot) -> None:
    link = next(n for n in _walk(_doc(browser)) if n.role() == QAccessible.Role.Link)
    with qtbot.waitSignal(browser.anchorClicked) as blocker:
        link.actionInterface().doAction(link.actionInterface().pressAction())
    assert blocker.args == [QUrl("cite:0")]


def test_text_interfaces_follow_the_caret(browser: QTextBrowser) -> None:
    doc = _doc(browser)
    text = doc.textInterface()
    assert text is not None
    assert text.text(0, 12) == "Vitamin B-12"
    assert text.characterCount() == len(browser.toPlainText())
    paragraph = doc.child(1)
    assert paragraph is not None and paragraph.role() == QAccessible.Role.Paragraph
    ptext = paragraph.textInterface()
    assert ptext.text(0, ptext.characterCount()).startswith("Breastfeeding has long")
    ptext.setCursorPosition(5)
    assert browser.textCursor().position() == paragraph.block.start + 5  # type: ignore[attr-defined]
    assert text.cursorPosition() == browser.textCursor().position()
    assert ptext.cursorPosition() == 5
    heading = doc.child(0)
    assert heading is not None and heading.textInterface().cursorPosition() == -1


def test_children_are_rebuilt_when_the_document_changes(browser: QTextBrowser) -> None:
    doc = _doc(browser)
    assert doc.childCount() == 6
    browser.setHtml("<h2>Only</h2><p>one <a href='cite:0'>[1]</a></p>")
    assert doc.childCount() == 2
    assert doc.child(0).text(QAccessible.Text.Name) == "Only"
    assert [n.text(QAccessible.Text.Name) for n in doc.links] == ["[1]"]


def _live_nodes() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, accessibility._Node))


def test_replaced_children_are_released_not_kept_per_document(browser: QTextBrowser) -> None:
    doc = _doc(browser)
    old = [doc.child(i) for i in range(doc.childCount())]
    old_ids = [QAccessible.uniqueId(n) for n in old if n is not None]
    assert old_ids and all(QAccessible.accessibleInterface(i) is not None for i in old_ids)
    browser.setHtml("<h2>Only</h2><p>one <a href='cite:0'>[1]</a></p>")
    assert doc.childCount() == 2
    # Qt no longer serves the old children, and their C++ side is gone.
    assert all(QAccessible.accessibleInterface(i) is None for i in old_ids)
    assert not any(shiboken6.isValid(n) for n in old)
    del old
    baseline = _live_nodes()
    for n in range(20):  # opening article after article costs nothing that stays
        browser.setHtml(HTML if n % 2 else "<h2>Only</h2><p>one <a href='cite:0'>[1]</a></p>")
        doc.childCount()
    browser.setHtml("<h2>Only</h2><p>one <a href='cite:0'>[1]</a></p>")
    assert doc.childCount() == 2
    assert _live_nodes() <= baseline


def test_selecting_a_link_by_keyboard_focuses_its_node(browser: QTextBrowser) -> None:
    doc = _doc(browser)
    link = doc.links[0]
    link.select()
    assert doc.selected_link() is link
    assert link.state().focused


def test_announce_is_safe_without_assistive_technology(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(announcer().announced) as blocker:
        announce(widget, "3 results", assertive=False)
    assert blocker.args == ["3 results", False]


def test_unnamed_focusable_widgets_are_listed(qtbot: QtBot) -> None:
    root = QWidget()
    layout = QVBoxLayout(root)
    named = QLineEdit()
    named.setAccessibleName("Search")
    icon_only = QPushButton()
    labelled = QPushButton("Open")
    for w in (named, icon_only, labelled):
        layout.addWidget(w)
    qtbot.addWidget(root)
    root.show()
    assert unnamed_focusable_widgets(root) == [icon_only]


def test_citation_links_are_named_after_their_reference(qtbot: QtBot) -> None:
    fixture = Path(__file__).parents[1] / "fixtures" / "ui_library" / "womens-health"
    article = read_article(fixture / "vitamin-b12-breast-milk.md")
    assert citation_link_name(article, "cite:0") == "Reference 1: Cornell University, 2021"
    assert citation_link_name(article, "cite:999") is None
    assert citation_link_name(article, "flag:0") is None
    assert citation_link_name(None, "cite:0") is None
