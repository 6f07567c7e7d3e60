"""Measure the real reader window (or the kiosk) on a screen of a given size; print JSON.

Run as a child process by ``test_small_screens.py``: Qt's offscreen platform is given
a screen of exactly the size asked for (its ``configfile`` option), so "the window fits
the screen" is asked of the screen the window really has. Text size is changed with the
keys a person uses (Ctrl+= and Ctrl+-), reading mode with its key (F9 on the desktop).

    python tests/ui/layout_probe.py desktop 1024x600 LIBRARY ARTICLE_ID [SCALES [THEMES]]
    python tests/ui/layout_probe.py kiosk 1366x768 LIBRARY
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def configure_screen(size: str) -> None:
    width, height = (int(v) for v in size.split("x"))
    screens = {
        "screens": [
            {
                "name": "probe",
                "x": 0,
                "y": 0,
                "width": width,
                "height": height,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
        ]
    }
    config = Path(tempfile.mkdtemp(prefix="reader-probe-")) / "screen.json"
    config.write_text(json.dumps(screens), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["OFFLINE_READER_HOME"] = str(config.parent / "home")


def rect(r: Any) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def within(inner: Any, outer: Any) -> bool:
    return bool(outer.contains(inner))


def cut_labels(root: Any) -> list[str]:
    """Every visible control whose own text does not fit its box (elided or clipped)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QDockWidget,
        QLabel,
        QTabBar,
    )

    cut: list[str] = []
    for w in root.findChildren(QAbstractButton):
        if w.isVisible() and w.text() and w.width() < w.sizeHint().width() - 1:
            cut.append(f"button {w.text()!r}: {w.width()} < {w.sizeHint().width()}")
    for w in root.findChildren(QComboBox):
        if w.isVisible() and w.width() < w.sizeHint().width() - 1:
            cut.append(f"combo {w.accessibleName()!r}: {w.width()} < {w.sizeHint().width()}")
    for w in root.findChildren(QLabel):
        if not w.isVisible() or not w.text() or w.wordWrap() or "<" in w.text():
            continue
        need = w.fontMetrics().horizontalAdvance(w.text())
        if w.contentsRect().width() + 1 < need:
            cut.append(f"label {w.text()!r}: {w.contentsRect().width()} < {need}")
    for bar in root.findChildren(QTabBar):
        # Qt keeps a dock area's unused tab bar "visible" outside the window.
        if not bar.isVisible() or not root.rect().intersects(
            bar.rect().translated(bar.mapTo(root, bar.rect().topLeft()))
        ):
            continue
        for i in range(bar.count()):
            need = bar.fontMetrics().horizontalAdvance(bar.tabText(i))
            if bar.tabRect(i).width() < need:
                cut.append(f"tab {bar.tabText(i)!r}: {bar.tabRect(i).width()} < {need}")
    for dock in root.findChildren(QDockWidget):
        if not dock.isVisible() or dock.isFloating():
            continue
        bar = dock.titleBarWidget()
        if bar is not None and not bar.isVisible():
            continue
        if not _title_is_tabbed(dock):
            need = dock.fontMetrics().horizontalAdvance(dock.windowTitle())
            if dock.width() < need:
                cut.append(f"pane title {dock.windowTitle()!r}: {dock.width()} < {need}")
    return cut


def _title_is_tabbed(dock: Any) -> bool:
    main = dock.parentWidget()
    return bool(main is not None and main.tabifiedDockWidgets(dock))


