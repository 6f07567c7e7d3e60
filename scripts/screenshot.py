#!/usr/bin/env python3
"""Save a picture of the real reader window: the seed article open, its first citation
activated (references pane showing reference 1, the claim highlighted), High contrast,
text at 200 %.

    .venv/bin/python scripts/screenshot.py OUT.png [--scale 200] [--theme high_contrast]
        [--size 1024x600] [--reading-mode] [--article ID] [--no-citation] [--find TEXT]
        [--search QUERY] [--language es | --pseudo-rtl]
    .venv/bin/python scripts/screenshot.py OUT.png --kiosk --size 1366x768 [--after-reset]

Without a display it runs itself again under ``xvfb-run -a`` (Debian: apt-get install
xvfb); ``--window-manager`` starts openbox on it too and pictures the whole screen, title
bar included (as a person sees a window, or reading mode covering it). Settings go to a
temporary home: the user's own settings are never touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED_ID = "exploring-the-connection-between-vitamin-b-12-in-breast-milk"


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("output", type=Path, help="PNG file to write")
    p.add_argument("--library", type=Path, default=ROOT / "library")
    p.add_argument("--article", default=SEED_ID, help="article id to open")
    p.add_argument("--scale", type=int, default=200, help="text size in per cent")
    p.add_argument("--theme", default="high_contrast")
    p.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    p.add_argument(
        "--screen",
        default=None,
        help="the virtual screen's size, WIDTHxHEIGHT (default: --size, so a small window "
        "is shown on a screen that small)",
    )
    p.add_argument("--reading-mode", action="store_true", help="the window in reading mode (F9)")
    p.add_argument(
        "--after-reset",
        action="store_true",
        help="kiosk: after a person used it (larger text, the keyboard) and touched Finish",
    )
    p.add_argument("--no-citation", action="store_true", help="do not activate the first citation")
    p.add_argument("--find", default=None, help="scroll to the first line holding this text")
    p.add_argument(
        "--search", default=None, help="type this in the search box and show its results"
    )
    p.add_argument(
        "--kiosk", action="store_true", help="the kiosk's home screen instead (full screen)"
    )
    p.add_argument(
        "--window-manager",
        action="store_true",
        help="under xvfb-run: openbox manages the window; the picture is the whole screen",
    )
    p.add_argument("--language", default="en", help="interface language: en, es, ...")
    p.add_argument(
        "--pseudo-rtl",
        action="store_true",
        help="a right-to-left pseudo-translation (scripts/pseudo_locale.py) instead",
    )
    return p.parse_args(argv)


def under_xvfb(argv: list[str]) -> int:
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print("screenshot: no display and no xvfb-run (apt-get install xvfb)", file=sys.stderr)
        return 3
    args = parse(argv)
    screen = args.screen or args.size
    cmd = [xvfb, "-a", "-s", f"-screen 0 {screen}x24", sys.executable, __file__, *argv]
    if args.window_manager:
        if shutil.which("openbox") is None:
            print("screenshot: no openbox (apt-get install openbox)", file=sys.stderr)
            return 3
        # openbox first; it ends with the display when the picture is taken.
        start = 'openbox >/dev/null 2>&1 & sleep 1; exec "$@"'
        cmd[4:4] = ["sh", "-c", start, "sh"]
    return subprocess.run(cmd, check=False).returncode


def main(argv: list[str]) -> int:
    args = parse(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        return under_xvfb(argv)
    sys.path.insert(0, str(ROOT))
    home = tempfile.mkdtemp(prefix="reader-shot-")
    os.environ["OFFLINE_READER_HOME"] = home

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.cli.gui import GuiOptions
    from reader.ui.app import application, build_window

    app = application()
    from reader.ui.i18n import translations

    if args.pseudo_rtl:
        sys.path.insert(0, str(ROOT / "scripts"))
        from pseudo_locale import CODE, build

        translations().add_search_dir(build(Path(home) / "pseudo").parent)
        args.language = CODE
    if not args.kiosk:  # the window takes the saved language; the kiosk its configured one
        from dataclasses import replace

        from reader.core.settings import SettingsStore

        store = SettingsStore.for_user()
        store.save(replace(store.load()[0], language=args.language))
    if args.kiosk:
        return shoot_kiosk(app, args, home)
    window = build_window(GuiOptions(library=args.library, open_target=args.article))
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    window.activateWindow()
    window.update_settings(text_scale=args.scale, theme=args.theme)
    article = window.article_view.article
    if article is None:
        print(f"screenshot: article {args.article!r} not found", file=sys.stderr)
        return 2
    if article.citations and not args.no_citation:
        window.article_view.follow("cite:0")
    if args.reading_mode:
        window.set_reading_mode(True)
    if args.find:
        window.article_view.complete_text()  # a long article's rest comes after its start
        found = window.article_view.document().find(args.find)
        if not found.isNull():
            window.article_view.keep_place(found.position(), move_caret=True)
    result = {"code": 0}

    def shoot() -> None:
        QApplication.processEvents()
        screen = window.screen()
        if screen is None:
            picture = window.grab()
        elif args.window_manager:  # the whole screen: the window manager's frame too
            picture = screen.grabWindow(0)
        else:
            picture = screen.grabWindow(window.winId())
        if picture.isNull():
            picture = window.grab()
        args.output.parent.mkdir(parents=True, exist_ok=True)
        if not picture.save(str(args.output)):
            print(f"screenshot: could not write {args.output}", file=sys.stderr)
            result["code"] = 1
        else:
            print(f"{args.output}: {picture.width()}x{picture.height()}")
        window.close()
        app.quit()

    if args.search:
        search = window.search

        def type_when_ready() -> None:
            if search.index is None or search.indexing:
                QTimer.singleShot(200, type_when_ready)
                return
            search.search_finished.connect(lambda _results: QTimer.singleShot(800, shoot))
            window.search_pane.box.setFocus()
            window.search_pane.box.setText(args.search)

        QTimer.singleShot(500, type_when_ready)
    else:
        QTimer.singleShot(1500, shoot)
    app.exec()
    shutil.rmtree(home, ignore_errors=True)
    return result["code"]


def shoot_kiosk(app: Any, args: argparse.Namespace, home: str) -> int:
    """The kiosk's home screen as a person walking up to it sees it."""
    from dataclasses import replace

    from PySide6.QtCore import QTimer

    from reader.core.kiosk import load_kiosk_config
    from reader.core.library import Library
    from reader.ui.i18n import translations
    from reader.ui.kiosk.window import KioskWindow

    config = load_kiosk_config(None)
    language = args.language if args.language in ("en", "es") else "en"
    config = replace(config, display=replace(config.display, language=language))
    window = KioskWindow(Library.scan(args.library), config)
    if args.language != language:  # a language the kiosk does not offer: shown all the same
        translations().set_language(args.language)
    window.start()
    result = {"code": 0}

    def use_and_finish() -> None:
        for _ in range(4):
            window.larger_button.click()
        window.keyboard_button.setChecked(True)
        window.finish_button.click()

    if args.after_reset:
        QTimer.singleShot(1000, use_and_finish)

    def shoot() -> None:
        picture = window.grab()
        args.output.parent.mkdir(parents=True, exist_ok=True)
        result["code"] = 0 if picture.save(str(args.output)) else 1
        print(f"{args.output}: {picture.width()}x{picture.height()}")
        window.guard.grant_exit()  # the kiosk refuses to close unless told it may
        window.shutdown()
        window.close()
        app.quit()

    QTimer.singleShot(2500, shoot)
    app.exec()
    shutil.rmtree(home, ignore_errors=True)
    return result["code"]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
