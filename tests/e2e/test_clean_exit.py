"""Stopping the reader from the system: SIGTERM and SIGINT close the window as a person
closing it would (layout saved, the indexing process stopped, no traceback), and an
indexing process whose window was killed outright stops by itself, quietly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

COMMAND = Path(sys.executable).with_name("offline-reader")
ARTICLE = """\
---
id: topic-{n}
title: Topic {n} and how it is treated
collection: Synthetic
language: en
---

Intro {n} about {words}.[^a]

## Section one of {n}

{body}

## Section two of {n}

{body}

[^a]: Author {n}. A source about topic {n}. Journal. 2020.
"""


def make_library(root: Path, count: int) -> Path:
    folder = root / "synthetic"
    folder.mkdir(parents=True)
    words = [f"word{i}" for i in range(400)]
    for n in range(count):
        body = " ".join(words[(n * 7 + k) % 400] for k in range(350)) + "."
        text = ARTICLE.format(n=n, words=" ".join(words[n % 50 : n % 50 + 5]), body=body)
        (folder / f"topic-{n}.md").write_text(text, encoding="utf-8")
    return root


def start(args: list[str], home: Path, cwd: Path) -> subprocess.Popen[str]:
    if not COMMAND.exists():
        pytest.skip(f"{COMMAND} is not installed (make test installs it)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "OFFLINE_"))}
    env.update(QT_QPA_PLATFORM="offscreen", OFFLINE_READER_HOME=str(home))
    return subprocess.Popen(
        [str(COMMAND), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=cwd,
    )


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def indexer_of(window: subprocess.Popen[str]) -> int:
    def find() -> int:
        for child in children(window.pid):
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
            if b"--progress-json" in cmdline:
                return child
        return 0

    return int(str(wait_for(find, 60, "the indexing process")))


def settings(home: Path) -> dict[str, object]:
    path = home / "config" / "settings.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 0), (signal.SIGINT, 130)])
def test_a_signal_closes_the_window_and_stops_its_indexer(
    tmp_path: Path, signum: signal.Signals, status: int
) -> None:
    library = make_library(tmp_path / "library", 400)
    home = tmp_path / "home"
    window = start(["--library", str(library), "topic-3"], home, tmp_path)
    try:
        indexer = indexer_of(window)
        wait_for(lambda: settings(home).get("last_article") == "topic-3", 30, "the article")
        window.send_signal(signum)
        _out, err = window.communicate(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert window.returncode == status, err
    assert "Traceback" not in err and "ERROR" not in err, err
    # closed as a person closes it: the window's layout was saved on the way out
    assert settings(home).get("window_geometry"), "the layout was not saved"
    assert not alive(indexer), "the indexing process is still running"


def test_an_indexer_whose_window_was_killed_stops_quietly(tmp_path: Path) -> None:
    library = make_library(tmp_path / "library", 1500)
    home = tmp_path / "home"
    window = start(["--library", str(library)], home, tmp_path)
    try:
        indexer = indexer_of(window)
        window.kill()  # SIGKILL: the window cannot stop its indexer itself
        _out, err = window.communicate(timeout=30)
        # the indexer shares the window's standard error: whatever it says arrives there
        wait_for(lambda: not alive(indexer), 20, "the orphaned indexer to stop")
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert "ERROR" not in err, err
