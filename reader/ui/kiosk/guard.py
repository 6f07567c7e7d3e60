"""The kiosk's locks, in one application-wide event filter.

- every touch, key, click or wheel turn counts as activity (for the idle reset);
- the quit and close keys (Ctrl+Q, Ctrl+W, Ctrl+F4, Alt+F4, F11) never reach the
  window, and actions bound to them are disabled;
- the guarded window ignores every close request until the administrator exit is
  granted, and goes back to full screen if anything takes it out;
- no context menus and no drag-and-drop anywhere.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

log = logging.getLogger(__name__)

Key = Qt.Key
Mod = Qt.KeyboardModifier

#: Key combinations that could close or leave the window.
BLOCKED_KEYS: frozenset[tuple[int, int]] = frozenset(
    {
        (Key.Key_Q.value, Mod.ControlModifier.value),
        (Key.Key_W.value, Mod.ControlModifier.value),
        (Key.Key_F4.value, Mod.ControlModifier.value),
        (Key.Key_F4.value, Mod.AltModifier.value),
        (Key.Key_Q.value, (Mod.ControlModifier | Mod.ShiftModifier).value),
        (Key.Key_W.value, (Mod.ControlModifier | Mod.ShiftModifier).value),
        (Key.Key_F11.value, Mod.NoModifier.value),
    }
)
_BLOCKED_SEQUENCES = frozenset(
    QKeySequence(QKeyCombination(Mod(mods), Key(key))).toString() for key, mods in BLOCKED_KEYS
)
_MODS = Mod.ControlModifier | Mod.AltModifier | Mod.ShiftModifier | Mod.MetaModifier

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)
DRAG_EVENTS = frozenset(
    {
        QEvent.Type.DragEnter,
        QEvent.Type.DragMove,
        QEvent.Type.Drop,
    }
)


def is_blocked_key(event: QKeyEvent) -> bool:
    mods = (event.modifiers() & _MODS).value
    return (event.key(), mods) in BLOCKED_KEYS


class KioskGuard(QObject):
    """Installed on the application; guards one top-level window."""

    activity = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._exit_granted = False
        self._refullscreen = QTimer(self)
        self._refullscreen.setSingleShot(True)
        self._refullscreen.setInterval(0)
        self._refullscreen.timeout.connect(self._on_refullscreen)
        self.full_screen = True

    @property
    def exit_granted(self) -> bool:
        return self._exit_granted

    def install(self) -> None:
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.lock_down(self._window)

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def grant_exit(self) -> None:
        """The administrator may now close the window."""
        self._exit_granted = True
        self.uninstall()

    def lock_down(self, root: QWidget) -> None:
        """No drops or context menus under ``root``; quit/close actions disabled."""
        for widget in [root, *root.findChildren(QWidget)]:
            widget.setAcceptDrops(False)
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            if isinstance(widget, QAbstractScrollArea):
                widget.viewport().setAcceptDrops(False)
        for action in root.findChildren(QAction):
            if action.menuRole() == QAction.MenuRole.QuitRole or any(
                seq.toString() in _BLOCKED_SEQUENCES for seq in action.shortcuts()
            ):
                action.setEnabled(False)
                action.setShortcuts([])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt\'s name
        kind = event.type()
        if kind in ACTIVITY_EVENTS:
            self.activity.emit()
        if self._exit_granted:
            return False
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if is_blocked_key(event):
                event.accept()
                log.debug("blocked %s in kiosk mode", event.keyCombination())
                return True
            return False
        if kind == QEvent.Type.ContextMenu:
            event.accept()
            return True
        if kind in DRAG_EVENTS:
            event.ignore()
            return True
        if watched is self._window:
            if kind == QEvent.Type.Close:
                event.ignore()
                log.info("close request ignored in kiosk mode")
                return True
            if kind == QEvent.Type.WindowStateChange and self.full_screen:
                self._refullscreen.start()
        return False

    def _on_refullscreen(self) -> None:
        if not self._exit_granted and not self._window.isFullScreen():
            self._window.showFullScreen()
