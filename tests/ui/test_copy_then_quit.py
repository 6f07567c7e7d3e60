"""Copying from the article and then quitting ends the program cleanly.

A copy hands the clipboard a selection made by the article view; were that object still
tied to Python when the program ends, quitting would crash (exit status -11) after every
copy. Only a real process ending shows it, so the reader runs in its own process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = "exploring-the-connection-between-vitamin-b-12-in-breast-milk"  # committed

SESSION = """
import sys
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from reader.ui.app import build_window
from reader.ui.options import GuiOptions

app = QApplication.instance() or QApplication(sys.argv)
options = GuiOptions(library=Path(sys.argv[1]), open_target=sys.argv[2])
window = build_window(options, start_search=False)
window.show()

def copy_then_quit() -> None:
    view = window.article_view
    if view.article is None:
        QTimer.singleShot(50, copy_then_quit)
        return
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    print("copied:", QApplication.clipboard().text()[:60].replace("\\n", " "), flush=True)
    window.close()
    app.quit()

QTimer.singleShot(0, copy_then_quit)
sys.exit(app.exec())
"""


def test_quitting_after_a_copy_ends_the_program_without_a_crash(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OFFLINE_READER_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", SESSION, str(ROOT / "library"), SEED],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "copied: " in done.stdout and len(done.stdout.strip()) > len("copied: ") + 10, (
        done.stdout,
        done.stderr[-2000:],
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
