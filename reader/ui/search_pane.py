"""The search pane: a search box and its results, updated as you type.

The pane only asks (``search_requested``) and shows (:meth:`show_results`); the
window runs the search on a worker, so typing never waits for the index.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import SearchHit, SearchResults
from reader.core.navigation import OpenRequest

_HIT_ROLE = Qt.ItemDataRole.UserRole
_HTML_ROLE = Qt.ItemDataRole.UserRole + 1
#: Typing pauses this long (ms) before a search runs.
DEBOUNCE_MS = 180
LEAD_LABEL = "Introduction"


def hit_html(hit: SearchHit) -> str:
    """Title, section and the snippet with its matched words in bold (all escaped)."""
    marked: list[str] = []
    at = 0
    for start, end in sorted(hit.highlights):
        if start < at or end > len(hit.snippet) or start >= end:
            continue
        marked.append(escape(hit.snippet[at:start]))
        marked.append(f"<b><u>{escape(hit.snippet[start:end])}</u></b>")
        at = end
    marked.append(escape(hit.snippet[at:]))
    section = hit.section_heading or LEAD_LABEL
    return f"<b>{escape(hit.article_title)}</b><br/><i>{escape(section)}</i><br/>{''.join(marked)}"


def hit_spoken(hit: SearchHit) -> str:
    section = hit.section_heading or LEAD_LABEL
    return f"{hit.article_title}, section {section}: {hit.snippet}"


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
        if isinstance(widget, QListWidget):
            opt.rect.setWidth(widget.viewport().width())
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 6)


class SearchPane(QWidget):
    search_requested = Signal(str)  # the query, after typing pauses (empty: cleared)
    open_requested = Signal(object)  # OpenRequest for the chosen hit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_pane")
        self.box = QLineEdit(self)
        self.box.setObjectName("search_box")
        self.box.setPlaceholderText("Search the library")
        self.box.setAccessibleName("Search the library")
        self.box.setAccessibleDescription(
            "Type words to search; results appear below as you type. Down arrow goes to them."
        )
        self.box.setClearButtonEnabled(True)

        self.status = QLabel("", self)
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Search status")
        self.status.setProperty("muted", True)

        self.did_you_mean = QPushButton(self)
        self.did_you_mean.setObjectName("did_you_mean")
        self.did_you_mean.setProperty("link_button", True)
        self.did_you_mean.hide()
        self.broader = QPushButton(self)
        self.broader.setObjectName("broader_query")
        self.broader.setProperty("link_button", True)
        self.broader.hide()
        offers = QHBoxLayout()
        offers.setContentsMargins(0, 0, 0, 0)
        offers.addWidget(self.did_you_mean)
        offers.addWidget(self.broader)
        offers.addStretch(1)

        self.results = QListWidget(self)
        self.results.setObjectName("search_results")
        self.results.setAccessibleName("Search results")
        self.results.setAccessibleDescription("Press Enter on a result to open it.")
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.results.setUniformItemSizes(False)
        self.results.setItemDelegate(_HitDelegate(self.results))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addLayout(offers)
        layout.addWidget(self.results, 1)
        self.setFocusProxy(self.box)

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

    # --- asking ---------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self.box.text().strip()

    def set_query(self, text: str) -> None:
        self.box.setText(text)
        self._timer.stop()
        self.search_requested.emit(text.strip())

    def clear(self) -> None:
        self.box.clear()
        self._timer.stop()
        self.results.clear()
        self.status.setText("")
        self.did_you_mean.hide()
        self.broader.hide()
        self._last_results = None

    def _on_box_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.search_requested.emit(self.query)

    def _on_box_return_pressed(self) -> None:
        self._timer.stop()
        if self.results.count() and self._last_results and self._last_results.query == self.query:
            self.results.setCurrentRow(0)
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.search_requested.emit(self.query)

    # --- showing --------------------------------------------------------------------------

    def set_message(self, text: str) -> None:
        self.status.setText(text)

    def show_results(self, results: SearchResults) -> None:
        """Show ``results`` if they answer what the box holds now (older ones are dropped)."""
        if results.query.strip() != self.query:
            return
        self._last_results = results
        self.results.clear()
        for hit in results.hits:
            item = QListWidgetItem(hit_spoken(hit))
            item.setData(_HIT_ROLE, hit)
            item.setData(_HTML_ROLE, hit_html(hit))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, hit_spoken(hit))
            item.setToolTip(hit.snippet)
            self.results.addItem(item)
        if not self.query:
            self.status.setText("")
        elif results.message and not results.hits:
            self.status.setText(results.message)
        else:
            n = results.total
            shown = len(results.hits)
            more = f" (showing {shown})" if shown < n else ""
            self.status.setText(f"{n} result{'s' if n != 1 else ''}{more}")
        self._offer(self.did_you_mean, "Did you mean", results.did_you_mean)
        self._offer(self.broader, "Try the broader search", results.broader)

    def _offer(self, button: QPushButton, label: str, query: str | None) -> None:
        if query:
            button.setText(f"{label}: {query}")
            button.setAccessibleName(f"{label}: {query}")
            button.setProperty("query", query)
            button.show()
        else:
            button.hide()

    def hit_count(self) -> int:
        return self.results.count()

    def hit(self, row: int) -> SearchHit | None:
        item = self.results.item(row)
        value = item.data(_HIT_ROLE) if item is not None else None
        return value if isinstance(value, SearchHit) else None

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        hit = item.data(_HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.open_requested.emit(
                OpenRequest(hit.article_id, section_anchor=hit.section_anchor, terms=hit.terms)
            )

    def _on_did_you_mean_clicked(self) -> None:
        self.set_query(str(self.did_you_mean.property("query") or ""))

    def _on_broader_clicked(self) -> None:
        self.set_query(str(self.broader.property("query") or ""))
