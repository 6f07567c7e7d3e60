"""People at the kiosk, one after another: what one leaves and what the next one tries.

:func:`use_everything` does what a curious person does with every control (types in
the search box with both keyboards, undoes and redoes, selects and copies text,
middle-click pastes, scrolls, opens a source, changes the text size and colours,
walks Back and Forward, opens the help, leaves the staff PIN pad and the on-screen
keyboard open). :func:`reach_for_the_last_people` is the next person trying every
input they have to get at any of it; each probe in :data:`PROBES` is named after
the part of the session it tries to reach.

Used by ``test_kiosk_privacy.py`` offscreen and, for the X11 PRIMARY selection,
under Xvfb.
"""

from __future__ import annotations

import ast
import shutil
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, QProcess, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QWidget,
)
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from reader.core.kiosk import KioskConfig
from reader.core.library import Library
from reader.ui.i18n import language_name, translations
from reader.ui.kiosk.window import KioskWindow, kiosk_stylesheet

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ui_library"
Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier
Alt = Qt.KeyboardModifier.AltModifier
NoMod = Qt.KeyboardModifier.NoModifier

LONG_ARTICLE = """\
---
id: quillwort-remedies
title: Quillwort Remedies Reviewed
collection: Nutrition
authors:
  - Test Author
published: "2020"
licence: CC-BY-4.0
language: en
---

Quillwort tea was once said to help with tiredness.[^q]

{sections}

[^q]: Quillwort Society. Findings on quillwort tea. 2020. https://example.org/quillwort
"""


def make_library(root: Path) -> Path:
    """The UI fixture library plus one long article (so there is something to scroll)."""
    library = root / "library"
    shutil.copytree(FIXTURES, library)
    sections = "\n\n".join(
        f"## Quillwort part {n}\n\n"
        + " ".join(f"Sentence {m} of part {n} says something about quillwort." for m in range(12))
        for n in range(1, 30)
    )
    (library / "nutrition" / "quillwort-remedies.md").write_text(
        LONG_ARTICLE.format(sections=sections), encoding="utf-8"
    )
    return library


@dataclass(frozen=True)
class Person:
    """What one person does: words to search, and the words that must never reach the next."""

    query: str  # typed on the on-screen keyboard (lower-case letters only)
    extra: str  # typed on a physical keyboard after it
    article_title: str
    collection: str
    secrets: tuple[str, ...]


FIRST = Person(
    query="quillwort",
    extra=" brewtonic",
    article_title="Quillwort Remedies Reviewed",
    collection="Nutrition",
    secrets=("quillwort", "Quillwort", "brewtonic", "part 17", "example.org/quillwort"),
)
SECOND = Person(
    query="cornell",
    extra=" milkweedy",
    article_title="Exploring the Connection Between Vitamin B-12",
    collection="Women's health",
    secrets=("cornell", "Cornell", "milkweedy", "Exploring the Connection"),
)


def open_window(qtbot: QtBot, library: Path, config: KioskConfig) -> KioskWindow:
    window = KioskWindow(Library.scan(library), config)
    window.start()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10000)
    qtbot.waitUntil(lambda: window.search.is_ready, timeout=30000)
    return window


def close_window(window: KioskWindow) -> None:
    window.shutdown()
    window.guard.grant_exit()
    window.close()
    window.deleteLater()


def keys(window: KioskWindow) -> dict[str, QPushButton]:
    return {b.accessibleName(): b for b in window.keyboard.buttons()}


def tap(qtbot: QtBot, widget: QWidget, pos: QPoint | None = None) -> None:
    # A tile below the fold is scrolled to first, as a finger would.
    holder = widget.parentWidget()
    while holder is not None and not isinstance(holder, QScrollArea):
        holder = holder.parentWidget()
    if holder is not None:
        holder.ensureWidgetVisible(widget)
    if pos is None:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def tap_item(qtbot: QtBot, view: QListWidget, text: str) -> None:
    for row in range(view.count()):
        item = view.item(row)
        if item is not None and text in item.text():
            view.scrollToItem(item)
            tap(qtbot, view.viewport(), view.visualItemRect(item).center())
            return
    raise AssertionError(f"no row with {text!r} in {view.accessibleName()}")


