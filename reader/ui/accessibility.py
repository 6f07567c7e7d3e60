"""Accessible names, announcements, and the article exposed as a document.

A plain ``QTextBrowser`` reaches a screen reader as one "label": no headings, no
links. :func:`install` registers a :class:`QAccessible` factory that gives every
``QTextBrowser`` carrying the dynamic property ``reader_document=True`` a
:class:`DocumentAccessible` instead: role Document, the whole text and the
keyboard caret through the Text interface, and one child per block of the
``QTextDocument`` -- Heading objects (with their level) and Paragraph objects
(each with its own text), paragraphs holding a Link object per hyperlink whose
press action activates it as a click would.

The tree is read from the ``QTextDocument`` alone (``blockFormat().headingLevel()``
and ``charFormat().anchorHref()``), so it works for any such browser. A link's
name is what the browser's ``accessible_link_name(href)`` returns, if it has that method,
else the link's ``title`` (the char format's tool tip), else its text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAnnouncementEvent,
    QAccessibleAttributesInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleTextInterface,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget, QApplication, QTextBrowser, QWidget

from reader.core.model import Article
from reader.ui.i18n import fill

log = logging.getLogger(__name__)

#: The dynamic property that marks a QTextBrowser as the article document.
DOCUMENT_PROPERTY = "reader_document"

Role = QAccessible.Role
IfaceType = QAccessible.InterfaceType

#: What ``interface_cast`` must return for "no such interface": PySide hands a
#: returned ``None`` to C++ as a non-null pointer, so Qt would call through it.
_NULL = shiboken6.VoidPtr(0)


def _cast(value: object) -> Any:
    """An ``interface_cast`` result: an interface object (Qt gets its C++ pointer) or null."""
    return _NULL if value is None else value


# --- announcements ---------------------------------------------------------------------


class Announcer(QObject):
    """Re-emits every announcement, so in-process tests (and logs) can see them."""

    announced = Signal(str, bool)  # text, assertive


_announcer: Announcer | None = None


def announcer() -> Announcer:
    global _announcer
    if _announcer is None:
        _announcer = Announcer()
    return _announcer


def announce(widget: QObject, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader speak ``text`` without moving focus.

    Polite waits for the current speech to end (results counts, progress);
    assertive interrupts it (errors, the destination of a jump the user asked for).
    Does nothing harmful when no assistive technology is listening.
    """
    text = text.strip()
    if not text:
        return
    log.debug("announce%s: %s", " (assertive)" if assertive else "", text)
    announcer().announced.emit(text, assertive)
    if not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


# --- names -----------------------------------------------------------------------------


def set_accessible(widget: QWidget, name: str, description: str | None = None) -> None:
    """Name a widget for assistive technology (and describe it when the name is not enough)."""
    widget.setAccessibleName(name)
    if description is not None:
        widget.setAccessibleDescription(description)


