"""The Bookmarks menu: bookmark the article or the section being read (Ctrl+D) under a
name, open a bookmark, rename or delete them, and the articles read recently.

Everything is kept by a :class:`~reader.core.reading.ReadingStore` in the user's data
folder, saved at each change. Only the desktop window has this (the kiosk keeps nothing
of a person's reading).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.reading import MAX_NAME, Bookmark, Reading, ReadingStore, Visit
from reader.core.texts import os_reason
from reader.ui.i18n import translated

log = logging.getLogger(__name__)

#: Bookmarks listed in the menu itself (all of them are in Edit bookmarks…).
MENU_BOOKMARKS = 25
MENU_HISTORY = 15


class BookmarkDialog(QDialog):
    """Name a new bookmark, rename an existing one, or remove it."""

    def __init__(self, bookmark: Bookmark, exists: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bookmark = bookmark
        self.removed = False
        self.setObjectName("bookmark_dialog")
        title = self.tr("Edit bookmark") if exists else self.tr("Bookmark this place")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(bookmark.name, self)
        self.name.setObjectName("bookmark_name")
        self.name.setAccessibleName(self.tr("Bookmark name"))
        self.name.setMaxLength(MAX_NAME)
        self.name.selectAll()
        form.addRow(self.tr("&Name:"), self.name)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.remove_button: QPushButton | None = None
        if exists:
            self.remove_button = buttons.addButton(
                self.tr("&Remove bookmark"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.remove_button.setObjectName("bookmark_remove")
            self.remove_button.clicked.connect(self._on_remove_clicked)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_remove_clicked(self) -> None:
        self.removed = True
        self.accept()


class EditBookmarksDialog(QDialog):
    """Every bookmark in a list: Enter opens, F2 renames, Delete removes."""

    open_requested = Signal(object)  # Bookmark
    renamed = Signal(object, str)  # Bookmark, new name
    deleted = Signal(object)  # Bookmark

    def __init__(self, bookmarks: tuple[Bookmark, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("edit_bookmarks_dialog")
        self.setWindowTitle(self.tr("Bookmarks"))
        self.setAccessibleName(self.tr("Bookmarks"))
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Enter opens a bookmark, F2 renames it, Delete removes it."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.list = QListWidget(self)
        self.list.setObjectName("bookmark_list")
        self.list.setAccessibleName(self.tr("Bookmarks"))
        self.list.setEditTriggers(QListWidget.EditTrigger.EditKeyPressed)
        for bookmark in reversed(bookmarks):  # newest first
            item = QListWidgetItem(bookmark.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, bookmark)
            item.setToolTip(bookmark.title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        if self.list.count():
            self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = buttons.addButton(
            self.tr("&Open"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.delete_button = buttons.addButton(
            self.tr("&Delete"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.open_button.clicked.connect(self._open_current)
        self.delete_button.clicked.connect(self._delete_current)
        self.list.itemActivated.connect(lambda _item: self._open_current())
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.list.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.matches(QKeySequence.StandardKey.Delete)
            and self.list.state() != QListWidget.State.EditingState
        ):
            self._delete_current()
            return True
        return super().eventFilter(watched, event)

    def _current(self) -> tuple[QListWidgetItem, Bookmark] | None:
        item: QListWidgetItem | None = self.list.currentItem()  # None in an empty list
        if item is None:
            return None
        bookmark = item.data(Qt.ItemDataRole.UserRole)
        return (item, bookmark) if isinstance(bookmark, Bookmark) else None

    def _open_current(self) -> None:
        current = self._current()
        if current is not None:
            self.open_requested.emit(current[1])
            self.accept()

    def _delete_current(self) -> None:
        current = self._current()
        if current is not None:
            self.list.takeItem(self.list.row(current[0]))
            self.deleted.emit(current[1])

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        bookmark = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(bookmark, Bookmark) and item.text().strip() != bookmark.name:
            self.renamed.emit(bookmark, item.text())


class Bookmarks(QObject):
    """The Bookmarks menu and what it keeps."""

    open_requested = Signal(object)  # Bookmark | Visit
    status = Signal(str, bool)  # a sentence for the status bar, whether it is an error

    def __init__(self, store: ReadingStore, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.reading: Reading = store.load()
        self._parent = parent
        self.menu = QMenu(self.tr("&Bookmarks"), parent)
        self.menu.setObjectName("bookmarks_menu")
        self.menu.aboutToShow.connect(self._fill_menu)
        self.add_action: QAction | None = None
        self.dialog: QDialog | None = None

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.reading.warnings

    def _save(self, reading: Reading) -> None:
        self.reading = reading
        try:
            self.store.save(reading)
        except OSError as exc:
            self.status.emit(
                self.tr("Your bookmarks could not be saved: %1").replace(
                    "%1", translated(os_reason(exc))
                ),
                True,
            )

    # --- what the window tells --------------------------------------------------------

    def visited(self, article_id: str, title: str) -> None:
        """An article of the library was opened: first in Recently read."""
        if self.reading.history[:1] and self.reading.history[0].article_id == article_id:
            return
        self._save(self.reading.with_visit(article_id, title))

    def bookmark_place(self, bookmark: Bookmark) -> None:
        """Ctrl+D: name (or rename, or remove) a bookmark of this place."""
        existing = self.reading.bookmark_at(bookmark.article_id, bookmark.section_anchor)
        dialog = BookmarkDialog(existing or bookmark, existing is not None, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_bookmark_dialog_accepted(dialog, bookmark))
        self.dialog = dialog
        dialog.open()

    def _on_bookmark_dialog_accepted(self, dialog: BookmarkDialog, place: Bookmark) -> None:
        if dialog.removed:
            self._save(self.reading.without_bookmark(dialog.bookmark))
            self.status.emit(self.tr("Bookmark removed."), False)
            return
        name = dialog.name.text().strip() or place.name
        # The place as it is now (the position may have moved), under the chosen name.
        self._save(
            self.reading.with_bookmark(
                Bookmark(place.article_id, name, place.title, place.section_anchor, place.position)
            )
        )
        saved = self.reading.bookmark_at(place.article_id, place.section_anchor)
        self.status.emit(
            self.tr("Bookmarked: %1").replace("%1", saved.name if saved else name), False
        )

    def edit_bookmarks(self) -> None:
        dialog = EditBookmarksDialog(self.reading.bookmarks, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_requested.connect(self.open_requested)
        dialog.renamed.connect(lambda b, name: self._save(self.reading.renamed(b, name)))
        dialog.deleted.connect(lambda b: self._save(self.reading.without_bookmark(b)))
        self.dialog = dialog
        dialog.open()

    def clear_history(self) -> None:
        self._save(self.reading.without_history())
        self.status.emit(self.tr("The list of recently read articles is empty."), False)

    # --- the menu ---------------------------------------------------------------------

    def _fill_menu(self) -> None:
        menu = self.menu
        menu.clear()
        if self.add_action is not None:
            menu.addAction(self.add_action)
        edit = menu.addAction(self.tr("&Edit bookmarks…"))
        edit.setObjectName("action_edit_bookmarks")
        edit.setEnabled(bool(self.reading.bookmarks))
        edit.triggered.connect(lambda _c=False: self.edit_bookmarks())
        menu.addSeparator()
        shown = list(reversed(self.reading.bookmarks))[:MENU_BOOKMARKS]
        if not shown:
            empty = menu.addAction(self.tr("No bookmarks yet (Ctrl+D adds one)"))
            empty.setEnabled(False)
        for bookmark in shown:
            act = menu.addAction(bookmark.name.replace("&", "&&"))
            act.setToolTip(bookmark.title)
            act.setStatusTip(bookmark.title)
            act.triggered.connect(lambda _c=False, b=bookmark: self.open_requested.emit(b))
        menu.addSeparator()
        recent = menu.addMenu(self.tr("&Recently read"))
        recent.setObjectName("recent_menu")
        for visit in self.reading.history[:MENU_HISTORY]:
            act = recent.addAction(visit.title.replace("&", "&&"))
            act.triggered.connect(lambda _c=False, v=visit: self.open_requested.emit(v))
        if not self.reading.history:
            nothing = recent.addAction(self.tr("Nothing read yet"))
            nothing.setEnabled(False)
        else:
            recent.addSeparator()
            clear = recent.addAction(self.tr("&Clear this list"))
            clear.triggered.connect(lambda _c=False: self.clear_history())

    def menu_entries(self) -> list[str]:
        """The bookmark names the menu lists now (for tests and the help)."""
        self._fill_menu()
        return [a.text().replace("&&", "&") for a in self.menu.actions() if a.statusTip()]


__all__ = ["Bookmark", "BookmarkDialog", "Bookmarks", "EditBookmarksDialog", "Visit"]