def selection_supported() -> bool:
    clipboard = QGuiApplication.clipboard()
    return clipboard is not None and clipboard.supportsSelection()


def primary_text() -> str:
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    return clipboard.text(QClipboard.Mode.Selection)


def clipboard_text() -> str:
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    return clipboard.text(QClipboard.Mode.Clipboard)


READ_SELECTION = """
import sys
from PySide6.QtGui import QClipboard, QGuiApplication
app = QGuiApplication(sys.argv[:1])
clipboard = app.clipboard()
sys.stdout.write(repr((clipboard.text(QClipboard.Mode.Selection), clipboard.text())))
"""


def seen_by_another_program(qtbot: QtBot) -> tuple[str, str]:
    """The PRIMARY selection and the clipboard as another X client reads them.

    Run while this event loop keeps turning, so that if this process still owned a
    selection it could answer the other program's request.
    """
    process = QProcess()
    process.start(sys.executable, ["-c", READ_SELECTION])
    qtbot.waitUntil(lambda: process.state() == QProcess.ProcessState.NotRunning, timeout=20000)
    out = bytes(process.readAllStandardOutput().data()).decode()
    err = bytes(process.readAllStandardError().data()).decode()
    assert process.exitCode() == 0 and out, err
    primary, clipboard = ast.literal_eval(out)
    return str(primary), str(clipboard)


def point_of(view: QTextEdit, position: int) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return view.cursorRect(cursor).center()


# --- one person's session ----------------------------------------------------------------


def use_everything(
    qtbot: QtBot, window: KioskWindow, person: Person, *, leave_pin_pad: bool
) -> None:
    """``leave_pin_pad``: end with the staff PIN pad open (a modal dialog: then the
    person can no longer press Finish, only walk away)."""
    box = window.search_box
    # Search: on-screen keyboard, then the physical one; undo and redo; select, paste.
    tap(qtbot, box)
    assert window.keyboard.isVisible()
    on_screen = keys(window)
    for ch in person.query:
        tap(qtbot, on_screen[ch])
    qtbot.keyClicks(box, person.extra)
    qtbot.keyClick(box, Qt.Key.Key_Z, Ctrl)
    assert box.text() != person.query + person.extra
    qtbot.keyClick(box, Qt.Key.Key_Z, Ctrl | Shift)
    assert box.text() == person.query + person.extra
    qtbot.mouseDClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.hasSelectedText()
    qtbot.keyClick(box, Qt.Key.Key_A, Ctrl)
    qtbot.keyClick(box, Qt.Key.Key_C, Ctrl)
    assert clipboard_text() == person.query + person.extra
    if selection_supported():
        # What a person selected with the mouse is pasted by a middle click (X11).
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, Shift, QPoint(box.width() - 8, 10))
        qtbot.mouseDClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        assert person.query in primary_text()
        if person is FIRST:  # another program sees a live selection: the probe can fail
            assert person.query in seen_by_another_program(qtbot)[0]
        qtbot.keyClick(box, Qt.Key.Key_End)
        qtbot.mouseClick(box, Qt.MouseButton.MiddleButton, pos=QPoint(box.width() - 8, 10))
        assert box.text().count(person.query) == 2, box.text()
        qtbot.keyClick(box, Qt.Key.Key_Z, Ctrl)
    tap(qtbot, on_screen["Clear the search box"])
    for ch in person.query:
        tap(qtbot, on_screen[ch])
    tap(qtbot, on_screen["Search"])
    assert window.current_page == "results", window.results_heading.text()
    tap_item(qtbot, window.results_list, person.article_title)
    qtbot.waitUntil(lambda: window.current_page == "article")
    view = window.article_view
    assert person.article_title in view.toPlainText()
    # Read: open the first source, scroll, select words (mouse and keys) and copy them.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Ctrl)
    span = view.marker_span("cite:0")
    assert span is not None
    # The first citation may be below the first screen: scrolled to, as a finger would.
    while point_of(view, span[0] + 1).y() > view.viewport().height() - 20:
        before = view.verticalScrollBar().value()
        view.verticalScrollBar().setValue(before + view.viewport().height() // 2)
        if view.verticalScrollBar().value() == before:
            break
    tap(qtbot, view.viewport(), point_of(view, span[0] + 1))
    qtbot.waitUntil(lambda: window.references_open)
    assert window.reference_text.toPlainText()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    start = view.document().toPlainText().find(person.article_title.split()[0])
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, start + 2))
    for _ in range(12):
        qtbot.keyClick(view, Qt.Key.Key_Right, Shift)
    qtbot.keyClick(view, Qt.Key.Key_C, Ctrl)
    assert view.textCursor().hasSelection()
    assert clipboard_text().strip()
    qtbot.keyClick(view, Qt.Key.Key_End, Ctrl)
    assert view.verticalScrollBar().value() > 0 or view.verticalScrollBar().maximum() == 0
    # The view: larger text, other colours.
    tap(qtbot, window.larger_button)
    tap(qtbot, window.larger_button)
    tap(qtbot, window.colours_button)
    assert window.text_size > window.config.display.text_size
    assert window.theme_id != window.config.display.theme
    # The other language, from the home screen's language button.
    tap(qtbot, window.home_button)
    before = window.language_button.text()
    tap(qtbot, window.language_button)
    assert translations().language != window.config.display.language
    qtbot.waitUntil(lambda: window.language_button.text() != before)
    tap(qtbot, window.back_button)
    assert window.current_page == "article"
    # Back, forward, the help page (scrolled), back again: both histories have places.
    tap(qtbot, window.back_button)
    assert window.current_page == "results"
    tap(qtbot, window.forward_button)
    assert window.current_page == "article"
    tap(qtbot, window.help_button)
    window.help_view.setFocus()
    qtbot.keyClick(window.help_view, Qt.Key.Key_End, Ctrl)
    qtbot.keyClick(window.help_view, Qt.Key.Key_Left, Shift)
    tap(qtbot, window.back_button)
    assert window.history_length[0] >= 2 and window.history_length[1] >= 1
    assert window.current_page == "article"
    # The on-screen keyboard left open, and the staff PIN pad left half typed in.
    tap(qtbot, window.keyboard_button)
    assert window.keyboard.isVisible()
    if leave_pin_pad:
        for _ in range(window.config.admin.taps):
            tap(qtbot, window.admin_corner)
        qtbot.waitUntil(lambda: window.pin_dialog is not None and window.pin_dialog.isVisible())
        dialog = window.pin_dialog
        assert dialog is not None
        digits = {b.accessibleName(): b for b in dialog.findChildren(QPushButton)}
        tap(qtbot, digits["1"])
        tap(qtbot, digits["7"])
        assert dialog.pin.text() == "17"


