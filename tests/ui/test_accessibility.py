"""What assistive technology gets from the article and the status, checked in process."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from reader.core.article import read_article
from reader.core.model import Article
from reader.ui import accessibility
from reader.ui.accessibility import (
    LiveRegion,
    announce,
    announcer,
    citation_link_name,
    say_in_place,
    unnamed_focusable_widgets,
)
from reader.ui.article_view import ArticleView

FIXTURE = Path(__file__).parents[1] / "fixtures" / "ui_library" / "womens-health"


@pytest.fixture
def article() -> Article:
    return read_article(FIXTURE / "vitamin-b12-breast-milk.md")


@pytest.fixture
def view(qtbot: QtBot, article: Article) -> ArticleView:
    accessibility.install()
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    view.show_article(article)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return view


def _iface(widget: QWidget) -> QAccessibleInterface:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None and iface.isValid()
    return iface


def test_the_article_keeps_qt_own_text_interface(view: ArticleView, article: Article) -> None:
    iface = _iface(view)
    # Qt's C++ interface, not one made in Python: its attribute runs and selections are
    # what a screen reader reads lines and selections from.
    assert type(iface).__module__.startswith("PySide6"), type(iface)
    text = iface.textInterface()
    assert text is not None
    whole = text.text(0, text.characterCount())
    assert whole.startswith(article.title)
    assert all(s.heading in whole for s in article.headed_sections)
    assert iface.text(QAccessible.Text.Name) == f"Article: {article.title}"


def test_next_section_says_the_heading_and_its_level(view: ArticleView, article: Article) -> None:
    heard: list[str] = []
    announcer().announced.connect(lambda text, _assertive: heard.append(text))
    first = article.headed_sections[0]
    view.step_section(1)
    assert heard[-1] == f"heading level {first.level}, {first.heading}"
    assert view.accessibleDescription().strip() == heard[-1]
    view.step_section(1)
    second = article.headed_sections[1]
    assert view.accessibleDescription().strip() == f"heading level 2, {second.heading}"


def test_a_selected_citation_is_said_with_its_reference(view: ArticleView) -> None:
    heard: list[str] = []
    announcer().announced.connect(lambda text, _assertive: heard.append(text))
    assert view.step_citation(1) == 0
    assert heard[-1] == "citation 1, Cornell University, 2021"


def test_said_in_place_the_same_twice_is_still_a_change(view: ArticleView) -> None:
    say_in_place(view, "heading level 2, Findings")
    first = view.accessibleDescription()
    say_in_place(view, "heading level 2, Findings")
    assert view.accessibleDescription() != first
    assert {first.strip(), view.accessibleDescription().strip()} == {"heading level 2, Findings"}


def test_the_description_is_back_as_the_focus_comes_back(view: ArticleView, qtbot: QtBot) -> None:
    """Not changed as the focus leaves (a screen reader behind the keys said it then),
    but as it comes back, before the focus news: the message is not said again."""
    resting = view.accessibleDescription()
    other = QLineEdit()
    other.setAccessibleName("Other")
    qtbot.addWidget(other)
    other.show()
    say_in_place(view, "citation 1, Cornell University, 2021")
    assert view.accessibleDescription() != resting
    other.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    QApplication.processEvents()  # what a change put off to the event loop would need
    assert view.accessibleDescription().strip() == "citation 1, Cornell University, 2021"
    # What the description is as the focus changes (Qt sends its focus news after).
    seen: list[str] = []

    def on_focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
        if new is view:
            seen.append(view.accessibleDescription())

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.focusChanged.connect(on_focus_changed)
    try:
        view.activateWindow()
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
    finally:
        app.focusChanged.disconnect(on_focus_changed)
    assert seen[:1] == [resting] and view.accessibleDescription() == resting


def test_announce_shows_a_notification_screen_readers_speak(qtbot: QtBot) -> None:
    accessibility.install()
    window = QWidget()
    box = QLineEdit(window)
    box.setAccessibleName("Search")
    qtbot.addWidget(window)
    window.show()
    box.setFocus()
    QAccessible.setActive(True)  # as when a screen reader listens
    try:
        announce(box, "3 results")
        region = window.findChild(LiveRegion)
        assert region is not None and region.isVisible()
        iface = _iface(region)
        assert iface.role() == QAccessible.Role.Notification
        assert iface.text(QAccessible.Text.Name) == "3 results"
        announce(box, "3 results")  # the same news again is shown again
        assert window.findChildren(LiveRegion) == [region] and region.isVisible()
        region._forget.setInterval(10)  # and is soon forgotten (a kiosk's next person)
        announce(box, "2 results")
        qtbot.waitUntil(lambda: not region.isVisible() and not region.text(), timeout=2000)
    finally:
        QAccessible.setActive(False)


def test_polite_news_does_not_cut_into_reading_the_article(view: ArticleView) -> None:
    QAccessible.setActive(True)
    try:
        announce(view, "Search ready")
        assert view.window().findChild(LiveRegion) is None
        announce(view, "The index could not be built", assertive=True)
        region = view.window().findChild(LiveRegion)
        assert region is not None and region.text() == "The index could not be built"
    finally:
        QAccessible.setActive(False)


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


def test_citations_are_named_after_their_reference(article: Article) -> None:
    assert citation_link_name(article, "cite:0") == "citation 1, Cornell University, 2021"
    assert citation_link_name(article, "cite:999") is None
    assert citation_link_name(article, "flag:0") is None
    assert citation_link_name(None, "cite:0") is None


def test_focus_events_are_not_needed_for_place_messages(view: ArticleView) -> None:
    # A message about the focused article changes its description and nothing else:
    # no focus event that would make a screen reader re-read the whole object.
    name = view.accessibleName()
    say_in_place(view, "heading level 2, Findings")
    assert view.accessibleName() == name
    assert view.hasFocus()
