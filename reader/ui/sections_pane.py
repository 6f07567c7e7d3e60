"""The sections pane: the open article's table of contents, following the reading position."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidgetItem, QVBoxLayout, QWidget

from reader.core.model import Article
from reader.ui.accessibility import QuietTreeWidget, current_index, follow_focus, mark_pane
from reader.ui.i18n import fill, follow_content_language

_ANCHOR_ROLE = Qt.ItemDataRole.UserRole


class SectionsPane(QWidget):
    section_requested = Signal(str)  # a section anchor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sections_pane")
        self.tree = QuietTreeWidget(self)
        self.tree.setObjectName("sections_tree")
        self.tree.setAccessibleName(self.tr("Sections of the article"))
        self.tree.setAccessibleDescription(self.tr("Press Enter on a section to go to it."))
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        mark_pane(self, self.tree)
        follow_focus(self.tree)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.itemClicked.connect(self._on_tree_item_activated)

    def set_article(self, article: Article | None) -> None:
        self.tree.clear()
        if article is None:
            return
        follow_content_language(self.tree, article.meta.language)  # the article's headings
        stack: list[tuple[int, QTreeWidgetItem]] = []
        if article.section("lead") is not None:
            lead = QTreeWidgetItem([self.tr("Introduction")])
            lead.setData(0, _ANCHOR_ROLE, "lead")
            self.tree.addTopLevelItem(lead)
        for section in article.headed_sections:
            item = QTreeWidgetItem([section.heading])
            item.setData(0, _ANCHOR_ROLE, section.anchor)
            spoken = fill(self.tr("%1, level %2"), section.heading, section.level)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
            while stack and stack[-1][0] >= section.level:
                stack.pop()
            if stack:
                stack[-1][1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            stack.append((section.level, item))
        # Where each section is in the article, as a screen reader says it: "…, 3 of 7".
        items = self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        for position, item in enumerate(items, start=1):
            # Only a section with subsections opens (expandAll marks every row
            # "expanded", and a screen reader says so of a section that has none).
            item.setExpanded(item.childCount() > 0)
            about = item.data(0, Qt.ItemDataRole.AccessibleTextRole) or item.text(0)
            spoken = fill(self.tr("%1, %2 of %3"), about, position, len(items))
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)

    def anchors(self) -> list[str]:
        found = self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        return [str(i.data(0, _ANCHOR_ROLE)) for i in found]

    def _find(self, anchor: str) -> QTreeWidgetItem | None:
        found = self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        return next((i for i in found if i.data(0, _ANCHOR_ROLE) == anchor), None)

    def show_current(self, anchor: str) -> None:
        """Mark the section being read, without moving the reader."""
        item = self._find(anchor)
        if item is None:
            return
        self.tree.blockSignals(True)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        self.tree.blockSignals(False)

    def current_anchor(self) -> str | None:
        item = self.tree.itemFromIndex(current_index(self.tree))
        return str(item.data(0, _ANCHOR_ROLE)) if item is not None else None

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        anchor = item.data(0, _ANCHOR_ROLE)
        if isinstance(anchor, str):
            self.section_requested.emit(anchor)
