"""The search pane: a search box and its results, updated as you type.

The pane only asks (``search_requested``) and shows (:meth:`show_results`); the
window runs the search on a worker, so typing never waits for the index.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import SearchHit, SearchResults
from reader.core.navigation import OpenRequest
from reader.ui.accessibility import current_index, follow_focus, mark_pane
from reader.ui.i18n import fill, translated

_HIT_ROLE = Qt.ItemDataRole.UserRole
_HTML_ROLE = Qt.ItemDataRole.UserRole + 1
#: Typing pauses this long (ms) before a search runs.
DEBOUNCE_MS = 180


def lead_label() -> str:
    """What the untitled first section of an article is called."""
    return QCoreApplication.translate("SearchPane", "Introduction")


def marked_snippet(hit: SearchHit) -> str:
    """The snippet as HTML with its matched words bold and underlined (all escaped)."""
    marked: list[str] = []
    at = 0
    for start, end in sorted(hit.highlights):
        if start < at or end > len(hit.snippet) or start >= end:
            continue
        marked.append(escape(hit.snippet[at:start]))
        marked.append(f"<b><u>{escape(hit.snippet[start:end])}</u></b>")
        at = end
    marked.append(escape(hit.snippet[at:]))
    return "".join(marked)


@dataclass(frozen=True, slots=True)
class ArticleHits:
    """The matching sections of one article, best first (one entry in the results)."""

    article_id: str
    title: str
    collection: str
    hits: tuple[SearchHit, ...]

    @property
    def best(self) -> SearchHit:
        return self.hits[0]


def group_by_article(hits: tuple[SearchHit, ...]) -> list[ArticleHits]:
    """Hits grouped by article; articles in the order of their best hit."""
    order: list[str] = []
    by_id: dict[str, list[SearchHit]] = {}
    for hit in hits:
        if hit.article_id not in by_id:
            order.append(hit.article_id)
            by_id[hit.article_id] = []
        by_id[hit.article_id].append(hit)
    return [
        ArticleHits(a, by_id[a][0].article_title, by_id[a][0].collection, tuple(by_id[a]))
        for a in order
    ]


class _Plurals(QObject):
    """Plural words of this module's functions (lupdate reads plural forms from tr())."""

    def sections(self, n: int) -> str:
        return self.tr("%n matching section(s)", "", n)


def _sections_phrase(n: int) -> str:
    return _Plurals().sections(n)


def article_html(group: ArticleHits) -> str:
    where = f"{escape(group.collection)} · " if group.collection else ""
    return f"<b>{escape(group.title)}</b><br/><i>{where}{_sections_phrase(len(group.hits))}</i>"


def article_spoken(group: ArticleHits) -> str:
    spoken = QCoreApplication.translate("SearchPane", "%1, %2", "title, matching sections")
    return fill(spoken, group.title, _sections_phrase(len(group.hits)))


def section_html(hit: SearchHit) -> str:
    """A section under its article: heading and snippet, the matched words marked."""
    section = hit.section_heading or lead_label()
    return f"<i>{escape(section)}</i><br/>{marked_snippet(hit)}"


def section_spoken(hit: SearchHit) -> str:
    spoken = QCoreApplication.translate("SearchPane", "Section %1: %2")
    return fill(spoken, hit.section_heading or lead_label(), hit.snippet)


