"""The on-demand fuzz run works and finds nothing in a short, bounded run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_fuzz_script_runs_every_parser_for_a_bounded_time() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "fuzz.py"), "--seconds", "15", "--batch", "30"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    summary = done.stdout.strip().splitlines()[-1]
    for parser in ("parse", "front-matter", "scan", "kiosk", "jats", "seed", "query"):
        assert f"{parser} " in summary, summary