def name_of(widget: QWidget) -> str:
    """What a screen reader would call ``widget`` (accessible name, else its text)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None or not iface.isValid():
        return widget.accessibleName()
    return iface.text(QAccessible.Text.Name) or ""


def unnamed_focusable_widgets(root: QWidget) -> list[QWidget]:
    """Every visible widget under ``root`` that takes keyboard focus but has no name."""
    found: list[QWidget] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if not widget.isEnabled():
            continue
        if not name_of(widget).strip():
            found.append(widget)
    return found


# --- the document tree -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinkSpan:
    start: int  # document positions
    end: int
    href: str
    text: str
    title: str


@dataclass(frozen=True, slots=True)
class BlockSpan:
    start: int
    end: int  # exclusive, without the block separator
    heading_level: int  # 0: not a heading
    text: str
    links: tuple[LinkSpan, ...]


def document_blocks(document: QTextDocument) -> list[BlockSpan]:
    """The non-empty blocks of ``document`` with their heading level and links."""
    blocks: list[BlockSpan] = []
    block: QTextBlock = document.begin()
    while block.isValid():
        text = block.text()
        if text.strip():
            blocks.append(
                BlockSpan(
                    start=block.position(),
                    end=block.position() + len(text),
                    heading_level=max(0, block.blockFormat().headingLevel()),
                    text=text,
                    links=tuple(_links_of(block)),
                )
            )
        block = block.next()
    return blocks


def _links_of(block: QTextBlock) -> Iterator[LinkSpan]:
    current: LinkSpan | None = None
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        fmt = fragment.charFormat()
        href = fmt.anchorHref() if fmt.isAnchor() else ""
        if current is not None and href == current.href and fragment.position() == current.end:
            current = LinkSpan(
                current.start,
                fragment.position() + fragment.length(),
                href,
                current.text + fragment.text(),
                current.title or fmt.toolTip(),
            )
            continue
        if current is not None:
            yield current
            current = None
        if href:
            current = LinkSpan(
                fragment.position(),
                fragment.position() + fragment.length(),
                href,
                fragment.text(),
                fmt.toolTip(),
            )
    if current is not None:
        yield current


def _viewport_to_global(browser: QTextBrowser, rect: QRect) -> QRect:
    return QRect(browser.viewport().mapToGlobal(rect.topLeft()), rect.size())


def _range_rect(browser: QTextBrowser, start: int, end: int) -> QRect:
    """Screen rectangle of document positions [start, end)."""
    document = browser.document()
    first = document.findBlock(start)
    last = document.findBlock(max(start, end - 1))
    if first.isValid() and first == last and first.position() == start and end >= start:
        layout = document.documentLayout()
        box = layout.blockBoundingRect(first).toAlignedRect()
        box.translate(-browser.horizontalScrollBar().value(), -browser.verticalScrollBar().value())
        if box.isValid():
            return _viewport_to_global(browser, box)
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    rect = browser.cursorRect(cursor)
    cursor.setPosition(end)
    rect = rect.united(browser.cursorRect(cursor))
    return _viewport_to_global(browser, rect)


class RangeText(QAccessibleTextInterface):
    """The Text interface over the document positions ``span()`` returns, with the caret."""

    def __init__(self, browser: QTextBrowser, span: Callable[[], tuple[int, int]]) -> None:
        super().__init__()
        self._browser = browser
        self._span = span

    def _text(self) -> str:
        start, end = self._span()
        return self._browser.document().toPlainText()[start:end]

    def text(self, start: int, end: int) -> str:
        full = self._text()
        if end < 0:
            end = len(full)
        return full[max(0, start) : end]

    def characterCount(self) -> int:  # noqa: N802 - Qt's name
        start, end = self._span()
        return max(0, end - start)

    def cursorPosition(self) -> int:  # noqa: N802
        start, end = self._span()
        position = self._browser.textCursor().position()
        return position - start if start <= position <= end else -1

    def setCursorPosition(self, position: int) -> None:  # noqa: N802
        start, end = self._span()
        cursor = self._browser.textCursor()
        cursor.setPosition(min(end, start + max(0, position)))
        self._browser.setTextCursor(cursor)
        self._browser.ensureCursorVisible()

    def selectionCount(self) -> int:  # noqa: N802
        cursor = self._browser.textCursor()
        if not cursor.hasSelection():
            return 0
        start, end = self._span()
        return int(cursor.selectionStart() < end and cursor.selectionEnd() > start)

    def addSelection(self, start: int, end: int) -> None:  # noqa: N802
        self.setSelection(0, start, end)

    def removeSelection(self, index: int) -> None:  # noqa: N802
        cursor = self._browser.textCursor()
        cursor.clearSelection()
        self._browser.setTextCursor(cursor)

    def setSelection(self, index: int, start: int, end: int) -> None:  # noqa: N802
        base, limit = self._span()
        cursor = self._browser.textCursor()
        cursor.setPosition(min(limit, base + max(0, start)))
        cursor.setPosition(min(limit, base + max(0, end)), QTextCursor.MoveMode.KeepAnchor)
        self._browser.setTextCursor(cursor)

    def characterRect(self, offset: int) -> QRect:  # noqa: N802
        start, _ = self._span()
        return _range_rect(self._browser, start + offset, start + offset + 1)

    def offsetAtPoint(self, point: QPoint) -> int:  # noqa: N802
        start, end = self._span()
        local = self._browser.viewport().mapFromGlobal(point)
        position = self._browser.cursorForPosition(local).position()
        return position - start if start <= position <= end else -1

    def scrollToSubstring(self, start: int, end: int) -> None:  # noqa: N802
        self.setCursorPosition(start)


class LevelAttributes(QAccessibleAttributesInterface):
    """Carries a heading's level (AT-SPI object attribute ``level``) and the language of
    its text (the browser's locale: the article's language)."""

    def __init__(self, level: int, widget: QWidget | None = None) -> None:
        super().__init__()
        self._level = level
        self._widget = widget

    def attributeKeys(self) -> list[QAccessible.Attribute]:  # noqa: N802
        keys = [QAccessible.Attribute.Level] if self._level else []
        return [*keys, QAccessible.Attribute.Locale] if self._widget is not None else keys

    def attributeValue(self, key: QAccessible.Attribute) -> Any:  # noqa: N802
        if key == QAccessible.Attribute.Locale and self._widget is not None:
            return self._widget.locale()
        return self._level if key == QAccessible.Attribute.Level else None


class _Node(QAccessibleInterface):
    """A child of the document: a Heading, a Paragraph or a Link (no QObject of its own).

    Qt's own signatures return null pointers for "none", so the overrides that return
    ``None`` differ from the stubs' non-optional types.
    """

    def __init__(self, document: DocumentAccessible, parent: QAccessibleInterface) -> None:
        super().__init__()
        self._document = document
        self._parent = parent
        self.children: list[_Node] = []
        self.valid = True

    @property
    def browser(self) -> QTextBrowser:
        return self._document.browser

    def isValid(self) -> bool:  # noqa: N802
        return self.valid and shiboken6.isValid(self.browser)

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]
        return self._document.window()

    def parent(self) -> QAccessibleInterface:
        return self._parent

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return self.children[index] if 0 <= index < len(self.children) else None

    def childCount(self) -> int:  # noqa: N802
        return len(self.children)

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802
        return _index_of(self.children, child)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        return next((c for c in self.children if c.rect().contains(x, y)), None)

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        return None

    def setText(self, kind: QAccessible.Text, text: str) -> None:  # noqa: N802
        return

    def relations(self, match: Any = None) -> list[Any]:
        return []

    def _base_state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.readOnly = True
        if not self.browser.isVisible():
            state.invisible = True
        return state


class BlockNode(_Node):
    """A heading or a paragraph, with its own Text interface."""

    def __init__(
        self, document: DocumentAccessible, parent: QAccessibleInterface, block: BlockSpan
    ) -> None:
        super().__init__(document, parent)
        self.block = block
        self._text = RangeText(document.browser, lambda: (self.block.start, self.block.end))
        self._attributes = LevelAttributes(block.heading_level, document.browser)

    def role(self) -> QAccessible.Role:
        return Role.Heading if self.block.heading_level else Role.Paragraph

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name and self.block.heading_level:
            return self.block.text
        if kind == QAccessible.Text.Value:
            return self.block.text
        return ""

    def rect(self) -> QRect:
        return _range_rect(self.browser, self.block.start, self.block.end)

    def state(self) -> QAccessible.State:
        state = self._base_state()
        state.selectableText = True
        return state

    def interface_cast(self, kind: QAccessible.InterfaceType) -> Any:
        if kind == IfaceType.TextInterface:
            return self._text
        if kind == IfaceType.AttributesInterface:
            return self._attributes
        return _NULL


class LinkActions(QAccessibleActionInterface):
    def __init__(self, link: LinkNode) -> None:
        super().__init__()
        self._link = link

    def actionNames(self) -> list[str]:  # noqa: N802
        return [self.pressAction(), self.setFocusAction()]

    def localizedActionDescription(self, name: str) -> str:  # noqa: N802
        if name == self.pressAction():
            return QCoreApplication.translate("LinkActions", "Go to the reference")
        return QCoreApplication.translate("LinkActions", "Move the reading position to this link")

    def doAction(self, name: str) -> None:  # noqa: N802
        if name == self.pressAction():
            self._link.activate()
        elif name == self.setFocusAction():
            self._link.select()

    def keyBindingsForAction(self, name: str) -> list[str]:  # noqa: N802
        return ["Return"] if name == self.pressAction() else []


class LinkNode(_Node):
    """A hyperlink (a citation marker): pressing it activates it as a click would."""

    def __init__(
        self, document: DocumentAccessible, parent: QAccessibleInterface, link: LinkSpan
    ) -> None:
        super().__init__(document, parent)
        self.link = link
        self._actions = LinkActions(self)

    def role(self) -> QAccessible.Role:
        return Role.Link

    def name(self) -> str:
        hook = getattr(self.browser, "accessible_link_name", None)
        named = hook(self.link.href) if callable(hook) else None
        named = named or citation_link_name(getattr(self.browser, "article", None), self.link.href)
        return str(named or self.link.title or self.link.text)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.name()
        if kind == QAccessible.Text.Description:
            return self.link.text if self.name() != self.link.text else ""
        if kind == QAccessible.Text.Value:
            return self.link.href
        return ""

    def rect(self) -> QRect:
        return _range_rect(self.browser, self.link.start, self.link.end)

    def state(self) -> QAccessible.State:
        state = self._base_state()
        state.linked = True
        state.focusable = True
        if self._document.selected_link() is self:
            state.focused = True
        return state

    def interface_cast(self, kind: QAccessible.InterfaceType) -> Any:
        return self._actions if kind == IfaceType.ActionInterface else _NULL

    def select(self) -> None:
        cursor = self.browser.textCursor()
        cursor.setPosition(self.link.start)
        cursor.setPosition(self.link.end, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()

    def activate(self) -> None:
        """Activate later, once the assistive technology's call has returned."""
        href = self.link.href
        browser = self.browser
        QTimer.singleShot(0, browser, lambda: activate_link(browser, href))