class _HitDelegate(QStyledItemDelegate):
    """Draws a result as rich text (the matched words bold and underlined)."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(_HTML_ROLE) or ""))
        width = option.rect.width() - 8
        doc.setTextWidth(max(width, 120))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        html = index.data(_HTML_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(group))
        painter.save()
        rect = opt.rect
        painter.translate(rect.left() + 4, rect.top() + 2)
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        html = index.data(_HTML_ROLE)
        if not html:
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        if isinstance(widget, QAbstractItemView):
            depth = 0
            parent = index.parent()
            while parent.isValid():
                depth += 1
                parent = parent.parent()
            indent = widget.indentation() if isinstance(widget, QTreeWidget) else 0
            opt.rect.setWidth(widget.viewport().width() - indent * (depth + 1))
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 6)


class SearchPane(QWidget):
    search_requested = Signal(str)  # the query, after typing pauses (empty: cleared)
    open_requested = Signal(object)  # OpenRequest for the chosen hit
    browse_requested = Signal()  # nothing found: the person wants to look through the library

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_pane")
        self.box = QLineEdit(self)
        self.box.setObjectName("search_box")
        self.box.setPlaceholderText(self.tr("Search the library"))
        self.box.setAccessibleName(self.tr("Search the library"))
        self.box.setAccessibleDescription(
            self.tr(
                "Type words to search; results appear below as you type. Down arrow goes to them."
            )
        )
        self.box.setClearButtonEnabled(True)
        self.box.installEventFilter(self)

        self.status = QLabel("", self)
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Search status"))
        self.status.setProperty("muted", True)

        self.did_you_mean = QPushButton(self)
        self.did_you_mean.setObjectName("did_you_mean")
        self.did_you_mean.setProperty("link_button", True)
        self.did_you_mean.hide()
        self.broader = QPushButton(self)
        self.broader.setObjectName("broader_query")
        self.broader.setProperty("link_button", True)
        self.broader.hide()
        self.browse = QPushButton(self.tr("Browse the library instead"), self)
        self.browse.setObjectName("browse_library")
        self.browse.setProperty("link_button", True)
        self.browse.setAccessibleName(self.tr("Nothing found: browse the library instead"))
        self.browse.hide()
        # One offer per line: a long suggested query wraps nothing and stays whole.
        offers = QVBoxLayout()
        offers.setContentsMargins(0, 0, 0, 0)
        offers.setSpacing(2)
        for button in (self.did_you_mean, self.broader, self.browse):
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            offers.addLayout(row)

        self.results = QTreeWidget(self)
        self.results.setObjectName("search_results")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setAccessibleDescription(
            self.tr(
                "One entry per article, its matching sections under it. "
                "Press Enter on an article or a section to open it."
            )
        )
        self.results.setColumnCount(1)
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(True)
        self.results.setWordWrap(True)
        self.results.setUniformRowHeights(False)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setItemDelegate(_HitDelegate(self.results))
        self.results.viewport().installEventFilter(self)
        follow_focus(self.results)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addLayout(offers)
        layout.addWidget(self.results, 1)
        mark_pane(self, self.box)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._last_results: SearchResults | None = None
        self.box.textChanged.connect(self._on_box_text_changed)
        self.box.returnPressed.connect(self._on_box_return_pressed)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.results.itemClicked.connect(self._on_results_item_activated)
        self.did_you_mean.clicked.connect(self._on_did_you_mean_clicked)
        self.broader.clicked.connect(self._on_broader_clicked)
        self.browse.clicked.connect(self.browse_requested)

    # --- asking ---------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self.box.text().strip()

    @property
    def shown_query(self) -> str | None:
        """The query whose results are on show (None: none yet)."""
        return self._last_results.query.strip() if self._last_results is not None else None

    def set_query(self, text: str) -> None:
        self.box.setText(text)
        self._timer.stop()
        self.search_requested.emit(text.strip())

    def clear(self) -> None:
        self.box.clear()
        self._timer.stop()
        self.results.clear()
        self.status.setText("")
        for button in (self.did_you_mean, self.broader, self.browse):
            button.hide()
        self._last_results = None

    def _on_box_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.search_requested.emit(self.query)

    def _on_box_return_pressed(self) -> None:
        self._timer.stop()
        if self.hit_count() and self.shown_query == self.query:
            first = self.results.topLevelItem(0)
            if first is not None:
                self.results.setCurrentItem(first)
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.search_requested.emit(self.query)

    def _select_query(self) -> None:
        if self.box.hasFocus():
            self.box.selectAll()

    # --- showing --------------------------------------------------------------------------

    def set_message(self, text: str) -> None:
        self.status.setText(text)

    def show_results(self, results: SearchResults) -> None:
        """Show ``results`` if they answer what the box holds now (older ones are dropped)."""
        if results.query.strip() != self.query:
            return
        self._last_results = results
        self.results.clear()
        groups = group_by_article(results.hits)
        for group in groups:
            top = QTreeWidgetItem()
            top.setData(0, _HIT_ROLE, group.best)
            top.setData(0, _HTML_ROLE, article_html(group))
            top.setData(0, Qt.ItemDataRole.DisplayRole, article_spoken(group))
            top.setData(0, Qt.ItemDataRole.AccessibleTextRole, article_spoken(group))
            top.setToolTip(0, group.title)
            for hit in group.hits:
                child = QTreeWidgetItem()
                child.setData(0, _HIT_ROLE, hit)
                child.setData(0, _HTML_ROLE, section_html(hit))
                child.setData(0, Qt.ItemDataRole.DisplayRole, section_spoken(hit))
                child.setData(0, Qt.ItemDataRole.AccessibleTextRole, section_spoken(hit))
                child.setToolTip(0, hit.snippet)
                top.addChild(child)
            self.results.addTopLevelItem(top)
            top.setExpanded(True)
        if not self.query:
            self.status.setText("")
        else:
            self.status.setText(self._status_text(results, len(groups)))
        self._offer(self.did_you_mean, self.tr("Did you mean: %1"), results.did_you_mean)
        self._offer(self.broader, self.tr("Try the broader search: %1"), results.broader)
        nothing = bool(self.query) and not results.hits and not results.rebuilding
        self.browse.setVisible(nothing)

    def _status_text(self, results: SearchResults, articles: int) -> str:
        message = translated(results.message) if results.message else ""
        if not results.hits:
            return message or self.tr("No articles match.")
        n = results.total
        shown = len(results.hits)
        in_articles = self.tr("%n article(s)", "results in", articles)
        if shown < n:
            text = fill(self.tr("%n result(s) in %1 (showing %2)", "", n), in_articles, shown)
        else:
            text = fill(self.tr("%n result(s) in %1", "", n), in_articles)
        return fill(self.tr("%1 %2."), message, text) if message else text

    def _offer(self, button: QPushButton, label: str, query: str | None) -> None:
        if query:
            button.setText(fill(label, query))
            button.setAccessibleName(fill(label, query))
            button.setProperty("query", query)
            button.show()
        else:
            button.hide()

    def _rows(self) -> list[QTreeWidgetItem]:
        """Every entry in reading order: an article, then its sections."""
        rows: list[QTreeWidgetItem] = []
        for i in range(self.results.topLevelItemCount()):
            top = self.results.topLevelItem(i)
            if top is None:
                continue
            rows.append(top)
            if top.isExpanded():
                rows.extend(c for j in range(top.childCount()) if (c := top.child(j)) is not None)
        return rows

    def article_count(self) -> int:
        """How many articles the results show (one entry each)."""
        return self.results.topLevelItemCount()

    def hit_count(self) -> int:
        """How many entries (articles and their sections) Down arrow visits."""
        return len(self._rows())

    def hit(self, row: int) -> SearchHit | None:
        """The hit an entry opens (an article's entry opens its best section)."""
        rows = self._rows()
        value = rows[row].data(0, _HIT_ROLE) if 0 <= row < len(rows) else None
        return value if isinstance(value, SearchHit) else None

    def sections_of(self, article_id: str) -> list[SearchHit]:
        """The matching sections listed under an article's entry."""
        for i in range(self.results.topLevelItemCount()):
            top = self.results.topLevelItem(i)
            best = top.data(0, _HIT_ROLE) if top is not None else None
            if top is not None and isinstance(best, SearchHit) and best.article_id == article_id:
                children = (top.child(j) for j in range(top.childCount()))
                hits = (c.data(0, _HIT_ROLE) for c in children if c is not None)
                return [h for h in hits if isinstance(h, SearchHit)]
        return []

    def _on_results_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, _HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.open_requested.emit(
                OpenRequest(hit.article_id, section_anchor=hit.section_anchor, terms=hit.terms)
            )

    def _on_did_you_mean_clicked(self) -> None:
        self.set_query(str(self.did_you_mean.property("query") or ""))

    def _on_broader_clicked(self) -> None:
        self.set_query(str(self.broader.property("query") or ""))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Tab into the box selects its words, as a line edit does, but after the focus
        # news: selection news ahead of it makes Orca 43 move to the box in silence.
        if (
            watched is self.box
            and event.type() == QEvent.Type.FocusIn
            and isinstance(event, QFocusEvent)
            and event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        ):
            plain = QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.OtherFocusReason)
            QCoreApplication.sendEvent(self.box, plain)
            QTimer.singleShot(0, self, self._select_query)
            return True
        # Down in the box goes to the results, as its description says.
        if (
            watched is self.box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.results.topLevelItemCount()
        ):
            self._timer.stop()
            first = self.results.topLevelItem(0)
            if not current_index(self.results).isValid() and first is not None:
                self.results.setCurrentItem(first)
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        # Wrapped entries change height with the pane's width: lay them out again.
        if watched is self.results.viewport() and event.type() == QEvent.Type.Resize:
            self.results.doItemsLayout()
        return super().eventFilter(watched, event)
