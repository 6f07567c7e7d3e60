"""Accessible names, and what the reader makes a screen reader say.

The article is a ``QTextBrowser`` served by **Qt's own text accessibility** (its C++
``QAccessibleTextEdit``): the whole text, the caret, line/word/sentence boundaries,
text attributes and selections all come from Qt, so a screen reader reads it line by
line, word by word and in one go. An earlier Python-made document interface could
not do that: PySide6 does not let Python implement ``attributes()`` or
``selection()`` (their out-parameters are not bound), so Orca got empty attribute
runs (and fell silent) and uninitialised selection offsets (and froze).

Structure is added *around* that text instead of inside it:

- :func:`say_in_place`: a short message as news about the focused widget (its
  accessible description changes while it has the focus). Screen readers speak a
  change of the focused object's description; the article's own heading and citation
  keys use it ("heading level 2, New Research Findings").
- :func:`announce`: a status message. It is sent as ``QAccessibleAnnouncementEvent``
  (newer screen readers speak it) and also shown by the window's :class:`LiveRegion`,
  an object in the Notification role that screen readers speak whenever it appears,
  wherever the focus is (Orca 43 ignores announcements but speaks notifications).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAnnouncementEvent,
    QAccessibleAttributesInterface,
    QAccessibleInterface,
    QWindow,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAccessibleWidget,
    QApplication,
    QComboBox,
    QLabel,
    QListWidget,
    QStackedWidget,
    QTabBar,
    QTreeWidget,
    QWidget,
)

from reader.core.formula_words import VOCABULARY, say
from reader.core.model import Article, Formula
from reader.ui.i18n import fill, translated

log = logging.getLogger(__name__)

#: The dynamic property that marks a QTextBrowser as a reading view (the article, a
#: help page). Qt's own text accessibility serves it; nothing replaces it.
DOCUMENT_PROPERTY = "reader_document"

#: How long a status message stays in the live region after it was spoken.
FORGET_AFTER_MS = 8000

#: The dynamic property that marks a pane whose focus goes to a control inside it
#: (see :func:`mark_pane`).
PANE_PROPERTY = "reader_pane"

#: The dynamic property that marks the :class:`LiveRegion` label for the factory.
_LIVE_PROPERTY = "reader_live_region"
#: The dynamic property that marks a label as a page's heading: its level (see
#: :func:`make_heading`).
_HEADING_PROPERTY = "reader_heading"
#: What ``interface_cast`` returns for "no such interface": PySide hands a returned
#: ``None`` to C++ as a pointer that is not null, and Qt would call through it.
_NULL = shiboken6.VoidPtr(0)

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


class LiveRegion(QLabel):
    """Where status messages appear for screen readers: role Notification.

    Each message hides and shows the label again with the new text; screen readers
    speak a notification as it appears, whatever has the focus. It is one pixel in
    the window's corner, so nothing of it is seen (the status bar shows the message).
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("live_region")
        self.setProperty(_LIVE_PROPERTY, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setGeometry(0, 0, 1, 1)
        self.hide()
        # The news is gone again soon: nothing of it stays for the next person (kiosk).
        self._forget = QTimer(self)
        self._forget.setSingleShot(True)
        self._forget.setInterval(FORGET_AFTER_MS)
        self._forget.timeout.connect(self._on_forget_timeout)

    def show_message(self, text: str) -> None:
        self.hide()
        self.setText(text)
        self.setAccessibleName(text)
        self.show()
        self.lower()
        self._forget.start()

    def _on_forget_timeout(self) -> None:
        self.hide()
        self.clear()
        self.setAccessibleName("")


class _LiveRegionAccessible(QAccessibleWidget):
    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Notification)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._label.text()
        return str(super().text(kind) or "")


def live_region(widget: QWidget) -> LiveRegion | None:
    """The live region of ``widget``'s window (made on first use; none off screen)."""
    window = widget.window()
    if window is None or not window.isVisible():
        return None
    found = window.findChild(LiveRegion, "live_region")
    return found if found is not None else LiveRegion(window)


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
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
    if not assertive and _reading():
        # Orca 43 speaks a notification at once, which would end a Say All: polite
        # news waits in the status bar while the article is being read.
        return
    region = live_region(widget)
    if region is not None:
        region.show_message(text)