def article_lines(view: Any) -> dict[str, Any]:
    """Body text lines wholly inside the article's viewport, and words broken across lines."""
    from PySide6.QtCore import QPointF

    doc = view.document()
    layout = doc.documentLayout()
    top = view.verticalScrollBar().value()
    bottom = top + view.viewport().height()
    lines = 0
    broken: list[str] = []
    block = doc.begin()
    while block.isValid():
        r = layout.blockBoundingRect(block)
        if r.bottom() >= top and r.top() <= bottom:
            text_layout = block.layout()
            heading = block.blockFormat().headingLevel() > 0
            text = block.text()
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                y0 = r.top() + line.y()
                y1 = y0 + line.height()
                inside = y0 >= top and y1 <= bottom
                if inside and not heading and line.textLength() > 0:
                    lines += 1
                end = line.textStart() + line.textLength()
                if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                    broken.append(text[max(0, end - 12) : end + 12])
        elif r.top() > bottom:
            break
        block = block.next()
    _ = QPointF
    return {"lines": lines, "broken_words": broken[:5]}


def body_at_top(view: Any) -> None:
    """Scroll so that the first long paragraph of the first section is at the top: the
    lines counted are body text, not the title and the byline."""
    doc = view.document()
    block = doc.begin()
    seen_heading = False
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level > 1:
            seen_heading = True
        elif seen_heading and level == 0 and len(block.text()) > 200:
            view.keep_place(block.position())
            return
        block = block.next()


#: How long a window manager may take to frame the window or give it the whole screen:
#: on a loaded machine its answer can take seconds. The waits end as soon as the window
#: is as asked (and say so in the record when it never is).
WINDOW_MANAGER_MS = 30000


def wait_for(condition: Any, timeout_ms: int = 3000) -> bool:
    """Turn the event loop until ``condition()`` holds or ``timeout_ms`` pass."""
    import time

    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout_ms / 1000
    while not condition():
        if time.monotonic() > deadline:
            return False
        QTest.qWait(20)
    return True


