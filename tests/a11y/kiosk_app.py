"""The kiosk window for the speech tests, as ``offline-reader --kiosk`` builds it.

Usage: python -m tests.a11y.kiosk_app LIBRARY CONTROL_DIR

Its configuration is the defaults (an idle time of minutes), so a scenario is never
interrupted by the warning. A scenario that wants the warning creates the file
``CONTROL_DIR/idle-soon``: the idle time becomes two seconds from then on, as a
deployment's shorter ``idle_timeout`` would make it (checked twice a second).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from reader.core.kiosk import KioskConfig
from reader.core.library import Library
from reader.ui.application import application
from reader.ui.kiosk.window import KioskWindow

IDLE_SOON_MS = 2000


def main() -> int:
    library, control = Path(sys.argv[1]), Path(sys.argv[2])
    app = application()
    config = KioskConfig()
    window = KioskWindow(Library.scan(library), config)
    window.start()

    def look_for_control() -> None:
        if (control / "idle-soon").exists():
            (control / "idle-soon").unlink()
            countdown = config.session.warning_countdown
            window.idle.set_timing(idle_ms=IDLE_SOON_MS, countdown_s=countdown)

    poll = QTimer(window)
    poll.setInterval(500)
    poll.timeout.connect(look_for_control)
    poll.start()
    try:
        return int(app.exec())
    finally:
        window.shutdown()


if __name__ == "__main__":
    sys.exit(main())