def _reading() -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and bool(focused.property(DOCUMENT_PROPERTY))


# --- news about the focused widget -----------------------------------------------------


class _PlaceMessages(QObject):
    """Gives a widget its resting description back as the focus comes back to it.

    Not as the focus leaves: a screen reader still busy with the widget (behind a few
    fast keys) took that change for news of the widget and said its description, after
    the keys had moved on; and a Tab answered by that news was the next Tab's undoing.
    As the focus comes in, the change goes out before the focus news, about an object
    the screen reader is not at.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.resting = widget.accessibleDescription()
        self.toggle = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget and event.type() == QEvent.Type.FocusIn:
            self.restore()  # before Qt sends the focus news, which follows this event
        return False

    def restore(self) -> None:
        if self.widget.accessibleDescription() != self.resting:
            self.widget.setAccessibleDescription(self.resting)


def set_resting_description(widget: QWidget, description: str) -> None:
    """The description ``widget`` has while no message is being said about it."""
    messages = widget.findChild(_PlaceMessages, "", Qt.FindChildOption.FindDirectChildrenOnly)
    if messages is None:
        widget.setAccessibleDescription(description)
        return
    messages.resting = description
    if not widget.hasFocus():
        widget.setAccessibleDescription(description)


def say_in_place(widget: QWidget, text: str) -> None:
    """Have a screen reader say ``text`` about ``widget``, which has the focus.

    The widget's accessible description becomes ``text`` (a screen reader speaks a
    change of the focused object's description) and goes back to what it was once the
    focus leaves. Without the focus, :func:`announce` is used instead.
    """
    text = text.strip()
    if not text:
        return
    if not widget.hasFocus():
        announce(widget, text)
        return
    announcer().announced.emit(text, False)
    messages = widget.findChild(_PlaceMessages, "", Qt.FindChildOption.FindDirectChildrenOnly)
    if messages is None:
        messages = _PlaceMessages(widget)
    # The same message twice is still a change (a screen reader ignores no change).
    messages.toggle = not messages.toggle
    widget.setAccessibleDescription(text + ("\u00a0" if messages.toggle else ""))


# --- item views: one focused object, and the current item spoken on entering ----------


class _ItemViewFocus(QObject):
    """Keeps an item view's current item to itself while the view has no focus, and has
    a screen reader speak it when the focus comes in.

    - Qt marks the current item of every list and tree "focused" for assistive
      technology, focus or not (``QAccessibleTableCell::state``), so a window with a few
      lists claims the focus in several places and a screen reader can believe any of
      them. Here the current item is parked while the view has no focus (its selection,
      what is seen, stays) and comes back as the focus comes in.
    - Entering a tree, a screen reader asks it for its selected item, and Qt answers
      wrongly for an item inside another (``QAccessibleTable::selectedCells`` counts the
      item's row among its siblings as a row of the whole tree: the open article, first
      in its collection, is reported as the tree's first row). A focus event for the
      current item, which Qt numbers correctly, then puts the screen reader where the
      keyboard is, and it speaks that item.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        self.parked = QPersistentModelIndex()
        self.in_use = False  # keys are reaching the view: its current item stays
        view.installEventFilter(self)
        view.selectionModel().currentChanged.connect(self._on_current_changed)
        if not view.hasFocus():
            self.park()

    def current(self) -> QModelIndex:
        index = self.view.currentIndex()
        if index.isValid():
            return index
        return self._parked_index()

    def _parked_index(self) -> QModelIndex:
        parked = self.parked
        if not parked.isValid():
            return QModelIndex()
        return self.view.model().index(parked.row(), parked.column(), parked.parent())

    def _set_current(self, index: QModelIndex, *, quiet: bool = False) -> None:
        """``quiet``: not even the view hears of it, so it sends a screen reader no
        focus news for the item (the focus coming in is news enough)."""
        model = self.view.selectionModel()
        # Nothing changed for the view's own listeners, nor for what is selected.
        blocked = self.view.blockSignals(True)
        model_blocked = model.blockSignals(quiet)
        try:
            model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            model.blockSignals(model_blocked)
            self.view.blockSignals(blocked)
        if quiet:
            self.view.viewport().update()

    def park(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.parked = QPersistentModelIndex(current)
            self._set_current(QModelIndex())

    def unpark(self) -> None:
        self.in_use = True
        if self.parked.isValid() and not self.view.currentIndex().isValid():
            # Quietly: the view's own focus news follows, and a screen reader entering
            # it speaks its current item; news of the item as well doubled the events.
            self._set_current(self._parked_index(), quiet=True)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Made current by the program while another widget has the focus: parked too.
        if current.isValid() and not self.view.hasFocus() and not self.in_use:
            self.park()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view:
            if event.type() == QEvent.Type.FocusIn:
                # Before the view's own focus handling, which would pick its first item.
                self.unpark()
                # After the view's own focus news, so the item's comes last.
                QTimer.singleShot(0, self, self.speak_current)
            elif event.type() == QEvent.Type.FocusOut:
                QTimer.singleShot(0, self, self._park_if_unfocused)
            elif event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
                # Keys act on the current item, even reaching a view that is not (yet)
                # the focus widget (a window not yet active).
                self.unpark()
                QTimer.singleShot(0, self, self._park_if_unfocused)
        return False

    def _park_if_unfocused(self) -> None:
        if not self.view.hasFocus():
            self.in_use = False
            self.park()

    def speak_current(self) -> None:
        current = self.view.currentIndex()
        if self.view.hasFocus() and current.isValid() and not _flat(self.view):
            # The same item again is no news: leave it and come back.
            self._set_current(QModelIndex())
            self._set_current(current)


def _flat(view: QAbstractItemView) -> bool:
    """Whether no item of ``view`` has items under it: a list, or a tree one level deep.

    There Qt numbers the current item right, and the focus coming in already put the
    screen reader on it: going to it again would cost six more events (it moves the
    focus to the view and back) for nothing.
    """
    model = view.model()
    # (rowCount, not hasChildren: PySide cannot call a QTreeWidget's model's hasChildren)
    return not any(model.rowCount(model.index(row, 0)) for row in range(model.rowCount()))


_View = TypeVar("_View", bound=QAbstractItemView)


def _quiet_selection_changed(
    view: _View,
    own: Callable[[_View, QItemSelection, QItemSelection], None],
    selected: QItemSelection,
    deselected: QItemSelection,
) -> None:
    """``own`` (the view class's selection change, which tells assistive technology)
    while ``view`` has the focus; otherwise only the repaint of the plain item view."""
    if view.hasFocus():
        own(view, selected, deselected)
    else:
        QAbstractItemView.selectionChanged(view, selected, deselected)


class QuietTreeWidget(QTreeWidget):
    """A tree whose selection is news for assistive technology only while it has the
    focus (see :class:`QuietListWidget`)."""

    def selectionChanged(  # noqa: N802 - Qt's name
        self, selected: QItemSelection, deselected: QItemSelection
    ) -> None:
        _quiet_selection_changed(self, QTreeWidget.selectionChanged, selected, deselected)


class QuietListWidget(QListWidget):
    """A list whose selection is news for assistive technology only while it has the
    focus.

    A pane that follows the reading position (the section being read, the reference
    just cited, the claims citing it) moves its selection at every step of the caret.
    Sent as events, each step costs a screen reader two or four events about an object
    nobody is at; over a few hundred fast keys Orca 43 fell minutes behind (past 50
    queued events it sifts its whole queue at each new one). Nothing is lost: a screen
    reader entering the view asks it for its selected item.
    """

    def selectionChanged(  # noqa: N802 - Qt's name
        self, selected: QItemSelection, deselected: QItemSelection
    ) -> None:
        _quiet_selection_changed(self, QListWidget.selectionChanged, selected, deselected)


def _focus_of(view: QAbstractItemView) -> _ItemViewFocus | None:
    return view.findChild(_ItemViewFocus, "", Qt.FindChildOption.FindDirectChildrenOnly)


def follow_focus(view: QAbstractItemView) -> None:
    """``view`` claims the focus for its current item only while it has the focus, and
    a screen reader speaks that item whenever the view gets the focus."""
    if _focus_of(view) is None:
        _ItemViewFocus(view)


def current_index(view: QAbstractItemView) -> QModelIndex:
    """``view``'s current item, also while it is parked (see :func:`follow_focus`)."""
    focus = _focus_of(view)
    return focus.current() if focus is not None else view.currentIndex()


def mark_pane(pane: QWidget, focus: QWidget) -> None:
    """``pane`` hands its focus to ``focus`` (its focus proxy); only ``focus`` is then
    reported focused to assistive technology, not the pane around it as well."""
    pane.setProperty(PANE_PROPERTY, True)
    pane.setFocusProxy(focus)


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


def citation_link_name(article: object, href: str) -> str | None:
    """ "citation 1, Cornell University, 2021" for ``cite:<ordinal>`` in an :class:`Article`."""
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
        return fill(
            QApplication.translate("Accessibility", "citation %1, %2"), reference.number, details
        )
    return fill(QApplication.translate("Accessibility", "citation %1"), reference.number)


def formula_speech(formula: Formula) -> str:
    """The words a screen reader is told for ``formula``, in the interface language
    ("nu sub i j" in English, "nu subíndice i j" in Spanish); the formula's own text
    (a variable's name, its words) stays as the article has it."""
    if not formula.words:
        return formula.spoken  # a library file written without the words
    table = {key: translated(text) for key, text in VOCABULARY.items()}
    return say(formula.words, table)


# --- headings --------------------------------------------------------------------------


class _HeadingAttributes(QAccessibleAttributesInterface):
    """A heading's level: the AT-SPI object attribute ``level``, which a screen reader
    says with the role ("heading level 1")."""

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self._label = label

    def attributeKeys(self) -> list[QAccessible.Attribute]:  # noqa: N802 - Qt's name
        return [QAccessible.Attribute.Level]

    def attributeValue(self, key: QAccessible.Attribute) -> Any:  # noqa: N802 - Qt's name; a QVariant
        if key == QAccessible.Attribute.Level and shiboken6.isValid(self._label):
            return int(self._label.property(_HEADING_PROPERTY) or 1)
        return None


class _HeadingAccessible(QAccessibleWidget):
    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)
        self._label = label
        self._attributes = _HeadingAttributes(label)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._label.accessibleName() or self._label.text()
        return str(super().text(kind) or "")

    def interface_cast(self, kind: QAccessible.InterfaceType) -> Any:  # a pointer for Qt
        if kind == QAccessible.InterfaceType.AttributesInterface:
            return self._attributes
        found = super().interface_cast(kind)
        return _NULL if found is None else found


def make_heading(label: QLabel, level: int = 1) -> None:
    """Give ``label`` the Heading role and a level: a screen reader says "heading level
    1" with its text when it has the focus (a page's title, focused when the page
    appears)."""
    label.setProperty(_HEADING_PROPERTY, level)


# --- tab bars: the current tab is focused only while the bar has the focus -------------


def _without_mnemonic(text: str) -> str:
    """A tab's text as spoken: "&Library" says "Library", "&&" is an ampersand."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


class _TabActions(QAccessibleActionInterface):
    """A tab's one action, as Qt's own tab has it: press (make it the current tab)."""

    def __init__(self, tab: _TabAccessible) -> None:
        super().__init__()
        self._tab = tab

    def actionNames(self) -> list[str]:  # noqa: N802 - Qt's name
        return [self.pressAction()]

    def localizedActionDescription(self, name: str) -> str:  # noqa: N802 - Qt's name
        return QApplication.translate("Accessibility", "Show this tab") if name else ""

    def doAction(self, name: str) -> None:  # noqa: N802 - Qt's name
        if name == self.pressAction() and self._tab.isValid():
            bar, index = self._tab.bar, self._tab.index
            # Once the assistive technology's call has returned.
            QTimer.singleShot(0, bar, lambda: bar.setCurrentIndex(index))

    def keyBindingsForAction(self, name: str) -> list[str]:  # noqa: N802 - Qt's name
        return []


class _TabAccessible(QAccessibleInterface):
    """One tab of a tab bar (no QObject of its own), as Qt's ``QAccessibleTabButton``
    but for its focused state: Qt reports the current tab "focused" whether or not the
    bar has the focus (the tabs Qt puts between docked panes never have it), so a
    screen reader that looks for the focused object finds the tab instead of the
    control with the keys. Overrides that return ``None`` mean a null pointer to Qt."""

    def __init__(self, bar: QTabBar, index: int) -> None:
        super().__init__()
        self.bar = bar
        self.index = index
        self.released = False
        self._actions = _TabActions(self)

    def isValid(self) -> bool:  # noqa: N802 - Qt's name
        return not self.released and shiboken6.isValid(self.bar) and self.index < self.bar.count()

    def object(self) -> QObject | None:  # type: ignore[override] # null: no QObject
        return None

    def window(self) -> QWindow | None:  # type: ignore[override] # null: no window yet
        return self.bar.window().windowHandle() if self.isValid() else None

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override] # null when gone
        return QAccessible.queryAccessibleInterface(self.bar) if self.isValid() else None

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override] # none
        return None

    def childCount(self) -> int:  # noqa: N802 - Qt's name
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802 - Qt's name
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802 - Qt's name; null: no children
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802 - Qt's name; null: no children
        return None

    def relations(self, match: Any = None) -> list[Any]:  # Qt's pairs of (interface, relation)
        return []

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.PageTab

    def text(self, kind: QAccessible.Text) -> str:
        if not self.isValid():
            return ""
        if kind == QAccessible.Text.Name:
            name = self.bar.accessibleTabName(self.index) or self.bar.tabText(self.index)
            return _without_mnemonic(name)
        if kind == QAccessible.Text.Description:
            return self.bar.tabToolTip(self.index)
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:  # noqa: N802 - Qt's name
        return

    def rect(self) -> QRect:
        if not self.isValid():
            return QRect()
        tab = self.bar.tabRect(self.index)
        return QRect(self.bar.mapToGlobal(tab.topLeft()), tab.size())

    def state(self) -> QAccessible.State:
        if not self.isValid():
            state = QAccessible.State()
            state.invalid = True
            return state
        parent = self.parent()
        state = parent.state() if parent is not None else QAccessible.State()
        current = self.index == self.bar.currentIndex()
        state.focusable = self.bar.focusPolicy() != Qt.FocusPolicy.NoFocus
        state.focused = current and self.bar.hasFocus()
        state.selectable = True
        state.selected = current
        if not self.bar.isTabVisible(self.index):
            state.invisible = True
        if not self.bar.isTabEnabled(self.index):
            state.disabled = True
        return state

    def interface_cast(self, kind: QAccessible.InterfaceType) -> Any:  # a pointer for Qt
        return self._actions if kind == QAccessible.InterfaceType.ActionInterface else _NULL


class _TabBarAccessible(QAccessibleWidget):
    """A tab bar whose tabs are :class:`_TabAccessible`: each is registered with Qt
    (which then owns it) and deleted when the bar goes or has fewer tabs."""

    def __init__(self, bar: QTabBar) -> None:
        super().__init__(bar, QAccessible.Role.PageTabList)
        self._bar = bar
        self._tabs: list[tuple[_TabAccessible, int]] = []
        _tab_bars[id(self)] = self
        bar.destroyed.connect(self.release)

    def _tab(self, index: int) -> _TabAccessible | None:
        count = self._bar.count() if shiboken6.isValid(self._bar) else 0
        if len(self._tabs) > count:
            self._forget(self._tabs[count:])
            del self._tabs[count:]
        while len(self._tabs) < count:
            tab = _TabAccessible(self._bar, len(self._tabs))
            self._tabs.append((tab, int(QAccessible.registerAccessibleInterface(tab))))
        return self._tabs[index][0] if 0 <= index < count else None

    @staticmethod
    def _forget(tabs: list[tuple[_TabAccessible, int]]) -> None:
        for tab, interface_id in tabs:
            tab.released = True
            QAccessible.deleteAccessibleInterface(interface_id)

    def release(self) -> None:
        """Delete every tab's interface (the bar is going, or the program ends)."""
        self._forget(self._tabs)
        self._tabs = []
        _tab_bars.pop(id(self), None)

    def childCount(self) -> int:  # noqa: N802 - Qt's name
        return self._bar.count() if shiboken6.isValid(self._bar) else 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override] # null past the end
        return self._tab(index)

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802 - Qt's name
        self._tab(0)
        address = shiboken6.getCppPointer(child)[0]
        for index, (tab, _) in enumerate(self._tabs):
            if tab is child or shiboken6.getCppPointer(tab)[0] == address:
                return index
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802 - Qt's name; null: no tab there
        if not shiboken6.isValid(self._bar):
            return None
        return self._tab(self._bar.tabAt(self._bar.mapFromGlobal(QPoint(x, y))))

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802 - Qt's name; null: no focused tab
        if not shiboken6.isValid(self._bar) or not self._bar.hasFocus():
            return None
        return self._tab(self._bar.currentIndex())

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name and not self._bar.accessibleName():
            # As Qt's own tab bar: named after its current tab.
            tab = self._tab(self._bar.currentIndex())
            return tab.text(kind) if tab is not None else ""
        return str(super().text(kind) or "")