def citation_link_name(article: object, href: str) -> str | None:
    """ "Reference 1: Cornell University, 2021" for ``cite:<ordinal>`` in an :class:`Article`."""
    kind, _, value = href.partition(":")
    if not isinstance(article, Article) or kind != "cite" or not value.isdigit():
        return None
    ordinal = int(value)
    if ordinal >= len(article.citations):
        return None
    reference = article.reference(article.citations[ordinal].reference_key)
    if reference is None:
        return None
    who = reference.authors[0] if reference.authors else reference.container or ""
    details = ", ".join(p for p in (who, str(reference.year or "")) if p)
    if details:
        named = QCoreApplication.translate("LinkNode", "Reference %1: %2")
        return fill(named, reference.number, details)
    return fill(QCoreApplication.translate("LinkNode", "Reference %1"), reference.number)


def activate_link(browser: QTextBrowser, href: str) -> None:
    """What a click on the link does: the browser's own hook, else ``anchorClicked``."""
    hook = getattr(browser, "activate_link", None)
    if callable(hook):
        hook(href)
    else:
        browser.anchorClicked.emit(QUrl(href))


def _index_of(children: list[_Node], child: QAccessibleInterface) -> int:
    for index, candidate in enumerate(children):
        if candidate is child:
            return index
    try:
        pointer = shiboken6.getCppPointer(child)[0]
    except (TypeError, RuntimeError):
        return -1
    for index, candidate in enumerate(children):
        if shiboken6.getCppPointer(candidate)[0] == pointer:
            return index
    return -1


