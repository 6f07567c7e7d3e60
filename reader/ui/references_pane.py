"""The references pane: every reference in full, where it is cited, and its address to copy.

Nothing here opens a browser: a DOI or URL is read-only text with a Copy button.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import Article, FlaggedClaim, Reference
from reader.ui.accessibility import QuietListWidget, current_index, follow_focus, mark_pane
from reader.ui.i18n import fill, follow_content_language

_KEY_ROLE = Qt.ItemDataRole.UserRole
#: References listed at once when an article opens (more than a screenful); the rest are
#: added at the next turn of the event loop, after the article's first screen is shown.
FIRST_ROWS = 40


def reference_address(ref: Reference) -> str | None:
    if ref.doi:
        return f"https://doi.org/{ref.doi}"
    return ref.url


def _spoken_templates() -> tuple[str, str]:
    return (
        QCoreApplication.translate("ReferencesPane", "Reference %1 of %2"),
        QCoreApplication.translate("ReferencesPane", "%1: %2"),
    )


def spoken_reference(ref: Reference, total: int, templates: tuple[str, str] | None = None) -> str:
    """E.g. "Reference 1 of 4, Cornell University, 2021: <full text>". ``templates``: the
    translated words, when they were looked up once for a whole list."""
    head_words, whole = templates or _spoken_templates()
    parts = [fill(head_words, ref.number, total)]
    if ref.authors:
        parts.append(ref.authors[0])
    if ref.year:
        parts.append(str(ref.year))
    return fill(whole, ", ".join(parts), ref.text)


class ReferencesPane(QWidget):
    """Shows the article's references; the selected one with its "cited in" links."""

    claim_requested = Signal(int)  # a citation ordinal to go back to
    reference_selected = Signal(object)  # Reference (for announcements)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("references_pane")
        self._article: Article | None = None

        self.notice = QLabel(self)
        self.notice.setObjectName("flag_notice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.notice.setAccessibleName(self.tr("About the marked sentence"))
        self.notice.hide()
        # The technical reason, one step further, for staff checking the article.
        self.details_button = QToolButton(self)
        self.details_button.setObjectName("flag_details_button")
        self.details_button.setCheckable(True)
        self.details_button.setText(self.tr("Details for staff"))
        self.details_button.setAccessibleName(self.tr("Details for staff"))
        self.details_button.setToolTip(self.tr("Show or hide why the sentence was marked"))
        self.details_button.toggled.connect(self._on_details_button_toggled)
        self.details_button.hide()
        self.details = QLabel(self)
        self.details.setObjectName("flag_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.details.setAccessibleName(self.tr("Why the sentence was marked"))
        self.details.hide()

        self.list = QuietListWidget(self)
        self.list.setObjectName("references_list")
        self.list.setAccessibleName(self.tr("References"))
        self.list.setAccessibleDescription(
            self.tr("Each reference in full. Select one to see where it is cited.")
        )
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(2)
        # Wrapped items of different heights are measured a batch at a time as the event
        # loop turns: a list of 800 references otherwise holds the article's first screen
        # back by about a tenth of a second while every item is measured.
        self.list.setLayoutMode(QListWidget.LayoutMode.Batched)
        self.list.setBatchSize(40)

        self.cited_label = QLabel(self.tr("Cited in:"), self)
        self.cited_label.setObjectName("cited_in_label")
        self.cited_label.setWordWrap(True)
        self.cited_in = QuietListWidget(self)
        self.cited_in.setObjectName("cited_in_list")
        self.cited_in.setAccessibleName(self.tr("Cited in"))
        self.cited_in.setAccessibleDescription(
            self.tr(
                "Places in the article that cite this reference. Press Enter to go to the claim."
            )
        )
        self.cited_in.setWordWrap(True)
        self.cited_in.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cited_in.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.cited_in.setUniformItemSizes(False)
        self.cited_label.setBuddy(self.cited_in)

        self.address = QLineEdit(self)
        self.address.setObjectName("reference_address")
        self.address.setReadOnly(True)
        self.address.setAccessibleName(self.tr("Address of the reference (to copy; not opened)"))
        self.address.setPlaceholderText(self.tr("No DOI or web address"))
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("copy_address")
        self.copy_button.setAccessibleName(self.tr("Copy the reference's address"))
        self.copy_button.setToolTip(self.tr("Copy the DOI or web address to the clipboard"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        address_row = QHBoxLayout()
        address_row.setContentsMargins(0, 0, 0, 0)
        address_row.addWidget(self.address, 1)
        address_row.addWidget(self.copy_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.notice)
        layout.addWidget(self.details_button)
        layout.addWidget(self.details)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.cited_label)
        layout.addWidget(self.cited_in, 1)
        layout.addLayout(address_row)
        mark_pane(self, self.list)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        follow_focus(self.list)
        follow_focus(self.cited_in)
        self.cited_in.itemActivated.connect(self._on_cited_in_item_activated)
        self.cited_in.itemClicked.connect(self._on_cited_in_item_activated)
        # The rest of a long list, added once the article's first screen is shown.
        self._rest: tuple[Article, int] | None = None
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.setInterval(0)
        self._rest_timer.timeout.connect(self._on_rest_timer_timeout)
        self.set_article(None)

    # --- content --------------------------------------------------------------------------

    def set_article(self, article: Article | None) -> None:
        self._article = article
        self._rest = None
        self._rest_timer.stop()
        self._hide_flag()
        self.list.clear()
        # References and claims are the article's text: its language's direction.
        language = article.meta.language if article is not None else None
        for view in (self.list, self.cited_in, self.address):
            follow_content_language(view, language)
        if article is None or not article.references:
            empty = QListWidgetItem(self.tr("This article has no reference list."))
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(empty)
            self._show_details(None)
            return
        self._add_rows(article, 0, FIRST_ROWS)
        self.list.setCurrentRow(0)
        if len(article.references) > FIRST_ROWS:
            self._rest = (article, FIRST_ROWS)
            self._rest_timer.start()

    def _add_rows(self, article: Article, start: int, end: int | None = None) -> None:
        total = len(article.references)
        templates = _spoken_templates()
        for ref in article.references[start:end]:
            item = QListWidgetItem(f"{ref.number}. {ref.text}")
            item.setData(_KEY_ROLE, ref.key)
            spoken = spoken_reference(ref, total, templates)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            self.list.addItem(item)

    def complete_list(self) -> None:
        """Add the rest of a long reference list now (see :data:`FIRST_ROWS`)."""
        self._rest_timer.stop()
        rest, self._rest = self._rest, None
        if rest is not None and rest[0] is self._article:
            self._add_rows(*rest)

    def _on_rest_timer_timeout(self) -> None:
        self.complete_list()

    @property
    def current_key(self) -> str | None:
        item = self.list.itemFromIndex(current_index(self.list))
        key = item.data(_KEY_ROLE) if item is not None else None
        return key if isinstance(key, str) else None

    def show_reference(self, key: str, *, focus: bool = True) -> bool:
        """Select reference ``key``; with ``focus`` the keyboard lands on it."""
        self.complete_list()
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(_KEY_ROLE) == key:
                self.list.setCurrentRow(row)
                if not self.list.visualItemRect(item).isValid():
                    self._measure_every_item()  # not reached by the batches yet
                self.list.scrollToItem(item)
                if focus:
                    self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _measure_every_item(self) -> None:
        """Lay the whole list out now rather than a batch at a time (see ``__init__``)."""
        self.list.setLayoutMode(QListWidget.LayoutMode.SinglePass)
        self.list.doItemsLayout()
        self.list.setLayoutMode(QListWidget.LayoutMode.Batched)

    def show_flag(self, flag: FlaggedClaim) -> None:
        """Explain a flagged claim above the list, in plain words; the technical reason is
        one step further ("Details for staff"). The article is not moved: the claim stays
        in view."""
        text = self.plain_explanation(flag)
        self.notice.setText(text)
        self.notice.setAccessibleDescription(text)
        self.notice.show()
        self.details.setText(self.staff_details(flag))
        self.details_button.setChecked(False)
        self.details.hide()
        self.details_button.show()
        if flag.closest_key:
            self.show_reference(flag.closest_key, focus=False)

    def plain_explanation(self, flag: FlaggedClaim) -> str:
        """Why a sentence is marked, for anyone: no abbreviations, no matching jargon."""
        name = flag.named_source
        if flag.kind == "ambiguous":
            numbers = [self._number(k) for k in flag.candidates]
            text = self.tr(
                "This sentence mentions %1, and more than one source in this article's list "
                "could be what it means. It does not say which, so it is not linked to any "
                "of them."
            ).replace("%1", name)
            if len(numbers) >= 2 and all(numbers):
                text += " " + self.tr("It may be source %1 or source %2.").replace(
                    "%1", str(numbers[0])
                ).replace("%2", str(numbers[1]))
            return text
        kind = flag.named_kind
        if kind == "source" and "journal" in name.casefold():
            kind = "journal"  # an article written before the kind was recorded
        if kind == "journal":
            if "journal" in name.casefold():
                sentence = self.tr(
                    "This sentence mentions the %1, but that journal is not in this "
                    "article's list of sources."
                )
            else:
                sentence = self.tr(
                    "This sentence mentions the journal %1, but that journal is not in "
                    "this article's list of sources."
                )
        elif kind == "organisation":
            sentence = self.tr(
                "This sentence mentions %1, but nothing from that organisation is in this "
                "article's list of sources."
            )
        elif kind == "author":
            sentence = self.tr(
                "This sentence mentions work by %1, but no work by that author is in this "
                "article's list of sources."
            )
        else:
            sentence = self.tr(
                "This sentence mentions %1, but that source is not in this article's list "
                "of sources."
            )
        return sentence.replace("%1", name)

    def staff_details(self, flag: FlaggedClaim) -> str:
        """The technical reason (what matched, what did not, the closest reference)."""
        reason = flag.reason[:1].upper() + flag.reason[1:] if flag.reason else ""
        if flag.kind == "ambiguous":
            which = ", ".join(f"{self._number(k) or '?'} [{k}]" for k in flag.candidates)
            head = self.tr("Ambiguous name: %1 fits references %2.")
            head = head.replace("%1", f"“{flag.named_source}”").replace("%2", which)
        else:
            head = self.tr("Named source not in the references: %1.").replace(
                "%1", f"“{flag.named_source}”"
            )
            if flag.closest_key:
                head += " " + self.tr("Closest reference: %1.").replace(
                    "%1", f"{self._number(flag.closest_key) or '?'} [{flag.closest_key}]"
                )
        return f"{head} {reason}." if reason else head

    def _number(self, key: str) -> int | None:
        article = self._article
        ref = article.reference(key) if article is not None else None
        return ref.number if ref is not None else None

    def _hide_flag(self) -> None:
        self.notice.hide()
        self.details_button.setChecked(False)
        self.details_button.hide()
        self.details.hide()

    def _on_details_button_toggled(self, shown: bool) -> None:
        self.details.setVisible(shown)

    def flag_notice(self) -> str | None:
        return self.notice.text() if self.notice.isVisible() or self.notice.text() else None

    def cited_in_items(self) -> list[QListWidgetItem]:
        return [i for i in (self.cited_in.item(r) for r in range(self.cited_in.count())) if i]

    # --- details --------------------------------------------------------------------------

    def _show_details(self, ref: Reference | None) -> None:
        self.cited_in.clear()
        article = self._article
        if ref is None or article is None:
            self.cited_label.setText(self.tr("Cited in: —"))
            self.address.clear()
            self.copy_button.setEnabled(False)
            return
        citations = article.citations_of(ref.key)
        self.cited_label.setText(
            fill(self.tr("Reference %1 is cited in:"), ref.number)
            if citations
            else fill(self.tr("Reference %1 is not cited in the text."), ref.number)
        )
        for c in citations:
            section = article.section(c.section_anchor)
            lead = self.tr("Introduction")
            heading = section.heading if section is not None and section.heading else lead
            item = QListWidgetItem(fill(self.tr("%1, ¶%2"), heading, c.paragraph))
            item.setData(_KEY_ROLE, c.ordinal)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                fill(self.tr("%1, paragraph %2: %3"), heading, c.paragraph, c.claim),
            )
            item.setToolTip(c.claim)
            self.cited_in.addItem(item)
        if citations:
            # Tab into the list lands on (and a screen reader speaks) its first claim.
            self.cited_in.setCurrentRow(0)
        address = reference_address(ref)
        self.address.setText(address or "")
        self.address.setCursorPosition(0)
        self.copy_button.setEnabled(bool(address))

    def _on_list_current_item_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        article = self._article
        key = current.data(_KEY_ROLE) if current is not None else None
        ref = article.reference(key) if article is not None and isinstance(key, str) else None
        self._show_details(ref)
        if ref is not None:
            self.reference_selected.emit(ref)

    def _on_cited_in_item_activated(self, item: QListWidgetItem) -> None:
        ordinal = item.data(_KEY_ROLE)
        if isinstance(ordinal, int):
            self.claim_requested.emit(ordinal)

    def _on_copy_button_clicked(self) -> None:
        text = self.address.text()
        if text:
            QGuiApplication.clipboard().setText(text)
