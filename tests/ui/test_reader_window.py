"""A person's paths through the reader window, by keyboard and by mouse (offscreen)."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QPoint, Qt
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QListWidget, QWidget
from pytestqt.qtbot import QtBot
from reader_windows import open_reader

from reader.core.settings import DEFAULTS
from reader.core.theme import HIGH_CONTRAST, contrast_ratio
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"
SEED_ID = "b12-breast-milk"
CORNELL_CLAIM = (
    "A study published earlier this year by researchers at Cornell University found a strong "
    "correlation between higher levels of vitamin B-12 in breast milk and better cognitive "
    "outcomes for infants."
)
LATER_CORNELL_CLAIM = "Higher levels of vitamin B-12 in breast milk keep coming up in this work."


def make_window(
    qtbot: QtBot, target: str | None = None, *, search: bool = False, library: Path = LIBRARY
) -> MainWindow:
    return open_reader(qtbot, library, target, search=search, active=True)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    w = make_window(qtbot, search=True)
    yield w
    w.close()


def wait_for_search(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: window.search.index is not None and not window.search.indexing, timeout=20000
    )


def click_href(qtbot: QtBot, window: MainWindow, href: str) -> None:
    """Click the middle of a link in the article text, as a mouse does."""
    view = window.article_view
    span = view.marker_span(href)
    assert span is not None, href
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    point = QPoint(rect.left() + 6, rect.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def click_list_row(qtbot: QtBot, widget: QListWidget, row: int) -> None:
    item = widget.item(row)
    assert item is not None
    rect = widget.visualItemRect(item)
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def focused() -> QWidget | None:
    return QApplication.focusWidget()


# --- the keyboard path -------------------------------------------------------------------


def test_keyboard_search_open_cite_and_back(qtbot: QtBot, window: MainWindow) -> None:
    wait_for_search(qtbot, window)
    view = window.article_view
    refs = window.references_pane

    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.search_pane.box
    qtbot.keyClicks(window.search_pane.box, "b12")
    qtbot.waitUntil(lambda: window.search_pane.hit_count() > 0, timeout=10000)
    hit = window.search_pane.hit(0)
    assert hit is not None and hit.article_id == SEED_ID
    assert "result" in window.search_pane.status.text()

    qtbot.keyClick(window.search_pane.box, Qt.Key.Key_Return)  # into the results
    assert focused() is window.search_pane.results
    qtbot.keyClick(window.search_pane.results, Qt.Key.Key_Return)  # open the hit
    qtbot.waitUntil(lambda: view.article is not None and view.article.id == SEED_ID)
    assert focused() is view
    assert view.marked_words(), "the matched words are marked in the opened article"
    assert window.sections_pane.current_anchor() == view.current_section

    # To the top, then the next citation is the Cornell one: Enter activates it.
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Period)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert refs.current_key == "cornell"
    assert refs.list.currentItem().text().startswith("1. Cornell University.")
    assert focused() is refs.list
    assert view.highlighted_claim() == CORNELL_CLAIM

    # Follow "cited in" to the second place reference 1 is cited.
    qtbot.keyClick(refs.list, Qt.Key.Key_Tab)
    assert focused() is refs.cited_in
    assert [i.text() for i in refs.cited_in_items()] == [
        "New Research Findings, ¶2",
        "Future Advances on this Topic, ¶1",
    ]
    refs.cited_in.setCurrentRow(0)
    qtbot.keyClick(refs.cited_in, Qt.Key.Key_Down)
    qtbot.keyClick(refs.cited_in, Qt.Key.Key_Return)
    assert view.highlighted_claim() == LATER_CORNELL_CLAIM
    assert focused() is view

    # Alt+Left returns to where the reader was: the Cornell claim.
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.highlighted_claim() == CORNELL_CLAIM
    assert focused() is view
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.highlighted_claim() == LATER_CORNELL_CLAIM


def test_keys_move_between_sections_citations_and_panes(qtbot: QtBot) -> None:
    window = make_window(qtbot, SEED_ID)
    view = window.article_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_BracketRight)
    qtbot.keyClick(view, Qt.Key.Key_BracketRight)
    assert view.current_section == "new-research-findings"
    assert window.sections_pane.current_anchor() == "new-research-findings"
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.current_section == "linking-maternal-nutrition-to-infant-development-outcomes"
    qtbot.keyClick(view, Qt.Key.Key_Period)  # next citation: the WHO one, [2]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.references_pane.current_key == "who"
    qtbot.keyClick(window.references_pane.list, Qt.Key.Key_Escape)  # back to the claim
    assert focused() is view
    assert view.highlighted_claim() is not None and "World Health Organization" in (
        view.highlighted_claim() or ""
    )
    seen = []
    for _ in range(5):
        qtbot.keyClick(focused() or window, Qt.Key.Key_F6)
        seen.append(window.current_pane())
    assert seen == ["sections", "references", "search", "library", "article"]
    qtbot.keyClick(focused() or window, Qt.Key.Key_Slash)
    assert focused() is window.search_pane.box
    window.close()


# --- the mouse path ----------------------------------------------------------------------


def test_mouse_open_from_library_click_citation_and_cited_in(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    view = window.article_view
    assert view.article is None  # the welcome page
    tree = window.library_pane.tree
    item = window.library_pane.item_for(SEED_ID)
    assert item is not None
    tree.scrollToItem(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    qtbot.waitUntil(lambda: view.article is not None and view.article.id == SEED_ID)

    click_href(qtbot, window, "cite:0")
    qtbot.waitUntil(lambda: window.references_pane.current_key == "cornell")
    assert view.highlighted_claim() == CORNELL_CLAIM

    click_list_row(qtbot, window.references_pane.cited_in, 1)
    assert view.highlighted_claim() == LATER_CORNELL_CLAIM

    # A flagged claim is marked, and its marker explains itself.
    click_href(qtbot, window, "flag:0")
    notice = window.references_pane.notice.text()
    assert "Journal of Autism and Developmental Disorders" in notice
    assert "not in this article's list of sources" in notice
    window.close()


def test_links_open_nothing_outside_the_reader(qtbot: QtBot) -> None:
    window = make_window(qtbot, SEED_ID)
    view = window.article_view
    assert not view.openLinks() and not view.openExternalLinks()
    html = view.toHtml()
    assert "https://www.who.int" in view.toPlainText()  # shown as text ...
    assert 'href="https://www.who.int' not in html  # ... never as a link
    window.close()


# --- size and colours ----------------------------------------------------------------------


def test_300_percent_high_contrast_reflows_and_uses_the_theme(qtbot: QtBot) -> None:
    window = make_window(qtbot, SEED_ID)
    view = window.article_view
    view.setFocus()
    for _ in range(7):  # 110, 125, 150, 175, 200, 250, 300
        qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.text_scale == 300
    assert window.size_label.text() == "300 %"
    window.actions_by_id["cycle_theme"].trigger()  # reach it via the View menu's group
    hc_action = next(
        a for a in window.look_controls.theme_group.actions() if a.data() == HIGH_CONTRAST.id
    )
    hc_action.trigger()
    assert window.theme is HIGH_CONTRAST
    view.follow("cite:0")
    window.resize(1280, 800)

    def reflowed() -> bool:
        return view.horizontalScrollBar().maximum() == 0

    qtbot.waitUntil(reflowed)
    assert window.width() == 1280
    assert view.viewport().width() >= 1280 * 0.4
    # The controls grew with the text.
    assert QApplication.font().pointSizeF() >= 2.9 * window.look.base_point
    assert view.font().pointSizeF() > QApplication.font().pointSizeF()
    # The colours a person sees are the theme's.
    assert view.palette().color(QPalette.ColorRole.Base) == QColor(HIGH_CONTRAST.background)
    image = view.viewport().grab().toImage()
    assert image.pixelColor(2, 2) == QColor(HIGH_CONTRAST.background)
    claim = [
        s
        for s in view.extraSelections()
        if s.format.background().color() == QColor(HIGH_CONTRAST.claim_bg)
    ]
    assert claim and claim[0].format.foreground().color() == QColor(HIGH_CONTRAST.claim_fg)
    span = view.marker_span("cite:0")
    assert span is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0] + 1)
    link_colour = cursor.charFormat().foreground().color().name()
    assert link_colour == HIGH_CONTRAST.link
    assert contrast_ratio(link_colour, HIGH_CONTRAST.background) >= 7
    assert HIGH_CONTRAST.focus in QApplication.instance().styleSheet()  # type: ignore[union-attr]
    window.close()


def test_400_percent_never_scrolls_sideways(qtbot: QtBot) -> None:
    window = make_window(qtbot, SEED_ID)
    window.update_settings(text_scale=400)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.article_view.horizontalScrollBar().maximum() == 0)
    window.close()


def test_ctrl_wheel_changes_the_size(qtbot: QtBot) -> None:
    window = make_window(qtbot, SEED_ID)
    window.article_view.zoom_requested.emit(1)
    assert window.settings.text_scale == 110
    window.close()


# --- settings --------------------------------------------------------------------------


def test_settings_persist_across_a_restart(qtbot: QtBot, private_home: Path) -> None:
    first = make_window(qtbot, SEED_ID)
    first.update_settings(text_scale=250, theme="high_contrast_yellow", font_family="atkinson")
    first.update_settings(line_spacing=2.0)
    first.docks["library"].close()
    first.close()
    saved = json.loads((private_home / "config" / "settings.json").read_text(encoding="utf-8"))
    assert saved["text_scale"] == 250 and saved["last_article"] == SEED_ID

    second = make_window(qtbot)
    assert second.settings.text_scale == 250
    assert second.settings.theme == "high_contrast_yellow"
    assert second.settings.line_spacing == 2.0
    assert second.article_view.article is not None
    assert second.article_view.article.id == SEED_ID  # the last article is open again
    assert "Atkinson Hyperlegible" in second.article_view.font().families()
    assert not second.docks["library"].toggleViewAction().isChecked()  # layout remembered
    second.close()


def test_reading_mode_is_the_whole_screen_and_gives_the_window_back(
    qtbot: QtBot, private_home: Path
) -> None:
    first = make_window(qtbot, SEED_ID)
    first.resize(700, 450)
    first.move(20, 30)
    qtbot.waitUntil(lambda: first.size().width() == 700)
    before = first.geometry()
    qtbot.keyClick(first.article_view, Qt.Key.Key_F9)
    assert first.isFullScreen()
    qtbot.waitUntil(lambda: first.geometry() == first.screen().geometry())
    first.close()  # closed in reading mode: the window as it was is kept, not the screen
    saved = json.loads((private_home / "config" / "settings.json").read_text(encoding="utf-8"))
    kept = QWidget()
    assert kept.restoreGeometry(QByteArray(base64.b64decode(saved["window_geometry"])))
    assert not kept.isFullScreen() and kept.size() == before.size()
    second = make_window(qtbot)
    assert not second.isFullScreen() and not second.reading_mode
    second.resize(700, 450)
    qtbot.keyClick(second.article_view, Qt.Key.Key_F9)
    assert second.isFullScreen()
    qtbot.keyClick(second.article_view, Qt.Key.Key_F9)  # F9 again: the window as it was
    assert not second.isFullScreen()
    qtbot.waitUntil(lambda: second.size().width() == 700)
    assert second.menuBar().isVisible() and second.statusBar().isVisible()
    second.close()


def test_reset_view_returns_to_the_defaults(qtbot: QtBot, private_home: Path) -> None:
    window = make_window(qtbot, SEED_ID)
    window.update_settings(text_scale=300, theme="dark", line_spacing=1.0)
    window.docks["references"].close()
    qtbot.keyClick(
        window,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.settings.text_scale == DEFAULTS.text_scale
    assert window.settings.theme == DEFAULTS.theme
    assert window.settings.line_spacing == DEFAULTS.line_spacing
    assert window.docks["references"].toggleViewAction().isChecked()
    saved = json.loads((private_home / "config" / "settings.json").read_text(encoding="utf-8"))
    assert saved["text_scale"] == DEFAULTS.text_scale
    window.close()


def test_a_damaged_settings_file_starts_with_defaults_and_says_so(
    qtbot: QtBot, private_home: Path
) -> None:
    path = private_home / "config" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"text_scale": 9000, "theme": "neon"}', encoding="utf-8")
    window = make_window(qtbot)
    assert window.settings.text_scale == DEFAULTS.text_scale
    assert "text_scale" in window.status_label.text()
    window.close()


# --- opening from outside ----------------------------------------------------------------


def test_open_by_id(qtbot: QtBot) -> None:
    window = make_window(qtbot, "iron-in-pregnancy")
    assert window.article_view.article is not None
    assert window.article_view.article.title == "Iron in Pregnancy"
    assert window.sections_pane.anchors() == ["lead", "sources-of-iron"]
    window.close()


def test_open_by_path(qtbot: QtBot) -> None:
    path = LIBRARY / "womens-health" / "vitamin-b12-breast-milk.md"
    window = make_window(qtbot, str(path))
    assert window.article_view.article is not None
    assert window.article_view.article.id == SEED_ID
    window.close()


def test_an_unknown_target_shows_the_welcome_page_and_a_message(qtbot: QtBot) -> None:
    window = make_window(qtbot, "no-such-article")
    assert window.article_view.article is None
    assert "Welcome" in window.article_view.toPlainText()
    assert "no-such-article" in window.status_label.text()
    window.close()


# --- every control is named ------------------------------------------------------------


def test_every_focusable_widget_has_an_accessible_name(qtbot: QtBot) -> None:
    window = make_window(qtbot, SEED_ID)
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
        and not (
            w.parentWidget()
            and w.parentWidget().focusProxy() is w
            and w.parentWidget().accessibleName()
        )
        and type(w).__name__ not in ("QScrollBar", "QDockWidget", "QTabBar")
        and w.objectName() not in ("qt_scrollarea_viewport",)
        and w.window() is window
    ]
    assert not unnamed, unnamed
    window.close()


# --- the bundled seed article --------------------------------------------------------------

BUNDLED = Path(__file__).parents[2] / "library"
BUNDLED_SEED = "exploring-the-connection-between-vitamin-b-12-in-breast-milk"


@pytest.mark.skipif(
    not (BUNDLED / "womens-health" / f"{BUNDLED_SEED}.md").is_file(),
    reason="the bundled library has no converted seed article",
)
def test_the_bundled_seed_article_links_cornell_to_reference_1(qtbot: QtBot) -> None:
    window = make_window(qtbot, BUNDLED_SEED, library=BUNDLED)
    view = window.article_view
    assert view.article is not None and view.article.id == BUNDLED_SEED
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Period)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    refs = window.references_pane
    assert refs.list.currentItem().text().startswith("1. Cornell University.")
    claim = view.highlighted_claim() or ""
    assert claim.startswith("A study published earlier this year by researchers at Cornell")
    assert refs.cited_in_items(), "reference 1 lists where it is cited"
    click_list_row(qtbot, refs.cited_in, 0)
    assert view.highlighted_claim() == claim
    assert view.extraSelections(), "the flagged claim and the claim are marked"
    window.close()
