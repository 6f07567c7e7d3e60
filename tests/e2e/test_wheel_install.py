"""The built wheel, installed into a fresh environment outside the repository, runs from
any folder: ``check`` and ``search`` find the library it carries, and the window starts
with its fonts (nothing read from the source tree).

The environment is a new venv holding only the reader's wheel (installed with pip, no
network); the reader's dependencies (PySide6, Whoosh, ...) come from the project's
environment through a ``.pth`` line, so the test costs seconds rather than a 300 MiB
install. A ``.pth`` line adds a folder without running that folder's own ``.pth`` files,
so the editable install of the checkout stays out of it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "tests" / "fixtures" / "search_library"
PIP = (sys.executable, "-m", "pip", "-q")
OFFLINE = ("--no-deps", "--no-index")  # never the network
SOURCES = ("reader", "pyproject.toml", "setup.py", "README.md", "LICENSE")


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def _clean_env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("QT_", "OFFLINE_", "PYTHON", "VIRTUAL_ENV"))
    }
    env.update(OFFLINE_READER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv outside the repository with the reader installed from its wheel."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, src / name)
    env = _clean_env(base / "home")
    # The library as set-up leaves it: with its articles parsed once, beside it.
    library = base / "library"
    shutil.copytree(LIBRARY, library)
    prebuilt = _run(
        [sys.executable, "-m", "reader", "prebuild", "--library", str(library)], base, env
    )
    assert prebuilt.returncode == 0, prebuilt.stdout + prebuilt.stderr
    env["OFFLINE_READER_BUILD_LIBRARY"] = str(library)
    built = _run(
        [*PIP, "wheel", *OFFLINE, "--no-build-isolation", "-w", str(base / "dist"), str(src)],
        base,
        env,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (base / "dist").glob("offline_reader-*.whl")
    venv = base / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], base, env)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], base, env
    ).stdout.strip()
    Path(purelib, "project-dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    pip = _run(
        [*PIP, "--python", str(python), "install", *OFFLINE, str(wheel)],
        base,
        env,
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr
    return venv


def test_the_installed_reader_is_the_wheel_not_the_checkout(
    installed: Path, tmp_path: Path
) -> None:
    env = _clean_env(tmp_path / "home")
    where = _run(
        [str(installed / "bin" / "python"), "-c", "import reader; print(reader.__file__)"],
        tmp_path,
        env,
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(installed), where.stdout


def test_check_and_search_use_the_library_the_wheel_carries(
    installed: Path, tmp_path: Path
) -> None:
    env = _clean_env(tmp_path / "home")
    command = str(installed / "bin" / "offline-reader")
    check = _run([command, "check"], tmp_path, env)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "4 article(s)" in check.stdout and "0 broken" in check.stdout
    assert str(installed) in check.stdout  # the articles are read from the installed package
    search = _run([command, "search", "anaemia", "--json"], tmp_path, env)
    assert search.returncode == 0, search.stdout + search.stderr
    hits = json.loads(search.stdout)["hits"]
    assert "anaemia-in-pregnancy" in {h["article_id"] for h in hits}


READ_BACK = """
from reader.core.library import Library
from reader.core.paths import bundled_library
library = Library.scan(bundled_library())
for s in library.summaries:
    print(s.id, library.parsed.get(s.content_hash, s.path) is not None)
"""


def test_the_installed_reader_reads_the_parsed_articles_the_wheel_carries(
    installed: Path, tmp_path: Path
) -> None:
    env = _clean_env(tmp_path / "home")
    read = _run([str(installed / "bin" / "python"), "-c", READ_BACK], tmp_path, env)
    assert read.returncode == 0, read.stdout + read.stderr
    # the parser installed is the one that prebuilt them: every entry is used
    assert sorted(read.stdout.split()[1::2]) == ["True"] * 4, read.stdout


def test_an_installed_reader_without_a_library_says_what_to_do(
    installed: Path, tmp_path: Path
) -> None:
    env = _clean_env(tmp_path / "home")
    env["OFFLINE_READER_LIBRARY"] = str(tmp_path / "nowhere")
    for args in (["check"], ["search", "iron"]):
        result = _run([str(installed / "bin" / "offline-reader"), *args], tmp_path, env)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "--library DIR" in result.stderr and "Open library" in result.stderr
        assert "Traceback" not in result.stderr


def test_the_installed_window_starts_with_its_fonts_and_icon(
    installed: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = _clean_env(home)
    window = subprocess.Popen(
        [str(installed / "bin" / "offline-reader"), "anaemia-in-pregnancy"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    settings = home / "config" / "settings.json"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and window.poll() is None:
            if settings.is_file() and "anaemia-in-pregnancy" in settings.read_text("utf-8"):
                break
            time.sleep(0.05)
        assert window.poll() is None, window.communicate()[1]
        window.send_signal(signal.SIGTERM)
        _out, err = window.communicate(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert window.returncode == 0, err
    assert "font is missing" not in err, err
    assert "Traceback" not in err and "icon" not in err, err


def test_the_installed_window_without_a_library_says_what_to_do(
    installed: Path, tmp_path: Path
) -> None:
    env = _clean_env(tmp_path / "home")
    env["OFFLINE_READER_LIBRARY"] = str(tmp_path / "nowhere")
    window = subprocess.Popen(
        [str(installed / "bin" / "offline-reader")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    said: list[str] = []
    try:
        assert window.stderr is not None
        for line in window.stderr:  # the window says why at start, then waits for the person
            said.append(line)
            if "there is no library folder" in line:
                break
        assert window.poll() is None, "".join(said)
        window.send_signal(signal.SIGTERM)
        _out, rest = window.communicate(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    err = "".join(said) + rest
    assert window.returncode == 0, err
    assert "there is no library folder" in err and "Open library" in err, err
    assert "Traceback" not in err, err
