"""How much disk an installation of the reader takes, measured from the files pip
installed in this environment (no network): the reader and every package it needs,
without and with the optional "speech" extra.

    .venv/bin/python scripts/install_size.py

Each distribution's size is the sum of the files its RECORD lists (what pip put on disk;
byte-code caches written later are left out).
"""

from __future__ import annotations

import re
import sys
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


def main() -> int:
    base = report("offline-reader", closure(PROJECT, frozenset()))
    speech = report("offline-reader[speech]", closure(PROJECT, frozenset({"speech"})))
    print(f"the speech extra adds {(speech - base) / MIB:.0f} MiB ({speech / base:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