# --- the next person ---------------------------------------------------------------------


def _probe_page(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    assert window.current_page == "home"
    assert window.stack.currentWidget() is window.pages["home"]
    assert not window.warning.isVisible()
    # Keys go where the focus is: never to a hidden page's widget (an old article, a list).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    focus = QApplication.focusWidget()
    assert focus is not None and focus.isVisible(), focus and focus.objectName()
    assert focus.window() is window


def _probe_dialogs(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    assert window.pin_dialog is None
    assert QApplication.activeModalWidget() is None
    assert QApplication.activePopupWidget() is None
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    assert shown == [], [w.objectName() or type(w).__name__ for w in shown]
    if window.config.admin.exit_possible:
        # A fresh PIN pad: nothing typed, nothing to undo back into it.
        for _ in range(window.config.admin.taps):
            tap(qtbot, window.admin_corner)
        qtbot.waitUntil(lambda: window.pin_dialog is not None and window.pin_dialog.isVisible())
        dialog = window.pin_dialog
        assert dialog is not None
        assert dialog.pin.text() == ""
        for combo in ((Qt.Key.Key_Z, Ctrl), (Qt.Key.Key_Z, Ctrl | Shift), (Qt.Key.Key_Y, Ctrl)):
            qtbot.keyClick(dialog.pin, *combo)
            assert dialog.pin.text() == ""
        tap(qtbot, next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel"))
        qtbot.waitUntil(lambda: window.pin_dialog is None)


def _probe_keyboard(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    assert not window.keyboard.isVisible()
    assert not window.keyboard_button.isChecked()


def _probe_search_box(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    box = window.search_box
    assert box.text() == ""
    tap(qtbot, box)
    for combo in (
        (Qt.Key.Key_Z, Ctrl),
        (Qt.Key.Key_Z, Ctrl),
        (Qt.Key.Key_Z, Ctrl | Shift),
        (Qt.Key.Key_Y, Ctrl),
        (Qt.Key.Key_Z, Ctrl),
        (Qt.Key.Key_Backspace, Alt),  # an old undo key some keymaps still have
    ):
        qtbot.keyClick(box, *combo)
        assert box.text() == "", f"{combo} brought back {box.text()!r}"
    assert not box.isUndoAvailable() and not box.isRedoAvailable()
    qtbot.keyClick(box, Qt.Key.Key_V, Ctrl)
    qtbot.keyClick(box, Qt.Key.Key_Insert, Shift)
    assert box.text() == "", f"pasting brought back {box.text()!r}"
    qtbot.mouseClick(box, Qt.MouseButton.MiddleButton, pos=QPoint(10, box.height() // 2))
    assert box.text() == "", f"a middle click pasted {box.text()!r}"
    # The on-screen keyboard's own Clear and Delete keys bring nothing back either.
    on_screen = keys(window)
    tap(qtbot, on_screen["Clear the search box"])
    tap(qtbot, on_screen["Delete the last letter"])
    qtbot.keyClick(box, Qt.Key.Key_Z, Ctrl)
    assert box.text() == ""
    assert box.completer() is None
    tap(qtbot, window.keyboard_button)  # closes it again
    assert not window.keyboard.isVisible()


def _probe_text_fields(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    for edit in window.findChildren(QLineEdit):
        assert not edit.isUndoAvailable(), edit.accessibleName()
        assert not edit.isRedoAvailable(), edit.accessibleName()
    for text in window.findChildren(QTextEdit):
        document = text.document()
        name = text.accessibleName() or text.objectName()
        assert not document.isUndoAvailable(), name
        assert not document.isRedoAvailable(), name
        assert not text.textCursor().hasSelection(), name
        before = text.toPlainText()
        for combo in ((Qt.Key.Key_Z, Ctrl), (Qt.Key.Key_Z, Ctrl | Shift), (Qt.Key.Key_Y, Ctrl)):
            qtbot.keyClick(text, *combo)
        assert text.toPlainText() == before, name


def _probe_clipboard(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    assert clipboard_text() == ""
    data = clipboard.mimeData(QClipboard.Mode.Clipboard)
    assert data is None or not any(data.data(f).size() for f in data.formats())
    if selection_supported():
        assert primary_text() == "", f"the PRIMARY selection still holds {primary_text()!r}"
        assert seen_by_another_program(qtbot) == ("", ""), "another program can paste it"
    if clipboard.supportsFindBuffer():
        assert clipboard.text(QClipboard.Mode.FindBuffer) == ""


def _probe_history(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    assert window.history_length == (0, 0)
    assert not window.back_button.isEnabled() and not window.forward_button.isEnabled()
    tap(qtbot, window.back_button)
    tap(qtbot, window.forward_button)
    for target in (window, window.article_view, window.search_box, window.home_button):
        for key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            qtbot.keyClick(target, key, Alt)
            assert window.current_page == "home", f"Alt+{key.name} went to {window.current_page}"
        qtbot.keyClick(target, Qt.Key.Key_Back)
        qtbot.keyClick(target, Qt.Key.Key_Forward)
        assert window.current_page == "home"
    view = window.article_view
    assert not view.isBackwardAvailable() and not view.isForwardAvailable()


def _probe_view(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    display = window.config.display
    assert (window.text_size, window.theme_id, window.font_id) == (
        display.text_size,
        display.theme,
        display.font,
    )
    assert window.speech_rate == display.speech_rate
    assert not window.reading_aloud
    assert window.styleSheet() == kiosk_stylesheet(window.theme, display.text_size)


def _probe_language(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    language = window.config.display.language
    assert translations().language == language
    assert window.keyboard.layout_.code == language
    assert window.language_button.text().endswith(language_name(language))


def _probe_sources(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    assert not window.references_open
    assert window.reference_text.toPlainText() == ""
    assert window.reference_qr.pixmap().isNull()
    assert window.reference_qr.accessibleName() == ""


def _probe_results(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    assert window.results_list.count() == 0
    assert window.results_heading.text() == ""


def _probe_collection(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    assert window.collection_list.count() == 0
    assert window.collection_heading.text() == ""


def _probe_status(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    assert window.status.text() == ""


def _probe_reading_aloud(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    assert not window.reading_aloud
    assert not window.speak_button.isChecked()
    assert not window.speak_button.isEnabled()  # nothing to read on the start screen


def _probe_scrolling(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    for area in window.findChildren(QAbstractScrollArea):
        name = area.accessibleName() or area.objectName() or type(area).__name__
        assert area.verticalScrollBar().value() == 0, f"{name} is still scrolled"
        assert area.horizontalScrollBar().value() == 0, f"{name} is still scrolled sideways"


def _texts(widget: QWidget) -> list[str]:
    texts = [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    texts.append(widget.windowTitle())
    if isinstance(widget, QLabel | QPushButton | QLineEdit):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QListWidget):
        for row in range(widget.count()):
            item = widget.item(row)
            if item is not None:
                texts += [item.text(), item.toolTip(), str(item.data(Qt.ItemDataRole.UserRole))]
    return texts


def _probe_every_text(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    """No word of the last session in any text, name or tip, shown or hidden."""
    secrets = [secret for person in people for secret in person.secrets]
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        for text in _texts(widget):
            found += [f"{secret!r} in {type(widget).__name__} {widget.objectName()!r}: {text[:80]!r}"
                      for secret in secrets if secret in text]  # fmt: skip
    assert found == [], "; ".join(found)


def _probe_reopened_article(qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]) -> None:
    """The next person opens the same article: from the top, nothing selected or marked."""
    assert window.article_view.article is None
    assert window.article_view.toPlainText() == ""
    title = people[-1].article_title
    collection = people[-1].collection
    tile = next(t for t in window.tiles if t.accessibleName().startswith(collection))
    tap(qtbot, tile)
    tap_item(qtbot, window.collection_list, title)
    qtbot.waitUntil(lambda: window.current_page == "article")
    view = window.article_view
    assert view.verticalScrollBar().value() == 0
    assert not view.textCursor().hasSelection()
    assert view.current_citation is None
    assert view.highlighted_claim() is None
    assert view.marked_words() == []
    assert not window.references_open
    assert window.text_size == window.config.display.text_size
    tap(qtbot, window.help_button)
    assert window.help_view.verticalScrollBar().value() == 0
    assert not window.help_view.textCursor().hasSelection()
    tap(qtbot, window.finish_button)
    assert window.current_page == "home"


Probe = Callable[[QtBot, KioskWindow, tuple[Person, ...]], None]

#: One probe per part of a session (the names of ``reader.ui.kiosk.session`` parts),
#: in the order the next person tries them. The last two change the page, so they run last.
PROBES: dict[str, Probe] = {
    "page": _probe_page,
    "on-screen keyboard": _probe_keyboard,
    "dialogs": _probe_dialogs,
    "reading aloud": _probe_reading_aloud,
    "clipboard and selection": _probe_clipboard,
    "text fields": _probe_text_fields,
    "search box": _probe_search_box,
    "history": _probe_history,
    "view": _probe_view,
    "language": _probe_language,
    "sources": _probe_sources,
    "search results": _probe_results,
    "collection list": _probe_collection,
    "status line": _probe_status,
    "scrolling": _probe_scrolling,
    "every text": _probe_every_text,  # across all parts: what a screen reader could read
    "article": _probe_reopened_article,
}


def reach_for_the_last_people(
    qtbot: QtBot, window: KioskWindow, people: tuple[Person, ...]
) -> None:
    """Every probe, each reporting what it could still reach."""
    failures = []
    for name, probe in PROBES.items():
        try:
            probe(qtbot, window, people)
        except (AssertionError, WaitTimeout) as exc:
            line = traceback.extract_tb(exc.__traceback__)[-1]
            failures.append(f"{name} ({line.line}): " + str(exc).split("\nassert")[0])
    assert failures == [], "the next person could reach:\n" + "\n".join(failures)
