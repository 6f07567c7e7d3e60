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
    before = translations_by_text(ts.read_text(encoding="utf-8")) if ts.is_file() else {}
    subprocess.run(cmd, check=True, cwd=ROOT)
    # lupdate takes the code's ``#:`` attribute comments for notes to translators: drop
    # them (a note for translators goes in tr()'s disambiguation argument instead).
    text = ts.read_text(encoding="utf-8")
    ts.write_text(carry_over(_EXTRA.sub("", text), before), encoding="utf-8")


_EXTRA = re.compile(r"\n *<extracomment>.*?</extracomment>", re.S)
_MESSAGE = re.compile(r"<message( numerus=\"yes\")?>(.*?)</message>", re.S)
_TRANSLATION = re.compile(r"<translation( type=\"[a-z]+\")?>(.*?)</translation>", re.S)
_KEY = re.compile(r"<source>.*?</source>(?:\s*<comment>.*?</comment>)?", re.S)


def translations_by_text(ts_text: str) -> dict[tuple[bool, str], str]:
    """Finished translations by (plural, source and comment), over every context: a text
    whose code moved to another class keeps its translation (see :func:`carry_over`).
    A text translated differently in two contexts is left out (it must be chosen)."""
    found: dict[tuple[bool, str], set[str]] = {}
    for m in _MESSAGE.finditer(ts_text):
        key, translation = _KEY.search(m.group(2)), _TRANSLATION.search(m.group(2))
        if key is None or translation is None or translation.group(1):
            continue
        if not re.sub(r"<[^>]+>", "", translation.group(2)).strip():
            continue
        found.setdefault((bool(m.group(1)), key.group(0)), set()).add(translation.group(0))
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def carry_over(ts_text: str, before: dict[tuple[bool, str], str]) -> str:
    """Fill each unfinished message with the translation its text had before, in any
    context (lupdate keeps a translation only in the context it was made in)."""

    def fill(m: re.Match[str]) -> str:
        body = m.group(2)
        key, translation = _KEY.search(body), _TRANSLATION.search(body)
        if key is None or translation is None or translation.group(1) != ' type="unfinished"':
            return m.group(0)
        old = before.get((bool(m.group(1)), key.group(0)))
        if old is None:
            return m.group(0)
        return m.group(0).replace(translation.group(0), old, 1)

    return _MESSAGE.sub(fill, ts_text)


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
