"""How much disk an installation of the reader takes, measured from the files pip
installed in this environment (no network): the reader and every package it needs,
without and with the optional "speech" extra.

    .venv/bin/python scripts/install_size.py [--wheel dist/offline_reader-*.whl]

With ``--wheel``, the reader's own share (code, fonts, icons and the library it carries)
is read from the built wheel: the development install in .venv is editable, so it holds
none of that. Each distribution's size is the sum of the files its RECORD lists (what
pip put on disk; byte-code caches written later are left out).
"""

from __future__ import annotations

import argparse
import re
import sys
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

MIB = 1024 * 1024
PROJECT = "offline-reader"


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def dist_size(dist: metadata.Distribution) -> int:
    total = 0
    for file in dist.files or ():
        if "__pycache__" in file.parts:
            continue
        try:
            total += Path(str(dist.locate_file(file))).stat().st_size
        except OSError:
            continue
    return total


def closure(name: str, extras: frozenset[str]) -> dict[str, metadata.Distribution]:
    """The distribution ``name`` and everything it needs with ``extras``."""
    found: dict[str, metadata.Distribution] = {}
    todo: list[tuple[str, frozenset[str]]] = [(name, extras)]
    while todo:
        current, wanted = todo.pop()
        key = _norm(current)
        if key in found:
            continue
        try:
            dist = metadata.distribution(current)
        except metadata.PackageNotFoundError:
            print(f"  (not installed here: {current})", file=sys.stderr)
            continue
        found[key] = dist
        for line in dist.requires or ():
            req = Requirement(line)
            envs = [{"extra": e} for e in wanted] or [{"extra": ""}]
            if req.marker is None or any(req.marker.evaluate(env) for env in envs):
                todo.append((req.name, frozenset(req.extras)))
    return found


def report(label: str, dists: dict[str, metadata.Distribution]) -> int:
    sizes = sorted(((dist_size(d), d.metadata["Name"]) for d in dists.values()), reverse=True)
    total = sum(size for size, _ in sizes)
    print(f"{label}: {total / MIB:.0f} MiB in {len(sizes)} distributions")
    for size, name in sizes:
        if size >= MIB:
            print(f"  {size / MIB:7.1f} MiB  {name}")
    return total


def wheel_report(path: Path) -> int:
    """The reader's wheel: its size, and what it unpacks to (the library separately)."""
    with zipfile.ZipFile(path) as wheel:
        infos = wheel.infolist()
    unpacked = sum(i.file_size for i in infos)
    library = sum(i.file_size for i in infos if i.filename.startswith("reader/library/"))
    articles = sum(
        1 for i in infos if i.filename.startswith("reader/library/") and i.filename.endswith(".md")
    )
    print(
        f"{path.name}: {path.stat().st_size / MIB:.1f} MiB, {unpacked / MIB:.1f} MiB installed, "
        f"of which the library ({articles} articles and its index) {library / MIB:.1f} MiB"
    )
    return unpacked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, default=None, help="the reader's built wheel")
    args = parser.parse_args()
    own = wheel_report(args.wheel) if args.wheel else 0
    base = report("offline-reader", closure(PROJECT, frozenset())) + own
    speech = report("offline-reader[speech]", closure(PROJECT, frozenset({"speech"}))) + own
    if own:
        print(f"with the wheel: {base / MIB:.0f} MiB, with speech {speech / MIB:.0f} MiB")
    print(f"the speech extra adds {(speech - base) / MIB:.0f} MiB ({speech / base:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