#: The tab bars' interfaces, to delete their tabs' interfaces before the program ends.
_tab_bars: dict[int, _TabBarAccessible] = {}


def _release_tab_bars() -> None:
    for bar in list(_tab_bars.values()):
        bar.release()


# --- the factory -----------------------------------------------------------------------


class _PaneAccessible(QAccessibleWidget):
    """A pane (or plain container) that hands its focus to a control (its focus proxy).

    Qt reports such a container "focused" as well as the control that has the focus
    (``QWidget::hasFocus`` follows the proxy): two objects would claim the focus.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget

    def state(self) -> QAccessible.State:
        state = super().state()
        if QApplication.focusWidget() is not self._widget:
            state.focused = False
        return state


def _factory(key: str, obj: QObject) -> QAccessibleWidget | None:
    if isinstance(obj, QLabel) and obj.property(_LIVE_PROPERTY):
        return _LiveRegionAccessible(obj)
    if isinstance(obj, QLabel) and obj.property(_HEADING_PROPERTY):
        return _HeadingAccessible(obj)
    if isinstance(obj, QTabBar):
        return _TabBarAccessible(obj)
    if isinstance(obj, QStackedWidget):
        # A plain container, not a "layered pane", which a screen reader says on the way
        # to every control on a page of it.
        return QAccessibleWidget(obj)
    if isinstance(obj, QComboBox):
        # Qt's own interface, but the current item of its hidden list no longer claims
        # the focus (a screen reader looking for the focus found it before the control
        # with the keys); the list has it back while it is open.
        follow_focus(obj.view())
        return None
    # A pane of ours, or a plain container such as the article's viewport (whose focus
    # goes to the text around it): not a control with accessibility of its own.
    if (
        isinstance(obj, QWidget)
        and obj.focusProxy() is not None
        and (obj.property(PANE_PROPERTY) or type(obj) is QWidget)
    ):
        return _PaneAccessible(obj)
    return None


_installed = False


def install() -> None:
    """Register the factory for the live region and headings (once per process; before
    widgets are queried). Every other widget keeps Qt's own accessibility."""
    global _installed
    if _installed:
        return
    QAccessible.installFactory(_factory)
    _installed = True
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(_release_tab_bars)
