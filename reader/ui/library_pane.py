"""The library pane: collections, each with its articles (title, author/journal, date); or,
for people who do not know what to type, the topics A to Z or by group (heart, diabetes,
pregnancy and children, ...)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.library import Library
from reader.core.model import ArticleSummary
from reader.core.navigation import OpenRequest
from reader.core.topics import Shelf, by_group, by_letter
from reader.ui.accessibility import current_index, follow_focus, mark_pane
from reader.ui.i18n import fill, isolated, translated

#: How the pane can list the library, in the order of its "Show" choice.
VIEWS = ("collections", "a-z", "groups")

_ID_ROLE = Qt.ItemDataRole.UserRole
#: Up to this many articles, rows wrap and each is as tall as its text needs. A larger
#: library gets rows of one height, two lines each (an elided title and its byline; the
#: whole title in the tooltip and for screen readers): the view then lays out 50,000 rows
#: ("expand all") without measuring each one's text.
WRAP_LIMIT = 3000
#: Article rows added per turn of the event loop when a library is listed in steps.
ROWS_PER_STEP = 2000


class LibraryPane(QWidget):
    """Lists the library; activating an article (Enter, click, tap) asks to open it."""

    open_requested = Signal(object)  # OpenRequest

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library_pane")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("library_tree")
        self.tree.setAccessibleName(self.tr("Library: collections and articles"))
        self.tree.setAccessibleDescription(
            self.tr(
                "Press Enter on an article to open it; Left and Right close and open a collection."
            )
        )
        # One column, wrapped: a narrow pane at a large text size still shows whole titles.
        self.tree.setColumnCount(1)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setRootIsDecorated(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view_choice = QComboBox(self)
        self.view_choice.setObjectName("library_view_choice")
        self.view_choice.addItem(self.tr("Collections"), "collections")
        self.view_choice.addItem(self.tr("Topics A to Z"), "a-z")
        self.view_choice.addItem(self.tr("Topics by group"), "groups")
        self.view_choice.setAccessibleName(self.tr("Show the library as"))
        self.view_choice.setAccessibleDescription(
            self.tr("Collections, topics from A to Z, or topics by group such as heart or cancer")
        )
        self.view_label = QLabel(self.tr("&Show:"), self)
        self.view_label.setBuddy(self.view_choice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view_label)
        layout.addWidget(self.view_choice)
        layout.addWidget(self.tree)
        self.view_choice.currentIndexChanged.connect(self._on_view_choice_current_index_changed)
        mark_pane(self, self.tree)
        follow_focus(self.tree)
        QWidget.setTabOrder(self.view_choice, self.tree)  # Shift+Tab from the list: the choice
        self._library: Library = library
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.itemClicked.connect(self._on_tree_item_activated)
        # The open article stays in view while rows change height (text size, colours,
        # the pane's width), until the person scrolls or moves elsewhere themselves.
        self._open_id: str | None = None
        self._wanted: str | None = None  # to select once its row is added
        self._follow = False
        self._refollow = QTimer(self)
        self._refollow.setSingleShot(True)
        self._refollow.setInterval(0)
        self._refollow.timeout.connect(self._keep_open_article_in_view)
        self.tree.verticalScrollBar().rangeChanged.connect(self._on_scroll_range_changed)
        self.tree.verticalScrollBar().sliderPressed.connect(self._stop_following)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.tree.viewport().installEventFilter(self)
        self.tree.installEventFilter(self)
        self.set_library(library)

    @property
    def view(self) -> str:
        """How the library is listed: ``collections``, ``a-z`` or ``groups``."""
        return str(self.view_choice.currentData() or "collections")

    def set_view(self, view: str) -> None:
        self.view_choice.setCurrentIndex(VIEWS.index(view))

    def _on_view_choice_current_index_changed(self, _index: int) -> None:
        self.set_library(self._library)
        if self._open_id:
            self.show_current(self._open_id)

    def set_library(self, library: Library, *, in_steps: bool = False) -> None:
        """List ``library``. ``in_steps``: the articles' rows are added a few thousand per
        turn of the event loop, so a window already on screen never stops for long."""
        self._library = library
        self._items: dict[str, QTreeWidgetItem] = {}  # by article id: no walk of 50,000 rows
        self._pending: list[tuple[QTreeWidgetItem, tuple[ArticleSummary, ...]]] = []
        self.tree.clear()
        self._uniform = uniform = len(library) > WRAP_LIMIT
        self.tree.setWordWrap(not uniform)
        self.tree.setUniformRowHeights(uniform)
        if self.view != "collections":
            self._list_shelves(by_letter(library) if self.view == "a-z" else by_group(library))
            if in_steps:
                QTimer.singleShot(0, self._add_rows)
            else:
                while self._pending:
                    self._add_rows(step=None)
            return
        for collection in library.collections():
            count = len(collection.articles)
            if uniform:  # two lines, like an article row: every row has the first one's height
                label = fill(self.tr("%1\n%n article(s)", "collection", count), collection.name)
            else:
                label = f"{collection.name} ({count})"
            top = QTreeWidgetItem([label])
            spoken = fill(self.tr("Collection %1, %n article(s)", "", count), collection.name)
            top.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
            self._pending.append((top, collection.articles))
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        if in_steps:
            QTimer.singleShot(0, self._add_rows)
        else:
            while self._pending:
                self._add_rows(step=None)

    def _list_shelves(self, shelves: list[Shelf]) -> None:
        """Letters or groups, each closed (Right or a click opens it) over its topics."""
        letters = self.view == "a-z"
        for shelf in shelves:
            count = len(shelf.articles)
            name = translated(shelf.name)  # a group's name in the interface language
            label = f"{name} ({count})"
            if letters:
                spoken = self.tr("Letter %1, %n topic(s)", "", count).replace("%1", name)
            else:
                spoken = self.tr("%1, %n topic(s)", "", count).replace("%1", name)
            top = QTreeWidgetItem([label])
            top.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
            self.tree.addTopLevelItem(top)
            self._pending.append((top, shelf.articles))
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)

    def _add_rows(self, step: int | None = ROWS_PER_STEP) -> None:
        """Add up to ``step`` article rows (all with None); then come back for the rest."""
        if not self._pending:
            return
        top, articles = self._pending[0]
        batch = articles if step is None else articles[:step]
        rest = articles[len(batch) :]
        if rest:
            self._pending[0] = (top, rest)
        else:
            self._pending.pop(0)
        first, total = top.childCount() + 1, top.childCount() + len(articles)
        items = [self._row(s, first + i, total) for i, s in enumerate(batch)]
        top.addChildren(items)
        if step is None:
            return
        if self._pending:
            QTimer.singleShot(0, self._add_rows)
        elif self._wanted is not None:
            self.show_current(self._wanted)

    def _row(self, s: ArticleSummary, position: int, total: int) -> QTreeWidgetItem:
        who = s.journal or "; ".join(s.authors[:2])
        byline = " · ".join(p for p in (who, s.published) if p)
        shown = f"{s.title}\n{byline}" if byline or self._uniform else s.title
        item = QTreeWidgetItem([isolated(shown, self)])
        item.setData(0, _ID_ROLE, s.id)
        item.setToolTip(0, s.title)
        about = ", ".join(p for p in (s.title, who, s.published) if p)
        # Where it is among its collection's (or topic group's) articles, as a screen
        # reader says it: "…, 3 of 12".
        spoken = fill(self.tr("%1, %2 of %3"), about, position, total)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
        self._items.setdefault(s.id, item)  # by topic, an article can be in several groups
        return item

    def current_item(self) -> QTreeWidgetItem | None:
        """The row the keyboard is on in the list (also while the focus is elsewhere)."""
        return self.tree.itemFromIndex(current_index(self.tree))

    def article_count(self) -> int:
        return len(self._items)

    def item_for(self, article_id: str) -> QTreeWidgetItem | None:
        return self._items.get(article_id)

    def show_current(self, article_id: str | None) -> None:
        """Select the open article without asking to open it again."""
        item = self.item_for(article_id) if article_id else None
        self._wanted = article_id if item is None and self._pending else None
        if item is None:
            return
        self._open_id = article_id
        self._follow = True
        parent = item.parent()
        if parent is not None and not parent.isExpanded():
            parent.setExpanded(True)
        self.tree.blockSignals(True)
        self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self.tree.scrollToItem(item)
        self._refollow.start()  # once more after the rows are laid out

    def _keep_open_article_in_view(self) -> None:
        item = self.item_for(self._open_id) if self._follow and self._open_id else None
        parent = item.parent() if item is not None else None
        if item is None or (parent is not None and not parent.isExpanded()):
            return
        if self.current_item() is item:
            self.tree.scrollToItem(item)

    def _stop_following(self) -> None:
        self._follow = False

    def _on_scroll_range_changed(self, _low: int, _high: int) -> None:
        if self._follow:
            self._refollow.start()

    def _on_tree_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        if current is None or current.data(0, _ID_ROLE) != self._open_id:
            self._follow = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.Wheel, QEvent.Type.MouseButtonPress):
            self._follow = False
        elif self._follow and kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self._refollow.start()
        return super().eventFilter(watched, event)

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        article_id = item.data(0, _ID_ROLE)
        if isinstance(article_id, str):
            self.open_requested.emit(OpenRequest(article_id))