class DocumentAccessible(QAccessibleWidget):
    """The article browser as a Document: text, caret, headings, paragraphs and links."""

    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser, Role.Document)
        self.browser = browser
        self._text = RangeText(browser, self._whole)
        self._locale = LevelAttributes(0, browser)  # the document's language
        self._children: list[BlockNode] = []
        self._links: list[LinkNode] = []
        self._ids: list[int] = []
        self._dirty = True
        self._watched: QTextDocument | None = None
        self._selected: LinkNode | None = None
        browser.cursorPositionChanged.connect(self._on_browser_cursor_moved)
        self._watch(browser.document())

    # -- structure -------------------------------------------------------------------

    def _whole(self) -> tuple[int, int]:
        return 0, max(0, self.browser.document().characterCount() - 1)

    def _watch(self, document: QTextDocument) -> None:
        if self._watched is document:
            return
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.contentsChanged.disconnect(self._on_document_changed)
        self._watched = document
        document.contentsChanged.connect(self._on_document_changed)

    def _on_document_changed(self) -> None:
        if not self._dirty:
            self._dirty = True
            # Let assistive technology drop what it cached of the old children.
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.browser, QAccessible.Event.ObjectReorder)
            )

    def _ensure(self) -> None:
        if self.browser.document() is not self._watched:
            self._watch(self.browser.document())
            self._dirty = True
        if not self._dirty:
            return
        self._dirty = False
        self.release_children()
        for block in document_blocks(self.browser.document()):
            node = BlockNode(self, self, block)
            for link in block.links:
                link_node = LinkNode(self, node, link)
                node.children.append(link_node)
                self._links.append(link_node)
            self._children.append(node)
        for node in self._children:
            self._ids.append(QAccessible.registerAccessibleInterface(node))
            for child in node.children:
                self._ids.append(QAccessible.registerAccessibleInterface(child))

    def release_children(self) -> None:
        """Forget the child interfaces: Qt deletes them, and nothing of them is left."""
        for node in [*self._children, *self._links]:
            node.valid = False
        _delete_interfaces(self._ids)
        self._children, self._links, self._selected = [], [], None

    @property
    def headings(self) -> list[BlockNode]:
        self._ensure()
        return [n for n in self._children if n.block.heading_level]

    @property
    def links(self) -> list[LinkNode]:
        self._ensure()
        return list(self._links)

    def selected_link(self) -> LinkNode | None:
        return self._selected

    def _on_browser_cursor_moved(self) -> None:
        cursor = self.browser.textCursor()
        selected: LinkNode | None = None
        if cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            selected = next(
                (n for n in self.links if n.link.start <= start and end <= n.link.end), None
            )
        if selected is self._selected:
            return
        self._selected = selected
        if selected is not None and self.browser.hasFocus() and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleEvent(selected, QAccessible.Event.Focus))

    # -- QAccessibleInterface ----------------------------------------------------------

    def role(self) -> QAccessible.Role:
        return Role.Document

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return (
                self.browser.accessibleName()
                or self.browser.documentTitle()
                or self.browser.windowTitle()
                or QCoreApplication.translate("DocumentAccessible", "Article")
            )
        if kind == QAccessible.Text.Description:
            return self.browser.accessibleDescription()
        return str(super().text(kind) or "")

    def state(self) -> QAccessible.State:
        state = super().state()
        state.readOnly = True
        state.multiLine = True
        state.selectableText = True
        return state

    def childCount(self) -> int:  # noqa: N802
        self._ensure()
        return len(self._children)

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        self._ensure()
        return self._children[index] if 0 <= index < len(self._children) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802
        self._ensure()
        return _index_of(list(self._children), child)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        self._ensure()
        return next((c for c in self._children if c.rect().contains(x, y)), None)

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        return self._selected

    def interface_cast(self, kind: QAccessible.InterfaceType) -> Any:
        if kind == IfaceType.TextInterface:
            return self._text
        if kind == IfaceType.AttributesInterface:
            return self._locale
        return _cast(super().interface_cast(kind))


