"""The article text: a QTextBrowser showing HTML generated from the article model.

Citation markers are ``cite:<n>`` links; activating one (click, tap, Enter on the
focused marker) emits :attr:`ArticleView.reference_requested` and highlights the
claim sentence. Nothing here ever opens a browser: links are handled, not followed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QMimeData,
    QPoint,
    QSizeF,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.core.byline import is_research
from reader.core.formula_words import without_separators
from reader.core.keymap import KEYMAP, keys_for
from reader.core.model import Article, FlaggedClaim, Formula
from reader.core.navigation import CitationRef, Location
from reader.core.theme import LIGHT, Theme
from reader.ui.accessibility import (
    DOCUMENT_PROPERTY,
    citation_link_name,
    formula_speech,
    say_in_place,
)
from reader.ui.article_html import (
    DETAILS_HREF,
    DocumentColours,
    Marker,
    RenderedPart,
    document_stylesheet,
    line_height_percent,
    render_parts,
    welcome_html,
)
from reader.ui.heading_sizes import fit_heading_sizes, heading_blocks
from reader.ui.i18n import fill
from reader.ui.spoken_only import is_spoken_only, label_headings, without_spoken_only

log = logging.getLogger(__name__)

#: HTML rendered and shown at once when an article opens: more than a screen holds at
#: the smallest text size on a large screen. The rest follows in pieces of about
#: NEXT_CHARS, one per turn of the event loop, so keys are never held up for long.
FIRST_CHARS = 12_000
NEXT_CHARS = 3_000


@dataclass(frozen=True, slots=True)
class ArticleStyle:
    theme: Theme
    font: QFont
    line_spacing: float
    text_scale: int = 100  # per cent: headings grow less than the body above 100


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int


class ArticleView(QTextBrowser):
    """Shows one article (or the welcome page) and lets a person walk its claims."""

    reference_requested = Signal(object)  # CitationRef
    flag_explanation_requested = Signal(object)  # FlaggedClaim
    section_changed = Signal(str)  # the anchor of the section now at the top
    zoom_requested = Signal(int)  # +1 larger, -1 smaller (Ctrl+wheel)
    internal_link_requested = Signal(str)  # an #anchor inside the article
    text_completed = Signal()  # the whole article is in the document now
    details_toggled = Signal(bool)  # a research article's details shown (True) or hidden

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_view")
        self.setAccessibleName(self.tr("Article"))
        self.setAccessibleDescription(
            self.tr("The article text. Citation numbers are links to the references.")
        )
        self.setProperty(DOCUMENT_PROPERTY, True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.document().setDocumentMargin(16)
        self._article: Article | None = None
        self._markers: dict[str, Marker] = {}
        self._marker_spans: dict[str, _Span] = {}
        self._heading_anchors: tuple[str, ...] = ()
        self._heading_positions: list[tuple[str, int]] = []
        self._heading_starts: list[int] | None = None  # every heading block (None: unknown)
        self._claim: int | None = None
        self._flag: int | None = None
        self._matches: list[_Span] = []
        self._style = ArticleStyle(LIGHT, QFont(), 1.5)
        self._current_section = ""
        self._linear_tables = False
        self._tables: tuple[str, ...] = ()
        self._formulas: tuple[Formula, ...] = ()
        self._details_open = False
        # The document position at the top of the view: kept there across a change of
        # size, font, spacing, theme or width (None: the top of the document).
        self._top_position: int | None = None
        self._keeping_place = False
        self._pending_top: int | None = None
        #: How many times the text was restyled in place (a new size or font) instead of
        #: being rendered again.
        self.restyles = 0
        #: How many times the document was built from the article (rendered again).
        self.renders = 0
        self._activate_keys = {QKeySequence(k) for k in keys_for("activate_citation")}
        self._window_keys = {QKeySequence(k) for b in KEYMAP if b.scope == "window" for k in b.keys}
        self._reflow_timer = QTimer(self)
        self._reflow_timer.setSingleShot(True)
        self._reflow_timer.setInterval(60)
        self._reflow_timer.timeout.connect(self._on_reflow_timer_timeout)
        self._spoken_marker = ""
        self._caret_before = 0  # where the caret was, to step over a screen reader's words
        # The parts of the article still to come (None: the whole article is shown).
        self._parts: Iterator[RenderedPart] | None = None
        self._next_part: RenderedPart | None = None
        self._load_timer = QTimer(self)
        self._load_timer.setSingleShot(True)
        self._load_timer.setInterval(0)
        self._load_timer.timeout.connect(self._on_load_timer_timeout)
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self.cursorPositionChanged.connect(self._on_self_cursor_position_changed)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        self.verticalScrollBar().rangeChanged.connect(self._on_scroll_range_changed)

    # --- content --------------------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def text_complete(self) -> bool:
        """Whether the whole article is in the document (it comes in parts as it opens)."""
        return self._parts is None

    @property
    def current_citation(self) -> int | None:
        return self._claim

    @property
    def current_section(self) -> str:
        return self._current_section

    def show_welcome(self, collections: list[tuple[str, int]]) -> None:
        self._stop_loading()
        self._article = None
        self._markers = {}
        self._marker_spans = {}
        self._heading_anchors = ("top",)
        self._formulas = ()
        self._claim = None
        self._flag = None
        self._matches = []
        self._welcome_collections = collections
        self._tables = ()
        self._top_position = None
        self._set_html(welcome_html(collections))
        self.setAccessibleName(self.tr("Welcome"))

    def show_article(self, article: Article) -> None:
        """Render ``article`` from its model; clears the claim and search marks."""
        self._article = article
        self._claim = None
        self._flag = None
        self._matches = []
        self._linear_tables = False
        opened = self._details_open
        self._details_open = False
        self._render()
        if opened:
            self.details_toggled.emit(False)
        self.setAccessibleName(fill(self.tr("Article: %1"), article.title))
        self.verticalScrollBar().setValue(0)
        self._top_position = None
        self._update_current_section(force=True)

    def set_style(self, style: ArticleStyle) -> None:
        """Apply theme, font, line spacing and text size; the same text stays at the top.

        A new size, font or spacing restyles the document in place (its default font,
        the headings' sizes, the blocks' line height): nothing is rendered again, and only
        what is on screen is laid out at once, the rest as the event loop turns. Colours
        live in the document's stylesheet, so they render the document again.
        """
        previous = self._style
        self._style = style
        top = self.top_position()
        restyle_only = previous.theme == style.theme and not self.document().isEmpty()
        with self._layout_after():
            self.setFont(style.font)  # the text control passes it on to the document
            if self.document().defaultFont() != style.font:
                self.document().setDefaultFont(style.font)
            if restyle_only:
                self._apply_heading_sizes()
                self._apply_line_height(previous)
        if restyle_only:
            self.restyles += 1
        elif self._article is not None:
            self._render()
        elif self._heading_anchors:
            self._set_html(welcome_html(getattr(self, "_welcome_collections", [])))
        self.keep_place(top)
        if restyle_only and self.isVisible():
            # The text at its new size is painted now, before the window around it
            # takes the new size too (bars and panes): the reader sees it answer at once.
            self.viewport().repaint()
        self._reflow_timer.start()

    @contextmanager
    def _layout_after(self) -> Iterator[None]:
        """Change the document with its layout stopped, then lay it out once, lazily.

        Without this every format change lays out the whole document at once (a long
        article takes a few hundred milliseconds). Here the layout starts again from the
        top when the block ends: Qt lays out what is on screen first and the rest in
        steps between events, so keys are not held up.
        """
        doc = self.document()
        size = doc.pageSize()
        # A null size (0 x 0) stops the layout; QSizeF() is (-1, -1), a size Qt lays out.
        doc.setPageSize(QSizeF(0, 0))
        try:
            yield
        finally:
            doc.setPageSize(size)

    def _line_height(self, style: ArticleStyle) -> int:
        return line_height_percent(style.line_spacing, style.text_scale)

    def _apply_line_height(self, previous: ArticleStyle) -> None:
        """The body's line height for the new size or spacing, set on the blocks there
        (and in the stylesheet, for the parts of the article still to come)."""
        height = self._line_height(self._style)
        if height == self._line_height(previous):
            return
        self.document().setDefaultStyleSheet(self._stylesheet())
        proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        fmt = QTextBlockFormat()
        fmt.setLineHeight(height, proportional)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().lineHeightType() == proportional:
                cursor.setPosition(block.position())
                cursor.mergeBlockFormat(fmt)
            block = block.next()
        cursor.endEditBlock()

    def _stylesheet(self) -> str:
        t = self._style.theme
        colours = DocumentColours(text=t.text, link=t.link, muted=t.muted, border=t.border)
        return document_stylesheet(colours, self._line_height(self._style) / 100)

    def _apply_heading_sizes(self) -> None:
        self._set_heading_sizes(self.document(), self._heading_blocks())

    def _set_heading_sizes(self, doc: QTextDocument, blocks: Iterator[QTextBlock]) -> None:
        """Headings a modest step above the body, the step shrinking as the text grows."""
        fit_heading_sizes(doc, blocks, self._style.font.pointSizeF(), self._style.text_scale)

    def _heading_blocks(self) -> Iterator[QTextBlock]:
        """The document's heading blocks (from the index of the document when it has one)."""
        if self._heading_starts is None:
            yield from heading_blocks(self.document())
            return
        doc = self.document()
        for position in self._heading_starts:
            yield doc.findBlock(position)

    # --- the reader's place -------------------------------------------------------------

    def top_position(self) -> int | None:
        """The document position of the text at the top of the view (None: the very top)."""
        if self.verticalScrollBar().value() <= 0:
            return None
        return self.cursorForPosition(QPoint(1, 1)).position()

    def keep_place(self, position: int | None, *, move_caret: bool = False) -> None:
        """Scroll so that the line holding ``position`` is at the top of the view
        (``move_caret``: and put the caret there, where keyboard reading goes on)."""
        if position is not None:
            self._load_until(lambda: position < self.document().characterCount() - 1)
        if move_caret and position is not None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(min(position, self.document().characterCount() - 1))
            self.setTextCursor(cursor)
        self._keeping_place = True
        try:
            top = 0
            if position is not None and position < self.document().characterCount():
                top = self._line_top(position)
            # The first line sits below the document's margin: keep that margin in view.
            if top <= self.document().documentMargin():
                top = 0
            bar = self.verticalScrollBar()
            # The scroll range follows the lazy layout: a place beyond it is reached as the
            # range grows (see _on_scroll_range_changed).
            self._pending_top = top if top > bar.maximum() else None
            bar.setValue(top)
        finally:
            self._keeping_place = False
        self._top_position = position

    def _line_top(self, position: int) -> int:
        block = self.document().findBlock(position)
        rect = self.document().documentLayout().blockBoundingRect(block)
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position())
        offset = line.y() if line.isValid() else 0.0
        return int(rect.top() + offset)

    def _set_html(self, html: str) -> None:
        self.document().setDefaultStyleSheet(self._stylesheet())
        self._heading_starts = None
        with self._layout_after():
            self.setHtml(html)
            self._apply_heading_sizes()

    def _render(self) -> None:
        """Show the article: its first screen at once, the rest as the event loop turns
        (see :meth:`complete_text`)."""
        assert self._article is not None
        self._stop_loading()
        self.renders += 1
        self._markers = {}
        self._heading_anchors = ()
        self._tables = ()
        self._formulas = ()
        self._parts = render_parts(
            self._article, linear_tables=self._linear_tables, details_open=self._details_open
        )
        self._next_part = next(self._parts, None)
        first = self._take_parts(FIRST_CHARS)
        self._set_html("<html><body>" + first + "</body></html>")  # notr
        self._marker_spans = {}
        self._heading_starts = []
        label_headings(self.document(), self.document().begin(), self._heading_label)
        self._index_blocks(self.document().begin())
        if self._next_part is None:
            self._finish_loading()
        else:
            self._apply_selections()
            self._load_timer.start()

    def _take_parts(self, chars: int) -> str:
        """The HTML of the next parts, about ``chars`` long, ending before a heading or a
        paragraph (a piece of the document starts with one)."""
        html: list[str] = []
        length = 0
        while self._next_part is not None and self._parts is not None:
            part = self._next_part
            if html and part.starts_piece and length >= chars:
                break
            html.append(part.html)
            length += len(part.html)
            self._markers.update((m.href, m) for m in part.markers)
            self._heading_anchors += part.heading_anchors
            self._tables += part.tables
            self._formulas += part.formulas
            self._next_part = next(self._parts, None)
        return "".join(html)

    def _append_parts(self) -> None:
        """Add the next piece of the article at the end of the document."""
        doc = self.document()
        html = self._take_parts(NEXT_CHARS)
        piece = QTextDocument()
        piece.setDefaultFont(doc.defaultFont())
        piece.setDefaultStyleSheet(doc.defaultStyleSheet())
        piece.setHtml("<html><body>" + html + "</body></html>")  # notr
        self._set_heading_sizes(piece, heading_blocks(piece))
        first = piece.begin()
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        # A new block with the piece's first format (a heading, a paragraph): inserted HTML would
        # give its first block the format of the block it lands in.
        cursor.insertBlock(first.blockFormat(), first.charFormat())
        start = cursor.position()
        cursor.insertFragment(QTextDocumentFragment(piece))
        cursor.endEditBlock()
        label_headings(doc, doc.findBlock(start), self._heading_label)
        self._index_blocks(doc.findBlock(start))
        if self._next_part is None:
            self._finish_loading()

    def _heading_label(self, level: int) -> str:
        """What Say All says before a heading (see :mod:`reader.ui.spoken_only`)."""
        return fill(self.tr("heading level %1"), level)

    def _on_load_timer_timeout(self) -> None:
        if self._parts is not None:
            self._append_parts()
            if self._parts is not None:
                self._load_timer.start()

    def _finish_loading(self) -> None:
        self._parts = None
        self._next_part = None
        self._load_timer.stop()
        if self._heading_starts is not None and len(self._heading_starts) != len(
            self._heading_anchors
        ):
            log.warning(
                "found %d headings for %d sections",
                len(self._heading_starts),
                len(self._heading_anchors),
            )
        self._apply_selections()
        self._reflow_timer.start()  # the tables are all known now
        self.text_completed.emit()

    def _stop_loading(self) -> None:
        self._parts = None
        self._next_part = None
        self._load_timer.stop()

    def complete_text(self) -> None:
        """Put the rest of the article in the document now (what needs all of it: find,
        reading aloud, a jump to a section or citation further on)."""
        self._load_until(lambda: False)

    def _load_until(self, found: Callable[[], bool]) -> None:
        """Add parts of the article until ``found()`` (or the article is complete)."""
        while self._parts is not None and not found():
            self._append_parts()

    def _on_reflow_timer_timeout(self) -> None:
        top = self._top_position
        if self._check_reflow():
            self.keep_place(top)
        self._keep_selection_in_view()

    def _keep_selection_in_view(self) -> None:
        """After the text reflowed, the selected claim (or flagged claim) is still in view."""
        span: tuple[int, int] | None = None
        if self._claim is not None:
            span = self.citation_span(self._claim)
        elif self._flag is not None:
            flag = self._flag_span(self._flag)
            span = (flag.start, flag.end) if flag is not None else None
        if span is not None:
            self._scroll_into_view(span[0])

    def _check_reflow(self) -> bool:
        """Tables that cannot fit the width become lists, so nothing scrolls sideways.

        Each table is measured alone in a small document of the same font and width,
        so the article itself is never laid out in full to find out. True when the
        article was rendered again.
        """
        if self._article is None or not self._tables or self._parts is not None:
            return False
        width = self.viewport().width() - 2 * self.document().documentMargin()
        overflows = self._tables_overflow(width)
        if overflows != self._linear_tables:
            self._linear_tables = overflows
            self._render()
            return True
        return False

    def _tables_overflow(self, width: float) -> bool:
        probe = QTextDocument()
        probe.setDocumentMargin(0)
        probe.setDefaultFont(self.document().defaultFont())
        probe.setDefaultStyleSheet(self.document().defaultStyleSheet())
        probe.setHtml("<html><body>" + "".join(self._tables) + "</body></html>")  # notr
        probe.setTextWidth(width)
        return bool(probe.size().width() > width + 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        top = self._top_position
        self._keeping_place = True
        try:
            super().resizeEvent(event)
        finally:
            self._keeping_place = False
        if event.oldSize().width() != event.size().width():
            # The text rewrapped: the line that was at the top is put back there, and the
            # claim being looked at stays in view.
            self.keep_place(top)
            self._keep_selection_in_view()
        self._reflow_timer.start()

    def _index_blocks(self, block: QTextBlock) -> None:
        """Find where the markers and headings ended up in the QTextDocument, from
        ``block`` to the end (the document grows at its end as the article comes in)."""
        headings = self._heading_starts if self._heading_starts is not None else []
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                headings.append(block.position())
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                href = frag.charFormat().anchorHref()
                if href:
                    pos = frag.position()
                    prev = self._marker_spans.get(href)
                    if prev is not None and prev.end == pos:
                        self._marker_spans[href] = _Span(prev.start, pos + frag.length())
                    else:
                        self._marker_spans.setdefault(href, _Span(pos, pos + frag.length()))
                it += 1
            block = block.next()
        self._heading_starts = headings
        self._heading_positions = list(zip(self._heading_anchors, headings, strict=False))

    # --- positions --------------------------------------------------------------------------

    def _model_to_doc(self, section: str, block_index: int, offset: int) -> int | None:
        """Document position of ``offset`` into a model block's text, using the markers
        of that block (which take room in the document but not in ``block.text``)."""
        same = [
            (m, self._marker_spans[m.href])
            for m in self._markers.values()
            if m.section_anchor == section
            and m.block_index == block_index
            and m.href in self._marker_spans
        ]
        if not same:
            return None
        first_marker, first_span = min(same, key=lambda ms: ms[1].start)
        doc_block = self.document().findBlock(first_span.start)
        # Offset of the first marker inside its document block, minus the model offset,
        # gives the block's own start (markers before it take no model room).
        start = first_span.start - first_marker.offset
        if start < doc_block.position():
            return None
        extra = sum(span.end - span.start for m, span in same if m.offset < offset)
        return start + offset + extra

    def _claim_span(self, section: str, block_index: int, start: int, end: int) -> _Span | None:
        a = self._model_to_doc(section, block_index, start)
        b = self._model_to_doc(section, block_index, end)
        if a is None or b is None or b <= a:
            return None
        return _Span(a, b)

    def citation_span(self, ordinal: int) -> tuple[int, int] | None:
        """Document (start, end) of the claim sentence of citation ``ordinal``."""
        if self._article is None or not 0 <= ordinal < len(self._article.citations):
            return None
        c = self._article.citations[ordinal]
        self._load_until(lambda: f"cite:{ordinal}" in self._marker_spans)
        span = self._claim_span(c.section_anchor, c.block_index, c.claim_start, c.claim_end)
        if span is None:
            return None
        return span.start, span.end

    def marker_span(self, href: str) -> tuple[int, int] | None:
        self._load_until(lambda: href in self._marker_spans)
        span = self._marker_spans.get(href)
        return (span.start, span.end) if span else None

    def _flag_span(self, index: int) -> _Span | None:
        if self._article is None or not 0 <= index < len(self._article.flagged):
            return None
        f = self._article.flagged[index]
        self._load_until(lambda: f"flag:{index}" in self._marker_spans)
        if f.block_index is None or f.claim_start is None or f.claim_end is None:
            return None
        return self._claim_span(f.section_anchor, f.block_index, f.claim_start, f.claim_end)

    def _show_whole(self, span: _Span) -> None:
        """Scroll as little as needed for a sentence to show whole, its start first (a
        marker at the top or bottom edge leaves the rest of its sentence off screen)."""
        first, last = QTextCursor(self.document()), QTextCursor(self.document())
        first.setPosition(span.start)
        last.setPosition(span.end)
        bar = self.verticalScrollBar()
        below = self.cursorRect(last).bottom() - self.viewport().height()
        if below > 0:
            bar.setValue(bar.value() + min(below, max(self.cursorRect(first).top(), 0)))
        above = self.cursorRect(first).top()
        if above < 0:
            bar.setValue(bar.value() + above)

    def section_position(self, anchor: str) -> int | None:
        section = self._article.section(anchor) if self._article is not None else None
        if section is not None and section.level > 0:
            self._load_until(lambda: anchor in self._heading_anchors)
        return next((pos for a, pos in self._heading_positions if a == anchor), None)

    def _load_section(self, anchor: str | None) -> None:
        """Put section ``anchor`` in the document whole (None: the whole article)."""
        sections = self._article.sections if self._article is not None else ()
        at = next((i for i, s in enumerate(sections) if s.anchor == anchor), None)
        following = [s.anchor for s in sections[at + 1 :] if s.level > 0] if at is not None else []
        if following:
            self._load_until(lambda: following[0] in self._heading_anchors)
        else:
            self.complete_text()

    def _section_range(self, anchor: str | None) -> tuple[int, int]:
        self._load_section(anchor)
        end_doc = self.document().characterCount()
        if anchor is None:
            return 0, end_doc
        positions = self._heading_positions
        for i, (a, pos) in enumerate(positions):
            if a == anchor:
                nxt = positions[i + 1][1] if i + 1 < len(positions) else end_doc
                return pos, nxt
        if anchor == "lead" and len(positions) > 1:
            return positions[0][1], positions[1][1]
        return 0, end_doc

    # --- highlights ---------------------------------------------------------------------

    def _selection(self, span: _Span, bg: str, fg: str) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(QColor(bg)))
        fmt.setForeground(QBrush(QColor(fg)))
        sel.format = fmt
        return sel

    def _apply_selections(self) -> None:
        t = self._style.theme
        selections: list[QTextEdit.ExtraSelection] = []
        if self._article is not None:
            for i in range(len(self._article.flagged)):
                span = self._flag_span(i)
                if span is not None:
                    selections.append(self._selection(span, t.flag_bg, t.flag_fg))
        selections.extend(self._selection(s, t.match_bg, t.match_fg) for s in self._matches)
        if self._claim is not None:
            found = self.citation_span(self._claim)
            if found is not None:
                selections.append(self._selection(_Span(*found), t.claim_bg, t.claim_fg))
        self.setExtraSelections(selections)

    def highlighted_claim(self) -> str | None:
        """The text of the highlighted claim sentence, as shown (None when none is)."""
        if self._claim is None:
            return None
        span = self.citation_span(self._claim)
        if span is None:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def marked_words(self) -> list[str]:
        out = []
        for s in self._matches:
            cursor = QTextCursor(self.document())
            cursor.setPosition(s.start)
            cursor.setPosition(s.end, QTextCursor.MoveMode.KeepAnchor)
            out.append(cursor.selectedText())
        return out

    def select_claim(self, ordinal: int | None, *, move_caret: bool = True) -> None:
        """Highlight the claim of citation ``ordinal`` and bring it into view."""
        self._claim = ordinal
        self._apply_selections()
        if ordinal is None:
            return
        span = self.citation_span(ordinal)
        if span is None:
            return
        self._scroll_into_view(span[0])  # first: the caret lands in view (one scroll)
        if move_caret:
            cursor = QTextCursor(self.document())
            cursor.setPosition(span[0])
            self.setTextCursor(cursor)

    def mark_terms(self, terms: tuple[str, ...], section: str | None) -> None:
        """Mark the search words inside ``section`` (or the whole article)."""
        self._matches = []
        start, end = self._section_range(section)
        text = self._plain_slice(start, end)
        for term in {t for t in terms if t.strip()}:
            pattern = re.compile(r"\b" + re.escape(term.strip()) + r"\w*", re.IGNORECASE)
            for m in pattern.finditer(text):
                self._matches.append(_Span(start + m.start(), start + m.end()))
        self._matches.sort(key=lambda s: s.start)
        self._apply_selections()

    def _plain_slice(self, start: int, end: int) -> str:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(
            min(end, self.document().characterCount() - 1), QTextCursor.MoveMode.KeepAnchor
        )
        # selectedText uses U+2029 between blocks: one character each, so offsets hold.
        return cursor.selectedText()

    # --- scrolling and sections ---------------------------------------------------------

    def _block_top(self, position: int) -> int:
        block = self.document().findBlock(position)
        rect = self.document().documentLayout().blockBoundingRect(block)
        return int(rect.top())

    def _scroll_into_view(self, position: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        y = self.cursorRect(cursor).top() + self.verticalScrollBar().value()
        view_h = self.viewport().height()
        bar = self.verticalScrollBar()
        if not (bar.value() <= y <= bar.value() + view_h - 40):
            bar.setValue(max(0, y - view_h // 4))

    def scroll_to_section(self, anchor: str, *, move_caret: bool = True) -> bool:
        pos = self.section_position(anchor)
        if pos is None:
            if anchor == "lead":
                self.verticalScrollBar().setValue(0)
                return True
            return False
        # Scrolled first: the caret then lands in view, and the text does not scroll
        # twice (each scroll is an event for a screen reader).
        self.verticalScrollBar().setValue(self._block_top(pos))
        if move_caret:
            cursor = QTextCursor(self.document())
            cursor.setPosition(pos)
            self.setTextCursor(cursor)
        # Near the end the heading cannot reach the top: the section asked for is current.
        self._current_section = anchor
        self.section_changed.emit(anchor)
        return True

    def scroll_value(self) -> int:
        return self.verticalScrollBar().value()

    def set_scroll_value(self, value: int) -> None:
        bar = self.verticalScrollBar()
        if value > bar.maximum():
            self.complete_text()
        self.verticalScrollBar().setValue(value)

    def _section_at_top(self) -> str:
        if not self._heading_positions:
            return ""
        top = self.verticalScrollBar().value() + 8
        current = self._heading_positions[0][0]
        # At the very top the first section is at the top, however much of the rest is
        # laid out yet (blocks not laid out all sit at 0).
        positions = self._heading_positions if top > 8 else self._heading_positions[:1]
        for anchor, pos in positions:
            if self._block_top(pos) <= top:
                current = anchor
            else:
                break
        if current == "top" and self._article is not None:
            current = "lead" if self._article.section("lead") else current
        return current

    def _update_current_section(self, *, force: bool = False) -> None:
        anchor = self._section_at_top()
        if anchor != self._current_section or force:
            self._current_section = anchor
            self.section_changed.emit(anchor)

    def _on_scroll_range_changed(self, _low: int, high: int) -> None:
        pending = self._pending_top
        if pending is None:
            return
        self._keeping_place = True
        try:
            self.verticalScrollBar().setValue(pending)
        finally:
            self._keeping_place = False
        if high >= pending:
            self._pending_top = None

    def _on_scroll_value_changed(self, _value: int) -> None:
        # Before the view is on screen its size (so its scroll range) is not final: the
        # place asked for is kept until it can be shown.
        if not self._keeping_place and self.isVisible():
            self._top_position = self.top_position()
            self._pending_top = None
        self._update_current_section()

    def step_section(self, step: int) -> str | None:
        """Move to the next (+1) or previous (-1) section heading; return its anchor."""
        self.complete_text()
        positions = [p for a, p in self._heading_positions if a != "top"]
        if not positions:
            return None
        here = self.textCursor().position()
        if step > 0:
            target = next((p for p in positions if p > here), None)
        else:
            target = next((p for p in reversed(positions) if p < here), None)
        if target is None:
            return None
        anchor = next(a for a, p in self._heading_positions if p == target)
        self.scroll_to_section(anchor)
        self.say_heading_at(target)
        return anchor

    def say_heading_at(self, position: int) -> None:
        """Tell a screen reader the heading at ``position``: "heading level 2, Title"."""
        block = self.document().findBlock(position)
        level = block.blockFormat().headingLevel()
        if level > 0:
            self.say(fill(self.tr("heading level %1, %2"), level, block.text().strip()))

    def say_section(self, anchor: str | None) -> None:
        """Tell a screen reader where an opened article starts: its section's heading,
        else the article's title."""
        position = self.section_position(anchor) if anchor else None
        if position is not None:
            self.say_heading_at(position)
        elif self._article is not None:
            self.say(fill(self.tr("Article: %1"), self._article.title))

    def say_claim(self) -> None:
        """Tell a screen reader the highlighted claim sentence (back from a reference)."""
        claim = self.highlighted_claim()
        if claim:
            self.say(claim)

    def say(self, text: str) -> None:
        """Have a screen reader say ``text`` about the article (which has the focus)."""
        say_in_place(self, text)

    def _on_self_cursor_position_changed(self) -> None:
        """A citation marker selected (next citation, Tab) is spoken with its reference;
        a formula reached (Tab, or the caret moving into it) with its words."""
        cursor = self.textCursor()
        if not cursor.hasSelection() and is_spoken_only(cursor.block()):
            # A screen reader's own words before a heading are never drawn: the caret
            # goes on past them, the way it was going.
            block = cursor.block()
            forwards = cursor.position() >= self._caret_before
            cursor.setPosition(
                block.next().position() if forwards else max(0, block.position() - 1)
            )
            self.setTextCursor(cursor)
            return
        self._caret_before = cursor.position()
        href = ""
        if cursor.hasSelection():
            span = _Span(cursor.selectionStart(), cursor.selectionEnd())
            href = next((h for h, s in self._marker_spans.items() if s == span), "")
        elif self._formulas:
            at = cursor.position()
            href = next(
                (
                    h
                    for h, s in self._marker_spans.items()
                    if h.startswith("math:") and s.start <= at < s.end
                ),
                "",
            )
        if href == self._spoken_marker:
            return
        self._spoken_marker = href
        name = citation_link_name(self._article, href) if href else None
        if name is None and href.startswith("math:"):
            name = self.formula_words(href)
        elif href == DETAILS_HREF:
            name = self.details_state_words()
        elif name is None and href and cursor.hasSelection():
            # Any other link Tab lands on (a flagged claim's note, a link inside the
            # article): its words and what it is, so no Tab stop is silent.
            words = cursor.selectedText().strip().strip("[]").strip()
            name = fill(self.tr("%1, link"), words) if words else None
        if name:
            self.say(name)

    # --- a research article's details ----------------------------------------------------

    @property
    def has_details(self) -> bool:
        """The article opens with a short byline and keeps its details behind a link."""
        return self._article is not None and is_research(self._article.meta)

    @property
    def details_open(self) -> bool:
        return self._details_open

    def details_state_words(self) -> str:
        """What a screen reader is told of the details link: its name and its state."""
        if self._details_open:
            return self.tr("Article details, expanded")
        return self.tr("Article details, collapsed")

    def toggle_details(self) -> bool:
        """Show or hide the details under the byline; the caret goes to the link, so Enter
        closes them again. False when the article has none."""
        if not self.has_details:
            return False
        self._details_open = not self._details_open
        top = self.top_position()
        self._render()
        self._spoken_marker = DETAILS_HREF  # said once below, not again as the caret lands
        span = self._marker_spans.get(DETAILS_HREF)
        if span is not None:  # the caret on the link: Enter closes the details again
            cursor = QTextCursor(self.document())
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
        if top is not None:
            self.complete_text()  # the place may be further on than the first screen
        self.keep_place(top)
        self.say(self.details_state_words())
        self.details_toggled.emit(self._details_open)
        return True

    def formula_words(self, href: str) -> str | None:
        """What a screen reader is told for the formula ``math:<n>``: "formula: x squared"."""
        value = href.partition(":")[2]
        if not value.isdigit() or int(value) >= len(self._formulas):
            return None
        spoken = formula_speech(self._formulas[int(value)])
        return fill(self.tr("formula: %1"), spoken) if spoken else None

    def step_citation(self, step: int) -> int | None:
        """Select the next (+1) or previous (-1) citation marker after the caret."""
        self.complete_text()
        cites = sorted(
            (span.start, int(href.split(":", 1)[1]))
            for href, span in self._marker_spans.items()
            if href.startswith("cite:")
        )
        if not cites:
            return None
        cursor = self.textCursor()
        here = cursor.selectionStart() if step < 0 else cursor.selectionEnd()
        if step > 0:
            found = next(
                (c for c in cites if c[0] >= here and c[0] != cursor.selectionStart()), None
            )
        else:
            found = next((c for c in reversed(cites) if c[0] < here), None)
        if found is None:
            return None
        self.focus_marker(f"cite:{found[1]}")
        return found[1]

    def focus_marker(self, href: str) -> bool:
        """Put the caret on a marker link (selected), so Enter activates it."""
        self._load_until(lambda: href in self._marker_spans)
        span = self._marker_spans.get(href)
        if span is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        self._scroll_into_view(span.start)  # first: the caret lands in view (one scroll)
        self.setTextCursor(cursor)
        return True

    def location(self) -> Location | None:
        if self._article is None:
            return None
        return Location(
            article_id=self._article.id,
            scroll=self.verticalScrollBar().value(),
            section_anchor=self._current_section or None,
            citation=self._claim,
        )

    # --- links and keys -------------------------------------------------------------------

    def _href_at_cursor(self) -> str:
        cursor = self.textCursor()
        if cursor.hasSelection():
            probe = QTextCursor(self.document())
            probe.setPosition(cursor.selectionStart() + 1)
            href = probe.charFormat().anchorHref()
            if href:
                return href
        probe = QTextCursor(self.document())
        probe.setPosition(min(cursor.position() + 1, self.document().characterCount() - 1))
        return probe.charFormat().anchorHref()

    def activate_at_cursor(self) -> bool:
        """Follow the link at the caret (a citation, a flag, an in-article link)."""
        href = self._href_at_cursor()
        if not href:
            return False
        self.follow(href)
        return True

    def follow(self, href: str) -> None:
        kind, _, value = href.partition(":")
        article = self._article
        if href.startswith("#"):
            self.internal_link_requested.emit(href[1:])
            self.scroll_to_section(href[1:])
        elif kind == "cite" and article is not None and value.isdigit():
            ordinal = int(value)
            if ordinal < len(article.citations):
                self.select_claim(ordinal, move_caret=False)
                self.focus_marker(href)
                key = article.citations[ordinal].reference_key
                self.reference_requested.emit(CitationRef(ordinal, key))
        elif kind == "ref" and article is not None:
            self.reference_requested.emit(CitationRef(-1, value))
        elif href == DETAILS_HREF:
            self.toggle_details()
        elif kind == "math":
            words = self.formula_words(href)
            if words:
                self.say(words)
        elif kind == "flag" and article is not None and value.isdigit():
            index = int(value)
            if index < len(article.flagged):
                # Kept in view while the explanation opens beside the text.
                self._flag = index
                self._claim = None
                self._apply_selections()
                span = self._flag_span(index)
                if span is not None:
                    self._show_whole(span)
                flag: FlaggedClaim = article.flagged[index]
                self.flag_explanation_requested.emit(flag)
        else:
            log.info("ignored link %r: the reader opens nothing outside itself", href)

    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        self.follow(url.toString())

    def _matches_keys(self, event: QKeyEvent, keys: set[QKeySequence]) -> bool:
        combo = QKeySequence(event.keyCombination())
        return any(combo.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in keys)

    def event(self, event: QEvent) -> bool:
        # The text control claims printable keys ("/", "]", ".") as its own; let the
        # window's shortcuts have the ones the keymap declares.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._matches_keys(event, self._window_keys)
        ):
            event.ignore()
            return False
        return super().event(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt's name
        """Tab and Shift+Tab move between the links of the text: one landing on a citation
        marker is spoken with its reference (Qt selects the link without telling of a
        cursor move)."""
        moved = super().focusNextPrevChild(next)
        if moved and self.hasFocus():
            self._spoken_marker = ""  # Tab onto it again: said again
            self._on_self_cursor_position_changed()
        return moved

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self._matches_keys(event, self._activate_keys) and self.activate_at_cursor():
            event.accept()
            return
        block = self.textCursor().blockNumber()
        super().keyPressEvent(event)
        if (
            event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.textCursor().blockNumber() != block
        ):
            # A screen reader reads the line it came to as text: a heading is said as one.
            self.say_heading_at(self.textCursor().position())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        """A copy carries the text as it is seen: without the invisible separators that
        keep a formula's letters apart for speech ("νij", not "ν⁣i⁣j")."""
        data = super().createMimeDataFromSelection()
        # Nor a screen reader's own words ("heading level 2."): the selection again,
        # without them.
        seen = QTextDocument()
        seen.setDefaultStyleSheet(self.document().defaultStyleSheet())
        QTextCursor(seen).insertFragment(self.textCursor().selection())
        without_spoken_only(seen)
        # Qt's own copy, filled in place: a QMimeData made here would stay tied to Python
        # after the clipboard took it, and the program would crash as it ends. Reading it
        # once makes Qt write its formats now, so that ours replace them for good; the
        # OpenDocument form, which would still hold the spoken words, is left out.
        has_html = bool(data.formats()) and data.hasHtml()
        data.text()
        for kind in data.formats():
            if kind not in ("text/plain", "text/html"):
                data.removeFormat(kind)
        data.setText(without_separators(seen.toPlainText()))
        if has_html:
            data.setHtml(without_separators(seen.toHtml()))
        return data

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt override
        """Never load anything from outside the document (no images, no files)."""
        return QByteArray()