def probe_desktop(
    size: str,
    library: Path,
    article: str,
    scales: tuple[int, ...] = (100, 200, 400),
    themes: tuple[str, ...] = (),
) -> list[dict[str, Any]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reader.cli.gui import GuiOptions
    from reader.core.theme import THEMES
    from reader.ui.app import build_window

    window = build_window(GuiOptions(library=library, open_target=article), start_search=False)
    window.show()
    QTest.qWaitForWindowExposed(window)
    app = QApplication.instance()
    assert app is not None
    screen = window.screen().availableGeometry()
    out: list[dict[str, Any]] = []
    ctrl = Qt.KeyboardModifier.ControlModifier
    # As it first shows, nothing changed yet: a window manager's frame comes after a while,
    # then the window is fitted to the screen again; and its keys (Ctrl+=, F9) work only
    # once the window manager has made it the active window.
    under_window_manager = os.environ.get("QT_QPA_PLATFORM") == "xcb"
    if under_window_manager:
        wait_for(
            lambda: (
                window.isActiveWindow()
                and window.frameGeometry() != window.geometry()
                and within(window.frameGeometry(), screen)
            ),
            WINDOW_MANAGER_MS,
        )
    else:
        QTest.qWaitForWindowActive(window)
    first_show = {
        "window": rect(window.frameGeometry()),
        "inside": rect(window.geometry()),
        "active": window.isActiveWindow(),
    }

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
        QTest.qWait(120)  # the article's reflow timer (60 ms) and the tool bars' fit
        app.processEvents()

    waits: list[dict[str, Any]] = []

    def reading_key() -> None:
        import time

        wanted = not window.reading_mode
        start = time.monotonic()
        QTest.keyClick(window, Qt.Key.Key_F9)
        # A window manager takes its time to give the window the whole screen (no frame),
        # and back.
        whole = window.screen().geometry()

        def arrived() -> bool:
            if window.reading_mode != wanted:
                return False
            frame, inside = window.frameGeometry(), window.geometry()
            if not under_window_manager:  # offscreen: no frame, and the state is at once
                return bool(inside == whole or not wanted)
            if wanted:  # the whole screen, frame and all, as the window manager made it
                return bool(inside == whole and frame == whole and window.isFullScreen())
            # The frame back round a window smaller than the screen.
            return bool(frame != inside and inside != whole and not window.isFullScreen())

        settled = wait_for(arrived, WINDOW_MANAGER_MS if under_window_manager else 3000)
        waits.append(
            {
                "to": "reading" if wanted else "normal",
                "reading_mode": window.reading_mode,
                "settled": settled,
                "ms": round((time.monotonic() - start) * 1000),
                "window": rect(window.frameGeometry()),
                "inside": rect(window.geometry()),
                "full_screen": window.isFullScreen(),
                "active": window.isActiveWindow(),
            }
        )

    for theme in THEMES:
        if themes and theme.id not in themes:
            continue
        window.update_settings(theme=theme.id)
        scale_now = window.settings.text_scale
        for scale in scales:
            while scale_now != scale:
                key = Qt.Key.Key_Equal if scale_now < scale else Qt.Key.Key_Minus
                QTest.keyClick(window, key, ctrl)
                app.processEvents()
                if window.settings.text_scale == scale_now:
                    break
                scale_now = window.settings.text_scale
            for mode in ("normal", "reading"):
                if mode == "reading":
                    reading_key()
                settle()
                view = window.article_view
                body_at_top(view)
                app.processEvents()
                hbar = view.horizontalScrollBar()
                out.append(
                    {
                        "theme": theme.id,
                        "scale": window.settings.text_scale,
                        "mode": mode,
                        "reading_mode": bool(getattr(window, "reading_mode", False)),
                        "screen": rect(screen),
                        "window": rect(window.frameGeometry()),
                        "inside": rect(window.geometry()),
                        "whole_screen": rect(window.screen().geometry()),
                        "reading_bar": reading_bar(window) if mode == "reading" else None,
                        "first_show": first_show,
                        "full_screen": window.isFullScreen(),
                        "active": window.isActiveWindow(),
                        "key_wait": waits[-1] if waits else None,
                        "min_size": [
                            window.minimumSizeHint().width(),
                            window.minimumSizeHint().height(),
                        ],
                        "window_fits": within(window.frameGeometry(), screen),
                        "status_bar_visible": window.statusBar().isVisible()
                        and within(
                            window.statusBar().geometry().translated(window.geometry().topLeft()),
                            screen,
                        ),
                        "status_bar": status_bar_heights(window),
                        "cut": cut_labels(window),
                        "horizontal_scroll": hbar.isVisible() and hbar.maximum() > 0,
                        "article_width": view.viewport().width(),
                        "article_height": view.viewport().height(),
                        **article_lines(view),
                    }
                )
                if mode == "reading":
                    reading_key()
    if out and out[-1]["scale"] == 400:
        out.append(followed_citation(window, settle))
    window.update_settings(text_scale=100, theme="system")
    window.close()
    return out


def status_bar_heights(window: Any) -> dict[str, int]:
    """The status bar's height, and the height of the tallest thing it shows."""
    from PySide6.QtWidgets import QWidget

    bar = window.statusBar()
    shown = [
        w.heightForWidth(w.width()) if w.hasHeightForWidth() else w.sizeHint().height()
        for w in bar.findChildren(QWidget)
        if w.parentWidget() is bar and w.isVisible()
    ]
    return {"height": bar.height(), "shown": max(shown, default=0)}


def followed_citation(window: Any, settle: Any) -> dict[str, Any]:
    """Enter on the article's first citation, in the window (not reading mode): the
    References pane opens beside the article; the words of the reference it shows that
    do not fit its width."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    view = window.article_view
    view.setFocus()
    view.focus_marker("cite:0")
    QTest.keyClick(view, Qt.Key.Key_Return)
    settle()
    pane = window.references_pane.list
    item = pane.currentItem()
    room = pane.viewport().width()
    words = [w.strip('.,;:“”"()') for w in (item.text() if item else "").split()]
    metrics = pane.fontMetrics()
    return {
        "theme": window.settings.theme,
        "scale": window.settings.text_scale,
        "mode": "citation followed",
        "references_shown": window.docks["references"].isVisible() and item is not None,
        "cut_words": [w for w in words if w.isalpha() and metrics.horizontalAdvance(w) > room],
        "article_width": view.viewport().width(),
        "cut": cut_labels(window),
        "folded": window.fit.folded,
    }


def reading_bar(window: Any) -> dict[str, Any]:
    """Where reading mode's bar is and what each of its buttons shows and says."""
    from PySide6.QtWidgets import QToolButton

    bar = window.reading_bar
    buttons = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    return {
        "vertical": bar.orientation() == bar.orientation().Vertical,
        "rect": rect(bar.geometry()),
        "buttons": [
            {
                "name": b.accessibleName(),
                "tip": b.toolTip(),
                "icon": not b.icon().isNull(),
                "tab": bool(b.focusPolicy() & b.focusPolicy().TabFocus),
            }
            for b in buttons
        ],
    }


def probe_kiosk(size: str, library: Path) -> list[dict[str, Any]]:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reader.core.kiosk import DisplayDefaults, KioskConfig
    from reader.core.library import Library
    from reader.ui.kiosk.window import KioskWindow

    config = KioskConfig(display=DisplayDefaults(text_size=100, theme="light", font="atkinson"))
    window = KioskWindow(Library.scan(library), config)
    window.start()
    QTest.qWaitForWindowExposed(window)
    app = QApplication.instance()
    assert app is not None
    screen = window.screen().geometry()
    out: list[dict[str, Any]] = []

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
        QTest.qWait(50)
        app.processEvents()

    def measure(step: str) -> None:
        settle()
        bar = window.findChild(QWidget_type(), "kioskBottomBar")
        top_left = bar.mapTo(window, bar.rect().topLeft())
        bar_rect = bar.rect().translated(top_left).translated(window.geometry().topLeft())
        out.append(
            {
                "step": step,
                "text_size": window.text_size,
                "keyboard": window.keyboard.isVisible(),
                "screen": rect(screen),
                "window": rect(window.frameGeometry()),
                "window_fits": within(window.frameGeometry(), screen),
                "bottom_bar": rect(bar_rect),
                "bottom_bar_visible": bar.isVisible() and within(bar_rect, screen),
                "cut": cut_labels(window),
            }
        )

    def click(button: Any) -> None:
        from PySide6.QtCore import Qt

        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    measure("start")
    while window.larger_button.isEnabled() and window.text_size < 400:
        previous = window.text_size
        click(window.larger_button)
        if window.text_size == previous:
            break
        measure("larger")
        click(window.search_box)  # touching the search box shows the keyboard
        measure("keyboard")
        click(window.keyboard_button)
        measure("keyboard hidden")
    click(window.search_box)
    settle()
    click(window.finish_button)
    measure("after reset")
    click(window.search_box)
    measure("keyboard after reset")
    click(window.help_button)
    measure("help")
    window.guard.grant_exit()
    window.shutdown()
    window.close()
    return out


def QWidget_type() -> Any:
    from PySide6.QtWidgets import QWidget

    return QWidget


def main(argv: list[str]) -> int:
    kind, size, library = argv[0], argv[1], Path(argv[2])
    if os.environ.get("QT_QPA_PLATFORM") != "xcb":  # on a real X display: its own screen
        configure_screen(size)
    else:
        os.environ["OFFLINE_READER_HOME"] = tempfile.mkdtemp(prefix="reader-probe-")
    sys.path.insert(0, str(ROOT))
    from reader.ui.app import application

    application()
    if kind == "desktop":
        scales = tuple(int(v) for v in argv[4].split(",")) if len(argv) > 4 else (100, 200, 400)
        themes = tuple(argv[5].split(",")) if len(argv) > 5 else ()
        result = probe_desktop(size, library, argv[3], scales, themes)
    else:
        result = probe_kiosk(size, library)
    print("PROBE " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    os._exit(code)