# --- the factory -----------------------------------------------------------------------

#: Keeps the Python side of each document interface alive as long as its browser.
_documents: dict[int, DocumentAccessible] = {}


def _delete_interfaces(ids: list[int]) -> None:
    """Unregister (and so delete) interfaces made here; assistive technology gets none of
    them again. Safe on PySide6 < 6.12 (6.12's binding leaked references to None, which
    made any late deletion look like the culprit of a crash at exit)."""
    for interface_id in ids:
        QAccessible.deleteAccessibleInterface(interface_id)
    ids.clear()


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if not isinstance(obj, QTextBrowser) or not obj.property(DOCUMENT_PROPERTY):
        return None
    document = DocumentAccessible(obj)
    address = shiboken6.getCppPointer(obj)[0]
    _documents[address] = document
    ids = document._ids

    def forget() -> None:
        _delete_interfaces(ids)
        _documents.pop(address, None)

    obj.destroyed.connect(forget)
    return document


_installed = False


def install() -> None:
    """Register the document factory (once per process; before widgets are queried)."""
    global _installed
    if _installed:
        return
    QAccessible.installFactory(_factory)
    _installed = True
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(_release_all)


def _release_all() -> None:
    for document in list(_documents.values()):
        if shiboken6.isValid(document.browser):
            document.release_children()


def document_accessible(browser: QTextBrowser) -> DocumentAccessible | None:
    """The document interface of ``browser`` (``None`` if it is not a reader document)."""
    iface = QAccessible.queryAccessibleInterface(browser)
    return iface if isinstance(iface, DocumentAccessible) else None
