"""The installed ``offline-reader`` command, started as a person starts it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed_000_d25b21b6034f8d55.txt"
BUNDLED_SEED = next((ROOT / "library" / "womens-health").glob("*.md"))
COMMAND = Path(sys.executable).with_name("offline-reader")


def run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    if not COMMAND.exists():
        pytest.skip(f"{COMMAND} is not installed (make test installs it)")
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "OFFLINE_"))}
    environ["OFFLINE_READER_HOME"] = str(tmp_path / "home")
    environ.update(env)
    return subprocess.run(
        [str(COMMAND), *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=300,
        check=False,
        cwd=tmp_path,
    )


@pytest.fixture
def seed_library(tmp_path: Path) -> Path:
    library = tmp_path / "library" / "womens-health"
    library.mkdir(parents=True)
    shutil.copy(BUNDLED_SEED, library / BUNDLED_SEED.name)
    return library.parent


def test_without_a_display_the_window_says_how_to_get_one(tmp_path: Path) -> None:
    result = run([], tmp_path, DISPLAY="", WAYLAND_DISPLAY="")
    assert result.returncode != 0
    assert "no display" in result.stderr
    assert "xvfb-run" in result.stderr
    assert "Traceback" not in result.stderr


def test_import_seed_reproduces_the_bundled_article_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(["import", "seed", str(SEED), "--library", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    (written,) = out.rglob("*.md")
    assert written.relative_to(out) == BUNDLED_SEED.relative_to(ROOT / "library")
    assert written.read_bytes() == BUNDLED_SEED.read_bytes()


def test_check_prints_the_claim_report_and_passes(seed_library: Path, tmp_path: Path) -> None:
    result = run(["check", "--library", str(seed_library)], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "0 broken" in out
    assert "ref 1 [cornell-2021]" in out
    assert "ref 2 [who]" in out
    assert "ref 4 [chatzi-2021]" in out
    assert "FLAGGED" in out and "Journal of Autism and Developmental Disorders" in out
    assert "ref 3 [schmidt-2014] is cited by no claim" in out


def test_check_fails_on_a_broken_article_and_names_it(seed_library: Path, tmp_path: Path) -> None:
    (seed_library / "womens-health" / "broken.md").write_text(
        "---\nid: broken\ntitle: [oops\n---\n", encoding="utf-8"
    )
    result = run(["check", "--library", str(seed_library)], tmp_path)
    assert result.returncode == 1
    assert "broken.md" in result.stdout
    assert "1 broken" in result.stdout


def test_search_finds_the_seed_by_lay_spelling_as_json(seed_library: Path, tmp_path: Path) -> None:
    result = run(
        ["search", "B 12 breastfeeding", "--json", "--library", str(seed_library)], tmp_path
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    hits = payload["hits"]
    assert hits, payload
    assert hits[0]["article_id"] == BUNDLED_SEED.stem
    assert hits[0]["section_heading"]


def test_a_malformed_query_is_a_friendly_nothing(seed_library: Path, tmp_path: Path) -> None:
    result = run(["search", '"unclosed ((', "--library", str(seed_library)], tmp_path)
    assert result.returncode in (0, 1)
    assert "Traceback" not in result.stderr
