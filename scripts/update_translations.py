"""Bring the interface translation sources (reader/i18n/reader_*.ts) up to date with the code.

    .venv/bin/python scripts/update_translations.py          # update every .ts
    .venv/bin/python scripts/update_translations.py --check  # exit 1 if one is out of date

Runs PySide6's lupdate over the reader's modules: strings passed to ``tr()``,
``QCoreApplication.translate()`` and ``QT_TRANSLATE_NOOP()`` are added, those no longer
in the code are dropped, translations already made are kept. Locations are not written,
so a .ts changes only when a string does. ``scripts/bootstrap.sh`` compiles the .ts files
to the .qm files the reader loads.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "reader" / "i18n"
#: English is the source language: its file holds only the plural forms ("1 article",
#: "2 articles" for "%n article(s)").
LANGUAGES = ("en", "es")


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "reader").rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts: Path) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    files = [str(p.relative_to(ROOT)) for p in sources()]
    cmd = [str(tool), *files, "-ts", str(ts), "-no-obsolete", "-locations", "none", "-silent"]
    if ts.stem.endswith("_en"):
        cmd.append("-pluralonly")
    subprocess.run(cmd, check=True, cwd=ROOT)
    # lupdate takes the code's ``#:`` attribute comments for notes to translators: drop
    # them (a note for translators goes in tr()'s disambiguation argument instead).
    text = ts.read_text(encoding="utf-8")
    ts.write_text(_EXTRA.sub("", text), encoding="utf-8")


_EXTRA = re.compile(r"\n *<extracomment>.*?</extracomment>", re.S)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether they are current")
    args = parser.parse_args(argv)
    stale: list[str] = []
    for code in LANGUAGES:
        ts = I18N / f"reader_{code}.ts"
        if not args.check:
            lupdate(ts)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / ts.name
            shutil.copy(ts, copy)
            lupdate(copy)
            if copy.read_bytes() != ts.read_bytes():
                stale.append(ts.name)
    if stale:
        print(f"out of date: {', '.join(stale)}; run scripts/update_translations.py")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
